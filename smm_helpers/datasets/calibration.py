"""Every figure the synthetic course data is calibrated on, each with its source.

Each figure names its source next to it, as an anchor on the course's sources page
(``lessons/sources.md``, e.g. sources.md#rival-iq-benchmarks).  Figures marked UNCERTAIN are weakly
sourced; figures marked ILLUSTRATIVE are SMM Lab's own choice, made to keep the data
plausible and teachable, and are not measurements of anything.

>>> ENGAGEMENT_PER_FOLLOWER["facebook"]
0.0006
>>> sorted(ENGAGEMENT_PER_FOLLOWER) == sorted(PLATFORMS)
True
"""

from __future__ import annotations

import math

from smm_helpers.schema import FORMATS, PLATFORMS
from smm_helpers.schema import WEEKEND as WEEKEND

# --------------------------------------------------------------------------------------
# Engagement rate per post, by follower (Rival IQ definition: interactions / followers)
# --------------------------------------------------------------------------------------
ENGAGEMENT_PER_FOLLOWER: dict[str, float] = {
    # Rival IQ Social Media Industry Benchmark Report 2023 (2022 data), all-industry median:
    # Facebook 0.060%, Instagram 0.47%, X/Twitter 0.035% (sources.md#rival-iq-benchmarks).
    "facebook": 0.0006,
    "instagram": 0.0047,
    "x": 0.00035,
    # TikTok: Rival IQ 2023 report 5.69% and 2024 report 2.63% (sources.md#rival-iq-benchmarks).
    # The two reports disagree, so SMM Lab uses their geometric mean, sqrt(2.63 * 5.69) = 3.87%.
    "tiktok": round(math.sqrt(0.0263 * 0.0569), 4),
    # LinkedIn is measured by impressions, not followers: the generator draws LinkedIn
    # engagement from ENGAGEMENT_PER_IMPRESSION.  This is the per-follower median that
    # follows from it (3.16% of impressions at about a quarter of followers reached);
    # for comparison only, ILLUSTRATIVE.
    "linkedin": 0.011,
    # YouTube: no sourced median.  ILLUSTRATIVE (UNCERTAIN).
    "youtube": 0.01,
}
"""Median engagements per post ÷ followers (``schema.ENGAGEMENT_COLUMNS``) by platform."""

ENGAGEMENT_PER_IMPRESSION: dict[str, float] = {
    # SociaVault 2026 vendor study (sources.md#sociavault-2026): LinkedIn median engagement
    # by impressions 3.16%
    # (UNCERTAIN; LinkedIn is usually reported by impressions: sproutsocial.com, socialstatus.io).
    "linkedin": 0.0316,
}
"""Median engagements per post ÷ impressions, for platforms reported that way."""

SIZE_ELASTICITY = 0.25
"""β in ER ∝ followers^-β: engagement rate falls as the audience grows.

SociaVault 2026 (sources.md#sociavault-2026, UNCERTAIN): LinkedIn median ER by impressions
runs from 5.42% for nano
accounts to 1.08% for mega accounts, a factor of 5 over roughly three decades of audience
size: log(5.42 / 1.08) / log(1000) ≈ 0.23.  Rounded to 0.25 (ILLUSTRATIVE).
"""

# --------------------------------------------------------------------------------------
# Reach
# --------------------------------------------------------------------------------------
ORGANIC_REACH_PER_FOLLOWER: dict[str, float] = {
    # M+R Benchmarks 2020 (2019 data, sources.md#mr-benchmarks-2020): an organic Facebook
    # post reached about 4% of fans
    # (sources.md#mr-benchmarks-2020).
    "facebook": 0.04,
    # The rest are ILLUSTRATIVE (UNCERTAIN): chosen so that engagement ÷ reach stays at a
    # few percent, as vendor reports describe.
    "instagram": 0.12,
    "x": 0.05,
    "linkedin": 0.20,
    "youtube": 0.30,
    "tiktok": 0.60,
}
"""Median share of followers an organic post reaches, by platform."""

NON_FOLLOWER_REACH_SHARE = 0.28
"""Share of the people reached who are not followers (earned reach).

M+R Benchmarks 2020: 28% of the people a nonprofit post reached were not followers
(sources.md#mr-benchmarks-2020).  Used for the nonprofit's extra reach through shares.
"""

