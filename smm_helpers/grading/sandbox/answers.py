"""Answers as plain data: how a learner's values leave the sandbox and reach the tests.

The tests never run inside a learner's kernel.  When a test needs ``er_by_platform``, the
grader asks the learner's kernel for it; :func:`export` (run *in the kernel*) turns the
value into JSON, and :func:`decode` (run *in the grader*) builds a fresh value from that
JSON.  Only data crosses: numbers, text, lists, dicts, dates, NumPy arrays, pandas tables,
and SMM Lab's own objects (dataclasses and plain classes of ``smm_helpers``), rebuilt
attribute by attribute without running any of their code.  Never a pickle, never code.

So a submission that changes Python in its kernel (``__eq__`` that always says yes, a
replaced ``AssertionError``, a patched ``expect_close``) changes nothing the tests see: a
value arrives as what it *is*, and a ``str`` subclass arrives as its text.  The worst a
submission can do is send some other value, which is no better than answering.

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
import importlib
import json
import math
import types
from collections.abc import Callable, Mapping
from typing import Any

MAX_JSON_CHARS = 64_000_000
"""The largest export accepted (64 million characters of JSON): a bigger answer is not read."""
MAX_DEPTH = 60
"""How deeply containers may nest in one answer."""
TRUSTED_MODULES = ("smm_helpers.",)
"""Dataclasses, named tuples and enums are rebuilt only from these packages."""
_SCALAR_MODULES = {"datetime", "decimal", "fractions"}


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


# --------------------------------------------------------------------------- encoding
# Runs in the learner's kernel: plain, defensive code with exact type checks.

def _qualified(kind: type) -> str:
    return f"{kind.__module__}:{kind.__qualname__}"


def _trusted(kind: type) -> bool:
    return any(kind.__module__.startswith(prefix) for prefix in TRUSTED_MODULES)


def _array(values: Any, depth: int) -> dict[str, Any]:
    """One column (or index level) of a pandas object, by its dtype."""
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
    if isinstance(dtype, pd.DatetimeTZDtype) or str(dtype).startswith(("datetime64",
                                                                        "timedelta64")):
        as_int = np.asarray(values.view("i8") if isinstance(values, np.ndarray)
                            else values.asi8)
        unit = str(dtype)
        return {"dtype": unit, "tz": str(dtype.tz) if isinstance(dtype, pd.DatetimeTZDtype)
                else None, "v": [None if v == np.iinfo(np.int64).min else int(v)
                                 for v in as_int]}
    if isinstance(values, np.ndarray) and values.dtype.kind in "biuf":
        return {"dtype": str(dtype), "v": [_float_or_int(v) for v in values.tolist()]}
    if str(dtype) in {"Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "UInt64",
                      "Float32", "Float64", "boolean"}:
        return {"dtype": str(dtype),
                "v": [None if v is pd.NA else _float_or_int(v) for v in values.tolist()]}
    if isinstance(dtype, pd.StringDtype):
        return {"dtype": "string", "na": "nan" if dtype.na_value is not pd.NA else "NA",
                "storage": dtype.storage,
                "v": [None if pd.isna(v) else str.__str__(v) for v in values.tolist()]}
    if isinstance(values, np.ndarray) and values.dtype.kind in "biufSU":
        return {"dtype": str(dtype), "v": values.tolist()}
    return {"dtype": "object", "v": [_encode(v, depth + 1) for v in np.asarray(values,
                                                                              dtype=object)]}


def _float_or_int(value: Any) -> Any:
    if type(value) is float and not math.isfinite(value):
        return {"float": repr(value)}
    return value


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
            "values": _array(index.array if not isinstance(index.dtype, type(None))
                             else index, depth + 1)}


def _encode(value: Any, depth: int = 0) -> Any:
    if depth > MAX_DEPTH:
        raise AnswerError(f"it nests containers more than {MAX_DEPTH} deep")
    kind = type(value)
    if value is None:
        return {"t": "none"}
    if kind is bool:
        return {"t": "bool", "v": bool(value)}
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
    if isinstance(value, enum.Enum) and _trusted(kind):
        return {"t": "enum", "cls": _qualified(kind), "name": value.name}
    if dataclasses.is_dataclass(value) and _trusted(kind):
        return {"t": "dataclass", "cls": _qualified(kind),
                "fields": {f.name: _encode(getattr(value, f.name), depth + 1)
                           for f in dataclasses.fields(value)}}
    if issubclass(kind, tuple) and hasattr(kind, "_fields") and _trusted(kind):
        return {"t": "namedtuple", "cls": _qualified(kind),
                "v": [_encode(v, depth + 1) for v in tuple.__iter__(value)]}
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
    if _trusted(kind) and not isinstance(value, type):
        state = _state(value)
        if state is not None:
            return {"t": "object", "cls": _qualified(kind),
                    "state": {k: _encode(v, depth + 1) for k, v in state.items()}}
    if module in _SCALAR_MODULES:
        encoded = _encode_library(value, kind, depth)
        if encoded is not None:
            return encoded
    if callable(value) and kind.__name__ in ("function", "method", "builtin_function_or_method"):
        return {"t": "function", "name": getattr(value, "__qualname__", "?")}
    if kind.__name__ == "module":
        return {"t": "module", "name": value.__name__}
    where = "a class written in the notebook" if kind.__module__ == "__main__" else kind.__module__
    return {"t": "opaque", "type": kind.__qualname__, "where": where}


def _state(value: Any) -> dict[str, Any] | None:
    """The attributes of an SMM Lab object (``__dict__`` and ``__slots__``), if plain."""
    state: dict[str, Any] = {}
    if hasattr(value, "__dict__"):
        state.update(vars(value))
    for klass in type(value).__mro__:
        for slot in getattr(klass, "__slots__", ()):
            if isinstance(slot, str) and slot not in ("__dict__", "__weakref__") and \
                    hasattr(value, slot):
                state[slot] = getattr(value, slot)
    return state if state or hasattr(value, "__dict__") else None


def _encode_library(value: Any, kind: type, depth: int) -> Any:
    """Dates, decimals and the NumPy and pandas values a lesson uses; ``None`` if unknown."""
    import numpy as np
    import pandas as pd

    if isinstance(value, pd.Timestamp):
        return {"t": "timestamp", "v": None if value is pd.NaT else value.isoformat(),
                "ns": int(value.value) if value is not pd.NaT else None,
                "tz": str(value.tz) if value.tz else None}
    if isinstance(value, pd.Timedelta):
        return {"t": "timedelta64", "ns": int(value.value)}
    if kind is dt.datetime:
        return {"t": "datetime", "v": value.isoformat(),
                "tz": str(value.tzinfo) if value.tzinfo else None}
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
        plain = value.item()
        if isinstance(value, np.datetime64 | np.timedelta64):
            return {"t": "np", "dtype": str(value.dtype), "v": int(value.view("i8"))}
        return {"t": "np", "dtype": str(value.dtype), "v": _encode(plain, depth + 1)}
    if isinstance(value, np.ndarray):
        if value.dtype.kind not in "biufcUSMmO":
            return None
        flat = value.reshape(-1)
        return {"t": "ndarray", "shape": list(value.shape),
                "values": _array(flat.astype(object) if value.dtype.kind in "cO" else flat,
                                 depth + 1)}
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
    if value is pd.NaT:
        return {"t": "timestamp", "v": None, "ns": None, "tz": None}
    return None


def encode_names(namespace: Mapping[str, Any], names: list[str]) -> str:
    """The named values of ``namespace`` as one JSON text (what the grader reads).

    A name that is not defined is reported missing; a value that cannot become plain data
    is reported with the reason, so one odd answer never hides the others.
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
# Runs in the grader: everything read is untrusted; only data is built.

