"""Answers as plain data: how a learner's values leave the sandbox and reach the tests.

The tests never run inside a learner's kernel.  When a test needs ``er_by_platform``, the
grader asks the learner's kernel for it; :func:`export` (run *in the kernel*) turns the
value into JSON, and :func:`decode` (run *in the grader*) builds a fresh value from that
JSON.  Only data crosses, never a pickle, never code, and the grader reads it as hostile:
a submission can replace :func:`export` and send any JSON it likes.

**What an answer may be** (a closed allowlist; nothing in an answer names a type, a
module, a class or an attribute to set):

- ``None``, booleans, integers (up to 4,300 digits, Python's own limit), floats, complex
  numbers, text and bytes;
- lists, tuples, sets, frozensets, dicts, read-only dicts (``MappingProxyType``), ranges;
- dates, times, datetimes and timedeltas; decimals and fractions; time zones only by IANA
  name (``"Asia/Dhaka"``), ``"UTC"`` or a fixed offset (``"+06:00"``), never a file path;
- NumPy scalars and arrays, and pandas Series, DataFrames and indexes (plain, range and
  multi), of the dtypes in :data:`NUMPY_DTYPES` and :data:`PANDAS_DTYPES`: booleans,
  integers, floats, complex numbers, fixed-width text, objects (each item read by these
  same rules), pandas' nullable numbers, text and categories, datetimes (with an optional
  time zone) and timedeltas; pandas' ``Timestamp``, ``Timedelta``, ``NaT`` and ``NA``;
- SMM Lab's own value types, listed in :data:`VALUE_TYPES` by a short tag (``"GoalCheck"``,
  ``"SocialMediaPlan"``...): each is rebuilt through its public constructor from fields
  that are read by these same rules and checked against the table first.

Anything else (a module, a function, an object of a class the learner wrote) arrives as
a stand-in that explains itself when a test uses it.

**Budgets.**  Every value is charged, *before* it is built, with an upper bound of the
bytes it will take (an array's length × its item size, a range's length × 8, each text's
length, each item of a container...).  One answer may take :data:`ANSWER_BYTES` (64 MiB),
and all the answers of one notebook together :data:`NOTEBOOK_BYTES` (256 MiB): the
course's four data tables take under 2 MB once read, so an honest answer is far below
either, while several notebooks graded side by side stay well within one machine's memory.
Every item is charged too (at least 8 bytes, 64 for a number or a text), which bounds how
many items an answer may hold.  The JSON text itself is read only if (an upper bound of)
what Python's reader takes fits in what is left of the notebook's budget, and is at most
:data:`MAX_JSON_CHARS` characters (:func:`read_json`).  Nesting is bounded by
:data:`MAX_DEPTH`.  A 100-byte answer can never become a 500 MB object.

The grader makes one :class:`Budget` per notebook and passes it to every call::

    budget = answers.Budget()                       # NOTEBOOK_BYTES for the notebook
    values = answers.decode(text, budget=budget)    # each test's fetch, same budget
    result = answers._decode_named(name, data, budget=budget)  # a learner function's result

So a submission that changes Python in its kernel (``__eq__`` that always says yes, a
replaced ``AssertionError``, a patched ``expect_close``) changes nothing the tests see: a
value arrives as what it *is*, and a ``str`` subclass arrives as its text.  The worst a
submission can do is send some other value, which is no better than answering; a value
that cannot be read fails that answer only, never the grading run.

>>> import pandas as pd
>>> table = pd.DataFrame({"platform": ["x", "tiktok"], "reach": [10, 20]})
>>> back = decode(encode_names({"t": table, "n": 3, "s": "সংবাদ"}, ["t", "n", "s", "gone"]))
>>> back["t"].equals(table), back["n"], back["s"], back["gone"]
(True, 3, 'সংবাদ', Missing(name='gone'))
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import decimal
import enum
import fractions
import functools
import importlib
import inspect
import json
import math
import re
import types
import zoneinfo
from collections.abc import Mapping
from typing import Any, NamedTuple

MAX_JSON_CHARS = 64_000_000
"""The largest export accepted (64 million characters of JSON): a bigger answer is not read."""
MAX_DEPTH = 60
"""How deeply containers may nest in one answer."""
ANSWER_BYTES = 64 * 2**20
"""The most memory one answer may take once read (64 MiB)."""
NOTEBOOK_BYTES = 256 * 2**20
"""The most memory all the answers of one notebook may take together (256 MiB)."""
MAX_INT_DIGITS = 4_300
"""The most digits an integer may have (Python's own limit for reading one from text)."""
MAX_DIMENSIONS = 32
"""The most dimensions a NumPy array may have."""
MAX_TEXT_WIDTH = 1_000_000
"""The widest fixed-width NumPy text (``<U`` or ``S``) dtype read, in characters."""

NUMPY_DTYPES = frozenset({
    "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
    "float16", "float32", "float64", "complex64", "complex128", "object"})
"""NumPy dtypes an array may have, besides ``datetime64``/``timedelta64`` in
:data:`TIME_UNITS` and fixed-width text (``<U5``, ``|S5``)."""
PANDAS_DTYPES = frozenset({
    "Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "UInt64", "Float32",
    "Float64", "boolean", "string", "category"})
"""pandas dtypes a column or an index may have, besides the NumPy ones."""
TIME_UNITS = ("Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns")
"""Units of NumPy's ``datetime64``/``timedelta64``; pandas columns use s, ms, us or ns."""


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


FIELD_KINDS = ("any", "text", "int", "number", "bool", "date", "timestamp", "table",
               "column", "list", "mapping", "range", "timezone", "none")
"""The kinds of value a field of :data:`VALUE_TYPES` may be declared to take."""

VALUE_TYPES: Mapping[str, ValueType] = types.MappingProxyType({
    # planning
    "GoalCheck": ValueType("smm_helpers.planning.goals:GoalCheck",
                           {"goal": "text", "criteria": "mapping"}),
    "Criterion": ValueType("smm_helpers.planning.goals:Criterion", {
        "name": "text", "passed": "bool", "evidence": "list", "why": "text",
        "suggestion": "text"}),
    "Target": ValueType("smm_helpers.planning.plan:Target", {
        "metric": "text", "target": "number", "platform": "text", "direction": "text|none"}),
    "TargetResult": ValueType("smm_helpers.planning.plan:TargetResult",
                              {"target": "Target", "actual": "number|none"}),
    "SocialMediaPlan": ValueType("smm_helpers.planning.plan:SocialMediaPlan", {
        "goals": "list", "audience": "text", "platforms": "list", "pillars": "mapping",
        "budget": "number|none", "measurement": "text", "client": "text|none",
        "name": "text"}),
    "PlanReview": ValueType("smm_helpers.planning.plan:PlanReview", {
        "plan": "SocialMediaPlan", "start": "date", "end": "date", "results": "list",
        "pillar_mix": "table", "corrections": "list"}),
    "PolicyAnswers": ValueType("smm_helpers.planning.policy:PolicyAnswers", {
        "organisation": "text", "purpose": "text", "work_hours_use": "text",
        "not_allowed": "list", "spokespeople": "list", "responders": "list",
        "response_time_hours": "number", "tools": "list", "account_access": "text",
        "escalation_contacts": "list", "crisis_contact": "text", "photo_consent": "text",
        "review_date": "date|text"}),
    "PolicyLint": ValueType("smm_helpers.planning.policy:PolicyLint", {
        "missing": "list", "found": "mapping|none", "warnings": "list", "words": "int"}),
    "ContentCalendar": ValueType("smm_helpers.planning.calendar:ContentCalendar", {
        "events": "table", "first_day": "date", "weeks": "int", "timezone": "timezone",
        "platforms": "list", "notes": "list"}),
    "SproutGuidance": ValueType("smm_helpers.planning.calendar:SproutGuidance", {
        "best_days": "list", "hours": "range", "worst_day": "int|none", "source": "text"}),
    # content
    "PostCheck": ValueType("smm_helpers.content.check:PostCheck", {
        "text": "text", "platform": "text", "field": "text", "premium": "bool",
        "length": "int", "limit": "int", "unit": "text", "visible_characters": "int",
        "hashtags": "list", "mentions": "list", "links": "list", "emoji": "list",
        "fold_at": "int|none", "above_fold": "text", "problems": "list",
        "explanation": "text", "fold_note": "text", "source": "text"}),
    "XCount": ValueType("smm_helpers.content.length:XCount", {
        "weighted_length": "int", "valid": "bool", "permillage": "int",
        "display_range_start": "int", "display_range_end": "int",
        "valid_range_start": "int", "valid_range_end": "int", "max_length": "int"}),
    "Limit": ValueType("smm_helpers.content.limits:Limit", {
        "platform": "text", "field": "text", "limit": "int", "unit": "text",
        "source": "text", "note": "text", "uncertain": "bool"}),
    "Fold": ValueType("smm_helpers.content.limits:Fold", {
        "platform": "text", "at": "int", "where": "text", "label": "text", "source": "text",
        "unit": "text", "uncertain": "bool"}),
    "FormatFit": ValueType("smm_helpers.content.mix:FormatFit", {
        "platform": "text", "format": "text", "fit": "text", "reason": "text",
        "source": "text"}),
    "ContentMix": ValueType("smm_helpers.content.mix:ContentMix", {
        "posts": "int", "by_pillar": "column", "by_format": "column",
        "promotional_share": "number", "promotional_posts": "table", "suggestions": "list",
        "rule_of_thumb": "text"}),
    "Counter": ValueType("smm_helpers.widgets.post_composer:Counter", {
        "platform": "text", "field": "text", "length": "int", "limit": "int",
        "unit": "text", "ok": "bool", "visible": "int", "hashtags": "int",
        "fold_at": "int|none", "cut_by_fold": "bool", "problems": "list"}),
    # community
    "Triage": ValueType("smm_helpers.community:Triage", {
        "text": "text", "language": "text", "category": "text", "confidence": "number",
        "scores": "mapping", "reasons": "list", "urgency": "int",
        "urgency_reasons": "list"}),
    "ClassifierReport": ValueType("smm_helpers.community:ClassifierReport", {
        "n": "int", "accuracy": "number", "per_class": "table", "confusion": "table",
        "mistakes": "table"}),
    "ResponseReport": ValueType("smm_helpers.community:ResponseReport", {
        "sla_hours": "number", "now": "timestamp", "business_hours": "list|none",
        "table": "table", "breaches": "table"}),
    # metrics and reports
    "ABTestResult": ValueType("smm_helpers.metrics.abtest:ABTestResult", {
        "successes_a": "int", "trials_a": "int", "successes_b": "int", "trials_b": "int",
        "confidence": "number", "rate_a": "number", "rate_b": "number",
        "difference": "number", "z": "number", "p_value": "number", "ci_low": "number",
        "ci_high": "number", "significant": "bool", "label": "text"}),
    "BestTimes": ValueType("smm_helpers.metrics.best_time:BestTimes", {
        "metric": "text", "statistic": "text", "min_posts": "int", "all_values": "table",
        "counts": "table"}),
    "Kpi": ValueType("smm_helpers.report.kpis:Kpi",
                     {"key": "text", "current": "number|none", "previous": "number|none"}),
    "KpiDefinition": ValueType("smm_helpers.report.kpis:KpiDefinition", {
        "key": "text", "label": "text", "kind": "text", "better": "text|none"}),
    "Period": ValueType("smm_helpers.report.period:Period",
                        {"start": "timestamp", "end": "timestamp"}),
    # budget and ethics
    "Allocation": ValueType("smm_helpers.budget:Allocation", {
        "total": "number", "currency": "text", "spend": "mapping", "results": "mapping",
        "marginal_cost": "mapping", "cost_per_result": "mapping", "saturation": "mapping",
        "minimum": "mapping", "names": "mapping"}),
    "Comparison": ValueType("smm_helpers.budget:Comparison", {
        "results": "number", "currency": "text", "organic_hours": "number",
        "hourly_rate": "number", "paid_cost": "number"}),
    "Quote": ValueType("smm_helpers.budget:Quote", {
        "hours_per_week": "number", "weeks": "number", "level": "text", "currency": "text",
        "rate_low": "number", "rate_high": "number", "rate_expected": "number",
        "notes": "list"}),
    "DisclosureCheck": ValueType("smm_helpers.ethics:DisclosureCheck", {
        "ok": "bool", "labels": "list", "problems": "list", "suggestions": "list",
        "notes": "list", "sources": "list"}),
    "Signal": ValueType("smm_helpers.ethics:Signal", {
        "kind": "text", "evidence": "text", "reason": "text", "source": "text"}),
    "Claim": ValueType("smm_helpers.ethics:Claim",
                       {"sentence": "text", "evidence": "text", "kind": "text"}),
    "FakeEngagementReport": ValueType("smm_helpers.ethics:FakeEngagementReport", {
        "follower_spikes": "table", "like_spikes": "table", "templated_comments": "table",
        "comment_bursts": "table", "notes": "list"}),
    "FakeEngagementEvaluation": ValueType("smm_helpers.ethics:FakeEngagementEvaluation",
                                          {"table": "table", "per_seed": "table"}),
    # platforms
    "Recommendation": ValueType("smm_helpers.platforms:Recommendation", {
        "org": "OrgProfile", "weights": "mapping", "scores": "list", "ranking": "list",
        "focus": "list", "names": "mapping", "minimum_hours": "mapping"}),
    "OrgProfile": ValueType("smm_helpers.platforms:OrgProfile", {
        "kind": "text", "goals": "list", "ages": "list", "location": "text",
        "formats": "list", "monthly_budget": "number", "hours_per_week": "number"}),
    "FactorScore": ValueType("smm_helpers.platforms:FactorScore", {
        "platform": "text", "factor": "text", "score": "number", "weight": "number",
        "reason": "text"}),
    "PlatformProfile": ValueType("smm_helpers.platforms:PlatformProfile", {
        "id": "text", "name": "text", "formats": "list", "audience": "Audience",
        "effort": "Figure", "aliases": "list", "also_works": "list", "goal_fit": "mapping",
        "engagement": "Figure|none", "cpm_usd": "Figure|none", "cpc_usd": "Figure|none",
        "cpm_bdt": "Figure|none", "cpc_bdt": "Figure|none", "text_limits": "mapping",
        "posting": "Figure|none", "posting_advice": "text"}),
    "Figure": ValueType("smm_helpers.platforms:Figure", {
        "value": "number", "unit": "text", "source": "text", "status": "text",
        "low": "number|none", "high": "number|none", "note": "text"}),
    "Audience": ValueType("smm_helpers.platforms:Audience", {
        "ages": "list", "kind": "text", "reach": "mapping", "source": "text",
        "status": "text"}),
    # the course's data and self-checks
    "CourseData": ValueType("smm_helpers.datasets.tables:CourseData", {
        "posts": "table", "followers": "table", "inbox": "table", "campaigns": "table"}),
    "ClientProfile": ValueType("smm_helpers.datasets.clients:ClientProfile", {
        "key": "text", "name": "text", "name_bn": "text", "about": "text",
        "pillars": "list", "pillar_weights": "list", "posts_per_week": "mapping",
        "followers": "mapping", "monthly_growth": "mapping", "bengali_share": "number"}),
    "Column": ValueType("smm_helpers.schema:Column", {
        "name": "text", "kind": "text", "description": "text", "choices": "list|none",
        "required": "bool"}),
    "Verdict": ValueType("smm_helpers.checks.core:Verdict", {
        "lesson": "text", "question": "text", "correct": "bool", "message": "text",
        "hint": "text", "missing": "list"}),
})
"""SMM Lab's value types that answers may carry, by tag (the tag is what crosses).

These are the values SMM Lab's functions give a learner (``check_goal`` a ``GoalCheck``,
``recommend_platforms`` a ``Recommendation``, ``build_calendar`` a ``ContentCalendar``...).
Grading, course and site objects are not answers and are not listed.
"""


class AnswerError(Exception):
    """A value could not be turned into plain data, or plain data back into a value."""


@dataclasses.dataclass(frozen=True)
class Missing:
    """A name the learner's notebook does not define."""

    name: str


@dataclasses.dataclass(frozen=True)
class FunctionAnswer:
    """A function the learner wrote: it stays in the sandbox, and the runner calls it there."""

    name: str


class Unreadable:
    """Stands in for an answer the grader cannot check (a module, an object of a class the
    learner wrote, a value too big).  Using it in a test fails with an explanation.

    >>> u = Unreadable("plan", "a 'Plan' object (a class written in the notebook)")
    >>> u == 1
    Traceback (most recent call last):
    ...
    smm_helpers.grading.sandbox.answers.AnswerError: plan is a 'Plan' object (a class written in the notebook), which the grader cannot check: give a plain value (a number, text, list, dict, DataFrame or an SMM Lab object)
    """  # noqa: E501

    def __init__(self, name: str, what: str) -> None:
        object.__setattr__(self, "_name", name)
        object.__setattr__(self, "_what", what)

    def _fail(self, *_: Any, **__: Any) -> Any:
        raise AnswerError(f"{self._name} is {self._what}, which the grader cannot check: give "
                          "a plain value (a number, text, list, dict, DataFrame or an SMM Lab "
                          "object)")

    __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = _fail
    __bool__ = __len__ = __iter__ = __contains__ = __getitem__ = __call__ = _fail
    __add__ = __sub__ = __mul__ = __truediv__ = __float__ = __int__ = __index__ = _fail
    __hash__ = None  # type: ignore[assignment]

    def __getattr__(self, attribute: str) -> Any:
        return self._fail()

    def __repr__(self) -> str:
        return f"<unreadable answer {self._name}: {self._what}>"


class Budget:
    """The bytes that answers may still take once read: each value is charged before it is
    built, and a charge past the limit fails that answer.

    The grader makes one for a notebook and passes it to every :func:`decode` of that
    notebook; each answer also has its own limit (:data:`ANSWER_BYTES`), and only answers
    that were read count against the notebook.

    >>> notebook = Budget(1_000)
    >>> answer = notebook.for_answer()
    >>> answer.charge(600, "a list")
    >>> answer.charge(600, "a table")
    Traceback (most recent call last):
    ...
    smm_helpers.grading.sandbox.answers.AnswerError: a table would take the answers of this notebook past 1,000 bytes together
    >>> answer.commit(); notebook.used
    600
    """  # noqa: E501

    def __init__(self, limit: int | None = None, *, parent: Budget | None = None) -> None:
        self.limit = NOTEBOOK_BYTES if limit is None else limit
        self.used = 0
        self.parent = parent

    def for_answer(self, limit: int | None = None) -> Budget:
        """A budget for one answer (:data:`ANSWER_BYTES`), within what is left of this one."""
        return Budget(ANSWER_BYTES if limit is None else limit, parent=self)

    def charge(self, nbytes: int, what: str) -> None:
        """Count ``nbytes`` more (``what`` is what they are for, to explain a refusal)."""
        used = self.used + max(0, nbytes)
        if used > self.limit:
            words = "one answer may take" if self.parent is not None else \
                "the answers of this notebook may take together"
            raise AnswerError(f"{what} would take more than {_size(self.limit)} once read, "
                              f"the most {words}")
        if self.parent is not None and self.parent.used + used > self.parent.limit:
            raise AnswerError(f"{what} would take the answers of this notebook past "
                              f"{_size(self.parent.limit)} together")
        self.used = used

    def commit(self) -> None:
        """Count what this answer took against the notebook (once it was read)."""
        if self.parent is not None:
            self.parent.used += self.used
            self.used = 0


def _size(nbytes: int) -> str:
    """``64 MiB``, ``1,000 bytes``: a byte count for people."""
    return f"{nbytes // 2**20} MiB" if nbytes % 2**20 == 0 else f"{nbytes:,} bytes"


# What values take in memory, as upper bounds (CPython 3.11, 64-bit), charged before they
# are built.
_SLOT = 8            # a pointer in a list, tuple or object array
_OBJECT = 64         # a small Python object (an int, a float, a date...) with its slot
_ENTRY = 96          # an item of a dict or a set (its hash, key and value slots)
_CONTAINER = 128     # an empty list, dict, NumPy array...
_PANDAS = 16_384     # a pandas Series, Index, DataFrame or Categorical, empty


# --------------------------------------------------------------------------- encoding
# Runs in the learner's kernel: plain, defensive code with exact type checks.

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


def _encode_registered(value: Any, kind: type, depth: int) -> dict[str, Any] | None:
    tag = _tag_of(kind)
    if tag is None:
        return None
    spec = VALUE_TYPES[tag]
    if spec.build == "member":
        return {"t": "smm", "type": tag, "member": str(value.name)}
    return {"t": "smm", "type": tag,
            "fields": {name: _encode(getattr(value, name), depth + 1) for name in spec.fields}}


def _array(values: Any, depth: int) -> dict[str, Any]:
    """One column (or index level) of a pandas object, or a flat NumPy array, by its dtype."""
    import numpy as np
    import pandas as pd

    if type(values) is pd.arrays.NumpyExtensionArray:  # not its subclass StringArray
        values = values.to_numpy()
    elif not isinstance(values, np.ndarray | pd.api.extensions.ExtensionArray):
        values = pd.array(values)
    dtype = values.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        return {"dtype": "category", "ordered": bool(dtype.ordered),
                "categories": _array(dtype.categories, depth + 1),
                "codes": [int(c) for c in values.codes]}
    if isinstance(dtype, pd.DatetimeTZDtype):
        return {"dtype": f"datetime64[{dtype.unit}]", "tz": _tz_name(dtype.tz),
                "v": _times(values.asi8)}
    if dtype.kind in "mM":
        as_int = values.view("i8") if isinstance(values, np.ndarray) else values.asi8
        return {"dtype": str(np.dtype(dtype)), "v": _times(as_int)}
    if isinstance(values, np.ndarray) and dtype.kind in "biuf":
        return {"dtype": str(dtype), "v": [_float_or_int(v) for v in values.tolist()]}
    if isinstance(values, np.ndarray) and dtype.kind == "c":
        return {"dtype": str(dtype), "v": [[_float_or_int(v.real), _float_or_int(v.imag)]
                                           for v in values.tolist()]}
    if str(dtype) in _NULLABLE:
        return {"dtype": str(dtype),
                "v": [None if v is pd.NA else _float_or_int(v) for v in values.tolist()]}
    if isinstance(dtype, pd.StringDtype):
        return {"dtype": "string", "na": "nan" if dtype.na_value is not pd.NA else "NA",
                "storage": dtype.storage,
                "v": [None if pd.isna(v) else str.__str__(v) for v in values.tolist()]}
    if isinstance(values, np.ndarray) and dtype.kind == "U":
        return {"dtype": str(dtype), "v": values.tolist()}
    if isinstance(values, np.ndarray) and dtype.kind == "S":
        return {"dtype": str(dtype), "v": [v.decode("latin-1") for v in values.tolist()]}
    return {"dtype": "object", "v": [_encode(v, depth + 1) for v in np.asarray(values,
                                                                              dtype=object)]}


def _times(as_int: Any) -> list[int | None]:
    """Datetimes or timedeltas as integers in their unit (``None`` for NaT)."""
    nat = -(2**63)
    return [None if v == nat else int(v) for v in as_int.tolist()]


def _float_or_int(value: Any) -> Any:
    if type(value) is float and not math.isfinite(value):
        return {"float": repr(value)}
    return value


def _tz_name(tz: Any) -> str:
    """A time zone by IANA name (``Asia/Dhaka``), ``UTC`` or fixed offset (``+06:00``)."""
    if isinstance(tz, zoneinfo.ZoneInfo):
        return str(tz.key)
    if isinstance(tz, dt.timezone):
        offset = tz.utcoffset(None)
        if not offset:
            return "UTC"
        sign = "-" if offset < dt.timedelta(0) else "+"
        hours, rest = divmod(abs(offset), dt.timedelta(hours=1))
        minutes, rest = divmod(rest, dt.timedelta(minutes=1))
        seconds = rest.seconds
        return f"{sign}{hours:02d}:{minutes:02d}" + (f":{seconds:02d}" if seconds else "")
    return str(getattr(tz, "zone", None) or tz)  # pytz keeps its name in .zone


def _index(index: Any, depth: int) -> dict[str, Any]:
    import pandas as pd

    if type(index) is pd.RangeIndex:
        return {"kind": "range", "start": index.start, "stop": index.stop,
                "step": index.step, "name": _encode(index.name, depth + 1)}
    if isinstance(index, pd.MultiIndex):
        return {"kind": "multi", "names": [_encode(n, depth + 1) for n in index.names],
                "levels": [_array(index.get_level_values(i), depth + 1)
                           for i in range(index.nlevels)]}
    return {"kind": "plain", "name": _encode(index.name, depth + 1),
            "values": _array(index.array, depth + 1)}


def _encode(value: Any, depth: int = 0) -> Any:
    if depth > MAX_DEPTH:
        raise AnswerError(f"it nests containers more than {MAX_DEPTH} deep")
    kind = type(value)
    if value is None:
        return {"t": "none"}
    if kind is bool:
        return {"t": "bool", "v": bool(value)}
    registered = _encode_registered(value, kind, depth)
    if registered is not None:
        return registered
    module = kind.__module__.split(".")[0]
    if module in ("numpy", "pandas"):
        encoded = _encode_library(value, kind, depth)
        if encoded is not None:
            return encoded
    if issubclass(kind, int) and not issubclass(kind, enum.Enum):
        return {"t": "int", "v": str(int.__int__(value))}
    if issubclass(kind, float):
        return {"t": "float", "v": float.__repr__(float.__float__(value))}
    if issubclass(kind, complex):
        return {"t": "complex", "v": [value.real, value.imag]}
    if issubclass(kind, str):
        return {"t": "str", "v": str.__str__(value)}
    if issubclass(kind, bytes | bytearray):
        return {"t": "bytes", "v": base64.b64encode(bytes(value)).decode("ascii")}
    if kind is range:
        return {"t": "range", "v": [value.start, value.stop, value.step]}
    if issubclass(kind, list | tuple | set | frozenset):
        base = next(b for b in (list, tuple, set, frozenset) if issubclass(kind, b))
        items = list(base.__iter__(value))
        if base in (set, frozenset):
            items = sorted(items, key=repr)
        return {"t": base.__name__, "v": [_encode(v, depth + 1) for v in items]}
    if issubclass(kind, dict):
        return {"t": "dict", "v": [[_encode(k, depth + 1), _encode(v, depth + 1)]
                                   for k, v in dict.items(value)]}
    if kind is types.MappingProxyType:
        return {"t": "mappingproxy", "v": _encode(dict(value), depth + 1)}
    if module in ("datetime", "decimal", "fractions"):
        encoded = _encode_library(value, kind, depth)
        if encoded is not None:
            return encoded
    if callable(value) and kind.__name__ in ("function", "method", "builtin_function_or_method"):
        return {"t": "function", "name": getattr(value, "__qualname__", "?")}
    if kind.__name__ == "module":
        return {"t": "module", "name": value.__name__}
    where = "a class written in the notebook" if kind.__module__ == "__main__" else kind.__module__
    return {"t": "opaque", "type": kind.__qualname__, "where": where}


def _encode_library(value: Any, kind: type, depth: int) -> Any:
    """Dates, decimals and the NumPy and pandas values a lesson uses; ``None`` if unknown."""
    import numpy as np
    import pandas as pd

    if value is pd.NaT:
        return {"t": "timestamp", "v": None}
    if isinstance(value, pd.Timestamp):
        return {"t": "timestamp", "v": int(value.to_datetime64().view("i8")),
                "unit": value.unit, "tz": _tz_name(value.tz) if value.tz else None}
    if isinstance(value, pd.Timedelta):
        return {"t": "timedelta64", "v": int(value.to_timedelta64().view("i8")),
                "unit": value.unit}
    if kind is dt.datetime:
        zone = value.tzinfo
        return {"t": "datetime", "v": value.isoformat(),
                "zone": zone.key if isinstance(zone, zoneinfo.ZoneInfo) else None}
    if kind is dt.date:
        return {"t": "date", "v": value.isoformat()}
    if kind is dt.time:
        return {"t": "time", "v": value.isoformat()}
    if kind is dt.timedelta:
        return {"t": "timedelta", "v": [value.days, value.seconds, value.microseconds]}
    if kind is decimal.Decimal:
        return {"t": "decimal", "v": str(value)}
    if kind is fractions.Fraction:
        return {"t": "fraction", "v": [str(value.numerator), str(value.denominator)]}
    if isinstance(value, np.generic):
        if isinstance(value, np.datetime64 | np.timedelta64):
            return {"t": "np", "dtype": str(value.dtype), "v": int(value.view("i8"))}
        return {"t": "np", "dtype": str(value.dtype), "v": _encode(value.item(), depth + 1)}
    if isinstance(value, np.ndarray):
        if value.dtype.kind not in "biufcUSMmO":
            return None
        return {"t": "ndarray", "shape": list(value.shape),
                "values": _array(value.reshape(-1), depth + 1)}
    if isinstance(value, pd.DataFrame):
        return {"t": "frame", "index": _index(value.index, depth + 1),
                "columns": _index(value.columns, depth + 1),
                "data": [_array(value.iloc[:, i].array, depth + 1)
                         for i in range(value.shape[1])]}
    if isinstance(value, pd.Series):
        return {"t": "series", "name": _encode(value.name, depth + 1),
                "index": _index(value.index, depth + 1), "values": _array(value.array,
                                                                          depth + 1)}
    if isinstance(value, pd.Index):
        return {"t": "pdindex", "index": _index(value, depth + 1)}
    if value is pd.NA:
        return {"t": "na"}
    return None


def encode_names(namespace: Mapping[str, Any], names: list[str]) -> str:
    """The named values of ``namespace`` as one JSON text (what the grader reads).

    A name that is not defined is reported missing; a value that cannot become plain data
    is reported with the reason, so one odd answer never hides the others.

    >>> encode_names({"n": 3}, ["n", "gone"])
    '{"n": {"t": "int", "v": "3"}, "gone": {"t": "missing"}}'
    """
    out: dict[str, Any] = {}
    for name in names:
        if not isinstance(name, str):
            continue
        if name not in namespace:
            out[name] = {"t": "missing"}
            continue
        try:
            out[name] = _encode(namespace[name])
            json.dumps(out[name], allow_nan=True)
        except Exception as error:
            out[name] = {"t": "error", "why": f"{type(error).__name__}: {error}"[:300]}
    text = json.dumps(out, ensure_ascii=False, allow_nan=True)
    if len(text) > MAX_JSON_CHARS:
        return json.dumps({name: {"t": "error", "why": "the answers are too big to check "
                                  f"(over {MAX_JSON_CHARS:,} characters)"} for name in out})
    return text


def export(namespace: Mapping[str, Any], names: list[str]) -> str:
    """What the grader evaluates in a learner's kernel to read ``names`` (see the module)."""
    return encode_names(namespace, names)


def call(namespace: Mapping[str, Any], name: str, arguments: str) -> str:
    """Call the learner's function ``name`` with plain-data arguments; the result as JSON.

    Runs in the learner's kernel when a test calls a function the learner wrote.
    """
    try:
        args, kwargs = decode_value(json.loads(arguments))
        result = namespace[name](*args, **kwargs)
        return json.dumps({"ok": _encode(result)}, ensure_ascii=False)
    except BaseException as error:
        return json.dumps({"raised": type(error).__name__, "why": str(error)[:2000]},
                          ensure_ascii=False)


# --------------------------------------------------------------------------- decoding
# Runs in the grader: everything read is untrusted; only data is built, and every size is
# checked and charged to the budget before anything is allocated.

def _clip(text: Any, most: int = 80) -> str:
    """Learner-given text, shortened to quote in a message.

    >>> _clip("x" * 100, 10)
    'xxxxxxxxxx…'
    """
    text = text if isinstance(text, str) else repr(type(text).__name__)
    return text if len(text) <= most else text[:most] + "…"


def _field(data: dict[str, Any], key: str, kind: type, what: str) -> Any:
    """``data[key]``, checked to be exactly of type ``kind`` (``what`` names it in errors).

    >>> _field({"v": True}, "v", int, "count")
    Traceback (most recent call last):
    ...
    smm_helpers.grading.sandbox.answers.AnswerError: its count is missing or malformed
    """
    value = data.get(key)
    if type(value) is not kind:
        raise AnswerError(f"its {what} is missing or malformed")
    return value


def _text(data: dict[str, Any], key: str, what: str, budget: Budget, most: int = 64) -> str:
    """A short text field (a date, a number written out), at most ``most`` characters."""
    value = _field(data, key, str, what)
    if len(value) > most:
        raise AnswerError(f"its {what} is longer than {most} characters")
    budget.charge(_OBJECT + len(value) * 4, what)
    return value


def _whole(value: Any, what: str, low: int = -(2**63), high: int = 2**63 - 1) -> int:
    """An integer from JSON, within ``low``..``high`` (64-bit by default)."""
    if type(value) is not int or not low <= value <= high:
        raise AnswerError(f"its {what} is not a whole number from {low:,} to {high:,}")
    return value


_DIGITS = re.compile(rf"-?[0-9]{{1,{MAX_INT_DIGITS}}}")


def _int_text(value: Any, what: str) -> int:
    """An integer written out in decimal, at most :data:`MAX_INT_DIGITS` digits.

    >>> _int_text("-42", "number")
    -42
    >>> _int_text("9" * 5000, "number")
    Traceback (most recent call last):
    ...
    smm_helpers.grading.sandbox.answers.AnswerError: its number is not a whole number of at most 4,300 digits
    """  # noqa: E501
    if isinstance(value, int) and not isinstance(value, bool) and \
            abs(value) < 10**MAX_INT_DIGITS:
        return value
    if not isinstance(value, str) or not _DIGITS.fullmatch(value):
        raise AnswerError(f"its {what} is not a whole number of at most "
                          f"{MAX_INT_DIGITS:,} digits")
    return int(value)


_ZONE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_+\-]{0,30}(/[A-Za-z0-9_+\-]{1,30}){0,3}")
_OFFSET = re.compile(r"(?:UTC)?([+-])([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?")


