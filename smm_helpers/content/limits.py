"""How long a post may be on each platform, in the unit the platform itself counts.

Every limit carries its source next to it, with its entry on the course's sources page
(``sources.md#<anchor>``).
Figures the course could not confirm are marked ``uncertain=True`` and say so when shown.

>>> limit_for("x", "post")
Limit(platform='x', field='post', limit=280, unit='weighted characters')
>>> limit_for("x", "post", premium=True).limit
25000
>>> limit_for("youtube", "description").unit
'UTF-8 bytes'
>>> print(limit_for("instagram", "title"))
Traceback (most recent call last):
...
smm_helpers.errors.InputError: 'title' is not a field of an Instagram post SMM Lab knows.
How to fix it: use one of: caption (also called 'post').
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from smm_helpers.errors import InputError, unknown_choice
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import format_number
from smm_helpers.schema import PLATFORM_NAMES, PLATFORMS, platform_name

WEIGHTED = N_("weighted characters")
CODE_POINTS = N_("characters")
UTF8_BYTES = N_("UTF-8 bytes")

UNITS = (WEIGHTED, CODE_POINTS, UTF8_BYTES)
"""The units a limit can be counted in.

``characters`` means Unicode code points (``len(text)`` in Python).  Where a platform
does not say what it counts, code points are SMM Lab's approximation, and the limit says so.
"""

MAIN_FIELD_NAMES = ("post", "caption")
"""The two names learners use for a post's main text; either one is accepted."""

FIELD_NAMES = {
    "post": N_("post"),
    "caption": N_("caption"),
    "title": N_("title"),
    "description": N_("description"),
    "tags": N_("tags"),
}
"""Each field's display name; the ids (``post``, ``title`` ...) are what code passes."""


def unit_name(unit: str) -> str:
    """A unit of ``UNITS`` as the chosen language names it (any other text unchanged).

    >>> unit_name(WEIGHTED)
    'weighted characters'
    >>> from smm_helpers.i18n.messages import in_language
    >>> with in_language("bn"):
    ...     unit_name(UTF8_BYTES)
    'UTF-8 বাইট'
    """
    return _(unit) if unit in UNITS else unit


def field_name(field: str) -> str:
    """A field id's display name in the chosen language (an unknown id unchanged).

    >>> field_name("caption")
    'caption'
    >>> from smm_helpers.i18n.messages import in_language
    >>> with in_language("bn"):
    ...     field_name("title")
    'টাইটেল'
    """
    return _(FIELD_NAMES[field]) if field in FIELD_NAMES else field


@dataclass(frozen=True)
class Limit:
    """One text limit: how many ``unit`` a ``field`` of a ``platform`` post may hold."""

    platform: str
    field: str
    limit: int
    unit: str
    source: str
    note: str = ""
    uncertain: bool = False

    def __repr__(self) -> str:
        return (
            f"Limit(platform={self.platform!r}, field={self.field!r}, "
            f"limit={self.limit}, unit={self.unit!r})"
        )

    def __str__(self) -> str:
        sentences = [
            _("{platform} {field}: at most {limit} {unit} (source: {source})").format(
                platform=platform_name(self.platform),
                field=field_name(self.field),
                limit=format_number(self.limit),
                unit=unit_name(self.unit),
                source=_(self.source),
            )
        ]
        if self.note:
            sentences.append(_(self.note))
        if self.uncertain:
            sentences.append(_("UNCERTAIN: treat this figure with care"))
        # Translators: the end of a sentence ("." in English, "।" in Bengali).
        return " ".join(_("{sentence}.").format(sentence=text) for text in sentences)

    def _repr_html_(self) -> str:
        return f"<p>{escape(str(self))}</p>"


