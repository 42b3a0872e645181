"""``smm-course validate``: the solutions pass, the student version gives no free points,
grade_ids and rubrics are in order.

Every course here is a temporary copy, so nothing in the repository changes.  The runs that
execute notebooks are module-scoped: the real assignment 01 runs once, and a tiny course of
two small hand-made assignments (one right, one broken three ways) runs once.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from smm_helpers.grading.demo import RUNTIME
from tests.conftest import REPO

A = "01-platforms-and-planning"
GOOD, BROKEN = "08-tiny-right", "09-tiny-broken"


# ----------------------------------------------------------------------------- helpers
def _cell(
    kind: str,
    source: str,
    grade_id: str | None = None,
    *,
    grade: bool = False,
    solution: bool = False,
    points: float = 0,
) -> dict[str, Any]:
    cell: dict[str, Any] = {
        "cell_type": kind,
        "id": f"c{abs(hash((grade_id, source)))}",
        "metadata": {},
        "source": source,
    }
    if kind == "code":
        cell.update(outputs=[], execution_count=None)
    if grade_id:
        meta = {
            "grade": grade,
            "grade_id": grade_id,
            "locked": not solution,
            "schema_version": 3,
            "solution": solution,
            "task": False,
        }
        if grade:
            meta["points"] = points
        cell["metadata"]["nbgrader"] = meta
    return cell


def _notebook(*cells: dict[str, Any]) -> str:
    return json.dumps(
        {
            "cells": list(cells),
            "nbformat": 4,
            "nbformat_minor": 5,
            "metadata": {
                "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
            },
        }
    )


def _solution(name: str, code: str) -> dict[str, Any]:
    return _cell(
        "code", f"### BEGIN SOLUTION\n{code}\n### END SOLUTION", f"{name}_answer", solution=True
    )


def _test(name: str, visible: str, hidden: str, points: float = 1) -> dict[str, Any]:
    return _cell(
        "code",
        f"{visible}\n### BEGIN HIDDEN TESTS\n{hidden}\n### END HIDDEN TESTS",
        name,
        grade=True,
        points=points,
    )


def _written(name: str, points: float) -> dict[str, Any]:
    return _cell("markdown", "My answer.", name, grade=True, solution=True, points=points)


SETUP = _cell("code", "import os\nLEARNER = os.environ['SMM_LEARNER_ID']", "setup")

TINY_RIGHT = _notebook(
    SETUP,
    _solution("learner_seen", "seen = LEARNER"),
    _test("learner_seen", "assert isinstance(seen, str)", "assert seen == 'ar1001'"),
    _solution("sum_of_reach", "total = 2 + 2"),
    _test("sum_of_reach", "assert total == 4", "assert total % 2 == 0", points=2),
    _written("written_judgement", 2),
)
"""Right: the learner id is the roster's first; a rubric worth 2 points goes with it."""

TINY_BROKEN = _notebook(
    SETUP,
    _solution("answer_is_forty_two", "answer = 41"),
    _test("answer_is_forty_two", "assert answer == 42", "assert answer > 0"),
    _solution("always_true_check", "reach = 10"),
    _test("always_true_check", "assert True", "assert 1 == 1"),
    _solution("sum_of_reach", "total = 2 + 2"),
    _test("sum_of_reach", "assert total == 4", "assert total % 2 == 0"),
    _written("written_judgement", 2),
)
"""Broken: a solution that fails its test, a test that passes unanswered, no rubric."""

REBINDS = "10-tiny-rebinds"
TINY_REBINDS = _notebook(
    _cell("code", "import os\nLEARNER = os.environ['SMM_LEARNER_ID']\nposts = 3", "setup"),
    _solution("posts_counted", "posts = posts + 1"),
    _test("posts_counted", "assert posts == 4", "assert posts > 3"),
    _solution("sum_of_reach", "total = 2 + 2"),
    _test("sum_of_reach", "assert total == 4", "assert total % 2 == 0", points=2),
)
"""Passes in the notebook, not in the grader: the test reads ``posts``, which a read-only
cell defines, so the grader gives it the instructor's 3, not the solution's 4."""


