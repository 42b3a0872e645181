"""Plain-language recommendations, each derived by a rule from the period's numbers.

A rule looks for one pattern (a format that clearly beats another, slow weekend replies …)
and, only when the numbers show it, writes what it found and what to do.  Groups with fewer
than ``MIN_POSTS`` posts or messages are ignored, so one lucky post does not drive a plan.

>>> import pandas as pd
>>> posts = pd.DataFrame({"format": ["carousel"] * 10 + ["link"] * 10,
...                       "reach": [100] * 20, "reactions": [10] * 10 + [5] * 10,
...                       "comments": 0, "shares": 0, "saves": 0})
>>> print(format_rule(posts))
Carousel posts earned 2.0× the engagement rate by reach of link posts (10.00% vs 5.00%):
plan more carousel posts and fewer link posts.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pandas as pd

from smm_helpers import metrics
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits, format_number
from smm_helpers.planning.plan import MIN_PER_GROUP
from smm_helpers.report.kpis import Kpi, without_spam
from smm_helpers.report.period import local_days
from smm_helpers.schema import WEEKEND, format_name, platform_name

#: A group needs at least this many posts (or messages) for a rule to use it: the same 10 that
#: ``plan.review`` asks for, so the report and the review never disagree about what is enough.
MIN_POSTS = MIN_PER_GROUP

#: How many times better one group must be than another before a rule speaks up.
MIN_RATIO = 1.5

#: The share of messages that should be answered within the service level.
SLA_TARGET = 0.9


def recommendations(
    posts: pd.DataFrame,
    inbox: pd.DataFrame | None,
    kpis: list[Kpi],
    *,
    sla_hours: float = 24,
) -> list[str]:
    """Every recommendation the period's numbers support, most actionable first.

    When no rule finds a clear pattern, one sentence says so (and suggests a test).

    >>> posts = pd.DataFrame({"format": ["image"] * 10, "platform": ["x"] * 10,
    ...                       "reach": [100] * 10, "reactions": [5] * 10,
    ...                       "comments": 0, "shares": 0, "saves": 0})
    >>> recommendations(posts, None, [])[0].startswith("No pattern was strong enough")
    True
    """
    found = [
        format_rule(posts),
        platform_rule(posts),
        weekend_reply_rule(inbox),
        sla_rule(inbox, sla_hours),
        trend_rule(kpis),
    ]
    advice = [text for text in found if text]
    if not advice:
        advice.append(
            _(
                "No pattern was strong enough to act on this period (no format or platform was "
                "{ratio}× another with {count}+ posts each): keep the plan and test one change, "
                "such as a new format, next period."
            ).format(ratio=digits(MIN_RATIO), count=digits(MIN_POSTS))
        )
    return advice


def format_rule(posts: pd.DataFrame) -> str | None:
    """Compare formats by engagement rate by reach; speak up if the best is 1.5× the worst.

    >>> posts = pd.DataFrame({"format": ["carousel"] * 10 + ["link"] * 10,
    ...                       "reach": [100] * 20, "reactions": [9] * 10 + [3] * 10,
    ...                       "comments": 0, "shares": 0, "saves": 0})
    >>> print(format_rule(posts))
    Carousel posts earned 3.0× the engagement rate by reach of link posts (9.00% vs 3.00%):
    plan more carousel posts and fewer link posts.
    >>> format_rule(posts.assign(reactions=5)) is None
    True
    >>> format_rule(posts.iloc[5:]) is None  # 5 carousel posts are too few to act on
    True
    """
    return _compare_groups(
        posts,
        "format",
        format_name,
        _(
            "{best} posts earned {ratio}× the engagement rate by reach of {worst} posts "
            "({best_rate} vs {worst_rate}): plan more {best} posts and fewer {worst} posts."
        ),
    )


def platform_rule(posts: pd.DataFrame) -> str | None:
    """Compare platforms by engagement rate by reach; speak up if the best is 1.5× the worst.

    >>> posts = pd.DataFrame({"platform": ["instagram"] * 10 + ["facebook"] * 10,
    ...                       "reach": [100] * 20, "reactions": [12] * 10 + [4] * 10,
    ...                       "comments": 0, "shares": 0, "saves": 0})
    >>> print(platform_rule(posts))
    Instagram earned 3.0× the engagement rate by reach of Facebook (12.00% vs 4.00%):
    put more of the effort into Instagram and review what is posted on Facebook.
    """
    return _compare_groups(
        posts,
        "platform",
        platform_name,
        _(
            "{best} earned {ratio}× the engagement rate by reach of {worst} "
            "({best_rate} vs {worst_rate}): put more of the effort into {best} and review what is "
            "posted on {worst}."
        ),
    )


def weekend_reply_rule(inbox: pd.DataFrame | None) -> str | None:
    """Compare median reply times for messages received on the weekend and on weekdays.

    >>> inbox = pd.DataFrame({"received_at": pd.to_datetime(
    ...     ["2025-01-03 10:00"] * 10 + ["2025-01-05 10:00"] * 10),  # Fridays, then Sundays
    ...     "responded_at": pd.to_datetime(["2025-01-03 16:00"] * 10 + ["2025-01-05 12:00"] * 10)})
    >>> print(weekend_reply_rule(inbox))
    Weekend replies (Friday–Saturday) took 3.0× longer than weekday replies
    (median 6.0 vs 2.0 hours): schedule someone to cover the inbox at weekends.
    """
    if inbox is None or inbox.empty:
        return None
    inbox = without_spam(inbox)  # nobody should answer spam: it is not slow mail
    hours = metrics.response_times(inbox)
    weekend = local_days(inbox["received_at"]).dt.day_of_week.isin(WEEKEND)
    weekend_hours, weekday_hours = hours[weekend].dropna(), hours[~weekend].dropna()
    if len(weekend_hours) < MIN_POSTS or len(weekday_hours) < MIN_POSTS:
        return None
    slow, fast = float(weekend_hours.median()), float(weekday_hours.median())
    if fast <= 0 or slow / fast < MIN_RATIO:
        return None
    return _(
        "Weekend replies (Friday–Saturday) took {ratio}× longer than weekday replies "
        "(median {slow} vs {fast} hours): schedule someone to cover the inbox at weekends."
    ).format(
        ratio=digits(f"{slow / fast:.1f}"), slow=digits(f"{slow:.1f}"), fast=digits(f"{fast:.1f}")
    )


def sla_rule(inbox: pd.DataFrame | None, sla_hours: float = 24) -> str | None:
    """Speak up when fewer than 90% of messages were answered within the service level.

    >>> inbox = pd.DataFrame({"received_at": pd.to_datetime(["2025-01-01 09:00"] * 10),
    ...     "responded_at": pd.to_datetime(["2025-01-01 10:00"] * 3 + [None] * 2
    ...                                    + ["2025-01-03 09:00"] * 5)})
    >>> print(sla_rule(inbox))
    Only 30% of messages were answered within 24 hours (target: 90%); 2 got no answer at all: ...
    """
    if inbox is not None:
        inbox = without_spam(inbox)  # nobody should answer spam: it is not unanswered mail
    if inbox is None or len(inbox) < MIN_POSTS:
        return None
    hours = metrics.response_times(inbox)
    within = float((hours <= sla_hours).mean())
    if within >= SLA_TARGET:
        return None
    unanswered = int(hours.isna().sum())
    return _(
        "Only {within} of messages were answered within {hours} hours (target: {target}); "
        "{unanswered} got no answer at all: agree who answers the inbox each day, and use "
        "reply templates for common questions."
    ).format(
        within=digits(f"{within:.0%}"),
        hours=digits(f"{sla_hours:g}"),
        target=digits(f"{SLA_TARGET:.0%}"),
        unanswered=format_number(unanswered),
    )


def trend_rule(kpis: list[Kpi]) -> str | None:
    """Speak up when the engagement rate moved by a tenth or more since last period.

    >>> print(trend_rule([Kpi("er_reach", 0.02, 0.03)]))
    Engagement rate by reach fell from 3.00% to 2.00% since the previous period: ...
    """
    rate = next((k for k in kpis if k.key == "er_reach"), None)
    if rate is None or not rate.has_previous or not rate.previous or math.isnan(rate.current):
        return None
    change = (rate.current - rate.previous) / rate.previous
    if abs(change) < 0.1:
        return None
    before, now = digits(f"{rate.previous:.2%}"), digits(f"{rate.current:.2%}")
    if change < 0:
        return _(
            "Engagement rate by reach fell from {before} to {now} since the previous "
            "period: look at the bottom posts below and do fewer posts like them."
        ).format(before=before, now=now)
    return _(
        "Engagement rate by reach rose from {before} to {now} since the previous period: "
        "look at the top posts below and keep doing what worked."
    ).format(before=before, now=now)


def _compare_groups(
    posts: pd.DataFrame, column: str, name: Callable[[str], str], sentence: str
) -> str | None:
    """``sentence`` (translated, with {best}, {worst}, {ratio}, {best_rate} and {worst_rate})
    filled in when the best group is ``MIN_RATIO`` times the worst; its first letter
    capitalised."""
    if column not in posts.columns or posts.empty:
        return None
    rates = _rates_by(posts, column)
    if len(rates) < 2:
        return None
    best, worst = rates.index[0], rates.index[-1]
    if rates[worst] <= 0 or rates[best] / rates[worst] < MIN_RATIO:
        return None
    text = sentence.format(
        best=name(str(best)),
        worst=name(str(worst)),
        ratio=digits(f"{rates[best] / rates[worst]:.1f}"),
        best_rate=digits(f"{rates[best]:.2%}"),
        worst_rate=digits(f"{rates[worst]:.2%}"),
    )
    return text[:1].upper() + text[1:]


def _rates_by(posts: pd.DataFrame, column: str) -> pd.Series:
    """Engagement rate by reach (ratio of sums) per group with enough posts, best first."""
    frame = pd.DataFrame(
        {
            "group": posts[column].astype(str),
            "engagements": metrics.engagements(posts),
            "reach": posts["reach"],
        }
    )
    sums = frame.groupby("group").agg(
        posts=("reach", "size"), engagements=("engagements", "sum"), reach=("reach", "sum")
    )
    sums = sums[(sums["posts"] >= MIN_POSTS) & (sums["reach"] > 0)]
    return (sums["engagements"] / sums["reach"]).sort_values(ascending=False, kind="stable")
