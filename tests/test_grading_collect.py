"""Collecting an LMS download: every file placed or reported, no submission lost."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO

A = "01-platforms-and-planning"
SAMPLES = REPO / "course" / "samples" / A


@pytest.fixture
def course(tmp_path: Path):
    from smm_helpers.grading.course import open_course
    from smm_helpers.grading.demo import RUNTIME

    shutil.copytree(REPO / "course", tmp_path / "course", ignore=shutil.ignore_patterns(*RUNTIME))
    shutil.copytree(REPO / "assignments" / A, tmp_path / "assignments" / A)
    return open_course(tmp_path / "course")


def test_collect_from_lms_folder_reports_bad_names_and_unknown_learners(course, tmp_path):
    from smm_helpers.grading.collect import collect_from_folder

    lms = tmp_path / "lms"
    lms.mkdir()
    shutil.copy(SAMPLES / "all-correct" / f"{A}.ipynb", lms / f"sample-all-correct_{A}.ipynb")
    shutil.copy(SAMPLES / "all-correct" / f"{A}.ipynb", lms / f"zz9999_{A}.ipynb")
    shutil.copy(SAMPLES / "all-correct" / f"{A}.ipynb", lms / "Untitled.ipynb")
    (lms / "sample-partial").mkdir()
    shutil.copy(SAMPLES / "partial" / f"{A}.ipynb", lms / "sample-partial" / f"{A}.ipynb")
    shutil.copy(SAMPLES / "corrupted" / f"{A}.ipynb", lms / f"sample-corrupted_{A}.ipynb")
    lines: list[str] = []
    report = collect_from_folder(course, A, lms, echo=lines.append)
    assert report.collected == ["sample-all-correct", "sample-corrupted", "sample-partial"]
    assert (course.path("submitted") / "sample-partial" / A / f"{A}.ipynb").is_file()
    kinds = sorted((p.kind, p.learner) for p in report.problems)
    assert kinds == [("corrupted", "sample-corrupted"), ("unknown learner", "zz9999"),
                     ("wrong filename", None)]
    assert (lms / f"zz9999_{A}.ipynb").exists() and (lms / "Untitled.ipynb").exists()
    assert any("not on roster.csv" in line for line in lines)


def test_collecting_again_keeps_the_older_submission(course, tmp_path):
    from smm_helpers.grading.collect import collect_from_folder

    lms = tmp_path / "lms"
    lms.mkdir()
    first = lms / f"sample-partial_{A}.ipynb"
    shutil.copy(SAMPLES / "partial" / f"{A}.ipynb", first)
    collect_from_folder(course, A, lms, echo=lambda _: None)
    shutil.copy(SAMPLES / "all-correct" / f"{A}.ipynb", first)
    report = collect_from_folder(course, A, lms, echo=lambda _: None)
    [kept] = report.archived
    assert (kept / f"{A}.ipynb").read_bytes() == (SAMPLES / "partial" / f"{A}.ipynb").read_bytes()
    now = course.path("submitted") / "sample-partial" / A / f"{A}.ipynb"
    assert now.read_bytes() == (SAMPLES / "all-correct" / f"{A}.ipynb").read_bytes()
