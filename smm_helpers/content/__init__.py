"""Check a post before it goes out: length in each platform's own unit, hashtags, the fold.

>>> from smm_helpers.content import x_weighted_length
>>> x_weighted_length("ঈদ মোবারক! 🌙 #ঈদ")
17
"""

from __future__ import annotations

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

__all__ = [
    "LIMITS",
    "Limit",
    "XCount",
    "code_points",
    "count_x",
    "extract_emoji",
    "extract_emoji_with_indices",
    "extract_hashtags",
    "extract_hashtags_with_indices",
    "extract_mentions",
    "extract_urls",
    "fields_of",
    "graphemes",
    "length_in",
    "limit_for",
    "utf8_bytes",
    "visible_characters",
    "x_weighted_length",
]
