"""Who is this notebook for?  The learner id that picks each learner's own data.

Each learner's assignment loads ``generate(n_posts, learner_id=learner_id())``: the same id
gives the same data when the learner works and when the instructor grades, so a number
copied from a friend fails the hidden tests.

The id comes from, in order:

1. the environment variable ``SMM_LEARNER_ID`` (``smm-course grade autograde`` sets it for
   each learner; a learner on a laptop sets it with ``%env SMM_LEARNER_ID=...``);
2. ``JUPYTERHUB_USER`` (a learner on a JupyterHub);
3. the path nbgrader grades in, ``.../autograded/<learner id>/<assignment>/``;
4. otherwise an error that says how to set it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import gettext as _

ENV_VAR = "SMM_LEARNER_ID"
_GRADING_FOLDERS = ("autograded", "submitted")


def learner_id(environ: Mapping[str, str] | None = None, cwd: str | Path | None = None) -> str:
    """The current learner's id (see the module docstring for where it comes from).

    >>> learner_id({"SMM_LEARNER_ID": " ar1001 "})
    'ar1001'
    >>> learner_id({"JUPYTERHUB_USER": "nusrat"})
    'nusrat'
    >>> learner_id({}, cwd="/srv/course/autograded/ar1001/01-platforms-and-planning")
    'ar1001'
    >>> learner_id({}, cwd="/home/me/01-platforms-and-planning")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: I don't know your learner id, so I can't load your data.
    How to fix it: add a cell at the top of the notebook with %env SMM_LEARNER_ID=your-id ...
    """
    env = os.environ if environ is None else environ
    for name in (ENV_VAR, "JUPYTERHUB_USER"):
        value = env.get(name, "").strip()
        if value:
            return value
    parts = Path(cwd if cwd is not None else Path.cwd()).resolve().parts
    for folder in _GRADING_FOLDERS:
        if folder in parts:
            index = len(parts) - 1 - parts[::-1].index(folder)
            if index + 1 < len(parts):
                return parts[index + 1]
    raise InputError(
        _("I don't know your learner id, so I can't load your data"),
        fix=_(
            "add a cell at the top of the notebook with %env {variable}=your-id (the id on "
            "the course roster, e.g. %env {variable}=ar1001), run it, then run this cell "
            "again; or set the environment variable {variable} before starting Jupyter"
        ).format(variable=ENV_VAR),
    )
