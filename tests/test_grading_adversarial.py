"""Attacks on the grader, graded with the real pipeline in one class with honest learners.

One class is built and graded once (``graded``): a temporary copy of the course, assignment
01 released, then submitted to the exchange by

- two honest learners, ``sample-all-correct`` and ``sample-partial`` (the samples that
  ``tests/test_grading_workflow.py`` scores too);
- every attack in ``course/samples/attacks/01-platforms-and-planning/`` as learner
  ``attack-<attack>`` (made by ``course/samples/make_samples.py``; see its README);
- attacks written here, because a real attacker on the same server may know the course's
  absolute paths: they read and write the gradebook, the source notebook (hidden tests),
  another learner's submission and a canary file outside the course by those paths, claim
  to be the instructor's read-only cells, or hand in symbolic links to those files;

then collected and autograded (``timeout=5`` s per cell, ``notebook_timeout=60``, the
default sandbox, two worker processes) — twice: by root, and by an ordinary user
(``nobody``), since the sandbox takes different paths for each (``GRADERS``).  While
grading, every sandbox lives in a folder of this test's own, so processes a submission
starts can be recognised afterwards by their command line.  After the first run one manual
grade and comment are set, and part of the class is graded again.

Everything observed is written down once (``Facts``); under pytest-xdist the first worker
to need it grades, the others wait and read the same facts (the module grades once per
session).  The tests below hold the expectations, worked out from the source notebook's
points and what each submission answers:

- the source's auto-graded tests are worth 3 (engagement rate), 2 (best platform) and
  2 (SMART goal) = 7; the written answer, 3 more, is graded by hand: every maximum is 10;
- ``sample-all-correct`` answers every part: 7.  ``sample-partial`` averages per-post rates
  (Part 1's hidden test fails) but picks the best platform with ``summarize`` and names it
  in a SMART goal: 2 + 2 = 4;
- a cheat carries no honest answer, so it earns 0; the attacks marked *answered* also
  answer every part like ``sample-all-correct`` and must earn exactly its 7: a trick
  neither gains nor loses points.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import pwd
import re
import shutil
import sqlite3
import stat
import tempfile
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, system_part_missing

pytestmark = [pytest.mark.slow, pytest.mark.system]

A = "01-platforms-and-planning"
SOURCE = REPO / "assignments" / A / f"{A}.ipynb"
SAMPLES = REPO / "course" / "samples" / A
ATTACKS = REPO / "course" / "samples" / "attacks"
CELL_TIMEOUT = 5
NOTEBOOK_TIMEOUT = 60
WORKERS = 2
ER, BEST, GOAL = "engagement_rate_by_reach_answer", "best_platform_answer", "smart_goal_answer"
TESTS = ("engagement_rate_by_reach", "best_platform", "smart_goal")
HONEST = {"sample-all-correct": "all-correct", "sample-partial": "partial"}
DAEMON_MARK = "smm-attack-daemon"
ESCAPES = "\x1b]0;pwned\x07\x1b[2J\r\u202e"
"""Terminal escapes, a carriage return and a bidi override, in a file name a learner chose."""
NOBODY = 65534
"""The ordinary user the class is also graded as (``nobody``; see ``GRADERS``)."""
CANARY = "a file outside the course that no submission may read or change\n"
PLANTED = "planted-by-an-attack"
REGRADED = [
    "sample-all-correct",
    "sample-partial",
    "attack-points-1000",
    "attack-delete-tests-answered",
    "attack-edit-tests",
    "attack-patch-checks",
    "attack-always-equal",
    "attack-known-paths-write",
    "attack-corrupted-json",
    "attack-empty-file",
    "attack-missing-notebook",
]
MANUAL = (
    "sample-all-correct",
    "platform_recommendation",
    2.0,
    "Clear, and honest about the limits; quote the rate as a percentage.",
)


def _source_points() -> dict[str, float]:
    cells = json.loads(SOURCE.read_text(encoding="utf-8"))["cells"]
    return {
        c["metadata"]["nbgrader"]["grade_id"]: float(c["metadata"]["nbgrader"]["points"])
        for c in cells
        if c["metadata"].get("nbgrader", {}).get("grade")
    }


POINTS = _source_points()
AUTO = POINTS["engagement_rate_by_reach"] + POINTS["best_platform"] + POINTS["smart_goal"]
MAX = sum(POINTS.values())

# ------------------------------------------------------------------------------ bugs

# ------------------------------------------------------------------------------ expectations


class Expect:
    """What one attack must earn and how the summary must name it.

    ``words``: problem kind → words that its messages must contain (case-insensitive);
    every kind listed must be reported.  ``output``: grade_id of a cell → text that cell
    must print; ``not_output``: text no cell of it may print.
    """

    def __init__(
        self,
        score: float,
        words: dict[str, tuple[str, ...]],
        output: dict[str, str] | None = None,
        not_output: tuple[str, ...] = (),
    ):
        self.score = score
        self.words = words
        self.output = output or {}
        self.not_output = not_output


NOTHING_FOUND = {ER: "found: []", BEST: "found: []", GOAL: "found: []"}
NOTHING_CHANGED = {ER: "changed: []", BEST: "changed: []", GOAL: "changed: []"}

EXPECTED: dict[str, Expect] = {
    # Time: stopped at the 5 s cell limit; the other answers are the released
    # `raise NotImplementedError()`, so no test passes.
    "infinite-loop": Expect(0, {"timeout": ("stopped after 5 s",)}),
    "sleep-forever": Expect(0, {"timeout": ("stopped after 5 s",)}),
    # Resources: the 2048 MB address-space limit and the 64-process limit.
    "memory-bomb": Expect(0, {"memory limit": ("2048 MB of memory",)}),
    "fork-bomb": Expect(0, {"too many processes": ("processes",)}),
    "process-flood": Expect(
        0, {"too many processes": ("more than 64 processes", "starts processes")}
    ),
    # Stopping its own Python: IPython stops the cell on SystemExit (the kernel lives on);
    # os._exit and SIGKILL kill the kernel, and the cells after it are not run.
    "sys-exit": Expect(0, {"kernel died": ("sys.exit", "only that cell stopped")}),
    "os-exit": Expect(0, {"kernel died": ("python stopped", "os._exit")}),
    "kill-kernel": Expect(
        0, {"kernel died": ("python stopped",), "tampered interpreter": ("signals",)}
    ),
    "print-100mb": Expect(0, {"output cut": ("1,000,000 characters",)}),
    # Files: nothing of the course is in the sandbox; every cell prints what it found.
    "read-files": Expect(0, {"blocked file access": ("outside its folder",)}, NOTHING_FOUND),
    "write-files": Expect(0, {"blocked file access": ("outside its folder",)}, NOTHING_CHANGED),
    # The interpreter: tests run in the grader on plain data, so nothing changed in the
    # kernel counts; the answers themselves are wrong ("all of them", None-like text).
    "patch-builtins": Expect(0, {"tampered interpreter": ("builtin", "isinstance")}),
    "patch-checks": Expect(0, {"tampered interpreter": ("sys.modules", "SMM Lab", "expect_")}),
    "ipython-hooks": Expect(
        0,
        {
            "tampered interpreter": (
                "input transformer",
                "AST transformer",
                "reports errors",
                "event",
                "excepthook",
            )
        },
    ),
    "always-equal": Expect(
        0, {"tampered interpreter": ("compare", "could not be read", "AlwaysEqualSeries")}
    ),
    "forged-answers": Expect(
        0,
        {
            "tampered interpreter": (
                "subprocess:Popen is not an SMM Lab class",
                "os:system is not an SMM Lab class",
                "user_expressions",
            )
        },
    ),
    "forged-nesting": Expect(0, {"tampered interpreter": ("user_expressions",)}),
    # Test cells: always the instructor's, from the gradebook.
    "edit-tests": Expect(0, {"tampered tests": ("edited",)}),
    "delete-tests": Expect(0, {"tampered tests": ("deleted",)}),
    "delete-tests-answered": Expect(AUTO, {"tampered tests": ("deleted",)}),
    "duplicate-ids": Expect(AUTO, {"tampered tests": ("appears 2 times", "ids repeat")}),
    "points-1000": Expect(
        AUTO, {"tampered tests": ("1000 points instead of 3", "1000 points instead of 2")}
    ),
    "claim-ids": Expect(
        0, {"tampered tests": ("appears 2 times", "does not have", "bonus_points")}
    ),
    # Files that are not a notebook, or not there.
    "corrupted-json": Expect(0, {"corrupted": ("broken JSON",)}),
    "non-utf8": Expect(0, {"corrupted": ("not text",)}),
    "wrong-filename": Expect(0, {"wrong filename": (f"{A}-final.ipynb",)}),
    "missing-notebook": Expect(0, {"missing": ("no notebook",)}),
    "empty-file": Expect(0, {"empty": ("0 bytes",)}),
    "no-cells": Expect(0, {"empty": ("no cells",), "tampered tests": ("deleted",)}),
    # The network and signals.
    "network": Expect(
        0, {"blocked network": ("network",)}, {ER: "no connection to 1.1.1.1"}, ("connected to",)
    ),
    "sigint-ignored": Expect(
        0,
        {
            "tampered interpreter": ("signal handler",),
            "kernel died": ("time limit", "ignored the stop signal"),
        },
    ),
    "daemon": Expect(
        0, {"too many processes": ("starts processes",)}, {ER: "left a daemon behind"}
    ),
    "signal-grader": Expect(
        0,
        {"tampered interpreter": ("signals", "out of its reach")},
        {ER: "could not signal 1"},
        ("'signalled",),
    ),
    # Written here, with the course's real absolute paths.
    "known-paths-read": Expect(
        0, {"blocked file access": ("outside its folder",)}, {ER: "found: []"}
    ),
    "known-paths-write": Expect(
        0, {"blocked file access": ("outside its folder",)}, {ER: "changed: []"}
    ),
    "known-paths-locked": Expect(0, {"tampered tests": ("appears 2 times", "grader_tools")}),
    "symlinks-in-exchange": Expect(0, {}, {ER: "found: []"}),  # refused at collect
    "symlinks-in-submitted": Expect(0, {"blocked file access": ("link",)}, {ER: "found: []"}),
    # The instructor's cells come from the instructor (issue 13): a setup cell deleted,
    # moved, renamed, turned into markdown or split still runs in the grader, so checks the
    # notebook defines for itself are never the ones that grade it.
    "setup-deleted": Expect(
        0,
        {
            "tampered tests": ("read-only cell 'setup' was deleted",),
            "tampered interpreter": ("expect_",),
        },
    ),
    "setup-moved": Expect(
        0, {"tampered tests": ("'setup' was moved",), "tampered interpreter": ("expect_",)}
    ),
    "setup-renamed": Expect(
        0,
        {
            "tampered tests": ("'my_own_setup'", "'setup' was deleted"),
            "tampered interpreter": ("expect_",),
        },
    ),
    "setup-markdown": Expect(
        0,
        {
            "tampered tests": ("changed from code to markdown",),
            "tampered interpreter": ("expect_",),
        },
    ),
    "setup-split": Expect(0, {"tampered tests": ("'setup' appears 2 times", "'setup' was edited")}),
    "setup-deleted-answered": Expect(AUTO, {"tampered tests": ("'setup' was deleted",)}),
    "tests-first-answered": Expect(AUTO, {"tampered tests": ("was moved",)}),
    # Answers are a closed list of plain data: names of classes, paths and sizes are refused.
    "forged-types": Expect(0, {"tampered interpreter": ("could not be read",)}),
    # Shown, never run: its feedback page holds its words but none of its script.
    "script-in-output": Expect(AUTO, {}),
    # Written here: modules handed in beside the notebook that would leave a mark outside
    # the sandbox if the grader imported them; a FIFO where a data file should be; an
    # output bigger than the grader takes from a kernel.
    "shadow-modules": Expect(AUTO, {}),
    "fifo-in-exchange": Expect(AUTO, {}),
    "fifo-in-submitted": Expect(AUTO, {"blocked file access": ("fifo",)}),
    "huge-output": Expect(0, {"kernel died": ("one output of over 128 MiB",)}),
}
AS_USER = {
    # As an ordinary user, the sandbox's first process (pid 1 of its PID namespace, which
    # bubblewrap starts) runs as the same user as the kernel: the kernel may read its /proc
    # entries (its own sandbox: its root, folder and environment) and signal it, which the
    # kernel of a namespace ignores.  Nothing outside the sandbox is found or reached.
    "read-files": Expect(
        0,
        EXPECTED["read-files"].words,
        {ER: "found: []", GOAL: "found: []"},
        (
            "gradebook.db",
            "nbgrader_config",
            "roster.csv",
            "sample-all-correct",
            "HIDDEN TESTS",
            "/submitted/",
            "/source/",
        ),
    ),
    "signal-grader": Expect(
        0, EXPECTED["signal-grader"].words, {ER: "could not signal group 1"}, ("'signalled group",)
    ),
}
"""What differs when an ordinary user grades (see ``GRADERS``)."""
GENERATED = (
    "known-paths-read",
    "known-paths-write",
    "known-paths-locked",
    "symlinks-in-exchange",
    "symlinks-in-submitted",
    "shadow-modules",
    "fifo-in-exchange",
    "fifo-in-submitted",
    "huge-output",
)
SHADOWS = (
    "smm_helpers/__init__.py",
    "smm_helpers/grading/__init__.py",
    "smm_helpers/grading/sandbox/__init__.py",
    "smm_helpers/grading/sandbox/launch.py",
    "smm_helpers/grading/sandbox/answers/__init__.py",
    "pandas.py",
    "nbgrader.py",
    "sitecustomize.py",
    "usercustomize.py",
    "ipykernel_launcher.py",
)
"""Modules a submission hands in beside its notebook, hoping the grader imports them."""
ON_FILES = {"corrupted-json", "non-utf8", "wrong-filename", "missing-notebook", "empty-file"}
"""Attacks whose notebook is never run: nbgrader is not asked to grade them."""


def _params(only: set[str] | None = None) -> list[str]:
    return [name for name in EXPECTED if only is None or name in only]


# ------------------------------------------------------------------------------ attacks


def _code(text: str) -> str:
    return textwrap.dedent(text).strip("\n")


def _known_paths(course: Any, canary: Path) -> dict[str, str]:
    """The absolute paths an attacker on the grading server may know."""
    return {
        "gradebook": str(course.folder / "gradebook.db"),
        "config": str(course.folder / "nbgrader_config.py"),
        "roster": str(course.roster_file),
        "source": str(course.source_dir / A / f"{A}.ipynb"),
        "release": str(course.path("release") / A / f"{A}.ipynb"),
        "friend": str(course.path("submitted") / "sample-all-correct" / A / f"{A}.ipynb"),
        "canary": str(canary),
        "course": str(course.folder),
        "outside": str(canary.parent),
    }


def _generated(course: Any, canary: Path) -> dict[str, tuple[dict[str, str], Any]]:
    """Attacks that embed this course's absolute paths: name → (answers, notebook edit)."""
    paths = _known_paths(course, canary)
    escape = f"/proc/{os.getpid()}/root{paths['gradebook']}"  # the grader's view of files
    read = _code(f"""
        # Attack: read the course's files by their real absolute paths, open the gradebook
        # as a database, and go through the grader's /proc entry to its root folder.
        import os
        import sqlite3

        found = []
        for path in {sorted([*paths.values(), escape])!r}:
            try:
                with open(path, "rb") as file:
                    found.append((path, len(file.read())))
            except OSError:
                pass
            try:
                found.append((path, os.listdir(path)))
            except OSError:
                pass
        try:
            with sqlite3.connect("file:{paths["gradebook"]}?mode=ro", uri=True) as db:
                found.append(db.execute("SELECT name, source FROM source_cell").fetchall())
        except sqlite3.Error:
            pass
        print("found:", found)""")
    new_files = [
        str(Path(paths[p]).parent / f"{PLANTED}.txt")
        for p in ("gradebook", "source", "friend", "canary")
    ]
    targets = sorted(
        paths[p] for p in ("gradebook", "config", "roster", "source", "release", "friend", "canary")
    )
    write = _code(f'''
        # Attack: change the course's files by their real absolute paths: append to them,
        # give everyone full marks in the gradebook, plant new files beside them, remove,
        # rename and open up the canary outside the course.
        import os
        import sqlite3

        changed = []
        for path in {targets!r}:
            try:
                with open(path, "ab") as file:
                    file.write(b"\\n{PLANTED}\\n")
                changed.append(("appended to", path))
            except OSError:
                pass
        for path in {new_files!r}:
            try:
                with open(path, "x") as file:
                    file.write("{PLANTED}\\n")
                changed.append(("created", path))
            except OSError:
                pass
        for action, call in (("removed", lambda: os.remove({paths["canary"]!r})),
                             ("renamed", lambda: os.rename({paths["canary"]!r},
                                                           {paths["canary"] + ".moved"!r})),
                             ("opened up", lambda: os.chmod({paths["gradebook"]!r}, 0o777))):
            try:
                call()
                changed.append((action, {paths["canary"]!r}))
            except OSError:
                pass
        try:
            with sqlite3.connect("file:{paths["gradebook"]}?mode=rw", uri=True) as db:
                db.execute("UPDATE grade SET manual_score = 1000")
            changed.append(("rewrote", {paths["gradebook"]!r}))
        except sqlite3.Error:
            pass
        print("changed:", changed)''')
    plant = _code(f'''
        # Attack: this cell claims to be the instructor's read-only {{what}}, hoping the
        # grader runs it itself, outside the sandbox, where it would overwrite the canary and
        # plant files in the course.
        from pathlib import Path

        for path in {[paths["canary"], *new_files]!r}:
            try:
                Path(path).write_text("{PLANTED}: ran outside the sandbox\\n")
            except OSError:
                pass''')

    def claim_locked(nb: dict[str, Any]) -> None:
        cells = nb["cells"]
        at = next(i for i, c in enumerate(cells) if _grade_id(c) == "setup") + 1
        cells[at:at] = [
            _locked_cell("setup", plant.format(what="setup cell")),
            _locked_cell("grader_tools", plant.format(what="tools cell")),
        ]

    listing = _code("""
        # Attack: read every file in the submission's folder: the notebook came with
        # symbolic links to the gradebook, the source notebook, another learner's notebook
        # and a file outside the course.
        import os

        found = []
        for name in sorted(os.listdir(".")):
            if name not in ("01-platforms-and-planning.ipynb", "timestamp.txt",
                            "submission_secret.txt"):  # its own, as nbgrader submit left it
                try:
                    with open(name, "rb") as file:
                        found.append((name, file.read(80)))
                except OSError as error:
                    found.append((name, error.strerror))
        print("found:", found)""")
    huge = _code("""
        # Attack: one output of 150 MB in a single message, more than the grader takes.
        from IPython.display import display

        display({"text/plain": "x" * 150_000_000}, raw=True)""")
    correct = _correct_answers()
    return {
        "known-paths-read": ({ER: read}, None),
        "known-paths-write": ({ER: write}, None),
        "known-paths-locked": ({}, claim_locked),
        "symlinks-in-exchange": ({ER: listing}, None),
        "symlinks-in-submitted": ({ER: listing}, None),
        "shadow-modules": (correct, None),
        "fifo-in-exchange": (correct, None),
        "fifo-in-submitted": (correct, None),
        "huge-output": ({ER: huge}, None),
    }