LIMITS: tuple[Limit, ...] = (
    Limit(
        platform="x",
        field="post",
        limit=280,
        unit=WEIGHTED,
        source=N_(
            "twitter/twitter-text config/v3.json (maxWeightedTweetLength; "
            "sources.md#twitter-text-v3)"
        ),
        note=N_(
            "Links count 23, emoji 2, Chinese/Japanese/Korean characters 2, and Latin, "
            "Bengali and most other scripts 1 per code point"
        ),
    ),
    Limit(
        platform="instagram",
        field="caption",
        limit=2200,
        unit=CODE_POINTS,
        source=N_("Ayrshare docs (sources.md#instagram-limits)"),
        note=N_(
            "Counted as Unicode code points: an approximation, because Instagram does not "
            "say what it counts"
        ),
    ),
    Limit(
        platform="linkedin",
        field="post",
        limit=3000,
        unit=CODE_POINTS,
        source=N_("Ayrshare docs (sources.md#linkedin-limits)"),
        note=N_(
            "Counted as Unicode code points: an approximation, because LinkedIn does not "
            "say what it counts"
        ),
    ),
    Limit(
        platform="facebook",
        field="post",
        limit=63206,
        unit=CODE_POINTS,
        source=N_("socialk.it; ferryman.io (sources.md#facebook-post-length)"),
        note=N_(
            "Widely cited, but no official Facebook document was found; counted as "
            "Unicode code points (approximation)"
        ),
        uncertain=True,
    ),
    Limit(
        platform="youtube",
        field="title",
        limit=100,
        unit=CODE_POINTS,
        source=N_("YouTube Data API snippet.title (sources.md#youtube-data-api)"),
        note=N_("'<' and '>' are not allowed"),
    ),
    Limit(
        platform="youtube",
        field="description",
        limit=5000,
        unit=UTF8_BYTES,
        source=N_("YouTube Data API snippet.description (sources.md#youtube-data-api)"),
        note=N_("Bengali takes 3 bytes per code point, so only about 1,870 Bengali characters fit"),
    ),
    Limit(
        platform="youtube",
        field="tags",
        limit=500,
        unit=CODE_POINTS,
        source=N_("YouTube Data API snippet.tags (sources.md#youtube-data-api)"),
        note=N_(
            "All tags together; the commas between tags count, and a tag with a space is "
            "wrapped in quotes that count too"
        ),
    ),
    Limit(
        platform="tiktok",
        field="caption",
        limit=4000,
        unit=CODE_POINTS,
        source=N_(
            "trade press: 2,200 from Sep 2022, about 4,000 in the app later; scheduling "
            "tools posting through TikTok's API are held to 2,200 (sources.md#tiktok-caption-limit)"
        ),
        note=N_(
            "Counted as Unicode code points (approximation); keep under 2,200 if a tool posts it"
        ),
        uncertain=True,
    ),
)
"""Every text limit SMM Lab knows, one row per platform and field, each with its source."""

X_PREMIUM_LIMIT = Limit(
    platform="x",
    field="post",
    limit=25000,
    unit=WEIGHTED,
    source=N_(
        "telecomlive.in; spidersweb.pl (raised June 2023, after 4,000 and then 10,000; "
        "sources.md#x-premium-length)"
    ),
    note=N_(
        "For X Premium subscribers, weighted as for free posts; a 2026 blog claiming "
        "5,000 is UNCERTAIN and probably wrong"
    ),
)

HASHTAG_CAPS: dict[str, tuple[int, str]] = {
    "instagram": (
        5,
        N_(
            "since Mosseri announced it around 19 Dec 2025, rolling out gradually; it was 30. "
            "Sources: shiftdelete.net, recentmedianews.com, Ayrshare docs "
            "(sources.md#instagram-hashtags-2025)"
        ),
    ),
}
"""Hard caps on hashtags per post, with their source.  Other platforms set no hard cap."""


@dataclass(frozen=True)
class Fold:
    """Where a platform cuts a long post and shows a "see more" link.

    ``at`` is counted in ``unit`` (characters, or weighted characters on X).  Where the
    platform also cuts by lines, ``lines`` is how many lines of the post show and
    ``line_width`` about how many visible characters (grapheme clusters) fill one line on a
    phone, so a long line wraps onto the next; ``lines_source`` says where the line count
    comes from.  The post is cut at whichever limit it reaches first.
    """

    platform: str
    at: int
    where: str
    label: str
    source: str
    unit: str = CODE_POINTS
    uncertain: bool = True
    lines: int | None = None
    line_width: int | None = None
    lines_source: str = ""


