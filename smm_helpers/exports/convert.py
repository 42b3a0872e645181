"""Turn one recognised export into the course's posts or followers table.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "tweets.csv"
>>> _ = path.write_text(
...     "Tweet id,Tweet permalink,Tweet text,time,impressions,retweets,replies,likes,url clicks\\n"
...     "11,https://x.com/a/status/11,Eid sale starts today,2025-03-28 14:15 +0000,"
...     "\\"1,204\\",3,1,40,\\n", encoding="utf-8")
>>> posts = read_export(path, client="Nakshi Crafts")
>>> posts["post_id"].tolist(), posts["impressions"].tolist(), posts["link_clicks"].tolist()
(['11'], [1204], [0])
>>> str(posts.loc[0, "published_at"])
'2025-03-28 20:15:00+06:00'
>>> bool(posts["reach"].isna().all()), posts.attrs["export_id"]
(True, 'x_tweet_activity_2020')
>>> _ = path.write_text(path.read_text().replace(",40,", ",forty,"), encoding="utf-8")
>>> read_export(path)
Traceback (most recent call last):
...
smm_helpers.errors.DataError: tweets.csv, line 2, column 'likes': 'forty' is not a number.
How to fix it: reactions counts things: write a whole number such as 1,234 ...
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from smm_helpers.errors import DataError, InputError
from smm_helpers.exports.raw import read_raw
from smm_helpers.exports.recognition import locate
from smm_helpers.exports.shapes import Shape, get_shape, load_shape_file, normalise_header
from smm_helpers.exports.table import ExportTable
from smm_helpers.exports.values import (
    has_time,
    has_year,
    parse_count,
    parse_datetime,
    parse_money,
    parse_seconds,
    with_latest_year,
)
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits
from smm_helpers.schema import FOLLOWERS, FORMATS, LANGUAGES, PLATFORMS, POSTS, TIMEZONE

COUNTS = (
    "followers",
    "impressions",
    "reach",
    "reactions",
    "comments",
    "shares",
    "saves",
    "link_clicks",
    "video_views",
)
EXTRA_COUNTS = ("views", "viewers")
POST_EXTRAS = (
    "views",
    "viewers",
    "url",
    "duration_seconds",
    "time_known",
    "source_file",
    "source_line",
)
FOLLOWER_EXTRAS = ("new_followers", "source_file", "source_line")


def read_export(
    path: str | Path,
    *,
    client: str = "my client",  # i18n: not shown
    timezone: str | None = None,
    shape: str | Shape | Path | None = None,
) -> pd.DataFrame:
    """Read a platform export as a course table (posts or followers); returns a new frame.

    The export is recognised by its headers (``shape`` forces one: a shape id, a Shape or
    the path of your own shape TOML).  ``timezone`` overrides the zone the shape says the
    platform writes times in.  Unknown values stay unknown (NaN), never 0; ``frame.attrs``
    says which export it was, what was mapped from what, what is unknown, and notes.
    """
    if timezone is not None:
        try:
            zoneinfo.ZoneInfo(timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
            raise InputError(
                _("{timezone} is not a time zone SMM Lab knows").format(timezone=repr(timezone)),
                fix=_("use an IANA name such as 'Asia/Dhaka', 'UTC' or 'America/Los_Angeles'"),
            ) from error
    if not isinstance(client, str) or not client.strip():
        raise InputError(
            _("client must be a name, e.g. 'Nakshi Crafts'"),
            fix=_("pass client='the client's name'"),
        )
    raw = read_raw(path)
    match = locate(raw, None if shape is None else (_shape(shape),))
    table = ExportTable.from_match(match, raw.name, raw.kind)
    if not table.rows:
        raise DataError(
            _("the export has its header row but no data rows"),
            file=raw.name,
            line=match.sheet.lines[match.header_index],
            fix=_("download it again for a date range that has posts or days in it"),
        )
    if match.shape.table == "posts":
        return _posts(table, client.strip(), timezone)
    return _followers(table, client.strip())


def _shape(shape: str | Shape | Path) -> Shape:
    if isinstance(shape, Shape):
        return shape
    if isinstance(shape, Path) or str(shape).endswith(".toml"):
        return load_shape_file(shape)
    return get_shape(str(shape))


# ------------------------------------------------------------------------------ posts
def _posts(table: ExportTable, client: str, timezone: str | None) -> pd.DataFrame:
    shape = table.shape
    n = len(table.rows)
    ids = _post_ids(table)
    stamps, time_known = _timestamps(
        table, "published_at", timezone or shape.timezone, chosen=timezone is not None
    )
    formats = _formats(table)
    captions = _captions(table)
    values: dict[str, list[float | None] | None] = {}
    for target in (*COUNTS, *EXTRA_COUNTS):
        values[target] = _counts(table, target, formats)
    _sums(table, values)
    _stand_ins(table, values)
    durations = _numbers(
        table,
        "duration_seconds",
        parse_seconds,
        N_("{value} is not a duration in seconds"),
        N_("write a duration in seconds with digits, e.g. 1,200.50"),
    )
    _short_videos(table, formats, durations)
    boosted = _booleans(table, "boosted")
    spend = _numbers(
        table,
        "spend",
        parse_money,
        N_("{value} is not an amount of money"),
        N_("write an amount of money with digits, e.g. 1,200.50"),
    )
    table.problems.raise_if_any()

    if spend is None and boosted is not None:
        spend = [0.0 if b is False else None for b in boosted]
        if any(b is False for b in boosted):
            table.notes.append(
                _(
                    "spend is 0 for the posts the export marks as not boosted; "
                    "unknown for the others"
                )
            )
    urls = [table.value(r, "url") for r in range(n)]
    frame = pd.DataFrame(
        {
            "post_id": pd.Series(ids, dtype="str"),
            "client": pd.Categorical([client] * n, categories=[client]),
            "published_at": pd.Series(stamps, dtype=pd.DatetimeTZDtype("ns", TIMEZONE)),
            "platform": pd.Categorical([shape.platform] * n, categories=PLATFORMS),
            "format": pd.Categorical(formats, categories=FORMATS),
            "pillar": pd.Categorical(["unknown"] * n, categories=["unknown"]),
            "language": pd.Categorical(_languages(captions), categories=[*LANGUAGES, "unknown"]),
            "caption": pd.Series(captions, dtype="str"),
        }
    )
    for target in COUNTS:
        frame[target] = _count_series(values[target], n)
    frame["boosted"] = _bool_series(boosted, n)
    frame["spend"] = pd.Series(
        [np.nan if v is None else v for v in (spend or [None] * n)], dtype="float64"
    )
    for target in EXTRA_COUNTS:
        frame[target] = _count_series(values[target], n)
    frame["url"] = pd.Series([u[0] if u and u[0] else None for u in urls], dtype="str")
    frame["duration_seconds"] = pd.Series(
        [np.nan if v is None else v for v in (durations or [None] * n)], dtype="float64"
    )
    frame["time_known"] = pd.Series(time_known, dtype="bool")
    frame["source_file"] = pd.Series([table.file] * n, dtype="str")
    frame["source_line"] = pd.Series(table.lines, dtype="int64")
    _reach_note(table, frame)
    if not all(time_known):
        table.notes.append(
            _(
                "the export gives the day of each post but not the time: "
                "published_at is midnight (Asia/Dhaka) of that day and "
                "time_known is False, so leave these posts out of best-time "
                "analyses"
            )
        )
    course = [c.name for c in POSTS]
    _attrs(table, frame, course + list(EXTRA_COUNTS), timezone)
    return frame


def _post_ids(table: ExportTable) -> list[str]:
    shape = table.shape
    pattern = re.compile(shape.id_pattern) if shape.id_pattern else None
    ids: list[str] = []
    seen: dict[str, int] = {}
    if not table.present("post_id"):
        raise DataError(
            _("the export has no post id column"),
            file=table.file,
            line=1,
            column=shape.columns["post_id"][0],
            fix=_("download the export again with its id column"),
        )
    table.mapped("post_id", [h for h, _ in table.present("post_id")])
    for row, line in enumerate(table.lines):
        text, header = table.value(row, "post_id") or ("", "")
        value = text
        if not text:
            table.problems.add(
                line,
                header,
                text,
                _("the post id is empty"),
                _("every post needs its id; download the export again"),
            )
        elif re.fullmatch(r"[0-9.]+[eE]\+?\d+", text):
            table.problems.add(
                line,
                header,
                text,
                _("the post id {value} was rounded by a spreadsheet (scientific notation)").format(
                    value=repr(text)
                ),
                _(
                    "download the export again and read the file directly; a spreadsheet that "
                    "opened it must keep the id column as Text"
                ),
            )
        elif pattern is not None:
            found = pattern.search(text)
            if found is None:
                table.problems.add(
                    line,
                    header,
                    text,
                    _("{value} has no post id in it").format(value=repr(text)),
                    _(
                        "this column should hold the post's link, which contains "
                        "its id (pattern {pattern})"
                    ).format(pattern=repr(shape.id_pattern)),
                )
            else:
                value = found.group(1)
        if value and value in seen:
            table.problems.add(
                line,
                header,
                text,
                _("post {post} appears twice (also line {line})").format(
                    post=repr(value), line=digits(seen[value])
                ),
                _(
                    "each post is listed once in an export; remove the repeated "
                    "row or download the export again"
                ),
            )
        seen.setdefault(value, line)
        ids.append(value)
    return ids


def _timestamps(
    table: ExportTable, target: str, zone: str, *, chosen: bool = False
) -> tuple[list[pd.Timestamp | None], list[bool]]:
    shape = table.shape
    present = table.present(target)
    if not present:
        raise DataError(
            _("the export has no column for {target}").format(target=target),
            file=table.file,
            line=1,
            column=shape.columns[target][0],
            fix=_("download the export again; its date column is missing"),
        )
    table.mapped(target, [present[0][0]])
    today = dt.datetime.now(zoneinfo.ZoneInfo(TIMEZONE)).date()
    stamps: list[pd.Timestamp | None] = []
    known: list[bool] = []
    yearless = 0
    localised = 0
    for row, line in enumerate(table.lines):
        text, header = table.value(row, target) or ("", present[0][0])
        if not text:
            table.problems.add(
                line,
                header,
                text,
                _("{column} is empty").format(column=target),
                _("every row needs its date; download the export again"),
            )
            stamps.append(None)
            known.append(False)
            continue
        try:
            moment, fmt = parse_datetime(text, shape.datetime_formats)
        except ValueError as error:
            example = dt.datetime(2025, 3, 28, 20, 15).strftime(shape.datetime_formats[0])
            table.problems.add(
                line,
                header,
                text,
                str(error),
                _(
                    "{title} writes dates like {example}; download it again, or if a "
                    "spreadsheet re-saved it, set the column back to that form"
                ).format(title=shape.title, example=repr(example)),
            )
            stamps.append(None)
            known.append(False)
            continue
        if not has_year(fmt):
            moment = dt.datetime.combine(with_latest_year(moment.date(), today), moment.time())
            yearless += 1
        if moment.tzinfo is not None:
            stamp = pd.Timestamp(moment).tz_convert(TIMEZONE)
        elif has_time(fmt):
            stamp = pd.Timestamp(moment.replace(tzinfo=zoneinfo.ZoneInfo(zone))).tz_convert(
                TIMEZONE
            )
            localised += 1
        else:
            stamp = pd.Timestamp(moment).tz_localize(TIMEZONE)
        stamps.append(stamp)
        known.append(has_time(fmt))
    if yearless:
        table.notes.append(
            _(
                "{count} date(s) were written without a year; each was taken "
                "as the latest such day not after {today}"
            ).format(count=digits(yearless), today=f"{today:%Y-%m-%d}")
        )
    if localised and target == "published_at":
        if chosen:
            note = _(
                "times were read as {zone} (your timezone=) and converted to Asia/Dhaka; "
                "pass timezone=... to read_export if they look shifted"
            )
        else:
            note = _(
                "times were read as {zone} (the zone {title} is taken to write them in) "
                "and converted to Asia/Dhaka; pass timezone=... to read_export if they "
                "look shifted"
            )
        table.notes.append(note.format(zone=zone, title=shape.title))
    return stamps, known


def _formats(table: ExportTable) -> list[str | None]:
    shape = table.shape
    present = table.present("format")
    n = len(table.rows)
    if not present:
        if shape.default_format:
            table.notes.append(
                _("the export has no post type: every post is {format}").format(
                    format=repr(shape.default_format)
                )
            )
            return [shape.default_format] * n
        return [None] * n
    table.mapped("format", [present[0][0]])
    result: list[str | None] = []
    known = sorted({key for key in shape.formats})
    for row, line in enumerate(table.lines):
        text, header = table.value(row, "format") or ("", "")
        course = shape.format_of(text) if text else (shape.default_format or None)
        if text and course is None:
            table.problems.add(
                line,
                header,
                text,
                _("{value} is not a post type SMM Lab knows in {title}").format(
                    value=repr(text), title=shape.title
                ),
                _(
                    "known post types: {known}; to read it anyway, copy {path}, add the type "
                    'under [formats] (e.g. "Type" = "video") and pass shape=\'your '
                    "copy.toml'"
                ).format(known=", ".join(known), path=f"smm_helpers/exports/shapes/{shape.source}"),
            )
        result.append(course)
    return result


def _captions(table: ExportTable) -> list[str | None]:
    present = table.present("caption")
    if not present:
        return [None] * len(table.rows)
    table.mapped("caption", [h for h, _ in present])
    return [(table.value(r, "caption") or ("", ""))[0] or None for r in range(len(table.rows))]


def _languages(captions: list[str | None]) -> list[str]:
    """Each caption's language ('unknown' without letters), the model asked once for all."""
    from smm_helpers.community import detect_languages  # heavy: loads regex on first use

    def readable(caption: str | None) -> bool:
        return bool(caption) and any(ch.isalpha() for ch in str(caption))

    found = iter(detect_languages([str(c) for c in captions if readable(c)]))
    return [next(found) if readable(c) else "unknown" for c in captions]


