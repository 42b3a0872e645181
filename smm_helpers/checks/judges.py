"""Ready-made judges for self-checks: numbers, choices, lists and free text.

Each function returns a *judge*: a function that takes the learner's answer and returns a
:class:`~smm_helpers.checks.core.Feedback`.  Judges never put the right answer in their
messages or hints; they say what kind of mistake it looks like.
"""

from __future__ import annotations

import math
import numbers
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import regex

from smm_helpers.checks.core import OUTSIDE_HINT, Feedback, Judge, describe_answer
from smm_helpers.checks.reading import (
    BENGALI_DIGITS,
    CASE_ENDINGS,
    Amount,
    answer_words,
    fold_text,
    forms_of,
    in_bengali_digits,
    number_from_text,
    plain,
    read_amount,
    stems,
)
from smm_helpers.i18n.messages import N_, in_language, ngettext
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits

__all__ = [
    "BENGALI_DIGITS",
    "NAME_ALIASES",
    "SYNONYMS",
    "choice",
    "count_words",
    "fold_text",
    "in_bengali_digits",
    "number",
    "number_from_text",
    "same_items",
    "satisfies",
    "text_elements",
    "with_synonyms",
    "words_in",
]

Mistake = tuple[Callable[[float], bool], str | Callable[[], str]]
"""A known wrong turn: a test on the learner's number, and the hint to give when it holds
(English marked with ``N_``, or a function that writes it in the chosen language)."""


NAME_ALIASES: dict[str, str] = dict(answer_words()["name"])
"""Other spellings of names (Bengali ones mostly) and the name the checks compare with,
from the ``name`` rows of ``answer_words.csv``.

Both the options and the learner's answer are looked up here, so "twitter", "টুইটার" and
"x" all mean the same platform, whichever of them a question lists.
"""

UNIT_NAMES = {
    "BDT": N_("taka"),
    "USD": N_("US dollars"),
    "percent": N_("per cent"),
    "hours": N_("hours"),
    "minutes": N_("minutes"),
    "days": N_("days"),
    "count": N_("a count"),
}
"""The units' names as a message says them (translated where shown)."""


def _as_amount(answer: Any) -> Amount | None:
    """What a learner's answer says as a number (text read by ``read_amount``)."""
    if isinstance(answer, bool):
        return None
    if isinstance(answer, numbers.Real):
        return Amount(float(answer))
    if isinstance(answer, str):
        return read_amount(answer)
    item = getattr(answer, "item", None)  # numpy scalars, one-element arrays/Series
    size = getattr(answer, "size", None)
    if callable(item) and size == 1:
        value = item()
        return Amount(float(value)) if isinstance(value, numbers.Real) else None
    return None


def _as_number(answer: Any) -> float | None:
    amount = _as_amount(answer)
    return None if amount is None else amount.number


