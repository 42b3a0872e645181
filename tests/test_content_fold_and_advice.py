"""check_post: the "see more" fold by lines as well as characters; advice on generic hashtags."""

from __future__ import annotations

import unicodedata

import pytest

from smm_helpers.content import check_post, visible_characters
from smm_helpers.content.check import screen_lines
from smm_helpers.content.limits import FOLDS, GENERIC_HASHTAGS
from smm_helpers.errors import InputError

# Four short lines with conjuncts (ক্র, ন্ড, ষ্ট): 77 code points, far under the 125-character
# fold, yet four lines on a phone.
FOUR_LINES = "ঈদ মোবারক! 🌙\nআলো পাঠচক্রের বইমেলায় আসুন\nশুক্রবার বিকেল ৪টা\nধানমন্ডি, ঢাকা। কষ্ট করে আসুন"


def test_a_four_line_bengali_post_is_not_all_above_the_fold():
    assert len(FOUR_LINES) < 125
    for platform in ("instagram", "facebook", "linkedin"):
        check = check_post(FOUR_LINES, platform)
        assert check.above_fold == FOUR_LINES.rsplit("\n", 1)[0], platform
        assert (check.fold_lines, check.screen_lines) == (3, 4)
        assert check.ok  # the fold is not a problem, only what readers see
        assert "This post fills about 4 lines, so only its first 3 show" in check.fold_note
    shown = check_post(FOUR_LINES, "instagram")
    assert (
        f"{visible_characters(shown.above_fold)} of its {visible_characters(FOUR_LINES)}"
        in shown.fold_note
    )
    assert 'Readers see: "ঈদ মোবারক! 🌙\nআলো' in str(shown)
    assert check_post(FOUR_LINES, "x").above_fold == FOUR_LINES  # X folds by characters only
    assert check_post(FOUR_LINES, "tiktok").fold_at is None


def test_three_short_lines_show_whole_and_a_trailing_line_break_hides_nothing():
    three = "\n".join(FOUR_LINES.split("\n")[:3])
    for text in (three, three + "\n", three + "\n\n  "):
        check = check_post(text, "instagram")
        assert check.above_fold == text
        assert check.fold_note.endswith("The whole post shows before the fold.")


def test_blank_lines_take_a_line_each():
    text = "Hook line\n\nSecond point\n\nThe ask: donate today"
    check = check_post(text, "linkedin")
    assert check.screen_lines == 5
    assert check.above_fold == "Hook line\n\nSecond point"
    assert "donate" not in check.above_fold


def test_blank_lines_before_the_text_take_no_line():
    text = "\n\n  \nHook\nSecond\nThird\nFourth"
    check = check_post(text, "instagram")
    assert check.screen_lines == 4
    assert check.above_fold == "\n\n  \nHook\nSecond\nThird"


def test_windows_line_breaks_count_once():
    text = "one\r\ntwo\r\nthree\r\nfour"
    check = check_post(text, "instagram")
    assert check.screen_lines == 4
    assert check.above_fold == "one\r\ntwo\r\nthree"
    assert check.text[len(check.above_fold) :] == "\r\nfour"  # above_fold is a prefix


def test_one_long_line_is_cut_by_characters_as_before():
    text = "Rina is nine and reads stories to her brother every evening. " * 4
    for platform, at in (("instagram", 125), ("facebook", 125), ("linkedin", 210)):
        check = check_post(text, platform)
        assert check.above_fold == text[:at], platform
        assert "only its first" not in check.fold_note


def test_long_lines_wrap_onto_the_next_line():
    # Two lines of 60 characters fill 2 + 2 lines on a 42-character phone line, so the
    # Instagram cut falls inside the second line, before the 125-character fold.
    text = "a" * 60 + "\n" + "b" * 60
    check = check_post(text, "instagram")
    assert check.screen_lines == 4
    assert check.above_fold == "a" * 60 + "\n" + "b" * 42  # lines: 42 a, 18 a, 42 b
    assert len(check.above_fold) == 103 < 125


def test_wrapping_counts_visible_characters_so_a_conjunct_is_never_split():
    word = "ক্ষ"  # 3 code points, 1 visible character
    text = word * 126  # 378 code points: the character fold (125) cuts first
    check = check_post(text, "instagram")
    assert check.above_fold == word * 41  # 41 * 3 = 123 code points; a 42nd would be 126
    lines = (word * 10 + "\n") * 4  # 124 code points: only the line fold cuts
    assert check_post(lines, "instagram").above_fold == (word * 10 + "\n") * 2 + word * 10
    assert screen_lines(word * 42, 42) == 1 and screen_lines(word * 43, 42) == 2


