"""Charts a social media manager shows a client: trends, comparisons, best times, funnels.

Every function returns a matplotlib ``Figure`` you can show in a notebook or save with
``fig.savefig("chart.png")``.  Each figure

* uses one accessible style: the colour-blind-safe Okabe–Ito palette, large text, light grid;
* has a title that states the finding ("Instagram had the highest engagement rate …");
* carries alt text for screen readers in ``fig.alt_text`` (or ``alt_text(fig)``);
* draws Bengali labels with a Bengali font when one is installed (``smm_helpers.fonts``).

The style is applied to each figure as it is drawn, never to matplotlib as a whole, so
your own plots keep looking the way you set them up.

>>> import pandas as pd
>>> fig = funnel_chart({"impressions": 10_000, "link clicks": 250, "donations": 10})
>>> fig.alt_text.splitlines()[0]
'Funnel chart. 0.10% of impressions became donations (10 of 10,000).'
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING, Any

from smm_helpers.errors import InputError, unknown_choice
from smm_helpers.fonts import font_family_for, warn_if_bengali_font_missing
from smm_helpers.i18n.messages import N_, current_language
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits, format_date, format_number, format_tick
from smm_helpers.schema import platform_name

if TYPE_CHECKING:
    import pandas as pd
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

#: Weekday names (Monday = 0, as pandas counts), translated where they are shown.
WEEKDAYS = (N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
            N_("Saturday"), N_("Sunday"))

#: How ``%b`` writes the months on a date axis (replaced by Bengali month names in Bengali).
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                       "Nov", "Dec")

#: Readable names of the metrics ``smm_helpers.metrics`` computes (in English; shown through
#: :func:`metric_label`, which translates them).
METRIC_LABELS: dict[str, str] = {
    "posts": N_("Posts"),
    "impressions": N_("Impressions"),
    "reach": N_("Reach"),
    "engagements": N_("Engagements"),
    "link_clicks": N_("Link clicks"),
    "spend": N_("Spend (BDT)"),
    "followers": N_("Followers"),
    "er_reach": N_("Engagement rate by reach"),
    "er_impressions": N_("Engagement rate by impressions"),
    "er_followers": N_("Engagement rate by followers"),
    "median_er_followers": N_("Median engagement rate by followers"),
    "ctr": N_("Click-through rate"),
    "reach_rate": N_("Reach rate"),
    "amplification": N_("Amplification rate"),
    "virality": N_("Virality rate"),
    "response_rate": N_("Response rate"),
    "cpm": N_("CPM (BDT per 1,000 impressions)"),
    "cpc": N_("CPC (BDT per click)"),
    "cost_per_conversion": N_("Cost per conversion (BDT)"),
    "roas": N_("ROAS"),
    "roi": N_("ROI"),
}

#: Metrics stored as fractions (0.034) and shown as percentages (3.4%).
RATE_METRICS = frozenset(
    {
        "er_reach",
        "er_impressions",
        "er_followers",
        "median_er_followers",
        "ctr",
        "reach_rate",
        "amplification",
        "virality",
        "response_rate",
    }
)


# --- small helpers learners (and the report) can use ----------------------------------


def metric_label(metric: str) -> str:
    """The readable name of a metric column, for axis labels and tables.

    >>> metric_label("er_reach")
    'Engagement rate by reach'
    >>> metric_label("saves_per_post")
    'Saves per post'
    >>> metric_label("")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: the metric name is empty...
    >>> from smm_helpers.i18n.messages import use_language
    >>> from smm_helpers.fonts import has_bengali
    >>> _ = use_language("bn"); has_bengali(metric_label("er_reach"))
    True
    >>> _ = use_language("en")
    """
    if not isinstance(metric, str) or not metric.strip():
        raise InputError(_("the metric name is empty"),
                         fix=_("pass a column name such as 'er_reach'"))
    known = METRIC_LABELS.get(metric)
    return _(known) if known is not None else metric.replace("_", " ").capitalize()


def format_metric(value: float | None, metric: str) -> str:
    """A number as a client reads it: rates as percentages, counts with thousands separators.

    >>> format_metric(0.0345, "er_reach")
    '3.45%'
    >>> format_metric(12345, "reach")
    '12,345'
    >>> format_metric(1234.5, "spend")
    '1,234.50'
    >>> format_metric(float("nan"), "reach")
    'no data'
    >>> format_metric("lots", "reach")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: format_metric() needs a number, not 'lots'...

    In Bengali, digits are Bengali and large counts are grouped in lakhs:

    >>> from smm_helpers.i18n.messages import use_language
    >>> _ = use_language("bn")
    >>> format_metric(0.0345, "er_reach"), format_metric(1234567, "reach")
    ('৩.৪৫%', '১২,৩৪,৫৬৭')
    >>> _ = use_language("en")
    """
    if value is None:
        return _("no data")
    if not _is_number(value):
        raise InputError(
            _("format_metric() needs a number, not {value}").format(value=repr(value)),
            fix=_("pass the metric's value, e.g. format_metric(0.034, 'er_reach')"),
        )
    number = float(value)
    if math.isnan(number):
        return _("no data")
    if is_rate(metric):
        return digits(f"{number:.2%}")
    return format_number(number, 0 if number.is_integer() else 2)


def is_rate(metric: str) -> bool:
    """Whether a metric is a rate (a fraction shown as a percentage).

    >>> is_rate("ctr"), is_rate("reach")
    (True, False)
    >>> is_rate(None)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: the metric name is empty...
    """
    metric_label(metric)  # validates the name
    return metric in RATE_METRICS or metric.startswith("er_") or metric.endswith("_rate")


def alt_text(fig: Figure) -> str:
    """The alt text an SMM Lab chart carries (for screen readers, reports and web pages).

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
            fix=_("make it with a smm_helpers.plots function, or set fig.alt_text = '...' "
                  "yourself"),
        )
    return text


