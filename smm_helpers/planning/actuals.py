"""Actuals: what each target's metric, and the pillar mix, really were in the review period.

A value that cannot be measured (its table was not given, had no rows, or a total to divide
by was 0) is NaN, and the review says why.  Campaign metrics that add up results
(:data:`POOLED_METRICS`) are measured only over campaigns of one objective.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pandas as pd

from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.messages import ngettext
from smm_helpers.i18n.numbers import digits
from smm_helpers.metrics.responses import response_times
from smm_helpers.planning.period import _PeriodData
from smm_helpers.planning.targets import Target, TargetResult
from smm_helpers.schema import ENGAGEMENT_COLUMNS, require_table

__all__ = ["POOLED_METRICS"]

POOLED_METRICS = ("cost_per_result", "conversions")
"""Campaign metrics that add up results, so they mean something only within one objective."""


def _result(goal: Target, data: _PeriodData) -> TargetResult:
    """A target's actual value, with the baseline it started from and what was left out."""
    if goal.metric in ("followers", "follower_growth_rate"):
        points = _followers_points(goal.platform, data)
        if points is None:
            return TargetResult(goal, float("nan"))
        baseline, day0, last = points
        actual = last if goal.metric == "followers" else _ratio(last - baseline, baseline)
        return TargetResult(goal, actual, baseline, day0)
    note = ""
    if goal.metric in ("response_rate", "median_response_hours") and data.inbox is not None:
        spam = int(_on(data.spam, goal.platform).shape[0]) if data.spam is not None else 0
        note = (
            ngettext(
                "{count} spam message left out", "{count} spam messages left out", spam
            ).format(count=digits(spam))
            if spam
            else ""
        )
    mixed = _mixed_objectives(goal, data)
    if mixed:
        note = _(
            "campaigns with {count} objectives ({objectives}) are not compared: their "
            "results are not the same thing"
        ).format(count=digits(len(mixed)), objectives=", ".join(mixed))
    return TargetResult(goal, _actual(goal, data), note=note)


def _mixed_objectives(goal: Target, data: _PeriodData) -> list[str]:
    """The objectives of the period's campaigns when a pooled metric would mix several."""
    if goal.metric not in POOLED_METRICS or data.campaigns is None:
        return []
    campaigns = _on(data.campaigns, goal.platform)
    if "objective" not in campaigns.columns:
        return []
    objectives = sorted(str(o) for o in campaigns["objective"].dropna().unique())
    return objectives if len(objectives) > 1 else []


def _on(frame: pd.DataFrame, platform: str) -> pd.DataFrame:
    return frame if platform == "all" else frame[frame["platform"] == platform]


def _ratio(top: float, bottom: float) -> float:
    return float(top) / float(bottom) if bottom else float("nan")


def _engagements(posts: pd.DataFrame) -> pd.Series:
    require_table(posts, list(ENGAGEMENT_COLUMNS), "posts")
    return posts[list(ENGAGEMENT_COLUMNS)].sum(axis=1)


def _actual(goal: Target, data: _PeriodData) -> float:
    """The value a target's metric actually took in the period (NaN if it can't be measured)."""
    metric, platform = goal.metric, goal.platform
    posts = _on(data.posts, platform)
    if metric == "posts_per_week":
        return len(posts) / data.weeks
    if metric == "er_reach":
        require_table(posts, ["reach"], "posts")
        return _ratio(_engagements(posts).sum(), posts["reach"].sum())
    if metric in ("reach", "link_clicks"):
        return float(require_table(posts, [metric], "posts")[metric].sum())
    if metric == "ctr":
        require_table(posts, ["link_clicks", "impressions"], "posts")
        return _ratio(posts["link_clicks"].sum(), posts["impressions"].sum())
    if metric in ("followers", "follower_growth_rate"):
        return _followers_actual(metric, platform, data)
    if metric in ("response_rate", "median_response_hours"):
        return _inbox_actual(metric, platform, data)
    if metric == "spend":
        total = float(posts["spend"].sum()) if "spend" in posts.columns else 0.0
        if data.campaigns is not None:
            campaigns = _on(require_table(data.campaigns, ["spend"], "campaigns"), platform)
            total += float(campaigns["spend"].sum())
        return total
    return _campaign_actual(metric, platform, data)


