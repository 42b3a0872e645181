"""Reading a learner's answer, typed in English or Bengali: one place for every judge.

A learner may answer ``600`` or ``"৬০০"``, ``"১,২৩,৪৫৬ টাকা"``, ``"১২.৫%"``, ``"মঙ্গলবার সকাল
৯টা"`` or ``"৩০ নভেম্বর ২০২৭"``.  The judges in :mod:`smm_helpers.checks.judges` ask these
functions what such an answer says, so every numeric, date, time, weekday, name and choice
check reads Bengali the same way:

- text is compared in NFC, without invisible joiners (:func:`fold_text`);
- Bengali digits (০–৯) are digits, with ``.`` (or the word দশমিক) as the decimal point and
  commas grouping thousands either way, ``1,234,567`` or lakh-style ``১২,৩৪,৫৬৭``;
- ``%``, ৳, টাকা, ঘণ্টা, a counting word such as ``৪টি`` ... are units (:func:`read_amount`);
- weekday and month names come from Babel's ``bn`` locale (and English), with the
  spellings people also use (রোববার, জানুয়ারী ...);
- the other Bengali words (names of platforms and clients, Bengali forms of options, day
  parts such as সকাল) are data, in ``answer_words.csv`` beside this module.

>>> read_amount("১,২৩,৪৫৬ টাকা")
Amount(value=123456.0, unit='BDT')
>>> read_date("৩০শে নভেম্বর, ২০২৭"), read_slot("মঙ্গলবার সকাল ৯টা")
(datetime.date(2027, 11, 30), (1, 9, 0))
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from importlib import resources
from typing import Any

import regex

from smm_helpers.errors import DataError
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import BENGALI_DIGITS as TO_BENGALI
from smm_helpers.i18n.numbers import LATIN_DIGITS

__all__ = [
    "BENGALI_DIGITS",
    "Amount",
    "answer_words",
    "fold_text",
    "forms_of",
    "in_bengali_digits",
    "number_from_text",
    "parse_words",
    "plain",
    "read_amount",
    "read_clock",
    "read_date",
    "read_slot",
    "read_weekday",
    "stems",
]

BENGALI_DIGITS = LATIN_DIGITS
"""Bengali digits (০–৯) and the digits 0–9 they stand for (``i18n.numbers.LATIN_DIGITS``)."""

WORDS_FILE = "answer_words.csv"
"""The table of Bengali (and other) words the answers are read with, beside this module."""

KINDS = {
    "name": (
        "another spelling of a name (platform, client): "  # i18n: not shown
        "the name the checks compare"
    ),
    "answer": (
        "a form of an option (of a choice or list question), "  # i18n: not shown
        "as the checks compare it"
    ),
    "same": "a spelling or word that means the same as the second one",  # i18n: not shown
    "unit": (
        "a unit written with a number: "  # i18n: not shown
        "BDT, USD, percent, hours, minutes, days, count"
    ),
    "day_part": "a part of the day and the hours it spans, e.g. 4-11",  # i18n: not shown
}
"""The kinds of row in ``answer_words.csv`` and what each means (for the table's editors)."""

UNITS = ("BDT", "USD", "percent", "hours", "minutes", "days", "count")

CASE_ENDINGS = tuple(
    sorted(
        {
            unicodedata.normalize("NFC", e)
            for e in (
                "এ",
                "ে",
                "য়",
                "তে",
                "কে",
                "র",
                "ের",
                "দের",
                "রা",
                "েরা",
                "গুলো",
                "গুলি",
                "টি",
                "টা",
                "টির",
                "টার",
                "য়ের",
                "য়ে",
                "এর",
                "এ",
            )
        },
        key=len,
        reverse=True,
    )
)
"""Bengali case and plural endings (ফেসবুক**ে**, মঙ্গলবার**ে**, নভেম্বর**ের**), longest first."""


def fold_text(text: Any) -> str:
    """Text in one Unicode form (NFC) without invisible joiners, ready to compare.

    A Bengali letter such as য় may be typed as one code point or as two (য + ◌়);
    after folding they are the same.

    >>> fold_text("\u09df") == fold_text("\u09af\u09bc")
    True
    """
    text = unicodedata.normalize("NFC", str(text))
    return text.replace("\u200c", "").replace("\u200d", "")


def in_bengali_digits(value: Any) -> str:
    """A number written with Bengali digits, as a learner may type it (for test answers).

    >>> in_bengali_digits(0.685)
    '০.৬৮৫'
    """
    return str(value).translate(TO_BENGALI)


# --------------------------------------------------------------------------- the word table


@cache
def answer_words() -> dict[str, dict[str, str]]:
    """The rows of ``answer_words.csv`` by kind: ``{kind: {word: what it means}}``.

    >>> answer_words()["name"]["টুইটার"], answer_words()["unit"]["৳"]
    ('x', 'BDT')
    """
    text = (resources.files("smm_helpers.checks") / WORDS_FILE).read_text(encoding="utf-8")
    return parse_words(text)


def parse_words(text: str, file: str = WORDS_FILE) -> dict[str, dict[str, str]]:
    """Read a table of answer words (CSV: kind, word, means, note), checking every row.

    Names and options are folded as answers are (:func:`plain`, without the ``same``
    rows), so they match however the learner typed them; units and day parts are kept as
    typed, lower case.

    >>> parse_words("kind,word,means,note\\nname,ফেসবুক,Facebook,\\n")["name"]
    {'ফেসবুক': 'facebook'}
    >>> parse_words("kind,word,means,note\\nunit,ঘণ্টা,hour,\\n")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: answer_words.csv, line 2, column 'means': 'hour' is not a unit...
    """
    found: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
    for line, row in enumerate(csv.DictReader(text.splitlines()), start=2):
        kind, word, means = (row.get(k) or "" for k in ("kind", "word", "means"))
        if kind not in KINDS:
            raise DataError(
                _("{kind} is not a kind of word the checks know").format(kind=repr(kind)),
                fix=_("use one of: {choices}").format(choices=", ".join(KINDS)),
                file=file,
                line=line,
                column="kind",
            )
        if not word.strip() or not means.strip():
            raise DataError(
                _("a row needs both a word and what it means"),
                fix=_("fill in the 'word' and 'means' columns"),
                file=file,
                line=line,
                column="means" if word.strip() else "word",
            )
        if kind == "unit" and means not in UNITS:
            raise DataError(
                _("{means} is not a unit the checks know").format(means=repr(means)),
                fix=_("use one of: {choices}").format(choices=", ".join(UNITS)),
                file=file,
                line=line,
                column="means",
            )
        if kind == "day_part" and not regex.fullmatch(r"\d{1,2}-\d{1,2}", means):
            raise DataError(
                _("{means} is not a span of hours").format(means=repr(means)),
                fix=_("write the first and last hour of the day part, e.g. 4-11"),
                file=file,
                line=line,
                column="means",
            )
        if kind in ("unit", "day_part"):  # read from text as typed, not as plain words
            found[kind][fold_text(word).casefold()] = means
        else:
            found[kind][_plain(word, same=False)] = _plain(means, same=False)
    return found


# --------------------------------------------------------------------------- names and options

_DROP = regex.compile(r"[\"'‘’“”`«»()\[\]{},;:.!?।॥…|]+")
_SPACE = regex.compile(r"[\s_\-–—/]+")
_JOINED_NI = regex.compile(r"(?<=\p{Bengali})\s+নি(?![\p{L}\p{M}])")


def _plain(text: Any, *, same: bool) -> str:
    folded = fold_text(text).casefold().translate(BENGALI_DIGITS)
    folded = _DROP.sub(" ", folded)
    folded = _JOINED_NI.sub("নি", " ".join(_SPACE.sub(" ", folded).split()))
    if not same:
        return folded
    variants = answer_words()["same"]
    return " ".join(variants.get(word, word) for word in folded.split())


def plain(text: Any) -> str:
    """An answer as names and options are compared: NFC, case-folded, digits 0–9,
    punctuation and ``_ -`` as spaces, one spelling of each word (``same`` rows).

    >>> plain("  Black-hat_SEO. "), plain("ঠিকমতো প্রকাশ করা হয় নি।"), plain("(m২)")
    ('black hat seo', 'ঠিকভাবে প্রকাশ করা হয়নি', 'm2')
    """
    return _plain(text, same=True)


def stems(word: str) -> list[str]:
    """``word`` and, when it is Bengali, the word without a case ending (longest stem first).

    >>> stems("ফেসবুকে"), stems("facebook")
    (['ফেসবুকে', 'ফেসবুক', 'ফেসবু'], ['facebook'])
    """
    found = [word]
    if word and not word.isascii():
        found += sorted(
            {word[: -len(e)] for e in CASE_ENDINGS if word.endswith(e) and len(word) - len(e) >= 2},
            key=len,
            reverse=True,
        )
    return found


# --------------------------------------------------------------------------- numbers


@dataclass(frozen=True)
class Amount:
    """A number as the learner wrote it, and the unit written with it (``None``: none).

    ``unit`` is one of ``UNITS``; ``number`` is the value a judge compares (a percentage
    as a fraction: ``12.5%`` is 0.125).
    """

    value: float
    unit: str | None = None

    @property
    def number(self) -> float:
        """The value to compare: a percentage as a fraction.

        >>> Amount(12.5, "percent").number
        0.125
        """
        return self.value / 100 if self.unit == "percent" else self.value


_NUMBER = regex.compile(r"(?P<sign>[+-]?)\s*(?P<digits>\d[\d,]*(?:\.\d+)?|\.\d+)")
_GROUPED = regex.compile(r"\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})*,\d{3}|\d+")
"""Thousands grouped the international way (1,234,567) or the lakh way (12,34,567)."""


def _units(text: str) -> list[str] | None:
    """The units written in ``text`` (words of ``unit`` rows), or None if it has others."""
    words = answer_words()["unit"]
    longest = sorted(words, key=len, reverse=True)
    found: list[str] = []
    rest = text.strip()
    while rest:
        word = next(
            (
                w
                for w in longest
                if rest.startswith(w)
                and (
                    len(rest) == len(w)
                    or not rest[len(w)].isascii()
                    or not rest[len(w)].isalnum()
                    or not w.isalnum()
                )
            ),
            None,
        )
        if word is None:
            return None
        found.append(words[word])
        rest = rest[len(word) :].strip()
    return found


def read_amount(text: Any) -> Amount | None:
    """A number written as text (English or Bengali digits, a unit or not); else None.

    >>> read_amount("৬০০"), read_amount("৪টি")
    (Amount(value=600.0, unit=None), Amount(value=4.0, unit='count'))
    >>> read_amount("১২.৫%"), read_amount("৳১,২০০")
    (Amount(value=12.5, unit='percent'), Amount(value=1200.0, unit='BDT'))
    >>> read_amount("−০.০৭১"), read_amount("০ দশমিক ৫")
    (Amount(value=-0.071, unit=None), Amount(value=0.5, unit=None))
    >>> read_amount("৩.৫ ঘণ্টা").unit, read_amount("12,34") is None, read_amount("a lot") is None
    ('hours', True, True)
    """
    if not isinstance(text, str):
        return None
    folded = fold_text(text).translate(BENGALI_DIGITS).casefold().replace("\u2212", "-")
    folded = regex.sub(r"\s*দশমিক\s*", ".", folded).strip().rstrip("।.!").strip()
    found = list(_NUMBER.finditer(folded))
    if len(found) != 1:
        return None
    match = found[0]
    digits = match["digits"]
    whole = digits.split(".")[0]
    if whole and not _GROUPED.fullmatch(whole):
        return None
    before, after = folded[: match.start()], folded[match.end() :]
    units = (_units(before) or []) + (_units(after) or [])
    if _units(before) is None or _units(after) is None:
        return None
    kinds = {u for u in units if u != "count"} or set(units)
    if len(kinds) > 1:
        return None
    value = float(digits.replace(",", ""))
    return Amount(-value if match["sign"] == "-" else value, next(iter(kinds), None))


def number_from_text(text: str) -> float | None:
    """The number a text says (a percentage as a fraction); ``None`` if it is not one.

    >>> number_from_text("০.৬৮৫"), number_from_text(" 1,234.5 "), number_from_text("a lot")
    (0.685, 1234.5, None)
    """
    amount = read_amount(text)
    return None if amount is None else amount.number


# --------------------------------------------------------------------------- weekdays, months


ENGLISH_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ENGLISH_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)


