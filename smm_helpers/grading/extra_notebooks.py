"""Notebooks in a submission that are not the assignment's: never graded, never unnoticed.

Learners save their work under another name more often than one would think: Jupyter's
*Duplicate* makes ``01-intro-Copy1.ipynb``, a browser download makes ``01-intro (1).ipynb``,
and some rename the file to their own name.  Often they then submit the blank released
notebook *and* the copy that holds their work.  nbgrader grades only the assignment's own
file names, so such a learner would get 0 points with nothing said.

:func:`extra_notebook_problems` names every other notebook in the submission, and when the
assignment's own notebook has no answer changed while another notebook has, it says that
the work is probably there and what to do.

>>> plan = plan_from_source({"cells": [_code("### BEGIN SOLUTION\\nx = 1\\n### END SOLUTION",
...                                          grade_id="a1", solution=True)]})
>>> answers_changed({"cells": [_code("# YOUR CODE HERE\\nraise NotImplementedError()",
...                                 grade_id="a1", solution=True)]}, plan)
0
>>> answers_changed({"cells": [_code("x = 1", grade_id="a1", solution=True)]}, plan)
1
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from smm_helpers.grading.instructor_cells import (
    LEARNERS,
    Plan,
    _code,  # noqa: F401 (used in the examples above)
    _grade_id,
    _text,
    plan_from_source,  # noqa: F401 (used in the examples above)
    released_answer,
)
from smm_helpers.grading.problems import Problem

CHECKPOINTS = ".ipynb_checkpoints"
READ_AT_MOST = 10
"""Extra notebooks read and named one by one; any more are counted in one problem (a
submission of thousands of notebooks costs one line, not thousands of reads)."""


def other_notebooks(folder: Path, expected: list[str]) -> list[str]:
    """Paths (relative to ``folder``, as text) of the notebooks in a submission that are not
    ``expected`` (names without ``.ipynb``), sub-folders included, Jupyter's checkpoints
    and links left out.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> for name in ("01-x.ipynb", "01-x-Copy1.ipynb", "work/mine.ipynb",
    ...              ".ipynb_checkpoints/01-x-checkpoint.ipynb", "notes.txt"):
    ...     (folder / name).parent.mkdir(exist_ok=True); _ = (folder / name).write_text("{}")
    >>> other_notebooks(folder, ["01-x"])
    ['01-x-Copy1.ipynb', 'work/mine.ipynb']
    """
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.rglob("*.ipynb")):
        relative = path.relative_to(folder)
        if CHECKPOINTS in relative.parts or path.is_symlink() or not path.is_file():
            continue
        if len(relative.parts) == 1 and path.stem in expected:
            continue
        found.append(relative.as_posix())
    return found


def answers_changed(notebook: Any, plan: Plan) -> int:
    """How many of the plan's answer cells a notebook (JSON) holds changed from what was
    released (by grade id; a cell the learner relabelled does not count)."""
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    answers = plan.of_role(*LEARNERS)
    changed = 0
    for cell in cells if isinstance(cells, list) else []:
        if not isinstance(cell, dict):
            continue
        wanted = answers.get(_grade_id(cell) or "")
        if wanted is None:
            continue
        released = released_answer(wanted.source, wanted.cell_type).strip()
        if _text(cell.get("source", "")).strip() not in (released, ""):
            changed += 1
    return changed


def extra_notebook_problems(
    folder: Path,
    expected: list[str],
    learner: str,
    assignment: str,
    *,
    read: Any,
    plans: dict[str, Plan],
) -> list[Problem]:
    """One "extra notebook" problem per notebook that is not the assignment's.

    ``read(path)`` returns a notebook's JSON or ``None`` (a safe reader); ``plans`` are the
    instructor's plans of the expected notebooks by name.  When an expected notebook has no
    answer changed and an extra one has, the message says the work is probably there.
    """
    others = other_notebooks(folder, expected)
    if not others:
        return []
    problems = []
    if len(others) > READ_AT_MOST:
        problems.append(
            Problem(
                "extra notebook",
                assignment,
                f"the submission also holds "
                f"{len(others) - READ_AT_MOST} more notebooks than those named "
                "here, none of them graded",
                learner,
            )
        )
        others = others[:READ_AT_MOST]
    blank = {
        name
        for name in expected
        if name in plans
        and (folder / f"{name}.ipynb").is_file()
        and answers_changed(read(folder / f"{name}.ipynb"), plans[name]) == 0
    }
    for other in others:
        data = read(folder / other)
        worked = {name: answers_changed(data, plans[name]) for name in plans} if data else {}
        holds = [name for name in sorted(blank) if worked.get(name, 0) > 0]
        if holds:
            name = holds[0]
            message = (
                f"'{name}.ipynb' is the released notebook with no answer changed, but "
                f"'{other}' holds {worked[name]} changed answer(s): the work is "
                f"probably in '{other}', which is not graded. Check it; if so, "
                f"replace submitted/{learner}/{assignment}/{name}.ipynb with it "
                f"(keep the blank one elsewhere) and run smm-course autograde "
                f"{assignment} --learner {learner} again"
            )
        else:
            message = (
                f"the submission also holds '{other}', which is not graded (only "
                + ", ".join(f"'{n}.ipynb'" for n in expected)
                + " are); if the "
                "learner's work is in it, put it in place of the assignment's "
                "notebook and autograde this learner again"
            )
        problems.append(Problem("extra notebook", assignment, message, learner))
    return problems
