"""Axis ticks as the reader writes numbers and dates (Bengali digits and month names too).

The language is the one chosen when the chart is drawn, so the ticks match the title even
if the language changes later.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

from smm_helpers.i18n.messages import current_language
from smm_helpers.i18n.numbers import digits, format_tick
from smm_helpers.plots.labels import MONTH_ABBREVIATIONS, is_rate

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes


def format_value_axis(axis: Any, metric: str) -> None:
    """Tick labels as the reader writes numbers; the language is the one chosen when the
    chart is drawn, so the ticks match the title even if the language changes later."""
    from matplotlib.ticker import FuncFormatter, PercentFormatter

    bengali = current_language() == "bn"
    if is_rate(metric):
        percent = _bengali_percent_formatter() if bengali else PercentFormatter
        axis.set_major_formatter(percent(xmax=1, decimals=None))
    else:
        axis.set_major_formatter(FuncFormatter(lambda v, _pos: tick_number(v, bengali)))


def tick_number(value: float, bengali: bool) -> str:
    """A value-axis tick: 12,000 in English, ১২,০০০ (lakh grouping) in Bengali.

    >>> tick_number(1234567.0, False), tick_number(1234567.0, True), tick_number(0.5, True)
    ('1,234,567', '১২,৩৪,৫৬৭', '০.৫')
    """
    return format_tick(value, language="bn" if bengali else "en")


@cache
def _bengali_percent_formatter() -> type:
    """matplotlib's PercentFormatter, writing Bengali digits."""
    from matplotlib.ticker import PercentFormatter

    class BengaliPercentFormatter(PercentFormatter):
        """Percentages on an axis with Bengali digits (৫%, ১০%)."""

        def format_pct(self, x: float, display_range: float) -> str:
            return digits(super().format_pct(x, display_range), language="bn")

    return BengaliPercentFormatter


def format_time_axis(ax: Axes, index: pd.Index) -> None:
    import pandas as pd
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    if isinstance(index, pd.DatetimeIndex | pd.PeriodIndex):
        locator = AutoDateLocator(maxticks=8)
        ax.xaxis.set_major_locator(locator)
        dates = _bengali_date_formatter() if current_language() == "bn" else ConciseDateFormatter
        ax.xaxis.set_major_formatter(dates(locator))


@cache
def _bengali_date_formatter() -> type:
    """matplotlib's ConciseDateFormatter, writing Bengali month names and digits."""
    from matplotlib.dates import ConciseDateFormatter

    class BengaliDateFormatter(ConciseDateFormatter):
        """Dates on an axis in Bengali: ০৬, ১৩ … with জানুয়ারি ২০২৫ beside them."""

        def __init__(self, locator: Any, **options: Any) -> None:
            # day before month, month before year, as Bengali dates are written
            options.setdefault(
                "offset_formats", ["", "%Y", "%b %Y", "%d %b %Y", "%d %b %Y", "%d %b %Y %H:%M"]
            )
            super().__init__(locator, **options)

        def format_ticks(self, values: Any) -> list[str]:
            return [_bengali_date_words(t) for t in super().format_ticks(values)]

        def get_offset(self) -> str:
            return _bengali_date_words(super().get_offset())

        def __call__(self, x: float, pos: int | None = 0) -> str:
            return _bengali_date_words(super().__call__(x, pos))

    return BengaliDateFormatter


def _bengali_date_words(text: str) -> str:
    """A date label's English month abbreviations and digits, in Bengali.

    >>> _bengali_date_words("2025-Jan"), _bengali_date_words("06")
    ('২০২৫-জানুয়ারি', '০৬')
    """
    from babel.dates import get_month_names

    months = get_month_names("wide", locale="bn")
    words = re.sub(
        r"\b(" + "|".join(MONTH_ABBREVIATIONS) + r")\b",
        lambda m: str(months[MONTH_ABBREVIATIONS.index(m.group(1)) + 1]),
        str(text),
    )
    return digits(words, language="bn")
