"""Honest social media: disclosures, black-hat tricks, unsourced claims and fake engagement.

Source article 004 warns a social media manager off **false information**, **fake
traffic** and **black-hat SEO**: the visitors they bring are temporary, and disappointed
customers do not come back.  This module turns those warnings into checks a learner can
run on a caption, a comment thread or a whole account.

Every rule names its source next to it:

* Disclosure rules follow the US FTC: the **Endorsement Guides, 16 CFR Part 255** (revised,
  effective 26 July 2023; 88 FR 48092) and **"Disclosures 101 for Social Media
  Influencers"** (FTC, Nov 2019), including its list of ambiguous labels (also the 2017
  FTC blog and Twitter chat); sources.md#ftc-endorsement-guides and
  sources.md#ftc-disclosures-101.  US law applies when US consumers are reasonably
  affected; Bangladesh's own advertising law is not covered here.  Disclosures 101 also
  accepts plain words ("Thanks to Acme brand for the free product"): the English, Bengali and
  Banglish ways of saying who gave or paid what are data, in ``data/disclosure_cues.csv``.
* Fake followers, views and likes are banned as *fake indicators of social media
  influence* by the FTC's **Consumer Reviews and Testimonials rule, 16 CFR Part 465,
  §465.8** (effective October 2024; sources.md#ftc-reviews-rule).
* Engagement bait follows Meta's engagement-bait policy (general knowledge, not checked
  against the current text); the Instagram 5-hashtag cap is from
  sources.md#instagram-hashtags-2025.

How well does ``detect_fake_engagement`` find injected fake traffic?  Its rules were
set while looking at course data generated with seeds 0–4.  Measured on seeds it never
saw (computed, not typed — this doctest fails if the figures drift):

>>> result = evaluate_fake_engagement(seeds=range(10, 15))
>>> result.table[["injected", "flagged", "precision", "recall"]].round(2)
                  injected  flagged  precision  recall
kind
bot_likes               20       16        1.0    0.80
bought_followers        20       19        1.0    0.95

Seeds 10–19 give much the same picture (recall 0.82 for bot likes and 0.95 for bought
followers, and no false alarms): on these seeds it misses some packs and flags no honest day.
These are easy cases — injected packs of 1–5% of followers and 3–8× a post's likes on synthetic
data — so read them as "the rules work as described", not as field accuracy.
"""

from __future__ import annotations

import html
import math
import numbers
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import regex

from smm_helpers.errors import DataError, InputError, unknown_choice
from smm_helpers.i18n.messages import N_, current_language, ngettext
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits, format_number
from smm_helpers.schema import ENGAGEMENT_COLUMNS, PLATFORMS, require_table
from smm_helpers.vocabulary import read_vocabulary

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Claim",
    "DisclosureCheck",
    "FakeEngagementEvaluation",
    "FakeEngagementReport",
    "Signal",
    "black_hat_signals",
    "check_disclosure",
    "detect_fake_engagement",
    "evaluate_fake_engagement",
    "inject_fake_engagement",
    "unsourced_claims",
]

FTC_GUIDES = N_("FTC Endorsement Guides, 16 CFR Part 255 (revised, effective 26 July 2023; "
                 "sources.md#ftc-endorsement-guides)")
FTC_101 = N_("FTC, Disclosures 101 for Social Media Influencers (Nov 2019; "
              "sources.md#ftc-disclosures-101)")
FTC_465 = N_("FTC Consumer Reviews and Testimonials rule, 16 CFR 465.8 (fake social "
              "influence; sources.md#ftc-reviews-rule)")
COURSE = N_("SMM Lab's own suggestion (not an FTC text)")
META_BAIT = N_("Meta's engagement-bait policy (general knowledge; check the current wording)")
"""The sources each rule names; module constants in English, shown with ``gettext``."""

FOLD_CHARS = 125
"""Characters visible before "… more" on a phone when no platform is given (≈125, the
Facebook-mobile and Instagram figure of ``smm_helpers.content.limits.FOLDS``, UNCERTAIN;
sources.md#facebook-post-length).  With a platform, ``check_disclosure`` cuts the post where
``check_post`` does, by characters and by lines.  The FTC only says: above the "more" cut."""

HASHTAG_CAPS = {"instagram": 5}
"""Hashtags allowed per post: Instagram 5 (Dec 2025, rolling out;
sources.md#instagram-hashtags-2025)."""

HASHTAG_RULE_OF_THUMB = 10
"""Course rule of thumb for platforms without a published cap."""


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise InputError(_("text must be a string, not {type}").format(type=type(text).__name__),
                         fix=_("pass the caption or post text itself"))
    if not text.strip():
        raise InputError(_("text is empty"),
                         fix=_("pass the caption or post text you want checked"))
    return text


def _check_platform(platform: str | None) -> None:
    if platform is not None and platform not in PLATFORMS:
        raise unknown_choice(_("platform"), platform, PLATFORMS)


# ---------------------------------------------------------------------------------------
# Disclosure
# ---------------------------------------------------------------------------------------

_CLEAR_LABELS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"#ad\b(?!\w)|#advert(?:isement)?\b|^\s*ad\s*[:|]", re.I | re.M), FTC_101),
    (re.compile(r"#sponsored\b|\bsponsored by\b|"  # i18n: not shown (a regex)
                r"\bsponsored\b(?= post| content)", re.I), FTC_101),  # i18n: not shown
    (re.compile(r"\badvertisement\b", re.I), FTC_101),
    (re.compile(r"\bpaid partnership(?: with)?\b|#paidpartnership\b", re.I),  # i18n: not shown
     FTC_101),
    (re.compile(r"#brandambassador\b|#\w+?(?:partner|ambassador)\b", re.I), FTC_101),
    (re.compile(r"#?বিজ্ঞাপন|#?স্পন(?:্)?সরড|পেইড পার্টনারশিপ|প্রদত্ত অংশীদারিত্ব"), COURSE),
]
_AMBIGUOUS_LABELS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"#sp\b|(?<![\w#])sp\b|#spon\b|(?<![\w#])spon\b", re.I), "sp / spon"),
    (re.compile(r"#?\bcollab\b", re.I), "collab"),
    (re.compile(r"#thanks\w+", re.I), "#thanks<Brand>"),
    (re.compile(r"#ambassador\b", re.I), "#ambassador"),
    (re.compile(r"#partner\b", re.I), "#partner"),
    (regex.compile(r"(?<![\w#])(?:thanks|thank\s+you|thx|dhonnobad|ধন্যবাদ)(?![\p{L}\p{M}])",
                   regex.I), "thanks"),
]
_HASHTAG = regex.compile(r"#[\p{L}\p{M}\p{N}_]+")


