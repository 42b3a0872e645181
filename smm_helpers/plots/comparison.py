"""The comparison chart: platforms (or formats, pillars …) side by side on one metric."""

from __future__ import annotations

from typing import TYPE_CHECKING

from smm_helpers.errors import InputError, unknown_choice
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits, format_number
from smm_helpers.plots.labels import display_name, format_metric, lowercase, metric_label
from smm_helpers.plots.style import HIGHLIGHT, MUTED, set_title, styled_figure
from smm_helpers.plots.ticks import format_value_axis

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure


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
    names = [display_name(g) for g in values.index]
    tick_labels = [
        _("{name}\n({count} posts)").format(name=n, count=format_number(posts[g]))
        if g in posts
        else n
        for n, g in zip(names, values.index, strict=True)
    ]
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
        format_value_axis(ax.xaxis, metric)
        set_title(ax, headline)
        ranking = ", ".join(
            f"{display_name(str(g))} {format_metric(v, metric)}" for g, v in values[::-1].items()
        )
        if better == "higher":
            alt = _("Bar chart of {what} by group. {headline}. From highest to lowest: {ranking}.")
        else:
            alt = _("Bar chart of {what} by group. {headline}. From lowest to highest: {ranking}.")
        fig.alt_text = alt.format(  # type: ignore[attr-defined]
            what=lowercase(what), headline=headline, ranking=ranking
        )
    return fig


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


def _comparison_headline(values: pd.Series, metric: str, better: str = "higher") -> str:
    what = metric_label(metric)
    what = what if what[:2].isupper() else lowercase(what[:1]) + what[1:]  # "CPC" stays "CPC"
    best_name, best = str(values.index[-1]), float(values.iloc[-1])
    words = {"name": display_name(best_name), "what": what, "value": format_metric(best, metric)}
    if len(values) == 1:
        head = (
            _("{name} had the highest {what}: {value}")
            if better == "higher"
            else _("{name} had the lowest {what}: {value}")
        )
        return head.format(**words)
    low_name, low = str(values.index[0]), float(values.iloc[0])
    words |= {"other": display_name(low_name), "other_value": format_metric(low, metric)}
    if better == "lower":
        if best > 0:
            return _(
                "{name} had the lowest {what}: {value}, against {other_value} for {other} "
                "({ratio}×)"
            ).format(ratio=digits(f"{low / best:.1f}"), **words)
        return _("{name} had the lowest {what}: {value}, against {other_value} for {other}").format(
            **words
        )
    if low > 0:
        return _("{name} had the highest {what}: {value}, {ratio}× {other} ({other_value})").format(
            ratio=digits(f"{best / low:.1f}"), **words
        )
    return _("{name} had the highest {what}: {value}; {other} had {other_value}").format(**words)
