"""The course's synthetic data: a seeded generator, the committed CSVs and validating loaders.

>>> from smm_helpers import datasets
>>> data = datasets.load_course_data()
>>> sorted(data.tables)
['campaigns', 'followers', 'inbox', 'posts']
>>> datasets.CLIENT_PROFILES["nonprofit"].name
'Alo Reading Circle'
"""

from __future__ import annotations

from smm_helpers.datasets.clients import CLIENT_PROFILES, ClientProfile, client_profile
from smm_helpers.datasets.generate import default_post_count, generate, learner_seed
from smm_helpers.datasets.load import (
    load_campaigns,
    load_course_data,
    load_followers,
    load_inbox,
    load_posts,
    read_export,
    validate,
)
from smm_helpers.datasets.tables import CourseData

__all__ = [
    "CLIENT_PROFILES",
    "ClientProfile",
    "CourseData",
    "client_profile",
    "default_post_count",
    "generate",
    "learner_seed",
    "load_campaigns",
    "load_course_data",
    "load_followers",
    "load_inbox",
    "load_posts",
    "read_export",
    "validate",
]
