"""The CSV files an instructor edits (roster, due dates, extensions, hand grades): read what a
spreadsheet saved, or say exactly which line and column is wrong and what to do.

Every command reads these files through :func:`read_table`, so they all accept the same
things: UTF-8 with or without the byte-order mark Excel's "CSV UTF-8" writes, UTF-16 with
its mark (Excel's "Unicode Text"), commas, semicolons (Excel where the decimal mark is a
comma) or tabs between values, headers in any case with spaces for underscores, and blank
lines.  Values are stripped and put in Unicode NFC, so a name typed on two keyboards
compares equal.

>>> rows = parse_table("\\ufeffID;First Name\\nar1001;Amina\\n", ("id", "first_name"),
...                    file="roster.csv", what="roster")
>>> rows[0].line, rows[0]["id"], rows[0]["first_name"]
(2, 'ar1001', 'Amina')
>>> parse_table("id,name\\n", ("id", "first_name"), file="roster.csv", what="roster")
Traceback (most recent call last):
...
smm_helpers.errors.DataError: roster.csv, line 1: the roster has no column 'first_name' \
(its columns are: id, name).
How to fix it: make the first line id,first_name.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smm_helpers.errors import DataError

DELIMITERS = (",", ";", "\t")
EXCEL_HINT = (
    'in Excel use File → Save As → "CSV UTF-8 (Comma delimited)"; in LibreOffice '
    'tick "Edit filter settings" and pick Unicode (UTF-8)'
)


@dataclass(frozen=True)
class Row(Mapping[str, str]):
    """One row of a table: its values by column, and its line in the file (header = 1)."""

    line: int
    cells: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.cells[column]

    def __iter__(self) -> Iterator[str]:
        return iter(self.cells)

    def __len__(self) -> int:
        return len(self.cells)


def column_name(header: str) -> str:
    """A header cell as a column name: stripped, lower case, spaces and hyphens as ``_``.

    >>> column_name(" First Name "), column_name("LMS-ID"), column_name("e-mail")
    ('first_name', 'lms_id', 'e_mail')
    """
    text = unicodedata.normalize("NFC", header).strip().strip("\ufeff").strip().lower()
    return "_".join(text.replace("-", " ").split())


def decode(raw: bytes, file: str) -> str:
    """The text of a CSV file saved as UTF-8 (with or without a BOM) or UTF-16 with a BOM.

    >>> decode("\\ufeffid,name".encode("utf-8"), "roster.csv")
    'id,name'
    >>> decode("id\\tname".encode("utf-16"), "roster.csv")
    'id\\tname'
    >>> decode("Ren\\xe9e".encode("cp1252"), "roster.csv")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: roster.csv, line 1: the file is not UTF-8 text (byte 0xe9 \
at position 3), so names with letters outside English would be garbled.
    How to fix it: save it as UTF-8: in Excel use File → Save As → "CSV UTF-8 (Comma \
delimited)"; in LibreOffice tick "Edit filter settings" and pick Unicode (UTF-8).
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError(
            f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x} at "
            f"position {error.start}), so names with letters outside English "
            "would be garbled",
            file=file,
            line=line,
            fix="save it as UTF-8: " + EXCEL_HINT,
        ) from None


def sniff_delimiter(header: str, known: tuple[str, ...] = ()) -> str:
    """The delimiter of a header line: the one that splits it into the most known columns
    (then the most columns); a comma when nothing splits it.

    >>> sniff_delimiter("id;first_name;last_name", ("id", "first_name"))
    ';'
    >>> sniff_delimiter('"Rahman, Amina",ar1001', ())
    ','
    >>> sniff_delimiter("id")
    ','
    """

    def score(delimiter: str) -> tuple[int, int]:
        cells = next(csv.reader([header], delimiter=delimiter), [])
        names = [column_name(c) for c in cells]
        return sum(n in known for n in names), len(cells)

    best = max(DELIMITERS, key=lambda d: (score(d), d == ","))
    return best if score(best)[1] > 1 else ","


