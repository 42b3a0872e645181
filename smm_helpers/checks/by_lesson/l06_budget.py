"""Self-checks for lesson 06 · Budgeting: ROI, break-even, the best split, equal marginal cost.

ROI and break-even count profit, so both use a margin: Alo Reading Circle's donations count
whole (1) and Nakshi Ghor keeps about 40% of each sale (an illustrative course assumption,
:data:`smm_helpers.metrics.COURSE_MARGINS`).

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

from smm_helpers.budget import allocate_budget, break_even, roi
from smm_helpers.checks.core import Question
from smm_helpers.checks.judges import choice, number
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.numbers import format_number, format_percent

LESSON = "06-budget"

ROI_RULE = ("nonprofit", "donations", "last")
"""Question 1's campaign: Alo Reading Circle's last donations campaign of the year (the one
that started latest).  Chosen by rule, not by id, so it survives a rebuild of the data."""

BREAK_EVEN_RULE = ("business", "sales", "first")
"""Question 2's campaign: Nakshi Ghor's first sales campaign of the year."""

SHOP_MARGIN = 0.4
"""Question 2's assumption: Nakshi Ghor keeps ৳40 of every ৳100 of sales (illustrative)."""

CHARITY_MARGIN = 1.0
"""Question 1: a donation counts whole (before payment fees)."""

SPLIT_TOTAL = 25_000.0
SPLIT_PLATFORMS = ("facebook", "instagram", "youtube")
SPLIT_SATURATION = {"facebook": 3_000.0, "instagram": 6_000.0, "youtube": 2_000.0}
"""Question 3's split: default (illustrative) prices, these saturations, ৳25,000 in total."""

WHY_CORRECT = N_("otherwise moving money would buy more results")
WHY_OPTIONS = (
    N_("every platform charges the same"),
    N_("the budget is split equally"),
    WHY_CORRECT,
    N_("saturation is the same everywhere"),
)
"""Question 4's options in the order the lesson's quiz shows them (the quiz's static view
uses the first option as its example, so the right one is not first)."""


@cache
def pick_campaign(client: str, objective: str, which: str) -> str:
    """The id of a client's ``"first"`` or ``"last"`` campaign with ``objective`` (by start).

    >>> pick_campaign(*ROI_RULE).startswith("NP-CMP-")
    True
    """
    from smm_helpers.datasets import load_campaigns  # heavy: loads numpy, pandas on first use

    campaigns = load_campaigns()
    chosen = campaigns[(campaigns["client"] == client) & (campaigns["objective"] == objective)]
    ordered = chosen.sort_values(["start_date", "campaign_id"])
    return str(ordered["campaign_id"].iloc[-1 if which == "last" else 0])


@cache
def _campaign(campaign_id: str) -> tuple[float, float, float]:
    """(conversion value, spend, conversions) of one campaign in the course data."""
    from smm_helpers.datasets import load_campaigns  # heavy: loads numpy, pandas on first use

    campaigns = load_campaigns()
    row = campaigns.loc[campaigns["campaign_id"] == campaign_id].iloc[0]
    return float(row["conversion_value"]), float(row["spend"]), float(row["conversions"])


def roi_campaign() -> str:
    """Question 1's campaign id (see :data:`ROI_RULE`)."""
    return pick_campaign(*ROI_RULE)


def break_even_campaign() -> str:
    """Question 2's campaign id (see :data:`BREAK_EVEN_RULE`)."""
    return pick_campaign(*BREAK_EVEN_RULE)


@cache
def average_sale() -> float:
    """Question 2: the average sale of its campaign, conversion value ÷ conversions.

    >>> average_sale() > 0
    True
    """
    value, _, sales = _campaign(break_even_campaign())
    return value / sales


@cache
def campaign_roi() -> float:
    """Question 1: the ROI of Alo's last donations campaign, as a fraction.

    >>> campaign_roi() > 0
    True
    """
    value, spend, _ = _campaign(roi_campaign())
    return roi(value, spend, margin=CHARITY_MARGIN)


@cache
def sales_to_break_even() -> int:
    """Question 2: the sales Nakshi Ghor's first sales campaign needed to pay back its spend.

    >>> sales_to_break_even() >= 1
    True
    """
    _, spend, _ = _campaign(break_even_campaign())
    return break_even(cost=spend, value_per_result=average_sale(), margin=SHOP_MARGIN)


def _without_margin() -> int:
    """Break-even if every taka of sales were profit (the margin forgotten)."""
    _, spend, _ = _campaign(break_even_campaign())
    return math.ceil(spend / average_sale())


@cache
def biggest_share() -> str:
    """Question 3: the platform the best split gives the most money.

    >>> biggest_share() in SPLIT_PLATFORMS
    True
    """
    split = allocate_budget(SPLIT_TOTAL, list(SPLIT_PLATFORMS), saturation=SPLIT_SATURATION)
    return max(split.platforms, key=lambda p: split.spend[p])


def _divided_by_value(answer: float) -> bool:
    value, spend, _ = _campaign(roi_campaign())
    return value > 0 and math.isclose(answer, (value - spend) / value, rel_tol=0.01)


