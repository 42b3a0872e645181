"""Autograde a class with nbgrader, one learner at a time, and say what went wrong in words.

Each learner is graded by nbgrader's own ``autograde`` (so the gradebook, the formgrader
and manual grades behave exactly as nbgrader documents: a re-run keeps manual grades),
with ``SMM_LEARNER_ID`` set to that learner so their notebook loads their own data.  A
problem with one learner — a missing or corrupted notebook, a wrong file name, a timeout,
a kernel that died — is reported and the rest of the class is still graded.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import sys
import tempfile
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from smm_helpers.grading import history, scores
from smm_helpers.grading.course import Course
from smm_helpers.grading.problems import Problem, duration, progress

Echo = Callable[[str], None]
_TIMEOUT_NAMES = {"CellTimeoutError", "TimeoutError"}


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
                f"  · {problem}" for problem in self.to_review)
        return text

    def row(self, learner: str) -> GradeRow:
        return next(r for r in self.rows if r.learner == learner)


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
    from smm_helpers.grading.problems import printable

    rows = list(rows)
    names = {id(r): (printable(r.learner), printable(r.assignment)) for r in rows}
    width = max([len("learner"), *(len(names[id(r)][0]) for r in rows)])
    a_width = max([len("assignment"), *(len(names[id(r)][1]) for r in rows)])
    s_width = max([6, *(len(r.shown_score) for r in rows)])
    lines = [f"{'learner':<{width}}  {'assignment':<{a_width}}  {'score':<{s_width}}  status"]
    for r in rows:
        learner, assignment = names[id(r)]
        lines.append(f"{learner:<{width}}  {assignment:<{a_width}}  "
                     f"{r.shown_score:>{s_width}}  {printable(r.status)}")
    bare = [r for r in rows if r.sandbox != "bubblewrap"]
    if bare:
        lines.insert(0, f"⚠ {len(bare)} of {len(rows)} submissions ran WITHOUT a sandbox "
                        f"({printable(bare[0].sandbox)}): their code could read and change "
                        "your files and use the network. See smm-course doctor.\n")
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
    from smm_helpers.grading.problems import printable

    rows = list(rows)
    assignments = sorted({r.assignment for r in rows})
    numbers = [a.split("-", 1)[0] for a in assignments]
    short = all(n.isdigit() for n in numbers) and len(set(numbers)) == len(numbers)
    heads = [printable(h) for h in (numbers if short else assignments)]
    learners = sorted({r.learner for r in rows})
    shown = {learner: printable(learner) for learner in learners}
    cells = {(r.learner, r.assignment): f"{r.score:g}/{r.max_score:g}"
             + (f" +{r.pending:g}?" if r.pending else "") + (" !" if r.problems else "")
             for r in rows}
    width = max([len("learner"), *(len(name) for name in shown.values())])
    widths = [max(len(h), *(len(cells.get((lr, a), "—")) for lr in learners))
              for h, a in zip(heads, assignments, strict=True)]
    lines = [f"{'learner':<{width}}  " + "  ".join(
        f"{h:>{w}}" for h, w in zip(heads, widths, strict=True))]
    for learner in learners:
        lines.append(f"{shown[learner]:<{width}}  " + "  ".join(
            f"{cells.get((learner, a), '—'):>{w}}"
            for a, w in zip(assignments, widths, strict=True)))
    if short:
        lines.append(", ".join(f"{n} = {printable(a)}"
                               for n, a in zip(numbers, assignments, strict=True)))
    waiting = next((r for r in rows if r.pending), None)
    if waiting is not None:
        lines.append(f"+{waiting.pending:g}? = points waiting for a hand grade "
                     f"({shown[waiting.learner]}, {printable(waiting.assignment)}: "
                     f"{waiting.score:g} auto + {waiting.pending:g} pending); grade them with "
                     "smm-course hand-grades or the Formgrader")
    return "\n".join(lines)


DEFAULT_NOTEBOOK_TIMEOUT = 600.0
"""Seconds one notebook may run in all, whatever its cells do (ten minutes)."""


class NotebookBudget:
    """A time limit for a whole notebook, given to nbgrader cell by cell.

    nbgrader's ``Execute.timeout`` limits each cell; this object is nbclient's
    ``timeout_func``: before each cell it gives that cell the per-cell limit, or what is
    left of the notebook's budget if that is less (at least 1 s, as nbclient reads 0 as "no
    limit").  So a notebook of many slow cells is stopped too, not only one endless cell.

    >>> now = [100.0]
    >>> budget = NotebookBudget(per_cell=30, per_notebook=45, clock=lambda: now[0])
    >>> budget({"source": "x = 1"})   # the clock starts at the first cell
    30
    >>> now[0] += 40; budget({"source": "y = 2"})   # 5 s of the notebook's 45 left
    5
    >>> now[0] += 60; budget({"source": "z = 3"})   # spent: each later cell stops at once
    1
    """

    def __init__(self, *, per_cell: float | None, per_notebook: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.per_cell = per_cell
        self.per_notebook = per_notebook
        self.clock = clock
        self.deadline: float | None = None

    def __call__(self, cell: Any) -> int:
        now = self.clock()
        if self.deadline is None:
            self.deadline = now + self.per_notebook
        left = max(1, math.ceil(self.deadline - now))
        return int(min(self.per_cell, left)) if self.per_cell else left


def _read_notebook(path: Path, limit: int | None = None) -> tuple[dict[str, Any] | None, str]:
    """A notebook's JSON, or ``None`` and why not (words that follow its name).

    Read without following a link or waiting on a pipe, and only up to ``limit`` bytes
    (default ``safe_files.NOTEBOOK_LIMIT``, 100 MB): a bigger file "is too large".

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.ipynb").write_text('{"cells": []}')
    >>> _read_notebook(folder / "a.ipynb")
    ({'cells': []}, '')
    >>> _read_notebook(folder / "a.ipynb", limit=4)
    (None, 'is too large: over the limit of 4 bytes (it holds 13 bytes)')
    >>> os.mkfifo(folder / "b.ipynb"); _read_notebook(folder / "b.ipynb")
    (None, 'is not a file: a named pipe (FIFO), not a file')
    >>> import shutil; shutil.rmtree(folder)
    """
    from smm_helpers.grading import safe_files

    try:
        raw = safe_files.read_file(path, safe_files.NOTEBOOK_LIMIT if limit is None else limit)
        data = json.loads(raw.decode("utf-8"))
        return (data, "") if isinstance(data, dict) else (None, "is JSON but not a notebook")
    except safe_files.Refused as refused:
        left_out = refused.left_out
        return None, (f"is too large: {left_out.why}" if left_out.kind == "too large"
                      else f"is not a file: {left_out.why}")
    except OSError as error:
        return None, f"could not be read ({error.strerror or error})"
    except UnicodeDecodeError:
        return None, "is not text"
    except json.JSONDecodeError as error:
        return None, f"has broken JSON at line {error.lineno}"
    except (MemoryError, RecursionError):
        return None, "is too large: it holds more than the grader can read"


def _check_files(course: Course, learner: str, assignment: str,
                 expected: list[str]) -> tuple[list[str], list[Problem]]:
    folder = course.path("submitted") / learner / assignment
    problems: list[Problem] = []
    present = sorted(p.stem for p in folder.glob("*.ipynb")) if folder.is_dir() else []
    if not present:
        problems.append(Problem("missing", assignment, "no notebook was submitted (0 points); "
                                "if they sent it another way, collect it with "
                                "smm-course collect --from FOLDER", learner))
        return [], problems
    good = []
    for name in expected:
        if name not in present:
            others = [p for p in present if p not in expected]
            found = ", ".join(f"'{o}.ipynb'" for o in others) or "nothing"
            kind = "wrong filename" if others else "missing"
            problems.append(Problem(kind, assignment, f"expected '{name}.ipynb' but found "
                                    f"{found} (0 points for it); rename the file in "
                                    f"{folder} and run autograde again", learner))
            continue
        notebook, why = _read_notebook(folder / f"{name}.ipynb")
        if notebook is None and (folder / f"{name}.ipynb").stat().st_size == 0:
            problems.append(Problem("empty", assignment, f"'{name}.ipynb' is an empty file "
                                    "(0 bytes), so there is nothing to grade (0 points); "
                                    "ask the learner to save the notebook and resubmit",
                                    learner))
            continue
        if notebook is not None and not notebook.get("cells"):
            problems.append(Problem("empty", assignment, f"'{name}.ipynb' has no cells; its "
                                    "tests were graded against nothing (0 points)", learner))
        if notebook is None:
            problems.append(Problem("corrupted", assignment, f"'{name}.ipynb' {why}, so it "
                                    "can't be opened (0 points); the file is kept — ask the "
                                    "learner to download it again from Jupyter and resubmit",
                                    learner))
            continue
        good.append(name)
    if len(good) == len(expected):
        problems += _extra_notebooks(course, folder, expected, learner, assignment)
    return good, problems


def _extra_notebooks(course: Course, folder: Path, expected: list[str], learner: str,
                     assignment: str) -> list[Problem]:
    """Every notebook of the submission that is not the assignment's (see extra_notebooks)."""
    from smm_helpers.grading.extra_notebooks import extra_notebook_problems
    from smm_helpers.grading.instructor_cells import PlanError, plan_from_source

    plans = {}
    for name in expected:
        source, _ = _read_notebook(course.source_dir / assignment / f"{name}.ipynb")
        try:
            plans[name] = plan_from_source(source or {})
        except PlanError:
            continue
    return extra_notebook_problems(folder, expected, learner, assignment,
                                   read=lambda path: _read_notebook(path)[0], plans=plans)


