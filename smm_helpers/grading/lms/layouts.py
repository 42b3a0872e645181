"""What the path of a file in a download says: whose it is, and what it is.

Four layouts are told apart by the names alone, so one download may mix them:

- Moodle: ``<Full Name>_<participant id>_assignsubmission_file_<file>``, or a folder
  ``<Full Name>_<participant id>_assignsubmission_file_/`` holding the files
  (:mod:`~smm_helpers.grading.lms.moodle`);
- ``<learner id>_<notebook>.ipynb``, the roster id and exactly one of the assignment's
  notebooks (checked before Canvas, which a roster id could otherwise resemble);
- Canvas: ``<name>[_LATE]_<user id>_<attachment id>_<file>``
  (:mod:`~smm_helpers.grading.lms.canvas`), its ``-1``/``-2`` resubmission suffix removed
  from the collected name;
- ``<learner id>_<file>.ipynb`` and ``<learner id>/<file>.ipynb``.

>>> nbs = {"01-platforms-and-planning"}
>>> entry = read_path(("rahmanamina_LATE_4242_99001_01-platforms-and-planning-1.ipynb",),
...                   {"ar1001"}, nbs)
>>> entry.claim, entry.collected, entry.resubmission, entry.late
(Claim(lms='Canvas', name='rahmanamina', lms_id='4242', anonymous=False), \
'01-platforms-and-planning.ipynb', 1, True)
>>> read_path(("ar1001_01-platforms-and-planning.ipynb",), {"ar1001"}, nbs).claim.name
'ar1001'
>>> read_path(("Untitled.ipynb",), {"ar1001"}, nbs).claim is None
True
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import smm_helpers.grading.lms.canvas as canvas
import smm_helpers.grading.lms.moodle as moodle
from smm_helpers.grading.lms.matching import Claim

SUFFIX = ".ipynb"


@dataclass(frozen=True)
class Entry:
    """What a downloaded file's path says.

    ``claim`` is whose it says it is (``None``: the name says nothing about whose);
    ``filename`` the learner's own file name; ``collected`` the name it is collected under
    (``""`` when it is not a notebook); ``attachment`` Canvas's upload id (``-1`` if none)
    and ``resubmission`` Canvas's ``-N`` (0 if none) order uploads of one notebook;
    ``text`` marks text typed into the LMS (an online text box, a URL), not a file.
    """

    claim: Claim | None
    filename: str
    collected: str = ""
    attachment: int = -1
    resubmission: int = 0
    late: bool = False
    text: bool = False


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def is_notebook(filename: str) -> bool:
    """``filename`` ends in ``.ipynb`` (in any case).

    >>> is_notebook("A.IPYNB"), is_notebook("a.ipynb.pdf")
    (True, False)
    """
    return filename.casefold().endswith(SUFFIX) and len(filename) > len(SUFFIX)


def collected_name(filename: str, notebooks: Collection[str], lms: str = "") -> tuple[str, int]:
    """The name a notebook is collected under, and Canvas's resubmission number.

    The assignment's own spelling when the name matches one of ``notebooks`` in Unicode
    NFC; from Canvas, without a ``-N`` it added to a resubmission.

    >>> collected_name("Cafe\\u0301.ipynb", {"Café"})
    ('Café.ipynb', 0)
    >>> collected_name("Café-3.ipynb", {"Café"}, "Canvas"), collected_name("x (1).ipynb", {"x"})
    (('Café.ipynb', 3), ('x (1).ipynb', 0))
    """
    if not is_notebook(filename):
        return "", 0
    stem = nfc(filename[: -len(SUFFIX)])
    own = {nfc(name): name for name in notebooks}
    if stem in own:
        return own[stem] + SUFFIX, 0
    if lms == "Canvas":
        base, number = canvas.without_resubmission(stem, set(own))
        if number:
            return own[base] + SUFFIX, number
    return filename, 0


def roster_prefix(name: str, roster_ids: Collection[str]) -> str:
    """The longest roster id that ``name`` starts with, followed by ``_`` (or ``""``).

    >>> roster_prefix("ar_1001_notes.ipynb", {"ar", "ar_1001"})
    'ar_1001'
    """
    found = [i for i in roster_ids if name.startswith(f"{i}_")]
    return max(found, key=len, default="")


def read_path(
    parts: Sequence[str], roster_ids: Collection[str], notebooks: Collection[str]
) -> Entry:
    """What the path ``parts`` (inside a download) says: see the module docstring."""
    first, filename = parts[0], parts[-1]
    entry = moodle.parse(first)
    if entry is not None:
        return _moodle(entry, filename if len(parts) > 1 else entry.filename, notebooks)
    if len(parts) == 1:
        own = roster_prefix(first, roster_ids)
        if own and _is_one_of(first[len(own) + 1 :], notebooks):
            return _by_roster_id(own, first[len(own) + 1 :], notebooks)
    last = canvas.parse(filename)
    if last is not None and (len(parts) == 1 or not last.is_text):
        return _canvas(last, notebooks)
    if len(parts) > 1:
        return _by_roster_id(first, filename, notebooks)
    own = roster_prefix(first, roster_ids)
    if own:
        return _by_roster_id(own, first[len(own) + 1 :], notebooks)
    learner, underscore, rest = first.partition("_")
    if underscore and learner and is_notebook(first):
        return _by_roster_id(learner, rest, notebooks)
    if first in roster_ids:  # e.g. a link where a learner's folder should be
        return Entry(Claim("", first), first)
    return Entry(None, first)


def _is_one_of(filename: str, notebooks: Collection[str]) -> bool:
    name = collected_name(filename, notebooks)[0]
    return bool(name) and name[: -len(SUFFIX)] in notebooks


def _by_roster_id(learner: str, filename: str, notebooks: Collection[str]) -> Entry:
    return Entry(Claim("", learner), filename, collected_name(filename, notebooks)[0])


def _canvas(file: canvas.CanvasFile, notebooks: Collection[str]) -> Entry:
    claim = Claim("Canvas", file.name, file.user_id, file.anonymous)
    name, number = collected_name(file.filename, notebooks, "Canvas")
    return Entry(
        claim,
        file.filename,
        "" if file.is_text else name,
        file.attachment_id,
        number,
        file.late,
        file.is_text,
    )


def _moodle(entry: moodle.MoodleEntry, filename: str, notebooks: Collection[str]) -> Entry:
    claim = Claim("Moodle", entry.name, entry.participant_id, entry.anonymous)
    name = "" if entry.is_text else collected_name(filename, notebooks, "Moodle")[0]
    return Entry(claim, filename, name, text=entry.is_text)


def wrapper_depth(paths: Sequence[Sequence[str]], roster_ids: Collection[str]) -> int:
    """How many folders wrap the whole download (a zip of one folder, a folder unpacked
    into another): the leading folders every path shares that name no learner.

    >>> wrapper_depth([("submissions", "ar1001_a.ipynb"), ("submissions", "b.ipynb")], {"ar1001"})
    1
    >>> wrapper_depth([("ar1001", "a.ipynb")], {"ar1001"})
    0
    """
    depth = 0
    while paths and all(len(p) > depth + 1 for p in paths):
        first = {p[depth] for p in paths}
        if (
            len(first) != 1
            or _names_someone(next(iter(first)), roster_ids)
            or not any(_names_someone(p[depth + 1], roster_ids) for p in paths)
        ):
            break
        depth += 1
    return depth


def _names_someone(name: str, roster_ids: Collection[str]) -> bool:
    """``name`` is laid out as one of the layouts (see the module docstring)."""
    return (
        name in roster_ids
        or bool(roster_prefix(name, roster_ids))
        or moodle.parse(name) is not None
        or canvas.parse(name) is not None
    )
