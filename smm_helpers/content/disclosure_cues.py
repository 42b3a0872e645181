"""The plain words that disclose a brand relationship, read from ``data/disclosure_cues.csv``.

Disclosures 101 accepts plain words ("Thanks to Acme brand for the free product") as well as
labels such as "#ad".  The English, Bengali and Banglish ways of saying who gave or paid what
are data; this module reads and checks them (once, on first use) and finds them in a text.
``check_disclosure`` and ``smm_helpers.content``'s ``check_post`` both ask
:func:`plain_disclosures`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import regex

from smm_helpers.errors import DataError
from smm_helpers.i18n.messages import N_, current_language
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.vocabulary import read_vocabulary

CUES_FILE = "disclosure_cues.csv"
"""Plain-language disclosures, one row each: ``language`` (en, bn, banglish), ``kind`` (gift,
free, payment, sponsorship, partnership, employment, family), ``pattern`` (a ``regex``
pattern, matched ignoring case on NFC text), ``example`` (a phrase it must find), ``says``
(what the words tell a reader, in English) and ``says_bn`` (the same in Bengali: each
``says_<language>`` column is what a learner reading that language is shown)."""
CUE_KINDS = ("gift", "free", "payment", "sponsorship", "partnership", "employment", "family")
CUE_KIND_NAMES = {
    "gift": N_("gift"),
    "free": N_("free"),
    "payment": N_("payment"),
    "sponsorship": N_("sponsorship"),
    "partnership": N_("partnership"),
    "employment": N_("employment"),
    "family": N_("family"),
}
"""Each cue kind's display name (the kind itself is data: gift, free, ...)."""
CUE_LANGUAGES = ("en", "bn", "banglish")
SAYS_LANGUAGES = ("bn",)
"""The languages with their own ``says_<language>`` column in the cues file."""
CUE_COLUMNS = (
    "language",
    "kind",
    "pattern",
    "example",
    "says",
    *(f"says_{language}" for language in SAYS_LANGUAGES),
)
"""The header of the cues file, in order (a file without a ``says_<language>`` column is
still read, and refused at its first row with that column named)."""


@dataclass(frozen=True)
class DisclosureCue:
    language: str
    kind: str
    pattern: Any
    example: str
    says: str
    says_in: tuple[tuple[str, str], ...] = ()

    def says_now(self) -> str:
        """What the words tell a reader, in the chosen language (English when not given)."""
        return dict(self.says_in).get(current_language(), self.says)


@lru_cache(maxsize=1)
def _disclosure_cues() -> tuple[DisclosureCue, ...]:
    """Read ``data/disclosure_cues.csv`` once; name file, line and column of a bad row."""
    return _read_cues(
        (resources.files("smm_helpers") / "data" / CUES_FILE).read_text(encoding="utf-8")
    )


def _read_cues(text: str) -> tuple[DisclosureCue, ...]:
    """The cues in the text of a cues file (see ``CUES_FILE``), checked row by row.

    >>> header = "language,kind,pattern,example,says,says_bn\\n"
    >>> [cue.kind for cue in _read_cues(header + "en,gift,gifted,gifted,a gift,উপহার\\n")]
    ['gift']
    >>> _read_cues(header + "en,gift,gifted,gifted,a gift,\\n")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: disclosure_cues.csv, line 2, column 'says_bn': what the words tell a reader is missing.
    How to fix it: write it in the says_bn column.
    """  # noqa: E501
    says_columns = ("says", *(f"says_{language}" for language in SAYS_LANGUAGES))
    rows = read_vocabulary(
        CUES_FILE,
        CUE_COLUMNS,
        text=text,
        choices={"language": CUE_LANGUAGES, "kind": CUE_KINDS},
        required={column: N_("what the words tell a reader is missing") for column in says_columns},
        newer=says_columns[1:],
    )
    cues = []
    for row in rows:
        try:
            pattern = regex.compile(row["pattern"], regex.I)
        except regex.error as error:
            raise DataError(
                _("the pattern cannot be read: {error}").format(error=error),
                fix=_("fix the regex"),
                file=CUES_FILE,
                line=row.line,
                column="pattern",
            ) from None
        says_in = tuple((language, row[f"says_{language}"]) for language in SAYS_LANGUAGES)
        cues.append(
            DisclosureCue(
                row["language"], row["kind"], pattern, row["example"], row["says"], says_in
            )
        )
    return tuple(cues)


def plain_disclosures(text: str) -> list[tuple[int, int, str]]:
    """Where ``text`` says in plain words who gave or paid what: (start, end, words).

    The cues are ``data/disclosure_cues.csv`` (English, Bengali and Banglish); the text is
    NFC-normalised first, so offsets are into its NFC form.  ``check_post`` uses this to warn
    when such words sit below the "see more" fold.

    >>> plain_disclosures("Eid look! Thanks to Bata for the free sandals")
    [(10, 45, 'Thanks to Bata for the free sandals')]
    >>> plain_disclosures("Free delivery on every gift box")
    []
    """
    found = cues_in(unicodedata.normalize("NFC", text))
    return sorted({(start, end, words) for start, end, words, _ in found})


def cues_in(text: str) -> list[tuple[int, int, str, DisclosureCue]]:
    """Every plain-language disclosure in ``text`` (NFC): start, end, words, cue."""
    found = []
    for cue in _disclosure_cues():
        for match in cue.pattern.finditer(text):
            found.append((match.start(), match.end(), match.group(0).strip(), cue))
    return found
