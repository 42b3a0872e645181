"""Every assignment's nbgrader source notebook is well formed and grades both ways.

For each ``assignments/NN-slug/NN-slug.ipynb`` (the reference assignment 01 included):

- **Structure** (fast): nbformat 4.5 with cell ids, the ``python3`` kernel, no outputs;
  every graded cell has a unique, descriptive ``grade_id`` (words joined by ``_``, not
  ``q3`` or ``cell-…``) and points above 0; every answer is preceded by a "Try it" cell and
  a sentence saying what a right answer looks like; every autograded test cell has visible
  checks *and* a hidden block that recomputes from the learner's own data (``learner_id()``);
  at least one written answer is graded by hand, with a rubric in
  ``course/rubrics/NN-slug.md`` whose points add up to that cell's points.
- **The source passes** (slow): run top to bottom on a fresh kernel, as two different
  learners (``SMM_LEARNER_ID``), no cell shows an error.
- **The released copy fails** (slow): with nbgrader's ``ClearSolutions`` and
  ``ClearHiddenTests`` applied, every autograded test cell fails (the answers are
  ``raise NotImplementedError()``), and no solution or hidden test is left in it.
- **Copied answers fail** (slow): answers computed from one learner's data, graded as
  another learner, fail every autograded test cell's hidden checks.

Notebooks run in a temporary folder with the learner id passed in the kernel's environment,
so the tests run in parallel (``pytest -n auto``) and never write into the repository.
"""

from __future__ import annotations

import copy
import json
import os
import re
import tempfile
import time
from pathlib import Path
from typing import Any

import nbformat
import pytest

from tests.conftest import REPO

ASSIGNMENTS = sorted(p for p in (REPO / "assignments").glob("*/*.ipynb") if p.stem == p.parent.name)
IDS = [p.stem for p in ASSIGNMENTS]
RUBRICS = REPO / "course" / "rubrics"

LEARNERS = ("ar1001", "nj2002")
"""Two learners whose data differ; the source must pass for both."""

COPIED_FROM, GRADED_AS = "ar1001", "th3003"
"""The 'copied answers' test computes answers as the first and grades them as the second."""

JUDGEMENT_CELLS = {
    "plan_targets_from_own_baseline": "07's plan is right when its targets lie in a range "
    "around the learner's own baseline; a friend's plan can fall in that range too",
    "smart_goal": "01's goal is judged by check_goal and must name the best platform of the "
    "learner's own data; most learners share that platform, so a friend's goal can pass too "
    "(Part 2's figure, best_rate_percent, catches the copy)",
    "policy_written_from_answers": "02's Part 4 is judged with the learner's own Part 3 "
    "promise_hours (so a slip in Part 3 is not paid twice); a friend's policy that promises "
    "the friend's hours passes it too, while Part 3 catches the copy",
    "budget_split_by_equal_marginal_cost": "06's Part 2 is judged with the learner's own Part 1 "
    "cost_per_donation (a slip in Part 1 is not paid twice) and must fund only platforms of the "
    "learner's own donations campaigns; a friend with the same platforms passes it, while Part 1 "
    "catches the copy",
}
"""Autograded cells that accept any answer in a range, so a copied answer may pass them."""

TIMEOUT = 90
"""Seconds one notebook may take on a fresh kernel here (most take under 15)."""

DESCRIPTIVE_ID = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$")
"""At least two lower-case words joined by ``_``, e.g. ``engagement_rate_by_reach``."""

UNDESCRIPTIVE_ID = re.compile(
    r"^(?:q|question|ex|exercise|problem|part|cell|test)[_-]?\d", re.IGNORECASE
)
ANSI = re.compile(r"\x1b\[[0-9;]*m")
HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS\n(?P<body>.*?)### END HIDDEN TESTS", re.DOTALL)


# ----------------------------------------------------------------------------- helpers
def _nbgrader(cell: Any) -> dict[str, Any]:
    return cell.get("metadata", {}).get("nbgrader", {})


def _is_test(cell: Any) -> bool:
    meta = _nbgrader(cell)
    return cell.cell_type == "code" and meta.get("grade", False) and not meta.get("solution")


def _is_solution(cell: Any) -> bool:
    meta = _nbgrader(cell)
    return cell.cell_type == "code" and meta.get("solution", False) and not meta.get("grade")


def _is_written(cell: Any) -> bool:
    meta = _nbgrader(cell)
    return cell.cell_type == "markdown" and meta.get("grade", False) and meta.get("solution")


def _read(path: Path) -> Any:
    return nbformat.read(path, as_version=nbformat.NO_CONVERT)


