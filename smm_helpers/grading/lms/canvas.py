"""What a file name in Canvas's "Download Submissions" zip says.

Canvas names each uploaded file ``<name>_<user id>_<attachment id>_<file name>``, where
``<name>`` is the learner's sortable name ("Rahman, Amina") with all but letters and digits
removed, lower-cased (``rahmanamina``).  A late submission has ``LATE`` (``late`` in newer
Canvas) after the name; a text entry or a URL is ``<name>_<user id>_text.html`` or
``..._link.html``; under anonymous grading the name is left out (``<user id>_...``) or the
whole prefix is ``anon_<anonymous id>``.  An upload with the same name as an earlier one is
renamed ``-1``, ``-2``, ... before its extension, and a later upload has a higher
attachment id.

>>> parse("rahmanamina_LATE_4242_99001_01-platforms-and-planning-1.ipynb")
CanvasFile(name='rahmanamina', user_id='4242', attachment_id=99001, \
filename='01-platforms-and-planning-1.ipynb', late=True, anonymous=False)
>>> parse("rahmanamina_4242_text.html").filename
'text.html'
>>> parse("ar1001_01-platforms-and-planning.ipynb") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NAME = r"(?:(?P<name>[^_]*[^_\d][^_]*)_)?"  # anything but "_", and not only digits
_LATE = r"(?:(?P<late>late)_)?"
_UPLOAD = re.compile(
    _NAME + _LATE + r"(?P<user>\d+)_(?P<attachment>\d+)_(?P<file>.+)", re.IGNORECASE | re.DOTALL
)
_TEXT = re.compile(
    _NAME + _LATE + r"(?P<user>\d+)_(?P<file>text\.html|link\.html)", re.IGNORECASE | re.DOTALL
)
_ANONYMOUS = re.compile(
    r"(?P<name>anon_[^\W_]+)(?:_(?P<late>late))?(?:_(?P<attachment>\d+))?"
    r"_(?P<file>.+)",
    re.IGNORECASE | re.DOTALL,
)
_RESUBMITTED = re.compile(r"(?P<stem>.+)-(?P<number>\d+)", re.DOTALL)


@dataclass(frozen=True)
class CanvasFile:
    """One file of a Canvas download, as its name describes it."""

    name: str
    """The squashed sortable name (``""`` under anonymous grading, ``anon_...`` in newer
    Canvas)."""
    user_id: str
    """Canvas's user id (``""`` when anonymous grading hides it)."""
    attachment_id: int
    """Canvas's id of the upload (``-1`` for a text entry or URL): higher is later."""
    filename: str
    """The name the learner's file had (with Canvas's ``-1`` if it renamed it)."""
    late: bool
    anonymous: bool

    @property
    def is_text(self) -> bool:
        """A text entry or a URL typed into Canvas, not a file."""
        return self.attachment_id < 0


def parse(name: str) -> CanvasFile | None:
    """``name`` read as a Canvas download's file name, or ``None`` if it is not one.

    >>> parse("4242_99001_notebook.ipynb")
    CanvasFile(name='', user_id='4242', attachment_id=99001, filename='notebook.ipynb', \
late=False, anonymous=True)
    >>> parse("anon_qb7x3_late_99001_notebook.ipynb").anonymous
    True
    """
    anonymous = _ANONYMOUS.fullmatch(name)
    if anonymous:
        return CanvasFile(
            anonymous["name"],
            "",
            int(anonymous["attachment"] or -1),
            anonymous["file"],
            bool(anonymous["late"]),
            True,
        )
    match = _UPLOAD.fullmatch(name) or _TEXT.fullmatch(name)
    if match is None:
        return None
    who, late = match["name"] or "", bool(match["late"])
    if who.casefold() == "late" and not late:  # "late_<user id>_...": no name, late
        who, late = "", True
    attachment = int(match["attachment"]) if "attachment" in match.re.groupindex else -1
    return CanvasFile(who, match["user"], attachment, match["file"], late, not who)


def without_resubmission(stem: str, notebooks: set[str]) -> tuple[str, int]:
    """A notebook's name without the ``-1``, ``-2`` Canvas added to a resubmission, and
    that number (0 when there is none).  Only a suffix that leaves one of the assignment's
    ``notebooks`` is removed.

    >>> nbs = {"01-platforms-and-planning", "part-2"}
    >>> without_resubmission("01-platforms-and-planning-2", nbs)
    ('01-platforms-and-planning', 2)
    >>> without_resubmission("part-2", nbs), without_resubmission("notes-1", nbs)
    (('part-2', 0), ('notes-1', 0))
    """
    match = _RESUBMITTED.fullmatch(stem)
    if stem in notebooks or match is None or match["stem"] not in notebooks:
        return stem, 0
    return match["stem"], int(match["number"])
