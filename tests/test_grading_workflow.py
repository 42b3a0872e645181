"""The grading workflow on the real nbgrader: release, submit, collect, autograde, feedback.

One session-scoped course (assignment 01 and its sample class) is graded once and shared.
Expected scores are worked out from the points in the source notebook and what each sample
answers correctly, not copied from a run.
"""

from __future__ import annotations

import csv
import json
import time

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow
A = "01-platforms-and-planning"
SOURCE = REPO / "assignments" / A / f"{A}.ipynb"


def _points() -> dict[str, float]:
    cells = json.loads(SOURCE.read_text())["cells"]
    return {
        c["metadata"]["nbgrader"]["grade_id"]: c["metadata"]["nbgrader"]["points"]
        for c in cells
        if c["metadata"].get("nbgrader", {}).get("grade")
    }


@pytest.fixture(scope="session")
def graded(tmp_path_factory: pytest.TempPathFactory):
    from smm_helpers.grading.feedback import feedback
    from smm_helpers.grading.grades import export_grades
    from tests.grading_class import graded_class

    course, report, lines = graded_class(tmp_path_factory.mktemp("graded"), timeout=5)
    pages = feedback(course, A, echo=lines.append)
    files = export_grades(course, echo=lines.append)
    return course, report, pages, files, lines


def _grade(course, learner: str, grade_id: str) -> float:
    with course.gradebook() as gb:
        return float(gb.find_grade(grade_id, A, A, learner).score)


def test_sample_class_gets_the_scores_its_answers_earn(graded):
    _, report, *_ = graded
    p = _points()
    auto = p["engagement_rate_by_reach"] + p["best_platform"] + p["smart_goal"]
    expected = {
        "sample-all-correct": auto,
        "sample-late": auto,  # late is reported, not penalised
        "sample-partial": p["best_platform"] + p["smart_goal"],  # mean of per-post rates
        "sample-all-wrong": 0,
        "sample-blank": 0,
        "sample-wrong-filename": 0,
        "sample-corrupted": 0,
        "sample-missing": 0,
        "sample-infinite-loop": 0,  # the loop times out, the later answers need its result
    }
    got = {row.learner: row.score for row in report.rows if row.learner in expected}
    assert got == expected
    assert {row.max_score for row in report.rows} == {sum(p.values())}
    # only notebooks that were graded wait for a hand grade of their written answer
    waiting = {row.learner for row in report.rows if row.pending}
    assert "sample-corrupted" not in waiting and "sample-wrong-filename" not in waiting
    assert report.row("sample-all-correct").shown_score == "7 auto + 3 pending / 10"


def test_each_problem_is_reported_and_the_rest_of_the_class_is_graded(graded):
    _, report, *_ = graded
    status = {row.learner: row.status for row in report.rows}
    assert status["sample-late"] == "late"
    assert status["sample-wrong-filename"] == "wrong filename"
    assert status["sample-corrupted"] == "corrupted"
    assert status["sample-missing"] == "missing"
    assert status["sample-infinite-loop"] == "timeout"
    assert status["sample-all-correct"] == status["sample-partial"] == "ok"
    table = report.table()
    assert "1 day 10 h 6 min after the due date" in table
    assert "'01-platforms-and-planning (1).ipynb'" in table
    assert "broken JSON" in table


def test_friends_numbers_fail_the_hidden_test_and_are_flagged(graded):
    from smm_helpers.datasets import generate
    from smm_helpers.metrics import summarize

    course, report, *_ = graded
    copied = report.row("sample-copied")
    [flag] = [p for p in copied.problems if p.kind == "possible copying"]
    assert "equals sample-all-correct's own" in flag.message and "no points" in flag.message
    flagged = {r.learner for r in report.rows if "possible copying" in r.status}
    assert flagged == {"sample-copied"}, report.table()
    with (course.folder / "similarity" / "similarity.csv").open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [
        (r["learner"], r["other_learner"], r["strength"]) for r in rows if r["strength"] == "strong"
    ] == [("sample-copied", "sample-all-correct", "strong")]
    assert _grade(course, "sample-copied", "engagement_rate_by_reach") == 0
    # the same numbers are right for the friend they were copied from
    friend = generate(n_posts=1_000, learner_id="sample-all-correct").posts
    truth = summarize(friend[friend["client"] == "nonprofit"])["er_reach"]
    copied = json.loads((REPO / "course/samples" / A / "copied" / f"{A}.ipynb").read_text())
    text = next(
        "".join(c["source"])
        for c in copied["cells"]
        if c["metadata"].get("nbgrader", {}).get("grade_id") == "engagement_rate_by_reach_answer"
    )
    for platform, value in truth.items():
        assert f'"{platform}": {value!r}' in text
    assert _grade(course, "sample-all-correct", "engagement_rate_by_reach") == 3