@functools.cache
def _zone_names() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def time_zone(name: Any) -> dt.tzinfo:
    """A time zone from its IANA name, ``"UTC"`` or a fixed offset; never from a file path.

    >>> time_zone("Asia/Dhaka"), time_zone("+06:00"), time_zone("UTC")
    (zoneinfo.ZoneInfo(key='Asia/Dhaka'), datetime.timezone(datetime.timedelta(seconds=21600)), datetime.timezone.utc)
    >>> time_zone("/etc/passwd")
    Traceback (most recent call last):
    ...
    smm_helpers.grading.sandbox.answers.AnswerError: '/etc/passwd' is not a time zone: give an IANA name such as 'Asia/Dhaka', 'UTC' or an offset such as '+06:00'
    """  # noqa: E501
    if isinstance(name, str) and name == "UTC":
        return dt.UTC
    offset = _OFFSET.fullmatch(name) if isinstance(name, str) else None
    if offset is not None:
        sign, hours, minutes, seconds = offset.groups()
        delta = dt.timedelta(hours=int(hours), minutes=int(minutes), seconds=int(seconds or 0))
        if delta >= dt.timedelta(hours=24) or int(minutes) > 59 or int(seconds or 0) > 59:
            raise AnswerError(f"{name!r} is not a time zone offset (at most ±23:59)")
        return dt.timezone(-delta if sign == "-" else delta)
    if not isinstance(name, str) or not _ZONE_NAME.fullmatch(name) or \
            name not in _zone_names():
        raise AnswerError(f"{_clip(name)!r} is not a time zone: give an IANA name such as "
                          "'Asia/Dhaka', 'UTC' or an offset such as '+06:00'")
    return zoneinfo.ZoneInfo(name)


