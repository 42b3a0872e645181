"""Budgeting: organic or paid, how to split a paid budget, ROI, and a freelancer's quote.

ROI here is about **profit**: :func:`roi` and :func:`break_even` need a ``margin``, the share
of each sale the client keeps after making and delivering the goods (1 for donations).

Step 3 of a social media manager's job (source article 004) is budgeting: free (organic)
and paid promotion, chosen to suit the client's goals.  This module gives the numbers.

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
"""

from __future__ import annotations

import html
import math
import numbers
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

from smm_helpers.errors import InputError, unknown_choice
from smm_helpers.i18n.messages import N_, current_language
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits, format_number
from smm_helpers.platforms import PlatformRegistry, get_platform, known_platforms

if TYPE_CHECKING:
    import pandas as pd

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

CURRENCIES: tuple[str, ...] = ("BDT", "USD")

EXAMPLE_FX_RATE = 122.0
"""Taka per US dollar used when you give no ``fx_rate``: an EXAMPLE, about the level of
2025 (no source; UNCERTAIN).  Rates move and nothing here fetches them: pass
today's rate as ``fx_rate=`` when the answer matters."""

META_BOOST_MINIMUM_USD_PER_DAY = 1.0
"""Facebook/Meta boosting minimum, US$1 a day (anecdotal Bengali agency/blog pages,
UNCERTAIN; sources.md#bd-boosting-anecdotes).  A 30-day boost therefore needs at least
US$30 on that platform."""

DEFAULT_SATURATION = 5_000.0
"""Results a month one platform can give at most (course assumption, illustrative): a small
page's reachable audience clicks about this many times.  Pass ``saturation=`` to change it."""

FREELANCE_RATE_USD = (15.0, 40.0)
"""A social media manager earns US$15–40 an hour, experts more (source article 004).  That is
what freelancers charge clients abroad; local pay in Bangladesh is far lower
(sources.md#freelance-rates), so pass your own ``hourly_rate=`` for a local quote."""

FREELANCE_LEVELS: Mapping[str, tuple[float, float]] = MappingProxyType({
    "junior": (15.0, 25.0),
    "mid": (25.0, 40.0),
    "expert": (40.0, 60.0),
})
"""Hourly bands in US$.  The article gives only $15–40 and "experts more"; the split at $25
and the experts' $60 ceiling are course assumptions (UNCERTAIN)."""

_CURRENCY_ALIASES = {
    "bdt": "BDT", "tk": "BDT", "taka": "BDT", "৳": "BDT",
    "usd": "USD", "$": "USD", "us$": "USD", "dollar": "USD", "dollars": "USD",
}
_SYMBOLS = {"BDT": "৳", "USD": "$"}
LEVEL_NAMES: Mapping[str, str] = MappingProxyType({
    "junior": N_("junior"), "mid": N_("mid-level"), "expert": N_("expert")})
"""How each freelance level is shown to a learner (the keys stay the data)."""
CHEAPER_NAMES: Mapping[str, str] = MappingProxyType({
    "organic": N_("organic"), "paid": N_("paid"), "equal": N_("equal")})
"""How :attr:`Comparison.cheaper` is shown to a learner (the values stay the data)."""


# --------------------------------------------------------------------------------------
# Money
# --------------------------------------------------------------------------------------


def _currency(currency: str) -> str:
    key = currency.strip().lower() if isinstance(currency, str) else currency
    if key not in _CURRENCY_ALIASES:
        raise unknown_choice("currency", currency, CURRENCIES)
    return _CURRENCY_ALIASES[key]


def _check_number(name: str, value: object, *, fix: str, minimum: float = 0.0,
                  strict: bool = False) -> float:
    """``value`` as a float, or an InputError when it is not a number ≥ (or >) ``minimum``."""
    ok = (isinstance(value, numbers.Real) and not isinstance(value, bool)
          and math.isfinite(value))
    if ok and (value > minimum if strict else value >= minimum):  # type: ignore[operator]
        return float(value)  # type: ignore[arg-type]
    raise InputError(_("{name} is {value}").format(name=name, value=repr(value)), fix=fix)


def _g(value: float) -> str:
    """A number written short (``{:g}``), in the chosen language's digits."""
    return digits(f"{value:g}")


def _range() -> str:
    """The article's hourly range, ``$15–40``, in the chosen language's digits."""
    low, high = FREELANCE_RATE_USD
    return digits(f"${low:g}–{high:g}")


