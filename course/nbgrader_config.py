"""nbgrader configuration of the SMM Lab course.

Every path is relative to this file, so the folder can be copied anywhere (the grading demo
copies it).  ``smm-course <command> --course DIR`` reads it, and so does nbgrader's own
command line when run from this folder (``cd course && nbgrader autograde ...``).
"""

import os
from pathlib import Path

HERE = Path(__file__).resolve().parent
c = get_config()  # noqa: F821 -- traitlets provides get_config() when it loads this file

c.CourseDirectory.course_id = "smm-lab"
c.CourseDirectory.root = str(HERE)
# The source notebooks live beside the course folder, in the repository's assignments/.
c.CourseDirectory.source_directory = str(HERE.parent / "assignments")
c.CourseDirectory.db_url = f"sqlite:///{HERE / 'gradebook.db'}"

# A local exchange inside the course folder; on a class hub (course/jupyterhub/) the hub
# sets SMM_EXCHANGE_ROOT to its shared exchange.
c.Exchange.root = os.environ.get("SMM_EXCHANGE_ROOT") or str(HERE / "exchange")
c.Exchange.path_includes_course = False
c.ExchangeCollect.check_owner = False  # submissions copied in by the instructor are theirs

# Each learner notebook runs in ~2 s; a minute leaves room for a slow machine.
c.ExecutePreprocessor.timeout = 60
c.Execute.timeout = 60

# Feedback never shows hidden tests (nbgrader 0.9's own feedback keeps them).
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "smm_helpers.grading.hide_hidden_tests.HideHiddenTests",
    "smm_helpers.grading.feedback_language.TranslateInstructions",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]

# Learners' notebooks are shown, never run, in feedback pages and the Formgrader: their
# markdown and outputs are cleaned of scripts, event handlers, javascript: links, frames and
# forms (see smm_helpers/grading/sanitize.py).  smm-course commands add these lines to any
# course's config; they are here for nbgrader's own commands and the Formgrader.
c.HTMLExporter.sanitize_html = True
c.HTMLExporter.skip_svg_encoding = False
c.HTMLExporter.embed_images = False
c.HTMLExporter.filters = {
    "clean_html": "smm_helpers.grading.sanitize.clean_html",
    "markdown2html": "smm_helpers.grading.sanitize.SafeMarkdown",
}
c.HTMLExporter.preprocessors = ["smm_helpers.grading.sanitize.SanitizeLearnerContent"]

# Grading kernels run on this machine only; keep ipykernel's notice that their local TCP
# connection is unencrypted out of the instructor's terminal (learners' own warnings still
# show in their notebooks).
c.Execute.extra_arguments = ["--IPKernelApp.log_level=ERROR"]
