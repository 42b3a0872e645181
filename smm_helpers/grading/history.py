"""Every earlier grading result is kept: a re-grade never loses one.

Before a submission is graded again, :func:`archive` copies what the last run left — the
autograded notebooks and every grade and comment in the gradebook for that learner and
assignment (auto and manual scores, extra credit) — into
``<course>/history/<assignment>/<learner>/<UTC time>/`` as plain files (notebooks and one
``grades.json``).  nbgrader itself keeps manual grades across a re-run; this keeps the rest.
:func:`runs` lists what was kept, oldest first.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

from smm_helpers.grading.course import Course


def _grades(course: Course, assignment: str, learner: str) -> dict[str, Any] | None:
    from nbgrader.api import MissingEntry  # heavy: loaded on first use

    with course.gradebook() as gb:
        try:
            submission = gb.find_submission(assignment, learner)
        except MissingEntry:
            return None
        notebooks = []
        for notebook in submission.notebooks:
            notebooks.append(
                {
                    "notebook": notebook.name,
                    "grades": [
                        {
                            "cell": g.name,
                            "auto_score": g.auto_score,
                            "manual_score": g.manual_score,
                            "extra_credit": g.extra_credit,
                            "max_score": g.max_score,
                            "needs_manual_grade": bool(g.needs_manual_grade),
                        }
                        for g in notebook.grades
                    ],
                    "comments": [
                        {
                            "cell": c.name,
                            "auto_comment": c.auto_comment,
                            "manual_comment": c.manual_comment,
                        }
                        for c in notebook.comments
                    ],
                }
            )
        return {
            "assignment": assignment,
            "learner": learner,
            "score": submission.score,
            "max_score": submission.max_score,
            "timestamp": submission.timestamp.isoformat() if submission.timestamp else None,
            "notebooks": notebooks,
        }


def archive(
    course: Course, assignment: str, learner: str, now: dt.datetime | None = None
) -> Path | None:
    """Keep the last result of ``learner``'s ``assignment``; the folder, or None if none yet."""
    graded = course.path("autograded") / learner / assignment
    grades = _grades(course, assignment, learner)
    if grades is None and not graded.is_dir():
        return None
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%dT%H%M%S.%fZ")
    folder = course.path("history") / assignment / learner / stamp
    folder.mkdir(parents=True, exist_ok=False)
    if graded.is_dir():
        shutil.copytree(graded, folder / "autograded")
    (folder / "grades.json").write_text(
        json.dumps(grades, indent=1, ensure_ascii=False), encoding="utf-8"
    )
    return folder


def runs(course: Course, assignment: str, learner: str) -> list[Path]:
    """The kept results of ``learner``'s ``assignment``, oldest first."""
    folder = course.path("history") / assignment / learner
    return sorted(p for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []
