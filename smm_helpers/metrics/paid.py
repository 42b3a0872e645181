"""Paid-media metrics: what the client's money bought.

Each function takes plain numbers or pandas Series (one value per campaign) and returns the
same kind.  Money is in taka (BDT) unless you pass something else; the ratios don't care.
A zero denominator (no impressions, no clicks, nothing spent) gives NaN, never inf;
negative money or counts are an :class:`~smm_helpers.errors.InputError`.

Standard definitions (used by Meta Ads Manager, Google Ads and the WordStream benchmarks,
sources.md#wordstream-facebook-2017):

- CPM, cost per mille: spend ÷ impressions × 1,000;
- CPC, cost per click: spend ÷ clicks;
- cost per result (CPA/CPL when the result is an action or a lead): spend ÷ results;
- ROAS, return on ad spend: revenue ÷ spend (a ratio; 3.0 means ৳3 of sales per ৳1 of ads);
- ROI, return on investment: (profit − spend) ÷ spend, where profit = revenue × margin, the
  share of each sale left after making and delivering the goods (0.5 means 50% profit on
  the cost).  Revenue is not profit, so :func:`roi` needs a ``margin``; a charity's
  donations count whole (margin 1, before payment fees).

A ROAS of 3 looks good, yet at a 25% margin it is a loss:

>>> roas(30_000, 10_000), roi(30_000, 10_000, margin=0.25)
(3.0, -0.25)
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from types import MappingProxyType
from typing import overload

import numpy as np
import pandas as pd

from smm_helpers.budget import MARGIN_FIX, check_margin
from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.messages import ngettext
from smm_helpers.i18n.numbers import digits
from smm_helpers.metrics._common import divide
from smm_helpers.schema import require_table

Number = float | int | np.integer | np.floating


def _check_not_negative(value: Number | pd.Series, name: str) -> None:
    if isinstance(value, pd.Series):
        negative = value < 0
        if bool(negative.any()):
            first = value[negative].iloc[0]
            raise InputError(
                _("{name} has {count} negative values (first: {first})").format(
                    name=name, count=digits(int(negative.sum())), first=first
                ),
                fix=_(
                    "{name} counts money or events, so it cannot be below 0; check the data"
                ).format(name=name),
            )
    elif isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InputError(
            _("{name} must be a number or a pandas Series, not {kind} {value}").format(
                name=name, kind=type(value).__name__, value=repr(value)
            ),
            fix=_(
                "pass {name} as a number such as 1500, or a column such as campaigns[{column}]"
            ).format(name=name, column=repr(name)),
        )
    elif value < 0:
        raise InputError(
            _("{name} is {value}, below 0").format(name=name, value=digits(value)),
            fix=_(
                "{name} counts money or events, so it cannot be below 0; check the number"
            ).format(name=name),
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
    ran at about 30 BDT CPM (socialeum.com, UNCERTAIN; sources.md#bd-boosting-anecdotes).

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

    Source: standard definition (WordStream 2017 Facebook average CPC $1.72;
    sources.md#wordstream-facebook-2017).

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
    elsewhere (WordStream 2017: CPA $18.68; sources.md#wordstream-facebook-2017).

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
def roas(revenue: pd.Series, spend: Number | pd.Series) -> pd.Series: ...
@overload
def roas(revenue: Number, spend: pd.Series) -> pd.Series: ...
@overload
def roas(revenue: Number, spend: Number) -> float: ...
def roas(revenue: Number | pd.Series, spend: Number | pd.Series) -> float | pd.Series:
    """Return on ad spend: revenue ÷ ad spend (3.0 = ৳3 of sales for every ৳1 of ads).

    Source: standard definition (Google Ads "conversion value / cost").  ROAS counts
    revenue, not profit: for profit use :func:`roi`, which needs the margin.

    >>> roas(15_000, 5000)
    3.0
    >>> roas(pd.Series([100, 0]), pd.Series([50, 0])).tolist()
    [2.0, nan]
    >>> roas(100, -50)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: spend is -50, below 0...
    """
    _check_not_negative(revenue, "revenue")
    _check_not_negative(spend, "spend")
    return _ratio(revenue, spend, "roas")


def _margin(margin: object, revenue: Number | pd.Series) -> float | pd.Series:
    """A checked margin: a float in (0, 1], or a Series of them aligned with ``revenue``."""
    if not isinstance(margin, pd.Series):
        return check_margin(margin, "roi")
    if not isinstance(revenue, pd.Series) or not margin.index.equals(revenue.index):
        raise InputError(
            _("the margin Series does not line up with revenue (not the same rows)"),
            fix=_(
                "give one margin per row of revenue with the same index, e.g. "
                "campaigns['client'].map({{'nonprofit': 1, 'business': 0.4}}), or one number"
            ).format(),
        )
    values = pd.to_numeric(margin, errors="coerce").astype("float64")
    bad = ~((values > 0) & (values <= 1))
    if bool(bad.any()):
        raise InputError(
            _("margin has {count} values that are not between 0 and 1 (first: {first})").format(
                count=digits(int(bad.sum())), first=repr(margin[bad].iloc[0])
            ),
            fix=_(MARGIN_FIX),
        )
    return values


@overload
def roi(
    revenue: pd.Series, spend: Number | pd.Series, *, margin: Number | pd.Series | None = None
) -> pd.Series: ...
@overload
def roi(
    revenue: Number, spend: pd.Series, *, margin: Number | pd.Series | None = None
) -> pd.Series: ...
@overload
def roi(revenue: Number, spend: Number, *, margin: Number | None = None) -> float: ...
def roi(
    revenue: Number | pd.Series,
    spend: Number | pd.Series,
    *,
    margin: Number | pd.Series | None = None,
) -> float | pd.Series:
    """Return on investment: (revenue × margin − spend) ÷ spend.

    ``margin`` is **required** (keyword only): the share of each sale that is profit after
    making and delivering the goods, a number in (0, 1] or a Series aligned with
    ``revenue`` (one margin per campaign).  A shop that keeps ৳40 of every ৳100 of sales
    has margin 0.4; a charity's donations count whole, margin 1 (before payment fees).
    0.5 means 50% profit on the spend; −1 means all the money was lost.  Without a margin
    you only know revenue: use :func:`roas`.

    Source: standard definition, ROI = (gain − cost) ÷ cost, with gain = profit.

    >>> roi(30_000, 10_000, margin=0.25)  # ROAS 3, yet a loss
    -0.25
    >>> roi(pd.Series([30_000, 15_000]), 10_000, margin=pd.Series([0.4, 1.0])).tolist()
    [0.2, 0.5]
    >>> roi(0, 0, margin=1)
    nan
    >>> roi(30_000, 10_000)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: roi() needs a margin: it counts profit, and revenue is not...
    How to fix it: give margin=, the share of each sale that is profit...
    >>> roi(-1, 10, margin=1)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: revenue is -1, below 0...
    """
    _check_not_negative(revenue, "revenue")
    _check_not_negative(spend, "spend")
    share = _margin(margin, revenue)
    money_in = revenue if isinstance(revenue, pd.Series) else float(revenue)
    money_out = spend if isinstance(spend, pd.Series) else float(spend)
    profit = money_in * share
    return _ratio(profit - money_out, money_out, "roi")


CAMPAIGN_METRICS = ("ctr", "cpm", "cpc", "conversion_rate", "cost_per_conversion", "roas")
"""The columns :func:`campaign_metrics` always adds, in order (``roi`` follows when you give
a margin)."""

COURSE_MARGINS: Mapping[str, float] = MappingProxyType({"nonprofit": 1.0, "business": 0.4})
"""Margins for the course's two clients, for ``campaign_metrics(..., margin=COURSE_MARGINS)``.