def number(
    expected: float | Callable[[], float],
    *,
    rel_tol: float = 0.01,
    abs_tol: float = 0.0,
    places: int | None = None,
    read_text: bool = True,
    unit: str | None = None,
    mistakes: Sequence[Mistake] = (),
    what: str = N_("a number"),
    hint: str = N_("Look again at which columns go into the calculation."),
) -> Judge:
    """Accept a number close to ``expected`` (1% relative tolerance by default).

    ``expected`` may be a function computing the value from the course data, so nothing is
    typed in by hand; it is called when an answer is first checked.  ``places`` is the
    precision the question asks for ("to 3 decimal places"): any answer within it is right,
    as is any answer within the relative tolerance.  An answer that is only rounded too far,
    or only a little off, gets a hint about rounding rather than about the method.
    ``mistakes`` are (test, hint) pairs for common wrong turns, checked in order.  Answers
    given as a percentage when a fraction was asked for get their own hint.

    A number typed as text is read the way :func:`~smm_helpers.checks.reading.read_amount`
    reads it, in English or Bengali: ``"০.২৫"``, ``"২৫%"`` (a fraction), ``"৪টি"``,
    ``"১,২৩,৪৫৬ টাকা"``.  ``unit`` is the unit the question asks for (``"BDT"``, ``"USD"``,
    ``"hours"`` ...; ``None`` for a plain number or a count): an answer written in another
    unit is told so.  With ``read_text=False`` text is not read: it is told to lose its
    quotes (for a question about Python's types).

    ``what``, ``hint`` and the mistakes' hints are English marked with ``N_``: they are
    translated when a verdict is given, in the language the learner chose.

    >>> judge = number(0.25, what="a fraction between 0 and 1")
    >>> judge(0.2501).correct, judge("০.২৫").correct, judge("২৫%").correct
    (True, True, True)
    >>> number(32)("৩২টি").correct, number(32, read_text=False)("৩২").hint
    (True, 'Leave out the quotes and type the digits 0-9: Python computes only with those.')
    >>> number(4.5, unit="hours", what="a number of hours")("৪.৫ দিন").message
    'I expected a number of hours, but this answer is in days.'
    >>> judge(25).hint
    'That looks like a percentage: give the rate as a fraction (e.g. 0.05 for 5%).'
    >>> judge("a quarter").message
    "I expected a fraction between 0 and 1, but 'a quarter' is not a number I can read."
    >>> rate = number(0.68539, places=3, rel_tol=0, hint="Filter the inbox first.")
    >>> rate(0.685).correct, rate(0.6854).correct
    (True, True)
    >>> rate(0.69).hint
    'That looks rounded to 2 decimal places: round to 3 decimal places, not 2.'
    """

    def judge(answer: Any) -> Feedback:
        amount = _as_amount(answer)
        value = None if amount is None else amount.number
        if value is not None and isinstance(answer, str) and not read_text:
            return Feedback(
                False,
                _("I expected {what}, but this is text (a str).").format(what=_(what)),
                _("Leave out the quotes and type the digits 0-9: Python computes only with those."),
            )
        if (
            amount is not None
            and amount.unit not in (None, "percent", unit)
            and not (amount.unit == "count" and unit is None)
        ):
            given = _("I expected {what}, but this answer is in {unit}.").format(
                what=_(what), unit=_(UNIT_NAMES[amount.unit])
            )
            if unit:
                wanted = _("Give the value in {unit}.").format(unit=_(UNIT_NAMES[unit]))
            else:
                wanted = _("Give the value as a plain number, without a unit.")
            return Feedback(False, given, wanted)
        if value is None:
            if isinstance(answer, str):
                return Feedback(
                    False,
                    _("I expected {what}, but {answer} is not a number I can read.").format(
                        what=_(what), answer=describe_answer(answer)
                    ),
                    _(
                        "Give the value itself, e.g. 0.25 (Bengali digits are fine), "
                        "without words or units."
                    ),
                )
            kind = (
                describe_answer(answer)
                if _is_table(answer)
                else _("a {kind}").format(kind=type(answer).__name__)
            )
            return Feedback(
                False,
                _("I expected {what}, but this is {kind}.").format(what=_(what), kind=kind),
                _("Give the value itself, e.g. a float, not text or a table."),
            )
        target = _value(expected)
        tolerance = max(
            rel_tol * abs(target), abs_tol, 0.5 * 10**-places + 1e-12 if places is not None else 0.0
        )
        if abs(value - target) <= tolerance:
            return Feedback(True, _("That's right."))
        needed = places if places is not None else _places_needed(target, tolerance)
        rounded = _rounded_to(value, target, needed)
        if rounded is not None:
            return Feedback(
                False,
                _("Nearly: only the rounding is off."),
                _("That looks rounded to {rounded}: round to {needed}, not {fewer}.").format(
                    rounded=_places(rounded), needed=_places(needed), fewer=digits(rounded)
                ),
            )
        for test, mistake_hint in mistakes:
            if test(value):
                said = _(mistake_hint) if isinstance(mistake_hint, str) else mistake_hint()
                return Feedback(False, _("Not quite."), said)
        if 0 < abs(target) <= 1 and math.isclose(value, target * 100, rel_tol=rel_tol):
            return Feedback(
                False,
                _("The size is off."),
                _("That looks like a percentage: give the rate as a fraction (e.g. 0.05 for 5%)."),
            )
        if abs(value - target) <= 10 * tolerance:
            if places is not None:
                advice = _(
                    "Your method looks right: keep every decimal while you calculate "
                    "and round only at the end, to {places}."
                ).format(places=_places(needed))
            else:
                advice = _(
                    "Your method looks right: keep every decimal while you calculate "
                    "and round only at the end."
                )
            return Feedback(False, _("Close, but not within the precision asked."), advice)
        return Feedback(False, _("That's not the value I get."), _(hint))

    return judge


