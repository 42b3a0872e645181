"""``check_post``: will this post fit, and how will it look, on a given platform?

>>> result = check_post("শুভ নববর্ষ! 🎉 Join us https://example.org #পহেলা_বৈশাখ", "x")
>>> result.ok, result.length, result.limit
(True, 59, 280)
>>> print(result)  # doctest: +ELLIPSIS
X counts 59 of 280 weighted characters — 221 to spare. Bengali letters count 1 each, ...
"""

from __future__ import annotations

import dataclasses
import unicodedata
from dataclasses import dataclass
from html import escape

import regex

from smm_helpers.content.disclosure_cues import plain_disclosures
from smm_helpers.content.extract import (
    _require_text,
    extract_emoji,
    extract_hashtags,
    extract_mentions,
    extract_urls,
)
from smm_helpers.content.length import count_x, graphemes, visible_characters
from smm_helpers.content.limits import (
    CODE_POINTS,
    FOLDS,
    GENERIC_HASHTAGS,
    GENERIC_HASHTAGS_SOURCE,
    HASHTAG_CAPS,
    UTF8_BYTES,
    WEIGHTED,
    Fold,
    Limit,
    check_platform,
    field_name,
    limit_for,
    unit_name,
)
from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.messages import ngettext
from smm_helpers.i18n.numbers import digits, format_number
from smm_helpers.schema import platform_name

_BENGALI = regex.compile(r"\p{Bengali}")
_LATIN = regex.compile(r"\p{Latin}")
_X_DOUBLE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
# Disclosure labels the FTC accepts (Disclosures 101 for Social Media Influencers;
# sources.md#ftc-disclosures-101).
_DISCLOSURE = regex.compile(
    r"(?i)(?<![\p{L}\p{M}\p{Nd}_])(?:#ad|#sponsored|advertisement|#brandambassador"
    r"|#\w+partner)(?![\p{L}\p{M}\p{Nd}_])"
)
_ANGLE_BRACKETS = "<>"
_GENERIC = frozenset(unicodedata.normalize("NFC", tag).casefold() for tag in GENERIC_HASHTAGS)
# #fyppp, #fypシ, #fypviral; #for_you, #ForYourPage
_GENERIC_STRETCH = regex.compile(r"f+y+p+[\p{L}\p{M}\p{N}_]*|for_?you+r?_?(?:page)?")
_LEFT = "style='text-align:left'"


