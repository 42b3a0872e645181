"""Platform profiles, the platform registry and the explainable platform ranking."""

from __future__ import annotations

import itertools
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smm_helpers import platforms as pl
from smm_helpers.errors import InputError
from smm_helpers.schema import FORMATS, PLATFORM_NAMES, PLATFORMS

# --------------------------------------------------------------------------------------
# The built-in table
# --------------------------------------------------------------------------------------


def test_builtin_feeds_are_exactly_the_schema_platforms_with_schema_names() -> None:
    registry = pl.PlatformRegistry.with_builtins()
    assert pl.known_platforms(registry) == PLATFORMS
    assert {p.id: p.name for p in registry if p.role == "feed"} == PLATFORM_NAMES
    assert pl.known_platforms(registry, role="messaging") == ("messenger", "whatsapp")
    assert registry.ids == (*PLATFORMS, "messenger", "whatsapp")


def test_builtin_formats_come_from_the_schema() -> None:
    for profile in pl.PlatformRegistry.with_builtins():
        assert set(profile.formats) | set(profile.also_works) <= set(FORMATS)


def test_every_builtin_figure_has_a_source() -> None:
    for profile in pl.PlatformRegistry.with_builtins():
        assert profile.sources, profile.id
        for name, source in profile.sources.items():
            assert source.strip(), f"{profile.id}.{name} has no source"


@pytest.mark.parametrize(
    ("platform", "median"),
    [("facebook", 0.060), ("instagram", 0.47), ("x", 0.035), ("tiktok", 5.69)],
)
def test_engagement_is_the_rival_iq_2023_median(platform: str, median: float) -> None:
    figure = pl.get_platform(platform).engagement
    assert figure is not None
    assert figure.value == pytest.approx(median)
    assert "Rival IQ" in figure.source
    assert "followers" in figure.unit  # the definition travels with the number


def test_linkedin_engagement_is_labelled_uncertain_and_not_comparable() -> None:
    figure = pl.get_platform("linkedin").engagement
    assert figure is not None and figure.uncertain
    assert "impressions" in figure.unit and "not comparable" in figure.unit


def test_bangladesh_prices_are_labelled_illustrative() -> None:
    for profile in pl.PlatformRegistry.with_builtins():
        for figure in (profile.cpm_bdt, profile.cpc_bdt):
            if figure is not None:
                assert figure.status == "illustrative"
                assert "ILLUSTRATIVE" in str(figure)


def test_meta_bangladesh_cpm_is_inside_the_agency_range() -> None:
    cpm = pl.get_platform("facebook").cpm_bdt
    assert cpm is not None and cpm.low is not None and cpm.high is not None
    assert cpm.low <= cpm.value <= cpm.high


def test_derived_bangladesh_prices_keep_the_global_price_ratio() -> None:
    fb, li = pl.get_platform("facebook"), pl.get_platform("linkedin")
    assert fb.cpm_usd is not None and li.cpm_usd is not None
    assert fb.cpm_bdt is not None and li.cpm_bdt is not None
    global_ratio = li.cpm_usd.value / fb.cpm_usd.value
    assert li.cpm_bdt.value / fb.cpm_bdt.value == pytest.approx(global_ratio, rel=1e-3)


def test_x_has_no_invented_ad_price() -> None:
    x = pl.get_platform("x")
    assert x.cpm_usd is None and x.cpm_bdt is None and x.cpc_bdt is None


def test_text_limits_follow_the_sources() -> None:
    assert pl.get_platform("x").text_limits["post"].value == 280
    assert pl.get_platform("instagram").text_limits["caption"].value == 2_200
    assert pl.get_platform("linkedin").text_limits["post"].value == 3_000
    assert pl.get_platform("youtube").text_limits["title"].value == 100
    assert pl.get_platform("youtube").text_limits["description"].unit == "UTF-8 bytes"


def test_profiles_cannot_be_changed_after_building() -> None:
    fb = pl.get_platform("facebook")
    with pytest.raises(AttributeError):
        fb.name = "Meta"  # type: ignore[misc]
    with pytest.raises(TypeError):
        fb.goal_fit["donations"] = 0  # type: ignore[index]


