"""Tests for smm_helpers.ethics: disclosures, black-hat signals, claims, fake engagement."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smm_helpers import ethics
from smm_helpers.errors import DataError, InputError
from smm_helpers.ethics import (
    black_hat_signals,
    check_disclosure,
    detect_fake_engagement,
    evaluate_fake_engagement,
    inject_fake_engagement,
    unsourced_claims,
)

# ------------------------------------------------------------------ disclosure


@pytest.mark.parametrize(
    "label",
    [
        "#ad",
        "#sponsored",
        "Advertisement:",
        "Paid partnership with Aarong",
        "#AarongPartner",
        "#BrandAmbassador",
        "বিজ্ঞাপন",
        "#স্পনসরড",
    ],
)
def test_clear_labels_at_the_start_pass(label: str) -> None:
    result = check_disclosure(f"{label} My Eid look from the new collection!")
    assert result.ok, result.problems


@pytest.mark.parametrize(
    "label", ["sp", "#spon", "collab", "#thanksAarong", "#ambassador", "#partner"]
)
def test_ambiguous_labels_alone_are_flagged(label: str) -> None:
    result = check_disclosure(f"{label} My Eid look from the new collection!")
    assert not result.ok
    assert any("ambiguous" in problem for problem in result.problems)


def test_ad_as_seventh_of_ten_trailing_hashtags_is_buried() -> None:
    tags = [
        "#eid",
        "#style",
        "#dhaka",
        "#fashion",
        "#ootd",
        "#love",
        "#ad",
        "#shoes",
        "#summer",
        "#bd",
    ]
    result = check_disclosure("Loving these sandals. " + " ".join(tags))
    assert not result.ok
    assert any("hashtag 7 of 10" in problem for problem in result.problems)


def test_a_label_after_the_fold_is_flagged() -> None:
    text = "x" * 130 + " #ad"
    result = check_disclosure(text)
    assert any("after the ~125-character" in problem for problem in result.problems)


def test_platform_paid_partnership_tag_alone_is_not_enough() -> None:
    alone = check_disclosure("Loving these sandals", platform_label=True)
    assert not alone.ok
    assert any("platform tool is enough" in p for p in alone.problems)
    both = check_disclosure("#ad Loving these sandals", platform_label=True)
    assert both.ok
    assert any("as well as" in note for note in both.notes)


def test_no_relationship_needs_no_label() -> None:
    assert check_disclosure("My own photo of the river", sponsored=False).ok


def test_ad_inside_another_word_is_not_a_label() -> None:
    assert not check_disclosure("#adventure time in Sylhet").ok


def test_disclosure_check_shows_itself() -> None:
    result = check_disclosure("#spon nice shoes")
    assert str(result).startswith("Disclosure needs work")
    assert "16 CFR Part 255" in result._repr_html_()
    assert "ok=False" in repr(result)


def test_check_disclosure_rejects_bad_input() -> None:
    with pytest.raises(InputError, match="text is empty"):
        check_disclosure("")
    with pytest.raises(InputError, match="'insta' is not a platform SMM Lab knows"):
        check_disclosure("#ad hi", platform="insta")


# ------------------------------------------------------------------ black hat


def test_instagram_hashtag_cap_is_five() -> None:
    caption = "Big Eid sale this weekend at our Dhanmondi shop, come early "
    five = caption + " ".join(f"#t{i}" for i in range(5))
    six = caption + " ".join(f"#t{i}" for i in range(6))
    assert black_hat_signals(five, platform="instagram") == []
    assert [s.kind for s in black_hat_signals(six, platform="instagram")] == ["hashtag stuffing"]
    assert black_hat_signals(six, platform="facebook") == []  # under the rule of thumb of 10


def test_keyword_stuffing_is_flagged_with_the_word() -> None:
    text = "Best biryani Dhaka, biryani delivery, biryani deals, order biryani, biryani now"
    signals = black_hat_signals(text)
    assert [s.kind for s in signals] == ["keyword stuffing"]
    assert "'biryani' 5 times" in signals[0].evidence


@pytest.mark.parametrize(
    "text",
    [
        "Like if you agree!",
        "Tag 3 friends who love books",
        "Comment YES for the link",
        "Type amen if you believe",
        "শেয়ার করুন যদি আপনি একমত",
        "সবাই লাইক দিন",
    ],
)
def test_engagement_bait_in_english_and_bengali(text: str) -> None:
    signals = black_hat_signals(text)
    assert [s.kind for s in signals] == ["engagement bait"]
    assert "general knowledge" in signals[0].source


def test_short_link_with_free_offer_and_fake_urgency() -> None:
    kinds = [s.kind for s in black_hat_signals("FREE gift for you: bit.ly/abc — hurry!")]
    assert kinds == ["shortened link with a free offer", "urgency pressure"]


def test_black_hat_signals_rejects_bad_input() -> None:
    with pytest.raises(InputError, match="text must be a string, not int"):
        black_hat_signals(5)  # type: ignore[arg-type]


# ------------------------------------------------------------------ claims


def test_article_000_figure_is_flagged_without_a_source() -> None:
    claims = unsourced_claims("Why social media? 89% of charities use it. 45% say it helps.")
    assert [c.evidence for c in claims] == ["89%", "45%"]
    assert claims[0].sentence == "89% of charities use it."


@pytest.mark.parametrize(
    "source",
    [
        "Source: Sage survey",
        "(Sage, 2012)",
        "according to Sage North America",
        "https://example.org/report",
        "সূত্র: সেজ জরিপ",
    ],
)
def test_a_nearby_source_clears_the_claim(source: str) -> None:
    assert unsourced_claims(f"88% of nonprofits use social media {source}.") == []


def test_vague_according_to_studies_is_not_a_source() -> None:
    claims = unsourced_claims("According to studies, 3 out of 4 donors give online.")
    assert [c.kind for c in claims] == ["statistic"]


def test_bengali_claims_are_found() -> None:
    claims = unsourced_claims("গবেষণায় দেখা গেছে ১০ লাখ মানুষ অনলাইনে দান করেন।")
    assert {c.kind for c in claims} == {"big number", "appeal to research"}


def test_unsourced_claims_rejects_empty_text() -> None:
    with pytest.raises(InputError, match="text is empty"):
        unsourced_claims(" ")


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=1, max_size=60).filter(str.strip))
def test_claims_always_quote_a_sentence_of_the_text(text: str) -> None:
    for claim in unsourced_claims(text):
        assert claim.evidence in claim.sentence
        assert claim.sentence in text


# ------------------------------------------------------------------ fake engagement


def _smooth(days: int = 90, seed: int = 0) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A smooth synthetic account: steady follower growth with noise, one post a day."""
    rng = np.random.default_rng(seed)
    dates = pd.date_range("2026-01-01", periods=days, tz="Asia/Dhaka")
    rows, posts = [], []
    for client, platform, base in (
        ("nonprofit", "facebook", 20_000),
        ("business", "instagram", 8_000),
    ):
        gains = rng.poisson(base * 0.002, days)
        rows.append(
            pd.DataFrame(
                {
                    "date": dates.tz_localize(None),
                    "client": client,
                    "platform": platform,
                    "followers": base + gains.cumsum(),
                }
            )
        )
        reach = rng.integers(800, 1500, days)
        posts.append(
            pd.DataFrame(
                {
                    "post_id": [f"{client[:2]}{i}" for i in range(days)],
                    "client": client,
                    "platform": platform,
                    "published_at": dates + pd.Timedelta(hours=10),
                    "reach": reach,
                    "reactions": (reach * rng.uniform(0.04, 0.06, days)).astype(int),
                    "comments": (reach * rng.uniform(0.004, 0.008, days)).astype(int),
                    "shares": (reach * rng.uniform(0.002, 0.004, days)).astype(int),
                    "saves": 2,
                    "followers": 0,
                }
            )
        )
    return pd.concat(posts, ignore_index=True), pd.concat(rows, ignore_index=True)


