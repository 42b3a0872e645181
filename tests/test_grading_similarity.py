"""Possible copying: fingerprints of answers in the trusted runner, saved prints, the review
of a class (personal answers, written answers, code), its CSV and summary lines, and one
run of the real grader on the sample class (sample-copied typed sample-all-correct's
numbers).
"""

from __future__ import annotations

import csv
import json
import shutil
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from smm_helpers.grading import similarity
from smm_helpers.grading.sandbox.runner import TestRunner as Runner  # not a pytest class
from smm_helpers.grading.similarity import Match, answer_print, review, save_prints
from tests.conftest import REPO

A = "01-platforms-and-planning"
SAMPLES = REPO / "course" / "samples" / A
READS = {
    "engagement_rate_by_reach": ["er_by_platform"],
    "best_platform": ["best_platform"],
    "smart_goal": ["smart_goal"],
}
POINTS = {"engagement_rate_by_reach": 3, "best_platform": 2, "smart_goal": 2}
PLATFORMS = ["facebook", "instagram", "x", "linkedin", "youtube", "tiktok"]
LONG_CODE = (
    "# per platform: all engagements over all reach\n"
    'engaged = charity[["reactions", "comments", "shares", "saves"]].sum(axis=1)\n'
    'per_platform = charity.assign(e=engaged).groupby("platform", observed=True)'
    '[["e", "reach"]].sum()\n'
    'er_by_platform = per_platform["e"] / per_platform["reach"]\n'
)
SAME_CODE_RESPACED = (
    "engaged = charity[['reactions','comments','shares','saves']].sum(axis=1)  # sums\n\n"
    "per_platform = charity.assign(e=engaged).groupby('platform', observed=True)"
    "[['e','reach']].sum()\n"
    "er_by_platform = per_platform['e']/per_platform['reach']\n"
)
WRITTEN = (
    "I recommend Alo puts its time into TikTok first: its posts engaged 5.3% of the "
    "people they reached, against 0.8% on Facebook."
)


# ----------------------------------------------------------------------------- the runner
class FakeKernel:
    """A learner's kernel: evaluates what the runner asks in ``namespace`` (as the real
    kernel would, with the real encoder)."""

    def __init__(self, **namespace: Any) -> None:
        self.namespace = dict(namespace)

    def __call__(self, expression: str, timeout: float) -> str:
        return eval(expression, self.namespace)


def _printed(**namespace: Any) -> Runner:
    runner = Runner(ask=FakeKernel(**namespace), timeout=5)
    test = "assert " + " and ".join(f"{name} is not None" for name in namespace)
    assert runner.run_test(test, "a_test", learner_names=set(namespace)) == []
    return runner


def test_the_runner_fingerprints_what_it_reads_and_notes_which_test_read_it():
    runner = _printed(rate=0.052738058811977954, best="tiktok")
    assert runner.reads == {"a_test": ["best", "rate"]}
    assert set(runner.answer_prints) == {"rate", "best"}
    assert runner.answer_prints["rate"] == answer_print(0.052738058811977954).sha256
    assert runner.answer_bits["rate"] >= similarity.MIN_BITS > runner.answer_bits["best"]


def test_the_same_value_gets_the_same_print_whatever_its_order_or_storage():
    rates = {"facebook": 0.008091310478930051, "tiktok": 0.052738058811977954}
    computed = pd.Series(
        list(rates.values()),
        name="er_reach",
        index=pd.CategoricalIndex(list(rates), name="platform"),
    )
    typed = pd.Series(dict(reversed(rates.items())))
    prints = {
        _printed(v=value).answer_prints["v"]
        for value in (computed, typed, rates, dict(reversed(rates.items())))
    }
    assert len(prints) == 1
    assert _printed(v={1, 2, 3}).answer_prints == _printed(v={3, 2, 1}).answer_prints
    assert _printed(v=[np.int64(2), 2.5]).answer_prints == _printed(v=(2.0, 2.5)).answer_prints


def test_floats_count_exactly():
    assert _printed(v=0.1 + 0.2).answer_prints != _printed(v=0.3).answer_prints
    assert (
        _printed(v=0.052738058811977954).answer_prints
        != _printed(v=0.05273805881197795).answer_prints
    )
    assert _printed(v=[1.0, 2.0]).answer_prints == _printed(v=[1, 2]).answer_prints


