"""Self-checks for lesson 10, "Analytics and reporting".

Every data-based answer is computed from the course data through ``smm_helpers.metrics``
(nothing is typed in by hand), and only when a learner first checks an answer.

>>> [q.id for q in QUESTIONS]
['q1', 'q2', 'q3', 'q4', 'q5']
>>> week_label(__import__("pandas").Timestamp("2025-10-13"))
'2025-10-13'
"""

from __future__ import annotations

import math
from functools import cache
from typing import Any

from smm_helpers.checks.core import Feedback, Question
from smm_helpers.checks.judges import choice, in_bengali_digits, number, text_elements
from smm_helpers.checks.reading import read_date
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.numbers import digits

LESSON = "10-analytics-and-reporting"

# q1: engagement rate by reach of one client's posts on one platform, over the whole year.
Q1_CLIENT, Q1_PLATFORM = "nonprofit", "instagram"

# q2: the A/B test the lesson's exercise gives (two captions of one Facebook post).
AB_NUMBERS = {"clicks_a": 27, "reach_a": 600, "clicks_b": 39, "reach_b": 600}
AB_OPTIONS = (
    N_("B is better, and the difference is unlikely to be chance"),
    N_("B looks better, but the difference could be chance: keep testing"),
    N_("A is better"),
)

# q3: which week of a month had the highest engagement rate by reach.
Q3_CLIENT = "business"
Q3_WEEKS = ("2025-10-06", "2025-10-13", "2025-10-20", "2025-10-27")

# q5: why benchmark engagement rates differ.
DEFINITION_OPTIONS = (
    N_("Rival IQ divides by followers; we divided by reach"),
    N_("Our posts are far better than the average company's"),
    N_("Rival IQ counts more kinds of engagement than we do"),
)


@cache
def _posts() -> Any:
    from smm_helpers import datasets  # heavy: loads numpy, pandas on first use

    return datasets.load_course_data().posts


def _platform_posts() -> Any:
    posts = _posts()
    return posts[(posts["client"] == Q1_CLIENT) & (posts["platform"] == Q1_PLATFORM)]


@cache
def q1_expected() -> float:
    """Engagement rate by reach as a ratio of sums (the rate of all the posts together).

    >>> 0 < q1_expected() < 1
    True
    """
    from smm_helpers import metrics  # heavy: loads numpy, pandas on first use

    return float(metrics.summarize(_platform_posts(), by="platform")["er_reach"].iloc[0])


@cache
def _q1_mistakes() -> dict[str, float]:
    from smm_helpers import metrics  # heavy: loads numpy, pandas on first use

    posts = _platform_posts()
    return {
        "mean_of_rates": float(metrics.engagement_rate(posts, by="reach").mean()),
        "by_impressions": float(metrics.engagements(posts).sum() / posts["impressions"].sum()),
        "median_by_followers": float(metrics.engagement_rate(posts, by="followers").median()),
    }


def _near(key: str) -> Any:
    return lambda value: math.isclose(value, _q1_mistakes()[key], rel_tol=0.01)


@cache
def ab_result() -> Any:
    """The A/B test of the exercise, computed with ``metrics.ab_test``.

    >>> ab_result().trials_a
    600
    """
    from smm_helpers import metrics  # heavy: loads numpy, pandas on first use

    n = AB_NUMBERS
    return metrics.ab_test(n["clicks_a"], n["reach_a"], n["clicks_b"], n["reach_b"])


def ab_correct() -> str:
    """The option that describes the A/B test's result.

    >>> ab_correct() in AB_OPTIONS
    True
    """
    result = ab_result()
    if result.difference < 0:
        return AB_OPTIONS[2]
    return AB_OPTIONS[0] if result.significant else AB_OPTIONS[1]


def ab_wrong() -> list[str]:
    """The options that do not describe the result."""
    return [option for option in AB_OPTIONS if option != ab_correct()]


