"""Nothing a learner writes runs on the grader's side; a grader stays bounded and tidy.

Issue 13: the sandbox's launcher, the learner's kernel and every grading process start
isolated from the folder they run in, so a submission (or the folder the instructor grades
from) that holds ``smm_helpers/``, ``pandas.py``, ``sitecustomize.py``,
``usercustomize.py`` or a ``.pth`` changes nothing; a learner's files are read and copied
without following links or waiting on named pipes, and over a size cap they are "too
large"; each grading process has a memory ceiling; a killed grader leaves neither
processes nor learners' files behind (the next grading removes its folders).

The end-to-end tests grade one assignment for two learners through the real command,
``smm-course autograde --workers 2``, run from a folder of decoys, once as root and once
as an ordinary user (``setpriv``).  Every decoy, when imported, leaves a marker file in a
folder outside any sandbox; none may appear, and the scores must be the honest ones
(``all-correct`` 7, ``partial`` 4: see ``course/README.md``).
"""

from __future__ import annotations

import ast
import contextlib
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, in_time, state_and_parent, system_part_missing
from tests.hub_support import ordinary_user_python

A = "01-platforms-and-planning"
SAMPLES = REPO / "course" / "samples" / A
NOBODY = 65534
SMM_COURSE = Path(sys.executable).parent / "smm-course"
"""The installed command (run as ``python SMM_COURSE``: exactly what the script does,
without needing its ``#!`` line readable by another user)."""


# ------------------------------------------------------------------------------ decoys


def _decoy(markers: Path, name: str) -> str:
    """Python that leaves ``markers/<name>-<pid>`` when it runs (and nothing else)."""
    return (
        f"import os\ntry:\n    open(os.path.join({str(markers)!r}, {name!r} + '-' + "
        "str(os.getpid())), 'w').close()\nexcept OSError:\n    pass\n"
    )


def plant_decoys(folder: Path, markers: Path, *, package: bool = True) -> None:
    """Modules in ``folder`` that, imported from it, leave a marker in ``markers``."""
    folder.mkdir(parents=True, exist_ok=True)
    modules = ["pandas.py", "sitecustomize.py", "usercustomize.py", "ipykernel/__init__.py"]
    if package:
        modules += [
            "smm_helpers/__init__.py",
            "smm_helpers/grading/__init__.py",
            "smm_helpers/grading/sandbox/__init__.py",
            "smm_helpers/grading/sandbox/launch.py",
            "smm_helpers/grading/sandbox/kernel.py",
        ]
    for module in modules:
        path = folder / module
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_decoy(markers, module.replace("/", ".")))
    run = _decoy(markers, "evil.pth").replace("\n", "\\n")
    (folder / "evil.pth").write_text(f"import os; exec({run!r})\n")


