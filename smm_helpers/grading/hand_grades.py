"""Hand grades without the Formgrader: a CSV a teaching assistant fills in, imported whole.

:func:`write_template` writes one row per learner with a submission and cell graded by hand
(a written answer or a task: nbgrader's grade cells that are also answers, and its task
cells), with the learner's answer beside it to read.  The teaching assistant fills in
``score`` and ``comment``; :func:`import_hand_grades` checks every row first — a known
learner with a submission, a graded cell of the assignment, a number (``2,5`` too) from 0 to
the cell's points, no row twice — and changes nothing unless every row is right.  Then it
sets the scores and comments in nbgrader's gradebook in one go, as the Formgrader would, and
says what changed.  The values it replaced are kept in ``history/<assignment>/_hand-grades/``.

nbgrader marks every hand-graded cell "needs grading" again whenever a submission is
autograded again; :func:`keep_unchanged_hand_grades` puts back the cells whose answer did not
change, so only the changed ones wait for a teaching assistant.

>>> from smm_helpers.grading.tables import parse_table
>>> book = Book(cells={("01-x", "essay"): Cell("01-x", "essay", 3.0, True, True)},
...             roster=("ar1001", "bo2002"), submitted=frozenset({"ar1001", "bo2002"}))
>>> rows = parse_table("learner,grade_id,score,comment\\nar1001,essay,\\"2,5\\",Clear.\\n"
...                    "bo2002,essay,,\\n", REQUIRED, optional=OPTIONAL, file="tas.csv",
...                    what="hand-grade table")
>>> grades, errors = check_rows(rows, book, "tas.csv")
>>> grades, errors
([HandGrade(line=2, learner='ar1001', notebook='01-x', grade_id='essay', score=2.5, \
comment='Clear.')], [])
>>> rows = parse_table("learner,grade_id,score\\nar1010,essay,4\\n", REQUIRED, file="tas.csv",
...                    what="hand-grade table")
>>> for error in check_rows(rows, book, "tas.csv")[1]:
...     print(error)
tas.csv, line 2, column 'learner': 'ar1010' is not on the roster.
How to fix it: did you mean ar1001? Use the learner's id as in roster.csv.
tas.csv, line 2, column 'score': 4 is more than the 3 points of 'essay'.
How to fix it: give a score from 0 to 3.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import json
import math
import shutil
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from smm_helpers.errors import DataError, InputError
from smm_helpers.grading import safe_files
from smm_helpers.grading.course import Course
from smm_helpers.grading.instructor_cells import listed, nbgrader_meta, role
from smm_helpers.grading.problems import Echo, printable
from smm_helpers.grading.tables import Row, read_table

TEMPLATE_COLUMNS = (
    "learner",
    "first_name",
    "last_name",
    "notebook",
    "grade_id",
    "max_points",
    "score",
    "comment",
    "answer",
)
"""The template's columns; ``answer`` (and the names, and ``max_points``) are for reading."""
REQUIRED = ("learner", "grade_id", "score")
OPTIONAL = ("comment", "notebook", "first_name", "last_name", "max_points", "answer")
WHAT = "hand-grade table"
ANSWER_LIMIT = 30_000
"""Characters of an answer put in the template (a spreadsheet cell holds at most 32,767)."""
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula (a learner's answer must stay text)."""
_KEPT = "_hand-grades"
"""Where previous values are kept, under ``history/<assignment>/`` (no learner id starts
with ``_``)."""


# ----------------------------------------------------------------------------- the cells
@dataclass(frozen=True)
class Cell:
    """A cell a row of the table may name."""

    notebook: str
    grade_id: str
    max_points: float | None
    """``None``: an answer whose points are its test's (only a comment may be given)."""
    comments: bool
    """Whether nbgrader keeps a comment on it (answers and tasks, not tests)."""
    by_hand: bool
    """Graded by hand: a written answer or a task."""


@dataclass(frozen=True)
class Book:
    """What the rows are checked against: the assignment's cells and its learners."""

    cells: dict[tuple[str, str], Cell]
    """By (notebook, grade_id)."""
    roster: tuple[str, ...]
    submitted: frozenset[str]
    """Learners with a submission of the assignment in the gradebook."""
    answered_by: dict[tuple[str, str], str] = field(default_factory=dict)
    """(notebook, test grade_id) → the answer it tests, to say where a comment can go."""

    @property
    def notebooks(self) -> list[str]:
        return sorted({notebook for notebook, _ in self.cells})


@dataclass(frozen=True)
class HandGrade:
    """One checked row: what to set (``score`` ``None``: only the comment)."""

    line: int
    learner: str
    notebook: str
    grade_id: str
    score: float | None
    comment: str


def _source_cells(course: Course, assignment: str, notebook: str) -> list[Any]:
    """The cells of the instructor's source notebook (none if it cannot be read)."""
    path = course.source_dir / assignment / f"{notebook}.ipynb"
    try:
        cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError, AttributeError):
        return []
    return cells if isinstance(cells, list) else []


