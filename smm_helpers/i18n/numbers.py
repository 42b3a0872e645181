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
>>> _ = use_language("en")
>>> format_number(1234567), format_date(datetime.date(2025, 12, 16))
('1,234,567', '16 Dec 2025')
"""

from __future__ import annotations

import datetime as _dt

from smm_helpers.i18n.messages import current_language

BENGALI_DIGITS = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")
LATIN_DIGITS = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")
DATE_PATTERNS = {"en": "dd MMM y", "bn": "d MMMM y"}
"""How a date is written: '16 Dec 2025' in English, '১৬ ডিসেম্বর ২০২৫' in Bengali."""


def digits(text: object) -> str:
    """``text`` with its digits in the chosen language's script."""
    value = str(text)
    return value.translate(BENGALI_DIGITS) if current_language() == "bn" else value


def format_number(value: float, decimals: int = 0) -> str:
    """A number with the language's grouping: 1,234,567 or ১২,৩৪,৫৬৭."""
    if current_language() == "en":
        return f"{value:,.{decimals}f}"
    from babel.numbers import format_decimal

    pattern = "#,##,##0" + ("." + "0" * decimals if decimals else "")
    return digits(format_decimal(value, format=pattern, locale="bn"))


def format_percent(value: float, decimals: int = 1) -> str:
    """A fraction as a percentage: 0.1234 → 12.3% or ১২.৩%."""
    return digits(f"{value * 100:,.{decimals}f}%")


def format_date(day: _dt.date | _dt.datetime) -> str:
    """A date as the language writes it: 16 Dec 2025, or ১৬ ডিসেম্বর ২০২৫."""
    language = current_language()
    if language == "en":
        return f"{day:%d %b %Y}"
    from babel.dates import format_date as babel_date

    return digits(babel_date(day, format=DATE_PATTERNS[language], locale=language))
