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
    for text in ("Shapla Youth Foundation", "Director", "Board chair", "Digital officer",
                 "12 hours", "Buffer", "Programme lead", "31 March 2027", "photo release"):
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
    policy = ("Our mission is clean water. Use personal accounts only outside working hours. "
              "Only the director may speak on behalf of us. The officer replies to every "
              "message. Passwords stay in the manager. Escalate threats at once. Never share "
              "personal information about families. We review this policy every year.")
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

_TEXT_FIELDS = ["organisation", "purpose", "work_hours_use", "account_access",
                "crisis_contact", "photo_consent"]
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
    wrapped = "\n".join(" ".join(sentence_words[i:i + 8]) for i in range(0, 40, 8)) + "."
    lint = lint_policy("# Spokespeople\n\n" + wrapped + "\n\n- A short item.\n- Another one.\n")
    assert any("40 words" in warning for warning in lint.warnings), lint.warnings


def test_list_items_and_paragraphs_are_not_joined_into_one_sentence():
    half = " ".join(["word"] * (MAX_SENTENCE_WORDS // 2 + 2))  # two halves make one too long
    text = f"# Tools\n\n{half}\n\n{half}\n\n- {half}\n- {half}\n"
    assert not [w for w in lint_policy(text).warnings if "words (" in w]


def test_write_policy_capitalises_answers_written_in_lower_case():
    answers = _answers(photo_consent="a parent or guardian signs a consent form")
    assert "A parent or guardian signs a consent form." in write_policy(answers)
