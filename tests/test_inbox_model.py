"""The inbox model and the labelled set: real-text examples, urgency across scripts, an
honest split, macro-F1 floors per language, determinism."""

from __future__ import annotations

import subprocess
import sys
import unicodedata

import pytest

from smm_helpers.community import classify_message, detect_language, urgency_of
from smm_helpers.inbox_model import build_set
from smm_helpers.inbox_model.data import load_labelled_set
from smm_helpers.inbox_model.evaluate import macro_f1, macro_f1_table
from smm_helpers.inbox_model.train import train_on, trained_model
from smm_helpers.schema import MESSAGE_CATEGORIES


@pytest.fixture(scope="module")
def labelled():
    return load_labelled_set()


@pytest.fixture(scope="module")
def table():
    return macro_f1_table()


# ------------------------------------------------------------------ issue 16's messages


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Great, the link is broken again", "complaint"),  # sarcasm
        ("The bag is not good", "complaint"),  # no complaint word
        ("Not happy with the stitching", "complaint"),
        ("vai order ta kobe pabo", "question"),  # Banglish, no "?"
        ("taka ferot chai", "complaint"),
        ("khub baje service", "complaint"),
    ],
)
def test_the_issues_examples_are_read_right(text: str, category: str) -> None:
    result = classify_message(text)
    assert result.category == category, str(result)
    assert any(r.startswith("model: ") for r in result.reasons)


# Written for this test; none of them is in the labelled set (checked below).
FRESH = {
    "en": [
        ("Kindly share the size chart for the panjabi", "question"),
        ("I need to know if you deliver on Fridays", "question"),
        ("Oh wonderful, the parcel went to the wrong district again", "complaint"),
        ("The colour faded after a single wash, not happy", "complaint"),
        ("Your volunteers made the winter drive feel like family, thank you", "praise"),
        ("Stitching is neat and the fit is spot on", "praise"),
        ("Earn 3000 taka a day from your phone, message me now", "spam"),
        ("Your page has been reported, verify here to avoid suspension", "spam"),
        ("Eid Mubarak from all of us in Rangpur", "other"),
        ("My cousin told me about your page", "other"),
    ],
    "bn": [
        ("পাঞ্জাবির সাইজ চার্টটা দিবেন", "question"),
        ("শুক্রবারে ডেলিভারি দেন কিনা জানতে চাই", "question"),
        ("বাহ, আবারও ভুল জেলায় পার্সেল পাঠিয়েছেন", "complaint"),
        ("একবার ধোয়ার পরেই রং উঠে গেছে, একদম ভালো না", "complaint"),
        ("শীতবস্ত্র বিতরণে আপনাদের আন্তরিকতা মুগ্ধ করেছে, ধন্যবাদ", "praise"),
        ("সেলাই খুব সুন্দর, মাপও একদম ঠিক", "praise"),
        ("মোবাইল দিয়ে ঘরে বসে দিনে ৩০০০ টাকা আয় করুন, এখনই যোগাযোগ করুন", "spam"),
        ("আপনার পেজ রিপোর্ট হয়েছে, বন্ধ হওয়া ঠেকাতে এখানে ভেরিফাই করুন", "spam"),
        ("রংপুর থেকে সবাইকে ঈদ মোবারক", "other"),
        ("আমার কাজিন আপনাদের পেজের কথা বলেছিল", "other"),
    ],
    "banglish": [
        ("panjabir size chart ta diben", "question"),
        ("shukrobar e delivery den kina jante chai", "question"),
        ("wah, abar o vul jelay parcel pathaisen", "complaint"),
        ("ekbar dhowar porei rong uthe gese, ekdom valo na", "complaint"),
        ("sheetbostro bitorone apnader antorikota mugdho korse, dhonnobad", "praise"),
        ("selai khub sundor, map o ekdom thik", "praise"),
        ("mobile diye ghore bose dine 3000 taka income korun, ekhoni jogajog korun", "spam"),
        ("apnar page report hoyeche, bondho hoa thekate ekhane verify korun", "spam"),
        ("rangpur theke sobaike eid mubarak", "other"),
        ("amar cousin apnader page er kotha bolsilo", "other"),
    ],
}


