"""The words and numbers on a chart: metric names, values as a client reads them, days, periods.

Everything here is in the language chosen when it is called (``use_language``): Bengali
digits and lakh grouping, Bengali weekday and month names.
"""

from __future__ import annotations

import math
import numbers
from typing import TYPE_CHECKING, Any

from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import N_, current_language
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits, format_date, format_number
from smm_helpers.schema import platform_name

if TYPE_CHECKING:
    import pandas as pd

#: Weekday names (Monday = 0, as pandas counts), translated where they are shown.
WEEKDAYS = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)

#: How ``%b`` writes the months on a date axis (replaced by Bengali month names in Bengali).
MONTH_ABBREVIATIONS = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)

#: Readable names of the metrics ``smm_helpers.metrics`` computes (in English; shown through
#: :func:`metric_label`, which translates them).
METRIC_LABELS: dict[str, str] = {
    "posts": N_("Posts"),
    "impressions": N_("Impressions"),
    "reach": N_("Reach"),
    "engagements": N_("Engagements"),
    "link_clicks": N_("Link clicks"),
    "spend": N_("Spend (BDT)"),
    "followers": N_("Followers"),
    "er_reach": N_("Engagement rate by reach"),
    "er_impressions": N_("Engagement rate by impressions"),
    "er_followers": N_("Engagement rate by followers"),
    "median_er_followers": N_("Median engagement rate by followers"),
    "ctr": N_("Click-through rate"),
    "reach_rate": N_("Reach rate"),
    "amplification": N_("Amplification rate"),
    "virality": N_("Virality rate"),
    "response_rate": N_("Response rate"),
    "cpm": N_("CPM (BDT per 1,000 impressions)"),
    "cpc": N_("CPC (BDT per click)"),
    "cost_per_conversion": N_("Cost per conversion (BDT)"),
    "roas": N_("ROAS"),
    "roi": N_("ROI"),
}

#: Metrics stored as fractions (0.034) and shown as percentages (3.4%).
RATE_METRICS = frozenset(
    {
        "er_reach",
        "er_impressions",
        "er_followers",
        "median_er_followers",
        "ctr",
        "reach_rate",
        "amplification",
        "virality",
        "response_rate",
    }
)


def metric_label(metric: str) -> str:
    """The readable name of a metric column, for axis labels and tables.

    >>> metric_label("er_reach")
    'Engagement rate by reach'
    >>> metric_label("saves_per_post")
    'Saves per post'
    >>> metric_label("")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: the metric name is empty...
    >>> from smm_helpers.i18n.messages import use_language
    >>> from smm_helpers.fonts import has_bengali
    >>> _ = use_language("bn"); has_bengali(metric_label("er_reach"))
    True
    >>> _ = use_language("en")
    """
    if not isinstance(metric, str) or not metric.strip():
        raise InputError(
            _("the metric name is empty"), fix=_("pass a column name such as 'er_reach'")
        )
    known = METRIC_LABELS.get(metric)
    return _(known) if known is not None else metric.replace("_", " ").capitalize()


def format_metric(value: float | None, metric: str) -> str:
    """A number as a client reads it: rates as percentages, counts with thousands separators.

    >>> format_metric(0.0345, "er_reach")
    '3.45%'
    >>> format_metric(12345, "reach")
    '12,345'
    >>> format_metric(1234.5, "spend")
    '1,234.50'
    >>> format_metric(float("nan"), "reach")
    'no data'
    >>> format_metric("lots", "reach")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: format_metric() needs a number, not 'lots'...

    In Bengali, digits are Bengali and large counts are grouped in lakhs:

    >>> from smm_helpers.i18n.messages import use_language
    >>> _ = use_language("bn")
    >>> format_metric(0.0345, "er_reach"), format_metric(1234567, "reach")
    ('৩.৪৫%', '১২,৩৪,৫৬৭')
    >>> _ = use_language("en")
    """
    if value is None:
        return _("no data")
    if not is_number(value):
        raise InputError(
            _("format_metric() needs a number, not {value}").format(value=repr(value)),
            fix=_("pass the metric's value, e.g. format_metric(0.034, 'er_reach')"),
        )
    number = float(value)
    if math.isnan(number):
        return _("no data")
    if is_rate(metric):
        return digits(f"{number:.2%}")
    return format_number(number, 0 if number.is_integer() else 2)


