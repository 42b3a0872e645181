"""Budget sliders: move the total and each platform's prices, watch the best split change.

``budget_sliders(...)`` wraps :func:`smm_helpers.budget.allocate_budget` in controls: a
slider for the total paid budget, and for each platform a slider for its cost per result
at the start and one for its saturation (the most results it could ever give).  The
allocation table and a bar chart redraw as you move them.  Where widgets cannot run (a
static web page), the same table and chart for the starting inputs show as HTML, the chart
as an embedded PNG with alt text.

>>> view = budget_sliders(20_000, ["facebook", "youtube"])
>>> print(view.text.splitlines()[0])
Best split of ৳20,000 (expected 3,364 results):
>>> "<img" in view.static_html and "alt=" in view.static_html
True
"""

from __future__ import annotations

import base64
import html
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from smm_helpers.budget import Allocation, allocate_budget, format_money
from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import N_, current_language
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits, format_number
from smm_helpers.plots import MUTED, PLATFORM_COLOURS, figure_png, styled_figure
from smm_helpers.plots.ticks import tick_number as _tick_number
from smm_helpers.schema import platform_name
from smm_helpers.widgets.base import LiveView, stuck_html

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "DEFAULT_PLATFORMS",
    "LiveChart",
    "allocation_alt_text",
    "allocation_chart",
    "allocation_html",
    "allocation_png",
    "budget_sliders",
]

#: The platforms the sliders split a budget between unless you name others (all have an
#: illustrative Bangladesh ad price in :mod:`smm_helpers.platforms`).
DEFAULT_PLATFORMS: tuple[str, ...] = ("facebook", "instagram", "youtube", "tiktok")

#: The cost-per-result sliders' top, in taka (LinkedIn's illustrative price is about 21).
MAX_COST = 60.0
#: The saturation sliders' top: results a month from one platform.
MAX_SATURATION = 20_000


def _check_allocation(allocation: object, who: str) -> Allocation:
    if not isinstance(allocation, Allocation):
        raise InputError(
            _("{who} needs an Allocation, not {kind}").format(
                who=who, kind=type(allocation).__name__
            ),
            fix=_("pass the result of budget.allocate_budget(...)"),
        )
    return allocation


#: The column headings of the allocation table.
TABLE_HEADERS = (
    N_("platform"),
    N_("spend"),
    N_("share"),
    N_("expected results"),
    N_("next result costs"),
    N_("note"),
)


def _money(allocation: Allocation, amount: float, decimals: int | None = None) -> str:
    """An amount as the reader writes money: ৳12,500 in English; in Bengali with Bengali
    digits and lakh grouping (৳১২,৫০০; ৳১,২০,০০০)."""
    if math.isinf(amount):
        return _("∞ (saturated)")
    if current_language() == "en":
        return format_money(amount, allocation.currency, decimals=decimals)
    return digits(format_money(amount, allocation.currency, decimals=decimals, lakh=True))


def _results(count: float) -> str:
    """A number of results, whole: 1,648 or ১,৬৪৮."""
    return format_number(count)


def _name(allocation: Allocation, platform: str) -> str:
    """A platform's name in the chosen language (the allocation's own name if it is not
    a platform SMM Lab knows)."""
    shown = platform_name(platform)
    return allocation.names.get(platform, shown) if shown == platform else shown


