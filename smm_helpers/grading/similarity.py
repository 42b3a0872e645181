"""Possible copying, for the instructor to review: answers, written answers and code that
two learners share although each learner's work should be their own.

Each learner's data is personal (generated from their id), so an answer *computed from the
data* differs between learners.  Two learners with the same such answer is strong evidence
that one copied it, and when the value is one learner's own correct answer (it passed
their tests) and not the other's, it says who copied from whom.  Identical written answers
and identical code are weaker evidence, for review.  Nothing here changes a score.

Four steps, each in its own section below:

1. **Fingerprints of answers** (:func:`answer_print`): the trusted test runner
   (:mod:`smm_helpers.grading.sandbox.runner`) fingerprints each answer it reads from a
   learner, once per name, and the sandboxed execute step writes them into its report.
   A fingerprint is a SHA-256 of the *value*, not of how it is stored: a Series typed in
   from a friend's printout (``pd.Series({"facebook": 0.0081, ...})``) has another index
   type and name than the friend's computed ``groupby`` result, yet holds the same labels
   and the very same floats, so both get one fingerprint.  Floats count exactly (their
   shortest ``repr``), integers equal integral floats, NumPy scalars their Python values,
   text is compared in Unicode NFC, and what has no order (a set, a dict, a Series' labels)
   is combined in an order-free way.  Each fingerprint comes with a rough count of the
   information in the value (``bits``): a shared ``0`` or ``"tiktok"`` is never evidence.
   (The answers package's own encoding keeps those storage details, so a hash of it would
   miss exactly that copy; its table of SMM Lab's value types is used as it is.)
2. **Saved prints** (:func:`save_prints`): after each notebook is graded, its fingerprints,
   which names each test read, and fingerprints of the learner's written answers and
   answer code go to ``<course>/similarity/<assignment>/<learner>.json``.
3. **Review** (:func:`review`): every pair of learners of an assignment with saved prints
   (learners graded in earlier runs included), grouped by fingerprint, never compared pair
   by pair.  An answer is *personal* when the learners who passed the tests reading it
   (full points in the gradebook) nearly all have answers of their own.
4. **Reports** (:func:`write_similarity_csv`, :func:`summary_lines`): one CSV for the
   instructor, and lines for the autograde summary.

>>> import pandas as pd
>>> computed = pd.Series([0.25, 0.125], name="er",
...                      index=pd.CategoricalIndex(["x", "tiktok"], name="platform"))
>>> typed = pd.Series({"tiktok": 0.125, "x": 0.25})
>>> answer_print(computed).sha256 == answer_print(typed).sha256
True
>>> answer_print(typed).sha256 == answer_print(pd.Series({"tiktok": 0.125, "x": 0.2501})).sha256
False
"""

from __future__ import annotations

import ast
import contextlib
import csv
import datetime as dt
import decimal
import fractions
import hashlib
import io
import json
import math
import os
import re
import tempfile
import tokenize
import types
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smm_helpers.grading import safe_files
from smm_helpers.grading.instructor_cells import nbgrader_meta, plan_from_source, rebuild
from smm_helpers.grading.sandbox.answers.value_types import VALUE_TYPES, _tag_of

if TYPE_CHECKING:
    from smm_helpers.grading.course import Course
from smm_helpers.grading.problems import Problem

MAX_ITEMS = 250_000
"""The most values (numbers, texts, labels, containers) one answer's fingerprint walks; a
bigger answer gets none, so fingerprinting never takes long (no copier types a table of a
quarter of a million values by hand)."""
MIN_BITS = 32
"""The information (about bits) a shared value must hold to count as evidence: a full
float has about 53, ``"instagram"`` about 13, a small count about 6."""
MIN_WRITTEN_CHARS = 40
"""Shorter written answers (after normalising, see :func:`normalise_text`) are not compared."""
MIN_CODE_CHARS = 60
"""Shorter answer code (after normalising, see :func:`normalise_code`) is not compared;
code of a single statement is not either."""
CROWD_SHARE = 1 / 3
"""A value shared by more than this share of the class (and more than :data:`CROWD_MIN`
learners) is common knowledge, not evidence of copying."""
CROWD_MIN = 3
PERSONAL_SHARE = 2 / 3
"""An answer is personal when the learners who passed its tests have at least this many
different answers per learner (and at least two): their correct answers differ."""
MAX_SUMMARY_LINES = 12
FOLDER = "similarity"
"""The folder of the course that holds saved prints and ``similarity.csv``."""
CSV_COLUMNS = ("assignment", "learner", "other_learner", "kind", "where", "strength", "detail")
_TEXT_INLINE = 4096
_CHUNK = 1 << 20
_KEY_WEIGHT = 0.25
"""Labels (a dict's keys, a Series' index) count for little: they are mostly the same for
everyone (platform names, weekdays)."""
_LOG2_10 = math.log2(10)
_HEX = re.compile(r"[0-9a-f]{64}")


