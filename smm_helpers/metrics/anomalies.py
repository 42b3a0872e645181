"""Spot days that don't fit: sudden follower jumps or engagement spikes (e.g. fake traffic).

Generating fake traffic is one of the things a social media manager must avoid (source
article 004), and bought followers or likes are "fake indicators of social media influence"
under the US FTC's 2024 rule, 16 CFR §465.8 (sources.md#ftc-reviews-rule).  Bought traffic usually
arrives as a burst; these tools find bursts in a daily series.

Method: the **modified z-score** of Iglewicz and Hoaglin (1993, *How to Detect and Handle
Outliers*, ASQC), computed for each day against the **previous** ``window`` days only::

    score = 0.6745 * (value - median) / MAD

where ``median`` and ``MAD`` (median absolute deviation from that median) come from the
window.  Median and MAD are *robust*: earlier spikes barely move them, and because today is
not in its own window a spike cannot hide itself by inflating the baseline.  Iglewicz and
Hoaglin suggest flagging ``|score| > 3.5``.  When more than half of the window is identical,
MAD is 0; then the mean absolute deviation is used, ``score = (value - median) /
(1.253314 * mean_abs_deviation)`` (IBM SPSS's rule for the same case).  If the whole
window is one constant, any different value scores ±inf (a flat line that suddenly moves
*is* unusual) and an equal value scores 0.
"""

from __future__ import annotations

import numbers
import warnings

import numpy as np
import pandas as pd
from numpy.lib.stride_tricks import sliding_window_view

from smm_helpers.errors import DataError, InputError, unknown_choice
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits
from smm_helpers.metrics._common import POST_COUNTS, check_choice, local_times
from smm_helpers.metrics.rates import engagements
from smm_helpers.schema import CLIENTS, PLATFORMS, require_table

DIRECTIONS = ("both", "up", "down")
DAILY_POST_METRICS = POST_COUNTS


def flag_anomalies(
    series: pd.Series,
    *,
    window: int = 28,
    threshold: float = 3.5,
    min_periods: int | None = None,
    direction: str = "both",
) -> pd.DataFrame:
    """Flag the days of a daily series that are far from the days before them.

    Returns a **new** table with the series' index and columns ``value``, ``baseline``
    (median of the previous ``window`` days), ``score`` (modified z-score, see the module
    docstring for the formula and its source) and ``is_anomaly`` (``|score| > threshold``;
    ``direction="up"`` flags only rises, ``"down"`` only falls).  A day needs at least
    ``min_periods`` known values among the previous ``window`` days (default: the full
    window); before that its baseline and score are NaN and it is never flagged.  Missing
    values (NaN) are skipped.  A series with a DatetimeIndex must have one row per day.

    >>> days = pd.date_range("2026-11-01", periods=10, freq="D")
    >>> gains = pd.Series([10, 12, 11, 9, 10, 11, 12, 10, 95, 11], index=days)
    >>> flags = flag_anomalies(gains, window=7)
    >>> flags[flags["is_anomaly"]]
                value  baseline      score  is_anomaly
    2026-11-09     95      11.0  56.6580         True
    >>> flag_anomalies(gains, window=1)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: window must be a whole number of days, 3 or more; got 1...
    """
    values = _check_series(series)
    window = _check_whole("window", window, low=3)
    needed = window if min_periods is None else _check_whole("min_periods", min_periods, low=3)
    if needed > window:
        raise InputError(
            _("min_periods ({needed}) is more than window ({window})").format(
                needed=digits(needed), window=digits(window)
            ),
            fix=_("a window can't hold more days than it has; lower min_periods or widen window"),
        )
    if isinstance(threshold, bool) or not isinstance(threshold, numbers.Real) or threshold <= 0:
        raise InputError(
            _("threshold must be a positive number, not {value}").format(value=repr(threshold)),
            fix=_("use e.g. threshold=3.5 (Iglewicz and Hoaglin's suggestion)"),
        )
    check_choice(_("direction"), direction, DIRECTIONS)

    baseline, scale, known = _rolling_median_and_scale(values, window)
    enough = known >= needed
    with np.errstate(divide="ignore", invalid="ignore"):
        gap = values - baseline
        score = np.where(scale > 0, gap / scale, np.sign(gap) * np.inf)
    score = np.where(gap == 0, 0.0, score)
    score = np.where(enough & ~np.isnan(values), score, np.nan)
    baseline = np.where(enough, baseline, np.nan)
    with np.errstate(invalid="ignore"):
        if direction == "up":
            flagged = score > threshold
        elif direction == "down":
            flagged = score < -threshold
        else:
            flagged = np.abs(score) > threshold
    return pd.DataFrame(
        {"value": series, "baseline": baseline, "score": score, "is_anomaly": flagged},
        index=series.index,
    )


