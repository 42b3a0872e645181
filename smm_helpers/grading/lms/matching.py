"""Whose is a file in an LMS download: the name or id the LMS wrote, matched to the roster.

In order: the LMS's user id against the roster's optional ``lms_id`` column (Canvas's user
id, Moodle's participant id); else the learner's name, as Canvas writes it (the sortable
name squashed, ``rahmanamina``) or as Moodle does (``Amina Rahman``); else the roster id
itself (a download laid out as ``<learner id>_<notebook>.ipynb``).  Names are compared in
Unicode NFC, case-folded and with spaces collapsed; the squashed form also folds accents,
so ``Núñez`` matches ``nunez``.  The matcher never guesses: a name two learners share, or
an id that says one learner while the name says another, is refused and explained, and a
near miss is answered with "did you mean ...".

>>> from smm_helpers.grading.course import Learner
>>> roster = RosterIndex([Learner("ar1001", "Amina", "Rahman", "a@example.org"),
...                  Learner("bo2002", "José", "Núñez", "j@example.org")])
>>> roster.find(Claim("Canvas", "rahmanamina", lms_id="4242")).learner.id
'ar1001'
>>> roster.find(Claim("Moodle", "jose nunez")).learner.id
'bo2002'
>>> print(roster.find(Claim("Canvas", "rahmanamna", lms_id="4242")).problem)
Canvas user 4242 ('rahmanamna') is not on roster.csv; did you mean ar1001 (Amina Rahman)?
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

Learner = Any
"""A roster learner (``smm_helpers.grading.course.Learner``): ``id``, ``first_name``,
``last_name`` and, when the roster has the column, ``lms_id``."""


def fold(text: str) -> str:
    """``text`` as names are compared: NFC, case-folded, spaces collapsed.

    >>> fold("  Amina\\u00a0 RAHMAN "), fold("Jose\\u0301") == fold("José")
    ('amina rahman', True)
    """
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def squash(text: str) -> str:
    """Only the letters and digits of ``text``, accents folded: how Canvas writes a name.

    >>> squash("Núñez, José-María"), squash("O'Brien"), squash("Straße")
    ('nunezjosemaria', 'obrien', 'strasse')
    """
    decomposed = unicodedata.normalize("NFKD", fold(text))
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


def bare(text: str) -> str:
    """Only the ASCII letters and digits of ``text``, the others dropped, not folded (what
    an LMS that keeps only ASCII word characters writes).

    >>> bare("Núñez José")
    'nezjos'
    """
    return "".join(c for c in fold(text) if c.isascii() and c.isalnum())


def id_key(value: str) -> str:
    """An LMS id as compared: stripped, and a number without its leading zeros.

    >>> id_key(" 0042 "), id_key("u42")
    ('42', 'u42')
    """
    value = value.strip()
    return str(int(value)) if value.isdigit() else value


@dataclass(frozen=True)
class Claim:
    """Whose a downloaded file says it is.

    ``lms`` is ``"Canvas"``, ``"Moodle"`` or ``""`` (the name is a roster id); ``name`` is
    the name as the LMS wrote it (``""`` when hidden); ``lms_id`` the LMS's id of the
    learner (``""`` when none); ``anonymous`` is true when the LMS hid who it is.
    """

    lms: str
    name: str
    lms_id: str = ""
    anonymous: bool = False

    @property
    def label(self) -> str:
        """How the report names the learner when no one on the roster matches."""
        if self.name and not self.anonymous:
            return self.name
        return f"{self.lms} user {self.lms_id}" if self.lms_id else f"{self.lms} {self.name}"

    def said(self) -> str:
        """The claim in words: ``Canvas user 4242 ('rahmanamina')``, ``'zz9999'``."""
        if not self.lms:
            return repr(self.name)
        who = f"{self.lms} user {self.lms_id}" if self.lms_id else f"{self.lms} learner"
        if self.anonymous and not self.lms_id:
            return f"the anonymous {self.lms} submission {self.name!r}"
        return f"{who} ({self.name!r})" if self.name and not self.anonymous else who


@dataclass(frozen=True)
class Found:
    """The roster learner a claim names, or why there is none (``problem``, ``fix``)."""

    learner: Learner | None
    how: str = ""
    """``"lms_id"``, ``"name"`` or ``"id"``: what matched."""
    problem: str = ""
    fix: str = ""


KeyOf = Callable[[str], str]
Tier = tuple[KeyOf, Callable[[Learner], Iterable[str]]]
"""How the LMS's name is keyed, and the keys of a learner it is compared with."""

