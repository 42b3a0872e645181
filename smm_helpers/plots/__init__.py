"""Charts a social media manager shows a client: trends, comparisons, best times, funnels.

Every function returns a matplotlib ``Figure`` you can show in a notebook or save with
``fig.savefig("chart.png")``.  Each figure

* uses one accessible style: the colour-blind-safe Okabe–Ito palette, large text, light grid;
* has a title that states the finding ("Instagram had the highest engagement rate …");
* carries alt text for screen readers in ``fig.alt_text`` (or ``alt_text(fig)``);
* draws Bengali labels with a Bengali font when one is installed (``smm_helpers.fonts``).

The style is applied to each figure as it is drawn, never to matplotlib as a whole, so
your own plots keep looking the way you set them up.

The package, one job per module, each importing only the ones listed before it:

* ``style``: the look (``PALETTE``, ``PLATFORM_COLOURS``, ``STYLE`` …), :func:`styled_figure`
  (draw your own chart in the course style), :func:`figure_png`, :func:`alt_text` and the
  figure class that shows itself in a notebook with its alt text;
* ``labels``: the words and numbers on a chart: :func:`metric_label`, :func:`format_metric`,
  :func:`is_rate`, weekday names and date periods in the chosen language;
* ``ticks``: axis ticks as the reader writes numbers and dates (Bengali digits too);
* one module per chart family: ``trend`` (:func:`trend_chart`), ``comparison``
  (:func:`platform_comparison`), ``heatmap`` (:func:`best_time_heatmap`) and ``funnel``
  (:func:`funnel_chart`), each with its headline and alt text.

>>> import pandas as pd
>>> fig = funnel_chart({"impressions": 10_000, "link clicks": 250, "donations": 10})
>>> fig.alt_text.splitlines()[0]
'Funnel chart. 0.10% of impressions became donations (10 of 10,000).'
"""

from __future__ import annotations

# ``name as name``: public before the package too, but not in ``__all__``; the two private
# names under another name are used by the tests.
from smm_helpers.plots.comparison import platform_comparison
from smm_helpers.plots.funnel import funnel_chart
from smm_helpers.plots.heatmap import best_time_heatmap
from smm_helpers.plots.labels import METRIC_LABELS as METRIC_LABELS
from smm_helpers.plots.labels import MONTH_ABBREVIATIONS as MONTH_ABBREVIATIONS
from smm_helpers.plots.labels import RATE_METRICS as RATE_METRICS
from smm_helpers.plots.labels import WEEKDAYS as WEEKDAYS
from smm_helpers.plots.labels import format_metric, is_rate, metric_label
from smm_helpers.plots.labels import weekday_name as _weekday_name  # noqa: F401 (tests use it)
from smm_helpers.plots.style import HIGHLIGHT as HIGHLIGHT
from smm_helpers.plots.style import LINE_STYLES as LINE_STYLES
from smm_helpers.plots.style import MUTED as MUTED
from smm_helpers.plots.style import PALETTE as PALETTE
from smm_helpers.plots.style import PLATFORM_COLOURS as PLATFORM_COLOURS
from smm_helpers.plots.style import SERIES_COLOURS as SERIES_COLOURS
from smm_helpers.plots.style import STYLE as STYLE
from smm_helpers.plots.style import THIN_CELL as THIN_CELL
from smm_helpers.plots.style import alt_text, course_figure_class, figure_png, styled_figure
from smm_helpers.plots.ticks import tick_number as _tick_number  # noqa: F401 (tests use it)
from smm_helpers.plots.trend import trend_chart

__all__ = [
    "alt_text",
    "best_time_heatmap",
    "course_figure_class",
    "figure_png",
    "format_metric",
    "funnel_chart",
    "is_rate",
    "metric_label",
    "platform_comparison",
    "styled_figure",
    "trend_chart",
]