def _bengali_names(babel_names: Callable[..., Mapping[int, str]]) -> dict[str, int]:
    """Babel's ``bn`` names of days or months (``get_day_names``, ``get_month_names``), long
    and short, in both contexts, made plain, to their numbers."""
    names: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in babel_names(width, context=context, locale="bn").items():
                names[plain(name)] = number
    return names


@cache
def _weekday_names() -> dict[str, int]:
    """Weekday names and short forms, English and Bengali, to 0 (Monday) … 6 (Sunday)."""
    from babel.dates import get_day_names  # heavy: loaded on first use

    names = _bengali_names(get_day_names)
    names.update((name, day) for day, name in enumerate(ENGLISH_DAYS))
    return names


def read_weekday(text: Any) -> int | None:
    """The weekday a word names, 0 (Monday) to 6 (Sunday); None if it names none.

    English names and their first three letters or more; Bengali names from Babel's
    ``bn`` locale, short or long, with a case ending or a spelling people use.

    >>> read_weekday("মঙ্গলবারে"), read_weekday("Tue"), read_weekday("রোববার"), read_weekday("ক")
    (1, 1, 6, None)
    """
    word = plain(text)
    names = _weekday_names()
    for stem in stems(word):
        if stem in names:
            return names[stem]
    if word.isascii() and len(word) >= 3:
        return next((day for day, name in enumerate(ENGLISH_DAYS) if name.startswith(word)), None)
    return None


