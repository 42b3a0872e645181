"""The plain lines that say what one export table holds: its files, rows, dates, gaps.

The lowest layer of describing: it knows a table from ``read_export`` and nothing of
``ClientData``, so ``combine`` (one client's data) and ``describe`` (``describe_export``)
both build on it.

>>> import pandas as pd
>>> frame_lines(pd.DataFrame())
Traceback (most recent call last):
...
smm_helpers.errors.InputError: this table was not read from a platform export.
How to fix it: pass what read_export or read_exports returned.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits, format_date
from smm_helpers.schema import platform_name


def _span(frame: pd.DataFrame, column: str) -> str:
    if frame.empty or frame[column].isna().all():
        return _("no dates")
    first, last = frame[column].min(), frame[column].max()
    return _("{first} to {last}").format(first=format_date(first), last=format_date(last))


def _platforms(frame: pd.DataFrame) -> str:
    names = [platform_name(p) for p in pd.unique(frame["platform"].astype(str))]
    return ", ".join(names) or _("none")


def _unknown_lines(attrs: dict[Any, Any], rows: int, table: str) -> list[str]:
    lines = []
    if attrs.get("unknown"):
        lines.append(
            _("Unknown (not in the export, left empty, never 0): {columns}.").format(
                columns=", ".join(attrs["unknown"])
            )
        )
    if attrs.get("partly_unknown"):
        part = (
            _("{name} ({count} of {rows} posts)")
            if table == "posts"
            else _("{name} ({count} of {rows} days)")
        )
        lines.append(
            _("Partly unknown: {columns}.").format(
                columns=", ".join(
                    part.format(name=name, count=digits(count), rows=digits(rows))
                    for name, count in attrs["partly_unknown"].items()
                )
            )
        )
    return lines


def _mapped(filled: dict[str, str]) -> str:
    return ", ".join(f"{course} ← {header!r}" for course, header in filled.items())


def frame_lines(frame: pd.DataFrame) -> list[str]:
    """The lines about one table from ``read_export``: title and files, rows, dates, gaps."""
    attrs = frame.attrs
    table = attrs.get("table")
    if table not in ("posts", "followers"):
        raise InputError(
            _("this table was not read from a platform export"),
            fix=_("pass what read_export or read_exports returned"),
        )
    column = "published_at" if table == "posts" else "date"
    title = attrs["export_title"] if "export_title" in attrs else _("Exports")
    lines = [f"{title}: {', '.join(attrs.get('files', []))}."]
    values = {
        "count": digits(len(frame)),
        "platforms": _platforms(frame),
        "span": _span(frame, column),
    }
    if table == "posts":
        lines.append(
            _("{count} posts ({platforms}), {span} (dates in Asia/Dhaka).").format(**values)
        )
    else:
        lines.append(_("{count} days ({platforms}), {span}.").format(**values))
    filled = attrs.get("filled_from", {})
    if filled and all(isinstance(v, dict) for v in filled.values()):
        for file, mapping in filled.items():
            lines.append(
                _("Mapped in {file}: {mapping}.").format(file=file, mapping=_mapped(mapping))
            )
    elif filled:
        lines.append(_("Mapped: {mapping}.").format(mapping=_mapped(filled)))
    lines += _unknown_lines(attrs, len(frame), table)
    lines += [
        _("Note: {note}.").format(note=note)
        if not note.endswith(".")
        else _("Note: {note}").format(note=note)
        for note in attrs.get("notes", [])
    ]
    return lines
