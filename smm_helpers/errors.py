"""Errors that teach: every problem names where it is, what is wrong and how to fix it.

The frame of every message ("line", "column", "How to fix it") is in the language chosen with
``use_language`` (``smm_helpers.i18n``); English by default.  It stands on
:mod:`smm_helpers.language` alone, so every module, ``use_language`` included, can raise these.
"""

from __future__ import annotations

from smm_helpers.language import digits
from smm_helpers.language import gettext as _


class SMMLabError(Exception):
    """Base class of every error SMM Lab raises on purpose."""


def _rebuild(cls: type[Exception], problem: str, keywords: dict[str, object]) -> Exception:
    """Make an error again from its keyword arguments (what pickle calls, see below)."""
    return cls(problem, **keywords)


class DataError(SMMLabError, ValueError):
    """A data file or table has a problem a person can fix.

    The message says where (file, line, column), what is wrong, and what to do.
    ``line`` is the line of the file as a text editor or spreadsheet shows it
    (the header is line 1, so the first data row is line 2).

    >>> err = DataError("reach (5000) is above impressions (4000)",
    ...                 fix="check the two columns are not swapped",
    ...                 file="posts.csv", line=13, column="reach")
    >>> print(err)
    posts.csv, line 13, column 'reach': reach (5000) is above impressions (4000).
    How to fix it: check the two columns are not swapped.
    >>> err.column
    'reach'
    """

    def __init__(
        self,
        problem: str,
        *,
        fix: str,
        file: str | None = None,
        line: int | None = None,
        column: str | None = None,
    ) -> None:
        self.problem = problem
        self.fix = fix
        self.file = file
        self.line = line
        self.column = column
        super().__init__(self._message())

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle by the keywords (a grading worker sends its errors to the parent)."""
        return (
            _rebuild,
            (
                type(self),
                self.problem,
                {"fix": self.fix, "file": self.file, "line": self.line, "column": self.column},
            ),
        )

    def _message(self) -> str:
        where = []
        if self.file is not None:
            where.append(str(self.file))
        if self.line is not None:
            where.append(_("line {line}").format(line=digits(self.line)))
        if self.column is not None:
            where.append(_("column {column}").format(column=repr(self.column)))
        prefix = ", ".join(where) + ": " if where else ""
        return prefix + _frame(self.problem, self.fix)


class InputError(SMMLabError, ValueError):
    """A function was called with a value it cannot use (unknown platform, empty text, ...).

    >>> print(InputError("'tiktokk' is not a platform SMM Lab knows",
    ...                  fix="use one of: facebook, instagram, x, linkedin, youtube, tiktok"))
    'tiktokk' is not a platform SMM Lab knows.
    How to fix it: use one of: facebook, instagram, x, linkedin, youtube, tiktok.
    """

    def __init__(self, problem: str, *, fix: str) -> None:
        self.problem = problem
        self.fix = fix
        super().__init__(_frame(problem, fix))

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle by the keywords (a grading worker sends its errors to the parent).

        >>> import pickle
        >>> again = pickle.loads(pickle.dumps(InputError("no such learner", fix="check it")))
        >>> again.fix, str(again) == str(InputError("no such learner", fix="check it"))
        ('check it', True)
        """
        return (_rebuild, (type(self), self.problem, {"fix": self.fix}))


def _frame(problem: str, fix: str) -> str:
    """'<problem>.' then 'How to fix it: <fix>.' on the next line, in the chosen language."""
    return _("{problem}.\nHow to fix it: {fix}.").format(
        problem=problem.rstrip("."), fix=fix.rstrip(".")
    )


def unknown_choice(kind: str, value: object, allowed: list[str] | tuple[str, ...]) -> InputError:
    """The standard error for a value outside a fixed list, e.g. an unknown platform.

    >>> print(unknown_choice("platform", "tiktokk", ["facebook", "tiktok"]))
    'tiktokk' is not a platform SMM Lab knows.
    How to fix it: use one of: facebook, tiktok.
    >>> print(unknown_choice("audience kind", "aliens", ["general", "professional"]).problem)
    'aliens' is not an audience kind SMM Lab knows
    """
    if kind[:1].lower() in "aeio":  # "an audience", "a unit"
        problem = _("{value} is not an {kind} SMM Lab knows")
    else:
        problem = _("{value} is not a {kind} SMM Lab knows")
    return InputError(
        problem.format(value=repr(value), kind=kind),
        fix=_("use one of: {choices}").format(choices=", ".join(map(str, allowed))),
    )
