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
  "আগামীকালের মধ্যে").  The cue words are data: ``BASELINE_CUES``, ``DEADLINE_WORDS``.

>>> print(check_goal("Grow our presence and do better on social media"))
Goal: Grow our presence and do better on social media
✗ specific: it does not say what will change (no metric such as followers, ...
...
0 of 5 SMART criteria met. ...
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import regex

from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import N_, ngettext
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import LATIN_DIGITS, digits, format_number

__all__ = [
    "ABSURD_GROWTH_PERCENT",
    "BASELINE_CUES",
    "CRITERIA",
    "DEADLINE_WORDS",
    "FOLLOWER_GROWTH_BENCHMARKS",
    "UNLIKELY_MONTHLY_GROWTH",
    "Criterion",
    "GoalCheck",
    "check_goal",
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
        N_("nonprofit Facebook audiences grew about 2.6% a month "
           "(M+R/NTEN eNonprofit Benchmarks 2013)"),
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


def _nfc_all(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(unicodedata.normalize("NFC", w) for w in words)


BASELINE_CUES: tuple[str, ...] = _nfc_all((
    "from", "currently", "current",
    "currently at", "today's", "today we have", "now at",  # i18n: not shown
    "we have", "starting from", "starting at", "up from",  # i18n: not shown
    "baseline", "baseline of",  # i18n: not shown
    "বর্তমানে", "বর্তমান", "এখন", "এখনকার", "আজকের",
))
"""Words that put a starting number next to them: "from 1,200", "current 1,200", "বর্তমানে
১,২০০".  Bengali "১,২০০ থেকে" (number, then থেকে) is matched as well."""

BASELINE_CUES_AFTER: tuple[str, ...] = _nfc_all(("থেকে", "হতে", "today", "now", "currently"))
"""Words that follow a starting number: "১,২০০ থেকে", "1,200 today"."""

DEADLINE_WORDS: tuple[str, ...] = _nfc_all((
    "tomorrow", "tonight", "today",
    "the day after tomorrow", "the weekend", "this weekend",  # i18n: not shown
    "next weekend", "end of day", "end of the day",  # i18n: not shown
    "end of business", "eod", "eow",  # i18n: not shown
    "month-end", "year-end", "quarter-end", "the holidays",  # i18n: not shown
))
"""Relative deadlines that count as time-bound after by/before/until/on ("by tomorrow")."""

STANDALONE_DEADLINES: tuple[str, ...] = _nfc_all((
    "tomorrow", "tonight", "the day after tomorrow",  # i18n: not shown
    "আগামীকাল", "আগামীকালের", "আগামীকালকের", "কালকের", "আজকের", "আজই", "আজ রাতের",
    "পরশু", "পরশুর", "এই সপ্তাহান্তে", "সপ্তাহান্তের", "এই ত্রৈমাসিকে", "আগামী ত্রৈমাসিকে",
    "এই প্রান্তিকে", "এই কোয়ার্টারে",
))
"""Deadlines that are time-bound on their own ("tomorrow", "আগামীকালের মধ্যে")."""

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



_MONTHS_EN = _words(
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
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
)
_MONTHS_BN = _words(
    "জানুয়ারি",
    "জানুয়ারী",
    "ফেব্রুয়ারি",
    "ফেব্রুয়ারী",
    "মার্চ",
    "এপ্রিল",
    "মে",
    "জুন",
    "জুলাই",
    "আগস্ট",
    "আগষ্ট",
    "সেপ্টেম্বর",
    "অক্টোবর",
    "নভেম্বর",
    "ডিসেম্বর",
    "বৈশাখ",
    "জ্যৈষ্ঠ",
    "আষাঢ়",
    "শ্রাবণ",
    "ভাদ্র",
    "আশ্বিন",
    "কার্তিক",
    "অগ্রহায়ণ",
    "পৌষ",
    "মাঘ",
    "ফাল্গুন",
    "চৈত্র",
)
_COUNT_WORD = _words(
    "fifteen",
    "twenty",
    "thirty",
    "forty-five",
    "sixty",
    "ninety",
    "a hundred",
    "a",
    "an",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "few",
    "couple of",  # i18n: not shown
)
_UNIT_EN = r"(?:days?|weeks?|fortnights?|months?|quarters?|years?)"
_UNIT_BN = r"(?:দিন|সপ্তাহ|মাস|বছর|সাল)(?:ের|এর|ে|র)?"
_EVENTS = _words(
    "eid",
    "christmas",
    "ramadan",
    "ramzan",
    "pohela boishakh",  # i18n: not shown
    "bengali new year",  # i18n: not shown
    "victory day",  # i18n: not shown
    "independence day",  # i18n: not shown
    "givingtuesday",
    "giving tuesday",  # i18n: not shown
    "new year",  # i18n: not shown
    "the campaign",  # i18n: not shown
    "the event",  # i18n: not shown
    "the launch",  # i18n: not shown
    "ঈদ",
    "ঈদের",
    "পহেলা বৈশাখ",
    "বিজয় দিবস",
    "স্বাধীনতা দিবস",
    "রমজান",
    "রোজা",
)

_TIME_PATTERNS = tuple(
    _compile(p)
    for p in (
        # deadlines: "by 31 March 2026", "before June", "until Eid", "by 2027", "in December"
        rf"""\b(?:by|before|until|till|through|no\s+later\s+than|in|during|from|on)\s+(?:the\s+)?
         (?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?{_MONTHS_EN}\b(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?
         (?:,?\s+\d{{4}})?""",
        rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS_EN}\b(?:,?\s+\d{{4}})?",
        rf"\b{_MONTHS_EN}\s+(?:\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)\b",
        r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b",
        r"\b(?:by|before|until|till|in|during|through|for)\s+(?:19|20)\d{2}\b",
        rf"\b(?:by|before|until|till|on)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|"
        rf"sunday|{_EVENTS})\b",
        rf"""\b(?:the\s+)?end\s+of\s+(?:the\s+|this\s+|next\s+)?
         (?:year|month|quarter|week|campaign|{_MONTHS_EN}|(?:19|20)\d{{2}}|q[1-4])\b""",
        # durations: "in 3 months", "within six weeks", "over the next 12 months"
        rf"""\b(?:in|within|over|during|for|after)\s+(?:the\s+)?(?:next\s+|coming\s+|first\s+)?
         (?:\d+|{_COUNT_WORD})\s+{_UNIT_EN}\b""",
        rf"\b(?:in|within|over|during)\s+(?:the\s+)?(?:next|coming)\s+{_UNIT_EN}\b",
        # rates and periods: "per week", "a month", "every day", "weekly", "this quarter", "Q2"
        r"(?:\b(?:per|a|an|each|every)\s+|/\s*)(?:day|week|fortnight|month|quarter|year)\b",
        r"\b(?:daily|weekly|fortnightly|monthly|quarterly|yearly|annually)\b",
        r"\b(?:this|next|the\s+coming)\s+(?:week|month|quarter|year|season)\b",
        r"\b(?:q[1-4]|h[12])(?:\s*(?:fy\s*)?(?:19|20)?\d{2})?\b",
        # Bengali: "ডিসেম্বরের মধ্যে", "৩ মাসে", "৬ মাসের মধ্যে", "প্রতি সপ্তাহে", "মাসে", "মাসিক"
        rf"""(?:\b\d{{1,2}}\s*)?\b{_MONTHS_BN}(?:ের|এর|র|ে)?\b(?:\s*\d{{4}}(?:\s*(?:সালের|এর|র))?)?
         (?:\s*(?:মধ্যে|শেষে|পর্যন্ত|নাগাদ))?""",
        rf"\b\d+\s*{_UNIT_BN}\b(?:\s*(?:মধ্যে|শেষে|পর্যন্ত|নাগাদ))?",
        rf"\b(?:প্রতি|এক|এই|আগামী|সামনের|চলতি|পরবর্তী|দুই|তিন|ছয়|বারো)\s*{_UNIT_BN}\b"
        r"(?:\s*(?:মধ্যে|শেষে|পর্যন্ত|নাগাদ))?",
        r"\b(?:মাসে|সপ্তাহে|বছরে|দিনে|প্রতিদিন|রোজ|দৈনিক|সাপ্তাহিক|মাসিক|ত্রৈমাসিক|বার্ষিক)\b",
        rf"{_EVENTS}\S*\s*(?:আগে|মধ্যে|পর্যন্ত)",
        # relative deadlines: "by tomorrow", "before the weekend", "আগামীকালের মধ্যে"
        rf"\b(?:by|before|until|till|on|over|for|during)\s+(?:the\s+)?(?:end\s+of\s+)?"
        rf"{_words(*DEADLINE_WORDS)}\b",
        rf"(?<!\w){_words(*STANDALONE_DEADLINES)}(?!\w)(?:\s*(?:মধ্যে|পর্যন্ত|নাগাদ))?",
    )
)

_METRIC_WORDS = _words(
    "followers",
    "follower",
    "fans",
    "page likes",  # i18n: not shown
    "subscribers",
    "likes",
    "reactions",
    "comments",
    "shares",
    "saves",
    "views",
    "video views",  # i18n: not shown
    "reach",
    "impressions",
    "engagement",
    "engagement rate",  # i18n: not shown
    "clicks",
    "link clicks",  # i18n: not shown
    "click-through rate",  # i18n: not shown
    "ctr",
    "visits",
    "website visits",  # i18n: not shown
    "traffic",
    "sign-ups",
    "signups",
    "sign ups",  # i18n: not shown
    "registrations",
    "donations",
    "donors",
    "volunteers",
    "leads",
    "sales",
    "orders",
    "messages",
    "replies",
    "response time",  # i18n: not shown
    "response rate",  # i18n: not shown
    "posts",
    "members",
    "downloads",
    "attendees",
    "applications",
    "signatures",
    "enquiries",
    "inquiries",
    "bookings",
    "conversions",
    "taka",
    "bdt",
    "tk",
    "funds",
    "mentions",
    "retweets",
    "reposts",
    "post",
    "posting",
    "ফলোয়ার",
    "অনুসারী",
    "লাইক",
    "কমেন্ট",
    "মন্তব্য",
    "শেয়ার",
    "ভিউ",
    "রিচ",
    "এনগেজমেন্ট",
    "ক্লিক",
    "দান",
    "অনুদান",
    "স্বেচ্ছাসেবক",
    "সদস্য",
    "নিবন্ধন",
    "রেজিস্ট্রেশন",
    "বিক্রি",
    "বিক্রয়",
    "অর্ডার",
    "পোস্ট",
    "মেসেজ",
    "বার্তা",
    "টাকা",
    "দর্শক",
    "সাবস্ক্রাইবার",
)
_METRIC = _compile(rf"\b{_METRIC_WORDS}")

_PLATFORM = _compile(
    r"\b(?:facebook|fb|instagram|insta|ig|twitter|linkedin|youtube|tiktok|whatsapp|"
    r"threads|telegram|(?:on|via|through)\s+x|x\s*\(twitter\)|"
    r"(?:all|every|each)\s+(?:of\s+)?(?:our\s+)?(?:platforms?|channels?|accounts?|networks?))\b|"
    + unicodedata.normalize(
        "NFC",
        r"(?:ফেসবুক|ইনস্টাগ্রাম|ইন্সটাগ্রাম|ইউটিউব|টিকটক|লিংকডইন|লিঙ্কডইন|টুইটার|হোয়াটসঅ্যাপ)",
    )
)

_AUDIENCE = _compile(
    r"\b(?:young\s+people|youth|teenagers|teens|students|university\s+students|parents|"
    r"mothers|fathers|women|girls|boys|men|donors|supporters|alumni|graduates|teachers|"
    r"farmers|families|residents|professionals|employers|small\s+businesses|customers|"
    r"readers|subscribers|volunteers|members|local\s+\w+|aged\s+\d+(?:\s*[-–]\s*\d+)?|"
    r"\d+\s*[-–]\s*\d+[-\s]year[-\s]olds?|"
    r"(?:in|from|across|around)\s+(?:dhaka|chattogram|chittagong|sylhet|khulna|rajshahi|"
    r"barishal|rangpur|mymensingh|bangladesh|the\s+diaspora))\b|"
    + unicodedata.normalize(
        "NFC",
        r"(?:তরুণ|যুব|কিশোর|শিক্ষার্থী|ছাত্র|অভিভাবক|মায়েদের|নারী|মেয়ে|দাতা|ঢাকা|চট্টগ্রাম|"
        r"সিলেট|গ্রাহক|ক্রেতা|শিক্ষক|কৃষক)",
    )
)

_VAGUE = _compile(
    r"\b(?:more|better|improve|improved|grow\s+our\s+presence|(?:online|social(?:\s+media)?)"
    r"\s+presence|presence|boost|popular|bigger|as\s+many\s+as\s+possible|a\s+lot|lots|"
    r"maximi[sz]e|great|good|best|do\s+well|succeed|successful)\b|"
    + unicodedata.normalize("NFC", r"(?:আরও|আরো|ভালো|ভাল|জনপ্রিয়|উন্নত)")
)

_OUTCOME = _compile(
    r"\b(?:donat\w*|donors?|fundrais\w*|raise\s+(?:money|funds)|funds|taka|bdt|tk|"
    r"volunteer\w*|sign[-\s]?ups?|signing\s+up|register\w*|registrations?|members(?:hip)?|"
    r"sales|sell\w*|orders?|customers?|revenue|leads|bookings?|enquir\w*|inquir\w*|"
    r"attend\w*|applications?|apply|petition|signatures|beneficiar\w*|enrol\w*|admissions?|"
    r"(?:awareness|understanding|knowledge)\s+(?:of|about)\s+\w+)\b|"
    + unicodedata.normalize(
        "NFC",
        r"(?:দান|অনুদান|তহবিল|স্বেচ্ছাসেবক|সদস্য|নিবন্ধন|রেজিস্ট্রেশন|বিক্রি|বিক্রয়|অর্ডার|"
        r"গ্রাহক|ক্রেতা|ভর্তি|\w+\s+(?:সম্পর্কে|বিষয়ে)\s+সচেতনতা)",
    )
)

_UNREALISTIC = _compile(
    r"\b(?:go(?:es)?\s+viral|viral|everyone|everybody|every\s+person|the\s+whole\s+country|"
    r"all\s+of\s+bangladesh|number\s+one|no\.?\s*1|\#1|millions?\s+of\s+followers|"
    r"overnight)\b|(?<!\w)\#1\b|" + unicodedata.normalize("NFC", r"(?:ভাইরাল|সবাই|সবার|রাতারাতি)")
)

_SCALE = {
    "k": 1_000,
    "thousand": 1_000,
    "হাজার": 1_000,
    "m": 1_000_000,
    "million": 1_000_000,
    "lakh": 100_000,
    "lac": 100_000,
    "লাখ": 100_000,
    "লক্ষ": 100_000,
    "crore": 10_000_000,
    "কোটি": 10_000_000,
}
_NUMBER = _compile(
    rf"""(?<![\w.,])(?P<num>\d+(?:,\d+)*(?:\.\d+)?)(?:{_words("টি", "টা", "জন", "জনকে")})?
         (?:\s*(?P<scale>k|m|thousand|million|lakh|lac|crore|{_words("হাজার", "লাখ", "লক্ষ", "কোটি")})
            (?!\w))?
         (?P<pct>\s*(?:%|percent\b|per\s*cent\b|percentage\s+points?\b|pp\b|
                    {_words("শতাংশ")}))?
         (?P<unit>(?:\s+[\p{{L}}\p{{M}}][\p{{L}}\p{{M}}\-]*){{0,2}}?\s+{_METRIC_WORDS}\b
                  |\s+(?:new\s+|more\s+|additional\s+|extra\s+|{_words("নতুন")}\s+)?
                  [\p{{L}}\p{{M}}][\p{{L}}\p{{M}}\-]*)?"""
)
_NUMBER_WORDS = _compile(
    rf"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|a\s+hundred|"
    rf"hundred|a\s+thousand|thousand)\s+(?:new\s+|more\s+)?{_METRIC_WORDS}\b"
)
_MULTIPLIER = _compile(
    r"\b(?:double|doubling|twice|triple|tripling|quadruple|halve|half|"
    r"(?P<times>\d+)\s*(?:x|-?fold|times\s+(?:more|as\s+many|bigger|higher)))\b|"
    + unicodedata.normalize("NFC", r"(?:দ্বিগুণ|তিনগুণ|চারগুণ)")
)
_MULTIPLIER_GROWTH = {
    "double": 100.0,
    "doubling": 100.0,
    "twice": 100.0,
    "triple": 200.0,
    "tripling": 200.0,
    "quadruple": 300.0,
    "দ্বিগুণ": 100.0,
    "তিনগুণ": 200.0,
    "চারগুণ": 300.0,
}
_STOP_AFTER_NUMBER = {
    "by",
    "in",
    "per",
    "to",
    "within",
    "from",
    "on",
    "of",
    "a",
    "an",
    "the",
    "and",
    "or",
    "each",
    "every",
    "before",
    "until",
    "over",
    "for",
    "at",
    "more",
    "new",
}
_GROWTH_WORDS = _compile(
    r"\b(?:increase|increasing|grow|growing|growth|raise|raising|boost|boosting|lift|"
    r"lifting|improve|improving|rise|up)\b|" + unicodedata.normalize("NFC", r"(?:বাড়া|বাড়ি|বাড়ান|বৃদ্ধি)")
)
_FROM_TO = _compile(
    r"\bfrom\s+(?P<a>\d+(?:,\d+)*(?:\.\d+)?)\s*(?P<ascale>k|thousand|lakh)?\b[^.\d]{0,30}?"
    r"\bto\s+(?P<b>\d+(?:,\d+)*(?:\.\d+)?)\s*(?P<bscale>k|thousand|lakh)?\b|"
    + unicodedata.normalize(
        "NFC",
        r"(?P<a2>\d+(?:,\d+)*)\s*(?:থেকে)\s*(?P<b2>\d+(?:,\d+)*)",
    )
)

_AUDIENCE_METRICS = ("followers", "fans", "subscribers", "audience", "page_likes", "members")
_ALIASES = {
    "followers": ("followers", "follower", "fans", "ফলোয়ার", "অনুসারী"),
    "subscribers": ("subscribers", "subscriber", "সাবস্ক্রাইবার"),
    "donations": ("donations", "donation", "donors", "দান", "অনুদান"),
    "volunteers": ("volunteers", "volunteer", "স্বেচ্ছাসেবক"),
    "sign_ups": ("sign-ups", "signups", "registrations", "নিবন্ধন", "রেজিস্ট্রেশন",
                 "sign ups"),  # i18n: not shown
    "sales": ("sales", "orders", "বিক্রি", "বিক্রয়", "অর্ডার"),
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
            met=digits(met), total=digits(len(self.criteria)),
            disclaimer=_(_DISCLAIMER) if disclaimer is None else disclaimer)

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
            tip = (f"<br><em>{try_}</em> {html.escape(c.suggestion)}"
                   if c.suggestion else "")
            rows.append(
                f"<tr><td>{mark} <b>{html.escape(_criterion_name(c.name))}</b></td>"
                f"<td>{html.escape(c.why)}{tip}</td><td>{evidence}</td></tr>"
            )
        heads = "".join(f"<th>{html.escape(h)}</th>"
                        for h in (_("Criterion"), _("Why"), _("Evidence found")))
        marker = "\x00"  # where the disclaimer goes, so that it can be set in <small>
        met = html.escape(self._met(marker)).replace(
            marker, f"<small>{html.escape(_(_DISCLAIMER))}</small>")
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
    time_spans = _find_all(_TIME_PATTERNS, matchable)
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
            fix=_("pass the goal as a sentence in quotes, e.g. check_goal('Reach 2,000 followers "
                  "by June')"),
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
                        key=repr(key), value=repr(value)),
                    fix=_("give today's value, e.g. {example}").format(
                        example="baseline={'followers': 5000}"),
                )
    if period_months is not None and (
        isinstance(period_months, bool)
        or not isinstance(period_months, int | float)
        or period_months <= 0
    ):
        raise InputError(
            _("period_months is {value}, but it must be a number of months above 0").format(
                value=repr(period_months)),
            fix=_("give how long the goal has, e.g. period_months=3 for a quarter "
                  "or period_months=0.25 for a week"),
        )
    if isinstance(relevant_to, str):
        raise InputError(
            _("relevant_to is the text {value}, but it must be a list of goals").format(
                value=repr(relevant_to)),
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
    return float(number.replace(",", "")) * _SCALE.get((scale or "").lower(), 1)


def _numbers(goal: str, text: str, time_spans: list[tuple[int, int]]) -> list[_Number]:
    """Numbers that are targets, not dates: '2,000 followers', '15%', '৫০০ জন'."""
    found = []
    for m in _NUMBER.finditer(text):
        if _overlaps(m.span("num"), time_spans):
            continue
        unit = (m.group("unit") or "").strip()
        words = unit.split()
        if words and words[-1].lower() in _STOP_AFTER_NUMBER:
            words = [w for w in words if w.lower() not in _STOP_AFTER_NUMBER]
        unit = " ".join(words)
        is_percent = bool(m.group("pct"))
        if is_percent and not _METRIC.search(unit):
            unit = ""
        number_end = m.start("unit") if m.group("unit") else m.end()
        evidence = (goal[m.start() : number_end].strip() + " " + unit).strip()
        end = number_end + (len(m.group("unit")) if unit else 0)
        number = m.group("num")
        is_year = regex.fullmatch(r"(?:19|20)\d\d", number) is not None
        if is_year and not is_percent and not _METRIC.search(unit):
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
    metrics = _hits(_METRIC, goal, text)
    where = _hits(_PLATFORM, goal, text)
    who = tuple(w for w in _hits(_AUDIENCE, goal, text) if w not in metrics)
    vague = _hits(_VAGUE, goal, text)
    evidence = metrics + where + who
    vague_note = " " + _("Vague words found: {words}.").format(words=_quote(vague)) if vague else ""
    if metrics and (where or who):
        return Criterion(
            "specific",
            True,
            evidence,
            _("it names what will change ({metrics}) and where or for whom ({where}).").format(
                metrics=", ".join(metrics), where=", ".join(where + who)) + vague_note,
        )
    suggestion = _(
        "say exactly what will change, where and for whom, e.g. 'Instagram "
        "followers among university students in Dhaka'"
    )
    if not metrics:
        why = _(
            "it does not say what will change (no metric such as followers, reach, "
            "sign-ups or donations)."
        ) + vague_note
    else:
        why = _(
            "it names what will change ({metrics}) but not where or for whom "
            "(no platform or audience)."
        ).format(metrics=", ".join(metrics)) + vague_note
    return Criterion("specific", False, evidence + vague, why, suggestion)


_BASELINE_NUMBER = r"\d+(?:,\d+)*(?:\.\d+)?"
_BASELINE_TEXT = _compile(
    rf"(?<!\w){_words(*BASELINE_CUES)}\s*:?\s*(?:about\s+|around\s+|প্রায়\s*)?"
    rf"{_BASELINE_NUMBER}|{_BASELINE_NUMBER}\s*(?:\S+\s+)?{_words(*BASELINE_CUES_AFTER)}(?!\w)"
)


def _has_baseline(text: str, baseline: Mapping[str, float] | None) -> bool:
    """Whether the goal says where it starts from, in its words or in ``baseline=``."""
    if _BASELINE_TEXT.search(text):
        return True
    lower = text.lower()
    return any(alias in lower for key in (baseline or {}) for alias in _aliases(key))


def _measurable(
    goal: str, text: str, numbers: list[_Number], baseline: Mapping[str, float] | None = None
) -> Criterion:
    evidence = _unique(
        [n.evidence for n in numbers]
        + list(_hits(_NUMBER_WORDS, goal, text))
        + list(_hits(_MULTIPLIER, goal, text))
    )
    relative = _growth(text, numbers, None)
    if evidence and relative is not None and not _has_baseline(text, baseline):
        return Criterion(
            "measurable",
            False,
            (relative.evidence,),
            _('it asks for a relative change ("{evidence}") but does not say from '
              "what: without the starting number nobody can tell when it is reached.").format(
                  evidence=relative.evidence),
            _("give the starting number, e.g. 'from 1,200 to 1,500 Facebook followers', "
              "'from 1,200 followers today', or pass {example}").format(
                  example="baseline={'followers': 1200}"),
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
        _("add a number and a unit, e.g. '2,000 followers', '15% more sign-ups' or "
          "'an engagement rate of 3%'"),
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
                "relevant", True, hits,
                _("it mentions your organisation's goal: {goals}.").format(goals=", ".join(hits)),
            )
        return Criterion(
            "relevant",
            False,
            (),
            _("it does not mention any of your organisation's goals: {goals}.").format(
                goals=", ".join(relevant_to)),
            _("say which goal it serves, e.g. '... so that more people {goal}' "
              "or '... to support {goal}'").format(goal=relevant_to[0]),
        )
    outcomes = _hits(_OUTCOME, goal, text)
    if outcomes:
        return Criterion(
            "relevant", True, outcomes, _("it ties to an outcome the organisation cares about.")
        )
    return Criterion(
        "relevant",
        False,
        (),
        _("it does not say what the result is for (no donations, volunteers, sign-ups, sales "
          "or awareness of a cause), so it may be a vanity number."),
        _("add why it matters to the organisation, e.g. '... so that 50 more people sign up "
          "as volunteers' or '... to raise awareness of child marriage'"),
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
_COUNTS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "few": 3,
    "couple of": 2,  # i18n: not shown
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty-five": 45,
    "sixty": 60,
    "ninety": 90,
    "a hundred": 100,
    "এক": 1,
    "দুই": 2,
    "তিন": 3,
    "ছয়": 6,
    "বারো": 12,
}
_PERIOD_PATTERNS: tuple[tuple[regex.Pattern[str], str], ...] = tuple(
    (_compile(p), kind)
    for p, kind in (
        (
            rf"\b(?P<n>\d+(?:\.\d+)?|{_COUNT_WORD})\s+(?P<unit>day|week|fortnight|month|quarter|"
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
        (
            rf"(?P<n>\d+|{_words('এক', 'দুই', 'তিন', 'ছয়', 'বারো')})\s*(?P<unit>দিন|সপ্তাহ|মাস|বছর)",
            "count",
        ),
        (r"(?:প্রতি|এই|আগামী|চলতি|পরবর্তী)\s*(?P<unit>দিন|সপ্তাহ|মাস|বছর)", "one"),
        (
            r"(?P<unit>মাস|সপ্তাহ|বছর|দিন)(?:ে|িক)\b|(?P<unit>সাপ্তাহিক|দৈনিক|প্রতিদিন|রোজ|"
            r"বার্ষিক|ত্রৈমাসিক)",
            "bengali",
        ),
    )
)
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
        count=digits(f"{n:g}"))


def _period_from_text(
    goal: str, text: str, spans: list[tuple[int, int]]
) -> tuple[float, str] | None:
    """How many months a goal has, read from its time phrases: (months, phrase)."""
    for start, end in spans:
        phrase = text[start:end]
        for pattern, kind in _PERIOD_PATTERNS:
            m = pattern.search(phrase)
            if m is None:
                continue
            label = goal[start + m.start() : start + m.end()]
            unit = (m.groupdict().get("unit") or "").lower()
            if kind == "count":
                raw = m.group("n").lower()
                n = _COUNTS[raw] if raw in _COUNTS else float(raw)
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


_INCREASE_BEFORE = _compile(
    r"\b(?:gain|gaining|add|adding|win|winning|attract|attracting|recruit|recruiting|get|"
    r"getting|earn|earning|find|finding|another)\s+(?:\w+\s+)?$|"
    + unicodedata.normalize("NFC", r"(?:আরও|আরো)\s*$")
)
_INCREASE_AFTER = _compile(r"^\s*(?:new|more|additional|extra|নতুন|আরও|আরো)\b")
_GROWTH_AFTER_PERCENT = _compile(
    r"^\s*(?:more|increase|growth|rise|higher|up|extra|"
    + unicodedata.normalize("NFC", r"বেশি|বৃদ্ধি|বাড়া\w*|বাড়ি\w*|বাড়ান\w*")
    + ")"
)


def _aliases(key: str) -> tuple[str, ...]:
    plain = key.replace("_", " ").lower()
    words = {plain, plain.rstrip("s"), plain + "s", *(_ALIASES.get(key.lower(), ()))}
    return tuple(unicodedata.normalize("NFC", w) for w in words if w)


def _mentions_audience(text: str) -> bool:
    lower = text.lower()
    return any(alias in lower for key in _AUDIENCE_METRICS for alias in _aliases(key))


def _growth(
    text: str, numbers: list[_Number], baseline: Mapping[str, float] | None
) -> _Growth | None:
    """The growth a goal asks for, in % of today's value, if it can be worked out."""
    audience = _mentions_audience(text)
    m = _FROM_TO.search(text)
    if m is not None:
        a = _to_float(m.group("a") or m.group("a2"), m.group("ascale"))
        b = _to_float(m.group("b") or m.group("b2"), m.group("bscale"))
        if a > 0 and b > a:
            return _Growth((b - a) / a * 100, m.group().strip(), audience, None)
    for m in _MULTIPLIER.finditer(text):
        word = m.group().lower()
        if m.group("times"):
            return _Growth((float(m.group("times")) - 1) * 100, m.group(), audience)
        if word in _MULTIPLIER_GROWTH:
            return _Growth(_MULTIPLIER_GROWTH[word], m.group(), audience)
    for n in numbers:
        if not n.is_percent or "point" in n.evidence.lower() or n.evidence.lower().endswith("pp"):
            continue
        before, after = text[: n.span[0]], text[n.span[0] :]
        after_number = after[len(regex.match(r"\d[\d,.]*\s*(?:%|\S+)", after)[0]) :]
        by_growth = regex.search(r"\bby\s*$", before, regex.IGNORECASE) and _GROWTH_WORDS.search(
            before
        )
        if by_growth or _GROWTH_AFTER_PERCENT.search(after_number):
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
            explicit = _INCREASE_BEFORE.search(text[: n.span[0]]) or _INCREASE_AFTER.search(
                text[n.span[0] :].split(maxsplit=1)[-1]
            )
            increase = n.value if explicit or n.value <= value else n.value - value
            is_audience = key.lower() in _AUDIENCE_METRICS or audience
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
            percent=_pct(growth.percent), evidence=growth.evidence)
    return _("growth of +{percent}% ({evidence}) from a baseline of {value} {metric}").format(
        percent=_pct(growth.percent), evidence=growth.evidence,
        value=digits(f"{growth.baseline[1]:,g}"), metric=growth.baseline[0])


