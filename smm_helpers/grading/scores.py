"""Every learner's result for every assignment, read from nbgrader's gradebook in one go.

This is the one reader of results: the autograde summary, the demo's grid and every grade
export (:mod:`smm_helpers.grading.grades`) show what it says, so a late penalty, a
hand-graded answer waiting for its grade and a missing submission read the same
everywhere.

A :class:`Result` is built from what nbgrader stored, whoever stored it:

- ``points`` — the graded cells: a hand grade (``manual_score``) where one was given, else
  the autograder's (``auto_score``), plus any extra credit (as nbgrader's own ``score``);
- ``pending`` — the maximum points of the cells still waiting for a hand grade (nbgrader's
  ``needs_manual_grade`` with no hand grade yet).  They are *not* counted until graded: a
  learner with 7 autograded points and a 3-point essay not yet read has 7, shown
  "7 auto + 3 pending / 10";
- ``penalty`` — the submission's ``late_submission_penalty``, whatever set it: nbgrader's
  ``LateSubmissionPlugin`` (``c.LateSubmissionPlugin.penalty_method``), a plugin of the
  course's own (``c.AssignLatePenalties.plugin_class``) or the Formgrader;
- ``late_seconds`` — as nbgrader's ``total_seconds_late``: after the learner's own due date,
  which includes their extension (:mod:`smm_helpers.grading.extensions`).

>>> print(Result(True, points=7, max_score=10).text())
7 / 10
>>> print(Result(True, points=7, pending=3, max_score=10).text())
7 auto + 3 pending / 10
>>> late = Result(True, points=7, max_score=10, penalty=2, late_seconds=3600)
>>> late.final, late.text()
(5.0, '5 / 10 (7 − 2 late penalty)')
>>> print(Result(False, max_score=10).text())
missing
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smm_helpers.grading.course import Course, Learner


@dataclass(frozen=True)
class Result:
    """One learner's result for one assignment (see the module docstring)."""

    submitted: bool
    """Whether the gradebook holds a submission (``False``: missing, not a score of 0)."""
    points: float = 0.0
    """Graded points, before any late penalty; cells waiting for a hand grade count 0."""
    pending: float = 0.0
    """The maximum points of the cells still waiting for a hand grade."""
    max_score: float = 0.0
    penalty: float = 0.0
    """The late penalty nbgrader recorded for the submission (0 when none)."""
    late_seconds: float = 0.0
    """How late it was submitted, after the learner's own due date (extension included)."""
    extension: dt.timedelta | None = None
    """The learner's extension for this assignment, as nbgrader holds it."""
    hand_graded: float = 0.0
    """The part of ``points`` that came from hand grades (0: all autograded)."""

    @property
    def final(self) -> float:
        """The score that counts: ``points`` less the late penalty, never below 0.

        Pending points are not in it: they count once they are graded.

        >>> Result(True, points=1, penalty=3, max_score=10).final
        0.0
        >>> Result(False, max_score=10).final
        0.0
        """
        if not self.submitted:
            return 0.0
        return float(max(0.0, round(self.points - self.penalty, 6)))

    @property
    def taken_off(self) -> float:
        """The points the late penalty actually took off (never more than ``points``).

        >>> Result(True, points=1, penalty=3, max_score=10).taken_off
        1.0
        """
        return float(round(self.points - self.final, 6)) if self.submitted else 0.0

    @property
    def late(self) -> bool:
        return self.submitted and self.late_seconds > 0

    def text(self) -> str:
        """The result in words: ``7 / 10``, ``7 auto + 3 pending / 10``,
        ``5 / 10 (7 − 2 late penalty)`` or ``missing``.

        >>> print(Result(True, points=5, pending=3, hand_graded=2, max_score=10).text())
        5 graded + 3 pending / 10
        >>> print(Result(True, points=7, pending=3, penalty=2, max_score=10).text())
        5 auto + 3 pending / 10 (7 − 2 late penalty)
        >>> print(Result(True, points=2 / 3, max_score=1).text())
        0.67 / 1
        """
        if not self.submitted:
            return "missing"
        shown = number(self.final)
        if self.pending:
            kind = "graded" if self.hand_graded else "auto"
            shown = f"{shown} {kind} + {number(self.pending)} pending"
        shown = f"{shown} / {number(self.max_score)}"
        if self.penalty:
            shown += f" ({number(self.points)} − {number(self.penalty)} late penalty)"
        return shown


