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
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

import regex

from smm_helpers.content.limits import check_platform
from smm_helpers.errors import InputError, unknown_choice
from smm_helpers.i18n.messages import N_, ngettext
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits
from smm_helpers.schema import FORMAT_NAMES, FORMATS, PLATFORMS, format_name, platform_name

if TYPE_CHECKING:
    import pandas as pd

FITS = ("good", "ok", "poor")
FIT_NAMES = {"good": N_("good"), "ok": N_("ok"), "poor": N_("poor")}
"""Each rating's display name (``fit`` itself stays good / ok / poor)."""

RULE_OF_THUMB = N_(
    "80/20 rule of thumb: about 4 in 5 posts should inform, help or entertain, and at most "
    "1 in 5 should promote (sell, ask for donations). The 4-1-1 variant: for every 6 posts, "
    "4 useful ones from others or yourself, 1 of your own, 1 promotional. These are rules of "
    "thumb from marketing practice, not measured figures."
)
PROMOTIONAL_CEILING = 0.2
"""The most promotion the 80/20 rule of thumb suggests (a rule of thumb, not a measurement)."""

_RIVAL_IQ = N_("Rival IQ benchmark reports, sources.md#rival-iq-benchmarks")
_MR_2013 = N_("M+R/NTEN eNonprofit Benchmarks 2013, sources.md#mr-nten-2013")
_GENERAL = N_("general knowledge of the platform, UNCERTAIN")
_NO_SUCH_POST = N_("the platform has no such post type")


@dataclass(frozen=True)
class FormatFit:
    """How well a content format suits a platform: ``fit`` is good, ok or poor.

    ``reason`` and ``source`` are in the language chosen when ``format_fit`` made it.
    """

    platform: str
    format: str
    fit: str
    reason: str
    source: str

    def __str__(self) -> str:
        return _("{platform} {format}: {fit}. {reason}. ({source})").format(
            platform=platform_name(self.platform),
            format=format_name(self.format),
            fit=_(FIT_NAMES[self.fit]),
            reason=self.reason,
            source=self.source,
        )

    def _repr_html_(self) -> str:
        colour = {"good": "#1a7f37", "ok": "#9a6700", "poor": "#cf222e"}[self.fit]
        name = escape(f"{platform_name(self.platform)} {_format_label(self.format)}")
        head = f"<b>{name}</b>: <b style='color:{colour}'>{escape(_(FIT_NAMES[self.fit]))}</b>"
        # Translators: the end of a sentence ("." in English, "।" in Bengali).
        end = _("{sentence}.")
        reason = escape(end.format(sentence=self.reason))
        return f"<p>{end.format(sentence=head)} {reason} <small>({escape(self.source)})</small></p>"


