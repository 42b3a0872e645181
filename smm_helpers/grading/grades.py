"""Export grades from nbgrader's gradebook: scores, Canvas and Moodle CSVs, a plot, difficulty.

Only *released* assignments are exported (see
:func:`~smm_helpers.grading.release.was_released`); the others are named in what the
command prints, with the reason.  Scores are read by :func:`smm_helpers.grading.scores.results`,
as the autograde summary's are: nbgrader's late penalty (whatever plugin set it) is taken
off, hand-graded answers not yet graded count only once they are, and a learner who
submitted nothing is *missing* — an empty cell, never 0 (a 0 is a submission that earned
nothing).  Learners with a submission who are not on ``roster.csv`` are exported too, under
the names nbgrader's gradebook has for them, and named in a warning.

Files written into ``<course>/grades/`` (or ``out``):

- ``scores.csv`` — one row per learner: ``learner,first_name,last_name,email``, then one
  column per released assignment (the final score: points less the late penalty; empty
  when missing), then ``total`` (of the final scores), ``missing`` (how many released
  assignments have no submission), ``pending`` (hand-graded points not graded yet) and
  ``late_penalty`` (points the late penalties took off).
- ``canvas.csv`` — for Canvas's *Import* (Grades → Import): columns ``Student`` (Last,
  First), ``ID`` (Canvas's own user id: the roster's ``lms_id`` where it has one; Canvas
  matches on it, else on SIS User ID),
  ``SIS User ID`` (the learner id), ``Section`` (empty), then one column per assignment
  headed ``<assignment> (points)``; the second row, as in Canvas's own export, is
  ``Points Possible`` with each assignment's maximum.  An empty cell is "no grade".
- ``moodle.csv`` — for Moodle's CSV grade import, with the headers of Moodle's own grade
  export: ``First name``, ``Last name``, ``ID number`` (the learner id), ``Email address``,
  then one column per assignment headed with its name, e.g. ``01-platforms-and-planning``.
  A missing submission is ``-``, which Moodle's importer reads as "no grade" both into an
  existing grade item and into a new one (an empty cell is "no grade" only for an existing
  item).  To import it in Moodle: Grades → Import → CSV file; choose ``moodle.csv``,
  encoding UTF-8, separator comma, *Upload grades*; under *Identify user* set *Map from*
  to ``Email address`` and *Map to* to ``Email address``; under *Grade item mappings* map
  each assignment column to its Moodle grade item (or to *New grade item*, which is named
  after the column); *Upload grades*.  Moodle stops the whole import at an email address
  it has no user for, and matches addresses case-sensitively in older versions, so the
  roster's emails must be the learners' Moodle emails; a learner without an email is
  left out of this file (and named).  Points above 100 need Moodle's
  ``unlimitedgrades`` setting.
- ``distribution.png`` — a histogram of each assignment's final scores (% of the maximum),
  over the learners who submitted it.
- ``difficulty.csv`` — per graded cell (``grade_id``): max points, mean score, mean as a
  fraction of the max, and how many submissions it was graded in (an answer waiting for a
  hand grade is not counted yet); hardest first.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from smm_helpers.grading.course import Course, Learner
from smm_helpers.grading.problems import Echo, printable
from smm_helpers.grading.scores import Result, number, off_roster, results

CANVAS_FIXED = ("Student", "ID", "SIS User ID", "Section")
MOODLE_FIXED = ("First name", "Last name", "ID number", "Email address")
SCORE_TOTALS = ("total", "missing", "pending", "late_penalty")
MOODLE_NO_GRADE = "-"
"""What Moodle's importer reads as "no grade" in any grade item (its own export writes it)."""


@dataclass(frozen=True)
class GradeFiles:
    scores: Path
    canvas: Path
    distribution: Path
    difficulty: Path
    moodle: Path


@dataclass(frozen=True)
class GradeSheet:
    """What every export writes: the released assignments and each learner's results."""

    assignments: list[str]
    learners: list[Learner]
    """The roster, then those with a submission who are not on it (:attr:`off_roster`)."""
    results: dict[tuple[str, str], Result]
    maxima: dict[str, float]
    left_out: dict[str, str]
    """Assignments not exported, with the reason."""
    off_roster: list[Learner]

    def cell(self, learner: str, assignment: str, missing: str = "") -> str:
        """A score as written in a CSV: the final score, or ``missing`` when nothing was
        submitted.

        >>> sheet = GradeSheet(["01-x"], [], {("ar1", "01-x"): Result(True, points=0)},
        ...                    {"01-x": 10.0}, {}, [])
        >>> sheet.cell("ar1", "01-x"), sheet.cell("bo2", "01-x"), sheet.cell("bo2", "01-x", "-")
        ('0', '', '-')
        """
        found = self.results.get((learner, assignment))
        if found is None or not found.submitted:
            return missing
        return number(found.final)

    def row(self, learner: str) -> list[Result]:
        return [
            self.results.get((learner, a)) or Result(False, max_score=self.maxima[a])
            for a in self.assignments
        ]


