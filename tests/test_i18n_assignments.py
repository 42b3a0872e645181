"""Assignments in Bengali: the same tests and points, Bengali instructions, messages and feedback.

One class is released in Bengali (``release(..., language="bn")``) and graded for real; its
results are checked many ways: the student version, nbgrader's own validation of it, the
scores against the same answers in English, the learners' messages and the feedback pages.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import nbformat
import pytest

from smm_helpers.errors import DataError, InputError
from smm_helpers.grading import languages
from smm_helpers.i18n import assignments as tr
from smm_helpers.i18n.cell_catalog import read_catalog
from tests.conftest import REPO
from tests.grading_class import SAMPLES, copy_course

A = "01-platforms-and-planning"
BENGALI = re.compile(r"[\u0980-\u09FF]")
BENGALI_GOAL = (
    'bengali = {"facebook": "ফেসবুকে", "instagram": "ইনস্টাগ্রামে", "x": "এক্সে (টুইটার)",\n'
    '           "linkedin": "লিংকডইনে", "youtube": "ইউটিউবে", "tiktok": "টিকটকে"}\n'
    'smart_goal = (f"৩০ জুন ২০২৭-এর মধ্যে আলো পাঠচক্রের {bengali[best_platform]} ফলোয়ার "\n'
    '              "৫,০০০ থেকে ৫,৬০০ করা, নতুন স্বেচ্ছাসেবক পেতে")'
)
ENGLISH_SENTENCE = re.compile(r"\b[A-Za-z]{3,}(?: [a-z]{2,}){3,}")


def _notebook(path: Path) -> Any:
    return nbformat.read(path, as_version=4)


def _with_answers(student: Any, sample: Path) -> Any:
    """The student version with each answer cell's source taken from a sample submission."""
    answers = {
        c.metadata["nbgrader"]["grade_id"]: c.source
        for c in _notebook(sample).cells
        if c.metadata.get("nbgrader", {}).get("solution")
    }
    filled = nbformat.from_dict(json.loads(json.dumps(student)))
    for cell in filled.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if cell.metadata.get("nbgrader", {}).get("solution") and grade_id in answers:
            cell.source = answers[grade_id]
    return filled


@pytest.fixture(scope="module")
def bengali_class(tmp_path_factory):
    """(course, English student version, Bengali student version, autograde report,
    feedback pages, what was printed) for a class released in Bengali."""
    from smm_helpers.grading.autograde import autograde
    from smm_helpers.grading.collect import collect_from_exchange
    from smm_helpers.grading.demo import submit_sample
    from smm_helpers.grading.feedback import feedback
    from smm_helpers.grading.release import outbound_folder, release

    root = tmp_path_factory.mktemp("bn-class")
    course = copy_course(root)
    learners = [
        f"{who}-{outcome}" for who in ("bn", "sample") for outcome in ("all-correct", "partial")
    ] + ["bn-bengali-goal"]
    with course.roster_file.open("a", encoding="utf-8") as roster:
        roster.writelines(
            f"{learner},Bengali,Learner,\n" for learner in learners if learner.startswith("bn-")
        )
    lines: list[str] = []
    release(course, A, lines.append)
    english = _notebook(outbound_folder(course, A) / f"{A}.ipynb")
    release(course, A, lines.append, language="bn")
    bengali = _notebook(outbound_folder(course, A) / f"{A}.ipynb")
    inbound = course.exchange_dir / course.course_id / "inbound"
    for outcome in ("all-correct", "partial"):
        folder = root / "handed-in" / outcome
        folder.mkdir(parents=True)
        nbformat.write(
            _with_answers(bengali, SAMPLES / A / outcome / f"{A}.ipynb"), folder / f"{A}.ipynb"
        )
        submit_sample(inbound, f"bn-{outcome}", A, folder)
        submit_sample(inbound, f"sample-{outcome}", A, SAMPLES / A / outcome)
    # an honest goal written in Bengali, naming the platform in Bengali with a case ending
    goal = _with_answers(bengali, SAMPLES / A / "all-correct" / f"{A}.ipynb")
    answer = next(
        c
        for c in goal.cells
        if c.metadata.get("nbgrader", {}).get("grade_id") == "smart_goal_answer"
    )
    answer.source = BENGALI_GOAL
    folder = root / "handed-in" / "bengali-goal"
    folder.mkdir(parents=True)
    nbformat.write(goal, folder / f"{A}.ipynb")
    submit_sample(inbound, "bn-bengali-goal", A, folder)
    collect_from_exchange(course, A, lines.append)
    report = autograde(course, A, learners=learners, echo=lines.append, timeout=60)
    pages = feedback(course, A, echo=lines.append)
    return course, english, bengali, report, pages, lines


