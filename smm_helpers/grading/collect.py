"""Collect submissions into ``submitted/<learner>/<assignment>/`` — and never lose one.

Two sources:

- **nbgrader's exchange** (``collect_from_exchange``): nbgrader's own ``collect``, after
  moving any submission it would replace (nbgrader deletes it) into
  ``archive/submitted/<learner>/<assignment>/<when archived>/``.  On a shared exchange (a
  class hub, where each learner submits from their own account) a submission named for one
  learner but owned by another learner's account is not collected: it is reported and left
  in the exchange (:func:`owner_checked_collect`).  The time a submission claims (its
  folder's name and ``timestamp.txt``) is written by the learner: one from another account
  that claims to be older than it last changed is collected with the time it last changed
  (:func:`changed_at`) and reported.
- **an LMS download** (``collect_from_folder``): the folder it was unpacked into, or the
  ``.zip`` itself (:mod:`smm_helpers.grading.lms`): Canvas's and Moodle's layouts, and
  ``<learner id>_<notebook>.ipynb`` files or ``<learner id>/`` folders.  A file whose
  learner is not on the roster, or whose name says nothing about whose it is, is reported
  and left where it is; a notebook that is not valid JSON is collected (so it is kept) and
  reported.  Of several uploads of one notebook the newest is collected and the older ones
  are kept in the archive.

Either way the newest submission wins: one already collected that is newer than what is
being collected stays (reported as an "older submission"), and every collected submission
carries its time in ``timestamp.txt`` (nbgrader's format), taken from the LMS's file where
the LMS gives no other.  Both copy with :mod:`smm_helpers.grading.safe_files`: nothing is
followed or waited on.  A symbolic link, a named pipe, a socket or a device in a submission
is not collected ("blocked file access"), nor is a file or submission over nbgrader's size
limits (``CourseDirectory.max_file_size`` and ``max_dir_size``, "too large"); each is
reported and stays where the learner put it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
import json
import os
import shutil
import sys
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from smm_helpers.errors import InputError
from smm_helpers.grading import safe_files
from smm_helpers.grading.course import Course
from smm_helpers.grading.extensions import read_extensions
from smm_helpers.grading.lms.download import Download, open_download, utc
from smm_helpers.grading.lms.matching import RosterIndex
from smm_helpers.grading.lms.plan import LearnerUploads, Upload, plan_collect, when
from smm_helpers.grading.problems import Echo, Problem, printable
from smm_helpers.grading.progress import ProgressBar

PROGRESS_OVER = 10
"""A collect of more learners than this shows a progress bar with the time left."""
BACKDATING_SLACK = dt.timedelta(minutes=5)
"""How much earlier than it last changed an exchange submission may say it was handed in
(nbgrader's ``submit`` copies the files, then writes the time, within seconds)."""


@dataclass
class CollectReport:
    """What a collect did: who was collected, what was archived, what needs a look."""

    assignment: str
    collected: list[str] = field(default_factory=list)
    archived: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Things to know that need no fixing (a Canvas LATE mark, an older upload skipped)."""

    def lines(self) -> list[str]:
        out = [f"{self.assignment}: collected {len(self.collected)} submission(s)"]
        out += [f"  kept the older submission in {printable(str(p))}" for p in self.archived]
        out += [f"  · {printable(note)}" for note in self.notes]
        out += [f"  ✗ {p}" for p in self.problems]
        return out


def _stamp() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")


def archive_submission(course: Course, learner: str, assignment: str) -> Path | None:
    """Move ``submitted/<learner>/<assignment>`` into the archive; return where it went."""
    current = course.path("submitted") / learner / assignment
    if not current.exists():
        return None
    target = _archive_folder(course, learner, assignment)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(current), str(target))
    return target


def _archive_folder(course: Course, learner: str, assignment: str) -> Path:
    """A new folder name in ``archive/submitted/<learner>/<assignment>/``."""
    folder = course.path("archive") / "submitted" / learner / assignment
    target = folder / _stamp()
    while target.exists():
        target = folder / _stamp()
    return target


def timestamp_text(time: dt.datetime) -> str:
    """``time`` as nbgrader writes ``timestamp.txt`` (and ``nbgrader.utils.parse_utc`` reads
    it); a time without a zone is taken to be UTC, as nbgrader's are.

    >>> timestamp_text(dt.datetime(2026, 9, 20, 23, 59, tzinfo=dt.timezone(dt.timedelta(hours=6))))
    '2026-09-20 17:59:00.000000 UTC'
    >>> from nbgrader.utils import parse_utc
    >>> parse_utc(timestamp_text(dt.datetime(2026, 9, 20, 17, 59, 0, 12)))
    datetime.datetime(2026, 9, 20, 17, 59, 0, 12)
    """
    if time.tzinfo is None:
        time = time.replace(tzinfo=dt.UTC)
    return time.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f UTC")


def stated_time(folder: Path) -> dt.datetime | None:
    """The time in ``folder/timestamp.txt``, naive UTC as nbgrader's (``None`` if none)."""
    from nbgrader.utils import parse_utc  # heavy: loaded on first use

    try:
        text = safe_files.read_file(folder / "timestamp.txt", 4096).decode("utf-8").strip()
        return parse_utc(text) if text else None
    except (OSError, UnicodeDecodeError, ValueError, OverflowError):
        return None


def submission_time(folder: Path) -> dt.datetime | None:
    """When the submission in ``folder`` was handed in (UTC): its ``timestamp.txt``, else
    the newest notebook's modification time (a submission collected before collects wrote
    ``timestamp.txt``), else ``None``.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = Path(tmp, "timestamp.txt").write_text("2026-09-20 17:59:00.000000 UTC")
    ...     print(submission_time(Path(tmp)))
    2026-09-20 17:59:00+00:00
    """
    stamp = stated_time(folder)
    if stamp is not None:
        return stamp.replace(tzinfo=dt.UTC)
    times = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.endswith(".ipynb") and entry.is_file(follow_symlinks=False):
                times.append(utc(entry.stat(follow_symlinks=False).st_mtime_ns))
    return max(times, default=None)


def _write_timestamp(folder: Path, time: dt.datetime) -> None:
    path = folder / "timestamp.txt"
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(timestamp_text(time))


def _progress(total: int, echo: Echo) -> ProgressBar | None:
    return ProgressBar(total, echo) if total > PROGRESS_OVER else None


def file_owner(path: str | Path) -> str | None:
    """The account that owns ``path``, or ``None`` when it is this process's own account.

    A file of the instructor's own was put in the exchange by the instructor (or by a local,
    single-account set-up), so it speaks for whoever its name says.
    """
    if sys.platform == "win32":
        return None
    import pwd  # optional: Unix only

    uid = os.lstat(path).st_uid
    if uid == os.getuid():
        return None
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"uid {uid}"


def impostor(path: str | Path, learner: str, roster: Collection[str]) -> str | None:
    """The other learner whose account owns a submission named for ``learner``, if any.

    Only another learner on the roster counts: accounts named otherwise than learner ids
    (an LMS or single-sign-on mapping) can't be told apart, so they are trusted as before.

    >>> impostor(__file__, "ar1001", {"ar1001", "bo2002"}) is None
    True
    """
    owner = file_owner(path)
    return owner if owner != learner and owner in roster else None


def changed_at(path: str | Path) -> dt.datetime | None:
    """When ``path`` or anything in it last changed status (its newest ``ctime``), in UTC:
    a time its owner can't set back, unlike a modification time or a time written in a
    file.  Links are not followed; ``None`` when ``path`` can't be read.
    """
    try:
        newest = os.lstat(path).st_ctime_ns
    except OSError:
        return None
    if not os.path.islink(path):
        seen = 0
        for top, folders, files in os.walk(path):
            for name in folders + files:
                seen += 1
                if seen > safe_files.MAX_ENTRIES:
                    return utc(newest)
                with contextlib.suppress(OSError):
                    newest = max(newest, os.lstat(os.path.join(top, name)).st_ctime_ns)
    return utc(newest)


LeftOutReport = Callable[[str, list[safe_files.LeftOut], bool], None]
"""``report(folder name in inbound/, what was left out, whether anything was collected)``."""


def owner_checked_collect(
    refused: Collection[str],
    report: LeftOutReport | None = None,
    *,
    times: Mapping[str, dt.datetime] | None = None,
    keep: Collection[str] = (),
) -> type:
    """nbgrader's ``ExchangeCollect``, passing over the ``refused`` submissions, and
    copying each submission safely.

    ``refused`` are folder names in the exchange's ``inbound/`` that an impostor owns (see
    :func:`impostor`; :func:`collect_from_exchange` finds and reports them).  They stay in
    the exchange, and each learner's newest submission of their own is collected.  Each
    is copied with :func:`~smm_helpers.grading.safe_files.copy_tree` under nbgrader's own
    settings (``CourseDirectory.ignore``, ``include``, ``max_file_size``, ``max_dir_size``),
    where nbgrader would follow links, block on a named pipe and stop the whole collect at
    a submission over ``max_dir_size``; ``report`` hears what each copy left out.

    ``times`` (naive UTC, by folder name) replaces the time a folder's name claims, and is
    written to the collected ``timestamp.txt``; a submission without one gets its time
    from its name.  The learners in ``keep`` are not collected: the submission already
    collected for them stays as it is.
    """
    from nbgrader.exchange.default.collect import ExchangeCollect  # heavy: loaded on first use

    left_out = frozenset(refused)
    kept = frozenset(keep)
    told = dict(times or {})

    class OwnerCheckedCollect(ExchangeCollect):
        src_records: list[dict[str, Any]]

        def _path_to_record(self, path: str) -> dict[str, Any]:
            name = os.path.basename(path)
            if name in left_out:  # its name may not even hold a time
                return {
                    "username": name.rsplit("+", 3)[0],
                    "filename": name,
                    "timestamp": dt.datetime.min,
                }
            record: dict[str, Any] = super()._path_to_record(path)
            if name in told:
                record["timestamp"] = told[name]
            return record

        def _sort_by_timestamp(self, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
            return sorted(
                records, key=lambda r: (r["filename"] not in left_out, r["timestamp"]), reverse=True
            )

        def copy_files(self) -> None:
            self.src_records = [
                r
                for r in self.src_records
                if r["filename"] not in left_out and r["username"] not in kept
            ]
            super().copy_files()

        def do_copy(self, src: str, dest: str, log: Any = None) -> None:
            folders = self.coursedir
            kb = 1000  # nbgrader's sizes are in kilobytes of 1000 bytes
            folder_limit = int(folders.max_dir_size * kb) or safe_files.FOLDER_LIMIT
            left = safe_files.copy_tree(
                src,
                dest,
                file_limit=int(folders.max_file_size * kb) or folder_limit,
                folder_limit=folder_limit,
                skip=safe_files.skip_names(folders.ignore, folders.include),
            )
            name = os.path.basename(src)
            if os.path.isdir(dest) and (name in told or stated_time(Path(dest)) is None):
                from nbgrader.utils import parse_utc  # heavy: loaded on first use

                parts = name.rsplit("+", 3)
                _write_timestamp(Path(dest), told.get(name) or parse_utc(parts[2]))
            if folders.groupshared and os.path.isdir(dest):
                _share_with_group(Path(dest))
            if report is not None:
                report(name, left, os.path.isdir(dest))

    return OwnerCheckedCollect


def _share_with_group(folder: Path) -> None:
    """What nbgrader does to a collected folder when ``CourseDirectory.groupshared``:
    folders ``ug+rwx`` (and setgid), files ``ug+rw``."""
    for top, _, files in os.walk(folder):
        with contextlib.suppress(PermissionError):
            os.chmod(top, (os.stat(top).st_mode | 0o2770) & 0o2777)
        for name in files:
            with contextlib.suppress(PermissionError):
                os.chmod(Path(top, name), (os.stat(Path(top, name)).st_mode | 0o660) & 0o777)


def left_out_problem(
    assignment: str, learner: str, entry: safe_files.LeftOut, collected: bool
) -> Problem:
    """The problem reported for something a collect left out of a learner's submission
    (``collected``: whether the rest of it was collected).

    >>> print(left_out_problem("01-x", "ar1001", safe_files.LeftOut(
    ...     "notes.db", "link", "a symbolic link (to /srv/gradebook.db)"), True).message)
    the submission holds notes.db, a symbolic link (to /srv/gradebook.db); links are not \
collected (it stays in the exchange, unused)
    """
    if not collected:
        fix = (
            "raise CourseDirectory.max_dir_size in nbgrader_config.py if it should be collected"
            if entry.kind == "too large"
            else "ask the learner to submit again"
        )
        return Problem(
            entry.problem_kind,
            assignment,
            f"the submission {entry.path} is "
            f"{entry.why}, so none of it was collected (it stays in the exchange); "
            f"{fix}",
            learner,
        )
    if entry.kind == "too large":
        return Problem(
            "too large",
            assignment,
            f"{entry.path} is {entry.why}, so it was not "
            "collected (it stays in the exchange); raise "
            "CourseDirectory.max_file_size in nbgrader_config.py if it should be",
            learner,
        )
    what = (
        "links are not collected"
        if entry.kind == "link"
        else "only files and folders are collected"
    )
    return Problem(
        "blocked file access",
        assignment,
        f"the submission holds {entry.path}, "
        f"{entry.why}; {what} (it stays in the exchange, unused)",
        learner,
    )


def _claimed(path: str, named: dt.datetime) -> dt.datetime:
    """The earliest time an exchange submission claims: its name's, or its timestamp.txt's."""
    written = stated_time(Path(path))
    return min(named, written) if written is not None else named


def collect_from_exchange(course: Course, assignment: str, echo: Echo = print) -> CollectReport:
    """Collect the newest exchange submission of each learner with nbgrader's ``collect``
    (see the module docstring); a submission already collected that is newer stays."""
    from nbgrader.utils import parse_utc  # heavy: loaded on first use

    course.notebooks(assignment)  # an assignment of the course, or an error naming them
    report = CollectReport(assignment)
    roster = {learner.id for learner in course.roster()}
    inbound = course.exchange_dir / course.course_id / "inbound"
    newest: dict[str, dt.datetime] = {}  # naive UTC, as nbgrader's
    refused: set[str] = set()
    retimed: dict[str, dt.datetime] = {}

    submissions = glob.glob(str(inbound / f"*+{glob.escape(assignment)}+*"))
    for path in sorted(submissions):
        name = os.path.basename(path)
        parts = name.rsplit("+", 3)
        if len(parts) < 3:
            continue
        learner = parts[0]
        try:
            handed_in = parse_utc(parts[2])
        except (ValueError, OverflowError):
            report.problems.append(
                Problem(
                    "timestamp",
                    assignment,
                    f"{name} in the exchange has no readable time in its "
                    f"name, so it was not collected (it stays in {inbound})",
                    learner,
                )
            )
            refused.add(name)
            continue
        owner = impostor(path, learner, roster)
        if owner is not None:
            report.problems.append(
                Problem(
                    "wrong owner",
                    assignment,
                    f"{name} in the exchange is named for {learner} but "
                    f"was handed in from {owner}'s account, so it was not collected (it stays in "
                    f"{inbound}); ask {owner} about it",
                    learner,
                )
            )
            refused.add(name)
            continue
        if file_owner(path) is not None:
            claimed = _claimed(path, handed_in)
            changed = changed_at(path)
            if changed is not None and claimed.replace(tzinfo=dt.UTC) < changed - BACKDATING_SLACK:
                handed_in = retimed[name] = changed.replace(tzinfo=None)
                report.problems.append(
                    Problem(
                        "timestamp",
                        assignment,
                        f"{name} in the exchange says it was handed in "
                        f"at {when(claimed.replace(tzinfo=dt.UTC))}, but it last changed at "
                        f"{when(changed)}, a time its owner can't set back; it counts as handed "
                        "in then",
                        learner,
                    )
                )
        newest[learner] = max(handed_in, newest.get(learner, handed_in))

    keep: set[str] = set()  # learners whose collected submission stays
    newer: set[str] = set()  # ... because it is newer than the exchange's
    for learner, handed_in in sorted(newest.items()):
        if learner not in roster:
            report.problems.append(
                Problem(
                    "unknown learner",
                    assignment,
                    "submitted to the exchange but is not on "
                    f"{course.roster_file.name}; add them to the roster if they are in the class",
                    learner,
                )
            )
        existing = course.path("submitted") / learner / assignment
        if not existing.exists():
            continue
        before = submission_time(existing)
        new = handed_in.replace(tzinfo=dt.UTC)
        if before is not None and before >= new:
            keep.add(learner)
            if before > new:
                newer.add(learner)
                report.problems.append(
                    Problem(
                        "older submission",
                        assignment,
                        f"the exchange's copy from {when(new)} is "
                        f"older than the one already collected (from {when(before)}, in "
                        f"{existing}); it was not collected, and it stays in the exchange",
                        learner,
                    )
                )
            continue
        moved = archive_submission(course, learner, assignment)
        if moved:
            report.archived.append(moved)

    not_collected: set[str] = set()
    bar = _progress(len(set(newest) - keep), echo)
    copied = 0

    def left_out(folder: str, entries: list[safe_files.LeftOut], collected: bool) -> None:
        nonlocal copied
        learner = folder.rsplit("+", 3)[0]
        report.problems.extend(
            left_out_problem(assignment, learner, entry, collected) for entry in entries
        )
        if not collected:
            not_collected.add(learner)
        copied += 1
        if bar is not None:
            bar.update(copied, learner)

    api = course.api()
    api.exchange.collect = owner_checked_collect(refused, left_out, times=retimed, keep=keep)
    result = api.collect(assignment, update=True)
    if not result["success"]:
        said = (result.get("error") or result.get("log") or "").strip()[-400:]
        raise InputError(
            f"nbgrader could not collect {assignment}: {printable(said)}",
            fix="check the exchange folder in nbgrader_config.py (Exchange.root)",
        )
    if bar is not None:
        bar.finish()
    report.collected = sorted(set(newest) - not_collected - newer)
    for line in report.lines():
        echo(line)
    return report


def _is_notebook(path: Path) -> bool:
    try:
        json.loads(safe_files.read_file(path, safe_files.NOTEBOOK_LIMIT).decode("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, MemoryError, RecursionError):
        return False
    return True


def collect_from_folder(
    course: Course, assignment: str, folder: str | Path, echo: Echo = print
) -> CollectReport:
    """Collect an LMS download, a folder or a ``.zip`` (see the module docstring); report
    what can't be placed."""
    notebooks = course.notebooks(assignment)  # an assignment of the course, or an error
    roster = RosterIndex(course.roster(), course.roster_file.name)
    report = CollectReport(assignment)

    due = course.due_dates().get(assignment)
    extended = read_extensions(course)
    with open_download(folder) as download:
        plan = plan_collect(
            download,
            roster,
            notebooks,
            assignment,
            due=lambda learner: extended.get((learner, assignment), due),
        )
        report.problems.extend(plan.problems)
        report.notes.extend(plan.notes)
        bar = _progress(len(plan.learners), echo)
        for done, (learner, uploads) in enumerate(plan.learners.items(), start=1):
            _collect_uploads(course, assignment, download, learner, uploads, notebooks, report)
            if bar is not None:
                bar.update(done, learner)
        if bar is not None:
            bar.finish()
    for line in report.lines():
        echo(line)
    return report


def _collect_uploads(
    course: Course,
    assignment: str,
    download: Download,
    learner: str,
    uploads: LearnerUploads,
    notebooks: Collection[str],
    report: CollectReport,
) -> None:
    """Collect one learner's newest uploads; archive their older ones and the submission
    they replace — unless the submission already collected is newer."""
    target = course.path("submitted") / learner / assignment
    if target.exists():
        before = submission_time(target)
        if before is not None and before > uploads.time:
            report.problems.append(
                Problem(
                    "older submission",
                    assignment,
                    f"the download's copy from {when(uploads.time)} "
                    f"is older than the one already collected (from {when(before)}, in {target}); "
                    "it was not collected, and it stays where it is",
                    learner,
                )
            )
            return
        if before == uploads.time:  # collected before from this very download
            report.collected.append(learner)
            return
    copied, staging = _copy_uploads(course, assignment, learner, download, uploads.newest, report)
    if not copied:
        return  # nothing could be collected: the earlier submission stays as it was
    _write_timestamp(staging, uploads.stated or max(upload.file.time for upload in copied))
    for upload in uploads.older:
        kept = _archive_upload(course, assignment, learner, download, upload, report)
        if kept is not None:
            report.archived.append(kept)
            report.notes.append(
                f"{learner}: {download.where(upload.file)} "
                f"({when(upload.file.time)}) is an older upload of "
                f"{upload.entry.collected}, so the newest was collected"
            )
    moved = archive_submission(course, learner, assignment)
    if moved:
        report.archived.append(moved)
    os.rename(staging, target)
    for upload in copied:
        name = upload.entry.collected
        if name[: -len(".ipynb")] not in notebooks:
            report.problems.append(
                Problem(
                    "wrong filename",
                    assignment,
                    f"{upload.file.name} was collected as {name}, "
                    "but the assignment's notebook is "
                    + ", ".join(f"{n}.ipynb" for n in sorted(notebooks)),
                    learner,
                )
            )
        if not _is_notebook(target / name):
            report.problems.append(
                Problem(
                    "corrupted",
                    assignment,
                    f"{upload.file.name} is not a readable notebook "
                    "(broken JSON); it was kept — ask the learner to submit it again",
                    learner,
                )
            )
    report.collected.append(learner)


def _copy_problem(assignment: str, learner: str, where: str, error: OSError) -> Problem:
    if isinstance(error, safe_files.Refused):
        entry = error.left_out
        kind = "corrupted" if entry.kind == "broken" else entry.problem_kind
        return Problem(
            kind,
            assignment,
            f"{where} is {entry.why}, so it was not collected (it was left where it is)",
            learner,
        )
    return Problem(
        "blocked file access",
        assignment,
        f"{where} could not be read ({error.strerror or error}), so it was not collected",
        learner,
    )


def _copy_uploads(
    course: Course,
    assignment: str,
    learner: str,
    download: Download,
    uploads: list[Upload],
    report: CollectReport,
) -> tuple[list[Upload], Path]:
    """Copy a learner's uploads into a new folder beside their submission, each under the
    name it is collected as.

    Each is copied safely (:meth:`~smm_helpers.grading.lms.download.Download.copy`): a
    link, a pipe, a device or a file over nbgrader's 100 MB default is reported and left
    where it is.  Returns what was copied and the folder (removed when nothing was).
    """
    folder = course.path("submitted") / learner
    made = not folder.exists()
    staging = folder / f".{assignment}-collecting-{_stamp()}"
    staging.mkdir(parents=True)
    copied = []
    for upload in uploads:
        try:
            download.copy(upload.file, staging / upload.entry.collected)
        except OSError as error:
            report.problems.append(
                _copy_problem(assignment, learner, download.where(upload.file), error)
            )
            continue
        copied.append(upload)
    if not copied:
        shutil.rmtree(staging, ignore_errors=True)
        if made:
            with contextlib.suppress(OSError):
                folder.rmdir()
    return copied, staging


def _archive_upload(
    course: Course,
    assignment: str,
    learner: str,
    download: Download,
    upload: Upload,
    report: CollectReport,
) -> Path | None:
    """Keep an older upload in the archive, as a replaced submission is kept."""
    target = _archive_folder(course, learner, assignment)
    target.mkdir(parents=True)
    try:
        download.copy(upload.file, target / upload.entry.collected)
    except OSError as error:
        shutil.rmtree(target, ignore_errors=True)
        report.problems.append(
            _copy_problem(assignment, learner, download.where(upload.file), error)
        )
        return None
    _write_timestamp(target, upload.file.time)
    return target
