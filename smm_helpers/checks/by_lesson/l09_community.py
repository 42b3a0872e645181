"""Self-checks for lesson 09 · Community management (``lessons/09-community.ipynb``).

Data-based answers are computed from the course inbox with the package, never typed in:

>>> 0 < nonprofit_response_rate() < 1
True
>>> nonprofit_median_hours() > 0
True
>>> first_to_escalate() in PRACTICE_IDS
True
"""

from __future__ import annotations

from functools import cache
from typing import Any

import regex

from smm_helpers.checks.core import Feedback, Question
from smm_helpers.checks.judges import (
    choice,
    fold_text,
    in_bengali_digits,
    number,
    satisfies,
    text_elements,
)
from smm_helpers.community import escalation_queue
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.schema import MESSAGE_CATEGORIES

LESSON = "09-community"
CLIENT = "nonprofit"

# --------------------------------------------------------------------------- q1, q2: service


@cache
def _inbox(client: str | None = CLIENT) -> Any:
    from smm_helpers.datasets import load_inbox  # heavy: loads numpy, pandas on first use

    return load_inbox(client=client)


@cache
def nonprofit_response_rate() -> float:
    """Share of all Alo Reading Circle messages (spam included) that got an answer.

    >>> round(nonprofit_response_rate(), 3) == round(
    ...     float(_inbox()["responded_at"].notna().mean()), 3)
    True
    """
    from smm_helpers.metrics import response_rate  # heavy: loads numpy, pandas on first use

    return response_rate(_inbox())


def _rate(frame: Any) -> float:
    from smm_helpers.metrics import response_rate  # heavy: loads numpy, pandas on first use

    return response_rate(frame)


def _rate_without_spam() -> float:
    inbox = _inbox()
    return _rate(inbox[inbox["category"] != "spam"])


def _near(x: float, rate: float) -> bool:
    return abs(x - rate) < 5e-4


judge_response_rate = number(
    nonprofit_response_rate,
    rel_tol=0.002,
    places=3,
    what=N_("a fraction between 0 and 1"),
    mistakes=[
        (
            lambda x: _near(x, _rate(_inbox(None))),
            N_("That is both clients together: keep only the nonprofit's messages."),
        ),
        (
            lambda x: _near(x, _rate(_inbox("business"))),
            N_("That is the other client: which one is the literacy charity?"),
        ),
        (
            lambda x: _near(x, 1 - nonprofit_response_rate()),
            N_("That is the share left unanswered: the question asks for the answered share."),
        ),
        (
            lambda x: _near(x, _rate_without_spam()),
            N_("The question counts every message, spam included."),
        ),
    ],
    hint=N_("Filter the inbox to the nonprofit, then use metrics.response_rate."),
)


def _q1_wrong() -> list[Any]:
    right = nonprofit_response_rate()
    return [
        right * 100,
        _rate(_inbox(None)),
        _rate(_inbox("business")),
        1 - right,
        _rate_without_spam(),
        "about two thirds",
    ]  # i18n: not shown


def _q1_reference() -> list[Any]:
    right = nonprofit_response_rate()
    return [right, round(right, 3), str(round(right, 3)), in_bengali_digits(round(right, 3))]


@cache
def nonprofit_median_hours() -> float:
    """Median hours Alo Reading Circle took to answer a message (answered messages only).

    >>> nonprofit_median_hours() == float(_hours().median())
    True
    """
    from smm_helpers.metrics import response_summary  # heavy: loads numpy, pandas on first use

    return float(response_summary(_inbox(), by=None)["median_hours"].iloc[0])


def _hours(client: str | None = CLIENT) -> Any:
    from smm_helpers.metrics import response_times  # heavy: loads numpy, pandas on first use

    return response_times(_inbox(client))


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 0.01 * abs(b)


judge_median_hours = number(
    nonprofit_median_hours,
    rel_tol=0.01,
    places=1,
    unit="hours",
    what=N_("a number of hours"),
    mistakes=[
        (
            lambda x: _close(x, float(_hours().mean())),
            N_(
                "That is the mean: one message answered a week late pulls it up. Which statistic "
                "resists that?"
            ),
        ),
        (
            lambda x: _close(x, nonprofit_median_hours() * 60),
            N_("That looks like minutes: give the answer in hours."),
        ),
        (
            lambda x: _close(x, nonprofit_median_hours() / 24),
            N_("That looks like days: give the answer in hours."),
        ),
        (
            lambda x: _close(x, float(_hours(None).median())),
            N_("That is both clients together: keep only the nonprofit's messages."),
        ),
    ],
    hint=N_(
        "Use metrics.response_times (or response_summary) on the nonprofit's inbox; "
        "unanswered messages have no response time."
    ),
)


