"""Collecting an LMS download: every file placed or reported, no submission lost."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, in_time

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
    assert kinds == [
        ("corrupted", "sample-corrupted"),
        ("unknown learner", "zz9999"),
        ("wrong filename", None),
    ]
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


def test_a_submission_handed_in_from_another_learners_account_is_not_collected(
    course, tmp_path, monkeypatch
):
    """On a shared exchange each learner submits from their own account: one named for
    sample-partial but owned by sample-all-wrong's account stays in the exchange, and
    sample-partial's own (older) submission is the one collected.  sample-blank's own
    submission is collected too, but (put in the exchange today with September's time) it
    is reported as claiming an earlier time than it last changed."""
    from smm_helpers.grading import collect
    from smm_helpers.grading.demo import submit_sample
    from smm_helpers.grading.release import release

    release(course, A, echo=lambda _: None)
    inbound = course.exchange_dir / course.course_id / "inbound"
    own = submit_sample(inbound, "sample-partial", A, SAMPLES / "partial")
    forged = inbound / f"sample-partial+{A}+2026-10-01 09:00:00 UTC"  # newer than own
    shutil.copytree(SAMPLES / "all-correct", forged)
    (forged / "timestamp.txt").write_text("2026-10-01 09:00:00 UTC")
    honest = submit_sample(inbound, "sample-blank", A, SAMPLES / "blank")
    owners = {forged.name: "sample-all-wrong", honest.name: "sample-blank"}
    monkeypatch.setattr(collect, "file_owner", lambda path: owners.get(Path(path).name))

    lines: list[str] = []
    report = collect.collect_from_exchange(course, A, echo=lines.append)

    assert report.collected == ["sample-blank", "sample-partial"]
    got = course.path("submitted") / "sample-partial" / A / f"{A}.ipynb"
    assert got.read_bytes() == (own / f"{A}.ipynb").read_bytes()
    problem, backdated = sorted(report.problems, key=lambda p: p.kind, reverse=True)
    assert (problem.kind, problem.learner) == ("wrong owner", "sample-partial")
    assert "sample-all-wrong's account" in problem.message and forged.is_dir()
    assert (backdated.kind, backdated.learner) == ("timestamp", "sample-blank")
    assert any("was not collected" in line for line in lines)


def test_an_account_that_is_not_a_learner_is_trusted_as_before(tmp_path, monkeypatch):
    from smm_helpers.grading import collect

    monkeypatch.setattr(collect, "file_owner", lambda path: "jdoe")
    assert collect.impostor(tmp_path, "ar1001", {"ar1001", "bo2002"}) is None
    monkeypatch.setattr(collect, "file_owner", lambda path: "bo2002")
    assert collect.impostor(tmp_path, "ar1001", {"ar1001", "bo2002"}) == "bo2002"


def test_an_exchange_submission_is_copied_without_links_pipes_or_files_over_the_limit(
    course, tmp_path
):
    """nbgrader's own collect would follow the link (copying the gradebook with the
    instructor's rights), wait for ever on the named pipe and stop the whole collect at a
    submission over ``max_dir_size``; each is left in the exchange and reported."""
    import os

    from smm_helpers.grading.collect import collect_from_exchange
    from smm_helpers.grading.demo import submit_sample
    from smm_helpers.grading.release import release

    with (course.folder / "nbgrader_config.py").open("a") as config:
        config.write(
            "\nc.CourseDirectory.max_file_size = 50  # kB\n"
            "c.CourseDirectory.max_dir_size = 200  # kB\n"
        )
    from smm_helpers.grading.course import open_course

    course = open_course(course.folder)
    release(course, A, echo=lambda _: None)
    inbound = course.exchange_dir / course.course_id / "inbound"
    tricky = submit_sample(inbound, "sample-partial", A, SAMPLES / "partial")
    (tricky / "gradebook.db").symlink_to(course.folder / "gradebook.db")
    os.mkfifo(tricky / "answers.csv")
    (tricky / "big.csv").write_bytes(b"x" * 60_000)
    huge = submit_sample(inbound, "sample-blank", A, SAMPLES / "blank")
    for number in range(5):
        (huge / f"part-{number}.csv").write_bytes(b"x" * 45_000)
    honest = submit_sample(inbound, "sample-all-correct", A, SAMPLES / "all-correct")

    lines: list[str] = []
    report = in_time(lambda: collect_from_exchange(course, A, echo=lines.append), 60)

    assert report.collected == ["sample-all-correct", "sample-partial"]
    got = course.path("submitted") / "sample-partial" / A
    handed_in = {p.name for p in tricky.iterdir()}  # as nbgrader's submit lays it out
    assert {p.name for p in got.iterdir()} == handed_in - {"gradebook.db", "answers.csv", "big.csv"}
    assert {f"{A}.ipynb", "timestamp.txt"} <= handed_in
    assert not (course.path("submitted") / "sample-blank" / A).exists()
    found = sorted((p.kind, p.learner, p.message.split(",")[0]) for p in report.problems)
    assert found == [
        ("blocked file access", "sample-partial", "the submission holds answers.csv"),
        ("blocked file access", "sample-partial", "the submission holds gradebook.db"),
        (
            "too large",
            "sample-blank",
            f"the submission {huge.name} is over the limit of 195 KB for a whole folder",
        ),
        ("too large", "sample-partial", "big.csv is over the limit of 48 KB (it holds 58 KB)"),
    ]
    assert any("links are not collected" in p.message for p in report.problems)
    # the exchange is left as the learners handed it in
    assert (tricky / "gradebook.db").is_symlink() and (tricky / "answers.csv").exists()
    assert honest.is_dir() and huge.is_dir()


def test_an_lms_download_with_links_and_pipes_collects_only_the_notebooks(course, tmp_path):
    import os

    from smm_helpers.grading.collect import collect_from_folder

    lms = tmp_path / "lms"
    lms.mkdir()
    shutil.copy(SAMPLES / "all-correct" / f"{A}.ipynb", lms / f"sample-all-correct_{A}.ipynb")
    os.mkfifo(lms / f"sample-partial_{A}.ipynb")
    (lms / f"sample-blank_{A}.ipynb").symlink_to(course.folder / "gradebook.db")
    (lms / "sample-late").symlink_to(course.folder, target_is_directory=True)
    report = in_time(lambda: collect_from_folder(course, A, lms, echo=lambda _: None), 60)
    assert report.collected == ["sample-all-correct"]
    kinds = sorted((p.kind, p.learner) for p in report.problems)
    assert kinds == [
        ("blocked file access", "sample-blank"),
        ("blocked file access", "sample-late"),
        ("blocked file access", "sample-partial"),
    ]
    assert not (course.path("submitted") / "sample-partial").exists()
    assert not (course.path("submitted") / "sample-late" / A).exists()
