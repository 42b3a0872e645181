"""Unit tests of the grading sandbox's parts, without kernels (fast).

- ``answers``: learners' values as plain data — round trips of nested data (hypothesis),
  pandas tables of every kind a lesson uses, NumPy values, SMM Lab's dataclasses; hostile
  values (subclasses that lie about themselves) arrive as their plain base values; hostile
  JSON never builds anything but data and never imports a module outside SMM Lab;
- ``runner``: the trusted test runner, with a fake kernel (``FakeKernel`` evaluates what the
  runner asks in a dict standing for the learner's namespace, as the real kernel would);
- ``tampering``: each rule of ``scan_code`` and ``classify_error``, and none of them for
  honest work (what grading puts right in a notebook: ``tests/test_instructor_cells.py``);
- ``bwrap``: the sandbox's command line (no course folder mounted, ``forbidden`` respected,
  no network), its clean environment, and what of the learner's files goes into it.

"""

from __future__ import annotations

import builtins
import contextlib
import dataclasses
import datetime as dt
import decimal
import enum
import fractions
import importlib
import json
import math
import sys
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smm_helpers.grading.sandbox import answers, bwrap, launch, tampering
from smm_helpers.grading.sandbox.answers import AnswerError, Missing, Unreadable, decoding, encoding  # noqa: F401 -- patched
from smm_helpers.grading.sandbox.launch import Limits
from smm_helpers.grading.sandbox.runner import LearnerUnavailable, read_names
from smm_helpers.grading.sandbox.runner import TestRunner as Runner  # not a pytest class
from tests.conftest import REPO

A = "01-platforms-and-planning"
SOURCE = REPO / "assignments" / A / f"{A}.ipynb"
RELEASED = REPO / "course" / "samples" / A / "blank" / f"{A}.ipynb"


def round_trip(value: Any) -> Any:
    return answers.decode(answers.encode_names({"x": value}, ["x"]))["x"]


# ------------------------------------------------------------------------------ answers


def canon(value: Any) -> Any:
    """A comparable form that keeps each value's exact type (and NaN, -0.0, set contents)."""
    kind = type(value).__name__
    if isinstance(value, float | complex):
        return kind, repr(value)
    if isinstance(value, list | tuple):
        return kind, [canon(v) for v in value]
    if isinstance(value, set | frozenset):
        return kind, sorted(repr(canon(v)) for v in value)
    if isinstance(value, dict):
        return kind, [(canon(k), canon(v)) for k, v in value.items()]
    if isinstance(value, dt.datetime | dt.time):
        return kind, value.isoformat()
    if isinstance(value, decimal.Decimal):
        return kind, str(value)
    return kind, value


KEYS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.text(max_size=8)
    | st.tuples(st.integers(0, 9), st.text(max_size=3))
)
OFFSETS = st.integers(-23 * 60, 23 * 60).map(lambda m: dt.timezone(dt.timedelta(minutes=m)))
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**40), 10**40)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | st.binary(max_size=16)
    | st.complex_numbers(allow_nan=False, allow_infinity=False)
    | st.dates()
    | st.datetimes()
    | st.datetimes(timezones=OFFSETS)
    | st.times()
    | st.timedeltas()
    | st.decimals(allow_nan=False, allow_infinity=False)
    | st.fractions()
)


def _containers(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(KEYS, inner, max_size=4)
        | st.frozensets(KEYS, max_size=3)
        | st.sets(KEYS, max_size=3)
    )


PLAIN = st.recursive(SCALARS, _containers, max_leaves=25)


@settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(PLAIN)
def test_nested_plain_data_arrives_exactly_as_it_was_sent(value: Any) -> None:
    assert canon(round_trip(value)) == canon(value)


@settings(deadline=None, max_examples=50)
@given(
    st.lists(st.floats(allow_nan=True, width=32), max_size=6),
    st.lists(st.text(alphabet="ab ক্ষ", max_size=5), max_size=6),
)
def test_numpy_arrays_of_numbers_and_text_keep_their_values_and_dtype(
    numbers: list[float], words: list[str]
):
    for array in (
        np.array(numbers, dtype="float64"),
        np.array(words, dtype=str),
        np.array(numbers, dtype="float32").reshape(-1, 1),
    ):
        back = round_trip(array)
        assert type(back) is np.ndarray and back.dtype == array.dtype
        assert back.shape == array.shape
        np.testing.assert_array_equal(back, array)