def number(value: float) -> str:
    """Points as a person writes them: no trailing zeros, at most two decimals.

    >>> number(7.0), number(0.1 + 0.2), number(2 / 3), number(-0.0)
    ('7', '0.3', '0.67', '0')
    """
    return f"{round(value, 2) + 0.0:g}"


_FEW = 400
"""Up to this many learners asked for are picked out by the database (SQLite takes a few
hundred values in a query at most in old versions); more are picked out here."""


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def results(
    course: Course, assignments: Iterable[str] | None = None, learners: Iterable[str] | None = None
) -> dict[tuple[str, str], Result]:
    """Every ``(learner, assignment)``'s :class:`Result`, read in one gradebook session.

    ``assignments`` default to every assignment in the gradebook (sorted); ``learners`` to
    the roster, then everyone else with a submission of one of them (see
    :func:`off_roster`).  Every pair has a result: one with no submission is
    ``submitted=False`` ("missing").  A handful of queries whatever the size of the class
    (a class of 500 × 7 assignments reads in a fraction of a second).
    """
    # heavy: loaded on first use
    from nbgrader.api import (
        Assignment,
        Grade,
        GradeCell,
        SubmittedAssignment,
        SubmittedNotebook,
        TaskCell,
    )
    from sqlalchemy import func  # heavy: loaded on first use

    wanted = None if assignments is None else list(dict.fromkeys(assignments))
    chosen_learners = None if learners is None else list(dict.fromkeys(learners))
    with course.gradebook() as gb:
        db = gb.db
        maxima = {
            name: float(top or 0.0) for name, top in db.query(Assignment.name, Assignment.max_score)
        }
        names = sorted(maxima) if wanted is None else wanted

        def only_chosen(query: Any) -> Any:
            """The query's rows of the chosen assignments (and learners, when few)."""
            query = query.join(Assignment, Assignment.id == SubmittedAssignment.assignment_id)
            if wanted is not None:
                query = query.filter(Assignment.name.in_(names))
            if chosen_learners is not None and len(chosen_learners) <= _FEW:
                query = query.filter(SubmittedAssignment.student_id.in_(chosen_learners))
            return query

        submissions: dict[str, tuple[str, str, Any, Any, Any]] = {
            sid: (student, name, stamp, extension, due)
            for sid, student, name, stamp, extension, due in only_chosen(
                db.query(
                    SubmittedAssignment.id,
                    SubmittedAssignment.student_id,
                    Assignment.name,
                    SubmittedAssignment.timestamp,
                    SubmittedAssignment.extension,
                    Assignment.duedate,
                )
            )
        }

        cell_max = {
            cid: float(top or 0.0)
            for cell in (GradeCell, TaskCell)
            for cid, top in db.query(cell.id, cell.max_score)
        }
        graded = {sid: [0.0, 0.0, 0.0] for sid in submissions}  # points, by hand, pending
        for sid, auto, manual, extra, needs, cell_id in only_chosen(
            db.query(
                SubmittedNotebook.assignment_id,
                Grade.auto_score,
                Grade.manual_score,
                Grade.extra_credit,
                Grade.needs_manual_grade,
                Grade.cell_id,
            )
            .join(SubmittedNotebook, SubmittedNotebook.id == Grade.notebook_id)
            .join(SubmittedAssignment, SubmittedAssignment.id == SubmittedNotebook.assignment_id)
        ):
            sums = graded.get(sid)
            if sums is None:
                continue
            if manual is not None:  # a hand grade counts, even one nbgrader asks to review
                sums[0] += float(manual) + float(extra or 0.0)
                sums[1] += float(manual)
            elif needs or auto is None:
                sums[2] += cell_max.get(cell_id, 0.0)
            else:
                sums[0] += float(auto) + float(extra or 0.0)

        penalties = {
            sid: float(total or 0.0)
            for sid, total in only_chosen(
                db.query(
                    SubmittedNotebook.assignment_id,
                    func.sum(SubmittedNotebook.late_submission_penalty),
                ).join(
                    SubmittedAssignment, SubmittedAssignment.id == SubmittedNotebook.assignment_id
                )
            ).group_by(SubmittedNotebook.assignment_id)
            if sid in submissions
        }

        by_pair: dict[tuple[str, str], Result] = {}
        for sid, (student, name, stamp, extension, due) in submissions.items():
            points, hand, pending = graded[sid]
            by_pair[(student, name)] = Result(
                True,
                points=round(points, 6),
                pending=round(pending, 6),
                max_score=maxima.get(name, 0.0),
                penalty=penalties.get(sid, 0.0),
                late_seconds=_seconds_late(stamp, due, extension),
                extension=extension,
                hand_graded=round(hand, 6),
            )

    if learners is None:
        roster = [learner.id for learner in course.roster()]
        known = {_nfc(r) for r in roster}
        others = sorted({s for s, _ in by_pair if _nfc(s) not in known})
        who = roster + others
    else:
        who = chosen_learners or []
    return {
        (learner, name): by_pair.get((learner, name))
        or Result(False, max_score=maxima.get(name, 0.0))
        for learner in who
        for name in names
    }


