"""check_post: the right unit and limit per platform, problems found, and errors that teach."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smm_helpers.content import LIMITS, check_post, fields_of, limit_for, youtube_tags_length
from smm_helpers.errors import InputError
from smm_helpers.schema import PLATFORMS


def test_x_explains_its_count_and_how_far_over():
    text = "ক" * 262 + " https://example.org/eid 🎉"  # 262 + 1 + 23 + 1 + 2 = 289
    check = check_post(text, "x")
    assert (check.length, check.limit, check.over_by, check.ok) == (289, 280, 9, False)
    assert check.unit == "weighted characters"
    assert str(check).startswith(
        "X counts 289 of 280 weighted characters — 9 over. "
        "Bengali letters count 1 each, links 23 (however long), emoji 2."
    )
    assert check.problems[0].startswith("Too long: 289 weighted characters, 9 over X's post limit")


def test_x_premium_allows_the_same_post():
    check = check_post("ক" * 300, "x", premium=True)
    assert (check.ok, check.limit, check.over_by) == (True, 25_000, 0)


@pytest.mark.parametrize(
    ("platform", "field", "text", "length", "unit"),
    [
        ("instagram", "caption", "ঢাকা 🎉", 6, "characters"),  # code points: emoji is 1
        ("linkedin", "post", "ক্ষমা", 5, "characters"),
        ("facebook", "post", "ঈদ মোবারক", 9, "characters"),
        ("tiktok", "caption", "ok 👍🏽", 5, "characters"),
        ("youtube", "title", "ঢাকা vlog", 9, "characters"),
        ("youtube", "description", "ঢাকা vlog 🎉", 12 + 6 + 4, "UTF-8 bytes"),
    ],
)
def test_each_platform_counts_in_its_own_unit(platform, field, text, length, unit):
    check = check_post(text, platform, field=field)
    assert (check.length, check.unit) == (length, unit)
    assert check.limit == limit_for(platform, field).limit


def test_post_and_caption_name_the_same_main_text():
    assert check_post("hi", "instagram", field="post").limit == 2200
    assert check_post("hi", "facebook", field="caption").limit == 63_206
    assert check_post("hi", "x").field == "post"


def test_limits_match_the_reference_table():
    table = {(row.platform, row.field): row.limit for row in LIMITS}
    assert table == {
        ("x", "post"): 280,
        ("instagram", "caption"): 2200,
        ("linkedin", "post"): 3000,
        ("facebook", "post"): 63_206,
        ("youtube", "title"): 100,
        ("youtube", "description"): 5000,
        ("youtube", "tags"): 500,
        ("tiktok", "caption"): 4000,
    }
    assert limit_for("x", premium=True).limit == 25_000
    assert all(row.source for row in LIMITS)
    assert {row.platform for row in LIMITS if row.uncertain} == {"facebook", "tiktok"}


def test_a_youtube_description_in_bengali_fits_about_1870_characters():
    sentence = "আমাদের স্বেচ্ছাসেবকরা আজ ঢাকায় কাজ করেছেন "
    text = sentence * 60
    check = check_post(text, "youtube", field="description")
    assert check.length == len(text.encode("utf-8")) > 5000
    assert check.over_by == check.length - 5000
    assert "Bengali letters take 3 bytes each" in check.explanation


def test_visible_characters_count_bengali_conjuncts_once():
    assert check_post("দৃষ্টিভঙ্গি", "instagram").visible_characters == 4


def test_instagram_allows_five_hashtags_but_not_six():
    five = " ".join(f"#tag{n}" for n in range(5))
    assert check_post("Eid " + five, "instagram").ok
    six = check_post("Eid " + five + " #ঈদ", "instagram")
    assert not six.ok
    assert six.hashtags[-1] == "ঈদ"
    assert len(six.problems) == 1
    assert six.problems[0].startswith("6 hashtags: Instagram allows at most 5 per post")


def test_other_platforms_have_no_hashtag_cap():
    many = " ".join(f"#t{n}" for n in range(12))
    assert check_post(many, "x").ok and check_post(many, "linkedin").ok


def test_youtube_titles_may_not_contain_angle_brackets():
    check = check_post("Top 5 <Dhaka> cafés", "youtube", field="title")
    assert not check.ok
    assert "'<' or '>'" in check.problems[0]
    assert check_post("Top 5 Dhaka cafés", "youtube", field="title").ok


def test_youtube_tags_count_commas_and_quotes():
    assert youtube_tags_length("smm") == 3
    assert youtube_tags_length("smm, dhaka food, eid") == 3 + 1 + (10 + 2) + 1 + 3
    long_tags = ", ".join(["dhaka food"] * 40)  # 40 * 12 + 39 = 519
    check = check_post(long_tags, "youtube", field="tags")
    assert (check.length, check.over_by) == (519, 19)


def test_the_fold_shows_what_readers_see_before_see_more():
    text = "ক" * 120 + "দৃষ্টিভঙ্গি" + " বাকি লেখা"  # the fold (125) falls inside the word
    check = check_post(text, "instagram")
    assert check.fold_at == 125
    assert check.above_fold == "ক" * 120 + "দৃ"  # দৃ(2) fits, ষ্টি (4 code points) would not
    assert 'Readers see: "' + "ক" * 120 + "দৃ…" in str(check)
    assert check_post(text, "linkedin").above_fold == text
    assert check_post(text, "facebook").fold_at == 125
    assert check_post(text, "x").fold_at is None


def test_a_cut_never_splits_a_conjunct():
    text = "ক" * 123 + "ক্ষ" + " end"  # ক্ষ would straddle 125
    assert check_post(text, "instagram").above_fold == "ক" * 123


def test_a_disclosure_below_the_fold_is_a_problem():
    body = "Our new kurti collection is here, made by artisans in Rajshahi. " * 3
    late = check_post(body + "#ad", "instagram")
    assert any("below the" in p and "#ad" in p for p in late.problems)
    assert check_post("#ad " + body, "instagram").ok


def test_x_refuses_invalid_characters():
    check = check_post("hello \ufffe", "x")
    assert not check.ok
    assert "does not allow" in check.problems[0]


def test_check_post_does_not_change_the_text():
    text = "ঈদ\r\nমোবারক e\u0301"
    check = check_post(text, "x")
    assert check.text == text == "ঈদ\r\nমোবারক e\u0301"


def test_it_shows_itself_in_a_notebook():
    check = check_post("<b>bold</b> " + "a" * 300, "x")
    html = check._repr_html_()
    assert "&lt;b&gt;" in html and "<b>bold</b>" not in html  # the post is escaped
    assert "needs changes" in html and "Too long" in html
    assert repr(check).startswith("PostCheck(platform='x', field='post', length=")


@settings(max_examples=40)
@given(st.text(min_size=1, max_size=400).filter(str.strip), st.sampled_from(PLATFORMS))
def test_over_by_and_ok_agree_with_length_and_limit(text, platform):
    check = check_post(text, platform)
    assert check.over_by == max(check.length - check.limit, 0)
    if check.over_by:
        assert not check.ok
    assert check.ok == (check.problems == [])


# ------------------------------------------------------------------ bad input
def test_unknown_platform_lists_the_known_ones():
    with pytest.raises(InputError) as error:
        check_post("hi", "myspace")
    assert str(error.value) == (
        "'myspace' is not a platform SMM Lab knows.\n"
        "How to fix it: use one of: facebook, instagram, x, linkedin, youtube, tiktok."
    )


def test_twitter_is_pointed_to_x():
    with pytest.raises(InputError, match=r"(?s)Twitter is now X.*use 'x'"):
        check_post("hi", "twitter")


@pytest.mark.parametrize(
    ("platform", "field"), [("instagram", "title"), ("x", "description"), ("youtube", "post")]
)
def test_unknown_field_lists_the_fields_of_that_platform(platform, field):
    with pytest.raises(InputError) as error:
        check_post("hi", platform, field=field)
    message = str(error.value)
    assert f"{field!r} is not a field of" in message
    for known in fields_of(platform):
        assert known in message


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_post_is_refused_with_an_example(text):
    with pytest.raises(
        InputError, match=r"(?s)the post is empty.*check_post\('Hello Dhaka!', 'x'\)"
    ):
        check_post(text, "x")


@pytest.mark.parametrize("text", [None, 280, b"bytes", ["post"]])
def test_non_text_post_is_refused(text):
    with pytest.raises(InputError, match=r"(?s)text must be a string \(str\), not"):
        check_post(text, "x")


def test_premium_only_applies_to_x():
    with pytest.raises(
        InputError, match=r"(?s)premium=True only changes X's limit, not Instagram's"
    ):
        check_post("hi", "instagram", premium=True)


def test_premium_must_be_true_or_false():
    with pytest.raises(InputError, match=r"(?s)premium must be True or False, not 'yes'"):
        check_post("hi", "x", premium="yes")


def test_platform_must_be_text():
    with pytest.raises(InputError, match=r"(?s)platform must be text.*use one of: facebook"):
        check_post("hi", None)
