"""Does a sponsored post disclose the brand relationship the way the FTC asks?

The rules follow the US FTC's Endorsement Guides (16 CFR Part 255) and "Disclosures 101 for
Social Media Influencers": a clear label or plain words, whole before the "… more" fold, not
buried in a block of hashtags, no ambiguous labels relied on.  The plain words themselves are
data (:mod:`smm_helpers.content.disclosure_cues`).
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

import regex

from smm_helpers.content.check import above_fold
from smm_helpers.content.disclosure_cues import CUE_KIND_NAMES, DisclosureCue, cues_in
from smm_helpers.content.limits import FOLDS
from smm_helpers.ethics._common import (
    COURSE,
    FTC_101,
    FTC_GUIDES,
    HASHTAG,
    check_platform,
    check_text,
)
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits

FOLD_CHARS = 125
"""Characters visible before "… more" on a phone when no platform is given (≈125, the
Facebook-mobile and Instagram figure of ``smm_helpers.content.limits.FOLDS``, UNCERTAIN;
sources.md#facebook-post-length).  With a platform, ``check_disclosure`` cuts the post where
``check_post`` does, by characters and by lines.  The FTC only says: above the "more" cut."""

_CLEAR_LABELS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"#ad\b(?!\w)|#advert(?:isement)?\b|^\s*ad\s*[:|]", re.I | re.M), FTC_101),
    (
        re.compile(
            r"#sponsored\b|\bsponsored by\b|"  # i18n: not shown (a regex)
            r"\bsponsored\b(?= post| content)",
            re.I,
        ),
        FTC_101,
    ),  # i18n: not shown
    (re.compile(r"\badvertisement\b", re.I), FTC_101),
    (
        re.compile(r"\bpaid partnership(?: with)?\b|#paidpartnership\b", re.I),  # i18n: not shown
        FTC_101,
    ),
    (re.compile(r"#brandambassador\b|#\w+?(?:partner|ambassador)\b", re.I), FTC_101),
    (re.compile(r"#?বিজ্ঞাপন|#?স্পন(?:্)?সরড|পেইড পার্টনারশিপ|প্রদত্ত অংশীদারিত্ব"), COURSE),
]
_AMBIGUOUS_LABELS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"#sp\b|(?<![\w#])sp\b|#spon\b|(?<![\w#])spon\b", re.I), "sp / spon"),
    (re.compile(r"#?\bcollab\b", re.I), "collab"),
    (re.compile(r"#thanks\w+", re.I), "#thanks<Brand>"),
    (re.compile(r"#ambassador\b", re.I), "#ambassador"),
    (re.compile(r"#partner\b", re.I), "#partner"),
    (
        regex.compile(
            r"(?<![\w#])(?:thanks|thank\s+you|thx|dhonnobad|ধন্যবাদ)(?![\p{L}\p{M}])", regex.I
        ),
        "thanks",
    ),
]


_DEFAULT_FOLD_PLATFORM = "instagram"


def _fold_end(text: str, platform: str | None) -> int:
    """Where the "… more" fold cuts ``text``: the same cut as ``check_post`` makes.

    No platform, or one without a known fold (YouTube, TikTok): Instagram's phone fold,
    125 characters or 3 lines, the most cautious figure the course has.
    """
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
        return (
            f"DisclosureCheck(ok={self.ok}, labels={list(self.labels)}, "
            f"problems={len(self.problems)})"
        )

    def _repr_html_(self) -> str:
        colour = "green" if self.ok else "#b00"
        head = _("Disclosure OK") if self.ok else _("Disclosure needs work")
        problem, do = html.escape(_("problem:")), html.escape(_("do:"))
        items = "".join(f"<li><b>{problem}</b> {html.escape(p)}</li>" for p in self.problems)
        items += "".join(f"<li><b>{do}</b> {html.escape(s)}</li>" for s in self.suggestions)
        items += "".join(f"<li>{html.escape(n)}</li>" for n in self.notes)
        sources = _("Sources: {sources}").format(sources="; ".join(_(s) for s in self.sources))
        return (
            f"<div><p style='color:{colour}'><b>{html.escape(head)}</b></p><ul>{items}</ul>"
            f"<p><small>{html.escape(sources)}</small></p></div>"
        )


def _trailing_hashtags(text: str) -> tuple[int, list[str]]:
    """Where the block of hashtags at the end starts, and the hashtags in it."""
    match = regex.search(r"(?:\s*#[\p{L}\p{M}\p{N}_]+[\s.,!]*)+$", text)
    if not match:
        return len(text), []
    return match.start(), HASHTAG.findall(match.group(0))


def check_disclosure(
    text: str, *, platform: str | None = None, sponsored: bool = True, platform_label: bool = False
) -> DisclosureCheck:
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
    text = unicodedata.normalize("NFC", check_text(text))
    check_platform(platform)
    if not sponsored:
        return DisclosureCheck(
            True,
            (),
            (),
            (),
            (
                _(
                    "no brand relationship, so nothing to disclose; remember that free or "
                    "discounted "
                    "products, family and employment count as relationships (Disclosures 101)"
                ),
            ),
        )
    problems: list[str] = []
    suggestions: list[str] = []
    notes: list[str] = []
    # (start, end, words, source, cue or None): clear labels, then plain-language disclosures
    found: list[tuple[int, int, str, str, DisclosureCue | None]] = [
        (m.start(), m.end(), m.group(0).strip(), source, None)
        for pattern, source in _CLEAR_LABELS
        for m in pattern.finditer(text)
    ]
    found += [
        (start, end, words, FTC_101 if cue.language == "en" else COURSE, cue)
        for start, end, words, cue in cues_in(text)
    ]
    found.sort(key=lambda item: (item[0], -item[1]))
    found = [
        item
        for i, item in enumerate(found)  # drop words inside longer words found
        if not any(s <= item[0] and item[1] <= e for s, e, *_rest in found[:i])
    ]
    for pattern, name in _AMBIGUOUS_LABELS:
        match = next(
            (
                m
                for m in pattern.finditer(text)
                if not any(start <= m.start() < end for start, end, *_rest in found)
            ),
            None,
        )
        if match:
            target = problems if not found else notes
            target.append(_ambiguous(name, covered=bool(found)))
    fix_label = _(
        "start the post with a clear label such as '#ad', 'Advertisement' or "
        "'Paid partnership with <Brand>', or say it plainly: 'Thanks to <Brand> "
        "for the free <product>'"
    )
    move_label = _("move the label to the start, where people see it without tapping 'more'")
    if not found:
        if platform_label:
            problems.append(
                _(
                    "only the platform's 'Paid partnership' tag discloses this; the "
                    "FTC says not to assume a platform tool is enough"
                )
            )
        else:
            problems.append(
                _(
                    "no clear disclosure: no label such as '#ad' and no words "
                    "saying what the brand gave or paid"
                )
            )
        suggestions.append(fix_label)
    else:
        first_at, first_end, first_label, _source, _cue = found[0]
        fold = _fold_end(text, platform)
        block_start, block = _trailing_hashtags(text)
        if first_at >= fold:
            problems.append(
                _(
                    "the first label ({label}) starts at character {at}, after the "
                    "~{fold}-character '… more' fold"
                ).format(label=repr(first_label), at=digits(first_at + 1), fold=digits(fold))
            )
            suggestions.append(move_label)
        elif first_end > fold:
            problems.append(
                _(
                    "the first label ({label}) is cut by the '… more' fold at about "
                    "character {fold}: people see only {seen}"
                ).format(
                    label=repr(first_label),
                    fold=digits(fold),
                    seen=repr(text[first_at:fold].strip()),
                )
            )
            suggestions.append(move_label)
        if first_at >= block_start and len(block) >= 3:
            lowered = [tag.lower() for tag in block]
            position = (
                next(
                    (i for i, tag in enumerate(lowered) if tag.startswith(first_label.lower()[:3])),
                    0,
                )
                + 1
            )
            if position > 1 or first_at >= fold:
                buried = _(
                    "{label} is buried as hashtag {position} of {count} at the end; the "
                    "FTC says not to bury #ad in a block of hashtags"
                )
                problems.append(
                    buried.format(
                        label=repr(first_label), position=digits(position), count=digits(len(block))
                    )
                )
                if fix_label not in suggestions:
                    suggestions.append(fix_label)
        if platform_label:
            notes.append(
                _(
                    "good: the platform's 'Paid partnership' tag is on as well as your "
                    "own label, as the FTC advises"
                )
            )
        for _start, _end, words, _source, cue in found:
            if cue is not None:
                notes.append(
                    _(
                        "plain words {words} say {says} ({kind}): Disclosures 101 accepts "
                        "simple words such as 'Thanks to Acme brand for the free "
                        "product'"
                    ).format(
                        words=repr(words), says=cue.says_now(), kind=_(CUE_KIND_NAMES[cue.kind])
                    )
                )
        if any(source == COURSE for _start, _end, _words, source, _cue in found):
            notes.append(
                _(
                    "Bengali (or Banglish) disclosure words such as 'বিজ্ঞাপন' are SMM "
                    "Lab's suggestion for Bengali audiences, not FTC texts; the FTC only "
                    "says the disclosure must be in the language of the endorsement"
                )
            )
    if platform in ("youtube", "tiktok"):
        notes.append(
            _(
                "for video, say the disclosure in the video and show it on screen, and "
                "put it in the description too (Disclosures 101)"
            )
        )
    labels = tuple(dict.fromkeys(label for _start, _end, label, _source, _cue in found))
    return DisclosureCheck(not problems, labels, tuple(problems), tuple(suggestions), tuple(notes))


def _ambiguous(name: str, *, covered: bool) -> str:
    """The warning about an ambiguous label ('sp', 'collab', 'thanks' ...), as one sentence."""
    label = repr(name)
    if name == "thanks" and covered:
        return _(
            "{label} is an ambiguous label: the FTC says people may not understand it; a "
            "stand-alone 'thanks' does not say the brand gave or paid you anything; the "
            "clear disclosure covers it"
        ).format(label=label)
    if name == "thanks":
        return _(
            "{label} is an ambiguous label: the FTC says people may not understand it; a "
            "stand-alone 'thanks' does not say the brand gave or paid you "
            "anything"
        ).format(label=label)
    if covered:
        return _(
            "{label} is an ambiguous label: the FTC says people may not understand it; "
            "the clear disclosure covers it"
        ).format(label=label)
    return _("{label} is an ambiguous label: the FTC says people may not understand it").format(
        label=label
    )
