"""Targets: the metrics a plan can aim at, one ``Target`` and how it did (``TargetResult``).

:data:`METRICS` names every metric a target can use, how it is computed, from which table,
in which unit and in which direction it usually goes; a :class:`Target` checks itself
against it when it is made.  Rates are fractions, as everywhere in SMM Lab (0.03 means 3%).

>>> print(Target("er_reach", 0.03, platform="facebook"))
er_reach (facebook) at least 3.0%
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from smm_helpers.errors import InputError, unknown_choice
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits, format_number
from smm_helpers.planning.wording import _day_label, _one, _percent, _platform_shown, _signed
from smm_helpers.schema import PLATFORMS

__all__ = ["DIRECTIONS", "DIRECTION_NAMES", "METRICS", "Target", "TargetResult"]

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
    "posts_per_week": _Metric(
        N_("posts published per week: posts ÷ (days in the period ÷ 7)"),
        "posts",
        "per_week",
        "at least",
    ),  # i18n: not shown
    "followers": _Metric(
        N_(
            "followers on the last day of the period (followers table; without "
            "it, the followers column of the last post); the review also "
            "shows the baseline it started from"
        ),
        "followers",
        "count",
        "at least",
    ),  # i18n: not shown
    "follower_growth_rate": _Metric(
        N_(
            "growth of followers over the period: (last - baseline) "
            "÷ baseline, the baseline being the last count on or "
            "before the first day"
        ),
        "followers",
        "rate",
        "at least",
    ),  # i18n: not shown
    "er_reach": _Metric(
        N_("engagement rate by reach: sum(reactions + comments + shares + saves) ÷ sum(reach)"),
        "posts",
        "rate",
        "at least",
    ),  # i18n: not shown
    "reach": _Metric(
        N_("total reach of the period's posts: sum(reach)"), "posts", "count", "at least"
    ),  # i18n: not shown
    "link_clicks": _Metric(
        N_("total link clicks on the period's posts"), "posts", "count", "at least"
    ),  # i18n: not shown
    "ctr": _Metric(
        N_("click-through rate of posts: sum(link_clicks) ÷ sum(impressions)"),
        "posts",
        "rate",
        "at least",
    ),  # i18n: not shown
    "response_rate": _Metric(
        N_(
            "share of inbox messages that got an answer, spam left out "
            "(category 'spam': nobody should answer it, as in lesson 01)"
        ),
        "inbox",
        "rate",
        "at least",
    ),  # i18n: not shown
    "median_response_hours": _Metric(
        N_(
            "median hours from receiving a message to answering "
            "it (answered messages, spam left out)"
        ),
        "inbox",
        "hours",
        "at most",
    ),  # i18n: not shown
    "spend": _Metric(
        N_("money spent: boosted posts' spend plus campaigns' spend, in BDT"),
        "posts",
        "money",
        "at most",
    ),  # i18n: not shown
    "cost_per_result": _Metric(
        N_(
            "campaigns' spend ÷ their conversions, in BDT, for campaigns "
            "of ONE objective (not measured when the period's campaigns "
            "had several: a lead, a click and a donation are not the "
            "same result)"
        ),
        "campaigns",
        "money",
        "at most",
    ),  # i18n: not shown
    "cost_per_donation": _Metric(
        N_(
            "spend of the campaigns whose objective is 'donations' ÷ "
            "their conversions (donations), in BDT"
        ),
        "campaigns",
        "money",
        "at most",
    ),  # i18n: not shown
    "conversions": _Metric(
        N_(
            "campaigns' conversions (sign-ups, donations or sales), for "
            "campaigns of ONE objective (not measured when they had "
            "several)"
        ),
        "campaigns",
        "count",
        "at least",
    ),  # i18n: not shown
    "donations": _Metric(
        N_("conversions of campaigns whose objective is 'donations'"),
        "campaigns",
        "count",
        "at least",
    ),  # i18n: not shown
    "conversion_value": _Metric(
        N_("money the campaigns' conversions brought in, in BDT"), "campaigns", "money", "at least"
    ),  # i18n: not shown
}
"""The metrics a ``Target`` can name, with how each is computed and its usual direction
(show a description with ``gettext(METRICS[name].description)``)."""


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
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not (math.isfinite(value) and value >= 0)
        ):
            raise InputError(
                _("The target for {metric} is {value}; it must be a number of 0 or more").format(
                    metric=self.metric, value=repr(value)
                ),
                fix=_("write e.g. {example}").format(
                    example=f"Target({self.metric!r}, {_example(self.metric)})"
                ),
            )
        if self.unit == "rate" and value > 1:
            raise InputError(
                _("The target for {metric} is {value}, but rates are fractions in SMM Lab").format(
                    metric=self.metric, value=repr(value)
                ),
                fix=_("write {fraction} for {percent}%").format(
                    fraction=f"{value / 100:g}", percent=digits(f"{value:g}")
                ),
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
            metric=self.metric,
            platform=_platform_shown(self.platform),
            direction=_(DIRECTION_NAMES.get(direction, direction)),
            value=self.format(self.target),
        )

    def __repr__(self) -> str:
        return (
            f"Target({self.metric!r}, {self.target!r}, platform={self.platform!r}, "
            f"direction={self.direction!r})"
        )


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
                mark=mark, target=self.target, why=why
            )
        if self.baseline is not None and self.baseline_day is not None:
            text = _(
                "{mark} {target}: actual {actual}, gap {gap}; baseline {baseline} "
                "followers on {day}"
            ).format(
                mark=mark,
                target=self.target,
                actual=self.target.format(self.actual),
                gap=self._gap_text(),
                baseline=_format_value(self.baseline, "count"),
                day=_day_label(self.baseline_day),
            )
        else:
            text = _("{mark} {target}: actual {actual}, gap {gap}").format(
                mark=mark,
                target=self.target,
                actual=self.target.format(self.actual),
                gap=self._gap_text(),
            )
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