@dataclass(frozen=True)
class PostCheck:
    """The result of :func:`check_post`; print it (or show it in a notebook) to read it.

    ``length`` is in the platform's own ``unit``; ``visible_characters`` is what a reader
    sees (grapheme clusters).  ``fold_at`` is where "see more" cuts the post (``None`` when the
    platform has no commonly quoted figure) and ``above_fold`` the text shown before it, cut
    by characters or, where the platform also folds by lines, after ``fold_lines`` lines,
    whichever comes first.  ``screen_lines`` estimates how many lines the post fills on a
    phone (``None`` where SMM Lab has no line figure).  ``advice`` holds suggestions that do
    not stop the post (generic hashtags such as #fyp); ``ok`` ignores them.
    """

    text: str
    platform: str
    field: str
    premium: bool
    length: int
    limit: int
    unit: str
    visible_characters: int
    hashtags: list[str]
    mentions: list[str]
    links: list[str]
    emoji: list[str]
    fold_at: int | None
    above_fold: str
    problems: list[str] = dataclasses.field(default_factory=list)
    explanation: str = ""
    fold_note: str = ""
    source: str = ""
    advice: list[str] = dataclasses.field(default_factory=list)
    fold_lines: int | None = None
    screen_lines: int | None = None

    @property
    def ok(self) -> bool:
        """True when nothing in ``problems`` stops the post from going out."""
        return not self.problems

    @property
    def over_by(self) -> int:
        """How many units too long the post is (0 when it fits)."""
        return max(self.length - self.limit, 0)

    @property
    def summary(self) -> str:
        """One sentence: the count against the limit, in the chosen language."""
        if self.over_by:
            sentence = _("{platform} counts {length} of {limit} {unit} — {over} over.")
        elif self.length == self.limit:
            sentence = _("{platform} counts {length} of {limit} {unit} — exactly at the limit.")
        else:
            sentence = _("{platform} counts {length} of {limit} {unit} — {spare} to spare.")
        return sentence.format(
            platform=_name(self.platform),
            length=format_number(self.length),
            limit=format_number(self.limit),
            unit=unit_name(self.unit),
            over=format_number(self.over_by),
            spare=format_number(self.limit - self.length),
        )

    def __repr__(self) -> str:
        return (
            f"PostCheck(platform={self.platform!r}, field={self.field!r}, "
            f"length={self.length}, limit={self.limit}, unit={self.unit!r}, ok={self.ok}, "
            f"problems={len(self.problems)})"
        )

    def __str__(self) -> str:
        lines = [f"{self.summary} {self.explanation}".strip()]
        lines.append(
            _(
                "A reader sees {characters} characters; {hashtags}, {mentions}, {links}, {emoji}."
            ).format(characters=format_number(self.visible_characters), **_counts(self))
        )
        if self.fold_note:
            lines.append(self.fold_note)
        if self.above_fold != self.text:
            lines.append(_('Readers see: "{text}…"').format(text=self.above_fold.rstrip()))
        if self.problems:
            lines.append(_("Problems:"))
            lines += [f"  - {problem}" for problem in self.problems]
        else:
            lines.append(_("No problems found."))
        if self.advice:
            lines.append(_("Advice:"))
            lines += [f"  - {advice}" for advice in self.advice]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        colour = "#1a7f37" if self.ok else "#cf222e"
        if self.ok:
            verdict = _("{platform} {field}: ready to post")
        else:
            verdict = _("{platform} {field}: needs changes")
        none = _("none")
        rows = [
            (
                _("Length"),
                escape(
                    _("{length} of {limit} {unit}").format(
                        length=format_number(self.length),
                        limit=format_number(self.limit),
                        unit=unit_name(self.unit),
                    )
                ),
            ),
            (_("Visible characters"), format_number(self.visible_characters)),
            (_("Hashtags"), escape(", ".join("#" + tag for tag in self.hashtags)) or none),
            (_("Mentions"), escape(", ".join("@" + name for name in self.mentions)) or none),
            (_("Links"), escape(", ".join(self.links)) or none),
            (_("Emoji"), escape(" ".join(self.emoji)) or none),
        ]
        table = "".join(
            f"<tr><th {_LEFT}>{key}</th><td {_LEFT}>{value}</td></tr>" for key, value in rows
        )
        parts = [
            f"<div><p><b style='color:{colour}'>"
            + escape(
                verdict.format(platform=platform_name(self.platform), field=field_name(self.field))
            )
            + "</b></p>",
            f"<p>{escape(self.summary)} {escape(self.explanation)}</p>",
            f"<table>{table}</table>",
        ]
        if self.fold_note:
            parts.append(f"<p>{escape(self.fold_note)}</p>")
        below = self.text[len(self.above_fold) :]  # greyed: hidden behind "see more"
        parts.append(
            f"<blockquote style='white-space:pre-wrap'>{escape(self.above_fold)}"  # i18n: not shown
            f"<span style='opacity:0.45'>{escape(below)}</span></blockquote>"  # i18n: not shown
        )
        if self.problems:
            items = "".join(f"<li>{escape(problem)}</li>" for problem in self.problems)
            heading = escape(_("Problems"))
            parts.append(f"<p><b>{heading}</b></p><ul>{items}</ul>")
        if self.advice:
            items = "".join(f"<li>{escape(advice)}</li>" for advice in self.advice)
            heading = escape(_("Advice"))
            parts.append(f"<p><b>{heading}</b></p><ul>{items}</ul>")
        source = escape(_("Limit source: {source}").format(source=self.source))
        parts.append(f"<p style='font-size:smaller'>{source}</p></div>")
        return "".join(parts)


