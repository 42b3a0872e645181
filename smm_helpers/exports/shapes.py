"""The export shapes: one declarative TOML file per platform export, read with ``tomllib``.

A *shape* says how one platform writes one export: which headers recognise it, which
export header fills which course column, how dates, numbers, booleans and post types are
written, which blanks mean 0 and which mean unknown, and which rows to drop.  The files
live in ``smm_helpers/exports/shapes/``; adding an export is adding a file, not code.

>>> shape = get_shape("youtube_table_data")
>>> shape.platform, shape.table, shape.file_type
('youtube', 'posts', 'csv')
>>> shape.columns["video_views"]
('Views',)
>>> get_shape("myspace_posts")
Traceback (most recent call last):
...
smm_helpers.errors.InputError: 'myspace_posts' is not an export shape SMM Lab knows.
How to fix it: use one of: ...
"""

from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from smm_helpers.errors import DataError, unknown_choice
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.schema import FORMATS, PLATFORMS

POST_EXTRAS = ("views", "viewers", "url", "duration_seconds")
"""Columns a posts shape may fill besides the course's own (kept after them)."""

FOLLOWER_EXTRAS = ("new_followers",)
"""Columns a followers shape may fill besides the course's own."""

_POST_TARGETS = (
    "post_id",
    "published_at",
    "format",
    "pillar",
    "language",
    "caption",
    "followers",
    "impressions",
    "reach",
    "reactions",
    "comments",
    "shares",
    "saves",
    "link_clicks",
    "video_views",
    "boosted",
    "spend",
    *POST_EXTRAS,
)
_FOLLOWER_TARGETS = ("date", "followers", *FOLLOWER_EXTRAS)


def normalise_header(text: object) -> str:
    """A header as compared: NFC, no BOM, case and runs of spaces ignored.

    >>> normalise_header("\\ufeff Post  ID ")
    'post id'
    """
    cleaned = unicodedata.normalize("NFC", str(text)).replace("\ufeff", "")
    return " ".join(cleaned.split()).casefold()


@dataclass(frozen=True)
class Shape:
    """One export shape, as its TOML file declares it (see the module docstring)."""

    id: str
    title: str
    platform: str
    table: str
    file_type: str
    description_rows: int
    signature: tuple[str, ...]
    columns: dict[str, tuple[str, ...]]
    timezone: str
    datetime_formats: tuple[str, ...]
    source: str
    generation: str = ""
    title_contains: str = ""
    sums: dict[str, tuple[str, ...]] = field(default_factory=dict)
    stand_ins: dict[str, str] = field(default_factory=dict)
    formats: dict[str, str] = field(default_factory=dict)
    default_format: str = ""
    short_video_max_seconds: float | None = None
    id_pattern: str = ""
    unknown_values: tuple[str, ...] = ()
    blank_zero: tuple[str, ...] = ()
    blank_zero_unless_format: dict[str, tuple[str, ...]] = field(default_factory=dict)
    true_values: tuple[str, ...] = ()
    false_values: tuple[str, ...] = ()
    blank_boolean: str = "unknown"
    drop_rows: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = ()
    thousands_separator: str = ","
    decimal_separator: str = "."

    def known_headers(self) -> set[str]:
        """Every export header this shape reads, normalised."""
        names = [
            *self.signature,
            *(h for hs in self.columns.values() for h in hs),
            *(h for hs in self.sums.values() for h in hs),
        ]
        return {normalise_header(name) for name in names}

    def format_of(self, post_type: str) -> str | None:
        """The course format of a post type as the export writes it, or None if unknown.

        >>> get_shape("facebook_posts_2025").format_of(" Photos ")
        'image'
        >>> get_shape("facebook_posts_2025").format_of("Hologram") is None
        True
        """
        return self.formats.get(normalise_header(post_type))


