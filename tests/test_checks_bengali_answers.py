"""Every self-check takes an answer written the Bengali way: right ones pass, wrong ones fail.

The table below has, for every question of every lesson, a right answer as a Bengali learner
would type it (Bengali digits, lakh grouping, ৳ and টাকা, %, Bengali names of platforms,
clients, weekdays and months, a Bengali form of an option, Bengali free text) and a wrong
one, which must fail with a hint.  Right values are computed by the lessons' own functions,
never typed in, so the table follows the data.  Below the table: the cases the Bengali
translators reported, and the reading rules one by one.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from babel.dates import get_day_names, get_month_names

from smm_helpers import ethics
from smm_helpers.checks import check, lessons, questions
from smm_helpers.checks.by_lesson import l00_orientation as l00
from smm_helpers.checks.by_lesson import l01_why_social_media as l01
from smm_helpers.checks.by_lesson import l02_the_managers_job as l02
from smm_helpers.checks.by_lesson import l03_platforms as l03
from smm_helpers.checks.by_lesson import l04_goals_and_plans as l04
from smm_helpers.checks.by_lesson import l05_policy as l05
from smm_helpers.checks.by_lesson import l06_budget as l06
from smm_helpers.checks.by_lesson import l07_content as l07
from smm_helpers.checks.by_lesson import l08_scheduling as l08
from smm_helpers.checks.by_lesson import l09_community as l09
from smm_helpers.checks.by_lesson import l10_analytics_and_reporting as l10
from smm_helpers.checks.by_lesson import l11_ethics as l11
from smm_helpers.checks.by_lesson import l12_capstone as l12
from smm_helpers.checks.judges import choice, number
from smm_helpers.checks.reading import (
    in_bengali_digits,
    parse_words,
    read_amount,
    read_clock,
    read_date,
    read_slot,
    read_weekday,
)
from smm_helpers.errors import DataError

bn = in_bengali_digits
Answer = Any | Callable[[], Any]

BN_WEEKDAYS = ("সোমবার", "মঙ্গলবার", "বুধবার", "বৃহস্পতিবার", "শুক্রবার", "শনিবার", "রবিবার")


def lakh(value: float) -> str:
    """A whole number in Bengali digits, grouped the lakh way: ১২,৩৪,৫৬৭."""
    digits = str(round(value))
    head, tail = digits[:-3], digits[-3:]
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    return bn(",".join([g for g in (head, *groups) if g] + [tail]))


def bn_date(day: date) -> str:
    """A date as a Bengali learner writes it: ৩০ নভেম্বর ২০২৭."""
    month = get_month_names("wide", locale="bn")[day.month]
    return f"{bn(day.day)} {month} {bn(day.year)}"


# (lesson, question, a right answer written the Bengali way, a wrong one)
TABLE: list[tuple[str, str, Answer, Answer]] = [
    (
        "00-orientation",
        "q1",
        lambda: bn(l00.instagram_posts_of_alo()) + "টি",
        lambda: bn(len(l00._posts("nonprofit"))),
    ),
    ("00-orientation", "q2", "নকশী ঘর", "আলো পাঠচক্র"),
    (
        "00-orientation",
        "q3",
        lambda: lakh(l00.median_facebook_reach_of_alo()) + " জন",
        lambda: bn(round(float(l00._posts("nonprofit", "facebook")["reach"].mean()))),
    ),
    (
        "00-orientation",
        "q4",
        lambda: {
            "tiktok": "টিকটকে",
            "facebook": "ফেসবুকে",
            "instagram": "ইনস্টাগ্রামে",
            "youtube": "ইউটিউবে",
        }.get(l00.top_reach_platform_of_nakshi(), l00.top_reach_platform_of_nakshi()),
        lambda: "ফেসবুক" if l00.top_reach_platform_of_nakshi() != "facebook" else "এক্স",
    ),
    (
        "01-why-social-media",
        "q1",
        lambda: bn(f"{100 * l01.median_organic_reach_share():.2f}%"),
        "০.০৪",
    ),
    (
        "01-why-social-media",
        "q2",
        lambda: "৳" + bn(f"{l01.cost_per_thousand_reached():.2f}"),
        lambda: bn(f"{l01.cost_per_thousand_reached() / 1000:.4f}") + " টাকা",
    ),
    (
        "01-why-social-media",
        "q3",
        "উৎস আছে, কিন্তু কেবল ২০০৮ সালের যুক্তরাষ্ট্রের সবচেয়ে বড় দাতব্য সংস্থাগুলোর জন্য",
        "যাচাই করা অসম্ভব",
    ),
    (
        "01-why-social-media",
        "q4",
        "স্বেচ্ছাসেবক আর দাতারা ফেসবুকে আলোর সঙ্গে যুক্ত থাকেন এবং পোস্ট শেয়ার করে নতুন মানুষের "
        "কাছে পৌঁছে দেন। পত্রিকার বিজ্ঞাপনের তুলনায় এতে খরচও অনেক কম।",
        "ফেসবুক সস্তা।",
    ),
    (
        "02-the-managers-job",
        "q1",
        lambda: "$" + lakh(l02.exercise_quote().expected),
        lambda: bn(f"{l02._weekly():.0f}") + " ডলার",
    ),
    ("02-the-managers-job", "q2", "ডেটা বিশ্লেষণ ও রিপোর্ট", "যোগাযোগ"),
    (
        "02-the-managers-job",
        "q3",
        [
            "প্ল্যাটফর্ম বাছাই",
            "পরিকল্পনা",
            "বাজেট তৈরি",
            "কনটেন্ট তৈরি ও প্রচার",
            "পোস্টের সময়সূচি ঠিক করা",
            "যোগাযোগ",
            "ডেটা বিশ্লেষণ আর রিপোর্ট",
        ],
        [
            "পরিকল্পনা",
            "প্ল্যাটফর্ম বাছাই",
            "বাজেট তৈরি",
            "কনটেন্ট",
            "সময়সূচি",
            "যোগাযোগ",
            "ডেটা বিশ্লেষণ ও রিপোর্ট",
        ],
    ),
    (
        "02-the-managers-job",
        "q4",
        ["ভুয়া ট্রাফিক", "ভুল তথ্য", "ব্ল্যাক-হ্যাট এসইও"],
        ["ভুল তথ্য", "ভুয়া ট্রাফিক", "পোস্ট বুস্ট করা"],
    ),
    (
        "03-platforms",
        "q1",
        lambda: {
            "linkedin": "লিংকডইন",
            "facebook": "ফেসবুক",
            "x": "এক্স",
            "instagram": "ইনস্টাগ্রাম",
        }.get(l03.first_for_volunteer_drive(), l03.first_for_volunteer_drive()),
        lambda: "ফেসবুক" if l03.first_for_volunteer_drive() != "facebook" else "টিকটক",
    ),
    (
        "03-platforms",
        "q2",
        lambda: bn(l03.focus_count(l03.FEW_HOURS)) + "টি",
        lambda: bn(l03.focus_count(l03.ALO.hours_per_week)) + "টি",
    ),
    (
        "03-platforms",
        "q3",
        lambda: {
            "tiktok": "টিকটক",
            "facebook": "ফেসবুক",
            "instagram": "ইনস্টাগ্রাম",
            "youtube": "ইউটিউব",
        }.get(l03.best_median_er_reach(), l03.best_median_er_reach()),
        lambda: "ফেসবুক" if l03.best_median_er_reach() != "facebook" else "এক্স",
    ),
    (
        "03-platforms",
        "q4",
        "আমি ইনস্টাগ্রাম দিয়ে শুরু করব, কারণ ঢাকার বিশ্ববিদ্যালয়ের শিক্ষার্থীরা সেখানে সক্রিয় আর "
        "তাদের মধ্য থেকেই স্বেচ্ছাসেবক দরকার। আমরা রিল আর ক্যারোসেলে একজন স্বেচ্ছাসেবকের একটি দিন "
        "দেখাব।",
        "ফেসবুক সবচেয়ে ভালো।",
    ),
    (
        "04-goals-and-plans",
        "q1",
        "৩১ ডিসেম্বর ২০২৭-এর মধ্যে ফেসবুকে অভিভাবকদের কাছ থেকে ৫০,০০০ টাকা অনুদান সংগ্রহ করা, "
        "যাতে পাঠচক্রের জন্য বই কেনা যায়",
        "ফেসবুকে আরও ফলোয়ার পাওয়া",
    ),
    ("04-goals-and-plans", "q2", "সময়সীমাবদ্ধ", "পরিমাপযোগ্য"),
    (
        "04-goals-and-plans",
        "q3",
        lambda: bn(f"{l04.response_rate_gap():.3f}").replace("-", "−"),
        lambda: bn(f"{-l04.response_rate_gap():.3f}"),
    ),
    ("04-goals-and-plans", "q4", "অনুদান", "ফলোয়ার"),
    ("05-policy", "q1", lambda: l05._ALO_POLICY_BN, "সবাই অনলাইনে ভদ্র থাকবেন।"),
    ("05-policy", "q2", "মন্তব্য ও মেসেজের উত্তর", "গোপনীয়তা"),
    ("05-policy", "q3", "নির্ধারিত উত্তরদাতারা", "শুধু পরিচালক"),
    ("05-policy", "q4", "৬০০ শব্দ", "৩০০"),
    (
        "06-budget",
        "q1",
        lambda: bn(f"{l06.campaign_roi():.2f}"),
        lambda: bn(f"{l06.campaign_roi() + 1:.2f}"),
    ),
    (
        "06-budget",
        "q2",
        lambda: bn(l06.sales_to_break_even()) + "টি বিক্রি",
        lambda: bn(l06.sales_to_break_even() - 1) + "টি",
    ),
    (
        "06-budget",
        "q3",
        lambda: {"instagram": "ইনস্টাগ্রাম", "facebook": "ফেসবুক", "youtube": "ইউটিউব"}[
            l06.biggest_share()
        ],
        lambda: "ইউটিউব" if l06.biggest_share() != "youtube" else "ফেসবুক",
    ),
    ("06-budget", "q4", "নইলে টাকা সরিয়ে আরও বেশি ফল পাওয়া যেত", "বাজেট সমান ভাগে ভাগ করা হয়েছে"),
    ("07-content", "q1", lambda: bn(l07.x_length()), lambda: bn(len(l07.EXERCISE_POST))),
    (
        "07-content",
        "q2",
        lambda: {
            "instagram": "ইনস্টাগ্রাম",
            "facebook": "ফেসবুক",
            "linkedin": "লিংকডইন",
            "tiktok": "টিকটক",
        }[l07.broken_by_caption()[0]],
        lambda: "ফেসবুক" if "facebook" not in l07.broken_by_caption() else "টিকটক",
    ),
    (
        "07-content",
        "q3",
        "শুভ নববর্ষ! আলো পাঠচক্রের বইমেলায় আসুন, শিশুদের জন্য গল্প আর বিনামূল্যে বই। "
        "https://example.org/alo/boishakh-book-fair #পহেলা_বৈশাখ",
        "শুভ নববর্ষ! আলো পাঠচক্রের বইমেলায় আসুন। #পহেলা_বৈশাখ",
    ),
    (
        "07-content",
        "q4",
        lambda: {
            "short_video": "শর্ট ভিডিও",
            "image": "ছবি",
            "video": "ভিডিও",
            "carousel": "ক্যারোসেল",
        }.get(l07.best_instagram_format(), l07.best_instagram_format()),
        lambda: "লিংক" if l07.best_instagram_format() != "link" else "ছবি",
    ),
    (
        "07-content",
        "q5",
        lambda: bn(l07.hashtag_count()) + "টি",
        lambda: bn(l07.HASHTAG_CAPTION.count("#")),
    ),
    (
        "08-scheduling",
        "q1",
        lambda: (
            f"{BN_WEEKDAYS[l08.WEEKDAY_NAMES.index(l08.best_instagram_slot()[0])]} "
            f"{bn(f'{l08.best_instagram_slot()[1]:02d}')}:০০"
        ),
        lambda: f"{BN_WEEKDAYS[l08.WEEKDAY_NAMES.index(l08.SPROUT_INSTAGRAM[0])]} সকাল ১১টা",
    ),
    (
        "08-scheduling",
        "q2",
        lambda: bn_date(l08.giving_tuesday_answer()),
        lambda: bn_date(l08._thanksgiving()),
    ),
    (
        "08-scheduling",
        "q3",
        lambda: bn(l08.q3_posts()) + "টি পোস্ট",
        lambda: bn(sum(l08.Q3_POSTS_PER_WEEK.values())),
    ),
    (
        "08-scheduling",
        "q4",
        "বিশেষ দিনের কথা আগেই জানা থাকে, তাই আগে থেকে পোস্টের ডিজাইন আর লেখা তৈরি করে অনুমোদন নেওয়া "
        "যায়। শেষ মুহূর্তে তাড়াহুড়ো করলে পোস্ট দেরিতে যায়, অথচ সেদিনই অনুসারীদের আগ্রহ আর "
        "এনগেজমেন্ট সবচেয়ে বেশি থাকে।",
        "আগে থেকে পোস্ট শিডিউল করা ভালো।",
    ),
    (
        "09-community",
        "q1",
        lambda: bn(f"{100 * l09.nonprofit_response_rate():.1f}%"),
        lambda: bn(f"{1 - l09.nonprofit_response_rate():.3f}"),
    ),
    (
        "09-community",
        "q2",
        lambda: bn(f"{l09.nonprofit_median_hours():.1f}") + " ঘণ্টা",
        lambda: bn(f"{l09.nonprofit_median_hours():.1f}") + " দিন",
    ),
    ("09-community", "q3", "অভিযোগ", "প্রশংসা"),
    (
        "09-community",
        "q4",
        "আপনার রসিদ পেতে দেরি হওয়ায় আমরা সত্যিই দুঃখিত। অনুগ্রহ করে আমাদের ইনবক্সে মেসেজ দিন, "
        "আজকের মধ্যেই আমরা রসিদ পাঠিয়ে দেব।",
        "আমরা দুঃখিত, বিষয়টি দেখছি।",
    ),
    (
        "09-community",
        "q5",
        lambda: bn(l09.first_to_escalate()),
        lambda: bn("m5" if l09.first_to_escalate() != "m5" else "m1"),
    ),
    (
        "10-analytics-and-reporting",
        "q1",
        lambda: bn(f"{100 * l10.q1_expected():.2f}%"),
        lambda: bn(f"{l10._q1_mistakes()['by_impressions']:.4f}"),
    ),
    (
        "10-analytics-and-reporting",
        "q2",
        lambda: {
            l10.AB_OPTIONS[0]: "বি ভালো, আর পার্থক্যটা কাকতালীয় হওয়ার সম্ভাবনা কম",
            l10.AB_OPTIONS[1]: "বি ভালো দেখাচ্ছে, কিন্তু পার্থক্যটা কাকতালীয় হতে পারে",
            l10.AB_OPTIONS[2]: "এ ভালো",
        }[l10.ab_correct()],
        lambda: "এ ভালো" if l10.ab_correct() != l10.AB_OPTIONS[2] else "বি ভালো দেখাচ্ছে",
    ),
    (
        "10-analytics-and-reporting",
        "q3",
        lambda: bn_date(date.fromisoformat(l10.q3_correct())),
        lambda: bn(l10.q3_wrong()[0]),
    ),
    (
        "10-analytics-and-reporting",
        "q4",
        "ইনস্টাগ্রামে সপ্তাহে আরও দুটি রিল পোস্ট করুন, কারণ রিলের এনগেজমেন্ট রেট ছিল ৫.৪%।",
        "ইনস্টাগ্রাম ভালো চলছে।",
    ),
    (
        "10-analytics-and-reporting",
        "q5",
        "রাইভাল আইকিউ ফলোয়ার দিয়ে ভাগ করে, আমরা রিচ দিয়ে ভাগ করেছি",
        "আমাদের পোস্ট গড় কোম্পানির চেয়ে অনেক ভালো",
    ),
    (
        "11-ethics",
        "q1",
        lambda: {
            l11.DISCLOSURE_OPTIONS[0]: "ঠিকভাবে প্রকাশ করা হয়েছে",
            l11.DISCLOSURE_OPTIONS[1]: "ঠিকমতো প্রকাশ করা হয়নি।",
        }[l11.disclosure_correct()],
        lambda: {
            l11.DISCLOSURE_OPTIONS[1]: "ঠিকভাবে প্রকাশ করা হয়েছে",
            l11.DISCLOSURE_OPTIONS[0]: "ঠিকভাবে প্রকাশ করা হয় নি",
        }[l11.disclosure_correct()],
    ),
    (
        "11-ethics",
        "q2",
        "পেইড পার্টনারশিপ: নকশী ঘর আমাকে এই কাঁথাটি বিনামূল্যে দিয়েছে।",
        "আমার নতুন কাঁথা এসেছে! #ঈদ",
    ),
    (
        "11-ethics",
        "q3",
        lambda: bn_date(l11.spike_day().date()),
        lambda: bn_date((l11.spike_day() + __import__("pandas").Timedelta(days=1)).date()),
    ),
    (
        "11-ethics",
        "q4",
        lambda: {"parents": "অভিভাবক", "children": "শিশু", "fans": "ফ্যান", "friday": "শুক্রবার"}[
            l11.claim_correct()[0]
        ],
        lambda: "শুক্রবার" if "friday" not in l11.claim_correct() else "শিশু",
    ),
    (
        "11-ethics",
        "q5",
        lambda: bn(f"{l11.q5_rates()['after']:.5f}"),
        lambda: bn(f"{l11.q5_rates()['before']:.5f}"),
    ),
    (
        "12-capstone",
        "q1",
        "৩০ এপ্রিল ২০২৬-এর মধ্যে ইনস্টাগ্রামে ফলোয়ার ১২,০০০ থেকে ১২,৯০০-তে নেওয়া, যাতে নতুন স্বেচ্ছাসেবক পাওয়া যায়",
        "ইনস্টাগ্রামে আরও ফলোয়ার পাওয়া",
    ),
    (
        "12-capstone",
        "q2",
        lambda: l12._calendar(posts_per_week=4, language="bn"),
        "ফেব্রুয়ারির চার সপ্তাহের ক্যালেন্ডার",
    ),
    ("12-capstone", "q3", lambda: l12._split_references()[0], "৳১০,০০০ ফেসবুক আর ইনস্টাগ্রামে"),
    (
        "12-capstone",
        "q4",
        "ফেসবুক আর ইনস্টাগ্রাম রাখুন। ডিসেম্বরে মেসেজের উত্তর দিতে গড়ে ১৪ ঘণ্টা লেগেছে, তাই শুক্র ও "
        "শনিবারের জন্য উত্তর দেওয়ার একটি রোস্টার করুন। ১০,০০০ টাকার বাজেট ফেসবুকে ৬,০০০ আর "
        "ইনস্টাগ্রামে ৪,০০০ টাকা করে খরচ করুন। চার সপ্তাহ পরে মার্চে আবার পর্যালোচনা করব।",
        "আরও বেশি পোস্ট করুন।",
    ),
]
IDS = [f"{lesson}/{qid}" for lesson, qid, _, _ in TABLE]


def value(answer: Answer) -> Any:
    return answer() if callable(answer) else answer


def test_every_question_has_a_bengali_row() -> None:
    asked = {(lesson, qid) for lesson in lessons() for qid in questions(lesson)}
    assert asked == {(lesson, qid) for lesson, qid, _, _ in TABLE}


@pytest.mark.parametrize(("lesson", "qid", "right", "wrong"), TABLE, ids=IDS)
def test_a_right_answer_written_the_bengali_way_passes(lesson, qid, right, wrong) -> None:
    answer = value(right)
    verdict = check(lesson, qid, answer)
    assert verdict.correct, (answer, str(verdict))
    if isinstance(answer, str):  # however the Bengali was typed
        assert check(lesson, qid, unicodedata.normalize("NFD", answer)).correct


@pytest.mark.parametrize(("lesson", "qid", "right", "wrong"), TABLE, ids=IDS)
def test_a_wrong_answer_written_the_bengali_way_fails_with_a_hint(
    lesson, qid, right, wrong
) -> None:
    answer = value(wrong)
    verdict = check(lesson, qid, answer)
    assert not verdict.correct, answer
    assert verdict.hint or verdict.missing, str(verdict)
    assert "could not check" not in verdict.message


# --------------------------------------------------------------------------- the translators'


def test_the_translators_reports_now_pass() -> None:
    assert check("05-policy", "q4", "৬০০").correct
    five = check("07-content", "q5", "৪")  # read as 4: wrong, with the lesson's own hint
    assert "text" not in five.message and five.hint
    assert check("07-content", "q5", bn(l07.hashtag_count())).correct
    assert read_slot("মঙ্গলবার ০৯:০০") == (1, 9, 0)
    assert "could not read" not in check("08-scheduling", "q1", "মঙ্গলবার ০৯:০০").message
    assert check("08-scheduling", "q2", "২০২৭-১১-৩০").correct
    assert check("08-scheduling", "q2", "৩০ নভেম্বর ২০২৭").correct
    assert ethics.unsourced_claims("৪% ফ্যানের কাছে পৌঁছেছিল (M+R Benchmarks, ২০২০)।") == []
    assert ethics.unsourced_claims("৪% ফ্যানের কাছে পৌঁছেছিল (জরিপ, ১৯৯৯)।") == []
    assert ethics.unsourced_claims("৪% ফ্যানের কাছে পৌঁছেছিল (অনেকে বলেন)।")


def test_the_bengali_lessons_sentence_names_are_read() -> None:
    assert check("11-ethics", "q4", "(parents)").correct == ("parents" in l11.claim_correct())


# --------------------------------------------------------------------------- reading numbers


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        ("৬০০", 600, None),
        ("১,২৩,৪৫৬", 123456, None),
        ("১২,৩৪,৫৬৭.৫", 1234567.5, None),
        ("1,234,567", 1234567, None),
        ("১২.৫%", 12.5, "percent"),
        ("১২.৫ শতাংশ", 12.5, "percent"),
        ("৳ ১,২০০", 1200, "BDT"),
        ("১২০০ টাকা", 1200, "BDT"),
        ("Tk. 1200", 1200, "BDT"),
        ("$১,২০০", 1200, "USD"),
        ("৪টি", 4, "count"),
        ("৬০০টি শব্দ", 600, "count"),
        ("১৩.৩ ঘন্টা", 13.3, "hours"),
        ("−০.০৭১", -0.071, None),
        ("০ দশমিক ৫", 0.5, None),
        (" ৬০০। ", 600, None),
        ("শতকরা ১২.৫", 12.5, "percent"),
    ],
)
def test_numbers_are_read_in_bengali(text: str, number: float, unit: str | None) -> None:
    amount = read_amount(text)
    assert amount is not None and amount.value == pytest.approx(number) and amount.unit == unit


@pytest.mark.parametrize("text", ["১২,৩৪", "৬০০ অথবা ৭০০", "অনেক", "৩ মাস", "২০২৭-১১-৩০", "$১২০০ টাকা"])
def test_text_that_is_not_one_number_is_not_read(text: str) -> None:
    assert read_amount(text) is None


def test_a_percentage_answers_a_fraction_question() -> None:
    judge = number(0.125, what="a fraction")
    assert judge("১২.৫%").correct and judge("০.১২৫").correct
    assert not judge("১২.৫").correct


def test_an_answer_in_another_unit_is_told_which_unit_is_wanted() -> None:
    verdict = check("01-why-social-media", "q2", "$৫০")
    assert not verdict.correct and "taka" in verdict.hint
    hours = check("09-community", "q2", "৮০০ মিনিট")
    assert not hours.correct and "in minutes" in hours.message and "hours" in hours.hint
    plain = number(5, what="a whole number")("৫ ঘণ্টা")
    assert not plain.correct and "without a unit" in plain.hint


def test_a_bad_row_in_the_word_table_is_named_with_its_line() -> None:
    with pytest.raises(DataError) as error:
        parse_words("kind,word,means,note\nname,ফেসবুক,facebook,\nweekday,সোম,monday,\n")
    assert error.value.line == 3 and error.value.column == "kind"


# --------------------------------------------------------------------------- names and options


def test_every_babel_weekday_and_month_name_is_read() -> None:
    for width in ("wide", "abbreviated"):
        for day, name in get_day_names(width, locale="bn").items():
            assert read_weekday(name) == day, name
            assert read_weekday(name + "ে") == day or width == "abbreviated"
        for month, name in get_month_names(width, locale="bn").items():
            assert read_date(f"১ {name} ২০২৭") == date(2027, month, 1), name


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("২০২৭ সালের ৩০ নভেম্বর", date(2027, 11, 30)),
        ("৩০শে নভেম্বর, ২০২৭", date(2027, 11, 30)),
        ("মঙ্গলবার, ৩০ নভেম্বর ২০২৭", date(2027, 11, 30)),
        ("৩০/১১/২০২৭", date(2027, 11, 30)),
        ("১/১২/২০২৭", date(2027, 12, 1)),
        ("12/31/2027", date(2027, 12, 31)),
        ("নভেম্বর ৩০, ২০২৭", date(2027, 11, 30)),
        ("৩০ নভেম্বার ২০২৭", date(2027, 11, 30)),
        ("১লা জানুয়ারী ২০২৭", date(2027, 1, 1)),
        ("২০২৭-১১-৩০ ০৯:০০", date(2027, 11, 30)),
    ],
)
def test_dates_are_read_in_bengali(text: str, day: date) -> None:
    assert read_date(text) == day


@pytest.mark.parametrize(
    ("text", "clock"),
    [
        ("সকাল ৯টা", (9, 0)),
        ("দুপুর ১২টা", (12, 0)),
        ("দুপুর ২টায়", (14, 0)),
        ("বিকাল ৪:৩০", (16, 30)),
        ("সন্ধ্যা ৭টা", (19, 0)),
        ("রাত ১১টা", (23, 0)),
        ("রাত ১২টা", (0, 0)),
        ("৯ pm", (21, 0)),
        ("১৫:০০", (15, 0)),
    ],
)
def test_times_of_day_are_read_in_bengali(text: str, clock: tuple[int, int]) -> None:
    assert read_clock(text) == clock


def test_a_slot_in_bengali_is_the_slot_in_english() -> None:
    day, hour = l08.best_instagram_slot()
    bengali_day = BN_WEEKDAYS[l08.WEEKDAY_NAMES.index(day)]
    for answer in (
        (bengali_day, bn(hour)),
        f"{bengali_day}ে {bn(hour)}টায়",
        f"{bn(hour)}:০০, {bengali_day}",
    ):
        assert l08.slot_text(answer) == f"{day} {hour:02d}:00", answer


@pytest.mark.parametrize(
    ("answer", "option"),
    [
        ("ফেসবুকে", "facebook"),
        ("ইউটিউবের", "youtube"),
        ("ফেইসবুক", "facebook"),
        ("আলো পাঠচক্র", "Alo Reading Circle"),
        ("অলাভজনক", "nonprofit"),
        ("হ্যাঁ", "yes"),
    ],
)
def test_bengali_names_and_their_case_endings_are_the_option(answer: str, option: str) -> None:
    other = "business" if option != "business" else "x"
    assert choice(option, options=[option, other])(answer).correct


def test_a_bengali_form_two_options_share_means_neither() -> None:
    judge = choice("budgeting", options=["budgeting", "planning", "content"])
    assert judge("বাজেট তৈরি").correct and not judge("পরিকল্পনা").correct


def test_a_term_with_its_english_in_brackets_is_the_option() -> None:
    missing = l04.check_goal(l04.GOAL_WITHOUT_DEADLINE).missing[0]
    bengali = {
        "time-bound": "সময়সীমাবদ্ধ",
        "specific": "সুনির্দিষ্ট",
        "measurable": "পরিমাপযোগ্য",
        "achievable": "অর্জনযোগ্য",
        "relevant": "প্রাসঙ্গিক",
    }[missing]
    assert check("04-goals-and-plans", "q2", f"{bengali} ({missing})").correct
    assert not check("02-the-managers-job", "q2", "যোগাযোগ (communication)").correct
