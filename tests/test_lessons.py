"""Every lesson runs top to bottom on a fresh kernel, and is committed clean.

Each ``lessons/NN-slug.ipynb`` that exists is executed with nbclient on a fresh
``python3`` kernel, in a temporary copy of the lessons folder (so nothing is written into
the repository), with live widgets on (``SMM_STATIC_WIDGETS`` removed).  A lesson fails on
any error output (the message shows the cell and its traceback), on any stderr output that
mentions a Warning (lessons must not print warnings), and when it takes longer than
``TIMEOUT`` seconds.  Tests are parametrised per lesson (ids = file stem), so
``pytest -n auto`` spreads them over cores.

The Bengali lessons in ``lessons/bn/`` are run and checked the same way.

Committed notebooks carry no outputs, no execution counts and no stray metadata.  A
separate test asserts that all lessons 00–12 exist; it fails until every lesson has landed.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from smm_helpers import lab

TIMEOUT = 120
"""Seconds a lesson may take on a fresh kernel here (the course's target is 10 s)."""

COURSE = range(13)
"""Lesson numbers of the full course: 00 (orientation) to 12 (capstone)."""

NOTEBOOK_METADATA = {"kernelspec", "language_info"}
CELL_METADATA = {"tags", "jupyter", "editable", "deletable", "slideshow", "nbgrader"}
"""Metadata a committed lesson may keep: the kernel, and cell tags and visibility (e.g.
``{"jupyter": {"source_hidden": true}}`` for the setup cell); nbgrader's for assignments."""

LESSONS = lab.lesson_files()
BENGALI = lab.lesson_files(lab.LESSONS_DIR / "bn")
"""The Bengali edition (built from lessons/locales/bn/; see smm_helpers.i18n.lessons)."""
EVERY = LESSONS + BENGALI
IDS = [p.stem for p in LESSONS] + [f"bn-{p.stem}" for p in BENGALI]


@pytest.mark.slow
@pytest.mark.parametrize("path", EVERY, ids=IDS)
def test_lesson_runs_on_a_fresh_kernel_without_errors_or_warnings(path: Path) -> None:
    before = {p.name for p in path.parent.iterdir()}
    run = lab.run_lesson(path, timeout=TIMEOUT)
    assert not run.errors, f"{path.name} failed:\n\n" + "\n\n".join(run.errors)
    assert not run.warnings, f"{path.name} printed warnings:\n\n" + "\n\n".join(run.warnings)
    assert run.seconds <= TIMEOUT
    # Other lessons may land meanwhile; any other new file was written by this lesson.
    new = {p.name for p in path.parent.iterdir() if not lab.LESSON_FILE.match(p.name)} - before
    assert not new, f"running {path.name} wrote into the lessons folder: {sorted(new)}"


@pytest.mark.parametrize("path", EVERY, ids=IDS)
def test_lesson_is_committed_without_outputs_or_stray_metadata(path: Path) -> None:
    nb = nbformat.read(path, as_version=nbformat.NO_CONVERT)
    assert (nb.nbformat, nb.nbformat_minor) >= (4, 5), "save as nbformat 4.5 (cell ids)"
    nbformat.validate(nb)
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3", (
        "the kernelspec must be python3"
    )
    stray = set(nb.metadata) - NOTEBOOK_METADATA
    assert not stray, f"stray notebook metadata: {sorted(stray)}"
    ids = [cell.get("id") for cell in nb.cells]
    assert all(ids) and len(set(ids)) == len(ids), "every cell needs its own stable id"
    for cell in nb.cells:
        where = f"cell {cell.get('id')}:\n{cell.source[:200]}"
        if cell.cell_type == "code":
            assert not cell.outputs, f"clear the outputs of {where}"
            assert cell.execution_count is None, f"clear the execution count of {where}"
        extra = set(cell.metadata) - CELL_METADATA
        assert not extra, f"stray metadata {sorted(extra)} in {where}"
        assert not cell.get("attachments"), f"no pasted attachments in {where}"


def test_the_whole_course_is_there() -> None:
    """All lessons 00–12 exist (fails, as intended, until every lesson has landed)."""
    have = {int(p.name[:2]) for p in LESSONS}
    missing = [f"{n:02d}" for n in COURSE if n not in have]
    assert not missing, f"lessons not written yet: {', '.join(missing)}"