# ============================================================================ 1. answers
@dataclass(frozen=True)
class AnswerPrint:
    """The fingerprint of one answer: its SHA-256 (hex) and about how many bits it holds."""

    sha256: str
    bits: int


class _NoPrint(Exception):
    """The value gets no fingerprint (a stand-in, an unknown kind, too big)."""


def answer_print(value: Any, *, max_items: int = MAX_ITEMS) -> AnswerPrint | None:
    """The fingerprint of an answer as the grader decoded it, or ``None`` (see the module).

    ``None`` for what is not a learner's value (a function, a missing or unreadable answer,
    a kind the answers package does not build) and for a value of more than ``max_items``
    items.  Never raises.

    >>> import numpy as np
    >>> answer_print({"a": 1.5, "b": [1, "x"]}) == answer_print({"b": (1.0, "x"), "a": np.float64(1.5)})
    True
    >>> answer_print(0.1 + 0.2) == answer_print(0.3), answer_print(3).bits, answer_print(0.1).bits
    (False, 2, 3)
    >>> answer_print(print) is None, answer_print(list(range(10)), max_items=5) is None
    (True, True)
    """  # noqa: E501
    walker = _Walker(max_items)
    try:
        token = walker.token(value, 0, 1.0)
    except Exception:  # _NoPrint, RecursionError, MemoryError, a library's own refusal
        return None
    digest = hashlib.sha256(b"smm-answer-print-1\0" + token).hexdigest()
    return AnswerPrint(digest, min(round(walker.bits), 1 << 20))


def _framed(token: bytes) -> bytes:
    return len(token).to_bytes(8, "big") + token


def _nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _digits(mantissa: str) -> int:
    """Significant digits of a float's ``repr`` (its exponent left out)."""
    return len(mantissa.split("e")[0].replace("-", "").replace(".", "").lstrip("0"))