def _rolling_median_and_scale(
    values: np.ndarray, window: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per day: median of the previous ``window`` values, the robust scale, how many known."""
    padded = np.concatenate([np.full(window, np.nan), values])
    history = sliding_window_view(padded[:-1], window)  # row i = values[i - window : i]
    known = np.sum(~np.isnan(history), axis=1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN windows give NaN, on purpose
        median = np.nanmedian(history, axis=1)
        deviation = np.abs(history - median[:, None])
        mad = np.nanmedian(deviation, axis=1)
        mean_deviation = np.nanmean(deviation, axis=1)
    scale = np.where(mad > 0, mad / 0.6745, 1.253314 * mean_deviation)
    return median, scale, known


def _check_series(series: object) -> np.ndarray:
    if not isinstance(series, pd.Series) or not pd.api.types.is_numeric_dtype(series.dtype):
        raise InputError(
            _("expected a pandas Series of numbers, one per day; got {kind}").format(
                kind=type(series).__name__
            ),
            fix=_("pass e.g. daily_series(posts) or followers_per_day.diff()"),
        )
    index = series.index
    if isinstance(index, pd.DatetimeIndex) and len(index) > 1:
        steps = np.diff(index.to_numpy().astype("datetime64[D]").astype("int64"))
        if not (steps == 1).all() or not (index == index.normalize()).all():
            raise InputError(
                _(
                    "the series is not one row per day: some days are missing, repeated, "
                    "out of order or not at midnight"
                ),
                fix=_(
                    "sort it and give it one row per day, e.g. series.sort_index()"
                    ".resample('D').sum() (or .asfreq('D') to leave missing days as NaN)"
                ),
            )
    return series.to_numpy(dtype="float64", na_value=np.nan)


def _check_whole(name: str, value: object, *, low: int) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < low:
        raise InputError(
            _("{name} must be a whole number of days, {low} or more; got {value}").format(
                name=name, low=digits(low), value=repr(value)
            ),
            fix=_("use e.g. {name}=28 (four weeks, so every weekday appears equally often)").format(
                name=name
            ),
        )
    return int(value)


def daily_series(
    table: pd.DataFrame,
    *,
    client: str | None = None,
    platform: str | None = None,
    metric: str = "engagements",
) -> pd.Series:
    """One number per day (Asia/Dhaka) from a posts or a followers table, ready for
    :func:`flag_anomalies`.

    - From **posts** (a table with ``published_at``): the day's total of ``metric``
      (engagements by default, or a count such as ``"link_clicks"``) over the posts
      published that day, with 0 on days without posts.  Engagement that a post earns later
      is counted on its publishing day.
    - From **followers** (``date`` and ``followers``): the day's net follower gain (today's
      followers minus yesterday's), summed over the chosen accounts; NaN where a day is
      missing for any of them.  ``metric`` is not used.

    ``client`` and ``platform`` narrow the table to one client or platform (None = all).
    The result is a **new** Series indexed by every day from the first to the last.

    >>> followers = pd.DataFrame({
    ...     "date": pd.to_datetime(["2026-11-01", "2026-11-02", "2026-11-03"] * 2),
    ...     "client": "nonprofit", "platform": ["facebook"] * 3 + ["x"] * 3,
    ...     "followers": [100, 104, 110, 50, 51, 51]})
    >>> daily_series(followers).tolist()
    [nan, 5.0, 6.0]
    >>> daily_series(followers, platform="x").tolist()
    [nan, 1.0, 0.0]
    >>> daily_series(followers, platform="twitter")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'twitter' is not a platform SMM Lab knows...
    """
    if client is not None and client not in CLIENTS:
        raise unknown_choice(_("client"), client, CLIENTS)
    if platform is not None and platform not in PLATFORMS:
        raise unknown_choice(_("platform"), platform, PLATFORMS)
    if isinstance(table, pd.DataFrame) and "published_at" in table.columns:
        check_choice(_("daily metric"), metric, DAILY_POST_METRICS)
        kind = "posts"
    else:
        kind = "followers"
    require_table(table, ["client", "platform"], kind)
    rows = table
    if client is not None:
        rows = rows[rows["client"] == client]
    if platform is not None:
        rows = rows[rows["platform"] == platform]
    if len(rows) == 0:
        accounts = sorted(set(table["client"].astype(str) + "/" + table["platform"].astype(str)))
        if kind == "posts":
            problem = _("the posts table has no rows for client={client}, platform={platform}")
        else:
            problem = _("the followers table has no rows for client={client}, platform={platform}")
        raise InputError(
            problem.format(client=repr(client), platform=repr(platform)),
            fix=_("choose an account it has: {accounts}").format(
                accounts=", ".join(accounts) or _("(the table is empty)")
            ),
        )
    if kind == "posts":
        return _daily_post_totals(rows, metric)
    return _daily_follower_gains(rows)


def _daily_post_totals(posts: pd.DataFrame, metric: str) -> pd.Series:
    if metric == "engagements":
        values = engagements(posts)
    else:
        require_table(posts, [metric], "posts")
        values = posts[metric]
    days = local_times(posts["published_at"], "published_at").dt.normalize()
    totals = values.groupby(days.to_numpy()).sum()
    every_day = pd.date_range(totals.index.min(), totals.index.max(), freq="D", name="date")
    return totals.reindex(every_day, fill_value=0).rename(metric)


def _daily_follower_gains(followers: pd.DataFrame) -> pd.Series:
    require_table(followers, ["date", "followers"], "followers")
    days = local_times(followers["date"], "date").dt.normalize()
    frame = pd.DataFrame(
        {
            "day": days.to_numpy(),
            "account": (
                followers["client"].astype(str) + "/" + followers["platform"].astype(str)
            ).to_numpy(),
            "followers": followers["followers"].astype("float64").to_numpy(),
        }
    )
    if frame.duplicated(["day", "account"]).any():
        raise DataError(
            _("some accounts have more than one row for the same day"),
            fix=_("keep one row per client, platform and day (the followers at the end of it)"),
            column="date",
        )
    wide = frame.pivot(index="day", columns="account", values="followers")
    every_day = pd.date_range(wide.index.min(), wide.index.max(), freq="D", name="date")
    gains = wide.reindex(every_day).diff()
    return gains.sum(axis=1, skipna=False).rename("follower_gain")


__all__ = ["DAILY_POST_METRICS", "DIRECTIONS", "daily_series", "flag_anomalies"]