def show_money(amount: float, currency: str = "BDT", *, decimals: int | None = None) -> str:
    """Money as a reader of the chosen language writes it: :func:`format_money` in English,
    Bengali digits with the lakh grouping in Bengali (``৳১২,৫০,০০০``).

    >>> show_money(1250000)
    '৳1,250,000'
    >>> from smm_helpers.i18n.messages import in_language
    >>> with in_language("bn"):
    ...     show_money(1250000)
    '৳১২,৫০,০০০'
    """
    if current_language() == "en":
        return format_money(amount, currency, decimals=decimals)
    return digits(format_money(amount, currency, decimals=decimals, lakh=True))


def _check_fx(fx_rate: float) -> float:
    return _check_number("fx_rate", fx_rate, strict=True,
                         fix=_("give the exchange rate as taka per US dollar, e.g. 122"))


def convert(amount: float, from_currency: str, to_currency: str, *,
            fx_rate: float = EXAMPLE_FX_RATE) -> float:
    """Convert money between taka and dollars with an explicit rate (taka per US$).

    >>> convert(100, "USD", "BDT", fx_rate=120)
    12000.0
    >>> convert(6000, "BDT", "USD", fx_rate=120)
    50.0
    >>> convert(5, "EUR", "BDT")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'EUR' is not a currency SMM Lab knows.
    How to fix it: use one of: BDT, USD.
    """
    source, target = _currency(from_currency), _currency(to_currency)
    rate = _check_fx(fx_rate)
    if source == target:
        return float(amount)
    return float(amount) * rate if source == "USD" else float(amount) / rate


def _lakh_group(whole: int) -> str:
    """12500000 → '1,25,00,000' (the South Asian lakh/crore grouping)."""
    digits = str(whole)
    if len(digits) <= 3:
        return digits
    head, tail = digits[:-3], digits[-3:]
    pairs: list[str] = []
    while len(head) > 2:
        pairs.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([head, *pairs, tail])


def format_money(amount: float, currency: str = "BDT", *, decimals: int | None = None,
                 lakh: bool = False) -> str:
    """Money as people write it: ``৳12,500`` or ``$125.00``.

    Taka are shown whole and dollars with cents unless you give ``decimals``;
    ``lakh=True`` groups taka the South Asian way (১২,৫০,০০০ style: ``৳12,50,000``).

    >>> format_money(12500)
    '৳12,500'
    >>> format_money(125, "USD")
    '$125.00'
    >>> format_money(-4.756, "BDT", decimals=2)
    '-৳4.76'
    >>> format_money(float("nan"))
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: amount is nan.
    How to fix it: give a finite number of money.
    """
    code = _currency(currency)
    if not isinstance(amount, int | float) or not math.isfinite(amount):
        raise InputError(_("{name} is {value}").format(name="amount", value=repr(amount)),
                         fix=_("give a finite number of money"))
    places = decimals if decimals is not None else (0 if code == "BDT" else 2)
    sign = "-" if round(amount, places) < 0 else ""
    size = round(abs(amount), places)
    whole = int(size)
    text = _lakh_group(whole) if lakh else f"{whole:,}"
    if places > 0:
        text += f"{size:.{places}f}"[-(places + 1):]
    return f"{sign}{_SYMBOLS[code]}{text}"


# --------------------------------------------------------------------------------------
# The model
# --------------------------------------------------------------------------------------


def expected_results(spend: float, cost_per_result: float, saturation: float) -> float:
    """Results the model expects from ``spend`` on one platform: a·(1 − exp(−s/(a·c))).

    >>> round(expected_results(1000, cost_per_result=5, saturation=5000), 1)  # about 1000/5
    196.1
    >>> expected_results(10**9, cost_per_result=5, saturation=5000)  # never above saturation
    5000.0
    >>> expected_results(100, cost_per_result=0, saturation=5000)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: cost_per_result is 0.
    How to fix it: give what one result costs at the start, a number above 0.
    """
    s = _check_number("spend", spend, fix=_("give the money spent, 0 or more"))
    c, a = _check_cost(cost_per_result), _check_saturation(saturation)
    return a * -math.expm1(-s / (a * c))


