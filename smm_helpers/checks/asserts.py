"""Checks for assignments' test cells, in the same voice as the lessons' self-checks.

An nbgrader test cell is plain Python: it passes when it runs without an error and fails on
the first ``AssertionError``.  These helpers raise that error with a message a learner can act
on — what was expected, what they gave, and a hint — and never the right answer itself, so
the same helpers serve visible tests (run by the learner) and hidden tests (run at grading).

Visible checks go type → shape → values::

    expect_type(er_by_platform, pd.Series, "er_by_platform")
    expect_labels(er_by_platform, ["facebook", "instagram"], "er_by_platform")
    expect_between(er_by_platform, 0, 1, "er_by_platform", hint="divide by reach")

>>> expect_between(0.031, 0, 1, "rate")
>>> expect_between(3.1, 0, 1, "rate")
Traceback (most recent call last):
...
AssertionError: ✗ Not yet (rate). It should be between 0 and 1, but it is 3.1.
Hint: That looks like a percentage: give the rate as a fraction (e.g. 0.05 for 5%).
"""

from __future__ import annotations

import math
import numbers
import string
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.messages import ngettext
from smm_helpers.i18n.numbers import LATIN_DIGITS, digits

__all__ = [
    "expect_between",
    "expect_close",
    "expect_equal",
    "expect_labels",
    "expect_one_of",
    "expect_true",
    "expect_type",
]


def _fail(name: str, message: str, hint: str | None = None) -> AssertionError:
    """The failure a learner reads, in the chosen language (a caller's own ``hint`` too, when
    the catalog has it)."""
    # a name that is a phrase ("the er_reach target") is words for the learner; a variable
    # name is code and stays as the learner wrote it
    shown = _(name) if " " in name.strip() else name
    lines = [_("✗ Not yet ({name}). {message}").format(name=shown, message=message).rstrip()]
    if hint:
        lines.append(_("Hint: {hint}").format(hint=_(hint)))
    return AssertionError("\n".join(lines))


def _type_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    names = []
    for k in kinds:
        module = k.__module__
        if module.startswith("pandas"):
            names.append(_("a pandas {kind}").format(kind=k.__name__))
        elif k is float:
            names.append(_("a number (float)"))
        elif k is int:
            names.append(_("a whole number (int)"))
        elif k is str:
            names.append(_('text (a str, in quotes like "facebook")'))
        else:
            names.append(_("a {kind}").format(kind=k.__name__))
    return _(" or ").join(names)


def _show(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, numbers.Real):
        return float(value)
    item = getattr(value, "item", None)  # numpy scalars
    if callable(item) and getattr(value, "size", None) == 1:
        inner = item()
        return float(inner) if isinstance(inner, numbers.Real) else None
    return None


def expect_type(
    value: Any, kind: type | tuple[type, ...], name: str, hint: str | None = None
) -> None:
    """Fail unless ``value`` is an instance of ``kind`` (``float`` also accepts ints and numpy).

    >>> expect_type(0.5, float, "rate")
    >>> expect_type("0.5", float, "rate", hint="Leave out the quotes.")
    Traceback (most recent call last):
    ...
    AssertionError: ✗ Not yet (rate). It should be a number (float), but it is a str: '0.5'.
    Hint: Leave out the quotes.
    """
    if kind is float and _number(value) is not None:
        return
    if isinstance(value, kind):
        return
    raise _fail(
        name,
        _("It should be {expected}, but it is a {kind}: {value}.").format(
            expected=_type_name(kind), kind=type(value).__name__, value=_show(value)
        ),
        hint,
    )


def _nfc(text: Any) -> Any:
    """Text in NFC (one way of writing each Bengali letter); anything else unchanged."""
    return unicodedata.normalize("NFC", text) if isinstance(text, str) else text