def grade_sheet(course: Course) -> GradeSheet:
    """The released assignments in the gradebook and every learner's results for them."""
    # heavy: loads nbformat, traitlets on first use
    from smm_helpers.grading.release import released_assignments

    roster = course.roster()
    with course.gradebook() as gb:
        tops = {a.name: float(a.max_score or 0.0) for a in gb.assignments}
    in_gradebook = set(tops)
    released = released_assignments(course)
    assignments = [a for a in released if a in in_gradebook]
    left_out = {
        a: "not released yet (no student version in release/, nothing in the "
        "exchange's outbound folder, no submission in the gradebook)"
        for a in sorted((set(course.assignments()) | in_gradebook) - set(released))
    }
    left_out.update(
        {
            a: "released but not in the gradebook yet (run smm-course autograde "
            f"{a}, or release it again)"
            for a in released
            if a not in in_gradebook
        }
    )
    others = off_roster(course)
    learners = roster + others
    found = results(course, assignments, [learner.id for learner in learners])
    return GradeSheet(
        assignments,
        learners,
        found,
        {a: tops[a] for a in assignments},
        dict(sorted(left_out.items())),
        others,
    )


def score_table(course: Course) -> tuple[list[str], dict[str, dict[str, float]], dict[str, float]]:
    """(assignments, {learner: {assignment: final score}}, {assignment: max score}) for the
    released assignments (kept for callers of the older API: a missing submission is 0
    here; :func:`grade_sheet` tells missing from 0)."""
    sheet = grade_sheet(course)
    scores = {
        learner.id: {
            a: r.final for a, r in zip(sheet.assignments, sheet.row(learner.id), strict=True)
        }
        for learner in sheet.learners
    }
    return sheet.assignments, scores, sheet.maxima


def difficulty_rows(
    course: Course, assignments: list[str] | None = None
) -> list[dict[str, object]]:
    """Mean score per graded cell across the submissions where it is graded, hardest (lowest
    fraction) first; ``assignments`` default to every one in the gradebook.  ``kind`` is
    ``manual`` for an answer graded by hand (a solution cell with points, or a task),
    else ``auto``.  One query, whatever the size of the class."""
    # heavy: loaded on first use
    from nbgrader.api import (
        Assignment,
        BaseCell,
        Grade,
        GradeCell,
        Notebook,
        SubmittedAssignment,
        SubmittedNotebook,
        TaskCell,
    )

    wanted = None if assignments is None else set(assignments)
    totals: dict[tuple[str, str, str], list[float]] = {}
    meta: dict[tuple[str, str, str], tuple[float, str]] = {}
    with course.gradebook() as gb:
        db = gb.db
        cells = db.query(BaseCell.notebook_id, BaseCell.name, BaseCell.type).all()
        cell_max = {
            cid: float(top or 0.0)
            for cell in (GradeCell, TaskCell)
            for cid, top in db.query(cell.id, cell.max_score)
        }
        answers = {(nb, name) for nb, name, kind in cells if kind == "SolutionCell"}
        tasks = {(nb, name) for nb, name, kind in cells if kind == "TaskCell"}
        rows = (
            db.query(
                Assignment.name,
                Notebook.name,
                Notebook.id,
                BaseCell.name,
                Grade.auto_score,
                Grade.manual_score,
                Grade.extra_credit,
                Grade.needs_manual_grade,
                Grade.cell_id,
            )
            .join(BaseCell, BaseCell.id == Grade.cell_id)
            .join(SubmittedNotebook, SubmittedNotebook.id == Grade.notebook_id)
            .join(Notebook, Notebook.id == SubmittedNotebook.notebook_id)
            .join(SubmittedAssignment, SubmittedAssignment.id == SubmittedNotebook.assignment_id)
            .join(Assignment, Assignment.id == SubmittedAssignment.assignment_id)
        )
        if wanted is not None:
            rows = rows.filter(Assignment.name.in_(sorted(wanted)))
        for assignment, notebook, notebook_id, name, auto, manual, extra, needs, cell_id in rows:
            key = (assignment, notebook, name)
            hand = (notebook_id, name) in answers or (notebook_id, name) in tasks
            meta[key] = (cell_max.get(cell_id, 0.0), "manual" if hand else "auto")
            values = totals.setdefault(key, [])
            if manual is not None:
                values.append(float(manual) + float(extra or 0.0))
            elif not needs and auto is not None:
                values.append(float(auto) + float(extra or 0.0))
    out: list[dict[str, object]] = []
    for key, (max_points, kind) in meta.items():
        values = totals[key]
        mean = sum(values) / len(values) if values else 0.0
        out.append(
            {
                "assignment": key[0],
                "notebook": key[1],
                "grade_id": key[2],
                "kind": kind,
                "max_points": max_points,
                "mean_score": round(mean, 3),
                "mean_fraction": round(mean / max_points, 3) if max_points else 0.0,
                "submissions": len(values),
            }
        )
    return sorted(
        out,
        key=lambda r: (float(str(r["mean_fraction"])), str(r["assignment"]), str(r["grade_id"])),
    )