def _name(platform: str) -> str:
    """The platform's everyday name in running text: "X", not "X (Twitter)" (any language)."""
    return platform_name(platform).split(" (")[0]


def _counts(check: PostCheck) -> dict[str, str]:
    """'2 hashtags', '1 mention', ... in the chosen language, for the reader line."""
    counted = {
        "hashtags": (
            len(check.hashtags),
            ngettext("{count} hashtag", "{count} hashtags", len(check.hashtags)),
        ),
        "mentions": (
            len(check.mentions),
            ngettext("{count} mention", "{count} mentions", len(check.mentions)),
        ),
        "links": (len(check.links), ngettext("{count} link", "{count} links", len(check.links))),
        "emoji": (len(check.emoji), ngettext("{count} emoji", "{count} emoji", len(check.emoji))),
    }
    return {key: text.format(count=digits(n)) for key, (n, text) in counted.items()}


def check_post(
    text: str,
    platform: str,
    *,
    field: str | None = None,
    premium: bool = False,
) -> PostCheck:
    """Check a post against a platform's limits before it goes out.

    ``field`` is ``"post"`` / ``"caption"`` (the main text; the default), or for YouTube
    ``"title"``, ``"description"`` or ``"tags"`` (tags written as ``"smm, dhaka food"``).
    ``premium=True`` uses X Premium's 25,000 limit.  The length is in the platform's own
    unit: weighted characters on X, UTF-8 bytes for YouTube descriptions, code points
    elsewhere.  The text itself is not changed.

    >>> check = check_post("a" * 290, "x")
    >>> check.ok, check.over_by
    (False, 10)
    >>> check_post("#one #two #three #four #five #six", "instagram").problems  # doctest: +ELLIPSIS
    ['6 hashtags: Instagram allows at most 5 per post ...']

    Its sentences are in the language chosen with ``use_language`` (data such as the
    hashtags stays as written):

    >>> from smm_helpers.i18n.messages import in_language
    >>> with in_language("bn"):
    ...     check_post("a" * 290, "x").summary
    'এক্স অনুযায়ী দৈর্ঘ্য ২৯০, সীমা ২৮০ ওজনযুক্ত অক্ষর — সীমার চেয়ে ১০ বেশি।'
    >>> check_post("   ", "linkedin")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: the post is empty (it has no text, only spaces or nothing).
    How to fix it: write the post first, then check it, e.g. check_post('Hello Dhaka!', 'linkedin').
    """
    text = _require_text(text)
    check_platform(platform)
    if not isinstance(premium, bool):
        raise InputError(
            _("premium must be True or False, not {value}").format(value=repr(premium)),
            fix=_("write premium=True for an X Premium account, or leave it out"),
        )
    limit = limit_for(platform, field, premium=premium)
    if not text.strip():
        raise InputError(
            _("the post is empty (it has no text, only spaces or nothing)"),
            fix=_(
                "write the post first, then check it, e.g. check_post('Hello Dhaka!', {platform})"
            ).format(platform=repr(platform)),
        )
    length = _length(text, limit, premium)
    hashtags = extract_hashtags(text)
    emoji = extract_emoji(text)
    links = extract_urls(text)
    fold = _fold(platform, premium)
    above = above_fold(text, fold)
    screen = screen_lines(text, fold.line_width) if fold and fold.line_width else None
    return PostCheck(
        text=text,
        platform=platform,
        field=limit.field,
        premium=premium,
        length=length,
        limit=limit.limit,
        unit=limit.unit,
        visible_characters=visible_characters(text),
        hashtags=hashtags,
        mentions=extract_mentions(text, platform),
        links=links,
        emoji=emoji,
        fold_at=fold.at if fold else None,
        above_fold=above,
        problems=_problems(text, limit, length, premium, hashtags, above, fold),
        explanation=_explain(text, limit, links, emoji),
        fold_note=_fold_note(text, fold, above, screen),
        source=(_("{source} (UNCERTAIN)") if limit.uncertain else "{source}").format(
            source=_(limit.source)
        ),
        advice=_advice(hashtags),
        fold_lines=fold.lines if fold else None,
        screen_lines=screen,
    )


