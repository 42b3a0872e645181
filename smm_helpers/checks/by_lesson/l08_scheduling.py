"""Self-checks for lesson 08 · Scheduling posts (``lessons/08-scheduling.ipynb``).

Every data-based answer is computed from the course data or the package, never typed in:

>>> best_instagram_slot()[0] in ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday",
...                              "Friday", "Saturday")
True
>>> GIVING_TUESDAY_YEAR
2027
>>> q3_posts() == sum(Q3_POSTS_PER_WEEK.values()) * Q3_WEEKS
True
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from smm_helpers.checks.core import Feedback, Question
from smm_helpers.checks.judges import choice, in_bengali_digits, number, text_elements
from smm_helpers.checks.reading import read_clock, read_date, read_slot, read_weekday
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits
from smm_helpers.planning import build_calendar, giving_tuesday

LESSON = "08-scheduling"

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SLOT_OPTIONS = tuple(f"{day} {hour:02d}:00" for day in WEEKDAY_NAMES for hour in range(24))
"""Every weekly slot written the way the lesson writes it, e.g. ``"Tuesday 09:00"``."""

MIN_POSTS = 5
"""The lesson's rule: a slot needs at least this many posts before we trust it."""

# --------------------------------------------------------------------------- q1: best slot


@cache
def _instagram_posts() -> Any:
    from smm_helpers.datasets import load_posts  # heavy: loads numpy, pandas on first use

    posts = load_posts(client="nonprofit")
    return posts[posts["platform"] == "instagram"]


def _top_slot(posts: Any, min_posts: int, statistic: str = "median") -> tuple[str, int]:
    from smm_helpers.metrics import best_time_table  # heavy: loads numpy, pandas on first use

    best = best_time_table(posts, min_posts=min_posts, statistic=statistic).best(1)
    return str(best["weekday"].iloc[0]), int(best["hour"].iloc[0])


@cache
def best_instagram_slot() -> tuple[str, int]:
    """Alo Reading Circle's best trusted Instagram slot: median engagement rate by reach,
    slots with at least ``MIN_POSTS`` posts (computed from the course data).

    >>> day, hour = best_instagram_slot()
    >>> 0 <= hour <= 23
    True
    """
    return _top_slot(_instagram_posts(), MIN_POSTS)


@cache
def _thin_slot() -> tuple[str, int]:
    """The top slot when every slot counts, even one backed by a single post."""
    return _top_slot(_instagram_posts(), 1)


@cache
def _facebook_slot() -> tuple[str, int]:
    from smm_helpers.datasets import load_posts  # heavy: loads numpy, pandas on first use

    posts = load_posts(client="nonprofit")
    return _top_slot(posts[posts["platform"] == "facebook"], MIN_POSTS)


def slot_text(answer: Any) -> str | None:
    """A weekly slot in the lesson's spelling ("Friday 10:00"), or None if it is not one.

    Accepts ``("Friday", 10)``, ``"Friday 10:00"``, ``"fri 10"``, ``"Friday 10am"``, the
    one-row table ``.best(1)`` returns, or a row of it, in English or Bengali
    (``"মঙ্গলবার ০৯:০০"``, ``"মঙ্গলবার সকাল ৯টা"``, ``("শুক্রবার", "১০")``).

    >>> slot_text(("fri", 9)), slot_text("Tuesday 14:00"), slot_text("Tue 2pm")
    ('Friday 09:00', 'Tuesday 14:00', 'Tuesday 14:00')
    >>> slot_text("মঙ্গলবার ০৯:০০"), slot_text(("বৃহস্পতিবার", "বিকেল ৪টা"))
    ('Tuesday 09:00', 'Thursday 16:00')
    >>> slot_text("sometime in the morning") is None, slot_text("Tuesday 09:30") is None
    (True, True)
    """
    if hasattr(answer, "columns") and {"weekday", "hour"} <= set(answer.columns):
        if len(answer) < 1:
            return None
        answer = (answer["weekday"].iloc[0], answer["hour"].iloc[0])
    elif hasattr(answer, "index") and hasattr(answer, "get") and "weekday" in answer.index:
        answer = (answer.get("weekday"), answer.get("hour"))
    if isinstance(answer, str):
        slot = read_slot(answer)
        if slot is None or slot[2] != 0:
            return None
        return f"{WEEKDAY_NAMES[slot[0]]} {slot[1]:02d}:00"
    if not isinstance(answer, tuple | list) or len(answer) != 2:
        return None
    day_value, hour_value = answer
    if isinstance(hour_value, str):
        clock = read_clock(hour_value)
        if clock is None or clock[1] != 0:
            return None
        hour_value = clock[0]
    try:
        hour = int(hour_value)
    except (TypeError, ValueError):
        return None
    if hour != hour_value or not 0 <= hour <= 23:
        return None
    day = read_weekday(str(day_value))
    return None if day is None else f"{WEEKDAY_NAMES[day]} {hour:02d}:00"


