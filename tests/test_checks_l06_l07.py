"""Self-checks of lessons 06 (budget) and 07 (content): right answers pass, typical slips don't."""

from __future__ import annotations

import numpy as np
import pytest

from smm_helpers import metrics
from smm_helpers.budget import allocate_budget
from smm_helpers.checks import check, questions
from smm_helpers.checks.by_lesson import l06_budget, l07_content
from smm_helpers.content import check_post
from smm_helpers.datasets import load_campaigns, load_posts

CASES = [(lesson, qid) for lesson in ("06-budget", "07-content") for qid in questions(lesson)]


@pytest.mark.parametrize(("lesson", "qid"), CASES)
def test_every_reference_answer_is_accepted(lesson, qid):
    for answer in questions(lesson)[qid].reference_answers():
        assert check(lesson, qid, answer).correct, answer


@pytest.mark.parametrize(("lesson", "qid"), CASES)
def test_every_typical_wrong_answer_is_rejected_without_giving_the_answer_away(lesson, qid):
    question = questions(lesson)[qid]
    wrong = question.wrong_answers()
    assert wrong, "each question needs typical wrong answers"
    shown = [str(a) for a in question.reference_answers() if not isinstance(a, float)]
    for answer in wrong:
        verdict = check(lesson, qid, answer)
        assert not verdict.correct, answer
        assert verdict.hint, "a wrong answer gets a hint"
        words = " ".join([verdict.message, verdict.hint, *verdict.missing])
        for right in shown:
            assert right.casefold() not in words.casefold(), (answer, words)


@pytest.mark.parametrize(("lesson", "qid"), CASES)
def test_an_unanswered_question_is_answered_kindly(lesson, qid):
    assert check(lesson, qid, ...).message == "You haven't answered yet."


def test_roi_answer_agrees_with_the_campaign_metrics_table():
    table = metrics.campaign_metrics(load_campaigns(), margin=metrics.COURSE_MARGINS)
    table = table.set_index("campaign_id")
    chosen = l06_budget.roi_campaign()
    assert l06_budget.campaign_roi() == pytest.approx(table.loc[chosen, "roi"])
    assert check("06-budget", "q1", np.float64(table.loc[chosen, "roi"]))


def test_break_even_is_the_first_whole_number_of_sales_that_covers_the_spend():
    campaigns = load_campaigns().set_index("campaign_id")
    row = campaigns.loc[l06_budget.break_even_campaign()]
    kept = row["conversion_value"] / row["conversions"] * l06_budget.SHOP_MARGIN
    sales = l06_budget.sales_to_break_even()
    assert sales * kept >= row["spend"] > (sales - 1) * kept
    assert check("06-budget", "q2", np.int64(sales)).correct


def test_rounding_break_even_down_gets_a_round_the_other_way_hint():
    verdict = check("06-budget", "q2", l06_budget.sales_to_break_even() - 1)
    assert "round" in verdict.hint


def test_the_biggest_share_is_not_simply_the_cheapest_platform():
    split = allocate_budget(
        l06_budget.SPLIT_TOTAL,
        list(l06_budget.SPLIT_PLATFORMS),
        saturation=l06_budget.SPLIT_SATURATION,
    )
    cheapest = min(split.platforms, key=lambda p: split.cost_per_result[p])
    assert l06_budget.biggest_share() != cheapest
    assert not check("06-budget", "q3", cheapest)


def test_choice_answers_ignore_case_and_spaces():
    assert check("06-budget", "q3", f"  {l06_budget.biggest_share().upper()} ")
    assert check("07-content", "q4", l07_content.best_instagram_format().replace("_", " "))


def test_roas_given_for_roi_is_named_as_roas():
    verdict = check("06-budget", "q1", l06_budget.campaign_roi() + 1)
    assert "ROAS" in verdict.hint


def test_x_length_counts_the_link_as_23_and_bengali_as_1():
    post = l07_content.EXERCISE_POST
    link = "https://example.org/nakshi-ghor/eid-collection-2026"
    without_link = post.replace(link, "")
    # every character outside the link and the emoji counts 1, the emoji 2, the link 23
    assert l07_content.x_length() == len(without_link) - 1 + 2 + 23


def test_long_caption_looks_short_enough_but_breaks_instagram():
    caption = l07_content.LONG_CAPTION
    assert check_post(caption, "instagram").visible_characters < 2200 < len(caption)
    assert l07_content.broken_by_caption() == ("instagram",)


def test_any_short_enough_fix_that_keeps_the_essentials_is_accepted():
    held_out = (
        "আলো পাঠচক্র বইমেলা, পহেলা বৈশাখ, সকাল ১০টা! "
        "https://example.org/alo/boishakh-book-fair #পহেলা_বৈশাখ #বইমেলা"
    )
    assert check("07-content", "q3", held_out).correct


def test_a_fix_that_drops_the_hashtag_is_told_what_is_missing():
    verdict = check("07-content", "q3", "আলো পাঠচক্র https://example.org/alo/boishakh-book-fair")
    assert not verdict.correct
    assert verdict.missing == ("the hashtag #পহেলা_বৈশাখ",)


def test_best_instagram_format_is_read_from_the_data():
    posts = load_posts()
    table = metrics.summarize(posts[posts["platform"] == "instagram"], by="format")
    assert l07_content.best_instagram_format() == table["er_reach"].idxmax()


def test_a_digits_only_word_after_hash_is_not_counted_as_a_hashtag():
    assert "#১" in l07_content.HASHTAG_CAPTION
    assert l07_content.hashtag_count() == l07_content.HASHTAG_CAPTION.count("#") - 1