def test_feedback_never_shows_hidden_test_code(graded):
    from smm_helpers.grading.feedback import hidden_lines, leaks

    course, _, pages, *_ = graded
    secrets = hidden_lines(SOURCE)
    assert len(pages) == 7 and secrets
    autograded = (course.path("autograded") / "sample-all-wrong" / A / f"{A}.ipynb").read_text()
    assert "BEGIN HIDDEN TESTS" in autograded  # what nbgrader 0.9 would render on its own
    for page in pages:
        text = page.read_text()
        learner = page.parent.parent.name
        own = course.path("submitted") / learner / A / f"{A}.ipynb"  # their code is theirs
        assert "HIDDEN TESTS" not in text
        assert leaks(text, hidden_lines(SOURCE, except_in=[own])) == []
    wrong = (course.path("feedback") / "sample-all-wrong" / A / f"{A}.html").read_text()
    assert "Not yet (best_platform)" in wrong  # the learner still sees why


def test_grades_csv_and_canvas_csv_have_the_documented_columns(graded):
    _, report, _, files, _ = graded
    with files.scores.open() as fh:
        scores = list(csv.DictReader(fh))
    assert list(scores[0]) == [
        "learner",
        "first_name",
        "last_name",
        "email",
        A,
        "total",
        "missing",
        "pending",
        "late_penalty",
    ]
    by_learner = {r["learner"]: r[A] for r in scores}
    # missing (nothing handed in) stays apart from 0 (a broken or misnamed notebook)
    assert by_learner.pop("sample-missing") == ""
    assert {k: float(v) for k, v in by_learner.items()} == {
        row.learner: row.score for row in report.rows if row.learner != "sample-missing"
    }
    assert by_learner["sample-corrupted"] == by_learner["sample-wrong-filename"] == "0"
    with files.canvas.open() as fh:
        canvas = list(csv.reader(fh))
    assert canvas[0] == ["Student", "ID", "SIS User ID", "Section", f"{A} (points)"]
    assert canvas[1][0] == "Points Possible" and float(canvas[1][4]) == sum(_points().values())
    assert canvas[2][:4] == ["Jahan, Nusrat", "", "sample-all-correct", ""]
    assert files.distribution.read_bytes()[:4] == b"\x89PNG"
    with files.difficulty.open() as fh:
        difficulty = {r["grade_id"]: r for r in csv.DictReader(fh)}
    assert set(difficulty) == set(_points())
    assert float(difficulty["engagement_rate_by_reach"]["max_points"]) == 3


def test_rerunning_autograde_keeps_a_manual_grade_and_the_submission(graded):
    from smm_helpers.grading.autograde import autograde

    course, *_ = graded
    learner = "sample-all-correct"
    submitted = course.path("submitted") / learner / A / f"{A}.ipynb"
    before = submitted.read_bytes()
    with course.gradebook() as gb:
        grade = gb.find_grade("platform_recommendation", A, A, learner)
        grade.manual_score = 2
        gb.db.commit()
    report = autograde(course, A, learners=[learner], timeout=5, echo=lambda _: None)
    assert report.row(learner).score == 7 + 2
    assert _grade(course, learner, "platform_recommendation") == 2
    assert submitted.read_bytes() == before


def test_a_notebook_over_its_total_time_budget_is_stopped_even_with_a_generous_cell_limit(graded):
    from smm_helpers.grading.autograde import autograde

    course, *_ = graded
    learner = "sample-infinite-loop"
    started = time.perf_counter()
    report = autograde(
        course, A, learners=[learner], timeout=120, notebook_timeout=4, echo=lambda _: None
    )
    elapsed = time.perf_counter() - started
    row = report.row(learner)
    assert row.score == 0
    assert "timeout" in row.status
    assert elapsed < 60, f"a 4 s notebook budget let a loop run {elapsed:.0f} s"
