"""The course as a website, for self-study readers: ``smm-course site``.

:func:`~smm_helpers.site.build.build_site` runs every lesson on a fresh kernel and writes
one static HTML page per lesson, with its outputs and charts, previous/next links, a
contents page, and notes on the self-checks saying how to run the lesson to use them:

- :mod:`smm_helpers.site.pages`: the lessons as pages, in course order, with objectives;
- :mod:`smm_helpers.site.execute`: running the lessons, and naming the cell that fails;
- :mod:`smm_helpers.site.render`: one lesson page (nbconvert's HTMLExporter, our template);
- :mod:`smm_helpers.site.build`: the whole site, in a folder the build owns.

Nothing heavy is imported until a build starts (nbconvert and nbclient load then).

>>> from smm_helpers.site import build_site
>>> build_site.__module__
'smm_helpers.site.build'
"""

from __future__ import annotations

from typing import Any

__all__ = ["build_site"]


def __getattr__(name: str) -> Any:
    """``build_site`` is imported on first use, so ``import smm_helpers.site`` stays cheap."""
    if name == "build_site":
        from smm_helpers.site.build import build_site  # lazy: `import smm_helpers.site` stays cheap

        return build_site
    raise AttributeError(f"module 'smm_helpers.site' has no attribute {name!r}")  # i18n: not shown
