"""Self-checks for the lessons: ``check("03-platforms", "q1", answer)``.

>>> from smm_helpers.checks import check, lessons
>>> isinstance(lessons(), list)
True
"""

from smm_helpers.checks.core import Feedback, Question, Verdict, check, lessons, questions

__all__ = ["Feedback", "Question", "Verdict", "check", "lessons", "questions"]
