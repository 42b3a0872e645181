"""The course data's texts read like real ones: a varied inbox with Banglish, safety
messages a manager must escalate, and Bengali written as a Bangladeshi writer would."""

from __future__ import annotations

import re
import unicodedata

import pandas as pd
import pytest

from smm_helpers import community
from smm_helpers.datasets import CLIENT_PROFILES, calibration, load_course_data
from smm_helpers.datasets.captions import (
    MESSAGE_VARIANTS,
    bn_case,
    caption_pool,
    message_parts,
    special_day_captions,
)
from smm_helpers.errors import InputError
from smm_helpers.schema import CLIENTS, LANGUAGES, MESSAGE_CATEGORIES

BENGALI_LETTER = re.compile("[\u0980-\u09ff]")
# a hyphen glued before a Bengali case ending or classifier: "মিরপুর-এ", "কভার-এর", "৫০০-তে"
HYPHENATED_ENDING = re.compile(
    unicodedata.normalize("NFC", r"-(?:এর|এ|য়ের|য়ে|য়|তে|র|কে|টি|টা|টির)(?![\u0980-\u09ff])")
)


@pytest.fixture(scope="module")
def inbox():
    frame = load_course_data().inbox
    return frame.assign(
        banglish=(frame["language"] == "bn") & ~frame["text"].str.contains(BENGALI_LETTER)
    )


@pytest.fixture(scope="module")
def triaged(inbox):
    """classify_message on every message, with the language column (one pass)."""
    results = [
        community.classify_message(text, language=language)
        for text, language in zip(inbox["text"], inbox["language"], strict=True)
    ]
    return pd.DataFrame(
        {"category": [r.category for r in results], "urgency": [r.urgency_label for r in results]},
        index=inbox.index,
    )


def all_generator_texts() -> list[str]:
    texts: list[str] = []
    for client in CLIENTS:
        for language in LANGUAGES:
            texts += special_day_captions(client, language)
            for pillar in CLIENT_PROFILES[client].pillars:
                texts += caption_pool(client, pillar, language)
        for category in MESSAGE_CATEGORIES:
            for variant in MESSAGE_VARIANTS:
                for templates in message_parts(client, category, variant).values():
                    for filled in templates:
                        texts += filled
    return texts


def test_most_inbox_messages_are_unique(inbox):
    assert inbox["text"].nunique() >= 0.85 * len(inbox)
    for client in CLIENTS:
        texts = inbox.loc[inbox["client"] == client, "text"]
        assert texts.nunique() >= 0.8 * len(texts), client


def test_banglish_is_a_realistic_share_and_labelled_bengali(inbox):
    bengali = inbox[inbox["language"] == "bn"]
    share = bengali["banglish"].mean()
    assert share == pytest.approx(calibration.BANGLISH_SHARE, abs=0.1)
    for client in CLIENTS:
        assert inbox.loc[inbox["client"] == client, "banglish"].sum() >= 20, client
    # Banglish is written in Latin letters: no Bengali script slipped in, none labelled en
    assert not inbox.loc[inbox["banglish"], "text"].str.contains(BENGALI_LETTER).any()
    assert set(inbox["language"].astype(str)) == set(LANGUAGES)


def test_every_client_category_and_script_is_represented(inbox):
    counts = inbox.groupby(["client", "category", "language", "banglish"], observed=True).size()
    for client in CLIENTS:
        for category in MESSAGE_CATEGORIES:
            for language, banglish in (("en", False), ("bn", False), ("bn", True)):
                assert counts.get((client, category, language, banglish), 0) >= 2, (
                    client,
                    category,
                    language,
                    banglish,
                )


def test_inbox_messages_look_typed_by_people(inbox):
    text = inbox["text"]
    assert text.str.contains("[\U0001f300-\U0001faff\u2764]").mean() > 0.1  # emoji
    latin = inbox[~inbox["text"].str.contains(BENGALI_LETTER)]
    assert (latin["text"] == latin["text"].str.lower()).mean() > 0.1  # all lower case
    assert latin["text"].str.contains(r"\bpls\b|\bu\b|\?\?|!!|recieved|delivary").any()
    assert (
        text.str.match(
            r"(?:Hi|Hello|Salam|Assalamu|আসসালামু|আপু|ভাইয়া|apu|salam)", flags=re.IGNORECASE
        ).mean()
        > 0.15
    )  # greetings


def test_safety_messages_are_in_the_inbox_and_flagged(inbox, triaged):
    urgency = triaged["urgency"]
    for client in CLIENTS:
        critical = inbox[(inbox["client"] == client) & (urgency == "critical")]
        assert len(critical) >= 3, client
        assert critical["banglish"].any() or client == "business"
    child_photo = inbox["text"].str.contains(
        r"photo of my|video of my|ছবি|ভিডিও|chobi|video post", case=False
    )
    assert (child_photo & (inbox["client"] == "nonprofit") & (urgency == "critical")).sum() >= 3
    assert (urgency == "high").sum() >= 5


def test_classifier_reads_the_generated_inbox_including_banglish(inbox, triaged):
    right = triaged["category"] == inbox["category"].astype(str)
    assert right.mean() >= 0.85
    assert right[inbox["banglish"]].mean() >= 0.8
    for category in ("question", "complaint", "praise", "spam"):
        assert right[inbox["category"] == category].mean() >= 0.75, category


def test_bengali_endings_are_attached_and_every_text_is_nfc(inbox):
    texts = all_generator_texts()
    posts = load_course_data().posts
    texts += list(inbox["text"]) + list(posts["caption"])
    hyphenated = [t for t in texts if HYPHENATED_ENDING.search(t)]
    assert not hyphenated, hyphenated[:5]
    not_nfc = [t for t in texts if not unicodedata.is_normalized("NFC", t)]
    assert not not_nfc, not_nfc[:5]


@pytest.mark.parametrize(
    ("word", "case", "written"),
    [
        ("কামরাঙ্গীরচর", "loc", "কামরাঙ্গীরচরে"),
        ("কুশন কভার", "loc", "কুশন কভারে"),
        ("নকশী কাঁথা", "loc", "নকশী কাঁথায়"),
        ("মাটির ফুলদানি", "loc", "মাটির ফুলদানিতে"),
        ("ধামরাই", "gen", "ধামরাইয়ের"),
        ("নুসরাত", "gen", "নুসরাতের"),
        ("আয়েশা", "gen", "আয়েশার"),
        ("ভবিষ্যৎ", "loc", "ভবিষ্যতে"),
    ],
)
def test_bn_case_writes_endings_as_bangladeshis_do(word, case, written):
    assert bn_case(word, case) == unicodedata.normalize("NFC", written)


def test_bn_case_refuses_latin_words_and_unknown_cases():
    with pytest.raises(InputError, match="Bengali letter"):
        bn_case("Mirpur", "loc")
    with pytest.raises(InputError, match="'dative' is not a Bengali case"):
        bn_case("মিরপুর", "dative")