_TIERS: dict[str, list[Tier]] = {
    "Canvas": [
        (squash, lambda p: [squash(p.last_name + p.first_name)]),
        (squash, lambda p: [squash(p.first_name + p.last_name)]),
        (squash, lambda p: [bare(p.last_name + p.first_name), bare(p.first_name + p.last_name)]),
    ],
    "Moodle": [
        (fold, lambda p: [fold(f"{p.first_name} {p.last_name}")]),
        (fold, lambda p: [fold(f"{p.last_name} {p.first_name}")]),
        (
            squash,
            lambda p: [squash(p.first_name + p.last_name), squash(p.last_name + p.first_name)],
        ),
    ],
}
"""Most exact first: a learner matched in an earlier tier is never second-guessed by a
later one (``Rahman Amina`` read first-last beats another learner's last-first)."""

NEAR = 0.8
"""How alike (difflib's ratio) a name must be to be offered as "did you mean"."""


def lms_id_of(learner: Learner) -> str:
    """The learner's LMS id on the roster (``""`` when the roster has none)."""
    return id_key(str(getattr(learner, "lms_id", "") or ""))


def full_name(learner: Learner) -> str:
    return f"{learner.first_name} {learner.last_name}".strip()


def _who(learners: Sequence[Learner]) -> str:
    return " or ".join(f"{p.id} ({full_name(p)})" for p in learners)


def _which_id(claim: Claim) -> str:
    """Which of the LMS's ids ``lms_id`` must be, when the LMS has more than one."""
    if claim.lms == "Moodle":
        return (
            " (lms_id must be the participant id Moodle writes in the download's names, "
            "not the user id)"
        )
    return " (lms_id must be the Canvas user id)" if claim.lms == "Canvas" else ""