class _Walker:
    """Turns a value into one token (see :func:`answer_print`), counting items and bits."""

    def __init__(self, max_items: int) -> None:
        self.left = max_items
        self.bits = 0.0

    def token(self, value: Any, depth: int, weight: float) -> bytes:
        self.left -= 1
        if self.left < 0:
            raise _NoPrint("too many items")
        if depth > 100:
            raise _NoPrint("nested too deeply")
        kind = type(value)
        if value is None:
            return b"null"
        if kind is bool:
            self.bits += weight
            return b"?1" if value else b"?0"
        if kind is int:
            return self._int(value, weight)
        if kind is float:
            return self._float(value, weight)
        if kind is str:
            return self._text(value, weight)
        if kind in (list, tuple, range):
            return self._sequence(iter(value), depth, weight)
        if kind in (dict, types.MappingProxyType):
            return self._mapping(iter(value.items()), depth, weight)
        if kind in (set, frozenset):
            return self._bag(iter(value), depth, weight)
        if kind in (bytes, bytearray):
            self.bits += 4 * weight * len(value)
            data = bytes(value)
            return (
                b"b:" + data if len(data) <= _TEXT_INLINE else b"B:" + hashlib.sha256(data).digest()
            )
        module = kind.__module__.split(".")[0]
        if module in ("smm_helpers", "numpy", "pandas"):
            return self._library(value, kind, module, depth, weight)
        return self._standard(value, kind, weight)

    # ---------------------------------------------------------------- single values
    def _int(self, value: int, weight: float) -> bytes:
        self.bits += weight * abs(value).bit_length()
        return b"n:" + str(value).encode()

    def _float(self, value: float, weight: float) -> bytes:
        if math.isnan(value):
            return b"null"
        if math.isinf(value):
            return b"n:inf" if value > 0 else b"n:-inf"
        if value.is_integer():
            return self._int(int(value), weight)
        text = repr(value)
        self.bits += weight * _LOG2_10 * _digits(text)
        return b"n:" + text.encode()

    def _text(self, value: str, weight: float) -> bytes:
        text = _nfc(value)
        self.bits += 1.5 * weight * len(text)
        if len(text) <= _TEXT_INLINE:
            return b"s:" + text.encode("utf-8", "surrogatepass")
        digest = hashlib.sha256()
        for start in range(0, len(text), _CHUNK):
            digest.update(text[start : start + _CHUNK].encode("utf-8", "surrogatepass"))
        return b"S:" + digest.digest()

    def _standard(self, value: Any, kind: type, weight: float) -> bytes:
        """Dates and times, decimals, fractions and complex numbers (the standard library's)."""
        if kind is dt.datetime:
            self.bits += 16 * weight
            return b"t:" + value.isoformat().encode()
        if kind is dt.date:
            self.bits += 10 * weight
            return b"D:" + value.isoformat().encode()
        if kind is dt.time:
            self.bits += 10 * weight
            return b"T:" + value.isoformat().encode()
        if kind is dt.timedelta:
            nanoseconds = (value.days * 86_400 + value.seconds) * 10**9 + value.microseconds * 1000
            return self._duration(nanoseconds, weight)
        if kind is decimal.Decimal:
            if not value.is_finite():
                return b"null" if value.is_nan() else b"n:" + str(float(value)).encode()
            if value == value.to_integral_value():
                return self._int(int(value), weight)
            self.bits += weight * _LOG2_10 * len(value.normalize().as_tuple().digits)
            return b"dec:" + str(value.normalize()).encode()
        if kind is fractions.Fraction:
            if value.denominator == 1:
                return self._int(value.numerator, weight)
            self.bits += weight * (
                abs(value.numerator).bit_length() + value.denominator.bit_length()
            )
            return f"q:{value.numerator}/{value.denominator}".encode()
        if kind is complex:
            if value.imag == 0:
                return self._float(value.real, weight)
            self._float(value.real, weight)
            self._float(value.imag, weight)
            return b"c:" + repr(value).encode()
        raise _NoPrint(f"no fingerprint for {kind.__qualname__}")

    def _duration(self, nanoseconds: int, weight: float) -> bytes:
        self.bits += weight * min(abs(nanoseconds).bit_length(), 24)
        return b"td:" + str(nanoseconds).encode()

    # ---------------------------------------------------------------- containers
    def _sequence(self, items: Iterator[Any], depth: int, weight: float) -> bytes:
        digest = hashlib.sha256(b"seq\0")
        count = 0
        for item in items:
            digest.update(_framed(self.token(item, depth + 1, weight)))
            count += 1
        digest.update(b"\0" + str(count).encode())
        return b"#" + digest.digest()

    def _mapping(self, pairs: Iterator[tuple[Any, Any]], depth: int, weight: float) -> bytes:
        """Pairs in any order: the sum of each pair's digest, so order does not matter."""
        total, count = 0, 0
        for key, item in pairs:
            pair = _framed(self.token(key, depth + 1, weight * _KEY_WEIGHT)) + _framed(
                self.token(item, depth + 1, weight)
            )
            total += int.from_bytes(hashlib.sha256(pair).digest(), "big")
            count += 1
        return self._combined(b"map", total, count)

    def _bag(self, items: Iterator[Any], depth: int, weight: float) -> bytes:
        total, count = 0, 0
        for item in items:
            token = self.token(item, depth + 1, weight)
            total += int.from_bytes(hashlib.sha256(token).digest(), "big")
            count += 1
        return self._combined(b"set", total, count)

    @staticmethod
    def _combined(tag: bytes, total: int, count: int) -> bytes:
        body = tag + b"\0" + str(count).encode() + b"\0" + (total % 2**256).to_bytes(32, "big")
        return b"#" + hashlib.sha256(body).digest()

    # ---------------------------------------------------------------- libraries
    def _library(self, value: Any, kind: type, module: str, depth: int, weight: float) -> bytes:
        if module == "smm_helpers":
            return self._registered(value, kind, depth)
        import numpy as np  # heavy: loaded on first use
        import pandas as pd  # heavy: loaded on first use

        if value is pd.NA or value is pd.NaT:
            return b"null"
        if isinstance(value, pd.Timestamp):
            self.bits += 16 * weight
            return b"t:" + value.isoformat().encode()
        if isinstance(value, pd.Timedelta):
            return self._duration(int(value.value), weight)
        if isinstance(value, np.datetime64 | np.timedelta64):
            if np.isnat(value):
                return b"null"
            self.left += 1
            return self.token(
                pd.Timestamp(value) if isinstance(value, np.datetime64) else pd.Timedelta(value),
                depth,
                weight,
            )
        if isinstance(value, np.generic):
            item = value.item()
            if type(item) is kind:  # a NumPy type with no Python twin (long double, ...)
                raise _NoPrint(f"no fingerprint for {kind.__qualname__}")
            self.left += 1  # one item, whichever type holds it
            return self.token(item, depth, weight)
        if isinstance(value, np.ndarray):
            return self._array(value, depth, weight)
        if isinstance(value, pd.DataFrame):
            columns = ((label, value.iloc[:, i]) for i, label in enumerate(value.columns))
            return self._mapping(columns, depth, weight)
        if isinstance(value, pd.Series):
            index = value.index
            if type(index) is pd.RangeIndex and index.start == 0 and index.step == 1:
                return self._sequence(iter(value), depth, weight)
            return self._mapping(value.items(), depth, weight)
        if isinstance(value, pd.Index | pd.api.extensions.ExtensionArray):
            return self._sequence(iter(value), depth, weight)
        raise _NoPrint(f"no fingerprint for {kind.__qualname__}")

    def _array(self, value: Any, depth: int, weight: float) -> bytes:
        if value.ndim == 0:
            return self.token(value[()], depth, weight)
        if value.ndim > 1:
            return self._sequence(iter(value), depth, weight)
        if value.dtype.kind in "mM":
            return self._sequence((value[i] for i in range(len(value))), depth, weight)
        return self._sequence(
            (
                item
                for start in range(0, len(value), 4096)
                for item in value[start : start + 4096].tolist()
            ),
            depth,
            weight,
        )

    def _registered(self, value: Any, kind: type, depth: int) -> bytes:
        """SMM Lab's value types, by their tag and fields in the answers package's table."""
        tag = _tag_of(kind)
        if tag is None:
            raise _NoPrint(f"no fingerprint for {kind.__qualname__}")
        spec = VALUE_TYPES[tag]
        if spec.build == "member":
            self.bits += 2
            return f"m:{tag}:{value.name}".encode()
        digest = hashlib.sha256(b"smm:" + tag.encode() + b"\0")
        for name in spec.fields:
            digest.update(_framed(name.encode()))
            digest.update(_framed(self.token(getattr(value, name), depth + 1, 1.0)))
        return b"#" + digest.digest()


