"""Check a goal against SMART: specific, measurable, achievable, relevant, time-bound.

``check_goal`` is a **rule-based heuristic**, not a reader: it looks for words and
numbers (in English or Bengali) and shows the evidence it found for each criterion, so
a learner can see why it decided and argue with it.

* **specific**: names *what* will change (a metric such as followers, sign-ups, reach)
  and *where or for whom* (a platform or an audience).
* **measurable**: has a number to check against, e.g. "2,000 followers" or "15%".  A
  relative change ("by 20%", "double", "দ্বিগুণ") also needs its starting number ("from
  1,200", "currently 1,200", "বর্তমানে ১,২০০", or ``baseline=``): 20% of what?
* **achievable**: when the goal is a growth target and a baseline or a period is known,
  the growth per month is compared with published nonprofit benchmarks
  (``FOLLOWER_GROWTH_BENCHMARKS``); more than +300% within a quarter, or with no period at
  all, gets a realism warning (``ABSURD_GROWTH_PERCENT``).
* **relevant**: ties to an outcome the organisation cares about (donations, volunteers,
  sign-ups, sales, awareness of a cause), or to one of the goals you pass as
  ``relevant_to``.
* **time-bound**: says by when or per what period ("by 31 March 2026", "in 3 months",
  "per week", "Q2", "by tomorrow", "within 30 days", "ডিসেম্বরের মধ্যে", "মাসে",
  "আগামীকালের মধ্যে").

The words it looks for are data: ``smm_helpers/data/goal_words.csv`` (``WORDS_FILE``), one
word a row in a named list (``WORD_LISTS``), read and checked on first use.

>>> print(check_goal("Grow our presence and do better on social media"))
Goal: Grow our presence and do better on social media
✗ specific: it does not say what will change (no metric such as followers, ...
...
0 of 5 SMART criteria met. ...
"""

from __future__ import annotations

import html
import math
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, partial

import regex

from smm_helpers.errors import DataError, InputError
from smm_helpers.i18n.messages import N_, ngettext
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import LATIN_DIGITS, digits, format_number
from smm_helpers.vocabulary import data_text, read_vocabulary

__all__ = [
    "ABSURD_GROWTH_PERCENT",
    "BASELINE_CUES",
    "CRITERIA",
    "DEADLINE_WORDS",
    "FOLLOWER_GROWTH_BENCHMARKS",
    "UNLIKELY_MONTHLY_GROWTH",
    "WORDS_FILE",
    "WORD_LISTS",
    "Criterion",
    "GoalCheck",
    "GoalWords",
    "check_goal",
    "goal_words",
    "parse_goal_words",
]

CRITERIA = ("specific", "measurable", "achievable", "relevant", "time-bound")
"""The five SMART criteria, in order."""

CRITERION_NAMES: Mapping[str, str] = {
    "specific": N_("specific"),
    "measurable": N_("measurable"),
    "achievable": N_("achievable"),
    "relevant": N_("relevant"),
    "time-bound": N_("time-bound"),
}
"""How each criterion is shown to a learner (the names in ``CRITERIA`` stay the data)."""

FOLLOWER_GROWTH_BENCHMARKS: tuple[tuple[float, str], ...] = (
    (
        2.6,
        N_(
            "nonprofit Facebook audiences grew about 2.6% a month "
            "(M+R/NTEN eNonprofit Benchmarks 2013)"
        ),
    ),
    (
        4.0 / 12,
        N_("nonprofit Facebook audiences grew about 4% a year (M+R Benchmarks 2020, 2019 data)"),
    ),
    (9.0, N_("nonprofit Twitter followers grew about 9% a month (M+R 2010)")),
)
"""Published follower growth rates (% per month, source) that the achievable check cites."""

TYPICAL_MONTHLY_GROWTH = 2.6
"""% a month: the M+R/NTEN 2013 nonprofit Facebook figure, used to suggest a realistic target."""

UNLIKELY_MONTHLY_GROWTH = 10.0
"""% a month of audience growth above which a goal is flagged as unlikely.

It is above the fastest benchmark in ``FOLLOWER_GROWTH_BENCHMARKS`` (9% a month) and about
four times the typical 2.6%, so only clearly unrealistic goals are flagged.
"""

UNLIKELY_MONTHLY_GROWTH_OTHER = 100.0
"""% a month above which growth of any other metric (donations, sign-ups...) is flagged."""

ABSURD_GROWTH_PERCENT = 300.0
"""% of growth (4 times today's value) that is unrealistic within a quarter, or when the goal
gives no period to spread it over; such a goal gets a realism warning."""

QUARTER_MONTHS = 3.0


# --- vocabulary (data/goal_words.csv, read on first use) --------------------------------

WORDS_FILE = "goal_words.csv"
"""The goal checker's word lists: ``smm_helpers/data/goal_words.csv``, one word a row.

Its columns are ``list`` (which list, see ``WORD_LISTS``), ``language`` (``en`` or ``bn``),
``word`` (a word or phrase, matched case-insensitively, a space standing for any spaces)
and ``value`` (the number or metric a word stands for, in the lists that have one)."""

WORD_LISTS: Mapping[str, str] = {
    "baseline_before": "",  # "from 1,200", "বর্তমানে ১,২০০"
    "baseline_after": "",  # "১,২০০ থেকে", "1,200 today"
    "deadline": "",  # relative deadlines after by/before/until/on: "by tomorrow"
    "standalone_deadline": "",  # deadlines on their own: "tomorrow", "আগামীকালের মধ্যে"
    "month": "",  # month names (English, and Bengali for both calendars)
    "count": "number",  # count words in durations: "six weeks" (value: 6)
    "event": "",  # occasions a deadline can name: "before Eid", "ঈদের আগে"
    "metric": "",  # what a goal can measure: followers, sign-ups, দান
    "scale": "number",  # "2k", "৫ লাখ" (value: the multiplier)
    "multiplier": "number",  # "double" (value: the growth in %)
    "stop_after_number": "",  # words after a number that are not its unit: "500 by June"
    "audience_metric": "",  # metrics that count an audience (growth benchmarks apply)
    "metric_alias": "metric",  # how a goal names a baseline's metric (value: the metric)
}
"""Each list of ``WORDS_FILE`` and what its ``value`` column holds ("": nothing)."""

WORD_LANGUAGES = ("en", "bn")

_WORD_COLUMNS = ("list", "language", "word", "value")

BASELINE_CUES: tuple[str, ...]
BASELINE_CUES_AFTER: tuple[str, ...]
DEADLINE_WORDS: tuple[str, ...]
STANDALONE_DEADLINES: tuple[str, ...]
# The cue lists above are read from WORDS_FILE on first use (see ``__getattr__``):
_PUBLIC_LISTS = {
    "BASELINE_CUES": "baseline_before",
    "BASELINE_CUES_AFTER": "baseline_after",
    "DEADLINE_WORDS": "deadline",
    "STANDALONE_DEADLINES": "standalone_deadline",
}


