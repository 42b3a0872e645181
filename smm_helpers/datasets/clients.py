"""The two fictional clients the course follows: a Dhaka literacy charity and a craft shop.

>>> CLIENT_PROFILES["nonprofit"].name
'Alo Reading Circle'
>>> CLIENT_PROFILES["business"].pillars[0]
'products'
>>> client_profile("shop")
Traceback (most recent call last):
...
smm_helpers.errors.InputError: 'shop' is not a client SMM Lab knows.
How to fix it: use one of: nonprofit, business.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import smm_helpers.datasets.calibration as cal
from smm_helpers.errors import unknown_choice
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits, format_number
from smm_helpers.schema import CLIENTS, PLATFORMS, platform_name


@dataclass(frozen=True, eq=False)
class ClientProfile:
    """One course client: who they are, what they post about, where and how often.

    ``posts_per_week`` and ``followers`` (at the start of the year) are given per
    platform (a post cross-posted to two platforms counts once on each); ``monthly_growth``
    is net follower growth per month; ``bengali_share`` is the share of captions and
    messages written in Bengali.  ``team`` says who runs the accounts and
    ``hours_per_week`` how many hours they have for it; ``posting_hours`` weighs the 24
    hours of the day (Asia/Dhaka) by how often this team publishes in them.
    """

    key: str
    name: str
    name_bn: str
    about: str
    pillars: tuple[str, ...]
    pillar_weights: tuple[float, ...]
    posts_per_week: dict[str, float]
    followers: dict[str, int]
    monthly_growth: dict[str, float]
    bengali_share: float
    team: str
    hours_per_week: float
    posting_hours: tuple[float, ...]

    def __repr__(self) -> str:
        platforms = ", ".join(
            _("{platform} {followers} followers, {posts}/week").format(
                platform=p,
                followers=format_number(self.followers[p]),
                posts=digits(f"{self.posts_per_week[p]:g}"),
            )
            for p in PLATFORMS
        )
        return _(
            "ClientProfile({key}: {name} / {name_bn} — {about}; pillars: {pillars}; {platforms})"
        ).format(
            key=repr(self.key),
            name=self.name,
            name_bn=self.name_bn,
            about=_(self.about),
            pillars=", ".join(self.pillars),
            platforms=platforms,
        )

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{html.escape(platform_name(p))}</td>"
            f"<td>{format_number(self.followers[p])}</td>"
            f"<td>{digits(format(self.posts_per_week[p], 'g'))}</td>"
            f"<td>{digits(format(self.monthly_growth[p], '.1%'))}</td></tr>"
            for p in PLATFORMS
        )
        title = _("{name} ({name_bn})").format(name=self.name, name_bn=self.name_bn)
        who = _("Who posts: {team} (about {hours} hours a week).").format(
            team=_(self.team), hours=digits(f"{self.hours_per_week:g}")
        )
        pillars = _("Content pillars: {pillars}; {share} of captions in Bengali.").format(
            pillars=", ".join(self.pillars), share=digits(f"{self.bengali_share:.0%}")
        )
        heads = "".join(
            f"<th>{html.escape(head)}</th>"
            for head in (
                _("Platform"),
                _("Followers at the start (typical; each dataset varies it by about ±10%)"),
                _("Posts/week"),
                _("Growth/month"),
            )
        )
        return (
            f"<h4>{html.escape(title)}</h4>"
            f"<p>{html.escape(_(self.about))}</p>"
            f"<p>{html.escape(who)}</p>"
            f"<p>{html.escape(pillars)}</p>"
            f"<table><tr>{heads}</tr>{rows}</table>"
        )


NONPROFIT = ClientProfile(
    key="nonprofit",
    name="Alo Reading Circle",  # i18n: not shown translated (a name; name_bn is its Bengali)
    name_bn="আলো পাঠচক্র",
    about=N_("a literacy charity in Dhaka running reading circles for children and adults"),
    pillars=(
        "impact stories",
        "volunteer calls",
        "fundraising",
        "literacy tips",  # i18n: not shown
        "events",
    ),  # i18n: not shown
    pillar_weights=(0.28, 0.17, 0.18, 0.22, 0.15),
    # The story (ILLUSTRATIVE, and it must add up): one volunteer runs Alo's accounts in
    # about 8 hours a week (lessons 02 and 03).  Those hours buy about three original posts
    # a week, written, photographed and scheduled in one sitting in Meta Business Suite;
    # each goes to Facebook and most are cross-posted to Instagram.  X gets a short version
    # of every other post, LinkedIn a monthly note for partners and donors, TikTok an
    # occasional reading-circle clip, YouTube a few videos a year.  About 6 posts a week
    # in all (≈ 320 a year), well below the Rival IQ medians of 4–5 per platform
    # (calibration.POSTS_PER_WEEK, sources.md#rival-iq-benchmarks), which describe brands
    # with staff.
    posts_per_week={
        "facebook": 3.0,
        "instagram": 2.0,
        "x": 0.5,
        "linkedin": 0.25,
        "youtube": 0.1,
        "tiktok": 0.25,
    },
    # ILLUSTRATIVE audiences, at or above the Rival IQ sample floor (25k Facebook fans,
    # 5k followers on Instagram/X/TikTok; sources.md#rival-iq-benchmarks).
    followers={
        "facebook": 28_000,
        "instagram": 9_000,
        "x": 12_000,
        "linkedin": 4_000,
        "youtube": 3_000,
        "tiktok": 6_000,
    },
    # Facebook: M+R 2013, +2.6%/month (calibration.MONTHLY_NET_GROWTH); others ILLUSTRATIVE.
    monthly_growth={
        "facebook": cal.MONTHLY_NET_GROWTH,
        "instagram": 0.03,
        "x": 0.01,
        "linkedin": 0.02,
        "youtube": 0.02,
        "tiktok": 0.04,
    },
    bengali_share=0.6,
    team=N_("one volunteer (a communications student), with photos from the circle leaders"),
    hours_per_week=8,
    # The volunteer schedules posts at the same few times, mostly 10:00 and 20:00 (after
    # classes), some at 13:00, with photos from the circles in the late afternoon: about
    # 60% of Alo's posts go out at those three hours.  ILLUSTRATIVE.
    posting_hours=(
        0.02,
        0.02,
        0.02,
        0.02,
        0.02,
        0.02,
        0.05,
        0.1,
        0.2,
        0.4,
        4.5,
        0.4,
        0.4,
        1.5,
        0.3,
        0.3,
        0.8,
        0.8,
        0.3,
        0.5,
        4.0,
        0.8,
        0.3,
        0.1,
    ),
)

BUSINESS = ClientProfile(
    key="business",
    name="Nakshi Ghor",  # i18n: not shown translated (a name; name_bn is its Bengali)
    name_bn="নকশী ঘর",
    about=N_("a small Dhaka shop selling handmade nakshi kantha, jute bags and pottery"),
    pillars=(
        "products",
        "behind the scenes",
        "customer stories",
        "offers",  # i18n: not shown
        "tips",
    ),  # i18n: not shown
    pillar_weights=(0.32, 0.18, 0.15, 0.20, 0.15),
    posts_per_week={
        "facebook": cal.POSTS_PER_WEEK["facebook"],
        "instagram": 6.0,
        "x": 2.0,
        "linkedin": 1.0,
        "youtube": 0.5,
        "tiktok": 5.0,
    },
    followers={
        "facebook": 45_000,
        "instagram": 22_000,
        "x": 5_000,
        "linkedin": 1_500,
        "youtube": 2_000,
        "tiktok": 15_000,
    },
    monthly_growth={
        "facebook": 0.015,
        "instagram": 0.03,
        "x": 0.005,
        "linkedin": 0.01,
        "youtube": 0.015,
        "tiktok": 0.05,
    },
    bengali_share=0.45,
    # ILLUSTRATIVE: the owner and a full-time assistant share the accounts (the assistant
    # also answers the inbox); about 20 posts a week in all, near the Rival IQ medians.
    team=N_("the owner and one full-time assistant"),
    hours_per_week=25,
    posting_hours=(
        0.1,
        0.05,
        0.05,
        0.05,
        0.05,
        0.1,
        0.2,
        0.5,
        0.8,
        1.0,
        1.0,
        1.0,
        1.0,
        1.0,
        1.0,
        1.0,
        1.0,
        0.9,
        0.9,
        1.0,
        1.0,
        0.8,
        0.5,
        0.25,
    ),
)

CLIENT_PROFILES: dict[str, ClientProfile] = {"nonprofit": NONPROFIT, "business": BUSINESS}
"""The course's two clients by key (the values of the ``client`` column)."""


def client_profile(client: str) -> ClientProfile:
    """The profile of a course client, by its key ``"nonprofit"`` or ``"business"``.

    >>> client_profile("business").name_bn
    'নকশী ঘর'
    >>> client_profile("charity")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'charity' is not a client SMM Lab knows.
    How to fix it: use one of: nonprofit, business.
    """
    if client not in CLIENT_PROFILES:
        raise unknown_choice(_("client"), client, CLIENTS)
    return CLIENT_PROFILES[client]
