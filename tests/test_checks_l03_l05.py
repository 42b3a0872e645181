"""Lessons 03–05 self-checks: references pass, typical mistakes fail, hints keep answers."""

from __future__ import annotations

from typing import Any

import pytest

from smm_helpers.checks import check, questions
from smm_helpers.checks.by_lesson import l03_platforms, l04_goals_and_plans, l05_policy
from smm_helpers.planning import check_goal, lint_policy
from smm_helpers.platforms import recommend_platforms

LESSONS = ("03-platforms", "04-goals-and-plans", "05-policy")
CASES = [(lesson, qid) for lesson in LESSONS for qid in questions(lesson)]


def _said(verdict: object) -> str:
    return " ".join(str(getattr(verdict, part)) for part in ("message", "hint", "missing"))


@pytest.mark.parametrize(("lesson", "qid"), CASES)
def test_every_reference_answer_is_accepted(lesson: str, qid: str) -> None:
    for answer in questions(lesson)[qid].reference_answers():
        assert check(lesson, qid, answer).correct, (lesson, qid, answer)


@pytest.mark.parametrize(("lesson", "qid"), CASES)
def test_every_typical_mistake_is_rejected_without_giving_the_answer(lesson: str, qid: str) -> None:
    question = questions(lesson)[qid]
    wrongs = question.wrong_answers()
    assert wrongs, "each question needs typical wrong answers"
    for answer in wrongs:
        verdict = check(lesson, qid, answer)
        assert not verdict.correct, (lesson, qid, answer)
        for reference in question.reference_answers():
            if isinstance(reference, str) and len(reference) < 40:
                assert reference.casefold() not in _said(verdict).casefold()


@pytest.mark.parametrize(("lesson", "qid"), CASES)
def test_unanswered_placeholder_gets_a_kind_not_yet(lesson: str, qid: str) -> None:
    verdict = check(lesson, qid, ...)
    assert not verdict.correct and "haven't answered" in verdict.message


def test_q1_answer_is_what_recommend_platforms_ranks_first() -> None:
    first = recommend_platforms(l03_platforms.VOLUNTEER_DRIVE).ranking[0]
    assert check("03-platforms", "q1", first).correct
    assert first != "facebook", "the question is only interesting when Facebook is not first"


def test_fewer_hours_means_fewer_platforms_to_focus_on() -> None:
    assert l03_platforms.focus_count(l03_platforms.FEW_HOURS) < l03_platforms.focus_count(
        l03_platforms.ALO.hours_per_week
    )


def test_justification_without_a_format_names_what_is_missing() -> None:
    verdict = check(
        "03-platforms",
        "q4",
        "Facebook, because parents aged 25 to 45 in Dhaka "
        "are there every day and they are our donors.",
    )
    assert not verdict.correct
    assert len(verdict.missing) == 1 and "format" in verdict.missing[0]


def test_a_goal_check_goal_accepts_passes_and_a_deadline_less_one_says_what_is_missing() -> None:
    goal = "Get 400 volunteer sign-ups from students in Dhaka on Instagram by May 2027"
    assert check_goal(goal).ok
    assert check("04-goals-and-plans", "q1", goal).correct
    verdict = check("04-goals-and-plans", "q1", l04_goals_and_plans.GOAL_WITHOUT_DEADLINE)
    assert verdict.missing == ("time-bound",)


def test_plan_review_has_both_met_and_missed_targets() -> None:
    assert l04_goals_and_plans.missed_metrics()
    assert l04_goals_and_plans.met_metrics()
    assert l04_goals_and_plans.response_rate_gap() < 0


def test_gap_given_as_percentage_points_gets_the_percentage_hint() -> None:
    gap = l04_goals_and_plans.response_rate_gap()
    verdict = check("04-goals-and-plans", "q3", gap * 100)
    assert "percentage" in verdict.hint


def test_policy_with_a_gap_lacks_exactly_one_section() -> None:
    assert len(lint_policy(l05_policy.POLICY_WITH_A_GAP).missing) == 1


def test_policy_check_names_the_missing_sections_by_title() -> None:
    verdict = check("05-policy", "q1", l05_policy.POLICY_WITH_A_GAP)
    assert not verdict.correct
    assert verdict.missing and all(m[0].isupper() for m in verdict.missing)


def test_a_written_policy_from_policy_answers_passes() -> None:
    from smm_helpers.planning import PolicyAnswers, write_policy

    answers = PolicyAnswers(
        organisation="Nakshi Ghor",
        purpose="We sell handmade crafts from Bangladesh.",
        work_hours_use="Staff post for the shop at work; personal use in breaks.",
        not_allowed=["arguing with customers in public"],
        spokespeople=["the owner"],
        responders=["the shop assistant"],
        response_time_hours=6,
        tools=["Facebook", "Instagram"],
        account_access="The owner gives each helper Page access.",
        escalation_contacts=["the owner"],
        crisis_contact="the owner",
        photo_consent="artisans agree before their photo is posted",
        review_date="2027-06-30",
    )
    assert check("05-policy", "q1", write_policy(answers)).correct


def _run_cell(notebook: str, marker: str, names: dict[str, Any]) -> dict[str, Any]:
    """Run the one code cell of a lesson that contains ``marker``; return its names."""
    import nbformat

    from tests.conftest import REPO

    nb = nbformat.read(REPO / "lessons" / notebook, as_version=4)
    (source,) = [c.source for c in nb.cells if c.cell_type == "code" and marker in c.source]
    exec(source, names)
    return names


def test_lesson_03_profile_is_the_one_the_checks_use() -> None:
    from smm_helpers.platforms import OrgProfile

    names = _run_cell(
        "03-platforms.ipynb",
        "alo = OrgProfile(",
        {"OrgProfile": OrgProfile, "recommend_platforms": recommend_platforms},
    )
    assert names["alo"] == l03_platforms.ALO


def test_lesson_04_plan_is_the_one_the_checks_review() -> None:
    from smm_helpers.planning import SocialMediaPlan, Target

    names = _run_cell("04-goals-and-plans.ipynb", "targets = [", {"Target": Target})
    names = _run_cell(
        "04-goals-and-plans.ipynb",
        "plan = SocialMediaPlan(",
        {**names, "SocialMediaPlan": SocialMediaPlan},
    )
    assert names["plan"] == l04_goals_and_plans.alo_plan()