def _cell_problems(course: Course, learner: str, assignment: str, notebook: str,
                   timeout: float | None) -> list[Problem]:
    path = course.path("autograded") / learner / assignment / f"{notebook}.ipynb"
    data, _ = _read_notebook(path) if path.is_file() else (None, "")
    if data is None:
        return []
    out = []
    for cell in data.get("cells", []):
        names = {o.get("ename") for o in cell.get("outputs", []) if o.get("output_type") ==
                 "error"}
        if names & _TIMEOUT_NAMES:
            grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "?")
            limit = f" after {timeout:g} s" if timeout else ""
            out.append(Problem("timeout", assignment, f"cell '{grade_id}' was stopped{limit} "
                               "(an endless loop?); the cells after it still ran", learner))
    return out


def _failure(result: dict[str, Any], learner: str, assignment: str) -> Problem:
    text = f"{result.get('error') or ''}\n{result.get('log') or ''}"
    if "DeadKernelError" in text or "Kernel died" in text or "kernel died" in text:
        return Problem("kernel died", assignment, "Python crashed while running the notebook "
                       "(too much memory, or code that exits); 0 points until it is fixed — "
                       "the file is kept in submitted/", learner)
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    causes = [line for line in lines if re.match(r"^[\w.]+(Error|Exception|Unavailable):", line)
              and "NbGraderException" not in line]
    last = (causes or lines or ["no details"])[-1]
    return Problem("failed", assignment, f"nbgrader could not grade it: {last[:300]}",
                   learner)


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