# ------------------------------------------------------------------------------ counting
def _length(text: str, limit: Limit, premium: bool) -> int:
    if limit.unit == WEIGHTED:
        return count_x(text, premium=premium).weighted_length
    if limit.unit == UTF8_BYTES:
        return len(text.encode("utf-8"))
    if limit.field == "tags":
        return youtube_tags_length(text)
    return len(text)


def youtube_tags_length(tags: str) -> int:
    """How YouTube counts a comma-separated tag list against its 500-character total.

    The commas between tags count, and a tag containing a space is wrapped in quotes that
    count too (YouTube Data API ``snippet.tags``; sources.md#youtube-data-api).

    >>> youtube_tags_length("smm, dhaka food")  # 3 + 1 comma + 10 + 2 quotes
    16
    >>> youtube_tags_length(["smm"])
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: tags must be a string (str), not list ['smm'].
    How to fix it: pass the post's text as a string, e.g. tags='Hello #SMM'.
    """
    tags = _require_text(tags, "tags")
    parts = [tag.strip() for tag in tags.split(",") if tag.strip()]
    quoted = sum(len(tag) + (2 if " " in tag else 0) for tag in parts)
    return quoted + max(len(parts) - 1, 0)


def _explain(text: str, limit: Limit, links: list[str], emoji: list[str]) -> str:
    if limit.unit == WEIGHTED:
        if _BENGALI.search(text):
            parts = [_("Bengali letters count 1 each")]
        elif _LATIN.search(text):
            parts = [_("English letters count 1 each")]
        else:
            parts = [_("Most letters count 1 each")]
        if _X_DOUBLE.search(text):
            parts.append(_("Chinese, Japanese and Korean characters 2"))
        if links:
            parts.append(_("links 23 (however long)"))
        if emoji:
            parts.append(_("emoji 2"))
        return _sentence(parts)
    if limit.unit == UTF8_BYTES:
        parts = [_("English letters and spaces take 1 byte each")]
        if _BENGALI.search(text):
            parts.insert(0, _("Bengali letters take 3 bytes each"))
        if emoji:
            parts.append(_("emoji 4 or more"))
        return _sentence(parts)
    if limit.field == "tags":
        return _("Commas between tags count, and quotes around tags with spaces count too.")
    assert limit.unit == CODE_POINTS
    explained = _(
        "Counted as Unicode code points (each letter, vowel sign and space is 1), an "
        "approximation: {platform} does not say exactly what it counts."
    ).format(platform=platform_name(limit.platform))
    if limit.uncertain:
        explained += " " + _("The limit itself is UNCERTAIN.")
    return explained


def _sentence(parts: list[str]) -> str:
    """Items of a list ("links 23", "emoji 2") as one sentence: joined, then a full stop."""
    # Translators: the end of a sentence ("." in English, "।" in Bengali).
    return _("{sentence}.").format(sentence=", ".join(parts))


# ------------------------------------------------------------------------------ the fold
def _fold(platform: str, premium: bool) -> Fold | None:
    if platform == "x" and not premium:
        return None  # a free post is never longer than the fold
    return FOLDS.get(platform)


def above_fold(text: str, fold: Fold | None) -> str:
    """The text before the fold, cut between visible characters (never inside a conjunct).

    The cut falls at the character limit or after the line limit, whichever comes first; a
    post whose only text past the cut is spaces or line breaks shows whole.  ``ethics``
    uses it too, so a disclosure is judged above the same cut ``check_post`` reports.

    >>> from smm_helpers.content.limits import FOLDS
    >>> above_fold("one\\ntwo\\nthree\\nfour", FOLDS["instagram"])
    'one\\ntwo\\nthree'
    """
    if fold is None:
        return text
    above = _cut_by_characters(text, fold)
    if fold.lines and fold.line_width:
        by_lines = _cut_by_lines(text, fold.lines, fold.line_width)
        if len(by_lines) < len(above):
            above = by_lines
    if not text[len(above) :].strip():
        return text
    return above


