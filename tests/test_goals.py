"""check_goal says which SMART criteria a goal misses, with evidence, in English and Bengali."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smm_helpers.errors import InputError
from smm_helpers.planning import CRITERIA, GoalCheck, check_goal

S, M, A, R, T = CRITERIA

# goal, the criteria it should miss (no baseline, no relevant_to)
GOALS = [
    ("Get more followers", {S, M, A, R, T}),
    ("Grow our presence and do better on social media", {S, M, A, R, T}),
    ("We want to be better on social media", {S, M, A, R, T}),
    (
        "Increase Instagram followers by 20% among students in Dhaka within 6 months "
        "to boost volunteer sign-ups",
        {M},
    ),  # 20% of what?
    (
        "Increase Instagram followers from 2,000 by 20% among students in Dhaka within 6 "
        "months to boost volunteer sign-ups",
        set(),
    ),
    ("Post 5 times per week on Facebook to raise awareness of child marriage", set()),
    ("Raise 50,000 taka in donations through our Facebook page by 31 December 2026", set()),
    ("Double our YouTube subscribers this year so more parents enrol their children", {M}),
    (
        "Double our YouTube subscribers from 800 this year so more parents enrol their children",
        set(),
    ),
    ("Get 500 new volunteers", {S, T}),
    ("Reach 10,000 people on Facebook in Q2", {R}),
    ("Answer 90% of Facebook messages within 2 hours by June 2027 so donors get help", set()),
    ("Go viral on TikTok next month and get donations", {M, A}),
    (
        "Improve engagement rate on Instagram to 3% by the end of the year to grow event "
        "attendance",
        set(),
    ),
    ("Increase LinkedIn followers by 15% in Q3 2026 to attract corporate donors", {M}),
    (
        "Increase LinkedIn followers (currently 4,000) by 15% in Q3 2026 to attract corporate "
        "donors",
        set(),
    ),
    ("Grow sales from Instagram by 10% per month among women in Chattogram", {M}),
    ("Have 3 volunteers reply to comments every day", {S}),
    ("Our goal is 2000 Facebook followers", {R, T}),
    ("Be the number one charity on Facebook by 2027 so people donate", {S, M, A}),
    ("Sign up 40 new members on WhatsApp over the next 3 months", set()),
    ("Sign up 40 new members over the next 3 months", {S}),
    ("Grow to 5k followers on Instagram by Eid to sell more t-shirts", set()),
    ("Improve our brand", {S, M, A, R, T}),
    # Bengali
    ("ডিসেম্বরের মধ্যে ফেসবুকে ২,০০০ নতুন ফলোয়ার অর্জন করা, যাতে আরও স্বেচ্ছাসেবক পাওয়া যায়", set()),
    ("প্রতি সপ্তাহে ইনস্টাগ্রামে ৫টি পোস্ট করা", {R}),
    ("আমাদের অনলাইন উপস্থিতি আরও ভালো করা", {S, M, A, R, T}),
    ("ফেসবুকে ৩ মাসে ১৫% বেশি দান সংগ্রহ করা", {M}),
    ("ফেসবুকে ৩ মাসে ২০,০০০ টাকা থেকে ১৫% বেশি দান সংগ্রহ করা", set()),
    ("ঢাকার তরুণদের মধ্যে ইনস্টাগ্রামে ফলোয়ার ২০ শতাংশ বৃদ্ধি করা আগামী ৬ মাসের মধ্যে, স্বেচ্ছাসেবক নিবন্ধন বাড়াতে", {M}),
    (
        "ঢাকার তরুণদের মধ্যে ইনস্টাগ্রামে ফলোয়ার বর্তমানে ৯,০০০; ২০ শতাংশ বৃদ্ধি করা আগামী ৬ "
        "মাসের মধ্যে, স্বেচ্ছাসেবক নিবন্ধন বাড়াতে",
        set(),
    ),
    ("৩১ মার্চ ২০২৭ এর মধ্যে ফেসবুক পেজ থেকে ১০ হাজার টাকা অনুদান সংগ্রহ", set()),
    ("২০২৭ সালের মধ্যে ইউটিউবে ১,০০০ সাবস্ক্রাইবার", {R}),
    ("ফেসবুকে ভাইরাল হওয়া", {S, M, A, R, T}),
]


@pytest.mark.parametrize(("goal", "expected_missing"), GOALS)
def test_check_goal_finds_the_missing_criteria(goal, expected_missing):
    check = check_goal(goal)
    assert set(check.missing) == expected_missing, str(check)
    assert check.ok is (not expected_missing)


def test_missing_criteria_come_in_smart_order_with_a_reason_and_a_suggestion():
    check = check_goal("Get more followers")
    assert check.missing == list(CRITERIA)
    for criterion in check.criteria.values():
        assert criterion.why
        assert criterion.suggestion


def test_measurable_evidence_quotes_the_numbers_with_their_units():
    check = check_goal("Reach 2,000 Instagram followers and a 15% click-through rate by June")
    evidence = check.criteria["measurable"].evidence
    assert "2,000 Instagram followers" in evidence
    assert any(e.startswith("15%") for e in evidence)


@pytest.mark.parametrize(
    ("goal", "phrase"),
    [
        ("Reach 2,000 followers by 31 March 2026", "by 31 March 2026"),
        ("Reach 2,000 followers in 3 months", "in 3 months"),
        ("Publish 4 posts per week", "per week"),
        ("Recruit 30 volunteers in Q2", "Q2"),
        ("Reach 2,000 followers before Pohela Boishakh", "before Pohela Boishakh"),
        ("ডিসেম্বরের মধ্যে ২,০০০ ফলোয়ার", "ডিসেম্বরের মধ্যে"),
        ("মাসে ২০টি পোস্ট", "মাসে"),
        ("সপ্তাহে ৫টি পোস্ট", "সপ্তাহে"),
    ],
)
def test_time_bound_evidence_quotes_the_time_phrase(goal, phrase):
    criterion = check_goal(goal).criteria["time-bound"]
    assert criterion.passed
    assert phrase in criterion.evidence


def test_a_date_is_not_mistaken_for_a_target_number():
    check = check_goal("Be more popular by 31 March 2026")
    assert "measurable" in check.missing
    assert check.criteria["measurable"].evidence == ()


def test_specific_lists_vague_words_when_it_fails():
    criterion = check_goal("Do better and get more likes").criteria["specific"]
    assert not criterion.passed
    assert "better" in criterion.evidence and "more" in criterion.evidence
    assert "where or for whom" in criterion.why


def test_growth_far_above_the_benchmarks_is_flagged_as_unlikely():
    # +10,000 on 5,000 followers in one month is +200%: 200% a month, far above 2.6% (M+R 2013)
    check = check_goal(
        "Gain 10,000 new Facebook followers among parents in 1 month to find volunteers",
        baseline={"followers": 5000},
    )
    achievable = check.criteria["achievable"]
    assert check.missing == ["achievable"]
    assert "+200%" in achievable.why
    assert "2.6% a month" in achievable.why
    assert "M+R" in achievable.why
    # a realistic band from the same baseline: 5,000 * 1.026 = 5,130 and 5,000 * 1.05 = 5,250
    assert "5,130" in achievable.suggestion and "5,250" in achievable.suggestion


def test_modest_growth_against_a_baseline_is_achievable():
    # 5,000 -> 5,300 in 3 months is +6%: (1.06)^(1/3) - 1 = 1.96% a month
    check = check_goal(
        "Reach 5,300 Facebook followers in 3 months among young people to find volunteers",
        baseline={"followers": 5000},
    )
    achievable = check.criteria["achievable"]
    assert achievable.passed
    assert "+6%" in achievable.why
    assert "2.0% growth a month" in achievable.why


def test_period_months_overrides_the_period_read_from_text():
    goal = "Increase Facebook followers from 5,000 by 30% by 31 December to find volunteers"
    assert check_goal(goal).criteria["achievable"].passed  # a date gives no period to check
    # 30% over 1 month is above the 10%/month threshold; over 12 months it is 2.2%/month
    assert "achievable" in check_goal(goal, period_months=1).missing
    assert check_goal(goal, period_months=12).criteria["achievable"].passed


def test_from_to_growth_is_checked_without_a_baseline():
    check = check_goal("Grow Instagram followers from 1,000 to 3,000 in 2 weeks to sell tickets")
    assert "achievable" in check.missing
    assert "+200%" in check.criteria["achievable"].why


def test_bengali_doubling_in_a_month_is_flagged():
    check = check_goal("এক মাসে ফেসবুক ফলোয়ার ৫,০০০ থেকে দ্বিগুণ করা, যাতে দান বাড়ে")
    assert check.missing == ["achievable"]
    # without the starting number it is also not measurable, and still unlikely
    assert check_goal("এক মাসে ফেসবুক ফলোয়ার দ্বিগুণ করা, যাতে দান বাড়ে").missing == [
        "measurable",
        "achievable",
    ]


# --- a relative change needs its baseline; absurd growth gets a realism warning ----------------


@pytest.mark.parametrize(
    ("goal", "change"),
    [
        ("Grow followers by 900% by 31 March", "900%"),
        ("Grow Facebook followers among parents by 50% by June to find volunteers", "50%"),
        ("Double Facebook donations among parents by December", "Double"),
        ("Triple Instagram sign-ups among students by June", "Triple"),
        ("Increase Facebook followers among parents 3x by June to find volunteers", "3x"),
        ("ফেসবুকে ফলোয়ার তিনগুণ করা ডিসেম্বরের মধ্যে, যাতে দান বাড়ে", "তিনগুণ"),
        ("ফেসবুকে ফলোয়ার ২০ শতাংশ বৃদ্ধি করা আগামী মাসের মধ্যে, যাতে দান বাড়ে", "২০ শতাংশ"),
    ],
)
def test_a_relative_change_without_a_baseline_is_not_measurable(goal, change):
    measurable = check_goal(goal).criteria["measurable"]
    assert not measurable.passed, str(check_goal(goal))
    assert any(change in e for e in measurable.evidence)
    assert "starting number" in measurable.why + measurable.suggestion
    assert "from 1,200" in measurable.suggestion


@pytest.mark.parametrize(
    "goal",
    [
        "Grow Facebook followers among parents from 1,200 to 1,800 by June to find volunteers",
        "Grow Facebook followers among parents from 1,200 by 50% by June to find volunteers",
        "Grow Facebook followers among parents by 50% (currently 1,200) by June to find volunteers",
        "Grow Facebook followers among parents by 50% from a current 1,200 by June to find "
        "volunteers",
        "ফেসবুকে ফলোয়ার ১,২০০ থেকে ২০ শতাংশ বৃদ্ধি করা আগামী মাসের মধ্যে, যাতে দান বাড়ে",
        "ফেসবুকে ফলোয়ার বর্তমানে ১২০০, ২০ শতাংশ বৃদ্ধি করা আগামী মাসের মধ্যে, যাতে দান বাড়ে",
    ],
)
def test_a_relative_change_with_its_baseline_is_measurable(goal):
    assert check_goal(goal).criteria["measurable"].passed, str(check_goal(goal))


def test_a_baseline_passed_as_an_argument_counts_as_the_starting_number():
    goal = "Grow Facebook followers among parents by 50% by June to find volunteers"
    assert "measurable" in check_goal(goal).missing
    assert check_goal(goal, baseline={"followers": 1200}).criteria["measurable"].passed


@pytest.mark.parametrize(
    "goal",
    [
        "Grow followers by 900% by 31 March",
        "Grow Facebook followers from 1,000 to 10,000 by 31 March to find volunteers",
        "Grow Facebook donations from 1,000 by 500% in 3 months to fund reading circles",
        "Increase Facebook sign-ups among parents 5x this quarter",
        "ফেসবুকে ফলোয়ার ১,০০০ থেকে ৫০০% বৃদ্ধি করা ৩১ মার্চের মধ্যে",
    ],
)
def test_growth_above_300_percent_in_a_quarter_gets_a_realism_warning(goal):
    achievable = check_goal(goal).criteria["achievable"]
    assert not achievable.passed, str(check_goal(goal))
    assert "not realistic" in achievable.why
    assert achievable.suggestion


def test_big_growth_spread_over_years_is_judged_per_month_not_as_absurd():
    check = check_goal(
        "Grow Facebook donations from 1,000 to 5,000 in 3 years to fund reading circles"
    )
    assert "not realistic" not in check.criteria["achievable"].why


@pytest.mark.parametrize(
    ("goal", "phrase"),
    [
        ("Reach 500 Facebook followers by tomorrow", "by tomorrow"),
        ("Reach 500 Facebook followers by next week", "next week"),
        ("Reach 500 Facebook followers by next month", "next month"),
        ("Reach 500 Facebook followers within 30 days", "within 30 days"),
        ("Reach 500 Facebook followers within thirty days", "within thirty days"),
        ("Reach 500 Facebook followers this quarter", "this quarter"),
        ("Reach 500 Facebook followers by the weekend", "by the weekend"),
        ("আগামী মাসের মধ্যে ফেসবুকে ৫০০ ফলোয়ার", "আগামী মাসের মধ্যে"),
        ("সামনের মাসের মধ্যে ফেসবুকে ৫০০ ফলোয়ার", "সামনের মাসের মধ্যে"),
        ("৩১ মার্চের মধ্যে ফেসবুকে ৫০০ ফলোয়ার", "৩১ মার্চের মধ্যে"),
        ("৩০ দিনের মধ্যে ফেসবুকে ৫০০ ফলোয়ার", "৩০ দিনের মধ্যে"),
        ("আগামীকালের মধ্যে ফেসবুকে ৫০০ ফলোয়ার", "আগামীকালের মধ্যে"),
    ],
)
def test_relative_deadlines_in_english_and_bengali_are_time_bound(goal, phrase):
    criterion = check_goal(goal).criteria["time-bound"]
    assert criterion.passed, str(check_goal(goal))
    assert phrase in criterion.evidence


def test_cue_words_are_nfc_data():
    import unicodedata

    from smm_helpers.planning import goals

    for table in (goals.BASELINE_CUES, goals.DEADLINE_WORDS, goals.STANDALONE_DEADLINES):
        assert table and all(unicodedata.is_normalized("NFC", w) for w in table)


def test_decomposed_bengali_gives_the_same_verdict_as_nfc():
    import unicodedata

    goal = "আগামী মাসের মধ্যে ফেসবুকে ফলোয়ার ১,২০০ থেকে ২০ শতাংশ বৃদ্ধি করা, যাতে দান বাড়ে"
    assert check_goal(unicodedata.normalize("NFD", goal)).missing == check_goal(goal).missing


def test_a_baseline_the_goal_does_not_mention_is_reported_not_used():
    criterion = check_goal(
        "Reach 2,000 Facebook followers by June to find volunteers", baseline={"donations": 40}
    ).criteria["achievable"]
    assert criterion.passed
    assert "donations" in criterion.why and "could not be used" in criterion.why


def test_relevant_to_requires_one_of_the_organisations_goals():
    goal = "Reach 2,000 Facebook followers among parents by June to raise donations"
    assert check_goal(goal, relevant_to=["donations"]).criteria["relevant"].passed
    assert check_goal(goal, relevant_to=["donate"]).criteria["relevant"].passed  # shared stem
    off_topic = check_goal(goal, relevant_to=["volunteer recruitment"])
    assert off_topic.missing == ["relevant"]
    assert "volunteer recruitment" in off_topic.criteria["relevant"].why


def test_str_shows_a_tick_or_cross_per_criterion_and_says_it_is_a_heuristic():
    text = str(check_goal("Reach 10,000 people on Facebook in Q2"))
    assert text.count("✓") == 4 and text.count("✗") == 1
    assert "✗ relevant" in text
    assert "Rule-based" in text


def test_html_escapes_the_goal_and_lists_every_criterion():
    page = check_goal("<b>More</b> followers")._repr_html_()
    assert "&lt;b&gt;More&lt;/b&gt;" in page
    assert all(name in page for name in CRITERIA)


def test_repr_is_one_plain_line():
    assert repr(check_goal("Get more followers")).startswith("GoalCheck(goal='Get more followers'")


def test_check_goal_does_not_change_the_callers_baseline_or_list():
    baseline = {"followers": 5000}
    relevant = ["volunteers"]
    check_goal(
        "Gain 500 Facebook followers in a month to find volunteers",
        baseline=baseline,
        relevant_to=relevant,
    )
    assert baseline == {"followers": 5000} and relevant == ["volunteers"]


# --- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize("goal", ["", "   ", "\n\t"])
def test_empty_goal_is_refused_with_an_example(goal):
    with pytest.raises(InputError, match="The goal is empty") as error:
        check_goal(goal)
    assert "e.g." in str(error.value)


def test_a_goal_that_is_not_text_is_refused_naming_its_type():
    with pytest.raises(InputError, match=r"must be text .* not int"):
        check_goal(2000)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [0, -5, "5000", True])
def test_a_bad_baseline_names_the_metric_and_the_value(value):
    with pytest.raises(InputError, match=r"baseline for 'followers' is .*number above 0"):
        check_goal("Reach 2,000 followers", baseline={"followers": value})


@pytest.mark.parametrize("value", [0, -1, "3"])
def test_a_bad_period_is_refused_with_examples(value):
    with pytest.raises(InputError, match=r"period_months is .* above 0") as error:
        check_goal("Reach 2,000 followers", period_months=value)
    assert "period_months=3" in str(error.value)


def test_relevant_to_as_a_single_string_is_refused_with_the_list_form():
    with pytest.raises(InputError, match=r"relevant_to=\['donations'\]"):
        check_goal("Reach 2,000 followers", relevant_to="donations")


# --- invariants ------------------------------------------------------------------------------

_GOAL_TEXT = st.sampled_from([g for g, _ in GOALS])


@settings(max_examples=40, deadline=None)
@given(_GOAL_TEXT)
def test_ok_means_nothing_missing_and_missing_is_in_smart_order(goal):
    check = check_goal(goal)
    assert isinstance(check, GoalCheck)
    assert check.ok == (check.missing == [])
    assert check.missing == [c for c in CRITERIA if c in check.missing]


@settings(max_examples=40, deadline=None)
@given(_GOAL_TEXT)
def test_adding_a_deadline_makes_any_goal_time_bound(goal):
    assert check_goal(goal + " by 31 March 2027").criteria["time-bound"].passed


@settings(max_examples=40, deadline=None)
@given(_GOAL_TEXT)
def test_bengali_and_ascii_digits_give_the_same_verdict(goal):
    to_bengali = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")
    to_ascii = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")
    assert (
        check_goal(goal.translate(to_bengali)).missing
        == check_goal(goal.translate(to_ascii)).missing
    )


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=80).filter(lambda s: s.strip()))
def test_any_non_empty_text_gets_a_verdict_on_all_five_criteria(text):
    assert list(check_goal(text).criteria) == list(CRITERIA)


# --------------------------------------------------------------------------- word lists as data


def test_the_word_lists_are_read_from_data_on_first_use_not_on_import():
    import subprocess
    import sys

    code = (
        "import smm_helpers.planning.goals as g\n"
        "assert g.goal_words.cache_info().currsize == 0\n"
        "assert g._patterns.cache_info().currsize == 0\n"
        "g.check_goal('Reach 2,000 followers by June')\n"
        "assert g.goal_words.cache_info().currsize == 1\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_every_word_list_is_in_the_data_file_nfc_and_lower_case():
    import unicodedata

    from smm_helpers.planning import goals

    words = goals.goal_words()
    for name in goals.WORD_LISTS:
        found = words.words(name)
        assert found, f"{name} has no words in {goals.WORDS_FILE}"
        assert all(w == unicodedata.normalize("NFC", w) == w.lower() for w in found)
    assert words.numbers("count")["ছয়"] == 6 and words.numbers("multiplier")["double"] == 100
    assert words.labels("metric_alias")["অনুদান"] == "donations"


@pytest.mark.parametrize(
    ("row", "column", "says"),
    [
        ("metrics,en,likes,", "list", "'metrics' is not a known list"),
        ("metric,fr,likes,", "language", "'fr' is not a known language"),
        ("metric,en,,", "word", "word is empty"),
        ("count,en,dozen,", "value", "value is empty"),
        ("count,en,dozen,twelve", "value", "'twelve' is not a number"),
        ("metric,en,likes,7", "value", "a metric row has no value"),
        ("metric,en,followers,", "word", "word 'followers' appears twice"),
    ],
)
def test_a_bad_row_of_the_word_lists_names_its_line_column_and_fix(row, column, says):
    from smm_helpers.errors import DataError
    from smm_helpers.planning.goals import parse_goal_words

    text = "list,language,word,value\nmetric,en,followers,\n\n" + row + "\n"
    with pytest.raises(DataError) as error:
        parse_goal_words(text)
    assert (error.value.line, error.value.column) == (4, column)
    assert says in error.value.problem and error.value.fix
    assert error.value.file == "smm_helpers/data/goal_words.csv"


def test_a_word_added_to_the_data_is_matched_in_nfd_or_nfc(monkeypatch):
    import unicodedata

    from smm_helpers.planning import goals

    text = goals.data_text(goals.WORDS_FILE) + unicodedata.normalize(
        "NFD", "metric,bn,ফলোয়ারসংখ্যা,\n"
    )
    monkeypatch.setattr(goals, "goal_words", lambda: goals.parse_goal_words(text))
    goals._patterns.cache_clear()
    try:
        specific = check_goal("ফেসবুকে ফলোয়ারসংখ্যা বাড়ানো").criteria["specific"]
    finally:
        monkeypatch.undo()
        goals._patterns.cache_clear()
    assert "ফলোয়ারসংখ্যা" in specific.evidence