def prepare(course: Course, assignment: str,
            learners: Iterable[str] | None = None) -> list[str]:
    """Get the gradebook ready to grade ``assignment``; returns who will be graded, in order.

    The roster's learners and due dates go into the gradebook and the assignment's source is
    generated if it never was.  Learners default to the roster, then anyone else who
    submitted.  Call it once before grading submissions (in parallel or not).
    """
    course.sync_gradebook()
    api = course.api()
    with course.gradebook() as gb:
        if not gb.find_assignment(assignment).notebooks:
            api.generate_assignment(assignment)
    roster = [learner.id for learner in course.roster()]
    submitted_dir = course.path("submitted")
    submitted = sorted(p.name for p in submitted_dir.iterdir()
                       if (p / assignment).is_dir()) if submitted_dir.is_dir() else []
    who = list(learners) if learners is not None else (
        roster + [s for s in submitted if s not in roster])
    from smm_helpers.grading.extensions import apply_extensions

    apply_extensions(course, assignment, who)  # before nbgrader works out lateness
    return who


def check_released(course: Course, assignment: str, echo: Echo = print) -> None:
    """Say when an assignment was never released: an error when nothing was collected for
    it either, a warning when something was (an LMS class may hand out notebooks itself)."""
    from smm_helpers.errors import InputError
    from smm_helpers.grading.release import was_released

    if was_released(course, assignment):
        return
    submitted = course.path("submitted")
    collected = submitted.is_dir() and any((p / assignment).is_dir()
                                           for p in submitted.iterdir())
    if not collected:
        raise InputError(f"{assignment} was never released, and nothing was collected for "
                         "it, so there is nothing to grade",
                         fix=f"release it first (smm-course release {assignment}), then "
                             f"collect the learners' work (smm-course collect {assignment})")
    echo(f"⚠ {assignment} was never released with smm-course release; grading what was "
         "collected for it")


