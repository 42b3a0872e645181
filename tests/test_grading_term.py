"""An instructor's real class through a term, with the real nbgrader and the real commands.

One module-scoped run, checked many ways: ``smm-course init`` makes a course folder outside
the repository; the roster is saved by Excel (a BOM, semicolons, an ``lms_id`` column);
the late penalty is nbgrader's ``zero``; one learner has an extension.  Assignment 01 is
collected from a Canvas download (a resubmission, a ``LATE`` entry, a learner matched by
name, every time stamped when the download was made) and from the exchange (an older copy,
a blank notebook beside the work saved as ``-Copy1``, a learner off the roster); 02 from a
Moodle download (a name one letter off).  Then autograde, hand grades from a CSV,
re-autograde, feedback released in one step and every export — each command run as an
instructor types it, from inside the course folder.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.lms_downloads import Member, Upload, at, canvas, moodle_prefix, unpack, write_zip

pytestmark = pytest.mark.slow
A, B = "01-platforms-and-planning", "02-policy"
SAMPLES = REPO / "course" / "samples"
ROSTER = (  # as Excel's "CSV UTF-8" saves it where the decimal mark is a comma
    "\ufeffid;first_name;last_name;email;lms_id\r\n"
    "sample-all-correct;Nusrat;Jahan;nusrat@example.org;5001\r\n"
    "sample-copied;Lamia;Rahman;lamia@example.org;5009\r\n"
    "sample-late;Sumaiya;Islam;sumaiya@example.org;\r\n"
    "fa1003;Farhana;Akter;farhana@example.org;\r\n"
    "rh1004;Rakib;Hasan;rakib@example.org;\r\n"
    "ik1006;Imran;Kabir;imran@example.org;\r\n"
)
DUE = "2026-09-20T23:59:00+06:00"  # 17:59 UTC
DOWNLOADED = at("2026-10-01 09:00")  # when the instructor downloaded from Canvas
WRITTEN = "platform_recommendation"  # 01's hand-graded answer (3 points)


@dataclass
class Run:
    """What one command printed and returned."""

    code: int
    out: str
    err: str


@dataclass
class Term:
    course: Path
    runs: dict[str, Run] = field(default_factory=dict)


def smm(*args: str) -> Run:
    """``smm-course ARGS`` in this process, as typed in a terminal."""
    from smm_helpers.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return Run(code, out.getvalue(), err.getvalue())


def _notebook(assignment: str, outcome: str) -> bytes:
    return (SAMPLES / assignment / outcome / f"{assignment}.ipynb").read_bytes()


def _submit(inbound: Path, learner: str, when: str, files: dict[str, bytes]) -> None:
    """A submission as ``nbgrader submit`` leaves it in the exchange."""
    folder = inbound / f"{learner}+{A}+{when}"
    folder.mkdir(parents=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    (folder / "timestamp.txt").write_text(when)
    (folder / "submission_secret.txt").write_text("0" * 128)


@pytest.fixture(scope="module")
def term(tmp_path_factory: pytest.TempPathFactory) -> Term:
    root = tmp_path_factory.mktemp("term")
    course = root / "smm-fall-2026"
    term = Term(course)
    term.runs["init"] = smm("init", str(course))
    (course / "roster.csv").write_text(ROSTER, encoding="utf-8", newline="")
    (course / "due_dates.csv").write_text(f"assignment,due\n{A},{DUE}\n{B},{DUE}\n")
    (course / "extensions.csv").write_text(
        f"learner,assignment,due\nfa1003,{A},2026-09-25T23:59:00+06:00\n"
    )
    with (course / "nbgrader_config.py").open("a") as fh:
        fh.write('\nc.LateSubmissionPlugin.penalty_method = "zero"\n')
    downloads = root / "downloads"
    downloads.mkdir()
    # Canvas: the zip's every entry carries the time it was downloaded.
    write_zip(
        downloads / "canvas-01.zip",
        [
            *canvas(
                [
                    Upload("Nusrat", "Jahan", 5001, "blank", DOWNLOADED, attachment_id=9001),
                    Upload(
                        "Nusrat",
                        "Jahan",
                        5001,
                        "all-correct",
                        DOWNLOADED,
                        filename=f"{A}-1.ipynb",
                        attachment_id=9002,
                    ),
                    Upload("Lamia", "Rahman", 5009, "copied", DOWNLOADED, attachment_id=9003),
                    Upload(
                        "Sumaiya", "Islam", 7777, "late", DOWNLOADED, attachment_id=9004, late=True
                    ),
                ]
            )
        ],
    )
    moodle = [
        Member(
            f"{moodle_prefix(first, last, number)}/{B}.ipynb",
            _notebook(B, outcome),
            at("2026-09-19 12:00"),
        )
        for first, last, number, outcome in [
            ("Sumaiya", "Islam", 8003, "all-correct"),
            ("Farhana", "Akter", 8004, "partial"),
            ("Rakib", "Hasen", 8005, "all-correct"),
        ]
    ]
    unpack(downloads / "moodle-02", moodle)
    here = Path.cwd()
    os.chdir(course)  # the nbgrader habit: every command below finds ./nbgrader_config.py
    try:
        term.runs["doctor"] = smm("doctor")
        term.runs["wrong name"] = smm("collect", "01-platfroms-and-planning")
        term.runs["never released"] = smm("autograde", "03-content-and-scheduling")
        for assignment in (A, B):
            term.runs[f"release {assignment}"] = smm("release", assignment)
        term.runs["collect canvas"] = smm("collect", A, "--from", str(downloads / "canvas-01.zip"))
        inbound = course / "exchange" / "smm-fall-2026" / "inbound"
        _submit(
            inbound,
            "sample-all-correct",
            "2026-09-15 08:00:00.000000 UTC",
            {f"{A}.ipynb": _notebook(A, "blank")},
        )  # older than the Canvas copy
        _submit(
            inbound,
            "fa1003",
            "2026-09-22 10:00:00.000000 UTC",  # inside the extension
            {f"{A}.ipynb": _notebook(A, "all-correct")},
        )
        _submit(
            inbound,
            "rh1004",
            "2026-09-19 10:00:00.000000 UTC",
            {f"{A}.ipynb": _notebook(A, "blank"), f"{A}-Copy1.ipynb": _notebook(A, "all-correct")},
        )
        _submit(
            inbound,
            "zz9999",
            "2026-09-19 11:00:00.000000 UTC",
            {f"{A}.ipynb": _notebook(A, "all-correct")},
        )
        term.runs["collect exchange"] = smm("collect", A)
        term.runs["autograde"] = smm("autograde", A, "--timeout", "20")
        term.runs["template"] = smm("hand-grades", A, "--template", "ta.csv")
        with open("ta.csv", newline="", encoding="utf-8-sig") as fh:  # as Excel opens it
            rows = list(csv.DictReader(fh))
        for row in rows:
            if row["learner"] == "sample-all-correct" and row["grade_id"] == WRITTEN:
                row["score"], row["comment"] = "3", "Clear and backed by the numbers."
        with open("ta.csv", "w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        term.runs["import"] = smm("hand-grades", A, "ta.csv")
        term.runs["regrade"] = smm(
            "autograde", A, "--learner", "sample-all-correct", "--timeout", "20"
        )
        term.runs["feedback"] = smm("feedback", A, "--release")
        term.runs["collect moodle"] = smm("collect", B, "--from", str(downloads / "moodle-02"))
        term.runs["autograde 02"] = smm("autograde", B, "--timeout", "20")
        term.runs["grades"] = smm("grades")
    finally:
        os.chdir(here)
    return term


def _summary_rows(text: str) -> dict[str, str]:
    """learner → the rest of their line in an autograde summary."""
    return {
        line.split()[0]: " ".join(line.split()[2:])
        for line in text.splitlines()
        if line.split()
        and line.split()[0]
        in {
            "sample-all-correct",
            "sample-copied",
            "sample-late",
            "fa1003",
            "rh1004",
            "ik1006",
            "zz9999",
        }
    }


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_a_new_course_folder_lives_outside_the_repository_and_passes_the_doctor(term):
    assert term.runs["init"].code == 0
    assert not term.course.is_relative_to(REPO)
    config = (term.course / "nbgrader_config.py").read_text()
    assert str(REPO / "assignments") in config  # sources point at the course's assignments
    doctor = term.runs["doctor"]
    assert "✗" not in doctor.out, doctor.out  # Excel's roster (BOM, semicolons) is fine
    assert "6 learners" in doctor.out


def test_an_unknown_or_unreleased_assignment_is_refused_with_the_valid_names(term):
    wrong = term.runs["wrong name"]
    assert wrong.code == 2 and "did you mean 01-platforms-and-planning?" in wrong.err
    assert "07-capstone" in wrong.err
    never = term.runs["never released"]
    assert never.code == 2 and "was never released" in never.err


def test_canvas_download_keeps_the_newest_upload_and_trusts_its_late_marks(term):
    run = term.runs["collect canvas"]
    submitted = term.course / "submitted"
    assert (submitted / "sample-all-correct" / A / f"{A}.ipynb").read_bytes() == _notebook(
        A, "all-correct"
    )  # the -1 resubmission, not the first upload
    archived = list(
        (term.course / "archive" / "submitted" / "sample-all-correct" / A).glob(f"*/{A}.ipynb")
    )
    assert [p.read_bytes() for p in archived] == [_notebook(A, "blank")]
    assert (submitted / "sample-late" / A).is_dir()  # matched by name: no lms_id on the roster
    stamp = (submitted / "sample-all-correct" / A / "timestamp.txt").read_text()
    assert stamp.startswith("2026-09-20 17:59:00")  # on time, as Canvas says: the due date
    assert "LATE" in run.out


def test_exchange_collect_never_puts_an_older_copy_over_a_newer_one(term):
    run = term.runs["collect exchange"]
    assert (
        term.course / "submitted" / "sample-all-correct" / A / f"{A}.ipynb"
    ).read_bytes() == _notebook(A, "all-correct")
    assert "older submission" in run.out and "sample-all-correct" in run.out
    assert "zz9999" in run.out and "not on roster.csv" in run.out


def test_the_summary_names_every_silent_wrong_grade_of_before(term):
    run = term.runs["autograde"]
    rows = _summary_rows(run.out)
    assert run.code == 1
    assert rows["sample-all-correct"] == "7 auto + 3 pending / 10 ok", run.out
    assert rows["fa1003"] == "7 auto + 3 pending / 10 ok", run.out  # inside the extension
    late = rows["sample-late"]  # Canvas's LATE mark, nbgrader's 'zero' penalty
    assert late == "0 auto + 3 pending / 10 (7 − 7 late penalty) late", run.out
    assert "took off 7 points" in run.out
    assert "extra notebook" in rows["rh1004"]
    assert f"the work is probably in '{A}-Copy1.ipynb'" in run.out
    assert "possible copying" in rows["sample-copied"]
    assert "equals sample-all-correct's own" in run.out
    assert rows["ik1006"].endswith("missing")
    assert "unknown learner" in rows["zz9999"]
    pairs = _csv(term.course / "similarity" / "similarity.csv")
    assert ("sample-copied", "sample-all-correct", "strong") in {
        (r["learner"], r["other_learner"], r["strength"]) for r in pairs
    }


def test_hand_grades_from_a_csv_count_and_survive_a_regrade(term):
    assert term.runs["template"].code == 0 and term.runs["import"].code == 0, term.runs[
        "import"
    ].err
    regrade = _summary_rows(term.runs["regrade"].out)
    assert regrade["sample-all-correct"].startswith("10 / 10"), term.runs["regrade"].out
    assert "hand grading" not in term.runs["regrade"].out
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{term.course / 'gradebook.db'}", "smm-fall-2026") as gb:
        grade = gb.find_grade(WRITTEN, A, A, "sample-all-correct")
        assert (grade.score, grade.needs_manual_grade) == (3, False)


def test_feedback_is_released_in_one_step(term):
    run = term.runs["feedback"]
    assert run.code == 0, run.out + run.err
    released = term.course / "exchange" / "smm-fall-2026" / "feedback"
    assert any(released.rglob("*.html")), run.out  # learners fetch it from the exchange
    for learner in ("sample-all-correct", "sample-late"):  # handed in through Canvas
        assert (term.course / "feedback" / learner / A / f"{A}.html").is_file()


def test_moodle_download_is_matched_by_name_with_a_hint_for_a_near_miss(term):
    run = term.runs["collect moodle"]
    assert (term.course / "submitted" / "sample-late" / B / f"{B}.ipynb").is_file()
    assert (term.course / "submitted" / "fa1003" / B / f"{B}.ipynb").is_file()
    assert "did you mean rh1004 (Rakib Hasan)?" in run.out
    assert not (term.course / "submitted" / "rh1004" / B).exists()
    assert (
        "2026-09-19 12:00:00"
        in (term.course / "submitted" / "fa1003" / B / "timestamp.txt").read_text()
    )


def test_exports_hold_released_assignments_only_and_keep_missing_apart_from_zero(term):
    run = term.runs["grades"]
    assert run.code == 0
    scores = {r["learner"]: r for r in _csv(term.course / "grades" / "scores.csv")}
    assert list(next(iter(scores.values()))) == [
        "learner",
        "first_name",
        "last_name",
        "email",
        A,
        B,
        "total",
        "missing",
        "pending",
        "late_penalty",
    ]
    assert scores["ik1006"][A] == "" and scores["ik1006"]["missing"] == "2"
    assert scores["sample-late"][A] == "0" and float(scores["sample-late"]["late_penalty"]) == 7
    assert scores["sample-all-correct"][A] == "10"
    assert "zz9999" in scores and "zz9999" in run.out  # in the gradebook, not on the roster
    with (term.course / "grades" / "canvas.csv").open(newline="", encoding="utf-8") as fh:
        canvas_rows = list(csv.reader(fh))
    assert canvas_rows[0][4:] == [f"{A} (points)", f"{B} (points)"]
    by_sis = {row[2]: row for row in canvas_rows[2:]}
    assert by_sis["sample-all-correct"][:2] == ["Jahan, Nusrat", "5001"]  # Canvas's user id
    assert by_sis["ik1006"][4:] == ["", ""]  # missing: no grade, not 0
    moodle_rows = _csv(term.course / "grades" / "moodle.csv")
    assert {r["Email address"]: r[A] for r in moodle_rows}["imran@example.org"] == "-"