def test_the_fresh_messages_are_not_in_the_labelled_set(labelled) -> None:
    known = {unicodedata.normalize("NFC", t).casefold() for t in labelled["text"]}
    for messages in FRESH.values():
        for text, _ in messages:
            assert unicodedata.normalize("NFC", text).casefold() not in known, text


@pytest.mark.parametrize("variety", sorted(FRESH))
def test_fresh_messages_in_every_script_and_category(variety: str) -> None:
    # Ten messages per script, two per category.  Measured 9/10 (en), 10/10 (bn),
    # 10/10 (banglish); the cues alone get 8, 9 and 8.  The floor allows two misses.
    messages = FRESH[variety]
    right = [classify_message(text).category == category for text, category in messages]
    assert sum(right) >= 8, [m for m, ok in zip(messages, right, strict=True) if not ok]
    for text, _ in messages:
        assert detect_language(text) == ("en" if variety == "en" else "bn"), text


# ------------------------------------------------------------------ urgency across scripts


@pytest.mark.parametrize(
    ("english", "bengali", "banglish", "level"),
    [
        ("I want my money back", "টাকা ফেরত চাই", "taka ferot chai", 2),
        ("Refund me today", "আজই রিফান্ড দিন", "ajkei refund den", 2),
        ("This page is a fraud", "এই পেজ প্রতারক", "ei page protarok", 2),
        ("Urgent, please call me", "জরুরি, একটু ফোন দিন", "joruri, ektu phone den", 2),
        ("I will file a case in court", "আমি মামলা করব", "ami mamla korbo", 3),
        ("I'm going to the police", "থানায় জিডি করব", "thanay gd korbo", 3),
        ("The rider threatened me", "রাইডার আমাকে হুমকি দিয়েছে", "rider amake humki dise", 3),
        ("Remove my son's photo", "আমার ছেলের ছবি সরান", "amar cheler chobi soran", 3),
        ("I want to die", "মরে যেতে চাই", "more jete chai", 3),
        ("The charger caught fire", "চার্জারে আগুন লেগেছে", "charger e agun legeche", 2),
    ],
)
def test_urgency_is_the_same_in_every_script(
    english: str, bengali: str, banglish: str, level: int
) -> None:
    assert urgency_of(english)[0] == urgency_of(bengali)[0] == urgency_of(banglish)[0] == level


def test_thanks_for_a_refund_is_not_urgent_in_any_script() -> None:
    for text in (
        "Thanks for the quick refund!",
        "দ্রুত টাকা ফেরত দেওয়ার জন্য ধন্যবাদ",
        "taratari taka ferot dewar jonno dhonnobad",
    ):
        result = classify_message(text)
        if result.category == "praise":
            assert result.urgency == 0, str(result)


def test_urgency_labels_of_the_set_are_met_by_the_cues(labelled) -> None:
    from smm_helpers.community import triage

    marked = labelled[labelled["urgency"] != ""]
    found = triage(marked)["urgency"].astype(str)
    agreement = (found == marked["urgency"]).groupby(marked["variety"]).mean()
    assert set(agreement.index) == {"en", "bn", "banglish"}
    assert (agreement >= 0.95).all(), agreement  # measured 100%, 98%, 100%


# ------------------------------------------------------------------ the labelled set


def test_the_set_is_large_varied_and_in_all_three_scripts(labelled) -> None:
    assert len(labelled) >= 2500
    counts = labelled.groupby(["variety", "category"]).size()
    for variety in ("en", "bn", "banglish"):
        for category in MESSAGE_CATEGORIES:
            assert counts[(variety, category)] >= 100, (variety, category)
    assert labelled["group"].nunique() >= 900
    assert labelled["text"].str.len().max() >= 70 and labelled["text"].str.len().min() <= 3
    assert labelled["text"].str.contains("[\U0001f300-\U0001faff]").mean() > 0.1  # emoji
    texts = list(labelled["text"])
    assert all(unicodedata.is_normalized("NFC", t) for t in texts)