def grade_submission(course: Course, assignment: str, learner: str,
                     options: GradeOptions = GradeOptions()) -> GradeRow:
    """Autograde one learner's submission of ``assignment`` and return their row.

    Runs nbgrader's own ``autograde`` for that learner (so the gradebook, manual grades and
    the formgrader behave as nbgrader documents), with ``SMM_LEARNER_ID`` set to them.  Call
    :func:`prepare` first.  Problems (a missing or broken notebook, a timeout, ...) are in
    the row; nothing is raised for a learner's mistake.  A notebook, output or answer too
    big to grade within the grading process's memory ceiling (``MemoryError``) fails only
    this learner, as "too large".
    """
    from smm_helpers.grading.sandbox import scratch

    start = time.perf_counter()
    sandbox = "bubblewrap"
    try:
        expected = course.notebooks(assignment)
        roster = [r.id for r in course.roster()]
        limit = options.timeout if options.timeout is not None else (
            course.config.get("Execute", {}).get("timeout"))
        api = course.api()
        api.config.Execute.timeout = int(limit) if limit else None
        good, problems = _check_files(course, learner, assignment, expected)
        for index, problem in enumerate(problems):  # _read_notebook's "too large"
            if problem.kind == "corrupted" and "' is too large: " in problem.message:
                problems[index] = Problem(
                    "too large", assignment, problem.message.split(", so it can't")[0]
                    + "; it was not graded (0 points) — the file is kept in submitted/; ask "
                    "the learner to clear its outputs (Edit → Clear Outputs of All Cells), "
                    "save it and submit again", learner)
        if learner not in roster:
            problems.insert(0, Problem("unknown learner", assignment, "has a submission but "
                                       "is not on the roster; graded anyway — add them to "
                                       f"{course.roster_file.name} if they are in the class",
                                       learner))
        before = history.archive(course, assignment, learner)  # None: nothing graded yet
        with scratch.scratch_folder(tempfile.gettempdir()) as reports, _passing_over(
                api, _not_files(course.path("submitted") / learner / assignment)):
            _configure_sandbox(api, options, str(reports))
            for notebook in good if len(good) < len(expected) else (["*"] if good else []):
                ran = _run_nbgrader(api, assignment, learner, notebook,
                                    NotebookBudget(per_cell=limit,
                                                   per_notebook=options.notebook_timeout))
                if not ran["success"]:
                    text = f"{ran.get('error') or ''}\n{ran.get('log') or ''}"
                    if re.search(r"^MemoryError\b", text, re.MULTILINE):  # the grader's own
                        raise MemoryError(notebook)
                    problems.append(_failure(ran, learner, assignment))
            _forget_prints(course, assignment, learner)
            for notebook in good:
                found, sandbox = _sandbox_findings(reports / f"{notebook}.json", sandbox,
                                                   keep=_prints_keeper(course, assignment,
                                                                       learner, notebook))
                problems += [Problem(kind, assignment, f"{notebook}: {message}", learner)
                             for kind, message in found]
        for notebook in good:
            problems += _cell_problems(course, learner, assignment, notebook, limit)
            problems += _attempts(course, learner, assignment, notebook)
        if good:
            problems += _hand_grades_kept(course, assignment, learner, before)
        _record_submission(course, assignment, learner)
        result = scores.result(course, assignment, learner)
    except MemoryError:
        try:
            import resource

            ceiling = resource.getrlimit(resource.RLIMIT_DATA)[0]
        except (ImportError, ValueError, OSError):
            ceiling = -1
        words = f" ({ceiling // 2**20:,} MB)" if ceiling > 0 else ""
        try:
            kept = scores.result(course, assignment, learner)
            score, max_score = kept.final, kept.max_score
        except Exception:
            score = max_score = 0.0
        return GradeRow(learner, assignment, score, max_score, [Problem(
            "too large", assignment, "grading it needed more memory than a grading process "
            f"may use{words}: its notebook, an output or an answer is too large; it was not "
            "graded (the file is kept in submitted/, the gradebook keeps its earlier score)",
            learner)], time.perf_counter() - start, sandbox)
    if result.late:
        problems.append(_late(result, assignment, learner))
    return GradeRow(learner, assignment, result.final, result.max_score, _unique(problems),
                    time.perf_counter() - start, sandbox, pending=result.pending,
                    score_text=result.text())