def _where(cell: Any) -> str:
    return f"cell {_nbgrader(cell).get('grade_id') or cell.get('id')}"


def _run(nb: Any, learner: str) -> tuple[Any, float]:
    """Execute ``nb`` (a copy) as ``learner`` on a fresh kernel; errors stay in the outputs."""
    from nbclient import NotebookClient

    nb = copy.deepcopy(nb)
    env = {k: v for k, v in os.environ.items() if k != "JUPYTERHUB_USER"}
    env["SMM_LEARNER_ID"] = learner
    with tempfile.TemporaryDirectory(prefix="smm-assignment-") as scratch:
        client = NotebookClient(
            nb,
            timeout=TIMEOUT,
            kernel_name="python3",
            allow_errors=True,
            resources={"metadata": {"path": scratch}},
        )
        started = time.perf_counter()
        with (Path(scratch) / "kernel-stderr.log").open("w") as kernel_stderr:
            client.execute(env=env, stderr=kernel_stderr)
        seconds = time.perf_counter() - started
    return nb, seconds


def _error(cell: Any) -> str | None:
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            return ANSI.sub("", "\n".join(output.get("traceback", [])))[-1500:]
    return None


def _released(nb: Any) -> Any:
    """The student version: nbgrader's ClearSolutions and ClearHiddenTests, default config."""
    from nbgrader.preprocessors import ClearHiddenTests, ClearOutput, ClearSolutions

    nb = copy.deepcopy(nb)
    resources: dict[str, Any] = {}
    for preprocessor in (ClearSolutions(), ClearHiddenTests(), ClearOutput()):
        nb, resources = preprocessor.preprocess(nb, resources)
    return nb


def _rubric_points(text: str) -> int:
    """The sum of the first column of the rubric's table rows that start with a number."""
    return sum(int(m.group(1)) for m in re.finditer(r"^\|\s*(\d+)\s*\|", text, re.MULTILINE))


# ----------------------------------------------------------------------------- structure
def test_there_are_assignments_with_source_notebooks() -> None:
    assert ASSIGNMENTS, "no assignments/NN-slug/NN-slug.ipynb found"
    assert all(re.fullmatch(r"\d\d-[a-z0-9-]+", p.stem) for p in ASSIGNMENTS)


@pytest.mark.parametrize("path", ASSIGNMENTS, ids=IDS)
def test_source_is_nbformat_45_with_cell_ids_and_no_outputs(path: Path) -> None:
    nb = _read(path)
    assert (nb.nbformat, nb.nbformat_minor) >= (4, 5), "save as nbformat 4.5 (cell ids)"
    nbformat.validate(nb)
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3"
    ids = [cell.get("id") for cell in nb.cells]
    assert all(ids) and len(set(ids)) == len(ids), "every cell needs its own stable id"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None, (
                f"clear the outputs of {_where(cell)}"
            )


@pytest.mark.parametrize("path", ASSIGNMENTS, ids=IDS)
def test_every_graded_cell_has_a_unique_descriptive_grade_id_and_points(path: Path) -> None:
    nb = _read(path)
    grade_ids = [_nbgrader(c)["grade_id"] for c in nb.cells if _nbgrader(c)]
    assert len(set(grade_ids)) == len(grade_ids), f"repeated grade_ids in {grade_ids}"
    graded = [c for c in nb.cells if _nbgrader(c).get("grade")]
    assert graded, "no graded cells"
    for cell in graded:
        meta = _nbgrader(cell)
        grade_id = meta["grade_id"]
        assert DESCRIPTIVE_ID.match(grade_id) and not UNDESCRIPTIVE_ID.match(grade_id), (
            f"{grade_id!r} does not say what it grades: name it like 'engagement_rate_by_reach'"
        )
        assert meta.get("points", 0) > 0, f"{grade_id} has no points"
        assert meta.get("locked") is (not meta.get("solution")), (
            f"{grade_id}: test cells are locked, written answers are not"
        )


@pytest.mark.parametrize("path", ASSIGNMENTS, ids=IDS)
def test_every_answer_has_a_try_it_cell_and_says_what_a_right_answer_looks_like(path: Path) -> None:
    nb = _read(path)
    tests = [i for i, c in enumerate(nb.cells) if _is_test(c)]
    previous = -1
    for index in tests:
        before = nb.cells[previous + 1 : index]
        name = _nbgrader(nb.cells[index])["grade_id"]
        assert any(
            _is_solution(c) and "### BEGIN SOLUTION" in c.source and "### END SOLUTION" in c.source
            for c in before
        ), f"{name}: no solution cell (### BEGIN/END SOLUTION) before it"
        assert any(
            c.cell_type == "code"
            and not _nbgrader(c)
            and c.source.lstrip().lower().startswith("# try it")
            for c in before
        ), f"{name}: no ungraded '# Try it' cell before it"
        assert any(
            c.cell_type == "markdown" and "right answer" in c.source.lower() for c in before
        ), f"{name}: no sentence saying what a right answer looks like"
        previous = index