def _correct_answers() -> dict[str, str]:
    """The answers of sample ``all-correct``, by grade_id."""
    nb = json.loads((SAMPLES / "all-correct" / f"{A}.ipynb").read_text(encoding="utf-8"))
    return {
        _grade_id(c): "".join(c["source"]) for c in nb["cells"] if _grade_id(c) in (ER, BEST, GOAL)
    }


def _shadow_modules(folder: Path, canary: Path) -> None:
    """Modules beside the notebook that leave a mark beside the canary when imported."""
    for name in SHADOWS:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        mark = canary.parent / f"{PLANTED}-{name.replace('/', '.')}"
        path.write_text(
            f"open({str(mark)!r}, 'w').write('imported outside the sandbox')\n", encoding="utf-8"
        )
    (folder / "zz-attack.pth").write_text(
        f"import os; open({str(canary.parent / PLANTED)!r} + '-pth', 'w')\n", encoding="utf-8"
    )


def _grade_id(cell: dict[str, Any]) -> str | None:
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def _locked_cell(grade_id: str, source: str) -> dict[str, Any]:
    return {
        "cell_type": "code",
        "execution_count": None,
        "id": f"claim-{grade_id}",
        "metadata": {
            "deletable": False,
            "editable": False,
            "nbgrader": {
                "grade": False,
                "grade_id": grade_id,
                "locked": True,
                "schema_version": 3,
                "solution": False,
                "task": False,
            },
        },
        "outputs": [],
        "source": source,
    }


