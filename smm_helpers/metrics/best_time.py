"""When do this client's posts do best?  A weekday × hour table that shows its evidence.

Published "best times to post" (e.g. Sprout Social's, sources.md#sprout-best-times-2021) are
measured in US Central Time over other people's audiences, and Bangladesh's weekend is
Friday–Saturday (sources.md#bd-weekend), so a client's own posts are the better guide, as long
as we don't over-trust a slot that only a couple of posts have tried.  That is why the table
carries its counts, and slots with fewer than ``min_posts`` posts are masked and never ranked.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits, format_number
from smm_helpers.metrics._common import (
    POST_COUNTS,
    WEEKDAYS,
    check_choice,
    day_numbers,
    divide,
    local_times,
)
from smm_helpers.metrics.rates import engagements
from smm_helpers.schema import require_table

if TYPE_CHECKING:
    from pandas.api.typing import SeriesGroupBy

HOURS = tuple(range(24))

_RATE_METRICS: dict[str, tuple[str, str]] = {
    "er_reach": ("engagements", "reach"),
    "er_impressions": ("engagements", "impressions"),
    "er_followers": ("engagements", "followers"),
    "ctr": ("link_clicks", "impressions"),
    "reach_rate": ("reach", "followers"),
    "amplification": ("shares", "followers"),
    "virality": ("shares", "reach"),
}
BEST_TIME_METRICS = (*_RATE_METRICS, *POST_COUNTS)
"""The per-post numbers :func:`best_time_table` can rank slots by (rates as in
:func:`~smm_helpers.metrics.add_metrics`, or plain counts)."""

STATISTICS: dict[str, Callable[[SeriesGroupBy], pd.Series]] = {
    "median": lambda groups: groups.median(),
    "mean": lambda groups: groups.mean(),
}
STATISTIC_NAMES = {"median": N_("median"), "mean": N_("mean")}
"""How each statistic is named in the table's description (translated when shown)."""