TABLES = {
    "categorical, ordered, with a missing value": pd.DataFrame(
        {
            "tier": pd.Categorical(
                ["gold", None, "silver"], categories=["silver", "gold"], ordered=True
            )
        }
    ),
    "categorical index": pd.Series([1, 2], index=pd.CategoricalIndex(["x", "tiktok"])),
    "tz-aware datetimes (Dhaka) with NaT": pd.DataFrame(
        {
            "published_at": pd.to_datetime(
                ["2026-02-21 09:00", None, "2026-03-26 18:30"]
            ).tz_localize("Asia/Dhaka")
        }
    ),
    "datetimes in microseconds": pd.Series(
        pd.DatetimeIndex(["2026-01-01 10:00:00.123456"]).as_unit("us")
    ),
    "naive datetimes in seconds": pd.Series(np.array(["2026-01-01"], dtype="datetime64[s]")),
    "timedeltas": pd.Series(pd.to_timedelta([1.5, None], unit="h"), name="wait"),
    "nullable ints, floats and booleans": pd.DataFrame(
        {
            "posts": pd.array([3, None, 5], dtype="Int64"),
            "rate": pd.array([0.5, None, 0.25], dtype="Float64"),
            "boosted": pd.array([True, None, False], dtype="boolean"),
        }
    ),
    "pandas 3's str text": pd.Series(["facebook", None, "ফেসবুক"], dtype="str"),
    "MultiIndex rows": pd.DataFrame(
        {"reach": [10, 20, 30]},
        index=pd.MultiIndex.from_tuples(
            [("nonprofit", "facebook"), ("nonprofit", "x"), ("business", "x")],
            names=["client", "platform"],
        ),
    ),
    "MultiIndex columns": pd.DataFrame(
        [[1, 2.5]], columns=pd.MultiIndex.from_tuples([("reach", "sum"), ("rate", "mean")])
    ),
    "floats with NaN and infinity, a named Series": pd.Series(
        [0.1, np.nan, np.inf], name="er_reach"
    ),
    "mixed objects": pd.Series([1, "a", None, 2.5, dt.date(2026, 1, 1)], dtype=object),
    "a RangeIndex with a step": pd.Series([1, 2], index=pd.RangeIndex(10, 14, 2, name="n")),
    "integer column labels, repeated labels": pd.DataFrame([[1, 2, 3]], columns=[0, 1, 1]),
    "small and unsigned ints": pd.DataFrame(
        {"u": np.array([1, 255], dtype="uint8"), "f": np.array([1.5, 2], dtype="float32")}
    ),
    "an empty table with columns": pd.DataFrame(columns=["platform", "reach"]),
    "a named index": pd.Index(["facebook", "x"], name="platform"),
}


@pytest.mark.parametrize("name", list(TABLES))
def test_pandas_tables_arrive_with_their_values_dtypes_and_indexes(name: str) -> None:
    table = TABLES[name]
    back = round_trip(table)
    assert type(back) is type(table)
    if isinstance(table, pd.DataFrame):
        pd.testing.assert_frame_equal(back, table)
    elif isinstance(table, pd.Series):
        pd.testing.assert_series_equal(back, table)
    else:
        pd.testing.assert_index_equal(back, table, exact=True)


@pytest.mark.parametrize(
    "table",
    [
        pd.Series(pd.array(["facebook", None], dtype="string")),
        pd.Series(["facebook", "x"], dtype=object),
        pd.DataFrame({"platform": pd.Series(["facebook", "x"], dtype=object)}),
    ],
    ids=["string dtype with pd.NA", "text as objects", "a column of text objects"],
)
def test_text_columns_keep_their_dtype(table: Any) -> None:
    back = round_trip(table)
    if isinstance(table, pd.DataFrame):
        pd.testing.assert_frame_equal(back, table)
    else:
        pd.testing.assert_series_equal(back, table)


def test_a_date_index_keeps_its_dates_but_not_its_frequency() -> None:
    """A DatetimeIndex's ``freq`` is not sent (``Series.equals`` ignores it, so do tests)."""
    series = pd.Series([1, 2], index=pd.date_range("2026-01-01", periods=2, name="day"))
    back = round_trip(series)
    assert back.equals(series) and back.index.freq is None
    pd.testing.assert_series_equal(back, series, check_freq=False)


NUMPY = [
    np.int64(-3),
    np.int8(7),
    np.uint16(9),
    np.float32(1.5),
    np.float64("nan"),
    np.bool_(True),
    np.complex128(1 + 2j),
    np.str_("x"),
    np.datetime64("2026-01-01T10:00"),
    np.timedelta64(5, "s"),
    np.arange(6.0).reshape(2, 3),
    np.array([[1, 2], [3, 4]], dtype="int16"),
    np.array([True, False]),
    np.array(["2026-01-01"], dtype="datetime64[D]"),
    np.array(5),
    np.array([]),
    np.array([1, "a", None], dtype=object),
]


@pytest.mark.parametrize("value", NUMPY, ids=lambda v: f"{type(v).__name__}-{v.dtype}")
def test_numpy_scalars_and_arrays_keep_their_type_dtype_and_value(value: Any) -> None:
    back = round_trip(value)
    assert type(back) is type(value) and back.dtype == value.dtype
    if isinstance(value, np.ndarray):
        assert back.shape == value.shape
        np.testing.assert_array_equal(back, value)
    else:
        assert back == value or (math.isnan(back) and math.isnan(value))


def test_library_scalars_arrive_as_themselves() -> None:
    values = [
        pd.Timestamp("2026-02-21 09:00", tz="Asia/Dhaka"),
        pd.Timestamp("2026-01-01"),
        pd.Timedelta("90min"),
        pd.NaT,
        pd.NA,
        dt.date(2026, 1, 2),
        dt.datetime(2026, 1, 2, 3, 4, 5, 6),
        dt.time(1, 2, 3),
        dt.timedelta(days=-1, seconds=5),
        decimal.Decimal("1.10"),
        fractions.Fraction(1, 3),
        b"\x00\xff",
        10**300,
        -0.0,
        float("inf"),
    ]
    for value in values:
        back = round_trip(value)
        assert type(back) is type(value), value
        assert (
            back is value if value is pd.NA or value is pd.NaT else canon(back) == canon(value)
        ), value


def test_smm_lab_dataclasses_are_rebuilt_field_by_field() -> None:
    from smm_helpers.planning.plan import SocialMediaPlan, Target
    from smm_helpers.planning.policy import PolicyAnswers

    policy = PolicyAnswers(
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
    )
    plan = SocialMediaPlan(
        goals=[Target("er_reach", 0.03, platform="instagram")],
        audience="young volunteers",
        platforms=["facebook", "instagram"],
        pillars={"impact stories": 0.6, "tips": 0.4},
        budget=1500.0,
    )
    for value in (policy, plan, plan.goals[0]):
        back = round_trip(value)
        assert type(back) is type(value) and back == value
    assert round_trip(policy).review_date == dt.date(2027, 6, 30)  # a date, as it was