CUES_FILE = "disclosure_cues.csv"
"""Plain-language disclosures, one row each: ``language`` (en, bn, banglish), ``kind`` (gift,
free, payment, sponsorship, partnership, employment, family), ``pattern`` (a ``regex``
pattern, matched ignoring case on NFC text), ``example`` (a phrase it must find), ``says``
(what the words tell a reader, in English) and ``says_bn`` (the same in Bengali: each
``says_<language>`` column is what a learner reading that language is shown)."""
CUE_KINDS = ("gift", "free", "payment", "sponsorship", "partnership", "employment", "family")
CUE_KIND_NAMES = {
    "gift": N_("gift"),
    "free": N_("free"),
    "payment": N_("payment"),
    "sponsorship": N_("sponsorship"),
    "partnership": N_("partnership"),
    "employment": N_("employment"),
    "family": N_("family"),
}
"""Each cue kind's display name (the kind itself is data: gift, free, ...)."""
CUE_LANGUAGES = ("en", "bn", "banglish")
SAYS_LANGUAGES = ("bn",)
"""The languages with their own ``says_<language>`` column in the cues file."""
CUE_COLUMNS = ("language", "kind", "pattern", "example", "says",
               *(f"says_{language}" for language in SAYS_LANGUAGES))
"""The header of the cues file, in order (a file without a ``says_<language>`` column is
still read, and refused at its first row with that column named)."""


@dataclass(frozen=True)
class _DisclosureCue:
    language: str
    kind: str
    pattern: Any
    example: str
    says: str
    says_in: tuple[tuple[str, str], ...] = ()

    def says_now(self) -> str:
        """What the words tell a reader, in the chosen language (English when not given)."""
        return dict(self.says_in).get(current_language(), self.says)


@lru_cache(maxsize=1)
def _disclosure_cues() -> tuple[_DisclosureCue, ...]:
    """Read ``data/disclosure_cues.csv`` once; name file, line and column of a bad row."""
    return _read_cues((resources.files("smm_helpers") / "data" / CUES_FILE)
                      .read_text(encoding="utf-8"))


def _read_cues(text: str) -> tuple[_DisclosureCue, ...]:
    """The cues in the text of a cues file (see ``CUES_FILE``), checked row by row.

    >>> header = "language,kind,pattern,example,says,says_bn\\n"
    >>> [cue.kind for cue in _read_cues(header + "en,gift,gifted,gifted,a gift,উপহার\\n")]
    ['gift']
    >>> _read_cues(header + "en,gift,gifted,gifted,a gift,\\n")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: disclosure_cues.csv, line 2, column 'says_bn': what the words tell a reader is missing.
    How to fix it: write it in the says_bn column.
    """  # noqa: E501
    says_columns = ("says", *(f"says_{language}" for language in SAYS_LANGUAGES))
    rows = read_vocabulary(
        CUES_FILE, CUE_COLUMNS, text=text,
        choices={"language": CUE_LANGUAGES, "kind": CUE_KINDS},
        required={column: N_("what the words tell a reader is missing")
                  for column in says_columns},
        newer=says_columns[1:])
    cues = []
    for row in rows:
        try:
            pattern = regex.compile(row["pattern"], regex.I)
        except regex.error as error:
            raise DataError(_("the pattern cannot be read: {error}").format(error=error),
                            fix=_("fix the regex"), file=CUES_FILE, line=row.line,
                            column="pattern") from None
        says_in = tuple((language, row[f"says_{language}"]) for language in SAYS_LANGUAGES)
        cues.append(_DisclosureCue(row["language"], row["kind"], pattern, row["example"],
                                   row["says"], says_in))
    return tuple(cues)


def plain_disclosures(text: str) -> list[tuple[int, int, str]]:
    """Where ``text`` says in plain words who gave or paid what: (start, end, words).

    The cues are ``data/disclosure_cues.csv`` (English, Bengali and Banglish); the text is
    NFC-normalised first, so offsets are into its NFC form.  ``check_post`` uses this to warn
    when such words sit below the "see more" fold.

    >>> plain_disclosures("Eid look! Thanks to Bata for the free sandals")
    [(10, 45, 'Thanks to Bata for the free sandals')]
    >>> plain_disclosures("Free delivery on every gift box")
    []
    """
    found = _plain_disclosures(unicodedata.normalize("NFC", text))
    return sorted({(start, end, words) for start, end, words, _ in found})


def _plain_disclosures(text: str) -> list[tuple[int, int, str, _DisclosureCue]]:
    """Every plain-language disclosure in ``text`` (NFC): start, end, words, cue."""
    found = []
    for cue in _disclosure_cues():
        for match in cue.pattern.finditer(text):
            found.append((match.start(), match.end(), match.group(0).strip(), cue))
    return found


_DEFAULT_FOLD_PLATFORM = "instagram"


def _fold_end(text: str, platform: str | None) -> int:
    """Where the "… more" fold cuts ``text``: the same cut as ``check_post`` makes.

    No platform, or one without a known fold (YouTube, TikTok): Instagram's phone fold,
    125 characters or 3 lines, the most cautious figure the course has.
    """
    from smm_helpers.content.check import above_fold
    from smm_helpers.content.limits import FOLDS

    fold = FOLDS.get(platform or _DEFAULT_FOLD_PLATFORM, FOLDS[_DEFAULT_FOLD_PLATFORM])
    return len(above_fold(text, fold))


@dataclass(frozen=True)
class DisclosureCheck:
    """The verdict of ``check_disclosure``: ``ok``, the ``problems``, what to do instead.

    ``problems``, ``suggestions`` and ``notes`` are in the language chosen when the check
    was made; ``labels`` are the words found in the post, as written.
    """

    ok: bool
    labels: tuple[str, ...]
    problems: tuple[str, ...]
    suggestions: tuple[str, ...]
    notes: tuple[str, ...] = ()
    sources: tuple[str, ...] = (FTC_GUIDES, FTC_101)

    def __str__(self) -> str:
        if self.ok:
            head = _("Disclosure OK (disclosures found: {found})")
        else:
            head = _("Disclosure needs work (disclosures found: {found})")
        lines = [head.format(found=", ".join(self.labels) or _("none"))]
        lines += [_("  problem: {problem}").format(problem=p) for p in self.problems]
        lines += [_("  do: {suggestion}").format(suggestion=s) for s in self.suggestions]
        lines += [_("  note: {note}").format(note=n) for n in self.notes]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return (f"DisclosureCheck(ok={self.ok}, labels={list(self.labels)}, "
                f"problems={len(self.problems)})")

    def _repr_html_(self) -> str:
        colour = "green" if self.ok else "#b00"
        head = _("Disclosure OK") if self.ok else _("Disclosure needs work")
        problem, do = html.escape(_("problem:")), html.escape(_("do:"))
        items = "".join(f"<li><b>{problem}</b> {html.escape(p)}</li>" for p in self.problems)
        items += "".join(f"<li><b>{do}</b> {html.escape(s)}</li>" for s in self.suggestions)
        items += "".join(f"<li>{html.escape(n)}</li>" for n in self.notes)
        sources = _("Sources: {sources}").format(sources="; ".join(_(s) for s in self.sources))
        return (f"<div><p style='color:{colour}'><b>{html.escape(head)}</b></p><ul>{items}</ul>"
                f"<p><small>{html.escape(sources)}</small></p></div>")