def is_rate(metric: str) -> bool:
    """Whether a metric is a rate (a fraction shown as a percentage).

    >>> is_rate("ctr"), is_rate("reach")
    (True, False)
    >>> is_rate(None)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: the metric name is empty...
    """
    metric_label(metric)  # validates the name
    return metric in RATE_METRICS or metric.startswith("er_") or metric.endswith("_rate")


def dated_sentence(plain: str, dated: str, period: tuple[str, str] | None, **values: str) -> str:
    """``plain`` filled in, or ``dated`` with the period's ``{start}`` and ``{end}`` too.

    Both are whole translated sentences, so a translator can place the dates anywhere.
    """
    if period is None:
        return plain.format(**values)
    return dated.format(start=period[0], end=period[1], **values)


def display_name(name: str) -> str:
    """A group's name as shown: a platform's display name in the chosen language, else as is."""
    return platform_name(name)


def lowercase(text: str) -> str:
    """A label made lower case to sit inside an English sentence; other languages keep theirs
    (Bengali has no case, and lowering would spoil the Latin acronyms a label may hold)."""
    return text.lower() if current_language() == "en" else text


def weekday_name(day: Any) -> str:
    """A weekday (0 = Monday, or its English name) as the reader says it.

    >>> from smm_helpers.i18n.messages import in_language
    >>> with in_language("bn"):
    ...     weekday_name(3), weekday_name("Thursday"), weekday_name("other")
    ('বৃহস্পতিবার', 'বৃহস্পতিবার', 'other')
    """
    if isinstance(day, int) and 0 <= day <= 6:
        return _(WEEKDAYS[day])
    return _(day) if day in WEEKDAYS else str(day)


def hour_label(hour: Any) -> str:
    return digits(f"{hour:02d}:00") if isinstance(hour, int) else str(hour)


def time_period(index: pd.Index) -> tuple[str, str] | None:
    """The first and last day of a time index as the reader writes them (the first without
    its year when both are in the same year), or ``None`` when it is not a time index.

    >>> import pandas as pd
    >>> time_period(pd.DatetimeIndex(["2025-01-06", "2025-01-27"]))
    ('06 Jan', '27 Jan 2025')
    >>> from smm_helpers.i18n.messages import use_language
    >>> _ = use_language("bn"); time_period(pd.DatetimeIndex(["2024-12-30", "2025-01-27"]))
    ('৩০ ডিসেম্বর ২০২৪', '২৭ জানুয়ারি ২০২৫')
    >>> _ = use_language("en")
    """
    import pandas as pd

    if isinstance(index, pd.PeriodIndex):
        index = index.to_timestamp()
    if not isinstance(index, pd.DatetimeIndex) or len(index) < 2:
        return None
    first, last = index[0], index[-1]
    start = _day_and_month(first) if first.year == last.year else format_date(first)
    return start, format_date(last)


def _day_and_month(day: Any) -> str:
    """A date without its year: 06 Jan, or ৬ জানুয়ারি."""
    language = current_language()
    if language == "en":
        return f"{day:%d %b}"
    from babel.dates import format_date as babel_date

    return digits(babel_date(day, format="d MMMM", locale=language))


def ratio_of(part: float, whole: float) -> float:
    return part / whole if whole else math.nan


def as_percent(fraction: float, *, signed: bool = False) -> str:
    """A fraction as a percentage with enough digits to not round small rates to 0%."""
    if math.isnan(fraction):
        return _("no data")
    size = abs(fraction) * 100
    decimals = 0 if size >= 10 else 1 if size >= 1 else 2
    if signed:
        return digits(f"{fraction * 100:+.{decimals}f}%")
    return digits(f"{fraction * 100:.{decimals}f}%")


def nan_low(value: float) -> float:
    return -math.inf if math.isnan(value) else value


def is_number(value: object) -> bool:
    """A real number (Python's or numpy's), but not True/False."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool)
