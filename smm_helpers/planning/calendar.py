"""Build a content calendar: who posts what, on which platform, and when.

Scheduling is step 5 of the social media manager's job in source article 004: a calendar for
the week and the month, publishing times chosen in advance, and content for important days
prepared ahead.  :func:`build_calendar` does that in one call:

* **frequency**: each platform gets exactly ``posts_per_week[platform]`` posts in every
  ISO week (Monday to Sunday) of the calendar;
* **content pillars**: the regular posts follow ``pillar_mix`` as closely as whole numbers
  allow (largest-remainder apportionment, :func:`apportion`) and the pillars take turns
  through the weeks (:func:`interleave`) instead of coming in blocks;
* **best times**: posts go into each platform's best weekly slots (``best_slots``, or
  Sprout Social's guidance moved to Bangladesh's Friday–Saturday weekend, :func:`default_slots`),
  never two posts on one platform at the same time;
* **special days** (:func:`smm_helpers.planning.special_days.special_days`): each one gets a
  post on every platform in its week (one of that week's posts moves to the day), a
  ``special_day`` marker and a ``prep`` task ``prep_days`` days before.

Times are timezone-aware in ``timezone``; a 9:00 slot stays 9:00 local time across daylight
saving changes.  The same inputs always give the same calendar; ``seed`` only breaks ties.

This module builds the calendar; each part it uses has a module of its own, each importing
only the ones before it (and this one re-exports their names):

* ``calendar_checks``: small checks of the inputs (platforms, dates, weekdays, slots);
  ``calendar_days``: how days are written, in the learner's language;
* ``calendar_pillars``: how many posts each content pillar gets, in what order;
* ``calendar_slots``: the weekly slots (yours, a best-times table's, or the default guidance);
* ``calendar_spec``: :class:`CalendarSpec`, the options checked once, with their defaults;
* ``calendar_events``: :class:`CalendarEvent`; ``calendar_occasions``: the special days;
* ``content_calendar``: :class:`ContentCalendar`, its displays and exports (``ics``).

>>> cal = build_calendar("2026-11-23", weeks=2, platforms=["facebook"], special_days=False)
>>> cal
ContentCalendar(2 weeks, Mon 23 Nov 2026 – Sun 06 Dec 2026, Asia/Dhaka: 10 posts on facebook)
>>> cal.events.iloc[0][["start", "platform", "pillar"]].tolist()
[Timestamp('2026-11-23 09:00:00+0600', tz='Asia/Dhaka'), 'facebook', 'impact']
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Unpack

from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.messages import in_language
from smm_helpers.planning.calendar_checks import (
    BANGLADESH_WEEKEND,
    DAY_NAMES,
    Slot,
    check_platforms,
    check_slot,
    weekday_number,
)
from smm_helpers.planning.calendar_days import _weekday_time, day_label
from smm_helpers.planning.calendar_events import (
    ALL_PLATFORMS,
    EVENT_COLUMNS,
    EVENT_KINDS,
    POST_MINUTES,
    PREP_HOUR,
    SPECIAL_PILLAR,
    CalendarEvent,
)
from smm_helpers.planning.calendar_occasions import (
    _occasions,
    _special_day_table,
    _special_events,
)
from smm_helpers.planning.calendar_pillars import (
    DEFAULT_PILLAR_MIX,
    apportion,
    check_pillar_mix,
    interleave,
)
from smm_helpers.planning.calendar_slots import (
    POSTING_HOURS,
    SPROUT_GUIDANCE,
    BestSlots,
    BestTimes,
    PlatformSlots,
    SlotLike,
    SproutGuidance,
    _platform_slots,
    default_slots,
    slots_from_best_times,
)
from smm_helpers.planning.calendar_spec import (
    DEFAULT_MAX_WEEKS,
    DEFAULT_POSTS_PER_WEEK,
    DEFAULT_PREP_DAYS,
    FREQUENCY_SOURCES,
    CalendarOptions,
    CalendarSpec,
    ExtraDays,
    SpecialDays,
    UnknownOptionError,
)
from smm_helpers.planning.clock import check_timezone, local_time
from smm_helpers.planning.content_calendar import CELL_SEPARATOR, ContentCalendar
from smm_helpers.schema import platform_name


def _post(start: datetime, platform: str, origin: str) -> CalendarEvent:
    """A regular post in a slot, its pillar and title still to come."""
    return CalendarEvent(
        start, start + timedelta(minutes=POST_MINUTES), platform, None, "", "post", f"{origin}."
    )


def build_calendar(
    start: date | datetime | str,
    weeks: int,
    platforms: str | Iterable[str],
    **options: Unpack[CalendarOptions],
) -> ContentCalendar:
    """Plan posts for ``weeks`` whole weeks (Monday–Sunday) on ``platforms``.

    The calendar starts on ``start`` if it is a Monday, otherwise on the next Monday (a
    calendar plans ahead).  ``posts_per_week`` is a number for every platform or a dict
    (missing platforms use ``DEFAULT_POSTS_PER_WEEK``, sourced in ``FREQUENCY_SOURCES``).
    ``pillar_mix`` maps content pillars to shares adding up to 1 (``DEFAULT_PILLAR_MIX``).
    ``best_slots`` is a list of (weekday, hour) slots, a best-times table with ``.best(n)``
    (e.g. from ``smm_helpers.metrics.best_time_table``), or a dict platform → either; by
    default :func:`default_slots`.  ``avoid_weekend`` keeps regular posts off ``weekend``
    (Friday–Saturday in Bangladesh); special-day posts still go on their day.
    ``special_days`` is True (Bangladesh's days from
    :func:`~smm_helpers.planning.special_days.special_days`, names in ``language``, plus
    your ``extra_days``), False, or your own table with ``date`` and ``name``.
    ``max_weeks`` guards against a typo such as ``weeks=520``.  None of the arguments is
    changed.  (The arguments are checked into a :class:`CalendarSpec`, which
    :func:`calendar_from_spec` builds.)

    >>> cal = build_calendar("2026-11-30", weeks=1, platforms=["facebook", "linkedin"],
    ...                      posts_per_week={"facebook": 3, "linkedin": 2})
    >>> cal.events[["start", "platform", "kind", "title"]].head(4).to_string(index=False)
    '...2026-11-30 09:00:00+06:00 facebook post ...'
    >>> cal.events.loc[cal.events["kind"] == "special_day", "title"].tolist()
    ['GivingTuesday', 'International Volunteer Day']
    >>> build_calendar("2026-11-30", weeks=0, platforms="facebook")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: weeks must be a whole number of at least 1, not 0.
    How to fix it: plan at least one week, e.g. weeks=4.
    """
    return calendar_from_spec(CalendarSpec.check(start, weeks, platforms, **options))


def calendar_from_spec(spec: CalendarSpec) -> ContentCalendar:
    """The content calendar a checked :class:`CalendarSpec` describes.

    The same spec always gives the same calendar.

    >>> spec = CalendarSpec.check("2026-11-23", 1, "linkedin", special_days=False)
    >>> calendar_from_spec(spec).post_counts()
    platform  linkedin
    week
    1                5
    """
    import pandas as pd

    zone = check_timezone(spec.timezone)
    platforms = list(spec.platforms)
    rng = random.Random(spec.seed) if spec.seed is not None else None

    # 1. Regular posts: every platform's slots in every week.
    posts: list[CalendarEvent] = []
    slot_of: dict[str, list[Slot]] = {}
    notes: list[str] = []
    for platform in platforms:
        slots, origins, topped_up = _platform_slots(
            platform,
            spec.best_slots,
            spec.posts_per_week[platform],
            weekend=spec.weekend,
            avoid_weekend=spec.avoid_weekend,
            rng=rng,
            language=spec.language,
        )
        if topped_up:
            notes.append(topped_up)
        slot_of[platform] = slots
        for week in range(spec.weeks):
            monday = spec.first_day + timedelta(days=7 * week)
            posts += [
                _post(local_time(monday + timedelta(days=day), hour, zone), platform, origin)
                for (day, hour), origin in zip(slots, origins, strict=True)
            ]

    # 2. Special days: a post on each platform, a marker and a prep task.
    others: list[CalendarEvent] = []
    if spec.special_days is not False:
        table = _special_day_table(
            spec.special_days, spec.first_day, spec.last_day, spec.language, spec.extra_days
        )
        for occasion in _occasions(table, spec.first_day, spec.last_day):
            placed = _special_events(occasion, tuple(posts), slot_of, zone, spec)
            posts = list(placed.posts)
            others += placed.events
            if placed.note:
                notes.append(placed.note)

    # 3. Pillars for the regular posts, in time order, spread evenly.
    posts = _with_pillars(posts, spec, platforms, rng)
    kind_order = {kind: i for i, kind in enumerate(EVENT_KINDS)}
    rows = sorted(
        posts + others,
        key=lambda e: (
            e.start,
            kind_order[e.kind],
            platforms.index(e.platform) if e.platform in platforms else -1,
            e.title,
        ),
    )
    events = pd.DataFrame(
        [[getattr(e, c) for c in EVENT_COLUMNS] for e in rows], columns=list(EVENT_COLUMNS)
    )
    for column in ("start", "end"):
        events[column] = pd.to_datetime(events[column].tolist()).tz_convert(zone)
    return ContentCalendar(
        events,
        first_day=spec.first_day,
        weeks=spec.weeks,
        timezone=spec.timezone,
        platforms=platforms,
        notes=notes,
    )


def _with_pillars(
    posts: Sequence[CalendarEvent],
    spec: CalendarSpec,
    platforms: Sequence[str],
    rng: random.Random | None,
) -> list[CalendarEvent]:
    """The posts, each regular one given its pillar, title and description (a new list).

    Pillars follow ``spec.pillar_mix`` and take turns in time order; ``rng`` (``seed``)
    shuffles the pillars' order, which only breaks ties."""
    regular = sorted(
        (i for i, p in enumerate(posts) if p.pillar is None),
        key=lambda i: (posts[i].start, platforms.index(posts[i].platform)),
    )
    tie_order = list(spec.pillar_mix)
    if rng is not None:
        rng.shuffle(tie_order)
    counts = apportion({p: spec.pillar_mix[p] for p in tie_order}, len(regular))
    result = list(posts)
    with in_language(spec.language):  # the events are written in the calendar's language
        for i, pillar in zip(regular, interleave(counts), strict=True):
            post = posts[i]
            shown = platform_name(post.platform)
            result[i] = replace(
                post,
                pillar=pillar,
                title=f"{shown}: {pillar}",
                description=_(
                    "Content pillar '{pillar}' on {platform}, {when} {timezone}; {origin}"
                ).format(
                    pillar=pillar,
                    platform=shown,
                    when=_weekday_time(post.start),
                    timezone=spec.timezone,
                    origin=post.description,
                ),
            )
    return result


__all__ = [
    "ALL_PLATFORMS",
    "BANGLADESH_WEEKEND",
    "CELL_SEPARATOR",
    "DAY_NAMES",
    "DEFAULT_MAX_WEEKS",
    "DEFAULT_PILLAR_MIX",
    "DEFAULT_POSTS_PER_WEEK",
    "DEFAULT_PREP_DAYS",
    "EVENT_COLUMNS",
    "EVENT_KINDS",
    "FREQUENCY_SOURCES",
    "POSTING_HOURS",
    "POST_MINUTES",
    "PREP_HOUR",
    "SPECIAL_PILLAR",
    "SPROUT_GUIDANCE",
    "BestSlots",
    "BestTimes",
    "CalendarEvent",
    "CalendarOptions",
    "CalendarSpec",
    "ContentCalendar",
    "ExtraDays",
    "PlatformSlots",
    "Slot",
    "SlotLike",
    "SpecialDays",
    "SproutGuidance",
    "UnknownOptionError",
    "apportion",
    "build_calendar",
    "calendar_from_spec",
    "check_pillar_mix",
    "check_platforms",
    "check_slot",
    "day_label",
    "default_slots",
    "interleave",
    "slots_from_best_times",
    "weekday_number",
]
