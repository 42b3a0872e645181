"""A live preview of a content calendar: pick the weeks, platforms and posts per week.

``calendar_preview()`` shows the week grid of :func:`smm_helpers.planning.build_calendar`
and rebuilds it whenever a control changes.  Where widgets cannot run (a static web page),
the same grid for the default inputs is shown instead.

>>> view = calendar_preview(start="2026-11-30", weeks=1, platforms=["facebook"],
...                         posts_per_week={"facebook": 3})
>>> print(view.text.splitlines()[0])
ContentCalendar(1 week, Mon 30 Nov 2026 – Sun 06 Dec 2026, Asia/Dhaka: 3 posts on facebook; ...)
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import current_language
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits, format_date
from smm_helpers.schema import PLATFORMS, platform_name
from smm_helpers.widgets.base import LiveView

#: The preview shows at most four weeks (a month), as the calendar's own HTML does.
MAX_WEEKS = 4

#: The sliders go up to two posts a day.
MAX_POSTS_PER_WEEK = 14

#: How many Mondays the start-week menu offers (half a year from ``start``).
START_CHOICES = 26

DEFAULT_PLATFORMS = ("facebook", "instagram")


def _monday_on_or_after(start: date | str) -> date:
    if isinstance(start, str):
        try:
            start = date.fromisoformat(start.strip())
        except ValueError:
            raise _not_a_date(start) from None
    if not isinstance(start, date):
        raise _not_a_date(start)
    return start + timedelta(days=(7 - start.weekday()) % 7)


def _not_a_date(start: object) -> InputError:
    return InputError(
        _("start {start} is not a date").format(start=repr(start)),
        fix=_("write it as YYYY-MM-DD, e.g. start='2026-11-30'"),
    )


def week_label(monday: date) -> str:
    """A start week as the menu shows it: Mon 30 Nov 2026, or সোমবার, ৩০ নভেম্বর ২০২৬.

    >>> week_label(date(2026, 11, 30))
    'Mon 30 Nov 2026'
    """
    language = current_language()
    if language == "en":
        return f"{monday:%a %d %b %Y}"
    from babel.dates import format_date as babel_date  # heavy: loaded on first use

    return digits(babel_date(monday, format="EEEE", locale=language)) + ", " + format_date(monday)


def start_weeks(start: date | str, count: int = START_CHOICES) -> list[tuple[str, date]]:
    """The Mondays the start-week menu offers, as (label, date) pairs, from ``start`` on.

    A calendar plans ahead, so a start that is not a Monday moves to the next Monday.

    >>> start_weeks("2026-11-25", count=2)
    [('Mon 30 Nov 2026', datetime.date(2026, 11, 30)), ('Mon 07 Dec 2026', datetime.date(2026, 12, 7))]
    >>> start_weeks("next week")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: start 'next week' is not a date.
    How to fix it: write it as YYYY-MM-DD, e.g. start='2026-11-30'.
    """  # noqa: E501
    first = _monday_on_or_after(start)
    mondays = [first + timedelta(days=7 * n) for n in range(count)]
    return [(week_label(day), day) for day in mondays]


def preview_html(
    start: date | str, weeks: int, platforms: Iterable[str], posts_per_week: Mapping[str, int]
) -> str:
    """The preview for one set of inputs: the calendar's week grid, or a friendly problem.

    Bad inputs (no platform, too many posts for the free slots…) give a message saying what
    to change instead of an error, because a learner is moving sliders, not writing code.

    >>> page = preview_html("2026-11-30", 1, ["facebook"], {"facebook": 2})
    >>> "<h4>Week 1</h4>" in page and "GivingTuesday" in page
    True
    >>> print(preview_html("2026-11-30", 1, [], {}))
    <p class='smm-calendar-problem'><b>Nothing to preview yet:</b> no platform was given. Pick at least one platform.</p>
    """  # noqa: E501
    chosen = list(platforms)
    if not chosen:
        return _problem(_("no platform was given. Pick at least one platform."))
    try:
        calendar = _calendar(start, weeks, chosen, posts_per_week)
    except InputError as error:
        return _problem(
            _("{problem}. {fix}.").format(
                problem=error.problem, fix=error.fix[:1].upper() + error.fix[1:]
            )
        )
    grid = calendar._repr_html_(max_weeks=MAX_WEEKS)
    return f"<div class='smm-calendar-preview'>{grid}</div>"  # i18n: not shown


def _problem(text: str) -> str:
    heading = _("Nothing to preview yet:")
    return f"<p class='smm-calendar-problem'><b>{html.escape(heading)}</b> {html.escape(text)}</p>"


def _calendar(
    start: date | str, weeks: int, platforms: list[str], posts_per_week: Mapping[str, int]
) -> Any:
    from smm_helpers.planning import build_calendar  # heavy: loads regex on first use

    return build_calendar(
        start,
        weeks=weeks,
        platforms=platforms,
        posts_per_week={p: int(posts_per_week[p]) for p in platforms if p in posts_per_week},
    )


def _check_inputs(
    weeks: int, platforms: Iterable[str], posts_per_week: Mapping[str, int] | None
) -> tuple[list[str], dict[str, int]]:
    if isinstance(weeks, bool) or not isinstance(weeks, int) or not 1 <= weeks <= MAX_WEEKS:
        raise InputError(
            _("weeks must be a whole number from 1 to {most}, not {weeks}").format(
                most=digits(MAX_WEEKS), weeks=repr(weeks)
            ),
            fix=_("preview up to {most} weeks; build_calendar plans longer").format(
                most=digits(MAX_WEEKS)
            ),
        )
    chosen = [platforms] if isinstance(platforms, str) else list(platforms)
    for platform in chosen:
        if platform not in PLATFORMS:
            raise _unknown_platform(platform)
    # heavy: loads regex on first use
    from smm_helpers.planning.calendar import DEFAULT_POSTS_PER_WEEK

    counts = dict(DEFAULT_POSTS_PER_WEEK)
    for platform, value in (posts_per_week or {}).items():
        if platform not in PLATFORMS:
            raise _unknown_platform(platform)
        if (
            isinstance(value, bool)
            or not isinstance(value, int)
            or not 1 <= value <= MAX_POSTS_PER_WEEK
        ):
            raise InputError(
                _(
                    "posts_per_week[{platform}] must be a whole number from 1 to {most}, not "
                    "{value}"
                ).format(
                    platform=repr(platform), most=digits(MAX_POSTS_PER_WEEK), value=repr(value)
                ),
                fix=_("give each platform 1 to {most} posts a week").format(
                    most=digits(MAX_POSTS_PER_WEEK)
                ),
            )
        counts[platform] = value
    return chosen, counts


def _unknown_platform(platform: object) -> InputError:
    return InputError(
        _("{value} is not a platform SMM Lab knows").format(value=repr(platform)),
        fix=_("use some of: {choices}").format(choices=", ".join(PLATFORMS)),
    )


def calendar_preview(
    start: date | str = "2026-11-30",
    weeks: int = 2,
    platforms: Iterable[str] = DEFAULT_PLATFORMS,
    posts_per_week: Mapping[str, int] | None = None,
) -> LiveView:
    """A content calendar you can play with: start week, weeks, platforms, posts per week.

    The live view has a menu of start weeks (Mondays from ``start``), a slider for the
    number of weeks (1–4), and for every platform a tick box and a posts-per-week slider;
    the week grid below redraws on every change.  The static fallback is the grid for the
    inputs given here.  Posts per week default to ``planning.calendar.DEFAULT_POSTS_PER_WEEK``.

    >>> view = calendar_preview(weeks=1, platforms=["linkedin"], posts_per_week={"linkedin": 2})
    >>> "GivingTuesday — special post" in view.static_html  # both posts moved to special days
    True
    >>> calendar_preview(weeks=9)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: weeks must be a whole number from 1 to 4, not 9.
    How to fix it: preview up to 4 weeks; build_calendar plans longer.
    """
    first = _monday_on_or_after(start)
    chosen, counts = _check_inputs(weeks, platforms, posts_per_week)
    static = preview_html(first, weeks, chosen, counts)
    if chosen:
        calendar = _calendar(first, weeks, chosen, counts)
        text = f"{calendar!r}\n{calendar.post_counts().to_string()}"
    else:
        text = _("No platform chosen: nothing to preview.")
    note = "<p><em>{}</em></p>".format(
        html.escape(
            _(
                "Run this lesson in JupyterLab to change the start week, weeks, platforms and "
                "posts "
                "per week; this is the calendar for the inputs above."
            )
        )
    )

    def build() -> Any:
        return CalendarControls(first, weeks, chosen, counts).box

    return LiveView(build, static_html=static + note, text=text)


class CalendarControls:
    """The live widget: controls, and an HTML preview that follows them.

    Built by :func:`calendar_preview` (needs ipywidgets).  ``start``, ``weeks``,
    ``use[platform]`` and ``posts[platform]`` are the controls; ``preview.value`` is the
    HTML shown; ``box`` is the whole widget (it also carries a ``controls`` attribute
    pointing back here, so tests and learners can drive it from code).

    >>> controls = CalendarControls(date(2026, 11, 30), 1, ["facebook"], {"facebook": 2})
    >>> controls.weeks.value = 2
    >>> "<h4>Week 2</h4>" in controls.preview.value
    True
    """

    def __init__(
        self, first: date, weeks: int, platforms: list[str], counts: Mapping[str, int]
    ) -> None:
        import ipywidgets as widgets  # heavy: loaded on first use

        # heavy: loads regex on first use
        from smm_helpers.planning.calendar import DEFAULT_POSTS_PER_WEEK

        counts = {**DEFAULT_POSTS_PER_WEEK, **counts}
        self.start = widgets.Dropdown(
            options=start_weeks(first), value=first, description=_("Start week")
        )
        self.weeks = widgets.IntSlider(value=weeks, min=1, max=MAX_WEEKS, description=_("Weeks"))
        self.use = {
            p: widgets.Checkbox(
                value=p in platforms,
                description=platform_name(p),
                indent=False,
                layout={"width": "8em"},
            )
            for p in PLATFORMS
        }
        self.posts = {
            p: widgets.IntSlider(
                value=counts[p],
                min=1,
                max=MAX_POSTS_PER_WEEK,
                description=_("posts/week"),
                disabled=p not in platforms,
            )
            for p in PLATFORMS
        }
        self.preview = widgets.HTML()
        rows = [widgets.HBox([self.use[p], self.posts[p]]) for p in PLATFORMS]
        self.box = widgets.VBox([widgets.HBox([self.start, self.weeks]), *rows, self.preview])
        self.box.controls = self
        for control in (self.start, self.weeks, *self.use.values(), *self.posts.values()):
            control.observe(self.update, names="value")
        self.update()

    def chosen(self) -> list[str]:
        """The platforms ticked, in the course's platform order."""
        return [p for p in PLATFORMS if self.use[p].value]

    def update(self, _change: Any = None) -> None:
        """Redraw the preview from the controls' current values."""
        for platform in PLATFORMS:
            self.posts[platform].disabled = not self.use[platform].value
        self.preview.value = preview_html(
            self.start.value,
            self.weeks.value,
            self.chosen(),
            {p: self.posts[p].value for p in PLATFORMS},
        )


__all__ = ["CalendarControls", "calendar_preview", "preview_html", "start_weeks"]
