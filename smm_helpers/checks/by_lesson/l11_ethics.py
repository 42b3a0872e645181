"""Self-checks for lesson 11, "Ethics".

The right answers are worked out with ``smm_helpers.ethics`` and ``smm_helpers.metrics``
on the given texts and the course data, when a learner first checks an answer.

>>> [q.id for q in QUESTIONS]
['q1', 'q2', 'q3', 'q4', 'q5']
>>> as_day("2025-09-13 00:00:00")
Timestamp('2025-09-13 00:00:00')
"""

from __future__ import annotations

import math
from functools import cache
from typing import Any

from smm_helpers import ethics
from smm_helpers.checks.core import Feedback, Question
from smm_helpers.checks.judges import NAME_ALIASES, choice, number, satisfies
from smm_helpers.checks.reading import plain, read_date
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import format_number

LESSON = "11-ethics"

# q1 and q2: an influencer's caption about a kantha Nakshi Ghor gave her for free.
SPONSORED_CAPTION = (  # data: an influencer's caption, quoted as written
    "Eid is coming and my new nakshi kantha from @nakshighor is here! So soft, "  # i18n: not shown
    "so "
    "colourful, and every stitch is made by hand in Jamalpur. Love it "
    "#eid #kantha #handmade #dhaka #ad #style"
)
DISCLOSURE_OPTIONS = (N_("properly disclosed"), N_("not properly disclosed"))
BRAND = ("nakshi ghor", "nakshighor", "নকশী ঘর")  # i18n: not shown (names compared)

# q3: fake traffic injected into the course data with a fixed seed.
SPIKE_SEED = 23

# q4: a draft post by Alo Reading Circle, each sentence with a short name to answer with.
DRAFT_SENTENCES = {
    "children": "Last month 120 children joined our reading circles in Mirpur.",  # i18n: not shown
    "fans": "An organic Facebook post reached about 4% of its fans in 2019 "  # i18n: not shown
    "(M+R Benchmarks, 2020).",
    "friday": "Join us this Friday at 4 pm at Mirpur-10.",  # i18n: not shown
    "parents": "Research shows that 9 in 10 parents want more books at home.",  # i18n: not shown
}
DRAFT_POST = " ".join(DRAFT_SENTENCES.values())

# q5: Nakshi Ghor's Instagram posts in November 2025, before and after buying followers.
BOUGHT = 5_000
Q5_CLIENT, Q5_PLATFORM, Q5_MONTH = "business", "instagram", 11


def disclosure_correct() -> str:
    """Whether the caption passes ``ethics.check_disclosure``, as one of the options.

    >>> disclosure_correct() in DISCLOSURE_OPTIONS
    True
    """
    ok = ethics.check_disclosure(SPONSORED_CAPTION).ok
    return DISCLOSURE_OPTIONS[0] if ok else DISCLOSURE_OPTIONS[1]


def fixed_caption_ok(answer: Any) -> bool:
    """A fixed caption: still names Nakshi Ghor and passes ``ethics.check_disclosure``.

    >>> fixed_caption_ok("#ad My new kantha from Nakshi Ghor!")
    True
    >>> fixed_caption_ok("My new kantha from Nakshi Ghor! #spon"), fixed_caption_ok(3)
    (False, False)
    >>> fixed_caption_ok("বিজ্ঞাপন: নকশি ঘরের কাঁথা")  # another spelling of the name
    True
    """
    if not isinstance(answer, str) or not answer.strip():
        return False
    names = {*BRAND, *(alias for alias, name in NAME_ALIASES.items() if name == BRAND[0])}
    names_brand = any(plain(name) in plain(answer) for name in names)
    return names_brand and ethics.check_disclosure(answer).ok


@cache
def _injected() -> Any:
    from smm_helpers import datasets, ethics  # heavy: loads numpy, pandas on first use

    data = datasets.load_course_data()
    return ethics.inject_fake_engagement(data.posts, data.followers, seed=SPIKE_SEED, n_events=1)


def spike_day() -> Any:
    """The day the bought followers arrived (from the injection's own labels).

    >>> spike_day().year
    2025
    """
    labels = _injected()[2]
    return labels.loc[labels["kind"] == "bought_followers", "date"].iloc[0]


