"""Did variant B really beat variant A?  The two-proportion z-test, explained in words.

The test (any statistics textbook; e.g. the NIST/SEMATECH e-Handbook of Statistical Methods,
§7.3.3, "How can we determine whether two processes produce the same proportion?"):

- rates: ``p_a = successes_a / trials_a`` and ``p_b = successes_b / trials_b``;
- z statistic, using the **pooled** standard error, because the p-value asks "how surprising
  is this difference *if A and B were the same*?", and then both share one rate
  ``p = (successes_a + successes_b) / (trials_a + trials_b)``::

      z = (p_b - p_a) / sqrt(p * (1 - p) * (1/trials_a + 1/trials_b))

- two-sided p-value: ``P(|Z| >= |z|)`` for a standard normal Z;
- confidence interval of the difference ``p_b - p_a``, using the **unpooled** (Wald) standard
  error, because the interval describes the difference we saw, without assuming A = B::

      (p_b - p_a) ± z_crit * sqrt(p_a (1 - p_a) / trials_a + p_b (1 - p_b) / trials_b)

These are the choices of ``statsmodels``' ``proportions_ztest`` and
``confint_proportions_2indep(method="wald")``, which the tests compare against.  Because the
two standard errors differ, the interval and the p-value can (rarely, right at the edge)
disagree; ``significant`` follows the p-value.  The normal approximation needs a few successes
and failures in each group (a common rule: at least 5 of each); with fewer, treat the result
as a rough guide.
"""

from __future__ import annotations

import html
import math
import numbers
from dataclasses import dataclass
from statistics import NormalDist

from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits, format_number


@dataclass(frozen=True)
class ABTestResult:
    """The outcome of :func:`ab_test`; ``print`` it for a plain-language summary.

    ``difference`` is ``rate_b - rate_a``; ``z`` has the same sign; ``ci_low``/``ci_high``
    bound the difference at the chosen ``confidence``; ``significant`` is
    ``p_value < 1 - confidence``.
    """

    successes_a: int
    trials_a: int
    successes_b: int
    trials_b: int
    confidence: float
    rate_a: float
    rate_b: float
    difference: float
    z: float
    p_value: float
    ci_low: float
    ci_high: float
    significant: bool
    label: str = N_("click rate")

    def __str__(self) -> str:
        return "\n".join(self._sentences())

    def _repr_html_(self) -> str:
        first, *rest = self._sentences()
        heads = "".join(
            f"<th>{html.escape(head)}</th>" for head in (_("successes"), _("trials"), _("rate"))
        )
        table = (
            f"<table><tr><th></th>{heads}</tr>"
            f"<tr><th>A</th><td>{format_number(self.successes_a)}</td>"
            f"<td>{format_number(self.trials_a)}</td><td>{_percent(self.rate_a)}</td></tr>"
            f"<tr><th>B</th><td>{format_number(self.successes_b)}</td>"
            f"<td>{format_number(self.trials_b)}</td><td>{_percent(self.rate_b)}</td></tr></table>"
        )
        details = _(
            "z = {z}, two-sided p = {p_value}, {level} interval of B − A: "
            "[{low}, {high}] percentage points"
        ).format(
            z=digits(f"{self.z:.3f}"),
            p_value=digits(f"{self.p_value:.4g}"),
            level=_level(self.confidence),
            low=_points(self.ci_low, signed=True),
            high=_points(self.ci_high, signed=True),
        )
        details = f"<small>{html.escape(details)}</small>"
        body = "".join(f"<p>{html.escape(line)}</p>" for line in rest)
        return f"<div><p><b>{html.escape(first)}</b></p>{body}{table}{details}</div>"

    def _sentences(self) -> list[str]:
        label, level = _(self.label), _level(self.confidence)
        rates = {
            "label": label,
            "rate_a": _percent(self.rate_a),
            "rate_b": _percent(self.rate_b),
            "points": _points(abs(self.difference)),
        }
        if self.difference == 0:
            headline = _("Variant B's {label} ({rate_b}) is the same as variant A's ({rate_a}).")
        elif self.difference > 0:
            headline = _(
                "Variant B's {label} ({rate_b}) is {points} percentage points higher "
                "than variant A's ({rate_a})."
            )
        else:
            headline = _(
                "Variant B's {label} ({rate_b}) is {points} percentage points lower "
                "than variant A's ({rate_a})."
            )
        if self.p_value < 0.001:
            p_text = _("p < {threshold}").format(threshold=digits("0.001"))
        else:
            p_text = _("p = {p_value}").format(p_value=digits(f"{self.p_value:.3f}"))
        if self.significant:
            verdict = _(
                "We can be {level} sure this difference is real and not chance ({p}). "
                "With {level} confidence, the difference (B minus A) is between {low} "
                "and {high} percentage points."
            )
        else:
            verdict = _(
                "We cannot be {level} sure this difference is real; it could be chance "
                "({p}). With {level} confidence, the difference (B minus A) is between "
                "{low} and {high} percentage points."
            )
        verdict = verdict.format(
            level=level,
            p=p_text,
            low=_points(self.ci_low, signed=True),
            high=_points(self.ci_high, signed=True),
        )
        return [headline.format(**rates), verdict]


