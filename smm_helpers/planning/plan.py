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

The plan and its review, one job per module, each importing only the ones before it:

* ``wording`` — how days, periods (:func:`period_label`), numbers and places are written;
* ``targets`` — :data:`METRICS`, :class:`Target` and :class:`TargetResult`;
* ``period`` — the data of one review period: the tables cut to the client, platforms, days;
* ``actuals`` — what each target's metric, and the pillar mix, really were;
* ``corrections`` — a specific suggestion for every missed target;
* ``review`` — :class:`PlanReview` and :func:`review_plan`, which puts them together;
* ``plan`` (this module) — :class:`SocialMediaPlan`, whose ``review`` runs ``review_plan``.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from smm_helpers.errors import InputError, unknown_choice
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits, format_number

# ``name as name``: names this module has always exported, defined where their job is.
from smm_helpers.planning.actuals import POOLED_METRICS as POOLED_METRICS
from smm_helpers.planning.corrections import METRIC_WORDS as METRIC_WORDS
from smm_helpers.planning.corrections import MIN_PER_GROUP, PILLAR_TOLERANCE
from smm_helpers.planning.corrections import WEEKDAY_NAMES as WEEKDAY_NAMES
from smm_helpers.planning.period import SPAM_CATEGORY
from smm_helpers.planning.review import PlanReview, review_plan
from smm_helpers.planning.targets import DIRECTION_NAMES as DIRECTION_NAMES
from smm_helpers.planning.targets import DIRECTIONS, METRICS, Target, TargetResult
from smm_helpers.planning.wording import _percent, _platform_shown, period_label
from smm_helpers.schema import CLIENTS, PLATFORMS

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
        if self.budget is not None and (
            isinstance(self.budget, bool)
            or not isinstance(self.budget, int | float)
            or self.budget < 0
        ):
            raise InputError(
                _("The budget is {budget}; it must be an amount in BDT of 0 or more").format(
                    budget=repr(self.budget)
                ),
                fix=_("write e.g. budget=15000, or budget=None"),
            )
        if self.client is not None and self.client not in CLIENTS:
            raise unknown_choice(_("client"), self.client, CLIENTS)

    def __repr__(self) -> str:
        return (
            f"SocialMediaPlan(name={self.name!r}, {len(self.goals)} targets, "
            f"platforms={list(self.platforms)!r}, pillars={list(self.pillars)!r})"
        )

    def __str__(self) -> str:
        lines = [
            _(self.name),
            _("Audience: {audience}").format(audience=self.audience),
            _("Platforms: {platforms}").format(
                platforms=", ".join(_platform_shown(p) for p in self.platforms)
            ),
            _("Targets:"),
        ]
        lines += [f"- {goal}" for goal in self.goals]
        if self.pillars:
            lines.append(
                _("Content pillars: {pillars}").format(
                    pillars=", ".join(
                        f"{name} {_percent(share)}" for name, share in self.pillars.items()
                    )
                )
            )
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
        return review_plan(self, posts, followers, inbox, campaigns, start=start, end=end)


def _check_goals(goals: tuple[Target, ...], platforms: tuple[str, ...]) -> None:
    for goal in goals:
        if not isinstance(goal, Target):
            raise InputError(
                _("{goal} is not a Target").format(goal=repr(goal)),
                fix=_(
                    "write each goal as Target('metric', number), e.g. "
                    "Target('posts_per_week', 5, platform='facebook')"
                ),
            )
    for platform in platforms:
        if platform not in PLATFORMS:
            raise unknown_choice(_("platform"), platform, PLATFORMS)
    if not platforms:
        raise InputError(
            _("The plan has no platforms"),
            fix=_("list where you publish, e.g. platforms=['facebook', 'instagram']"),
        )
    for goal in goals:
        if goal.platform != "all" and goal.platform not in platforms:
            raise InputError(
                _(
                    "The target {target} is for {platform}, which is not one of the plan's "
                    "platforms ({platforms})"
                ).format(target=goal, platform=goal.platform, platforms=", ".join(platforms)),
                fix=_(
                    "add {platform} to platforms, or set the target's platform to one of "
                    "them or 'all'"
                ).format(platform=repr(goal.platform)),
            )


def _check_pillars(pillars: dict[str, float]) -> None:
    for name, share in pillars.items():
        if isinstance(share, bool) or not isinstance(share, int | float) or share < 0:
            raise InputError(
                _(
                    "The share of pillar {pillar} is {share}; it must be a fraction between 0 and 1"
                ).format(pillar=repr(name), share=repr(share)),
                fix=_("write e.g. 0.3 for 30% of posts"),
            )
    if not pillars:
        return
    total = sum(pillars.values())
    if abs(total - 1) <= 0.011:
        return
    listing = ", ".join(f"{name} {_percent(share)}" for name, share in pillars.items())
    if abs(total - 100) <= 1.1:
        raise InputError(
            _("The pillar shares add up to {total}: they look like percentages ({listing})").format(
                total=digits(f"{total:g}"),
                listing=", ".join(f"{n} {digits(format(s, 'g'))}" for n, s in pillars.items()),
            ),
            fix=_("write them as fractions that add up to 1.0, e.g. 0.3 for 30%"),
        )
    if total < 1:
        fix = _("make them add up to 1.0, e.g. give the missing {share} to one pillar")
    else:
        fix = _("make them add up to 1.0, e.g. take away the extra {share} from one pillar")
    raise InputError(
        _("The pillar shares add up to {total}, not 100% ({listing})").format(
            total=_percent(total), listing=listing
        ),
        fix=fix.format(share=_percent(abs(1 - total))),
    )