def _same(value: Any, expected: Any) -> bool:
    """Whether a learner's ``value`` is ``expected`` written either way: NFC, Bengali digits
    for Latin ones, a Bengali name or option for its English (only Bengali text is read this
    way, so an English answer is compared exactly as before).

    >>> _same("২০২৫-১১-১৭", "2025-11-17"), _same("কোনো স্পষ্ট বিজয়ী নেই", "no clear winner")
    (True, True)
    >>> _same("ফেসবুক", "facebook"), _same("Facebook", "facebook"), _same(("৩", 11), ("3", 11))
    (True, False, True)
    >>> _same(("মঙ্গলবার", 11), ("Tuesday", 11)), _same("বুধবার", "Tuesday")
    (True, False)
    """
    if isinstance(value, tuple) and isinstance(expected, tuple):
        return len(value) == len(expected) and all(
            _same(mine, theirs) for mine, theirs in zip(value, expected, strict=True)
        )
    if _nfc(value) == _nfc(expected):
        return True
    if not (isinstance(value, str) and isinstance(expected, str)) or value.isascii():
        return False
    if _nfc(value).translate(LATIN_DIGITS) == _nfc(expected):
        return True
    # heavy: loads regex on first use
    from smm_helpers.checks.reading import ENGLISH_DAYS, forms_of, plain, read_weekday

    if forms_of([expected]).get(plain(value)) == plain(expected):
        return True
    weekday = read_weekday(expected)  # "মঙ্গলবার" for "Tuesday"
    return (
        weekday is not None and plain(expected) in ENGLISH_DAYS and read_weekday(value) == weekday
    )


def _labelled_values(value: Any) -> dict[str, Any] | None:
    if isinstance(value, Mapping):
        return {_nfc(str(k)): v for k, v in value.items()}
    items = getattr(value, "items", None)
    if callable(items) and hasattr(value, "index"):  # a pandas Series
        return {_nfc(str(k)): v for k, v in items()}
    return None


def expect_labels(value: Any, expected: Iterable[Any], name: str, hint: str | None = None) -> None:
    """Fail unless a Series (or dict) has exactly the ``expected`` labels, in any order.

    Labels are compared in NFC, so Bengali labels match however they were typed.  The
    message counts the missing labels without naming them (hidden tests must not give the
    answer away); labels the learner added are theirs, and are named.

    >>> expect_labels({"facebook": 0.1, "x": 0.2}, ["x", "facebook"], "rates")
    >>> expect_labels({"facebook": 0.1, "myspace": 0.3}, ["x", "tiktok", "facebook"], "rates")
    Traceback (most recent call last):
    ...
    AssertionError: ✗ Not yet (rates). It has 2 entries but should have 3: 2 labels are ...
    >>> try:
    ...     expect_labels({"facebook": 0.1, "myspace": 0.3}, ["x", "tiktok", "facebook"], "r")
    ... except AssertionError as failure:
    ...     print(str(failure).split(": ", 1)[1])
    2 labels are missing, and 1 is not expected ('myspace').
    Hint: Compare your labels with the ones the question asks for.
    """
    labelled = _labelled_values(value)
    if labelled is None:
        raise _fail(
            name,
            _("It should have one value per label, but it is a {kind}.").format(
                kind=type(value).__name__
            ),
            hint,
        )
    want = [_nfc(str(e)) for e in expected]
    missing = [w for w in want if w not in labelled]
    extra = [k for k in labelled if k not in want]
    if not missing and not extra:
        return
    shown = ", ".join(repr(e) for e in extra[:3]) + (", …" if len(extra) > 3 else "")
    if missing and extra:
        why = (
            ngettext(
                "{missing} label is missing, and {extra} is not expected ({shown})",
                "{missing} labels are missing, and {extra} is not expected ({shown})",
                len(missing),
            )
            if len(extra) == 1
            else ngettext(
                "{missing} label is missing, and {extra} are not expected ({shown})",
                "{missing} labels are missing, and {extra} are not expected ({shown})",
                len(missing),
            )
        )
    elif missing:
        why = ngettext("{missing} label is missing", "{missing} labels are missing", len(missing))
    else:
        why = ngettext(
            "{extra} is not expected ({shown})", "{extra} are not expected ({shown})", len(extra)
        )
    why = why.format(missing=digits(len(missing)), extra=digits(len(extra)), shown=shown)
    has = ngettext(
        "It has {count} entry but should have {expected}: {why}.",
        "It has {count} entries but should have {expected}: {why}.",
        len(labelled),
    )
    raise _fail(
        name,
        has.format(count=digits(len(labelled)), expected=digits(len(want)), why=why),
        hint or _("Compare your labels with the ones the question asks for."),
    )