@dataclass(frozen=True)
class GoalWords:
    """The checked word lists of ``WORDS_FILE``: (list, language) → words, in file order.

    >>> words = goal_words()
    >>> words.words("month", "en")[:3]
    ('january', 'february', 'march')
    >>> words.numbers("scale")["lakh"]
    100000.0
    """

    lists: Mapping[tuple[str, str], tuple[str, ...]]
    values: Mapping[tuple[str, str], str]

    def words(self, name: str, language: str | None = None) -> tuple[str, ...]:
        """The words of list ``name`` (in one ``language``, or all of them)."""
        languages = WORD_LANGUAGES if language is None else (language,)
        return tuple(word for lang in languages for word in self.lists.get((name, lang), ()))

    def numbers(self, name: str) -> dict[str, float]:
        """A list whose values are numbers, as word → number."""
        return {word: float(self.values[name, word]) for word in self.words(name)}

    def labels(self, name: str) -> dict[str, str]:
        """A list whose values are names, as word → name."""
        return {word: self.values[name, word] for word in self.words(name)}


def parse_goal_words(text: str, file: str = f"smm_helpers/data/{WORDS_FILE}") -> GoalWords:
    """Read and check the text of ``WORDS_FILE``; a bad row is a ``DataError``.

    Words are NFC and lower case.  A list's value column must be filled in as
    ``WORD_LISTS`` says (a number, or a metric), and left empty in the other lists.

    >>> parse_goal_words("list,language,word,value\\nscale,en,lakh,100000\\n").numbers("scale")
    {'lakh': 100000.0}
    >>> parse_goal_words("list,language,word,value\\nscale,en,lakh,a lot\\n")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: smm_helpers/data/goal_words.csv, line 2, column 'value': \
'a lot' is not a number.
    How to fix it: write numbers with digits only, e.g. 1200 (no letters, currency signs or \
thousands separators).
    >>> parse_goal_words("list,language,word,value\\nmetric,en,likes,5\\n")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: smm_helpers/data/goal_words.csv, line 2, column 'value': \
a metric row has no value, and this one says '5'.
    How to fix it: leave the value empty.
    """
    rows = read_vocabulary(
        file,
        _WORD_COLUMNS,
        text=text,
        required=("word",),
        choices={"list": tuple(WORD_LISTS), "language": WORD_LANGUAGES},
        unique=("list", "word"),
    )
    lists: dict[tuple[str, str], list[str]] = {}
    values: dict[tuple[str, str], str] = {}
    for row in rows:
        name, word, value = row["list"], row["word"].lower(), row["value"]
        holds = WORD_LISTS[name]
        if not holds and value:
            raise DataError(
                _("a {kind} row has no {column}, and this one says {value}").format(
                    kind=name, column="value", value=repr(value)
                ),
                fix=_("leave the {column} empty").format(column="value"),
                file=file,
                line=row.line,
                column="value",
            )
        if holds and not value:
            raise DataError(
                _("{column} is empty").format(column="value"),
                fix=_("write it in the {column} column").format(column="value"),
                file=file,
                line=row.line,
                column="value",
            )
        if holds == "number" and not _is_number(value):
            raise DataError(
                _("{value} is not a number").format(value=repr(value)),
                fix=_(
                    "write numbers with digits only, e.g. 1200 (no letters, currency signs "
                    "or thousands separators)"
                ),
                file=file,
                line=row.line,
                column="value",
            )
        lists.setdefault((name, row["language"]), []).append(word)
        values[name, word] = value
    return GoalWords({key: tuple(found) for key, found in lists.items()}, values)


def _is_number(text: str) -> bool:
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False


@cache
def goal_words() -> GoalWords:
    """The package's goal word lists, read and checked once (on first use, not on import)."""
    return parse_goal_words(data_text(WORDS_FILE))


def __getattr__(name: str) -> tuple[str, ...]:
    """``BASELINE_CUES``, ``BASELINE_CUES_AFTER``, ``DEADLINE_WORDS`` and
    ``STANDALONE_DEADLINES``: cue words of ``WORDS_FILE``, read when first asked for.

    ``BASELINE_CUES`` put a starting number after them ("from 1,200", "বর্তমানে ১,২০০");
    ``BASELINE_CUES_AFTER`` follow one ("১,২০০ থেকে", "1,200 today"); ``DEADLINE_WORDS``
    are relative deadlines after by/before/until/on ("by tomorrow"); ``STANDALONE_DEADLINES``
    are time-bound on their own ("tomorrow", "আগামীকালের মধ্যে").

    >>> from smm_helpers.planning import goals
    >>> "বর্তমানে" in goals.BASELINE_CUES, "tomorrow" in goals.DEADLINE_WORDS
    (True, True)
    """
    if name in _PUBLIC_LISTS:
        return goal_words().words(_PUBLIC_LISTS[name])
    # Python's own wording, which hasattr() and the import machinery expect:
    message = f"module {__name__!r} has no attribute {name!r}"  # i18n: not shown
    raise AttributeError(message)


@dataclass(frozen=True)
class _Tables:
    """The word lists the checker looks words up in (built once, on first use)."""

    counts: Mapping[str, float]
    scale: Mapping[str, float]
    multiplier: Mapping[str, float]
    stop_after_number: frozenset[str]
    audience_metrics: tuple[str, ...]
    aliases: Mapping[str, tuple[str, ...]]


@cache
def _tables() -> _Tables:
    words = goal_words()
    aliases: dict[str, tuple[str, ...]] = {}
    for alias, metric in words.labels("metric_alias").items():
        aliases[metric] = (*aliases.get(metric, ()), alias)
    return _Tables(
        counts=words.numbers("count"),
        scale=words.numbers("scale"),
        multiplier=words.numbers("multiplier"),
        stop_after_number=frozenset(words.words("stop_after_number")),
        audience_metrics=words.words("audience_metric"),
        aliases=aliases,
    )


_DISCLAIMER = N_(
    "Rule-based check: it looks for words and numbers, it does not understand "
    "the goal. Read the evidence and decide for yourself."
)


# --- patterns ---------------------------------------------------------------------------


def _compile(pattern: str) -> regex.Pattern[str]:
    """Compile a pattern written in NFC, case-insensitively, with verbose layout."""
    return regex.compile(unicodedata.normalize("NFC", pattern), regex.IGNORECASE | regex.VERBOSE)


def _words(*words: str) -> str:
    """An alternation of words, longest first so that 'engagement rate' beats 'engagement'."""
    ordered = sorted((unicodedata.normalize("NFC", w) for w in words), key=len, reverse=True)
    return "(?:" + "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


_UNIT_EN = r"(?:days?|weeks?|fortnights?|months?|quarters?|years?)"
_UNIT_BN = r"(?:দিন|সপ্তাহ|মাস|বছর|সাল)(?:ের|এর|ে|র)?"
_BASELINE_NUMBER = r"\d+(?:,\d+)*(?:\.\d+)?"


@dataclass(frozen=True)
class _Patterns:
    """The checker's compiled patterns (built once, on first use, from ``goal_words()``)."""

    time: tuple[regex.Pattern[str], ...]
    metric: regex.Pattern[str]
    platform: regex.Pattern[str]
    audience: regex.Pattern[str]
    vague: regex.Pattern[str]
    outcome: regex.Pattern[str]
    unrealistic: regex.Pattern[str]
    number: regex.Pattern[str]
    number_words: regex.Pattern[str]
    multiplier: regex.Pattern[str]
    growth_words: regex.Pattern[str]
    from_to: regex.Pattern[str]
    baseline_text: regex.Pattern[str]
    period: tuple[tuple[regex.Pattern[str], str], ...]
    increase_before: regex.Pattern[str]
    increase_after: regex.Pattern[str]
    growth_after_percent: regex.Pattern[str]


