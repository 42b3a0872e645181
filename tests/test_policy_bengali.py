"""Assignment 02 (social media policy) is fair to a learner who writes Bengali.

The graded cells of the English source notebook (visible and hidden tests) run in-process
with a learner's answers, in an English and in a Bengali notebook: an honest learner who
writes everything in Bengali (the client's Bengali name, Bengali sections, a Bengali review
date) earns the same points as one who writes English, and a poor Bengali answer fails with
Bengali messages.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from smm_helpers import metrics
from smm_helpers.i18n.messages import in_language
from smm_helpers.planning import PolicyAnswers, lint_policy, write_policy
from tests.conftest import REPO

NOTEBOOK = REPO / "assignments" / "02-policy" / "02-policy.ipynb"
LEARNER = "bn-fair-07"

BENGALI_SECTIONS = {
    "purpose": "## আমাদের লক্ষ্য\nঢাকার প্রতিটি শিশু যেন পড়তে পারে। আমরা সৎ, সহমর্মী আর "
    "পরিবারগুলোর প্রতি শ্রদ্ধাশীল।",
    "staff time": "## অফিসের সময়ে সোশ্যাল মিডিয়া\nঅফিসের সময়ে কর্মীরা শুধু আলোর পেজের কাজ "
    "করবেন। নিজের অ্যাকাউন্ট দেখবেন দুপুরের বিরতিতে।",
    "spokespeople": "## মুখপাত্র\nআলোর পক্ষে কথা বলবেন শুধু নির্বাহী পরিচালক। সাংবাদিকেরা ফোন করলে তাঁর নম্বর দিন।",
    "conversations": "## মন্তব্য ও মেসেজ\nআমাদের স্বেচ্ছাসেবক প্রতিদিন সকালে কমেন্টগুলোর উত্তর দেবেন।",
    "tools": "## অ্যাকাউন্টের নিরাপত্তা\nপেজের সেটিংস থেকে প্রত্যেকে নিজের অ্যাক্সেস পান। সবার "
    "লগইনে দুই ধাপের যাচাই চালু থাকে।",
    "escalation": "## এসকেলেশন\nগুরুতর অভিযোগ বা হুমকি এলে সঙ্গে সঙ্গে পরিচালককে ফোন করুন।",
    "privacy": "## শিশুদের সুরক্ষা\nঅভিভাবকের লিখিত সম্মতি ছাড়া কোনো শিশুর ছবি পোস্ট হবে না।",
    "review": "## নীতিমালা হালনাগাদ\nপ্রতি বছর জুনে বোর্ড এই নীতিমালা পর্যালোচনা করবে।",
}
ENGLISH_SECTIONS = {
    "purpose": "## Why we use social media\nWe share children's progress and find volunteers. "
    "Our mission is that every child in Dhaka can read.",
    "staff time": "## Social media at work\nStaff may post for Alo during working hours. "
    "Use your personal account only in breaks.",
    "spokespeople": "## Who speaks for us\nThe Director is our spokesperson. "
    "Send media enquiries to her.",
    "conversations": "## Answering comments and messages\nOur social media volunteer "
    "answers messages in the inbox within one working day.",
    "tools": "## Tools and accounts\nWe schedule posts in Meta Business Suite. "
    "Every account uses two-factor login.",
    "escalation": "## When to escalate\nA threat or a crisis goes to the Director at once.",
    "privacy": "## Privacy and consent\nWe keep messages confidential and ask permission "
    "to post any photo.",
    "review": "## Review\nThe team reviews this policy each year; next review date: June 2027.",
}


def _bengali_answers(hours: int) -> PolicyAnswers:
    return PolicyAnswers(
        organisation="আলো পাঠচক্র",
        purpose="আমরা ঢাকার শিশুদের পড়তে শেখাই; আমরা সৎ ও সহমর্মী",
        work_hours_use="কর্মী ও স্বেচ্ছাসেবকেরা কাজের সময়ে আলোর হয়ে পোস্ট করেন; নিজের অ্যাকাউন্ট শুধু বিরতিতে",
        not_allowed=["আলোর অ্যাকাউন্ট থেকে রাজনৈতিক মত শেয়ার করা", "কোনো শিশুর নাম বা স্কুলের নাম পোস্ট করা"],
        spokespeople=["নির্বাহী পরিচালক", "বোর্ড সভাপতি"],
        responders=["সোশ্যাল মিডিয়া স্বেচ্ছাসেবক", "নির্বাহী পরিচালক"],
        response_time_hours=hours,
        tools=["ফেসবুক", "ইনস্টাগ্রাম", "মেটা বিজনেস স্যুট"],
        account_access="স্বেচ্ছাসেবক ও পরিচালক দুজনেই পেজের সেটিংস থেকে নিজের অ্যাক্সেস পান",
        escalation_contacts=["নির্বাহী পরিচালক", "বোর্ড সভাপতি"],
        crisis_contact="নির্বাহী পরিচালক",
        photo_consent="মা-বাবা বা অভিভাবক সম্মতিপত্রে সই করেন",
        review_date="২০২৭-০৬-৩০",
    )


def _english_answers(hours: int) -> PolicyAnswers:
    return PolicyAnswers(
        organisation="Alo Reading Circle",
        purpose="We help children in Dhaka learn to read, and we are honest and kind",
        work_hours_use="Staff and volunteers post for Alo at work; personal use waits for breaks",
        not_allowed=[
            "sharing political opinions from Alo's accounts",
            "posting a child's name or school",
        ],
        spokespeople=["Director", "Board chair"],
        responders=["Social media volunteer", "Director"],
        response_time_hours=hours,
        tools=["Facebook", "Instagram", "Meta Business Suite"],
        account_access="Our volunteer and the Director each have their own Page access",
        escalation_contacts=["Director", "Board chair"],
        crisis_contact="Director",
        photo_consent="a parent or guardian signs a consent form",
        review_date="2027-06-30",
    )


Learner = Callable[[dict[str, Any]], dict[str, Any]]
"""A learner: given the notebook's names after setup, the answers they hand in."""


