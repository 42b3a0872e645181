"""The platform chooser: play with an organisation's profile and the weights, watch the ranking.

``platform_chooser(...)`` wraps :func:`smm_helpers.platforms.recommend_platforms` in
controls (goals, audience ages, location, formats, monthly budget, hours a week, and one
weight slider per factor).  The ranking redraws as you move them.  Where widgets cannot
run (a static web page), the same ranking for the starting inputs shows as HTML.

>>> view = platform_chooser(kind="b2b", goals=["recruitment"])
>>> print(view.text.splitlines()[1])
1    LinkedIn          3.00     0.53     2.00     0.00     1.00     6.53
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits
from smm_helpers.platforms import (
    DEFAULT_WEIGHTS,
    FACTORS,
    GOALS,
    LOCATIONS,
    ORG_KINDS,
    OrgProfile,
    Recommendation,
    recommend_platforms,
)
from smm_helpers.schema import FORMATS, platform_name
from smm_helpers.widgets.base import LiveView, stuck_html

__all__ = ["platform_chooser", "ranking_html"]

_BAR = "#2166ac"
_BAR_MUTED = "#9ecae1"
#: The budget slider's top, in BDT a month (a small organisation's whole paid budget).
MAX_BUDGET = 50_000
#: The hours slider's top: most of a working week.
MAX_HOURS = 30.0
#: The weight sliders' top: points per factor.
MAX_WEIGHT = 5.0

#: How the controls show each choice: the id itself in English (what the code takes), a
#: word in the learner's language otherwise.  The value a control returns is always the id.
CHOICE_NAMES: dict[str, str] = {
    # organisation kinds
    "nonprofit": N_("nonprofit"),
    "small_business": N_("small_business"),
    "b2b": N_("b2b"),
    "creator": N_("creator"),
    "public_sector": N_("public_sector"),
    # goals
    "awareness": N_("awareness"),
    "traffic": N_("traffic"),
    "engagement": N_("engagement"),
    "leads": N_("leads"),
    "donations": N_("donations"),
    "sales": N_("sales"),
    "support": N_("support"),
    "recruitment": N_("recruitment"),
    # where the audience lives
    "bangladesh": N_("bangladesh"),
    "bangladesh_urban": N_("bangladesh_urban"),
    "bangladesh_rural": N_("bangladesh_rural"),
    "global": N_("global"),
    # formats
    "text": N_("text"),
    "image": N_("image"),
    "carousel": N_("carousel"),
    "video": N_("video"),
    "short_video": N_("short_video"),
    "link": N_("link"),
    "infographic": N_("infographic"),
    "motion_graphic": N_("motion_graphic"),
    "animation": N_("animation"),
    # the ranking's factors
    "goal": N_("goal"),
    "audience": N_("audience"),
    "format": N_("format"),
    "cost": N_("cost"),
    "effort": N_("effort"),
}


def choice_name(value: str) -> str:
    """A choice's name as the controls show it (an unknown value as it is).

    >>> choice_name("small_business"), choice_name("tuesday")
    ('small_business', 'tuesday')
    """
    known = CHOICE_NAMES.get(value)
    return value if known is None else _(known)


def _options(values: Any) -> list[tuple[str, str]]:
    """(label, value) pairs for a menu: labels in the learner's language, values the ids."""
    return [(choice_name(v), v) for v in values]


def ranking_html(rec: Recommendation) -> str:
    """The ranking as an HTML table with bars: the platforms to focus on are bold and dark.

    Each bar is the platform's total as a share of the most points possible (the sum of the
    weights), so changing one weight visibly moves every bar.

    >>> rec = recommend_platforms(kind="b2b", goals=["recruitment"])
    >>> page = ranking_html(rec)
    >>> page.index("LinkedIn") < page.index("Facebook")
    True
    >>> "focus on" in page or "keep all" in page
    True
    >>> ranking_html("LinkedIn first")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: ranking_html needs a Recommendation, not str.
    How to fix it: pass the result of recommend_platforms(...).
    """
    if not isinstance(rec, Recommendation):
        raise InputError(
            _("ranking_html needs a Recommendation, not {kind}").format(kind=type(rec).__name__),
            fix=_("pass the result of recommend_platforms(...)"),
        )
    best = sum(rec.weights.values())
    rows = []
    for rank, pid in enumerate(rec.ranking, start=1):
        total = rec.total(pid)
        width = 100 * total / best if best else 0
        focus = pid in rec.focus
        colour = _BAR if focus else _BAR_MUTED
        weight = "bold" if focus else "normal"
        shown = platform_name(pid)
        name = rec.names[pid] if shown == pid else shown
        points = html.escape(_("{points} points").format(points=digits(f"{total:.2f}")), quote=True)
        rows.append(
            f"<tr style='font-weight:{weight}'><td>{digits(rank)}</td>"  # i18n: not shown
            f"<td>{html.escape(name)}</td>"
            f"<td style='width:16em'><div style='background:{colour};width:{width:.1f}%;"
            f"height:0.9em' title='{points}'></div></td>"
            f"<td style='text-align:right'>{digits(f'{total:.2f}')}</td></tr>"
        )
    weights = ", ".join(f"{choice_name(f)} ×{digits(f'{w:g}')}" for f, w in rec.weights.items())
    headers = (
        _("rank"),
        _("platform"),
        _("points (of {best} possible)").format(best=digits(f"{best:g}")),
        _("total"),
    )
    note = _("Weights: {weights}. Bold: the platforms to focus on.").format(weights=weights)
    return (
        "<div class='smm-platform-chooser'><table><thead><tr>"  # i18n: not shown
        + "".join(f"<th>{html.escape(h)}</th>" for h in headers)
        + f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f"<p><small>{html.escape(note)}</small></p><p>{html.escape(rec.advice)}</p></div>"
    )