@cache
def _patterns() -> _Patterns:
    words = goal_words()
    return _Patterns(
        time=_time_patterns(words),
        metric=_compile(rf"\b{_words(*words.words('metric'))}"),
        number=_number_pattern(words),
        number_words=_compile(
            rf"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|a\s+hundred|"
            rf"hundred|a\s+thousand|thousand)\s+(?:new\s+|more\s+)?"
            rf"{_words(*words.words('metric'))}\b"
        ),
        baseline_text=_compile(
            rf"(?<!\w){_words(*words.words('baseline_before'))}\s*:?\s*"
            rf"(?:about\s+|around\s+|প্রায়\s*)?{_BASELINE_NUMBER}|{_BASELINE_NUMBER}\s*"
            rf"(?:\S+\s+)?{_words(*words.words('baseline_after'))}(?!\w)"
        ),
        period=_period_patterns(words),
        **_fixed_patterns(),
    )


def _time_patterns(words: GoalWords) -> tuple[regex.Pattern[str], ...]:
    months_en = _words(*words.words("month", "en"))
    months_bn = _words(*words.words("month", "bn"))
    count_word = _words(*words.words("count", "en"))
    events = _words(*words.words("event"))
    return tuple(
        _compile(p)
        for p in (
            # deadlines: "by 31 March 2026", "before June", "until Eid", "by 2027", "in December"
            rf"""\b(?:by|before|until|till|through|no\s+later\s+than|in|during|from|on)\s+
             (?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?{months_en}\b
             (?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+\d{{4}})?""",
            rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{months_en}\b(?:,?\s+\d{{4}})?",
            rf"\b{months_en}\s+(?:\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)\b",
            r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b",
            r"\b(?:by|before|until|till|in|during|through|for)\s+(?:19|20)\d{2}\b",
            rf"\b(?:by|before|until|till|on)\s+(?:monday|tuesday|wednesday|thursday|friday|"
            rf"saturday|sunday|{events})\b",
            rf"""\b(?:the\s+)?end\s+of\s+(?:the\s+|this\s+|next\s+)?
             (?:year|month|quarter|week|campaign|{months_en}|(?:19|20)\d{{2}}|q[1-4])\b""",
            # durations: "in 3 months", "within six weeks", "over the next 12 months"
            rf"""\b(?:in|within|over|during|for|after)\s+(?:the\s+)?(?:next\s+|coming\s+|first\s+)?
             (?:\d+|{count_word})\s+{_UNIT_EN}\b""",
            rf"\b(?:in|within|over|during)\s+(?:the\s+)?(?:next|coming)\s+{_UNIT_EN}\b",
            # rates and periods: "per week", "a month", "every day", "weekly", "this quarter", "Q2"
            r"(?:\b(?:per|a|an|each|every)\s+|/\s*)(?:day|week|fortnight|month|quarter|year)\b",
            r"\b(?:daily|weekly|fortnightly|monthly|quarterly|yearly|annually)\b",
            r"\b(?:this|next|the\s+coming)\s+(?:week|month|quarter|year|season)\b",
            r"\b(?:q[1-4]|h[12])(?:\s*(?:fy\s*)?(?:19|20)?\d{2})?\b",
            # Bengali: "ডিসেম্বরের মধ্যে", "৩ মাসে", "৬ মাসের মধ্যে", "প্রতি সপ্তাহে", "মাসে", "মাসিক"
            rf"""(?:\b\d{{1,2}}\s*)?\b{months_bn}(?:ের|এর|র|ে)?\b
             (?:\s*\d{{4}}(?:\s*(?:সালের|এর|র))?)?(?:\s*(?:মধ্যে|শেষে|পর্যন্ত|নাগাদ))?""",
            rf"\b\d+\s*{_UNIT_BN}\b(?:\s*(?:মধ্যে|শেষে|পর্যন্ত|নাগাদ))?",
            rf"\b(?:প্রতি|এক|এই|আগামী|সামনের|চলতি|পরবর্তী|দুই|তিন|ছয়|বারো)\s*{_UNIT_BN}\b"
            r"(?:\s*(?:মধ্যে|শেষে|পর্যন্ত|নাগাদ))?",
            r"\b(?:মাসে|সপ্তাহে|বছরে|দিনে|প্রতিদিন|রোজ|দৈনিক|সাপ্তাহিক|মাসিক|ত্রৈমাসিক|বার্ষিক)\b",
            rf"{events}\S*\s*(?:আগে|মধ্যে|পর্যন্ত)",
            # relative deadlines: "by tomorrow", "before the weekend", "আগামীকালের মধ্যে"
            rf"\b(?:by|before|until|till|on|over|for|during)\s+(?:the\s+)?(?:end\s+of\s+)?"
            rf"{_words(*words.words('deadline'))}\b",
            rf"(?<!\w){_words(*words.words('standalone_deadline'))}(?!\w)"
            r"(?:\s*(?:মধ্যে|পর্যন্ত|নাগাদ))?",
        )
    )


def _number_pattern(words: GoalWords) -> regex.Pattern[str]:
    """A target number: '2,000 followers', '15%', '৫০০ জন', '2k', '৫ লাখ টাকা'."""
    return _compile(
        rf"""(?<![\w.,])(?P<num>\d+(?:,\d+)*(?:\.\d+)?)(?:{_words("টি", "টা", "জন", "জনকে")})?
         (?:\s*(?P<scale>{_words(*words.words("scale"))})(?!\w))?
         (?P<pct>\s*(?:%|percent\b|per\s*cent\b|percentage\s+points?\b|pp\b|
                    {_words("শতাংশ")}))?
         (?P<unit>(?:\s+[\p{{L}}\p{{M}}][\p{{L}}\p{{M}}\-]*){{0,2}}?\s+{_words(*words.words("metric"))}\b
                  |\s+(?:new\s+|more\s+|additional\s+|extra\s+|{_words("নতুন")}\s+)?
                  [\p{{L}}\p{{M}}][\p{{L}}\p{{M}}\-]*)?"""
    )


def _period_patterns(words: GoalWords) -> tuple[tuple[regex.Pattern[str], str], ...]:
    """Patterns that read how many months a time phrase gives, and how to count them."""
    count_en = _words(*words.words("count", "en"))
    count_bn = _words(*words.words("count", "bn"))
    return tuple(
        (_compile(p), kind)
        for p, kind in (
            (
                rf"\b(?P<n>\d+(?:\.\d+)?|{count_en})\s+(?P<unit>day|week|fortnight|month|quarter|"
                r"year)s?\b",
                "count",
            ),
            (
                r"(?:\b(?:per|a|an|each|every|this|next|the\s+coming)\s+|/\s*)(?P<unit>day|week|"
                r"fortnight|month|quarter|year)\b",
                "one",
            ),
            (r"\b(?P<unit>day|week|fortnight|month|quarter|year)ly\b", "one"),
            (r"\b(?:dai)(?P<unit>ly)\b|\bannually\b|\byearly\b", "named"),
            (r"\bq[1-4]\b", "quarter"),
            (r"\bh[12]\b", "half"),
            (rf"(?P<n>\d+|{count_bn})\s*(?P<unit>দিন|সপ্তাহ|মাস|বছর)", "count"),
            (r"(?:প্রতি|এই|আগামী|চলতি|পরবর্তী)\s*(?P<unit>দিন|সপ্তাহ|মাস|বছর)", "one"),
            (
                r"(?P<unit>মাস|সপ্তাহ|বছর|দিন)(?:ে|িক)\b|(?P<unit>সাপ্তাহিক|দৈনিক|প্রতিদিন|রোজ|"
                r"বার্ষিক|ত্রৈমাসিক)",
                "bengali",
            ),
        )
    )


