"""Read and copy a learner's files without following links or waiting on pipes.

A learner decides what their folder holds: a symbolic link to the gradebook, a named pipe
(FIFO) that blocks whoever opens it, a file of 50 GB, a folder nested a thousand deep.  So
every entry is opened relative to its folder's descriptor with ``O_NOFOLLOW | O_NONBLOCK``,
and what was opened is judged by ``os.fstat`` of that descriptor (never "check, then
open": the learner may swap a file for a link in between).  Only regular files and folders
are read or copied.  Links, pipes, sockets and devices are left out, files and folders
over a size cap are left out as "too large", and each one left out is reported
(:class:`LeftOut`); the caller turns the list into problems for the summary.

- :func:`read_file` — a learner's file, up to a size cap;
- :func:`read_tail` — the last bytes of a file (a kernel's log);
- :func:`copy_file` and :func:`copy_tree` — a file or a folder, copied safely.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     folder = Path(tmp, "learner")
...     folder.mkdir()
...     _ = Path(folder, "answer.ipynb").write_text("{}")
...     os.symlink("/etc/passwd", folder / "passwords")
...     os.mkfifo(folder / "pipe")
...     left_out = copy_tree(folder, Path(tmp, "copy"))
...     print(sorted(p.name for p in Path(tmp, "copy").iterdir()))
...     print("\\n".join(str(entry) for entry in left_out))
['answer.ipynb']
passwords: a symbolic link (to /etc/passwd)
pipe: a named pipe (FIFO), not a file
"""

from __future__ import annotations

import contextlib
import fnmatch
import os
import shutil
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

MB = 1024 * 1024
FILE_LIMIT = 256 * MB
"""The largest file :func:`copy_tree` copies (a sandbox may not write a larger one)."""
FOLDER_LIMIT = 1024 * MB
"""The most a copied folder may hold in all (nbgrader's own default for a submission)."""
NOTEBOOK_LIMIT = 100 * MB
"""The largest notebook read or collected (nbgrader's default ``max_file_size``)."""
MAX_ENTRIES = 10_000
"""The most files and folders one copied folder may hold."""
MAX_DEPTH = 32
"""How deeply folders may nest in a copied folder."""

_READ = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
_FOLDER = _READ | os.O_DIRECTORY
_WRITE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
_CHUNK = MB
_KINDS = {
    stat.S_IFDIR: "a folder",
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFLNK: "a symbolic link",
}


@dataclass(frozen=True)
class LeftOut:
    """One entry that was not read or copied, and why.

    ``path`` is relative to the folder copied (or the file's own name); ``kind`` is
    ``link``, ``special`` (a pipe, socket or device), ``too large`` or ``unreadable``.

    >>> print(LeftOut("data/big.csv", "too large", "over the 256 MB limit for one file"))
    data/big.csv: over the 256 MB limit for one file
    >>> LeftOut("notes.db", "link", "a symbolic link (to /srv/gradebook.db)").problem_kind
    'blocked file access'
    """

    path: str
    kind: str
    why: str

    def __str__(self) -> str:
        return f"{self.path}: {self.why}"

    @property
    def problem_kind(self) -> str:
        """The kind of problem the summary lists it under (see ``problems.KINDS``)."""
        return "too large" if self.kind == "too large" else "blocked file access"


class Refused(OSError):
    """A file that :func:`read_file` or :func:`copy_file` would not read: see ``left_out``."""

    def __init__(self, left_out: LeftOut) -> None:
        super().__init__(str(left_out))
        self.left_out = left_out


def size_words(size: int) -> str:
    """A size in words.

    >>> size_words(256 * MB), size_words(300_000_000), size_words(4096), size_words(5)
    ('256 MB', '286 MB', '4 KB', '5 bytes')
    """
    if size >= MB:
        return f"{size // MB:,} MB"
    return f"{size // 1024:,} KB" if size >= 1024 else f"{size} bytes"


# ---------------------------------------------------------------------------- reading


def read_file(path: str | Path, limit: int = NOTEBOOK_LIMIT) -> bytes:
    """The bytes of the regular file ``path``, if it holds at most ``limit`` of them.

    Raises :class:`Refused` when ``path`` is a link, a pipe, a socket, a device or a
    folder, or holds more than ``limit`` bytes; ``OSError`` when it can't be opened.  The
    folders on the way to it are followed (they are the instructor's); the file is not.

    >>> import tempfile
    >>> tmp = Path(tempfile.mkdtemp())
    >>> _ = (tmp / "small.txt").write_text("hello")
    >>> read_file(tmp / "small.txt", limit=10)
    b'hello'
    >>> read_file(tmp / "small.txt", limit=4)
    Traceback (most recent call last):
    ...
    smm_helpers.grading.safe_files.Refused: small.txt: over the limit of 4 bytes (it holds 5 bytes)
    >>> shutil.rmtree(tmp)
    """
    path = Path(path)
    with _opened_in(path.parent, path.name) as fd:
        info = os.fstat(fd)
        _check_regular(info, path.name)
        _check_size(info.st_size, limit, path.name)
        data = _read_at_most(fd, limit + 1)
    _check_size(len(data), limit, path.name)
    return data


