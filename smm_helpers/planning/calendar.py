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

>>> cal = build_calendar("2026-11-23", weeks=2, platforms=["facebook"], special_days=False)
>>> cal
ContentCalendar(2 weeks, Mon 23 Nov 2026 – Sun 06 Dec 2026, Asia/Dhaka: 10 posts on facebook)
>>> cal.events.iloc[0][["start", "platform", "pillar"]].tolist()
[Timestamp('2026-11-23 09:00:00+0600', tz='Asia/Dhaka'), 'facebook', 'impact']
"""

from __future__ import annotations

import html
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Protocol, TypeAlias, TypedDict, Unpack

from smm_helpers.errors import InputError, unknown_choice
from smm_helpers.i18n.messages import N_, current_language, in_language, ngettext
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits
from smm_helpers.planning.clock import check_timezone, local_time
from smm_helpers.planning.ics import write_ics
from smm_helpers.planning.special_days import KIND_NAMES, covered_years
from smm_helpers.planning.special_days import special_days as list_days
from smm_helpers.schema import LANGUAGES, PLATFORMS, TIMEZONE, WEEKEND, platform_name

if TYPE_CHECKING:
    import pandas as pd

EVENT_COLUMNS = ("start", "end", "platform", "pillar", "title", "kind", "description")
"""The columns of ``ContentCalendar.events``, in order."""

EVENT_KINDS = ("special_day", "prep", "post")
"""``post`` is a scheduled post, ``prep`` a task to prepare a special day, ``special_day``
marks the day itself (all day)."""

ALL_PLATFORMS = "all"
"""The ``platform`` of events that concern every platform (special days, prep tasks)."""

SPECIAL_PILLAR = "special day"  # i18n: not shown
"""The ``pillar`` of special-day events (a data value, the same in every language)."""

DEFAULT_POSTS_PER_WEEK: dict[str, int] = {
    "facebook": 5,
    "instagram": 4,
    "x": 4,
    "linkedin": 5,
    "youtube": 1,
    "tiktok": 4,
}
"""Posts per week used when you don't say (see ``FREQUENCY_SOURCES`` for each one's source)."""

FREQUENCY_SOURCES: dict[str, str] = {
    "facebook": N_("Rival IQ 2023 all-industry median 5.04 posts/week "
                   "(sources.md#rival-iq-benchmarks)"),
    "instagram": N_("Rival IQ 2023 median 4.5 posts/week, rounded down "
                    "(sources.md#rival-iq-benchmarks); Hootsuite 2023: 3–7 "
                    "(sources.md#posting-frequency)"),
    "x": N_("Rival IQ 2023 median 3.9 posts/week (sources.md#rival-iq-benchmarks)"),
    "linkedin": N_("Buffer/SumAll: 1 post per weekday (sources.md#posting-frequency)"),
    "youtube": N_("no benchmark on the sources page: 1/week is illustrative (UNCERTAIN)"),
    "tiktok": N_("no TikTok frequency on the sources page: 4/week follows the observed 4–5 "
                 "posts/week per platform (sources.md#rival-iq-benchmarks) (UNCERTAIN)"),
}
"""Where each of ``DEFAULT_POSTS_PER_WEEK`` comes from (``gettext`` shows it translated)."""

DEFAULT_PILLAR_MIX: dict[str, float] = {
    "impact": 0.3,
    "education": 0.3,
    "community": 0.2,
    "fundraising": 0.2,
}
"""An illustrative pillar mix for the nonprofit client (a teaching choice, not a benchmark)."""

POSTING_HOURS = range(8, 21)
"""Hours (local) the default slots use: 08:00 to 20:00."""

POST_MINUTES = 30
PREP_HOUR = 10
DEFAULT_PREP_DAYS = 7
DEFAULT_MAX_WEEKS = 104
BANGLADESH_WEEKEND = WEEKEND
"""Friday and Saturday (``holidays.BD().weekend == {4, 5}``, sources.md#bd-weekend)."""

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class SproutGuidance:
    """Sprout Social's best days and hours for one platform, in the US week (Mon=0)."""

    best_days: tuple[int, ...]
    hours: range
    worst_day: int | None
    source: str


SPROUT_GUIDANCE: dict[str, SproutGuidance] = {
    "facebook": SproutGuidance((1, 2, 4), range(9, 13), 5, N_(
        "Tue/Wed/Fri 9 am–1 pm, worst Sat; Sprout Social 'Best times to post' 2021, "
        "US Central Time (sources.md#sprout-best-times-2021)")),
    "instagram": SproutGuidance((1,), range(11, 14), 6, N_(
        "Tue 11 am–2 pm, worst Sun; Sprout Social 'Best times to post' 2021, "
        "US Central Time (sources.md#sprout-best-times-2021)")),
    "x": SproutGuidance((2,), range(9, 15), 5, N_(
        "Wed 9 am–3 pm, worst Sat; Sprout Social 'Best times to post' 2021, "
        "US Central Time (sources.md#sprout-best-times-2021)")),
    "linkedin": SproutGuidance((1, 2), range(9, 12), 6, N_(
        "Tue–Wed 9 am–noon, worst Sun; Sprout Social 'Best times to post' 2021, "
        "US Central Time (sources.md#sprout-best-times-2021)")),
    "youtube": SproutGuidance((0, 1, 2, 3, 4), range(9, 14), None, N_(
        "no YouTube figure: the general 'weekdays before 2 pm' finding (UNCERTAIN); Sprout "
        "Social 'Best times to post' 2021, US Central Time (sources.md#sprout-best-times-2021)")),
    "tiktok": SproutGuidance((0, 1, 2, 3, 4), range(9, 14), None, N_(
        "no TikTok figure: the general 'weekdays before 2 pm' finding (UNCERTAIN); Sprout "
        "Social 'Best times to post' 2021, US Central Time (sources.md#sprout-best-times-2021)")),
}  # fmt: skip
"""Where the default slots come from (US days; :func:`default_slots` moves them)."""

Slot = tuple[int, int]
"""A weekly slot: (weekday 0 = Monday … 6 = Sunday, hour 0–23), local time."""


def _babel_day(day: date | datetime, english: str, pattern: str) -> str:
    """``day`` as English ``strftime`` writes it, or in the chosen language with Babel."""
    language = current_language()
    if language == "en":
        return day.strftime(english)
    from babel.dates import format_date

    return digits(format_date(day, format=pattern, locale=language))


def day_label(day: date | datetime, *, year: bool = True) -> str:
    """A day as the calendar shows it: 'Mon 23 Nov 2026', or 'সোম ২৩ নভেম্বর ২০২৬'.

    >>> day_label(date(2026, 11, 23)), day_label(date(2026, 11, 23), year=False)
    ('Mon 23 Nov 2026', 'Mon 23 Nov')
    >>> with in_language("bn"):
    ...     day_label(date(2026, 11, 23))
    'সোম ২৩ নভেম্বর ২০২৬'
    """
    if year:
        return _babel_day(day, "%a %d %b %Y", "EEE d MMMM y")
    return _babel_day(day, "%a %d %b", "EEE d MMM")


def _weekday_name(number: int) -> str:
    """A weekday's short name (0 = Monday): 'Fri', or 'শুক্র' in Bengali."""
    return _babel_day(date(2024, 1, 1 + number), "%a", "EEE")  # 1 Jan 2024 was a Monday


def _weekday_time(moment: datetime) -> str:
    """'Mon 09:00', or 'সোম ০৯:০০' in Bengali."""
    return f"{_weekday_name(moment.weekday())} {digits(f'{moment:%H:%M}')}"


# --------------------------------------------------------------------------- small checks


def check_platforms(platforms: str | Iterable[str]) -> list[str]:
    """The platforms as a list without repeats, each checked against ``schema.PLATFORMS``.

    >>> check_platforms("facebook")
    ['facebook']
    >>> check_platforms(["facebook", "fb"])
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'fb' is not a platform SMM Lab knows.
    How to fix it: use one of: facebook, instagram, x, linkedin, youtube, tiktok.
    """
    chosen = [platforms] if isinstance(platforms, str) else list(platforms)
    if not chosen:
        raise InputError(_("no platform was given"),
                         fix=_("pass e.g. {example}").format(example="platforms=['facebook']"))
    for platform in chosen:
        if platform not in PLATFORMS:
            raise unknown_choice("platform", platform, PLATFORMS)
    return list(dict.fromkeys(chosen))


def _check_whole(name: str, value: object, *, low: int, fix: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise InputError(_("{name} must be a whole number of at least {low}, not {value}").format(
            name=name, low=digits(low), value=repr(value)), fix=fix)
    return value


def _check_start(start: object) -> date:
    if isinstance(start, datetime):
        return start.date()
    if isinstance(start, date):
        return start
    if isinstance(start, str):
        try:
            return date.fromisoformat(start.strip())
        except ValueError:
            pass
    raise InputError(_("start {value} is not a date").format(value=repr(start)),
                     fix=_("write it as YYYY-MM-DD, e.g. start='2026-11-23'"))


def weekday_number(day: object) -> int:
    """A weekday as a number, 0 = Monday … 6 = Sunday; names like "Tue" or "Tuesday" work.

    >>> weekday_number("Friday"), weekday_number(4)
    (4, 4)
    >>> weekday_number("Fri day")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'Fri day' is not a weekday.
    How to fix it: use 0 (Monday) to 6 (Sunday) or a name such as 'Tue' or 'Tuesday'.
    """
    if isinstance(day, str) and len(day) >= 3:
        for number, name in enumerate(DAY_NAMES):
            full = date(2024, 1, 1 + number).strftime("%A")  # 1 Jan 2024 was a Monday
            if day.lower() in (name.lower(), full.lower()):
                return number
    elif not isinstance(day, bool) and isinstance(day, int) and 0 <= day <= 6:
        return day
    raise InputError(
        _("{value} is not a weekday").format(value=repr(day)),
        fix=_("use 0 (Monday) to 6 (Sunday) or a name such as 'Tue' or 'Tuesday'"),
    )


def check_slot(slot: object) -> Slot:
    """A (weekday, hour) slot, checked; the weekday may be a name.

    >>> check_slot(("Tue", 10))
    (1, 10)
    >>> check_slot((1, 25))
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: (1, 25) is not a (weekday, hour) slot: hour 25 is not 0–23.
    How to fix it: write slots like (1, 10) or ('Tue', 10) for Tuesday 10:00.
    """
    fix = _("write slots like (1, 10) or ('Tue', 10) for Tuesday 10:00")
    pair: Any = slot
    try:
        day, hour = pair
    except (TypeError, ValueError):
        raise InputError(_("{slot} is not a (weekday, hour) slot").format(slot=repr(slot)),
                         fix=fix) from None
    try:
        weekday = weekday_number(day)
    except InputError:
        raise InputError(_("{slot} is not a (weekday, hour) slot: bad weekday").format(
            slot=repr(slot)), fix=fix) from None
    if isinstance(hour, bool) or not isinstance(hour, int) or not 0 <= hour <= 23:
        raise InputError(
            _("{slot} is not a (weekday, hour) slot: hour {hour} is not 0–23").format(
                slot=repr(slot), hour=repr(hour)), fix=fix
        )
    return weekday, int(hour)


# --------------------------------------------------------------------------- pillars


def apportion(shares: Mapping[str, float], total: int) -> dict[str, int]:
    """Split ``total`` posts between pillars by largest remainder (Hamilton's method).

    Each pillar first gets the whole part of ``share × total``; the posts left over go to
    the largest fractional parts (ties: the larger share, then the order given).  The counts
    add up to ``total`` and each is within one of its exact share.

    >>> apportion({"impact": 0.3, "education": 0.3, "community": 0.2, "fundraising": 0.2}, 7)
    {'impact': 2, 'education': 2, 'community': 2, 'fundraising': 1}
    >>> apportion({"impact": 1.0}, -1)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: total must be a whole number of at least 0, not -1.
    How to fix it: pass the number of posts to share out.
    """
    _check_whole("total", total, low=0, fix=_("pass the number of posts to share out"))
    exact = {pillar: share * total for pillar, share in shares.items()}
    counts = {pillar: int(value) for pillar, value in exact.items()}
    order = list(shares)
    by_remainder = sorted(
        order, key=lambda p: (-(exact[p] - counts[p]), -shares[p], order.index(p))
    )
    for pillar in by_remainder[: total - sum(counts.values())]:
        counts[pillar] += 1
    return counts


def interleave(counts: Mapping[str, int]) -> list[str]:
    """Order pillars so that each one is spread evenly, not bunched at the start.

    At every step the pillar furthest behind its fair share so far goes next (ties: the
    order given).  Every pillar appears exactly ``counts[pillar]`` times.

    >>> interleave({"impact": 2, "education": 2, "community": 1})
    ['impact', 'education', 'community', 'impact', 'education']
    >>> interleave({"impact": -1})
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: counts['impact'] must be a whole number of at least 0, not -1.
    How to fix it: give each pillar a count of 0 or more.
    """
    for pillar, count in counts.items():
        _check_whole(
            f"counts[{pillar!r}]", count, low=0, fix=_("give each pillar a count of 0 or more")
        )
    total = sum(counts.values())
    placed = dict.fromkeys(counts, 0)
    sequence: list[str] = []
    for step in range(1, total + 1):
        behind = {
            pillar: count * step / total - placed[pillar]
            for pillar, count in counts.items()
            if placed[pillar] < count
        }
        pillar = max(behind, key=lambda p: behind[p])  # max keeps the first of equal values
        placed[pillar] += 1
        sequence.append(pillar)
    return sequence


def check_pillar_mix(pillar_mix: Mapping[str, float]) -> dict[str, float]:
    """The pillar mix as a new dict, checked: shares are 0–1 and add up to 1.

    >>> check_pillar_mix({"impact": 0.5, "education": 0.5})
    {'impact': 0.5, 'education': 0.5}
    >>> check_pillar_mix({"impact": 0.5, "education": 0.3})
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: the pillar_mix shares add up to 0.8, not 1.
    How to fix it: make them add up to 1, e.g. {'impact': 0.625, 'education': 0.375}.
    """
    if not isinstance(pillar_mix, Mapping) or not pillar_mix:
        raise InputError(
            _("pillar_mix must be a non-empty dict of pillar → share, not {value}").format(
                value=repr(pillar_mix)),
            fix=_("pass e.g. {example}").format(
                example="pillar_mix={'impact': 0.5, 'education': 0.5}"),
        )
    for pillar, share in pillar_mix.items():
        if isinstance(share, bool) or not isinstance(share, int | float) or not 0 <= share <= 1:
            raise InputError(
                _("the share of pillar {pillar} is {share}, not a number from 0 to 1").format(
                    pillar=repr(pillar), share=repr(share)),
                fix=_("give each pillar a share such as 0.3 (30% of the posts)"),
            )
    total = sum(pillar_mix.values())
    if abs(total - 1) > 1e-6:
        scaled = {p: round(s / total, 3) for p, s in pillar_mix.items()} if total else {}
        raise InputError(
            _("the pillar_mix shares add up to {total}, not 1").format(total=f"{total:g}"),
            fix=(_("make them add up to 1, e.g. {example}").format(example=scaled) if total
                 else _("make them add up to 1")),
        )
    return {str(pillar): float(share) for pillar, share in pillar_mix.items()}


# --------------------------------------------------------------------------- slots


def default_slots(platform: str, *, weekend: Sequence[int] = BANGLADESH_WEEKEND) -> list[Slot]:
    """Every weekly slot (08:00–20:00) for a platform, best first, from Sprout Social's guidance.

    Sprout Social measured US audiences, whose weekend is Saturday–Sunday.  The days are
    moved so that the work week lines up with ``weekend`` (Bangladesh: Friday–Saturday,
    sources.md#bd-weekend): the US Tuesday, the 2nd workday, becomes the Bangladeshi
    Monday.  Hours are kept as local time (an assumption: the audience's clock, not US
    Central).  Scores: a best day 2, another workday 1, the worst day -1, another weekend
    day 0; plus an hour in the best window 2, another hour before 14:00 1, later 0.  Equal
    scores spread over days: each slot already taken on a day costs 1.5.

    >>> default_slots("facebook")[:5]
    [(0, 9), (1, 9), (3, 9), (2, 9), (6, 9)]
    >>> default_slots("facebook", weekend=(5, 6))[:3]   # Sprout's own US week: Tue, Wed, Fri
    [(1, 9), (2, 9), (4, 9)]
    >>> default_slots("threads")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'threads' is not a platform SMM Lab knows.
    How to fix it: use one of: facebook, instagram, x, linkedin, youtube, tiktok.
    """
    return _ranked_default_slots(platform, tuple(weekend), rng=None)


def _check_weekend(weekend: object) -> tuple[int, ...]:
    try:
        days = tuple(weekday_number(d) for d in weekend)  # type: ignore[attr-defined]
    except (TypeError, InputError):
        raise InputError(
            _("weekend {value} is not a list of weekdays").format(value=repr(weekend)),
            fix=_("pass e.g. weekend=(4, 5) for Friday–Saturday (Bangladesh)"),
        ) from None
    return tuple(sorted(set(days)))


def _ranked_default_slots(
    platform: str, weekend: tuple[int, ...], rng: random.Random | None
) -> list[Slot]:
    if platform not in PLATFORMS:
        raise unknown_choice("platform", platform, PLATFORMS)
    guide = SPROUT_GUIDANCE[platform]
    shift = (weekend[0] - 5) if weekend else 0  # the US weekend starts on Saturday (5)

    def local(us_day: int) -> int:
        return (us_day + shift) % 7

    best = {local(d) for d in guide.best_days}
    worst = local(guide.worst_day) if guide.worst_day is not None else None

    def score(slot: Slot) -> float:
        day, hour = slot
        if day in best:
            day_score = 2
        elif day == worst:
            day_score = -1
        else:
            day_score = 0 if day in weekend else 1
        hour_score = 2 if hour in guide.hours else (1 if hour < 14 else 0)
        return day_score + hour_score

    remaining = [(day, hour) for day in range(7) for hour in POSTING_HOURS]
    if rng is not None:
        rng.shuffle(remaining)
    taken_per_day = dict.fromkeys(range(7), 0)
    ranked: list[Slot] = []
    while remaining:
        slot = max(remaining, key=lambda s: score(s) - 1.5 * taken_per_day[s[0]])
        remaining.remove(slot)
        taken_per_day[slot[0]] += 1
        ranked.append(slot)
    return ranked


def slots_from_best_times(best_times: Any, n: int) -> list[Slot]:
    """The top ``n`` slots of a best-times table (anything with a ``.best(n)`` method).

    ``.best(n)`` may return a DataFrame with ``weekday`` and ``hour`` columns (or index
    levels), or a list of (weekday, hour) pairs, dicts or objects with those attributes;
    weekdays may be numbers (0 = Monday) or names.

    >>> class FakeBestTimes:
    ...     def best(self, n):
    ...         return [("Sun", 11), ("Tue", 9)][:n]
    >>> slots_from_best_times(FakeBestTimes(), 2)
    [(6, 11), (1, 9)]
    >>> slots_from_best_times(object(), 2)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: best_slots of type object has no .best(n) method.
    How to fix it: pass smm_helpers.metrics.best_time_table(posts) or a list of ... slots.
    """
    if not callable(getattr(best_times, "best", None)):
        raise InputError(
            _("best_slots of type {kind} has no .best(n) method").format(
                kind=type(best_times).__name__),
            fix=_("pass smm_helpers.metrics.best_time_table(posts) or a list of "
                  "(weekday, hour) slots"),
        )
    result = best_times.best(n)
    if hasattr(result, "reset_index") and hasattr(result, "columns"):  # a DataFrame
        table = result.reset_index()
        if {"weekday", "hour"} <= set(table.columns):
            return [
                check_slot((w, int(h)))
                for w, h in zip(table["weekday"], table["hour"], strict=True)
            ]
    slots = []
    for item in result:
        if isinstance(item, Mapping):
            item = (item.get("weekday"), item.get("hour"))
        elif hasattr(item, "weekday") and hasattr(item, "hour") and not isinstance(item, tuple):
            item = (item.weekday, item.hour)
        slots.append(check_slot(tuple(item)[:2]))
    return slots


def _platform_slots(
    platform: str,
    best_slots: Any,
    needed: int,
    *,
    weekend: tuple[int, ...],
    avoid_weekend: bool,
    rng: random.Random | None,
    language: str = "en",
) -> tuple[list[Slot], list[str], str | None]:
    """The slots a platform uses each week, where each came from, and a note if topped up.

    A best-times table measured on data may trust fewer slots than the platform needs (a
    small account has few posts behind each weekday and hour); then its trusted slots come
    first and the default guidance fills the rest, and the note says so.  Where a slot came
    from goes into the events' descriptions, in the calendar's ``language``; the note and
    errors are in the learner's language.
    """
    given = best_slots.get(platform) if isinstance(best_slots, Mapping) else best_slots
    with in_language(language):
        weekend_names = "–".join(_weekday_name(d) for d in weekend) or _("no")
        default_origin = _("default slot: {source}; US days shifted so the {weekend} weekend "
                           "lines up with the US Sat–Sun").format(
                               source=_(SPROUT_GUIDANCE[platform].source), weekend=weekend_names)
        from_table = _("slot from your best-times table")
        from_list = _("slot from your best_slots")
    if given is None:
        ranked = _ranked_default_slots(platform, weekend, rng)
        origin = default_origin
    elif callable(getattr(given, "best", None)):
        ranked = slots_from_best_times(given, 7 * 24)
        origin = from_table
        trusted = [s for s in dict.fromkeys(ranked)
                   if not (avoid_weekend and s[0] in weekend)][:needed]
        if len(trusted) < needed:
            extra = [s for s in _ranked_default_slots(platform, weekend, rng)
                     if s not in trusted and not (avoid_weekend and s[0] in weekend)]
            extra = extra[:needed - len(trusted)]
            note = (_("{platform}: your best-times table trusts only {trusted} weekly slot, so "
                      "{extra} more came from the default guidance") if len(trusted) == 1 else
                    _("{platform}: your best-times table trusts only {trusted} weekly slots, so "
                      "{extra} more came from the default guidance")).format(
                platform=platform_name(platform), trusted=digits(len(trusted)),
                extra=digits(len(extra)))
            return ([*trusted, *extra], [origin] * len(trusted) + [default_origin] * len(extra),
                    note)
    elif isinstance(given, str | bytes) or not isinstance(given, Iterable):
        raise InputError(
            _("best_slots for {platform} is {value}, not a list of (weekday, hour) slots").format(
                platform=platform, value=repr(given)),
            fix=_("pass e.g. {example}").format(
                example="best_slots={'facebook': [('Mon', 9), ('Tue', 12)]}"),
        )
    else:
        ranked = [check_slot(s) for s in given]
        origin = from_list
    usable = [s for s in dict.fromkeys(ranked) if not (avoid_weekend and s[0] in weekend)]
    if len(usable) < needed:
        if avoid_weekend:
            problem = _("{platform} needs {needed} posts a week but only {usable} different "
                        "weekly slots outside the weekend fit ({origin})")
            fix = _("lower posts_per_week[{platform}] to at most {usable}, or give more "
                    "best_slots, or pass avoid_weekend=False")
        else:
            problem = _("{platform} needs {needed} posts a week but only {usable} different "
                        "weekly slots fit ({origin})")
            fix = _("lower posts_per_week[{platform}] to at most {usable}, or give more "
                    "best_slots")
        raise InputError(
            problem.format(platform=platform, needed=needed, usable=len(usable),
                           origin=origin.split(":")[0]),
            fix=fix.format(platform=repr(platform), usable=len(usable)),
        )
    return usable[:needed], [origin] * needed, None


def _check_posts_per_week(posts_per_week: Any, platforms: list[str]) -> dict[str, int]:
    if isinstance(posts_per_week, int) and not isinstance(posts_per_week, bool):
        posts_per_week = dict.fromkeys(platforms, posts_per_week)
    if not isinstance(posts_per_week, Mapping):
        raise InputError(
            _("posts_per_week must be a number or a dict of platform → posts, "
              "not {value}").format(value=repr(posts_per_week)),
            fix=_("pass e.g. {example}").format(example="posts_per_week={'facebook': 5}"),
        )
    for platform in posts_per_week:
        if platform not in PLATFORMS:
            raise unknown_choice("platform", platform, PLATFORMS)
    counts = {}
    for platform in platforms:
        value = posts_per_week.get(platform, DEFAULT_POSTS_PER_WEEK[platform])
        counts[platform] = _check_whole(
            f"posts_per_week[{platform!r}]", value, low=1,
            fix=_("give {platform} at least 1 post a week, or leave it out of platforms").format(
                platform=platform),
        )  # fmt: skip
    return counts


# --------------------------------------------------------------------------- time


# --------------------------------------------------------------------------- the calendar


CELL_SEPARATOR = " | "
"""Between two events of one grid cell: a table shows it as it is (a line break would print
as a literal "\\n" in a notebook's table), the calendar's HTML view as two lines."""


class ContentCalendar:
    """A content calendar: a table of events (posts, prep tasks, special days) over whole weeks.

    Build one with :func:`build_calendar`.  ``events`` returns a copy, so changing it never
    changes the calendar.

    >>> cal = build_calendar("2026-11-23", weeks=1, platforms="linkedin", special_days=False)
    >>> cal.post_counts()
    platform  linkedin
    week
    1                5
    >>> cal.week(2)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: week 2 is not in this 1-week calendar.
    How to fix it: use a week from 1 to 1.
    """

    def __init__(
        self,
        events: pd.DataFrame,
        *,
        first_day: date,
        weeks: int,
        timezone: str,
        platforms: Sequence[str],
        notes: Sequence[str] = (),
    ) -> None:
        self._events = events.copy()
        self.first_day = first_day
        self.weeks = weeks
        self.timezone = timezone
        self.platforms = tuple(platforms)
        self.notes = tuple(notes)

    @property
    def events(self) -> pd.DataFrame:
        """Every event, sorted by start (a new DataFrame each time)."""
        return self._events.copy()

    @property
    def last_day(self) -> date:
        """The calendar's last day (a Sunday)."""
        return self.first_day + timedelta(days=7 * self.weeks - 1)

    def _week_number(self, start: pd.Series) -> pd.Series:
        days = start.map(lambda ts: (ts.date() - self.first_day).days)
        return days // 7 + 1

    def week(self, n: int) -> pd.DataFrame:
        """The events of week ``n`` (1 = the first week), as a new DataFrame."""
        if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= self.weeks:
            raise InputError(
                _("week {n} is not in this {weeks}-week calendar").format(
                    n=repr(n), weeks=self.weeks),
                fix=_("use a week from 1 to {weeks}").format(weeks=self.weeks),
            )
        chosen = self._week_number(self._events["start"]) == n
        return self._events[chosen].reset_index(drop=True)

    def post_counts(self) -> pd.DataFrame:
        """Posts per week (rows) and platform (columns), as a new DataFrame."""
        import pandas as pd

        posts = self._events[self._events["kind"] == "post"]
        table = pd.crosstab(self._week_number(posts["start"]).rename("week"), posts["platform"])
        table = table.reindex(index=range(1, self.weeks + 1), columns=list(self.platforms))
        return table.fillna(0).astype(int)

    def grid(self, n: int) -> pd.DataFrame:
        """Week ``n`` as a grid: one row per time, one column per day, titles in the cells."""
        import pandas as pd

        events = self.week(n)
        monday = self.first_day + timedelta(days=7 * (n - 1))
        days = [monday + timedelta(days=i) for i in range(7)]
        columns = [day_label(d, year=False) for d in days]
        all_day = _("all day")
        rows: dict[str, dict[str, list[str]]] = {}
        starts: list[datetime] = events["start"].tolist()
        for start, kind, title in zip(starts, events["kind"], events["title"], strict=True):
            label = all_day if kind == "special_day" else digits(start.strftime("%H:%M"))
            column = columns[(start.date() - monday).days]
            rows.setdefault(label, {}).setdefault(column, []).append(str(title))
        order = sorted(rows, key=lambda r: "" if r == all_day else r)  # ০–৯ sort as 0–9 do
        table = pd.DataFrame(
            [[CELL_SEPARATOR.join(rows[r].get(c, [])) for c in columns] for r in order],
            index=pd.Index(order, name=self.timezone),
            columns=columns,
        )
        return table

    def __repr__(self) -> str:
        posts = int((self._events["kind"] == "post").sum())
        special = int((self._events["kind"] == "special_day").sum())
        if special:
            text = _("ContentCalendar({weeks}, {first} – {last}, {timezone}: {posts} posts on "
                     "{platforms}; {special} special days)")
        else:
            text = _("ContentCalendar({weeks}, {first} – {last}, {timezone}: {posts} posts on "
                     "{platforms})")
        return text.format(
            weeks=ngettext("{count} week", "{count} weeks", self.weeks).format(
                count=digits(self.weeks)),
            first=day_label(self.first_day), last=day_label(self.last_day),
            timezone=self.timezone, posts=digits(posts), platforms=", ".join(self.platforms),
            special=digits(special))

    def _repr_html_(self, max_weeks: int = 4) -> str:
        parts = [f"<p><b>{html.escape(repr(self))}</b></p>"]
        for n in range(1, min(self.weeks, max_weeks) + 1):
            grid = self.grid(n)
            head = "".join(f"<th>{html.escape(c)}</th>" for c in grid.columns)
            body = "".join(
                f"<tr><th>{html.escape(str(label))}</th>"
                + "".join(
                    f"<td>{'<br>'.join(html.escape(t) for t in cell.split(CELL_SEPARATOR))}</td>"
                    for cell in row
                )
                + "</tr>"
                for label, row in zip(grid.index, grid.to_numpy().tolist(), strict=True)
            )
            week = html.escape(_("Week {n}").format(n=digits(n)))
            parts.append(
                f"<h4>{week}</h4><table><thead><tr><th>{html.escape(self.timezone)}</th>"
                f"{head}</tr></thead><tbody>{body}</tbody></table>"
            )
        if self.weeks > max_weeks:
            more = _("… and {count} more weeks: use {code}.").format(
                count=digits(self.weeks - max_weeks), code="\x00")
            parts.append(f"<p>{html.escape(more).replace(chr(0), '<code>.week(n)</code>')}</p>")
        note_text = _("Note: {note}")
        parts += [f"<p>{html.escape(note_text.format(note=note))}</p>" for note in self.notes]
        return "\n".join(parts)

    def to_csv(self, path: str | Path) -> Path:
        """Write the events to a CSV file (times in ISO 8601 with their UTC offset)."""
        table = self.events
        for column in ("start", "end"):
            table[column] = table[column].map(lambda ts: ts.isoformat())
        path = Path(path)
        table.to_csv(path, index=False, encoding="utf-8")
        return path

    def to_ics(self, path: str | Path, *, name: str | None = None) -> Path:
        """Write the events to an iCalendar (.ics) file that calendar apps import.

        ``name`` is the calendar's name in the app (default: "SMM Lab content calendar", in
        the chosen language)."""
        return write_ics(self._events, path, timezone=self.timezone, name=name)


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
    for row in records:           # up even when another day falls among them
        name = str(row["name"])
        at = running.get(name)
        last = occasions[at] if at is not None else None
        if at is not None and last is not None and (
                last.first + timedelta(days=last.days) == row["date"]):
            occasions[at] = replace(last, days=last.days + 1)  # the 3 days of Eid: 1 occasion
            continue
        running[name] = len(occasions)
        occasions.append(_Occasion(
            row["date"], 1, name, str(row["kind"]), bool(row["estimated"]), str(row["source"]),
        ))
    return occasions


def _special_day_table(
    special_days: SpecialDays, first_day: date, last_day: date, language: str,
    extra_days: ExtraDays,
) -> pd.DataFrame:
    import pandas as pd

    if not isinstance(special_days, bool):
        table = pd.DataFrame(special_days).copy()
        if not {"date", "name"} <= set(table.columns):
            raise InputError(
                _("the special_days table needs 'date' and 'name' columns; it has: "
                  "{columns}").format(columns=", ".join(map(str, table.columns))),
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
            _("the calendar runs {first} – {last}, but Bangladesh's special days are known only "
              "for {low}–{high} (the holidays package), not {year}").format(
                  first=first_day, last=last_day, low=known[0], high=known[-1],
                  year=outside[0]),
            fix=_("end the calendar by {high}-12-31, or pass special_days=False").format(
                high=known[-1]),
        )
    return list_days(years, language=language, extra_days=extra_days)


# --------------------------------------------------------------------------- specification


class BestTimes(Protocol):
    """A best-times table: anything with ``.best(n)`` (``smm_helpers.metrics.best_time_table``).

    ``.best(n)`` returns the top ``n`` slots: a DataFrame with ``weekday`` and ``hour``, or
    (weekday, hour) pairs, dicts or objects (see :func:`slots_from_best_times`).
    """

    def best(self, n: int) -> Any: ...  # a DataFrame or pairs: read by slots_from_best_times


SlotLike = tuple[int | str, int]
"""A slot as a learner writes it: (weekday number or name, hour), e.g. ``('Tue', 10)``."""

PlatformSlots = Sequence[SlotLike] | BestTimes
"""One platform's slots: a list of (weekday, hour) slots, or a best-times table."""

BestSlots = PlatformSlots | Mapping[str, PlatformSlots] | None
"""``best_slots``: slots for every platform, a dict platform → slots, or None (defaults)."""

ExtraDays: TypeAlias = (
    "pd.DataFrame | Sequence[Mapping[str, object]] | Mapping[str, Sequence[object]] | None")
"""``extra_days``: your own days, a table with ``date`` and ``name`` (a DataFrame, a list of
row dicts or a dict of columns), as :func:`~smm_helpers.planning.special_days.special_days`
takes it."""

SpecialDays: TypeAlias = (
    "bool | pd.DataFrame | Sequence[Mapping[str, object]] | Mapping[str, Sequence[object]]")
"""``special_days``: True (Bangladesh's days), False (none), or your own table."""


class CalendarOptions(TypedDict, total=False):
    """The options of :func:`build_calendar` (each optional; see there for what it does).

    >>> sorted(CalendarOptions.__annotations__)[:3]
    ['avoid_weekend', 'best_slots', 'extra_days']
    """

    posts_per_week: int | Mapping[str, int] | None  # default: DEFAULT_POSTS_PER_WEEK
    pillar_mix: Mapping[str, float] | None  # default: DEFAULT_PILLAR_MIX
    best_slots: BestSlots  # default: default_slots()
    special_days: SpecialDays  # default: True
    timezone: str  # default: TIMEZONE (Asia/Dhaka)
    avoid_weekend: bool  # default: False
    weekend: Sequence[int | str]  # default: BANGLADESH_WEEKEND
    prep_days: int  # default: DEFAULT_PREP_DAYS
    language: str  # default: "en"
    extra_days: ExtraDays  # default: None
    max_weeks: int  # default: DEFAULT_MAX_WEEKS
    seed: int | None  # default: None


class UnknownOptionError(InputError, TypeError):
    """An option :func:`build_calendar` does not have (a ``TypeError`` too, as Python's own).

    >>> build_calendar("2027-01-04", 1, "facebook", post_per_week=3)
    Traceback (most recent call last):
    ...
    smm_helpers.planning.calendar.UnknownOptionError: 'post_per_week' is not an option ...
    How to fix it: use one of: posts_per_week, pillar_mix, best_slots, ...
    """


@dataclass(frozen=True)
class CalendarSpec:
    """What a content calendar should hold, checked once: :func:`build_calendar`'s inputs.

    Make one with :meth:`CalendarSpec.check` (it takes the arguments of
    :func:`build_calendar`, fills in the defaults and raises the same teaching errors);
    :func:`calendar_from_spec` then builds the calendar.  Every field is immutable, and no
    argument you passed is kept or changed (dicts are copied).

    >>> spec = CalendarSpec.check("2026-11-25", 2, ["facebook", "facebook"],
    ...                           posts_per_week=3, special_days=False)
    >>> spec.first_day, spec.platforms, dict(spec.posts_per_week)
    (datetime.date(2026, 11, 30), ('facebook',), {'facebook': 3})
    >>> calendar_from_spec(spec)
    ContentCalendar(2 weeks, Mon 30 Nov 2026 – Sun 13 Dec 2026, Asia/Dhaka: 6 posts on facebook)
    >>> CalendarSpec.check("2026-11-30", 1, "facebook", language="fr")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'fr' is not a language SMM Lab knows.
    How to fix it: use one of: en, bn.
    """

    first_day: date
    weeks: int
    platforms: tuple[str, ...]
    posts_per_week: Mapping[str, int]
    pillar_mix: Mapping[str, float]
    best_slots: BestSlots
    special_days: SpecialDays
    timezone: str
    avoid_weekend: bool
    weekend: tuple[int, ...]
    prep_days: int
    language: str
    extra_days: ExtraDays
    max_weeks: int
    seed: int | None

    @classmethod
    def check(
        cls,
        start: date | datetime | str,
        weeks: int,
        platforms: str | Iterable[str],
        **options: Unpack[CalendarOptions],
    ) -> CalendarSpec:
        """The checked specification of :func:`build_calendar`'s arguments (see there).

        The calendar starts on ``start`` if it is a Monday, otherwise on the next Monday.
        An option :class:`CalendarOptions` does not name is an error (a ``TypeError``, as
        Python gives for an unknown keyword, that also says which options there are).
        """
        unknown = [name for name in options if name not in CalendarOptions.__annotations__]
        if unknown:
            error = unknown_choice("option", unknown[0], list(CalendarOptions.__annotations__))
            raise UnknownOptionError(error.problem, fix=error.fix)
        timezone = options.get("timezone", TIMEZONE)
        max_weeks = options.get("max_weeks", DEFAULT_MAX_WEEKS)
        prep_days = options.get("prep_days", DEFAULT_PREP_DAYS)
        language = options.get("language", "en")
        posts_per_week = options.get("posts_per_week")
        pillar_mix = options.get("pillar_mix")
        best_slots = options.get("best_slots")
        check_timezone(timezone)
        chosen_platforms = check_platforms(platforms)
        _check_whole("weeks", weeks, low=1, fix=_("plan at least one week, e.g. weeks=4"))
        _check_whole("max_weeks", max_weeks, low=1,
                     fix=_("pass e.g. max_weeks=104 (two years)"))
        if weeks > max_weeks:
            raise InputError(
                _("weeks={weeks} is more than max_weeks={max_weeks} ({years} years)").format(
                    weeks=weeks, max_weeks=max_weeks, years=digits(f"{max_weeks / 52:.1f}")),
                fix=_("plan at most {max_weeks} weeks, or pass max_weeks={weeks} if you really "
                      "mean such a long calendar").format(max_weeks=max_weeks, weeks=weeks),
            )
        _check_whole("prep_days", prep_days, low=0,
                     fix=_("pass e.g. prep_days=7 (a week ahead)"))
        if language not in LANGUAGES:
            raise unknown_choice("language", language, LANGUAGES)
        first = _check_start(start)
        per_week = _check_posts_per_week(
            DEFAULT_POSTS_PER_WEEK if posts_per_week is None else posts_per_week,
            chosen_platforms)
        mix = check_pillar_mix(DEFAULT_PILLAR_MIX if pillar_mix is None else pillar_mix)
        weekend_days = _check_weekend(options.get("weekend", BANGLADESH_WEEKEND))
        if isinstance(best_slots, Mapping):
            for platform in best_slots:
                if platform not in PLATFORMS:
                    raise unknown_choice("platform", platform, PLATFORMS)
            best_slots = MappingProxyType(dict(best_slots))
        elif isinstance(best_slots, list):
            best_slots = tuple(best_slots)
        return cls(
            first_day=first + timedelta(days=(7 - first.weekday()) % 7),
            weeks=weeks, platforms=tuple(chosen_platforms),
            posts_per_week=MappingProxyType(per_week), pillar_mix=MappingProxyType(mix),
            best_slots=best_slots, special_days=options.get("special_days", True),
            timezone=timezone, avoid_weekend=options.get("avoid_weekend", False),
            weekend=weekend_days, prep_days=prep_days, language=language,
            extra_days=options.get("extra_days"), max_weeks=max_weeks, seed=options.get("seed"),
        )  # fmt: skip

    @property
    def last_day(self) -> date:
        """The calendar's last day (a Sunday)."""
        return self.first_day + timedelta(days=7 * self.weeks - 1)


@dataclass(frozen=True)
class CalendarEvent:
    """One event of a calendar: a post, a prep task or a special day (a row of ``events``)."""

    start: datetime
    end: datetime
    platform: str
    pillar: str | None
    title: str
    kind: str
    description: str


# --------------------------------------------------------------------------- building


def _post(start: datetime, platform: str, origin: str) -> CalendarEvent:
    """A regular post in a slot, its pillar and title still to come."""
    return CalendarEvent(start, start + timedelta(minutes=POST_MINUTES), platform, None, "",
                         "post", f"{origin}.")


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
        (abs(p.start - target), p.start, i) for i, p in enumerate(posts)
        if p.platform == platform and p.pillar is None and monday <= p.start.date() < week_end
    ]  # fmt: skip
    if not candidates:
        return None
    chosen = min(candidates)[2]
    busy = {p.start for i, p in enumerate(posts) if p.platform == platform and i != chosen}
    start = target
    while start in busy:  # never two posts on one platform at the same time
        start = local_time(start.date(), (start.hour + 1) % 24, target.tzinfo)  # type: ignore[arg-type]
    moved = replace(posts[chosen], start=start, end=start + timedelta(minutes=POST_MINUTES))
    return chosen, moved


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
            platform, spec.best_slots, spec.posts_per_week[platform],
            weekend=spec.weekend, avoid_weekend=spec.avoid_weekend, rng=rng,
            language=spec.language,
        )  # fmt: skip
        if topped_up:
            notes.append(topped_up)
        slot_of[platform] = slots
        for week in range(spec.weeks):
            monday = spec.first_day + timedelta(days=7 * week)
            posts += [_post(local_time(monday + timedelta(days=day), hour, zone), platform, origin)
                      for (day, hour), origin in zip(slots, origins, strict=True)]

    # 2. Special days: a post on each platform, a marker and a prep task.
    others: list[CalendarEvent] = []
    if spec.special_days is not False:
        table = _special_day_table(spec.special_days, spec.first_day, spec.last_day,
                                   spec.language, spec.extra_days)
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
    events = pd.DataFrame([[getattr(e, c) for c in EVENT_COLUMNS] for e in rows],
                          columns=list(EVENT_COLUMNS))
    for column in ("start", "end"):
        events[column] = pd.to_datetime(events[column].tolist()).tz_convert(zone)
    return ContentCalendar(
        events, first_day=spec.first_day, weeks=spec.weeks, timezone=spec.timezone,
        platforms=platforms, notes=notes,
    )  # fmt: skip