# ============================================================================ 2. work
def normalise_text(text: str) -> str:
    """A written answer as it is compared: NFC, case-folded, spaces collapsed.

    >>> normalise_text("  Focus on  TikTok\\n first. ")
    'focus on tiktok first.'
    """
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


_SKIPPED = {
    tokenize.COMMENT,
    tokenize.NL,
    tokenize.NEWLINE,
    tokenize.INDENT,
    tokenize.DEDENT,
    tokenize.ENCODING,
    tokenize.ENDMARKER,
}


def normalise_code(code: str) -> tuple[str, int]:
    """Code as it is compared — without comments, blank lines or spaces outside strings,
    each string in one kind of quotes — and how many statements (logical lines) it has.

    >>> normalise_code("x = 1  # one\\n\\n# a note\\ny = 'a  b'\\n")
    ("x=1y='a  b'", 2)
    >>> normalise_code('y = "a  b"')
    ("y='a  b'", 1)
    >>> normalise_code("%env A=1\\nx = (1,\\n     2)")
    ('%envA=1x=(1,2)', 2)
    """
    text = unicodedata.normalize("NFC", code)
    kept: list[str] = []
    statements = 0
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.NEWLINE:
                statements += 1
            if token.type == tokenize.STRING:
                kept.append(_literal(token.string))
            elif token.type not in _SKIPPED:
                kept.append(token.string.strip())
    except (tokenize.TokenError, SyntaxError, ValueError):
        lines = [
            line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
        ]
        return "".join("".join(lines).split()), len(lines)
    return "".join(kept), statements


def _literal(text: str) -> str:
    """A string literal written one way, whatever its quotes (an f-string as it is)."""
    try:
        return repr(ast.literal_eval(text))
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return text


def _solution_code(source: str) -> str:
    """The instructor's solution cell as a learner would write it (markers left out)."""
    return "\n".join(
        line
        for line in source.splitlines()
        if not line.strip().upper().startswith(("### BEGIN SOLUTION", "### END SOLUTION"))
    )


