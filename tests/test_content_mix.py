"""Format suitability per platform and the content-mix report, on small hand-made tables."""

from __future__ import annotations

import pandas as pd
import pytest

from smm_helpers.content import (
    RULE_OF_THUMB,
    best_formats,
    content_mix,
    format_fit,
    promotional_keywords_in,
)
from smm_helpers.errors import InputError
from smm_helpers.schema import FORMATS, PLATFORM_NAMES, PLATFORMS


def _posts(rows: list[tuple[str, str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["pillar", "format", "platform", "caption"])


def test_carousels_and_reels_are_best_on_instagram_per_rival_iq():
    for fmt in ("carousel", "short_video"):
        fit = format_fit("instagram", fmt)
        assert fit.fit == "good"
        assert "Rival IQ" in fit.source
    assert best_formats("instagram") == ["carousel", "short_video"]


@pytest.mark.parametrize("platform", ["instagram", "tiktok", "youtube"])
def test_text_posts_are_poor_where_they_are_not_supported(platform):
    fit = format_fit(platform, "text")
    assert fit.fit == "poor"
    assert "Not supported" in fit.reason


def test_every_platform_and_format_has_a_rating_with_a_source():
    for platform in PLATFORMS:
        for fmt in FORMATS:
            fit = format_fit(platform, fmt)
            assert fit.fit in ("good", "ok", "poor")
            assert fit.reason and fit.source
            assert str(fit).startswith(PLATFORM_NAMES[platform])


def test_facebook_ratings_follow_the_m_and_r_virality_figures():
    assert format_fit("facebook", "image").fit == "good"
    assert "3.3%" in format_fit("facebook", "image").reason
    assert "1.2%" in format_fit("facebook", "link").reason


def test_format_fit_shows_itself():
    fit = format_fit("youtube", "image")
    assert "poor" in str(fit) and "poor" in fit._repr_html_()


def test_unknown_format_lists_the_known_ones():
    with pytest.raises(InputError, match=r"(?s)'reel' is not a format.*short_video"):
        format_fit("instagram", "reel")


def test_unknown_platform_in_format_fit_lists_the_known_ones():
    with pytest.raises(InputError, match=r"(?s)'threads' is not a platform.*tiktok"):
        format_fit("threads", "image")


@pytest.mark.parametrize(
    ("caption", "found"),
    [
        ("Eid SALE: buy 2, get 1", ["SALE", "buy"]),
        ("আজই কিনুন, ৩০% ছাড়!", ["কিনুন", "ছাড়"]),
        ("বিশেষ অফারে মূল্যছাড়", ["অফারে", "মূল্যছাড়"]),
        ("Donate now to feed a family", ["Donate now"]),
        ("Sales tips for small shops", []),  # "sales" is not the word "sale"
        ("চিনি ছাড়া চা", []),  # ছাড়া means "without"
        ("How to buyback? No: a buyer's guide", []),
    ],
)
def test_promotional_words_are_found_as_whole_words(caption, found):
    assert promotional_keywords_in(caption) == found


def test_decomposed_bengali_is_matched_too():
    decomposed = "৩০% \u099b\u09be\u09a1\u09bc"  # ছাড় typed as ড + nukta
    assert promotional_keywords_in(decomposed) == ["ছাড়"]


def test_shares_per_pillar_and_format_add_up_to_one():
    posts = _posts(
        [
            ("tips", "carousel", "instagram", "৫টি টিপস"),
            ("tips", "image", "facebook", "How to save water"),
            ("stories", "short_video", "instagram", "Meet Rina, a volunteer"),
            ("appeal", "image", "facebook", "Give today"),
            ("tips", "image", "facebook", "Three checks before Eid travel"),
        ]
    )
    mix = content_mix(posts, promotional_pillars=["appeal"])
    assert mix.posts == 5
    assert dict(mix.by_pillar) == {"tips": 0.6, "stories": 0.2, "appeal": 0.2}
    assert dict(mix.by_format) == {"image": 0.6, "carousel": 0.2, "short_video": 0.2}
    assert mix.by_pillar.sum() == pytest.approx(1.0)
    assert mix.promotional_share == 0.2
    assert mix.balanced


def test_too_much_promotion_is_flagged_against_the_80_20_rule_of_thumb():
    posts = _posts(
        [
            ("offers", "image", "instagram", "ঈদ অফার"),
            ("tips", "carousel", "instagram", "আজই কিনুন!"),  # promotional by its caption
            ("tips", "carousel", "instagram", "৫টি রান্নার টিপস"),
            ("stories", "short_video", "instagram", "আমাদের কারিগর"),
        ]
    )
    mix = content_mix(posts, promotional_pillars=("offers",))
    assert mix.promotional_share == 0.5
    assert not mix.balanced
    assert list(mix.promotional_posts["promotional_because"]) == [
        "pillar 'offers'",
        "caption says 'কিনুন'",
    ]
    assert "rule of thumb suggests at most 20%" in mix.suggestions[0]
    assert "rule of thumb" in str(mix) and "not measured figures" in RULE_OF_THUMB


def test_poor_formats_and_missing_best_formats_are_suggested():
    posts = _posts(
        [
            ("tips", "text", "instagram", "Tips in words only"),
            ("tips", "image", "instagram", "A photo"),
            ("news", "image", "instagram", "Another photo"),
        ]
    )
    tips = " ".join(content_mix(posts).suggestions)
    assert "1 Instagram text post(s): a poor fit" in tips
    assert "No carousel or short video posts on Instagram yet" in tips


def test_no_promotion_at_all_gets_a_gentle_note():
    posts = _posts(
        [("tips", "image", "facebook", "A tip"), ("stories", "video", "facebook", "A story")]
    )
    mix = content_mix(posts)
    assert mix.promotional_share == 0
    assert any("No post asks for anything" in s for s in mix.suggestions)


def test_content_mix_does_not_change_the_callers_table():
    posts = _posts([("offers", "image", "facebook", "Sale!"), ("tips", "image", "facebook", "Tip")])
    before = posts.copy()
    mix = content_mix(posts, promotional_pillars=["offers"])
    pd.testing.assert_frame_equal(posts, before)
    assert "promotional_because" not in posts.columns
    assert "promotional_because" in mix.promotional_posts.columns


def test_missing_captions_are_treated_as_empty():
    posts = _posts([("tips", "image", "facebook", None), ("tips", "image", "facebook", "Buy now")])
    assert content_mix(posts).promotional_share == 0.5


def test_content_mix_shows_itself():
    mix = content_mix(_posts([("tips", "image", "facebook", "Tip <b>")]))
    assert repr(mix).startswith("ContentMix(posts=1,")
    assert "<table>" in mix._repr_html_() and "100%" in mix._repr_html_()


def test_missing_columns_are_named_with_the_ones_present():
    with pytest.raises(
        InputError, match=r"(?s)lacks 'caption' \(it has: pillar, format\).*schema.POSTS"
    ):
        content_mix(pd.DataFrame({"pillar": ["a"], "format": ["image"]}))


def test_an_empty_table_is_refused():
    with pytest.raises(InputError, match=r"(?s)the posts table is empty.*filter"):
        content_mix(_posts([]))


def test_a_non_table_is_refused():
    with pytest.raises(InputError, match=r"(?s)posts must be a pandas DataFrame, not list"):
        content_mix([{"pillar": "a"}])


def test_promotional_pillars_must_be_a_list_not_a_single_string():
    posts = _posts([("offers", "image", "facebook", "x")])
    with pytest.raises(InputError, match=r"(?s)must be a list of pillar names.*\['offers'\]"):
        content_mix(posts, promotional_pillars="offers")


def test_mix_of_categorical_columns_lists_only_pillars_the_posts_use():
    import pandas as pd

    from smm_helpers.content import content_mix

    pillars = pd.Categorical(["products", "tips", None], categories=["products", "tips", "events"])
    posts = pd.DataFrame(
        {
            "pillar": pillars,
            "format": pd.Categorical(["image", "video", "image"]),
            "caption": ["New shawl", "Wash in cold water", "Hello"],
        }
    )
    mix = content_mix(posts)
    assert sorted(mix.by_pillar.index) == ["(no pillar)", "products", "tips"]
    assert mix.by_pillar.sum() == pytest.approx(1.0)
