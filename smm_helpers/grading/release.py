"""Release assignments: nbgrader's ``generate_assignment`` then ``release_assignment``.

The student version (solutions and hidden tests removed) goes to ``release/<assignment>/``
and into the course's exchange, where learners ``nbgrader fetch_assignment`` it.
"""

from __future__ import annotations

from collections.abc import Callable

from smm_helpers.errors import InputError
from smm_helpers.grading.course import Course

Echo = Callable[[str], None]


def release(course: Course, assignment: str, echo: Echo = print) -> None:
    """Generate the student version of ``assignment`` and release it to the exchange."""
    course.notebooks(assignment)  # a clear error for an unknown assignment
    course.sync_gradebook()
    api = course.api()
    for step, run in (("generate", api.generate_assignment), ("release", _release(api))):
        result = run(assignment)
        if not result["success"]:
            detail = str(result.get("error") or result.get("log") or "").strip()
            raise InputError(f"nbgrader could not {step} {assignment}: {detail[-600:]}",
                             fix="run smm-course validate " + assignment +
                                 " and fix what it reports")
    echo(f"✓ released {assignment} to {course.exchange_dir / course.course_id / 'outbound'}")


def _release(api: object) -> Callable[[str], dict[str, object]]:
    def run(assignment: str) -> dict[str, object]:
        api.unrelease(assignment)  # type: ignore[attr-defined]  # re-release replaces it
        return api.release_assignment(assignment)  # type: ignore[attr-defined]
    return run