def _write_notebook(folder: Path, answers: dict[str, str], edit: Any) -> Path:
    """The released notebook (sample ``blank``) with ``answers`` typed in, then ``edit``."""
    nb = json.loads((SAMPLES / "blank" / f"{A}.ipynb").read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if _grade_id(cell) in answers:
            cell["source"] = answers[_grade_id(cell)]
    if edit is not None:
        edit(nb)
    folder.mkdir(parents=True)
    (folder / f"{A}.ipynb").write_text(json.dumps(nb, indent=1), encoding="utf-8")
    shutil.copy(SAMPLES / "blank" / "timestamp.txt", folder / "timestamp.txt")
    return folder


def _links(folder: Path, targets: dict[str, str]) -> None:
    """Symbolic links in a submission's folder, named after what they point to."""
    for name, target in targets.items():
        (folder / name).symlink_to(target)


# ------------------------------------------------------------------------------ observing


def _snapshot(root: Path, skip: list[Path]) -> dict[str, str]:
    """Every file under ``root`` → its SHA-256 (a link → where it points), but what grading
    writes: the folders in ``skip`` and the gradebook (``gradebook.db`` and its journals)."""
    out: dict[str, str] = {}
    for top, folders, files in os.walk(root):
        here = Path(top)
        folders[:] = [f for f in folders if here / f not in skip]
        for name in files:
            path = here / name
            if name.startswith("gradebook.db") and here == root / "course":
                continue
            key = str(path.relative_to(root))
            mode = path.lstat().st_mode
            out[key] = (
                f"link to {os.readlink(path)}"
                if stat.S_ISLNK(mode)
                else hashlib.sha256(path.read_bytes()).hexdigest()
                if stat.S_ISREG(mode)
                else f"special file {stat.S_IFMT(mode):o}"
            )  # a pipe is never opened
    return out


def _differences(before: dict[str, str], after: dict[str, str]) -> list[str]:
    return sorted(
        [f"changed {p}" for p in before if p in after and before[p] != after[p]]
        + [f"removed {p}" for p in before if p not in after]
        + [f"added {p}" for p in after if p not in before]
    )


def _processes(marks: list[str], learners: set[str]) -> list[str]:
    """Processes whose command line holds one of ``marks``, or started for ``learners``."""
    found = []
    mine = {os.getpid(), os.getppid()}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) in mine:
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            environ = (entry / "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        learner = next(
            (
                e.split(b"=", 1)[1].decode(errors="replace")
                for e in environ
                if e.startswith(b"SMM_LEARNER_ID=")
            ),
            None,
        )
        if any(m in cmdline for m in marks) or learner in learners:
            found.append(f"{entry.name} ({learner}): {cmdline[:200]}")
    return found


