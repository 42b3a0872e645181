"""Parallel autograding on one machine (``smm-course autograde --workers N``).

The class: 40 learners ``ln-000`` ... ``ln-039`` of assignment 01; learner *i* submits the
sample ``course/samples/01-platforms-and-planning/<outcome>/`` of outcome ``OUTCOMES[i % 10]``
(four of each: all-correct, all-wrong, blank, copied, corrupted, infinite-loop, late,
missing, partial, wrong-filename).  The samples' answers are code computed from the
submitting learner's own data (``SMM_LEARNER_ID``), so an ``all-correct`` copy is correct
for whoever submits it, while ``copied`` carries sample-all-correct's typed-in numbers and
fails the rate for everyone else.  Expected scores come from two independent places: the
documented score of each outcome (course/README.md), and the same class graded serially
(``--workers 1``) — the parallel grading must match the serial one learner by learner,
status by status and gradebook row by gradebook row.

Helpers here (building the class, the serial reference, counting gradebook rows, killing
the process that grades a given learner) are shared with ``test_grading_cluster.py``.
"""

from __future__ import annotations

import fcntl
import io
import itertools
import json
import os
import shutil
import signal
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, state_and_parent

A = "01-platforms-and-planning"
SAMPLES = REPO / "course" / "samples" / A
OUTCOMES = (
    "all-correct",
    "all-wrong",
    "blank",
    "copied",
    "corrupted",
    "infinite-loop",
    "late",
    "missing",
    "partial",
    "wrong-filename",
)
CLASS_SIZE = 40
TIMEOUT = 10.0  # seconds per cell: the infinite loops stop quickly
LEARNERS = [f"ln-{i:03d}" for i in range(CLASS_SIZE)]
# What each outcome earns (course/README.md): (score, problem kinds).  'copied' depends on
# the learner's data beyond its rate, so only its rate (0) is fixed; see the serial grading.
DOCUMENTED = {
    "all-correct": (7, []),
    "late": (7, ["late"]),
    "partial": (4, []),
    "all-wrong": (0, []),
    "blank": (0, []),
    "infinite-loop": (0, ["timeout"]),
    "wrong-filename": (0, ["wrong filename"]),
    "corrupted": (0, ["corrupted"]),
    "missing": (0, ["missing"]),
}
RAN = ("all-correct", "all-wrong", "blank", "copied", "infinite-loop", "late", "partial")
IN_GRADEBOOK = (*RAN, "corrupted", "wrong-filename")
"""A notebook nbgrader could not open (or by another name) is a submission of 0, not missing."""
"""The outcomes whose notebook nbgrader runs (the others never reach the gradebook)."""


def outcome(learner: str) -> str:
    """The sample a class learner submitted.

    >>> outcome("ln-015"), outcome("ln-038")
    ('infinite-loop', 'partial')
    """
    return OUTCOMES[int(learner.rsplit("-", 1)[1]) % len(OUTCOMES)]


def rows_of(report: Any) -> dict[str, tuple[float, float, str]]:
    """A report's results: learner → (score, max score, status)."""
    return {row.learner: (row.score, row.max_score, row.status) for row in report.rows}


# ------------------------------------------------------------------------- the class


def build_class(root: Path, learners: list[str] = LEARNERS) -> Path:
    """A course folder in ``root``: released, the class submitted and collected, ungraded."""
    from smm_helpers.grading.collect import collect_from_exchange
    from smm_helpers.grading.course import open_course
    from smm_helpers.grading.demo import RUNTIME, submit_sample
    from smm_helpers.grading.release import release

    shutil.copytree(REPO / "course", root / "course", ignore=shutil.ignore_patterns(*RUNTIME))
    shutil.copytree(REPO / "assignments" / A, root / "assignments" / A)
    (root / "course" / "roster.csv").write_text(
        "id,first_name,last_name,email\n"
        + "".join(f"{lid},Learner,{lid[3:]},{lid}@example.org\n" for lid in learners)
    )
    course = open_course(root / "course")
    release(course, A, lambda _: None)
    inbound = course.exchange_dir / course.course_id / "inbound"
    for learner in learners:
        sample = SAMPLES / outcome(learner)
        if any(sample.glob("*.ipynb")):
            submit_sample(inbound, learner, A, sample)
    collect_from_exchange(course, A, lambda _: None)
    return root


