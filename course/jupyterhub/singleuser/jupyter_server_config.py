"""Jupyter Server settings of every single-user server on the SMM Lab hub.

The hub puts this folder first on ``JUPYTER_CONFIG_PATH`` and sets ``SMM_ROLE`` from the class
list (see ../jupyterhub_config.py).  nbgrader's server extensions are switched on here rather
than trusted to the Python environment's own ``jupyter_server_config.d``: everyone gets the
Assignments panel (fetch, validate, submit) and only instructors get the formgrader and the
course list.  A learner's server then has no ``/formgrader`` at all.
"""

import os

c = get_config()  # noqa: F821 -- traitlets provides get_config() when it loads this file
instructor = os.environ.get("SMM_ROLE") == "instructor"

c.ServerApp.jpserver_extensions = {
    "nbgrader.server_extensions.assignment_list": True,
    "nbgrader.server_extensions.validate_assignment": True,
    "nbgrader.server_extensions.formgrader": instructor,
    "nbgrader.server_extensions.course_list": instructor,
}
