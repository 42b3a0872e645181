"""Splitting a paid budget between platforms: the best split, and what-if tables.

Every platform's response curve is concave, so the best split of a total is the one where
every funded platform's next result costs the same (:func:`allocate_budget`, exact, by
water-filling); :func:`what_if` shows how results and costs change with the total.

>>> split = allocate_budget(10_000, ["facebook", "instagram"])
>>> {p: round(s) for p, s in split.spend.items()}
{'facebook': 5000, 'instagram': 5000}
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

from smm_helpers.budget._numbers import _check_number
from smm_helpers.budget.curve import (
    DEFAULT_SATURATION,
    _check_cost,
    _check_saturation,
    _exp,
    default_cost_per_result,
)
from smm_helpers.budget.money import EXAMPLE_FX_RATE, _check_fx, _currency, show_money
from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import format_number
from smm_helpers.platforms import PlatformRegistry, get_platform, known_platforms

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["META_BOOST_MINIMUM_USD_PER_DAY", "Allocation", "allocate_budget", "what_if"]

META_BOOST_MINIMUM_USD_PER_DAY = 1.0
"""Facebook/Meta boosting minimum, US$1 a day (anecdotal Bengali agency/blog pages,
UNCERTAIN; sources.md#bd-boosting-anecdotes).  A 30-day boost therefore needs at least
US$30 on that platform."""


@dataclass(frozen=True)
class Allocation:
    """The best split of a paid budget, with what each platform is expected to give.

    ``marginal_cost`` is what the next result would cost on each platform at this split:
    equal on every platform that gets more than its minimum (``level``), higher on a
    platform held at its minimum.  All money is in ``currency``.
    """

    total: float
    currency: str
    spend: Mapping[str, float] = field(hash=False)
    results: Mapping[str, float] = field(hash=False)
    marginal_cost: Mapping[str, float] = field(hash=False)
    cost_per_result: Mapping[str, float] = field(hash=False)
    saturation: Mapping[str, float] = field(hash=False)
    minimum: Mapping[str, float] = field(hash=False)
    names: Mapping[str, str] = field(hash=False)

    @property
    def platforms(self) -> tuple[str, ...]:
        """The platforms the budget was split between."""
        return tuple(self.spend)

    @property
    def total_results(self) -> float:
        """Expected results from the whole budget."""
        return sum(self.results.values())

    @property
    def average_cost_per_result(self) -> float:
        """Total spend ÷ total results (``nan`` when nothing was spent)."""
        results = self.total_results
        return sum(self.spend.values()) / results if results > 0 else math.nan

    @property
    def funded(self) -> tuple[str, ...]:
        """Platforms given more than their minimum (they share one marginal cost)."""
        return tuple(
            p for p in self.spend if self.spend[p] > self.minimum[p] + 1e-9 * (1 + self.total)
        )

    @property
    def level(self) -> float:
        """The common marginal cost per result of the funded platforms (``nan`` if none)."""
        funded = self.funded
        return max(self.marginal_cost[p] for p in funded) if funded else math.nan

    def to_frame(self) -> pd.DataFrame:
        """One row per platform: spend, results, start/average/marginal cost per result."""
        import pandas as pd  # heavy: loaded on first use

        rows = []
        for p in self.platforms:
            spend, results = self.spend[p], self.results[p]
            rows.append(
                {
                    "platform": p,
                    "spend": spend,
                    "results": results,
                    "start_cost_per_result": self.cost_per_result[p],
                    "average_cost_per_result": spend / results if results > 0 else math.nan,
                    "marginal_cost_per_result": self.marginal_cost[p],
                    "minimum": self.minimum[p],
                    "at_minimum": p not in self.funded,
                }
            )
        return pd.DataFrame(rows).set_index("platform")

    def _money(self, amount: float, decimals: int | None = None) -> str:
        if math.isinf(amount):
            return _("∞ (saturated)")
        return show_money(amount, self.currency, decimals=decimals)

    def __str__(self) -> str:
        lines = [
            _("Best split of {total} (expected {results} results):").format(
                total=self._money(self.total), results=format_number(self.total_results)
            )
        ]
        for p in self.platforms:
            if p in self.funded:
                line = _("{platform} {spend}  {results} results  next result costs {next_cost}")
            elif self.minimum[p] > 0:
                line = _(
                    "{platform} {spend}  {results} results  next result costs "
                    "{next_cost} (held at its minimum)"
                )
            else:
                line = _(
                    "{platform} {spend}  {results} results  next result costs "
                    "{next_cost} (not worth funding yet)"
                )
            lines.append(
                "  "
                + line.format(
                    platform=_(self.names[p]).ljust(12),
                    spend=self._money(self.spend[p]).rjust(12),
                    results=format_number(self.results[p]).rjust(9),
                    next_cost=self._money(self.marginal_cost[p], 2),
                )
            )
        if self.funded:
            lines.append(
                _(
                    "Every funded platform's next result costs the same, {level}: "
                    "moving money would buy fewer results."
                ).format(level=self._money(self.level, 2))
            )
        return "\n".join(lines)

    def __repr__(self) -> str:
        spend = {p: round(s, 2) for p, s in self.spend.items()}
        return f"Allocation(total={self.total:g}, currency={self.currency!r}, spend={spend})"

    def _repr_html_(self) -> str:
        held = html.escape(_("at minimum"))
        rows = "".join(
            f"<tr><td>{html.escape(_(self.names[p]))}</td><td>{self._money(self.spend[p])}</td>"
            f"<td>{format_number(self.results[p])}</td>"
            f"<td>{self._money(self.marginal_cost[p], 2)}</td>"
            f"<td>{'' if p in self.funded else held}</td></tr>"
            for p in self.platforms
        )
        heads = "".join(
            f"<th>{html.escape(h)}</th>"
            for h in (_("platform"), _("spend"), _("expected results"), _("next result costs"), "")
        )
        total = _("Total {total}, expected {results} results.").format(
            total=self._money(self.total), results=format_number(self.total_results)
        )
        return f"<table><tr>{heads}</tr>{rows}</table><p>{html.escape(total)}</p>"


def _per_platform(
    name: str,
    value: float | Mapping[str, float] | None,
    ids: Sequence[str],
    registry: PlatformRegistry | None,
) -> dict[str, float | None]:
    """Spread a number (or a per-platform mapping) over ``ids``; ``None`` means default."""
    if value is None or isinstance(value, int | float):
        return dict.fromkeys(ids, value)
    found: dict[str, float | None] = dict.fromkeys(ids)
    for key, number in value.items():
        pid = get_platform(key, registry=registry).id
        if pid not in found:
            raise InputError(
                _("{name} names {key}, which is not among the platforms {platforms}").format(
                    name=name, key=repr(key), platforms=list(ids)
                ),
                fix=_("add {platform} to platforms, or remove it from {name}").format(
                    platform=repr(pid), name=name
                ),
            )
        found[pid] = number
    return found


def _water_level(
    total: float, cost: Sequence[float], scale: Sequence[float], minimum: Sequence[float]
) -> list[float]:
    """Exact spends maximising Σ a·(1 − exp(−s/k)) with Σ s = total and s ≥ minimum.

    ``scale`` is k = a·c.  At a marginal-cost level μ = c_min·e^δ (μ is 1 ÷ the Lagrange
    multiplier of the budget), platform i spends max(m, m + k·(δ − t)), where
    t = ln(c/c_min) + m/k is the level at which it starts getting more than its minimum.
    Total spend grows with δ, so we bisect on δ over those starting levels to find which
    platforms are funded, then solve δ for them in closed form: exact, in log2(n) steps,
    and with δ measured from the cheapest platform so that tiny budgets stay precise.
    """
    n = len(cost)
    if total <= sum(minimum):
        return list(minimum)
    cheapest = min(math.log(c) for c in cost)
    starts = [math.log(cost[i]) - cheapest + minimum[i] / scale[i] for i in range(n)]

    def spent(delta: float) -> float:
        return sum(minimum[i] + scale[i] * max(0.0, delta - starts[i]) for i in range(n))

    order = sorted(range(n), key=starts.__getitem__)
    low, high = 0, n - 1  # spent at the first start is the sum of minimums, below total
    while low < high:
        middle = (low + high + 1) // 2
        if spent(starts[order[middle]]) < total:
            low = middle
        else:
            high = middle - 1
    funded = order[: low + 1]
    held = sum(minimum[i] for i in order[low + 1 :])
    delta = (total - held - sum(minimum[i] - scale[i] * starts[i] for i in funded)) / sum(
        scale[i] for i in funded
    )
    return [
        minimum[i] + scale[i] * max(0.0, delta - starts[i]) if i in funded else minimum[i]
        for i in range(n)
    ]


def allocate_budget(
    total: float,
    platforms: Iterable[str] | None = None,
    *,
    cost_per_result: float | Mapping[str, float] | None = None,
    saturation: float | Mapping[str, float] | None = None,
    minimum: float | Mapping[str, float] = 0.0,
    currency: str = "BDT",
    fx_rate: float = EXAMPLE_FX_RATE,
    registry: PlatformRegistry | None = None,
) -> Allocation:
    """Split a paid budget between platforms to get the most expected results.

    ``total``, ``cost_per_result`` and ``minimum`` are in ``currency`` (BDT or USD, with
    ``fx_rate`` taka per US$ to convert the default prices).  ``cost_per_result``,
    ``saturation`` and ``minimum`` are one number for every platform or a mapping per
    platform; a platform left out gets the default (:func:`default_cost_per_result`,
    :data:`DEFAULT_SATURATION`, 0).  ``platforms`` defaults to every platform with a
    default price.  Since every extra taka buys some results, the whole total is spent.

    >>> split = allocate_budget(3000, ["facebook", "linkedin"],
    ...                         cost_per_result={"facebook": 5, "linkedin": 20},
    ...                         saturation=1000)
    >>> {p: round(s) for p, s in split.spend.items()}
    {'facebook': 3000, 'linkedin': 0}
    >>> split = allocate_budget(30_000, ["facebook", "linkedin"],
    ...                         cost_per_result={"facebook": 5, "linkedin": 20},
    ...                         saturation=1000)
    >>> {p: round(s) for p, s in split.spend.items()}
    {'facebook': 11545, 'linkedin': 18455}
    >>> {p: round(m, 2) for p, m in split.marginal_cost.items()}  # equal at the optimum
    {'facebook': 50.32, 'linkedin': 50.32}
    >>> allocate_budget(1000, ["facebook", "instagram"], minimum=600)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: the total ৳1,000 is below the minimums, which add up to ৳1,200.
    How to fix it: raise the total to at least ৳1,200, lower the minimums, or use fewer platforms.
    """
    code = _currency(currency)
    fx = _check_fx(fx_rate)
    budget = _check_number(
        "total", total, fix=_("give the budget as an amount of money, 0 or more")
    )
    if platforms is None:
        ids = [
            p
            for p in known_platforms(registry)
            if get_platform(p, registry=registry).cpc_bdt is not None
        ]
    else:
        ids = list(dict.fromkeys(get_platform(p, registry=registry).id for p in platforms))
    if not ids:
        raise InputError(
            _("no platform was given"),
            fix=_("give at least one platform, e.g. {example}").format(
                example="['facebook', 'instagram']"
            ),
        )
    costs = _per_platform("cost_per_result", cost_per_result, ids, registry)
    sats = _per_platform("saturation", saturation, ids, registry)
    mins = _per_platform("minimum", minimum, ids, registry)
    c = {
        p: _check_cost(costs[p], p)
        if costs[p] is not None
        else default_cost_per_result(p, code, fx_rate=fx, registry=registry)
        for p in ids
    }
    a = {
        p: _check_saturation(sats[p], p) if sats[p] is not None else DEFAULT_SATURATION for p in ids
    }
    m = {
        p: _check_number(
            _("minimum for {platform}").format(platform=p),
            mins[p] or 0.0,
            fix=_("give the least you must spend there, 0 or more"),
        )
        for p in ids
    }
    floor = sum(m.values())
    if budget < floor:
        raise InputError(
            _("the total {total} is below the minimums, which add up to {floor}").format(
                total=show_money(budget, code), floor=show_money(floor, code)
            ),
            fix=_(
                "raise the total to at least {floor}, lower the minimums, or use fewer platforms"
            ).format(floor=show_money(floor, code)),
        )
    spend = _water_level(
        budget, [c[p] for p in ids], [a[p] * c[p] for p in ids], [m[p] for p in ids]
    )
    spent = dict(zip(ids, spend, strict=True))
    return Allocation(
        total=budget,
        currency=code,
        spend=MappingProxyType(spent),
        results=MappingProxyType({p: a[p] * -math.expm1(-spent[p] / (a[p] * c[p])) for p in ids}),
        marginal_cost=MappingProxyType({p: c[p] * _exp(spent[p] / (a[p] * c[p])) for p in ids}),
        cost_per_result=MappingProxyType(c),
        saturation=MappingProxyType(a),
        minimum=MappingProxyType(m),
        names=MappingProxyType({p: get_platform(p, registry=registry).name for p in ids}),
    )


def what_if(
    total_budgets: Iterable[float], platforms: Iterable[str] | None = None, **options: object
) -> pd.DataFrame:
    """Expected results and cost per result at several budgets: diminishing returns in a table.

    ``options`` are passed to :func:`allocate_budget`.  Returns a new DataFrame with one row
    per budget: ``results``, ``average_cost_per_result``, ``marginal_cost_per_result`` and
    the spend per platform.

    >>> table = what_if([1000, 10_000, 100_000], ["facebook"], saturation=5000)
    >>> table["results"].round().tolist()
    [196.0, 1648.0, 4908.0]
    >>> what_if([])
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: no budget was given.
    How to fix it: give a list of totals to compare, e.g. [5000, 10000, 20000].
    """
    import pandas as pd  # heavy: loaded on first use

    budgets = list(total_budgets)
    if not budgets:
        raise InputError(
            _("no budget was given"),
            fix=_("give a list of totals to compare, e.g. {example}").format(
                example="[5000, 10000, 20000]"
            ),
        )
    chosen = list(platforms) if platforms is not None else None
    rows = []
    for budget in budgets:
        split = allocate_budget(budget, chosen, **options)  # type: ignore[arg-type]
        rows.append(
            {
                "budget": split.total,
                "results": split.total_results,
                "average_cost_per_result": split.average_cost_per_result,
                "marginal_cost_per_result": split.level,
                **{f"spend_{p}": s for p, s in split.spend.items()},
            }
        )
    return pd.DataFrame(rows)
