"""Checking a post and its honesty in Bengali: check_post, format fit, content mix, limits,
disclosures, black-hat signals, unsourced claims and fake engagement.

With ``use_language("bn")`` every sentence these checks show is Bengali, with Bengali digits;
data (the post's own words, hashtags, ids such as ``kind``) stays as it is; English output
is what it was before the language was switched.
"""

from __future__ import annotations

import csv
import unicodedata
from importlib import resources

import pandas as pd
import pytest
import regex

from smm_helpers import use_language
from smm_helpers.content import LIMITS, check_post, content_mix, format_fit
from smm_helpers.content.disclosure_cues import _read_cues
from smm_helpers.content.limits import FOLDS
from smm_helpers.errors import DataError, InputError
from smm_helpers.ethics import (
    black_hat_signals,
    check_disclosure,
    detect_fake_engagement,
    unsourced_claims,
)

BENGALI = regex.compile(r"\p{Bengali}")
LATIN_DIGIT = regex.compile(r"[0-9]")


def _every_line_is_bengali(text: str) -> None:
    for line in text.splitlines():
        assert BENGALI.search(line), f"an English line in Bengali output: {line!r}"


# ------------------------------------------------------------------------------ check_post
def test_check_post_summary_and_problems_are_bengali_with_bengali_digits():
    use_language("bn")
    result = check_post("a" * 290, "x")
    assert result.summary == ("এক্স অনুযায়ী দৈর্ঘ্য ২৯০, সীমা ২৮০ ওজনযুক্ত অক্ষর — সীমার চেয়ে ১০ বেশি।")
    assert result.problems[0].startswith("বেশি লম্বা: ২৯০ ওজনযুক্ত অক্ষর")
    assert "রিপ্লাই" in result.problems[0]  # X: put the link in a reply
    text = str(result)
    _every_line_is_bengali(text)
    assert "সমস্যা:" in text and not LATIN_DIGIT.search(text.replace("a" * 290, ""))


@pytest.mark.parametrize("platform", ["facebook", "instagram", "linkedin", "tiktok", "youtube"])
def test_every_platform_reads_in_bengali_before_and_after_the_fold(platform):
    use_language("bn")
    post = "ঈদের নতুন কালেকশন এসে গেছে! " * 6 + "\nদুই\nতিন\nচার #fyp #viral"
    result = check_post(post, platform)
    text = str(result)
    _every_line_is_bengali(text)
    for english in (
        "counts",
        "Problems",
        "Advice",
        "characters",
        "Readers see",
        "the fold",
        "UNCERTAIN",
        "shows about",
    ):
        assert english not in text
    assert "পরামর্শ:" in text and "এগুলো আপনার পোস্ট সম্পর্কে কিছুই বলে না" in text
    if platform in FOLDS:
        assert 'পাঠক দেখেন: "' in text and "অনিশ্চিত" in result.fold_note
    html = result._repr_html_()
    assert "দৈর্ঘ্য" in html and "দৃশ্যমান অক্ষর" in html and "সীমার সূত্র" in html
    assert "Length" not in html and "Limit source" not in html


def test_one_generic_hashtag_is_it_and_two_are_they():
    use_language("bn")
    assert check_post("ঈদ মোবারক #fyp", "tiktok").advice[0].startswith("#fyp: এটি ")
    assert check_post("ঈদ মোবারক #fyp #viral", "tiktok").advice[0].startswith("#fyp #viral: এগুলো ")


def test_problems_of_hashtags_titles_and_a_late_disclosure_are_bengali():
    use_language("bn")
    tags = check_post("#one #two #three #four #five #six", "instagram").problems
    assert tags[0].startswith("৬টি হ্যাশট্যাগ: ইনস্টাগ্রাম প্রতি পোস্টে বড়জোর ৫টি")
    title = check_post("<b> টাইটেল", "youtube", field="title").problems
    assert title[0].startswith("ইউটিউবের টাইটেলে '<' বা '>' রাখা যায় না")
    late = check_post(
        "ঈদের নতুন কালেকশন! " * 10 + "Thanks to Bata for the free sandals", "instagram"
    ).problems
    assert late[0].startswith("ডিসক্লোজার 'Thanks to Bata for the free sandals' আছে")


