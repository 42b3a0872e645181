"""`smm-course demo`, the README's main job, works and never overwrites someone's files."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from smm_helpers.cli import main
from smm_helpers.demo import MARKER
from smm_helpers.grading.course import source_assignments
from tests.conftest import REPO, system_part_missing


@pytest.fixture(scope="module")
def full_demo(tmp_path_factory):
    """One run of the README's main job, grading included, shared by the tests below."""
    import contextlib
    import io

    out = tmp_path_factory.mktemp("demo") / "smm-lab-demo"
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        code = main(["demo", "--out", str(out)])
    return out, code, printed.getvalue()


def test_demo_writes_data_summaries_report_and_grades(full_demo):
    out, code, printed = full_demo
    assert code == 0
    for relative in (
        "report/report.html",
        "data/posts.csv",
        "data/inbox.csv",
        "summary/by_platform.csv",
        "summary/best_times.csv",
        "grading/autograde-summary.txt",
        "grading/course/gradebook.db",
        "grading/course/grades/scores.csv",
        "grading/course/grades/canvas.csv",
        "grading/course/grades/distribution.png",
        "grading/course/grades/difficulty.csv",
    ):
        assert (out / relative).is_file(), relative
    for relative in ("report/report.html", "grading/course/grades/scores.csv"):
        assert str(out / relative) in printed


def test_demo_prints_the_pdf_when_an_engine_works(full_demo):
    from smm_helpers.report.pdf import pdf_engines

    out, _, printed = full_demo
    if "ready" not in pdf_engines().values():
        # A machine with only Python: the HTML report is written and the reason is said.
        assert "no PDF:" in printed and not (out / "report" / "report.pdf").exists()
        system_part_missing(f"an HTML-to-PDF engine: {pdf_engines()}")
    assert (out / "report" / "report.pdf").is_file()
    assert (out / "report" / "report.pdf").read_bytes().startswith(b"%PDF")


def test_demo_grades_every_assignment_and_gives_the_sample_class_its_scores(full_demo):
    out, _code, printed = full_demo
    scores = pd.read_csv(out / "grading" / "course" / "grades" / "scores.csv")
    released = source_assignments(REPO / "assignments")  # the folders with a notebook
    assert [c for c in scores.columns if c in released] == released
    assert "sample-all-correct" in set(scores["learner"].astype(str))
    assert "Grading the sample class" in printed and "problems found" in printed
    feedback = list((out / "grading" / "course" / "feedback").rglob("*.html"))
    assert feedback and all(
        "BEGIN HIDDEN TESTS" not in f.read_text(encoding="utf-8") for f in feedback
    )


def test_demo_headline_numbers_come_from_the_data(full_demo):
    out, _code, printed = full_demo
    posts = pd.read_csv(out / "data" / "posts.csv")
    nonprofit = posts[posts["client"] == "nonprofit"]
    assert f"{len(nonprofit):,}" in printed
    engagements = nonprofit[["reactions", "comments", "shares", "saves"]].to_numpy().sum()
    assert f"{engagements / nonprofit['reach'].sum():.2%}" in printed


def test_demo_refreshes_its_own_folder(tmp_path, capsys):
    out = tmp_path / "demo"
    assert main(["demo", "--out", str(out), "--no-grading"]) == 0
    # Run again in Bengali: the same folder is refreshed, and the demo speaks Bengali.
    assert main(["demo", "--out", str(out), "--no-grading", "--lang", "bn"]) == 0
    assert (out / MARKER).is_file()
    printed = capsys.readouterr().out
    assert "SMM Lab ডেমো" in printed and "রিপোর্টটি পড়তে ব্রাউজারে" in printed
    assert '<html lang="bn">' in (out / "report" / "report.html").read_text(encoding="utf-8")


def test_demo_refuses_a_folder_holding_other_files(tmp_path, capsys):
    out = tmp_path / "my-course"
    out.mkdir()
    (out / "notes.md").write_text("my work", encoding="utf-8")
    assert main(["demo", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "holds files the demo did not make" in err and "--out" in err
    assert (out / "notes.md").read_text(encoding="utf-8") == "my work"
    assert sorted(p.name for p in out.iterdir()) == ["notes.md"]


def test_demo_for_a_learner_generates_their_own_data(tmp_path):
    out = tmp_path / "learner"
    assert (
        main(
            [
                "demo",
                "--out",
                str(out),
                "--learner",
                "learner-042",
                "--posts",
                "1500",
                "--no-grading",
            ]
        )
        == 0
    )
    posts = pd.read_csv(out / "data" / "posts.csv")
    assert len(posts) == 1500


@pytest.mark.slow
def test_smm_course_command_is_installed():
    result = subprocess.run(
        [sys.executable, "-m", "smm_helpers.cli", "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0 and "demo" in result.stdout
