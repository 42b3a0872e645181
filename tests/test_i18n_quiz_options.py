"""A Bengali lesson's quiz shows its options in Bengali only where the check reads them as the
English ones.

A Bengali lesson is built from the English one (:mod:`smm_helpers.i18n.lessons`): its code
cells are the same program, but a translated cell may put its quiz's options, or the option a
``check(...)`` call is given, in Bengali.  A learner clicks or copies what the quiz shows, so
each option shown must be judged exactly as its English counterpart: the same verdict (right
stays right, wrong stays wrong, the same message and hint), and, for a choice question, read
as the same option.  The options are found by reading every ``quiz(lesson, question,
options)`` and ``check(lesson, question, answer)`` call of the built Bengali lessons and
pairing it with the call in the same place of the English cell with the same id.

Options computed in the lesson (``list(MESSAGE_CATEGORIES)``) cannot differ: their
expression must be the English one (the lessons' same-program rule), and they are shown as in
English.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

from smm_helpers import lab
from smm_helpers.checks import check, questions
from smm_helpers.checks.judges import _Forms, _normal
from smm_helpers.i18n import lessons as tr
from smm_helpers.i18n.cell_catalog import nfc
from smm_helpers.i18n.messages import in_language

LANGUAGE = "bn"
CALLS = {"quiz": "options", "check": "answer"}
"""The calls that show or take an option, and what their third argument is."""


@dataclass(frozen=True)
class Shown:
    """One option a Bengali lesson shows (or answers with), and the English option it stands
    for: ``where`` is "lesson file, cell id, call"."""

    where: str
    lesson: str
    question: str
    bengali: str
    english: str


def _calls(source: str) -> list[ast.Call]:
    """The ``quiz(...)`` and ``check(...)`` calls of a cell, in the order they are written."""
    try:
        tree = ast.parse(source)
    except SyntaxError:  # a cell of IPython magics: no calls to compare
        return []
    found = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in CALLS
        and len(node.args) == 3
    ]
    return sorted(found, key=lambda node: (node.lineno, node.col_offset))


def _text(node: ast.expr) -> str | None:
    return (
        nfc(node.value) if isinstance(node, ast.Constant) and isinstance(node.value, str) else None
    )


def _literal_options(node: ast.expr) -> list[str] | None:
    """The options of a list or tuple of string literals; ``None`` for anything else."""
    if isinstance(node, ast.List | ast.Tuple):
        texts = [_text(item) for item in node.elts]
        if all(text is not None for text in texts):
            return [text for text in texts if text is not None]
    return None


def pairs(english_source: str, bengali_source: str, where: str) -> Iterator[Shown]:
    """The options a Bengali cell shows, each with its English option.

    Raises ``AssertionError`` when the two cells do not call the same quizzes and checks in
    the same order, or when options the English computes are not computed the same way.

    >>> english = 'quiz("11-ethics", "q1", ["properly disclosed", "not properly disclosed"])'
    >>> bengali = 'quiz("11-ethics", "q1", ["ঠিকমতো প্রকাশ করা হয়েছে", "ঠিকমতো প্রকাশ করা হয়নি"])'
    >>> [(p.english, p.bengali) for p in pairs(english, bengali, "x")][1]
    ('not properly disclosed', 'ঠিকমতো প্রকাশ করা হয়নি')
    """
    ours, theirs = _calls(english_source), _calls(bengali_source)
    assert [c.func.id for c in ours] == [c.func.id for c in theirs], (  # type: ignore[attr-defined]
        f"{where}: the Bengali cell does not make the English cell's quiz and check calls"
    )
    for english, bengali in zip(ours, theirs, strict=True):
        name = english.func.id  # type: ignore[attr-defined]
        lesson, question = _text(english.args[0]), _text(english.args[1])
        assert (lesson, question) == (_text(bengali.args[0]), _text(bengali.args[1])), (
            f"{where}: {name}() asks another question in Bengali"
        )
        if lesson is None or question is None:
            continue
        said = f"{where}, {name}({lesson!r}, {question!r})"
        if name == "quiz":
            shown, meant = _literal_options(bengali.args[2]), _literal_options(english.args[2])
            if meant is None or shown is None:
                assert ast.dump(english.args[2]) == ast.dump(bengali.args[2]), (
                    f"{said}: options the English computes must be computed the same way"
                )
                continue
            assert len(shown) == len(meant), f"{said}: not the English number of options"
        else:
            answer, meant_answer = _text(bengali.args[2]), _text(english.args[2])
            if answer is None or meant_answer is None:
                continue
            shown, meant = [answer], [meant_answer]
        for text, english_text in zip(shown, meant, strict=True):
            yield Shown(said, lesson, question, text, english_text)


def misread(option: Shown) -> str | None:
    """How the check judges a shown Bengali option differently from its English one (the
    Bengali lesson's language chosen, as the lesson does), or ``None`` when it does not.

    >>> misread(Shown("x", "11-ethics", "q1", "ঠিকমতো প্রকাশ করা হয়নি", "not properly disclosed"))
    >>> print(misread(Shown("x", "11-ethics", "q1", "ঠিকমতো প্রকাশ করা হয়েছে",
    ...                     "not properly disclosed")))
    x: 'ঠিকমতো প্রকাশ করা হয়েছে' is judged wrong, its English option 'not properly disclosed' right
    """
    with in_language(LANGUAGE):
        given = check(option.lesson, option.question, option.bengali)
        wanted = check(option.lesson, option.question, option.english)
    if given.correct != wanted.correct:
        return (
            f"{option.where}: {option.bengali!r} is judged "
            f"{'right' if given.correct else 'wrong'}, its English option "
            f"{option.english!r} {'right' if wanted.correct else 'wrong'}"
        )
    if (given.message, given.hint, given.missing) != (wanted.message, wanted.hint, wanted.missing):
        return (
            f"{option.where}: {option.bengali!r} gets {str(given)!r}, its English option "
            f"{option.english!r} gets {str(wanted)!r}"
        )
    options = getattr(questions(option.lesson)[option.question].judge, "options", None)
    if options:  # a choice question: the Bengali must be read as that very option
        meaning = _Forms(options)
        read, meant = meaning(option.bengali), meaning(option.english)
        if meant not in {_normal(o) for o in options}:
            return f"{option.where}: {option.english!r} is not one of the question's options"
        if read != meant:
            return (
                f"{option.where}: {option.bengali!r} is read as {read!r}, not as its "
                f"English option {option.english!r}"
            )
    return None


def _code(path: Path) -> dict[str, str]:
    notebook = nbformat.read(path, as_version=4)
    return {str(cell["id"]): cell.source for cell in notebook.cells if cell.cell_type == "code"}


def shown_options() -> list[Shown]:
    """Every option shown by a quiz or given to a check in every built Bengali lesson."""
    found = []
    for lesson in tr.translated_lessons(lab.LESSONS_DIR, LANGUAGE):
        built = tr.built_path(lesson, LANGUAGE)
        if not built.is_file():
            continue
        english = _code(lesson)
        for cell_id, source in _code(built).items():
            if cell_id in english:
                found += pairs(english[cell_id], source, f"{built.name}, cell {cell_id}")
    return found


SHOWN = shown_options()


@pytest.mark.parametrize(
    "option", SHOWN, ids=[f"{o.lesson}-{o.question}-{i}" for i, o in enumerate(SHOWN)]
)
def test_each_option_a_bengali_lesson_shows_is_judged_as_its_english_option(option):
    assert misread(option) is None, misread(option)


def test_the_bengali_lessons_show_translated_quiz_options():
    # The test above is not empty: some quizzes of the Bengali lessons show Bengali options.
    assert any(o.bengali != o.english for o in SHOWN)


def test_a_swapped_or_unknown_translation_is_caught():
    english = (
        'quiz("10-analytics-and-reporting", "q2", ["A is better", "B is better, and '
        'the difference is unlikely to be chance"])'
    )
    swapped = (
        'quiz("10-analytics-and-reporting", "q2", ["B ভালো, আর পার্থক্যটা '
        'কাকতালীয় হওয়ার সম্ভাবনা কম", "A ভালো"])'
    )
    found = [misread(o) for o in pairs(english, swapped, "cell")]
    assert all(found), found
    unknown = 'quiz("10-analytics-and-reporting", "q2", ["C ভালো", "জানি না"])'
    assert all(misread(o) for o in pairs(english, unknown, "cell"))


def test_a_bengali_cell_must_make_the_same_calls():
    english = 'quiz("11-ethics", "q1", OPTIONS)'
    with pytest.raises(AssertionError, match="computed the same way"):
        list(pairs(english, 'quiz("11-ethics", "q1", ["ক", "খ"])', "cell"))
    with pytest.raises(AssertionError, match="another question"):
        list(pairs(english, 'quiz("11-ethics", "q2", OPTIONS)', "cell"))
