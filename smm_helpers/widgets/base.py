"""Live widgets that still read when widgets cannot run.

Every SMM Lab widget is shown through :class:`LiveView`: one notebook output that carries
*both* the live ipywidgets view and a static HTML rendering of the same content.

- In JupyterLab (a live kernel with the widget manager) the live view wins, because
  frontends rank ``application/vnd.jupyter.widget-view+json`` above ``text/html``.
- On a static page (the course website, GitHub, nbviewer) there is no widget state to
  render, so the site build drops the live view and the static HTML shows instead (see
  :func:`drop_live_views`).  With ``SMM_STATIC_WIDGETS=1`` in the environment no live view
  is produced at all.
- Without ipywidgets installed, the static HTML is all there is; nothing breaks.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from typing import Any

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


def stuck_html(lead: str, error: Exception) -> str:
    """What a live widget shows in place of its result when the settings cannot work yet:
    ``lead`` (already translated) in bold, then the error's message, escaped.

    >>> stuck_html("Can't split yet:", ValueError("the budget is <0>"))
    "<p style='color:#b35806'><b>Can't split yet:</b> the budget is &lt;0&gt;</p>"
    """
    return f"<p style='color:#b35806'><b>{lead}</b> {html.escape(str(error))}</p>"


def widgets_wanted() -> bool:
    """Whether live widgets should be built (``SMM_STATIC_WIDGETS=1`` turns them off).

    >>> import os; os.environ["SMM_STATIC_WIDGETS"] = "1"; widgets_wanted()
    False
    >>> del os.environ["SMM_STATIC_WIDGETS"]; widgets_wanted()
    True
    """
    return os.environ.get("SMM_STATIC_WIDGETS", "") not in {"1", "true", "yes"}


class LiveView:
    """Show a live widget where possible and static HTML everywhere else.

    ``build`` makes the ipywidgets widget (called at most once, when first displayed or
    asked for); ``static_html`` and ``text`` describe the same content without a kernel.

    >>> view = LiveView(lambda: None, static_html="<p>Facebook: 12/63,206</p>",
    ...                 text="Facebook: 12/63,206")
    >>> sorted(view._repr_mimebundle_())
    ['text/html', 'text/plain']
    >>> view
    Facebook: 12/63,206
    """

    def __init__(self, build: Callable[[], Any], *, static_html: str, text: str) -> None:
        self._build = build
        self._widget: Any = None
        self._built = False
        self.static_html = static_html
        self.text = text

    @property
    def widget(self) -> Any:
        """The live ipywidgets widget (``None`` without ipywidgets or when turned off)."""
        if not self._built:
            self._built = True
            if widgets_wanted():
                try:
                    self._widget = self._build()
                except ImportError:
                    self._widget = None
        return self._widget

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        bundle: dict[str, Any] = {"text/plain": self.text, "text/html": self.static_html}
        widget = self.widget
        if widget is not None:
            live = widget._repr_mimebundle_()
            if live and WIDGET_MIME in live:
                bundle[WIDGET_MIME] = live[WIDGET_MIME]
        return bundle

    def __repr__(self) -> str:
        return self.text


def drop_live_views(notebook: Any) -> int:
    """Remove live widget views from a notebook's outputs, keeping their static fallbacks.

    For static renderings (the website): an output that has both a live view and
    ``text/html`` keeps only the HTML.  Changes the notebook in place (it is the site
    build's own copy) and returns how many outputs were changed.

    >>> nb = {"cells": [{"cell_type": "code", "outputs": [{"output_type": "display_data",
    ...       "data": {WIDGET_MIME: {}, "text/html": "<p>static</p>", "text/plain": "x"}}]}]}
    >>> drop_live_views(nb), sorted(nb["cells"][0]["outputs"][0]["data"])
    (1, ['text/html', 'text/plain'])
    """
    changed = 0
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            data = output.get("data", {})
            if WIDGET_MIME in data and "text/html" in data:
                del data[WIDGET_MIME]
                changed += 1
    return changed
