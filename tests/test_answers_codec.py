"""The answers codec as a closed allowlist of plain data (``sandbox.answers``).

A learner's kernel is hostile: it can replace ``export`` and send the grader any JSON.

- hostile answers (huge dtypes, shapes, ranges and integers, deep nesting, time zones
  that are file paths, unknown tags, forged class paths and fields, bad category codes,
  millions of items) are each refused as an ``Unreadable`` answer (or, for the whole text,
  an ``AnswerError``) quickly and without a large allocation;
- the per-answer and per-notebook budgets hold, across several ``decode`` calls too, and a
  ``MemoryError`` or ``RecursionError`` fails one answer, not the others;
- properties (hypothesis): random bytes, random JSON and near-valid answers never raise
  anything but ``AnswerError``, never import a module, never build a value of a type
  outside the allowlist and never allocate past the budget;
- every SMM Lab value type of ``VALUE_TYPES`` arrives as itself, from a real value made by
  SMM Lab's own function.
"""

from __future__ import annotations

import builtins
import contextlib
import copy
import dataclasses
import datetime as dt
import decimal
import fractions
import functools
import importlib
import json
import math
import re
import sys
import time
import tracemalloc
import types
import zoneinfo
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smm_helpers.grading.sandbox import answers
from smm_helpers.grading.sandbox.answers import (
    AnswerError,
    Budget,
    FunctionAnswer,
    Missing,
    Unreadable,
)

MB = 2**20


def decode_one(data: Any, budget: Budget | None = None) -> Any:
    return answers.decode(json.dumps({"x": data}), budget=budget)["x"]


def round_trip(value: Any) -> Any:
    return answers.decode(answers.encode_names({"x": value}, ["x"]))["x"]


@contextlib.contextmanager
def small_and_quick(most_bytes: int = 16 * MB, seconds: float = 3.0) -> Iterator[None]:
    """Fails unless the block allocates less than ``most_bytes`` and is done in time."""
    tracing = tracemalloc.is_tracing()
    if not tracing:
        tracemalloc.start()
    tracemalloc.reset_peak()
    start = time.monotonic()
    try:
        yield
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        took = time.monotonic() - start
        if not tracing:
            tracemalloc.stop()
    assert peak < most_bytes, f"allocated {peak:,} bytes"
    assert took < seconds, f"took {took:.1f} s"


def why(value: Any) -> str:
    assert isinstance(value, Unreadable), value
    return repr(value)


# ------------------------------------------------------------------------------ hostile

NONE = {"t": "none"}


def text(value: str) -> dict[str, Any]:
    return {"t": "str", "v": value}


def rows(start: int, stop: int, step: int = 1) -> dict[str, Any]:
    return {"kind": "range", "start": start, "stop": stop, "step": step, "name": NONE}


def array(dtype: str, values: list[Any], shape: list[int] | None = None) -> dict[str, Any]:
    return {
        "t": "ndarray",
        "shape": [len(values)] if shape is None else shape,
        "values": {"dtype": dtype, "v": values},
    }


def series(values: dict[str, Any], index: dict[str, Any] | None = None) -> dict[str, Any]:
    count = len(values.get("codes", values.get("v", [])))
    return {
        "t": "series",
        "name": NONE,
        "values": values,
        "index": rows(0, count) if index is None else index,
    }


def stamp(tz: str) -> dict[str, Any]:
    return {"t": "timestamp", "v": 1_700_000_000, "unit": "s", "tz": tz}


def target(**changes: Any) -> dict[str, Any]:
    fields = {
        "metric": text("er_reach"),
        "target": {"t": "float", "v": "0.03"},
        "platform": text("instagram"),
        "direction": text("at least"),
    }
    fields.update(changes)
    return {
        "t": "smm",
        "type": "Target",
        "fields": {k: v for k, v in fields.items() if v is not None},
    }


def nested(kind: str, depth: int) -> dict[str, Any]:
    """``depth`` containers inside each other, through lists or through object arrays."""
    value: dict[str, Any] = NONE
    for _ in range(depth):
        value = {"t": "list", "v": [value]} if kind == "list" else array("object", [value])
    return value


PATHS = [
    "/etc/passwd",
    "../../x",
    "posix/../x",
    "Asia/../../../etc/passwd",
    "",
    ".",
    "Asia/Dhaka\x00",
    "/usr/share/zoneinfo/Asia/Dhaka",
    "C:\\Windows",
    "+99:00",
    "Asia//Dhaka",
    "a" * 10_000,
]