def _float(value: Any, what: str) -> float:
    """A float from JSON: a number, or ``{"float": "nan"}`` (or ``inf``, ``-inf``)."""
    if isinstance(value, dict) and len(value) == 1 and \
            value.get("float") in ("nan", "inf", "-inf"):
        return float(value["float"])
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    raise AnswerError(f"its {what} is not a number")


# ------------------------------------------------------------------ scalars and containers

def decode_value(data: Any, depth: int = 0, *, budget: Budget | None = None) -> Any:
    """Build a value from its plain-data form (see :func:`decode`); only the allowlist.

    Without ``budget``, the value may take :data:`ANSWER_BYTES`.

    >>> decode_value({"t": "list", "v": [{"t": "int", "v": "1"}, {"t": "str", "v": "a"}]})
    [1, 'a']
    >>> decode_value({"t": "dataclass", "cls": "os:system", "fields": {}})
    Traceback (most recent call last):
    ...
    smm_helpers.grading.sandbox.answers.AnswerError: os:system is not an SMM Lab class the grader rebuilds: answers name SMM Lab's types by tag, never by class
    """  # noqa: E501
    budget = budget if budget is not None else Budget().for_answer()
    if depth > MAX_DEPTH + 10:
        raise AnswerError(f"it nests containers more than {MAX_DEPTH} deep")
    if not isinstance(data, dict) or not isinstance(data.get("t"), str):
        raise AnswerError("it is not in the answers format")
    tag = data["t"]
    read = _SCALARS.get(tag)
    if read is not None:
        return read(data, budget)
    if tag in _CONTAINERS:
        return _decode_container(tag, data, depth, budget)
    if tag == "smm":
        return _decode_registered(data, depth, budget)
    if tag in ("dataclass", "enum", "namedtuple", "object"):
        raise AnswerError(f"{_clip(data.get('cls'))} is not an SMM Lab class the grader "
                          "rebuilds: answers name SMM Lab's types by tag, never by class")
    if tag in _LIBRARY:
        return _LIBRARY[tag](data, depth, budget)
    raise AnswerError(f"it has an unknown kind {_clip(tag)!r}")


