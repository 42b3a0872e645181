"""The course-data generator: determinism, sizes, invariants, calibration and the stories."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smm_helpers.datasets import (
    CLIENT_PROFILES,
    calibration,
    default_post_count,
    generate,
    learner_seed,
)
from smm_helpers.errors import InputError
from smm_helpers.schema import (
    CAMPAIGNS,
    ENGAGEMENT_COLUMNS,
    FOLLOWERS,
    INBOX,
    PLATFORMS,
    POSTS,
    VIDEO_FORMATS,
    column_names,
)

SEEDS = (1, 7, 2025, 31337)


@pytest.fixture(scope="module")
def default_data():
    return generate()


@pytest.fixture(scope="module")
def big_posts():
    return generate(100_000, seed=11).posts


def engagements(posts: pd.DataFrame) -> pd.Series:
    return posts[list(ENGAGEMENT_COLUMNS)].sum(axis=1)


# ---------------------------------------------------------------- determinism
def test_same_learner_id_gives_identical_tables():
    first, second = generate(1_000, learner_id="s1234567"), generate(1_000, learner_id="s1234567")
    for name in ("posts", "followers", "inbox", "campaigns"):
        pd.testing.assert_frame_equal(getattr(first, name), getattr(second, name))


def test_different_learner_ids_give_different_posts():
    a = generate(1_000, learner_id="alice").posts
    b = generate(1_000, learner_id="bob").posts
    assert not a["reach"].equals(b["reach"])
    assert not a["published_at"].equals(b["published_at"])


def test_learner_data_differs_from_the_default_data():
    default = generate(1_000).posts["reach"]
    assert not default.equals(generate(1_000, learner_id="x1").posts["reach"])


def test_learner_seed_is_the_same_in_a_fresh_process():
    code = "from smm_helpers.datasets import learner_seed; print(learner_seed('s-99 ক'))"
    other = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "123"},
    )
    assert int(other.stdout) == learner_seed("s-99 ক")


def test_learner_seed_ignores_surrounding_spaces_but_not_case():
    assert learner_seed("  ab12 ") == learner_seed("ab12")
    assert learner_seed("AB12") != learner_seed("ab12")


@pytest.mark.parametrize("bad", ["", "   "])
def test_empty_learner_id_is_refused_with_a_fix(bad):
    with pytest.raises(InputError, match=r"(?s)the learner id is empty.*How to fix it"):
        generate(1_000, learner_id=bad)


def test_learner_id_that_is_not_text_is_refused():
    with pytest.raises(InputError, match="must be text, not int"):
        learner_seed(1234)  # type: ignore[arg-type]


# ---------------------------------------------------------------- sizes and arguments
def test_default_size_is_a_realistic_year(default_data):
    weekly = sum(sum(p.posts_per_week.values()) for p in CLIENT_PROFILES.values())
    assert len(default_data.posts) == default_post_count() == round(weekly * 365 / 7)
    assert len(default_data.followers) == 365 * 12


@pytest.mark.parametrize("n", [1_000, 4_321])
def test_generate_makes_exactly_n_posts_and_scales_the_other_tables(n):
    data = generate(n, seed=3)
    assert len(data.posts) == n
    assert len(data.inbox) == round(0.75 * n)
    assert len(data.campaigns) == max(12, round(n / 39))
    assert len(data.followers) == 365 * 12


def test_a_hundred_thousand_posts_stay_in_one_year(big_posts):
    assert len(big_posts) == 100_000
    assert big_posts["published_at"].dt.year.unique().tolist() == [2025]
    assert big_posts["post_id"].is_unique


def test_leap_year_has_366_days_of_followers():
    assert len(generate(1_000, year=2028).followers) == 366 * 12


@pytest.mark.parametrize("n", [999, 10_000_001, 0, -5])
def test_size_outside_the_range_is_refused(n):
    with pytest.raises(InputError, match=f"n_posts={n} is outside 1,000–10,000,000"):
        generate(n)


@pytest.mark.parametrize("n", [1500.0, "2000", True])
def test_size_that_is_not_a_whole_number_is_refused(n):
    with pytest.raises(InputError, match="n_posts must be a whole number"):
        generate(n)  # type: ignore[arg-type]


@pytest.mark.parametrize("seed", [-1, 1.5, "7"])
def test_bad_seed_is_refused(seed):
    with pytest.raises(InputError, match="seed must be a whole number >= 0"):
        generate(1_000, seed=seed)  # type: ignore[arg-type]


def test_year_outside_the_supported_range_is_refused():
    with pytest.raises(InputError, match="year 2009 is outside 2010–2100"):
        generate(1_000, year=2009)


# ---------------------------------------------------------------- schema and invariants
def test_every_table_has_the_schema_columns_in_order(default_data):
    assert list(default_data.posts.columns) == column_names(POSTS)
    assert list(default_data.followers.columns) == column_names(FOLLOWERS)
    assert list(default_data.inbox.columns) == column_names(INBOX)
    assert list(default_data.campaigns.columns) == column_names(CAMPAIGNS)


def test_dtypes_follow_the_course_convention(default_data):
    posts = default_data.posts
    assert str(posts["published_at"].dtype) == "datetime64[ns, Asia/Dhaka]"
    assert str(default_data.inbox["responded_at"].dtype) == "datetime64[ns, Asia/Dhaka]"
    assert str(default_data.followers["date"].dtype) == "datetime64[ns]"
    for column in POSTS:
        if column.kind == "count":
            assert posts[column.name].dtype == np.int64, column.name
    assert posts["spend"].dtype == np.float64
    assert posts["boosted"].dtype == bool
    assert list(posts["platform"].cat.categories) == list(PLATFORMS)


def check_invariants(data) -> None:
    posts, inbox, campaigns = data.posts, data.inbox, data.campaigns
    counts = [c.name for c in POSTS if c.kind == "count"]
    assert (posts[counts] >= 0).all().all()
    assert (posts["reach"] <= posts["impressions"]).all()
    assert (posts["reach"] >= 1).all()
    video = posts["format"].isin(VIDEO_FORMATS)
    assert (posts.loc[~video, "video_views"] == 0).all()
    assert (posts.loc[~posts["boosted"], "spend"] == 0).all()
    assert (posts.loc[posts["boosted"], "spend"] > 0).all()
    assert posts["post_id"].is_unique and inbox["message_id"].is_unique
    assert campaigns["campaign_id"].is_unique
    assert posts["published_at"].is_monotonic_increasing
    answered = inbox["responded_at"].notna()
    assert (inbox.loc[answered, "responded_at"] >= inbox.loc[answered, "received_at"]).all()
    assert (campaigns["clicks"] <= campaigns["impressions"]).all()
    assert (campaigns["conversions"] <= campaigns["clicks"]).all()
    assert (campaigns["spend"] <= campaigns["budget"]).all()
    assert (campaigns["end_date"] >= campaigns["start_date"]).all()
    assert (data.followers["followers"] > 0).all()
    for frame, column in ((posts, "published_at"), (inbox, "received_at")):
        assert str(frame[column].dt.tz) == "Asia/Dhaka"


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(1_000, 3_000),
    learner=st.none() | st.text(min_size=1, max_size=12).filter(str.strip),
)
def test_invariants_hold_for_any_seed_size_and_learner(seed, n, learner):
    check_invariants(generate(n, seed=seed, learner_id=learner))


def test_invariants_hold_at_a_hundred_thousand_posts(big_posts):
    assert (big_posts["reach"] <= big_posts["impressions"]).all()
    assert (big_posts.loc[~big_posts["format"].isin(VIDEO_FORMATS), "video_views"] == 0).all()


def test_formats_are_plausible_for_each_platform(big_posts):
    formats = big_posts.groupby("platform", observed=True)["format"].unique()
    assert "carousel" not in set(formats["youtube"])
    assert "link" not in set(formats["instagram"]) | set(formats["tiktok"])
    for platform, mix in calibration.FORMAT_MIX.items():
        assert set(formats[platform]) <= set(mix)


def test_captions_and_messages_come_in_both_languages(default_data):
    posts, inbox = default_data.posts, default_data.inbox
    bengali = posts["caption"].str.contains("[\u0985-\u09b9]", regex=True)
    assert (bengali == (posts["language"] == "bn")).all()
    inbox_bengali = inbox["text"].str.contains("[\u0985-\u09b9]", regex=True)
    # every Bengali-script message is labelled bn; bn also covers Banglish (Latin letters)
    assert not (inbox_bengali & (inbox["language"] == "en")).any()
    assert inbox_bengali.any() and (~inbox_bengali & (inbox["language"] == "bn")).any()


def test_post_followers_match_the_daily_followers_table(default_data):
    posts, followers = default_data.posts, default_data.followers
    day = posts["published_at"].dt.tz_localize(None).dt.normalize()
    merged = pd.DataFrame(
        {
            "date": day,
            "client": posts["client"].astype(str),
            "platform": posts["platform"].astype(str),
        }
    ).merge(
        followers.astype({"client": str, "platform": str}),
        how="left",
        on=["date", "client", "platform"],
    )
    assert (merged["followers"].to_numpy() == posts["followers"].to_numpy()).all()


def test_follower_series_are_smooth(default_data):
    followers = default_data.followers
    for _, series in followers.groupby(["client", "platform"], observed=True)["followers"]:
        daily_change = series.pct_change().dropna().abs()
        assert daily_change.max() < 0.02


def test_inbox_leaves_some_messages_unanswered_and_most_spam(default_data):
    inbox = default_data.inbox
    unanswered = inbox["responded_at"].isna()
    assert 0 < unanswered.mean() < 0.5
    assert unanswered[inbox["category"] == "spam"].mean() > 0.6


# ---------------------------------------------------------------- calibration
def er_by_follower(posts: pd.DataFrame) -> pd.Series:
    rate = engagements(posts) / posts["followers"]
    return rate.groupby(posts["platform"], observed=True).median()


@pytest.mark.parametrize("seed", SEEDS)
def test_engagement_per_follower_medians_match_rival_iq(seed):
    medians = er_by_follower(generate(seed=seed).posts)
    for platform in ("facebook", "instagram", "x", "tiktok"):
        target = calibration.ENGAGEMENT_PER_FOLLOWER[platform]
        assert target / 1.5 <= medians[platform] <= target * 1.5, (platform, medians[platform])


def test_tiktok_median_lies_between_the_two_rival_iq_reports():
    medians = [er_by_follower(generate(seed=seed).posts)["tiktok"] for seed in SEEDS]
    assert 0.0263 <= float(np.median(medians)) <= 0.0569


@pytest.mark.parametrize("seed", SEEDS)
def test_linkedin_engagement_by_impressions_is_a_few_percent(seed):
    posts = generate(seed=seed).posts
    linkedin = posts[posts["platform"] == "linkedin"]
    median = (engagements(linkedin) / linkedin["impressions"]).median()
    target = calibration.ENGAGEMENT_PER_IMPRESSION["linkedin"]
    assert target / 1.5 <= median <= target * 1.5


@pytest.mark.parametrize("seed", SEEDS[:2])
def test_facebook_organic_reach_is_near_four_percent_of_fans(seed):
    posts = generate(seed=seed).posts
    organic = posts[(posts["platform"] == "facebook") & ~posts["boosted"]]
    reach_share = (organic["reach"] / organic["followers"]).median()
    assert 0.04 / 1.5 <= reach_share <= 0.04 * 1.5 / (1 - calibration.NON_FOLLOWER_REACH_SHARE)


@pytest.mark.parametrize("seed", SEEDS[:2])
def test_posting_frequency_matches_the_client_schedules(seed):
    posts = generate(seed=seed).posts
    weeks = 365 / 7
    per_week = posts.groupby(["client", "platform"], observed=True).size() / weeks
    for (client, platform), rate in per_week.items():
        expected = CLIENT_PROFILES[client].posts_per_week[platform]
        # within 2%, or one post a year for the smallest channels (5 YouTube videos)
        assert rate * weeks == pytest.approx(expected * weeks, rel=0.02, abs=1)


def test_nonprofit_facebook_grows_about_two_point_six_percent_a_month():
    rates = []
    for seed in SEEDS:
        followers = generate(seed=seed).followers
        fb = followers[
            (followers["client"] == "nonprofit") & (followers["platform"] == "facebook")
        ]["followers"]
        rates.append((fb.iloc[-1] / fb.iloc[0]) ** (1 / 12) - 1)
    assert float(np.mean(rates)) == pytest.approx(calibration.MONTHLY_NET_GROWTH, abs=0.006)


def test_campaign_costs_sit_near_the_illustrative_bangladesh_medians():
    campaigns = generate(30_000, seed=5).campaigns
    cpm = campaigns["spend"] / campaigns["impressions"] * 1000
    meta = campaigns["platform"].isin(["facebook", "instagram"])
    assert cpm[meta].median() == pytest.approx(calibration.CPM_MEDIAN_BDT, rel=0.2)
    cpc = campaigns["spend"] / campaigns["clicks"]
    assert cpc[meta].median() == pytest.approx(calibration.CPC_MEDIAN_BDT, rel=0.2)


# ---------------------------------------------------------------- the stories
def test_reels_and_carousels_beat_images_on_instagram(big_posts):
    instagram = big_posts[big_posts["platform"] == "instagram"]
    rate = (
        (engagements(instagram) / instagram["followers"])
        .groupby(instagram["format"], observed=True)
        .median()
    )
    assert rate["short_video"] > 1.3 * rate["image"]
    assert rate["carousel"] > 1.2 * rate["image"]


def test_links_do_worst_on_facebook(big_posts):
    facebook = big_posts[big_posts["platform"] == "facebook"]
    rate = (
        (engagements(facebook) / facebook["followers"])
        .groupby(facebook["format"], observed=True)
        .median()
    )
    assert rate.idxmin() == "link"


def test_boosted_posts_reach_more_people(big_posts):
    share = (big_posts["reach"] / big_posts["followers"]).groupby(big_posts["boosted"]).median()
    assert share[True] > 2 * share[False]


def test_weekend_engages_less_than_the_dhaka_working_week(big_posts):
    rate = engagements(big_posts) / big_posts["followers"]
    weekday = big_posts["published_at"].dt.day_of_week
    weekend = rate[weekday.isin([4, 5])].median()  # Friday, Saturday
    working = rate[weekday.isin([6, 0, 1, 2, 3])].median()  # Sunday–Thursday
    assert weekend < 0.85 * working


def test_late_morning_beats_the_small_hours(big_posts):
    rate = engagements(big_posts) / big_posts["followers"]
    hour = big_posts["published_at"].dt.hour
    assert rate[hour.between(10, 12)].median() > 1.5 * rate[hour.between(1, 4)].median()


def test_special_days_spike_in_posts_and_engagement(big_posts):
    day = big_posts["published_at"].dt.strftime("%m-%d")
    special = day.isin(["02-21", "03-26", "04-14", "12-16"])
    posts_per_day = big_posts.groupby(day).size()
    assert posts_per_day[["02-21", "04-14"]].min() > 2 * posts_per_day.median()
    rate = engagements(big_posts) / big_posts["followers"]
    assert rate[special].median() > 1.6 * rate[~special].median()


def test_weekend_messages_wait_longer_for_a_reply():
    inbox = generate(20_000, seed=9).inbox
    wait = (inbox["responded_at"] - inbox["received_at"]).dt.total_seconds() / 3600
    weekend = inbox["received_at"].dt.day_of_week.isin([4, 5])
    assert wait[weekend].median() > 3 * wait[~weekend].median()


def test_engagement_rate_falls_as_the_audience_grows(big_posts):
    facebook = big_posts[big_posts["platform"] == "facebook"]
    rate = engagements(facebook) / facebook["followers"]
    small = rate[facebook["client"] == "nonprofit"].median()  # the smaller audience
    large = rate[facebook["client"] == "business"].median()
    assert small > large


def test_calibration_tables_cover_every_platform_and_format():
    calibration._check()
