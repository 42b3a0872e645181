"""Grade one learner's submission with nbgrader, and say what went wrong in words.

:func:`grade_submission` runs nbgrader's own ``autograde`` for one learner (so the gradebook,
the formgrader and manual grades behave exactly as nbgrader documents: a re-run keeps manual
grades), with ``SMM_LEARNER_ID`` set to that learner so their notebook loads their own data,
through SMM Lab's sandbox.  A problem with the submission — a missing or corrupted notebook, a
wrong file name, a timeout, a kernel that died, a late hand-in — is a
:class:`~smm_helpers.grading.problems.Problem` in the returned
:class:`~smm_helpers.grading.results.GradeRow`, never an exception.

It knows nothing of how it is scheduled: the runners (one after another, a process pool, a
Dask cluster) call it, and it imports none of them.
"""

from __future__ import annotations

import contextlib
import glob
import json
import math
import os
import re
import stat
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from smm_helpers.grading import history, safe_files, scores
from smm_helpers.grading.collect import stated_time
from smm_helpers.grading.course import Course
from smm_helpers.grading.extra_notebooks import extra_notebook_problems
from smm_helpers.grading.hand_grades import keep_unchanged_hand_grades
from smm_helpers.grading.instructor_cells import PlanError, plan_from_source, rebuild
from smm_helpers.grading.problems import Problem, duration
from smm_helpers.grading.results import GradeOptions, GradeRow
from smm_helpers.grading.sandbox import scratch
from smm_helpers.grading.sandbox.tampering import scan_code
from smm_helpers.grading.similarity import forget_prints, save_prints

_TIMEOUT_NAMES = {"CellTimeoutError", "TimeoutError"}


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

    def __init__(
        self,
        *,
        per_cell: float | None,
        per_notebook: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
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
    try:
        raw = safe_files.read_file(path, safe_files.NOTEBOOK_LIMIT if limit is None else limit)
        data = json.loads(raw.decode("utf-8"))
        return (data, "") if isinstance(data, dict) else (None, "is JSON but not a notebook")
    except safe_files.Refused as refused:
        left_out = refused.left_out
        return None, (
            f"is too large: {left_out.why}"
            if left_out.kind == "too large"
            else f"is not a file: {left_out.why}"
        )
    except OSError as error:
        return None, f"could not be read ({error.strerror or error})"
    except UnicodeDecodeError:
        return None, "is not text"
    except json.JSONDecodeError as error:
        return None, f"has broken JSON at line {error.lineno}"
    except (MemoryError, RecursionError):
        return None, "is too large: it holds more than the grader can read"


def _check_files(
    course: Course, learner: str, assignment: str, expected: list[str]
) -> tuple[list[str], list[Problem]]:
    folder = course.path("submitted") / learner / assignment
    problems: list[Problem] = []
    present = sorted(p.stem for p in folder.glob("*.ipynb")) if folder.is_dir() else []
    if not present:
        problems.append(
            Problem(
                "missing",
                assignment,
                "no notebook was submitted (0 points); "
                "if they sent it another way, collect it with "
                "smm-course collect --from FOLDER",
                learner,
            )
        )
        return [], problems
    good = []
    for name in expected:
        if name not in present:
            others = [p for p in present if p not in expected]
            found = ", ".join(f"'{o}.ipynb'" for o in others) or "nothing"
            kind = "wrong filename" if others else "missing"
            problems.append(
                Problem(
                    kind,
                    assignment,
                    f"expected '{name}.ipynb' but found "
                    f"{found} (0 points for it); rename the file in "
                    f"{folder} and run autograde again",
                    learner,
                )
            )
            continue
        notebook, why = _read_notebook(folder / f"{name}.ipynb")
        if notebook is None and (folder / f"{name}.ipynb").stat().st_size == 0:
            problems.append(
                Problem(
                    "empty",
                    assignment,
                    f"'{name}.ipynb' is an empty file "
                    "(0 bytes), so there is nothing to grade (0 points); "
                    "ask the learner to save the notebook and resubmit",
                    learner,
                )
            )
            continue
        if notebook is not None and not notebook.get("cells"):
            problems.append(
                Problem(
                    "empty",
                    assignment,
                    f"'{name}.ipynb' has no cells; its "
                    "tests were graded against nothing (0 points)",
                    learner,
                )
            )
        if notebook is None:
            problems.append(
                Problem(
                    "corrupted",
                    assignment,
                    f"'{name}.ipynb' {why}, so it "
                    "can't be opened (0 points); the file is kept — ask the "
                    "learner to download it again from Jupyter and resubmit",
                    learner,
                )
            )
            continue
        good.append(name)
    if len(good) == len(expected):
        problems += _extra_notebooks(course, folder, expected, learner, assignment)
    return good, problems


def _extra_notebooks(
    course: Course, folder: Path, expected: list[str], learner: str, assignment: str
) -> list[Problem]:
    """Every notebook of the submission that is not the assignment's (see extra_notebooks)."""
    plans = {}
    for name in expected:
        source, _ = _read_notebook(course.source_dir / assignment / f"{name}.ipynb")
        try:
            plans[name] = plan_from_source(source or {})
        except PlanError:
            continue
    return extra_notebook_problems(
        folder,
        expected,
        learner,
        assignment,
        read=lambda path: _read_notebook(path)[0],
        plans=plans,
    )


def _cell_problems(
    course: Course, learner: str, assignment: str, notebook: str, timeout: float | None
) -> list[Problem]:
    path = course.path("autograded") / learner / assignment / f"{notebook}.ipynb"
    data, _ = _read_notebook(path) if path.is_file() else (None, "")
    if data is None:
        return []
    out = []
    for cell in data.get("cells", []):
        names = {o.get("ename") for o in cell.get("outputs", []) if o.get("output_type") == "error"}
        if names & _TIMEOUT_NAMES:
            grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "?")
            limit = f" after {timeout:g} s" if timeout else ""
            out.append(
                Problem(
                    "timeout",
                    assignment,
                    f"cell '{grade_id}' was stopped{limit} "
                    "(an endless loop?); the cells after it still ran",
                    learner,
                )
            )
    return out