def test_check_post_errors_teach_in_bengali():
    use_language("bn")
    with pytest.raises(InputError) as empty:
        check_post("   ", "x")
    assert str(empty.value).startswith("পোস্টটি ফাঁকা")
    assert "কীভাবে ঠিক করবেন: আগে পোস্টটি লিখুন" in str(empty.value)
    with pytest.raises(InputError) as field:
        check_post("হ্যালো", "instagram", field="title")
    assert "ইনস্টাগ্রাম পোস্টের এমন কোনো অংশ নয়" in str(field.value)
    with pytest.raises(InputError) as twitter:
        check_post("হ্যালো", "twitter")
    assert "টুইটার এখন এক্স" in str(twitter.value)
    with pytest.raises(InputError) as platform:
        check_post("হ্যালো", "myspace")
    assert "প্ল্যাটফর্ম" in str(platform.value)


def test_english_is_unchanged_after_a_turn_in_bengali():
    post = "শুভ নববর্ষ! 🎉 Join us https://example.org #পহেলা_বৈশাখ #fyp"
    before = [str(check_post(post, p)) for p in ("x", "instagram", "youtube")]
    mix_before = str(content_mix(_posts(), promotional_pillars=["offers"]))
    disclosure_before = str(check_disclosure("Thanks Bata for the lovely sandals!"))
    use_language("bn")
    assert [str(check_post(post, p)) for p in ("x", "instagram", "youtube")] != before
    use_language("en")
    assert [str(check_post(post, p)) for p in ("x", "instagram", "youtube")] == before
    assert str(content_mix(_posts(), promotional_pillars=["offers"])) == mix_before
    assert str(check_disclosure("Thanks Bata for the lovely sandals!")) == disclosure_before
    assert before[0].startswith("X counts 64 of 280 weighted characters — 216 to spare.")


def test_every_limit_explains_itself_in_bengali_sentences():
    use_language("bn")
    for limit in LIMITS:
        text = str(limit)
        assert BENGALI.search(text) and text.endswith("।"), text
        assert "UNCERTAIN" not in text and "at most" not in text


# ------------------------------------------------------------------------------ format and mix
def _posts() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "pillar": ["tips", "tips", "tips", "offers"],
            "format": ["text", "image", "short_video", "image"],
            "platform": ["instagram"] * 4,
            "caption": ["৫টি টিপস", "How to pack a lunch", "Meet Rina", "ঈদ অফার! ২০% ছাড়"],
        }
    )


def test_format_fit_names_platform_format_and_rating_in_bengali():
    use_language("bn")
    fit = format_fit("youtube", "text")
    assert fit.fit == "poor"  # the rating itself is data
    assert str(fit) == (
        "ইউটিউব লেখা: দুর্বল। আপলোড হিসেবে চলে না: ইউটিউবে ভিডিও প্রকাশ "
        "হয়। (প্ল্যাটফর্মটিতে এমন কোনো পোস্টের ধরন নেই)"
    )
    assert "শর্ট ভিডিও" in str(format_fit("instagram", "short_video"))


def test_content_mix_reads_in_bengali_and_keeps_pillar_names():
    use_language("bn")
    mix = content_mix(_posts(), promotional_pillars=["offers"])
    text = str(mix)
    _every_line_is_bengali(text)
    assert text.startswith("৪টি পোস্ট।\nপিলার: tips ৭৫%, offers ২৫%।")
    assert "শর্ট ভিডিও ২৫%" in text and "প্রচারমূলক: ২৫% (১টি পোস্ট)" in text
    assert any(
        tip.startswith("ইনস্টাগ্রাম: ১টি লেখা পোস্ট, যা ভালো মানায় না। চলে না: ") for tip in mix.suggestions
    )
    assert list(mix.promotional_posts["promotional_because"]) == ["পিলার 'offers'"]
    html = mix._repr_html_()
    assert "প্রচারমূলক" in html and "মোটা দাগের নিয়ম" in html and "posts" not in html