# (fit, reason, source) for each platform and format; anything not listed is "ok".
_FITS: dict[tuple[str, str], tuple[str, str, str]] = {
    ("facebook", "image"): (
        "good",
        N_("Photo posts spread furthest on Facebook (virality 3.3%)"),
        _MR_2013,
    ),
    ("facebook", "infographic"): (
        "good",
        N_("An infographic is a photo post, the best-spreading kind"),
        _MR_2013,
    ),
    ("facebook", "video"): (
        "ok",
        N_("Video spread less than photos (virality 1.6% vs 3.3%)"),
        _MR_2013,
    ),
    ("facebook", "text"): (
        "ok",
        N_("Status updates spread less than photos (1.3% vs 3.3%)"),
        _MR_2013,
    ),
    ("facebook", "link"): (
        "ok",
        N_("Link posts spread least (virality 1.2%); add an image"),
        _MR_2013,
    ),
    ("instagram", "carousel"): (
        "good",
        N_("Carousels and Reels are Instagram's best-performing formats"),
        _RIVAL_IQ,
    ),
    ("instagram", "short_video"): (
        "good",
        N_("Reels and carousels are Instagram's best-performing formats"),
        _RIVAL_IQ,
    ),
    ("instagram", "text"): (
        "poor",
        N_("Not supported: every Instagram post needs an image or a video"),
        _NO_SUCH_POST,
    ),
    ("instagram", "link"): (
        "poor",
        N_("Links in captions are not clickable; use the bio or a story link"),
        _GENERAL,
    ),
    ("x", "text"): ("good", N_("X is built around short text posts"), _GENERAL),
    ("x", "image"): (
        "good",
        N_("An image makes a post stand out in a text-heavy timeline"),
        _GENERAL,
    ),
    ("linkedin", "text"): ("good", N_("Text posts are LinkedIn's everyday format"), _GENERAL),
    ("linkedin", "carousel"): (
        "good",
        N_("Document (PDF) carousels suit LinkedIn's professional audience"),
        _GENERAL,
    ),
    ("linkedin", "infographic"): (
        "good",
        N_("Data and how-to graphics suit LinkedIn's professional audience"),
        _GENERAL,
    ),
    ("youtube", "video"): ("good", N_("YouTube is a video platform"), _GENERAL),
    ("youtube", "short_video"): ("good", N_("YouTube Shorts take vertical short videos"), _GENERAL),
    ("youtube", "text"): (
        "poor",
        N_("Not supported as an upload: YouTube publishes videos"),
        _NO_SUCH_POST,
    ),
    ("youtube", "image"): (
        "poor",
        N_("Not supported as an upload: YouTube publishes videos"),
        _NO_SUCH_POST,
    ),
    ("youtube", "carousel"): (
        "poor",
        N_("Not supported as an upload: YouTube publishes videos"),
        _NO_SUCH_POST,
    ),
    ("youtube", "infographic"): (
        "poor",
        N_("Not supported as an upload: turn it into a short video"),
        _NO_SUCH_POST,
    ),
    ("youtube", "link"): (
        "poor",
        N_("Not supported as an upload: put links in a video's description"),
        _NO_SUCH_POST,
    ),
    ("tiktok", "short_video"): (
        "good",
        N_("TikTok is built around short vertical video"),
        _GENERAL,
    ),
    ("tiktok", "text"): (
        "poor",
        N_("Not supported: TikTok posts are videos or photo sets"),
        _NO_SUCH_POST,
    ),
    ("tiktok", "link"): ("poor", N_("Links in captions are not clickable on TikTok"), _GENERAL),
    ("tiktok", "infographic"): (
        "poor",
        N_("Dense graphics are hard to read in a fast video feed"),
        _GENERAL,
    ),
}
_DEFAULT_FIT = ("ok", N_("Works, but is not the platform's strongest format"), _GENERAL)


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
        raise unknown_choice(_("format"), format, FORMATS)
    fit, reason, source = _FITS.get((platform, format), _DEFAULT_FIT)
    return FormatFit(platform, format, fit, _(reason), _(source))


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
    "buy",
    "buy now",
    "sale",
    "on sale",  # i18n: not shown (words matched in captions)
    "discount",
    "discounts",
    "offer",
    "offers",
    "order now",
    "shop now",
    "donate now",  # i18n: not shown (words matched in captions)
    "limited time",
    "promo code",
    "coupon",  # i18n: not shown (words matched in captions)
    "free delivery",
    "% off",  # i18n: not shown (words matched in captions)
    # Bengali: buy (imperative), discount, offer, order now, donate
    "কিনুন",
    "কিনে নিন",
    "ছাড়",
    "ছাড়ে",
    "মূল্যছাড়",
    "অফার",
    "অফারে",
    "ডিসকাউন্ট",
    "অর্ডার করুন",
    "দান করুন",
    "অনুদান দিন",
)  # i18n: not shown
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
            _("caption must be a string (str), not {type} {value}").format(
                type=type(caption).__name__, value=repr(caption)
            ),
            fix=_('pass the caption as text; write "" for a post with no caption'),
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
        promotional = len(self.promotional_posts)
        lines = [
            ngettext("{count} post.", "{count} posts.", self.posts).format(count=digits(self.posts))
        ]
        lines.append(_("Pillars: {shares}.").format(shares=_shares(self.by_pillar)))
        lines.append(_("Formats: {shares}.").format(shares=_shares(self.by_format, _format_label)))
        lines.append(
            ngettext(
                "Promotional: {share} ({count} post); the rule of thumb is at most {ceiling}.",
                "Promotional: {share} ({count} posts); the rule of thumb is at most {ceiling}.",
                promotional,
            ).format(
                share=_percent(self.promotional_share),
                count=digits(promotional),
                ceiling=_percent(PROMOTIONAL_CEILING),
            )
        )
        lines += [f"  - {s}" for s in self.suggestions]
        lines.append(_(self.rule_of_thumb))
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        def table(title: str, shares: pd.Series, label: Callable[[object], str] = str) -> str:
            rows = "".join(
                f"<tr><td>{escape(label(k))}</td><td>{_percent(v)}</td></tr>"
                for k, v in shares.items()
            )
            return f"<table><tr><th>{escape(title)}</th><th>{share}</th></tr>{rows}</table>"

        share, pillar, post_format = escape(_("share")), _("pillar"), _("format")
        colour = "#1a7f37" if self.balanced else "#cf222e"
        items = "".join(f"<li>{escape(s)}</li>" for s in self.suggestions)
        posts = ngettext("{count} post", "{count} posts", self.posts).format(
            count=digits(self.posts)
        )
        head = _("{posts}; promotional: {share} (rule of thumb: at most {ceiling})").format(
            posts=f"<b>{escape(posts)}</b>",
            share=f"<b style='color:{colour}'>{_percent(self.promotional_share)}</b>",
            ceiling=_percent(PROMOTIONAL_CEILING),
        )
        return (
            f"<div><p>{head}</p><div style='display:flex;gap:2em'>"  # i18n: not shown
            f"{table(pillar, self.by_pillar)}{table(post_format, self.by_format, _format_label)}"
            "</div>"
            f"<ul>{items}</ul><p><small>{escape(_(self.rule_of_thumb))}</small></p></div>"
        )


