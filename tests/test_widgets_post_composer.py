"""Post composer: counters follow every keystroke; the static view shows the starting text."""

from __future__ import annotations

import re

import pytest

from smm_helpers.content import check_post
from smm_helpers.errors import InputError
from smm_helpers.widgets.post_composer import counter_html, counters, post_composer

pytest.importorskip("ipywidgets")

EID = "ঈদ মোবারক! 🌙 আমাদের নতুন নকশী কাঁথা দেখুন https://example.org/eid #ঈদ #নকশী_ঘর"


def _data(page: str, name: str) -> str:
    found = re.search(rf"data-{name}='([^']*)'", page)
    assert found, f"no data-{name} in {page[:80]}"
    return found.group(1)


@pytest.fixture
def live(monkeypatch):
    monkeypatch.delenv("SMM_STATIC_WIDGETS", raising=False)
    return post_composer(EID, ["x", "instagram", "youtube"]).widget


def test_static_fallback_has_one_counter_row_per_platform_for_the_starting_text():
    view = post_composer(EID, ["x", "instagram", "youtube"])
    for platform in ("x", "instagram", "youtube"):
        assert f"smm-counter-{platform}" in view.static_html
    expected = check_post(EID, "x")
    assert f"{expected.length}/280" in view.static_html
    assert f"X (Twitter): {expected.length}/280" in view.text


def test_counters_use_each_platforms_own_unit():
    found = {c.platform: c for c in counters(EID, ["x", "instagram", "youtube"])}
    assert found["x"].length == check_post(EID, "x").length
    assert found["instagram"].length == len(EID)
    assert found["youtube"].length == len(EID.encode("utf-8"))
    assert found["youtube"].field == "description"


def test_the_textarea_updates_on_every_keystroke(live):
    assert live.controls["text"].continuous_update is True


def test_typing_updates_every_counter(live):
    live.controls["text"].value = "দৃষ্টিভঙ্গি"
    x = live.counters["x"].value
    assert _data(x, "length") == "11"
    assert _data(x, "visible") == "4"
    assert _data(live.counters["youtube"].value, "length") == "33"
    assert "smm-counter-x" in live.counters["x"]._dom_classes


def test_a_post_over_xs_limit_turns_its_counter_to_over(live):
    live.controls["text"].value = "ক" * 281
    assert _data(live.counters["x"].value, "ok") == "false"
    assert "over" in live.counters["x"].value
    assert _data(live.counters["instagram"].value, "ok") == "true"


def test_six_hashtags_break_instagram_but_not_x(live):
    live.controls["text"].value = "#এক #দুই #তিন #চার #পাঁচ #ছয়"
    assert _data(live.counters["instagram"].value, "hashtags") == "6"
    assert _data(live.counters["instagram"].value, "ok") == "false"
    assert _data(live.counters["x"].value, "ok") == "true"


def test_clearing_the_text_counts_zero_without_an_error(live):
    live.controls["text"].value = ""
    assert _data(live.counters["x"].value, "length") == "0"


def test_a_long_caption_is_cut_at_the_fold():
    (found,) = counters("আলো পাঠচক্র " * 20, ["facebook"])
    assert found.cut_by_fold
    assert "cut at the fold" in counter_html(found)


def test_unknown_platform_is_an_input_error():
    with pytest.raises(InputError, match="myspace"):
        post_composer("hi", ["x", "myspace"])
