"""Read a vocabulary shipped as data: a CSV under ``smm_helpers/data``, checked row by row.

Word lists (cue words, lexicons) live in CSV files, not in code, so that a teacher can add
a word in a spreadsheet.  :func:`read_vocabulary` reads one such file and checks it once:
the header, each row's number of fields, the columns that take a fixed set of values, the
columns that must be filled in and the columns that must not repeat.  A problem is a
``DataError`` naming the file, the line (as an editor shows it: the header is line 1), the
column, what is wrong and how to fix it.  Every value comes back stripped and in Unicode
NFC, so that Bengali text compares equal however it was typed.

The modules that use a vocabulary call this on first use (behind ``functools.cache``), never
on import.

>>> rows = read_vocabulary("words.csv", ("list", "word"), choices={"list": ("metric",)},
...                        text="list,word\\nmetric,followers\\n")
>>> rows[0].line, rows[0]["word"]
(2, 'followers')
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

from smm_helpers.errors import DataError
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits

__all__ = ["VocabularyRow", "data_text", "read_vocabulary"]


@dataclass(frozen=True)
class VocabularyRow:
    """One row of a vocabulary file: its line in the file and its values (stripped, NFC).

    >>> row = VocabularyRow(3, {"word": "লাইক"})
    >>> row["word"], row.line
    ('লাইক', 3)
    """

    line: int
    values: Mapping[str, str]

    def __getitem__(self, column: str) -> str:
        return self.values[column]


def data_text(file: str) -> str:
    """The text of ``smm_helpers/data/<file>`` as the package ships it (UTF-8).

    >>> data_text("goal_words.csv").splitlines()[0]
    'list,language,word,value'
    """
    return (resources.files("smm_helpers") / "data" / file).read_text(encoding="utf-8")


def read_vocabulary(
    file: str,
    columns: Sequence[str],
    *,
    choices: Mapping[str, Sequence[str]] | None = None,
    required: Sequence[str] = (),
    unique: Sequence[str] = (),
    text: str | None = None,
) -> tuple[VocabularyRow, ...]:
    """The rows of the vocabulary ``file`` (in ``smm_helpers/data``), checked.

    ``columns`` is the header the file must have, in order.  ``choices`` gives the values a
    column may take; ``required`` the columns no row may leave empty; ``unique`` the
    columns whose values together may not repeat (e.g. a word within its list).  ``text``
    reads that text instead of the packaged file (``file`` still names it in errors).
    Empty lines are skipped.

    >>> read_vocabulary("words.csv", ("list", "word"), choices={"list": ("metric",)},
    ...                 text="list,word\\nmetrics,followers\\n")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: words.csv, line 2, column 'list': 'metrics' is not a known list.
    How to fix it: use one of: metric.
    >>> read_vocabulary("words.csv", ("list", "word"), unique=("list", "word"),
    ...                 text="list,word\\nmetric,likes\\nmetric,likes\\n")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: words.csv, line 3, column 'word': word 'likes' appears twice (first at data row 1).
    How to fix it: every word must be unique; remove the repeated row or give it its own id.
    """  # noqa: E501
    source = data_text(file) if text is None else text
    reader = csv.reader(io.StringIO(source))
    header = tuple(next(reader, ()))
    wanted = tuple(columns)
    if header != wanted:
        raise DataError(
            _("the first line names the columns {found}, not {wanted}").format(
                found=", ".join(header) or _("(none)"), wanted=", ".join(wanted)),
            fix=_("make the first line: {columns}").format(columns=",".join(wanted)),
            file=file, line=1)
    rows: list[VocabularyRow] = []
    seen: dict[tuple[str, ...], int] = {}
    for fields in reader:
        line = reader.line_num
        if not any(field.strip() for field in fields):
            continue
        if len(fields) != len(wanted):
            raise DataError(
                _("the file is not a well-formed CSV: this row has {count} fields but the "
                  "header has {header}").format(count=digits(len(fields)),
                                                header=digits(len(wanted))),
                fix=_("every row needs as many commas as the header; put text that contains "
                      "commas in double quotes"),
                file=file, line=line)
        values = {column: unicodedata.normalize("NFC", field.strip())
                  for column, field in zip(wanted, fields, strict=True)}
        _check_row(values, file, line, choices or {}, required)
        if unique:
            key = tuple(values[column] for column in unique)
            if key in seen:
                column = unique[-1]
                raise DataError(
                    _("{column} {value} appears twice (first at data row {row})").format(
                        column=column, value=repr(values[column]), row=digits(seen[key] - 1)),
                    fix=_("every {column} must be unique; remove the repeated row or give it "
                          "its own id").format(column=column),
                    file=file, line=line, column=column)
            seen[key] = line
        rows.append(VocabularyRow(line, values))
    return tuple(rows)


def _check_row(values: Mapping[str, str], file: str, line: int,
               choices: Mapping[str, Sequence[str]], required: Sequence[str]) -> None:
    for column, allowed in choices.items():
        if values[column] not in allowed:
            raise DataError(
                _("{value} is not a known {column}").format(value=repr(values[column]),
                                                            column=column),
                fix=_("use one of: {choices}").format(choices=", ".join(allowed)),
                file=file, line=line, column=column)
    for column in required:
        if not values[column]:
            raise DataError(_("{column} is empty").format(column=column),
                            fix=_("write it in the {column} column").format(column=column),
                            file=file, line=line, column=column)
