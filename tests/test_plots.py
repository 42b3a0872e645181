"""The course charts: accessible style, findings in titles, alt text, no global side effects."""

from __future__ import annotations

import io
import warnings
from types import SimpleNamespace

import matplotlib
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from smm_helpers import fonts, plots
from smm_helpers.errors import InputError
from tests.conftest import system_part_missing

WEEKS = pd.date_range("2025-03-03", periods=5, freq="W-MON", tz="Asia/Dhaka")
PALETTE_HEX = {c.lower() for c in plots.PALETTE.values()}


def _weekly_long() -> pd.DataFrame:
    """Engagements per post, two posts a week on each of two platforms (long format)."""
    rows = []
    for week_number, week in enumerate(WEEKS):
        for platform, base in (("facebook", 100), ("instagram", 50)):
            for _ in range(2):
                rows.append(
                    {"week": week, "platform": platform, "engagements": base + 10 * week_number}
                )
    return pd.DataFrame(rows)


def _summary() -> pd.DataFrame:
    return pd.DataFrame(
        {"posts": [20, 12, 6], "er_reach": [0.02, 0.05, 0.01], "reach": [9000, 4000, 800]},
        index=pd.Index(["facebook", "instagram", "linkedin"], name="platform"),
    )


def _best_times(min_posts: int = 5) -> SimpleNamespace:
    values = pd.DataFrame(
        [[0.01, 0.04, np.nan], [0.03, 0.09, 0.02]], index=[0, 4], columns=[9, 13, 20]
    )
    counts = pd.DataFrame([[6, 8, 0], [5, 2, 7]], index=[0, 4], columns=[9, 13, 20])
    return SimpleNamespace(values=values, counts=counts, min_posts=min_posts, metric="er_reach")


def _title(fig: Figure) -> str:
    return fig.axes[0].get_title(loc="left")


def _all_charts() -> list[Figure]:
    return [
        plots.trend_chart(_weekly_long(), value="engagements", time="week", by="platform"),
        plots.platform_comparison(_summary()),
        plots.best_time_heatmap(_best_times()),
        plots.funnel_chart({"impressions": 1000, "clicks": 40, "donations": 4}),
    ]


def test_every_chart_is_a_figure_with_alt_text_and_a_title():
    for fig in _all_charts():
        assert isinstance(fig, Figure)
        assert _title(fig)
        assert plots.alt_text(fig) == fig.alt_text
        assert _title(fig) in fig.alt_text


def test_charts_leave_matplotlib_settings_unchanged():
    before = dict(matplotlib.rcParams)
    _all_charts()
    after = dict(matplotlib.rcParams)
    changed = sorted(k for k in before if str(before[k]) != str(after[k]))
    assert not changed


def test_charts_keep_their_style_when_saved_later():
    fig = plots.platform_comparison(_summary())
    fig.savefig(io.BytesIO(), format="png")
    assert fig.axes[0].title.get_fontsize() == plots.STYLE["axes.titlesize"]
    tick = fig.axes[0].get_yticklabels()[0]
    assert tick.get_fontsize() == plots.STYLE["ytick.labelsize"]


def test_trend_chart_sums_long_data_into_one_line_per_platform():
    posts = _weekly_long()
    copy = posts.copy()
    fig = plots.trend_chart(posts, value="engagements", time="week", by="platform")
    pd.testing.assert_frame_equal(posts, copy)
    lines = {line.get_label(): line for line in fig.axes[0].get_lines()}
    assert set(lines) == {"Facebook", "Instagram"}
    expected = posts[posts["platform"] == "facebook"].groupby("week")["engagements"].sum()
    assert list(lines["Facebook"].get_ydata()) == list(expected)
    assert to_hex(lines["Facebook"].get_color()) == plots.PLATFORM_COLOURS["facebook"].lower()


def test_trend_chart_title_states_the_biggest_growth():
    fig = plots.trend_chart(_weekly_long(), value="engagements", time="week", by="platform")
    # facebook 200 -> 280 (+40%); instagram 100 -> 180 (+80%)
    assert _title(fig).startswith("Instagram grew most: +80%")


def test_trend_chart_single_series_says_whether_it_rose_or_fell():
    falling = pd.Series([200, 150, 100], index=WEEKS[:3], name="followers")
    assert plots.trend_chart(falling).axes[0].get_title(loc="left").startswith("Followers fell 50%")


def test_trend_chart_lines_use_the_palette_and_differ_in_dash_pattern():
    wide = pd.DataFrame({"a": [1, 2, 3], "b": [3, 2, 1], "c": [2, 2, 2]}, index=WEEKS[:3])
    lines = plots.trend_chart(wide).axes[0].get_lines()
    assert {to_hex(line.get_color()) for line in lines} <= PALETTE_HEX
    assert len({str(line.get_linestyle()) for line in lines}) == 3


def test_trend_chart_rejects_an_unknown_column_naming_the_columns():
    expected = r"(?s)'likes' is not a column.*week, platform, engagements"
    with pytest.raises(InputError, match=expected):
        plots.trend_chart(_weekly_long(), value="likes", time="week")


