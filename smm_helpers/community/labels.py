"""The names a learner reads for message categories and urgency levels (translated when shown).

The ids (``complaint``, ``high``) are data and stay in English; these are their display names.

>>> category_name("question"), URGENCY_LABELS[2]
('question', 'high')
"""

from __future__ import annotations

from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _

URGENCY_LABELS = ("normal", "elevated", "high", "critical")
"""Urgency levels 0–3, as ``urgency_of`` and ``triage`` report them."""

URGENCY_PHRASES = {
    "normal": N_("urgency normal"),
    "elevated": N_("urgency elevated"),
    "high": N_("urgency high"),
    "critical": N_("urgency critical"),
}
"""How a Triage names its urgency level (translated when shown; the labels are data)."""

CATEGORY_NAMES = {
    "question": N_("question"),
    "complaint": N_("complaint"),
    "praise": N_("praise"),
    "spam": N_("spam"),
    "other": N_("other"),
}
"""Display names of the message categories (translated when shown; the ids are data)."""


def category_name(category: str) -> str:
    """The display name of a message category in the chosen language.

    >>> category_name("complaint"), category_name("greeting")
    ('complaint', 'greeting')
    """
    return _(CATEGORY_NAMES[category]) if category in CATEGORY_NAMES else category
