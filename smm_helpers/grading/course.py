"""A course folder: its nbgrader config, roster, due dates, and nbgrader's API on it.

A course folder holds ``nbgrader_config.py`` (paths relative to itself), ``roster.csv``
(``id,first_name,last_name,email``), ``due_dates.csv`` (``assignment,due`` with the due time
in ISO 8601 *with* its UTC offset, e.g. ``2026-09-20T23:59:00+06:00``) and ``rubrics/``.
The gradebook is nbgrader's own SQLite file (``gradebook.db`` by default), so nbgrader's
commands and formgrader keep working on it.

>>> learners = parse_roster("id,first_name,last_name,email\\nar1001,Amina,Rahman,a@example.org\\n")
>>> learners[0].id, learners[0].name
('ar1001', 'Amina Rahman')
>>> parse_roster("id,first_name\\nar1001,Amina\\n", file="roster.csv")
Traceback (most recent call last):
...
smm_helpers.errors.DataError: roster.csv, line 1: the roster's header is 'id,first_name'.
How to fix it: make the first line exactly id,first_name,last_name,email.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from smm_helpers.errors import DataError, InputError

ROSTER_COLUMNS = ("id", "first_name", "last_name", "email")
DUE_COLUMNS = ("assignment", "due")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
DEFAULT_COURSE = Path("course")


@dataclass(frozen=True)
class Learner:
    """One row of the roster."""

    id: str
    first_name: str
    last_name: str
    email: str
    lms_id: str = ""
    """The learner's user id in the LMS (Canvas's user id, Moodle's participant id), if known."""

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


def _rows(text: str, columns: tuple[str, ...], file: str, what: str) -> list[dict[str, str]]:
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None or tuple(h.strip() for h in header) != columns:
        shown = ",".join(header or [])
        raise DataError(f"the {what}'s header is {shown!r}", file=file, line=1,
                        fix="make the first line exactly " + ",".join(columns))
    rows = []
    for line_no, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(columns):
            raise DataError(f"this row has {len(row)} values but the {what} has "
                            f"{len(columns)} columns", file=file, line=line_no,
                            fix="give one value per column: " + ",".join(columns) +
                                " (quote a value that contains a comma)")
        rows.append({"_line": str(line_no), **{c: v.strip() for c, v in zip(columns, row,
                                                                              strict=True)}})
    return rows


def parse_roster(text: str, file: str = "roster.csv") -> list[Learner]:
    """Read a roster CSV (``id,first_name,last_name,email``); ids must be unique and plain.

    >>> parse_roster("id,first_name,last_name,email\\nar 1,A,B,c@d\\n")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: roster.csv, line 2, column 'id': 'ar 1' is not a usable ...
    """
    learners: list[Learner] = []
    seen: dict[str, str] = {}
    for row in _rows(text, ROSTER_COLUMNS, file, "roster"):
        line = int(row["_line"])
        if not _ID.match(row["id"]):
            raise DataError(f"{row['id']!r} is not a usable learner id", file=file, line=line,
                            column="id", fix="use letters, digits, '.', '_' or '-' only "
                                             "(no spaces, '+' or '/'), e.g. ar1001")
        if row["id"] in seen:
            raise DataError(f"learner id {row['id']!r} is also on line {seen[row['id']]}",
                            file=file, line=line, column="id",
                            fix="give every learner their own id")
        seen[row["id"]] = row["_line"]
        learners.append(Learner(row["id"], row["first_name"], row["last_name"], row["email"]))
    return learners


def parse_due_dates(text: str, file: str = "due_dates.csv") -> dict[str, dt.datetime]:
    """Read due dates (``assignment,due``); each due time must carry its UTC offset.

    >>> parse_due_dates("assignment,due\\n01-intro,2026-09-20T23:59:00+06:00\\n")
    {'01-intro': datetime.datetime(2026, 9, 20, 23, 59, tzinfo=datetime.timezone(datetime.timedelta(seconds=21600)))}
    >>> parse_due_dates("assignment,due\\n01-intro,2026-09-20 23:59\\n")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: due_dates.csv, line 2, column 'due': '2026-09-20 23:59' has no UTC offset...
    """  # noqa: E501
    due: dict[str, dt.datetime] = {}
    for row in _rows(text, DUE_COLUMNS, file, "due-date list"):
        line = int(row["_line"])
        try:
            when = dt.datetime.fromisoformat(row["due"])
        except ValueError:
            raise DataError(f"{row['due']!r} is not a date and time", file=file, line=line,
                            column="due", fix="write it as ISO 8601 with the offset, e.g. "
                                              "2026-09-20T23:59:00+06:00") from None
        if when.tzinfo is None:
            raise DataError(f"{row['due']!r} has no UTC offset, so it is ambiguous", file=file,
                            line=line, column="due",
                            fix="add the offset of the course's time zone, e.g. "
                                "2026-09-20T23:59:00+06:00 for Dhaka")
        if row["assignment"] in due:
            raise DataError(f"assignment {row['assignment']!r} has two due dates", file=file,
                            line=line, column="assignment", fix="keep one line per assignment")
        due[row["assignment"]] = when
    return due