def _trailing_hashtags(text: str) -> tuple[int, list[str]]:
    """Where the block of hashtags at the end starts, and the hashtags in it."""
    match = regex.search(r"(?:\s*#[\p{L}\p{M}\p{N}_]+[\s.,!]*)+$", text)
    if not match:
        return len(text), []
    return match.start(), _HASHTAG.findall(match.group(0))


def check_disclosure(text: str, *, platform: str | None = None, sponsored: bool = True,
                     platform_label: bool = False) -> DisclosureCheck:
    """Does a sponsored post disclose the relationship the way the FTC asks?

    Checks (16 CFR 255; Disclosures 101): the post discloses the relationship, either with a
    clear label ("#ad", "#sponsored", "Advertisement", "Paid partnership", "#BrandAmbassador",
    "#<Brand>Partner"; Bengali "বিজ্ঞাপন"/"স্পনসরড" are the course's suggestion) or in plain
    words that say who gave or paid what ("Thanks to <Brand> for the free bag", "<Brand>
    gave me this", "I was paid by <Brand>", "নকশী ঘর এই ব্যাগটি উপহার দিয়েছে", "gift
    diyeche": the cues in ``data/disclosure_cues.csv``); it is whole before the "… more"
    fold (where ``check_post`` cuts the post on ``platform``: by characters and by lines;
    with no platform, Instagram's 125 characters or 3 lines, UNCERTAIN figures); it is not
    buried in a block of hashtags at the end; ambiguous labels ("sp", "spon", "collab",
    "#thanks<Brand>", "#ambassador", "#partner", a stand-alone "thanks") are not relied on.
    ``platform_label=True`` says the platform's own "Paid partnership" tag is switched on:
    the FTC says use it *as well as* your own words, never instead.  ``sponsored=False``
    means no relationship at all.  ``labels`` lists the words found, and a note says what
    each plain-language disclosure tells the reader.

    >>> check_disclosure("#ad Loving my new Bata sandals for Eid!").ok
    True
    >>> print(check_disclosure("Thanks to Bata for the free sandals! Loving them for Eid."))
    Disclosure OK (disclosures found: Thanks to Bata for the free sandals)
      note: plain words 'Thanks to Bata for the free sandals' say the brand gave you the product free (free): Disclosures 101 accepts simple words such as 'Thanks to Acme brand for the free product'
    >>> print(check_disclosure("Thanks Bata for the lovely sandals!"))
    Disclosure needs work (disclosures found: none)
      problem: 'thanks' is an ambiguous label: the FTC says people may not understand it; a stand-alone 'thanks' does not say the brand gave or paid you anything
      problem: no clear disclosure: no label such as '#ad' and no words saying what the brand gave or paid
      do: start the post with a clear label such as '#ad', 'Advertisement' or 'Paid partnership with <Brand>', or say it plainly: 'Thanks to <Brand> for the free <product>'
    >>> print(check_disclosure("Loving my new sandals! #spon"))
    Disclosure needs work (disclosures found: none)
      problem: 'sp / spon' is an ambiguous label: the FTC says people may not understand it
      problem: no clear disclosure: no label such as '#ad' and no words saying what the brand gave or paid
      do: start the post with a clear label such as '#ad', 'Advertisement' or 'Paid partnership with <Brand>', or say it plainly: 'Thanks to <Brand> for the free <product>'
    >>> print(check_disclosure("Eid vibes with @bata " + "#eid " * 6 + "#ad #style #shoes"))
    Disclosure needs work (disclosures found: #ad)
      problem: '#ad' is buried as hashtag 7 of 9 at the end; the FTC says not to bury #ad in a block of hashtags
      do: start the post with a clear label such as '#ad', 'Advertisement' or 'Paid partnership with <Brand>', or say it plainly: 'Thanks to <Brand> for the free <product>'
    >>> from smm_helpers.i18n.messages import in_language
    >>> with in_language("bn"):
    ...     print(check_disclosure("নকশী ঘর এই ব্যাগটি উপহার দিয়েছে।"))
    ডিসক্লোজার ঠিক আছে (পাওয়া ডিসক্লোজার: উপহার দিয়েছে)
      টীকা: সহজ কথায় লেখা 'উপহার দিয়েছে' জানায় যে ব্র্যান্ড আপনাকে পণ্যটি উপহার দিয়েছে (উপহার): Disclosures 101 এমন সহজ কথা মেনে নেয়, যেমন 'Thanks to Acme brand for the free product'
      টীকা: 'বিজ্ঞাপন'-এর মতো বাংলা (বা বাংলিশ) ডিসক্লোজারের শব্দ বাংলাভাষী অডিয়েন্সের জন্য SMM Lab-এর প্রস্তাব, FTC-র লেখা নয়; FTC শুধু বলে, ডিসক্লোজার হতে হবে প্রচারণাটি যে ভাষায়, সেই ভাষায়
    >>> check_disclosure("   ")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: text is empty.
    How to fix it: pass the caption or post text you want checked.
    """  # noqa: E501
    text = unicodedata.normalize("NFC", _check_text(text))
    _check_platform(platform)
    if not sponsored:
        return DisclosureCheck(True, (), (), (), (_(
            "no brand relationship, so nothing to disclose; remember that free or discounted "
            "products, family and employment count as relationships (Disclosures 101)"),
        ))
    problems: list[str] = []
    suggestions: list[str] = []
    notes: list[str] = []
    # (start, end, words, source, cue or None): clear labels, then plain-language disclosures
    found: list[tuple[int, int, str, str, _DisclosureCue | None]] = [
        (m.start(), m.end(), m.group(0).strip(), source, None)
        for pattern, source in _CLEAR_LABELS for m in pattern.finditer(text)]
    found += [(start, end, words, FTC_101 if cue.language == "en" else COURSE, cue)
              for start, end, words, cue in _plain_disclosures(text)]
    found.sort(key=lambda item: (item[0], -item[1]))
    found = [item for i, item in enumerate(found)  # drop words inside longer words found
             if not any(s <= item[0] and item[1] <= e for s, e, *_rest in found[:i])]
    for pattern, name in _AMBIGUOUS_LABELS:
        match = next((m for m in pattern.finditer(text)
                      if not any(start <= m.start() < end for start, end, *_rest in found)), None)
        if match:
            target = problems if not found else notes
            target.append(_ambiguous(name, covered=bool(found)))
    fix_label = _("start the post with a clear label such as '#ad', 'Advertisement' or "
                  "'Paid partnership with <Brand>', or say it plainly: 'Thanks to <Brand> "
                  "for the free <product>'")
    move_label = _("move the label to the start, where people see it without tapping 'more'")
    if not found:
        if platform_label:
            problems.append(_("only the platform's 'Paid partnership' tag discloses this; the "
                              "FTC says not to assume a platform tool is enough"))
        else:
            problems.append(_("no clear disclosure: no label such as '#ad' and no words "
                              "saying what the brand gave or paid"))
        suggestions.append(fix_label)
    else:
        first_at, first_end, first_label, _source, _cue = found[0]
        fold = _fold_end(text, platform)
        block_start, block = _trailing_hashtags(text)
        if first_at >= fold:
            problems.append(_("the first label ({label}) starts at character {at}, after the "
                              "~{fold}-character '… more' fold").format(
                label=repr(first_label), at=digits(first_at + 1), fold=digits(fold)))
            suggestions.append(move_label)
        elif first_end > fold:
            problems.append(_("the first label ({label}) is cut by the '… more' fold at about "
                              "character {fold}: people see only {seen}").format(
                label=repr(first_label), fold=digits(fold),
                seen=repr(text[first_at:fold].strip())))
            suggestions.append(move_label)
        if first_at >= block_start and len(block) >= 3:
            lowered = [tag.lower() for tag in block]
            position = next((i for i, tag in enumerate(lowered)
                             if tag.startswith(first_label.lower()[:3])), 0) + 1
            if position > 1 or first_at >= fold:
                buried = _("{label} is buried as hashtag {position} of {count} at the end; the "
                           "FTC says not to bury #ad in a block of hashtags")
                problems.append(buried.format(label=repr(first_label), position=digits(position),
                                              count=digits(len(block))))
                if fix_label not in suggestions:
                    suggestions.append(fix_label)
        if platform_label:
            notes.append(_("good: the platform's 'Paid partnership' tag is on as well as your "
                           "own label, as the FTC advises"))
        for _start, _end, words, _source, cue in found:
            if cue is not None:
                notes.append(_("plain words {words} say {says} ({kind}): Disclosures 101 accepts "
                               "simple words such as 'Thanks to Acme brand for the free "
                               "product'").format(words=repr(words), says=cue.says_now(),
                                                  kind=_(CUE_KIND_NAMES[cue.kind])))
        if any(source == COURSE for _start, _end, _words, source, _cue in found):
            notes.append(_("Bengali (or Banglish) disclosure words such as 'বিজ্ঞাপন' are SMM "
                           "Lab's suggestion for Bengali audiences, not FTC texts; the FTC only "
                           "says the disclosure must be in the language of the endorsement"))
    if platform in ("youtube", "tiktok"):
        notes.append(_("for video, say the disclosure in the video and show it on screen, and "
                       "put it in the description too (Disclosures 101)"))
    labels = tuple(dict.fromkeys(label for _start, _end, label, _source, _cue in found))
    return DisclosureCheck(not problems, labels, tuple(problems), tuple(suggestions),
                           tuple(notes))


