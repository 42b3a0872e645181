"""Autograde a class on every core of one machine, with a progress bar, an ETA and retries.

``smm-course autograde ASSIGNMENT --workers N`` grades N submissions at a time, each in a
worker process of its own (a process pool whose workers come from a fork server on Linux,
``spawn`` elsewhere: nothing is forked from a process that runs threads), and each
submission in its own kernel, as the serial path does.  The parent
runs :func:`~smm_helpers.grading.autograde.prepare` once, then hands out learners; every
worker runs :func:`grade_one`, which calls
:func:`~smm_helpers.grading.autograde.grade_submission` on its own copy of the course and
sends back a plain :class:`~smm_helpers.grading.autograde.GradeRow`.  The report lists
learners in roster order, whatever order they finish in.

Nothing is lost:

- the SQLite gradebook is opened by every worker with a busy timeout
  (:func:`worker_db_url`), so a write that meets another worker's write waits for it
  instead of failing with "database is locked";
- a worker process that dies (killed, out of memory) breaks the pool: the learners it and
  its neighbours were grading are graded again in a fresh pool, one at a time, so a
  submission that kills its grader every time is found and reported as ``failed`` after
  :data:`MAX_ATTEMPTS` tries, while everyone else is graded;
- every retry is listed under the report's table (:class:`ParallelReport`).

>>> worker_db_url("sqlite:////srv/course/gradebook.db")
'sqlite:////srv/course/gradebook.db?timeout=60'
>>> worker_db_url("postgresql+psycopg://grader@db.example.org/smm")
'postgresql+psycopg://grader@db.example.org/smm'
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, TextIO
from urllib.parse import parse_qsl, urlencode

from smm_helpers.errors import InputError
from smm_helpers.grading.autograde import (
    AutogradeReport,
    GradeOptions,
    GradeRow,
    grade_submission,
)
from smm_helpers.grading.course import Course
from smm_helpers.grading.problems import Problem, duration, progress

Echo = Callable[[str], None]
Task = Callable[[str, str, str, GradeOptions, str], GradeRow]

MAX_ATTEMPTS = 3
"""How many times one learner is tried before the report says their grading failed."""

SQLITE_BUSY_SECONDS = 60
"""How long a worker waits for another worker's gradebook write before giving up."""


def default_workers() -> int:
    """The cores this process may use (``--workers`` when the flag is absent).

    >>> default_workers() >= 1
    True
    """
    count = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if count is not None:
        return max(1, count() or 1)
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def check_workers(workers: int | None) -> int:
    """``workers`` as a usable number (``None`` means every core).

    >>> check_workers(2)
    2
    >>> check_workers(0)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: --workers 0 grades nothing.
    How to fix it: give 1 (one learner at a time) or more; without --workers every core is used.
    """
    if workers is None:
        return default_workers()
    if workers < 1:
        raise InputError(f"--workers {workers} grades nothing",
                         fix="give 1 (one learner at a time) or more; without --workers every "
                             "core is used")
    return workers


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


# ------------------------------------------------------------------------- in the worker

_WORKER_COURSES: dict[tuple[str, str], Course] = {}
_GRADING = threading.Lock()


def grade_one(course_folder: str, assignment: str, learner: str, options: GradeOptions,
              db_url: str) -> GradeRow:
    """Grade one learner in a worker process (a pool process or a Dask worker).

    Opens the course folder once per process, on the gradebook ``db_url`` (the parent's,
    see :func:`worker_db_url`), and calls
    :func:`~smm_helpers.grading.autograde.grade_submission`.  One submission at a time per
    process: grading sets ``SMM_LEARNER_ID`` for the process, so a Dask worker with several
    threads still grades one learner at a time.
    """
    from smm_helpers.grading.course import open_course

    with _GRADING:
        try:
            course = _WORKER_COURSES.get((course_folder, db_url))
            if course is None:
                course = open_course(course_folder,
                                     overrides={"CourseDirectory": {"db_url": db_url}})
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


# ------------------------------------------------------------------------------- report


@dataclass(frozen=True)
class Retry:
    """A learner graded again because their first grading was cut short (nothing lost)."""

    learner: str
    reason: str

    def __str__(self) -> str:
        return f"{self.learner}: {self.reason}"


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
                f"  ⟳ {retry}" for retry in self.retries)
        return text

    def retried(self) -> set[str]:
        """The learners graded more than once."""
        return {retry.learner for retry in self.retries}


# ----------------------------------------------------------------------------- progress


def eta_line(done: int, total: int, label: str, elapsed: float) -> str:
    """The progress bar with the time spent and, once something is done, the time left.

    >>> eta_line(0, 40, "starting 2 workers", 0.4)
    '[....................]  0/40 starting 2 workers'
    >>> eta_line(10, 40, "ar1001", 30.0)
    '[#####...............] 10/40 ar1001 · 30 s so far, about 1 min 30 s left'
    >>> eta_line(40, 40, "done", 121.0)
    '[####################] 40/40 done · 2 min 1 s'
    """
    line = progress(done, total, label)
    if done >= total:
        return f"{line} · {duration(elapsed)}"
    if done == 0:
        return line
    left = elapsed / done * (total - done)
    return f"{line} · {duration(elapsed)} so far, about {duration(left)} left"


