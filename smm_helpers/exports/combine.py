"""Combine several exports (posts from several platforms, followers) into one client's data.

>>> data = read_exports([], client="Nakshi Crafts")
>>> len(data.posts), len(data.followers), data.inbox is None
(0, 0, True)
>>> read_exports("posts.csv")
Traceback (most recent call last):
...
smm_helpers.errors.InputError: read_exports takes a list of files, got one text.
How to fix it: pass a list, e.g. read_exports(["facebook.csv", "tiktok.csv"]), or use ...
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from smm_helpers.errors import DataError, InputError
from smm_helpers.exports.convert import COUNTS, EXTRA_COUNTS, read_export
from smm_helpers.exports.frame_lines import frame_lines
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits
from smm_helpers.schema import FORMATS, LANGUAGES, PLATFORMS, TIMEZONE


@dataclass(frozen=True, eq=False)
class ClientData:
    """One client's data read from platform exports.

    ``posts`` and ``followers`` are course tables (with their extras); ``inbox`` and
    ``campaigns`` are None (platform exports do not hold them); ``sources`` lists each
    file read: its name, export id and title, table and row count.
    """

    posts: pd.DataFrame
    followers: pd.DataFrame
    inbox: pd.DataFrame | None = None
    campaigns: pd.DataFrame | None = None
    sources: list[dict[str, Any]] = field(default_factory=list)
    client: str = "my client"  # i18n: not shown (a default client name, data)

    def __repr__(self) -> str:
        files = ", ".join(s["file"] for s in self.sources) or _("no files")
        return _(
            "ClientData({client}: {posts} posts, {followers} follower rows from {files})"
        ).format(
            client=repr(self.client),
            posts=digits(len(self.posts)),
            followers=digits(len(self.followers)),
            files=files,
        )

    def _repr_html_(self) -> str:
        """In a notebook: what was read, in the words of ``describe_export``."""
        text = "\n".join(client_lines(self))
        return f"<pre>{html.escape(text)}</pre>"


def client_lines(data: ClientData) -> list[str]:
    """The lines ``describe_export`` prints for one client's data: files, posts, followers.

    >>> client_lines(read_exports([], client="Nakshi Crafts"))
    ['Client data for Nakshi Crafts: 0 posts and 0 follower rows from 0 file(s).']
    """
    lines = [
        _(
            "Client data for {client}: {posts} posts and {followers} follower rows "
            "from {files} file(s)."
        ).format(
            client=data.client,
            posts=digits(len(data.posts)),
            followers=digits(len(data.followers)),
            files=digits(len(data.sources)),
        )
    ]
    for source in data.sources:
        lines.append(
            _("- {file}: {title} ({rows} rows).").format(
                file=source["file"], title=source["title"], rows=digits(source["rows"])
            )
        )
    if len(data.posts):
        lines.append(_("Posts:"))
        lines += [f"  {line}" for line in frame_lines(data.posts)[1:]]
    if len(data.followers):
        lines.append(_("Followers:"))
        lines += [f"  {line}" for line in frame_lines(data.followers)[1:]]
    return lines


def read_exports(
    paths: list[str | Path] | tuple[str | Path, ...],
    *,
    client: str = "my client",  # i18n: not shown
    timezone: str | None = None,
) -> ClientData:
    """Read several export files as one client's data (see the module docstring).

    ``timezone`` is passed to every ``read_export`` (default: each export's own zone).

    Posts from every posts export are stacked (sorted by time); the same post in two files
    is an error naming both.  A post's unknown ``followers`` is filled from the followers
    exports: the last known count on or before the post's day, same platform.
    """
    if isinstance(paths, (str, Path)):
        raise InputError(
            _("read_exports takes a list of files, got one text")
            if isinstance(paths, str)
            else _("read_exports takes a list of files, got one path"),
            fix=_(
                'pass a list, e.g. read_exports(["facebook.csv", '
                '"tiktok.csv"]), or use read_export for one file'
            ),
        )
    frames = [read_export(path, client=client, timezone=timezone) for path in paths]
    sources = [
        {
            "file": f.attrs["file"],
            "export_id": f.attrs["export_id"],
            "title": f.attrs["export_title"],
            "table": f.attrs["table"],
            "platform": f.attrs["platform"],
            "rows": len(f),
            "attrs": dict(f.attrs),
        }
        for f in frames
    ]
    posts = _stack([f for f in frames if f.attrs["table"] == "posts"], "posts", client)
    followers = _stack([f for f in frames if f.attrs["table"] == "followers"], "followers", client)
    _refuse_repeated_posts(posts)
    followers = _merge_repeated_days(followers)
    posts = _fill_followers(posts, followers)
    return ClientData(posts=posts, followers=followers, sources=sources, client=client)


def _empty(table: str, client: str) -> pd.DataFrame:
    """A table with no rows but every column and dtype read_export gives."""
    categories = pd.Categorical([], categories=[client])
    if table == "followers":
        return pd.DataFrame(
            {
                "date": pd.Series([], dtype="datetime64[ns]"),
                "client": categories,
                "platform": pd.Categorical([], categories=PLATFORMS),
                "followers": pd.Series([], dtype="float64"),
                "new_followers": pd.Series([], dtype="float64"),
                "source_file": pd.Series([], dtype="str"),
                "source_line": pd.Series([], dtype="int64"),
            }
        )
    columns: dict[str, Any] = {
        "post_id": pd.Series([], dtype="str"),
        "client": categories,
        "published_at": pd.Series([], dtype=pd.DatetimeTZDtype("ns", TIMEZONE)),
        "platform": pd.Categorical([], categories=PLATFORMS),
        "format": pd.Categorical([], categories=FORMATS),
        "pillar": pd.Categorical([], categories=["unknown"]),
        "language": pd.Categorical([], categories=[*LANGUAGES, "unknown"]),
        "caption": pd.Series([], dtype="str"),
    }
    columns.update({name: pd.Series([], dtype="float64") for name in COUNTS})
    columns["boosted"] = pd.Series([], dtype="boolean")
    columns["spend"] = pd.Series([], dtype="float64")
    columns.update({name: pd.Series([], dtype="float64") for name in EXTRA_COUNTS})
    columns.update(
        {
            "url": pd.Series([], dtype="str"),
            "duration_seconds": pd.Series([], dtype="float64"),
            "time_known": pd.Series([], dtype="bool"),
            "source_file": pd.Series([], dtype="str"),
            "source_line": pd.Series([], dtype="int64"),
        }
    )
    return pd.DataFrame(columns)


def _stack(frames: list[pd.DataFrame], table: str, client: str) -> pd.DataFrame:
    empty = _empty(table, client)
    if not frames:
        empty.attrs.update(
            {
                "table": table,
                "files": [],
                "exports": [],
                "unknown": [],
                "partly_unknown": {},
                "filled_from": {},
                "notes": [],
            }
        )
        return empty
    stacked = pd.concat([f[list(empty.columns)] for f in frames], ignore_index=True)
    for name in empty.columns:
        dtype = empty[name].dtype
        if isinstance(dtype, pd.CategoricalDtype):
            stacked[name] = stacked[name].astype(str).astype(dtype)
        elif name in (*COUNTS, *EXTRA_COUNTS, "followers", "new_followers"):
            values = stacked[name].astype("float64")
            stacked[name] = values.astype("int64") if values.notna().all() else values
        elif name == "boosted":
            flags = stacked[name].astype("boolean")
            stacked[name] = flags.astype(bool) if flags.notna().all() else flags
    order = "published_at" if table == "posts" else "date"
    stacked = stacked.sort_values(order, kind="stable").reset_index(drop=True)
    notes = [f"{f.attrs['file']}: {note}" for f in frames for note in f.attrs["notes"]]
    columns = [
        n
        for n in empty.columns
        if n not in ("url", "duration_seconds", "time_known", "source_file", "source_line")
    ]
    stacked.attrs.update(
        {
            "table": table,
            "export_id": ", ".join(dict.fromkeys(f.attrs["export_id"] for f in frames)),
            "export_title": "; ".join(dict.fromkeys(f.attrs["export_title"] for f in frames)),
            "file": ", ".join(f.attrs["file"] for f in frames),
            "files": [f.attrs["file"] for f in frames],
            "exports": [
                {k: f.attrs[k] for k in ("file", "export_id", "export_title", "platform")}
                for f in frames
            ],
            "unknown": [
                n
                for n in columns
                if stacked[n].isna().all()
                or (n in ("pillar", "language") and (stacked[n] == "unknown").all())
            ],
            "partly_unknown": {
                n: int(stacked[n].isna().sum())
                for n in columns
                if stacked[n].isna().any() and not stacked[n].isna().all()
            },
            "filled_from": {f.attrs["file"]: dict(f.attrs["filled_from"]) for f in frames},
            "notes": notes,
        }
    )
    return stacked


def _refuse_repeated_posts(posts: pd.DataFrame) -> None:
    key = posts["platform"].astype(str) + "\x00" + posts["post_id"].astype(str)
    repeated = key.duplicated(keep=False)
    if not repeated.any():
        return
    rows = posts[repeated].assign(_key=key[repeated])
    first_key = rows["_key"].iloc[0]
    pair = rows[rows["_key"] == first_key].head(2)
    (a_file, a_line), (b_file, b_line) = pair[["source_file", "source_line"]].itertuples(
        index=False, name=None
    )
    total = int(rows["_key"].nunique())
    values = {
        "post": repr(pair["post_id"].iloc[0]),
        "platform": pair["platform"].iloc[0],
        "a_file": a_file,
        "a_line": digits(a_line),
        "b_file": b_file,
        "b_line": digits(b_line),
        "total": digits(total),
    }
    if total > 1:
        problem = _(
            "post {post} ({platform}) is in both {a_file} (line {a_line}) and {b_file} "
            "(line {b_line}); {total} posts are repeated like this"
        )
    else:
        problem = _(
            "post {post} ({platform}) is in both {a_file} (line {a_line}) and {b_file} "
            "(line {b_line})"
        )
    raise DataError(
        problem.format(**values),
        file=b_file,
        line=int(b_line),
        column="post_id",
        fix=_(
            "read each post once: leave out one of the files, or download exports whose "
            "date ranges do not overlap"
        ),
    )


def _merge_repeated_days(followers: pd.DataFrame) -> pd.DataFrame:
    if followers.empty:
        return followers
    key = followers["platform"].astype(str) + "\x00" + followers["date"].astype(str)
    repeated = key.duplicated(keep=False)
    if not repeated.any():
        return followers
    for _key, group in followers[repeated].groupby(key[repeated], sort=False):
        for column in ("followers", "new_followers"):
            known = group[column].dropna()
            if known.nunique() > 1:
                a, b = group.iloc[0], group.iloc[1]
                raise DataError(
                    _(
                        "{platform} {column} on {day} is {a_value} in {a_file} (line {a_line}) "
                        "but {b_value} in {b_file} (line {b_line})"
                    ).format(
                        platform=a["platform"],
                        column=column,
                        day=f"{a['date']:%Y-%m-%d}",
                        a_value=digits(f"{a[column]:g}"),
                        a_file=a["source_file"],
                        a_line=digits(a["source_line"]),
                        b_value=digits(f"{b[column]:g}"),
                        b_file=b["source_file"],
                        b_line=digits(b["source_line"]),
                    ),
                    file=str(b["source_file"]),
                    line=int(b["source_line"]),
                    column=column,
                    fix=_("keep one of the two exports, or download them again so they agree"),
                )
    merged = followers.groupby(key, sort=False).first().reset_index(drop=True)
    merged = merged.astype(
        {
            c: followers[c].dtype
            for c in followers.columns
            if not (c in ("followers", "new_followers") and merged[c].isna().any())
        }
    )
    merged.attrs = dict(followers.attrs)
    merged.attrs["notes"] = [
        *followers.attrs.get("notes", []),
        _(
            "{count} follower row(s) repeated the same day in two files; each day is kept once"
        ).format(count=digits(int(repeated.sum() - key[repeated].nunique()))),
    ]
    return merged.sort_values(["date", "platform"], kind="stable").reset_index(drop=True)


def _fill_followers(posts: pd.DataFrame, followers: pd.DataFrame) -> pd.DataFrame:
    known = followers.dropna(subset=["followers"])
    missing = posts["followers"].isna()
    if posts.empty or known.empty or not missing.any():
        return posts
    left = pd.DataFrame(
        {
            "row": np.arange(len(posts)),
            "day": posts["published_at"]
            .dt.tz_localize(None)
            .dt.normalize()
            .astype("datetime64[ns]"),
            "platform": posts["platform"].astype(str),
        }
    ).sort_values("day", kind="stable")
    right = pd.DataFrame(
        {
            "day": known["date"].astype("datetime64[ns]"),
            "platform": known["platform"].astype(str),
            "count": known["followers"].astype("float64"),
            "file": known["source_file"].astype(str),
        }
    ).sort_values("day")
    found = (
        pd.merge_asof(left, right, on="day", by="platform", direction="backward")
        .set_index("row")
        .sort_index()
    )
    use = missing.to_numpy() & found["count"].notna().to_numpy()
    if not use.any():
        posts.attrs["notes"] = [
            *posts.attrs["notes"],
            _(
                "no followers export covers these posts' platforms and days: "
                "followers stays unknown"
            ),
        ]
        return posts
    filled = posts.copy()
    values = filled["followers"].astype("float64").to_numpy(copy=True)
    values[use] = found["count"].to_numpy()[use]
    filled["followers"] = (
        pd.Series(values, dtype="float64").astype("int64")
        if not np.isnan(values).any()
        else pd.Series(values)
    )
    files = ", ".join(sorted(set(found.loc[use, "file"])))
    left_unknown = int(np.isnan(values).sum())
    filled.attrs = dict(posts.attrs)
    filled.attrs["followers_filled_from"] = files
    if left_unknown:
        note = _(
            "followers of {count} post(s) filled from {files}: the last known count on or "
            "before the post's day, same platform; {unknown} post(s) still unknown"
        )
    else:
        note = _(
            "followers of {count} post(s) filled from {files}: the last known count on or "
            "before the post's day, same platform"
        )
    filled.attrs["notes"] = [
        *posts.attrs["notes"],
        note.format(count=digits(int(use.sum())), files=files, unknown=digits(left_unknown)),
    ]
    filled.attrs["unknown"] = [
        c for c in posts.attrs["unknown"] if c != "followers" or left_unknown == len(filled)
    ]
    partly = dict(posts.attrs["partly_unknown"])
    partly.pop("followers", None)
    if 0 < left_unknown < len(filled):
        partly["followers"] = left_unknown
    filled.attrs["partly_unknown"] = partly
    return filled