def _ambiguous(name: str, *, covered: bool) -> str:
    """The warning about an ambiguous label ('sp', 'collab', 'thanks' ...), as one sentence."""
    label = repr(name)
    if name == "thanks" and covered:
        return _("{label} is an ambiguous label: the FTC says people may not understand it; a "
                 "stand-alone 'thanks' does not say the brand gave or paid you anything; the "
                 "clear disclosure covers it").format(label=label)
    if name == "thanks":
        return _("{label} is an ambiguous label: the FTC says people may not understand it; a "
                 "stand-alone 'thanks' does not say the brand gave or paid you "
                 "anything").format(label=label)
    if covered:
        return _("{label} is an ambiguous label: the FTC says people may not understand it; "
                 "the clear disclosure covers it").format(label=label)
    return _("{label} is an ambiguous label: the FTC says people may not understand "
             "it").format(label=label)


# ---------------------------------------------------------------------------------------
# Black-hat signals
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Signal:
    """One black-hat warning: what ``kind``, the ``evidence``, why it matters, the source.

    ``kind`` is an English id ("hashtag stuffing"), shown in the chosen language; the other
    fields are in the language chosen when ``black_hat_signals`` ran.
    """

    kind: str
    evidence: str
    reason: str
    source: str

    def __str__(self) -> str:
        return _("{kind}: {evidence} — {reason} [{source}]").format(
            kind=_(self.kind), evidence=self.evidence, reason=self.reason, source=self.source)

    def _repr_html_(self) -> str:
        return "<p>" + _("{kind}: {evidence} — {reason} [{source}]").format(
            kind=f"<b>{html.escape(_(self.kind))}</b>", evidence=html.escape(self.evidence),
            reason=html.escape(self.reason),
            source=f"<small>{html.escape(self.source)}</small>") + "</p>"


_BAIT = regex.compile(
    r"\b(?:like if|share if|like this if|comment (?:yes|amen|below if)|"  # i18n: not shown
    r"type (?:amen|yes)|"
    r"tag (?:\d+|three|two|five|a) (?:friends?|people)|tag someone who|vote by reacting|"
    r"react with|share to win|like and share|share this (?:post )?(?:to|with) \d+)\b"
    r"|শেয়ার করুন যদি|শেয়ার করুন যদি|লাইক দিন|কমেন্টে লিখুন|আমিন লিখুন|বন্ধুকে ট্যাগ",
    regex.IGNORECASE,
)
_SHORT_LINK = regex.compile(
    r"\b(?:bit\.ly|tinyurl\.com|t\.ly|goo\.gl|ow\.ly|is\.gd|cutt\.ly|rb\.gy|shorturl\.at)/\S*",
    regex.IGNORECASE,
)
_FREE = regex.compile(r"\b(?:free|win|winner|prize|gift|giveaway)\b|ফ্রি|বিনামূল্যে|পুরস্কার",
                      regex.IGNORECASE)
_URGENCY = regex.compile(
    r"\b(?:only today|last chance|hurry|act now|"  # i18n: not shown (a regex)
    r"ends (?:tonight|today|soon)|expires (?:in|today)"
    r"|limited time|only \d+ left|don't miss out|before it'?s too late)\b"
    r"|সীমিত সময়|আজই শেষ|শেষ সুযোগ|তাড়াতাড়ি|দেরি করবেন না",
    regex.IGNORECASE,
)
_STOPWORDS = frozenset({
    "the", "and", "for", "you", "your", "with", "this", "that", "are", "our", "from", "have",
    "has", "was", "were", "will", "can", "not", "but", "all", "its", "it's", "out", "get",
})


