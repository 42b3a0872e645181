"""Say in a few plain lines what was read from the exports: a learner reads this first.

>>> import pandas as pd
>>> describe_export(pd.DataFrame())
Traceback (most recent call last):
...
smm_helpers.errors.InputError: this table was not read from a platform export.
How to fix it: pass what read_export or read_exports returned.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from smm_helpers.errors import InputError
from smm_helpers.exports.combine import ClientData, client_lines
from smm_helpers.exports.frame_lines import frame_lines
from smm_helpers.i18n.messages import gettext as _


def describe_export(data: Any) -> str:
    """A few plain lines about a frame from ``read_export`` or a ``ClientData``."""
    if isinstance(data, ClientData):
        return "\n".join(client_lines(data))
    if not isinstance(data, pd.DataFrame):
        raise InputError(
            _("expected a table from read_export, got {kind}").format(kind=type(data).__name__),
            fix=_("pass what read_export or read_exports returned"),
        )
    return "\n".join(frame_lines(data))
