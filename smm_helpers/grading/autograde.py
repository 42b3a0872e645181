"""Autograde a class with nbgrader: check the request, choose a runner, run it.

:func:`autograde` is the one entry point (``smm-course autograde`` calls it).  It checks its
arguments and the assignment, gets the gradebook ready
(:func:`~smm_helpers.grading.prepare.prepare`), hands the learners
to one runner — :mod:`~smm_helpers.grading.serial` (one after another, here),
:mod:`~smm_helpers.grading.parallel` (a process pool on this machine) or
:mod:`~smm_helpers.grading.cluster` (a Dask cluster) — then looks for copying
(:func:`flag_copying`) and prints the report.  A problem with one learner is reported and the
rest of the class is still graded.

The grading wing imports one way, each module only from those below it::

    autograde  →  serial · parallel · cluster  (runners)
               →  worker          (one grading process: bounds, retries' failed rows)
               →  grade_learner   (one learner's submission, through nbgrader)
               →  results         (GradeOptions, GradeRow, the reports, their tables)
               →  problems        (Problem, Echo, printable)

``tests/test_grading_layers.py`` fails if an arrow ever points back up.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from smm_helpers.errors import InputError
from smm_helpers.grading.cluster import grade_on_cluster
from smm_helpers.grading.course import Course
from smm_helpers.grading.languages import released_language
from smm_helpers.grading.parallel import check_workers, grade_in_parallel
from smm_helpers.grading.prepare import prepare
from smm_helpers.grading.problems import Echo
from smm_helpers.grading.release import was_released
from smm_helpers.grading.results import DEFAULT_NOTEBOOK_TIMEOUT, AutogradeReport, GradeOptions
from smm_helpers.grading.sandbox import bwrap, launch
from smm_helpers.grading.serial import grade_one_by_one
from smm_helpers.grading.similarity import copying_problems, review, write_similarity_csv


def check_released(course: Course, assignment: str, echo: Echo = print) -> None:
    """Say when an assignment was never released: an error when nothing was collected for
    it either, a warning when something was (an LMS class may hand out notebooks itself)."""
    if was_released(course, assignment):
        return
    submitted = course.path("submitted")
    collected = submitted.is_dir() and any((p / assignment).is_dir() for p in submitted.iterdir())
    if not collected:
        raise InputError(
            f"{assignment} was never released, and nothing was collected for "
            "it, so there is nothing to grade",
            fix=f"release it first (smm-course release {assignment}), then "
            f"collect the learners' work (smm-course collect {assignment})",
        )
    echo(
        f"⚠ {assignment} was never released with smm-course release; grading what was "
        "collected for it"
    )


def flag_copying(course: Course, report: AutogradeReport) -> None:
    """Look for possible copying among everyone graded so far (``similarity.review``) and
    write ``similarity/similarity.csv``.  Strong evidence (an answer equal to another
    learner's own personal answer) is a "possible copying" problem on the learner's row;
    identical written answers or code are listed for review after the problems.  Nothing
    is taken off: it is for the instructor to judge."""
    matches = review(course, report.assignment)
    write_similarity_csv(course, {report.assignment: matches})
    rows = {row.learner: row for row in report.rows}
    strong = [m for m in matches if m.strength == "strong"]
    pairs = {(m.learner, m.other) for m in strong}
    for problem in copying_problems(strong):  # on the learner's row: it needs a look first
        row = rows.get(problem.learner or "")
        if row is not None:
            row.problems.append(problem)
    report.to_review += [
        p
        for p in copying_problems(
            [m for m in matches if m.strength != "strong" and (m.learner, m.other) not in pairs]
        )
        if p.learner in rows
    ]


SHARED_PROCESS_LIMIT = (
    "⚠ As an ordinary user, every sandbox counts against your one process limit, {how}: a "
    "learner's fork bomb could starve the submissions graded beside it. Run as root to give "
    "each sandbox its own user and grade in parallel safely (or pass --workers 1)."
)
"""Said before grading side by side, or instead of it, when sandboxes share a limit."""


def sandboxes_share_a_process_limit(sandbox: str) -> bool:
    """Whether submissions graded at once would share one process limit: bubblewrap sandboxes
    started by an ordinary user (root gives each its own user id; without a sandbox there is
    no such limit to starve, and nothing sandboxed off either)."""
    return (
        sandbox != "none"
        and not launch.is_root()
        and sys.platform.startswith("linux")
        and bwrap.support().available
    )


def autograde(
    course: Course,
    assignment: str,
    *,
    learners: Iterable[str] | None = None,
    timeout: float | None = None,
    notebook_timeout: float = DEFAULT_NOTEBOOK_TIMEOUT,
    options: GradeOptions | None = None,
    echo: Echo = print,
    workers: int | None = None,
    scheduler: str | None = None,
) -> AutogradeReport:
    """Autograde every submission of ``assignment`` (or only ``learners``).

    ``timeout`` (seconds per cell) overrides ``Execute.timeout`` of the course config;
    ``notebook_timeout`` limits each notebook as a whole (see
    ``smm_helpers.grading.grade_learner.NotebookBudget``); ``options`` gives every setting at
    once.  ``workers`` grades that many learners at a time in worker processes (default: one
    per core; 1 grades here, one after another, see ``smm_helpers.grading.serial`` and
    ``smm_helpers.grading.parallel``); ``scheduler`` (``tcp://host:port``) grades on a Dask
    cluster instead (``smm_helpers.grading.cluster``).  Returns the report, in roster order;
    its ``table()`` is what the command prints.
    """
    if options is None:
        options = GradeOptions(timeout=timeout, notebook_timeout=notebook_timeout)
    processes = check_workers(workers)
    check_released(course, assignment, echo)
    released_language(course.folder, assignment)  # a broken languages.csv stops us here
    who = prepare(course, assignment, learners)
    if (
        min(processes, len(who)) > 1
        and scheduler is None
        and sandboxes_share_a_process_limit(options.sandbox)
    ):
        if workers is None:
            processes = 1
        echo(
            SHARED_PROCESS_LIMIT.format(
                how="so they are graded one at a time"
                if workers is None
                else f"and --workers {workers} grades them side by side"
            )
        )
    report: AutogradeReport
    if scheduler is not None:
        report = grade_on_cluster(course, assignment, who, options, scheduler, echo=echo)
    elif min(processes, len(who)) > 1:
        report = grade_in_parallel(
            course, assignment, who, options, workers=min(processes, len(who)), echo=echo
        )
    else:
        report = grade_one_by_one(course, assignment, who, options, echo=echo)
    flag_copying(course, report)
    echo(report.table())
    return report