def _tiny_course(root: Path, notebooks: dict[str, str]) -> Path:
    course = root / "course"
    shutil.copytree(REPO / "course", course, ignore=shutil.ignore_patterns(*RUNTIME, "*.md"))
    (course / "rubrics").mkdir(exist_ok=True)
    (course / "roster.csv").write_text(
        "id,first_name,last_name,email\nar1001,Amina,Rahman,a@example.org\n"
    )
    for name, text in notebooks.items():
        folder = root / "assignments" / name
        folder.mkdir(parents=True)
        (folder / f"{name}.ipynb").write_text(text)
    return course


def _files(folder: Path) -> dict[str, float]:
    return {str(p.relative_to(folder)): p.stat().st_mtime for p in folder.rglob("*")}


def _fails(report: Any) -> str:
    return "\n".join(str(c) for c in report.failures)


# ----------------------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def real_course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("validate-real")
    shutil.copytree(REPO / "course", root / "course", ignore=shutil.ignore_patterns(*RUNTIME))
    shutil.copytree(REPO / "assignments" / A, root / "assignments" / A)
    return root


@pytest.fixture(scope="module")
def real_report(real_course: Path) -> tuple[Any, dict[str, float], dict[str, float]]:
    from smm_helpers.grading.course import open_course
    from smm_helpers.grading.validate import validate_assignment

    before = _files(real_course)
    report = validate_assignment(open_course(real_course / "course"), A)
    return report, before, _files(real_course)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, str]:
    """The tiny course validated by the command line, every assignment: exit code, output."""
    from smm_helpers.cli import main

    course = _tiny_course(
        tmp_path_factory.mktemp("validate-tiny"), {GOOD: TINY_RIGHT, BROKEN: TINY_BROKEN}
    )
    (course / "rubrics" / f"{GOOD}.md").write_text(
        "# `written_judgement`\n\n| Points | The answer… |\n|---|---|\n| 1 | a |\n| 1 | b |\n"
    )
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["validate", "--course", str(course)])
    return course, code, out.getvalue()


@pytest.fixture(scope="module")
def broken_report(tiny: tuple[Path, int, str]) -> Any:
    from smm_helpers.grading.course import open_course
    from smm_helpers.grading.validate import validate_assignment

    return validate_assignment(open_course(tiny[0]), BROKEN)


# ----------------------------------------------------------------------------- real
@pytest.mark.slow
def test_real_assignment_01_is_ready_to_release(real_report) -> None:
    report, *_ = real_report
    assert report.ok, _fails(report)
    assert report.free_points == [] and report.failing_with_solution == []
    text = report.text()
    assert f"Assignment {A}: ready to release" in text
    assert "runs top to bottom as learner sample-all-correct" in text  # the roster's first
    assert "all 3 autograded test cells pass with the solutions" in text
    assert "all 3 autograded test cells fail until answered (no free points)" in text
    assert (
        "graded by smm-course autograde as learner sample-all-correct's submission, the "
        "solutions earn all" in text
    )
    assert "rubrics/01-platforms-and-planning.md covers the hand-graded" in text


@pytest.mark.slow
def test_validating_writes_nothing_into_the_course(real_report) -> None:
    _, before, after = real_report
    assert after == before


# ----------------------------------------------------------------------------- broken
@pytest.mark.slow
def test_a_solution_that_fails_its_own_test_is_reported_by_grade_id(broken_report) -> None:
    assert broken_report.failing_with_solution == ["answer_is_forty_two"]
    assert (
        "✗ test cell 'answer_is_forty_two' fails even with the solution, so no one can "
        "earn its 1 points: AssertionError" in _fails(broken_report)
    )


@pytest.mark.slow
def test_a_test_that_passes_without_an_answer_is_reported_as_free_points(broken_report) -> None:
    assert broken_report.free_points == ["always_true_check"]
    assert (
        "test cell 'always_true_check' passes in the student version with no answer "
        "written: every learner would get its 1 points for free" in _fails(broken_report)
    )


@pytest.mark.slow
def test_a_hand_graded_cell_without_a_rubric_is_reported(broken_report) -> None:
    assert (
        f"no rubric for the hand-graded 'written_judgement': rubrics/{BROKEN}.md is "
        "missing" in _fails(broken_report)
    )
    assert len(broken_report.failures) == 3  # and nothing else is wrong