def _markers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_the_decoys_leave_markers_when_they_are_on_the_path(tmp_path: Path) -> None:
    """The decoys work: imported the ordinary way (``python -c`` puts the current folder
    first on ``sys.path``), they leave their markers.  The tests below rely on it."""
    markers = tmp_path / "markers"
    markers.mkdir()
    plant_decoys(tmp_path / "here", markers)
    subprocess.run(
        [sys.executable, "-c", "import pandas, smm_helpers.grading.sandbox.launch"],
        cwd=tmp_path / "here",
        check=True,
        timeout=60,
        env={"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path)},
    )
    found = _markers(markers)
    assert any(m.startswith("pandas.py-") for m in found), found
    assert any(m.startswith("smm_helpers.grading.sandbox.launch.py-") for m in found), found


# ------------------------------------------------------------------ the launcher itself


def test_the_launcher_is_started_by_its_file_name_isolated_and_imports_only_the_stdlib(
    tmp_path: Path,
) -> None:
    from smm_helpers.grading.sandbox import bwrap, launch

    source = Path(launch.__file__).read_text(encoding="utf-8")
    imported = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    assert imported - {"__future__"} <= set(sys.stdlib_module_names), imported

    box = bwrap.Sandbox(tmp_path / "box")
    work = box.prepare(None, A)
    for root in (True, False):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(bwrap, "is_root", lambda root=root: root)
            args = box.wrap(["python", "-I", "-c", "pass"], work)
        at = args.index(str(Path(launch.__file__).resolve()))
        assert args[at - 2 : at] == [sys.executable, "-I"], args[at - 2 : at + 1]
        assert "-m" not in args[:at] and "smm_helpers.grading.sandbox.launch" not in args


def test_the_kernel_starts_isolated_with_the_learners_folder_last_on_its_path(
    tmp_path: Path,
) -> None:
    from smm_helpers.grading.sandbox import bwrap
    from smm_helpers.grading.sandbox.kernel import KERNEL_PROGRAM, SandboxedKernelManager

    box = bwrap.Sandbox(tmp_path / "box")
    work = box.prepare(None, A)
    manager = SandboxedKernelManager(sandbox=box, work=work, kernel_name="python3")
    command = manager.format_kernel_cmd()
    at = command.index(KERNEL_PROGRAM)
    assert command[at - 3 : at] == [sys.executable, "-I", "-c"]
    # SMM Lab's package is imported before the learner's folder is on the path, and that
    # folder comes after every installed package
    assert (
        KERNEL_PROGRAM.index("import smm_helpers")
        < KERNEL_PROGRAM.index('sys.path.append("")')
        > KERNEL_PROGRAM.index("app.initialize()")
    )


# ------------------------------------------------------------------------- safe files


def test_a_safe_copy_takes_files_and_folders_only_and_reports_the_rest(tmp_path: Path) -> None:
    from smm_helpers.grading import safe_files

    learner = tmp_path / "learner"
    (learner / "data").mkdir(parents=True)
    (learner / "answer.ipynb").write_text("{}")
    (learner / "data" / "posts.csv").write_text("a,b\n1,2\n")
    (learner / "data" / "big.csv").write_bytes(b"x" * 5000)
    (learner / "gradebook.db").symlink_to("/etc/passwd")
    (learner / "all").symlink_to("/", target_is_directory=True)
    os.mkfifo(learner / "data" / "pipe")
    (learner / ".ipynb_checkpoints").mkdir()
    left = in_time(
        lambda: safe_files.copy_tree(
            learner, tmp_path / "copy", file_limit=4096, skip=safe_files.skip_names()
        )
    )
    copied = sorted(str(p.relative_to(tmp_path / "copy")) for p in (tmp_path / "copy").rglob("*"))
    assert copied == ["answer.ipynb", "data", "data/posts.csv"]
    assert {(e.path, e.kind) for e in left} == {
        ("all", "link"),
        ("gradebook.db", "link"),
        ("data/big.csv", "too large"),
        ("data/pipe", "special"),
    }
    assert [e.problem_kind for e in left if e.kind == "too large"] == ["too large"]

    # the whole folder over its cap: nothing is copied, one entry says why
    left = safe_files.copy_tree(learner, tmp_path / "copy2", folder_limit=10)
    assert [(e.path, e.kind) for e in left] == [("learner", "too large")]
    assert not (tmp_path / "copy2").exists()
    # the folder itself a link: nothing is copied
    (tmp_path / "link").symlink_to(learner, target_is_directory=True)
    assert [e.kind for e in safe_files.copy_tree(tmp_path / "link", tmp_path / "c3")] == ["link"]


@pytest.mark.parametrize("swap", ["link", "fifo"])
def test_a_file_swapped_between_listing_and_opening_is_not_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, swap: str
) -> None:
    """The learner replaces ``notes.txt`` by a link to a secret, or a named pipe, after the
    folder was listed and before the file is opened: the descriptor opened is judged."""
    from smm_helpers.grading import safe_files

    secret = tmp_path / "secret.txt"
    secret.write_text("every learner's grades")
    learner = tmp_path / "learner"
    learner.mkdir()
    (learner / "notes.txt").write_text("mine")
    entry = safe_files._TreeCopy.entry

    def swapped(self: Any, fd: int, target_fd: int, name: str, *args: Any) -> None:
        if name == "notes.txt":
            os.unlink(name, dir_fd=fd)
            if swap == "link":
                os.symlink(secret, name, dir_fd=fd)
            else:
                os.mkfifo(learner / name)
        entry(self, fd, target_fd, name, *args)

    monkeypatch.setattr(safe_files._TreeCopy, "entry", swapped)
    left = in_time(lambda: safe_files.copy_tree(learner, tmp_path / "copy"))
    assert not (tmp_path / "copy" / "notes.txt").exists()
    assert [(e.path, e.kind) for e in left] == [
        ("notes.txt", "link" if swap == "link" else "special")
    ]