def as_day(answer: Any) -> Any:
    """An answer as a day (midnight Timestamp), or None when it cannot be read as one.

    >>> import datetime
    >>> as_day(datetime.date(2025, 9, 13)) == as_day("13 September 2025")
    True
    >>> as_day("yesterday") is None, as_day(20250913) is None
    (True, True)
    >>> as_day("১৩ সেপ্টেম্বর ২০২৫") == as_day("২০২৫-০৯-১৩") == as_day("13/09/2025")
    True
    """
    import pandas as pd  # heavy: loaded on first use

    if hasattr(answer, "iloc") and len(answer) == 1:  # a one-row Series or table
        answer = answer.iloc[0]
        if hasattr(answer, "iloc"):
            answer = answer.iloc[0]
    if not isinstance(answer, str) and not hasattr(answer, "year"):
        return None
    read = read_date(answer) if isinstance(answer, str) else None
    if read is not None:
        return pd.Timestamp(read)
    try:
        day = pd.Timestamp(answer)
    except (ValueError, TypeError):
        return None
    if pd.isna(day):
        return None
    return day.tz_localize(None).normalize() if day.tzinfo else day.normalize()


def judge_spike_day(answer: Any) -> Feedback:
    """Right day, off by a day (a classic slip with ``diff``), or another day.

    >>> judge_spike_day(spike_day()).correct
    True
    >>> judge_spike_day("not a date").message
    "I expected a date, e.g. '2025-01-31', but got 'not a date'."
    """
    import pandas as pd  # heavy: loaded on first use

    day = as_day(answer)
    if day is None:
        return Feedback(
            False,
            _("I expected a date, e.g. '2025-01-31', but got {answer}.").format(
                answer=repr(answer)
            ),
            _("Give the day as text like '2025-01-31' or as a Timestamp."),
        )
    target = as_day(spike_day())
    if day == target:
        return Feedback(
            True,
            _(
                "That's right: a jump like that with no extra engagement is a "
                "sign of bought followers."
            ),
        )
    if abs(day - target) == pd.Timedelta(days=1):
        return Feedback(
            False,
            _("One day off."),
            _(
                "A day's gain is that day's followers minus "
                "the day before's: which of the two days did the jump happen on?"
            ),
        )
    return Feedback(
        False,
        _("That's not the day I find."),
        _(
            "Run ethics.detect_fake_engagement on the injected tables and look at "
            "the follower_spikes table of the client's accounts."
        ),
    )


def claim_correct() -> list[str]:
    """The names of the draft's sentences that ``ethics.unsourced_claims`` flags.

    >>> claim_correct()
    ['parents']
    """
    flagged = {claim.sentence for claim in ethics.unsourced_claims(DRAFT_POST)}
    return [letter for letter, sentence in DRAFT_SENTENCES.items() if sentence in flagged]


def _q5_posts() -> Any:
    from smm_helpers import datasets  # heavy: loads numpy, pandas on first use

    posts = datasets.load_course_data().posts
    return posts[
        (posts["client"] == Q5_CLIENT)
        & (posts["platform"] == Q5_PLATFORM)
        & (posts["published_at"].dt.month == Q5_MONTH)
    ]


@cache
def q5_rates() -> dict[str, float]:
    """Median engagement rate by followers: before, after (and the mean after, a slip).

    >>> rates = q5_rates()
    >>> rates["after"] < rates["before"]
    True
    """
    from smm_helpers import metrics  # heavy: loads numpy, pandas on first use

    posts = _q5_posts()
    bought = posts.assign(followers=posts["followers"] + BOUGHT)
    after = metrics.engagement_rate(bought, by="followers")
    return {
        "before": float(metrics.engagement_rate(posts, by="followers").median()),
        "after": float(after.median()),
        "mean_after": float(after.mean()),
    }


def _close_to(key: str) -> Any:
    return lambda value: math.isclose(value, q5_rates()[key], rel_tol=0.01)