def read_tail(path: str | Path, size: int = 64 * 1024) -> bytes:
    """The last ``size`` bytes of the regular file ``path`` (empty if it is anything else).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = Path(tmp, "kernel.log").write_text("banner\\nlast words\\n")
    ...     read_tail(Path(tmp, "kernel.log"), 11), read_tail(Path(tmp, "missing.log"))
    (b'last words\\n', b'')
    """
    path = Path(path)
    try:
        with _opened_in(path.parent, path.name) as fd:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                return b""
            os.lseek(fd, max(0, info.st_size - size), os.SEEK_SET)
            return _read_at_most(fd, size)
    except OSError:
        return b""


# ---------------------------------------------------------------------------- copying


def copy_file(source: str | Path, target: str | Path, limit: int = NOTEBOOK_LIMIT) -> None:
    """Copy the regular file ``source`` to the new file ``target`` (never over another).

    Raises :class:`Refused` (and copies nothing) when ``source`` is not a regular file or
    holds more than ``limit`` bytes.  Its permission bits and modification time are kept.
    """
    source, target = Path(source), Path(target)
    with (
        _opened_in(source.parent, source.name) as fd,
        _folder(target.parent, follow=True) as target_folder,
    ):
        info = os.fstat(fd)
        _check_regular(info, source.name)
        _check_size(info.st_size, limit, source.name)
        _copy_contents(fd, info, target.name, target_folder, limit, source.name)


Skip = Callable[[str, bool], bool]
"""``skip(name, is_folder)``: true for an entry a copy leaves out without a word."""


def copy_tree(
    source: str | Path,
    target: str | Path,
    *,
    file_limit: int = FILE_LIMIT,
    folder_limit: int = FOLDER_LIMIT,
    skip: Skip | None = None,
) -> list[LeftOut]:
    """Copy the folder ``source`` to the new folder ``target``; return what was left out.

    Only regular files and folders are copied.  A file over ``file_limit`` bytes is left
    out as "too large"; when the folder holds more than ``folder_limit`` bytes, more than
    :data:`MAX_ENTRIES` entries or folders nested deeper than :data:`MAX_DEPTH`, nothing is
    copied (``target`` is not made) and the one entry returned says so, as it does when
    ``source`` is a link.  ``skip`` leaves entries out silently (see :func:`skip_names`).
    """
    source, target = Path(source), Path(target)
    copy = _TreeCopy(file_limit, folder_limit, skip or (lambda name, is_folder: False))
    try:
        with _opened_in(source.parent, source.name, _FOLDER) as fd:
            os.mkdir(target, 0o700)
            with _folder(target, follow=False) as target_fd:
                copy.folder(fd, target_fd, "", 1)
                os.fchmod(target_fd, stat.S_IMODE(os.fstat(fd).st_mode) & 0o777 | 0o700)
    except Refused as refused:  # source itself is a link
        return [refused.left_out]
    except _FolderTooLarge as error:
        _remove_tree(target)
        return [LeftOut(source.name, "too large", str(error))]
    return copy.left_out


def skip_names(
    patterns: Iterable[str] = (".ipynb_checkpoints",), files_only: Iterable[str] | None = None
) -> Skip:
    """A ``skip`` for :func:`copy_tree`: names matching a glob of ``patterns`` are left
    out, and, when ``files_only`` is given, files matching none of its globs.

    >>> skip = skip_names(["*.pyc", "__pycache__"], files_only=["*.ipynb", "*.csv"])
    >>> skip("__pycache__", True), skip("data.csv", False), skip("notes.txt", False)
    (True, False, True)
    """
    excluded, included = list(patterns), None if files_only is None else list(files_only)

    def skip(name: str, is_folder: bool) -> bool:
        if any(fnmatch.fnmatch(name, glob) for glob in excluded):
            return True
        return (
            not is_folder
            and included is not None
            and not any(fnmatch.fnmatch(name, glob) for glob in included)
        )

    return skip


class _FolderTooLarge(Exception):
    """The folder being copied is over a cap: the whole copy is abandoned."""


