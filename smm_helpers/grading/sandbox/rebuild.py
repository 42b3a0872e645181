"""nbgrader's clean-up step that makes the notebook to grade from the instructor's cells.

``RebuildFromInstructor`` replaces nbgrader's ``DeduplicateIds`` and ``OverwriteCells`` in
autograde's clean-up: it hands the submission to
:func:`smm_helpers.grading.instructor_cells.rebuild`, so the notebook that is graded holds
the instructor's read-only cells and tests (code, order, points, as the gradebook recorded
them at release), the learner's answers in their places, and the learner's own cells as
unlabelled code.  What the submission had changed is logged; the autograde summary words it
from the same rule (``smm_helpers.grading.grade_learner``).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from nbformat import NotebookNode, from_dict
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import NbGraderPreprocessor

from smm_helpers.grading import instructor_cells


def instructor_plan(config: Any, resources: Any) -> instructor_cells.Plan:
    """The plan of the notebook nbgrader is grading (``resources["nbgrader"]``): its cells'
    order from the source notebook, their code, points and checksums from the gradebook.

    Every learner's notebook has the same plan, so a grading process reads it once: again
    only when the source notebook changes (a new release writes the gradebook from it).
    """
    info = resources["nbgrader"]
    coursedir = CourseDirectory(config=config)
    path = (
        Path(coursedir.format_path(coursedir.source_directory, ".", info["assignment"]))
        / f"{info['notebook']}.ipynb"
    )
    try:
        version = path.stat()
    except OSError:
        return instructor_cells.load_plan(path)  # raises PlanError, which says what to do
    return _plan(
        info["db_url"],
        coursedir.course_id,
        info["assignment"],
        info["notebook"],
        str(path),
        version.st_mtime_ns,
        version.st_size,
    )


@functools.lru_cache(maxsize=64)
def _plan(
    db_url: str, course_id: str, assignment: str, notebook: str, path: str, mtime_ns: int, size: int
) -> instructor_cells.Plan:
    """:func:`instructor_plan` for one version of a source notebook (the cache's key)."""
    released = instructor_cells.released_cells(db_url, notebook, assignment, course_id)
    return instructor_cells.load_plan(Path(path), released)


class RebuildFromInstructor(NbGraderPreprocessor):
    """nbgrader preprocessor: see the module."""

    def preprocess(self, nb: NotebookNode, resources: Any) -> tuple[NotebookNode, Any]:
        plan = instructor_plan(self.config, resources)
        rebuilt = instructor_cells.rebuild(nb, plan)
        nb.cells = [from_dict(c) for c in rebuilt.cells]
        nb.nbformat, nb.nbformat_minor = 4, max(5, int(nb.get("nbformat_minor") or 0))
        for kind, message in rebuilt.findings:
            self.log.warning("%s: %s", kind, message)
        return nb, resources