QUESTIONS = [
    Question(
        lesson=LESSON,
        id="q1",
        prompt=N_(
            "Nakshi Ghor gave an influencer a free kantha, and she posted: "
            "“{caption}”. Is the relationship properly disclosed?"
        ),
        facts=lambda: {"caption": SPONSORED_CAPTION},
        judge=choice(
            disclosure_correct,
            options=DISCLOSURE_OPTIONS,
            hint=N_(
                "Where does the label sit: would someone see it without tapping 'more', "
                "and does it stand out from the other hashtags?"
            ),
        ),
        reference=lambda: [disclosure_correct()],
        wrong=lambda: [o for o in DISCLOSURE_OPTIONS if o != disclosure_correct()],
    ),
    Question(
        lesson=LESSON,
        id="q2",
        prompt=(
            N_(
                "Rewrite the influencer's caption so that it discloses the relationship "
                "clearly and still names Nakshi Ghor (English or Bengali)."
            )
        ),
        judge=satisfies(
            fixed_caption_ok,
            success=N_("That caption discloses the relationship where people will see it."),
            failure=N_(
                "This caption doesn't pass ethics.check_disclosure yet, or no longer "
                "names Nakshi Ghor."
            ),
            hint=N_(
                "Run ethics.check_disclosure on your caption and read its problems: a "
                "clear label at the start, not hidden among other hashtags, or plain words "
                "saying what Nakshi Ghor gave you ('Nakshi Ghor gave me this kantha for "
                "free')."
            ),
        ),
        reference=[
            "#ad My new nakshi kantha from @nakshighor is here! So soft. #eid "  # i18n: not shown
            "#kantha",
            "Paid partnership with Nakshi Ghor: Eid is coming and my new kantha "  # i18n: not shown
            "is here!",
            "বিজ্ঞাপন: নকশী ঘর থেকে পাওয়া আমার নতুন নকশী কাঁথা! #ঈদ",
            "নকশী ঘর এই কাঁথাটি উপহার দিয়েছে। ঈদের জন্য দারুণ!",
        ],
        wrong=[
            SPONSORED_CAPTION,
            "My new kantha from Nakshi Ghor is here! #spon #eid",  # i18n: not shown
            "collab with @nakshighor: my new kantha is here!",  # i18n: not shown
            "#ad My new kantha is here! So soft.",  # i18n: not shown
            "",
        ],
    ),
    Question(
        lesson=LESSON,
        id="q3",
        prompt=N_(
            "Inject fake traffic with {code}. One account got a pack of bought "
            "followers. On which day?"
        ),
        facts=lambda: {
            "code": "ethics.inject_fake_engagement(posts, followers, "
            f"seed={SPIKE_SEED}, n_events=1)"
        },
        judge=judge_spike_day,
        reference=lambda: [spike_day(), spike_day().strftime("%Y-%m-%d"), spike_day().date()],
        wrong=lambda: [
            spike_day() - __import__("pandas").Timedelta(days=1),
            (spike_day() + __import__("pandas").Timedelta(days=1)).strftime("%Y-%m-%d"),
            "2025-12-31",
            "not a date",
        ],
    ),
    Question(
        lesson=LESSON,
        id="q4",
        prompt=N_(
            "Alo Reading Circle's draft post: {draft} Which sentence makes a claim that "
            "needs a source before posting? Answer with its name in brackets."
        ),
        facts=lambda: {"draft": " ".join(f"({k}) {v}" for k, v in DRAFT_SENTENCES.items())},
        judge=choice(
            claim_correct,
            options=list(DRAFT_SENTENCES),
            outside_hint=N_("Answer with a name in brackets from the draft."),
            hints={
                "children": N_(
                    "That is the charity's own count of its own work, which it can "
                    "check in its own records."
                ),
                "fans": N_(
                    "Look at the end of that sentence: does it say where the figure is from?"
                ),
                "friday": N_("That is an invitation, not a claim about the world."),
            },
        ),
        reference=claim_correct,
        wrong=lambda: [k for k in DRAFT_SENTENCES if k not in claim_correct()],
    ),
    Question(
        lesson=LESSON,
        id="q5",
        prompt=N_(
            "Nakshi Ghor's Instagram posts in November 2025: what would their median "
            "engagement rate by followers be if the shop had bought {bought} "
            "followers (bots that never engage) before the month began? Give a "
            "fraction."
        ),
        facts=lambda: {"bought": format_number(BOUGHT)},
        judge=number(
            lambda: q5_rates()["after"],
            what=N_("a fraction between 0 and 1"),
            mistakes=[
                (
                    _close_to("before"),
                    N_(
                        "That is the rate before the followers were bought. "
                        "Add the bought followers to every post's followers."
                    ),
                ),
                (
                    _close_to("mean_after"),
                    N_(
                        "That looks like the mean. Rival IQ reports the "
                        "median of the per-post rates."
                    ),
                ),
            ],
            hint=N_(
                "Add the bought followers to the followers column, then take the median of "
                "metrics.engagement_rate(..., by='followers')."
            ),
        ),
        reference=lambda: [q5_rates()["after"]],
        wrong=lambda: [q5_rates()["before"], q5_rates()["mean_after"], q5_rates()["after"] * 100],
    ),
]
