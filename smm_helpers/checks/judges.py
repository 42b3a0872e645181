"""Ready-made judges for self-checks: numbers, choices, lists and free text.

Each function returns a *judge*: a function that takes the learner's answer and returns a
:class:`~smm_helpers.checks.core.Feedback`.  Judges never put the right answer in their
messages or hints; they say what kind of mistake it looks like.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import regex

from smm_helpers.checks.core import Feedback, Judge

Mistake = tuple[Callable[[float], bool], str]
"""A known wrong turn: a test on the learner's number, and the hint to give when it holds."""


def _as_number(answer: Any) -> float | None:
    if isinstance(answer, bool):
        return None
    if isinstance(answer, numbers.Real):
        return float(answer)
    item = getattr(answer, "item", None)  # numpy scalars, one-element arrays/Series
    size = getattr(answer, "size", None)
    if callable(item) and size == 1:
        value = item()
        return float(value) if isinstance(value, numbers.Real) else None
    return None


def number(
    expected: float | Callable[[], float],
    *,
    rel_tol: float = 0.01,
    abs_tol: float = 0.0,
    mistakes: Sequence[Mistake] = (),
    what: str = "a number",
    hint: str = "Look again at which columns go into the calculation.",
) -> Judge:
    """Accept a number close to ``expected`` (1% relative tolerance by default).

    ``expected`` may be a function computing the value from the course data, so nothing is
    typed in by hand; it is called when an answer is first checked.  ``mistakes`` are
    (test, hint) pairs for common wrong turns, checked in order.  Answers given as a
    percentage when a fraction was asked for get their own hint.

    >>> judge = number(0.25, what="a fraction between 0 and 1")
    >>> judge(0.2501).correct
    True
    >>> judge(25).hint
    'That looks like a percentage: give the rate as a fraction (e.g. 0.05 for 5%).'
    >>> judge("0.25").message
    'I expected a fraction between 0 and 1, but this is a str.'
    """

    def judge(answer: Any) -> Feedback:
        value = _as_number(answer)
        if value is None:
            return Feedback(False, f"I expected {what}, but this is a {type(answer).__name__}.",
                            "Give the value itself, e.g. a float, not text or a table.")
        target = _value(expected)
        if math.isclose(value, target, rel_tol=rel_tol, abs_tol=abs_tol):
            return Feedback(True, "That's right.")
        for test, mistake_hint in mistakes:
            if test(value):
                return Feedback(False, "Not quite.", mistake_hint)
        if 0 < abs(target) <= 1 and math.isclose(value, target * 100, rel_tol=rel_tol):
            return Feedback(False, "The size is off.",
                            "That looks like a percentage: give the rate as a fraction "
                            "(e.g. 0.05 for 5%).")
        return Feedback(False, "That's not the value I get.", hint)

    return judge


def _value(expected: float | Callable[[], float]) -> float:
    return float(expected() if callable(expected) else expected)


def _normal(text: Any) -> str:
    return " ".join(str(text).casefold().replace("_", " ").replace("-", " ").split())


def choice(
    correct: str | Iterable[str] | Callable[[], str | Iterable[str]],
    *,
    options: Iterable[str],
    hints: Mapping[str, str] | None = None,
    hint: str = "Think about what the lesson showed, then try another option.",
    outside_hint: str = "Copy one of the options from the question exactly.",
) -> Judge:
    """Accept one of the ``correct`` options (case, spaces, ``-`` and ``_`` ignored).

    ``correct`` may be a function that works the right option out from the course data.

    An answer that is not among ``options`` is told so (a typo is not a "wrong"), without
    listing the options: in a two-option question that list would give the answer away.

    >>> judge = choice("facebook", options=["facebook", "x", "linkedin"],
    ...                hints={"x": "X is strong for news, but how many Bangladeshis use it?"})
    >>> judge("Facebook").correct
    True
    >>> judge("x").hint
    'X is strong for news, but how many Bangladeshis use it?'
    >>> judge("myspace").message
    "'myspace' is not one of the options in the question."
    """
    allowed = {_normal(o): o for o in options}
    wrong_hints = {_normal(k): v for k, v in (hints or {}).items()}

    def judge(answer: Any) -> Feedback:
        given = _normal(answer)
        if given not in allowed:
            return Feedback(False, f"{answer!r} is not one of the options in the question.",
                            outside_hint)
        right = correct() if callable(correct) else correct
        if given in {_normal(c) for c in ([right] if isinstance(right, str) else right)}:
            return Feedback(True, "That's right.")
        return Feedback(False, "That's not the best choice.", wrong_hints.get(given, hint))

    return judge


