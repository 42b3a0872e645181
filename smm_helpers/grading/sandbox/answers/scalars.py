"""Reading the single values of an answer: ``None``, booleans, numbers, text and bytes,
dates and times, decimals, fractions, ranges and pandas' ``Timestamp``, ``Timedelta``,
``NaT`` and ``NA``, each charged to the budget before it is built.

:data:`_SCALARS` maps each tag the encoder writes (``"int"``, ``"date"``...) to its reader.
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import fractions
import re
from typing import Any

from smm_helpers.grading.sandbox.answers.budget import (
    _CONTAINER,
    _OBJECT,
    _SLOT,
    MAX_INT_DIGITS,
    Budget,
)
from smm_helpers.grading.sandbox.answers.reading import (
    _field,
    _float,
    _int_text,
    _text,
    _time_unit,
    _whole,
    time_zone,
)
from smm_helpers.grading.sandbox.answers.stand_ins import AnswerError


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
    import pandas as pd  # heavy: loaded on first use

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
        raise AnswerError(
            "its decimal is not a number of at most 4,300 digits with an "
            "exponent of at most ±10,000"
        )
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
    import numpy as np  # heavy: loaded on first use
    import pandas as pd  # heavy: loaded on first use

    budget.charge(_OBJECT, "a timestamp")
    if data.get("v") is None:
        return pd.NaT
    unit = _time_unit(data.get("unit"), pandas=True)
    number = _whole(data.get("v"), "timestamp")
    stamp = pd.Timestamp(np.array([number], dtype="i8").view(f"datetime64[{unit}]")[0])
    tz = data.get("tz")
    return stamp if tz is None else stamp.tz_localize("UTC").tz_convert(time_zone(tz))


def _decode_timedelta64(data: dict[str, Any], budget: Budget) -> Any:
    import numpy as np  # heavy: loaded on first use
    import pandas as pd  # heavy: loaded on first use

    budget.charge(_OBJECT, "a timedelta")
    unit = _time_unit(data.get("unit"), pandas=True)
    number = _whole(data.get("v"), "timedelta")
    return pd.Timedelta(np.array([number], dtype="i8").view(f"timedelta64[{unit}]")[0])


_SCALARS = {
    "none": _decode_none,
    "bool": _decode_bool,
    "int": _decode_int,
    "float": _decode_float,
    "complex": _decode_complex,
    "str": _decode_str,
    "bytes": _decode_bytes,
    "na": _decode_na,
    "date": _decode_date,
    "time": _decode_time,
    "datetime": _decode_datetime,
    "timedelta": _decode_timedelta,
    "decimal": _decode_decimal,
    "fraction": _decode_fraction,
    "range": _decode_range,
    "timestamp": _decode_timestamp,
    "timedelta64": _decode_timedelta64,
}
