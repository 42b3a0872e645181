"""Autograde a class here, in this process, one learner after another.

The simplest runner: no worker processes, nothing to start or to lose.  ``smm-course
autograde --workers 1`` uses it, and so does :func:`~smm_helpers.grading.autograde.autograde`
when there is one learner, or when sandboxes would share one process limit.  Like the other
runners it knows nothing of grading: it calls
:func:`~smm_helpers.grading.grade_learner.grade_submission` for each learner in turn.

>>> report = grade_one_by_one(None, "01-x", [], GradeOptions())
[####################]  0/0 done
>>> report.rows
[]
"""

from __future__ import annotations

from collections.abc import Sequence

from smm_helpers.grading.course import Course
from smm_helpers.grading.grade_learner import grade_submission
from smm_helpers.grading.problems import Echo, progress
from smm_helpers.grading.results import AutogradeReport, GradeOptions


def grade_one_by_one(
    course: Course,
    assignment: str,
    learners: Sequence[str],
    options: GradeOptions,
    *,
    echo: Echo = print,
) -> AutogradeReport:
    """Grade ``learners`` here, one after another, in their order; call ``prepare`` first.

    Says which learner it is grading before each one (through ``echo``), and "done" at the
    end.  Returns the report, its rows in ``learners``' order.
    """
    report = AutogradeReport(assignment)
    for index, learner in enumerate(learners, start=1):
        echo(progress(index - 1, len(learners), f"grading {learner} ..."))
        report.rows.append(grade_submission(course, assignment, learner, options))
    echo(progress(len(learners), len(learners), "done"))
    return report
