"""One export's data rows under its recognised header: cells by course column, line numbers.

``ExportTable`` is the small layer between the raw rows and the conversion: it knows which
of a shape's accepted headers this file uses, hands out a row's value for a course column
(the first non-blank of that column's headers), drops the rows the shape says to drop and
collects notes and problems on the way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from smm_helpers.exports.problems import Problems
from smm_helpers.exports.recognition import Match
from smm_helpers.exports.shapes import Shape, normalise_header
from smm_helpers.exports.values import clean
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits


@dataclass
class ExportTable:
    """The rows of one recognised export, ready to convert."""

    shape: Shape
    file: str
    headers: list[str]
    rows: list[list[str]]
    lines: list[int]
    problems: Problems
    notes: list[str] = field(default_factory=list)
    filled_from: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_match(cls, match: Match, file: str, kind: str) -> ExportTable:
        """Cut the sheet at the header row, drop the shape's rows to drop (noting them)."""
        shape, sheet = match.shape, match.sheet
        headers = [clean(h) for h in sheet.rows[match.header_index]]
        where = "line" if kind == "csv" else "row"
        table = cls(shape, file, headers, [], [], Problems(file, where))
        if match.header_index != shape.description_rows:
            if where == "line":
                note = _(
                    "the header is on line {line}, after {above} row(s) above it; this "
                    "export usually has {usual} (read anyway)"
                )
            else:
                note = _(
                    "the header is on row {line}, after {above} row(s) above it; this "
                    "export usually has {usual} (read anyway)"
                )
            table.notes.append(
                note.format(
                    line=digits(sheet.lines[match.header_index]),
                    above=digits(match.header_index),
                    usual=digits(shape.description_rows),
                )
            )
        if kind != shape.file_type:
            table.notes.append(
                _("{title} is usually {usual}; this copy is {kind} (read anyway)").format(
                    title=shape.title, usual=shape.file_type, kind=kind
                )
            )
        if sheet.name and kind == "xlsx":
            table.notes.append(_("read the sheet {sheet}").format(sheet=repr(sheet.name)))
        drops = [(table.index_of(column), value) for column, value in shape.drop_rows]
        for row, line in zip(
            sheet.rows[match.header_index + 1 :], sheet.lines[match.header_index + 1 :], strict=True
        ):
            dropped = next(
                (
                    clean(row[index])
                    for index, value in drops
                    if index is not None
                    and index < len(row)
                    and normalise_header(row[index]) == normalise_header(value)
                ),
                None,
            )
            if dropped is not None:
                if where == "line":
                    note = _(
                        "dropped the {row} row (line {line}): it adds up the other rows, "
                        "it is not a post"
                    )
                else:
                    note = _(
                        "dropped the {row} row (row {line}): it adds up the other rows, "
                        "it is not a post"
                    )
                table.notes.append(note.format(row=repr(dropped), line=digits(line)))
                continue
            table.rows.append(row)
            table.lines.append(line)
        return table

    def index_of(self, header: str) -> int | None:
        """The position of an export header in this file (case and spaces ignored)."""
        wanted = normalise_header(header)
        for index, name in enumerate(self.headers):
            if normalise_header(name) == wanted:
                return index
        return None

    def present(self, target: str, *, sums: bool = False) -> list[tuple[str, int]]:
        """The headers this file has for a course column: (header as written, position)."""
        options = (self.shape.sums if sums else self.shape.columns).get(target, ())
        found: list[tuple[str, int]] = []
        for option in options:
            index = self.index_of(option)
            if index is not None and all(index != i for _, i in found):
                found.append((self.headers[index], index))
        return found

    def cell(self, row: int, index: int) -> str:
        """One cell's text ('' past the end of a short row)."""
        cells = self.rows[row]
        return clean(cells[index]) if index < len(cells) else ""

    def value(self, row: int, target: str) -> tuple[str, str] | None:
        """(text, header) of the first non-blank header of ``target`` in a row; None if
        the file has none of its headers; ('', header) when all are blank."""
        present = self.present(target)
        if not present:
            return None
        for header, index in present:
            text = self.cell(row, index)
            if text:
                return text, header
        return "", present[0][0]

    def is_unknown_token(self, text: str) -> bool:
        """Whether a cell says "no data" in this export's words ('--', '-', ...)."""
        return normalise_header(text) in {normalise_header(v) for v in self.shape.unknown_values}

    def mapped(self, target: str, headers: list[str], joiner: str = " or ") -> None:
        """Remember which export header(s) filled a course column ("A or B": the first
        non-blank of them; "A + B": their sum)."""
        self.filled_from[target] = joiner.join(headers)
