"""Self-checks for lesson 04 · Goals and plans.

Goals are judged by ``planning.check_goal``; the plan's gaps and misses come from
``SocialMediaPlan.review`` on the course data, so nothing here is typed in by hand.

>>> from smm_helpers.checks import check
>>> check("04-goals-and-plans", "q1", "Get more Facebook followers").missing
('measurable', 'achievable', 'relevant', 'time-bound')
"""

from __future__ import annotations

from functools import cache
from typing import Any

from smm_helpers.checks.core import Feedback, Question
from smm_helpers.checks.judges import choice, number
from smm_helpers.datasets import load_course_data
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits
from smm_helpers.planning import CRITERIA, SocialMediaPlan, Target, check_goal

LESSON = "04-goals-and-plans"

REVIEW_START, REVIEW_END = "2025-10-01", "2025-12-31"
"""The quarter lesson 04 reviews (the last three months of the course data)."""

GOAL_WITHOUT_DEADLINE = N_("Get 500 volunteer sign-ups from university students in Dhaka")
"""q2: a goal missing exactly one SMART criterion."""

CRITERION_NAMES = {
    "specific": N_("specific"),
    "measurable": N_("measurable"),
    "achievable": N_("achievable"),
    "relevant": N_("relevant"),
    "time-bound": N_("time-bound"),
}
"""The SMART criteria as a verdict names them (translated where shown)."""


def smart_goal(answer: Any) -> Feedback:
    """Judge a rewritten goal with ``check_goal``: right when all five criteria pass.

    >>> smart_goal("Get more Facebook followers").missing
    ('measurable', 'achievable', 'relevant', 'time-bound')
    >>> smart_goal("Raise 50,000 taka in donations on Facebook by December 2027").correct
    True
    """
    if not isinstance(answer, str) or not answer.strip():
        return Feedback(
            False,
            _("I expected your goal as one sentence in quotes."),
            _("Write the goal between the quotes."),
        )
    result = check_goal(answer)
    if result.ok:
        return Feedback(True, _("check_goal finds all five SMART criteria."))
    met = len(CRITERIA) - len(result.missing)
    return Feedback(
        False,
        _("check_goal finds {met} of {count} SMART criteria.").format(
            met=digits(met), count=digits(len(CRITERIA))
        ),
        _("Run check_goal on your goal and read the 'try:' line under each ✗."),
        tuple(_(CRITERION_NAMES.get(name, name)) for name in result.missing),
    )


def alo_plan() -> Any:
    """Alo Reading Circle's plan for the last quarter of 2025, as lesson 04 writes it.

    >>> [t.metric for t in alo_plan().goals][:2]
    ['posts_per_week', 'er_reach']
    """
    return SocialMediaPlan(
        name="Alo Reading Circle, October–December 2025",  # i18n: not shown
        goals=[
            Target("posts_per_week", 6),
            Target("er_reach", 0.015, platform="facebook"),
            Target("followers", 33_000, platform="facebook"),
            Target("response_rate", 0.85),
            Target("median_response_hours", 12),
            Target("donations", 100),
        ],
        audience="adults aged 18–45 in Dhaka who can volunteer or give",  # i18n: not shown
        platforms=["facebook", "instagram", "x", "linkedin", "youtube", "tiktok"],
        pillars={
            "impact "  # i18n: not shown
            "stories": 0.3,
            "volunteer calls": 0.2,
            "fundraising": 0.2,  # i18n: not shown
            "literacy tips": 0.2,
            "events": 0.1,
        },  # i18n: not shown
        budget=60_000,
        measurement="review every quarter against the posts, followers, inbox "  # i18n: not shown
        "and campaigns "
        "tables",
        client="nonprofit",
    )


@cache
def _review() -> Any:
    data = load_course_data()
    return alo_plan().review(
        data.posts, data.followers, data.inbox, data.campaigns, start=REVIEW_START, end=REVIEW_END
    )


def _result(metric: str) -> Any:
    return next(r for r in _review().results if r.target.metric == metric)


def response_rate_gap() -> float:
    """q3: actual − target of the response-rate target, as a fraction.

    >>> -1 < response_rate_gap() < 1
    True
    """
    return float(_result("response_rate").gap)


def missed_metrics() -> list[str]:
    """q4: the metrics of the targets the plan missed.

    >>> set(missed_metrics()) <= {t.metric for t in alo_plan().goals}
    True
    """
    return [r.target.metric for r in _review().missed]