def _honest(sections: dict[str, str], answers: Callable[[int], PolicyAnswers]) -> Learner:
    def answer(names: dict[str, Any]) -> dict[str, Any]:
        draft = names["draft"]
        missing = list(lint_policy(draft).missing)
        inbox = names["data"].inbox
        real = inbox[(inbox["client"] == "nonprofit") & (inbox["category"] != "spam")]
        hours = math.ceil(metrics.response_summary(real, by=None)["p90_hours"].iloc[0])
        chosen = answers(hours)
        return {
            "missing_sections": missing,
            "completed_policy": draft + "\n" + "\n\n".join(sections[s] for s in missing) + "\n",
            "promise_hours": hours,
            "answers": chosen,
            "my_policy": write_policy(chosen),
        }

    return answer


def _cells() -> Iterator[tuple[dict[str, Any], str]]:
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            yield cell.get("metadata", {}).get("nbgrader", {}), "".join(cell["source"])


def _grade(learner: Learner, language: str) -> tuple[int, list[str]]:
    """Run setup and every graded test cell (hidden tests included) with the learner's
    answers in a notebook of ``language``; return the points and the failures' messages."""
    points, failures = 0, []
    with in_language(language):
        names: dict[str, Any] = {"__name__": "__main__"}
        for meta, source in _cells():
            if meta.get("grade_id") == "setup":
                exec(compile(source, "setup", "exec"), names)
                names.update(learner(names))
            elif meta.get("grade"):
                try:
                    exec(compile(source, meta["grade_id"], "exec"), names)
                except AssertionError as failure:
                    failures.append(str(failure))
                else:
                    points += meta["points"]
    return points, failures


@pytest.fixture(autouse=True)
def _learner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMM_LEARNER_ID", LEARNER)


@pytest.fixture(scope="module")
def full_points() -> int:
    return sum(meta["points"] for meta, _source in _cells() if meta.get("grade"))


@pytest.mark.parametrize("language", ["en", "bn"])
@pytest.mark.parametrize("learner", ["bengali", "english"])
def test_an_honest_learner_earns_every_point_in_either_language(
    learner: str, language: str, full_points: int
) -> None:
    writer = (
        _honest(BENGALI_SECTIONS, _bengali_answers)
        if learner == "bengali"
        else _honest(ENGLISH_SECTIONS, _english_answers)
    )
    points, failures = _grade(writer, language)
    assert (points, failures) == (full_points, [])
    assert full_points == 8


def test_the_bengali_policy_is_bengali_and_promises_the_hours() -> None:
    with in_language("bn"):
        policy = write_policy(_bengali_answers(46))
    assert "৪৬ ঘণ্টার মধ্যে" in policy and "within" not in policy
    assert "৩০ জুন ২০২৭" in policy
    assert policy.startswith("# আলো পাঠচক্র — সোশ্যাল মিডিয়া নীতিমালা\n")


def test_a_poor_bengali_answer_fails_with_bengali_messages() -> None:
    def poor(names: dict[str, Any]) -> dict[str, Any]:
        answers = _honest(BENGALI_SECTIONS, _bengali_answers)(names)
        answers["completed_policy"] = names["draft"] + "\n## বাকি অংশ\nপরে লিখব।\n"
        chosen = dataclasses.replace(answers["answers"], organisation="আলো ফাউন্ডেশন")
        answers["answers"], answers["my_policy"] = chosen, write_policy(chosen)
        return answers

    points, failures = _grade(poor, "bn")
    assert points == 4, failures  # Parts 1 and 3 are right; Parts 2 and 4 are not
    assert len(failures) == 2
    assert all(f.startswith("✗ এখনো হয়নি") for f in failures), failures
    part2, part4 = failures
    assert "খসড়ার পরে আপনি মাত্র" in part2
    assert "answers.organisation" in part4 and "আলো পাঠচক্র" in part4


def test_the_promise_is_judged_with_the_learners_own_hours_in_bengali() -> None:
    def off_by_one(names: dict[str, Any]) -> dict[str, Any]:
        answers = _honest(BENGALI_SECTIONS, _bengali_answers)(names)
        wrong = answers["promise_hours"] + 1
        chosen = _bengali_answers(wrong)
        return {
            **answers,
            "promise_hours": wrong,
            "answers": chosen,
            "my_policy": write_policy(chosen),
        }

    points, failures = _grade(off_by_one, "bn")
    assert points == 6, failures  # only Part 3 loses its points
    assert len(failures) == 1 and "promise_hours" in failures[0]
