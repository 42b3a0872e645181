"""Autograde a class on a Dask cluster: many machines, one course folder, one gradebook.

    smm-course autograde ASSIGNMENT --scheduler tcp://HOST:8786 [--db-url URL]

Every learner becomes one Dask task, :func:`grade_on_worker`, which grades them exactly as
``--workers`` does on one machine (:func:`smm_helpers.grading.worker.grade_one`: nbgrader's
autograde in its own kernel, through SMM Lab's sandbox) and returns a plain
:class:`~smm_helpers.grading.results.GradeRow`.  What the cluster must offer, checked
before anything is graded (each failure says which worker and how to fix it):

- the course folder at the **same path on every worker** (a shared file system, e.g. NFS,
  mounted at the same place), since nbgrader reads ``submitted/`` and writes
  ``autograded/`` there;
- SMM Lab installed in the workers' Python;
- a gradebook every worker can reach: PostgreSQL (``postgresql+psycopg://...``, the
  ``cluster`` extra installs the driver).  SQLite only works when every worker runs on
  this machine.

Nothing is lost: a task that raises (the database was unreachable for a moment) is tried
again ``retries`` times by Dask; a worker that dies (killed, out of memory) has its tasks
rescheduled by the Dask scheduler on another worker (up to its ``allowed-failures``, 3 by
default).  Both are listed under the report's table, from the cluster's own event log.

Bounded and isolated, as on one machine (:mod:`smm_helpers.grading.worker`): while a
task grades, its worker process imports only from the trusted part of its ``sys.path``
(no ``""`` or relative entry, which would be the worker's current folder, and nothing in
the course's learner folders) and has a memory
ceiling (``memory_mb``, default :func:`~smm_helpers.grading.worker.worker_memory_mb`),
so a submission too large to grade fails as "too large".  If no grading finishes for
longer than a grading may take (all its tries included), the learners left are reported
as failed rather than waited for.

>>> print(hide_password("postgresql+psycopg://grader:s3cret@db.example.org/smm"))
postgresql+psycopg://grader:***@db.example.org/smm
"""

from __future__ import annotations

import os
import socket
import sqlite3
import sys
import uuid
from collections.abc import Sequence
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
    memory_ceiling,
    trusted_path,
    worker_db_url,
    worker_memory_mb,
)

RETRIES = 2
"""How many more times Dask runs a learner's task that raised an error."""

EVENT_TOPIC = "smm-lab-grading"
"""The Dask event topic where workers log a grading that raised (to report the retry)."""


def hide_password(db_url: str) -> str:
    """A database URL fit to print: the password, if any, replaced by ``***``."""
    from sqlalchemy.engine import make_url  # heavy: loaded on first use

    try:
        return make_url(db_url).render_as_string(hide_password=True)
    except Exception:  # not a URL SQLAlchemy can read: show nothing after the scheme
        return db_url.split("://", 1)[0] + "://..."


# ------------------------------------------------------------------------- on a worker


def grade_on_worker(
    course_folder: str,
    assignment: str,
    learner: str,
    options: GradeOptions,
    db_url: str,
    memory_mb: int | None = None,
    untrusted: Sequence[str] = (),
) -> GradeRow:
    """The Dask task: :func:`~smm_helpers.grading.worker.grade_one`, logging any error.

    While it grades, the worker imports only from its trusted ``sys.path`` (without ``""``
    and relative entries, or anything in the ``untrusted`` folders: the course's learner
    folders; see :func:`~smm_helpers.grading.worker.trusted_path`)
    and has the memory ceiling ``memory_mb`` (default:
    :func:`~smm_helpers.grading.worker.worker_memory_mb`).  An error is logged to the
    scheduler's event topic :data:`EVENT_TOPIC` before Dask retries the task, so the
    report can say who was graded again and why.
    """
    sys.path[:] = trusted_path(sys.path, [Path(p) for p in untrusted])
    try:
        with memory_ceiling(worker_memory_mb(options, memory_mb)):
            return grade_one(course_folder, assignment, learner, options, db_url)
    except Exception as error:
        from distributed import get_worker  # optional: the cluster extra

        worker = get_worker()
        worker.log_event(
            EVENT_TOPIC,
            {"key": worker.get_current_task(), "learner": learner, "error": describe(error)},
        )
        raise


