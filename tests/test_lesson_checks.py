"""Every lesson's self-checks accept their references, reject their wrongs, and never leak.

For each question in the registry (``smm_helpers.checks``):

- every reference answer gets a "✓" verdict;
- every typical wrong answer gets a "✗" verdict with a non-empty hint;
- the message and hint given to a wrong answer never contain a reference answer's text
  (numbers also in a few roundings), so a learner cannot fish the answer out of a hint;
- no answer (``...``) gets the "haven't answered" verdict;
- answers of the wrong type (a table, ``None``, an object) get a not-correct verdict and
  never an exception;
- each lesson has at least three questions.
"""

from __future__ import annotations

import math
import numbers
import re
from typing import Any

import pandas as pd
import pytest

from smm_helpers.checks import Verdict, check, lessons, questions
from smm_helpers.checks.core import Question

MIN_QUESTIONS = 3

QUESTIONS = [q for lesson in lessons() for q in questions(lesson).values()]
IDS = [f"{q.lesson}/{q.id}" for q in QUESTIONS]


@pytest.fixture(params=QUESTIONS, ids=IDS)
def question(request: pytest.FixtureRequest) -> Question:
    return request.param


def shown(verdict: Verdict) -> str:
    """Everything a learner reads in a verdict."""
    return "\n".join([verdict.message, verdict.hint, *verdict.missing])


def spellings(reference: Any) -> list[str]:
    """How a reference answer could appear in a message: its text, numbers also rounded."""
    if isinstance(reference, str):
        text = " ".join(reference.split())
        return [text] if len(text) >= 2 else []
    if isinstance(reference, bool) or not isinstance(reference, numbers.Real):
        return []
    value = float(reference)
    if not math.isfinite(value):
        return []
    forms = {str(reference), f"{value:,.0f}" if abs(value) >= 1000 else ""}
    if value != int(value):
        forms |= {f"{value:.{d}f}" for d in (1, 2, 3)} | {f"{value:.1%}", f"{value:.0%}"}
    else:
        forms.add(str(int(value)))
    # One character ("3") matches too much ordinary text to mean a leak.
    return sorted(f for f in forms if len(f.strip("0.%")) >= 2)


def leaks(text: str, reference: Any) -> list[str]:
    found = []
    for form in spellings(reference):
        pattern = r"(?<![\w.])" + re.escape(form) + r"(?![\w]|\.\d)"
        if re.search(pattern, text, re.IGNORECASE):
            found.append(form)
    return found


def test_every_lesson_has_at_least_three_questions() -> None:
    few = {
        lesson: len(questions(lesson))
        for lesson in lessons()
        if len(questions(lesson)) < MIN_QUESTIONS
    }
    assert not few, f"lessons with fewer than {MIN_QUESTIONS} self-checks: {few}"


def test_questions_are_filed_under_their_lesson(question: Question) -> None:
    assert questions(question.lesson)[question.id] is question
    assert question.prompt.strip(), "every question needs a prompt"


def test_reference_answers_are_accepted(question: Question) -> None:
    for answer in question.reference_answers():
        verdict = check(question.lesson, question.id, answer)
        assert verdict.correct, f"reference {answer!r} was rejected:\n{verdict}"


def test_wrong_answers_are_rejected_with_a_hint(question: Question) -> None:
    wrongs = question.wrong_answers()
    assert wrongs, "give at least one typical wrong answer in wrong=[...]"
    for answer in wrongs:
        verdict = check(question.lesson, question.id, answer)
        assert not verdict.correct, f"wrong answer {answer!r} was accepted"
        assert verdict.hint.strip(), f"wrong answer {answer!r} got no hint:\n{verdict}"


def test_feedback_never_gives_the_answer_away(question: Question) -> None:
    references = question.reference_answers()
    for answer in question.wrong_answers():
        verdict = check(question.lesson, question.id, answer)
        text = shown(verdict)
        for reference in references:
            found = leaks(text, reference)
            assert not found, (
                f"the feedback to {answer!r} contains the answer ({found}):\n{verdict}"
            )


def test_no_answer_yet_is_told_so_kindly(question: Question) -> None:
    verdict = check(question.lesson, question.id, ...)
    assert not verdict.correct
    assert "haven't answered" in verdict.message


@pytest.mark.parametrize(
    "answer",
    [pd.DataFrame(), None, object(), float("nan")],
    ids=["empty-table", "None", "object", "nan"],
)
def test_answers_of_the_wrong_type_are_not_correct(question: Question, answer: Any) -> None:
    verdict = check(question.lesson, question.id, answer)  # must not raise
    assert isinstance(verdict, Verdict)
    assert not verdict.correct, f"{answer!r} was accepted"
    assert verdict.message or verdict.hint, "say what kind of answer was expected"


def test_spellings_cover_text_and_rounded_numbers() -> None:
    assert spellings("Facebook") == ["Facebook"]
    assert {"0.042", "4.2%"} <= set(spellings(0.0421))
    assert "12,500" in spellings(12500)
    assert spellings(3) == []
    assert leaks("The rate is 4.2% here.", 0.0421) == ["4.2%"]
    assert leaks("Try 14.2 instead.", 4.2) == []


def test_a_placeholder_string_counts_as_not_answered_yet():
    from smm_helpers.checks import check, lessons, questions

    lesson = lessons()[0]
    question = next(iter(questions(lesson)))
    verdict = check(lesson, question, "...")
    assert not verdict and "haven't answered" in verdict.message