def test_profile_shows_itself_in_text_and_html() -> None:
    fb = pl.get_platform("facebook")
    assert "Facebook" in repr(fb) and "engagement" in str(fb)
    assert "<table>" in fb._repr_html_()


# --------------------------------------------------------------------------------------
# Looking platforms up
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Twitter", "x"),
        ("X", "x"),
        ("X (Twitter)", "x"),
        ("fb", "facebook"),
        ("Facebook", "facebook"),
        ("Insta", "instagram"),
        ("IG", "instagram"),
        ("Tik Tok", "tiktok"),
        ("linked-in", "linkedin"),
        ("YT", "youtube"),
        ("  youtube ", "youtube"),
    ],
)
def test_get_platform_accepts_ids_names_and_nicknames(name: str, expected: str) -> None:
    assert pl.get_platform(name).id == expected


def test_unknown_platform_lists_the_known_ones_and_suggests_the_closest() -> None:
    with pytest.raises(InputError) as error:
        pl.get_platform("instagramm")
    message = str(error.value)
    assert "'instagramm'" in message
    for pid in PLATFORMS:
        assert pid in message
    assert "did you mean 'instagram'" in message


def test_unknown_platform_without_close_match_has_no_suggestion() -> None:
    with pytest.raises(InputError) as error:
        pl.get_platform("qqqqqqqq")
    assert "did you mean" not in str(error.value)


# --------------------------------------------------------------------------------------
# Registering platforms
# --------------------------------------------------------------------------------------


def _threads() -> pl.PlatformProfile:
    return pl.PlatformProfile(
        id="threads",
        name="Threads",
        aliases=("meta threads",),
        formats=("text", "image"),
        audience=pl.Audience((18, 34), "general", {"global": 0.3}),
        effort=pl.Figure(2, "hours per week", "course estimate", "course estimate"),
        goal_fit={"engagement": 2},
    )


def test_registering_into_an_own_registry_leaves_the_shared_one_alone() -> None:
    registry = pl.PlatformRegistry.with_builtins().register(_threads())
    assert registry.get("Meta Threads").id == "threads"
    assert "threads" not in pl.known_platforms()
    with pytest.raises(InputError):
        pl.get_platform("threads")


def test_register_platform_on_the_shared_registry_can_be_undone() -> None:
    pl.register_platform(_threads())
    try:
        assert pl.get_platform("threads").name == "Threads"
        assert pl.known_platforms()[-1] == "threads"
    finally:
        pl.unregister_platform("threads")
    assert pl.known_platforms() == PLATFORMS


def test_a_registered_platform_is_ranked_and_missing_goals_score_zero() -> None:
    registry = pl.PlatformRegistry.with_builtins().register(_threads())
    rec = pl.recommend_platforms(kind="nonprofit", goals=["donations"], registry=registry)
    assert "threads" in rec.ranking
    goal = next(s for s in rec.scores if s.platform == "threads" and s.factor == "goal")
    assert goal.score == 0


def test_registering_the_same_id_twice_needs_replace() -> None:
    registry = pl.PlatformRegistry.with_builtins()
    with pytest.raises(InputError, match=r"(?s)already registered.*replace=True"):
        registry.register(pl.get_platform("facebook"))
    changed = replace(pl.get_platform("facebook"), name="Facebook Page", aliases=())
    registry.register(changed, replace=True)
    assert registry.get("facebook").name == "Facebook Page"


def test_an_alias_that_already_means_another_platform_is_refused() -> None:
    registry = pl.PlatformRegistry.with_builtins()
    clash = replace(_threads(), aliases=("insta",))
    with pytest.raises(InputError, match=r"(?s)'insta' of 'threads' already means 'instagram'"):
        registry.register(clash)
    assert "threads" not in registry


def test_unregister_and_reset() -> None:
    registry = pl.PlatformRegistry.with_builtins()
    registry.unregister("Twitter")
    assert "x" not in registry.ids and len(registry) == 7
    assert pl.known_platforms(registry.reset()) == PLATFORMS


