"""Self-checks for lesson 07 · Creating content: counting posts per platform, and formats.

The posts the exercises use are defined here (the lesson imports them), and every answer is
computed with :mod:`smm_helpers.content` or from the course data, never typed in by hand.

>>> from smm_helpers.checks import check
>>> bool(check("07-content", "q3", TOO_LONG_POST))
False
>>> check("07-content", "q2", ...).message
"You haven't answered yet."
"""

from __future__ import annotations

from functools import cache
from typing import Any

import regex

from smm_helpers.checks.core import Feedback, Question
from smm_helpers.checks.judges import choice, fold_text, number, satisfies
from smm_helpers.content import (
    check_post,
    extract_hashtags,
    utf8_bytes,
    visible_characters,
    x_weighted_length,
)
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.schema import FORMATS

LESSON = "07-content"

EXERCISE_POST = (
    "ঈদ মোবারক! 🌙 নকশী ঘরের নতুন ঈদ সংগ্রহ দেখুন: "
    "https://example.org/nakshi-ghor/eid-collection-2026 #ঈদ"
)
"""Question 1: a Bengali post with an emoji, a long link and a hashtag."""

_STORY = (
    "আলো পাঠচক্রে প্রতি শনিবার শিশুরা গল্পের বই পড়ে। ",
    "ছবি আঁকে আর নিজেদের দৃষ্টিভঙ্গি নিয়ে কথা বলে। ",
    "স্বেচ্ছাসেবকেরা তাদের পাশে বসে নতুন শব্দ শেখায়। ",
    "মাস শেষে প্রত্যেক শিশু একটি বই উপহার পায়। ",
)
LONG_CAPTION = "".join(_STORY) * 13 + "#আলো_পাঠচক্র #পড়ার_অভ্যাস"
"""Question 2: a long Bengali caption draft (a four-sentence story repeated); it looks
shorter than it counts."""

CAPTION_PLATFORMS = ("facebook", "instagram", "linkedin", "tiktok")
"""Question 2's options."""

TOO_LONG_POST = (
    "শুভ নববর্ষ! 🎉 পহেলা বৈশাখে আলো পাঠচক্রের বইমেলায় আপনাকে সাদর আমন্ত্রণ। সকাল ১০টা থেকে "
    "সন্ধ্যা ৬টা পর্যন্ত ধানমন্ডির লাইব্রেরিতে শিশুদের জন্য গল্প বলা, ছবি আঁকা, কবিতা পাঠ আর "
    "বিনামূল্যে বই বিতরণ। বাবা-মায়েরাও আসুন, স্বেচ্ছাসেবক হতে চাইলে আমাদের সাথে যোগাযোগ "
    "করুন। বিস্তারিত: https://example.org/alo/boishakh-book-fair #পহেলা_বৈশাখ #আলো_পাঠচক্র "
    "#বইমেলা"
)
"""Question 3: an invitation too long for X; the learner shortens it."""

KEEP_IN_FIX = {
    N_("the organisation's name (আলো পাঠচক্র)"): "আলো পাঠচক্র",
    N_("the link"): "https://example.org/alo/boishakh-book-fair",
    N_("the hashtag #পহেলা_বৈশাখ"): "#পহেলা_বৈশাখ",
}
"""What a shortened invitation must keep (question 3)."""

HASHTAG_CAPTION = "বই পড়ার ৫টি অভ্যাস 📚 #পড়ার_অভ্যাস #শিশু #আলো_পাঠচক্র #১ #Dhaka #বই"
"""Question 5: an Instagram caption; one of its '#' words is not a hashtag."""


@cache
def x_length() -> int:
    """Question 1: X's weighted length of :data:`EXERCISE_POST`.

    >>> x_length() < len(EXERCISE_POST)
    True
    """
    return x_weighted_length(EXERCISE_POST)


@cache
def broken_by_caption() -> tuple[str, ...]:
    """Question 2: the platforms of :data:`CAPTION_PLATFORMS` that refuse :data:`LONG_CAPTION`.

    >>> len(broken_by_caption())
    1
    """
    return tuple(p for p in CAPTION_PLATFORMS if not check_post(LONG_CAPTION, p).ok)


