"""Check an assignment before releasing it: ``smm-course validate [ASSIGNMENT]``.

Four kinds of checks, each printed as one ✓ / ✗ line an instructor can act on:

- **structure** (fast, nothing runs): unique and descriptive ``grade_id``\\ s, points above 0,
  a hidden-tests block in every autograded test cell, and a rubric
  ``<course>/rubrics/<assignment>.md`` naming each hand-graded cell, whose points add up;
- **the solutions pass**: the SOURCE notebook, run top to bottom on a fresh kernel as a
  roster learner (``SMM_LEARNER_ID``), passes every graded test cell;
- **no free points**: the RELEASED copy (nbgrader's ``ClearSolutions`` and
  ``ClearHiddenTests``, as ``generate_assignment`` applies them) fails every autograded
  test cell, so no learner gets points for an empty answer;
- **the grader agrees**: the SOURCE notebooks, handed in as that learner's submission and
  graded by ``smm-course autograde`` itself (sandbox and trusted test runner, in a scratch
  copy of the course), earn every autograded point.  A test can pass in the notebook yet
  fail there: tests run in the grader, where names the read-only cells define keep the
  instructor's values (docs/sandbox.md).

Notebooks run in a temporary copy of the assignment folder; nothing in the course changes.
The source and the released copy run at the same time on two kernels, then the source is
graded.

>>> print(Check("ok", "every graded cell has points above 0"))
✓ every graded cell has points above 0
>>> print(Check("fail", "cell 'q1' is not descriptive", fix="rename it, e.g. 'reach_rate'"))
✗ cell 'q1' is not descriptive — rename it, e.g. 'reach_rate'
"""

from __future__ import annotations

import asyncio
import builtins
import copy
import os
import re
import shutil
import tempfile
import threading
import time
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from smm_helpers.grading.course import Course, open_course
from smm_helpers.grading.grade_learner import grade_submission
from smm_helpers.grading.instructor_cells import PlanError, nbgrader_meta, plan_from_source, role
from smm_helpers.grading.instructor_cells import unknown_test_names as _unknown_test_names
from smm_helpers.grading.prepare import prepare
from smm_helpers.grading.problems import Check, Echo
from smm_helpers.grading.progress import ProgressBar
from smm_helpers.grading.results import GradeOptions

DESCRIPTIVE_ID = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$")
"""At least two lower-case words joined by ``_``, e.g. ``engagement_rate_by_reach``."""

UNDESCRIPTIVE_ID = re.compile(
    r"^(?:q|question|ex|exercise|problem|part|cell|test)[_-]?\d", re.IGNORECASE
)
"""Names that say where a cell is, not what it grades (``q3``, ``cell-1a2b``, ``part_2``)."""

HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS\n(?P<body>.*?)### END HIDDEN TESTS", re.DOTALL)
RUBRIC_ROW = re.compile(r"^\|\s*(\d+(?:\.\d+)?)\s*\|", re.MULTILINE)
ANSI = re.compile(r"\x1b\[[0-9;]*m")
DEFAULT_LEARNER = "smm-validate"
"""The learner id notebooks run as when the roster cannot be read."""


@dataclass
class ValidationReport:
    """What :func:`validate_assignment` found.

    ``free_points`` are the grade_ids of autograded test cells that pass in the released copy
    (a learner would get their points without answering); ``failing_with_solution`` those
    that fail even with the solutions.

    >>> report = ValidationReport("01-x", [Check("ok", "fine"), Check("fail", "broken")])
    >>> report.ok, [str(c) for c in report.failures]
    (False, ['✗ broken'])
    >>> print(report.text())
    Assignment 01-x: 1 problem
      ✓ fine
      ✗ broken
    """

    assignment: str
    checks: list[Check] = field(default_factory=list)
    free_points: list[str] = field(default_factory=list)
    failing_with_solution: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failures(self) -> list[Check]:
        return [c for c in self.checks if c.status == "fail"]

    @property
    def ok(self) -> bool:
        return not self.failures

    def text(self) -> str:
        n = len(self.failures)
        verdict = "ready to release" if not n else f"{n} problem{'s' if n != 1 else ''}"
        return "\n".join(
            [f"Assignment {self.assignment}: {verdict}", *(f"  {c}" for c in self.checks)]
        )


