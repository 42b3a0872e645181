"""The words of the platform module: goals, kinds of organisation, locations, roles, statuses.

Each list is a fixed vocabulary the profiles and the ranking check values against;
:func:`choose` turns a friendly spelling ("Small Business", "BD") into one of them, or raises
an error that lists the allowed values.

>>> choose("organisation kind", "Small Business", ORG_KINDS, {})
'small_business'
>>> choose("location", "Mars", LOCATIONS, {})
Traceback (most recent call last):
...
smm_helpers.errors.InputError: 'Mars' is not a location SMM Lab knows.
How to fix it: use one of: bangladesh, bangladesh_urban, bangladesh_rural, global.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from smm_helpers.errors import unknown_choice
from smm_helpers.i18n.messages import N_
from smm_helpers.schema import CAMPAIGN_OBJECTIVES

__all__ = [
    "AUDIENCE_KINDS",
    "AUDIENCE_KIND_NAMES",
    "FIGURE_STATUSES",
    "FIGURE_STATUS_LABELS",
    "GOALS",
    "LOCATIONS",
    "ORG_KINDS",
    "ROLES",
    "as_tuple",
    "choose",
]

GOALS: tuple[str, ...] = (*CAMPAIGN_OBJECTIVES, "support", "recruitment")
"""What an organisation wants from social media: the campaign objectives of
``schema.CAMPAIGN_OBJECTIVES`` plus customer ``support`` and ``recruitment`` (hiring,
volunteers)."""

ORG_KINDS: tuple[str, ...] = ("nonprofit", "small_business", "b2b", "creator", "public_sector")
"""Kinds of organisation :func:`recommend_platforms` knows."""

LOCATIONS: tuple[str, ...] = ("bangladesh", "bangladesh_urban", "bangladesh_rural", "global")
"""Where the audience lives."""

AUDIENCE_KINDS: tuple[str, ...] = ("general", "professional", "mixed")
"""What kind of audience a platform gathers (LinkedIn is professional, X is mixed)."""

ROLES: tuple[str, ...] = ("feed", "messaging")
"""What a channel is for: a ``feed`` you publish on (ranked), or a ``messaging`` channel where
people write to you (Messenger, WhatsApp: answered, never ranked as a place to post)."""

FIGURE_STATUSES: tuple[str, ...] = (
    "sourced",
    "uncertain",
    "illustrative",
    "general knowledge",  # i18n: not shown
    "course estimate",  # i18n: not shown
)

FIGURE_STATUS_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "sourced": N_("sourced"),
        "uncertain": N_("UNCERTAIN"),
        "illustrative": N_("ILLUSTRATIVE"),
        "general knowledge": N_("GENERAL KNOWLEDGE"),  # i18n: not shown
        "course estimate": N_("COURSE ESTIMATE"),  # i18n: not shown
    }
)
"""How each figure status is shown (translated when shown; the statuses are data)."""

AUDIENCE_KIND_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "general": N_("general"),
        "professional": N_("professional"),
        "mixed": N_("mixed"),
    }
)
"""How each audience kind is named when shown (translated then; the kinds are data)."""


def _slug(value: str) -> str:
    """``"Small Business"`` → ``"small_business"``."""
    return re.sub(r"[^a-z0-9]+", "_", value.strip().lower()).strip("_")


def choose(kind: str, value: object, allowed: tuple[str, ...], aliases: Mapping[str, str]) -> str:
    """Normalise ``value`` to one of ``allowed`` (via ``aliases``) or raise a teaching error."""
    if not isinstance(value, str):
        raise unknown_choice(kind, value, allowed)
    slug = _slug(value)
    slug = aliases.get(slug, slug)
    if slug not in allowed:
        raise unknown_choice(kind, value, allowed)
    return slug


def as_tuple(value: str | Iterable[str]) -> tuple[str, ...]:
    """One value or several, as a tuple.

    >>> as_tuple("leads"), as_tuple(["leads", "sales"])
    (('leads',), ('leads', 'sales'))
    """
    return (value,) if isinstance(value, str) else tuple(value)