def allocation_html(allocation: Allocation) -> str:
    """The split as an HTML table: spend, share of the total, results, next result's cost.

    >>> split = allocate_budget(10_000, ["facebook", "linkedin"])
    >>> page = allocation_html(split)
    >>> "Facebook" in page and "৳10,000" in page
    True
    >>> allocation_html({"facebook": 5000})
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: allocation_html needs an Allocation, not dict.
    How to fix it: pass the result of budget.allocate_budget(...).
    """
    split = _check_allocation(allocation, "allocation_html")
    right = "style='text-align:right'"
    rows = []
    for p in split.platforms:
        share = split.spend[p] / split.total if split.total else 0.0
        note = (
            ""
            if p in split.funded
            else _("not worth funding yet")
            if split.minimum[p] == 0
            else _("held at its minimum")
        )
        rows.append(
            f"<tr><td>{html.escape(_name(split, p))}</td>"
            f"<td {right}>{_money(split, split.spend[p])}</td>"
            f"<td {right}>{digits(f'{share:.0%}')}</td>"
            f"<td {right}>{_results(split.results[p])}</td>"
            f"<td {right}>{_money(split, split.marginal_cost[p], 2)}</td>"
            f"<td>{html.escape(note)}</td></tr>"
        )
    level = (
        _(
            "Every funded platform's next result costs the same, {cost}: moving money "
            "elsewhere would buy fewer results."
        ).format(cost=_money(split, split.level, 2))
        if split.funded
        else _("Nothing is funded yet.")
    )
    average = _money(split, split.average_cost_per_result, 2) if split.total_results else "–"
    total = _("Total {total}: expected {results} results, {average} each on average.").format(
        total=_money(split, split.total), results=_results(split.total_results), average=average
    )
    headers = "".join(f"<th>{html.escape(_(h))}</th>" for h in TABLE_HEADERS)
    return (
        f"<table class='smm-budget-table'><thead><tr>{headers}</tr>"  # i18n: not shown
        f"</thead><tbody>{''.join(rows)}</tbody></table>"
        f"<p>{html.escape(total)} {html.escape(level)}</p>"
    )


def _headline(split: Allocation) -> str:
    if split.total <= 0:
        return _("No budget to split yet")
    top = max(split.platforms, key=lambda p: split.spend[p])
    return _("{name} gets the most: {spend} of {total}").format(
        name=_name(split, top),
        spend=_money(split, split.spend[top]),
        total=_money(split, split.total),
    )


def allocation_alt_text(allocation: Allocation) -> str:
    """Alt text for the allocation chart: the finding, then every bar in words.

    >>> split = allocate_budget(10_000, ["facebook", "linkedin"])
    >>> print(allocation_alt_text(split))  # doctest: +ELLIPSIS
    Bar chart of the best split of ৳10,000. Facebook gets the most: ৳10,000 of ৳10,000.
    Facebook ৳10,000 (1,648 results); LinkedIn ৳0 (0 results).
    """
    split = _check_allocation(allocation, "allocation_alt_text")
    bars = "; ".join(
        _("{name} {spend} ({results} results)").format(
            name=_name(split, p),
            spend=_money(split, split.spend[p]),
            results=_results(split.results[p]),
        )
        for p in split.platforms
    )
    return _("Bar chart of the best split of {total}. {headline}.\n{bars}.").format(
        total=_money(split, split.total), headline=_headline(split), bars=bars
    )


def allocation_chart(allocation: Allocation) -> Figure:
    """A bar chart of the spend per platform, labelled with the expected results.

    Drawn in the course style (:func:`smm_helpers.plots.styled_figure`); the figure carries
    its alt text in ``fig.alt_text``.

    >>> fig = allocation_chart(allocate_budget(10_000, ["facebook", "instagram"]))
    >>> fig.axes[0].get_title(loc="left")
    'Facebook gets the most: ৳5,000 of ৳10,000'
    >>> allocation_chart(None)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: allocation_chart needs an Allocation, not NoneType.
    How to fix it: pass the result of budget.allocate_budget(...).
    """
    split = _check_allocation(allocation, "allocation_chart")
    names = [_name(split, p) for p in split.platforms]
    headline = _headline(split)
    unit = _("Spend (BDT)") if split.currency == "BDT" else _("Spend (USD)")
    with styled_figure([headline, unit, *names], figsize=(7, 1.4 + 0.6 * len(names))) as fig:
        ax = fig.add_subplot()
        spends = [split.spend[p] for p in split.platforms]
        colours = [
            PLATFORM_COLOURS.get(p, MUTED) if p in split.funded else MUTED for p in split.platforms
        ]
        bars = ax.barh(range(len(names)), spends, color=colours)
        ax.set_yticks(range(len(names)), names)
        ax.invert_yaxis()
        ax.bar_label(
            bars,
            [
                _("{spend} → {results} results").format(
                    spend=_money(split, s), results=_results(split.results[p])
                )
                for p, s in zip(split.platforms, spends, strict=True)
            ],
            padding=4,
        )
        ax.set_xlabel(unit)
        ax.set_xlim(0, max(max(spends, default=0.0), 1.0) * 1.6)
        _format_money_axis(ax.xaxis)
        ax.grid(axis="y", visible=False)
        ax.set_title(headline, loc="left", pad=12)
        fig.alt_text = allocation_alt_text(split)  # type: ignore[attr-defined]
    return fig