def test_functions_missing_and_unreadable_answers_get_no_print_and_the_first_print_is_kept():
    class Mine:
        pass

    kernel = FakeKernel(f=len, o=Mine(), n=1.5)
    runner = Runner(ask=kernel, timeout=5)
    runner.run_test("f, o, gone", "t1", learner_names={"f", "o", "gone"})
    assert runner.answer_prints == {} and runner.reads == {"t1": ["f", "gone", "o"]}
    runner.run_test("n", "t2", learner_names={"n"})
    first = runner.answer_prints["n"]
    kernel.namespace["n"] = 2.5
    runner.run_test("n", "t3", learner_names={"n"})
    assert runner.answer_prints["n"] == first
    assert runner.reads == {"t1": ["f", "gone", "o"], "t2": ["n"], "t3": ["n"]}


def test_a_fingerprint_that_fails_never_fails_the_test(monkeypatch):
    from smm_helpers.grading.sandbox import runner as runner_module

    def broken(value: Any) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(runner_module, "answer_print", broken)
    runner = Runner(ask=FakeKernel(n=3), timeout=5)
    assert runner.run_test("assert n == 3", "t1", learner_names={"n"}) == []
    assert runner.answer_prints == {} and runner.reads == {"t1": ["n"]}
    assert answer_print(list(range(100)), max_items=10) is None


# ----------------------------------------------------------------------------- a class
def _copied_course(folder: Path):
    from smm_helpers.grading.course import open_course
    from smm_helpers.grading.demo import RUNTIME

    shutil.copytree(REPO / "course", folder / "course", ignore=shutil.ignore_patterns(*RUNTIME))
    shutil.copytree(REPO / "assignments" / A, folder / "assignments" / A)
    return open_course(folder / "course")