def _cut_by_characters(text: str, fold: Fold) -> str:
    if fold.unit == WEIGHTED:
        # Grow the text one visible character at a time and count it the way X does, so a
        # link still counts 23 and an emoji 2.
        prefix = ""
        for cluster in graphemes(text):
            if count_x(prefix + cluster).weighted_length > fold.at:
                break
            prefix += cluster
        return prefix
    kept, used = [], 0
    for cluster in graphemes(text):
        used += len(cluster)
        if used > fold.at:
            break
        kept.append(cluster)
    return "".join(kept)


_LINE_BREAKS = frozenset({"\n", "\r", "\r\n", "\x0b", "\x0c", "\x85", "\u2028", "\u2029"})


def _is_break(cluster: str) -> bool:
    return cluster in _LINE_BREAKS


def _cut_by_lines(text: str, lines: int, width: int) -> str:
    """The text that fits in ``lines`` lines of ``width`` visible characters each.

    Blank lines and spaces before the first word are not shown, so they take no line.
    """
    kept: list[str] = []
    row, column = 0, 0
    started = False
    for cluster in graphemes(text):
        if not started:
            started = not cluster.isspace()
            if not started:
                kept.append(cluster)
                continue
        if _is_break(cluster):
            row, column = row + 1, 0
            if row >= lines:
                break
        else:
            if column == width:
                row, column = row + 1, 0
                if row >= lines:
                    break
            column += 1
        kept.append(cluster)
    return "".join(kept)


def screen_lines(text: str, width: int) -> int:
    """About how many lines ``text`` fills on a screen ``width`` visible characters wide.

    Every line break starts a new line (a blank line takes one; blank lines before the text
    are not shown), and a line longer than ``width`` wraps.  Characters are counted as a
    reader sees them (grapheme clusters), so a Bengali conjunct counts once.

    >>> screen_lines("ঈদ মোবারক!\\nআলো পাঠচক্র\\n\\n#ঈদ", 42)
    4
    >>> screen_lines("a" * 100, 42)  # 42 + 42 + 16
    3
    >>> screen_lines("hi", 0)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: width must be a whole number of characters above 0, not 0.
    How to fix it: pass a screen width such as 42.
    """
    text = _require_text(text)
    if isinstance(width, bool) or not isinstance(width, int) or width < 1:
        raise InputError(
            _("width must be a whole number of characters above 0, not {value}").format(
                value=repr(width)
            ),
            fix=_("pass a screen width such as 42"),
        )
    rows, column = 1, 0
    for cluster in graphemes(text.lstrip()):  # leading blank lines are not shown
        if _is_break(cluster):
            rows, column = rows + 1, 0
        elif column == width:
            rows, column = rows + 1, 1
        else:
            column += 1
    return rows


def _fold_note(text: str, fold: Fold | None, above: str, screen: int | None) -> str:
    if fold is None:
        return ""
    sentences = [
        _(
            '{platform} shows about the first {at} {unit} {where}, then "{label}" '
            "({source}; UNCERTAIN)."
        ).format(
            platform=_name(fold.platform),
            at=format_number(fold.at),
            unit=unit_name(fold.unit),
            where=_(fold.where),
            label=_(fold.label),
            source=_(fold.source),
        )
    ]
    if fold.lines:
        sentences.append(
            _(
                "It also stops after {lines} lines, a line break starting a new one "
                "and about {width} characters filling one ({source})."
            ).format(
                lines=digits(fold.lines), width=digits(fold.line_width), source=_(fold.lines_source)
            )
        )
    if above == text:
        sentences.append(_("The whole post shows before the fold."))
    elif (
        fold.lines
        and screen
        and screen > fold.lines
        and len(above) < len(_cut_by_characters(text, fold))
    ):
        sentences.append(
            _(
                "This post fills about {screen} lines, so only its first {lines} "
                "show, {shown} of its {total} characters."
            ).format(
                screen=digits(screen),
                lines=digits(fold.lines),
                shown=format_number(visible_characters(above)),
                total=format_number(visible_characters(text)),
            )
        )
    return " ".join(sentences)