IMPRESSIONS_PER_REACH = (1.1, 1.6)
"""Range of impressions per person reached (frequency).  ILLUSTRATIVE."""

# --------------------------------------------------------------------------------------
# Posting frequency (posts per week per platform)
# --------------------------------------------------------------------------------------
POSTS_PER_WEEK: dict[str, float] = {
    # Rival IQ 2023 (2022 data): Facebook 5.04, Instagram 4.5, X 3.9 posts/week
    # (sources.md#rival-iq-benchmarks).
    "facebook": 5.04,
    "instagram": 4.5,
    "x": 3.9,
    # Buffer/SumAll (older): LinkedIn 1 post per weekday (sources.md#posting-frequency).
    "linkedin": 5.0,
    # YouTube and TikTok: ILLUSTRATIVE (no sourced figure).
    "youtube": 1.0,
    "tiktok": 4.0,
}
"""Observed posting frequency that the clients' schedules are scaled from."""

# --------------------------------------------------------------------------------------
# Followers
# --------------------------------------------------------------------------------------
MONTHLY_NET_GROWTH = 0.026
"""M+R/NTEN eNonprofit Benchmarks 2013: Facebook audiences grew 2.6% a month
(sources.md#mr-nten-2013)."""

YEARLY_CHURN = 0.24
"""M+R 2010: fan churn 24% a year (sources.md#mr-benchmarks-2010).  Gross losses; gains are
net growth + churn."""

# --------------------------------------------------------------------------------------
# Virality by format (Facebook, nonprofits)
# --------------------------------------------------------------------------------------
FACEBOOK_VIRALITY_BY_FORMAT: dict[str, float] = {
    # M+R/NTEN eNonprofit Benchmarks 2013 (sources.md#mr-nten-2013): Facebook "virality"
    # averaged 1.4%;
    # photos 3.3%, video 1.6%, links 1.2%, status 1.3%.
    "image": 0.033,
    "video": 0.016,
    "link": 0.012,
    "text": 0.013,
}
"""Share of reached people who shared, by Facebook format (M+R 2013)."""

SMALL_ORG_VIRALITY_BOOST = 2.4 / 1.2
"""M+R/NTEN 2013: virality 2.4% at small organisations vs 1.2% at large ones."""

# --------------------------------------------------------------------------------------
# Paid media (BDT).  Bangladesh figures are anecdotal: UNCERTAIN, ILLUSTRATIVE.
# --------------------------------------------------------------------------------------
CPM_MEDIAN_BDT = 40.0
"""Median cost per 1,000 impressions in Bangladesh, BDT, from Bangladeshi agency pages
(CPM ≈ 25–50 BDT and ≈ 30 BDT; sources.md#bd-boosting-anecdotes).  UNCERTAIN, ILLUSTRATIVE."""

CPC_MEDIAN_BDT = 5.0
"""Median cost per click in Bangladesh, BDT.  A Bangladeshi agency page (CPC ≈ 1.7–6 BDT;
sources.md#bd-boosting-anecdotes).
UNCERTAIN, ILLUSTRATIVE."""

COST_SIGMA = 0.35
"""Spread (log scale) of the lognormal CPM and CPC.  ILLUSTRATIVE."""

CPM_PLATFORM_FACTOR: dict[str, float] = {
    # Prooflytics 2026 CPM ranges (USD; sources.md#paid-media-ranges-2026): Meta 6–15,
    # TikTok 10–20, LinkedIn 30–60,
    # YouTube in-stream 5–15; midpoints relative to Meta's 10.5.  X: ILLUSTRATIVE.
    "facebook": 1.0,
    "instagram": 1.0,
    "tiktok": 15 / 10.5,
    "linkedin": 45 / 10.5,
    "youtube": 10 / 10.5,
    "x": 0.8,
}
"""How much dearer a thousand impressions are on each platform than on Meta."""

