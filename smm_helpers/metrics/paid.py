"""Paid-media metrics: what the client's money bought.

Each function takes plain numbers or pandas Series (one value per campaign) and returns the
same kind.  Money is in taka (BDT) unless you pass something else; the ratios don't care.
A zero denominator (no impressions, no clicks, nothing spent) gives NaN, never inf;
negative money or counts are an :class:`~smm_helpers.errors.InputError`.

Standard definitions (used by Meta Ads Manager, Google Ads and the WordStream benchmarks in
reference/facts.md §2.4):

- CPM, cost per mille: spend ÷ impressions × 1,000;
- CPC, cost per click: spend ÷ clicks;
- cost per result (CPA/CPL when the result is an action or a lead): spend ÷ results;
- ROAS, return on ad spend: conversion value ÷ spend (a ratio; 3.0 means 3 taka back per taka);
- ROI, return on investment: (value − cost) ÷ cost (0.5 means 50% profit on the cost).
"""

from __future__ import annotations

import math
import numbers
from typing import overload

import numpy as np
import pandas as pd

from smm_helpers.errors import InputError
from smm_helpers.metrics._common import divide
from smm_helpers.schema import require_table

Number = float | int | np.integer | np.floating


def _check_not_negative(value: Number | pd.Series, name: str) -> None:
    if isinstance(value, pd.Series):
        negative = value < 0
        if bool(negative.any()):
            first = value[negative].iloc[0]
            raise InputError(
                f"{name} has {int(negative.sum())} negative values (first: {first})",
                fix=f"{name} counts money or events, so it cannot be below 0; check the data",
            )
    elif isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InputError(
            f"{name} must be a number or a pandas Series, not {type(value).__name__} {value!r}",
            fix=f"pass {name} as a number such as 1500, or a column such as campaigns[{name!r}]",
        )
    elif value < 0:
        raise InputError(
            f"{name} is {value}, below 0",
            fix=f"{name} counts money or events, so it cannot be below 0; check the number",
        )


@overload
def _ratio(top: pd.Series, bottom: Number | pd.Series, name: str) -> pd.Series: ...
@overload
def _ratio(top: Number, bottom: pd.Series, name: str) -> pd.Series: ...
@overload
def _ratio(top: Number, bottom: Number, name: str) -> float: ...
def _ratio(top: Number | pd.Series, bottom: Number | pd.Series, name: str) -> float | pd.Series:
    if isinstance(top, pd.Series) or isinstance(bottom, pd.Series):
        index = top.index if isinstance(top, pd.Series) else bottom.index  # type: ignore[union-attr]
        top_s = top if isinstance(top, pd.Series) else pd.Series(top, index=index)
        bottom_s = bottom if isinstance(bottom, pd.Series) else pd.Series(bottom, index=index)
        return divide(top_s, bottom_s, name)
    if bottom == 0 or math.isnan(bottom):
        return math.nan
    return float(top) / float(bottom)


@overload
def cpm(spend: pd.Series, impressions: Number | pd.Series) -> pd.Series: ...
@overload
def cpm(spend: Number, impressions: pd.Series) -> pd.Series: ...
@overload
def cpm(spend: Number, impressions: Number) -> float: ...
def cpm(spend: Number | pd.Series, impressions: Number | pd.Series) -> float | pd.Series:
    """Cost per thousand impressions: spend ÷ impressions × 1,000.

    Source: the standard ad-industry definition ("mille" = thousand); a Bangladeshi boost
    ran at about 30 BDT CPM (socialeum.com, facts.md §2.4, UNCERTAIN).

    >>> cpm(5000, 160_000)
    31.25
    >>> cpm(pd.Series([300.0, 50.0]), pd.Series([10_000, 0])).tolist()
    [30.0, nan]
    >>> cpm(-5, 100)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: spend is -5, below 0...
    """
    _check_not_negative(spend, "spend")
    _check_not_negative(impressions, "impressions")
    return _ratio(spend, impressions, "cpm") * 1000


@overload
def cpc(spend: pd.Series, clicks: Number | pd.Series) -> pd.Series: ...
@overload
def cpc(spend: Number, clicks: pd.Series) -> pd.Series: ...
@overload
def cpc(spend: Number, clicks: Number) -> float: ...
def cpc(spend: Number | pd.Series, clicks: Number | pd.Series) -> float | pd.Series:
    """Cost per click: spend ÷ clicks.

    Source: standard definition (WordStream 2017 Facebook average CPC $1.72; facts.md §2.4).

    >>> cpc(5000, 1000)
    5.0
    >>> cpc(100, 0)
    nan
    >>> cpc("100", 10)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: spend must be a number or a pandas Series, not str '100'...
    """
    _check_not_negative(spend, "spend")
    _check_not_negative(clicks, "clicks")
    return _ratio(spend, clicks, "cpc")


