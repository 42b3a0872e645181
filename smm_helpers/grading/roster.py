"""The roster (``roster.csv``): who is in the class, read the same way by every command.

Columns (in any order, headers in any case, see :mod:`smm_helpers.grading.tables` for the
encodings and separators a spreadsheet may save): ``id``, ``first_name``, ``last_name``,
``email`` and, optionally, ``lms_id`` (the learner's user id in the LMS: Canvas's user id or
Moodle's participant id).  Other columns, such as those pasted in from an LMS export, are
allowed and ignored.

An id names the learner's folders and gradebook entry: letters, digits, ``.``, ``_`` or
``-``, starting with a letter or digit, and used once.  Two ids that differ only in case are
refused too: they would be one folder on macOS and Windows and one account on the class hub.

>>> learners = parse_roster("\\ufeffID;First Name;Last Name;Email\\nar1001;Amina;Rahman;a@example.org\\n")
>>> learners[0].id, learners[0].name
('ar1001', 'Amina Rahman')
>>> for problem in roster_problems("id,first_name,last_name,email\\n"
...                                "ar1001,Amina,Rahman,a@x\\nAR1001,Nusrat,Jahan,n@x\\n"):
...     print(problem)
roster.csv, line 3, column 'id': learner ids 'AR1001' (line 3) and 'ar1001' (line 2) differ only in case.
How to fix it: give each learner an id of their own: ids that differ only in case are one folder on macOS and Windows and one account on the class hub.
"""  # noqa: E501

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from smm_helpers.errors import DataError, InputError
from smm_helpers.grading.problems import printable
from smm_helpers.grading.tables import (
    column_name,
    decode,
    every_row,
    sniff_delimiter,
)

ROSTER_COLUMNS = ("id", "first_name", "last_name", "email")
"""The columns every roster has."""
OPTIONAL_COLUMNS = ("lms_id",)
"""The columns a roster may have: ``lms_id``, the learner's user id in the LMS."""
LEARNER_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
"""A usable learner id: it names folders, gradebook entries and exchange files."""
HUB_USERNAME = re.compile(r"^[a-z_][a-z0-9_-]{0,31}$")
"""An account name on the class hub (``course/jupyterhub/jupyterhub_config.py``'s USERNAME)."""
WHAT = "roster"


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


@dataclass(frozen=True)
class RosterReading:
    """What a roster holds: its usable learners (with their lines), every problem, and the
    columns SMM Lab ignores."""

    learners: list[Learner] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)
    """The line of each learner id in the file (the header is line 1)."""
    problems: list[DataError] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)


def _quoted(value: str) -> str:
    """A value from the file, quoted and with its control characters escaped."""
    return f"'{printable(value)}'"


def ignored_columns(text: str) -> list[str]:
    """The columns of a roster that SMM Lab does not read (as named in its header).

    >>> ignored_columns("Student,ID,First Name,Last Name,Email,SIS User ID\\n")
    ['student', 'sis_user_id']
    """
    first = text.lstrip("\ufeff").split("\n", 1)[0].rstrip("\r")
    known = ROSTER_COLUMNS + OPTIONAL_COLUMNS
    delimiter = sniff_delimiter(first, known)
    cells = next(csv.reader([first], delimiter=delimiter), [])
    return [name for name in (column_name(cell) for cell in cells) if name and name not in known]


def examine_roster(text: str, file: str = "roster.csv") -> RosterReading:
    """Read a roster's text, collecting every problem instead of stopping at the first."""
    rows, problems = every_row(
        text, ROSTER_COLUMNS, optional=OPTIONAL_COLUMNS, file=file, what=WHAT, extra=True
    )
    if problems and (problems[0].line or 1) <= 1:
        return RosterReading(problems=problems)
    reading = RosterReading(problems=problems, ignored_columns=ignored_columns(text))
    folded: dict[str, tuple[str, int]] = {}
    lms: dict[str, int] = {}
    for row in rows:
        learner_id, line = row["id"], row.line
        if not learner_id:
            problems.append(
                DataError(
                    "the learner id is empty",
                    file=file,
                    line=line,
                    column="id",
                    fix="give every learner an id, e.g. ar1001",
                )
            )
            continue
        if not LEARNER_ID.match(learner_id):
            problems.append(
                DataError(
                    f"{_quoted(learner_id)} is not a usable learner id",
                    file=file,
                    line=line,
                    column="id",
                    fix="use letters, digits, '.', '_' or '-' only, starting with a "
                    "letter or digit (no spaces, '+' or '/'), e.g. ar1001",
                )
            )
            continue
        if learner_id in reading.lines:
            problems.append(
                DataError(
                    f"learner id {_quoted(learner_id)} is also on line {reading.lines[learner_id]}",
                    file=file,
                    line=line,
                    column="id",
                    fix="give every learner their own id",
                )
            )
            continue
        if learner_id.lower() in folded:
            other, other_line = folded[learner_id.lower()]
            problems.append(
                DataError(
                    f"learner ids {_quoted(learner_id)} (line {line}) and {_quoted(other)} "
                    f"(line {other_line}) differ only in case",
                    file=file,
                    line=line,
                    column="id",
                    fix="give each learner an id of their own: ids that differ only in case are "
                    "one folder on macOS and Windows and one account on the class hub",
                )
            )
            continue
        lms_id = row.get("lms_id", "")
        if lms_id and lms_id in lms:
            problems.append(
                DataError(
                    f"LMS id {_quoted(lms_id)} is also on line {lms[lms_id]}",
                    file=file,
                    line=line,
                    column="lms_id",
                    fix="copy each learner's own user id from the LMS (Canvas's user id, Moodle's "
                    "participant id), or leave lms_id empty",
                )
            )
        elif lms_id:
            lms[lms_id] = line
        folded[learner_id.lower()] = (learner_id, line)
        reading.lines[learner_id] = line
        reading.learners.append(
            Learner(learner_id, row["first_name"], row["last_name"], row["email"], lms_id)
        )
    problems.sort(key=lambda problem: problem.line or 0)
    return reading