SPROUT_INSTAGRAM = ("Tuesday", 11)
"""Sprout Social's best Instagram time (Tue 11 am–2 pm, US Central Time;
sources.md#sprout-best-times-2021)."""


def _slot(pair: tuple[str, int]) -> str:
    return f"{pair[0]} {pair[1]:02d}:00"


_choose_slot = choice(
    lambda: _slot(best_instagram_slot()),
    options=SLOT_OPTIONS,
    hint=N_(
        "Rank only the slots the table trusts, by the median, for Instagram posts of the nonprofit."
    ),
)


def judge_best_slot(answer: Any) -> Feedback:
    """Judge a slot given in any of the forms ``slot_text`` reads.

    >>> judge_best_slot("someday").correct
    False
    """
    text = slot_text(answer)
    if text is None:
        return Feedback(
            False,
            _("I could not read this as a weekly slot."),
            _("Give a weekday and an hour, e.g. ('Tuesday', 9) or 'Tuesday 09:00'."),
        )
    if text == _slot(_thin_slot()) and text != _slot(best_instagram_slot()):
        return Feedback(
            False,
            _("That slot looks great, but very few posts stand behind it."),
            _("Use min_posts={least}: a slot backed by one or two posts is mostly luck.").format(
                least=MIN_POSTS
            ),
        )
    if text == _slot(_facebook_slot()) and text != _slot(best_instagram_slot()):
        return Feedback(
            False,
            _("That is a good slot, but for another platform."),
            _("Filter the posts to Instagram before building the table."),
        )
    if text == _slot(SPROUT_INSTAGRAM) and text != _slot(best_instagram_slot()):
        return Feedback(
            False,
            _("That is the published US finding, not this client's data."),
            _("Build the best-times table from the nonprofit's own Instagram posts."),
        )
    return _choose_slot(text)


def _q1_wrong() -> list[Any]:
    right = _slot(best_instagram_slot())
    candidates = [
        _thin_slot(),  # trusted a slot with one post
        _facebook_slot(),  # wrong platform
        SPROUT_INSTAGRAM,  # Sprout Social's US finding copied across
        "Sunday 10:00",
        "around lunch",  # i18n: not shown
    ]
    return [c for c in candidates if slot_text(c) != right]


# --------------------------------------------------------------------------- q2: GivingTuesday

GIVING_TUESDAY_YEAR = 2027


def giving_tuesday_answer() -> date:
    """GivingTuesday of ``GIVING_TUESDAY_YEAR``, computed by ``planning.giving_tuesday``.

    >>> giving_tuesday_answer().weekday()
    1
    """
    return giving_tuesday(GIVING_TUESDAY_YEAR)


def as_date(answer: Any) -> date | None:
    """A date from a ``date``, ``datetime``, ``Timestamp`` or text (English or Bengali).

    >>> as_date("2027-01-05"), as_date(datetime(2027, 1, 5, 9)), as_date("5 Jan")
    (datetime.date(2027, 1, 5), datetime.date(2027, 1, 5), None)
    >>> as_date("২০২৭-১১-৩০"), as_date("৩০ নভেম্বর ২০২৭")
    (datetime.date(2027, 11, 30), datetime.date(2027, 11, 30))
    """
    return read_date(answer)


def _thanksgiving() -> date:
    return giving_tuesday_answer() - timedelta(days=5)


_date_number = number(
    lambda: giving_tuesday_answer().toordinal(),
    rel_tol=0,
    what=N_("a date"),
    mistakes=[
        (
            lambda n: date.fromordinal(int(n)) == _thanksgiving(),
            N_("That is US Thanksgiving itself: GivingTuesday comes a few days after it."),
        ),
        (
            lambda n: date.fromordinal(int(n)).year != GIVING_TUESDAY_YEAR,
            lambda: _("Check the year: the question asks about {year}.").format(
                year=digits(GIVING_TUESDAY_YEAR)
            ),
        ),
        (
            lambda n: date.fromordinal(int(n)).weekday() != 1,
            N_("GivingTuesday is always a Tuesday: which weekday is your date?"),
        ),
    ],
    hint=N_(
        "It is the Tuesday right after US Thanksgiving (the fourth Thursday of November); "
        "the planning module can work it out for you."
    ),
)