def _late(result: scores.Result, assignment: str, learner: str) -> Problem:
    """The "late" problem: how late, against which due date, and what the penalty took.

    >>> print(_late(scores.Result(True, points=7, max_score=10, penalty=7,
    ...                           late_seconds=90_000), "01-x", "ar1001").message)
    submitted 1 day 1 h after the due date; nbgrader's late penalty took off 7 points
    >>> import datetime as dt
    >>> print(_late(scores.Result(True, points=7, max_score=10, late_seconds=60,
    ...                           extension=dt.timedelta(days=2)), "01-x", "ar1001").message)
    submitted 1 min after the due date with its extension of 2 days; graded as usual: no \
late penalty is set (LateSubmissionPlugin.penalty_method in nbgrader_config.py)
    """
    due = "the due date"
    if result.extension:
        due += f" with its extension of {duration(result.extension.total_seconds())}"
    if result.taken_off:
        what = f"nbgrader's late penalty took off {result.taken_off:g} points"
    else:
        what = ("graded as usual: no late penalty is set (LateSubmissionPlugin."
                "penalty_method in nbgrader_config.py)")
    return Problem("late", assignment, f"submitted {duration(result.late_seconds)} after "
                   f"{due}; {what}", learner)


def _hand_grades_kept(course: Course, assignment: str, learner: str,
                      before: Path | None) -> list[Problem]:
    """Hand grades of answers the learner did not change stay graded (nbgrader marks every
    hand-graded cell "needs grading" again on a re-autograde); a changed answer is named."""
    from smm_helpers.grading.hand_grades import keep_unchanged_hand_grades

    changed = keep_unchanged_hand_grades(course, assignment, learner, before)
    if not changed:
        return []
    return [Problem("hand grading", assignment, "the answer to " + ", ".join(
        f"'{grade_id}'" for grade_id in changed) + " changed since it was graded by hand, so "
        "it needs grading again (smm-course hand-grades or the Formgrader); the earlier "
        "grade is kept in history/", learner)]


def _record_submission(course: Course, assignment: str, learner: str) -> None:
    """A learner who handed in a notebook (even a broken or misnamed one) has a submission in
    the gradebook, with its time, so exports show 0 points, not "missing"."""
    from smm_helpers.grading.collect import stated_time

    folder = course.path("submitted") / learner / assignment
    if not folder.is_dir() or not any(name.endswith(".ipynb") for _, _, names in
                                      os.walk(folder) for name in names):
        return  # no notebook at all: "missing", not a submission that earned 0
    stated = stated_time(folder)
    stamp = {"timestamp": stated} if stated is not None else {}
    graded = course.path("autograded") / learner / assignment
    with course.gradebook() as gb, warnings.catch_warnings():
        # nbgrader 0.9 trips SQLAlchemy's autoflush warning on every new submission
        warnings.filterwarnings("ignore", message=".*not in session.*")
        gb.update_or_create_student(learner)
        submission = gb.update_or_create_submission(assignment, learner, **stamp)
        for notebook in submission.notebooks:
            if (graded / f"{notebook.name}.ipynb").is_file():
                continue
            for grade in notebook.grades:  # no notebook by that name: nothing to grade by hand
                if grade.auto_score is None and grade.manual_score is None:
                    grade.auto_score, grade.needs_manual_grade = 0.0, False
        gb.db.commit()