def _q2_wrong() -> list[Any]:
    right = nonprofit_median_hours()
    return [
        float(_hours().mean()),
        right * 60,
        right / 24,
        float(_hours(None).median()),
        float(_hours("business").median()),
    ]


# --------------------------------------------------------------------------- q3: category

SARCASTIC_MESSAGE = (  # data: a supporter's message, quoted as written
    "Great, another reading circle cancelled without notice. Thanks a lot."
)  # i18n: not shown
SARCASTIC_LABEL = "complaint"
"""The true label, set by a person: the writer is unhappy (the classifier may disagree)."""

judge_category = choice(
    SARCASTIC_LABEL,
    options=MESSAGE_CATEGORIES,
    hints={
        "praise": N_(
            "Polite words can wrap an unhappy message. What happened to the writer, "
            "and how do they feel about it?"
        ),
        "question": N_("Is the writer asking for information?"),
        "other": N_("Does the writer want something from the charity?"),
        "spam": N_("Spam sells something or lures people to a link. Does this message?"),
    },
)

# --------------------------------------------------------------------------- q4: a reply

ANGRY_MESSAGE = (  # data: a supporter's message, quoted as written
    "Three weeks ago I donated 2,000 taka for children's books and I still have "  # i18n: not shown
    "no receipt. "
    "Nobody answers my messages. Is this a scam?!"
)

_BLAME = regex.compile(
    r"your (?:own )?fault|you should(?:'ve| have)|you (?:didn't|did "  # i18n: not shown
    r"not|failed|forgot|must have)"
    r"|not our (?:fault|problem)|calm down|as (?:we|i) (?:already |clearly )?(?:said|told)"
    r"|obviously|you people|stop complaining|(?:it|that) is (?:not true|false)"
    r"|আপনার দোষ|আপনারই ভুল|আমাদের দোষ নেই",
    regex.IGNORECASE | regex.V1,
)
NO_BLAME = N_("no blaming or arguing with the supporter")

_reply_elements = text_elements(
    {
        N_("an apology"): [r"sorry", r"apolog", r"regret", r"দুঃখিত", r"ক্ষমা"],
        N_("a move to a private channel (inbox, DM, phone or email)"): [
            r"private",
            r"\bdm\b",
            r"direct "  # i18n: not shown
            r"message",
            r"inbox",
            r"message "  # i18n: not shown
            r"us",
            r"\bpm\b",
            r"e-?mail",
            r"phone",
            r"\bcall\b",
            r"whatsapp",
            r"ইনবক্স",
            r"মেসেজ",
            r"ফোন",
            r"ইমেইল",
            r"কল",
        ],
        N_("a concrete next step with a time"): [
            r"\d+\s*(?:hours?|hrs?|minutes?|mins?|days?)",
            r"\btoday\b",
            r"\btonight\b",
            r"tomorrow",
            r"\bwithin\b",
            r"by (?:mon|tue|wed|thu|fri|sat|sun)",
            r"this (?:afternoon|"
            r"evening|morning)",
            r"end of the "  # i18n: not shown
            r"day",
            r"[০-৯\d]+\s*(?:ঘণ্টা|মিনিট|দিন)",
            r"আজ",
            r"কাল",
        ],
    },
    min_words=10,
    what=N_("your reply"),
)

_no_blame = satisfies(
    lambda text: not _BLAME.search(text),
    failure=N_("Your reply argues with the supporter or puts the blame on them."),
    hint=N_(
        "Own the problem and leave out who was wrong; a public argument is read by every "
        "other follower."
    ),
)


