"""The inbox triage, the A/B test, best times and the metrics' errors speak Bengali on request.

With ``use_language("bn")`` a learner reads the verdicts, reasons, urgency and numbers in
Bengali (digits ০–৯); the data (category ids, urgency labels, reply templates chosen by
``language=``) stays as it is, and English output is exactly what it was.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from smm_helpers import use_language
from smm_helpers.community import (
    classify_message,
    evaluate_classifier,
    reply_template,
    response_time_report,
    triage,
)
from smm_helpers.errors import DataError, InputError
from smm_helpers.metrics import best_time_table, flag_anomalies
from smm_helpers.metrics.abtest import ab_test

LATIN_DIGITS = re.compile(r"[0-9]")
BENGALI = re.compile(r"[\u0980-\u09ff]")


def _posts() -> pd.DataFrame:
    times = ["2026-11-22 09:10"] * 3 + ["2026-11-23 18:00"] * 3 + ["2026-11-24 07:00"]
    return pd.DataFrame(
        {
            "published_at": pd.to_datetime(times).tz_localize("Asia/Dhaka"),
            "reach": [100] * 7,
            "reactions": [5, 6, 7, 1, 2, 3, 90],
            "comments": [0] * 7,
            "shares": [0] * 7,
            "saves": [0] * 7,
        }
    )


def test_a_triage_reads_in_bengali_with_bengali_digits_and_keeps_its_data():
    use_language("bn")
    result = classify_message("Where is your shop?", model=False)
    text = str(result)
    assert text.splitlines()[0] == "প্রশ্ন (প্রমাণের ৭৫%, ভাষা en, জরুরিভাব: স্বাভাবিক)"
    assert "প্রশ্নবাচক শব্দ (wh-word) দিয়ে শুরু" in text
    assert not LATIN_DIGITS.search(text)
    assert result.category == "question" and result.urgency_label == "normal"  # data as before
    assert "প্রশ্ন" in result._repr_html_() and "স্কোর:" in result._repr_html_()


def test_urgency_and_safety_reasons_are_bengali_whatever_the_message_language():
    use_language("bn")
    for message in (
        "My son's photo is on your page, remove it",
        "আমার ছেলের ছবি আপনাদের পেজে, সরিয়ে দিন",
        "amar chheler chobi remove koren",
    ):
        result = classify_message(message, model=False)
        assert result.urgency == 3
        assert result.urgency_reasons[0].startswith("শিশুর ছবি বা ভিডিও: শিশুর নিরাপত্তার বিষয়")
        assert "জরুরিভাব: সংকটজনক" in str(result)


def test_a_triage_without_a_cue_says_so_in_bengali_and_cue_matched_still_works():
    use_language("bn")
    result = classify_message("See you on Friday", model=False)
    assert not result.cue_matched
    assert "কোনো সংকেত মেলেনি" in str(result)
    assert classify_message("Where is your shop?", model=False).cue_matched


def test_the_models_line_is_bengali_and_is_not_counted_as_a_cue():
    use_language("bn")
    result = classify_message("See you on Friday")
    assert result.reasons[-1].startswith("মডেল: ")
    assert not result.cue_matched
    english = classify_message("See you on Friday")
    use_language("en")
    assert classify_message("See you on Friday").reasons[-1].startswith("model: ")
    assert english.category == classify_message("See you on Friday").category


def test_the_escalation_reason_and_triage_table_are_bengali():
    use_language("bn")
    inbox = pd.DataFrame({"text": ["Refund please, it broke", "taka ferot chai"]})
    table = triage(inbox, model=False)
    assert list(table["urgency_label"]) == ["high", "high"]  # labels are data
    assert all(BENGALI.search(reasons) for reasons in table["reasons"])


def test_the_ab_test_explains_itself_in_bengali_and_unchanged_in_english():
    english = str(ab_test(30, 1000, 45, 1000))
    use_language("bn")
    bengali = str(ab_test(30, 1000, 45, 1000))
    assert bengali.splitlines()[0] == (
        "ভ্যারিয়েন্ট B-এর ক্লিক রেট (৪.৫%) ভ্যারিয়েন্ট A-এর (৩.০%) চেয়ে ১.৫ শতাংশ পয়েন্ট বেশি।"
    )
    assert "৯৫% নিশ্চিত" in bengali and "কাকতালীয়" in bengali
    assert not LATIN_DIGITS.search(bengali.replace("B", "").replace("A", ""))
    html = ab_test(30, 1000, 60, 1000)._repr_html_()
    assert "কাকতালীয় নয়" in html and "<th>সফল</th>" in html and "১,০০০" in html
    use_language("en")
    assert str(ab_test(30, 1000, 45, 1000)) == english
    assert english.startswith("Variant B's click rate (4.5%) is 1.5 percentage points higher")


def test_a_custom_ab_label_is_kept_as_written():
    use_language("bn")
    assert "সাইন-আপ রেট" in str(ab_test(3, 100, 5, 100, label="সাইন-আপ রেট"))


def test_best_times_show_bengali_weekdays_and_digits():
    use_language("bn")
    table = best_time_table(_posts(), min_posts=3)
    text = repr(table)
    assert "রবিবার ০৯:০০ (৬.০০%, ৩টি পোস্ট)" in text
    assert "১৬৮টি সময়ের ঘরের মধ্যে ২টিতে" in text
    assert "পোস্টের সেরা সময়" in table._repr_html_()
    assert list(table.best()["weekday"]) == ["Sunday", "Monday"]  # the data stays English


@pytest.mark.parametrize(
    "call",
    [
        lambda: ab_test(30, 20, 45, 1000),
        lambda: ab_test(3, 100, 5, 100, confidence=95),
        lambda: best_time_table(_posts(), metric="likes"),
        lambda: flag_anomalies(pd.Series([1.0, 2.0, 3.0]), window=1),
        lambda: reply_template("spam"),
        lambda: reply_template("complaint", name="Rina"),
        lambda: classify_message("   "),
        lambda: response_time_report(
            pd.DataFrame(
                columns=["message_id", "platform", "category", "received_at", "responded_at"]
            ),
            sla_hours=0,
        ),
    ],
)
def test_errors_teach_in_bengali(call):
    with pytest.raises((InputError, DataError)) as english:
        call()
    use_language("bn")
    with pytest.raises((InputError, DataError)) as caught:
        call()
    problem, fix = str(caught.value).split("\n")
    assert fix.startswith("কীভাবে ঠিক করবেন: ") and BENGALI.search(fix.split(": ", 1)[1])
    assert BENGALI.search(problem), problem
    english_problem = str(english.value).split("\n")[0]
    assert problem != english_problem and problem.rstrip("।") != english_problem.rstrip(".")


def test_the_reply_template_keeps_the_language_asked_for():
    use_language("bn")
    english = reply_template("praise", name="Rina", topic="the workshop")
    assert english.startswith("Thank you so much, Rina!")
    assert reply_template("other", language="bn", name="রিনা", hours="সকাল ৯টা–রাত ৯টা").startswith(
        "মেসেজের জন্য ধন্যবাদ, রিনা!"
    )


def test_the_classifier_report_and_response_report_are_bengali():
    use_language("bn")
    tiny = pd.DataFrame(
        {
            "text": ["Where is the shop?", "thank you!", "ok"],
            "category": ["question", "praise", "complaint"],
        }
    )
    report = evaluate_classifier(tiny, split=None, model=False)
    assert str(report).startswith("৩টি মেসেজ, নির্ভুলতা ৬৭%")
    inbox = pd.DataFrame(
        {
            "message_id": ["m1", "m2"],
            "platform": ["facebook"] * 2,
            "category": ["question"] * 2,
            "received_at": pd.to_datetime(["2026-11-01 09:00", "2026-11-03 10:00"]),
            "responded_at": pd.to_datetime(["2026-11-01 11:00", None]),
        }
    )
    html = response_time_report(inbox, business_hours=(9, 18))._repr_html_()
    assert "সার্ভিস লেভেল: <b>২৪ ঘণ্টার</b> মধ্যে উত্তর" in html
    assert "অফিস সময় ৯:০০–১৮:০০, রবি–বৃহস্পতি" in html


def test_a_recommendation_explains_and_advises_in_bengali():
    from smm_helpers.platforms import recommend_platforms

    english = recommend_platforms(kind="b2b", goals=["recruitment"])
    english_text = (english.explain("LinkedIn"), english.advice, str(english))
    use_language("bn")
    rec = recommend_platforms(kind="b2b", goals=["recruitment"])
    explained = rec.explain("লিংকডইন")
    assert explained.splitlines()[0] == "৬টির মধ্যে লিংকডইন আছে ১ নম্বরে, ৬.৫৩ পয়েন্ট নিয়ে:"
    assert "পেশাজীবী অডিয়েন্সের প্রয়োজনে পেশাজীবী অডিয়েন্সের মিল ১/১" in explained
    assert "লক্ষ্যের সঙ্গে মিল নিয়োগ ৩/৩ (কোর্সের বিচার)" in explained
    assert rec.advice.startswith("সপ্তাহে ৫ ঘণ্টা থাকলে মনোযোগ দিন ২টি প্ল্যাটফর্মে: লিংকডইন (২ ঘণ্টা)")
    assert "মেসেঞ্জার ও হোয়াটসঅ্যাপ মানুষের উত্তর দেওয়ার জায়গা" in rec.advice
    assert "<th>ক্রম</th>" in rec._repr_html_()
    assert rec.ranking[0] == "linkedin"  # ids stay data
    use_language("en")
    again = recommend_platforms(kind="b2b", goals=["recruitment"])
    assert (again.explain("LinkedIn"), again.advice, str(again)) == english_text


def test_a_helpdesk_plan_answers_messages_first_in_bengali():
    from smm_helpers.platforms import recommend_platforms

    use_language("bn")
    rec = recommend_platforms(kind="small business", goals=["support", "sales"], hours_per_week=6)
    assert rec.advice.startswith(
        "সপ্তাহে ৬ ঘণ্টা থাকলে আগে মেসেঞ্জার (২ ঘণ্টা) ও হোয়াটসঅ্যাপ (১.৫ ঘণ্টা)-এ মেসেজের উত্তর দিন"
    )


def test_a_platform_profile_shows_itself_in_bengali():
    from smm_helpers.platforms import get_platform

    english = str(get_platform("facebook"))
    use_language("bn")
    shown = str(get_platform("facebook"))
    assert shown.splitlines()[0] == "ফেসবুক (facebook)"
    assert "অডিয়েন্স: বয়স ২৫–৫৪, সাধারণ, বাংলাদেশে শক্তি ১/১ [সূত্রসহ]" in shown
    assert "effort: ৩ ঘণ্টা প্রতি সপ্তাহে [কোর্সের আনুমানিক হিসাব:" in shown
    assert "পোস্টিং পরামর্শ: দিনে ১–২টি পোস্ট" in shown
    assert "মেসেজিং চ্যানেল" in str(get_platform("whatsapp"))
    use_language("en")
    assert str(get_platform("facebook")) == english
    assert english.splitlines()[2] == (
        "  audience: ages 25–54, general, Bangladesh strength 1/1 [SOURCED]"
    )


@pytest.mark.parametrize(
    "call",
    [
        lambda: __import__("smm_helpers.platforms").platforms.recommend_platforms(
            kind="nonprofit", goals=[]
        ),
        lambda: __import__("smm_helpers.platforms").platforms.recommend_platforms(
            kind="nonprofit",
            weights={"goal": 0, "audience": 0, "format": 0, "cost": 0, "effort": 0},
        ),
        lambda: (
            __import__("smm_helpers.platforms")
            .platforms.recommend_platforms(kind="b2b")
            .explain("Messenger")
        ),
        lambda: __import__("smm_helpers.platforms").platforms.OrgProfile(
            kind="nonprofit", ages=(40, 20)
        ),
    ],
)
def test_platform_errors_teach_in_bengali(call):
    with pytest.raises(InputError) as english:
        call()
    use_language("bn")
    with pytest.raises(InputError) as caught:
        call()
    problem, fix = str(caught.value).split("\n")
    assert BENGALI.search(problem) and BENGALI.search(fix.split(": ", 1)[1])
    assert problem != str(english.value).split("\n")[0]
