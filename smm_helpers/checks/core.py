"""The self-check machinery: questions, verdicts and the registry of each lesson's checks.

A learner calls ``check("03-platforms", "q1", answer)`` and gets a :class:`Verdict`: a
friendly yes, or a "not yet" with a hint — never the answer itself.  Each lesson keeps its
questions in ``smm_helpers/checks/by_lesson/`` as a list of :class:`Question`, each with the
reference answers it must accept and typical wrong answers it must reject (the tests try
both), so a check can never silently drift from its lesson.
"""

from __future__ import annotations

import html
import importlib
import pkgutil
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from smm_helpers.errors import InputError


@dataclass(frozen=True)
class Feedback:
    """What a judge decides about one answer (before it is addressed to the learner)."""

    correct: bool
    message: str = ""
    hint: str = ""
    missing: tuple[str, ...] = ()
    outside: bool = False
    """True when the answer is not among a choice question's options (not a wrong choice)."""


OUTSIDE_HINT = "Copy one of the options from the question exactly."
"""The hint for an answer outside a choice question's options, when they were shown."""


def describe_answer(answer: Any, limit: int = 40) -> str:
    """A short description of an answer for a message: never a whole table.

    >>> describe_answer("myspace")
    "'myspace'"
    >>> import pandas as pd
    >>> describe_answer(pd.Series([0.1, 0.2, 0.3, 0.4], index=list("abcd")))
    "a pandas Series of 4 values (labels 'a', 'b', 'c', …)"
    >>> describe_answer(pd.DataFrame({"x": [1, 2]}))
    'a pandas DataFrame of 2 rows (labels 0, 1)'
    """
    kind = type(answer)
    if kind.__module__.startswith("pandas") and hasattr(answer, "__len__"):
        unit = "rows" if hasattr(answer, "columns") else "values"
        labels = list(getattr(answer, "index", answer))
        shown = ", ".join(repr(label) for label in labels[:3])
        more = ", …" if len(labels) > 3 else ""
        return (f"a pandas {kind.__name__} of {len(answer)} {unit}"
                + (f" (labels {shown}{more})" if labels else ""))
    if isinstance(answer, (list, tuple, set, dict)):
        n = len(answer)
        return f"a {kind.__name__} of {n} item{'' if n == 1 else 's'}"
    text = repr(answer)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Verdict:
    """The answer to ``check(...)``: shows itself as a friendly message.

    >>> v = Verdict("03-platforms", "q1", correct=False, message="That ranks X first.",
    ...             hint="Which platform do most people in Bangladesh use?")
    >>> print(v)
    ✗ Not yet (03-platforms, q1). That ranks X first.
    Hint: Which platform do most people in Bangladesh use?
    >>> bool(v)
    False
    """

    lesson: str
    question: str
    correct: bool
    message: str = ""
    hint: str = ""
    missing: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return self.correct

    def __str__(self) -> str:
        where = f"({self.lesson}, {self.question})"
        if self.correct:
            lines = [f"✓ Well done {where}. {self.message}".rstrip()]
        else:
            lines = [f"✗ Not yet {where}. {self.message}".rstrip()]
            if self.missing:
                lines.append("Still missing: " + "; ".join(self.missing) + ".")
            if self.hint:
                lines.append(f"Hint: {self.hint}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"Verdict({self.lesson!r}, {self.question!r}, correct={self.correct})"

    def _repr_html_(self) -> str:
        colour, border, icon, title = (
            ("#e8f5e9", "#1b7837", "✓", "Well done")
            if self.correct
            else ("#fff4e5", "#b35806", "✗", "Not yet")
        )
        parts = [f"<strong>{icon} {title}</strong> <small>({html.escape(self.lesson)}, "
                 f"{html.escape(self.question)})</small>"]
        if self.message:
            parts.append(html.escape(self.message))
        if self.missing:
            items = "".join(f"<li>{html.escape(m)}</li>" for m in self.missing)
            parts.append(f"Still missing:<ul style='margin:0'>{items}</ul>")
        if self.hint and not self.correct:
            parts.append(f"<em>Hint:</em> {html.escape(self.hint)}")
        body = "<br>".join(parts)
        return (f"<div role='status' style='background:{colour};border-left:4px solid {border};"
                f"padding:0.5em 0.8em;margin:0.3em 0;color:#111'>{body}</div>")


Judge = Callable[[Any], Feedback]


@dataclass(frozen=True)
class Question:
    """One self-check: what is asked, how answers are judged, and answers to test it with.

    ``reference`` holds answers the judge must accept (at least one); ``wrong`` holds
    typical wrong answers it must reject.  Both are checked by the test suite.

    ``options_shown`` says whether the learner sees the options of a choice question (in
    the prompt or the notebook); left as ``None`` it is worked out: options are shown when
    the prompt lists them all, or when they are sentences nobody could guess unseen.
    Only then may a verdict say "not one of the options".
    """

    lesson: str
    id: str
    prompt: str
    judge: Judge
    reference: Sequence[Any] | Callable[[], Sequence[Any]]
    wrong: Sequence[Any] | Callable[[], Sequence[Any]] = field(default_factory=tuple)
    options_shown: bool | None = None

    def shows_options(self) -> bool:
        """Whether the learner was shown the options (see ``options_shown``).

        >>> from smm_helpers.checks.judges import choice
        >>> ask = Question("x", "q1", "Which platform is biggest in Bangladesh?",
        ...                choice("facebook", options=["facebook", "x"]), ["facebook"])
        >>> ask.shows_options()
        False
        """
        if self.options_shown is not None:
            return self.options_shown
        options = getattr(self.judge, "options", None)
        if not options:
            return True
        prompt = " ".join(unicodedata.normalize("NFC", self.prompt).casefold().split())
        return all(unicodedata.normalize("NFC", str(o)).casefold() in prompt for o in options) \
            or any(len(str(o).split()) > 1 for o in options)

    def reference_answers(self) -> list[Any]:
        """Answers the check must accept (computed now if they come from the data)."""
        answers = list(self.reference() if callable(self.reference) else self.reference)
        if not answers:
            raise InputError(
                f"question {self.lesson}/{self.id} has no reference answer",
                fix="give at least one answer the check must accept in reference=[...]",
            )
        return answers

    def wrong_answers(self) -> list[Any]:
        """Typical wrong answers the check must reject."""
        return list(self.wrong() if callable(self.wrong) else self.wrong)


def _lesson_modules() -> list[str]:
    package = importlib.import_module("smm_helpers.checks.by_lesson")
    return [
        f"{package.__name__}.{info.name}"
        for info in pkgutil.iter_modules(package.__path__)
        if not info.name.startswith("_")
    ]


@cache
def registry() -> dict[str, dict[str, Question]]:
    """Every lesson's questions, keyed by lesson id then question id (loaded once).

    >>> all(q.lesson == lesson for lesson, qs in registry().items() for q in qs.values())
    True
    """
    found: dict[str, dict[str, Question]] = {}
    for name in _lesson_modules():
        module = importlib.import_module(name)
        for question in getattr(module, "QUESTIONS", ()):
            lesson = found.setdefault(question.lesson, {})
            if question.id in lesson:
                raise InputError(
                    f"question {question.lesson}/{question.id} is defined twice ({name})",
                    fix="give each question of a lesson its own id",
                )
            lesson[question.id] = question
    return found


def lessons() -> list[str]:
    """The lesson ids that have self-checks, in course order.

    >>> lessons() == sorted(lessons())
    True
    """
    return sorted(registry())


def questions(lesson: str) -> dict[str, Question]:
    """The questions of one lesson; an unknown lesson gets the list of known ones.

    >>> questions("99-nothing")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: there are no self-checks for a lesson called '99-nothing'...
    """
    known = registry()
    if lesson not in known:
        raise InputError(
            f"there are no self-checks for a lesson called {lesson!r}",
            fix="use the lesson's id as its notebook starts, one of: " + ", ".join(sorted(known)),
        )
    return known[lesson]


def check(lesson: str, question: str, answer: Any) -> Verdict:
    """Check a learner's answer and say, kindly, whether it is right.

    A wrong answer gets a hint, never the answer.  If the answer cannot be judged at all
    (say, a table where a number was expected) the verdict says what was expected.

    >>> from smm_helpers.checks import check
    >>> check("nonexistent-lesson", "q1", 3)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: there are no self-checks for a lesson called ...
    """
    asked = questions(lesson)
    if question not in asked:
        raise InputError(
            f"lesson {lesson!r} has no question {question!r}",
            fix="use one of: " + ", ".join(asked),
        )
    if answer is Ellipsis or (isinstance(answer, str) and answer.strip() in {"...", "…"}):
        return Verdict(lesson, question, False, "You haven't answered yet.",
                       "Replace the ... with your answer, then run the cell again.")
    try:
        feedback = asked[question].judge(answer)
    except Exception as error:  # a learner's odd answer must never crash the check
        feedback = Feedback(
            False,
            f"I could not check this answer ({type(error).__name__}: {error}).",
            "Read the question again: what kind of value does it ask for?",
        )
    if feedback.outside and not asked[question].shows_options():
        hint = feedback.hint if feedback.hint != OUTSIDE_HINT else (
            "Check the spelling, and write the name as the lesson does (English or Bengali).")
        feedback = Feedback(False, f"I don't recognise {describe_answer(answer)} as an answer "
                            "to this question.", hint)
    return Verdict(lesson, question, feedback.correct, feedback.message, feedback.hint,
                   feedback.missing)
