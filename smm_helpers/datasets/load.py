"""Load the course tables, or your own exports, and check every value on the way in.

Every loader reads a CSV file, checks it against ``smm_helpers.schema`` and returns a new
typed DataFrame (dtypes in ``smm_helpers.datasets.tables``).  A problem raises
``smm_helpers.errors.DataError`` naming the file, the line (the header is line 1, the first
data row line 2), the column, what is wrong and how to fix it.  With several bad rows the
first few are shown and the total is given.

>>> posts = load_posts()
>>> str(posts["published_at"].dtype), str(posts["reach"].dtype)
('datetime64[ns, Asia/Dhaka]', 'int64')
>>> load_posts(client="charity")
Traceback (most recent call last):
...
smm_helpers.errors.InputError: 'charity' is not a client SMM Lab knows.
How to fix it: use one of: nonprofit, business.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
import tempfile
import zoneinfo
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from smm_helpers.datasets.tables import (
    TIMESTAMP_DTYPE,
    CourseData,
    table_columns,
    typed_table,
)
from smm_helpers.errors import DataError, InputError, unknown_choice
from smm_helpers.exports.convert import read_export as read_platform_export
from smm_helpers.i18n.messages import N_, ngettext
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits
from smm_helpers.schema import CLIENTS, PLATFORM_NAMES, TABLES, TIMEZONE, Column

SHOWN_PROBLEMS = 5
"""How many problems an error message lists before saying how many more there are."""

_ZONE_SUFFIX = re.compile(r"(?:Z|[+-]\d{2}:?\d{2})$", re.IGNORECASE)
_TRUE = {"true", "1", "yes", "y", "t"}
_FALSE = {"false", "0", "no", "n", "f"}
_PLATFORM_ALIASES = {
    **{name.lower(): key for key, name in PLATFORM_NAMES.items()},
    "twitter": "x",
    "fb": "facebook",
    "ig": "instagram",
    "yt": "youtube",
}


@dataclass(frozen=True)
class _Problem:
    row: int
    column: str
    problem: str
    fix: str


# ---------------------------------------------------------------------------- public API
def validate(
    frame: pd.DataFrame, table: str = "posts", *, file: str = "<DataFrame>"
) -> pd.DataFrame:
    """Check an in-memory table against the schema; return a new, typed copy.

    Text values are parsed as a CSV loader would; rows are named by their index label.
    The caller's frame is not changed.

    >>> raw = pd.DataFrame({"date": ["2025-01-01"], "client": ["business"],
    ...                     "platform": ["tiktok"], "followers": ["15000"]})
    >>> validate(raw, "followers")["followers"].tolist()
    [15000]
    >>> validate(raw.assign(followers=[-3]), "followers")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: <DataFrame>, column 'followers': row 0: ... negative (-3).
    How to fix it: counts cannot be below 0; check the sign, or write 0 if there were none.
    """
    if not isinstance(frame, pd.DataFrame):
        raise InputError(
            _("expected a pandas DataFrame, got {kind}").format(kind=type(frame).__name__),
            fix=_("pass a DataFrame, e.g. one from smm_helpers.datasets.load_posts()"),
        )
    labels = list(frame.index)
    return _check_table(
        frame.reset_index(drop=True), table, file, line_of=None, row_label=lambda row: labels[row]
    )


def load_posts(path: str | Path | None = None, *, client: str | None = None) -> pd.DataFrame:
    """The posts table: the course's committed data, or your CSV at ``path``.

    ``client`` keeps only one client's posts (``"nonprofit"`` or ``"business"``).

    >>> load_posts(client="nonprofit")["client"].unique().tolist()
    ['nonprofit']
    >>> load_posts("no/such/posts.csv")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: posts.csv: there is no file at no/such/posts.csv.
    How to fix it: check the path and the file name; leave path out to load the course's own data.
    """
    return _load("posts", path, client)


def load_followers(path: str | Path | None = None, *, client: str | None = None) -> pd.DataFrame:
    """The daily followers table (one row per day, client and platform).

    >>> load_followers(client="business")["platform"].nunique()
    6
    >>> load_followers(client="shop")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'shop' is not a client SMM Lab knows.
    How to fix it: use one of: nonprofit, business.
    """
    return _load("followers", path, client)


def load_inbox(path: str | Path | None = None, *, client: str | None = None) -> pd.DataFrame:
    """The inbox: messages received, and when (if ever) they were answered.

    ``language`` is the language a message is written in, not its script: ``bn`` covers
    Bengali in Bengali letters and *Banglish*, Bengali typed in Latin letters ("apu cushion
    cover ta ki blue e pawa jabe?"), as ``community.detect_language`` decides; ``en`` is
    English.  To find the Banglish messages, look for ``bn`` rows without Bengali letters:

    >>> inbox = load_inbox()
    >>> bool(inbox["responded_at"].isna().any())
    True
    >>> bengali_letters = inbox["text"].str.contains("[\u0980-\u09ff]")
    >>> banglish = inbox[(inbox["language"] == "bn") & ~bengali_letters]
    >>> 0.1 < len(banglish) / len(inbox) < 0.3
    True
    >>> load_inbox(client="ngo")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'ngo' is not a client SMM Lab knows.
    How to fix it: use one of: nonprofit, business.
    """
    return _load("inbox", path, client)


def load_campaigns(path: str | Path | None = None, *, client: str | None = None) -> pd.DataFrame:
    """The paid campaigns (budget, spend, impressions, clicks, conversions).

    >>> bool((load_campaigns()["clicks"] <= load_campaigns()["impressions"]).all())
    True
    >>> load_campaigns(client="")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: '' is not a client SMM Lab knows.
    How to fix it: use one of: nonprofit, business.
    """
    return _load("campaigns", path, client)


def load_course_data(folder: str | Path | None = None) -> CourseData:
    """All four tables from ``folder`` (default: the course's committed data).

    >>> load_course_data().posts.shape[1]
    19
    >>> load_course_data("no/such/folder")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: posts.csv: there is no file at no/such/folder/posts.csv.
    How to fix it: check the path and the file name; leave path out to load the course's own data.
    """
    paths = {name: None if folder is None else Path(folder) / f"{name}.csv" for name in TABLES}
    return CourseData(**{name: _load(name, path, None) for name, path in paths.items()})


def read_export(
    path: str | Path,
    table: str | None = None,
    columns: Mapping[str, str] | None = None,
    timezone: str | None = None,
    fill: Mapping[str, object] | None = None,
    *,
    client: str | None = None,
    shape: str | None = None,
) -> pd.DataFrame:
    """Read your own platform export as a course table.

    Without ``columns``, the export is recognised by its headers and read by
    ``smm_helpers.exports.read_export`` (Meta Business Suite, X, LinkedIn, TikTok,
    YouTube Studio; posts or followers): no mapping needed.  ``client`` names the client
    (default ``fill["client"]`` or "my client"), ``timezone`` overrides the zone the
    platform writes times in, ``shape`` forces an export shape.

    With ``columns``, the file is read through your hand-written mapping of the export's
    headers to the schema's names, e.g. ``{"Post ID": "post_id", "Reach": "reach"}``;
    ``fill`` gives a constant for a column the export lacks (e.g. ``{"client":
    "business", "saves": 0}``).  Timestamps without a time zone are read as ``timezone``
    (default Asia/Dhaka).  Platform names such as "Facebook" or "Twitter" become the
    course ids, and thousands separators in numbers are removed.  Unmapped columns are
    dropped.  Returns a new, checked DataFrame.

    >>> export = ("Date,Account,Network,Fans\\n"
    ...           "2025-03-01,business,Facebook,\\"45,120\\"\\n")
    >>> path = _doctest_file(export)
    >>> frame = read_export(path, "followers", columns={"Date": "date", "Account": "client",
    ...                     "Network": "platform", "Fans": "followers"})
    >>> frame["platform"].tolist(), frame["followers"].tolist()
    (['facebook'], [45120])
    >>> read_export(path, "followers", columns={"Day": "date"})
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: export.csv, line 1, column 'Day': the file has no column 'Day'.
    How to fix it: the columns mapping names 'Day', but the file's columns are: Date, Account, ...
    >>> tweets = _doctest_file("Tweet id,Tweet permalink,Tweet text,time,impressions,likes\\n"
    ...                        "7,https://x.com/a/status/7,Hi,2025-03-01 04:00 +0000,900,12\\n")
    >>> read_export(tweets, client="Nakshi Crafts")[["post_id", "impressions"]].values.tolist()
    [['7', 900]]
    """
    if columns is None:
        name = (
            client if client is not None else str((fill or {}).get("client", "my client"))
        )  # i18n: not shown
        frame = read_platform_export(path, client=name, timezone=timezone, shape=shape)
        if table is not None and frame.attrs["table"] != table:
            raise DataError(
                _("this file is {title}, a {kind} export, not a {table} table").format(
                    title=frame.attrs["export_title"], kind=frame.attrs["table"], table=table
                ),
                file=Path(path).name,
                fix=_("leave table out, or pass a {table} export").format(table=table),
            )
        return frame
    table = table or "posts"
    timezone = timezone or TIMEZONE
    columns = dict(columns)
    fill = dict(fill or {})
    names = [column.name for column in table_columns(table)]
    for target in [*columns.values(), *fill]:
        if target not in names:
            raise unknown_choice(_("{table} column").format(table=table), target, names)
    try:
        zoneinfo.ZoneInfo(timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise InputError(
            _("{timezone} is not a time zone SMM Lab knows").format(timezone=repr(timezone)),
            fix=_("use an IANA name such as 'Asia/Dhaka' or 'UTC'"),
        ) from error

    raw, name = _read_csv(path)
    for source in columns:
        if source not in raw.columns:
            raise DataError(
                _("the file has no column {column}").format(column=repr(source)),
                file=name,
                line=1,
                column=source,
                fix=_(
                    "the columns mapping names {column}, but the file's columns are: {columns}"
                ).format(column=repr(source), columns=", ".join(map(str, raw.columns)))
                + _suggest(source, list(raw.columns)),
            )
    frame = raw[list(columns)].rename(columns=columns)
    for column_name, value in fill.items():
        if column_name not in frame.columns:
            frame[column_name] = str(value)
    frame = _tidy_export(frame, table_columns(table))
    return _check_table(
        frame, table, name, line_of=lambda row: row + 2, row_label=None, naive_timezone=timezone
    )


# ---------------------------------------------------------------------------- reading
def _load(table: str, path: str | Path | None, client: str | None) -> pd.DataFrame:
    if client is not None and client not in CLIENTS:
        raise unknown_choice(_("client"), client, CLIENTS)
    raw, name = _read_csv(path, default=f"{table}.csv")
    frame = _check_table(raw, table, name, line_of=lambda row: row + 2, row_label=None)
    if client is not None:
        frame = frame[frame["client"] == client].reset_index(drop=True)
    return frame


def _read_csv(path: str | Path | None, default: str = "export.csv") -> tuple[pd.DataFrame, str]:
    """The file as a DataFrame of text (nothing converted yet), and its name for messages."""
    if path is None:
        name = default
        data = resources.files("smm_helpers").joinpath("data", default).read_bytes()
    else:
        name = Path(path).name
        try:
            data = Path(path).read_bytes()
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError) as error:
            raise DataError(
                _("there is no file at {path}").format(path=path),
                file=name,
                fix=_(
                    "check the path and the file name; leave path out to load the course's own data"
                ),
            ) from error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise DataError(
            _("the file is not UTF-8 text: byte {byte} cannot be read").format(
                byte=f"0x{data[error.start]:02x}"
            ),
            file=name,
            line=line,
            fix=_(
                "save the file as UTF-8 (Excel: File > Save As > 'CSV UTF-8'; LibreOffice: "
                "Character set 'Unicode (UTF-8)'); Bengali text needs it"
            ),
        ) from error
    if not text.strip():
        raise DataError(
            _("the file is empty"),
            file=name,
            fix=_(
                "export the table again with its header row and data; "
                "smm_helpers.schema lists the columns each table needs"
            ),
        )
    _check_row_lengths(text, name)
    raw = pd.read_csv(
        io.StringIO(text), dtype=str, keep_default_na=False, na_filter=False, index_col=False
    )
    raw.columns = [str(column).strip() for column in raw.columns]
    return raw, name


def _check_row_lengths(text: str, name: str) -> None:
    """Every non-blank row must have as many fields as the header."""
    reader = csv.reader(io.StringIO(text))
    header = next(reader)
    for row in reader:
        if row and len(row) != len(header):
            raise DataError(
                _(
                    "the file is not a well-formed CSV: this row has {count} fields but the "
                    "header has {header}"
                ).format(count=digits(len(row)), header=digits(len(header))),
                file=name,
                line=reader.line_num,
                fix=_(
                    "every row needs as many commas as the header; put text that contains "
                    "commas in double quotes"
                ),
            )


def _tidy_export(frame: pd.DataFrame, columns: tuple[Column, ...]) -> pd.DataFrame:
    """Lower-case choices, map platform names to ids, drop thousands separators."""
    frame = frame.copy()
    for column in columns:
        if column.name not in frame.columns:
            continue
        values = frame[column.name].astype(str).str.strip()
        if column.choices is not None:
            values = values.str.lower()
            if column.name == "platform":
                values = values.map(lambda v: _PLATFORM_ALIASES.get(v, v))
        elif column.kind in ("count", "money"):
            values = values.str.replace(",", "", regex=False)
        frame[column.name] = values
    return frame


# ---------------------------------------------------------------------------- checking
def _check_table(
    frame: pd.DataFrame,
    table: str,
    file: str,
    *,
    line_of: Callable[[int], int] | None,
    row_label: Callable[[int], object] | None,
    naive_timezone: str | None = None,
) -> pd.DataFrame:
    columns = table_columns(table)
    names = [str(c) for c in frame.columns]
    missing = [column.name for column in columns if column.name not in frame.columns]
    if missing:
        n = len(missing) if len(missing) > 1 else 1
        raise DataError(
            ngettext(
                "the {table} table has no column {names}",
                "the {table} table has no columns {names}",
                n,
            ).format(table=table, names=", ".join(repr(name) for name in missing)),
            file=file,
            line=1 if line_of else None,
            column=missing[0],
            fix=ngettext(
                "add the column (the {table} table needs: {needed}); this file has: "
                "{has}{suggestion}; for a file downloaded from a platform use "
                "smm_helpers.exports.read_export(path), which recognises the export",
                "add the columns (the {table} table needs: {needed}); this file has: "
                "{has}{suggestion}; for a file downloaded from a platform use "
                "smm_helpers.exports.read_export(path), which recognises the export",
                n,
            ).format(
                table=table,
                needed=", ".join(column.name for column in columns),
                has=", ".join(names) or _("no columns"),
                suggestion=_suggest(missing[0], names),
            ),
        )
    problems: list[_Problem] = []
    totals = [0]
    converted: dict[str, pd.Series] = {}
    for column in columns:
        values, found, count = _convert(frame[column.name], column, table, naive_timezone)
        converted[column.name] = values
        problems += found
        totals[0] += count
    for found, count in _cross_checks(table, converted):
        problems += found
        totals[0] += count
    if problems:
        _raise(problems, totals[0], file, line_of, row_label, [c.name for c in columns])
    typed = frame.copy()
    for name, values in converted.items():
        typed[name] = values
    return typed_table(typed, table)


def _raise(
    problems: list[_Problem],
    total: int,
    file: str,
    line_of: Callable[[int], int] | None,
    row_label: Callable[[int], object] | None,
    order: list[str],
) -> None:
    problems = sorted(problems, key=lambda p: (p.row, order.index(p.column)))

    def where(p: _Problem) -> str:
        if line_of:
            return _("line {line}").format(line=digits(line_of(p.row)))
        return _("row {row}").format(row=digits(_label(row_label, p.row)))

    first = problems[0]
    text = first.problem if line_of else f"{where(first)}: {first.problem}"
    if total > 1:
        others = "; ".join(
            _("{where}, column {column}: {problem}").format(
                where=where(p), column=repr(p.column), problem=p.problem
            )
            for p in problems[1:SHOWN_PROBLEMS]
        )
        if others:
            text = _("{first} ({total} problems in all; also {others})").format(
                first=text, total=digits(total), others=others
            )
        else:
            text = _("{first} ({total} problems in all)").format(first=text, total=digits(total))
    raise DataError(
        text,
        fix=first.fix,
        file=file,
        line=line_of(first.row) if line_of else None,
        column=first.column,
    )


def _label(row_label: Callable[[int], object] | None, row: int) -> object:
    return row if row_label is None else row_label(row)


def _found(
    mask: pd.Series | np.ndarray, column: str, message: Callable[[int], str], fix: str
) -> tuple[list[_Problem], int]:
    rows = np.flatnonzero(np.asarray(mask, dtype=bool))
    shown = [_Problem(int(row), column, message(int(row)), fix) for row in rows[:SHOWN_PROBLEMS]]
    return shown, len(rows)


def _convert(
    values: pd.Series, column: Column, table: str, naive_timezone: str | None
) -> tuple[pd.Series, list[_Problem], int]:
    """Parse one column; return the parsed values and the problems found (shown, total)."""
    values = values.reset_index(drop=True)
    name = column.name
    is_text = values.dtype == object or pd.api.types.is_string_dtype(values.dtype)
    text = values.astype(str).str.strip() if is_text else None
    empty = (text == "") if text is not None else values.isna()
    problems: list[_Problem] = []
    total = 0

    def add(found: tuple[list[_Problem], int]) -> None:
        nonlocal problems, total
        problems += found[0]
        total += found[1]

    if column.required and column.kind not in ("count", "money", "bool"):
        add(
            _found(
                empty,
                name,
                lambda r: _("{column} is empty").format(column=name),
                _("fill in the {column} of every row ({description})").format(
                    column=name, description=_(column.description)
                ),
            )
        )
    kind = column.kind
    if kind in ("id", "text"):
        result = values.astype(str) if text is None else text
        if kind == "id":
            seen = result.where(~empty)
            first_row = seen.drop_duplicates(keep="first")
            first_of = pd.Series(first_row.index, index=first_row.to_numpy())
            add(
                _found(
                    seen.duplicated(keep="first") & ~empty,
                    name,
                    lambda r: _("{column} {value} appears twice (first at data row {row})").format(
                        column=name, value=repr(result[r]), row=digits(int(first_of[result[r]]) + 1)
                    ),
                    _(
                        "every {column} must be unique; remove the repeated row or give it "
                        "its own id"
                    ).format(column=name),
                )
            )
        return result, problems, total
    if kind == "category":
        result = values.astype(str) if text is None else text
        if column.choices is not None:
            unknown = ~result.isin(column.choices) & ~empty
            kind_name = _(_KIND_NAMES.get(name, name.replace("_", " ")))
            add(
                _found(
                    unknown,
                    name,
                    lambda r: _("{value} is not a {kind} SMM Lab knows").format(
                        value=repr(result[r]), kind=kind_name
                    ),
                    _("use one of: {choices}").format(choices=", ".join(column.choices))
                    + _suggest(
                        str(result[unknown].iloc[0]) if unknown.any() else "", list(column.choices)
                    ),
                )
            )
        return result, problems, total
    if kind == "timestamp":
        return _finish_timestamps(values, text, empty, column, naive_timezone, problems, total)
    if kind == "date":
        if text is not None:
            parsed = pd.to_datetime(text.where(~empty), format="%Y-%m-%d", errors="coerce")
        else:
            parsed = pd.to_datetime(values, errors="coerce")
            if isinstance(parsed.dtype, pd.DatetimeTZDtype):
                parsed = parsed.dt.tz_convert(TIMEZONE).dt.tz_localize(None)
        add(
            _found(
                parsed.isna() & ~empty,
                name,
                lambda r: _("{value} is not a date").format(value=repr(values[r])),
                _("write dates as YYYY-MM-DD, e.g. 2025-02-21"),
            )
        )
        return parsed, problems, total
    if kind in ("count", "money"):
        numbers = pd.to_numeric(text if text is not None else values, errors="coerce")
        numbers = pd.Series(numbers, dtype="float64")
        add(
            _found(
                empty,
                name,
                lambda r: _("{column} is empty").format(column=name),
                _("write 0 if there were none"),
            )
        )
        add(
            _found(
                numbers.isna() & ~empty,
                name,
                lambda r: _("{value} is not a number").format(value=repr(values[r])),
                _(
                    "write numbers with digits only, e.g. 1200 (no letters, currency signs "
                    "or thousands separators)"
                ),
            )
        )
        if kind == "count":
            add(
                _found(
                    numbers.notna() & (numbers != np.floor(numbers)),
                    name,
                    lambda r: _("{column} ({value}) is not a whole number").format(
                        column=name, value=values[r]
                    ),
                    _("{column} counts things, so it must be a whole number").format(column=name),
                )
            )
        add(
            _found(
                numbers < 0,
                name,
                lambda r: _("{column} is negative ({value})").format(column=name, value=values[r]),
                _("counts cannot be below 0; check the sign, or write 0 if there were none")
                if kind == "count"
                else _(
                    "money spent or earned cannot be below 0; check the sign, or write 0 if "
                    "there were none"
                ),
            )
        )
        if kind == "count":
            whole = numbers.where(numbers == np.floor(numbers)).fillna(0)
            return whole.astype("int64"), problems, total
        return numbers.fillna(0.0), problems, total
    if kind == "bool":
        if values.dtype == bool:
            return values, problems, total
        lowered = (text if text is not None else values.astype(str)).str.lower()
        add(
            _found(
                ~lowered.isin(_TRUE | _FALSE),
                name,
                lambda r: _("{value} is not true or false").format(value=repr(values[r])),
                _("write True or False (yes/no and 1/0 also work)"),
            )
        )
        return lowered.isin(_TRUE), problems, total
    raise AssertionError(  # pragma: no cover
        f"unknown kind {kind!r} in table {table}"
    )  # i18n: not shown


def _finish_timestamps(
    values: pd.Series,
    text: pd.Series | None,
    empty: pd.Series,
    column: Column,
    naive_timezone: str | None,
    problems: list[_Problem],
    total: int,
) -> tuple[pd.Series, list[_Problem], int]:
    name = column.name
    if text is None:
        parsed = pd.to_datetime(values, errors="coerce")
        if not isinstance(parsed.dtype, pd.DatetimeTZDtype):
            if naive_timezone is None:
                found = _found(
                    parsed.notna(),
                    name,
                    lambda r: _("{value} has no time zone").format(value=values[r]),
                    _("localise it first, e.g. frame[col].dt.tz_localize('Asia/Dhaka')"),
                )
                nothing = pd.Series(pd.NaT, index=parsed.index, dtype=TIMESTAMP_DTYPE)
                return nothing, problems + found[0], total + found[1]
            parsed = parsed.dt.tz_localize(naive_timezone, ambiguous="NaT", nonexistent="NaT")
        return parsed.dt.tz_convert(TIMEZONE), problems, total
    has_zone = text.str.contains(_ZONE_SUFFIX)
    aware = pd.to_datetime(
        text.where(has_zone & ~empty), format="ISO8601", utc=True, errors="coerce"
    )
    result = aware.dt.tz_convert(TIMEZONE)
    naive_rows = ~has_zone & ~empty
    if naive_rows.any() and naive_timezone is not None:
        naive = pd.to_datetime(text.where(naive_rows), format="ISO8601", errors="coerce")
        local = naive.dt.tz_localize(naive_timezone, ambiguous="NaT", nonexistent="NaT")
        result = result.where(~naive_rows, local.dt.tz_convert(TIMEZONE))
    bad = result.isna() & ~empty
    if naive_timezone is None:
        unparsed = bad & has_zone
        no_zone = (
            naive_rows
            & pd.to_datetime(text.where(naive_rows), format="ISO8601", errors="coerce").notna()
        )
        unparsed = unparsed | (naive_rows & ~no_zone)
        found = _found(
            no_zone,
            name,
            lambda r: _("{value} has no time zone").format(value=repr(text[r])),
            _(
                "add the offset, e.g. 2025-02-21T10:30:00+06:00 for Dhaka time, or "
                "read the file with smm_helpers.datasets.read_export(path, timezone="
                "'Asia/Dhaka')"
            ),
        )
        problems, total = problems + found[0], total + found[1]
    else:
        unparsed = bad
    found = _found(
        unparsed,
        name,
        lambda r: _("{value} is not a date and time").format(value=repr(text[r])),
        _("write it as ISO 8601, e.g. 2025-02-21T10:30:00+06:00"),
    )
    return result, problems + found[0], total + found[1]


def _cross_checks(table: str, values: dict[str, pd.Series]) -> list[tuple[list[_Problem], int]]:
    rules = {
        "posts": [
            (
                "reach",
                "impressions",
                _(
                    "reach counts unique people, so it can never exceed impressions; check "
                    "the two columns are not swapped"
                ),
            )
        ],
        "campaigns": [
            (
                "clicks",
                "impressions",
                _("every click needs an impression; check the two columns are not swapped"),
            ),
            (
                "conversions",
                "clicks",
                _(
                    "a conversion follows a click; check conversions counts only "
                    "sign-ups, donations or sales from the ads"
                ),
            ),
        ],
    }
    found = [_not_above(values, small, big, fix) for small, big, fix in rules.get(table, [])]
    if table == "campaigns":
        start, end = values["start_date"], values["end_date"]
        found.append(
            _found(
                end < start,
                "end_date",
                lambda r: _("end_date ({end}) is before start_date ({start})").format(
                    end=f"{end[r]:%Y-%m-%d}", start=f"{start[r]:%Y-%m-%d}"
                ),
                _("check the dates are not swapped"),
            )
        )
    if table == "inbox":
        got, answered = values["received_at"], values["responded_at"]
        found.append(
            _found(
                answered < got,
                "responded_at",
                lambda r: _("responded_at ({answered}) is before received_at ({received})").format(
                    answered=answered[r], received=got[r]
                ),
                _(
                    "a reply cannot come before the message; check the two columns "
                    "and their time zones"
                ),
            )
        )
    return found


def _not_above(
    values: dict[str, pd.Series], small: str, big: str, fix: str
) -> tuple[list[_Problem], int]:
    """Rows where column ``small`` is above column ``big`` (e.g. reach above impressions)."""
    a, b = values[small], values[big]

    def message(row: int) -> str:
        return _("{small} ({small_value}) is above {big} ({big_value})").format(
            small=small, small_value=a[row], big=big, big_value=b[row]
        )

    return _found(a > b, small, message, fix)


def _suggest(value: str, options: list[str]) -> str:
    """' (did you mean 'X'?)' for the closest option, ignoring case; '' if none is close."""
    lowered = {option.lower(): option for option in reversed(options)}
    close = difflib.get_close_matches(value.lower(), list(lowered), n=1)
    if not close or lowered[close[0]] == value:
        return ""
    return " " + _("(did you mean {option}?)").format(option=repr(lowered[close[0]]))


_KIND_NAMES = {
    "client": N_("client"),
    "platform": N_("platform"),
    "format": N_("format"),
    "language": N_("language"),
    "category": N_("category"),
    "objective": N_("objective"),
}
"""How an unknown value's column is named in 'is not a … SMM Lab knows'."""


def _doctest_file(text: str) -> Path:
    """Write ``text`` to a temporary ``export.csv`` (for the doctests); return its path."""
    folder = Path(tempfile.mkdtemp(prefix="smm-lab-"))
    path = folder / "export.csv"
    path.write_text(text, encoding="utf-8")
    return path
