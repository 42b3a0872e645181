"""The key numbers of a client report, for one period and compared with the period before.

Every KPI is computed from the raw tables with a rule a client can check by hand:

- ``posts``, ``reach``, ``impressions``, ``engagements``, ``link_clicks``: sums over the
  posts published in the period (reach is a sum over posts, so one person reached by two
  posts counts twice);
- ``er_reach``: engagements ÷ reach of those posts (the ratio of the sums);
- ``follower_growth``: net new followers over all platforms: followers at the end of the
  period's last day minus followers at the end of the day before it started (the same rule as
  ``metrics.follower_growth``);
- ``spend``: money spent boosting the period's posts plus the ad campaigns' spend on the
  period's days (a campaign's spend and results are spread evenly over its days);
- ``cost_per_donation``, ``cost_per_sale``, ``cost_per_lead``: the spend ÷ the conversions on
  those days of the campaigns with that objective only (``donations``, ``sales``, ``leads``),
  one KPI for each of these objectives the client's campaigns have.  A lead, a click and a
  donation are not the same result, so campaigns with different objectives are never added
  up; the conversions of awareness, engagement and traffic campaigns get no cost KPI.  Only a
  campaigns table without an ``objective`` column gets the pooled ``cost_per_result``;
- ``median_response_hours``, ``response_rate``, ``within_sla``: for messages received in
  the period, spam left out (``category`` "spam": nobody should answer it, as in lesson 01
  and ``plan.review``): the median hours to answer the answered ones, the share answered,
  and the share answered within the service level (``sla_hours``).

>>> kpi = Kpi("link_clicks", current=12, previous=10)
>>> kpi.arrow, kpi.change_text, kpi.verdict
('▲', '+20%', 'better')
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import pandas as pd

from smm_helpers import metrics
from smm_helpers.errors import InputError, unknown_choice
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits, format_number
from smm_helpers.report.period import Period, local_days
from smm_helpers.schema import ENGAGEMENT_COLUMNS


@dataclass(frozen=True)
class KpiDefinition:
    """What a KPI is called, how its value is written, and which direction is good."""

    key: str
    #: The English label (marked for translation); ``Kpi.label`` is it in the chosen language.
    label: str
    kind: str  # "count", "rate", "money" or "hours"
    better: str | None  # "up", "down" or None (neither is good or bad in itself)


#: The report's KPIs, in the order the report shows them.
KPI_DEFINITIONS: tuple[KpiDefinition, ...] = (
    KpiDefinition("posts", N_("Posts published"), "count", None),
    KpiDefinition("reach", N_("Reach (people reached, summed over posts)"), "count", "up"),
    KpiDefinition("impressions", N_("Impressions (times posts were shown)"), "count", "up"),
    KpiDefinition(
        "engagements", N_("Engagements (reactions, comments, shares, saves)"), "count", "up"
    ),
    KpiDefinition("er_reach", N_("Engagement rate by reach"), "rate", "up"),
    KpiDefinition("link_clicks", N_("Link clicks"), "count", "up"),
    KpiDefinition("follower_growth", N_("New followers (net)"), "count", "up"),
    KpiDefinition("spend", N_("Money spent on boosts and ads"), "money", None),
    KpiDefinition(
        "cost_per_donation", N_("Cost per donation (donations campaigns only)"), "money", "down"
    ),
    KpiDefinition("cost_per_sale", N_("Cost per sale (sales campaigns only)"), "money", "down"),
    KpiDefinition("cost_per_lead", N_("Cost per lead (leads campaigns only)"), "money", "down"),
    KpiDefinition(
        "cost_per_result",
        N_("Cost per result (ad campaigns; objective not given)"),
        "money",
        "down",
    ),
    KpiDefinition("median_response_hours", N_("Median time to answer a message"), "hours", "down"),
    KpiDefinition("response_rate", N_("Messages answered (spam left out)"), "rate", "up"),
    KpiDefinition(
        "within_sla", N_("Answered within the service level, spam left out"), "rate", "up"
    ),
)

KPI_KEYS = tuple(d.key for d in KPI_DEFINITIONS)

#: The campaign objectives whose conversions get a cost KPI, and that KPI's key.
RESULT_KPIS: dict[str, str] = {
    "donations": "cost_per_donation",
    "sales": "cost_per_sale",
    "leads": "cost_per_lead",
}
_BY_KEY = {d.key: d for d in KPI_DEFINITIONS}


@dataclass(frozen=True)
class Kpi:
    """One KPI this period and last, with the change written for a client.

    >>> Kpi("median_response_hours", 6.0, 4.0).verdict
    'worse'
    >>> Kpi("er_reach", 0.031, 0.025).change_text
    '+0.60 pts'
    >>> Kpi("reach", 5000, math.nan).change_text
    'no previous data'
    >>> Kpi("likes", 1, 2)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'likes' is not a KPI SMM Lab knows...
    """

    key: str
    current: float
    previous: float
    #: True when some posts of the period lack a figure this KPI needs (it leaves them out).
    partial: bool = False

    def __post_init__(self) -> None:
        if self.key not in _BY_KEY:
            raise unknown_choice(_("KPI"), self.key, KPI_KEYS)

    @property
    def definition(self) -> KpiDefinition:
        return _BY_KEY[self.key]

    @property
    def label(self) -> str:
        """What the KPI is called, in the chosen language."""
        return _(self.definition.label)

    @property
    def has_previous(self) -> bool:
        return not _missing(self.previous)

    @property
    def value_text(self) -> str:
        """This period's value, e.g. '3.45%', '12,300', 'BDT 2,150', '5.5 hours'; a value
        that leaves out posts with unknown figures ends with ' *'.

        >>> Kpi("spend", 0.0, 0.0, partial=True).value_text
        'BDT 0 *'
        """
        text = format_kpi(self.current, self.definition.kind)
        return f"{text} *" if self.partial and not _missing(self.current) else text

    @property
    def previous_text(self) -> str:
        """Last period's value, or '–' when there is none."""
        return format_kpi(self.previous, self.definition.kind) if self.has_previous else "–"

    @property
    def arrow(self) -> str:
        """▲ up, ▼ down, = the same, or '' when there is nothing to compare."""
        if not self.has_previous or _missing(self.current):
            return ""
        return "▲" if self.current > self.previous else "▼" if self.current < self.previous else "="

    @property
    def change_text(self) -> str:
        """The change from last period: % for counts and money, percentage points for rates."""
        if not self.has_previous:
            return _("no previous data")
        if _missing(self.current):
            return _("no data this period")
        if self.definition.kind == "rate":
            return _("{change} pts").format(
                change=digits(f"{(self.current - self.previous) * 100:+.2f}")
            )
        if self.previous == 0:
            return _("new") if self.current else _("no change")
        change = (self.current - self.previous) / abs(self.previous)
        return digits(f"{change:+.1%}" if abs(change) < 0.1 else f"{change:+.0%}")

    @property
    def verdict(self) -> str:
        """'better', 'worse' or '' (no comparison, no change, or neither direction is good).

        The verdict is a key (the report's colour for it); :attr:`change_summary` says it.
        """
        better = self.definition.better
        if better is None or self.arrow in ("", "="):
            return ""
        went_up = self.arrow == "▲"
        return "better" if went_up == (better == "up") else "worse"

    @property
    def change_summary(self) -> str:
        """The change with its verdict, as the report's table shows it.

        >>> Kpi("link_clicks", 12, 10).change_summary
        '+20% (better)'
        >>> Kpi("posts", 12, 10).change_summary
        '+20%'
        """
        if self.verdict == "better":
            return _("{change} (better)").format(change=self.change_text)
        if self.verdict == "worse":
            return _("{change} (worse)").format(change=self.change_text)
        return self.change_text