def worker_facts(course_folder: str, db_url: str, dask_worker: Any = None) -> dict[str, Any]:
    """What a worker sees: its host, threads, the course folder, the gradebook (or why not).

    Run with ``client.run``, which passes the worker as ``dask_worker``.
    """
    package = Path(smm_helpers.__file__).resolve().parent
    facts: dict[str, Any] = {
        "host": socket.gethostname(),
        "pid": os.getpid(),
        "nthreads": dask_worker.state.nthreads if dask_worker is not None else 1,
        "sees_course": (Path(course_folder) / "nbgrader_config.py").is_file(),
        "python": sys.version.split()[0],
        "database": None,
        "package": str(package),
        "package_in_course": Path(course_folder).resolve() in package.parents,
    }
    try:
        if db_url.startswith("sqlite"):  # look, never create: connecting makes a new file
            path = Path(db_url.split(":///", 1)[-1].split("?", 1)[0])
            if not path.is_file():
                raise FileNotFoundError(f"no SQLite file at {path}")
            sqlite3.connect(f"file:{path}?mode=ro", uri=True).close()
        else:
            from sqlalchemy import create_engine, text  # heavy: loaded on first use

            engine = create_engine(db_url)
            try:
                with engine.connect() as connection:
                    connection.execute(text("SELECT 1"))
            finally:
                engine.dispose()
    except Exception as error:
        facts["database"] = f"{type(error).__name__}: {str(error).splitlines()[0][:200]}"
    return facts


# ---------------------------------------------------------------------- on this machine


def _distributed() -> Any:
    try:
        import distributed  # optional: the cluster extra
    except ImportError:
        raise InputError(
            "grading on a Dask cluster needs the dask.distributed package",
            fix="install SMM Lab's cluster extra: python -m pip install "
            "'smm-lab[cluster]' (here and on every worker)",
        ) from None
    return distributed


