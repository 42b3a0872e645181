"""The sample submissions of assignments 02–07 get exactly the scores their answers earn.

For each assignment the real pipeline runs in a temporary copy of the course: nbgrader
releases it, every ``course/samples/<assignment>/<outcome>/`` folder is submitted as learner
``sample-<outcome>``, then collect and autograde.  One fixture per assignment (a test each),
so pytest-xdist can grade the assignments on different workers.

Expected scores are worked out from the points of each test cell (checked against the
source notebook below) and what each sample answers, not copied from a run:

- ``all-correct`` and ``late`` compute every answer from their own data: full points;
  ``late`` is submitted 1 day 10 h 6 min after the due date (reported, not penalised);
- ``blank`` is the released notebook untouched: 0;
- ``partial`` makes one realistic mistake; the parts listed in ``PARTIAL_FAILS`` get 0.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow
SAMPLES = REPO / "course" / "samples"
OUTCOMES = ("all-correct", "late", "partial", "blank")


@dataclass(frozen=True)
class Expected:
    auto: dict[str, int]  # autograded test cell → points, in notebook order
    manual: int  # points graded by hand (not part of an autograded score)
    partial_fails: tuple[str, ...]  # the test cells the partial sample's mistake costs
    partial: int  # its score, written out


EXPECTED = {
    "02-policy": Expected(
        {
            "missing_sections_in_draft_policy": 2,
            "completed_draft_passes_lint": 2,
            "response_promise_from_inbox_p90": 2,
            "policy_written_from_answers": 2,
        },
        8,
        # the median wait instead of the 90th percentile: Part 3's hidden test fails; Part 4
        # is judged with the learner's own promise_hours, so the slip is paid once: 8 - 2
        ("response_promise_from_inbox_p90",),
        6,
    ),
    "03-content-and-scheduling": Expected(
        {
            "x_weighted_length_of_bengali_post": 2,
            "youtube_description_bytes_of_bengali_post": 2,
            "hashtag_counts_on_nonprofit_instagram": 2,
            "best_trusted_instagram_slot": 2,
            "calendar_posts_and_special_days": 2,
            "own_x_post_for_first_special_day": 1,
        },
        4,
        # hashtags counted over all of Alo's posts, not only Instagram: Part 3 (nothing
        # later uses hashtag_counts): 11 - 2
        ("hashtag_counts_on_nonprofit_instagram",),
        9,
    ),
    "04-community": Expected(
        {
            "nonprofit_response_rate_without_spam": 2,
            "nonprofit_median_response_hours": 2,
            "escalation_queue_order_at_sunday_morning": 2,
            "classifier_agreement_on_first_40_messages": 2,
        },
        7,
        # the mean wait instead of the median: Part 2's visible check catches it: 8 - 2
        ("nonprofit_median_response_hours",),
        6,
    ),
    "05-analytics-and-reporting": Expected(
        {
            "nonprofit_summary_by_platform": 2,
            "week_with_most_engagements": 1,
            "engagements_in_best_week": 1,
            "ab_test_english_vs_bengali_link_posts": 2,
            "alo_instagram_follower_growth": 2,
        },
        5,
        # er_reach as the mean of per-post rates, not a ratio of sums: Part 1 (nothing later
        # uses platform_summary): 8 - 2
        ("nonprofit_summary_by_platform",),
        6,
    ),
    "06-budget-and-ethics": Expected(
        {
            "cost_per_result_from_alo_campaigns": 2,
            "budget_split_by_equal_marginal_cost": 2,
            "roi_and_break_even_of_biggest_donations_campaign": 2,
            "disclosure_and_unsourced_claims": 2,
            "bought_follower_days_found": 2,
        },
        5,
        # the mean of each campaign's cost instead of total spend ÷ total conversions:
        # Part 1 only; Part 2 is judged on the learner's own Part 1 costs: 10 - 2
        ("cost_per_result_from_alo_campaigns",),
        8,
    ),
    "07-capstone": Expected(
        {
            "alo_baseline_october_to_december": 2,
            "plan_targets_from_own_baseline": 3,
            "february_calendar_from_plan": 2,
            "february_budget_split": 2,
        },
        8,
        # an er_reach target of twice the baseline (more than 1.5×): Part 2 only; the
        # calendar and the split use the plan's post counts, pillars, budget and platforms,
        # which are right: 9 - 3
        ("plan_targets_from_own_baseline",),
        6,
    ),
}


def _source_points(assignment: str) -> tuple[dict[str, int], int]:
    """(autograded test cell → points, hand-graded points) as the source notebook says."""
    cells = json.loads((REPO / "assignments" / assignment / f"{assignment}.ipynb").read_text())[
        "cells"
    ]
    graded = [
        c["metadata"]["nbgrader"] for c in cells if c["metadata"].get("nbgrader", {}).get("grade")
    ]
    auto = {m["grade_id"]: m["points"] for m in graded if not m.get("solution")}
    return auto, sum(m["points"] for m in graded if m.get("solution"))


@pytest.fixture(scope="session")
def empty_gradebook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new gradebook as nbgrader creates it, made once per worker and copied into each
    course (creating one runs the ``alembic`` command, which takes seconds)."""
    from smm_helpers.grading.course import open_course

    root = tmp_path_factory.mktemp("empty-gradebook")
    shutil.copy(REPO / "course" / "nbgrader_config.py", root)
    course = open_course(root)
    with course.gradebook():
        pass
    return root / "gradebook.db"


