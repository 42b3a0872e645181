"""The review of a plan: actual against target for every goal, the pillar mix, corrections.

:func:`review_plan` is what ``SocialMediaPlan.review`` runs: it cuts the tables to the
review period (``period``), measures every target (``actuals``) and suggests corrections
(``corrections``), and returns a :class:`PlanReview`.  It reads of the plan only what
:class:`ReviewedPlan` lists, so this module never needs the plan's own module.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

import pandas as pd

from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.messages import ngettext
from smm_helpers.i18n.numbers import digits
from smm_helpers.planning.actuals import _pillar_mix, _result
from smm_helpers.planning.corrections import _corrections
from smm_helpers.planning.period import _coverage_note, _PeriodData
from smm_helpers.planning.targets import Target, TargetResult
from smm_helpers.planning.wording import period_label

__all__ = ["PlanReview", "ReviewedPlan", "review_plan"]


class ReviewedPlan(Protocol):
    """What a review reads of a plan; a :class:`~smm_helpers.planning.SocialMediaPlan` has it."""

    @property
    def goals(self) -> Sequence[Target]: ...

    @property
    def platforms(self) -> Sequence[str]: ...

    @property
    def pillars(self) -> Mapping[str, float]: ...

    @property
    def budget(self) -> float | None: ...

    @property
    def client(self) -> str | None: ...


def review_plan(
    plan: ReviewedPlan,
    posts: pd.DataFrame,
    followers: pd.DataFrame | None = None,
    inbox: pd.DataFrame | None = None,
    campaigns: pd.DataFrame | None = None,
    *,
    start: str | date | None = None,
    end: str | date | None = None,
) -> PlanReview:
    """Compare ``plan`` with what happened between ``start`` and ``end`` (inclusive).

    The work of :meth:`SocialMediaPlan.review <smm_helpers.planning.SocialMediaPlan.review>`,
    which documents the tables and gives examples.  Nothing you pass is changed.
    """
    data = _PeriodData.build(
        tuple(plan.platforms), plan.client, posts, followers, inbox, campaigns, start, end
    )
    results = tuple(_result(goal, data) for goal in plan.goals)
    mix = _pillar_mix(plan.pillars, data.posts)
    return PlanReview(
        plan,
        data.start.date(),
        data.end.date(),
        results,
        mix,
        _corrections(results, mix, plan.budget, data),
        _coverage_note(data),
    )


@dataclass(frozen=True)
class PlanReview:
    """What ``SocialMediaPlan.review`` found: actual vs target per goal, the pillar mix, and
    the corrections to make.  ``ok`` is True when nothing needs correcting.  ``note`` says
    when the data does not cover the whole period (e.g. the posts table starts later).

    ``table()`` returns the targets as a new DataFrame (one row per target).
    """

    plan: ReviewedPlan
    start: date
    end: date
    results: tuple[TargetResult, ...]
    pillar_mix: pd.DataFrame
    corrections: tuple[str, ...]
    note: str = ""

    @property
    def ok(self) -> bool:
        """True when every target was met and nothing needs correcting."""
        return all(r.met for r in self.results) and not self.corrections

    @property
    def missed(self) -> list[TargetResult]:
        """The targets that were measured and missed."""
        return [r for r in self.results if r.met is False]

    def table(self) -> pd.DataFrame:
        """One row per target: metric, platform, direction, target, actual, met, gap, gap_pct."""
        return pd.DataFrame(
            [
                {
                    "metric": r.target.metric,
                    "platform": r.target.platform,
                    "direction": r.target.direction,
                    "target": r.target.target,
                    "actual": r.actual,
                    "met": r.met,
                    "gap": r.gap,
                    "gap_pct": r.gap_pct,
                }
                for r in self.results
            ],
            columns=[
                "metric",
                "platform",
                "direction",
                "target",
                "actual",
                "met",
                "gap",
                "gap_pct",
            ],
        )

    @property
    def period(self) -> str:
        """The days the review covers, e.g. '2–31 Oct 2026 (30 days)'."""
        days = (self.end - self.start).days + 1
        if days % 7 == 0:
            length = ngettext("{count} week", "{count} weeks", days // 7).format(
                count=digits(days // 7)
            )
        else:
            length = ngettext("{count} day", "{count} days", days).format(count=digits(days))
        note = f"; {self.note}" if self.note else ""
        return f"{period_label(self.start, self.end)} ({length}{note})"

    def _period(self) -> str:
        return self.period

    def __repr__(self) -> str:
        return _(
            "PlanReview({period}, {met} of {total} targets met, {corrections} corrections)"
        ).format(
            period=self._period(),
            met=digits(sum(bool(r.met) for r in self.results)),
            total=digits(len(self.results)),
            corrections=digits(len(self.corrections)),
        )

    def __str__(self) -> str:
        lines = [_("Plan review, {period}").format(period=self._period())]
        lines += [r.describe() for r in self.results]
        if self.corrections:
            lines.append(_("Corrections:"))
            lines += [f"- {c}" for c in self.corrections]
        else:
            lines.append(_("Everything is on plan: keep going and review again next period."))
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        status = {True: _("✓ met"), False: _("✗ missed"), None: _("? not measured")}
        rows = "".join(
            f"<tr><td>{html.escape(str(r.target))}</td>"
            f"<td>{html.escape(r.target.format(r.actual))}</td>"
            f"<td>{html.escape(status[r.met])}</td>"
            f"<td>{html.escape(r._gap_text()) if r.measured else ''}</td></tr>"
            for r in self.results
        )
        heads = "".join(
            f"<th>{html.escape(h)}</th>" for h in (_("Target"), _("Actual"), _("Status"), _("Gap"))
        )
        fixes = "".join(f"<li>{html.escape(c)}</li>" for c in self.corrections)
        title, corrections = html.escape(_("Plan review")), html.escape(_("Corrections"))
        on_plan = html.escape(_("Everything is on plan."))
        return (
            f"<div><p><b>{title}</b>, {html.escape(self._period())}</p>"
            f"<table><thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table>"
            + (f"<p><b>{corrections}</b></p><ul>{fixes}</ul>" if fixes else f"<p>{on_plan}</p>")
            + "</div>"
        )
