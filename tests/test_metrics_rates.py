"""Per-post rates: hand-computed values, NaN for zero denominators, teaching errors."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smm_helpers.errors import DataError, InputError
from smm_helpers.metrics import (
    METRIC_COLUMNS,
    add_metrics,
    amplification_rate,
    ctr,
    engagement_rate,
    engagements,
    reach_rate,
    virality_rate,
)


def make_posts(**columns: list) -> pd.DataFrame:
    base = {
        "reactions": [40, 3, 0],
        "comments": [6, 1, 0],
        "shares": [3, 0, 0],
        "saves": [1, 0, 0],
        "reach": [1000, 80, 0],
        "impressions": [2500, 100, 0],
        "followers": [20000, 400, 0],
        "link_clicks": [25, 0, 0],
    }
    base.update(columns)
    return pd.DataFrame(base)


def test_engagements_add_reactions_comments_shares_and_saves():
    assert engagements(make_posts()).tolist() == [50, 4, 0]


def test_engagements_of_a_post_with_a_missing_count_is_unknown_not_smaller():
    posts = make_posts(saves=pd.array([1, None, 0], dtype="Int64"))
    result = engagements(posts)
    assert result.iloc[0] == 50
    assert pd.isna(result.iloc[1])


def test_engagement_rate_by_reach_divides_by_unique_people():
    assert engagement_rate(make_posts(), by="reach").tolist()[:2] == [0.05, 0.05]


def test_engagement_rate_by_impressions_is_linkedins_definition():
    assert engagement_rate(make_posts(), by="impressions").tolist()[:2] == [0.02, 0.04]


def test_engagement_rate_by_followers_is_rival_iqs_definition():
    # 12 engagements on a 20,000-follower page = 0.06%, Rival IQ's 2023 Facebook median.
    posts = make_posts(reactions=[12, 3, 0], comments=[0, 1, 0], shares=[0, 0, 0], saves=[0, 0, 0])
    rates = engagement_rate(posts, by="followers")
    assert rates.iloc[0] == pytest.approx(0.0006)
    assert rates.iloc[1] == pytest.approx(0.01)


def test_engagement_rate_series_is_named_after_its_denominator():
    for by in ("reach", "impressions", "followers"):
        assert engagement_rate(make_posts(), by=by).name == f"er_{by}"


@pytest.mark.parametrize(
    "rate", [reach_rate, ctr, amplification_rate, virality_rate, engagement_rate]
)
def test_zero_denominator_gives_nan_not_inf_or_an_error(rate):
    result = rate(make_posts())
    assert math.isnan(result.iloc[2])
    assert not np.isinf(result.to_numpy()).any()


def test_other_rates_match_hand_computed_values():
    posts = make_posts()
    assert reach_rate(posts).tolist()[:2] == [0.05, 0.2]
    assert ctr(posts).tolist()[:2] == [0.01, 0.0]
    assert amplification_rate(posts).tolist()[:2] == [0.00015, 0.0]
    assert virality_rate(posts).tolist()[:2] == [0.003, 0.0]


def test_rates_keep_the_posts_index():
    posts = make_posts().set_axis(["a", "b", "c"])
    assert ctr(posts).index.tolist() == ["a", "b", "c"]
    assert add_metrics(posts).index.tolist() == ["a", "b", "c"]


def test_missing_values_in_a_denominator_give_nan():
    posts = make_posts(reach=pd.array([1000, None, 0], dtype="Int64"))
    result = engagement_rate(posts)
    assert result.dtype == "float64"
    assert result.iloc[0] == 0.05
    assert math.isnan(result.iloc[1])


def test_add_metrics_returns_a_copy_with_all_metric_columns_in_order():
    posts = make_posts()
    before = posts.copy()
    out = add_metrics(posts)
    pd.testing.assert_frame_equal(posts, before)
    assert list(out.columns) == list(before.columns) + list(METRIC_COLUMNS)
    assert out["er_followers"].iloc[0] == pytest.approx(50 / 20000)
    assert out["virality"].iloc[0] == pytest.approx(3 / 1000)


def test_add_metrics_agrees_with_the_single_metric_functions():
    posts = make_posts()
    out = add_metrics(posts)
    pd.testing.assert_series_equal(out["er_reach"], engagement_rate(posts, "reach"))
    pd.testing.assert_series_equal(out["ctr"], ctr(posts))
    pd.testing.assert_series_equal(out["amplification"], amplification_rate(posts))


def test_unknown_denominator_names_the_value_and_the_choices():
    with pytest.raises(InputError, match="'fans'") as info:
        engagement_rate(make_posts(), by="fans")
    assert "reach, impressions, followers" in str(info.value)


def test_missing_column_names_the_column_and_the_fix():
    with pytest.raises(DataError) as info:
        reach_rate(make_posts().drop(columns="followers"))
    assert info.value.column == "followers"
    assert "load_posts" in str(info.value)
    assert "reach" in str(info.value)  # lists the columns the table does have


def test_passing_something_other_than_a_table_is_an_input_error():
    with pytest.raises(InputError, match="got list"):
        ctr([1, 2, 3])  # type: ignore[arg-type]


counts = st.integers(min_value=0, max_value=10**7)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(counts, counts, counts, counts, counts, counts), max_size=20))
def test_rates_are_never_negative_or_infinite_and_nan_only_for_zero_audience(rows):
    posts = pd.DataFrame(
        rows, columns=["reactions", "comments", "shares", "saves", "reach", "followers"]
    )
    posts["impressions"] = posts["reach"] * 2
    posts["link_clicks"] = 0
    out = add_metrics(posts)
    for name in METRIC_COLUMNS:
        values = out[name].to_numpy(dtype="float64")
        assert not np.isinf(values).any()
        assert (values[~np.isnan(values)] >= 0).all()
    assert (out["er_reach"].isna() == (posts["reach"] == 0)).all()
    assert (out["er_followers"].isna() == (posts["followers"] == 0)).all()
    defined = posts["reach"] > 0
    assert (out["er_reach"][defined] >= out["er_impressions"][defined]).all()