def test_copy_is_independent() -> None:
    registry = pl.PlatformRegistry.with_builtins()
    clone = registry.copy().register(_threads())
    assert "threads" in clone and "threads" not in registry


def test_registering_something_that_is_not_a_profile_is_refused() -> None:
    with pytest.raises(InputError, match=r"(?s)not a PlatformProfile"):
        pl.PlatformRegistry().register({"id": "threads"})  # type: ignore[arg-type]


def test_registry_shows_itself() -> None:
    registry = pl.PlatformRegistry.with_builtins()
    assert "tiktok" in repr(registry)
    assert "<table>" in registry._repr_html_()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"id": "Threads!"}, "not a short lowercase name"),
        ({"name": " "}, "has no name"),
        ({"formats": ()}, "favours no format"),
        ({"formats": ("gif",)}, "'gif' is not a format SMM Lab knows"),
        ({"also_works": ("text",)}, "both as favoured and as 'also works'"),
        ({"goal_fit": {"likes": 2}}, "'likes' is not a goal SMM Lab knows"),
        ({"goal_fit": {"leads": 4}}, "goal fit for 'leads' is 4.*0 \\(poor\\), 1, 2 or 3"),
        (
            {"effort": pl.Figure(0, "hours per week", "course estimate", "course estimate")},
            "needs 0 hours a week",
        ),
    ],
)
def test_a_bad_new_profile_is_refused_with_a_fix(change: dict[str, Any], message: str) -> None:
    with pytest.raises(InputError, match=r"(?s)" + message) as error:
        replace(_threads(), **change)
    assert "How to fix it" in str(error.value)


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: pl.Audience((30, 20), "general", {}), "reversed"),
        (lambda: pl.Audience((5, 20), "general", {}), "outside 13–100"),
        (lambda: pl.Audience((18, 30), "teens", {}), "'teens' is not an audience kind"),
        (lambda: pl.Audience((18, 30), "general", {"mars": 1}), "'mars' is not a location"),
        (lambda: pl.Audience((18, 30), "general", {"global": 2}), "between 0 .* and 1"),
        (lambda: pl.Figure(1, "x", " "), "has no source"),
        (lambda: pl.Figure(1, "x", "s", status="guess"), "'guess' is not a figure status"),
        (lambda: pl.Figure(1, "x", "s", low=5, high=2), "range 5–2 is reversed"),
    ],
)
def test_bad_audiences_and_figures_are_refused(build: object, message: str) -> None:
    with pytest.raises(InputError, match=r"(?s)" + message):
        build()  # type: ignore[operator]


# --------------------------------------------------------------------------------------
# Recommending platforms: clear cases, checked by hand
# --------------------------------------------------------------------------------------


def test_b2b_recruiter_ranks_linkedin_first() -> None:
    # LinkedIn is the only platform scoring 3/3 on recruitment and leads and the only
    # professional audience, which outweighs Meta's cheaper ads.
    rec = pl.recommend_platforms(
        kind="B2B company",
        goals=["recruitment", "leads"],
        ages=(22, 45),
        location="urban Bangladesh",
        formats=["text", "image", "carousel"],
        monthly_budget=20_000,
        hours_per_week=5,
    )
    assert rec.ranking[0] == "linkedin"


def test_youth_short_video_creator_ranks_tiktok_and_instagram_on_top() -> None:
    # Both favour short video, both score 3/3 for engagement, and their core ages
    # (13–29, 18–34) cover a 16–24 audience.
    rec = pl.recommend_platforms(
        kind="creator",
        goals=["engagement", "awareness"],
        ages=(16, 24),
        location="global",
        formats=["short_video"],
        hours_per_week=6,
    )
    assert set(rec.ranking[:2]) == {"tiktok", "instagram"}
    assert rec.ranking.index("linkedin") > 2


