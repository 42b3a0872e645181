"""One table that sums up many posts: per platform, format, week, hour... for a client report."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.metrics._common import (
    WEEKDAYS,
    check_choice,
    day_numbers,
    divide,
    local_times,
    period_start,
)
from smm_helpers.metrics.rates import engagements
from smm_helpers.schema import ENGAGEMENT_COLUMNS, require_table

COLUMN_KEYS = ("client", "platform", "format", "pillar", "language")
TIME_KEYS = ("week", "month", "weekday", "hour")
SUMMARY_KEYS = COLUMN_KEYS + TIME_KEYS
"""What :func:`summarize` can group by."""

SUM_COLUMNS = ("impressions", "reach", "engagements", "link_clicks", "spend")
SUMMARY_COLUMNS = (
    "posts",
    *SUM_COLUMNS,
    "er_reach",
    "er_impressions",
    "median_er_followers",
    "ctr",
)
"""The columns of :func:`summarize`'s table, in order."""


def summarize(posts: pd.DataFrame, by: str | Sequence[str] = "platform") -> pd.DataFrame:
    """Totals and rates per group of posts, as a **new** table (the input is not changed).

    ``by`` is one of ``"client"``, ``"platform"``, ``"format"``, ``"pillar"``,
    ``"language"``, ``"week"`` (the Monday starting the ISO week, in Asia/Dhaka),
    ``"month"`` (its first day), ``"weekday"`` (Sunday..Saturday: Bangladesh's working week
    then its Friday–Saturday weekend), ``"hour"`` (0–23, Asia/Dhaka), or a list of these.
    Groups with no posts are left out.

    Columns: ``posts`` (how many), the sums of ``impressions``, ``reach``, ``engagements``,
    ``link_clicks`` and ``spend`` (these add up to the totals of the whole table), then

    - ``er_reach`` = sum of engagements ÷ sum of reach,
    - ``er_impressions`` = sum of engagements ÷ sum of impressions,
    - ``ctr`` = sum of link clicks ÷ sum of impressions,
    - ``median_er_followers`` = the median of the per-post engagement rate by followers.

    Why a **ratio of sums** and not the average of per-post rates: it is the rate of the
    group taken as a whole (every person reached counts once, whichever post reached them),
    so a post seen by 20 people with 5 likes (25%) cannot outweigh one seen by 20,000; and
    two groups' ratios combine correctly by adding their sums.  The follower-based rate is a
    **median per post** because that is how Rival IQ reports its benchmarks
    (sources.md#rival-iq-benchmarks), so it can be compared with their industry medians.
    Sums over reach count a person reached by two posts twice: "reach" of a group is a sum
    of post reaches, not unique people.

    >>> posts = pd.DataFrame({
    ...     "published_at": pd.to_datetime(["2026-11-22 09:00", "2026-11-22 20:00",
    ...                                     "2026-11-24 09:30"]).tz_localize("Asia/Dhaka"),
    ...     "platform": ["facebook", "facebook", "instagram"],
    ...     "followers": [1000, 1000, 500], "impressions": [900, 100, 400],
    ...     "reach": [600, 80, 300], "reactions": [25, 4, 20], "comments": [3, 0, 1],
    ...     "shares": [2, 0, 0], "saves": [0, 0, 9], "link_clicks": [9, 1, 0],
    ...     "spend": [0.0, 0.0, 250.0]})
    >>> summarize(posts)[["posts", "reach", "engagements", "er_reach", "ctr"]]
               posts  reach  engagements  er_reach  ctr
    platform
    facebook       2    680           34  0.050000 0.01
    instagram      1    300           30  0.100000 0.00
    >>> summarize(posts, by="weekday")["posts"]
    weekday
    Sunday     2
    Tuesday    1
    Name: posts, dtype: int64
    >>> summarize(posts, by="platfrom")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'platfrom' is not a grouping SMM Lab knows.
    How to fix it: use one of: client, platform, format, pillar, language, week, month, ...
    """
    keys = _key_names(by)
    needed = [*ENGAGEMENT_COLUMNS, "followers", "impressions", "reach", "link_clicks", "spend"]
    needed += [key for key in keys if key in COLUMN_KEYS]
    if any(key in TIME_KEYS for key in keys):
        needed.append("published_at")
    require_table(posts, needed, "posts")

    engaged = engagements(posts)
    values = pd.DataFrame(
        {
            "impressions": posts["impressions"],
            "reach": posts["reach"],
            "engagements": engaged,
            "link_clicks": posts["link_clicks"],
            "spend": posts["spend"],
            "er_followers": divide(engaged, posts["followers"], "er_followers"),
        }
    )
    groups = values.groupby(_group_keys(posts, keys), observed=True, sort=True)
    if not values[list(SUM_COLUMNS)].isna().to_numpy().any():
        table = groups[list(SUM_COLUMNS)].sum()
        table.insert(0, "posts", groups.size())
        table["er_reach"] = divide(table["engagements"], table["reach"], "er_reach")
        table["er_impressions"] = divide(
            table["engagements"], table["impressions"], "er_impressions"
        )
        table["median_er_followers"] = groups["er_followers"].median()
        table["ctr"] = divide(table["link_clicks"], table["impressions"], "ctr")
        return table
    return _summarize_with_unknowns(values, groups)


