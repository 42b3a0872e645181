"""A course folder: its nbgrader config, roster, due dates, and nbgrader's API on it.

A course folder holds ``nbgrader_config.py`` (paths relative to itself), ``roster.csv``
(``id,first_name,last_name,email`` and optionally ``lms_id``, read by
:mod:`smm_helpers.grading.roster`), ``due_dates.csv`` (``assignment,due`` with the due time
in ISO 8601 *with* its UTC offset, e.g. ``2026-09-20T23:59:00+06:00``; an empty due means
no due date yet) and ``rubrics/``.  ``smm-course init DIR`` makes one
(:mod:`smm_helpers.grading.init`).  The gradebook is nbgrader's own SQLite file
(``gradebook.db`` by default), so nbgrader's commands and formgrader keep working on it.

>>> learners = parse_roster("id,first_name,last_name,email\\nar1001,Amina,Rahman,a@example.org\\n")
>>> learners[0].id, learners[0].name
('ar1001', 'Amina Rahman')
>>> parse_roster("id,first_name\\nar1001,Amina\\n", file="roster.csv")
Traceback (most recent call last):
...
smm_helpers.errors.DataError: roster.csv, line 1: the roster has no column 'last_name' (its columns are: id, first_name).
How to fix it: make the first line id,first_name,last_name,email,lms_id.
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from smm_helpers.errors import DataError, InputError
from smm_helpers.grading.roster import ROSTER_COLUMNS, Learner, parse_roster, read_roster
from smm_helpers.grading.tables import decode, parse_table

__all__ = [
    "DEFAULT_COURSE",
    "DUE_COLUMNS",
    "ROSTER_COLUMNS",
    "Course",
    "Learner",
    "ensure_tools_on_path",
    "find_course",
    "load_config",
    "open_course",
    "parse_due",
    "parse_due_dates",
    "parse_roster",
    "read_due_dates",
    "read_roster",
    "source_assignments",
]

DUE_COLUMNS = ("assignment", "due")
DEFAULT_COURSE = Path("course")
"""Where a clone keeps its course folder (kept for older callers; see :func:`find_course`)."""
CONFIG = "nbgrader_config.py"


def source_assignments(source: Path) -> list[str]:
    """The assignments of a source folder: its folders holding at least one notebook,
    sorted (hidden folders such as ``.ipynb_checkpoints`` left out)."""
    if not source.is_dir():
        return []
    return sorted(
        p.name
        for p in source.iterdir()
        if p.is_dir() and not p.name.startswith(".") and any(p.glob("*.ipynb"))
    )


def parse_due_dates(text: str, file: str = "due_dates.csv") -> dict[str, dt.datetime]:
    """Read due dates (``assignment,due``); each due time must carry its UTC offset.

    An assignment whose due is left empty has no due date yet: it is left out.  The text
    may come from a spreadsheet (see :mod:`smm_helpers.grading.tables`).

    >>> parse_due_dates("assignment,due\\n01-intro,2026-09-20T23:59:00+06:00\\n02-policy,\\n")
    {'01-intro': datetime.datetime(2026, 9, 20, 23, 59, tzinfo=datetime.timezone(datetime.timedelta(seconds=21600)))}
    >>> parse_due_dates("Assignment;Due\\n01-intro;2026-09-20 23:59\\n")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: due_dates.csv, line 2, column 'due': '2026-09-20 23:59' has no UTC offset...
    """  # noqa: E501
    due: dict[str, dt.datetime] = {}
    seen: set[str] = set()
    for row in parse_table(text, DUE_COLUMNS, file=file, what="due-date list"):
        assignment, line = row["assignment"], row.line
        if not assignment:
            raise DataError(
                "the assignment is empty",
                file=file,
                line=line,
                column="assignment",
                fix="write the assignment's folder name, e.g. 01-platforms-and-planning",
            )
        if assignment in seen:
            raise DataError(
                f"assignment {assignment!r} has two due dates",
                file=file,
                line=line,
                column="assignment",
                fix="keep one line per assignment",
            )
        seen.add(assignment)
        if row["due"]:
            due[assignment] = parse_due(row["due"], file=file, line=line)
    return due


def parse_due(text: str, *, file: str = "due_dates.csv", line: int | None = None) -> dt.datetime:
    """One due time: ISO 8601 with its UTC offset.

    >>> parse_due("2026-09-20T23:59+06:00").isoformat()
    '2026-09-20T23:59:00+06:00'
    """
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        raise DataError(
            f"{text!r} is not a date and time",
            file=file,
            line=line,
            column="due",
            fix="write it as ISO 8601 with the offset, e.g. 2026-09-20T23:59:00+06:00",
        ) from None
    if when.tzinfo is None:
        raise DataError(
            f"{text!r} has no UTC offset, so it is ambiguous",
            file=file,
            line=line,
            column="due",
            fix="add the offset of the course's time zone, e.g. "
            "2026-09-20T23:59:00+06:00 for Dhaka",
        )
    return when


def read_due_dates(path: Path) -> dict[str, dt.datetime]:
    """:func:`parse_due_dates` of a file (as a spreadsheet saves it); none if it is absent."""
    path = Path(path)
    if not path.is_file():
        return {}
    return parse_due_dates(decode(path.read_bytes(), str(path)), str(path))


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
        """The learners on ``roster.csv`` (see :func:`~smm_helpers.grading.roster.read_roster`)."""
        return read_roster(self.roster_file)

    def due_dates(self) -> dict[str, dt.datetime]:
        """Due dates by assignment from ``due_dates.csv`` (none if the file is absent; an
        assignment whose due is empty has none yet)."""
        return read_due_dates(self.due_dates_file)

    def assignments(self) -> list[str]:
        """The assignments with a source folder holding at least one notebook, sorted."""
        return source_assignments(self.source_dir)

    def notebooks(self, assignment: str) -> list[str]:
        """The notebook names (without ``.ipynb``) of an assignment's source."""
        folder = self.source_dir / assignment
        if not folder.is_dir():
            raise InputError(
                f"there is no assignment {assignment!r} in {self.source_dir}",
                fix="use one of: " + (", ".join(self.assignments()) or "(none)"),
            )
        return sorted(p.stem for p in folder.glob("*.ipynb"))

    def api(self) -> Any:
        """nbgrader's ``NbGraderAPI`` on this course (made once)."""
        ensure_tools_on_path()
        if self._api is None:
            from nbgrader.apps import NbGraderAPI  # heavy: loaded on first use

            self.exchange_dir.mkdir(parents=True, exist_ok=True)
            self._api = NbGraderAPI(config=self.config)
        return self._api

    @contextmanager
    def gradebook(self) -> Iterator[Any]:
        """nbgrader's ``Gradebook`` on this course's database, closed afterwards."""
        from nbgrader.api import Gradebook  # heavy: loaded on first use

        ensure_tools_on_path()
        with Gradebook(self.db_url, self.course_id) as gb:
            yield gb

    def sync_gradebook(self) -> None:
        """Put the roster's learners and the due dates into nbgrader's gradebook."""
        learners = self.roster()
        due = self.due_dates()
        with self.gradebook() as gb:
            for learner in learners:
                gb.update_or_create_student(
                    learner.id,
                    first_name=learner.first_name,
                    last_name=learner.last_name,
                    email=learner.email,
                )
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
    from traitlets.config import Config  # heavy: loaded on first use
    from traitlets.config.loader import PyFileConfigLoader  # heavy: loaded on first use

    # heavy: loads jinja2, markupsafe, nbclient on first use
    from smm_helpers.grading.sanitize import apply_safe_settings

    config = PyFileConfigLoader("nbgrader_config.py", path=str(folder)).load_config()
    if overrides:
        config.merge(Config(overrides))
    return apply_safe_settings(config)


