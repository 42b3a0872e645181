"""The special days a calendar plans for, and what each adds to it.

:func:`_special_day_table` finds the days (Bangladesh's, yours, or your own table),
:func:`_occasions` joins the consecutive days of one name (the three days of Eid are one
occasion), and :func:`_special_events` moves one post per platform onto the day and adds the
day's marker and a prep task ahead of it.  Nothing passed in is changed.

>>> import pandas as pd
>>> days = pd.DataFrame({"date": [date(2027, 3, 20), date(2027, 3, 21)], "name": ["Eid"] * 2,
...                      "kind": ["religious"] * 2, "estimated": [True] * 2, "source": ["x"] * 2})
>>> [(o.first, o.days, o.name) for o in _occasions(days, date(2027, 3, 15), date(2027, 3, 28))]
[(datetime.date(2027, 3, 20), 2, 'Eid')]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.messages import in_language
from smm_helpers.i18n.numbers import digits
from smm_helpers.planning.calendar_checks import Slot
from smm_helpers.planning.calendar_days import day_label
from smm_helpers.planning.calendar_events import (
    ALL_PLATFORMS,
    POST_MINUTES,
    PREP_HOUR,
    SPECIAL_PILLAR,
    CalendarEvent,
)
from smm_helpers.planning.calendar_spec import CalendarSpec, ExtraDays, SpecialDays
from smm_helpers.planning.clock import local_time
from smm_helpers.planning.special_days import KIND_NAMES, covered_years
from smm_helpers.planning.special_days import special_days as list_days
from smm_helpers.schema import platform_name

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class _Occasion:
    """A special day in the calendar (consecutive days with one name count once)."""

    first: date
    days: int
    name: str
    kind: str
    estimated: bool
    source: str


def _occasions(table: pd.DataFrame, first_day: date, last_day: date) -> list[_Occasion]:
    occasions: list[_Occasion] = []
    rows = table[(table["date"] >= first_day) & (table["date"] <= last_day)]
    records: list[dict[Any, Any]] = rows.sort_values("date", kind="stable").to_dict("records")
    running: dict[str, int] = {}  # each name's latest occasion, so days of one Eid join
    for row in records:  # up even when another day falls among them
        name = str(row["name"])
        at = running.get(name)
        last = occasions[at] if at is not None else None
        if (
            at is not None
            and last is not None
            and (last.first + timedelta(days=last.days) == row["date"])
        ):
            occasions[at] = replace(last, days=last.days + 1)  # the 3 days of Eid: 1 occasion
            continue
        running[name] = len(occasions)
        occasions.append(
            _Occasion(
                row["date"],
                1,
                name,
                str(row["kind"]),
                bool(row["estimated"]),
                str(row["source"]),
            )
        )
    return occasions


def _special_day_table(
    special_days: SpecialDays,
    first_day: date,
    last_day: date,
    language: str,
    extra_days: ExtraDays,
) -> pd.DataFrame:
    import pandas as pd

    if not isinstance(special_days, bool):
        table = pd.DataFrame(special_days).copy()
        if not {"date", "name"} <= set(table.columns):
            raise InputError(
                _(
                    "the special_days table needs 'date' and 'name' columns; it has: {columns}"
                ).format(columns=", ".join(map(str, table.columns))),
                fix=_("pass special_days=True, or a table like special_days(2027)"),
            )
        table["date"] = pd.to_datetime(table["date"]).dt.date
        with in_language(language):
            yours = _("your table")
        for column, default in (
            ("kind", "observance"),
            ("estimated", False),
            ("source", yours),
        ):
            if column not in table.columns:
                table[column] = default
        return table
    years = range(first_day.year, last_day.year + 1)
    known = covered_years()
    outside = [y for y in years if y not in known]
    if outside:
        raise InputError(
            _(
                "the calendar runs {first} – {last}, but Bangladesh's special days are known only "
                "for {low}–{high} (the holidays package), not {year}"
            ).format(first=first_day, last=last_day, low=known[0], high=known[-1], year=outside[0]),
            fix=_("end the calendar by {high}-12-31, or pass special_days=False").format(
                high=known[-1]
            ),
        )
    return list_days(years, language=language, extra_days=extra_days)


def _place_special_post(
    posts: Sequence[CalendarEvent],
    platform: str,
    target: datetime,
    monday: date,
) -> tuple[int, CalendarEvent] | None:
    """The platform's regular post nearest to ``target`` (same week), moved onto it: its
    position in ``posts`` and the moved post (``posts`` is not changed)."""
    week_end = monday + timedelta(days=7)
    candidates = [
        (abs(p.start - target), p.start, i)
        for i, p in enumerate(posts)
        if p.platform == platform and p.pillar is None and monday <= p.start.date() < week_end
    ]
    if not candidates:
        return None
    chosen = min(candidates)[2]
    busy = {p.start for i, p in enumerate(posts) if p.platform == platform and i != chosen}
    start = target
    while start in busy:  # never two posts on one platform at the same time
        start = local_time(start.date(), (start.hour + 1) % 24, target.tzinfo)  # type: ignore[arg-type]
    moved = replace(posts[chosen], start=start, end=start + timedelta(minutes=POST_MINUTES))
    return chosen, moved


@dataclass(frozen=True)
class _Placed:
    """What one special day adds: the posts (one per platform moved onto the day), its
    marker and prep task, and a note when a platform had no post to move."""

    posts: tuple[CalendarEvent, ...]
    events: tuple[CalendarEvent, ...]
    note: str | None


def _special_events(
    occasion: _Occasion,
    posts: tuple[CalendarEvent, ...],
    slot_of: Mapping[str, list[Slot]],
    zone: tzinfo,
    spec: CalendarSpec,
) -> _Placed:
    """The marker and prep task of one special day, and the posts with one per platform
    moved onto it (``posts`` is not changed).

    The events' text is in the calendar's ``language``; a note is in the learner's."""
    language = spec.language
    day = occasion.first
    monday = day - timedelta(days=day.weekday())
    with in_language(language):
        named = (
            _("{name} ({days} days)").format(name=occasion.name, days=digits(occasion.days))
            if occasion.days > 1
            else occasion.name
        )
        estimated = (
            " " + _("Date ESTIMATED: confirm it with the government circular.")
            if occasion.estimated
            else ""
        )
        source = _("Source: {source}.").format(source=occasion.source)
        kind = _(KIND_NAMES.get(occasion.kind, occasion.kind))
    moved = list(posts)
    covered, missed = [], []
    for platform, slots in slot_of.items():
        same_day = [hour for weekday, hour in slots if weekday == day.weekday()]
        hour = same_day[0] if same_day else slots[0][1]
        found = _place_special_post(moved, platform, local_time(day, hour, zone), monday)
        if found is None:
            missed.append(platform)
            continue
        covered.append(platform)
        at, post = found
        with in_language(language):
            moved[at] = replace(
                post,
                pillar=SPECIAL_PILLAR,
                title=_("{name} — special post").format(name=occasion.name),
                description=(
                    _("Special day: {name} ({kind}).").format(name=named, kind=kind)
                    + " "
                    + source
                    + estimated
                    + " "
                    + _("This replaces one of the week's {platform} posts.").format(
                        platform=platform_name(platform)
                    )
                ),
            )
    note = None
    if missed:
        note = _(
            "{name} on {day}: no free {platforms} post that week; raise posts_per_week to "
            "cover every special day"
        ).format(name=occasion.name, day=day, platforms=", ".join(missed))
    start = local_time(day, 0, zone)
    with in_language(language):
        if occasion.days > 1:
            what = _("{kind} day ({days} days).").format(
                kind=kind.capitalize(), days=digits(occasion.days)
            )
        else:
            what = _("{kind} day.").format(kind=kind.capitalize())
        planned = _("Posts planned on: {platforms}.").format(
            platforms=", ".join(covered) or _("none")
        )
        prep_title = _("Prepare: {name}").format(name=occasion.name)
        prep_text = _(
            "Write and design the {name} posts for {platforms} before {day} (special "
            "content is prepared in advance: source article 004, step 5)."
        ).format(
            name=occasion.name,
            platforms=", ".join(covered) or _("your platforms"),
            day=day_label(day),
        )
    marker = CalendarEvent(
        start=start,
        end=local_time(day + timedelta(days=occasion.days), 0, zone),
        platform=ALL_PLATFORMS,
        pillar=SPECIAL_PILLAR,
        title=occasion.name,
        kind="special_day",
        description=f"{what} {source}{estimated} {planned}",
    )
    prep_start = local_time(
        max(day - timedelta(days=spec.prep_days), spec.first_day), PREP_HOUR, zone
    )
    prep = CalendarEvent(
        start=prep_start,
        end=prep_start + timedelta(hours=1),
        platform=ALL_PLATFORMS,
        pillar=SPECIAL_PILLAR,
        title=prep_title,
        kind="prep",
        description=prep_text,
    )
    return _Placed(tuple(moved), (marker, prep), note)
