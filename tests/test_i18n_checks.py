"""Self-checks speak the learner's language: a wrong answer in a Bengali lesson gets its
verdict, message and hint in Bengali (issue 17, "Tests"), and English stays as it was.

Every question of every lesson is tried with a typical wrong answer under
``use_language("bn")``: the verdict it prints carries Bengali and no English sentence of the
checks' own (English is allowed only inside code, quotes and names the learner types).
"""

from __future__ import annotations

import re

import pandas as pd
import pytest
import regex

from smm_helpers import use_language
from smm_helpers.checks import check, lessons, questions
from smm_helpers.checks.asserts import expect_between, expect_close, expect_labels
from smm_helpers.checks.judges import choice, number, same_items, text_elements

BENGALI = regex.compile(r"\p{Bengali}")
QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|“[^”]*”|`[^`]*`|\([^()]*\)")
CODE = re.compile(r"[\w.]+\([^()]*\)|\b\w+_\w+\b|\b\w+\.\w+\b")
PROSE = re.compile(r"\b[A-Za-z]{2,}(?:\s+[A-Za-z]{2,}){2,}\b")
"""Three English words in a row outside quotes and code: a sentence left in English."""

WRONG = [(lesson, qid) for lesson in lessons() for qid in questions(lesson)]
IDS = [f"{lesson}/{qid}" for lesson, qid in WRONG]


def _english_prose(text: str) -> list[str]:
    bare = CODE.sub(" ", QUOTED.sub(" ", text))
    return PROSE.findall(bare)


@pytest.mark.parametrize(("lesson", "qid"), WRONG, ids=IDS)
def test_a_wrong_answer_in_a_bengali_lesson_gets_a_bengali_verdict_and_hint(lesson, qid):
    question = questions(lesson)[qid]
    wrong = question.wrong_answers()
    assert wrong, f"{lesson}/{qid} has no wrong answer to try"
    use_language("bn")
    for answer in wrong[:3]:
        verdict = check(lesson, qid, answer)
        assert not verdict.correct
        shown = str(verdict)
        assert shown.startswith("✗ এখনো হয়নি"), shown
        assert BENGALI.search(verdict.message), shown
        if verdict.hint:
            assert BENGALI.search(verdict.hint), shown
            assert not _english_prose(verdict.hint), shown
        assert not _english_prose(verdict.message), shown
        assert "এখনো হয়নি" in verdict._repr_html_()


@pytest.mark.parametrize(("lesson", "qid"), WRONG, ids=IDS)
def test_every_prompt_reads_in_bengali_and_keeps_its_english(lesson, qid):
    question = questions(lesson)[qid]
    english = question.text()
    assert english == question.prompt
    use_language("bn")
    bengali = question.text()
    assert BENGALI.search(bengali) and bengali != english
    assert question.prompt == english  # the English field does not move


def test_a_right_answer_is_praised_in_bengali_and_english_is_unchanged():
    reference = questions("03-platforms")["q2"].reference_answers()[0]
    english = str(check("03-platforms", "q2", reference))
    assert english == "✓ Well done (03-platforms, q2). That's right."
    use_language("bn")
    bengali = str(check("03-platforms", "q2", reference))
    assert bengali == "✓ ঠিক হয়েছে (03-platforms, q2)। ঠিক বলেছেন।"


def test_an_unanswered_check_and_a_crashing_judge_speak_bengali():
    use_language("bn")
    assert "আপনি এখনো উত্তর দেননি" in str(check("03-platforms", "q2", ...))
    odd = str(check("04-goals-and-plans", "q2", object()))
    assert odd.startswith("✗ এখনো হয়নি") and BENGALI.search(odd.split("\n")[-1])


def test_numbers_in_bengali_messages_use_bengali_digits():
    judge = number(0.68539, places=3, rel_tol=0)
    use_language("bn")
    rounded = judge(0.69)
    assert rounded.hint == (
        "মনে হচ্ছে দশমিকের পর ২ ঘর পর্যন্ত রাউন্ড করা হয়েছে: ২ নয়, দশমিকের পর ৩ ঘর পর্যন্ত রাউন্ড করুন।"
    )
    short = same_items(["facebook", "instagram"])(["facebook"])
    assert short.message == "আপনার তালিকায় ১টি উপাদান আছে; আমি আশা করেছিলাম ২টি।"


def test_free_text_names_what_is_missing_in_bengali():
    judge = text_elements(
        {"a spokesperson": [r"spokesperson"], "an apology": [r"sorry"]}, what="your reply"
    )
    english = judge("We are sorry.")
    assert english.missing == ("a spokesperson",)
    assert english.message == "Your reply covers 1 of 2 things it needs."
    use_language("bn")
    bengali = judge("We are sorry.")
    assert bengali.message == "আপনার উত্তর: দরকারি ২টি বিষয়ের মধ্যে ১টি আছে।"
    assert bengali.missing == ("a spokesperson",)  # no translation: shown as written
    assert judge("আমরা দুঃখিত।").missing == ("a spokesperson",)


def test_a_shown_option_is_accepted_in_either_language():
    judge = choice(
        "not properly disclosed", options=["properly disclosed", "not properly disclosed"]
    )
    assert judge("ঠিকমতো প্রকাশ করা হয়নি").correct
    judge = choice(
        "otherwise moving money would buy more results",
        options=[
            "every platform charges the same",
            "otherwise moving money would buy more results",
        ],
    )
    assert judge("তা না হলে টাকা সরালে আরও বেশি ফলাফল পাওয়া যেত").correct
    assert not judge("সব প্ল্যাটফর্মের দাম সমান").correct


def test_assertion_messages_of_assignments_speak_bengali():
    use_language("bn")
    with pytest.raises(AssertionError) as failure:
        expect_between(3.1, 0, 1, "rate")
    assert str(failure.value) == (
        "✗ এখনো হয়নি (rate)। এটি ০ থেকে ১-এর মধ্যে হওয়ার কথা, "
        "কিন্তু এটি ৩.১।\nইঙ্গিত: এটি শতাংশের মতো দেখাচ্ছে: হারটি "
        "ভগ্নাংশে দিন (যেমন ৫%-এর জন্য 0.05)।"
    )
    with pytest.raises(AssertionError) as failure:
        expect_labels({"facebook": 0.1, "myspace": 0.3}, ["x", "tiktok", "facebook"], "r")
    assert "২টি লেবেল নেই, আর ১টি থাকার কথা নয় ('myspace')" in str(failure.value)
    with pytest.raises(AssertionError) as failure:
        expect_close(pd.Series({"x": 0.1}), {"x": 0.2}, "rates")
    assert "আপনার ডেটা থেকে হিসাব করা মানের সঙ্গে মেলে না" in str(failure.value)


def test_english_verdicts_are_byte_identical_to_before():
    verdict = check("03-platforms", "q1", "myspace")
    assert str(verdict) == (
        "✗ Not yet (03-platforms, q1). I don't recognise 'myspace' as an "
        "answer to this question.\nHint: Check the spelling, and write the "
        "name as the lesson does (English or Bengali)."
    )
    with pytest.raises(AssertionError) as failure:
        expect_between(3.1, 0, 1, "rate")
    assert str(failure.value) == (
        "✗ Not yet (rate). It should be between 0 and 1, but it is "
        "3.1.\nHint: That looks like a percentage: give the rate as a "
        "fraction (e.g. 0.05 for 5%)."
    )
