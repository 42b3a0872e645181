"""Widgets for the lessons, each with a static fallback (see ``smm_helpers.widgets.base``).

ipywidgets is imported only when a live widget is built, so importing this package is cheap.
"""

from smm_helpers.widgets.base import LiveView, drop_live_views, widgets_wanted

__all__ = ["LiveView", "drop_live_views", "widgets_wanted"]