def _failure(result: dict[str, Any], learner: str, assignment: str) -> Problem:
    text = f"{result.get('error') or ''}\n{result.get('log') or ''}"
    if "DeadKernelError" in text or "Kernel died" in text or "kernel died" in text:
        return Problem(
            "kernel died",
            assignment,
            "Python crashed while running the notebook "
            "(too much memory, or code that exits); 0 points until it is fixed — "
            "the file is kept in submitted/",
            learner,
        )
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    causes = [
        line
        for line in lines
        if re.match(r"^[\w.]+(Error|Exception|Unavailable):", line)
        and "NbGraderException" not in line
    ]
    last = (causes or lines or ["no details"])[-1]
    return Problem("failed", assignment, f"nbgrader could not grade it: {last[:300]}", learner)


_DEFAULT_OPTIONS = GradeOptions()
"""The options of a grading that names none (frozen: safe to share)."""


def grade_submission(
    course: Course, assignment: str, learner: str, options: GradeOptions = _DEFAULT_OPTIONS
) -> GradeRow:
    """Autograde one learner's submission of ``assignment`` and return their row.

    Runs nbgrader's own ``autograde`` for that learner (so the gradebook, manual grades and
    the formgrader behave as nbgrader documents), with ``SMM_LEARNER_ID`` set to them.  Call
    :func:`prepare` first.  Problems (a missing or broken notebook, a timeout, ...) are in
    the row; nothing is raised for a learner's mistake.  A notebook, output or answer too
    big to grade within the grading process's memory ceiling (``MemoryError``) fails only
    this learner, as "too large".
    """
    start = time.perf_counter()
    sandbox = "bubblewrap"
    try:
        expected = course.notebooks(assignment)
        roster = [r.id for r in course.roster()]
        limit = (
            options.timeout
            if options.timeout is not None
            else (course.config.get("Execute", {}).get("timeout"))
        )
        api = course.api()
        api.config.Execute.timeout = int(limit) if limit else None
        good, problems = _check_files(course, learner, assignment, expected)
        for index, problem in enumerate(problems):  # _read_notebook's "too large"
            if problem.kind == "corrupted" and "' is too large: " in problem.message:
                problems[index] = Problem(
                    "too large",
                    assignment,
                    problem.message.split(", so it can't")[0]
                    + "; it was not graded (0 points) — the file is kept in submitted/; ask "
                    "the learner to clear its outputs (Edit → Clear Outputs of All Cells), "
                    "save it and submit again",
                    learner,
                )
        if learner not in roster:
            problems.insert(
                0,
                Problem(
                    "unknown learner",
                    assignment,
                    "has a submission but "
                    "is not on the roster; graded anyway — add them to "
                    f"{course.roster_file.name} if they are in the class",
                    learner,
                ),
            )
        before = history.archive(course, assignment, learner)  # None: nothing graded yet
        with (
            scratch.scratch_folder(tempfile.gettempdir()) as reports,
            _passing_over(api, _not_files(course.path("submitted") / learner / assignment)),
        ):
            _configure_sandbox(api, options, str(reports))
            for notebook in good if len(good) < len(expected) else (["*"] if good else []):
                ran = _run_nbgrader(
                    api,
                    assignment,
                    learner,
                    notebook,
                    NotebookBudget(per_cell=limit, per_notebook=options.notebook_timeout),
                )
                if not ran["success"]:
                    text = f"{ran.get('error') or ''}\n{ran.get('log') or ''}"
                    if re.search(r"^MemoryError\b", text, re.MULTILINE):  # the grader's own
                        raise MemoryError(notebook)
                    problems.append(_failure(ran, learner, assignment))
            _forget_prints(course, assignment, learner)
            for notebook in good:
                found, sandbox = _sandbox_findings(
                    reports / f"{notebook}.json",
                    sandbox,
                    keep=_prints_keeper(course, assignment, learner, notebook),
                )
                problems += [
                    Problem(kind, assignment, f"{notebook}: {message}", learner)
                    for kind, message in found
                ]
        for notebook in good:
            problems += _cell_problems(course, learner, assignment, notebook, limit)
            problems += _attempts(course, learner, assignment, notebook)
        if good:
            problems += _hand_grades_kept(course, assignment, learner, before)
        _record_submission(course, assignment, learner)
        result = scores.result(course, assignment, learner)
    except MemoryError:
        try:
            import resource  # optional: Unix only

            ceiling = resource.getrlimit(resource.RLIMIT_DATA)[0]
        except (ImportError, ValueError, OSError):
            ceiling = -1
        words = f" ({ceiling // 2**20:,} MB)" if ceiling > 0 else ""
        try:
            kept = scores.result(course, assignment, learner)
            score, max_score = kept.final, kept.max_score
        except Exception:
            score = max_score = 0.0
        return GradeRow(
            learner,
            assignment,
            score,
            max_score,
            [
                Problem(
                    "too large",
                    assignment,
                    "grading it needed more memory than a grading process "
                    f"may use{words}: its notebook, an output or an answer is too large; it was "
                    f"not "
                    "graded (the file is kept in submitted/, the gradebook keeps its earlier "
                    "score)",
                    learner,
                )
            ],
            time.perf_counter() - start,
            sandbox,
        )
    if result.late:
        problems.append(_late(result, assignment, learner))
    return GradeRow(
        learner,
        assignment,
        result.final,
        result.max_score,
        _unique(problems),
        time.perf_counter() - start,
        sandbox,
        pending=result.pending,
        score_text=result.text(),
    )


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
        what = (
            "graded as usual: no late penalty is set (LateSubmissionPlugin."
            "penalty_method in nbgrader_config.py)"
        )
    return Problem(
        "late",
        assignment,
        f"submitted {duration(result.late_seconds)} after {due}; {what}",
        learner,
    )