class ProgressBar:
    """A progress bar with an ETA: one line redrawn in place on a terminal, else lines.

    It redraws in place when ``live`` is true; by default that is when ``echo`` is the
    built-in ``print`` and standard output is a terminal.  Otherwise each update is one
    plain line through ``echo`` (a log file, a CI log, a test's list).

    >>> lines = []
    >>> clock = iter([0.0, 10.0, 20.0]).__next__
    >>> bar = ProgressBar(2, echo=lines.append, clock=clock)
    >>> bar.update(1, "graded ar1001")
    >>> bar.note("⟳ something to know")
    >>> bar.finish()
    >>> print("\\n".join(lines))
    [##########..........] 1/2 graded ar1001 · 10 s so far, about 10 s left
    ⟳ something to know
    [####################] 2/2 done · 20 s
    """

    def __init__(self, total: int, echo: Echo = print, *, live: bool | None = None,
                 stream: TextIO | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.total = total
        self.echo = echo
        self.stream = stream if stream is not None else sys.stdout
        self.live = live if live is not None else (echo is print and self.stream.isatty())
        self.clock = clock
        self.start = clock()
        self.line = ""

    def update(self, done: int, label: str) -> None:
        self.line = eta_line(done, self.total, label, self.clock() - self.start)
        if self.live:
            self.stream.write("\r" + self.line + "\x1b[K")
            self.stream.flush()
        else:
            self.echo(self.line)

    def note(self, message: str) -> None:
        """A message on its own line (the bar is redrawn under it on a terminal)."""
        if self.live:
            self.stream.write("\r\x1b[K" + message + "\n" + self.line)
            self.stream.flush()
        else:
            self.echo(message)

    def finish(self, label: str = "done") -> None:
        self.update(self.total, label)
        if self.live:
            self.stream.write("\n")
            self.stream.flush()


# ------------------------------------------------------------------------------ grading


def _stored_score(course: Course, assignment: str, learner: str) -> tuple[float, float]:
    """(score the gradebook holds for the learner, the assignment's maximum)."""
    from nbgrader.api import Gradebook, MissingEntry

    from smm_helpers.grading.course import ensure_tools_on_path

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
    return GradeRow(learner, assignment, score, max_score, [Problem(
        "failed", assignment, f"{why}; it is not graded (the file is kept in submitted/) — "
        f"grade it alone to see why: smm-course autograde {assignment} --learner {learner} "
        "--workers 1", learner)])


def grade_in_parallel(course: Course, assignment: str, learners: Sequence[str],
                      options: GradeOptions, *, workers: int, echo: Echo = print,
                      task: Task = grade_one, max_attempts: int = MAX_ATTEMPTS,
                      db_url: str | None = None) -> ParallelReport:
    """Grade ``learners`` in ``workers`` processes; call ``prepare`` first.

    ``task(course_folder, assignment, learner, options, db_url)`` grades one learner in a
    worker (:func:`grade_one`; tests pass their own).  A learner is tried at most
    ``max_attempts`` times; the report keeps ``learners``' order and says who was graded
    again.  ``db_url`` is the gradebook the workers write to (default: the course's, with
    SQLite's busy timeout).
    """
    learners = list(dict.fromkeys(learners))
    url = db_url or worker_db_url(course.db_url)
    folder = str(course.folder)
    rows: dict[str, GradeRow] = {}
    retries: list[Retry] = []
    attempts = dict.fromkeys(learners, 0)
    queue: deque[str] = deque(learners)
    suspects: deque[str] = deque()  # in flight when a worker died: graded alone next
    bar = ProgressBar(len(learners), echo)
    bar.update(0, f"starting {workers} workers")
    refusals = 0

    def finish_learner(learner: str, row: GradeRow) -> None:
        rows[learner] = row
        bar.update(len(rows), f"graded {learner}")

    def give_up_or_retry(learner: str, why: str, alone: bool) -> None:
        if attempts[learner] >= max_attempts:
            finish_learner(learner, failed_row(course, assignment, learner,
                                               f"{why}, on each of {attempts[learner]} tries"))
            return
        retries.append(Retry(learner, f"{why}; graded again (try {attempts[learner] + 1} of "
                                      f"{max_attempts})"))
        (suspects if alone else queue).append(learner)

    while queue or suspects:
        running: dict[Future[GradeRow], str] = {}
        broken: list[str] = []
        refused = False  # the pool broke before it was handed anyone

        with ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context(),
                                 initializer=start_worker) as pool:
            dispatch = _Dispatcher(pool, running, attempts,
                                   (task, folder, assignment, options, url))
            if not retries and not refusals:
                _check_pool_starts(pool)
            try:
                while (queue or suspects or running) and not (broken or refused):
                    if suspects:  # one at a time, so that a submission that kills its
                        if not running:  # worker is told apart from its neighbours
                            if not dispatch(suspects[0]):
                                refused = True
                                break
                            suspects.popleft()
                    else:
                        while queue and len(running) < workers:
                            if not dispatch(queue[0]):
                                refused = True
                                break
                            queue.popleft()
                    if not running:
                        break
                    done, _ = wait(running, return_when=FIRST_COMPLETED)
                    if any(isinstance(f.exception(), BrokenProcessPool) for f in done):
                        wait(running)  # the pool is broken: every other future ends now
                        done = set(running)
                    for future in done:
                        learner = running.pop(future)
                        error = future.exception()
                        if error is None:
                            finish_learner(learner, future.result())
                        elif isinstance(error, BrokenProcessPool):
                            broken.append(learner)
                        else:
                            give_up_or_retry(learner, f"grading raised {describe(error)}",
                                             alone=False)
            except KeyboardInterrupt:
                pool.shutdown(wait=False, cancel_futures=True)
                bar.note(f"stopped: {len(rows)} of {len(learners)} graded; run autograde "
                         "again to grade the rest")
                raise
        if broken:
            refusals = 0
            bar.note(f"⟳ a grading process stopped (killed, or out of memory?) while grading "
                     f"{', '.join(broken)}; grading {'it' if len(broken) == 1 else 'them'} "
                     "again in a new pool, one at a time")
            for learner in broken:
                give_up_or_retry(learner, "its grading process stopped before it finished "
                                 "(killed, or out of memory?)", alone=True)
        elif refused:
            refusals += 1
            if refusals >= max_attempts:  # no process starts any more: say so for each
                why = (f"new grading processes stopped as they started, {refusals} times "
                       "in a row")
                bar.note(f"✗ {why}; the learners not graded yet are reported as failed")
                for learner in [*suspects, *queue]:
                    finish_learner(learner, failed_row(course, assignment, learner, why))
                suspects.clear()
                queue.clear()
    bar.finish()
    missing = [learner for learner in learners if learner not in rows]
    if missing:  # by construction impossible; never let a learner vanish silently
        raise RuntimeError(f"no result for {', '.join(missing)}: this is a bug in SMM Lab")
    return ParallelReport(assignment, [rows[learner] for learner in learners], retries,
                          workers)


