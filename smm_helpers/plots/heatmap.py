"""The best-time heatmap: weekday × hour, with cells of too few posts greyed and hatched."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits
from smm_helpers.plots.labels import (
    format_metric,
    hour_label,
    lowercase,
    metric_label,
    weekday_name,
)
from smm_helpers.plots.style import PALETTE, THIN_CELL, set_title, styled_figure
from smm_helpers.plots.ticks import format_value_axis

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


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
                value=repr(min_posts)
            ),
            fix=_("use e.g. min_posts=5: cells with fewer posts are greyed out"),
        )
    grid = values.to_numpy(dtype=float)
    thin = np.isnan(grid)
    if counts is not None:
        thin |= counts.to_numpy(dtype=float) < min_posts
    rows = [weekday_name(day) for day in values.index]
    hours = [hour_label(hour) for hour in values.columns]
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
        format_value_axis(colourbar.ax.yaxis, metric)
        set_title(ax, headline)
        fig.alt_text = _heatmap_alt_text(  # type: ignore[attr-defined]
            headline, grid, thin, rows, hours, metric, min_posts
        )
    return fig


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
            fix=_(
                "pass metrics.best_time_table(posts), or a DataFrame with weekdays as rows "
                "and hours as columns"
            ),
        )
    if counts is not None:
        counts = counts.reindex(index=values.index, columns=values.columns).fillna(0)
    metric = str(getattr(best_times, "metric", "er_reach"))
    default_min = getattr(best_times, "min_posts", 5)
    return values, counts, metric, int(default_min) if isinstance(default_min, int) else 5


def _best_time_headline(
    best: tuple[int, int] | None,
    rows: list[str],
    hours: list[str],
    grid: Any,
    counts: pd.DataFrame | None,
    metric: str,
) -> str:
    if best is None:
        return _("Not enough posts in any hour yet to name a best time")
    row, column = best
    words = {
        "day": rows[row],
        "hour": hours[column],
        "what": lowercase(metric_label(metric)),
        "value": format_metric(grid[row, column], metric),
    }
    if counts is not None:
        posts = digits(int(counts.to_numpy()[row, column]))
        return _("Best time to post: {day} {hour} ({what} {value}, {posts} posts)").format(
            posts=posts, **words
        )
    return _("Best time to post: {day} {hour} ({what} {value})").format(**words)


def _heatmap_alt_text(
    headline: str,
    grid: Any,
    thin: Any,
    rows: list[str],
    hours: list[str],
    metric: str,
    min_posts: int,
) -> str:
    import numpy as np

    trusted = [(grid[r, c], r, c) for r, c in zip(*np.nonzero(~thin), strict=True)]
    top = sorted(trusted, reverse=True)[:3]
    listing = "; ".join(f"{rows[r]} {hours[c]}: {format_metric(v, metric)}" for v, r, c in top)
    return _(
        "Heatmap of {what} by weekday and hour. {headline}. Top slots: {listing}. "
        "{thin} of {cells} cells have fewer than {min_posts} posts and are greyed "
        "out."
    ).format(
        what=lowercase(metric_label(metric)),
        headline=headline,
        listing=listing or _("none"),
        thin=digits(int(thin.sum())),
        cells=digits(thin.size),
        min_posts=digits(min_posts),
    )


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
        ax.add_patch(
            Rectangle(
                (column - 0.5, row - 0.5),
                1,
                1,
                facecolor=THIN_CELL,
                edgecolor="#9A9A9A",
                hatch="///",
                linewidth=0,
            )
        )


def _outline_cell(ax: Axes, row: int, column: int) -> None:
    from matplotlib.patches import Rectangle

    ax.add_patch(
        Rectangle(
            (column - 0.5, row - 0.5), 1, 1, fill=False, edgecolor=PALETTE["orange"], linewidth=3
        )
    )


def _write_counts(ax: Axes, counts: Any, grid: Any, thin: Any, image: Any) -> None:
    """Write each cell's post count, in black or white, whichever reads better on it."""
    for row in range(counts.shape[0]):
        for column in range(counts.shape[1]):
            if thin[row, column]:
                colour = "#333333"
            else:
                red, green, blue, _alpha = image.cmap(image.norm(grid[row, column]))
                colour = "black" if 0.299 * red + 0.587 * green + 0.114 * blue > 0.5 else "white"
            ax.text(
                column,
                row,
                digits(int(counts[row, column])),
                ha="center",
                va="center",
                fontsize=8,
                color=colour,
            )
