"""Self-checks for lesson 01 · Why social media (the nonprofit case, cost and reach).

Data answers are computed from the committed course data with ``smm_helpers.metrics``.

>>> from smm_helpers.checks import check
>>> bool(check("01-why-social-media", "q1", median_organic_reach_share()))
True
>>> check("01-why-social-media", "q1", 100 * median_organic_reach_share()).hint
'That looks like a percentage: give the rate as a fraction (e.g. 0.05 for 5%).'
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pandas as pd

from smm_helpers import metrics
from smm_helpers.checks.core import Question
from smm_helpers.checks.judges import choice, number, text_elements
from smm_helpers.datasets import CourseData, load_course_data
from smm_helpers.i18n.messages import N_

LESSON = "01-why-social-media"

M_R_ORGANIC_REACH = 0.04
"""M+R Benchmarks 2020: an organic Facebook post reached about 4% of fans
(sources.md#mr-benchmarks-2020)."""


@cache
def _data() -> CourseData:
    return load_course_data()


def _facebook_posts(client: str = "nonprofit") -> pd.DataFrame:
    posts = _data().posts
    return posts[(posts["client"] == client) & (posts["platform"] == "facebook")]


def _near(value: float) -> Callable[[float], bool]:
    return lambda x: abs(x - value) <= 0.002 * abs(value)


@cache
def median_organic_reach_share() -> float:
    """Median reach ÷ followers of Alo Reading Circle's organic (not boosted) Facebook posts.

    >>> 0 < median_organic_reach_share() < 1
    True
    """
    facebook = _facebook_posts()
    organic = facebook[~facebook["boosted"]]
    return float(metrics.reach_rate(organic).median())


def _mean_organic_reach_share() -> float:
    facebook = _facebook_posts()
    return float(metrics.reach_rate(facebook[~facebook["boosted"]]).mean())


def _median_reach_share_all_posts() -> float:
    return float(metrics.reach_rate(_facebook_posts()).median())


def _boosted(client: str) -> pd.DataFrame:
    posts = _data().posts
    return posts[(posts["client"] == client) & posts["boosted"]]


@cache
def cost_per_thousand_reached(client: str = "nonprofit") -> float:
    """Taka spent per 1,000 people reached by a client's boosted posts (all platforms).

    Total spend ÷ total reach × 1,000: what the money bought, per thousand people.

    >>> cost_per_thousand_reached() > 0
    True
    """
    boosted = _boosted(client)
    return float(boosted["spend"].sum() / boosted["reach"].sum() * 1000)


def _boosted_cpm(client: str = "nonprofit") -> float:
    boosted = _boosted(client)
    return float(metrics.cpm(float(boosted["spend"].sum()), int(boosted["impressions"].sum())))


CLAIM_OPTIONS = [
    N_("sourced, and it describes nonprofits like Alo today"),
    N_("sourced, but only for the largest US charities in 2008"),
    N_("unsourced but close to other surveys"),
    N_("impossible to check"),
]
"""The verdicts a learner may give on source article 000's "89% of charities" figure.

The figure is sourced: Barnes and Mattson, UMass Dartmouth Center for Marketing Research,
"Still Setting the Pace in Social Media" (2008 data, the 200 largest US charities;
sources.md#barnes-mattson-2008).  The lesson's point is its limits: 2008, and only the
largest US charities."""

SUPPORTERS = [
    r"stakeholder",
    r"supporter",
    r"relationship",
    r"communit",
    r"donor",
    r"volunteer",
    r"re-?shar",
    r"\bshar(e|es|ed|ing)\b",
    r"viral",
    r"connect",
    r"feedback",
    r"conversation",
    r"engag",
    r"audience",
    r"followers",
    r"\bcauses?\b",
    r"সমর্থক",
    r"সম্পর্ক",
    r"স্বেচ্ছাসেবক",
    r"দাতা",
    r"শেয়ার",
    r"শেয়ার",
    r"যোগাযোগ",
]
COST = [
    r"\bcosts?\b",
    r"\bcheap",
    r"inexpensive",
    r"less "  # i18n: not shown
    r"expensive",
    r"budget",
    r"money",
    r"afford",
    r"return on investment",
    r"\bROI\b",
    r"low[- ]cost",
    r"\bfree\b",  # i18n: not shown
    r"taka",
    r"\bprice",
    r"\bspend",
    r"খরচ",
    r"সস্তা",
    r"টাকা",
    r"বিনামূল্যে",
]  # i18n: not shown

QUESTIONS = [
    Question(
        lesson=LESSON,
        id="q1",
        prompt=N_(
            "What is the median organic reach of Alo Reading Circle's Facebook posts as a "
            "share of followers? Give a fraction (0.05 means 5%)."
        ),
        judge=number(
            median_organic_reach_share,
            what=N_("a fraction between 0 and 1"),
            mistakes=[
                (
                    lambda x: _near(_mean_organic_reach_share())(x),
                    N_("That is the mean; the question asks for the median."),
                ),
                (
                    lambda x: _near(_median_reach_share_all_posts())(x),
                    N_("That includes the boosted posts: organic means no money behind the post."),
                ),
                (
                    lambda x: _near(M_R_ORGANIC_REACH)(x),
                    N_("That is the M+R benchmark; compute the figure from Alo's own posts."),
                ),
            ],
            hint=N_(
                "Keep the nonprofit's Facebook posts that were not boosted, divide reach by "
                "followers per post (metrics.reach_rate does it), then take the median."
            ),
        ),
        reference=lambda: [median_organic_reach_share()],
        wrong=lambda: [
            100 * median_organic_reach_share(),
            _mean_organic_reach_share(),
            _median_reach_share_all_posts(),
            M_R_ORGANIC_REACH,
        ],
    ),
    Question(
        lesson=LESSON,
        id="q2",
        prompt=N_(
            "How many taka did Alo Reading Circle spend per 1,000 people reached with its "
            "boosted posts (all platforms together: total spend ÷ total reach × 1,000)?"
        ),
        judge=number(
            cost_per_thousand_reached,
            what=N_("an amount of taka"),
            unit="BDT",
            mistakes=[
                (
                    lambda x: _near(cost_per_thousand_reached() / 1000)(x),
                    N_("That is the cost per single person: multiply by 1,000."),
                ),
                (
                    lambda x: _near(_boosted_cpm())(x),
                    N_(
                        "That is per 1,000 impressions (CPM); the question asks per 1,000 people "
                        "reached."
                    ),
                ),
                (
                    lambda x: _near(cost_per_thousand_reached("business"))(x),
                    N_("That is the shop's figure: keep only the nonprofit's boosted posts."),
                ),
            ],
            hint=N_(
                "Keep the nonprofit's boosted posts, add up 'spend' and 'reach', divide, then "
                "scale to 1,000 people."
            ),
        ),
        reference=lambda: [cost_per_thousand_reached()],
        wrong=lambda: [
            cost_per_thousand_reached() / 1000,
            _boosted_cpm(),
            cost_per_thousand_reached("business"),
        ],
    ),
    Question(
        lesson=LESSON,
        id="q3",
        prompt=N_(
            "Source article 000 says 89% of charities use social media and 45% find it "
            "important for fundraising. Which verdict fits what we found when we checked?"
        ),
        judge=choice(
            "sourced, but only for the largest US charities in 2008",  # i18n: not shown
            options=CLAIM_OPTIONS,
            hints={
                "sourced, and it describes nonprofits like Alo today":  # i18n: not shown
                N_(
                    "The study is real, but look again: which charities did it survey, and "
                    "in which year?"
                ),
                "unsourced but close to other surveys":  # i18n: not shown
                N_("Did the lesson find the study behind the figure? Who wrote it?"),
                "impossible to check":  # i18n: not shown
                N_("We did check it: the lesson names the study. What does that study cover?"),
            },
        ),
        reference=[
            "sourced, but only for the largest US charities in 2008",  # i18n: not shown
            "Sourced, but only for the largest US charities in 2008",  # i18n: not shown
            "sourced,-but-only-for-the-largest-US-charities-in-2008",
        ],
        wrong=[
            "sourced, and it describes nonprofits like Alo today",  # i18n: not shown
            "unsourced but close to other surveys",
            "impossible to check",
        ],  # i18n: not shown
    ),
    Question(
        lesson=LESSON,
        id="q4",
        prompt=N_(
            "In two or three sentences, give two reasons a nonprofit like Alo Reading "
            "Circle uses social media: one about its supporters, one about money."
        ),
        judge=text_elements(
            {
                N_(
                    "a reason about supporters (relationships, community, re-sharing...)"
                ): SUPPORTERS,
                N_("a reason about money (cost, budget, return...)"): COST,
            },
            min_words=6,
            what=N_("your answer"),
        ),
        reference=[
            "Social media lets the charity build relationships with its "  # i18n: not shown
            "supporters, who "
            "re-share its posts to their friends. It also costs less than print adverts.",
            "It keeps volunteers and donors connected to the cause, and it is "  # i18n: not shown
            "cheaper than "
            "traditional marketing, with a better return on investment.",
            "সমর্থকদের সাথে সম্পর্ক তৈরি হয় এবং তারা পোস্ট শেয়ার করে। প্রচলিত বিজ্ঞাপনের চেয়ে খরচ অনেক কম।",
        ],
        wrong=[
            "Because everyone is on Facebook these days.",  # i18n: not shown
            "It is cheap.",  # i18n: not shown
            "Social media builds relationships with supporters and they "  # i18n: not shown
            "re-share our posts "
            "with their friends and family.",
            "It is much cheaper than a newspaper advert or a billboard in "  # i18n: not shown
            "Dhaka, so the "
            "budget goes further.",
            "",
        ],
    ),
]