def open_course(
    folder: str | Path = DEFAULT_COURSE, overrides: dict[str, dict[str, Any]] | None = None
) -> Course:
    """Open a course folder, checking it has an ``nbgrader_config.py``.

    ``overrides`` are extra nbgrader settings, e.g. ``{"Execute": {"timeout": 5}}``.

    >>> open_course("/no/such/folder")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: /no/such/folder is not a course folder: it has no nbgrader_config.py.
    How to fix it: pass --course with the folder that holds nbgrader_config.py, cd into it, or make one with smm-course init DIR.
    """  # noqa: E501
    root = Path(folder).expanduser()
    if not (root / CONFIG).is_file():
        raise InputError(
            f"{folder} is not a course folder: it has no {CONFIG}",
            fix=f"pass --course with the folder that holds {CONFIG}, cd into it, "
            "or make one with smm-course init DIR",
        )
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
    return Course(
        folder=course_root,
        config=config,
        course_id=course_id,
        source_dir=source if source.is_absolute() else course_root / source,
        exchange_dir=exchange,
        db_url=db_url,
    )


def places_to_look() -> tuple[Path, Path]:
    """Where a command looks for the course folder when not told: the current folder
    (nbgrader's habit, ``cd course``), then its ``course/`` (a clone of the repository)."""
    here = Path.cwd()
    return here, here / DEFAULT_COURSE


def find_course(given: Path | None = None) -> Path:
    """The course folder a command works on.

    ``given`` (``--course DIR``) when there is one; otherwise the current folder if it holds
    ``nbgrader_config.py`` (nbgrader's habit: ``cd course``), else its ``course/`` if that
    holds one (a clone of the repository).

    >>> find_course(Path("elsewhere"))
    PosixPath('elsewhere')
    """
    if given is not None:
        return given
    here, below = places_to_look()
    for folder in (here, below):
        if (folder / CONFIG).is_file():
            return folder
    raise InputError(
        f"no course folder here: neither {here} nor {below} holds {CONFIG}",
        fix="cd into your course folder, pass --course DIR, or make one with smm-course init DIR",
    )
