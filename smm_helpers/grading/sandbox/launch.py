"""Start a command with resource limits, as an unprivileged user (the sandbox's first step).

``python -I /path/to/smm_helpers/grading/sandbox/launch.py --memory-mb 2048 -- CMD ...``
sets the limits below on itself, drops to ``--uid``/``--gid`` when started as root, then
*replaces itself* with ``CMD`` (normally ``bwrap``), so the limits and the user hold for the
submission's kernel and everything it starts.

It runs where a learner's files are close: outside bubblewrap in the learner's folder when
the grader is not root, inside it (still root, before dropping to the sandbox's user) when
it is.  So it is started by its absolute file name with ``python -I`` (isolated: neither
the working folder nor the script's folder is on ``sys.path``, no ``PYTHON*`` variables, no
user site-packages), never as ``python -m`` from a folder, and it imports **only the
standard library**: nothing it imports can come from a learner's folder, and no package
``__init__`` runs.  Keep it so (``tests/test_grading_isolation.py`` checks).

- memory: the address space (``RLIMIT_AS``) — a memory bomb gets ``MemoryError``; the
  data segment (``RLIMIT_DATA``) gets the same number, so a smaller one inherited from
  the grading process never applies;
- processes: ``RLIMIT_NPROC`` — a fork bomb gets "Resource temporarily unavailable"; it
  counts every process and thread of the user, so the grader gives each sandbox its own uid;
- files: the largest file it may write (``RLIMIT_FSIZE``), no core dumps, 256 open files;
- on Linux, the command is killed when the grading process that started it ends
  (``PR_SET_PDEATHSIG``), as bubblewrap's ``--die-with-parent`` does for the sandbox.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import signal
import sys
from collections.abc import Sequence
from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """The limits one submission runs under.

    >>> Limits(memory_mb=512).arguments()[:4]
    ['--memory-mb', '512', '--processes', '64']
    """

    memory_mb: int = 2048
    processes: int = 64
    file_mb: int = 256
    open_files: int = 256

    def arguments(self) -> list[str]:
        return [
            "--memory-mb",
            str(self.memory_mb),
            "--processes",
            str(self.processes),
            "--file-mb",
            str(self.file_mb),
            "--open-files",
            str(self.open_files),
        ]


def apply(limits: Limits) -> None:
    """Set ``limits`` on this process (and so on everything it starts).

    Each limit the operating system does not support (Windows has none of them; macOS
    does not enforce the address space) is left alone: ``smm-course doctor`` and
    docs/sandbox.md say what holds where.
    """
    try:
        import resource  # optional: Unix only
    except ImportError:  # Windows
        return
    settings = [
        (resource.RLIMIT_AS, limits.memory_mb * MB),
        (resource.RLIMIT_DATA, limits.memory_mb * MB),
        (resource.RLIMIT_NPROC, limits.processes),
        (resource.RLIMIT_FSIZE, limits.file_mb * MB),
        (resource.RLIMIT_CORE, 0),
        (resource.RLIMIT_NOFILE, limits.open_files),
    ]
    for which, value in settings:
        _, hard = resource.getrlimit(which)
        cap = value if hard == resource.RLIM_INFINITY else min(value, hard)
        try:
            resource.setrlimit(which, (cap, cap))
        except (ValueError, OSError):  # not supported here (e.g. RLIMIT_AS on macOS)
            continue


def drop_privileges(uid: int, gid: int) -> None:
    """Become ``uid``/``gid`` with no supplementary groups (only possible as root)."""
    os.setgroups([])
    os.setgid(gid)
    os.setuid(uid)
    if os.getuid() != uid or os.geteuid() != uid:
        raise SystemExit(f"sandbox: could not become user {uid}")


def die_with_parent() -> None:
    """Have this process (and what it ``exec``s) killed when its parent ends (Linux only).

    Set after dropping privileges, which would clear it; does nothing elsewhere.
    """
    if not sys.platform.startswith("linux"):
        return

    parent = os.getppid()
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # it ended before the setting took hold
        os._exit(1)


def start_command(python: str = sys.executable) -> list[str]:
    """How to start this launcher: ``python -I`` and this file's absolute name.

    >>> start_command("/usr/bin/python3")[:2], start_command()[2].endswith("launch.py")
    (['/usr/bin/python3', '-I'], True)
    """
    return [python, "-I", os.path.realpath(__file__)]


def is_root() -> bool:
    """Whether this process runs as root (never on Windows)."""
    return hasattr(os, "geteuid") and os.geteuid() == 0


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -I launch.py")
    parser.add_argument("--memory-mb", type=int, default=Limits.memory_mb)
    parser.add_argument("--processes", type=int, default=Limits.processes)
    parser.add_argument("--file-mb", type=int, default=Limits.file_mb)
    parser.add_argument("--open-files", type=int, default=Limits.open_files)
    parser.add_argument("--uid", type=int, default=None)
    parser.add_argument("--gid", type=int, default=None)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give the command to run after --")
    if args.uid is not None and is_root():
        drop_privileges(args.uid, args.gid if args.gid is not None else args.uid)
    die_with_parent()
    apply(Limits(args.memory_mb, args.processes, args.file_mb, args.open_files))
    sys.stdout.flush()
    os.execvp(command[0], command)


if __name__ == "__main__":
    main()
