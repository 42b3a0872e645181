"""How urgently a message needs a person: the urgency and safety cues, matched and weighed.

The cue words are data (:mod:`smm_helpers.community.cues`); here they become one pattern
per kind, and :data:`SAFETY_RULES` say which kinds together make a message urgent.  The
category does not decide urgency, with one exception: spam and praise are never urgent,
unless a safety cue fired (spam: a *critical* one).
"""

from __future__ import annotations

from functools import lru_cache

import regex

from smm_helpers.community._text import _normalise
from smm_helpers.community.cues import SAFETY_CUES, URGENCY_CUES, _lexicon_hits
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _

__all__ = ["SAFETY_RULES"]

SAFETY_RULES: tuple[tuple[tuple[str, ...], int, str], ...] = (
    (("child", "image"), 3, N_("a child's photo or video: child safety")),
    (("child", "danger"), 3, N_("a child may be in danger")),
    (("child", "abuse"), 3, N_("a child may be abused")),
    (("child", "harm"), 3, N_("a child was hurt: safety")),
    (("image", "no_consent"), 3, N_("a picture shared without consent: privacy")),
    (("no_consent",), 3, N_("something was done without consent")),
    (("image", "takedown"), 2, N_("asks for a photo or video to be taken down: privacy")),
    (("threat",), 3, N_("a threat of violence")),
    (("self_harm",), 3, N_("speaks of self-harm: answer today, with care and a helpline")),
    (("abuse",), 3, N_("abuse or harassment")),
    (("harm",), 2, N_("someone was hurt or something caught fire: safety")),
)
"""When safety cues make a message urgent: (kinds that must all match, level, reason).

A rule is skipped when an earlier rule that matched already used all its kinds, so each
piece of evidence is reported once.  Spam never hides a level-3 rule: a person checks.
"""

_WORD_CHAR = r"[\p{L}\p{M}\p{N}]"


def _cue_pattern(cue: str) -> str:
    """A regular expression for one cue: whole words, ``*`` for 'and longer words'."""
    cue = _normalise(cue).casefold().strip()
    words = cue.rstrip("*").split()
    tail = f"{_WORD_CHAR}*" if cue.endswith("*") else f"(?!{_WORD_CHAR})"
    return rf"(?<!{_WORD_CHAR})" + r"[\s-]+".join(regex.escape(w) for w in words) + tail


@lru_cache(maxsize=1)
def _safety_patterns() -> dict[str, regex.Pattern[str]]:
    """One compiled pattern per kind of ``SAFETY_CUES``, all languages together."""
    return {
        kind: regex.compile(
            "|".join(_cue_pattern(cue) for cues in by_language.values() for cue in cues)
        )
        for kind, by_language in SAFETY_CUES.items()
    }


@lru_cache(maxsize=1)
def _urgency_patterns() -> dict[str, regex.Pattern[str]]:
    """One compiled pattern per kind of ``URGENCY_CUES``, all languages together."""
    return {
        kind: regex.compile(
            "|".join(_cue_pattern(cue) for cues in by_language.values() for cue in cues)
        )
        for kind, (_level, _why, by_language) in URGENCY_CUES.items()
    }


def _urgency_cue_hits(text: str) -> list[tuple[int, str]]:
    """The ``URGENCY_CUES`` a message meets, as (level, reason with the words) pairs.

    >>> _urgency_cue_hits("taka ferot chai")
    [(2, "a refund is asked for ('taka ferot')")]
    >>> _urgency_cue_hits("টাকা ফেরত চাই")
    [(2, "a refund is asked for ('টাকা ফেরত')")]
    >>> [level for level, _ in _urgency_cue_hits("টাকা ফেরত না দিলে মামলা করব")]
    [3, 2]
    """
    folded = _normalise(text).casefold().replace("\u2019", "'")
    hits = []
    for kind, pattern in _urgency_patterns().items():
        match = pattern.search(folded)
        if match:
            level, why, _cues = URGENCY_CUES[kind]
            hits.append(
                (level, _("{reason} ({words})").format(reason=_(why), words=repr(match.group(0))))
            )
    return hits


def _safety_hits(text: str) -> list[tuple[int, str]]:
    """The ``SAFETY_RULES`` a message meets, as (level, reason with the words) pairs.

    >>> for level, reason in _safety_hits("My son's photo is on your page, remove it"):
    ...     print(level, reason)
    3 a child's photo or video: child safety ('son', 'photo')
    2 asks for a photo or video to be taken down: privacy ('photo', 'remove')
    >>> _safety_hits("আমার ছেলের ছবি আপনাদের পেজে, সরিয়ে দিন")[0][0]
    3
    >>> _safety_hits("See you on Friday")
    []
    """
    folded = _normalise(text).casefold().replace("\u2019", "'")  # don’t -> don't
    found = {kind: pattern.search(folded) for kind, pattern in _safety_patterns().items()}
    hits: list[tuple[int, str]] = []
    used: set[str] = set()
    for kinds, level, why in SAFETY_RULES:
        matches = [found[kind] for kind in kinds]
        if not all(matches) or set(kinds) <= used:
            continue
        used.update(kinds)
        words = ", ".join(repr(match.group(0)) for match in matches if match)
        hits.append((level, _("{reason} ({words})").format(reason=_(why), words=words)))
    return hits


def _urgency(
    lowered: str, tokens: list[str], compound: float, category: str
) -> tuple[int, list[str]]:
    level, reasons = 0, []
    for cue_level, why in _urgency_cue_hits(lowered):
        level = max(level, cue_level)
        reasons.append(why)
    hits = _lexicon_hits(tokens)
    negative = sum(1 for cue in hits if cue.kind in ("negative", "complaint"))
    if compound <= -0.6 or negative >= 3:
        level = max(level, 1)
        reasons.append(_("strongly negative wording"))
    if category in ("spam", "praise"):
        level, reasons = 0, []  # "URGENT! claim your prize", "thanks for the refund" ...
    for cue_level, why in _safety_hits(lowered):
        if category != "spam" or cue_level == 3:  # ... but a person could be harmed
            level = max(level, cue_level)
            reasons.append(why)
    return level, reasons