HOSTILE: dict[str, tuple[Any, str]] = {
    # dtypes: only the allowlist, and fixed-width text charged by its width
    "text a billion characters wide": (array("<U1000000000", ["a"]), "not a dtype"),
    "text a million characters wide, many times": (
        array("<U999999", ["a"] * 100),
        "would take more than 64 MiB",
    ),
    "bytes wider than the limit": (array("|S9999999", ["a"]), "wider than"),
    "a void dtype": (array("V8", [0]), "not a dtype"),
    "a long double": (array("float128", [1.0]), "not a dtype"),
    "a datetime in steps of 10 seconds": (array("datetime64[10s]", [1]), "not a dtype"),
    "a pandas dtype for a NumPy array": (array("Int64", [1]), "not a dtype"),
    "an integer out of its dtype's range": (array("int8", [300]), "whole number"),
    "text where numbers belong": (array("float64", ["1e308"]), "not a number"),
    "a NumPy scalar of an unknown dtype": (
        {"t": "np", "dtype": "float128", "v": NONE},
        "not a NumPy dtype",
    ),
    # shapes and lengths: what is sent is what is built
    "a shape that does not fit its values": (array("float64", [1.0], [3]), "but 1 were sent"),
    "a huge shape with no values": (array("float64", [], [2**40, 2**40]), "were sent"),
    "a shape past 64 bits": (array("float64", [], [10**30]), "whole number"),
    "a negative shape": (array("float64", [], [-1]), "whole number"),
    "too many dimensions": (array("float64", [1.0], [1] * 40), "dimensions"),
    "a Series longer than its index": (
        series({"dtype": "int64", "v": [1, 2]}, rows(0, 1)),
        "do not match",
    ),
    "a table whose columns do not match its index": (
        {
            "t": "frame",
            "index": rows(0, 5),
            "columns": rows(0, 1),
            "data": [{"dtype": "int64", "v": [1]}],
        },
        "do not match",
    ),
    # lazy sizes are charged as if built
    "a RangeIndex of 10**15 rows": (
        {"t": "frame", "index": rows(0, 10**15), "columns": rows(0, 0), "data": []},
        "would take more than 64 MiB",
    ),
    "an index of 10**12 rows": (
        {"t": "pdindex", "index": rows(0, 10**12)},
        "would take more than 64 MiB",
    ),
    "a range of 10**15 numbers": (
        {"t": "range", "v": [0, 10**15, 1]},
        "would take more than 64 MiB",
    ),
    "a RangeIndex past 64 bits": ({"t": "pdindex", "index": rows(0, 2**70)}, "whole number"),
    # nesting
    "lists nested 80 deep": (nested("list", 80), "nests"),
    "object arrays nested 80 deep": (nested("object", 80), "nests"),
    # integers
    "an int of 5000 digits": ({"t": "int", "v": "9" * 5000}, "4,300 digits"),
    "an int written with letters": ({"t": "int", "v": "0x10"}, "4,300 digits"),
    "a fraction of 5000 digits": ({"t": "fraction", "v": ["9" * 5000, "1"]}, "4,300 digits"),
    "a decimal with a huge exponent": ({"t": "decimal", "v": "1e999999999"}, "exponent"),
    "a timedelta past its range": ({"t": "timedelta", "v": [10**12, 0, 0]}, "whole number"),
    # unknown tags and forged classes
    "an unknown kind": ({"t": "pickle", "v": "gASVAAAAAAAAAAB9lC4="}, "unknown kind"),
    "a kind that is not text": ({"t": 5}, "not in the answers format"),
    "an SMM Lab tag that is not in the table": (
        {"t": "smm", "type": "Course", "fields": {}},
        "'Course' is not an SMM Lab class",
    ),
    "a tag naming a dunder": (
        {"t": "smm", "type": "__class__", "fields": {}},
        "not an SMM Lab class",
    ),
    "an old-style class path outside SMM Lab": (
        {"t": "dataclass", "cls": "subprocess:Popen", "fields": {"args": text("touch x")}},
        "subprocess:Popen is not an SMM Lab class",
    ),
    "an old-style enum outside SMM Lab": (
        {"t": "enum", "cls": "os:system", "name": "x"},
        "os:system is not an SMM Lab class",
    ),
    "an old-style grading object": (
        {"t": "object", "cls": "smm_helpers.grading.course:Course", "state": {"folder": text("/")}},
        "is not an SMM Lab class",
    ),
    "an old-style module with side effects": (
        {"t": "namedtuple", "cls": "smm_helpers.datasets.__main__:main", "v": []},
        "is not an SMM Lab class",
    ),
    # forged fields of SMM Lab's value types
    "a field the type does not have": (target(__class__=text("x")), "unknown: __class__"),
    "a field missing": (target(direction=None), "missing: direction"),
    "a field of the wrong kind": (target(target=text("0.03")), "Target.target is a str"),
    "a field the constructor refuses": (target(metric=text("likes")), "not a valid Target"),
    "a registered type where another belongs": (
        {
            "t": "smm",
            "type": "TargetResult",
            "fields": {
                "actual": NONE,
                "baseline": NONE,
                "baseline_day": NONE,
                "note": text(""),
                "target": {
                    "t": "smm",
                    "type": "Criterion",
                    "fields": {
                        "name": text("specific"),
                        "passed": {"t": "bool", "v": True},
                        "evidence": {"t": "list", "v": []},
                        "why": text(""),
                        "suggestion": text(""),
                    },
                },
            },
        },
        "TargetResult.target is a Criterion, not a Target",
    ),
    "fields that are not a dict": (
        {"t": "smm", "type": "Target", "fields": []},
        "fields is missing or malformed",
    ),
    "an enum member of a type that is not an enum": (
        {"t": "smm", "type": "Target", "member": "mro"},
        "fields is missing",
    ),
    # categories
    "a category code past the categories": (
        series(
            {
                "dtype": "category",
                "ordered": False,
                "codes": [5],
                "categories": {"dtype": "object", "v": [text("a")]},
            }
        ),
        "category code",
    ),
    "a category code below -1": (
        series(
            {
                "dtype": "category",
                "ordered": False,
                "codes": [-2],
                "categories": {"dtype": "object", "v": [text("a")]},
            }
        ),
        "category code",
    ),
    "a category code that is text": (
        series(
            {
                "dtype": "category",
                "ordered": False,
                "codes": ["0"],
                "categories": {"dtype": "object", "v": [text("a")]},
            }
        ),
        "category code",
    ),
    "categories of categories": (
        series(
            {
                "dtype": "category",
                "ordered": False,
                "codes": [0],
                "categories": {
                    "dtype": "category",
                    "ordered": False,
                    "codes": [0],
                    "categories": {"dtype": "object", "v": [text("a")]},
                },
            }
        ),
        "categories themselves",
    ),
    # containers
    "a list that is not a list": ({"t": "list", "v": 5}, "items is missing"),
    "an unhashable dict key": ({"t": "dict", "v": [[{"t": "list", "v": []}, NONE]]}, "unhashable"),
    "a read-only dict of a list": (
        {"t": "mappingproxy", "v": {"t": "list", "v": []}},
        "must hold a dict",
    ),
    "bytes that are not base64": ({"t": "bytes", "v": "not base64!"}, "could not be read"),
}