def roster_problems(text: str, file: str = "roster.csv") -> list[DataError]:
    """Every problem of a roster's text, in line order, each naming its line, column and fix.

    >>> for problem in roster_problems("id,first_name,last_name,email,lms_id\\n"
    ...                                "ar 1,A,B,c@d,\\nar2,C,D,e@f,77\\nar3,E,F,g@h,77\\n"):
    ...     print(problem.line, problem.column, problem.problem)
    2 id 'ar 1' is not a usable learner id
    4 lms_id LMS id '77' is also on line 3
    """
    return examine_roster(text, file).problems


def parse_roster(text: str, file: str = "roster.csv") -> list[Learner]:
    """The learners of a roster's text; its first problem is raised, saying how many more.

    >>> parse_roster("id,first_name,last_name,email\\nar 1,A,B,c@d\\nar/2,C,D,e@f\\n")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: roster.csv, line 2, column 'id': 'ar 1' is not a usable \
learner id (and 1 more problem in roster.csv: smm-course doctor lists them all).
    How to fix it: use letters, digits, '.', '_' or '-' only, ...
    """
    reading = examine_roster(text, file)
    if reading.problems:
        first, more = reading.problems[0], len(reading.problems) - 1
        if not more:
            raise first
        name = Path(file).name
        raise DataError(
            f"{first.problem.rstrip('.')} (and {more} more problem"
            f"{'s' if more != 1 else ''} in {name}: smm-course doctor lists them "
            "all)",
            file=first.file,
            line=first.line,
            column=first.column,
            fix=first.fix,
        )
    return reading.learners


def read_roster(path: Path) -> list[Learner]:
    """The learners of a roster file (UTF-8 with or without Excel's BOM, or UTF-16; commas,
    semicolons or tabs); its first problem is raised, saying how many more there are."""
    path = Path(path)
    if not path.is_file():
        raise InputError(
            f"the course has no roster: {path} does not exist",
            fix="write roster.csv with the header "
            + ",".join(ROSTER_COLUMNS)
            + " (and optionally lms_id) and one line per learner",
        )
    return parse_roster(decode(path.read_bytes(), str(path)), str(path))


def hub_account_problem(learner_id: str) -> str | None:
    """Why the class hub (``course/jupyterhub``) cannot use this id as an account name, or
    None if it can.

    The hub's accounts are Linux accounts (lower-case letters, digits, ``_`` and ``-``,
    starting with a letter or ``_``, at most 32 characters), and JupyterHub makes every
    user name lower case, so a learner whose roster id has capitals would submit under
    another name than the roster's.

    >>> hub_account_problem("ar1001") is None
    True
    >>> print(hub_account_problem("AR1001"))
    it has capital letters: the hub makes user names lower case, so this learner's submissions would come in as 'ar1001'
    >>> print(hub_account_problem("1001.rahman"))
    it starts with a digit; it has '.'
    """  # noqa: E501
    if HUB_USERNAME.match(learner_id):
        return None
    if not learner_id:
        return "it is empty"
    reasons = []
    if learner_id != learner_id.lower():
        reasons.append(
            "it has capital letters: the hub makes user names lower case, so this "
            f"learner's submissions would come in as {_quoted(learner_id.lower())}"
        )
    if learner_id[:1].isdigit():
        reasons.append("it starts with a digit")
    elif learner_id[:1] == "-":
        reasons.append("it starts with '-'")
    others = sorted({ch for ch in learner_id.lower() if not re.match(r"[a-z0-9_-]", ch)})
    if others:
        reasons.append("it has " + ", ".join(_quoted(ch) for ch in others))
    if len(learner_id) > 32:
        reasons.append(f"it is {len(learner_id)} characters long (at most 32)")
    return "; ".join(reasons) or "it is not a Linux account name"
