"""Self-checks for lesson 03 · Choosing platforms.

Every data-based answer is worked out by the package (``recommend_platforms``, the course
data), never typed in, so the checks follow the package if its figures change.

>>> from smm_helpers.checks import check
>>> check("03-platforms", "q2", ...).correct
False
"""

from __future__ import annotations

from functools import cache

from smm_helpers.checks.core import Question
from smm_helpers.checks.judges import choice, number, text_elements
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.numbers import digits
from smm_helpers.platforms import OrgProfile, known_platforms, recommend_platforms

LESSON = "03-platforms"

ALO = OrgProfile(
    kind="nonprofit",
    goals=("donations", "recruitment"),
    ages=(18, 45),
    location="dhaka",
    formats=("image", "short_video"),
    monthly_budget=5000,
    hours_per_week=8,
)
"""Alo Reading Circle's profile as lesson 03 writes it."""

VOLUNTEER_DRIVE = OrgProfile(
    kind="nonprofit",
    goals=("recruitment",),
    ages=(22, 35),
    location="dhaka",
    formats=("text", "infographic"),
    monthly_budget=0,
    hours_per_week=4,
)
"""q1: Alo looking only for volunteers among young professionals."""

FEW_HOURS = 3
"""q2: the hours a week left when Alo's social media volunteer leaves."""


@cache
def first_for_volunteer_drive() -> str:
    """The platform ``recommend_platforms`` ranks first for ``VOLUNTEER_DRIVE``.

    >>> first_for_volunteer_drive() in known_platforms()
    True
    """
    return recommend_platforms(VOLUNTEER_DRIVE).ranking[0]


@cache
def focus_count(hours: float) -> int:
    """How many platforms Alo should focus on with ``hours`` a week.

    >>> focus_count(100) == len(known_platforms())
    True
    """
    return len(recommend_platforms(ALO, hours_per_week=hours).focus)


@cache
def median_er_reach_by_platform() -> dict[str, float]:
    """Median per-post engagement rate by reach, per platform, in the nonprofit's posts.

    >>> sorted(median_er_reach_by_platform()) == sorted(known_platforms())
    True
    """
    from smm_helpers.datasets import load_course_data  # heavy: loads numpy, pandas on first use
    from smm_helpers.metrics import engagement_rate  # heavy: loads numpy, pandas on first use

    posts = load_course_data().posts
    mine = posts[posts["client"] == "nonprofit"]
    rates = engagement_rate(mine, by="reach").groupby(mine["platform"], observed=True).median()
    return {str(k): float(v) for k, v in rates.items()}


@cache
def best_median_er_reach() -> str:
    """The nonprofit's platform with the highest median engagement rate by reach.

    >>> best_median_er_reach() in known_platforms()
    True
    """
    rates = median_er_reach_by_platform()
    return max(rates, key=rates.__getitem__)


def _others(right: str) -> list[str]:
    return [p for p in known_platforms() if p != right]


PLATFORM_WORDS = [
    r"facebook",
    r"\bfb\b",
    r"instagram",
    r"\binsta",
    r"tiktok",
    r"tik tok",  # i18n: not shown
    r"youtube",
    r"linkedin",
    r"\bx\b",
    r"twitter",
    r"ফেসবুক",
    r"ইনস্টাগ্রাম",
    r"টিকটক",
    r"ইউটিউব",
    r"লিংকডইন",
]
AUDIENCE_WORDS = [
    r"\d+\s*(?:[-–]|to)\s*\d+",
    r"\baged?\b",
    r"\byears?\b",
    r"young",
    r"youth",
    r"students?",
    r"parents?",
    r"mothers?",
    r"women",
    r"adults?",
    r"professionals?",
    r"graduates?",
    r"volunteers?",
    r"donors?",
    r"supporters?",
    r"families",
    r"people",
    r"audience",
    r"(?:in|from) (?:dhaka|bangladesh)",
    r"তরুণ",
    r"শিক্ষার্থী",
    r"অভিভাবক",
    r"দাতা",
    r"স্বেচ্ছাসেবক",
]
FORMAT_WORDS = [
    r"videos?",
    r"reels?",
    r"shorts",
    r"images?",
    r"photos?",
    r"pictures?",
    r"carousels?",
    r"infographics?",
    r"text "  # i18n: not shown
    r"posts?",
    r"articles?",
    r"stories",
    r"live",
    r"links?",
    r"animations?",
    r"motion "  # i18n: not shown
    r"graphics?",
    r"ভিডিও",
    r"ছবি",
]

