"""write_policy writes a short plain policy; lint_policy finds missing sections in any policy."""

from __future__ import annotations

import dataclasses
import re

import pytest

from smm_helpers.errors import InputError
from smm_helpers.planning import SECTIONS, PolicyAnswers, lint_policy, write_policy
from smm_helpers.planning.policy import MAX_SENTENCE_WORDS, MAX_WORDS


def _answers(**changes: object) -> PolicyAnswers:
    base = dict(
        organisation="Shapla Youth Foundation",
        purpose="We train young people in Sylhet for their first job. We are open and fair.",
        work_hours_use="Staff post for Shapla at work; personal use only in lunch breaks.",
        not_allowed=["sharing political opinions from Shapla's accounts"],
        spokespeople=["Director", "Board chair"],
        responders=["Digital officer", "Weekend volunteer"],
        response_time_hours=12,
        tools=["Facebook", "LinkedIn", "Buffer"],
        account_access="Two staff keep the logins in a password manager.",
        escalation_contacts=["Programme lead"],
        crisis_contact="Director (01700-000000)",
        photo_consent="trainees sign a photo release; under-18s need a parent's signature",
        review_date="2027-03-31",
    )
    base.update(changes)
    return PolicyAnswers(**base)  # type: ignore[arg-type]


def _sections(markdown: str) -> dict[str, str]:
    """The policy split at its '## ' headings, keyed by heading text."""
    parts = re.split(r"(?m)^(?=## )", markdown)
    return {p.splitlines()[0][3:]: p for p in parts if p.startswith("## ")}


def test_written_policy_has_every_section_and_no_warnings():
    lint = lint_policy(write_policy(_answers()))
    assert lint.ok and lint.missing == ()
    assert set(lint.found) == set(SECTIONS)
    assert lint.warnings == ()


def test_written_policy_is_short_and_uses_the_answers():
    policy = write_policy(_answers())
    assert len(policy.split()) < MAX_WORDS
    for text in (
        "Shapla Youth Foundation",
        "Director",
        "Board chair",
        "Digital officer",
        "12 hours",
        "Buffer",
        "Programme lead",
        "31 March 2027",
        "photo release",
    ):
        assert text in policy
    assert policy.startswith("# Shapla Youth Foundation social media policy\n")


def test_written_policy_has_one_heading_per_section():
    headings = re.findall(r"(?m)^## (.+)$", write_policy(_answers()))
    assert headings == [section.title for section in SECTIONS.values()]


@pytest.mark.parametrize("name", list(SECTIONS))
def test_removing_a_section_is_detected(name):
    sections = _sections(write_policy(_answers()))
    title = SECTIONS[name].title
    without = "# Policy\n\n" + "".join(text for head, text in sections.items() if head != title)
    lint = lint_policy(without)
    assert lint.missing == (name,), str(lint)
    assert not lint.ok


def test_a_policy_in_other_words_is_recognised():
    policy = """
# How Nodi Trust behaves online

**About us**
We protect rivers. Our values: honesty and respect.

**Dos and don'ts for staff**
Use your personal account in your own time, not on work time.

**Talking to the press**
Only our chair gives interviews.

**Comments**
The comms team looks at the page every morning and evening.

**Our accounts**
Admin rights stay with two people. Everyone uses two-factor login.

**When things go wrong**
Ring the chair straight away.

**Protecting the people we work with**
We ask before we photograph anyone.

Last updated: January 2027. Next review: January 2028.
"""
    lint = lint_policy(policy)
    assert lint.ok, str(lint)
    assert lint.found["spokespeople"] == 'heading "Talking to the press"'
    assert lint.found["review"].startswith("keyword")


def test_sections_are_recognised_by_content_without_headings():
    policy = (
        "Our mission is clean water. Use personal accounts only outside working hours. "
        "Only the director may speak on behalf of us. The officer replies to every "
        "message. Passwords stay in the manager. Escalate threats at once. Never share "
        "personal information about families. We review this policy every year."
    )
    lint = lint_policy(policy)
    assert lint.missing == ()
    assert all(how.startswith("keyword") for how in lint.found.values())


