"""Read the platform exports a manager really downloads into the course's tables.

``read_export(path)`` recognises the export (Meta Business Suite Facebook and Instagram,
X, LinkedIn, TikTok, YouTube Studio; posts and followers), maps it through that export's
declarative shape file (``smm_helpers/exports/shapes/*.toml``) and returns a posts or
followers table with the course's columns and dtypes.  ``read_exports(paths)`` combines
several files into one client's data; ``describe_export`` says in plain lines what was
read.  Importing this package is cheap: modules load on first use.

>>> from smm_helpers import exports
>>> sorted(exports.__all__)[:3]
['ClientData', 'Shape', 'describe_export']
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "read_export": "smm_helpers.exports.convert",
    "read_exports": "smm_helpers.exports.combine",
    "ClientData": "smm_helpers.exports.combine",
    "describe_export": "smm_helpers.exports.describe",
    "recognise": "smm_helpers.exports.recognition",
    "Shape": "smm_helpers.exports.shapes",
    "known_shapes": "smm_helpers.exports.shapes",
    "get_shape": "smm_helpers.exports.shapes",
    "load_shape_file": "smm_helpers.exports.shapes",
    "sample_export": "smm_helpers.exports.samples",
    "sample_exports": "smm_helpers.exports.samples",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    """Import the module that defines ``name`` the first time it is asked for (PEP 562)."""
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name]), name)
    message = f"module 'smm_helpers.exports' has no attribute {name!r}"  # i18n: not shown
    raise AttributeError(message)


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
