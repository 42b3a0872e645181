"""Self-checks of lessons 00–02: right answers pass, typical mistakes get a helpful hint."""

from __future__ import annotations

import pandas as pd
import pytest

from smm_helpers import metrics
from smm_helpers.budget import freelance_quote
from smm_helpers.checks import check, questions
from smm_helpers.checks.by_lesson import l00_orientation, l01_why_social_media
from smm_helpers.checks.by_lesson import l02_the_managers_job as l02
from smm_helpers.datasets import load_course_data

LESSONS = ["00-orientation", "01-why-social-media", "02-the-managers-job"]
CASES = [(lesson, qid) for lesson in LESSONS for qid in questions(lesson)]


@pytest.fixture(scope="module")
def posts() -> pd.DataFrame:
    return load_course_data().posts


@pytest.mark.parametrize(("lesson", "qid"), CASES)
def test_every_reference_answer_is_accepted(lesson: str, qid: str) -> None:
    for answer in questions(lesson)[qid].reference_answers():
        assert check(lesson, qid, answer).correct, answer


@pytest.mark.parametrize(("lesson", "qid"), CASES)
def test_every_typical_mistake_is_rejected_without_giving_the_answer(lesson: str, qid: str) -> None:
    question = questions(lesson)[qid]
    shown_answers = [str(a) for a in question.reference_answers() if not isinstance(a, list)]
    for answer in question.wrong_answers():
        verdict = check(lesson, qid, answer)
        assert not verdict.correct, answer
        assert verdict.hint, answer
        for shown in shown_answers:
            assert shown.casefold() not in (verdict.message + verdict.hint).casefold()


@pytest.mark.parametrize(("lesson", "qid"), CASES)
def test_an_unanswered_placeholder_is_told_kindly(lesson: str, qid: str) -> None:
    verdict = check(lesson, qid, ...)
    assert not verdict.correct
    assert "haven't answered" in verdict.message


def test_orientation_instagram_count_is_what_a_learner_filters(posts: pd.DataFrame) -> None:
    mine = posts[(posts["client"] == "nonprofit") & (posts["platform"] == "instagram")]
    assert check("00-orientation", "q1", len(mine)).correct
    assert not check("00-orientation", "q1", len(mine) - 1).correct


def test_orientation_tiktok_leader_accepts_key_or_name_but_not_the_other_client() -> None:
    followers = load_course_data().followers
    last = followers[
        (followers["platform"] == "tiktok") & (followers["date"] == followers["date"].max())
    ]
    by_client = last.set_index("client")["followers"]
    leader, other = by_client.idxmax(), by_client.idxmin()
    assert leader == l00_orientation.tiktok_leader()
    assert check("00-orientation", "q2", leader.upper()).correct
    assert not check("00-orientation", "q2", other).correct


def test_orientation_median_reach_mean_gets_a_median_hint(posts: pd.DataFrame) -> None:
    facebook = posts[(posts["client"] == "nonprofit") & (posts["platform"] == "facebook")]
    assert check("00-orientation", "q3", facebook["reach"].median()).correct
    verdict = check("00-orientation", "q3", facebook["reach"].mean())
    assert "median" in verdict.hint


def test_orientation_top_platform_is_the_largest_total_reach(posts: pd.DataFrame) -> None:
    shop = posts[posts["client"] == "business"]
    top = shop.groupby("platform", observed=True)["reach"].sum().idxmax()
    assert check("00-orientation", "q4", top).correct


def test_why_social_media_organic_reach_follows_metrics_reach_rate(posts: pd.DataFrame) -> None:
    facebook = posts[(posts["client"] == "nonprofit") & (posts["platform"] == "facebook")]
    organic = facebook[~facebook["boosted"]]
    share = metrics.reach_rate(organic).median()
    assert check("01-why-social-media", "q1", share).correct
    assert "percentage" in check("01-why-social-media", "q1", share * 100).hint
    assert (
        "boosted" in check("01-why-social-media", "q1", metrics.reach_rate(facebook).median()).hint
    )


def test_why_social_media_cost_per_thousand_reached_by_hand(posts: pd.DataFrame) -> None:
    boosted = posts[(posts["client"] == "nonprofit") & posts["boosted"]]
    per_thousand = boosted["spend"].sum() / boosted["reach"].sum() * 1000
    assert check("01-why-social-media", "q2", per_thousand).correct
    assert "1,000" in check("01-why-social-media", "q2", per_thousand / 1000).hint
    assert l01_why_social_media.cost_per_thousand_reached() == pytest.approx(per_thousand)


@pytest.mark.parametrize(
    "text",
    [
        "Supporters share the posts with friends, and it costs far less than a billboard.",
        "It helps us stay connected with our community of donors, and the budget stays small.",
        "দাতাদের সাথে যোগাযোগ রাখা যায়, আর খরচ কম।",
    ],
)
def test_why_social_media_free_text_accepts_other_wordings(text: str) -> None:
    assert check("01-why-social-media", "q4", text).correct


def test_why_social_media_free_text_names_the_missing_reason() -> None:
    verdict = check(
        "01-why-social-media",
        "q4",
        "We want many more volunteers and donors to join our reading circles.",
    )
    assert not verdict.correct
    assert len(verdict.missing) == 1
    assert "money" in verdict.missing[0]


def test_managers_job_quote_is_freelance_quote_expected() -> None:
    quote = freelance_quote(12, hourly_rate=25)
    assert check("02-the-managers-job", "q1", quote.expected).correct
    verdict = check("02-the-managers-job", "q1", quote)
    assert not verdict.correct
    assert "Quote" in verdict.message


def test_managers_job_quote_in_taka_is_told_to_use_dollars() -> None:
    taka = freelance_quote(12, hourly_rate=25, currency="USD").expected * l02.EXAMPLE_FX_RATE
    assert "taka" in check("02-the-managers-job", "q1", taka).hint


def test_managers_job_duties_are_seven_and_the_order_matters() -> None:
    assert len(l02.DUTIES) == 7
    swapped = [l02.DUTIES[2], l02.DUTIES[1], l02.DUTIES[0], *l02.DUTIES[3:]]
    assert "order" in check("02-the-managers-job", "q3", swapped).message


def test_managers_job_avoid_list_rejects_honest_boosting() -> None:
    answer = ["fake traffic", "Black-hat SEO", "FALSE INFORMATION"]
    assert check("02-the-managers-job", "q4", answer).correct
    assert not check("02-the-managers-job", "q4", [*answer, "boosting a post"]).correct