def judge_giving_tuesday(answer: Any) -> Feedback:
    """Judge a date given as a ``date``, ``datetime``, ``Timestamp`` or ISO string.

    >>> judge_giving_tuesday("next Tuesday").correct
    False
    """
    day = as_date(answer)
    if day is None:
        return Feedback(
            False,
            _("I could not read this as a date."),
            _(
                "Give a date object, an ISO string like 'YYYY-MM-DD', or the day, "
                "the month's name and the year (English or Bengali)."
            ),
        )
    return _date_number(day.toordinal())


def _q2_reference() -> list[Any]:
    day = giving_tuesday_answer()
    return [day, day.isoformat(), datetime(day.year, day.month, day.day, 9)]


def _q2_wrong() -> list[Any]:
    day = giving_tuesday_answer()
    first_december_tuesday = date(day.year, 12, 1) + timedelta(
        days=(1 - date(day.year, 12, 1).weekday()) % 7
    )
    candidates = [
        _thanksgiving(),  # Thanksgiving itself
        giving_tuesday(GIVING_TUESDAY_YEAR - 1),  # the lesson's year, not the question's
        first_december_tuesday,  # "the first Tuesday of December"
        (day + timedelta(days=7)).isoformat(),
        "Tuesday",
    ]
    return [c for c in candidates if as_date(c) != day]


# --------------------------------------------------------------------------- q3: post count

Q3_START = "2026-12-02"
"""A Wednesday: the calendar starts on the following Monday."""
Q3_WEEKS = 4
Q3_POSTS_PER_WEEK = {"facebook": 5, "instagram": 3}


@cache
def _q3_calendar() -> Any:
    return build_calendar(
        Q3_START,
        weeks=Q3_WEEKS,
        platforms=list(Q3_POSTS_PER_WEEK),
        posts_per_week=Q3_POSTS_PER_WEEK,
    )


@cache
def q3_posts() -> int:
    """How many posts the question's calendar schedules (events of kind ``post``).

    >>> q3_posts() > 0
    True
    """
    events = _q3_calendar().events
    return int((events["kind"] == "post").sum())


def _q3_all_events() -> int:
    return len(_q3_calendar().events)


def _q3_regular_only() -> int:
    """Posts without the special-day posts (a filter on the pillar column gone wrong)."""
    events = _q3_calendar().events
    return int(
        (
            (events["kind"] == "post")
            & (
                events["pillar"] != "special "  # i18n: not shown
                "day"
            )
        ).sum()
    )


def _q3_wrong() -> list[Any]:
    right = q3_posts()
    candidates = [
        _q3_all_events(),  # every event, special days and prep tasks included
        sum(Q3_POSTS_PER_WEEK.values()),  # one week only
        Q3_POSTS_PER_WEEK["facebook"] * Q3_WEEKS,  # one platform only
        _q3_regular_only(),  # special-day posts left out
        in_bengali_digits(sum(Q3_POSTS_PER_WEEK.values())),  # one week, in Bengali digits
    ]
    return [c for c in candidates if c != right]


judge_post_count = number(
    q3_posts,
    rel_tol=0,
    what=N_("a whole number of posts"),
    mistakes=[
        (
            lambda n: n == _q3_all_events(),
            N_(
                "That counts every event: special days and preparation tasks are events too, but "
                "not posts."
            ),
        ),
        (
            lambda n: n == sum(Q3_POSTS_PER_WEEK.values()),
            N_("That is one week's posts: how many weeks does the calendar run?"),
        ),
        (
            lambda n: n == _q3_regular_only() != q3_posts(),
            N_("Special-day posts are posts too: they replace a regular post, they don't vanish."),
        ),
    ],
    hint=N_("Count the rows of .events whose kind is 'post' (or add up .post_counts())."),
)


# --------------------------------------------------------------------------- q4: why in advance

