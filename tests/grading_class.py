"""A sample class graded for real: the course copied, an assignment released, the samples
submitted through the exchange as ``nbgrader submit`` leaves them, collected, autograded.

Shared by the tests that need real grading results (workflow, hand grades), so each builds
its class in one call and the suite pays for each real grading run once.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tests.conftest import REPO

A = "01-platforms-and-planning"
SAMPLES = REPO / "course" / "samples"


def copy_course(root: Path, assignments: tuple[str, ...] = (A,)) -> Any:
    """The repository's course folder and ``assignments`` copied into ``root``, opened."""
    from smm_helpers.grading.course import open_course
    from smm_helpers.grading.demo import RUNTIME

    shutil.copytree(REPO / "course", root / "course", ignore=shutil.ignore_patterns(*RUNTIME))
    for assignment in assignments:
        shutil.copytree(REPO / "assignments" / assignment, root / "assignments" / assignment)
        for translated in (REPO / "assignments" / ".locales").glob(f"*/{assignment}"):
            shutil.copytree(
                translated, root / "assignments" / translated.relative_to(REPO / "assignments")
            )
    return open_course(root / "course")


def graded_class(
    root: Path, outcomes: Mapping[str, str] | None = None, *, assignment: str = A, **options: Any
) -> tuple[Any, Any, list[str]]:
    """(course, autograde report, what was printed) for learners ``sample-<outcome>``
    handing in ``course/samples/<assignment>/<outcome>/`` (default: every sample with a
    notebook); ``options`` go to ``autograde`` (e.g. ``timeout=5``)."""
    from smm_helpers.grading.autograde import autograde
    from smm_helpers.grading.collect import collect_from_exchange
    from smm_helpers.grading.demo import submit_sample
    from smm_helpers.grading.release import release

    course = copy_course(root, (assignment,))
    lines: list[str] = []
    release(course, assignment, lines.append)
    inbound = course.exchange_dir / course.course_id / "inbound"
    folders = sorted((SAMPLES / assignment).iterdir())
    chosen = (
        dict(outcomes)
        if outcomes is not None
        else {f"sample-{f.name}": f.name for f in folders if any(f.glob("*.ipynb"))}
    )
    for learner, outcome in chosen.items():
        submit_sample(inbound, learner, assignment, SAMPLES / assignment / outcome)
    collect_from_exchange(course, assignment, lines.append)
    if outcomes is not None:
        options.setdefault("learners", list(chosen))
    report = autograde(course, assignment, echo=lines.append, **options)
    return course, report, lines
