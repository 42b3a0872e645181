"""Self-checks for lesson 12, the capstone: a month of social media for Alo Reading Circle.

The checks accept *any* answer that does the job, not one fixed answer: a goal that passes
``check_goal``, a calendar for February 2026 on two or more platforms, a budget split that
spends the whole budget with equal marginal costs, and a recommendation that names what to
change.  Reference and wrong answers are built with the same helpers the lesson uses.

>>> from smm_helpers.checks import check
>>> check("12-capstone", "q1", "Get more followers").correct
False
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from types import MappingProxyType
from typing import Any

from smm_helpers.budget import (
    Allocation,
    allocate_budget,
    expected_results,
    format_money,
    marginal_cost,
)
from smm_helpers.checks.core import Feedback, Judge, Question
from smm_helpers.checks.judges import satisfies, text_elements
from smm_helpers.i18n.messages import N_, current_language
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits, format_date, format_number
from smm_helpers.planning import ContentCalendar, build_calendar, check_goal

LESSON = "12-capstone"

BUDGET = 10_000
"""Alo's monthly paid budget in taka, as the lesson sets it (the lesson's ``BUDGET``)."""

CALENDAR_START = date(2026, 2, 2)
"""The Monday the capstone's calendar starts on (February 2026)."""

CALENDAR_WEEKS = 4

MOTHER_LANGUAGE_DAY = date(2026, 2, 21)
"""International Mother Language Day, the special day a literacy charity must not miss."""

PLATFORMS = ("facebook", "instagram")
"""The platforms the lesson's recommendation picks for Alo (used for reference answers)."""

POSTS_PER_WEEK = (3, 14)
"""Posts a week on each platform the calendar check accepts: fewer than 3 lets a page go
quiet; more than 2 a day is above every frequency guideline in sources.md#posting-frequency."""


def _brief(problems: Callable[[Any], list[str]], *, success: str, failure: str, hint: str) -> Judge:
    """A judge that lists, by name, each part of the brief the answer does not meet yet."""

    def judge(answer: Any) -> Feedback:
        found = problems(answer)
        if not found:
            return Feedback(True, _(success))
        return Feedback(False, _(failure), _(hint), tuple(found))

    return judge


# --- q1: a SMART goal ---------------------------------------------------------------------


def _smart(answer: Any) -> bool:
    return isinstance(answer, str) and bool(answer.strip()) and check_goal(answer).ok


def _goal_references() -> list[str]:
    from smm_helpers.datasets import client_profile  # heavy: loads numpy, pandas on first use

    alo = client_profile("nonprofit")
    now = alo.followers["instagram"]
    return [
        f"Grow {alo.name}'s Instagram followers from {now:,} to "  # i18n: not shown
        f"{round(now * 1.08):,} by "
        "30 April 2026 to recruit volunteers",
        "ফেসবুকে মাসিক দান ২০,০০০ টাকা থেকে ৩ মাসে ১৫% বাড়ানো",
    ]


# --- q2: the calendar -----------------------------------------------------------------------


def _calendar_problems(answer: Any) -> list[str]:
    """What keeps ``answer`` from being the calendar the brief asks for (empty: none)."""
    if not isinstance(answer, ContentCalendar):
        return [
            _("a ContentCalendar from build_calendar (this is a {kind})").format(
                kind=type(answer).__name__
            )
        ]
    problems = []
    if answer.first_day != CALENDAR_START:
        problems.append(
            _("a start on Monday {start} (yours starts {given})").format(
                start=_long_date(CALENDAR_START), given=_long_date(answer.first_day)
            )
        )
    if answer.weeks != CALENDAR_WEEKS:
        problems.append(
            _("{weeks} weeks (yours has {given})").format(
                weeks=digits(CALENDAR_WEEKS), given=digits(answer.weeks)
            )
        )
    if len(answer.platforms) < 2:
        problems.append(_("a second platform"))
    counts = answer.post_counts()
    low, high = POSTS_PER_WEEK
    if not ((counts >= low) & (counts <= high)).to_numpy().all():
        problems.append(
            _("{low} to {high} posts a week on each platform (see calendar.post_counts())").format(
                low=digits(low), high=digits(high)
            )
        )
    events = answer.events
    special = events[events["kind"] == "special_day"]
    if not (special["start"].map(lambda ts: ts.date()) == MOTHER_LANGUAGE_DAY).any():
        problems.append(_("International Mother Language Day (keep special_days on)"))
    return problems


def _long_date(day: date) -> str:
    """A day as the calendar check names it: '02 February 2026' (English, as before), or
    '২ ফেব্রুয়ারি ২০২৬'.

    >>> _long_date(date(2026, 2, 2))
    '02 February 2026'
    """
    return f"{day:%d %B %Y}" if current_language() == "en" else format_date(day)


