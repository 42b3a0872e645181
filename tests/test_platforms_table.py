"""The built-in platform table is data (``smm_helpers/platforms/profiles.toml``), checked.

``tests/fixtures/platform_profiles.json`` is a snapshot of every built-in profile (every
field, every figure with its source, unit, status, range and note), of the two tables
``BANGLADESH_USERS`` and ``WEEKLY_HOURS``, and of how each profile shows itself in English
and Bengali, taken from the code-built table before it moved into data.  The table read
from the file must give exactly the same, down to ints staying ints.
"""

from __future__ import annotations

import dataclasses
import io
import json
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from smm_helpers import platforms as pl
from smm_helpers.errors import DataError
from smm_helpers.i18n import catalog
from smm_helpers.i18n.messages import in_language
from smm_helpers.platforms import table, translations
from smm_helpers.platforms.profiles import ComposedSource

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = json.loads((ROOT / "tests/fixtures/platform_profiles.json").read_text("utf-8"))
TABLE = ROOT / "smm_helpers/platforms/profiles.toml"
TEXT = TABLE.read_text(encoding="utf-8")


def figure_record(figure: Any) -> Any:
    if figure is None:
        return None
    return {f.name: getattr(figure, f.name) for f in dataclasses.fields(figure)}


def profile_record(profile: pl.PlatformProfile) -> dict[str, Any]:
    """Every field of a profile as JSON-able data (mappings as ordered pairs)."""
    aud = profile.audience
    record: dict[str, Any] = {}
    for f in dataclasses.fields(profile):
        value = getattr(profile, f.name)
        if f.name == "audience":
            value = {
                "ages": list(aud.ages),
                "kind": aud.kind,
                "reach": list(map(list, aud.reach.items())),
                "source": aud.source,
                "status": aud.status,
                "users": figure_record(aud.users),
            }
        elif f.name == "text_limits":
            value = [[k, figure_record(v)] for k, v in value.items()]
        elif f.name == "goal_fit":
            value = list(map(list, value.items()))
        elif isinstance(value, tuple):
            value = list(value)
        elif dataclasses.is_dataclass(value):
            value = figure_record(value)
        record[f.name] = value
    return record


def same(actual: Any, expected: Any) -> bool:
    """Equal as JSON text: the same values, order and number types (3 is not 3.0)."""
    return json.dumps(actual, ensure_ascii=False) == json.dumps(expected, ensure_ascii=False)


# --------------------------------------------------------------------------------------
# The data gives exactly the profiles the code gave
# --------------------------------------------------------------------------------------


def test_builtin_profiles_are_the_snapshot_field_by_field() -> None:
    profiles = pl.PlatformRegistry.with_builtins()
    expected = SNAPSHOT["profiles"]
    assert [p.id for p in profiles] == [p["id"] for p in expected]
    for profile, wanted in zip(profiles, expected, strict=True):
        record = profile_record(profile)
        assert list(record) == list(wanted)
        for name, value in wanted.items():
            assert same(record[name], value), f"{profile.id}.{name}: {record[name]!r}"


def test_bangladesh_users_and_weekly_hours_are_the_snapshot() -> None:
    users = {
        pid: [figure_record(fig), facebook] for pid, (fig, facebook) in pl.BANGLADESH_USERS.items()
    }
    assert users.keys() == {pid for pid, _, _ in SNAPSHOT["bangladesh_users"]}
    for pid, fig, facebook in SNAPSHOT["bangladesh_users"]:
        assert same(users[pid], [fig, facebook]), pid
        assert pl.get_platform(pid).audience.users is pl.BANGLADESH_USERS[pid][0]
    assert same(
        [[p, figure_record(f)] for p, f in pl.WEEKLY_HOURS.items()], SNAPSHOT["weekly_hours"]
    )


@pytest.mark.parametrize("language", ["en", "bn"])
def test_profiles_show_themselves_byte_for_byte_as_before(language: str) -> None:
    with in_language(language):
        for profile in pl.PlatformRegistry.with_builtins():
            shown = SNAPSHOT["shown"][language][profile.id]
            assert str(profile) == shown["text"]
            assert profile._repr_html_() == shown["html"]
            assert {n: str(f) for n, f in profile.figures.items()} == shown["figures"]