def platform_chooser(
    profile: OrgProfile | Mapping[str, Any] | None = None,
    /,
    *,
    weights: Mapping[str, float] | None = None,
    **kwargs: Any,
) -> LiveView:
    """Controls for an organisation's profile and the weights, with a live ranking.

    Takes the same inputs as :func:`~smm_helpers.platforms.recommend_platforms` (a profile,
    its fields as keywords, ``weights``); they are the starting values of the controls.
    The static view (``.static_html``, ``.text``) shows the ranking for those inputs.

    The live widget (``view.widget``) is a box with ``.controls`` (a dict of the input
    widgets by field name and ``weight:<factor>``) and ``.ranking`` (the HTML widget the
    ranking is drawn in), so code can drive it too.

    >>> view = platform_chooser(kind="nonprofit", goals=["donations"], hours_per_week=3)
    >>> "Facebook" in view.static_html
    True
    >>> print(view.text.splitlines()[-1])
    With 3 hours a week, focus on 1 platform: Facebook (3 h), 3 of your 3 hours; the next, ...
    >>> platform_chooser(kind="nonprofit", weights={"fun": 2})
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'fun' is not a factor SMM Lab knows.
    How to fix it: use one of: goal, audience, format, cost, effort.
    """
    if profile is None and "kind" not in kwargs:
        kwargs = {"kind": "nonprofit", **kwargs}
    start = recommend_platforms(profile, weights=weights, **kwargs)

    def build() -> Any:
        return _build(start)

    return LiveView(build, static_html=ranking_html(start), text=str(start))


def _build(start: Recommendation) -> Any:
    import ipywidgets as widgets  # heavy: loaded on first use

    org = start.org
    wide = {"width": "30em"}
    style = {"description_width": "10em"}
    controls: dict[str, Any] = {
        "kind": widgets.Dropdown(
            options=_options(ORG_KINDS), value=org.kind, description=_("Organisation"), style=style
        ),
        "goals": widgets.SelectMultiple(
            options=_options(GOALS),
            value=tuple(org.goals),
            rows=4,
            description=_("Goals"),
            style=style,
        ),
        "ages": widgets.IntRangeSlider(
            value=list(org.ages),
            min=13,
            max=70,
            description=_("Audience ages"),
            style=style,
            layout=wide,
        ),
        "location": widgets.Dropdown(
            options=_options(LOCATIONS),
            value=org.location,
            description=_("Audience lives"),
            style=style,
        ),
        "formats": widgets.SelectMultiple(
            options=_options(FORMATS),
            value=tuple(org.formats),
            rows=4,
            description=_("Formats you make"),
            style=style,
        ),
        "monthly_budget": widgets.IntSlider(
            value=int(min(org.monthly_budget, MAX_BUDGET)),
            min=0,
            max=MAX_BUDGET,
            step=1000,
            description=_("Budget (BDT/month)"),
            style=style,
            layout=wide,
        ),
        "hours_per_week": widgets.FloatSlider(
            value=min(org.hours_per_week, MAX_HOURS),
            min=0,
            max=MAX_HOURS,
            step=0.5,
            description=_("Hours a week"),
            style=style,
            layout=wide,
        ),
    }
    for factor in FACTORS:
        controls[f"weight:{factor}"] = widgets.FloatSlider(
            value=min(start.weights.get(factor, DEFAULT_WEIGHTS[factor]), MAX_WEIGHT),
            min=0,
            max=MAX_WEIGHT,
            step=0.5,
            description=_("Weight: {factor}").format(factor=choice_name(factor)),
            style=style,
            layout=wide,
            tooltip=FACTORS[factor],
        )
    ranking = widgets.HTML(value=ranking_html(start))

    def redraw(_change: Any = None) -> None:
        try:
            rec = recommend_platforms(
                kind=controls["kind"].value,
                goals=list(controls["goals"].value),
                ages=tuple(controls["ages"].value),
                location=controls["location"].value,
                formats=list(controls["formats"].value),
                monthly_budget=float(controls["monthly_budget"].value),
                hours_per_week=float(controls["hours_per_week"].value),
                weights={f: float(controls[f"weight:{f}"].value) for f in FACTORS},
            )
        except InputError as error:
            ranking.value = stuck_html(_("Can't rank yet:"), error)
            return
        ranking.value = ranking_html(rec)

    for control in controls.values():
        control.observe(redraw, names="value")
    profile_box = widgets.VBox(
        [
            controls[k]
            for k in (
                "kind",
                "goals",
                "ages",
                "location",
                "formats",
                "monthly_budget",
                "hours_per_week",
            )
        ]
    )
    weight_box = widgets.VBox(
        [widgets.HTML(_("<b>Weights</b> (points per factor)"))]
        + [controls[f"weight:{f}"] for f in FACTORS]
    )
    box = widgets.VBox([widgets.HBox([profile_box, weight_box]), ranking])
    box.controls = controls
    box.ranking = ranking
    return box