def _as_tuple(value: object, where: str, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise DataError(
        _("{key} must be a text or a list of texts").format(key=key),
        file=where,
        column=key,
        fix=_('write it as "Header" or ["Header", "Other spelling"]'),
    )


def parse_shape(data: dict[str, object], where: str) -> Shape:
    """Check one shape's TOML data and build the Shape (errors name the file and key).

    >>> parse_shape({"id": "x"}, "mine.toml")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: mine.toml, column 'table': the shape file has no 'table'.
    How to fix it: add table = ... (see any file in smm_helpers/exports/shapes/).
    """

    def need(key: str) -> object:
        if key not in data:
            raise DataError(
                _("the shape file has no {key}").format(key=repr(key)),
                file=where,
                column=key,
                fix=_("add {key} = ... (see any file in smm_helpers/exports/shapes/)").format(
                    key=key
                ),
            )
        return data[key]

    table = str(need("table"))
    targets = _POST_TARGETS if table == "posts" else _FOLLOWER_TARGETS
    if table not in ("posts", "followers"):
        raise DataError(
            _("table {table} is not one an export can fill").format(table=repr(table)),
            file=where,
            column="table",
            fix=_('use table = "posts" or "followers"'),
        )
    platform = str(need("platform"))
    if platform not in PLATFORMS:
        raise DataError(
            _("platform {platform} is not one SMM Lab knows").format(platform=repr(platform)),
            file=where,
            column="platform",
            fix=_("use one of: {choices}").format(choices=", ".join(PLATFORMS)),
        )
    raw_columns = need("columns")
    if not isinstance(raw_columns, dict):
        raise DataError(
            _("columns must be a table"),
            file=where,
            column="columns",
            fix=_('write [columns] then course_column = ["Export header"]'),
        )
    columns = {key: _as_tuple(value, where, f"columns.{key}") for key, value in raw_columns.items()}
    sums_raw = data.get("sums", {})
    sums = {key: _as_tuple(value, where, f"sums.{key}") for key, value in dict(sums_raw).items()}  # type: ignore[call-overload]
    for key in [*columns, *sums]:
        if key not in targets:
            raise DataError(
                _("{key} is not a {table} column an export can fill").format(
                    key=repr(key), table=table
                ),
                file=where,
                column=key,
                fix=_("use one of: {choices}").format(choices=", ".join(targets)),
            )
    formats_raw = dict(data.get("formats", {}))  # type: ignore[call-overload]
    formats = {normalise_header(k): str(v) for k, v in formats_raw.items()}
    default_format = str(data.get("default_format", ""))
    for value in [*formats.values(), *([default_format] if default_format else [])]:
        if value not in FORMATS:
            raise DataError(
                _("{value} is not a course format").format(value=repr(value)),
                file=where,
                column="formats",
                fix=_("use one of: {choices}").format(choices=", ".join(FORMATS)),
            )
    booleans = dict(data.get("booleans", {}))  # type: ignore[call-overload]
    blanks = dict(data.get("blanks", {}))  # type: ignore[call-overload]
    numbers = dict(data.get("numbers", {}))  # type: ignore[call-overload]
    drop_rows = list(data.get("drop_rows", []))  # type: ignore[call-overload]
    drops = tuple((str(rule["column"]), str(rule["equals"])) for rule in drop_rows)
    short = data.get("short_video_max_seconds")
    return Shape(
        id=str(need("id")),
        title=str(need("title")),
        platform=platform,
        table=table,
        file_type=str(need("file_type")),
        description_rows=int(data.get("description_rows", 0)),  # type: ignore[call-overload]
        signature=_as_tuple(need("signature"), where, "signature"),
        columns=columns,
        timezone=str(need("timezone")),
        datetime_formats=_as_tuple(need("datetime_formats"), where, "datetime_formats"),
        source=where,
        generation=str(data.get("generation", "")),
        title_contains=str(data.get("title_contains", "")),
        sums=sums,
        stand_ins={str(k): str(v) for k, v in dict(data.get("stand_ins", {})).items()},  # type: ignore[call-overload]
        formats=formats,
        default_format=default_format,
        short_video_max_seconds=None if short is None else float(short),  # type: ignore[arg-type]
        id_pattern=str(data.get("id_pattern", "")),
        unknown_values=_as_tuple(data.get("unknown_values", []), where, "unknown_values"),
        blank_zero=_as_tuple(blanks.get("zero", []), where, "blanks.zero"),
        blank_zero_unless_format={
            str(k): _as_tuple(v, where, f"blanks.zero_unless_format.{k}")
            for k, v in dict(blanks.get("zero_unless_format", {})).items()
        },
        true_values=tuple(normalise_header(v) for v in booleans.get("true", [])),
        false_values=tuple(normalise_header(v) for v in booleans.get("false", [])),
        blank_boolean=str(booleans.get("blank", "unknown")),
        drop_rows=drops,
        notes=_as_tuple(data.get("notes", []), where, "notes"),
        thousands_separator=str(numbers.get("thousands_separator", ",")),
        decimal_separator=str(numbers.get("decimal_separator", ".")),
    )


def load_shape_file(path: str | Path) -> Shape:
    """Read one shape from a TOML file of your own (e.g. a copy with a post type added)."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise DataError(
            _("the shape file cannot be read ({error})").format(error=error),
            file=path.name,
            fix=_("check the path and the TOML syntax"),
        ) from error
    return parse_shape(data, path.name)


@lru_cache(maxsize=1)
def known_shapes() -> tuple[Shape, ...]:
    """Every shape SMM Lab ships, in file-name order.

    >>> len(known_shapes()) >= 12
    True
    """
    folder = resources.files("smm_helpers.exports").joinpath("shapes")
    found = []
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".toml"):
            found.append(parse_shape(tomllib.loads(entry.read_text(encoding="utf-8")), entry.name))
    return tuple(found)


def get_shape(shape_id: str) -> Shape:
    """A shipped shape by its id (see ``known_shapes``)."""
    for shape in known_shapes():
        if shape.id == shape_id:
            return shape
    raise unknown_choice(_("export shape"), shape_id, [s.id for s in known_shapes()])