def test_clean_smooth_data_raises_no_alarm() -> None:
    posts, followers = _smooth()
    report = detect_fake_engagement(posts, followers)
    assert len(report) == 0


def test_injected_fake_traffic_is_found_on_smooth_data() -> None:
    posts, followers = _smooth()
    new_posts, new_followers, labels = inject_fake_engagement(posts, followers, seed=7, n_events=3)
    report = detect_fake_engagement(new_posts, new_followers)
    bought = labels[labels["kind"] == "bought_followers"]
    assert set(pd.to_datetime(bought["date"])) == set(report.follower_spikes["date"])
    assert set(labels.loc[labels["kind"] == "bot_likes", "post_id"]) == set(
        report.like_spikes["post_id"]
    )


def test_injection_leaves_the_callers_tables_alone_and_keeps_the_jump() -> None:
    posts, followers = _smooth()
    before_posts, before_followers = posts.copy(), followers.copy()
    _, new_followers, labels = inject_fake_engagement(posts, followers, seed=1, n_events=1)
    pd.testing.assert_frame_equal(posts, before_posts)
    pd.testing.assert_frame_equal(followers, before_followers)
    event = labels.iloc[0]
    series = (followers["client"] == event["client"]) & (followers["platform"] == event["platform"])
    after = new_followers.loc[series & (followers["date"] >= event["date"]), "followers"]
    original = followers.loc[series & (followers["date"] >= event["date"]), "followers"]
    assert ((after - original) == event["size"]).all()
    assert event["size"] >= 300


