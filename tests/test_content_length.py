"""Counting a post's length in each platform's unit: hand-worked cases and properties."""

from __future__ import annotations

import dataclasses
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smm_helpers.content import (
    code_points,
    count_x,
    graphemes,
    length_in,
    utf8_bytes,
    visible_characters,
    x_weighted_length,
)
from smm_helpers.content._twitter_text import twitter_text
from smm_helpers.content.length import x_character_weight
from smm_helpers.errors import InputError

BENGALI_LETTERS = [
    chr(c) for c in range(0x0995, 0x09B9 + 1) if unicodedata.category(chr(c)) == "Lo"
]
BENGALI_SIGNS = ["\u09be", "\u09bf", "\u09c0", "\u09c1", "\u09c3", "\u09c7", "\u09cd", "\u0981"]
bengali_text = st.text(
    alphabet=st.sampled_from([*BENGALI_LETTERS, *BENGALI_SIGNS, " ", "\u200c", "\u200d"]),
    max_size=60,
)


@pytest.mark.parametrize(
    ("word", "clusters"),
    [
        ("দৃষ্টিভঙ্গি", ["দৃ", "ষ্টি", "ভ", "ঙ্গি"]),
        ("নির্লজ্জ", ["নি", "র্ল", "জ্জ"]),
        ("ক্ষমা", ["ক্ষ", "মা"]),
        ("শ্রী", ["শ্রী"]),
        ("স্বাস্থ্য", ["স্বা", "স্থ্য"]),
    ],
)
def test_bengali_conjuncts_are_one_visible_character(word, clusters):
    assert graphemes(word) == clusters
    assert visible_characters(word) == len(clusters)


def test_bengali_counts_one_per_code_point_on_x_but_fewer_visible():
    word = "দৃষ্টিভঙ্গি"
    assert (code_points(word), x_weighted_length(word), visible_characters(word)) == (11, 11, 4)


def test_x_counts_links_as_23_and_emoji_as_2_whatever_their_size():
    long_link = "https://example.org/" + "a" * 200
    assert x_weighted_length("ঢাকা " + long_link) == 4 + 1 + 23
    assert x_weighted_length("👨‍👩‍👧‍👦") == 2
    assert x_weighted_length("中文") == 4


@pytest.mark.parametrize(("count", "valid"), [(280, True), (281, False)])
def test_x_accepts_280_bengali_letters_and_refuses_281(count, valid):
    result = count_x("ক" * count)
    assert (result.weighted_length, result.valid) == (count, valid)


def test_x_premium_accepts_up_to_25000():
    assert count_x("a" * 25_000, premium=True).valid
    assert not count_x("a" * 25_001, premium=True).valid
    assert count_x("a" * 300, premium=True).max_length == 25_000


@pytest.mark.parametrize(
    "sequence",
    [
        "🏳️‍🌈",  # flag + ZWJ + rainbow
        "🏴‍☠️",  # pirate flag
        "👩🏾‍🦱",  # skin tone + hair style (Emoji 11)
        "🧑🏻‍🤝‍🧑🏿",  # people holding hands, two skin tones
        "❤️‍🔥",  # heart on fire (Emoji 13.1, newer than twitter-text-parser's data)
        "🐦‍🔥",  # phoenix (Emoji 15.1)
        "🧑‍🧑‍🧒",  # family: adult, adult, child (Emoji 15.1)
        "🫠",  # melting face (Emoji 14)
        "🇧🇩",  # flag of Bangladesh
        "#️⃣",  # keycap
        "🏴󠁧󠁢󠁷󠁬󠁳󠁿",  # flag of Wales (tag sequence)
        "👁️‍🗨️",  # eye in speech bubble
    ],
)
def test_every_emoji_sequence_counts_2_on_x(sequence):
    assert x_weighted_length(sequence) == 2
    assert x_weighted_length(sequence * 3) == 6


def test_character_weights_follow_the_v3_ranges():
    assert [x_character_weight(c) for c in "aক\u10ff\u1100\u2014\u2030\u2032"] == [
        1,
        1,
        1,
        2,
        1,
        2,
        1,
    ]


def test_youtube_bytes_are_3_per_bengali_letter_1_per_ascii_4_per_emoji():
    assert utf8_bytes("ঢাকা") == 12
    assert utf8_bytes("Dhaka") == 5
    assert utf8_bytes("🎉") == 4
    assert length_in("ঢাকা Dhaka", "UTF-8 bytes") == 12 + 1 + 5


@given(bengali_text)
def test_bengali_text_weighs_one_per_code_point_after_nfc(text):
    assert x_weighted_length(text) == len(unicodedata.normalize("NFC", text))


@given(bengali_text)
def test_bengali_text_takes_three_bytes_per_letter_and_one_per_space(text):
    assert utf8_bytes(text) == 3 * len(text) - 2 * text.count(" ")


@given(st.text(max_size=80))
def test_graphemes_cover_the_text_and_never_outnumber_code_points(text):
    assert "".join(graphemes(text)) == text
    assert visible_characters(text) <= code_points(text)


@given(st.text(alphabet="abc ঢাকামোবারক", max_size=60), st.from_regex(r"[a-z]{1,30}", fullmatch=True))
def test_adding_a_link_adds_exactly_23_plus_the_space(text, path):
    link = f"https://example.org/{path}"
    assert x_weighted_length(f"{text} {link}") == x_weighted_length(text) + 1 + 23


# Text without emoji: our counter must agree with the twitter-text-parser package on every
# field (we only replace its emoji list, which stops at Emoji 12.0).
NO_EMOJI_PIECES = [
    *"ab1 .:/@#\n\r中あক্ষমাé\u0301\u202a\ufffe\u2014",
    "http://x.co",
    "www.example.com ",
]
no_emoji_text = st.lists(st.sampled_from(NO_EMOJI_PIECES), max_size=40).map("".join)


@given(no_emoji_text)
def test_count_x_agrees_with_twitter_text_parser_on_text_without_emoji(text):
    ours = dataclasses.asdict(count_x(text))
    theirs = twitter_text().parse_tweet(text).asdict()
    assert ours["weighted_length"] == theirs["weightedLength"]
    assert ours["valid"] == theirs["valid"]
    assert ours["permillage"] == theirs["permillage"]
    assert ours["valid_range_end"] == theirs["validRangeEnd"]
    assert ours["display_range_end"] == theirs["displayRangeEnd"]


@pytest.mark.parametrize("bad", [None, 42, b"bytes", ["text"]])
@pytest.mark.parametrize(
    "counter", [code_points, utf8_bytes, visible_characters, x_weighted_length]
)
def test_counters_refuse_non_text_with_a_fix(counter, bad):
    with pytest.raises(InputError, match=r"(?s)text must be a string \(str\), not .*How to fix it"):
        counter(bad)


def test_length_in_an_unknown_unit_lists_the_known_units():
    with pytest.raises(
        InputError, match=r"(?s)'bytes' is not a unit.*weighted characters, characters, UTF-8 bytes"
    ):
        length_in("hi", "bytes")


def test_character_weight_wants_exactly_one_character():
    with pytest.raises(InputError, match=r"(?s)exactly one character.*x_weighted_length"):
        x_character_weight("")


def test_x_counting_works_without_setuptools_pkg_resources():
    """Python 3.12+ venvs and setuptools 81+ have no pkg_resources; X counting must still work."""
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['pkg_resources'] = None\n"
        "from smm_helpers.content import check_post\n"
        "check = check_post('ক' * 270 + ' https://smmlab.org', 'x')\n"
        "print(check.length, 'pkg_resources' in sys.modules and sys.modules['pkg_resources'])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["294", "None"]