def _format_money_axis(axis: Any) -> None:
    """Spend ticks in Bengali digits and lakh grouping when the chart is drawn in Bengali."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator  # heavy: loaded on first use

    if current_language() == "bn":  # English keeps matplotlib's own ticks, as before
        axis.set_major_locator(MaxNLocator(nbins=5))  # lakh-grouped numbers are wider
        axis.set_major_formatter(FuncFormatter(lambda v, _pos: _tick_number(v, True)))


def allocation_png(allocation: Allocation, *, dpi: int = 80) -> bytes:
    """The allocation chart as PNG bytes (for a web page or an ``ipywidgets.Image``).

    >>> allocation_png(allocate_budget(5_000, ["facebook"]))[:4]
    b'\\x89PNG'
    """
    return figure_png(allocation_chart(allocation), dpi=dpi)


def _picture_html(png_bytes: bytes, alt_text: str) -> str:
    """The chart as an ``<img>`` with the PNG embedded and its alt text."""
    png = base64.b64encode(png_bytes).decode("ascii")
    alt = html.escape(alt_text, quote=True)
    return (
        f"<img src='data:image/png;base64,{png}' "  # i18n: not shown
        f"alt=\"{alt}\" style='max-width:100%'>"
    )


def _static_html(split: Allocation, png_bytes: bytes) -> str:
    return (
        f"<div class='smm-budget-sliders'>{allocation_html(split)}"  # i18n: not shown
        f"{_picture_html(png_bytes, allocation_alt_text(split))}</div>"
    )


class LiveChart:
    """The live view's chart: the PNG on show (``value``), its ``alt`` text, and ``widget``.

    ``widget`` is an ipywidgets ``HTML`` holding an ``<img>`` with the alt text, the same
    markup as the static view.  (An ipywidgets ``Image`` cannot carry alt text: it has no
    ``alt``, and in ipywidgets 8.1 a ``tooltip`` on it stops the picture from rendering at
    all, so a screen reader would meet a nameless picture.)
    """

    def __init__(self, png_bytes: bytes, alt_text: str) -> None:
        import ipywidgets as widgets  # heavy: loaded on first use

        self.widget = widgets.HTML()
        self.widget.add_class("smm-budget-chart")
        self.value = png_bytes
        self.alt = alt_text
        self.show(png_bytes, alt_text)

    def show(self, png_bytes: bytes, alt_text: str) -> None:
        """Put a new chart on show."""
        self.value, self.alt = png_bytes, alt_text
        self.widget.value = _picture_html(png_bytes, alt_text)


def budget_sliders(
    total: float = 20_000,
    platforms: Iterable[str] | None = None,
    *,
    cost_per_result: float | Mapping[str, float] | None = None,
    saturation: float | Mapping[str, float] | None = None,
    minimum: float | Mapping[str, float] = 0.0,
    max_total: float | None = None,
) -> LiveView:
    """Sliders for the total budget and each platform's cost and saturation; live best split.

    Takes the same inputs as :func:`~smm_helpers.budget.allocate_budget` (in taka); they are
    the starting values of the sliders (``platforms`` defaults to :data:`DEFAULT_PLATFORMS`).
    The static view (``.static_html``, ``.text``) shows the split for those inputs.

    The live widget (``view.widget``) is a box with ``.controls`` (a dict of sliders:
    ``"total"``, ``"cost:<platform>"`` and ``"saturation:<platform>"``), ``.table`` (the
    HTML widget with the allocation table) and ``.chart`` (a :class:`LiveChart`: the PNG on
    show as ``.chart.value``, with its alt text), so code can drive it too.

    >>> view = budget_sliders(30_000, ["facebook", "linkedin"],
    ...                       cost_per_result={"linkedin": 20}, saturation=1000)
    >>> print(view.text.splitlines()[1])  # doctest: +NORMALIZE_WHITESPACE
    Facebook ৳11,545 901 results next result costs ৳50.32
    >>> budget_sliders(-5)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: total is -5.
    How to fix it: give the budget as an amount of money, 0 or more.
    """
    chosen = list(platforms) if platforms is not None else list(DEFAULT_PLATFORMS)
    start = allocate_budget(
        total, chosen, cost_per_result=cost_per_result, saturation=saturation, minimum=minimum
    )
    top = float(max_total) if max_total is not None else max(100_000.0, 2 * start.total)
    if top < start.total:
        raise InputError(
            _("max_total ({top}) is below the starting total ({total})").format(
                top=digits(f"{top:g}"), total=digits(f"{start.total:g}")
            ),
            fix=_("raise max_total or leave it out"),
        )

    png = allocation_png(start)  # drawn once: the static view and the live chart share it

    def build() -> Any:
        return _build(start, top, png)

    return LiveView(build, static_html=_static_html(start, png), text=str(start))


def _build(start: Allocation, top: float, png: bytes) -> Any:
    import ipywidgets as widgets  # heavy: loaded on first use

    style = {"description_width": "12em"}
    wide = {"width": "32em"}
    platforms: Sequence[str] = start.platforms
    controls: dict[str, Any] = {
        "total": widgets.IntSlider(
            value=round(start.total),
            min=0,
            max=round(top),
            step=500,
            description=_("Total budget (BDT)"),
            style=style,
            layout=wide,
            continuous_update=False,
        ),
    }
    for p in platforms:
        name = _name(start, p)
        controls[f"cost:{p}"] = widgets.FloatSlider(
            value=min(start.cost_per_result[p], MAX_COST),
            min=0.5,
            max=MAX_COST,
            step=0.25,
            description=_("{name}: cost/result").format(name=name),
            style=style,
            layout=wide,
            continuous_update=False,
        )
        controls[f"saturation:{p}"] = widgets.IntSlider(
            value=round(min(start.saturation[p], MAX_SATURATION)),
            min=100,
            max=MAX_SATURATION,
            step=100,
            description=_("{name}: saturation").format(name=name),
            style=style,
            layout=wide,
            continuous_update=False,
        )
    table = widgets.HTML(value=allocation_html(start))
    chart = LiveChart(png, allocation_alt_text(start))
    table.add_class("smm-budget-table")

    def redraw(_change: Any = None) -> None:
        try:
            split = allocate_budget(
                float(controls["total"].value),
                list(platforms),
                cost_per_result={p: float(controls[f"cost:{p}"].value) for p in platforms},
                saturation={p: float(controls[f"saturation:{p}"].value) for p in platforms},
                minimum=dict(start.minimum),
            )
        except InputError as error:
            table.value = stuck_html(_("Can't split yet:"), error)
            return
        table.value = allocation_html(split)
        chart.show(allocation_png(split), allocation_alt_text(split))

    for control in controls.values():
        control.observe(redraw, names="value")
    sliders = widgets.VBox(
        [controls["total"]]
        + [widgets.HBox([controls[f"cost:{p}"], controls[f"saturation:{p}"]]) for p in platforms]
    )
    box = widgets.VBox([sliders, table, chart.widget])
    box.controls = controls
    box.table = table
    box.chart = chart
    return box
