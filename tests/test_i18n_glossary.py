"""The Bengali–English glossary: every term defined, shown on its page, used with its English
at first use in the lessons, and given one Bengali word in the helpers' catalog (issue 17)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from smm_helpers import lab
from smm_helpers.errors import DataError
from smm_helpers.i18n import glossary as g
from smm_helpers.i18n.catalog import po_path

HEADER = "en,bn,bn_definition,bn_avoid,note\n"
CATALOGS = lab.LESSONS_DIR / "locales" / "bn"

# Ordinary words a lesson glosses in brackets that are not course terms: "রিচের সংখ্যা
# (count)" names the row of .describe(), where সংখ্যা is just "number".
NOT_TERMS = {"count"}


@pytest.fixture(scope="module")
def passages() -> list[g.Passage]:
    return g.lesson_passages(CATALOGS)


@pytest.fixture(scope="module")
def terms() -> list[g.Term]:
    return list(g.load_glossary().values())


# --- the data -------------------------------------------------------------------------


def test_every_term_has_a_short_bengali_definition(terms):
    for term in terms:
        assert term.definition == unicodedata.normalize("NFC", term.definition), term.en
        assert term.definition.endswith("।"), term.en
        assert 20 <= len(term.definition) <= 220, term.en
        sentences = [s for s in term.definition.split("।") if s.strip()]
        assert 1 <= len(sentences) <= 2, term.en


def test_every_glossary_word_is_nfc_and_no_bengali_word_stands_for_two_terms(terms):
    seen: dict[str, str] = {}
    for term in terms:
        assert term.bn == unicodedata.normalize("NFC", term.bn), term.en
        assert seen.setdefault(term.bn, term.en) == term.en, term.bn


def test_a_missing_definition_is_named_by_line_and_column():
    text = HEADER + "reach,রিচ,কতজন মানুষ দেখেছেন।,,\nclient,ক্লায়েন্ট, ,,\n"
    with pytest.raises(DataError) as caught:
        g.read_glossary(text)
    assert (caught.value.line, caught.value.column) == (3, "bn_definition")
    assert "'client'" in caught.value.problem and "Bengali" in caught.value.fix


def test_a_definition_written_in_english_is_refused():
    with pytest.raises(DataError) as caught:
        g.read_glossary(HEADER + "reach,রিচ,people who saw it,,\n")
    assert caught.value.column == "bn_definition" and caught.value.line == 2


def test_the_line_counts_a_definition_that_runs_over_two_lines():
    text = HEADER + 'reach,রিচ,"কতজন মানুষ\nদেখেছেন।",,\nclient,ক্লায়েন্ট,,,\n'
    with pytest.raises(DataError) as caught:
        g.read_glossary(text)
    assert caught.value.line == 4
    assert g.read_glossary(text.split("client")[0])["reach"].definition == "কতজন মানুষ দেখেছেন।"


def test_a_missing_column_a_repeated_term_and_a_self_avoiding_term_are_refused():
    with pytest.raises(DataError, match="bn_definition"):
        g.read_glossary("en,bn,note\nreach,রিচ,\n")
    with pytest.raises(DataError, match="line 2") as caught:
        g.read_glossary(HEADER + "Reach,রিচ,দেখেছেন।,,\nreach,রিচ,দেখেছেন।,,\n")
    assert caught.value.line == 3
    with pytest.raises(DataError) as caught:
        g.read_glossary(HEADER + "weight,ওজন,পয়েন্ট।,গুরুত্ব; ওজন,\n")
    assert caught.value.column == "bn_avoid"


def test_glossary_text_is_normalised_to_nfc():
    word, meaning = "সময়সূচি", "কবে কী  পোস্ট হবে।"
    decomposed = unicodedata.normalize("NFD", f"{word},{meaning}")
    assert decomposed != f"{word},{meaning}"
    term = g.read_glossary(HEADER + f"schedule,{decomposed},,\n")["schedule"]
    assert term.bn == word and term.definition == "কবে কী পোস্ট হবে।"


# --- the page -------------------------------------------------------------------------


def test_the_page_shows_each_term_with_its_english_and_its_meaning(terms):
    page = (lab.LESSONS_DIR / "bn" / g.PAGE_NAME).read_text(encoding="utf-8")
    assert page == g.glossary_page(), "rebuild it: python -m smm_helpers.i18n.glossary build"
    rows = page.replace("\\|", "|")
    for term in terms:
        assert f"| {term.bn} | {term.en} |" in rows
        assert f"\n### {term.bn} ({term.en})\n\n{g._as_paragraph(term.definition)}\n" in page
        assert f"- {term.en}: {term.bn}\n" in page


def test_the_build_command_writes_the_page(tmp_path, capsys):
    assert g.main(["build", "--lessons-dir", str(tmp_path)]) == 0
    written = (tmp_path / "bn" / g.PAGE_NAME).read_text(encoding="utf-8")
    assert written == g.glossary_page() and "built" in capsys.readouterr().out


# --- finding terms in Bengali text ------------------------------------------------------

REACH = g.Term("reach", "রিচ")
ORGANIC = g.Term("organic", "অর্গানিক")
CLIENT = g.Term("client", "ক্লায়েন্ট")
RATE = g.Term("engagement rate", "এনগেজমেন্ট রেট")
ENGAGEMENT = g.Term("engagement", "এনগেজমেন্ট")
KPI = g.Term("key performance indicator (KPI)", "কেপিআই (KPI)")
SMART = g.Term("SMART goal", "স্মার্ট (SMART) লক্ষ্য")


def found(text: str, *terms: g.Term) -> list[tuple[str, bool]]:
    return [(term.en, bracketed) for _, term, bracketed in g.uses_in(text, terms)]


def test_a_term_is_found_with_its_endings_but_not_inside_another_word():
    assert found("ক্লায়েন্টের পোস্ট, ক্লায়েন্টদের, ক্লায়েন্টগুলোকে", CLIENT) == [("client", False)] * 3
    assert found("রিচভিত্তিক হিসাব আর প্রিচার", REACH) == []


def test_the_longer_term_takes_the_words_it_shares():
    assert found("এনগেজমেন্ট রেট (engagement rate) আর এনগেজমেন্ট", RATE, ENGAGEMENT) == [
        ("engagement rate", True),
        ("engagement", False),
    ]


def test_english_counts_after_the_term_after_its_phrase_or_around_it():
    assert found("**রিচ** (reach)", REACH) == [("reach", True)]
    assert found("অর্গানিক রিচ (organic reach)", ORGANIC, REACH) == [
        ("organic", True),
        ("reach", True),
    ]
    assert found("টাকা ছাড়াই হতে পারে (অর্গানিক, organic)", ORGANIC) == [("organic", True)]
    assert found("রিচগুলো (reaches)", REACH) == [("reach", True)]
    assert found("রিচ (impressions)", REACH) == [("reach", False)]


def test_an_abbreviation_in_the_glossary_word_is_its_english():
    assert (
        found("কেপিআই (KPI) ঠিক করুন; কেপিআই (key performance indicator)", KPI)
        == [("key performance indicator (KPI)", True)] * 2
    )
    assert found("স্মার্ট (SMART) লক্ষ্যগুলো", SMART) == [("SMART goal", True)]


def test_a_slash_inside_a_term_is_kept_and_one_between_items_splits():
    ab_test, inbox = g.Term("A/B test", "এ/বি টেস্ট"), g.Term("inbox", "ইনবক্স")
    assert found("দুটি সংস্করণের এ/বি টেস্ট (A/B test)", ab_test) == [("A/B test", True)]
    assert found("ইনবক্সে (DM / inbox)", inbox) == [("inbox", True)]
    assert found("বেঞ্চমার্ক (sources.md#rival-iq-benchmarks)", g.Term("benchmark", "বেঞ্চমার্ক")) == [
        ("benchmark", False)
    ]


def test_code_and_link_targets_are_not_read():
    assert found("`রিচ` চালান, [রিচ](sources.md#reach)", REACH) == [("reach", False)]


def test_first_use_skips_headings_and_names_where_the_english_comes():
    course = [
        g.Passage("l1", "# রিচ বোঝা\n\nরিচ (reach) মানে..."),
        g.Passage("l2", "ক্লায়েন্ট চাইছেন..."),
        g.Passage("l3", "ক্লায়েন্টের (client)"),
    ]
    uses = g.first_uses(course, [REACH, CLIENT])
    assert (uses["reach"].where, uses["reach"].bracketed) == ("l1", True)
    assert (uses["client"].where, uses["client"].bracketed) == ("l2", False)
    assert g.first_use_problems(course, [REACH, CLIENT]) == [
        "'client' (ক্লায়েন্ট) is first used in l2 without '(client)'; the English comes later, in l3"
    ]


def test_english_in_quotation_marks_names_a_term_that_has_them():
    fold = g.Term('"see more" fold', '"আরও দেখুন" সীমা')
    assert found('"আরও দেখুন" সীমা ("see more" fold)', fold) == [('"see more" fold', True)]
    assert found("“আরও দেখুন” সীমা (“see more” fold)", fold) == [('"see more" fold', True)]
    assert found('"আরও দেখুন" সীমা ("read more")', fold) == [('"see more" fold', False)]


def test_english_before_a_colon_and_an_explanation_names_the_term():
    pillar = g.Term("content pillar", "কনটেন্ট পিলার")
    assert found(
        "কনটেন্ট পিলার (content pillar: যেসব বিষয় নিয়ে আলো পোস্ট করে, আর তাদের ভাগ)", pillar
    ) == [("content pillar", True)]
    assert found("কনটেন্ট পিলার (সূত্র: content pillar guide)", pillar) == [("content pillar", False)]
    assert found("রিচ (৯:০০, 9:00)", REACH) == [("reach", False)]


def test_english_after_a_links_text_names_a_term_in_it():
    review = g.Term("review", "রিভিউ")
    text = (
        "**[ভোক্তা রিভিউ ও প্রশংসাপত্র বিধি](sources.md#ftc)** "
        "(*Rule on Consumer Reviews and Testimonials*)"
    )
    assert found(text, review) == [("review", True)]
    assert found("[ভোক্তা রিভিউ ও প্রশংসাপত্র বিধি](sources.md#ftc) (২০২৪)", review) == [
        ("review", False)
    ]


def test_bracketed_english_leaves_out_names_quoted_examples_and_code():
    text = (
        'আলো পাঠচক্র (Alo Reading Circle), ওজন (weight), শব্দ ("buy", "sale"), '
        "জরুরিভাব: বেশি (*high*), `f(x)` (path), রিচ ও ভিউ (reach, views)"
    )
    assert g.bracketed_english([g.Passage("l", text)]) == {
        "weight": "l",
        "reach": "l",
        "views": "l",
    }
    assert g.unlisted_terms([g.Passage("l", text)], [REACH, g.Term("views", "ভিউ")]) == {
        "weight": "l"
    }


def test_other_words_finds_a_term_glossed_after_another_bengali_word():
    base = g.Term("baseline", "বেসলাইন")
    course = [
        g.Passage("l4", "শুরুর সংখ্যা (baseline), তারপর বেসলাইনের (baseline) কথা"),
        g.Passage("l5", "লক্ষ্য স্মার্ট (SMART) করুন"),
    ]
    assert g.other_words(course, [base, SMART]) == [("baseline", "শুরুর সংখ্যা", "l4")]


def test_catalog_clashes_finds_an_avoided_word_only_where_the_english_names_the_term():
    weight = g.Term("weight", "ওজন", avoid=("গুরুত্ব",))
    target = g.Term("target", "লক্ষ্যমাত্রা", avoid=("লক্ষ্য",))
    goal = g.Term("goal", "লক্ষ্য")
    messages = [
        ("Weight: {factor}", "গুরুত্ব: {factor}"),
        ("Why it matters", "কেন গুরুত্বপূর্ণ"),
        ("below the target", "লক্ষ্যের নিচে"),
        ("the targets of each goal", "প্রতিটি লক্ষ্যের লক্ষ্যমাত্রা"),
        ("pass target_rate=0.5", "target_rate=0.5 দিন, লক্ষ্য মেনে"),
    ]
    assert g.catalog_clashes(messages, [weight, target, goal]) == [
        "'Weight: {factor}' gives 'weight' the word গুরুত্ব, not ওজন",
        "'below the target' gives 'target' the word লক্ষ্য, not লক্ষ্যমাত্রা",
    ]


# --- the course -----------------------------------------------------------------------


def test_the_helpers_catalog_gives_each_glossary_term_one_word(terms):
    assert g.catalog_clashes(g.catalog_messages(po_path("bn")), terms) == []


def test_every_english_term_the_lessons_gloss_is_in_the_glossary(passages, terms):
    assert passages, f"no lesson catalogs in {CATALOGS}"
    unlisted = g.unlisted_terms(passages, terms)
    assert {item: where for item, where in unlisted.items() if item not in NOT_TERMS} == {}


def test_each_glossary_term_has_its_english_in_brackets_at_first_use(passages, terms):
    assert g.first_use_problems(passages, terms) == []


def test_the_lessons_use_most_glossary_terms(passages, terms):
    used = g.first_uses(passages, terms)
    assert len(used) >= 0.9 * len(terms), sorted(t.en for t in terms if t.en not in used)


def test_lesson_passages_read_the_catalogs_in_course_order(tmp_path: Path):
    for name, text in (("01-b.po", "দুই"), ("00-a.po", "এক")):
        (tmp_path / name).write_text(
            f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
            f'msgctxt "c1"\nmsgid "x"\nmsgstr "{text}"\n\nmsgctxt "c2"\nmsgid "y"\nmsgstr ""\n',
            encoding="utf-8",
        )
    assert g.lesson_passages(tmp_path) == [
        g.Passage("00-a, cell c1", "এক"),
        g.Passage("01-b, cell c1", "দুই"),
    ]
