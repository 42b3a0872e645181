"""Black-hat tricks in a caption: stuffing, engagement bait, shady links, fake urgency.

Source article 004 warns a social media manager off **black-hat SEO** and **false
information**; :func:`black_hat_signals` names each trick it sees, with its evidence, why it
matters and its source.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import regex

from smm_helpers.ethics._common import HASHTAG, META_BAIT, check_platform, check_text
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits

HASHTAG_CAPS = {"instagram": 5}
"""Hashtags allowed per post: Instagram 5 (Dec 2025, rolling out;
sources.md#instagram-hashtags-2025)."""

HASHTAG_RULE_OF_THUMB = 10
"""Course rule of thumb for platforms without a published cap."""


@dataclass(frozen=True)
class Signal:
    """One black-hat warning: what ``kind``, the ``evidence``, why it matters, the source.

    ``kind`` is an English id ("hashtag stuffing"), shown in the chosen language; the other
    fields are in the language chosen when ``black_hat_signals`` ran.
    """

    kind: str
    evidence: str
    reason: str
    source: str

    def __str__(self) -> str:
        return _("{kind}: {evidence} — {reason} [{source}]").format(
            kind=_(self.kind), evidence=self.evidence, reason=self.reason, source=self.source
        )

    def _repr_html_(self) -> str:
        return (
            "<p>"
            + _("{kind}: {evidence} — {reason} [{source}]").format(
                kind=f"<b>{html.escape(_(self.kind))}</b>",
                evidence=html.escape(self.evidence),
                reason=html.escape(self.reason),
                source=f"<small>{html.escape(self.source)}</small>",
            )
            + "</p>"
        )


_BAIT = regex.compile(
    r"\b(?:like if|share if|like this if|comment (?:yes|amen|below if)|"  # i18n: not shown
    r"type (?:amen|yes)|"
    r"tag (?:\d+|three|two|five|a) (?:friends?|people)|tag someone who|vote by reacting|"
    r"react with|share to win|like and share|share this (?:post )?(?:to|with) \d+)\b"
    r"|শেয়ার করুন যদি|শেয়ার করুন যদি|লাইক দিন|কমেন্টে লিখুন|আমিন লিখুন|বন্ধুকে ট্যাগ",
    regex.IGNORECASE,
)
_SHORT_LINK = regex.compile(
    r"\b(?:bit\.ly|tinyurl\.com|t\.ly|goo\.gl|ow\.ly|is\.gd|cutt\.ly|rb\.gy|shorturl\.at)/\S*",
    regex.IGNORECASE,
)
_FREE = regex.compile(
    r"\b(?:free|win|winner|prize|gift|giveaway)\b|ফ্রি|বিনামূল্যে|পুরস্কার", regex.IGNORECASE
)
_URGENCY = regex.compile(
    r"\b(?:only today|last chance|hurry|act now|"  # i18n: not shown (a regex)
    r"ends (?:tonight|today|soon)|expires (?:in|today)"
    r"|limited time|only \d+ left|don't miss out|before it'?s too late)\b"
    r"|সীমিত সময়|আজই শেষ|শেষ সুযোগ|তাড়াতাড়ি|দেরি করবেন না",
    regex.IGNORECASE,
)
_STOPWORDS = frozenset(
    {
        "the",
        "and",
        "for",
        "you",
        "your",
        "with",
        "this",
        "that",
        "are",
        "our",
        "from",
        "have",
        "has",
        "was",
        "were",
        "will",
        "can",
        "not",
        "but",
        "all",
        "its",
        "it's",
        "out",
        "get",
    }
)


def black_hat_signals(text: str, *, platform: str | None = None) -> list[Signal]:
    """Black-hat tricks in a caption: stuffing, engagement bait, shady links, fake urgency.

    Hashtag stuffing is judged against the platform's cap (Instagram 5,
    sources.md#instagram-hashtags-2025) or the
    course's rule of thumb (10), or when hashtags are more than half the words.  Keyword
    stuffing: one word used 4+ times and at least 15% of the words.

    >>> [s.kind for s in black_hat_signals("Tag 3 friends who need this! #a #b #c #d #e #f",
    ...                                    platform="instagram")]
    ['hashtag stuffing', 'engagement bait']
    >>> black_hat_signals("New menu this Friday: come and taste it.")
    []
    >>> black_hat_signals(None)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: text must be a string, not NoneType.
    How to fix it: pass the caption or post text itself.
    """
    text = check_text(text)
    check_platform(platform)
    signals: list[Signal] = []
    hashtags = HASHTAG.findall(text)
    words = regex.findall(r"[\p{L}\p{M}\p{N}_#']+", text)
    cap = HASHTAG_CAPS.get(platform or "", HASHTAG_RULE_OF_THUMB)
    cap_source = (
        _("Instagram cap of 5 hashtags (sources.md#instagram-hashtags-2025)")
        if platform in HASHTAG_CAPS
        else _("course rule of thumb: at most {count} hashtags").format(
            count=digits(HASHTAG_RULE_OF_THUMB)
        )
    )
    if len(hashtags) > cap or (len(hashtags) >= 5 and len(hashtags) > 0.5 * len(words)):
        signals.append(
            Signal(
                N_("hashtag stuffing"),
                _("{hashtags} hashtags in {words} words").format(
                    hashtags=digits(len(hashtags)), words=digits(len(words))
                ),
                _("a pile of hashtags reads as spam and platforms limit or demote it"),
                cap_source,
            )
        )
    plain = [
        w.lower()
        for w in words
        if not w.startswith("#") and len(w) >= 3 and w.lower() not in _STOPWORDS
    ]
    if plain:
        top = max(set(plain), key=plain.count)
        count = plain.count(top)
        if count >= 4 and count >= 0.15 * len(plain):
            signals.append(
                Signal(
                    N_("keyword stuffing"),
                    _("{word} {count} times in {words} words").format(
                        word=f"'{top}'", count=digits(count), words=digits(len(plain))
                    ),
                    _("repeating a keyword to game search makes the text worse for people"),
                    _("black-hat SEO, source article 004 ('what to avoid')"),
                )
            )
    bait = _BAIT.search(text)
    if bait:
        signals.append(
            Signal(
                N_("engagement bait"),
                repr(bait.group(0)),
                _(
                    "asking for likes, shares, tags or comments for their own sake; platforms "
                    "demote it"
                ),
                _(META_BAIT),
            )
        )
    link = _SHORT_LINK.search(text)
    if link and _FREE.search(text):
        signals.append(
            Signal(
                N_("shortened link with a free offer"),
                repr(link.group(0)),
                _("hides where the link goes next to a too-good offer, the pattern of scams"),
                _("course rule (common phishing pattern)"),
            )
        )
    rush = _URGENCY.search(text)
    if rush:
        signals.append(
            Signal(
                N_("urgency pressure"),
                repr(rush.group(0)),
                _("only fine if it is true; invented deadlines are false information"),
                _("source article 004 (false information)"),
            )
        )
    return signals