def met_metrics() -> list[str]:
    """The metrics of the targets the plan met (wrong answers to q4)."""
    return [r.target.metric for r in _review().results if r.met]


PLAN_METRICS = [t.metric for t in alo_plan().goals]

QUESTIONS = [
    Question(
        lesson=LESSON,
        id="q1",
        prompt=(
            N_(
                "Rewrite the vague goal 'Grow our presence and do better on social media' "
                "as a SMART goal for Alo Reading Circle (one sentence)."
            )
        ),
        judge=smart_goal,
        reference=[
            "Get 2,000 more Facebook followers among parents in Dhaka by June "  # i18n: not shown
            "2027 to find "
            "volunteers for our reading circles",
            "Raise 50,000 taka in donations from supporters on Facebook by 31 "  # i18n: not shown
            "December 2027",
            "Get 300 volunteer sign-ups from university students in Dhaka "  # i18n: not shown
            "through Instagram "
            "by March 2027",
            "ফেসবুকে মাসিক দান ২০,০০০ টাকা থেকে ৩ মাসে ১৫% বাড়ানো",
        ],
        wrong=[
            "Grow our presence and do better on social media",  # i18n: not shown
            "ফেসবুকে ৩ মাসে ১৫% বেশি দান সংগ্রহ করা",  # 15% of what? no starting number
            "Get more Facebook followers",  # i18n: not shown
            "Get 2,000 more Facebook followers among parents in Dhaka",  # i18n: not shown
            "Get 2,000 more Facebook followers among parents in Dhaka by June "  # i18n: not shown
            "2027",
            "Become the most popular charity on Facebook",  # i18n: not shown
            "",
            2000,
        ],
    ),
    Question(
        lesson=LESSON,
        id="q2",
        prompt=N_(
            "Which SMART criterion is missing from the goal '{goal}'? "
            "Answer with one of: {criteria}."
        ),
        facts=lambda: {"goal": _(GOAL_WITHOUT_DEADLINE), "criteria": ", ".join(CRITERIA)},
        judge=choice(
            lambda: check_goal(GOAL_WITHOUT_DEADLINE).missing,
            options=CRITERIA,
            hints={
                "specific": N_("It names a metric (sign-ups) and an audience (students in Dhaka)."),
                "measurable": N_("It has a number to check against."),
                "relevant": N_("Volunteers are an outcome Alo cares about."),
                "achievable": N_("Nothing in it is obviously unrealistic."),
            },
            hint=N_("Run check_goal on the goal and look for the ✗."),
        ),
        reference=lambda: list(check_goal(GOAL_WITHOUT_DEADLINE).missing),
        wrong=lambda: [c for c in CRITERIA if c not in check_goal(GOAL_WITHOUT_DEADLINE).missing],
    ),
    Question(
        lesson=LESSON,
        id="q3",
        prompt=(
            N_(
                "In the review of Alo's plan for October–December 2025, what is the gap on "
                "the response-rate target (actual − target, as a fraction: negative when the "
                "plan fell short)?"
            )
        ),
        judge=number(
            response_rate_gap,
            what=N_("a fraction (negative when below the target)"),
            abs_tol=0.0005,
            mistakes=[
                (
                    lambda v: abs(v + response_rate_gap()) < 0.0005,
                    N_("The size is right but the sign is not: the gap is actual minus target."),
                ),
                (
                    lambda v: abs(v - float(_result("response_rate").gap_pct)) < 0.0005,
                    N_(
                        "That is the gap as a share of the target (gap_pct). The "
                        "question asks for actual − target."
                    ),
                ),
                (
                    lambda v: abs(v - float(_result("response_rate").actual)) < 0.0005,
                    N_("That is the actual response rate, not the gap."),
                ),
            ],
            hint=N_("Look at review.table(): the row of response_rate, column gap."),
        ),
        reference=lambda: [response_rate_gap(), round(response_rate_gap(), 3)],
        wrong=lambda: [
            -response_rate_gap(),
            response_rate_gap() * 100,
            float(_result("response_rate").gap_pct),
            float(_result("response_rate").actual),
        ],
    ),
    Question(
        lesson=LESSON,
        id="q4",
        prompt=(
            N_(
                "Name one target that Alo's plan missed in October–December 2025 (its "
                "metric name, as the review writes it)."
            )
        ),
        judge=choice(
            missed_metrics,
            options=PLAN_METRICS,
            hint=N_("Look for a ✗ in the review: which targets were missed?"),
        ),
        reference=missed_metrics,
        wrong=met_metrics,
    ),
]