_BUILT: dict[str, Path] = {}


def built_class(factory: pytest.TempPathFactory) -> Path:
    """The class, built once per test process (copy it before grading: :func:`copy_class`)."""
    if "class" not in _BUILT:
        _BUILT["class"] = build_class(factory.mktemp("class"))
    return _BUILT["class"]


def copy_class(built: Path, target: Path, db_url: str | None = None) -> Any:
    """A fresh copy of the built class in ``target``, opened (on ``db_url`` if given)."""
    from smm_helpers.grading.course import open_course

    shutil.copytree(built, target, dirs_exist_ok=True)
    overrides = {"CourseDirectory": {"db_url": db_url}} if db_url else None
    return open_course(target / "course", overrides)


def gradebook_rows(db_url: str, assignment: str = A) -> dict[str, int]:
    """How many rows the gradebook holds, per learner (submissions) and per learner,
    notebook and cell (grades and comments): ``{"grade|ln-000|nb|cell": 1, ...}``."""
    from sqlalchemy import create_engine, text

    engine = create_engine(db_url)
    counts: dict[str, int] = {}
    per_cell = """
        SELECT sa.student_id, nb.name, bc.name, COUNT(*) FROM {table} g
        JOIN submitted_notebook sn ON sn.id = g.notebook_id
        JOIN submitted_assignment sa ON sa.id = sn.assignment_id
        JOIN assignment a ON a.id = sa.assignment_id
        JOIN notebook nb ON nb.id = sn.notebook_id
        JOIN base_cell bc ON bc.id = g.cell_id
        WHERE a.name = :a GROUP BY sa.student_id, nb.name, bc.name"""
    try:
        with engine.connect() as db:
            for table in ("grade", "comment"):
                for learner, notebook, cell, n in db.execute(
                    text(per_cell.format(table=table)), {"a": assignment}
                ):
                    counts[f"{table}|{learner}|{notebook}|{cell}"] = n
            for learner, n in db.execute(
                text(
                    "SELECT sa.student_id, COUNT(*) FROM submitted_assignment sa JOIN "
                    "assignment a ON a.id = sa.assignment_id WHERE a.name = :a "
                    "GROUP BY sa.student_id"
                ),
                {"a": assignment},
            ):
                counts[f"submission|{learner}"] = n
    finally:
        engine.dispose()
    return counts


def cell_scores(db_url: str, assignment: str = A) -> dict[str, float | None]:
    """Every grade the gradebook holds: ``{"ln-000|cell": score}`` (manual over auto)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(db_url)
    try:
        with engine.connect() as db:
            return {
                f"{learner}|{cell}": None if score is None else float(score)
                for learner, cell, score in db.execute(
                    text("""
                SELECT sa.student_id, bc.name, COALESCE(g.manual_score, g.auto_score)
                FROM grade g JOIN submitted_notebook sn ON sn.id = g.notebook_id
                JOIN submitted_assignment sa ON sa.id = sn.assignment_id
                JOIN assignment a ON a.id = sa.assignment_id
                JOIN base_cell bc ON bc.id = g.cell_id WHERE a.name = :a"""),
                    {"a": assignment},
                )
            }
    finally:
        engine.dispose()


def scores_in_gradebook(db_url: str, course_id: str, assignment: str = A) -> dict[str, float]:
    """Each learner's total score as the gradebook holds it."""
    from nbgrader.api import Gradebook

    with Gradebook(db_url, course_id) as gb:
        return {s.student.id: float(s.score) for s in gb.find_assignment(assignment).submissions}


_REFERENCE: dict[str, Any] = {}