judge_why_in_advance = text_elements(
    {
        N_("time to make the content well (write, design, translate or get it approved)"): [
            r"prepar",
            r"design",
            r"draft",
            r"writ",
            r"creat",
            r"produc",
            r"translat",
            r"approv",
            r"review",
            r"proofread",
            r"photo",
            r"video",
            r"quality",
            r"research",
            r"check",
            r"প্রস্তুত",
            r"তৈরি",
            r"ডিজাইন",
            r"লিখ",
        ],
        N_("publishing on the day itself, not late or in a rush"): [
            r"on "  # i18n: not shown
            r"time",
            r"in time",
            r"on the day",
            r"\blate\b",
            r"\bmiss",
            r"rush",  # i18n: not shown
            r"last[- ]minute",
            r"deadline",
            r"schedul",
            r"busy",
            r"forget",
            r"panic",
            r"সময়মত",
            r"দেরি",
            r"শিডিউল",
        ],  # i18n: not shown
        N_("why those days matter to the audience (attention, engagement, emotion)"): [
            r"engag",
            r"attention",
            r"audience",
            r"people",
            r"follower",
            r"trend",
            r"hashtag",
            r"interest",
            r"emotion",
            r"celebrat",
            r"reach",
            r"donat",
            r"supporter",
            r"conversation",
            r"দর্শক",
            r"মানুষ",
            r"অনুসারী",
            r"এনগেজমেন্ট",
        ],
    },
    min_words=15,
    what=N_("your explanation"),
)

_Q4_REFERENCE = [
    "Special days such as Victory Day or GivingTuesday are known weeks ahead, "  # i18n: not shown
    "so we can "
    "prepare the design, the Bengali and English text and get approval calmly. Then the post "
    "is scheduled and goes out on the day itself, when our audience is paying attention and "
    "engagement with holiday hashtags is highest, instead of a rushed, late post.",
    "Good content takes time to create and check. If we wait until the day we "  # i18n: not shown
    "may miss it or "
    "post late, and those days are exactly when followers are most interested and ready to "
    "donate to a cause.",
    "বিশেষ দিনের পোস্ট আগে থেকে প্রস্তুত করলে ডিজাইন ও লেখা ভালো হয়, পোস্ট সময়মতো যায়, "
    "আর সেদিন মানুষের আগ্রহ সবচেয়ে বেশি থাকে তাই এনগেজমেন্টও বেশি হয়।",
]

_Q4_WRONG = [
    "Because the manager said so.",  # i18n: not shown
    "To post more often.",  # i18n: not shown
    "",
    "We should plan early so that we are never late with the post on the day "  # i18n: not shown
    "itself and can "
    "schedule it calmly.",  # timing only
    42,
]


QUESTIONS: list[Question] = [
    Question(
        lesson=LESSON,
        id="q1",
        prompt=N_(
            "Which weekly slot is the best *trusted* slot for Alo Reading Circle's "
            "Instagram posts (median engagement rate by reach, slots with at least "
            "{least} posts)? Answer like ('Tuesday', 9) or 'Tuesday 09:00'."
        ),
        facts=lambda: {"least": digits(MIN_POSTS)},
        judge=judge_best_slot,
        reference=lambda: [
            best_instagram_slot(),
            _slot(best_instagram_slot()),
            (best_instagram_slot()[0][:3], best_instagram_slot()[1]),
        ],
        wrong=_q1_wrong,
    ),
    Question(
        lesson=LESSON,
        id="q2",
        prompt=N_(
            "On which date is GivingTuesday in {year}? Answer with a date "
            "(a datetime.date or a string 'YYYY-MM-DD')."
        ),
        facts=lambda: {"year": digits(GIVING_TUESDAY_YEAR)},
        judge=judge_giving_tuesday,
        reference=_q2_reference,
        wrong=_q2_wrong,
    ),
    Question(
        lesson=LESSON,
        id="q3",
        prompt=N_("Build a calendar with {code}. How many posts does it schedule?"),
        facts=lambda: {
            "code": f"build_calendar('{Q3_START}', weeks={Q3_WEEKS}, "
            f"platforms={list(Q3_POSTS_PER_WEEK)}, "
            f"posts_per_week={Q3_POSTS_PER_WEEK})"
        },
        judge=judge_post_count,
        reference=lambda: [q3_posts(), float(q3_posts())],
        wrong=_q3_wrong,
    ),
    Question(
        lesson=LESSON,
        id="q4",
        prompt=N_(
            "In two or three sentences: why should a social media manager prepare "
            "special-day posts in advance?"
        ),
        judge=judge_why_in_advance,
        reference=_Q4_REFERENCE,
        wrong=_Q4_WRONG,
    ),
]

__all__ = ["QUESTIONS"]