# ----------------------------------------------------------------------------- cells
def is_autograded_test(cell: Any) -> bool:
    """A code cell of tests that nbgrader grades automatically (grade, not solution).

    >>> is_autograded_test({"cell_type": "code", "metadata": {"nbgrader": {
    ...     "grade_id": "a_test", "grade": True}}})
    True
    """
    return role(cell) == "test"


def is_manually_graded(cell: Any) -> bool:
    """An answer or task graded by hand (grade and solution, or a task).

    >>> is_manually_graded({"cell_type": "markdown", "metadata": {"nbgrader": {
    ...     "grade_id": "a_b", "grade": True, "solution": True}}})
    True
    """
    return role(cell) in ("written", "task")


def is_descriptive(grade_id: str) -> bool:
    """Does a grade_id say what it grades?

    >>> is_descriptive("engagement_rate_by_reach"), is_descriptive("q3"), is_descriptive("reach")
    (True, False, False)
    """
    return bool(DESCRIPTIVE_ID.match(grade_id)) and not UNDESCRIPTIVE_ID.match(grade_id)


def rubric_points(text: str) -> float:
    """The points of a rubric: the sum of the first column of table rows that hold a number.

    >>> rubric_points("| Points | Criterion |\\n|---|---|\\n| 1 | a |\\n| 2 | b |\\nText | 9 |")
    3.0
    """
    return sum(float(m.group(1)) for m in RUBRIC_ROW.finditer(text))


def _names(items: Iterable[str]) -> str:
    return ", ".join(f"'{i}'" for i in items)


def _points(cells: Iterable[Any]) -> float:
    return sum(float(nbgrader_meta(c).get("points") or 0) for c in cells)


def _read(path: Path) -> Any:
    import nbformat  # heavy: loaded on first use

    with warnings.catch_warnings():  # nbformat warns about (and mends) missing cell ids
        warnings.simplefilter("ignore")
        return nbformat.read(path, as_version=4)


# ----------------------------------------------------------------------------- structure
def structure_checks(course: Course, assignment: str) -> list[Check]:
    """The checks that need no kernel: grade_ids, points, hidden tests, rubric.

    :func:`validate_assignment` starts with these; ``smm-course doctor`` runs them on
    every assignment.
    """
    checks: list[Check] = []
    notebooks: dict[str, Any] = {}
    for name in course.notebooks(assignment):
        path = course.source_dir / assignment / f"{name}.ipynb"
        try:
            notebooks[name] = _read(path)
        except Exception as error:  # broken JSON, not a notebook, unreadable
            checks.append(
                Check(
                    "fail",
                    f"{path.name} cannot be opened as a notebook "
                    f"({type(error).__name__}: {str(error)[:120]})",
                    fix="restore it from version control or re-save it in JupyterLab",
                )
            )
    cells = [(name, c) for name, nb in notebooks.items() for c in nb.cells]
    graded = [
        (n, c) for n, c in cells if nbgrader_meta(c).get("grade") or nbgrader_meta(c).get("task")
    ]
    if notebooks and not graded:
        checks.append(
            Check(
                "fail",
                "no cell is graded, so the assignment is worth 0 points",
                fix="mark answers and tests in JupyterLab's nbgrader Create Assignment panel",
            )
        )
        return checks
    checks += _nbgrader_metadata_checks(notebooks)
    checks.append(_unique_ids(cells))
    checks.append(_descriptive_ids(graded))
    checks.append(_positive_points(graded))
    checks.append(_hidden_tests([c for _, c in cells if is_autograded_test(c)]))
    checks.append(_names_tests_read(notebooks))
    checks.append(_rubric(course, assignment, [c for _, c in cells if is_manually_graded(c)]))
    return checks


