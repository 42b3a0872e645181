"""Answers built fresh in the grader from the plain data a learner's kernel sent.

Everything read is untrusted: only the allowlist is built (:func:`decode_value`), every
size is checked and charged to the budget before anything is allocated, and one answer
that cannot be read becomes an :class:`~.stand_ins.Unreadable` stand-in rather than an
error (:func:`decode`).  Single values are read in :mod:`.scalars`, NumPy and pandas
values in :mod:`.columns`; containers and SMM Lab's value types here.
"""

from __future__ import annotations

import json
import types
from typing import Any

import smm_helpers.grading.sandbox.answers.value_types as value_types
from smm_helpers.grading.sandbox.answers.budget import (
    _CONTAINER,
    _ENTRY,
    _SLOT,
    MAX_DEPTH,
    MAX_INT_DIGITS,
    MAX_JSON_CHARS,
    Budget,
    _size,
)
from smm_helpers.grading.sandbox.answers.columns import _LIBRARY
from smm_helpers.grading.sandbox.answers.reading import _clip, _field
from smm_helpers.grading.sandbox.answers.scalars import _SCALARS
from smm_helpers.grading.sandbox.answers.stand_ins import (
    AnswerError,
    FunctionAnswer,
    Missing,
    Unreadable,
)
from smm_helpers.grading.sandbox.answers.value_types import (
    _check_field,
    _registered_class,
)


def decode_value(data: Any, depth: int = 0, *, budget: Budget | None = None) -> Any:
    """Build a value from its plain-data form (see :func:`decode`); only the allowlist.

    Without ``budget``, the value may take :data:`ANSWER_BYTES`.

    >>> decode_value({"t": "list", "v": [{"t": "int", "v": "1"}, {"t": "str", "v": "a"}]})
    [1, 'a']
    >>> decode_value({"t": "dataclass", "cls": "os:system", "fields": {}})
    Traceback (most recent call last):
    ...
    smm_helpers.grading.sandbox.answers.stand_ins.AnswerError: os:system is not an SMM Lab class the grader rebuilds: answers name SMM Lab's types by tag, never by class
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
        raise AnswerError(
            f"{_clip(data.get('cls'))} is not an SMM Lab class the grader "
            "rebuilds: answers name SMM Lab's types by tag, never by class"
        )
    if tag in _LIBRARY:
        return _LIBRARY[tag](data, depth, budget, decode_value)
    raise AnswerError(f"it has an unknown kind {_clip(tag)!r}")


# ------------------------------------------------------------------ containers

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
        return {
            decode_value(k, depth + 1, budget=budget): decode_value(v, depth + 1, budget=budget)
            for k, v in pairs
        }
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
    if not isinstance(tag, str) or tag not in value_types.VALUE_TYPES:
        raise AnswerError(f"{_clip(tag)!r} is not an SMM Lab class the grader knows")
    spec = value_types.VALUE_TYPES[tag]
    budget.charge(_CONTAINER + len(spec.fields) * _ENTRY, f"a {tag}")
    if spec.build == "member":
        member = data.get("member")
        members = _registered_class(tag).__members__
        if not isinstance(member, str) or member not in members:
            raise AnswerError(f"{_clip(member)!r} is not a member of {tag}")
        return members[member]
    given = _field(data, "fields", dict, f"{tag}'s fields")
    unknown, missing = (
        sorted(set(given) - set(spec.fields)),
        [name for name in spec.fields if name not in given],
    )
    if unknown or missing:
        raise AnswerError(
            f"its fields are not those of {tag} (unknown: "
            f"{', '.join(_clip(n, 30) for n in unknown[:5]) or 'none'}; "
            f"missing: {', '.join(missing[:5]) or 'none'})"
        )
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
    return (
        len(text) * 4
        + 232 * text.count("{")
        + 96 * text.count("[")
        + 128 * text.count(":")
        + 64 * text.count(",")
    )


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
    smm_helpers.grading.sandbox.answers.stand_ins.AnswerError: the answers nest too deeply to read
    """
    if not isinstance(text, str):
        raise AnswerError("the answers are not text")
    if len(text) > MAX_JSON_CHARS:
        raise AnswerError(f"the answers are over {MAX_JSON_CHARS:,} characters")
    notebook = budget if budget is not None else Budget()
    left = notebook.limit - notebook.used
    if _parse_bytes(text) > left:
        raise AnswerError(
            f"reading the answers would take more than the {_size(left)} left "
            "of the notebook's budget"
        )
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
    return {
        str(name): _decode_named(str(name), data, budget=notebook) for name, data in raw.items()
    }


def _decode_named(name: str, data: Any, *, budget: Budget | None = None) -> Any:
    """One answer: a value, or a stand-in (:class:`Missing`, :class:`FunctionAnswer`,
    :class:`Unreadable`); never an error.  ``budget`` is the notebook's :class:`Budget`."""
    tag = data.get("t") if isinstance(data, dict) else None
    if tag == "missing":
        return Missing(name)
    if tag == "error":
        return Unreadable(name, f"a value that could not be read ({_clip(data.get('why'), 300)})")
    if tag == "opaque":
        return Unreadable(
            name, f"a {_clip(data.get('type'), 200)!r} object ({_clip(data.get('where'), 200)})"
        )
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
