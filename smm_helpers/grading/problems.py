"""Problems found while collecting and grading, said in an instructor's words.

>>> print(Problem("late", "01-intro", "submitted 1 day 10 h after the due date", learner="ar1001"))
ar1001, 01-intro — late: submitted 1 day 10 h after the due date

File names, learner ids and error messages come from learners; :func:`printable` shows their
control characters as escapes wherever they reach the terminal or a log, so a submission
cannot recolour, rewrite or add lines to what the instructor reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

Echo = Callable[[str], None]
"""How a grading command says something to the instructor: ``print``, or a test's
``list.append``.  Defined here, the lowest module of the grading wing (it imports
nothing of SMM Lab), so every other module can take it without a new import."""

KINDS = (
    "missing",
    "corrupted",
    "empty",
    "timeout",
    "kernel died",
    "late",
    "wrong filename",
    "unknown learner",
    "wrong owner",
    "failed",
    # found by the sandbox (issue 6): what a submission tried, each blocked
    "memory limit",
    "too many processes",
    "output cut",
    "blocked file access",
    "blocked network",
    "tampered tests",
    "tampered interpreter",
    "not sandboxed",
    "too large",
    # an instructor's real class (issue 14)
    "extra notebook",
    "timestamp",
    "older submission",
    "not released",
    "hand grading",
    "possible copying",
    "not on roster",
)

_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
"""C0 and C1 controls (ESC, CR, BS, BEL, NUL, DEL, newline, tab, ...), the bidi overrides
and isolates, and the Unicode line and paragraph separators."""
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def printable(text: object) -> str:
    r"""``text`` safe for a terminal: control characters and bidi overrides shown escaped.

    Everything else stays as it is, Bengali with its zero-width (non-)joiners included.
    Apply it when showing a string a learner controls; keep the raw value in data.

    >>> print(printable("ar1001\x1b[2J\x1b]0;owned\x07 done\rfake\bX"))
    ar1001\x1b[2J\x1b]0;owned\x07 done\rfake\x08X
    >>> print(printable("line one\n  ✗ forged line\u202etxt.exe"))
    line one\n  ✗ forged line\u202etxt.exe
    >>> printable("বাংলা র\u200d্যাব \u200cক") == "বাংলা র\u200d্যাব \u200cক"
    True
    >>> print(printable("nul\x00 del\x7f c1\x9b tab\t"))
    nul\x00 del\x7f c1\x9b tab\t
    """
    return _UNPRINTABLE.sub(_escape, str(text))


@dataclass(frozen=True)
class Problem:
    """One thing an instructor should know about a submission (the rest still gets graded)."""

    kind: str
    assignment: str
    message: str
    learner: str | None = None

    def __str__(self) -> str:
        r"""One line, whatever the learner put in their file names or output.

        >>> print(Problem("failed", "01-x", "bad\x1b[31m\nline", learner="ar\r1001"))
        ar\r1001, 01-x — failed: bad\x1b[31m\nline
        """
        who = f"{printable(self.learner)}, " if self.learner else ""
        return (
            f"{who}{printable(self.assignment)} — {printable(self.kind)}: {printable(self.message)}"
        )


def duration(seconds: float) -> str:
    """A lateness in words.

    >>> duration(122_760)
    '1 day 10 h 6 min'
    >>> duration(90)
    '1 min 30 s'
    """
    seconds = round(seconds)
    days, rest = divmod(seconds, 86_400)
    hours, rest = divmod(rest, 3_600)
    minutes, secs = divmod(rest, 60)
    parts = []
    if days:
        parts.append(f"{days} day{'s' if days != 1 else ''}")
    if hours:
        parts.append(f"{hours} h")
    if minutes:
        parts.append(f"{minutes} min")
    if secs and not days and not hours:
        parts.append(f"{secs} s")
    return " ".join(parts) or "0 s"


def progress(done: int, total: int, label: str, width: int = 20) -> str:
    r"""A one-line progress bar (its label shown :func:`printable`).

    >>> progress(3, 10, "sample-late")
    '[######..............]  3/10 sample-late'
    >>> print(progress(1, 2, "grading ar1001\r[####################] 2/2 done"))
    [##########..........] 1/2 grading ar1001\r[####################] 2/2 done
    """
    filled = round(width * done / total) if total else width
    digits = len(str(total))
    return (
        f"[{'#' * filled}{'.' * (width - filled)}] {done:>{digits + 1}}/{total} {printable(label)}"
    )


MARKS = {"ok": "✓", "warn": "⚠", "fail": "✗"}
"""How each status of a :class:`Check` is printed."""


@dataclass(frozen=True)
class Check:
    """One line of a report (``smm-course validate``, ``doctor``, extensions): ``status`` is
    ``"ok"``, ``"warn"`` or ``"fail"``.

    >>> print(Check("fail", "no roster", fix="add roster.csv"))
    ✗ no roster — add roster.csv
    """

    status: str
    message: str
    fix: str = ""

    def __str__(self) -> str:
        fix = f" — {self.fix}" if self.fix and self.status != "ok" else ""
        return f"{MARKS[self.status]} {self.message}{fix}"
