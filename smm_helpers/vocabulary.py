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
from collections.abc import Iterable, Mapping, Sequence
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
    required: Sequence[str] | Mapping[str, str] = (),
    unique: Sequence[str] = (),
    text: str | None = None,
    newer: Sequence[str] = (),
    strip: bool = True,
) -> tuple[VocabularyRow, ...]:
    """The rows of the vocabulary ``file`` (in ``smm_helpers/data``), checked.

    ``columns`` is the header the file must have, in order.  ``choices`` gives the values a
    column may take; ``required`` the columns no row may leave empty; ``unique`` the
    columns whose values together may not repeat (e.g. a word within its list).  ``text``
    reads that text instead of the packaged file (``file`` still names it in errors).
    Empty lines are skipped.

    ``required`` may map each column to the problem its emptiness is, in the file's own
    words (a message marked with ``N_``).  ``newer`` names columns added to the format
    later: a file whose header lacks one is still read, the column empty in every row, so
    that ``required`` reports it at the first row, with its name, instead of refusing the
    header.  ``strip=False`` keeps the spaces around values (texts whose spacing matters);
    values are NFC either way.

    >>> read_vocabulary("cues.csv", ("kind", "says", "says_bn"), newer=("says_bn",),
    ...                 required={"says_bn": "what the words tell a reader is missing"},
    ...                 text="kind,says\\ngift,a gift\\n")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: cues.csv, line 2, column 'says_bn': what the words tell a reader is missing.
    How to fix it: write it in the says_bn column.
    >>> read_vocabulary("texts.csv", ("kind", "text"), text='kind,text\\ngreeting,"Hi! "\\n',
    ...                 strip=False)[0]["text"]
    'Hi! '
    >>> read_vocabulary("texts.csv", ("kind", "text"), text="kind,text\\ngreeting,Hi,there\\n")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: texts.csv, line 2: the file is not a well-formed CSV: this row has 3 fields, not 2 like the header.
    How to fix it: every row needs as many commas as the header; put text that contains commas in double quotes.

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
    present = tuple(column for column in wanted if column not in newer or column in header)
    if header != present:
        raise DataError(
            _("the first line names the columns {found}, not {wanted}").format(
                found=", ".join(header) or _("(none)"), wanted=", ".join(wanted)
            ),
            fix=_("make the first line: {columns}").format(columns=",".join(wanted)),
            file=file,
            line=1,
        )
    problems = dict(required) if isinstance(required, Mapping) else {}
    rows: list[VocabularyRow] = []
    seen: dict[tuple[str, ...], int] = {}
    for fields in reader:
        line = reader.line_num
        if not any(field.strip() for field in fields):
            continue
        if len(fields) != len(present):
            raise DataError(
                _(
                    "the file is not a well-formed CSV: this row has {count} fields, not "
                    "{header} like the header"
                ).format(count=digits(len(fields)), header=digits(len(present))),
                fix=_(
                    "every row needs as many commas as the header; put text that contains "
                    "commas in double quotes"
                ),
                file=file,
                line=line,
            )
        given = dict(zip(present, fields, strict=True))
        values = {
            column: unicodedata.normalize(
                "NFC", given.get(column, "").strip() if strip else given.get(column, "")
            )
            for column in wanted
        }
        _check_row(values, file, line, choices or {}, required, problems)
        if unique:
            key = tuple(values[column] for column in unique)
            if key in seen:
                column = unique[-1]
                raise DataError(
                    _("{column} {value} appears twice (first at data row {row})").format(
                        column=column, value=repr(values[column]), row=digits(seen[key] - 1)
                    ),
                    fix=_(
                        "every {column} must be unique; remove the repeated row or give it "
                        "its own id"
                    ).format(column=column),
                    file=file,
                    line=line,
                    column=column,
                )
            seen[key] = line
        rows.append(VocabularyRow(line, values))
    return tuple(rows)


def _check_row(
    values: Mapping[str, str],
    file: str,
    line: int,
    choices: Mapping[str, Sequence[str]],
    required: Iterable[str],
    problems: Mapping[str, str],
) -> None:
    for column, allowed in choices.items():
        if values[column] not in allowed:
            raise DataError(
                _("{value} is not a known {column}").format(
                    value=repr(values[column]), column=column
                ),
                fix=_("use one of: {choices}").format(choices=", ".join(allowed)),
                file=file,
                line=line,
                column=column,
            )
    for column in required:
        if not values[column].strip():
            problem = (
                _(problems[column])
                if column in problems
                else _("{column} is empty").format(column=column)
            )
            raise DataError(
                problem,
                fix=_("write it in the {column} column").format(column=column),
                file=file,
                line=line,
                column=column,
            )