def test_reading_a_learners_file_never_follows_or_blocks(tmp_path: Path) -> None:
    from smm_helpers.grading import safe_files

    os.mkfifo(tmp_path / "pipe.ipynb")
    (tmp_path / "link.ipynb").symlink_to("/etc/passwd")
    for name, kind in (("pipe.ipynb", "special"), ("link.ipynb", "link")):
        path = tmp_path / name
        with pytest.raises(safe_files.Refused) as refused:
            in_time(lambda: safe_files.read_file(path))  # noqa: B023 (run at once)
        assert refused.value.left_out.kind == kind
    assert safe_files.read_tail(tmp_path / "pipe.ipynb") == b""


def test_a_sandbox_copies_nothing_that_is_not_a_file_or_folder(tmp_path: Path) -> None:
    from smm_helpers.grading.sandbox import bwrap

    files = tmp_path / "submitted"
    files.mkdir()
    (files / f"{A}.ipynb").write_text("{}")
    os.mkfifo(files / "pipe")
    (files / "notes.db").symlink_to("/etc/passwd")
    box = bwrap.Sandbox(tmp_path / "box")
    work = in_time(lambda: box.prepare(files, A))
    assert sorted(p.name for p in work.iterdir()) == [f"{A}.ipynb"]
    assert box.links == ["notes.db"]
    assert sorted(e.path for e in box.left_out) == ["notes.db", "pipe"]


# ------------------------------------------------------------------- memory ceiling