def _source_text(cell: Mapping[str, Any]) -> str:
    source = cell.get("source")
    if isinstance(source, list):
        return "".join(line for line in source if isinstance(line, str))
    return source if isinstance(source, str) else ""


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def work_prints(submitted: Any, source: Any) -> dict[str, dict[str, dict[str, Any]]]:
    """Fingerprints of a submission's written answers and answer code, by grade_id.

    ``submitted`` and ``source`` are notebooks' JSON (any JSON for ``submitted``); the cells
    are the ones grading uses (:func:`~smm_helpers.grading.instructor_cells.rebuild`).
    Left out: what equals the released cell, written answers under
    :data:`MIN_WRITTEN_CHARS` characters and code under :data:`MIN_CODE_CHARS` or of a
    single statement.

    >>> from smm_helpers.grading.instructor_cells import _code
    >>> source = {"cells": [_code("### BEGIN SOLUTION\\nx = 1\\n### END SOLUTION",
    ...                           grade_id="x_answer", solution=True)]}
    >>> mine = {"cells": [_code("total = 0\\nfor value in [10, 20, 30, 40, 50, 60]:\\n"
    ...                         "    total += value * value\\nx = total  # squares",
    ...                         grade_id="x_answer", solution=True)]}
    >>> prints = work_prints(mine, source)
    >>> prints["code"]["x_answer"]["chars"], prints["written"]
    (62, {})
    >>> work_prints({"cells": [_code("x = 2", grade_id="x_answer", solution=True)]}, source)
    {'written': {}, 'code': {}}
    """
    plan = plan_from_source(source)
    solutions = {
        nbgrader_meta(c).get("grade_id"): _solution_code(_source_text(c))
        for c in source.get("cells", [])
        if isinstance(c, dict)
    }
    out: dict[str, dict[str, dict[str, Any]]] = {"written": {}, "code": {}}
    for cell in rebuild(submitted, plan).cells:
        grade_id = nbgrader_meta(cell).get("grade_id")
        mine = plan.by_id(grade_id) if isinstance(grade_id, str) else None
        if mine is None or mine.role not in ("written", "answer"):
            continue
        text = cell["source"]
        if mine.role == "written":
            written = normalise_text(text)
            if len(written) >= MIN_WRITTEN_CHARS and written != normalise_text(mine.source):
                out["written"][mine.grade_id] = {"sha256": _sha(written), "chars": len(written)}
            continue
        code, statements = normalise_code(text)
        if len(code) < MIN_CODE_CHARS or statements < 2 or code == normalise_code(mine.source)[0]:
            continue
        solution = normalise_code(solutions.get(mine.grade_id, ""))[0]
        out["code"][mine.grade_id] = {
            "sha256": _sha(code),
            "chars": len(code),
            "solution": code == solution,
        }
    return out


# ============================================================================ 3. saved prints
def _checked_name(name: str, what: str) -> str:
    if not name or name in (".", "..") or any(c in name for c in "/\\\x00"):
        raise ValueError(f"{what} {name!r} cannot name a file")
    return name


def _prints_file(course: Course, assignment: str, learner: str) -> Path:
    return (
        course.folder
        / FOLDER
        / _checked_name(assignment, "the assignment")
        / f"{_checked_name(learner, 'the learner id')}.json"
    )


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _read_json(path: Path) -> Any:
    """A JSON file read without following a link (``None`` if it cannot be read)."""
    try:
        return json.loads(safe_files.read_file(path).decode("utf-8"))
    except (OSError, safe_files.Refused, UnicodeDecodeError, ValueError, RecursionError):
        return None


def _answers_of(report: Mapping[str, Any]) -> dict[str, Any]:
    """The fingerprints and reads of a sandbox report, only in the shapes it writes."""
    answers = report.get("answers")
    bits = report.get("answer_bits")
    reads = report.get("reads")
    answers = (
        {
            n: h
            for n, h in answers.items()
            if isinstance(n, str) and isinstance(h, str) and _HEX.fullmatch(h)
        }
        if isinstance(answers, dict)
        else {}
    )
    bits = bits if isinstance(bits, dict) else {}
    reads = (
        {
            g: [n for n in names if isinstance(n, str)]
            for g, names in reads.items()
            if isinstance(g, str) and isinstance(names, list)
        }
        if isinstance(reads, dict)
        else {}
    )
    return {
        "answers": answers,
        "answer_bits": {
            n: int(b)
            for n, b in bits.items()
            if n in answers and isinstance(b, int) and not isinstance(b, bool)
        },
        "reads": reads,
    }


def save_prints(
    course: Course, assignment: str, learner: str, notebook: str, report: Mapping[str, Any]
) -> None:
    """Keep one graded notebook's fingerprints for :func:`review`.

    ``report`` is the sandbox's report of the notebook (``answers``, ``answer_bits`` and
    ``reads``; see :mod:`smm_helpers.grading.sandbox.execute`); the written answers and
    answer code are read from the submitted notebook, without following links.  Stored in
    ``<course>/similarity/<assignment>/<learner>.json``, written atomically, replacing what
    an earlier grading of that notebook left.  Only a file that cannot be written raises.
    """
    path = _prints_file(course, assignment, learner)
    saved = _read_json(path)
    notebooks = saved.get("notebooks") if isinstance(saved, dict) else None
    notebooks = notebooks if isinstance(notebooks, dict) else {}
    entry = _answers_of(report if isinstance(report, Mapping) else {})
    entry |= {"written": {}, "code": {}}
    submitted = _read_json(course.path("submitted") / learner / assignment / f"{notebook}.ipynb")
    source = _read_json(course.source_dir / assignment / f"{notebook}.ipynb")
    if isinstance(submitted, dict) and isinstance(source, dict):
        with contextlib.suppress(Exception):  # a broken source: grading said so already
            entry |= work_prints(submitted, source)
    notebooks[notebook] = entry
    _write_atomically(
        path,
        json.dumps(
            {"learner": learner, "assignment": assignment, "notebooks": notebooks},
            indent=1,
            sort_keys=True,
        ),
    )


