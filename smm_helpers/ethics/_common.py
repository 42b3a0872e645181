"""What the ethics checks share: the sources they name, how they check a caption and a platform.

>>> check_text("  ")
Traceback (most recent call last):
...
smm_helpers.errors.InputError: text is empty.
How to fix it: pass the caption or post text you want checked.
>>> HASHTAG.findall("Eid #sale #ঈদ")
['#sale', '#ঈদ']
"""

from __future__ import annotations

import regex

from smm_helpers.errors import InputError, unknown_choice
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.schema import PLATFORMS

FTC_GUIDES = N_(
    "FTC Endorsement Guides, 16 CFR Part 255 (revised, effective 26 July 2023; "
    "sources.md#ftc-endorsement-guides)"
)
FTC_101 = N_(
    "FTC, Disclosures 101 for Social Media Influencers (Nov 2019; sources.md#ftc-disclosures-101)"
)
FTC_465 = N_(
    "FTC Consumer Reviews and Testimonials rule, 16 CFR 465.8 (fake social "
    "influence; sources.md#ftc-reviews-rule)"
)
COURSE = N_("SMM Lab's own suggestion (not an FTC text)")
META_BAIT = N_("Meta's engagement-bait policy (general knowledge; check the current wording)")
"""The sources each rule names; module constants in English, shown with ``gettext``."""

HASHTAG = regex.compile(r"#[\p{L}\p{M}\p{N}_]+")
"""A hashtag in any script: '#' and letters, marks, digits or '_'."""


def check_text(text: object) -> str:
    """``text`` itself when it is a caption with words in it; else an ``InputError``."""
    if not isinstance(text, str):
        raise InputError(
            _("text must be a string, not {type}").format(type=type(text).__name__),
            fix=_("pass the caption or post text itself"),
        )
    if not text.strip():
        raise InputError(
            _("text is empty"), fix=_("pass the caption or post text you want checked")
        )
    return text


def check_platform(platform: str | None) -> None:
    """Refuse a platform the course does not know (``None``: no platform given)."""
    if platform is not None and platform not in PLATFORMS:
        raise unknown_choice(_("platform"), platform, PLATFORMS)