@cache
def _month_names() -> dict[str, int]:
    from babel.dates import get_month_names  # heavy: loaded on first use

    names = _bengali_names(get_month_names)
    for month, name in enumerate(ENGLISH_MONTHS, start=1):
        names[name] = names[name[:3]] = month
    names["sept"] = 9
    return names


def _month(word: str) -> int | None:
    names = _month_names()
    return next((names[s] for s in stems(plain(word)) if s in names), None)


# --------------------------------------------------------------------------- dates

_ORDINAL = regex.compile(r"(?<=\d)\s*(?:st|nd|rd|th|শে|লা|রা|ঠা|ই)(?![\p{L}\p{M}])")
_FILLER = regex.compile(r"^(?:সাল|সালের|সালে|তারিখ|তারিখে|তারিখের|of|the|on|ইং|খ্রিস্টাব্দ)$")
_ISO = regex.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ]\d{1,2}:\d{2}.*)?")
_NUMERIC = regex.compile(r"(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})")


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def read_date(answer: Any) -> date | None:
    """A date from a ``date``, ``datetime``, pandas ``Timestamp`` or text; else None.

    Text may be ISO (``2027-11-30``), day first (``30/11/2027``, as in Bangladesh; month
    first only when the day could not be a month), or with the month's name in English or
    Bengali, in any order, with a weekday, ordinal (৩০শে, 30th) or সাল / তারিখ around it.

    >>> read_date("২০২৭-১১-৩০"), read_date("২০২৭ সালের ৩০ নভেম্বর"), read_date("Nov 30, 2027")
    (datetime.date(2027, 11, 30), datetime.date(2027, 11, 30), datetime.date(2027, 11, 30))
    >>> read_date("মঙ্গলবার, ৩০/১১/২০২৭"), read_date("30 February 2027"), read_date("5 Jan")
    (datetime.date(2027, 11, 30), None, None)
    """
    if isinstance(answer, datetime):
        return answer.date()
    if isinstance(answer, date):
        return answer
    to_pydatetime = getattr(answer, "to_pydatetime", None)
    if callable(to_pydatetime):
        value = to_pydatetime()
        return value.date() if isinstance(value, datetime) else None
    if not isinstance(answer, str):
        return None
    text = fold_text(answer).translate(BENGALI_DIGITS).casefold().strip()
    iso = _ISO.fullmatch(text)
    if iso:
        return _day(*(int(g) for g in iso.groups()))
    text = _ORDINAL.sub("", text)
    words = [w for w in regex.split(r"[\s,।]+", text) if w]
    words = [w for w in words if read_weekday(w) is None and not _FILLER.match(w)]
    if len(words) == 1 and (numeric := _NUMERIC.fullmatch(words[0])):
        a, b, c = (int(g) for g in numeric.groups())
        if len(numeric[1]) == 4:
            return _day(a, b, c)
        if len(numeric[3]) != 4:
            return None
        return _day(c, a, b) if b > 12 >= a else _day(c, b, a)
    months = [m for w in words if (m := _month(w.strip("."))) is not None]
    numbers = [int(w) for w in words if w.isdigit()]
    if len(months) != 1 or len(numbers) != 2 or len(words) != 3:
        return None
    years = [n for n in numbers if n >= 1000]
    days = [n for n in numbers if n < 100]
    if len(years) != 1 or len(days) != 1:
        return None
    return _day(years[0], months[0], days[0])