def _percent(share: float) -> str:
    """A share as a whole percentage, in the chosen language's digits: 25% or ২৫%."""
    return digits(f"{share:.0%}")


def _shares(shares: pd.Series, label: Callable[[object], str] = str) -> str:
    return ", ".join(f"{label(key)} {_percent(value)}" for key, value in shares.items())


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
    by_pillar = frame["pillar"].astype(object).fillna(_("(no pillar)")).value_counts(normalize=True)
    by_format = frame["format"].astype(object).fillna(_("(no format)")).value_counts(normalize=True)
    return ContentMix(
        posts=len(frame),
        by_pillar=by_pillar.rename("share"),
        by_format=by_format.rename("share"),
        promotional_share=share,
        promotional_posts=promotional,
        suggestions=_suggestions(frame, share, by_pillar, bool(pillars)),
    )


def _check_posts(posts: Any) -> pd.DataFrame:
    import pandas as pd  # heavy: loaded on first use

    if not isinstance(posts, pd.DataFrame):
        raise InputError(
            _("posts must be a pandas DataFrame, not {type}").format(type=type(posts).__name__),
            fix=_(
                "pass a table of posts, e.g. pd.DataFrame({{'pillar': [...], 'format': [...], "
                "'caption': [...]}})"
            ).format(),
        )
    missing = [c for c in REQUIRED_COLUMNS if c not in posts.columns]
    if missing:
        raise InputError(
            _("the posts table lacks {missing} (it has: {columns})").format(
                missing=", ".join(repr(c) for c in missing),
                columns=", ".join(map(str, posts.columns)),
            ),
            fix=_("content_mix needs the columns {columns} of schema.POSTS").format(
                columns=", ".join(REQUIRED_COLUMNS)
            ),
        )
    if posts.empty:
        raise InputError(
            _("the posts table is empty, so there is no mix to describe"),
            fix=_("pass at least one post (check any filter you applied before)"),
        )
    return posts