def parse_table(
    text: str,
    columns: tuple[str, ...],
    *,
    optional: tuple[str, ...] = (),
    file: str,
    what: str,
    extra: bool = False,
) -> list[Row]:
    """Rows of a CSV text with the ``columns`` (required, in any order) and ``optional`` ones.

    Other columns are an error unless ``extra`` (then they are kept too).  A row with more
    values than the header is an error naming its line; a shorter row gets empty values.
    Blank lines are skipped.  ``what`` names the table in errors ("roster").  The first
    problem is raised (:func:`every_row` collects them all).
    """
    rows, problems = every_row(text, columns, optional=optional, file=file, what=what, extra=extra)
    if problems:
        raise problems[0]
    return rows


def every_row(
    text: str,
    columns: tuple[str, ...],
    *,
    optional: tuple[str, ...] = (),
    file: str,
    what: str,
    extra: bool = False,
) -> tuple[list[Row], list[DataError]]:
    """:func:`parse_table`, going on past the rows it cannot read: the rows it could read,
    and every problem.  A problem with the header stops everything: no row can be read
    without it.

    >>> rows, problems = every_row("a,b\\n1,2,3\\n4,5\\n6,7,8\\n", ("a", "b"), file="t.csv",
    ...                            what="table")
    >>> [row.line for row in rows], [problem.line for problem in problems]
    ([3], [2, 4])
    """
    text = text.lstrip("\ufeff")
    try:
        reader, header_cells, names = _header(text, columns, optional, file, what, extra)
    except DataError as error:
        return [], [error]
    delimiter = reader.dialect.delimiter
    rows: list[Row] = []
    problems: list[DataError] = []
    for cells in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(names):
            problems.append(
                DataError(
                    f"this row has {len(cells)} values but the header has {len(names)} columns",
                    file=file,
                    line=line,
                    fix="give one value per column: "
                    + ",".join(header_cells)
                    + (" (quote a value that contains a comma)" if delimiter == "," else ""),
                )
            )
            continue
        values = dict.fromkeys((name for name in names if name), "")
        values.update(
            {
                name: unicodedata.normalize("NFC", cell).strip()
                for name, cell in zip(names, cells, strict=False)
                if name
            }
        )
        rows.append(Row(line, values))
    return rows, problems


def _header(
    text: str,
    columns: tuple[str, ...],
    optional: tuple[str, ...],
    file: str,
    what: str,
    extra: bool,
) -> tuple[Any, list[str], list[str]]:
    """A CSV reader past the header line, the header's cells and their column names; a
    header without the columns, with one twice or (unless ``extra``) with another raises."""
    first = text.splitlines()[0] if text.strip() else ""
    if not first.strip():
        raise DataError(
            f"the {what} is empty",
            file=file,
            line=1,
            fix="make the first line " + ",".join(columns),
        )
    reader = csv.reader(io.StringIO(text), delimiter=sniff_delimiter(first, columns + optional))
    header_cells = next(reader)
    names = [column_name(c) for c in header_cells]
    shown = ", ".join(n or "(empty)" for n in names)
    for column in columns:
        if column not in names:
            hint = ""
            if len(names) == 1 and any(d in first for d in "|:"):
                hint = " (separate the values with commas)"
            raise DataError(
                f"the {what} has no column {column!r} (its columns are: {shown}){hint}",
                file=file,
                line=1,
                fix="make the first line " + ",".join(columns + optional),
            )
    seen: set[str] = set()
    for name in names:
        if name in seen and name:
            raise DataError(
                f"the column {name!r} is in the header twice",
                file=file,
                line=1,
                fix="keep one column of each name",
            )
        seen.add(name)
        if name and name not in columns + optional and not extra:
            raise DataError(
                f"the {what} has a column {name!r} SMM Lab does not use",
                file=file,
                line=1,
                column=name,
                fix="remove it, or rename it to one of: " + ", ".join(columns + optional),
            )
    return reader, header_cells, names


def read_table(
    path: Path,
    columns: tuple[str, ...],
    *,
    optional: tuple[str, ...] = (),
    what: str,
    extra: bool = False,
) -> list[Row]:
    """:func:`parse_table` of a file (see :func:`decode` for the encodings it reads)."""
    return parse_table(
        decode(path.read_bytes(), str(path)),
        columns,
        optional=optional,
        file=str(path),
        what=what,
        extra=extra,
    )