def _achievable(
    goal: str,
    text: str,
    measurable: Criterion,
    time_spans: list[tuple[int, int]],
    numbers: list[_Number],
    baseline: Mapping[str, float] | None,
    period_months: float | None,
) -> Criterion:
    unrealistic = _unique(goal[m.start() : m.end()] for m in _UNREALISTIC.finditer(text))
    if unrealistic:
        return Criterion(
            "achievable",
            False,
            unrealistic,
            _("it promises something no plan can control ({quotes}).").format(
                quotes=_quote(unrealistic)),
            _("replace it with a number you can reach from where you are today, "
              "e.g. '+10% Facebook followers in 3 months'"),
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
            _("there is a target, but nothing to compare it with: pass {example} (today's value "
              "of the metric the goal names) to check it.").format(
                  example="baseline={'followers': 5000}")
            if not baseline
            else _("there is a target, but nothing to compare it with: the baseline you gave "
                   "({metrics}) is not a metric the goal names, so it could not be used.").format(
                       metrics=", ".join(baseline))
        )
        return Criterion("achievable", True, (), why)
    evidence = [_growth_evidence(growth)]
    if period is None:
        return Criterion(
            "achievable",
            True,
            tuple(evidence),
            _("it asks for +{percent}%, but over what period is unclear; "
              "pass period_months=... to check it.").format(percent=_pct(growth.percent)),
        )
    months, label = period
    evidence.append(_("period: {period}").format(period=label))
    monthly = ((1 + growth.percent / 100) ** (1 / months) - 1) * 100
    what = _("+{percent}% in {period}").format(
        percent=_pct(growth.percent),
        period=label.removeprefix("in ").removeprefix("within "))
    if growth.audience:
        if monthly > UNLIKELY_MONTHLY_GROWTH:
            return Criterion(
                "achievable",
                False,
                tuple(evidence),
                _("{what} is about {monthly}% growth a month; {benchmarks}. "
                  "Above {limit}% a month is very unlikely.").format(
                      what=what, monthly=_pct(monthly), benchmarks=_benchmarks_text(),
                      limit=digits(f"{UNLIKELY_MONTHLY_GROWTH:g}")),
                _realistic_suggestion(growth, months),
            )
        if monthly > TYPICAL_MONTHLY_GROWTH * 1.5:
            why = _("{what} is about {monthly}% growth a month, ambitious next to the "
                    "{typical}% a month nonprofit benchmark (M+R/NTEN 2013).")
        else:
            why = _("{what} is about {monthly}% growth a month, in line with the "
                    "{typical}% a month nonprofit benchmark (M+R/NTEN 2013).")
        return Criterion(
            "achievable",
            True,
            tuple(evidence),
            why.format(what=what, monthly=_pct(monthly, 1),
                       typical=digits(f"{TYPICAL_MONTHLY_GROWTH:g}")),
        )
    if monthly > UNLIKELY_MONTHLY_GROWTH_OTHER:
        return Criterion(
            "achievable",
            False,
            tuple(evidence),
            _("{what} is about {monthly}% growth a month: more than doubling every month "
              "is rarely sustained.").format(what=what, monthly=_pct(monthly)),
            _("compare with your own past months and set a smaller step, or give it more time"),
        )
    return Criterion(
        "achievable",
        True,
        tuple(evidence),
        _("{what} is about {monthly}% growth a month; the course has no "
          "benchmark for this metric, so compare it with your own past months.").format(
              what=what, monthly=_pct(monthly, 1)),
    )


