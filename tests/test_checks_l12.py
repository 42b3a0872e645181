"""Lesson 12's self-checks: any answer that does the job passes, and a miss is named."""

from __future__ import annotations

import re
from dataclasses import replace
from types import MappingProxyType

import nbformat
import pytest

from smm_helpers import lab
from smm_helpers.budget import allocate_budget
from smm_helpers.checks import check
from smm_helpers.checks.by_lesson import l12_capstone as l12
from smm_helpers.planning import build_calendar

LESSON = "12-capstone"


@pytest.fixture(scope="module")
def notebook_code() -> str:
    nb = nbformat.read(lab.LESSONS_DIR / f"{LESSON}.ipynb", as_version=4)
    return "\n".join(c.source for c in nb.cells if c.cell_type == "code")


def test_the_checks_use_the_lessons_budget_and_calendar_start(notebook_code: str) -> None:
    budget = re.search(r"^BUDGET = ([\d_]+)", notebook_code, re.MULTILINE)
    assert budget and int(budget.group(1)) == l12.BUDGET
    assert (
        f'build_calendar("{l12.CALENDAR_START:%Y-%m-%d}", weeks={l12.CALENDAR_WEEKS}'
        in notebook_code
    )


@pytest.mark.parametrize(
    "goal",
    [
        "Raise 50 donations on Facebook from parents in Dhaka by 31 March 2026",
        "ইনস্টাগ্রামে ৬ মাসে স্বেচ্ছাসেবক ৪০ জন থেকে ১০% বাড়ানো",
    ],
)
def test_a_learners_own_smart_goal_passes(goal: str) -> None:
    assert check(LESSON, "q1", goal).correct


def test_a_vague_goal_is_pointed_to_check_goal() -> None:
    verdict = check(LESSON, "q1", "Be more active online")
    assert not verdict.correct and "check_goal(" in verdict.hint


def test_a_calendar_on_other_platforms_in_bengali_passes() -> None:
    calendar = build_calendar(
        "2026-02-02",
        weeks=4,
        platforms=["facebook", "tiktok"],
        posts_per_week={"facebook": 7, "tiktok": 3},
        language="bn",
    )
    assert check(LESSON, "q2", calendar).correct


def test_a_calendar_starting_in_the_wrong_week_names_its_start() -> None:
    calendar = build_calendar("2026-03-02", weeks=4, platforms=["facebook", "instagram"])
    verdict = check(LESSON, "q2", calendar)
    assert not verdict.correct
    assert any("starts 02 March 2026" in m for m in verdict.missing)
    assert any("Mother Language Day" in m for m in verdict.missing)


def test_every_problem_of_a_calendar_is_listed() -> None:
    calendar = build_calendar(
        "2026-02-02", weeks=2, platforms="facebook", posts_per_week=1, special_days=False
    )
    assert len(check(LESSON, "q2", calendar).missing) == 4


def test_a_split_with_the_learners_own_prices_passes() -> None:
    split = allocate_budget(
        l12.BUDGET,
        ["facebook", "instagram", "tiktok"],
        cost_per_result={"facebook": 4.9, "instagram": 3.4, "tiktok": 10.7},
    )
    assert check(LESSON, "q3", split).correct


def test_a_hand_edited_split_is_caught_by_its_marginal_costs() -> None:
    best = allocate_budget(
        l12.BUDGET, ["facebook", "instagram"], cost_per_result={"facebook": 5, "instagram": 3}
    )
    moved = replace(best, spend=MappingProxyType({"facebook": 5_000.0, "instagram": 5_000.0}))
    verdict = check(LESSON, "q3", moved)
    assert not verdict.correct
    assert verdict.missing == (
        "the same cost for the next result on every funded platform (compare split.marginal_cost)",
    )


def test_a_split_of_part_of_the_budget_says_how_much_it_spends() -> None:
    verdict = check(LESSON, "q3", allocate_budget(4_000, ["facebook", "instagram"]))
    assert any("spends 4,000" in m for m in verdict.missing)


def test_a_recommendation_in_bengali_and_english_passes() -> None:
    text = (
        "ফেসবুক আর ইনস্টাগ্রাম রাখুন। ডিসেম্বরে উত্তর দিতে গড়ে ১৪ ঘণ্টা লেগেছে, তাই "
        "শুক্র ও শনিবারের জন্য একটি reply rota করুন। ১০,০০০ টাকার বাজেট দুই প্ল্যাটফর্মে ভাগ "
        "করুন যাতে পরের ফলাফলের খরচ সমান থাকে। চার সপ্তাহ পরে আবার পর্যালোচনা করব, "
        "মার্চ ২০২৬ এ।"
    )
    assert check(LESSON, "q4", text).correct


def test_a_short_recommendation_lists_what_is_missing() -> None:
    verdict = check(LESSON, "q4", "Boost Facebook posts with the budget.")
    assert not verdict.correct
    assert "when to review again" in verdict.missing