def black_hat_signals(text: str, *, platform: str | None = None) -> list[Signal]:
    """Black-hat tricks in a caption: stuffing, engagement bait, shady links, fake urgency.

    Hashtag stuffing is judged against the platform's cap (Instagram 5,
    sources.md#instagram-hashtags-2025) or the
    course's rule of thumb (10), or when hashtags are more than half the words.  Keyword
    stuffing: one word used 4+ times and at least 15% of the words.

    >>> [s.kind for s in black_hat_signals("Tag 3 friends who need this! #a #b #c #d #e #f",
    ...                                    platform="instagram")]
    ['hashtag stuffing', 'engagement bait']
    >>> black_hat_signals("New menu this Friday: come and taste it.")
    []
    >>> black_hat_signals(None)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: text must be a string, not NoneType.
    How to fix it: pass the caption or post text itself.
    """
    text = _check_text(text)
    _check_platform(platform)
    signals: list[Signal] = []
    hashtags = _HASHTAG.findall(text)
    words = regex.findall(r"[\p{L}\p{M}\p{N}_#']+", text)
    cap = HASHTAG_CAPS.get(platform or "", HASHTAG_RULE_OF_THUMB)
    cap_source = (_("Instagram cap of 5 hashtags (sources.md#instagram-hashtags-2025)")
                  if platform in HASHTAG_CAPS
                  else _("course rule of thumb: at most {count} hashtags").format(
                      count=digits(HASHTAG_RULE_OF_THUMB)))
    if len(hashtags) > cap or (len(hashtags) >= 5 and len(hashtags) > 0.5 * len(words)):
        signals.append(Signal(
            N_("hashtag stuffing"),
            _("{hashtags} hashtags in {words} words").format(hashtags=digits(len(hashtags)),
                                                             words=digits(len(words))),
            _("a pile of hashtags reads as spam and platforms limit or demote it"), cap_source))
    plain = [w.lower() for w in words if not w.startswith("#") and len(w) >= 3
             and w.lower() not in _STOPWORDS]
    if plain:
        top = max(set(plain), key=plain.count)
        count = plain.count(top)
        if count >= 4 and count >= 0.15 * len(plain):
            signals.append(Signal(
                N_("keyword stuffing"),
                _("{word} {count} times in {words} words").format(
                    word=f"'{top}'", count=digits(count), words=digits(len(plain))),
                _("repeating a keyword to game search makes the text worse for people"),
                _("black-hat SEO, source article 004 ('what to avoid')")))
    bait = _BAIT.search(text)
    if bait:
        signals.append(Signal(
            N_("engagement bait"), repr(bait.group(0)),
            _("asking for likes, shares, tags or comments for their own sake; platforms "
              "demote it"), _(META_BAIT)))
    link = _SHORT_LINK.search(text)
    if link and _FREE.search(text):
        signals.append(Signal(
            N_("shortened link with a free offer"), repr(link.group(0)),
            _("hides where the link goes next to a too-good offer, the pattern of scams"),
            _("course rule (common phishing pattern)")))
    rush = _URGENCY.search(text)
    if rush:
        signals.append(Signal(
            N_("urgency pressure"), repr(rush.group(0)),
            _("only fine if it is true; invented deadlines are false information"),
            _("source article 004 (false information)")))
    return signals


# ---------------------------------------------------------------------------------------
# Unsourced claims
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    """A sentence with a number or "studies show" and no source nearby.

    ``kind`` is an English id ("percentage", "appeal to research"), shown in the chosen
    language.
    """

    sentence: str
    evidence: str
    kind: str

    def __str__(self) -> str:
        return _("{kind} {evidence} without a source: {sentence}").format(
            kind=_(self.kind), evidence=repr(self.evidence), sentence=self.sentence)

    def _repr_html_(self) -> str:
        return "<p>" + _("{kind} {evidence} without a source: {sentence}").format(
            kind=f"<b>{html.escape(_(self.kind))}</b>",
            evidence=f"<code>{html.escape(self.evidence)}</code>",
            sentence=f"<i>{html.escape(self.sentence)}</i>") + "</p>"


_DIGITS = r"[0-9০-৯]"
_CLAIM_PATTERNS: list[tuple[regex.Pattern[str], str]] = [
    (regex.compile(rf"{_DIGITS}+(?:[.,]{_DIGITS}+)?\s?"  # i18n: not shown (a regex)
                   r"(?:%|٪|percent\b|per cent\b|শতাংশ)",  # i18n: not shown (a regex)
                   regex.I), N_("percentage")),
    (regex.compile(rf"\b{_DIGITS}+\s+(?:out of|in)\s+"  # i18n: not shown (a regex)
                   rf"{_DIGITS}+\b|{_DIGITS}+\s?জনের মধ্যে"
                   rf"\s?{_DIGITS}+", regex.I), N_("statistic")),
    (regex.compile(rf"{_DIGITS}+(?:[.,]{_DIGITS}+)?\s?(?:million|billion|thousand|lakh|crore|"
                   r"লাখ|লক্ষ|কোটি|হাজার)", regex.I), N_("big number")),
    (regex.compile(r"\b(?:studies|research|surveys?|experts?|scientists|doctors)\s+"
                   r"(?:show|shows|prove|proves|proved|say|says|found|agree|confirm)\b"
                   r"|গবেষণায় দেখা গেছে|গবেষণা বলছে|বিশেষজ্ঞরা বলেন|বিশেষজ্ঞদের মতে", regex.I),
     N_("appeal to research")),
]
_SOURCE = regex.compile(
    r"https?://|www\.|(?i:\bsources?\s*[:-])|"  # i18n: not shown (a regex)
    r"(?i:\baccording to) (?!(?:studies|research|"  # i18n: not shown (a regex)
    r"experts|many|some|most)\b)[A-Z\p{Lu}]|\([^()]*\b(?:19|20|১৯|২০)[0-9০-৯]{2}\)|সূত্র\s*[:ঃ]|"
    # a named source in brackets: "(Sage North America)", "(M+R Benchmarks)"
    r"\(\p{Lu}[\p{L}&+.'’-]*(?:\s+(?:\p{Lu}[\p{L}&+.'’-]*|of|and|for|the|&))*\)|"
    r"তথ্যসূত্র|[\p{L}]+-এর (?:তথ্য|প্রতিবেদন) অনুযায়ী"
)


def _sentences(text: str) -> list[str]:
    parts = regex.split(r"(?<=[.!?।])\s+|\n+", text)
    return [p.strip() for p in parts if p.strip()]


def unsourced_claims(text: str) -> list[Claim]:
    """Numbers and "studies show" claims with no source in the same or the next sentence.

    A source is a link, "Source:", "according to <Name>", "(Name, 2024)", a name in
    brackets such as "(Sage North America)", or "সূত্র:".
    Source article 000's "89% of charities use social media" is a real example: the
    article gives no source (the figure comes from Barnes and Mattson's 2008 study of the
    200 largest US charities, which a reader of the article cannot know).

    >>> [c.evidence for c in unsourced_claims("89% of charities use social media.")]
    ['89%']
    >>> unsourced_claims("88% of nonprofits use social media (Sage North America).")
    []
    >>> len(unsourced_claims("88% of nonprofits use social media (see below)."))
    1
    >>> unsourced_claims("89% of charities use it (Sage, 2012).")
    []
    >>> unsourced_claims("৪% ফ্যানের কাছে পৌঁছেছিল (M+R Benchmarks, ২০২০)।")
    []
    >>> [c.kind for c in unsourced_claims("গবেষণায় দেখা গেছে ৮৯% মানুষ রাজি।")]
    ['percentage', 'appeal to research']
    >>> unsourced_claims(3.5)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: text must be a string, not float.
    How to fix it: pass the caption or post text itself.
    """
    text = _check_text(text)
    sentences = _sentences(text)
    claims = []
    for i, sentence in enumerate(sentences):
        nearby = sentence + " " + (sentences[i + 1] if i + 1 < len(sentences) else "")
        if _SOURCE.search(nearby):
            continue
        for pattern, kind in _CLAIM_PATTERNS:
            for match in pattern.finditer(sentence):
                claims.append(Claim(sentence, match.group(0).strip(), kind))
    return claims


