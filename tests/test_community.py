"""Tests for smm_helpers.community: the inbox classifier, response times, escalation, replies."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smm_helpers import community
from smm_helpers.community import (
    classify_message,
    detect_language,
    escalation_queue,
    evaluate_classifier,
    load_labelled_sample,
    reply_template,
    response_time_report,
    template_fields,
    triage,
)
from smm_helpers.errors import DataError, InputError
from smm_helpers.schema import MESSAGE_CATEGORIES

# ------------------------------------------------------------------ classifier


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Is the library open on Thursday evenings?", "question"),
        ("পরের ক্লাস কখন হবে?", "question"),
        ("The parcel never arrived and nobody answers the phone.", "complaint"),
        ("বইগুলো নষ্ট অবস্থায় এসেছে, খুব হতাশ", "complaint"),
        ("Thank you for the lovely reading session!", "praise"),
        ("আপনাদের কাজ অসাধারণ, ধন্যবাদ", "praise"),
        ("WIN A FREE PHONE NOW click www.prize-now.xyz", "spam"),
        ("ফ্রি রিচার্জ পেতে লিংকে ক্লিক করুন", "spam"),
        ("see you there", "other"),
    ],
)
def test_classify_message_sorts_unseen_messages(text: str, expected: str) -> None:
    # Messages written for this test, not taken from the labelled sample.
    assert classify_message(text).category == expected


def test_classify_message_explains_itself_with_the_cues_that_fired() -> None:
    result = classify_message("Where is your shop?")
    assert any("question mark" in reason for reason in result.reasons)
    assert any("wh-word" in reason for reason in result.reasons)
    assert str(result).startswith("question (")
    assert "<b>question</b>" in result._repr_html_()
    assert repr(result).startswith("Triage('Where is your shop?'")


def test_confidence_is_the_winners_share_of_the_evidence() -> None:
    result = classify_message("Where is your shop?")
    assert result.confidence == pytest.approx(result.scores["question"], abs=1e-3)
    assert sum(result.scores.values()) == pytest.approx(1, abs=0.01)
    cues_only = classify_message("Where is your shop?", model=False)
    assert cues_only.confidence == pytest.approx(
        cues_only.cue_scores["question"] / sum(cues_only.cue_scores.values()), abs=1e-3
    )


def test_the_model_is_one_piece_of_evidence_and_says_how_much_it_added() -> None:
    result = classify_message("The bag is not good")
    model_line = [r for r in result.reasons if r.startswith("model:")]
    assert len(model_line) == 1 and re.match(
        r"model: complaint 0\.\d\d \(\+\d\.\d\)", model_line[0]
    )
    assert sum(result.model_scores.values()) == pytest.approx(1, abs=0.01)
    for category in MESSAGE_CATEGORIES:  # scores are cue points plus model points, shared
        points = (
            result.cue_scores[category] + community.MODEL_POINTS * result.model_scores[category]
        )
        total = sum(result.cue_scores.values()) + community.MODEL_POINTS
        assert result.scores[category] == pytest.approx(points / total, abs=0.01)


def test_with_no_cue_the_model_decides_and_says_so() -> None:
    result = classify_message("see you on Friday")
    assert not result.cue_matched
    assert "the model alone" in str(result) and "no cue matched" in str(result)
    assert result.confidence == pytest.approx(max(result.scores.values()), abs=1e-3)


@pytest.mark.parametrize(
    "text",
    ["see you at the shop tomorrow", "see you on Friday", "আজ বিকেলে দেখা হবে", "12345"],
)
def test_with_no_cue_the_confidence_says_it_is_a_guess(text: str) -> None:
    # cues alone: 'other' wins by its head start alone: that is no evidence, so never 100%.
    result = classify_message(text, model=False)
    assert result.reasons == ()
    assert result.category == "other"
    assert not result.cue_matched
    assert result.confidence == pytest.approx(0.2)  # one guess in five
    assert "100%" not in str(result)
    assert "no cue matched" in str(result)
    assert "no cue matched" in result._repr_html_()


def test_a_cue_for_other_is_evidence_too() -> None:
    result = classify_message("Eid Mubarak to the whole team")
    assert result.category == "other"
    assert result.cue_matched
    assert "no cue matched" not in str(result)


def test_a_negated_complaint_word_does_not_count() -> None:
    assert classify_message("Never disappointed, always on time").category != "complaint"


def test_bengali_question_mark_and_language_detection() -> None:
    result = classify_message("দাম কত?")
    assert result.language == "bn"
    assert result.category == "question"


def test_banglish_is_detected_as_bengali() -> None:
    assert detect_language("apnader office kothay bhai") == "bn"
    assert detect_language("Where is the office, brother?") == "en"


@pytest.mark.parametrize(
    "text",
    [
        "apu parcel ta ekhono hate pai nai",  # no word of the old hard-coded list but "nai"
        "eita kivabe use korte hoy bujhtesi na",
        "shobaike onek shubhechha",
        "vaiya delivery charge ta koto porbe",
    ],
)
def test_banglish_spellings_are_recognised_without_a_word_list(text: str) -> None:
    assert detect_language(text) == "bn"


@pytest.mark.parametrize(
    "text",
    [
        "Please send the invoice to my office email",
        "The colours faded after one wash",
        "Looking forward to the next workshop",
    ],
)
def test_plain_english_stays_english(text: str) -> None:
    assert detect_language(text) == "en"


def test_an_explicit_language_overrides_detection() -> None:
    assert classify_message("hello", language="bn").language == "bn"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Someone posted my child's photo without my consent", 3),
        ("I will go to the police about this", 3),
        ("Refund me, this is a scam", 2),
        ("জরুরি, পার্সেল পাইনি", 2),
        ("Thanks a lot", 0),
    ],
)
def test_urgency_levels(text: str, level: int) -> None:
    assert community.urgency_of(text)[0] == level


def test_spam_is_never_urgent() -> None:
    assert community.urgency_of("URGENT!!! claim your FREE prize at bit.ly/x")[0] == 0


CONSENT_MESSAGES = [
    "my son's photo is on your page, remove it",
    "My son’s photo is on your page, remove it",  # a curly apostrophe
    "MY DAUGHTER'S PICTURE IS ON YOUR PAGE. DELETE IT.",
    "you posted my picture without asking",
    "আমার ছেলের ছবি আপনাদের পেজে, সরিয়ে দিন",
    "আমার মেয়ের ছবিটা মুছে দিন প্লিজ",
    "amar chheler chobi remove koren",
    "amar meyer chobi ta sorie den",
    "Please take down the video of my kids",
]


@pytest.mark.parametrize("text", CONSENT_MESSAGES)
def test_child_safety_and_consent_messages_are_urgent_whatever_their_category(text: str) -> None:
    result = classify_message(text)
    assert result.urgency >= 2, str(result)
    assert result.urgency_reasons


@pytest.mark.parametrize(
    "text",
    [
        "I will kill you if you post that again",
        "I want to kill myself",
        "I don’t want to live any more",
        "He keeps harassing me in your comments",
        "তোমাকে মেরে ফেলব",
        "আমি আত্মহত্যা করব",
        "dekhe nibo tomake",
        "আমার মেয়েকে হয়রানি করা হচ্ছে",
    ],
)
def test_threats_self_harm_and_abuse_are_critical(text: str) -> None:
    assert community.urgency_of(text) == (3, "critical")


def test_safety_cues_are_nfc_normalised_and_case_folded() -> None:
    import unicodedata

    # 'য়' typed as one code point (U+09DF) or as য + nukta (NFC): the same word.
    for ya in ("\u09df", "\u09af\u09bc"):
        text = f"আমার মে{ya}ের ছবি সরি{ya}ে দিন"
        assert community.urgency_of(text)[0] == 3, unicodedata.name(ya[0])
    assert unicodedata.normalize("NFC", "\u09df") == "\u09af\u09bc"
    assert community.urgency_of("SOMEONE IS STALKING MY DAUGHTER")[0] == 3


@pytest.mark.parametrize(
    "text",
    [
        "Thanks a lot",
        "When is the next session?",
        "Can I pay in person?",
        "The parcel was late",
        "I love the new book covers",
        "Happy Eid!",
        "আপনাদের কাজ অসাধারণ, ধন্যবাদ",
        "dam koto bhai",
        "My son loves the Saturday sessions!",
        "Please remove the item from my order",
        "সরাসরি দেখা করতে চাই",
    ],
)
def test_ordinary_messages_raise_no_safety_cue(text: str) -> None:
    assert community.urgency_of(text)[0] < 2


def test_the_safety_cue_table_is_data_in_every_language() -> None:
    for kind, by_language in community.SAFETY_CUES.items():
        assert set(by_language) == {"en", "bn", "banglish"}, kind
        for cues in by_language.values():
            assert cues and all(cue == cue.strip() and cue for cue in cues), kind
    kinds = {kind for needs, _, _ in community.SAFETY_RULES for kind in needs}
    assert kinds == set(community.SAFETY_CUES)
    assert {level for _, level, _ in community.SAFETY_RULES} <= {2, 3}


def test_a_critical_safety_cue_survives_a_spam_verdict() -> None:
    text = "FREE!!! CLICK bit.ly/x WIN WIN, my son's photo is on your page"
    result = classify_message(text)
    assert result.category == "spam"
    assert result.urgency == 3


@pytest.mark.parametrize("bad", ["", "   \n", None, 12, ["hi"]])
def test_classify_message_rejects_empty_or_non_text(bad: object) -> None:
    with pytest.raises(InputError, match=r"text (is empty|must be a string)"):
        classify_message(bad)  # type: ignore[arg-type]


def test_classify_message_rejects_an_unknown_language() -> None:
    with pytest.raises(InputError, match=r"'hi' is not a language SMM Lab knows"):
        classify_message("hello", language="hi")


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=80).filter(str.strip))
def test_any_text_gets_a_known_category_and_a_confidence_in_0_1(text: str) -> None:
    result = classify_message(text)
    assert result.category in MESSAGE_CATEGORIES
    assert 0 < result.confidence <= 1
    assert result.urgency in (0, 1, 2, 3)


# ------------------------------------------------------------------ triage


def test_triage_adds_columns_to_a_copy() -> None:
    inbox = pd.DataFrame({"text": ["Where is the shop?", "ধন্যবাদ!"], "language": ["en", "bn"]})
    before = inbox.copy()
    out = triage(inbox)
    pd.testing.assert_frame_equal(inbox, before)
    assert list(out["predicted_category"]) == ["question", "praise"]
    assert {"confidence", "reasons", "urgency", "urgency_label"} <= set(out.columns)


def test_triage_names_the_missing_column() -> None:
    with pytest.raises(DataError, match=r"column 'text'") as error:
        triage(pd.DataFrame({"body": ["hi"]}))
    assert error.value.column == "text"


def test_triage_names_the_row_with_an_empty_message() -> None:
    with pytest.raises(DataError, match=r"row 1 of the inbox: text is empty"):
        triage(pd.DataFrame({"text": ["hi", ""]}))


def test_triage_rejects_something_that_is_not_a_dataframe() -> None:
    with pytest.raises(InputError, match=r"expected an inbox table \(a pandas DataFrame\)"):
        triage(["hi"])  # type: ignore[arg-type]


# ------------------------------------------------------------------ measurement


def test_labelled_sample_is_varied_and_split_in_two() -> None:
    sample = load_labelled_sample()
    assert len(sample) >= 2500
    assert set(sample["category"]) == set(MESSAGE_CATEGORIES)
    assert set(sample["language"]) == {"en", "bn"}
    assert set(sample["split"]) == {"train", "test"}
    assert sample["text"].str.casefold().is_unique
    test = sample[sample["split"] == "test"]
    assert 0.2 <= len(test) / len(sample) <= 0.4
    for variety in ("en", "bn", "banglish"):
        assert set(test.loc[test["variety"] == variety, "category"]) == set(MESSAGE_CATEGORIES), (
            variety
        )


@pytest.fixture(scope="module")
def held_out_report():
    return evaluate_classifier()


def test_held_out_accuracy_is_at_least_the_floor(held_out_report) -> None:
    # measured 0.81 accuracy and 0.79 macro-F1 on the 858 test messages
    assert held_out_report.accuracy >= 0.72
    assert held_out_report.macro_f1 >= 0.72


def test_the_figures_in_the_module_docs_match_evaluate_classifier(held_out_report) -> None:
    doc = community.__doc__ or ""
    assert f"({held_out_report.n}, True)" in doc
    assert f"{len(load_labelled_sample()):,} English, Bengali-script and Banglish" in doc


def test_evaluate_classifier_hand_computed_small_case() -> None:
    sample = pd.DataFrame(
        {
            "text": ["Where is it?", "Where are you?", "thank you so much!", "ok"],
            "category": ["question", "praise", "praise", "other"],
        }
    )
    report = evaluate_classifier(sample, split=None)
    assert report.accuracy == pytest.approx(3 / 4)
    assert report.per_class.loc["question", "precision"] == pytest.approx(1 / 2)
    assert report.per_class.loc["praise", "recall"] == pytest.approx(1 / 2)
    assert report.confusion.loc["praise", "question"] == 1
    assert len(report.mistakes) == 1
    assert "accuracy 75%" in str(report)


def test_evaluate_classifier_on_the_independent_generated_inbox() -> None:
    # The generated inbox texts were written by another engineer, not against these rules.
    datasets = pytest.importorskip("smm_helpers.datasets")
    inbox = datasets.generate(1_000, seed=3).inbox.drop_duplicates("text")
    assert evaluate_classifier(inbox, split=None).accuracy >= 0.7


def test_evaluate_classifier_rejects_unknown_categories_and_empty_splits() -> None:
    bad = pd.DataFrame({"text": ["hi"], "category": ["rant"], "split": ["test"]})
    with pytest.raises(DataError, match=r"unknown categories \['rant'\]"):
        evaluate_classifier(bad)
    with pytest.raises(InputError, match=r"no rows have split == 'dev'"):
        evaluate_classifier(bad, split="dev")


# ------------------------------------------------------------------ response times


def _inbox() -> pd.DataFrame:
    stamp = pd.Timestamp
    return pd.DataFrame(
        {
            "message_id": ["a", "b", "c", "d", "e"],
            "client": "business",
            "platform": ["facebook", "facebook", "facebook", "instagram", "instagram"],
            "category": ["question", "question", "question", "complaint", "complaint"],
            "received_at": [
                stamp("2026-11-01 09:00", tz="Asia/Dhaka"),
                stamp("2026-11-01 10:00", tz="Asia/Dhaka"),
                stamp("2026-11-02 10:00", tz="Asia/Dhaka"),
                stamp("2026-11-01 08:00", tz="Asia/Dhaka"),
                stamp("2026-11-03 08:00", tz="Asia/Dhaka"),
            ],
            "responded_at": [
                stamp("2026-11-01 10:00", tz="Asia/Dhaka"),
                stamp("2026-11-02 16:00", tz="Asia/Dhaka"),
                pd.NaT,
                stamp("2026-11-01 12:00", tz="Asia/Dhaka"),
                pd.NaT,
            ],
            "text": ["Where?", "When?", "How much?", "It broke", "Refund now, this is a scam"],
        }
    )


def test_response_time_report_hand_computed() -> None:
    inbox = _inbox()
    report = response_time_report(inbox, sla_hours=24)
    assert report.now == pd.Timestamp("2026-11-03 08:00")  # latest received_at, local time
    fb = report.table.loc[("facebook", "question")]
    assert fb["messages"] == 3
    assert fb["answered"] == 2
    assert fb["response_rate"] == pytest.approx(2 / 3)
    assert fb["median_hours"] == pytest.approx((1 + 30) / 2)  # 1 h and 30 h
    # c is 22 h old at now: not due yet, so within_sla = 1 on time / 2 due
    assert fb["within_sla"] == pytest.approx(1 / 2)
    assert fb["breaches"] == 1
    ig = report.table.loc[("instagram", "complaint")]
    assert ig["breaches"] == 0  # e arrived at 'now'
    assert list(report.breaches["message_id"]) == ["b"]
    assert report.breaches.loc[0, "status"] == "late"
    assert "breaches=1" in repr(report)
    assert "<table" in report._repr_html_()


def test_unanswered_messages_become_breaches_once_older_than_the_sla() -> None:
    report = response_time_report(_inbox(), sla_hours=24, now="2026-11-04 12:00")
    unanswered = report.breaches[report.breaches["status"] == "unanswered"]
    assert set(unanswered["message_id"]) == {"c", "e"}
    assert unanswered.set_index("message_id").loc["c", "hours"] == pytest.approx(50)


def test_business_hours_skip_nights_and_the_friday_saturday_weekend() -> None:
    # Thu 2026-11-05 17:00 -> Sun 2026-11-08 10:00: 1 h on Thursday + 1 h on Sunday.
    inbox = pd.DataFrame(
        {
            "message_id": ["x"],
            "platform": ["facebook"],
            "category": ["question"],
            "received_at": [pd.Timestamp("2026-11-05 17:00")],
            "responded_at": [pd.Timestamp("2026-11-08 10:00")],
        }
    )
    clock = response_time_report(inbox, sla_hours=24)
    business = response_time_report(inbox, sla_hours=24, business_hours=(9, 18))
    assert clock.table["median_hours"].iloc[0] == pytest.approx(65)
    assert business.table["median_hours"].iloc[0] == pytest.approx(2)
    assert business.table["breaches"].iloc[0] == 0


def test_response_time_report_does_not_change_the_inbox() -> None:
    inbox = _inbox()
    before = inbox.copy()
    response_time_report(inbox)
    pd.testing.assert_frame_equal(inbox, before)


@pytest.mark.parametrize("sla", [0, -5, "24", True])
def test_response_time_report_rejects_a_bad_sla(sla: object) -> None:
    with pytest.raises(InputError, match=r"sla_hours must be a positive number of hours"):
        response_time_report(_inbox(), sla_hours=sla)  # type: ignore[arg-type]


def test_response_time_report_rejects_bad_business_hours_and_missing_columns() -> None:
    with pytest.raises(InputError, match=r"business_hours \(18, 9\) is not an opening time"):
        response_time_report(_inbox(), business_hours=(18, 9))
    with pytest.raises(DataError, match=r"column 'responded_at'"):
        response_time_report(_inbox().drop(columns="responded_at"))


# ------------------------------------------------------------------ escalation


def test_escalation_queue_orders_by_urgency_then_age() -> None:
    inbox = _inbox()
    inbox.loc[2, "text"] = "Urgent: my child is being harassed in your comments"
    queue = escalation_queue(inbox, now="2026-11-03 12:00")
    # c is a question but critical; e is a high-urgency complaint; answered ones are out.
    assert list(queue["message_id"]) == ["c", "e"]
    assert list(queue["urgency_label"]) == ["critical", "high"]
    assert queue.loc[1, "age_hours"] == pytest.approx(4)
    assert "refund" in queue.loc[1, "reason"]


def test_escalation_queue_leaves_out_ordinary_questions() -> None:
    queue = escalation_queue(_inbox(), now="2026-11-03 12:00")
    assert "c" not in set(queue["message_id"])


def _unanswered(texts: list[str], categories: list[str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "message_id": [f"m{i}" for i in range(len(texts))],
            "category": categories,
            "text": texts,
            "received_at": pd.date_range("2026-11-01 08:00", periods=len(texts), freq="h"),
            "responded_at": pd.NaT,
        }
    )


@pytest.mark.parametrize(
    "text",
    [
        "my son's photo is on your page, remove it",
        "আমার ছেলের ছবি আপনাদের পেজে, সরিয়ে দিন",
        "amar chheler chobi remove koren",
        "you posted my picture without asking",
    ],
)
def test_an_unanswered_consent_message_filed_as_other_is_queued_first(text: str) -> None:
    inbox = _unanswered(["The parcel was late", text, "Thanks!"], ["complaint", "other", "praise"])
    queue = escalation_queue(inbox, now="2026-11-02 08:00")
    assert list(queue["message_id"]) == ["m1", "m0"]
    assert queue.loc[0, "category"] == "other"
    assert queue.loc[0, "urgency_label"] == "critical"


@pytest.mark.parametrize(
    "text",
    [
        "my son's photo is on your page, remove it",
        "আমার ছেলের ছবি আপনাদের পেজে, সরিয়ে দিন",
        "amar chheler chobi remove koren",
    ],
)
def test_an_answered_consent_message_is_not_queued(text: str) -> None:
    inbox = _unanswered(["The parcel was late", text], ["complaint", "other"])
    inbox["responded_at"] = [pd.NaT, pd.Timestamp("2026-11-01 10:00")]
    queue = escalation_queue(inbox, now="2026-11-02 08:00")
    assert list(queue["message_id"]) == ["m0"]


@pytest.mark.parametrize("category", ["other", "praise", "question", "spam"])
def test_any_unanswered_high_urgency_message_is_queued_whatever_its_category(category: str) -> None:
    inbox = _unanswered(
        ["Urgent: please call me back today", "See you there", "Where is the shop?"],
        [category, category, category],
    )
    queue = escalation_queue(inbox, now="2026-11-02 08:00")
    assert list(queue["message_id"]) == ["m0"]
    assert queue.loc[0, "urgency_label"] == "high"


def test_escalation_queue_names_the_row_with_an_empty_message() -> None:
    inbox = _unanswered(["Refund me", ""], ["complaint", "other"])
    with pytest.raises(DataError, match=r"row 1 of the inbox: text is empty"):
        escalation_queue(inbox)


def test_escalation_queue_classifies_when_there_is_no_category_column() -> None:
    queue = escalation_queue(_inbox().drop(columns="category"), now="2026-11-03 12:00")
    assert list(queue["message_id"]) == ["e"]


# ------------------------------------------------------------------ replies


def test_complaint_reply_apologises_and_moves_to_a_private_channel() -> None:
    text = reply_template(
        "complaint", name="Rina", topic="the late parcel", contact="our inbox", hours="24 hours"
    )
    assert "sorry" in text
    assert "private message at our inbox" in text
    assert "{" not in text


def test_bengali_praise_reply_thanks_the_reviewer() -> None:
    text = reply_template("praise", language="bn", name="রিনা", topic="কর্মশালাটি")
    assert text.startswith("অনেক ধন্যবাদ, রিনা!")


def test_every_category_except_spam_has_english_and_bengali_templates() -> None:
    for category in MESSAGE_CATEGORIES:
        for language in ("en", "bn"):
            if category == "spam":
                with pytest.raises(InputError, match="spam gets no reply"):
                    template_fields(category, language=language)
                continue
            fields = {name: "x" for name in template_fields(category, language=language)}
            assert reply_template(category, language=language, **fields)


def test_reply_template_lists_the_missing_placeholders() -> None:
    with pytest.raises(InputError, match=r"needs 2 more placeholders: contact, hours"):
        reply_template("complaint", name="Rina", topic="x")


def test_reply_template_rejects_a_misspelt_placeholder() -> None:
    with pytest.raises(InputError, match=r"no placeholder called nmae"):
        reply_template("praise", name="Rina", topic="x", nmae="y")


def test_reply_template_rejects_unknown_category_and_language() -> None:
    with pytest.raises(InputError, match=r"'rant' is not a message category"):
        reply_template("rant")
    with pytest.raises(InputError, match=r"'fr' is not a language"):
        reply_template("praise", language="fr")