@pytest.mark.parametrize("path", ASSIGNMENTS, ids=IDS)
def test_every_autograded_test_has_visible_checks_and_hidden_tests_on_own_data(path: Path) -> None:
    nb = _read(path)
    tests = [c for c in nb.cells if _is_test(c)]
    assert tests, "no autograded test cells"
    for cell in tests:
        name = _nbgrader(cell)["grade_id"]
        hidden = HIDDEN.search(cell.source)
        assert hidden and hidden.group("body").strip(), f"{name}: no hidden tests"
        visible = cell.source[: hidden.start()]
        assert re.search(r"\b(expect_\w+|assert)\b", visible), f"{name}: no visible checks"
        assert "learner_id()" in hidden.group("body"), (
            f"{name}: the hidden tests must recompute from the learner's own data "
            "(learner_id()), so that a number copied from a friend fails"
        )


@pytest.mark.parametrize("path", ASSIGNMENTS, ids=IDS)
def test_written_answers_are_graded_with_a_rubric_whose_points_match(path: Path) -> None:
    nb = _read(path)
    written = [c for c in nb.cells if _is_written(c)]
    assert written, "at least one written answer must be graded by hand"
    rubric = RUBRICS / f"{path.stem}.md"
    assert rubric.is_file(), f"no rubric at {rubric.relative_to(REPO)}"
    text = rubric.read_text(encoding="utf-8")
    for cell in written:
        assert _nbgrader(cell)["grade_id"] in text, (
            f"the rubric does not name the cell it grades ({_nbgrader(cell)['grade_id']})"
        )
    total = sum(_nbgrader(c)["points"] for c in written)
    assert _rubric_points(text) == total, (
        f"the rubric's rows add up to {_rubric_points(text)} points, the written "
        f"answer{'s' if len(written) > 1 else ''} to {total}"
    )


# ----------------------------------------------------------------------------- running
@pytest.mark.slow
@pytest.mark.parametrize("learner", LEARNERS)
@pytest.mark.parametrize("path", ASSIGNMENTS, ids=IDS)
def test_source_notebook_passes_every_test_cell(path: Path, learner: str) -> None:
    ran, seconds = _run(_read(path), learner)
    errors = [f"{_where(c)}:\n{_error(c)}" for c in ran.cells if _error(c)]
    assert not errors, f"{path.name} as {learner}:\n\n" + "\n\n".join(errors)
    assert seconds <= TIMEOUT


@pytest.mark.slow
@pytest.mark.parametrize("path", ASSIGNMENTS, ids=IDS)
def test_released_copy_fails_every_autograded_test(path: Path) -> None:
    released = _released(_read(path))
    text = json.dumps([c.source for c in released.cells])
    assert "BEGIN SOLUTION" not in text and "BEGIN HIDDEN TESTS" not in text
    assert any("raise NotImplementedError()" in c.source for c in released.cells)
    ran, _ = _run(released, LEARNERS[0])
    passing = [_nbgrader(c)["grade_id"] for c in ran.cells if _is_test(c) and not _error(c)]
    assert not passing, f"these test cells pass without any answer: {passing}"


@pytest.mark.slow
@pytest.mark.parametrize("path", ASSIGNMENTS, ids=IDS)
def test_answers_computed_from_another_learners_data_fail_the_hidden_tests(path: Path) -> None:
    nb = _read(path)
    setup = next(i for i, c in enumerate(nb.cells) if "learner_id()" in c.source)
    # The answers are worked out on COPIED_FROM's data; grading then runs as GRADED_AS.
    switch = nbformat.v4.new_code_cell(f"%env SMM_LEARNER_ID={GRADED_AS}")
    switch.id = "switch-learner"
    nb.cells.insert(setup + 1, switch)
    ran, _ = _run(nb, COPIED_FROM)
    passing = [
        _nbgrader(c)["grade_id"]
        for c in ran.cells
        if _is_test(c) and not _error(c) and _nbgrader(c)["grade_id"] not in JUDGEMENT_CELLS
    ]
    assert not passing, f"answers from {COPIED_FROM}'s data pass as {GRADED_AS}: {passing}"


def test_rubric_points_are_read_from_the_table_rows() -> None:
    rubric = "| Points | Criterion |\n|---|---|\n| 1 | a |\n| 2 | b |\nText | 9 | no\n"
    assert _rubric_points(rubric) == 3
