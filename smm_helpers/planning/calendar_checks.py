"""Small checks of a content calendar's inputs, each with a teaching error.

The other calendar modules turn what a learner passed into checked values here: whole
numbers, platforms, the start date, weekdays (:data:`DAY_NAMES`), the weekend and weekly
slots (:data:`Slot`).

>>> check_platforms(["facebook", "x", "facebook"])
['facebook', 'x']
>>> weekday_number("Sat"), check_slot(("Sat", 11))
(5, (5, 11))
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from smm_helpers.errors import InputError, unknown_choice
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits
from smm_helpers.schema import PLATFORMS, WEEKEND

BANGLADESH_WEEKEND = WEEKEND
"""Friday and Saturday (``holidays.BD().weekend == {4, 5}``, sources.md#bd-weekend)."""

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
"""The weekdays' short English names, Monday first (:func:`weekday_number` reads them)."""

Slot = tuple[int, int]
"""A weekly slot: (weekday 0 = Monday … 6 = Sunday, hour 0–23), local time."""


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
        raise InputError(
            _("no platform was given"),
            fix=_("pass e.g. {example}").format(example="platforms=['facebook']"),
        )
    for platform in chosen:
        if platform not in PLATFORMS:
            raise unknown_choice("platform", platform, PLATFORMS)
    return list(dict.fromkeys(chosen))


def _check_whole(name: str, value: object, *, low: int, fix: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise InputError(
            _("{name} must be a whole number of at least {low}, not {value}").format(
                name=name, low=digits(low), value=repr(value)
            ),
            fix=fix,
        )
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
    raise InputError(
        _("start {value} is not a date").format(value=repr(start)),
        fix=_("write it as YYYY-MM-DD, e.g. start='2026-11-23'"),
    )


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
        raise InputError(
            _("{slot} is not a (weekday, hour) slot").format(slot=repr(slot)), fix=fix
        ) from None
    try:
        weekday = weekday_number(day)
    except InputError:
        raise InputError(
            _("{slot} is not a (weekday, hour) slot: bad weekday").format(slot=repr(slot)), fix=fix
        ) from None
    if isinstance(hour, bool) or not isinstance(hour, int) or not 0 <= hour <= 23:
        raise InputError(
            _("{slot} is not a (weekday, hour) slot: hour {hour} is not 0–23").format(
                slot=repr(slot), hour=repr(hour)
            ),
            fix=fix,
        )
    return weekday, int(hour)


def _check_weekend(weekend: object) -> tuple[int, ...]:
    try:
        days = tuple(weekday_number(d) for d in weekend)  # type: ignore[attr-defined]
    except (TypeError, InputError):
        raise InputError(
            _("weekend {value} is not a list of weekdays").format(value=repr(weekend)),
            fix=_("pass e.g. weekend=(4, 5) for Friday–Saturday (Bangladesh)"),
        ) from None
    return tuple(sorted(set(days)))
