"""Reading NumPy arrays and scalars, and pandas columns, indexes, frames and series.

Each column is built only in a dtype of :mod:`.dtypes`, and its size is charged to the
budget before it is built.  The items of an ``object`` column, the names of an index and
a NumPy scalar's value are read by the same rules as a whole answer: by
:func:`~.decoding.decode_value`, which dispatches here and passes itself in as ``inner``
(so this module never imports it back).  :data:`_LIBRARY` maps each tag the encoder
writes (``"ndarray"``, ``"frame"``...) to its reader.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from smm_helpers.grading.sandbox.answers.budget import (
    _CONTAINER,
    _OBJECT,
    _PANDAS,
    _SLOT,
    MAX_DIMENSIONS,
    MAX_TEXT_WIDTH,
    Budget,
)
from smm_helpers.grading.sandbox.answers.dtypes import (
    _NULLABLE,
    _TEXT_DTYPE,
    _TIME_DTYPE,
    NUMPY_DTYPES,
    PANDAS_DTYPES,
)
from smm_helpers.grading.sandbox.answers.reading import (
    _clip,
    _field,
    _float,
    _time_unit,
    _whole,
    time_zone,
)
from smm_helpers.grading.sandbox.answers.scalars import _decode_complex
from smm_helpers.grading.sandbox.answers.stand_ins import AnswerError

Decoder = Callable[..., Any]
"""``inner(data, depth, budget=...)``: how a nested value is read."""


def _items(data: dict[str, Any], key: str = "v") -> list[Any]:
    return _field(data, key, list, "values")


def _decode_column(
    data: Any, depth: int, budget: Budget, inner: Decoder, *, numpy: bool = False
) -> Any:
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
        return _decode_objects(data, depth, budget, inner)
    if dtype in NUMPY_DTYPES:
        return _decode_numbers(data, dtype, budget)
    if dtype in PANDAS_DTYPES and not numpy:
        if dtype == "category":
            return _decode_categorical(data, depth, budget, inner)
        if dtype == "string":
            return _decode_strings(data, depth, budget)
        return _decode_nullable(data, dtype, budget)
    raise AnswerError(
        f"{_clip(dtype)!r} is not a dtype the grader reads (numbers, "
        "booleans, text, categories, datetimes, timedeltas or objects)"
    )


def _decode_numbers(data: dict[str, Any], dtype: str, budget: Budget) -> Any:
    import numpy as np  # heavy: loaded on first use

    kind = np.dtype(dtype)
    items = _items(data)
    budget.charge(
        _CONTAINER + len(items) * (kind.itemsize + _SLOT), f"an array of {len(items):,} {dtype}"
    )
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
    import pandas as pd  # heavy: loaded on first use

    items = _items(data)
    budget.charge(
        _PANDAS + len(items) * (_NULLABLE[dtype] + 1 + _SLOT), f"a column of {len(items):,} {dtype}"
    )
    if dtype == "boolean":
        values = [
            None if v is None else _field({"v": v}, "v", bool, "true/false value") for v in items
        ]
    elif dtype.startswith(("Int", "UInt")):
        info = _nullable_range(dtype)
        values = [None if v is None else _whole(v, f"{dtype} value", *info) for v in items]
    else:
        values = [None if v is None else _float(v, f"{dtype} value") for v in items]
    pandas_dtype: Any = dtype
    return pd.array(values, dtype=pandas_dtype)


def _nullable_range(dtype: str) -> tuple[int, int]:
    bits = 8 * _NULLABLE[dtype]
    return (0, 2**bits - 1) if dtype.startswith("U") else (-(2 ** (bits - 1)), 2 ** (bits - 1) - 1)


def _decode_strings(data: dict[str, Any], depth: int, budget: Budget) -> Any:
    import numpy as np  # heavy: loaded on first use
    import pandas as pd  # heavy: loaded on first use

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
    import numpy as np  # heavy: loaded on first use

    if width > MAX_TEXT_WIDTH:
        raise AnswerError(f"its text dtype is wider than {MAX_TEXT_WIDTH:,} characters")
    items = _items(data)
    kind = np.dtype(f"{prefix}{width}")
    budget.charge(
        _CONTAINER + max(len(items), 1) * kind.itemsize + len(items) * _SLOT,
        f"an array of {len(items):,} texts of {width:,} characters",
    )
    if any(type(v) is not str or len(v) > width for v in items):
        raise AnswerError(f"its texts are not text of at most {width:,} characters")
    values = [v.encode("latin-1") for v in items] if prefix == "|S" else items
    return np.array(values, dtype=kind)


def _decode_times(
    data: dict[str, Any], kind: str, unit: str | None, budget: Budget, *, numpy: bool
) -> Any:
    import numpy as np  # heavy: loaded on first use
    import pandas as pd  # heavy: loaded on first use

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


def _decode_objects(data: dict[str, Any], depth: int, budget: Budget, inner: Decoder) -> Any:
    import numpy as np  # heavy: loaded on first use

    items = _items(data)
    budget.charge(_CONTAINER + len(items) * _SLOT, f"an array of {len(items):,} objects")
    values = [inner(v, depth + 1, budget=budget) for v in items]
    out = np.empty(len(values), dtype=object)
    for i, value in enumerate(values):
        out[i] = value
    return out


def _decode_categorical(data: dict[str, Any], depth: int, budget: Budget, inner: Decoder) -> Any:
    import pandas as pd  # heavy: loaded on first use

    categories = _decode_column(data.get("categories"), depth + 1, budget, inner)
    if isinstance(categories.dtype, pd.CategoricalDtype):
        raise AnswerError("a category column's categories are categories themselves")
    codes = _items(data, "codes")
    budget.charge(_PANDAS + len(codes) * (8 + _SLOT), f"{len(codes):,} categories")
    for code in codes:
        _whole(code, "category code", -1, len(categories) - 1)
    return pd.Categorical.from_codes(
        codes, categories=categories, ordered=_field(data, "ordered", bool, "order")
    )


def _count(data: Any) -> int:
    """How many values a column sends (before it is read)."""
    if not isinstance(data, dict):
        raise AnswerError("a column is not in the answers format")
    items = data.get("codes" if data.get("dtype") == "category" else "v")
    if not isinstance(items, list):
        raise AnswerError("a column's values are missing")
    return len(items)


def _decode_ndarray(data: dict[str, Any], depth: int, budget: Budget, inner: Decoder) -> Any:
    shape = _field(data, "shape", list, "shape")
    if len(shape) > MAX_DIMENSIONS:
        raise AnswerError(f"its array has more than {MAX_DIMENSIONS} dimensions")
    sizes = [_whole(n, "array size", 0) for n in shape]
    sent = _count(data.get("values"))
    if math.prod(sizes) != sent:
        raise AnswerError(
            f"its shape {_clip(str(sizes))} holds {math.prod(sizes):,} values, "
            f"but {sent:,} were sent"
        )
    flat = _decode_column(data.get("values"), depth + 1, budget, inner, numpy=True)
    return flat.reshape(sizes)


def _decode_np_scalar(data: dict[str, Any], depth: int, budget: Budget, inner: Decoder) -> Any:
    import numpy as np  # heavy: loaded on first use

    dtype = _field(data, "dtype", str, "dtype")
    budget.charge(_OBJECT, "a NumPy number")
    times, text = _TIME_DTYPE.fullmatch(dtype), _TEXT_DTYPE.fullmatch(dtype)
    if times is not None:
        kind = f"{times[1]}[{_time_unit(times[2])}]" if times[2] else times[1]
        number = _whole(data.get("v"), "time")
        return np.array([number], dtype="i8").view(kind)[0]
    if text is not None:
        value = inner(data.get("v"), depth + 1, budget=budget)
        if type(value) is not (bytes if text[1] == "|S" else str):
            raise AnswerError("a NumPy text holds something other than text")
        return np.bytes_(value) if isinstance(value, bytes) else np.str_(value)
    if dtype not in NUMPY_DTYPES or dtype == "object":
        raise AnswerError(f"{_clip(dtype)!r} is not a NumPy dtype the grader reads")
    value = inner(data.get("v"), depth + 1, budget=budget)
    if type(value) not in (bool, int, float, complex):
        raise AnswerError("a NumPy number holds something other than a number")
    with np.errstate(all="ignore"):
        return np.dtype(dtype).type(value)


def _decode_index(data: Any, depth: int, budget: Budget, inner: Decoder) -> Any:
    import pandas as pd  # heavy: loaded on first use

    if not isinstance(data, dict):
        raise AnswerError("an index is not in the answers format")
    kind = data.get("kind")
    if kind == "range":
        numbers = range(*(_whole(data.get(k), "range index") for k in ("start", "stop", "step")))
        budget.charge(_PANDAS + len(numbers) * 8, f"a range index of {len(numbers):,} rows")
        return pd.RangeIndex(
            numbers.start,
            numbers.stop,
            numbers.step,
            name=inner(data.get("name"), depth + 1, budget=budget),
        )
    if kind == "multi":
        names = _field(data, "names", list, "index names")
        levels = [
            _decode_column(level, depth + 1, budget, inner)
            for level in _field(data, "levels", list, "index levels")
        ]
        if not levels or len(names) != len(levels) or len({len(v) for v in levels}) != 1:
            raise AnswerError("its index levels do not have the same lengths and names")
        budget.charge(_PANDAS * len(levels) + 2 * sum(len(v) for v in levels) * 8, "a multi-index")
        return pd.MultiIndex.from_arrays(
            levels, names=[inner(n, depth + 1, budget=budget) for n in names]
        )
    if kind == "plain":
        values = _decode_column(data.get("values"), depth + 1, budget, inner)
        budget.charge(_PANDAS, "an index")
        return pd.Index(
            values, name=inner(data.get("name"), depth + 1, budget=budget), dtype=_as_is(values)
        )
    raise AnswerError("its index is of an unknown kind")


def _as_is(values: Any) -> Any:
    """``object`` for an array of objects (else pandas 3 would infer ``str`` from text)."""
    import numpy as np  # heavy: loaded on first use

    return object if isinstance(values, np.ndarray) and values.dtype.kind == "O" else None


def _decode_frame(data: dict[str, Any], depth: int, budget: Budget, inner: Decoder) -> Any:
    import pandas as pd  # heavy: loaded on first use

    columns = _decode_index(data.get("columns"), depth + 1, budget, inner)
    index = _decode_index(data.get("index"), depth + 1, budget, inner)
    before = budget.used
    arrays = [
        _decode_column(c, depth + 1, budget, inner) for c in _field(data, "data", list, "data")
    ]
    if len(arrays) != len(columns) or any(len(a) != len(index) for a in arrays):
        raise AnswerError("its columns do not match its data")
    budget.charge(
        budget.used - before + _PANDAS * (1 + len(arrays)),
        "a table (pandas copies its columns into one block)",
    )
    frame = pd.DataFrame(
        {i: pd.Series(a, index=index, copy=False, dtype=_as_is(a)) for i, a in enumerate(arrays)},
        index=index,
    )
    frame.columns = columns
    return frame


def _decode_series(data: dict[str, Any], depth: int, budget: Budget, inner: Decoder) -> Any:
    import pandas as pd  # heavy: loaded on first use

    values = _decode_column(data.get("values"), depth + 1, budget, inner)
    index = _decode_index(data.get("index"), depth + 1, budget, inner)
    if len(values) != len(index):
        raise AnswerError("its values do not match its index")
    budget.charge(_PANDAS, "a Series")
    return pd.Series(
        values,
        index=index,
        dtype=_as_is(values),
        name=inner(data.get("name"), depth + 1, budget=budget),
    )


def _decode_pdindex(data: dict[str, Any], depth: int, budget: Budget, inner: Decoder) -> Any:
    return _decode_index(data.get("index"), depth + 1, budget, inner)


_LIBRARY = {
    "np": _decode_np_scalar,
    "ndarray": _decode_ndarray,
    "frame": _decode_frame,
    "series": _decode_series,
    "pdindex": _decode_pdindex,
}