# ---------------------------------------------------------------------------------------
# Fake engagement
# ---------------------------------------------------------------------------------------



def _robust_z(values: Any) -> Any:
    """(x − median) / (1.4826 × MAD): a z-score that one outlier cannot hide behind."""
    import numpy as np

    values = np.asarray(values, dtype=float)
    median = np.nanmedian(values)
    mad = np.nanmedian(np.abs(values - median)) * 1.4826
    if not mad or math.isnan(mad):
        mad = np.nanmean(np.abs(values - median)) * 1.2533 or 1.0
    return (values - median) / mad


FINDING_NAMES = {
    "follower_spikes": N_("follower spikes"),
    "like_spikes": N_("like spikes"),
    "templated_comments": N_("templated comments"),
    "comment_bursts": N_("comment bursts"),
}
"""Each table of a ``FakeEngagementReport`` and its heading."""


@dataclass
class FakeEngagementReport:
    """What ``detect_fake_engagement`` found; each table lists one kind of suspicion."""

    follower_spikes: pd.DataFrame
    like_spikes: pd.DataFrame
    templated_comments: pd.DataFrame
    comment_bursts: pd.DataFrame
    notes: tuple[str, ...] = field(default=(FTC_465,))

    def __len__(self) -> int:
        return (len(self.follower_spikes) + len(self.like_spikes)
                + len(self.templated_comments) + len(self.comment_bursts))

    def __repr__(self) -> str:
        return (f"FakeEngagementReport(follower_spikes={len(self.follower_spikes)}, "
                f"like_spikes={len(self.like_spikes)}, "
                f"templated_comments={len(self.templated_comments)}, "
                f"comment_bursts={len(self.comment_bursts)})")

    def _repr_html_(self) -> str:
        head = ngettext("{title} ({count} finding; {source})",
                        "{title} ({count} findings; {source})", len(self)).format(
            title="<b>" + html.escape(_("Possible fake engagement")) + "</b>",
            count=digits(len(self)), source=html.escape(_(FTC_465)))
        parts = [f"<p>{head}</p>"]
        for name, title in FINDING_NAMES.items():
            table = getattr(self, name)
            parts.append(f"<h4>{html.escape(_(title))} ({digits(len(table))})</h4>")
            if len(table):
                parts.append(table.head(20).to_html())
        return "<div>" + "".join(parts) + "</div>"


def _follower_spikes(posts: pd.DataFrame, followers: pd.DataFrame,
                     threshold: float, min_ratio: float, min_gain: int) -> pd.DataFrame:
    import numpy as np
    import pandas as pd

    frame = followers.sort_values(["client", "platform", "date"]).copy()
    frame["date"] = pd.to_datetime(frame["date"]).dt.normalize()
    frame["gain"] = frame.groupby(["client", "platform"])["followers"].diff()
    frame["gain_z"] = frame.groupby(["client", "platform"])["gain"].transform(_robust_z)
    usual = frame.groupby(["client", "platform"])["gain"].transform("median").clip(lower=1)
    frame["times_usual"] = frame["gain"] / usual
    engagement = posts.assign(
        date=_day(posts["published_at"]),
        engagement=posts[list(ENGAGEMENT_COLUMNS)].sum(axis=1),
    ).groupby(["client", "platform", "date"], as_index=False)["engagement"].sum()
    engagement["engagement_z"] = engagement.groupby(["client", "platform"])[
        "engagement"].transform(_robust_z)
    frame = frame.merge(engagement, on=["client", "platform", "date"], how="left")
    frame["engagement"] = frame["engagement"].fillna(0)
    frame["engagement_z"] = frame["engagement_z"].fillna(0.0)
    suspicious = ((frame["gain_z"] > threshold) & (frame["times_usual"] >= min_ratio)
                  & (frame["gain"] >= min_gain)
                  & (frame["engagement_z"] < threshold / 2))
    out = frame.loc[suspicious, ["client", "platform", "date", "gain", "times_usual", "gain_z",
                                 "engagement", "engagement_z"]].copy()
    out["reason"] = [_("followers jumped by {gain} ({times}× a usual day, robust z {z}) while "
                       "engagement that day was ordinary (z {engagement_z})").format(
                         gain=format_number(g), times=digits(f"{t:.0f}"), z=digits(f"{z:.1f}"),
                         engagement_z=digits(f"{e:.1f}"))
                     for g, t, z, e in zip(out["gain"], out["times_usual"], out["gain_z"],
                                           out["engagement_z"], strict=True)]
    return out.reset_index(drop=True).astype({"gain": np.int64})


def _day(stamps: pd.Series) -> pd.Series:
    import pandas as pd

    stamps = pd.to_datetime(stamps)
    if getattr(stamps.dt, "tz", None) is not None:
        stamps = stamps.dt.tz_convert("Asia/Dhaka").dt.tz_localize(None)
    return stamps.dt.normalize()


def _like_spikes(posts: pd.DataFrame, threshold: float) -> pd.DataFrame:
    import numpy as np

    frame = posts.copy()
    talk = frame["comments"] + frame["shares"] + frame["saves"]
    frame["log_likes_per_reach"] = np.log((frame["reactions"] + 1) / frame["reach"].clip(lower=1))
    frame["log_likes_per_talk"] = np.log((frame["reactions"] + 1) / (talk + 1))
    groups = frame.groupby(["client", "platform"])
    frame["reach_z"] = groups["log_likes_per_reach"].transform(_robust_z)
    frame["talk_z"] = groups["log_likes_per_talk"].transform(_robust_z)
    suspicious = (frame["reach_z"] > threshold) & (frame["talk_z"] > threshold)
    out = frame.loc[suspicious, ["post_id", "client", "platform", "reactions", "reach",
                                 "comments", "reach_z", "talk_z"]].copy()
    out["reason"] = [_("{reactions} reactions stand out against a reach of {reach} (robust z "
                       "{z}) and against the comments, shares and saves (z {talk_z})").format(
                         reactions=_count(r), reach=_count(h), z=digits(f"{z:.1f}"),
                         talk_z=digits(f"{t:.1f}"))
                     for r, h, z, t in zip(out["reactions"], out["reach"], out["reach_z"],
                                           out["talk_z"], strict=True)]
    return out.reset_index(drop=True)


def _count(value: Any) -> str:
    """A count from a table as the chosen language writes it (1,234 or ১,২৩৪)."""
    if isinstance(value, numbers.Integral):
        return format_number(int(value))
    return digits(f"{value:,}")


def _skeleton(text: str) -> str:
    """Lower-case text without mentions, links, numbers, emoji and punctuation."""
    text = regex.sub(r"@\w+|https?://\S+|www\.\S+", " ", str(text).lower())
    text = regex.sub(r"[^\p{L}\p{M}\s]", " ", text)
    return " ".join(text.split())


