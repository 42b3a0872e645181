"""One grading process, whichever runner started it (a process pool or a Dask worker).

:func:`grade_one` is the task a runner hands out: plain, picklable arguments in, a plain
:class:`~smm_helpers.grading.results.GradeRow` out.  It opens the course folder once per
process and calls :func:`~smm_helpers.grading.grade_learner.grade_submission`, one learner
at a time.  Beside it, what both runners need to keep a grading process bounded and
isolated: the gradebook URL with SQLite's busy timeout (:func:`worker_db_url`), the memory
ceiling (:func:`worker_memory_mb`, :func:`limit_memory`), the import path without learners'
folders (:func:`trusted_path`), the deadline after which a grading is taken for stuck
(:func:`grading_deadline`), and the row of a learner whose grading never finished
(:func:`failed_row`).

>>> worker_db_url("sqlite:////srv/course/gradebook.db")
'sqlite:////srv/course/gradebook.db?timeout=60'
>>> worker_db_url("postgresql+psycopg://grader@db.example.org/smm")
'postgresql+psycopg://grader@db.example.org/smm'
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from smm_helpers.grading.course import Course, ensure_tools_on_path, open_course
from smm_helpers.grading.grade_learner import grade_submission
from smm_helpers.grading.problems import Problem
from smm_helpers.grading.results import DEFAULT_NOTEBOOK_TIMEOUT, GradeOptions, GradeRow

SQLITE_BUSY_SECONDS = 60
"""How long a worker waits for another worker's gradebook write before giving up."""

WORKER_MEMORY_MB = 4096
"""Each grading process's memory ceiling, in MB (at least; see :func:`worker_memory_mb`).

Measured on the sample class (assignment 01, all ten outcomes, two workers): a worker's
private memory (``VmData``) peaks at about 260 MB, its resident memory at 180 MB; the
ceiling leaves a margin of more than ten times that, and covers reading the largest
notebook accepted (100 MB) and the largest reply a 2048 MB kernel can send."""

GRADING_OVERHEAD = 600.0
"""Seconds allowed per notebook, beyond its time limit, for starting its kernel, running
its tests and nbgrader's own work, before a grading is taken for stuck."""


def worker_db_url(db_url: str, busy_seconds: float = SQLITE_BUSY_SECONDS) -> str:
    """The gradebook URL a worker uses: for SQLite, with a busy timeout; others unchanged.

    nbgrader opens the gradebook with ``create_engine(db_url)`` and no other options, so
    the URL is the one place to give SQLite's driver its ``timeout`` (seconds a write waits
    for another connection's lock; Python's default is 5).  A timeout already in the URL is
    kept.

    >>> worker_db_url("sqlite:///gradebook.db?timeout=5")
    'sqlite:///gradebook.db?timeout=5'
    >>> worker_db_url("sqlite:////c/gradebook.db?uri=true&mode=rw", busy_seconds=30)
    'sqlite:////c/gradebook.db?uri=true&mode=rw&timeout=30'
    """
    if not db_url.startswith("sqlite"):
        return db_url
    base, _, query = db_url.partition("?")
    pairs = parse_qsl(query, keep_blank_values=True)
    if any(key == "timeout" for key, _ in pairs):
        return db_url
    return f"{base}?{urlencode([*pairs, ('timeout', f'{busy_seconds:g}')])}"


def worker_memory_mb(options: GradeOptions | None, override: int | None = None) -> int:
    """The memory ceiling of a grading process, in MB: ``override``, or
    :data:`WORKER_MEMORY_MB`, or twice a submission's own limit if that is more (the grader
    must be able to take in whatever its kernel can send).

    >>> worker_memory_mb(GradeOptions()), worker_memory_mb(GradeOptions(memory_mb=3000))
    (4096, 6000)
    >>> worker_memory_mb(None, override=1024)
    1024
    """
    if override is not None:
        return override
    return max(WORKER_MEMORY_MB, 2 * int(getattr(options, "memory_mb", 0) or 0))


def limit_memory(megabytes: int) -> int | None:
    """Cap this process's private memory at ``megabytes`` MB; return the cap it had.

    The cap is the soft ``RLIMIT_DATA``: the heap and the private writable memory a process
    maps, what real use consists of.  The address space (``RLIMIT_AS``) would also count
    libraries, and the 64 MB that C's allocator reserves for each thread without using
    it, so it depends on how many threads a worker runs.  An allocation over the cap fails
    with ``MemoryError``.  ``None`` where the system has no such limit (Windows).
    """
    try:
        import resource  # optional: Unix only

        soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
        cap = megabytes * 1024 * 1024
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_DATA, (cap, hard))
        return int(soft)
    except (ImportError, AttributeError, ValueError, OSError):
        return None


@contextlib.contextmanager
def memory_ceiling(megabytes: int) -> Iterator[None]:
    """:func:`limit_memory` for a ``with`` block (a Dask task): the old cap comes back."""
    before = limit_memory(megabytes)
    try:
        yield
    finally:
        if before is not None:
            import resource  # optional: Unix only

            _, hard = resource.getrlimit(resource.RLIMIT_DATA)
            with contextlib.suppress(ValueError, OSError):
                resource.setrlimit(resource.RLIMIT_DATA, (before, hard))


