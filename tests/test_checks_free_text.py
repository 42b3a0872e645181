"""Free-text checks judge fairly: Bengali synonyms, Bengali word counts, no keyword salad.

The lessons' written answers are judged by ``text_elements``.  An honest short answer in
English or Bengali must pass; a list of the right keywords with no sentence around them must
not, in either language.
"""

from __future__ import annotations

import unicodedata

import pytest

from smm_helpers.checks import check
from smm_helpers.checks.judges import (
    FUNCTION_WORDS,
    SYNONYMS,
    count_words,
    text_elements,
    with_synonyms,
    words_in,
)

L03, L09, L10 = "03-platforms", "09-community", "10-analytics-and-reporting"

# (lesson, question, keyword salad): every element the question looks for is there, and
# nothing that makes a sentence of them.
SALAD = [
    (L10, "q4", "TikTok videos 5.4% post more"),
    (L10, "q4", "Instagram, reels, 20%, boost budget"),
    (L10, "q4", "ফেসবুক ভিডিও ৪% পোস্ট"),
    (L10, "q4", "টিকটক, রিল, ৫%, পোস্ট, বুস্ট"),
    (L09, "q4", "Sorry! Inbox, DM, phone, within 24 hours, today, apologise, private message."),
    (L09, "q4", "দুঃখিত! ক্ষমা। ইনবক্স, মেসেজ, ফোন, কল, ২৪ ঘণ্টা, আজ, ইমেইল, কাল।"),
    (
        L03,
        "q4",
        "Facebook Instagram TikTok parents students donors volunteers families photos "
        "videos reels carousels stories live links",
    ),
    (
        L03,
        "q4",
        "ফেসবুক ইনস্টাগ্রাম টিকটক অভিভাবক শিক্ষার্থী দাতা স্বেচ্ছাসেবক তরুণ ছবি ভিডিও রিল গল্প স্টোরি লাইভ ছবি",
    ),
]

# (lesson, question, an honest short answer): it must pass.
HONEST = [
    (L10, "q4", "Post 2 more TikTok videos a week: they got 5.4% engagement."),
    (L10, "q4", "Move 20% of the boost budget from X to Instagram, where reels did best."),
    (L10, "q4", "টিকটকে সপ্তাহে ২টি ভিডিও বেশি দিন, কারণ সেখানে এনগেজমেন্ট ৫.৪%।"),
    (L10, "q4", "ফেসবুকে ভিডিও বেশি পোস্ট করুন: গত মাসে ভিডিওর এনগেজমেন্ট ছিল ৪%।"),
    (
        L09,
        "q4",
        "Sorry for the wait! Please send us a DM with your order number and we will "
        "reply within 24 hours.",
    ),
    (L09, "q4", "দেরির জন্য আমরা দুঃখিত। অনুগ্রহ করে ইনবক্সে অর্ডার নম্বর পাঠান, আমরা ২৪ ঘণ্টার মধ্যে জানাব।"),
    # Bengali words the lesson's own patterns do not list: মা-বাবা (parents), গল্প (stories)
    (
        L03,
        "q4",
        "ফেসবুক দিয়ে শুরু করব, কারণ ঢাকার মা-বাবারা সেখানে প্রতিদিন থাকেন; আমরা শিশুদের "
        "পড়ার রিল আর গল্প পোস্ট করব যাতে তারা কাজটা দেখতে পান।",
    ),
    (
        L03,
        "q4",
        "Start with Facebook: parents in Dhaka use it every day, and we would post "
        "short videos of children reading.",
    ),
]


@pytest.mark.parametrize(
    ("lesson", "qid", "salad"), SALAD, ids=[f"{q[0]}/{q[1]}-{i}" for i, q in enumerate(SALAD)]
)
def test_keyword_salad_fails_in_english_and_bengali(lesson, qid, salad):
    for form in ("NFC", "NFD"):
        verdict = check(lesson, qid, unicodedata.normalize(form, salad))
        assert not verdict.correct, (form, salad)
        assert not verdict.missing, f"the salad should hold every element: {verdict.missing}"
        assert "list of keywords" in verdict.message and "sentences" in verdict.hint


@pytest.mark.parametrize(
    ("lesson", "qid", "answer"), HONEST, ids=[f"{q[0]}/{q[1]}-{i}" for i, q in enumerate(HONEST)]
)
def test_an_honest_short_answer_passes_in_english_and_bengali(lesson, qid, answer):
    for form in ("NFC", "NFD"):
        verdict = check(lesson, qid, unicodedata.normalize(form, answer))
        assert verdict.correct, (form, answer, str(verdict))


def test_a_bengali_synonym_counts_for_an_english_keyword():
    judge = text_elements({"a format": [r"videos?"], "an audience": [r"parents?"]})
    assert judge("আমরা অভিভাবকদের জন্য ছোট ভিডিও বানাব।").correct
    missing = judge("আমরা সবার জন্য পোস্ট দেব।")
    assert not missing.correct and set(missing.missing) == {"a format", "an audience"}


def test_synonyms_are_added_only_where_the_english_word_matches():
    assert "ভিডিও" in with_synonyms([r"\b(videos?|reels?)\b"])
    assert "অভিভাবক" in with_synonyms([r"parents?"])
    assert with_synonyms([r"[0-9০-৯]"]) == [r"[0-9০-৯]"]  # a number has no synonym
    assert "ভিডিও" not in with_synonyms([r"parents?"])


def test_the_synonym_table_is_bengali_and_in_nfc():
    for english, bengali in SYNONYMS.items():
        assert english.isascii() and english == english.lower(), english
        for word in bengali:
            assert word == unicodedata.normalize("NFC", word), (english, ascii(word))
            assert any("\u0980" <= c <= "\u09ff" for c in word), (english, word)
    for word in FUNCTION_WORDS:
        assert word == unicodedata.normalize("NFC", word)


def test_bengali_words_are_counted_whole_and_punctuation_is_not_a_word():
    # ASCII-only \w splits কিছু and সম্পর্ক at their vowel signs and hasanta.
    assert words_in("কিছু সম্পর্ক") == ["কিছু", "সম্পর্ক"]
    assert count_words("সমর্থকদের সাথে সম্পর্ক তৈরি হয় । খরচ কম।আর ভালো") == 9
    assert count_words("We reply within 24 hours — always.") == 6
    assert count_words(unicodedata.normalize("NFD", "হয়েছে নয়")) == 2


def test_min_words_counts_bengali_fairly():
    judge = text_elements({"a reason": [r"খরচ"]}, min_words=6)
    four_words_and_dandas = "খরচ কম , তাই ভালো । । ।"
    verdict = judge(four_words_and_dandas)
    assert not verdict.correct and "4 words" in verdict.message  # split() said 8
    assert judge("খরচ কম, তাই আমাদের জন্য ভালো।").correct


def test_salad_can_be_switched_off_for_a_list_question():
    judge = text_elements({"a platform": [r"facebook"], "a format": [r"videos?"]}, sentences=False)
    assert judge("Facebook videos").correct