def test_fake_engagement_figures_in_the_docs_match_the_computation() -> None:
    pytest.importorskip("smm_helpers.datasets")
    result = evaluate_fake_engagement(range(10, 15))
    doc = ethics.__doc__ or ""
    for kind, row in result.table.iterrows():
        line = re.search(rf"^{kind}\s+(\d+)\s+(\d+)\s+([\d.]+)\s+([\d.]+)$", doc, re.M)
        assert line, kind
        assert int(line.group(1)) == row["injected"]
        assert int(line.group(2)) == row["flagged"]
        assert float(line.group(3)) == pytest.approx(row["precision"], abs=0.0051)
        assert float(line.group(4)) == pytest.approx(row["recall"], abs=0.0051)
        assert row["precision"] >= 0.8
        assert row["recall"] >= 0.7


def test_templated_comments_from_many_accounts_are_grouped() -> None:
    posts, followers = _smooth(days=20)
    stamp = pd.Timestamp("2026-01-05 10:00")
    comments = pd.DataFrame(
        {
            "post_id": ["no1"] * 6,
            "author": ["a1", "a2", "a3", "a4", "real1", "real2"],
            "text": [
                "Great post @x!!",
                "great post @y",
                "GREAT POST 🔥",
                "Great post @z.",
                "Where is the event?",
                "Loved it",
            ],
            "timestamp": [stamp + pd.Timedelta(hours=h) for h in range(6)],
            "author_age_days": [2, 3, 1, 400, 900, 1200],
        }
    )
    report = detect_fake_engagement(posts, followers, comments=comments)
    table = report.templated_comments
    assert list(table["skeleton"]) == ["great post"]
    assert table.loc[0, "copies"] == 4
    assert table.loc[0, "share_new_accounts"] == pytest.approx(3 / 4)


def test_a_burst_of_comments_within_minutes_is_flagged() -> None:
    posts, followers = _smooth(days=20)
    start = pd.Timestamp("2026-01-05 10:00")
    slow = [start + pd.Timedelta(hours=h) for h in range(24)]
    burst = [start + pd.Timedelta(hours=30, seconds=20 * i) for i in range(12)]
    comments = pd.DataFrame(
        {
            "post_id": "no1",
            "author": [f"u{i}" for i in range(36)],
            "text": [f"comment number {i} {'x' * i}" for i in range(36)],
            "timestamp": slow + burst,
        }
    )
    bursts = detect_fake_engagement(posts, followers, comments=comments).comment_bursts
    assert list(bursts["post_id"]) == ["no1"]
    assert bursts.loc[0, "peak"] == 12


def test_detect_fake_engagement_names_missing_columns() -> None:
    posts, followers = _smooth(days=20)
    with pytest.raises(DataError, match=r"column 'reach'") as error:
        detect_fake_engagement(posts.drop(columns="reach"), followers)
    assert error.value.column == "reach"
    comments = pd.DataFrame({"post_id": ["p"], "text": ["hi"], "timestamp": [pd.Timestamp(0)]})
    with pytest.raises(DataError, match=r"the comments table has no column 'author'"):
        detect_fake_engagement(posts, followers, comments=comments)


def test_detect_fake_engagement_rejects_bad_arguments() -> None:
    posts, followers = _smooth(days=20)
    with pytest.raises(InputError, match="threshold must be positive"):
        detect_fake_engagement(posts, followers, threshold=0)
    with pytest.raises(InputError, match=r"a posts table \(a pandas DataFrame\), got dict"):
        detect_fake_engagement({}, followers)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="pass both posts and followers, or neither"):
        evaluate_fake_engagement(range(1), posts=posts)


def test_report_shows_itself() -> None:
    posts, followers = _smooth(days=20)
    report = detect_fake_engagement(posts, followers)
    assert repr(report).startswith("FakeEngagementReport(follower_spikes=0")
    assert "16 CFR 465.8" in report._repr_html_()


@pytest.mark.parametrize(
    "source", ["(Sage North America)", "(M+R Benchmarks)", "(The Wheel of Ireland)"]
)
def test_a_named_source_in_brackets_counts_as_a_source(source):
    assert unsourced_claims(f"88% of nonprofits use social media {source}.") == []


@pytest.mark.parametrize("aside", ["(see below)", "(really!)", "(৮৯%)"])
def test_an_aside_in_brackets_is_not_a_source(aside):
    claims = unsourced_claims(f"88% of nonprofits use social media {aside}.")
    assert "88%" in [claim.evidence for claim in claims]
