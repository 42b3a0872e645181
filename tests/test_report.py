"""The client report: right numbers, honest comparisons, escaped text, self-contained files."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from smm_helpers.errors import InputError
from smm_helpers.report import Kpi, Period, build_report, gather_content, recommendations
from smm_helpers.report.recommend import format_rule, weekend_reply_rule
from tests.conftest import system_part_missing

TZ = "Asia/Dhaka"
EVIL_CAPTION = '<script>alert("hi")</script> & <b>bold</b>'


def _posts() -> pd.DataFrame:
    """Two nonprofit posts in 1–10 Jan 2025, three in 11–20 Jan, and one business post."""
    rows = [
        # client, time, platform, format, caption, reach, impressions, reactions, comments,
        # shares, saves, link_clicks, spend
        (
            "nonprofit",
            "2025-01-03 10:00",
            "facebook",
            "image",
            "Old post one",
            1000,
            1500,
            40,
            5,
            3,
            2,
            10,
            0.0,
        ),
        (
            "nonprofit",
            "2025-01-08 18:00",
            "instagram",
            "carousel",
            "Old post two",
            500,
            700,
            30,
            4,
            1,
            5,
            0,
            0.0,
        ),
        (
            "nonprofit",
            "2025-01-12 09:00",
            "facebook",
            "link",
            EVIL_CAPTION,
            2000,
            2600,
            20,
            2,
            1,
            1,
            30,
            500.0,
        ),
        (
            "nonprofit",
            "2025-01-15 20:00",
            "instagram",
            "carousel",
            "পড়ার আসর দৃষ্টিভঙ্গি",
            800,
            1000,
            70,
            9,
            6,
            11,
            4,
            0.0,
        ),
        (
            "nonprofit",
            "2025-01-20 23:30",
            "x",
            "text",
            "Late-night tweet",
            300,
            450,
            6,
            1,
            0,
            0,
            2,
            0.0,
        ),
        (
            "business",
            "2025-01-14 12:00",
            "facebook",
            "image",
            "Not our client",
            9999,
            9999,
            999,
            99,
            9,
            9,
            99,
            0.0,
        ),
    ]
    columns = [
        "client",
        "published_at",
        "platform",
        "format",
        "caption",
        "reach",
        "impressions",
        "reactions",
        "comments",
        "shares",
        "saves",
        "link_clicks",
        "spend",
    ]
    frame = pd.DataFrame(rows, columns=columns)
    frame["published_at"] = pd.to_datetime(frame["published_at"]).dt.tz_localize(TZ)
    frame.insert(0, "post_id", [f"P{i}" for i in range(len(frame))])
    frame["language"] = "en"
    frame["pillar"] = "stories"
    frame["followers"] = 5000
    frame["video_views"] = 0
    frame["boosted"] = frame["spend"] > 0
    return frame


def _followers() -> pd.DataFrame:
    days = pd.to_datetime(["2025-01-01", "2025-01-10", "2025-01-20"])
    return pd.DataFrame(
        {
            "date": list(days) * 2,
            "client": "nonprofit",
            "platform": ["facebook"] * 3 + ["instagram"] * 3,
            "followers": [1000, 1040, 1100, 500, 520, 515],
        }
    )


def _inbox() -> pd.DataFrame:
    received = pd.to_datetime(
        [
            "2025-01-05 10:00",
            "2025-01-12 10:00",
            "2025-01-13 10:00",
            "2025-01-16 10:00",
            "2025-01-18 10:00",
        ]
    ).tz_localize(TZ)
    responded = pd.to_datetime(
        ["2025-01-05 11:00", "2025-01-12 12:00", None, "2025-01-17 16:00", "2025-01-18 11:00"]
    ).tz_localize(TZ)
    return pd.DataFrame(
        {
            "message_id": [f"M{i}" for i in range(5)],
            "client": "nonprofit",
            "platform": "facebook",
            "received_at": received,
            "responded_at": responded,
            "category": "question",
            "language": "en",
            "text": "hello",
        }
    )


def _campaigns() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "campaign_id": ["C1"],
            "client": "nonprofit",
            "platform": "facebook",
            "objective": "donations",
            "start_date": pd.to_datetime(["2025-01-16"]),
            "end_date": pd.to_datetime(["2025-01-25"]),
            "budget": [2000.0],
            "spend": [1000.0],
            "impressions": [50000],
            "clicks": [800],
            "conversions": [20],
            "conversion_value": [6000.0],
        }
    )


def _tables() -> dict[str, pd.DataFrame]:
    return {
        "posts": _posts(),
        "followers": _followers(),
        "inbox": _inbox(),
        "campaigns": _campaigns(),
    }


def _current(frame: pd.DataFrame) -> pd.DataFrame:
    """The nonprofit's posts of 11–20 Jan, picked independently of the report code."""
    local = frame["published_at"].dt.tz_convert(TZ)
    return frame[
        (frame["client"] == "nonprofit")
        & (local >= pd.Timestamp("2025-01-11", tz=TZ))
        & (local < pd.Timestamp("2025-01-21", tz=TZ))
    ]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("report")
    files = build_report(
        posts=_posts(),
        followers=_followers(),
        inbox=_inbox(),
        campaigns=_campaigns(),
        start="2025-01-11",
        end="2025-01-20",
        out_dir=out,
    )
    assert files.html is not None
    return files, files.html.read_text(encoding="utf-8")


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.links: list[str] = []
        self.images: list[dict[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        values = dict(attrs)
        self.links += [v for k, v in attrs if k in ("src", "href") and v]
        if tag == "img":
            self.images.append(values)

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector


def test_html_parses_and_is_self_contained(report):
    _, html = report
    page = _parse(html)
    assert "table" in page.tags and "img" in page.tags
    assert not [tag for tag in page.tags if tag in ("script", "link", "iframe")]
    external = [link for link in page.links if re.match(r"(https?:)?//", link)]
    assert not external
    assert all(link.startswith("data:image/png;base64,") for link in page.links)
    assert "url(" not in html and "@import" not in html


def test_every_chart_has_alt_text(report):
    images = _parse(report[1]).images
    assert len(images) == 3  # platforms, weekly trend, campaign funnel
    assert all(len(str(img.get("alt") or "")) > 30 for img in images)


def test_kpis_match_sums_computed_from_the_raw_posts(report):
    text = " ".join(_parse(report[1]).text)
    posts = _current(_posts())
    engaged = posts[["reactions", "comments", "shares", "saves"]].sum().sum()
    reach = posts["reach"].sum()
    assert f"{reach:,}" in text
    assert f"{posts['impressions'].sum():,}" in text
    assert f"{engaged:,}" in text
    assert f"{engaged / reach:.2%}" in text
    assert f"{posts['link_clicks'].sum():,}" in text


def test_business_posts_are_left_out_of_a_nonprofit_report(report):
    assert "Not our client" not in report[1]
    assert "9,999" not in report[1]


def test_previous_period_is_the_same_length_just_before():
    content = gather_content(_tables(), start="2025-01-11", end="2025-01-20")
    assert str(content.previous) == "01 Jan 2025 – 10 Jan 2025"
    kpis = {kpi.key: kpi for kpi in content.kpis}
    assert (kpis["posts"].current, kpis["posts"].previous) == (3, 2)
    assert kpis["posts"].change_text == "+50%"
    # reach 3,100 now vs 1,500 before
    assert (kpis["reach"].current, kpis["reach"].previous) == (3100, 1500)
    assert kpis["reach"].arrow == "▲" and kpis["reach"].verdict == "better"
    # engagements 127 of 3,100 reach now, 90 of 1,500 before: the rate fell
    assert kpis["er_reach"].current == pytest.approx(127 / 3100)
    assert kpis["er_reach"].verdict == "worse"
    assert kpis["er_reach"].change_text == f"{(127 / 3100 - 90 / 1500) * 100:+.2f} pts"


def test_follower_growth_counts_from_the_day_before_the_period():
    kpis = {k.key: k for k in gather_content(_tables(), start="2025-01-11", end="2025-01-20").kpis}
    # facebook 1040 -> 1100 (+60), instagram 520 -> 515 (-5)
    assert kpis["follower_growth"].current == 55
    # previous period: both platforms' first day counts as the start
    assert kpis["follower_growth"].previous == (1040 - 1000) + (520 - 500)


def test_spend_and_cost_per_result_spread_campaigns_over_their_days():
    kpis = {k.key: k for k in gather_content(_tables(), start="2025-01-11", end="2025-01-20").kpis}
    share = 5 / 10  # 16–20 Jan of a 16–25 Jan campaign
    assert kpis["spend"].current == pytest.approx(500 + 1000 * share)
    assert kpis["cost_per_donation"].current == pytest.approx(1000 * share / (20 * share))
    assert kpis["cost_per_donation"].change_text == "no previous data"


def test_response_kpis_use_messages_received_in_the_period():
    kpis = {k.key: k for k in gather_content(_tables(), start="2025-01-11", end="2025-01-20").kpis}
    # 4 messages: answered after 2 h, never, 30 h, 1 h
    assert kpis["response_rate"].current == pytest.approx(3 / 4)
    assert kpis["median_response_hours"].current == pytest.approx(2.0)
    assert kpis["within_sla"].current == pytest.approx(2 / 4)


def test_first_period_of_the_data_says_no_previous_data():
    content = gather_content(_tables(), start="2025-01-01", end="2025-01-10")
    assert not content.has_previous
    assert {k.change_text for k in content.kpis} == {"no previous data"}


def test_captions_are_escaped_not_run(report):
    html = report[1]
    assert "<script" not in html
    assert "&lt;script&gt;" in html
    assert "<b>bold</b>" not in html


def test_bengali_captions_appear_whole(report):
    assert "পড়ার আসর দৃষ্টিভঙ্গি" in report[1]


def test_pdf_is_the_html_printed_by_an_engine(report):
    files, _ = report
    if files.pdf is None:
        system_part_missing(f"no HTML-to-PDF engine: {files.pdf_skipped}")
    data = Path(files.pdf).read_bytes()
    assert data.startswith(b"%PDF")
    assert files.pdf_engine in ("weasyprint", "chromium")
    assert files.pdf_pages >= 2  # tests/test_report_pdf.py reads the pages with poppler


def test_report_files_lists_what_was_written(tmp_path):
    files = build_report(
        posts=_posts(), start="2025-01-11", end="2025-01-20", out_dir=tmp_path, formats=("html",)
    )
    assert files.paths == [tmp_path / "report.html"]
    assert files.pdf is None


def test_defaults_report_the_30_days_up_to_the_latest_post():
    content = gather_content(
        {"posts": _posts(), "followers": None, "inbox": None, "campaigns": None}
    )
    assert str(content.period) == "22 Dec 2024 – 20 Jan 2025"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"start": "2025-01-20", "end": "2025-01-11"}, "start .* is after end"),
        (
            {"start": "2025-03-01", "end": "2025-03-31"},
            "no posts from 01 Mar 2025.*between 03 Jan 2025 and 20 Jan 2025",
        ),
        ({"client": "charity"}, "'charity' is not a client.*nonprofit, business"),
        ({"formats": ("docx",)}, "'docx' is not a report format.*html, pdf"),
        ({"start": "someday"}, "start='someday' is not a date"),
    ],
)
def test_bad_input_gets_a_teaching_error(tmp_path, kwargs, message):
    with pytest.raises(InputError, match=f"(?s){message}"):
        build_report(posts=_posts(), out_dir=tmp_path, **kwargs)