def expect_between(value: Any, low: float, high: float, name: str, hint: str | None = None) -> None:
    """Fail unless a number (or every value of a Series/dict) lies in ``[low, high]``.

    A fraction given as a percentage gets its own hint when no other hint is given.

    >>> expect_between({"facebook": 0.02, "x": 4.0}, 0, 1, "rates")
    Traceback (most recent call last):
    ...
    AssertionError: ✗ Not yet (rates). It should be between 0 and 1, but 'x' is 4.
    Hint: That looks like a percentage: give the rate as a fraction (e.g. 0.05 for 5%).
    """
    labelled = _labelled_values(value)
    pairs = list(labelled.items()) if labelled is not None else [(None, value)]
    for label, item in pairs:
        number = _number(item)
        bounds = {"low": digits(f"{low:g}"), "high": digits(f"{high:g}")}
        if number is None or math.isnan(number):
            message = (
                _("It should be a number between {low} and {high}, but it is {value}.")
                if label is None
                else _("It should be a number between {low} and {high}, but {label} is {value}.")
            )
            raise _fail(name, message.format(**bounds, label=repr(label), value=_show(item)), hint)
        if not low <= number <= high:
            if hint is None and high <= 1 < number <= 100:
                hint = _(
                    "That looks like a percentage: give the rate as a fraction (e.g. 0.05 for 5%)."
                )
            message = (
                _("It should be between {low} and {high}, but it is {value}.")
                if label is None
                else _("It should be between {low} and {high}, but {label} is {value}.")
            )
            raise _fail(
                name, message.format(**bounds, label=repr(label), value=digits(f"{number:g}")), hint
            )


def _within(got: float, target: float, rel_tol: float, places: int | None) -> bool:
    if math.isclose(got, target, rel_tol=rel_tol, abs_tol=1e-12):
        return True
    return places is not None and abs(got - target) <= 0.5 * 10**-places + 1e-12


def _rounding_hint(got: float, target: float, places: int | None) -> str | None:
    """A hint when ``got`` is ``target`` rounded to fewer places than asked (never the value)."""
    if places is None:
        return None
    for fewer in range(places - 1, -1, -1):
        shorter = round(target, fewer)
        if shorter != 0 and math.isclose(got, shorter, rel_tol=1e-9, abs_tol=1e-12):
            return ngettext(
                "That looks rounded to {fewer} decimal place: round to {places}, "
                "or don't round at all.",
                "That looks rounded to {fewer} decimal places: round to {places}, "
                "or don't round at all.",
                fewer,
            ).format(fewer=digits(fewer), places=digits(places))
    return None


def expect_close(
    value: Any,
    expected: Any,
    name: str,
    *,
    rel_tol: float = 1e-6,
    places: int | None = None,
    hint: str | None = None,
) -> None:
    """Fail unless ``value`` is close to ``expected`` — numbers, or Series/dicts by label.

    ``places`` is the precision the question states ("rounded to 3 decimal places"): any
    answer within it passes, as does an unrounded one; an answer rounded to fewer places
    gets a rounding hint instead of ``hint``.  The message shows the learner's value, never
    the expected one, so hidden tests can use it without giving the answer away.

    >>> expect_close(0.835, 0.83467, "rate", places=3)
    >>> expect_close(0.83, 0.83467, "rate", places=3, hint="Leave spam out.")
    Traceback (most recent call last):
    ...
    AssertionError: ✗ Not yet (rate). Your value 0.83 is not the one computed from your data.
    Hint: That looks rounded to 2 decimal places: round to 3, or don't round at all.

    >>> expect_close(0.0312, 0.0312000001, "rate")
    >>> expect_close(0.05, 0.0312, "rate", hint="Divide by reach, not impressions.")
    Traceback (most recent call last):
    ...
    AssertionError: ✗ Not yet (rate). Your value 0.05 is not the one computed from your data.
    Hint: Divide by reach, not impressions.
    >>> expect_close({"x": 0.1}, {"x": 0.2}, "rates")
    Traceback (most recent call last):
    ...
    AssertionError: ✗ Not yet (rates). Your value for 'x' (0.1) is not the one computed ...
    """
    want = _labelled_values(expected)
    if want is None:
        got, target = _number(value), _number(expected)
        if target is None:
            raise InputError(
                _("expect_close for {name} needs a number to compare with, not {kind}").format(
                    name=repr(name), kind=type(expected).__name__
                ),
                fix=_("pass the expected number or a Series of numbers"),
            )
        if got is None or not _within(got, target, rel_tol, places):
            rounding = _rounding_hint(got, target, places) if got is not None else None
            raise _fail(
                name,
                _("Your value {value} is not the one computed from your data.").format(
                    value=_show(value)
                ),
                rounding or hint,
            )
        return
    expect_labels(value, want, name, hint)
    have = _labelled_values(value) or {}
    for label, target_item in want.items():
        got, target = _number(have[label]), _number(target_item)
        if got is None or target is None or not _within(got, target, rel_tol, places):
            rounding = (
                _rounding_hint(got, target, places)
                if got is not None and target is not None
                else None
            )
            raise _fail(
                name,
                _(
                    "Your value for {label} ({value}) is not the one computed from your data."
                ).format(label=repr(label), value=_show(have[label])),
                rounding or hint,
            )