def format_kpi(value: float, kind: str) -> str:
    """A KPI value as a client reads it.

    >>> format_kpi(0.0345, "rate"), format_kpi(12345, "count"), format_kpi(1234.5, "money")
    ('3.45%', '12,345', 'BDT 1,234.50')
    >>> format_kpi(5.25, "hours"), format_kpi(math.nan, "count")
    ('5.2 hours', 'no data')
    >>> format_kpi(1, "likes")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'likes' is not a KPI kind SMM Lab knows...
    """
    kinds = ("count", "rate", "money", "hours")
    if kind not in kinds:
        raise unknown_choice(_("KPI kind"), kind, kinds)
    if _missing(value):
        return _("no data")
    if kind == "rate":
        return digits(f"{value:.2%}")
    if kind == "money":
        amount = format_number(value, 0 if float(value).is_integer() else 2)
        return _("BDT {amount}").format(amount=amount)
    if kind == "hours":
        return _("{hours} hours").format(hours=digits(f"{value:.1f}"))
    return format_number(value)


def compute_kpis(
    posts: pd.DataFrame,
    period: Period,
    *,
    followers: pd.DataFrame | None = None,
    inbox: pd.DataFrame | None = None,
    campaigns: pd.DataFrame | None = None,
    sla_hours: float = 24,
) -> dict[str, float]:
    """Every KPI for one period, as ``{key: value}`` (NaN when there is no data for it).

    Pass one client's tables; rows outside the period are ignored.

    >>> posts = pd.DataFrame({
    ...     "published_at": pd.to_datetime(["2025-01-02 10:00", "2025-02-01 10:00"]),
    ...     "reach": [100, 50], "impressions": [150, 60], "reactions": [8, 1],
    ...     "comments": [1, 0], "shares": [1, 0], "saves": [0, 0], "link_clicks": [3, 0],
    ...     "spend": [0.0, 0.0]})
    >>> kpis = compute_kpis(posts, Period.from_dates("2025-01-01", "2025-01-31"))
    >>> kpis["posts"], kpis["engagements"], kpis["er_reach"]
    (1.0, 10.0, 0.1)
    >>> compute_kpis(posts, Period.from_dates("2025-01-01", "2025-01-31"), sla_hours=0)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: sla_hours must be a positive number of hours, not 0...
    """
    _check_sla(sla_hours)
    chosen = posts[period.contains(posts["published_at"])]
    engaged = metrics.engagements(chosen) if len(chosen) else chosen["reach"] * 0
    values: dict[str, float] = {
        "posts": float(len(chosen)),
        "reach": _known_sum(chosen["reach"]),
        "impressions": _known_sum(chosen["impressions"]),
        "engagements": _known_sum(engaged),
        "er_reach": _paired_ratio(engaged, chosen["reach"]),
        "link_clicks": _known_sum(chosen["link_clicks"]),
        "follower_growth": _follower_growth(followers, period),
    }
    campaign_spend, _ = _campaign_share(campaigns, period)
    boost_spend = float(chosen["spend"].sum())  # unknown spend is named in the report's notes
    values["spend"] = boost_spend + (0.0 if _missing(campaign_spend) else campaign_spend)
    values.update(_cost_kpis(campaigns, period))
    values.update(_inbox_kpis(inbox, period, sla_hours))
    return values


