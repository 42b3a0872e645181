"""Per-post rates: how many of the people who could act on a post actually did.

Every rate here is a fraction (0.034 means 3.4%), one value per post, with the same index as
the posts table.  A rate whose denominator is 0 (a post nobody saw, an account with no
followers yet) is **NaN**, never ``inf`` and never an error: "no audience" is not "infinitely
engaging", and pandas skips NaN when you average.

Definitions differ between sources and give very different numbers
(sources.md#engagement-rate-definitions), so each function says which one it follows.  Compare
rates only when they use the same denominator.

The ``reach`` and ``impressions`` columns are what Facebook and Instagram have called
**Viewers** and **Views** since 2025 (LinkedIn and X still say impressions): see
``smm_helpers.schema.METRIC_NAMES`` and sources.md#meta-views-2025.
"""

from __future__ import annotations

import pandas as pd

from smm_helpers.i18n.messages import gettext as _
from smm_helpers.metrics._common import check_choice, divide
from smm_helpers.schema import ENGAGEMENT_COLUMNS, require_table

ENGAGEMENT_RATE_BASES = ("reach", "impressions", "followers")

METRIC_COLUMNS = (
    "engagements",
    "er_reach",
    "er_impressions",
    "er_followers",
    "ctr",
    "reach_rate",
    "amplification",
    "virality",
)
"""The columns :func:`add_metrics` adds, in order."""


def engagements(posts: pd.DataFrame) -> pd.Series:
    """Engagements per post: reactions + comments + shares + saves.

    Source: the interactions Rival IQ adds up (likes/reactions, comments, shares/retweets;
    sources.md#rival-iq-benchmarks), plus saves, which Instagram and Hootsuite count as engagement;
    the list is ``smm_helpers.schema.ENGAGEMENT_COLUMNS``.  Clicks and video views are *not*
    engagements here; see :func:`ctr`.  A missing count makes the post's total NaN (unknown),
    not a smaller number.

    >>> posts = pd.DataFrame({"reactions": [10, 0], "comments": [2, 0],
    ...                       "shares": [1, 0], "saves": [3, 0]})
    >>> engagements(posts).tolist()
    [16, 0]
    >>> engagements(pd.DataFrame({"reactions": [1]}))
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: column 'comments': the posts table has no columns 'comments',...
    """
    require_table(posts, ENGAGEMENT_COLUMNS, "posts")
    first, *rest = ENGAGEMENT_COLUMNS
    total = posts[first]
    for name in rest:  # four columns, added whole-column at a time
        total = total + posts[name]
    return total.rename("engagements")


def engagement_rate(posts: pd.DataFrame, by: str = "reach") -> pd.Series:
    """Engagement rate per post: engagements ÷ the audience named by ``by``.

    - ``by="reach"``: engagements ÷ reach (unique people who saw the post), the
      "engagement rate by reach" of Hootsuite and Sprout Social.  In a 2025-or-later Meta
      export that is engagements ÷ **Viewers** (sources.md#meta-views-2025).
    - ``by="impressions"``: engagements ÷ impressions, LinkedIn's usual definition, so its
      values run at a few % (sources.md#engagement-rate-definitions).
    - ``by="followers"``: engagements ÷ followers on the day of posting, the **Rival IQ**
      definition behind its industry medians (e.g. Facebook 0.060%, Instagram 0.47% in the
      2023 report; sources.md#rival-iq-benchmarks).

    The result is a fraction per post; a zero denominator gives NaN (never inf).

    >>> posts = pd.DataFrame({"reactions": [40, 5], "comments": [5, 0], "shares": [3, 0],
    ...                       "saves": [2, 0], "reach": [1000, 0], "impressions": [2500, 0],
    ...                       "followers": [10000, 800]})
    >>> engagement_rate(posts).tolist()
    [0.05, nan]
    >>> engagement_rate(posts, by="followers").tolist()
    [0.005, 0.00625]
    >>> engagement_rate(posts, by="fans")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'fans' is not a denominator SMM Lab knows.
    How to fix it: use one of: reach, impressions, followers.
    """
    check_choice(_("denominator"), by, ENGAGEMENT_RATE_BASES)
    require_table(posts, [*ENGAGEMENT_COLUMNS, by], "posts")
    return divide(engagements(posts), posts[by], f"er_{by}")


def reach_rate(posts: pd.DataFrame) -> pd.Series:
    """Reach rate per post: reach ÷ followers, the share of the audience a post reached.

    It is above 1 when a post reaches people who don't follow the account (shares, boosting,
    recommendations).  Source: M+R Benchmarks' "Earned Reach" (organic reach ÷ page fans;
    an organic Facebook post reached about 4% of fans in 2019; sources.md#mr-benchmarks-2020).

    >>> reach_rate(pd.DataFrame({"reach": [400, 50], "followers": [10000, 0]})).tolist()
    [0.04, nan]
    >>> reach_rate(pd.DataFrame({"reach": [400]}))
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: column 'followers': the posts table has no column 'followers'...
    """
    require_table(posts, ["reach", "followers"], "posts")
    return divide(posts["reach"], posts["followers"], "reach_rate")


