"""The plan review, the table contract, the dataset loaders and the client profiles speak
Bengali after ``use_language("bn")``, with Bengali digits and months; English is unchanged."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import pandas as pd
import pytest

from smm_helpers import use_language
from smm_helpers.datasets import client_profile, load_posts, validate
from smm_helpers.errors import DataError, InputError
from smm_helpers.planning.plan import SocialMediaPlan, Target, period_label
from smm_helpers.schema import course_column, require_table

LATIN_WORDS = re.compile(r"\b[A-Za-z]{4,}\b")
"""An English word of four letters or more (ids and code are shorter, or listed below)."""


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    use_language("en")


def _posts(n: int = 4, *, formats: tuple[str, str] = ("image", "video")) -> pd.DataFrame:
    days = pd.date_range("2026-03-02 10:00", periods=n, freq="2D")
    return pd.DataFrame(
        {
            "published_at": days,
            "platform": ["facebook"] * n,
            "format": [formats[i % 2] for i in range(n)],
            "pillar": ["impact stories"] + ["tips"] * (n - 1),
            "reach": [1000] * n,
            "impressions": [2000] * n,
            "reactions": [30, 70] * (n // 2),
            "comments": [0] * n,
            "shares": [0] * n,
            "saves": [0] * n,
            "link_clicks": [0] * n,
            "followers": range(1000, 1000 + 10 * n, 10),
        }
    )


def _plan(**extra: object) -> SocialMediaPlan:
    return SocialMediaPlan(
        goals=[
            Target("posts_per_week", 3),
            Target("er_reach", 0.06, platform="facebook"),
            Target("followers", 900),
        ],
        audience="parents in Dhaka",
        platforms=["facebook"],
        pillars={"impact stories": 0.5, "tips": 0.5},
        budget=12000,
        **extra,
    )


def _message(error: type[Exception], function, *args: object) -> str:
    with pytest.raises(error) as caught:
        function(*args)
    return str(caught.value)


def _english_left(text: str, allowed: set[str]) -> set[str]:
    return {w for w in LATIN_WORDS.findall(text) if w not in allowed}


def test_the_plan_review_is_bengali_with_bengali_digits_and_months():
    use_language("bn")
    review = _plan().review(_posts(), start="2026-03-02", end="2026-03-15")
    text = str(review)
    assert text == unicodedata.normalize("NFC", text)
    first = text.splitlines()[0]
    assert first.startswith("পরিকল্পনা পর্যালোচনা, ২–১৫ মার্চ ২০২৬ (২ সপ্তাহ;")
    assert "✗ posts_per_week (সব) কমপক্ষে সপ্তাহে ৩.০: প্রকৃত সপ্তাহে ২.০" in text
    assert "ব্যবধান -১.০ শতাংশ পয়েন্ট" in text
    assert "সংশোধন:" in text and "ফেসবুকে রিচভিত্তিক এনগেজমেন্ট রেট ছিল ৫.০%" in text
    assert not re.search(r"[0-9]", text.replace("posts_per_week", "").replace("er_reach", ""))
    # only the ids a learner types stay in Latin letters
    ids = {"posts_per_week", "er_reach", "followers", "impact", "stories", "tips"}
    assert _english_left(text, ids) == set()
    assert "পূরণ" in repr(review) and "<th>লক্ষ্যমাত্রা</th>" in review._repr_html_()


def test_the_plan_and_its_errors_are_bengali():
    use_language("bn")
    shown = str(_plan())
    assert shown.splitlines()[:3] == [
        "সোশ্যাল মিডিয়া পরিকল্পনা",
        "অডিয়েন্স: parents in Dhaka",
        "প্ল্যাটফর্ম: ফেসবুক",
    ]
    assert "বাজেট: ১২,০০০ টাকা" in shown and "কনটেন্ট পিলার: impact stories ৫০%" in shown
    with pytest.raises(InputError) as caught:
        SocialMediaPlan([], "x", ["facebook"], pillars={"a": 0.6, "b": 0.3})
    assert str(caught.value) == (
        "পিলারের ভাগগুলোর যোগফল ৯০%, ১০০% নয় (a ৬০%, b ৩০%)।\n"
        "কীভাবে ঠিক করবেন: যোগফল 1.0 করুন, যেমন বাকি ১০% কোনো একটি "
        "পিলারকে দিন।"
    )
    with pytest.raises(InputError, match="SMM Lab-এ হার লেখা হয় ভগ্নাংশে"):
        Target("er_reach", 4)
    with pytest.raises(InputError, match="কোনো পোস্ট নেই"):
        _plan().review(_posts(), start="2027-01-01", end="2027-01-31")


def test_corrections_built_from_parts_are_whole_bengali_sentences():
    use_language("bn")
    posts = _posts(24)
    review = SocialMediaPlan([Target("er_reach", 0.09)], "x", ["facebook"]).review(posts)
    (correction,) = review.corrections
    assert correction.startswith("সব প্ল্যাটফর্মে রিচভিত্তিক এনগেজমেন্ট রেট ছিল ৫.০%, লক্ষ্যমাত্রা ছিল ৯.০%।")
    assert "সবচেয়ে ভালো ফরম্যাট ছিল video (১২টি পোস্টে ৭.০%)" in correction
    assert correction.endswith("আরও বেশি video পোস্ট প্রকাশ করুন।")


@pytest.mark.parametrize(
    ("start", "end", "bengali", "english"),
    [
        (date(2026, 10, 2), date(2026, 10, 31), "২–৩১ অক্টোবর ২০২৬", "2–31 Oct 2026"),
        (
            date(2025, 10, 1),
            date(2025, 12, 31),
            "১ অক্টোবর – ৩১ ডিসেম্বর ২০২৫",
            "1 Oct – 31 Dec 2025",
        ),
        (
            date(2025, 12, 29),
            date(2026, 1, 4),
            "২৯ ডিসেম্বর ২০২৫ – ৪ জানুয়ারি ২০২৬",
            "29 Dec 2025 – 4 Jan 2026",
        ),
    ],
)
def test_period_labels_in_both_languages(start, end, bengali, english):
    assert period_label(start, end) == english
    use_language("bn")
    assert period_label(start, end) == unicodedata.normalize("NFC", bengali)


def test_table_errors_are_bengali_and_english_is_unchanged():
    frame = pd.DataFrame({"reach": [1]})
    with pytest.raises(DataError) as english:
        require_table(frame, ["reach", "impressions", "saves"], "posts")
    assert str(english.value).startswith(
        "column 'impressions': the posts table has no columns 'impressions', 'saves' "
        "(it has: reach).\nHow to fix it: add or rename the columns so the table matches "
        "smm_helpers.schema.POSTS, or load it with smm_helpers.datasets.load_posts()."
    )
    use_language("bn")
    with pytest.raises(DataError) as bengali:
        require_table(frame, ["impressions"], "posts")
    assert str(bengali.value).startswith(
        "কলাম 'impressions': posts টেবিলে 'impressions' কলাম "
        "নেই (যা আছে: reach)।\nকীভাবে ঠিক করবেন: কলামটি"
    )
    with pytest.raises(InputError, match="এক্স \\(টুইটার\\)-এর এক্সপোর্টের"):
        course_column("x", "Reach")
    with pytest.raises(InputError, match="ডেটাফ্রেম"):
        require_table([1], ["reach"], "inbox")


def test_loader_errors_are_bengali():
    raw = pd.DataFrame(
        {
            "date": ["2025-01-01", "x"],
            "client": ["business", "shop"],
            "platform": ["tiktok", "tiktok"],
            "followers": ["-3", "5"],
        }
    )
    english = _message(DataError, validate, raw, "followers")
    assert english.startswith(
        "<DataFrame>, column 'followers': row 0: followers is negative "
        "(-3) (3 problems in all; also row 1, column 'date': 'x' is not "
        "a date; row 1, column 'client': 'shop' is not a client SMM Lab "
        "knows)"
    )
    use_language("bn")
    bengali = _message(DataError, validate, raw, "followers")
    assert bengali.startswith(
        "<DataFrame>, কলাম 'followers': সারি ০: followers ঋণাত্মক (-3) "
        "(মোট ৩টি সমস্যা; আরও আছে সারি ১, কলাম 'date': 'x' কোনো তারিখ নয়;"
    )
    assert "কীভাবে ঠিক করবেন: গণনা ০-এর নিচে হতে পারে না" in bengali
    missing = _message(DataError, load_posts, "no/such/posts.csv")
    assert missing == (
        "posts.csv: no/such/posts.csv-এ কোনো ফাইল নেই।\nকীভাবে ঠিক করবেন: পাথ "
        "আর ফাইলের নাম মিলিয়ে দেখুন; কোর্সের নিজের ডেটা লোড করতে path বাদ দিন।"
    )


def test_client_profiles_show_in_bengali():
    english = client_profile("nonprofit")._repr_html_()
    assert "<h4>Alo Reading Circle (আলো পাঠচক্র)</h4>" in english
    assert "<td>Facebook</td><td>28,000</td>" in english
    use_language("bn")
    bengali = client_profile("nonprofit")._repr_html_()
    assert "<h4>আলো পাঠচক্র (Alo Reading Circle)</h4>" in bengali
    assert "<td>ফেসবুক</td><td>২৮,০০০</td>" in bengali
    assert "কে পোস্ট করেন: একজন স্বেচ্ছাসেবক" in bengali and "৬০% ক্যাপশন বাংলায়" in bengali
    words = {
        "Reading",
        "Circle",
        "impact",
        "stories",
        "volunteer",
        "calls",
        "fundraising",
        "literacy",
        "tips",
        "events",
    }
    assert _english_left(re.sub(r"<[^>]+>", " ", bengali), words) == set()


def test_describe_export_and_export_errors_are_bengali(tmp_path):
    from smm_helpers.exports import describe_export, read_export, sample_export

    path = sample_export("facebook_follows")
    english = describe_export(read_export(path))
    assert "8 days (Facebook), 28 Mar 2025 to 04 Apr 2025." in english
    use_language("bn")
    bengali = describe_export(read_export(path))
    lines = bengali.splitlines()
    assert lines[1] == "৮ দিন (ফেসবুক), ২৮ মার্চ ২০২৫ থেকে ৪ এপ্রিল ২০২৫।"
    assert lines[2].startswith("মেলানো হয়েছে: date ← 'Date'")
    assert lines[3] == "অজানা (এক্সপোর্টে নেই, ফাঁকা রাখা হয়েছে, কখনো ০ নয়): followers।"
    assert lines[4].startswith("টীকা: এক্সপোর্টটি প্রতিদিনের নতুন ফলোয়ার গোনে")
    empty = tmp_path / "export.csv"
    header_only = path.read_text(encoding="utf-8").splitlines()[:3]
    empty.write_text("\n".join(header_only) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="ডেটার কোনো সারি নেই"):
        read_export(empty)
    unknown = tmp_path / "mystery.csv"
    unknown.write_text("Colour,Shape\nred,round\n", encoding="utf-8")
    with pytest.raises(DataError, match="SMM Lab এই এক্সপোর্টটি চিনতে পারছে না"):
        read_export(unknown)
