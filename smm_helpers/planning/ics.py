"""Export a content calendar to iCalendar (.ics), the file every calendar app imports.

:func:`events_to_ics` turns an events table (``ContentCalendar.events``) into RFC 5545 text:
a VCALENDAR with PRODID, VERSION and CALSCALE, a VTIMEZONE for the calendar's zone, and one
VEVENT per event with a stable UID, DTSTAMP, DTSTART/DTEND carrying the TZID, SUMMARY,
DESCRIPTION and CATEGORIES (platform, pillar).  Special days are all-day events.
:func:`read_ics` reads such a file back into a table, so learners can re-import it.

>>> from smm_helpers.planning.calendar import build_calendar
>>> cal = build_calendar("2026-11-30", weeks=1, platforms="facebook", special_days=False)
>>> text = events_to_ics(cal.events, timezone="Asia/Dhaka").decode()
>>> text.splitlines()[:4]
['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//SMM Lab//Content calendar//EN', 'CALSCALE:GREGORIAN']
>>> "DTSTART;TZID=Asia/Dhaka:20261130T090000" in text
True
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smm_helpers.errors import DataError, InputError
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.planning.clock import check_timezone, local_time
from smm_helpers.schema import TIMEZONE

if TYPE_CHECKING:
    import pandas as pd

PRODID = "-//SMM Lab//Content calendar//EN"  # i18n: not shown
CALENDAR_NAME = N_("SMM Lab content calendar")
"""The calendar's name in a calendar app when you give none (in the learner's language)."""
UID_DOMAIN = "smm-lab.invalid"
"""UIDs end in this domain (``.invalid`` is reserved, so they can never clash with a real one)."""

READ_COLUMNS = ("start", "end", "platform", "pillar", "title", "kind", "description")
_REQUIRED = ("start", "end", "title")


def event_uid(start: datetime, platform: str, kind: str, title: str) -> str:
    """A stable UID for an event: the same event always gets the same UID.

    Calendar apps use the UID to update an event instead of adding a copy when you import
    the calendar again.

    >>> from zoneinfo import ZoneInfo
    >>> when = datetime(2026, 12, 16, 9, tzinfo=ZoneInfo("Asia/Dhaka"))
    >>> event_uid(when, "facebook", "post", "Victory Day") == event_uid(
    ...     when, "facebook", "post", "Victory Day")
    True
    >>> event_uid(when, "facebook", "post", "Victory Day")
    '...@smm-lab.invalid'
    >>> event_uid(datetime(2026, 12, 16, 9), "facebook", "post", "Victory Day")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: start 2026-12-16 09:00:00 has no time zone.
    How to fix it: give it one, e.g. datetime(..., tzinfo=ZoneInfo('Asia/Dhaka')).
    """
    if start.tzinfo is None:
        raise InputError(
            _("start {start} has no time zone").format(start=start),
            fix=_("give it one, e.g. datetime(..., tzinfo=ZoneInfo('Asia/Dhaka'))"),
        )
    key = "|".join([start.isoformat(), platform, kind, title])
    return f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:24]}@{UID_DOMAIN}"


def _check_events(events: pd.DataFrame) -> None:
    missing = [c for c in _REQUIRED if c not in events.columns]
    if missing:
        raise InputError(
            _("the events table lacks the column(s) {missing}; it has: {columns}").format(
                missing=", ".join(missing), columns=", ".join(map(str, events.columns))
            ),
            fix=_("pass ContentCalendar.events (columns: {columns})").format(
                columns=", ".join(READ_COLUMNS)
            ),
        )


def events_to_ics(
    events: pd.DataFrame,
    *,
    timezone: str,
    name: str | None = None,
    stamp: datetime | None = None,
) -> bytes:
    """The events as iCalendar bytes (UTF-8, lines folded at 75 octets as RFC 5545 asks).

    ``name`` is the calendar's name (default: :data:`CALENDAR_NAME` in the chosen language;
    the calendar's UID comes from the English name, so it is the same in both languages).
    ``stamp`` is the DTSTAMP of every event (default: now, in UTC).  Events of kind
    ``special_day`` become all-day events.  The table is not changed.

    >>> import pandas as pd
    >>> events_to_ics(pd.DataFrame({"start": []}), timezone="Asia/Dhaka")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: the events table lacks the column(s) end, title; it has: start.
    How to fix it: pass ContentCalendar.events (columns: start, end, ...).
    """
    import icalendar  # heavy: loaded on first use

    _check_events(events)
    zone = check_timezone(timezone)
    stamp = stamp or datetime.now(UTC)
    shown = _(CALENDAR_NAME) if name is None else name
    uid = f"{_digest(CALENDAR_NAME if name is None else name)}@{UID_DOMAIN}"
    calendar = icalendar.Calendar.new(prodid=PRODID, calscale="GREGORIAN", name=shown, uid=uid)
    calendar.add("X-WR-TIMEZONE", timezone)
    for row in events.to_dict("records"):
        calendar.add_component(_vevent(row, zone, stamp))
    if len(events):
        first = min(events["start"]).date() - timedelta(days=366)
        last = max(events["end"]).date() + timedelta(days=366)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar.to_ical()


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def _vevent(row: dict[Any, Any], zone: Any, stamp: datetime) -> Any:
    import icalendar  # heavy: loaded on first use

    start = row["start"].to_pydatetime().astimezone(zone)
    end = row["end"].to_pydatetime().astimezone(zone)
    platform = str(row.get("platform") or "")
    pillar = str(row.get("pillar") or "")
    kind = str(row.get("kind") or "post")
    title = str(row["title"])
    all_day = kind == "special_day"
    event = icalendar.Event.new(
        uid=event_uid(start, platform, kind, title),
        stamp=stamp,
        start=start.date() if all_day else start,
        end=end.date() if all_day else end,
        summary=title,
        description=str(row.get("description") or ""),
        categories=[c for c in (platform, pillar) if c],
    )
    event.add("X-SMM-PLATFORM", platform)
    event.add("X-SMM-PILLAR", pillar)
    event.add("X-SMM-KIND", kind)
    return event


def write_ics(
    events: pd.DataFrame,
    path: str | Path,
    *,
    timezone: str,
    name: str | None = None,
    stamp: datetime | None = None,
) -> Path:
    """Write the events to an ``.ics`` file and return its path (see :func:`events_to_ics`).

    >>> import pandas as pd
    >>> write_ics(pd.DataFrame(), "x.ics", timezone="Asia/Dhaka")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: the events table lacks the column(s) start, end, title; ...
    How to fix it: pass ContentCalendar.events (columns: start, end, ...).
    """
    data = events_to_ics(events, timezone=timezone, name=name, stamp=stamp)
    path = Path(path)
    path.write_bytes(data)
    return path


def _as_local(value: date | datetime, zone: Any) -> datetime:
    """A DTSTART/DTEND value as a datetime in ``zone`` (all-day dates become midnight)."""
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=zone)
    return local_time(value, 0, zone)


def read_ics(path: str | Path) -> pd.DataFrame:
    """Read an ``.ics`` file into a new events table (the columns of ``ContentCalendar.events``).

    Times keep the time zone the file gives them; all-day events start at local midnight of
    the calendar's zone (``X-WR-TIMEZONE``, else Asia/Dhaka).  Files from other apps work
    too: the SMM Lab columns they lack are left empty.

    >>> read_ics("no-such-file.ics")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: no-such-file.ics: the file does not exist.
    How to fix it: check the path; write one with ContentCalendar.to_ics(path).
    """
    import icalendar  # heavy: loaded on first use
    import pandas as pd  # heavy: loaded on first use

    path = Path(path)
    if not path.is_file():
        raise DataError(
            _("the file does not exist"),
            fix=_("check the path; write one with ContentCalendar.to_ics(path)"),
            file=str(path),
        )
    try:
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
    except ValueError as error:
        raise DataError(
            _("this is not an iCalendar file ({error})").format(error=error),
            fix=_(
                "export the calendar again, or open the file to check it starts with "
                "BEGIN:VCALENDAR"
            ),
            file=str(path),
        ) from None
    zone = check_timezone(str(calendar.get("X-WR-TIMEZONE", TIMEZONE)))
    rows = []
    for event in calendar.events:
        start = _as_local(event.start, zone)
        rows.append(
            {
                "start": pd.Timestamp(start),
                "end": pd.Timestamp(_as_local(event.end, zone)),
                "platform": str(event.get("X-SMM-PLATFORM", "")),
                "pillar": str(event.get("X-SMM-PILLAR", "")),
                "title": str(event.get("SUMMARY", "")),
                "kind": str(event.get("X-SMM-KIND", "")),
                "description": str(event.get("DESCRIPTION", "")),
            }
        )
    return pd.DataFrame(rows, columns=list(READ_COLUMNS))