class RosterIndex:
    """The roster, indexed for finding the learner a downloaded file belongs to."""

    def __init__(self, learners: Iterable[Learner], file: str = "roster.csv") -> None:
        self.learners = list(learners)
        self.file = file
        self.by_id = {p.id: p for p in self.learners}
        self.by_lms_id: dict[str, list[Learner]] = {}
        for p in self.learners:
            if lms_id_of(p):
                self.by_lms_id.setdefault(lms_id_of(p), []).append(p)
        self.tiers: dict[str, list[tuple[KeyOf, dict[str, list[Learner]]]]] = {}
        for lms, tiers in _TIERS.items():
            self.tiers[lms] = []
            for key_of, keys in tiers:
                index: dict[str, list[Learner]] = {}
                for p in self.learners:
                    for key in dict.fromkeys(keys(p)):
                        if key:
                            index.setdefault(key, []).append(p)
                self.tiers[lms].append((key_of, index))

    def find(self, claim: Claim) -> Found:
        """The learner ``claim`` names (see the module docstring), or why there is none."""
        if not claim.lms:
            return self._by_roster_id(claim)
        named = self._by_name(claim) if claim.name and not claim.anonymous else []
        if claim.lms_id and id_key(claim.lms_id) in self.by_lms_id:
            owners = self.by_lms_id[id_key(claim.lms_id)]
            if len(owners) > 1:
                return self._refused(
                    f"{claim.said()} is the lms_id of {_who(owners)} on {self.file}",
                    "give each learner their own lms_id",
                )
            [owner] = owners
            others = [p for p in named if p is not owner]
            if len(named) == 1 and others:
                return self._refused(
                    f"{claim.said()} is {owner.id} ({full_name(owner)}) by {self.file}'s lms_id "
                    f"but is named like {_who(others)}",
                    f"correct the lms_id of {owner.id} or "
                    f"{others[0].id} in {self.file}{_which_id(claim)}, then collect again",
                )
            return Found(owner, how="lms_id")
        if claim.anonymous or not claim.name:
            fix = (
                f"add the learners' {claim.lms} user ids as lms_id in {self.file}, or "
                if claim.lms_id
                else ""
            )
            return self._refused(
                f"{claim.lms} hid the name of {claim.said()} (anonymous grading)",
                fix + f"turn anonymous grading off (or reveal the identities) in {claim.lms} "
                "and download again",
            )
        if len(named) > 1:
            return self._refused(
                f"{claim.said()} matches {_who(named)} on {self.file}, so I won't guess whose "
                "it is",
                f"add lms_id (the {claim.lms} user id) to their rows in {self.file}, "
                "then collect again",
            )
        if named:
            [learner] = named
            if claim.lms_id and lms_id_of(learner) and lms_id_of(learner) != id_key(claim.lms_id):
                return self._refused(
                    f"{claim.said()} is named like {learner.id} ({full_name(learner)}), but "
                    f"{self.file} gives {learner.id} the lms_id {lms_id_of(learner)}",
                    f"correct the lms_id of {learner.id} in {self.file} if it is them"
                    f"{_which_id(claim)}, then collect again",
                )
            return Found(learner, how="name")
        if claim.name in self.by_id:
            return Found(self.by_id[claim.name], how="id")
        near = self._near(claim)
        add = f" (with lms_id {claim.lms_id})" if claim.lms_id else ""
        if near:
            fix = (
                f"if it is {_who(near)}, add lms_id {claim.lms_id} to their row in {self.file}"
                if claim.lms_id and len(near) == 1
                else f"correct the name in {self.file}"
            ) + ", then collect again"
            return self._refused(
                f"{claim.said()} is not on {self.file}; did you mean {_who(near)}?", fix
            )
        return self._refused(
            f"{claim.said()} is not on {self.file}",
            f"add the learner to {self.file}{add} if they are in the class, then collect again",
        )

    def _by_roster_id(self, claim: Claim) -> Found:
        if claim.name in self.by_id:
            return Found(self.by_id[claim.name], how="id")
        near = difflib.get_close_matches(claim.name, list(self.by_id), n=2, cutoff=NEAR)
        if near:
            found = [self.by_id[i] for i in near]
            return self._refused(
                f"{claim.name!r} is not on {self.file}; did you mean {_who(found)}?",
                "rename it with their roster id, then collect again",
            )
        return self._refused(
            f"{claim.name!r} is not on {self.file}",
            "add the learner to the roster or rename the file with their "
            "roster id, then collect again",
        )

    def _by_name(self, claim: Claim) -> list[Learner]:
        tiers = self.tiers.get(claim.lms, [])
        names = [claim.name]
        if claim.lms == "Moodle":  # a group submission: "<group name>-<full name>"
            names += [claim.name[i + 1 :] for i, c in enumerate(claim.name) if c == "-"]
        for name in names:
            for key_of, index in tiers:
                found = index.get(key_of(name), [])
                if found:
                    return list(dict.fromkeys(found))
        return []

    def _near(self, claim: Claim) -> list[Learner]:
        keys: dict[str, list[Learner]] = {}
        for p in self.learners:
            for key in (squash(p.last_name + p.first_name), squash(p.first_name + p.last_name)):
                keys.setdefault(key, []).append(p)
        close = difflib.get_close_matches(squash(claim.name), list(keys), n=3, cutoff=NEAR)
        return list(dict.fromkeys(p for key in close for p in keys[key]))

    @staticmethod
    def _refused(problem: str, fix: str) -> Found:
        return Found(None, problem=problem, fix=fix)