@pytest.fixture(scope="module")
def registry_loaded() -> None:
    """SMM Lab's value types are imported (from the table, lazily) when first read."""
    for module in registry_modules():
        importlib.import_module(module)


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_answers_are_unreadable_small_and_quick(name: str, registry_loaded: None) -> None:
    data, expected = HOSTILE[name]
    before = set(sys.modules)
    with small_and_quick():
        value = decode_one(data)
    assert expected in why(value), why(value)
    assert set(sys.modules) - before == set()
    with pytest.raises(AnswerError, match="could not be read"):
        value == 1  # noqa: B015 -- comparing is the point


def test_the_forged_answers_of_the_attack_sample_name_what_they_forged() -> None:
    """What ``course/samples``'s "forged-answers" attack sends, as the grader reads it."""
    forged = {
        "er_by_platform": {
            "t": "dataclass",
            "cls": "subprocess:Popen",
            "fields": {"args": {"t": "str", "v": "touch /tmp/pwned"}},
        },
        "best_platform": {"t": "enum", "cls": "os:system", "name": "touch /tmp/pwned"},
        "smart_goal": {"t": "namedtuple", "cls": "smm_helpers.no_such_module:Goal", "v": []},
    }
    values = answers.decode(json.dumps(forged))
    assert "subprocess:Popen is not an SMM Lab class" in why(values["er_by_platform"])
    assert "os:system is not an SMM Lab class" in why(values["best_platform"])
    assert "not an SMM Lab class" in why(values["smart_goal"])
    assert "smm_helpers.no_such_module" not in sys.modules


FORGED_TYPES = [  # what course/samples's "forged-types" attack sends
    {"t": "ndarray", "shape": [2_000_000_000], "values": {"dtype": "<U1000000000", "v": ["x"]}},
    {
        "t": "frame",
        "index": rows(0, 10**15),
        "columns": rows(0, 1),
        "data": [{"dtype": "int64", "v": [1]}],
    },
    {
        "t": "series",
        "name": NONE,
        "values": {"dtype": "int64", "v": [1]},
        "index": {
            "kind": "plain",
            "name": NONE,
            "values": {"dtype": "datetime64[ns]", "tz": "/etc/passwd", "v": [0]},
        },
    },
    {
        "t": "object",
        "cls": "smm_helpers.grading.course:Course",
        "state": {"folder": {"t": "str", "v": "/"}},
    },
    {
        "t": "dataclass",
        "cls": "smm_helpers.grading.sandbox.bwrap:Sandbox",
        "fields": {"root": {"t": "str", "v": "/"}},
    },
    {"t": "np", "dtype": "V2000000000", "v": {"t": "int", "v": "1"}},
]


def test_the_forged_types_of_the_attack_sample_are_each_unreadable() -> None:
    sent = json.dumps({f"a{i}": data for i, data in enumerate(FORGED_TYPES)})
    with small_and_quick():
        values = answers.decode(sent)
    assert all("could not be read" in why(value) for value in values.values())