def _hand_grades_kept(
    course: Course, assignment: str, learner: str, before: Path | None
) -> list[Problem]:
    """Hand grades of answers the learner did not change stay graded (nbgrader marks every
    hand-graded cell "needs grading" again on a re-autograde); a changed answer is named."""
    changed = keep_unchanged_hand_grades(course, assignment, learner, before)
    if not changed:
        return []
    return [
        Problem(
            "hand grading",
            assignment,
            "the answer to "
            + ", ".join(f"'{grade_id}'" for grade_id in changed)
            + " changed since it was graded by hand, so "
            "it needs grading again (smm-course hand-grades or the Formgrader); the earlier "
            "grade is kept in history/",
            learner,
        )
    ]


def _record_submission(course: Course, assignment: str, learner: str) -> None:
    """A learner who handed in a notebook (even a broken or misnamed one) has a submission in
    the gradebook, with its time, so exports show 0 points, not "missing"."""
    folder = course.path("submitted") / learner / assignment
    if not folder.is_dir() or not any(
        name.endswith(".ipynb") for _, _, names in os.walk(folder) for name in names
    ):
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


def _run_nbgrader(
    api: Any, assignment: str, learner: str, notebook: str, budget: NotebookBudget
) -> dict[str, Any]:
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


def _sandbox_findings(
    report: Path, sandbox: str, keep: Callable[[dict[str, Any]], None] | None = None
) -> tuple[list[tuple[str, str]], str]:
    """The problems the sandbox wrote for one notebook, and how it was isolated; ``keep``
    is given the whole report (its answers' fingerprints are kept for spotting copying)."""
    if not report.is_file():
        return [], sandbox
    data = json.loads(report.read_text(encoding="utf-8"))
    if keep is not None:
        keep(data)
    found = [(p["kind"], p["message"]) for p in data.get("problems", [])]
    found += [
        ("tampered interpreter", f"an answer could not be read: {u}")
        for u in data.get("unreadable", [])
    ]
    isolated = data.get("sandbox") == "bubblewrap"
    return found, sandbox if isolated else f"none: {data.get('why', '')}"


