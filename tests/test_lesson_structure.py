"""Every lesson follows the course's lesson contract (see lessons/README.md and STYLE.md).

- The first cell is a markdown title ``# Lesson NN · Title`` whose NN is the file's number.
- Before the first code cell: an objectives cell ("By the end of this lesson you can…" and
  at least two bullets) and an ``Estimated time: N minutes`` line.
- **One setup cell**: the first code cell holds the imports and comes before the first
  ``##`` section; no other code cell imports anything.
- Short teaching cells: at most ``MAX_CODE_LINES`` non-blank lines (the setup cell may
  have ``MAX_SETUP_LINES``).
- ``## Exercises``, then at least three code cells calling ``check("<lesson id>", "qN",
  ...)`` with distinct question ids that exist in the registry, each keeping a ``...``
  placeholder for the learner (``answer = ...``, or ``"..."`` for text); every registered
  question is used somewhere in the lesson.
- ``## Further reading`` is the last heading and lists at least two sources.
- lessons/README.md's learning-path table matches the notebooks' titles and times.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import nbformat
import pytest

from smm_helpers import lab
from smm_helpers.checks import questions
from smm_helpers.checks.core import registry

MAX_CODE_LINES = 12
MAX_SETUP_LINES = 20
MIN_EXERCISES = 3

LESSONS = lab.lesson_files()
README = lab.LESSONS_DIR / "README.md"

HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*$", re.MULTILINE)
BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\S", re.MULTILINE)
CALL = re.compile(r"\b(check|quiz)\(\s*[\"']([^\"']+)[\"']\s*,\s*[\"']([^\"']+)[\"']")
PLACEHOLDER = re.compile(r"(?:=|\(|,)\s*([\"']?)\.\.\.\1\s*(?:[),#]|$)", re.MULTILINE)
"""A learner's placeholder: ``answer = ...`` (or ``answer = "..."`` for a text answer)."""


def read(path: Path) -> Any:
    return nbformat.read(path, as_version=4)


def code_lines(source: str) -> list[str]:
    return [line for line in source.splitlines() if line.strip()]


def imports_in(source: str) -> bool:
    """Whether a code cell imports anything (IPython magics and shell lines ignored)."""
    python = "\n".join(
        "" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines()
    )
    try:
        tree = ast.parse(python)
    except SyntaxError:
        return bool(re.search(r"^\s*(import|from\s+\S+\s+import)\s", python, re.MULTILINE))
    return any(isinstance(node, ast.Import | ast.ImportFrom) for node in ast.walk(tree))


def headings(nb: Any) -> list[tuple[int, int, str]]:
    """(cell index, level, text) of every markdown heading, in order."""
    found = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            found += [(index, len(m.group(1)), m.group(2)) for m in HEADING.finditer(cell.source)]
    return found


def section_start(nb: Any, title: str) -> int:
    """The index of the markdown cell holding the ``## title`` heading."""
    for index, level, text in headings(nb):
        if level == 2 and text.strip().lower() == title.lower():
            return index
    pytest.fail(f"the lesson has no '## {title}' heading")


def first_code_index(nb: Any) -> int:
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            return index
    pytest.fail("the lesson has no code cell")


@pytest.fixture(params=LESSONS, ids=[p.stem for p in LESSONS])
def lesson(request: pytest.FixtureRequest) -> tuple[str, Any]:
    return request.param.stem, read(request.param)


def test_lesson_files_are_named_with_a_number_and_a_slug() -> None:
    numbers = [p.name[:2] for p in LESSONS]
    assert len(numbers) == len(set(numbers)), f"two lessons share a number: {numbers}"
    strays = sorted(p.name for p in lab.LESSONS_DIR.glob("*.ipynb") if p not in LESSONS)
    assert not strays, f"notebooks not named NN-slug.ipynb (lowercase, dashes): {strays}"


def test_title_cell_names_the_lessons_number(lesson: tuple[str, Any]) -> None:
    lesson_id, nb = lesson
    first = nb.cells[0]
    assert first.cell_type == "markdown", "the first cell must be the markdown title"
    line = (first.source.strip().splitlines() or [""])[0]
    title = lab.TITLE.match(line)
    assert title, f"the first line should look like '# Lesson 03 · Title', not {line!r}"
    assert title.group("number") == lesson_id[:2], (
        f"the title says lesson {title.group('number')}, the file is {lesson_id}"
    )


def test_objectives_and_estimated_time_come_before_the_code(lesson: tuple[str, Any]) -> None:
    _, nb = lesson
    intro = "\n".join(
        c.source for c in nb.cells[: first_code_index(nb)] if c.cell_type == "markdown"
    )
    assert "By the end of this lesson you can" in intro, "no objectives before the setup cell"
    objectives = intro.split("By the end of this lesson you can", 1)[1]
    assert len(BULLET.findall(objectives)) >= 2, "list at least two objectives as bullets"
    assert lab.ESTIMATED_TIME.search(intro), "no 'Estimated time: N minutes' line"