def _fixed_patterns() -> dict[str, regex.Pattern[str]]:
    """The patterns that take no word list from ``WORDS_FILE``."""
    nfc = partial(unicodedata.normalize, "NFC")
    return {
        "platform": _compile(
            r"\b(?:facebook|fb|instagram|insta|ig|twitter|linkedin|youtube|tiktok|whatsapp|"
            r"threads|telegram|(?:on|via|through)\s+x|x\s*\(twitter\)|"
            r"(?:all|every|each)\s+(?:of\s+)?(?:our\s+)?(?:platforms?|channels?|accounts?|"
            r"networks?))\b|"
            + nfc(
                r"(?:ফেসবুক|ইনস্টাগ্রাম|ইন্সটাগ্রাম|ইউটিউব|টিকটক|লিংকডইন|লিঙ্কডইন|টুইটার|"
                r"হোয়াটসঅ্যাপ)"
            )
        ),
        "audience": _compile(
            r"\b(?:young\s+people|youth|teenagers|teens|students|university\s+students|parents|"
            r"mothers|fathers|women|girls|boys|men|donors|supporters|alumni|graduates|teachers|"
            r"farmers|families|residents|professionals|employers|small\s+businesses|customers|"
            r"readers|subscribers|volunteers|members|local\s+\w+|aged\s+\d+(?:\s*[-–]\s*\d+)?|"
            r"\d+\s*[-–]\s*\d+[-\s]year[-\s]olds?|"
            r"(?:in|from|across|around)\s+(?:dhaka|chattogram|chittagong|sylhet|khulna|rajshahi|"
            r"barishal|rangpur|mymensingh|bangladesh|the\s+diaspora))\b|"
            + nfc(
                r"(?:তরুণ|যুব|কিশোর|শিক্ষার্থী|ছাত্র|অভিভাবক|মায়েদের|নারী|মেয়ে|দাতা|ঢাকা|চট্টগ্রাম|"
                r"সিলেট|গ্রাহক|ক্রেতা|শিক্ষক|কৃষক)"
            )
        ),
        "vague": _compile(
            r"\b(?:more|better|improve|improved|grow\s+our\s+presence|(?:online|social(?:\s+media)?)"
            r"\s+presence|presence|boost|popular|bigger|as\s+many\s+as\s+possible|a\s+lot|lots|"
            r"maximi[sz]e|great|good|best|do\s+well|succeed|successful)\b|"
            + nfc(r"(?:আরও|আরো|ভালো|ভাল|জনপ্রিয়|উন্নত)")
        ),
        "outcome": _compile(
            r"\b(?:donat\w*|donors?|fundrais\w*|raise\s+(?:money|funds)|funds|taka|bdt|tk|"
            r"volunteer\w*|sign[-\s]?ups?|signing\s+up|register\w*|registrations?|members(?:hip)?|"
            r"sales|sell\w*|orders?|customers?|revenue|leads|bookings?|enquir\w*|inquir\w*|"
            r"attend\w*|applications?|apply|petition|signatures|beneficiar\w*|enrol\w*|admissions?|"
            r"(?:awareness|understanding|knowledge)\s+(?:of|about)\s+\w+)\b|"
            + nfc(
                r"(?:দান|অনুদান|তহবিল|স্বেচ্ছাসেবক|সদস্য|নিবন্ধন|রেজিস্ট্রেশন|বিক্রি|বিক্রয়|অর্ডার|"
                r"গ্রাহক|ক্রেতা|ভর্তি|\w+\s+(?:সম্পর্কে|বিষয়ে)\s+সচেতনতা)"
            )
        ),
        "unrealistic": _compile(
            r"\b(?:go(?:es)?\s+viral|viral|everyone|everybody|every\s+person|the\s+whole\s+country|"
            r"all\s+of\s+bangladesh|number\s+one|no\.?\s*1|\#1|millions?\s+of\s+followers|"
            r"overnight)\b|(?<!\w)\#1\b|" + nfc(r"(?:ভাইরাল|সবাই|সবার|রাতারাতি)")
        ),
        "multiplier": _compile(
            r"\b(?:double|doubling|twice|triple|tripling|quadruple|halve|half|"
            r"(?P<times>\d+)\s*(?:x|-?fold|times\s+(?:more|as\s+many|bigger|higher)))\b|"
            + nfc(r"(?:দ্বিগুণ|তিনগুণ|চারগুণ)")
        ),
        "growth_words": _compile(
            r"\b(?:increase|increasing|grow|growing|growth|raise|raising|boost|boosting|lift|"
            r"lifting|improve|improving|rise|up)\b|" + nfc(r"(?:বাড়া|বাড়ি|বাড়ান|বৃদ্ধি)")
        ),
        "from_to": _compile(
            r"\bfrom\s+(?P<a>\d+(?:,\d+)*(?:\.\d+)?)\s*(?P<ascale>k|thousand|lakh)?\b[^.\d]{0,30}?"
            r"\bto\s+(?P<b>\d+(?:,\d+)*(?:\.\d+)?)\s*(?P<bscale>k|thousand|lakh)?\b|"
            + nfc(r"(?P<a2>\d+(?:,\d+)*)\s*(?:থেকে)\s*(?P<b2>\d+(?:,\d+)*)")
        ),
        "increase_before": _compile(
            r"\b(?:gain|gaining|add|adding|win|winning|attract|attracting|recruit|recruiting|get|"
            r"getting|earn|earning|find|finding|another)\s+(?:\w+\s+)?$|" + nfc(r"(?:আরও|আরো)\s*$")
        ),
        "increase_after": _compile(r"^\s*(?:new|more|additional|extra|নতুন|আরও|আরো)\b"),
        "growth_after_percent": _compile(
            r"^\s*(?:more|increase|growth|rise|higher|up|extra|"
            + nfc(r"বেশি|বৃদ্ধি|বাড়া\w*|বাড়ি\w*|বাড়ান\w*")
            + ")"
        ),
    }


# --- result objects ----------------------------------------------------------------------


@dataclass(frozen=True)
class Criterion:
    """The verdict on one SMART criterion, with the evidence behind it.

    ``why`` explains the verdict in plain words; ``suggestion`` says how to fix the goal
    (empty when the criterion passed).

    >>> Criterion("measurable", True, ("15%",), "it has a number")
    Criterion(name='measurable', passed=True, evidence=('15%',), why='it has a number')
    """

    name: str
    passed: bool
    evidence: tuple[str, ...] = ()
    why: str = ""
    suggestion: str = ""

    def __repr__(self) -> str:
        extra = f", suggestion={self.suggestion!r}" if self.suggestion else ""
        return (
            f"Criterion(name={self.name!r}, passed={self.passed}, "
            f"evidence={self.evidence!r}, why={self.why!r}{extra})"
        )