@pytest.fixture(scope="module", params=list(EXPECTED))
def graded(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, empty_gradebook: Path
):
    """One assignment released, its samples submitted, collected and autograded."""
    from smm_helpers.grading.autograde import autograde
    from smm_helpers.grading.collect import collect_from_exchange
    from smm_helpers.grading.course import open_course
    from smm_helpers.grading.demo import RUNTIME, submit_sample
    from smm_helpers.grading.release import release

    a = request.param
    root = tmp_path_factory.mktemp(a)
    shutil.copytree(REPO / "course", root / "course", ignore=shutil.ignore_patterns(*RUNTIME))
    shutil.copytree(REPO / "assignments" / a, root / "assignments" / a)
    shutil.copy(empty_gradebook, root / "course" / "gradebook.db")
    course = open_course(root / "course")
    lines: list[str] = []
    release(course, a, lines.append)
    inbound = course.exchange_dir / course.course_id / "inbound"
    for outcome in OUTCOMES:
        submit_sample(inbound, f"sample-{outcome}", a, SAMPLES / a / outcome)
    collect_from_exchange(course, a, lines.append)
    report = autograde(course, a, echo=lines.append)
    return a, course, report


def test_samples_get_the_scores_their_answers_earn(graded) -> None:
    a, course, report = graded
    want = EXPECTED[a]
    assert _source_points(a) == (want.auto, want.manual), "the source's points changed"
    full = sum(want.auto.values())
    assert full - sum(want.auto[g] for g in want.partial_fails) == want.partial

    # every roster learner has a row; those without a sample of this assignment are missing
    roster = [learner.id for learner in course.roster()]
    expected = {learner: (0.0, "missing") for learner in roster}
    expected |= {
        "sample-all-correct": (full, "ok"),
        "sample-late": (full, "late"),
        "sample-partial": (want.partial, "ok"),
        "sample-blank": (0, "ok"),
    }
    got = {row.learner: (row.score, row.status) for row in report.rows}
    assert got == expected, report.table()
    assert {row.max_score for row in report.rows} == {full + want.manual}
    late = [(p.learner, p.message) for p in report.problems if p.kind == "late"]
    assert [learner for learner, _ in late] == ["sample-late"]
    assert late[0][1].startswith("submitted 1 day 10 h 6 min after the due date")

    # test cell by test cell: the partial sample loses exactly the parts its mistake costs
    per_cell = {outcome: {g: p for g, p in want.auto.items()} for outcome in OUTCOMES}
    per_cell["blank"] = dict.fromkeys(want.auto, 0)
    per_cell["partial"] |= dict.fromkeys(want.partial_fails, 0)
    with course.gradebook() as gb:
        scores = {
            outcome: {g: gb.find_grade(g, a, a, f"sample-{outcome}").score for g in want.auto}
            for outcome in OUTCOMES
        }
    assert scores == per_cell

    # no notebook was lost: each is submitted as sent, and autograded with all its cells
    for outcome in OUTCOMES:
        sent = SAMPLES / a / outcome / f"{a}.ipynb"
        submitted = course.path("submitted") / f"sample-{outcome}" / a / f"{a}.ipynb"
        autograded = course.path("autograded") / f"sample-{outcome}" / a / f"{a}.ipynb"
        assert submitted.read_bytes() == sent.read_bytes(), outcome
        cells = json.loads(autograded.read_text())["cells"]
        assert len(cells) == len(json.loads(sent.read_text())["cells"]), outcome