def ctr(posts: pd.DataFrame) -> pd.Series:
    """Click-through rate per post: link clicks ÷ impressions.

    Standard definition (e.g. WordStream's Facebook benchmarks, average CTR 0.90%;
    sources.md#wordstream-facebook-2017).

    >>> ctr(pd.DataFrame({"link_clicks": [9, 0], "impressions": [1000, 0]})).tolist()
    [0.009, nan]
    >>> ctr(pd.DataFrame({"clicks": [9], "impressions": [1000]}))
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: column 'link_clicks': the posts table has no column...
    """
    require_table(posts, ["link_clicks", "impressions"], "posts")
    return divide(posts["link_clicks"], posts["impressions"], "ctr")


def amplification_rate(posts: pd.DataFrame) -> pd.Series:
    """Amplification rate per post: shares ÷ followers.

    Source: Avinash Kaushik's social metrics ("Best Social Media Metrics: Conversation,
    Amplification, Applause, Economic Value", Occam's Razor, 2011), as used by Hootsuite:
    how often followers pass a post on to their own networks.

    >>> amplification_rate(pd.DataFrame({"shares": [5, 1], "followers": [1000, 0]})).tolist()
    [0.005, nan]
    >>> amplification_rate(pd.DataFrame({"followers": [1000]}))
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: column 'shares': the posts table has no column 'shares'...
    """
    require_table(posts, ["shares", "followers"], "posts")
    return divide(posts["shares"], posts["followers"], "amplification")


def virality_rate(posts: pd.DataFrame) -> pd.Series:
    """Virality rate per post: shares ÷ reach.

    Source: Facebook's "virality" as reported by M+R/NTEN (averaging 1.4% for nonprofits in
    2013; sources.md#mr-nten-2013), taken here as shares among the people reached.

    >>> virality_rate(pd.DataFrame({"shares": [14, 0], "reach": [1000, 0]})).tolist()
    [0.014, nan]
    >>> virality_rate(pd.DataFrame({"shares": [14]}))
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: column 'reach': the posts table has no column 'reach'...
    """
    require_table(posts, ["shares", "reach"], "posts")
    return divide(posts["shares"], posts["reach"], "virality")


def add_metrics(posts: pd.DataFrame) -> pd.DataFrame:
    """A **new** table: the posts plus one column per metric (the input is not changed).

    Adds, in order: ``engagements``, ``er_reach``, ``er_impressions``, ``er_followers``,
    ``ctr``, ``reach_rate``, ``amplification`` and ``virality`` (see the functions of the
    same names for definitions and sources).  Existing columns with these names are replaced
    in the copy.

    >>> posts = pd.DataFrame({"reactions": [90], "comments": [6], "shares": [2], "saves": [2],
    ...                       "reach": [2000], "impressions": [4000], "followers": [5000],
    ...                       "link_clicks": [20]})
    >>> out = add_metrics(posts)
    >>> out[["engagements", "er_reach", "er_followers", "ctr"]].iloc[0].tolist()
    [100.0, 0.05, 0.02, 0.005]
    >>> "er_reach" in posts.columns   # the caller's table is unchanged
    False
    >>> add_metrics(posts.drop(columns="reach"))
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: column 'reach': the posts table has no column 'reach'...
    """
    require_table(
        posts,
        [*ENGAGEMENT_COLUMNS, "reach", "impressions", "followers", "link_clicks"],
        "posts",
    )
    engaged = engagements(posts)
    reach, impressions, followers = posts["reach"], posts["impressions"], posts["followers"]
    shares = posts["shares"]
    new_columns = {
        "engagements": engaged,
        "er_reach": divide(engaged, reach, "er_reach"),
        "er_impressions": divide(engaged, impressions, "er_impressions"),
        "er_followers": divide(engaged, followers, "er_followers"),
        "ctr": divide(posts["link_clicks"], impressions, "ctr"),
        "reach_rate": divide(reach, followers, "reach_rate"),
        "amplification": divide(shares, followers, "amplification"),
        "virality": divide(shares, reach, "virality"),
    }
    return posts.assign(**new_columns)


__all__ = [
    "ENGAGEMENT_RATE_BASES",
    "METRIC_COLUMNS",
    "add_metrics",
    "amplification_rate",
    "ctr",
    "engagement_rate",
    "engagements",
    "reach_rate",
    "virality_rate",
]