def _templated_comments(comments: pd.DataFrame, min_copies: int) -> pd.DataFrame:
    import pandas as pd

    frame = comments.assign(skeleton=comments["text"].map(_skeleton))
    frame = frame[frame["skeleton"].str.len() > 0]
    grouped = frame.groupby("skeleton")
    table = pd.DataFrame({
        "copies": grouped.size(),
        "authors": grouped["author"].nunique(),
        "posts": grouped["post_id"].nunique(),
        "example": grouped["text"].first(),
    })
    if "author_age_days" in frame.columns:
        table["share_new_accounts"] = grouped["author_age_days"].apply(lambda s: (s < 30).mean())
    table = table[(table["copies"] >= min_copies) & (table["authors"] >= min_copies)]
    table = table.sort_values("copies", ascending=False).reset_index()
    table["reason"] = [_("{copies} near-identical comments from {authors} accounts").format(
                           copies=digits(c), authors=digits(a))
                       for c, a in zip(table["copies"], table["authors"], strict=True)]
    return table


def _comment_bursts(comments: pd.DataFrame, window_minutes: int, min_burst: int) -> pd.DataFrame:
    import pandas as pd

    frame = comments.assign(timestamp=pd.to_datetime(comments["timestamp"]), one=1.0)
    frame = frame.sort_values(["post_id", "timestamp"])
    rows = []
    for post_id, group in frame.groupby("post_id", sort=True):
        counts = group.rolling(f"{window_minutes}min", on="timestamp")["one"].sum().to_numpy()
        peak = int(counts.max())
        span_hours = max((group["timestamp"].max() - group["timestamp"].min()).total_seconds()
                         / 3600, window_minutes / 60)
        usual = len(group) / span_hours * window_minutes / 60
        if peak >= min_burst and peak >= 5 * usual:
            at = group["timestamp"].iloc[int(counts.argmax())]
            rows.append({"post_id": post_id, "peak": peak, "window_minutes": window_minutes,
                         "usual": round(usual, 2), "at": at,
                         "reason": _("{peak} comments within {minutes} minutes; usual pace is "
                                     "{usual} per {minutes} minutes").format(
                             peak=digits(peak), minutes=digits(window_minutes),
                             usual=digits(f"{usual:.1f}"))})
    return pd.DataFrame(rows, columns=["post_id", "peak", "window_minutes", "usual", "at",
                                       "reason"])


def detect_fake_engagement(posts: pd.DataFrame, followers: pd.DataFrame, *,
                           comments: pd.DataFrame | None = None, threshold: float = 5.0,
                           min_ratio: float = 8.0, min_gain: int = 100,
                           like_threshold: float = 2.5,
                           min_copies: int = 3, window_minutes: int = 10,
                           min_burst: int = 8) -> FakeEngagementReport:
    """Look for bought followers, bot likes, templated comments and comment bursts.

    1. **Follower spikes**: a day's follower gain has a robust z-score above ``threshold``
       (per client and platform) *and* is at least ``min_ratio`` times the usual (median)
       daily gain, while that day's engagement is ordinary.  Special days triple organic
       gains in the course data; a bought pack is an order of magnitude above a usual day.
       Gains below ``min_gain`` are ignored: followers are sold in packs of hundreds.
    2. **Like spikes**: a post's reactions stand out (robust z above ``like_threshold``)
       both against its reach *and* against its comments, shares and saves: likes that
       nobody talks about.
    3. **Templated comments** (needs ``comments`` with post_id, author, text, timestamp):
       the same text after removing mentions, links, numbers and emoji, from
       ``min_copies`` or more accounts (``author_age_days`` < 30 counted when present).
    4. **Comment bursts**: ``min_burst`` or more comments on one post within
       ``window_minutes``, at least 5× the post's usual pace.

    Each finding is a reason to look, not proof.  The caller's DataFrames are not changed.

    >>> import pandas as pd
    >>> days = pd.date_range("2026-01-01", periods=30)
    >>> gains = [20 + (i * 7) % 5 for i in range(30)]
    >>> gains[20] = 2000
    >>> followers = pd.DataFrame({"date": days, "client": "business",
    ...                           "platform": "instagram",
    ...                           "followers": pd.Series(gains).cumsum() + 5000})
    >>> posts = pd.DataFrame(columns=["post_id", "client", "platform", "published_at",
    ...     "reach", "reactions", "comments", "shares", "saves"])
    >>> report = detect_fake_engagement(posts, followers)
    >>> report.follower_spikes[["date", "gain"]]
            date  gain
    0 2026-01-21  2000
    >>> detect_fake_engagement(posts, followers.drop(columns="followers"))
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: column 'followers': the followers table has no column 'followers' (it has: date, client, ...
    """  # noqa: E501
    import pandas as pd

    require_table(posts, ["post_id", "client", "platform", "published_at", "reach",
                     *ENGAGEMENT_COLUMNS], "posts")
    require_table(followers, ["date", "client", "platform", "followers"], "followers")
    if threshold <= 0:
        raise InputError(_("threshold must be positive, not {value}").format(
                             value=repr(threshold)),
                         fix=_("use a robust z-score such as 5 (lower finds more, wrongly too)"))
    empty = pd.DataFrame()
    templated, bursts = empty, empty
    if comments is not None:
        require_table(comments, ["post_id", "author", "text", "timestamp"], "comments")
        templated = _templated_comments(comments, min_copies)
        bursts = _comment_bursts(comments, window_minutes, min_burst)
    return FakeEngagementReport(
        _follower_spikes(posts, followers, threshold, min_ratio, min_gain),
        _like_spikes(posts, like_threshold) if len(posts) else empty,
        templated,
        bursts,
    )