CONVERSION_RATE: dict[str, float] = {
    # WordStream 2017 Facebook benchmarks: conversion rate 9.21% for leads
    # (sources.md#wordstream-facebook-2017).
    "leads": 0.0921,
    # The rest ILLUSTRATIVE.
    "donations": 0.03,
    "sales": 0.04,
    "traffic": 0.01,
    "engagement": 0.005,
    "awareness": 0.003,
}
"""Conversions per click by campaign objective."""

CONVERSION_VALUE_MEDIAN_BDT: dict[str, float] = {
    # ILLUSTRATIVE: a typical online donation and a typical handicraft order in Dhaka.
    "donations": 750.0,
    "sales": 1400.0,
}
"""Median money a conversion brings in, BDT; other objectives bring in no money."""

USD_TO_BDT = 120.0
"""ILLUSTRATIVE exchange rate (no source; UNCERTAIN), used to turn the US$1/day boosting
minimum (sources.md#bd-boosting-anecdotes, anecdotal) into taka."""

MIN_DAILY_BOOST_BDT = 1.0 * USD_TO_BDT
"""Meta's US$1/day minimum boost (sources.md#bd-boosting-anecdotes, Bangladeshi agency
pages; UNCERTAIN)."""

BANGLISH_SHARE = 1 / 3
"""Share of the Bengali-language inbox messages typed in Latin letters (*Banglish*, e.g.
"apu cushion cover ta ki blue e pawa jabe?").  Bangladeshis often type Bengali this way
on phones; SMM Lab found no measured share, so a third is ILLUSTRATIVE.  Captions, which
the clients write with care, stay in Bengali script."""

TYPO_SHARE = 0.35
"""Share of Latin-script inbox messages with typing slips (``captions.TYPOS``); a further
``LOWERCASE_SHARE`` are typed all in lower case.  ILLUSTRATIVE."""

LOWERCASE_SHARE = 0.2
"""Share of Latin-script inbox messages typed all in lower case.  ILLUSTRATIVE."""

BOOSTED_SHARE = 0.08
"""Share of posts that are boosted.  ILLUSTRATIVE."""

# --------------------------------------------------------------------------------------
# Time: the Dhaka working week (Sun–Thu), the Friday–Saturday weekend (sources.md#bd-weekend)
# --------------------------------------------------------------------------------------
# ``WEEKEND`` (imported from ``schema``) is where the generator learns the weekend from:
# ``WEEKDAY_EFFECT``, ``WEEKDAY_POSTING`` and the inbox's office days are all built from it.

WORKING_DAYS: tuple[int, ...] = tuple((WEEKEND[-1] + 1 + i) % 7 for i in range(7 - len(WEEKEND)))
"""The working week in order, first day after the weekend first: Sunday … Thursday."""

_WORKING_WEEK_ENGAGEMENT = (1.10, 1.15, 1.15, 1.10, 1.00)
_WEEKEND_ENGAGEMENT = (0.65, 0.70)
_WORKING_WEEK_POSTING = (1.0, 1.0, 1.0, 1.0, 1.0)
_WEEKEND_POSTING = (0.45, 0.6)


def _by_weekday(working: tuple[float, ...], weekend: tuple[float, ...]) -> tuple[float, ...]:
    """Seven values, Monday=0 … Sunday=6, from one value per working day (in
    ``WORKING_DAYS`` order) and one per weekend day (in ``WEEKEND`` order)."""
    values = dict(zip(WORKING_DAYS, working, strict=True))
    values.update(zip(WEEKEND, weekend, strict=True))
    return tuple(values[day] for day in range(7))


WEEKDAY_EFFECT: tuple[float, ...] = _by_weekday(_WORKING_WEEK_ENGAGEMENT, _WEEKEND_ENGAGEMENT)
"""Engagement multiplier by weekday, Monday=0 … Sunday=6 (pandas order).

Sprout Social "Best times to post" 2021 (sources.md#sprout-best-times-2021): weekdays
before 2 pm engage best and weekends are weakest.  Shifted to Bangladesh's Friday–Saturday
weekend (``WEEKEND``, sources.md#bd-weekend): Friday and Saturday are the weak days, Sunday
is a working day like Monday.  Sizes ILLUSTRATIVE.

>>> [round(WEEKDAY_EFFECT[day], 2) for day in WEEKEND]  # Friday, Saturday
[0.65, 0.7]
>>> min(range(7), key=WEEKDAY_EFFECT.__getitem__)  # 4 = Friday
4
"""