@overload
def cost_per_result(spend: pd.Series, results: Number | pd.Series) -> pd.Series: ...
@overload
def cost_per_result(spend: Number, results: pd.Series) -> pd.Series: ...
@overload
def cost_per_result(spend: Number, results: Number) -> float: ...
def cost_per_result(spend: Number | pd.Series, results: Number | pd.Series) -> float | pd.Series:
    """Cost per result: spend ÷ results (sign-ups, donations, sales, leads...).

    Source: Meta Ads Manager's "cost per result"; called CPA (per action) or CPL (per lead)
    elsewhere (WordStream 2017: CPA $18.68; facts.md §2.4).

    >>> cost_per_result(5000, 40)
    125.0
    >>> cost_per_result(5000, -1)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: results is -1, below 0...
    """
    _check_not_negative(spend, "spend")
    _check_not_negative(results, "results")
    return _ratio(spend, results, "cost_per_result")


@overload
def roas(value: pd.Series, cost: Number | pd.Series) -> pd.Series: ...
@overload
def roas(value: Number, cost: pd.Series) -> pd.Series: ...
@overload
def roas(value: Number, cost: Number) -> float: ...
def roas(value: Number | pd.Series, cost: Number | pd.Series) -> float | pd.Series:
    """Return on ad spend: value brought in ÷ money spent (3.0 = 3 taka back per taka).

    Source: standard definition (Google Ads "conversion value / cost").

    >>> roas(15_000, 5000)
    3.0
    >>> roas(pd.Series([100, 0]), pd.Series([50, 0])).tolist()
    [2.0, nan]
    >>> roas(100, -50)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: cost is -50, below 0...
    """
    _check_not_negative(value, "value")
    _check_not_negative(cost, "cost")
    return _ratio(value, cost, "roas")


@overload
def roi(value: pd.Series, cost: Number | pd.Series) -> pd.Series: ...
@overload
def roi(value: Number, cost: pd.Series) -> pd.Series: ...
@overload
def roi(value: Number, cost: Number) -> float: ...
def roi(value: Number | pd.Series, cost: Number | pd.Series) -> float | pd.Series:
    """Return on investment: (value − cost) ÷ cost (0.5 = 50% profit; −1 = all money lost).

    Source: standard definition; ROI = ROAS − 1 when the only cost is the ad spend.

    >>> roi(15_000, 5000)
    2.0
    >>> roi(0, 0)
    nan
    >>> roi(-1, 10)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: value is -1, below 0...
    """
    _check_not_negative(value, "value")
    _check_not_negative(cost, "cost")
    money_in = value if isinstance(value, pd.Series) else float(value)
    money_out = cost if isinstance(cost, pd.Series) else float(cost)
    return _ratio(money_in - money_out, money_out, "roi")


CAMPAIGN_METRICS = ("ctr", "cpm", "cpc", "conversion_rate", "cost_per_conversion", "roas", "roi")
"""The columns :func:`campaign_metrics` adds, in order."""


def campaign_metrics(campaigns: pd.DataFrame) -> pd.DataFrame:
    """A **new** campaigns table with the paid metrics added (the input is not changed).

    Adds ``ctr`` (clicks ÷ impressions), ``cpm``, ``cpc``, ``conversion_rate``
    (conversions ÷ clicks, WordStream's definition: 9.21% average for Facebook in 2017,
    facts.md §2.4), ``cost_per_conversion`` (spend ÷ conversions), ``roas``
    (conversion_value ÷ spend) and ``roi`` ((conversion_value − spend) ÷ spend).
    Zero denominators give NaN.

    >>> campaigns = pd.DataFrame({"spend": [5000.0], "impressions": [200_000],
    ...     "clicks": [1000], "conversions": [50], "conversion_value": [20_000.0]})
    >>> campaign_metrics(campaigns)[list(CAMPAIGN_METRICS)].iloc[0].tolist()
    [0.005, 25.0, 5.0, 0.05, 100.0, 4.0, 3.0]
    >>> campaign_metrics(campaigns.drop(columns="clicks"))
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: column 'clicks': the campaigns table has no column 'clicks'...
    """
    columns = ["spend", "impressions", "clicks", "conversions", "conversion_value"]
    require_table(campaigns, columns, "campaigns")
    spend, impressions = campaigns["spend"], campaigns["impressions"]
    clicks, conversions = campaigns["clicks"], campaigns["conversions"]
    value = campaigns["conversion_value"]
    return campaigns.assign(
        ctr=divide(clicks, impressions, "ctr"),
        cpm=cpm(spend, impressions),
        cpc=cpc(spend, clicks),
        conversion_rate=divide(conversions, clicks, "conversion_rate"),
        cost_per_conversion=cost_per_result(spend, conversions),
        roas=roas(value, spend),
        roi=roi(value, spend),
    )


__all__ = [
    "CAMPAIGN_METRICS",
    "campaign_metrics",
    "cost_per_result",
    "cpc",
    "cpm",
    "roas",
    "roi",
]
