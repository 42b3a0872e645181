"""The social media plan and its review: set targets, measure, correct.

Source article 004 says results often differ from what was planned, so a social media
manager reviews past activity, corrects mistakes and adopts new strategies.  A
``SocialMediaPlan`` writes the plan down (targets, audience, platforms, content pillars,
budget, how it is measured); ``plan.review(posts, ...)`` computes what actually happened
from the course tables and suggests specific corrections for every target that was missed.

The review is careful about what the data can say:

* spam is not unanswered mail: the inbox targets leave out messages whose ``category`` is
  ``"spam"``, as lesson 01 and assignment 02 do;
* it recommends a change from a group of posts (a format, a pillar, a weekday of replies)
  only when the group has at least ``MIN_PER_GROUP`` (10) of them, and says "not enough
  data" otherwise;
* a follower target is shown with its baseline (the count on the first day) and the day it
  was counted, and a target that was already reached at the baseline is pointed out;
* the period is written as the exact days it covers ("2–31 Oct 2026"), never a month name;
* campaigns are compared only with campaigns of the same ``objective``: a lead, a click and
  a donation are not the same result, so ``cost_per_result`` and ``conversions`` are not
  measured over campaigns with different objectives (set ``cost_per_donation`` or
  ``donations`` instead), and a correction never moves money from one objective to another.

Rates are fractions, as everywhere in SMM Lab (0.03 means 3%); money is in BDT.

>>> import pandas as pd
>>> posts = pd.DataFrame({
...     "published_at": pd.to_datetime(["2026-03-02 10:00", "2026-03-04 10:00",
...                                     "2026-03-09 18:00", "2026-03-11 18:00"]),
...     "platform": ["facebook"] * 4, "format": ["image", "video", "image", "video"],
...     "pillar": ["impact stories", "tips", "tips", "tips"],
...     "reach": [1000, 1000, 1000, 1000], "impressions": [2000] * 4,
...     "reactions": [30, 70, 30, 70], "comments": [0] * 4, "shares": [0] * 4,
...     "saves": [0] * 4, "link_clicks": [0] * 4})
>>> plan = SocialMediaPlan(
...     goals=[Target("posts_per_week", 3), Target("er_reach", 0.04, platform="facebook")],
...     audience="parents in Dhaka", platforms=["facebook"],
...     pillars={"impact stories": 0.5, "tips": 0.5})
>>> review = plan.review(posts, start="2026-03-02", end="2026-03-15")
>>> print(review)  # doctest: +ELLIPSIS
Plan review, 2–15 Mar 2026 (2 weeks; the posts table only runs 2–11 Mar 2026)
✗ posts_per_week (all) at least 3.0 a week: actual 2.0 a week, gap -1.0 (-33%)
✓ er_reach (facebook) at least 4.0%: actual 5.0%, gap +1.0 points (+25%)
Corrections:
- Posting was 2.0 posts a week against a planned 3.0 (facebook 2.0). Add about 1.0 post...
- Not enough data to recommend a change from the pillar mix: 4 posts in the period, and at
  least 10 per group are needed. Keep going and review again when there are more.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from smm_helpers.errors import DataError, InputError, unknown_choice
from smm_helpers.i18n.messages import N_, current_language, ngettext
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits, format_number
from smm_helpers.schema import (
    CLIENTS,
    ENGAGEMENT_COLUMNS,
    PLATFORMS,
    TIMEZONE,
    platform_name,
    require_table,
)

__all__ = [
    "DIRECTIONS",
    "METRICS",
    "MIN_PER_GROUP",
    "PILLAR_TOLERANCE",
    "SPAM_CATEGORY",
    "PlanReview",
    "SocialMediaPlan",
    "Target",
    "TargetResult",
    "period_label",
]

DIRECTIONS = ("at least", "at most")  # i18n: not shown
DIRECTION_NAMES = {"at least": N_("at least"), "at most": N_("at most")}  # i18n: not shown
"""How each direction is shown to a learner (the keys are the values a Target holds)."""


@dataclass(frozen=True)
class _Metric:
    description: str
    table: str
    unit: str  # "rate", "count", "per_week", "money", "hours"
    direction: str


METRICS: dict[str, _Metric] = {
    "posts_per_week": _Metric(N_("posts published per week: posts ÷ (days in the period ÷ 7)"),
                              "posts", "per_week", "at least"),  # i18n: not shown
    "followers": _Metric(N_("followers on the last day of the period (followers table; without "
                            "it, the followers column of the last post); the review also "
                            "shows the baseline it started from"),
                         "followers", "count", "at least"),  # i18n: not shown
    "follower_growth_rate": _Metric(N_("growth of followers over the period: (last - baseline) "
                                       "÷ baseline, the baseline being the last count on or "
                                       "before the first day"),
                                    "followers", "rate", "at least"),  # i18n: not shown
    "er_reach": _Metric(N_("engagement rate by reach: sum(reactions + comments + shares + "
                           "saves) ÷ sum(reach)"),
                        "posts", "rate", "at least"),  # i18n: not shown
    "reach": _Metric(N_("total reach of the period's posts: sum(reach)"),
                     "posts", "count", "at least"),  # i18n: not shown
    "link_clicks": _Metric(N_("total link clicks on the period's posts"),
                           "posts", "count", "at least"),  # i18n: not shown
    "ctr": _Metric(N_("click-through rate of posts: sum(link_clicks) ÷ sum(impressions)"),
                   "posts", "rate", "at least"),  # i18n: not shown
    "response_rate": _Metric(N_("share of inbox messages that got an answer, spam left out "
                                "(category 'spam': nobody should answer it, as in lesson 01)"),
                             "inbox", "rate", "at least"),  # i18n: not shown
    "median_response_hours": _Metric(N_("median hours from receiving a message to answering "
                                        "it (answered messages, spam left out)"),
                                     "inbox", "hours", "at most"),  # i18n: not shown
    "spend": _Metric(N_("money spent: boosted posts' spend plus campaigns' spend, in BDT"),
                     "posts", "money", "at most"),  # i18n: not shown
    "cost_per_result": _Metric(N_("campaigns' spend ÷ their conversions, in BDT, for campaigns "
                                  "of ONE objective (not measured when the period's campaigns "
                                  "had several: a lead, a click and a donation are not the "
                                  "same result)"),
                               "campaigns", "money", "at most"),  # i18n: not shown
    "cost_per_donation": _Metric(N_("spend of the campaigns whose objective is 'donations' ÷ "
                                    "their conversions (donations), in BDT"),
                                 "campaigns", "money", "at most"),  # i18n: not shown
    "conversions": _Metric(N_("campaigns' conversions (sign-ups, donations or sales), for "
                              "campaigns of ONE objective (not measured when they had "
                              "several)"),
                           "campaigns", "count", "at least"),  # i18n: not shown
    "donations": _Metric(N_("conversions of campaigns whose objective is 'donations'"),
                         "campaigns", "count", "at least"),  # i18n: not shown
    "conversion_value": _Metric(N_("money the campaigns' conversions brought in, in BDT"),
                                "campaigns", "money", "at least"),  # i18n: not shown
}
"""The metrics a ``Target`` can name, with how each is computed and its usual direction
(show a description with ``gettext(METRICS[name].description)``)."""

METRIC_WORDS = {
    "followers": N_("followers"),
    "follower_growth_rate": N_("follower growth rate"),
    "spend": N_("spend"),
    "cost_per_result": N_("cost per result"),
    "cost_per_donation": N_("cost per donation"),
    "conversions": N_("conversions"),
    "donations": N_("donations"),
    "conversion_value": N_("conversion value"),
}
"""How a correction sentence names a metric (English: the metric's name with spaces)."""

WEEKDAY_NAMES = {
    "Monday": N_("Monday"), "Tuesday": N_("Tuesday"), "Wednesday": N_("Wednesday"),
    "Thursday": N_("Thursday"), "Friday": N_("Friday"), "Saturday": N_("Saturday"),
    "Sunday": N_("Sunday"),
}
"""Weekday names (pandas' ``day_name()``) as a learner reads them."""

PILLAR_TOLERANCE = 0.10
"""How far (as a share of posts, 0.10 = 10 points) a pillar may drift before a correction."""

MIN_PER_GROUP = 10
"""Posts (or messages) a group needs before the review recommends a change from it.

With fewer, one lucky or unlucky post decides the verdict, so the review says "not enough
data" instead of, say, "publish more carousels" because 3 carousels did well.
"""

SPAM_CATEGORY = "spam"
"""The inbox ``category`` of messages nobody should answer; the inbox targets leave them out,
as lesson 01 and assignment 02 do (``inbox[inbox["category"] != "spam"]``)."""


def period_label(start: date, end: date) -> str:
    """The exact days a period covers, written for people: never just a month name.

    >>> period_label(date(2026, 10, 2), date(2026, 10, 31))
    '2–31 Oct 2026'
    >>> period_label(date(2025, 10, 1), date(2025, 12, 31))
    '1 Oct – 31 Dec 2025'
    >>> period_label(date(2025, 12, 29), date(2026, 1, 4))
    '29 Dec 2025 – 4 Jan 2026'
    >>> period_label(date(2026, 3, 2), date(2026, 3, 2))
    '2 Mar 2026'

    In Bengali, with Bengali digits and month names:

    >>> from smm_helpers.i18n.messages import in_language
    >>> with in_language("bn"):
    ...     period_label(date(2026, 10, 2), date(2026, 10, 31))
    '২–৩১ অক্টোবর ২০২৬'
    """
    if start == end:
        return _day_label(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{digits(start.day)}–{digits(end.day)} {_month(end)}"
    if start.year == end.year:
        return f"{digits(start.day)} {_month(start, year=False)} – {_day_label(end)}"
    return f"{_day_label(start)} – {_day_label(end)}"


def _month(day: date, *, year: bool = True) -> str:
    """'Oct 2026' (or 'Oct'); in Bengali 'অক্টোবর ২০২৬' (Babel's month names)."""
    language = current_language()
    if language == "en":
        return f"{day:%b %Y}" if year else f"{day:%b}"
    from babel.dates import format_date

    return digits(format_date(day, format="MMMM y" if year else "MMMM", locale=language))


def _day_label(day: date) -> str:
    return f"{digits(day.day)} {_month(day)}"


def _platform_shown(platform: str) -> str:
    """A platform in a sentence: its id in English (as the tables write it), its display name
    in another language ('ফেসবুক'); 'all' is 'all' (or 'সব')."""
    if platform == "all":
        return _("all")
    return platform if current_language() == "en" else platform_name(platform)


def _percent(value: float, spec: str = ".0%") -> str:
    return digits(format(value, spec))


def _one(value: float) -> str:
    """A number with one decimal, e.g. '2.0' (Bengali digits in Bengali)."""
    return digits(f"{value:.1f}")


def _signed(value: float) -> str:
    """'+1,200' or '-35' (the language's digits and grouping)."""
    text = f"{value:+,.0f}"
    if not text[1:2].isdigit():
        return text
    return text[0] + format_number(float(text[1:].replace(",", "")))


def _not_enough_posts(platform: str, have: int) -> str:
    return _("Not enough data to recommend a change from the posts {where}: {count} posts, and "
             "at least {minimum} per group are needed. Keep going and review again when there "
             "are more.").format(where=_on_where(platform), count=digits(have),
                                 minimum=digits(MIN_PER_GROUP))


def _format_value(value: float, unit: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return _("not measured")
    if unit == "rate":
        return _percent(value, ".1%")
    if unit == "per_week":
        return _("{count} a week").format(count=_one(value))
    if unit == "money":
        return _("{amount} BDT").format(amount=format_number(value))
    if unit == "hours":
        return _("{hours} h").format(hours=_one(value))
    return format_number(value)


@dataclass(frozen=True)
class Target:
    """One measurable target of a plan: a metric, a number, a platform and a direction.

    ``metric`` is a name from ``METRICS``; ``platform`` is one of ``schema.PLATFORMS`` or
    ``"all"``; ``direction`` is ``"at least"`` or ``"at most"`` and defaults to the
    metric's usual one (e.g. at most for ``median_response_hours``).  Rates are fractions.

    >>> Target("er_reach", 0.03, platform="instagram")
    Target('er_reach', 0.03, platform='instagram', direction='at least')
    >>> print(Target("median_response_hours", 4))
    median_response_hours (all) at most 4.0 h
    >>> Target("likes", 100)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'likes' is not a plan metric SMM Lab knows.
    How to fix it: use one of: posts_per_week, followers, follower_growth_rate, er_reach, ...
    """

    metric: str
    target: float
    platform: str = "all"
    direction: str | None = None

    def __post_init__(self) -> None:
        if self.metric not in METRICS:
            raise unknown_choice(_("plan metric"), self.metric, list(METRICS))
        if self.platform not in (*PLATFORMS, "all"):
            raise unknown_choice(_("platform"), self.platform, [*PLATFORMS, "all"])
        if self.direction is None:
            object.__setattr__(self, "direction", METRICS[self.metric].direction)
        elif self.direction not in DIRECTIONS:
            raise unknown_choice(_("direction"), self.direction, DIRECTIONS)
        value = self.target
        if isinstance(value, bool) or not isinstance(value, int | float) or not (
            math.isfinite(value) and value >= 0
        ):
            raise InputError(
                _("The target for {metric} is {value}; it must be a number of 0 or "
                  "more").format(metric=self.metric, value=repr(value)),
                fix=_("write e.g. {example}").format(
                    example=f"Target({self.metric!r}, {_example(self.metric)})"),
            )
        if self.unit == "rate" and value > 1:
            raise InputError(
                _("The target for {metric} is {value}, but rates are fractions in "
                  "SMM Lab").format(metric=self.metric, value=repr(value)),
                fix=_("write {fraction} for {percent}%").format(
                    fraction=f"{value / 100:g}", percent=digits(f"{value:g}")),
            )

    @property
    def unit(self) -> str:
        """How the metric is measured: rate, count, per_week, money or hours."""
        return METRICS[self.metric].unit

    def format(self, value: float) -> str:
        """A value of this target's metric, written for people (3.0%, 1,200 BDT, 4.5 h)."""
        return _format_value(value, self.unit)

    def __str__(self) -> str:
        direction = str(self.direction)
        return _("{metric} ({platform}) {direction} {value}").format(
            metric=self.metric, platform=_platform_shown(self.platform),
            direction=_(DIRECTION_NAMES.get(direction, direction)),
            value=self.format(self.target))

    def __repr__(self) -> str:
        return (f"Target({self.metric!r}, {self.target!r}, platform={self.platform!r}, "
                f"direction={self.direction!r})")


def _example(metric: str) -> str:
    unit = METRICS[metric].unit
    return {"rate": "0.03", "per_week": "5", "hours": "4", "money": "10000"}.get(unit, "2000")


@dataclass(frozen=True)
class TargetResult:
    """How one target did: the actual value, whether it was met and the gap.

    ``gap`` is actual − target (in the metric's unit; for rates, in fraction points);
    ``gap_pct`` is gap ÷ target.  ``met`` is None when the data to measure it was not given.
    ``baseline`` and ``baseline_day`` say where a follower target started from (the last
    count on or before the first day of the period); ``note`` says what was left out or
    assumed, e.g. spam messages.

    >>> r = TargetResult(Target("posts_per_week", 4), actual=3.0)
    >>> r.met, r.gap, r.gap_pct
    (False, -1.0, -0.25)
    >>> TargetResult(Target("response_rate", 0.9), actual=float("nan")).status
    'not measured'
    """

    target: Target
    actual: float
    baseline: float | None = None
    baseline_day: date | None = None
    note: str = ""

    @property
    def measured(self) -> bool:
        """False when the table needed for this metric was not given (or had no rows)."""
        return not math.isnan(self.actual)

    @property
    def met(self) -> bool | None:
        """True when the actual value is on the right side of the target."""
        if not self.measured:
            return None
        if self.target.direction == "at least":  # i18n: not shown
            return bool(self.actual >= self.target.target)
        return bool(self.actual <= self.target.target)

    @property
    def gap(self) -> float:
        """actual − target, in the metric's unit."""
        return self.actual - self.target.target

    @property
    def gap_pct(self) -> float:
        """The gap as a fraction of the target (NaN when the target is 0)."""
        return self.gap / self.target.target if self.target.target else float("nan")

    @property
    def status(self) -> str:
        """'met', 'missed' or 'not measured'."""
        return {True: "met", False: "missed", None: "not measured"}[self.met]  # i18n: not shown

    def describe(self) -> str:
        """One line: the target, the actual value and the gap."""
        mark = {True: "✓", False: "✗", None: "?"}[self.met]
        if not self.measured:
            table = METRICS[self.target.metric].table
            why = self.note or _("no {table} data for it").format(table=table)
            return _("{mark} {target}: not measured ({why})").format(
                mark=mark, target=self.target, why=why)
        if self.baseline is not None and self.baseline_day is not None:
            text = _("{mark} {target}: actual {actual}, gap {gap}; baseline {baseline} "
                     "followers on {day}").format(
                mark=mark, target=self.target, actual=self.target.format(self.actual),
                gap=self._gap_text(), baseline=_format_value(self.baseline, "count"),
                day=_day_label(self.baseline_day))
        else:
            text = _("{mark} {target}: actual {actual}, gap {gap}").format(
                mark=mark, target=self.target, actual=self.target.format(self.actual),
                gap=self._gap_text())
        return text + (f" ({self.note})" if self.note else "")

    def _gap_text(self) -> str:
        if self.target.unit == "rate":
            absolute = _("{gap} points").format(gap=digits(f"{self.gap * 100:+.1f}"))
        elif self.target.unit in ("per_week", "hours"):
            absolute = digits(f"{self.gap:+.1f}")
        else:
            absolute = _signed(self.gap)
        relative = "" if math.isnan(self.gap_pct) else f" ({_percent(self.gap_pct, '+.0%')})"
        return absolute + relative


@dataclass
class SocialMediaPlan:
    """A written social media plan that can be reviewed against data.

    - ``goals``: the ``Target`` s to reach.
    - ``audience``: who the plan is for, in words.
    - ``platforms``: where the organisation publishes (names from ``schema.PLATFORMS``).
    - ``pillars``: content pillars and the share of posts each should have (fractions that
      add up to 1); may be empty.
    - ``budget``: money (BDT) the period may spend on boosting and campaigns, or None.
    - ``measurement``: how and when the plan is reviewed, in words.
    - ``client``: which client's rows to use when the tables hold both course clients.

    The lists and dict you pass are copied, so changing them later does not change the plan.

    >>> plan = SocialMediaPlan(goals=[Target("er_reach", 0.03)], audience="young volunteers",
    ...                        platforms=["facebook", "instagram"],
    ...                        pillars={"impact stories": 0.6, "tips": 0.3})
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: The pillar shares add up to 90%, not 100% (impact stories 60%,
    tips 30%).
    How to fix it: make them add up to 1.0, e.g. give the missing 10% to one pillar.
    """

    goals: Sequence[Target]
    audience: str
    platforms: Sequence[str]
    pillars: Mapping[str, float] = field(default_factory=dict)
    budget: float | None = None
    measurement: str = ""
    client: str | None = None
    name: str = N_("Social media plan")

    def __post_init__(self) -> None:
        self.goals = tuple(self.goals)
        self.platforms = tuple(self.platforms)
        self.pillars = dict(self.pillars)
        _check_goals(self.goals, self.platforms)
        _check_pillars(self.pillars)
        if self.budget is not None and (isinstance(self.budget, bool) or not isinstance(
                self.budget, int | float) or self.budget < 0):
            raise InputError(_("The budget is {budget}; it must be an amount in BDT of 0 or "
                               "more").format(budget=repr(self.budget)),
                             fix=_("write e.g. budget=15000, or budget=None"))
        if self.client is not None and self.client not in CLIENTS:
            raise unknown_choice(_("client"), self.client, CLIENTS)

    def __repr__(self) -> str:
        return (f"SocialMediaPlan(name={self.name!r}, {len(self.goals)} targets, "
                f"platforms={list(self.platforms)!r}, pillars={list(self.pillars)!r})")

    def __str__(self) -> str:
        lines = [_(self.name), _("Audience: {audience}").format(audience=self.audience),
                 _("Platforms: {platforms}").format(platforms=", ".join(
                     _platform_shown(p) for p in self.platforms)),
                 _("Targets:")]
        lines += [f"- {goal}" for goal in self.goals]
        if self.pillars:
            lines.append(_("Content pillars: {pillars}").format(pillars=", ".join(
                f"{name} {_percent(share)}" for name, share in self.pillars.items())))
        if self.budget is not None:
            lines.append(_("Budget: {amount} BDT").format(amount=format_number(self.budget)))
        if self.measurement:
            lines.append(_("Measurement: {measurement}").format(measurement=self.measurement))
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        return "<pre>" + html.escape(str(self)) + "</pre>"

    def review(
        self,
        posts: pd.DataFrame,
        followers: pd.DataFrame | None = None,
        inbox: pd.DataFrame | None = None,
        campaigns: pd.DataFrame | None = None,
        *,
        start: str | date | None = None,
        end: str | date | None = None,
    ) -> PlanReview:
        """Compare the plan with what happened between ``start`` and ``end`` (inclusive).

        The tables follow ``smm_helpers.schema``; only ``posts`` is required, and a target
        whose table is missing is reported as "not measured".  Without ``start``/``end``
        the review covers the days the posts table covers.  Nothing you pass is changed.
        See the module docstring for a worked example.

        >>> plan = SocialMediaPlan([Target("posts_per_week", 3)], "parents", ["facebook"])
        >>> posts = pd.DataFrame({"published_at": pd.to_datetime(["2026-03-02 10:00"]),
        ...                       "platform": ["facebook"]})
        >>> plan.review(posts, start="2026-04-01", end="2026-04-30")
        Traceback (most recent call last):
        ...
        smm_helpers.errors.InputError: There are no posts on facebook between 2026-04-01 and
        2026-04-30.
        How to fix it: the posts table covers 2026-03-02 to 2026-03-02; choose start and end
        inside it.
        """
        data = _PeriodData.build(self, posts, followers, inbox, campaigns, start, end)
        results = tuple(_result(goal, data) for goal in self.goals)
        mix = _pillar_mix(self.pillars, data.posts)
        corrections = [text for r in results if r.met is False
                       for text in [_correction(r, data)] if text]
        corrections += [text for r in results for text in [_baseline_correction(r, data)]
                        if text]
        corrections += _pillar_corrections(mix, len(data.posts))
        corrections += _budget_corrections(self.budget, data)
        corrections += [_not_measured(r.target, data) for r in results if not r.measured]
        return PlanReview(self, data.start.date(), data.end.date(), results, mix,
                          tuple(corrections), _coverage_note(data))


def _result(goal: Target, data: _PeriodData) -> TargetResult:
    """A target's actual value, with the baseline it started from and what was left out."""
    if goal.metric in ("followers", "follower_growth_rate"):
        points = _followers_points(goal.platform, data)
        if points is None:
            return TargetResult(goal, float("nan"))
        baseline, day0, last = points
        actual = last if goal.metric == "followers" else _ratio(last - baseline, baseline)
        return TargetResult(goal, actual, baseline, day0)
    note = ""
    if goal.metric in ("response_rate", "median_response_hours") and data.inbox is not None:
        spam = int(_on(data.spam, goal.platform).shape[0]) if data.spam is not None else 0
        note = ngettext("{count} spam message left out", "{count} spam messages left out",
                        spam).format(count=digits(spam)) if spam else ""
    mixed = _mixed_objectives(goal, data)
    if mixed:
        note = _("campaigns with {count} objectives ({objectives}) are not compared: their "
                 "results are not the same thing").format(count=digits(len(mixed)),
                                                          objectives=", ".join(mixed))
    return TargetResult(goal, _actual(goal, data), note=note)


POOLED_METRICS = ("cost_per_result", "conversions")
"""Campaign metrics that add up results, so they mean something only within one objective."""


def _mixed_objectives(goal: Target, data: _PeriodData) -> list[str]:
    """The objectives of the period's campaigns when a pooled metric would mix several."""
    if goal.metric not in POOLED_METRICS or data.campaigns is None:
        return []
    campaigns = _on(data.campaigns, goal.platform)
    if "objective" not in campaigns.columns:
        return []
    objectives = sorted(str(o) for o in campaigns["objective"].dropna().unique())
    return objectives if len(objectives) > 1 else []


def _coverage_note(data: _PeriodData) -> str:
    """Say so when the posts table does not reach the first or the last day of the period."""
    first, last = data.extra["posts_first"], data.extra["posts_last"]
    if first <= data.start and last >= data.end:
        return ""
    return _("the posts table only runs {period}").format(
        period=period_label(first.date(), last.date()))


def _baseline_correction(result: TargetResult, data: _PeriodData) -> str:
    """A follower target is only meaningful against where the period started."""
    goal = result.target
    if result.baseline is None or result.baseline_day is None or not result.measured:
        return ""
    span = period_label(data.start.date(), data.end.date())
    count = _format_value(result.baseline, "count")
    day = _day_label(result.baseline_day)
    if result.baseline_day > data.start.date():
        return _("There was no follower count on or before the first day of the period, so "
                 "the {metric} target {where} is measured from the first count inside it "
                 "({count} on {day}), not over all of {period}: give the followers table a row "
                 "for the first day.").format(metric=goal.metric, where=_on_where(goal.platform),
                                              count=count, day=day, period=span)
    at_least = goal.direction == "at least"  # i18n: not shown
    if goal.metric == "followers" and at_least and result.baseline >= goal.target:
        return _("The followers target {where} ({target}) was already reached at the baseline "
                 "({count} on {day}), before {period} began, so meeting it shows no progress: "
                 "set the next target from the baseline, e.g. +5% over the period "
                 "({next}).").format(where=_on_where(goal.platform),
                                     target=goal.format(goal.target), count=count, day=day,
                                     period=span,
                                     next=_format_value(result.baseline * 1.05, "count"))
    return ""


def _not_measured(goal: Target, data: _PeriodData) -> str:
    table = METRICS[goal.metric].table
    if table != "posts" and getattr(data, table) is None:
        return _("Give the {table} table to review {metric}.").format(table=table,
                                                                      metric=goal.metric)
    mixed = _mixed_objectives(goal, data)
    if mixed:
        return _("{metric} {where} was not computed: the period's campaigns had {count} "
                 "objectives ({objectives}), and a lead, a click and a donation are not the "
                 "same result, so adding them up means nothing. Set a target for the result "
                 "you want (cost_per_donation or donations), or review one objective's "
                 "campaigns, e.g. {example}.").format(
            metric=goal.metric, where=_on_where(goal.platform), count=digits(len(mixed)),
            objectives=", ".join(mixed),
            example=f"campaigns[campaigns['objective'] == {mixed[0]!r}]")
    return _("There was no {table} data to measure {metric} {where} in this period (no rows, "
             "or a total of 0 to divide by).").format(table=table, metric=goal.metric,
                                                      where=_on_where(goal.platform))


def _check_goals(goals: tuple[Target, ...], platforms: tuple[str, ...]) -> None:
    for goal in goals:
        if not isinstance(goal, Target):
            raise InputError(_("{goal} is not a Target").format(goal=repr(goal)),
                             fix=_("write each goal as Target('metric', number), e.g. "
                                   "Target('posts_per_week', 5, platform='facebook')"))
    for platform in platforms:
        if platform not in PLATFORMS:
            raise unknown_choice(_("platform"), platform, PLATFORMS)
    if not platforms:
        raise InputError(_("The plan has no platforms"),
                         fix=_("list where you publish, e.g. "
                               "platforms=['facebook', 'instagram']"))
    for goal in goals:
        if goal.platform != "all" and goal.platform not in platforms:
            raise InputError(
                _("The target {target} is for {platform}, which is not one of the plan's "
                  "platforms ({platforms})").format(target=goal, platform=goal.platform,
                                                    platforms=", ".join(platforms)),
                fix=_("add {platform} to platforms, or set the target's platform to one of "
                      "them or 'all'").format(platform=repr(goal.platform)),
            )


def _check_pillars(pillars: dict[str, float]) -> None:
    for name, share in pillars.items():
        if isinstance(share, bool) or not isinstance(share, int | float) or share < 0:
            raise InputError(_("The share of pillar {pillar} is {share}; it must be a "
                               "fraction between 0 and 1").format(pillar=repr(name),
                                                                  share=repr(share)),
                             fix=_("write e.g. 0.3 for 30% of posts"))
    if not pillars:
        return
    total = sum(pillars.values())
    if abs(total - 1) <= 0.011:
        return
    listing = ", ".join(f"{name} {_percent(share)}" for name, share in pillars.items())
    if abs(total - 100) <= 1.1:
        raise InputError(
            _("The pillar shares add up to {total}: they look like percentages "
              "({listing})").format(total=digits(f"{total:g}"), listing=", ".join(
                  f"{n} {digits(format(s, 'g'))}" for n, s in pillars.items())),
            fix=_("write them as fractions that add up to 1.0, e.g. 0.3 for 30%"),
        )
    if total < 1:
        fix = _("make them add up to 1.0, e.g. give the missing {share} to one pillar")
    else:
        fix = _("make them add up to 1.0, e.g. take away the extra {share} from one pillar")
    raise InputError(
        _("The pillar shares add up to {total}, not 100% ({listing})").format(
            total=_percent(total), listing=listing),
        fix=fix.format(share=_percent(abs(1 - total))),
    )


# --- the data of one review period --------------------------------------------------------


def _local_days(values: pd.Series, column: str) -> pd.Series:
    """Calendar days in Asia/Dhaka as naive midnight timestamps."""
    try:
        times = pd.to_datetime(values, format="ISO8601") if not \
            pd.api.types.is_datetime64_any_dtype(values) else values
    except (ValueError, TypeError) as error:
        raise DataError(_("the {column} values are not dates ({error})").format(
                            column=column, error=error),
                        fix=_("write them like 2026-01-05 10:30+06:00"), column=column) from None
    if isinstance(times.dtype, pd.DatetimeTZDtype):
        times = times.dt.tz_convert(TIMEZONE).dt.tz_localize(None)
    return pd.Series(times, index=values.index).dt.normalize()


def _day(value: str | date | None, name: str) -> pd.Timestamp | None:
    if value is None:
        return None
    try:
        day = pd.Timestamp(value)
    except (ValueError, TypeError):
        raise InputError(_("{name}={value} is not a date").format(name=name, value=repr(value)),
                         fix=_("write it like {example}").format(
                             example=f"{name}='2026-03-31'")) from None
    if day.tzinfo is not None:
        day = day.tz_convert(TIMEZONE).tz_localize(None)
    return day.normalize()


@dataclass
class _PeriodData:
    """The tables cut to one client, the plan's platforms and the review period."""

    start: pd.Timestamp
    end: pd.Timestamp
    platforms: tuple[str, ...]
    posts: pd.DataFrame
    followers: pd.DataFrame | None
    inbox: pd.DataFrame | None
    campaigns: pd.DataFrame | None
    spam: pd.DataFrame | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def weeks(self) -> float:
        return ((self.end - self.start).days + 1) / 7

    @classmethod
    def build(cls, plan: SocialMediaPlan, posts: pd.DataFrame,
              followers: pd.DataFrame | None, inbox: pd.DataFrame | None,
              campaigns: pd.DataFrame | None, start: str | date | None,
              end: str | date | None) -> _PeriodData:
        posts = require_table(posts, ["published_at", "platform"], "posts")
        posts = _own_rows(plan, posts, "posts")
        posts = posts.assign(_day=_local_days(posts["published_at"], "published_at"))
        posts = posts[posts["platform"].isin(plan.platforms)]
        if posts.empty:
            raise DataError(_("the posts table has no posts on {platforms}").format(
                                platforms=", ".join(plan.platforms)),
                            fix=_("check the plan's platforms and the client of the data"))
        first, last = posts["_day"].min(), posts["_day"].max()
        day0 = _day(start, "start") or first
        day1 = _day(end, "end") or last
        if day0 > day1:
            raise InputError(_("start ({start}) is after end ({end})").format(
                                 start=f"{day0:%Y-%m-%d}", end=f"{day1:%Y-%m-%d}"),
                             fix=_("swap them, or pick an earlier start"))
        period = posts[(posts["_day"] >= day0) & (posts["_day"] <= day1)]
        if period.empty:
            raise InputError(
                _("There are no posts on {platforms} between {start} and {end}").format(
                    platforms=", ".join(plan.platforms), start=f"{day0:%Y-%m-%d}",
                    end=f"{day1:%Y-%m-%d}"),
                fix=_("the posts table covers {first} to {last}; choose start and end inside "
                      "it").format(first=f"{first:%Y-%m-%d}", last=f"{last:%Y-%m-%d}"),
            )
        messages = _cut(plan, inbox, "inbox", "received_at", day0, day1)
        spam = None
        if messages is not None:
            is_spam = _is_spam(messages)
            messages, spam = messages[~is_spam], messages[is_spam]
        extra = {"posts_first": first, "posts_last": last,
                 "posts_before": posts[posts["_day"] <= day0],
                 "followers_before": _cut(plan, followers, "followers", "date", None, day0)}
        return cls(day0, day1, tuple(plan.platforms), period,
                   _cut(plan, followers, "followers", "date", day0, day1),
                   messages, _cut_campaigns(plan, campaigns, day0, day1), spam, extra)


def _is_spam(inbox: pd.DataFrame) -> pd.Series:
    """True for messages classified spam (category 'spam'), as lesson 01 leaves them out."""
    if "category" not in inbox.columns:
        return pd.Series(False, index=inbox.index)
    category = inbox["category"].astype("string").str.strip().str.casefold()
    return (category == SPAM_CATEGORY).fillna(False).astype(bool)


def _own_rows(plan: SocialMediaPlan, frame: pd.DataFrame, name: str) -> pd.DataFrame:
    if "client" not in frame.columns:
        return frame
    if plan.client is not None:
        return frame[frame["client"] == plan.client]
    clients = sorted(map(str, pd.unique(frame["client"].dropna())))
    if len(clients) > 1:
        raise InputError(
            _("The {name} table holds rows of several clients ({clients})").format(
                name=name, clients=", ".join(clients)),
            fix=_("say whose plan it is, e.g. {example}").format(
                example=f"SocialMediaPlan(..., client={clients[0]!r})"),
        )
    return frame


def _cut(plan: SocialMediaPlan, frame: pd.DataFrame | None, name: str, column: str,
         day0: pd.Timestamp | None, day1: pd.Timestamp) -> pd.DataFrame | None:
    """The rows of one client and the plan's platforms from day0 (None: any day) to day1."""
    if frame is None:
        return None
    frame = _own_rows(plan, require_table(frame, [column, "platform"], name), name)
    frame = frame.assign(_day=_local_days(frame[column], column))
    keep = (frame["_day"] <= day1) & frame["platform"].isin(plan.platforms)
    if day0 is not None:
        keep &= frame["_day"] >= day0
    return frame[keep]


def _cut_campaigns(plan: SocialMediaPlan, frame: pd.DataFrame | None,
                   day0: pd.Timestamp, day1: pd.Timestamp) -> pd.DataFrame | None:
    """Campaigns that ran at least one day inside the period (their totals are not split)."""
    if frame is None:
        return None
    frame = _own_rows(plan, require_table(frame, ["start_date", "end_date", "platform"],
                                     "campaigns"), "campaigns")
    first = _local_days(frame["start_date"], "start_date")
    last = _local_days(frame["end_date"], "end_date")
    keep = (first <= day1) & (last >= day0) & frame["platform"].isin(plan.platforms)
    return frame[keep]


# --- actuals --------------------------------------------------------------------------------

def _on(frame: pd.DataFrame, platform: str) -> pd.DataFrame:
    return frame if platform == "all" else frame[frame["platform"] == platform]


def _ratio(top: float, bottom: float) -> float:
    return float(top) / float(bottom) if bottom else float("nan")


def _engagements(posts: pd.DataFrame) -> pd.Series:
    require_table(posts, list(ENGAGEMENT_COLUMNS), "posts")
    return posts[list(ENGAGEMENT_COLUMNS)].sum(axis=1)


def _actual(goal: Target, data: _PeriodData) -> float:
    """The value a target's metric actually took in the period (NaN if it can't be measured)."""
    metric, platform = goal.metric, goal.platform
    posts = _on(data.posts, platform)
    if metric == "posts_per_week":
        return len(posts) / data.weeks
    if metric == "er_reach":
        require_table(posts, ["reach"], "posts")
        return _ratio(_engagements(posts).sum(), posts["reach"].sum())
    if metric in ("reach", "link_clicks"):
        return float(require_table(posts, [metric], "posts")[metric].sum())
    if metric == "ctr":
        require_table(posts, ["link_clicks", "impressions"], "posts")
        return _ratio(posts["link_clicks"].sum(), posts["impressions"].sum())
    if metric in ("followers", "follower_growth_rate"):
        return _followers_actual(metric, platform, data)
    if metric in ("response_rate", "median_response_hours"):
        return _inbox_actual(metric, platform, data)
    if metric == "spend":
        total = float(posts["spend"].sum()) if "spend" in posts.columns else 0.0
        if data.campaigns is not None:
            campaigns = _on(require_table(data.campaigns, ["spend"], "campaigns"), platform)
            total += float(campaigns["spend"].sum())
        return total
    return _campaign_actual(metric, platform, data)


def _followers_points(platform: str, data: _PeriodData) -> tuple[float, date, float] | None:
    """(baseline, the day it was counted, followers at the end of the period).

    The baseline of each platform is its last count on or before the period's first day;
    when there is none, its first count inside the period (a later day, which the review
    then points out).  Counts come from the followers table, or else from the posts.
    """
    if data.followers is not None:
        table = _on(require_table(data.followers, ["followers"], "followers"), platform)
        before = _on(data.extra["followers_before"], platform)
        by_day = "_day"
    else:
        table = _on(require_table(data.posts, ["followers"], "posts"), platform)
        before = _on(data.extra["posts_before"], platform)
        by_day = "published_at"
    table = table.dropna(subset=["followers"])
    if table.empty:
        return None
    ordered = table.sort_values(by_day)
    last = ordered.groupby("platform", observed=True)["followers"].last().sum()
    baseline, days = 0.0, []
    for name, rows in ordered.groupby("platform", observed=True):
        earlier = before[before["platform"] == name].dropna(subset=["followers"])
        start = earlier.sort_values(by_day).iloc[-1] if not earlier.empty else rows.iloc[0]
        baseline += float(start["followers"])
        days.append(start["_day"].date())
    return baseline, max(days), float(last)


def _followers_actual(metric: str, platform: str, data: _PeriodData) -> float:
    points = _followers_points(platform, data)
    if points is None:
        return float("nan")
    baseline, _, last = points
    return last if metric == "followers" else _ratio(last - baseline, baseline)


def _inbox_hours(inbox: pd.DataFrame) -> pd.Series:
    from smm_helpers.metrics.responses import response_times

    return response_times(inbox)


def _inbox_actual(metric: str, platform: str, data: _PeriodData) -> float:
    if data.inbox is None:
        return float("nan")
    inbox = _on(require_table(data.inbox, ["responded_at"], "inbox"), platform)
    if inbox.empty:
        return float("nan")
    hours = _inbox_hours(inbox)
    if metric == "response_rate":
        return float(hours.notna().mean())
    return float(hours.median()) if hours.notna().any() else float("nan")


def _campaign_actual(metric: str, platform: str, data: _PeriodData) -> float:
    if data.campaigns is None:
        return float("nan")
    campaigns = _on(data.campaigns, platform)
    if metric in POOLED_METRICS and "objective" in campaigns.columns \
            and campaigns["objective"].dropna().nunique() > 1:
        return float("nan")  # not comparable: see _mixed_objectives
    if metric == "cost_per_result":
        require_table(campaigns, ["spend", "conversions"], "campaigns")
        return _ratio(campaigns["spend"].sum(), campaigns["conversions"].sum())
    if metric in ("donations", "cost_per_donation"):
        require_table(campaigns, ["objective", "spend", "conversions"], "campaigns")
        donations = campaigns[campaigns["objective"] == "donations"]
        if metric == "cost_per_donation":
            return _ratio(donations["spend"].sum(), donations["conversions"].sum())
        return float(donations["conversions"].sum())
    column = "conversions" if metric == "conversions" else "conversion_value"
    return float(require_table(campaigns, [column], "campaigns")[column].sum())


# --- corrections ----------------------------------------------------------------------------

def _pillar_mix(pillars: Mapping[str, float], posts: pd.DataFrame) -> pd.DataFrame:
    """Planned and actual share of posts per pillar (a new table)."""
    columns = ["pillar", "planned", "actual", "gap", "posts"]
    if not pillars:
        return pd.DataFrame(columns=columns)
    require_table(posts, ["pillar"], "posts")
    by_key = {name.strip().casefold(): name for name in pillars}
    names = posts["pillar"].astype("string").str.strip()
    names = names.map(lambda n: by_key.get(str(n).casefold(), n), na_action="ignore")
    counts = names.value_counts()
    total = len(posts)
    rows = [(name, share, counts.get(name, 0) / total, int(counts.get(name, 0)))
            for name, share in pillars.items()]
    rows += [(str(name), 0.0, n / total, int(n)) for name, n in counts.items()
             if name not in pillars]
    mix = pd.DataFrame([(n, p, a, a - p, c) for n, p, a, c in rows], columns=columns)
    return mix


def _pillar_corrections(mix: pd.DataFrame, posts: int) -> list[str]:
    if posts < MIN_PER_GROUP and (mix["gap"].abs() >= PILLAR_TOLERANCE).any():
        return [_("Not enough data to recommend a change from the pillar mix: {count} posts in "
                  "the period, and at least {minimum} per group are needed. Keep going and "
                  "review again when there are more.").format(count=digits(posts),
                                                              minimum=digits(MIN_PER_GROUP))]
    out = []
    for pillar, planned, actual in zip(mix["pillar"], mix["planned"], mix["actual"],
                                       strict=True):
        gap = float(actual) - float(planned)
        if abs(gap) < PILLAR_TOLERANCE:
            continue
        if planned == 0:
            text = _("{pillar} posts were {actual} of posts but the pillar is not in the plan: "
                     "add it to the plan or move those posts to a planned pillar.")
        elif gap < 0:
            text = _("{pillar} posts were {actual} of posts against a planned {planned}: "
                     "schedule more of them in the content calendar.")
        else:
            text = _("{pillar} posts were {actual} of posts against a planned {planned}: "
                     "schedule fewer of them in the content calendar.")
        out.append(text.format(pillar=repr(pillar), actual=_percent(float(actual)),
                               planned=_percent(float(planned))))
    return out


def _budget_corrections(budget: float | None, data: _PeriodData) -> list[str]:
    if budget is None:
        return []
    spent = _actual(Target("spend", 0), data)
    if spent <= budget:
        return []
    over = spent / budget - 1 if budget else float("inf")
    return [_("Spending was {spent} BDT against a budget of {budget} BDT ({over}): "
              "{advice}.").format(
        spent=format_number(spent), budget=format_number(budget), over=_percent(over, "+.0%"),
        advice=_worst_campaign_text(data.campaigns, "all") or _(_BOOST_FEWER))]


_BOOST_FEWER = N_("boost fewer posts, and only the ones that already do well organically")


def _best_format(posts: pd.DataFrame, score: str) -> tuple[str, float, int, float] | None:
    """The format with the best score (er_reach, reach or ctr) among formats with at least
    ``MIN_PER_GROUP`` posts; None unless two or more formats have that many to compare."""
    if "format" not in posts.columns or posts.empty:
        return None
    table = posts.assign(_eng=_engagements(posts) if score == "er_reach" else 0)
    grouped = table.groupby("format", observed=True)
    sizes = grouped.size()
    if score == "er_reach":
        values = grouped["_eng"].sum() / grouped["reach"].sum()
    elif score == "reach":
        values = grouped["reach"].mean()
    else:
        values = grouped["link_clicks"].sum() / grouped["impressions"].sum()
    values = values[sizes >= MIN_PER_GROUP].dropna()
    if len(values) < 2:
        return None
    best = str(values.idxmax())
    return best, float(values[best]), int(sizes[best]), float(sizes[best] / len(posts))


def _on_where(platform: str) -> str:
    """'on facebook' or 'on all platforms' (in Bengali 'ফেসবুকে', 'সব প্ল্যাটফর্মে')."""
    if platform == "all":
        return _("on all platforms")
    if platform in _ON_PLATFORM:
        return _(_ON_PLATFORM[platform])
    return _("on {platform}").format(platform=_platform_shown(platform))


_ON_PLATFORM = {"facebook": N_("on facebook"), "instagram": N_("on instagram"), "x": N_("on x"),
                "linkedin": N_("on linkedin"), "youtube": N_("on youtube"),
                "tiktok": N_("on tiktok")}
"""'on <platform>' whole, so a language can write the place its own way ('ফেসবুকে')."""


_LABELS = {"er_reach": N_("ER by reach"), "reach": N_("reach"), "ctr": N_("click-through rate"),
           "link_clicks": N_("link clicks")}
"""How a correction names a posts metric."""


def _correction(result: TargetResult, data: _PeriodData) -> str:
    """A specific suggestion for a missed target, from what the data shows."""
    goal = result.target
    actual, planned = goal.format(result.actual), goal.format(goal.target)
    posts = _on(data.posts, goal.platform)
    metric = goal.metric
    if metric == "posts_per_week":
        per_platform = ", ".join(
            f"{_platform_shown(str(p))} {_one(n / data.weeks)}" for p, n in
            data.posts["platform"].value_counts().items()
            if n and goal.platform in ("all", p))
        missing = goal.target - result.actual
        return ngettext(
            "Posting was {actual} posts a week against a planned {planned} ({per_platform}). "
            "Add about {missing} post a week to the content calendar and prepare posts for "
            "important days in advance.",
            "Posting was {actual} posts a week against a planned {planned} ({per_platform}). "
            "Add about {missing} posts a week to the content calendar and prepare posts for "
            "important days in advance.",
            1 if round(missing, 1) == 1 else 2,
        ).format(actual=_one(result.actual), planned=_one(goal.target),
                 per_platform=per_platform, missing=_one(missing))
    if metric in ("er_reach", "reach", "ctr", "link_clicks"):
        score = "ctr" if metric == "link_clicks" else metric
        best = _best_format(posts, score)
        text = _("{label} {where} was {actual} against {planned}.").format(
            label=_(_LABELS[metric]), where=_on_where(goal.platform), actual=actual,
            planned=planned)
        if len(posts) < MIN_PER_GROUP:
            return text + " " + _not_enough_posts(goal.platform, len(posts))
        if best is None:
            sizes = posts["format"].value_counts() if "format" in posts.columns else None
            if sizes is not None and not sizes.empty:
                advice = _("Not enough data to compare formats: fewer than two formats had at "
                           "least {minimum} posts (the most: {format}, {count}). Try a "
                           "different format for a few weeks, then compare.").format(
                    minimum=digits(MIN_PER_GROUP), format=sizes.index[0],
                    count=digits(int(sizes.iloc[0])))
            else:
                advice = _("Not enough data to compare formats: fewer than two formats had at "
                           "least {minimum} posts. Try a different format for a few weeks, "
                           "then compare.").format(minimum=digits(MIN_PER_GROUP))
            return text + " " + advice
        name, value, n, share = best
        shown = _format_value(value, "count" if score == "reach" else "rate")
        if score == "reach":
            advice = _("Its best format in this period was {format} ({value} per post over "
                       "{count} posts), only {share} of its posts: publish more {format} posts.")
        else:
            advice = _("Its best format in this period was {format} ({value} over {count} "
                       "posts), only {share} of its posts: publish more {format} posts.")
        return text + " " + advice.format(format=name, value=shown, count=digits(n),
                                          share=_percent(share))
    if metric in ("followers", "follower_growth_rate"):
        return _followers_correction(result, posts)
    if metric in ("response_rate", "median_response_hours"):
        return _inbox_correction(result, data)
    return _campaign_correction(result, data)


def _followers_correction(result: TargetResult, posts: pd.DataFrame) -> str:
    goal = result.target
    text = _("{metric} {where} was {actual} against {target}.").format(
        metric=_(METRIC_WORDS[goal.metric]), where=_on_where(goal.platform),
        actual=goal.format(result.actual), target=goal.format(goal.target))
    if {"pillar", "shares"} <= set(posts.columns) and not posts.empty:
        grouped = posts.groupby("pillar", observed=True)["shares"]
        shares = grouped.mean()[grouped.size() >= MIN_PER_GROUP]
        if len(shares.dropna()) >= 2:
            best = str(shares.idxmax())
            return text + " " + _(
                "Shares bring new people: {pillar} posts got the most shares per post "
                "({shares}); post more of them and ask supporters to share.").format(
                pillar=repr(best), shares=_one(shares[best]))
    return text + " " + _(
        "Not enough data to name the pillar people share most (at least {minimum} posts in "
        "each of two pillars are needed): post the content people share most, and ask "
        "supporters to share it.").format(minimum=digits(MIN_PER_GROUP))


def _inbox_correction(result: TargetResult, data: _PeriodData) -> str:
    goal = result.target
    assert data.inbox is not None
    inbox = _on(data.inbox, goal.platform)
    hours = _inbox_hours(inbox)
    if goal.metric == "response_rate":
        unanswered = inbox[hours.isna()]
        values = {"actual": goal.format(result.actual), "target": goal.format(goal.target),
                  "count": digits(len(unanswered))}
        if "category" in unanswered.columns and not unanswered.empty:
            kinds = unanswered["category"].value_counts()
            text = _("Only {actual} of messages (spam left out) got an answer against {target}: "
                     "{count} were never answered ({kinds}).").format(
                kinds=", ".join(f"{digits(n)} {k}" for k, n in kinds.items() if n), **values)
        else:
            text = _("Only {actual} of messages (spam left out) got an answer against {target}: "
                     "{count} were never answered.").format(**values)
    else:
        text = _("Replies took a median {actual} against at most {target}.").format(
            actual=goal.format(result.actual), target=goal.format(goal.target))
        answered = inbox.assign(_hours=hours).dropna(subset=["_hours"])
        days = _slowest(answered, answered["_day"].dt.day_name())
        if days is not None:
            slowest, worst = days
            day = _(WEEKDAY_NAMES.get(slowest, slowest))
            if slowest in ("Friday", "Saturday"):
                day = _("{day} (Bangladesh's weekend)").format(day=day)
            where = _slowest(answered, answered["platform"]) if goal.platform == "all" else None
            if where is not None:
                text += " " + _("Slowest on {day} ({hours} h) and on {platform} "
                                "({platform_hours} h).").format(
                    day=day, hours=_one(worst), platform=_platform_shown(where[0]),
                    platform_hours=_one(where[1]))
            else:
                text += " " + _("Slowest on {day} ({hours} h).").format(day=day,
                                                                         hours=_one(worst))
        else:
            text += " " + _("Not enough data to name the slowest day: at least {minimum} "
                            "answered messages per day are needed ({count} in all).").format(
                minimum=digits(MIN_PER_GROUP), count=digits(len(answered)))
    return text + " " + _("Set up a response rota: name who answers messages on each day, "
                          "weekends included, and check the inbox at fixed times.")


def _slowest(answered: pd.DataFrame, groups: pd.Series) -> tuple[str, float] | None:
    """The group with the slowest median reply among groups of ``MIN_PER_GROUP`` or more
    answered messages; None unless at least two such groups can be compared."""
    grouped = answered.groupby(groups.astype(str))["_hours"]
    medians = grouped.median()[grouped.size() >= MIN_PER_GROUP].dropna()
    if len(medians) < 2:
        return None
    return str(medians.idxmax()), float(medians.max())


def _campaign_costs(campaigns: pd.DataFrame | None, platform: str,
                    objective: str | None = None) -> pd.Series:
    """Cost per result (BDT) of each campaign with results, labelled by campaign_id."""
    if campaigns is None or not {"spend", "conversions"} <= set(campaigns.columns):
        return pd.Series(dtype="float64")
    table = _on(campaigns, platform)
    if objective is not None and "objective" in table.columns:
        table = table[table["objective"] == objective]
    labels = table["campaign_id"] if "campaign_id" in table.columns else table.index
    results = table["conversions"].where(table["conversions"] > 0)
    cost = pd.Series((table["spend"] / results).to_numpy(dtype="float64"),
                     index=pd.Index(labels).astype(str))
    return cost.dropna()


def _worst_campaign_text(campaigns: pd.DataFrame | None, platform: str,
                         objective: str | None = None) -> str:
    """Which campaign to cut and which to feed, comparing campaigns of one objective only.

    A lead, a click and a donation are not the same result, so a campaign is only ever
    compared with campaigns of the same objective; among the objectives with two or more
    campaigns that got results, the one with the widest gap in cost per result is named.
    """
    if campaigns is None:
        return ""
    table = _on(campaigns, platform)
    if "objective" not in table.columns:
        cost = _campaign_costs(table, "all")
        return _cut_and_move(cost, "") if len(cost) >= 2 else ""
    names = [objective] if objective is not None else sorted(
        str(o) for o in table["objective"].dropna().unique())
    best_gap, text = 1.0, ""
    for name in names:
        cost = _campaign_costs(table, "all", name)
        if len(cost) < 2:
            continue
        gap = float(cost.max()) / float(cost.min())
        if gap > best_gap:
            best_gap, text = gap, _cut_and_move(cost, name)
    return text


def _cut_and_move(cost: pd.Series, objective: str) -> str:
    worst, best = str(cost.idxmax()), str(cost.idxmin())
    values = {"worst": worst, "worst_cost": format_number(float(cost.max())), "best": best,
              "best_cost": format_number(float(cost.min())),
              "unit": _(_RESULTS.get(objective, _RESULTS[""])[1])}
    if objective:
        return _("of the campaigns with the objective {objective} (compare a campaign only with "
                 "others of the same objective), pause or cut {worst} ({worst_cost} {unit}) "
                 "and move money to {best} ({best_cost} {unit})").format(
            objective=repr(objective), **values)
    return _("pause or cut {worst} ({worst_cost} {unit}) and move money to {best} "
             "({best_cost} {unit})").format(**values)


_RESULTS = {
    "donations": (N_("donations"), N_("BDT per donation")),
    "sales": (N_("sales"), N_("BDT per sale")),
    "leads": (N_("leads"), N_("BDT per lead")),
    "": (N_("results"), N_("BDT per result")),
}
"""What the conversions are and what one costs, by campaign objective (others: results)."""


def _campaign_correction(result: TargetResult, data: _PeriodData) -> str:
    goal = result.target
    direction = str(goal.direction)
    text = _("{metric} {where} was {actual} against {direction} {target}").format(
        metric=_(METRIC_WORDS[goal.metric]), where=_on_where(goal.platform),
        actual=goal.format(result.actual), direction=_(DIRECTION_NAMES.get(direction, direction)),
        target=goal.format(goal.target))
    if goal.metric in ("spend", "cost_per_result", "cost_per_donation"):
        objective = "donations" if goal.metric == "cost_per_donation" else None
        advice = _worst_campaign_text(data.campaigns, goal.platform, objective)
        if not advice:
            advice = (_(_BOOST_FEWER) if goal.metric == "spend" else
                      _("test a second audience or creative against this one and keep the "
                        "cheaper"))
        return _("{finding}: {advice}.").format(finding=text, advice=advice)
    if goal.metric == "conversion_value":
        return _("{finding}: {advice}.").format(
            finding=text, advice=_best_value_text(data.campaigns, goal.platform))
    objective = "donations" if goal.metric == "donations" else None
    if objective is None and data.campaigns is not None and "objective" in data.campaigns:
        found = _on(data.campaigns, goal.platform)["objective"].dropna().unique()
        objective = str(found[0]) if len(found) == 1 else None
    cost = _campaign_costs(data.campaigns, goal.platform, objective)
    if cost.empty:
        if objective:
            return _("{finding}: no campaign with the objective {objective} brought results in "
                     "this period; run one with a clear call to action and track its "
                     "results.").format(finding=text, objective=repr(objective))
        return _("{finding}: no campaign brought results in this period; run one with a clear "
                 "call to action and track its results.").format(finding=text)
    results, unit = _RESULTS.get(objective or "", _RESULTS[""])
    return _("{finding}: {best} got {results} most cheaply ({cost} {unit}); give campaigns "
             "like it a bigger share of the budget.").format(
        finding=text, best=str(cost.idxmin()), results=_(results),
        cost=format_number(float(cost.min())), unit=_(unit))


def _best_value_text(campaigns: pd.DataFrame | None, platform: str) -> str:
    """Money is money whatever the objective: name the campaign that brought the most per taka."""
    if campaigns is None or not {"spend", "conversion_value"} <= set(campaigns.columns):
        return _("no campaign brought in money in this period")
    table = _on(campaigns, platform)
    table = table[(table["conversion_value"] > 0) & (table["spend"] > 0)]
    if table.empty:
        return _("no campaign brought in money in this period; run one with a clear call to "
                 "action (a donation or a sale) and track its results")
    labels = table["campaign_id"] if "campaign_id" in table.columns else table.index
    per_taka = pd.Series((table["conversion_value"] / table["spend"]).to_numpy(dtype="float64"),
                         index=pd.Index(labels).astype(str))
    best = str(per_taka.idxmax())
    return _("{best} brought in the most per taka spent ({value} BDT per BDT, its ROAS); give "
             "campaigns like it a bigger share of the budget").format(
        best=best, value=_one(float(per_taka.max())))


# --- the review -----------------------------------------------------------------------------

@dataclass(frozen=True)
class PlanReview:
    """What ``SocialMediaPlan.review`` found: actual vs target per goal, the pillar mix, and
    the corrections to make.  ``ok`` is True when nothing needs correcting.  ``note`` says
    when the data does not cover the whole period (e.g. the posts table starts later).

    ``table()`` returns the targets as a new DataFrame (one row per target).
    """

    plan: SocialMediaPlan
    start: date
    end: date
    results: tuple[TargetResult, ...]
    pillar_mix: pd.DataFrame
    corrections: tuple[str, ...]
    note: str = ""

    @property
    def ok(self) -> bool:
        """True when every target was met and nothing needs correcting."""
        return all(r.met for r in self.results) and not self.corrections

    @property
    def missed(self) -> list[TargetResult]:
        """The targets that were measured and missed."""
        return [r for r in self.results if r.met is False]

    def table(self) -> pd.DataFrame:
        """One row per target: metric, platform, direction, target, actual, met, gap, gap_pct."""
        return pd.DataFrame(
            [{"metric": r.target.metric, "platform": r.target.platform,
              "direction": r.target.direction, "target": r.target.target, "actual": r.actual,
              "met": r.met, "gap": r.gap, "gap_pct": r.gap_pct} for r in self.results],
            columns=["metric", "platform", "direction", "target", "actual", "met", "gap",
                     "gap_pct"],
        )

    @property
    def period(self) -> str:
        """The days the review covers, e.g. '2–31 Oct 2026 (30 days)'."""
        days = (self.end - self.start).days + 1
        if days % 7 == 0:
            length = ngettext("{count} week", "{count} weeks", days // 7).format(
                count=digits(days // 7))
        else:
            length = ngettext("{count} day", "{count} days", days).format(count=digits(days))
        note = f"; {self.note}" if self.note else ""
        return f"{period_label(self.start, self.end)} ({length}{note})"

    def _period(self) -> str:
        return self.period

    def __repr__(self) -> str:
        return _("PlanReview({period}, {met} of {total} targets met, {corrections} "
                 "corrections)").format(
            period=self._period(), met=digits(sum(bool(r.met) for r in self.results)),
            total=digits(len(self.results)), corrections=digits(len(self.corrections)))

    def __str__(self) -> str:
        lines = [_("Plan review, {period}").format(period=self._period())]
        lines += [r.describe() for r in self.results]
        if self.corrections:
            lines.append(_("Corrections:"))
            lines += [f"- {c}" for c in self.corrections]
        else:
            lines.append(_("Everything is on plan: keep going and review again next period."))
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        status = {True: _("✓ met"), False: _("✗ missed"), None: _("? not measured")}
        rows = "".join(
            f"<tr><td>{html.escape(str(r.target))}</td>"
            f"<td>{html.escape(r.target.format(r.actual))}</td>"
            f"<td>{html.escape(status[r.met])}</td>"
            f"<td>{html.escape(r._gap_text()) if r.measured else ''}</td></tr>"
            for r in self.results)
        heads = "".join(f"<th>{html.escape(h)}</th>"
                        for h in (_("Target"), _("Actual"), _("Status"), _("Gap")))
        fixes = "".join(f"<li>{html.escape(c)}</li>" for c in self.corrections)
        title, corrections = html.escape(_("Plan review")), html.escape(_("Corrections"))
        on_plan = html.escape(_("Everything is on plan."))
        return (f"<div><p><b>{title}</b>, {html.escape(self._period())}</p>"
                f"<table><thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table>"
                + (f"<p><b>{corrections}</b></p><ul>{fixes}</ul>" if fixes
                   else f"<p>{on_plan}</p>") + "</div>")
