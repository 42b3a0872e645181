"""Hand grading without the Formgrader: a teaching assistant's CSV, checked whole, imported
whole; re-autograding keeps a hand grade whose answer did not change; feedback released in
one step.

The import tests build the gradebook with nbgrader's own API (no kernel runs); only the
re-autograde and release tests grade for real, on one shared class of two samples.
"""

from __future__ import annotations

import csv
import json
import shutil
import warnings
from pathlib import Path

import pytest

from tests.conftest import REPO

A = "01-platforms-and-planning"
SAMPLES = REPO / "course" / "samples" / A
ESSAY = "platform_recommendation"
CLASS = {
    "sample-all-correct": "all-correct",
    "sample-partial": "partial",
    "sample-all-wrong": "all-wrong",
}


def _quiet_gradebook():
    """nbgrader 0.9's add_submission trips SQLAlchemy's autoflush warning (its own,
    harmless); the test settings make every warning an error."""
    context = warnings.catch_warnings()
    context.__enter__()
    warnings.filterwarnings("ignore", message=".*not in session.*")
    return context


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A course whose gradebook has three submissions of A (and the autograded notebooks to
    read answers from), made once; each test gets its own copy."""
    from smm_helpers.grading.course import open_course
    from smm_helpers.grading.demo import RUNTIME

    root = tmp_path_factory.mktemp("hand-grades")
    shutil.copytree(REPO / "course", root / "course", ignore=shutil.ignore_patterns(*RUNTIME))
    shutil.copytree(REPO / "assignments" / A, root / "assignments" / A)
    course = open_course(root / "course")
    course.sync_gradebook()
    assert course.api().generate_assignment(A)["success"]
    context = _quiet_gradebook()
    try:
        with course.gradebook() as gb:
            for learner in CLASS:
                gb.add_submission(A, learner)
            for submission in gb.assignment_submissions(A):  # as autograding leaves them
                for grade in submission.notebooks[0].grades:
                    if grade.name != ESSAY:
                        grade.auto_score, grade.needs_manual_grade = 0.0, False
            gb.db.commit()
    finally:
        context.__exit__(None, None, None)
    for learner, sample in CLASS.items():
        folder = course.path("autograded") / learner / A
        folder.mkdir(parents=True)
        shutil.copy(SAMPLES / sample / f"{A}.ipynb", folder / f"{A}.ipynb")
    return root


@pytest.fixture
def course(built: Path, tmp_path: Path):
    from smm_helpers.grading.course import open_course

    shutil.copytree(built, tmp_path / "class")
    return open_course(tmp_path / "class" / "course")


def _write(path: Path, *rows: str, header: str = "learner,grade_id,score,comment") -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def _grade(course, learner: str, grade_id: str = ESSAY) -> tuple[float | None, bool, str | None]:
    with course.gradebook() as gb:
        grade = gb.find_grade(grade_id, A, A, learner)
        comment = (
            gb.find_comment(grade_id, A, A, learner).manual_comment if grade_id == ESSAY else None
        )
        return grade.manual_score, grade.needs_manual_grade, comment


def _everything(course) -> list[tuple]:
    with course.gradebook() as gb:
        return sorted(
            (s.student.id, g.name, g.manual_score, g.needs_manual_grade)
            for s in gb.assignment_submissions(A)
            for n in s.notebooks
            for g in n.grades
        ) + sorted(
            (s.student.id, c.name, c.manual_comment)
            for s in gb.assignment_submissions(A)
            for n in s.notebooks
            for c in n.comments
        )


# ----------------------------------------------------------------------------- template
def test_the_template_has_a_row_per_learner_and_hand_graded_cell_with_the_answer(course, tmp_path):
    from smm_helpers.grading.hand_grades import TEMPLATE_COLUMNS, write_template

    with course.gradebook() as gb:
        grade = gb.find_grade(ESSAY, A, A, "sample-partial")
        grade.manual_score, grade.needs_manual_grade = 2.0, False
        gb.find_comment(ESSAY, A, A, "sample-partial").manual_comment = "Name the platform."
        gb.db.commit()
    lines: list[str] = []
    out = write_template(course, A, tmp_path / "tas.csv", echo=lines.append)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == TEMPLATE_COLUMNS
    assert [(r["learner"], r["grade_id"]) for r in rows] == [  # roster order
        ("sample-all-correct", ESSAY),
        ("sample-partial", ESSAY),
        ("sample-all-wrong", ESSAY),
    ]
    first = rows[0]
    assert (first["first_name"], first["last_name"], first["notebook"]) == ("Nusrat", "Jahan", A)
    assert first["max_points"] == "3" and first["score"] == "" and first["comment"] == ""
    assert first["answer"].startswith("Focus on our best platform")
    assert (rows[1]["score"], rows[1]["comment"]) == ("2", "Name the platform.")
    assert rows[2]["answer"] == "Post more."
    assert ": 3 row(s)" in lines[0]
    with pytest.raises(Exception, match="never written over"):
        write_template(course, A, out, echo=lines.append)


def test_a_filled_in_template_imports_as_it_is(course, tmp_path):
    from smm_helpers.grading.hand_grades import import_hand_grades, write_template

    out = write_template(course, A, tmp_path / "tas.csv", echo=lambda _: None)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[1][6:8] = ["2,5", "Good: name the platform."]  # a decimal comma, as Excel may write
    with out.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    report = import_hand_grades(course, A, out, echo=lambda _: None)
    assert (report.grades_set, report.comments_set, report.skipped) == (1, 1, 2)
    assert _grade(course, "sample-all-correct") == (2.5, False, "Good: name the platform.")


# ----------------------------------------------------------------------------- import
def test_import_sets_scores_and_comments_and_says_what_changed(course, tmp_path):
    from smm_helpers.grading.hand_grades import import_hand_grades

    first = _write(
        tmp_path / "first.csv",
        f"sample-all-correct,{ESSAY},3,Clear and specific.",
        f"sample-partial,{ESSAY},,Cafe\u0301: say which platform.",
        f"sample-all-wrong,{ESSAY},,",
    )
    lines: list[str] = []
    report = import_hand_grades(course, A, first, echo=lines.append)
    assert (report.grades_set, report.comments_set, report.skipped) == (1, 2, 1)
    assert report.changed == [] and report.kept is None
    assert _grade(course, "sample-all-correct") == (3.0, False, "Clear and specific.")
    score, waiting, comment = _grade(course, "sample-partial")
    assert (score, waiting, comment) == (None, True, "Café: say which platform.")  # NFC
    assert comment == "Caf\u00e9: say which platform."
    assert "2 still need grading" in lines[-1] and "sample-partial" in lines[-1]

    second = _write(
        tmp_path / "second.csv",
        f"sample-all-correct,{ESSAY},2,Clear and specific.",
        f"sample-partial,{ESSAY},1.5,",
    )
    lines.clear()
    report = import_hand_grades(course, A, second, echo=lines.append)
    assert [str(c) for c in report.changed] == [f"sample-all-correct {ESSAY}: 3 → 2"]
    assert "⟳ sample-all-correct platform_recommendation: 3 → 2" in "\n".join(lines)
    assert _grade(course, "sample-partial") == (1.5, False, "Café: say which platform.")
    kept = json.loads((report.kept / "before.json").read_text(encoding="utf-8"))
    assert {
        "learner": "sample-all-correct",
        "notebook": A,
        "grade_id": ESSAY,
        "manual_score": 3.0,
        "needs_manual_grade": False,
    } in kept
    assert (report.kept / "imported.csv").read_bytes() == second.read_bytes()


def test_a_semicolon_table_with_a_notebook_column_and_a_test_override(course, tmp_path):
    """Excel where the decimal mark is a comma saves with semicolons; a test's autograded
    score can be overridden by hand too."""
    from smm_helpers.grading.hand_grades import import_hand_grades

    table = _write(
        tmp_path / "tas.csv",
        f"sample-all-wrong;{A}.ipynb;best_platform;1,5",
        header="Learner;Notebook;Grade ID;Score",
    )
    report = import_hand_grades(course, A, table, echo=lambda _: None)
    assert report.grades_set == 1
    assert _grade(course, "sample-all-wrong", "best_platform")[:2] == (1.5, False)


BAD_ROWS = [
    (
        f"sample-all-corect,{ESSAY},2,",
        "learner",
        "not on the roster",
        "did you mean sample-all-correct?",
    ),
    (
        "sample-blank,platform_recomendation,2,",
        "learner",
        "no autograded submission",
        "collect and autograde",
    ),
    (
        "sample-partial,platform_recomendation,2,",
        "grade_id",
        "has no cell",
        f"did you mean {ESSAY}?",
    ),
    (f"sample-partial,{ESSAY},4,", "score", "more than the 3 points", "from 0 to 3"),
    (f"sample-partial,{ESSAY},-1,", "score", "below 0", "from 0 to 3"),
    (f"sample-partial,{ESSAY},two,", "score", "'two' is not a number", "write a number"),
    (f"sample-partial,{ESSAY},nan,", "score", "'nan' is not a number", "write a number"),
    (f"sample-all-correct,{ESSAY},1,", "grade_id", "is also on line 2", "one row for each"),
    (
        "sample-partial,best_platform,1,well done",
        "comment",
        "is a test",
        "grade_id 'best_platform_answer'",
    ),
    (
        "sample-partial,best_platform_answer,1,",
        "score",
        "no points of its own",
        "on the row of its test 'best_platform'",
    ),
]


@pytest.mark.parametrize(
    ("row", "column", "problem", "fix"), BAD_ROWS, ids=[b[2] for b in BAD_ROWS]
)
def test_a_bad_row_names_its_line_and_column_and_nothing_is_imported(
    course, tmp_path, row, column, problem, fix
):
    from smm_helpers.errors import DataError
    from smm_helpers.grading.hand_grades import import_hand_grades

    before = _everything(course)
    table = _write(tmp_path / "tas.csv", f"sample-all-correct,{ESSAY},3,Good.", row)
    with pytest.raises(DataError) as caught:
        import_hand_grades(course, A, table, echo=lambda _: None)
    error = caught.value
    assert (error.file, error.line, error.column) == (str(table), 3, column)
    assert problem in error.problem and "nothing was imported" in error.problem
    assert fix in error.fix
    assert _everything(course) == before  # the good first row was not imported either


def test_every_bad_row_is_listed_before_the_first_is_raised(course, tmp_path):
    from smm_helpers.errors import DataError
    from smm_helpers.grading.hand_grades import import_hand_grades

    table = _write(
        tmp_path / "tas.csv",
        f"zz9999,{ESSAY},2,",
        f"sample-partial,{ESSAY},9,",
        "sample-partial,nope,1,",
    )
    lines: list[str] = []
    with pytest.raises(DataError, match="2 more row problem") as caught:
        import_hand_grades(course, A, table, echo=lines.append)
    assert caught.value.line == 2
    assert [line.split(",")[1].strip() for line in lines] == ["line 3", "line 4"]


def test_an_empty_table_or_a_missing_column_is_refused(course, tmp_path):
    from smm_helpers.errors import DataError
    from smm_helpers.grading.hand_grades import import_hand_grades

    with pytest.raises(DataError, match="no column 'score'"):
        import_hand_grades(
            course, A, _write(tmp_path / "a.csv", header="learner,grade_id"), echo=lambda _: None
        )
    with pytest.raises(DataError, match="'notes' SMM Lab does not use"):
        import_hand_grades(
            course,
            A,
            _write(tmp_path / "b.csv", f"x,{ESSAY},1,", header="learner,grade_id,score,notes"),
            echo=lambda _: None,
        )


def test_nothing_autograded_is_said_for_hand_grades_and_feedback(tmp_path):
    from smm_helpers.errors import InputError
    from smm_helpers.grading.course import open_course
    from smm_helpers.grading.demo import RUNTIME
    from smm_helpers.grading.feedback import feedback
    from smm_helpers.grading.hand_grades import write_template

    shutil.copytree(REPO / "course", tmp_path / "course", ignore=shutil.ignore_patterns(*RUNTIME))
    shutil.copytree(REPO / "assignments" / A, tmp_path / "assignments" / A)
    fresh = open_course(tmp_path / "course")
    with pytest.raises(InputError, match=f"nothing is autograded for {A} yet") as caught:
        feedback(fresh, A, echo=lambda _: None)
    assert f"smm-course autograde {A}" in caught.value.fix
    with pytest.raises(InputError, match="no assignment '01-platforms'"):
        feedback(fresh, "01-platforms", echo=lambda _: None)
    with pytest.raises(InputError, match="nothing is autograded"):
        write_template(fresh, A, tmp_path / "tas.csv", echo=lambda _: None)
    assert not (tmp_path / "tas.csv").exists()


def test_feedback_for_a_large_class_shows_progress_and_one_failure_stops_no_one(
    course, monkeypatch
):
    """nbgrader's generate_feedback stood in for (no kernel, no exporter): 12 learners."""
    from types import SimpleNamespace

    from smm_helpers.grading.feedback import feedback

    learners = [f"ar{1000 + n}" for n in range(12)]
    for learner in learners:
        (course.path("autograded") / learner / A).mkdir(parents=True)

    def generate_feedback(assignment: str, learner: str) -> dict:
        if learner == "ar1003":
            return {"success": False, "error": "Traceback ...\nValueError: broken notebook"}
        page = course.path("feedback") / learner / assignment / f"{A}.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"<html><body><p>Well done, {learner}.</p></body></html>")
        return {"success": True}

    fake = SimpleNamespace(
        coursedir=SimpleNamespace(ignore=[".ipynb_checkpoints"]),
        generate_feedback=generate_feedback,
    )
    monkeypatch.setattr(course, "api", lambda: fake)
    lines: list[str] = []
    report = feedback(course, A, learners, echo=lines.append)
    assert len(report) == 11 and [p.learner for p in report.problems] == ["ar1003"]
    assert "ValueError: broken notebook" in report.problems[0].message
    assert lines[0].split() == ["[....................]", "0/12", "ar1000"]
    assert any(line.split()[:3] == ["[####################]", "12/12", "done"] for line in lines)
    assert "upload each learner's pages" in lines[-1]  # no submission secrets: an LMS
    assert fake.coursedir.ignore == [".ipynb_checkpoints"]  # put back after each learner


