"""summarize: sums that add up, ratios of sums, Dhaka-time groupings, teaching errors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smm_helpers.errors import DataError, InputError
from smm_helpers.metrics import SUMMARY_COLUMNS, SUMMARY_KEYS, summarize
from smm_helpers.schema import FORMATS, LANGUAGES, PLATFORMS

COUNTS = ["followers", "impressions", "reach", "reactions", "comments", "shares", "saves"]


def make_posts(times: list[str], **columns: list) -> pd.DataFrame:
    """Posts published at ``times`` (Dhaka wall-clock), every count 0 unless given."""
    n = len(times)
    posts = pd.DataFrame(
        {
            "published_at": pd.to_datetime(times).tz_localize("Asia/Dhaka"),
            "client": "nonprofit",
            "platform": "facebook",
            "format": "image",
            "pillar": "stories",
            "language": "bn",
            **{name: [0] * n for name in [*COUNTS, "link_clicks"]},
            "spend": [0.0] * n,
        }
    )
    for name, values in columns.items():
        posts[name] = values
    return posts


def test_summary_columns_are_the_documented_ones_in_order():
    table = summarize(make_posts(["2026-11-22 10:00"], reach=[10], impressions=[10]))
    assert tuple(table.columns) == SUMMARY_COLUMNS


def test_aggregate_rates_are_ratios_of_sums_not_averages_of_post_rates():
    posts = make_posts(
        ["2026-11-22 10:00", "2026-11-23 10:00"],
        reach=[20, 20_000],
        impressions=[40, 40_000],
        reactions=[5, 200],
        link_clicks=[4, 40],
    )
    row = summarize(posts).loc["facebook"]
    assert row["er_reach"] == pytest.approx(205 / 20_020)  # not (0.25 + 0.01) / 2
    assert row["er_impressions"] == pytest.approx(205 / 40_040)
    assert row["ctr"] == pytest.approx(44 / 40_040)


def test_median_er_followers_is_the_median_of_the_per_post_rates():
    posts = make_posts(
        ["2026-11-22 10:00"] * 3,
        followers=[1000, 1000, 2000],
        reactions=[10, 30, 4],
    )
    # per-post rates 0.01, 0.03, 0.002 -> median 0.01
    assert summarize(posts)["median_er_followers"].iloc[0] == pytest.approx(0.01)


def test_groups_by_platform_count_posts_and_sum_counts():
    posts = make_posts(
        ["2026-11-22 10:00"] * 3,
        platform=["x", "facebook", "x"],
        reach=[5, 7, 11],
        spend=[0.0, 100.0, 50.5],
    )
    table = summarize(posts, by="platform")
    assert table["posts"].to_dict() == {"facebook": 1, "x": 2}
    assert table["reach"].to_dict() == {"facebook": 7, "x": 16}
    assert table["spend"].to_dict() == {"facebook": 100.0, "x": 50.5}


def test_week_is_the_iso_week_in_dhaka_time_not_utc():
    # Monday 00:30 in Dhaka is still Sunday 18:30 in UTC.
    posts = make_posts(["2026-11-22 23:30", "2026-11-23 00:30"])
    weeks = summarize(posts, by="week").index.strftime("%Y-%m-%d").tolist()
    assert weeks == ["2026-11-16", "2026-11-23"]


def test_utc_timestamps_are_converted_to_dhaka_for_hour_and_weekday():
    posts = make_posts(["2026-11-22 10:00"])
    posts["published_at"] = pd.to_datetime(["2026-11-20 20:15"]).tz_localize("UTC")
    assert summarize(posts, by="hour").index.tolist() == [2]  # 02:15 in Dhaka
    assert summarize(posts, by="weekday").index.tolist() == ["Saturday"]


def test_weekdays_run_sunday_to_saturday_by_name():
    days = pd.date_range("2026-11-19 09:00", periods=7, freq="D").strftime("%Y-%m-%d %H:%M")
    table = summarize(make_posts(list(days)), by="weekday")
    expected = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    assert table.index.tolist() == expected


def test_month_is_labelled_by_its_first_day():
    posts = make_posts(["2026-01-31 23:59", "2026-02-01 00:00"])
    months = summarize(posts, by="month").index.strftime("%Y-%m-%d").tolist()
    assert months == ["2026-01-01", "2026-02-01"]


def test_a_list_of_groupings_gives_one_row_per_combination():
    posts = make_posts(
        ["2026-11-22 10:00", "2026-11-22 10:00", "2026-11-30 10:00"],
        platform=["x", "facebook", "x"],
    )
    table = summarize(posts, by=["platform", "week"])
    assert table.index.names == ["platform", "week"]
    assert len(table) == 3


def test_categorical_columns_like_the_course_datasets_work():
    posts = make_posts(["2026-11-22 10:00"] * 2, platform=["x", "tiktok"])
    posts["platform"] = pd.Categorical(posts["platform"], categories=PLATFORMS)
    table = summarize(posts, by="platform")
    assert table.index.tolist() == ["x", "tiktok"]  # schema order, empty platforms left out


def test_summarize_does_not_change_the_posts():
    posts = make_posts(["2026-11-22 10:00"], reach=[3])
    before = posts.copy()
    summarize(posts, by=["weekday", "hour"])
    pd.testing.assert_frame_equal(posts, before)


def test_zero_reach_group_has_nan_rates_not_inf():
    table = summarize(make_posts(["2026-11-22 10:00"], reactions=[3]))
    assert table[["er_reach", "er_impressions", "ctr"]].isna().all(axis=None)


@pytest.mark.parametrize(
    ("by", "message"),
    [
        ("platfrom", "'platfrom' is not a grouping"),
        (["platform", "day"], "'day' is not a grouping"),
        ([], "by is empty"),
        (["week", "week"], "repeats a grouping"),
    ],
)
def test_bad_groupings_raise_an_input_error_that_names_them(by, message):
    with pytest.raises(InputError, match=message) as info:
        summarize(make_posts(["2026-11-22 10:00"]), by=by)
    assert "How to fix it" in str(info.value)


def test_grouping_by_time_needs_published_at():
    posts = make_posts(["2026-11-22 10:00"]).drop(columns="published_at")
    summarize(posts, by="platform")  # fine without it
    with pytest.raises(DataError, match="published_at"):
        summarize(posts, by="hour")


def test_posts_without_a_publishing_time_are_a_data_error_not_silently_dropped():
    posts = make_posts(["2026-11-22 10:00", "2026-11-23 10:00"])
    posts.loc[1, "published_at"] = pd.NaT
    with pytest.raises(DataError, match="1 rows have no published_at"):
        summarize(posts, by="week")


@st.composite
def posts_tables(draw: st.DrawFn) -> pd.DataFrame:
    n = draw(st.integers(min_value=0, max_value=25))
    seconds = draw(st.lists(st.integers(0, 2 * 365 * 86_400), min_size=n, max_size=n))
    count = st.lists(st.integers(0, 10**6), min_size=n, max_size=n)
    posts = pd.DataFrame(
        {
            "published_at": pd.Timestamp("2025-06-01", tz="Asia/Dhaka")
            + pd.to_timedelta(seconds, unit="s"),
            "client": draw(
                st.lists(st.sampled_from(["nonprofit", "business"]), min_size=n, max_size=n)
            ),
            "platform": draw(st.lists(st.sampled_from(PLATFORMS), min_size=n, max_size=n)),
            "format": draw(st.lists(st.sampled_from(FORMATS), min_size=n, max_size=n)),
            "pillar": draw(st.lists(st.sampled_from(["a", "b"]), min_size=n, max_size=n)),
            "language": draw(st.lists(st.sampled_from(LANGUAGES), min_size=n, max_size=n)),
            **{name: draw(count) for name in [*COUNTS, "link_clicks"]},
            "spend": draw(st.lists(st.integers(0, 10**5), min_size=n, max_size=n)),
        }
    )
    return posts.astype({"spend": "float64"})


@settings(max_examples=40, deadline=None)
@given(
    posts=posts_tables(),
    by=st.lists(st.sampled_from(SUMMARY_KEYS), min_size=1, max_size=3, unique=True),
)
def test_group_sums_add_up_to_the_totals_of_the_whole_table(posts, by):
    table = summarize(posts, by=by)
    assert table["posts"].sum() == len(posts)
    engaged = posts[["reactions", "comments", "shares", "saves"]].to_numpy().sum()
    assert table["engagements"].sum() == engaged
    for name in ("impressions", "reach", "link_clicks"):
        assert table[name].sum() == posts[name].sum()
    assert table["spend"].sum() == pytest.approx(posts["spend"].sum())
    assert not np.isinf(table[["er_reach", "er_impressions", "ctr"]].to_numpy()).any()


@settings(max_examples=15, deadline=None)
@given(posts=posts_tables())
def test_one_row_per_group_matches_a_plain_groupby(posts):
    table = summarize(posts, by="format")
    expected = posts.groupby("format")["reach"].sum()
    assert table["reach"].to_dict() == expected.to_dict()


def test_summaries_of_the_course_dataset_add_up():
    from smm_helpers.datasets import generate

    posts = generate(1_000).posts
    table = summarize(posts, by=["client", "platform", "month"])
    assert table["posts"].sum() == len(posts)
    assert table["reach"].sum() == posts["reach"].sum()
