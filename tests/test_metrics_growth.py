"""Follower growth per account and period: hand-computed weeks and months, telescoping sums."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smm_helpers.errors import DataError, InputError
from smm_helpers.metrics import follower_growth


def make_followers(dates: list[str], counts: list[int], platform: str = "facebook"):
    return pd.DataFrame(
        {
            "date": pd.to_datetime(dates),
            "client": "nonprofit",
            "platform": platform,
            "followers": counts,
        }
    )


def test_monthly_growth_starts_where_the_previous_month_ended():
    followers = make_followers(
        ["2026-01-01", "2026-01-31", "2026-02-01", "2026-02-28", "2026-03-31"],
        [1000, 1100, 1090, 1210, 1331],
    )
    table = follower_growth(followers, freq="M").loc[("nonprofit", "facebook")]
    assert table.index.strftime("%Y-%m-%d").tolist() == ["2026-01-01", "2026-02-01", "2026-03-01"]
    assert table["start"].tolist() == [1000, 1100, 1210]
    assert table["end"].tolist() == [1100, 1210, 1331]
    assert table["gained"].tolist() == [100, 110, 121]
    assert table["growth_rate"].tolist() == pytest.approx([0.1, 0.1, 0.1])


def test_weeks_are_iso_weeks_labelled_by_their_monday():
    # 2026-11-22 is a Sunday and 2026-11-23 a Monday.
    followers = make_followers(["2026-11-22", "2026-11-23"], [500, 510])
    table = follower_growth(followers, freq="W")
    weeks = table.index.get_level_values("week").strftime("%Y-%m-%d").tolist()
    assert weeks == ["2026-11-16", "2026-11-23"]
    assert table["gained"].tolist() == [0, 10]


def test_daily_growth_is_the_change_from_the_day_before():
    followers = make_followers(["2026-11-20", "2026-11-21", "2026-11-22"], [100, 90, 99])
    table = follower_growth(followers, freq="D")
    assert table["gained"].tolist() == [0, -10, 9]
    assert table["growth_rate"].tolist() == pytest.approx([0.0, -0.1, 0.1])


def test_accounts_are_kept_apart_and_rows_may_come_in_any_order():
    fb = make_followers(["2026-11-01", "2026-11-30"], [100, 150])
    x = make_followers(["2026-11-01", "2026-11-30"], [40, 30], platform="x")
    table = follower_growth(pd.concat([x, fb]).iloc[::-1], freq="M")
    assert table.loc[("nonprofit", "facebook"), "gained"].tolist() == [50]
    assert table.loc[("nonprofit", "x"), "gained"].tolist() == [-10]


def test_growth_rate_from_zero_followers_is_nan():
    followers = make_followers(["2026-11-01", "2026-11-02"], [0, 25])
    assert math.isnan(follower_growth(followers, freq="M")["growth_rate"].iloc[0])


def test_dates_may_be_python_dates_or_timezone_aware():
    plain = make_followers(["2026-11-01", "2026-12-01"], [10, 20])
    as_dates = plain.assign(date=[dt.date(2026, 11, 1), dt.date(2026, 12, 1)])
    aware = plain.assign(date=plain["date"].dt.tz_localize("Asia/Dhaka"))
    expected = follower_growth(plain, freq="M")
    pd.testing.assert_frame_equal(follower_growth(as_dates, freq="M"), expected)
    pd.testing.assert_frame_equal(follower_growth(aware, freq="M"), expected)


def test_follower_growth_does_not_change_the_input():
    followers = make_followers(["2026-11-02", "2026-11-01"], [10, 20])
    before = followers.copy()
    follower_growth(followers)
    pd.testing.assert_frame_equal(followers, before)


def test_two_rows_for_the_same_account_and_day_is_a_data_error():
    followers = make_followers(["2026-11-01", "2026-11-01"], [10, 11])
    with pytest.raises(DataError, match="repeat a day") as info:
        follower_growth(followers)
    assert "drop_duplicates" in str(info.value)


def test_unknown_period_names_the_choices():
    with pytest.raises(InputError, match="'Y' is not a period") as info:
        follower_growth(make_followers(["2026-11-01"], [1]), freq="Y")
    assert "D, W, M" in str(info.value)


def test_missing_followers_column_is_a_data_error():
    with pytest.raises(DataError, match="followers"):
        follower_growth(make_followers(["2026-11-01"], [1]).drop(columns="followers"))


@settings(max_examples=30, deadline=None)
@given(
    days=st.lists(st.integers(0, 400), min_size=1, max_size=40, unique=True),
    data=st.data(),
    freq=st.sampled_from(["D", "W", "M"]),
)
def test_gains_of_an_account_add_up_to_its_last_count_minus_its_first(days, data, freq):
    counts = data.draw(st.lists(st.integers(0, 10**6), min_size=len(days), max_size=len(days)))
    dates = pd.Timestamp("2025-12-01") + pd.to_timedelta(days, unit="D")
    followers = make_followers(list(dates.strftime("%Y-%m-%d")), counts)
    table = follower_growth(followers, freq=freq)
    in_order = followers.sort_values("date")["followers"]
    assert table["gained"].sum() == in_order.iloc[-1] - in_order.iloc[0]
    assert (table["end"] - table["start"] == table["gained"]).all()