def _calendar(
    weeks: int = CALENDAR_WEEKS, platforms: tuple[str, ...] = PLATFORMS, **options: Any
) -> Any:
    return build_calendar(CALENDAR_START, weeks=weeks, platforms=list(platforms), **options)


def _calendar_references() -> list[Any]:
    return [
        _calendar(posts_per_week={"facebook": 5, "instagram": 3}),
        _calendar(posts_per_week=4, language="bn"),
        _calendar(
            platforms=("facebook", "instagram", "youtube"),
            posts_per_week={"facebook": 5, "instagram": 4, "youtube": 3},
        ),
    ]


def _calendar_wrongs() -> list[Any]:
    return [
        _calendar(platforms=("facebook",), posts_per_week=5),
        _calendar(weeks=2, posts_per_week=4),
        _calendar(posts_per_week=4, special_days=False),
        _calendar(posts_per_week=1),
        "a calendar",
    ]


# --- q3: the budget split -------------------------------------------------------------------

_MONEY_TOLERANCE = 1.0  # taka
_LEVEL_TOLERANCE = 0.01  # 1% between the funded platforms' marginal costs


def _split_problems(answer: Any) -> list[str]:
    """What keeps ``answer`` from being the budget split the brief asks for (empty: none)."""
    if not isinstance(answer, Allocation):
        return [
            _("an Allocation from budget.allocate_budget (this is a {kind})").format(
                kind=type(answer).__name__
            )
        ]
    if answer.currency != "BDT":
        return [_("the budget in taka (BDT), not {currency}").format(currency=answer.currency)]
    problems = []
    if len(answer.platforms) < 2:
        problems.append(_("a second platform"))
    spent = sum(answer.spend.values())
    if not (
        math.isclose(answer.total, BUDGET, abs_tol=_MONEY_TOLERANCE)
        and math.isclose(spent, BUDGET, abs_tol=_MONEY_TOLERANCE)
    ):
        problems.append(
            _("the whole budget, BUDGET, spent (this split spends {spent})").format(
                spent=format_number(spent)
            )
        )
    # Recompute each platform's next-result cost from its own spend and prices, so a
    # hand-edited split cannot pass by keeping the old marginal costs.
    costs = {
        p: marginal_cost(answer.spend[p], answer.cost_per_result[p], answer.saturation[p])
        for p in answer.platforms
    }
    funded = [p for p in answer.platforms if answer.spend[p] > answer.minimum[p] + 0.5]
    level = min((costs[p] for p in funded), default=math.nan)
    unequal = any(costs[p] > level * (1 + _LEVEL_TOLERANCE) for p in funded) or any(
        costs[p] < level * (1 - _LEVEL_TOLERANCE) for p in answer.platforms if p not in funded
    )
    if not funded or unequal:
        problems.append(
            _(
                "the same cost for the next result on every funded platform "
                "(compare split.marginal_cost)"
            )
        )
    return problems


def _split_references() -> list[Any]:
    return [
        allocate_budget(BUDGET, list(PLATFORMS)),
        allocate_budget(
            BUDGET,
            ["facebook", "instagram", "youtube"],
            cost_per_result={"facebook": 5, "instagram": 6, "youtube": 9},
            saturation=2_000,
        ),
    ]


def _even_split_with_unequal_prices() -> Any:
    best = allocate_budget(
        BUDGET, list(PLATFORMS), cost_per_result={"facebook": 5, "instagram": 9}, saturation=2_000
    )
    even = {p: BUDGET / len(PLATFORMS) for p in best.platforms}
    return replace(
        best,
        spend=MappingProxyType(even),
        results=MappingProxyType(
            {
                p: expected_results(even[p], best.cost_per_result[p], best.saturation[p])
                for p in even
            }
        ),
        marginal_cost=MappingProxyType(
            {p: marginal_cost(even[p], best.cost_per_result[p], best.saturation[p]) for p in even}
        ),
    )


def _split_wrongs() -> list[Any]:
    return [
        allocate_budget(BUDGET / 2, list(PLATFORMS)),
        allocate_budget(BUDGET, ["facebook"]),
        allocate_budget(BUDGET, list(PLATFORMS), currency="USD"),
        _even_split_with_unequal_prices(),
        dict.fromkeys(PLATFORMS, BUDGET / len(PLATFORMS)),
    ]


# --- q4: the recommendation -----------------------------------------------------------------

