"""Say in a few plain lines what was read from the exports: a learner reads this first.

>>> import pandas as pd
>>> describe_export(pd.DataFrame())
Traceback (most recent call last):
...
smm_helpers.errors.InputError: this table was not read from a platform export.
How to fix it: pass what read_export or read_exports returned.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from smm_helpers.errors import InputError
from smm_helpers.schema import PLATFORM_NAMES


def _span(frame: pd.DataFrame, column: str) -> str:
    if frame.empty or frame[column].isna().all():
        return "no dates"
    first, last = frame[column].min(), frame[column].max()
    return f"{first:%d %b %Y} to {last:%d %b %Y}"


def _platforms(frame: pd.DataFrame) -> str:
    names = [PLATFORM_NAMES.get(p, p) for p in pd.unique(frame["platform"].astype(str))]
    return ", ".join(names) or "none"


def _unknown_lines(attrs: dict[Any, Any], rows: int, noun: str) -> list[str]:
    lines = []
    if attrs.get("unknown"):
        lines.append("Unknown (not in the export, left empty, never 0): "
                     + ", ".join(attrs["unknown"]) + ".")
    if attrs.get("partly_unknown"):
        lines.append("Partly unknown: " + ", ".join(
            f"{name} ({count} of {rows} {noun})"
            for name, count in attrs["partly_unknown"].items()) + ".")
    return lines


def _mapped(filled: dict[str, str]) -> str:
    return ", ".join(f"{course} ← {header!r}" for course, header in filled.items())


def _frame_lines(frame: pd.DataFrame) -> list[str]:
    attrs = frame.attrs
    table = attrs.get("table")
    if table not in ("posts", "followers"):
        raise InputError("this table was not read from a platform export",
                         fix="pass what read_export or read_exports returned")
    noun = "posts" if table == "posts" else "days"
    column = "published_at" if table == "posts" else "date"
    lines = [f"{attrs.get('export_title', 'Exports')}: {', '.join(attrs.get('files', []))}.",
             f"{len(frame)} {noun} ({_platforms(frame)}), {_span(frame, column)}"
             + (" (dates in Asia/Dhaka)." if table == "posts" else ".")]
    filled = attrs.get("filled_from", {})
    if filled and all(isinstance(v, dict) for v in filled.values()):
        for file, mapping in filled.items():
            lines.append(f"Mapped in {file}: {_mapped(mapping)}.")
    elif filled:
        lines.append(f"Mapped: {_mapped(filled)}.")
    lines += _unknown_lines(attrs, len(frame), noun)
    lines += [f"Note: {note}." if not note.endswith(".") else f"Note: {note}"
              for note in attrs.get("notes", [])]
    return lines


def describe_export(data: Any) -> str:
    """A few plain lines about a frame from ``read_export`` or a ``ClientData``."""
    from smm_helpers.exports.combine import ClientData

    if isinstance(data, ClientData):
        lines = [f"Client data for {data.client}: {len(data.posts)} posts and "
                 f"{len(data.followers)} follower rows from {len(data.sources)} file(s)."]
        for source in data.sources:
            lines.append(f"- {source['file']}: {source['title']} ({source['rows']} rows).")
        if len(data.posts):
            lines.append("Posts:")
            lines += [f"  {line}" for line in _frame_lines(data.posts)[1:]]
        if len(data.followers):
            lines.append("Followers:")
            lines += [f"  {line}" for line in _frame_lines(data.followers)[1:]]
        return "\n".join(lines)
    if not isinstance(data, pd.DataFrame):
        raise InputError(f"expected a table from read_export, got {type(data).__name__}",
                         fix="pass what read_export or read_exports returned")
    return "\n".join(_frame_lines(data))