def test_a_worker_over_its_memory_ceiling_gets_a_memory_error_not_the_machine() -> None:
    program = (
        "from smm_helpers.grading.worker import limit_memory\n"
        "limit_memory(400)\n"
        "try:\n    block = bytearray(1_000_000_000)\nexcept MemoryError:\n"
        "    print('MemoryError')\n"
        "small = bytearray(50_000_000); print('still works')\n"
    )
    done = subprocess.run(
        [sys.executable, "-I", "-c", program],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.split() == ["MemoryError", "still", "works"]


@pytest.fixture
def course(tmp_path: Path) -> Any:
    """The course, assignment 01 released and generated, ``sample-all-correct`` collected."""
    from smm_helpers.grading.collect import collect_from_exchange
    from smm_helpers.grading.course import open_course
    from smm_helpers.grading.demo import RUNTIME, submit_sample
    from smm_helpers.grading.prepare import prepare
    from smm_helpers.grading.release import release

    shutil.copytree(REPO / "course", tmp_path / "course", ignore=shutil.ignore_patterns(*RUNTIME))
    shutil.copytree(REPO / "assignments" / A, tmp_path / "assignments" / A)
    opened = open_course(tmp_path / "course")
    release(opened, A, lambda _: None)
    inbound = opened.exchange_dir / opened.course_id / "inbound"
    submit_sample(inbound, "sample-all-correct", A, SAMPLES / "all-correct")
    collect_from_exchange(opened, A, lambda _: None)
    prepare(opened, A, ["sample-all-correct"])
    return opened


def test_a_notebook_over_the_size_cap_or_a_memory_error_fails_only_as_too_large(
    course: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from smm_helpers.grading import grade_learner, safe_files

    monkeypatch.setattr(safe_files, "NOTEBOOK_LIMIT", 1000)
    row = grade_learner.grade_submission(course, A, "sample-all-correct")
    assert row.status == "too large" and row.score == 0
    assert "is too large: over the limit of 1000 bytes" in row.problems[0].message
    monkeypatch.undo()

    def exhausted(*args: Any, **kwargs: Any) -> Any:
        raise MemoryError

    monkeypatch.setattr(grade_learner, "_run_nbgrader", exhausted)
    row = grade_learner.grade_submission(course, A, "sample-all-correct")
    assert row.status == "too large"
    assert "more memory than a grading process may use" in row.problems[0].message


# ----------------------------------------------------------------- grading folders


@contextlib.contextmanager
def _held_elsewhere(lock: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding ``lock`` locked, as a live grader holds its folder's."""
    program = (
        "import fcntl, os, sys, time\nfd = os.open(sys.argv[1], os.O_RDONLY)\n"
        "fcntl.flock(fd, fcntl.LOCK_EX)\nprint('held', flush=True)\ntime.sleep(600)\n"
    )
    with subprocess.Popen(
        [sys.executable, "-I", "-c", program, str(lock)], stdout=subprocess.PIPE, text=True
    ) as holder:
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
            yield holder
        finally:
            holder.kill()


def test_only_folders_no_live_grader_holds_are_swept(tmp_path: Path) -> None:
    from smm_helpers.grading.sandbox import scratch

    def folder(name: str, lock: bool = True, age: float = 0.0) -> Path:
        made = tmp_path / name
        (made / "home" / A).mkdir(parents=True)
        (made / "home" / A / "answers.txt").write_text("a learner's file")
        if lock:
            (made / scratch.LOCK).touch()
        if age:
            os.utime(made, (time.time() - age, time.time() - age))
        return made

    stale = folder("smm-grading-killed")
    live = folder("smm-grading-alive")
    young = folder("smm-grading-oldversion", lock=False)
    old = folder("smm-grading-oldversion2", lock=False, age=3 * 86_400)
    other = folder("not-ours", lock=False, age=3 * 86_400)
    (tmp_path / "smm-grading-a-link").symlink_to(other)
    with _held_elsewhere(live / scratch.LOCK):
        removed = scratch.sweep(tmp_path)
        assert sorted(removed) == sorted([stale, old])
        assert live.is_dir() and young.is_dir() and other.is_dir()
    mine = scratch.make_folder(tmp_path)  # a new grading sweeps first: now live is stale
    assert not live.exists() and mine.is_dir()
    scratch.remove(mine)
    assert not mine.exists()


# ------------------------------------------------------------------------ end to end


@pytest.fixture(scope="module")
def world() -> Iterator[Path]:
    """A folder every user can enter (``tmp_path`` is root's own, 0700)."""
    root = Path(tempfile.mkdtemp(prefix="smm-isolation-", dir="/tmp"))
    root.chmod(0o755)
    try:
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


def build_course(root: Path, submissions: dict[str, Path]) -> Path:
    """A course in ``root`` with ``submissions`` (learner → sample folder) collected."""
    from smm_helpers.grading.collect import collect_from_exchange
    from smm_helpers.grading.course import open_course
    from smm_helpers.grading.demo import RUNTIME, submit_sample
    from smm_helpers.grading.release import release

    shutil.copytree(REPO / "course", root / "course", ignore=shutil.ignore_patterns(*RUNTIME))
    shutil.copytree(REPO / "assignments" / A, root / "assignments" / A)
    (root / "course" / "roster.csv").write_text(
        "id,first_name,last_name,email\n"
        + "".join(f"{lid},Learner,{lid},{lid}@example.org\n" for lid in submissions)
    )
    course = open_course(root / "course")
    release(course, A, lambda _: None)
    inbound = course.exchange_dir / course.course_id / "inbound"
    for learner, sample in submissions.items():
        submit_sample(inbound, learner, A, sample)
    collect_from_exchange(course, A, lambda _: None)
    return root / "course"


def _grade(
    course: Path,
    cwd: Path,
    home: Path,
    *,
    python: str = sys.executable,
    user: int | None = None,
    tmp: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """``smm-course autograde --workers 2`` in ``cwd`` with ``python``, as ``user`` (default:
    this one)."""
    command = [
        python,
        str(SMM_COURSE),
        "autograde",
        A,
        "--course",
        str(course),
        "--workers",
        "2",
        "--timeout",
        "20",
    ]
    if user is not None:
        command = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *command]
    env = {
        "PATH": os.pathsep.join(
            [str(Path(python).parent), os.environ.get("PATH", "/usr/bin:/bin")]
        ),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "TMPDIR": str(tmp or home),
    }
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=900, check=False
    )


def _scores(output: str) -> dict[str, str]:
    return {
        line.split()[0]: " ".join(line.split()[2:])
        for line in output.splitlines()
        if line.startswith(("iso-", "sample-"))
    }


@pytest.mark.slow
@pytest.mark.system
@pytest.mark.parametrize("as_root", [True, False], ids=["as-root", "as-an-ordinary-user"])
def test_decoys_in_the_submission_and_the_working_folder_change_nothing(
    world: Path, as_root: bool
) -> None:
    """Graded from a folder holding ``smm_helpers/``, ``pandas.py``, ``sitecustomize.py``
    ... and with a submission holding the same (``smm_helpers/grading/sandbox/launch.py``
    included): no decoy runs outside a sandbox, and both learners earn their honest score.
    """
    from smm_helpers.grading.sandbox.bwrap import support

    if not support().available:
        system_part_missing(f"the sandbox needs bubblewrap: {support().why}")
    python = sys.executable
    if not as_root:
        if os.geteuid() != 0:
            pytest.skip("switching to an ordinary user needs root; this run is one already")
        found, why = ordinary_user_python(pwd.getpwuid(NOBODY).pw_name, world)
        if found is None:
            system_part_missing(why)
        python = found
    root = world / ("root" if as_root else "user")
    markers = root / "markers"
    markers.mkdir(parents=True)
    sample = root / "sample-with-decoys"
    shutil.copytree(SAMPLES / "all-correct", sample)
    plant_decoys(sample, markers)
    course = build_course(root, {"iso-000": sample, "iso-008": SAMPLES / "partial"})
    assert (
        course / "submitted" / "iso-000" / A / "smm_helpers" / "grading" / "sandbox" / "launch.py"
    ).is_file()  # the decoys were collected with the notebook
    cwd, home = root / "cwd", root / "home"
    plant_decoys(cwd, markers)
    home.mkdir()
    markers.chmod(0o777)
    if not as_root:
        subprocess.run(["chown", "-R", f"{NOBODY}:{NOBODY}", str(root)], check=True)

    done = _grade(course, cwd, home, python=python, user=None if as_root else NOBODY)

    assert _markers(markers) == [], done.stdout + done.stderr
    assert _scores(done.stdout) == {
        "iso-000": "7 auto + 3 pending / 10 ok",
        "iso-008": "4 auto + 3 pending / 10 ok",
    }, done.stdout + done.stderr
    assert "WITHOUT a sandbox" not in done.stdout


def _descendants(pid: int) -> set[int]:
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, ValueError, IndexError):
                parents[int(entry.name)] = state_and_parent(entry.name)[1]
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier}
        found |= frontier
    return found