def _not_files(folder: Path) -> list[str]:
    """Globs of the entries of a submitted folder that are neither files nor folders (links,
    pipes, devices): nbgrader's own copy of a submission's other files would follow a link
    or wait forever on a pipe.  The sandbox leaves them out too, and says so.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "data.csv").write_text("a,b")
    >>> os.mkfifo(folder / "pipe[1]"); os.symlink("/etc/passwd", folder / "passwd")
    >>> sorted(_not_files(folder))
    ['passwd', 'pipe[[]1]']
    >>> import shutil; shutil.rmtree(folder)
    """
    import glob
    import stat

    found: list[str] = []
    for top, folders, files in os.walk(folder):
        for name in [*folders, *files]:
            mode = os.lstat(os.path.join(top, name)).st_mode
            if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                found.append(glob.escape(name))
    return found


@contextlib.contextmanager
def _passing_over(api: Any, globs: list[str]) -> Iterator[None]:
    """nbgrader leaves out files matching ``globs`` (its ``CourseDirectory.ignore``) here."""
    before = list(api.coursedir.ignore)
    api.coursedir.ignore = before + globs
    try:
        yield
    finally:
        api.coursedir.ignore = before


def _unique(problems: list[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))


_AUTOGRADE_STEPS = [
    "smm_helpers.grading.sandbox.execute.SandboxedExecute",
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata",
]
_SANITIZE_STEPS = [
    "nbgrader.preprocessors.ClearOutput",
    "nbgrader.preprocessors.OverwriteKernelspec",
    # In place of nbgrader's DeduplicateIds and OverwriteCells: the notebook graded is made
    # from the instructor's cells, whatever the submission's ids, order and metadata say.
    "smm_helpers.grading.sandbox.rebuild.RebuildFromInstructor",
    "nbgrader.preprocessors.CheckCellMetadata",
]


def _configure_sandbox(api: Any, options: GradeOptions, reports: str) -> None:
    """nbgrader's autograde steps with its ``Execute`` replaced by the sandboxed one."""
    api.config.Autograde.sanitize_preprocessors = list(_SANITIZE_STEPS)
    api.config.Autograde.autograde_preprocessors = list(_AUTOGRADE_STEPS)
    api.config.SandboxedExecute.sandbox = options.sandbox
    api.config.SandboxedExecute.memory_mb = options.memory_mb
    api.config.SandboxedExecute.max_processes = options.max_processes
    api.config.SandboxedExecute.report_dir = reports


def _run_nbgrader(api: Any, assignment: str, learner: str, notebook: str,
                  budget: NotebookBudget) -> dict[str, Any]:
    previous = os.environ.get("SMM_LEARNER_ID")
    os.environ["SMM_LEARNER_ID"] = learner  # the trusted test runner computes their data
    old_notebook_id = api.coursedir.notebook_id
    api.coursedir.notebook_id = notebook
    api.config.Execute.timeout_func = budget
    try:
        with warnings.catch_warnings():
            # nbgrader 0.9's gradebook trips SQLAlchemy's autoflush warning on every new
            # submission; it is nbgrader's own and harmless.
            warnings.filterwarnings("ignore", message=".*not in session.*")
            return dict(api.autograde(assignment, learner, force=True, create=True))
    finally:
        api.coursedir.notebook_id = old_notebook_id
        if previous is None:
            os.environ.pop("SMM_LEARNER_ID", None)
        else:
            os.environ["SMM_LEARNER_ID"] = previous