RATIOS = {
    "er_reach": ("engagements", "reach"),
    "er_impressions": ("engagements", "impressions"),
    "ctr": ("link_clicks", "impressions"),
}
"""Each rate of a summary: its numerator and denominator columns."""


def _summarize_with_unknowns(values: pd.DataFrame, groups: object) -> pd.DataFrame:
    """The summary of posts some of whose counts are unknown (NaN), as real exports have.

    A sum over a group whose values are all unknown is unknown (NaN), not 0; a rate adds up
    only the posts that know both its numerator and its denominator, so a post without
    reach never lowers (or raises) the engagement rate by reach.
    """
    keys = groups.keys  # type: ignore[attr-defined]
    table = groups[list(SUM_COLUMNS)].sum(min_count=1)  # type: ignore[index]
    table.insert(0, "posts", groups.size())  # type: ignore[attr-defined]
    paired = {}
    for rate, (top, bottom) in RATIOS.items():
        both = values[top].notna() & values[bottom].notna()
        paired[f"{rate}_top"] = values[top].where(both)
        paired[f"{rate}_bottom"] = values[bottom].where(both)
    sums = pd.DataFrame(paired).groupby(keys, observed=True, sort=True).sum(min_count=1)
    for rate in RATIOS:
        table[rate] = divide(sums[f"{rate}_top"], sums[f"{rate}_bottom"], rate)
    table["median_er_followers"] = groups["er_followers"].median()  # type: ignore[index]
    return table[list(SUMMARY_COLUMNS)]


def _key_names(by: str | Sequence[str]) -> list[str]:
    keys = [by] if isinstance(by, str) else list(by)
    if not keys:
        raise InputError(
            _("by is empty, so there is nothing to group the posts by"),
            fix=_(
                "pass one grouping such as by='platform' or a list such as by=['platform', 'week']"
            ),
        )
    for key in keys:
        check_choice(_("grouping"), key, SUMMARY_KEYS)
    if len(set(keys)) < len(keys):
        raise InputError(
            _("by repeats a grouping: {keys}").format(keys=keys),
            fix=_("name each grouping once, e.g. by=['platform', 'week']"),
        )
    return keys


def _group_keys(posts: pd.DataFrame, keys: list[str]) -> list[pd.Series]:
    """One Series per grouping, named after it, aligned with ``posts``."""
    local = None
    if any(key in TIME_KEYS for key in keys):
        local = local_times(posts["published_at"], "published_at")
    series = []
    for key in keys:
        if local is None or key in COLUMN_KEYS:
            series.append(posts[key].rename(key))
        else:
            series.append(time_key(local, key))
    return series


def time_key(local: pd.Series, key: str) -> pd.Series:
    """The week, month, weekday or hour of naive Asia/Dhaka times, as a Series named ``key``.

    >>> t = pd.Series(pd.to_datetime(["2026-11-22 21:15"]))   # a Sunday
    >>> time_key(t, "weekday").tolist(), time_key(t, "hour").tolist()
    (['Sunday'], [21])
    >>> time_key(t, "day")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'day' is not a time grouping SMM Lab knows...
    """
    check_choice(_("time grouping"), key, TIME_KEYS)
    if key in ("week", "month"):
        return period_start(local, key[0].upper()).rename(key)
    if key == "weekday":
        sunday_first = (day_numbers(local) + 4) % 7  # 1970-01-01 was a Thursday
        days = pd.Categorical.from_codes(
            sunday_first.astype("int64"), categories=pd.Index(WEEKDAYS), ordered=True
        )
        return pd.Series(days, index=local.index, name=key)
    stamps = local.to_numpy()
    hours = (stamps - stamps.astype("datetime64[D]")) // np.timedelta64(1, "h")
    return pd.Series(hours.astype("int64"), index=local.index, name=key)


__all__ = ["SUMMARY_COLUMNS", "SUMMARY_KEYS", "summarize", "time_key"]
