"""Tell which export a file is, from its header row (case, spaces and BOM ignored).

The header may sit below description rows (LinkedIn's xlsx, Meta's ``sep=,`` files); it
is looked for in the first rows of every sheet.  When several shapes fit, the one that
knows most of the file's headers wins.

>>> from smm_helpers.exports.raw import RawFile, RawSheet
>>> sheet = RawSheet("t.csv", [["Tweet id", "Tweet permalink", "time", "impressions"]], [1])
>>> locate(RawFile("t.csv", "csv", [sheet])).shape.id
'x_tweet_activity_2020'
>>> locate(RawFile("t.csv", "csv", [RawSheet("t.csv", [["Tweet id", "likes"]], [1])]))
Traceback (most recent call last):
...
smm_helpers.errors.DataError: t.csv, line 1, column 'Tweet permalink': SMM Lab does not ...
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from smm_helpers.errors import DataError
from smm_helpers.exports.raw import RawFile, RawSheet, read_raw
from smm_helpers.exports.shapes import Shape, known_shapes, normalise_header
from smm_helpers.i18n.messages import gettext as _

SEARCH_ROWS = 8
"""How many rows below the expected header row are searched for it."""


@dataclass(frozen=True)
class Match:
    """Where a shape's header row is in a file."""

    shape: Shape
    sheet: RawSheet
    header_index: int
    score: int


def _preamble(sheet: RawSheet, index: int) -> str:
    return normalise_header(" ".join(cell for row in sheet.rows[:index] for cell in row))


def _candidates(raw: RawFile, shape: Shape) -> list[tuple[RawSheet, int, set[str]]]:
    found = []
    for sheet in raw.sheets:
        last = min(len(sheet.rows), shape.description_rows + SEARCH_ROWS)
        for index in range(last):
            headers = {normalise_header(cell) for cell in sheet.rows[index] if cell.strip()}
            found.append((sheet, index, headers))
    return found


def locate(raw: RawFile, shapes: tuple[Shape, ...] | None = None) -> Match:
    """The best-fitting shape and where its header row is; a teaching DataError if none fits."""
    shapes = known_shapes() if shapes is None else shapes
    best: Match | None = None
    closest: tuple[float, Shape, RawSheet, int, list[str]] | None = None
    for shape in shapes:
        wanted = [normalise_header(h) for h in shape.signature]
        for sheet, index, headers in _candidates(raw, shape):
            missing = [
                h for h, key in zip(shape.signature, wanted, strict=True) if key not in headers
            ]
            title_ok = not shape.title_contains or normalise_header(
                shape.title_contains
            ) in _preamble(sheet, index)
            if not missing and title_ok:
                score = len(headers & shape.known_headers())
                if best is None or score > best.score:
                    best = Match(shape, sheet, index, score)
            else:
                share = (len(wanted) - len(missing)) / len(wanted) - (0 if title_ok else 0.01)
                if closest is None or share > closest[0]:
                    closest = (share, shape, sheet, index, missing)
    if best is not None:
        return best
    known = "; ".join(f"{s.title} ({s.id})" for s in shapes)
    if closest is None or (closest[0] <= 0 and len(shapes) > 1):
        first = raw.sheets[0] if raw.sheets else None
        line = first.lines[0] if first and first.lines else None
        raise DataError(
            _(
                "SMM Lab does not recognise this export: none of its first rows has the "
                "headers of an export it knows"
            ),
            file=raw.name,
            line=line,
            fix=_(
                "download one of the exports SMM Lab reads: {known}; do not rename or "
                "delete its header row"
            ).format(known=known),
        )
    _share, shape, sheet, index, missing = closest
    lacks = ", ".join(repr(h) for h in missing) or _("(all headers present)")
    if shape.title_contains and not missing:
        problem = _(
            "SMM Lab does not recognise this export; the closest is {title} ({id}), "
            "but this file lacks its header(s) {lacks} and the title {wanted} above "
            "the header"
        )
    else:
        problem = _(
            "SMM Lab does not recognise this export; the closest is {title} ({id}), "
            "but this file lacks its header(s) {lacks}"
        )
    raise DataError(
        problem.format(
            title=shape.title, id=shape.id, lacks=lacks, wanted=repr(shape.title_contains)
        ),
        file=raw.name,
        line=sheet.lines[index] if sheet.lines else None,
        column=missing[0] if missing else None,
        fix=_(
            "if it is that export, download it again without editing the header row; "
            "SMM Lab reads: {known}"
        ).format(known=known),
    )


def recognise(path: str | Path) -> Shape:
    """Which export the file at ``path`` is (see ``known_shapes``); DataError if none.

    >>> from smm_helpers.exports.shapes import get_shape
    >>> isinstance(get_shape("tiktok_content"), Shape)
    True
    """
    return locate(read_raw(path)).shape