# ------------------------------------------------------------------------------ ethics
def test_disclosure_verdicts_problems_and_do_lines_are_bengali():
    use_language("bn")
    result = check_disclosure("Thanks Bata for the lovely sandals!")
    text = str(result)
    assert text.startswith("ডিসক্লোজারে কাজ বাকি (পাওয়া ডিসক্লোজার: নেই)")
    assert "  সমস্যা: 'thanks' একটি অস্পষ্ট লেবেল" in text
    assert "  করণীয়: পোস্ট শুরু করুন '#ad'" in text
    _every_line_is_bengali(text)
    html = result._repr_html_()
    assert "ডিসক্লোজারে কাজ বাকি" in html and "সূত্র:" in html and "Sources" not in html
    buried = str(check_disclosure("Eid vibes with @bata " + "#eid " * 6 + "#ad #style #shoes"))
    assert "'#ad' শেষের ৯টি হ্যাশট্যাগের ৭ নম্বরে চাপা পড়েছে" in buried
    late = check_disclosure("ঈদের নতুন কালেকশন! " * 10 + "#ad", platform="facebook")
    assert any("নম্বর অক্ষরে" in problem for problem in late.problems)
    none = check_disclosure("আমার নিজের তোলা ছবি", sponsored=False)
    assert none.ok and none.notes[0].startswith("ব্র্যান্ডের সঙ্গে কোনো সম্পর্ক নেই")


def test_a_plain_words_disclosure_says_in_bengali_what_it_tells_the_reader():
    use_language("bn")
    result = check_disclosure("নকশী ঘর এই ব্যাগটি উপহার দিয়েছে। ঈদের সাজ!")
    assert result.ok and result.labels == ("উপহার দিয়েছে",)  # the post's words, as written
    assert result.notes[0] == (
        "সহজ কথায় লেখা 'উপহার দিয়েছে' জানায় যে ব্র্যান্ড আপনাকে "
        "পণ্যটি উপহার দিয়েছে (উপহার): Disclosures 101 এমন সহজ কথা "
        "মেনে নেয়, যেমন 'Thanks to Acme brand for the free product'"
    )


def _cue_rows() -> list[dict[str, str]]:
    text = (resources.files("smm_helpers") / "data" / "disclosure_cues.csv").read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


@pytest.mark.parametrize("row", _cue_rows(), ids=lambda row: row["example"][:30])
def test_every_cue_tells_a_bengali_reader_in_bengali(row):
    says = row["says_bn"]
    assert BENGALI.search(says) and not regex.search(r"[A-Za-z]{3,}", says), says
    assert unicodedata.is_normalized("NFC", says)
    use_language("bn")
    notes = check_disclosure(row["example"]).notes
    assert any(f"জানায় যে {says} (" in note for note in notes), notes


def test_a_cue_without_its_bengali_words_is_a_data_error():
    header = "language,kind,pattern,example,says,says_bn\n"
    with pytest.raises(DataError) as missing:
        _read_cues(header + "en,gift,gifted,gifted,a gift, \n")
    assert missing.value.column == "says_bn" and missing.value.line == 2
    with pytest.raises(DataError) as old:
        _read_cues("language,kind,pattern,example,says\nen,gift,gifted,gifted,a gift\n")
    assert old.value.column == "says_bn"