def marginal_cost(spend: float, cost_per_result: float, saturation: float) -> float:
    """What the *next* result costs after ``spend``: c·exp(s/(a·c)); it rises as you spend.

    >>> marginal_cost(0, cost_per_result=5, saturation=5000)
    5.0
    >>> round(marginal_cost(5000 * 5 * math.log(2), 5, 5000), 6)  # doubles after a·c·ln 2
    10.0
    >>> marginal_cost(-1, 5, 5000)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: spend is -1.
    How to fix it: give the money spent, 0 or more.
    """
    s = _check_number("spend", spend, fix=_("give the money spent, 0 or more"))
    c, a = _check_cost(cost_per_result), _check_saturation(saturation)
    return c * _exp(s / (a * c))


def _exp(x: float) -> float:
    """e**x, or infinity when it is too big for a float (a fully saturated platform)."""
    return math.exp(x) if x < 709 else math.inf


def spend_for_results(results: float, cost_per_result: float, saturation: float) -> float:
    """The spend the model needs for ``results`` (the inverse of :func:`expected_results`).

    >>> round(spend_for_results(196.05, 5, 5000))
    1000
    >>> spend_for_results(5000, 5, 5000)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 5000 results is not below the saturation 5000.
    How to fix it: no budget reaches the saturation; ask for fewer results or raise saturation.
    """
    r = _check_number("results", results, fix=_("give the results wanted, 0 or more"))
    c, a = _check_cost(cost_per_result), _check_saturation(saturation)
    if r >= a:
        raise InputError(
            _("{results} results is not below the saturation {saturation}").format(
                results=_g(results), saturation=_g(a)),
            fix=_("no budget reaches the saturation; ask for fewer results or raise "
                  "saturation"),
        )
    return -a * c * math.log1p(-r / a)


def _check_cost(cost: object, platform: str = "") -> float:
    name = (_("cost_per_result for {platform}").format(platform=platform) if platform
            else "cost_per_result")
    return _check_number(name, cost, strict=True,
                         fix=_("give what one result costs at the start, a number above 0"))


def _check_saturation(saturation: object, platform: str = "") -> float:
    name = (_("saturation for {platform}").format(platform=platform) if platform
            else "saturation")
    return _check_number(name, saturation, strict=True,
                         fix=_("give the most results the platform could ever give, above 0"))


def default_cost_per_result(platform: str, currency: str = "BDT", *,
                            fx_rate: float = EXAMPLE_FX_RATE,
                            registry: PlatformRegistry | None = None) -> float:
    """The platform's illustrative Bangladesh cost per click, in ``currency``.

    >>> default_cost_per_result("facebook")  # about 5 BDT (illustrative, UNCERTAIN)
    5.0
    >>> default_cost_per_result("facebook", "USD", fx_rate=125)
    0.04
    >>> default_cost_per_result("x")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: there is no sourced ad price for X (Twitter).
    How to fix it: give your own, e.g. cost_per_result={'x': 8}.
    """
    profile = get_platform(platform, registry=registry)
    if profile.cpc_bdt is None:
        raise InputError(
            _("there is no sourced ad price for {platform}").format(platform=_(profile.name)),
            fix=_("give your own, e.g. cost_per_result={example}").format(
                example="{" + repr(profile.id) + ": 8}"),
        )
    return convert(profile.cpc_bdt.value, "BDT", currency, fx_rate=fx_rate)


# --------------------------------------------------------------------------------------
# Splitting a budget
# --------------------------------------------------------------------------------------


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
        return tuple(p for p in self.spend if self.spend[p] > self.minimum[p] + 1e-9 * (
            1 + self.total))

    @property
    def level(self) -> float:
        """The common marginal cost per result of the funded platforms (``nan`` if none)."""
        funded = self.funded
        return max(self.marginal_cost[p] for p in funded) if funded else math.nan

    def to_frame(self) -> pd.DataFrame:
        """One row per platform: spend, results, start/average/marginal cost per result."""
        import pandas as pd

        rows = []
        for p in self.platforms:
            spend, results = self.spend[p], self.results[p]
            rows.append({
                "platform": p,
                "spend": spend,
                "results": results,
                "start_cost_per_result": self.cost_per_result[p],
                "average_cost_per_result": spend / results if results > 0 else math.nan,
                "marginal_cost_per_result": self.marginal_cost[p],
                "minimum": self.minimum[p],
                "at_minimum": p not in self.funded,
            })
        return pd.DataFrame(rows).set_index("platform")

    def _money(self, amount: float, decimals: int | None = None) -> str:
        if math.isinf(amount):
            return _("∞ (saturated)")
        return show_money(amount, self.currency, decimals=decimals)

    def __str__(self) -> str:
        lines = [_("Best split of {total} (expected {results} results):").format(
            total=self._money(self.total), results=format_number(self.total_results))]
        for p in self.platforms:
            if p in self.funded:
                line = _("{platform} {spend}  {results} results  next result costs {next_cost}")
            elif self.minimum[p] > 0:
                line = _("{platform} {spend}  {results} results  next result costs "
                         "{next_cost} (held at its minimum)")
            else:
                line = _("{platform} {spend}  {results} results  next result costs "
                         "{next_cost} (not worth funding yet)")
            lines.append("  " + line.format(
                platform=_(self.names[p]).ljust(12), spend=self._money(self.spend[p]).rjust(12),
                results=format_number(self.results[p]).rjust(9),
                next_cost=self._money(self.marginal_cost[p], 2)))
        if self.funded:
            lines.append(_("Every funded platform's next result costs the same, {level}: "
                           "moving money would buy fewer results.").format(
                               level=self._money(self.level, 2)))
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
        heads = "".join(f"<th>{html.escape(h)}</th>" for h in (
            _("platform"), _("spend"), _("expected results"), _("next result costs"), ""))
        total = _("Total {total}, expected {results} results.").format(
            total=self._money(self.total), results=format_number(self.total_results))
        return f"<table><tr>{heads}</tr>{rows}</table><p>{html.escape(total)}</p>"