def forget_prints(course: Course, assignment: str, learner: str) -> None:
    """Remove a learner's saved prints of an assignment (before grading them anew, so a
    notebook no longer graded leaves nothing behind)."""
    with contextlib.suppress(FileNotFoundError):
        _prints_file(course, assignment, learner).unlink()


def load_prints(course: Course, assignment: str) -> dict[str, dict[str, Any]]:
    """Every learner's saved prints of an assignment: learner → notebook → prints."""
    folder = course.folder / FOLDER / assignment
    found: dict[str, dict[str, Any]] = {}
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob("*.json")):
        saved = _read_json(path)
        if (
            not isinstance(saved, dict)
            or saved.get("learner") != path.stem
            or not isinstance(saved.get("notebooks"), dict)
        ):
            continue
        found[path.stem] = {
            nb: entry
            for nb, entry in saved["notebooks"].items()
            if isinstance(nb, str) and isinstance(entry, dict)
        }
    return found


# ============================================================================ 4. review
KINDS = ("personal answer", "written answer", "code")
STRENGTHS = ("strong", "review")


@dataclass(frozen=True)
class Match:
    """Two learners who share an answer, a written answer or code (see :func:`review`).

    ``where`` is the answer's name, or the grade_id of the written answer or code cell
    (``notebook/…`` when the notebook is not named after the assignment).  ``owned`` says
    the value is ``other``'s own correct answer (it passed their tests), not ``learner``'s.
    """

    assignment: str
    learner: str
    other: str
    kind: str
    where: str
    strength: str
    detail: str
    owned: bool = False

    def row(self) -> list[str]:
        """The match as a row of ``similarity.csv`` (see :data:`CSV_COLUMNS`)."""
        return [
            self.assignment,
            self.learner,
            self.other,
            self.kind,
            self.where,
            self.strength,
            self.detail,
        ]


def _passes(course: Course, assignment: str) -> dict[tuple[str, str, str], bool]:
    """(learner, notebook, grade_id) → full points, for every graded cell in the gradebook."""
    # heavy: loaded on first use
    from nbgrader.api import (
        Assignment,
        Grade,
        GradeCell,
        Notebook,
        Student,
        SubmittedAssignment,
        SubmittedNotebook,
    )

    with course.gradebook() as gb:
        rows = (
            gb.db.query(Student.id, Notebook.name, GradeCell.name, Grade.score, GradeCell.max_score)
            .select_from(Grade)
            .join(GradeCell, GradeCell.id == Grade.cell_id)
            .join(SubmittedNotebook, SubmittedNotebook.id == Grade.notebook_id)
            .join(Notebook, Notebook.id == SubmittedNotebook.notebook_id)
            .join(SubmittedAssignment, SubmittedAssignment.id == SubmittedNotebook.assignment_id)
            .join(Assignment, Assignment.id == SubmittedAssignment.assignment_id)
            .join(Student, Student.id == SubmittedAssignment.student_id)
            .filter(Assignment.name == assignment)
            .all()
        )
    return {
        (learner, notebook, grade_id): float(score or 0) >= float(most) - 1e-9
        for learner, notebook, grade_id, score, most in rows
        if most and most > 0
    }


def review(
    course: Course, assignment: str, *, passes: Mapping[tuple[str, str, str], bool] | None = None
) -> list[Match]:
    """Possible copying among the learners of ``assignment`` with saved prints.

    - **personal answers** (strong): two learners with the same fingerprint for a personal
      answer (see the module) holding at least :data:`MIN_BITS` bits.  When one of them
      passed the tests reading it and the other did not, the value is the first one's own
      answer (``owned``, and ``other`` is that learner).
    - **written answers** and **code** (review): identical after normalising
      (:func:`work_prints`).

    A value shared by more than :data:`CROWD_SHARE` of the class is left out.  ``passes``
    ((learner, notebook, grade_id) → full points) defaults to the course's gradebook.
    """
    prints = load_prints(course, assignment)
    if len(prints) < 2:
        return []
    if passes is None:
        try:
            passes = _passes(course, assignment)
        except Exception:  # no gradebook, or not this assignment: no answer is known right
            passes = {}
    crowd = max(CROWD_MIN, len(prints) * CROWD_SHARE)
    matches: list[Match] = []
    notebooks = sorted({nb for by_nb in prints.values() for nb in by_nb})
    for notebook in notebooks:
        matches += _personal(assignment, notebook, prints, passes, crowd)
        for kind, part in (("written answer", "written"), ("code", "code")):
            matches += _identical(assignment, notebook, prints, kind, part, crowd)
    order = {s: i for i, s in enumerate(STRENGTHS)}
    return sorted(
        matches,
        key=lambda m: (order.get(m.strength, 9), m.learner, m.other, KINDS.index(m.kind), m.where),
    )