@pytest.fixture(scope="module")
def with_gradebook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the course whose gradebook knows assignment 01's graded cells (made once:
    a new gradebook takes seconds)."""
    course = _copied_course(tmp_path_factory.mktemp("template"))
    with course.gradebook() as gb:
        gb.add_assignment(A)
        gb.add_notebook(A, A)
        for grade_id, points in POINTS.items():
            gb.add_grade_cell(grade_id, A, A, max_score=points, cell_type="code")
        gb.add_grade_cell("platform_recommendation", A, A, max_score=3, cell_type="markdown")
    return course.folder.parent


@pytest.fixture
def course(with_gradebook: Path, tmp_path: Path):
    from smm_helpers.grading.course import open_course

    shutil.copytree(with_gradebook, tmp_path / "copy")
    return open_course(tmp_path / "copy" / "course")


def _rates(seed: int) -> pd.Series:
    values = np.random.default_rng(seed).uniform(0.001, 0.08, len(PLATFORMS))
    return pd.Series(values, index=pd.CategoricalIndex(PLATFORMS, name="platform"))


def _learner(
    course,
    learner: str,
    *,
    passed: tuple[str, ...] = tuple(POINTS),
    cells: dict[str, str] | None = None,
    **values: Any,
) -> None:
    """A graded learner: the released notebook with ``cells`` (grade_id → source) filled
    in, answers ``values`` (name → value) as the sandbox would report them, and full points
    for the tests in ``passed`` (none for the others)."""
    notebook = json.loads((SAMPLES / "blank" / f"{A}.ipynb").read_text())
    for cell in notebook["cells"]:
        grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id")
        if grade_id in (cells or {}):
            cell["source"] = cells[grade_id]
    folder = course.path("submitted") / learner / A
    folder.mkdir(parents=True)
    (folder / f"{A}.ipynb").write_text(json.dumps(notebook))
    prints = {name: answer_print(value) for name, value in values.items()}
    report = {
        "answers": {n: p.sha256 for n, p in prints.items()},
        "answer_bits": {n: p.bits for n, p in prints.items()},
        "reads": READS,
    }
    save_prints(course, A, learner, A, report)
    with course.gradebook() as gb, warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*not in session.*")  # nbgrader's own
        gb.add_student(learner)
        gb.add_submission(A, learner)
        for grade_id, points in POINTS.items():
            gb.find_grade(grade_id, A, A, learner).auto_score = points if grade_id in passed else 0
        gb.db.commit()


def _strong(matches: list[Match]) -> list[tuple[str, str, str, bool]]:
    return [(m.learner, m.other, m.where, m.owned) for m in matches if m.strength == "strong"]


def test_a_personal_answer_equal_to_another_learners_own_is_a_strong_match(course):
    for seed, learner in enumerate(["ar1001", "bo2002", "ci3003"]):
        _learner(course, learner, er_by_platform=_rates(seed), best_platform="tiktok")
    typed = pd.Series(_rates(1).to_dict())  # bo2002's numbers, typed in
    _learner(
        course,
        "zz9999",
        er_by_platform=typed,
        best_platform="tiktok",
        passed=("best_platform", "smart_goal"),
    )
    matches = review(course, A)
    assert _strong(matches) == [("zz9999", "bo2002", "er_by_platform", True)]
    [match] = matches
    assert match.kind == "personal answer" and "bo2002's own answer" in match.detail
    assert "(computed from bo2002's data)" in match.detail


def test_an_answer_everyone_gets_right_alike_is_never_flagged(course):
    goal = "Grow Alo Reading Circle's TikTok followers from 5,000 to 5,600 by 30 June 2027"
    for seed, learner in enumerate(["ar1001", "bo2002", "ci3003", "di4004"]):
        _learner(
            course, learner, er_by_platform=_rates(seed), best_platform="instagram", smart_goal=goal
        )
    _learner(
        course,
        "zz9999",
        er_by_platform=_rates(9),
        best_platform="instagram",
        smart_goal=goal,
        passed=("engagement_rate_by_reach",),
    )
    assert review(course, A) == []


def test_the_same_wrong_value_is_a_match_too_but_a_crowd_is_not_evidence(course):
    for seed, learner in enumerate(["ar1001", "bo2002", "ci3003"]):
        _learner(course, learner, er_by_platform=_rates(seed))
    for learner in ["ea5005", "fi6006"]:  # the same wrong rates, neither passed
        _learner(course, learner, er_by_platform=_rates(1) * 100, passed=())
    [match] = review(course, A)
    assert (match.learner, match.other, match.strength, match.owned) == (
        "ea5005",
        "fi6006",
        "strong",
        False,
    )
    assert "wrong for both" in match.detail
    for learner in ["go7007", "ha8008"]:  # now shared by 4 of 7: more than a third
        _learner(course, learner, er_by_platform=_rates(1) * 100, passed=())
    assert review(course, A) == []


def test_a_personal_answer_needs_enough_information_to_count(course):
    for seed, learner in enumerate(["ar1001", "bo2002", "ci3003"]):
        _learner(course, learner, er_by_platform=pd.Series({"tiktok": 0.01 * (seed + 1)}))
    _learner(course, "zz9999", er_by_platform=pd.Series({"tiktok": 0.02}), passed=())
    assert review(course, A) == []  # one short number is not evidence


def test_identical_written_answers_and_code_are_for_review(course):
    cells = {"platform_recommendation": WRITTEN, "engagement_rate_by_reach_answer": LONG_CODE}
    _learner(course, "ar1001", cells=cells)
    _learner(
        course,
        "bo2002",
        cells={
            "platform_recommendation": "  " + WRITTEN.upper().replace(" ", "\n"),
            "engagement_rate_by_reach_answer": SAME_CODE_RESPACED,
        },
    )
    _learner(
        course,
        "ci3003",
        cells={
            "platform_recommendation": WRITTEN + " Really.",
            "engagement_rate_by_reach_answer": LONG_CODE + "x = 1\n",
        },
    )
    _learner(course, "di4004")
    _learner(course, "ea5005")
    matches = review(course, A)
    assert [(m.learner, m.other, m.kind, m.where, m.strength) for m in matches] == [
        ("ar1001", "bo2002", "written answer", "platform_recommendation", "review"),
        ("ar1001", "bo2002", "code", "engagement_rate_by_reach_answer", "review"),
    ]


def test_the_released_cells_short_answers_and_one_statement_are_not_compared(course):
    stub = {
        "platform_recommendation": "Use TikTok, it engages best.",
        "engagement_rate_by_reach_answer": (
            'er_by_platform = summarize(charity)["er_reach"]  # the helper does it all'
        ),
        "smart_goal_answer": 'smart_goal = "Grow TikTok followers by 10%"\nsmart_goal',
    }
    for learner in ["ar1001", "bo2002", "ci3003", "di4004"]:
        _learner(course, learner, cells=stub if learner < "ci" else None)
    assert review(course, A) == []
    prints = json.loads((course.folder / "similarity" / A / "ar1001.json").read_text())
    assert prints["notebooks"][A]["written"] == prints["notebooks"][A]["code"] == {}


def test_code_that_is_the_instructors_solution_is_no_evidence(course):
    source = json.loads((REPO / "assignments" / A / f"{A}.ipynb").read_text())
    solution = next(
        "".join(c["source"])
        for c in source["cells"]
        if c["metadata"].get("nbgrader", {}).get("grade_id") == "engagement_rate_by_reach_answer"
    )
    solution = "\n".join(line for line in solution.splitlines() if "###" not in line)
    for learner in ["ar1001", "bo2002", "ci3003", "di4004"]:
        _learner(
            course,
            learner,
            cells={"engagement_rate_by_reach_answer": solution} if learner < "ci" else None,
        )
    assert review(course, A) == []  # two learners who got it right, the way it is taught


def test_prints_are_replaced_when_a_learner_is_graded_again(course):
    _learner(course, "ar1001", er_by_platform=_rates(0))
    save_prints(course, A, "ar1001", A, {"answers": {}, "reads": READS})
    folder = course.folder / "similarity" / A
    saved = json.loads((folder / "ar1001.json").read_text())
    assert saved["learner"] == "ar1001" and saved["notebooks"][A]["answers"] == {}
    assert [p.name for p in folder.iterdir()] == ["ar1001.json"]  # no temporary file left
    save_prints(course, A, "ar1001", A, {"answers": {"x": "not a sha256"}, "reads": "junk"})
    assert json.loads((folder / "ar1001.json").read_text())["notebooks"][A]["answers"] == {}
    with pytest.raises(ValueError):
        save_prints(course, A, "../gradebook", A, {})
    similarity.forget_prints(course, A, "ar1001")
    assert not (folder / "ar1001.json").exists()


def test_the_csv_covers_every_assignment_and_has_a_header_when_empty(course):
    path = similarity.write_similarity_csv(course)
    assert path == course.folder / "similarity" / "similarity.csv"
    assert path.read_text().splitlines() == [",".join(similarity.CSV_COLUMNS)]
    for seed, learner in enumerate(["ar1001", "bo2002", "ci3003"]):
        _learner(course, learner, er_by_platform=_rates(seed))
    _learner(course, "zz9999", er_by_platform=_rates(0), passed=())
    similarity.write_similarity_csv(course)
    with path.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [
        (r["assignment"], r["learner"], r["other_learner"], r["kind"], r["where"], r["strength"])
        for r in rows
    ] == [(A, "zz9999", "ar1001", "personal answer", "er_by_platform", "strong")]
    other = Match("02-policy", "ar1001", "bo2002", "code", "x_answer", "review", "same")
    similarity.write_similarity_csv(course, [other])
    with path.open(newline="") as fh:
        assert [r[0] for r in csv.reader(fh)][1:] == [A, "02-policy"]


def test_summary_lines_show_learner_ids_printable_and_take_no_points():
    matches = [
        Match(
            A,
            "zz\x1b[2J9999",
            "ar1001",
            "personal answer",
            "er_by_platform",
            "strong",
            "",
            owned=True,
        )
    ]
    [line] = similarity.summary_lines(matches)
    assert line == (
        f"⚠ zz\\x1b[2J9999, {A} — possible copying: personal answer "
        "er_by_platform equals ar1001's own (for you to review in "
        "similarity/similarity.csv; no points were taken)"
    )
    many = [Match(A, f"l{n:03d}", "ar1001", "code", "c", "review", "") for n in range(30)]
    lines = similarity.summary_lines(many)
    assert len(lines) == similarity.MAX_SUMMARY_LINES + 1 and "18 more" in lines[-1]
    assert similarity.summary_lines([]) == []


# The sample class graded by the real grader flags sample-copied, and nobody else strongly:
# tests/test_grading_workflow.py::test_friends_numbers_fail_the_hidden_test_and_are_flagged.