def test_platform_comparison_highlights_the_best_platform_and_labels_values():
    fig = plots.platform_comparison(_summary())
    ax = fig.axes[0]
    bars = ax.patches
    widths = [bar.get_width() for bar in bars]
    best = int(np.argmax(widths))
    assert widths[best] == pytest.approx(0.05)
    assert to_hex(bars[best].get_facecolor()) == plots.HIGHLIGHT.lower()
    assert all(
        to_hex(b.get_facecolor()) == plots.MUTED.lower() for i, b in enumerate(bars) if i != best
    )
    labels = {t.get_text() for t in ax.texts}
    assert {"5.00%", "2.00%", "1.00%"} <= labels
    assert "Instagram had the highest engagement rate by reach: 5.00%, 5.0× LinkedIn" in _title(fig)


def test_platform_comparison_shows_post_counts_so_small_samples_are_visible():
    ticks = [t.get_text() for t in plots.platform_comparison(_summary()).axes[0].get_yticklabels()]
    assert "LinkedIn\n(6 posts)" in ticks


def test_platform_comparison_formats_counts_without_percent():
    fig = plots.platform_comparison(_summary(), metric="reach")
    assert "9,000" in {t.get_text() for t in fig.axes[0].texts}


def test_platform_comparison_rejects_a_metric_not_in_the_summary():
    with pytest.raises(InputError, match=r"(?s)'likes' is not a metric.*posts, er_reach, reach"):
        plots.platform_comparison(_summary(), metric="likes")


def test_best_time_heatmap_greys_and_hatches_thin_cells():
    fig = plots.best_time_heatmap(_best_times(min_posts=5))
    hatched = [p for p in fig.axes[0].patches if p.get_hatch()]
    # thin: (Mon 20:00: no value), (Fri 13:00: 2 posts)
    assert len(hatched) == 2
    corners = sorted((p.get_x() + 0.5, p.get_y() + 0.5) for p in hatched)
    assert corners == [(1.0, 1.0), (2.0, 0.0)]


def test_best_time_heatmap_ignores_thin_cells_when_naming_the_best_time():
    title = _title(plots.best_time_heatmap(_best_times(min_posts=5)))
    # 0.09 on Friday 13:00 rests on 2 posts only, so the best trusted slot is Monday 13:00.
    assert title == "Best time to post: Monday 13:00 (engagement rate by reach 4.00%, 8 posts)"
    title_low_bar = _title(plots.best_time_heatmap(_best_times(), min_posts=1))
    assert title_low_bar.startswith("Best time to post: Friday 13:00")


def test_best_time_heatmap_writes_the_post_count_in_each_cell():
    texts = [t.get_text() for t in plots.best_time_heatmap(_best_times()).axes[0].texts]
    assert sorted(texts) == sorted(str(n) for n in [6, 8, 0, 5, 2, 7])


def test_best_time_heatmap_without_trusted_cells_says_so():
    fig = plots.best_time_heatmap(_best_times(), min_posts=100)
    assert _title(fig).startswith("Not enough posts")


def test_funnel_chart_shows_conversion_between_each_stage():
    fig = plots.funnel_chart({"impressions": 2000, "clicks": 50, "donations": 5})
    texts = " ".join(t.get_text() for t in fig.axes[0].texts)
    assert "2.5% of impressions → clicks" in texts
    assert "10% of clicks → donations" in texts
    assert _title(fig) == "0.25% of impressions became donations (5 of 2,000)"


@pytest.mark.parametrize(
    ("stages", "message"),
    [
        ({"impressions": 100}, "at least two stages"),
        ({"impressions": 100, "clicks": -1}, "'clicks' has -1"),
        ({"impressions": 0, "clicks": 0}, "first stage 'impressions' is 0"),
        ({"impressions": 10, "clicks": 20}, r"clicks \(20\) is larger than impressions \(10\)"),
    ],
)
def test_funnel_chart_rejects_impossible_funnels(stages, message):
    with pytest.raises(InputError, match=message):
        plots.funnel_chart(stages)


def test_format_metric_shows_rates_as_percent_and_counts_with_separators():
    assert plots.format_metric(0.1234, "ctr") == "12.34%"
    assert plots.format_metric(np.int64(1234567), "impressions") == "1,234,567"


def test_bengali_label_without_a_font_warns_once_with_the_fix(monkeypatch):
    monkeypatch.setattr(fonts, "find_bengali_font", lambda **_: None)
    summary = _summary().rename(index={"facebook": "ফেসবুক", "instagram": "ইনস্টাগ্রাম"})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        plots.platform_comparison(summary, title="প্ল্যাটফর্ম তুলনা")
    ours = [w for w in caught if issubclass(w.category, fonts.MissingBengaliFontWarning)]
    assert len(ours) == 1
    assert "fonts-noto-core" in str(ours[0].message)


@pytest.mark.system
def test_bengali_labels_render_with_the_bengali_font_when_installed():
    font = fonts.find_bengali_font()
    if font is None:
        system_part_missing("no Bengali font: sudo apt-get install fonts-noto-core")
    assert font is not None
    summary = _summary().rename(index={"facebook": "ফেসবুক"})
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph would raise here
        fig = plots.platform_comparison(summary, title="দৃষ্টিভঙ্গি: Instagram leads")
        fig.savefig(io.BytesIO(), format="png")
    assert fig.axes[0].title.get_fontfamily() == ["DejaVu Sans", font.family]
    tick_families = {tuple(t.get_fontfamily()) for t in fig.axes[0].get_yticklabels()}
    assert tick_families == {("DejaVu Sans", font.family)}
