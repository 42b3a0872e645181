"""Parse one export value: a count, a day or date-time, a yes/no.  Pure functions.

Each parser returns the value, or raises ``ValueError`` with a sentence saying what is
wrong; ``convert`` turns that into a ``DataError`` naming the file, line and column.

>>> parse_count("1,234"), parse_count(" ১২ "), parse_count("3.0")
(1234, 12, 3)
>>> parse_number("12.5%")
0.125
>>> parse_count("12.5")
Traceback (most recent call last):
...
ValueError: '12.5' is not a whole number
>>> parse_seconds("0:01:05"), parse_seconds("41")
(65.0, 41.0)
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata

from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import LATIN_DIGITS

_SPACES = re.compile(r"[\s\u00a0\u2009\u202f]+")
_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")


def clean(text: object) -> str:
    """A cell as compared: NFC, surrounding spaces dropped.

    >>> clean("  Photos\\u00a0")
    'Photos'
    """
    return unicodedata.normalize("NFC", str(text)).strip().strip("\u00a0\u200b\ufeff").strip()


def parse_number(text: str, thousands: str = ",", decimal: str = ".") -> float:
    """A number as an export writes it: ``1,234``, ``12.5%`` (as 0.125), Bengali digits.

    ``thousands`` and ``decimal`` are the export's separators (some locales write
    ``1.234,5``).

    >>> parse_number("1.234,5", thousands=".", decimal=",")
    1234.5
    """
    value = _SPACES.sub("", clean(text).translate(LATIN_DIGITS))
    percent = value.endswith("%")
    value = value.rstrip("%")
    if (thousands, decimal) != (",", "."):
        value = value.replace(thousands, "\x00").replace(decimal, ".").replace("\x00", ",")
    if not _NUMBER.match(value):
        raise ValueError(_("{value} is not a number").format(value=repr(text)))
    number = float(value.replace(",", ""))
    return number / 100 if percent else number


def parse_count(text: str, thousands: str = ",", decimal: str = ".") -> int:
    """A whole number of things, never negative."""
    number = parse_number(text, thousands, decimal)
    if clean(text).endswith("%"):
        raise ValueError(_("{value} is a percentage, not a count").format(value=repr(text)))
    if not math.isfinite(number) or number != math.floor(number):
        raise ValueError(_("{value} is not a whole number").format(value=repr(text)))
    if number < 0:
        raise ValueError(_("{value} is below 0").format(value=repr(text)))
    return int(number)


def parse_money(text: str) -> float:
    """An amount of money, never negative; a currency sign or code around it is allowed.

    >>> parse_money("৳1,200.50"), parse_money("BDT 300")
    (1200.5, 300.0)
    """
    stripped = re.sub(r"^(?:BDT|USD|Tk\.?|৳|\$)\s*|\s*(?:BDT|USD|৳)$", "", clean(text))
    number = parse_number(stripped)
    if number < 0:
        raise ValueError(_("{value} is below 0").format(value=repr(text)))
    return round(number, 2)


def parse_seconds(text: str) -> float:
    """A duration: seconds (``41``) or ``H:MM:SS`` / ``M:SS``."""
    value = clean(text)
    if ":" in value:
        parts = value.split(":")
        if not all(part.isdigit() for part in parts) or len(parts) > 3:
            raise ValueError(_("{value} is not a duration").format(value=repr(text)))
        seconds = 0.0
        for part in parts:
            seconds = seconds * 60 + int(part)
        return seconds
    return parse_number(value)


def has_time(fmt: str) -> bool:
    """Whether a strptime format reads a time of day.

    >>> has_time("%m/%d/%Y %H:%M"), has_time("%b %d, %Y")
    (True, False)
    """
    return "%H" in fmt or "%I" in fmt


def has_year(fmt: str) -> bool:
    """Whether a strptime format reads the year (TikTok writes "28 August")."""
    return "%Y" in fmt or "%y" in fmt


def parse_datetime(text: str, formats: tuple[str, ...]) -> tuple[dt.datetime, str]:
    """The first format that reads ``text``, and the value (year 2000 if it has none).

    >>> parse_datetime("03/28/2025 20:15", ("%m/%d/%Y %H:%M",))
    (datetime.datetime(2025, 3, 28, 20, 15), '%m/%d/%Y %H:%M')
    >>> parse_datetime("Tue, Jul 14, 2026", ("%Y-%m-%d", "%a, %b %d, %Y"))[0].date()
    datetime.date(2026, 7, 14)
    >>> parse_datetime("29 February", ("%d %B",))[0].month
    2
    """
    value = " ".join(clean(text).split())
    for fmt in formats:
        try:
            if has_year(fmt):
                return dt.datetime.strptime(value, fmt), fmt
            return dt.datetime.strptime(f"2000 {value}", f"%Y {fmt}"), fmt
        except ValueError:
            continue
    raise ValueError(_("{value} is not a date in a form this export uses").format(value=repr(text)))


def with_latest_year(day: dt.date, today: dt.date) -> dt.date:
    """A day written without its year, in the latest year that is not after ``today``.

    >>> with_latest_year(dt.date(2000, 12, 30), dt.date(2026, 1, 5))
    datetime.date(2025, 12, 30)
    >>> with_latest_year(dt.date(2000, 2, 29), dt.date(2026, 6, 1))
    datetime.date(2024, 2, 29)
    """
    year = today.year
    while True:
        try:
            candidate = day.replace(year=year)
        except ValueError:  # 29 February in a year that has none
            year -= 1
            continue
        if candidate <= today:
            return candidate
        year -= 1