class _TreeCopy:
    """One :func:`copy_tree`: its caps, what it copied so far, and what it left out."""

    def __init__(self, file_limit: int, folder_limit: int, skip: Skip) -> None:
        self.file_limit, self.folder_limit, self.skip = file_limit, folder_limit, skip
        self.total = self.entries = 0
        self.left_out: list[LeftOut] = []

    def folder(self, fd: int, target_fd: int, where: str, depth: int) -> None:
        """Copy the folder open as ``fd`` into the folder open as ``target_fd``."""
        with os.scandir(fd) as listing:
            entries = sorted((entry.name, _is_folder(entry)) for entry in listing)
        for name, is_folder in entries:
            if self.skip(name, is_folder):
                continue
            self.entries += 1
            if self.entries > MAX_ENTRIES:
                raise _FolderTooLarge(f"holds over {MAX_ENTRIES:,} files and folders")
            self.entry(fd, target_fd, name, f"{where}{name}", is_folder, depth)

    def entry(
        self, fd: int, target_fd: int, name: str, path: str, is_folder: bool, depth: int
    ) -> None:
        try:
            child = os.open(name, _FOLDER if is_folder else _READ, dir_fd=fd)
        except OSError as error:
            self.left_out.append(_unopenable(fd, name, error, path))
            return
        try:
            info = os.fstat(child)
            if stat.S_ISDIR(info.st_mode):
                if depth >= MAX_DEPTH:
                    raise _FolderTooLarge(f"nests folders over {MAX_DEPTH} deep")
                os.mkdir(name, 0o700, dir_fd=target_fd)
                made = os.open(name, _FOLDER, dir_fd=target_fd)
                try:
                    self.folder(child, made, f"{path}/", depth + 1)
                    os.fchmod(made, stat.S_IMODE(info.st_mode) & 0o777 | 0o700)
                finally:
                    os.close(made)
            elif not stat.S_ISREG(info.st_mode):
                self.left_out.append(LeftOut(path, "special", _what(info)))
            elif info.st_size > self.file_limit:
                self.left_out.append(_too_large(path, info.st_size, self.file_limit))
            else:
                self.total += info.st_size
                if self.total > self.folder_limit:
                    raise _FolderTooLarge(
                        f"over the limit of {size_words(self.folder_limit)} for a whole folder"
                    )
                try:
                    _copy_contents(child, info, name, target_fd, self.file_limit, path)
                except Refused as refused:  # it grew while being copied
                    self.left_out.append(refused.left_out)
        finally:
            os.close(child)


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _copy_contents(
    fd: int, info: os.stat_result, name: str, target_fd: int, limit: int, path: str
) -> None:
    """Copy the open regular file ``fd`` into a new file ``name`` of folder ``target_fd``."""
    out = os.open(name, _WRITE, 0o600, dir_fd=target_fd)
    copied = 0
    try:
        while chunk := os.read(fd, _CHUNK):
            copied += len(chunk)
            if copied > limit:
                raise Refused(_too_large(path, copied, limit))
            view = memoryview(chunk)
            while view:
                view = view[os.write(out, view) :]
        os.fchmod(out, stat.S_IMODE(info.st_mode) & 0o777 | 0o600)
        os.utime(out, ns=(info.st_atime_ns, info.st_mtime_ns))
    except BaseException:
        os.close(out)
        out = -1
        with contextlib.suppress(OSError):
            os.unlink(name, dir_fd=target_fd)
        raise
    finally:
        if out != -1:
            os.close(out)


# ---------------------------------------------------------------------------- helpers


@contextlib.contextmanager
def _opened_in(folder: Path, name: str, flags: int = _READ) -> Iterator[int]:
    """``name`` in ``folder`` (followed: it is the instructor's), opened with ``flags``.

    A link at ``name`` raises :class:`Refused`; any other failure its ``OSError``.
    """
    with _folder(folder, follow=True) as parent:
        try:
            fd = os.open(name, flags, dir_fd=parent)
        except OSError as error:
            left_out = _unopenable(parent, name, error, None)
            if left_out.kind == "link":
                raise Refused(left_out) from None
            raise
    try:
        yield fd
    finally:
        os.close(fd)


@contextlib.contextmanager
def _folder(path: Path, follow: bool) -> Iterator[int]:
    """The folder ``path``, open (its last part not followed unless ``follow``)."""
    fd = os.open(path, _FOLDER & ~os.O_NOFOLLOW if follow else _FOLDER)
    try:
        yield fd
    finally:
        os.close(fd)


def _read_at_most(fd: int, size: int) -> bytes:
    parts, left = [], size
    while left > 0 and (chunk := os.read(fd, min(left, _CHUNK))):
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)


def _check_regular(info: os.stat_result, name: str) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise Refused(LeftOut(name, "special", _what(info)))


def _check_size(size: int, limit: int, name: str) -> None:
    if size > limit:
        raise Refused(_too_large(name, size, limit))


def _too_large(path: str, size: int, limit: int) -> LeftOut:
    return LeftOut(
        path, "too large", f"over the limit of {size_words(limit)} (it holds {size_words(size)})"
    )


def _what(info: os.stat_result) -> str:
    kind = _KINDS.get(stat.S_IFMT(info.st_mode), "not a regular file")
    return f"{kind}, not a file"


def _unopenable(folder: int, name: str, error: OSError, path: str | None) -> LeftOut:
    """Why ``name`` in the open ``folder`` could not be opened: a link, a swap, no access."""
    shown = path or name
    try:
        target = os.readlink(name, dir_fd=folder)
    except OSError:
        target = None
    if target is not None:
        return LeftOut(shown, "link", f"a symbolic link (to {target})")
    if isinstance(error, NotADirectoryError):
        return LeftOut(
            shown, "special", "not a folder any more (it changed while it was being copied)"
        )
    if isinstance(error, FileNotFoundError):
        return LeftOut(shown, "unreadable", "gone (it was removed while being copied)")
    return LeftOut(shown, "unreadable", f"could not be read ({error.strerror or error})")


def _remove_tree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