def week_label(answer: Any) -> Any:
    """A week given as a date, Timestamp or text, written as 'YYYY-MM-DD' (others unchanged).

    >>> import datetime
    >>> week_label(datetime.date(2025, 10, 6)), week_label(" 2025-10-06 00:00:00")
    ('2025-10-06', '2025-10-06')
    >>> week_label("২০২৫-১০-১৩"), week_label("১৩ অক্টোবর ২০২৫"), week_label("week 2")
    ('2025-10-13', '2025-10-13', 'week 2')
    """
    if hasattr(answer, "strftime"):
        return answer.strftime("%Y-%m-%d")
    day = read_date(answer) if isinstance(answer, str) else None
    return day.isoformat() if day is not None else answer


@cache
def _weeks() -> Any:
    from smm_helpers import metrics  # heavy: loads numpy, pandas on first use

    posts = _posts()
    weekly = metrics.summarize(posts[posts["client"] == Q3_CLIENT], by="week")
    weekly.index = [week_label(week) for week in weekly.index]
    return weekly.loc[list(Q3_WEEKS)]


def q3_correct() -> str:
    """The week (its Monday) with the highest engagement rate by reach.

    >>> q3_correct() in Q3_WEEKS
    True
    """
    return str(_weeks()["er_reach"].idxmax())


def q3_wrong() -> list[str]:
    """The other weeks, including the ones with the most engagements or reach."""
    return [week for week in Q3_WEEKS if week != q3_correct()]


def judge_week(answer: Any) -> Feedback:
    """Judge the week: a wrong week that leads on engagements or reach gets its own hint.

    >>> judge_week(q3_correct()).correct
    True
    >>> judge_week("2025-11-24").hint
    'Give the Monday a week starts on: only the Mondays of October 2025 count.'
    """
    weeks = _weeks()
    hints = {}
    said = {
        "engagements": N_(
            "That week had the most engagements, but the question asks for "
            "the highest engagement *rate* by reach: engagements divided by "
            "reach."
        ),
        "reach": N_(
            "That week had the most reach, but the question asks for the highest "
            "engagement *rate* by reach: engagements divided by reach."
        ),
    }
    for column, hint in said.items():
        leader = str(weeks[column].idxmax())
        if leader != q3_correct():
            hints[leader] = hint
    judge = choice(
        q3_correct,
        options=Q3_WEEKS,
        hints=hints,
        hint=N_("Compare the er_reach column of the weekly summary."),
        outside_hint=N_(
            "Give the Monday a week starts on: only the Mondays of October 2025 count."
        ),
    )
    return judge(week_label(answer))


PLATFORM_OR_FORMAT = [
    r"\b(facebook|instagram|tiktok|youtube|linkedin|twitter|x)\b",
    r"\b(videos?|reels?|carousels?|images?|photos?|stories|"  # i18n: not shown
    r"infographics?|short[- ]videos?|links?|live|animations?|motion graphics?)\b",
    r"ফেসবুক|ইনস্টাগ্রাম|টিকটক|ইউটিউব|লিংকডইন|ভিডিও|ছবি|রিল",
]
A_NUMBER = [r"[0-9০-৯]"]
AN_ACTION = [
    r"\b(post|publish|try|test|boost|move|shift|spend|"  # i18n: not shown
    r"reply|answer|schedule|increase|reduce|cut|stop|focus|add|use|make|keep|share|run|switch|invest|double|start|plan|create|"
    r"film|record|continue|repeat|prioriti[sz]e|raise|lower|drop|pause|respond|target|aim|"
    r"should|recommend|do more|do less)\b",
    r"করুন|বাড়ান|কমান|চালান|দিন|পোস্ট কর|চেষ্টা",
]

