"""Translated lessons stay in step with the English: catalogs keyed by cell, built notebooks.

The machinery is tried on a small lesson in a temporary folder (translate, build, change
the English, see the translation go fuzzy, fix it, rebuild); then every catalog the course
has is checked the same way.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from smm_helpers import lab
from smm_helpers.errors import InputError
from smm_helpers.i18n import lessons as tr


def _lesson(folder: Path, heading: str = "# Lesson 99 · Test") -> Path:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    notebook.cells = [
        nbformat.v4.new_markdown_cell(heading, id="t-title"),
        nbformat.v4.new_code_cell("x = 1", id="t-code"),
        nbformat.v4.new_markdown_cell(
            "See [the sources](sources.md#meta-views-2025).", id="t-link"
        ),
    ]
    path = folder / "99-test.ipynb"
    nbformat.write(notebook, path)
    return path


def _translate(path: Path, texts: dict[str, str]) -> None:
    entries = [
        tr.Entry(e.cell_id, e.english, texts.get(e.cell_id, e.text), False, None)
        for e in tr.read_catalog(path).values()
    ]
    tr.write_catalog(path, "99-test", "bn", entries)


def test_a_lesson_is_translated_built_and_kept_in_step(tmp_path):
    lesson = _lesson(tmp_path)
    catalog = tr.update_catalog(lesson, "bn")
    assert tr.catalog_problems(lesson, "bn") == [
        "cell t-title has no translation yet",
        "cell t-link has no translation yet",
    ]
    with pytest.raises(InputError, match="catalog is not complete"):
        tr.build(lesson, "bn")

    _translate(
        catalog, {"t-title": "# পাঠ ৯৯ · পরীক্ষা", "t-link": "দেখুন [উৎস](sources.md#meta-views-2025)।"}
    )
    built = tr.build(lesson, "bn")
    assert built == tmp_path / "bn" / "99-test.ipynb"
    assert tr.problems(lesson, "bn") == []
    notebook = nbformat.read(built, as_version=4)
    assert [c.id for c in notebook.cells] == ["t-title", "t-code", "t-link"]
    assert notebook.cells[0].source == "# পাঠ ৯৯ · পরীক্ষা\n\n" + tr.GLOSSARY_LINE["bn"]
    assert notebook.cells[1].source == tr.LANGUAGE_LINE["bn"] + "\nx = 1"
    assert "](../sources.md#meta-views-2025)" in notebook.cells[2].source

    # The English changes: the translation is kept but marked fuzzy, with the old English.
    _lesson(tmp_path, heading="# Lesson 99 · A better test")
    assert tr.catalog_problems(lesson, "bn") == [
        "cell t-title changed in English since it was translated"
    ]
    tr.update_catalog(lesson, "bn")
    entry = tr.read_catalog(catalog)["t-title"]
    assert entry.fuzzy and entry.previous == "# Lesson 99 · Test"
    assert entry.text == "# পাঠ ৯৯ · পরীক্ষা"
    assert "marked fuzzy" in tr.catalog_problems(lesson, "bn")[0]
    assert "#| msgid" in catalog.read_text(encoding="utf-8")

    _translate(catalog, {"t-title": "# পাঠ ৯৯ · আরও ভালো পরীক্ষা"})
    assert "differs from what its catalog builds" in tr.problems(lesson, "bn")[0]
    tr.build(lesson, "bn")
    assert tr.problems(lesson, "bn") == []


def test_update_is_stable_and_keeps_translations(tmp_path):
    lesson = _lesson(tmp_path)
    catalog = tr.update_catalog(lesson, "bn")
    _translate(catalog, {"t-title": "# পাঠ ৯৯"})
    before = catalog.read_text(encoding="utf-8")
    tr.update_catalog(lesson, "bn")
    assert catalog.read_text(encoding="utf-8") == before


@pytest.mark.parametrize(
    "lesson",
    tr.translated_lessons(lab.LESSONS_DIR, "bn") or [None],
    ids=lambda p: getattr(p, "stem", "none-yet"),
)
def test_every_translated_lesson_is_complete_and_built(lesson):
    if lesson is None:
        pytest.skip("no lesson has a Bengali catalog yet")
    assert tr.problems(lesson, "bn") == []
    built = nbformat.read(tr.built_path(lesson, "bn"), as_version=4)
    assert "](glossary.md)" in built.cells[0].source
    assert (tr.built_path(lesson, "bn").parent / "glossary.md").is_file()


def test_the_glossary_page_is_built_from_the_glossary():
    from smm_helpers.i18n.glossary import PAGE_NAME, glossary_page, load_glossary

    page = (lab.LESSONS_DIR / "bn" / PAGE_NAME).read_text(encoding="utf-8")
    assert page == glossary_page(), "rebuild it: python -m smm_helpers.i18n.lessons build"
    for term in load_glossary().values():
        assert f"| {term.bn} | {term.en} |" in page.replace("\\|", "|")


def test_a_long_changed_cell_keeps_its_whole_old_english(tmp_path):
    """Babel may write several quoted pieces on one ``#| msgid`` line; all are read back."""
    long_heading = "# Lesson 99 · " + 'A test with "quotes" and words. ' * 6 + "\nSecond line\n"
    lesson = _lesson(tmp_path, heading=long_heading)
    catalog = tr.update_catalog(lesson, "bn")
    _translate(catalog, {"t-title": "# পাঠ ৯৯", "t-link": "দেখুন।"})
    _lesson(tmp_path, heading="# Lesson 99 · Shorter")
    tr.update_catalog(lesson, "bn")
    assert tr.read_catalog(catalog)["t-title"].previous == long_heading