def _blank_is_zero(table: ExportTable, target: str, fmt: str | None) -> bool:
    shape = table.shape
    if target in shape.blank_zero:
        return True
    applies = shape.blank_zero_unless_format.get(target)
    return applies is not None and fmt is not None and fmt not in applies


def _count_of(
    table: ExportTable, row: int, line: int, header: str, text: str, target: str, fmt: str | None
) -> float | None:
    if not text:
        return 0 if _blank_is_zero(table, target, fmt) else None
    if table.is_unknown_token(text):
        return None
    try:
        return parse_count(text, table.shape.thousands_separator, table.shape.decimal_separator)
    except ValueError as error:
        table.problems.add(
            line,
            header,
            text,
            str(error),
            _(
                "{column} counts things: write a whole number such as 1,234 "
                "(a blank or '--' means unknown)"
            ).format(column=target),
        )
        return None


def _counts(
    table: ExportTable, target: str, formats: list[str | None]
) -> list[float | None] | None:
    present = table.present(target)
    if not present:
        return None
    table.mapped(target, [h for h, _ in present])
    result = []
    for row, line in enumerate(table.lines):
        text, header = table.value(row, target) or ("", present[0][0])
        result.append(_count_of(table, row, line, header, text, target, formats[row]))
    return result


def _sums(table: ExportTable, values: dict[str, Any]) -> None:
    for target in table.shape.sums:
        present = table.present(target, sums=True)
        if not present or values.get(target) is not None:
            continue
        table.mapped(target, [h for h, _ in present], " + ")
        totals: list[float | None] = []
        for row, line in enumerate(table.lines):
            parts = [
                _count_of(table, row, line, header, table.cell(row, index), target, None)
                for header, index in present
            ]
            totals.append(
                None
                if any(p is None for p in parts)
                else float(sum(p for p in parts if p is not None))
            )
        values[target] = totals