@dataclass(frozen=True)
class GoalCheck:
    """The result of ``check_goal``: which SMART criteria a goal meets and why.

    ``criteria`` maps each name in ``CRITERIA`` to a ``Criterion``.

    >>> check = check_goal("Reach 7,000 Facebook followers by 31 March 2027 to recruit volunteers")
    >>> check.ok, check.missing
    (True, [])
    >>> check.criteria["time-bound"].evidence
    ('by 31 March 2027',)
    """

    goal: str
    criteria: Mapping[str, Criterion] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when every criterion passed."""
        return all(c.passed for c in self.criteria.values())

    @property
    def missing(self) -> list[str]:
        """The names of the criteria that did not pass, in SMART order."""
        return [name for name, c in self.criteria.items() if not c.passed]

    def __repr__(self) -> str:
        return f"GoalCheck(goal={self.goal!r}, ok={self.ok}, missing={self.missing!r})"

    def __str__(self) -> str:
        lines = [_("Goal: {goal}").format(goal=self.goal)]
        for c in self.criteria.values():
            lines.append(f"{'✓' if c.passed else '✗'} {_criterion_name(c.name)}: {c.why}")
            if c.evidence:
                lines.append("    " + _("evidence: {quotes}").format(quotes=_quote(c.evidence)))
            if c.suggestion:
                lines.append("    " + _("try: {suggestion}").format(suggestion=c.suggestion))
        lines.append(self._met())
        return "\n".join(lines)

    def _met(self, disclaimer: str | None = None) -> str:
        """'3 of 5 SMART criteria met.' and the disclaimer, in the chosen language."""
        met = sum(c.passed for c in self.criteria.values())
        return _("{met} of {total} SMART criteria met. {disclaimer}").format(
            met=digits(met),
            total=digits(len(self.criteria)),
            disclaimer=_(_DISCLAIMER) if disclaimer is None else disclaimer,
        )

    def _repr_html_(self) -> str:
        rows = []
        try_ = html.escape(_("Try:"))
        for c in self.criteria.values():
            mark = (
                '<span style="color:#1a7f37">✓</span>'  # i18n: not shown
                if c.passed
                else '<span style="color:#cf222e">✗</span>'  # i18n: not shown
            )
            evidence = ", ".join(f"“{html.escape(e)}”" for e in c.evidence) or "—"
            tip = f"<br><em>{try_}</em> {html.escape(c.suggestion)}" if c.suggestion else ""
            rows.append(
                f"<tr><td>{mark} <b>{html.escape(_criterion_name(c.name))}</b></td>"
                f"<td>{html.escape(c.why)}{tip}</td><td>{evidence}</td></tr>"
            )
        heads = "".join(
            f"<th>{html.escape(h)}</th>" for h in (_("Criterion"), _("Why"), _("Evidence found"))
        )
        marker = "\x00"  # where the disclaimer goes, so that it can be set in <small>
        met = html.escape(self._met(marker)).replace(
            marker, f"<small>{html.escape(_(_DISCLAIMER))}</small>"
        )
        goal = html.escape(_("Goal:"))
        return (
            f"<div><p><b>{goal}</b> {html.escape(self.goal)}</p>"
            f"<table><thead><tr>{heads}</tr>"
            f"</thead><tbody>{''.join(rows)}</tbody></table>"
            f"<p>{met}</p></div>"
        )


def _criterion_name(name: str) -> str:
    """A criterion's name in the chosen language ("specific", "নির্দিষ্ট")."""
    return _(CRITERION_NAMES[name]) if name in CRITERION_NAMES else name


# --- the checker -------------------------------------------------------------------------


def check_goal(
    text: str,
    *,
    baseline: Mapping[str, float] | None = None,
    period_months: float | None = None,
    relevant_to: Sequence[str] | None = None,
) -> GoalCheck:
    """Check a goal (English or Bengali) against the five SMART criteria.

    ``baseline`` gives today's value of a metric the goal talks about, e.g.
    ``{"followers": 5000}``; ``period_months`` says how long the goal has (otherwise it is
    read from phrases such as "in 3 months" or "per week").  With both, growth targets are
    compared with published follower growth rates.  ``relevant_to`` lists your
    organisation's own goals; the goal must mention one of them to count as relevant.

    >>> check = check_goal("Get more followers")
    >>> check.missing
    ['specific', 'measurable', 'achievable', 'relevant', 'time-bound']
    >>> check_goal("ফেসবুকে ৩ মাসে ১৫% বেশি দান সংগ্রহ করা").missing  # 15% of what?
    ['measurable']
    >>> check_goal("ফেসবুকে ৩ মাসে ২০,০০০ টাকা থেকে ১৫% বেশি দান সংগ্রহ করা").missing
    []
    >>> print(check_goal("Grow followers by 900% by 31 March").criteria["achievable"].why)
    +900% without a period to spread it over is not realistic: more than +300% ...
    >>> unlikely = check_goal("Gain 15,000 new Facebook followers among parents in 1 month "
    ...                       "to find volunteers", baseline={"followers": 5000})
    >>> unlikely.missing
    ['achievable']
    >>> print(unlikely.criteria["achievable"].why)
    +300% in 1 month is about 300% growth a month; nonprofit Facebook audiences grew about
    2.6% a month (M+R/NTEN eNonprofit Benchmarks 2013) ...
    >>> check_goal("   ")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: The goal is empty.
    How to fix it: write it as one sentence, e.g. 'Reach 2,000 Instagram followers by June 2027'.
    """
    goal = _clean_goal(text)
    _check_options(baseline, period_months, relevant_to)
    matchable = goal.translate(LATIN_DIGITS)
    time_spans = _find_all(_patterns().time, matchable)
    numbers = _numbers(goal, matchable, time_spans)
    measurable = _measurable(goal, matchable, numbers, baseline)
    criteria = {
        "specific": _specific(goal, matchable),
        "measurable": measurable,
        "achievable": _achievable(
            goal, matchable, measurable, time_spans, numbers, baseline, period_months
        ),
        "relevant": _relevant(goal, matchable, relevant_to),
        "time-bound": _time_bound(goal, time_spans),
    }
    return GoalCheck(goal=goal, criteria=criteria)


def _clean_goal(text: object) -> str:
    if not isinstance(text, str):
        raise InputError(
            _("The goal must be text (a str), not {kind}").format(kind=type(text).__name__),
            fix=_(
                "pass the goal as a sentence in quotes, e.g. check_goal('Reach 2,000 followers "
                "by June')"
            ),
        )
    goal = unicodedata.normalize("NFC", " ".join(text.split()))
    if not goal:
        raise InputError(
            _("The goal is empty"),
            fix=_("write it as one sentence, e.g. 'Reach 2,000 Instagram followers by June 2027'"),
        )
    return goal