@dataclass(frozen=True, eq=False, repr=False)
class BestTimes:
    """A weekday × hour table of a per-post metric, with the number of posts behind each cell.

    - ``values``: the statistic of ``metric`` per slot; slots with fewer than ``min_posts``
      posts are NaN (masked), so they can't be mistaken for evidence;
    - ``all_values``: the same without the mask (look, but don't trust thin cells);
    - ``counts``: posts behind each slot;
    - ``trusted``: True where a slot has at least ``min_posts`` posts.

    Rows are weekdays Sunday..Saturday (Bangladesh's working week, then its weekend),
    columns are hours 0..23 in Asia/Dhaka.
    """

    metric: str
    statistic: str
    min_posts: int
    all_values: pd.DataFrame
    counts: pd.DataFrame

    @property
    def trusted(self) -> pd.DataFrame:
        """True for slots with at least ``min_posts`` posts."""
        return self.counts >= self.min_posts

    @property
    def values(self) -> pd.DataFrame:
        """The statistic per slot, NaN where fewer than ``min_posts`` posts back it."""
        return self.all_values.where(self.trusted)

    def to_frame(self) -> pd.DataFrame:
        """A **new** long table: one row per slot (168), with weekday, hour, value, posts,
        trusted.  ``value`` is unmasked; filter on ``trusted`` before drawing conclusions."""
        return pd.DataFrame(
            {
                "weekday": pd.Categorical(
                    np.repeat(WEEKDAYS, len(HOURS)), categories=WEEKDAYS, ordered=True
                ),
                "hour": np.tile(HOURS, len(WEEKDAYS)),
                "value": self.all_values.to_numpy().ravel(),
                "posts": self.counts.to_numpy().ravel(),
                "trusted": self.trusted.to_numpy().ravel(),
            }
        )

    def best(self, n: int = 3) -> pd.DataFrame:
        """The ``n`` trusted slots with the highest value, best first (fewer if fewer are
        trusted).  Ties keep calendar order."""
        if isinstance(n, bool) or not isinstance(n, int | np.integer) or n < 1:
            raise InputError(
                _("n must be a whole number of slots, 1 or more; got {value}").format(
                    value=repr(n)
                ),
                fix=_("ask for e.g. .best(3)"),
            )
        frame = self.to_frame()
        frame = frame[frame["trusted"] & frame["value"].notna()]
        frame = frame.sort_values("value", ascending=False, kind="stable").head(int(n))
        return frame.drop(columns="trusted").reset_index(drop=True)

    def _format(self, value: float) -> str:
        if np.isnan(value):
            return "–"
        if self.metric in _RATE_METRICS:
            return digits(f"{value:.2%}")
        return format_number(value) if abs(value) >= 100 else digits(f"{value:.1f}")

    def _describe(self) -> str:
        posts = int(self.counts.to_numpy().sum())
        trusted = int(self.trusted.to_numpy().sum())
        return _(
            "{statistic} {metric} per weekday × hour (Asia/Dhaka) over {posts} posts; "
            "{trusted} of {slots} slots have at least {min_posts} posts"
        ).format(
            statistic=_(STATISTIC_NAMES.get(self.statistic, self.statistic)),
            metric=self.metric,
            posts=digits(posts),
            trusted=digits(trusted),
            slots=digits(len(WEEKDAYS) * len(HOURS)),
            min_posts=digits(self.min_posts),
        )

    def _best_text(self) -> list[str]:
        best = self.best()
        return [
            _("{day} {time} ({value}, {posts} posts)").format(
                day=_(day),
                time=digits(f"{hour:02d}:00"),
                value=self._format(value),
                posts=digits(posts),
            )
            for day, hour, value, posts in zip(
                best["weekday"],
                best["hour"],
                best["value"].astype("float64"),
                best["posts"],
                strict=True,
            )
        ]

    def __repr__(self) -> str:
        best = self._best_text()
        if best:
            top = "; ".join(best)
        else:
            top = _("none yet (no slot has {min_posts} posts)").format(
                min_posts=digits(self.min_posts)
            )
        return _("BestTimes: {description}.\nBest slots: {best}").format(
            description=self._describe(), best=top
        )

    def _repr_html_(self) -> str:
        values = self.values.to_numpy(dtype="float64")
        counts = self.counts.to_numpy(dtype="int64")
        trusted = self.trusted.to_numpy()
        low, high = (np.nanmin(values), np.nanmax(values)) if trusted.any() else (0.0, 0.0)
        header = "".join(f"<th>{digits(f'{hour:02d}')}</th>" for hour in HOURS)
        rows = []
        for row, day in enumerate(WEEKDAYS):
            cells = []
            for hour in HOURS:
                if trusted[row, hour]:
                    value = float(values[row, hour])
                    share = 0.0 if high == low else (value - low) / (high - low)
                    style = f"background: rgba(46, 139, 87, {0.08 + 0.6 * share:.2f})"
                    text = html.escape(self._format(value))
                else:
                    style = "color: #595959"  # greyed out, still 7:1 on white
                    text = "–"
                count = digits(counts[row, hour])
                cells.append(
                    f'<td style="{style}; text-align: center">{text}'  # i18n: not shown
                    f'<br><small style="color: #333">n={count}</small></td>'  # i18n: not shown
                )
            rows.append(f"<tr><th>{html.escape(_(day))}</th>{''.join(cells)}</tr>")
        best = "".join(f"<li>{html.escape(line)}</li>" for line in self._best_text())
        title = html.escape(_("Best times"))
        note = html.escape(
            _(
                "n = posts behind each slot; slots with fewer than {min_posts} posts show – and "
                "are not ranked."
            ).format(min_posts=digits(self.min_posts))
        )
        return (
            f"<div><p><b>{title}</b>: {html.escape(self._describe())}. {note}</p>"
            f"<ol>{best}</ol>{_table(header, rows)}</div>"
        )


def _table(header: str, rows: list[str]) -> str:
    """The weekday × hour grid as an HTML table (the cells are already built)."""
    opening = '<table style="font-size: 80%">'  # i18n: not shown
    return f"{opening}<tr><th></th>{header}</tr>{''.join(rows)}</table>"