Alo Reading Circle's donations count whole (1.0, before payment fees).  Nakshi Ghor keeps
about ৳40 of every ৳100 of sales after making and delivering its goods (0.4): an
**illustrative** assumption of the course, not a measured figure.  Use your client's own."""


def campaign_metrics(
    campaigns: pd.DataFrame, *, margin: float | Mapping[str, float] | None = None
) -> pd.DataFrame:
    """A **new** campaigns table with the paid metrics added (the input is not changed).

    Adds ``ctr`` (clicks ÷ impressions), ``cpm``, ``cpc``, ``conversion_rate``
    (conversions ÷ clicks, WordStream's definition: 9.21% average for Facebook in 2017,
    sources.md#wordstream-facebook-2017), ``cost_per_conversion`` (spend ÷ conversions)
    and ``roas`` (conversion_value ÷ spend).  Zero denominators give NaN.

    ``roi`` ((conversion_value × margin − spend) ÷ spend) is added **only when you give a
    margin**: one number for every campaign, or a mapping client → margin such as
    :data:`COURSE_MARGINS`.  Without a margin there is no ``roi`` column, because revenue
    is not profit.

    >>> campaigns = pd.DataFrame({"client": ["business"], "spend": [5000.0],
    ...     "impressions": [200_000], "clicks": [1000], "conversions": [50],
    ...     "conversion_value": [20_000.0]})
    >>> campaign_metrics(campaigns)[list(CAMPAIGN_METRICS)].iloc[0].tolist()
    [0.005, 25.0, 5.0, 0.05, 100.0, 4.0]
    >>> "roi" in campaign_metrics(campaigns).columns
    False
    >>> campaign_metrics(campaigns, margin={"business": 0.4})["roi"].round(2).tolist()
    [0.6]
    >>> campaign_metrics(campaigns, margin={"nonprofit": 1})
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: margin has no value for client 'business'...
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
    out = campaigns.assign(
        ctr=divide(clicks, impressions, "ctr"),
        cpm=cpm(spend, impressions),
        cpc=cpc(spend, clicks),
        conversion_rate=divide(conversions, clicks, "conversion_rate"),
        cost_per_conversion=cost_per_result(spend, conversions),
        roas=roas(value, spend),
    )
    if margin is None:
        return out
    return out.assign(roi=roi(value, spend, margin=_campaign_margins(campaigns, margin)))


def _campaign_margins(campaigns: pd.DataFrame, margin: object) -> float | pd.Series:
    """One margin, or a Series of per-client margins aligned with ``campaigns``."""
    if not isinstance(margin, Mapping):
        return check_margin(margin, "campaign_metrics")
    require_table(campaigns, ["client"], "campaigns")
    clients = campaigns["client"].astype(object)
    missing = sorted({str(c) for c in clients.dropna().unique()} - {str(k) for k in margin})
    if missing:
        names = ", ".join(repr(c) for c in missing)
        raise InputError(
            ngettext(
                "margin has no value for client {names}",
                "margin has no value for clients {names}",
                len(missing),
            ).format(names=names),
            fix=_(
                "give a margin for every client in the table, e.g. "
                "margin={{'nonprofit': 1, 'business': 0.4}}, or one number for all"
            ).format(),
        )
    for client, share in margin.items():
        check_margin(
            share,
            "campaign_metrics",
            _("the margin of client {client}").format(client=repr(client)),
        )
    return clients.map(lambda c: float(margin[c])).astype("float64")


__all__ = [
    "CAMPAIGN_METRICS",
    "COURSE_MARGINS",
    "campaign_metrics",
    "cost_per_result",
    "cpc",
    "cpm",
    "roas",
    "roi",
]