def learner_folders(course: Course) -> list[Path]:
    """The folders of ``course`` that hold learners' files (nothing is imported from them)."""
    steps = ("submitted", "autograded", "feedback", "archive", "history")
    return [course.path(step) for step in steps] + [course.exchange_dir]


def trusted_path(
    path: Sequence[str] | None = None, learner_folders: Sequence[Path] = ()
) -> list[str]:
    """The ``sys.path`` a grading process imports from: ``path`` (default: this process's)
    without what depends on the current folder or holds learners' files.

    Left out: ``""`` and every relative entry (they name whatever folder the process is in,
    unless a path hook, not the file system, answers for one, as setuptools' editable
    installs do), and every entry inside ``learner_folders``.  What is kept keeps its order,
    so a worker finds each module where this process finds it.

    >>> trusted_path(["", "/usr/lib/python3.11", ".", "lib", "/srv/c/submitted/ar1001",
    ...               "/venv/site-packages"], [Path("/srv/c/submitted")])
    ['/usr/lib/python3.11', '/venv/site-packages']
    """
    entries = list(sys.path if path is None else path)
    kept = []
    for entry in entries:
        if not os.path.isabs(entry):
            finder = sys.path_importer_cache.get(entry)
            if finder is None or type(finder).__name__ in ("FileFinder", "zipimporter"):
                continue
        elif any(
            Path(entry) == folder or folder in Path(entry).parents
            for folder in map(Path, learner_folders)
        ):
            continue
        kept.append(entry)
    return kept


def grading_deadline(options: GradeOptions | None, notebooks: int = 1) -> float:
    """Seconds one learner's grading may take before its worker is taken for stuck.

    >>> grading_deadline(GradeOptions(notebook_timeout=600), notebooks=2)
    2400.0
    """
    per_notebook = float(
        getattr(options, "notebook_timeout", DEFAULT_NOTEBOOK_TIMEOUT) or DEFAULT_NOTEBOOK_TIMEOUT
    )
    return max(1, notebooks) * (per_notebook + GRADING_OVERHEAD)


_WORKER_COURSES: dict[tuple[str, str], Course] = {}
_GRADING = threading.Lock()


def grade_one(
    course_folder: str, assignment: str, learner: str, options: GradeOptions, db_url: str
) -> GradeRow:
    """Grade one learner in a worker process (a pool process or a Dask worker).

    Opens the course folder once per process, on the gradebook ``db_url`` (the parent's,
    see :func:`worker_db_url`), and calls
    :func:`~smm_helpers.grading.autograde.grade_submission`.  One submission at a time per
    process: grading sets ``SMM_LEARNER_ID`` for the process, so a Dask worker with several
    threads still grades one learner at a time.
    """
    with _GRADING:
        try:
            course = _WORKER_COURSES.get((course_folder, db_url))
            if course is None:
                course = open_course(
                    course_folder, overrides={"CourseDirectory": {"db_url": db_url}}
                )
                _WORKER_COURSES[(course_folder, db_url)] = course
            return grade_submission(course, assignment, learner, options)
        except Exception as error:  # sent back as text: not every exception unpickles
            raise GradingFailed(describe(error)) from None


class GradingFailed(Exception):
    """An error raised while grading one learner, carried back as plain text."""


def describe(error: BaseException) -> str:
    """An error in one line for the report: its type and message.

    >>> describe(ValueError("no such notebook"))
    'ValueError: no such notebook'
    >>> describe(GradingFailed("InputError: there is no assignment '99-x'"))
    "InputError: there is no assignment '99-x'"
    """
    text = str(error) if isinstance(error, GradingFailed) else f"{type(error).__name__}: {error}"
    return " ".join(text.split())[:300]


def _stored_score(course: Course, assignment: str, learner: str) -> tuple[float, float]:
    """(score the gradebook holds for the learner, the assignment's maximum)."""
    from nbgrader.api import Gradebook, MissingEntry  # heavy: loaded on first use

    ensure_tools_on_path()
    with Gradebook(worker_db_url(course.db_url), course.course_id) as gb:
        try:
            max_score = float(gb.find_assignment(assignment).max_score)
        except MissingEntry:  # never generated: nothing to hold a score yet
            return 0.0, 0.0
        try:
            return float(gb.find_submission(assignment, learner).score), max_score
        except MissingEntry:
            return 0.0, max_score


def failed_row(course: Course, assignment: str, learner: str, why: str) -> GradeRow:
    """The row of a learner whose grading never finished: reported, never dropped.

    The score is whatever the gradebook held for them before (0 for a first grading).
    """
    score, max_score = _stored_score(course, assignment, learner)
    return GradeRow(
        learner,
        assignment,
        score,
        max_score,
        [
            Problem(
                "failed",
                assignment,
                f"{why}; it is not graded (the file is kept in submitted/) — "
                f"grade it alone to see why: smm-course autograde {assignment} --learner {learner} "
                "--workers 1",
                learner,
            )
        ],
    )