def test_the_bengali_release_is_the_english_one_with_bengali_instructions(bengali_class):
    course, english, bengali, *_ = bengali_class
    entries = read_catalog(tr.catalog_path(course.source_dir / A / f"{A}.ipynb", "bn"))
    language_cell = next(c for c in bengali.cells if c.cell_type == "code")
    assert "nbgrader" not in language_cell.metadata
    assert 'use_language("bn")' in language_cell.source
    kept = [c for c in bengali.cells if c is not language_cell]
    assert [(c.id, c.cell_type) for c in kept] == [(c.id, c.cell_type) for c in english.cells]
    for mine, theirs in zip(kept, english.cells, strict=True):
        if tr.is_text_cell(mine):
            assert mine.source == entries[mine.id].text and BENGALI.search(mine.source)
            assert {
                k: v for k, v in mine.metadata.get("nbgrader", {}).items() if k != "checksum"
            } == {k: v for k, v in theirs.metadata.get("nbgrader", {}).items() if k != "checksum"}
        else:  # code, answers and points exactly the English student version's
            assert mine.source == theirs.source and mine.metadata == theirs.metadata
    assert languages.released_language(course.folder, A) == "bn"


def test_nbgrader_validate_finds_no_changed_cell_in_the_bengali_release(bengali_class, tmp_path):
    from nbgrader.validator import Validator

    _, _, bengali, *_ = bengali_class
    path = tmp_path / f"{A}.ipynb"
    nbformat.write(bengali, path)
    results = Validator().validate(str(path))
    assert not results.get("changed") and not results.get("type_changed"), results


def test_same_answers_earn_the_same_points_in_bengali_and_nothing_is_flagged(bengali_class):
    report = bengali_class[3]
    for outcome in ("all-correct", "partial"):
        bengali, english = report.row(f"bn-{outcome}"), report.row(f"sample-{outcome}")
        assert bengali.shown_score == english.shown_score, report.table()
    assert report.row("bn-all-correct").shown_score == "7 auto + 3 pending / 10"
    assert report.row("bn-bengali-goal").shown_score == "7 auto + 3 pending / 10"
    assert not report.problems, report.table()


def test_a_wrong_answer_gets_its_message_and_hint_in_bengali(bengali_class):
    course, *_ = bengali_class
    graded = _notebook(course.path("autograded") / "bn-partial" / A / f"{A}.ipynb")
    errors = [
        o for c in graded.cells for o in c.get("outputs", []) if o.get("output_type") == "error"
    ]
    assert errors, "the partial answers fail some tests"
    for error in errors:
        assert BENGALI.search(error["evalue"]), error["evalue"]
        assert "Hint:" not in error["evalue"] and "Not yet" not in error["evalue"]
        assert not ENGLISH_SENTENCE.search(error["evalue"]), error["evalue"]  # hints too


def test_the_feedback_page_is_in_bengali_and_keeps_hidden_tests_hidden(bengali_class):
    from smm_helpers.grading.feedback import hidden_lines, leaks

    course, _, bengali, _, pages, _ = bengali_class
    page = next(p for p in pages if "bn-partial" in p.parts)
    text = page.read_text(encoding="utf-8")
    title = next(c.source for c in bengali.cells if tr.is_text_cell(c)).splitlines()[0]
    assert title.lstrip("# ").strip() in text
    assert "ইঙ্গিত:" in text  # the hint label of the checks' messages
    assert '<html lang="bn">' in text and "(নম্বর: " in text  # nbgrader's own words too
    assert "Score:" not in text and ">Test cell<" not in text
    assert not leaks(text, hidden_lines(course.source_dir / A / f"{A}.ipynb"))


def test_an_unfinished_translation_is_refused_before_anything_is_released(tmp_path):
    from smm_helpers.grading.release import release, release_folder

    course = copy_course(tmp_path)
    source = course.source_dir / A / f"{A}.ipynb"
    catalog = tr.catalog_path(source, "bn")
    catalog.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(tr.catalog_path(REPO / "assignments" / A / f"{A}.ipynb", "bn"), catalog)
    notebook = _notebook(source)
    notebook.cells[0].source += "\n\nA new sentence nobody has translated yet."
    nbformat.write(notebook, source)
    with pytest.raises(InputError) as caught:
        release(course, A, language="bn")
    message = str(caught.value)
    assert f"{A} cannot be released in Bengali" in message
    assert "changed in English since it was translated" in message
    assert "python -m smm_helpers.i18n.assignments update" in message
    assert not release_folder(course, A).exists()
    assert languages.released_language(course.folder, A) == "en"


def test_a_broken_languages_file_names_its_line(tmp_path):
    (tmp_path / languages.LANGUAGES_FILE).write_text("assignment,language\n02-policy,fr\n")
    with pytest.raises(DataError) as caught:
        languages.released_language(tmp_path, "02-policy")
    assert "line 2" in str(caught.value) and "'fr'" in str(caught.value)


@pytest.mark.parametrize(
    "notebook", sorted((REPO / "assignments").glob("*/*.ipynb")), ids=lambda p: p.stem
)
def test_every_assignment_has_a_complete_bengali_translation(notebook):
    found = tr.problems(notebook, "bn")
    assert not found, "\n".join(found[:10])
    entries = read_catalog(tr.catalog_path(notebook, "bn"))
    for entry in entries.values():  # prose in Bengali, code in backticks kept as it was
        assert BENGALI.search(entry.text), f"{entry.cell_id} is not in Bengali"
        assert _code_spans(entry.english) == _code_spans(entry.text), (
            f"{entry.cell_id}: code in backticks changed"
        )


def _code_spans(markdown: str) -> set[str]:
    """The inline code of a cell (a span may wrap onto the next line)."""
    return {" ".join(span.split()) for span in re.findall(r"`([^`]+)`", markdown)}