def result(course: Course, assignment: str, learner: str) -> Result:
    """One learner's :class:`Result` for one assignment (see :func:`results`)."""
    return results(course, [assignment], [learner])[(learner, assignment)]


def _seconds_late(
    stamp: dt.datetime | None, due: dt.datetime | None, extension: dt.timedelta | None
) -> float:
    """nbgrader's ``SubmittedAssignment.total_seconds_late``, from the row's own values.

    >>> due = dt.datetime(2026, 9, 20, 18)
    >>> _seconds_late(due + dt.timedelta(hours=2), due, None)
    7200.0
    >>> _seconds_late(due + dt.timedelta(hours=2), due, dt.timedelta(days=1))
    0.0
    >>> _seconds_late(None, due, None), _seconds_late(due, None, None)
    (0.0, 0.0)
    """
    if stamp is None or due is None:
        return 0.0
    if extension is not None:
        due = due + extension
    return max(0.0, (stamp - due).total_seconds())


def has_gradebook(course: Course) -> bool:
    """Whether the course has a gradebook to read (opening a SQLite one that is not there
    would create it).

    >>> from pathlib import Path
    >>> has_gradebook(Course(Path("."), None, "x", Path("."), Path("."), "sqlite:////no/gb.db"))
    False
    """
    url = course.db_url
    return not url.startswith("sqlite:///") or Path(url[len("sqlite:///") :]).is_file()


def gradebook_learners(course: Course) -> list[Learner]:
    """Everyone with a submission in the gradebook, as nbgrader's Student records name them
    (sorted by id; a name or email nbgrader does not have is empty)."""
    from nbgrader.api import Student, SubmittedAssignment  # heavy: loaded on first use

    with course.gradebook() as gb:
        rows = (
            gb.db.query(
                Student.id,
                Student.first_name,
                Student.last_name,
                Student.email,
                Student.lms_user_id,
            )
            .join(SubmittedAssignment, SubmittedAssignment.student_id == Student.id)
            .distinct()
            .all()
        )
    return sorted(
        (
            Learner(sid, first or "", last or "", email or "", lms or "")
            for sid, first, last, email, lms in rows
        ),
        key=lambda learner: learner.id,
    )


def off_roster(course: Course) -> list[Learner]:
    """The learners with a submission in the gradebook who are not on ``roster.csv``
    (compared in Unicode NFC), so an export can include and name them."""
    on_roster = {_nfc(learner.id) for learner in course.roster()}
    return [learner for learner in gradebook_learners(course) if _nfc(learner.id) not in on_roster]