def _missing_from_fix(answer: str) -> list[str]:
    folded = fold_text(answer)
    return [name for name, text in KEEP_IN_FIX.items() if fold_text(text) not in folded]


def fits_x(answer: Any) -> bool:
    """Whether ``answer`` is text that X accepts (question 3's first test).

    >>> fits_x("ঈদ মোবারক!"), fits_x("ক" * 281), fits_x(280)
    (True, False, False)
    """
    return isinstance(answer, str) and bool(answer.strip()) and check_post(answer, "x").ok


def _judge_fix(answer: Any) -> Feedback:
    """Question 3: the post must fit X, then keep the name, the link and the hashtag."""
    fits = satisfies(
        fits_x,
        failure=N_("X would not accept this yet."),
        hint=N_(
            "Give the post as text and check it with check_post(answer, 'x'): cut words, "
            "not the link (it counts 23 however long it is)."
        ),
    )(answer)
    if not fits.correct:
        return fits
    kept = satisfies(
        lambda text: not _missing_from_fix(text),
        success=N_("It fits X and keeps what matters."),
        failure=N_("It fits X, but something important was cut."),
        hint=N_("Keep the organisation's name, the link and #পহেলা_বৈশাখ; cut other words."),
    )(answer)
    return Feedback(
        kept.correct, kept.message, kept.hint, tuple(_(name) for name in _missing_from_fix(answer))
    )


@cache
def _instagram_formats() -> Any:
    from smm_helpers.datasets import load_posts  # heavy: loads numpy, pandas on first use
    from smm_helpers.metrics import summarize  # heavy: loads numpy, pandas on first use

    posts = load_posts()
    return summarize(posts[posts["platform"] == "instagram"], by="format")


@cache
def best_instagram_format() -> str:
    """Question 4: the Instagram format with the highest engagement rate by reach.

    >>> best_instagram_format() in FORMATS
    True
    """
    return str(_instagram_formats()["er_reach"].idxmax())


def _q4_wrong() -> list[str]:
    table = _instagram_formats()
    best = best_instagram_format()
    tempting = {
        str(table["posts"].idxmax()),
        str(table["median_er_followers"].idxmax()),
        str(table["engagements"].idxmax()),
    }
    return sorted(tempting - {best}) or [f for f in table.index.astype(str) if f != best][:2]


@cache
def hashtag_count() -> int:
    """Question 5: the hashtags in :data:`HASHTAG_CAPTION`, counted as platforms count them.

    >>> hashtag_count() < HASHTAG_CAPTION.count("#")
    True
    """
    return len(extract_hashtags(HASHTAG_CAPTION))


def _bengali_doubled() -> int:
    """A common wrong count: Bengali letters counted 2 each, as if they were Chinese."""
    return x_length() + len(regex.findall(r"\p{Bengali}", EXERCISE_POST.split("https://")[0]))


def _is_visible_count(answer: float) -> bool:
    return answer == visible_characters(EXERCISE_POST)


def _is_byte_count(answer: float) -> bool:
    return answer == utf8_bytes(EXERCISE_POST)


def _q1_wrong() -> list[int]:
    candidates = [
        len(EXERCISE_POST),
        visible_characters(EXERCISE_POST),
        utf8_bytes(EXERCISE_POST),
        _bengali_doubled(),
    ]
    return [c for c in dict.fromkeys(candidates) if c != x_length()]


