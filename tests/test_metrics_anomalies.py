"""flag_anomalies and daily_series: injected spikes are found, flat series stay quiet."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from smm_helpers.errors import DataError, InputError
from smm_helpers.metrics import daily_series, flag_anomalies

DAYS = pd.date_range("2026-01-01", periods=365, freq="D")


def smooth_series(seed: int) -> pd.Series:
    """A weekly rhythm plus a slow trend plus a little noise, like daily engagements."""
    rng = np.random.default_rng(seed)
    t = np.arange(len(DAYS))
    values = 200 + 0.2 * t + 25 * np.sin(2 * np.pi * t / 7) + rng.normal(0, 5, len(t))
    return pd.Series(values, index=DAYS)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_injected_spikes_are_found_with_high_precision_and_recall(seed):
    series = smooth_series(seed)
    rng = np.random.default_rng(100 + seed)
    spikes = np.sort(rng.choice(np.arange(40, len(DAYS)), size=12, replace=False))
    series.iloc[spikes] += rng.uniform(150, 400, size=len(spikes))  # bought likes arrive
    flagged = set(np.flatnonzero(flag_anomalies(series)["is_anomaly"].to_numpy()))
    truth = set(spikes.tolist())
    precision = len(flagged & truth) / max(len(flagged), 1)
    recall = len(flagged & truth) / len(truth)
    assert precision >= 0.9
    assert recall >= 0.9


@pytest.mark.parametrize("value", [0.0, 7.0, 1234.5])
def test_a_flat_series_has_no_anomalies(value):
    series = pd.Series(value, index=DAYS)
    flags = flag_anomalies(series)
    assert not flags["is_anomaly"].any()
    assert (flags["score"].dropna() == 0).all()


def test_a_smooth_series_without_spikes_has_few_or_no_flags():
    assert flag_anomalies(smooth_series(7))["is_anomaly"].sum() <= 2


def test_score_is_the_modified_z_score_against_the_previous_days_only():
    values = [10, 12, 11, 9, 10, 11, 12, 10, 95, 11]
    series = pd.Series(values, index=DAYS[:10])
    flags = flag_anomalies(series, window=7)
    # previous 7 days 12, 11, 9, 10, 11, 12, 10: median 11, MAD 1
    assert flags["baseline"].iloc[8] == 11
    assert flags["score"].iloc[8] == pytest.approx(0.6745 * (95 - 11) / 1)
    # the spike is inside the next day's window but cannot move the median much
    assert flags["baseline"].iloc[9] == 11
    assert flags["is_anomaly"].tolist() == [False] * 8 + [True, False]


def test_days_without_enough_history_are_never_flagged():
    series = pd.Series([1.0] * 5 + [1000.0] + [1.0] * 30, index=DAYS[:36])
    flags = flag_anomalies(series, window=7)
    assert flags["score"].iloc[:7].isna().all()
    assert not flags["is_anomaly"].iloc[:7].any()
    early = flag_anomalies(series, window=7, min_periods=5)
    assert early["is_anomaly"].iloc[5]


def test_when_mad_is_zero_the_mean_absolute_deviation_is_used():
    values = [5.0] * 20 + [6.0] * 8 + [9.0]
    flags = flag_anomalies(pd.Series(values, index=DAYS[:29]), window=28)
    mean_deviation = 8 * 1.0 / 28
    assert flags["score"].iloc[28] == pytest.approx(4.0 / (1.253314 * mean_deviation))


def test_direction_can_look_only_for_rises_or_drops():
    series = pd.Series([10.0, 11, 9, 10, 11, 9, 10, 100, 10, -80], index=DAYS[:10])
    both = flag_anomalies(series, window=7)["is_anomaly"]
    up = flag_anomalies(series, window=7, direction="up")["is_anomaly"]
    down = flag_anomalies(series, window=7, direction="down")["is_anomaly"]
    assert both.iloc[[7, 9]].all()
    assert up.iloc[7] and not up.iloc[9]
    assert down.iloc[9] and not down.iloc[7]


def test_missing_days_are_skipped_not_flagged():
    series = pd.Series([10.0, 11, 9, np.nan, 10, 11, 9, 10, 10], index=DAYS[:9])
    flags = flag_anomalies(series, window=5, min_periods=4)
    assert not flags["is_anomaly"].any()
    assert np.isnan(flags["score"].iloc[3])


def test_flag_anomalies_returns_a_new_table_and_keeps_the_input():
    series = smooth_series(1)
    before = series.copy()
    flags = flag_anomalies(series)
    pd.testing.assert_series_equal(series, before)
    assert list(flags.columns) == ["value", "baseline", "score", "is_anomaly"]
    assert flags.index.equals(series.index)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"window": 2}, "window must be a whole number of days, 3 or more; got 2"),
        ({"window": 7.5}, "window must be a whole number"),
        ({"threshold": 0}, "threshold must be a positive number"),
        ({"min_periods": 40}, r"min_periods \(40\) is more than window \(28\)"),
        ({"direction": "sideways"}, "'sideways' is not a direction"),
    ],
)
def test_bad_settings_raise_input_errors_naming_them(kwargs, message):
    with pytest.raises(InputError, match=message):
        flag_anomalies(smooth_series(1), **kwargs)


def test_a_series_with_missing_days_is_refused_with_a_fix():
    gappy = smooth_series(1).drop(DAYS[10])
    with pytest.raises(InputError, match="not one row per day") as info:
        flag_anomalies(gappy)
    assert "asfreq('D')" in str(info.value)


def test_only_a_series_of_numbers_is_accepted():
    with pytest.raises(InputError, match="Series of numbers"):
        flag_anomalies([1, 2, 3])  # type: ignore[arg-type]


def make_posts() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "published_at": pd.to_datetime(
                ["2026-11-20 23:30", "2026-11-20 18:00", "2026-11-23 09:00"]
            ).tz_localize("UTC"),
            "client": ["nonprofit", "nonprofit", "business"],
            "platform": ["facebook", "x", "facebook"],
            "reactions": [10, 3, 7],
            "comments": [1, 0, 0],
            "shares": [0, 0, 1],
            "saves": [0, 0, 0],
            "link_clicks": [4, 0, 2],
        }
    )


def test_daily_engagements_are_summed_per_dhaka_day_with_zero_on_quiet_days():
    series = daily_series(make_posts())
    # 23:30 UTC on the 20th is 05:30 on the 21st in Dhaka; 18:00 UTC is 00:00 on the 21st.
    assert series.index.strftime("%Y-%m-%d").tolist() == ["2026-11-21", "2026-11-22", "2026-11-23"]
    assert series.tolist() == [14, 0, 8]
    assert series.name == "engagements"


def test_daily_series_can_pick_an_account_and_a_metric():
    assert daily_series(make_posts(), client="nonprofit", platform="facebook").tolist() == [11]
    assert daily_series(make_posts(), metric="link_clicks").tolist() == [4, 0, 2]


def test_daily_follower_gains_are_today_minus_yesterday_summed_over_accounts():
    followers = pd.DataFrame(
        {
            "date": pd.to_datetime(["2026-11-01", "2026-11-02", "2026-11-04"] * 2),
            "client": pd.Categorical(["business"] * 6),
            "platform": pd.Categorical(["x"] * 3 + ["tiktok"] * 3),
            "followers": [10, 15, 30, 100, 90, 95],
        }
    )
    gains = daily_series(followers)
    assert gains.name == "follower_gain"
    assert np.isnan(gains.iloc[0])  # no day before the first
    assert gains.iloc[1] == -5.0  # x +5, tiktok -10
    assert gains.iloc[2:].isna().all()  # 3 Nov is missing, so 3 and 4 Nov are unknown
    assert daily_series(followers, platform="x").iloc[1] == 5.0


def test_daily_series_feeds_flag_anomalies():
    posts = pd.DataFrame(
        {
            "published_at": pd.date_range("2026-01-01 10:00", periods=60, freq="D", tz="UTC"),
            "client": "nonprofit",
            "platform": "facebook",
            "reactions": [20] * 45 + [900] + [20] * 14,
            "comments": 1,
            "shares": 0,
            "saves": 0,
        }
    )
    flags = flag_anomalies(daily_series(posts))
    assert flags.index[flags["is_anomaly"]].strftime("%Y-%m-%d").tolist() == ["2026-02-15"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"client": "charity"}, "'charity' is not a client"),
        ({"platform": "twitter"}, "'twitter' is not a platform"),
        ({"metric": "likes"}, "'likes' is not a daily metric"),
        ({"client": "business", "platform": "x"}, "no rows for client='business'"),
    ],
)
def test_daily_series_bad_choices_name_the_value_and_the_choices(kwargs, message):
    with pytest.raises(InputError, match=message):
        daily_series(make_posts(), **kwargs)


def test_daily_series_needs_a_posts_or_followers_table():
    with pytest.raises(DataError, match="followers table has no column"):
        daily_series(pd.DataFrame({"client": ["business"], "platform": ["x"]}))
