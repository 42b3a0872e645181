"""SMM Lab's helper package: the tools a social media manager uses, for learners.

Importing the package is cheap: no pandas, matplotlib or data is loaded until a
submodule that needs it is used.  Reach the modules by name::

    >>> import smm_helpers
    >>> smm_helpers.__version__
    '0.1.0'
    >>> sorted(smm_helpers.__all__)[:3]
    ['budget', 'checks', 'community']

``use_language("bn")`` chooses Bengali for the helpers' messages (``smm_helpers.i18n``).

``smm_helpers.metrics`` (for example) imports its module on first use.
"""

from __future__ import annotations

import importlib
from types import ModuleType

__version__ = "0.1.0"

__all__ = [
    "budget",
    "checks",
    "community",
    "content",
    "datasets",
    "ethics",
    "exports",
    "fonts",
    "grading",
    "i18n",
    "metrics",
    "planning",
    "platforms",
    "plots",
    "report",
    "schema",
    "widgets",
]


def use_language(language: str) -> str:
    """Choose the language of SMM Lab's messages: ``"en"`` (the default) or ``"bn"``.

    >>> use_language("en")
    'en'
    """
    # lazy: `import smm_helpers` stays cheap
    from smm_helpers.i18n.messages import use_language as choose

    return choose(language)


def __getattr__(name: str) -> ModuleType:
    """Import a submodule the first time it is asked for (PEP 562)."""
    if name in __all__:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module 'smm_helpers' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