WEEKDAY_POSTING: tuple[float, ...] = _by_weekday(_WORKING_WEEK_POSTING, _WEEKEND_POSTING)
"""How many posts go out on each weekday, relative to a working day (Monday=0 … Sunday=6):
the clients' people post less on their Friday–Saturday weekend.  ILLUSTRATIVE.

>>> WEEKDAY_POSTING
(1.0, 1.0, 1.0, 1.0, 0.45, 0.6, 1.0)
"""

HOUR_EFFECT: tuple[float, ...] = (
    0.55,
    0.5,
    0.5,
    0.5,
    0.55,
    0.6,
    0.7,
    0.8,
    0.9,
    1.05,
    1.25,
    1.3,  # 00–11
    1.3,
    1.25,
    1.1,
    1.0,
    0.95,
    0.95,
    1.0,
    1.1,
    1.15,
    1.05,
    0.85,
    0.7,  # 12–23
)
"""Engagement multiplier by hour of day (Asia/Dhaka): late-morning peak 10:00–13:00 and a
smaller evening peak, after Sprout Social's weekday-before-2-pm finding.  ILLUSTRATIVE."""

SPECIAL_DAYS: dict[tuple[int, int], str] = {
    # The holidays package (sources.md#holidays-package, checked): fixed-date days in Bangladesh.
    (2, 21): "International Mother Language Day",  # i18n: not shown
    (3, 26): "Independence Day",  # i18n: not shown
    (4, 14): "Pohela Boishakh (Bengali New Year)",  # i18n: not shown
    (12, 16): "Victory Day",  # i18n: not shown
}
"""Fixed (month, day) special days: posts get more engagement and clients post more."""

SPECIAL_DAY_EFFECT = 2.2
"""Engagement multiplier on a special day.  ILLUSTRATIVE; Rival IQ reports that posts with
holiday hashtags earn the top engagement in most industries (sources.md#rival-iq-benchmarks)."""

SPECIAL_DAY_POSTING = 3.0
"""How many times more posts go out on a special day.  ILLUSTRATIVE."""

# --------------------------------------------------------------------------------------
# Formats: which formats each platform gets, and how well each performs
# --------------------------------------------------------------------------------------
FORMAT_MIX: dict[str, dict[str, float]] = {
    "facebook": {
        "text": 0.08,
        "image": 0.30,
        "carousel": 0.05,
        "video": 0.12,
        "short_video": 0.10,
        "link": 0.15,
        "infographic": 0.10,
        "motion_graphic": 0.05,
        "animation": 0.05,
    },
    "instagram": {
        "image": 0.35,
        "carousel": 0.25,
        "short_video": 0.25,
        "video": 0.03,
        "infographic": 0.07,
        "motion_graphic": 0.03,
        "animation": 0.02,
    },
    "x": {
        "text": 0.40,
        "image": 0.25,
        "link": 0.20,
        "video": 0.08,
        "infographic": 0.05,
        "animation": 0.02,
    },
    "linkedin": {
        "text": 0.20,
        "image": 0.25,
        "carousel": 0.10,
        "link": 0.25,
        "video": 0.08,
        "infographic": 0.12,
    },
    "youtube": {"video": 0.60, "short_video": 0.35, "animation": 0.03, "motion_graphic": 0.02},
    "tiktok": {"short_video": 0.85, "carousel": 0.05, "motion_graphic": 0.05, "animation": 0.05},
}
"""Share of each format by platform (ILLUSTRATIVE; no carousel on YouTube, no links on
Instagram/TikTok, where caption links are not clickable)."""

FORMAT_EFFECT: dict[str, dict[str, float]] = {
    # Facebook: M+R 2013 virality by format, relative to photos (3.3%): video 1.6/3.3,
    # link 1.2/3.3, status 1.3/3.3, softened (square root) since virality is not all engagement.
    "facebook": {
        "image": 1.0,
        "video": math.sqrt(1.6 / 3.3),
        "link": math.sqrt(1.2 / 3.3),
        "text": math.sqrt(1.3 / 3.3),
    },
    # Instagram: Rival IQ: Reels and carousels are the best Instagram formats.  Sizes ILLUSTRATIVE.
    "instagram": {"image": 1.0, "carousel": 1.5, "short_video": 1.7},
}
"""Engagement multiplier by format on a platform; formats not listed get 1.0."""