def _plan_order(course: Course, assignment: str, notebook: str) -> dict[str, int]:
    """grade_id → its position in the instructor's source notebook."""
    return {
        str(nbgrader_meta(c)["grade_id"]): n
        for n, c in enumerate(_source_cells(course, assignment, notebook))
        if nbgrader_meta(c).get("grade_id")
    }


def _answers_tested(course: Course, assignment: str, notebook: str) -> dict[str, str]:
    """test grade_id → the answer cell just before it in the source notebook."""
    found: dict[str, str] = {}
    last: str | None = None
    for cell in _source_cells(course, assignment, notebook):
        kind = role(cell)
        if kind in ("answer", "written"):
            last = str(nbgrader_meta(cell)["grade_id"])
        elif kind == "test" and last is not None:
            found[str(nbgrader_meta(cell)["grade_id"])] = last
    return found


def _cells(gb: Any, assignment: str) -> dict[tuple[str, str], Cell]:
    cells: dict[tuple[str, str], Cell] = {}
    for notebook in gb.find_assignment(assignment).notebooks:
        answers = {c.name for c in notebook.solution_cells}
        for cell in notebook.grade_cells:
            cells[notebook.name, cell.name] = Cell(
                notebook.name,
                cell.name,
                float(cell.max_score),
                cell.name in answers,
                cell.name in answers,
            )
        for cell in notebook.task_cells:
            cells[notebook.name, cell.name] = Cell(
                notebook.name, cell.name, float(cell.max_score), True, True
            )
        for name in answers:
            cells.setdefault((notebook.name, name), Cell(notebook.name, name, None, True, False))
    return cells


def _book(course: Course, assignment: str) -> Book:
    """The cells and learners of ``assignment``; raises if nothing is autograded yet."""
    course.notebooks(assignment)  # an unknown assignment is refused with the valid names
    roster = tuple(learner.id for learner in course.roster())
    from nbgrader.api import MissingEntry  # heavy: loaded on first use

    with course.gradebook() as gb:
        try:
            cells = _cells(gb, assignment)
            submitted = frozenset(s.student.id for s in gb.assignment_submissions(assignment))
        except MissingEntry:
            cells, submitted = {}, frozenset()
    if not submitted:
        raise InputError(
            f"nothing is autograded for {printable(assignment)} yet, so there is "
            "nothing to grade by hand",
            fix=f"collect and autograde it first: smm-course collect "
            f"{assignment}, then smm-course autograde {assignment}",
        )
    answered_by = {
        (notebook, test): answer
        for notebook in {n for n, _ in cells}
        for test, answer in _answers_tested(course, assignment, notebook).items()
    }
    return Book(cells, roster, submitted, answered_by)