def ab_test(
    successes_a: int,
    trials_a: int,
    successes_b: int,
    trials_b: int,
    *,
    confidence: float = 0.95,
    label: str = N_("click rate"),
) -> ABTestResult:
    """Compare two success rates (e.g. clicks per impression of two post variants).

    Two-sided two-proportion z-test: pooled standard error for ``z`` and the p-value,
    unpooled (Wald) standard error for the confidence interval of ``rate_b - rate_a``
    (module docstring: formulas, sources and why).  If both variants have no successes at
    all (or only successes) there is no variation to test: ``z`` is 0 and the p-value 1.
    ``label`` names the rate in the printed summary.

    >>> result = ab_test(30, 1000, 45, 1000)
    >>> round(result.z, 3), round(result.p_value, 3), result.significant
    (1.765, 0.077, False)
    >>> print(result)
    Variant B's click rate (4.5%) is 1.5 percentage points higher than variant A's (3.0%).
    We cannot be 95% sure this difference is real; it could be chance (p = 0.077). With 95%
    confidence, the difference (B minus A) is between -0.16 and +3.2 percentage points.
    >>> ab_test(30, 20, 45, 1000)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: successes_a (30) is more than trials_a (20)...
    """
    _check_count("successes_a", successes_a)
    _check_count("successes_b", successes_b)
    _check_count("trials_a", trials_a, positive=True)
    _check_count("trials_b", trials_b, positive=True)
    for side, successes, trials in (("a", successes_a, trials_a), ("b", successes_b, trials_b)):
        if successes > trials:
            raise InputError(
                _("{successes_name} ({successes}) is more than {trials_name} ({trials})").format(
                    successes_name=f"successes_{side}",
                    successes=digits(successes),
                    trials_name=f"trials_{side}",
                    trials=digits(trials),
                ),
                fix=_(
                    "successes are counted among the trials (e.g. clicks among impressions), "
                    "so they cannot be more; check that the two numbers are not swapped"
                ),
            )
    if isinstance(confidence, bool) or not isinstance(confidence, numbers.Real):
        raise InputError(
            _("confidence must be a number between 0 and 1, not {value}").format(
                value=repr(confidence)
            ),
            fix=_("use e.g. confidence=0.95 for 95%"),
        )
    if not 0 < confidence < 1:
        raise InputError(
            _("confidence is {value}, not between 0 and 1").format(value=confidence),
            fix=_("give it as a fraction: confidence=0.95 for 95%, not 95"),
        )
    x_a, n_a, x_b, n_b = int(successes_a), int(trials_a), int(successes_b), int(trials_b)
    rate_a, rate_b = x_a / n_a, x_b / n_b
    difference = rate_b - rate_a
    pooled = (x_a + x_b) / (n_a + n_b)
    pooled_se = math.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    if pooled_se == 0:
        z, p_value = 0.0, 1.0
    else:
        z = difference / pooled_se
        p_value = math.erfc(abs(z) / math.sqrt(2))  # = 2 * P(Z > |z|)
    unpooled_se = math.sqrt(rate_a * (1 - rate_a) / n_a + rate_b * (1 - rate_b) / n_b)
    critical = NormalDist().inv_cdf(1 - (1 - confidence) / 2)
    return ABTestResult(
        successes_a=x_a,
        trials_a=n_a,
        successes_b=x_b,
        trials_b=n_b,
        confidence=float(confidence),
        rate_a=rate_a,
        rate_b=rate_b,
        difference=difference,
        z=z,
        p_value=p_value,
        ci_low=difference - critical * unpooled_se,
        ci_high=difference + critical * unpooled_se,
        significant=p_value < 1 - confidence,
        label=label,
    )


def _check_count(name: str, value: object, *, positive: bool = False) -> None:
    whole = isinstance(value, numbers.Integral) or (isinstance(value, float) and value.is_integer())
    if isinstance(value, bool) or not whole:
        raise InputError(
            _("{name} must be a whole number, not {value}").format(name=name, value=repr(value)),
            fix=_("count {counted} as people or events, e.g. {name}=120").format(
                counted=name.split("_")[0], name=name
            ),
        )
    assert isinstance(value, numbers.Real)
    if value < 0 or (positive and value == 0):
        if positive:
            problem = _("{name} is {value}, but it must be at least 1")
        else:
            problem = _("{name} is {value}, but it must be 0 or more")
        raise InputError(
            problem.format(name=name, value=digits(value)),
            fix=_("a variant nobody saw cannot be tested; collect data first")
            if positive and value == 0
            else _("counts cannot be negative; check the number"),
        )


def _level(confidence: float) -> str:
    return digits(f"{confidence * 100:g}%")


def _percent(rate: float) -> str:
    return digits(f"{rate * 100:.1f}%" if rate >= 0.01 or rate == 0 else f"{rate * 100:.2f}%")


def _points(difference: float, *, signed: bool = False) -> str:
    size = abs(difference) * 100
    text = f"{size:.1f}" if size >= 1 or size == 0 else f"{size:.2f}"
    if signed and difference != 0:
        text = ("-" if difference < 0 else "+") + text
    return digits(text)


__all__ = ["ABTestResult", "ab_test"]
