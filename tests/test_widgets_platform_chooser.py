"""The platform chooser: live ranking follows its controls; the static view shows the start."""

from __future__ import annotations

from typing import Any

import pytest

from smm_helpers.errors import InputError
from smm_helpers.platforms import recommend_platforms
from smm_helpers.widgets.platform_chooser import platform_chooser, ranking_html

pytest.importorskip("ipywidgets")

ALO: dict[str, Any] = {
    "kind": "nonprofit",
    "goals": ["donations", "awareness"],
    "ages": (18, 45),
    "formats": ["image", "short_video"],
    "monthly_budget": 5000,
    "hours_per_week": 8,
}


def _rows(page: str) -> list[str]:
    """Platform names in the order the ranking table lists them."""
    from html.parser import HTMLParser

    cells: list[list[str]] = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag: str, attrs: object) -> None:
            if tag == "tr":
                cells.append([])

        def handle_data(self, data: str) -> None:
            if cells and data.strip():
                cells[-1].append(data.strip())

    Parser().feed(page)
    return [row[1] for row in cells[1:]]


def test_static_fallback_shows_the_ranking_for_the_starting_inputs():
    view = platform_chooser(**ALO)
    expected = recommend_platforms(**ALO)
    assert _rows(view.static_html) == [expected.names[p] for p in expected.ranking]
    assert expected.advice.split(":")[0] in view.static_html
    assert view.text == str(expected)


def test_live_ranking_starts_equal_to_the_static_one(monkeypatch):
    monkeypatch.delenv("SMM_STATIC_WIDGETS", raising=False)
    view = platform_chooser(**ALO)
    assert view.widget.ranking.value == view.static_html


def test_fewer_hours_shrink_the_platforms_to_focus_on(monkeypatch):
    monkeypatch.delenv("SMM_STATIC_WIDGETS", raising=False)
    box = platform_chooser(**ALO).widget
    box.controls["hours_per_week"].value = 2.0
    expected = recommend_platforms({**ALO, "hours_per_week": 2.0})
    assert box.ranking.value == ranking_html(expected)
    assert "focus on 1 platform" in box.ranking.value


def test_weights_slider_reorders_the_ranking(monkeypatch):
    monkeypatch.delenv("SMM_STATIC_WIDGETS", raising=False)
    box = platform_chooser(kind="nonprofit").widget
    before = _rows(box.ranking.value)
    box.controls["hours_per_week"].value = 1.0
    for factor in ("goal", "audience", "format", "cost"):
        box.controls[f"weight:{factor}"].value = 0.0
    after = _rows(box.ranking.value)
    assert after != before
    # only effort counts now: the platform needing the fewest hours a week comes first
    assert after[0] == "LinkedIn"


def test_changing_goals_to_recruitment_for_a_b2b_puts_linkedin_first(monkeypatch):
    monkeypatch.delenv("SMM_STATIC_WIDGETS", raising=False)
    box = platform_chooser(kind="nonprofit").widget
    box.controls["kind"].value = "b2b"
    box.controls["goals"].value = ("recruitment",)
    assert _rows(box.ranking.value)[0] == "LinkedIn"


def test_no_goal_selected_explains_instead_of_crashing(monkeypatch):
    monkeypatch.delenv("SMM_STATIC_WIDGETS", raising=False)
    box = platform_chooser(kind="nonprofit").widget
    box.controls["goals"].value = ()
    assert "Can't rank yet" in box.ranking.value
    assert "goal" in box.ranking.value


def test_static_widgets_setting_builds_no_live_view(monkeypatch):
    monkeypatch.setenv("SMM_STATIC_WIDGETS", "1")
    view = platform_chooser(**ALO)
    assert view.widget is None
    assert "text/html" in view._repr_mimebundle_()


def test_unknown_goal_is_a_teaching_error():
    with pytest.raises(InputError, match="not a goal"):
        platform_chooser(kind="nonprofit", goals=["likes"])