# ----------------------------------------------------------------------------- template
def _answer_text(cell: dict[str, Any] | None) -> str:
    r"""A learner's answer as template text: control characters shown escaped, cut to
    :data:`ANSWER_LIMIT`, and never read as a spreadsheet formula.

    >>> _answer_text({"source": ["=HYPERLINK(\"http://x\")\n", "two\x1b[2J"]})
    '\'=HYPERLINK("http://x")\ntwo\\x1b[2J'
    >>> _answer_text(None)
    ''
    """
    if cell is None:
        return ""
    source = cell.get("source", "")
    text = "".join(source) if isinstance(source, list) else str(source)
    text = text.replace("\r\n", "\n")
    text = "\n".join(printable(line) for line in text.split("\n")).strip()
    if len(text) > ANSWER_LIMIT:
        text = text[:ANSWER_LIMIT] + f" … (cut: {len(text) - ANSWER_LIMIT:,} more characters)"
    return "'" + text if text.startswith(_FORMULA) else text


def _notebook_cells(path: Path) -> dict[str, dict[str, Any]]:
    """The cells of a notebook file by grade_id (first of each); empty if unreadable."""
    try:
        data = json.loads(safe_files.read_file(path).decode("utf-8"))
    except (OSError, ValueError, MemoryError, RecursionError):
        return {}
    cells = data.get("cells") if isinstance(data, dict) else None
    found: dict[str, dict[str, Any]] = {}
    for cell in cells if isinstance(cells, list) else []:
        grade_id = nbgrader_meta(cell).get("grade_id")
        if isinstance(grade_id, str) and grade_id not in found:
            found[grade_id] = cell
    return found


def _score_text(score: float | None) -> str:
    return "" if score is None else f"{score:g}"


def write_template(course: Course, assignment: str, out: Path, echo: Echo = print) -> Path:
    """Write the CSV a teaching assistant fills in; return its path.

    One row per learner on the roster with a submission in the gradebook, for each cell
    graded by hand (and any test of theirs whose score was overridden by hand), in roster
    order then the notebook's order.  ``score`` and ``comment`` hold the hand grade
    already given, if any.  The file is UTF-8 with the mark Excel looks for.  An existing
    file is never written over.
    """
    out = Path(out)
    if out.exists():
        raise InputError(
            f"{out} already exists, and a template is never written over a file "
            "(it may hold a teaching assistant's grades)",
            fix=f"give a new file name, or import the filled-in file with "
            f"smm-course hand-grades {assignment} {out}",
        )
    book = _book(course, assignment)
    learners = {learner.id: learner for learner in course.roster()}
    order = {nb: _plan_order(course, assignment, nb) for nb in book.notebooks}
    rows: list[list[str]] = []
    with course.gradebook() as gb:
        for learner_id in [r for r in book.roster if r in book.submitted]:
            learner = learners[learner_id]
            submission = gb.find_submission(assignment, learner_id)
            for notebook in sorted(submission.notebooks, key=lambda n: n.name):
                comments = {c.name: c.manual_comment or "" for c in notebook.comments}
                graded = _notebook_cells(
                    course.path("autograded") / learner_id / assignment / f"{notebook.name}.ipynb"
                )
                grades = sorted(
                    (
                        g
                        for g in notebook.grades
                        if book.cells[notebook.name, g.name].by_hand or g.manual_score is not None
                    ),
                    key=lambda g: (order[notebook.name].get(g.name, math.inf), g.name),
                )
                for grade in grades:
                    cell = book.cells[notebook.name, grade.name]
                    answer = graded.get(grade.name) if cell.comments else None
                    rows.append(
                        [
                            learner_id,
                            learner.first_name,
                            learner.last_name,
                            notebook.name,
                            grade.name,
                            _score_text(cell.max_points),
                            _score_text(grade.manual_score),
                            comments.get(grade.name, ""),
                            _answer_text(answer) if role(answer or {}) != "task" else "",
                        ]
                    )

    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("x", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(TEMPLATE_COLUMNS)
        writer.writerows(rows)
    outsiders = sorted(book.submitted - set(book.roster))
    echo(
        f"✓ wrote {out}: {len(rows)} row(s), one per learner and cell graded by hand; fill "
        "in score (and comment), then import it with: "
        f"smm-course hand-grades {printable(assignment)} {out}"
    )
    if outsiders:
        echo(
            f"  ⚠ {len(outsiders)} submission(s) from learners not on the roster have no "
            f"rows ({listed([printable(o) for o in outsiders])}): add them to "
            f"{course.roster_file.name} and write the template again"
        )
    if not rows:
        echo(
            f"  {printable(assignment)} has no cell graded by hand; a row with a test's "
            "grade_id still overrides its autograded score"
        )
    return out


# ----------------------------------------------------------------------------- checking
def parse_score(text: str) -> float:
    """A score as typed in a spreadsheet: ``2``, ``2.5`` or ``2,5`` (a decimal comma).

    >>> parse_score("2,5"), parse_score(" 3 "), parse_score("0.25")
    (2.5, 3.0, 0.25)
    >>> parse_score("two")
    Traceback (most recent call last):
    ...
    ValueError: 'two' is not a number
    """
    value = text.strip()
    if value.count(",") == 1 and "." not in value:
        value = value.replace(",", ".")
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"{text!r} is not a number") from None
    if not math.isfinite(number):
        raise ValueError(f"{text!r} is not a number")
    return number