def export_grades(course: Course, out: str | Path | None = None, echo: Echo = print) -> GradeFiles:
    """Write scores, Canvas, Moodle, distribution and difficulty files (see the module
    docstring) and say what was left out, who is not on the roster, and what is pending."""
    folder = Path(out) if out is not None else course.path("grades")
    folder.mkdir(parents=True, exist_ok=True)
    sheet = grade_sheet(course)
    files = GradeFiles(
        folder / "scores.csv",
        folder / "canvas.csv",
        folder / "distribution.png",
        folder / "difficulty.csv",
        folder / "moodle.csv",
    )
    _write_scores(files.scores, sheet)
    _write_canvas(files.canvas, sheet)
    no_email = _write_moodle(files.moodle, sheet)
    rows = difficulty_rows(course, sheet.assignments)
    with files.difficulty.open("w", newline="", encoding="utf-8") as fh:
        fields = [
            "assignment",
            "notebook",
            "grade_id",
            "kind",
            "max_points",
            "mean_score",
            "mean_fraction",
            "submissions",
        ]
        writer_d = csv.DictWriter(fh, fieldnames=fields)
        writer_d.writeheader()
        writer_d.writerows(rows)
    _plot(files.distribution, sheet)
    for line in export_notes(sheet, no_email):
        echo(line)
    echo(
        f"✓ grades of {len(sheet.assignments)} released assignment"
        f"{'s' if len(sheet.assignments) != 1 else ''} in {folder}: {files.scores.name}, "
        f"{files.canvas.name}, {files.moodle.name}, {files.distribution.name}, "
        f"{files.difficulty.name}"
    )
    return files


def export_notes(sheet: GradeSheet, no_email: list[Learner] | None = None) -> list[str]:
    """The lines an export prints before its ✓: what was left out and why, learners not on
    the roster, hand grading still to do, late penalties taken off.

    >>> sheet = GradeSheet(["01-x"], [Learner("zz9", "Zed", "Z", "")],
    ...     {("zz9", "01-x"): Result(True, points=7, pending=3, penalty=2, max_score=10,
    ...                              late_seconds=60)},
    ...     {"01-x": 10.0}, {"02-y": "not released yet"}, [Learner("zz9", "Zed", "Z", "")])
    >>> for line in export_notes(sheet): print(line)
    · left out 02-y: not released yet
    ⚠ 1 learner with a submission is not on roster.csv: zz9 (Zed Z); exported with the \
gradebook's name for them — add them to roster.csv if they are in the class
    ⚠ 3 hand-graded points in 1 submission are not graded yet, so scores count only what \
is graded: grade them in the Formgrader (Manual Grading) and export again
    · late penalties took 2 points off 1 submission (column late_penalty of scores.csv)
    """
    lines = [f"· left out {printable(a)}: {why}" for a, why in sheet.left_out.items()]
    if sheet.off_roster:
        names = listed(
            printable(who.id) + (f" ({printable(who.name)})" if who.name else "")
            for who in sheet.off_roster
        )
        n = len(sheet.off_roster)
        who = "1 learner with a submission is" if n == 1 else f"{n} learners with a submission are"
        lines.append(
            f"⚠ {who} not on roster.csv: {names}; exported with the gradebook's "
            "name for them — add them to roster.csv if they are in the class"
        )
    submitted = [r for r in sheet.results.values() if r.submitted]
    waiting = [r for r in submitted if r.pending]
    if waiting:
        lines.append(
            f"⚠ {number(sum(r.pending for r in waiting))} hand-graded points in "
            f"{len(waiting)} submission{'s' if len(waiting) != 1 else ''} are not "
            "graded yet, so scores count only what is graded: grade them in the "
            "Formgrader (Manual Grading) and export again"
        )
    penalised = [r for r in submitted if r.taken_off]
    if penalised:
        lines.append(
            f"· late penalties took {number(sum(r.taken_off for r in penalised))} "
            f"points off {len(penalised)} submission"
            f"{'s' if len(penalised) != 1 else ''} (column late_penalty of "
            "scores.csv)"
        )
    stale = [
        (learner, assignment)
        for (learner, assignment), r in sheet.results.items()
        if r.submitted and r.penalty and not r.late
    ]
    if stale:
        shown = listed(f"{printable(lr)} ({printable(a)})" for lr, a in stale)
        lines.append(
            f"⚠ a late penalty is recorded for submissions that are no longer late "
            f"(an extension given after grading?): {shown} — autograde them again "
            "to work the penalty out anew"
        )
    if no_email:
        shown = listed(printable(who.id) for who in no_email)
        lines.append(
            f"⚠ left out of moodle.csv, which matches learners by email: {shown} "
            "(no email) — add their email to roster.csv"
        )
    return lines


