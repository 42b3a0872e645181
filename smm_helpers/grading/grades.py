"""Export grades from nbgrader's gradebook: a scores CSV, a Canvas CSV, a plot, difficulty.

Files written into ``<course>/grades/`` (or ``out``):

- ``scores.csv`` — one row per learner on the roster: ``learner,first_name,last_name,email``,
  then one column per assignment (points, auto + manual; 0 when nothing was submitted),
  then ``total``.
- ``canvas.csv`` — for Canvas's *Import* (Grades → Import): columns ``Student`` (Last,
  First), ``ID`` (Canvas's own user id: left empty, Canvas matches on SIS User ID),
  ``SIS User ID`` (the learner id), ``Section`` (empty), then one column per assignment
  headed ``<assignment> (points)``; the second row, as in Canvas's own export, is
  ``Points Possible`` with each assignment's maximum.
- ``distribution.png`` — a histogram of each assignment's scores (% of the maximum).
- ``difficulty.csv`` — per graded cell (``grade_id``): max points, mean score, mean as a
  fraction of the max, and how many submissions it was graded in; hardest first.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from smm_helpers.grading.course import Course

Echo = Callable[[str], None]
CANVAS_FIXED = ("Student", "ID", "SIS User ID", "Section")


@dataclass(frozen=True)
class GradeFiles:
    scores: Path
    canvas: Path
    distribution: Path
    difficulty: Path


def score_table(course: Course) -> tuple[list[str], dict[str, dict[str, float]],
                                         dict[str, float]]:
    """(assignments, {learner: {assignment: score}}, {assignment: max score}) from the gradebook."""
    from nbgrader.api import MissingEntry

    with course.gradebook() as gb:
        assignments = sorted(a.name for a in gb.assignments)
        maxima = {a.name: float(a.max_score) for a in gb.assignments}
        scores: dict[str, dict[str, float]] = {}
        for learner in course.roster():
            row = {}
            for name in assignments:
                try:
                    row[name] = float(gb.find_submission(name, learner.id).score)
                except MissingEntry:
                    row[name] = 0.0
            scores[learner.id] = row
    return assignments, scores, maxima


def difficulty_rows(course: Course) -> list[dict[str, object]]:
    """Mean score per graded cell across submissions, hardest (lowest fraction) first."""
    totals: dict[tuple[str, str, str], list[float]] = {}
    meta: dict[tuple[str, str, str], tuple[float, str]] = {}
    with course.gradebook() as gb:
        for assignment in gb.assignments:
            for submission in assignment.submissions:
                for notebook in submission.notebooks:
                    for grade in notebook.grades:
                        key = (assignment.name, notebook.name, grade.name)
                        totals.setdefault(key, []).append(float(grade.score))
                        kind = "auto" if grade.auto_score is not None else "manual"
                        meta[key] = (float(grade.max_score), kind)
    rows: list[dict[str, object]] = []
    for key, values in totals.items():
        max_points, kind = meta[key]
        mean = sum(values) / len(values)
        rows.append({"assignment": key[0], "notebook": key[1], "grade_id": key[2],
                     "kind": kind, "max_points": max_points, "mean_score": round(mean, 3),
                     "mean_fraction": round(mean / max_points, 3) if max_points else 0.0,
                     "submissions": len(values)})
    return sorted(rows, key=lambda r: (float(str(r["mean_fraction"])), str(r["grade_id"])))


def export_grades(course: Course, out: str | Path | None = None,
                  echo: Echo = print) -> GradeFiles:
    """Write scores, Canvas, distribution and difficulty files (see the module docstring)."""
    folder = Path(out) if out is not None else course.path("grades")
    folder.mkdir(parents=True, exist_ok=True)
    assignments, scores, maxima = score_table(course)
    learners = {learner.id: learner for learner in course.roster()}
    files = GradeFiles(folder / "scores.csv", folder / "canvas.csv",
                       folder / "distribution.png", folder / "difficulty.csv")
    with files.scores.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["learner", "first_name", "last_name", "email", *assignments, "total"])
        for learner_id, row in scores.items():
            who = learners[learner_id]
            writer.writerow([learner_id, who.first_name, who.last_name, who.email,
                             *(f"{row[a]:g}" for a in assignments),
                             f"{sum(row.values()):g}"])
    with files.canvas.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow([*CANVAS_FIXED, *(f"{a} (points)" for a in assignments)])
        writer.writerow(["Points Possible", "", "", "", *(f"{maxima[a]:g}" for a in assignments)])
        for learner_id, row in scores.items():
            who = learners[learner_id]
            writer.writerow([f"{who.last_name}, {who.first_name}", "", learner_id, "",
                             *(f"{row[a]:g}" for a in assignments)])
    rows = difficulty_rows(course)
    with files.difficulty.open("w", newline="", encoding="utf-8") as fh:
        fields = ["assignment", "notebook", "grade_id", "kind", "max_points", "mean_score",
                  "mean_fraction", "submissions"]
        writer_d = csv.DictWriter(fh, fieldnames=fields)
        writer_d.writeheader()
        writer_d.writerows(rows)
    _plot(files.distribution, assignments, scores, maxima)
    echo(f"✓ grades in {folder}: {files.scores.name}, {files.canvas.name}, "
         f"{files.distribution.name}, {files.difficulty.name}")
    return files


def _plot(path: Path, assignments: list[str], scores: dict[str, dict[str, float]],
          maxima: dict[str, float]) -> None:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(7, 3.5), layout="constrained")
    axes = figure.subplots()
    bins = [i * 10 for i in range(11)]
    for name in assignments:
        top = maxima[name] or 1.0
        axes.hist([100 * row[name] / top for row in scores.values()], bins=bins, alpha=0.6,
                  label=name, edgecolor="white")
    axes.set_xlabel("score (% of the maximum)")
    axes.set_ylabel("learners")
    axes.set_title("How the class scored")
    if assignments:
        axes.legend(frameon=False, fontsize="small")
    figure.savefig(path, dpi=100, metadata={"Description": "Histogram of learners' scores "
                                                           "per assignment"})
