"""SMM Lab's own value types that an answer may be, by a short tag (``"GoalCheck"``,
``"SocialMediaPlan"``...): the table of them, and what each kind of field may hold.

The table is data, in ``smm_helpers/data/answer_types.json``: for each tag, where its class
is, how it is rebuilt and the fields it is built from.  It is read and checked the first
time it is used (:data:`VALUE_TYPES`), never on import.  The tag is what crosses from the
kernel (:func:`_tag_of`); the grader imports only the classes the table names
(:func:`_registered_class`) and checks each field before it calls the constructor
(:func:`_check_field`).
"""

from __future__ import annotations

import collections
import datetime as dt
import enum
import functools
import importlib
import inspect
import json
import re
import types
from collections.abc import Iterator, Mapping
from importlib import resources
from typing import Any, NamedTuple

from smm_helpers.grading.sandbox.answers.reading import time_zone
from smm_helpers.grading.sandbox.answers.stand_ins import AnswerError


class ValueType(NamedTuple):
    """An SMM Lab type an answer may be: where the class is, and the fields it is built from.

    ``fields`` maps each constructor argument to the kinds of value it accepts (see
    :data:`FIELD_KINDS`; ``"a|b"`` is either; a tag of :data:`VALUE_TYPES` is that type).
    ``build`` says how it is rebuilt: ``"keywords"`` calls ``cls(**fields)`` (dataclasses
    and classes), ``"positional"`` calls ``cls(*values)`` (named tuples) and ``"member"``
    looks up ``cls[name]`` (enums).
    """

    path: str
    fields: Mapping[str, str]
    build: str = "keywords"


FIELD_KINDS = (
    "any",
    "text",
    "int",
    "number",
    "bool",
    "date",
    "timestamp",
    "table",
    "column",
    "list",
    "mapping",
    "range",
    "timezone",
    "none",
)
"""The kinds of value a field of :data:`VALUE_TYPES` may be declared to take."""

BUILDS = ("keywords", "positional", "member")
"""How a :class:`ValueType` may be rebuilt (see :attr:`ValueType.build`)."""

TABLE_FILE = "answer_types.json"
"""The table of SMM Lab's value types, in ``smm_helpers/data/``."""

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_PATH = re.compile(
    r"smm_helpers(\.[A-Za-z_][A-Za-z0-9_]*)+:[A-Za-z_][A-Za-z0-9_]*"
    r"(\.[A-Za-z_][A-Za-z0-9_]*)*"
)


class _Table(Mapping[str, ValueType]):
    """The value types of :data:`TABLE_FILE` by tag, read and checked on first use."""

    def __getitem__(self, tag: str) -> ValueType:
        return _read_table()[tag]

    def __iter__(self) -> Iterator[str]:
        return iter(_read_table())

    def __len__(self) -> int:
        return len(_read_table())

    def __repr__(self) -> str:
        return f"<SMM Lab value types from {TABLE_FILE}: {', '.join(self)}>"


VALUE_TYPES: Mapping[str, ValueType] = _Table()
"""SMM Lab's value types that answers may carry, by tag (the tag is what crosses).

These are the values SMM Lab's functions give a learner (``check_goal`` a ``GoalCheck``,
``recommend_platforms`` a ``Recommendation``, ``build_calendar`` a ``ContentCalendar``...).
Grading, course and site objects are not answers and are not listed.  Read-only; the
table itself is :data:`TABLE_FILE`.
"""


@functools.cache
def _read_table() -> Mapping[str, ValueType]:
    """:data:`TABLE_FILE`, read and checked (once)."""
    text = resources.files("smm_helpers").joinpath("data", TABLE_FILE).read_text(encoding="utf-8")
    try:
        data = json.loads(text, object_pairs_hook=_no_repeats)
    except ValueError as error:
        raise ValueError(f"{TABLE_FILE} cannot be read: {error}") from None
    return types.MappingProxyType(_table_from(data))