@pytest.mark.slow
def test_the_command_validates_every_assignment_and_exits_1_on_a_problem(tiny) -> None:
    _, code, output = tiny
    assert code == 1
    assert f"Assignment {GOOD}: ready to release" in output
    assert "runs top to bottom as learner ar1001" in output  # SMM_LEARNER_ID from the roster
    assert (
        "graded by smm-course autograde as learner ar1001's submission, the solutions "
        "earn all 3 autograded points" in output
    )
    assert f"Assignment {BROKEN}: 3 problems" in output
    assert f"1 of 2 assignments are ready to release; fix {BROKEN}" in output
    assert all(line.lstrip()[:1] in "✓✗⚠" for line in output.splitlines() if line.startswith("  "))


@pytest.mark.slow
def test_a_test_the_grader_scores_otherwise_than_the_notebook_is_reported(tmp_path) -> None:
    from smm_helpers.grading.course import open_course
    from smm_helpers.grading.validate import validate_assignment

    course = _tiny_course(tmp_path, {REBINDS: TINY_REBINDS})
    before = _files(tmp_path)
    report = validate_assignment(open_course(course), REBINDS)
    assert report.failing_with_solution == ["posts_counted"]
    assert (
        f"✗ test cell 'posts_counted' passes when {REBINDS}.ipynb runs, but the grader "
        "gives the solution 0 of its 1 points: AssertionError" in _fails(report)
    )
    assert "names the read-only cells define keep the instructor's values" in _fails(report)
    assert len(report.failures) == 1  # sum_of_reach is read from the kernel and passes
    assert _files(tmp_path) == before  # graded in a scratch copy


# ----------------------------------------------------------------------------- structure
def _structure(tmp_path: Path, notebook: str, rubric: str | None = None) -> list[str]:
    from smm_helpers.grading.course import open_course
    from smm_helpers.grading.validate import validate_assignment

    course = _tiny_course(tmp_path, {BROKEN: notebook})
    if rubric is not None:
        (course / "rubrics" / f"{BROKEN}.md").write_text(rubric)
    report = validate_assignment(open_course(course), BROKEN, run=False)
    return [str(c) for c in report.failures]


def test_vague_repeated_and_pointless_grade_ids_are_each_named(tmp_path: Path) -> None:
    nb = _notebook(
        SETUP,
        _solution("q1", "x = 1"),
        _test("q1", "assert x", "assert x"),
        _solution("reach_total", "y = 1"),
        _test("reach_total", "assert y", "assert y", points=0),
        _cell("code", "z = 1", "setup"),
    )
    fails = "\n".join(_structure(tmp_path, nb))
    assert "these grade_ids are used by more than one cell: 'setup'" in fails
    assert "these grade_ids don't say what they grade: 'q1'" in fails
    assert "these graded cells are worth 0 points: 'reach_total'" in fails


def test_a_test_cell_without_hidden_tests_is_named(tmp_path: Path) -> None:
    nb = _notebook(
        SETUP,
        _solution("reach_total", "y = 1"),
        _cell("code", "assert y == 1", "reach_total", grade=True, points=1),
    )
    assert _structure(tmp_path, nb) == [
        "✗ these autograded test cells have no hidden tests: 'reach_total' — add a ### BEGIN "
        "HIDDEN TESTS ... ### END HIDDEN TESTS block that checks the answer against the "
        "learner's own data, so an answer that only fits the visible checks does not pass"
    ]


def test_a_rubric_whose_points_do_not_add_up_is_reported(tmp_path: Path) -> None:
    nb = _notebook(SETUP, _written("written_judgement", 3))
    rubric = "# `written_judgement`\n\n| Points | Row |\n|---|---|\n| 1 | a |\n| 1 | b |\n"
    assert _structure(tmp_path, nb, rubric) == [
        f"✗ rubrics/{BROKEN}.md adds up to 2 points but the hand-graded cells are worth 3 — "
        "make the rubric rows and the cells' points agree"
    ]
    assert _structure(tmp_path / "again", nb, rubric + "| 1 | c |\n") == []