def _survivors(marks: list[str], learners: set[str], wait: float = 20.0) -> list[str]:
    """What is still running after ``wait`` seconds (a killed sandbox takes a moment)."""
    deadline = time.monotonic() + wait
    while True:
        left = _processes(marks, learners)
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.5)


@contextlib.contextmanager
def _sandboxes_in(folder: Path) -> Iterator[None]:
    """Grading's temporary folders (each sandbox's root) in ``folder``, for this block."""
    old_env, old_default = os.environ.get("TMPDIR"), tempfile.tempdir
    os.environ["TMPDIR"] = str(folder)
    tempfile.tempdir = str(folder)
    try:
        yield
    finally:
        tempfile.tempdir = old_default
        if old_env is None:
            os.environ.pop("TMPDIR", None)
        else:
            os.environ["TMPDIR"] = old_env


def _outputs(course: Any, learner: str) -> dict[str, str]:
    """What each code cell of a learner's autograded notebook printed, by grade_id."""
    path = course.path("autograded") / learner / A / f"{A}.ipynb"
    if not path.is_file():
        return {}
    out: dict[str, str] = {}
    for index, cell in enumerate(json.loads(path.read_text(encoding="utf-8"))["cells"]):
        text = "".join(
            "".join(o["text"]) if isinstance(o.get("text"), list) else o.get("text", "")
            for o in cell.get("outputs", [])
            if o.get("output_type") == "stream"
        )
        key = _grade_id(cell) or f"#{index + 1}"
        out[key] = out.get(key, "") + text
    return out


