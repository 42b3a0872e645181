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

from smm_helpers.datasets import calibration as cal
from smm_helpers.errors import unknown_choice
from smm_helpers.schema import CLIENTS, PLATFORM_NAMES, PLATFORMS


@dataclass(frozen=True, eq=False)
class ClientProfile:
    """One course client: who they are, what they post about, where and how often.

    ``posts_per_week`` and ``followers`` (at the start of the year) are given per
    platform; ``monthly_growth`` is net follower growth per month; ``bengali_share`` is
    the share of captions and messages written in Bengali.
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

    def __repr__(self) -> str:
        platforms = ", ".join(
            f"{p} {self.followers[p]:,} followers, {self.posts_per_week[p]:g}/week"
            for p in PLATFORMS
        )
        return (
            f"ClientProfile({self.key!r}: {self.name} / {self.name_bn} — {self.about}; "
            f"pillars: {', '.join(self.pillars)}; {platforms})"
        )

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{PLATFORM_NAMES[p]}</td><td>{self.followers[p]:,}</td>"
            f"<td>{self.posts_per_week[p]:g}</td><td>{self.monthly_growth[p]:.1%}</td></tr>"
            for p in PLATFORMS
        )
        return (
            f"<h4>{html.escape(self.name)} ({html.escape(self.name_bn)})</h4>"
            f"<p>{html.escape(self.about)}</p>"
            f"<p>Content pillars: {html.escape(', '.join(self.pillars))}; "
            f"{self.bengali_share:.0%} of captions in Bengali.</p>"
            "<table><tr><th>Platform</th>"
            "<th>Followers at the start (typical; each dataset varies it by about ±10%)</th>"
            "<th>Posts/week</th>"
            f"<th>Growth/month</th></tr>{rows}</table>"
        )


NONPROFIT = ClientProfile(
    key="nonprofit",
    name="Alo Reading Circle",
    name_bn="আলো পাঠচক্র",
    about="a literacy charity in Dhaka running reading circles for children and adults",
    pillars=("impact stories", "volunteer calls", "fundraising", "literacy tips", "events"),
    pillar_weights=(0.28, 0.17, 0.18, 0.22, 0.15),
    # Facebook, Instagram, X: the Rival IQ observed frequencies (calibration.POSTS_PER_WEEK);
    # the smaller channels ILLUSTRATIVE (a small charity posts less on LinkedIn and YouTube).
    posts_per_week={
        "facebook": cal.POSTS_PER_WEEK["facebook"],
        "instagram": cal.POSTS_PER_WEEK["instagram"],
        "x": cal.POSTS_PER_WEEK["x"],
        "linkedin": 2.0,
        "youtube": cal.POSTS_PER_WEEK["youtube"],
        "tiktok": 3.0,
    },
    # ILLUSTRATIVE audiences, at or above the Rival IQ sample floor (25k Facebook fans,
    # 5k followers on Instagram/X/TikTok; facts.md §2.1).
    followers={"facebook": 28_000, "instagram": 9_000, "x": 12_000, "linkedin": 4_000,
               "youtube": 3_000, "tiktok": 6_000},
    # Facebook: M+R 2013, +2.6%/month (calibration.MONTHLY_NET_GROWTH); others ILLUSTRATIVE.
    monthly_growth={"facebook": cal.MONTHLY_NET_GROWTH, "instagram": 0.03, "x": 0.01,
                    "linkedin": 0.02, "youtube": 0.02, "tiktok": 0.04},
    bengali_share=0.6,
)

BUSINESS = ClientProfile(
    key="business",
    name="Nakshi Ghor",
    name_bn="নকশী ঘর",
    about="a small Dhaka shop selling handmade nakshi kantha, jute bags and pottery",
    pillars=("products", "behind the scenes", "customer stories", "offers", "tips"),
    pillar_weights=(0.32, 0.18, 0.15, 0.20, 0.15),
    posts_per_week={
        "facebook": cal.POSTS_PER_WEEK["facebook"],
        "instagram": 6.0,
        "x": 2.0,
        "linkedin": 1.0,
        "youtube": 0.5,
        "tiktok": 5.0,
    },
    followers={"facebook": 45_000, "instagram": 22_000, "x": 5_000, "linkedin": 1_500,
               "youtube": 2_000, "tiktok": 15_000},
    monthly_growth={"facebook": 0.015, "instagram": 0.03, "x": 0.005, "linkedin": 0.01,
                    "youtube": 0.015, "tiktok": 0.05},
    bengali_share=0.45,
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
        raise unknown_choice("client", client, CLIENTS)
    return CLIENT_PROFILES[client]