def _cls(qualified: Any, check: Callable[[Any], bool]) -> Any:
    if not isinstance(qualified, str) or ":" not in qualified:
        raise AnswerError("a class name is malformed")
    module, _, qualname = qualified.partition(":")
    if not any(module.startswith(prefix) for prefix in TRUSTED_MODULES):
        raise AnswerError(f"{qualified} is not an SMM Lab class")
    found: Any = importlib.import_module(module)
    for part in qualname.split("."):
        found = getattr(found, part)
    if not isinstance(found, type) or not check(found):
        raise AnswerError(f"{qualified} is not the kind of class the answer says")
    return found


def _decode_array(data: Any, depth: int) -> Any:
    import numpy as np
    import pandas as pd

    dtype = data["dtype"]
    if dtype == "category":
        categories = _decode_array(data["categories"], depth + 1)
        return pd.Categorical.from_codes(data["codes"], categories=categories,
                                         ordered=bool(data["ordered"]))
    if dtype.startswith(("datetime64", "timedelta64")):
        ints = np.array([np.iinfo(np.int64).min if v is None else int(v) for v in data["v"]],
                        dtype="i8")
        if data.get("tz"):
            unit = dtype.split("[", 1)[1].split(",")[0].rstrip("]")
            return pd.array(pd.DatetimeIndex(ints.view(f"datetime64[{unit}]")).tz_localize(
                "UTC").tz_convert(data["tz"]))
        return ints.view(np.dtype(dtype))
    values = [_unfloat(v) for v in data["v"]]
    if dtype == "object":
        out = np.empty(len(values), dtype=object)
        out[:] = [decode_value(v, depth + 1) for v in data["v"]]
        return out
    if dtype == "string":
        import numpy as np

        na_value = np.nan if data.get("na") == "nan" else pd.NA
        storage = data.get("storage") if data.get("storage") in ("python", "pyarrow") else None
        return pd.array(values, dtype=pd.StringDtype(storage=storage, na_value=na_value))
    if dtype in {"Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "UInt64",
                 "Float32", "Float64", "boolean"}:
        return pd.array(values, dtype=dtype)
    return np.array(values, dtype=np.dtype(dtype))


