"""What a content calendar should hold, checked once: :class:`CalendarSpec`.

:func:`~smm_helpers.planning.calendar.build_calendar`'s options (:class:`CalendarOptions`)
and their defaults (:data:`DEFAULT_POSTS_PER_WEEK`, sourced in :data:`FREQUENCY_SOURCES`;
:data:`DEFAULT_PREP_DAYS`, :data:`DEFAULT_MAX_WEEKS`) are checked into an immutable
specification, with the same teaching errors whichever way you build a calendar.

>>> spec = CalendarSpec.check("2027-01-06", 1, "youtube")
>>> spec.first_day, dict(spec.posts_per_week), spec.weekend
(datetime.date(2027, 1, 11), {'youtube': 1}, (4, 5))
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeAlias, TypedDict, Unpack

from smm_helpers.errors import InputError, unknown_choice
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits
from smm_helpers.planning.calendar_checks import (
    BANGLADESH_WEEKEND,
    _check_start,
    _check_weekend,
    _check_whole,
    check_platforms,
)
from smm_helpers.planning.calendar_pillars import DEFAULT_PILLAR_MIX, check_pillar_mix
from smm_helpers.planning.calendar_slots import BestSlots
from smm_helpers.planning.clock import check_timezone
from smm_helpers.schema import LANGUAGES, PLATFORMS, TIMEZONE

if TYPE_CHECKING:
    import pandas as pd

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
    "facebook": N_(
        "Rival IQ 2023 all-industry median 5.04 posts/week (sources.md#rival-iq-benchmarks)"
    ),
    "instagram": N_(
        "Rival IQ 2023 median 4.5 posts/week, rounded down "
        "(sources.md#rival-iq-benchmarks); Hootsuite 2023: 3–7 "
        "(sources.md#posting-frequency)"
    ),
    "x": N_("Rival IQ 2023 median 3.9 posts/week (sources.md#rival-iq-benchmarks)"),
    "linkedin": N_("Buffer/SumAll: 1 post per weekday (sources.md#posting-frequency)"),
    "youtube": N_("no benchmark on the sources page: 1/week is illustrative (UNCERTAIN)"),
    "tiktok": N_(
        "no TikTok frequency on the sources page: 4/week follows the observed 4–5 "
        "posts/week per platform (sources.md#rival-iq-benchmarks) (UNCERTAIN)"
    ),
}
"""Where each of ``DEFAULT_POSTS_PER_WEEK`` comes from (``gettext`` shows it translated)."""


DEFAULT_PREP_DAYS = 7
DEFAULT_MAX_WEEKS = 104


ExtraDays: TypeAlias = (
    "pd.DataFrame | Sequence[Mapping[str, object]] | Mapping[str, Sequence[object]] | None"
)
"""``extra_days``: your own days, a table with ``date`` and ``name`` (a DataFrame, a list of
row dicts or a dict of columns), as :func:`~smm_helpers.planning.special_days.special_days`
takes it."""

SpecialDays: TypeAlias = (
    "bool | pd.DataFrame | Sequence[Mapping[str, object]] | Mapping[str, Sequence[object]]"
)
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

    >>> CalendarSpec.check("2027-01-04", 1, "facebook", post_per_week=3)
    Traceback (most recent call last):
    ...
    smm_helpers.planning.calendar_spec.UnknownOptionError: 'post_per_week' is not an option ...
    How to fix it: use one of: posts_per_week, pillar_mix, best_slots, ...
    """


@dataclass(frozen=True)
class CalendarSpec:
    """What a content calendar should hold, checked once: :func:`build_calendar`'s inputs.

    Make one with :meth:`CalendarSpec.check` (it takes the arguments of
    :func:`build_calendar`, fills in the defaults and raises the same teaching errors);
    :func:`calendar_from_spec` then builds the calendar.  Every field is immutable, and no
    argument you passed is kept or changed (dicts are copied).

    >>> from smm_helpers.planning.calendar import calendar_from_spec
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
        _check_whole("max_weeks", max_weeks, low=1, fix=_("pass e.g. max_weeks=104 (two years)"))
        if weeks > max_weeks:
            raise InputError(
                _("weeks={weeks} is more than max_weeks={max_weeks} ({years} years)").format(
                    weeks=weeks, max_weeks=max_weeks, years=digits(f"{max_weeks / 52:.1f}")
                ),
                fix=_(
                    "plan at most {max_weeks} weeks, or pass max_weeks={weeks} if you really "
                    "mean such a long calendar"
                ).format(max_weeks=max_weeks, weeks=weeks),
            )
        _check_whole("prep_days", prep_days, low=0, fix=_("pass e.g. prep_days=7 (a week ahead)"))
        if language not in LANGUAGES:
            raise unknown_choice("language", language, LANGUAGES)
        first = _check_start(start)
        per_week = _check_posts_per_week(
            DEFAULT_POSTS_PER_WEEK if posts_per_week is None else posts_per_week, chosen_platforms
        )
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
            weeks=weeks,
            platforms=tuple(chosen_platforms),
            posts_per_week=MappingProxyType(per_week),
            pillar_mix=MappingProxyType(mix),
            best_slots=best_slots,
            special_days=options.get("special_days", True),
            timezone=timezone,
            avoid_weekend=options.get("avoid_weekend", False),
            weekend=weekend_days,
            prep_days=prep_days,
            language=language,
            extra_days=options.get("extra_days"),
            max_weeks=max_weeks,
            seed=options.get("seed"),
        )

    @property
    def last_day(self) -> date:
        """The calendar's last day (a Sunday)."""
        return self.first_day + timedelta(days=7 * self.weeks - 1)


def _check_posts_per_week(posts_per_week: Any, platforms: list[str]) -> dict[str, int]:
    if isinstance(posts_per_week, int) and not isinstance(posts_per_week, bool):
        posts_per_week = dict.fromkeys(platforms, posts_per_week)
    if not isinstance(posts_per_week, Mapping):
        raise InputError(
            _("posts_per_week must be a number or a dict of platform → posts, not {value}").format(
                value=repr(posts_per_week)
            ),
            fix=_("pass e.g. {example}").format(example="posts_per_week={'facebook': 5}"),
        )
    for platform in posts_per_week:
        if platform not in PLATFORMS:
            raise unknown_choice("platform", platform, PLATFORMS)
    counts = {}
    for platform in platforms:
        value = posts_per_week.get(platform, DEFAULT_POSTS_PER_WEEK[platform])
        counts[platform] = _check_whole(
            f"posts_per_week[{platform!r}]",
            value,
            low=1,
            fix=_("give {platform} at least 1 post a week, or leave it out of platforms").format(
                platform=platform
            ),
        )
    return counts