def _followers_points(platform: str, data: _PeriodData) -> tuple[float, date, float] | None:
    """(baseline, the day it was counted, followers at the end of the period).

    The baseline of each platform is its last count on or before the period's first day;
    when there is none, its first count inside the period (a later day, which the review
    then points out).  Counts come from the followers table, or else from the posts.
    """
    if data.followers is not None:
        table = _on(require_table(data.followers, ["followers"], "followers"), platform)
        before = _on(data.extra["followers_before"], platform)
        by_day = "_day"
    else:
        table = _on(require_table(data.posts, ["followers"], "posts"), platform)
        before = _on(data.extra["posts_before"], platform)
        by_day = "published_at"
    table = table.dropna(subset=["followers"])
    if table.empty:
        return None
    ordered = table.sort_values(by_day)
    last = ordered.groupby("platform", observed=True)["followers"].last().sum()
    baseline, days = 0.0, []
    for name, rows in ordered.groupby("platform", observed=True):
        earlier = before[before["platform"] == name].dropna(subset=["followers"])
        start = earlier.sort_values(by_day).iloc[-1] if not earlier.empty else rows.iloc[0]
        baseline += float(start["followers"])
        days.append(start["_day"].date())
    return baseline, max(days), float(last)


def _followers_actual(metric: str, platform: str, data: _PeriodData) -> float:
    points = _followers_points(platform, data)
    if points is None:
        return float("nan")
    baseline, _, last = points
    return last if metric == "followers" else _ratio(last - baseline, baseline)


def _inbox_hours(inbox: pd.DataFrame) -> pd.Series:
    return response_times(inbox)


def _inbox_actual(metric: str, platform: str, data: _PeriodData) -> float:
    if data.inbox is None:
        return float("nan")
    inbox = _on(require_table(data.inbox, ["responded_at"], "inbox"), platform)
    if inbox.empty:
        return float("nan")
    hours = _inbox_hours(inbox)
    if metric == "response_rate":
        return float(hours.notna().mean())
    return float(hours.median()) if hours.notna().any() else float("nan")


def _campaign_actual(metric: str, platform: str, data: _PeriodData) -> float:
    if data.campaigns is None:
        return float("nan")
    campaigns = _on(data.campaigns, platform)
    if (
        metric in POOLED_METRICS
        and "objective" in campaigns.columns
        and campaigns["objective"].dropna().nunique() > 1
    ):
        return float("nan")  # not comparable: see _mixed_objectives
    if metric == "cost_per_result":
        require_table(campaigns, ["spend", "conversions"], "campaigns")
        return _ratio(campaigns["spend"].sum(), campaigns["conversions"].sum())
    if metric in ("donations", "cost_per_donation"):
        require_table(campaigns, ["objective", "spend", "conversions"], "campaigns")
        donations = campaigns[campaigns["objective"] == "donations"]
        if metric == "cost_per_donation":
            return _ratio(donations["spend"].sum(), donations["conversions"].sum())
        return float(donations["conversions"].sum())
    column = "conversions" if metric == "conversions" else "conversion_value"
    return float(require_table(campaigns, [column], "campaigns")[column].sum())


def _pillar_mix(pillars: Mapping[str, float], posts: pd.DataFrame) -> pd.DataFrame:
    """Planned and actual share of posts per pillar (a new table)."""
    columns = ["pillar", "planned", "actual", "gap", "posts"]
    if not pillars:
        return pd.DataFrame(columns=columns)
    require_table(posts, ["pillar"], "posts")
    by_key = {name.strip().casefold(): name for name in pillars}
    names = posts["pillar"].astype("string").str.strip()
    names = names.map(lambda n: by_key.get(str(n).casefold(), n), na_action="ignore")
    counts = names.value_counts()
    total = len(posts)
    rows = [
        (name, share, counts.get(name, 0) / total, int(counts.get(name, 0)))
        for name, share in pillars.items()
    ]
    rows += [
        (str(name), 0.0, n / total, int(n)) for name, n in counts.items() if name not in pillars
    ]
    mix = pd.DataFrame([(n, p, a, a - p, c) for n, p, a, c in rows], columns=columns)
    return mix
