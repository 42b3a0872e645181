"""Reading one part of an answer the grader was sent: checked to be of the exact JSON type
expected, within bounds, and quoted shortly in a message when it is not.

Time zones are read here too, only by IANA name (``"Asia/Dhaka"``), ``"UTC"`` or a fixed
offset (``"+06:00"``), never from a file path.  Everything here raises
:class:`~.stand_ins.AnswerError` for what it refuses.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import zoneinfo
from typing import Any

from smm_helpers.grading.sandbox.answers.budget import _OBJECT, MAX_INT_DIGITS, Budget
from smm_helpers.grading.sandbox.answers.dtypes import TIME_UNITS
from smm_helpers.grading.sandbox.answers.stand_ins import AnswerError


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
    smm_helpers.grading.sandbox.answers.stand_ins.AnswerError: its count is missing or malformed
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
    smm_helpers.grading.sandbox.answers.stand_ins.AnswerError: its number is not a whole number of at most 4,300 digits
    """  # noqa: E501
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 10**MAX_INT_DIGITS:
        return value
    if not isinstance(value, str) or not _DIGITS.fullmatch(value):
        raise AnswerError(f"its {what} is not a whole number of at most {MAX_INT_DIGITS:,} digits")
    return int(value)


def _float(value: Any, what: str) -> float:
    """A float from JSON: a number, or ``{"float": "nan"}`` (or ``inf``, ``-inf``)."""
    if isinstance(value, dict) and len(value) == 1 and value.get("float") in ("nan", "inf", "-inf"):
        return float(value["float"])
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    raise AnswerError(f"its {what} is not a number")


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
    smm_helpers.grading.sandbox.answers.stand_ins.AnswerError: '/etc/passwd' is not a time zone: give an IANA name such as 'Asia/Dhaka', 'UTC' or an offset such as '+06:00'
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
    if not isinstance(name, str) or not _ZONE_NAME.fullmatch(name) or name not in _zone_names():
        raise AnswerError(
            f"{_clip(name)!r} is not a time zone: give an IANA name such as "
            "'Asia/Dhaka', 'UTC' or an offset such as '+06:00'"
        )
    return zoneinfo.ZoneInfo(name)


def _time_unit(unit: Any, *, pandas: bool = False) -> str:
    """A ``datetime64``/``timedelta64`` unit from :data:`TIME_UNITS` (s–ns for pandas)."""
    allowed = ("s", "ms", "us", "ns") if pandas else TIME_UNITS
    if unit not in allowed:
        raise AnswerError(f"its time unit {_clip(unit)!r} is not one of {', '.join(allowed)}")
    return str(unit)
