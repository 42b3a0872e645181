"""Collect submissions into ``submitted/<learner>/<assignment>/`` — and never lose one.

Two sources:

- **nbgrader's exchange** (``collect_from_exchange``): nbgrader's own ``collect``, after
  moving any submission it would replace (nbgrader deletes it) into
  ``archive/submitted/<learner>/<assignment>/<when archived>/``.  On a shared exchange (a
  class hub, where each learner submits from their own account) a submission named for one
  learner but owned by another learner's account is not collected: it is reported and left
  in the exchange (:func:`owner_checked_collect`).
- **a folder downloaded from an LMS** (``collect_from_folder``), laid out either as
  ``<learner id>_<notebook>.ipynb`` files (Canvas/Moodle style, e.g.
  ``ar1001_01-platforms-and-planning.ipynb``) or as one folder per learner
  (``<learner id>/<notebook>.ipynb``).  A file whose learner is not on the roster, or whose
  name says nothing about whose it is, is reported and left where it is; a notebook that is
  not valid JSON is collected (so it is kept) and reported.

Both copy with :mod:`smm_helpers.grading.safe_files`: nothing is followed or waited on.  A
symbolic link, a named pipe, a socket or a device in a submission is not collected
("blocked file access"), nor is a file or submission over nbgrader's size limits
(``CourseDirectory.max_file_size`` and ``max_dir_size``, "too large"); each is reported and
stays where the learner put it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
import json
import os
import shutil
import sys
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from smm_helpers.errors import InputError
from smm_helpers.grading import safe_files
from smm_helpers.grading.course import Course
from smm_helpers.grading.problems import Problem, printable

Echo = Callable[[str], None]


@dataclass
class CollectReport:
    """What a collect did: who was collected, what was archived, what needs a look."""

    assignment: str
    collected: list[str] = field(default_factory=list)
    archived: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"{self.assignment}: collected {len(self.collected)} submission(s)"]
        out += [f"  kept the older submission in {printable(str(p))}" for p in self.archived]
        out += [f"  ✗ {p}" for p in self.problems]
        return out


def _stamp() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")


def archive_submission(course: Course, learner: str, assignment: str) -> Path | None:
    """Move ``submitted/<learner>/<assignment>`` into the archive; return where it went."""
    current = course.path("submitted") / learner / assignment
    if not current.exists():
        return None
    target = course.path("archive") / "submitted" / learner / assignment / _stamp()
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(current), str(target))
    return target


def file_owner(path: str | Path) -> str | None:
    """The account that owns ``path``, or ``None`` when it is this process's own account.

    A file of the instructor's own was put in the exchange by the instructor (or by a local,
    single-account set-up), so it speaks for whoever its name says.
    """
    if sys.platform == "win32":
        return None
    import pwd

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


LeftOutReport = Callable[[str, list[safe_files.LeftOut], bool], None]
"""``report(folder name in inbound/, what was left out, whether anything was collected)``."""


def owner_checked_collect(refused: Collection[str],
                          report: LeftOutReport | None = None) -> type:
    """nbgrader's ``ExchangeCollect``, passing over the ``refused`` submissions, and
    copying each submission safely.

    ``refused`` are folder names in the exchange's ``inbound/`` that an impostor owns (see
    :func:`impostor`; :func:`collect_from_exchange` finds and reports them).  They stay in
    the exchange, and each learner's newest submission of their own is collected.  Each
    is copied with :func:`~smm_helpers.grading.safe_files.copy_tree` under nbgrader's own
    settings (``CourseDirectory.ignore``, ``include``, ``max_file_size``, ``max_dir_size``),
    where nbgrader would follow links, block on a named pipe and stop the whole collect at
    a submission over ``max_dir_size``; ``report`` hears what each copy left out.
    """
    from nbgrader.exchange.default.collect import ExchangeCollect

    left_out = frozenset(refused)

    class OwnerCheckedCollect(ExchangeCollect):
        src_records: list[dict[str, Any]]

        def _sort_by_timestamp(self, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
            return sorted(records, key=lambda r: (r["filename"] not in left_out,
                                                  r["timestamp"]), reverse=True)

        def copy_files(self) -> None:
            self.src_records = [r for r in self.src_records if r["filename"] not in left_out]
            super().copy_files()

        def do_copy(self, src: str, dest: str, log: Any = None) -> None:
            folders = self.coursedir
            kb = 1000  # nbgrader's sizes are in kilobytes of 1000 bytes
            folder_limit = int(folders.max_dir_size * kb) or safe_files.FOLDER_LIMIT
            left = safe_files.copy_tree(
                src, dest, file_limit=int(folders.max_file_size * kb) or folder_limit,
                folder_limit=folder_limit,
                skip=safe_files.skip_names(folders.ignore, folders.include))
            if folders.groupshared and os.path.isdir(dest):
                _share_with_group(Path(dest))
            if report is not None:
                report(os.path.basename(src), left, os.path.isdir(dest))

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


def left_out_problem(assignment: str, learner: str, entry: safe_files.LeftOut,
                     collected: bool) -> Problem:
    """The problem reported for something a collect left out of a learner's submission
    (``collected``: whether the rest of it was collected).

    >>> print(left_out_problem("01-x", "ar1001", safe_files.LeftOut(
    ...     "notes.db", "link", "a symbolic link (to /srv/gradebook.db)"), True).message)
    the submission holds notes.db, a symbolic link (to /srv/gradebook.db); links are not \
