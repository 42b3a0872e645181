"""Sample exports to practise on: one file per export shape, written by the project.

They are what a manager downloads from each platform, for a fictional page (Nakshi Kantha
House), with made-up numbers: no real person's data.  The lessons open them, and the tests
check every figure read from them.

>>> sample_export("facebook_posts_2025").name
'facebook_posts_2025.csv'
>>> len(sample_exports()) >= 14
True
>>> sample_export("myspace_posts")
Traceback (most recent call last):
...
smm_helpers.errors.InputError: 'myspace_posts' is not a sample export SMM Lab knows...
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from smm_helpers.errors import unknown_choice
from smm_helpers.i18n.messages import gettext as _

FOLDER = ("data", "sample_exports")


def sample_exports() -> dict[str, Path]:
    """Every sample export, by its shape id (the file name without its extension)."""
    folder = Path(str(resources.files("smm_helpers").joinpath(*FOLDER)))
    return {
        path.stem: path for path in sorted(folder.iterdir()) if path.suffix in (".csv", ".xlsx")
    }


def sample_export(shape_id: str) -> Path:
    """The path of the sample export of one shape, e.g. ``"facebook_posts_2025"``."""
    found = sample_exports()
    if shape_id not in found:
        raise unknown_choice(_("sample export"), shape_id, list(found))
    return found[shape_id]
