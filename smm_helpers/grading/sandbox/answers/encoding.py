"""Values turned into plain data, in the learner's kernel: what the grader evaluates there.

The grader evaluates :func:`export` in the kernel to read the answers it needs, and
:func:`call` to run a function the learner wrote.  This code runs beside the learner's
own, so it is plain and defensive: exact type checks, a ``str`` subclass sent as its text,
a ``list`` subclass as its items, and NumPy and pandas imported only when a value needs
them.  SMM Lab's value types are sent by their tag of :data:`~.value_types.VALUE_TYPES`,
never by a class path.
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import enum
import fractions
import json
import math
import types
import zoneinfo
from collections.abc import Mapping
from typing import Any

import smm_helpers.grading.sandbox.answers.value_types as value_types
from smm_helpers.grading.sandbox.answers.budget import MAX_DEPTH, MAX_JSON_CHARS
from smm_helpers.grading.sandbox.answers.decoding import decode_value
from smm_helpers.grading.sandbox.answers.dtypes import _NULLABLE
from smm_helpers.grading.sandbox.answers.stand_ins import AnswerError
from smm_helpers.grading.sandbox.answers.value_types import _tag_of


def _encode_registered(value: Any, kind: type, depth: int) -> dict[str, Any] | None:
    tag = _tag_of(kind)
    if tag is None:
        return None
    spec = value_types.VALUE_TYPES[tag]
    if spec.build == "member":
        return {"t": "smm", "type": tag, "member": str(value.name)}
    return {
        "t": "smm",
        "type": tag,
        "fields": {name: _encode(getattr(value, name), depth + 1) for name in spec.fields},
    }


def _array(values: Any, depth: int) -> dict[str, Any]:
    """One column (or index level) of a pandas object, or a flat NumPy array, by its dtype."""
    import numpy as np  # heavy: loaded on first use
    import pandas as pd  # heavy: loaded on first use

    if type(values) is pd.arrays.NumpyExtensionArray:  # not its subclass StringArray
        values = values.to_numpy()
    elif not isinstance(values, np.ndarray | pd.api.extensions.ExtensionArray):
        values = pd.array(values)
    dtype = values.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        return {
            "dtype": "category",
            "ordered": bool(dtype.ordered),
            "categories": _array(dtype.categories, depth + 1),
            "codes": [int(c) for c in values.codes],
        }
    if isinstance(dtype, pd.DatetimeTZDtype):
        return {
            "dtype": f"datetime64[{dtype.unit}]",
            "tz": _tz_name(dtype.tz),
            "v": _times(values.asi8),
        }
    if dtype.kind in "mM":
        as_int = values.view("i8") if isinstance(values, np.ndarray) else values.asi8
        return {"dtype": str(np.dtype(dtype)), "v": _times(as_int)}
    if isinstance(values, np.ndarray) and dtype.kind in "biuf":
        return {"dtype": str(dtype), "v": [_float_or_int(v) for v in values.tolist()]}
    if isinstance(values, np.ndarray) and dtype.kind == "c":
        return {
            "dtype": str(dtype),
            "v": [[_float_or_int(v.real), _float_or_int(v.imag)] for v in values.tolist()],
        }
    if str(dtype) in _NULLABLE:
        return {
            "dtype": str(dtype),
            "v": [None if v is pd.NA else _float_or_int(v) for v in values.tolist()],
        }
    if isinstance(dtype, pd.StringDtype):
        return {
            "dtype": "string",
            "na": "nan" if dtype.na_value is not pd.NA else "NA",
            "storage": dtype.storage,
            "v": [None if pd.isna(v) else str.__str__(v) for v in values.tolist()],
        }
    if isinstance(values, np.ndarray) and dtype.kind == "U":
        return {"dtype": str(dtype), "v": values.tolist()}
    if isinstance(values, np.ndarray) and dtype.kind == "S":
        return {"dtype": str(dtype), "v": [v.decode("latin-1") for v in values.tolist()]}
    return {
        "dtype": "object",
        "v": [_encode(v, depth + 1) for v in np.asarray(values, dtype=object)],
    }


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
    import pandas as pd  # heavy: loaded on first use

    if type(index) is pd.RangeIndex:
        return {
            "kind": "range",
            "start": index.start,
            "stop": index.stop,
            "step": index.step,
            "name": _encode(index.name, depth + 1),
        }
    if isinstance(index, pd.MultiIndex):
        return {
            "kind": "multi",
            "names": [_encode(n, depth + 1) for n in index.names],
            "levels": [_array(index.get_level_values(i), depth + 1) for i in range(index.nlevels)],
        }
    return {
        "kind": "plain",
        "name": _encode(index.name, depth + 1),
        "values": _array(index.array, depth + 1),
    }


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
        return {
            "t": "dict",
            "v": [[_encode(k, depth + 1), _encode(v, depth + 1)] for k, v in dict.items(value)],
        }
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
    import numpy as np  # heavy: loaded on first use
    import pandas as pd  # heavy: loaded on first use

    if value is pd.NaT:
        return {"t": "timestamp", "v": None}
    if isinstance(value, pd.Timestamp):
        return {
            "t": "timestamp",
            "v": int(value.to_datetime64().view("i8")),
            "unit": value.unit,
            "tz": _tz_name(value.tz) if value.tz else None,
        }
    if isinstance(value, pd.Timedelta):
        return {"t": "timedelta64", "v": int(value.to_timedelta64().view("i8")), "unit": value.unit}
    if kind is dt.datetime:
        zone = value.tzinfo
        return {
            "t": "datetime",
            "v": value.isoformat(),
            "zone": zone.key if isinstance(zone, zoneinfo.ZoneInfo) else None,
        }
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
        return {
            "t": "ndarray",
            "shape": list(value.shape),
            "values": _array(value.reshape(-1), depth + 1),
        }
    if isinstance(value, pd.DataFrame):
        return {
            "t": "frame",
            "index": _index(value.index, depth + 1),
            "columns": _index(value.columns, depth + 1),
            "data": [_array(value.iloc[:, i].array, depth + 1) for i in range(value.shape[1])],
        }
    if isinstance(value, pd.Series):
        return {
            "t": "series",
            "name": _encode(value.name, depth + 1),
            "index": _index(value.index, depth + 1),
            "values": _array(value.array, depth + 1),
        }
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
        return json.dumps(
            {
                name: {
                    "t": "error",
                    "why": f"the answers are too big to check (over {MAX_JSON_CHARS:,} characters)",
                }
                for name in out
            }
        )
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
        return json.dumps(
            {"raised": type(error).__name__, "why": str(error)[:2000]}, ensure_ascii=False
        )