def _is_table(answer: Any) -> bool:
    return type(answer).__module__.startswith("pandas")


def _places(n: int) -> str:
    """'1 decimal place', '3 decimal places' (in the chosen language)."""
    return ngettext("{count} decimal place", "{count} decimal places", n).format(count=digits(n))


def _places_needed(target: float, tolerance: float) -> int:
    """The fewest decimal places at which ``target`` rounded is still accepted."""
    for places in range(12):
        if abs(round(target, places) - target) <= tolerance:
            return places
    return 12


def _rounded_to(value: float, target: float, needed: int) -> int | None:
    """The number of places (fewer than ``needed``) that ``value`` is ``target`` rounded to.

    >>> _rounded_to(0.69, 0.68539, 3), _rounded_to(0.7, 0.68539, 3), _rounded_to(0.5, 0.685, 3)
    (2, 1, None)
    """
    for places in range(needed - 1, -1, -1):
        shorter = round(target, places)
        if shorter != 0 and math.isclose(value, shorter, rel_tol=1e-9, abs_tol=1e-12):
            return places
    return None


def _value(expected: float | Callable[[], float]) -> float:
    return float(expected() if callable(expected) else expected)


def _normal(text: Any) -> str:
    """A name as the checks compare it: NFC, case-folded, digits in English, one spelling.

    >>> _normal(" ফেসবুক "), _normal("Nakshi_Ghor"), _normal("২৩৫"), _normal("Twitter")
    ('facebook', 'nakshi ghor', '235', 'x')
    >>> _normal("ইনস্টাগ্রামে"), _normal("নকশী ঘরের")
    ('instagram', 'nakshi ghor')
    """
    folded = plain(text)
    return next((NAME_ALIASES[s] for s in stems(folded) if s in NAME_ALIASES), folded)


def _translations(options: Sequence[Any]) -> list[str]:
    """Each option as the Bengali catalog translates it (the option itself when it has no
    translation): what a Bengali lesson shows when it shows the options translated.

    >>> _translations(["facebook", 3])
    ['facebook', '3']
    """
    with in_language("bn"):
        return [_(str(option)) if str(option).strip() else str(option) for option in options]


class _Forms:
    """Every way a learner may write each of some options, and the option each means.

    The options' own text and their Bengali forms (``forms_of``); a Bengali word with a
    case ending (ফেসবুকে) means its stem.

    >>> meaning = _Forms(["properly disclosed", "not properly disclosed"])
    >>> meaning("ঠিকমতো প্রকাশ করা হয়নি"), meaning("Properly disclosed."), meaning("maybe")
    ('not properly disclosed', 'properly disclosed', 'maybe')
    >>> meaning("ঠিকভাবে প্রকাশ করা হয়নি (not properly disclosed)")
    'not properly disclosed'
    >>> meaning("ঠিকভাবে প্রকাশ করা হয়নি (properly disclosed)")  # two answers: neither
    'ঠিকভাবে প্রকাশ করা হয়নি properly disclosed'

    """

    def __init__(self, options: Iterable[Any]):
        options = list(options)
        self.means: dict[str, str] = {
            form: _normal(target) for form, target in forms_of(options).items()
        }
        for option, translated in zip(options, _translations(options), strict=True):
            self.means.setdefault(_normal(translated), _normal(option))
        for option in options:
            self.means[_normal(option)] = _normal(option)

    def __call__(self, answer: Any) -> str:
        """What ``answer`` means: an option's compared form, or the answer's own.

        An answer in both languages, the way the Bengali lessons write a term ("সময়সীমাবদ্ধ
        (time-bound)"), means an option when both halves mean it.
        """
        given = self._one(answer)
        halves = [h for h in regex.split(r"[()]", str(answer)) if h.strip()]
        if given not in self.means.values() and len(halves) == 2:
            meant = {self._one(h) for h in halves}
            if len(meant) == 1 and meant <= set(self.means.values()):
                return meant.pop()
        return given

    def _one(self, answer: Any) -> str:
        given = _normal(answer)
        if given in self.means:
            return self.means[given]
        folded = plain(answer)
        return next((self.means[s] for s in stems(folded) if s in self.means), given)