def test_bangladeshi_nonprofit_raising_donations_ranks_facebook_first() -> None:
    # Facebook is by far the most used platform in Bangladesh (DataReportal), the only
    # one with reach 1/1 there, and scores 3/3 for donations (fundraisers).
    rec = pl.recommend_platforms(
        {
            "kind": "nonprofit",
            "goals": ["donations"],
            "location": "bangladesh",
            "formats": ["image", "text", "video"],
            "monthly_budget": 5_000,
            "hours_per_week": 5,
        },
    )
    assert rec.ranking[0] == "facebook"


def test_audience_points_match_a_hand_calculation() -> None:
    # Ages 18–45 (28 years) overlap Facebook's 25–54 in 25–45 (21 years): 21/28 = 0.75.
    # Bangladesh strength 1, general audience for a general need 1: √1 × (0.75 + 1) / 2 × 3.
    rec = pl.recommend_platforms(kind="nonprofit", ages=(18, 45), location="bangladesh")
    frame = rec.to_frame()
    assert frame.loc["facebook", "audience"] == pytest.approx(3 * (0.75 + 1) / 2)


def test_a_platform_few_people_use_gets_few_audience_points() -> None:
    # Presence multiplies the fit: a platform with 1% of Facebook's users in Bangladesh
    # earns a tenth (√0.01) of the audience points its ages and kind would give.
    rec = pl.recommend_platforms(kind="nonprofit", location="bangladesh")
    frame = rec.to_frame()
    x = pl.get_platform("x").audience.reach["bangladesh"]
    assert x < 0.05
    assert frame.loc["x", "audience"] < frame.loc["tiktok", "audience"] / 3
    assert list(frame.index).index("x") > list(frame.index).index("tiktok")


def test_cost_points_match_a_hand_calculation() -> None:
    # 4,000 BDT at 40 BDT CPM; a 100,000-impression month costs 4,000 BDT: 1 − e^−1.
    rec = pl.recommend_platforms(kind="nonprofit", monthly_budget=4_000)
    assert rec.to_frame().loc["facebook", "cost"] == pytest.approx(1 - 2.718281828459045**-1)


def test_a_platform_without_a_price_gets_the_average_cost_score_of_the_others() -> None:
    rec = pl.recommend_platforms(kind="nonprofit", monthly_budget=8_000)
    frame = rec.to_frame()
    others = frame.drop(index="x")["cost"]
    assert frame.loc["x", "cost"] == pytest.approx(others.mean())
    assert "average" in str(rec.reasons().loc["x", "cost"])


def test_without_budget_cost_gives_no_platform_points() -> None:
    rec = pl.recommend_platforms(kind="small business", monthly_budget=0)
    assert (rec.to_frame()["cost"] == 0).all()


def test_format_fit_is_full_half_or_none() -> None:
    rec = pl.recommend_platforms(kind="creator", formats=["text"])
    frame = rec.to_frame()
    assert frame.loc["x", "format"] == 2.0  # x favours text
    assert frame.loc["facebook", "format"] == 1.0  # text works on facebook
    assert frame.loc["tiktok", "format"] == 0.0  # tiktok does nothing with text


def test_changing_weights_changes_the_ranking() -> None:
    profile = pl.OrgProfile("b2b", goals=("recruitment",), monthly_budget=20_000)
    assert pl.recommend_platforms(profile).ranking[0] == "linkedin"
    by_cost = pl.recommend_platforms(profile, weights={"cost": 100, "goal": 0})
    assert by_cost.ranking[0] != "linkedin"
    assert by_cost.weights["cost"] == 100 and by_cost.weights["audience"] == 3


def test_platforms_limits_the_ranking() -> None:
    rec = pl.recommend_platforms(kind="nonprofit", platforms=["Insta", "fb"])
    assert sorted(rec.ranking) == ["facebook", "instagram"]


def test_keywords_override_a_given_profile() -> None:
    profile = pl.OrgProfile("nonprofit", hours_per_week=40)
    rec = pl.recommend_platforms(profile, hours_per_week=2)
    assert rec.org.hours_per_week == 2 and profile.hours_per_week == 40


def test_the_callers_dict_is_not_changed() -> None:
    fields = {"kind": "NGO", "goals": ["Donation"], "location": "BD"}
    before = {k: (list(v) if isinstance(v, list) else v) for k, v in fields.items()}
    pl.recommend_platforms(fields)
    assert fields == before


