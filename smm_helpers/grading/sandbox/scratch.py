"""Grading's temporary folders, and the clean-up of those a killed grader left behind.

Each folder grading makes (a submission's sandbox: its copy of the learner's files, the
kernel's log and sockets; a learner's sandbox reports) is ``<temp>/smm-grading-<random>/``
and holds a lock file, ``.lock``, which the process using the folder keeps locked
(``flock``) until it removes the folder.  A grader that is killed cannot remove its
folders, but the operating system lets go of its locks.  So whenever a folder is made,
every ``smm-grading-*`` folder whose lock nobody holds is removed first: what a killed or
crashed run left behind is gone at the latest when the next grading starts.

A folder gets its ``smm-grading-`` name only once it is locked (it is made as
``.smm-grading-new-<random>``, locked, then renamed), so a folder being made is never taken
for a stale one.  Folders of other users are left alone (unless this process is root), and
so are folders without a lock file that are less than a day old (an older SMM Lab made
those; a day-old one is surely stale).

>>> folder = make_folder()
>>> (folder / ".lock").is_file(), folder.name.startswith("smm-grading-")
(True, True)
>>> folder in sweep()   # held by this process: never swept
False
>>> remove(folder)
>>> folder.exists()
False
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no locks, so no sweeping; each grading removes its own
    fcntl = None  # type: ignore[assignment]

PREFIX = "smm-grading-"
"""How every folder grading makes is named (in the temporary folder)."""
LOCK = ".lock"
"""The file in each folder that its grader keeps locked while it uses the folder."""
_NEW = ".smm-grading-new-"
_NEW_AGE = 60.0
"""Seconds after which a folder still being made (never renamed) is surely abandoned."""
_OLD_AGE = 24 * 3600.0
"""Seconds after which a folder without a lock file (an older SMM Lab's) is stale."""
_DIRECTORY = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
_LOCK_FILE = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)

_HELD: dict[Path, int] = {}
"""This process's folders → the open, locked descriptor of each one's lock file."""
_GUARD = threading.Lock()


def make_folder(temp: str | Path | None = None) -> Path:
    """A new private folder (mode 0700) in ``temp`` (default: the temporary folder), locked
    by this process until :func:`remove`; stale folders there are removed first."""
    base = Path(temp if temp is not None else tempfile.gettempdir())
    if fcntl is None:
        return Path(tempfile.mkdtemp(prefix=PREFIX, dir=base))
    sweep(base)
    making = Path(tempfile.mkdtemp(prefix=_NEW, dir=base))
    lock = os.open(
        making / LOCK,
        os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0),
        0o600,
    )
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        folder = base / f"{PREFIX}{making.name[len(_NEW) :]}"
        os.rename(making, folder)
    except BaseException:
        os.close(lock)
        remove_tree(making)
        raise
    with _GUARD:
        _HELD[folder] = lock
    return folder


def remove(folder: Path) -> None:
    """Remove ``folder`` (made by :func:`make_folder`) and let go of its lock."""
    remove_tree(folder)
    with _GUARD:
        lock = _HELD.pop(Path(folder), None)
    if lock is not None:
        os.close(lock)


@contextlib.contextmanager
def scratch_folder(temp: str | Path | None = None) -> Iterator[Path]:
    """:func:`make_folder` for a ``with`` block: removed when the block ends."""
    folder = make_folder(temp)
    try:
        yield folder
    finally:
        remove(folder)


def sweep(temp: str | Path | None = None) -> list[Path]:
    """Remove every grading folder in ``temp`` that no live process holds; list them."""
    base = Path(temp if temp is not None else tempfile.gettempdir())
    removed: list[Path] = []
    if fcntl is None:
        return removed
    try:
        entries = [e for e in os.scandir(base) if e.name.startswith((PREFIX, _NEW))]
    except OSError:
        return []
    for entry in entries:
        folder = base / entry.name
        with _GUARD:
            if folder in _HELD:
                continue
        if _remove_if_stale(folder, entry.name.startswith(_NEW)):
            removed.append(folder)
    return removed


def _remove_if_stale(folder: Path, being_made: bool) -> bool:
    """Remove ``folder`` if its lock is free (it keeps the lock while it removes it)."""
    try:
        fd = os.open(folder, _DIRECTORY)
    except OSError:  # a link, not a folder, gone, or another user's
        return False
    try:
        info = os.fstat(fd)
        if info.st_uid != os.geteuid() and os.geteuid() != 0:
            return False
        age = time.time() - info.st_mtime
        try:
            lock = os.open(LOCK, _LOCK_FILE, dir_fd=fd)
        except FileNotFoundError:
            if age < (_NEW_AGE if being_made else _OLD_AGE):
                return False
            remove_tree(folder)
            return True
        except OSError:
            return False
        try:
            if being_made and age < _NEW_AGE:
                return False
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:  # held: its grader is alive
                return False
            remove_tree(folder)
            return True
        finally:
            os.close(lock)
    finally:
        os.close(fd)


def remove_tree(path: Path) -> None:
    """Remove ``path`` and everything in it, even folders a learner made unreadable.

    Links are never followed.  What cannot be removed is left (the next sweep tries again).
    """
    shutil.rmtree(path, ignore_errors=True)
    if os.path.lexists(path):
        _open_up(Path(path))
        shutil.rmtree(path, ignore_errors=True)


def _open_up(top: Path) -> None:
    """Give the owner read, write and search rights on every folder under ``top``.

    Each folder is opened with ``O_PATH | O_NOFOLLOW`` and changed through its descriptor
    (``/proc/self/fd``), so a link in its place is never followed.
    """
    path_flag = getattr(os, "O_PATH", None)
    if path_flag is None:
        return
    pending = [top]
    while pending:
        folder = pending.pop()
        try:
            fd = os.open(folder, path_flag | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
        except OSError:
            continue
        try:
            if not stat.S_ISDIR(os.fstat(fd).st_mode):
                continue
            os.chmod(f"/proc/self/fd/{fd}", 0o700)
        except OSError:
            continue
        finally:
            os.close(fd)
        with contextlib.suppress(OSError), os.scandir(folder) as listing:
            pending += [folder / e.name for e in listing if e.is_dir(follow_symlinks=False)]
