"""The analytics a social media manager reports to a client.

Every function takes the course tables (see :mod:`smm_helpers.schema`) and returns new
numbers or a **new** table; nothing changes the table you pass in.  Rates are fractions
(0.034 means 3.4%); a rate with a zero denominator is NaN, never inf.

- Per post: :func:`engagements`, :func:`engagement_rate`, :func:`reach_rate`, :func:`ctr`,
  :func:`amplification_rate`, :func:`virality_rate`, :func:`add_metrics`.
- Audience: :func:`follower_growth`.
- Paid: :func:`cpm`, :func:`cpc`, :func:`cost_per_result`, :func:`roas` (revenue ÷ spend),
  :func:`roi` (profit, so it needs a ``margin``), :func:`campaign_metrics`,
  :data:`COURSE_MARGINS`.
- Reports: :func:`summarize` (per platform, format, week, hour...), :func:`best_time_table`.
- Inbox: :func:`response_times`, :func:`response_rate`, :func:`response_summary`.
- Experiments: :func:`ab_test` (two-proportion z-test, explained in words).
- Unusual days (e.g. fake traffic): :func:`daily_series`, :func:`flag_anomalies`.

>>> import pandas as pd
>>> from smm_helpers import metrics
>>> posts = pd.DataFrame({"reactions": [45], "comments": [3], "shares": [1], "saves": [1],
...                       "reach": [1000], "impressions": [2000], "followers": [5000]})
>>> metrics.engagement_rate(posts, by="reach").tolist()
[0.05]
"""

from __future__ import annotations

from smm_helpers.metrics.abtest import ABTestResult, ab_test
from smm_helpers.metrics.anomalies import daily_series, flag_anomalies
from smm_helpers.metrics.best_time import BEST_TIME_METRICS, BestTimes, best_time_table
from smm_helpers.metrics.growth import GROWTH_FREQUENCIES, follower_growth
from smm_helpers.metrics.paid import (
    CAMPAIGN_METRICS,
    COURSE_MARGINS,
    campaign_metrics,
    cost_per_result,
    cpc,
    cpm,
    roas,
    roi,
)
from smm_helpers.metrics.rates import (
    ENGAGEMENT_RATE_BASES,
    METRIC_COLUMNS,
    add_metrics,
    amplification_rate,
    ctr,
    engagement_rate,
    engagements,
    reach_rate,
    virality_rate,
)
from smm_helpers.metrics.responses import (
    RESPONSE_COLUMNS,
    response_rate,
    response_summary,
    response_times,
)
from smm_helpers.metrics.summaries import SUMMARY_COLUMNS, SUMMARY_KEYS, summarize

__all__ = [
    "BEST_TIME_METRICS",
    "CAMPAIGN_METRICS",
    "COURSE_MARGINS",
    "ENGAGEMENT_RATE_BASES",
    "GROWTH_FREQUENCIES",
    "METRIC_COLUMNS",
    "RESPONSE_COLUMNS",
    "SUMMARY_COLUMNS",
    "SUMMARY_KEYS",
    "ABTestResult",
    "BestTimes",
    "ab_test",
    "add_metrics",
    "amplification_rate",
    "best_time_table",
    "campaign_metrics",
    "cost_per_result",
    "cpc",
    "cpm",
    "ctr",
    "daily_series",
    "engagement_rate",
    "engagements",
    "flag_anomalies",
    "follower_growth",
    "reach_rate",
    "response_rate",
    "response_summary",
    "response_times",
    "roas",
    "roi",
    "summarize",
    "virality_rate",
]