def test_format_rule_speaks_only_when_the_numbers_differ():
    def posts(carousel_reactions: int) -> pd.DataFrame:
        return pd.DataFrame(
            {
                "format": ["carousel"] * 10 + ["link"] * 10,
                "reach": [100] * 20,
                "reactions": [carousel_reactions] * 10 + [5] * 10,
                "comments": 0,
                "shares": 0,
                "saves": 0,
            }
        )

    advice = format_rule(posts(21))
    assert advice is not None
    assert "4.2× the engagement rate by reach of link posts (21.00% vs 5.00%)" in advice
    assert format_rule(posts(6)) is None  # 1.2× is not enough to act on


def test_format_rule_ignores_formats_with_too_few_posts():
    # 9 video posts at 18× the rate of 10 link posts: still too few to act on, as in review
    posts = pd.DataFrame(
        {
            "format": ["video"] * 9 + ["link"] * 10,
            "reach": [100] * 19,
            "reactions": [90] * 9 + [5] * 10,
            "comments": 0,
            "shares": 0,
            "saves": 0,
        }
    )
    assert format_rule(posts) is None
    assert format_rule(pd.concat([posts, posts.head(1)])) is not None


def test_weekend_rule_uses_the_bangladesh_weekend():
    def inbox(day: str) -> pd.DataFrame:
        received = [f"{day} 10:00"] * 10 + ["2025-01-06 10:00"] * 10  # then Mondays
        answered = [f"{day} 18:00"] * 10 + ["2025-01-06 11:00"] * 10
        return pd.DataFrame(
            {"received_at": pd.to_datetime(received), "responded_at": pd.to_datetime(answered)}
        )

    friday = weekend_reply_rule(inbox("2025-01-03"))
    assert friday is not None and "8.0× longer" in friday
    assert weekend_reply_rule(inbox("2025-01-05")) is None  # Sunday is a working day


def test_recommendations_quote_the_engagement_rate_change():
    advice = recommendations(pd.DataFrame(), None, [Kpi("er_reach", 0.05, 0.04)])
    assert any("rose from 4.00% to 5.00%" in text for text in advice)


def test_period_rejects_reversed_dates():
    with pytest.raises(InputError, match="swap them"):
        Period.from_dates("2025-02-01", "2025-01-01")
