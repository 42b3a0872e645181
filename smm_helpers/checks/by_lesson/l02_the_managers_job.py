"""Self-checks for lesson 02 · The social media manager's job (source article 004).

The quote is computed with :func:`smm_helpers.budget.freelance_quote`, never typed in.

>>> from smm_helpers.checks import check
>>> bool(check("02-the-managers-job", "q1", exercise_quote().expected))
True
>>> bool(check("02-the-managers-job", "q3", DUTIES))
True
"""

from __future__ import annotations

from collections.abc import Callable

from smm_helpers.budget import EXAMPLE_FX_RATE, Quote, convert, freelance_quote
from smm_helpers.checks.core import Question
from smm_helpers.checks.judges import choice, number, same_items
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _

LESSON = "02-the-managers-job"

DUTIES = (
    N_("choosing platforms"),
    N_("planning"),
    N_("budgeting"),
    N_("content"),
    N_("scheduling"),
    N_("communication"),
    N_("data analysis and reporting"),
)
"""The seven duties of a social media manager, in the order source article 004 gives them."""

AVOID = (N_("false information"), N_("fake traffic"), N_("black-hat SEO"))
"""What source article 004 says a social media manager must never do."""

HONEST_PRACTICES = (
    N_("boosting a post"),
    N_("scheduling posts in advance"),
    N_("using hashtags"),
    N_("replying to complaints"),
)
"""Ordinary, honest practices mixed in with :data:`AVOID` in the exercise."""

EXERCISE_HOURS_PER_WEEK = 12
EXERCISE_RATE_USD = 25.0
"""The exercise: a client abroad asks for 12 hours a week at US$25 an hour (the article's
US$15–40 is a rate for clients abroad; sources.md#freelance-rates)."""


def exercise_quote() -> Quote:
    """The exercise's quote for one month (``freelance_quote``'s default four weeks), in US$.

    >>> exercise_quote().hours
    48.0
    """
    return freelance_quote(EXERCISE_HOURS_PER_WEEK, hourly_rate=EXERCISE_RATE_USD, level="mid")


def _calendar_month() -> float:
    return freelance_quote(
        EXERCISE_HOURS_PER_WEEK, hourly_rate=EXERCISE_RATE_USD, level="mid", weeks=52 / 12
    ).expected


def _weekly() -> float:
    return freelance_quote(
        EXERCISE_HOURS_PER_WEEK, hourly_rate=EXERCISE_RATE_USD, level="mid", weeks=1
    ).expected


def _in_taka() -> float:
    return convert(exercise_quote().expected, "USD", "BDT", fx_rate=EXAMPLE_FX_RATE)


def _is(value: Callable[[], float]) -> Callable[[float], bool]:
    return lambda x: abs(x - value()) <= 1e-6 * abs(value())


QUESTIONS = [
    Question(
        lesson=LESSON,
        id="q1",
        prompt=N_(
            "A client abroad, a craft shop in Toronto, asks for 12 hours a week at US$25 "
            "an hour. Using freelance_quote with its default month of four weeks, what is "
            "the expected monthly total in US dollars? Give the number (e.g. "
            "quote.expected)."
        ),
        judge=number(
            lambda: exercise_quote().expected,
            rel_tol=0.001,
            unit="USD",
            what=N_("a number of dollars (e.g. quote.expected, not the whole quote)"),
            mistakes=[
                (_is(_weekly), N_("That is one week: a month here is four weeks.")),
                (
                    _is(_calendar_month),
                    N_(
                        "That uses a calendar month of about 4.33 weeks; the "
                        "question asks for freelance_quote's default."
                    ),
                ),
                (_is(_in_taka), N_("That is in taka; the question asks for US dollars.")),
            ],
            hint=N_(
                "Hours a week × weeks × hourly rate; freelance_quote(..., hourly_rate=...) "
                "does it for you."
            ),
        ),
        reference=lambda: [exercise_quote().expected, int(exercise_quote().expected)],
        wrong=lambda: [
            _weekly(),
            _calendar_month(),
            _in_taka(),
            EXERCISE_HOURS_PER_WEEK * EXERCISE_RATE_USD * 30,
        ],
    ),
    Question(
        lesson=LESSON,
        id="q2",
        prompt=N_(
            "Every month you send Alo Reading Circle a short summary of reach, engagement "
            "and messages answered, with what to try next. Which duty is that?"
        ),
        judge=choice(
            "data analysis and reporting",  # i18n: not shown
            options=DUTIES,
            hints={
                "communication": N_(
                    "Communication is talking with the audience: buyers, "
                    "supporters, people who complain. Who reads this summary?"
                ),
                "planning": N_("Planning sets what to do; this looks back at what happened."),
                "content": N_(
                    "Content is what the audience sees; this summary goes to the client."
                ),
            },
            hint=N_("Which duty measures results and tells the client about them?"),
        ),
        reference=["data analysis and reporting", "Data analysis and reporting"],  # i18n: not shown
        wrong=["communication", "planning", "content", "scheduling"],
    ),
    Question(
        lesson=LESSON,
        id="q3",
        prompt=N_(
            "List the seven duties in the order source article 004 gives them, using the "
            "names in the lesson's table."
        ),
        judge=same_items(
            DUTIES,
            ordered=True,
            what=N_("a list of the seven duties"),
            hint=N_(
                "The article starts where a new client starts: where to be "
                "at all, then what to aim for and what to spend."
            ),
        ),
        reference=[list(DUTIES), [d.upper() for d in DUTIES]],
        wrong=[
            sorted(DUTIES),
            list(reversed(DUTIES)),
            list(DUTIES[:6]),
            [DUTIES[1], DUTIES[0], *DUTIES[2:]],
        ],
    ),
    Question(
        lesson=LESSON,
        id="q4",
        prompt=N_(
            "From this list, keep only what source article 004 says a manager must "
            "avoid: {practices}."
        ),
        facts=lambda: {"practices": ", ".join(_(p) for p in sorted((*AVOID, *HONEST_PRACTICES)))},
        judge=same_items(
            AVOID,
            what=N_("a list of practices"),
            hint=N_(
                "Keep the practices that deceive people or search engines; "
                "paying to promote a post openly is allowed."
            ),
        ),
        reference=[list(AVOID), list(reversed(AVOID))],
        wrong=[
            [*AVOID, "boosting a post"],
            list(AVOID[:2]),
            list(HONEST_PRACTICES[:3]),
            ["false information", "fake traffic", "using hashtags"],
        ],  # i18n: not shown
    ),
]