def _per_platform(
    name: str, value: float | Mapping[str, float] | None, ids: Sequence[str],
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
                    name=name, key=repr(key), platforms=list(ids)),
                fix=_("add {platform} to platforms, or remove it from {name}").format(
                    platform=repr(pid), name=name),
            )
        found[pid] = number
    return found


def _water_level(total: float, cost: Sequence[float], scale: Sequence[float],
                 minimum: Sequence[float]) -> list[float]:
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
    held = sum(minimum[i] for i in order[low + 1:])
    delta = (total - held - sum(minimum[i] - scale[i] * starts[i] for i in funded)) / sum(
        scale[i] for i in funded)
    return [minimum[i] + scale[i] * max(0.0, delta - starts[i]) if i in funded else minimum[i]
            for i in range(n)]


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
    budget = _check_number("total", total,
                           fix=_("give the budget as an amount of money, 0 or more"))
    if platforms is None:
        ids = [p for p in known_platforms(registry)
               if get_platform(p, registry=registry).cpc_bdt is not None]
    else:
        ids = list(dict.fromkeys(get_platform(p, registry=registry).id for p in platforms))
    if not ids:
        raise InputError(_("no platform was given"),
                         fix=_("give at least one platform, e.g. {example}").format(
                             example="['facebook', 'instagram']"))
    costs = _per_platform("cost_per_result", cost_per_result, ids, registry)
    sats = _per_platform("saturation", saturation, ids, registry)
    mins = _per_platform("minimum", minimum, ids, registry)
    c = {p: _check_cost(costs[p], p) if costs[p] is not None else
         default_cost_per_result(p, code, fx_rate=fx, registry=registry) for p in ids}
    a = {p: _check_saturation(sats[p], p) if sats[p] is not None else DEFAULT_SATURATION
         for p in ids}
    m = {p: _check_number(_("minimum for {platform}").format(platform=p), mins[p] or 0.0,
                          fix=_("give the least you must spend there, 0 or more")) for p in ids}
    floor = sum(m.values())
    if budget < floor:
        raise InputError(
            _("the total {total} is below the minimums, which add up to {floor}").format(
                total=show_money(budget, code), floor=show_money(floor, code)),
            fix=_("raise the total to at least {floor}, lower the minimums, or use fewer "
                  "platforms").format(floor=show_money(floor, code)),
        )
    spend = _water_level(budget, [c[p] for p in ids], [a[p] * c[p] for p in ids],
                         [m[p] for p in ids])
    spent = dict(zip(ids, spend, strict=True))
    return Allocation(
        total=budget,
        currency=code,
        spend=MappingProxyType(spent),
        results=MappingProxyType(
            {p: a[p] * -math.expm1(-spent[p] / (a[p] * c[p])) for p in ids}),
        marginal_cost=MappingProxyType(
            {p: c[p] * _exp(spent[p] / (a[p] * c[p])) for p in ids}),
        cost_per_result=MappingProxyType(c),
        saturation=MappingProxyType(a),
        minimum=MappingProxyType(m),
        names=MappingProxyType({p: get_platform(p, registry=registry).name for p in ids}),
    )