# A public reply must not ask for personal details where everyone can read them.
_ASKS_FOR_DETAILS = [
    r"\byour\s+(?:(?:full|personal|home|own|cell|contact|phone|mobile|whatsapp|bkash)\s+)"
    r"{0,2}(?:number|no\b)",
    r"\byour\s+(?:(?:full|home|postal|street|house|delivery|mailing|residential)\s+){0,2}"
    r"address",
    r"\b(?:home|postal|street|house|mailing|residential)\s+address",
    r"\b(?:send|share|post|give|leave|write|drop|tell|provide|comment|type|put|include)\b"
    r"[^.?!।]{0,40}\b(?:phone|mobile|cell|contact|whatsapp)\s*(?:number|no\b)",
    r"আপনার\s+(?:\S+\s+){0,2}(?:নম্বর|নাম্বার|নং|ঠিকানা)",
    r"(?:ফোন|মোবাইল|মুঠোফোন|হোয়াটসঅ্যাপ)\s*(?:নম্বর|নাম্বার|নং)[^।?!.]{0,40}"
    r"(?:দিন|দেবেন|লিখুন|জানান|পাঠান|কমেন্ট|শেয়ার)",
    r"ঠিকানা[^।?!.]{0,40}(?:দিন|দেবেন|লিখুন|জানান|পাঠান|কমেন্ট|শেয়ার)",
]
_PRIVATE = [
    r"private",
    r"\bdm\b",
    r"direct "  # i18n: not shown
    r"message",
    r"\binbox",
    r"message us",
    r"messenger",  # i18n: not shown
    r"send us a "  # i18n: not shown
    r"message",
    r"\bpm\b",
    r"e-?mail us",
    r"ইনবক্স",
    r"মেসেজ",
    r"ম্যাসেজ",  # i18n: not shown
    r"ব্যক্তিগত",
    r"প্রাইভেট",
    r"মেসেঞ্জার",
]  # i18n: not shown
_PUBLIC = [
    r"\b(?:post|write|share|leave|put|drop|type|give|send|reply|comment)"  # i18n: not shown
    r"\b[^.?!।;]{0,40}(?:\bhere\b|\bbelow\b|\bunder this\b)",
    r"\bpost (?:it|them|your|this|that)\b",
    r"\breply (?:here|below|with)\b",
    r"\bcomment (?:with|below|here)\b",
    r"\bin the comments?\b",
    r"\bpublicly\b",  # i18n: not shown
    r"\bin public\b",
    r"\bon this (?:post|page|thread)\b",  # i18n: not shown
    r"কমেন্ট",
    r"মন্তব্য",
    r"এখানে",
    r"নিচে",
    r"পোস্টে",
]  # i18n: not shown
_NOT_PUBLIC = [
    r"(?:not|n't|never|instead of|rather than|avoid)\W+(?:\w+\W+){0,3}$",  # i18n: not shown
]
"""Words just before a public cue that turn it round ("please don't post it here")."""


def _any(patterns: list[str]) -> Any:
    return regex.compile(
        "|".join(f"(?:{fold_text(p)})" for p in patterns), regex.IGNORECASE | regex.V1
    )


_DETAILS_RE, _PRIVATE_RE, _PUBLIC_RE = _any(_ASKS_FOR_DETAILS), _any(_PRIVATE), _any(_PUBLIC)
_NOT_PUBLIC_RE = _any(_NOT_PUBLIC)
NO_PUBLIC_DETAILS = N_("no phone number or address asked for in public")


def _said_in_public(sentence: str) -> bool:
    for cue in _PUBLIC_RE.finditer(sentence):
        before, after = sentence[: cue.start()], sentence[cue.end() :]
        if not _NOT_PUBLIC_RE.search(before) and not regex.match(r"\S*\s*(?:না|নয়)", after):
            return True
    return False


def asks_for_details_in_public(reply: str) -> bool:
    """Whether a reply asks for a phone number or an address where everyone can read it.

    A request is private when its sentence (or the one before) moves to a private channel
    and nothing in it says "here" or "in the comments".

    >>> asks_for_details_in_public("Please post your phone number and home address below.")
    True
    >>> asks_for_details_in_public("Please send us a DM with your phone number.")
    False
    >>> asks_for_details_in_public("অনুগ্রহ করে আপনার ফোন নম্বর ও ঠিকানা কমেন্টে লিখুন।")
    True
    >>> asks_for_details_in_public("দয়া করে ইনবক্সে আপনার ফোন নম্বর দিন।")
    False
    """
    sentences = [s for s in regex.split(r"(?<=[.!?।;\n])\s*", fold_text(reply)) if s.strip()]
    for i, sentence in enumerate(sentences):
        if not _DETAILS_RE.search(sentence):
            continue
        private = _PRIVATE_RE.search(sentence) or (i > 0 and _PRIVATE_RE.search(sentences[i - 1]))
        if _said_in_public(sentence) or not private:
            return True
    return False