def test_exactly_one_setup_cell_holds_the_imports(lesson: tuple[str, Any]) -> None:
    _, nb = lesson
    setup = first_code_index(nb)
    assert imports_in(nb.cells[setup].source), "the first code cell (setup) imports nothing"
    sections = [index for index, level, _ in headings(nb) if level == 2]
    assert not sections or setup < sections[0], (
        "the setup cell must come before the first '##' section"
    )
    importing = [
        index
        for index, cell in enumerate(nb.cells)
        if cell.cell_type == "code" and index != setup and imports_in(cell.source)
    ]
    assert not importing, (
        "only the setup cell may import; move these imports there:\n"
        + "\n---\n".join(nb.cells[i].source for i in importing)
    )


def test_code_cells_are_short(lesson: tuple[str, Any]) -> None:
    _, nb = lesson
    setup = first_code_index(nb)
    long = [
        cell.source
        for index, cell in enumerate(nb.cells)
        if cell.cell_type == "code"
        and len(code_lines(cell.source)) > (MAX_SETUP_LINES if index == setup else MAX_CODE_LINES)
    ]
    assert not long, (
        f"code cells longer than {MAX_CODE_LINES} lines (setup "
        f"{MAX_SETUP_LINES}); split them:\n" + "\n---\n".join(long)
    )


def test_exercises_check_distinct_registered_questions(lesson: tuple[str, Any]) -> None:
    lesson_id, nb = lesson
    start = section_start(nb, "Exercises")
    end = section_start(nb, "Further reading")
    cells = [c for c in nb.cells[start:end] if c.cell_type == "code"]
    checked = [
        (cell, [m for m in CALL.finditer(cell.source) if m.group(1) == "check"]) for cell in cells
    ]
    checked = [(cell, calls) for cell, calls in checked if calls]
    assert len(checked) >= MIN_EXERCISES, (
        f"'## Exercises' needs at least {MIN_EXERCISES} code cells calling "
        f"check({lesson_id!r}, 'qN', answer); found {len(checked)}"
    )
    ids = [m.group(3) for _, calls in checked for m in calls]
    assert len(ids) == len(set(ids)), f"an exercise checks the same question twice: {ids}"
    known = questions(lesson_id)
    assert not set(ids) - set(known), (
        f"these questions are not in the registry: {sorted(set(ids) - set(known))}; "
        f"it has {sorted(known)}"
    )
    for cell, _ in checked:
        assert PLACEHOLDER.search(cell.source), (
            "keep a '...' placeholder for the learner (e.g. answer = ...) in:\n" + cell.source
        )


def test_every_check_names_this_lesson_and_every_question_is_used(lesson: tuple[str, Any]) -> None:
    lesson_id, nb = lesson
    calls = [m for cell in nb.cells if cell.cell_type == "code" for m in CALL.finditer(cell.source)]
    others = sorted({m.group(0) for m in calls if m.group(2) != lesson_id})
    assert not others, f"calls that name another lesson than {lesson_id!r}: {others}"
    unused = sorted(set(questions(lesson_id)) - {m.group(3) for m in calls})
    assert not unused, f"registered questions the lesson never asks: {unused}"


def test_further_reading_is_last_and_names_sources(lesson: tuple[str, Any]) -> None:
    _, nb = lesson
    found = headings(nb)
    assert found, "the lesson has no headings"
    index, level, text = found[-1]
    assert (level, text.strip().lower()) == (2, "further reading"), (
        f"the last heading must be '## Further reading', not {'#' * level} {text}"
    )
    after = nb.cells[index].source.split(text, 1)[1]
    after += "\n".join(c.source for c in nb.cells[index + 1 :] if c.cell_type == "markdown")
    assert len(BULLET.findall(after)) >= 2, "list at least two sources under Further reading"


def test_every_lesson_with_checks_has_a_notebook() -> None:
    stems = {p.stem for p in LESSONS}
    missing = sorted(set(registry()) - stems)
    assert not missing, f"self-checks for lessons without a notebook: {missing}"


# --- the learning path in lessons/README.md -------------------------------------------------

TABLE = re.compile(r"<!-- lessons-table -->\n(.*?)\n<!-- /lessons-table -->", re.DOTALL)


def test_readme_learning_path_matches_the_notebooks() -> None:
    assert README.is_file(), "lessons/README.md is missing"
    found = TABLE.search(README.read_text(encoding="utf-8"))
    assert found, "lessons/README.md has no table between <!-- lessons-table --> markers"
    expected = lab.lessons_table()
    assert found.group(1).strip() == expected, (
        "lessons/README.md's table is out of date; replace it with the output of "
        "`python -m smm_helpers.lab --table`:\n" + expected
    )


def test_readme_table_gives_every_lesson_a_time() -> None:
    untimed = [info.id for info in lab.lesson_index() if info.minutes is None]
    assert not untimed, f"lessons without an 'Estimated time: N minutes' line: {untimed}"