def _check_options(
    baseline: Mapping[str, float] | None,
    period_months: float | None,
    relevant_to: Sequence[str] | None,
) -> None:
    if baseline is not None:
        for key, value in baseline.items():
            if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
                raise InputError(
                    _("The baseline for {key} is {value}; it must be a number above 0").format(
                        key=repr(key), value=repr(value)
                    ),
                    fix=_("give today's value, e.g. {example}").format(
                        example="baseline={'followers': 5000}"
                    ),
                )
    if period_months is not None and (
        isinstance(period_months, bool)
        or not isinstance(period_months, int | float)
        or period_months <= 0
    ):
        raise InputError(
            _("period_months is {value}, but it must be a number of months above 0").format(
                value=repr(period_months)
            ),
            fix=_(
                "give how long the goal has, e.g. period_months=3 for a quarter "
                "or period_months=0.25 for a week"
            ),
        )
    if isinstance(relevant_to, str):
        raise InputError(
            _("relevant_to is the text {value}, but it must be a list of goals").format(
                value=repr(relevant_to)
            ),
            fix=_("put it in a list: relevant_to=[{value}]").format(value=repr(relevant_to)),
        )


def _find_all(patterns: Iterable[regex.Pattern[str]], text: str) -> list[tuple[int, int]]:
    """Spans matched by any pattern, overlapping ones merged, in order."""
    spans = sorted(m.span() for p in patterns for m in p.finditer(text) if m.group().strip())
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


@dataclass(frozen=True)
class _Number:
    value: float
    is_percent: bool
    unit: str
    evidence: str
    span: tuple[int, int]


def _to_float(number: str, scale: str | None) -> float:
    return float(number.replace(",", "")) * _tables().scale.get((scale or "").lower(), 1)


def _numbers(goal: str, text: str, time_spans: list[tuple[int, int]]) -> list[_Number]:
    """Numbers that are targets, not dates: '2,000 followers', '15%', '৫০০ জন'."""
    found = []
    for m in _patterns().number.finditer(text):
        if _overlaps(m.span("num"), time_spans):
            continue
        unit = (m.group("unit") or "").strip()
        words = unit.split()
        if words and words[-1].lower() in _tables().stop_after_number:
            words = [w for w in words if w.lower() not in _tables().stop_after_number]
        unit = " ".join(words)
        is_percent = bool(m.group("pct"))
        if is_percent and not _patterns().metric.search(unit):
            unit = ""
        number_end = m.start("unit") if m.group("unit") else m.end()
        evidence = (goal[m.start() : number_end].strip() + " " + unit).strip()
        end = number_end + (len(m.group("unit")) if unit else 0)
        number = m.group("num")
        is_year = regex.fullmatch(r"(?:19|20)\d\d", number) is not None
        if is_year and not is_percent and not _patterns().metric.search(unit):
            continue
        found.append(
            _Number(
                _to_float(number, m.group("scale")), is_percent, unit, evidence, (m.start(), end)
            )
        )
    return found


def _quote(items: Iterable[str]) -> str:
    return ", ".join(f'"{i}"' for i in items)


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(" ".join(item.split()), None)
    return tuple(seen)


def _hits(pattern: regex.Pattern[str], goal: str, text: str) -> tuple[str, ...]:
    """What ``pattern`` matched, quoted from the goal as the learner wrote it."""
    return _unique(goal[m.start() : m.end()] for m in pattern.finditer(text))


def _specific(goal: str, text: str) -> Criterion:
    metrics = _hits(_patterns().metric, goal, text)
    where = _hits(_patterns().platform, goal, text)
    who = tuple(w for w in _hits(_patterns().audience, goal, text) if w not in metrics)
    vague = _hits(_patterns().vague, goal, text)
    evidence = metrics + where + who
    vague_note = " " + _("Vague words found: {words}.").format(words=_quote(vague)) if vague else ""
    if metrics and (where or who):
        return Criterion(
            "specific",
            True,
            evidence,
            _("it names what will change ({metrics}) and where or for whom ({where}).").format(
                metrics=", ".join(metrics), where=", ".join(where + who)
            )
            + vague_note,
        )
    suggestion = _(
        "say exactly what will change, where and for whom, e.g. 'Instagram "
        "followers among university students in Dhaka'"
    )
    if not metrics:
        why = (
            _(
                "it does not say what will change (no metric such as followers, reach, "
                "sign-ups or donations)."
            )
            + vague_note
        )
    else:
        why = (
            _(
                "it names what will change ({metrics}) but not where or for whom "
                "(no platform or audience)."
            ).format(metrics=", ".join(metrics))
            + vague_note
        )
    return Criterion("specific", False, evidence + vague, why, suggestion)


def _has_baseline(text: str, baseline: Mapping[str, float] | None) -> bool:
    """Whether the goal says where it starts from, in its words or in ``baseline=``."""
    if _patterns().baseline_text.search(text):
        return True
    lower = text.lower()
    return any(alias in lower for key in (baseline or {}) for alias in _aliases(key))


def _measurable(
    goal: str, text: str, numbers: list[_Number], baseline: Mapping[str, float] | None = None
) -> Criterion:
    evidence = _unique(
        [n.evidence for n in numbers]
        + list(_hits(_patterns().number_words, goal, text))
        + list(_hits(_patterns().multiplier, goal, text))
    )
    relative = _growth(text, numbers, None)
    if evidence and relative is not None and not _has_baseline(text, baseline):
        return Criterion(
            "measurable",
            False,
            (relative.evidence,),
            _(
                'it asks for a relative change ("{evidence}") but does not say from '
                "what: without the starting number nobody can tell when it is reached."
            ).format(evidence=relative.evidence),
            _(
                "give the starting number, e.g. 'from 1,200 to 1,500 Facebook followers', "
                "'from 1,200 followers today', or pass {example}"
            ).format(example="baseline={'followers': 1200}"),
        )
    if evidence:
        return Criterion(
            "measurable", True, evidence, _("it has a number to check the result against.")
        )
    return Criterion(
        "measurable",
        False,
        (),
        _("there is no number, so nobody can tell whether the goal was reached."),
        _(
            "add a number and a unit, e.g. '2,000 followers', '15% more sign-ups' or "
            "'an engagement rate of 3%'"
        ),
    )


_TIME_SUGGESTION = N_(
    "say by when or per what period, e.g. 'by 31 March 2027', 'in 3 months', "
    "'per week' or 'ডিসেম্বরের মধ্যে'"
)


def _time_bound(goal: str, spans: list[tuple[int, int]]) -> Criterion:
    if spans:
        return Criterion(
            "time-bound",
            True,
            _unique(goal[a:b] for a, b in spans),
            _("it says by when or over what period."),
        )
    return Criterion(
        "time-bound",
        False,
        (),
        _("there is no deadline or period, so the goal can drift forever."),
        _(_TIME_SUGGESTION),
    )


