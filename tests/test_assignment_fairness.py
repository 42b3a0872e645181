"""Assignments 01–05 award points for understanding, judge numbers to the precision they
state, never charge one slip twice, and their rubrics agree with the course's own tools.

The notebooks' cells run here in one namespace (no kernel), as the learner ``ar1001``; each
test then runs one graded test cell, hidden tests included, on answers that are right,
rounded, slipped or guessed.
"""

from __future__ import annotations

import re
import traceback
from pathlib import Path
from typing import Any

import nbformat
import pytest

from smm_helpers.planning.policy import MAX_SENTENCE_WORDS, MAX_WORDS
from tests.conftest import REPO

LEARNER = "ar1001"
RUBRICS = REPO / "course" / "rubrics"


def _notebook(slug: str) -> Any:
    path = next((REPO / "assignments").glob(f"{slug}*/{slug}*.ipynb"))
    return nbformat.read(path, as_version=4)


def _grade_id(cell: Any) -> str:
    return cell.metadata.get("nbgrader", {}).get("grade_id", "")


def _is_test(cell: Any) -> bool:
    meta = cell.metadata.get("nbgrader", {})
    return cell.cell_type == "code" and meta.get("grade") and not meta.get("solution")


class Run:
    """An assignment's source notebook run top to bottom in one namespace, tests left out."""

    def __init__(self, slug: str) -> None:
        self.nb = _notebook(slug)
        self.ns: dict[str, Any] = {"__name__": "__assignment__"}
        for cell in self.nb.cells:
            if cell.cell_type == "code" and not _is_test(cell):
                exec(compile(cell.source, _grade_id(cell) or cell.id, "exec"), self.ns)

    def cell(self, grade_id: str) -> Any:
        return next(c for c in self.nb.cells if _grade_id(c) == grade_id)

    def rerun(self, grade_id: str) -> None:
        exec(compile(self.cell(grade_id).source, grade_id, "exec"), self.ns)

    def test(self, grade_id: str, **answers: Any) -> str | None:
        """Run a graded test cell (hidden tests too) with ``answers`` put in; its failure."""
        ns = {**self.ns, **answers}
        try:
            exec(compile(self.cell(grade_id).source, grade_id, "exec"), ns)
        except AssertionError as failure:
            return str(failure)
        except Exception:  # any other error is a failed test cell too
            return traceback.format_exc(limit=1)
        return None


@pytest.fixture(scope="module", autouse=True)
def _learner(tmp_path_factory: pytest.TempPathFactory) -> Any:
    mp = pytest.MonkeyPatch()
    mp.setenv("SMM_LEARNER_ID", LEARNER)
    mp.setenv("MPLBACKEND", "Agg")
    yield
    mp.undo()


# ------------------------------------------------------------------ 01: the best platform


@pytest.fixture(scope="module")
def a01() -> Run:
    return Run("01-")


def test_01_the_best_platform_needs_the_figure_behind_it(a01: Run) -> None:
    right = a01.ns["best_platform"]
    rate = 100 * float(a01.ns["er_by_platform"].max())
    assert a01.test("best_platform") is None
    assert a01.test("best_platform", best_rate_percent=rate) is None  # unrounded is fine
    assert a01.test("best_platform", best_rate_percent=round(rate, 1)) is None
    guessed = a01.test("best_platform", best_platform=right, best_rate_percent=5.0)
    assert guessed and "best_rate_percent" in guessed, "a right name with a made-up figure"
    as_fraction = a01.test("best_platform", best_rate_percent=rate / 100)
    assert as_fraction and "0.0528 is 5.3%" in as_fraction
    rounded = a01.test("best_platform", best_rate_percent=float(round(rate)))
    assert rounded is None or "rounded to 0 decimal places" in rounded
    prompt = a01.cell("part2_answer_looks_like").source
    assert "rounded\n  to 1 decimal place" in prompt or "rounded to 1 decimal place" in prompt


# ------------------------------------------------------------------ 02: no double penalty


@pytest.fixture(scope="module")
def a02() -> Run:
    return Run("02-")


def test_02_a_slip_in_part_3_costs_part_3_only(a02: Run) -> None:
    right = a02.ns["promise_hours"]
    assert a02.test("response_promise_from_inbox_p90") is None
    assert a02.test("policy_written_from_answers") is None
    a02.ns["promise_hours"] = right + 1  # a one-character slip
    a02.rerun("policy_answers_answer")  # Part 4 written, as asked, with promise_hours
    try:
        assert a02.test("response_promise_from_inbox_p90") is not None
        assert a02.test("policy_written_from_answers") is None
        # a Part 4 that ignores its own Part 3 still fails
        other = a02.test("policy_written_from_answers", promise_hours=right + 5)
        assert other and "promise" in other
    finally:
        a02.ns["promise_hours"] = right
        a02.rerun("policy_answers_answer")


