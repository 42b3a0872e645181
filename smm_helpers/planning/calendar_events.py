"""The events a content calendar holds: :class:`CalendarEvent` and its columns and kinds.

>>> EVENT_COLUMNS == tuple(CalendarEvent.__dataclass_fields__)
True
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

EVENT_COLUMNS = ("start", "end", "platform", "pillar", "title", "kind", "description")
"""The columns of ``ContentCalendar.events``, in order."""

EVENT_KINDS = ("special_day", "prep", "post")
"""``post`` is a scheduled post, ``prep`` a task to prepare a special day, ``special_day``
marks the day itself (all day)."""

ALL_PLATFORMS = "all"
"""The ``platform`` of events that concern every platform (special days, prep tasks)."""

SPECIAL_PILLAR = "special day"  # i18n: not shown
"""The ``pillar`` of special-day events (a data value, the same in every language)."""

POST_MINUTES = 30
"""How long a post's event lasts in a calendar app, in minutes."""

PREP_HOUR = 10
"""The hour (local) a special day's prep task starts."""


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
