"""Self-checks of lessons 08 (scheduling) and 09 (community): answers learners really give."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest

from smm_helpers.checks import check, questions
from smm_helpers.checks.by_lesson import l08_scheduling as l08
from smm_helpers.checks.by_lesson import l09_community as l09
from smm_helpers.community import classify_message, escalation_queue
from smm_helpers.datasets import load_inbox, load_posts
from smm_helpers.metrics import best_time_table, response_rate, response_times
from smm_helpers.planning import build_calendar, giving_tuesday

CASES = [(lesson, qid) for lesson in ("08-scheduling", "09-community") for qid in questions(lesson)]


@pytest.mark.parametrize(("lesson", "qid"), CASES)
def test_every_reference_is_accepted_and_every_wrong_rejected(lesson, qid):
    question = questions(lesson)[qid]
    for answer in question.reference_answers():
        assert check(lesson, qid, answer).correct, answer
    assert question.wrong_answers(), "each question lists typical wrong answers"
    for answer in question.wrong_answers():
        verdict = check(lesson, qid, answer)
        assert not verdict.correct, answer
        said = f"{verdict.message} {verdict.hint}".casefold()
        for reference in question.reference_answers():
            assert str(reference).casefold() not in said


@pytest.mark.parametrize(("lesson", "qid"), CASES)
def test_placeholder_is_answered_kindly(lesson, qid):
    assert "haven't answered" in check(lesson, qid, ...).message


def instagram_table(min_posts=5):
    posts = load_posts(client="nonprofit")
    return best_time_table(posts[posts["platform"] == "instagram"], min_posts=min_posts)


def test_best_slot_accepts_the_table_row_a_learner_gets_from_best():
    best = instagram_table().best(1)
    assert check("08-scheduling", "q1", best).correct
    assert check("08-scheduling", "q1", best.iloc[0]).correct


def test_best_slot_rejects_a_slot_backed_by_too_few_posts():
    thin = instagram_table(min_posts=1).best(1)
    verdict = check("08-scheduling", "q1", thin)
    assert not verdict.correct
    assert "min_posts" in verdict.hint


def test_best_slot_accepts_am_pm_spelling():
    day, hour = instagram_table().best(1)[["weekday", "hour"]].iloc[0]
    twelve = f"{hour % 12 or 12}{'pm' if hour >= 12 else 'am'}"
    assert check("08-scheduling", "q1", f"{day[:3]} {twelve}").correct


def test_giving_tuesday_accepts_timestamps_and_rejects_thanksgiving():
    day = giving_tuesday(l08.GIVING_TUESDAY_YEAR)
    assert check("08-scheduling", "q2", pd.Timestamp(day)).correct
    assert check("08-scheduling", "q2", f"{day.isoformat()}T00:00:00+06:00").correct
    thursday = datetime(day.year, day.month, day.day) - pd.Timedelta(days=5)
    assert "Thanksgiving" in check("08-scheduling", "q2", thursday).hint
    assert not check("08-scheduling", "q2", date(day.year, 12, 31)).correct


def test_post_count_accepts_the_sum_of_post_counts():
    calendar = build_calendar(
        l08.Q3_START,
        weeks=l08.Q3_WEEKS,
        platforms=list(l08.Q3_POSTS_PER_WEEK),
        posts_per_week=l08.Q3_POSTS_PER_WEEK,
    )
    total = calendar.post_counts().to_numpy().sum()
    assert check("08-scheduling", "q3", total).correct
    assert not check("08-scheduling", "q3", len(calendar.events)).correct


def test_why_in_advance_lists_what_is_missing():
    verdict = check(
        "08-scheduling",
        "q4",
        "So that we can write and design the posts calmly, "
        "with time to translate them into Bengali and get them approved by the team.",
    )
    assert not verdict.correct
    assert len(verdict.missing) == 2
    good = (
        "We need time to design posts and translate them. If we leave it to the last "
        "minute we may post late, and on these days people pay attention and engage more."
    )
    assert check("08-scheduling", "q4", good).correct


def test_response_rate_accepts_a_value_computed_from_the_raw_columns():
    inbox = load_inbox(client="nonprofit")
    assert check("09-community", "q1", inbox["responded_at"].notna().mean()).correct
    assert check("09-community", "q1", response_rate(inbox)).correct


def test_median_hours_rejects_the_mean_with_a_hint_about_it():
    hours = response_times(load_inbox(client="nonprofit"))
    assert check("09-community", "q2", hours.median()).correct
    verdict = check("09-community", "q2", hours.mean())
    assert not verdict.correct
    assert "mean" in verdict.hint


def test_classifier_reads_the_sarcastic_message_the_lesson_uses_and_says_why():
    # the exercise asks the learner to read it as a person would, then compare: the
    # classifier now names the sarcasm cue, and its verdict is the quiz's right answer
    result = classify_message(l09.SARCASTIC_MESSAGE)
    assert result.category == l09.SARCASTIC_LABEL
    assert any("sarcasm" in reason for reason in result.reasons)
    assert check("09-community", "q3", result.category).correct is True
    assert check("09-community", "q3", "praise").correct is False


@pytest.mark.parametrize(
    "reply",
    [
        "So sorry about this! Please send us a DM with your details and we'll sort it out by "
        "tomorrow morning.",
        "Apologies for the delay. Could you call us on 01700-000000? We will check your "
        "donation today and send the receipt.",
        "দুঃখিত! দয়া করে ইনবক্সে আপনার নম্বর দিন, আমরা আজই রসিদ পাঠিয়ে দেব, কথা দিচ্ছি।",
    ],
)
def test_reply_accepts_other_good_replies(reply):
    assert check("09-community", "q4", reply).correct


def test_reply_that_blames_the_supporter_is_rejected_even_with_every_element():
    verdict = check(
        "09-community",
        "q4",
        "Sorry, but you should have checked your spam "
        "folder. Please DM us and we will resend it within 2 hours.",
    )
    assert not verdict.correct
    assert verdict.missing == (l09.NO_BLAME,)


def test_escalation_answer_follows_the_queue_and_oldest_first_is_wrong():
    inbox = l09.practice_inbox()
    queue = escalation_queue(inbox, now=l09.PRACTICE_NOW)
    assert check("09-community", "q5", queue["message_id"].iloc[0]).correct
    oldest = inbox.sort_values("received_at")["message_id"].iloc[0]
    if oldest != queue["message_id"].iloc[0]:
        assert "urgent" in check("09-community", "q5", oldest).hint