def _nbgrader_metadata_checks(notebooks: dict[str, Any]) -> list[Check]:
    # heavy: loaded on first use
    from nbgrader.nbgraderformat import MetadataValidator, ValidationError

    validator = MetadataValidator()
    out = []
    for name, nb in notebooks.items():
        try:
            validator.validate_nb(copy.deepcopy(nb))
        except (ValidationError, ValueError) as error:
            out.append(
                Check(
                    "fail",
                    f"nbgrader rejects the cell metadata of {name}.ipynb: {error}",
                    fix="fix the cell in JupyterLab's Create Assignment panel",
                )
            )
    return out


def _unique_ids(cells: list[tuple[str, Any]]) -> Check:
    seen: dict[str, list[str]] = {}
    for notebook, cell in cells:
        grade_id = nbgrader_meta(cell).get("grade_id")
        if grade_id:
            seen.setdefault(str(grade_id), []).append(notebook)
    repeated = {g: n for g, n in seen.items() if len(n) > 1}
    if repeated:
        return Check(
            "fail",
            "these grade_ids are used by more than one cell: " + _names(repeated),
            fix="give every nbgrader cell its own grade_id (the gradebook keeps one grade per id)",
        )
    return Check("ok", f"all {len(seen)} nbgrader cells have their own grade_id")


def _descriptive_ids(graded: list[tuple[str, Any]]) -> Check:
    vague = [
        str(nbgrader_meta(c).get("grade_id"))
        for _, c in graded
        if not is_descriptive(str(nbgrader_meta(c).get("grade_id", "")))
    ]
    if vague:
        return Check(
            "fail",
            f"these grade_ids don't say what they grade: {_names(vague)}",
            fix="name each like 'engagement_rate_by_reach' (words joined by _); "
            "instructors and the difficulty report see these names",
        )
    return Check("ok", "every graded cell's grade_id says what it grades")


def _positive_points(graded: list[tuple[str, Any]]) -> Check:
    zero = [
        str(nbgrader_meta(c).get("grade_id"))
        for _, c in graded
        if float(nbgrader_meta(c).get("points") or 0) <= 0
    ]
    if zero:
        return Check(
            "fail",
            f"these graded cells are worth 0 points: {_names(zero)}",
            fix="give each its points in the Create Assignment panel, or make it an ungraded cell",
        )
    return Check(
        "ok",
        f"all {len(graded)} graded cells have points ({_points(c for _, c in graded):g} in total)",
    )


def _hidden_tests(tests: list[Any]) -> Check:
    if not tests:
        return Check("warn", "no cell is graded automatically (only by hand)")
    missing = [
        str(nbgrader_meta(c).get("grade_id"))
        for c in tests
        if not ((m := HIDDEN.search(c.source)) and m.group("body").strip())
    ]
    if missing:
        return Check(
            "fail",
            f"these autograded test cells have no hidden tests: {_names(missing)}",
            fix="add a ### BEGIN HIDDEN TESTS ... ### END "
            "HIDDEN TESTS block that checks the answer against the learner's own "
            "data, so an answer that only fits the visible checks does not pass",
        )
    return Check("ok", f"all {len(tests)} autograded test cells have hidden tests")


def _names_tests_read(notebooks: dict[str, Any]) -> Check:
    """Every name a test reads must come from the instructor's setup, an earlier test or the
    instructor's own solution: the grader asks a learner for nothing else (docs/sandbox.md)."""
    unknown: list[str] = []
    for name, nb in notebooks.items():
        try:
            plan = plan_from_source(nb)
        except PlanError as error:
            return Check("fail", f"{name}.ipynb: {error}")
        unknown += [
            f"{test} reads {', '.join(names)}"
            for test, names in _unknown_test_names(plan, dir(builtins)).items()
        ]
    if unknown:
        return Check(
            "fail",
            "the grader cannot give these tests the names they read: " + "; ".join(unknown),
            fix="define them in a read-only cell or in the "
            "test itself; a test only reads from the learner the names its "
            "solution cells define",
        )
    return Check(
        "ok", "every name a test reads comes from a read-only cell, an earlier test or a solution"
    )


