"""The platform advice is sourced and consistent: one hours figure per platform, Bangladesh
audiences from published counts, and messaging channels kept apart from the feeds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from smm_helpers import platforms as pl
from smm_helpers.errors import InputError
from smm_helpers.schema import PLATFORMS

ALO = pl.OrgProfile(
    kind="nonprofit",
    goals=("donations", "recruitment"),
    ages=(18, 45),
    location="dhaka",
    formats=("image", "short_video"),
    monthly_budget=5000,
    hours_per_week=8,
)
SHOP = pl.OrgProfile(
    kind="small business",
    goals=("sales", "support"),
    ages=(18, 45),
    location="bangladesh",
    formats=("image", "short_video", "text"),
    monthly_budget=10_000,
    hours_per_week=8,
)
B2B = pl.OrgProfile(
    kind="b2b", goals=("recruitment", "leads"), location="dhaka", formats=("text", "carousel")
)

ANCHORS = {
    "rival-iq-benchmarks",
    "paid-media-ranges-2026",
    "bd-boosting-anecdotes",
    "posting-frequency",
    "sociavault-2026",
    "twitter-text-v3",
    "x-premium-length",
    "instagram-limits",
    "instagram-hashtags-2025",
    "linkedin-limits",
    "facebook-post-length",
    "youtube-data-api",
    "datareportal-bangladesh",
}


def _printed_needs(rec: pl.Recommendation) -> dict[str, float]:
    """The hours each ranked platform 'needs', read back from the printed explanations."""
    needs = {}
    for pid in rec.ranking:
        found = re.search(r"it needs about ([\d.]+) \(course estimate\)", rec.explain(pid))
        assert found, rec.explain(pid)
        needs[pid] = float(found.group(1))
    return needs


@pytest.mark.parametrize("org", [ALO, SHOP, B2B], ids=["alo", "shop", "b2b"])
def test_the_focus_is_exactly_what_the_printed_hours_allow(org: pl.OrgProfile) -> None:
    for hours in (0, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 30):
        rec = pl.recommend_platforms(org, hours_per_week=hours)
        needs = _printed_needs(rec)
        # one figure: what explain prints is what the profile and the advice hold
        for pid, need in needs.items():
            assert need == rec.minimum_hours[pid] == pl.get_platform(pid).effort.value
            assert f"{rec.names[pid]} ({need:g} h)" in rec.advice or pid not in rec.focus
        answering = sum(rec.minimum_hours[p] for p in rec.messaging)
        left = max(0.0, hours - answering)
        expected: list[str] = []
        used = 0.0
        for pid in rec.ranking:  # the top of the ranking, as long as the printed hours fit
            if expected and used + needs[pid] > left:
                break
            expected.append(pid)
            used += needs[pid]
        assert rec.focus == expected, (hours, rec.advice)
        assert rec.hours_used == pytest.approx(answering + used)
        assert f"With {hours:g} hours a week" in rec.advice
        if len(rec.focus) < len(rec.ranking):
            assert f"focus on {len(rec.focus)} platform" in rec.advice
            if rec.hours_used <= hours:
                following = rec.ranking[len(rec.focus)]
                assert used + needs[following] > left  # the next one really does not fit
                assert (
                    f"the next, {rec.names[following]}, needs {needs[following]:g} h" in rec.advice
                )
            else:
                assert len(rec.focus) == 1 and "more than your" in rec.advice


def test_alo_eight_hours_give_two_platforms_and_three_hours_one() -> None:
    assert len(pl.recommend_platforms(ALO).focus) == 2
    assert len(pl.recommend_platforms(ALO, hours_per_week=4).focus) == 1
    assert len(pl.recommend_platforms(ALO, hours_per_week=3).focus) == 1


def test_bangladesh_strength_is_users_divided_by_facebooks_in_the_same_count() -> None:
    for pid in (*PLATFORMS, "messenger", "whatsapp"):
        audience = pl.get_platform(pid).audience
        if pid in pl.BANGLADESH_USERS:
            figure, facebook = pl.BANGLADESH_USERS[pid]
            assert audience.users is figure
            assert audience.reach["bangladesh"] == pytest.approx(
                min(1, figure.value / facebook), abs=0.005
            )
            assert "sources.md#datareportal-bangladesh" in figure.source
            assert figure.unit == "million users in Bangladesh"
            assert re.search(r"\b(19|20)\d\d\b", figure.source + figure.note), pid  # dated
            if figure.status != "sourced":
                assert "UNCERTAIN" in str(figure)
        else:  # TikTok and WhatsApp: no count the course could open
            assert audience.users is None and audience.status == "course estimate"
            assert "UNCERTAIN" in audience.source
    assert pl.get_platform("facebook").audience.reach["bangladesh"] == 1


def test_a_dhaka_charity_ranks_tiktok_above_x_and_facebook_first() -> None:
    rec = pl.recommend_platforms(ALO)
    assert rec.ranking[0] == "facebook"
    assert rec.ranking.index("tiktok") < rec.ranking.index("x")
    reason = rec.reasons().loc["x", "audience"]
    assert "0.3 M users vs Facebook's 33 M" in reason and "UNCERTAIN" in reason


def test_messaging_channels_are_not_feeds_and_are_never_ranked() -> None:
    assert pl.known_platforms() == PLATFORMS
    for pid in ("messenger", "whatsapp"):
        profile = pl.get_platform(pid)
        assert profile.role == "messaging" and "not posting" in str(profile)
    assert pl.get_platform("Facebook Messenger").id == "messenger"
    assert pl.get_platform("WhatsApp Business").id == "whatsapp"
    rec = pl.recommend_platforms(ALO)
    assert not {"messenger", "whatsapp"} & set(rec.ranking) and rec.messaging == []
    assert "not feeds to post on" in rec.advice and "'support'" in rec.advice
    with pytest.raises(InputError, match=r"(?s)messaging channel, not a feed.*rec\.messaging"):
        rec.explain("WhatsApp")
    with pytest.raises(InputError, match="no platform to rank"):
        pl.recommend_platforms(ALO, platforms=["messenger", "whatsapp"])


def test_a_support_goal_sets_hours_aside_for_answering_messages_first() -> None:
    rec = pl.recommend_platforms(SHOP)
    assert rec.messaging == ["messenger", "whatsapp"]  # Messenger has the larger audience
    assert rec.advice.startswith(
        "With 8 hours a week, answer messages on Messenger (2 h) and WhatsApp (1.5 h), then "
        "focus on"
    )
    assert rec.hours_used <= 8
    assert pl.recommend_platforms(SHOP, hours_per_week=3).messaging == ["messenger"]
    only_feeds = pl.recommend_platforms(SHOP, platforms=["facebook", "instagram"])
    assert only_feeds.messaging == [] and "messaging" not in only_feeds.advice


def test_every_builtin_source_cites_the_sources_page_and_never_the_old_notes() -> None:
    text = Path(pl.__file__).read_text(encoding="utf-8")
    for banned in ("facts.md", "facts §", "reference/facts", "reference facts"):
        assert banned not in text
    for profile in pl.PlatformRegistry.with_builtins():
        for name, figure in profile.figures.items():
            cited = set(re.findall(r"sources\.md#([a-z0-9-]+)", figure.source))
            if figure.status in ("sourced", "uncertain", "illustrative"):
                assert cited, f"{profile.id}.{name}: {figure.source}"
            assert cited <= ANCHORS, cited - ANCHORS
