"""Get the gradebook ready to grade an assignment, once, before any runner starts.

Every way of grading (:func:`~smm_helpers.grading.autograde.autograde`, and
``smm-course validate``'s trial grading of the sample submissions) calls :func:`prepare`
first: the runners and the per-learner grading assume it ran.
"""

from __future__ import annotations

from collections.abc import Iterable

from smm_helpers.grading.course import Course
from smm_helpers.grading.extensions import apply_extensions


def prepare(course: Course, assignment: str, learners: Iterable[str] | None = None) -> list[str]:
    """Get the gradebook ready to grade ``assignment``; returns who will be graded, in order.

    The roster's learners and due dates go into the gradebook and the assignment's source is
    generated if it never was.  Learners default to the roster, then anyone else who
    submitted.  Call it once before grading submissions (in parallel or not).
    """
    course.sync_gradebook()
    api = course.api()
    with course.gradebook() as gb:
        if not gb.find_assignment(assignment).notebooks:
            api.generate_assignment(assignment)
    roster = [learner.id for learner in course.roster()]
    submitted_dir = course.path("submitted")
    submitted = (
        sorted(p.name for p in submitted_dir.iterdir() if (p / assignment).is_dir())
        if submitted_dir.is_dir()
        else []
    )
    who = (
        list(learners)
        if learners is not None
        else (roster + [s for s in submitted if s not in roster])
    )
    apply_extensions(course, assignment, who)  # before nbgrader works out lateness
    return who
