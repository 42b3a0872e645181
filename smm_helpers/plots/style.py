"""The course's look for a chart: colours, the matplotlib style, the figure class, alt text.

Every chart of ``smm_helpers.plots`` is drawn inside :func:`styled_figure`, so they all share
the colour-blind-safe Okabe–Ito palette, large text and a light grid, and fonts that can
draw every label (a Bengali font for Bengali ones, ``smm_helpers.fonts``).  The style is
applied to each figure as it is drawn, never to matplotlib as a whole.
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING, Any

from smm_helpers.errors import InputError
from smm_helpers.fonts import font_family_for, warn_if_bengali_font_missing
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

#: The Okabe–Ito palette: eight colours that people with any common colour vision tell apart.
PALETTE: dict[str, str] = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "bluish_green": "#009E73",
    "reddish_purple": "#CC79A7",
    "sky_blue": "#56B4E9",
    "vermillion": "#D55E00",
    "black": "#000000",
    "yellow": "#F0E442",
}

#: Colours for lines and bars, in order (yellow is left out: too pale on white).
SERIES_COLOURS: tuple[str, ...] = tuple(c for name, c in PALETTE.items() if name != "yellow")

#: Each platform keeps one colour in every chart.
PLATFORM_COLOURS: dict[str, str] = {
    "facebook": PALETTE["blue"],
    "instagram": PALETTE["reddish_purple"],
    "x": PALETTE["black"],
    "linkedin": PALETTE["sky_blue"],
    "youtube": PALETTE["vermillion"],
    "tiktok": PALETTE["bluish_green"],
}

#: The colour of the bar or cell a chart's title talks about.
HIGHLIGHT = PALETTE["blue"]

#: The colour of everything else (light grey: differs from the highlight in lightness too).
MUTED = "#B8B8B8"

#: The colour of heatmap cells with too few posts to trust.
THIN_CELL = "#E4E4E4"

#: Lines differ by dash pattern as well as colour, so they survive black-and-white printing.
LINE_STYLES = ("-", "--", ":", "-.", (0, (5, 1)), (0, (3, 1, 1, 1, 1, 1)), (0, (1, 3)))

#: The course's chart style as matplotlib settings; applied per figure, never globally.
STYLE: dict[str, Any] = {
    "font.size": 12,
    "axes.titlesize": 14,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 12,
    "xtick.labelsize": 11,
    "ytick.labelsize": 11,
    "legend.fontsize": 11,
    "legend.frameon": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.axisbelow": True,
    "grid.color": "#DDDDDD",
    "grid.linewidth": 0.8,
    "lines.linewidth": 2.4,
    "axes.prop_cycle": f"cycler('color', {list(SERIES_COLOURS)!r})",
    "image.cmap": "cividis",
    "figure.facecolor": "white",
    "axes.facecolor": "white",
}


def figure_png(fig: Figure, *, dpi: int = 100) -> bytes:
    """A figure as PNG bytes: for notebooks, web pages and reports.

    >>> from smm_helpers.plots import funnel_chart
    >>> figure_png(funnel_chart({"impressions": 100, "clicks": 5}))[:4]
    b'\\x89PNG'
    """
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


@cache
def course_figure_class() -> type[Figure]:
    """The Figure class SMM Lab charts use: it shows itself in a notebook, with its alt text.

    Charts are built without pyplot (no global state), so Jupyter would otherwise print
    ``<Figure size ...>`` instead of the picture.  This subclass displays as a PNG, and as
    HTML whose ``<img>`` carries the chart's alt text for screen readers and web pages.

    >>> from smm_helpers.plots import funnel_chart
    >>> fig = funnel_chart({"impressions": 100, "clicks": 5})
    >>> fig._repr_png_()[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
    True
    >>> 'alt="Funnel chart.' in fig._repr_html_()
    True
    >>> sorted(fig._repr_mimebundle_())
    ['image/png', 'text/html', 'text/plain']
    """
    from matplotlib.figure import Figure

    class CourseFigure(Figure):
        """A matplotlib Figure that displays itself in notebooks, alt text included."""

        def _repr_png_(self) -> bytes:
            return figure_png(self)

        def _html(self, png: bytes) -> str:
            picture = base64.b64encode(png).decode("ascii")
            alt = html.escape(getattr(self, "alt_text", "") or _("chart"), quote=True)
            return (
                f'<img src="data:image/png;base64,{picture}" alt="{alt}" '  # i18n: not shown
                f'style="max-width:100%;height:auto">'
            )

        def _repr_html_(self) -> str:
            return self._html(self._repr_png_())

        def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
            """Picture, accessible HTML and text from one rendering (drawing is the slow part)."""
            png = self._repr_png_()
            return {
                "image/png": base64.b64encode(png).decode("ascii"),
                "text/html": self._html(png),
                "text/plain": getattr(self, "alt_text", "") or repr(self),
            }

    return CourseFigure


@contextmanager
def styled_figure(texts: Sequence[str], *, figsize: tuple[float, float]) -> Iterator[Figure]:
    """A new figure in the course style, with fonts that can draw every one of ``texts``.

    Draw your own chart inside the ``with`` block and it gets the course look; the style is
    active only there.  Before leaving, the figure is laid out once, so every tick label is
    created (and keeps its font) under the style.  ``texts`` are the labels you will use:
    if one is Bengali, a Bengali font is added (or one warning says how to install one).

    >>> with styled_figure(["Posts per week"], figsize=(4, 3)) as fig:
    ...     ax = fig.add_subplot()
    ...     _ = ax.plot([1, 2, 3])
    >>> fig.axes[0].get_lines()[0].get_color() == SERIES_COLOURS[0]
    True
    >>> with styled_figure("Posts", figsize=(4, 3)) as fig:
    ...     pass
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: pass a list of labels, not a single string...
    """
    import matplotlib

    if isinstance(texts, str):
        raise InputError(
            _("pass a list of labels, not a single string"),
            fix=_("wrap it in a list: [{text}]").format(text=repr(texts)),
        )
    labels = [*texts, digits("0")]  # in Bengali, tick numbers need the Bengali font too
    warn_if_bengali_font_missing(labels)
    family = font_family_for(" ".join(labels))
    settings: Any = {**STYLE, "font.family": family}
    with matplotlib.rc_context(settings):
        fig = course_figure_class()(figsize=figsize, layout="constrained")
        yield fig
        fig.draw_without_rendering()


def set_title(ax: Axes, text: str) -> None:
    ax.set_title(text, loc="left", pad=12, wrap=True)


def colour_for(name: str, position: int) -> str:
    return PLATFORM_COLOURS.get(name, SERIES_COLOURS[position % len(SERIES_COLOURS)])


def alt_text(fig: Figure) -> str:
    """The alt text an SMM Lab chart carries (for screen readers, reports and web pages).

    >>> from smm_helpers.plots import funnel_chart
    >>> fig = funnel_chart({"impressions": 100, "clicks": 5})
    >>> alt_text(fig).startswith("Funnel chart.")
    True
    >>> from matplotlib.figure import Figure
    >>> alt_text(Figure())
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: this figure has no alt text...
    """
    text = getattr(fig, "alt_text", None)
    if not isinstance(text, str) or not text:
        raise InputError(
            _("this figure has no alt text"),
            fix=_(
                "make it with a smm_helpers.plots function, or set fig.alt_text = '...' yourself"
            ),
        )
    return text