def compare_kpis(
    current: dict[str, float],
    previous: dict[str, float] | None,
    partial: set[str] | frozenset[str] = frozenset(),
) -> list[Kpi]:
    """The KPIs in report order, each with this period's and last period's value.

    With ``previous=None`` (no earlier data) every comparison reads "no previous data".
    ``partial`` names the KPIs that leave out posts with unknown figures
    (:func:`partly_unknown_kpis`).

    >>> [k.change_text for k in compare_kpis({"posts": 5.0}, None)]
    ['no previous data']
    """
    rows = []
    for key in KPI_KEYS:
        if key in current:
            before = math.nan if previous is None else previous.get(key, math.nan)
            rows.append(Kpi(key, current[key], before, partial=key in partial))
    return rows


#: The posts columns each post-based KPI adds up.
KPI_INPUTS = {
    "reach": ("reach",),
    "impressions": ("impressions",),
    "engagements": ENGAGEMENT_COLUMNS,
    "er_reach": ("reach", *ENGAGEMENT_COLUMNS),
    "link_clicks": ("link_clicks",),
    "spend": ("spend",),
}


def partly_unknown_kpis(posts: pd.DataFrame, period: Period) -> set[str]:
    """The KPIs for which some of the period's posts have an unknown (blank) figure.

    >>> posts = pd.DataFrame({"published_at": pd.to_datetime(["2025-01-02"]),
    ...                       "reach": [float("nan")], "spend": [0.0]})
    >>> sorted(partly_unknown_kpis(posts, Period.from_dates("2025-01-01", "2025-01-31")))
    ['er_reach', 'reach']
    """
    chosen = posts[period.contains(posts["published_at"])]
    return {
        key
        for key, columns in KPI_INPUTS.items()
        if any(c in chosen.columns and chosen[c].isna().any() for c in columns)
    }


def campaign_share(campaigns: pd.DataFrame, period: Period) -> pd.Series:
    """The fraction of each campaign's days that fall in the period (0 to 1).

    >>> campaigns = pd.DataFrame({"start_date": pd.to_datetime(["2025-01-25", "2025-03-01"]),
    ...                           "end_date": pd.to_datetime(["2025-02-03", "2025-03-05"])})
    >>> campaign_share(campaigns, Period.from_dates("2025-02-01", "2025-02-28")).tolist()
    [0.3, 0.0]
    """
    starts = local_days(campaigns["start_date"])
    ends = local_days(campaigns["end_date"])
    first = starts.where(starts > period.start, period.start)
    last = ends.where(ends < period.end, period.end)
    overlap = ((last - first).dt.days + 1).clip(lower=0)
    length = (ends - starts).dt.days + 1
    return (overlap / length).astype("float64")


# --- the parts ---------------------------------------------------------------------------


