"""Unsourced claims: numbers and "studies show" with no source in the same or the next sentence.

Source article 004 warns against **false information**; a figure a reader cannot check is
where it starts.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import regex

from smm_helpers.ethics._common import check_text
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _


@dataclass(frozen=True)
class Claim:
    """A sentence with a number or "studies show" and no source nearby.

    ``kind`` is an English id ("percentage", "appeal to research"), shown in the chosen
    language.
    """

    sentence: str
    evidence: str
    kind: str

    def __str__(self) -> str:
        return _("{kind} {evidence} without a source: {sentence}").format(
            kind=_(self.kind), evidence=repr(self.evidence), sentence=self.sentence
        )

    def _repr_html_(self) -> str:
        return (
            "<p>"
            + _("{kind} {evidence} without a source: {sentence}").format(
                kind=f"<b>{html.escape(_(self.kind))}</b>",
                evidence=f"<code>{html.escape(self.evidence)}</code>",
                sentence=f"<i>{html.escape(self.sentence)}</i>",
            )
            + "</p>"
        )


_DIGITS = r"[0-9০-৯]"
_CLAIM_PATTERNS: list[tuple[regex.Pattern[str], str]] = [
    (
        regex.compile(
            rf"{_DIGITS}+(?:[.,]{_DIGITS}+)?\s?"  # i18n: not shown (a regex)
            r"(?:%|٪|percent\b|per cent\b|শতাংশ)",  # i18n: not shown (a regex)
            regex.I,
        ),
        N_("percentage"),
    ),
    (
        regex.compile(
            rf"\b{_DIGITS}+\s+(?:out of|in)\s+"  # i18n: not shown (a regex)
            rf"{_DIGITS}+\b|{_DIGITS}+\s?জনের মধ্যে"
            rf"\s?{_DIGITS}+",
            regex.I,
        ),
        N_("statistic"),
    ),
    (
        regex.compile(
            rf"{_DIGITS}+(?:[.,]{_DIGITS}+)?\s?(?:million|billion|thousand|lakh|crore|"
            r"লাখ|লক্ষ|কোটি|হাজার)",
            regex.I,
        ),
        N_("big number"),
    ),
    (
        regex.compile(
            r"\b(?:studies|research|surveys?|experts?|scientists|doctors)\s+"
            r"(?:show|shows|prove|proves|proved|say|says|found|agree|confirm)\b"
            r"|গবেষণায় দেখা গেছে|গবেষণা বলছে|বিশেষজ্ঞরা বলেন|বিশেষজ্ঞদের মতে",
            regex.I,
        ),
        N_("appeal to research"),
    ),
]
_SOURCE = regex.compile(
    r"https?://|www\.|(?i:\bsources?\s*[:-])|"  # i18n: not shown (a regex)
    r"(?i:\baccording to) (?!(?:studies|research|"  # i18n: not shown (a regex)
    r"experts|many|some|most)\b)[A-Z\p{Lu}]|\([^()]*\b(?:19|20|১৯|২০)[0-9০-৯]{2}\)|সূত্র\s*[:ঃ]|"
    # a named source in brackets: "(Sage North America)", "(M+R Benchmarks)"
    r"\(\p{Lu}[\p{L}&+.'’-]*(?:\s+(?:\p{Lu}[\p{L}&+.'’-]*|of|and|for|the|&))*\)|"
    r"তথ্যসূত্র|[\p{L}]+-এর (?:তথ্য|প্রতিবেদন) অনুযায়ী"
)


def _sentences(text: str) -> list[str]:
    parts = regex.split(r"(?<=[.!?।])\s+|\n+", text)
    return [p.strip() for p in parts if p.strip()]


def unsourced_claims(text: str) -> list[Claim]:
    """Numbers and "studies show" claims with no source in the same or the next sentence.

    A source is a link, "Source:", "according to <Name>", "(Name, 2024)", a name in
    brackets such as "(Sage North America)", or "সূত্র:".
    Source article 000's "89% of charities use social media" is a real example: the
    article gives no source (the figure comes from Barnes and Mattson's 2008 study of the
    200 largest US charities, which a reader of the article cannot know).

    >>> [c.evidence for c in unsourced_claims("89% of charities use social media.")]
    ['89%']
    >>> unsourced_claims("88% of nonprofits use social media (Sage North America).")
    []
    >>> len(unsourced_claims("88% of nonprofits use social media (see below)."))
    1
    >>> unsourced_claims("89% of charities use it (Sage, 2012).")
    []
    >>> unsourced_claims("৪% ফ্যানের কাছে পৌঁছেছিল (M+R Benchmarks, ২০২০)।")
    []
    >>> [c.kind for c in unsourced_claims("গবেষণায় দেখা গেছে ৮৯% মানুষ রাজি।")]
    ['percentage', 'appeal to research']
    >>> unsourced_claims(3.5)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: text must be a string, not float.
    How to fix it: pass the caption or post text itself.
    """
    text = check_text(text)
    sentences = _sentences(text)
    claims = []
    for i, sentence in enumerate(sentences):
        nearby = sentence + " " + (sentences[i + 1] if i + 1 < len(sentences) else "")
        if _SOURCE.search(nearby):
            continue
        for pattern, kind in _CLAIM_PATTERNS:
            for match in pattern.finditer(sentence):
                claims.append(Claim(sentence, match.group(0).strip(), kind))
    return claims