def _decode_none(data: dict[str, Any], budget: Budget) -> None:
    budget.charge(_SLOT, "None")


def _decode_bool(data: dict[str, Any], budget: Budget) -> bool:
    budget.charge(_SLOT, "a boolean")
    return bool(_field(data, "v", bool, "value"))


def _decode_int(data: dict[str, Any], budget: Budget) -> int:
    text = data.get("v")
    budget.charge(_OBJECT + (len(text) if isinstance(text, str) else 0), "a number")
    return _int_text(text, "number")


def _decode_float(data: dict[str, Any], budget: Budget) -> float:
    return float(_text(data, "v", "number", budget))


def _decode_complex(data: dict[str, Any], budget: Budget) -> complex:
    pair = _field(data, "v", list, "complex number")
    if len(pair) != 2:
        raise AnswerError("its complex number is not a pair of numbers")
    budget.charge(_OBJECT, "a complex number")
    return complex(_float(pair[0], "real part"), _float(pair[1], "imaginary part"))


def _decode_str(data: dict[str, Any], budget: Budget) -> str:
    text = _field(data, "v", str, "text")
    budget.charge(_OBJECT + len(text) * (1 if text.isascii() else 4), "a text")
    return text


def _decode_bytes(data: dict[str, Any], budget: Budget) -> bytes:
    text = _field(data, "v", str, "bytes")
    budget.charge(_OBJECT + len(text), "bytes")
    return base64.b64decode(text, validate=True)