QUESTIONS = [
    Question(
        lesson=LESSON,
        id="q1",
        prompt=(
            N_(
                "Suppose Alo's only goal were recruiting volunteers among young professionals "
                "aged 22–35 in Dhaka, with text posts and infographics, no ad budget and "
                "4 hours a week. Which platform does recommend_platforms rank first?"
            )
        ),
        judge=choice(
            first_for_volunteer_drive,
            options=known_platforms(),
            hints={
                "facebook": N_(
                    "Facebook is the safe default in Bangladesh. Run "
                    "recommend_platforms with this profile and look at the goal "
                    "column: which platform is built for recruitment?"
                ),
                "instagram": N_("Does Instagram favour text and infographics?"),
                "tiktok": N_("Look at the goal and format scores for TikTok."),
                "youtube": N_("Look at the format score: does it favour text?"),
            },
            hint=N_("Run recommend_platforms with this profile and read rec.ranking."),
        ),
        reference=lambda: [first_for_volunteer_drive(), first_for_volunteer_drive().capitalize()],
        wrong=lambda: _others(first_for_volunteer_drive()),
    ),
    Question(
        lesson=LESSON,
        id="q2",
        prompt=N_(
            "Alo's volunteer leaves, and until a new one is found the Director can give "
            "social media only {hours} hours a week. With the rest of Alo's profile "
            "unchanged, on how many platforms should Alo focus (the length of rec.focus)?"
        ),
        facts=lambda: {"hours": digits(FEW_HOURS)},
        judge=number(
            lambda: focus_count(FEW_HOURS),
            what=N_("a whole number of platforms"),
            mistakes=[
                (
                    lambda v: v == len(known_platforms()),
                    N_(
                        "That is every platform. Each needs some hours a week to "
                        "stay alive: read rec.advice."
                    ),
                ),
                (
                    lambda v: v == focus_count(ALO.hours_per_week),
                    N_("That is the count for Alo's original hours. Change hours_per_week first."),
                ),
            ],
            hint=N_("Call recommend_platforms(alo, hours_per_week=...) and take len(rec.focus)."),
        ),
        reference=lambda: [focus_count(FEW_HOURS), float(focus_count(FEW_HOURS))],
        wrong=lambda: sorted(
            {len(known_platforms()), focus_count(ALO.hours_per_week), 0} - {focus_count(FEW_HOURS)}
        ),
    ),
    Question(
        lesson=LESSON,
        id="q3",
        prompt=(
            N_(
                "In Alo Reading Circle's own posts (client 'nonprofit'), which platform has "
                "the highest median engagement rate by reach per post?"
            )
        ),
        judge=choice(
            best_median_er_reach,
            options=known_platforms(),
            hints={
                "facebook": N_(
                    "Facebook has the most posts and followers, but the "
                    "question asks about the rate per post."
                )
            },
            hint=N_(
                "Keep only the nonprofit's posts, compute engagement_rate(posts, "
                "by='reach') per post, then take the median per platform."
            ),
        ),
        reference=lambda: [best_median_er_reach()],
        wrong=lambda: _others(best_median_er_reach()),
    ),
    Question(
        lesson=LESSON,
        id="q4",
        prompt=(
            N_(
                "In two or three sentences, argue for the platform you would start with for "
                "Alo: name the platform, the audience you want to reach there, and the "
                "format you would post."
            )
        ),
        judge=text_elements(
            {
                N_("the platform"): PLATFORM_WORDS,
                N_("the audience (who, e.g. ages or a group of people)"): AUDIENCE_WORDS,
                N_("a format (e.g. short video, photos, carousels)"): FORMAT_WORDS,
            },
            min_words=15,
            what=N_("your argument"),
        ),
        reference=[
            "I would start with Facebook, because adults aged 25 to 45 in "  # i18n: not shown
            "Dhaka, the parents "
            "and donors Alo needs, use it every day. We would post photos of reading circles "
            "and short videos of children reading.",
            "Instagram first: university students in Dhaka are there and they "  # i18n: not shown
            "are the "
            "volunteers we need. Reels and carousels about a volunteer's day would suit it.",
            "ফেসবুক দিয়ে শুরু করব, কারণ ঢাকার অভিভাবক আর দাতারা সেখানে আছেন; আমরা পাঠচক্রের ছবি "
            "আর ছোট ভিডিও পোস্ট করব যাতে মানুষ দেখতে পায় কাজটা কেমন।",
        ],
        wrong=[
            "Facebook is the best platform for us.",  # i18n: not shown
            "I would use Facebook because everyone in Bangladesh is on it and "  # i18n: not shown
            "it is cheap "
            "and easy for our small team to run every week.",
            "We should post short videos and photos of the reading circles so "  # i18n: not shown
            "people can "
            "see the children learning and share the posts.",
        ],
    ),
]
