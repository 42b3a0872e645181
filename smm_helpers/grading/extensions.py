"""Per-learner extensions (``<course>/extensions.csv``) that nbgrader's lateness respects.

The file is optional.  One line per learner and assignment, with the learner's *new* due
date, written as in ``due_dates.csv`` (ISO 8601 with its UTC offset)::

    learner,assignment,due
    sample-late,01-platforms-and-planning,2026-09-23T23:59:00+06:00

Before a learner is graded, :func:`apply_extension` puts the extension (new due date − the
assignment's due date) on their submission in nbgrader's gradebook, where nbgrader keeps
it (``SubmittedAssignment.extension``, as ``Gradebook.grant_extension`` does).  So
nbgrader's own ``total_seconds_late`` and its late penalty (``AssignLatePenalties``, any
``LateSubmissionPlugin``) use the learner's own due date; a line removed from the file
removes the extension the next time they are graded.  An extension given after a learner
was graded counts once they are autograded again (until then the gradebook keeps the
penalty it worked out).

>>> due = {"01-x": dt.datetime.fromisoformat("2026-09-20T23:59:00+06:00")}
>>> found, errors = parse_extensions(
...     "learner,assignment,due\\nar1001,01-x,2026-09-22T23:59:00+06:00\\n",
...     roster=["ar1001"], assignments=["01-x"], due_dates=due)
>>> found[("ar1001", "01-x")] - due["01-x"], errors
(datetime.timedelta(days=2), [])
>>> found, errors = parse_extensions("learner,assignment,due\\nzz9,01-x,2026-09-22\\n",
...     roster=["ar1001"], assignments=["01-x"], due_dates=due)
>>> print(errors[0])
extensions.csv, line 2, column 'learner': 'zz9' is not on the roster.
How to fix it: use a learner id from roster.csv (e.g. ar1001), or add them to roster.csv.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
import warnings
from collections.abc import Iterable
from pathlib import Path

from smm_helpers.errors import DataError, InputError
from smm_helpers.grading.course import Course
from smm_helpers.grading.problems import Check, printable
from smm_helpers.grading.scores import has_gradebook
from smm_helpers.grading.tables import Row, parse_table, read_table

COLUMNS = ("learner", "assignment", "due")
FILE_NAME = "extensions.csv"


def extensions_file(course: Course) -> Path:
    """``<course>/extensions.csv`` (it need not exist)."""
    return course.folder / FILE_NAME


def parse_extensions(
    text: str,
    *,
    roster: Iterable[str],
    assignments: Iterable[str],
    due_dates: dict[str, dt.datetime],
    file: str = FILE_NAME,
) -> tuple[dict[tuple[str, str], dt.datetime], list[DataError]]:
    """The new due dates of an extensions CSV text, and every row's problem (see
    :func:`check_rows`); a header problem raises :class:`~smm_helpers.errors.DataError`.

    >>> due = {"01-x": dt.datetime.fromisoformat("2026-09-20T23:59:00+06:00")}
    >>> text = ("learner,assignment,due\\n"
    ...         "ar1001,02-y,2026-09-22T23:59:00+06:00\\n"
    ...         "ar1001,01-x,2026-09-22 23:59\\n"
    ...         "ar1001,01-x,2026-09-19T23:59:00+06:00\\n"
    ...         "ar1001,01-x,2026-09-21T23:59:00+06:00\\n"
    ...         "ar1001,01-x,2026-09-22T23:59:00+06:00\\n")
    >>> found, errors = parse_extensions(text, roster=["ar1001"],
    ...                                  assignments=["01-x", "02-y"], due_dates=due)
    >>> for error in errors: print(error.line, error.column, error.problem)
    2 assignment 02-y has no due date in due_dates.csv, so an extension of it means nothing
    3 due '2026-09-22 23:59' has no UTC offset, so it is ambiguous
    4 due the new due date 2026-09-19T23:59:00+06:00 is before the assignment's \
(2026-09-20T23:59:00+06:00)
    6 learner ar1001 already has an extension of 01-x on line 5
    >>> found
    {('ar1001', '01-x'): datetime.datetime(2026, 9, 21, 23, 59, tzinfo=...)}
    """
    rows = parse_table(text, COLUMNS, file=file, what="extensions list")
    return check_rows(rows, roster=roster, assignments=assignments, due_dates=due_dates, file=file)


def check_rows(
    rows: Iterable[Row],
    *,
    roster: Iterable[str],
    assignments: Iterable[str],
    due_dates: dict[str, dt.datetime],
    file: str = FILE_NAME,
) -> tuple[dict[tuple[str, str], dt.datetime], list[DataError]]:
    """The new due dates by ``(learner, assignment)``, and every row's problem.

    Each row is checked, each problem naming its line and column: the learner is on the
    roster, the assignment is one of the course's, the assignment has a due date in
    ``due_dates.csv`` (else there is nothing to extend), the due date is ISO 8601 with its
    UTC offset and not before the assignment's, and no (learner, assignment) is on two
    lines.  Rows with a problem are left out of the dates.
    """
    roster_ids = list(roster)
    known_learners = {_nfc(r): r for r in roster_ids}  # as written in the file → as known
    known_assignments = {_nfc(a): a for a in assignments}
    due_by_name = {_nfc(a): when for a, when in due_dates.items()}
    found: dict[tuple[str, str], dt.datetime] = {}
    lines: dict[tuple[str, str], int] = {}
    errors: list[DataError] = []

    def error(problem: str, line: int, column: str, fix: str) -> None:
        errors.append(DataError(problem, file=file, line=line, column=column, fix=fix))

    for row in rows:
        learner, assignment, due_text = row["learner"], row["assignment"], row["due"]
        if _nfc(learner) not in known_learners:
            example = f" (e.g. {printable(roster_ids[0])})" if roster_ids else ""
            error(
                f"{printable(learner)!r} is not on the roster"
                if learner
                else "the learner is empty",
                row.line,
                "learner",
                f"use a learner id from roster.csv{example}, or add them to roster.csv",
            )
            continue
        learner = known_learners[_nfc(learner)]
        if _nfc(assignment) not in known_assignments:
            error(
                f"{printable(assignment)!r} is not an assignment of the course"
                if assignment
                else "the assignment is empty",
                row.line,
                "assignment",
                "use one of: " + (", ".join(known_assignments.values()) or "(none)"),
            )
            continue
        assignment = known_assignments[_nfc(assignment)]
        due = due_by_name.get(_nfc(assignment))
        if due is None:
            error(
                f"{assignment} has no due date in due_dates.csv, so an extension of it "
                "means nothing",
                row.line,
                "assignment",
                f"add {assignment}'s due date to due_dates.csv, or remove this line",
            )
            continue
        try:
            when = dt.datetime.fromisoformat(due_text)
        except ValueError:
            error(
                f"{printable(due_text)!r} is not a date and time"
                if due_text
                else "the new due date is empty",
                row.line,
                "due",
                "write the new due date as ISO 8601 with its offset, as in due_dates.csv, "
                "e.g. 2026-09-22T23:59:00+06:00",
            )
            continue
        if when.tzinfo is None:
            error(
                f"{printable(due_text)!r} has no UTC offset, so it is ambiguous",
                row.line,
                "due",
                "add the offset of the course's time zone, e.g. "
                "2026-09-22T23:59:00+06:00 for Dhaka",
            )
            continue
        if when < due:
            error(
                f"the new due date {when.isoformat()} is before the assignment's "
                f"({due.isoformat()})",
                row.line,
                "due",
                "an extension gives more time: write a later date, or remove this line",
            )
            continue
        key = (learner, assignment)
        if key in lines:
            error(
                f"{learner} already has an extension of {assignment} on line {lines[key]}",
                row.line,
                "learner",
                "keep one line per learner and assignment",
            )
            continue
        lines[key] = row.line
        found[key] = when
    return found, errors


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _read_course(course: Course) -> tuple[dict[tuple[str, str], dt.datetime], list[DataError]]:
    path = extensions_file(course)
    if not path.is_file():
        return {}, []
    rows = read_table(path, COLUMNS, what="extensions list")
    return check_rows(
        rows,
        roster=[learner.id for learner in course.roster()],
        assignments=course.assignments(),
        due_dates=course.due_dates(),
        file=str(path),
    )


def read_extensions(course: Course) -> dict[tuple[str, str], dt.datetime]:
    """The new due dates of ``<course>/extensions.csv`` by ``(learner, assignment)`` (none
    when there is no file); the first problem in it raises a
    :class:`~smm_helpers.errors.DataError` naming its line and column."""
    found, errors = _read_course(course)
    if errors:
        raise errors[0]
    return found


def _utc(when: dt.datetime) -> dt.datetime:
    """A due date as nbgrader's gradebook holds it: UTC without a time zone.

    >>> _utc(dt.datetime.fromisoformat("2026-09-20T23:59:00+06:00"))
    datetime.datetime(2026, 9, 20, 17, 59)
    """
    return when.astimezone(dt.UTC).replace(tzinfo=None)


def apply_extension(course: Course, assignment: str, learner: str) -> dt.timedelta | None:
    """Make nbgrader's gradebook hold the learner's extension of ``assignment`` from
    ``extensions.csv`` (or none, removing one the file no longer gives); returns it.

    Call it before the learner is graded: nbgrader's autograde keeps the extension on the
    submission, so its ``total_seconds_late`` and late penalty count from the new due date.
    The extension is the new due date − the assignment's due date in the gradebook (the one
    of ``due_dates.csv``, which ``prepare`` puts there).  A submission is created for it only
    when the learner has a ``submitted/`` folder for the assignment; otherwise nothing is
    written (there is nothing to grade) and ``None`` is returned.
    """
    return apply_extensions(course, assignment, [learner]).get(learner)


def apply_extensions(
    course: Course, assignment: str, learners: Iterable[str] | None = None
) -> dict[str, dt.timedelta]:
    """:func:`apply_extension` for many learners in one gradebook session (default: everyone
    with an extension of ``assignment`` or a submission of it); returns the extensions now
    in the gradebook, by learner (learners with none are left out)."""
    # heavy: loaded on first use
    from nbgrader.api import Assignment, MissingEntry, SubmittedAssignment

    new_due = {
        who: when for (who, name), when in read_extensions(course).items() if name == assignment
    }
    due = course.due_dates().get(assignment)
    roster = {learner.id: learner for learner in course.roster()}
    held: dict[str, dt.timedelta] = {}
    with course.gradebook() as gb:
        try:
            row = gb.find_assignment(assignment)
        except MissingEntry:
            if not new_due or due is None:
                return {}
            row = gb.update_or_create_assignment(assignment, duedate=_utc(due))
        base = row.duedate or (_utc(due) if due is not None else None)
        submissions = {
            sub.student_id: sub
            for sub in gb.db.query(SubmittedAssignment)
            .join(Assignment, Assignment.id == SubmittedAssignment.assignment_id)
            .filter(Assignment.name == assignment)
        }
        who = (
            list(dict.fromkeys(learners))
            if learners is not None
            else sorted(set(new_due) | set(submissions))
        )
        changed = False
        for learner in who:
            delta = _extension(new_due.get(learner), base)
            submission = submissions.get(learner)
            if submission is None:
                if delta is None or not (course.path("submitted") / learner / assignment).is_dir():
                    continue
                person = roster.get(learner)
                gb.update_or_create_student(
                    learner,
                    **(
                        {}
                        if person is None
                        else {
                            "first_name": person.first_name,
                            "last_name": person.last_name,
                            "email": person.email,
                        }
                    ),
                )
                with warnings.catch_warnings():
                    # nbgrader 0.9's add_submission trips SQLAlchemy's autoflush warning
                    # (as autograde says); it is nbgrader's own and harmless
                    warnings.filterwarnings("ignore", message=".*not in session.*")
                    gb.update_or_create_submission(assignment, learner, extension=delta)
            elif submission.extension != delta:
                submission.extension = delta
                changed = True
            if delta is not None:
                held[learner] = delta
        if changed:
            gb.db.commit()
    return held


def extension_checks(course: Course) -> list[Check]:
    """``smm-course doctor``'s lines about ``extensions.csv``: every problem in it (each
    naming its line and column), or how many extensions it gives."""
    path = extensions_file(course)
    if not path.is_file():
        return [Check("ok", f"no {FILE_NAME}: every learner has the assignment's due date")]
    try:
        found, errors = _read_course(course)
    except DataError as error:  # the header, or the roster or due-date list it needs
        return [Check("fail", _where(error) + error.problem.rstrip("."), error.fix.rstrip("."))]
    except InputError as error:
        return [
            Check(
                "fail",
                f"{path.name} cannot be checked: {error.problem.rstrip('.')}",
                error.fix.rstrip("."),
            )
        ]
    checks = [Check("fail", _where(e) + e.problem.rstrip("."), e.fix.rstrip(".")) for e in errors]
    if not errors:
        learners = len({who for who, _ in found})
        checks.append(
            Check(
                "ok",
                f"{path.name} gives {len(found)} extension"
                f"{'s' if len(found) != 1 else ''} to {learners} learner"
                f"{'s' if learners != 1 else ''}",
            )
        )
        checks += _gradebook_checks(course, found)
    return checks


def _gradebook_checks(course: Course, found: dict[tuple[str, str], dt.datetime]) -> list[Check]:
    """A warning for each graded submission whose extension in the gradebook is not the one
    ``extensions.csv`` gives (given or changed after it was graded): it counts once the
    learner is autograded again.  Read only."""
    if not has_gradebook(course):
        return []
    from nbgrader.api import Assignment, SubmittedAssignment  # heavy: loaded on first use

    differ: list[str] = []
    with course.gradebook() as gb:
        for learner, name, held, base in gb.db.query(
            SubmittedAssignment.student_id,
            Assignment.name,
            SubmittedAssignment.extension,
            Assignment.duedate,
        ).join(Assignment, Assignment.id == SubmittedAssignment.assignment_id):
            wanted = _extension(found.get((learner, name)), base)
            if held != wanted:
                differ.append(f"{printable(learner)} ({printable(name)})")
    if not differ:
        return []
    shown = ", ".join(differ[:10]) + (f" and {len(differ) - 10} more" if len(differ) > 10 else "")
    return [
        Check(
            "warn",
            f"the gradebook holds another extension than {FILE_NAME} gives for {shown}",
            "autograde them again so their lateness and late "
            "penalty count from the due date in the file",
        )
    ]


def _extension(new_due: dt.datetime | None, base: dt.datetime | None) -> dt.timedelta | None:
    """The extension that makes a learner's due date ``new_due``, from the assignment's due
    date ``base`` as the gradebook holds it (UTC, no time zone); ``None`` for none.

    >>> base = dt.datetime(2026, 9, 20, 17, 59)
    >>> _extension(dt.datetime.fromisoformat("2026-09-22T23:59:00+06:00"), base)
    datetime.timedelta(days=2)
    >>> _extension(None, base), _extension(dt.datetime.fromisoformat(
    ...     "2026-09-20T23:59:00+06:00"), base)
    (None, None)
    """
    if new_due is None or base is None:
        return None
    delta = _utc(new_due) - base
    return delta if delta > dt.timedelta(0) else None


def _where(error: DataError) -> str:
    parts = [Path(error.file).name if error.file else FILE_NAME]
    if error.line is not None:
        parts.append(f"line {error.line}")
    if error.column is not None:
        parts.append(f"column {error.column!r}")
    return ", ".join(parts) + ": "
