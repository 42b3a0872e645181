"""What a submission's kernel can see and do: the bubblewrap command line, and a probe.

bubblewrap (``bwrap``, the sandbox Flatpak uses; Debian's ``bubblewrap``) starts the kernel in
new Linux namespaces.  Inside, the file system holds only what Python needs, read-only
(the system's libraries, this Python and its packages, SMM Lab's own package — never the
course folder), the learner's own copy of their submission (writable, thrown away
afterwards), and the folder of the kernel's sockets.  There is no network (a private
loopback only), no view of other processes (its own process tree, which dies with it), and
no way to signal the grader.  :mod:`.launch` adds resource limits and an unprivileged user;
it is started by its file name with ``python -I``, so nothing in the learner's folder is
imported before the sandbox holds.  The learner's files are copied in with
:mod:`smm_helpers.grading.safe_files`: regular files and folders only, never a link or a
named pipe.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import IO

import smm_helpers
from smm_helpers.grading import safe_files
from smm_helpers.grading.sandbox import launch
from smm_helpers.grading.sandbox.launch import Limits, is_root

HOME = "/home/learner"
"""Where a submission's own files are, inside the sandbox."""
_SYSTEM_DIRS = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
_ETC_FILES = (
    "ld.so.cache",
    "ld.so.conf",
    "ld.so.conf.d",
    "fonts",
    "localtime",
    "timezone",
    "nsswitch.conf",
    "passwd",
    "group",
    "hosts",
    "mime.types",
    "alternatives",
)


@dataclass(frozen=True)
class Support:
    """Whether this machine can sandbox submissions, and what holds if it can't."""

    available: bool
    why: str
    bwrap: str | None = None


@cache
def support() -> Support:
    """Probe once per process: is ``bwrap`` installed, and can it make namespaces here?

    Some systems forbid unprivileged user namespaces (a sysctl, or AppArmor on Ubuntu
    24.04 without bubblewrap's profile); the probe runs the real thing to find out.
    """
    if not sys.platform.startswith("linux"):
        return Support(False, f"bubblewrap needs Linux; this is {sys.platform}")
    found = shutil.which("bwrap")
    if found is None:
        return Support(
            False,
            "bubblewrap is not installed (Debian/Ubuntu: sudo apt-get "
            "install bubblewrap; Fedora: sudo dnf install bubblewrap)",
        )
    probe = [
        found,
        "--ro-bind",
        "/",
        "/",
        "--dev",
        "/dev",
        "--proc",
        "/proc",
        *_namespaces(),
        "--die-with-parent",
        "--new-session",
        "true",
    ]
    try:
        done = subprocess.run(probe, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        return Support(False, f"bubblewrap could not start: {error}", found)
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["no message"])[-1]
        return Support(
            False,
            f"bubblewrap cannot make namespaces here ({reason}); allow "
            "unprivileged user namespaces (sysctl "
            "kernel.unprivileged_userns_clone=1, or AppArmor's bwrap "
            "profile on Ubuntu)",
            found,
        )
    return Support(True, "bubblewrap works", found)


def _namespaces() -> list[str]:
    """New namespaces for everything; a user namespace only when not root.

    As root, bubblewrap sets the sandbox up with root's rights (so it can mount a Python
    that lives under /root) and the launcher inside becomes the sandbox's own unprivileged
    user; a user namespace would leave the kernel counted as root outside.
    """
    shared = [
        "--unshare-pid",
        "--unshare-net",
        "--unshare-ipc",
        "--unshare-uts",
        "--unshare-cgroup-try",
    ]
    return shared if is_root() else ["--unshare-user", *shared]


def sandbox_uid() -> int:
    """The unprivileged user this grader process runs submissions as, when it is root.

    One uid per grading process, so the process limit of one sandbox never counts another's
    processes (parallel graders are separate processes).

    >>> 200_000_000 <= sandbox_uid() < 300_000_000
    True
    """
    return 200_000_000 + os.getpid() % 100_000_000


def _user_threads(uid: int) -> int:
    """How many processes and threads ``uid`` runs now (they count against RLIMIT_NPROC)."""
    count = 0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            lines = status.read_text().splitlines()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in lines if ":" in line)
        if fields.get("Uid", "").split()[:1] == [str(uid)]:
            count += int(fields.get("Threads", "1").strip() or 1)
    return count


