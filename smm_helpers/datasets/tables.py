"""The course data as one object (``CourseData``) and the dtypes every table is given.

Both the generator and the loaders finish with ``typed_table``, so a generated table and
the same table read back from CSV are identical, dtype for dtype:

=============  =========================================================================
schema kind    pandas dtype
=============  =========================================================================
id, text       ``str`` (pandas' string dtype)
category       ``category``: the schema's choices in schema order when it has them
               (e.g. all six platforms), otherwise the distinct values, sorted
timestamp      ``datetime64[ns, Asia/Dhaka]`` (empty → ``NaT``)
date           ``datetime64[ns]`` (midnight of the day, Dhaka calendar)
count          ``int64``
money          ``float64`` (BDT, rounded to paisa)
bool           ``bool``
=============  =========================================================================
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from smm_helpers.errors import InputError, unknown_choice
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits, format_number
from smm_helpers.schema import TABLES, TIMEZONE, Column

TIMESTAMP_DTYPE = pd.DatetimeTZDtype("ns", TIMEZONE)


def table_columns(table: str) -> tuple[Column, ...]:
    """The schema columns of a table by name (``posts``, ``followers``, ``inbox``, ``campaigns``).

    >>> [c.name for c in table_columns("followers")]
    ['date', 'client', 'platform', 'followers']
    >>> table_columns("likes")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'likes' is not a table SMM Lab knows.
    How to fix it: use one of: posts, followers, inbox, campaigns.
    """
    if table not in TABLES:
        raise unknown_choice(_("table"), table, tuple(TABLES))
    return TABLES[table]


def category_dtype(column: Column, values: pd.Series) -> pd.CategoricalDtype:
    """The categorical dtype of a category column: schema choices, else sorted values.

    >>> from smm_helpers.schema import POSTS
    >>> category_dtype(POSTS[3], pd.Series(["x"])).categories[:2].tolist()
    ['facebook', 'instagram']
    >>> category_dtype(POSTS[5], pd.Series(["tips", "events", "tips"])).categories.tolist()
    ['events', 'tips']
    """
    if column.choices is not None:
        return pd.CategoricalDtype(list(column.choices))
    distinct = pd.unique(values.dropna().astype(str))
    return pd.CategoricalDtype(sorted(distinct))


def typed_table(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """A new DataFrame with the schema's columns first, in order, each with its course dtype.

    The values must already be valid (see ``smm_helpers.datasets.validate``); extra
    columns are kept after the schema's.  The caller's frame is not changed.

    >>> raw = pd.DataFrame({"date": ["2025-01-01"], "client": ["business"],
    ...                     "platform": ["tiktok"], "followers": [15000]})
    >>> typed_table(raw, "followers").dtypes.astype(str).tolist()
    ['datetime64[ns]', 'category', 'category', 'int64']
    >>> typed_table(raw.drop(columns="followers"), "followers")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: the followers table has no column 'followers'.
    How to fix it: run smm_helpers.datasets.validate(frame, 'followers') first; ...
    """
    columns = table_columns(table)
    out: dict[str, object] = {}
    for column in columns:
        if column.name not in frame.columns:
            raise InputError(
                _("the {table} table has no column {column}").format(
                    table=table, column=repr(column.name)
                ),
                fix=_("run {call} first; it explains what is missing").format(
                    call=f"smm_helpers.datasets.validate(frame, {table!r})"
                ),
            )
        out[column.name] = _typed_column(frame[column.name], column)
    extras = [name for name in frame.columns if name not in out]
    result = pd.DataFrame(out, index=pd.RangeIndex(len(frame)))
    for name in extras:
        result[name] = frame[name].to_numpy()
    return result


def _typed_column(values: pd.Series, column: Column) -> pd.Series | pd.Categorical:
    kind = column.kind
    data = values.reset_index(drop=True)
    if kind in ("id", "text"):
        return data if isinstance(data.dtype, pd.StringDtype) else data.astype("str")
    if kind == "category":
        if isinstance(data.dtype, pd.CategoricalDtype):
            used = data.cat.remove_unused_categories()
            wanted = category_dtype(column, used.cat.categories.to_series())
            return used.cat.set_categories(wanted.categories)
        return data.astype(str).astype(category_dtype(column, data))
    if kind == "timestamp":
        stamps = pd.to_datetime(data)
        if stamps.dt.tz is None:
            stamps = stamps.dt.tz_localize(TIMEZONE)
        return stamps.dt.tz_convert(TIMEZONE).astype(TIMESTAMP_DTYPE)
    if kind == "date":
        return pd.to_datetime(data).dt.normalize().astype("datetime64[ns]")
    if kind == "count":
        return data.astype("int64")
    if kind == "money":
        return data.astype("float64").round(2)
    if kind == "bool":
        return data.astype(bool)
    raise AssertionError(f"unknown column kind {kind!r}")  # pragma: no cover; i18n: not shown


def csv_ready(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """A copy of a typed table with timestamps as ISO text (``2025-01-05T10:30:00+06:00``).

    Dates become ``YYYY-MM-DD``; everything else is written as pandas writes it.

    >>> stamps = pd.Series(pd.to_datetime(["2025-01-05 10:30"])).dt.tz_localize("Asia/Dhaka")
    >>> raw = pd.DataFrame({"message_id": ["M1"], "client": ["business"],
    ...                     "platform": ["facebook"], "received_at": stamps,
    ...                     "responded_at": [pd.NaT], "category": ["praise"],
    ...                     "language": ["en"], "text": ["Lovely!"]})
    >>> text = csv_ready(typed_table(raw, "inbox"), "inbox")
    >>> text[["received_at", "responded_at"]].iloc[0].tolist()
    ['2025-01-05T10:30:00+06:00', '']
    >>> csv_ready(raw, "ads")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'ads' is not a table SMM Lab knows.
    How to fix it: use one of: posts, followers, inbox, campaigns.
    """
    out = frame.copy()
    for column in table_columns(table):
        if column.name not in out.columns:
            continue
        if column.kind == "timestamp":
            text = out[column.name].dt.strftime("%Y-%m-%dT%H:%M:%S%z")
            text = text.str[:-2] + ":" + text.str[-2:]
            out[column.name] = text.fillna("")
        elif column.kind == "date":
            out[column.name] = out[column.name].dt.strftime("%Y-%m-%d")
    return out


@dataclass(frozen=True, eq=False)
class CourseData:
    """The four course tables together: ``posts``, ``followers``, ``inbox``, ``campaigns``.

    Make one with ``smm_helpers.datasets.generate()`` or ``load_course_data()``; write it
    with ``.to_csv(folder)``.
    """

    posts: pd.DataFrame
    followers: pd.DataFrame
    inbox: pd.DataFrame
    campaigns: pd.DataFrame

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """The four tables by name, in schema order."""
        return {name: getattr(self, name) for name in TABLES}

    def to_csv(self, folder: str | Path) -> list[Path]:
        """Write ``posts.csv``, ``followers.csv``, ``inbox.csv`` and ``campaigns.csv`` (UTF-8).

        The folder is created if missing; existing files of those names are replaced.
        Returns the paths written.
        """
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for name, frame in self.tables.items():
            path = folder / f"{name}.csv"
            csv_ready(frame, name).to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
            paths.append(path)
        return paths

    def _summary(self) -> list[tuple[str, str]]:
        rows = []
        for name, frame in self.tables.items():
            stamp = {
                "posts": "published_at",
                "followers": "date",
                "inbox": "received_at",
                "campaigns": "start_date",
            }[name]
            count = format_number(len(frame))
            if len(frame):
                first, last = frame[stamp].min(), frame[stamp].max()
                text = _("{count} rows, {first} to {last}").format(
                    count=count, first=digits(f"{first:%Y-%m-%d}"), last=digits(f"{last:%Y-%m-%d}")
                )
            else:
                text = _("{count} rows").format(count=count)
            rows.append((name, text))
        return rows

    def __repr__(self) -> str:
        lines = [f"  .{name:<10} {text}" for name, text in self._summary()]
        return "CourseData(\n" + "\n".join(lines) + "\n)"

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td><code>.{name}</code></td><td>{html.escape(text)}</td></tr>"
            for name, text in self._summary()
        )
        return f"<b>CourseData</b><table>{rows}</table>"