def _known_sum(values: pd.Series) -> float:
    """The sum of the known values; NaN (no data) when none is known, 0 for no rows.

    >>> _known_sum(pd.Series([1.0, float("nan")])), _known_sum(pd.Series([float("nan")]))
    (1.0, nan)
    """
    return float(values.sum(min_count=1)) if len(values) else 0.0


def _paired_ratio(top: pd.Series, bottom: pd.Series) -> float:
    """Sum of ``top`` ÷ sum of ``bottom`` over the rows that know both (NaN if none do).

    >>> _paired_ratio(pd.Series([10.0, 5.0]), pd.Series([100.0, float("nan")]))
    0.1
    """
    both = top.notna() & bottom.notna()
    below = float(bottom[both].sum())
    return float(top[both].sum()) / below if below else math.nan


def _follower_growth(followers: pd.DataFrame | None, period: Period) -> float:
    if followers is None or followers.empty:
        return math.nan
    days = local_days(followers["date"])
    gained = 0.0
    found = False
    for _platform, rows in followers.assign(_day=days).groupby("platform", observed=True):
        rows = rows.sort_values("_day")
        inside = rows[(rows["_day"] >= period.start) & (rows["_day"] <= period.end)]
        if inside.empty:
            continue
        before = rows[rows["_day"] < period.start]
        start = before["followers"].iloc[-1] if len(before) else inside["followers"].iloc[0]
        gained += float(inside["followers"].iloc[-1] - start)
        found = True
    return gained if found else math.nan


def _cost_kpis(campaigns: pd.DataFrame | None, period: Period) -> dict[str, float]:
    """Cost per result within each objective that has one (see the module docstring).

    >>> campaigns = pd.DataFrame({
    ...     "objective": ["donations", "leads", "engagement"],
    ...     "start_date": pd.to_datetime(["2025-01-01"] * 3),
    ...     "end_date": pd.to_datetime(["2025-01-10"] * 3),
    ...     "spend": [1000.0, 500.0, 900.0], "conversions": [10, 50, 3]})
    >>> _cost_kpis(campaigns, Period.from_dates("2025-01-01", "2025-01-31"))
    {'cost_per_donation': 100.0, 'cost_per_lead': 10.0}
    """
    if campaigns is None or "objective" not in campaigns.columns:
        spend, conversions = _campaign_share(campaigns, period)
        return {"cost_per_result": spend / conversions if conversions else math.nan}
    objectives = set(campaigns["objective"].dropna().astype(str))
    values = {}
    for objective, key in RESULT_KPIS.items():
        if objective in objectives:
            spend, conversions = _campaign_share(
                campaigns[campaigns["objective"] == objective], period
            )
            values[key] = spend / conversions if conversions else math.nan
    return values


def _campaign_share(campaigns: pd.DataFrame | None, period: Period) -> tuple[float, float]:
    """Campaign spend and conversions that fall on the period's days."""
    if campaigns is None or campaigns.empty:
        return math.nan, math.nan
    share = campaign_share(campaigns, period)
    if not (share > 0).any():
        return math.nan, math.nan
    spend = float((campaigns["spend"] * share).sum())
    return spend, float((campaigns["conversions"] * share).sum())


def _inbox_kpis(inbox: pd.DataFrame | None, period: Period, sla_hours: float) -> dict[str, float]:
    keys = ("median_response_hours", "response_rate", "within_sla")
    if inbox is None:
        return dict.fromkeys(keys, math.nan)
    received = without_spam(inbox[period.contains(inbox["received_at"])])
    if received.empty:
        return dict.fromkeys(keys, math.nan)
    hours = metrics.response_times(received)
    median = float(hours.median()) if hours.notna().any() else math.nan
    return {
        "median_response_hours": median,
        "response_rate": float(hours.notna().mean()),
        "within_sla": float((hours <= sla_hours).mean()),
    }


def without_spam(inbox: pd.DataFrame) -> pd.DataFrame:
    """The messages that deserve an answer: spam (``category`` "spam") left out.

    >>> inbox = pd.DataFrame({"category": ["question", "spam", "Spam", "praise"]})
    >>> without_spam(inbox)["category"].tolist()
    ['question', 'praise']
    """
    if "category" not in inbox.columns:
        return inbox
    return inbox[
        inbox["category"]
        .astype("string")
        .str.casefold()
        .ne("spam")
        .fillna(True)
        .to_numpy(dtype=bool)
    ]


def _check_sla(sla_hours: Any) -> None:
    if isinstance(sla_hours, bool) or not isinstance(sla_hours, int | float) or sla_hours <= 0:
        raise InputError(
            _("sla_hours must be a positive number of hours, not {value}").format(
                value=repr(sla_hours)
            ),
            fix=_("use e.g. sla_hours=24 for 'answer every message within a day'"),
        )


def _missing(value: float) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))