def choice(
    correct: str | Iterable[str] | Callable[[], str | Iterable[str]],
    *,
    options: Iterable[str],
    hints: Mapping[str, str] | None = None,
    hint: str = N_("Think about what the lesson showed, then try another option."),
    outside_hint: str = OUTSIDE_HINT,
) -> Judge:
    """Accept one of the ``correct`` options (case, spaces, ``-`` and ``_`` ignored).

    ``correct`` may be a function that works the right option out from the course data.
    Bengali names (ফেসবুক for facebook, see ``NAME_ALIASES``), the Bengali forms of an
    option (``answer_words.csv``, the course glossary) and Bengali digits count as the same
    answer.

    Each option's Bengali translation in the message catalog counts as the option too, so
    an option shown translated in a Bengali lesson is accepted in either language.  The
    hints are English marked with ``N_``, translated when given.

    An answer that is not among ``options`` is told so (a typo is not a "wrong"), without
    listing the options: in a two-option question that list would give the answer away.
    ``check`` rewords that when the question did not show its options.

    >>> judge = choice("facebook", options=["facebook", "x", "linkedin"],
    ...                hints={"x": "X is strong for news, but how many Bangladeshis use it?"})
    >>> judge("Facebook").correct
    True
    >>> judge("x").hint
    'X is strong for news, but how many Bangladeshis use it?'
    >>> judge("ফেসবুক").correct
    True
    >>> judge("myspace").message
    "'myspace' is not one of the options in the question."
    """
    options = tuple(options)
    allowed = {_normal(o) for o in options}
    wrong_hints = {_normal(k): v for k, v in (hints or {}).items()}
    meaning = _Forms(options)

    def judge(answer: Any) -> Feedback:
        given = meaning(answer) if not _is_table(answer) else None
        if given not in allowed:
            return Feedback(
                False,
                _("{answer} is not one of the options in the question.").format(
                    answer=describe_answer(answer)
                ),
                _(outside_hint),
                outside=True,
            )
        right = correct() if callable(correct) else correct
        if given in {_normal(c) for c in ([right] if isinstance(right, str) else right)}:
            return Feedback(True, _("That's right."))
        return Feedback(False, _("That's not the best choice."), _(wrong_hints.get(given, hint)))

    judge.options = options  # type: ignore[attr-defined]  # read by Question.shows_options
    return judge


def same_items(
    expected: Iterable[str],
    *,
    ordered: bool = False,
    what: str = N_("a list"),
    hint: str = N_("Compare your list with the table in the lesson again."),
) -> Judge:
    """Accept a list holding exactly the expected items (in order when ``ordered``).

    >>> judge = same_items(["facebook", "instagram"])
    >>> judge(["Instagram", "facebook"]).correct
    True
    >>> judge(["facebook"]).message
    'Your list has 1 item; I expected 2.'
    """
    expected = list(expected)
    want = [_normal(e) for e in expected]
    meaning = _Forms(expected)

    def judge(answer: Any) -> Feedback:
        if isinstance(answer, str) or not isinstance(answer, Iterable):
            return Feedback(
                False,
                _("I expected {what}, but this is a {kind}.").format(
                    what=_(what), kind=type(answer).__name__
                ),
                _("Put the items in a list, e.g. ['a', 'b']."),
            )
        got = [meaning(a) for a in answer]
        if len(got) != len(want):
            return Feedback(
                False,
                ngettext(
                    "Your list has {count} item; I expected {expected}.",
                    "Your list has {count} items; I expected {expected}.",
                    len(got),
                ).format(count=digits(len(got)), expected=digits(len(want))),
                _(hint),
            )
        matches = got == want if ordered else sorted(got) == sorted(want)
        if matches:
            return Feedback(True, _("That's right."))
        if not ordered or sorted(got) != sorted(want):
            return Feedback(False, _("Some items are not the ones I expected."), _(hint))
        return Feedback(False, _("The right items, but not in the right order."), _(hint))

    return judge