def what_if(total_budgets: Iterable[float], platforms: Iterable[str] | None = None,
            **options: object) -> pd.DataFrame:
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
    import pandas as pd

    budgets = list(total_budgets)
    if not budgets:
        raise InputError(_("no budget was given"),
                         fix=_("give a list of totals to compare, e.g. {example}").format(
                             example="[5000, 10000, 20000]"))
    chosen = list(platforms) if platforms is not None else None
    rows = []
    for budget in budgets:
        split = allocate_budget(budget, chosen, **options)  # type: ignore[arg-type]
        rows.append({
            "budget": split.total,
            "results": split.total_results,
            "average_cost_per_result": split.average_cost_per_result,
            "marginal_cost_per_result": split.level,
            **{f"spend_{p}": s for p, s in split.spend.items()},
        })
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------
# ROI, break-even, organic vs paid
# --------------------------------------------------------------------------------------


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
        raise InputError(_("{who}() needs a margin: it counts profit, and revenue is not "
                           "profit").format(who=who), fix=_(MARGIN_FIX))
    if isinstance(margin, bool) or not isinstance(margin, numbers.Real) or not math.isfinite(
            margin):
        raise InputError(_("{name} must be a number between 0 and 1, not {kind} {value}").format(
            name=name, kind=type(margin).__name__, value=repr(margin)), fix=_(MARGIN_FIX))
    share = float(margin)
    if 1 < share <= 100:
        raise InputError(_("{name} is {value}, a percentage; write it as a share: {share} for "
                           "{percent}%").format(name=name, value=f"{share:g}",
                                                share=f"{share / 100:g}", percent=_g(share)),
                         fix=_(MARGIN_FIX))
    if not 0 < share <= 1:
        raise InputError(_("{name} is {value}, not between 0 (nothing kept) and 1 (all of it "
                           "kept)").format(name=name, value=f"{share:g}"), fix=_(MARGIN_FIX))
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
    r = _check_number("revenue", revenue,
                      fix=_("give the money the campaign brought in, 0 or more"))
    c = _check_number("spend", spend, strict=True,
                      fix=_("ROI divides by the spend, so give a spend above 0"))
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
    v = _check_number("value_per_result", value_per_result, strict=True,
                      fix=_("give what one result is worth, above 0; with no value it never "
                            "breaks even"))
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
        return _("{results} results: organic {hours} h × {rate}/h = {organic}; paid {paid}; "
                 "cheaper: {cheaper}").format(
            results=_g(self.results), hours=_g(self.organic_hours),
            rate=show_money(self.hourly_rate, self.currency, decimals=money),
            organic=show_money(self.organic_cost, self.currency),
            paid=show_money(self.paid_cost, self.currency), cheaper=_(CHEAPER_NAMES[self.cheaper]))

    def _repr_html_(self) -> str:
        cells = (
            (_("organic ({hours} h)").format(hours=_g(self.organic_hours)), self.organic_cost),
            (_("paid"), self.paid_cost))
        rows = "".join(f"<tr><td>{html.escape(label)}</td>"
                       f"<td>{show_money(amount, self.currency)}</td></tr>"
                       for label, amount in cells)
        cheaper = _("cheaper: {cheaper}").format(cheaper=_(CHEAPER_NAMES[self.cheaper]))
        cost = html.escape(_("cost"))
        return (f"<table><tr><th></th><th>{cost}</th></tr>{rows}"
                f"</table><p>{html.escape(cheaper)}</p>")


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
        "results_per_hour", results_per_hour, strict=True,
        fix=_("give how many results an hour of organic work brings, above 0"))
    cost = _check_cost(cost_per_result)
    rate = (convert(FREELANCE_RATE_USD[0], "USD", code, fx_rate=fx) if hourly_rate is None
            else _check_number("hourly_rate", hourly_rate, strict=True,
                               fix=_("give what an hour of work costs, above 0")))
    paid = wanted * cost if saturation is None else spend_for_results(wanted, cost, saturation)
    return Comparison(wanted, code, wanted / per_hour, rate, paid)