def _where(assignment: str, notebook: str, name: str) -> str:
    return name if notebook == assignment else f"{notebook}/{name}"


def _personal(
    assignment: str,
    notebook: str,
    prints: Mapping[str, Mapping[str, Any]],
    passes: Mapping[tuple[str, str, str], bool],
    crowd: float,
) -> list[Match]:
    tests: dict[str, set[str]] = defaultdict(set)  # answer name → grade_ids reading it
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)  # (name, print) → learners
    bits: dict[tuple[str, str], int] = {}
    for learner, by_nb in prints.items():
        entry = by_nb.get(notebook, {})
        for grade_id, names in (entry.get("reads") or {}).items():
            for name in names:
                tests[name].add(grade_id)
        held = entry.get("answer_bits") or {}
        for name, digest in (entry.get("answers") or {}).items():
            groups[(name, digest)].append(learner)
            bits[(name, digest)] = max(bits.get((name, digest), 0), int(held.get(name, 0)))

    def passed(learner: str, name: str) -> bool:
        graded = [g for g in tests.get(name, ()) if (learner, notebook, g) in passes]
        return bool(graded) and all(passes[(learner, notebook, g)] for g in graded)

    correct: dict[str, list[str]] = defaultdict(list)  # name → prints of those who passed
    for (name, digest), learners in groups.items():
        correct[name] += [digest for learner in learners if passed(learner, name)]
    personal = {
        name
        for name, found in correct.items()
        if len(set(found)) >= 2 and len(set(found)) >= PERSONAL_SHARE * len(found)
    }
    matches: list[Match] = []
    for (name, digest), learners in sorted(groups.items()):
        if (
            name not in personal
            or not 2 <= len(learners) <= crowd
            or bits[(name, digest)] < MIN_BITS
        ):
            continue
        owners = sorted(lr for lr in learners if passed(lr, name))
        others = sorted(lr for lr in learners if lr not in owners)
        read_by = ", ".join(sorted(tests.get(name, ())))
        place = _where(assignment, notebook, name)
        for learner, other in _pairs(owners, others):
            if other in owners and learner not in owners:
                detail = (
                    f"{learner}'s {name} equals {other}'s own answer (computed from "
                    f"{other}'s data); it is not right for {learner}'s own data "
                    f"(test {read_by})"
                )
                matches.append(
                    Match(
                        assignment,
                        learner,
                        other,
                        "personal answer",
                        place,
                        "strong",
                        detail,
                        owned=True,
                    )
                )
            elif learner in owners:
                detail = (
                    f"{learner} and {other} have the same {name}, and it passed the "
                    f"tests of both ({read_by}) although each learner's data differ"
                )
                matches.append(
                    Match(assignment, learner, other, "personal answer", place, "strong", detail)
                )
            else:
                detail = (
                    f"{learner} and {other} have the same {name}, wrong for both: "
                    "it is computed from each learner's own data, so the same value "
                    "points to a shared source"
                )
                matches.append(
                    Match(assignment, learner, other, "personal answer", place, "strong", detail)
                )
    return matches


def _pairs(owners: list[str], others: list[str]) -> Iterator[tuple[str, str]]:
    """The pairs of a group with one value: everyone who does not own it with each owner
    (or, without owners, with each other); owners with each other."""
    for learner in others:
        for owner in owners:
            yield learner, owner
    for group in (owners,) if owners else (others,):
        for i, learner in enumerate(group):
            for other in group[i + 1 :]:
                yield learner, other


def _identical(
    assignment: str,
    notebook: str,
    prints: Mapping[str, Mapping[str, Any]],
    kind: str,
    part: str,
    crowd: float,
) -> list[Match]:
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    facts: dict[tuple[str, str], Mapping[str, Any]] = {}
    for learner, by_nb in prints.items():
        for grade_id, found in (by_nb.get(notebook, {}).get(part) or {}).items():
            if isinstance(found, dict) and isinstance(found.get("sha256"), str):
                groups[(grade_id, found["sha256"])].append(learner)
                facts[(grade_id, found["sha256"])] = found
    matches = []
    for (grade_id, digest), learners in sorted(groups.items()):
        if not 2 <= len(learners) <= crowd:
            continue
        found = facts[(grade_id, digest)]
        if kind == "code" and found.get("solution"):
            continue  # the instructor's own solution: every learner who gets it right may
            # write it word for word, so two who did are no evidence of copying each other
        if kind == "code":
            detail = f"identical code ({found.get('chars')} characters without comments and spaces)"
        else:
            detail = (
                f"identical written answer ({found.get('chars')} characters, ignoring "
                "case and spacing)"
            )
        if len(learners) > 2:
            detail += f"; {len(learners)} learners share it"
        for learner, other in _pairs([], sorted(learners)):
            matches.append(
                Match(
                    assignment,
                    learner,
                    other,
                    kind,
                    _where(assignment, notebook, grade_id),
                    "review",
                    detail,
                )
            )
    return matches