def _near(value: str, choices: Iterable[str]) -> str:
    """'did you mean X? ' for the nearest choice, or nothing.

    >>> _near("AR1001", ["ar1001", "bo2002"]), _near("zz", ["ar1001"])
    ('did you mean ar1001? ', '')
    """
    options = list(choices)
    folded = {c.casefold(): c for c in options}
    if value.casefold() in folded:
        return f"did you mean {printable(folded[value.casefold()])}? "
    near = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    return f"did you mean {printable(near[0])}? " if near else ""


def _check_learner(row: Row, book: Book, file: str) -> DataError | None:
    learner = row["learner"]
    if not learner:
        return DataError(
            "the learner is empty",
            file=file,
            line=row.line,
            column="learner",
            fix="give the learner's id as in roster.csv",
        )
    if learner not in book.roster:
        return DataError(
            f"{printable(learner)!r} is not on the roster",
            file=file,
            line=row.line,
            column="learner",
            fix=_near(learner, book.roster) + "Use the learner's id as in roster.csv",
        )
    if learner not in book.submitted:
        return DataError(
            f"{printable(learner)!r} has no autograded submission of this assignment",
            file=file,
            line=row.line,
            column="learner",
            fix="collect and autograde their submission first, or remove the row",
        )
    return None


def _find_cell(row: Row, book: Book, file: str) -> Cell | DataError:
    grade_id = row["grade_id"]
    notebook = row.get("notebook", "").removesuffix(".ipynb")
    if notebook and notebook not in book.notebooks:
        return DataError(
            f"the assignment has no notebook {printable(notebook)!r}",
            file=file,
            line=row.line,
            column="notebook",
            fix=_near(notebook, book.notebooks) + "use one of: " + ", ".join(book.notebooks),
        )
    found = [
        c for (nb, g), c in book.cells.items() if g == grade_id and (not notebook or nb == notebook)
    ]
    if not found:
        graded = sorted({g for (_, g), c in book.cells.items() if c.by_hand})
        where = f"notebook {printable(notebook)!r}" if notebook else "the assignment"
        return DataError(
            f"{where} has no cell {printable(grade_id)!r}",
            file=file,
            line=row.line,
            column="grade_id",
            fix=_near(grade_id, sorted({g for _, g in book.cells}))
            + "use the cell's grade_id; the cells graded by hand are: "
            + (", ".join(graded) or "(none)"),
        )
    if len(found) > 1:
        return DataError(
            f"{printable(grade_id)!r} is a cell of several notebooks "
            f"({', '.join(c.notebook for c in found)})",
            file=file,
            line=row.line,
            column="notebook",
            fix="say which in a notebook column, as the template does",
        )
    return found[0]


