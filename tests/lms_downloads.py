"""Canvas and Moodle downloads for tests, built the way the two LMSs write them.

- Canvas, "Download Submissions": a zip of ``<name>_<user id>_<attachment id>_<file>``
  where ``<name>`` is the sortable name ("Jahan, Nusrat") with all but letters and digits
  removed, lower-cased (``jahannusrat``); ``LATE`` follows the name of a late submission;
  an upload named like an earlier one is renamed ``-1``, ``-2`` before its extension; text
  entries are ``<name>_<user id>_text.html``.
- Moodle, "Download all submissions": ``<Full Name>_<participant id>_assignsubmission_file_
  <file>``, or, "in folders", ``<Full Name>_<participant id>_assignsubmission_file_/<file>``;
  the online text box comes as ``..._assignsubmission_onlinetext_onlinetext.html``.

Each is a list of :class:`Member`, written as the zip itself (:func:`write_zip`, entry times
in this computer's local time as zip has no zone) or as the folder ``unzip`` makes of it
(:func:`unpack`: each file's modification time is the entry's).  Notebooks come from
``course/samples/01-platforms-and-planning/<outcome>/``.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import REPO

A = "01-platforms-and-planning"
SAMPLES = REPO / "course" / "samples" / A


def at(text: str) -> dt.datetime:
    """A UTC time from ``YYYY-MM-DD HH:MM[:SS]`` (zip times keep even seconds only)."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


def sample(outcome: str) -> bytes:
    """The notebook the sample learner ``sample-<outcome>`` handed in."""
    return (SAMPLES / outcome / f"{A}.ipynb").read_bytes()


@dataclass(frozen=True)
class Member:
    """One file of a download: its path inside it, its bytes and its time."""

    name: str
    data: bytes
    time: dt.datetime
    link: bool = False
    """A symbolic link whose target is ``data`` (as ``zip --symlinks`` stores one)."""


@dataclass(frozen=True)
class Upload:
    """A notebook a learner uploaded to the LMS."""

    first_name: str
    last_name: str
    user_id: int
    outcome: str
    time: dt.datetime
    filename: str = f"{A}.ipynb"
    attachment_id: int = 0
    """Canvas's id of the upload (0: made up from the user id and the time)."""
    late: bool = False

    @property
    def data(self) -> bytes:
        return sample(self.outcome)


def canvas_name(first_name: str, last_name: str) -> str:
    """The name Canvas puts in front of a learner's files.

    >>> canvas_name("Nusrat", "Jahan"), canvas_name("José María", "Núñez-O'Brien")
    ('jahannusrat', 'núñezobrienjosémaría')
    """
    return "".join(c for c in f"{last_name}, {first_name}" if c.isalnum()).lower()


def canvas(uploads: Iterable[Upload]) -> list[Member]:
    """The members of Canvas's "Download Submissions" zip for ``uploads``."""
    members = []
    for upload in uploads:
        late = "_LATE" if upload.late else ""
        attachment = (
            upload.attachment_id or upload.user_id * 1000 + int(upload.time.timestamp()) % 1000
        )
        name = canvas_name(upload.first_name, upload.last_name)
        members.append(
            Member(
                f"{name}{late}_{upload.user_id}_{attachment}_{upload.filename}",
                upload.data,
                upload.time,
            )
        )
    return members


def canvas_text(first_name: str, last_name: str, user_id: int, time: dt.datetime) -> Member:
    """A text entry typed into Canvas, as its download holds it."""
    return Member(
        f"{canvas_name(first_name, last_name)}_{user_id}_text.html",
        b"<html><body>see my notebook</body></html>",
        time,
    )


def moodle_prefix(
    first_name: str, last_name: str, participant_id: int, plugin: str = "file"
) -> str:
    """``<Full Name>_<participant id>_assignsubmission_<plugin>_``."""
    full = f"{first_name} {last_name}".replace("_", " ")
    return f"{full}_{participant_id}_assignsubmission_{plugin}_"


def moodle(uploads: Iterable[Upload], folders: bool = True) -> list[Member]:
    """The members of Moodle's "Download all submissions" zip (``folders``: "Download
    submissions in folders", Moodle's default)."""
    members = []
    for upload in uploads:
        prefix = moodle_prefix(upload.first_name, upload.last_name, upload.user_id)
        path = f"{prefix}/{upload.filename}" if folders else f"{prefix}{upload.filename}"
        members.append(Member(path, upload.data, upload.time))
    return members


def moodle_text(
    first_name: str, last_name: str, participant_id: int, time: dt.datetime, folders: bool = True
) -> Member:
    """What a learner typed into Moodle's online text box, as the download holds it."""
    prefix = moodle_prefix(first_name, last_name, participant_id, "onlinetext")
    return Member(
        f"{prefix}/onlinetext.html" if folders else f"{prefix}onlinetext.html",
        b"<p>my notebook is attached</p>",
        time,
    )


def write_zip(path: Path, members: Iterable[Member]) -> Path:
    """``members`` as a zip at ``path``, each entry's time in this computer's local time."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for member in members:
            info = zipfile.ZipInfo(member.name, date_time=member.time.astimezone().timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            kind = stat.S_IFLNK | 0o777 if member.link else stat.S_IFREG | 0o644
            info.external_attr = kind << 16
            info.create_system = 3
            zf.writestr(info, member.data)
    return path


def unpack(folder: Path, members: Iterable[Member]) -> Path:
    """``members`` as ``unzip`` leaves them in ``folder``: each file with its time."""
    for member in members:
        target = folder / member.name
        target.parent.mkdir(parents=True, exist_ok=True)
        if member.link:
            target.symlink_to(member.data.decode())
            continue
        target.write_bytes(member.data)
        os.utime(target, (member.time.timestamp(), member.time.timestamp()))
    return folder