def _unfloat(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {"float"}:
        return float(value["float"])
    return value


def _decode_index(data: dict[str, Any], depth: int) -> Any:
    import pandas as pd

    if data["kind"] == "range":
        return pd.RangeIndex(int(data["start"]), int(data["stop"]), int(data["step"]),
                             name=decode_value(data["name"], depth + 1))
    if data["kind"] == "multi":
        levels = [_decode_array(level, depth + 1) for level in data["levels"]]
        return pd.MultiIndex.from_arrays(levels, names=[decode_value(n, depth + 1)
                                                        for n in data["names"]])
    values = _decode_array(data["values"], depth + 1)
    return pd.Index(values, name=decode_value(data["name"], depth + 1), dtype=_as_is(values))


def _as_is(values: Any) -> Any:
    """``object`` for an array of objects (else pandas 3 would infer ``str`` from text)."""
    import numpy as np

    return object if isinstance(values, np.ndarray) and values.dtype.kind == "O" else None


def decode_value(data: Any, depth: int = 0) -> Any:
    """Build a value from its plain-data form (see :func:`decode`)."""
    if depth > MAX_DEPTH + 5:
        raise AnswerError("it nests too deeply")
    if not isinstance(data, dict) or "t" not in data:
        raise AnswerError("it is not in the answers format")
    tag = data["t"]
    if tag == "none":
        return None
    if tag == "bool":
        return bool(data["v"])
    if tag == "int":
        return int(str(data["v"]))
    if tag == "float":
        return float(str(data["v"]))
    if tag == "complex":
        return complex(float(data["v"][0]), float(data["v"][1]))
    if tag == "str":
        return str(data["v"])
    if tag == "bytes":
        return base64.b64decode(str(data["v"]))
    if tag in ("list", "tuple", "set", "frozenset"):
        items = [decode_value(v, depth + 1) for v in data["v"]]
        return {"list": list, "tuple": tuple, "set": set, "frozenset": frozenset}[tag](items)
    if tag == "dict":
        return {decode_value(k, depth + 1): decode_value(v, depth + 1) for k, v in data["v"]}
    if tag == "enum":
        return _cls(data["cls"], lambda c: issubclass(c, enum.Enum))[str(data["name"])]
    if tag == "dataclass":
        cls = _cls(data["cls"], dataclasses.is_dataclass)
        names = {f.name for f in dataclasses.fields(cls)}
        if set(data["fields"]) != names:
            raise AnswerError(f"its fields are not those of {cls.__name__}")
        instance = object.__new__(cls)
        for name, value in data["fields"].items():
            object.__setattr__(instance, name, decode_value(value, depth + 1))
        return instance
    if tag == "mappingproxy":
        inner = decode_value(data["v"], depth + 1)
        if not isinstance(inner, dict):
            raise AnswerError("a mapping proxy must hold a dict")
        return types.MappingProxyType(inner)
    if tag == "object":
        cls = _cls(data["cls"], lambda c: not dataclasses.is_dataclass(c)
                   and not issubclass(c, enum.Enum | tuple | BaseException))
        instance = object.__new__(cls)
        for name, value in data["state"].items():
            object.__setattr__(instance, str(name), decode_value(value, depth + 1))
        return instance
    if tag == "namedtuple":
        cls = _cls(data["cls"], lambda c: issubclass(c, tuple) and hasattr(c, "_fields"))
        return cls(*[decode_value(v, depth + 1) for v in data["v"]])
    return _decode_library(tag, data, depth)


def _decode_library(tag: str, data: dict[str, Any], depth: int) -> Any:
    import numpy as np
    import pandas as pd

    if tag == "timestamp":
        if data["ns"] is None:
            return pd.NaT
        stamp = pd.Timestamp(int(data["ns"]), unit="ns")
        return stamp.tz_localize("UTC").tz_convert(data["tz"]) if data["tz"] else stamp
    if tag == "timedelta64":
        return pd.Timedelta(int(data["ns"]), unit="ns")
    if tag == "datetime":
        return dt.datetime.fromisoformat(str(data["v"]))
    if tag == "date":
        return dt.date.fromisoformat(str(data["v"]))
    if tag == "time":
        return dt.time.fromisoformat(str(data["v"]))
    if tag == "timedelta":
        days, seconds, micro = (int(v) for v in data["v"])
        return dt.timedelta(days=days, seconds=seconds, microseconds=micro)
    if tag == "decimal":
        return decimal.Decimal(str(data["v"]))
    if tag == "fraction":
        return fractions.Fraction(int(data["v"][0]), int(data["v"][1]))
    if tag == "np":
        dtype = np.dtype(str(data["dtype"]))
        if dtype.kind in "Mm":
            return np.array([int(data["v"])], dtype="i8").view(dtype)[0]
        return dtype.type(decode_value(data["v"], depth + 1))
    if tag == "ndarray":
        flat = _decode_array(data["values"], depth + 1)
        return np.asarray(flat).reshape([int(n) for n in data["shape"]])
    if tag == "frame":
        columns = _decode_index(data["columns"], depth + 1)
        index = _decode_index(data["index"], depth + 1)
        arrays = [_decode_array(column, depth + 1) for column in data["data"]]
        if len(arrays) != len(columns):
            raise AnswerError("its columns do not match its data")
        frame = pd.DataFrame({i: pd.Series(a, index=index, copy=False, dtype=_as_is(a))
                              for i, a in enumerate(arrays)}, index=index)
        frame.columns = columns
        return frame
    if tag == "series":
        values = _decode_array(data["values"], depth + 1)
        return pd.Series(values, index=_decode_index(data["index"], depth + 1),
                         name=decode_value(data["name"], depth + 1), dtype=_as_is(values))
    if tag == "pdindex":
        return _decode_index(data["index"], depth + 1)
    if tag == "na":
        return pd.NA
    raise AnswerError(f"it has an unknown kind {tag!r}")


def decode(text: str) -> dict[str, Any]:
    """Values by name from :func:`encode_names`'s JSON, built fresh in the grader.

    A name the notebook does not define becomes :class:`Missing`; a value that cannot be
    checked becomes :class:`Unreadable`, which explains itself when a test uses it.

    >>> decode('{"plan": {"t": "opaque", "type": "Plan", "where": "a class written in '
    ...        'the notebook"}}')["plan"]
    <unreadable answer plan: a 'Plan' object (a class written in the notebook)>
    """
    if len(text) > MAX_JSON_CHARS:
        raise AnswerError(f"the answers are over {MAX_JSON_CHARS:,} characters")
    try:
        raw = json.loads(text)
    except RecursionError:
        raise AnswerError("the answers nest too deeply to read") from None
    if not isinstance(raw, dict):
        raise AnswerError("the answers are not a JSON object")
    out: dict[str, Any] = {}
    for name, data in raw.items():
        out[name] = _decode_named(str(name), data)
    return out


def _decode_named(name: str, data: Any) -> Any:
    tag = data.get("t") if isinstance(data, dict) else None
    if tag == "missing":
        return Missing(name)
    if tag == "error":
        return Unreadable(name, f"a value that could not be read ({data.get('why', '?')})")
    if tag == "opaque":
        return Unreadable(name, f"a {str(data.get('type'))!r} object ({data.get('where')})")
    if tag == "module":
        return Unreadable(name, f"the module {data.get('name')!s}")
    if tag == "function":
        return FunctionAnswer(name)  # the runner calls it in the sandbox
    try:
        return decode_value(data)
    except (AnswerError, KeyError, TypeError, ValueError, AttributeError, ImportError,
            OverflowError, RecursionError) as error:
        return Unreadable(name, f"a value that could not be read ({error})")


__all__ = ["AnswerError", "FunctionAnswer", "Missing", "Unreadable", "call", "decode",
           "decode_value", "encode_names", "export"]