QUESTIONS = [
    Question(
        lesson=LESSON,
        id="q1",
        prompt=(
            N_(
                "What was the engagement rate by reach of Alo Reading Circle's Instagram "
                "posts over the whole year? Give it as a fraction to 4 decimal places, "
                "e.g. 0.0512 for 5.12%."
            )
        ),
        judge=number(
            q1_expected,
            places=4,
            what=N_("a fraction between 0 and 1"),
            mistakes=[
                (
                    _near("mean_of_rates"),
                    N_(
                        "That looks like the average of each post's own rate. Add up the "
                        "engagements and the reach first, then divide once."
                    ),
                ),
                (
                    _near("by_impressions"),
                    N_("That divides by impressions. The question asks for the rate by reach."),
                ),
                (
                    _near("median_by_followers"),
                    N_("That divides by followers (Rival IQ's way). The question asks for reach."),
                ),
            ],
            hint=N_(
                "Keep only the client's Instagram posts, then divide total engagements by "
                "total reach."
            ),
        ),
        reference=lambda: [
            q1_expected(),
            round(q1_expected(), 4),
            str(round(q1_expected(), 4)),
            in_bengali_digits(round(q1_expected(), 4)),
        ],
        wrong=lambda: [*_q1_mistakes().values(), q1_expected() * 100, 0.5],
    ),
    Question(
        lesson=LESSON,
        id="q2",
        prompt=N_(
            "Nakshi Ghor tried two captions on the same Facebook post: A (English) got "
            "{clicks_a} clicks from {reach_a} people reached, B (Bengali) got {clicks_b} "
            "clicks from {reach_b}. Run metrics.ab_test: which sentence describes the "
            "result?"
        ),
        facts=lambda: {key: digits(value) for key, value in AB_NUMBERS.items()},
        judge=choice(
            ab_correct,
            options=AB_OPTIONS,
            hint=N_(
                "Look at the p-value: is it below 0.05? And does the confidence interval include 0?"
            ),
        ),
        reference=lambda: [ab_correct()],
        wrong=ab_wrong,
    ),
    Question(
        lesson=LESSON,
        id="q3",
        prompt=N_(
            "In which week of October 2025 did Nakshi Ghor's posts have the highest "
            "engagement rate by reach? Answer with the week's Monday: {weeks}."
        ),
        facts=lambda: {"weeks": ", ".join(Q3_WEEKS)},
        judge=judge_week,
        reference=lambda: [q3_correct(), __import__("pandas").Timestamp(q3_correct())],
        wrong=q3_wrong,
    ),
    Question(
        lesson=LESSON,
        id="q4",
        prompt=(
            N_(
                "Write one recommendation for the client in plain words: name a platform "
                "or a format, quote a number from your analysis, and say what to do next."
            )
        ),
        judge=text_elements(
            {
                N_("a platform or a format"): PLATFORM_OR_FORMAT,
                N_("a number from the analysis"): A_NUMBER,
                N_("an action for the client"): AN_ACTION,
            },
            what=N_("your recommendation"),
        ),
        reference=[
            "Post two more short videos a week on TikTok: its engagement rate "  # i18n: not shown
            "by reach was "
            "5.4%, the highest of all platforms.",
            "ফেসবুকে ভিডিও বেশি পোস্ট করুন: গত মাসে ভিডিওর এনগেজমেন্ট ছিল ৪%।",
            "Move 20% of the boost budget from X to Instagram, where reels did "  # i18n: not shown
            "best.",
        ],
        wrong=[
            "Instagram is doing well.",  # i18n: not shown
            "Engagement rate by reach was 4.2% last month.",  # i18n: not shown
            "Post more often and reply faster.",  # i18n: not shown
            "",
        ],
    ),
    Question(
        lesson=LESSON,
        id="q5",
        prompt=(
            N_(
                "Rival IQ's 2023 report gives a median Facebook engagement rate of 0.060%, "
                "far below the engagement rates by reach (er_reach) in our summary. Why?"
            )
        ),
        judge=choice(
            DEFINITION_OPTIONS[0],
            options=DEFINITION_OPTIONS,
            hints={
                DEFINITION_OPTIONS[1]: N_(
                    "Before comparing, check that both numbers are divided by the same thing."
                ),
                DEFINITION_OPTIONS[2]: N_(
                    "Rival IQ adds up likes, comments, shares and "
                    "reactions too. What does it divide by?"
                ),
            },
        ),
        reference=[DEFINITION_OPTIONS[0]],
        wrong=list(DEFINITION_OPTIONS[1:]),
    ),
]
