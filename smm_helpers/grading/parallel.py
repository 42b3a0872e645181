"""Autograde a class on every core of one machine, with a progress bar, an ETA and retries.

``smm-course autograde ASSIGNMENT --workers N`` grades N submissions at a time, each in a
worker process of its own (a process pool whose workers come from a fork server on Linux,
``spawn`` elsewhere: nothing is forked from a process that runs threads), and each
submission in its own kernel, as the serial runner does.  The caller runs
:func:`~smm_helpers.grading.autograde.prepare` once, then :func:`grade_in_parallel` hands out
learners; every worker runs :func:`~smm_helpers.grading.worker.grade_one`, which calls
:func:`~smm_helpers.grading.grade_learner.grade_submission` on its own copy of the course and
sends back a plain :class:`~smm_helpers.grading.results.GradeRow`.  The report lists
learners in roster order, whatever order they finish in.  This runner knows nothing of
grading: it schedules :func:`~smm_helpers.grading.worker.grade_one` (or any task with its
arguments).

Nothing is lost:

- the SQLite gradebook is opened by every worker with a busy timeout
  (:func:`~smm_helpers.grading.worker.worker_db_url`), so a write that meets another
  worker's write waits for it instead of failing with "database is locked";
- a worker process that dies (killed, out of memory) breaks the pool: the learners it and
  its neighbours were grading are graded again in a fresh pool, one at a time, so a
  submission that kills its grader every time is found and reported as ``failed`` after
  :data:`MAX_ATTEMPTS` tries, while everyone else is graded;
- every retry is listed under the report's table
  (:class:`~smm_helpers.grading.results.ParallelReport`).

Bounded and isolated:

- a worker imports only from :func:`~smm_helpers.grading.worker.trusted_path`: the parent's
  ``sys.path`` without the current folder ("", relative entries) or anything in the course's
  learner folders; the fork server starts with ``PYTHONSAFEPATH=1`` and that path, so a
  ``smm_helpers/``, ``pandas.py`` or ``sitecustomize.py`` in the folder you grade from is
  never imported, and :func:`_check_pool_starts` checks that the workers' ``smm_helpers``
  is this one;
- each worker has a memory ceiling, :func:`~smm_helpers.grading.worker.worker_memory_mb`
  (by default ``WORKER_MEMORY_MB``, 4096 MB, or twice a submission's ``--memory`` if
  more): a notebook, output or answer that would need more fails that learner as "too
  large";
- a grading that runs past :func:`~smm_helpers.grading.worker.grading_deadline` is taken
  for stuck: every worker is stopped, and the learners in flight are graded again as after
  a crash;
- a worker ends when this process ends (killed or not), and its sandboxes with it.

>>> check_workers(2)
2
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import select
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import smm_helpers
from smm_helpers.errors import InputError
from smm_helpers.grading.course import Course
from smm_helpers.grading.problems import Echo
from smm_helpers.grading.progress import ProgressBar
from smm_helpers.grading.results import GradeOptions, GradeRow, ParallelReport, Retry
from smm_helpers.grading.worker import (
    describe,
    failed_row,
    grade_one,
    grading_deadline,
    learner_folders,
    limit_memory,
    trusted_path,
    worker_db_url,
    worker_memory_mb,
)

Task = Callable[[str, str, str, GradeOptions, str], GradeRow]

MAX_ATTEMPTS = 3
"""How many times one learner is tried before the report says their grading failed."""

START_SECONDS = 300.0
"""How long new worker processes may take to start (imports included)."""


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
        raise InputError(
            f"--workers {workers} grades nothing",
            fix="give 1 (one learner at a time) or more; without --workers every core is used",
        )
    return workers


def grade_in_parallel(
    course: Course,
    assignment: str,
    learners: Sequence[str],
    options: GradeOptions,
    *,
    workers: int,
    echo: Echo = print,
    task: Task = grade_one,
    max_attempts: int = MAX_ATTEMPTS,
    db_url: str | None = None,
    memory_mb: int | None = None,
    deadline: float | None = None,
) -> ParallelReport:
    """Grade ``learners`` in ``workers`` processes; call ``prepare`` first.

    ``task(course_folder, assignment, learner, options, db_url)`` grades one learner in a
    worker (:func:`grade_one`; tests pass their own).  A learner is tried at most
    ``max_attempts`` times; the report keeps ``learners``' order and says who was graded
    again.  ``db_url`` is the gradebook the workers write to (default: the course's, with
    SQLite's busy timeout).  ``memory_mb`` is each worker's memory ceiling (default:
    :func:`worker_memory_mb`), ``deadline`` the seconds one grading may take (default:
    :func:`grading_deadline`).
    """
    learners = list(dict.fromkeys(learners))
    url = db_url or worker_db_url(course.db_url)
    folder = str(course.folder)
    if deadline is None:
        try:
            notebooks = len(course.notebooks(assignment))
        except Exception:  # no such assignment: each grading says so, quickly
            notebooks = 1
        deadline = grading_deadline(options, notebooks)
    start = _WorkerStart(
        trusted_path(learner_folders=learner_folders(course)), worker_memory_mb(options, memory_mb)
    )
    stuck: set[str] = set()
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
            finish_learner(
                learner,
                failed_row(
                    course, assignment, learner, f"{why}, on each of {attempts[learner]} tries"
                ),
            )
            return
        retries.append(
            Retry(learner, f"{why}; graded again (try {attempts[learner] + 1} of {max_attempts})")
        )
        (suspects if alone else queue).append(learner)

    while queue or suspects:
        running: dict[Future[GradeRow], str] = {}
        broken: list[str] = []
        refused = False  # the pool broke before it was handed anyone

        with (
            start.context() as context,
            ProcessPoolExecutor(
                max_workers=workers,
                mp_context=context,
                initializer=start_worker,
                initargs=start.arguments(),
            ) as pool,
        ):
            dispatch = _Dispatcher(
                pool, running, attempts, (task, folder, assignment, options, url)
            )
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
                    done, _ = wait(
                        running,
                        timeout=dispatch.seconds_left(deadline),
                        return_when=FIRST_COMPLETED,
                    )
                    if not done:  # a grading ran past its deadline: its worker is stuck
                        late = dispatch.overdue(deadline)
                        if not late:
                            continue
                        stuck.update(late)
                        _stop_workers(pool)
                    if not done or any(_broke(f) for f in done):
                        wait(running, timeout=60)  # the pool is broken: every future ends now
                        done = set(running)
                    for future in done:
                        learner = running.pop(future)
                        error = future.exception() if future.done() else BrokenProcessPool()
                        if error is None:
                            finish_learner(learner, future.result())
                        elif isinstance(error, BrokenProcessPool):
                            broken.append(learner)
                        else:
                            give_up_or_retry(
                                learner, f"grading raised {describe(error)}", alone=False
                            )
            except KeyboardInterrupt:
                pool.shutdown(wait=False, cancel_futures=True)
                _stop_workers(pool)  # their sandboxes end with them
                bar.note(
                    f"stopped: {len(rows)} of {len(learners)} graded; run autograde "
                    "again to grade the rest"
                )
                raise
        if broken:
            refusals = 0
            what = (
                f"the grading of {', '.join(sorted(stuck))} ran over {deadline:g} s "
                "(stuck?), so the grading processes were stopped"
                if stuck
                else "a grading process stopped (killed, or out of memory?)"
            )
            bar.note(
                f"⟳ {what} while grading {', '.join(broken)}; grading "
                f"{'it' if len(broken) == 1 else 'them'} again in a new pool, one at "
                "a time"
            )
            for learner in broken:
                give_up_or_retry(
                    learner,
                    f"its grading ran over {deadline:g} s (stuck?), so its process was stopped"
                    if learner in stuck
                    else "its grading process stopped before it finished (killed, "
                    "or out of memory?)",
                    alone=True,
                )
            stuck.clear()
        elif refused:
            refusals += 1
            if refusals >= max_attempts:  # no process starts any more: say so for each
                why = f"new grading processes stopped as they started, {refusals} times in a row"
                bar.note(f"✗ {why}; the learners not graded yet are reported as failed")
                for learner in [*suspects, *queue]:
                    finish_learner(learner, failed_row(course, assignment, learner, why))
                suspects.clear()
                queue.clear()
    bar.finish()
    missing = [learner for learner in learners if learner not in rows]
    if missing:  # by construction impossible; never let a learner vanish silently
        raise RuntimeError(f"no result for {', '.join(missing)}: this is a bug in SMM Lab")
    return ParallelReport(
        assignment, [rows[learner] for learner in learners], retries=retries, workers=workers
    )


def start_worker(
    path: Sequence[str] = (), memory_mb: int | None = None, parent: int | None = None
) -> None:
    """Run once in each new pool process, before its first learner.

    - ``sys.path`` becomes ``path`` (:func:`trusted_path`, computed by the parent);
    - the process gets its memory ceiling, ``memory_mb`` (:func:`limit_memory`);
    - it ends when the ``parent`` process ends (killed, or crashed), and so do the
      sandboxes it runs (bubblewrap dies with its parent), rather than grading on alone;
    - jsonschema (under nbformat, under nbgrader) imports ``rfc3987_syntax`` when it is
      installed, to check "iri" string formats, and that compiles 39 grammars on import:
      about 3 s of CPU for every new process.  Notebook validation uses no string formats,
      so a grading process does without it (the import fails quietly, as jsonschema
      allows).
    """
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    if path:
        sys.path[:] = list(path)
    if memory_mb:
        limit_memory(memory_mb)
    if parent:
        _end_with(parent)


def _end_with(parent: int) -> None:
    """End this process as soon as the process ``parent`` ends (a watching thread)."""
    try:
        handle: int | None = os.pidfd_open(parent)  # readable once it ends (Linux)
    except ProcessLookupError:
        os._exit(1)
    except (AttributeError, OSError):
        handle = None

    def watch() -> None:
        if handle is not None:
            select.select([handle], [], [])
        else:
            while _alive(parent):
                time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="smm-end-with-parent", daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def started() -> tuple[int, str]:
    """A first task for a new pool: its process id, and where its ``smm_helpers`` is."""
    return os.getpid(), _package_folder()


def _package_folder() -> str:
    return str(Path(smm_helpers.__file__).resolve().parent)


def _check_pool_starts(pool: ProcessPoolExecutor) -> None:
    try:
        _, package = pool.submit(started).result(timeout=START_SECONDS)
    except BrokenProcessPool:
        raise InputError(
            "the grading worker processes stopped as they started",
            fix="if you call autograde() from a script, put the call under "
            '`if __name__ == "__main__":` (each worker starts a fresh Python that '
            "imports your script); otherwise run smm-course doctor, or grade with "
            "--workers 1 to see the error",
        ) from None
    except FutureTimeout:
        _stop_workers(pool)
        raise InputError(
            f"the grading worker processes did not start within {START_SECONDS:g} s",
            fix="run smm-course doctor, or grade with --workers 1",
        ) from None
    if package != _package_folder():
        _stop_workers(pool)
        raise InputError(
            f"the grading worker processes import SMM Lab from {package}, but "
            f"this command runs the one in {_package_folder()}",
            fix="run smm-course from its installed command (not python -m from "
            "a copy of the repository), or install that copy: python -m "
            "pip install -e FOLDER",
        )


def _broke(future: Future[GradeRow]) -> bool:
    return not future.done() or isinstance(future.exception(), BrokenProcessPool)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Kill the pool's worker processes (the pool breaks; its futures end at once)."""
    for process in list(getattr(pool, "_processes", {}).values()):
        with contextlib.suppress(Exception):
            process.kill()


class _Dispatcher:
    """Hands one learner to the pool (false if the pool is already broken), and knows
    since when each running grading runs."""

    def __init__(
        self,
        pool: ProcessPoolExecutor,
        running: dict[Future[GradeRow], str],
        attempts: dict[str, int],
        call: tuple[Task, str, str, GradeOptions, str],
    ):
        self.pool, self.running, self.attempts, self.call = pool, running, attempts, call
        self.since: dict[Future[GradeRow], float] = {}

    def __call__(self, learner: str) -> bool:
        task, folder, assignment, options, url = self.call
        try:
            future = self.pool.submit(task, folder, assignment, learner, options, url)
        except BrokenProcessPool:
            return False
        self.attempts[learner] += 1
        self.running[future] = learner
        self.since[future] = time.monotonic()
        return True

    def seconds_left(self, deadline: float) -> float:
        """Until the first running grading is past ``deadline`` seconds (at least 0.1 s)."""
        first = min(self.since[f] for f in self.running)
        return max(0.1, first + deadline - time.monotonic())

    def overdue(self, deadline: float) -> list[str]:
        """The learners whose grading has run for more than ``deadline`` seconds."""
        now = time.monotonic()
        return [learner for f, learner in self.running.items() if now - self.since[f] >= deadline]


PRELOAD = (
    "smm_helpers.grading.parallel",
    "nbgrader.apps",
    "nbconvert.preprocessors",
    "jupyter_client",
    "smm_helpers.grading.sandbox.execute",
    "pandas",
)
"""What the fork server imports once, so each worker starts with it already imported."""


def _pool_context() -> Any:
    """How pool processes start: from a fork server where there is one, else ``spawn``.

    On Linux a fork server (one clean, single-threaded process started for this purpose)
    imports :data:`PRELOAD` once, then forks each worker: no worker pays the imports
    (seconds each), and a pool started again after a crash, or for the next assignment,
    starts at once.  Nothing is forked from this process, which may run threads.
    """
    if sys.platform.startswith("linux"):
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(list(PRELOAD))  # no effect once the server runs
        return context
    return multiprocessing.get_context("spawn")


@dataclass(frozen=True)
class _WorkerStart:
    """How a pool's processes start: the import path they get, and their memory ceiling."""

    path: list[str]
    memory_mb: int

    def arguments(self) -> tuple[list[str], int, int]:
        """:func:`start_worker`'s arguments: the path, the ceiling, this process's id."""
        return self.path, self.memory_mb, os.getpid()

    def environment(self) -> dict[str, str]:
        """What a new Python needs to import only from :attr:`path`, from its first import.

        ``python -c`` (how multiprocessing starts its fork server and ``spawn`` children)
        puts the current folder first on ``sys.path`` unless ``PYTHONSAFEPATH`` is set; the
        fork server imports :data:`PRELOAD` before any worker could change its path, so it
        is given this one in ``PYTHONPATH``.  BLAS libraries get one thread each, unless
        you chose otherwise: there is already one worker per core.
        """
        env = {
            "PYTHONSAFEPATH": "1",
            "PYTHONPATH": os.pathsep.join(p for p in self.path if os.path.isabs(p)),
        }
        for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            env[name] = os.environ.get(name, "1")
        return env

    @contextlib.contextmanager
    def context(self) -> Iterator[Any]:
        """The multiprocessing context for one pool, its processes started isolated.

        The fork server is started here (once per process), with :meth:`environment`; a
        ``spawn`` pool starts each process while the block runs, so the environment holds
        for the block.
        """
        context = _pool_context()
        if context.get_start_method() == "forkserver":
            from multiprocessing import forkserver  # optional: Unix only

            with _environment(self.environment()):
                forkserver.ensure_running()
            yield context
        else:
            with _environment(self.environment()):
                yield context


_ENVIRONMENT = threading.Lock()


@contextlib.contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    """``os.environ`` with ``values`` for the block (for the processes it starts)."""
    with _ENVIRONMENT:
        before = {name: os.environ.get(name) for name in values}
        os.environ.update(values)
        try:
            yield
        finally:
            for name, value in before.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