def _sandbox_findings(report: Path, sandbox: str,
                      keep: Callable[[dict[str, Any]], None] | None = None
                      ) -> tuple[list[tuple[str, str]], str]:
    """The problems the sandbox wrote for one notebook, and how it was isolated; ``keep``
    is given the whole report (its answers' fingerprints are kept for spotting copying)."""
    if not report.is_file():
        return [], sandbox
    data = json.loads(report.read_text(encoding="utf-8"))
    if keep is not None:
        keep(data)
    found = [(p["kind"], p["message"]) for p in data.get("problems", [])]
    found += [("tampered interpreter", f"an answer could not be read: {u}")
              for u in data.get("unreadable", [])]
    isolated = data.get("sandbox") == "bubblewrap"
    return found, sandbox if isolated else f"none: {data.get('why', '')}"


def _prints_keeper(course: Course, assignment: str, learner: str,
                   notebook: str) -> Callable[[dict[str, Any]], None]:
    """Keeps a graded notebook's fingerprints (``similarity.save_prints``); a failure to keep
    them loses only the copying check for this notebook, never the grade."""
    def keep(report: dict[str, Any]) -> None:
        from smm_helpers.grading.similarity import save_prints

        try:
            save_prints(course, assignment, learner, notebook, report)
        except (OSError, ValueError) as error:
            warnings.warn(f"the copying check could not keep {learner}'s {notebook}: "
                          f"{error}", stacklevel=2)
    return keep


def _forget_prints(course: Course, assignment: str, learner: str) -> None:
    from smm_helpers.grading.similarity import forget_prints

    with contextlib.suppress(OSError, ValueError):
        forget_prints(course, assignment, learner)


def flag_copying(course: Course, report: AutogradeReport) -> None:
    """Look for possible copying among everyone graded so far (``similarity.review``) and
    write ``similarity/similarity.csv``.  Strong evidence (an answer equal to another
    learner's own personal answer) is a "possible copying" problem on the learner's row;
    identical written answers or code are listed for review after the problems.  Nothing
    is taken off: it is for the instructor to judge."""
    from smm_helpers.grading.similarity import copying_problems, review, write_similarity_csv

    matches = review(course, report.assignment)
    write_similarity_csv(course, {report.assignment: matches})
    rows = {row.learner: row for row in report.rows}
    strong = [m for m in matches if m.strength == "strong"]
    pairs = {(m.learner, m.other) for m in strong}
    for problem in copying_problems(strong):  # on the learner's row: it needs a look first
        row = rows.get(problem.learner or "")
        if row is not None:
            row.problems.append(problem)
    report.to_review += [p for p in copying_problems(
        [m for m in matches if m.strength != "strong" and (m.learner, m.other) not in pairs])
        if p.learner in rows]


def _attempts(course: Course, learner: str, assignment: str,
              notebook: str) -> list[Problem]:
    """What the submitted notebook tried against the grader: what grading put right
    (``instructor_cells``) and what its code reached for (``sandbox.tampering``)."""
    from smm_helpers.grading.instructor_cells import PlanError, plan_from_source, rebuild
    from smm_helpers.grading.sandbox.tampering import scan_code

    submitted, _ = _read_notebook(course.path("submitted") / learner / assignment /
                                  f"{notebook}.ipynb")
    source, _ = _read_notebook(course.source_dir / assignment / f"{notebook}.ipynb")
    if submitted is None or source is None:
        return []
    try:
        rebuilt = rebuild(submitted, plan_from_source(source))
    except PlanError:
        return []  # the grading itself already failed with the reason
    found = rebuilt.findings + scan_code(rebuilt.learner_code)
    return [Problem(kind, assignment, f"{notebook}: {message} — it gained nothing",
                    learner) for kind, message in found]


_OPEN_COURSES: dict[str, Course] = {}
_ONE_AT_A_TIME = threading.Lock()


