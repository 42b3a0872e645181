"""The inbox's cue words, read from data files on first use and checked row by row.

Three files under ``smm_helpers/data``, so that a teacher can add a word in a spreadsheet:

* ``bn_lexicon.csv`` (``cue,kind,match,note``): Bengali and Banglish cue words for the
  categories, ``kind`` one of :data:`LEXICON_KINDS`, ``match`` one of
  :data:`LEXICON_MATCHES` (a whole word, the start of a word, or a phrase), ``note`` the
  English meaning a learner reads.
* ``urgency_cues.csv`` (``kind,language,cue``): words that make a message urgent whatever
  its category; each kind's level and reason are :data:`URGENCY_KINDS`.
* ``safety_cues.csv`` (``kind,language,cue``): words for messages where a person could be
  harmed; ``SAFETY_RULES`` (:mod:`smm_helpers.community.urgency`) combine the kinds.

``language`` is ``en``, ``bn`` (Bengali script) or ``banglish`` (Bengali in Latin letters).
A cue ending in ``*`` also matches longer words (``ছেলে*`` matches ছেলের, ছেলেকে;
``photo*`` matches photos); a cue with spaces is a phrase.  A malformed row is a
``DataError`` naming the file, line and column; every value is NFC.

>>> level, reason, words = URGENCY_CUES["refund"]
>>> level, words["banglish"][0]
(2, 'taka ferot')
>>> SAFETY_CUES["image"]["bn"][:2]
('ছবি*', 'ফটো*')
>>> SAFETY_CUES["image"]["bn"] = ("ছবি",)
Traceback (most recent call last):
...
TypeError: 'mappingproxy' object does not support item assignment
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import TypeVar

import regex

from smm_helpers.community._text import _normalise
from smm_helpers.errors import DataError
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.vocabulary import read_vocabulary

__all__ = ["CUE_LANGUAGES", "SAFETY_CUES", "SAFETY_KINDS", "URGENCY_CUES", "URGENCY_KINDS"]

LEXICON_FILE = "bn_lexicon.csv"
LEXICON_KINDS = ("positive", "negative", "question", "complaint", "spam", "polite")
LEXICON_MATCHES = ("word", "prefix", "phrase")
URGENCY_FILE = "urgency_cues.csv"
SAFETY_FILE = "safety_cues.csv"
CUE_LANGUAGES = ("en", "bn", "banglish")
"""The languages every urgency and safety kind lists its cue words in."""

URGENCY_KINDS: Mapping[str, tuple[int, str]] = MappingProxyType(
    {
        "legal": (3, N_("threatens legal action")),
        "refund": (2, N_("a refund is asked for")),
        "fraud": (2, N_("says it is a scam or fraud")),
        "urgent": (2, N_("says it is urgent")),
    }
)
"""Each kind of ``urgency_cues.csv``: (level 0–3, reason shown to the learner)."""

SAFETY_KINDS = (
    "child",
    "image",
    "takedown",
    "no_consent",
    "danger",
    "threat",
    "harm",
    "self_harm",
    "abuse",
)
"""The kinds of ``safety_cues.csv`` (``SAFETY_RULES`` say which together are urgent)."""

_Value = TypeVar("_Value")


class _CueTable(Mapping[str, _Value]):
    """A read-only mapping filled from a data file the first time it is read."""

    def __init__(self, load: Callable[[], Mapping[str, _Value]]) -> None:
        self._load = load

    def __getitem__(self, kind: str) -> _Value:
        return self._load()[kind]

    def __iter__(self) -> Iterator[str]:
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())

    def __repr__(self) -> str:
        return repr(dict(self._load()))


WordsByLanguage = Mapping[str, tuple[str, ...]]


def _read_cue_words(
    file: str, kinds: tuple[str, ...], *, text: str | None = None
) -> dict[str, WordsByLanguage]:
    """The cue words of ``file`` (``kind,language,cue``): kind -> language -> cues, in order.

    ``text`` reads that text instead of the packaged file.

    >>> words = _read_cue_words("x.csv", ("legal",),
    ...     text="kind,language,cue\\nlegal,en,lawyer*\\nlegal,bn,মামলা*\\nlegal,banglish,mamla*\\n")
    >>> dict(words["legal"])
    {'en': ('lawyer*',), 'bn': ('মামলা*',), 'banglish': ('mamla*',)}
    >>> _read_cue_words("x.csv", ("legal",), text="kind,language,cue\\nlegal,en,law*yer\\n")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: x.csv, line 2, column 'cue': 'law*yer' has a '*' before its end.
    How to fix it: write '*' only as the last character ('photo*' matches photos), or leave it out.
    >>> _read_cue_words("x.csv", ("legal",), text="kind,language,cue\\nlegal,en,sue\\nlegal,en,sue\\n")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: x.csv, line 3, column 'cue': cue 'sue' appears twice (first at data row 1).
    How to fix it: every cue must be unique; remove the repeated row or give it its own id.
    >>> _read_cue_words("x.csv", ("legal",), text="kind,language,cue\\nlegal,en,lawyer\\n")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: x.csv: the kind 'legal' has no cue words in bn, banglish.
    How to fix it: add at least one row for each language (en, bn, banglish).
    """  # noqa: E501
    rows = read_vocabulary(
        file,
        ("kind", "language", "cue"),
        choices={"kind": kinds, "language": CUE_LANGUAGES},
        required=("cue",),
        unique=("kind", "language", "cue"),
        text=text,
    )
    words: dict[str, dict[str, list[str]]] = {
        kind: {language: [] for language in CUE_LANGUAGES} for kind in kinds
    }
    for row in rows:
        cue = row["cue"]
        if "*" in cue.rstrip("*") or cue.endswith("**"):
            raise DataError(
                _("{cue} has a '*' before its end").format(cue=repr(cue)),
                fix=_(
                    "write '*' only as the last character ('photo*' matches "
                    "photos), or leave it out"
                ),
                file=file,
                line=row.line,
                column="cue",
            )
        if not regex.search(r"[\p{L}\p{N}]", cue):
            raise DataError(
                _("{cue} has no letter or digit to match").format(cue=repr(cue)),
                fix=_("write a word or phrase in the cue column"),
                file=file,
                line=row.line,
                column="cue",
            )
        words[row["kind"]][row["language"]].append(cue)
    for kind, by_language in words.items():
        missing = [language for language, cues in by_language.items() if not cues]
        if missing:
            raise DataError(
                _("the kind {kind} has no cue words in {languages}").format(
                    kind=repr(kind), languages=", ".join(missing)
                ),
                fix=_("add at least one row for each language ({languages})").format(
                    languages=", ".join(CUE_LANGUAGES)
                ),
                file=file,
            )
    return {
        kind: MappingProxyType({language: tuple(cues) for language, cues in by_language.items()})
        for kind, by_language in words.items()
    }


@lru_cache(maxsize=1)
def _urgency_cues() -> Mapping[str, tuple[int, str, WordsByLanguage]]:
    words = _read_cue_words(URGENCY_FILE, tuple(URGENCY_KINDS))
    return MappingProxyType(
        {kind: (level, reason, words[kind]) for kind, (level, reason) in URGENCY_KINDS.items()}
    )


@lru_cache(maxsize=1)
def _safety_cues() -> Mapping[str, WordsByLanguage]:
    return MappingProxyType(_read_cue_words(SAFETY_FILE, SAFETY_KINDS))


URGENCY_CUES: Mapping[str, tuple[int, str, WordsByLanguage]] = _CueTable(_urgency_cues)
"""Cues that make a message urgent whatever its category: kind -> (level, reason, cues).