def _check_score(row: Row, cell: Cell, book: Book, file: str) -> float | DataError | None:
    text = row["score"]
    if not text:
        return None
    if cell.max_points is None:
        tests = [
            t
            for (nb, t), a in book.answered_by.items()
            if nb == cell.notebook and a == cell.grade_id
        ]
        where = f"on the row of its test {tests[0]!r}" if tests else "on its test's row"
        return DataError(
            f"{cell.grade_id!r} is an answer with no points of its own (its test scores it)",
            file=file,
            line=row.line,
            column="score",
            fix=f"give the score {where}, or leave score empty here to set only the comment",
        )
    try:
        score = parse_score(text)
    except ValueError as error:
        return DataError(
            printable(str(error)),
            file=file,
            line=row.line,
            column="score",
            fix=f"write a number from 0 to {cell.max_points:g}, e.g. 2 or 2.5 "
            "(or leave it empty to grade it later)",
        )
    if score < 0:
        return DataError(
            f"{printable(text)} is below 0",
            file=file,
            line=row.line,
            column="score",
            fix=f"give a score from 0 to {cell.max_points:g}",
        )
    if score > cell.max_points:
        return DataError(
            f"{printable(text)} is more than the {cell.max_points:g} points of {cell.grade_id!r}",
            file=file,
            line=row.line,
            column="score",
            fix=f"give a score from 0 to {cell.max_points:g}",
        )
    return score


def check_rows(
    rows: Sequence[Row], book: Book, file: str
) -> tuple[list[HandGrade], list[DataError]]:
    """The grades to set from ``rows`` (rows with neither score nor comment left out), and
    every problem found, in the order of the file; checks every row.

    A grade_id two notebooks share needs the ``notebook`` column:

    >>> from smm_helpers.grading.tables import parse_table
    >>> book = Book(cells={(nb, "essay"): Cell(nb, "essay", 2.0, True, True)
    ...                    for nb in ("part-1", "part-2")},
    ...             roster=("ar1001",), submitted=frozenset({"ar1001"}))
    >>> rows = parse_table("learner,grade_id,score,notebook\\nar1001,essay,1,\\n"
    ...                    "ar1001,essay,2,part-2.ipynb\\n", REQUIRED, optional=OPTIONAL,
    ...                    file="tas.csv", what=WHAT)
    >>> grades, [error] = check_rows(rows, book, "tas.csv")
    >>> print(error)
    tas.csv, line 2, column 'notebook': 'essay' is a cell of several notebooks (part-1, part-2).
    How to fix it: say which in a notebook column, as the template does.
    >>> [(g.notebook, g.score) for g in grades]
    [('part-2', 2.0)]
    """
    grades: list[HandGrade] = []
    errors: list[DataError] = []
    seen: dict[tuple[str, str, str], int] = {}
    for row in rows:
        found = [e for e in [_check_learner(row, book, file)] if e is not None]
        cell = _find_cell(row, book, file)
        score: float | DataError | None = None
        comment = unicodedata.normalize("NFC", row.get("comment", "")).strip()
        if isinstance(cell, DataError):
            found.append(cell)
        else:
            score = _check_score(row, cell, book, file)
            if isinstance(score, DataError):
                found.append(score)
            if comment and not cell.comments:
                answer = book.answered_by.get((cell.notebook, cell.grade_id))
                where = (
                    f"on the row of the answer it tests, grade_id {answer!r}"
                    if answer
                    else "on the row of the answer it tests"
                )
                found.append(
                    DataError(
                        f"{cell.grade_id!r} is a test, and nbgrader keeps "
                        "comments on answers and tasks only",
                        file=file,
                        line=row.line,
                        column="comment",
                        fix=f"put the comment {where}",
                    )
                )
            key = (row["learner"], cell.notebook, cell.grade_id)
            if key in seen:
                found.append(
                    DataError(
                        f"{printable(row['learner'])!r}'s {cell.grade_id!r} "
                        f"is also on line {seen[key]}",
                        file=file,
                        line=row.line,
                        column="grade_id",
                        fix="keep one row for each learner and cell",
                    )
                )
            seen.setdefault(key, row.line)
        errors += found
        if found or isinstance(cell, DataError) or isinstance(score, DataError):
            continue  # (the last two are in found: this says so to the type checker)
        if score is not None or comment:
            grades.append(
                HandGrade(row.line, row["learner"], cell.notebook, cell.grade_id, score, comment)
            )
    return grades, errors


