"""Planning: SMART goals, the social media plan and its review, the social media policy.

The package, one job per module:

* ``goals``: SMART goals (:func:`check_goal`); ``policy``: the social media policy;
* ``calendar``: the content calendar, ``ics`` its calendar files, ``clock`` the times both
  use, ``special_days`` the days worth planning for;
* the plan and its review, each importing only the ones before it: ``wording`` (how days,
  periods and numbers are written), ``targets`` (:data:`METRICS`, :class:`Target`,
  :class:`TargetResult`), ``period`` (the data of one review period), ``actuals`` (what
  each target really was), ``corrections`` (what to change), ``review``
  (:class:`PlanReview`) and ``plan`` (:class:`SocialMediaPlan`).

    >>> from smm_helpers.planning import check_goal
    >>> check_goal("Reach 2,000 Instagram followers among students by June 2027 to find "
    ...            "volunteers").ok
    True
"""

from __future__ import annotations

import importlib
from typing import Any

from smm_helpers.planning.calendar import ContentCalendar, apportion, build_calendar, default_slots
from smm_helpers.planning.goals import CRITERIA, Criterion, GoalCheck, check_goal
from smm_helpers.planning.ics import read_ics, write_ics
from smm_helpers.planning.policy import (
    SECTIONS,
    PolicyAnswers,
    PolicyLint,
    lint_policy,
    write_policy,
)
from smm_helpers.planning.special_days import bangla_to_gregorian, giving_tuesday, special_days

# The plan and its review need pandas, so they are imported on first use (PEP 562) to keep
# this import light; each name from the module that defines it.
_LAZY = {
    "METRICS": "smm_helpers.planning.targets",
    "Target": "smm_helpers.planning.targets",
    "TargetResult": "smm_helpers.planning.targets",
    "PlanReview": "smm_helpers.planning.review",
    "SocialMediaPlan": "smm_helpers.planning.plan",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    # Python's own wording, which hasattr() and the import machinery expect:
    message = f"module 'smm_helpers.planning' has no attribute {name!r}"  # i18n: not shown
    raise AttributeError(message)


__all__ = [
    "CRITERIA",
    "METRICS",
    "SECTIONS",
    "ContentCalendar",
    "Criterion",
    "GoalCheck",
    "PlanReview",
    "PolicyAnswers",
    "PolicyLint",
    "SocialMediaPlan",
    "Target",
    "TargetResult",
    "apportion",
    "bangla_to_gregorian",
    "build_calendar",
    "check_goal",
    "default_slots",
    "giving_tuesday",
    "lint_policy",
    "read_ics",
    "special_days",
    "write_ics",
    "write_policy",
]