def serial_reference(factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The class graded serially (``workers=1``): rows and gradebook row counts.

    Computed once per test session: under pytest-xdist the first worker that needs it
    grades and writes it to the session's shared temporary folder, the others wait for it.
    """
    if "reference" in _REFERENCE:
        return _REFERENCE["reference"]

    def grade() -> dict[str, Any]:
        from smm_helpers.grading.autograde import autograde

        course = copy_class(built_class(factory), factory.mktemp("serial"))
        report = autograde(course, A, timeout=TIMEOUT, workers=1, echo=lambda _: None)
        return {
            "rows": {k: list(v) for k, v in rows_of(report).items()},
            "counts": gradebook_rows(course.db_url),
            "cells": cell_scores(course.db_url),
        }

    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = factory.getbasetemp().parent  # this session's folder, shared by workers
        with (shared / "serial-reference.lock").open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            cache = shared / "serial-reference.json"
            if not cache.is_file():
                cache.write_text(json.dumps(grade()))
            reference = json.loads(cache.read_text())
    else:
        reference = grade()
    reference["rows"] = {k: tuple(v) for k, v in reference["rows"].items()}
    _REFERENCE["reference"] = reference
    return reference


def assert_like_serial(
    rows: dict[str, tuple[float, float, str]], db_url: str, reference: dict[str, Any]
) -> None:
    """Same scores and statuses as the serial grading, the same gradebook rows (one per
    learner, notebook and cell: none lost, none twice) and the same grade in each."""
    assert list(rows) == LEARNERS, "the report must keep roster order"
    assert rows == reference["rows"]
    assert gradebook_rows(db_url) == reference["counts"]
    assert cell_scores(db_url) == reference["cells"]


# ------------------------------------------------------------ killing a grading process


def _parent(pid: int) -> int:
    return state_and_parent(pid)[1]


def _grading(learner: str) -> list[int]:
    """Processes started to grade ``learner``: their kernel, or the sandbox around it."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes().split(b"\0")
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        wanted = learner.encode()
        if b"SMM_LEARNER_ID=" + wanted in environ or any(
            pair == (b"SMM_LEARNER_ID", wanted) for pair in itertools.pairwise(argv)
        ):
            found.append(int(entry.name))
    return found


def kill_grader_of(
    learner: str, graders: Callable[[], set[int]], *, after: float = 1.0, timeout: float = 300.0
) -> int:
    """SIGKILL the worker process (one of ``graders()``) that is grading ``learner``.

    Waits for a kernel (or sandbox) with ``SMM_LEARNER_ID=learner`` to appear, then
    ``after`` seconds, and kills its nearest ancestor among the worker processes.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        workers = graders()
        for pid in _grading(learner):
            ancestor = pid
            for _ in range(12):
                try:
                    ancestor = _parent(ancestor)
                except (OSError, ValueError, IndexError):
                    break
                if ancestor in workers:
                    time.sleep(after)
                    os.kill(ancestor, signal.SIGKILL)
                    return ancestor
                if ancestor <= 1:
                    break
        time.sleep(0.1)
    raise AssertionError(f"no worker process was seen grading {learner} in {timeout:g} s")


def pool_processes() -> set[int]:
    """This process's pool workers: its children and grandchildren started by
    multiprocessing (a ``spawn`` child, or the fork server and the workers it forked)."""
    mine, parents, found = os.getpid(), {}, set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                argv = (entry / "cmdline").read_bytes()
                if b"spawn_main" in argv or b"multiprocessing.forkserver" in argv:
                    parents[int(entry.name)] = _parent(int(entry.name))
            except (OSError, ValueError, IndexError):
                continue
    for pid, parent in parents.items():
        if parent == mine or parents.get(parent) == mine:
            found.add(pid)
    return found


class Killer(threading.Thread):
    """Kills the grader of ``learner`` in the background; ``.killed`` is the pid, or the error."""

    def __init__(self, learner: str, graders: Callable[[], set[int]]) -> None:
        super().__init__(daemon=True)
        self.learner, self.graders = learner, graders
        self.killed: int | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.killed = kill_grader_of(self.learner, self.graders)
        except BaseException as error:  # reported by the test
            self.error = error


# ------------------------------------------------------------- fake grading tasks
# Module level, so a spawned pool process can import them.  Each takes the same
# arguments as smm_helpers.grading.worker.grade_one; ``db_url`` carries a folder for
# markers instead (these tasks never touch a gradebook).


def fake_grade(course_folder: str, assignment: str, learner: str, options: Any, marks: str) -> Any:
    """Grade nothing, slowly for early learners; kill the own process when told to.

    ``<marks>/die-once-<learner>`` : die on the first try only; ``die-always-<learner>``:
    die every time; ``raise-<learner>``: raise every time.  Each try is logged.
    """
    from smm_helpers.grading.results import GradeRow

    folder = Path(marks)
    with (folder / f"tries-{learner}").open("a") as log:
        log.write(f"{os.getpid()}\n")
    if (folder / f"raise-{learner}").exists():
        raise RuntimeError(f"no database for {learner}")
    once = folder / f"die-once-{learner}"
    if (folder / f"die-always-{learner}").exists() or once.exists():
        once.unlink(missing_ok=True)
        time.sleep(0.3)
        os.kill(os.getpid(), signal.SIGKILL)
    number = int(learner.rsplit("-", 1)[1])
    time.sleep(0.05 * (10 - number % 10))  # early learners finish last
    return GradeRow(learner, assignment, float(number), 100.0)


@pytest.fixture(scope="module")
def small_course(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The built class, opened (the fake-task tests only read its gradebook's maximum)."""
    from smm_helpers.grading.course import open_course

    return open_course(built_class(tmp_path_factory) / "course")


def _run_fake(
    course: Any, marks: Path, learners: list[str], lines: list[str], workers: int = 2
) -> Any:
    from smm_helpers.grading.parallel import grade_in_parallel

    return grade_in_parallel(
        course,
        A,
        learners,
        options=None,
        workers=workers,
        echo=lines.append,
        task=fake_grade,
        db_url=str(marks),
    )


def _tries(marks: Path, learner: str) -> int:
    path = marks / f"tries-{learner}"
    return len(path.read_text().split()) if path.is_file() else 0


# --------------------------------------------------------------------------- fast tests


def test_rows_come_back_in_roster_order_whatever_finishes_first(small_course, tmp_path):
    learners = [f"ln-{i:03d}" for i in range(8)]
    lines: list[str] = []
    report = _run_fake(small_course, tmp_path, learners, lines, workers=3)
    assert [row.learner for row in report.rows] == learners
    assert [row.score for row in report.rows] == list(range(8))
    assert report.retries == [] and report.workers == 3
    assert all(_tries(tmp_path, learner) == 1 for learner in learners)
    assert lines[0].startswith("[....................]  0/8 starting 3 workers")
    assert lines[-1].startswith("[####################]  8/8 done")
    assert any("about" in line and "left" in line for line in lines[1:-1])


def test_a_killed_pool_process_loses_no_learner_and_the_report_says_who_was_regraded(
    small_course, tmp_path
):
    learners = [f"ln-{i:03d}" for i in range(6)]
    (tmp_path / "die-once-ln-002").touch()
    lines: list[str] = []
    report = _run_fake(small_course, tmp_path, learners, lines)
    assert [row.learner for row in report.rows] == learners
    assert [row.status for row in report.rows] == ["ok"] * 6
    assert [row.score for row in report.rows] == list(range(6))
    assert "ln-002" in report.retried()
    assert _tries(tmp_path, "ln-002") == 2
    # its neighbour (if one was in flight) was graded again too; no one was tried 3 times
    assert all(_tries(tmp_path, learner) <= 2 for learner in learners)
    assert report.retried() == {lr for lr in learners if _tries(tmp_path, lr) == 2}
    assert any(
        line.startswith("⟳ a grading process stopped") and "ln-002" in line for line in lines
    )
    assert "Graded again (nothing was lost):" in report.table()
    assert "ln-002: its grading process stopped before it finished" in report.table()


def test_a_submission_that_always_kills_its_grader_fails_alone_after_three_tries(
    small_course, tmp_path
):
    learners = [f"ln-{i:03d}" for i in range(5)]
    (tmp_path / "die-always-ln-001").touch()
    report = _run_fake(small_course, tmp_path, learners, [])
    assert [row.learner for row in report.rows] == learners
    failed = report.row("ln-001")
    assert failed.status == "failed" and failed.score == 0 and failed.max_score == 10
    assert "on each of 3 tries" in failed.problems[0].message
    assert "--learner ln-001 --workers 1" in failed.problems[0].message
    assert _tries(tmp_path, "ln-001") == 3
    # tried alone after the first crash, so no neighbour shares its fate
    others = [row for row in report.rows if row.learner != "ln-001"]
    assert [row.status for row in others] == ["ok"] * 4
    assert all(_tries(tmp_path, row.learner) <= 2 for row in others)


def test_an_error_while_grading_is_retried_then_reported_as_failed(small_course, tmp_path):
    (tmp_path / "raise-ln-003").touch()
    report = _run_fake(small_course, tmp_path, ["ln-003", "ln-004"], [])
    assert report.row("ln-004").status == "ok"
    row = report.row("ln-003")
    assert row.status == "failed"
    assert "grading raised RuntimeError: no database for ln-003, on each of 3 tries" in (
        row.problems[0].message
    )
    assert _tries(tmp_path, "ln-003") == 3
    assert [r.learner for r in report.retries] == ["ln-003", "ln-003"]


def test_the_progress_bar_redraws_one_line_on_a_terminal():
    from smm_helpers.grading.progress import ProgressBar

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    ticks = iter([0.0, 5.0, 10.0]).__next__
    bar = ProgressBar(2, stream=screen, clock=ticks)  # echo is print: live on a terminal
    assert bar.live
    bar.update(1, "graded ln-000")
    bar.note("⟳ a note")
    bar.finish()
    text = screen.getvalue()
    assert text.count("\n") == 2  # the note and the end: the bar itself never scrolls
    assert text.startswith(
        "\r[##########..........]  1/2 graded ln-000 · 5 s so far, about 5 s left\x1b[K"
    )
    assert "\r\x1b[K⟳ a note\n[##########" in text
    assert text.endswith("\r[####################]  2/2 done · 10 s\x1b[K\n")
    assert not ProgressBar(2, echo=lambda _: None, stream=screen).live  # a log: lines


def test_the_command_line_refuses_zero_workers_and_two_places_to_grade(capsys):
    from smm_helpers.cli import main

    course = str(REPO / "course")
    assert main(["autograde", A, "--course", course, "--workers", "0"]) == 2
    assert "--workers 0 grades nothing" in capsys.readouterr().err
    assert (
        main(
            [
                "autograde",
                A,
                "--course",
                course,
                "--workers",
                "2",
                "--scheduler",
                "tcp://127.0.0.1:8786",
            ]
        )
        == 2
    )
    err = capsys.readouterr().err
    assert "--workers 2 and --scheduler tcp://127.0.0.1:8786 both say where to grade" in err
    assert "dask worker --nworkers N --nthreads 1" in err


def test_sqlite_waits_for_another_writer_with_the_workers_url_where_the_default_fails(
    small_course, tmp_path
):
    """The hazard and the fix at nbgrader's level: a write meets a held write lock."""
    from nbgrader.api import Gradebook, InvalidEntry
    from sqlalchemy.exc import OperationalError

    from smm_helpers.grading.worker import worker_db_url

    db = tmp_path / "gradebook.db"
    shutil.copy(small_course.folder / "gradebook.db", db)
    plain = f"sqlite:///{db}"
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # another process in the middle of a write
    try:
        with (
            Gradebook(plain, small_course.course_id) as gb,
            pytest.raises((OperationalError, InvalidEntry), match="database is locked"),
        ):
            gb.update_or_create_student("ln-900", first_name="Default")
        release = threading.Timer(6.5, lambda: holder.execute("COMMIT"))  # > 5 s default
        release.start()
        started = time.monotonic()
        with Gradebook(worker_db_url(plain), small_course.course_id) as gb:
            gb.update_or_create_student("ln-901", first_name="Waited")
        waited = time.monotonic() - started
        release.join()
    finally:
        holder.close()
    assert waited >= 6
    with Gradebook(plain, small_course.course_id) as gb:
        assert gb.find_student("ln-901").first_name == "Waited"


# -------------------------------------------------------------------------- slow tests


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return serial_reference(tmp_path_factory)


@pytest.mark.slow
def test_the_serial_grading_gives_each_outcome_its_documented_score(reference):
    for learner, (score, max_score, status) in reference["rows"].items():
        kind = outcome(learner)
        assert max_score == 10, learner
        if kind == "copied":  # a friend's rate: 0 for it, the rest depends on their data
            assert reference["cells"][f"{learner}|engagement_rate_by_reach"] == 0
            continue
        want_score, want_kinds = DOCUMENTED[kind]
        assert (score, status) == (want_score, "; ".join(want_kinds) or "ok"), learner
    handed_in = [lr for lr in LEARNERS if outcome(lr) in IN_GRADEBOOK]
    assert {key.split("|")[1] for key in reference["counts"]} == set(handed_in)
    assert set(reference["counts"].values()) == {1}


@pytest.mark.slow
def test_two_workers_grade_the_class_like_serial_grading_even_with_a_worker_killed(
    reference, tmp_path_factory
):
    from smm_helpers.grading.autograde import autograde

    course = copy_class(built_class(tmp_path_factory), tmp_path_factory.mktemp("parallel"))
    submitted = {p: p.read_bytes() for p in course.path("submitted").rglob("*.ipynb")}
    killer = Killer("ln-015", pool_processes)  # an infinite loop: it is surely mid-grade
    killer.start()
    lines: list[str] = []
    started = time.monotonic()
    report = autograde(course, A, timeout=TIMEOUT, workers=2, echo=lines.append)
    seconds = time.monotonic() - started
    killer.join(timeout=5)
    assert killer.error is None and killer.killed is not None

    assert_like_serial(rows_of(report), course.db_url, reference)
    assert "ln-015" in report.retried()
    assert "ln-015: its grading process stopped before it finished" in report.table()
    assert any(line.startswith("⟳ a grading process stopped") for line in lines)
    assert scores_in_gradebook(course.db_url, course.course_id) == {
        lr: reference["rows"][lr][0] for lr in LEARNERS if outcome(lr) in IN_GRADEBOOK
    }
    for learner in LEARNERS:  # every graded notebook is there once, every file kept
        graded = list((course.path("autograded") / learner).rglob("*.ipynb"))
        assert len(graded) == (1 if outcome(learner) in RAN else 0), learner
    assert {p: p.read_bytes() for p in course.path("submitted").rglob("*.ipynb")} == submitted
    print(f"40 learners, 2 workers, one killed: {seconds:.0f} s")


def marked_grade_one(
    course_folder: str, assignment: str, learner: str, options: Any, db_url: str
) -> Any:
    """grade_one that first leaves a marker next to the gradebook (so a test knows)."""
    from smm_helpers.grading.worker import grade_one

    (Path(course_folder) / f"grading-{learner}").touch()
    return grade_one(course_folder, assignment, learner, options, db_url)


@pytest.mark.slow
def test_workers_wait_out_a_gradebook_another_process_is_writing_to(reference, tmp_path_factory):
    """Two workers start grading while another process holds SQLite's write lock for 12 s
    (more than twice Python's default 5 s busy timeout): they wait, nothing fails."""
    from smm_helpers.grading.parallel import grade_in_parallel
    from smm_helpers.grading.prepare import prepare
    from smm_helpers.grading.results import GradeOptions

    course = copy_class(built_class(tmp_path_factory), tmp_path_factory.mktemp("locked"))
    learners = ["ln-000", "ln-008"]  # all-correct and partial: both write grades
    prepare(course, A, learners)
    db = course.folder / "gradebook.db"
    held: dict[str, float] = {}

    def hold_the_lock() -> None:
        while not any(course.folder.glob("grading-*")):
            time.sleep(0.01)
        holder = sqlite3.connect(db, timeout=60, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        held["from"] = time.time()
        time.sleep(12)
        holder.execute("COMMIT")
        held["until"] = time.time()
        holder.close()

    blocker = threading.Thread(target=hold_the_lock, daemon=True)
    blocker.start()
    report = grade_in_parallel(
        course,
        A,
        learners,
        GradeOptions(timeout=TIMEOUT),
        workers=2,
        echo=lambda _: None,
        task=marked_grade_one,
    )
    blocker.join(timeout=30)
    assert held["until"] - held["from"] >= 12
    assert rows_of(report) == {lr: reference["rows"][lr] for lr in learners}
    assert report.retries == []
    # the first learner started before the lock was taken and could only finish after
    # it was let go: its gradebook writes waited for it
    first = min(learners, key=lambda lr: (course.folder / f"grading-{lr}").stat().st_mtime)
    assert (course.folder / f"grading-{first}").stat().st_mtime <= held["from"]
    for learner in learners:
        graded = course.path("autograded") / learner / A / f"{A}.ipynb"
        assert graded.stat().st_mtime >= held["until"] - 0.05, learner
