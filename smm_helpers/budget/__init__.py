"""Budgeting: organic or paid, how to split a paid budget, ROI, and a freelancer's quote.

ROI here is about **profit**: :func:`roi` and :func:`break_even` need a ``margin``, the share
of each sale the client keeps after making and delivering the goods (1 for donations).

Step 3 of a social media manager's job (source article 004) is budgeting: free (organic)
and paid promotion, chosen to suit the client's goals.  This package gives the numbers.

**The model of paid results.**  Money spent on one platform buys results (clicks,
sign-ups, donations...) with *diminishing returns*: the first taka buys results at the
platform's starting cost per result, and each further taka buys a little less, because
the ads reach people who care less, or the same people again.  We use

    r(s) = a · (1 − exp(−s / (a · c)))

where ``s`` is the spend, ``c`` the **cost per result at the start** (the first result
costs about ``c``) and ``a`` the **saturation**: the most results the platform could ever
give, however much you spend (think: the reachable audience).  We chose this form rather
than ``a · log(1 + s/c)`` because results *stop* growing at ``a`` (audiences are finite),
because both numbers mean something a learner can estimate, and because its marginal cost
per result has a simple form, ``c · exp(s / (a · c))``: it starts at ``c`` and doubles
every ``a · c · ln 2`` of spend.

**Splitting a budget.**  Every ``r`` is concave, so the best split of a total (with a
minimum per platform) is exact and easy: keep adding money where the next result is
cheapest, until all funded platforms have the *same marginal cost per result*.
:func:`allocate_budget` finds that common marginal cost by bisection (it is the inverse of
the Lagrange multiplier of the budget constraint; the "water level" of water-filling) and
then solves for it in closed form.  Equal marginal cost is the teachable point: if one
platform's next result were cheaper, moving a taka to it would buy more.

Default costs per result are the platforms' illustrative Bangladesh cost per click
(:attr:`smm_helpers.platforms.PlatformProfile.cpc_bdt`: Meta about 5 BDT per click, from
anecdotal Bengali agency pages, UNCERTAIN; other platforms scaled from it).  The default
saturation, :data:`DEFAULT_SATURATION`, is a course assumption.  Change both.

>>> split = allocate_budget(10_000, ["facebook", "instagram"])
>>> {p: format_money(s) for p, s in split.spend.items()}
{'facebook': '৳5,000', 'instagram': '৳5,000'}
>>> format_money(1250000, "BDT", lakh=True)
'৳12,50,000'

The package, one job per module, each importing only the ones listed before it:

* ``_numbers`` — the number checks they all share;
* ``money`` — :func:`show_money`, :func:`convert`, :func:`format_money` and the currencies;
* ``curve`` — the response curve of one platform: :func:`expected_results`,
  :func:`marginal_cost`, :func:`spend_for_results`, :func:`default_cost_per_result`;
* ``allocation`` — :class:`Allocation`, :func:`allocate_budget`, :func:`what_if`;
* ``quote`` — a freelancer's quote: :class:`Quote`, :func:`freelance_quote`;
* ``returns`` — :func:`check_margin`, :func:`roi`, :func:`break_even`, and
  :class:`Comparison` from :func:`organic_vs_paid`.
"""

from __future__ import annotations

# ``name as name``: public before the package too, but not in ``__all__``.
from smm_helpers.budget.allocation import (
    META_BOOST_MINIMUM_USD_PER_DAY,
    Allocation,
    allocate_budget,
    what_if,
)
from smm_helpers.budget.curve import (
    DEFAULT_SATURATION,
    default_cost_per_result,
    expected_results,
    marginal_cost,
    spend_for_results,
)
from smm_helpers.budget.money import CURRENCIES, EXAMPLE_FX_RATE, convert, format_money, show_money
from smm_helpers.budget.quote import FREELANCE_LEVELS, FREELANCE_RATE_USD, Quote, freelance_quote
from smm_helpers.budget.quote import LEVEL_NAMES as LEVEL_NAMES
from smm_helpers.budget.returns import CHEAPER_NAMES as CHEAPER_NAMES
from smm_helpers.budget.returns import MARGIN_FIX as MARGIN_FIX
from smm_helpers.budget.returns import (
    Comparison,
    break_even,
    check_margin,
    organic_vs_paid,
    roi,
)

__all__ = [
    "CURRENCIES",
    "DEFAULT_SATURATION",
    "EXAMPLE_FX_RATE",
    "FREELANCE_LEVELS",
    "FREELANCE_RATE_USD",
    "META_BOOST_MINIMUM_USD_PER_DAY",
    "Allocation",
    "Comparison",
    "Quote",
    "allocate_budget",
    "break_even",
    "check_margin",
    "convert",
    "default_cost_per_result",
    "expected_results",
    "format_money",
    "freelance_quote",
    "marginal_cost",
    "organic_vs_paid",
    "roi",
    "show_money",
    "spend_for_results",
    "what_if",
]
