"""The instructor's grading workflow on nbgrader: validate, release, collect, autograde,
feedback, grades and doctor (``smm-course grade ...``).

Nothing here imports nbgrader until a command runs, so ``import smm_helpers`` stays fast.

>>> from smm_helpers.grading.learner import learner_id
>>> learner_id({"SMM_LEARNER_ID": "ar1001"})
'ar1001'
"""