# --- the charts -----------------------------------------------------------------------


def trend_chart(
    data: pd.Series | pd.DataFrame,
    *,
    value: str | None = None,
    time: str | None = None,
    by: str | None = None,
    title: str | None = None,
    ylabel: str | None = None,
) -> Figure:
    """A line chart of one or more numbers over time, e.g. weekly engagements per platform.

    ``data`` can be

    * a Series indexed by time (one line);
    * a wide DataFrame indexed by time, one line per numeric column;
    * a long DataFrame: give ``value`` (the column to plot), ``time`` (the time column;
      the index if omitted) and optionally ``by`` (one line per value, e.g. ``"platform"``).
      Rows with the same time and group are added up.

    The data you pass is not changed.

    >>> import pandas as pd
    >>> weeks = pd.date_range("2025-01-06", periods=4, freq="W-MON")
    >>> weekly = pd.DataFrame({"facebook": [100, 120, 130, 150],
    ...                        "instagram": [80, 70, 90, 60]}, index=weeks)
    >>> fig = trend_chart(weekly, ylabel="Engagements")
    >>> fig.axes[0].get_title(loc="left")
    'Facebook grew most: +50% from 06 Jan to 27 Jan 2025'
    >>> trend_chart(weekly, value="likes")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'likes' is not a column SMM Lab knows...
    """
    wide = _as_wide_frame(data, value=value, time=time, by=by)
    names = [str(column) for column in wide.columns]
    label = ylabel or (metric_label(value) if value else metric_label(names[0]) if len(names) == 1
                       else _("Value"))
    metric = value or (names[0] if len(names) == 1 else "value")
    changes = _series_changes(wide)
    headline = title or _trend_headline(changes, label, wide.index)
    texts = [headline, label, *(_display_name(n) for n in names)]

    with styled_figure(texts, figsize=(9, 5)) as fig:
        ax = fig.add_subplot()
        x = _plottable_index(wide.index)
        for position, column in enumerate(wide.columns):
            name = str(column)
            ax.plot(
                x,
                wide[column].to_numpy(dtype=float),
                color=_colour_for(name, position),
                linestyle=LINE_STYLES[position % len(LINE_STYLES)],
                marker="o" if len(wide) <= 30 else None,
                markersize=4,
                label=_display_name(name),
            )
        _set_title(ax, headline)
        ax.set_ylabel(label)
        _format_value_axis(ax.yaxis, metric)
        _format_time_axis(ax, wide.index)
        if len(names) > 1:
            _legend_in_end_order(ax, changes)
        fig.alt_text = _trend_alt_text(headline, label, changes, wide.index, metric)  # type: ignore[attr-defined]
    return fig