# --------------------------------------------------------------------------- free text


def _name_synonyms() -> dict[str, tuple[str, ...]]:
    """The Bengali spellings in ``NAME_ALIASES``, by the name they stand for, so named answers
    and free text share one list of names ("twitter" too, as patterns ask for it by that name)."""
    found: dict[str, tuple[str, ...]] = {}
    for alias, name in NAME_ALIASES.items():
        if not alias.isascii() and name not in ("nonprofit", "business"):  # kinds, not names
            found[name] = (*found.get(name, ()), alias)
    return {**found, "twitter": found["x"]}


SYNONYMS: dict[str, tuple[str, ...]] = {
    # platforms and the clients' names, from NAME_ALIASES
    **_name_synonyms(),
    # formats
    "video": ("ভিডিও", "ভিডিয়ো"),
    "photo": ("ছবি", "ফটো"),
    "picture": ("ছবি", "ফটো"),
    "image": ("ছবি", "ইমেজ"),
    "reel": ("রিল",),
    "carousel": ("ক্যারোসেল",),
    "story": ("স্টোরি", "গল্প"),
    "post": ("পোস্ট",),
    "live": ("লাইভ",),
    # people
    "audience": ("দর্শক", "শ্রোতা", "অডিয়েন্স"),
    "people": ("মানুষ", "লোকজন"),
    "parent": ("অভিভাবক", "বাবা-মা", "মা-বাবা"),
    "student": ("শিক্ষার্থী", "ছাত্র", "ছাত্রী"),
    "young": ("তরুণ", "যুবক", "যুবসমাজ"),
    "youth": ("তরুণ", "যুবক", "যুবসমাজ"),
    "volunteer": ("স্বেচ্ছাসেবক", "ভলান্টিয়ার"),
    "donor": ("দাতা", "ডোনার"),
    "supporter": ("সমর্থক",),
    "follower": ("অনুসারী", "ফলোয়ার"),
    "families": ("পরিবার",),
    "women": ("নারী", "মহিলা"),
    "community": ("কমিউনিটি", "সম্প্রদায়"),
    "relationship": ("সম্পর্ক",),
    # money
    "money": ("টাকা", "অর্থ"),
    "cost": ("খরচ", "ব্যয়"),
    "cheap": ("সস্তা", "কম খরচ"),
    "free": ("বিনামূল্যে", "ফ্রি"),
    "budget": ("বাজেট",),
    "spend": ("খরচ", "ব্যয়"),
    "donate": ("দান", "অনুদান"),
    # replying
    "sorry": ("দুঃখিত", "ক্ষমা", "মাফ", "সরি"),
    "apologise": ("দুঃখিত", "ক্ষমা", "মাফ", "সরি"),
    "private": ("ব্যক্তিগত", "প্রাইভেট"),
    "inbox": ("ইনবক্স",),
    "message": ("মেসেজ", "ম্যাসেজ", "বার্তা"),
    "phone": ("ফোন", "মোবাইল"),
    "email": ("ইমেইল", "ই-মেইল"),
    "reply": ("উত্তর", "জবাব", "রিপ্লাই"),
    "answer": ("উত্তর", "জবাব"),
    "today": ("আজ",),
    "tomorrow": ("আগামীকাল",),
    # planning and results
    "share": ("শেয়ার",),
    "engagement": ("এনগেজমেন্ট",),
    "reach": ("রিচ",),
    "review": ("পর্যালোচনা", "রিভিউ"),
    "measure": ("পরিমাপ",),
    "schedule": ("শিডিউল", "সময়সূচি"),
    "prepare": ("প্রস্তুত", "তৈরি"),
    "create": ("তৈরি", "বানা"),
    "design": ("ডিজাইন",),
    "write": ("লিখ", "লেখা"),
    "late": ("দেরি",),
    "on time": ("সময়মতো", "সময়মত"),  # i18n: not shown
    "boost": ("বুস্ট",),
    "increase": ("বাড়ান", "বাড়াও", "বৃদ্ধি"),
    "reduce": ("কমান", "কমিয়ে"),
    "attention": ("মনোযোগ",),
    "interest": ("আগ্রহ",),
    "celebrate": ("উদযাপন",),
    "spokesperson": ("মুখপাত্র",),
    "consent": ("সম্মতি", "অনুমতি"),
    "privacy": ("গোপনীয়তা",),
}
"""Bengali words (NFC) that mean the same as an English keyword a free-text check looks for.

A check's pattern that matches the English word (``r"videos?"`` matches "video") also
accepts its Bengali synonyms, so a learner answering in Bengali is not asked for English
words.  Bengali words are matched as the start of a longer word too: ভিডিও matches
ভিডিওতে and ভিডিওর (Bengali adds case endings to the word).
"""

