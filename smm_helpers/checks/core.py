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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import N_, in_language, ngettext
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits


@dataclass(frozen=True)
class Feedback:
    """What a judge decides about one answer (before it is addressed to the learner)."""

    correct: bool
    message: str = ""
    hint: str = ""
    missing: tuple[str, ...] = ()
    outside: bool = False
    """True when the answer is not among a choice question's options (not a wrong choice)."""


OUTSIDE_HINT = N_("Copy one of the options from the question exactly.")
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
        n = len(answer)
        if hasattr(answer, "columns"):
            table = ngettext("a pandas {kind} of {count} row", "a pandas {kind} of {count} rows", n)
        else:
            table = ngettext(
                "a pandas {kind} of {count} value", "a pandas {kind} of {count} values", n
            )
        table = table.format(kind=kind.__name__, count=digits(n))
        labels = list(getattr(answer, "index", answer))
        if not labels:
            return table
        shown = ", ".join(repr(label) for label in labels[:3])
        more = ", …" if len(labels) > 3 else ""
        return _("{table} (labels {labels})").format(table=table, labels=shown + more)
    if isinstance(answer, (list, tuple, set, dict)):
        n = len(answer)
        return ngettext("a {kind} of {count} item", "a {kind} of {count} items", n).format(
            kind=kind.__name__, count=digits(n)
        )
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
        if self.correct:
            frame = _("✓ Well done ({lesson}, {question}). {message}")
        else:
            frame = _("✗ Not yet ({lesson}, {question}). {message}")
        lines = [
            frame.format(lesson=self.lesson, question=self.question, message=self.message).rstrip()
        ]
        if not self.correct:
            if self.missing:
                lines.append(_("Still missing: {items}.").format(items="; ".join(self.missing)))
            if self.hint:
                lines.append(_("Hint: {hint}").format(hint=self.hint))
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"Verdict({self.lesson!r}, {self.question!r}, correct={self.correct})"

    def _repr_html_(self) -> str:
        colour, border, icon, title = (
            ("#e8f5e9", "#1b7837", "✓", _("Well done"))
            if self.correct
            else ("#fff4e5", "#b35806", "✗", _("Not yet"))
        )
        parts = [
            f"<strong>{icon} {title}</strong> <small>({html.escape(self.lesson)}, "
            f"{html.escape(self.question)})</small>"
        ]
        if self.message:
            parts.append(html.escape(self.message))
        if self.missing:
            items = "".join(f"<li>{html.escape(m)}</li>" for m in self.missing)
            parts.append(
                _("Still missing:") + f"<ul style='margin:0'>{items}</ul>"
            )  # i18n: not shown
        if self.hint and not self.correct:
            parts.append(_("<em>Hint:</em> {hint}").format(hint=html.escape(self.hint)))
        body = "<br>".join(parts)
        return (
            f"<div role='status' style='background:{colour};"  # i18n: not shown
            f"border-left:4px solid {border};"
            f"padding:0.5em 0.8em;margin:0.3em 0;color:#111'>{body}</div>"
        )


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

    ``prompt`` is English, marked with ``N_`` so :meth:`text` can show it translated.  A
    prompt that quotes values (hours, a date, a caption) names them as placeholders,
    ``N_("... only {hours} hours a week ...")``, and ``facts`` is a function returning
    them as the reader should see them (``digits(3)``: 3 or ৩); ``prompt`` then holds the
    English with the values filled in, as before.

    >>> from smm_helpers.i18n.numbers import digits
    >>> from smm_helpers.checks.judges import number
    >>> ask = Question("x", "q2", "Give {hours} hours.", number(3), [3],
    ...                facts=lambda: {"hours": digits(3)})
    >>> ask.prompt, ask.text()
    ('Give 3 hours.', 'Give 3 hours.')
    """

    lesson: str
    id: str
    prompt: str
    judge: Judge
    reference: Sequence[Any] | Callable[[], Sequence[Any]]
    wrong: Sequence[Any] | Callable[[], Sequence[Any]] = field(default_factory=tuple)
    options_shown: bool | None = None
    facts: Callable[[], Mapping[str, Any]] | None = field(default=None, repr=False, compare=False)
    template: str = field(init=False, repr=False, compare=False, default="")
    """The prompt as marked for translation (with its placeholders)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "template", self.prompt)
        if self.facts is not None:
            with in_language("en"):
                object.__setattr__(self, "prompt", self.prompt.format(**self.facts()))

    def text(self) -> str:
        """The prompt in the chosen language, its values written as that language does."""
        shown = _(self.template)
        return shown if self.facts is None else shown.format(**self.facts())

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
        return all(
            unicodedata.normalize("NFC", str(o)).casefold() in prompt for o in options
        ) or any(len(str(o).split()) > 1 for o in options)

    def reference_answers(self) -> list[Any]:
        """Answers the check must accept (computed now if they come from the data)."""
        answers = list(self.reference() if callable(self.reference) else self.reference)
        if not answers:
            raise InputError(
                _("question {lesson}/{question} has no reference answer").format(
                    lesson=self.lesson, question=self.id
                ),
                fix=_("give at least one answer the check must accept in reference=[...]"),
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
                    _("question {lesson}/{question} is defined twice ({module})").format(
                        lesson=question.lesson, question=question.id, module=name
                    ),
                    fix=_("give each question of a lesson its own id"),
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
            _("there are no self-checks for a lesson called {lesson}").format(lesson=repr(lesson)),
            fix=_("use the lesson's id as its notebook starts, one of: {choices}").format(
                choices=", ".join(sorted(known))
            ),
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
            _("lesson {lesson} has no question {question}").format(
                lesson=repr(lesson), question=repr(question)
            ),
            fix=_("use one of: {choices}").format(choices=", ".join(asked)),
        )
    if answer is Ellipsis or (isinstance(answer, str) and answer.strip() in {"...", "…"}):
        return Verdict(
            lesson,
            question,
            False,
            _("You haven't answered yet."),
            _("Replace the ... with your answer, then run the cell again."),
        )
    try:
        feedback = asked[question].judge(answer)
    except Exception as error:  # a learner's odd answer must never crash the check
        feedback = Feedback(
            False,
            _("I could not check this answer ({error}).").format(
                error=f"{type(error).__name__}: {error}"
            ),
            _("Read the question again: what kind of value does it ask for?"),
        )
    if feedback.outside and not asked[question].shows_options():
        hint = (
            feedback.hint
            if feedback.hint != _(OUTSIDE_HINT)
            else _(
                "Check the spelling, and write the name as the lesson does (English or Bengali)."
            )
        )
        feedback = Feedback(
            False,
            _("I don't recognise {answer} as an answer to this question.").format(
                answer=describe_answer(answer)
            ),
            hint,
        )
    return Verdict(
        lesson, question, feedback.correct, feedback.message, feedback.hint, feedback.missing
    )
