"""The weekly slots a calendar posts in: your own, a best-times table's, or the default guidance.

:func:`default_slots` ranks every weekly slot by Sprout Social's guidance
(:data:`SPROUT_GUIDANCE`), moved to the local weekend; :func:`slots_from_best_times` reads a
best-times table (:class:`BestTimes`); ``best_slots`` (:data:`BestSlots`) says which a
platform uses.

>>> default_slots("linkedin")[:3]
[(0, 9), (1, 9), (2, 9)]
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from smm_helpers.errors import InputError, unknown_choice
from smm_helpers.i18n.messages import N_, in_language
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits
from smm_helpers.planning.calendar_checks import BANGLADESH_WEEKEND, Slot, check_slot
from smm_helpers.planning.calendar_days import _weekday_name
from smm_helpers.schema import PLATFORMS, platform_name

POSTING_HOURS = range(8, 21)
"""Hours (local) the default slots use: 08:00 to 20:00."""


@dataclass(frozen=True)
class SproutGuidance:
    """Sprout Social's best days and hours for one platform, in the US week (Mon=0)."""

    best_days: tuple[int, ...]
    hours: range
    worst_day: int | None
    source: str


SPROUT_GUIDANCE: dict[str, SproutGuidance] = {
    "facebook": SproutGuidance(
        (1, 2, 4),
        range(9, 13),
        5,
        N_(
            "Tue/Wed/Fri 9 am–1 pm, worst Sat; Sprout Social 'Best times to post' 2021, "
            "US Central Time (sources.md#sprout-best-times-2021)"
        ),
    ),
    "instagram": SproutGuidance(
        (1,),
        range(11, 14),
        6,
        N_(
            "Tue 11 am–2 pm, worst Sun; Sprout Social 'Best times to post' 2021, "
            "US Central Time (sources.md#sprout-best-times-2021)"
        ),
    ),
    "x": SproutGuidance(
        (2,),
        range(9, 15),
        5,
        N_(
            "Wed 9 am–3 pm, worst Sat; Sprout Social 'Best times to post' 2021, "
            "US Central Time (sources.md#sprout-best-times-2021)"
        ),
    ),
    "linkedin": SproutGuidance(
        (1, 2),
        range(9, 12),
        6,
        N_(
            "Tue–Wed 9 am–noon, worst Sun; Sprout Social 'Best times to post' 2021, "
            "US Central Time (sources.md#sprout-best-times-2021)"
        ),
    ),
    "youtube": SproutGuidance(
        (0, 1, 2, 3, 4),
        range(9, 14),
        None,
        N_(
            "no YouTube figure: the general 'weekdays before 2 pm' finding (UNCERTAIN); Sprout "
            "Social 'Best times to post' 2021, US Central Time (sources.md#sprout-best-times-2021)"
        ),
    ),
    "tiktok": SproutGuidance(
        (0, 1, 2, 3, 4),
        range(9, 14),
        None,
        N_(
            "no TikTok figure: the general 'weekdays before 2 pm' finding (UNCERTAIN); Sprout "
            "Social 'Best times to post' 2021, US Central Time (sources.md#sprout-best-times-2021)"
        ),
    ),
}
"""Where the default slots come from (US days; :func:`default_slots` moves them)."""


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
                kind=type(best_times).__name__
            ),
            fix=_(
                "pass smm_helpers.metrics.best_time_table(posts) or a list of (weekday, hour) slots"
            ),
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
        default_origin = _(
            "default slot: {source}; US days shifted so the {weekend} weekend "
            "lines up with the US Sat–Sun"
        ).format(source=_(SPROUT_GUIDANCE[platform].source), weekend=weekend_names)
        from_table = _("slot from your best-times table")
        from_list = _("slot from your best_slots")
    if given is None:
        ranked = _ranked_default_slots(platform, weekend, rng)
        origin = default_origin
    elif callable(getattr(given, "best", None)):
        ranked = slots_from_best_times(given, 7 * 24)
        origin = from_table
        trusted = [s for s in dict.fromkeys(ranked) if not (avoid_weekend and s[0] in weekend)][
            :needed
        ]
        if len(trusted) < needed:
            extra = [
                s
                for s in _ranked_default_slots(platform, weekend, rng)
                if s not in trusted and not (avoid_weekend and s[0] in weekend)
            ]
            extra = extra[: needed - len(trusted)]
            note = (
                _(
                    "{platform}: your best-times table trusts only {trusted} weekly slot, so "
                    "{extra} more came from the default guidance"
                )
                if len(trusted) == 1
                else _(
                    "{platform}: your best-times table trusts only {trusted} weekly slots, so "
                    "{extra} more came from the default guidance"
                )
            ).format(
                platform=platform_name(platform),
                trusted=digits(len(trusted)),
                extra=digits(len(extra)),
            )
            return (
                [*trusted, *extra],
                [origin] * len(trusted) + [default_origin] * len(extra),
                note,
            )
    elif isinstance(given, str | bytes) or not isinstance(given, Iterable):
        raise InputError(
            _("best_slots for {platform} is {value}, not a list of (weekday, hour) slots").format(
                platform=platform, value=repr(given)
            ),
            fix=_("pass e.g. {example}").format(
                example="best_slots={'facebook': [('Mon', 9), ('Tue', 12)]}"
            ),
        )
    else:
        ranked = [check_slot(s) for s in given]
        origin = from_list
    usable = [s for s in dict.fromkeys(ranked) if not (avoid_weekend and s[0] in weekend)]
    if len(usable) < needed:
        if avoid_weekend:
            problem = _(
                "{platform} needs {needed} posts a week but only {usable} different "
                "weekly slots outside the weekend fit ({origin})"
            )
            fix = _(
                "lower posts_per_week[{platform}] to at most {usable}, or give more "
                "best_slots, or pass avoid_weekend=False"
            )
        else:
            problem = _(
                "{platform} needs {needed} posts a week but only {usable} different "
                "weekly slots fit ({origin})"
            )
            fix = _("lower posts_per_week[{platform}] to at most {usable}, or give more best_slots")
        raise InputError(
            problem.format(
                platform=platform, needed=needed, usable=len(usable), origin=origin.split(":")[0]
            ),
            fix=fix.format(platform=repr(platform), usable=len(usable)),
        )
    return usable[:needed], [origin] * needed, None