# --------------------------------------------------------------------------------------
# A freelancer's quote
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Quote:
    """What a freelance social media manager would charge for some weeks of work."""

    hours_per_week: float
    weeks: float
    level: str
    currency: str
    rate_low: float
    rate_high: float
    rate_expected: float
    notes: tuple[str, ...] = ()

    @property
    def hours(self) -> float:
        """Hours in total."""
        return self.hours_per_week * self.weeks

    @property
    def low(self) -> float:
        """Total at the low hourly rate."""
        return self.hours * self.rate_low

    @property
    def high(self) -> float:
        """Total at the high hourly rate."""
        return self.hours * self.rate_high

    @property
    def expected(self) -> float:
        """Total at the expected hourly rate."""
        return self.hours * self.rate_expected

    def _m(self, amount: float) -> str:
        return show_money(amount, self.currency)

    def __str__(self) -> str:
        text = _("{level} manager, {hours_per_week} h/week × {weeks} weeks = {hours} h at "
                 "{rate_low}–{rate_high}/h: {low}–{high} (expected {expected})").format(
            level=_(LEVEL_NAMES.get(self.level, self.level)),
            hours_per_week=_g(self.hours_per_week),
            weeks=_g(self.weeks), hours=_g(self.hours), rate_low=self._m(self.rate_low),
            rate_high=self._m(self.rate_high), low=self._m(self.low), high=self._m(self.high),
            expected=self._m(self.expected))
        return "\n".join([text, *(_("note: {note}").format(note=n) for n in self.notes)])

    def _repr_html_(self) -> str:
        notes = "".join(f"<li>{html.escape(n)}</li>" for n in self.notes)
        heads = "".join(f"<th>{html.escape(h)}</th>"
                        for h in (_("hours"), _("low"), _("expected"), _("high")))
        return (f"<table><tr>{heads}</tr>"
                f"<tr><td>{_g(self.hours)}</td><td>{self._m(self.low)}</td>"
                f"<td>{self._m(self.expected)}</td><td>{self._m(self.high)}</td></tr></table>"
                + (f"<ul>{notes}</ul>" if notes else ""))


def freelance_quote(
    hours_per_week: float,
    *,
    hourly_rate: float | None = None,
    level: str = "junior",
    weeks: float = 4,
    currency: str = "USD",
    fx_rate: float = EXAMPLE_FX_RATE,
) -> Quote:
    """A freelance social media manager's quote: low, expected and high totals.

    Without ``hourly_rate`` the rates come from the ``level``'s band in
    :data:`FREELANCE_LEVELS` (source article 004: US$15–40 an hour, experts more).  With a
    rate (in ``currency``) all three are that rate, and a rate outside US$15–40 gives a
    note, not an error.

    >>> print(freelance_quote(10, level="junior"))
    junior manager, 10 h/week × 4 weeks = 40 h at $15.00–$25.00/h: $600.00–$1,000.00
    (expected $800.00)
    >>> print(*freelance_quote(10, hourly_rate=55, level="expert").notes)
    $55.00/h is above the article's $15–40 range, which is usual for experts.
    >>> freelance_quote(-3)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: hours_per_week is -3.
    How to fix it: give the hours of work a week, between 0 and 168.
    """
    code = _currency(currency)
    fx = _check_fx(fx_rate)
    hours = _check_number("hours_per_week", hours_per_week,
                          fix=_("give the hours of work a week, between 0 and 168"))
    if hours > 168:
        raise InputError(_("{name} is {value}").format(name="hours_per_week",
                                                        value=repr(hours_per_week)),
                         fix=_("give the hours of work a week, between 0 and 168"))
    n_weeks = _check_number("weeks", weeks, strict=True,
                            fix=_("give the number of weeks, above 0"))
    if level not in FREELANCE_LEVELS:
        raise unknown_choice("level", level, list(FREELANCE_LEVELS))
    notes: list[str] = []
    if hourly_rate is None:
        low, high = (convert(r, "USD", code, fx_rate=fx) for r in FREELANCE_LEVELS[level])
        expected = (low + high) / 2
    else:
        low = high = expected = _check_number(
            "hourly_rate", hourly_rate, strict=True, fix=_("give the hourly rate, above 0"))
        usd = convert(expected, code, "USD", fx_rate=fx)
        lo_usd, hi_usd = FREELANCE_RATE_USD
        shown = show_money(usd, "USD")
        if usd > hi_usd:
            notes.append((_("{rate}/h is above the article's {range} range, which is usual "
                            "for experts.") if level == "expert" else
                          _("{rate}/h is above the article's {range} range; the article says "
                            "only experts earn more.")).format(rate=shown, range=_range()))
        elif usd < lo_usd:
            notes.append(_("{rate}/h is below the article's {range} range; check it is not "
                           "underpriced.").format(rate=shown, range=_range()))
    return Quote(hours, n_weeks, level, code, low, high, expected, tuple(notes))