def platform_comparison(
    summary: pd.DataFrame,
    metric: str = "er_reach",
    *,
    label: str | None = None,
    title: str | None = None,
    better: str = "higher",
) -> Figure:
    """A bar chart comparing platforms (or formats, pillars …) on one metric.

    ``summary`` is a table like ``metrics.summarize(posts, by="platform")``: one row per
    group, labelled by its index (or by the ``label`` column, or a ``platform`` column).
    The best group is highlighted and every bar is labelled with its value; a ``posts``
    column, if present, is shown so small samples are visible.  For a cost, pass
    ``better="lower"`` so the cheapest group is the one highlighted.

    >>> import pandas as pd
    >>> summary = pd.DataFrame({"posts": [12, 9], "er_reach": [0.021, 0.045]},
    ...                        index=pd.Index(["facebook", "instagram"], name="platform"))
    >>> fig = platform_comparison(summary)
    >>> fig.axes[0].get_title(loc="left")
    'Instagram had the highest engagement rate by reach: 4.50%, 2.1× Facebook (2.10%)'
    >>> platform_comparison(summary, metric="likes")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'likes' is not a metric SMM Lab knows...
    >>> costs = pd.DataFrame({"cpc": [5.0, 2.0]}, index=["facebook", "instagram"])
    >>> platform_comparison(costs, "cpc", better="lower").axes[0].get_title(loc="left")
    'Instagram had the lowest CPC (BDT per click): 2, against 5 for Facebook (2.5×)'
    """
    import pandas as pd

    if better not in ("higher", "lower"):
        raise unknown_choice(_("direction for better"), better, ("higher", "lower"))

    if not isinstance(summary, pd.DataFrame) or summary.empty:
        raise InputError(
            _("platform_comparison() needs a non-empty summary table"),
            fix=_("pass the result of metrics.summarize(posts, by='platform')"),
        )
    numeric = [str(c) for c in summary.columns if pd.api.types.is_numeric_dtype(summary[c])]
    if metric not in numeric:
        raise unknown_choice(_("metric"), metric, numeric)
    groups = _group_labels(summary, label)
    values = pd.Series(summary[metric].to_numpy(dtype=float), index=groups).dropna()
    if values.empty:
        raise InputError(
            _("every value of {metric} is missing").format(metric=repr(metric)),
            fix=_("check the summary has posts in it, or choose another metric"),
        )
    # barh draws bottom-up, so sort for the best to end on top
    values = values.sort_values(ascending=better == "higher")
    posts = _posts_per_group(summary, groups, label)
    names = [_display_name(g) for g in values.index]
    tick_labels = [_("{name}\n({count} posts)").format(name=n, count=format_number(posts[g]))
                   if g in posts else n for n, g in zip(names, values.index, strict=True)]
    what = metric_label(metric)
    headline = title or _comparison_headline(values, metric, better)
    texts = [headline, what, *tick_labels]

    with styled_figure(texts, figsize=(9, 1.2 + 0.75 * len(values))) as fig:
        ax = fig.add_subplot()
        colours = [MUTED] * len(values)
        colours[-1] = HIGHLIGHT
        bars = ax.barh(range(len(values)), values.to_numpy(), color=colours)
        ax.set_yticks(range(len(values)), tick_labels)
        ax.bar_label(bars, [format_metric(v, metric) for v in values], padding=4)
        ax.set_xlabel(what)
        ax.grid(axis="y", visible=False)
        ax.margins(x=0.15)
        _format_value_axis(ax.xaxis, metric)
        _set_title(ax, headline)
        ranking = ", ".join(
            f"{_display_name(str(g))} {format_metric(v, metric)}" for g, v in values[::-1].items()
        )
        if better == "higher":
            alt = _("Bar chart of {what} by group. {headline}. From highest to lowest: {ranking}.")
        else:
            alt = _("Bar chart of {what} by group. {headline}. From lowest to highest: {ranking}.")
        fig.alt_text = alt.format(  # type: ignore[attr-defined]
            what=_lowercase(what), headline=headline, ranking=ranking)
    return fig


def best_time_heatmap(
    best_times: Any,
    *,
    min_posts: int | None = None,
    show_counts: bool = True,
    title: str | None = None,
) -> Figure:
    """A weekday × hour heatmap of when posts do best, with thin cells greyed and hatched.

    ``best_times`` is what ``metrics.best_time_table(posts)`` returns (``.values`` and
    ``.counts`` tables, weekdays as rows and hours as columns) or just a values table.
    Cells with fewer than ``min_posts`` posts (default: the table's own ``min_posts``, else
    5), or with no value, are drawn grey with hatching: too few posts to trust.  With
    ``show_counts`` each cell shows how many posts it is based on.

    >>> import pandas as pd
    >>> values = pd.DataFrame([[0.02, 0.05], [0.03, 0.01]], index=[0, 1], columns=[9, 18])
    >>> counts = pd.DataFrame([[6, 7], [8, 2]], index=[0, 1], columns=[9, 18])
    >>> from types import SimpleNamespace
    >>> fig = best_time_heatmap(SimpleNamespace(values=values, counts=counts))
    >>> fig.axes[0].get_title(loc="left")
    'Best time to post: Monday 18:00 (engagement rate by reach 5.00%, 7 posts)'
    >>> best_time_heatmap(values, min_posts=0)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: min_posts must be a whole number of at least 1, not 0...
    """
    import numpy as np

    values, counts, metric, default_min = _best_time_parts(best_times)
    if min_posts is None:
        min_posts = default_min
    if isinstance(min_posts, bool) or not isinstance(min_posts, int) or min_posts < 1:
        raise InputError(
            _("min_posts must be a whole number of at least 1, not {value}").format(
                value=repr(min_posts)),
            fix=_("use e.g. min_posts=5: cells with fewer posts are greyed out"),
        )
    grid = values.to_numpy(dtype=float)
    thin = np.isnan(grid)
    if counts is not None:
        thin |= counts.to_numpy(dtype=float) < min_posts
    rows = [_weekday_name(day) for day in values.index]
    hours = [_hour_label(hour) for hour in values.columns]
    what = metric_label(metric)
    best = _best_cell(grid, thin)
    headline = title or _best_time_headline(best, rows, hours, grid, counts, metric)
    texts = [headline, what, *rows]

    size = (max(6.0, 0.45 * len(hours) + 3), 1.6 + 0.5 * len(rows))
    with styled_figure(texts, figsize=size) as fig:
        ax = fig.add_subplot()
        ax.grid(visible=False)
        image = ax.imshow(np.ma.masked_array(grid, mask=thin), aspect="auto", cmap="cividis")
        _hatch_thin_cells(ax, thin)
        if best is not None:
            _outline_cell(ax, *best)
        if show_counts and counts is not None:
            _write_counts(ax, counts.to_numpy(), grid, thin, image)
        ax.set_yticks(range(len(rows)), rows)
        step = 1 if len(hours) <= 12 else 3
        ax.set_xticks(range(0, len(hours), step), hours[::step])
        ax.set_xlabel(_("Hour of day (local time)"))
        colourbar = fig.colorbar(image, ax=ax, label=what, shrink=0.9)
        _format_value_axis(colourbar.ax.yaxis, metric)
        _set_title(ax, headline)
        fig.alt_text = _heatmap_alt_text(  # type: ignore[attr-defined]
            headline, grid, thin, rows, hours, metric, min_posts
        )
    return fig


