"""nbgrader settings of every single-user server on the SMM Lab hub.

The hub passes, in each server's environment (see ../jupyterhub_config.py):
``SMM_EXCHANGE_ROOT`` (the shared exchange), ``SMM_COURSE_ID``, ``SMM_ROLE`` (``learner`` or
``instructor``) and, for instructors, ``SMM_COURSE_DIR`` (the course folder).

Learners only need the exchange and the course id to fetch and submit.  Instructors also load
the course folder's own ``nbgrader_config.py`` (paths, timeouts, feedback settings), which must
agree with the hub about the exchange and the course id: otherwise releases would go where
learners never look, so the formgrader refuses to start and says what to change.
"""

import os

c = get_config()  # noqa: F821 -- traitlets provides get_config() when it loads this file
exchange = os.environ.get("SMM_EXCHANGE_ROOT", "/usr/local/share/nbgrader/exchange")
course_id = os.environ.get("SMM_COURSE_ID", "smm-lab")
course_dir = os.environ.get("SMM_COURSE_DIR", "")

if os.environ.get("SMM_ROLE") == "instructor" and course_dir:
    course_config = os.path.join(course_dir, "nbgrader_config.py")
    load_subconfig(course_config)  # noqa: F821 -- traitlets provides it
    for setting, value, hub_value, same in (
        (
            "c.Exchange.root",
            c.Exchange.get("root"),
            exchange,
            lambda a, b: os.path.realpath(str(a)) == os.path.realpath(b),
        ),
        (
            "c.CourseDirectory.course_id",
            c.CourseDirectory.get("course_id"),
            course_id,
            lambda a, b: a == b,
        ),
    ):
        if not same(value, hub_value):
            raise ValueError(
                f"{course_config} sets {setting} = {value!r}, but the hub's learners use "
                f"{hub_value!r}, so they would never see what you release.\n"
                f"How to fix it: set {setting} = {hub_value!r} in {course_config} (or change "
                "the hub's SMM_HUB_EXCHANGE / SMM_HUB_COURSE_ID), then restart your server."
            )

c.CourseDirectory.course_id = course_id
c.Exchange.root = exchange
# Fetched assignments land in ~/<assignment>/, as on a laptop (one course per hub).
c.Exchange.path_includes_course = False

# Learners' notebooks are shown, never run, by the Formgrader (smm_helpers/grading/sanitize.py):
# set after the course's own config, so a course config without these lines still gets them.
# (The Formgrader reads the course's config once more, last: one that switches them off
# explicitly wins there.)
c.HTMLExporter.sanitize_html = True
c.HTMLExporter.skip_svg_encoding = False
c.HTMLExporter.embed_images = False
c.HTMLExporter.filters = {
    **c.HTMLExporter.get("filters", {}),
    "clean_html": "smm_helpers.grading.sanitize.clean_html",
    "markdown2html": "smm_helpers.grading.sanitize.SafeMarkdown",
}
sanitizer = "smm_helpers.grading.sanitize.SanitizeLearnerContent"
c.HTMLExporter.preprocessors = [
    *(p for p in c.HTMLExporter.get("preprocessors", []) if p != sanitizer),
    sanitizer,
]
