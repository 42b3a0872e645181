"""The response curve: what money spent on one platform buys, with diminishing returns.

    r(s) = a · (1 − exp(−s / (a · c)))

``s`` is the spend, ``c`` the cost per result at the start and ``a`` the saturation, the
most results the platform could ever give (see the package docstring for why this form).
:func:`expected_results` is ``r``, :func:`marginal_cost` what the next result costs,
:func:`spend_for_results` the inverse, and :func:`default_cost_per_result` the platform's
illustrative starting price.

>>> round(expected_results(1000, cost_per_result=5, saturation=5000), 1)
196.1
"""

from __future__ import annotations

import math

from smm_helpers.budget._numbers import _check_number, _g
from smm_helpers.budget.money import EXAMPLE_FX_RATE, convert
from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.platforms import PlatformRegistry, get_platform

__all__ = [
    "DEFAULT_SATURATION",
    "default_cost_per_result",
    "expected_results",
    "marginal_cost",
    "spend_for_results",
]

DEFAULT_SATURATION = 5_000.0
"""Results a month one platform can give at most (course assumption, illustrative): a small
page's reachable audience clicks about this many times.  Pass ``saturation=`` to change it."""


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
                results=_g(results), saturation=_g(a)
            ),
            fix=_("no budget reaches the saturation; ask for fewer results or raise saturation"),
        )
    return -a * c * math.log1p(-r / a)


def _check_cost(cost: object, platform: str = "") -> float:
    name = (
        _("cost_per_result for {platform}").format(platform=platform)
        if platform
        else "cost_per_result"
    )
    return _check_number(
        name, cost, strict=True, fix=_("give what one result costs at the start, a number above 0")
    )


def _check_saturation(saturation: object, platform: str = "") -> float:
    name = _("saturation for {platform}").format(platform=platform) if platform else "saturation"
    return _check_number(
        name,
        saturation,
        strict=True,
        fix=_("give the most results the platform could ever give, above 0"),
    )


def default_cost_per_result(
    platform: str,
    currency: str = "BDT",
    *,
    fx_rate: float = EXAMPLE_FX_RATE,
    registry: PlatformRegistry | None = None,
) -> float:
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
                example="{" + repr(profile.id) + ": 8}"
            ),
        )
    return convert(profile.cpc_bdt.value, "BDT", currency, fx_rate=fx_rate)