def _absurd(growth: _Growth | None, period: tuple[float, str] | None) -> Criterion | None:
    """A realism warning for growth above ``ABSURD_GROWTH_PERCENT`` within a quarter (or
    over a period the goal does not give), whatever the metric."""
    if growth is None or growth.percent <= ABSURD_GROWTH_PERCENT:
        return None
    if period is not None and period[0] > QUARTER_MONTHS:
        return None
    if period is not None:
        why = _("+{percent}% in {period} is not realistic: more than +{limit}% (over 4 times "
                "today's value) within a quarter is almost never reached; {benchmarks}.")
    else:
        why = _("+{percent}% without a period to spread it over is not realistic: more than "
                "+{limit}% (over 4 times today's value) within a quarter is almost never "
                "reached; {benchmarks}.")
    return Criterion(
        "achievable",
        False,
        (_("growth of +{percent}% ({evidence})").format(
            percent=_pct(growth.percent), evidence=growth.evidence),),
        why.format(percent=_pct(growth.percent), period=period[1] if period else "",
                   limit=_pct(ABSURD_GROWTH_PERCENT), benchmarks=_benchmarks_text()),
        _("start from today's number and aim for a step you can reach, e.g. +{step}% in 3 "
          "months at the typical {typical}% a month").format(
              step=_pct(((1 + TYPICAL_MONTHLY_GROWTH / 100) ** 3 - 1) * 100),
              typical=digits(f"{TYPICAL_MONTHLY_GROWTH:g}")),
    )


def _realistic_suggestion(growth: _Growth, months: float) -> str:
    low = ((1 + TYPICAL_MONTHLY_GROWTH / 100) ** months - 1) * 100
    high = ((1 + UNLIKELY_MONTHLY_GROWTH / 200) ** months - 1) * 100
    rates = {"low_rate": digits(f"{TYPICAL_MONTHLY_GROWTH:g}"),
             "high_rate": digits(f"{UNLIKELY_MONTHLY_GROWTH / 2:g}"),
             "low": _pct(low), "high": _pct(high)}
    if growth.baseline is None:
        return _("aim for about {low_rate}–{high_rate}% a month (+{low}% to +{high}% over this "
                 "period), give it more time, or plan paid promotion").format(**rates)
    key, value = growth.baseline
    return _("aim for about {low_rate}–{high_rate}% a month (+{low}% to +{high}% over this "
             "period), i.e. from {value} to about {target_low}–{target_high} {metric}, give it "
             "more time, or plan paid promotion").format(
                 **rates, value=format_number(value),
                 target_low=format_number(value * (1 + low / 100)),
                 target_high=format_number(value * (1 + high / 100)), metric=key)