def _rubric(course: Course, assignment: str, manual: list[Any]) -> Check:
    if not manual:
        return Check("ok", "no answer is graded by hand, so no rubric is needed")
    path = course.rubrics_dir / f"{assignment}.md"
    ids = [str(nbgrader_meta(c).get("grade_id")) for c in manual]
    where = f"rubrics/{assignment}.md"
    if not path.is_file():
        return Check(
            "fail",
            f"no rubric for the hand-graded {_names(ids)}: {where} is missing",
            fix=f"write {where} with a table whose first column is the points of each row",
        )
    text = path.read_text(encoding="utf-8")
    unnamed = [i for i in ids if i not in text]
    if unnamed:
        return Check(
            "fail",
            f"{where} does not name the cell it grades: {_names(unnamed)}",
            fix="put each hand-graded cell's grade_id in the rubric's heading",
        )
    total, found = _points(manual), rubric_points(text)
    if found != total:
        return Check(
            "fail",
            f"{where} adds up to {found:g} points but the hand-graded cells are worth {total:g}",
            fix="make the rubric rows and the cells' points agree",
        )
    return Check("ok", f"{where} covers the hand-graded {_names(ids)} ({total:g} points)")


# ----------------------------------------------------------------------------- running
@dataclass
class _Run:
    label: str
    notebook: Any
    error: str = ""  # the run itself failed (kernel died, could not start)
    seconds: float = 0.0


def cell_error(cell: Any) -> str | None:
    """The last line of a cell's error output (its exception and message), or ``None``.

    >>> cell_error({"outputs": [{"output_type": "error", "ename": "AssertionError",
    ...                          "evalue": "rate too high", "traceback": []}]})
    'AssertionError: rate too high'
    >>> cell_error({"outputs": []}) is None
    True
    """
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            text = ANSI.sub("", f"{output.get('ename')}: {output.get('evalue')}")
            first = text.strip().splitlines()[:1] or ["error"]
            return first[0][:200]
    return None


def released_copy(notebook: Any, config: Any = None) -> Any:
    """The student version of a source notebook, as ``nbgrader generate_assignment`` makes it
    (solutions replaced by the course's code stub, hidden tests and outputs removed)."""
    # heavy: loaded on first use
    from nbgrader.preprocessors import ClearHiddenTests, ClearOutput, ClearSolutions

    nb = copy.deepcopy(notebook)
    resources: dict[str, Any] = {}
    kwargs = {"config": config} if config is not None else {}
    for step in (ClearSolutions(**kwargs), ClearHiddenTests(**kwargs), ClearOutput(**kwargs)):
        nb, resources = step.preprocess(nb, resources)
    return nb