collected (it stays in the exchange, unused)
    """
    if not collected:
        fix = ("raise CourseDirectory.max_dir_size in nbgrader_config.py if it should be "
               "collected" if entry.kind == "too large" else "ask the learner to submit again")
        return Problem(entry.problem_kind, assignment, f"the submission {entry.path} is "
                       f"{entry.why}, so none of it was collected (it stays in the exchange); "
                       f"{fix}", learner)
    if entry.kind == "too large":
        return Problem("too large", assignment, f"{entry.path} is {entry.why}, so it was not "
                       "collected (it stays in the exchange); raise "
                       "CourseDirectory.max_file_size in nbgrader_config.py if it should be",
                       learner)
    what = ("links are not collected" if entry.kind == "link"
            else "only files and folders are collected")
    return Problem("blocked file access", assignment, f"the submission holds {entry.path}, "
                   f"{entry.why}; {what} (it stays in the exchange, unused)", learner)


def _timestamp(folder: Path) -> dt.datetime | None:
    from nbgrader.utils import parse_utc

    try:
        text = safe_files.read_file(folder / "timestamp.txt", 4096).decode("utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return parse_utc(text) if text else None


def collect_from_exchange(course: Course, assignment: str, echo: Echo = print) -> CollectReport:
    """Collect the newest exchange submission of each learner with nbgrader's ``collect``."""
    report = CollectReport(assignment)
    roster = {learner.id for learner in course.roster()}
    inbound = course.exchange_dir / course.course_id / "inbound"
    newest: dict[str, dt.datetime] = {}
    refused: set[str] = set()
    from nbgrader.utils import parse_utc

    submissions = glob.glob(str(inbound / f"*+{glob.escape(assignment)}+*"))
    for path in submissions:
        parts = os.path.basename(path).rsplit("+", 3)
        if len(parts) < 3:
            continue
        learner, when = parts[0], parse_utc(parts[2])
        owner = impostor(path, learner, roster)
        if owner is not None:
            report.problems.append(Problem(
                "wrong owner", assignment, f"{os.path.basename(path)} in the exchange is "
                f"named for {learner} but was handed in from {owner}'s account, so it was not "
                f"collected (it stays in {inbound}); ask {owner} about it", learner))
            refused.add(os.path.basename(path))
            continue
        newest[learner] = max(when, newest.get(learner, when))
    not_collected: set[str] = set()

    def left_out(folder: str, entries: list[safe_files.LeftOut], collected: bool) -> None:
        learner = folder.rsplit("+", 3)[0]
        report.problems.extend(left_out_problem(assignment, learner, entry, collected)
                               for entry in entries)
        if not collected:
            not_collected.add(learner)

    for learner, when in sorted(newest.items()):
        if learner not in roster:
            report.problems.append(Problem(
                "unknown learner", assignment, "submitted to the exchange but is not on "
                f"{course.roster_file.name}; add them to the roster if they are in the class",
                learner))
        existing = course.path("submitted") / learner / assignment
        if existing.exists():
            before = _timestamp(existing)
            if before is None or when > before:
                moved = archive_submission(course, learner, assignment)
                if moved:
                    report.archived.append(moved)
    api = course.api()
    api.exchange.collect = owner_checked_collect(refused, left_out)
    result = api.collect(assignment, update=True)
    if not result["success"]:
        said = (result.get("error") or result.get("log") or "").strip()[-400:]
        raise InputError(f"nbgrader could not collect {assignment}: {printable(said)}",
                         fix="check the exchange folder in nbgrader_config.py (Exchange.root)")
    report.collected = sorted(set(newest) - not_collected)
    for line in report.lines():
        echo(line)
    return report


