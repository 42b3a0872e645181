"""The transparent evidence: cue points per category, and the reasons a learner reads.

Rules for English (wh-words, "do you…", refunds, "not good", spam phrases), the Bengali and
Banglish lexicon (``data/bn_lexicon.csv``), VADER sentiment for English words, links and
phone numbers, sarcasm ("Great, the link is broken"), and safety or urgency cues as
complaints to pass on.  :func:`cue_scores` adds them up; ``classify_message`` weighs them
with the model's vote.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import regex

from smm_helpers.community._text import _LATIN_LETTER, _check_text, _normalise, _tokens
from smm_helpers.community.cues import _Cue, _lexicon_hits
from smm_helpers.community.labels import category_name
from smm_helpers.community.language import detect_language
from smm_helpers.community.urgency import _safety_patterns, _urgency_patterns
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits
from smm_helpers.schema import MESSAGE_CATEGORIES

__all__ = ["cue_scores"]

_URL = regex.compile(
    r"(https?://\S+|www\.\S+|\b[\w-]+\.(?:com|co|xyz|ly|me|io|net|org|info|top|click|link|site)"
    r"\b(?:/\S*)?)",
    regex.IGNORECASE,
)


@lru_cache(maxsize=1)
def _vader() -> Any:
    """The VADER analyser, created on first use (it reads a 434 KB lexicon)."""
    # heavy: loaded on first use
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _english_sentiment(text: str) -> float:
    """VADER's compound score (−1 … +1) for the English words of a message.

    Emoji are left out: a 🙂 closes polite complaints as often as praise, so on its own
    it is no evidence of sentiment (the model still sees it).

    >>> _english_sentiment("Lovely event!") > 0.5, _english_sentiment("🙂")
    (True, 0.0)
    """
    latin = regex.sub(r"[\u0980-\u09ff]+|\p{Extended_Pictographic}", " ", text)
    if not _LATIN_LETTER.search(latin):
        return 0.0
    return float(_vader().polarity_scores(latin)["compound"])


# ---------------------------------------------------------------------------------------
# English rules: (pattern, weight, reason). Written from general inbox experience.
# ---------------------------------------------------------------------------------------

_GREETING = regex.compile(
    r"^\s*(?:hi+|hello|hey|dear\s+\w+|good\s+(?:morning|evening)|salam|assalamu\s*alaikum)"
    r"(?:\s+(?:there|team|all))?\s*[,!.:-]*\s*",
    regex.IGNORECASE,
)
_WH_START = regex.compile(
    r"^(?:what(?! an? )|when|where|which|who|whom|whose|how(?! (?:lovely|nice|great|kind|sweet)))"
    r"\b",
    regex.IGNORECASE,
)
_AUX_START = regex.compile(
    r"^(?:do|does|did|is|are|was|were|can|could|will|would|should|shall|may|have|has|any)\s",
    regex.IGNORECASE,
)

_EN_RULES: dict[str, list[tuple[regex.Pattern[str], float, str]]] = {
    "question": [
        (
            regex.compile(
                r"\b(?:i was wondering|wondering if|let me know|"  # i18n: not shown
                r"is it possible|"
                r"thanks in advance)\b"
            ),
            1.5,
            N_("a polite request for information"),
        ),
        (
            regex.compile(r"\b(?:pls|please|plz|kindly)\s+(?:share|send|tell|confirm|let)\b"),
            1.5,
            N_("a request: 'please share/tell…'"),
        ),
        (
            regex.compile(
                r"\b(?:price list|how much|how long|how do i|how can i|"  # i18n: not shown
                r"opening hours)\b"
            ),
            1.0,
            N_("asks for practical information"),
        ),
        (
            regex.compile(
                r"\b(?:do you|can i|could you|can you|are you|is there|"  # i18n: not shown
                r"does the)\b"
            ),
            0.75,
            N_("question phrasing ('do you…', 'can I…')"),
        ),
    ],
    "complaint": [
        (
            regex.compile(
                r"\b(?:refund|money back|charged twice|cheated|scam|"  # i18n: not shown
                r"fraud)\w*"
            ),
            2.0,
            N_("money or fraud problem"),
        ),
        (
            regex.compile(
                r"\bnot (?:good|happy|satisfied|ok|okay|worth|what i (?:expected|ordered))"
                r"|\b(?:isn't|wasn't|aren't|weren't) (?:good|worth|right)"
            ),
            1.5,
            N_("says it is not good (a complaint without a complaint word)"),
        ),
        (
            regex.compile(
                r"\b(?:never|not|still not|hasn't|haven't|didn't|"  # i18n: not shown
                r"did not)\s+(?:\w+\s+)?"
                r"(?:received|arrived|got|get|came|showed|answered|replied|delivered|working)\b"
            ),
            1.5,
            N_("something never arrived or nobody answered"),
        ),
        (
            regex.compile(
                r"\b(?:still (?:waiting|no)|waiting for|nobody|no one|"  # i18n: not shown
                r"no reply|"
                r"no response|been waiting)\b"
            ),
            1.5,
            N_("kept waiting"),
        ),
        (
            regex.compile(
                r"\b(?:late|delay(?:ed)?|broken|torn|damaged|missing|"  # i18n: not shown
                r"wrong|rude|"
                r"crash\w*|leak\w*|stopped working|not working|doesn't work|fell apart|"
                r"overpriced|cold|cancell?ed|without (?:any )?notice|stale|rotten|"
                r"expired|fake|shr[au]nk|scratch(?:ed|es)|dirty|smell[sy]|"
                r"(?:got|received|still) nothing)\b"
            ),
            1.0,
            N_("a problem with the product or service"),
        ),
        (
            regex.compile(
                r"\b(?:worst|terrible|horrible|awful|disappoint\w*|"  # i18n: not shown
                r"unacceptable|"
                r"annoy\w*|upsett?ing|useless|poor|complain\w*|not ok(?:ay)?|"
                r"thanks for nothing|seriously|without (?:our|my) (?:consent|permission))"
            ),
            1.5,
            N_("strong dissatisfaction"),
        ),
    ],
    "praise": [
        (
            regex.compile(
                r"\b(?:thank\w*|thx|thanx|ty|appreciate\w*|"  # i18n: not shown
                r"grateful)\b(?! in advance)"
            ),
            1.25,
            N_("thanks"),
        ),
        (
            regex.compile(
                r"\b(?:well done|good job|great job|keep up|5 stars|"  # i18n: not shown
                r"five stars|"
                r"recommend\w*|will order again|love[sd]?|impressed|proud)\b"
            ),
            1.0,
            N_("a review or compliment"),
        ),
    ],
    "other": [
        (
            regex.compile(
                r"\b(?:happy|merry|blessed) (?:eid|new year|birthday|"  # i18n: not shown
                r"christmas|puja|"
                r"holidays?)\b|\beid mubarak\b|\bgood (?:morning|night|evening)\b"
            ),
            1.5,
            N_("a greeting for a day or festival"),
        ),
    ],
    "spam": [
        (
            regex.compile(
                r"\b(?:earn|income|make money|cash(?! on delivery)|"  # i18n: not shown
                r"loans?|invest\w*|"
                r"crypto\w*|bitcoin|forex|double your money|trading)\b|\$\s?\d"
            ),
            1.5,
            N_("money-making offer"),
        ),
        (
            regex.compile(
                r"\b(?:free|giveaway|win|won|winner|prize|claim|"  # i18n: not shown
                r"congratulations|"
                r"gift cards?|selected)\b"
            ),
            1.0,
            N_("free / prize bait"),
        ),
        (
            regex.compile(
                r"\b(?:follow for follow|f4f|sub4sub|l4l|follow back|"  # i18n: not shown
                r"followers for|"
                r"cheap (?:likes|followers)|promote your page|check my profile|"
                r"visit my page|dm me|whatsapp|collab|hot offers?|ask me how|"
                r"passive income|verify your (?:page|account)|will be disabled)\b"
            ),
            2.0,
            N_("self-promotion or phishing phrase"),
        ),
    ],
}

_NEGATION = regex.compile(r"\b(?:never|not|no|without)\s+(?:\w+\s+)?$|n't\s+(?:\w+\s+)?$")


def _negated(lowered: str, start: int) -> bool:
    """True when the cue is negated ("never disappointed", "not bad")."""
    return bool(_NEGATION.search(lowered[max(0, start - 20) : start]))


_SHORTENER = regex.compile(
    r"\b(?:bit\.ly|tinyurl\.com|t\.ly|goo\.gl|ow\.ly|is\.gd|cutt\.ly|rb\.gy|shorturl\.at|t\.co)"
    r"\b",
    regex.IGNORECASE,
)
_REPEATED = regex.compile(r"(\S)\1{2,}")
_PHONE = regex.compile(r"[+০-৯\d][\d০-৯\s-]{8,}\d")


def _add(
    scores: dict[str, float], reasons: list[str], category: str, weight: float, reason: str
) -> None:
    scores[category] += weight
    reasons.append(
        _("{category} +{weight}: {reason}").format(
            category=category_name(category), weight=digits(f"{weight:g}"), reason=reason
        )
    )


def _english_cues(text: str, lowered: str, scores: dict[str, float], reasons: list[str]) -> None:
    for category, rules in _EN_RULES.items():
        for pattern, weight, why in rules:
            found = [m for m in pattern.finditer(lowered) if not _negated(lowered, m.start())]
            if found:
                count = min(len(found), 2)  # a second hit of the same rule counts, a third not
                words = ", ".join(repr(m.group(0)) for m in found[:count])
                _add(
                    scores,
                    reasons,
                    category,
                    weight * count,
                    _("{reason} ({words})").format(reason=_(why), words=words),
                )
    body = _GREETING.sub("", lowered)
    if _WH_START.search(body):
        _add(scores, reasons, "question", 1.5, _("starts with a wh-word"))
    elif _AUX_START.search(body):
        _add(scores, reasons, "question", 1.5, _("starts like a question ('do you…', 'is…')"))
    elif body.startswith("why"):
        _add(scores, reasons, "complaint", 0.75, _("'why…' usually asks about a failure"))
    letters = [c for c in text if c.isalpha() and c.isascii()]
    if len(letters) >= 10 and sum(c.isupper() for c in letters) >= 0.7 * len(letters):
        _add(scores, reasons, "spam", 1.0, _("written in ALL CAPS"))


_LEXICON_REASONS = {
    "positive": N_("lexicon positive cue '{cue}' ({note})"),
    "negative": N_("lexicon negative cue '{cue}' ({note})"),
    "complaint": N_("lexicon complaint cue '{cue}' ({note})"),
    "question": N_("lexicon question cue '{cue}' ({note})"),
    "spam": N_("lexicon spam cue '{cue}' ({note})"),
    "polite": N_("lexicon polite cue '{cue}' ({note})"),
}
"""The reason each kind of Bengali lexicon cue gives (``note`` is the cue's English meaning)."""

_BN_NEGATORS = frozenset(("না", "নি", "নাই", "নেই", "নয়", "na", "nai", "nei", "noy"))


def _bn_negation(tokens: list[str], cue: _Cue) -> str | None:
    """The word that negates a one-word lexicon cue right after it ("ভালো লাগে না").

    >>> _bn_negation(["ভালো", "লাগে", "না"], _Cue("ভালো", "positive", "prefix", ""))
    'না'
    >>> _bn_negation(["valo", "hoy", "nai"], _Cue("valo", "positive", "word", ""))
    'nai'
    >>> _bn_negation(["ভালো", "হয়নি"], _Cue("ভালো", "positive", "prefix", ""))
    'হয়নি'
    >>> _bn_negation(["খুব", "ভালো"], _Cue("ভালো", "positive", "prefix", "")) is None
    True
    """
    if cue.match == "phrase":
        return None
    for index, token in enumerate(tokens):
        if token == cue.cue or (cue.match == "prefix" and token.startswith(cue.cue)):
            for after in tokens[index + 1 : index + 3]:
                if after in _BN_NEGATORS or (after.endswith("নি") and len(after) > 2):
                    return after
            return None
    return None


def _bengali_cues(tokens: list[str], scores: dict[str, float], reasons: list[str]) -> None:
    weights = {
        "positive": ("praise", 1.0),
        "negative": ("complaint", 1.25),
        "complaint": ("complaint", 1.5),
        "question": ("question", 1.25),
        "spam": ("spam", 1.25),
        "polite": ("question", 0.5),
    }
    for cue in _lexicon_hits(tokens):
        negation = _bn_negation(tokens, cue) if cue.kind == "positive" else None
        if negation:
            _add(
                scores,
                reasons,
                "complaint",
                1.25,
                _("lexicon positive cue '{cue}' ({note}) negated by '{negation}'").format(
                    cue=cue.cue, note=cue.note, negation=negation
                ),
            )
        elif cue.kind in weights:
            category, weight = weights[cue.kind]
            _add(
                scores,
                reasons,
                category,
                weight,
                _(_LEXICON_REASONS[cue.kind]).format(cue=cue.cue, note=cue.note),
            )


def _shared_cues(text: str, scores: dict[str, float], reasons: list[str]) -> None:
    stripped = text.rstrip(" \t\n!।.😊🙏")
    if stripped.endswith(("?", "？")):
        _add(scores, reasons, "question", 1.5, _("ends with a question mark"))
    elif "?" in text or "？" in text:
        _add(scores, reasons, "question", 1.0, _("contains a question mark"))
    urls = _URL.findall(text)
    if urls:
        money = scores["spam"] > 0
        weight = 2.0 if money else 1.0
        if money:
            why = _("a link ({link}) together with a money/free/prize cue")
        else:
            why = _("a link ({link})")
        _add(scores, reasons, "spam", weight, why.format(link=urls[0]))
    if _SHORTENER.search(text):
        _add(scores, reasons, "spam", 1.0, _("a link shortener hides where the link goes"))
    repeated = _REPEATED.search(text)
    if repeated and not repeated.group(1).isdigit():
        _add(
            scores,
            reasons,
            "spam",
            0.5,
            _("repeated characters ({characters})").format(characters=repr(repeated.group(0))),
        )
    if _PHONE.search(text) and scores["spam"] > 0:
        _add(scores, reasons, "spam", 1.0, _("a phone number to call or WhatsApp"))


def _sentiment_cues(
    text: str, scores: dict[str, float], reasons: list[str], language: str
) -> float:
    compound = _english_sentiment(text) if language == "en" else 0.0
    complaint_cue = scores["complaint"] >= 1.5
    if compound >= 0.2:
        weight = (1.5 if compound >= 0.5 else 0.75) * (0.5 if complaint_cue else 1.0)
        if complaint_cue:
            why = _(
                "VADER sentiment is positive ({compound}); halved because a complaint cue "
                "fired too (sarcasm?)"
            )
        else:
            why = _("VADER sentiment is positive ({compound})")
        _add(scores, reasons, "praise", weight, why.format(compound=digits(f"{compound:+.2f}")))
    elif compound <= -0.2:
        weight = 1.5 if compound <= -0.5 else 0.75
        _add(
            scores,
            reasons,
            "complaint",
            weight,
            _("VADER sentiment is negative ({compound})").format(
                compound=digits(f"{compound:+.2f}")
            ),
        )
    if complaint_cue and scores["praise"] > 0 and scores["complaint"] >= scores["praise"]:
        reasons.append(_("praise words next to a complaint read as sarcasm or a polite complaint"))
    return compound


def cue_scores(text: str, language: str | None = None) -> tuple[dict[str, float], list[str], float]:
    """The cue evidence alone: (points per category, reasons, VADER compound).

    VADER reads English messages only (Banglish words are not English words).

    >>> points, reasons, _ = cue_scores("Where is your shop?")
    >>> points["question"] > points["other"], reasons[0]
    (True, 'question +1.5: starts with a wh-word')
    >>> cue_scores("amar bacchar chobi onumoti chara disen")[1]
    ['complaint +1: a safety or urgency cue: a complaint to pass on']
    """
    text = _normalise(_check_text(text))
    language = language or detect_language(text)
    scores = {category: 0.0 for category in MESSAGE_CATEGORIES}
    scores["other"] = 1.0
    reasons: list[str] = []
    _english_cues(text, text.lower(), scores, reasons)
    _bengali_cues(_tokens(text), scores, reasons)
    _shared_cues(text, scores, reasons)
    _grievance_cues(text, scores, reasons)
    _sarcasm_cues(text.lower(), scores, reasons)
    compound = _sentiment_cues(text, scores, reasons, language)
    return scores, reasons, compound


_SARCASTIC_PRAISE = regex.compile(
    r"(?<![\p{L}\p{M}])(?:great|wow|amazing|perfect|super|nice|fantastic|"  # i18n: not shown
    r"brilliant|excellent|"
    r"lovely|awesome|bravo|thanks a lot|thank you so much|love (?:how|it when|waiting)|"
    r"বাহ|বাঃ|দারুণ|দারুন|চমৎকার|অসাধারণ|খুব সুন্দর|"
    r"wah|bah|darun|chomotkar|osadharon|khub sundor)(?![\p{L}\p{M}])"
)


def _sarcasm_cues(lowered: str, scores: dict[str, float], reasons: list[str]) -> None:
    """Praise words wrapped around a problem read as sarcasm: "Great, the link is broken".

    Fires only when a complaint cue (not sentiment) already found a problem.

    >>> def sarcasm(text):
    ...     return [r for r in cue_scores(text)[1] if r.endswith("about a problem: sarcasm")]
    >>> sarcasm("Great, the link is broken again")
    ["complaint +1.5: praise words ('great') about a problem: sarcasm"]
    >>> sarcasm("বাহ, লিংক আবার নষ্ট")
    ["complaint +1.5: praise words ('বাহ') about a problem: sarcasm"]
    >>> sarcasm("Great work, thank you!")
    []
    """
    if scores["complaint"] <= 0:
        return
    praise = _SARCASTIC_PRAISE.search(lowered)
    if praise:
        _add(
            scores,
            reasons,
            "complaint",
            1.5,
            _("praise words ({words}) about a problem: sarcasm").format(
                words=repr(praise.group(0))
            ),
        )


_NOT_A_GRIEVANCE = ("urgent", "self_harm")


def _grievance_cues(text: str, scores: dict[str, float], reasons: list[str]) -> None:
    """Legal threats, refunds, fraud and safety problems are complaints to pass on.

    Counted only when no complaint cue fired already (so a refund is not counted twice).
    "Urgent" alone is not a complaint (it is asked of questions too), nor is self-harm (a
    person in need, not a grievance).
    """
    if scores["complaint"] > 0:
        return
    folded = _normalise(text).casefold()
    kinds = [
        kind
        for kind, pattern in _urgency_patterns().items()
        if kind not in _NOT_A_GRIEVANCE and pattern.search(folded)
    ]
    kinds += [
        kind
        for kind, pattern in _safety_patterns().items()
        if kind in ("no_consent", "takedown", "threat", "harm", "abuse", "danger")
        and pattern.search(folded)
    ]
    if kinds:
        _add(
            scores, reasons, "complaint", 1.0, _("a safety or urgency cue: a complaint to pass on")
        )