_SENTENCE_WORDS = (
    # English: articles, pronouns, prepositions, conjunctions, auxiliaries and modals
    "a an the this that these those it its "  # i18n: not shown
    "we our us you your they their them he she his her i my me "
    "who which what where when why how there here "
    "of to in on at by for with from into onto about than as per over under after before "
    "during until within without through between against "
    "and or but so because if then also not no than while since although "
    "is are was were be been being am has have had do does did will would shall should "
    "can could may might must let lets "
    # English verbs a short answer gives orders with ("Increase Facebook videos 30%")
    "add answer apologise apologize ask boost check choose cut double drop engage fix focus "
    "grow improve increase invest keep lower make move pause plan post publish raise reach "
    "reduce reply respond run schedule send share shift show spend start stop target test "
    "thank try use write "
    # Bengali: pronouns, postpositions, conjunctions, auxiliaries and common verb forms
    "আমি আমরা আমাদের আমার আপনি আপনার আপনাকে আপনারা তুমি তোমার সে তারা তাদের তাকে এটা এটি "
    "এই সেই ওই যা যে যারা যাতে কেউ কোনো সেখানে এখানে সেখানেই "
    "জন্য থেকে সাথে সঙ্গে মধ্যে কাছে চেয়ে দিয়ে নিয়ে পরে আগে পর্যন্ত প্রতি দ্বারা "
    "এবং ও আর কিন্তু বা অথবা কারণ তাই তবে যদি তাহলে বলে "
    "হয় হবে হলো হল হয়েছে হচ্ছে আছে আছেন ছিল ছিলেন নেই না নয় করে করব করবে করবেন করুন "
    "করা করতে করি করছি করেছি দিন দেব দেবে দেবেন দিই পারে পারি পারেন যায় যাবে উচিত চাই"
)
FUNCTION_WORDS: frozenset[str] = frozenset(
    unicodedata.normalize("NFC", w) for w in _SENTENCE_WORDS.split()
)
"""Words that build sentences (articles, pronouns, prepositions, conjunctions, auxiliaries,
the verbs a short instruction starts with, common Bengali verbs): a keyword list has none
of them outside its keywords."""

_BENGALI_VERB = regex.compile(
    unicodedata.normalize(
        "NFC", r"\p{Bengali}+(?:বে|বেন|ব|ুন|ান|েন|ছে|ছি|ছেন|ছিল|েছে|েছি|লাম|তাম|বো|ইনি|য়েছে)$"
    )
)
"""A Bengali word ending like a verb (যাবে, পাঠাব, পাঠান, বাড়ান, বাড়ছে, দেখেছি ...)."""

_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’.,\-][\p{L}\p{M}\p{N}]+)*")
"""A word: letters with their vowel signs and marks, digits, and inner ' - . , (so
"don't", "e-mail", "1,000" and "5.4" are one word each)."""