QUESTIONS = [
    Question(
        lesson=LESSON,
        id="q1",
        prompt=N_("How long is EXERCISE_POST as X counts it (its weighted length)?"),
        judge=number(
            x_length,
            rel_tol=0.0,
            abs_tol=1e-9,
            what=N_("a whole number"),
            mistakes=[
                (
                    lambda v: v == len(EXERCISE_POST),
                    N_("That is Python's len(): X counts a link as 23 however long it is."),
                ),
                (
                    lambda v: v == _bengali_doubled(),
                    N_(
                        "Bengali letters count 1 each on X, not 2 (only Chinese, Japanese and "
                        "Korean count 2)."
                    ),
                ),
                (
                    _is_visible_count,
                    N_(
                        "That is the characters a reader sees; X counts code points, and links "
                        "and emoji have their own weights."
                    ),
                ),
                (
                    _is_byte_count,
                    N_("That is the UTF-8 bytes, YouTube's unit for descriptions, not X's."),
                ),
            ],
            hint=N_("Let the package count it the way X does (check_post or x_weighted_length)."),
        ),
        reference=lambda: [x_length(), float(x_length())],
        wrong=_q1_wrong,
    ),
    Question(
        lesson=LESSON,
        id="q2",
        prompt=(
            N_(
                "LONG_CAPTION is a story for Alo Reading Circle. On which of facebook, "
                "instagram, linkedin, tiktok is it too long?"
            )
        ),
        judge=choice(
            broken_by_caption,
            options=CAPTION_PLATFORMS,
            hint=(
                N_(
                    "Counting what you see is not enough: Bengali vowel signs and conjuncts are "
                    "several code points each. Run check_post on each platform."
                )
            ),
        ),
        reference=lambda: list(broken_by_caption()),
        wrong=lambda: [p for p in CAPTION_PLATFORMS if p not in broken_by_caption()],
    ),
    Question(
        lesson=LESSON,
        id="q3",
        prompt=(
            N_(
                "TOO_LONG_POST is too long for X. Shorten it so X accepts it, keeping "
                "আলো পাঠচক্র, the link and #পহেলা_বৈশাখ."
            )
        ),
        judge=_judge_fix,
        reference=[
            "শুভ নববর্ষ! 🎉 পহেলা বৈশাখে আলো পাঠচক্রের বইমেলায় আসুন: শিশুদের জন্য গল্প, "
            "ছবি আঁকা আর বিনামূল্যে বই। https://example.org/alo/boishakh-book-fair #পহেলা_বৈশাখ",
            TOO_LONG_POST.replace(" #আলো_পাঠচক্র #বইমেলা", "").replace(
                " বাবা-মায়েরাও আসুন, স্বেচ্ছাসেবক হতে চাইলে আমাদের সাথে যোগাযোগ করুন।", ""
            ),
        ],
        wrong=[
            TOO_LONG_POST,
            "শুভ নববর্ষ! পহেলা বৈশাখে আলো পাঠচক্রের বইমেলায় আসুন। #পহেলা_বৈশাখ",
            "বইমেলায় আসুন! https://example.org/alo/boishakh-book-fair #পহেলা_বৈশাখ",
            "",
            280,
        ],
    ),
    Question(
        lesson=LESSON,
        id="q4",
        prompt=(
            N_(
                "In the course data, which format has the highest engagement rate by reach "
                "(er_reach) on Instagram?"
            )
        ),
        judge=choice(
            best_instagram_format,
            options=FORMATS,
            hint=(
                N_(
                    "Summarise the Instagram posts by format and sort by er_reach, not by the "
                    "number of posts or another rate."
                )
            ),
        ),
        reference=lambda: [best_instagram_format()],
        wrong=_q4_wrong,
    ),
    Question(
        lesson=LESSON,
        id="q5",
        prompt=(
            N_(
                "How many hashtags does HASHTAG_CAPTION have, counted the way the platforms "
                "count them?"
            )
        ),
        judge=number(
            hashtag_count,
            rel_tol=0.0,
            abs_tol=1e-9,
            what=N_("a whole number"),
            mistakes=[
                (
                    lambda v: v == HASHTAG_CAPTION.count("#"),
                    N_(
                        "That counts every '#'. Is every word after a '#' really a hashtag? "
                        "Look at what a hashtag must contain."
                    ),
                ),
            ],
            hint=N_("Let extract_hashtags find them, then count the list."),
        ),
        reference=lambda: [hashtag_count()],
        wrong=lambda: [HASHTAG_CAPTION.count("#"), hashtag_count() - 1],
    ),
]