def _decode_na(data: dict[str, Any], budget: Budget) -> Any:
    import pandas as pd

    budget.charge(_SLOT, "a missing value")
    return pd.NA


def _decode_date(data: dict[str, Any], budget: Budget) -> dt.date:
    return dt.date.fromisoformat(_text(data, "v", "date", budget))


def _decode_time(data: dict[str, Any], budget: Budget) -> dt.time:
    return dt.time.fromisoformat(_text(data, "v", "time", budget))


def _decode_datetime(data: dict[str, Any], budget: Budget) -> dt.datetime:
    moment = dt.datetime.fromisoformat(_text(data, "v", "datetime", budget))
    zone = data.get("zone")
    if zone is None:
        return moment
    if moment.tzinfo is None:
        raise AnswerError("its datetime names a time zone but has no offset")
    return moment.astimezone(time_zone(zone))


def _decode_timedelta(data: dict[str, Any], budget: Budget) -> dt.timedelta:
    parts = _field(data, "v", list, "timedelta")
    if len(parts) != 3:
        raise AnswerError("its timedelta is not [days, seconds, microseconds]")
    days, seconds, micro = (_whole(v, "timedelta", -(10**9), 10**9) for v in parts)
    budget.charge(_OBJECT, "a timedelta")
    return dt.timedelta(days=days, seconds=seconds, microseconds=micro)


def _decode_decimal(data: dict[str, Any], budget: Budget) -> decimal.Decimal:
    text = _text(data, "v", "decimal", budget, most=MAX_INT_DIGITS + 20)
    if text.strip("+-") in ("NaN", "Infinity"):
        return decimal.Decimal(text)
    found = re.fullmatch(r"[+-]?([0-9]*)\.?([0-9]*)(?:[eE]([+-]?[0-9]{1,5}))?", text)
    if found is None or not (found[1] or found[2]) or abs(int(found[3] or 0)) > 10_000:
        raise AnswerError("its decimal is not a number of at most 4,300 digits with an "
                          "exponent of at most ±10,000")
    return decimal.Decimal(text)


def _decode_fraction(data: dict[str, Any], budget: Budget) -> fractions.Fraction:
    parts = _field(data, "v", list, "fraction")
    if len(parts) != 2:
        raise AnswerError("its fraction is not [numerator, denominator]")
    numerator, denominator = (_int_text(v, "fraction") for v in parts)
    budget.charge(2 * _OBJECT + sum(len(str(v)) for v in parts), "a fraction")
    return fractions.Fraction(numerator, denominator)


def _decode_range(data: dict[str, Any], budget: Budget) -> range:
    parts = _field(data, "v", list, "range")
    if len(parts) != 3:
        raise AnswerError("its range is not [start, stop, step]")
    numbers = range(*(_whole(v, "range") for v in parts))
    budget.charge(_CONTAINER + len(numbers) * _SLOT, f"a range of {len(numbers):,} numbers")
    return numbers


