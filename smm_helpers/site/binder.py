"""Links that open a lesson on Binder (mybinder.org), ready to run.

Binder builds the repository with repo2docker from the ``environment.yml`` at its root
(which installs SMM Lab itself with ``-e .``) and opens JupyterLab on the path given by
``urlpath``.  The site shows such a link on every lesson when it knows the repository
(``smm-course site --binder OWNER/REPO``).

>>> binder_url("alo-lab/smm-lab", "03-platforms.ipynb")
'https://mybinder.org/v2/gh/alo-lab/smm-lab/HEAD?urlpath=lab/tree/lessons/03-platforms.ipynb'
>>> binder_url("alo-lab/smm-lab", ref="v1.0")
'https://mybinder.org/v2/gh/alo-lab/smm-lab/v1.0?urlpath=lab/tree/lessons'
>>> binder_url("smm-lab", "03-platforms.ipynb")
Traceback (most recent call last):
...
smm_helpers.errors.InputError: 'smm-lab' is not a GitHub repository name like OWNER/REPO.
How to fix it: give the repository as it appears in its GitHub address, e.g. --binder ...
"""

from __future__ import annotations

import re
from urllib.parse import quote

from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import gettext as _

__all__ = ["BINDER_BASE", "binder_url", "check_repo"]

#: mybinder.org's launch address for GitHub repositories.
BINDER_BASE = "https://mybinder.org/v2/gh"

#: A GitHub ``owner/name``: an account (letters, digits, dashes) and a repository name.
REPO_NAME = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$")

#: Where the lessons are inside the repository (repo2docker opens the repository's root).
LESSONS_PATH = "lessons"


def check_repo(repo: str) -> str:
    """The repository name if it looks like GitHub's ``OWNER/REPO``, else a teaching error."""
    if not isinstance(repo, str) or not REPO_NAME.match(repo.strip()):
        raise InputError(
            _("{repo} is not a GitHub repository name like OWNER/REPO").format(repo=repr(repo)),
            fix=_(
                "give the repository as it appears in its GitHub address, e.g. "
                "--binder alo-lab/smm-lab"
            ),
        )
    return repo.strip()


def binder_url(
    repo: str, notebook: str | None = None, *, ref: str = "HEAD", folder: str = LESSONS_PATH
) -> str:
    """The mybinder.org link that builds ``repo`` at ``ref`` and opens a lesson in JupyterLab.

    ``notebook`` is the lesson's file name (``03-platforms.ipynb``); without it the link
    opens the lessons folder.  ``ref`` is a branch, tag or commit (``HEAD``: the default
    branch's latest commit).  ``folder`` is the lessons' folder in the repository
    (``lessons/bn`` for the Bengali edition).

    >>> binder_url("alo-lab/smm-lab", "03-platforms.ipynb", folder="lessons/bn")[-38:]
    'lab/tree/lessons/bn/03-platforms.ipynb'
    """
    repo = check_repo(repo)
    if not ref or any(c.isspace() for c in ref):
        raise InputError(
            _("{ref} is not a git branch, tag or commit").format(ref=repr(ref)),
            fix=_("give a ref without spaces, e.g. HEAD, main or v1.0"),
        )
    path = folder if notebook is None else f"{folder}/{notebook}"
    return f"{BINDER_BASE}/{repo}/{quote(ref, safe='')}?urlpath=lab/tree/{quote(path)}"
