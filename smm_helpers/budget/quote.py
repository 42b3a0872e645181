"""A freelancer's quote: what some weeks of a social media manager's work would cost.

Source article 004 gives US$15–40 an hour, experts more (:data:`FREELANCE_RATE_USD`);
:data:`FREELANCE_LEVELS` splits that into bands by experience.

>>> freelance_quote(10, level="junior").expected
800.0
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from smm_helpers.budget._numbers import _check_number, _g
from smm_helpers.budget.money import EXAMPLE_FX_RATE, _check_fx, _currency, convert, show_money
from smm_helpers.errors import InputError, unknown_choice
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits

__all__ = ["FREELANCE_LEVELS", "FREELANCE_RATE_USD", "LEVEL_NAMES", "Quote", "freelance_quote"]

FREELANCE_RATE_USD = (15.0, 40.0)
"""A social media manager earns US$15–40 an hour, experts more (source article 004).  That is
what freelancers charge clients abroad; local pay in Bangladesh is far lower
(sources.md#freelance-rates), so pass your own ``hourly_rate=`` for a local quote."""

FREELANCE_LEVELS: Mapping[str, tuple[float, float]] = MappingProxyType(
    {
        "junior": (15.0, 25.0),
        "mid": (25.0, 40.0),
        "expert": (40.0, 60.0),
    }
)
"""Hourly bands in US$.  The article gives only $15–40 and "experts more"; the split at $25
and the experts' $60 ceiling are course assumptions (UNCERTAIN)."""

LEVEL_NAMES: Mapping[str, str] = MappingProxyType(
    {"junior": N_("junior"), "mid": N_("mid-level"), "expert": N_("expert")}
)
"""How each freelance level is shown to a learner (the keys stay the data)."""


def _range() -> str:
    """The article's hourly range, ``$15–40``, in the chosen language's digits."""
    low, high = FREELANCE_RATE_USD
    return digits(f"${low:g}–{high:g}")


@dataclass(frozen=True)
class Quote:
    """What a freelance social media manager would charge for some weeks of work."""

    hours_per_week: float
    weeks: float
    level: str
    currency: str
    rate_low: float
    rate_high: float
    rate_expected: float
    notes: tuple[str, ...] = ()

    @property
    def hours(self) -> float:
        """Hours in total."""
        return self.hours_per_week * self.weeks

    @property
    def low(self) -> float:
        """Total at the low hourly rate."""
        return self.hours * self.rate_low

    @property
    def high(self) -> float:
        """Total at the high hourly rate."""
        return self.hours * self.rate_high

    @property
    def expected(self) -> float:
        """Total at the expected hourly rate."""
        return self.hours * self.rate_expected

    def _m(self, amount: float) -> str:
        return show_money(amount, self.currency)

    def __str__(self) -> str:
        text = _(
            "{level} manager, {hours_per_week} h/week × {weeks} weeks = {hours} h at "
            "{rate_low}–{rate_high}/h: {low}–{high} (expected {expected})"
        ).format(
            level=_(LEVEL_NAMES.get(self.level, self.level)),
            hours_per_week=_g(self.hours_per_week),
            weeks=_g(self.weeks),
            hours=_g(self.hours),
            rate_low=self._m(self.rate_low),
            rate_high=self._m(self.rate_high),
            low=self._m(self.low),
            high=self._m(self.high),
            expected=self._m(self.expected),
        )
        return "\n".join([text, *(_("note: {note}").format(note=n) for n in self.notes)])

    def _repr_html_(self) -> str:
        notes = "".join(f"<li>{html.escape(n)}</li>" for n in self.notes)
        heads = "".join(
            f"<th>{html.escape(h)}</th>" for h in (_("hours"), _("low"), _("expected"), _("high"))
        )
        return (
            f"<table><tr>{heads}</tr>"
            f"<tr><td>{_g(self.hours)}</td><td>{self._m(self.low)}</td>"
            f"<td>{self._m(self.expected)}</td><td>{self._m(self.high)}</td></tr></table>"
            + (f"<ul>{notes}</ul>" if notes else "")
        )


def freelance_quote(
    hours_per_week: float,
    *,
    hourly_rate: float | None = None,
    level: str = "junior",
    weeks: float = 4,
    currency: str = "USD",
    fx_rate: float = EXAMPLE_FX_RATE,
) -> Quote:
    """A freelance social media manager's quote: low, expected and high totals.

    Without ``hourly_rate`` the rates come from the ``level``'s band in
    :data:`FREELANCE_LEVELS` (source article 004: US$15–40 an hour, experts more).  With a
    rate (in ``currency``) all three are that rate, and a rate outside US$15–40 gives a
    note, not an error.

    >>> print(freelance_quote(10, level="junior"))
    junior manager, 10 h/week × 4 weeks = 40 h at $15.00–$25.00/h: $600.00–$1,000.00
    (expected $800.00)
    >>> print(*freelance_quote(10, hourly_rate=55, level="expert").notes)
    $55.00/h is above the article's $15–40 range, which is usual for experts.
    >>> freelance_quote(-3)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: hours_per_week is -3.
    How to fix it: give the hours of work a week, between 0 and 168.
    """
    code = _currency(currency)
    fx = _check_fx(fx_rate)
    hours = _check_number(
        "hours_per_week", hours_per_week, fix=_("give the hours of work a week, between 0 and 168")
    )
    if hours > 168:
        raise InputError(
            _("{name} is {value}").format(name="hours_per_week", value=repr(hours_per_week)),
            fix=_("give the hours of work a week, between 0 and 168"),
        )
    n_weeks = _check_number("weeks", weeks, strict=True, fix=_("give the number of weeks, above 0"))
    if level not in FREELANCE_LEVELS:
        raise unknown_choice("level", level, list(FREELANCE_LEVELS))
    notes: list[str] = []
    if hourly_rate is None:
        low, high = (convert(r, "USD", code, fx_rate=fx) for r in FREELANCE_LEVELS[level])
        expected = (low + high) / 2
    else:
        low = high = expected = _check_number(
            "hourly_rate", hourly_rate, strict=True, fix=_("give the hourly rate, above 0")
        )
        usd = convert(expected, code, "USD", fx_rate=fx)
        lo_usd, hi_usd = FREELANCE_RATE_USD
        shown = show_money(usd, "USD")
        if usd > hi_usd:
            notes.append(
                (
                    _("{rate}/h is above the article's {range} range, which is usual for experts.")
                    if level == "expert"
                    else _(
                        "{rate}/h is above the article's {range} range; the article says "
                        "only experts earn more."
                    )
                ).format(rate=shown, range=_range())
            )
        elif usd < lo_usd:
            notes.append(
                _(
                    "{rate}/h is below the article's {range} range; check it is not underpriced."
                ).format(rate=shown, range=_range())
            )
    return Quote(hours, n_weeks, level, code, low, high, expected, tuple(notes))
