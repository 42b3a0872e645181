"""Grade exports and results: late penalties, missing vs 0, released only, learners off the
roster, pending hand grades, Moodle's CSV and per-learner extensions.

The gradebook is built with nbgrader's own ``Gradebook`` API (no autograding), so every case
is a few milliseconds.  Assignment ``01`` has a 7-point autograded cell and a 3-point
answer graded by hand; ``02`` has a source but was never released.
"""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import warnings
from pathlib import Path

import pytest

from tests.conftest import REPO

A = "01-platforms-and-planning"
B = "02-policy"
DUE = dt.datetime(2026, 9, 20, 17, 59)  # due_dates.csv: 2026-09-20T23:59:00+06:00, in UTC
LATE = DUE + dt.timedelta(days=1, hours=10, minutes=6)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The course with 01 released (its student version generated) and 02 not, and the
    gradebook filled in by hand: a perfect score, a pending essay, a late submission with
    a 2-point penalty, a 0, a missing one, and ``zz9999`` who is not on the roster.  Made
    once (a new gradebook costs nbgrader seconds); each test gets a copy."""
    from smm_helpers.grading.course import open_course
    from smm_helpers.grading.demo import RUNTIME

    root = tmp_path_factory.mktemp("exports")
    shutil.copytree(REPO / "course", root / "course", ignore=shutil.ignore_patterns(*RUNTIME))
    for name in (A, B):
        shutil.copytree(REPO / "assignments" / name, root / "assignments" / name)
    course = open_course(root / "course")
    course.sync_gradebook()
    released = course.path("release") / A
    released.mkdir(parents=True)
    (released / f"{A}.ipynb").write_text("{}")
    with course.gradebook() as gb:
        gb.update_or_create_notebook(A, A)
        gb.add_grade_cell("rates", A, A, max_score=7, cell_type="code")
        gb.add_grade_cell("essay", A, A, max_score=3, cell_type="markdown")
        gb.add_solution_cell("essay", A, A)
        gb.update_or_create_notebook(B, B)
        gb.add_grade_cell("policy", B, B, max_score=5, cell_type="code")
        gb.update_or_create_student(
            "zz9999", first_name="Zara", last_name="Zaman", email="zara@example.org"
        )
    _submit(course, "sample-all-correct", rates=7, essay=3)
    _submit(course, "sample-partial", rates=7, essay=None)
    _submit(course, "sample-late", rates=7, essay=0, when=LATE, penalty=2)
    _submit(course, "sample-all-wrong", rates=0, essay=0)
    _submit(course, "zz9999", rates=4, essay=1)
    return root


@pytest.fixture
def course(template: Path, tmp_path: Path):
    from smm_helpers.grading.course import open_course

    shutil.copytree(template, tmp_path, dirs_exist_ok=True)
    return open_course(tmp_path / "course")


def _submit(
    course,
    learner: str,
    *,
    rates: float,
    essay: float | None,
    when: dt.datetime = DUE - dt.timedelta(hours=1),
    penalty: float | None = None,
    assignment: str = A,
) -> None:
    """A graded submission as nbgrader's autograde and a grader leave it: the autograded
    cell scored, the essay graded by hand (``None``: waiting for its hand grade)."""
    with course.gradebook() as gb, warnings.catch_warnings():
        # nbgrader 0.9's add_submission trips SQLAlchemy's autoflush warning; it is harmless
        warnings.filterwarnings("ignore", message=".*not in session.*")
        gb.update_or_create_submission(assignment, learner, timestamp=when)
        auto = gb.find_grade("rates", assignment, assignment, learner)
        auto.auto_score, auto.needs_manual_grade = rates, False
        hand = gb.find_grade("essay", assignment, assignment, learner)
        hand.auto_score = None
        hand.manual_score, hand.needs_manual_grade = essay, essay is None
        notebook = gb.find_submission_notebook(assignment, assignment, learner)
        notebook.late_submission_penalty = penalty
        gb.db.commit()


def _csv(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))


def _rows(path: Path) -> dict[str, dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return {row["learner"]: row for row in csv.DictReader(fh)}


def test_results_read_penalty_pending_and_missing_from_the_gradebook(course):
    from smm_helpers.grading.scores import result, results

    found = results(course, [A])
    assert found[("sample-all-correct", A)].text() == "10 / 10"
    assert found[("sample-partial", A)].text() == "7 auto + 3 pending / 10"
    late = found[("sample-late", A)]
    assert (late.points, late.penalty, late.final) == (7, 2, 5)
    assert late.late_seconds == (LATE - DUE).total_seconds()
    assert late.text() == "5 / 10 (7 − 2 late penalty)"
    assert found[("sample-all-wrong", A)].text() == "0 / 10"
    assert found[("sample-missing", A)].text() == "missing"
    assert not found[("sample-missing", A)].submitted
    learners = [learner for learner, _ in found]
    assert learners[-1] == "zz9999"  # after the roster, not left out
    assert result(course, A, "zz9999").final == 5


def test_results_reads_the_class_in_a_few_queries_whatever_its_size(course):
    """No query per learner or per submission: the count stays the same as the class grows."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    from smm_helpers.grading.scores import results

    statements: list[str] = []

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(Engine, "before_cursor_execute", count)
    try:
        results(course, [A, B])
        small = len(statements)
        for index in range(12):
            with course.gradebook() as gb:
                gb.update_or_create_student(f"extra{index}")
            _submit(course, f"extra{index}", rates=1, essay=1)
        statements.clear()
        found = results(course, [A, B])
        assert len(statements) == small
    finally:
        event.remove(Engine, "before_cursor_execute", count)
    assert found[("extra11", A)].final == 2