def test_the_table_is_read_on_first_use_not_on_import() -> None:
    code = (
        "import smm_helpers.platforms as pl\n"
        "from smm_helpers.platforms import table\n"
        "before = table.builtin_table.cache_info().currsize\n"
        "pl.get_platform('fb')\n"
        "print(before, table.builtin_table.cache_info().currsize)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.split() == ["0", "1"]


def test_a_scaled_price_follows_the_meta_price_in_the_data() -> None:
    doubled = TEXT.replace(
        "[derive.bangladesh_meta.cpm_bdt]\nvalue = 40.0",
        "[derive.bangladesh_meta.cpm_bdt]\nvalue = 80.0",
    )
    assert doubled != TEXT
    built = {p.id: p for p in table.read_table(doubled).profiles}
    before = pl.get_platform("linkedin").cpm_bdt
    after = built["linkedin"].cpm_bdt
    assert before is not None and after is not None
    assert after.value == pytest.approx(2 * before.value, abs=0.01)
    assert built["facebook"].cpm_bdt is not None and built["facebook"].cpm_bdt.value == 80
    assert after.source == before.source and isinstance(after.source, ComposedSource)


def test_a_derived_source_is_translated_piece_by_piece_and_pickles() -> None:
    figure = pl.get_platform("tiktok").cpc_bdt
    assert figure is not None and isinstance(figure.source, ComposedSource)
    again = pickle.loads(pickle.dumps(figure))
    assert again == figure and again.source.parts == figure.source.parts
    with in_language("bn"):
        shown = str(again)
    assert "Prooflytics" in shown and "derived" not in shown


# --------------------------------------------------------------------------------------
# A mistake in the file is a DataError naming the file, the line, the platform and field
# --------------------------------------------------------------------------------------


def _block(pid: str) -> tuple[int, int]:
    """(start, end) character offsets of a platform's [[platform]] block in TEXT."""
    start = TEXT.index(f'id = "{pid}"')
    end = TEXT.find("[[platform]]", start)
    return start, len(TEXT) if end < 0 else end


def _in_platform(pid: str, old: str, new: str) -> str:
    start, end = _block(pid)
    block = TEXT[start:end]
    assert old in block, (pid, old)
    return TEXT[:start] + block.replace(old, new, 1) + TEXT[end:]


MISTAKES = [
    # (platform, old, new, field named, words in the problem)
    (
        "linkedin",
        'status = "uncertain"',
        'status = "guess"',
        "engagement.status",
        "'guess' is not a figure status",
    ),
    ("instagram", "value = 0.47", 'value = "0.47"', "engagement.value", "is not a number"),
    ("x", "value = 2.5", "value = true", "effort.value", "is not a number"),
    ("youtube", 'source_ref = "prooflytics"\n', "", "cpm_usd.source", "has no source"),
    (
        "tiktok",
        'source_ref = "rival_iq_2023"',
        'source_ref = "rival_iq_2031"',
        "engagement.source_ref",
        "is not one of the [sources]",
    ),
    (
        "facebook",
        'unit = "USD per click"',
        'units = "USD per click"',
        "cpc_usd.units",
        "is not one SMM Lab knows",
    ),
    ("whatsapp", 'unit = "hours per week"\n', "", "effort.unit", "it is missing"),
    ("messenger", 'role = "messaging"', 'role = "inbox"', "role", "'inbox' is not a channel role"),
    (
        "instagram",
        'formats = ["short_video"',
        'formats = ["reel"',
        "formats",
        "'reel' is not a format",
    ),
    (
        "linkedin",
        "recruitment = 3",
        "recruitment = 4",
        "goal_fit.recruitment",
        "is not a score of 0, 1, 2 or 3",
    ),
    ("x", "low = 7\nhigh = 35", "low = 35\nhigh = 7", "posting", "is reversed"),
    (
        "tiktok",
        'derive = "scaled"',
        'derive = "guessed"',
        "cpm_bdt.derive",
        "'guessed' is not a way of deriving a price",
    ),
    (
        "youtube",
        "low_usd = 5, high_usd = 15}\ncpc",
        "low_usd = 5}\ncpc",
        "cpm_bdt.high_usd",
        "it is missing",
    ),
    ("facebook", "ages = [25, 54]", "ages = [54, 25]", "audience", "is reversed"),
    (
        "tiktok",
        "estimated_strength = 0.6",
        "estimated_strength = 0.6\nfacebook_users_in_same_count = 52.9",
        "audience.users",
        "one of the two",
    ),
    ("messenger", 'id = "messenger"', 'id = "instagram"', "id", "is used twice"),
    (
        "whatsapp",
        'kind = "general"',
        'kind = "everyone"',
        "audience",
        "'everyone' is not an audience kind",
    ),
]


@pytest.mark.parametrize(
    ("pid", "old", "new", "field", "words"), MISTAKES, ids=[f"{m[0]}-{m[3]}" for m in MISTAKES]
)
def test_a_mistake_names_the_file_line_platform_and_field(
    pid: str, old: str, new: str, field: str, words: str
) -> None:
    broken = _in_platform(pid, old, new)
    named = "instagram" if field == "id" else pid
    with pytest.raises(DataError) as caught:
        table.read_table(broken, file="profiles.toml")
    error = caught.value
    message = str(error)
    assert error.file == "profiles.toml"
    assert f"platform '{named}', field '{field}'" in message or (
        field == "audience" and f"platform '{named}', field 'audience'" in message
    ), message
    assert words in message
    assert error.fix.strip()
    assert error.line is not None
    line = broken.splitlines()[error.line - 1]
    key = field.split(".")[-1]
    assert key in line or field.split(".")[0] in line, (error.line, line, message)
    start, _ = _block(pid)  # the line is in the block that was changed
    first = broken.rfind("[[platform]]", 0, start)
    after = broken.find("[[platform]]", start)
    assert (
        broken.count("\n", 0, first)
        < error.line
        <= (broken.count("\n", 0, after) if after >= 0 else len(broken))
    ), (error.line, line)


@pytest.mark.parametrize(
    ("old", "new", "field", "words"),
    [
        (
            'hours = "course estimate (posts a week × time per post + answering), UNCERTAIN"',
            "hours = 3",
            "sources.hours",
            "is not text",
        ),
        (
            "[derive.scaled]\nmeta_low_usd = 6",
            '[derive.scaled]\nmeta_low_usd = "6"',
            "derive.scaled.meta_low_usd",
            "is not a number",
        ),
        ('judged = "', 'judgd = "', "audience_sources.judgd", "is not one SMM Lab knows"),
        (
            "[derive.scaled]\n",
            '[derive.scaled]\nsourc = "x"\n',
            "derive.scaled.sourc",
            "is not one SMM Lab knows",
        ),
    ],
)
def test_a_mistake_outside_the_platforms_names_its_section(
    old: str, new: str, field: str, words: str
) -> None:
    assert old in TEXT
    with pytest.raises(DataError) as caught:
        table.read_table(TEXT.replace(old, new, 1), file="profiles.toml")
    message = str(caught.value)
    assert f"field '{field}'" in message and "platform '" not in message, message
    assert words in message and caught.value.line is not None


def test_a_file_that_is_not_toml_names_the_line() -> None:
    broken = TEXT.replace('name = "LinkedIn"', 'name = "LinkedIn', 1)
    with pytest.raises(DataError) as caught:
        table.read_table(broken, file="profiles.toml")
    assert "not valid TOML" in str(caught.value)
    assert caught.value.line == next(
        i for i, row in enumerate(broken.splitlines(), 1) if row == 'name = "LinkedIn'
    )


def test_a_mistake_reads_in_bengali_too() -> None:
    broken = _in_platform("linkedin", 'status = "uncertain"', 'status = "guess"')
    with in_language("bn"), pytest.raises(DataError) as caught:
        table.read_table(broken, file="profiles.toml")
    assert "প্ল্যাটফর্ম 'linkedin'" in str(caught.value)


# --------------------------------------------------------------------------------------
# The table's texts reach the translation catalog
# --------------------------------------------------------------------------------------


def _shown_texts(profile: pl.PlatformProfile) -> set[str]:
    texts = {profile.name}
    if profile.posting_advice:
        texts.add(profile.posting_advice)
    for figure in profile.figures.values():
        texts.add(figure.unit)
        texts |= (
            {figure.source.template, *figure.source.parts.values()}
            if isinstance(figure.source, ComposedSource)
            else {figure.source}
        )
        if figure.note:
            texts.add(figure.note)
    return texts


def test_the_extractor_yields_every_text_a_profile_shows_and_no_hidden_one() -> None:
    found = list(translations.extract(io.BytesIO(TEXT.encode()), (), (), {}))
    messages = {message for _, _, message, _ in found}
    shown = set().union(*(_shown_texts(p) for p in pl.PlatformRegistry.with_builtins()))
    assert shown <= messages, shown - messages
    assert not {"fb", "facebook", "course estimate", "illustrative"} & messages
    assert not any(m.startswith("Bangladesh strength") for m in messages)
    lines = TEXT.splitlines()
    for line, _, message, _ in found:
        assert json.dumps(message, ensure_ascii=False) in lines[line - 1]


def test_babel_cfg_runs_the_extractor_and_the_catalog_translates_every_text() -> None:
    from babel.messages.extract import extract_from_file
    from babel.messages.pofile import read_po
    from babel.util import pathmatch

    method_map, _ = catalog._babel_config()
    relative = TABLE.relative_to(ROOT).as_posix()
    method = next(method for pattern, method in method_map if pathmatch(pattern, relative))
    assert method == "smm_helpers.platforms.translations:extract"
    extracted = {message for _, message, _, _ in extract_from_file(method, str(TABLE))}
    shown = set().union(*(_shown_texts(p) for p in pl.PlatformRegistry.with_builtins()))
    assert shown <= extracted, shown - extracted
    with catalog.po_path("bn").open("rb") as handle:
        translated = {m.id: m for m in read_po(handle, locale="bn") if m.id}
    for message in extracted:
        entry = translated.get(message)
        assert entry is not None and entry.string and not entry.fuzzy, message
