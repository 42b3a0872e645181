"""Lessons 01, 02, 05, 07, 09 and 11 teach current, sourced facts (issue 15, "Facts").

- A Facebook Page has no password to share: the policy helpers and lesson 05 teach per-person
  Page access, and ``lint_policy`` advises against a sentence that hands out a password.
- FTC civil penalties are taught as adjusted yearly ($53,088 from 17 January 2025), with the
  US-consumer caveat.
- The US$15–40 an hour of lesson 02 is a rate for freelancing abroad, set beside local pay.
- Citations point at the course's own sources page, never at the research notes.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest

from smm_helpers.checks.by_lesson import l02_the_managers_job, l05_policy
from smm_helpers.planning import PolicyAnswers, lint_policy, write_policy
from smm_helpers.planning.policy import PASSWORD_ADVICE
from tests.test_sources import FIXED_ANCHORS

ROOT = Path(__file__).resolve().parents[1]
LESSONS = {
    "01": "01-why-social-media",
    "02": "02-the-managers-job",
    "05": "05-policy",
    "07": "07-content",
    "09": "09-community",
    "11": "11-ethics",
}
BY_LESSON = ROOT / "smm_helpers" / "checks" / "by_lesson"
CHECK_FILES = [BY_LESSON / f"l{n}_{slug[3:].replace('-', '_')}.py" for n, slug in LESSONS.items()]
POLICY_PY = ROOT / "smm_helpers" / "planning" / "policy.py"

ANCHORS = frozenset(FIXED_ANCHORS)
"""The anchors of lessons/sources.md that lessons may cite."""

OLD_CITATION = re.compile(r"facts\s*§|reference facts|reference/facts\.md|facts\.md", re.I)
HANDS_OUT_A_PASSWORD = re.compile(r"\b(hold|holds|keep|keeps)\s+the\s+(page\s+)?passwords?\b", re.I)


@cache
def _cells(slug: str) -> tuple[tuple[str, str], ...]:
    """(cell type, source) of every cell of a lesson, read as plain JSON."""
    nb = json.loads((ROOT / "lessons" / f"{slug}.ipynb").read_text(encoding="utf-8"))
    return tuple((c["cell_type"], "".join(c["source"])) for c in nb["cells"])


def _text(slug: str) -> str:
    return "\n".join(source for _, source in _cells(slug))


def test_check_files_exist():
    assert all(path.exists() for path in CHECK_FILES), CHECK_FILES


def test_no_citation_points_at_the_research_notes():
    texts = {slug: _text(slug) for slug in LESSONS.values()}
    texts |= {path.name: path.read_text(encoding="utf-8") for path in [*CHECK_FILES, POLICY_PY]}
    stale = {
        name: OLD_CITATION.findall(text)
        for name, text in texts.items()
        if OLD_CITATION.search(text)
    }
    assert not stale, stale


def test_every_citation_is_a_known_anchor_of_the_sources_page():
    cited: dict[str, set[str]] = {}
    for slug in LESSONS.values():
        cited[slug] = set(re.findall(r"sources\.md#([a-z0-9-]+)", _text(slug)))
    for path in [*CHECK_FILES, POLICY_PY]:
        cited[path.name] = set(
            re.findall(r"sources\.md#([a-z0-9-]+)", path.read_text(encoding="utf-8"))
        )
    unknown = {name: sorted(found - ANCHORS) for name, found in cited.items() if found - ANCHORS}
    assert not unknown, unknown
    for slug in LESSONS.values():
        assert cited[slug], f"{slug} cites nothing on the sources page"
    page = ROOT / "lessons" / "sources.md"
    if page.exists():  # written in parallel; when it is there, every anchor must resolve
        ids = set(re.findall(r'<a id="([a-z0-9-]+)"', page.read_text(encoding="utf-8")))
        missing = {name: sorted(found - ids) for name, found in cited.items() if found - ids}
        assert not missing, missing


# --- Facebook Page access, not passwords -----------------------------------------------------


def _alo(**changes: object) -> PolicyAnswers:
    base = dict(
        organisation="Alo Reading Circle",
        purpose="We help children in Dhaka learn to read",
        work_hours_use="Staff may post for Alo at work; personal use only in breaks",
        not_allowed=["political opinions from Alo's accounts"],
        spokespeople=["Director"],
        responders=["Social media volunteer"],
        response_time_hours=24,
        tools=["Facebook", "Meta Business Suite"],
        account_access="The Director gives each person their own access in the Page settings",
        escalation_contacts=["Director", "Board chair"],
        crisis_contact="Director",
        photo_consent="a parent or guardian signs a consent form",
        review_date="2027-06-30",
    )
    base.update(changes)
    return PolicyAnswers(**base)  # type: ignore[arg-type]


def test_written_policy_teaches_access_per_person_and_never_a_shared_password():
    policy = write_policy(_alo())
    tools = policy.split("## Tools and accounts", 1)[1].split("##", 1)[0]
    assert "two-factor" in tools and "password manager" in tools
    assert "remove their access" in tools
    assert not HANDS_OUT_A_PASSWORD.search(policy), tools
    lint = lint_policy(policy)
    assert lint.ok and lint.warnings == () and lint.advice == (), str(lint)


@pytest.mark.parametrize(
    "sentence",
    [
        "Our social media volunteer and the Director hold the passwords.",
        "Two people hold the Facebook password; two-factor login is on.",
        "দুজন কর্মী পাসওয়ার্ড রাখেন।",
        unicodedata.normalize("NFD", "দুজন কর্মী পাসওয়ার্ড রাখেন।"),  # য় typed decomposed
    ],
)
def test_a_sentence_handing_out_a_password_gets_page_access_advice(sentence):
    lint = lint_policy(f"## Tools and accounts\n{sentence}\n")
    assert len(lint.advice) == 1 and PASSWORD_ADVICE in lint.advice[0]
    assert "sources.md#facebook-page-access" in lint.advice[0]
    assert "→" in str(lint)
    assert "tools" in lint.found  # still a tools section: advice is not a missing section


@pytest.mark.parametrize(
    "sentence",
    [
        "Never share a password.",
        "Don't share the password.",
        "The one shared login of our X account lives in a password manager.",
        "পাসওয়ার্ড কখনো কারও সঙ্গে শেয়ার করবেন না।",
        "Each person gets their own access in the Page settings.",
    ],
)
def test_forbidding_a_shared_password_gets_no_advice(sentence):
    assert lint_policy(f"## Tools and accounts\n{sentence}\n").advice == ()


def test_page_access_wording_is_recognised_as_the_tools_section():
    for text in (
        "Each person has their own Page access. It is removed when they leave.",
        "প্রত্যেকে নিজের অ্যাকাউন্ট দিয়ে পেজে ঢোকেন; চলে গেলে অ্যাক্সেস সরানো হয়।",
    ):
        assert "tools" in lint_policy(text).found, text


def test_lesson_05_and_its_checks_teach_page_access():
    text = _text("05-policy")
    answers = next(s for kind, s in _cells("05-policy") if kind == "code" and "PolicyAnswers(" in s)
    assert "sources.md#facebook-page-access" in text
    assert "no password to share" in text
    assert "account_access=" in answers and not HANDS_OUT_A_PASSWORD.search(answers)
    for policy in (l05_policy._ALO_POLICY, l05_policy._ALO_POLICY_BN, l05_policy.POLICY_WITH_A_GAP):
        assert lint_policy(policy).advice == (), policy
    verdict = l05_policy.policy_judge(
        l05_policy._ALO_POLICY.replace(
            "Each person gets their own access in\nthe Page settings and loses it the day they "
            "leave.",
            "Two staff hold the passwords.",
        )
    )
    assert verdict.correct and "no" in verdict.message and "Page" in verdict.message


# --- FTC penalties and whose law applies ---------------------------------------------------


def test_lesson_11_teaches_the_penalty_as_adjusted_yearly_with_the_us_caveat():
    text = _text("11-ethics")
    assert "$51,744" not in text
    assert "$53,088" in text and "17 January 2025" in text
    assert "sources.md#ftc-penalties-2025" in text
    assert re.search(r"adjusted for\s+inflation every January", text)
    assert re.search(r"US\s+consumers\s+are\s+reasonably\s+affected", text)
    assert "not bound" in text
    assert re.search(r"Bangladesh's own law[^.]*was not\s+researched", text)


def test_lesson_11_prose_after_the_missed_packs_fits_an_empty_table():
    cells = dict((i, s) for i, (_, s) in enumerate(_cells("11-ethics")))
    explain = next(s for s in cells.values() if "the follower rule stands down" in s)
    assert explain.startswith("If that table is empty")


# --- Lesson 02: freelancing abroad beside local pay --------------------------------------------


def test_lesson_02_sets_the_freelance_rate_beside_local_pay():
    text = _text("02-the-managers-job")
    pays = next(
        s for _, s in _cells("02-the-managers-job") if s.startswith("## What the work pays")
    )
    assert "abroad" in pays and "sources.md#freelance-rates" in pays
    assert "25,000" in text and "convert(25_000" in text
    assert "Nakshi Ghor asks for 12 hours" not in text
    assert "abroad" in l02_the_managers_job.QUESTIONS[0].prompt


def test_lesson_01_cites_barnes_and_mattson_through_the_sources_page():
    text = _text("01-why-social-media")
    assert "sources.md#barnes-mattson-2008" in text
    assert "sources.md#mr-benchmarks-2020" in text
    assert "6.5%" not in text  # the average is read off the output, not typed