def test_a_penalty_from_a_plugin_of_the_courses_own_lowers_the_exported_score(course, tmp_path):
    """Whatever plugin nbgrader's AssignLatePenalties runs, its penalty reaches the export."""
    from nbformat.v4 import new_notebook
    from nbgrader.plugins import BasePlugin
    from nbgrader.preprocessors import AssignLatePenalties

    from smm_helpers.grading.grades import export_grades

    class PointPerDay(BasePlugin):
        def late_submission_penalty(self, student_id, score, total_seconds_late):
            return (total_seconds_late // 86_400 + 1) * 1.5

    _submit(course, "sample-blank", rates=7, essay=3, when=LATE)
    step = AssignLatePenalties(plugin_class=PointPerDay)
    step.preprocess(
        new_notebook(),
        {
            "nbgrader": {
                "notebook": A,
                "assignment": A,
                "student": "sample-blank",
                "db_url": course.db_url,
            }
        },
    )
    lines: list[str] = []
    files = export_grades(course, tmp_path / "grades", echo=lines.append)
    scores = _rows(files.scores)
    assert scores["sample-blank"][A] == "7"  # 10 − 2 days × 1.5
    assert scores["sample-blank"]["late_penalty"] == "3"
    assert scores["sample-late"][A] == "5" and scores["sample-late"]["late_penalty"] == "2"
    assert any("late penalties took 5 points off 2 submissions" in line for line in lines)


def test_only_released_assignments_are_exported_and_the_others_are_named(course, tmp_path):
    from smm_helpers.grading.grades import export_grades
    from smm_helpers.grading.release import released_assignments, was_released

    assert was_released(course, A) and not was_released(course, B)
    lines: list[str] = []
    files = export_grades(course, tmp_path / "grades", echo=lines.append)
    assert _csv(files.canvas)[0] == ["Student", "ID", "SIS User ID", "Section", f"{A} (points)"]
    assert B not in _csv(files.scores)[0] and B not in _csv(files.moodle)[0]
    assert any(line.startswith(f"· left out {B}: not released yet") for line in lines)
    # in the exchange's outbound folder, or a submission collected from an LMS: released
    outbound = course.exchange_dir / course.course_id / "outbound" / B
    outbound.mkdir(parents=True)
    (outbound / f"{B}.ipynb").write_text("{}")
    assert released_assignments(course) == [A, B]
    shutil.rmtree(outbound)
    with course.gradebook() as gb, warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*not in session.*")
        gb.update_or_create_submission(B, "sample-partial")
    assert was_released(course, B)


def test_missing_is_an_empty_cell_and_a_zero_is_0_in_every_export(course, tmp_path):
    from smm_helpers.grading.grades import export_grades

    files = export_grades(course, tmp_path / "grades", echo=lambda _: None)
    scores = _rows(files.scores)
    assert scores["sample-missing"][A] == "" and scores["sample-missing"]["missing"] == "1"
    assert scores["sample-all-wrong"][A] == "0" and scores["sample-all-wrong"]["missing"] == "0"
    assert scores["sample-missing"]["total"] == "0"
    canvas = {row[2]: row for row in _csv(files.canvas)[2:]}
    assert canvas["sample-missing"][4] == "" and canvas["sample-all-wrong"][4] == "0"
    moodle = {row[2]: row for row in _csv(files.moodle)[1:]}
    assert moodle["sample-missing"][4] == "-" and moodle["sample-all-wrong"][4] == "0"


def test_a_learner_not_on_the_roster_is_exported_and_reported(course, tmp_path):
    from smm_helpers.grading.grades import export_grades

    lines: list[str] = []
    files = export_grades(course, tmp_path / "grades", echo=lines.append)
    scores = _rows(files.scores)
    assert list(scores)[-1] == "zz9999"
    assert scores["zz9999"]["first_name"] == "Zara" and scores["zz9999"][A] == "5"
    assert ["Zaman, Zara", "", "zz9999", "", "5"] in _csv(files.canvas)
    warning = [line for line in lines if "not on roster.csv" in line]
    assert warning and "zz9999 (Zara Zaman)" in warning[0]


def test_pending_hand_grades_show_in_scores_csv_and_are_warned_about(course, tmp_path):
    from smm_helpers.grading.grades import export_grades

    lines: list[str] = []
    files = export_grades(course, tmp_path / "grades", echo=lines.append)
    scores = _rows(files.scores)
    assert scores["sample-partial"][A] == "7" and scores["sample-partial"]["pending"] == "3"
    assert scores["sample-all-correct"]["pending"] == "0"
    assert list(scores["sample-late"])[-4:] == ["total", "missing", "pending", "late_penalty"]
    assert any(
        "3 hand-graded points in 1 submission are not graded yet" in line
        and "scores count only what is graded" in line
        for line in lines
    )
    with files.difficulty.open(newline="", encoding="utf-8") as fh:
        difficulty = {row["grade_id"]: row for row in csv.DictReader(fh)}
    assert difficulty["essay"]["kind"] == "manual" and difficulty["essay"]["submissions"] == "4"
    assert difficulty["rates"]["kind"] == "auto" and difficulty["rates"]["submissions"] == "5"


def test_moodle_csv_has_moodles_export_headers_and_a_row_per_learner(course, tmp_path):
    from smm_helpers.grading.grades import export_grades

    files = export_grades(course, tmp_path / "grades", echo=lambda _: None)
    rows = _csv(files.moodle)
    assert rows[0] == ["First name", "Last name", "ID number", "Email address", A]
    assert rows[1] == ["Nusrat", "Jahan", "sample-all-correct", "nusrat.jahan@example.org", "10"]
    assert ["Sumaiya", "Islam", "sample-late", "sumaiya.islam@example.org", "5"] in rows
    assert rows[-1] == ["Zara", "Zaman", "zz9999", "zara@example.org", "5"]
    assert len(rows) == 1 + 10 + 1


@pytest.mark.parametrize(
    ("line", "column", "words"),
    [
        ("nobody,{A},2026-09-23T23:59:00+06:00", "learner", "'nobody' is not on the roster"),
        ("sample-late,99-nope,2026-09-23T23:59:00+06:00", "assignment", "not an assignment"),
        ("sample-late,{A},2026-09-23 23:59", "due", "has no UTC offset"),
        ("sample-late,{A},next tuesday", "due", "is not a date and time"),
        ("sample-late,{A},2026-09-19T23:59:00+06:00", "due", "before the assignment's"),
    ],
)
def test_an_extension_error_names_its_line_and_column(course, line, column, words):
    from smm_helpers.errors import DataError
    from smm_helpers.grading.extensions import extension_checks, read_extensions

    (course.folder / "extensions.csv").write_text(
        f"learner,assignment,due\nsample-partial,{A},2026-09-22T23:59:00+06:00\n\n"
        + line.format(A=A)
        + "\n"
    )
    with pytest.raises(DataError) as raised:
        read_extensions(course)
    assert (raised.value.line, raised.value.column) == (4, column)
    assert words in raised.value.problem
    [check] = extension_checks(course)
    assert check.status == "fail" and "line 4" in check.message


def test_an_extension_of_an_assignment_without_a_due_date_or_twice_is_an_error(course):
    from smm_helpers.grading.extensions import extension_checks

    due = course.due_dates_file.read_text().replace(f"{B},2026-09-27T23:59:00+06:00\n", "")
    course.due_dates_file.write_text(due)
    (course.folder / "extensions.csv").write_text(
        f"Learner;Assignment;Due\nsample-late;{B};2026-09-30T23:59:00+06:00\n"
        f"sample-late;{A};2026-09-22T23:59:00+06:00\nsample-late;{A};2026-09-23T23:59:00+06:00\n"
    )
    checks = extension_checks(course)
    assert [c.status for c in checks] == ["fail", "fail"]
    assert "line 2" in checks[0].message and "no due date in due_dates.csv" in checks[0].message
    assert "line 4" in checks[1].message and "on line 3" in checks[1].message


def test_an_extension_makes_nbgrader_count_lateness_from_the_new_due_date(course):
    from smm_helpers.grading.extensions import apply_extension, apply_extensions, extension_checks
    from smm_helpers.grading.scores import result

    extensions = course.folder / "extensions.csv"
    extensions.write_text(
        f"learner,assignment,due\nsample-late,{A},2026-09-23T23:59:00+06:00\n"
        f"sample-blank,{A},2026-09-23T23:59:00+06:00\n"
    )
    ok, stale = extension_checks(course)  # graded before the extension was given
    assert ok.status == "ok" and "2 extensions to 2 learners" in ok.message
    assert stale.status == "warn" and f"sample-late ({A})" in stale.message
    assert apply_extension(course, A, "sample-late") == dt.timedelta(days=3)
    assert [c.status for c in extension_checks(course)] == ["ok"]
    with course.gradebook() as gb:
        submission = gb.find_submission(A, "sample-late")
        assert submission.extension == dt.timedelta(days=3)
        assert submission.total_seconds_late == 0  # nbgrader's own lateness
    late = result(course, A, "sample-late")
    assert late.late_seconds == 0 and late.extension == dt.timedelta(days=3)
    # a learner about to be graded gets a submission holding it; one with nothing
    # submitted gets none
    (course.path("submitted") / "sample-blank" / A).mkdir(parents=True)
    assert apply_extensions(course, A) == {
        "sample-late": dt.timedelta(days=3),
        "sample-blank": dt.timedelta(days=3),
    }
    with course.gradebook() as gb:
        assert gb.find_submission(A, "sample-blank").extension == dt.timedelta(days=3)
    # a line taken out of the file takes the extension away
    extensions.write_text("learner,assignment,due\n")
    assert apply_extension(course, A, "sample-late") is None
    assert result(course, A, "sample-late").late_seconds == (LATE - DUE).total_seconds()