def words_in(text: Any) -> list[str]:
    """The words of a text, English or Bengali: split at spaces and punctuation (। too).

    Bengali vowel signs and the hasanta belong to their word (an ASCII ``\\w`` would split
    কিছু into pieces), and punctuation on its own is no word.

    >>> words_in("সমর্থকদের সাথে সম্পর্ক তৈরি হয় । খরচ কম।আর ভালো")
    ['সমর্থকদের', 'সাথে', 'সম্পর্ক', 'তৈরি', 'হয়', 'খরচ', 'কম', 'আর', 'ভালো']
    >>> len(words_in("Move 20% of the budget — now!"))
    6
    """
    return _WORD.findall(fold_text(text))


def count_words(text: Any) -> int:
    """How many words a text has, counted fairly in English and Bengali (see ``words_in``).

    >>> count_words("ফেসবুকে ভিডিও বেশি পোস্ট করুন।"), count_words("Post more videos, now.")
    (5, 4)
    """
    return len(words_in(text))


def with_synonyms(patterns: Sequence[str]) -> list[str]:
    """``patterns`` plus the Bengali synonyms of every English keyword they match.

    >>> with_synonyms([r"videos?"])
    ['videos?', 'ভিডিও', 'ভিডিয়ো']
    >>> with_synonyms([r"\\d"])
    ['\\\\d']
    """
    compiled = [regex.compile(fold_text(p), regex.I | regex.V1) for p in patterns]
    extra: list[str] = []
    for english, bengali in SYNONYMS.items():
        if any(p.match(english) for p in compiled):
            extra += [
                regex.escape(fold_text(b))
                for b in bengali
                if regex.escape(fold_text(b)) not in extra
            ]
    return [*patterns, *(e for e in extra if e not in patterns)]


_CASE_ENDINGS = frozenset(CASE_ENDINGS)
"""Bengali case and plural endings: ফেসবুক**ে**, ভিডিও**র**, অভিভাবক**দের** join a word to the
rest of its sentence the way English prepositions do."""


def keyword_salad(text: str, patterns: Iterable[Any]) -> bool:
    """Whether ``text`` is keywords with no sentence around them.

    A sentence joins its keywords; a salad only lists them.  ``text`` counts as a sentence
    when it shows at least one sign of joining: a word that builds sentences
    (``FUNCTION_WORDS``: "the", "to", "because", "will", আমরা, জন্য, হবে ...) that is not
    itself one of the keywords the ``patterns`` match, a Bengali verb form (পাঠাব, জানাবেন,
    বাড়ছে ...), or a Bengali case ending on a keyword (ফেসবুক**ে**, ভিডিও**র**).
    "Facebook, parents, videos" and "ফেসবুক ভিডিও ৪% পোস্ট" are salads; "Facebook, because
    parents are there" and "ফেসবুকে ভিডিও ৩০% বাড়ান" are (short) sentences.

    >>> kw = [regex.compile(p, regex.I) for p in ("facebook", "ফেসবুক", "parents", "videos?")]
    >>> keyword_salad("Facebook, parents, videos", kw)
    True
    >>> keyword_salad("Facebook, because parents are there: videos.", kw)
    False
    >>> keyword_salad("ফেসবুকে ভিডিও বাড়ান", kw), keyword_salad("ফেসবুক videos", kw)
    (False, True)
    >>> keyword_salad("Increase Facebook videos 30%", kw)
    False
    """
    folded = fold_text(text)
    spans = [m.span() for p in patterns for m in p.finditer(folded) if m.end() > m.start()]
    for token in _WORD.finditer(folded):
        start, end = token.span()
        word = token.group().casefold()
        inside = [(s, e) for s, e in spans if s < end and start < e]
        if not inside and word in FUNCTION_WORDS:
            return False
        if _BENGALI_VERB.match(word):
            return False
        if any(start <= s and e < end and folded[e:end] in _CASE_ENDINGS for s, e in inside):
            return False
    return True