def _decode_timestamp(data: dict[str, Any], budget: Budget) -> Any:
    import numpy as np
    import pandas as pd

    budget.charge(_OBJECT, "a timestamp")
    if data.get("v") is None:
        return pd.NaT
    unit = _time_unit(data.get("unit"), pandas=True)
    number = _whole(data.get("v"), "timestamp")
    stamp = pd.Timestamp(np.array([number], dtype="i8").view(f"datetime64[{unit}]")[0])
    tz = data.get("tz")
    return stamp if tz is None else stamp.tz_localize("UTC").tz_convert(time_zone(tz))


def _decode_timedelta64(data: dict[str, Any], budget: Budget) -> Any:
    import numpy as np
    import pandas as pd

    budget.charge(_OBJECT, "a timedelta")
    unit = _time_unit(data.get("unit"), pandas=True)
    number = _whole(data.get("v"), "timedelta")
    return pd.Timedelta(np.array([number], dtype="i8").view(f"timedelta64[{unit}]")[0])


_SCALARS = {
    "none": _decode_none, "bool": _decode_bool, "int": _decode_int, "float": _decode_float,
    "complex": _decode_complex, "str": _decode_str, "bytes": _decode_bytes,
    "na": _decode_na, "date": _decode_date, "time": _decode_time,
    "datetime": _decode_datetime, "timedelta": _decode_timedelta,
    "decimal": _decode_decimal, "fraction": _decode_fraction, "range": _decode_range,
    "timestamp": _decode_timestamp, "timedelta64": _decode_timedelta64,
}
_CONTAINERS = ("list", "tuple", "set", "frozenset", "dict", "mappingproxy")


def _decode_container(tag: str, data: dict[str, Any], depth: int, budget: Budget) -> Any:
    if tag == "mappingproxy":
        inner = decode_value(data.get("v"), depth + 1, budget=budget)
        if type(inner) is not dict:
            raise AnswerError("a read-only dict must hold a dict")
        return types.MappingProxyType(inner)
    items = _field(data, "v", list, "items")
    per_item = _SLOT if tag in ("list", "tuple") else _ENTRY
    budget.charge(_CONTAINER + len(items) * per_item, f"a {tag} of {len(items):,} items")
    if tag == "dict":
        pairs = [_pair(item) for item in items]
        return {decode_value(k, depth + 1, budget=budget): decode_value(v, depth + 1,
                                                                        budget=budget)
                for k, v in pairs}
    values = [decode_value(v, depth + 1, budget=budget) for v in items]
    return {"list": list, "tuple": tuple, "set": set, "frozenset": frozenset}[tag](values)


def _pair(item: Any) -> tuple[Any, Any]:
    if not isinstance(item, list) or len(item) != 2:
        raise AnswerError("a dict's item is not a [key, value] pair")
    return item[0], item[1]


# ------------------------------------------------------------------ SMM Lab's value types

def _decode_registered(data: dict[str, Any], depth: int, budget: Budget) -> Any:
    """An SMM Lab value, rebuilt through its public constructor from checked fields."""
    tag = data.get("type")
    if not isinstance(tag, str) or tag not in VALUE_TYPES:
        raise AnswerError(f"{_clip(tag)!r} is not an SMM Lab class the grader knows")
    spec = VALUE_TYPES[tag]
    budget.charge(_CONTAINER + len(spec.fields) * _ENTRY, f"a {tag}")
    if spec.build == "member":
        member = data.get("member")
        members = _registered_class(tag).__members__
        if not isinstance(member, str) or member not in members:
            raise AnswerError(f"{_clip(member)!r} is not a member of {tag}")
        return members[member]
    given = _field(data, "fields", dict, f"{tag}'s fields")
    unknown, missing = sorted(set(given) - set(spec.fields)), [
        name for name in spec.fields if name not in given]
    if unknown or missing:
        raise AnswerError(f"its fields are not those of {tag} (unknown: "
                          f"{', '.join(_clip(n, 30) for n in unknown[:5]) or 'none'}; "
                          f"missing: {', '.join(missing[:5]) or 'none'})")
    cls = _registered_class(tag)
    values = {}
    for name, kinds in spec.fields.items():
        value = decode_value(given[name], depth + 1, budget=budget)
        _check_field(tag, name, value, kinds)
        values[name] = value
    try:
        if spec.build == "positional":
            return cls(*values.values())
        return cls(**values)
    except Exception as error:
        raise AnswerError(f"it is not a valid {tag}: {_clip(str(error), 300)}") from None


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
        raise AnswerError(f"{path} is not a class (the grader's table of SMM Lab types is "
                          "out of date)")
    if build == "member":
        fits = issubclass(found, enum.Enum)
    elif build == "positional":
        fits = issubclass(found, tuple) and tuple(getattr(found, "_fields", ())) == fields
    else:
        fits = _takes_keywords(found, fields)
    if not fits:
        raise AnswerError(f"{path} is not built from the fields the grader's table of SMM "
                          "Lab types lists (the table is out of date)")
    return found


def _takes_keywords(cls: type, fields: tuple[str, ...]) -> bool:
    """Whether ``cls(**fields)`` takes exactly these fields (and needs no others)."""
    parameters = inspect.signature(cls).parameters
    named = {name for name, p in parameters.items()
             if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)}
    needed = {name for name in named if parameters[name].default is inspect.Parameter.empty}
    return set(fields) <= named and needed <= set(fields)


def _check_field(tag: str, name: str, value: Any, kinds: str) -> None:
    """Refuse a field of an SMM Lab value that is not one of the ``kinds`` it takes.

    >>> _check_field("Target", "target", "0.03", "number")
    Traceback (most recent call last):
    ...
    smm_helpers.grading.sandbox.answers.AnswerError: its Target.target is a str, not a number
    """
    allowed = kinds.split("|")
    if any(_is_kind(value, kind) for kind in allowed):
        return
    if "timezone" in allowed and isinstance(value, str):
        time_zone(value)  # says why the text is not a time zone
    wanted = " or ".join("None" if kind == "none" else f"a {kind}" for kind in allowed)
    raise AnswerError(f"its {tag}.{name} is a {type(value).__name__}, not {wanted}")


def _is_kind(value: Any, kind: str) -> bool:
    import numpy as np
    import pandas as pd

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
        "any": lambda v: True, "none": lambda v: v is None, "text": lambda v: type(v) is str,
        "bool": lambda v: plain,
        "int": lambda v: isinstance(v, int | np.integer) and not plain,
        "number": lambda v: isinstance(v, int | float | np.integer | np.floating) and
        not plain,
        "date": lambda v: isinstance(v, dt.date), "timestamp": lambda v: isinstance(
            v, pd.Timestamp), "table": lambda v: type(v) is pd.DataFrame,
        "column": lambda v: type(v) is pd.Series, "list": lambda v: type(v) in (list, tuple),
        "mapping": lambda v: type(v) in (dict, types.MappingProxyType),
        "range": lambda v: type(v) is range,
    }
    return kind in checks and bool(checks[kind](value))


# ------------------------------------------------------------------ NumPy and pandas

_NULLABLE = {"Int8": 1, "Int16": 2, "Int32": 4, "Int64": 8, "UInt8": 1, "UInt16": 2,
             "UInt32": 4, "UInt64": 8, "Float32": 4, "Float64": 8, "boolean": 1}
"""pandas' nullable dtypes and the bytes of one value."""
_TIME_DTYPE = re.compile(r"(datetime64|timedelta64)(?:\[([A-Za-z]{1,2})\])?")
_TEXT_DTYPE = re.compile(r"(<U|\|S)([0-9]{1,7})")


def _time_unit(unit: Any, *, pandas: bool = False) -> str:
    """A ``datetime64``/``timedelta64`` unit from :data:`TIME_UNITS` (s–ns for pandas)."""
    allowed = ("s", "ms", "us", "ns") if pandas else TIME_UNITS
    if unit not in allowed:
        raise AnswerError(f"its time unit {_clip(unit)!r} is not one of {', '.join(allowed)}")
    return str(unit)


def _items(data: dict[str, Any], key: str = "v") -> list[Any]:
    return _field(data, key, list, "values")


def _decode_column(data: Any, depth: int, budget: Budget, *, numpy: bool = False) -> Any:
    """One column, index level or flat array: a NumPy array (or a pandas array if not
    ``numpy``) of a dtype from the allowlist, its size charged before it is built."""
    if not isinstance(data, dict):
        raise AnswerError("a column is not in the answers format")
    dtype = data.get("dtype")
    if not isinstance(dtype, str) or len(dtype) > 40:
        raise AnswerError("a column's dtype is missing or malformed")
    times = _TIME_DTYPE.fullmatch(dtype)
    text = _TEXT_DTYPE.fullmatch(dtype)
    if times is not None:
        return _decode_times(data, times[1], times[2], budget, numpy=numpy)
    if text is not None:
        return _decode_text_array(data, text[1], int(text[2]), budget)
    if dtype == "object":
        return _decode_objects(data, depth, budget)
    if dtype in NUMPY_DTYPES:
        return _decode_numbers(data, dtype, budget)
    if dtype in PANDAS_DTYPES and not numpy:
        reader = {"category": _decode_categorical, "string": _decode_strings}.get(dtype)
        return reader(data, depth, budget) if reader else _decode_nullable(data, dtype, budget)
    raise AnswerError(f"{_clip(dtype)!r} is not a dtype the grader reads (numbers, "
                      "booleans, text, categories, datetimes, timedeltas or objects)")