FOLDS: dict[str, Fold] = {
    "facebook": Fold(
        "facebook",
        125,
        N_("on mobile (about 477 on desktop)"),
        N_("See more"),
        N_("third-party figures: socialk.it; ferryman.io (sources.md#facebook-post-length)"),
        lines=3,
        line_width=42,
        lines_source=N_(
            "general knowledge, UNCERTAIN: 3 phone lines hold about 125 "
            "characters; the cut moves with line breaks (sources.md#facebook-post-length)"
        ),
    ),
    "instagram": Fold(
        "instagram",
        125,
        N_("in the feed"),
        N_("more"),
        N_(
            "Instagram Help Centre: 125 characters or fewer show whole "
            "(sources.md#instagram-caption-fold)"
        ),
        lines=3,
        line_width=42,
        lines_source=N_(
            "Instagram Help Centre: the feed shows a caption's first three lines; "
            "undated, and many guides say 2: UNCERTAIN (sources.md#instagram-caption-fold)"
        ),
    ),
    "linkedin": Fold(
        "linkedin",
        210,
        N_("in the feed"),
        N_("see more"),
        N_(
            "about 3 lines, roughly 210 characters; practitioners' observations, UNCERTAIN "
            "(sources.md#linkedin-see-more)"
        ),
        lines=3,
        line_width=70,
        lines_source=N_(
            "John Espirian, \"'See more' breakpoints on LinkedIn posts\", Sep 2024: "
            "3 lines on desktop and mobile; a practitioner's observation, UNCERTAIN "
            "(sources.md#linkedin-see-more)"
        ),
    ),
    "x": Fold(
        "x", 280, N_("of a long Premium post"), N_("Show more"), N_("general knowledge"), WEIGHTED
    ),
}
"""The "see more" fold of each platform that has a commonly quoted figure; all UNCERTAIN.

Facebook's fold is given for mobile (≈125), where most people read; desktop shows ≈477.
A free X post is never longer than its fold.

Facebook, Instagram and LinkedIn also cut after a few **lines**: a line break starts a new
line, a blank line takes one, and a long line wraps.  ``line_width`` is an estimate,
SMM Lab's own: the character fold divided by the line count (125 ÷ 3 ≈ 42, 210 ÷ 3 = 70), so
on one unbroken line of English the two limits cut at about the same place.  It counts
visible characters (a Bengali conjunct such as ক্ষ is one), and wraps at the width rather than
between words, so it slightly over-estimates what fits: Bengali letters are wider than
English ones on screen, and a real phone wraps a Bengali line sooner.
"""

GENERIC_HASHTAGS: tuple[str, ...] = (
    "fyp",
    "fy",
    "fypage",
    "fypシ",
    "foryou",
    "foryoupage",
    "foryourpage",
    "foru",
    "4u",
    "4you",
    "4yourpage",
    "xyzbca",
    "xyzabc",
    "viral",
    "viralvideo",
    "viralvideos",
    "viraltiktok",
    "viralpost",
    "viralreels",
    "goviral",
    "trending",
    "trendingnow",
    "trend",
    "tiktok",
    "tiktokviral",
    "tiktoktrend",
    "explore",
    "explorepage",
    "reels",
    "reelsviral",
    "instagood",
    "ভাইরাল",
    "ভাইরাল_ভিডিও",
    "ট্রেন্ডিং",
)
"""Hashtags that say nothing about a post: TikTok's "For You" feed (#fyp and its spellings),
"viral", "trending", the app's own name, and their Bengali forms.

Matched without regard to case, and ``#fyppppp``-style stretches count as #fyp.  Using them
is not against any rule, so ``check_post`` gives advice, not a problem.  That they do not
help a post be found is general knowledge among creators and tool makers, UNCERTAIN: no
platform says so.
"""

GENERIC_HASHTAGS_SOURCE = N_(
    "general knowledge, UNCERTAIN: TikTok has never said #fyp helps a video; hashtags "
    "work as topic labels"
)


