"""Checks judge fairly: precision, rounding, Bengali spellings, safe replies, hidden tests.

Each test here names one way a check used to be unfair to a learner who was right (or
nearly right), or to let through an answer that should fail.
"""

from __future__ import annotations

import unicodedata

import pandas as pd
import pytest

from smm_helpers.checks import check, questions
from smm_helpers.checks.asserts import expect_close, expect_labels
from smm_helpers.checks.by_lesson import l09_community as l09
from smm_helpers.checks.by_lesson import l10_analytics_and_reporting as l10
from smm_helpers.checks.judges import choice, in_bengali_digits, number, text_elements

L09, L10 = "09-community", "10-analytics-and-reporting"

# (lesson, question, the right value, decimal places the prompt asks for)
PRECISE = [
    (L09, "q1", l09.nonprofit_response_rate, 3),
    (L09, "q2", l09.nonprofit_median_hours, 1),
    (L10, "q1", l10.q1_expected, 4),
]
PRECISE_IDS = [f"{lesson}/{qid}" for lesson, qid, _, _ in PRECISE]


def places_phrase(places: int) -> str:
    return f"{places} decimal place{'' if places == 1 else 's'}"


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(("lesson", "qid", "right", "places"), PRECISE, ids=PRECISE_IDS)
def test_the_prompt_states_the_precision_asked(lesson, qid, right, places):
    assert places_phrase(places) in questions(lesson)[qid].prompt


@pytest.mark.parametrize(("lesson", "qid", "right", "places"), PRECISE, ids=PRECISE_IDS)
def test_an_answer_rounded_as_asked_is_right(lesson, qid, right, places):
    assert check(lesson, qid, round(right(), places)).correct
    assert check(lesson, qid, round(right(), places + 2)).correct


@pytest.mark.parametrize(("lesson", "qid", "right", "places"), PRECISE, ids=PRECISE_IDS)
def test_rounding_to_fewer_places_gets_a_rounding_hint(lesson, qid, right, places):
    fewer = places - 1
    verdict = check(lesson, qid, round(right(), fewer))
    assert not verdict.correct
    assert f"round to {places_phrase(places)}, not {fewer}" in verdict.hint
    assert "filter" not in verdict.hint.casefold()


def test_a_near_miss_is_told_about_rounding_not_the_method():
    near = l09.nonprofit_response_rate() + 0.004  # outside the precision, inside 10x of it
    verdict = check(L09, "q1", near)
    assert not verdict.correct
    assert "round" in verdict.hint and "inbox" not in verdict.hint.casefold()


def test_a_wrong_method_still_gets_the_method_hint():
    verdict = check(L09, "q1", 0.25)
    assert not verdict.correct and "nonprofit" in verdict.hint


@pytest.mark.parametrize(("lesson", "qid", "right", "places"), PRECISE, ids=PRECISE_IDS)
def test_numbers_typed_in_bengali_digits_are_read(lesson, qid, right, places):
    typed = in_bengali_digits(round(right(), places))
    assert any("০" <= c <= "৯" for c in typed)
    assert check(lesson, qid, typed).correct
    assert check(lesson, qid, f" {round(right(), places)} ").correct


def test_a_number_judge_reads_bengali_digits_unless_told_not_to():
    assert number(235)("২৩৫").correct
    assert number(1234.5)("১,২৩৪.৫").correct
    plain = number(235, read_text=False)("২৩৫")
    assert not plain.correct and "quotes" in plain.hint


def test_text_that_is_no_number_is_told_so():
    verdict = check(L09, "q1", "about two thirds")
    assert not verdict.correct and "not a number" in verdict.message


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize("answer", ["ফেসবুক", " Facebook ", "FACEBOOK"])
def test_platform_names_in_bengali_or_any_case_are_the_same(answer):
    judge = choice("facebook", options=["facebook", "instagram", "x"])
    assert judge(answer).correct


@pytest.mark.parametrize(
    ("answer", "option"),
    [
        ("ইনস্টাগ্রাম", "instagram"),
        ("ইউটিউব", "youtube"),
        ("টিকটক", "tiktok"),
        ("লিংকডইন", "linkedin"),
        ("এক্স", "x"),
        ("টুইটার", "x"),
        ("Twitter", "x"),
        ("টুইটার", "twitter"),
        ("নকশী ঘর", "Nakshi Ghor"),
        ("নকশি ঘর", "Nakshi Ghor"),
    ],
)
def test_bengali_names_match_their_english_option(answer, option):
    options = [option, "facebook"]
    assert choice(option, options=options)(answer).correct