@pytest.mark.parametrize("zone", PATHS)
def test_time_zones_are_only_names_never_paths(zone: str, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    real = zoneinfo.ZoneInfo

    def recording(key: str) -> Any:
        opened.append(key)
        return real(key)

    monkeypatch.setattr(zoneinfo, "ZoneInfo", recording)
    calendar = {
        "t": "smm",
        "type": "ContentCalendar",
        "fields": {
            "events": {"t": "frame", "index": rows(0, 0), "columns": rows(0, 0), "data": []},
            "first_day": {"t": "date", "v": "2026-02-16"},
            "weeks": {"t": "int", "v": "1"},
            "timezone": text(zone),
            "platforms": {"t": "list", "v": []},
            "notes": {"t": "list", "v": []},
        },
    }
    column = series({"dtype": "datetime64[ns]", "tz": zone, "v": [0]})
    moment = {"t": "datetime", "v": "2026-01-01T10:00:00+06:00", "zone": zone}
    for data in (stamp(zone), column, moment, calendar):
        assert "time zone" in why(decode_one(data))
    assert opened == []


def test_time_zones_by_name_and_offset_arrive_as_time_zones() -> None:
    assert decode_one(stamp("Asia/Dhaka")) == pd.Timestamp(1_700_000_000, unit="s", tz="Asia/Dhaka")
    assert decode_one(stamp("-03:30")).utcoffset() == -dt.timedelta(hours=3, minutes=30)
    assert decode_one(stamp("UTC")).tz is dt.UTC
    moment = dt.datetime(2026, 3, 1, 9, tzinfo=zoneinfo.ZoneInfo("Asia/Dhaka"))
    back = round_trip(moment)
    assert back == moment and back.tzinfo is moment.tzinfo


def test_an_integer_too_long_for_json_fails_only_its_answer() -> None:
    text_ = '{"x": {"t": "int", "v": ' + "9" * 5000 + '}, "y": {"t": "int", "v": "1"}}'
    values = answers.decode(text_)
    assert "4,300 digits" in why(values["x"]) and values["y"] == 1


def test_millions_of_tiny_items_are_refused_before_they_are_read() -> None:
    text_ = '{"x": {"t": "list", "v": [' + ",".join(['{"t": "none"}'] * 2_000_000) + "]}}"
    with small_and_quick(seconds=5.0), pytest.raises(AnswerError, match="left of the note"):
        answers.decode(text_)


def test_many_items_past_one_answers_budget_fail_that_answer_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(answers.budget, "ANSWER_BYTES", MB)
    many = {"t": "list", "v": [{"t": "int", "v": "7"}] * 20_000}
    values = answers.decode(json.dumps({"x": many, "y": text("fine")}))
    assert "would take more than 1 MiB once read, the most one answer may take" in why(values["x"])
    assert values["y"] == "fine"


def test_a_notebooks_budget_is_shared_by_its_decode_calls() -> None:
    notebook = Budget(20 * MB)
    million = {"t": "range", "v": [0, 1_000_000, 1]}  # 8 MB as if built; 40 bytes sent
    assert decode_one(million, notebook) == range(1_000_000)
    assert decode_one(million, notebook) == range(1_000_000)
    assert "answers of this notebook past 20 MiB" in why(decode_one(million, notebook))
    assert decode_one(text("still read"), notebook) == "still read"  # the refused one is
    assert 16_000_000 < notebook.used < 16_100_000  # not counted
    with pytest.raises(AnswerError, match="left of the notebook's budget"):
        answers.decode(json.dumps({"x": text("x" * 2_000_000)}), budget=notebook)


@pytest.mark.parametrize("error", [MemoryError, RecursionError, OverflowError, KeyError])
def test_an_error_while_reading_fails_that_answer_and_not_the_others(
    error: type[BaseException], monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(data: Any, budget: Budget) -> Any:
        raise error("boom")

    monkeypatch.setitem(answers.scalars._SCALARS, "str", failing)
    values = answers.decode(
        json.dumps({"bad": text("x"), "good": {"t": "int", "v": "2"}, "gone": {"t": "missing"}})
    )
    assert isinstance(values["bad"], Unreadable)
    assert values["good"] == 2 and values["gone"] == Missing("gone")


@pytest.mark.parametrize(
    "text_",
    [
        "[1, 2]",
        '"answers"',
        "null",
        "not json",
        "{",
        '{"x": ' + "[" * 100_000 + "]" * 100_000 + "}",
    ],
)
def test_only_text_that_is_not_a_json_object_fails_the_whole_decode(text_: str) -> None:
    with pytest.raises(AnswerError):
        answers.decode(text_)


def test_the_encoder_sends_a_tag_never_a_class_path() -> None:
    from smm_helpers.planning.goals import check_goal

    sent = answers.encode_names({"g": check_goal("Grow followers by 10% by June 2027")}, ["g"])
    assert '"type": "GoalCheck"' in sent
    assert "smm_helpers" not in sent and '"cls"' not in sent


# ------------------------------------------------------------------------------ properties


def registry_modules() -> set[str]:
    return {spec.path.partition(":")[0] for spec in answers.VALUE_TYPES.values()}


ALLOWED_DTYPE = re.compile(
    r"bool|u?int(8|16|32|64)|float(16|32|64)|complex(64|128)|object|category|str|string"
    r"|U?Int(8|16|32|64)|Float(32|64)|boolean|<U\d+|\|S\d+"
    r"|(datetime64|timedelta64)(\[(Y|M|W|D|h|m|s|ms|us|ns)(, .+)?\])?"
)
PLAIN_TYPES = (
    type(None),
    bool,
    int,
    float,
    complex,
    str,
    bytes,
    range,
    dt.date,
    dt.time,
    dt.timedelta,
    decimal.Decimal,
    fractions.Fraction,
    pd.Timestamp,
    pd.Timedelta,
    type(pd.NaT),
    type(pd.NA),
)


@functools.cache
def registered_classes() -> dict[type, str]:
    return {answers.value_types._registered_class(tag): tag for tag in answers.VALUE_TYPES}


def assert_allowed(value: Any, depth: int = 0) -> None:
    """Fails unless ``value`` (and all it holds) is of a type on the allowlist."""
    assert depth < 200
    kind = type(value)
    registered = registered_classes()
    if kind in registered:
        for name in answers.VALUE_TYPES[registered[kind]].fields:
            assert_allowed(getattr(value, name), depth + 1)
    elif isinstance(value, np.generic):
        assert ALLOWED_DTYPE.fullmatch(str(value.dtype)) and value.dtype.kind != "O"
    elif kind in (list, tuple, set, frozenset):
        for item in value:
            assert_allowed(item, depth + 1)
    elif kind in (dict, types.MappingProxyType):
        for key, item in value.items():
            assert_allowed(key, depth + 1)
            assert_allowed(item, depth + 1)
    elif kind is np.ndarray:
        assert ALLOWED_DTYPE.fullmatch(str(value.dtype)), value.dtype
        if value.dtype.kind == "O":
            for item in value.reshape(-1):
                assert_allowed(item, depth + 1)
    elif kind is pd.DataFrame:
        assert_allowed(value.index, depth + 1)
        assert_allowed(value.columns, depth + 1)
        for i in range(value.shape[1]):
            assert_allowed(value.iloc[:, i], depth + 1)
    elif kind is pd.Series or isinstance(value, pd.Index):
        assert kind in (
            pd.Series,
            pd.Index,
            pd.RangeIndex,
            pd.MultiIndex,
            pd.DatetimeIndex,
            pd.TimedeltaIndex,
            pd.CategoricalIndex,
        ), kind
        if kind is pd.Series:
            assert_allowed(value.index, depth + 1)
        if kind is pd.MultiIndex:
            for level in range(value.nlevels):
                assert_allowed(value.get_level_values(level), depth + 1)
            return
        assert ALLOWED_DTYPE.fullmatch(str(value.dtype)), value.dtype
        if isinstance(value.dtype, pd.CategoricalDtype):
            assert_allowed(value.dtype.categories, depth + 1)
        elif value.dtype.kind == "O":
            for item in value.array:
                assert_allowed(item, depth + 1)
    else:
        assert kind in PLAIN_TYPES or kind is dt.datetime, kind
        if isinstance(value, dt.datetime | dt.time) and value.tzinfo is not None:
            assert type(value.tzinfo) in (zoneinfo.ZoneInfo, dt.timezone), value.tzinfo


class Guard:
    """Refuses every import of a module not loaded yet (and ``import_module`` outside the
    table of SMM Lab types) while a decode runs."""

    def __init__(self) -> None:
        self.attempted: list[str] = []
        self.allowed = registry_modules()

    @contextlib.contextmanager
    def active(self) -> Iterator[None]:
        real_import, real_import_module = builtins.__import__, importlib.import_module

        def guarded_import(
            name: str, globals: Any = None, locals: Any = None, fromlist: Any = (), level: int = 0
        ) -> Any:
            if level == 0 and name not in sys.modules:
                self.attempted.append(name)
                raise ImportError(f"the decoder imported {name}")
            return real_import(name, globals, locals, fromlist, level)

        def guarded_import_module(name: str, package: str | None = None) -> Any:
            if name not in self.allowed:
                self.attempted.append(name)
                raise ImportError(f"the decoder imported {name}")
            return real_import_module(name, package)

        builtins.__import__ = guarded_import
        importlib.import_module = guarded_import_module  # type: ignore[assignment]
        try:
            yield
        finally:
            builtins.__import__ = real_import
            importlib.import_module = real_import_module


def test_the_import_guard_of_the_properties_refuses_new_modules() -> None:
    guard = Guard()
    with guard.active():
        with pytest.raises(ImportError):
            importlib.import_module("no_such_module_of_smm_lab")
        with pytest.raises(ImportError):
            __import__("no_such_module_of_smm_lab_either")
        import json as already_loaded  # noqa: F401 -- loaded before: allowed
    assert guard.attempted == ["no_such_module_of_smm_lab", "no_such_module_of_smm_lab_either"]


PROPERTY_BUDGET = 4 * MB
SLACK = 4 * MB
"""What decoding may take beyond its budget: pandas' and the reader's own small objects."""


def check_decode(text_: str) -> None:
    """The properties every decode keeps, whatever it is given."""
    guard = Guard()
    before = set(sys.modules)
    budget = Budget(PROPERTY_BUDGET)
    tracing = tracemalloc.is_tracing()
    if not tracing:
        tracemalloc.start()
    tracemalloc.reset_peak()
    start = tracemalloc.get_traced_memory()[0]
    try:
        with guard.active():
            try:
                values = answers.decode(text_, budget=budget)
            except AnswerError:
                values = {}
        peak = tracemalloc.get_traced_memory()[1] - start
    finally:
        if not tracing:
            tracemalloc.stop()
    assert guard.attempted == []
    assert set(sys.modules) == before
    assert peak < PROPERTY_BUDGET + SLACK, f"{peak:,} bytes"
    for value in values.values():
        if not isinstance(value, Missing | FunctionAnswer | Unreadable):
            assert_allowed(value)


def warm_up() -> None:
    """Load what decoding loads on first use, so the properties see only what a decode
    itself imports (nothing)."""
    for module in registry_modules():
        importlib.import_module(module)
    answers.reading._zone_names()
    for value in warm_values():
        round_trip(value)
    for data, _ in HOSTILE.values():
        decode_one(data)
    for data in NEAR_VALID_EXAMPLES:
        decode_one(data)
    for data in valid_encodings():
        decode_one(data)


def warm_values() -> list[Any]:
    return [
        pd.DataFrame(
            {
                "tier": pd.Categorical(["gold", None], categories=["silver", "gold"]),
                "at": pd.to_datetime(["2026-02-21", None]).tz_localize("Asia/Dhaka"),
                "n": pd.array([1, None], dtype="Int64"),
                "s": ["a", None],
                "w": pd.to_timedelta([1, None], unit="h"),
            },
            index=pd.MultiIndex.from_tuples([("a", 1), ("b", 2)]),
        ),
        pd.Series([1.0], index=pd.CategoricalIndex(["x"])),
        np.arange(6).reshape(2, 3),
        np.array(["a"]),
        np.array([b"a"]),
        np.array([1 + 2j]),
        np.datetime64("2026-01-01"),
        np.float16(1),
        pd.Timestamp("2026-01-01", tz="UTC"),
        pd.Timedelta(1),
        pd.NA,
        {1: {2, 3}},
        types.MappingProxyType({"a": 1}),
        range(3),
        decimal.Decimal("1.5"),
        fractions.Fraction(1, 3),
        dt.time(1),
        dt.timedelta(1),
        b"x",
        1j,
    ]


NEAR_VALID_EXAMPLES: list[Any] = [
    {"t": "np", "dtype": "int8", "v": {"t": "int", "v": "300"}},
    {"t": "ndarray", "shape": [1], "values": {"dtype": "<U3", "v": ["abcd"]}},
    {
        "t": "series",
        "name": NONE,
        "index": rows(0, 1),
        "values": {"dtype": "string", "na": "NA", "storage": "pyarrow", "v": ["a"]},
    },
    {
        "t": "series",
        "name": NONE,
        "index": rows(0, 2),
        "values": {
            "dtype": "category",
            "ordered": True,
            "codes": [0, 0],
            "categories": {"dtype": "int64", "v": [1, 1]},
        },
    },
    {
        "t": "pdindex",
        "index": {
            "kind": "multi",
            "names": [NONE],
            "levels": [{"dtype": "datetime64", "v": [None]}],
        },
    },
]

SCALAR_TAGS = [
    "none",
    "bool",
    "int",
    "float",
    "complex",
    "str",
    "bytes",
    "na",
    "date",
    "time",
    "datetime",
    "timedelta",
    "decimal",
    "fraction",
    "range",
    "timestamp",
    "timedelta64",
    "list",
    "tuple",
    "set",
    "frozenset",
    "dict",
    "mappingproxy",
    "np",
    "ndarray",
    "frame",
    "series",
    "pdindex",
    "smm",
    "missing",
    "error",
    "opaque",
    "module",
    "function",
    "dataclass",
    "object",
    "enum",
    "pickle",
]
DTYPES = [
    "bool",
    "int8",
    "uint64",
    "float16",
    "float64",
    "complex64",
    "object",
    "Int64",
    "UInt8",
    "Float32",
    "boolean",
    "string",
    "category",
    "datetime64[ns]",
    "datetime64[D]",
    "datetime64",
    "timedelta64[s]",
    "<U3",
    "<U1000000",
    "|S2",
    "float128",
    "V8",
    "M8[ns]",
    "str",
]
ZONES = ["Asia/Dhaka", "UTC", "+06:00", "-23:59", *PATHS[:6]]
BIG = st.sampled_from([0, 1, -1, 7, 2**31, 2**63 - 1, -(2**63), 2**64, 10**15, 10**30])
JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | BIG
    | st.floats(allow_nan=False)
    | st.text(max_size=6)
)
WIDE = st.builds(
    lambda dtype, n: array(dtype, ["a"] * n),
    st.sampled_from(["<U1000000", "|S1000000", "<U300000"]),
    st.integers(1, 5),
)
"""Fixed-width text: a few bytes sent, megabytes built (the one true amplifier)."""
JSON = st.recursive(
    JSON_SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4)
    ),
    max_leaves=20,
)