_PLATFORM_WORDS = [
    r"facebook",
    r"instagram",
    r"youtube",
    r"tiktok",
    r"linkedin",
    r"\bX\b",
    r"twitter",
    r"ফেসবুক",
    r"ইনস্টাগ্রাম",
    r"ইউটিউব",
    r"টিকটক",
]

_RECOMMENDATION = text_elements(
    {
        N_("a platform to use"): _PLATFORM_WORDS,
        N_("a number from the review (an actual result or a gap)"): [r"\d", r"[০-৯]"],
        N_("a change to make (post, reply, boost, schedule...)"): [
            r"\b(post|publish|reply|replies|answer|respond|boost|schedule|move|add|cut|"
            r"rota|shift)",
            r"পোস্ট",
            r"উত্তর",
            r"বুস্ট",
        ],
        N_("the budget"): [r"৳", r"\bBDT\b", r"\btaka\b", r"\btk\b", r"budget", r"বাজেট", r"টাকা"],
        N_("when to review again"): [
            r"\breview",
            r"\bmeasure",
            r"\bcheck (again|in|after)",
            r"পর্যালোচনা",
        ],
    },
    min_words=30,
    what=N_("your recommendation"),
)


def _recommendation_references() -> list[str]:
    split = allocate_budget(BUDGET, list(PLATFORMS))
    shares = " and ".join(f"{format_money(s)} on {split.names[p]}" for p, s in split.spend.items())
    return [
        f"Keep Facebook and Instagram. In December 2025 replies took far longer "  # i18n: not shown
        f"than the "
        f"4-hour target, so set up a reply rota that covers Friday and Saturday. Publish the "
        f"Mother Language Day posts prepared a week ahead. Spend the {format_money(BUDGET)} "
        f"budget as {shares}, where the next result costs the same. Review the plan again "
        f"after four weeks, in March 2026.",
    ]


# --- the questions --------------------------------------------------------------------------

QUESTIONS = [
    Question(
        lesson=LESSON,
        id="q1",
        prompt=N_(
            "Write one SMART goal for Alo Reading Circle's next quarter (English or "
            "Bengali), as a string that passes check_goal."
        ),
        judge=satisfies(
            _smart,
            success=N_("check_goal finds all five SMART criteria in your goal."),
            failure=N_("check_goal does not find all five SMART criteria yet."),
            hint=N_("Run check_goal(my_goal) to see which criteria are missing and what to add."),
        ),
        reference=_goal_references,
        wrong=[
            "Get more followers",
            "Grow our presence on social media",  # i18n: not shown
            "Reach more people on Facebook by June",
        ],  # i18n: not shown
    ),
    Question(
        lesson=LESSON,
        id="q2",
        prompt=N_(
            "Build a 4-week content calendar starting Monday 2 February 2026 on two or "
            "more platforms, 3 to 14 posts a week on each, with International Mother "
            "Language Day (21 February) on it; give the ContentCalendar."
        ),
        judge=_brief(
            _calendar_problems,
            success=N_("Four weeks of February on your platforms, Mother Language Day included."),
            failure=N_("This calendar does not fit the brief yet."),
            hint=N_(
                "Use build_calendar('2026-02-02', weeks=4, platforms=[...], "
                "posts_per_week=...), keep special days on, and look at "
                "calendar.post_counts()."
            ),
        ),
        reference=_calendar_references,
        wrong=_calendar_wrongs,
    ),
    Question(
        lesson=LESSON,
        id="q3",
        prompt=N_(
            "Split Alo's monthly budget of 10,000 taka (BUDGET) between two or more "
            "platforms so that the whole budget is spent and every funded platform's next "
            "result costs the same; give the Allocation."
        ),
        judge=_brief(
            _split_problems,
            success=N_("The whole budget is spent and the next result costs the same everywhere."),
            failure=N_("This split does not fit the brief yet."),
            hint=N_(
                "Let budget.allocate_budget(BUDGET, platforms) find the split (in taka), "
                "then compare split.marginal_cost across platforms."
            ),
        ),
        reference=_split_references,
        wrong=_split_wrongs,
    ),
    Question(
        lesson=LESSON,
        id="q4",
        prompt=N_(
            "Write your recommendation to Alo's director (at least 30 words): which "
            "platforms, one number from the review, what to change, the budget, and when "
            "you will review again."
        ),
        judge=_RECOMMENDATION,
        reference=_recommendation_references,
        wrong=[
            "Post more.",  # i18n: not shown
            "Keep Facebook and Instagram and post more often: engagement by "  # i18n: not shown
            "reach was "
            "low, so publish more videos and reply faster to messages on weekends. "
            "Review the plan again after four weeks to see whether it worked.",
            "",
        ],
    ),
]