def same_items(
    expected: Iterable[str],
    *,
    ordered: bool = False,
    what: str = "a list",
    hint: str = "Compare your list with the table in the lesson again.",
) -> Judge:
    """Accept a list holding exactly the expected items (in order when ``ordered``).

    >>> judge = same_items(["facebook", "instagram"])
    >>> judge(["Instagram", "facebook"]).correct
    True
    >>> judge(["facebook"]).message
    'Your list has 1 item; I expected 2.'
    """
    want = [_normal(e) for e in expected]

    def judge(answer: Any) -> Feedback:
        if isinstance(answer, str) or not isinstance(answer, Iterable):
            return Feedback(False, f"I expected {what}, but this is a {type(answer).__name__}.",
                            "Put the items in a list, e.g. ['a', 'b'].")
        got = [_normal(a) for a in answer]
        if len(got) != len(want):
            noun = "item" if len(got) == 1 else "items"
            return Feedback(False, f"Your list has {len(got)} {noun}; I expected {len(want)}.",
                            hint)
        matches = got == want if ordered else sorted(got) == sorted(want)
        if matches:
            return Feedback(True, "That's right.")
        if not ordered or sorted(got) != sorted(want):
            return Feedback(False, "Some items are not the ones I expected.", hint)
        return Feedback(False, "The right items, but not in the right order.", hint)

    return judge


def text_elements(
    elements: Mapping[str, Sequence[str]],
    *,
    min_words: int = 0,
    what: str = "your text",
) -> Judge:
    """Accept free text that contains every required element.

    ``elements`` maps a plain-language name of each element to regular expressions (any
    one matching is enough; case-insensitive; Bengali welcome).  The verdict lists the
    elements still missing, by name.

    >>> judge = text_elements({"a spokesperson": [r"spokes(person|people)", r"speak for"],
    ...                        "a response time": [r"\\d+\\s*(hours?|minutes?)"]})
    >>> judge("Our director is the spokesperson. We reply within 4 hours.").correct
    True
    >>> judge("Our director is the spokesperson.").missing
    ('a response time',)
    """
    compiled = {name: [regex.compile(p, regex.I | regex.V1) for p in patterns]
                for name, patterns in elements.items()}

    def judge(answer: Any) -> Feedback:
        if not isinstance(answer, str) or not answer.strip():
            return Feedback(False, f"I expected {what} as text in quotes, and it is empty "
                            "or not text.", "Write your answer between the quotes.")
        words = len(answer.split())
        missing = tuple(name for name, patterns in compiled.items()
                        if not any(p.search(answer) for p in patterns))
        if missing:
            return Feedback(False, f"{what.capitalize()} covers {len(compiled) - len(missing)} "
                            f"of {len(compiled)} things it needs.", "Add what is missing.",
                            missing)
        if words < min_words:
            return Feedback(False, f"{what.capitalize()} has {words} words; aim for at least "
                            f"{min_words}.", "Say a little more about each point.")
        return Feedback(True, f"{what.capitalize()} has everything it needs.")

    return judge


def satisfies(
    test: Callable[[Any], bool],
    *,
    success: str = "That's right.",
    failure: str = "Not quite.",
    hint: str = "Read the question again.",
) -> Judge:
    """Accept any answer for which ``test(answer)`` is true (for checks no other judge fits).

    >>> judge = satisfies(lambda a: a % 7 == 0, hint="Think weekly.")
    >>> judge(14).correct, judge(10).hint
    (True, 'Think weekly.')
    """

    def judge(answer: Any) -> Feedback:
        return Feedback(True, success) if test(answer) else Feedback(False, failure, hint)

    return judge
