"""Read an export file as it is: rows of text, each with the line (or xlsx row) it came from.

Nothing is converted here; ``convert`` does that.  CSV files may be UTF-8 (with or
without a byte-order mark) or UTF-16 with a byte-order mark (as Meta writes some
exports); an Excel ``sep=;`` first line is honoured.  xlsx files are read with openpyxl,
every sheet, cell values as text (Excel dates become ISO text).

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "posts.csv"
>>> _ = path.write_bytes("\\ufeffPost ID,Views\\n1,\\"1,200\\"\\n".encode("utf-8"))
>>> sheet = read_raw(path).sheets[0]
>>> sheet.rows
[['Post ID', 'Views'], ['1', '1,200']]
>>> sheet.lines
[1, 2]
>>> read_raw(path.with_name("nothing.csv"))
Traceback (most recent call last):
...
smm_helpers.errors.DataError: nothing.csv: there is no file at ....
How to fix it: check the path and the file name.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from smm_helpers.errors import DataError
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import format_number

MAX_BYTES = 200_000_000
"""Refuse files larger than this (200 MB) before reading them."""


@dataclass(frozen=True)
class RawSheet:
    """One table of text: ``rows[i]`` came from line (CSV) or row (xlsx) ``lines[i]``."""

    name: str
    rows: list[list[str]]
    lines: list[int]


@dataclass(frozen=True)
class RawFile:
    """A whole export file: its name, kind (``csv`` or ``xlsx``) and sheets (one for CSV)."""

    name: str
    kind: str
    sheets: list[RawSheet]


def read_raw(path: str | Path) -> RawFile:
    """The file's rows of text, checked to be a readable CSV or xlsx file."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DataError(
                _("the file is {size} bytes, more than SMM Lab reads at once").format(
                    size=format_number(size)
                ),
                file=name,
                fix=_("export a shorter date range"),
            )
        data = path.read_bytes()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError) as error:
        raise DataError(
            _("there is no file at {path}").format(path=path),
            file=name,
            fix=_("check the path and the file name"),
        ) from error
    if not data.strip():
        raise DataError(
            _("the file is empty"),
            file=name,
            line=1,
            fix=_(
                "download the export again; an export has a header row and at least one row of data"
            ),
        )
    if data[:4] == b"PK\x03\x04":
        return RawFile(name, "xlsx", _read_xlsx(data, name))
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise DataError(
            _("the file is an old Excel workbook (.xls), which SMM Lab does not read"),
            file=name,
            line=1,
            fix=_("open it in Excel or LibreOffice and save it as .xlsx or as CSV UTF-8"),
        )
    utf16 = data[:2] in (b"\xff\xfe", b"\xfe\xff")
    if data[:5] == b"%PDF-" or (b"\x00" in data[:4096] and not utf16):
        raise DataError(
            _("the file is not a CSV or xlsx export (it looks like a binary file)"),
            file=name,
            line=1,
            fix=_("download the data export as CSV or xlsx, not a PDF or image of the report"),
        )
    return RawFile(name, "csv", [_read_csv(data, name)])


def _decode(data: bytes, name: str) -> str:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise DataError(
                _("the file says it is UTF-16 but cannot be read as UTF-16"),
                file=name,
                fix=_("download the export again"),
            ) from error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise DataError(
            _("the file is not UTF-8 text: byte {byte} on this line cannot be read").format(
                byte=f"0x{data[error.start]:02x}"
            ),
            file=name,
            line=line,
            fix=_(
                "download the export again, or save it as UTF-8 (Excel: File > Save As > "
                "'CSV UTF-8'; LibreOffice: Character set 'Unicode (UTF-8)'); Bengali text "
                "needs it"
            ),
        ) from error


def _read_csv(data: bytes, name: str) -> RawSheet:
    text = _decode(data, name).replace("\r\n", "\n").replace("\r", "\n")
    first, _newline, rest = text.partition("\n")
    offset = 0
    hint = first.strip().strip('"')
    if hint.lower().startswith("sep=") and len(hint) == 5:
        delimiter = hint[4]
        rows, lines = [[first.strip()]], [1]
        text, offset = rest, 1
    else:
        delimiter = _delimiter(first)
        rows, lines = [], []
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    start = 1
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append([cell for cell in row])
                lines.append(start + offset)
            start = reader.line_num + 1
    except csv.Error as error:
        raise DataError(
            _("the file is not a well-formed CSV ({error})").format(error=error),
            file=name,
            line=start + offset,
            fix=_(
                "download the export again; if you edited it, put text that "
                "contains commas or quotes in double quotes"
            ),
        ) from error
    return RawSheet(name, rows, lines)


def _delimiter(line: str) -> str:
    """Comma, unless the first line clearly uses semicolons or tabs (a European Excel
    setting, or Meta's tab-separated UTF-16 files).

    >>> _delimiter("a,b;c"), _delimiter("Date;Followers;Gain"), _delimiter("Date\\tPrimary")
    (',', ';', '\\t')
    """
    counts = {sep: line.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] > counts[","] else ","


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()  # an Excel date cell: a day, no time
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_xlsx(data: bytes, name: str) -> list[RawSheet]:
    import openpyxl  # heavy: loaded on first use

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise DataError(
            _("the file is a zip archive but not an xlsx workbook"),
            file=name,
            line=1,
            fix=_(
                "unzip it first and read the CSV or xlsx inside (YouTube "
                "Studio's download holds 'Table data.csv')"
            ),
        ) from error
    sheets = []
    try:
        for sheet in book.worksheets:
            rows, lines = [], []
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                cells = [_cell_text(value) for value in values]
                if any(cell.strip() for cell in cells):
                    rows.append(cells)
                    lines.append(number)
            sheets.append(RawSheet(sheet.title, rows, lines))
    finally:
        book.close()
    return sheets