def connect(scheduler: str, timeout: float = 30) -> Any:
    """A ``dask.distributed.Client`` on ``scheduler``, or an error that says what to check."""
    distributed = _distributed()
    try:
        return distributed.Client(scheduler, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        raise InputError(
            f"could not reach the Dask scheduler at {scheduler} ({error})",
            fix="start one with `dask scheduler` (it prints its tcp://HOST:PORT "
            "address), check the host and port, and that a firewall lets "
            "this machine reach it",
        ) from None


def check_cluster(
    client: Any, course: Course, db_url: str, *, wait_seconds: float = 60, echo: Echo = print
) -> dict[str, dict[str, Any]]:
    """Check every worker can grade (see the module docstring); their facts by address."""
    scheduler = client.scheduler.address
    start = (
        "start workers with: dask worker " + str(scheduler) + " --nworkers N "
        "--nthreads 1, on machines with SMM Lab installed and the course folder at "
        f"{course.folder}"
    )
    try:
        client.wait_for_workers(1, timeout=wait_seconds)
    except TimeoutError:
        raise InputError(
            f"no Dask worker joined the scheduler at {scheduler} within {wait_seconds:g} s",
            fix=start,
        ) from None
    answers = client.run(worker_facts, str(course.folder), db_url, on_error="return")
    problems, here = [], socket.gethostname()
    for address, facts in sorted(answers.items()):
        if isinstance(facts, BaseException):
            why = f"{type(facts).__name__}: {str(facts)[:200]}"
            problems.append(
                f"worker {address} could not run SMM Lab's check ({why}); "
                + (
                    "install smm-lab in that worker's Python, the same version as here"
                    if isinstance(facts, ImportError) or "smm_helpers" in why
                    else "look at that worker's log"
                )
            )
            continue
        if not facts["sees_course"]:
            problems.append(
                f"worker {address} (on {facts['host']}) has no course folder at "
                f"{course.folder}; every worker must see it at the same path "
                "(mount the shared folder at the same place on every machine)"
            )
        if facts.get("package_in_course"):
            problems.append(
                f"worker {address} (on {facts['host']}) imports SMM Lab from "
                f"{facts['package']}, inside the course folder, where learners' "
                "files are; install SMM Lab in the worker's Python (python -m pip "
                "install smm-lab) and start the worker from another folder"
            )
        if facts["database"]:
            problems.append(
                f"worker {address} (on {facts['host']}) can't open the gradebook "
                f"{hide_password(db_url)}: {facts['database']}; check that machine "
                "can reach the database host and port, and its password (a "
                "~/.pgpass file on each worker keeps it out of the URL)"
            )
        if db_url.startswith("sqlite") and facts["host"] != here:
            problems.append(
                f"worker {address} runs on {facts['host']}, but the gradebook is "
                "SQLite, which machines can't share safely; use PostgreSQL: set "
                "c.CourseDirectory.db_url = 'postgresql+psycopg://USER@HOST/DB' "
                "in nbgrader_config.py, or pass --db-url"
            )
    if problems:
        raise InputError(
            "the Dask cluster can't grade this course yet:\n  - " + "\n  - ".join(problems),
            fix="fix each worker above, then run autograde again",
        )
    threaded = sorted(a for a, f in answers.items() if f["nthreads"] > 1)
    if threaded:
        echo(
            f"note: {', '.join(threaded)} run several threads, but a worker process grades "
            "one submission at a time; for one grading per core start the workers with "
            "--nworkers N --nthreads 1"
        )
    return answers


def _retries_from_events(client: Any, keys: dict[str, str]) -> list[Retry]:
    """Who was graded again, from the scheduler's log: lost workers and retried errors."""
    learner_of = {key: learner for learner, key in keys.items()}
    retries = []
    for _, message in client.get_events("all"):
        if not isinstance(message, dict) or message.get("action") != "remove-worker":
            continue
        lost = [learner_of[k] for k in message.get("processing-tasks", ()) if k in learner_of]
        lost += [learner_of[k] for k in message.get("lost-computed-tasks", ()) if k in learner_of]
        for learner in dict.fromkeys(lost):
            retries.append(
                Retry(
                    learner,
                    f"Dask worker {message.get('worker', '?')} was lost "
                    "(killed, or out of memory?) while it held this "
                    "grading, running or queued; the scheduler graded "
                    "it again on another worker",
                )
            )
    for _, message in client.get_events(EVENT_TOPIC):
        if isinstance(message, dict) and message.get("key") in learner_of:
            retries.append(
                Retry(
                    learner_of[message["key"]],
                    f"grading raised {message['error']}; Dask tried again",
                )
            )
    return retries


def grade_on_cluster(
    course: Course,
    assignment: str,
    learners: Sequence[str],
    options: GradeOptions,
    scheduler: str,
    *,
    echo: Echo = print,
    retries: int = RETRIES,
    db_url: str | None = None,
    wait_seconds: float = 60,
    memory_mb: int | None = None,
    stuck_after: float | None = None,
) -> ParallelReport:
    """Grade ``learners`` on the Dask cluster at ``scheduler``; call ``prepare`` first.

    The workers write to ``db_url`` (default: the course's gradebook; for SQLite with a
    busy timeout), each with the memory ceiling ``memory_mb`` while it grades.  When no
    grading finishes for ``stuck_after`` seconds (default: a grading's deadline times every
    try Dask may give it), the learners left are reported as failed.  Returns the report in
    ``learners``' order, listing who was graded again.
    """
    distributed = _distributed()
    learners = list(dict.fromkeys(learners))
    url = db_url or worker_db_url(course.db_url)
    folder = str(course.folder)
    untrusted = [str(p) for p in learner_folders(course)]
    if stuck_after is None:
        try:
            notebooks = len(course.notebooks(assignment))
        except Exception:  # no such assignment: each grading says so, quickly
            notebooks = 1
        stuck_after = grading_deadline(options, notebooks) * (max(retries, 3) + 1)
    with connect(scheduler) as client:
        workers = check_cluster(client, course, url, wait_seconds=wait_seconds, echo=echo)
        token = uuid.uuid4().hex[:8]
        keys = {learner: f"smm-grade-{assignment}-{learner}-{token}" for learner in learners}
        bar = ProgressBar(len(learners), echo)
        bar.update(0, f"on {len(workers)} Dask workers")
        futures = {
            client.submit(
                grade_on_worker,
                folder,
                assignment,
                learner,
                options,
                url,
                memory_mb,
                untrusted,
                key=keys[learner],
                pure=False,
                retries=retries,
            ): learner
            for learner in learners
        }
        rows: dict[str, GradeRow] = {}
        pending = set(futures)
        while pending:
            try:
                with client.as_current():  # distributed.wait asks for the current client
                    done, pending = distributed.wait(
                        list(pending), timeout=stuck_after, return_when="FIRST_COMPLETED"
                    )
            except TimeoutError:  # nothing finished for longer than any grading may take
                for future in pending:
                    rows[futures[future]] = failed_row(
                        course,
                        assignment,
                        futures[future],
                        f"no grading on the cluster "
                        f"finished for {stuck_after:g} s (stuck workers?), so it was given up",
                    )
                    future.cancel()
                break
            for future in done:
                learner = futures[future]
                try:
                    rows[learner] = future.result()
                except distributed.KilledWorker as error:
                    rows[learner] = failed_row(
                        course,
                        assignment,
                        learner,
                        f"the Dask workers grading it died each time "
                        f"({error}; killed, or out of memory?)",
                    )
                except Exception as error:
                    rows[learner] = failed_row(
                        course,
                        assignment,
                        learner,
                        f"grading raised {describe(error)}, on each of {retries + 1} tries",
                    )
                future.release()
                bar.update(len(rows), f"graded {learner}")
        bar.finish()
        lost = _retries_from_events(client, keys)
    missing = [learner for learner in learners if learner not in rows]
    if missing:  # by construction impossible; never let a learner vanish silently
        raise RuntimeError(f"no result for {', '.join(missing)}: this is a bug in SMM Lab")
    return ParallelReport(
        assignment, [rows[learner] for learner in learners], retries=lost, workers=len(workers)
    )
