"""Check a post before it goes out: length in each platform's own unit, hashtags, the fold.

>>> from smm_helpers.content import check_post
>>> check_post("ঈদ মোবারক! 🌙 #ঈদ", "x").length
17
>>> check_post("ঈদ মোবারক!", "instagram", field="title")
Traceback (most recent call last):
...
smm_helpers.errors.InputError: 'title' is not a field of an Instagram post SMM Lab knows.
How to fix it: use one of: caption (also called 'post').
"""

from __future__ import annotations

from smm_helpers.content.check import PostCheck, check_post, screen_lines, youtube_tags_length
from smm_helpers.content.extract import (
    extract_emoji,
    extract_emoji_with_indices,
    extract_hashtags,
    extract_hashtags_with_indices,
    extract_mentions,
    extract_urls,
)
from smm_helpers.content.length import (
    XCount,
    code_points,
    count_x,
    graphemes,
    length_in,
    utf8_bytes,
    visible_characters,
    x_weighted_length,
)
from smm_helpers.content.limits import LIMITS, Limit, fields_of, limit_for
from smm_helpers.content.mix import (
    PROMO_KEYWORDS,
    RULE_OF_THUMB,
    ContentMix,
    FormatFit,
    best_formats,
    content_mix,
    format_fit,
    promotional_keywords_in,
)

__all__ = [
    "LIMITS",
    "PROMO_KEYWORDS",
    "RULE_OF_THUMB",
    "ContentMix",
    "FormatFit",
    "Limit",
    "PostCheck",
    "XCount",
    "best_formats",
    "check_post",
    "code_points",
    "content_mix",
    "count_x",
    "extract_emoji",
    "extract_emoji_with_indices",
    "extract_hashtags",
    "extract_hashtags_with_indices",
    "extract_mentions",
    "extract_urls",
    "fields_of",
    "format_fit",
    "graphemes",
    "length_in",
    "limit_for",
    "promotional_keywords_in",
    "screen_lines",
    "utf8_bytes",
    "visible_characters",
    "x_weighted_length",
    "youtube_tags_length",
]
