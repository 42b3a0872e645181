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

**Where things are** (each module has one job; the lower ones never import this one):

- :mod:`.encoding`: values into plain data, in the kernel (:func:`export`, :func:`call`);
- :mod:`.decoding`: plain data into values, in the grader (:func:`decode`,
  :func:`decode_value`, :func:`read_json`), with :mod:`.scalars` for single values and
  :mod:`.columns` for NumPy and pandas values, both reading through :mod:`.reading`;
- :mod:`.value_types`: SMM Lab's value types, a table kept as data in
  ``smm_helpers/data/answer_types.json``;
- :mod:`.dtypes`: the dtypes a column may have; :mod:`.budget`: the limits and the
  :class:`Budget`; :mod:`.stand_ins`: :class:`Missing`, :class:`FunctionAnswer`,
  :class:`Unreadable` and :class:`AnswerError`.
"""

from __future__ import annotations

import json as json  # the runner writes a function's arguments with it

from smm_helpers.grading.sandbox.answers.budget import (
    ANSWER_BYTES,
    MAX_DEPTH,
    MAX_DIMENSIONS,
    MAX_INT_DIGITS,
    MAX_JSON_CHARS,
    MAX_TEXT_WIDTH,
    NOTEBOOK_BYTES,
    Budget,
)
from smm_helpers.grading.sandbox.answers.decoding import (
    _decode_named as _decode_named,  # the runner reads a function's result with it
)
from smm_helpers.grading.sandbox.answers.decoding import (
    decode,
    decode_value,
    read_json,
)
from smm_helpers.grading.sandbox.answers.dtypes import NUMPY_DTYPES, PANDAS_DTYPES, TIME_UNITS
from smm_helpers.grading.sandbox.answers.encoding import (
    _encode as _encode,  # the runner sends a function's arguments with it
)
from smm_helpers.grading.sandbox.answers.encoding import (
    call,
    encode_names,
    export,
)
from smm_helpers.grading.sandbox.answers.reading import (
    time_zone,
)
from smm_helpers.grading.sandbox.answers.stand_ins import (
    AnswerError,
    FunctionAnswer,
    Missing,
    Unreadable,
)
from smm_helpers.grading.sandbox.answers.value_types import (
    FIELD_KINDS,
    VALUE_TYPES,
    ValueType,
)

__all__ = [
    "ANSWER_BYTES",
    "FIELD_KINDS",
    "MAX_DEPTH",
    "MAX_DIMENSIONS",
    "MAX_INT_DIGITS",
    "MAX_JSON_CHARS",
    "MAX_TEXT_WIDTH",
    "NOTEBOOK_BYTES",
    "NUMPY_DTYPES",
    "PANDAS_DTYPES",
    "TIME_UNITS",
    "VALUE_TYPES",
    "AnswerError",
    "Budget",
    "FunctionAnswer",
    "Missing",
    "Unreadable",
    "ValueType",
    "call",
    "decode",
    "decode_value",
    "encode_names",
    "export",
    "read_json",
    "time_zone",
]