def _gradebook(db: Path) -> dict[str, Any]:
    """The gradebook's rows for assignment 01, read straight from the database."""
    with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as con:
        submissions = con.execute(
            "SELECT sa.student_id, COUNT(*) FROM submitted_assignment sa JOIN assignment a "
            "ON sa.assignment_id = a.id WHERE a.name = ? GROUP BY sa.student_id",
            (A,),
        ).fetchall()
        notebooks = con.execute(
            "SELECT sa.student_id, COUNT(*) FROM submitted_notebook sn JOIN "
            "submitted_assignment sa ON sn.assignment_id = sa.id GROUP BY sa.student_id"
        ).fetchall()
        grades = con.execute(
            "SELECT sa.student_id, bc.name, gc.max_score, g.auto_score, g.manual_score "
            "FROM grade g JOIN submitted_notebook sn ON g.notebook_id = sn.id "
            "JOIN submitted_assignment sa ON sn.assignment_id = sa.id "
            "JOIN base_cell bc ON g.cell_id = bc.id JOIN grade_cells gc ON gc.id = bc.id"
        ).fetchall()
        comments = con.execute(
            "SELECT sa.student_id, bc.name, c.manual_comment FROM comment c "
            "JOIN submitted_notebook sn ON c.notebook_id = sn.id "
            "JOIN submitted_assignment sa ON sn.assignment_id = sa.id "
            "JOIN base_cell bc ON c.cell_id = bc.id"
        ).fetchall()
        cells = con.execute(
            "SELECT bc.name, gc.max_score FROM grade_cells gc JOIN base_cell bc ON "
            "gc.id = bc.id JOIN notebook n ON bc.notebook_id = n.id JOIN assignment a ON "
            "n.assignment_id = a.id WHERE a.name = ?",
            (A,),
        ).fetchall()
    by_learner: dict[str, list[list[Any]]] = {}
    for learner, *grade in grades:
        by_learner.setdefault(learner, []).append(grade)
    said: dict[str, list[list[Any]]] = {}
    for learner, *comment in comments:
        said.setdefault(learner, []).append(comment)
    return {
        "submissions": dict(submissions),
        "notebooks": dict(notebooks),
        "grades": by_learner,
        "comments": said,
        "grade_cells": sorted(cells),
    }


def _rows(report: Any) -> dict[str, dict[str, Any]]:
    return {
        r.learner: {
            "score": r.score,
            "max_score": r.max_score,
            "status": r.status,
            "seconds": r.seconds,
            "sandbox": r.sandbox,
            "problems": [[p.kind, p.message, str(p)] for p in r.problems],
        }
        for r in report.rows
    }


# ------------------------------------------------------------------------------ the class