def test_the_test_split_shares_no_group_or_topic_with_training(labelled) -> None:
    for column in ("group", "topic"):
        splits = labelled.groupby(column)["split"].nunique()
        assert (splits == 1).all(), splits[splits > 1].index[:5].tolist()
    test = labelled[labelled["split"] == "test"]
    assert 0.2 <= len(test) / len(labelled) <= 0.4
    # a family's typed copies stay with it: every group of the test split is whole there
    assert set(test["group"]).isdisjoint(labelled.loc[labelled["split"] == "train", "group"])


def test_the_committed_set_is_what_the_builder_writes() -> None:
    committed = build_set.output_path().read_text(encoding="utf-8")
    assert committed == build_set.render_csv(build_set.build_rows()), (
        "rebuild it: python -m smm_helpers.inbox_model.build_set"
    )


def test_a_bad_source_line_is_named_with_its_file_and_line() -> None:
    from smm_helpers.errors import DataError

    with pytest.raises(DataError, match=r"bn\.txt, line 4: 'z' is not a category letter"):
        build_set.parse_line("z: কিছু একটা", line=4, file="bn.txt")


# ------------------------------------------------------------------ honest figures


def test_macro_f1_per_language_on_the_test_split_is_above_its_floor(table) -> None:
    # Measured (python -m smm_helpers.inbox_model.evaluate): combined en 0.777, bn 0.831,
    # Banglish 0.751, overall 0.787; model alone 0.727 / 0.750 / 0.712 / 0.731; cues alone
    # 0.667 / 0.731 / 0.626 / 0.676.  Floors sit 0.05 under the measured values: training
    # is deterministic, so a drop that large means a real regression (a broken cue, a lost
    # feature, a leaking or shrunken split), not noise; a test set of ~290 messages per
    # language moves by about 0.01 for every 3 messages read differently.
    floors = {"en": 0.72, "bn": 0.78, "banglish": 0.70, "overall": 0.73}
    for column, floor in floors.items():
        assert table.loc["combined", column] >= floor, (column, table.loc["combined", column])
    assert table.loc["model", "overall"] >= 0.68
    assert table.loc["cues", "overall"] >= 0.62


def test_the_combination_is_at_least_as_good_as_either_part(table) -> None:
    for column in table.columns:
        assert table.loc["combined", column] > table.loc["cues", column], column
        assert table.loc["combined", column] > table.loc["model", column], column


def test_macro_f1_hand_computed() -> None:
    # question: F1 1; spam: precision 1, recall 1/2 -> F1 2/3; other never occurs
    assert macro_f1(["question", "spam", "spam"], ["question", "spam", "spam"]) == 1.0
    assert macro_f1(["question", "spam"], ["question", "question"]) == pytest.approx(
        (2 / 3 + 0) / 2, abs=1e-3
    )


# ------------------------------------------------------------------ determinism and cost


def test_training_is_deterministic(labelled) -> None:
    train = labelled[labelled["split"] == "train"]
    texts = ["vai order ta kobe pabo", "The bag is not good", "ঈদ মোবারক"]
    first = train_on(train).predict_proba(texts)
    assert first == trained_model().predict_proba(texts)
    assert train_on(train.sample(frac=1, random_state=3)).predict(texts) == trained_model().predict(
        texts
    )


def test_importing_the_package_trains_nothing_and_loads_no_scikit_learn() -> None:
    code = (
        "import sys, smm_helpers, smm_helpers.community, smm_helpers.inbox_model; "
        "print(any(m.startswith('sklearn') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_model_trains_quickly() -> None:
    # measured 1.1 s on an idle 2-core machine (scikit-learn's import included); generous
    # bound for a busy CI runner
    assert trained_model().seconds < 10