# --------------------------------------------------------------------------- times of day

_CLOCK = regex.compile(r"(\d{1,2})(?:[:.](\d{2}))?\s*(?:টা|টায়|টার|টে)?")


def _day_parts() -> dict[str, tuple[int, int]]:
    spans = {}
    for word, span in answer_words()["day_part"].items():
        first, last = (int(h) for h in span.split("-"))
        spans[word] = (first, last)
    return spans


def read_clock(text: Any) -> tuple[int, int] | None:
    """An hour and minute of the day, 24-hour: ``(9, 0)`` for "09:00", "9am", "সকাল ৯টা".

    A day part (সকাল morning, দুপুর midday, বিকেল afternoon, সন্ধ্যা evening, রাত night,
    am/pm) turns a 12-hour time into the hour it means; without one the hour is 24-hour.

    >>> read_clock("০৯:০০"), read_clock("বিকেল ৪টায়"), read_clock("2pm"), read_clock("রাত ২টা")
    ((9, 0), (16, 0), (14, 0), (2, 0))
    >>> read_clock("সকাল ৯:৩০"), read_clock("সন্ধ্যা ১০টা"), read_clock("25:00")
    ((9, 30), None, None)
    """
    if not isinstance(text, str):
        return None
    folded = fold_text(text).translate(BENGALI_DIGITS).casefold().strip().rstrip("।")
    parts = _day_parts()
    part = None
    for word in sorted(parts, key=len, reverse=True):
        pattern = regex.escape(word) + (r"(?:ে|এ|র|ের|বেলা)?" if not word.isascii() else "")
        found = regex.search(rf"(?<![\p{{L}}\p{{M}}]){pattern}(?![\p{{L}}\p{{M}}])", folded)
        if found:
            part = word
            folded = (folded[: found.start()] + " " + folded[found.end() :]).strip()
            break
    clock = _CLOCK.fullmatch(folded.strip())
    if not clock:
        return None
    hour, minute = int(clock[1]), int(clock[2] or 0)
    if minute > 59 or hour > 23:
        return None
    if part is None:
        return hour, minute
    if not 1 <= hour <= 12:
        return None
    first, last = parts[part]
    for candidate in (hour % 12, hour % 12 + 12):
        if any(first <= h <= last for h in (candidate, candidate + 24)):
            return candidate, minute
    return None


