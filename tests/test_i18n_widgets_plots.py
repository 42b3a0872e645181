"""Charts and widgets in Bengali: titles, labels, legends, ticks and alt text; English unchanged.

With ``use_language("bn")`` every word a learner reads on a chart or a widget is Bengali,
numbers use Bengali digits (lakh grouping for large ones) and dates Bengali month names;
data values (a client's column names, stage names) stay as they are.  The charts are drawn
with a Bengali font: pytest turns matplotlib's "glyph missing" warning into an error, so a
Bengali chart that would show empty boxes fails here.
"""

from __future__ import annotations

import ast
import re
import unicodedata
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

from smm_helpers import fonts, plots, use_language
from smm_helpers.budget import allocate_budget
from smm_helpers.errors import InputError
from smm_helpers.i18n import catalog
from smm_helpers.schema import PLATFORM_NAMES, PLATFORMS, platform_name
from smm_helpers.widgets.budget_sliders import allocation_alt_text, allocation_chart, budget_sliders
from smm_helpers.widgets.calendar_preview import calendar_preview, start_weeks
from smm_helpers.widgets.platform_chooser import platform_chooser
from smm_helpers.widgets.post_composer import post_composer
from tests.conftest import system_part_missing

ROOT = Path(__file__).resolve().parents[1]
MARKERS = {"_", "N_", "gettext", "ngettext"}
AREA = [
    "smm_helpers/plots/",
    "smm_helpers/fonts.py",
    "smm_helpers/widgets/",
    "smm_helpers/schema.py",
]
LATIN_DIGIT = re.compile(r"[0-9]")
LATIN_LETTER = re.compile(r"[A-Za-z]")
BENGALI_DIGIT = re.compile(r"[০-৯]")


@pytest.fixture
def bengali():
    use_language("bn")


def _summary() -> pd.DataFrame:
    return pd.DataFrame(
        {"posts": [12, 9, 1500], "er_reach": [0.021, 0.045, 0.0111]},
        index=pd.Index(["facebook", "instagram", "linkedin"], name="platform"),
    )


def _weekly_long() -> pd.DataFrame:
    weeks = pd.date_range("2025-01-06", periods=4, freq="W-MON")
    return pd.DataFrame(
        {
            "week": list(weeks) * 2,
            "platform": ["facebook"] * 4 + ["tiktok"] * 4,
            "engagements": [100, 120, 130, 150, 80, 70, 90, 60],
        }
    )


def _drawn_texts(labels) -> list[str]:
    return [label.get_text() for label in labels if label.get_text()]


def _is_bengali_sentence(text: str) -> bool:
    """Bengali words, Bengali digits only, no Latin letters, and NFC."""
    return (
        fonts.has_bengali(text)
        and not LATIN_LETTER.search(text)
        and not LATIN_DIGIT.search(text)
        and unicodedata.is_normalized("NFC", text)
    )


def _require_bengali_font() -> None:
    if fonts.find_bengali_font() is None:
        system_part_missing("no Bengali font: sudo apt-get install fonts-noto-core")


# --- the words themselves -----------------------------------------------------------------


def test_every_message_of_charts_and_widgets_is_translated():
    found = catalog.problems("bn", AREA)
    assert not found, "\n".join(found[:20])