def test_emoji_are_one_visible_character_each_when_lines_wrap():
    family = "👨\u200d👩\u200d👧"
    assert screen_lines(family * 42, 42) == 1
    assert screen_lines(family * 43 + "\n🎉", 42) == 3
    check = check_post("🎉\n🎉\n🎉\n🎉", "facebook")
    assert check.above_fold == "🎉\n🎉\n🎉"


def test_every_line_fold_names_its_source_and_width():
    for platform in ("facebook", "instagram", "linkedin"):
        fold = FOLDS[platform]
        assert fold.lines == 3 and fold.uncertain
        assert fold.line_width == round(fold.at / fold.lines)  # the documented derivation
        assert "UNCERTAIN" in fold.lines_source
    assert FOLDS["x"].lines is None


def test_screen_lines_refuses_a_bad_width():
    for width in (0, -3, 4.5, True, "42"):
        with pytest.raises(InputError, match="width must be a whole number"):
            screen_lines("hi", width)


# ------------------------------------------------------------------ generic hashtags
def test_generic_tiktok_hashtags_are_advice_not_a_problem():
    text = "নতুন নকশী কাঁথা এসেছে! #নকশী_কাঁথা #fyp #ForYou #viral #FYPPPP #ভাইরাল"
    check = check_post(text, "tiktok")
    assert check.ok and check.problems == []
    assert len(check.advice) == 1
    advice = check.advice[0]
    assert advice.startswith("#fyp #ForYou #viral #FYPPPP #ভাইরাল: they say nothing about")
    assert "নকশী_কাঁথা" not in advice
    assert "name its topic" in advice and "UNCERTAIN" in advice
    assert "Advice:\n  - #fyp" in str(check)
    html = check._repr_html_()
    assert "<b>Advice</b>" in html and "ready to post" in html


@pytest.mark.parametrize(
    "tag",
    [
        "fyp",
        "FYP",
        "fypシ",
        "foryoupage",
        "ForYourPage",
        "xyzbca",
        "trending",
        "tiktok",
        "4u",
        "viralvideo",
        "ট্রেন্ডিং",
    ],
)
def test_each_generic_spelling_is_caught(tag):
    check = check_post(f"Dhaka street food #{tag}", "tiktok")
    assert check.advice and check.advice[0].startswith(f"#{tag}: it says nothing")


@pytest.mark.parametrize(
    "text",
    [
        "Dhaka street food #dhakafood #fuchka",
        "Viral hepatitis: get tested #health",
        "#FridayFeeling at the office",
        "Self-care tips #foryourself #trendforecast",
        "#পহেলা_বৈশাখ মেলা",
    ],
)
def test_topic_hashtags_get_no_advice(text):
    assert check_post(text, "tiktok").advice == []


def test_the_advice_applies_on_every_platform_and_keeps_the_limit_checks():
    post = "Eid offer #fyp " + " ".join(f"#tag{n}" for n in range(5))
    check = check_post(post, "instagram")
    assert check.problems[0].startswith("6 hashtags: Instagram allows at most 5")
    assert check.advice[0].startswith("#fyp: it says nothing")
    assert check_post("Eid offer #fyp", "linkedin").advice


def test_the_generic_list_is_normalised_and_has_no_repeats():
    folded = [unicodedata.normalize("NFC", tag).casefold() for tag in GENERIC_HASHTAGS]
    assert len(folded) == len(set(folded))
    assert {"fyp", "foryou", "viral", "xyzbca", "tiktok"} <= set(folded)


@pytest.mark.parametrize(
    "late",
    [
        "Thanks to Nakshi Ghor for the free bag.",
        "নকশী ঘর এই ব্যাগটি উপহার দিয়েছে।",
        "Nakshi Ghor gift diyeche.",
    ],
)
def test_plain_words_below_the_fold_are_warned_like_labels(late):
    body = (
        "Our Eid collection is here, every piece handmade in Dhamrai by artisans we know "
        "by name, and each one different from the next. Come and see it this week."
    )
    below = check_post(f"{body} {late}", "instagram").problems
    assert any('below the "see more" fold' in problem for problem in below)
    above = check_post(f"{late} {body}", "instagram").problems
    assert not any("see more" in problem for problem in above)
