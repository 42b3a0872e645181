"""Returns: ROI and break-even on profit (a ``margin`` is required), organic or paid.

ROI here is about **profit**: :func:`roi` and :func:`break_even` need a ``margin``, the share
of each sale the client keeps after making and delivering the goods (1 for donations);
:func:`check_margin` checks one and explains what it is.  :func:`organic_vs_paid` prices
the same results as hours of organic work and as paid spend.

>>> roi(30_000, 10_000, margin=0.4)
0.2
"""

from __future__ import annotations

import html
import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from smm_helpers.budget._numbers import _check_number, _g
from smm_helpers.budget.curve import _check_cost, spend_for_results
from smm_helpers.budget.money import EXAMPLE_FX_RATE, _check_fx, _currency, convert, show_money
from smm_helpers.budget.quote import FREELANCE_RATE_USD
from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _

__all__ = [
    "CHEAPER_NAMES",
    "MARGIN_FIX",
    "Comparison",
    "break_even",
    "check_margin",
    "organic_vs_paid",
    "roi",
]

CHEAPER_NAMES: Mapping[str, str] = MappingProxyType(
    {"organic": N_("organic"), "paid": N_("paid"), "equal": N_("equal")}
)
"""How :attr:`Comparison.cheaper` is shown to a learner (the values stay the data)."""

MARGIN_FIX = N_(
    "give margin=, the share of each sale that is profit after making and delivering the "
    "goods: e.g. margin=0.4 for a shop that keeps ৳40 of every ৳100 of sales, margin=1 for "
    "donations (a charity keeps the whole gift, before payment fees). If you only have "
    "revenue, use roas() (return on ad spend) instead"
)
"""The fix every missing or bad ``margin`` error gives (ROI needs profit, not revenue)."""


def check_margin(margin: object, who: str = "roi", name: str = "margin") -> float:
    """``margin`` as a float in (0, 1], or an InputError that explains what a margin is.

    ``who`` names the function that needs it and ``name`` the value in the message.

    >>> check_margin(0.4)
    0.4
    >>> check_margin(40)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: margin is 40, a percentage; write it as a share: 0.4 for 40%.
    How to fix it: give margin=, the share of each sale that is profit...
    """
    if margin is None:
        raise InputError(
            _("{who}() needs a margin: it counts profit, and revenue is not profit").format(
                who=who
            ),
            fix=_(MARGIN_FIX),
        )
    if (
        isinstance(margin, bool)
        or not isinstance(margin, numbers.Real)
        or not math.isfinite(margin)
    ):
        raise InputError(
            _("{name} must be a number between 0 and 1, not {kind} {value}").format(
                name=name, kind=type(margin).__name__, value=repr(margin)
            ),
            fix=_(MARGIN_FIX),
        )
    share = float(margin)
    if 1 < share <= 100:
        raise InputError(
            _(
                "{name} is {value}, a percentage; write it as a share: {share} for {percent}%"
            ).format(name=name, value=f"{share:g}", share=f"{share / 100:g}", percent=_g(share)),
            fix=_(MARGIN_FIX),
        )
    if not 0 < share <= 1:
        raise InputError(
            _("{name} is {value}, not between 0 (nothing kept) and 1 (all of it kept)").format(
                name=name, value=f"{share:g}"
            ),
            fix=_(MARGIN_FIX),
        )
    return share


def roi(revenue: float, spend: float, *, margin: float | None = None) -> float:
    """Return on investment: (profit − spend) ÷ spend, where profit = revenue × ``margin``.

    ``margin`` is **required**: the share of each sale that is left after making and
    delivering the goods (0.4 when a shop keeps ৳40 of every ৳100 of sales), or 1 for a
    charity's donations, which count whole (before payment fees).  ROI 0.5 means the
    campaign paid back its cost and half as much again; −1 means all the money was lost.
    For revenue ÷ spend (no margin needed) use ROAS, :func:`smm_helpers.metrics.roas`.

    A ROAS of 3 (৳30,000 of sales for ৳10,000 of ads) is a **loss** at a 25% margin, and a
    profit at 40%:

    >>> roi(30_000, 10_000, margin=0.25)
    -0.25
    >>> roi(30_000, 10_000, margin=0.4)
    0.2
    >>> roi(15_000, 10_000, margin=1)  # donations count whole
    0.5
    >>> roi(30_000, 10_000)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: roi() needs a margin: it counts profit, and revenue is not...
    How to fix it: give margin=, the share of each sale that is profit...
    >>> roi(5_000, 0, margin=1)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: spend is 0.
    How to fix it: ROI divides by the spend, so give a spend above 0.
    """
    r = _check_number(
        "revenue", revenue, fix=_("give the money the campaign brought in, 0 or more")
    )
    c = _check_number(
        "spend", spend, strict=True, fix=_("ROI divides by the spend, so give a spend above 0")
    )
    m = check_margin(margin, "roi")
    return (r * m - c) / c