Every kind lists its cue words in English, Bengali script and Banglish
(``data/urgency_cues.csv``), so "taka ferot chai", "টাকা ফেরত চাই" and "I want my money
back" are equally urgent.  Cues are written and matched like ``SAFETY_CUES`` (``*`` for
longer words, phrases with spaces, every language at once).  Spam and praise are never
urgent for these cues ("URGENT! claim your prize", "thanks for the quick refund"); safety
cues still count.  Read-only, read from the file on first use.
"""

SAFETY_CUES: Mapping[str, WordsByLanguage] = _CueTable(_safety_cues)
"""Cue words for messages where a person could be harmed, by kind, then by language.

``banglish`` is Bengali written in Latin letters.  A cue ending in ``*`` also matches longer
words (``ছেলে*`` matches ছেলের, ছেলেকে; ``photo*`` matches photos); a cue with spaces is a
phrase.  Cues match whole words of the NFC-normalised, case-folded message, in every
language at once, so mixed messages find their cues too.  Add a word to
``data/safety_cues.csv``, not to code.  Read-only, read from the file on first use.
"""


# ---------------------------------------------------------------------------------------
# The Bengali and Banglish lexicon
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Cue:
    cue: str
    kind: str
    match: str
    note: str


@lru_cache(maxsize=1)
def _bn_lexicon() -> tuple[_Cue, ...]:
    """Read ``data/bn_lexicon.csv`` once; complain with file and line if it is malformed."""
    rows = read_vocabulary(
        LEXICON_FILE,
        ("cue", "kind", "match", "note"),
        choices={"kind": LEXICON_KINDS, "match": LEXICON_MATCHES},
        required=("cue",),
        unique=("kind", "cue"),
    )
    return tuple(
        _Cue(_normalise(row["cue"]).strip().lower(), row["kind"], row["match"], row["note"])
        for row in rows
    )


@lru_cache(maxsize=1)
def _lexicon_index() -> tuple[dict[str, list[int]], dict[str, list[int]], list[int]]:
    """Positions of the lexicon's cues: words by word, prefixes by first letter, phrases."""
    words: dict[str, list[int]] = {}
    prefixes: dict[str, list[int]] = {}
    phrases: list[int] = []
    for position, cue in enumerate(_bn_lexicon()):
        if cue.match == "word":
            words.setdefault(cue.cue, []).append(position)
        elif cue.match == "prefix":
            prefixes.setdefault(cue.cue[:1], []).append(position)
        else:
            phrases.append(position)
    return words, prefixes, phrases


def _lexicon_hits(tokens: list[str]) -> list[_Cue]:
    """The lexicon's cues found in the tokens, in the lexicon's order.

    >>> [cue.cue for cue in _lexicon_hits(["টাকা", "ফেরত", "চাই", "খারাপ"])]
    ['খারাপ', 'টাকা ফেরত']
    """
    lexicon = _bn_lexicon()
    words, prefixes, phrases = _lexicon_index()
    found: set[int] = set()
    for token in set(tokens):
        found.update(words.get(token, ()))
        found.update(p for p in prefixes.get(token[:1], ()) if token.startswith(lexicon[p].cue))
    joined = " " + " ".join(tokens)
    found.update(p for p in phrases if " " + lexicon[p].cue in joined)
    return [lexicon[p] for p in sorted(found)]