def _check_pillars(pillars: object) -> list[str]:
    if not isinstance(pillars, list | tuple) or not all(isinstance(p, str) for p in pillars):
        raise InputError(
            _("promotional_pillars must be a list of pillar names, not {value}").format(
                value=repr(pillars)
            ),
            fix=_("write e.g. promotional_pillars=['offers'] (a list, even for one pillar)"),
        )
    return list(pillars)


def _why_promotional(
    pillar: object, caption: str, pillars: tuple[str, ...], keywords: tuple[str, ...]
) -> str:
    if pillar in pillars:
        return _("pillar {pillar}").format(pillar=repr(pillar))
    found = promotional_keywords_in(caption, keywords)
    if not found:
        return ""
    return _("caption says {words}").format(
        words=", ".join(repr(word) for word in dict.fromkeys(found))
    )


def _suggestions(
    frame: pd.DataFrame, share: float, by_pillar: pd.Series, labelled: bool
) -> list[str]:
    tips = []
    if share > PROMOTIONAL_CEILING:
        tips.append(
            _(
                "{share} of posts promote; the 80/20 rule of thumb suggests at most {ceiling}. "
                "Swap some offers for helpful or story posts."
            ).format(share=_percent(share), ceiling=_percent(PROMOTIONAL_CEILING))
        )
    elif share == 0:
        tips.append(
            _(
                "No post asks for anything. The 80/20 rule of thumb leaves room for about 1 in 5 "
                "to ask people to buy, donate or sign up."
            )
        )
    if not labelled:
        tips.append(
            _(
                "Promotion was spotted from caption words only; pass promotional_pillars=[...] "
                "to count your promotional pillars too."
            )
        )
    if len(by_pillar) > 1 and by_pillar.iloc[0] > 0.5:
        tips.append(
            _("Pillar {pillar} is {share} of posts; spread posts across your pillars.").format(
                pillar=repr(by_pillar.index[0]), share=_percent(by_pillar.iloc[0])
            )
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
                    _("{count} {platform} {format} post(s): a poor fit. {reason}.").format(
                        count=digits(count),
                        platform=platform_name(fit.platform),
                        format=_format_label(fmt),
                        reason=fit.reason,
                    )
                )
    for platform in sorted(set(frame["platform"].dropna()) & set(PLATFORMS)):
        used = set(frame.loc[frame["platform"] == platform, "format"])
        best = best_formats(platform)
        if best and not used & set(best):
            fit = format_fit(platform, best[0])
            if len(best) == 1:
                tip = _("No {format} posts on {platform} yet. {reason} ({source}).")
            else:
                tip = _("No {format} or {other} posts on {platform} yet. {reason} ({source}).")
            tips.append(
                tip.format(
                    format=format_name(best[0]),
                    other=_or_list([format_name(f) for f in best[1:]]),
                    platform=platform_name(platform),
                    reason=fit.reason,
                    source=fit.source,
                )
            )
    return tips


def _or_list(names: list[str]) -> str:
    """Names joined by " or " in the chosen language."""
    # Translators: joins the last two of several format names ("video or short video").
    return (
        _("{first} or {second}").format(first=names[0], second=_or_list(names[1:]))
        if len(names) > 1
        else (names[0] if names else "")
    )


def _format_label(post_format: object) -> str:
    """A format as the mix names it: its id in English (as the learner's table has it), its
    display name in a translated language; any other value as it is."""
    key = str(post_format)
    shown = format_name(key)
    return key if shown == FORMAT_NAMES.get(key, shown) else shown