def _is_notebook(path: Path) -> bool:
    try:
        json.loads(safe_files.read_file(path, safe_files.NOTEBOOK_LIMIT).decode("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, MemoryError, RecursionError):
        return False
    return True


def collect_from_folder(course: Course, assignment: str, folder: str | Path,
                        echo: Echo = print) -> CollectReport:
    """Collect an LMS download (see the module docstring); report what can't be placed."""
    source = Path(folder)
    if not source.is_dir():
        raise InputError(f"{folder} is not a folder", fix="pass the folder your LMS download "
                         "was unpacked into, e.g. --from ~/Downloads/submissions")
    report = CollectReport(assignment)
    roster = {learner.id for learner in course.roster()}
    notebooks = set(course.notebooks(assignment))
    found: dict[str, list[tuple[Path, str]]] = {}

    def place(learner: str, file: Path, name: str) -> None:
        if learner not in roster:
            report.problems.append(Problem(
                "unknown learner", assignment, f"{file} belongs to {learner!r}, who is not on "
                f"{course.roster_file.name}; it was left where it is — add the learner to the "
                "roster or rename the file with their roster id, then collect again", learner))
            return
        found.setdefault(learner, []).append((file, name))

    for entry in sorted(source.iterdir()):
        if entry.is_symlink():  # followed, it would collect what it points to
            report.problems.append(Problem(
                "blocked file access", assignment, f"{entry.name} is a symbolic link (to "
                f"{os.readlink(entry)}); links are not collected, it was left where it is",
                entry.name.partition("_")[0] if entry.suffix == ".ipynb" else entry.name))
            continue
        if entry.is_dir():
            for file in sorted(entry.glob("*.ipynb")):
                place(entry.name, file, file.name)
            if not any(entry.glob("*.ipynb")):
                report.problems.append(Problem(
                    "missing", assignment, f"the folder {entry} has no notebook", entry.name))
        elif entry.suffix == ".ipynb":
            learner, sep, rest = entry.stem.partition("_")
            if not sep or not learner:
                report.problems.append(Problem(
                    "wrong filename", assignment, f"{entry.name} does not start with a learner "
                    "id, so I can't tell whose it is; it was left where it is — rename it "
                    f"<learner id>_{sorted(notebooks)[0]}.ipynb and collect again"))
                continue
            place(learner, entry, f"{rest}.ipynb")
        else:
            report.problems.append(Problem(
                "wrong filename", assignment, f"{entry.name} is not a notebook (.ipynb); it "
                "was left where it is"))

    for learner, files in sorted(found.items()):
        copied, staging = _copy_notebooks(course, assignment, learner, files, report)
        if not copied:
            continue  # nothing could be collected: the earlier submission stays as it was
        moved = archive_submission(course, learner, assignment)
        if moved:
            report.archived.append(moved)
        target = course.path("submitted") / learner / assignment
        os.rename(staging, target)
        for file, name in copied:
            if Path(name).stem not in notebooks:
                report.problems.append(Problem(
                    "wrong filename", assignment, f"{file.name} was collected as {name}, but "
                    "the assignment's notebook is " + ", ".join(f"{n}.ipynb" for n in
                                                               sorted(notebooks)), learner))
            if not _is_notebook(target / name):
                report.problems.append(Problem(
                    "corrupted", assignment, f"{file.name} is not a readable notebook "
                    "(broken JSON); it was kept — ask the learner to submit it again", learner))
        report.collected.append(learner)
    for line in report.lines():
        echo(line)
    return report


def _copy_notebooks(course: Course, assignment: str, learner: str,
                    files: list[tuple[Path, str]],
                    report: CollectReport) -> tuple[list[tuple[Path, str]], Path]:
    """Copy a learner's ``(file, name)`` pairs into a new folder beside their submission.

    Each is copied safely (:func:`~smm_helpers.grading.safe_files.copy_file`): a link, a
    pipe, a device or a file over nbgrader's 100 MB default is reported and left where it
    is.  Returns what was copied and the folder (removed when nothing was).
    """
    folder = course.path("submitted") / learner
    made = not folder.exists()
    staging = folder / f".{assignment}-collecting-{_stamp()}"
    staging.mkdir(parents=True)
    copied = []
    for file, name in files:
        (staging / name).unlink(missing_ok=True)  # the same name twice: the last one wins
        try:
            safe_files.copy_file(file, staging / name, safe_files.NOTEBOOK_LIMIT)
        except safe_files.Refused as refused:
            entry = refused.left_out
            report.problems.append(Problem(entry.problem_kind, assignment, f"{file} is "
                                           f"{entry.why}, so it was not collected (it was "
                                           "left where it is)", learner))
            continue
        except OSError as error:
            report.problems.append(Problem("blocked file access", assignment, f"{file} could "
                                           f"not be read ({error.strerror or error}), so it "
                                           "was not collected", learner))
            continue
        copied.append((file, name))
    if not copied:
        shutil.rmtree(staging, ignore_errors=True)
        if made:
            folder.rmdir()
    return copied, staging
