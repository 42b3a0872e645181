"""Small shared pieces of the metrics package: checking tables, safe division, local time.

These are private helpers; learners use the public functions that call them.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from smm_helpers.errors import DataError, unknown_choice
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits
from smm_helpers.schema import TIMEZONE

POST_COUNTS = (
    "engagements",
    "impressions",
    "reach",
    "reactions",
    "comments",
    "shares",
    "saves",
    "link_clicks",
    "video_views",
)
"""The per-post counts that can be added up (engagements is the sum of the four kinds)."""

WEEKDAYS = (
    N_("Sunday"),
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
)
"""Days in Bangladesh's order: the Sunday–Thursday working week, then the Friday–Saturday
weekend (``holidays.BD().weekend == {4, 5}``; sources.md#bd-weekend)."""


def as_float(values: pd.Series) -> pd.Series:
    """The values as plain ``float64`` (missing values become NaN).

    >>> as_float(pd.Series([1, None, 3], dtype="Int64")).tolist()
    [1.0, nan, 3.0]
    """
    return values.astype("float64")


def divide(numerator: pd.Series, denominator: pd.Series, name: str) -> pd.Series:
    """``numerator / denominator`` per row, with NaN (never inf) where the denominator is 0.

    >>> divide(pd.Series([1, 2]), pd.Series([4, 0]), "rate").tolist()
    [0.25, nan]
    """
    top = as_float(numerator)
    bottom = as_float(denominator)
    result = top / bottom.where(bottom != 0)
    return result.rename(name)


def local_times(times: pd.Series, column: str, *, required: bool = True) -> pd.Series:
    """Timestamps as naive wall-clock times in Asia/Dhaka.

    Timezone-aware values are converted to Asia/Dhaka; naive values are taken to be
    Dhaka time already.  Text is parsed first.  With ``required=True`` an empty value
    is an error (it would silently drop the row from every group).

    >>> t = pd.Series(pd.to_datetime(["2026-01-05 04:30"]).tz_localize("UTC"))
    >>> local_times(t, "published_at").tolist()
    [Timestamp('2026-01-05 10:30:00')]
    >>> local_times(pd.Series(["not a date"]), "published_at")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: column 'published_at': the published_at values are not ...
    """
    if not pd.api.types.is_datetime64_any_dtype(times):
        try:
            parsed = pd.to_datetime(times, format="ISO8601")
        except (ValueError, TypeError) as error:
            raise DataError(
                _("the {column} values are not dates and times ({error})").format(
                    column=column, error=error
                ),
                fix=_("write them like 2026-01-05 10:30+06:00, or parse them with pd.to_datetime"),
                column=column,
            ) from None
        times = pd.Series(parsed, index=times.index, name=times.name)
    if isinstance(times.dtype, pd.DatetimeTZDtype):
        times = times.dt.tz_convert(TIMEZONE).dt.tz_localize(None)
    if required and bool(times.isna().any()):
        rows = times.index[times.isna()].tolist()[:5]
        raise DataError(
            _("{count} rows have no {column} (first row labels: {rows})").format(
                count=digits(int(times.isna().sum())), column=column, rows=rows
            ),
            fix=_("fill in {column} for those rows, or drop them before computing metrics").format(
                column=column
            ),
            column=column,
        )
    return times


def period_start(local: pd.Series, freq: str) -> pd.Series:
    """The first day of the day/ISO week/month each naive local time falls in.

    ``freq`` is ``"D"`` (the day), ``"W"`` (the Monday that starts the ISO week) or
    ``"M"`` (the first of the month).

    >>> t = pd.Series(pd.to_datetime(["2026-11-22 23:59", "2026-11-23 00:00"]))
    >>> [str(d.date()) for d in period_start(t, "W")]
    ['2026-11-16', '2026-11-23']
    >>> [str(d.date()) for d in period_start(t, "M")]
    ['2026-11-01', '2026-11-01']
    """
    days = local.to_numpy().astype("datetime64[D]")
    if freq == "W":
        weekday = (days.astype("int64") + 3) % 7  # 1970-01-01 was a Thursday (3)
        starts = days - weekday.astype("timedelta64[D]")
    elif freq == "M":
        starts = days.astype("datetime64[M]").astype("datetime64[D]")
    else:
        starts = days
    return pd.Series(starts, index=local.index)


def day_numbers(local: pd.Series) -> np.ndarray:
    """Whole days since 1970-01-01 of naive local times (NaT becomes a huge negative number).

    >>> day_numbers(pd.Series(pd.to_datetime(["1970-01-02 23:00"]))).tolist()
    [1]
    """
    return local.to_numpy().astype("datetime64[D]").astype("int64")


def check_choice(kind: str, value: object, allowed: Iterable[str]) -> str:
    """Return ``value`` if it is one of ``allowed``; otherwise raise the teaching error.

    >>> check_choice("metric", "ctr", ["ctr", "cpm"])
    'ctr'
    >>> check_choice("metric", "CTR!", ["ctr", "cpm"])
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'CTR!' is not a metric SMM Lab knows...
    """
    options = list(allowed)
    if not isinstance(value, str) or value not in options:
        raise unknown_choice(kind, value, options)
    return value
