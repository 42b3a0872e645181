"""The funnel chart: from the first stage to the last, with the conversion rate between stages."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import TYPE_CHECKING

from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.plots.labels import as_percent, format_metric, is_number, ratio_of
from smm_helpers.plots.style import HIGHLIGHT, PALETTE, set_title, styled_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure


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
        "{percent} of {first} became {last} ({last_count} of {first_count})"
    ).format(
        percent=as_percent(ratio_of(counts[last], counts[first])),
        first=first,
        last=last,
        last_count=format_metric(counts[last], "count"),
        first_count=format_metric(counts[first], "count"),
    )
    steps = [
        _("{percent} of {before} → {after}").format(
            percent=as_percent(ratio_of(counts[after], counts[before])), before=before, after=after
        )
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
            ax.text(
                widths[row] / 2,
                row,
                f"  {format_metric(counts[name], 'count')}",
                ha="left",
                va="center",
                fontweight="bold",
            )
        for row, step in enumerate(steps):
            ax.text(
                0,
                row + 0.5,
                f"↓ {step}",
                ha="center",
                va="center",
                fontsize=10,
                color=PALETTE["black"],
                bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none"},
            )
        ax.set_ylim(len(names) - 0.5, -0.6)
        ax.set_xlim(-widest * 0.95, widest * 0.75)
        ax.axis("off")
        set_title(ax, headline)
        fig.alt_text = _(  # type: ignore[attr-defined]
            "Funnel chart. {headline}.\n{stages}.\n{steps}."
        ).format(
            headline=headline,
            stages="; ".join(f"{n}: {format_metric(c, 'count')}" for n, c in counts.items()),
            steps="; ".join(steps),
        )
    return fig


def _validated_stages(stages: Mapping[str, float]) -> dict[str, float]:
    if not isinstance(stages, Mapping) or len(stages) < 2:
        raise InputError(
            _("a funnel needs at least two stages in a dict"),
            fix=_("pass e.g. {'impressions': 50000, 'clicks': 900, 'donations': 45}"),
        )
    counts: dict[str, float] = {}
    for name, count in stages.items():
        if not is_number(count) or not float(count) >= 0:
            raise InputError(
                _("the stage {name} has {count}, not a count of 0 or more").format(
                    name=repr(name), count=repr(count)
                ),
                fix=_("give every stage a number such as 900"),
            )
        counts[str(name)] = float(count)
    names = list(counts)
    if counts[names[0]] == 0:
        raise InputError(
            _("the first stage {name} is 0").format(name=repr(names[0])),
            fix=_("start the funnel with a stage that has people in it, such as impressions"),
        )
    for before, after in itertools.pairwise(names):
        if counts[after] > counts[before]:
            raise InputError(
                _("{after} ({after_count}) is larger than {before} ({before_count})").format(
                    after=after,
                    after_count=format_metric(counts[after], "count"),
                    before=before,
                    before_count=format_metric(counts[before], "count"),
                ),
                fix=_(
                    "list the stages from widest to narrowest, e.g. impressions → clicks → "
                    "conversions, and check the numbers are not swapped"
                ),
            )
    return counts