def grade_task(course_folder: str, assignment: str, learner: str,
               options: GradeOptions = GradeOptions()) -> GradeRow:
    """:func:`grade_submission` for a worker process: takes the course folder, not a Course.

    Each process opens a course folder once and keeps it (nbgrader's API is slow to make).
    Arguments and result are plain, picklable data, so a process pool or a Dask cluster can
    run it.  A process grades one submission at a time, even when it runs tasks in threads
    (as Dask workers do): grading sets the learner's id in the environment and gives the
    sandbox a user id per process.
    """
    from smm_helpers.grading.course import open_course

    with _ONE_AT_A_TIME:
        course = _OPEN_COURSES.get(course_folder)
        if course is None:
            course = _OPEN_COURSES[course_folder] = open_course(course_folder)
        return grade_submission(course, assignment, learner, options)


SHARED_PROCESS_LIMIT = (
    "⚠ As an ordinary user, every sandbox counts against your one process limit, {how}: a "
    "learner's fork bomb could starve the submissions graded beside it. Run as root to give "
    "each sandbox its own user and grade in parallel safely (or pass --workers 1).")
"""Said before grading side by side, or instead of it, when sandboxes share a limit."""


def sandboxes_share_a_process_limit(sandbox: str) -> bool:
    """Whether submissions graded at once would share one process limit: bubblewrap sandboxes
    started by an ordinary user (root gives each its own user id; without a sandbox there is
    no such limit to starve, and nothing sandboxed off either)."""
    from smm_helpers.grading.sandbox.bwrap import support
    from smm_helpers.grading.sandbox.launch import is_root

    return sandbox != "none" and not is_root() and sys.platform.startswith("linux") \
        and support().available


def autograde(course: Course, assignment: str, *, learners: Iterable[str] | None = None,
              timeout: float | None = None,
              notebook_timeout: float = DEFAULT_NOTEBOOK_TIMEOUT,
              options: GradeOptions | None = None,
              echo: Echo = print, workers: int | None = None,
              scheduler: str | None = None) -> AutogradeReport:
    """Autograde every submission of ``assignment`` (or only ``learners``).

    ``timeout`` (seconds per cell) overrides ``Execute.timeout`` of the course config;
    ``notebook_timeout`` limits each notebook as a whole (see ``NotebookBudget``);
    ``options`` gives every setting at once.  ``workers`` grades that many learners at a
    time in worker processes (default: one per core; 1 grades here, one after another, see
    ``smm_helpers.grading.parallel``); ``scheduler`` (``tcp://host:port``) grades on a Dask
    cluster instead (``smm_helpers.grading.cluster``).  Returns the report, in roster order;
    its ``table()`` is what the command prints.
    """
    from smm_helpers.grading.languages import released_language
    from smm_helpers.grading.parallel import check_workers

    if options is None:
        options = GradeOptions(timeout=timeout, notebook_timeout=notebook_timeout)
    processes = check_workers(workers)
    check_released(course, assignment, echo)
    released_language(course.folder, assignment)  # a broken languages.csv stops us here
    who = prepare(course, assignment, learners)
    if min(processes, len(who)) > 1 and scheduler is None \
            and sandboxes_share_a_process_limit(options.sandbox):
        if workers is None:
            processes = 1
        echo(SHARED_PROCESS_LIMIT.format(
            how="so they are graded one at a time" if workers is None else
            f"and --workers {workers} grades them side by side"))
    if scheduler is not None:
        from smm_helpers.grading.cluster import grade_on_cluster

        report: AutogradeReport = grade_on_cluster(course, assignment, who, options,
                                                   scheduler, echo=echo)
    elif min(processes, len(who)) > 1:
        from smm_helpers.grading.parallel import grade_in_parallel

        report = grade_in_parallel(course, assignment, who, options,
                                   workers=min(processes, len(who)), echo=echo)
    else:
        report = AutogradeReport(assignment)
        for index, learner in enumerate(who, start=1):
            echo(progress(index - 1, len(who), f"grading {learner} ..."))
            report.rows.append(grade_submission(course, assignment, learner, options))
        echo(progress(len(who), len(who), "done"))
    flag_copying(course, report)
    echo(report.table())
    return report