VIDEO_VIEW_RATE: dict[str, float] = {
    "facebook": 0.45,
    "instagram": 0.6,
    "x": 0.35,
    "linkedin": 0.4,
    "youtube": 0.9,
    "tiktok": 0.95,
}
"""Video views per person reached, for video formats.  ILLUSTRATIVE."""

ENGAGEMENT_SPLIT: dict[str, tuple[float, float, float, float]] = {
    # (reactions, comments, shares, saves) shares of all engagements.  ILLUSTRATIVE.
    "facebook": (0.80, 0.10, 0.08, 0.02),
    "instagram": (0.84, 0.05, 0.03, 0.08),
    "x": (0.72, 0.08, 0.17, 0.03),
    "linkedin": (0.82, 0.10, 0.07, 0.01),
    "youtube": (0.86, 0.09, 0.04, 0.01),
    "tiktok": (0.85, 0.05, 0.05, 0.05),
}
"""How engagements split into ``schema.ENGAGEMENT_COLUMNS`` by platform."""

LINK_CLICKS_PER_REACH: dict[str, float] = {
    "facebook": 0.015,
    "x": 0.01,
    "linkedin": 0.02,
    "youtube": 0.003,
    "instagram": 0.0,
    "tiktok": 0.0,
}
"""Link clicks per person reached for ``link`` posts (other formats get a tenth of it;
Instagram and TikTok captions have no clickable links).  ILLUSTRATIVE."""

PILLAR_EFFECT: dict[str, float] = {
    "impact stories": 1.25,
    "volunteer calls": 0.9,  # i18n: not shown
    "fundraising": 0.8,
    "literacy tips": 1.05,  # i18n: not shown
    "events": 0.95,
    "products": 1.0,
    "behind the scenes": 1.2,  # i18n: not shown
    "customer stories": 1.1,  # i18n: not shown
    "offers": 0.85,
    "tips": 1.0,
}  # i18n: not shown
"""Engagement multiplier by content pillar (stories beat asks).  ILLUSTRATIVE."""

BENGALI_EFFECT: dict[str, float] = {
    "facebook": 1.15,
    "instagram": 1.1,
    "tiktok": 1.1,
    "youtube": 1.1,
    "x": 0.9,
    "linkedin": 0.85,
}
"""Engagement multiplier of a Bengali caption over an English one, by platform: local
audiences answer their own language on the mass platforms; X and LinkedIn audiences in
Dhaka lean English.  ILLUSTRATIVE."""

BOOST_CHANCE: dict[str, float] = {
    "facebook": 0.10,
    "instagram": 0.10,
    "tiktok": 0.06,
    "linkedin": 0.04,
    "youtube": 0.04,
    "x": 0.02,
}
"""Chance that a post is boosted, by platform (about ``BOOSTED_SHARE`` overall).
ILLUSTRATIVE."""

PAID_ENGAGEMENT_FACTOR = 0.35
"""Engagements per person reached by paid distribution, relative to organic.  ILLUSTRATIVE."""

NOISE_SIGMA = 0.6
"""Post-to-post spread (log scale) of engagement rate around its expected value.
ILLUSTRATIVE."""


def _check() -> None:
    """Keep the tables consistent with the schema (run by the tests)."""
    for mix in FORMAT_MIX.values():
        assert set(mix) <= set(FORMATS), mix
        assert abs(sum(mix.values()) - 1) < 1e-9, mix
    for table in (
        ENGAGEMENT_PER_FOLLOWER,
        ORGANIC_REACH_PER_FOLLOWER,
        POSTS_PER_WEEK,
        FORMAT_MIX,
        VIDEO_VIEW_RATE,
        ENGAGEMENT_SPLIT,
        LINK_CLICKS_PER_REACH,
        CPM_PLATFORM_FACTOR,
        BENGALI_EFFECT,
        BOOST_CHANCE,
    ):
        assert set(table) == set(PLATFORMS), table