class Tier(enum.Enum):
    GOLD = "gold"


class Pair(NamedTuple):
    platform: str
    reach: int


def test_enums_and_named_tuples_are_rebuilt_only_from_the_table_of_value_types(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert round_trip(Pair("x", 3)) == ("x", 3) and type(round_trip(Pair("x", 3))) is tuple
    assert isinstance(round_trip(Tier.GOLD), Unreadable)  # a class outside the table
    monkeypatch.setattr(
        answers.value_types,
        "VALUE_TYPES",
        {
            **answers.VALUE_TYPES,
            "Tier": answers.ValueType(f"{__name__}:Tier", {}, build="member"),
            "Pair": answers.ValueType(
                f"{__name__}:Pair", {"platform": "text", "reach": "int"}, build="positional"
            ),
        },
    )
    assert round_trip(Tier.GOLD) is Tier.GOLD
    assert type(round_trip(Pair("x", 3))) is Pair and round_trip(Pair("x", 3)) == ("x", 3)
    assert "not a member of Tier" in repr(
        answers.decode(json.dumps({"x": {"t": "smm", "type": "Tier", "member": "__class__"}}))["x"]
    )


class LyingText(str):
    def __eq__(self, other: object) -> bool:
        return True

    __hash__ = str.__hash__

    def __str__(self) -> str:
        return "facebook"

    def lower(self) -> str:  # type: ignore[override]
        return "facebook"


class LyingInt(int):
    def __eq__(self, other: object) -> bool:
        return True

    __hash__ = int.__hash__

    def __int__(self) -> int:
        return 42


class LyingFloat(float):
    def __float__(self) -> float:
        return 0.05

    def __repr__(self) -> str:
        return "0.05"


class LyingList(list):
    def __iter__(self):  # type: ignore[override]
        return iter(["facebook", "instagram", "x"])

    def __len__(self) -> int:
        return 3


class LyingDict(dict):
    def items(self):  # type: ignore[override]
        return [("facebook", 1.0)]


@pytest.mark.parametrize(
    ("lie", "truth"),
    [
        (LyingText("myspace"), "myspace"),
        (LyingInt(7), 7),
        (LyingFloat(0.5), 0.5),
        (LyingList(["myspace"]), ["myspace"]),
        (LyingDict({"myspace": 0.1}), {"myspace": 0.1}),
    ],
)
def test_subclasses_that_lie_arrive_as_their_plain_base_values(lie: Any, truth: Any) -> None:
    back = round_trip(lie)
    assert type(back) is type(truth) and back == truth
    assert back != {str: "facebook", int: 42, float: 0.05, list: [], dict: {}}[type(truth)]


def test_objects_of_the_learners_own_classes_are_unreadable_and_say_why() -> None:
    @dataclasses.dataclass
    class Plan:
        goal: str

    class AlwaysEqual:
        def __eq__(self, other: object) -> bool:
            return True

    class SneakySeries(pd.Series):
        def __eq__(self, other: object) -> bool:  # type: ignore[override]
            return True

    for value, shown in (
        (Plan("x"), "Plan"),
        (AlwaysEqual(), "AlwaysEqual"),
        (SneakySeries([1.0]), "SneakySeries"),
        (json, "module json"),
    ):
        back = round_trip(value)
        assert isinstance(back, Unreadable) and shown in repr(back)
        with pytest.raises(AnswerError, match="which the grader cannot check"):
            back == 1  # noqa: B015 -- comparing is the point
        with pytest.raises(AnswerError):
            bool(back)


def test_a_name_the_notebook_lacks_is_missing() -> None:
    assert answers.decode(answers.encode_names({}, ["er_by_platform"])) == {
        "er_by_platform": Missing("er_by_platform")
    }


HOSTILE = {
    "not the answers format": {"x": 5},
    "an unknown kind": {"x": {"t": "pickle", "v": "gASVAAAAAAAAAAB9lC4="}},
    "a class outside SMM Lab": {"x": {"t": "dataclass", "cls": "antigravity:Fly", "fields": {}}},
    "an enum outside SMM Lab": {"x": {"t": "enum", "cls": "this:s", "name": "x"}},
    "a named tuple outside SMM Lab": {
        "x": {
            "t": "namedtuple",
            "cls": "subprocess:Popen",
            "v": [{"t": "str", "v": "touch /tmp/pwned"}],
        }
    },
    "an SMM Lab module that does not exist": {
        "x": {"t": "dataclass", "cls": "smm_helpers.no_such:Thing", "fields": {}}
    },
    "an SMM Lab class that is not a dataclass": {
        "x": {
            "t": "dataclass",
            "cls": "smm_helpers.grading.sandbox.answers:Unreadable",
            "fields": {},
        }
    },
    "a dataclass with the wrong fields": {
        "x": {
            "t": "dataclass",
            "cls": "smm_helpers.planning.plan:Target",
            "fields": {"metric": {"t": "str", "v": "er_reach"}},
        }
    },
    "a malformed class name": {"x": {"t": "enum", "cls": "no colon", "name": "x"}},
    "an int of 5000 digits": {"x": {"t": "int", "v": "9" * 5000}},
    "a list that is not a list": {"x": {"t": "list", "v": 5}},
    "an unhashable dict key": {"x": {"t": "dict", "v": [[{"t": "list", "v": []}, {"t": "none"}]]}},
    "a shape that does not fit": {
        "x": {"t": "ndarray", "shape": [3], "values": {"dtype": "float64", "v": [1.0]}}
    },
    "a table whose columns do not match": {
        "x": {
            "t": "frame",
            "index": {"kind": "range", "start": 0, "stop": 1, "step": 1, "name": {"t": "none"}},
            "columns": {
                "kind": "plain",
                "name": {"t": "none"},
                "values": {"dtype": "object", "v": [{"t": "str", "v": "a"}]},
            },
            "data": [],
        }
    },
    "an unknown dtype": {
        "x": {"t": "ndarray", "shape": [1], "values": {"dtype": "no-such-dtype", "v": [1]}}
    },
    "containers nested too deeply": {
        "x": json.loads('{"t": "list", "v": [' * 80 + '{"t": "none"}' + "]}" * 80)
    },
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_answers_are_unreadable_and_import_nothing_outside_smm_lab(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    imported: list[str] = []
    real = importlib.import_module

    def recording(module: str, *args: Any) -> Any:
        imported.append(module)
        return real(module, *args)

    monkeypatch.setattr(importlib, "import_module", recording)
    value = answers.decode(json.dumps(HOSTILE[name]))["x"]
    assert isinstance(value, Unreadable), value
    assert all(m.startswith("smm_helpers.") for m in imported), imported
    with pytest.raises(AnswerError, match="could not be read"):
        value == 1  # noqa: B015 -- comparing is the point


@pytest.mark.parametrize("text", ["[1, 2]", '"answers"', "null", "not json"])
def test_answers_that_are_not_a_json_object_are_refused(text: str) -> None:
    with pytest.raises((AnswerError, ValueError)):
        answers.decode(text)


def test_answers_over_the_size_limit_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    for part in (answers.encoding, answers.decoding):  # each side checks the size
        monkeypatch.setattr(part, "MAX_JSON_CHARS", 100)
    text = answers.encode_names({"x": "a" * 200}, ["x"])
    assert "too big to check" in text  # the kernel's side says so instead of sending it
    with pytest.raises(AnswerError, match="over 100 characters"):
        answers.decode(json.dumps({"x": {"t": "str", "v": "a" * 200}}))


def test_json_nested_beyond_the_recursion_limit_is_unreadable() -> None:
    deep = '{"x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    with pytest.raises(AnswerError):
        answers.decode(deep)


# ------------------------------------------------------------------------------ runner


class FakeKernel:
    """Stands for a learner's kernel: evaluates what the runner asks in ``namespace``."""

    def __init__(self, **namespace: Any) -> None:
        self.namespace: dict[str, Any] = dict(namespace)
        self.asked: list[str] = []

    def __call__(self, expression: str, timeout: float) -> str:
        self.asked.append(expression)
        return eval(expression, self.namespace)  # the kernel's globals() is the namespace

    def names_asked(self) -> list[list[str]]:
        """The names each export asked for."""
        found = []
        for expression in self.asked:
            if ".export(globals(), " in expression:
                found.append(eval(expression.split(".export(globals(), ", 1)[1][:-1]))
        return found


class _Everything:
    """Every name a test reads may come from the learner (the plan's limit is tested in
    tests/test_instructor_cells.py and by the grading tests)."""

    def __contains__(self, name: object) -> bool:
        return True


EVERY = _Everything()
SETUP = "from smm_helpers.checks.asserts import expect_equal, expect_type\nLIMIT = 3\n"


def _runner(kernel: FakeKernel, folder: Path | None = None) -> Runner:
    runner = Runner(ask=kernel, folder=folder, timeout=5)
    assert runner.run_setup(SETUP, "setup") == []
    return runner


def _error(outputs: list[dict[str, Any]]) -> dict[str, Any] | None:
    return next((o for o in outputs if o["output_type"] == "error"), None)


def test_read_names_lists_what_a_test_reads_not_what_it_assigns() -> None:
    assert sorted(read_names("_own = generate(n)\nexpect_close(er, summarize(_own)['er'])")) == [
        "_own",
        "er",
        "expect_close",
        "generate",
        "n",
        "summarize",
    ]
    assert sorted(read_names("total = 1\nx = [p.upper() for p in names]")) == ["names", "p"]


def test_a_test_reads_the_learners_answers_and_the_instructors_names() -> None:
    kernel = FakeKernel(answer=3, LIMIT=99, expect_equal=lambda *args, **kwargs: None)
    runner = _runner(kernel)
    assert runner.run_test("expect_equal(answer, LIMIT, 'answer')", "t1", learner_names=EVERY) == []
    assert kernel.names_asked() == [["answer"]]  # never LIMIT or expect_equal: trusted
    kernel.namespace["answer"] = 4
    error = _error(
        runner.run_test("expect_equal(answer, LIMIT, 'answer')", "t1", learner_names=EVERY)
    )
    assert error and error["ename"] == "AssertionError"  # the real check, not the learner's
    assert "answer" not in runner.trusted  # a learner's value never becomes trusted


def test_names_a_test_assigns_are_kept_for_later_tests_and_not_asked_for() -> None:
    kernel = FakeKernel(answer=3)
    runner = _runner(kernel)
    assert runner.run_test("_expected = LIMIT * 2", "t1", learner_names=EVERY) == []
    assert runner.run_test("assert answer * 2 == _expected", "t2", learner_names=EVERY) == []
    assert kernel.names_asked() == [["answer"]]


def test_a_missing_answer_is_a_helpful_name_error() -> None:
    error = _error(
        _runner(FakeKernel()).run_test(
            "expect_type(er_by_platform, float, 'x')", "t1", learner_names=EVERY
        )
    )
    assert error and error["ename"] == "NameError"
    assert "your notebook does not define er_by_platform" in error["evalue"]


def test_a_learners_function_runs_in_their_kernel_on_plain_data() -> None:
    calls: list[Any] = []

    def share(values: list[int], of: int = 100) -> float:
        calls.append((values, of))
        return sum(values) / of

    def broken(x: int) -> float:
        return x / 0

    runner = _runner(FakeKernel(share=share, broken=broken))
    assert runner.run_test("assert share([10, 20], of=60) == 0.5", "t1", learner_names=EVERY) == []
    assert calls == [([10, 20], 60)]  # arguments arrived as plain data
    error = _error(runner.run_test("assert share([1]) == 1", "t2", learner_names=EVERY))
    assert error and error["ename"] == "AssertionError"
    error = _error(runner.run_test("broken(1)", "t3", learner_names=EVERY))
    assert error and error["ename"] == "LearnerCodeError"
    assert "broken(...) raised ZeroDivisionError" in error["evalue"]


def test_a_learners_function_cannot_hand_back_an_object_that_equals_everything() -> None:
    class Anything:
        def __eq__(self, other: object) -> bool:
            return True

    error = _error(
        _runner(FakeKernel(best=lambda: Anything())).run_test(
            "assert best() == 'tiktok'", "t1", learner_names=EVERY
        )
    )
    assert error and error["ename"] == "AnswerError"


@pytest.mark.parametrize(
    ("answer", "test"),
    [
        (LyingText("myspace"), "assert answer == 'facebook'"),
        (LyingText("myspace"), "assert 'facebook' in answer.lower()"),
        (LyingInt(7), "assert answer == 42"),
        (LyingList(["myspace"]), "assert len(answer) == 3"),
        (LyingDict({"myspace": 0.1}), "assert 'facebook' in answer"),
        (LyingFloat(0.5), "assert abs(answer - 0.05) < 1e-9"),
    ],
)
def test_a_test_cannot_be_fooled_by_an_answer_that_lies(answer: Any, test: str) -> None:
    error = _error(_runner(FakeKernel(answer=answer)).run_test(test, "t1", learner_names=EVERY))
    assert error and error["ename"] == "AssertionError"


def test_builtins_and_checks_changed_in_the_kernel_change_nothing_in_the_tests() -> None:
    kernel = FakeKernel(answer=["facebook"], AssertionError=Exception, expect_type=print)
    kernel.namespace["__builtins__"] = {
        **vars(builtins),
        "len": lambda value: 3,
        "isinstance": lambda *args: True,
    }
    runner = _runner(kernel)
    for test in (
        "assert len(answer) == 3",
        "assert isinstance(answer, str)",
        "expect_type(answer, str, 'answer')",
    ):
        error = _error(runner.run_test(test, "t1", learner_names=EVERY))
        assert error and error["ename"] == "AssertionError", test
    assert all(names == ["answer"] for names in kernel.names_asked())


def test_a_kernel_that_does_not_answer_fails_the_test_with_the_reason() -> None:
    def gone(expression: str, timeout: float) -> str:
        raise LearnerUnavailable("no answer within 5 s")

    error = _error(Runner(ask=gone).run_test("assert x == 1", "t1", learner_names=EVERY))
    assert error and error["ename"] == "LearnerUnavailable"
    assert "no answer within 5 s" in error["evalue"]
    for reply in ("not json", "[1, 2]"):
        error = _error(
            Runner(ask=lambda e, t, r=reply: r).run_test("assert x", "t1", learner_names=EVERY)
        )
        assert error and error["ename"] == "LearnerUnavailable", reply


def test_a_reply_nested_beyond_the_recursion_limit_fails_only_the_test() -> None:
    deep = '{"x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    error = _error(
        Runner(ask=lambda e, t: deep).run_test("assert x == 1", "t1", learner_names=EVERY)
    )
    assert error and error["ename"] == "LearnerUnavailable"


def test_tests_run_in_the_instructors_folder_and_the_working_folder_is_restored(
    tmp_path: Path,
) -> None:
    (tmp_path / "expected.txt").write_text("42")
    here = Path.cwd()
    runner = _runner(FakeKernel(answer="42"), folder=tmp_path)
    test = "import pathlib\nassert pathlib.Path('expected.txt').read_text() == answer"
    assert runner.run_test(test, "t1", learner_names=EVERY) == []
    assert Path.cwd() == here


def test_a_test_shows_the_warnings_a_kernel_would_and_no_others() -> None:
    """nbgrader scores a test cell with any stderr output 0, so a warning the learner's
    kernel would not show must not reach the test's output: a grading worker's leftovers
    collected mid-test (an unclosed event loop's ResourceWarning failed 2-point tests on the
    Dask cluster), library deprecations, other threads' warnings."""
    runner = _runner(FakeKernel(answer=1))
    quiet = {
        "a resource warning": "import warnings\nwarnings.warn('unclosed', ResourceWarning)",
        "a leftover collected": "import asyncio, gc\nasyncio.new_event_loop()\ngc.collect()",
        "a library's deprecation": "import warnings\nwarnings.warn_explicit("
        "'old', DeprecationWarning, 'lib.py', 1, module='lib')",
        "another thread's warning": "import threading, warnings\nt = threading.Thread("
        "target=lambda: warnings.warn('not mine'))\nt.start()\n"
        "t.join()",
    }
    for what, source in quiet.items():
        with contextlib.ExitStack() as stack:
            if what == "another thread's warning":  # still shown where it belongs
                stack.enter_context(pytest.warns(UserWarning, match="not mine"))
            outputs = runner.run_test(source + "\nassert answer == 1", "t1", learner_names=EVERY)
            assert outputs == [], what
    shown = {
        "UserWarning: careful": "import warnings\nwarnings.warn('careful')",
        "DeprecationWarning: mine": "import warnings\nwarnings.warn('mine', DeprecationWarning)",
    }
    for text, source in shown.items():
        outputs = runner.run_test(source + "\nassert answer == 1", "t2", learner_names=EVERY)
        assert outputs == [{"output_type": "stream", "name": "stderr", "text": text + "\n"}]


class _Leftover:
    """Grader garbage in a reference cycle whose finaliser prints, like a pending task's."""

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        print("Task was destroyed but it is pending!", file=sys.stderr)


def test_the_graders_garbage_is_not_collected_inside_a_test() -> None:
    import gc

    runner = _runner(FakeKernel(answer=1))
    allocating = "kept = [[] for _ in range(200_000)]\nassert answer == 1"
    thresholds = gc.get_threshold()
    gc.collect()
    gc.set_threshold(100_000)  # no collection before the test's own allocations
    try:
        _Leftover()
        outputs = runner.run_test(allocating, "t1", learner_names=EVERY)
    finally:
        gc.set_threshold(*thresholds)
        gc.collect()  # the leftover's words reach pytest's stderr here, not the test's
    assert outputs == []


# ------------------------------------------------------------------------------ tampering


SCANS = {
    "import builtins\nbuiltins.isinstance = lambda *a: True\nbuiltins.len = len": (
        "tampered interpreter",
        "changes Python builtins (builtins.isinstance, builtins.len)",
    ),
    "__builtins__.AssertionError = Exception": (
        "tampered interpreter",
        "changes a Python builtin (__builtins__.AssertionError)",
    ),
    "setattr(builtins, 'abs', f)": (
        "tampered interpreter",
        "changes a Python builtin (setattr(builtins, ...))",
    ),
    "import sys\nsys.modules['smm_helpers.checks.asserts'] = fake": (
        "tampered interpreter",
        "replaces modules in sys.modules",
    ),
    "expect_close = lambda *a, **k: None": (
        "tampered interpreter",
        "replaces part of SMM Lab (expect_close)",
    ),
    "import smm_helpers.checks.asserts as checks\nchecks.expect_equal = print": (
        "tampered interpreter",
        "replaces part of SMM Lab (checks.expect_equal)",
    ),
    "from smm_helpers.grading.sandbox import answers\nsetattr(answers, 'export', f)": (
        "tampered interpreter",
        "replaces part of SMM Lab (setattr(answers, ...))",
    ),
    "sys.excepthook = print": (
        "tampered interpreter",
        "replaces a hook of Python or IPython (sys.excepthook)",
    ),
    "get_ipython().showtraceback = print": (
        "tampered interpreter",
        "replaces a hook of Python or IPython (get_ipython().showtraceback)",
    ),
    "ip.input_transformers_post.append(f)": (
        "tampered interpreter",
        "adds an IPython input transformer",
    ),
    "ip.ast_transformers.insert(0, f)": ("tampered interpreter", "adds an IPython AST transformer"),
    "ip.set_custom_exc((Exception,), f)": (
        "tampered interpreter",
        "changes how IPython reports errors",
    ),
    "ip.events.register('post_run_cell', f)": (
        "tampered interpreter",
        "registers an IPython event callback",
    ),
    "pd.Series.__eq__ = lambda a, b: True": (
        "tampered interpreter",
        "replaces a method that decides how answers compare (pd.Series.__eq__)",
    ),
    "class A:\n    def __eq__(self, other):\n        return True": (
        "tampered interpreter",
        "defines __eq__, which decides how its objects compare (no effect on the tests)",
    ),
    "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)": (
        "tampered interpreter",
        "installs a signal handler",
    ),
    "os.kill(os.getppid(), 15)": (
        "tampered interpreter",
        "sends signals to processes with os.kill (the grader is out of its reach)",
    ),
    "import gc\ngc.get_objects()": ("tampered interpreter", "searches Python's memory for objects"),
    "import ctypes": ("tampered interpreter", "reaches into Python's memory (ctypes)"),
    "os.fork()": ("too many processes", "starts processes"),
    "import subprocess": ("too many processes", "starts other processes"),
    "os._exit(0)": ("kernel died", "tries to stop its own Python (os._exit)"),
    "sys.exit()\nraise SystemExit\nexit()": (
        "kernel died",
        "tries to stop its own Python (raise SystemExit, sys.exit, exit())",
    ),
    "import socket": ("blocked network", "opens network connections"),
    "from urllib.request import urlopen": ("blocked network", "opens network connections"),
    "open('../../gradebook.db')": (
        "blocked file access",
        "reaches for a file outside its folder ('../../gradebook.db')",
    ),
    "for top, _, _ in os.walk('/'):\n    pass": (
        "blocked file access",
        "reaches for a file outside its folder ('/')",
    ),
    "open('/srv/course/submitted/ar1001/x.ipynb')": (
        "blocked file access",
        "reaches for a file outside its folder ('/srv/course/submitted/ar1001/x.ipynb')",
    ),
}


@pytest.mark.parametrize("code", list(SCANS))
def test_each_attempt_in_a_learners_code_is_named(code: str) -> None:
    assert tampering.scan_code([code]) == [SCANS[code]]


def test_one_finding_lists_what_it_found_and_how_many_more() -> None:
    paths = [f"'/etc/file{n}'" for n in range(8)]
    found = tampering.scan_code([f"for p in [{', '.join(paths)}]: open(p)"])
    assert found == [
        (
            "blocked file access",
            f"reaches for files outside its folder ({', '.join(paths[:5])} and 3 more)",
        )
    ]


def test_a_process_a_fork_child_ends_is_not_a_dead_kernel() -> None:
    code = "import os\nif os.fork() == 0:\n    os._exit(0)\n"
    assert tampering.scan_code([code]) == [("too many processes", "starts processes")]


def test_honest_code_gives_no_finding() -> None:
    honest = [
        "label = '/'.join(['reach', 'posts'])",
        "caption = f'{posts}/week on {platform}'",
        "share = engaged / reach",
        "with open('my_notes.txt', 'w') as notes:\n    notes.write('draft')",
        "rates.sort_values(ascending=False).head()",
        "def __repr__(self):\n    return 'Plan'",
        "x = 'not valid python' if False else (",  # a syntax error: skipped
    ]
    assert tampering.scan_code(honest) == []
    for path in sorted((REPO / "course" / "samples").glob("0*/*/*.ipynb")):
        try:
            nb = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            continue  # the corrupted sample
        code = [
            "".join(c["source"])
            for c in nb["cells"]
            if c["cell_type"] == "code" and not c["metadata"].get("nbgrader", {}).get("locked")
        ]
        assert tampering.scan_code(code) == [], path


ERRORS = [
    ("MemoryError", "", ("memory limit", "ran out of its 512 MB of memory (MemoryError)")),
    (
        "BlockingIOError",
        "[Errno 11] Resource temporarily unavailable",
        (
            "too many processes",
            "started more than 16 processes or threads (BlockingIOError: "
            "[Errno 11] Resource temporarily unavailable)",
        ),
    ),
    (
        "RuntimeError",
        "can't start new thread",
        (
            "too many processes",
            "started more than 16 processes or threads (RuntimeError: can't start new thread)",
        ),
    ),
    (
        "gaierror",
        "[Errno -3] Temporary failure in name resolution",
        (
            "blocked network",
            "tried to use the network, which is blocked ([Errno -3] Temporary "
            "failure in name resolution)",
        ),
    ),
    (
        "ConnectionRefusedError",
        "[Errno 111] Connection refused",
        (
            "blocked network",
            "tried to use the network, which is blocked ([Errno 111] Connection refused)",
        ),
    ),
    (
        "PermissionError",
        "[Errno 13] Permission denied: '/srv/course/gradebook.db'",
        (
            "blocked file access",
            "tried to reach a file outside its folder ([Errno 13] "
            "Permission denied: '/srv/course/gradebook.db')",
        ),
    ),
    (
        "FileNotFoundError",
        "[Errno 2] No such file or directory: '../../gradebook.db'",
        (
            "blocked file access",
            "tried to reach a file outside its folder ([Errno 2] No such "
            "file or directory: '../../gradebook.db')",
        ),
    ),
    (
        "SystemExit",
        "3",
        ("kernel died", "tried to stop its own Python (SystemExit: 3); only that cell stopped"),
    ),
]


@pytest.mark.parametrize(("ename", "evalue", "expected"), ERRORS, ids=[e[0] for e in ERRORS])
def test_each_error_a_sandbox_raises_is_named(
    ename: str, evalue: str, expected: tuple[str, str]
) -> None:
    assert tampering.classify_error(ename, evalue, Limits(memory_mb=512, processes=16)) == expected


@pytest.mark.parametrize(
    ("ename", "evalue"),
    [
        ("NameError", "name 'er_by_platform' is not defined"),
        ("ValueError", "bad"),
        ("FileNotFoundError", "[Errno 2] No such file or directory: 'data/posts.csv'"),
        ("AssertionError", "✗ Not yet (best_platform)."),
        ("NotImplementedError", ""),
    ],
)
def test_errors_of_honest_mistakes_are_not_named(ename: str, evalue: str) -> None:
    assert tampering.classify_error(ename, evalue) is None


# ------------------------------------------------------------------------------ bwrap


def _mounts(args: list[str]) -> list[tuple[str, str, str]]:
    """(option, source, destination) of every bind in a bubblewrap command line."""
    found = []
    for i, arg in enumerate(args):
        if arg in ("--bind", "--ro-bind", "--ro-bind-try", "--bind-try", "--dev-bind"):
            found.append((arg, args[i + 1], args[i + 2]))
    return found


@pytest.fixture
def box(tmp_path: Path) -> tuple[bwrap.Sandbox, Path, Path]:
    course = tmp_path / "course"
    (course / "submitted" / "ar1001" / A).mkdir(parents=True)
    (course / "gradebook.db").write_text("")
    source = tmp_path / "assignments" / A
    source.mkdir(parents=True)
    sandbox = bwrap.Sandbox(
        tmp_path / "sandbox",
        Limits(512, 16),
        True,
        env={"SMM_LEARNER_ID": "ar1001"},
        forbidden=(course, source),
    )
    work = sandbox.prepare(course / "submitted" / "ar1001" / A, A)
    return sandbox, work, course


CLEAN_ENV = {
    "PATH",
    "HOME",
    "LANG",
    "LC_ALL",
    "MPLCONFIGDIR",
    "MPLBACKEND",
    "TMPDIR",
    "OPENBLAS_NUM_THREADS",
    "OMP_NUM_THREADS",
    "MKL_NUM_THREADS",
    "PYDEVD_DISABLE_FILE_VALIDATION",
    "JUPYTER_PLATFORM_DIRS",
    "SMM_LEARNER_ID",
}


def test_a_symbolic_link_among_the_learners_files_copies_nothing_into_the_sandbox(
    tmp_path: Path,
) -> None:
    secret = tmp_path / "course" / "gradebook.db"
    secret.parent.mkdir()
    secret.write_text("every learner's grades")
    files = tmp_path / "submitted" / A
    files.mkdir(parents=True)
    (files / f"{A}.ipynb").write_text("{}")
    (files / "notes.db").symlink_to(secret)
    (files / "folder").symlink_to(secret.parent, target_is_directory=True)
    sandbox = bwrap.Sandbox(tmp_path / "sandbox", forbidden=(secret.parent,))
    work = sandbox.prepare(files, A)
    copied = [p for p in work.rglob("*") if p.is_file() and not p.is_symlink()]
    assert [p.name for p in copied] == [f"{A}.ipynb"]


def test_the_sandbox_has_no_network_no_other_processes_and_a_clean_environment(
    box, monkeypatch: pytest.MonkeyPatch
) -> None:
    sandbox, work, _ = box
    monkeypatch.setenv("SMM_GRADER_SECRET", "s3cr3t-token")
    args = sandbox.bwrap_arguments(work)
    for option in (
        "--unshare-net",
        "--unshare-pid",
        "--unshare-ipc",
        "--die-with-parent",
        "--new-session",
        "--clearenv",
    ):
        assert option in args, option
    setenv = {args[i + 1]: args[i + 2] for i, a in enumerate(args) if a == "--setenv"}
    assert set(setenv) == CLEAN_ENV
    assert setenv["SMM_LEARNER_ID"] == "ar1001" and setenv["HOME"] == bwrap.HOME
    assert "s3cr3t-token" not in " ".join(args)
    assert args[args.index("--chdir") + 1] == f"{bwrap.HOME}/{A}"


def test_only_the_learners_own_copy_is_writable_and_the_course_is_not_mounted(box) -> None:
    sandbox, work, course = box
    mounts = _mounts(sandbox.bwrap_arguments(work))
    writable = [(src, dest) for option, src, dest in mounts if option == "--bind"]
    assert writable == [(str(sandbox.home), bwrap.HOME), (str(sandbox.ipc), str(sandbox.ipc))]
    for _, src, dest in mounts:
        for place in (Path(src), Path(dest)):
            assert place != course and course not in place.parents, (src, dest)


def test_forbidden_folders_are_never_mounted_even_when_python_lives_there(box) -> None:
    import smm_helpers

    sandbox, work, _ = box
    package = Path(smm_helpers.__path__[0]).resolve()
    sources = {src for _, src, _ in _mounts(sandbox.bwrap_arguments(work))}
    assert str(package) in sources  # SMM Lab's own package is readable ...
    hidden = dataclasses.replace(sandbox, forbidden=(*sandbox.forbidden, package.parent))
    sources = {src for _, src, _ in _mounts(hidden.bwrap_arguments(work))}
    assert not any(
        Path(s) == package.parent or package.parent in Path(s).parents for s in sources
    )  # ... unless it lives in a forbidden folder


def test_as_root_the_kernel_runs_as_the_sandboxs_own_user_without_capabilities(
    box, monkeypatch: pytest.MonkeyPatch
) -> None:
    sandbox, work, _ = box
    monkeypatch.setattr(bwrap, "is_root", lambda: True)
    args = sandbox.wrap(["python", "-m", "ipykernel_launcher"], work)
    assert args[args.index("--cap-drop") + 1] == "ALL"
    launcher = args[args.index(launch.start_command()[2]) :]
    assert args[args.index(launch.start_command()[2]) - 1] == "-I"  # isolated, by file name
    uid = str(bwrap.sandbox_uid())
    assert launcher[launcher.index("--uid") + 1] == uid != "0"
    assert launcher[launcher.index("--memory-mb") + 1] == "512"
    assert launcher[launcher.index("--processes") + 1] == "16"
    assert args[-3:] == ["python", "-m", "ipykernel_launcher"]
    assert "--unshare-user" not in args


def test_not_as_root_a_user_namespace_is_made_and_limits_come_first(
    box, monkeypatch: pytest.MonkeyPatch
) -> None:
    sandbox, work, _ = box
    monkeypatch.setattr(bwrap, "is_root", lambda: False)
    args = sandbox.wrap(["python", "-m", "ipykernel_launcher"], work)
    assert args[1:3] == ["-I", launch.start_command()[2]]  # isolated, by its file name
    assert "--unshare-user" in args and "--uid" not in args
    assert args.index("--memory-mb") < args.index("--unshare-net")


def test_a_sandboxed_kernel_starts_without_the_debugger_and_imports_the_learners_files(
    tmp_path: Path,
) -> None:
    """The kernel program (ipykernel less debugpy) still puts the learner's folder on the
    path, as ``ipykernel_launcher`` does: a module they handed in can be imported."""
    import asyncio

    from smm_helpers.grading.sandbox.kernel import SandboxedKernelManager
    from tests.conftest import system_part_missing

    found = bwrap.support()
    if not found.available:
        system_part_missing(f"a sandboxed kernel needs bubblewrap: {found.why}")
    submitted = tmp_path / "submitted"
    submitted.mkdir()
    (submitted / "my_helpers.py").write_text("ANSWER = 42\n")
    sandbox = bwrap.Sandbox(
        tmp_path / "sandbox", Limits(1024, 32), True, env={"SMM_LEARNER_ID": "ar1001"}
    )
    work = sandbox.prepare(submitted, A)

    async def ask() -> str:
        manager = SandboxedKernelManager(sandbox=sandbox, work=work, kernel_name="python3")
        await manager.start_kernel(extra_arguments=["--HistoryManager.hist_file=:memory:"])
        client = manager.client()
        client.start_channels()
        try:
            await client.wait_for_ready(timeout=60)
            reply = await client.execute(
                "",
                reply=True,
                timeout=60,
                user_expressions={
                    "seen": (
                        "(__import__('my_helpers').ANSWER, 'debugpy' in __import__('sys').modules "
                        "and __import__('sys').modules['debugpy'] is None)"
                    )
                },
            )
            return reply["content"]["user_expressions"]["seen"]["data"]["text/plain"]
        finally:
            client.stop_channels()
            await manager.shutdown_kernel(now=True)
            sandbox.close()

    assert asyncio.run(ask()) == "(42, True)"