# ----------------------------------------------------------------------------- import
@dataclass(frozen=True)
class Change:
    """A hand grade or comment that replaced an earlier one."""

    learner: str
    notebook: str
    grade_id: str
    old: float | str
    new: float | str

    def __str__(self) -> str:
        if isinstance(self.old, float) and isinstance(self.new, float):
            what = f"{self.old:g} → {self.new:g}"
        else:
            what = f"comment {_short(str(self.old))!r} → {_short(str(self.new))!r}"
        return f"{printable(self.learner)} {self.grade_id}: {printable(what)}"


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@dataclass
class HandGradeReport:
    """What an import set, what it changed, and how the assignment's grading stands."""

    assignment: str
    file: Path
    grades_set: int = 0
    comments_set: int = 0
    skipped: int = 0
    """Rows with neither score nor comment (not graded yet)."""
    changed: list[Change] = field(default_factory=list)
    """Earlier hand grades and comments this import replaced (kept in :attr:`kept`)."""
    auto: int = 0
    """The assignment's grades given by the autograder alone."""
    by_hand: int = 0
    pending: list[tuple[str, str, str]] = field(default_factory=list)
    """(learner, notebook, grade_id) of grades that still need grading by hand."""
    kept: Path | None = None
    """The folder holding the imported file and the values it replaced."""

    def lines(self) -> list[str]:
        out = [
            f"✓ imported {self.grades_set} hand grade(s) and {self.comments_set} "
            f"comment(s) from {self.file}"
        ]
        scores = [c for c in self.changed if isinstance(c.new, float)]
        if self.changed:
            out.append(
                f"  {len(scores)} grade(s) and {len(self.changed) - len(scores)} "
                f"comment(s) replaced an earlier one (kept in {self.kept}):"
            )
            out += [f"    ⟳ {change}" for change in self.changed]
        if self.skipped:
            out.append(
                f"  {self.skipped} row(s) with neither score nor comment were left as they were"
            )
        pending = [f"{printable(learner)} {grade_id}" for learner, _, grade_id in self.pending]
        out.append(
            f"  {printable(self.assignment)}: {self.auto} grade(s) autograded + "
            f"{self.by_hand} by hand, {len(self.pending)} still need grading"
            + (f" ({listed(pending)})" if pending else "")
        )
        return out


def _standing(gb: Any, assignment: str, report: HandGradeReport) -> None:
    report.auto = report.by_hand = 0
    report.pending = []
    for submission in gb.assignment_submissions(assignment):
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                if grade.needs_manual_grade:
                    report.pending.append((submission.student.id, notebook.name, grade.name))
                elif grade.manual_score is not None:
                    report.by_hand += 1
                else:
                    report.auto += 1
    report.pending.sort()