def _with_pillars(
    posts: Sequence[CalendarEvent], spec: CalendarSpec, platforms: Sequence[str],
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
                post, pillar=pillar, title=f"{shown}: {pillar}",
                description=_("Content pillar '{pillar}' on {platform}, {when} {timezone}; "
                              "{origin}").format(
                    pillar=pillar, platform=shown, when=_weekday_time(post.start),
                    timezone=spec.timezone, origin=post.description))
    return result


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
        named = (_("{name} ({days} days)").format(name=occasion.name, days=digits(occasion.days))
                 if occasion.days > 1 else occasion.name)
        estimated = (" " + _("Date ESTIMATED: confirm it with the government circular.")
                     if occasion.estimated else "")
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
                post, pillar=SPECIAL_PILLAR,
                title=_("{name} — special post").format(name=occasion.name),
                description=(
                    _("Special day: {name} ({kind}).").format(name=named, kind=kind) + " "
                    + source + estimated + " "
                    + _("This replaces one of the week's {platform} posts.").format(
                        platform=platform_name(platform))))
    note = None
    if missed:
        note = _("{name} on {day}: no free {platforms} post that week; raise posts_per_week to "
                 "cover every special day").format(
                     name=occasion.name, day=day, platforms=", ".join(missed))
    start = local_time(day, 0, zone)
    with in_language(language):
        if occasion.days > 1:
            what = _("{kind} day ({days} days).").format(kind=kind.capitalize(),
                                                          days=digits(occasion.days))
        else:
            what = _("{kind} day.").format(kind=kind.capitalize())
        planned = _("Posts planned on: {platforms}.").format(
            platforms=", ".join(covered) or _("none"))
        prep_title = _("Prepare: {name}").format(name=occasion.name)
        prep_text = _("Write and design the {name} posts for {platforms} before {day} (special "
                      "content is prepared in advance: source article 004, step 5).").format(
            name=occasion.name, platforms=", ".join(covered) or _("your platforms"),
            day=day_label(day))
    marker = CalendarEvent(
        start=start,
        end=local_time(day + timedelta(days=occasion.days), 0, zone),
        platform=ALL_PLATFORMS,
        pillar=SPECIAL_PILLAR,
        title=occasion.name,
        kind="special_day",
        description=f"{what} {source}{estimated} {planned}",
    )
    prep_start = local_time(max(day - timedelta(days=spec.prep_days), spec.first_day),
                            PREP_HOUR, zone)
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