def inject_fake_engagement(posts: pd.DataFrame, followers: pd.DataFrame, *, seed: int,
                           n_events: int = 4) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Add known fake traffic to copies of the tables, and say where it is (for practice).

    * ``bought_followers``: ``n_events`` times, an account jumps by 1–5% of its followers
      (at least 300) in one day and keeps them, with no extra engagement.
    * ``bot_likes``: ``n_events`` posts get a pack of likes worth 3–8× their own reactions
      (at least 90 extra) with no extra reach, comments or shares.

    Returns ``(posts, followers, labels)``; ``labels`` has kind, client, platform, date,
    post_id and size.  The caller's DataFrames are not changed.

    >>> import pandas as pd
    >>> followers = pd.DataFrame({"date": pd.date_range("2026-01-01", periods=30),
    ...     "client": "nonprofit", "platform": "facebook", "followers": range(1000, 1030)})
    >>> posts = pd.DataFrame({"post_id": ["p1"], "client": "nonprofit",
    ...     "platform": "facebook", "published_at": pd.Timestamp("2026-01-05"),
    ...     "reach": 900, "reactions": 40, "comments": 3, "shares": 1, "saves": 0})
    >>> new_posts, new_followers, labels = inject_fake_engagement(posts, followers, seed=1,
    ...                                                           n_events=1)
    >>> labels["kind"].tolist()
    ['bought_followers', 'bot_likes']
    >>> int(new_posts.loc[0, "reactions"]) > 40, int(posts.loc[0, "reactions"])
    (True, 40)
    >>> inject_fake_engagement(posts, followers, seed=1, n_events=0)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: n_events must be a whole number >= 1, not 0.
    How to fix it: e.g. n_events=4 injects 4 bought-follower jumps and 4 bot-like packs.
    """
    import numpy as np
    import pandas as pd

    require_table(posts, ["post_id", "client", "platform", "published_at", "reach",
                     *ENGAGEMENT_COLUMNS], "posts")
    require_table(followers, ["date", "client", "platform", "followers"], "followers")
    if isinstance(n_events, bool) or not isinstance(n_events, int) or n_events < 1:
        raise InputError(_("n_events must be a whole number >= 1, not {value}").format(
                             value=repr(n_events)),
                         fix=_("e.g. n_events=4 injects 4 bought-follower jumps and 4 "
                               "bot-like packs"))
    rng = np.random.default_rng(seed)
    posts, followers = posts.copy(), followers.copy()
    labels = []
    dates = pd.to_datetime(followers["date"]).dt.normalize()
    series = followers[["client", "platform"]].drop_duplicates().to_numpy()
    used: set[tuple[str, str, pd.Timestamp]] = set()
    for _event in range(n_events):
        client, platform = series[rng.integers(len(series))]
        in_series = (followers["client"] == client) & (followers["platform"] == platform)
        days = np.sort(dates[in_series].unique())
        if len(days) < 10:
            continue
        day = pd.Timestamp(days[rng.integers(7, len(days))])
        if (client, platform, day) in used:
            continue
        used.add((client, platform, day))
        level = int(followers.loc[in_series & (dates == day), "followers"].to_numpy()[0])
        size = max(300, round(rng.uniform(0.01, 0.05) * level))
        followers.loc[in_series & (dates >= day), "followers"] += size
        if "followers" in posts.columns:
            later = ((posts["client"] == client) & (posts["platform"] == platform)
                     & (_day(posts["published_at"]) >= day))
            posts.loc[later, "followers"] += size
        labels.append({"kind": "bought_followers", "client": client, "platform": platform,
                       "date": day, "post_id": None, "size": size})
    if len(posts):
        chosen = rng.choice(len(posts), size=min(n_events, len(posts)), replace=False)
        for position in sorted(chosen):
            index = posts.index[position]
            own = int(posts["reactions"].to_numpy()[position])
            size = round(rng.uniform(3, 8) * max(own, 30))
            posts.at[index, "reactions"] = own + size
            labels.append({"kind": "bot_likes", "client": posts.at[index, "client"],
                           "platform": posts.at[index, "platform"],
                           "date": _day(posts.loc[[index], "published_at"]).iloc[0],
                           "post_id": posts.at[index, "post_id"], "size": size})
    return posts, followers, pd.DataFrame(labels, columns=["kind", "client", "platform",
                                                           "date", "post_id", "size"])


@dataclass
class FakeEngagementEvaluation:
    """Precision and recall of ``detect_fake_engagement`` against injected fake traffic."""

    table: pd.DataFrame
    per_seed: pd.DataFrame = field(repr=False)

    def __repr__(self) -> str:
        rows = ", ".join(f"{kind}: precision {r.precision:.2f}, recall {r.recall:.2f}"
                         for kind, r in self.table.iterrows())
        return f"FakeEngagementEvaluation({rows})"

    def _repr_html_(self) -> str:
        title = html.escape(_("Fake-engagement detector vs injected fake traffic"))
        return f"<div><p><b>{title}</b></p>{self.table.round(2).to_html()}</div>"


def evaluate_fake_engagement(seeds: Iterable[int] = range(5), *,
                             posts: pd.DataFrame | None = None,
                             followers: pd.DataFrame | None = None,
                             n_events: int = 4) -> FakeEngagementEvaluation:
    """Inject fake traffic with each seed, run the detector, and count hits and false alarms.

    Without ``posts``/``followers`` each seed generates fresh course data with
    ``smm_helpers.datasets.generate(1_000, seed=seed)``; with them, the same tables get a
    different injection per seed.  A bought-follower event is found when its (client,
    platform, date) is flagged; a bot-like pack when its post is flagged.  Every other
    flag counts against precision, organic surprises included.

    >>> import pandas as pd
    >>> days = pd.date_range("2026-01-01", periods=60)
    >>> followers = pd.DataFrame({"date": days, "client": "business",
    ...     "platform": "instagram", "followers": [5000 + 25 * i for i in range(60)]})
    >>> posts = pd.DataFrame({"post_id": [f"p{i}" for i in range(30)], "client": "business",
    ...     "platform": "instagram", "published_at": days[::2], "reach": 1000,
    ...     "reactions": [50 + i % 7 for i in range(30)], "comments": 5, "shares": 2,
    ...     "saves": 1})
    >>> result = evaluate_fake_engagement(range(2), posts=posts, followers=followers)
    >>> result.table[["injected", "precision", "recall"]]
                      injected  precision  recall
    kind
    bot_likes                8        1.0     1.0
    bought_followers         8        1.0     1.0
    >>> evaluate_fake_engagement([], posts=posts, followers=followers)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: seeds is empty.
    How to fix it: pass one or more seeds, e.g. seeds=range(5).
    """
    import pandas as pd

    seeds = list(seeds)
    if not seeds:
        raise InputError(_("seeds is empty"),
                         fix=_("pass one or more seeds, e.g. seeds=range(5)"))
    if (posts is None) != (followers is None):
        raise InputError(_("pass both posts and followers, or neither"),
                         fix=_("leave both out to use generated course data"))
    rows = []
    for seed in seeds:
        if posts is None or followers is None:
            from smm_helpers.datasets import generate

            data = generate(1_000, seed=seed)
            base_posts, base_followers = data.posts, data.followers
        else:
            base_posts, base_followers = posts, followers
        new_posts, new_followers, labels = inject_fake_engagement(
            base_posts, base_followers, seed=seed, n_events=n_events)
        report = detect_fake_engagement(new_posts, new_followers)  # the defaults, as shipped
        spikes = report.follower_spikes
        flagged_days = {(c, p, pd.Timestamp(d)) for c, p, d in
                        zip(spikes["client"], spikes["platform"], spikes["date"], strict=True)}
        bought = labels[labels["kind"] == "bought_followers"]
        true_days = {(c, p, pd.Timestamp(d)) for c, p, d in
                     zip(bought["client"], bought["platform"], bought["date"], strict=True)}
        likes = report.like_spikes
        flagged_posts = set(likes["post_id"]) if len(likes) else set()
        true_posts = set(labels.loc[labels["kind"] == "bot_likes", "post_id"])
        for kind, truth, flagged in (("bought_followers", true_days, flagged_days),
                                     ("bot_likes", true_posts, flagged_posts)):
            rows.append({"seed": seed, "kind": kind, "injected": len(truth),
                         "flagged": len(flagged), "found": len(truth & flagged)})
    per_seed = pd.DataFrame(rows)
    table = per_seed.groupby("kind")[["injected", "flagged", "found"]].sum()
    table["precision"] = table["found"] / table["flagged"].where(table["flagged"] > 0)
    table["recall"] = table["found"] / table["injected"].where(table["injected"] > 0)
    return FakeEngagementEvaluation(table, per_seed)