def expect_one_of(value: Any, allowed: Iterable[Any], name: str, hint: str | None = None) -> None:
    """Fail unless ``value`` is one of ``allowed`` (the list is shown: it is not the answer).

    >>> expect_one_of("myspace", ["facebook", "x"], "best_platform")
    Traceback (most recent call last):
    ...
    AssertionError: ✗ Not yet (best_platform). 'myspace' is not one of: 'facebook', 'x'.
    """
    options = list(allowed)
    if any(_same(value, option) for option in options):
        return
    raise _fail(
        name,
        _("{value} is not one of: {options}.").format(
            value=_show(value), options=", ".join(repr(o) for o in options)
        ),
        hint,
    )


def expect_equal(value: Any, expected: Any, name: str, hint: str | None = None) -> None:
    """Fail unless ``value == expected``; the message shows the learner's value only.

    >>> expect_equal("facebook", "tiktok", "best_platform", hint="Look for the highest rate.")
    Traceback (most recent call last):
    ...
    AssertionError: ✗ Not yet (best_platform). 'facebook' is not the answer your data gives.
    Hint: Look for the highest rate.
    """
    if _same(value, expected):
        return
    raise _fail(
        name, _("{value} is not the answer your data gives.").format(value=_show(value)), hint
    )


def expect_true(
    condition: Any, name: str, message: str, hint: str | None = None, **values: Any
) -> None:
    """Fail with ``message`` unless ``condition`` is true: for checks the others don't cover.

    >>> expect_true(False, "smart_goal", "It is missing: time-bound.", hint="Add a date.")
    Traceback (most recent call last):
    ...
    AssertionError: ✗ Not yet (smart_goal). It is missing: time-bound.
    Hint: Add a date.

    A message that shows values names them, and they are filled in after it is translated
    (so a translator sees the whole sentence, and may move the values):

    >>> expect_true(False, "best_slot", "It has {count} items, not 2.", count=3)
    Traceback (most recent call last):
    ...
    AssertionError: ✗ Not yet (best_slot). It has 3 items, not 2.
    >>> from smm_helpers.i18n.messages import in_language
    >>> with in_language("bn"):
    ...     expect_true(False, "split", "It spends {spent:,.0f} taka.", spent=50_000.0)
    Traceback (most recent call last):
    ...
    AssertionError: ✗ এখনো হয়নি (split)। It spends ৫০,০০০ taka.
    """
    if not condition:
        text = _(message)
        raise _fail(name, _VALUES.vformat(text, (), values) if values else text, hint)


class _NumbersInTheLanguage(string.Formatter):
    """``str.format``, with each number (after its format spec) in the language's digits."""

    def format_field(self, value: Any, format_spec: str) -> str:
        shown = super().format_field(value, format_spec)
        plain_number = isinstance(value, numbers.Number) and not isinstance(value, bool)
        return digits(shown) if plain_number else shown


_VALUES = _NumbersInTheLanguage()
