"""The Bengali lessons' code cells speak Bengali: their comments and the sentences they show.

A Bengali lesson is built from the English one (see :mod:`smm_helpers.i18n.lessons`); a code
cell that prints a sentence of its own, or labels a chart, gets a code-cell entry in the
lesson's catalog: the same program with its comments and those strings in Bengali.

Two kinds of test:

- the *same program* rule (:func:`smm_helpers.i18n.cell_catalog.program_difference`): a
  translation may change comments and string text, nothing else.  It is tried on a small
  lesson in a temporary folder with translations that rename a variable, change a number,
  drop a placeholder, add a call, reorder placeholders or change a format spec (each refused
  by ``build``), and with one that translates a comment and a printed sentence (built);
- a scan of every built Bengali lesson: no comment and no shown string (an f-string, an
  argument of ``print``, a chart's title or labels) may hold an English sentence.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest

from smm_helpers import lab
from smm_helpers.errors import InputError
from smm_helpers.i18n import lessons as tr
from smm_helpers.i18n.cell_catalog import Entry, program_difference

# --- the same-program rule -----------------------------------------------------------------

ENGLISH = """\
# how many posts Alo published
count = len(posts) * 2
print(f"Alo published {count:,} posts in {year}.", sep="")
"""

ALLOWED = """\
# আলো কতগুলো পোস্ট দিয়েছে
count = len(posts) * 2
print(f"আলো {count:,}টি পোস্ট দিয়েছে, {year} সালে।", sep="")
"""

REFUSED = {
    "renames a variable": (ALLOWED.replace("count = len", "total = len"), "`count`"),
    "changes a number": (ALLOWED.replace("* 2", "* 3"), "`2` in English, `3`"),
    "drops a placeholder": (ALLOWED.replace(", {year} সালে", ""), "placeholders"),
    "adds a call": (ALLOWED + 'print("শেষ")\n', "only the translation has `print("),
    "adds an argument": (ALLOWED.replace('sep=""', 'sep="", end=""'), "end"),
    "reorders placeholders": (
        ALLOWED.replace(
            "আলো {count:,}টি পোস্ট দিয়েছে, {year} সালে", "{year} সালে আলো {count:,}টি পোস্ট দিয়েছে"
        ),
        "`count` in English, `year`",
    ),
    "changes a format spec": (ALLOWED.replace("{count:,}", "{count:.0f}"), "formatted"),
    "changes a keyword": (ALLOWED.replace('sep=""', 'end=""'), "line 3"),
    "does not parse": (ALLOWED.replace("len(posts)", "len(posts"), "does not parse"),
}


def test_a_translation_of_comments_and_sentences_is_the_same_program():
    assert program_difference(ENGLISH, ALLOWED) is None
    # A plain string may become an f-string without placeholders, and back; implicit
    # concatenation may be split differently.
    assert program_difference('x = ("a b " "c")', 'x = f"ক খ গ"') is None


@pytest.mark.parametrize("name", REFUSED)
def test_a_translation_that_changes_the_program_is_refused(name):
    translated, said = REFUSED[name]
    difference = program_difference(ENGLISH, translated)
    assert difference is not None and said in difference, difference


def _lesson(folder: Path, code: str = ENGLISH) -> Path:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# Lesson 99 · Test", id="t-title"),
        nbformat.v4.new_code_cell("posts, year = [1, 2], 2025", id="t-setup"),
        nbformat.v4.new_code_cell(code, id="t-count"),
    ]
    path = folder / "99-test.ipynb"
    nbformat.write(notebook, path)
    return path


def _translate(lesson: Path, code: str | None) -> Path:
    """Translate the title, and the code cell t-count as ``code`` (None: no entry)."""
    tr.update_catalog(lesson, "bn", add_code=["t-count"] if code is not None else [])
    path = tr.catalog_path(lesson, "bn")
    entries = [
        Entry(e.cell_id, e.english, (code or "") if e.cell_id == "t-count" else "# পাঠ ৯৯ · পরীক্ষা")
        for e in tr.read_catalog(path).values()
    ]
    tr.write_catalog(path, lesson.stem, "bn", entries)
    return path


def test_a_code_cell_entry_is_optional_and_builds_into_the_lesson(tmp_path):
    lesson = _lesson(tmp_path)
    catalog = _translate(lesson, None)
    assert set(tr.read_catalog(catalog)) == {"t-title"}
    assert tr.problems(lesson, "bn") == [f"{tr.built_path(lesson, 'bn')} is not built yet"]
    built = nbformat.read(tr.build(lesson, "bn"), as_version=4)
    assert built.cells[2].source == ENGLISH

    _translate(lesson, ALLOWED)
    assert "#. code cell: translate only" in catalog.read_text(encoding="utf-8")
    built = nbformat.read(tr.build(lesson, "bn"), as_version=4)
    assert built.cells[1].source == tr.LANGUAGE_LINE["bn"] + "\nposts, year = [1, 2], 2025"
    assert built.cells[2].source == ALLOWED
    assert tr.problems(lesson, "bn") == []


def test_an_empty_code_entry_stops_the_build(tmp_path):
    lesson = _lesson(tmp_path)
    _translate(lesson, "")
    assert tr.catalog_problems(lesson, "bn") == ["cell t-count has no translation yet"]
    with pytest.raises(InputError, match="t-count has no translation"):
        tr.build(lesson, "bn")


@pytest.mark.parametrize(
    "name", ["renames a variable", "changes a number", "drops a placeholder", "adds a call"]
)
def test_build_refuses_a_code_cell_that_is_not_the_same_program(tmp_path, name):
    lesson = _lesson(tmp_path)
    _translate(lesson, REFUSED[name][0])
    with pytest.raises(InputError) as caught:
        tr.build(lesson, "bn")
    message = str(caught.value)
    assert "99-test.ipynb, cell t-count" in message and "not the same program" in message
    assert REFUSED[name][1] in message
    assert any("t-count is not the same program" in p for p in tr.problems(lesson, "bn"))
    assert not tr.built_path(lesson, "bn").exists()


def test_update_keeps_code_entries_marks_them_fuzzy_and_drops_them(tmp_path):
    lesson = _lesson(tmp_path)
    catalog = _translate(lesson, ALLOWED)
    before = catalog.read_text(encoding="utf-8")
    tr.update_catalog(lesson, "bn")
    assert catalog.read_text(encoding="utf-8") == before  # stable

    changed = ENGLISH.replace("* 2", "* 4")
    _lesson(tmp_path, changed)
    assert tr.catalog_problems(lesson, "bn") == [
        "cell t-count changed in English since it was translated"
    ]
    tr.update_catalog(lesson, "bn")
    entry = tr.read_catalog(catalog)["t-count"]
    assert entry.fuzzy and entry.previous == ENGLISH and entry.english == changed
    assert entry.text == ALLOWED
    with pytest.raises(InputError, match="marked fuzzy"):
        tr.build(lesson, "bn")

    notebook = nbformat.read(lesson, as_version=4)
    notebook.cells = notebook.cells[:2]
    nbformat.write(notebook, lesson)
    tr.update_catalog(lesson, "bn")
    assert set(tr.read_catalog(catalog)) == {"t-title"}


def test_update_refuses_an_unknown_code_cell(tmp_path):
    lesson = _lesson(tmp_path)
    with pytest.raises(InputError, match="no code cell t-title"):
        tr.update_catalog(lesson, "bn", add_code=["t-title"])


# --- every built Bengali lesson ------------------------------------------------------------

ENGLISH_WORD = re.compile(r"(?<![\w.#/@{-])[A-Za-z][a-z]+(?:'[a-z]+)?(?![\w/@(}-])")
"""A word of English prose: letters, lower case after the first (so not an identifier such
as COMPLAINT_OPTIONS, a hashtag, a handle, a file name or a link)."""

SHOWN_KEYWORDS = {"title", "xlabel", "ylabel", "label", "alt_text"}
"""Keyword arguments whose string a learner sees (a chart's title, axis and legend labels)."""

SHOWN_NAMES = {"labels", "title", "alt_text"}
"""Names (or attributes) whose strings a learner sees when assigned."""

ALLOWED_ENGLISH = {
    ("09-community", "l09-code-24"): "it ends an English reply (reply_template's English "
    "praise reply to an English-writing supporter) with a line in the same language; the "
    "Bengali reply is the next cell, l09-code-25",
}
"""(lesson id, cell id) -> why the English stays; keep this short.  Data strings (column
names, captions and messages the checkers read) are not in shown positions, so need no entry."""


def english_words(text: str) -> list[str]:
    """The English prose words in ``text``.

    >>> english_words("{count} posts in {year}: COMPLAINT_OPTIONS #handmade @alo ok")
    ['posts', 'in', 'ok']
    """
    return ENGLISH_WORD.findall(text)


def shown_strings(source: str) -> Iterator[tuple[int, str]]:
    """(line, text) of every string a code cell shows a learner: the literal text of each
    f-string, the strings given to ``print``, and chart titles and labels.

    >>> list(shown_strings('print("a b", x)\\nf"{n} posts"\\nplot(title="T t", data="d")'))
    [(1, 'a b'), (2, '{} posts'), (3, 'T t')]
    """
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            yield (
                node.lineno,
                "".join(
                    str(part.value) if isinstance(part, ast.Constant) else "{}"
                    for part in node.values
                ),
            )
        elif isinstance(node, ast.Call):
            if isinstance(node.func, ast.Name) and node.func.id == "print":
                for argument in node.args:
                    yield from _plain_strings(argument)
            for keyword in node.keywords:
                if keyword.arg in SHOWN_KEYWORDS:
                    yield from _plain_strings(keyword.value)
        elif isinstance(node, ast.Assign) and any(
            getattr(target, "id", getattr(target, "attr", None)) in SHOWN_NAMES
            for target in node.targets
        ):
            yield from _plain_strings(node.value)


def _plain_strings(node: ast.AST) -> Iterator[tuple[int, str]]:
    """String constants of an expression built of strings (concatenations, lists, tuples,
    parentheses), not those inside calls or subscripts."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.lineno, node.value
    elif isinstance(node, ast.BinOp):
        yield from _plain_strings(node.left)
        yield from _plain_strings(node.right)
    elif isinstance(node, ast.List | ast.Tuple):
        for element in node.elts:
            yield from _plain_strings(element)


def comments(source: str) -> Iterator[tuple[int, str]]:
    """(line, text) of every comment of a code cell.

    >>> list(comments("x = 1  # one\\n# two"))
    [(1, '# one'), (2, '# two')]
    """
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            yield token.start[0], token.string


def english_in_code(source: str) -> list[str]:
    """Each comment with 2+ English words and each shown string with 3+, as found."""
    found = [
        f"line {line}: comment {text!r}"
        for line, text in comments(source)
        if len(english_words(text)) >= 2
    ]
    found += [
        f"line {line}: shown string {text!r}"
        for line, text in shown_strings(source)
        if len(english_words(text)) >= 3
    ]
    return found


BENGALI = tr.translated_lessons(lab.LESSONS_DIR, "bn")


@pytest.mark.parametrize("lesson", BENGALI, ids=[p.stem for p in BENGALI])
def test_bengali_lesson_code_cells_show_no_english_sentences(lesson):
    built = nbformat.read(tr.built_path(lesson, "bn"), as_version=4)
    found = []
    for cell in built.cells:
        if cell.cell_type == "code" and (lesson.stem, cell.id) not in ALLOWED_ENGLISH:
            found += [f"cell {cell.id}, {problem}" for problem in english_in_code(cell.source)]
    assert not found, (
        f"{lesson.stem}: English a learner reads in the Bengali lesson's code (give the cell "
        "a code-cell entry: python -m smm_helpers.i18n.lessons update "
        f"{lesson.stem} --code-cell ID):\n" + "\n".join(found)
    )


def test_the_scan_finds_english_in_an_untranslated_lesson_cell():
    english = lab.LESSONS_DIR / "00-orientation.ipynb"
    cells = {c.id: c.source for c in nbformat.read(english, as_version=4).cells}
    assert english_in_code(cells["l00-40"]), "the scan must see the English f-string"
    assert english_in_code("# your working here\nanswer = ...")
    assert not english_in_code('posts[["client", "platform"]].head()  # দেখুন')
