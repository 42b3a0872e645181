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
    label: str = "click rate"

    def __str__(self) -> str:
        return "\n".join(self._sentences())

    def _repr_html_(self) -> str:
        first, *rest = self._sentences()
        table = (
            "<table><tr><th></th><th>successes</th><th>trials</th><th>rate</th></tr>"
            f"<tr><th>A</th><td>{self.successes_a:,}</td><td>{self.trials_a:,}</td>"
            f"<td>{_percent(self.rate_a)}</td></tr>"
            f"<tr><th>B</th><td>{self.successes_b:,}</td><td>{self.trials_b:,}</td>"
            f"<td>{_percent(self.rate_b)}</td></tr></table>"
        )
        details = (
            f"<small>z = {self.z:.3f}, two-sided p = {self.p_value:.4g}, "
            f"{_level(self.confidence)} interval of B − A: "
            f"[{_points(self.ci_low, signed=True)}, {_points(self.ci_high, signed=True)}] "
            "percentage points</small>"
        )
        body = "".join(f"<p>{html.escape(line)}</p>" for line in rest)
        return f"<div><p><b>{html.escape(first)}</b></p>{body}{table}{details}</div>"

    def _sentences(self) -> list[str]:
        label, level = self.label, _level(self.confidence)
        if self.difference == 0:
            comparison = f"is the same as variant A's ({_percent(self.rate_a)})"
        else:
            direction = "higher" if self.difference > 0 else "lower"
            comparison = (
                f"is {_points(abs(self.difference))} percentage points {direction} "
                f"than variant A's ({_percent(self.rate_a)})"
            )
        headline = f"Variant B's {label} ({_percent(self.rate_b)}) {comparison}."
        p_text = "p < 0.001" if self.p_value < 0.001 else f"p = {self.p_value:.3f}"
        range_text = (
            f"With {level} confidence, the difference (B minus A) is between "
            f"{_points(self.ci_low, signed=True)} and {_points(self.ci_high, signed=True)} "
            "percentage points."
        )
        if self.significant:
            verdict = (
                f"We can be {level} sure this difference is real and not chance ({p_text}). "
                + range_text
            )
        else:
            verdict = (
                f"We cannot be {level} sure this difference is real; it could be chance "
                f"({p_text}). " + range_text
            )
        return [headline, verdict]


def ab_test(
    successes_a: int,
    trials_a: int,
    successes_b: int,
    trials_b: int,
    *,
    confidence: float = 0.95,
    label: str = "click rate",
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
                f"successes_{side} ({successes}) is more than trials_{side} ({trials})",
                fix="successes are counted among the trials (e.g. clicks among impressions), "
                "so they cannot be more; check that the two numbers are not swapped",
            )
    if isinstance(confidence, bool) or not isinstance(confidence, numbers.Real):
        raise InputError(
            f"confidence must be a number between 0 and 1, not {confidence!r}",
            fix="use e.g. confidence=0.95 for 95%",
        )
    if not 0 < confidence < 1:
        raise InputError(
            f"confidence is {confidence}, not between 0 and 1",
            fix="give it as a fraction: confidence=0.95 for 95%, not 95",
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
            f"{name} must be a whole number, not {value!r}",
            fix=f"count {name.split('_')[0]} as people or events, e.g. {name}=120",
        )
    assert isinstance(value, numbers.Real)
    if value < 0 or (positive and value == 0):
        need = "at least 1" if positive else "0 or more"
        raise InputError(
            f"{name} is {value}, but it must be {need}",
            fix="a variant nobody saw cannot be tested; collect data first"
            if positive and value == 0
            else "counts cannot be negative; check the number",
        )


def _level(confidence: float) -> str:
    return f"{confidence * 100:g}%"


def _percent(rate: float) -> str:
    return f"{rate * 100:.1f}%" if rate >= 0.01 or rate == 0 else f"{rate * 100:.2f}%"


def _points(difference: float, *, signed: bool = False) -> str:
    size = abs(difference) * 100
    text = f"{size:.1f}" if size >= 1 or size == 0 else f"{size:.2f}"
    if signed and difference != 0:
        text = ("-" if difference < 0 else "+") + text
    return text


__all__ = ["ABTestResult", "ab_test"]
