"""SMM Lab counts and extracts exactly as X's own twitter-text conformance data says.

The data (validate.yml, extract.yml, config-v3.json) is read in place from ../shared; it is
never copied into the project.  Case names come from the files, so a new case is tested too.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from smm_helpers.content import (
    count_x,
    extract_hashtags,
    extract_hashtags_with_indices,
    extract_mentions,
    extract_urls,
)
from smm_helpers.content import length as length_module
from tests.conftest import SHARED

TWITTER_TEXT = Path("reference") / "twitter-text"
V3_COUNTER_SECTIONS = (
    "WeightedTweetsWithDiscountedEmojiCounterTest",
    "UnicodeDirectionalMarkerCounterTest",
)

# twitter-text's field names -> XCount's
FIELDS = {
    "weightedLength": "weighted_length",
    "valid": "valid",
    "permillage": "permillage",
    "displayRangeStart": "display_range_start",
    "displayRangeEnd": "display_range_end",
    "validRangeStart": "valid_range_start",
    "validRangeEnd": "valid_range_end",
}


@cache
def _load(folder: Path, name: str) -> dict[str, Any]:
    with (folder / TWITTER_TEXT / name).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)["tests"]


def _case_ids(name: str, sections: tuple[str, ...]) -> list[tuple[str, str]]:
    """(section, description) of every case, read at collection time to name the tests."""
    if not (SHARED / TWITTER_TEXT / name).is_file():
        return [("missing", "the shared reference folder is missing")]
    tests = _load(SHARED, name)
    return [(section, case["description"]) for section in sections for case in tests[section]]


def _case(shared_dir: Path, name: str, section: str, description: str) -> dict[str, Any]:
    if section == "missing":
        pytest.fail("the shared twitter-text reference data is missing")
    matches = [c for c in _load(shared_dir, name)[section] if c["description"] == description]
    assert len(matches) == 1, f"{description!r} should name exactly one case in {section}"
    return matches[0]


@pytest.mark.parametrize(
    ("section", "description"),
    _case_ids("validate.yml", V3_COUNTER_SECTIONS),
    ids=lambda value: value if len(value) < 60 else value[:57] + "...",
)
def test_count_x_matches_every_v3_validate_case(shared_dir: Path, section: str, description: str):
    case = _case(shared_dir, "validate.yml", section, description)
    result = count_x(case["text"])
    got = {name: getattr(result, FIELDS[name]) for name in case["expected"]}
    assert got == case["expected"], description


def test_every_v3_validate_case_is_collected(shared_dir: Path):
    tests = _load(shared_dir, "validate.yml")
    collected = _case_ids("validate.yml", V3_COUNTER_SECTIONS)
    assert len(collected) == sum(len(tests[s]) for s in V3_COUNTER_SECTIONS) > 20


EXTRACTORS = {
    "hashtags": extract_hashtags,
    "hashtags_from_astral": extract_hashtags,
    "hashtags_with_indices": extract_hashtags_with_indices,
    "mentions": extract_mentions,
    "urls": extract_urls,
}


@pytest.mark.parametrize(
    ("section", "description"),
    _case_ids("extract.yml", tuple(EXTRACTORS)),
    ids=lambda value: value if len(value) < 60 else value[:57] + "...",
)
def test_extractors_match_every_extract_case(shared_dir: Path, section: str, description: str):
    case = _case(shared_dir, "extract.yml", section, description)
    assert EXTRACTORS[section](case["text"]) == case["expected"], description


def test_x_weights_are_those_of_the_v3_config(shared_dir: Path):
    config = json.loads((shared_dir / TWITTER_TEXT / "config-v3.json").read_text("utf-8"))
    assert config["version"] == 3
    assert config["maxWeightedTweetLength"] == length_module.X_MAX_LENGTH
    assert config["scale"] == length_module.X_SCALE
    assert config["defaultWeight"] == length_module.X_DEFAULT_WEIGHT
    assert config["transformedURLLength"] == length_module.X_URL_LENGTH
    assert config["emojiParsingEnabled"] is True
    light = [(r["start"], r["end"]) for r in config["ranges"] if r["weight"] == config["scale"]]
    assert tuple(light) == length_module.X_LIGHT_RANGES
    assert len(light) == len(config["ranges"])
