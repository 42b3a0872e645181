"""Collect what is wrong with an export's cells, then raise one ``DataError`` for them all.

>>> found = Problems("posts.csv")
>>> found.add(7, "Views", "12 views", "'12 views' is not a number", "write digits only")
>>> found.add(9, "Views", "x", "'x' is not a number", "write digits only")
>>> try:
...     found.raise_if_any()
... except DataError as error:
...     print(error.file, error.line, error.column)
...     print(error.problem)
posts.csv 7 Views
'12 views' is not a number (2 problems in all; also line 9, column 'Views': 'x' is not a number)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from smm_helpers.errors import DataError
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits

SHOWN = 5
"""How many problems a message lists before giving the total."""


@dataclass(frozen=True)
class Problem:
    """One bad cell: where it is, the value, what is wrong and how to fix it."""

    line: int
    column: str
    value: str
    problem: str
    fix: str


@dataclass
class Problems:
    """The problems found in one file, in the order found."""

    file: str
    where: str = "line"
    found: list[Problem] = field(default_factory=list)

    def add(self, line: int, column: str, value: str, problem: str, fix: str) -> None:
        """Record one problem (the same problem in the same cell is recorded once)."""
        problem_here = Problem(line, column, value, problem, fix)
        if not any(
            p.line == line and p.column == column and p.problem == problem for p in self.found
        ):
            self.found.append(problem_here)

    def _where(self, line: int) -> str:
        if self.where == "line":
            return _("line {line}").format(line=digits(line))
        return f"{self.where} {digits(line)}"

    def raise_if_any(self) -> None:
        """Raise a DataError for the first problem (by line), listing a few more and the count."""
        if not self.found:
            return
        ordered = sorted(self.found, key=lambda p: p.line)
        first = ordered[0]
        text = first.problem
        if len(ordered) > 1:
            others = "; ".join(
                _("{where}, column {column}: {problem}").format(
                    where=self._where(p.line), column=repr(p.column), problem=p.problem
                )
                for p in ordered[1:SHOWN]
            )
            text = _("{first} ({total} problems in all; also {others})").format(
                first=text, total=digits(len(ordered)), others=others
            )
        raise DataError(text, fix=first.fix, file=self.file, line=first.line, column=first.column)