def fields_of(platform: str) -> tuple[str, ...]:
    """The text fields SMM Lab knows for a platform.

    >>> fields_of("youtube")
    ('title', 'description', 'tags')
    >>> fields_of("myspace")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'myspace' is not a platform SMM Lab knows.
    How to fix it: use one of: facebook, instagram, x, linkedin, youtube, tiktok.
    """
    _check_platform(platform)
    return tuple(limit.field for limit in LIMITS if limit.platform == platform)


def limit_for(platform: str, field: str | None = None, *, premium: bool = False) -> Limit:
    """The text limit of one field of a platform's post (``field=None``: its main text).

    ``"post"`` and ``"caption"`` both name the main text of Facebook, Instagram, X,
    LinkedIn and TikTok posts.  ``premium=True`` gives X Premium's longer limit.

    >>> limit_for("facebook", "caption").limit
    63206
    >>> limit_for("tiktok").uncertain
    True
    >>> limit_for("linkedin", premium=True)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: premium=True only changes X's limit, not LinkedIn's.
    How to fix it: leave premium out (it is False by default) for linkedin.
    """
    _check_platform(platform)
    if premium and platform != "x":
        raise InputError(
            _("premium=True only changes X's limit, not {platform_name}'s").format(
                platform_name=platform_name(platform)
            ),
            fix=_("leave premium out (it is False by default) for {platform}").format(
                platform=platform
            ),
        )
    found = _find(platform, field)
    if premium:
        return X_PREMIUM_LIMIT
    return found


def _find(platform: str, field: str | None) -> Limit:
    rows = [limit for limit in LIMITS if limit.platform == platform]
    if field is None:
        return rows[0]
    if not isinstance(field, str):
        raise InputError(
            _("field must be text such as 'post', not {type} {value}").format(
                type=type(field).__name__, value=repr(field)
            ),
            fix=_("pass field as a string, e.g. field='caption'"),
        )
    for row in rows:
        if row.field == field or (field in MAIN_FIELD_NAMES and row.field in MAIN_FIELD_NAMES):
            return row
    raise unknown_field(platform, field)


def unknown_field(platform: str, field: str) -> InputError:
    """The error for a field a platform does not have, listing the ones it has.

    >>> print(unknown_field("x", "title"))
    'title' is not a field of an X (Twitter) post SMM Lab knows.
    How to fix it: use one of: post (also called 'caption').
    """
    choices = []
    for name in fields_of(platform):
        if name in MAIN_FIELD_NAMES:
            other = next(n for n in MAIN_FIELD_NAMES if n != name)
            name = _("{field} (also called {other})").format(field=name, other=repr(other))
        choices.append(name)
    name = platform_name(platform)
    if PLATFORM_NAMES[platform][0] in "AEIOUX":  # "an X post" is read "an ex post"
        problem = _("{field} is not a field of an {platform} post SMM Lab knows")
    else:
        problem = _("{field} is not a field of a {platform} post SMM Lab knows")
    return InputError(
        problem.format(field=repr(field), platform=name),
        fix=_("use one of: {choices}").format(choices=", ".join(choices)),
    )


def _check_platform(platform: object) -> None:
    if not isinstance(platform, str):
        raise InputError(
            _("platform must be text such as 'instagram', not {type} {value}").format(
                type=type(platform).__name__, value=repr(platform)
            ),
            fix=_("use one of: {choices}").format(choices=", ".join(PLATFORMS)),
        )
    if platform not in PLATFORMS:
        lowered = platform.strip().lower()
        if lowered in ("twitter", "x (twitter)"):
            raise InputError(
                _("{value} is not a platform SMM Lab knows: Twitter is now X").format(
                    value=repr(platform)
                ),
                fix=_("use 'x' (one of: {choices})").format(choices=", ".join(PLATFORMS)),
            )
        raise unknown_choice(_("platform"), platform, PLATFORMS)


def check_platform(platform: object) -> str:
    """Return ``platform`` if SMM Lab knows it, else raise an InputError listing the known ones.

    >>> check_platform("tiktok")
    'tiktok'
    >>> check_platform("twitter")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'twitter' is not a platform SMM Lab knows: Twitter is now X.
    How to fix it: use 'x' (one of: facebook, instagram, x, linkedin, youtube, tiktok).
    """
    _check_platform(platform)
    assert isinstance(platform, str)
    return platform