def funnel_chart(stages: Mapping[str, float], *, title: str | None = None) -> Figure:
    """A funnel from the first stage to the last, with the conversion rate between stages.

    ``stages`` maps each stage's name to its count, in order, e.g.
    ``{"impressions": 50_000, "clicks": 900, "donations": 45}``.  Each stage must be no
    larger than the one before it.

    >>> fig = funnel_chart({"impressions": 50_000, "clicks": 900, "donations": 45})
    >>> fig.axes[0].get_title(loc="left")
    '0.09% of impressions became donations (45 of 50,000)'
    >>> funnel_chart({"impressions": 100, "clicks": 250})
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: clicks (250) is larger than impressions (100)...
    """
    counts = _validated_stages(stages)
    names = list(counts)
    first, last = names[0], names[-1]
    headline = title or _(
        "{percent} of {first} became {last} ({last_count} of {first_count})").format(
        percent=_percent(_ratio(counts[last], counts[first])), first=first, last=last,
        last_count=format_metric(counts[last], "count"),
        first_count=format_metric(counts[first], "count"))
    steps = [
        _("{percent} of {before} → {after}").format(
            percent=_percent(_ratio(counts[after], counts[before])), before=before, after=after)
        for before, after in itertools.pairwise(names)
    ]
    texts = [headline, *names, *steps]

    with styled_figure(texts, figsize=(9, 1.4 + 1.1 * len(names))) as fig:
        ax = fig.add_subplot()
        widest = max(counts.values())
        widths = [max(count, widest * 0.004) for count in counts.values()]
        rows = range(len(names))
        ax.barh(rows, widths, left=[-w / 2 for w in widths], color=HIGHLIGHT, height=0.62)
        for row, name in zip(rows, names, strict=True):
            ax.text(-widest / 2, row, f"{name}  ", ha="right", va="center")
            ax.text(widths[row] / 2, row, f"  {format_metric(counts[name], 'count')}",
                    ha="left", va="center", fontweight="bold")
        for row, step in enumerate(steps):
            ax.text(0, row + 0.5, f"↓ {step}", ha="center", va="center", fontsize=10,
                    color=PALETTE["black"],
                    bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none"})
        ax.set_ylim(len(names) - 0.5, -0.6)
        ax.set_xlim(-widest * 0.95, widest * 0.75)
        ax.axis("off")
        _set_title(ax, headline)
        fig.alt_text = _(  # type: ignore[attr-defined]
            "Funnel chart. {headline}.\n{stages}.\n{steps}.").format(
            headline=headline,
            stages="; ".join(f"{n}: {format_metric(c, 'count')}" for n, c in counts.items()),
            steps="; ".join(steps))
    return fig


# --- the figure and its style ----------------------------------------------------------


def figure_png(fig: Figure, *, dpi: int = 100) -> bytes:
    """A figure as PNG bytes: for notebooks, web pages and reports.

    >>> figure_png(funnel_chart({"impressions": 100, "clicks": 5}))[:4]
    b'\\x89PNG'
    """
    import io

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


@cache
def course_figure_class() -> type[Figure]:
    """The Figure class SMM Lab charts use: it shows itself in a notebook, with its alt text.

    Charts are built without pyplot (no global state), so Jupyter would otherwise print
    ``<Figure size ...>`` instead of the picture.  This subclass displays as a PNG, and as
    HTML whose ``<img>`` carries the chart's alt text for screen readers and web pages.

    >>> fig = funnel_chart({"impressions": 100, "clicks": 5})
    >>> fig._repr_png_()[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
    True
    >>> 'alt="Funnel chart.' in fig._repr_html_()
    True
    >>> sorted(fig._repr_mimebundle_())
    ['image/png', 'text/html', 'text/plain']
    """
    import base64
    import html

    from matplotlib.figure import Figure

    class CourseFigure(Figure):
        """A matplotlib Figure that displays itself in notebooks, alt text included."""

        def _repr_png_(self) -> bytes:
            return figure_png(self)

        def _html(self, png: bytes) -> str:
            picture = base64.b64encode(png).decode("ascii")
            alt = html.escape(getattr(self, "alt_text", "") or _("chart"), quote=True)
            return (f'<img src="data:image/png;base64,{picture}" alt="{alt}" '  # i18n: not shown
                    f'style="max-width:100%;height:auto">')

        def _repr_html_(self) -> str:
            return self._html(self._repr_png_())

        def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
            """Picture, accessible HTML and text from one rendering (drawing is the slow part)."""
            png = self._repr_png_()
            return {"image/png": base64.b64encode(png).decode("ascii"),
                    "text/html": self._html(png),
                    "text/plain": getattr(self, "alt_text", "") or repr(self)}

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
        raise InputError(_("pass a list of labels, not a single string"),
                         fix=_("wrap it in a list: [{text}]").format(text=repr(texts)))
    labels = [*texts, digits("0")]  # in Bengali, tick numbers need the Bengali font too
    warn_if_bengali_font_missing(labels)
    family = font_family_for(" ".join(labels))
    settings: Any = {**STYLE, "font.family": family}
    with matplotlib.rc_context(settings):
        fig = course_figure_class()(figsize=figsize, layout="constrained")
        yield fig
        fig.draw_without_rendering()


def _set_title(ax: Axes, text: str) -> None:
    ax.set_title(text, loc="left", pad=12, wrap=True)


def _format_value_axis(axis: Any, metric: str) -> None:
    """Tick labels as the reader writes numbers; the language is the one chosen when the
    chart is drawn, so the ticks match the title even if the language changes later."""
    from matplotlib.ticker import FuncFormatter, PercentFormatter

    bengali = current_language() == "bn"
    if is_rate(metric):
        percent = _bengali_percent_formatter() if bengali else PercentFormatter
        axis.set_major_formatter(percent(xmax=1, decimals=None))
    else:
        axis.set_major_formatter(FuncFormatter(lambda v, _pos: _tick_number(v, bengali)))


def _tick_number(value: float, bengali: bool) -> str:
    """A value-axis tick: 12,000 in English, ১২,০০০ (lakh grouping) in Bengali.

    >>> _tick_number(1234567.0, False), _tick_number(1234567.0, True), _tick_number(0.5, True)
    ('1,234,567', '১২,৩৪,৫৬৭', '০.৫')
    """
    return format_tick(value, language="bn" if bengali else "en")


@cache
def _bengali_percent_formatter() -> type:
    """matplotlib's PercentFormatter, writing Bengali digits."""
    from matplotlib.ticker import PercentFormatter

    class BengaliPercentFormatter(PercentFormatter):
        """Percentages on an axis with Bengali digits (৫%, ১০%)."""

        def format_pct(self, x: float, display_range: float) -> str:
            return digits(super().format_pct(x, display_range), language="bn")

    return BengaliPercentFormatter


def _format_time_axis(ax: Axes, index: pd.Index) -> None:
    import pandas as pd
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    if isinstance(index, pd.DatetimeIndex | pd.PeriodIndex):
        locator = AutoDateLocator(maxticks=8)
        ax.xaxis.set_major_locator(locator)
        dates = _bengali_date_formatter() if current_language() == "bn" else ConciseDateFormatter
        ax.xaxis.set_major_formatter(dates(locator))


@cache
def _bengali_date_formatter() -> type:
    """matplotlib's ConciseDateFormatter, writing Bengali month names and digits."""
    from matplotlib.dates import ConciseDateFormatter

    class BengaliDateFormatter(ConciseDateFormatter):
        """Dates on an axis in Bengali: ০৬, ১৩ … with জানুয়ারি ২০২৫ beside them."""

        def __init__(self, locator: Any, **options: Any) -> None:
            # day before month, month before year, as Bengali dates are written
            options.setdefault("offset_formats", ["", "%Y", "%b %Y", "%d %b %Y", "%d %b %Y",
                                                  "%d %b %Y %H:%M"])
            super().__init__(locator, **options)

        def format_ticks(self, values: Any) -> list[str]:
            return [_bengali_date_words(t) for t in super().format_ticks(values)]

        def get_offset(self) -> str:
            return _bengali_date_words(super().get_offset())

        def __call__(self, x: float, pos: int | None = 0) -> str:
            return _bengali_date_words(super().__call__(x, pos))

    return BengaliDateFormatter


def _bengali_date_words(text: str) -> str:
    """A date label's English month abbreviations and digits, in Bengali.

    >>> _bengali_date_words("2025-Jan"), _bengali_date_words("06")
    ('২০২৫-জানুয়ারি', '০৬')
    """
    from babel.dates import get_month_names

    months = get_month_names("wide", locale="bn")
    words = re.sub(r"\b(" + "|".join(MONTH_ABBREVIATIONS) + r")\b",
                   lambda m: str(months[MONTH_ABBREVIATIONS.index(m.group(1)) + 1]), str(text))
    return digits(words, language="bn")


def _legend_in_end_order(ax: Axes, changes: dict[str, tuple[float, float]]) -> None:
    """A legend listing the lines from the highest end value down, beside the plot."""
    handles, labels = ax.get_legend_handles_labels()
    by_label = dict(zip(labels, handles, strict=True))
    order = sorted(changes, key=lambda name: -_nan_low(changes[name][1]))
    ordered = [_display_name(name) for name in order if _display_name(name) in by_label]
    ax.legend([by_label[n] for n in ordered], ordered,
              loc="upper left", bbox_to_anchor=(1.01, 1))  # i18n: not shown


# --- data shaping -----------------------------------------------------------------------


def _as_wide_frame(
    data: pd.Series | pd.DataFrame, *, value: str | None, time: str | None, by: str | None
) -> pd.DataFrame:
    """One column per line, indexed by time, sorted; a new frame (the input is untouched)."""
    import pandas as pd

    if isinstance(data, pd.Series):
        wide = data.to_frame(name=str(data.name) if data.name is not None else "value")
    elif isinstance(data, pd.DataFrame):
        wide = _long_to_wide(data, value, time, by) if value else data.copy()
    else:
        raise InputError(
            _("trend_chart() needs a pandas Series or DataFrame, not {kind}").format(
                kind=type(data).__name__),
            fix=_("pass e.g. metrics.follower_growth(followers) or a weekly summary table"),
        )
    wide = wide.select_dtypes("number")
    if wide.empty or wide.shape[1] == 0:
        raise InputError(
            _("there are no numbers to plot"),
            fix=_("pass a table with at least one row and one numeric column"),
        )
    return wide.sort_index()


def _long_to_wide(
    frame: pd.DataFrame, value: str, time: str | None, by: str | None
) -> pd.DataFrame:
    columns = [str(c) for c in frame.columns]
    for column in (value, time, by):
        if column is not None and column not in frame.columns:
            raise unknown_choice(_("column"), column, columns)
    table = frame.reset_index() if time is None else frame
    time_column = time if time is not None else str(frame.index.name or "index")
    if by is None:
        return table.groupby(time_column)[[value]].sum()
    return table.pivot_table(index=time_column, columns=by, values=value, aggfunc="sum",
                             observed=True)


def _plottable_index(index: pd.Index) -> Any:
    """Time as matplotlib can draw it: periods as timestamps, local clock time kept."""
    import pandas as pd

    if isinstance(index, pd.PeriodIndex):
        return index.to_timestamp().to_numpy()
    if isinstance(index, pd.DatetimeIndex):
        return (index.tz_localize(None) if index.tz is not None else index).to_numpy()
    return [str(item) for item in index]


def _series_changes(wide: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """Each line's first and last known value."""
    changes = {}
    for column in wide.columns:
        known = wide[column].dropna()
        first = float(known.iloc[0]) if len(known) else math.nan
        last = float(known.iloc[-1]) if len(known) else math.nan
        changes[str(column)] = (first, last)
    return changes


def _group_labels(summary: pd.DataFrame, label: str | None) -> list[str]:
    if label is not None:
        if label not in summary.columns:
            raise unknown_choice(_("column"), label, [str(c) for c in summary.columns])
        return [str(v) for v in summary[label]]
    if "platform" in summary.columns:
        return [str(v) for v in summary["platform"]]
    return [str(v) for v in summary.index]


def _posts_per_group(summary: pd.DataFrame, groups: list[str], label: str | None) -> dict[str, int]:
    if "posts" not in summary.columns:
        return {}
    return {g: int(n) for g, n in zip(groups, summary["posts"], strict=True) if n == n}


def _best_time_parts(best_times: Any) -> tuple[pd.DataFrame, pd.DataFrame | None, str, int]:
    """The values table, the counts table (or None), the metric name and the default minimum."""
    import pandas as pd

    values: Any
    counts: Any
    if isinstance(best_times, pd.DataFrame):
        values, counts = best_times, None
    else:
        values = getattr(best_times, "values", None)
        counts = getattr(best_times, "counts", None)
    if not isinstance(values, pd.DataFrame) or values.empty:
        raise InputError(
            _("best_time_heatmap() needs a weekday × hour table"),
            fix=_("pass metrics.best_time_table(posts), or a DataFrame with weekdays as rows "
                  "and hours as columns"),
        )
    if counts is not None:
        counts = counts.reindex(index=values.index, columns=values.columns).fillna(0)
    metric = str(getattr(best_times, "metric", "er_reach"))
    default_min = getattr(best_times, "min_posts", 5)
    return values, counts, metric, int(default_min) if isinstance(default_min, int) else 5


def _validated_stages(stages: Mapping[str, float]) -> dict[str, float]:
    if not isinstance(stages, Mapping) or len(stages) < 2:
        raise InputError(
            _("a funnel needs at least two stages in a dict"),
            fix=_("pass e.g. {'impressions': 50000, 'clicks': 900, 'donations': 45}"),
        )
    counts: dict[str, float] = {}
    for name, count in stages.items():
        if not _is_number(count) or not float(count) >= 0:
            raise InputError(
                _("the stage {name} has {count}, not a count of 0 or more").format(
                    name=repr(name), count=repr(count)),
                fix=_("give every stage a number such as 900"),
            )
        counts[str(name)] = float(count)
    names = list(counts)
    if counts[names[0]] == 0:
        raise InputError(_("the first stage {name} is 0").format(name=repr(names[0])),
                         fix=_("start the funnel with a stage that has people in it, such as "
                               "impressions"))
    for before, after in itertools.pairwise(names):
        if counts[after] > counts[before]:
            raise InputError(
                _("{after} ({after_count}) is larger than {before} ({before_count})").format(
                    after=after, after_count=format_metric(counts[after], "count"),
                    before=before, before_count=format_metric(counts[before], "count")),
                fix=_("list the stages from widest to narrowest, e.g. impressions → clicks → "
                      "conversions, and check the numbers are not swapped"),
            )
    return counts


# --- headlines and alt text --------------------------------------------------------------


def _dated(plain: str, dated: str, period: tuple[str, str] | None, **values: str) -> str:
    """``plain`` filled in, or ``dated`` with the period's ``{start}`` and ``{end}`` too.

    Both are whole translated sentences, so a translator can place the dates anywhere.
    """
    if period is None:
        return plain.format(**values)
    return dated.format(start=period[0], end=period[1], **values)


def _trend_headline(changes: dict[str, tuple[float, float]], label: str, index: pd.Index) -> str:
    period = _period(index)
    growth = {name: _ratio(last - first, first) for name, (first, last) in changes.items()}
    known = {name: g for name, g in growth.items() if not math.isnan(g)}
    if not known:
        return _dated(_("{label} over time"), _("{label} over time from {start} to {end}"),
                      period, label=label)
    if len(changes) == 1:
        change = next(iter(known.values()))
        amount = _percent(abs(change), signed=False)
        if change > 0:
            return _dated(_("{label} rose {amount}"),
                          _("{label} rose {amount} from {start} to {end}"),
                          period, label=label, amount=amount)
        if change < 0:
            return _dated(_("{label} fell {amount}"),
                          _("{label} fell {amount} from {start} to {end}"),
                          period, label=label, amount=amount)
        return _dated(_("{label} stayed the same"),
                      _("{label} stayed the same from {start} to {end}"), period, label=label)
    best = max(known, key=lambda name: known[name])
    name, shown = _display_name(best), _percent(known[best], signed=True)
    if known[best] > 0:
        return _dated(_("{name} grew most: {change}"),
                      _("{name} grew most: {change} from {start} to {end}"),
                      period, name=name, change=shown)
    return _dated(_("{name} fell least: {change}"),
                  _("{name} fell least: {change} from {start} to {end}"),
                  period, name=name, change=shown)


def _trend_alt_text(
    headline: str, label: str, changes: dict[str, tuple[float, float]], index: pd.Index,
    metric: str,
) -> str:
    lines = [_dated(_("Line chart of {label} over time. {headline}."),
                    _("Line chart of {label} over time from {start} to {end}. {headline}."),
                    _period(index), label=_lowercase(label), headline=headline)]
    for name, (first, last) in changes.items():
        lines.append(_("{name}: from {first} to {last}.").format(
            name=_display_name(name), first=format_metric(first, metric),
            last=format_metric(last, metric)))
    return " ".join(lines)


def _comparison_headline(values: pd.Series, metric: str, better: str = "higher") -> str:
    what = metric_label(metric)
    what = what if what[:2].isupper() else _lowercase(what[:1]) + what[1:]  # "CPC" stays "CPC"
    best_name, best = str(values.index[-1]), float(values.iloc[-1])
    words = {"name": _display_name(best_name), "what": what, "value": format_metric(best, metric)}
    if len(values) == 1:
        head = (_("{name} had the highest {what}: {value}") if better == "higher"
                else _("{name} had the lowest {what}: {value}"))
        return head.format(**words)
    low_name, low = str(values.index[0]), float(values.iloc[0])
    words |= {"other": _display_name(low_name), "other_value": format_metric(low, metric)}
    if better == "lower":
        if best > 0:
            return _("{name} had the lowest {what}: {value}, against {other_value} for {other} "
                     "({ratio}×)").format(ratio=digits(f"{low / best:.1f}"), **words)
        return _("{name} had the lowest {what}: {value}, against {other_value} for "
                 "{other}").format(**words)
    if low > 0:
        return _("{name} had the highest {what}: {value}, {ratio}× {other} "
                 "({other_value})").format(ratio=digits(f"{best / low:.1f}"), **words)
    return _("{name} had the highest {what}: {value}; {other} had {other_value}").format(**words)


def _best_time_headline(
    best: tuple[int, int] | None, rows: list[str], hours: list[str], grid: Any,
    counts: pd.DataFrame | None, metric: str,
) -> str:
    if best is None:
        return _("Not enough posts in any hour yet to name a best time")
    row, column = best
    words = {"day": rows[row], "hour": hours[column], "what": _lowercase(metric_label(metric)),
             "value": format_metric(grid[row, column], metric)}
    if counts is not None:
        posts = digits(int(counts.to_numpy()[row, column]))
        return _("Best time to post: {day} {hour} ({what} {value}, {posts} posts)").format(
            posts=posts, **words)
    return _("Best time to post: {day} {hour} ({what} {value})").format(**words)


def _heatmap_alt_text(
    headline: str, grid: Any, thin: Any, rows: list[str], hours: list[str], metric: str,
    min_posts: int,
) -> str:
    import numpy as np

    trusted = [(grid[r, c], r, c) for r, c in zip(*np.nonzero(~thin), strict=True)]
    top = sorted(trusted, reverse=True)[:3]
    listing = "; ".join(f"{rows[r]} {hours[c]}: {format_metric(v, metric)}" for v, r, c in top)
    return _("Heatmap of {what} by weekday and hour. {headline}. Top slots: {listing}. "
             "{thin} of {cells} cells have fewer than {min_posts} posts and are greyed "
             "out.").format(what=_lowercase(metric_label(metric)), headline=headline,
                            listing=listing or _("none"), thin=digits(int(thin.sum())),
                            cells=digits(thin.size), min_posts=digits(min_posts))


# --- heatmap drawing ---------------------------------------------------------------------


def _best_cell(grid: Any, thin: Any) -> tuple[int, int] | None:
    import numpy as np

    if thin.all():
        return None
    scores = np.where(thin, -np.inf, grid)
    row, column = np.unravel_index(int(np.argmax(scores)), grid.shape)
    return int(row), int(column)


def _hatch_thin_cells(ax: Axes, thin: Any) -> None:
    from matplotlib.patches import Rectangle

    for row, column in zip(*thin.nonzero(), strict=True):
        ax.add_patch(Rectangle((column - 0.5, row - 0.5), 1, 1, facecolor=THIN_CELL,
                               edgecolor="#9A9A9A", hatch="///", linewidth=0))


def _outline_cell(ax: Axes, row: int, column: int) -> None:
    from matplotlib.patches import Rectangle

    ax.add_patch(Rectangle((column - 0.5, row - 0.5), 1, 1, fill=False,
                           edgecolor=PALETTE["orange"], linewidth=3))


def _write_counts(ax: Axes, counts: Any, grid: Any, thin: Any, image: Any) -> None:
    """Write each cell's post count, in black or white, whichever reads better on it."""
    for row in range(counts.shape[0]):
        for column in range(counts.shape[1]):
            if thin[row, column]:
                colour = "#333333"
            else:
                red, green, blue, _alpha = image.cmap(image.norm(grid[row, column]))
                colour = "black" if 0.299 * red + 0.587 * green + 0.114 * blue > 0.5 else "white"
            ax.text(column, row, digits(int(counts[row, column])), ha="center", va="center",
                    fontsize=8, color=colour)


# --- words -------------------------------------------------------------------------------


def _display_name(name: str) -> str:
    """A group's name as shown: a platform's display name in the chosen language, else as is."""
    return platform_name(name)


def _lowercase(text: str) -> str:
    """A label made lower case to sit inside an English sentence; other languages keep theirs
    (Bengali has no case, and lowering would spoil the Latin acronyms a label may hold)."""
    return text.lower() if current_language() == "en" else text


def _colour_for(name: str, position: int) -> str:
    return PLATFORM_COLOURS.get(name, SERIES_COLOURS[position % len(SERIES_COLOURS)])


def _weekday_name(day: Any) -> str:
    """A weekday (0 = Monday, or its English name) as the reader says it.

    >>> from smm_helpers.i18n.messages import in_language
    >>> with in_language("bn"):
    ...     _weekday_name(3), _weekday_name("Thursday"), _weekday_name("other")
    ('বৃহস্পতিবার', 'বৃহস্পতিবার', 'other')
    """
    if isinstance(day, int) and 0 <= day <= 6:
        return _(WEEKDAYS[day])
    return _(day) if day in WEEKDAYS else str(day)


def _hour_label(hour: Any) -> str:
    return digits(f"{hour:02d}:00") if isinstance(hour, int) else str(hour)


def _period(index: pd.Index) -> tuple[str, str] | None:
    """The first and last day of a time index as the reader writes them (the first without
    its year when both are in the same year), or ``None`` when it is not a time index.

    >>> import pandas as pd
    >>> _period(pd.DatetimeIndex(["2025-01-06", "2025-01-27"]))
    ('06 Jan', '27 Jan 2025')
    >>> from smm_helpers.i18n.messages import use_language
    >>> _ = use_language("bn"); _period(pd.DatetimeIndex(["2024-12-30", "2025-01-27"]))
    ('৩০ ডিসেম্বর ২০২৪', '২৭ জানুয়ারি ২০২৫')
    >>> _ = use_language("en")
    """
    import pandas as pd

    if isinstance(index, pd.PeriodIndex):
        index = index.to_timestamp()
    if not isinstance(index, pd.DatetimeIndex) or len(index) < 2:
        return None
    first, last = index[0], index[-1]
    start = _day_and_month(first) if first.year == last.year else format_date(first)
    return start, format_date(last)


def _day_and_month(day: Any) -> str:
    """A date without its year: 06 Jan, or ৬ জানুয়ারি."""
    language = current_language()
    if language == "en":
        return f"{day:%d %b}"
    from babel.dates import format_date as babel_date

    return digits(babel_date(day, format="d MMMM", locale=language))


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole else math.nan


def _percent(fraction: float, *, signed: bool = False) -> str:
    """A fraction as a percentage with enough digits to not round small rates to 0%."""
    if math.isnan(fraction):
        return _("no data")
    size = abs(fraction) * 100
    decimals = 0 if size >= 10 else 1 if size >= 1 else 2
    if signed:
        return digits(f"{fraction * 100:+.{decimals}f}%")
    return digits(f"{fraction * 100:.{decimals}f}%")


def _nan_low(value: float) -> float:
    return -math.inf if math.isnan(value) else value


def _is_number(value: object) -> bool:
    """A real number (Python's or numpy's), but not True/False."""
    import numbers

    return isinstance(value, numbers.Real) and not isinstance(value, bool)
