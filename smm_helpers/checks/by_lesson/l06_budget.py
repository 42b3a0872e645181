"""Self-checks for lesson 06 · Budgeting: ROI, break-even, the best split, equal marginal cost.

Every data-based answer is computed from the course data or with :mod:`smm_helpers.budget`,
so nothing here is typed in by hand.

>>> from smm_helpers.checks import check
>>> bool(check("06-budget", "q4", "the budget is split equally"))
False
>>> check("06-budget", "q1", ...).message
"You haven't answered yet."
"""

from __future__ import annotations

import math
from functools import cache
from typing import Any

from smm_helpers.checks.core import Question
from smm_helpers.checks.judges import choice, number

LESSON = "06-budget"

ROI_CAMPAIGN = "NP-CMP-000013"
"""Alo Reading Circle's December Facebook donations campaign (question 1)."""

BREAK_EVEN_CAMPAIGN = "BZ-CMP-000019"
"""Nakshi Ghor's autumn Facebook sales campaign (question 2)."""

PROFIT_PER_SALE = 350.0
"""Question 2's assumption: Nakshi Ghor keeps ৳350 profit on each sale (illustrative)."""

SPLIT_TOTAL = 25_000.0
SPLIT_PLATFORMS = ("facebook", "instagram", "youtube")
SPLIT_SATURATION = {"facebook": 3_000.0, "instagram": 6_000.0, "youtube": 2_000.0}
"""Question 3's split: default (illustrative) prices, these saturations, ৳25,000 in total."""

WHY_CORRECT = "otherwise moving money would buy more results"
WHY_OPTIONS = (
    "every platform charges the same",
    "the budget is split equally",
    WHY_CORRECT,
    "saturation is the same everywhere",
)
"""Question 4's options in the order the lesson's quiz shows them (the quiz's static view
uses the first option as its example, so the right one is not first)."""


@cache
def _campaign(campaign_id: str) -> tuple[float, float]:
    """(conversion value, spend) of one campaign in the course data."""
    from smm_helpers.datasets import load_campaigns

    campaigns = load_campaigns()
    row = campaigns.loc[campaigns["campaign_id"] == campaign_id].iloc[0]
    return float(row["conversion_value"]), float(row["spend"])


@cache
def campaign_roi() -> float:
    """Question 1: the ROI of :data:`ROI_CAMPAIGN`, as a fraction.

    >>> campaign_roi() > 0
    True
    """
    from smm_helpers.budget import roi

    value, spend = _campaign(ROI_CAMPAIGN)
    return roi(value=value, cost=spend)


@cache
def sales_to_break_even() -> int:
    """Question 2: sales :data:`BREAK_EVEN_CAMPAIGN` needed to pay back its spend.

    >>> sales_to_break_even() >= 1
    True
    """
    from smm_helpers.budget import break_even

    _, spend = _campaign(BREAK_EVEN_CAMPAIGN)
    return break_even(cost=spend, value_per_result=PROFIT_PER_SALE)


@cache
def biggest_share() -> str:
    """Question 3: the platform the best split gives the most money.

    >>> biggest_share() in SPLIT_PLATFORMS
    True
    """
    from smm_helpers.budget import allocate_budget

    split = allocate_budget(SPLIT_TOTAL, list(SPLIT_PLATFORMS), saturation=SPLIT_SATURATION)
    return max(split.platforms, key=lambda p: split.spend[p])


def _divided_by_value(answer: float) -> bool:
    value, spend = _campaign(ROI_CAMPAIGN)
    return value > 0 and math.isclose(answer, (value - spend) / value, rel_tol=0.01)


def _q1_wrong() -> list[Any]:
    value, spend = _campaign(ROI_CAMPAIGN)
    right = campaign_roi()
    return [value / spend, right * 100, (value - spend) / value, -right, value - spend]


def _q2_wrong() -> list[Any]:
    _, spend = _campaign(BREAK_EVEN_CAMPAIGN)
    exact = spend / PROFIT_PER_SALE
    return [math.floor(exact), round(exact, 2), spend]


QUESTIONS = [
    Question(
        lesson=LESSON,
        id="q1",
        prompt=(f"What was the ROI of Alo Reading Circle's campaign {ROI_CAMPAIGN}? Give it "
                "as a fraction (0.5 means 50% profit on the cost)."),
        judge=number(
            campaign_roi,
            what="the ROI as a number",
            mistakes=[
                (lambda v: math.isclose(v, campaign_roi() + 1, rel_tol=0.01),
                 "That is value ÷ cost, the return on ad spend (ROAS). ROI first takes the "
                 "cost away from the value."),
                (lambda v: math.isclose(v, campaign_roi() * 100, rel_tol=0.01),
                 "That looks like a percentage: give the ROI as a fraction."),
                (lambda v: math.isclose(v, -campaign_roi(), rel_tol=0.01),
                 "The sign is flipped: a campaign that brought in more than it cost has a "
                 "positive ROI."),
                (_divided_by_value,
                 "Check what you divided by: ROI divides the profit by the cost, not by "
                 "the value."),
            ],
            hint="Use the campaign's conversion_value and spend: (value − cost) ÷ cost.",
        ),
        reference=lambda: [campaign_roi()],
        wrong=_q1_wrong,
    ),
    Question(
        lesson=LESSON,
        id="q2",
        prompt=(f"Nakshi Ghor keeps ৳{PROFIT_PER_SALE:.0f} profit on each sale. How many sales "
                f"did campaign {BREAK_EVEN_CAMPAIGN} need to pay back its spend?"),
        judge=number(
            sales_to_break_even,
            rel_tol=0.0,
            abs_tol=1e-9,
            what="a whole number of sales",
            mistakes=[
                (lambda v: not float(v).is_integer(),
                 "Nobody buys part of a cushion cover: give a whole number of sales."),
                (lambda v: v == sales_to_break_even() - 1,
                 "So close! With that many sales the campaign is still a little short of its "
                 "cost: round the other way."),
            ],
            hint="Divide the campaign's spend by the profit on one sale (or use break_even).",
        ),
        reference=lambda: [sales_to_break_even(), float(sales_to_break_even())],
        wrong=_q2_wrong,
    ),
    Question(
        lesson=LESSON,
        id="q3",
        prompt=(f"Split ৳{SPLIT_TOTAL:,.0f} between {', '.join(SPLIT_PLATFORMS)} with "
                f"saturation={SPLIT_SATURATION} and the default prices. Which platform gets "
                "the most money?"),
        judge=choice(
            biggest_share,
            options=SPLIT_PLATFORMS,
            hint=("The cheapest first result is not the whole story: a platform that can "
                  "give many results stays cheap for longer. Run allocate_budget and read "
                  "the spend."),
        ),
        reference=lambda: [biggest_share()],
        wrong=lambda: [p for p in SPLIT_PLATFORMS if p != biggest_share()],
    ),
    Question(
        lesson=LESSON,
        id="q4",
        prompt=("At the best split, every funded platform's next result costs the same. "
                "Why?"),
        judge=choice(
            WHY_CORRECT,
            options=WHY_OPTIONS,
            hints={
                WHY_OPTIONS[0]: "The platforms start at different prices (look at "
                                "cost_per_result in the table).",
                WHY_OPTIONS[1]: "Look at the spend column: the amounts differ.",
                WHY_OPTIONS[3]: "Change one platform's saturation with the sliders: the "
                                "next-result costs of the funded platforms still match.",
            },
        ),
        reference=[WHY_CORRECT, WHY_CORRECT.upper()],
        wrong=[o for o in WHY_OPTIONS if o != WHY_CORRECT],
    ),
]
