"""The calendar preview widget: live controls redraw the grid; the static fallback reads alone."""

from __future__ import annotations

from datetime import date

import pytest

from smm_helpers.errors import InputError
from smm_helpers.widgets.base import WIDGET_MIME
from smm_helpers.widgets.calendar_preview import calendar_preview, preview_html, start_weeks

pytest.importorskip("ipywidgets")

START = "2026-11-30"


def live(**inputs):
    view = calendar_preview(**{"start": START, **inputs})
    return view, view.widget.controls


def test_live_preview_starts_as_the_static_fallback(monkeypatch):
    monkeypatch.delenv("SMM_STATIC_WIDGETS", raising=False)
    view, controls = live(weeks=2, platforms=["facebook"], posts_per_week={"facebook": 3})
    expected = preview_html(START, 2, ["facebook"], {"facebook": 3})
    assert controls.preview.value == expected
    assert view.static_html.startswith(expected)
    assert WIDGET_MIME in view._repr_mimebundle_()


def test_more_weeks_adds_week_grids(monkeypatch):
    monkeypatch.delenv("SMM_STATIC_WIDGETS", raising=False)
    _, controls = live(weeks=1)
    assert "<h4>Week 2</h4>" not in controls.preview.value
    controls.weeks.value = 3
    assert "<h4>Week 3</h4>" in controls.preview.value
    assert "3 weeks" in controls.preview.value


def test_posts_per_week_slider_changes_the_number_of_posts(monkeypatch):
    monkeypatch.delenv("SMM_STATIC_WIDGETS", raising=False)
    _, controls = live(weeks=1, platforms=["facebook"], posts_per_week={"facebook": 2})
    assert "2 posts on facebook" in controls.preview.value
    controls.posts["facebook"].value = 6
    assert "6 posts on facebook" in controls.preview.value


def test_ticking_a_platform_adds_it_and_enables_its_slider(monkeypatch):
    monkeypatch.delenv("SMM_STATIC_WIDGETS", raising=False)
    _, controls = live(weeks=1, platforms=["facebook"])
    assert controls.posts["linkedin"].disabled
    assert "LinkedIn:" not in controls.preview.value
    controls.use["linkedin"].value = True
    assert not controls.posts["linkedin"].disabled
    assert "on facebook, linkedin" in controls.preview.value


def test_unticking_every_platform_explains_instead_of_failing(monkeypatch):
    monkeypatch.delenv("SMM_STATIC_WIDGETS", raising=False)
    _, controls = live(weeks=1, platforms=["facebook"])
    controls.use["facebook"].value = False
    assert "Pick at least one platform" in controls.preview.value
    assert "<table>" not in controls.preview.value


def test_start_week_menu_moves_the_calendar(monkeypatch):
    monkeypatch.delenv("SMM_STATIC_WIDGETS", raising=False)
    _, controls = live(weeks=1)
    assert "Mon 30 Nov 2026" in controls.preview.value
    controls.start.value = date(2026, 12, 14)
    assert "Mon 14 Dec 2026" in controls.preview.value
    assert "Victory Day" in controls.preview.value  # 16 December falls in that week


def test_static_fallback_alone_when_widgets_are_off(monkeypatch):
    monkeypatch.setenv("SMM_STATIC_WIDGETS", "1")
    view = calendar_preview(
        start=START, weeks=1, platforms=["instagram"], posts_per_week={"instagram": 4}
    )
    bundle = view._repr_mimebundle_()
    assert sorted(bundle) == ["text/html", "text/plain"]
    assert "<h4>Week 1</h4>" in bundle["text/html"]
    assert "Run this lesson in JupyterLab" in bundle["text/html"]
    assert bundle["text/plain"].startswith("ContentCalendar(1 week, Mon 30 Nov 2026")


def test_start_that_is_not_a_monday_moves_to_the_next_monday():
    assert start_weeks("2026-12-01", count=1) == [("Mon 07 Dec 2026", date(2026, 12, 7))]


@pytest.mark.parametrize(
    "inputs",
    [{"weeks": 0}, {"weeks": 5}, {"platforms": ["fb"]}, {"posts_per_week": {"facebook": 0}}],
)
def test_bad_inputs_raise_errors_that_teach(inputs):
    with pytest.raises(InputError) as error:
        calendar_preview(**inputs)
    assert error.value.fix