def listed(items: Iterable[str], limit: int = 10) -> str:
    """Items joined with commas, the first ``limit`` of them and how many more, so a line
    about a class of 500 stays a line.

    >>> listed(["a", "b"]), listed(map(str, range(13)), limit=3)
    ('a, b', '0, 1, 2 and 10 more')
    """
    items = list(items)
    more = f" and {len(items) - limit} more" if len(items) > limit else ""
    return ", ".join(items[:limit]) + more


def _write_scores(path: Path, sheet: GradeSheet) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(
            ["learner", "first_name", "last_name", "email", *sheet.assignments, *SCORE_TOTALS]
        )
        for who in sheet.learners:
            row = sheet.row(who.id)
            writer.writerow(
                [
                    who.id,
                    who.first_name,
                    who.last_name,
                    who.email,
                    *(sheet.cell(who.id, a) for a in sheet.assignments),
                    number(sum(r.final for r in row if r.submitted)),
                    sum(1 for r in row if not r.submitted),
                    number(sum(r.pending for r in row if r.submitted)),
                    number(sum(r.taken_off for r in row)),
                ]
            )


def _write_canvas(path: Path, sheet: GradeSheet) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow([*CANVAS_FIXED, *(f"{a} (points)" for a in sheet.assignments)])
        writer.writerow(
            ["Points Possible", "", "", "", *(number(sheet.maxima[a]) for a in sheet.assignments)]
        )
        for who in sheet.learners:
            name = ", ".join(part for part in (who.last_name, who.first_name) if part)
            writer.writerow(
                [
                    name or who.id,
                    who.lms_id,
                    who.id,
                    "",
                    *(sheet.cell(who.id, a) for a in sheet.assignments),
                ]
            )


def _write_moodle(path: Path, sheet: GradeSheet) -> list[Learner]:
    """Write ``moodle.csv``; returns the learners left out of it (no email to match on)."""
    left_out = [who for who in sheet.learners if not who.email.strip()]
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow([*MOODLE_FIXED, *sheet.assignments])
        for who in sheet.learners:
            if who in left_out:
                continue
            writer.writerow(
                [
                    who.first_name,
                    who.last_name,
                    who.id,
                    who.email.strip(),
                    *(sheet.cell(who.id, a, MOODLE_NO_GRADE) for a in sheet.assignments),
                ]
            )
    return left_out


def _plot(path: Path, sheet: GradeSheet) -> None:
    from matplotlib.figure import Figure  # heavy: loaded on first use

    figure = Figure(figsize=(7, 3.5), layout="constrained")
    axes = figure.subplots()
    bins = [i * 10 for i in range(11)]
    for name in sheet.assignments:
        top = sheet.maxima[name] or 1.0
        finals = [
            100 * r.final / top for (_, a), r in sheet.results.items() if a == name and r.submitted
        ]
        axes.hist(finals, bins=bins, alpha=0.6, label=name, edgecolor="white")
    axes.set_xlabel("score (% of the maximum)")
    axes.set_ylabel("learners")
    axes.set_title("How the class scored")
    if sheet.assignments:
        axes.legend(frameon=False, fontsize="small")
    figure.savefig(
        path, dpi=100, metadata={"Description": "Histogram of learners' scores per assignment"}
    )
