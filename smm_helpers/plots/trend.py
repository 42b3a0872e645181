"""The trend chart: one or more numbers over time, with a title that says which grew most."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from smm_helpers.errors import InputError, unknown_choice
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.plots.labels import (
    as_percent,
    dated_sentence,
    display_name,
    format_metric,
    lowercase,
    metric_label,
    nan_low,
    ratio_of,
    time_period,
)
from smm_helpers.plots.style import LINE_STYLES, colour_for, set_title, styled_figure
from smm_helpers.plots.ticks import format_time_axis, format_value_axis

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


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
    label = ylabel or (
        metric_label(value) if value else metric_label(names[0]) if len(names) == 1 else _("Value")
    )
    metric = value or (names[0] if len(names) == 1 else "value")
    changes = _series_changes(wide)
    headline = title or _trend_headline(changes, label, wide.index)
    texts = [headline, label, *(display_name(n) for n in names)]

    with styled_figure(texts, figsize=(9, 5)) as fig:
        ax = fig.add_subplot()
        x = _plottable_index(wide.index)
        for position, column in enumerate(wide.columns):
            name = str(column)
            ax.plot(
                x,
                wide[column].to_numpy(dtype=float),
                color=colour_for(name, position),
                linestyle=LINE_STYLES[position % len(LINE_STYLES)],
                marker="o" if len(wide) <= 30 else None,
                markersize=4,
                label=display_name(name),
            )
        set_title(ax, headline)
        ax.set_ylabel(label)
        format_value_axis(ax.yaxis, metric)
        format_time_axis(ax, wide.index)
        if len(names) > 1:
            _legend_in_end_order(ax, changes)
        fig.alt_text = _trend_alt_text(headline, label, changes, wide.index, metric)  # type: ignore[attr-defined]
    return fig


def _legend_in_end_order(ax: Axes, changes: dict[str, tuple[float, float]]) -> None:
    """A legend listing the lines from the highest end value down, beside the plot."""
    handles, labels = ax.get_legend_handles_labels()
    by_label = dict(zip(labels, handles, strict=True))
    order = sorted(changes, key=lambda name: -nan_low(changes[name][1]))
    ordered = [display_name(name) for name in order if display_name(name) in by_label]
    ax.legend(
        [by_label[n] for n in ordered], ordered, loc="upper left", bbox_to_anchor=(1.01, 1)
    )  # i18n: not shown


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
                kind=type(data).__name__
            ),
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
    return table.pivot_table(
        index=time_column, columns=by, values=value, aggfunc="sum", observed=True
    )


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


def _trend_headline(changes: dict[str, tuple[float, float]], label: str, index: pd.Index) -> str:
    period = time_period(index)
    growth = {name: ratio_of(last - first, first) for name, (first, last) in changes.items()}
    known = {name: g for name, g in growth.items() if not math.isnan(g)}
    if not known:
        return dated_sentence(
            _("{label} over time"),
            _("{label} over time from {start} to {end}"),
            period,
            label=label,
        )
    if len(changes) == 1:
        change = next(iter(known.values()))
        amount = as_percent(abs(change), signed=False)
        if change > 0:
            return dated_sentence(
                _("{label} rose {amount}"),
                _("{label} rose {amount} from {start} to {end}"),
                period,
                label=label,
                amount=amount,
            )
        if change < 0:
            return dated_sentence(
                _("{label} fell {amount}"),
                _("{label} fell {amount} from {start} to {end}"),
                period,
                label=label,
                amount=amount,
            )
        return dated_sentence(
            _("{label} stayed the same"),
            _("{label} stayed the same from {start} to {end}"),
            period,
            label=label,
        )
    best = max(known, key=lambda name: known[name])
    name, shown = display_name(best), as_percent(known[best], signed=True)
    if known[best] > 0:
        return dated_sentence(
            _("{name} grew most: {change}"),
            _("{name} grew most: {change} from {start} to {end}"),
            period,
            name=name,
            change=shown,
        )
    return dated_sentence(
        _("{name} fell least: {change}"),
        _("{name} fell least: {change} from {start} to {end}"),
        period,
        name=name,
        change=shown,
    )


def _trend_alt_text(
    headline: str,
    label: str,
    changes: dict[str, tuple[float, float]],
    index: pd.Index,
    metric: str,
) -> str:
    lines = [
        dated_sentence(
            _("Line chart of {label} over time. {headline}."),
            _("Line chart of {label} over time from {start} to {end}. {headline}."),
            time_period(index),
            label=lowercase(label),
            headline=headline,
        )
    ]
    for name, (first, last) in changes.items():
        lines.append(
            _("{name}: from {first} to {last}.").format(
                name=display_name(name),
                first=format_metric(first, metric),
                last=format_metric(last, metric),
            )
        )
    return " ".join(lines)
