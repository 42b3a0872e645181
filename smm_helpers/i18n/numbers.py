"""Numbers and dates as a reader of the chosen language writes them.

In Bengali, prose uses Bengali digits (০–৯), the lakh grouping (১২,৩৪,৫৬৭) and Bengali month
names.  Babel's ``bn`` locale gives the grouping and the month names but writes Latin digits,
so the digits go through a translation table.  In English everything is as before.

>>> from smm_helpers.i18n.messages import use_language
>>> _ = use_language("bn")
>>> format_number(1234567), format_percent(0.1234, 1), digits("line 3")
('১২,৩৪,৫৬৭', '১২.৩%', 'line ৩')
>>> import datetime
>>> format_date(datetime.date(2025, 12, 16))
'১৬ ডিসেম্বর ২০২৫'
>>> format_date(datetime.date(2025, 3, 4), year=False)
'৪ মার্চ'
>>> _ = use_language("en")
>>> format_number(1234567), format_date(datetime.date(2025, 12, 16))
('1,234,567', '16 Dec 2025')
>>> format_date(datetime.date(2025, 3, 4), year=False)
'04 Mar'
"""

from __future__ import annotations

import datetime as _dt
import re

from smm_helpers.language import BENGALI_DIGITS, current_language, digits

__all__ = [
    "BENGALI_DIGITS",
    "DATE_PATTERNS",
    "DAY_MONTH_PATTERNS",
    "LATIN_DIGITS",
    "digits",
    "format_date",
    "format_number",
    "format_percent",
    "format_tick",
    "group_in_lakhs",
]

LATIN_DIGITS = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")
DATE_PATTERNS = {"en": "dd MMM y", "bn": "d MMMM y"}
"""How a date is written: '16 Dec 2025' in English, '১৬ ডিসেম্বর ২০২৫' in Bengali."""
DAY_MONTH_PATTERNS = {"en": "dd MMM", "bn": "d MMMM"}
"""How a date is written without its year: '16 Dec', '১৬ ডিসেম্বর'."""


def group_in_lakhs(text: str) -> str:
    """A number grouped the English way ('1,234,567.5') regrouped in lakhs ('12,34,567.5'),
    as South Asian writers group it; anything else is returned as it is.

    >>> group_in_lakhs("1,234,567.5"), group_in_lakhs("-12,345"), group_in_lakhs("999")
    ('12,34,567.5', '-12,345', '999')
    >>> group_in_lakhs("1e+11"), group_in_lakhs("12,500,000")
    ('1e+11', '1,25,00,000')
    """
    match = re.fullmatch(r"(-?)([\d,]+)(\.\d+)?", text)
    if match is None:
        return text
    sign, whole, fraction = match.group(1), match.group(2).replace(",", ""), match.group(3)
    head, tail = whole[:-3], whole[-3:]
    pairs = [head[max(end - 2, 0) : end] for end in range(len(head), 0, -2)][::-1]
    return sign + ",".join([*pairs, tail]) + (fraction or "")


def format_tick(value: float, *, language: str | None = None) -> str:
    """A number with only the digits it needs (up to 10 significant), grouped as the
    language groups it, as a chart's axis writes it: 12,000 and 0.5, or ১২,০০০ and ০.৫.

    >>> format_tick(1234567.0, language="en"), format_tick(1234567.0, language="bn")
    ('1,234,567', '১২,৩৪,৫৬৭')
    >>> format_tick(0.5, language="bn"), format_tick(-2500.0, language="bn")
    ('০.৫', '-২,৫০০')
    """
    text = f"{value:,.10g}"
    if (language or current_language()) != "bn":
        return text
    return digits(group_in_lakhs(text), language="bn")


def format_number(value: float, decimals: int = 0) -> str:
    """A number with the language's grouping: 1,234,567 or ১২,৩৪,৫৬৭."""
    if current_language() == "en":
        return f"{value:,.{decimals}f}"
    from babel.numbers import format_decimal  # heavy: loaded on first use

    pattern = "#,##,##0" + ("." + "0" * decimals if decimals else "")
    return digits(format_decimal(value, format=pattern, locale="bn"))


def format_percent(value: float, decimals: int = 1) -> str:
    """A fraction as a percentage: 0.1234 → 12.3% or ১২.৩%."""
    return digits(f"{value * 100:,.{decimals}f}%")


def format_date(day: _dt.date | _dt.datetime, *, year: bool = True) -> str:
    """A date as the language writes it: 16 Dec 2025, or ১৬ ডিসেম্বর ২০২৫; with
    ``year=False`` the day and month only: 16 Dec, or ১৬ ডিসেম্বর."""
    language = current_language()
    if language == "en":
        return f"{day:%d %b %Y}" if year else f"{day:%d %b}"
    from babel.dates import format_date as babel_date  # heavy: loaded on first use

    patterns = DATE_PATTERNS if year else DAY_MONTH_PATTERNS
    return digits(babel_date(day, format=patterns[language], locale=language))
