"""Which formats suit a platform, and is the content mix balanced?

``format_fit`` rates a format on a platform (good / ok / poor) and says why and on what
evidence.  ``content_mix`` looks at a posts table (``schema.POSTS``: pillar, format, platform,
caption) and reports the share of each pillar and format and how much of it is promotional.

The **80/20 rule** (about 4 in 5 posts inform, help or entertain; at most 1 in 5 sells or asks)
and its cousin **4-1-1** are *rules of thumb* from marketing practice, not measured figures.

>>> fit = format_fit("instagram", "carousel")
>>> fit.fit, fit.source
('good', 'Rival IQ benchmark reports, sources.md#rival-iq-benchmarks')
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

import regex

from smm_helpers.content.limits import check_platform
from smm_helpers.errors import InputError, unknown_choice
from smm_helpers.schema import FORMATS, PLATFORM_NAMES, PLATFORMS

if TYPE_CHECKING:
    import pandas as pd

FITS = ("good", "ok", "poor")

RULE_OF_THUMB = (
    "80/20 rule of thumb: about 4 in 5 posts should inform, help or entertain, and at most "
    "1 in 5 should promote (sell, ask for donations). The 4-1-1 variant: for every 6 posts, "
    "4 useful ones from others or yourself, 1 of your own, 1 promotional. These are rules of "
    "thumb from marketing practice, not measured figures."
)
PROMOTIONAL_CEILING = 0.2
"""The most promotion the 80/20 rule of thumb suggests (a rule of thumb, not a measurement)."""

_RIVAL_IQ = "Rival IQ benchmark reports, sources.md#rival-iq-benchmarks"
_MR_2013 = "M+R/NTEN eNonprofit Benchmarks 2013, sources.md#mr-nten-2013"
_GENERAL = "general knowledge of the platform, UNCERTAIN"
_NO_SUCH_POST = "the platform has no such post type"


@dataclass(frozen=True)
class FormatFit:
    """How well a content format suits a platform: ``fit`` is good, ok or poor."""

    platform: str
    format: str
    fit: str
    reason: str
    source: str

    def __str__(self) -> str:
        return (
            f"{PLATFORM_NAMES[self.platform]} {self.format.replace('_', ' ')}: {self.fit}. "
            f"{self.reason}. ({self.source})"
        )

    def _repr_html_(self) -> str:
        colour = {"good": "#1a7f37", "ok": "#9a6700", "poor": "#cf222e"}[self.fit]
        return (
            f"<p><b>{escape(PLATFORM_NAMES[self.platform])} {escape(self.format)}</b>: "
            f"<b style='color:{colour}'>{self.fit}</b>. {escape(self.reason)}. "
            f"<small>({escape(self.source)})</small></p>"
        )


# (fit, reason, source) for each platform and format; anything not listed is "ok".
_FITS: dict[tuple[str, str], tuple[str, str, str]] = {
    ("facebook", "image"): (
        "good",
        "Photo posts spread furthest on Facebook (virality 3.3%)",
        _MR_2013,
    ),
    ("facebook", "infographic"): (
        "good",
        "An infographic is a photo post, the best-spreading kind",
        _MR_2013,
    ),
    ("facebook", "video"): (
        "ok",
        "Video spread less than photos (virality 1.6% vs 3.3%)",
        _MR_2013,
    ),
    ("facebook", "text"): ("ok", "Status updates spread less than photos (1.3% vs 3.3%)", _MR_2013),
    ("facebook", "link"): ("ok", "Link posts spread least (virality 1.2%); add an image", _MR_2013),
    ("instagram", "carousel"): (
        "good",
        "Carousels and Reels are Instagram's best-performing formats",
        _RIVAL_IQ,
    ),
    ("instagram", "short_video"): (
        "good",
        "Reels and carousels are Instagram's best-performing formats",
        _RIVAL_IQ,
    ),
    ("instagram", "text"): (
        "poor",
        "Not supported: every Instagram post needs an image or a video",
        _NO_SUCH_POST,
    ),
    ("instagram", "link"): (
        "poor",
        "Links in captions are not clickable; use the bio or a story link",
        _GENERAL,
    ),
    ("x", "text"): ("good", "X is built around short text posts", _GENERAL),
    ("x", "image"): ("good", "An image makes a post stand out in a text-heavy timeline", _GENERAL),
    ("linkedin", "text"): ("good", "Text posts are LinkedIn's everyday format", _GENERAL),
    ("linkedin", "carousel"): (
        "good",
        "Document (PDF) carousels suit LinkedIn's professional audience",
        _GENERAL,
    ),
    ("linkedin", "infographic"): (
        "good",
        "Data and how-to graphics suit LinkedIn's professional audience",
        _GENERAL,
    ),
    ("youtube", "video"): ("good", "YouTube is a video platform", _GENERAL),
    ("youtube", "short_video"): ("good", "YouTube Shorts take vertical short videos", _GENERAL),
    ("youtube", "text"): (
        "poor",
        "Not supported as an upload: YouTube publishes videos",
        _NO_SUCH_POST,
    ),
    ("youtube", "image"): (
        "poor",
        "Not supported as an upload: YouTube publishes videos",
        _NO_SUCH_POST,
    ),
    ("youtube", "carousel"): (
        "poor",
        "Not supported as an upload: YouTube publishes videos",
        _NO_SUCH_POST,
    ),
    ("youtube", "infographic"): (
        "poor",
        "Not supported as an upload: turn it into a short video",
        _NO_SUCH_POST,
    ),
    ("youtube", "link"): (
        "poor",
        "Not supported as an upload: put links in a video's description",
        _NO_SUCH_POST,
    ),
    ("tiktok", "short_video"): ("good", "TikTok is built around short vertical video", _GENERAL),
    ("tiktok", "text"): (
        "poor",
        "Not supported: TikTok posts are videos or photo sets",
        _NO_SUCH_POST,
    ),
    ("tiktok", "link"): ("poor", "Links in captions are not clickable on TikTok", _GENERAL),
    ("tiktok", "infographic"): (
        "poor",
        "Dense graphics are hard to read in a fast video feed",
        _GENERAL,
    ),
}
_DEFAULT_FIT = ("ok", "Works, but is not the platform's strongest format", _GENERAL)


def format_fit(platform: str, format: str) -> FormatFit:
    """How well a content format (``schema.FORMATS``) suits a platform, with reason and source.

    >>> format_fit("youtube", "text").fit
    'poor'
    >>> format_fit("instagram", "reel")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'reel' is not a format SMM Lab knows.
    How to fix it: use one of: text, image, carousel, video, short_video, link, ...
    """
    check_platform(platform)
    if format not in FORMATS:
        raise unknown_choice("format", format, FORMATS)
    fit, reason, source = _FITS.get((platform, format), _DEFAULT_FIT)
    return FormatFit(platform, format, fit, reason, source)


def best_formats(platform: str) -> list[str]:
    """The formats rated good on a platform, in ``schema.FORMATS`` order.

    >>> best_formats("instagram")
    ['carousel', 'short_video']
    >>> best_formats("threads")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'threads' is not a platform SMM Lab knows.
    How to fix it: use one of: facebook, instagram, x, linkedin, youtube, tiktok.
    """
    return [f for f in FORMATS if format_fit(platform, f).fit == "good"]


# ------------------------------------------------------------------------------ promotion
PROMO_KEYWORDS: tuple[str, ...] = (
    # English
    "buy", "buy now", "sale", "on sale", "discount", "discounts", "offer", "offers",
    "order now", "shop now", "donate now", "limited time", "promo code", "coupon",
    "free delivery", "% off",
    # Bengali: buy (imperative), discount, offer, order now, donate
    "কিনুন", "কিনে নিন", "ছাড়", "ছাড়ে", "মূল্যছাড়", "অফার", "অফারে", "ডিসকাউন্ট",
    "অর্ডার করুন", "দান করুন", "অনুদান দিন",
)  # fmt: skip
"""Words that mark a caption as promotional (matched as whole words, any case).

