"""Submissions downloaded from an LMS (Canvas, Moodle), collected by ``collect --from``.

- :mod:`~smm_helpers.grading.lms.download` — the download, a folder or the ``.zip`` itself,
  as a list of files with their times, read without following links or unpacking;
- :mod:`~smm_helpers.grading.lms.canvas` and :mod:`~smm_helpers.grading.lms.moodle` — what
  each LMS's file names say (who, late, which upload);
- :mod:`~smm_helpers.grading.lms.layouts` — which layout a path is in, and the name its
  notebook is collected under;
- :mod:`~smm_helpers.grading.lms.matching` — the roster learner a name or LMS id belongs to;
- :mod:`~smm_helpers.grading.lms.plan` — who gets which file (the newest upload of each
  notebook), and the problems to report.

:func:`smm_helpers.grading.collect.collect_from_folder` does the copying and archiving.
"""

from smm_helpers.grading.lms.download import Download, DownloadFile, open_download
from smm_helpers.grading.lms.matching import Claim, Found, RosterIndex
from smm_helpers.grading.lms.plan import LearnerUploads, Plan, Upload, plan_collect

__all__ = [
    "Claim",
    "Download",
    "DownloadFile",
    "Found",
    "LearnerUploads",
    "Plan",
    "RosterIndex",
    "Upload",
    "open_download",
    "plan_collect",
]