def _grade_the_class(root: Path, feedback: bool = True) -> dict[str, Any]:
    """Build, grade and re-grade the class in ``root``; everything observed, as plain data
    (with ``feedback``, the feedback page of ``script-in-output`` too)."""
    from smm_helpers.grading import history
    from smm_helpers.grading.autograde import autograde
    from smm_helpers.grading.collect import collect_from_exchange
    from smm_helpers.grading.course import open_course
    from smm_helpers.grading.demo import RUNTIME, submit_sample
    from smm_helpers.grading.release import release

    shutil.copytree(REPO / "course", root / "course", ignore=shutil.ignore_patterns(*RUNTIME))
    shutil.copytree(REPO / "assignments" / A, root / "assignments" / A)
    canary = root / "outside" / "canary.txt"
    canary.parent.mkdir()
    canary.write_text(CANARY, encoding="utf-8")
    sandboxes = root / "sandboxes"
    sandboxes.mkdir()
    attacks = {f"attack-{d.name}": d for d in sorted((ATTACKS / A).iterdir())}
    learners = [*HONEST, *attacks, *(f"attack-{name}" for name in GENERATED)]
    (root / "course" / "roster.csv").write_text(
        "id,first_name,last_name,email\n"
        + "".join(
            f"{learner},Test,{learner.title()},{learner}@example.org\n" for learner in learners
        ),
        encoding="utf-8",
    )
    course = open_course(root / "course")
    lines: list[str] = []
    release(course, A, lines.append)
    inbound = course.exchange_dir / course.course_id / "inbound"
    folders = {learner: SAMPLES / folder for learner, folder in HONEST.items()} | attacks
    for name, (answers, edit) in _generated(course, canary).items():
        folders[f"attack-{name}"] = _write_notebook(root / "generated" / name, answers, edit)
    _shadow_modules(folders["attack-shadow-modules"], canary)
    sent = {
        learner: submit_sample(inbound, learner, A, folder) for learner, folder in folders.items()
    }
    # A reader would wait forever; its name would rewrite the instructor's terminal.
    os.mkfifo(sent["attack-fifo-in-exchange"] / f"posts{ESCAPES}.csv")
    paths = _known_paths(course, canary)
    _links(
        sent["attack-symlinks-in-exchange"],
        {
            "notes.db": paths["gradebook"],
            "source.ipynb": paths["source"],
            "canary.txt": paths["canary"],
            "friend.ipynb": str(sent["sample-all-correct"] / f"{A}.ipynb"),
        },
    )
    collected = collect_from_exchange(course, A, lines.append)
    _links(
        course.path("submitted") / "attack-symlinks-in-submitted" / A,
        {
            "notes.db": paths["gradebook"],
            "source.ipynb": paths["source"],
            "canary.txt": paths["canary"],
            "friend.ipynb": paths["friend"],
        },
    )
    os.mkfifo(course.path("submitted") / "attack-fifo-in-submitted" / A / "posts.csv")

    skip = [
        course.path("autograded"),
        course.path("feedback"),
        course.path("history"),
        course.path("similarity"),
        sandboxes,
    ]
    before = _snapshot(root, skip)
    watched = {learner for learner in learners if learner.startswith("attack-")}
    marks = [str(sandboxes), DAEMON_MARK]
    # As root, two at a time; an ordinary user's sandboxes share one process limit, so
    # autograde grades them one at a time by default (see GRADERS), as here.
    workers = WORKERS if os.geteuid() == 0 else None
    with _sandboxes_in(sandboxes):
        started = time.perf_counter()
        report = autograde(
            course,
            A,
            timeout=CELL_TIMEOUT,
            notebook_timeout=NOTEBOOK_TIMEOUT,
            workers=workers,
            echo=lines.append,
        )
        elapsed = time.perf_counter() - started
    facts: dict[str, Any] = {
        "learners": learners,
        "elapsed": elapsed,
        "rows": _rows(report),
        "workers": getattr(report, "workers", 1),
        "collect": [[p.kind, p.learner, p.message] for p in collected.problems],
        "table": report.table(),
        "retries": [str(r) for r in getattr(report, "retries", [])],
        "outputs": {learner: _outputs(course, learner) for learner in learners},
        "survivors": _survivors(marks, watched),
        "left_in_tmp": sorted(p.name for p in sandboxes.iterdir()),
        "changed": _differences(before, _snapshot(root, skip)),
        "gradebook": _gradebook(course.folder / "gradebook.db"),
        "canary": canary.read_text(encoding="utf-8"),
        "source_unchanged": (course.source_dir / A / f"{A}.ipynb").read_bytes()
        == SOURCE.read_bytes(),
        "honest_submitted_unchanged": {
            learner: (course.path("submitted") / learner / A / f"{A}.ipynb").read_bytes()
            == (SAMPLES / folder / f"{A}.ipynb").read_bytes()
            for learner, folder in HONEST.items()
        },
        "planted_in_repo": sorted(str(p) for p in _planted_in_python()),
    }

    # A manual grade and comment, then part of the class graded again.
    learner, cell, score, comment = MANUAL
    with course.gradebook() as gb:
        grade = gb.find_grade(cell, A, A, learner)
        grade.manual_score = score
        note = gb.find_comment(cell, A, A, learner)
        note.manual_comment = comment
        gb.db.commit()
    first_runs = {learner: len(history.runs(course, A, learner)) for learner in learners}
    with _sandboxes_in(sandboxes):
        again = autograde(
            course,
            A,
            learners=REGRADED,
            timeout=CELL_TIMEOUT,
            notebook_timeout=NOTEBOOK_TIMEOUT,
            workers=workers,
            echo=lines.append,
        )
    with course.gradebook() as gb:
        kept = (
            gb.find_grade(cell, A, A, learner).manual_score,
            gb.find_comment(cell, A, A, learner).manual_comment,
        )
    kept_runs = history.runs(course, A, learner)
    facts["regrade"] = {
        "rows": _rows(again),
        "manual": list(kept),
        "first_runs": first_runs,
        "runs": {learner: len(history.runs(course, A, learner)) for learner in learners},
        "archived": json.loads((kept_runs[-1] / "grades.json").read_text(encoding="utf-8"))
        if kept_runs
        else None,
        "archived_notebook": bool(kept_runs)
        and (kept_runs[-1] / "autograded" / f"{A}.ipynb").is_file(),
        "survivors": _survivors(marks, watched),
        "changed": _differences(before, _snapshot(root, skip)),
        "gradebook": _gradebook(course.folder / "gradebook.db"),
        "canary": canary.read_text(encoding="utf-8"),
    }
    facts["log_tail"] = lines[-5:]
    facts["echoed"] = lines
    if feedback:
        facts["feedback"] = _feedback_page(course, "attack-script-in-output")
    return facts


def _feedback_page(course: Any, learner: str) -> str:
    """The feedback page ``smm-course feedback`` writes for ``learner``."""
    from smm_helpers.grading.feedback import feedback

    said: list[str] = []
    pages = feedback(course, A, [learner], echo=said.append)
    return pages[0].read_text(encoding="utf-8") if pages else "no page: " + "\n".join(said)


def _planted_in_python() -> list[Path]:
    """Files the write attacks would plant in Python's or SMM Lab's own folders."""
    import site

    import smm_helpers.checks.asserts as asserts

    found = [
        Path(folder) / "sitecustomize.py"
        for folder in [*site.getsitepackages(), os.path.dirname(os.__file__)]
        if (Path(folder) / "sitecustomize.py").is_file()
        and "attack" in (Path(folder) / "sitecustomize.py").read_text(errors="replace")
    ]
    if "attack-write-files" in Path(asserts.__file__).read_text(encoding="utf-8"):
        found.append(Path(asserts.__file__))
    return found


Facts = dict[str, Any]


GRADERS = ("as-root", "as-an-ordinary-user")
"""Who grades the class: the sandbox takes different paths for each (as root, bubblewrap
starts first and the launcher inside drops to a user of its own; as an ordinary user, the
launcher starts first, outside bubblewrap, in the learner's folder, and a user namespace is
made)."""

_GRADE_AS_USER = """
import json, sys
from pathlib import Path
from tests.test_grading_adversarial import _grade_the_class
Path(sys.argv[2]).write_text(json.dumps(_grade_the_class(Path(sys.argv[1]), feedback=False)))
"""


def _grade_as_an_ordinary_user(root: Path) -> Facts:
    """The class graded in ``root`` by the ``nobody`` account, with a Python it can run."""
    from tests.hub_support import ordinary_user_python, run_as

    account = pwd.getpwuid(NOBODY).pw_name
    python, why = ordinary_user_python(account, root)
    if python is None:
        system_part_missing(why)
    work, home = root / "class", root / "home"
    record = home / "facts.json"
    for folder in (work, home):
        folder.mkdir()
        os.chown(folder, NOBODY, NOBODY)
    done = run_as(
        account,
        [python, "-c", _GRADE_AS_USER, str(work), str(record)],
        {
            "PATH": f"{Path(python).parent}:/usr/local/bin:/usr/bin:/bin",
            "HOME": str(home),
            "TMPDIR": str(home),
        },
        cwd=REPO,
        timeout=1800,
    )
    if done.returncode != 0 or not record.is_file():
        raise RuntimeError(
            f"grading as {account} failed (exit {done.returncode}): {done.stderr[-3000:]}"
        )
    return dict(json.loads(record.read_text(encoding="utf-8")))