def run_notebooks(
    notebooks: list[tuple[str, Any]], folder: Path, learner: str, timeout: float
) -> list[_Run]:
    """Run each notebook on its own fresh kernel, at the same time, in a temporary copy of
    ``folder``, as ``learner``; errors stay in the cells' outputs."""
    runs = [_Run(label, copy.deepcopy(nb)) for label, nb in notebooks]
    env = {k: v for k, v in os.environ.items() if k != "JUPYTERHUB_USER"}
    env["SMM_LEARNER_ID"] = learner
    with tempfile.TemporaryDirectory(prefix="smm-validate-") as scratch:

        async def one(index: int, run: _Run) -> None:
            from nbclient import NotebookClient  # heavy: loaded on first use

            work = Path(scratch) / str(index)
            shutil.copytree(
                folder,
                work,
                ignore=shutil.ignore_patterns("*.ipynb", ".ipynb_checkpoints", "__pycache__"),
            )
            client = NotebookClient(
                run.notebook,
                timeout=int(timeout),
                kernel_name="python3",
                allow_errors=True,
                interrupt_on_timeout=True,
                resources={"metadata": {"path": str(work)}},
            )
            started = time.perf_counter()
            try:
                with (Path(scratch) / f"kernel-{index}.log").open("w") as log:
                    await client.async_execute(env=env, stderr=log)
            except Exception as error:  # dead kernel, no kernel, timeout without interrupt
                run.error = f"{type(error).__name__}: {str(error).strip()[:200]}"
            run.seconds = time.perf_counter() - started

        async def all_runs() -> None:
            await asyncio.gather(*(one(i, r) for i, r in enumerate(runs)))

        try:
            asyncio.get_running_loop()
        except RuntimeError:
            asyncio.run(all_runs())
        else:  # called from a notebook: run in a thread with its own event loop
            thread = threading.Thread(target=asyncio.run, args=(all_runs(),))
            thread.start()
            thread.join()
    return runs


def _first_roster_learner(course: Course) -> str:
    try:
        learners = course.roster()
    except Exception:  # doctor explains roster problems; here any id will do
        return DEFAULT_LEARNER
    return learners[0].id if learners else DEFAULT_LEARNER


def _course_timeout(course: Course) -> float:
    for section in ("Execute", "ExecutePreprocessor"):
        value = course.config.get(section, {}).get("timeout")
        if isinstance(value, int | float) and value > 0:
            return float(value)
    return 60.0


def _source_checks(report: ValidationReport, run: _Run, learner: str) -> None:
    name = run.label
    if run.error:
        report.checks.append(
            Check(
                "fail",
                f"{name}.ipynb with solutions could not finish as learner {learner}: {run.error}",
                fix="open it in JupyterLab and run all cells",
            )
        )
        return
    cells = run.notebook.cells
    tests = [c for c in cells if is_autograded_test(c)]
    other = [
        (i, c)
        for i, c in enumerate(cells)
        if c.cell_type == "code" and not is_autograded_test(c) and cell_error(c)
    ]
    if other:
        index, cell = other[0]
        where = nbgrader_meta(cell).get("grade_id") or f"number {index + 1}"
        report.checks.append(
            Check(
                "fail",
                f"{name}.ipynb with solutions stops with an error "
                f"in cell {where}: {cell_error(cell)}",
                fix=f"fix the solution (or setup) so it runs as learner {learner}",
            )
        )
    else:
        report.checks.append(
            Check(
                "ok",
                f"{name}.ipynb with solutions runs top to bottom as "
                f"learner {learner} ({run.seconds:.1f} s)",
            )
        )
    failing = [c for c in tests if cell_error(c)]
    report.failing_with_solution += [str(nbgrader_meta(c)["grade_id"]) for c in failing]
    for cell in failing:
        meta = nbgrader_meta(cell)
        report.checks.append(
            Check(
                "fail",
                f"test cell '{meta['grade_id']}' fails even with the "
                f"solution, so no one can earn its {meta.get('points', 0):g} "
                f"points: {cell_error(cell)}",
                fix="fix the solution or the test",
            )
        )
    if tests and not failing:
        report.checks.append(
            Check("ok", f"all {len(tests)} autograded test cells pass with the solutions")
        )


def _released_checks(report: ValidationReport, run: _Run, learner: str) -> None:
    name = run.label
    if run.error:
        report.checks.append(
            Check(
                "fail",
                f"the student version of {name}.ipynb could not "
                f"finish as learner {learner}: {run.error}",
                fix="make sure the setup cells run without solutions",
            )
        )
        return
    tests = [c for c in run.notebook.cells if is_autograded_test(c)]
    passing = [c for c in tests if not cell_error(c)]
    report.free_points += [str(nbgrader_meta(c)["grade_id"]) for c in passing]
    for cell in passing:
        meta = nbgrader_meta(cell)
        report.checks.append(
            Check(
                "fail",
                f"test cell '{meta['grade_id']}' passes in the "
                "student version with no answer written: every learner "
                f"would get its {meta.get('points', 0):g} points for free",
                fix="add a visible check that the unanswered stub fails "
                "(e.g. check the answer's type)",
            )
        )
    if tests and not passing:
        report.checks.append(
            Check(
                "ok",
                f"in the student version, all {len(tests)} autograded "
                "test cells fail until answered (no free points)",
            )
        )