@dataclass
class Course:
    """An open course folder (see :func:`open_course`)."""

    folder: Path
    config: Any  # a traitlets Config
    course_id: str
    source_dir: Path
    exchange_dir: Path
    db_url: str
    _api: Any = field(default=None, repr=False)

    @property
    def roster_file(self) -> Path:
        return self.folder / "roster.csv"

    @property
    def due_dates_file(self) -> Path:
        return self.folder / "due_dates.csv"

    @property
    def rubrics_dir(self) -> Path:
        return self.folder / "rubrics"

    def path(self, step: str) -> Path:
        """The folder of an nbgrader step: ``submitted``, ``autograded``, ``feedback``, ..."""
        return self.folder / step

    def roster(self) -> list[Learner]:
        """The learners on ``roster.csv``."""
        if not self.roster_file.is_file():
            raise InputError(f"the course has no roster: {self.roster_file} does not exist",
                             fix="write roster.csv with the header id,first_name,last_name,"
                                 "email and one line per learner")
        return parse_roster(self.roster_file.read_text(encoding="utf-8"), str(self.roster_file))

    def due_dates(self) -> dict[str, dt.datetime]:
        """Due dates by assignment from ``due_dates.csv`` (none if the file is absent)."""
        if not self.due_dates_file.is_file():
            return {}
        return parse_due_dates(self.due_dates_file.read_text(encoding="utf-8"),
                               str(self.due_dates_file))

    def assignments(self) -> list[str]:
        """The assignments with a source folder holding at least one notebook, sorted."""
        if not self.source_dir.is_dir():
            return []
        return sorted(p.name for p in self.source_dir.iterdir()
                      if p.is_dir() and any(p.glob("*.ipynb")))

    def notebooks(self, assignment: str) -> list[str]:
        """The notebook names (without ``.ipynb``) of an assignment's source."""
        folder = self.source_dir / assignment
        if not folder.is_dir():
            raise InputError(f"there is no assignment {assignment!r} in {self.source_dir}",
                             fix="use one of: " + (", ".join(self.assignments()) or "(none)"))
        return sorted(p.stem for p in folder.glob("*.ipynb"))

    def api(self) -> Any:
        """nbgrader's ``NbGraderAPI`` on this course (made once)."""
        ensure_tools_on_path()
        if self._api is None:
            from nbgrader.apps import NbGraderAPI

            self.exchange_dir.mkdir(parents=True, exist_ok=True)
            self._api = NbGraderAPI(config=self.config)
        return self._api

    @contextmanager
    def gradebook(self) -> Iterator[Any]:
        """nbgrader's ``Gradebook`` on this course's database, closed afterwards."""
        from nbgrader.api import Gradebook

        ensure_tools_on_path()
        with Gradebook(self.db_url, self.course_id) as gb:
            yield gb

    def sync_gradebook(self) -> None:
        """Put the roster's learners and the due dates into nbgrader's gradebook."""
        learners = self.roster()
        due = self.due_dates()
        with self.gradebook() as gb:
            for learner in learners:
                gb.update_or_create_student(learner.id, first_name=learner.first_name,
                                            last_name=learner.last_name, email=learner.email)
            for assignment in self.assignments():
                when = due.get(assignment)
                utc = when.astimezone(dt.UTC).replace(tzinfo=None) if when else None
                gb.update_or_create_assignment(assignment, duedate=utc)


def ensure_tools_on_path() -> None:
    """Put this Python's ``bin`` folder on PATH if nbgrader's helper ``alembic`` is not found.

    nbgrader's Gradebook runs the ``alembic`` command; in a virtual environment used without
    ``activate`` (``.venv/bin/smm-course ...``) it is installed but not on PATH.
    """
    if shutil.which("alembic") is None:
        scripts = str(Path(sys.executable).parent)
        os.environ["PATH"] = scripts + os.pathsep + os.environ.get("PATH", "")


def load_config(folder: Path, overrides: dict[str, dict[str, Any]] | None = None) -> Any:
    """Load ``folder/nbgrader_config.py`` as a traitlets Config, with ``overrides`` on top.

    The settings that keep learners' content from running in feedback pages and the
    Formgrader (:func:`smm_helpers.grading.sanitize.apply_safe_settings`) go on last, so
    neither a course's own config nor ``overrides`` can leave them out.
    """
    from traitlets.config import Config
    from traitlets.config.loader import PyFileConfigLoader

    from smm_helpers.grading.sanitize import apply_safe_settings

    config = PyFileConfigLoader("nbgrader_config.py", path=str(folder)).load_config()
    if overrides:
        config.merge(Config(overrides))
    return apply_safe_settings(config)


def open_course(folder: str | Path = DEFAULT_COURSE,
                overrides: dict[str, dict[str, Any]] | None = None) -> Course:
    """Open a course folder, checking it has an ``nbgrader_config.py``.

    ``overrides`` are extra nbgrader settings, e.g. ``{"Execute": {"timeout": 5}}``.

    >>> open_course("/no/such/folder")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: /no/such/folder is not a course folder: it has no nbgrader_config.py.
    How to fix it: pass --course with the folder that holds nbgrader_config.py (default: course/).
    """  # noqa: E501
    root = Path(folder).expanduser()
    if not (root / "nbgrader_config.py").is_file():
        raise InputError(f"{folder} is not a course folder: it has no nbgrader_config.py",
                         fix="pass --course with the folder that holds nbgrader_config.py "
                             "(default: course/)")
    root = root.resolve()
    config = load_config(root, overrides)
    coursedir = config.get("CourseDirectory", {})
    course_root = Path(coursedir.get("root", root))
    course_id = str(coursedir.get("course_id", "")) or "smm-lab"
    config.CourseDirectory.course_id = course_id
    config.CourseDirectory.root = str(course_root)
    source = Path(coursedir.get("source_directory", "source"))
    exchange = Path(config.get("Exchange", {}).get("root", course_root / "exchange"))
    config.Exchange.root = str(exchange)
    db_url = str(coursedir.get("db_url", "")) or f"sqlite:///{course_root / 'gradebook.db'}"
    config.CourseDirectory.db_url = db_url
    return Course(folder=course_root, config=config, course_id=course_id,
                  source_dir=source if source.is_absolute() else course_root / source,
                  exchange_dir=exchange, db_url=db_url)
