"""Budget sliders: the live split follows the sliders; the static view shows the start."""

from __future__ import annotations

import base64
import re

import pytest

from smm_helpers.budget import allocate_budget
from smm_helpers.errors import InputError
from smm_helpers.widgets.budget_sliders import (
    allocation_alt_text,
    allocation_html,
    allocation_png,
    budget_sliders,
)

pytest.importorskip("ipywidgets")

PLATFORMS = ["facebook", "instagram", "youtube"]


def _spend_cells(page: str) -> dict[str, str]:
    """Platform name → spend cell text, read from the allocation table."""
    rows = re.findall(r"<tr><td>([^<]+)</td><td[^>]*>([^<]+)</td>", page)
    return dict(rows)


@pytest.fixture
def live(monkeypatch):
    monkeypatch.delenv("SMM_STATIC_WIDGETS", raising=False)
    return budget_sliders(20_000, PLATFORMS).widget


def test_static_fallback_shows_the_split_for_the_starting_inputs():
    view = budget_sliders(20_000, PLATFORMS)
    expected = allocate_budget(20_000, PLATFORMS)
    assert allocation_html(expected) in view.static_html
    assert view.text == str(expected)
    assert _spend_cells(view.static_html)["YouTube"] == "৳" + f"{expected.spend['youtube']:,.0f}"


def test_static_fallback_embeds_the_chart_as_a_png_with_alt_text():
    view = budget_sliders(20_000, PLATFORMS)
    found = re.search(r"src='data:image/png;base64,([^']+)' alt=\"([^\"]+)\"", view.static_html)
    assert found, "no embedded PNG with alt text"
    assert base64.b64decode(found.group(1))[:4] == b"\x89PNG"
    assert "gets the most" in found.group(2)


def test_live_view_starts_equal_to_the_static_one(live):
    assert live.table.value == allocation_html(allocate_budget(20_000, PLATFORMS))
    assert live.chart.value[:4] == b"\x89PNG"


def test_raising_the_total_updates_table_and_chart(live):
    before_chart = live.chart.value
    live.controls["total"].value = 60_000
    expected = allocate_budget(60_000, PLATFORMS)
    assert live.table.value == allocation_html(expected)
    assert "৳60,000" in live.table.value
    assert live.chart.value != before_chart


def test_a_dearer_platform_gets_less_money(live):
    before = allocate_budget(20_000, PLATFORMS).spend["youtube"]
    live.controls["cost:youtube"].value = 30.0
    after = allocate_budget(
        20_000, PLATFORMS, cost_per_result={"youtube": 30.0, "facebook": 5.0, "instagram": 5.0}
    )
    assert after.spend["youtube"] < before
    assert live.table.value == allocation_html(after)


def test_a_larger_saturation_attracts_more_money(live):
    live.controls["saturation:facebook"].value = 15_000
    cells = _spend_cells(live.table.value)
    facebook = float(cells["Facebook"].strip("৳").replace(",", ""))
    instagram = float(cells["Instagram"].strip("৳").replace(",", ""))
    assert facebook > instagram


def test_an_impossible_split_shows_a_message_instead_of_crashing(monkeypatch):
    monkeypatch.delenv("SMM_STATIC_WIDGETS", raising=False)
    box = budget_sliders(5_000, ["facebook", "instagram"], minimum=2_000).widget
    box.controls["total"].value = 1_000
    assert "Can't split yet" in box.table.value


def test_static_widgets_setting_builds_no_live_view(monkeypatch):
    monkeypatch.setenv("SMM_STATIC_WIDGETS", "1")
    view = budget_sliders(20_000, PLATFORMS)
    assert view.widget is None
    assert "application/vnd.jupyter.widget-view+json" not in view._repr_mimebundle_()


def test_alt_text_names_every_platform_and_its_spend():
    split = allocate_budget(20_000, PLATFORMS)
    text = allocation_alt_text(split)
    for p in PLATFORMS:
        assert split.names[p] in text
    assert allocation_png(split)[:4] == b"\x89PNG"


def test_unknown_platform_is_an_input_error():
    with pytest.raises(InputError):
        budget_sliders(10_000, ["facebook", "myspace"])