@dataclass(frozen=True)
class GradedCell:
    """One autograded test cell of the solutions, as the grader scored it."""

    notebook: str
    grade_id: str
    score: float
    max_score: float
    error: str | None


def grade_solutions(
    course: Course, assignment: str, learner: str, timeout: float
) -> list[GradedCell]:
    """Grade the source notebooks as ``learner``'s submission, as autograde grades them.

    Everything happens in a scratch copy of the course (its settings, roster and due dates,
    and this assignment's source), on a scratch gradebook, so nothing in the course changes.
    """
    # heavy: loads jinja2, markupsafe, nbclient on first use
    from smm_helpers.grading.demo import RUNTIME

    with tempfile.TemporaryDirectory(prefix="smm-validate-grade-") as scratch:
        root = Path(scratch)
        shutil.copytree(
            course.folder,
            root / "course",
            ignore=shutil.ignore_patterns(*RUNTIME, ".ipynb_checkpoints"),
        )
        own_files = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
        shutil.copytree(
            course.source_dir / assignment, root / "source" / assignment, ignore=own_files
        )
        shutil.copytree(
            course.source_dir / assignment,
            root / "course" / "submitted" / learner / assignment,
            ignore=own_files,
        )
        graded = open_course(
            root / "course",
            {
                "CourseDirectory": {
                    "root": str(root / "course"),
                    "source_directory": str(root / "source"),
                    "db_url": f"sqlite:///{root / 'course' / 'gradebook.db'}",
                },
                "Exchange": {"root": str(root / "exchange")},
            },
        )
        prepare(graded, assignment, [learner])
        grade_submission(graded, assignment, learner, GradeOptions(timeout=timeout))
        cells = []
        with graded.gradebook() as gb:
            for notebook in gb.find_submission(assignment, learner).notebooks:
                path = graded.path("autograded") / learner / assignment / f"{notebook.name}.ipynb"
                outputs = (
                    {nbgrader_meta(c).get("grade_id"): c for c in _read(path).cells}
                    if path.is_file()
                    else {}
                )
                for grade in notebook.grades:
                    if grade.cell.cell_type != "code" or grade.auto_score is None:
                        continue
                    cell = outputs.get(grade.name)
                    cells.append(
                        GradedCell(
                            notebook.name,
                            grade.name,
                            float(grade.score),
                            float(grade.max_score),
                            cell_error(cell) if cell is not None else None,
                        )
                    )
    return cells


def _grader_checks(
    report: ValidationReport, course: Course, assignment: str, learner: str, timeout: float
) -> None:
    try:
        cells = grade_solutions(course, assignment, learner, timeout)
    except Exception as error:  # the roster, the gradebook, nbgrader itself
        report.checks.append(
            Check(
                "fail",
                f"the solutions could not be graded as learner "
                f"{learner}'s submission: {type(error).__name__}: "
                f"{' '.join(str(error).split())[:300]}",
                fix="run smm-course doctor",
            )
        )
        return
    short = [c for c in cells if c.score < c.max_score]
    report.failing_with_solution += [c.grade_id for c in short]
    for cell in short:
        report.checks.append(
            Check(
                "fail",
                f"test cell '{cell.grade_id}' passes when {cell.notebook}.ipynb runs, but "
                f"the grader gives the solution {cell.score:g} of its {cell.max_score:g} points: "
                f"{cell.error or 'no error shown'}",
                fix="tests run in the grader, where names the read-only cells define keep the "
                "instructor's values and every other name is read from the learner's kernel "
                "as plain data (docs/sandbox.md); make the test check the learner's own "
                "answer",
            )
        )
    if cells and not short:
        total = sum(c.max_score for c in cells)
        report.checks.append(
            Check(
                "ok",
                f"graded by smm-course autograde as learner "
                f"{learner}'s submission, the solutions earn all "
                f"{total:g} autograded points",
            )
        )