def _marked_literals(path: Path) -> set[str]:
    """Every string literal the code passes straight to _(), N_() or ngettext()."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", "") in MARKERS
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.add(node.args[0].value)
    return found


def test_the_catalog_extracts_every_marked_message_of_the_area():
    # A _() inside an f-string's braces runs but is invisible to pybabel (Python 3.11
    # tokenizes an f-string as one string): its message would never be translated.
    extracted = catalog.extracted_messages(AREA)
    files = [
        ROOT / "smm_helpers/fonts.py",
        ROOT / "smm_helpers/schema.py",
        *sorted((ROOT / "smm_helpers/plots").glob("*.py")),
        *sorted((ROOT / "smm_helpers/widgets").glob("*.py")),
    ]
    missing = {
        f"{path.name}: {text!r}"
        for path in files
        for text in _marked_literals(path)
        if text not in extracted
    }
    assert not missing, sorted(missing)


def test_every_platform_metric_and_weekday_has_a_bengali_name(bengali):
    for platform in PLATFORMS:
        assert fonts.has_bengali(platform_name(platform)), platform
    for metric in plots.METRIC_LABELS:
        assert fonts.has_bengali(plots.metric_label(metric)), metric
    for day in range(7):
        assert _is_bengali_sentence(plots._weekday_name(day))
    assert platform_name("x") == "এক্স (টুইটার)" and platform_name("facebook") == "ফেসবুক"
    assert platform_name("short_video") == "short_video"  # data, not a platform: unchanged
    assert PLATFORM_NAMES["x"] == "X (Twitter)"  # the English names stay the data


def test_numbers_in_bengali_use_bengali_digits_and_lakh_grouping(bengali):
    assert plots.format_metric(1234567, "reach") == "১২,৩৪,৫৬৭"
    assert plots.format_metric(0.0345, "ctr") == "৩.৪৫%"
    assert plots.format_metric(1234.5, "spend") == "১,২৩৪.৫০"
    assert plots.format_metric(None, "reach") == "ডেটা নেই"
    assert plots._tick_number(12_500_000.0, True) == "১,২৫,০০,০০০"


# --- charts ---------------------------------------------------------------------------------


def test_platform_comparison_in_bengali(bengali):
    fig = plots.platform_comparison(_summary())
    ax = fig.axes[0]
    title = ax.get_title(loc="left")
    assert _is_bengali_sentence(title), title
    assert title.startswith(f"সবচেয়ে বেশি {plots.metric_label('er_reach')}: ইনস্টাগ্রাম, ৪.৫০%")
    assert "লিংকডইন" in title and "৪.১ গুণ" in title
    assert _is_bengali_sentence(ax.get_xlabel())
    ticks = _drawn_texts(ax.get_yticklabels())
    assert ticks == ["লিংকডইন\n(১,৫০০টি পোস্ট)", "ফেসবুক\n(১২টি পোস্ট)", "ইনস্টাগ্রাম\n(৯টি পোস্ট)"]
    values = _drawn_texts(ax.get_xticklabels()) + [t.get_text() for t in ax.texts]
    assert values and all(_is_bengali_sentence(v) or BENGALI_DIGIT.search(v) for v in values)
    assert not any(LATIN_DIGIT.search(v) for v in values), values
    alt = plots.alt_text(fig)
    assert _is_bengali_sentence(alt), alt
    assert alt.startswith("বার চার্ট:") and "বেশি থেকে কম: ইনস্টাগ্রাম ৪.৫০%" in alt


def test_cost_comparison_in_bengali_names_the_cheapest(bengali):
    costs = pd.DataFrame({"cpc": [5.0, 2.0, 0.0]}, index=["facebook", "instagram", "tiktok"])
    title = plots.platform_comparison(costs, "cpc", better="lower").axes[0].get_title(loc="left")
    assert title.startswith("সবচেয়ে কম সিপিসি") and "টিকটক, ০" in title and "ফেসবুক, ৫" in title
    assert not LATIN_DIGIT.search(title)


def test_trend_chart_in_bengali(bengali):
    fig = plots.trend_chart(_weekly_long(), value="engagements", time="week", by="platform")
    ax = fig.axes[0]
    title = ax.get_title(loc="left")
    assert title == "সবচেয়ে বেশি বেড়েছে ফেসবুক: ৬ জানুয়ারি থেকে ২৭ জানুয়ারি ২০২৫ পর্যন্ত +৫০%"
    assert ax.get_ylabel() == "এনগেজমেন্ট"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["ফেসবুক", "টিকটক"]
    ticks = _drawn_texts(ax.get_xticklabels()) + _drawn_texts(ax.get_yticklabels())
    ticks.append(ax.xaxis.get_offset_text().get_text())
    assert all(BENGALI_DIGIT.search(t) and not LATIN_DIGIT.search(t) for t in ticks), ticks
    assert "জানুয়ারি ২০২৫" in ticks
    alt = plots.alt_text(fig)
    assert _is_bengali_sentence(alt), alt
    assert "ফেসবুক: ১০০ থেকে ১৫০।" in alt and "টিকটক: ৮০ থেকে ৬০।" in alt


@pytest.mark.parametrize(
    ("values", "words"),
    [
        ([100, 150], "এনগেজমেন্ট বেড়েছে ৫০%"),
        ([150, 75], "এনগেজমেন্ট কমেছে ৫০%"),
        ([90, 90], "এনগেজমেন্ট একই ছিল"),
    ],
)
def test_one_line_trend_says_rose_fell_or_stayed_in_bengali(bengali, values, words):
    days = pd.to_datetime(["2024-12-30", "2025-02-03"])
    fig = plots.trend_chart(pd.Series(values, index=days, name="engagements"))
    title = fig.axes[0].get_title(loc="left")
    assert title.startswith("৩০ ডিসেম্বর ২০২৪ থেকে ৩ ফেব্রুয়ারি ২০২৫ পর্যন্ত ")
    assert title.endswith(words), title


def test_heatmap_and_funnel_in_bengali_keep_data_names(bengali):
    values = pd.DataFrame([[0.02, 0.05], [0.03, 0.01]], index=[0, 1], columns=[9, 18])
    counts = pd.DataFrame([[6, 7], [8, 2]], index=[0, 1], columns=[9, 18])
    heat = plots.best_time_heatmap(SimpleNamespace(values=values, counts=counts))
    assert heat.axes[0].get_title(loc="left") == (
        f"পোস্ট করার সেরা সময়: সোমবার ১৮:০০ ({plots.metric_label('er_reach')} ৫.০০%, ৭টি পোস্ট)"
    )
    assert _is_bengali_sentence(plots.alt_text(heat))
    funnel = plots.funnel_chart({"impressions": 50_000, "clicks": 900, "donations": 45})
    assert funnel.axes[0].get_title(loc="left") == (
        "impressions থেকে donations: ০.০৯% (৫০,০০০টির মধ্যে ৪৫টি)"
    )


def test_bengali_chart_draws_every_glyph_with_a_bengali_font(bengali):
    _require_bengali_font()
    fig = plots.platform_comparison(_summary())
    family = fig.axes[0].title.get_fontfamily()
    assert fonts.find_bengali_font().family in family
    # A glyph missing from every font would warn, and warnings are errors here.
    assert plots.figure_png(fig, dpi=40)[:4] == b"\x89PNG"
    assert (
        plots.figure_png(allocation_chart(allocate_budget(150_000, ["facebook"])), dpi=40)[:4]
        == b"\x89PNG"
    )


def test_ticks_keep_the_language_the_chart_was_drawn_in(bengali):
    fig = plots.platform_comparison(_summary())
    use_language("en")
    fig.draw_without_rendering()
    ticks = _drawn_texts(fig.axes[0].get_xticklabels())
    assert ticks and all(BENGALI_DIGIT.search(t) for t in ticks), ticks


def test_errors_from_charts_are_in_bengali(bengali):
    with pytest.raises(InputError, match="একটি সংখ্যা দিতে হবে"):
        plots.format_metric("lots", "reach")
    with pytest.raises(InputError, match="কীভাবে ঠিক করবেন: ধাপগুলো সবচেয়ে বড় থেকে"):
        plots.funnel_chart({"impressions": 100, "clicks": 250})


# --- widgets --------------------------------------------------------------------------------


def test_post_composer_in_bengali(bengali):
    view = post_composer("শুভ নববর্ষ! #পহেলা_বৈশাখ " + "ক" * 300, ["x", "instagram"])
    x_line, instagram_line = view.text.splitlines()
    assert x_line.startswith("এক্স (টুইটার): ৩২৫/২৮০ ওজনযুক্ত অক্ষর, সীমার বেশি; দৃশ্যমান ")
    assert "১টি হ্যাশট্যাগ" in x_line
    assert instagram_line.startswith("ইনস্টাগ্রাম: ") and "“আরও দেখুন” সীমায় কাটা পড়ছে (১২৫)" in (
        instagram_line
    )
    assert not LATIN_DIGIT.search(view.text)
    for header in ("প্ল্যাটফর্ম", "দৈর্ঘ্য/সীমা", "দৃশ্যমান অক্ষর", "সমস্যা ও পরামর্শ"):
        assert f"<th>{header}</th>" in view.static_html
    assert "class='smm-counter smm-counter-x'" in view.static_html  # classes stay as they were
    widget = view.widget
    if widget is None:
        pytest.skip("ipywidgets is not installed")
    assert widget.controls["text"].placeholder == "আপনার পোস্ট এখানে লিখুন…"
    widget.controls["text"].value = "ঈদ মোবারক"
    counter = widget.counters["x"].value
    assert "ঠিক আছে" in counter and "৯/২৮০" in counter
    assert "data-length='9'" in counter  # what browser tests read stays in Latin digits


def test_budget_sliders_in_bengali(bengali):
    view = budget_sliders(150_000, ["facebook", "linkedin"])
    assert "<th>আনুমানিক ফলাফল</th>" in view.static_html and "৳১,৫০,০০০" in view.static_html
    alt = allocation_alt_text(allocate_budget(150_000, ["facebook", "linkedin"]))
    assert alt.startswith("বার চার্ট: ৳১,৫০,০০০ বাজেটের সেরা ভাগ।") and not LATIN_DIGIT.search(alt)
    widget = view.widget
    if widget is None:
        pytest.skip("ipywidgets is not installed")
    labels = {key: control.description for key, control in widget.controls.items()}
    assert labels == {
        "total": "মোট বাজেট (টাকা)",
        "cost:facebook": "ফেসবুক: প্রতি ফলাফলের খরচ",
        "saturation:facebook": "ফেসবুক: সর্বোচ্চ ফলাফল",
        "cost:linkedin": "লিংকডইন: প্রতি ফলাফলের খরচ",
        "saturation:linkedin": "লিংকডইন: সর্বোচ্চ ফলাফল",
    }
    assert widget.chart.alt.startswith("বার চার্ট:")


def test_other_widgets_label_their_controls_in_bengali(bengali):
    assert start_weeks("2026-11-30", count=1)[0][0] == "সোমবার, ৩০ নভেম্বর ২০২৬"
    calendar = calendar_preview(weeks=1, platforms=[])
    assert "কোনো প্ল্যাটফর্ম দেওয়া হয়নি। অন্তত একটি প্ল্যাটফর্ম বেছে নিন।" in calendar.static_html
    assert calendar.text == "কোনো প্ল্যাটফর্ম বাছাই করা হয়নি: দেখানোর কিছু নেই।"
    assert "<b>এখনো দেখানোর মতো কিছু নেই:</b>" in calendar.static_html
    assert "<em>(ফাঁকা)</em>" in post_composer("", ["x"]).static_html
    chooser = platform_chooser(kind="b2b", goals=["recruitment"])
    assert "<th>প্ল্যাটফর্ম</th>" in chooser.static_html and "লিংকডইন" in chooser.static_html
    widget = chooser.widget
    if widget is None:
        pytest.skip("ipywidgets is not installed")
    assert widget.controls["kind"].description == "প্রতিষ্ঠান"
    assert dict(widget.controls["kind"].options)["বিটুবি (B2B)"] == "b2b"
    assert widget.controls["kind"].value == "b2b"  # the value is still the id


# --- English stays as it was ------------------------------------------------------------------


def test_english_is_unchanged_after_bengali():
    use_language("bn")
    plots.platform_comparison(_summary())
    use_language("en")
    fig = plots.platform_comparison(_summary())
    assert fig.axes[0].get_title(loc="left") == (
        "Instagram had the highest engagement rate by reach: 4.50%, 4.1× LinkedIn (1.11%)"
    )
    assert _drawn_texts(fig.axes[0].get_yticklabels())[0] == "LinkedIn\n(1,500 posts)"
    assert plots.alt_text(fig).startswith("Bar chart of engagement rate by reach by group.")
    view = post_composer("ঢাকা", ["youtube"])
    assert view.text == "YouTube: 12/5,000 UTF-8 bytes, ok; 2 visible; 0 hashtags; no fold"
    assert start_weeks("2026-11-30", count=1)[0][0] == "Mon 30 Nov 2026"
