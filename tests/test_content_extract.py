"""Finding hashtags, mentions, links and emoji, in English and Bengali."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smm_helpers.content import (
    extract_emoji,
    extract_hashtags,
    extract_hashtags_with_indices,
    extract_mentions,
    extract_urls,
)
from smm_helpers.errors import InputError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#বাংলাদেশ", ["বাংলাদেশ"]),
        ("শুভ নববর্ষ #পহেলা_বৈশাখ!", ["পহেলা_বৈশাখ"]),
        ("#দৃষ্টিভঙ্গি #স্বাস্থ্য_সেবা", ["দৃষ্টিভঙ্গি", "স্বাস্থ্য_সেবা"]),
        ("#র\u200d্যাব ও #ক্\u200cষ", ["র\u200d্যাব", "ক্\u200cষ"]),  # ZWJ and ZWNJ kept
        ("#চাঁদ #ঈদ২০২৬ মোবারক", ["চাঁদ", "ঈদ২০২৬"]),  # chandrabindu, Bengali digits
        ("আজ ঢাকায় #বৃষ্টি। কাল #রোদ", ["বৃষ্টি", "রোদ"]),  # the danda ends a tag
        ("#২০২৬ শুধু সংখ্যা", []),  # Bengali digits only: not a hashtag
        ("বাংলা#ভাষা", []),  # glued to the word before it
        ("#ঢাকা#চট্টগ্রাম", []),  # two signs glued together, as twitter-text
    ],
)
def test_bengali_hashtags_are_kept_whole(text, expected):
    assert extract_hashtags(text) == expected


def test_hashtag_indices_count_code_points_in_bengali():
    assert extract_hashtags_with_indices("ঈদ #মোবারক") == [{"hashtag": "মোবারক", "indices": [3, 10]}]


BENGALI_WORD_CHARS = [chr(c) for c in range(0x0985, 0x09B9 + 1) if chr(c).isalpha()]
BENGALI_MARKS = [
    "\u09be",
    "\u09bf",
    "\u09c1",
    "\u09c7",
    "\u09cd",
    "\u0981",
    "\u09bc",
    "\u200d",
    "\u200c",
    "_",
]


@given(
    st.sampled_from(BENGALI_WORD_CHARS),
    st.lists(st.sampled_from(BENGALI_WORD_CHARS + BENGALI_MARKS), max_size=15).map("".join),
)
def test_any_bengali_word_starting_with_a_letter_is_one_whole_hashtag(first, rest):
    tag = first + rest
    assert extract_hashtags(f"আজ #{tag} দেখুন") == [tag]


def test_hashtags_inside_links_are_not_hashtags():
    assert extract_hashtags("See example.org/#top and #real") == ["real"]


def test_mentions_follow_x_rules_by_default_and_keep_dots_on_instagram():
    text = "Thanks @dhaka.eats and @smm_lab! Write to hi@smmlab.org."
    assert extract_mentions(text) == ["dhaka", "smm_lab"]
    assert extract_mentions(text, platform="instagram") == ["dhaka.eats", "smm_lab"]
    assert extract_mentions("by @chef.rina.", platform="tiktok") == ["chef.rina"]


def test_links_are_found_with_and_without_https():
    text = "নিবন্ধন: https://example.org/bn?ref=fb অথবা smmlab.org"
    assert extract_urls(text) == ["https://example.org/bn?ref=fb", "smmlab.org"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ঈদ মোবারক 🌙✨", ["🌙", "✨"]),
        ("👨‍👩‍👧‍👦 family", ["👨‍👩‍👧‍👦"]),
        ("Go 🇧🇩🇧🇩!", ["🇧🇩", "🇧🇩"]),
        ("Top 3️⃣ tips", ["3️⃣"]),
        ("Wave 👋🏽 and code 👩🏽‍💻", ["👋🏽", "👩🏽‍💻"]),
        ("Love ❤️ and ❤️‍🔥", ["❤️", "❤️‍🔥"]),
        ("Plain 3 > 2, #1; but © is an emoji to Unicode and X", ["©"]),
        ("phoenix 🐦‍🔥 melting 🫠", ["🐦‍🔥", "🫠"]),
    ],
)
def test_emoji_sequences_are_found_as_single_emoji(text, expected):
    assert extract_emoji(text) == expected


def test_digits_and_hash_are_not_emoji_without_the_keycap_mark():
    assert extract_emoji("#1 and 2 and *") == []


@pytest.mark.parametrize(
    "extractor",
    [
        extract_hashtags,
        extract_hashtags_with_indices,
        extract_mentions,
        extract_urls,
        extract_emoji,
    ],
)
@pytest.mark.parametrize("bad", [None, 7, ["#tag"]])
def test_extractors_refuse_non_text_and_say_how_to_fix_it(extractor, bad):
    with pytest.raises(
        InputError, match=r"(?s)text must be a string \(str\).*How to fix it: pass the post's text"
    ):
        extractor(bad)


def test_mentions_for_an_unknown_platform_list_the_known_ones():
    with pytest.raises(
        InputError, match=r"(?s)'threads' is not a platform.*facebook, instagram, x"
    ):
        extract_mentions("@a", platform="threads")