Rough by nature: "we offer free check-ups" is flagged too.  Labelling pillars is better;
pass ``promotional_pillars=`` to ``content_mix``.  ছাড় (discount) is matched, ছাড়া
("without") is not.
"""


def _keyword_pattern(keywords: tuple[str, ...]) -> regex.Pattern[str]:
    words = sorted({unicodedata.normalize("NFC", k) for k in keywords}, key=len, reverse=True)
    alternatives = "|".join(regex.escape(word) for word in words)
    edge = r"[\p{L}\p{M}\p{Nd}_]"
    return regex.compile(rf"(?<!{edge})(?:{alternatives})(?!{edge})", regex.IGNORECASE)


def promotional_keywords_in(caption: str, keywords: tuple[str, ...] = PROMO_KEYWORDS) -> list[str]:
    """The promotional words found in a caption (NFC-normalised, whole words, any case).

    >>> promotional_keywords_in("ঈদ অফার! ৩০% ছাড়, আজই কিনুন")
    ['অফার', 'ছাড়', 'কিনুন']
    >>> promotional_keywords_in("টাকা ছাড়া কাজ হয় না")  # ছাড়া = "without"
    []
    >>> promotional_keywords_in(None)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: caption must be a string (str), not NoneType None.
    How to fix it: pass the caption as text; write "" for a post with no caption.
    """
    if not isinstance(caption, str):
        raise InputError(
            f"caption must be a string (str), not {type(caption).__name__} {caption!r}",
            fix='pass the caption as text; write "" for a post with no caption',
        )
    text = unicodedata.normalize("NFC", caption)
    return [match.group() for match in _keyword_pattern(keywords).finditer(text)]


# ------------------------------------------------------------------------------ content mix
@dataclass(frozen=True)
class ContentMix:
    """What :func:`content_mix` found; print it or show it in a notebook."""

    posts: int
    by_pillar: pd.Series
    by_format: pd.Series
    promotional_share: float
    promotional_posts: pd.DataFrame
    suggestions: list[str]
    rule_of_thumb: str = RULE_OF_THUMB

    @property
    def balanced(self) -> bool:
        """True when promotion stays within the 80/20 rule of thumb."""
        return self.promotional_share <= PROMOTIONAL_CEILING

    def __repr__(self) -> str:
        return (
            f"ContentMix(posts={self.posts}, pillars={len(self.by_pillar)}, "
            f"formats={len(self.by_format)}, promotional_share={self.promotional_share:.2f})"
        )

    def __str__(self) -> str:
        lines = [f"{self.posts} posts."]
        lines.append("Pillars: " + _shares(self.by_pillar) + ".")
        lines.append("Formats: " + _shares(self.by_format) + ".")
        lines.append(
            f"Promotional: {self.promotional_share:.0%} ({len(self.promotional_posts)} posts); "
            f"the rule of thumb is at most {PROMOTIONAL_CEILING:.0%}."
        )
        lines += [f"  - {s}" for s in self.suggestions]
        lines.append(self.rule_of_thumb)
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        def table(title: str, shares: pd.Series) -> str:
            rows = "".join(
                f"<tr><td>{escape(str(k))}</td><td>{v:.0%}</td></tr>" for k, v in shares.items()
            )
            return f"<table><tr><th>{title}</th><th>share</th></tr>{rows}</table>"

        colour = "#1a7f37" if self.balanced else "#cf222e"
        items = "".join(f"<li>{escape(s)}</li>" for s in self.suggestions)
        return (
            f"<div><p><b>{self.posts} posts</b>; promotional: <b style='color:{colour}'>"
            f"{self.promotional_share:.0%}</b> (rule of thumb: at most "
            f"{PROMOTIONAL_CEILING:.0%})</p>"
            f"<div style='display:flex;gap:2em'>{table('pillar', self.by_pillar)}"
            f"{table('format', self.by_format)}</div>"
            f"<ul>{items}</ul><p><small>{escape(self.rule_of_thumb)}</small></p></div>"
        )


def _shares(shares: pd.Series) -> str:
    return ", ".join(f"{key} {value:.0%}" for key, value in shares.items())


REQUIRED_COLUMNS = ("pillar", "format", "caption")


def content_mix(
    posts: pd.DataFrame,
    *,
    promotional_pillars: tuple[str, ...] | list[str] = (),
    keywords: tuple[str, ...] = PROMO_KEYWORDS,
) -> ContentMix:
    """Share of posts per pillar and format, how much is promotional, and what to change.

    A post is promotional when its pillar is in ``promotional_pillars`` or its caption uses a
    promotional word (``PROMO_KEYWORDS``: "buy", "sale", "donate now", "কিনুন", "ছাড়",
    "অফার" ...).  The caller's table is not changed; ``promotional_posts`` is a new table with
    a ``promotional_because`` column.

    >>> import pandas as pd
    >>> posts = pd.DataFrame({
    ...     "pillar": ["tips", "tips", "stories", "offers"],
    ...     "format": ["carousel", "image", "short_video", "image"],
    ...     "platform": ["instagram"] * 4,
    ...     "caption": ["৫টি টিপস", "How to pack a lunch", "Meet Rina", "ঈদ অফার! ২০% ছাড়"]})
    >>> mix = content_mix(posts, promotional_pillars=["offers"])
    >>> mix.promotional_share, float(mix.by_pillar["tips"])
    (0.25, 0.5)
    >>> content_mix(posts[["pillar"]])
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: the posts table lacks 'format', 'caption' (it has: pillar).
    How to fix it: content_mix needs the columns pillar, format, caption of schema.POSTS.
    """
    frame = _check_posts(posts)
    pillars = tuple(_check_pillars(promotional_pillars))
    captions = frame["caption"].fillna("").astype(str)
    because = [
        _why_promotional(pillar, caption, pillars, keywords)
        for pillar, caption in zip(frame["pillar"], captions, strict=True)
    ]
    promotional = frame.loc[[bool(reason) for reason in because]].copy()
    promotional["promotional_because"] = [reason for reason in because if reason]
    share = len(promotional) / len(frame)
    by_pillar = frame["pillar"].astype(object).fillna("(no pillar)").value_counts(normalize=True)
    by_format = frame["format"].astype(object).fillna("(no format)").value_counts(normalize=True)
    return ContentMix(
        posts=len(frame),
        by_pillar=by_pillar.rename("share"),
        by_format=by_format.rename("share"),
        promotional_share=share,
        promotional_posts=promotional,
        suggestions=_suggestions(frame, share, by_pillar, bool(pillars)),
    )


def _check_posts(posts: Any) -> pd.DataFrame:
    import pandas as pd

    if not isinstance(posts, pd.DataFrame):
        raise InputError(
            f"posts must be a pandas DataFrame, not {type(posts).__name__}",
            fix="pass a table of posts, e.g. pd.DataFrame({'pillar': [...], 'format': [...], "
            "'caption': [...]})",
        )
    missing = [c for c in REQUIRED_COLUMNS if c not in posts.columns]
    if missing:
        raise InputError(
            f"the posts table lacks {', '.join(repr(c) for c in missing)} "
            f"(it has: {', '.join(map(str, posts.columns))})",
            fix="content_mix needs the columns " + ", ".join(REQUIRED_COLUMNS) + " of schema.POSTS",
        )
    if posts.empty:
        raise InputError(
            "the posts table is empty, so there is no mix to describe",
            fix="pass at least one post (check any filter you applied before)",
        )
    return posts


def _check_pillars(pillars: object) -> list[str]:
    if not isinstance(pillars, list | tuple) or not all(isinstance(p, str) for p in pillars):
        raise InputError(
            f"promotional_pillars must be a list of pillar names, not {pillars!r}",
            fix="write e.g. promotional_pillars=['offers'] (a list, even for one pillar)",
        )
    return list(pillars)


def _why_promotional(
    pillar: object, caption: str, pillars: tuple[str, ...], keywords: tuple[str, ...]
) -> str:
    if pillar in pillars:
        return f"pillar {pillar!r}"
    found = promotional_keywords_in(caption, keywords)
    return "caption says " + ", ".join(repr(word) for word in dict.fromkeys(found)) if found else ""


def _suggestions(
    frame: pd.DataFrame, share: float, by_pillar: pd.Series, labelled: bool
) -> list[str]:
    tips = []
    if share > PROMOTIONAL_CEILING:
        tips.append(
            f"{share:.0%} of posts promote; the 80/20 rule of thumb suggests at most "
            f"{PROMOTIONAL_CEILING:.0%}. Swap some offers for helpful or story posts."
        )
    elif share == 0:
        tips.append(
            "No post asks for anything. The 80/20 rule of thumb leaves room for about 1 in 5 "
            "to ask people to buy, donate or sign up."
        )
    if not labelled:
        tips.append(
            "Promotion was spotted from caption words only; pass promotional_pillars=[...] "
            "to count your promotional pillars too."
        )
    if len(by_pillar) > 1 and by_pillar.iloc[0] > 0.5:
        tips.append(
            f"Pillar {by_pillar.index[0]!r} is {by_pillar.iloc[0]:.0%} of posts; "
            "spread posts across your pillars."
        )
    if "platform" in frame.columns:
        tips += _format_tips(frame)
    return tips


def _format_tips(frame: pd.DataFrame) -> list[str]:
    tips = []
    pairs = Counter(zip(frame["platform"].astype(str), frame["format"].astype(str), strict=True))
    for (platform, fmt), count in pairs.items():
        if platform in PLATFORMS and fmt in FORMATS:
            fit = format_fit(platform, fmt)
            if fit.fit == "poor":
                tips.append(
                    f"{count} {PLATFORM_NAMES[fit.platform]} {fmt} post(s): a poor fit. "
                    f"{fit.reason}."
                )
    for platform in sorted(set(frame["platform"].dropna()) & set(PLATFORMS)):
        used = set(frame.loc[frame["platform"] == platform, "format"])
        best = best_formats(platform)
        if best and not used & set(best):
            fit = format_fit(platform, best[0])
            names = " or ".join(name.replace("_", " ") for name in best)
            tips.append(
                f"No {names} posts on {PLATFORM_NAMES[platform]} yet. {fit.reason} ({fit.source})."
            )
    return tips