def start_worker() -> None:
    """Run once in each new pool process, before its first learner.

    jsonschema (under nbformat, under nbgrader) imports ``rfc3987_syntax`` when it is
    installed, to check "iri" string formats, and that compiles 39 grammars on import: about
    3 s of CPU for every new process.  Notebook validation uses no string formats, so a
    grading process does without it (the import fails quietly, as jsonschema allows).
    """
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]


def started() -> int:
    """A first task for a new pool: its process id, once a worker process is up."""
    return os.getpid()


def _check_pool_starts(pool: ProcessPoolExecutor) -> None:
    try:
        pool.submit(started).result()
    except BrokenProcessPool:
        raise InputError(
            "the grading worker processes stopped as they started",
            fix="if you call autograde() from a script, put the call under "
                "`if __name__ == \"__main__\":` (each worker starts a fresh Python that "
                "imports your script); otherwise run smm-course doctor, or grade with "
                "--workers 1 to see the error") from None


class _Dispatcher:
    """Hands one learner to the pool; false if the pool is already broken."""

    def __init__(self, pool: ProcessPoolExecutor, running: dict[Future[GradeRow], str],
                 attempts: dict[str, int], call: tuple[Task, str, str, GradeOptions, str]):
        self.pool, self.running, self.attempts, self.call = pool, running, attempts, call

    def __call__(self, learner: str) -> bool:
        task, folder, assignment, options, url = self.call
        try:
            future = self.pool.submit(task, folder, assignment, learner, options, url)
        except BrokenProcessPool:
            return False
        self.attempts[learner] += 1
        self.running[future] = learner
        return True


PRELOAD = ("smm_helpers.grading.parallel", "nbgrader.apps", "nbconvert.preprocessors",
           "jupyter_client", "smm_helpers.grading.sandbox.execute", "pandas")
"""What the fork server imports once, so each worker starts with it already imported."""


def _pool_context() -> Any:
    """How pool processes start: from a fork server where there is one, else ``spawn``.

    On Linux a fork server (one clean, single-threaded process started for this purpose)
    imports :data:`PRELOAD` once, then forks each worker: no worker pays the imports
    (seconds each), and a pool started again after a crash, or for the next assignment,
    starts at once.  Nothing is forked from this process, which may run threads.
    """
    import multiprocessing

    if sys.platform.startswith("linux"):
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(list(PRELOAD))  # no effect once the server runs
        return context
    return multiprocessing.get_context("spawn")