def judge_reply(answer: Any) -> Feedback:
    """All three elements of a good public reply, no blame or argument, no details in public.

    >>> judge_reply("Sorry! Please send us a DM and we will fix it within 24 hours.").correct
    True
    >>> judge_reply("Sorry, but you should have read the receipt page. DM us, we reply "
    ...             "today.").missing
    ('no blaming or arguing with the supporter',)
    >>> judge_reply("Sorry! Reply here with your phone number and home address, we will "
    ...             "send the receipt today.").missing
    ('no phone number or address asked for in public',)
    """
    found = _reply_elements(answer)
    if not isinstance(answer, str) or not answer.strip():
        return found
    if asks_for_details_in_public(answer):
        return Feedback(
            False,
            _(
                "Your reply asks for a phone number or an address in public, "
                "where every follower can read it."
            ),
            _(
                'Ask for contact details only in a private message: "please send us '
                'your number by DM / inbox" (ইনবক্সে), never in the comments.'
            ),
            (*found.missing, _(NO_PUBLIC_DETAILS)),
        )
    blame = _no_blame(answer)
    if blame.correct:
        return found
    return Feedback(False, blame.message, blame.hint, (*found.missing, _(NO_BLAME)))


_Q4_REFERENCE = [
    "We're so sorry you've been waiting for your receipt, and for our silence. "  # i18n: not shown
    "Could you send "
    "us a private message with your phone number? Our Director will check your "
    "donation and send the receipt within 24 hours.",
    "I apologise, that's not how we want to treat a supporter. Please email "  # i18n: not shown
    "donate@aloreading.example with the date of your gift and we will call you today with the "
    "receipt.",
    "আপনার অসুবিধার জন্য আমরা আন্তরিকভাবে দুঃখিত। দয়া করে ইনবক্সে আপনার ফোন নম্বর দিন, "
    "আমরা ২৪ ঘণ্টার মধ্যে রসিদ পাঠিয়ে দেব।",
]

_Q4_WRONG = [
    "This is not a scam. Receipts are on our website, you should have read the "  # i18n: not shown
    "FAQ.",
    "Sorry for the trouble! We will look into "  # i18n: not shown
    "it.",  # no private channel, no time
    "Sorry about that, but it's not our fault: the bank was slow. DM us and we "  # i18n: not shown
    "reply today.",
    "Please DM us your details and we will reply within 24 hours.",  # no apology  # i18n: not shown
    "We're so sorry! Please write your phone number and home address in the "  # i18n: not shown
    "comments and we "
    "will send the receipt within 24 hours.",  # personal details asked for in public
    "আমরা দুঃখিত। আপনার মোবাইল নম্বর আর বাসার ঠিকানা এখানে লিখুন, আমরা আজই রসিদ পাঠাব।",
    "",
    None,
]

# --------------------------------------------------------------------------- q5: escalation

PRACTICE_IDS = ("m1", "m2", "m3", "m4", "m5", "m6")
_PRACTICE_ROWS = (
    (
        "m1",
        "facebook",
        "complaint",
        "2026-11-20 09:00",
        "The Mirpur reading circle started an hour late and nobody told us.",
    ),  # i18n: not shown
    (
        "m2",
        "facebook",
        "question",
        "2026-11-20 11:00",
        "When is the next reading circle in Mirpur?",
    ),  # i18n: not shown
    (
        "m3",
        "instagram",
        "complaint",
        "2026-11-21 10:00",
        "I was charged twice for my donation, I want a refund.",
    ),  # i18n: not shown
    (
        "m4",
        "facebook",
        "complaint",
        "2026-11-22 08:30",
        "You posted a photo of my daughter without our consent. Please take it "  # i18n: not shown
        "down.",
    ),
    (
        "m5",
        "instagram",
        "praise",
        "2026-11-21 12:00",
        "Thank you, my son loves the Saturday sessions!",
    ),  # i18n: not shown
    ("m6", "facebook", "question", "2026-11-22 07:00", "বইমেলায় আপনাদের স্টল কোথায়? জরুরি, আজই যেতে চাই"),
)
PRACTICE_NOW = "2026-11-22 09:00"
"""The moment the practice inbox is looked at (Asia/Dhaka)."""