def break_even(cost: float, value_per_result: float, *, margin: float | None = None) -> int:
    """How many results (sales, donations...) a campaign needs to pay back its cost.

    ``value_per_result`` is what one result brings in (a sale's price, a donation) and
    ``margin`` (**required**, as in :func:`roi`) the share of it the client keeps: each
    result pays back ``value_per_result × margin``.  The answer is rounded **up**.

    >>> break_even(cost=10_000, value_per_result=875, margin=0.4)  # ৳350 kept per sale: 28.6
    29
    >>> break_even(cost=10_000, value_per_result=250, margin=1)  # donations of ৳250
    40
    >>> break_even(cost=10_000, value_per_result=875)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: break_even() needs a margin: it counts profit, and revenue is...
    >>> break_even(cost=10_000, value_per_result=0, margin=1)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: value_per_result is 0.
    How to fix it: give what one result is worth, above 0; with no value it never breaks even.
    """
    c = _check_number("cost", cost, fix=_("give the campaign's cost, 0 or more"))
    v = _check_number(
        "value_per_result",
        value_per_result,
        strict=True,
        fix=_("give what one result is worth, above 0; with no value it never breaks even"),
    )
    m = check_margin(margin, "break_even")
    if c == 0:
        return 0
    needed = c / (v * m)
    whole = math.ceil(needed)
    if whole > 0 and math.isclose(needed, whole - 1, rel_tol=1e-9):
        whole -= 1  # 40.000000001 is 40 results that float arithmetic nudged up, not 41
    return max(1, whole)  # any cost at all needs at least one result


@dataclass(frozen=True)
class Comparison:
    """Organic effort and paid spend priced for the same number of results."""

    results: float
    currency: str
    organic_hours: float
    hourly_rate: float
    paid_cost: float

    @property
    def organic_cost(self) -> float:
        """Hours × hourly rate."""
        return self.organic_hours * self.hourly_rate

    @property
    def cheaper(self) -> str:
        """``"organic"``, ``"paid"`` or ``"equal"``."""
        if math.isclose(self.organic_cost, self.paid_cost):
            return "equal"
        return "organic" if self.organic_cost < self.paid_cost else "paid"

    def __str__(self) -> str:
        money = {"BDT": 0, "USD": 2}[self.currency]
        return _(
            "{results} results: organic {hours} h × {rate}/h = {organic}; paid {paid}; "
            "cheaper: {cheaper}"
        ).format(
            results=_g(self.results),
            hours=_g(self.organic_hours),
            rate=show_money(self.hourly_rate, self.currency, decimals=money),
            organic=show_money(self.organic_cost, self.currency),
            paid=show_money(self.paid_cost, self.currency),
            cheaper=_(CHEAPER_NAMES[self.cheaper]),
        )

    def _repr_html_(self) -> str:
        cells = (
            (_("organic ({hours} h)").format(hours=_g(self.organic_hours)), self.organic_cost),
            (_("paid"), self.paid_cost),
        )
        rows = "".join(
            f"<tr><td>{html.escape(label)}</td><td>{show_money(amount, self.currency)}</td></tr>"
            for label, amount in cells
        )
        cheaper = _("cheaper: {cheaper}").format(cheaper=_(CHEAPER_NAMES[self.cheaper]))
        cost = html.escape(_("cost"))
        return (
            f"<table><tr><th></th><th>{cost}</th></tr>{rows}</table><p>{html.escape(cheaper)}</p>"
        )


def organic_vs_paid(
    results: float,
    *,
    results_per_hour: float,
    cost_per_result: float,
    hourly_rate: float | None = None,
    saturation: float | None = None,
    currency: str = "BDT",
    fx_rate: float = EXAMPLE_FX_RATE,
) -> Comparison:
    """Price the same results two ways: organic (hours × hourly rate) or paid.

    Organic hours = results ÷ ``results_per_hour``; the hourly rate defaults to the lowest
    freelance rate of source article 004 (US$15, converted with ``fx_rate``), a rate for
    clients abroad: give ``hourly_rate=`` for local pay (sources.md#freelance-rates).  Paid cost is
    results × ``cost_per_result``, or, with a ``saturation``, the diminishing-returns spend
    of :func:`spend_for_results`.  Simple on purpose: it ignores that organic posts keep
    working after the campaign and that people's time has other uses.

    >>> print(organic_vs_paid(200, results_per_hour=20, cost_per_result=5,
    ...                       hourly_rate=500))
    200 results: organic 10 h × ৳500/h = ৳5,000; paid ৳1,000; cheaper: paid
    >>> organic_vs_paid(200, results_per_hour=0, cost_per_result=5)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: results_per_hour is 0.
    How to fix it: give how many results an hour of organic work brings, above 0.
    """
    code = _currency(currency)
    fx = _check_fx(fx_rate)
    wanted = _check_number("results", results, fix=_("give the results wanted, 0 or more"))
    per_hour = _check_number(
        "results_per_hour",
        results_per_hour,
        strict=True,
        fix=_("give how many results an hour of organic work brings, above 0"),
    )
    cost = _check_cost(cost_per_result)
    rate = (
        convert(FREELANCE_RATE_USD[0], "USD", code, fx_rate=fx)
        if hourly_rate is None
        else _check_number(
            "hourly_rate",
            hourly_rate,
            strict=True,
            fix=_("give what an hour of work costs, above 0"),
        )
    )
    paid = wanted * cost if saturation is None else spend_for_results(wanted, cost, saturation)
    return Comparison(wanted, code, wanted / per_hour, rate, paid)