def _near_valid(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Answers in the answers format, with fields plausible, hostile or missing."""
    items = st.lists(inner, max_size=4)
    column = st.fixed_dictionaries(
        {"dtype": st.sampled_from(DTYPES), "v": st.lists(JSON_SCALARS | inner, max_size=4)},
        optional={
            "tz": st.sampled_from(ZONES),
            "codes": st.lists(BIG, max_size=4),
            "categories": st.fixed_dictionaries(
                {"dtype": st.sampled_from(DTYPES), "v": st.lists(JSON_SCALARS, max_size=3)}
            ),
            "ordered": st.booleans(),
            "na": st.sampled_from(["NA", "nan"]),
            "storage": st.sampled_from(["python", "pyarrow", "x"]),
        },
    )
    index = (
        st.builds(rows, BIG, BIG, st.sampled_from([1, -1, 0, 2, 10**12]))
        | st.fixed_dictionaries({"kind": st.just("plain"), "name": inner, "values": column})
        | st.fixed_dictionaries(
            {
                "kind": st.just("multi"),
                "names": st.lists(inner, max_size=2),
                "levels": st.lists(column, max_size=2),
            }
        )
    )
    registered = st.sampled_from(sorted(answers.VALUE_TYPES)).flatmap(
        lambda tag: st.fixed_dictionaries(
            {
                "t": st.just("smm"),
                "type": st.just(tag),
                "fields": st.dictionaries(
                    st.sampled_from([*answers.VALUE_TYPES[tag].fields, "__class__", "_events"]),
                    inner,
                    max_size=len(answers.VALUE_TYPES[tag].fields) + 1,
                ),
            },
            optional={"member": st.text(max_size=5)},
        )
    )
    return st.one_of(
        st.fixed_dictionaries({"t": st.sampled_from(SCALAR_TAGS), "v": items | JSON}),
        st.fixed_dictionaries(
            {"t": st.just("dict"), "v": st.lists(st.tuples(inner, inner).map(list), max_size=3)}
        ),
        st.fixed_dictionaries(
            {"t": st.just("ndarray"), "shape": st.lists(BIG, max_size=3), "values": column}
        ),
        st.fixed_dictionaries(
            {"t": st.just("series"), "name": inner, "index": index, "values": column}
        ),
        st.fixed_dictionaries(
            {
                "t": st.just("frame"),
                "index": index,
                "columns": index,
                "data": st.lists(column, max_size=3),
            }
        ),
        st.fixed_dictionaries({"t": st.just("pdindex"), "index": index}),
        st.fixed_dictionaries(
            {"t": st.just("np"), "dtype": st.sampled_from(DTYPES), "v": inner | BIG}
        ),
        st.fixed_dictionaries(
            {
                "t": st.sampled_from(["timestamp", "timedelta64"]),
                "v": BIG | st.none(),
                "unit": st.sampled_from(["s", "ns", "D", "x"]),
                "tz": st.sampled_from(ZONES),
            }
        ),
        st.fixed_dictionaries(
            {
                "t": st.just("datetime"),
                "v": st.sampled_from(["2026-01-01T10:00:00+06:00", "2026-01-01", "x"]),
                "zone": st.sampled_from(ZONES),
            }
        ),
        st.fixed_dictionaries(
            {
                "t": st.sampled_from(["dataclass", "object", "enum"]),
                "cls": st.sampled_from(
                    [
                        "os:system",
                        "subprocess:Popen",
                        "smm_helpers.datasets.__main__:x",
                        "smm_helpers.grading.course:Course",
                    ]
                ),
                "fields": st.just({}),
                "state": st.just({}),
            }
        ),
        registered,
    )


@functools.cache
def valid_encodings() -> list[Any]:
    """Honest answers as the kernel sends them: the seeds the mutations start from."""
    from smm_helpers.metrics.abtest import ab_test
    from smm_helpers.planning.calendar import build_calendar
    from smm_helpers.planning.plan import SocialMediaPlan, Target

    plan = SocialMediaPlan(
        goals=[Target("er_reach", 0.03)],
        audience="volunteers",
        platforms=["facebook"],
        pillars={"stories": 1.0},
    )
    values = [
        *warm_values(),
        plan,
        ab_test(3, 10, 5, 10),
        build_calendar("2026-02-16", weeks=1, platforms="x", special_days=False),
    ]
    return [json.loads(answers.encode_names({"x": v}, ["x"]))["x"] for v in values]


def _places(value: Any) -> Iterator[tuple[Any, Any]]:
    """Every (container, key) of a JSON value, to replace what is there."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key != "t":  # a wrong tag is refused at once; the parts under it are the test
                yield value, key
            yield from _places(item)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield value, i
            yield from _places(item)


MUTATIONS = (
    BIG
    | JSON_SCALARS
    | st.sampled_from([*ZONES, *DTYPES, "9" * 5000, [], {}])
    | st.builds(rows, BIG, BIG, st.sampled_from([1, -1, 0, 10**12]))
    | WIDE
)


@st.composite
def mutated(draw: st.DrawFn) -> Any:
    """An honest answer with one to three of its parts replaced by something else."""
    value = copy.deepcopy(draw(st.deferred(lambda: st.sampled_from(valid_encodings()))))
    for _ in range(draw(st.integers(1, 3))):
        places = list(_places(value))[::-1]  # the deepest first: hypothesis favours them
        if places:
            container, key = draw(st.sampled_from(places))
            container[key] = copy.deepcopy(draw(MUTATIONS))
    return value


SIMPLE = (
    st.sampled_from(
        [
            NONE,
            text("a"),
            {"t": "int", "v": "9" * 5000},
            stamp("UTC"),
            {"t": "range", "v": [0, 10**7, 1]},
            {"t": "float", "v": "nan"},
        ]
    )
    | WIDE
)
NEAR_VALID = st.recursive(SIMPLE, _near_valid, max_leaves=12)
PROPERTIES = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def warmed() -> None:
    warm_up()


@PROPERTIES
@given(st.binary(max_size=200))
def test_random_bytes_never_break_the_decoder(warmed: None, raw: bytes) -> None:
    check_decode(raw.decode("utf-8", "replace"))


@PROPERTIES
@given(JSON | st.dictionaries(st.text(max_size=4), JSON, max_size=4))
def test_random_json_never_breaks_the_decoder(warmed: None, data: Any) -> None:
    check_decode(json.dumps(data))


@settings(PROPERTIES, max_examples=250)
@given(st.dictionaries(st.sampled_from(["a", "b", "c"]), NEAR_VALID, min_size=1, max_size=3))
def test_near_valid_answers_never_break_the_decoder(warmed: None, data: Any) -> None:
    check_decode(json.dumps(data))


@settings(PROPERTIES, max_examples=200)
@given(mutated())
def test_honest_answers_with_parts_replaced_never_break_the_decoder(
    warmed: None, data: Any
) -> None:
    check_decode(json.dumps({"x": data}))


# ------------------------------------------------------------------------------ SMM Lab types


def smm_lab_values() -> dict[str, Any]:
    """A real value of every type of ``VALUE_TYPES``, made by SMM Lab's own functions."""
    from smm_helpers import budget, community, ethics, platforms, schema
    from smm_helpers.checks.core import check
    from smm_helpers.content.check import check_post
    from smm_helpers.content.length import count_x
    from smm_helpers.content.limits import FOLDS, limit_for
    from smm_helpers.content.mix import content_mix, format_fit
    from smm_helpers.datasets import generate
    from smm_helpers.datasets.clients import client_profile
    from smm_helpers.metrics.abtest import ab_test
    from smm_helpers.metrics.best_time import best_time_table
    from smm_helpers.planning.calendar import SPROUT_GUIDANCE, build_calendar
    from smm_helpers.planning.goals import check_goal
    from smm_helpers.planning.plan import SocialMediaPlan, Target
    from smm_helpers.planning.policy import PolicyAnswers, lint_policy
    from smm_helpers.report.kpis import KPI_DEFINITIONS, compare_kpis
    from smm_helpers.report.period import report_period
    from smm_helpers.widgets.post_composer import counters

    data = generate(n_posts=1_000)
    alo = data.posts[data.posts["client"] == "nonprofit"]
    goal = check_goal("Grow Alo's Instagram followers from 5,000 to 5,600 by 30 June 2027")
    plan = SocialMediaPlan(
        goals=[Target("er_reach", 0.03, platform="instagram")],
        audience="young volunteers",
        platforms=["facebook", "instagram"],
        pillars={"impact stories": 0.6, "tips": 0.4},
        budget=1500.0,
        client="nonprofit",
    )
    review = plan.review(data.posts, data.followers, data.inbox, data.campaigns)
    recommendation = platforms.recommend_platforms(
        kind="nonprofit", goals=["donations"], ages=(18, 45)
    )
    instagram = platforms.get_platform("instagram")
    return {
        "GoalCheck": goal,
        "Criterion": next(iter(goal.criteria.values())),
        "Target": plan.goals[0],
        "TargetResult": review.results[0],
        "SocialMediaPlan": plan,
        "PlanReview": review,
        "PolicyAnswers": PolicyAnswers(
            organisation="Alo Reading Circle",
            purpose="Children in Dhaka learn to read",
            work_hours_use="Posts at work",
            not_allowed=["politics"],
            spokespeople=["Director"],
            responders=["Communications Officer"],
            response_time_hours=24,
            tools=["Facebook"],
            account_access="Two people, two-factor login",
            escalation_contacts=["Manager"],
            crisis_contact="Director",
            photo_consent="a parent signs",
            review_date="2027-06-30",
        ),
        "PolicyLint": lint_policy("## Why we use social media\nWe share stories."),
        "ContentCalendar": build_calendar("2026-02-16", weeks=2, platforms=["facebook", "x"]),
        "SproutGuidance": SPROUT_GUIDANCE["instagram"],
        "PostCheck": check_post("Read with a child today #AloReads https://alo.org", "x"),
        "XCount": count_x("Read with a child today"),
        "Limit": limit_for("x"),
        "Fold": next(iter(FOLDS.values())),
        "FormatFit": format_fit("instagram", "video"),
        "ContentMix": content_mix(alo),
        "Counter": counters("Read with a child today")[0],
        "Triage": community.classify_message("Where is my order? I paid yesterday!"),
        "ClassifierReport": community.evaluate_classifier(),
        "ResponseReport": community.response_time_report(data.inbox),
        "ABTestResult": ab_test(30, 1000, 45, 1000),
        "BestTimes": best_time_table(alo, min_posts=1),
        "Kpi": compare_kpis({"posts": 3.0}, {"posts": 2.0})[0],
        "KpiDefinition": KPI_DEFINITIONS[0],
        "Period": report_period(data.posts),
        "Allocation": budget.allocate_budget(10_000, ["facebook", "instagram"]),
        "Comparison": budget.organic_vs_paid(100, results_per_hour=5, cost_per_result=20),
        "Quote": budget.freelance_quote(10),
        "DisclosureCheck": ethics.check_disclosure("Thanks to our sponsor! #ad"),
        "Signal": ethics.black_hat_signals(
            "Tag 3 friends who need this! #a #b #c #d #e #f", platform="instagram"
        )[0],
        "Claim": ethics.unsourced_claims("90% of children cannot read. Join us.")[0],
        "FakeEngagementReport": ethics.detect_fake_engagement(data.posts, data.followers),
        "FakeEngagementEvaluation": ethics.evaluate_fake_engagement(
            [1], posts=data.posts, followers=data.followers
        ),
        "Recommendation": recommendation,
        "OrgProfile": recommendation.org,
        "FactorScore": recommendation.scores[0],
        "PlatformProfile": instagram,
        "Figure": instagram.effort,
        "Audience": instagram.audience,
        "CourseData": data,
        "ClientProfile": client_profile("nonprofit"),
        "Column": schema.POSTS[1],
        "Verdict": check("00-orientation", "q1", None),
    }


@pytest.fixture(scope="module")
def smm_values() -> dict[str, Any]:
    return smm_lab_values()


def test_every_type_of_the_table_has_a_real_value_here(smm_values: dict[str, Any]) -> None:
    assert set(smm_values) == set(answers.VALUE_TYPES)


@pytest.mark.parametrize("tag", sorted(answers.VALUE_TYPES))
def test_the_table_lists_each_types_constructor_fields(tag: str) -> None:
    spec = answers.VALUE_TYPES[tag]
    cls = answers.value_types._registered_class(tag)
    assert f"{cls.__module__}:{cls.__qualname__}" == spec.path
    if dataclasses.is_dataclass(cls):
        assert list(spec.fields) == [f.name for f in dataclasses.fields(cls) if f.init]
    for kinds in spec.fields.values():
        assert all(
            k in answers.FIELD_KINDS or k in answers.VALUE_TYPES for k in kinds.split("|")
        ), kinds


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, pd.DataFrame):
        pd.testing.assert_frame_equal(b, a)
        return True
    if isinstance(a, pd.Series):
        pd.testing.assert_series_equal(b, a)
        return True
    if isinstance(a, float) and math.isnan(a):
        return isinstance(b, float) and math.isnan(b)
    return type(a) is type(b) and a == b


@pytest.mark.parametrize("tag", sorted(answers.VALUE_TYPES))
def test_smm_lab_values_arrive_as_themselves(tag: str, smm_values: dict[str, Any]) -> None:
    value = smm_values[tag]
    back = round_trip(value)
    assert type(back) is type(value), back
    for name in answers.VALUE_TYPES[tag].fields:
        assert _same(getattr(value, name), getattr(back, name)), name
    if type(value).__eq__ is not object.__eq__ and not any(
        isinstance(getattr(value, n), pd.DataFrame | pd.Series)
        for n in answers.VALUE_TYPES[tag].fields
    ):
        assert back == value


def test_smm_lab_values_are_rebuilt_through_their_constructors(
    smm_values: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from smm_helpers.planning.plan import SocialMediaPlan

    built: list[Any] = []
    checked: Callable[[Any], None] = SocialMediaPlan.__post_init__

    def recording(self: Any) -> None:
        built.append(self)
        checked(self)

    monkeypatch.setattr(SocialMediaPlan, "__post_init__", recording)
    back = round_trip(smm_values["SocialMediaPlan"])
    assert built == [back]