def test_a_bengali_policy_is_recognised():
    policy = """
## উদ্দেশ্য
আমরা শিশুদের পড়তে শেখাই।
## কাজের সময় সোশ্যাল মিডিয়া
ব্যক্তিগত ব্যবহার শুধু বিরতিতে।
## মুখপাত্র
শুধু পরিচালক প্রতিষ্ঠানের পক্ষে কথা বলবেন।
## মন্তব্য ও মেসেজের উত্তর
যোগাযোগ কর্মকর্তা ২৪ ঘণ্টার মধ্যে উত্তর দেবেন।
## অ্যাকাউন্ট ও পাসওয়ার্ড
দুজনের কাছে পাসওয়ার্ড থাকবে।
## জরুরি অবস্থা ও সংকট
সংকটে পরিচালককে জানান।
## গোপনীয়তা ও সম্মতি
শিশুর ছবির আগে অভিভাবকের লিখিত সম্মতি নিন।
## পর্যালোচনা
২০২৭ সালের জুনে এই নীতি পর্যালোচনা করা হবে।
"""
    lint = lint_policy(policy)
    assert lint.ok, str(lint)


def test_empty_policy_misses_every_section_and_says_it_is_empty():
    lint = lint_policy("")
    assert lint.missing == tuple(SECTIONS)
    assert lint.found == {}
    assert lint.warnings == ("The policy is empty.",)


def test_a_long_policy_gets_a_word_count_warning():
    policy = write_policy(_answers()) + ("We care about our community. " * 150)
    lint = lint_policy(policy)
    assert lint.ok
    assert any(f"under {MAX_WORDS}" in w and str(lint.words) in w for w in lint.warnings)


def test_a_long_sentence_is_quoted_in_a_warning():
    sentence = " ".join(["word"] * (MAX_SENTENCE_WORDS + 5)) + "."
    lint = lint_policy(f"## Purpose\n{sentence} Short one.")
    assert len(lint.warnings) == 1
    assert f"has {MAX_SENTENCE_WORDS + 5} words" in lint.warnings[0]
    assert '"word word' in lint.warnings[0]


def test_a_sentence_of_exactly_the_limit_is_fine():
    sentence = " ".join(["word"] * MAX_SENTENCE_WORDS) + "."
    assert lint_policy(f"## Purpose\n{sentence}").warnings == ()


def test_str_and_html_list_found_missing_and_warnings():
    lint = lint_policy("## Who speaks for us\nOnly the <b>director</b>.")
    text = str(lint)
    assert '✓ spokespeople: heading "Who speaks for us"' in text
    assert "✗ review: missing; add a section 'Review'" in text
    page = lint._repr_html_()
    assert "<li>" in page and "Who speaks for us" in page
    assert repr(lint).startswith("PolicyLint(ok=False, missing=['purpose'")


def test_answers_lists_are_copied():
    names = ["Director"]
    answers = _answers(spokespeople=names)
    names.append("Intern")
    assert answers.spokespeople == ("Director",)


# --- bad input -------------------------------------------------------------------------------

_TEXT_FIELDS = [
    "organisation",
    "purpose",
    "work_hours_use",
    "account_access",
    "crisis_contact",
    "photo_consent",
]
_LIST_FIELDS = ["not_allowed", "spokespeople", "responders", "tools", "escalation_contacts"]


@pytest.mark.parametrize("name", _TEXT_FIELDS)
@pytest.mark.parametrize("value", ["", "   ", None])
def test_a_missing_text_answer_names_the_field_and_gives_an_example(name, value):
    with pytest.raises(InputError, match=rf"PolicyAnswers\.{name} is empty") as error:
        _answers(**{name: value})
    assert "e.g." in str(error.value)


@pytest.mark.parametrize("name", _LIST_FIELDS)
@pytest.mark.parametrize("value", [[], [""], None])
def test_a_missing_list_answer_names_the_field(name, value):
    with pytest.raises(InputError, match=rf"PolicyAnswers\.{name} is empty"):
        _answers(**{name: value})


def test_a_list_answer_given_as_text_shows_the_list_form():
    with pytest.raises(InputError, match=r"spokespeople=\['Director'\]"):
        _answers(spokespeople="Director")


@pytest.mark.parametrize("value", [0, -2, "24", True])
def test_a_bad_response_time_is_refused(value):
    with pytest.raises(InputError, match=r"response_time_hours is .* above 0"):
        _answers(response_time_hours=value)


@pytest.mark.parametrize("value", ["next year", "", "2027-13-01", 2027])
def test_a_bad_review_date_is_refused_with_an_example(value):
    with pytest.raises(InputError, match=r"review_date is .*, not a date") as error:
        _answers(review_date=value)
    assert "review_date='2027-06-30'" in str(error.value)