def _grade_as(grader: str, tmp_path_factory: pytest.TempPathFactory) -> Facts:
    if (grader == "as-root") == (os.geteuid() == 0):
        return _grade_the_class(tmp_path_factory.mktemp("adversarial"))
    if grader == "as-root":
        pytest.skip(
            "grading as root needs root; this run is an ordinary user's, which the "
            "other grader covers"
        )
    from tests.hub_support import shared_tmp_root

    root = shared_tmp_root("smm-adversarial-user-")
    try:
        return _grade_as_an_ordinary_user(root)
    finally:
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module", params=GRADERS)
def graded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Facts:
    """The class graded once per session by each grader (see the module): what was
    observed."""
    from smm_helpers.grading.sandbox.bwrap import support

    found = support()
    if not found.available:
        system_part_missing(f"the adversarial suite needs the sandbox: {found.why}")
    grader = request.param
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    record = shared / f"adversarial-facts-{grader}.json"
    failure = shared / f"adversarial-failed-{grader}.txt"
    with (shared / f"adversarial-{grader}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one worker grades; the others wait for its facts
        if not record.exists() and not failure.exists():
            try:
                facts = _grade_as(grader, tmp_path_factory)
            except pytest.skip.Exception:
                raise
            except Exception as error:
                failure.write_text(f"{type(error).__name__}: {error}", encoding="utf-8")
                raise
            record.write_text(json.dumps(facts), encoding="utf-8")
    if failure.exists():
        pytest.fail(f"grading the adversarial class {grader} failed: {failure.read_text()}")
    if not record.exists():
        pytest.skip(f"the class is not graded {grader} in this run")
    return dict(json.loads(record.read_text(encoding="utf-8")), grader=grader)


def _problems(facts: Facts, learner: str) -> list[list[str]]:
    return facts["rows"][learner]["problems"]


# ------------------------------------------------------------------------------ each attack


@pytest.mark.parametrize("attack", _params())
def test_each_attack_earns_exactly_its_score(graded: Facts, attack: str) -> None:
    row = graded["rows"][f"attack-{attack}"]
    assert (row["score"], row["max_score"]) == (EXPECTED[attack].score, MAX), row["problems"]


@pytest.mark.parametrize("attack", _params())
def test_each_attack_is_named_in_the_summary_in_plain_words(graded: Facts, attack: str) -> None:
    from smm_helpers.grading.problems import KINDS

    learner = f"attack-{attack}"
    problems = _problems(graded, learner)
    kinds = {kind for kind, _, _ in problems}
    assert kinds <= set(KINDS)
    for kind, words in EXPECTED[attack].words.items():
        said = " ".join(m for k, m, _ in problems if k == kind).lower()
        assert said, f"{learner}: no '{kind}' problem in {problems}"
        for word in words:
            assert word.lower() in said, f"{learner}: '{word}' not in its {kind}: {said}"
    assert "failed" not in kinds, f"{learner}: the grader did not cope: {problems}"
    for _, _, line in problems:  # each one, on its own line of the summary table
        assert f"✗ {line}" in graded["table"]
    pending = r"( auto \+ \d+ pending)?"  # a written answer waits for its hand grade
    score = (
        "missing"
        if attack == "missing-notebook"
        else rf"{EXPECTED[attack].score:g}{pending} / {MAX:g}"
    )  # no notebook: missing, not 0
    assert re.search(rf"^{re.escape(learner)}\s+{A}\s+{score} ", graded["table"], re.MULTILINE)


@pytest.mark.parametrize(
    "attack", _params({name for name, e in EXPECTED.items() if e.output or e.not_output})
)
def test_attacks_found_changed_and_reached_nothing(graded: Facts, attack: str) -> None:
    """The attack ran (its cells printed) and says it found, changed or reached nothing."""
    printed = graded["outputs"][f"attack-{attack}"]
    expected = (
        AS_USER.get(attack, EXPECTED[attack]) if graded["grader"] != "as-root" else EXPECTED[attack]
    )
    for grade_id, text in expected.output.items():
        assert text in printed.get(grade_id, ""), f"{attack}, {grade_id}: {printed}"
    for text in expected.not_output:
        assert not any(text in out for out in printed.values()), printed


def test_links_and_pipes_in_an_exchange_submission_are_refused_when_collected(
    graded: Facts,
) -> None:
    said = {
        learner: [(kind, message) for kind, who, message in graded["collect"] if who == learner]
        for learner in ("attack-symlinks-in-exchange", "attack-fifo-in-exchange")
    }
    links = said["attack-symlinks-in-exchange"]
    assert links and all(
        kind == "blocked file access" and "link" in message for kind, message in links
    )
    pipes = said["attack-fifo-in-exchange"]
    assert pipes and all(
        kind == "blocked file access" and ESCAPES in message and "pipe" in message
        for kind, message in pipes
    ), pipes
    assert {learner for _, learner, _ in graded["collect"]} == set(said)  # nobody else's


def test_what_the_instructor_reads_runs_nothing_a_learner_wrote(graded: Facts) -> None:
    """The terminal: every line collect and autograde printed shows control characters
    escaped.  The browser: the feedback page of ``script-in-output`` holds its words but no
    live markup (its script shows as text)."""
    from smm_helpers.grading.sanitize import active_markup

    printed = "\n".join(graded["echoed"])
    assert not [c for c in printed if c == "\u202e" or (ord(c) < 32 and c != "\n")]
    assert "posts\\x1b]0;pwned\\x07" in printed  # the pipe's name, shown escaped
    if "feedback" not in graded:
        # Graded as an ordinary user, the class is graded by an overlay of the system's
        # Python (see tests/hub_support.user_python), whose older standard library breaks
        # the HTML exporter's soupsieve; who grades never changes what a page shows.
        return
    page = graded["feedback"]
    assert "TikTok" in page, page[-2000:]
    assert re.search(r"&lt;script&gt;alert\((&#x27;|')markdown(&#x27;|')\)", page), page[-2000:]
    assert active_markup(page) == []


def test_every_attack_sample_has_an_expectation_and_the_readme_agrees() -> None:
    """``attacks/README.md`` lists each sample folder with the score and kinds this suite
    expects of it (the generated attacks are described there in words)."""
    folders = {d.name for d in (ATTACKS / A).iterdir()}
    assert folders == set(EXPECTED) - set(GENERATED)
    for folder in folders:
        files = {p.name for p in (ATTACKS / A / folder).iterdir()}
        assert "timestamp.txt" in files, folder
    rows = {}
    for line in (ATTACKS / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0] in folders:
            rows[cells[0]] = (float(cells[2]), set(cells[3].split(", ")) - {"—"})
    assert rows == {name: (EXPECTED[name].score, set(EXPECTED[name].words)) for name in folders}


# ------------------------------------------------------------------------------ the class


def test_honest_learners_in_the_same_run_get_their_exact_scores(graded: Facts) -> None:
    # all-correct answers every part; partial fails only Part 1's hidden test (module doc)
    expected = {
        "sample-all-correct": AUTO,
        "sample-partial": POINTS["best_platform"] + POINTS["smart_goal"],
    }
    assert expected == {"sample-all-correct": 7, "sample-partial": 4}
    for learner, score in expected.items():
        row = graded["rows"][learner]
        assert (row["score"], row["max_score"], row["status"]) == (score, MAX, "ok"), row
        assert row["sandbox"] == "bubblewrap"
    per_cell = {
        learner: {
            name: auto
            for name, _, auto, _ in graded["gradebook"]["grades"][learner]
            if name in TESTS
        }
        for learner in expected
    }
    assert per_cell == {
        "sample-all-correct": {t: POINTS[t] for t in TESTS},
        "sample-partial": {
            "engagement_rate_by_reach": 0,
            "best_platform": POINTS["best_platform"],
            "smart_goal": POINTS["smart_goal"],
        },
    }
    assert all(graded["honest_submitted_unchanged"].values())


def test_the_run_finished_in_time_with_every_learner_and_no_worker_lost(graded: Facts) -> None:
    rows = graded["rows"]
    assert list(rows) == graded["learners"], "every learner has a row, in roster order"
    assert graded["retries"] == [], "a submission stopped a grading worker process"
    # one notebook may use its 60 s, plus starting and killing its kernel
    slowest = max(rows, key=lambda learner: rows[learner]["seconds"])
    assert rows[slowest]["seconds"] < NOTEBOOK_TIMEOUT + 45, slowest
    assert graded["elapsed"] < sum(r["seconds"] for r in rows.values()) / graded["workers"] + 120
    assert graded["workers"] == (WORKERS if graded["grader"] == "as-root" else 1)
    assert all(r["sandbox"] == "bubblewrap" for r in rows.values())


def test_the_gradebook_is_consistent(graded: Facts) -> None:
    """Before and after the re-grade: the assignment's graded cells with the instructor's
    points, one submission per learner who handed in a notebook (a broken or misnamed one
    too: it earned 0, it is not missing; none without a notebook), each with exactly one
    grade per graded cell and one comment per answer cell, scores within their maximum,
    adding up to the learner's row."""
    rows = {name: row["score"] for name, row in graded["rows"].items()}
    after = rows | {name: row["score"] for name, row in graded["regrade"]["rows"].items()}
    graded_learners = set(graded["learners"]) - {"attack-missing-notebook"}
    for facts, scores in ((graded["gradebook"], rows), (graded["regrade"]["gradebook"], after)):
        assert facts["grade_cells"] == [[name, points] for name, points in sorted(POINTS.items())]
        assert facts["submissions"] == dict.fromkeys(graded_learners, 1)
        assert facts["notebooks"] == dict.fromkeys(graded_learners, 1)
        for learner in sorted(graded_learners):
            grades = facts["grades"].get(learner, [])
            assert sorted(name for name, *_ in grades) == sorted(POINTS), learner
            for name, max_score, auto, manual in grades:
                assert max_score == POINTS[name], (learner, name)
                for score in (auto, manual):
                    assert score is None or 0 <= score <= max_score, (learner, name, score)
            total = sum(
                manual if manual is not None else (auto or 0) for _, _, auto, manual in grades
            )
            assert total == scores[learner], learner
            answered = sorted(name for name, _ in facts["comments"].get(learner, []))
            assert answered == sorted([ER, BEST, GOAL, "platform_recommendation"]), learner


def test_no_file_outside_the_sandboxes_changed(graded: Facts) -> None:
    assert graded["changed"] == []
    assert graded["regrade"]["changed"] == []
    assert graded["canary"] == graded["regrade"]["canary"] == CANARY
    assert graded["source_unchanged"]
    assert graded["planted_in_repo"] == []


def test_no_process_a_submission_started_outlives_grading(graded: Facts) -> None:
    assert "left a daemon behind" in graded["outputs"]["attack-daemon"][ER]
    assert graded["survivors"] == []
    assert graded["regrade"]["survivors"] == []
    assert [name for name in graded["left_in_tmp"] if name.startswith("smm-grading")] == []


def test_regrading_is_idempotent_keeps_manual_grades_and_the_history(graded: Facts) -> None:
    regrade = graded["regrade"]
    learner, cell, score, comment = MANUAL
    again = {name: (row["score"], row["status"]) for name, row in regrade["rows"].items()}
    first = {
        name: (graded["rows"][name]["score"], graded["rows"][name]["status"]) for name in REGRADED
    }
    first[learner] = (first[learner][0] + score, first[learner][1])  # the manual 2 points
    assert list(again) == REGRADED
    assert again == first
    assert regrade["manual"] == [score, comment]
    # the first run of each re-graded learner who had a notebook graded is kept
    had_grades = {name for name in REGRADED if name in graded["gradebook"]["submissions"]}
    assert all(regrade["first_runs"][name] == 0 for name in graded["learners"])
    assert {name: n for name, n in regrade["runs"].items() if n} == dict.fromkeys(had_grades, 1)
    archived = regrade["archived"]
    assert archived["learner"] == learner and archived["score"] == AUTO + score
    cells = {g["cell"]: g for g in archived["notebooks"][0]["grades"]}
    assert cells[cell]["manual_score"] == score and cells[TESTS[0]]["auto_score"] == 3
    assert regrade["archived_notebook"]
