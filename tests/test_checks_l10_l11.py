"""Self-checks of lessons 10 (analytics and reporting) and 11 (ethics)."""

from __future__ import annotations

import pandas as pd
import pytest

from smm_helpers import datasets, ethics, metrics
from smm_helpers.checks import check, questions
from smm_helpers.checks.by_lesson import l10_analytics_and_reporting as l10
from smm_helpers.checks.by_lesson import l11_ethics as l11

LESSONS = ("10-analytics-and-reporting", "11-ethics")
ALL = [(lesson, qid) for lesson in LESSONS for qid in questions(lesson)]


@pytest.fixture(scope="module")
def data() -> datasets.CourseData:
    return datasets.load_course_data()


@pytest.mark.parametrize(("lesson", "qid"), ALL)
def test_every_reference_answer_is_accepted(lesson: str, qid: str) -> None:
    for answer in questions(lesson)[qid].reference_answers():
        assert check(lesson, qid, answer).correct, answer


@pytest.mark.parametrize(("lesson", "qid"), ALL)
def test_every_typical_wrong_answer_is_rejected_with_a_hint(lesson: str, qid: str) -> None:
    question = questions(lesson)[qid]
    assert question.wrong_answers(), "each question needs typical wrong answers"
    references = [str(a) for a in question.reference_answers()]
    for answer in question.wrong_answers():
        verdict = check(lesson, qid, answer)
        assert not verdict.correct, answer
        assert verdict.hint or verdict.missing
        for reference in references:
            assert reference not in verdict.hint and reference not in verdict.message


@pytest.mark.parametrize(("lesson", "qid"), ALL)
def test_unanswered_placeholder_gets_a_kind_not_yet(lesson: str, qid: str) -> None:
    verdict = check(lesson, qid, ...)
    assert not verdict.correct and "haven't answered" in verdict.message


def test_engagement_rate_by_reach_is_the_ratio_of_sums(data: datasets.CourseData) -> None:
    posts = data.posts[
        (data.posts["client"] == "nonprofit") & (data.posts["platform"] == "instagram")
    ]
    by_hand = metrics.engagements(posts).sum() / posts["reach"].sum()
    assert check("10-analytics-and-reporting", "q1", by_hand).correct
    mean_rate = metrics.engagement_rate(posts, by="reach").mean()
    assert "average" in check("10-analytics-and-reporting", "q1", mean_rate).hint


def test_ab_question_follows_the_p_value() -> None:
    result = l10.ab_result()
    said_real = l10.ab_correct() == l10.AB_OPTIONS[0]
    assert said_real == (result.p_value < 0.05)


def test_the_same_rates_on_four_times_the_people_become_significant() -> None:
    n = l10.AB_NUMBERS
    small = metrics.ab_test(n["clicks_a"], n["reach_a"], n["clicks_b"], n["reach_b"])
    large = metrics.ab_test(
        4 * n["clicks_a"], 4 * n["reach_a"], 4 * n["clicks_b"], 4 * n["reach_b"]
    )
    assert large.p_value < small.p_value


def test_week_answer_may_be_the_timestamp_pandas_gives(data: datasets.CourseData) -> None:
    weekly = metrics.summarize(data.posts[data.posts["client"] == "business"], by="week")
    october = weekly.loc["2025-10-06":"2025-10-27"]
    best = october["er_reach"].idxmax()
    assert check("10-analytics-and-reporting", "q3", best).correct
    most_engaged = october["engagements"].idxmax()
    if most_engaged != best:
        assert "rate" in check("10-analytics-and-reporting", "q3", most_engaged).hint


def test_recommendation_without_a_number_is_told_what_is_missing() -> None:
    verdict = check("10-analytics-and-reporting", "q4", "Post more reels on Instagram.")
    assert verdict.missing == ("a number from the analysis",)


def test_bengali_recommendation_is_accepted() -> None:
    text = "টিকটকে সপ্তাহে ৩টি ভিডিও পোস্ট করুন।"
    assert check("10-analytics-and-reporting", "q4", text).correct


def test_disclosure_answer_follows_check_disclosure() -> None:
    ok = ethics.check_disclosure(l11.SPONSORED_CAPTION).ok
    right = "properly disclosed" if ok else "not properly disclosed"
    assert check("11-ethics", "q1", right).correct


def test_a_fixed_caption_must_keep_the_brand_and_pass_the_disclosure_check() -> None:
    assert check("11-ethics", "q2", "Advertisement: my Eid kantha from Nakshi Ghor").correct
    assert not check("11-ethics", "q2", "Advertisement: my Eid kantha").correct
    assert not check("11-ethics", "q2", "my Eid kantha from Nakshi Ghor #sp").correct


def test_detector_finds_the_injected_spike_day(data: datasets.CourseData) -> None:
    posts, followers, _ = ethics.inject_fake_engagement(
        data.posts, data.followers, seed=l11.SPIKE_SEED, n_events=1
    )
    spikes = ethics.detect_fake_engagement(posts, followers).follower_spikes
    assert len(spikes) >= 1
    assert check("11-ethics", "q3", spikes["date"].iloc[0]).correct
    assert check("11-ethics", "q3", spikes[["date"]].head(1)).correct


def test_spike_day_one_day_off_gets_its_own_hint() -> None:
    day = l11.spike_day() + pd.Timedelta(days=1)
    assert check("11-ethics", "q3", day.date()).message == "One day off."


def test_only_the_unsourced_claim_needs_a_source() -> None:
    for name, sentence in l11.DRAFT_SENTENCES.items():
        needs = bool(ethics.unsourced_claims(sentence))
        assert check("11-ethics", "q4", name).correct == needs, name


def test_bought_followers_lower_the_engagement_rate_by_followers(data: datasets.CourseData) -> None:
    posts = data.posts[
        (data.posts["client"] == "business")
        & (data.posts["platform"] == "instagram")
        & (data.posts["published_at"].dt.month == 11)
    ]
    after = metrics.summarize(posts.assign(followers=posts["followers"] + l11.BOUGHT))
    rate = after["median_er_followers"].iloc[0]
    assert check("11-ethics", "q5", rate).correct
    before = metrics.summarize(posts)["median_er_followers"].iloc[0]
    assert rate < before
    assert not check("11-ethics", "q5", before).correct


def test_odd_answers_never_crash_a_check() -> None:
    for lesson, qid in ALL:
        for odd in (None, [1, 2], {"a": 1}, float("nan"), pd.DataFrame()):
            assert not check(lesson, qid, odd).correct


@pytest.mark.parametrize(
    ("lesson", "qid", "answer"),
    [
        ("10-analytics-and-reporting", "q2", "B wins"),
        ("10-analytics-and-reporting", "q3", "2025-11-24"),
        ("10-analytics-and-reporting", "q5", "followers"),
        ("11-ethics", "q1", "yes"),
        ("11-ethics", "q4", "D"),
    ],
)
def test_an_answer_outside_the_options_is_not_told_the_right_one(
    lesson: str, qid: str, answer: str
) -> None:
    verdict = check(lesson, qid, answer)
    assert not verdict.correct and "not one of the options" in verdict.message
    for reference in questions(lesson)[qid].reference_answers():
        assert str(reference) not in verdict.message + verdict.hint