def test_friendly_spellings_are_normalised() -> None:
    org = pl.OrgProfile(
        "Small Business", goals="Customer Support", location="Dhaka", formats=["Reels", "photo"]
    )
    assert (org.kind, org.goals, org.location, org.formats) == (
        "small_business",
        ("support",),
        "bangladesh_urban",
        ("short_video", "image"),
    )


# --------------------------------------------------------------------------------------
# Hours: fewer hours, fewer platforms
# --------------------------------------------------------------------------------------


def test_three_hours_a_week_means_focusing_on_one_or_two_platforms() -> None:
    rec = pl.recommend_platforms(kind="nonprofit", hours_per_week=3)
    assert 1 <= len(rec.focus) <= 2
    assert "With 3 hours a week, focus on" in rec.advice
    assert rec.advice in str(rec)


def test_plenty_of_hours_keeps_every_platform() -> None:
    rec = pl.recommend_platforms(kind="nonprofit", hours_per_week=40)
    assert rec.focus == rec.ranking
    assert "all 6 platforms" in rec.advice


def test_zero_hours_still_names_one_platform_to_start_with() -> None:
    rec = pl.recommend_platforms(kind="nonprofit", hours_per_week=0)
    assert rec.focus == rec.ranking[:1]


# --------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------

_weights = st.fixed_dictionaries(
    {f: st.integers(min_value=0, max_value=10).map(float) for f in pl.FACTORS}
).filter(lambda w: any(w.values()))

_orgs = st.builds(
    pl.OrgProfile,
    kind=st.sampled_from(pl.ORG_KINDS),
    goals=st.lists(st.sampled_from(pl.GOALS), min_size=1, max_size=3).map(tuple),
    ages=st.tuples(st.integers(13, 60), st.integers(0, 40)).map(lambda t: (t[0], t[0] + t[1])),
    location=st.sampled_from(pl.LOCATIONS),
    formats=st.lists(st.sampled_from(FORMATS), min_size=1, max_size=4).map(tuple),
    monthly_budget=st.floats(0, 200_000),
    hours_per_week=st.floats(0, 40),
)


@settings(max_examples=60, deadline=None)
@given(org=_orgs, weights=_weights)
def test_scores_reproduce_from_the_breakdown(org: pl.OrgProfile, weights: dict[str, float]) -> None:
    rec = pl.recommend_platforms(org, weights=weights)
    frame = rec.to_frame()
    for pid in rec.ranking:
        cells = [s for s in rec.scores if s.platform == pid]
        assert {s.factor for s in cells} == set(pl.FACTORS)
        for s in cells:
            assert 0 <= s.score <= 1
            assert s.points == pytest.approx(weights[s.factor] * s.score)
        assert rec.total(pid) == pytest.approx(sum(s.points for s in cells))
        assert frame.loc[pid, "total"] == pytest.approx(frame.loc[pid, list(pl.FACTORS)].sum())
    totals = [rec.total(p) for p in rec.ranking]
    assert all(a >= b - 1e-9 for a, b in itertools.pairwise(totals))
    assert list(frame.index) == rec.ranking
    assert rec.focus == rec.ranking[: len(rec.focus)] and rec.focus


@settings(max_examples=60, deadline=None)
@given(
    org=_orgs, weights=_weights, factor=st.sampled_from(list(pl.FACTORS)), extra=st.integers(1, 20)
)
def test_raising_a_weight_never_lowers_the_platform_best_on_that_factor(
    org: pl.OrgProfile, weights: dict[str, float], factor: str, extra: int
) -> None:
    before = pl.recommend_platforms(org, weights=weights)
    scores = {s.platform: s.score for s in before.scores if s.factor == factor}
    best = max(scores.values())
    raised = pl.recommend_platforms(org, weights={**weights, factor: weights[factor] + extra})
    for pid, score in scores.items():
        if score == best:
            assert raised.ranking.index(pid) <= before.ranking.index(pid)


