"""Days and weekdays as the content calendar writes them, in the learner's language.

>>> day_label(date(2026, 12, 16)), _weekday_time(datetime(2026, 12, 16, 9, 30))
('Wed 16 Dec 2026', 'Wed 09:30')
>>> from smm_helpers.i18n.messages import in_language
>>> with in_language("bn"):
...     _weekday_name(4)
'শুক্র'
"""

from __future__ import annotations

from datetime import date, datetime

from smm_helpers.i18n.messages import current_language
from smm_helpers.i18n.numbers import digits


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
    >>> from smm_helpers.i18n.messages import in_language
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
