"""Start a command with resource limits, as an unprivileged user (the sandbox's first step).

``python -m smm_helpers.grading.sandbox.launch --memory-mb 2048 --processes 64 -- CMD ...``
sets the limits below on itself, drops to ``--uid``/``--gid`` when started as root, then
*replaces itself* with ``CMD`` (normally ``bwrap``), so the limits and the user hold for the
submission's kernel and everything it starts.  Only the standard library is imported.

- memory: the address space (``RLIMIT_AS``) — a memory bomb gets ``MemoryError``;
- processes: ``RLIMIT_NPROC`` — a fork bomb gets "Resource temporarily unavailable"; it
  counts every process and thread of the user, so the grader gives each sandbox its own uid;
- files: the largest file it may write (``RLIMIT_FSIZE``), no core dumps, 256 open files.
"""

from __future__ import annotations

import argparse
import os
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
        return ["--memory-mb", str(self.memory_mb), "--processes", str(self.processes),
                "--file-mb", str(self.file_mb), "--open-files", str(self.open_files)]


def apply(limits: Limits) -> None:
    """Set ``limits`` on this process (and so on everything it starts).

    Each limit the operating system does not support (Windows has none of them; macOS
    does not enforce the address space) is left alone: ``smm-course doctor`` and
    docs/sandbox.md say what holds where.
    """
    try:
        import resource
    except ImportError:  # Windows
        return
    settings = [(resource.RLIMIT_AS, limits.memory_mb * MB),
                (resource.RLIMIT_NPROC, limits.processes),
                (resource.RLIMIT_FSIZE, limits.file_mb * MB),
                (resource.RLIMIT_CORE, 0),
                (resource.RLIMIT_NOFILE, limits.open_files)]
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


def is_root() -> bool:
    """Whether this process runs as root (never on Windows)."""
    return hasattr(os, "geteuid") and os.geteuid() == 0


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m smm_helpers.grading.sandbox.launch")
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
    apply(Limits(args.memory_mb, args.processes, args.file_mb, args.open_files))
    sys.stdout.flush()
    os.execvp(command[0], command)


if __name__ == "__main__":
    main()
