"""Planning and budget speak Bengali after ``use_language("bn")``, and English is unchanged.

Covered: the SMART-goal checker's verdicts, the policy linter, the content calendar's
displays and its events' text, the .ics export's messages, special days' errors, and the
budget's allocation, comparison, quote and errors.
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from smm_helpers import budget
from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import in_language, use_language
from smm_helpers.planning import (
    SECTIONS,
    build_calendar,
    check_goal,
    lint_policy,
    special_days,
    write_policy,
)
from smm_helpers.planning.calendar import day_label
from smm_helpers.planning.goals import CRITERIA
from smm_helpers.planning.ics import events_to_ics
from smm_helpers.planning.policy import PolicyAnswers
from smm_helpers.planning.special_days import bangla_to_gregorian, giving_tuesday

BENGALI = re.compile(r"[\u0980-\u09FF]")
LATIN_DIGIT = re.compile(r"[0-9]")
ENGLISH_WORDS = re.compile(r"\b[A-Za-z]{3,}\s+[A-Za-z]{3,}\b")
"""Two English words in a row: a sentence left untranslated (code and citations excepted)."""
CITATIONS = re.compile(r"M\+R[^)]*\)|\(sources\.md#[^)]*\)|baseline=\{[^}]*\}|SMM Lab")

GOALS_BN = (
    "ফেসবুকে ৩ মাসে ১৫% বেশি দান সংগ্রহ করা",
    "আরও ভালো করা",
    "ডিসেম্বরের মধ্যে ইনস্টাগ্রামে ৯০০% বেশি ফলোয়ার",
    "ফেসবুকে অভিভাবকদের মধ্যে ১ মাসে ১৫,০০০ নতুন ফলোয়ার, স্বেচ্ছাসেবক পেতে",
)


def _prose(text: str) -> str:
    """The text without the parts that stay as written: citations and code examples."""
    return CITATIONS.sub("", text)


@pytest.mark.parametrize("goal", GOALS_BN)
def test_goal_check_of_a_bengali_goal_is_all_bengali(goal):
    use_language("bn")
    check = check_goal(goal, baseline={"followers": 5000})
    text = unicodedata.normalize("NFC", str(check))
    assert text.startswith("লক্ষ্য: ")
    for name in ("নির্দিষ্ট", "পরিমাপযোগ্য", "অর্জনযোগ্য", "প্রাসঙ্গিক", "সময়াবদ্ধ"):
        assert name in text
    assert "মানদণ্ডের মধ্যে" in text and "নিয়মভিত্তিক যাচাই" in text
    assert not ENGLISH_WORDS.search(_prose(text)), text
    for criterion in check.criteria.values():  # the verdicts themselves, not only the frame
        assert BENGALI.search(criterion.why), criterion
        assert not ENGLISH_WORDS.search(_prose(criterion.why + criterion.suggestion))
    page = check._repr_html_()
    assert "পাওয়া প্রমাণ" in page and "<small>নিয়মভিত্তিক" in page


def test_goal_check_numbers_are_in_bengali_digits_and_data_keeps_its_names():
    use_language("bn")
    check = check_goal(
        "Gain 15,000 new Facebook followers among parents in 1 month to find volunteers",
        baseline={"followers": 5000},
    )
    achievable = check.criteria["achievable"]
    assert "+৩০০%" in achievable.why and "৫,০০০" in achievable.suggestion
    assert not LATIN_DIGIT.search(_prose(achievable.why).replace("1 month", ""))
    assert list(check.criteria) == list(CRITERIA)  # criterion names stay the data
    assert check.missing == ["achievable"]


def test_goal_check_in_english_is_unchanged():
    text = str(check_goal("Grow our presence and do better on social media"))
    assert text.splitlines()[1].startswith(
        "✗ specific: it does not say what will change (no metric such as followers"
    )
    assert text.endswith(
        "0 of 5 SMART criteria met. Rule-based check: it looks for words and "
        "numbers, it does not understand the goal. Read the evidence and "
        "decide for yourself."
    )


def test_goal_errors_are_bengali():
    use_language("bn")
    with pytest.raises(InputError, match="লক্ষ্যটি ফাঁকা।\nকীভাবে ঠিক করবেন: এক বাক্যে"):
        check_goal("   ")


def test_a_policy_with_the_suggested_bengali_headings_passes_the_linter():
    use_language("bn")
    empty = lint_policy("")
    lines = str(empty).splitlines()
    assert lines[0] == "নীতিমালা যাচাই (০ শব্দ):"
    suggested = [re.search(r"'(.+)' নামে", line).group(1) for line in lines if "✗" in line]
    assert len(suggested) == len(SECTIONS)
    policy = "\n\n".join(f"## {title}\nআমরা নিয়ম মেনে চলি।" for title in suggested)
    lint = lint_policy(policy)
    assert lint.ok, str(lint)
    assert "সব অংশই আছে" in str(lint)
    assert all(how.startswith("শিরোনাম") for how in lint.found.values())


def test_policy_warnings_and_password_advice_are_bengali():
    use_language("bn")
    long = " ".join(["শব্দ"] * 30) + "।"
    lint = lint_policy(f"## টুল\nদুজন ফেসবুকের পাসওয়ার্ড রাখেন।\n\n{long}")
    assert any("একটি বাক্যে ৩০টি শব্দ" in w for w in lint.warnings)
    assert lint.advice and "পাসওয়ার্ড দিয়ে দেওয়া হচ্ছে" in lint.advice[0]
    with pytest.raises(InputError, match=r"PolicyAnswers\.purpose ফাঁকা"):
        PolicyAnswers(
            organisation="আলো",
            purpose="",
            work_hours_use="x",
            not_allowed=["x"],
            spokespeople=["x"],
            responders=["x"],
            response_time_hours=24,
            tools=["x"],
            account_access="x",
            escalation_contacts=["x"],
            crisis_contact="x",
            photo_consent="x",
            review_date="2027-01-31",
        )


def test_write_policy_writes_in_the_chosen_language_unless_told_which():
    answers = PolicyAnswers(
        organisation="Alo",
        purpose="We help children read.",
        work_hours_use="Post in breaks.",
        not_allowed=["politics"],
        spokespeople=["Director"],
        responders=["Volunteer"],
        response_time_hours=24,
        tools=["Facebook"],
        account_access="Own access each.",
        escalation_contacts=["Director"],
        crisis_contact="Director",
        photo_consent="parents sign",
        review_date="2027-06-30",
    )
    english = write_policy(answers)
    use_language("bn")
    bengali = write_policy(answers)
    assert bengali != english and "সোশ্যাল মিডিয়া" in bengali
    assert write_policy(answers, language="en") == english


def test_calendar_displays_follow_the_learner_and_events_follow_the_calendar_language():
    english_events = build_calendar("2026-12-14", 1, ["facebook"]).events
    use_language("bn")
    cal = build_calendar("2026-12-14", 1, ["facebook"])
    assert cal.events.equals(english_events)  # language="en": the same events
    assert repr(cal).startswith("ContentCalendar(১ সপ্তাহ, সোম ১৪ ডিসেম্বর ২০২৬ – রবি ২০ ডিসেম্বর")
    grid = cal.grid(1)
    assert "সারা দিন" in grid.index and grid.columns[0] == day_label(cal.first_day, year=False)
    assert "সপ্তাহ ১" in cal._repr_html_()
    bengali = build_calendar("2026-12-14", 1, ["facebook"], language="bn").events
    prep = bengali[bengali["kind"] == "prep"]["description"].iloc[0]
    assert "পোস্ট লিখে ডিজাইন করে রাখুন" in prep and "ডিসেম্বর ২০২৬" in prep
    posts = bengali[(bengali["kind"] == "post") & (bengali["pillar"] != "special day")]
    assert posts["title"].str.startswith("ফেসবুক: ").any()
    assert posts["description"].str.contains("কনটেন্ট পিলার").all()
    assert set(bengali["pillar"].dropna()) >= {"special day"}  # pillars stay data


def test_calendar_and_ics_errors_are_bengali_and_the_calendar_name_too(tmp_path):
    use_language("bn")
    with pytest.raises(InputError, match="অন্তত ১ বা তার বেশি পূর্ণসংখ্যা, 0 নয়"):
        build_calendar("2026-11-30", weeks=0, platforms="facebook")
    with pytest.raises(InputError, match="IANA ডেটাবেসের"):
        build_calendar("2026-11-30", 1, "facebook", timezone="Asia/Dhakka")
    cal = build_calendar("2026-11-30", 1, "facebook", special_days=False)
    bengali = events_to_ics(cal.events, timezone="Asia/Dhaka").decode()
    assert "SMM Lab কনটেন্ট ক্যালেন্ডার" in bengali
    with in_language("en"):
        english = events_to_ics(cal.events, timezone="Asia/Dhaka").decode()
    assert "NAME:SMM Lab content calendar" in english
    uid = re.compile(r"^UID:(.*)$", re.MULTILINE)
    assert uid.findall(bengali) == uid.findall(english)  # same calendar, same UIDs
    with pytest.raises(Exception, match="ফাইলটি নেই"):
        from smm_helpers.planning import read_ics

        read_ics(tmp_path / "none.ics")


def test_special_days_errors_are_bengali_and_data_is_untouched():
    english = special_days(2026)
    use_language("bn")
    assert special_days(2026).equals(english)
    with pytest.raises(InputError, match="জ্যৈষ্ঠ ১৪৩৩-এ ৩১ দিন"):
        bangla_to_gregorian(1433, 2, 32)
    with pytest.raises(InputError, match="২০১২ সালে"):
        giving_tuesday(2011)


def test_budget_allocation_comparison_and_quote_are_bengali():
    use_language("bn")
    split = budget.allocate_budget(
        3000,
        ["facebook", "linkedin"],
        cost_per_result={"facebook": 5, "linkedin": 20},
        saturation=1000,
    )
    text = str(split)
    assert text.startswith("৳৩,০০০-এর সবচেয়ে ভালো ভাগ (আনুমানিক ফলাফল ৪৫১টি):")
    assert "ফেসবুক" in text and "এখনো টাকা দেওয়ার মতো নয়" in text
    assert not LATIN_DIGIT.search(text) and not ENGLISH_WORDS.search(text)
    assert "মোট ৳৩,০০০" in split._repr_html_()
    comparison = budget.organic_vs_paid(
        200, results_per_hour=20, cost_per_result=5, hourly_rate=500
    )
    assert str(comparison) == (
        "২০০টি ফলাফল: অর্গানিক ১০ ঘণ্টা × ঘণ্টায় ৳৫০০ = ৳৫,০০০; পেইড ৳১,০০০; কম খরচে: পেইড"
    )
    quote = budget.freelance_quote(10, hourly_rate=55, level="expert")
    assert str(quote).splitlines()[1] == (
        "টীকা: ঘণ্টায় $৫৫.০০ নিবন্ধের $১৫–৪০ সীমার বেশি, অভিজ্ঞদের জন্য যা স্বাভাবিক।"
    )
    assert budget.format_money(1250000) == "৳1,250,000"  # a data formatter: unchanged


def test_budget_errors_are_bengali():
    use_language("bn")
    with pytest.raises(InputError, match="roi\\(\\)-এর জন্য মার্জিন লাগবে"):
        budget.roi(30_000, 10_000)
    with pytest.raises(InputError, match="মোট ৳১,০০০ ন্যূনতমগুলোর চেয়ে কম"):
        budget.allocate_budget(1000, ["facebook", "instagram"], minimum=600)
    with pytest.raises(InputError, match="margin-এর মান 40, যা শতাংশ"):
        budget.check_margin(40)


def test_budget_in_english_is_unchanged():
    split = budget.allocate_budget(
        3000,
        ["facebook", "linkedin"],
        cost_per_result={"facebook": 5, "linkedin": 20},
        saturation=1000,
    )
    lines = str(split).splitlines()
    assert lines[0] == "Best split of ৳3,000 (expected 451 results):"
    assert lines[2].endswith("0 results  next result costs ৳20.00 (not worth funding yet)")
    assert str(
        budget.organic_vs_paid(200, results_per_hour=20, cost_per_result=5, hourly_rate=500)
    ) == ("200 results: organic 10 h × ৳500/h = ৳5,000; paid ৳1,000; cheaper: paid")
