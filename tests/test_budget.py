"""Budget model, the exact budget split (checked against scipy), ROI, money and quotes."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from smm_helpers import budget as bg
from smm_helpers.errors import InputError
from smm_helpers.platforms import get_platform

# --------------------------------------------------------------------------------------
# The model of one platform
# --------------------------------------------------------------------------------------


def test_expected_results_by_hand() -> None:
    # a = 1000, c = 4, so k = a·c = 4000; spending k gives a·(1 − 1/e).
    assert bg.expected_results(4000, 4, 1000) == pytest.approx(1000 * (1 - math.exp(-1)))
    assert bg.expected_results(0, 4, 1000) == 0


def test_the_first_result_costs_about_the_cost_per_result() -> None:
    assert bg.expected_results(5, 5, 1_000_000) == pytest.approx(1, rel=1e-5)


@settings(max_examples=50, deadline=None)
@given(spend=st.floats(0, 1e6), cost=st.floats(0.1, 100), sat=st.floats(10, 1e5))
def test_marginal_cost_is_one_over_the_slope(spend: float, cost: float, sat: float) -> None:
    h = 1e-3 * cost * sat
    assume(spend / (cost * sat) < 20)  # beyond that, the slope is too flat to difference
    low, high = max(0.0, spend - h), spend + h
    slope = (bg.expected_results(high, cost, sat) - bg.expected_results(low, cost, sat)) / (
        high - low
    )
    assert 1 / slope == pytest.approx(bg.marginal_cost(spend, cost, sat), rel=1e-3)


@settings(max_examples=50, deadline=None)
@given(share=st.floats(0, 0.999), cost=st.floats(0.1, 100), sat=st.floats(10, 1e5))
def test_spend_for_results_inverts_expected_results(share: float, cost: float, sat: float) -> None:
    wanted = share * sat
    spend = bg.spend_for_results(wanted, cost, sat)
    assert bg.expected_results(spend, cost, sat) == pytest.approx(wanted, rel=1e-9, abs=1e-9)


@settings(max_examples=50, deadline=None)
@given(s1=st.floats(0, 1e5), s2=st.floats(0, 1e5), cost=st.floats(0.1, 100), sat=st.floats(10, 1e5))
def test_results_never_fall_and_never_pass_saturation(
    s1: float, s2: float, cost: float, sat: float
) -> None:
    low, high = sorted((s1, s2))
    assert bg.expected_results(low, cost, sat) <= bg.expected_results(high, cost, sat) <= sat


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: bg.expected_results(-1, 5, 100), "spend is -1"),
        (lambda: bg.expected_results(1, -5, 100), "cost_per_result is -5.*above 0"),
        (lambda: bg.expected_results(1, 5, 0), "saturation is 0.*above 0"),
        (lambda: bg.marginal_cost(1, 0, 100), "cost_per_result is 0"),
        (lambda: bg.spend_for_results(100, 5, 100), "not below the saturation 100"),
        (lambda: bg.spend_for_results(-1, 5, 100), "results is -1"),
    ],
)
def test_bad_model_input_is_explained(call: object, message: str) -> None:
    with pytest.raises(InputError, match="(?s)" + message) as error:
        call()  # type: ignore[operator]
    assert "How to fix it" in str(error.value)


# --------------------------------------------------------------------------------------
# Splitting a budget: hand-computed cases
# --------------------------------------------------------------------------------------


def _two_platform_split(
    total: float, c1: float, a1: float, c2: float, a2: float
) -> tuple[float, float]:
    """By hand: c1·e^(s1/k1) = c2·e^(s2/k2) and s1 + s2 = total, so
    s1 = (ln(c2/c1) + total/k2) / (1/k1 + 1/k2), when both are funded."""
    k1, k2 = a1 * c1, a2 * c2
    s1 = (math.log(c2 / c1) + total / k2) / (1 / k1 + 1 / k2)
    s1 = min(max(s1, 0.0), total)
    return s1, total - s1


def test_two_platform_split_matches_the_hand_formula() -> None:
    split = bg.allocate_budget(
        30_000,
        ["facebook", "linkedin"],
        cost_per_result={"facebook": 5, "linkedin": 20},
        saturation=1000,
    )
    s1, s2 = _two_platform_split(30_000, 5, 1000, 20, 1000)
    assert split.spend["facebook"] == pytest.approx(s1, rel=1e-12)
    assert split.spend["linkedin"] == pytest.approx(s2, rel=1e-12)
    assert s1 == pytest.approx(11_545.18, abs=0.01)  # (ln 4 + 1.5) / 0.00025


def test_a_small_budget_goes_only_to_the_cheaper_platform() -> None:
    # LinkedIn's first result costs 20; Facebook's marginal cost reaches 20 only after
    # k·ln(20/5) = 5000·ln 4 ≈ 6,931 taka.  Below that, LinkedIn gets nothing.
    threshold = 5 * 1000 * math.log(4)
    below = bg.allocate_budget(
        threshold * 0.99,
        ["facebook", "linkedin"],
        cost_per_result={"facebook": 5, "linkedin": 20},
        saturation=1000,
    )
    assert below.spend["linkedin"] == 0
    assert below.funded == ("facebook",)
    above = bg.allocate_budget(
        threshold * 1.01,
        ["facebook", "linkedin"],
        cost_per_result={"facebook": 5, "linkedin": 20},
        saturation=1000,
    )
    assert above.spend["linkedin"] > 0


def test_identical_platforms_split_evenly() -> None:
    split = bg.allocate_budget(
        9_000, ["facebook", "instagram", "youtube"], cost_per_result=4, saturation=2000
    )
    assert list(split.spend.values()) == pytest.approx([3000, 3000, 3000], rel=1e-12)


def test_one_platform_gets_everything() -> None:
    split = bg.allocate_budget(1234.5, ["tiktok"])
    assert split.spend == {"tiktok": pytest.approx(1234.5)}


def test_a_budget_far_beyond_saturation_reports_an_infinite_marginal_cost() -> None:
    split = bg.allocate_budget(1e6, ["facebook"], cost_per_result=1, saturation=100)
    assert split.results["facebook"] == pytest.approx(100)
    assert split.marginal_cost["facebook"] == math.inf
    assert "∞ (saturated)" in str(split)


def test_zero_budget_spends_nothing() -> None:
    split = bg.allocate_budget(0, ["facebook", "instagram"])
    assert split.total_results == 0 and math.isnan(split.average_cost_per_result)


def test_defaults_use_the_illustrative_bangladesh_cost_per_click() -> None:
    split = bg.allocate_budget(10_000, ["facebook", "linkedin"])
    fb, li = get_platform("facebook").cpc_bdt, get_platform("linkedin").cpc_bdt
    assert fb is not None and li is not None
    assert split.cost_per_result == {"facebook": fb.value, "linkedin": li.value}
    assert split.saturation == {
        "facebook": bg.DEFAULT_SATURATION,
        "linkedin": bg.DEFAULT_SATURATION,
    }


def test_default_platforms_are_those_with_a_default_price() -> None:
    split = bg.allocate_budget(10_000)
    assert "x" not in split.platforms
    assert {"facebook", "instagram"} <= set(split.platforms)


def test_platform_names_are_friendly_and_mappings_accept_nicknames() -> None:
    split = bg.allocate_budget(5_000, ["fb", "Insta"], cost_per_result={"IG": 2})
    assert split.platforms == ("facebook", "instagram")
    assert split.cost_per_result["instagram"] == 2


def test_minimums_are_respected_even_when_a_platform_is_poor() -> None:
    split = bg.allocate_budget(
        3_000,
        ["facebook", "linkedin"],
        cost_per_result={"facebook": 5, "linkedin": 20},
        saturation=1000,
        minimum={"linkedin": 1_000},
    )
    assert split.spend["linkedin"] == pytest.approx(1_000)
    assert split.spend["facebook"] == pytest.approx(2_000)
    assert "linkedin" not in split.funded
    assert "held at its minimum" in str(split)


def test_a_meta_boost_minimum_for_a_month_in_taka() -> None:
    # US$1 a day (sources.md#bd-boosting-anecdotes, UNCERTAIN) for 30 days at an example
    # 120 taka per dollar.
    month_minimum = bg.convert(30 * bg.META_BOOST_MINIMUM_USD_PER_DAY, "USD", "BDT", fx_rate=120)
    split = bg.allocate_budget(
        10_000,
        ["facebook", "instagram"],
        cost_per_result={"facebook": 3, "instagram": 50},
        minimum=month_minimum,
    )
    assert month_minimum == 3_600
    assert split.spend["instagram"] == pytest.approx(3_600)


def test_usd_budgets_split_like_the_same_budget_in_taka() -> None:
    in_usd = bg.allocate_budget(100, ["facebook", "tiktok"], currency="USD", fx_rate=120)
    in_bdt = bg.allocate_budget(12_000, ["facebook", "tiktok"], currency="BDT")
    for p in ("facebook", "tiktok"):
        assert in_usd.spend[p] * 120 == pytest.approx(in_bdt.spend[p], rel=1e-9)
    assert in_usd.total_results == pytest.approx(in_bdt.total_results, rel=1e-9)


def test_the_callers_mappings_are_not_changed() -> None:
    costs = {"fb": 5.0}
    minimums = {"instagram": 100.0}
    bg.allocate_budget(1_000, ["facebook", "instagram"], cost_per_result=costs, minimum=minimums)
    assert costs == {"fb": 5.0} and minimums == {"instagram": 100.0}


def test_allocation_shows_itself() -> None:
    split = bg.allocate_budget(
        30_000,
        ["facebook", "linkedin"],
        cost_per_result={"facebook": 5, "linkedin": 20},
        saturation=1000,
    )
    text = str(split)
    assert "৳30,000" in text and "costs the same, ৳50.32" in text
    assert "Allocation(total=30000" in repr(split)
    assert "<table>" in split._repr_html_() and "LinkedIn" in split._repr_html_()
    frame = split.to_frame()
    assert list(frame.index) == ["facebook", "linkedin"]
    assert frame["spend"].sum() == pytest.approx(30_000)
    assert frame.loc["facebook", "average_cost_per_result"] == pytest.approx(
        split.spend["facebook"] / split.results["facebook"]
    )


# --------------------------------------------------------------------------------------
# Splitting a budget: properties, and agreement with scipy
# --------------------------------------------------------------------------------------


@st.composite
def _problems(draw: st.DrawFn) -> dict[str, object]:
    n = draw(st.integers(1, 5))
    ids = ["facebook", "instagram", "linkedin", "youtube", "tiktok"][:n]
    costs = {p: draw(st.floats(1, 50)) for p in ids}
    sats = {p: draw(st.floats(100, 10_000)) for p in ids}
    mins = {p: draw(st.sampled_from([0.0, 0.0, draw(st.floats(0, 2_000))])) for p in ids}
    scale = sum(costs[p] * sats[p] for p in ids)
    total = sum(mins.values()) + draw(st.floats(0, 1)) * scale
    return {
        "total": total,
        "platforms": ids,
        "cost_per_result": costs,
        "saturation": sats,
        "minimum": mins,
    }


def _scipy_split(problem: dict[str, object]) -> np.ndarray:
    from scipy.optimize import minimize

    ids: list[str] = problem["platforms"]  # type: ignore[assignment]
    total: float = problem["total"]  # type: ignore[assignment]
    c = np.array([problem["cost_per_result"][p] for p in ids])  # type: ignore[index]
    a = np.array([problem["saturation"][p] for p in ids])  # type: ignore[index]
    m = np.array([problem["minimum"][p] for p in ids])  # type: ignore[index]
    k = a * c
    weight = a.sum()

    def negative_results(x: np.ndarray) -> float:  # x = spend ÷ total
        return float(-(a * -np.expm1(-x * total / k)).sum() / weight)

    def gradient(x: np.ndarray) -> np.ndarray:
        return -(total / c) * np.exp(-x * total / k) / weight

    start = m / total + (1 - m.sum() / total) / len(ids)
    found = minimize(
        negative_results,
        start,
        jac=gradient,
        method="SLSQP",
        bounds=[(lo / total, 1.0) for lo in m],
        constraints=[
            {"type": "eq", "fun": lambda x: x.sum() - 1.0, "jac": lambda x: np.ones_like(x)}
        ],
        options={"ftol": 1e-14, "maxiter": 500},
    )
    assert found.success, found.message
    return np.asarray(found.x) * total


@settings(max_examples=120, deadline=None)
@given(problem=_problems())
def test_the_exact_split_agrees_with_scipy_slsqp(problem: dict[str, object]) -> None:
    total: float = problem["total"]  # type: ignore[assignment]
    assume(total > 1.0)
    split = bg.allocate_budget(**problem)  # type: ignore[arg-type]
    ours = np.array(list(split.spend.values()))
    theirs = _scipy_split(problem)
    model = {p: (split.cost_per_result[p], split.saturation[p]) for p in split.platforms}

    def results(spends: np.ndarray) -> float:
        return sum(
            bg.expected_results(max(s, 0.0), *model[p])
            for p, s in zip(split.platforms, spends, strict=True)
        )

    # Never worse than scipy, and the same split to a tight tolerance.
    assert results(ours) >= results(theirs) - 1e-9 * sum(split.saturation.values())
    assert ours == pytest.approx(theirs, abs=1e-4 * total)


@settings(max_examples=100, deadline=None)
@given(problem=_problems())
def test_spend_adds_up_and_respects_minimums(problem: dict[str, object]) -> None:
    split = bg.allocate_budget(**problem)  # type: ignore[arg-type]
    assert sum(split.spend.values()) == pytest.approx(problem["total"], rel=1e-12, abs=1e-9)
    for p in split.platforms:
        assert split.spend[p] >= split.minimum[p] - 1e-9


@settings(max_examples=100, deadline=None)
@given(problem=_problems())
def test_funded_platforms_share_one_marginal_cost(problem: dict[str, object]) -> None:
    split = bg.allocate_budget(**problem)  # type: ignore[arg-type]
    for p in split.platforms:
        if p in split.funded:
            assert split.marginal_cost[p] == pytest.approx(split.level, rel=1e-9)
        elif split.funded:  # held at its minimum: its next result would cost more
            assert split.marginal_cost[p] >= split.level * (1 - 1e-9)


@settings(max_examples=100, deadline=None)
@given(problem=_problems(), more=st.floats(0, 1e5))
def test_more_budget_never_gives_fewer_results(problem: dict[str, object], more: float) -> None:
    base = bg.allocate_budget(**problem)  # type: ignore[arg-type]
    bigger = bg.allocate_budget(**{**problem, "total": problem["total"] + more})  # type: ignore[arg-type, operator]
    assert bigger.total_results >= base.total_results - 1e-9
    for p in base.platforms:
        assert bigger.spend[p] >= base.spend[p] - 1e-6


# --------------------------------------------------------------------------------------
# Splitting a budget: bad input
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "options", "message"),
    [
        (
            (1_000, ["facebook", "instagram"]),
            {"minimum": 600},
            "total ৳1,000 is below the minimums, which add up to ৳1,200.*at least ৳1,200",
        ),
        ((-5, ["facebook"]), {}, "total is -5.*0 or more"),
        ((float("inf"), ["facebook"]), {}, "total is inf"),
        ((1_000, []), {}, "no platform was given.*facebook"),
        ((1_000, ["myspace"]), {}, "'myspace' is not a platform.*tiktok"),
        ((1_000, ["facebook"]), {"cost_per_result": 0}, "cost_per_result for facebook is 0"),
        (
            (1_000, ["facebook"]),
            {"cost_per_result": {"fb": -2}},
            "cost_per_result for facebook is -2",
        ),
        ((1_000, ["facebook"]), {"saturation": 0}, "saturation for facebook is 0"),
        ((1_000, ["facebook"]), {"minimum": -1}, "minimum for facebook is -1"),
        (
            (1_000, ["facebook"]),
            {"cost_per_result": {"tiktok": 3}},
            "names 'tiktok', which is not among the platforms.*add 'tiktok' to platforms",
        ),
        ((1_000, ["facebook", "x"]), {}, "no sourced ad price for X.*cost_per_result=\\{'x'"),
        ((1_000, ["facebook"]), {"currency": "EUR"}, "'EUR' is not a currency.*BDT, USD"),
        ((1_000, ["facebook"]), {"fx_rate": 0}, "fx_rate is 0.*taka per US dollar"),
    ],
)
def test_impossible_budgets_are_explained(
    args: tuple[object, ...], options: dict[str, object], message: str
) -> None:
    with pytest.raises(InputError, match="(?s)" + message) as error:
        bg.allocate_budget(*args, **options)  # type: ignore[arg-type]
    assert "How to fix it" in str(error.value)


def test_x_works_once_a_cost_is_given() -> None:
    split = bg.allocate_budget(1_000, ["x"], cost_per_result={"x": 8})
    assert split.spend["x"] == pytest.approx(1_000)


# --------------------------------------------------------------------------------------
# What if
# --------------------------------------------------------------------------------------


def test_what_if_shows_diminishing_returns() -> None:
    table = bg.what_if([1_000, 5_000, 20_000, 80_000], ["facebook", "instagram", "tiktok"])
    assert list(table["budget"]) == [1_000, 5_000, 20_000, 80_000]
    assert table["results"].is_monotonic_increasing
    assert table["average_cost_per_result"].is_monotonic_increasing
    assert table["marginal_cost_per_result"].is_monotonic_increasing
    spends = table[[c for c in table.columns if c.startswith("spend_")]].sum(axis=1)
    assert list(spends) == pytest.approx(list(table["budget"]))


def test_what_if_rows_match_allocate_budget() -> None:
    table = bg.what_if(
        [3_000, 30_000],
        ["facebook", "linkedin"],
        cost_per_result={"facebook": 5, "linkedin": 20},
        saturation=1000,
    )
    for row, total in zip(table.itertuples(), [3_000, 30_000], strict=True):
        split = bg.allocate_budget(
            total,
            ["facebook", "linkedin"],
            cost_per_result={"facebook": 5, "linkedin": 20},
            saturation=1000,
        )
        assert row.results == pytest.approx(split.total_results)
        assert row.spend_linkedin == pytest.approx(split.spend["linkedin"])


def test_what_if_without_budgets_is_explained() -> None:
    with pytest.raises(InputError, match="no budget was given"):
        bg.what_if([])


# --------------------------------------------------------------------------------------
# ROI and break-even
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("revenue", "spend", "margin", "expected"),
    [
        (15_000, 10_000, 1, 0.5),
        (10_000, 10_000, 1, 0.0),
        (0, 400, 1, -1.0),
        (1_300, 1_000, 1, 0.3),
        (30_000, 10_000, 0.25, -0.25),
        (30_000, 10_000, 0.4, 0.2),
    ],
)
def test_roi_by_hand(revenue: float, spend: float, margin: float, expected: float) -> None:
    assert bg.roi(revenue, spend, margin=margin) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("cost", "value", "margin", "expected"),
    [
        (10_000, 250, 1, 40),
        (10_000, 300, 1, 34),
        (0, 50, 1, 0),
        (1, 1_000, 1, 1),
        (0.3, 0.1, 1, 3),
        (10_000, 875, 0.4, 29),
        (10_000, 625, 0.4, 40),
    ],
)
def test_break_even_by_hand(cost: float, value: float, margin: float, expected: int) -> None:
    assert bg.break_even(cost, value, margin=margin) == expected


@settings(max_examples=100, deadline=None)
@given(cost=st.floats(0, 1e6), value=st.floats(0.01, 1e4), margin=st.floats(0.05, 1))
def test_break_even_is_the_fewest_results_that_pay_back(
    cost: float, value: float, margin: float
) -> None:
    needed = bg.break_even(cost, value, margin=margin)
    kept = value * margin
    assert needed * kept >= cost * (1 - 1e-9)
    assert (needed - 1) * kept < cost or needed == 0
    assert bg.roi(needed * value, cost, margin=margin) >= -1e-9 if cost > 0 else True


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: bg.roi(5_000, 0, margin=1), "spend is 0.*divides by the spend"),
        (lambda: bg.roi(-1, 100, margin=1), "revenue is -1"),
        (lambda: bg.roi(5_000, 100), "needs a margin.*roas"),
        (lambda: bg.break_even(1_000, 0, margin=1), "value_per_result is 0.*never breaks even"),
        (lambda: bg.break_even(-1, 10, margin=1), "cost is -1"),
        (lambda: bg.break_even(1_000, 10), "break_even\\(\\) needs a margin"),
        (lambda: bg.roi(True, 100, margin=1), "revenue is True"),
    ],
)
def test_bad_roi_input_is_explained(call: object, message: str) -> None:
    with pytest.raises(InputError, match="(?s)" + message):
        call()  # type: ignore[operator]


# --------------------------------------------------------------------------------------
# Money
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "currency", "options", "expected"),
    [
        (12_500, "BDT", {}, "৳12,500"),
        (125, "USD", {}, "$125.00"),
        (1_250_000, "BDT", {"lakh": True}, "৳12,50,000"),
        (12_345_678, "BDT", {"lakh": True}, "৳1,23,45,678"),
        (999, "BDT", {"lakh": True}, "৳999"),
        (1_250_000, "BDT", {}, "৳1,250,000"),
        (-4.756, "BDT", {"decimals": 2}, "-৳4.76"),
        (-0.004, "USD", {}, "$0.00"),
        (0.5, "Tk", {}, "৳0"),
        (1234.567, "$", {}, "$1,234.57"),
        (99.995, "USD", {}, "$100.00"),
    ],
)
def test_format_money(
    amount: float, currency: str, options: dict[str, object], expected: str
) -> None:
    assert bg.format_money(amount, currency, **options) == expected  # type: ignore[arg-type]


def test_format_money_refuses_non_numbers() -> None:
    with pytest.raises(InputError, match="amount is 'lots'"):
        bg.format_money("lots")  # type: ignore[arg-type]


@settings(max_examples=50, deadline=None)
@given(amount=st.floats(0, 1e9), rate=st.floats(1, 500))
def test_converting_there_and_back_gives_the_amount(amount: float, rate: float) -> None:
    there = bg.convert(amount, "USD", "BDT", fx_rate=rate)
    assert there == pytest.approx(amount * rate)
    assert bg.convert(there, "BDT", "USD", fx_rate=rate) == pytest.approx(amount)


def test_the_example_rate_is_only_a_default() -> None:
    assert bg.convert(1, "USD", "BDT") == bg.EXAMPLE_FX_RATE
    assert bg.convert(1, "USD", "BDT", fx_rate=110) == 110


# --------------------------------------------------------------------------------------
# Organic vs paid
# --------------------------------------------------------------------------------------


def test_organic_vs_paid_by_hand() -> None:
    # 300 clicks: organic at 15 clicks an hour is 20 h × ৳600 = ৳12,000; paid 300 × ৳5.
    comparison = bg.organic_vs_paid(300, results_per_hour=15, cost_per_result=5, hourly_rate=600)
    assert comparison.organic_hours == 20
    assert comparison.organic_cost == 12_000
    assert comparison.paid_cost == 1_500
    assert comparison.cheaper == "paid"
    assert "cheaper: paid" in str(comparison) and "<table>" in comparison._repr_html_()


def test_organic_wins_when_paid_results_are_dear() -> None:
    comparison = bg.organic_vs_paid(100, results_per_hour=50, cost_per_result=40, hourly_rate=500)
    assert comparison.organic_cost == 1_000 and comparison.cheaper == "organic"


def test_organic_vs_paid_can_be_equal() -> None:
    comparison = bg.organic_vs_paid(10, results_per_hour=1, cost_per_result=10, hourly_rate=10)
    assert comparison.cheaper == "equal"


def test_default_hourly_rate_is_the_articles_lowest_rate() -> None:
    comparison = bg.organic_vs_paid(10, results_per_hour=1, cost_per_result=1, fx_rate=100)
    assert comparison.hourly_rate == 15 * 100
    in_usd = bg.organic_vs_paid(10, results_per_hour=1, cost_per_result=1, currency="USD")
    assert in_usd.hourly_rate == 15


def test_paid_with_saturation_costs_more_than_the_linear_price() -> None:
    linear = bg.organic_vs_paid(900, results_per_hour=10, cost_per_result=5)
    curved = bg.organic_vs_paid(900, results_per_hour=10, cost_per_result=5, saturation=1000)
    assert curved.paid_cost == pytest.approx(bg.spend_for_results(900, 5, 1000))
    assert curved.paid_cost > linear.paid_cost


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"results_per_hour": 0, "cost_per_result": 5}, "results_per_hour is 0"),
        ({"results_per_hour": 5, "cost_per_result": 0}, "cost_per_result is 0"),
        ({"results_per_hour": 5, "cost_per_result": 5, "hourly_rate": -1}, "hourly_rate is -1"),
        (
            {"results_per_hour": 5, "cost_per_result": 5, "saturation": 50},
            "100 results is not below the saturation 50",
        ),
    ],
)
def test_bad_organic_vs_paid_input_is_explained(options: dict[str, float], message: str) -> None:
    with pytest.raises(InputError, match=message):
        bg.organic_vs_paid(100, **options)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------
# The freelancer's quote
# --------------------------------------------------------------------------------------


def test_quote_by_hand() -> None:
    quote = bg.freelance_quote(10, level="mid", weeks=4)
    # 40 hours at the mid band $25–40: $1,000–$1,600, expected at $32.50 = $1,300.
    assert quote.hours == 40
    assert (quote.low, quote.expected, quote.high) == (1_000, 1_300, 1_600)
    assert quote.notes == ()


def test_quote_bands_stay_inside_the_articles_range_except_for_experts() -> None:
    low, high = bg.FREELANCE_RATE_USD
    assert (low, high) == (15, 40)
    assert bg.FREELANCE_LEVELS["junior"][0] == low and bg.FREELANCE_LEVELS["mid"][1] == high
    assert bg.FREELANCE_LEVELS["expert"][0] >= high


def test_quote_in_taka_uses_the_exchange_rate() -> None:
    quote = bg.freelance_quote(5, level="junior", weeks=2, currency="BDT", fx_rate=120)
    assert quote.rate_low == 15 * 120
    assert quote.low == 10 * 15 * 120
    assert "৳" in str(quote)


def test_an_own_rate_sets_all_three_totals() -> None:
    quote = bg.freelance_quote(8, hourly_rate=30, weeks=1)
    assert quote.low == quote.expected == quote.high == 240
    assert quote.notes == ()


@pytest.mark.parametrize(
    ("rate", "level", "note"),
    [
        (55, "expert", "above the article's $15–40 range, which is usual for experts"),
        (55, "junior", "the article says only experts earn more"),
        (10, "junior", "below the article's $15–40 range"),
    ],
)
def test_a_rate_outside_the_article_range_gives_a_note_not_an_error(
    rate: float, level: str, note: str
) -> None:
    quote = bg.freelance_quote(10, hourly_rate=rate, level=level)
    assert len(quote.notes) == 1 and note in quote.notes[0]
    assert note in str(quote)
    assert "<li>" in quote._repr_html_()


def test_an_own_rate_in_taka_is_checked_in_dollars() -> None:
    quote = bg.freelance_quote(10, hourly_rate=3_000, currency="BDT", fx_rate=120)  # $25/h
    assert quote.notes == ()


@pytest.mark.parametrize(
    ("args", "options", "message"),
    [
        ((-3,), {}, "hours_per_week is -3.*between 0 and 168"),
        ((200,), {}, "hours_per_week is 200.*between 0 and 168"),
        ((10,), {"weeks": 0}, "weeks is 0"),
        ((10,), {"level": "guru"}, "'guru' is not a level.*junior, mid, expert"),
        ((10,), {"hourly_rate": 0}, "hourly_rate is 0"),
        ((10,), {"currency": "GBP"}, "'GBP' is not a currency"),
    ],
)
def test_bad_quote_input_is_explained(
    args: tuple[float, ...], options: dict[str, object], message: str
) -> None:
    with pytest.raises(InputError, match="(?s)" + message):
        bg.freelance_quote(*args, **options)  # type: ignore[arg-type]