def test_write_policy_refuses_anything_but_answers():
    with pytest.raises(InputError, match="needs a PolicyAnswers, not dict"):
        write_policy(dataclasses.asdict(_answers()))  # type: ignore[arg-type]


def test_lint_policy_refuses_non_text():
    with pytest.raises(InputError, match="needs the policy as text, not list"):
        lint_policy(["# Policy"])  # type: ignore[arg-type]


def test_a_long_sentence_wrapped_over_lines_is_still_one_long_sentence():
    sentence_words = ["word"] * 40
    wrapped = "\n".join(" ".join(sentence_words[i : i + 8]) for i in range(0, 40, 8)) + "."
    lint = lint_policy("# Spokespeople\n\n" + wrapped + "\n\n- A short item.\n- Another one.\n")
    assert any("40 words" in warning for warning in lint.warnings), lint.warnings


def test_list_items_and_paragraphs_are_not_joined_into_one_sentence():
    half = " ".join(["word"] * (MAX_SENTENCE_WORDS // 2 + 2))  # two halves make one too long
    text = f"# Tools\n\n{half}\n\n{half}\n\n- {half}\n- {half}\n"
    assert not [w for w in lint_policy(text).warnings if "words (" in w]


def test_write_policy_capitalises_answers_written_in_lower_case():
    answers = _answers(photo_consent="a parent or guardian signs a consent form")
    assert "A parent or guardian signs a consent form." in write_policy(answers)


# --- Bengali: lint_policy reads Bengali sections, write_policy writes a Bengali policy ------

# Honest Bengali sections, each in words of its own (headings, body text, case endings).
BENGALI_SECTIONS = [
    ("purpose", "## আমাদের লক্ষ্য\nঢাকার প্রতিটি শিশু যেন পড়তে পারে, সেটাই আমাদের স্বপ্ন।"),
    ("purpose", "## মিশন\nআমরা বস্তির শিশুদের মধ্যে বই পড়ার অভ্যাস গড়ে তুলি।"),
    ("purpose", "আমাদের মূল্যবোধ হলো সততা, দয়া আর প্রতিটি পরিবারের প্রতি সম্মান।"),
    ("staff time", "## অফিসের সময়ে সোশ্যাল মিডিয়া\nএ সময় শুধু আলোর পেজের কাজ করা যাবে।"),
    ("staff time", "দুপুরের বিরতিতে কর্মীরা নিজের অ্যাকাউন্ট দেখতে পারেন।"),
    ("staff time", "## কর্মীদের আচরণবিধি\nআলোর অ্যাকাউন্ট থেকে রাজনৈতিক পোস্ট শেয়ার করবেন না।"),
    ("spokespeople", "## গণমাধ্যমের সঙ্গে যোগাযোগ\nফোন এলে নির্বাহী পরিচালকের নম্বর দিন।"),
    ("spokespeople", "সাংবাদিকেরা ফোন করলে তাঁদের নির্বাহী পরিচালকের কাছে পাঠান।"),
    ("spokespeople", "আলোর পক্ষ থেকে বিবৃতি দেবেন শুধু পরিচালক।"),
    ("conversations", "## ইনবক্স সামলানো\nস্বেচ্ছাসেবক রোজ সকালে সব মেসেজ দেখেন।"),
    ("conversations", "পেজের কমেন্টগুলোর উত্তর দেবেন আমাদের স্বেচ্ছাসেবক।"),
    ("tools", "## অ্যাকাউন্টের নিরাপত্তা\nপেজে প্রত্যেকে আলাদা করে ঢোকেন।"),
    ("tools", "পোস্ট শিডিউল করতে আমরা মেটা বিজনেস স্যুট ব্যবহার করি, আর লগইনে দুই ধাপের যাচাই চালু।"),
    ("escalation", "## এসকেলেশন\nগুরুতর অভিযোগ বা হুমকি এলে সঙ্গে সঙ্গে পরিচালককে ফোন করুন।"),
    ("escalation", "কোনো শিশুকে নিয়ে হুমকি পেলে দেরি না করে বোর্ড সভাপতিকে জানান।"),
    ("escalation", "## সংকটের সময় কী করবেন\nপরিচালক সিদ্ধান্ত না দেওয়া পর্যন্ত কিছু পোস্ট হবে না।"),
    ("privacy", "## শিশুদের সুরক্ষা\nকোনো শিশুর ছবি পোস্টের আগে ভেবে দেখুন।"),
    ("privacy", "পরিবারগুলোর ব্যক্তিগত তথ্য আমরা কখনো প্রকাশ করি না।"),
    ("privacy", "অভিভাবকের লিখিত অনুমতি ছাড়া কোনো ছবি ফেসবুকে যায় না।"),
    ("review", "## নীতিমালা হালনাগাদ\nপ্রতি বছর জুনে বোর্ড এই নিয়মগুলো আবার দেখে।"),
    ("review", "প্রতি বছর জানুয়ারিতে আমরা নীতিমালাটি আবার পর্যালোচনা করি।"),
]

# Bengali text that must not count as the named section.
NOT_THE_SECTION = [
    ("staff time", "## টুল ও অ্যাকাউন্ট\nপেজের সেটিংস থেকে প্রত্যেককে অ্যাক্সেস দেওয়া হয়।"),
    ("purpose", "## মন্তব্যের উত্তর\nআমরা ২৪ ঘণ্টার মধ্যে উত্তর দিই।"),
    ("review", "## কাজের সময়\nকাজের সময়ে পেজে নতুন খবর আপডেট করুন।"),
    ("escalation", "## সম্মতি\nছবি তোলার আগে অভিভাবকের সম্মতি নেওয়া জরুরি।"),
    ("privacy", "## কাজের সময়ে সোশ্যাল মিডিয়া\nকাজের সময়ে ব্যক্তিগত পোস্ট করার অনুমতি নেই।"),
    ("spokespeople", "## মেসেজের উত্তর\nমানুষের সঙ্গে ভদ্রভাবে কথা বলুন।"),
    ("purpose", "## পর্যালোচনা\nএই নীতিমালা প্রতি বছর পর্যালোচনা করা হবে।"),
    ("conversations", "## সংকট\nসংকটে পরিচালককে ফোন করুন; তিনি ঠিক করবেন কী বলা হবে।"),
    ("tools", "## মুখপাত্র\nশুধু পরিচালক গণমাধ্যমে কথা বলবেন।"),
    ("spokespeople", "## সোশ্যাল মিডিয়ায় আমাদের আচরণ\nসবাই সম্মান দিয়ে লেখেন।"),
    ("staff time", "## অ্যাকাউন্ট\nসবাই নিজের লগইন ব্যবহার করেন।"),
    ("review", "## মন্তব্য\nপেজের রিভিউগুলোর উত্তর দিন।"),
]


@pytest.mark.parametrize(("name", "text"), BENGALI_SECTIONS)
def test_an_honest_bengali_section_is_recognised(name, text):
    assert name in lint_policy(text).found, str(lint_policy(text))


@pytest.mark.parametrize(("name", "text"), NOT_THE_SECTION)
def test_bengali_text_of_another_section_does_not_count(name, text):
    assert name in lint_policy(text).missing, lint_policy(text).found


def test_a_whole_bengali_policy_in_its_own_words_passes():
    chosen = {}
    for name, text in BENGALI_SECTIONS:
        chosen.setdefault(name, text)
    lint = lint_policy("# আলো পাঠচক্রের নীতিমালা\n\n" + "\n\n".join(chosen.values()))
    assert lint.ok and not lint.warnings, str(lint)


def test_a_bengali_cue_is_shown_as_the_words_it_found():
    lint = lint_policy("দুপুরের বিরতিতে কর্মীরা নিজের অ্যাকাউন্ট দেখতে পারেন।")
    assert lint.found["staff time"] == 'keyword "নিজের অ্যাকাউন্ট"'


def test_the_cue_table_is_checked_row_by_row():
    from smm_helpers.errors import DataError
    from smm_helpers.planning.policy import parse_policy_cues, policy_cues

    header = "section,where,cue,note\n"
    cues = policy_cues()
    assert all(cues[name, where] for name in SECTIONS for where in ("heading", "text"))
    assert "escalat" in SECTIONS["escalation"].headings
    for row, column in [
        ("tools,body,টুল,", "where"),
        ("tools,text, ,", "cue"),
        ("tools,text,উত্তর*দিন,", "cue"),
        ("tools,text,repl*,", "cue"),
        ("tool,text,টুল,", "section"),
    ]:
        with pytest.raises(DataError) as error:
            parse_policy_cues(header + row + "\n")
        assert error.value.column == column and error.value.line == 2, row
    with pytest.raises(DataError, match="listed twice"):
        parse_policy_cues(header + "tools,text,টুল,\ntools,text,টুল,\n")
    with pytest.raises(DataError, match="columns"):
        parse_policy_cues("section,cue\ntools,টুল\n")
    decomposed = "review,text,\u09aa\u09b0\u09cd\u09af\u09be\u09b2\u09cb\u099a\u09a8\u09be,\n"
    assert parse_policy_cues(header + decomposed)["review", "text"] == ("পর্যালোচনা",)


@pytest.mark.parametrize("value", ["২০২৭-০৬-৩০", "৩০ জুন ২০২৭", "30/06/2027", "June 30, 2027"])
def test_a_review_date_in_bengali_or_any_form_the_course_reads_is_accepted(value):
    import datetime

    assert _answers(review_date=value).review_date == datetime.date(2027, 6, 30)


def _bengali_answers(**changes: object) -> PolicyAnswers:
    base = dict(
        organisation="শাপলা যুব ফাউন্ডেশন",
        purpose="আমরা সিলেটের তরুণদের প্রথম চাকরির জন্য তৈরি করি",
        work_hours_use="কর্মীরা কাজের সময়ে শাপলার হয়ে পোস্ট করেন; ব্যক্তিগত ব্যবহার বিরতিতে",
        not_allowed=["শাপলার অ্যাকাউন্ট থেকে রাজনৈতিক মত দেওয়া"],
        spokespeople=["পরিচালক"],
        responders=["ডিজিটাল কর্মকর্তা"],
        response_time_hours=12,
        tools=["ফেসবুক", "লিংকডইন"],
        account_access="পরিচালক প্রত্যেককে পেজে আলাদা অ্যাক্সেস দেন",
        escalation_contacts=["প্রোগ্রাম প্রধান"],
        crisis_contact="পরিচালক",
        photo_consent="প্রশিক্ষণার্থীরা ছবির সম্মতিপত্রে সই করেন",
        review_date="৩১ মার্চ ২০২৭",
    )
    base.update(changes)
    return PolicyAnswers(**base)  # type: ignore[arg-type]


def test_write_policy_writes_bengali_in_bengali():
    from smm_helpers.i18n.messages import in_language

    with in_language("bn"):
        policy = write_policy(_bengali_answers())
    assert policy.startswith("# শাপলা যুব ফাউন্ডেশন — সোশ্যাল মিডিয়া নীতিমালা\n")
    assert "আমরা ১২ ঘণ্টার মধ্যে উত্তর দিই।" in policy
    assert "আমরা ৩১ মার্চ ২০২৭ তারিখের মধ্যে এই নীতিমালা পর্যালোচনা করব।" in policy
    assert "আমরা সিলেটের তরুণদের প্রথম চাকরির জন্য তৈরি করি।" in policy
    assert not re.search(r"[A-Za-z0-9]", policy), "English words or digits in a Bengali policy"
    assert not [line for line in policy.splitlines() if re.search("[\u0980-\u09ff]\\.$", line)], (
        "a Bengali sentence ends in '.'"
    )


@pytest.mark.parametrize("language", ["en", "bn"])
@pytest.mark.parametrize("answers", ["english", "bengali"])
def test_what_write_policy_writes_passes_lint_in_either_language(language, answers):
    from smm_helpers.i18n.messages import in_language
    from smm_helpers.planning.policy import promised_hours

    chosen = _answers() if answers == "english" else _bengali_answers()
    with in_language(language):
        policy = write_policy(chosen)
        lint = lint_policy(policy)
    assert lint.ok and not lint.warnings and not lint.advice, str(lint)
    assert promised_hours(policy) == (12.0,)


def test_english_policies_stay_english_and_bengali_answers_end_with_a_dari():
    english = write_policy(_answers())
    assert "We answer within 12 hours. We are polite, even when people are not." in english
    assert "We will review this policy by 31 March 2027." in english
    mixed = write_policy(_answers(purpose="আমরা তরুণদের চাকরির জন্য তৈরি করি"))
    assert "আমরা তরুণদের চাকরির জন্য তৈরি করি।\n" in mixed
    assert write_policy(_answers(response_time_hours=1)).count("We answer within 1 hour.") == 1