def _readable_python() -> list[Path]:
    """Folders this Python needs, read-only: its installation, packages and SMM Lab."""
    places = {
        Path(sys.prefix),
        Path(sys.base_prefix),
        Path(sys.exec_prefix),
        Path(os.path.realpath(sys.executable)).parent.parent,
    }
    for name in ("stdlib", "platstdlib", "purelib", "platlib"):
        places.add(Path(sysconfig.get_paths()[name]))
    for entry in sys.path:
        path = Path(entry or ".").resolve()
        if path.name in ("site-packages", "dist-packages") and path.is_dir():
            places.add(path)
    places.update(Path(p).resolve() for p in smm_helpers.__path__)
    return _outermost(p.resolve() for p in places if p.exists())


def _outermost(paths: Iterable[Path]) -> list[Path]:
    """The paths not inside another of them.

    >>> [str(p) for p in _outermost([Path("/a/b"), Path("/a"), Path("/c")])]
    ['/a', '/c']
    """
    kept: list[Path] = []
    for path in sorted(set(paths), key=lambda p: len(p.parts)):
        if not any(path == k or k in path.parents for k in kept):
            kept.append(path)
    return sorted(kept)


@dataclass
class Sandbox:
    """One submission's sandbox: its folders on the host, its limits, its command line.

    ``root`` is a fresh private folder on the host; ``home`` (the learner's files) and
    ``ipc`` (the kernel's sockets) live in it.  :meth:`wrap` turns a kernel command into
    the sandboxed one.
    """

    root: Path
    limits: Limits = field(default_factory=Limits)
    isolated: bool = True
    env: dict[str, str] = field(default_factory=dict)
    forbidden: tuple[Path, ...] = ()
    links: list[str] = field(default_factory=list)
    """Symbolic links in the learner's files, left out of the sandbox by :meth:`prepare`."""
    left_out: list[safe_files.LeftOut] = field(default_factory=list)
    """Everything :meth:`prepare` left out: links, pipes and devices, files too large."""
    _log: IO[bytes] | None = field(default=None, repr=False)

    @property
    def home(self) -> Path:
        return self.root / "home"

    @property
    def ipc(self) -> Path:
        return self.root / "ipc"

    def prepare(self, files: Path | None, folder_name: str) -> Path:
        """Copy the learner's own ``files`` into the sandbox's home; returns the work folder.

        Only regular files and folders are copied, without following or waiting on
        anything (:func:`~smm_helpers.grading.safe_files.copy_tree`): a link, followed,
        would copy what it points to with the grader's rights, and a named pipe would
        block the grader.  Links are listed in :attr:`links`; everything left out,
        links included, in :attr:`left_out`.
        """
        work = self.home / folder_name
        self.home.mkdir(parents=True, exist_ok=True)
        if files is not None and (files.is_dir() or files.is_symlink()):
            left_out = safe_files.copy_tree(
                files, work, skip=safe_files.skip_names([".ipynb_checkpoints"])
            )
            self.left_out += left_out
            self.links += [entry.path for entry in left_out if entry.kind == "link"]
        work.mkdir(parents=True, exist_ok=True)
        self.ipc.mkdir(parents=True, exist_ok=True)
        _copy_matplotlib_cache(self.home / ".config" / "matplotlib")
        for path in [self.root, *self.root.rglob("*")]:
            self.hand_over(path)
        self.root.chmod(0o700)
        return work

    def log(self) -> IO[bytes]:
        """The file the kernel's own output goes to (``kernel.log``, beside its home)."""
        if self._log is None:
            self._log = (self.root / "kernel.log").open("ab")
        return self._log

    def log_tail(self, lines: int = 5) -> str:
        """The last lines the kernel wrote after its start-up banner (to explain a crash).

        Only the log's last 64 KB are read: the kernel decides how much it writes.
        """
        if self._log is not None:
            self._log.flush()
        tail = safe_files.read_tail(self.root / "kernel.log", 64 * 1024)
        text = tail.decode("utf-8", errors="replace")
        kept = text.strip().splitlines()
        for number, line in enumerate(kept):
            if line.strip().startswith("--existing"):  # the banner's last line
                kept = kept[number + 1 :]
                break
        return "\n".join(line for line in kept[-lines:] if line.strip())

    def close(self) -> None:
        """Close the kernel's log (the folder itself is removed by whoever made it)."""
        if self._log is not None:
            self._log.close()
            self._log = None

    def hand_over(self, path: Path) -> None:
        """Give ``path`` to the sandbox's user (when the grader is root and drops to it)."""
        if is_root() and self.isolated:
            os.lchown(path, sandbox_uid(), sandbox_uid())

    def inside(self, work: Path) -> str:
        """The path of the host folder ``work`` (in home) as the submission sees it."""
        if not self.isolated:
            return str(work)
        return str(Path(HOME) / work.relative_to(self.home))

    def environment(self, base: Mapping[str, str]) -> dict[str, str]:
        """The kernel's environment: a clean one, not the grader's."""
        home = HOME if self.isolated else str(self.home)
        env = {
            "PATH": f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin",
            "HOME": home,
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "MPLCONFIGDIR": f"{home}/.config/matplotlib",
            "MPLBACKEND": "agg",
            "OPENBLAS_NUM_THREADS": "1",
            "OMP_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1",
            "PYDEVD_DISABLE_FILE_VALIDATION": "1",
            "TMPDIR": "/tmp" if self.isolated else str(self.root / "tmp"),
            "JUPYTER_PLATFORM_DIRS": "1",
        }
        if not self.isolated:
            (self.root / "tmp").mkdir(exist_ok=True)
            for keep in ("SYSTEMROOT", "VIRTUAL_ENV"):
                if keep in base:
                    env[keep] = base[keep]
        env.update(self.env)
        return env

    def wrap(self, command: list[str], work: Path) -> list[str]:
        """The sandboxed form of ``command`` (a kernel's argv), started in ``work``."""
        limits = self.limits
        # By its file name, isolated: never a module found from the learner's folder.
        launcher = launch.start_command(sys.executable)
        if is_root() and self.isolated:
            # bubblewrap first (as root), then the launcher inside drops to the sandbox's user.
            uid = str(sandbox_uid())
            inner = [*launcher, "--uid", uid, "--gid", uid, *limits.arguments()]
            return [
                *self.bwrap_arguments(work),
                "--cap-drop",
                "ALL",
                "--cap-add",
                "CAP_SETUID",
                "--cap-add",
                "CAP_SETGID",
                "--",
                *inner,
                "--",
                *command,
            ]
        # A non-root user's own processes count against the process limit too.
        if hasattr(os, "getuid"):
            limits = Limits(
                limits.memory_mb,
                limits.processes + _user_threads(os.getuid()),
                limits.file_mb,
                limits.open_files,
            )
        launcher += limits.arguments()
        if not self.isolated:
            return [*launcher, "--", *command]
        return [*launcher, "--", *self.bwrap_arguments(work), "--", *command]

    def bwrap_arguments(self, work: Path) -> list[str]:
        found = support().bwrap or "bwrap"
        args = [
            found,
            *_namespaces(),
            "--die-with-parent",
            "--new-session",
            "--hostname",
            "sandbox",
            "--clearenv",
            "--proc",
            "/proc",
            "--dev",
            "/dev",
            "--tmpfs",
            "/tmp",
            "--dir",
            "/home",
        ]
        for name in _SYSTEM_DIRS:
            path = Path(name)
            if path.is_symlink():
                args += ["--symlink", os.readlink(path), name]
            elif path.is_dir():
                args += ["--ro-bind", name, name]
        for name in _ETC_FILES:
            args += ["--ro-bind-try", f"/etc/{name}", f"/etc/{name}"]
        made: set[Path] = set()
        for path in _readable_python():
            if any(path == f or f in path.parents or path in f.parents for f in self.forbidden):
                continue
            if not any(str(path).startswith(d + "/") for d in _SYSTEM_DIRS):
                # Parents readable by the sandbox's user (bubblewrap would make them 0700).
                for parent in reversed(path.parents[:-1]):
                    if parent not in made:
                        made.add(parent)
                        args += ["--perms", "0755", "--dir", str(parent)]
                args += ["--ro-bind", str(path), str(path)]
        for parent in reversed(self.ipc.parents[:-1]):
            if parent not in made:
                made.add(parent)
                args += ["--perms", "0755", "--dir", str(parent)]
        args += [
            "--bind",
            str(self.home),
            HOME,
            "--bind",
            str(self.ipc),
            str(self.ipc),
            "--chdir",
            self.inside(work),
        ]
        for name, value in self.environment({}).items():
            args += ["--setenv", name, value]
        return args


def _copy_matplotlib_cache(target: Path) -> None:
    """Give the sandbox the grader's matplotlib font list, so it needn't rebuild it."""
    target.mkdir(parents=True, exist_ok=True)
    try:
        import matplotlib  # heavy, and optional: no font list without it

        cache_dir = Path(matplotlib.get_cachedir())
    except Exception:
        return
    for font_list in cache_dir.glob("fontlist-*.json"):
        shutil.copy2(font_list, target / font_list.name)
