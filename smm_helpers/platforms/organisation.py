"""The organisation a platform recommendation is for, in the words its manager would use.

:class:`OrgProfile` accepts friendly spellings ("Small Business", "B2B company", "Dhaka",
"reels") and keeps the normalised values; a value it cannot place is an error that lists
the allowed ones.

>>> OrgProfile("shop", goals=["sale", "customer service"]).goals
('sales', 'support')
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.platforms.choices import GOALS, LOCATIONS, ORG_KINDS, as_tuple, choose
from smm_helpers.platforms.profiles import check_age_band
from smm_helpers.schema import FORMATS

__all__ = ["OrgProfile"]

_KIND_ALIASES = {
    "ngo": "nonprofit",
    "charity": "nonprofit",
    "non_profit": "nonprofit",
    "business": "small_business",
    "shop": "small_business",
    "sme": "small_business",
    "b2b_company": "b2b",
    "company": "b2b",
    "recruiter": "b2b",
    "influencer": "creator",
    "government": "public_sector",
}
_GOAL_ALIASES = {
    "donation": "donations",
    "fundraising": "donations",
    "lead": "leads",
    "sale": "sales",
    "hiring": "recruitment",
    "volunteers": "recruitment",
    "customer_support": "support",
    "customer_service": "support",
    "brand_awareness": "awareness",
    "clicks": "traffic",
}
_LOCATION_ALIASES = {
    "bd": "bangladesh",
    "urban": "bangladesh_urban",
    "urban_bangladesh": "bangladesh_urban",
    "dhaka": "bangladesh_urban",
    "rural": "bangladesh_rural",
    "rural_bangladesh": "bangladesh_rural",
    "worldwide": "global",
    "international": "global",
}
_FORMAT_ALIASES = {
    "photo": "image",
    "reel": "short_video",
    "reels": "short_video",
    "shorts": "short_video",
    "short": "short_video",
    "article": "text",
}


@dataclass(frozen=True)
class OrgProfile:
    """The organisation a platform recommendation is for.

    Friendly spellings are accepted and normalised ("Small Business", "B2B company",
    "Dhaka", "reels"); ``monthly_budget`` is in BDT.

    >>> org = OrgProfile("NGO", goals="donations", ages=(18, 45), location="BD")
    >>> org.kind, org.goals, org.location
    ('nonprofit', ('donations',), 'bangladesh')
    >>> OrgProfile("nonprofit", hours_per_week=-2)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: hours_per_week is -2.
    How to fix it: give the hours a week you can spend on social media, 0 or more.
    """

    kind: str
    goals: Sequence[str] = ("awareness",)
    ages: tuple[int, int] = (18, 45)
    location: str = "bangladesh"
    formats: Sequence[str] = ("image", "text")
    monthly_budget: float = 0.0
    hours_per_week: float = 5.0

    def __post_init__(self) -> None:
        kind = choose(_("organisation kind"), self.kind, ORG_KINDS, _KIND_ALIASES)
        goals = tuple(
            dict.fromkeys(choose(_("goal"), g, GOALS, _GOAL_ALIASES) for g in as_tuple(self.goals))
        )
        formats = tuple(
            dict.fromkeys(
                choose(_("format"), f, FORMATS, _FORMAT_ALIASES) for f in as_tuple(self.formats)
            )
        )
        if not goals:
            raise InputError(
                _("no goal was given"),
                fix=_("give at least one of: {choices}").format(choices=", ".join(GOALS)),
            )
        if not formats:
            raise InputError(
                _("no format was given"),
                fix=_("give at least one of: {choices}").format(choices=", ".join(FORMATS)),
            )
        location = choose(_("location"), self.location, LOCATIONS, _LOCATION_ALIASES)
        ages = tuple(self.ages)
        check_age_band(ages)  # type: ignore[arg-type]
        for name, fix in (
            ("monthly_budget", N_("give the monthly budget in BDT, 0 for organic only")),
            (
                "hours_per_week",
                N_("give the hours a week you can spend on social media, 0 or more"),
            ),
        ):
            value = getattr(self, name)
            if not isinstance(value, int | float) or math.isnan(value) or value < 0:
                raise InputError(
                    _("{name} is {value}").format(name=name, value=repr(value)), fix=_(fix)
                )
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "goals", goals)
        object.__setattr__(self, "formats", formats)
        object.__setattr__(self, "location", location)
        object.__setattr__(self, "ages", ages)

    @property
    def wants(self) -> str:
        """The kind of audience this organisation needs: ``professional`` for B2B."""
        return "professional" if self.kind == "b2b" else "general"
