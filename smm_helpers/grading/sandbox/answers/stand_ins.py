"""What arrives instead of a value: :class:`Missing`, :class:`FunctionAnswer` and
:class:`Unreadable`, and :class:`AnswerError`, the one error of reading answers.

A test that uses an :class:`Unreadable` answer fails with an :class:`AnswerError` that says
why the grader could not check it; the other answers of the notebook are read as usual.
"""

from __future__ import annotations

import dataclasses
from typing import Any


class AnswerError(Exception):
    """A value could not be turned into plain data, or plain data back into a value."""


@dataclasses.dataclass(frozen=True)
class Missing:
    """A name the learner's notebook does not define."""

    name: str


@dataclasses.dataclass(frozen=True)
class FunctionAnswer:
    """A function the learner wrote: it stays in the sandbox, and the runner calls it there."""

    name: str


class Unreadable:
    """Stands in for an answer the grader cannot check (a module, an object of a class the
    learner wrote, a value too big).  Using it in a test fails with an explanation.

    >>> u = Unreadable("plan", "a 'Plan' object (a class written in the notebook)")
    >>> u == 1
    Traceback (most recent call last):
    ...
    smm_helpers.grading.sandbox.answers.stand_ins.AnswerError: plan is a 'Plan' object (a class written in the notebook), which the grader cannot check: give a plain value (a number, text, list, dict, DataFrame or an SMM Lab object)
    """  # noqa: E501

    def __init__(self, name: str, what: str) -> None:
        object.__setattr__(self, "_name", name)
        object.__setattr__(self, "_what", what)

    def _fail(self, *_: Any, **__: Any) -> Any:
        raise AnswerError(
            f"{self._name} is {self._what}, which the grader cannot check: give "
            "a plain value (a number, text, list, dict, DataFrame or an SMM Lab "
            "object)"
        )

    __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = _fail
    __bool__ = __len__ = __iter__ = __contains__ = __getitem__ = __call__ = _fail
    __add__ = __sub__ = __mul__ = __truediv__ = __float__ = __int__ = __index__ = _fail
    __hash__ = None  # type: ignore[assignment]

    def __getattr__(self, attribute: str) -> Any:
        return self._fail()

    def __repr__(self) -> str:
        return f"<unreadable answer {self._name}: {self._what}>"