def test_02_asks_for_page_access_never_a_shared_password(a02: Run) -> None:
    text = "\n".join(c.source for c in a02.nb.cells)
    assert not re.search(r"\bhold\w*\s+(?:the\s+|each\s+)?passwords?\b", text, re.I), (
        "a Facebook Page has no password to hold"
    )
    assert "sources.md#facebook-page-access" in text
    assert "Page access" in a02.ns["my_policy"] or "Page access" in a02.ns["answers"].account_access
    rubric = (RUBRICS / "02-policy.md").read_text(encoding="utf-8")
    assert "sources.md#facebook-page-access" in rubric and "removed" in rubric


def test_02_word_limits_agree_with_lint_policy(a02: Run) -> None:
    rubric = (RUBRICS / "02-policy.md").read_text(encoding="utf-8")
    part5 = a02.cell("part5_intro").source
    for text in (rubric, part5):
        assert f"under {MAX_WORDS} words" in text
        assert f"under {MAX_SENTENCE_WORDS} words" in text
        others = {int(n) for n in re.findall(r"under (\d+) words", text)}
        assert others <= {MAX_WORDS, MAX_SENTENCE_WORDS}, others


# ------------------------------------------------------------------ 04: stated precision


@pytest.fixture(scope="module")
def a04() -> Run:
    return Run("04-")


@pytest.mark.parametrize(
    ("grade_id", "name", "places", "prompt_id"),
    [
        ("nonprofit_response_rate_without_spam", "response_rate_np", 3, "part1_answer_looks_like"),
        ("nonprofit_median_response_hours", "median_hours_np", 1, "part2_answer_looks_like"),
        ("classifier_agreement_on_first_40_messages", "agreement", 3, "part4_answer_looks_like"),
    ],
)
def test_04_numbers_are_judged_to_the_precision_the_question_states(
    a04: Run, grade_id: str, name: str, places: int, prompt_id: str
) -> None:
    phrase = f"{places} decimal place{'' if places == 1 else 's'}"
    assert f"rounded to {phrase}" in " ".join(a04.cell(prompt_id).source.split())
    value = float(a04.ns[name])
    assert a04.test(grade_id, **{name: round(value, places)}) is None
    assert a04.test(grade_id, **{name: value}) is None
    coarser = round(value, places - 1)
    if abs(coarser - value) > 0.5 * 10**-places:
        failure = a04.test(grade_id, **{name: coarser})
        assert failure and f"rounded to {places - 1} decimal place" in failure


# ------------------------------------------------------------------ 05: the best week


@pytest.fixture(scope="module")
def a05() -> Run:
    return Run("05-")


def test_05_the_week_and_the_figure_behind_it_earn_a_point_each(a05: Run) -> None:
    week, figure = "week_with_most_engagements", "engagements_in_best_week"
    points = {_grade_id(c): c.metadata["nbgrader"]["points"] for c in a05.nb.cells if _is_test(c)}
    assert points[week] == 1 and points[figure] == 1
    assert a05.test(week) is None and a05.test(figure) is None
    weekly = a05.ns["weekly"]["engagements"]
    runner_up = weekly.sort_values(ascending=False).index[1].strftime("%Y-%m-%d")
    assert a05.test(week, best_week=runner_up) is not None  # a wrong guess
    assert a05.test(figure, best_week=runner_up) is None  # judged on its own
    assert a05.test(figure, best_week_engagements=int(weekly.sort_values().iloc[-2])) is not None


# ------------------------------------------------------------------ rubrics

RUBRIC_FILES = sorted(RUBRICS.glob("0[1-5]-*.md"))


def _rows(text: str) -> list[list[str]]:
    rows = []
    for line in text.splitlines():
        if re.match(r"^\|\s*\d+\s*\|", line):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows


@pytest.mark.parametrize("path", RUBRIC_FILES, ids=[p.stem for p in RUBRIC_FILES])
def test_rubric_rows_are_one_point_each_and_number_rows_show_numbers(path: Path) -> None:
    rows = _rows(path.read_text(encoding="utf-8"))
    assert rows
    for points, criterion, met, *_ in rows:
        assert points == "1", f"{path.name}: a row worth {points} is all-or-nothing: {criterion}"
        if re.search(
            r"\b(?:with|as|quotes)\b[^|]{0,40}\b(?:numbers?|percentage)\b", criterion, re.I
        ):  # a row that asks for a number
            examples = [e for e in re.split(r";\s*|\" or \"", met) if e.strip()]
            for example in examples:
                assert re.search(r"\d", example), (
                    f"{path.name}: an example credited for a number it does not have: {example!r}"
                )


@pytest.mark.parametrize("path", RUBRIC_FILES, ids=[p.stem for p in RUBRIC_FILES])
def test_rubric_scores_in_examples_add_up(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    total = len(_rows(text))
    for score, out_of in re.findall(r"^## .*\((\d+)/(\d+)\)$", text, re.MULTILINE):
        assert int(out_of) == total, f"{path.name}: an example is scored out of {out_of}"
        assert int(score) <= total