def _stand_ins(table: ExportTable, values: dict[str, Any]) -> None:
    for target, source in table.shape.stand_ins.items():
        if values.get(target) is None and values.get(source) is not None:
            values[target] = list(values[source])
            header = table.filled_from.get(source, source)
            table.mapped(target, [header])
            table.notes.append(
                _(
                    "{target} are the export's {header}: the export has no {target} column, so "
                    "the course's convention applies (schema.METRIC_NAMES: a view counts each time "
                    "the content is on screen); {source} keeps the same numbers"
                ).format(target=target, header=repr(header), source=source)
            )


def _numbers(
    table: ExportTable, target: str, parse: Any, problem: str, fix: str
) -> list[float | None] | None:
    """The column's numbers; ``problem`` ({value}) and ``fix`` are marked messages."""
    present = table.present(target)
    if not present:
        return None
    table.mapped(target, [present[0][0]])
    result: list[float | None] = []
    for row, line in enumerate(table.lines):
        text, header = table.value(row, target) or ("", present[0][0])
        if not text or table.is_unknown_token(text):
            result.append(None)
            continue
        try:
            result.append(float(parse(text)))
        except ValueError:
            table.problems.add(line, header, text, _(problem).format(value=repr(text)), _(fix))
            result.append(None)
    return result