def _decode_numbers(data: dict[str, Any], dtype: str, budget: Budget) -> Any:
    import numpy as np

    kind = np.dtype(dtype)
    items = _items(data)
    budget.charge(_CONTAINER + len(items) * (kind.itemsize + _SLOT),
                  f"an array of {len(items):,} {dtype}")
    if kind.kind == "b":
        values: list[Any] = [_field({"v": v}, "v", bool, "true/false value") for v in items]
    elif kind.kind in "iu":
        info = np.iinfo(kind)
        values = [_whole(v, f"{dtype} value", int(info.min), int(info.max)) for v in items]
    elif kind.kind == "c":
        values = [_decode_complex({"v": v}, budget) for v in items]
    else:
        values = [_float(v, f"{dtype} value") for v in items]
    with np.errstate(all="ignore"):
        return np.array(values, dtype=kind)


def _decode_nullable(data: dict[str, Any], dtype: str, budget: Budget) -> Any:
    import pandas as pd

    items = _items(data)
    budget.charge(_PANDAS + len(items) * (_NULLABLE[dtype] + 1 + _SLOT),
                  f"a column of {len(items):,} {dtype}")
    if dtype == "boolean":
        values = [None if v is None else _field({"v": v}, "v", bool, "true/false value")
                  for v in items]
    elif dtype.startswith(("Int", "UInt")):
        info = _nullable_range(dtype)
        values = [None if v is None else _whole(v, f"{dtype} value", *info) for v in items]
    else:
        values = [None if v is None else _float(v, f"{dtype} value") for v in items]
    pandas_dtype: Any = dtype
    return pd.array(values, dtype=pandas_dtype)


def _nullable_range(dtype: str) -> tuple[int, int]:
    bits = 8 * _NULLABLE[dtype]
    return (0, 2**bits - 1) if dtype.startswith("U") else (-(2 ** (bits - 1)),
                                                           2 ** (bits - 1) - 1)


def _decode_strings(data: dict[str, Any], depth: int, budget: Budget) -> Any:
    import numpy as np
    import pandas as pd

    items = _items(data)
    budget.charge(_PANDAS + len(items) * _SLOT, f"a text column of {len(items):,} values")
    for item in items:
        if item is not None and type(item) is not str:
            raise AnswerError("a text column holds something other than text")
        if item is not None:
            budget.charge(_OBJECT + len(item) * (1 if item.isascii() else 4), "a text")
    storage = data.get("storage") if data.get("storage") in ("python", "pyarrow") else None
    na_value = np.nan if data.get("na") == "nan" else pd.NA
    return pd.array(items, dtype=pd.StringDtype(storage=storage, na_value=na_value))


def _decode_text_array(data: dict[str, Any], prefix: str, width: int, budget: Budget) -> Any:
    import numpy as np

    if width > MAX_TEXT_WIDTH:
        raise AnswerError(f"its text dtype is wider than {MAX_TEXT_WIDTH:,} characters")
    items = _items(data)
    kind = np.dtype(f"{prefix}{width}")
    budget.charge(_CONTAINER + max(len(items), 1) * kind.itemsize + len(items) * _SLOT,
                  f"an array of {len(items):,} texts of {width:,} characters")
    if any(type(v) is not str or len(v) > width for v in items):
        raise AnswerError(f"its texts are not text of at most {width:,} characters")
    values = [v.encode("latin-1") for v in items] if prefix == "|S" else items
    return np.array(values, dtype=kind)


def _decode_times(data: dict[str, Any], kind: str, unit: str | None, budget: Budget, *,
                  numpy: bool) -> Any:
    import numpy as np
    import pandas as pd

    tz = data.get("tz")
    if unit is not None or tz is not None:
        _time_unit(unit, pandas=tz is not None)
    items = _items(data)
    budget.charge(_CONTAINER + len(items) * (8 + _SLOT), f"{len(items):,} {kind} values")
    nat = -(2**63)
    ints = np.array([nat if v is None else _whole(v, kind) for v in items], dtype="i8")
    dtype = f"{kind}[{unit}]" if unit else kind
    if tz is None:
        return ints.view(dtype)
    if kind != "datetime64" or numpy:
        raise AnswerError("only a pandas column of datetimes may have a time zone")
    budget.charge(_PANDAS + len(items) * 8, "a column of datetimes in a time zone")
    zone = time_zone(tz)
    return pd.array(pd.DatetimeIndex(ints.view(dtype)).tz_localize("UTC").tz_convert(zone))


def _decode_objects(data: dict[str, Any], depth: int, budget: Budget) -> Any:
    import numpy as np

    items = _items(data)
    budget.charge(_CONTAINER + len(items) * _SLOT, f"an array of {len(items):,} objects")
    values = [decode_value(v, depth + 1, budget=budget) for v in items]
    out = np.empty(len(values), dtype=object)
    for i, value in enumerate(values):
        out[i] = value
    return out


def _decode_categorical(data: dict[str, Any], depth: int, budget: Budget) -> Any:
    import pandas as pd

    categories = _decode_column(data.get("categories"), depth + 1, budget)
    if isinstance(categories.dtype, pd.CategoricalDtype):
        raise AnswerError("a category column's categories are categories themselves")
    codes = _items(data, "codes")
    budget.charge(_PANDAS + len(codes) * (8 + _SLOT), f"{len(codes):,} categories")
    for code in codes:
        _whole(code, "category code", -1, len(categories) - 1)
    return pd.Categorical.from_codes(codes, categories=categories,
                                     ordered=_field(data, "ordered", bool, "order"))


def _count(data: Any) -> int:
    """How many values a column sends (before it is read)."""
    if not isinstance(data, dict):
        raise AnswerError("a column is not in the answers format")
    items = data.get("codes" if data.get("dtype") == "category" else "v")
    if not isinstance(items, list):
        raise AnswerError("a column's values are missing")
    return len(items)


def _decode_ndarray(data: dict[str, Any], depth: int, budget: Budget) -> Any:
    shape = _field(data, "shape", list, "shape")
    if len(shape) > MAX_DIMENSIONS:
        raise AnswerError(f"its array has more than {MAX_DIMENSIONS} dimensions")
    sizes = [_whole(n, "array size", 0) for n in shape]
    sent = _count(data.get("values"))
    if math.prod(sizes) != sent:
        raise AnswerError(f"its shape {_clip(str(sizes))} holds {math.prod(sizes):,} values, "
                          f"but {sent:,} were sent")
    flat = _decode_column(data.get("values"), depth + 1, budget, numpy=True)
    return flat.reshape(sizes)


def _decode_np_scalar(data: dict[str, Any], depth: int, budget: Budget) -> Any:
    import numpy as np

    dtype = _field(data, "dtype", str, "dtype")
    budget.charge(_OBJECT, "a NumPy number")
    times, text = _TIME_DTYPE.fullmatch(dtype), _TEXT_DTYPE.fullmatch(dtype)
    if times is not None:
        kind = f"{times[1]}[{_time_unit(times[2])}]" if times[2] else times[1]
        number = _whole(data.get("v"), "time")
        return np.array([number], dtype="i8").view(kind)[0]
    if text is not None:
        value = decode_value(data.get("v"), depth + 1, budget=budget)
        if type(value) is not (bytes if text[1] == "|S" else str):
            raise AnswerError("a NumPy text holds something other than text")
        return np.bytes_(value) if isinstance(value, bytes) else np.str_(value)
    if dtype not in NUMPY_DTYPES or dtype == "object":
        raise AnswerError(f"{_clip(dtype)!r} is not a NumPy dtype the grader reads")
    value = decode_value(data.get("v"), depth + 1, budget=budget)
    if type(value) not in (bool, int, float, complex):
        raise AnswerError("a NumPy number holds something other than a number")
    with np.errstate(all="ignore"):
        return np.dtype(dtype).type(value)


