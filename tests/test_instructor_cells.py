"""The one rule of which cells are the instructor's (``smm_helpers.grading.instructor_cells``).

Fast, without kernels: the notebook to grade is rebuilt from the instructor's source whatever
a submission did to the instructor's cells (deleted, moved, renamed, turned into markdown,
split, duplicated, edited, re-weighted, claimed), every change is named once in words, the
rebuilt notebook is one nbgrader and nbformat accept, and the names a test may read from a
learner are the instructor's solutions' names only.  The graded effect of the same attacks is
checked end to end by ``tests/test_grading_adversarial.py``.
"""

from __future__ import annotations

import builtins
import copy
import json
from collections.abc import Callable
from typing import Any

import pytest

from smm_helpers.grading import instructor_cells as cells
from tests.conftest import REPO

A = "01-platforms-and-planning"
SOURCE = REPO / "assignments" / A / f"{A}.ipynb"
RELEASED = REPO / "course" / "samples" / A / "blank" / f"{A}.ipynb"
SAMPLES = REPO / "course" / "samples"


def _notebook(path: Any) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _cell(nb: dict[str, Any], grade_id: str) -> dict[str, Any]:
    return next(c for c in nb["cells"] if cells.nbgrader_meta(c).get("grade_id") == grade_id)


def _ids(rebuilt: cells.Rebuilt) -> list[str | None]:
    return [cells.nbgrader_meta(c).get("grade_id") for c in rebuilt.cells]


PLAN = cells.plan_from_source(_notebook(SOURCE))
WANTED = [c.grade_id for c in PLAN.cells]


def _rebuilt(change: Callable[[dict[str, Any]], None]) -> cells.Rebuilt:
    submitted = _notebook(RELEASED)
    change(submitted)
    return cells.rebuild(submitted, PLAN)


# ------------------------------------------------------------------------------ the plan


def test_the_plan_reads_each_role_from_the_source() -> None:
    roles = {c.grade_id: c.role for c in PLAN.cells}
    assert roles["setup"] == "setup"
    assert roles["engagement_rate_by_reach"] == "test"
    assert roles["engagement_rate_by_reach_answer"] == "answer"
    assert roles["platform_recommendation"] == "written"
    assert roles["intro"] == "text"
    assert PLAN.points == {
        "engagement_rate_by_reach": 3,
        "best_platform": 2,
        "smart_goal": 2,
        "platform_recommendation": 3,
    }


def test_a_test_reads_from_the_learner_only_what_earlier_solutions_define() -> None:
    assert "er_by_platform" in PLAN.learner_names("engagement_rate_by_reach")
    assert "best_platform" not in PLAN.learner_names("engagement_rate_by_reach")
    assert {"er_by_platform", "best_platform", "smart_goal"} <= PLAN.learner_names("smart_goal")
    setup_names = cells.defined_names(PLAN.setup["setup"])
    assert {"expect_close", "charity", "check_goal"} <= setup_names
    for test in PLAN.tests:  # never a name the instructor's setup defines
        assert not PLAN.learner_names(test) & {"expect_close", "expect_type", "check_goal", "pd"}


@pytest.mark.parametrize(
    "assignment", sorted(p.name for p in (REPO / "assignments").iterdir() if p.is_dir())
)
def test_every_name_a_test_of_the_course_reads_is_defined(assignment: str) -> None:
    for path in sorted((REPO / "assignments" / assignment).glob("*.ipynb")):
        plan = cells.plan_from_source(_notebook(path))
        assert cells.unknown_test_names(plan, dir(builtins)) == {}, path.name


def test_the_released_answer_hides_the_solution() -> None:
    answer = PLAN.by_id("engagement_rate_by_reach_answer")
    written = PLAN.by_id("platform_recommendation")
    assert answer is not None and written is not None
    assert "raise NotImplementedError()" in answer.source
    assert "groupby" not in answer.source
    assert written.source == "YOUR ANSWER HERE"


def test_a_broken_source_is_refused_with_the_reason() -> None:
    source = _notebook(SOURCE)
    source["cells"].append(copy.deepcopy(_cell(source, "setup")))
    with pytest.raises(cells.PlanError, match=r"two cells .* 'setup'"):
        cells.plan_from_source(source)
    with pytest.raises(cells.PlanError, match="cannot be read"):
        cells.load_plan(REPO / "no-such-notebook.ipynb")


def test_the_gradebooks_release_overrides_a_later_edit_of_the_source() -> None:
    released = {"best_platform": {"source": "assert True", "points": 5, "checksum": "abc"}}
    plan = cells.load_plan(SOURCE, released)
    test = plan.by_id("best_platform")
    assert test is not None
    assert (test.source, test.points, test.meta["checksum"]) == ("assert True", 5, "abc")


# ------------------------------------------------------------------------------ rebuild


def _delete(grade_id: str) -> Callable[[dict[str, Any]], None]:
    def change(nb: dict[str, Any]) -> None:
        nb["cells"].remove(_cell(nb, grade_id))

    return change


