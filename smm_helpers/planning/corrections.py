"""Corrections: a specific suggestion for every missed target, from what the data shows.

A change is recommended from a group of posts (a format, a pillar, a weekday of replies)
only when the group has at least :data:`MIN_PER_GROUP` of them; otherwise the correction
says "not enough data".  Campaigns are compared only with campaigns of the same objective.
:func:`_corrections` gathers them all, in the order the review prints them.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from smm_helpers.i18n.messages import N_, ngettext
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits, format_number
from smm_helpers.planning.actuals import (
    _actual,
    _engagements,
    _inbox_hours,
    _mixed_objectives,
    _on,
)
from smm_helpers.planning.period import _PeriodData
from smm_helpers.planning.targets import (
    DIRECTION_NAMES,
    METRICS,
    Target,
    TargetResult,
    _format_value,
)
from smm_helpers.planning.wording import (
    _day_label,
    _on_where,
    _one,
    _percent,
    _platform_shown,
    period_label,
)

__all__ = ["METRIC_WORDS", "MIN_PER_GROUP", "PILLAR_TOLERANCE", "WEEKDAY_NAMES"]

METRIC_WORDS = {
    "followers": N_("followers"),
    "follower_growth_rate": N_("follower growth rate"),
    "spend": N_("spend"),
    "cost_per_result": N_("cost per result"),
    "cost_per_donation": N_("cost per donation"),
    "conversions": N_("conversions"),
    "donations": N_("donations"),
    "conversion_value": N_("conversion value"),
}
"""How a correction sentence names a metric (English: the metric's name with spaces)."""

WEEKDAY_NAMES = {
    "Monday": N_("Monday"),
    "Tuesday": N_("Tuesday"),
    "Wednesday": N_("Wednesday"),
    "Thursday": N_("Thursday"),
    "Friday": N_("Friday"),
    "Saturday": N_("Saturday"),
    "Sunday": N_("Sunday"),
}
"""Weekday names (pandas' ``day_name()``) as a learner reads them."""

PILLAR_TOLERANCE = 0.10
"""How far (as a share of posts, 0.10 = 10 points) a pillar may drift before a correction."""

MIN_PER_GROUP = 10
"""Posts (or messages) a group needs before the review recommends a change from it.

With fewer, one lucky or unlucky post decides the verdict, so the review says "not enough
data" instead of, say, "publish more carousels" because 3 carousels did well.
"""


def _corrections(
    results: Sequence[TargetResult], mix: pd.DataFrame, budget: float | None, data: _PeriodData
) -> tuple[str, ...]:
    """Every correction of a review: missed targets first, then baselines, the pillar mix,
    the budget, and what could not be measured."""
    corrections = [
        text for r in results if r.met is False for text in [_correction(r, data)] if text
    ]
    corrections += [text for r in results for text in [_baseline_correction(r, data)] if text]
    corrections += _pillar_corrections(mix, len(data.posts))
    corrections += _budget_corrections(budget, data)
    corrections += [_not_measured(r.target, data) for r in results if not r.measured]
    return tuple(corrections)


def _not_enough_posts(platform: str, have: int) -> str:
    return _(
        "Not enough data to recommend a change from the posts {where}: {count} posts, and "
        "at least {minimum} per group are needed. Keep going and review again when there "
        "are more."
    ).format(where=_on_where(platform), count=digits(have), minimum=digits(MIN_PER_GROUP))


def _baseline_correction(result: TargetResult, data: _PeriodData) -> str:
    """A follower target is only meaningful against where the period started."""
    goal = result.target
    if result.baseline is None or result.baseline_day is None or not result.measured:
        return ""
    span = period_label(data.start.date(), data.end.date())
    count = _format_value(result.baseline, "count")
    day = _day_label(result.baseline_day)
    if result.baseline_day > data.start.date():
        return _(
            "There was no follower count on or before the first day of the period, so "
            "the {metric} target {where} is measured from the first count inside it "
            "({count} on {day}), not over all of {period}: give the followers table a row "
            "for the first day."
        ).format(
            metric=goal.metric, where=_on_where(goal.platform), count=count, day=day, period=span
        )
    at_least = goal.direction == "at least"  # i18n: not shown
    if goal.metric == "followers" and at_least and result.baseline >= goal.target:
        return _(
            "The followers target {where} ({target}) was already reached at the baseline "
            "({count} on {day}), before {period} began, so meeting it shows no progress: "
            "set the next target from the baseline, e.g. +5% over the period "
            "({next})."
        ).format(
            where=_on_where(goal.platform),
            target=goal.format(goal.target),
            count=count,
            day=day,
            period=span,
            next=_format_value(result.baseline * 1.05, "count"),
        )
    return ""


def _not_measured(goal: Target, data: _PeriodData) -> str:
    table = METRICS[goal.metric].table
    if table != "posts" and getattr(data, table) is None:
        return _("Give the {table} table to review {metric}.").format(
            table=table, metric=goal.metric
        )
    mixed = _mixed_objectives(goal, data)
    if mixed:
        return _(
            "{metric} {where} was not computed: the period's campaigns had {count} "
            "objectives ({objectives}), and a lead, a click and a donation are not the "
            "same result, so adding them up means nothing. Set a target for the result "
            "you want (cost_per_donation or donations), or review one objective's "
            "campaigns, e.g. {example}."
        ).format(
            metric=goal.metric,
            where=_on_where(goal.platform),
            count=digits(len(mixed)),
            objectives=", ".join(mixed),
            example=f"campaigns[campaigns['objective'] == {mixed[0]!r}]",
        )
    return _(
        "There was no {table} data to measure {metric} {where} in this period (no rows, "
        "or a total of 0 to divide by)."
    ).format(table=table, metric=goal.metric, where=_on_where(goal.platform))


def _pillar_corrections(mix: pd.DataFrame, posts: int) -> list[str]:
    if posts < MIN_PER_GROUP and (mix["gap"].abs() >= PILLAR_TOLERANCE).any():
        return [
            _(
                "Not enough data to recommend a change from the pillar mix: {count} posts in "
                "the period, and at least {minimum} per group are needed. Keep going and "
                "review again when there are more."
            ).format(count=digits(posts), minimum=digits(MIN_PER_GROUP))
        ]
    out = []
    for pillar, planned, actual in zip(mix["pillar"], mix["planned"], mix["actual"], strict=True):
        gap = float(actual) - float(planned)
        if abs(gap) < PILLAR_TOLERANCE:
            continue
        if planned == 0:
            text = _(
                "{pillar} posts were {actual} of posts but the pillar is not in the plan: "
                "add it to the plan or move those posts to a planned pillar."
            )
        elif gap < 0:
            text = _(
                "{pillar} posts were {actual} of posts against a planned {planned}: "
                "schedule more of them in the content calendar."
            )
        else:
            text = _(
                "{pillar} posts were {actual} of posts against a planned {planned}: "
                "schedule fewer of them in the content calendar."
            )
        out.append(
            text.format(
                pillar=repr(pillar),
                actual=_percent(float(actual)),
                planned=_percent(float(planned)),
            )
        )
    return out


def _budget_corrections(budget: float | None, data: _PeriodData) -> list[str]:
    if budget is None:
        return []
    spent = _actual(Target("spend", 0), data)
    if spent <= budget:
        return []
    over = spent / budget - 1 if budget else float("inf")
    return [
        _("Spending was {spent} BDT against a budget of {budget} BDT ({over}): {advice}.").format(
            spent=format_number(spent),
            budget=format_number(budget),
            over=_percent(over, "+.0%"),
            advice=_worst_campaign_text(data.campaigns, "all") or _(_BOOST_FEWER),
        )
    ]


_BOOST_FEWER = N_("boost fewer posts, and only the ones that already do well organically")


def _best_format(posts: pd.DataFrame, score: str) -> tuple[str, float, int, float] | None:
    """The format with the best score (er_reach, reach or ctr) among formats with at least
    ``MIN_PER_GROUP`` posts; None unless two or more formats have that many to compare."""
    if "format" not in posts.columns or posts.empty:
        return None
    table = posts.assign(_eng=_engagements(posts) if score == "er_reach" else 0)
    grouped = table.groupby("format", observed=True)
    sizes = grouped.size()
    if score == "er_reach":
        values = grouped["_eng"].sum() / grouped["reach"].sum()
    elif score == "reach":
        values = grouped["reach"].mean()
    else:
        values = grouped["link_clicks"].sum() / grouped["impressions"].sum()
    values = values[sizes >= MIN_PER_GROUP].dropna()
    if len(values) < 2:
        return None
    best = str(values.idxmax())
    return best, float(values[best]), int(sizes[best]), float(sizes[best] / len(posts))


_LABELS = {
    "er_reach": N_("ER by reach"),
    "reach": N_("reach"),
    "ctr": N_("click-through rate"),
    "link_clicks": N_("link clicks"),
}
"""How a correction names a posts metric."""


def _correction(result: TargetResult, data: _PeriodData) -> str:
    """A specific suggestion for a missed target, from what the data shows."""
    goal = result.target
    actual, planned = goal.format(result.actual), goal.format(goal.target)
    posts = _on(data.posts, goal.platform)
    metric = goal.metric
    if metric == "posts_per_week":
        per_platform = ", ".join(
            f"{_platform_shown(str(p))} {_one(n / data.weeks)}"
            for p, n in data.posts["platform"].value_counts().items()
            if n and goal.platform in ("all", p)
        )
        missing = goal.target - result.actual
        return ngettext(
            "Posting was {actual} posts a week against a planned {planned} ({per_platform}). "
            "Add about {missing} post a week to the content calendar and prepare posts for "
            "important days in advance.",
            "Posting was {actual} posts a week against a planned {planned} ({per_platform}). "
            "Add about {missing} posts a week to the content calendar and prepare posts for "
            "important days in advance.",
            1 if round(missing, 1) == 1 else 2,
        ).format(
            actual=_one(result.actual),
            planned=_one(goal.target),
            per_platform=per_platform,
            missing=_one(missing),
        )
    if metric in ("er_reach", "reach", "ctr", "link_clicks"):
        score = "ctr" if metric == "link_clicks" else metric
        best = _best_format(posts, score)
        text = _("{label} {where} was {actual} against {planned}.").format(
            label=_(_LABELS[metric]), where=_on_where(goal.platform), actual=actual, planned=planned
        )
        if len(posts) < MIN_PER_GROUP:
            return text + " " + _not_enough_posts(goal.platform, len(posts))
        if best is None:
            sizes = posts["format"].value_counts() if "format" in posts.columns else None
            if sizes is not None and not sizes.empty:
                advice = _(
                    "Not enough data to compare formats: fewer than two formats had at "
                    "least {minimum} posts (the most: {format}, {count}). Try a "
                    "different format for a few weeks, then compare."
                ).format(
                    minimum=digits(MIN_PER_GROUP),
                    format=sizes.index[0],
                    count=digits(int(sizes.iloc[0])),
                )
            else:
                advice = _(
                    "Not enough data to compare formats: fewer than two formats had at "
                    "least {minimum} posts. Try a different format for a few weeks, "
                    "then compare."
                ).format(minimum=digits(MIN_PER_GROUP))
            return text + " " + advice
        name, value, n, share = best
        shown = _format_value(value, "count" if score == "reach" else "rate")
        if score == "reach":
            advice = _(
                "Its best format in this period was {format} ({value} per post over "
                "{count} posts), only {share} of its posts: publish more {format} posts."
            )
        else:
            advice = _(
                "Its best format in this period was {format} ({value} over {count} "
                "posts), only {share} of its posts: publish more {format} posts."
            )
        return (
            text
            + " "
            + advice.format(format=name, value=shown, count=digits(n), share=_percent(share))
        )
    if metric in ("followers", "follower_growth_rate"):
        return _followers_correction(result, posts)
    if metric in ("response_rate", "median_response_hours"):
        return _inbox_correction(result, data)
    return _campaign_correction(result, data)


def _followers_correction(result: TargetResult, posts: pd.DataFrame) -> str:
    goal = result.target
    text = _("{metric} {where} was {actual} against {target}.").format(
        metric=_(METRIC_WORDS[goal.metric]),
        where=_on_where(goal.platform),
        actual=goal.format(result.actual),
        target=goal.format(goal.target),
    )
    if {"pillar", "shares"} <= set(posts.columns) and not posts.empty:
        grouped = posts.groupby("pillar", observed=True)["shares"]
        shares = grouped.mean()[grouped.size() >= MIN_PER_GROUP]
        if len(shares.dropna()) >= 2:
            best = str(shares.idxmax())
            return (
                text
                + " "
                + _(
                    "Shares bring new people: {pillar} posts got the most shares per post "
                    "({shares}); post more of them and ask supporters to share."
                ).format(pillar=repr(best), shares=_one(shares[best]))
            )
    return (
        text
        + " "
        + _(
            "Not enough data to name the pillar people share most (at least {minimum} posts in "
            "each of two pillars are needed): post the content people share most, and ask "
            "supporters to share it."
        ).format(minimum=digits(MIN_PER_GROUP))
    )


def _inbox_correction(result: TargetResult, data: _PeriodData) -> str:
    goal = result.target
    assert data.inbox is not None
    inbox = _on(data.inbox, goal.platform)
    hours = _inbox_hours(inbox)
    if goal.metric == "response_rate":
        unanswered = inbox[hours.isna()]
        values = {
            "actual": goal.format(result.actual),
            "target": goal.format(goal.target),
            "count": digits(len(unanswered)),
        }
        if "category" in unanswered.columns and not unanswered.empty:
            kinds = unanswered["category"].value_counts()
            text = _(
                "Only {actual} of messages (spam left out) got an answer against {target}: "
                "{count} were never answered ({kinds})."
            ).format(kinds=", ".join(f"{digits(n)} {k}" for k, n in kinds.items() if n), **values)
        else:
            text = _(
                "Only {actual} of messages (spam left out) got an answer against {target}: "
                "{count} were never answered."
            ).format(**values)
    else:
        text = _("Replies took a median {actual} against at most {target}.").format(
            actual=goal.format(result.actual), target=goal.format(goal.target)
        )
        answered = inbox.assign(_hours=hours).dropna(subset=["_hours"])
        days = _slowest(answered, answered["_day"].dt.day_name())
        if days is not None:
            slowest, worst = days
            day = _(WEEKDAY_NAMES.get(slowest, slowest))
            if slowest in ("Friday", "Saturday"):
                day = _("{day} (Bangladesh's weekend)").format(day=day)
            where = _slowest(answered, answered["platform"]) if goal.platform == "all" else None
            if where is not None:
                text += " " + _(
                    "Slowest on {day} ({hours} h) and on {platform} ({platform_hours} h)."
                ).format(
                    day=day,
                    hours=_one(worst),
                    platform=_platform_shown(where[0]),
                    platform_hours=_one(where[1]),
                )
            else:
                text += " " + _("Slowest on {day} ({hours} h).").format(day=day, hours=_one(worst))
        else:
            text += " " + _(
                "Not enough data to name the slowest day: at least {minimum} "
                "answered messages per day are needed ({count} in all)."
            ).format(minimum=digits(MIN_PER_GROUP), count=digits(len(answered)))
    return (
        text
        + " "
        + _(
            "Set up a response rota: name who answers messages on each day, "
            "weekends included, and check the inbox at fixed times."
        )
    )


def _slowest(answered: pd.DataFrame, groups: pd.Series) -> tuple[str, float] | None:
    """The group with the slowest median reply among groups of ``MIN_PER_GROUP`` or more
    answered messages; None unless at least two such groups can be compared."""
    grouped = answered.groupby(groups.astype(str))["_hours"]
    medians = grouped.median()[grouped.size() >= MIN_PER_GROUP].dropna()
    if len(medians) < 2:
        return None
    return str(medians.idxmax()), float(medians.max())


def _campaign_costs(
    campaigns: pd.DataFrame | None, platform: str, objective: str | None = None
) -> pd.Series:
    """Cost per result (BDT) of each campaign with results, labelled by campaign_id."""
    if campaigns is None or not {"spend", "conversions"} <= set(campaigns.columns):
        return pd.Series(dtype="float64")
    table = _on(campaigns, platform)
    if objective is not None and "objective" in table.columns:
        table = table[table["objective"] == objective]
    labels = table["campaign_id"] if "campaign_id" in table.columns else table.index
    results = table["conversions"].where(table["conversions"] > 0)
    cost = pd.Series(
        (table["spend"] / results).to_numpy(dtype="float64"), index=pd.Index(labels).astype(str)
    )
    return cost.dropna()


def _worst_campaign_text(
    campaigns: pd.DataFrame | None, platform: str, objective: str | None = None
) -> str:
    """Which campaign to cut and which to feed, comparing campaigns of one objective only.

    A lead, a click and a donation are not the same result, so a campaign is only ever
    compared with campaigns of the same objective; among the objectives with two or more
    campaigns that got results, the one with the widest gap in cost per result is named.
    """
    if campaigns is None:
        return ""
    table = _on(campaigns, platform)
    if "objective" not in table.columns:
        cost = _campaign_costs(table, "all")
        return _cut_and_move(cost, "") if len(cost) >= 2 else ""
    names = (
        [objective]
        if objective is not None
        else sorted(str(o) for o in table["objective"].dropna().unique())
    )
    best_gap, text = 1.0, ""
    for name in names:
        cost = _campaign_costs(table, "all", name)
        if len(cost) < 2:
            continue
        gap = float(cost.max()) / float(cost.min())
        if gap > best_gap:
            best_gap, text = gap, _cut_and_move(cost, name)
    return text


def _cut_and_move(cost: pd.Series, objective: str) -> str:
    worst, best = str(cost.idxmax()), str(cost.idxmin())
    values = {
        "worst": worst,
        "worst_cost": format_number(float(cost.max())),
        "best": best,
        "best_cost": format_number(float(cost.min())),
        "unit": _(_RESULTS.get(objective, _RESULTS[""])[1]),
    }
    if objective:
        return _(
            "of the campaigns with the objective {objective} (compare a campaign only with "
            "others of the same objective), pause or cut {worst} ({worst_cost} {unit}) "
            "and move money to {best} ({best_cost} {unit})"
        ).format(objective=repr(objective), **values)
    return _(
        "pause or cut {worst} ({worst_cost} {unit}) and move money to {best} ({best_cost} {unit})"
    ).format(**values)


_RESULTS = {
    "donations": (N_("donations"), N_("BDT per donation")),
    "sales": (N_("sales"), N_("BDT per sale")),
    "leads": (N_("leads"), N_("BDT per lead")),
    "": (N_("results"), N_("BDT per result")),
}
"""What the conversions are and what one costs, by campaign objective (others: results)."""


def _campaign_correction(result: TargetResult, data: _PeriodData) -> str:
    goal = result.target
    direction = str(goal.direction)
    text = _("{metric} {where} was {actual} against {direction} {target}").format(
        metric=_(METRIC_WORDS[goal.metric]),
        where=_on_where(goal.platform),
        actual=goal.format(result.actual),
        direction=_(DIRECTION_NAMES.get(direction, direction)),
        target=goal.format(goal.target),
    )
    if goal.metric in ("spend", "cost_per_result", "cost_per_donation"):
        objective = "donations" if goal.metric == "cost_per_donation" else None
        advice = _worst_campaign_text(data.campaigns, goal.platform, objective)
        if not advice:
            advice = (
                _(_BOOST_FEWER)
                if goal.metric == "spend"
                else _("test a second audience or creative against this one and keep the cheaper")
            )
        return _("{finding}: {advice}.").format(finding=text, advice=advice)
    if goal.metric == "conversion_value":
        return _("{finding}: {advice}.").format(
            finding=text, advice=_best_value_text(data.campaigns, goal.platform)
        )
    objective = "donations" if goal.metric == "donations" else None
    if objective is None and data.campaigns is not None and "objective" in data.campaigns:
        found = _on(data.campaigns, goal.platform)["objective"].dropna().unique()
        objective = str(found[0]) if len(found) == 1 else None
    cost = _campaign_costs(data.campaigns, goal.platform, objective)
    if cost.empty:
        if objective:
            return _(
                "{finding}: no campaign with the objective {objective} brought results in "
                "this period; run one with a clear call to action and track its "
                "results."
            ).format(finding=text, objective=repr(objective))
        return _(
            "{finding}: no campaign brought results in this period; run one with a clear "
            "call to action and track its results."
        ).format(finding=text)
    results, unit = _RESULTS.get(objective or "", _RESULTS[""])
    return _(
        "{finding}: {best} got {results} most cheaply ({cost} {unit}); give campaigns "
        "like it a bigger share of the budget."
    ).format(
        finding=text,
        best=str(cost.idxmin()),
        results=_(results),
        cost=format_number(float(cost.min())),
        unit=_(unit),
    )


def _best_value_text(campaigns: pd.DataFrame | None, platform: str) -> str:
    """Money is money whatever the objective: name the campaign that brought the most per taka."""
    if campaigns is None or not {"spend", "conversion_value"} <= set(campaigns.columns):
        return _("no campaign brought in money in this period")
    table = _on(campaigns, platform)
    table = table[(table["conversion_value"] > 0) & (table["spend"] > 0)]
    if table.empty:
        return _(
            "no campaign brought in money in this period; run one with a clear call to "
            "action (a donation or a sale) and track its results"
        )
    labels = table["campaign_id"] if "campaign_id" in table.columns else table.index
    per_taka = pd.Series(
        (table["conversion_value"] / table["spend"]).to_numpy(dtype="float64"),
        index=pd.Index(labels).astype(str),
    )
    best = str(per_taka.idxmax())
    return _(
        "{best} brought in the most per taka spent ({value} BDT per BDT, its ROAS); give "
        "campaigns like it a bigger share of the budget"
    ).format(best=best, value=_one(float(per_taka.max())))
