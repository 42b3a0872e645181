"""Follower growth per account and period: where the audience started, ended and how it moved."""

from __future__ import annotations

import pandas as pd

from smm_helpers.errors import DataError
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits
from smm_helpers.metrics._common import (
    check_choice,
    divide,
    local_times,
    period_start,
)
from smm_helpers.schema import require_table

GROWTH_FREQUENCIES = {"D": "date", "W": "week", "M": "month"}


def follower_growth(followers: pd.DataFrame, freq: str = "W") -> pd.DataFrame:
    """Net follower growth per client, platform and period, in a **new** table.

    ``freq`` is ``"D"`` (days), ``"W"`` (ISO weeks, Monday to Sunday, labelled by their
    Monday) or ``"M"`` (calendar months, labelled by their first day); dates are Dhaka days.
    The followers table holds each account's followers at the end of each day.  Per period:

    - ``start``: followers at the end of the account's last day *before* the period (the
      audience the period began with); for an account's first period, its first value;
    - ``end``: followers at the end of its last day in the period;
    - ``gained``: ``end - start``, the **net** change (new followers minus unfollows);
    - ``growth_rate``: ``gained / start`` (NaN when ``start`` is 0).

    Because each period starts where the previous one ended, the ``gained`` values of an
    account add up to its last count minus its first.  Growth rate is the standard
    "audience growth rate" (Hootsuite; M+R report Facebook audiences growing about 4% a year
    for nonprofits, sources.md#mr-benchmarks-2020).  The result is indexed by client, platform
    and period.

    >>> followers = pd.DataFrame({
    ...     "date": pd.to_datetime(["2026-11-13", "2026-11-16", "2026-11-22", "2026-11-23"]),
    ...     "client": "nonprofit", "platform": "facebook",
    ...     "followers": [1000, 1010, 1050, 1060]})
    >>> follower_growth(followers, freq="W")
                                      start   end  gained  growth_rate
    client    platform week
    nonprofit facebook 2026-11-09      1000  1000       0     0.000000
                       2026-11-16      1000  1050      50     0.050000
                       2026-11-23      1050  1060      10     0.009524
    >>> follower_growth(followers, freq="Q")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'Q' is not a period SMM Lab knows.
    How to fix it: use one of: D, W, M.
    """
    check_choice(_("period"), freq, GROWTH_FREQUENCIES)
    require_table(followers, ["date", "client", "platform", "followers"], "followers")
    period_name = GROWTH_FREQUENCIES[freq]
    days = local_times(followers["date"], "date").dt.normalize()
    frame = pd.DataFrame(
        {
            "client": followers["client"].to_numpy(),
            "platform": followers["platform"].to_numpy(),
            period_name: period_start(days, freq).to_numpy(),
            "day": days.to_numpy(),
            "followers": followers["followers"].to_numpy(),
        }
    )
    _check_one_row_per_day(frame, followers.index)
    frame = frame.sort_values(["client", "platform", "day"], kind="stable")
    periods = frame.groupby(["client", "platform", period_name], sort=True)["followers"]
    end = periods.last()
    start = end.groupby(level=["client", "platform"]).shift(1).fillna(periods.first())
    result = pd.DataFrame({"start": start, "end": end})
    if not result.isna().any().any():
        result = result.astype("int64")
    result["gained"] = result["end"] - result["start"]
    result["growth_rate"] = divide(result["gained"], result["start"], "growth_rate")
    return result


def _check_one_row_per_day(frame: pd.DataFrame, labels: pd.Index) -> None:
    repeated = frame.duplicated(["client", "platform", "day"], keep=False).to_numpy()
    if repeated.any():
        first = frame.loc[repeated].iloc[0]
        raise DataError(
            _(
                "{count} rows repeat a day for the same account, e.g. {account} on {day} "
                "(row labels {labels})"
            ).format(
                count=digits(int(repeated.sum())),
                account=f"{first['client']}/{first['platform']}",
                day=first["day"].date(),
                labels=labels[repeated].tolist()[:4],
            ),
            fix=_(
                "keep one row per client, platform and day: the followers at the end of "
                "that day (e.g. followers.drop_duplicates(['date', 'client', 'platform'], "
                "keep='last'))"
            ),
            column="date",
        )


__all__ = ["GROWTH_FREQUENCIES", "follower_growth"]