def _short_videos(
    table: ExportTable, formats: list[str | None], durations: list[float | None] | None
) -> None:
    limit = table.shape.short_video_max_seconds
    if limit is None or durations is None or table.present("format"):
        return
    changed = 0
    for row, seconds in enumerate(durations):
        if seconds is not None and seconds <= limit and formats[row] == "video":
            formats[row] = "short_video"
            changed += 1
    if changed:
        table.notes.append(
            _(
                "{count} video(s) of {limit} seconds or less are counted as "
                "short_video (the export does not say which are Shorts)"
            ).format(count=digits(changed), limit=digits(f"{limit:g}"))
        )


def _booleans(table: ExportTable, target: str) -> list[bool | None] | None:
    shape = table.shape
    present = table.present(target)
    if not present:
        return None
    table.mapped(target, [h for h, _ in present])
    result: list[bool | None] = []
    for row, line in enumerate(table.lines):
        text, header = table.value(row, target) or ("", present[0][0])
        key = normalise_header(text)
        if not key:
            result.append({"false": False, "true": True}.get(shape.blank_boolean))
        elif key in shape.true_values:
            result.append(True)
        elif key in shape.false_values:
            result.append(False)
        else:
            result.append(None)
            table.problems.add(
                line,
                header,
                text,
                _("{value} is not a yes or no SMM Lab knows").format(value=repr(text)),
                _("this column should say one of: {choices}").format(
                    choices=", ".join([*shape.true_values, *shape.false_values])
                ),
            )
    return result


