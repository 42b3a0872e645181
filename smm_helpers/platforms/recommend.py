"""Rank platforms for an organisation: :func:`recommend_platforms`.

Each feed gets, for each factor of :data:`~smm_helpers.platforms.scoring.FACTORS`, a score
from 0 to 1; its points are ``weight × score`` and its total is the sum.  Messaging channels
(Messenger, WhatsApp) are never ranked: when the goals include ``support`` the advice sets
hours aside to answer people on them first, then fills the top of the ranking with what is
left.

>>> recommend_platforms(kind="nonprofit", goals=["donations"]).ranking[0]
'facebook'
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from types import MappingProxyType
from typing import Any

from smm_helpers.errors import InputError, unknown_choice
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.platforms.choices import ORG_KINDS
from smm_helpers.platforms.organisation import OrgProfile
from smm_helpers.platforms.profiles import PlatformProfile
from smm_helpers.platforms.recommendation import FactorScore, Recommendation
from smm_helpers.platforms.registry import PlatformRegistry, shared_registry
from smm_helpers.platforms.scoring import check_weights, score_platform

__all__ = ["recommend_platforms"]


def _fill(profiles: Sequence[PlatformProfile], hours: float) -> list[str]:
    """The first profiles whose weekly hours (``effort.value``) fit in ``hours``, in order;
    at least the first one, so there is always somewhere to start."""
    chosen: list[str] = []
    used = 0.0
    for profile in profiles:
        need = profile.effort.value
        if chosen and used + need > hours:
            break
        chosen.append(profile.id)
        used += need
    return chosen


def _plan(
    ranked: Sequence[PlatformProfile], messaging: Sequence[PlatformProfile], hours: float
) -> tuple[list[str], list[str]]:
    """(messaging channels to answer on, feeds to focus on) that the weekly hours allow.

    Answering comes first: the messaging channels' hours are set aside, then the top of the
    ranking is filled with what is left.
    """
    answer = _fill(messaging, hours) if messaging else []
    left = hours - math.fsum(p.effort.value for p in messaging if p.id in answer)
    return answer, _fill(ranked, max(0.0, left))


def recommend_platforms(
    profile: OrgProfile | Mapping[str, Any] | None = None,
    /,
    *,
    weights: Mapping[str, float] | None = None,
    platforms: Iterable[str] | None = None,
    registry: PlatformRegistry | None = None,
    **kwargs: Any,
) -> Recommendation:
    """Rank platforms for an organisation with a transparent weighted sum.

    Give an :class:`OrgProfile`, a dict of its fields, or the fields as keywords.  Each
    platform gets, for each factor of :data:`FACTORS`, a score from 0 to 1; its points are
    ``weight × score`` and its total is the sum.  Change ``weights`` (points per factor,
    merged with :data:`DEFAULT_WEIGHTS`) to argue with the ranking.  ``platforms`` limits
    the ranking to some platforms; ties keep the registry's order.

    >>> rec = recommend_platforms(kind="creator", goals=["engagement"], ages=(16, 24),
    ...                           formats=["short_video"], location="global", hours_per_week=6)
    >>> rec.ranking[:2]
    ['tiktok', 'instagram']
    >>> recommend_platforms({"kind": "b2b", "goals": "recruitment"}).ranking[0]
    'linkedin'
    >>> print(recommend_platforms(kind="nonprofit", hours_per_week=3).advice)
    With 3 hours a week, focus on 1 platform: Facebook (3 h), 3 of your 3 hours; the next, ...
    >>> helpdesk = recommend_platforms(kind="small business", goals=["support", "sales"],
    ...                                hours_per_week=6)
    >>> helpdesk.messaging, helpdesk.focus
    (['messenger', 'whatsapp'], ['facebook'])
    >>> recommend_platforms(kind="nonprofit", goals=["likes"])
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'likes' is not a goal SMM Lab knows.
    How to fix it: use one of: awareness, traffic, engagement, leads, donations, ..., recruitment.
    """
    org = _org_from(profile, kwargs)
    merged = check_weights(weights)
    reg = registry or shared_registry()
    given = [reg.get(p) for p in platforms] if platforms is not None else list(reg)
    given = list({p.id: p for p in given}.values())
    chosen = [p for p in given if p.role == "feed"]
    channels = [p for p in given if p.role == "messaging"]
    if not chosen:
        raise InputError(
            _("no platform to rank"),
            fix=_(
                "give at least one feed (Facebook, Instagram...), or leave "
                "platforms out to rank them all; messaging channels are not "
                "ranked"
            ),
        )
    scores: list[FactorScore] = []
    for platform in chosen:
        parts = score_platform(platform, org, chosen)
        scores += [FactorScore(platform.id, f, parts[f][0], merged[f], parts[f][1]) for f in merged]
    totals = {p.id: math.fsum(s.points for s in scores if s.platform == p.id) for p in chosen}
    order = sorted(range(len(chosen)), key=lambda i: (-totals[chosen[i].id], i))
    ranked = [chosen[i] for i in order]
    if "support" in org.goals:
        strong = [c for c in channels if c.audience.reach[org.location] > 0]
        strong.sort(key=lambda c: -c.audience.reach[org.location])
    else:
        strong = []
    answer, focus = _plan(ranked, strong, org.hours_per_week)
    return Recommendation(
        org=org,
        weights=MappingProxyType(merged),
        scores=tuple(scores),
        ranking=[p.id for p in ranked],
        focus=focus,
        names=MappingProxyType({p.id: p.name for p in (*chosen, *channels)}),
        minimum_hours=MappingProxyType({p.id: p.effort.value for p in (*chosen, *channels)}),
        messaging=answer,
    )


def _org_from(
    profile: OrgProfile | Mapping[str, Any] | None, kwargs: Mapping[str, Any]
) -> OrgProfile:
    if isinstance(profile, OrgProfile):
        return replace(profile, **kwargs) if kwargs else profile
    fields = {**(dict(profile) if profile is not None else {}), **kwargs}
    allowed = list(OrgProfile.__dataclass_fields__)
    for name in fields:
        if name not in allowed:
            raise unknown_choice(_("organisation field"), name, allowed)
    if "kind" not in fields:
        raise InputError(
            _("the organisation's kind is missing"),
            fix=_("give kind=, one of: {choices}").format(choices=", ".join(ORG_KINDS)),
        )
    return OrgProfile(**fields)