def _running(pids: set[int]) -> list[int]:
    alive = []
    for pid in pids:
        with contextlib.suppress(OSError, ValueError, IndexError):
            if state_and_parent(pid)[0] not in ("Z", "X"):
                alive.append(pid)
    return alive


def _mentioning(text: str) -> dict[int, str]:
    """Running processes whose command line mentions ``text``: pid → command line."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        with contextlib.suppress(OSError, ValueError, IndexError):
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            if text in cmdline and state_and_parent(entry.name)[0] not in ("Z", "X"):
                found[int(entry.name)] = cmdline
    return found


@pytest.mark.slow
@pytest.mark.system
def test_a_killed_grader_leaves_no_process_and_the_next_grading_removes_its_folders(
    world: Path,
) -> None:
    """``smm-course autograde --workers 2`` is killed (SIGKILL) while a sandboxed kernel
    runs an endless loop: its workers and sandboxes end within seconds, and the folders it
    left in the temporary folder are removed when the next grading starts."""
    from smm_helpers.grading.sandbox import scratch
    from smm_helpers.grading.sandbox.bwrap import support

    if not support().available:
        system_part_missing(f"the sandbox needs bubblewrap: {support().why}")
    root = world / "killed"
    course = build_course(
        root, {"iso-005": SAMPLES / "infinite-loop", "iso-000": SAMPLES / "all-correct"}
    )
    tmp = root / "tmp"
    tmp.mkdir()
    (root / "home").mkdir()
    command = [
        sys.executable,
        str(SMM_COURSE),
        "autograde",
        A,
        "--course",
        str(course),
        "--workers",
        "2",
        "--timeout",
        "300",
    ]
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(root / "home"),
        "LANG": "C.UTF-8",
        "TMPDIR": str(tmp),
    }
    grader = subprocess.Popen(
        command, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 300
        while not any("kernel.json" in c for c in _mentioning(str(tmp)).values()):
            assert grader.poll() is None, "the grading ended before a kernel started"
            assert time.monotonic() < deadline, "no sandboxed kernel started in 300 s"
            time.sleep(0.2)
        time.sleep(2)  # the endless loop runs
        started = _descendants(grader.pid)
        assert set(_mentioning(str(tmp))) <= started  # the sandboxes are the grader's
        left_behind = sorted(p.name for p in tmp.iterdir() if p.name.startswith("smm-"))
        assert left_behind  # the kernels' folders, in use
        grader.send_signal(signal.SIGKILL)
        grader.wait(timeout=30)
    finally:
        if grader.poll() is None:
            grader.kill()
            grader.wait(timeout=30)
    deadline = time.monotonic() + 30
    while (_running(started) or _mentioning(str(tmp))) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert _running(started) == [], [
        f"{p}: {c[:160]}" for p, c in _mentioning("").items() if p in started
    ]
    assert _mentioning(str(tmp)) == {}
    assert any(p.name.startswith("smm-grading-") for p in tmp.iterdir())  # left behind ...
    folder = scratch.make_folder(tmp)  # ... until the next grading starts
    assert [p.name for p in tmp.iterdir() if "smm-" in p.name] == [folder.name]
    scratch.remove(folder)


def test_only_an_ordinary_users_sandboxes_share_a_process_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """As an ordinary user, bubblewrap sandboxes all run as that user, so one learner's fork
    bomb could starve another's kernel: autograde then grades one at a time by default."""
    from smm_helpers.grading import autograde
    from smm_helpers.grading.sandbox import bwrap, launch

    monkeypatch.setattr(bwrap, "support", lambda: bwrap.Support(True, "bubblewrap works"))
    for root, sandbox, shared in (
        (False, "auto", True),
        (False, "bwrap", True),
        (True, "auto", False),
        (False, "none", False),
    ):
        monkeypatch.setattr(launch, "is_root", lambda root=root: root)
        assert autograde.sandboxes_share_a_process_limit(sandbox) is shared, (root, sandbox)
    said = autograde.SHARED_PROCESS_LIMIT.format(how="so they are graded one at a time")
    assert "fork bomb" in said and "root" in said