# ----------------------------------------------------------------------------- graded for real
@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory):
    """Two samples released, submitted through the exchange, collected and autograded."""
    from tests.grading_class import graded_class

    two = {learner: CLASS[learner] for learner in ("sample-all-correct", "sample-partial")}
    course, _, _ = graded_class(tmp_path_factory.mktemp("graded-hand"), two, timeout=5, workers=1)
    return course


@pytest.mark.slow
def test_regrading_keeps_a_hand_grade_whose_answer_did_not_change(graded, tmp_path):
    from smm_helpers.grading.autograde import autograde
    from smm_helpers.grading.hand_grades import import_hand_grades, keep_unchanged_hand_grades

    course = graded
    table = _write(
        tmp_path / "tas.csv",
        f"sample-all-correct,{ESSAY},3,Clear.",
        f"sample-partial,{ESSAY},2,Which platform?",
    )
    import_hand_grades(course, A, table, echo=lambda _: None)
    submitted = course.path("submitted") / "sample-partial" / A / f"{A}.ipynb"
    notebook = json.loads(submitted.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if cell["metadata"].get("nbgrader", {}).get("grade_id") == ESSAY:
            cell["source"] = "TikTok first: it engaged 9% of the people it reached."
    submitted.write_text(json.dumps(notebook), encoding="utf-8")

    report = autograde(
        course,
        A,
        learners=["sample-all-correct", "sample-partial"],
        timeout=5,
        workers=1,
        echo=lambda _: None,
    )

    # autograde kept the grade of the unchanged answer (nbgrader alone flags it again)
    assert _grade(course, "sample-all-correct") == (3.0, False, "Clear.")
    assert _grade(course, "sample-partial") == (2.0, True, "Which platform?")
    assert "hand grading" not in report.row("sample-all-correct").status
    [changed] = [p for p in report.row("sample-partial").problems if p.kind == "hand grading"]
    assert f"'{ESSAY}' changed since it was graded by hand" in changed.message
    # A second re-grade with that answer as it is: it still waits for its teaching
    # assistant (it was waiting before), and nothing new is said about it.
    again = autograde(
        course, A, learners=["sample-partial"], timeout=5, workers=1, echo=lambda _: None
    )
    assert _grade(course, "sample-partial") == (2.0, True, "Which platform?")
    assert "hand grading" not in again.row("sample-partial").status
    assert keep_unchanged_hand_grades(course, A, "sample-partial", None) == [ESSAY]


@pytest.mark.slow
def test_feedback_release_sends_checked_pages_to_the_exchange_and_goes_on(graded, monkeypatch):
    from smm_helpers.grading import feedback as feedback_module

    course = graded
    outbound = course.exchange_dir / course.course_id / "feedback"
    real = feedback_module._check_page

    def script_for_partial(course, assignment, learner, page):  # as if a check had failed
        if learner == "sample-partial":
            return feedback_module._withhold(
                page,
                learner,
                assignment,
                "the feedback page has markup that would run in a browser",
                fix="keep SMM Lab's HTMLExporter settings",
            )
        return real(course, assignment, learner, page)

    monkeypatch.setattr(feedback_module, "_check_page", script_for_partial)
    lines: list[str] = []
    report = feedback_module.feedback(course, A, echo=lines.append, release=True)
    assert report.released == ["sample-all-correct"]
    assert [p.parent.parent.name for p in report.pages] == ["sample-all-correct"]
    assert [p.parent.parent.name for p in report.withheld] == ["sample-partial"]
    assert not report.ok and report.problems[0].kind == "not released"
    [page] = outbound.glob("*.html")
    assert page.read_bytes() == report.pages[0].read_bytes()
    said = "\n".join(lines)
    assert f"nbgrader fetch_feedback {A}" in said and "withheld" in said

    # A learner who handed in through an LMS has no submission secret: theirs is to upload.
    monkeypatch.setattr(feedback_module, "_check_page", real)
    (course.path("autograded") / "sample-partial" / A / "submission_secret.txt").unlink()
    lines.clear()
    report = feedback_module.feedback(
        course, A, ["sample-partial"], echo=lines.append, release=True
    )
    assert report.ok and report.upload == ["sample-partial"] and report.released == []
    assert len(list(outbound.glob("*.html"))) == 1
    assert "upload each learner's pages" in "\n".join(lines)
