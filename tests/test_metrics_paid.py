"""Paid-media metrics: standard definitions on scalars and Series, NaN for zero, bad input."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smm_helpers.errors import DataError, InputError
from smm_helpers.metrics import (
    CAMPAIGN_METRICS,
    campaign_metrics,
    cost_per_result,
    cpc,
    cpm,
    roas,
    roi,
)


def test_cpm_is_spend_per_thousand_impressions():
    # imbdagency.com's example (sources.md#bd-boosting-anecdotes): 5,000 BDT for 100k-200k
    # impressions.
    assert cpm(5000, 100_000) == 50.0
    assert cpm(5000, 200_000) == 25.0


def test_cpc_cost_per_result_roas_and_roi_match_hand_computed_values():
    assert cpc(5000, 800) == 6.25
    assert cost_per_result(900, 12) == 75.0
    assert roas(12_000, 4000) == 3.0
    assert roi(12_000, 4000, margin=1) == 2.0
    assert roi(12_000, 4000, margin=0.25) == -0.25  # ROAS 3, yet a loss
    assert roi(3000, 4000, margin=1) == -0.25


def test_scalar_inputs_give_a_plain_float():
    assert type(cpc(10, 4)) is float
    assert type(cpm(np.int64(10), np.int64(4))) is float


def test_zero_denominators_give_nan_for_scalars_and_series():
    assert math.isnan(cpm(100, 0))
    assert math.isnan(cpc(0, 0))
    assert math.isnan(roi(50, 0, margin=0.5))
    result = roas(pd.Series([100.0, 5.0]), pd.Series([50.0, 0.0]))
    assert result.iloc[0] == 2.0
    assert math.isnan(result.iloc[1])
    assert not np.isinf(result).any()


def test_series_and_scalar_can_be_mixed_and_the_index_is_kept():
    spend = pd.Series([100.0, 300.0], index=["c1", "c2"])
    assert cpc(spend, 50).tolist() == [2.0, 6.0]
    assert cpc(600, pd.Series([3, 6], index=["c1", "c2"])).index.tolist() == ["c1", "c2"]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: cpm(-1, 10), "spend is -1, below 0"),
        (lambda: cpc(10, -2), "clicks is -2, below 0"),
        (lambda: cost_per_result(10, -3), "results is -3, below 0"),
        (lambda: roas(-4, 10), "revenue is -4, below 0"),
        (lambda: roi(10, -5, margin=1), "spend is -5, below 0"),
        (lambda: cpc(pd.Series([1.0, -2.0]), 3), "spend has 1 negative values"),
        (lambda: cpm("100", 10), "spend must be a number"),
        (lambda: cpc(10, True), "clicks must be a number"),
    ],
)
def test_bad_money_or_counts_raise_an_input_error_that_names_them(call, message):
    with pytest.raises(InputError, match=message):
        call()


def make_campaigns() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "campaign_id": ["C1", "C2"],
            "client": ["business", "nonprofit"],
            "spend": [4000.0, 0.0],
            "impressions": [100_000, 0],
            "clicks": [800, 0],
            "conversions": [20, 0],
            "conversion_value": [10_000.0, 0.0],
        }
    )


def test_campaign_metrics_adds_each_metric_by_its_definition():
    out = campaign_metrics(make_campaigns())
    first = out.iloc[0]
    assert first["ctr"] == 0.008
    assert first["cpm"] == 40.0
    assert first["cpc"] == 5.0
    assert first["conversion_rate"] == 0.025
    assert first["cost_per_conversion"] == 200.0
    assert first["roas"] == 2.5
    assert "roi" not in out.columns  # revenue is not profit: no margin, no ROI
    assert out.iloc[1][list(CAMPAIGN_METRICS)].isna().all()


def test_campaign_metrics_returns_a_new_table_and_leaves_the_input_alone():
    campaigns = make_campaigns()
    before = campaigns.copy()
    out = campaign_metrics(campaigns)
    pd.testing.assert_frame_equal(campaigns, before)
    assert list(out.columns) == list(before.columns) + list(CAMPAIGN_METRICS)


def test_campaign_metrics_names_a_missing_column():
    with pytest.raises(DataError, match="conversion_value") as info:
        campaign_metrics(make_campaigns().drop(columns="conversion_value"))
    assert info.value.column == "conversion_value"


money = st.floats(min_value=0, max_value=1e9, allow_nan=False)


@settings(max_examples=80, deadline=None)
@given(
    value=money,
    cost=st.floats(min_value=0.01, max_value=1e9),
    margin=st.floats(min_value=0.01, max_value=1.0),
)
def test_roi_is_roas_times_margin_minus_one(value, cost, margin):
    expected = roas(value, cost) * margin - 1
    assert roi(value, cost, margin=margin) == pytest.approx(expected, rel=1e-9, abs=1e-9)


@settings(max_examples=80, deadline=None)
@given(spend=money, impressions=st.integers(min_value=1, max_value=10**9))
def test_cpm_is_a_thousand_times_the_cost_per_impression(spend, impressions):
    assert cpm(spend, impressions) == pytest.approx(1000 * cost_per_result(spend, impressions))