def _decode_index(data: Any, depth: int, budget: Budget) -> Any:
    import pandas as pd

    if not isinstance(data, dict):
        raise AnswerError("an index is not in the answers format")
    kind = data.get("kind")
    if kind == "range":
        numbers = range(*(_whole(data.get(k), "range index") for k in ("start", "stop",
                                                                         "step")))
        budget.charge(_PANDAS + len(numbers) * 8, f"a range index of {len(numbers):,} rows")
        return pd.RangeIndex(numbers.start, numbers.stop, numbers.step,
                             name=decode_value(data.get("name"), depth + 1, budget=budget))
    if kind == "multi":
        names = _field(data, "names", list, "index names")
        levels = [_decode_column(level, depth + 1, budget)
                  for level in _field(data, "levels", list, "index levels")]
        if not levels or len(names) != len(levels) or len({len(v) for v in levels}) != 1:
            raise AnswerError("its index levels do not have the same lengths and names")
        budget.charge(_PANDAS * len(levels) + 2 * sum(len(v) for v in levels) * 8,
                      "a multi-index")
        return pd.MultiIndex.from_arrays(levels, names=[
            decode_value(n, depth + 1, budget=budget) for n in names])
    if kind == "plain":
        values = _decode_column(data.get("values"), depth + 1, budget)
        budget.charge(_PANDAS, "an index")
        return pd.Index(values, name=decode_value(data.get("name"), depth + 1, budget=budget),
                        dtype=_as_is(values))
    raise AnswerError("its index is of an unknown kind")


def _as_is(values: Any) -> Any:
    """``object`` for an array of objects (else pandas 3 would infer ``str`` from text)."""
    import numpy as np

    return object if isinstance(values, np.ndarray) and values.dtype.kind == "O" else None


def _decode_frame(data: dict[str, Any], depth: int, budget: Budget) -> Any:
    import pandas as pd

    columns = _decode_index(data.get("columns"), depth + 1, budget)
    index = _decode_index(data.get("index"), depth + 1, budget)
    before = budget.used
    arrays = [_decode_column(c, depth + 1, budget) for c in _field(data, "data", list, "data")]
    if len(arrays) != len(columns) or any(len(a) != len(index) for a in arrays):
        raise AnswerError("its columns do not match its data")
    budget.charge(budget.used - before + _PANDAS * (1 + len(arrays)),
                  "a table (pandas copies its columns into one block)")
    frame = pd.DataFrame({i: pd.Series(a, index=index, copy=False, dtype=_as_is(a))
                          for i, a in enumerate(arrays)}, index=index)
    frame.columns = columns
    return frame


def _decode_series(data: dict[str, Any], depth: int, budget: Budget) -> Any:
    import pandas as pd

    values = _decode_column(data.get("values"), depth + 1, budget)
    index = _decode_index(data.get("index"), depth + 1, budget)
    if len(values) != len(index):
        raise AnswerError("its values do not match its index")
    budget.charge(_PANDAS, "a Series")
    return pd.Series(values, index=index, dtype=_as_is(values),
                     name=decode_value(data.get("name"), depth + 1, budget=budget))


def _decode_pdindex(data: dict[str, Any], depth: int, budget: Budget) -> Any:
    return _decode_index(data.get("index"), depth + 1, budget)


_LIBRARY = {"np": _decode_np_scalar, "ndarray": _decode_ndarray, "frame": _decode_frame,
            "series": _decode_series, "pdindex": _decode_pdindex}


# ------------------------------------------------------------------ whole answers

def _parse_int(text: str) -> Any:
    """JSON integers: one too long to read stays text, and the answer holding it fails."""
    return int(text) if len(text) <= MAX_INT_DIGITS else f"<{len(text):,} digits>"


def _parse_bytes(text: str) -> int:
    """An upper bound of the memory Python's JSON reader takes to read ``text`` (about 2 to
    10 times more than it takes): each ``{`` a dict, each ``[`` a list, each ``:`` a key,
    each ``,`` an item, and each character up to 4 bytes of text.

    >>> _parse_bytes('{"x": [1, 2]}')
    572
    """
    return (len(text) * 4 + 232 * text.count("{") + 96 * text.count("[")
            + 128 * text.count(":") + 64 * text.count(","))


def read_json(text: str, *, budget: Budget | None = None) -> Any:
    """JSON a learner's kernel sent, read only if reading it fits: at most
    :data:`MAX_JSON_CHARS` characters, and (an upper bound of) the memory the reader takes
    within what is left of ``budget`` (the notebook's :class:`Budget`; it is not charged,
    since the text read is freed once its values are built).  Any failure is an
    :class:`AnswerError`; an integer of more than :data:`MAX_INT_DIGITS` digits stays text
    (so only the answer holding it fails).

    >>> read_json('{"n": [1, 2]}')
    {'n': [1, 2]}
    >>> read_json("[" * 100_000)
    Traceback (most recent call last):
    ...
    smm_helpers.grading.sandbox.answers.AnswerError: the answers nest too deeply to read
    """
    if not isinstance(text, str):
        raise AnswerError("the answers are not text")
    if len(text) > MAX_JSON_CHARS:
        raise AnswerError(f"the answers are over {MAX_JSON_CHARS:,} characters")
    notebook = budget if budget is not None else Budget()
    left = notebook.limit - notebook.used
    if _parse_bytes(text) > left:
        raise AnswerError(f"reading the answers would take more than the {_size(left)} left "
                          "of the notebook's budget")
    try:
        return json.loads(text, parse_int=_parse_int)
    except RecursionError:
        raise AnswerError("the answers nest too deeply to read") from None
    except MemoryError:
        raise AnswerError("the answers are too big to read") from None
    except ValueError as error:
        raise AnswerError(f"the answers are not JSON ({_clip(str(error))})") from None


def decode(text: str, *, budget: Budget | None = None) -> dict[str, Any]:
    """Values by name from :func:`encode_names`'s JSON, built fresh in the grader.

    A name the notebook does not define becomes :class:`Missing`; a value that cannot be
    checked becomes :class:`Unreadable`, which explains itself when a test uses it.  Only
    text that cannot be read as a whole (see :func:`read_json`) or is not a JSON object
    raises :class:`AnswerError`.

    ``budget`` is the notebook's :class:`Budget`: pass the same one to every ``decode`` of
    one notebook so its answers together stay within :data:`NOTEBOOK_BYTES` (without it,
    this call alone may take that much).

    >>> decode('{"plan": {"t": "opaque", "type": "Plan", "where": "a class written in '
    ...        'the notebook"}}')["plan"]
    <unreadable answer plan: a 'Plan' object (a class written in the notebook)>
    """
    notebook = budget if budget is not None else Budget()
    raw = read_json(text, budget=notebook)
    if not isinstance(raw, dict):
        raise AnswerError("the answers are not a JSON object")
    return {str(name): _decode_named(str(name), data, budget=notebook)
            for name, data in raw.items()}


def _decode_named(name: str, data: Any, *, budget: Budget | None = None) -> Any:
    """One answer: a value, or a stand-in (:class:`Missing`, :class:`FunctionAnswer`,
    :class:`Unreadable`); never an error.  ``budget`` is the notebook's :class:`Budget`."""
    tag = data.get("t") if isinstance(data, dict) else None
    if tag == "missing":
        return Missing(name)
    if tag == "error":
        return Unreadable(name, f"a value that could not be read ({_clip(data.get('why'), 300)})")
    if tag == "opaque":
        return Unreadable(name, f"a {_clip(data.get('type'), 200)!r} object "
                                f"({_clip(data.get('where'), 200)})")
    if tag == "module":
        return Unreadable(name, f"the module {_clip(data.get('name'))}")
    if tag == "function":
        return FunctionAnswer(name)  # the runner calls it in the sandbox
    answer = (budget if budget is not None else Budget()).for_answer()
    try:
        value = decode_value(data, budget=answer)
    except RecursionError:
        return Unreadable(name, "a value that could not be read (it nests too deeply)")
    except MemoryError:
        return Unreadable(name, "a value that could not be read (it is too big to build)")
    except Exception as error:  # a constructor's or a library's own refusal, too
        return Unreadable(name, f"a value that could not be read ({_reason(error)})")
    answer.commit()
    return value


def _reason(error: Exception) -> str:
    """Why an answer could not be read, in one short line."""
    if isinstance(error, AnswerError):
        return _clip(str(error), 400)
    return _clip(f"{type(error).__name__}: {error}", 400)


__all__ = ["ANSWER_BYTES", "NOTEBOOK_BYTES", "VALUE_TYPES", "AnswerError", "Budget",
           "FunctionAnswer", "Missing", "Unreadable", "ValueType", "call", "decode",
           "decode_value", "encode_names", "export", "read_json", "time_zone"]
