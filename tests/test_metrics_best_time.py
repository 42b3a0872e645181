"""best_time_table: medians per Dhaka weekday x hour, counts shown, thin slots masked."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smm_helpers.errors import DataError, InputError
from smm_helpers.metrics import BestTimes, best_time_table

WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]


def make_posts(times: list[str], reactions: list[int], reach: list[int] | None = None):
    n = len(times)
    return pd.DataFrame(
        {
            "published_at": pd.to_datetime(times).tz_localize("Asia/Dhaka"),
            "reach": reach if reach is not None else [100] * n,
            "impressions": [200] * n,
            "followers": [1000] * n,
            "reactions": reactions,
            "comments": [0] * n,
            "shares": [0] * n,
            "saves": [0] * n,
            "link_clicks": [0] * n,
        }
    )


# Sunday 09:xx: rates 0.05, 0.06, 0.07, 0.90 (one viral post); Monday 18:00: 0.01..0.03;
# Tuesday 07:00: a single post with 0.50.
POSTS = make_posts(
    ["2026-11-22 09:05", "2026-11-22 09:40", "2026-11-29 09:10", "2026-12-06 09:59"]
    + ["2026-11-23 18:00"] * 3
    + ["2026-11-24 07:00"],
    reactions=[5, 6, 7, 90, 1, 2, 3, 50],
)


def test_cells_hold_the_median_and_the_count_of_their_posts():
    table = best_time_table(POSTS, min_posts=1)
    assert table.all_values.loc["Sunday", 9] == pytest.approx(0.065)
    assert table.counts.loc["Sunday", 9] == 4
    assert table.all_values.loc["Monday", 18] == pytest.approx(0.02)
    assert table.counts.to_numpy().sum() == len(POSTS)


def test_mean_can_be_asked_for_and_a_viral_post_then_pulls_it_up():
    table = best_time_table(POSTS, min_posts=1, statistic="mean")
    assert table.all_values.loc["Sunday", 9] == pytest.approx((0.05 + 0.06 + 0.07 + 0.9) / 4)


def test_the_grid_is_sunday_to_saturday_by_24_hours():
    table = best_time_table(POSTS)
    assert table.counts.shape == (7, 24)
    assert table.counts.index.tolist() == WEEKDAYS
    assert table.counts.columns.tolist() == list(range(24))


def test_thin_cells_are_masked_and_never_ranked():
    table = best_time_table(POSTS, min_posts=3)
    assert np.isnan(table.values.loc["Tuesday", 7])
    assert table.all_values.loc["Tuesday", 7] == pytest.approx(0.5)
    assert not table.trusted.loc["Tuesday", 7]
    best = table.best(5)
    assert best[["weekday", "hour"]].values.tolist() == [["Sunday", 9], ["Monday", 18]]
    assert best["posts"].tolist() == [4, 3]


def test_best_lists_the_top_trusted_slots_first():
    best = best_time_table(POSTS, min_posts=1).best(2)
    assert best["weekday"].tolist() == ["Tuesday", "Sunday"]
    assert best["value"].tolist() == pytest.approx([0.5, 0.065])


def test_best_is_empty_when_no_slot_has_enough_posts():
    table = best_time_table(POSTS, min_posts=50)
    assert table.best().empty
    assert "none yet" in repr(table)


def test_hours_and_weekdays_are_read_in_dhaka_time():
    posts = POSTS.iloc[:1].copy()
    posts["published_at"] = pd.to_datetime(["2026-11-20 20:15"]).tz_localize("UTC")
    table = best_time_table(posts, min_posts=1)
    assert table.counts.loc["Saturday", 2] == 1  # 02:15 on Saturday in Dhaka


def test_posts_with_an_undefined_metric_are_not_counted():
    posts = make_posts(["2026-11-22 09:00"] * 2, reactions=[1, 1], reach=[100, 0])
    table = best_time_table(posts, min_posts=1)
    assert table.counts.loc["Sunday", 9] == 1
    assert best_time_table(posts, metric="engagements", min_posts=1).counts.loc["Sunday", 9] == 2


def test_other_metrics_can_be_ranked():
    table = best_time_table(POSTS, metric="reactions", min_posts=3)
    assert table.values.loc["Sunday", 9] == pytest.approx(6.5)


def test_to_frame_has_one_row_per_slot():
    frame = best_time_table(POSTS, min_posts=3).to_frame()
    assert len(frame) == 168
    assert list(frame.columns) == ["weekday", "hour", "value", "posts", "trusted"]
    assert frame["posts"].sum() == len(POSTS)
    row = frame[(frame["weekday"] == "Monday") & (frame["hour"] == 18)].iloc[0]
    assert row["posts"] == 3
    assert row["trusted"]


def test_notebook_display_shows_counts_and_masks_thin_cells():
    table = best_time_table(POSTS, min_posts=3)
    assert isinstance(table, BestTimes)
    page = table._repr_html_()
    assert "n=4" in page
    assert "n=1" in page
    assert "fewer than 3 posts" in page
    assert "Sunday 09:00 (6.50%, 4 posts)" in page
    assert "Sunday 09:00 (6.50%, 4 posts)" in repr(table)


def test_best_time_table_does_not_change_the_posts():
    posts = POSTS.copy()
    best_time_table(posts)
    pd.testing.assert_frame_equal(posts, POSTS)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"metric": "likes"}, InputError, "'likes' is not a metric"),
        ({"statistic": "mode"}, InputError, "'mode' is not a statistic"),
        ({"min_posts": 0}, InputError, "min_posts must be a whole number"),
        ({"min_posts": 2.5}, InputError, "min_posts must be a whole number"),
    ],
)
def test_bad_arguments_raise_errors_that_name_them(kwargs, error, message):
    with pytest.raises(error, match=message):
        best_time_table(POSTS, **kwargs)


def test_best_needs_a_positive_whole_number():
    with pytest.raises(InputError, match="n must be a whole number"):
        best_time_table(POSTS).best(0)


def test_missing_published_at_is_a_data_error():
    with pytest.raises(DataError, match="published_at"):
        best_time_table(POSTS.drop(columns="published_at"))


@settings(max_examples=30, deadline=None)
@given(
    minutes=st.lists(st.integers(0, 60 * 24 * 60), min_size=1, max_size=60),
    min_posts=st.integers(1, 4),
)
def test_counts_add_up_and_masking_follows_min_posts(minutes, min_posts):
    times = pd.Timestamp("2026-01-01") + pd.to_timedelta(minutes, unit="min")
    posts = make_posts(list(times.strftime("%Y-%m-%d %H:%M")), reactions=list(range(len(minutes))))
    table = best_time_table(posts, min_posts=min_posts)
    assert table.counts.to_numpy().sum() == len(posts)
    thin = table.counts.to_numpy() < min_posts
    assert np.isnan(table.values.to_numpy()[thin]).all()
    assert not np.isnan(table.values.to_numpy()[~thin]).any()
    assert (table.best(168)["posts"] >= min_posts).all()