def best_time_table(
    posts: pd.DataFrame,
    metric: str = "er_reach",
    min_posts: int = 5,
    *,
    statistic: str = "median",
) -> BestTimes:
    """How ``metric`` varies by weekday and hour of publishing (Asia/Dhaka), with counts.

    Each slot holds the **median** of the per-post ``metric`` (``statistic="mean"`` for the
    mean): the median is the default because one viral post should not crown a slot.
    Posts whose metric is undefined (e.g. zero reach for ``er_reach``) are left out of the
    slot's value and count.  Slots with fewer than ``min_posts`` posts are masked in
    ``.values`` and never listed by ``.best()``: with 2 posts a slot's median is mostly luck.
    Weekdays run Sunday..Saturday (Bangladesh's working week, then its Friday–Saturday
    weekend; sources.md#bd-weekend).

    >>> posts = pd.DataFrame({
    ...     "published_at": pd.to_datetime(["2026-11-22 09:10"] * 3 + ["2026-11-23 18:00"] * 3
    ...                                    + ["2026-11-24 07:00"]).tz_localize("Asia/Dhaka"),
    ...     "reach": [100] * 7, "reactions": [5, 6, 7, 1, 2, 3, 90], "comments": [0] * 7,
    ...     "shares": [0] * 7, "saves": [0] * 7})
    >>> table = best_time_table(posts, min_posts=3)
    >>> table.best()
      weekday  hour  value  posts
    0  Sunday     9   0.06      3
    1  Monday    18   0.02      3
    >>> int(table.counts.loc["Tuesday", 7]), bool(table.trusted.loc["Tuesday", 7])
    (1, False)
    >>> best_time_table(posts, metric="likes")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'likes' is not a metric SMM Lab knows...
    """
    check_choice(_("metric"), metric, BEST_TIME_METRICS)
    check_choice(_("statistic"), statistic, STATISTICS)
    if isinstance(min_posts, bool) or not isinstance(min_posts, int | np.integer) or min_posts < 1:
        raise InputError(
            _("min_posts must be a whole number of posts, 1 or more; got {value}").format(
                value=repr(min_posts)
            ),
            fix=_("use e.g. min_posts=5 (slots backed by fewer posts are masked)"),
        )
    require_table(posts, ["published_at"], "posts")
    values = _per_post(posts, metric)
    local = local_times(posts["published_at"], "published_at")
    sunday_first = (day_numbers(local) + 4) % 7
    stamps = local.to_numpy()
    hours = (stamps - stamps.astype("datetime64[D]")) // np.timedelta64(1, "h")
    slot = pd.Series(sunday_first * 24 + hours.astype("int64"), index=posts.index)
    groups = values.groupby(slot, sort=False)
    every_slot = np.arange(len(WEEKDAYS) * len(HOURS))
    stat = STATISTICS[statistic](groups).reindex(every_slot)
    counts = groups.count().reindex(every_slot, fill_value=0)
    return BestTimes(
        metric=metric,
        statistic=statistic,
        min_posts=int(min_posts),
        all_values=_grid(stat.to_numpy(dtype="float64")),
        counts=_grid(counts.to_numpy(dtype="int64")),
    )


def _grid(flat: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame(
        flat.reshape(len(WEEKDAYS), len(HOURS)),
        index=pd.Index(WEEKDAYS, name="weekday"),
        columns=pd.Index(HOURS, name="hour"),
    )


def _per_post(posts: pd.DataFrame, metric: str) -> pd.Series:
    if metric in _RATE_METRICS:
        top, bottom = _RATE_METRICS[metric]
        needed = [bottom] if top == "engagements" else [top, bottom]
        require_table(posts, needed, "posts")
        numerator = engagements(posts) if top == "engagements" else posts[top]
        return divide(numerator, posts[bottom], metric)
    if metric == "engagements":
        return engagements(posts).astype("float64")
    require_table(posts, [metric], "posts")
    return posts[metric].astype("float64")


__all__ = ["BEST_TIME_METRICS", "BestTimes", "best_time_table"]
