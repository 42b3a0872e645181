"""What grading produces, whichever way it runs: the options, one learner's row, the class's
report, and the tables they print as.

Every part of the grading wing passes these around, and this module imports none of them:
the runners (:mod:`~smm_helpers.grading.serial`, :mod:`~smm_helpers.grading.parallel`,
:mod:`~smm_helpers.grading.cluster`), the per-learner grading
(:mod:`~smm_helpers.grading.grade_learner`) and :func:`~smm_helpers.grading.autograde.autograde`
all import downward from here.  Everything is plain data, picklable, so a worker process or a
Dask worker sends a :class:`GradeRow` back as it is.

>>> row = GradeRow("ar1001", "01-x", 7, 10)
>>> row.status, row.shown_score
('ok', '7 / 10')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from smm_helpers.grading.problems import Problem, printable

DEFAULT_NOTEBOOK_TIMEOUT = 600.0
"""Seconds one notebook may run in all, whatever its cells do (ten minutes)."""


@dataclass(frozen=True)
class GradeOptions:
    """How each submission is graded: time limits and the sandbox (plain data, picklable).

    ``timeout`` is seconds per cell (``None``: the course config's), ``notebook_timeout``
    seconds per notebook; ``sandbox`` is ``"auto"`` (bubblewrap where it works, else
    unisolated with a warning), ``"bwrap"`` (refuse to grade without it) or ``"none"``;
    ``memory_mb`` and ``max_processes`` limit each submission's kernel.
    """

    timeout: float | None = None
    notebook_timeout: float = DEFAULT_NOTEBOOK_TIMEOUT
    sandbox: str = "auto"
    memory_mb: int = 2048
    max_processes: int = 64


@dataclass
class GradeRow:
    """One learner's result for one assignment."""

    learner: str
    assignment: str
    score: float
    max_score: float
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    sandbox: str = "bubblewrap"
    """``bubblewrap``, or ``none`` with the reason (then the summary warns)."""
    pending: float = 0.0
    """Points of cells still waiting for a hand grade (not in ``score`` until graded)."""
    score_text: str = ""
    """The score in words, from :meth:`smm_helpers.grading.scores.Result.text`."""

    @property
    def status(self) -> str:
        return "; ".join(p.kind for p in self.problems) or "ok"

    @property
    def shown_score(self) -> str:
        """``7 / 10``, ``7 auto + 3 pending / 10`` or ``5 / 10 (7 − 2 late penalty)``."""
        return self.score_text or f"{self.score:g} / {self.max_score:g}"


@dataclass
class AutogradeReport:
    """The class's results: rows in roster order, then learners not on the roster."""

    assignment: str
    rows: list[GradeRow] = field(default_factory=list)
    to_review: list[Problem] = field(default_factory=list)
    """Weaker signs of copying (identical written answers or code between two learners):
    for the instructor to look at, listed after the problems, not problems themselves."""

    @property
    def problems(self) -> list[Problem]:
        return [p for row in self.rows for p in row.problems]

    def table(self) -> str:
        """The summary table: score per learner, then each problem on its own line, then
        what is worth a look.

        >>> report = AutogradeReport("01-x", [GradeRow("ar1001", "01-x", 7, 10)],
        ...                          [Problem("possible copying", "01-x", "code in a is "
        ...                                   "identical to bo2002's", "ar1001")])
        >>> print(report.table())
        learner  assignment  score   status
        ar1001   01-x         7 / 10 ok
        <BLANKLINE>
        For you to review (no points were taken):
          · ar1001, 01-x — possible copying: code in a is identical to bo2002's
        """
        text = summary_table(self.rows)
        if self.to_review:
            text += "\n\nFor you to review (no points were taken):\n" + "\n".join(
                f"  · {problem}" for problem in self.to_review
            )
        return text

    def row(self, learner: str) -> GradeRow:
        return next(r for r in self.rows if r.learner == learner)


@dataclass(frozen=True)
class Retry:
    """A learner graded again because their first grading was cut short (nothing lost)."""

    learner: str
    reason: str

    def __str__(self) -> str:
        return printable(f"{self.learner}: {self.reason}")


@dataclass
class ParallelReport(AutogradeReport):
    """An :class:`AutogradeReport` that also lists who was graded again, and why.

    >>> report = ParallelReport("01-x", [GradeRow("ar1001", "01-x", 7, 10)],
    ...                         retries=[Retry("ar1001", "its worker process stopped "
    ...                                        "(killed?); graded again")])
    >>> print(report.table())
    learner  assignment  score   status
    ar1001   01-x         7 / 10 ok
    <BLANKLINE>
    Graded again (nothing was lost):
      ⟳ ar1001: its worker process stopped (killed?); graded again
    """

    retries: list[Retry] = field(default_factory=list)
    workers: int = 1

    def table(self) -> str:
        text = super().table()
        if self.retries:
            text += "\n\nGraded again (nothing was lost):\n" + "\n".join(
                f"  ⟳ {retry}" for retry in self.retries
            )
        return text

    def retried(self) -> set[str]:
        """The learners graded more than once."""
        return {retry.learner for retry in self.retries}


def summary_table(rows: Iterable[GradeRow]) -> str:
    r"""Scores and problems as a plain-text table.

    Learner ids (folder names) and assignment names are shown :func:`printable`, as each
    problem is, so a learner's control characters cannot rewrite the table.

    >>> print(summary_table([GradeRow("ar1001", "01-x", 7, 10, seconds=2.5)]))
    learner  assignment  score   status
    ar1001   01-x         7 / 10 ok
    >>> print(summary_table([GradeRow("ar\x1b[2K\r1001", "01-x", 0, 10,
    ...                               problems=[Problem("failed", "01-x", "a\nb")])]))
    learner             assignment  score   status
    ar\x1b[2K\r1001  01-x         0 / 10 failed
    <BLANKLINE>
    Problems (everyone else was graded):
      ✗ 01-x — failed: a\nb
    """
    rows = list(rows)
    names = {id(r): (printable(r.learner), printable(r.assignment)) for r in rows}
    width = max([len("learner"), *(len(names[id(r)][0]) for r in rows)])
    a_width = max([len("assignment"), *(len(names[id(r)][1]) for r in rows)])
    s_width = max([6, *(len(r.shown_score) for r in rows)])
    lines = [f"{'learner':<{width}}  {'assignment':<{a_width}}  {'score':<{s_width}}  status"]
    for r in rows:
        learner, assignment = names[id(r)]
        lines.append(
            f"{learner:<{width}}  {assignment:<{a_width}}  "
            f"{r.shown_score:>{s_width}}  {printable(r.status)}"
        )
    bare = [r for r in rows if r.sandbox != "bubblewrap"]
    if bare:
        lines.insert(
            0,
            f"⚠ {len(bare)} of {len(rows)} submissions ran WITHOUT a sandbox "
            f"({printable(bare[0].sandbox)}): their code could read and change "
            "your files and use the network. See smm-course doctor.\n",
        )
    problems = [p for r in rows for p in r.problems]
    if problems:
        lines.append("")
        lines.append("Problems (everyone else was graded):")
        lines += [f"  ✗ {p}" for p in problems]
    return "\n".join(lines)


def score_grid(rows: Iterable[GradeRow]) -> str:
    """A class at a glance: one line per learner, one column per assignment.

    A cell is ``score/max``, then ``+N?`` when N more points wait for a hand grade, and
    ``!`` when the autograde summary lists a problem for it.  Columns are headed by the
    assignment's number when every name starts with one, with a legend underneath, so a
    whole course fits a terminal.

    >>> print(score_grid([GradeRow("ar1001", "01-x", 7, 10),
    ...                   GradeRow("ar1001", "02-y", 0, 5,
    ...                            problems=[Problem("missing", "02-y", "no notebook")]),
    ...                   GradeRow("bo2002", "01-x", 10, 10)]))
    learner     01     02
    ar1001    7/10  0/5 !
    bo2002   10/10      —
    01 = 01-x, 02 = 02-y
    >>> print(score_grid([GradeRow("ar1001", "01-x", 7, 10, pending=3)]))
    learner        01
    ar1001   7/10 +3?
    01 = 01-x
    +3? = points waiting for a hand grade (ar1001, 01-x: 7 auto + 3 pending); grade them with \
smm-course hand-grades or the Formgrader
    >>> print(score_grid([GradeRow("ar\\x1b]0;pwned\\x07", "x\\u202ey", 1, 2)]))
    learner                   x\\u202ey
    ar\\x1b]0;pwned\\x07      1/2
    """
    rows = list(rows)
    assignments = sorted({r.assignment for r in rows})
    numbers = [a.split("-", 1)[0] for a in assignments]
    short = all(n.isdigit() for n in numbers) and len(set(numbers)) == len(numbers)
    heads = [printable(h) for h in (numbers if short else assignments)]
    learners = sorted({r.learner for r in rows})
    shown = {learner: printable(learner) for learner in learners}
    cells = {
        (r.learner, r.assignment): f"{r.score:g}/{r.max_score:g}"
        + (f" +{r.pending:g}?" if r.pending else "")
        + (" !" if r.problems else "")
        for r in rows
    }
    width = max([len("learner"), *(len(name) for name in shown.values())])
    widths = [
        max(len(h), *(len(cells.get((lr, a), "—")) for lr in learners))
        for h, a in zip(heads, assignments, strict=True)
    ]
    lines = [
        f"{'learner':<{width}}  "
        + "  ".join(f"{h:>{w}}" for h, w in zip(heads, widths, strict=True))
    ]
    for learner in learners:
        lines.append(
            f"{shown[learner]:<{width}}  "
            + "  ".join(
                f"{cells.get((learner, a), '—'):>{w}}"
                for a, w in zip(assignments, widths, strict=True)
            )
        )
    if short:
        lines.append(
            ", ".join(f"{n} = {printable(a)}" for n, a in zip(numbers, assignments, strict=True))
        )
    waiting = next((r for r in rows if r.pending), None)
    if waiting is not None:
        lines.append(
            f"+{waiting.pending:g}? = points waiting for a hand grade "
            f"({shown[waiting.learner]}, {printable(waiting.assignment)}: "
            f"{waiting.score:g} auto + {waiting.pending:g} pending); grade them with "
            "smm-course hand-grades or the Formgrader"
        )
    return "\n".join(lines)