@settings(max_examples=40, deadline=None)
@given(org=_orgs, weights=_weights, scale=st.sampled_from([2.0, 4.0, 0.5]))
def test_scaling_every_weight_keeps_the_ranking(
    org: pl.OrgProfile, weights: dict[str, float], scale: float
) -> None:
    scaled = {f: w * scale for f, w in weights.items()}
    assert (
        pl.recommend_platforms(org, weights=weights).ranking
        == pl.recommend_platforms(org, weights=scaled).ranking
    )


@settings(max_examples=30, deadline=None)
@given(org=_orgs)
def test_explanations_mention_every_factor_and_the_rank(org: pl.OrgProfile) -> None:
    rec = pl.recommend_platforms(org)
    for rank, pid in enumerate(rec.ranking, start=1):
        text = rec.explain(pid)
        assert f"ranks {rank} of {len(rec.ranking)}" in text
        for factor in pl.FACTORS:
            assert f"\n  {factor} " in text


def test_recommendation_shows_itself_in_text_and_html() -> None:
    rec = pl.recommend_platforms(kind="nonprofit", monthly_budget=5_000)
    html_text = rec._repr_html_()
    for factor in pl.FACTORS:
        assert factor in html_text and factor in str(rec)
    for name in PLATFORM_NAMES.values():
        assert name in html_text and name in str(rec)
    assert "ranking=" in repr(rec)


def test_explain_accepts_display_names() -> None:
    rec = pl.recommend_platforms(kind="nonprofit")
    assert rec.explain("Twitter") == rec.explain("x") == rec.explain("X (Twitter)")


# --------------------------------------------------------------------------------------
# Bad input
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"kind": "cult"}, "'cult' is not an organisation kind.*nonprofit, small_business"),
        ({"kind": "nonprofit", "goals": ["likes"]}, "'likes' is not a goal.*recruitment"),
        ({"kind": "nonprofit", "goals": []}, "no goal was given"),
        ({"kind": "nonprofit", "formats": ["gif"]}, "'gif' is not a format.*short_video"),
        ({"kind": "nonprofit", "formats": []}, "no format was given"),
        ({"kind": "nonprofit", "location": "mars"}, "'mars' is not a location.*global"),
        ({"kind": "nonprofit", "monthly_budget": -1}, "monthly_budget is -1.*BDT"),
        ({"kind": "nonprofit", "hours_per_week": -2}, "hours_per_week is -2"),
        ({"kind": "nonprofit", "hours_per_week": float("nan")}, "hours_per_week is nan"),
        ({"kind": "nonprofit", "ages": (45, 18)}, "age band \\(45, 18\\) is reversed"),
        ({"kind": "nonprofit", "ages": (18,)}, "is not two ages"),
        ({"goals": ["leads"]}, "kind is missing.*nonprofit"),
        (
            {"kind": "nonprofit", "budget": 5},
            "'budget' is not an organisation field.*monthly_budget",
        ),
    ],
)
def test_bad_organisation_input_is_explained(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(InputError, match=r"(?s)" + message) as error:
        pl.recommend_platforms(**fields)
    assert "How to fix it" in str(error.value)


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ({"price": 2}, "'price' is not a factor.*goal, audience, format, cost, effort"),
        ({"cost": -1}, "weight of 'cost' is -1.*0 or more"),
        (dict.fromkeys(pl.FACTORS, 0), "every weight is 0"),
    ],
)
def test_bad_weights_are_explained(weights: dict[str, float], message: str) -> None:
    with pytest.raises(InputError, match=r"(?s)" + message):
        pl.recommend_platforms(kind="nonprofit", weights=weights)


def test_an_empty_platform_list_is_explained() -> None:
    with pytest.raises(InputError, match=r"(?s)no platform to rank"):
        pl.recommend_platforms(kind="nonprofit", platforms=[])


def test_explaining_a_platform_that_was_not_ranked_is_explained() -> None:
    rec = pl.recommend_platforms(kind="nonprofit", platforms=["facebook"])
    with pytest.raises(InputError, match=r"(?s)'tiktok' is not one of the platforms ranked here"):
        rec.explain("tiktok")