def _count_series(values: list[float | None] | None, n: int) -> pd.Series:
    if values is None:
        return pd.Series([np.nan] * n, dtype="float64")
    if all(v is not None for v in values):
        return pd.Series(values, dtype="int64")
    return pd.Series([np.nan if v is None else v for v in values], dtype="float64")


def _bool_series(values: list[bool | None] | None, n: int) -> pd.Series:
    if values is not None and all(v is not None for v in values):
        return pd.Series(values, dtype="bool")
    return pd.Series(values or [None] * n, dtype="boolean")


def _reach_note(table: ExportTable, frame: pd.DataFrame) -> None:
    above = frame["reach"] > frame["impressions"]
    if above.any():
        lines = ", ".join(digits(v) for v in frame.loc[above, "source_line"].head(5))
        table.notes.append(
            _(
                "{count} post(s) have reach above impressions (lines {lines}); kept as the export "
                "gives them (for this platform the two counts come from different definitions), "
                "so check them before comparing rates"
            ).format(count=digits(int(above.sum())), lines=lines)
        )


# -------------------------------------------------------------------------- followers
def _followers(table: ExportTable, client: str) -> pd.DataFrame:
    n = len(table.rows)
    stamps, _known = _timestamps(table, "date", TIMEZONE)
    values = {
        target: _counts(table, target, [None] * n) for target in ("followers", "new_followers")
    }
    days = [None if s is None else s.tz_localize(None).normalize() for s in stamps]
    seen: dict[object, int] = {}
    header = table.filled_from.get("date", "Date")
    for day, line in zip(days, table.lines, strict=True):
        if day is not None and day in seen:
            table.problems.add(
                line,
                header,
                f"{day:%Y-%m-%d}",
                _("the day {day} appears twice (also line {line})").format(
                    day=f"{day:%Y-%m-%d}", line=digits(seen[day])
                ),
                _("each day is listed once; remove the repeated row"),
            )
        seen.setdefault(day, line)
    table.problems.raise_if_any()
    frame = pd.DataFrame(
        {
            "date": pd.Series(days, dtype="datetime64[ns]"),
            "client": pd.Categorical([client] * n, categories=[client]),
            "platform": pd.Categorical([table.shape.platform] * n, categories=PLATFORMS),
            "followers": _count_series(values["followers"], n),
            "new_followers": _count_series(values["new_followers"], n),
            "source_file": pd.Series([table.file] * n, dtype="str"),
            "source_line": pd.Series(table.lines, dtype="int64"),
        }
    )
    if values["followers"] is None:
        table.notes.append(
            _(
                "the export counts new followers per day, not the total: "
                "followers is unknown and new_followers holds the daily gains"
            )
        )
    frame = frame.sort_values("date", kind="stable").reset_index(drop=True)
    _attrs(table, frame, [c.name for c in FOLLOWERS] + ["new_followers"], None)
    return frame


def _attrs(
    table: ExportTable, frame: pd.DataFrame, columns: list[str], timezone: str | None
) -> None:
    shape = table.shape
    unknown = [c for c in columns if c in frame and frame[c].isna().all()]
    partly = {
        c: int(frame[c].isna().sum())
        for c in columns
        if c in frame and frame[c].isna().any() and c not in unknown
    }
    if shape.table == "posts":
        unknown += [c for c in ("pillar", "language") if (frame[c] == "unknown").all()]
    frame.attrs.update(
        {
            "export_id": shape.id,
            "export_title": shape.title,
            "platform": shape.platform,
            "table": shape.table,
            "file": table.file,
            "files": [table.file],
            "unknown": unknown,
            "partly_unknown": partly,
            "filled_from": dict(table.filled_from),
            "notes": list(table.notes),
            "timezone": timezone or shape.timezone,
        }
    )
