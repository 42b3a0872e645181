"""Money: show it as a reader of the chosen language writes it, convert taka and dollars.

Taka (BDT) and US dollars (USD) are the two currencies; a rate is always given as taka per
US dollar, and :data:`EXAMPLE_FX_RATE` is only an example of one.

>>> format_money(1250000, "BDT", lakh=True)
'৳12,50,000'
>>> convert(100, "USD", "BDT", fx_rate=120)
12000.0
"""

from __future__ import annotations

import math

from smm_helpers.budget._numbers import _check_number
from smm_helpers.errors import InputError, unknown_choice
from smm_helpers.i18n.messages import current_language
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits

__all__ = ["CURRENCIES", "EXAMPLE_FX_RATE", "convert", "format_money", "show_money"]

CURRENCIES: tuple[str, ...] = ("BDT", "USD")

EXAMPLE_FX_RATE = 122.0
"""Taka per US dollar used when you give no ``fx_rate``: an EXAMPLE, about the level of
2025 (no source; UNCERTAIN).  Rates move and nothing here fetches them: pass
today's rate as ``fx_rate=`` when the answer matters."""

_CURRENCY_ALIASES = {
    "bdt": "BDT",
    "tk": "BDT",
    "taka": "BDT",
    "৳": "BDT",
    "usd": "USD",
    "$": "USD",
    "us$": "USD",
    "dollar": "USD",
    "dollars": "USD",
}
_SYMBOLS = {"BDT": "৳", "USD": "$"}


def _currency(currency: str) -> str:
    key = currency.strip().lower() if isinstance(currency, str) else currency
    if key not in _CURRENCY_ALIASES:
        raise unknown_choice("currency", currency, CURRENCIES)
    return _CURRENCY_ALIASES[key]


def show_money(amount: float, currency: str = "BDT", *, decimals: int | None = None) -> str:
    """Money as a reader of the chosen language writes it: :func:`format_money` in English,
    Bengali digits with the lakh grouping in Bengali (``৳১২,৫০,০০০``).

    >>> show_money(1250000)
    '৳1,250,000'
    >>> from smm_helpers.i18n.messages import in_language
    >>> with in_language("bn"):
    ...     show_money(1250000)
    '৳১২,৫০,০০০'
    """
    if current_language() == "en":
        return format_money(amount, currency, decimals=decimals)
    return digits(format_money(amount, currency, decimals=decimals, lakh=True))


def _check_fx(fx_rate: float) -> float:
    return _check_number(
        "fx_rate",
        fx_rate,
        strict=True,
        fix=_("give the exchange rate as taka per US dollar, e.g. 122"),
    )


def convert(
    amount: float, from_currency: str, to_currency: str, *, fx_rate: float = EXAMPLE_FX_RATE
) -> float:
    """Convert money between taka and dollars with an explicit rate (taka per US$).

    >>> convert(100, "USD", "BDT", fx_rate=120)
    12000.0
    >>> convert(6000, "BDT", "USD", fx_rate=120)
    50.0
    >>> convert(5, "EUR", "BDT")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'EUR' is not a currency SMM Lab knows.
    How to fix it: use one of: BDT, USD.
    """
    source, target = _currency(from_currency), _currency(to_currency)
    rate = _check_fx(fx_rate)
    if source == target:
        return float(amount)
    return float(amount) * rate if source == "USD" else float(amount) / rate


def _lakh_group(whole: int) -> str:
    """12500000 → '1,25,00,000' (the South Asian lakh/crore grouping)."""
    digits = str(whole)
    if len(digits) <= 3:
        return digits
    head, tail = digits[:-3], digits[-3:]
    pairs: list[str] = []
    while len(head) > 2:
        pairs.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([head, *pairs, tail])


def format_money(
    amount: float, currency: str = "BDT", *, decimals: int | None = None, lakh: bool = False
) -> str:
    """Money as people write it: ``৳12,500`` or ``$125.00``.

    Taka are shown whole and dollars with cents unless you give ``decimals``;
    ``lakh=True`` groups taka the South Asian way (১২,৫০,০০০ style: ``৳12,50,000``).

    >>> format_money(12500)
    '৳12,500'
    >>> format_money(125, "USD")
    '$125.00'
    >>> format_money(-4.756, "BDT", decimals=2)
    '-৳4.76'
    >>> format_money(float("nan"))
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: amount is nan.
    How to fix it: give a finite number of money.
    """
    code = _currency(currency)
    if not isinstance(amount, int | float) or not math.isfinite(amount):
        raise InputError(
            _("{name} is {value}").format(name="amount", value=repr(amount)),
            fix=_("give a finite number of money"),
        )
    places = decimals if decimals is not None else (0 if code == "BDT" else 2)
    sign = "-" if round(amount, places) < 0 else ""
    size = round(abs(amount), places)
    whole = int(size)
    text = _lakh_group(whole) if lakh else f"{whole:,}"
    if places > 0:
        text += f"{size:.{places}f}"[-(places + 1) :]
    return f"{sign}{_SYMBOLS[code]}{text}"