def _relevant(goal: str, text: str, relevant_to: Sequence[str] | None) -> Criterion:
    if relevant_to:
        hits = _unique(goal for goal in relevant_to if _mentions(text, goal))
        if hits:
            return Criterion(
                "relevant",
                True,
                hits,
                _("it mentions your organisation's goal: {goals}.").format(goals=", ".join(hits)),
            )
        return Criterion(
            "relevant",
            False,
            (),
            _("it does not mention any of your organisation's goals: {goals}.").format(
                goals=", ".join(relevant_to)
            ),
            _(
                "say which goal it serves, e.g. '... so that more people {goal}' "
                "or '... to support {goal}'"
            ).format(goal=relevant_to[0]),
        )
    outcomes = _hits(_patterns().outcome, goal, text)
    if outcomes:
        return Criterion(
            "relevant", True, outcomes, _("it ties to an outcome the organisation cares about.")
        )
    return Criterion(
        "relevant",
        False,
        (),
        _(
            "it does not say what the result is for (no donations, volunteers, sign-ups, sales "
            "or awareness of a cause), so it may be a vanity number."
        ),
        _(
            "add why it matters to the organisation, e.g. '... so that 50 more people sign up "
            "as volunteers' or '... to raise awareness of child marriage'"
        ),
    )


def _stem(word: str) -> str:
    word = word.lower()
    return word if len(word) <= 4 else word[: max(4, len(word) - 4)]


def _mentions(text: str, goal: str) -> bool:
    """Whether every content word of ``goal`` appears in ``text`` (loosely: shared stem)."""
    text_words = [w.lower() for w in regex.findall(r"\w+", text)]
    goal_words = [
        w for w in regex.findall(r"\w+", unicodedata.normalize("NFC", goal)) if len(w) >= 3
    ] or regex.findall(r"\w+", goal)
    return bool(goal_words) and all(
        any(tw.startswith(_stem(gw)) for tw in text_words) for gw in goal_words
    )


# --- achievable --------------------------------------------------------------------------

_DAYS_PER_MONTH = 30.44
_UNIT_MONTHS = {
    "day": 1 / _DAYS_PER_MONTH,
    "week": 7 / _DAYS_PER_MONTH,
    "fortnight": 14 / _DAYS_PER_MONTH,
    "month": 1.0,
    "quarter": 3.0,
    "year": 12.0,
    "দিন": 1 / _DAYS_PER_MONTH,
    "সপ্তাহ": 7 / _DAYS_PER_MONTH,
    "মাস": 1.0,
    "বছর": 12.0,
}
_BENGALI_PERIOD_WORDS = {
    "সাপ্তাহিক": "সপ্তাহ",
    "দৈনিক": "দিন",
    "প্রতিদিন": "দিন",
    "রোজ": "দিন",
    "বার্ষিক": "বছর",
}


def _months(n: float) -> str:
    """'1 month', '3 months', '0.25 months' in the chosen language."""
    return ngettext("{count} month", "{count} months", 1 if n == 1 else 2).format(
        count=digits(f"{n:g}")
    )


def _period_from_text(
    goal: str, text: str, spans: list[tuple[int, int]]
) -> tuple[float, str] | None:
    """How many months a goal has, read from its time phrases: (months, phrase)."""
    for start, end in spans:
        phrase = text[start:end]
        for pattern, kind in _patterns().period:
            m = pattern.search(phrase)
            if m is None:
                continue
            label = goal[start + m.start() : start + m.end()]
            unit = (m.groupdict().get("unit") or "").lower()
            if kind == "count":
                raw = m.group("n").lower()
                counts = _tables().counts
                n = counts[raw] if raw in counts else float(raw)
                return n * _UNIT_MONTHS[unit], label
            if kind == "one":
                return _UNIT_MONTHS[unit], label
            if kind == "named":
                return (_UNIT_MONTHS["day"] if unit == "ly" else 12.0), label
            if kind == "quarter":
                return 3.0, label
            if kind == "half":
                return 6.0, label
            if unit == "ত্রৈমাসিক":
                return 3.0, label
            return _UNIT_MONTHS[_BENGALI_PERIOD_WORDS.get(unit, unit)], label
    return None


@dataclass(frozen=True)
class _Growth:
    percent: float
    evidence: str
    audience: bool
    baseline: tuple[str, float] | None = None


def _aliases(key: str) -> tuple[str, ...]:
    plain = key.replace("_", " ").lower()
    words = {plain, plain.rstrip("s"), plain + "s", *_tables().aliases.get(key.lower(), ())}
    return tuple(unicodedata.normalize("NFC", w) for w in words if w)


def _mentions_audience(text: str) -> bool:
    lower = text.lower()
    return any(alias in lower for key in _tables().audience_metrics for alias in _aliases(key))


def _growth(
    text: str, numbers: list[_Number], baseline: Mapping[str, float] | None
) -> _Growth | None:
    """The growth a goal asks for, in % of today's value, if it can be worked out."""
    audience = _mentions_audience(text)
    m = _patterns().from_to.search(text)
    if m is not None:
        a = _to_float(m.group("a") or m.group("a2"), m.group("ascale"))
        b = _to_float(m.group("b") or m.group("b2"), m.group("bscale"))
        if a > 0 and b > a:
            return _Growth((b - a) / a * 100, m.group().strip(), audience, None)
    for m in _patterns().multiplier.finditer(text):
        word = m.group().lower()
        if m.group("times"):
            return _Growth((float(m.group("times")) - 1) * 100, m.group(), audience)
        if word in _tables().multiplier:
            return _Growth(_tables().multiplier[word], m.group(), audience)
    for n in numbers:
        if not n.is_percent or "point" in n.evidence.lower() or n.evidence.lower().endswith("pp"):
            continue
        before, after = text[: n.span[0]], text[n.span[0] :]
        after_number = after[len(regex.match(r"\d[\d,.]*\s*(?:%|\S+)", after)[0]) :]
        by_growth = regex.search(r"\bby\s*$", before, regex.IGNORECASE) and (
            _patterns().growth_words.search(before)
        )
        if by_growth or _patterns().growth_after_percent.search(after_number):
            return _Growth(n.value, n.evidence, audience)
    for key, value in (baseline or {}).items():
        aliases = _aliases(key)
        for i, n in enumerate(numbers):
            if n.is_percent:
                continue
            stop = numbers[i + 1].span[0] if i + 1 < len(numbers) else len(text)
            window = text[n.span[0] : min(stop, n.span[0] + 40)].lower()
            if not any(alias in window for alias in aliases):
                continue
            explicit = _patterns().increase_before.search(text[: n.span[0]]) or (
                _patterns().increase_after.search(text[n.span[0] :].split(maxsplit=1)[-1])
            )
            increase = n.value if explicit or n.value <= value else n.value - value
            is_audience = key.lower() in _tables().audience_metrics or audience
            return _Growth(increase / value * 100, n.evidence, is_audience, (key, value))
    return None


def _benchmarks_text() -> str:
    chosen = [_(text) for rate, text in FOLLOWER_GROWTH_BENCHMARKS if rate >= 1]
    joined = chosen[0]
    for text in chosen[1:]:
        joined = _("{first} and {second}").format(first=joined, second=text)
    return joined


def _pct(value: float, decimals: int = 0) -> str:
    """A percentage's number ('300', '2.6') in the chosen language's digits."""
    return digits(f"{value:.{decimals}f}")


def _growth_evidence(growth: _Growth) -> str:
    """'growth of +300% (15,000 new followers)', with its baseline when one was given."""
    if growth.baseline is None:
        return _("growth of +{percent}% ({evidence})").format(
            percent=_pct(growth.percent), evidence=growth.evidence
        )
    return _("growth of +{percent}% ({evidence}) from a baseline of {value} {metric}").format(
        percent=_pct(growth.percent),
        evidence=growth.evidence,
        value=digits(f"{growth.baseline[1]:,g}"),
        metric=growth.baseline[0],
    )


