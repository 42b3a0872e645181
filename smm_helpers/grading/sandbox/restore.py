"""Put back test cells a submission deleted, so its answers are still graded fairly.

nbgrader restores the source of test cells a learner edited, but a *deleted* test cell is
simply missing: its points are lost even when the learner's answer is right.  This
preprocessor (run after nbgrader's ``OverwriteCells``) inserts the instructor's copy of each
missing test cell where the source notebook has it: after the nearest earlier cell that the
submission still has.  Deleting a test therefore gains nothing, and loses nothing either.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from nbformat import NotebookNode, from_dict
from nbgrader.preprocessors import NbGraderPreprocessor


def _grade_id(cell: Any) -> str | None:
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def _is_test(cell: Any) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return bool(meta.get("grade")) and not meta.get("solution") and \
        cell.get("cell_type") == "code"


def restore_tests(submitted: list[Any], source: list[Any]) -> tuple[list[Any], list[str]]:
    """``submitted`` cells with the source's missing test cells put back; and their ids.

    >>> test = {"cell_type": "code", "source": "assert a", "metadata": {"nbgrader":
    ...         {"grade_id": "t", "grade": True, "solution": False}}}
    >>> answer = {"cell_type": "code", "source": "a = 1", "metadata": {"nbgrader":
    ...           {"grade_id": "a", "solution": True}}}
    >>> cells, put_back = restore_tests([answer], [answer, test])
    >>> [_grade_id(c) for c in cells], put_back
    (['a', 't'], ['t'])
    """
    cells = list(submitted)
    present = {_grade_id(c) for c in cells} - {None}
    put_back: list[str] = []
    for position, cell in enumerate(source):
        grade_id = _grade_id(cell)
        if not _is_test(cell) or grade_id in present:
            continue
        at = 0
        for earlier in reversed(source[:position]):
            ids = [_grade_id(c) for c in cells]
            if _grade_id(earlier) in ids:
                at = ids.index(_grade_id(earlier)) + 1
                break
        fresh = json.loads(json.dumps(cell))
        fresh["outputs"], fresh["execution_count"] = [], None
        cells.insert(at, fresh)
        present.add(grade_id)
        put_back.append(str(grade_id))
    return cells, put_back


class RestoreTests(NbGraderPreprocessor):
    """nbgrader preprocessor: see the module."""

    def preprocess(self, nb: NotebookNode, resources: Any) -> tuple[NotebookNode, Any]:
        from nbgrader.coursedir import CourseDirectory

        info = resources["nbgrader"]
        coursedir = CourseDirectory(config=self.config)
        path = Path(coursedir.format_path(coursedir.source_directory, ".",
                                          info["assignment"])) / f"{info['notebook']}.ipynb"
        if not path.is_file():
            return nb, resources
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader")
            if meta is not None and "grade_id" not in meta:
                # A second copy of a cell (nbgrader's DeduplicateIds empties it) or an id the
                # assignment lacks (OverwriteCells drops it): the learner's own cell now, and
                # metadata without an id would make CheckCellMetadata fail the notebook.
                del cell.metadata["nbgrader"]
        source = json.loads(path.read_text(encoding="utf-8"))["cells"]
        cells, put_back = restore_tests([dict(c) for c in nb.cells], source)
        if put_back:
            nb.cells = [from_dict(c) for c in cells]
            for grade_id in put_back:
                self.log.warning("Test cell '%s' was missing; the instructor's copy was "
                                 "put back", grade_id)
        return nb, resources