def validate_assignment(
    course: Course,
    assignment: str,
    *,
    learner: str | None = None,
    timeout: float | None = None,
    run: bool = True,
) -> ValidationReport:
    """Check ``assignment`` is ready to release (see the module docstring).

    ``learner`` is the id notebooks run as (default: the roster's first learner);
    ``timeout`` the seconds a cell may run (default: the course config's); ``run=False``
    checks the structure only, without a kernel.
    """
    started = time.perf_counter()
    report = ValidationReport(assignment, structure_checks(course, assignment))
    if run:
        learner = learner or _first_roster_learner(course)
        folder = course.source_dir / assignment
        jobs: list[tuple[str, Any]] = []
        solutions_run = True  # so far: every notebook read, released, its solutions ran
        for name in course.notebooks(assignment):
            try:
                source = _read(folder / f"{name}.ipynb")
            except Exception:
                solutions_run = False
                continue  # already reported by structure_checks
            try:
                released = released_copy(source, course.config)
            except Exception as error:  # e.g. BEGIN SOLUTION without END SOLUTION
                report.checks.append(
                    Check(
                        "fail",
                        f"nbgrader cannot make the student version of {name}.ipynb: {error}",
                        fix="every ### BEGIN SOLUTION needs its ### END "
                        "SOLUTION, inside a solution cell",
                    )
                )
                jobs.append((f"source:{name}", source))
                solutions_run = False
                continue
            leftovers = [
                m
                for m in ("BEGIN SOLUTION", "BEGIN HIDDEN TESTS")
                if any(m in c.source for c in released.cells)
            ]
            if leftovers:
                report.checks.append(
                    Check(
                        "fail",
                        f"the student version of {name}.ipynb still shows '### {leftovers[0]}'",
                        fix="put that block inside a cell nbgrader "
                        "marks as a solution or test cell",
                    )
                )
            jobs += [(f"source:{name}", source), (f"released:{name}", released)]
        runs = run_notebooks(jobs, folder, learner, timeout or _course_timeout(course))
        for job in runs:
            kind, _, job.label = job.label.partition(":")
            (_source_checks if kind == "source" else _released_checks)(report, job, learner)
            if kind == "source":
                solutions_run &= not job.error and not any(
                    cell_error(c) for c in job.notebook.cells if c.cell_type == "code"
                )
        if solutions_run:  # else the grader's verdict adds nothing until those are fixed
            _grader_checks(report, course, assignment, learner, timeout or _course_timeout(course))
    report.seconds = time.perf_counter() - started
    return report


def validate(
    course: Course, assignments: Iterable[str] | None = None, *, echo: Echo = print, **options: Any
) -> list[ValidationReport]:
    """Validate ``assignments`` (default: every assignment of the course), printing each."""
    names = list(assignments) if assignments is not None else course.assignments()
    reports = []
    bar = ProgressBar(len(names), echo) if len(names) > 1 else None
    for index, name in enumerate(names):
        if bar is not None:
            bar.update(index, f"validating {name} ...")
        report = validate_assignment(course, name, **options)
        for line in report.text().splitlines() if bar is not None else [report.text()]:
            bar.note(line) if bar is not None else echo(line)
        reports.append(report)
    if bar is not None:
        bar.finish()
    if len(reports) > 1:
        bad = [r.assignment for r in reports if not r.ok]
        echo(
            f"{len(reports) - len(bad)} of {len(reports)} assignments are ready to release"
            + (f"; fix {', '.join(bad)}" if bad else "")
        )
    return reports