def _no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object of the table, refused if it names a key twice (JSON keeps the last)."""
    found = dict(pairs)
    if len(found) != len(pairs):
        counts = collections.Counter(key for key, _ in pairs)
        raise ValueError(f"it gives {min(k for k, n in counts.items() if n > 1)!r} twice")
    return found


def _table_from(data: Any) -> dict[str, ValueType]:
    """The value types of the table's JSON, by tag; a ``ValueError`` names a malformed entry.

    >>> _table_from({"types": {"Tier": {"path": "smm_helpers.levels:Tier",
    ...                                 "build": "member", "fields": {}}}})
    {'Tier': ValueType(path='smm_helpers.levels:Tier', fields={}, build='member')}
    >>> _table_from({"types": {"Pair": {"path": "smm_helpers.pairs:Pair", "build": "keywords",
    ...                                 "fields": {"reach": "count"}}}})
    Traceback (most recent call last):
    ...
    ValueError: answer_types.json: the entry 'Pair': its field 'reach' takes 'count', which is neither a kind of FIELD_KINDS nor a tag of the table
    """  # noqa: E501
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("types"), dict)
        or set(data) - {"about", "types"}
    ):
        raise ValueError(f"{TABLE_FILE}: it is not an object of 'types' (and 'about')")
    entries: dict[str, Any] = data["types"]
    table = {}
    for tag, entry in entries.items():
        try:
            table[tag] = _value_type(tag, entry, tags=set(entries))
        except ValueError as error:
            raise ValueError(f"{TABLE_FILE}: the entry {tag!r}: {error}") from None
    return table


def _value_type(tag: str, entry: Any, *, tags: set[str]) -> ValueType:
    """One entry of the table, checked (see :func:`_table_from`)."""
    if not _NAME.fullmatch(tag) or tag in FIELD_KINDS:
        raise ValueError("a tag is a name, and not the name of a kind of FIELD_KINDS")
    if not isinstance(entry, dict) or set(entry) != {"path", "build", "fields"}:
        raise ValueError("it is not an object of 'path', 'build' and 'fields'")
    path, build, fields = entry["path"], entry["build"], entry["fields"]
    if not isinstance(path, str) or not _PATH.fullmatch(path):
        raise ValueError(f"its path {path!r} is not 'smm_helpers.module:Class'")
    if build not in BUILDS:
        raise ValueError(f"its build {build!r} is not one of {', '.join(BUILDS)}")
    if not isinstance(fields, dict) or (build == "member" and fields):
        raise ValueError("its fields are not an object (an empty one for an enum)")
    for name, kinds in fields.items():
        if not _NAME.fullmatch(name) or not isinstance(kinds, str):
            raise ValueError(f"its field {name!r} is not a name with its kinds as text")
        for kind in kinds.split("|"):
            if kind not in FIELD_KINDS and kind not in tags:
                raise ValueError(
                    f"its field {name!r} takes {kind!r}, which is neither a "
                    "kind of FIELD_KINDS nor a tag of the table"
                )
    return ValueType(path, fields, build)


_by_path: tuple[Mapping[str, ValueType] | None, dict[str, str]] = (None, {})


def _tag_of(kind: type) -> str | None:
    """The tag of :data:`VALUE_TYPES` for a class, by its module and name; else None."""
    global _by_path
    if _by_path[0] is not VALUE_TYPES:
        _by_path = (VALUE_TYPES, {spec.path: tag for tag, spec in VALUE_TYPES.items()})
    module, name = getattr(kind, "__module__", None), getattr(kind, "__qualname__", None)
    if not isinstance(module, str) or not isinstance(name, str):
        return None
    return _by_path[1].get(f"{module}:{name}")


def _registered_class(tag: str) -> Any:
    """The class of a tag of :data:`VALUE_TYPES`, imported (once) from the table's path."""
    spec = VALUE_TYPES[tag]
    return _class_at(spec.path, spec.build, tuple(spec.fields))


@functools.cache
def _class_at(path: str, build: str, fields: tuple[str, ...]) -> Any:
    module, _, qualname = path.partition(":")
    found: Any = importlib.import_module(module)
    for part in qualname.split("."):
        found = getattr(found, part)
    if not isinstance(found, type):
        raise AnswerError(
            f"{path} is not a class (the grader's table of SMM Lab types is out of date)"
        )
    if build == "member":
        fits = issubclass(found, enum.Enum)
    elif build == "positional":
        fits = issubclass(found, tuple) and tuple(getattr(found, "_fields", ())) == fields
    else:
        fits = _takes_keywords(found, fields)
    if not fits:
        raise AnswerError(
            f"{path} is not built from the fields the grader's table of SMM "
            "Lab types lists (the table is out of date)"
        )
    return found


def _takes_keywords(cls: type, fields: tuple[str, ...]) -> bool:
    """Whether ``cls(**fields)`` takes exactly these fields (and needs no others)."""
    parameters = inspect.signature(cls).parameters
    named = {
        name
        for name, p in parameters.items()
        if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)
    }
    needed = {name for name in named if parameters[name].default is inspect.Parameter.empty}
    return set(fields) <= named and needed <= set(fields)


def _check_field(tag: str, name: str, value: Any, kinds: str) -> None:
    """Refuse a field of an SMM Lab value that is not one of the ``kinds`` it takes.

    >>> _check_field("Target", "target", "0.03", "number")
    Traceback (most recent call last):
    ...
    smm_helpers.grading.sandbox.answers.stand_ins.AnswerError: its Target.target is a str, not a number
    """  # noqa: E501
    allowed = kinds.split("|")
    if any(_is_kind(value, kind) for kind in allowed):
        return
    if "timezone" in allowed and isinstance(value, str):
        time_zone(value)  # says why the text is not a time zone
    wanted = " or ".join("None" if kind == "none" else f"a {kind}" for kind in allowed)
    raise AnswerError(f"its {tag}.{name} is a {type(value).__name__}, not {wanted}")


def _is_kind(value: Any, kind: str) -> bool:
    import numpy as np  # heavy: loaded on first use
    import pandas as pd  # heavy: loaded on first use

    if kind in VALUE_TYPES:
        return type(value) is _registered_class(kind)
    if kind == "timezone":
        try:
            time_zone(value)
        except AnswerError:
            return False
        return isinstance(value, str)
    plain = isinstance(value, bool | np.bool_)
    checks = {
        "any": lambda v: True,
        "none": lambda v: v is None,
        "text": lambda v: type(v) is str,
        "bool": lambda v: plain,
        "int": lambda v: isinstance(v, int | np.integer) and not plain,
        "number": lambda v: isinstance(v, int | float | np.integer | np.floating) and not plain,
        "date": lambda v: isinstance(v, dt.date),
        "timestamp": lambda v: isinstance(v, pd.Timestamp),
        "table": lambda v: type(v) is pd.DataFrame,
        "column": lambda v: type(v) is pd.Series,
        "list": lambda v: type(v) in (list, tuple),
        "mapping": lambda v: type(v) in (dict, types.MappingProxyType),
        "range": lambda v: type(v) is range,
    }
    return kind in checks and bool(checks[kind](value))