def _q1_wrong() -> list[Any]:
    value, spend, _ = _campaign(roi_campaign())
    right = campaign_roi()
    return [value / spend, right * 100, (value - spend) / value, -right, value - spend]


def _q2_wrong() -> list[Any]:
    _, spend, _ = _campaign(break_even_campaign())
    exact = spend / (average_sale() * SHOP_MARGIN)
    return [math.floor(exact), round(exact, 2), spend, _without_margin()]


QUESTIONS = [
    Question(
        lesson=LESSON,
        id="q1",
        prompt=(
            N_(
                "What was the ROI of Alo Reading Circle's last donations campaign of 2025 "
                "(the one that started latest)? Its donations count whole (margin 1). Give "
                "it as a fraction to 2 decimal places (0.5 means 50% profit on the cost)."
            )
        ),
        judge=number(
            campaign_roi,
            places=2,
            what=N_("the ROI as a number"),
            mistakes=[
                (
                    lambda v: math.isclose(v, campaign_roi() + 1, rel_tol=0.01),
                    N_(
                        "That is revenue ÷ spend, the return on ad spend (ROAS). ROI first takes "
                        "the spend away from the profit (here the donations, whole)."
                    ),
                ),
                (
                    lambda v: math.isclose(v, campaign_roi() * 100, rel_tol=0.01),
                    N_("That looks like a percentage: give the ROI as a fraction."),
                ),
                (
                    lambda v: math.isclose(v, -campaign_roi(), rel_tol=0.01),
                    N_(
                        "The sign is flipped: a campaign that brought in more than it cost has a "
                        "positive ROI."
                    ),
                ),
                (
                    _divided_by_value,
                    N_(
                        "Check what you divided by: ROI divides the profit by the cost, not by "
                        "the value."
                    ),
                ),
            ],
            hint=N_(
                "Check you took the right campaign (client, objective, latest start_date), "
                "then use its conversion_value and spend: roi(revenue, spend, margin=1), or "
                "(donations − spend) ÷ spend."
            ),
        ),
        reference=lambda: [campaign_roi()],
        wrong=_q1_wrong,
    ),
    Question(
        lesson=LESSON,
        id="q2",
        prompt=N_(
            "Nakshi Ghor keeps about {margin} of each sale (illustrative). "
            "Its first sales campaign of 2025 had an average sale of conversion_value ÷ "
            "conversions. How many sales did that campaign need to pay back its spend?"
        ),
        facts=lambda: {"margin": format_percent(SHOP_MARGIN, 0)},
        judge=number(
            sales_to_break_even,
            rel_tol=0.0,
            abs_tol=1e-9,
            what=N_("a whole number of sales"),
            mistakes=[
                (
                    lambda v: not float(v).is_integer(),
                    N_("Nobody buys part of a cushion cover: give a whole number of sales."),
                ),
                (
                    lambda v: v == sales_to_break_even() - 1,
                    N_(
                        "So close! With that many sales the campaign is still a little short of "
                        "its "
                        "cost: round the other way."
                    ),
                ),
                (
                    lambda v: v == _without_margin(),
                    N_(
                        "That counts every taka of a sale as profit. The shop keeps only 40% of "
                        "it; "
                        "the rest pays for making and delivering the goods."
                    ),
                ),
            ],
            hint=(
                N_(
                    "Each sale pays back its price × the margin. Divide the spend by that (or "
                    "use break_even(cost=..., value_per_result=..., margin=0.4))."
                )
            ),
        ),
        reference=lambda: [sales_to_break_even(), float(sales_to_break_even())],
        wrong=_q2_wrong,
    ),
    Question(
        lesson=LESSON,
        id="q3",
        prompt=N_(
            "Split ৳{total} between {platforms} with saturation={saturation} and the "
            "default prices. Which platform gets the most money?"
        ),
        facts=lambda: {
            "total": format_number(SPLIT_TOTAL),
            "platforms": ", ".join(SPLIT_PLATFORMS),
            "saturation": str(SPLIT_SATURATION),
        },
        judge=choice(
            biggest_share,
            options=SPLIT_PLATFORMS,
            hint=(
                N_(
                    "The cheapest first result is not the whole story: a platform that can "
                    "give many results stays cheap for longer. Run allocate_budget and read "
                    "the spend."
                )
            ),
        ),
        reference=lambda: [biggest_share()],
        wrong=lambda: [p for p in SPLIT_PLATFORMS if p != biggest_share()],
    ),
    Question(
        lesson=LESSON,
        id="q4",
        prompt=(N_("At the best split, every funded platform's next result costs the same. Why?")),
        judge=choice(
            WHY_CORRECT,
            options=WHY_OPTIONS,
            hints={
                WHY_OPTIONS[0]: N_(
                    "The platforms start at different prices (look at "
                    "cost_per_result in the table)."
                ),
                WHY_OPTIONS[1]: N_("Look at the spend column: the amounts differ."),
                WHY_OPTIONS[3]: N_(
                    "Change one platform's saturation with the sliders: the "
                    "next-result costs of the funded platforms still match."
                ),
            },
        ),
        reference=[WHY_CORRECT, WHY_CORRECT.upper()],
        wrong=[o for o in WHY_OPTIONS if o != WHY_CORRECT],
    ),
]