def _achievable(
    goal: str,
    text: str,
    measurable: Criterion,
    time_spans: list[tuple[int, int]],
    numbers: list[_Number],
    baseline: Mapping[str, float] | None,
    period_months: float | None,
) -> Criterion:
    unrealistic = _unique(goal[m.start() : m.end()] for m in _patterns().unrealistic.finditer(text))
    if unrealistic:
        return Criterion(
            "achievable",
            False,
            unrealistic,
            _("it promises something no plan can control ({quotes}).").format(
                quotes=_quote(unrealistic)
            ),
            _(
                "replace it with a number you can reach from where you are today, "
                "e.g. '+10% Facebook followers in 3 months'"
            ),
        )
    growth = _growth(text, numbers, baseline)
    if period_months is not None:
        period: tuple[float, str] | None = (period_months, _months(period_months))
    else:
        period = _period_from_text(goal, text, time_spans)
    absurd = _absurd(growth, period)
    if absurd is not None:
        return absurd
    if not measurable.passed and not measurable.evidence:
        return Criterion(
            "achievable",
            False,
            (),
            _("without a number there is nothing to check against what you have today."),
            _("add a number first (see measurable), then compare it with your current figures"),
        )
    if growth is None:
        why = (
            _(
                "there is a target, but nothing to compare it with: pass {example} (today's value "
                "of the metric the goal names) to check it."
            ).format(example="baseline={'followers': 5000}")
            if not baseline
            else _(
                "there is a target, but nothing to compare it with: the baseline you gave "
                "({metrics}) is not a metric the goal names, so it could not be used."
            ).format(metrics=", ".join(baseline))
        )
        return Criterion("achievable", True, (), why)
    evidence = [_growth_evidence(growth)]
    if period is None:
        return Criterion(
            "achievable",
            True,
            tuple(evidence),
            _(
                "it asks for +{percent}%, but over what period is unclear; "
                "pass period_months=... to check it."
            ).format(percent=_pct(growth.percent)),
        )
    months, label = period
    evidence.append(_("period: {period}").format(period=label))
    monthly = ((1 + growth.percent / 100) ** (1 / months) - 1) * 100
    what = _("+{percent}% in {period}").format(
        percent=_pct(growth.percent), period=label.removeprefix("in ").removeprefix("within ")
    )
    if growth.audience:
        if monthly > UNLIKELY_MONTHLY_GROWTH:
            return Criterion(
                "achievable",
                False,
                tuple(evidence),
                _(
                    "{what} is about {monthly}% growth a month; {benchmarks}. "
                    "Above {limit}% a month is very unlikely."
                ).format(
                    what=what,
                    monthly=_pct(monthly),
                    benchmarks=_benchmarks_text(),
                    limit=digits(f"{UNLIKELY_MONTHLY_GROWTH:g}"),
                ),
                _realistic_suggestion(growth, months),
            )
        if monthly > TYPICAL_MONTHLY_GROWTH * 1.5:
            why = _(
                "{what} is about {monthly}% growth a month, ambitious next to the "
                "{typical}% a month nonprofit benchmark (M+R/NTEN 2013)."
            )
        else:
            why = _(
                "{what} is about {monthly}% growth a month, in line with the "
                "{typical}% a month nonprofit benchmark (M+R/NTEN 2013)."
            )
        return Criterion(
            "achievable",
            True,
            tuple(evidence),
            why.format(
                what=what, monthly=_pct(monthly, 1), typical=digits(f"{TYPICAL_MONTHLY_GROWTH:g}")
            ),
        )
    if monthly > UNLIKELY_MONTHLY_GROWTH_OTHER:
        return Criterion(
            "achievable",
            False,
            tuple(evidence),
            _(
                "{what} is about {monthly}% growth a month: more than doubling every month "
                "is rarely sustained."
            ).format(what=what, monthly=_pct(monthly)),
            _("compare with your own past months and set a smaller step, or give it more time"),
        )
    return Criterion(
        "achievable",
        True,
        tuple(evidence),
        _(
            "{what} is about {monthly}% growth a month; the course has no "
            "benchmark for this metric, so compare it with your own past months."
        ).format(what=what, monthly=_pct(monthly, 1)),
    )


def _absurd(growth: _Growth | None, period: tuple[float, str] | None) -> Criterion | None:
    """A realism warning for growth above ``ABSURD_GROWTH_PERCENT`` within a quarter (or
    over a period the goal does not give), whatever the metric."""
    if growth is None or growth.percent <= ABSURD_GROWTH_PERCENT:
        return None
    if period is not None and period[0] > QUARTER_MONTHS:
        return None
    if period is not None:
        why = _(
            "+{percent}% in {period} is not realistic: more than +{limit}% (over 4 times "
            "today's value) within a quarter is almost never reached; {benchmarks}."
        )
    else:
        why = _(
            "+{percent}% without a period to spread it over is not realistic: more than "
            "+{limit}% (over 4 times today's value) within a quarter is almost never "
            "reached; {benchmarks}."
        )
    return Criterion(
        "achievable",
        False,
        (
            _("growth of +{percent}% ({evidence})").format(
                percent=_pct(growth.percent), evidence=growth.evidence
            ),
        ),
        why.format(
            percent=_pct(growth.percent),
            period=period[1] if period else "",
            limit=_pct(ABSURD_GROWTH_PERCENT),
            benchmarks=_benchmarks_text(),
        ),
        _(
            "start from today's number and aim for a step you can reach, e.g. +{step}% in 3 "
            "months at the typical {typical}% a month"
        ).format(
            step=_pct(((1 + TYPICAL_MONTHLY_GROWTH / 100) ** 3 - 1) * 100),
            typical=digits(f"{TYPICAL_MONTHLY_GROWTH:g}"),
        ),
    )


def _realistic_suggestion(growth: _Growth, months: float) -> str:
    low = ((1 + TYPICAL_MONTHLY_GROWTH / 100) ** months - 1) * 100
    high = ((1 + UNLIKELY_MONTHLY_GROWTH / 200) ** months - 1) * 100
    rates = {
        "low_rate": digits(f"{TYPICAL_MONTHLY_GROWTH:g}"),
        "high_rate": digits(f"{UNLIKELY_MONTHLY_GROWTH / 2:g}"),
        "low": _pct(low),
        "high": _pct(high),
    }
    if growth.baseline is None:
        return _(
            "aim for about {low_rate}–{high_rate}% a month (+{low}% to +{high}% over this "
            "period), give it more time, or plan paid promotion"
        ).format(**rates)
    key, value = growth.baseline
    return _(
        "aim for about {low_rate}–{high_rate}% a month (+{low}% to +{high}% over this "
        "period), i.e. from {value} to about {target_low}–{target_high} {metric}, give it "
        "more time, or plan paid promotion"
    ).format(
        **rates,
        value=format_number(value),
        target_low=format_number(value * (1 + low / 100)),
        target_high=format_number(value * (1 + high / 100)),
        metric=key,
    )
