"""Choosing platforms: what each platform is good for, and a ranking you can argue with.

Step 1 of a social media manager's job (source article 004) is choosing platforms "by the
kind of company".  This module keeps the facts about each platform in one readable
:class:`PlatformProfile` per platform, and ranks platforms for an organisation with
:func:`recommend_platforms`.  The ranking is a *transparent weighted sum*: every point has
a factor, a weight and a one-line reason, so a learner can disagree with it and change the
weights.

Two kinds of channel are kept apart (:data:`ROLES`).  *Feeds* (Facebook, Instagram, X,
LinkedIn, YouTube, TikTok) are where you publish; they are ranked.  *Messaging* channels
(Messenger, WhatsApp) are where people write to you; they are not feeds to post on, so they
are never ranked, and the advice plans time for them when your goals include ``support``.

Every figure is a :class:`Figure` that carries its source and a status (``sourced``,
``uncertain``, ``illustrative``, ``general knowledge``, ``course estimate``); the built-in
profiles are data, in ``profiles.toml`` beside this file, with each figure's source.
:data:`BANGLADESH_USERS` (how many people use each platform in Bangladesh, with sources;
sources.md#datareportal-bangladesh) and :data:`WEEKLY_HOURS` (the one hours figure per
platform that the effort factor, the focus list and every printed explanation use) come
from the same file.

The package, one job per module, each importing only the ones above it:

* ``choices`` — the vocabularies (goals, kinds, locations, roles, figure statuses);
* ``profiles`` — the types: :class:`Figure`, :class:`Audience`, :class:`PlatformProfile`;
* ``table`` — reads and checks ``profiles.toml`` (on first use) into the built-in profiles;
* ``registry`` — :class:`PlatformRegistry`, :func:`get_platform` and friends;
* ``organisation`` — :class:`OrgProfile`;
* ``scoring`` — the factors of the ranking and their weights;
* ``recommendation`` — :class:`Recommendation` and how it shows itself;
* ``recommend`` — :func:`recommend_platforms`;
* ``translations`` — the Babel extractor that puts the table's texts in the catalog.

>>> fb = get_platform("fb")
>>> fb.name
'Facebook'
>>> print(fb.engagement)
0.06 % engagements per post ÷ followers (Rival IQ median) [sourced: Rival IQ 2023 report ...]
>>> get_platform("Twitter").id
'x'
>>> get_platform("WhatsApp").role
'messaging'
>>> rec = recommend_platforms(kind="nonprofit", goals=["donations"], location="bangladesh")
>>> rec.ranking[0]
'facebook'

Adding a platform does not touch the built-in table unless you ask: build your own
:class:`PlatformRegistry` (``PlatformRegistry.with_builtins()``) and ``register`` into it,
or use :func:`register_platform` / :func:`unregister_platform` on the shared registry.
"""

from __future__ import annotations

from smm_helpers.platforms.choices import (
    AUDIENCE_KINDS,
    FIGURE_STATUSES,
    GOALS,
    LOCATIONS,
    ORG_KINDS,
    ROLES,
)
from smm_helpers.platforms.organisation import OrgProfile
from smm_helpers.platforms.profiles import Audience, Figure, PlatformProfile
from smm_helpers.platforms.recommend import recommend_platforms
from smm_helpers.platforms.recommendation import FactorScore, Recommendation
from smm_helpers.platforms.registry import (
    PlatformRegistry,
    get_platform,
    known_platforms,
    register_platform,
    unregister_platform,
)
from smm_helpers.platforms.scoring import DEFAULT_WEIGHTS, FACTORS
from smm_helpers.platforms.table import BANGLADESH_USERS, WEEKLY_HOURS

__all__ = [
    "AUDIENCE_KINDS",
    "BANGLADESH_USERS",
    "DEFAULT_WEIGHTS",
    "FACTORS",
    "FIGURE_STATUSES",
    "GOALS",
    "LOCATIONS",
    "ORG_KINDS",
    "ROLES",
    "WEEKLY_HOURS",
    "Audience",
    "FactorScore",
    "Figure",
    "OrgProfile",
    "PlatformProfile",
    "PlatformRegistry",
    "Recommendation",
    "get_platform",
    "known_platforms",
    "recommend_platforms",
    "register_platform",
    "unregister_platform",
]
