"""Load ``twitter-text-parser`` on any Python 3.11+, with or without setuptools.

The package (last released 2023) reads its emoji list at import time with
``pkg_resources.resource_string``. ``pkg_resources`` came with setuptools, which Python
3.12+ virtual environments no longer contain and which setuptools 81+ no longer ships, so
a plain ``import twitter_text`` fails on a fresh machine. When ``pkg_resources`` is not
already loaded, we give the package a tiny stand-in offering just that one function for
the duration of its import, then remove the stand-in again so nothing else sees it.

>>> twitter_text().parse_tweet("ক" * 3).weightedLength
3
"""

from __future__ import annotations

import importlib
import sys
from functools import cache
from pathlib import Path
from types import ModuleType


def _resource_string(module_name: str, resource: str) -> bytes:
    """``pkg_resources.resource_string`` for a file beside an (importing) module."""
    module = sys.modules[module_name]
    folder = Path(module.__file__ or "").parent
    return (folder / resource).read_bytes()


@cache
def twitter_text() -> ModuleType:
    """The ``twitter_text`` module, imported once."""
    if "twitter_text" in sys.modules or isinstance(sys.modules.get("pkg_resources"), ModuleType):
        return importlib.import_module("twitter_text")
    missing = object()
    before = sys.modules.get("pkg_resources", missing)
    stand_in = ModuleType("pkg_resources")
    stand_in.resource_string = _resource_string  # type: ignore[attr-defined]
    sys.modules["pkg_resources"] = stand_in
    try:
        return importlib.import_module("twitter_text")
    finally:
        if before is missing:
            del sys.modules["pkg_resources"]
        else:
            sys.modules["pkg_resources"] = before  # type: ignore[assignment]