def _advice(hashtags: list[str]) -> list[str]:
    """Suggestions that do not stop the post: for now, hashtags that say nothing about it."""
    generic = []
    for tag in hashtags:
        folded = unicodedata.normalize("NFC", tag).casefold()
        if (folded in _GENERIC or _GENERIC_STRETCH.fullmatch(folded)) and tag not in generic:
            generic.append(tag)
    if not generic:
        return []
    return [
        ngettext(
            "{tags}: it says nothing about your post, and no platform says such tags get a post "
            "seen. Use hashtags that name its topic instead: a place, a product, an event "
            "({source}).",
            "{tags}: they say nothing about your post, and no platform says such tags get a post "
            "seen. Use hashtags that name its topic instead: a place, a product, an event "
            "({source}).",
            len(generic),
        ).format(tags=" ".join("#" + tag for tag in generic), source=_(GENERIC_HASHTAGS_SOURCE))
    ]


# ------------------------------------------------------------------------------ problems
def _problems(
    text: str,
    limit: Limit,
    length: int,
    premium: bool,
    hashtags: list[str],
    above: str,
    fold: Fold | None,
) -> list[str]:
    problems = []
    name = _name(limit.platform)
    if length > limit.limit:
        if limit.platform == "x":
            too_long = _(
                "Too long: {length} {unit}, {over} over {platform}'s {field} limit of "
                "{limit}; shorten it or put the link in a reply."
            )
        else:
            too_long = _(
                "Too long: {length} {unit}, {over} over {platform}'s {field} limit of "
                "{limit}; shorten it."
            )
        problems.append(
            too_long.format(
                length=format_number(length),
                unit=unit_name(limit.unit),
                over=format_number(length - limit.limit),
                platform=name,
                field=field_name(limit.field),
                limit=format_number(limit.limit),
            )
        )
    if (
        limit.unit == WEIGHTED
        and length <= limit.limit
        and not count_x(text, premium=premium).valid
    ):
        problems.append(
            _(
                "X will refuse it: it contains a character X does not allow (such as U+FFFE, "
                "U+FFFF or U+202A-U+202E used on its own); delete it."
            )
        )
    cap = HASHTAG_CAPS.get(limit.platform)
    if cap and len(hashtags) > cap[0] and limit.field in ("post", "caption"):
        problems.append(
            _(
                "{count} hashtags: {platform} allows at most {cap} per post ({source}); keep the "
                "{cap} that fit best."
            ).format(
                count=digits(len(hashtags)), platform=name, cap=digits(cap[0]), source=_(cap[1])
            )
        )
    if limit.platform == "youtube" and limit.field == "title":
        found = sorted({char for char in text if char in _ANGLE_BRACKETS})
        if len(found) == 1:
            problems.append(
                _(
                    "YouTube titles may not contain {character} (YouTube Data API snippet.title); "
                    "remove them or use a word instead."
                ).format(character=repr(found[0]))
            )
        elif found:
            problems.append(
                _(
                    "YouTube titles may not contain {first} or {second} (YouTube Data API "
                    "snippet.title); remove them or use a word instead."
                ).format(first=repr(found[0]), second=repr(found[1]))
            )
    if fold is not None and above != text:
        below = text[len(above) :]
        late = [m.group() for m in _DISCLOSURE.finditer(below)]
        if not late:  # plain words ("Thanks to Bata for the free sandals") cut by the fold
            late = [words for _start, _end, words in plain_disclosures(text)]
        if late and not _DISCLOSURE.search(above) and not plain_disclosures(above):
            problems.append(
                _(
                    'The disclosure {words} is below the "see more" fold, where many readers never '
                    "look; the FTC asks for it above the fold (Disclosures 101 for Social Media "
                    "Influencers). Move it to the start."
                ).format(words=repr(late[0]))
            )
    return problems