def _to_markdown(nb: dict[str, Any]) -> None:
    setup = _cell(nb, "setup")
    setup["cell_type"] = "markdown"
    setup.pop("outputs", None)
    setup.pop("execution_count", None)


def _rename(nb: dict[str, Any]) -> None:
    _cell(nb, "setup")["metadata"]["nbgrader"]["grade_id"] = "my_setup"


def _move_to_end(nb: dict[str, Any]) -> None:
    setup = _cell(nb, "setup")
    nb["cells"].remove(setup)
    nb["cells"].append(setup)


def _split(nb: dict[str, Any]) -> None:
    setup = _cell(nb, "setup")
    lines = "".join(setup["source"]).splitlines(True)
    second = copy.deepcopy(setup) | {"id": "split-half", "source": lines[len(lines) // 2 :]}
    setup["source"] = lines[: len(lines) // 2]
    nb["cells"].insert(nb["cells"].index(setup) + 1, second)


def _strip_labels(nb: dict[str, Any]) -> None:
    for cell in nb["cells"]:
        cell["metadata"].pop("nbgrader", None)


SETUP_CHANGES = {
    "deleted": _delete("setup"),
    "into markdown": _to_markdown,
    "renamed": _rename,
    "moved to the end": _move_to_end,
    "split": _split,
    "every label removed": _strip_labels,
}


@pytest.mark.parametrize("what", SETUP_CHANGES)
def test_the_instructors_setup_runs_whatever_the_submission_did_to_it(what: str) -> None:
    rebuilt = _rebuilt(SETUP_CHANGES[what])
    assert [g for g in _ids(rebuilt) if g] == WANTED
    setup = rebuilt.cells[_ids(rebuilt).index("setup")]
    assert setup["cell_type"] == "code"
    assert setup["source"] == PLAN.setup["setup"]
    assert setup["metadata"]["nbgrader"] == PLAN.by_id("setup").meta  # type: ignore[union-attr]
    assert rebuilt.findings, "a change to the instructor's setup is named"


def test_an_honest_submission_is_graded_as_it_was_handed_in() -> None:
    submitted = _notebook(SAMPLES / A / "all-correct" / f"{A}.ipynb")
    rebuilt = cells.rebuild(submitted, PLAN)
    assert rebuilt.findings == []
    assert [cells._text(c["source"]) for c in rebuilt.cells] == [
        cells._text(c["source"])
        if cells.role(c) not in ("setup", "test", "text")
        else cells._text(_cell(_notebook(SOURCE), c["metadata"]["nbgrader"]["grade_id"])["source"])
        for c in submitted["cells"]
    ]


def test_the_learners_own_cells_stay_where_they_put_them() -> None:
    def add_own(nb: dict[str, Any]) -> None:
        at = nb["cells"].index(_cell(nb, "best_platform_answer"))
        nb["cells"].insert(
            at,
            {
                "cell_type": "code",
                "source": "helper = 1",
                "metadata": {},
                "outputs": [],
                "execution_count": None,
                "id": "mine",
            },
        )
        nb["cells"].insert(0, {"cell_type": "markdown", "source": "my notes", "metadata": {}})

    rebuilt = _rebuilt(add_own)
    sources = [cells._text(c["source"]) for c in rebuilt.cells]
    assert sources[0] == "my notes"
    helper = sources.index("helper = 1")
    assert _ids(rebuilt)[helper + 1] == "best_platform_answer"
    assert "helper = 1" in rebuilt.learner_code


def test_a_moved_answer_is_graded_in_the_instructors_place() -> None:
    def move(nb: dict[str, Any]) -> None:
        answer = _cell(nb, "smart_goal_answer")
        nb["cells"].remove(answer)
        nb["cells"].insert(0, answer)

    rebuilt = _rebuilt(move)
    assert [g for g in _ids(rebuilt) if g] == WANTED
    assert rebuilt.findings == []  # an answer is the learner's to move


def test_cells_that_claim_the_instructors_ids_run_as_the_learners_own_code() -> None:
    def claim(nb: dict[str, Any]) -> None:
        fake = copy.deepcopy(_cell(nb, "best_platform")) | {"id": "fake", "source": "print('mine')"}
        fake["metadata"]["nbgrader"]["points"] = 100
        nb["cells"] += [fake, copy.deepcopy(fake) | {"id": "fake2"}]
        nb["cells"][-1]["metadata"]["nbgrader"]["grade_id"] = "bonus_points"

    rebuilt = _rebuilt(claim)
    assert [g for g in _ids(rebuilt) if g] == WANTED
    assert sum(cells._text(c["source"]) == "print('mine')" for c in rebuilt.cells) == 2
    test = rebuilt.cells[_ids(rebuilt).index("best_platform")]
    assert test["source"] == PLAN.tests["best_platform"]
    messages = " ".join(m for _, m in rebuilt.findings)
    assert "appears 2 times" in messages and "'bonus_points'" in messages


def test_the_rebuilt_notebook_is_one_nbgrader_and_nbformat_accept() -> None:
    import nbformat
    from nbgrader.preprocessors import CheckCellMetadata

    hostile = [
        _delete("setup"),
        _split,
        _strip_labels,
        _to_markdown,
        lambda nb: [c.update(id="same") for c in nb["cells"]],
        lambda nb: [c.update(id="bad id!") for c in nb["cells"]],
        lambda nb: nb["cells"].append({"cell_type": "heading", "source": 3}),
    ]
    for change in hostile:
        rebuilt = _rebuilt(change)
        nb = nbformat.from_dict(
            {"cells": rebuilt.cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
        )
        nbformat.validate(nb)
        CheckCellMetadata().preprocess(nb, {})
        ids = [c["id"] for c in rebuilt.cells]
        assert len(ids) == len(set(ids))


# ------------------------------------------------------------------------------ findings


def test_honest_submissions_show_no_tampering() -> None:
    source = _notebook(SOURCE)
    for outcome in ("blank", "all-correct", "partial", "all-wrong", "late", "copied"):
        submitted = _notebook(SAMPLES / A / outcome / f"{A}.ipynb")
        assert cells.inspect_submission(submitted, source) == [], outcome
    assert cells.inspect_submission(source, source) == []


def test_each_change_to_an_instructors_cell_or_its_metadata_is_named() -> None:
    def edit(nb: dict[str, Any]) -> None:
        _cell(nb, "best_platform")["source"] = "pass"

    def duplicate(nb: dict[str, Any]) -> None:
        nb["cells"].append(json.loads(json.dumps(_cell(nb, "smart_goal"))) | {"id": "new"})

    def reweigh(nb: dict[str, Any]) -> None:
        _cell(nb, "engagement_rate_by_reach")["metadata"]["nbgrader"]["points"] = 1000

    def unlock(nb: dict[str, Any]) -> None:
        _cell(nb, "setup")["metadata"]["nbgrader"]["locked"] = False

    def retype(nb: dict[str, Any]) -> None:
        _cell(nb, "best_platform")["cell_type"] = "markdown"

    def claim(nb: dict[str, Any]) -> None:
        _cell(nb, "best_platform_answer")["metadata"]["nbgrader"]["grade_id"] = "bonus"

    def same_ids(nb: dict[str, Any]) -> None:
        for cell in nb["cells"]:
            cell["id"] = "same"

    def move_test(nb: dict[str, Any]) -> None:
        test = _cell(nb, "smart_goal")
        nb["cells"].remove(test)
        nb["cells"].insert(0, test)

    tampered = "tampered tests"
    expected = {
        edit: [
            (tampered, "test cell 'best_platform' was edited (the instructor's copy was graded)")
        ],
        _delete("smart_goal"): [
            (tampered, "test cell 'smart_goal' was deleted (the instructor's copy was graded)")
        ],
        _delete("setup"): [
            (tampered, "read-only cell 'setup' was deleted (the instructor's copy ran)")
        ],
        duplicate: [
            (
                tampered,
                "test cell 'smart_goal' appears 2 times (the first copy was "
                "graded, with the instructor's code and points; the others ran as the "
                "learner's own code)",
            )
        ],
        reweigh: [
            (
                tampered,
                "test cell 'engagement_rate_by_reach' claims 1000 points "
                "instead of 3 (the instructor's points were used)",
            )
        ],
        unlock: [
            (
                tampered,
                "read-only cell 'setup' has its nbgrader 'locked' flag changed "
                "(the instructor's was used)",
            )
        ],
        retype: [
            (
                tampered,
                "test cell 'best_platform' was changed from code to markdown (graded as code)",
            )
        ],
        claim: [
            (
                tampered,
                "a cell claims the id 'bonus', which the assignment does not have "
                "(run as the learner's own code, never as a test)",
            )
        ],
        same_ids: [(tampered, "cell ids repeat (same); the repeats were given new ids")],
        move_test: [
            (
                tampered,
                "the instructor's cell 'smart_goal' was moved (it ran in the instructor's order)",
            )
        ],
    }
    for change, findings in expected.items():
        assert _rebuilt(change).findings == findings, change.__name__


def test_hidden_tests_missing_from_a_released_test_cell_are_not_an_edit() -> None:
    source = _notebook(SOURCE)
    assert "BEGIN HIDDEN TESTS" in "".join(_cell(source, "best_platform")["source"])
    assert "HIDDEN" not in "".join(_cell(_notebook(RELEASED), "best_platform")["source"])
    assert cells.inspect_submission(_notebook(RELEASED), source) == []


@pytest.mark.parametrize(
    "broken",
    [
        {},
        {"cells": 5},
        {"cells": "all"},
        {"cells": [5, None]},
        {"cells": [{"metadata": {"nbgrader": "x"}}]},
        [],
        {"cells": [{"cell_type": "code", "source": [1, None], "metadata": []}]},
    ],
)
def test_a_broken_notebook_is_rebuilt_without_crashing(broken: Any) -> None:
    rebuilt = cells.rebuild(broken, PLAN)
    assert [g for g in _ids(rebuilt) if g] == WANTED
    assert {kind for kind, _ in rebuilt.findings} == {"tampered tests"}
    assert len(rebuilt.findings) == 4  # the three tests and the setup cell are missing