def _prints_keeper(
    course: Course, assignment: str, learner: str, notebook: str
) -> Callable[[dict[str, Any]], None]:
    """Keeps a graded notebook's fingerprints (``similarity.save_prints``); a failure to keep
    them loses only the copying check for this notebook, never the grade."""

    def keep(report: dict[str, Any]) -> None:
        try:
            save_prints(course, assignment, learner, notebook, report)
        except (OSError, ValueError) as error:
            warnings.warn(
                f"the copying check could not keep {learner}'s {notebook}: {error}", stacklevel=2
            )

    return keep


def _forget_prints(course: Course, assignment: str, learner: str) -> None:
    with contextlib.suppress(OSError, ValueError):
        forget_prints(course, assignment, learner)


def _attempts(course: Course, learner: str, assignment: str, notebook: str) -> list[Problem]:
    """What the submitted notebook tried against the grader: what grading put right
    (``instructor_cells``) and what its code reached for (``sandbox.tampering``)."""
    submitted, _ = _read_notebook(
        course.path("submitted") / learner / assignment / f"{notebook}.ipynb"
    )
    source, _ = _read_notebook(course.source_dir / assignment / f"{notebook}.ipynb")
    if submitted is None or source is None:
        return []
    try:
        rebuilt = rebuild(submitted, plan_from_source(source))
    except PlanError:
        return []  # the grading itself already failed with the reason
    found = rebuilt.findings + scan_code(rebuilt.learner_code)
    return [
        Problem(kind, assignment, f"{notebook}: {message} — it gained nothing", learner)
        for kind, message in found
    ]
