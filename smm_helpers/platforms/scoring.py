"""The factors of the platform ranking: each scores a platform from 0 to 1, with a reason.

The ranking is a *transparent weighted sum*: every point has a factor (:data:`FACTORS`), a
weight (:data:`DEFAULT_WEIGHTS`, which a learner may change) and a one-line reason, so a
learner can disagree with it.  :func:`score_platform` gives one platform's scores and
reasons; :func:`check_weights` merges a learner's weights with the defaults.

>>> from smm_helpers.platforms import OrgProfile, get_platform
>>> scores = score_platform(get_platform("linkedin"), OrgProfile("b2b", goals="leads"), [])
>>> scores["goal"]
(1.0, 'goal fit leads 3/3 (course judgement)')
>>> check_weights({"goal": 5})["goal"]
5.0
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from types import MappingProxyType

from smm_helpers.errors import InputError, unknown_choice
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits, format_number, format_percent
from smm_helpers.platforms.choices import AUDIENCE_KIND_NAMES
from smm_helpers.platforms.organisation import OrgProfile
from smm_helpers.platforms.profiles import Audience, PlatformProfile
from smm_helpers.platforms.table import BANGLADESH_USERS

__all__ = [
    "COST_FIT_IMPRESSIONS",
    "DEFAULT_WEIGHTS",
    "FACTORS",
    "check_weights",
    "score_platform",
]

FACTORS: dict[str, str] = {
    "goal": N_("how well the platform serves your goals (course judgement, 0–3 per goal)"),
    "audience": N_(
        "how many of the people you need are there: the square root of its "
        "strength where you work, times how well its ages and kind of audience "
        "match"
    ),
    "format": N_("whether the formats you can produce are the ones it favours"),
    "cost": N_("how much reach your monthly budget buys there (illustrative ad prices)"),
    "effort": N_("whether your weekly hours cover the effort it needs (course estimate)"),
}
"""The factors of the ranking and what each one measures (each scores 0 to 1)."""

DEFAULT_WEIGHTS: Mapping[str, float] = MappingProxyType(
    {"goal": 3.0, "audience": 3.0, "format": 2.0, "cost": 1.0, "effort": 1.0}
)
"""Default points per factor.  A course choice, not a law: pass ``weights={...}`` to argue."""

COST_FIT_IMPRESSIONS = 100_000
"""The cost factor asks what share of a 100,000-impression month the budget buys (a course
choice: about what a small page needs to be seen)."""

_ESTIMATE = "course estimate"  # i18n: not shown


def score_platform(
    platform: PlatformProfile, org: OrgProfile, others: Sequence[PlatformProfile]
) -> dict[str, tuple[float, str]]:
    """``{factor: (score from 0 to 1, reason)}`` for one platform and organisation, in the
    order of :data:`FACTORS`; ``others`` are the platforms ranked with it (a platform with
    no ad price gets their average cost score)."""
    return {
        "goal": _goal_fit(platform, org),
        "audience": _audience_fit(platform, org),
        "format": _format_fit(platform, org),
        "cost": _cost_fit(platform, org, others),
        "effort": _effort_fit(platform, org),
    }


def _goal_fit(platform: PlatformProfile, org: OrgProfile) -> tuple[float, str]:
    fits = {goal: platform.goal_fit.get(goal, 0) for goal in org.goals}
    score = sum(fits.values()) / (3 * len(fits))
    listed = ", ".join(f"{_(goal)} {digits(fit)}/{digits(3)}" for goal, fit in fits.items())
    return score, _("goal fit {goals} (course judgement)").format(goals=listed)


def _age_overlap(mine: tuple[int, int], theirs: tuple[int, int]) -> float:
    """Share of the ages in ``mine`` that fall in ``theirs`` (whole years, both inclusive)."""
    overlap = min(mine[1], theirs[1]) - max(mine[0], theirs[0]) + 1
    return max(0, overlap) / (mine[1] - mine[0] + 1)


_AUDIENCE_MATCH = {
    ("professional", "professional"): 1.0,
    ("professional", "mixed"): 0.6,
    ("professional", "general"): 0.3,
    ("general", "general"): 1.0,
    ("general", "mixed"): 0.8,
    ("general", "professional"): 0.4,
}
"""How well a platform's audience kind suits the audience you need (course judgement)."""


def _strength_basis(aud: Audience, location: str) -> str:
    """Where a platform's strength in ``location`` comes from, in a few words."""
    if location != "global" and aud.users is not None:
        users = aud.users
        short = users.source.split(", reported")[0].split(" (")[0]
        facebook = next((fb for fig, fb in BANGLADESH_USERS.values() if fig is users), None)
        same = facebook in (None, users.value)
        if same and users.uncertain:
            text = _("{users} M users, {source}, UNCERTAIN")
        elif same:
            text = _("{users} M users, {source}")
        elif users.uncertain:
            text = _("{users} M users vs Facebook's {facebook} M, {source}, UNCERTAIN")
        else:
            text = _("{users} M users vs Facebook's {facebook} M, {source}")
        return text.format(
            users=digits(f"{users.value:g}"),
            source=short,
            facebook=digits(f"{facebook:g}") if facebook is not None else "",
        )
    if location != "global" and aud.status == _ESTIMATE:
        return _("course estimate, UNCERTAIN")
    return _("general knowledge, UNCERTAIN")


