"""Planning: SMART goals, the social media plan and its review, the social media policy.

    >>> from smm_helpers.planning import check_goal
    >>> check_goal("Reach 2,000 Instagram followers among students by June 2027 to find "
    ...            "volunteers").ok
    True
"""

from __future__ import annotations

from smm_helpers.planning.goals import CRITERIA, Criterion, GoalCheck, check_goal

__all__ = [
    "CRITERIA",
    "Criterion",
    "GoalCheck",
    "check_goal",
]
