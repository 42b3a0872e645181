"""Self-checks for lesson 00 · Orientation (Jupyter and pandas on the course data).

Every expected answer is computed from the committed course data, so the checks follow
the data if it is ever regenerated.

>>> from smm_helpers.checks import check
>>> print(check("00-orientation", "q1", ...))
✗ Not yet (00-orientation, q1). You haven't answered yet.
Hint: Replace the ... with your answer, then run the cell again.
>>> bool(check("00-orientation", "q1", instagram_posts_of_alo()))
True
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pandas as pd

from smm_helpers.checks.core import Question
from smm_helpers.checks.judges import choice, in_bengali_digits, number
from smm_helpers.datasets import CLIENT_PROFILES, CourseData, load_course_data
from smm_helpers.i18n.messages import N_
from smm_helpers.schema import PLATFORMS

LESSON = "00-orientation"


@cache
def _data() -> CourseData:
    return load_course_data()


def _posts(client: str | None = None, platform: str | None = None) -> pd.DataFrame:
    posts = _data().posts
    if client is not None:
        posts = posts[posts["client"] == client]
    if platform is not None:
        posts = posts[posts["platform"] == platform]
    return posts


@cache
def instagram_posts_of_alo() -> int:
    """How many posts Alo Reading Circle (the nonprofit) published on Instagram.

    >>> instagram_posts_of_alo() == len(_posts("nonprofit", "instagram"))
    True
    """
    return len(_posts("nonprofit", "instagram"))


@cache
def tiktok_leader() -> str:
    """The client key with more TikTok followers on the last day of the data.

    >>> tiktok_leader() in CLIENT_PROFILES
    True
    """
    followers = _data().followers
    tiktok = followers[followers["platform"] == "tiktok"]
    last_day = tiktok[tiktok["date"] == tiktok["date"].max()]
    return str(last_day.set_index("client")["followers"].idxmax())


def _other_client(key: str) -> str:
    return next(k for k in CLIENT_PROFILES if k != key)


@cache
def median_facebook_reach_of_alo() -> float:
    """The median reach per post of Alo Reading Circle's Facebook posts.

    >>> median_facebook_reach_of_alo() > 0
    True
    """
    return float(_posts("nonprofit", "facebook")["reach"].median())


@cache
def top_reach_platform_of_nakshi() -> str:
    """The platform where Nakshi Ghor's posts reached the most people in total.

    >>> top_reach_platform_of_nakshi() in PLATFORMS
    True
    """
    totals = _posts("business").groupby("platform", observed=True)["reach"].sum()
    return str(totals.sort_values(ascending=False).index[0])


def _near(value: float) -> Callable[[float], bool]:
    """A test for a number judge's ``mistakes``: within 0.2% of ``value``.

    Tighter than the judge's own tolerance, so each hint picks the right mistake.
    """
    return lambda x: abs(x - value) <= 0.002 * abs(value)


def _client_names(key: str) -> list[str]:
    return [key, CLIENT_PROFILES[key].name]


QUESTIONS = [
    Question(
        lesson=LESSON,
        id="q1",
        prompt=N_("How many posts did Alo Reading Circle publish on Instagram in the year?"),
        judge=number(
            instagram_posts_of_alo,
            rel_tol=0.0,
            what=N_("a whole number of posts"),
            mistakes=[
                (
                    lambda x: x == len(_posts("nonprofit")),
                    N_(
                        "That counts all of the nonprofit's posts: keep only the Instagram rows "
                        "too."
                    ),
                ),
                (
                    lambda x: x == len(_posts(platform="instagram")),
                    N_(
                        "That counts Instagram posts of both clients: keep only the nonprofit's "
                        "rows."
                    ),
                ),
                (
                    lambda x: x == len(_posts("business", "instagram")),
                    N_("That is the other client: Alo Reading Circle is the 'nonprofit'."),
                ),
            ],
            hint=N_(
                "Filter the posts with two conditions joined by &, then count the rows "
                "with len(...)."
            ),
        ),
        reference=lambda: [
            instagram_posts_of_alo(),
            float(instagram_posts_of_alo()),
            in_bengali_digits(instagram_posts_of_alo()),
        ],
        wrong=lambda: [
            len(_posts("nonprofit")),
            len(_posts(platform="instagram")),
            len(_posts("business", "instagram")),
            instagram_posts_of_alo() + 1,
            in_bengali_digits(instagram_posts_of_alo() + 1),
        ],
    ),
    Question(
        lesson=LESSON,
        id="q2",
        prompt=N_(
            "Which client had more TikTok followers on the last day of the year? "
            "Answer 'nonprofit' or 'business' (or the client's name)."
        ),
        judge=choice(
            lambda: _client_names(tiktok_leader()),
            options=[*_client_names("nonprofit"), *_client_names("business")],
            hint=N_(
                "Keep the TikTok rows of the followers table on its last date, then compare "
                "the two clients' follower counts."
            ),
        ),
        reference=lambda: _client_names(tiktok_leader()),
        wrong=lambda: _client_names(_other_client(tiktok_leader())),
    ),
    Question(
        lesson=LESSON,
        id="q3",
        prompt=N_("What is the median reach per post of Alo Reading Circle's Facebook posts?"),
        judge=number(
            median_facebook_reach_of_alo,
            what=N_("a number of people"),
            mistakes=[
                (
                    lambda x: _near(float(_posts("nonprofit", "facebook")["reach"].mean()))(x),
                    N_("That is the mean: a few big posts pull it up. Ask for the median instead."),
                ),
                (
                    lambda x: _near(float(_posts("nonprofit", "facebook")["reach"].sum()))(x),
                    N_("That is the total over all posts: the question asks for a typical post."),
                ),
                (
                    lambda x: _near(float(_posts("nonprofit", "facebook")["impressions"].median()))(
                        x
                    ),
                    N_("That uses impressions (times shown); reach counts unique people."),
                ),
                (
                    lambda x: _near(float(_posts(platform="facebook")["reach"].median()))(x),
                    N_("That mixes in the other client's Facebook posts: filter the client too."),
                ),
            ],
            hint=N_(
                "Filter the nonprofit's Facebook posts, take the 'reach' column and ask "
                "for its median."
            ),
        ),
        reference=lambda: [median_facebook_reach_of_alo()],
        wrong=lambda: [
            float(_posts("nonprofit", "facebook")["reach"].mean()),
            float(_posts("nonprofit", "facebook")["reach"].sum()),
            float(_posts("nonprofit", "facebook")["impressions"].median()),
            float(_posts(platform="facebook")["reach"].median()),
        ],
    ),
    Question(
        lesson=LESSON,
        id="q4",
        prompt=N_(
            "On which platform did Nakshi Ghor's posts reach the most people in total "
            "over the year?"
        ),
        judge=choice(
            top_reach_platform_of_nakshi,
            options=list(PLATFORMS),
            hints={
                "facebook": N_(
                    "Facebook is where the shop has most followers, but followers "
                    "are not reach. Add up the reach column per platform."
                ),
            },
            hint=N_("Group the shop's posts by platform, add up the reach, then sort."),
        ),
        reference=lambda: [top_reach_platform_of_nakshi()],
        wrong=lambda: [p for p in PLATFORMS if p != top_reach_platform_of_nakshi()][:3],
    ),
]