def _keep(course: Course, assignment: str, path: Path, before: list[dict[str, Any]]) -> Path:
    """Keep the imported file and the values it replaces, in the assignment's history."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H%M%S.%fZ")
    folder = course.path("history") / assignment / _KEPT / stamp
    folder.mkdir(parents=True, exist_ok=False)
    shutil.copy2(path, folder / f"imported{path.suffix or '.csv'}")
    (folder / "before.json").write_text(
        json.dumps(before, indent=1, ensure_ascii=False), encoding="utf-8"
    )
    return folder


def import_hand_grades(
    course: Course, assignment: str, path: str | Path, echo: Echo = print
) -> HandGradeReport:
    """Import hand grades and comments from a CSV (see the module); all rows or none.

    Columns ``learner``, ``grade_id``, ``score``; optional ``comment`` and ``notebook`` (needed
    when a grade_id is in several notebooks); the template's other columns are read past.
    Raises :class:`DataError` for the first wrong row (every wrong row is echoed first),
    having changed nothing.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(
            f"{path} does not exist or is not a file",
            fix=f"give the filled-in CSV; write one to fill in with smm-course "
            f"hand-grades {assignment} --template {path}",
        )
    book = _book(course, assignment)
    rows = read_table(path, REQUIRED, optional=OPTIONAL, what=WHAT)
    grades, errors = check_rows(rows, book, str(path))
    if errors:
        for error in errors[1:]:
            echo(f"  ✗ {error}".replace("\n", " "))
        first = errors[0]
        others = (
            f" ({len(errors) - 1} more row problem(s) are listed above)" if len(errors) > 1 else ""
        )
        raise DataError(
            f"{first.problem}; nothing was imported{others}",
            file=first.file,
            line=first.line,
            column=first.column,
            fix=first.fix + "; then import the whole file again",
        )
    report = HandGradeReport(assignment, path, skipped=len(rows) - len(grades))
    before: list[dict[str, Any]] = []
    with course.gradebook() as gb:
        try:
            for hand in grades:
                where = (hand.grade_id, hand.notebook, assignment, hand.learner)
                if hand.score is not None:
                    grade = gb.find_grade(*where)
                    before.append(
                        {
                            "learner": hand.learner,
                            "notebook": hand.notebook,
                            "grade_id": hand.grade_id,
                            "manual_score": grade.manual_score,
                            "needs_manual_grade": grade.needs_manual_grade,
                        }
                    )
                    if grade.manual_score is not None and grade.manual_score != hand.score:
                        report.changed.append(
                            Change(
                                hand.learner,
                                hand.notebook,
                                hand.grade_id,
                                float(grade.manual_score),
                                hand.score,
                            )
                        )
                    grade.manual_score = hand.score
                    grade.needs_manual_grade = False
                    report.grades_set += 1
                if hand.comment:
                    comment = gb.find_comment(*where)
                    old = comment.manual_comment
                    before.append(
                        {
                            "learner": hand.learner,
                            "notebook": hand.notebook,
                            "grade_id": hand.grade_id,
                            "manual_comment": old,
                        }
                    )
                    if old and unicodedata.normalize("NFC", old) != hand.comment:
                        report.changed.append(
                            Change(hand.learner, hand.notebook, hand.grade_id, old, hand.comment)
                        )
                    comment.manual_comment = hand.comment
                    report.comments_set += 1
            if report.changed:
                report.kept = _keep(course, assignment, path, before)
            gb.db.commit()
        except BaseException:
            gb.db.rollback()  # all or nothing
            raise
        _standing(gb, assignment, report)
    for line in report.lines():
        echo(line)
    return report


# ----------------------------------------------------------------------------- re-autograde
def _same_text(source: Any) -> str:
    r"""A cell's source for comparing: NFC, each line and the end without trailing spaces.

    >>> _same_text(["Cafe\u0301  \n", "ok\t\n\n"]) == _same_text("Café\nok")
    True
    """
    text = (
        "".join(s for s in source if isinstance(s, str))
        if isinstance(source, list)
        else source
        if isinstance(source, str)
        else ""
    )
    text = unicodedata.normalize("NFC", text)
    return "\n".join(line.rstrip() for line in text.splitlines()).rstrip()


def _failed(cell: dict[str, Any]) -> bool:
    outputs = cell.get("outputs")
    return any(
        isinstance(o, dict) and o.get("output_type") == "error"
        for o in (outputs if isinstance(outputs, list) else [])
    )