def practice_inbox() -> Any:
    """A small unanswered inbox for the escalation exercise (a new DataFrame each call).

    >>> practice_inbox()[["message_id", "category"]].head(2)
      message_id  category
    0         m1  complaint
    1         m2   question
    """
    import pandas as pd  # heavy: loaded on first use

    frame = pd.DataFrame(
        _PRACTICE_ROWS, columns=["message_id", "platform", "category", "received_at", "text"]
    )
    frame.insert(0, "client", CLIENT)
    frame["received_at"] = pd.to_datetime(frame["received_at"]).dt.tz_localize("Asia/Dhaka")
    frame["responded_at"] = pd.Series(pd.NaT, index=frame.index).dt.tz_localize("Asia/Dhaka")
    return frame


@cache
def first_to_escalate() -> str:
    """The message ``community.escalation_queue`` puts first in the practice inbox.

    >>> first_to_escalate() in PRACTICE_IDS
    True
    """
    return str(escalation_queue(practice_inbox(), now=PRACTICE_NOW)["message_id"].iloc[0])


judge_escalation = choice(
    first_to_escalate,
    options=PRACTICE_IDS,
    hints={
        "m1": N_("Oldest first is fair, but only among messages that are equally urgent."),
        "m2": N_("A date question can wait a few hours; is anything in the inbox more serious?"),
        "m3": N_("Money matters, but is there a message where a person could be harmed?"),
        "m5": N_("Thanks are lovely, but praise never needs escalating."),
        "m6": N_("The writer calls it urgent, but is it as serious as every other message?"),
    },
    hint=N_("Order by urgency first (what could harm someone?), then by age."),
)


def _q5_wrong() -> list[Any]:
    return [m for m in ("m1", "m3", "m5", "m6") if m != first_to_escalate()]


QUESTIONS: list[Question] = [
    Question(
        lesson=LESSON,
        id="q1",
        prompt=N_(
            "What share of Alo Reading Circle's messages (all of them, spam included) got "
            "an answer? Give a fraction between 0 and 1, to 3 decimal places."
        ),
        judge=judge_response_rate,
        reference=_q1_reference,
        wrong=_q1_wrong,
    ),
    Question(
        lesson=LESSON,
        id="q2",
        prompt=N_(
            "How many hours did Alo Reading Circle typically take to answer a message? "
            "Give the median over the answered messages, in hours, to 1 decimal place."
        ),
        judge=judge_median_hours,
        reference=lambda: [
            nonprofit_median_hours(),
            round(nonprofit_median_hours(), 1),
            in_bengali_digits(round(nonprofit_median_hours(), 1)),
        ],
        wrong=_q2_wrong,
    ),
    Question(
        lesson=LESSON,
        id="q3",
        prompt=N_(
            "Read this message as a person would: “{message}” Which category is it: {categories}?"
        ),
        facts=lambda: {"message": SARCASTIC_MESSAGE, "categories": ", ".join(MESSAGE_CATEGORIES)},
        judge=judge_category,
        reference=[SARCASTIC_LABEL, SARCASTIC_LABEL.upper()],
        wrong=[c for c in MESSAGE_CATEGORIES if c != SARCASTIC_LABEL],
    ),
    Question(
        lesson=LESSON,
        id="q4",
        prompt=N_(
            "A supporter writes in public: “{message}” Write the public reply (English or Bengali)."
        ),
        facts=lambda: {"message": ANGRY_MESSAGE},
        judge=judge_reply,
        reference=_Q4_REFERENCE,
        wrong=_Q4_WRONG,
    ),
    Question(
        lesson=LESSON,
        id="q5",
        prompt=N_(
            "In the practice inbox (practice_inbox()), which message should a person "
            "deal with first? Answer with its message_id: {ids}."
        ),
        facts=lambda: {"ids": ", ".join(PRACTICE_IDS)},
        judge=judge_escalation,
        reference=lambda: [first_to_escalate()],
        wrong=_q5_wrong,
    ),
]

__all__ = ["QUESTIONS", "practice_inbox"]
