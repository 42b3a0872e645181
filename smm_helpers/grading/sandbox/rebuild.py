"""nbgrader's clean-up step that makes the notebook to grade from the instructor's cells.

``RebuildFromInstructor`` replaces nbgrader's ``DeduplicateIds`` and ``OverwriteCells`` in
autograde's clean-up: it hands the submission to
:func:`smm_helpers.grading.instructor_cells.rebuild`, so the notebook that is graded holds
the instructor's read-only cells and tests (code, order, points, as the gradebook recorded
them at release), the learner's answers in their places, and the learner's own cells as
unlabelled code.  What the submission had changed is logged; the autograde summary words it
from the same rule (``smm_helpers.grading.autograde``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nbformat import NotebookNode, from_dict
from nbgrader.preprocessors import NbGraderPreprocessor

from smm_helpers.grading import instructor_cells


def instructor_plan(config: Any, resources: Any) -> instructor_cells.Plan:
    """The plan of the notebook nbgrader is grading (``resources["nbgrader"]``): its cells'
    order from the source notebook, their code, points and checksums from the gradebook."""
    from nbgrader.coursedir import CourseDirectory

    info = resources["nbgrader"]
    coursedir = CourseDirectory(config=config)
    path = Path(coursedir.format_path(coursedir.source_directory, ".", info["assignment"])
                ) / f"{info['notebook']}.ipynb"
    released = instructor_cells.released_cells(info["db_url"], info["notebook"],
                                               info["assignment"], coursedir.course_id)
    return instructor_cells.load_plan(path, released)


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