def answer_print(
    cells: dict[str, dict[str, Any]], all_cells: list[dict[str, Any]], grade_id: str
) -> str | None:
    """What must stay the same for the hand grade of ``grade_id`` to stand: a written
    answer's text (and attachments); for a test, its code and whether it passed; for a task,
    every cell of the notebook.  ``None`` if the cell is not there.

    >>> cell = {"cell_type": "markdown", "source": "Café ", "metadata": {"nbgrader": {
    ...     "grade_id": "essay", "grade": True, "solution": True}}}
    >>> answer_print({"essay": cell}, [cell], "essay") == answer_print(
    ...     {"essay": dict(cell, source="Cafe\\u0301")}, [], "essay")
    True
    """
    cell = cells.get(grade_id)
    if cell is None:
        return None
    kind = role(cell)
    if kind == "task":
        return json.dumps(
            [_same_text(c.get("source")) for c in all_cells if isinstance(c, dict)],
            ensure_ascii=False,
        )
    parts: list[Any] = [cell.get("cell_type"), _same_text(cell.get("source"))]
    if kind == "test":
        parts.append(_failed(cell))
    attachments = cell.get("attachments")
    if isinstance(attachments, dict) and attachments:
        parts.append(attachments)
    return json.dumps(parts, sort_keys=True, ensure_ascii=False)


def _notebook(path: Path | None) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]]]:
    if path is None or not path.is_file():
        return {}, []

    try:
        data = json.loads(safe_files.read_file(path).decode("utf-8"))
    except (OSError, ValueError, MemoryError, RecursionError):
        return {}, []
    raw = data.get("cells") if isinstance(data, dict) else None
    cells = [c for c in raw if isinstance(c, dict)] if isinstance(raw, list) else []
    by_id: dict[str, dict[str, Any]] = {}
    for cell in cells:
        grade_id = nbgrader_meta(cell).get("grade_id")
        if isinstance(grade_id, str):
            by_id.setdefault(grade_id, cell)
    return by_id, cells


def _was_waiting(before: Path | None, notebook: str, grade_id: str) -> bool:
    """Whether the kept grades of the previous run (``<run>/grades.json`` beside
    ``before``) say the grade was already waiting for a hand grade before this re-run."""
    if before is None:
        return False
    try:
        kept = json.loads((before.parent / "grades.json").read_text(encoding="utf-8"))
        for book in kept.get("notebooks", []):
            if book.get("notebook") == notebook:
                for grade in book.get("grades", []):
                    if grade.get("cell") == grade_id:
                        return bool(grade.get("needs_manual_grade", False))
    except (OSError, ValueError, AttributeError, TypeError):
        return False
    return False


def keep_unchanged_hand_grades(
    course: Course, assignment: str, learner: str, before: Path | None
) -> list[str]:
    """After a re-autograde: hand-graded cells whose answer did not change stop waiting.

    nbgrader's ``SaveAutoGrades`` marks every grade with a manual score "needs grading" again
    on each autograde.  For each such grade of ``learner``, the cell with its grade_id in the
    new autograded notebook is compared with the one in ``before`` (the previous autograded
    notebooks, ``<history run>/autograded/``): see :func:`answer_print`.  Unchanged, it no
    longer needs grading (unless the previous run's kept grades say it already did: then it
    keeps waiting, as before); changed, or not comparable, it waits for a new hand grade.
    Returns the grade_ids whose answer changed (or could not be compared).
    """
    from nbgrader.api import MissingEntry  # heavy: loaded on first use

    if before is not None and (before / "autograded").is_dir():
        before = before / "autograded"  # the history run itself was given
    waiting: list[str] = []
    with course.gradebook() as gb:
        try:
            submission = gb.find_submission(assignment, learner)
        except MissingEntry:
            return []
        for notebook in submission.notebooks:
            flipped = [
                g for g in notebook.grades if g.manual_score is not None and g.needs_manual_grade
            ]
            if not flipped:
                continue
            now, now_all = _notebook(
                course.path("autograded") / learner / assignment / f"{notebook.name}.ipynb"
            )
            then, then_all = _notebook(before / f"{notebook.name}.ipynb" if before else None)
            for grade in flipped:
                new = answer_print(now, now_all, grade.name)
                if new is None or new != answer_print(then, then_all, grade.name):
                    waiting.append(grade.name)  # a new answer: it needs a new hand grade
                elif not _was_waiting(before, notebook.name, grade.name):
                    grade.needs_manual_grade = False
        gb.db.commit()
    return waiting