def test_a_decomposed_bengali_name_matches_a_composed_one():
    composed = "হো\u09dfাটসঅ্যাপ"  # য় as one code point
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    assert choice("whatsapp", options=["whatsapp", "facebook"])(decomposed).correct


def test_bengali_digits_in_an_id_are_the_same_id():
    first = l09.first_to_escalate()
    assert check(L09, "q5", in_bengali_digits(first)).correct


def test_not_one_of_the_options_only_when_the_options_were_shown():
    shown = check(L09, "q3", "rant")
    assert "not one of the options" in shown.message
    unseen = check("03-platforms", "q1", "myspace")
    assert not unseen.correct and "not one of the options" not in unseen.message
    assert "myspace" in unseen.message and unseen.hint


@pytest.mark.parametrize(
    ("lesson", "qid"), [(L09, "q3"), (L09, "q5"), (L10, "q3"), (L09, "q1"), ("03-platforms", "q1")]
)
def test_a_hint_never_prints_a_whole_table(lesson, qid):
    series = pd.Series(range(40), index=[f"label{i}" for i in range(40)])
    for answer in (series, series.to_frame("n")):
        verdict = check(lesson, qid, answer)
        said = f"{verdict.message}\n{verdict.hint}"
        assert not verdict.correct
        assert "label39" not in said and "\n" not in verdict.message
        assert len(verdict.message) < 160


# --------------------------------------------------------------------------- free text


def test_free_text_patterns_match_either_way_of_typing_a_bengali_letter():
    judge = text_elements({"an action": ["বা\u09dcান"]})  # ড় as one code point
    for text in ("ভিডিও বা\u09dcান", "ভিডিও বা\u09a1\u09bcান"):
        assert judge(text).correct, ascii(text)


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_a_bengali_recommendation_is_judged_the_same_in_any_normal_form(form):
    text = unicodedata.normalize(form, "ফেসবুকে ভিডিও ৩০% বা\u09dcান")
    assert check(L10, "q4", text).correct


@pytest.mark.parametrize(
    "reply",
    [
        "We're so sorry for the wait! Please post your phone number and home address below "
        "and we will send the receipt within 24 hours.",
        "Sorry about this. Reply here with your mobile number and we will call you today.",
        "আমরা দুঃখিত। আপনার ফোন নম্বর ও ঠিকানা কমেন্টে লিখুন, আমরা ২৪ ঘণ্টার মধ্যে রসিদ পাঠাব।",
        "দুঃখিত! আপনার মোবাইল নম্বর এখানে দিন, আমরা আজই রসিদ পাঠিয়ে দেব।",
        "আমরা আন্তরিকভাবে দুঃখিত। আপনার বাসার ঠিকানা দিন, আজই রসিদ পাঠাব।",
    ],
)
def test_a_reply_asking_for_personal_details_in_public_fails(reply):
    for text in (reply, unicodedata.normalize("NFD", reply)):
        verdict = check(L09, "q4", text)
        assert not verdict.correct
        assert l09.NO_PUBLIC_DETAILS in verdict.missing
        assert "private" in verdict.hint


@pytest.mark.parametrize(
    "reply",
    [
        "So sorry! Please send us a DM with your phone number and we will call you today.",
        "Sorry for the wait. Please message us privately with your address; we will post the "
        "receipt within 2 days.",
        "আমরা দুঃখিত। দয়া করে ইনবক্সে আপনার ফোন নম্বর দিন, আমরা আজই রসিদ পাঠাব।",
        "We apologise! Our phone number is 01700-000000: call us today, or DM us.",
    ],
)
def test_moving_personal_details_to_a_private_channel_passes(reply):
    assert check(L09, "q4", reply).correct


# --------------------------------------------------------------------------- hidden tests


def test_expect_labels_does_not_name_the_expected_labels():
    with pytest.raises(AssertionError) as failure:
        expect_labels(
            {"facebook": 0.1, "myspace": 0.2}, ["facebook", "tiktok", "youtube"], "er_by_platform"
        )
    said = str(failure.value)
    assert "tiktok" not in said and "youtube" not in said
    assert "2 labels are missing" in said and "'myspace'" in said


def test_expect_close_by_label_does_not_name_the_expected_labels():
    with pytest.raises(AssertionError) as failure:
        expect_close({"facebook": 0.1}, {"facebook": 0.1, "linkedin": 0.3}, "rates")
    assert "linkedin" not in str(failure.value)


def test_expect_labels_compares_bengali_labels_in_nfc():
    composed = "নোয়াখালী".replace("য়", "\u09df")
    decomposed = unicodedata.normalize("NFD", composed)
    expect_labels({decomposed: 1}, [composed], "by_district")
