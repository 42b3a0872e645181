"""An LMS download, as the list of files it holds: a folder, or the downloaded ``.zip``.

A folder is walked without following links: a link, a named pipe, a socket or a device is
listed as left out (:class:`~smm_helpers.grading.safe_files.LeftOut`) and never opened,
and a file is copied with :func:`~smm_helpers.grading.safe_files.copy_file`.  A zip is read
in place, never unpacked: a member whose path is absolute or climbs out with ``..``, a
link, a device or pipe, an encrypted member, one over
:data:`~smm_helpers.grading.safe_files.NOTEBOOK_LIMIT` or one that expands more than
:data:`MAX_RATIO` to 1 (a zip bomb) is left out; notebooks adding up to more than
:data:`~smm_helpers.grading.safe_files.FOLDER_LIMIT` refuse the whole zip.

Every file carries its time: a file's modification time (what ``unzip`` restores), or the
zip entry's, which has no time zone and is read as this computer's local time, as ``unzip``
reads it (unless the entry also carries the UTC time of Info-ZIP's extended timestamp).

>>> import tempfile, zipfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     with zipfile.ZipFile(Path(tmp, "submissions.zip"), "w") as zf:
...         zf.writestr("rahmanamina_4242_99001_a.ipynb", "{}")
...         zf.writestr("../../etc/cron.d/evil", "* * * * * rm -rf ~")
...     with open_download(Path(tmp, "submissions.zip")) as download:
...         for file in download.files:
...             print("/".join(file.parts), "—", file.left_out or "ok")
rahmanamina_4242_99001_a.ipynb — ok
etc/cron.d/evil — ../../etc/cron.d/evil: a path that leads out of the download \
(it starts with / or has ..)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from smm_helpers.errors import InputError
from smm_helpers.grading import safe_files
from smm_helpers.grading.safe_files import MB, LeftOut, Refused, size_words

MAX_RATIO = 200
"""The most a zip member over 1 MB may expand (uncompressed ÷ compressed size)."""
MAX_MEMBERS = 100_000
"""The most files and folders a download may hold."""
SKIPPED = ("__MACOSX", "Thumbs.db", "desktop.ini")
"""What an archiver or a file manager adds, passed over in silence (as are names that
start with ``.``)."""
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_WRITE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
_UTF8 = 0x800  # general-purpose flag: the member's name is UTF-8
_EXTENDED_TIMESTAMP = 0x5455  # Info-ZIP's "UT" extra field: Unix times, in UTC


@dataclass(frozen=True)
class DownloadFile:
    """One file of a download: its path inside it, time (UTC), size, and, when it can't be
    collected, why (``left_out``)."""

    parts: tuple[str, ...]
    time: dt.datetime
    size: int
    left_out: LeftOut | None = None
    member: zipfile.ZipInfo | None = field(default=None, compare=False, repr=False)

    @property
    def name(self) -> str:
        return self.parts[-1]


def utc(seconds_ns: int) -> dt.datetime:
    """A file time in nanoseconds since the epoch, as a UTC time (to the microsecond).

    >>> utc(1_790_000_000_123_456_789)
    datetime.datetime(2026, 9, 21, 14, 13, 20, 123456, tzinfo=datetime.timezone.utc)
    """
    return EPOCH + dt.timedelta(microseconds=seconds_ns // 1000)


def zip_time(info: zipfile.ZipInfo) -> dt.datetime:
    """When a zip member was last changed, in UTC (see the module docstring).

    >>> info = zipfile.ZipInfo("a.ipynb", date_time=(2026, 9, 20, 23, 59, 0))
    >>> zip_time(info) == dt.datetime(2026, 9, 20, 23, 59).astimezone(dt.UTC)
    True
    >>> info.extra = struct.pack("<HHBi", 0x5455, 5, 1, 1_790_000_000)
    >>> zip_time(info)
    datetime.datetime(2026, 9, 21, 14, 13, 20, tzinfo=datetime.timezone.utc)
    """
    extra = info.extra
    while len(extra) >= 4:
        kind, size = struct.unpack("<HH", extra[:4])
        data, extra = extra[4 : 4 + size], extra[4 + size :]
        if kind == _EXTENDED_TIMESTAMP and len(data) >= 5 and data[0] & 1:
            return EPOCH + dt.timedelta(seconds=struct.unpack("<i", data[1:5])[0])
    try:
        return dt.datetime(*info.date_time).astimezone(dt.UTC)
    except (ValueError, OverflowError):  # a date no computer wrote
        return EPOCH


class Download:
    """An opened LMS download (see :func:`open_download`): its ``files`` and how to copy
    one.  Close it (or use it as a context manager) when done."""

    def __init__(
        self,
        source: Path,
        files: list[DownloadFile],
        zip_file: zipfile.ZipFile | None = None,
        folders: list[tuple[str, ...]] | None = None,
    ) -> None:
        self.source = source
        self.files = files
        self.folders = folders or []
        """The folders it holds (a zip's are implied by its members' paths)."""
        self.zip = zip_file

    def where(self, file: DownloadFile) -> str:
        """Where ``file`` is, for the report: its path, or its member name in the zip."""
        if self.zip is not None and file.member is not None:
            return f"{file.member.filename} in {self.source.name}"
        return str(self.source.joinpath(*file.parts))

    def copy(self, file: DownloadFile, target: Path) -> None:
        """Copy ``file`` to the new file ``target`` (never over another), with its time.

        Raises :class:`~smm_helpers.grading.safe_files.Refused` for a file that can't be
        copied (a link, a pipe, over the size limit, broken in the zip), else ``OSError``.
        """
        if file.left_out is not None:
            raise Refused(file.left_out)
        if self.zip is None or file.member is None:
            safe_files.copy_file(
                self.source.joinpath(*file.parts), target, safe_files.NOTEBOOK_LIMIT
            )
            return
        out = os.open(target, _WRITE, 0o600)
        try:
            copied = 0
            with self.zip.open(file.member) as stream:
                while chunk := stream.read(MB):
                    copied += len(chunk)
                    if copied > safe_files.NOTEBOOK_LIMIT:
                        raise Refused(_too_large(file.member.filename, copied))
                    view = memoryview(chunk)
                    while view:
                        view = view[os.write(out, view) :]
            stamp = (file.time - EPOCH) // dt.timedelta(microseconds=1) * 1000
            os.utime(out, ns=(stamp, stamp))
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            NotImplementedError,
            RuntimeError,
        ) as error:
            _discard(out, target)
            raise Refused(
                LeftOut(file.member.filename, "broken", f"broken in the zip ({error})")
            ) from None
        except BaseException:
            _discard(out, target)
            raise
        os.close(out)

    def close(self) -> None:
        if self.zip is not None:
            self.zip.close()

    def __enter__(self) -> Download:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def _discard(out: int, target: Path) -> None:
    os.close(out)
    with contextlib.suppress(OSError):
        os.unlink(target)


def open_download(source: str | Path) -> Download:
    """The LMS download at ``source``: a folder, or a ``.zip`` file (read in place)."""
    path = Path(source).expanduser()
    if path.is_dir():
        files, folders = _walk(path)
        return Download(path, files, folders=folders)
    if path.is_file() and zipfile.is_zipfile(path):
        return _open_zip(path)
    what = "is not a zip file" if path.is_file() else "is not a folder or a .zip file"
    raise InputError(
        f"{source} {what}",
        fix="pass the LMS download: the .zip itself or the "
        "folder it was unpacked into, e.g. --from ~/Downloads/submissions.zip",
    )


def _skipped(name: str) -> bool:
    return name.startswith(".") or name in SKIPPED


def _walk(root: Path) -> tuple[list[DownloadFile], list[tuple[str, ...]]]:
    files: list[DownloadFile] = []
    folders: list[tuple[str, ...]] = []
    count = 0

    def walk(folder: Path, parts: tuple[str, ...]) -> None:
        nonlocal count
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
        for entry in entries:
            if _skipped(entry.name):
                continue
            count += 1
            if count > MAX_MEMBERS:
                raise InputError(
                    f"{root} holds over {MAX_MEMBERS:,} files and folders",
                    fix="pass the folder of one assignment's download",
                )
            here = (*parts, entry.name)
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError as error:
                files.append(
                    DownloadFile(
                        here,
                        EPOCH,
                        0,
                        LeftOut(
                            "/".join(here), "unreadable", f"could not be read ({error.strerror})"
                        ),
                    )
                )
                continue
            if stat.S_ISDIR(info.st_mode):
                if len(here) >= safe_files.MAX_DEPTH:
                    files.append(
                        DownloadFile(
                            here, EPOCH, 0, LeftOut("/".join(here), "too large", "nested too deep")
                        )
                    )
                    continue
                folders.append(here)
                walk(Path(entry.path), here)
                continue
            left_out = None
            if stat.S_ISLNK(info.st_mode):
                left_out = LeftOut(
                    "/".join(here), "link", f"a symbolic link (to {_link_target(entry.path)})"
                )
            elif not stat.S_ISREG(info.st_mode):
                left_out = LeftOut("/".join(here), "special", _special(info.st_mode))
            elif info.st_size > safe_files.NOTEBOOK_LIMIT:
                left_out = _too_large("/".join(here), info.st_size)
            files.append(DownloadFile(here, utc(info.st_mtime_ns), info.st_size, left_out))

    walk(root, ())
    return files, folders


def _link_target(path: str) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "?"


def _special(mode: int) -> str:
    kind = (
        "a named pipe (FIFO)"
        if stat.S_ISFIFO(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "a device"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "not a regular file"
    )
    return f"{kind}, not a file"


def _too_large(path: str, size: int) -> LeftOut:
    return LeftOut(
        path,
        "too large",
        f"over the limit of {size_words(safe_files.NOTEBOOK_LIMIT)} (it holds {size_words(size)})",
    )


def member_name(info: zipfile.ZipInfo) -> str:
    """A member's name, read as UTF-8 even when the zip did not flag it so (as LMSs and
    many archivers write it).

    >>> member_name(zipfile.ZipInfo("Núñez.ipynb".encode().decode("cp437")))
    'Núñez.ipynb'
    """
    if info.flag_bits & _UTF8:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


_ABSOLUTE = re.compile(r"^(?:[/\\]|[A-Za-z]:)")


def _open_zip(path: Path) -> Download:
    try:
        zip_file = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise InputError(
            f"{path} is not a readable zip file ({error})",
            fix="download it again, or pass the folder it was unpacked into",
        ) from None
    try:
        members = zip_file.infolist()
        if len(members) > MAX_MEMBERS:
            raise InputError(
                f"{path} holds over {MAX_MEMBERS:,} files",
                fix="download one assignment's submissions at a time",
            )
        files = [file for info in members if (file := _member(info)) is not None]
        total = sum(
            f.size for f in files if f.left_out is None and f.name.casefold().endswith(".ipynb")
        )
        if total > safe_files.FOLDER_LIMIT:
            raise InputError(
                f"the notebooks in {path} add up to {size_words(total)}, over the limit of "
                f"{size_words(safe_files.FOLDER_LIMIT)} read from one zip",
                fix="unpack it (unzip) into a folder, check what it holds, and pass the "
                "folder with --from",
            )
    except BaseException:
        zip_file.close()
        raise
    return Download(path, files, zip_file=zip_file)


def _member(info: zipfile.ZipInfo) -> DownloadFile | None:
    """A zip member as a download file (``None`` for a folder or a skipped name)."""
    name = member_name(info)
    parts = tuple(p for p in name.replace("\\", "/").split("/") if p not in ("", "."))
    mode = info.external_attr >> 16
    if (
        not parts
        or (name.endswith(("/", "\\")) and not stat.S_ISLNK(mode))
        or stat.S_ISDIR(mode)
        or any(_skipped(p) for p in parts if p != "..")
    ):
        return None
    when = zip_time(info)
    if _ABSOLUTE.match(name) or ".." in parts or "\x00" in name:
        return DownloadFile(
            tuple(p for p in parts if p != ".."),
            when,
            info.file_size,
            LeftOut(
                name, "unsafe", "a path that leads out of the download (it starts with / or has ..)"
            ),
            info,
        )
    left_out = None
    if stat.S_ISLNK(mode):
        left_out = LeftOut(name, "link", "a symbolic link")
    elif stat.S_IFMT(mode) and not stat.S_ISREG(mode):  # no type: an archiver's plain file
        left_out = LeftOut(name, "special", _special(mode))
    elif info.flag_bits & 0x1:
        left_out = LeftOut(name, "unreadable", "encrypted (it needs a password)")
    elif info.file_size > safe_files.NOTEBOOK_LIMIT:
        left_out = _too_large(name, info.file_size)
    elif info.file_size > MB and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        ratio = info.file_size // max(info.compress_size, 1)
        left_out = LeftOut(
            name,
            "too large",
            f"{size_words(info.file_size)} packed into "
            f"{size_words(info.compress_size)} ({ratio:,} "
            "to 1, as a zip bomb is)",
        )
    return DownloadFile(parts, when, info.file_size, left_out, info)
