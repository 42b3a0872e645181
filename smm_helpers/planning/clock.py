"""Time zones and wall-clock times: what the calendar and its iCalendar export both need.

Both :mod:`smm_helpers.planning.calendar` and :mod:`smm_helpers.planning.ics` import these
(the calendar also exports to .ics), so they live below both and the imports run one way:
``calendar`` → ``ics`` → ``clock``.

>>> local_time(date(2026, 11, 23), 9, check_timezone("Asia/Dhaka")).isoformat()
'2026-11-23T09:00:00+06:00'
"""

from __future__ import annotations

import difflib
from datetime import UTC, date, datetime, time, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.schema import TIMEZONE

__all__ = ["check_timezone", "local_time"]


def check_timezone(name: object) -> tzinfo:
    """The ``zoneinfo`` time zone called ``name``, or an error that suggests a fix.

    >>> check_timezone("Asia/Dhaka")
    zoneinfo.ZoneInfo(key='Asia/Dhaka')
    >>> check_timezone("Asia/Dacca ")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'Asia/Dacca ' is not a time zone name ...
    How to fix it: use an IANA name such as "Asia/Dhaka" (Bangladesh)...
    """
    if isinstance(name, str) and name.strip() == name and name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    close = difflib.get_close_matches(str(name).strip(), sorted(available_timezones()), n=3)
    fix = (
        _('use an IANA name such as "{zone}" (Bangladesh); close names: {names}')
        if close
        else _('use an IANA name such as "{zone}" (Bangladesh)')
    )
    raise InputError(
        _("{name} is not a time zone name the IANA database knows").format(name=repr(name)),
        fix=fix.format(zone=TIMEZONE, names=", ".join(close)),
    )


def local_time(day: date, hour: int, zone: tzinfo, minute: int = 0) -> datetime:
    """``day`` at ``hour:minute`` on the wall clock of ``zone``, as a timezone-aware datetime.

    A time that does not exist (clocks jump forward for daylight saving) moves forward by
    the jump, as calendar apps do; a time that happens twice takes the first.

    >>> from zoneinfo import ZoneInfo
    >>> local_time(date(2027, 3, 28), 9, ZoneInfo("Europe/London")).isoformat()
    '2027-03-28T09:00:00+01:00'
    >>> local_time(date(2027, 3, 28), 1, ZoneInfo("Europe/London")).isoformat()  # 01:00 is skipped
    '2027-03-28T02:00:00+01:00'
    >>> local_time(date(2027, 3, 28), 24, ZoneInfo("Europe/London"))
    Traceback (most recent call last):
    ...
    ValueError: hour must be in 0..23
    """
    wall = datetime.combine(day, time(hour, minute), tzinfo=zone)
    return wall.astimezone(UTC).astimezone(zone)
