"""Problems found while collecting and grading, said in an instructor's words.

>>> print(Problem("late", "01-intro", "submitted 1 day 10 h after the due date", learner="ar1001"))
ar1001, 01-intro — late: submitted 1 day 10 h after the due date
"""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("missing", "corrupted", "empty", "timeout", "kernel died", "late", "wrong filename",
         "unknown learner", "wrong owner", "failed",
         # found by the sandbox (issue 6): what a submission tried, each blocked
         "memory limit", "too many processes", "output cut", "blocked file access",
         "blocked network", "tampered tests", "tampered interpreter", "not sandboxed")


@dataclass(frozen=True)
class Problem:
    """One thing an instructor should know about a submission (the rest still gets graded)."""

    kind: str
    assignment: str
    message: str
    learner: str | None = None

    def __str__(self) -> str:
        who = f"{self.learner}, " if self.learner else ""
        return f"{who}{self.assignment} — {self.kind}: {self.message}"


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
    """A one-line progress bar.

    >>> progress(3, 10, "sample-late")
    '[######..............]  3/10 sample-late'
    """
    filled = round(width * done / total) if total else width
    digits = len(str(total))
    return f"[{'#' * filled}{'.' * (width - filled)}] {done:>{digits + 1}}/{total} {label}"
