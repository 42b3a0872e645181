"""How the plan and its review write days, periods, numbers and places for a reader.

Every number is written in the chosen language's digits; a period is always the exact days
it covers (:func:`period_label`), never a month name; a platform is its id in English (as the
tables write it) and its display name in another language.

>>> period_label(date(2026, 3, 2), date(2026, 3, 15))
'2–15 Mar 2026'
>>> _on_where("facebook"), _one(2), _signed(1200)
('on facebook', '2.0', '+1,200')
"""

from __future__ import annotations

from datetime import date

from smm_helpers.i18n.messages import N_, current_language
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits, format_number
from smm_helpers.schema import platform_name

__all__ = ["period_label"]


def period_label(start: date, end: date) -> str:
    """The exact days a period covers, written for people: never just a month name.

    >>> period_label(date(2026, 10, 2), date(2026, 10, 31))
    '2–31 Oct 2026'
    >>> period_label(date(2025, 10, 1), date(2025, 12, 31))
    '1 Oct – 31 Dec 2025'
    >>> period_label(date(2025, 12, 29), date(2026, 1, 4))
    '29 Dec 2025 – 4 Jan 2026'
    >>> period_label(date(2026, 3, 2), date(2026, 3, 2))
    '2 Mar 2026'

    In Bengali, with Bengali digits and month names:

    >>> from smm_helpers.i18n.messages import in_language
    >>> with in_language("bn"):
    ...     period_label(date(2026, 10, 2), date(2026, 10, 31))
    '২–৩১ অক্টোবর ২০২৬'
    """
    if start == end:
        return _day_label(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{digits(start.day)}–{digits(end.day)} {_month(end)}"
    if start.year == end.year:
        return f"{digits(start.day)} {_month(start, year=False)} – {_day_label(end)}"
    return f"{_day_label(start)} – {_day_label(end)}"


def _month(day: date, *, year: bool = True) -> str:
    """'Oct 2026' (or 'Oct'); in Bengali 'অক্টোবর ২০২৬' (Babel's month names)."""
    language = current_language()
    if language == "en":
        return f"{day:%b %Y}" if year else f"{day:%b}"
    from babel.dates import format_date  # heavy: loaded on first use

    return digits(format_date(day, format="MMMM y" if year else "MMMM", locale=language))


def _day_label(day: date) -> str:
    return f"{digits(day.day)} {_month(day)}"


def _platform_shown(platform: str) -> str:
    """A platform in a sentence: its id in English (as the tables write it), its display name
    in another language ('ফেসবুক'); 'all' is 'all' (or 'সব')."""
    if platform == "all":
        return _("all")
    return platform if current_language() == "en" else platform_name(platform)


def _percent(value: float, spec: str = ".0%") -> str:
    return digits(format(value, spec))


def _one(value: float) -> str:
    """A number with one decimal, e.g. '2.0' (Bengali digits in Bengali)."""
    return digits(f"{value:.1f}")


def _signed(value: float) -> str:
    """'+1,200' or '-35' (the language's digits and grouping)."""
    text = f"{value:+,.0f}"
    if not text[1:2].isdigit():
        return text
    return text[0] + format_number(float(text[1:].replace(",", "")))


def _on_where(platform: str) -> str:
    """'on facebook' or 'on all platforms' (in Bengali 'ফেসবুকে', 'সব প্ল্যাটফর্মে')."""
    if platform == "all":
        return _("on all platforms")
    if platform in _ON_PLATFORM:
        return _(_ON_PLATFORM[platform])
    return _("on {platform}").format(platform=_platform_shown(platform))


_ON_PLATFORM = {
    "facebook": N_("on facebook"),
    "instagram": N_("on instagram"),
    "x": N_("on x"),
    "linkedin": N_("on linkedin"),
    "youtube": N_("on youtube"),
    "tiktok": N_("on tiktok"),
}
"""'on <platform>' whole, so a language can write the place its own way ('ফেসবুকে')."""