def text_elements(
    elements: Mapping[str, Sequence[str]],
    *,
    min_words: int = 0,
    what: str = N_("your text"),
    sentences: bool = True,
) -> Judge:
    """Accept free text that contains every required element, written as sentences.

    ``elements`` maps a plain-language name of each element to regular expressions (any
    one matching is enough; case-insensitive; Bengali welcome, compared in NFC so either
    way of typing য় matches).  A pattern that matches an English keyword also accepts its
    Bengali synonyms (``SYNONYMS``).  The verdict lists the elements still missing, by name.

    Words are counted fairly in Bengali (``count_words``).  With ``sentences`` (the
    default) a list of keywords with no sentence around them is not accepted
    (``keyword_salad``): the check asks for understanding, not for the right words.

    >>> judge = text_elements({"a spokesperson": [r"spokes(person|people)", r"speak for"],
    ...                        "a response time": [r"\\d+\\s*(hours?|minutes?)"]})
    >>> judge("Our director is the spokesperson. We reply within 4 hours.").correct
    True
    >>> judge("Our director is the spokesperson.").missing
    ('a response time',)
    >>> judge("মুখপাত্র আমাদের পরিচালক; আমরা 4 hours এর মধ্যে উত্তর দিই।").correct
    True
    >>> judge("spokesperson 4 hours").message
    'Your text reads like a list of keywords, not sentences.'
    """
    compiled = {
        name: [regex.compile(fold_text(p), regex.I | regex.V1) for p in with_synonyms(patterns)]
        for name, patterns in elements.items()
    }
    every_pattern = [p for patterns in compiled.values() for p in patterns]

    def judge(answer: Any) -> Feedback:
        if not isinstance(answer, str) or not answer.strip():
            return Feedback(
                False,
                _("I expected {what} as text in quotes, and it is empty or not text.").format(
                    what=_(what)
                ),
                _("Write your answer between the quotes."),
            )
        answer = fold_text(answer)
        words = count_words(answer)
        missing = tuple(
            _(name)
            for name, patterns in compiled.items()
            if not any(p.search(answer) for p in patterns)
        )
        subject = _sentence_start(_(what))
        if missing:
            return Feedback(
                False,
                _("{what} covers {found} of {count} things it needs.").format(
                    what=subject,
                    found=digits(len(compiled) - len(missing)),
                    count=digits(len(compiled)),
                ),
                _("Add what is missing."),
                missing,
            )
        if sentences and keyword_salad(answer, every_pattern):
            return Feedback(
                False,
                _("{what} reads like a list of keywords, not sentences.").format(what=subject),
                _(
                    "Write it as one or two sentences that say how the points "
                    "connect (who, what, why), in English or Bengali."
                ),
            )
        if words < min_words:
            return Feedback(
                False,
                _("{what} has {count} words; aim for at least {least}.").format(
                    what=subject, count=digits(words), least=digits(min_words)
                ),
                _("Say a little more about each point."),
            )
        return Feedback(True, _("{what} has everything it needs.").format(what=subject))

    return judge


def _sentence_start(text: str) -> str:
    """``text`` to begin a sentence: "your text" → "Your text" (English: ``str.capitalize``,
    as before); text in a script without capitals is left as it is.

    >>> _sentence_start("your argument"), _sentence_start("আপনার যুক্তি (argument)")
    ('Your argument', 'আপনার যুক্তি (argument)')
    """
    if text[:1].isascii():
        return text.capitalize()
    return text


def satisfies(
    test: Callable[[Any], bool],
    *,
    success: str = N_("That's right."),
    failure: str = N_("Not quite."),
    hint: str = N_("Read the question again."),
) -> Judge:
    """Accept any answer for which ``test(answer)`` is true (for checks no other judge fits).

    >>> judge = satisfies(lambda a: a % 7 == 0, hint="Think weekly.")
    >>> judge(14).correct, judge(10).hint
    (True, 'Think weekly.')
    """

    def judge(answer: Any) -> Feedback:
        if test(answer):
            return Feedback(True, _(success))
        return Feedback(False, _(failure), _(hint))

    return judge