def _audience_fit(platform: PlatformProfile, org: OrgProfile) -> tuple[float, str]:
    aud = platform.audience
    ages = _age_overlap(org.ages, aud.ages)
    place = aud.reach[org.location]
    kind = _AUDIENCE_MATCH[(org.wants, aud.kind)]
    score = math.sqrt(place) * (ages + kind) / 2
    return score, _(
        "√strength × fit: strength in {location} {strength}/1 ({basis}); {share} of ages "
        "{youngest}–{oldest} in its core {core_youngest}–{core_oldest}; {kind} audience for a "
        "{need} need {match}/1 (course judgement)"
    ).format(
        location=_(org.location),
        strength=digits(f"{place:g}"),
        basis=_strength_basis(aud, org.location),
        share=format_percent(ages, 0),
        youngest=digits(org.ages[0]),
        oldest=digits(org.ages[1]),
        core_youngest=digits(aud.ages[0]),
        core_oldest=digits(aud.ages[1]),
        kind=_(AUDIENCE_KIND_NAMES[aud.kind]),
        need=_(AUDIENCE_KIND_NAMES[org.wants]),
        match=digits(f"{kind:g}"),
    )


def _format_fit(platform: PlatformProfile, org: OrgProfile) -> tuple[float, str]:
    favoured = [f for f in org.formats if f in platform.formats]
    works = [f for f in org.formats if f in platform.also_works]
    if favoured:
        return 1.0, _("it favours {formats}, which you make").format(formats=", ".join(favoured))
    if works:
        return 0.5, _("{yours} works there, but it favours {formats}").format(
            yours=", ".join(works), formats=", ".join(platform.formats)
        )
    return 0.0, _("it favours {formats}; you make none that suit it").format(
        formats=", ".join(platform.formats)
    )


def _cost_score(platform: PlatformProfile, budget: float) -> float | None:
    if platform.cpm_bdt is None:
        return None
    month_cost = platform.cpm_bdt.value * COST_FIT_IMPRESSIONS / 1000
    return 1 - math.exp(-budget / month_cost)


def _cost_fit(
    platform: PlatformProfile, org: OrgProfile, others: Sequence[PlatformProfile]
) -> tuple[float, str]:
    score = _cost_score(platform, org.monthly_budget)
    if org.monthly_budget == 0:
        return 0.0, _("no paid budget, so cost does not separate the platforms")
    if score is None:
        known = [s for p in others if (s := _cost_score(p, org.monthly_budget)) is not None]
        average = sum(known) / len(known) if known else 0.0
        return average, _("no sourced ad price, so it gets the average of the others")
    assert platform.cpm_bdt is not None
    return score, _(
        "{budget} BDT at ~{cpm} BDT CPM buys ~{impressions} impressions (illustrative prices)"
    ).format(
        budget=format_number(org.monthly_budget),
        cpm=digits(f"{platform.cpm_bdt.value:g}"),
        impressions=format_number(org.monthly_budget / platform.cpm_bdt.value * 1000),
    )


def _effort_fit(platform: PlatformProfile, org: OrgProfile) -> tuple[float, str]:
    needed = platform.effort.value
    score = min(1.0, org.hours_per_week / needed)
    return score, _("you have {hours} h/week; it needs about {needed} (course estimate)").format(
        hours=digits(f"{org.hours_per_week:g}"), needed=digits(f"{needed:g}")
    )


def check_weights(weights: Mapping[str, float] | None) -> dict[str, float]:
    """:data:`DEFAULT_WEIGHTS` with ``weights`` put over them, each checked (0 or more).

    >>> check_weights({"cost": -1})
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: the weight of 'cost' is -1.
    How to fix it: give each weight as a number of points, 0 or more.
    """
    merged = dict(DEFAULT_WEIGHTS)
    for factor, weight in (weights or {}).items():
        if factor not in FACTORS:
            raise unknown_choice(_("factor"), factor, list(FACTORS))
        if not isinstance(weight, int | float) or math.isnan(weight) or weight < 0:
            raise InputError(
                _("the weight of {factor} is {weight}").format(
                    factor=repr(factor), weight=repr(weight)
                ),
                fix=_("give each weight as a number of points, 0 or more"),
            )
        merged[factor] = float(weight)
    if not any(merged.values()):
        raise InputError(
            _("every weight is 0"), fix=_("give at least one factor a positive weight")
        )
    return merged