def read_slot(text: Any) -> tuple[int, int, int] | None:
    """A weekly slot, (weekday 0–6, hour, minute), from text such as "Tuesday 09:00",
    "Tue 2pm", "মঙ্গলবার ০৯:০০" or "মঙ্গলবার সকাল ৯টায়"; None if it is not one.

    >>> read_slot("মঙ্গলবার ০৯:০০"), read_slot("fri, 10"), read_slot("সকাল ৯টা, বুধবার")
    ((1, 9, 0), (4, 10, 0), (2, 9, 0))
    >>> read_slot("sometime in the morning") is None
    True
    """
    if not isinstance(text, str):
        return None
    words = [w for w in regex.split(r"[\s,]+", fold_text(text).strip()) if w]
    days = [(i, d) for i, w in enumerate(words) if (d := read_weekday(w)) is not None]
    if len(days) != 1:
        return None
    index, day = days[0]
    clock = read_clock(" ".join(words[:index] + words[index + 1 :]))
    return None if clock is None else (day, *clock)


def forms_of(options: Iterable[Any]) -> dict[str, str]:
    """Every way of writing each option (``plain``), mapped to the option's plain form.

    An option's own text, the Bengali forms of it in ``answer_words.csv`` (``name`` and
    ``answer`` rows) and the course glossary's Bengali term when the option is a glossary
    term.  A form that two options share is left out: it could not tell them apart.

    >>> forms = forms_of(["properly disclosed", "not properly disclosed"])
    >>> forms[plain("ঠিকমতো প্রকাশ করা হয়নি")]
    'not properly disclosed'
    """
    words = answer_words()
    targets = {plain(o) for o in options}
    found: dict[str, set[str]] = {}
    for target in targets:
        found.setdefault(target, set()).add(target)
    aliases = {**_glossary(), **words["answer"], **words["name"]}
    for word, means in aliases.items():
        if plain(means) in targets:
            found.setdefault(plain(word), set()).add(plain(means))
    return {form: next(iter(means)) for form, means in found.items() if len(means) == 1}


def mentions(text: Any, option: str) -> bool:
    """Whether free ``text`` names ``option`` in any way of writing it (``forms_of``): its
    own words or a Bengali name, a Bengali word with a case ending too.

    >>> mentions("Grow our TikTok followers by June", "tiktok")
    True
    >>> mentions("জুনের মধ্যে আলো পাঠচক্রের টিকটকে ফলোয়ার ৫,৬০০ করা", "tiktok")
    True
    >>> mentions("X (Twitter) er followers barano", "x (twitter)"), mentions("টিকটক", "facebook")
    (True, False)
    """
    wanted = plain(option)
    forms = {form for form, means in forms_of([option]).items() if means == wanted}
    words = plain(text).split()
    padded = f" {' '.join(words)} "
    if any(f" {form} " in padded for form in forms):
        return True
    return any(stem in forms for word in words for stem in stems(word)[1:])


@cache
def _glossary() -> dict[str, str]:
    """The course glossary's Bengali terms and the English term each stands for."""
    text = (resources.files("smm_helpers") / "data" / "glossary.csv").read_text(encoding="utf-8")
    return {
        _plain(row["bn"], same=False): _plain(row["en"], same=False)
        for row in csv.DictReader(text.splitlines())
        if row.get("bn") and row.get("en")
    }