def test_black_hat_signals_and_claims_show_in_bengali_and_keep_their_ids():
    use_language("bn")
    signals = black_hat_signals(
        "Tag 3 friends! শেষ সুযোগ bit.ly/x ফ্রি #a #b #c #d #e #f", platform="instagram"
    )
    assert [s.kind for s in signals] == [
        "hashtag stuffing",
        "engagement bait",
        "shortened link with a free offer",
        "urgency pressure",
    ]
    shown = [str(s) for s in signals]
    assert shown[0].startswith("হ্যাশট্যাগ স্টাফিং: ") and "৬টি হ্যাশট্যাগ" in shown[0]
    assert shown[1].startswith("এনগেজমেন্ট বেইট: 'Tag 3 friends' — ")
    assert "<b>হ্যাশট্যাগ স্টাফিং</b>" in signals[0]._repr_html_()
    stuffed = black_hat_signals("sale sale sale sale today only, great sale")
    assert str(stuffed[0]).startswith("কিওয়ার্ড স্টাফিং: ")
    claims = unsourced_claims("গবেষণায় দেখা গেছে ৮৯% মানুষ রাজি।")
    assert [c.kind for c in claims] == ["percentage", "appeal to research"]
    assert str(claims[0]) == "সূত্র ছাড়া শতাংশ '৮৯%': গবেষণায় দেখা গেছে ৮৯% মানুষ রাজি।"


def test_fake_engagement_reasons_and_headings_are_bengali():
    days = pd.date_range("2026-01-01", periods=30)
    gains = [20 + (i * 7) % 5 for i in range(30)]
    gains[20] = 2000
    followers = pd.DataFrame(
        {
            "date": days,
            "client": "business",
            "platform": "instagram",
            "followers": pd.Series(gains).cumsum() + 5000,
        }
    )
    posts = pd.DataFrame(
        {
            "post_id": [f"p{i}" for i in range(15)],
            "client": "business",
            "platform": "instagram",
            "published_at": days[::2],
            "reach": 1000,
            "reactions": [50 + i % 7 for i in range(15)],
            "comments": 5,
            "shares": 2,
            "saves": 1,
        }
    )
    posts.loc[7, "reactions"] = 900
    burst = pd.DataFrame(
        {  # 10 copies of one comment within 5 minutes ...
            "post_id": "p1",
            "author": [f"fan{i}" for i in range(10)],
            "text": ["দারুণ অফার! 🔥 @page"] * 10,
            "timestamp": pd.date_range("2026-01-03 10:00", periods=10, freq="30s"),
        }
    )
    steady = pd.DataFrame(
        {  # ... on a post that otherwise gets a comment every 2 hours
            "post_id": "p1",
            "author": [f"reader{i}" for i in range(12)],
            "text": [f"প্রশ্ন {word}" for word in "কখগঘঙচছজঝঞটঠ"],
            "timestamp": pd.date_range("2026-01-03 00:00", periods=12, freq="2h"),
        }
    )
    comments = pd.concat([burst, steady], ignore_index=True)
    use_language("bn")
    report = detect_fake_engagement(posts, followers, comments=comments)
    assert report.follower_spikes["reason"][0].startswith("ফলোয়ার হঠাৎ ২,০০০ বেড়েছে")
    assert report.like_spikes["reason"][0].startswith("১,০০০ রিচের তুলনায় ৯০০টি রিঅ্যাকশন")
    assert report.templated_comments["reason"][0] == ("১০টি অ্যাকাউন্ট থেকে প্রায় হুবহু একই রকম ১০টি মন্তব্য")
    assert regex.fullmatch(
        r"১০ মিনিটের মধ্যে ১১টি মন্তব্য; সাধারণত আসে প্রতি ১০ মিনিটে "
        r"[০-৯]+\.[০-৯]টি",
        report.comment_bursts["reason"][0],
    )
    html = report._repr_html_()
    assert "সম্ভাব্য ভুয়া এনগেজমেন্ট" in html and "ফলোয়ারের হঠাৎ লাফ (১)" in html
