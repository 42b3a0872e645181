"""One time budget per notebook covers every question the tests ask a learner's kernel.

The trusted tests ask the learner's kernel for their answers and call the learner's
functions there; each ask waits at most the per-cell limit and never past what is left of the
notebook's budget (``NotebookBudget``), so a kernel that answers slowly, many times, still
ends within the notebook's limit.  Fast: no kernel, the asks are recorded.
"""

from __future__ import annotations

from typing import Any

import pytest

from smm_helpers.grading.grade_learner import NotebookBudget
from smm_helpers.grading.sandbox.execute import SandboxedExecute
from smm_helpers.grading.sandbox.runner import LearnerUnavailable


def _executor(now: list[float], per_notebook: float) -> tuple[SandboxedExecute, list[float]]:
    budget = NotebookBudget(per_cell=60, per_notebook=per_notebook, clock=lambda: now[0])
    budget({"source": "first cell"})  # the notebook's clock starts at its first cell
    executor = SandboxedExecute(timeout_func=budget)
    executor._dead = None
    waits: list[float] = []

    async def ask(expression: str, timeout: float) -> str:
        waits.append(timeout)
        now[0] += timeout  # the kernel used all the time it was given
        return "{}"

    executor._async_ask = ask  # type: ignore[method-assign]
    return executor, waits


def test_each_ask_waits_no_longer_than_the_notebook_has_left(monkeypatch: Any) -> None:
    now = [1000.0]
    monkeypatch.setattr("smm_helpers.grading.sandbox.execute.time.monotonic", lambda: now[0])
    executor, waits = _executor(now, per_notebook=100)
    executor._ask("export", 60)
    executor._ask("export", 60)  # 40 s were left
    with pytest.raises(LearnerUnavailable, match="time limit was used up"):
        executor._ask("export", 60)
    assert waits == [60, 40]


def test_without_a_notebook_budget_each_ask_has_its_own_limit() -> None:
    executor = SandboxedExecute()
    executor._dead = None
    assert executor._time_left() == float("inf")
