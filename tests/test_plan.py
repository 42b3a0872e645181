"""A SocialMediaPlan reviews the data against its targets and suggests specific corrections."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smm_helpers.errors import DataError, InputError
from smm_helpers.planning import METRICS, SocialMediaPlan, Target
from smm_helpers.planning.plan import MIN_PER_GROUP, PILLAR_TOLERANCE, period_label

# Two weeks, 2026-03-02 (Mon) to 2026-03-15 (Sun); FB5, m5 and C3 fall outside it.
POSTS = pd.DataFrame(
    [
        # id, published_at, platform, format, pillar, reach, impr, react, comm, share, save,
        # clicks, spend, followers
        (
            "FB1",
            "2026-03-02 10:00",
            "facebook",
            "image",
            "impact stories",
            1000,
            2000,
            40,
            5,
            3,
            2,
            20,
            0.0,
            5000,
        ),
        (
            "FB2",
            "2026-03-04 10:00",
            "facebook",
            "video",
            "tips",
            2000,
            4000,
            80,
            10,
            6,
            4,
            10,
            500.0,
            5010,
        ),
        (
            "FB3",
            "2026-03-09 10:00",
            "facebook",
            "image",
            "tips",
            1000,
            2000,
            20,
            0,
            0,
            0,
            0,
            0.0,
            5030,
        ),
        (
            "FB4",
            "2026-03-11 10:00",
            "facebook",
            "video",
            "tips",
            1000,
            2000,
            60,
            20,
            10,
            10,
            30,
            0.0,
            5050,
        ),
        (
            "IG1",
            "2026-03-03 19:00",
            "instagram",
            "carousel",
            "impact stories",
            500,
            1000,
            40,
            5,
            3,
            2,
            0,
            0.0,
            2000,
        ),
        (
            "IG2",
            "2026-03-10 19:00",
            "instagram",
            "carousel",
            "tips",
            500,
            1000,
            10,
            0,
            0,
            0,
            0,
            0.0,
            2020,
        ),
        (
            "FB5",
            "2026-03-20 10:00",
            "facebook",
            "image",
            "tips",
            9999,
            9999,
            999,
            0,
            0,
            0,
            999,
            999.0,
            5100,
        ),
    ],
    columns=[
        "post_id",
        "published_at",
        "platform",
        "format",
        "pillar",
        "reach",
        "impressions",
        "reactions",
        "comments",
        "shares",
        "saves",
        "link_clicks",
        "spend",
        "followers",
    ],
).assign(published_at=lambda t: pd.to_datetime(t["published_at"]).dt.tz_localize("Asia/Dhaka"))

FOLLOWERS = pd.DataFrame(
    [
        ("2026-03-01", "facebook", 4990),
        ("2026-03-02", "facebook", 5000),
        ("2026-03-15", "facebook", 5100),
        ("2026-03-20", "facebook", 6000),
        ("2026-03-02", "instagram", 2000),
        ("2026-03-15", "instagram", 2100),
    ],
    columns=["date", "platform", "followers"],
)

INBOX = pd.DataFrame(
    [
        ("m1", "facebook", "2026-03-02 09:00", "2026-03-02 10:00", "question"),
        ("m2", "facebook", "2026-03-06 10:00", "2026-03-06 20:00", "complaint"),  # a Friday
        ("m3", "instagram", "2026-03-03 12:00", "2026-03-03 15:00", "question"),
        ("m4", "instagram", "2026-03-04 12:00", None, "question"),
        ("m5", "facebook", "2026-03-20 12:00", "2026-03-20 12:30", "praise"),
    ],
    columns=["message_id", "platform", "received_at", "responded_at", "category"],
).assign(
    received_at=lambda t: pd.to_datetime(t["received_at"]),
    responded_at=lambda t: pd.to_datetime(t["responded_at"]),
)

CAMPAIGNS = pd.DataFrame(
    [
        ("C1", "facebook", "donations", "2026-03-01", "2026-03-05", 3000.0, 2000.0, 20, 10000.0),
        ("C2", "facebook", "awareness", "2026-03-10", "2026-03-20", 2000.0, 1500.0, 5, 0.0),
        ("C3", "instagram", "donations", "2026-04-01", "2026-04-05", 900.0, 900.0, 9, 900.0),
    ],
    columns=[
        "campaign_id",
        "platform",
        "objective",
        "start_date",
        "end_date",
        "budget",
        "spend",
        "conversions",
        "conversion_value",
    ],
)

PERIOD = {"start": "2026-03-02", "end": "2026-03-15"}


def _plan(*goals: Target, **changes: object) -> SocialMediaPlan:
    settings_ = dict(
        goals=list(goals),
        audience="parents of primary pupils in Dhaka",
        platforms=["facebook", "instagram"],
        pillars={"impact stories": 0.5, "tips": 0.5},
        measurement="Monthly review on the first Sunday",
    )
    settings_.update(changes)
    return SocialMediaPlan(**settings_)  # type: ignore[arg-type]


def _review(
    *goals: Target, tables: dict | None = None, posts: pd.DataFrame = POSTS, **changes: object
):
    data = dict(followers=FOLLOWERS, inbox=INBOX, campaigns=CAMPAIGNS)
    data.update(tables or {})
    return _plan(*goals, **changes).review(posts, **data, **PERIOD)


def _times(table: pd.DataFrame, n: int) -> pd.DataFrame:
    """The same rows n times: shares and rates stay the same, every group gets n times bigger."""
    return pd.concat([table] * n, ignore_index=True)


MANY_POSTS = _times(POSTS, 5)  # 30 posts in the period; facebook: 10 image, 10 video
MANY_MESSAGES = _times(INBOX, MIN_PER_GROUP)  # 10 answered messages on each weekday used


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        (Target("posts_per_week", 1), 6 / 2),
        (Target("posts_per_week", 1, platform="facebook"), 4 / 2),
        (Target("er_reach", 0.01), (50 + 100 + 20 + 100 + 50 + 10) / 6000),
        (Target("er_reach", 0.01, platform="facebook"), 270 / 5000),
        (Target("reach", 1), 6000),
        (Target("link_clicks", 1), 60),
        (Target("ctr", 0.001), 60 / 12000),
        (Target("followers", 1), 5100 + 2100),
        (Target("follower_growth_rate", 0.01), (7200 - 7000) / 7000),
        (Target("follower_growth_rate", 0.01, platform="facebook"), 100 / 5000),
        (Target("response_rate", 0.5), 3 / 4),
        (Target("median_response_hours", 24), 3.0),  # hours 1, 10, 3
        (Target("median_response_hours", 24, platform="facebook"), (1 + 10) / 2),
        (Target("spend", 10_000), 500 + 2000 + 1500),
        (Target("cost_per_donation", 1000), 2000 / 20),  # C1 only: C2 is an awareness campaign
        (Target("donations", 1), 20),
        (Target("conversion_value", 1), 10000),
    ],
    ids=lambda v: str(v) if isinstance(v, Target) else "",
)
def test_review_computes_hand_checked_actuals(target, expected):
    [result] = _review(target).results
    assert result.actual == pytest.approx(expected)


def test_followers_fall_back_to_the_posts_followers_column():
    review = _review(
        Target("followers", 1), Target("follower_growth_rate", 0.001), tables={"followers": None}
    )
    followers, growth = review.results
    assert followers.actual == 5050 + 2020
    assert growth.actual == pytest.approx(70 / 7000)


def test_met_and_gap_follow_the_direction():
    posts, hours = _review(Target("posts_per_week", 4), Target("median_response_hours", 4)).results
    assert (posts.met, posts.gap, posts.gap_pct) == (False, -1.0, -0.25)
    assert hours.target.direction == "at most"
    assert hours.met is True and hours.gap == pytest.approx(-1.0)


def test_table_has_one_row_per_target():
    table = _review(Target("posts_per_week", 4), Target("reach", 5000)).table()
    assert table["metric"].tolist() == ["posts_per_week", "reach"]
    assert table["met"].tolist() == [False, True]
    assert table["gap"].tolist() == [-1.0, 1000.0]


def test_pillar_mix_off_plan_is_corrected_with_both_shares():
    review = _review(posts=MANY_POSTS)
    mix = review.pillar_mix.set_index("pillar")
    assert mix.loc["impact stories", "actual"] == pytest.approx(2 / 6)
    assert mix.loc["tips", "posts"] == 20
    assert (
        "'impact stories' posts were 33% of posts against a planned 50%: schedule more "
        "of them in the content calendar."
    ) in review.corrections
    assert any("'tips' posts were 67%" in c and "fewer" in c for c in review.corrections)


def test_pillar_mix_within_tolerance_needs_no_correction():
    pillars = {"impact stories": 2 / 6 + PILLAR_TOLERANCE / 2, "tips": 4 / 6 - PILLAR_TOLERANCE / 2}
    review = _review(pillars=pillars)
    assert review.corrections == ()
    assert review.ok


def test_an_unplanned_pillar_is_pointed_out():
    review = _review(pillars={"impact stories": 0.4, "events": 0.6}, posts=MANY_POSTS)
    assert any(
        "'tips' posts were 67% of posts but the pillar is not in the plan" in c
        for c in review.corrections
    )


def test_low_posting_frequency_names_each_platform_and_the_shortfall():
    [correction] = [
        c for c in _review(Target("posts_per_week", 5)).corrections if c.startswith("Posting")
    ]
    assert "3.0 posts a week against a planned 5.0 (facebook 2.0, instagram 1.0)" in correction
    assert "Add about 2.0 posts a week" in correction


def test_low_engagement_suggests_the_platforms_best_format_from_the_data():
    review = _review(Target("er_reach", 0.08, platform="facebook"), posts=MANY_POSTS)
    [correction] = [c for c in review.corrections if c.startswith("ER")]
    # video: 5 * (100 + 100) / 15000 = 6.7% over 10 posts, half of Facebook's posts
    assert "ER by reach on facebook was 5.4% against 8.0%" in correction
    assert "best format in this period was video (6.7% over 10 posts), only 50%" in correction


def test_slow_replies_suggest_a_response_rota_and_name_the_slowest_day():
    review = _review(Target("median_response_hours", 2), tables={"inbox": MANY_MESSAGES})
    [correction] = [c for c in review.corrections if c.startswith("Replies")]
    assert "median 3.0 h against at most 2.0 h" in correction
    assert "Slowest on Friday (Bangladesh's weekend) (10.0 h)" in correction
    assert "response rota" in correction


def test_unanswered_messages_are_counted_by_category():
    [correction] = [
        c for c in _review(Target("response_rate", 0.9)).corrections if c.startswith("Only")
    ]
    assert (
        "75.0% of messages (spam left out) got an answer against 90.0%: 1 were never "
        "answered (1 question)"
    ) in correction


def test_results_of_different_objectives_are_not_pooled_or_compared():
    review = _review(Target("cost_per_result", 120), Target("conversions", 1))
    assert [r.measured for r in review.results] == [False, False]
    assert not any("C1" in c and "C2" in c for c in review.corrections)
    assert sum("not the same result" in c for c in review.corrections) == 2


def test_missing_donations_campaign_is_pointed_out():
    review = _review(Target("donations", 10), tables={"campaigns": CAMPAIGNS.iloc[[1]]})
    assert any("no campaign with the objective 'donations'" in c for c in review.corrections)


def test_spending_over_budget_is_a_correction():
    review = _review(budget=3000)
    assert any(
        c.startswith("Spending was 4,000 BDT against a budget of 3,000 BDT (+33%)")
        for c in review.corrections
    )


def test_a_target_without_its_table_is_not_measured_and_asks_for_the_table():
    review = _review(Target("response_rate", 0.9), tables={"inbox": None})
    [result] = review.results
    assert result.status == "not measured" and result.met is None
    assert "Give the inbox table to review response_rate." in review.corrections
    assert not review.ok


def test_a_plan_that_is_on_track_says_so():
    review = _review(
        Target("posts_per_week", 3),
        Target("er_reach", 0.05),
        pillars={"impact stories": 0.3, "tips": 0.7},
    )
    assert review.ok
    assert "Everything is on plan" in str(review)
    assert "2–15 Mar 2026 (2 weeks)" in str(review)
    assert "Everything is on plan" in review._repr_html_()
    assert repr(review) == (
        "PlanReview(2–15 Mar 2026 (2 weeks), 2 of 2 targets met, 0 corrections)"
    )


# --- spam, sample size, baselines, period labels ------------------------------------------------

SPAMMY_INBOX = pd.concat(
    [
        INBOX,
        pd.DataFrame(
            [
                ("s1", "facebook", "2026-03-05 09:00", None, "spam"),
                ("s2", "instagram", "2026-03-07 09:00", None, "spam"),
                ("s3", "facebook", "2026-03-08 09:00", None, " Spam "),
            ],
            columns=["message_id", "platform", "received_at", "responded_at", "category"],
        ).assign(
            received_at=lambda t: pd.to_datetime(t["received_at"]),
            responded_at=lambda t: pd.to_datetime(t["responded_at"]),
        ),
    ],
    ignore_index=True,
)


def test_spam_is_not_counted_as_unanswered_mail():
    # as lesson 01 and assignment 02: inbox[inbox["category"] != "spam"]; 3 of 4 answered
    review = _review(
        Target("response_rate", 0.9),
        Target("median_response_hours", 24),
        tables={"inbox": SPAMMY_INBOX},
    )
    rate, hours = review.results
    assert rate.actual == pytest.approx(3 / 4)
    assert hours.actual == pytest.approx(3.0)
    assert "3 spam messages left out" in rate.describe()
    [correction] = [c for c in review.corrections if c.startswith("Only")]
    assert "1 were never answered (1 question)" in correction
    assert "spam" not in correction.split("(spam left out)")[1]


def test_spam_is_left_out_per_platform_too():
    review = _review(
        Target("response_rate", 0.5, platform="facebook"), tables={"inbox": SPAMMY_INBOX}
    )
    [rate] = review.results
    assert rate.actual == 1.0
    assert "2 spam messages left out" in rate.describe()


def test_no_format_advice_from_a_handful_of_posts():
    # 3 carousel posts that did well are not a reason to "publish more carousels"
    posts = POSTS.iloc[:4].assign(format=["carousel", "image", "carousel", "carousel"])
    review = _review(Target("er_reach", 0.08, platform="facebook"), posts=posts)
    [correction] = [c for c in review.corrections if c.startswith("ER")]
    assert "publish more" not in correction
    assert "Not enough data" in correction and f"at least {MIN_PER_GROUP}" in correction
    assert "4 posts" in correction


def test_no_format_advice_when_only_one_format_has_enough_posts():
    posts = _times(POSTS.iloc[:4], 3).assign(format=["video"] * 10 + ["image"] * 2)
    review = _review(Target("er_reach", 0.5, platform="facebook"), posts=posts)
    [correction] = [c for c in review.corrections if c.startswith("ER")]
    assert "publish more" not in correction
    assert "Not enough data to compare formats" in correction


def test_no_pillar_correction_from_too_few_posts():
    review = _review()  # 6 posts in the period, 2 of them impact stories against 50%
    assert not any("schedule more" in c or "schedule fewer" in c for c in review.corrections)
    assert any(
        c.startswith("Not enough data") and "6 posts" in c and "at least 10" in c
        for c in review.corrections
    )


def test_no_slowest_day_from_a_few_messages():
    review = _review(Target("median_response_hours", 2))  # one message on the Friday
    [correction] = [c for c in review.corrections if c.startswith("Replies")]
    assert "Slowest on" not in correction
    assert f"at least {MIN_PER_GROUP} answered messages per day" in correction


def test_no_pillar_to_share_named_from_too_few_posts():
    review = _review(Target("followers", 99_999))
    [correction] = [c for c in review.corrections if c.startswith("followers")]
    assert "got the most shares" not in correction
    assert "Not enough data" in correction


def test_follower_targets_state_their_baseline_and_the_day_it_was_counted():
    review = _review(Target("followers", 7000), Target("follower_growth_rate", 0.01))
    followers, growth = review.results
    assert followers.baseline == 5000 + 2000 and str(followers.baseline_day) == "2026-03-02"
    assert "baseline 7,000 followers on 2 Mar 2026" in followers.describe()
    assert growth.actual == pytest.approx(200 / 7000)


def test_a_follower_target_already_reached_at_the_baseline_is_pointed_out():
    review = _review(Target("followers", 6500))
    assert review.results[0].met
    [note] = [c for c in review.corrections if "already reached at the baseline" in c]
    assert "7,000 on 2 Mar 2026" in note and "2–15 Mar 2026" in note
    assert "7,350" in note  # +5% from the baseline, not from the old target


def test_growth_is_measured_from_the_last_count_before_the_period():
    # no count on the first day: the baseline is the day before, not a later day inside it
    followers = FOLLOWERS[FOLLOWERS["date"] != "2026-03-02"]
    review = _review(
        Target("follower_growth_rate", 0.01, platform="facebook"), tables={"followers": followers}
    )
    [growth] = review.results
    assert growth.baseline == 4990 and str(growth.baseline_day) == "2026-03-01"
    assert growth.actual == pytest.approx((5100 - 4990) / 4990)


def test_a_baseline_later_than_the_first_day_is_said_out_loud():
    followers = FOLLOWERS[~FOLLOWERS["date"].isin(["2026-03-01", "2026-03-02"])]
    followers = pd.concat(
        [
            followers,
            pd.DataFrame(
                [("2026-03-09", "facebook", 5050)], columns=["date", "platform", "followers"]
            ),
        ]
    )
    review = _review(
        Target("follower_growth_rate", 0.01, platform="facebook"), tables={"followers": followers}
    )
    [growth] = review.results
    assert str(growth.baseline_day) == "2026-03-09"
    assert any(
        "no follower count on or before the first day" in c and "9 Mar 2026" in c
        for c in review.corrections
    )


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [
        ("2026-10-02", "2026-10-31", "2–31 Oct 2026"),
        ("2026-10-01", "2026-10-31", "1–31 Oct 2026"),
        ("2025-10-01", "2025-12-31", "1 Oct – 31 Dec 2025"),
        ("2025-12-29", "2026-01-04", "29 Dec 2025 – 4 Jan 2026"),
        ("2026-03-09", "2026-03-09", "9 Mar 2026"),
    ],
)
def test_period_labels_say_exactly_which_days_they_cover(start, end, label):
    assert period_label(pd.Timestamp(start).date(), pd.Timestamp(end).date()) == label


def test_the_review_names_its_exact_days_and_says_when_the_data_falls_short():
    posts = POSTS.assign(published_at=POSTS["published_at"] + pd.DateOffset(months=7))
    review = _plan(Target("posts_per_week", 1)).review(posts, start="2026-10-01", end="2026-10-31")
    text = str(review)
    assert "1–31 Oct 2026 (31 days; the posts table only runs 2–20 Oct 2026)" in text
    assert "October" not in text
    inside = _plan(Target("posts_per_week", 1)).review(posts, start="2026-10-02", end="2026-10-20")
    assert inside.period == "2–20 Oct 2026 (19 days)"


def test_str_and_html_show_each_target_and_correction():
    review = _review(Target("posts_per_week", 4))
    text = str(review)
    assert "✗ posts_per_week (all) at least 4.0 a week: actual 3.0 a week, gap -1.0 (-25%)" in text
    assert "Corrections:" in text
    assert "✗ missed" in review._repr_html_()


def test_review_does_not_change_the_tables_or_the_callers_lists():
    copies = [t.copy() for t in (POSTS, FOLLOWERS, INBOX, CAMPAIGNS)]
    goals = [Target("posts_per_week", 4)]
    plan = _plan(*goals)
    plan.review(POSTS, FOLLOWERS, INBOX, CAMPAIGNS, **PERIOD)
    goals.append(Target("reach", 1))
    assert len(plan.goals) == 1
    for before, after in zip(copies, (POSTS, FOLLOWERS, INBOX, CAMPAIGNS), strict=True):
        pd.testing.assert_frame_equal(before, after)


def test_days_are_counted_in_dhaka_time():
    utc = POSTS.assign(published_at=POSTS["published_at"].dt.tz_convert("UTC"))
    # FB1 is 2026-03-02 10:00 in Dhaka but 04:00 UTC; a naive table in Dhaka time agrees too
    naive = POSTS.assign(published_at=POSTS["published_at"].dt.tz_localize(None))
    for posts in (utc, naive):
        [result] = _plan(Target("posts_per_week", 1)).review(posts, **PERIOD).results
        assert result.actual == 3.0


def test_default_period_is_the_range_of_the_posts():
    review = _plan(Target("posts_per_week", 1)).review(POSTS)
    assert (str(review.start), str(review.end)) == ("2026-03-02", "2026-03-20")
    assert review.results[0].actual == pytest.approx(7 / (19 / 7))


def test_two_clients_need_the_plan_to_say_whose_it_is():
    both = pd.concat([POSTS.assign(client="nonprofit"), POSTS.assign(client="business")])
    with pytest.raises(InputError, match=r"several clients \(business, nonprofit\)") as error:
        _plan(Target("posts_per_week", 1)).review(both, **PERIOD)
    assert "client='business'" in str(error.value)
    one = _plan(Target("posts_per_week", 1), client="nonprofit").review(both, **PERIOD)
    assert one.results[0].actual == 3.0


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 500), st.integers(1, 5000)), min_size=1, max_size=8))
def test_er_reach_is_total_engagements_over_total_reach_and_between_post_rates(posts):
    table = pd.DataFrame(
        {
            "published_at": pd.date_range("2026-03-02", periods=len(posts), freq="D"),
            "platform": "facebook",
            "reach": [r for _, r in posts],
            "reactions": [e for e, _ in posts],
            "comments": 0,
            "shares": 0,
            "saves": 0,
        }
    )
    [result] = (
        SocialMediaPlan([Target("er_reach", 0.01)], "anyone", ["facebook"]).review(table).results
    )
    rates = [e / r for e, r in posts]
    assert result.actual == pytest.approx(sum(e for e, _ in posts) / sum(r for _, r in posts))
    assert min(rates) - 1e-12 <= result.actual <= max(rates) + 1e-12


def test_the_committed_course_data_can_be_reviewed():
    datasets = pytest.importorskip("smm_helpers.datasets")
    data = datasets.load_course_data()
    plan = SocialMediaPlan(
        goals=[Target(metric, 1 if METRICS[metric].unit != "rate" else 0.01) for metric in METRICS],
        audience="parents and volunteers",
        platforms=["facebook", "instagram", "youtube"],
        pillars={
            "impact stories": 0.3,
            "literacy tips": 0.3,
            "volunteer calls": 0.2,
            "fundraising": 0.2,
        },
        budget=20_000,
        client="nonprofit",
    )
    review = plan.review(
        data.posts, data.followers, data.inbox, data.campaigns, start="2025-03-01", end="2025-03-31"
    )
    assert len(review.results) == len(METRICS)
    # campaign results are measured within one objective only, and March 2025 may hold
    # campaigns of several objectives and no donations campaign
    by_objective = {"cost_per_result", "conversions", "cost_per_donation"}
    assert all(r.measured for r in review.results if r.target.metric not in by_objective)
    assert all(isinstance(c, str) and c for c in review.corrections)


# --- bad input -------------------------------------------------------------------------------


def test_an_unknown_metric_lists_the_allowed_ones():
    with pytest.raises(InputError, match="'likes' is not a plan metric") as error:
        Target("likes", 100)
    assert "posts_per_week, followers, follower_growth_rate, er_reach" in str(error.value)


def test_an_unknown_platform_or_direction_is_refused():
    with pytest.raises(InputError, match="'fb' is not a platform"):
        Target("reach", 100, platform="fb")
    with pytest.raises(InputError, match=r"(?s)'more than' is not a direction.*at least, at most"):
        Target("reach", 100, direction="more than")


def test_a_rate_written_as_a_percentage_is_refused_with_the_fraction():
    with pytest.raises(InputError, match="rates are fractions") as error:
        Target("er_reach", 3)
    assert "write 0.03 for 3%" in str(error.value)


@pytest.mark.parametrize("value", [-1, float("nan"), float("inf"), "5", True])
def test_a_target_that_is_not_a_number_of_0_or_more_is_refused(value):
    with pytest.raises(InputError, match="it must be a number of 0 or more"):
        Target("reach", value)


def test_pillar_shares_not_adding_to_100_percent_show_the_sum():
    with pytest.raises(InputError, match=r"add up to 120%, not 100% \(a 70%, b 50%\)") as error:
        _plan(pillars={"a": 0.7, "b": 0.5})
    assert "take away the extra 20% from one pillar" in str(error.value)


def test_pillar_shares_written_as_percentages_are_explained():
    with pytest.raises(InputError, match="look like percentages") as error:
        _plan(pillars={"a": 30, "b": 70})
    assert "0.3 for 30%" in str(error.value)


def test_a_target_on_a_platform_outside_the_plan_is_refused():
    with pytest.raises(InputError, match="is for tiktok, which is not one of the plan's") as error:
        _plan(Target("reach", 1, platform="tiktok"))
    assert "add 'tiktok' to platforms" in str(error.value)


def test_a_plan_without_platforms_is_refused():
    with pytest.raises(InputError, match="The plan has no platforms"):
        _plan(platforms=[])


def test_a_goal_that_is_not_a_target_is_refused():
    with pytest.raises(InputError, match="is not a Target"):
        _plan(("reach", 100))  # type: ignore[arg-type]


def test_a_period_without_posts_names_the_datas_date_range():
    with pytest.raises(
        InputError, match="no posts on facebook, instagram between 2027-01-01 and 2027-01-31"
    ) as error:
        _plan().review(POSTS, start="2027-01-01", end="2027-01-31")
    assert "the posts table covers 2026-03-02 to 2026-03-20" in str(error.value)


def test_start_after_end_is_refused():
    with pytest.raises(InputError, match=r"start \(2026-03-15\) is after end \(2026-03-02\)"):
        _plan().review(POSTS, start="2026-03-15", end="2026-03-02")


def test_a_start_that_is_not_a_date_is_refused():
    with pytest.raises(InputError, match="start='last month' is not a date"):
        _plan().review(POSTS, start="last month")


def test_a_missing_column_is_named_with_the_columns_there_are():
    with pytest.raises(DataError, match=r"the posts table has no column 'reach' \(it has: "):
        _plan(Target("er_reach", 0.01)).review(POSTS.drop(columns="reach"), **PERIOD)


def test_review_refuses_a_table_that_is_not_a_dataframe():
    with pytest.raises(InputError, match=r"a posts table \(a pandas DataFrame\), got list"):
        _plan().review([1, 2, 3])  # type: ignore[arg-type]


def test_actuals_are_nan_not_inf_when_nothing_was_reached():
    zero = POSTS.assign(reach=0)
    [result] = _plan(Target("er_reach", 0.01)).review(zero, **PERIOD).results
    assert math.isnan(result.actual) and result.status == "not measured"
    assert "no posts data to measure er_reach" in str(
        _plan(Target("er_reach", 0.01)).review(zero, **PERIOD)
    )