# ============================================================================ 5. reports
def saved_assignments(course: Course) -> list[str]:
    """The assignments with saved prints, sorted."""
    folder = course.folder / FOLDER
    return (
        sorted(p.name for p in folder.iterdir() if p.is_dir() and any(p.glob("*.json")))
        if folder.is_dir()
        else []
    )


def write_similarity_csv(
    course: Course, matches: Mapping[str, Iterable[Match]] | Iterable[Match] | None = None
) -> Path:
    """Write ``<course>/similarity/similarity.csv`` (columns :data:`CSV_COLUMNS`) for every
    assignment with saved prints, and return its path.

    ``matches`` are those already found (by assignment, or a list); every other assignment
    with saved prints is reviewed here.  The file is rewritten each time, atomically, with
    its header even when nothing matched.
    """
    given: dict[str, list[Match]] = {}
    if isinstance(matches, Mapping):
        given = {a: list(found) for a, found in matches.items()}
    elif matches is not None:
        for match in matches:
            given.setdefault(match.assignment, []).append(match)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for assignment in sorted(set(saved_assignments(course)) | set(given)):
        found = given[assignment] if assignment in given else review(course, assignment)
        writer.writerows(match.row() for match in found)
    path = course.folder / FOLDER / "similarity.csv"
    _write_atomically(path, out.getvalue())
    return path


def copying_problems(matches: Iterable[Match]) -> list[Problem]:
    """One "possible copying" problem per pair of learners, strong evidence first, on the
    row of the learner whose answer matched another's (``Match.learner``); the raw ids
    stay in the problem (the summary shows them :func:`~smm_helpers.grading.problems.
    printable`).

    >>> [problem] = copying_problems([
    ...     Match("01-x", "ar1001", "bo2002", "personal answer", "er_by_platform", "strong",
    ...           "...", owned=True),
    ...     Match("01-x", "ar1001", "bo2002", "code", "er_answer", "review", "...")])
    >>> print(problem)
    ar1001, 01-x — possible copying: personal answer er_by_platform equals bo2002's own; \
code in er_answer is identical to bo2002's (for you to review in similarity/similarity.csv; \
no points were taken)
    """
    pairs: dict[tuple[str, str, str], list[Match]] = {}
    for match in matches:
        pairs.setdefault((match.assignment, match.learner, match.other), []).append(match)

    def strongest(found: list[Match]) -> int:
        return min(STRENGTHS.index(m.strength) if m.strength in STRENGTHS else 9 for m in found)

    problems = []
    for (assignment, learner, other), found in sorted(
        pairs.items(), key=lambda item: (strongest(item[1]), item[0])
    ):
        parts = []
        for match in sorted(
            found,
            key=lambda m: (
                STRENGTHS.index(m.strength) if m.strength in STRENGTHS else 9,
                KINDS.index(m.kind) if m.kind in KINDS else 9,
            ),
        ):
            if match.kind == "personal answer":
                parts.append(
                    f"personal answer {match.where} equals {other}'s own"
                    if match.owned
                    else f"personal answer {match.where} is the same as {other}'s"
                )
            elif match.kind == "code":
                parts.append(f"code in {match.where} is identical to {other}'s")
            else:
                parts.append(f"{match.kind} {match.where} is identical to {other}'s")
        weaker = "" if strongest(found) == 0 else " (weaker evidence)"
        problems.append(
            Problem(
                "possible copying",
                assignment,
                "; ".join(parts) + weaker + f" (for you to review in {FOLDER}/similarity.csv; no "
                "points were taken)",
                learner,
            )
        )
    return problems


def summary_lines(matches: Iterable[Match]) -> list[str]:
    """Lines for a summary: one per pair of learners, strong evidence first (at most
    :data:`MAX_SUMMARY_LINES`), learner ids shown printable.

    >>> lines = summary_lines([Match("01-x", "ar\\x1b[2K1001", "bo2002", "personal answer",
    ...                              "er_by_platform", "strong", "...", owned=True)])
    >>> print("\\n".join(lines))
    ⚠ ar\\x1b[2K1001, 01-x — possible copying: personal answer er_by_platform equals \
bo2002's own (for you to review in similarity/similarity.csv; no points were taken)
    """
    problems = copying_problems(matches)
    lines = [f"⚠ {problem}" for problem in problems[:MAX_SUMMARY_LINES]]
    if len(problems) > MAX_SUMMARY_LINES:
        lines.append(
            f"⚠ possible copying: {len(problems) - MAX_SUMMARY_LINES} more pairs of "
            f"learners in {FOLDER}/similarity.csv"
        )
    return lines
