"""Count a post's length the way each platform counts it.

Platforms count different things:

* **X** counts *weighted characters* (twitter-text v3): most scripts, Bengali included, count 1
  per code point; Chinese, Japanese, Korean and other characters count 2; every link counts 23
  whatever its length; every emoji counts 2, even a long ZWJ sequence.
* **YouTube descriptions** count *UTF-8 bytes*: an English letter is 1 byte, a Bengali letter 3,
  most emoji 4.
* Instagram, LinkedIn, Facebook, TikTok and YouTube titles say "characters"; SMM Lab counts
  Unicode code points (``len(text)``), an approximation where the platform does not say.
* What a reader *sees* is grapheme clusters: দৃষ্টিভঙ্গি is 11 code points but 4 clusters.

>>> word = "দৃষ্টিভঙ্গি"
>>> code_points(word), visible_characters(word), utf8_bytes(word), x_weighted_length(word)
(11, 4, 33, 11)
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

import regex

from smm_helpers.content._twitter_text import twitter_text  # loads the library on first call
from smm_helpers.content.extract import _require_text, extract_emoji_with_indices, urls_with_indices
from smm_helpers.content.limits import CODE_POINTS, UNITS, UTF8_BYTES, WEIGHTED, limit_for
from smm_helpers.errors import InputError, unknown_choice
from smm_helpers.i18n.messages import gettext as _

# twitter/twitter-text config/v3.json (the last published X weighting; sources.md#twitter-text-v3).
# Scale 100: a weight of 100 counts as 1 character, 200 as 2.
X_SCALE = 100
X_DEFAULT_WEIGHT = 200
X_URL_LENGTH = 23  # transformedURLLength: every link counts 23, however long
X_MAX_LENGTH = 280  # maxWeightedTweetLength (free accounts)
X_LIGHT_RANGES = (  # code point ranges that count 1 (weight 100); everything else counts 2
    (0x0000, 0x10FF),  # Latin, Greek, Cyrillic, Arabic, Indic scripts incl. Bengali, Thai...
    (0x2000, 0x200D),  # spaces of different widths, ZWNJ and ZWJ
    (0x2010, 0x201F),  # dashes and quotation marks
    (0x2032, 0x2037),  # primes
)

_GRAPHEME = regex.compile(r"\X")


def code_points(text: str) -> int:
    """The number of Unicode code points, Python's ``len(text)``.

    >>> code_points("ক্ষমা")
    5
    >>> code_points(None)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: text must be a string (str), not NoneType None.
    How to fix it: pass the post's text as a string, e.g. text='Hello #SMM'.
    """
    return len(_require_text(text))


def utf8_bytes(text: str) -> int:
    """The number of bytes the text takes in UTF-8 (YouTube counts descriptions this way).

    >>> utf8_bytes("SMM"), utf8_bytes("ঢাকা"), utf8_bytes("😀")
    (3, 12, 4)
    >>> utf8_bytes(b"SMM")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: text must be a string (str), not bytes b'SMM'.
    How to fix it: pass the post's text as a string, e.g. text='Hello #SMM'.
    """
    return len(_require_text(text).encode("utf-8"))


def graphemes(text: str) -> list[str]:
    """Split text into what a reader sees as single characters (extended grapheme clusters).

    Uses the ``regex`` module's ``\\X``, which follows Unicode 15.1's rule GB9c, so a Bengali
    conjunct such as ষ্ট stays one cluster.

    >>> graphemes("দৃষ্টিভঙ্গি")
    ['দৃ', 'ষ্টি', 'ভ', 'ঙ্গি']
    >>> graphemes(5)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: text must be a string (str), not int 5.
    How to fix it: pass the post's text as a string, e.g. text='Hello #SMM'.
    """
    return _GRAPHEME.findall(_require_text(text))


def visible_characters(text: str) -> int:
    """How many characters a reader sees (grapheme clusters).

    >>> visible_characters("নির্লজ্জ"), visible_characters("👨‍👩‍👧"), visible_characters("café")
    (3, 1, 4)
    >>> visible_characters(["a"])
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: text must be a string (str), not list ['a'].
    How to fix it: pass the post's text as a string, e.g. text='Hello #SMM'.
    """
    return len(graphemes(text))


@dataclass(frozen=True)
class XCount:
    """X's verdict on a post, with the same fields as twitter-text's ``parse_tweet``.

    Ranges are positions in UTF-16 code units, as in twitter-text: ``valid_range_end`` is the
    last position that still fits.
    """

    weighted_length: int
    valid: bool
    permillage: int
    display_range_start: int
    display_range_end: int
    valid_range_start: int
    valid_range_end: int
    max_length: int


def x_character_weight(char: str) -> int:
    """How much one code point counts on X, in characters (1 or 2), ignoring links and emoji.

    >>> x_character_weight("ক"), x_character_weight("a"), x_character_weight("中")
    (1, 1, 2)
    >>> x_character_weight("ab")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: char must be exactly one character, not 'ab'.
    How to fix it: pass a single character, e.g. 'a'; use x_weighted_length for longer text.
    """
    return _x_weight(char) // X_SCALE


def _x_weight(char: str) -> int:
    if not isinstance(char, str) or len(char) != 1:
        raise InputError(
            _("char must be exactly one character, not {value}").format(value=repr(char)),
            fix=_("pass a single character, e.g. 'a'; use x_weighted_length for longer text"),
        )
    point = ord(char)
    light = any(start <= point <= end for start, end in X_LIGHT_RANGES)
    return X_SCALE if light else X_DEFAULT_WEIGHT


def count_x(text: str, *, premium: bool = False) -> XCount:
    """Count a post the way X does (twitter-text v3 rules) and say whether it fits.

    The ``twitter-text-parser`` package implements these rules too, but its emoji list stops at
    Emoji 12.0 (2019), so newer emoji such as 🫠 or 🐦‍🔥 were counted piece by piece.  This
    function follows the same algorithm (NFC first, links 23, emoji 2, invalid characters make
    the post invalid) with an emoji rule built on current Unicode data, and reuses the
    package's link finder and invalid-character list.

    >>> count_x("Hi http://test.co")  # doctest: +NORMALIZE_WHITESPACE
    XCount(weighted_length=26, valid=True, permillage=92, display_range_start=0,
           display_range_end=16, valid_range_start=0, valid_range_end=16, max_length=280)
    >>> count_x("ক" * 281).valid, count_x("ক" * 281, premium=True).valid
    (False, True)
    >>> count_x(280)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: text must be a string (str), not int 280.
    How to fix it: pass the post's text as a string, e.g. text='Hello #SMM'.
    """
    has_invalid_characters = twitter_text().has_invalid_characters.has_invalid_characters

    text = _require_text(text)
    max_length = _x_max_length(premium)
    normalized = regex.sub(r"\r\n|\r|\n", "\n", unicodedata.normalize("NFC", text))
    # Links first, then emoji, as twitter-text does; an emoji inside a link is part of the link.
    links = {found["indices"][0]: found["indices"][1] for found in urls_with_indices(normalized)}
    emoji = {
        found["indices"][0]: found["indices"][1] for found in extract_emoji_with_indices(normalized)
    }

    weight = 0
    valid = True
    last_valid_index = 0
    index = 0
    while index < len(normalized):
        if index in links:
            weight += X_URL_LENGTH * X_SCALE
            index = links[index] - 1
        elif index in emoji:
            weight += X_DEFAULT_WEIGHT
            index = emoji[index] - 1
        else:
            weight += _x_weight(normalized[index])
        if valid:
            valid = not has_invalid_characters(normalized[index : index + 1])
        if valid and weight <= max_length * X_SCALE:
            last_valid_index = index
        index += 1

    weighted_length = weight // X_SCALE
    normalization_offset = _utf16_units(text) - _utf16_units(normalized)
    return XCount(
        weighted_length=weighted_length,
        valid=valid and 0 < weighted_length <= max_length,
        permillage=math.floor(weighted_length / max_length * 1000),
        display_range_start=0,
        display_range_end=max(_utf16_units(text) - 1, 0),
        valid_range_start=0,
        valid_range_end=_utf16_units(normalized[: last_valid_index + 1]) - 1 + normalization_offset,
        max_length=max_length,
    )


def _x_max_length(premium: bool) -> int:
    return limit_for("x", "post", premium=premium).limit


def _utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def x_weighted_length(text: str) -> int:
    """X's weighted length of ``text`` (the number X compares with 280).

    >>> x_weighted_length("ঈদ মোবারক 🌙 https://example.org/a/very/long/link/to/the/eid/page")
    36
    >>> x_weighted_length(None)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: text must be a string (str), not NoneType None.
    How to fix it: pass the post's text as a string, e.g. text='Hello #SMM'.
    """
    return count_x(text).weighted_length


def length_in(text: str, unit: str) -> int:
    """The length of ``text`` in one of the units in ``limits.UNITS``.

    >>> length_in("ঢাকা 😀", "characters"), length_in("ঢাকা 😀", "UTF-8 bytes")
    (6, 17)
    >>> length_in("hi", "words")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'words' is not a unit SMM Lab knows.
    How to fix it: use one of: weighted characters, characters, UTF-8 bytes.
    """
    counters = {WEIGHTED: x_weighted_length, CODE_POINTS: code_points, UTF8_BYTES: utf8_bytes}
    if unit not in counters:
        raise unknown_choice(_("unit"), unit, UNITS)
    return counters[unit](text)
