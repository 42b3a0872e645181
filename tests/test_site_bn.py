"""``smm-course site --lang bn``: the Bengali website, beside the English one it links to.

The real site with both editions is built once for this module without running the lessons
(``execute=False``: these tests read navigation, links and titles, not results), into a
temporary folder.  Small made-up lessons folders check the pieces a held-out Bengali lesson
must get right: its title line, time and objectives in Bengali digits and words.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from smm_helpers import lab
from smm_helpers.i18n.messages import current_language, in_language, use_language
from smm_helpers.lab import edition_dir, lesson_index, lessons_table, read_lesson
from smm_helpers.site.build import SiteResult, build_site
from smm_helpers.site.pages import course_pages, read_objectives
from tests.conftest import write_notebook
from tests.test_site import parse

BENGALI = lab.LESSONS_DIR / "bn"
BENGALI_LESSONS = lab.lesson_files(BENGALI)
ENGLISH_LESSONS = lab.lesson_files()
TABLE = re.compile(r"<!-- lessons-table -->\n(.*?)\n<!-- /lessons-table -->", re.DOTALL)
LATIN_WORDS = re.compile(r"\b(?:Lesson|lessons?|Previous|Next|Skip|Sources|Glossary|"
                         r"Estimated|minutes|Self-check|Quiz|download|Binder link)\b")


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    use_language("en")


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> SiteResult:
    """The real site, English at the root and Bengali in bn/, built without running."""
    out = tmp_path_factory.mktemp("site-bn") / "site"
    return build_site(out, execute=False, language="bn", binder="alo-lab/smm-lab",
                      echo=None)


def page(result: SiteResult, name: str) -> str:
    return (result.folder / name).read_text(encoding="utf-8")


def site_pages(result: SiteResult) -> list[str]:
    return sorted(str(p.relative_to(result.folder)) for p in result.folder.rglob("*.html"))


# --------------------------------------------------------------------------------------
# Reading a Bengali lesson
# --------------------------------------------------------------------------------------


def bengali_lesson(folder: Path, name: str, *, title: str, time_line: str,
                   lead: str = "এই পাঠ শেষে আপনি পারবেন…") -> Path:
    intro = f"{title}\n\n{lead}\n\n- প্রথম কাজটি করতে;\n- দ্বিতীয় কাজটি\n  করতে।\n\n{time_line}"
    return write_notebook(folder / name, intro, "1 + 1")


@pytest.mark.parametrize(("title", "time_line", "number", "minutes"), [
    ("# পাঠ ০৭ · কনটেন্ট তৈরি", "আনুমানিক সময়: ৫০ মিনিট", 7, 50),
    ("# পাঠ 07 · কনটেন্ট তৈরি", "আনুমানিক সময়ঃ 50 মিনিট", 7, 50),
    ("#  পাঠ ১২ ·  সমাপনী প্রকল্প", "আনুমানিক সময় : ১২০ মিনিট", 12, 120),
])
def test_a_bengali_lesson_gives_its_number_title_and_time(
        tmp_path: Path, title: str, time_line: str, number: int, minutes: int) -> None:
    # decomposed য় (য + nukta), as some keyboards type it, reads the same as composed
    path = bengali_lesson(tmp_path, "07-content.ipynb", title=title,
                          time_line=unicodedata.normalize("NFD", time_line))
    info = read_lesson(path)
    assert (info.number, info.minutes, info.language) == (number, minutes, "bn")
    assert info.title == title.split("·", 1)[1].strip()


@pytest.mark.parametrize("lead", ["এই পাঠ শেষে আপনি পারবেন…", "এই পাঠের শেষে আপনি যা পারবেন:",
                                  "পাঠ শেষে আপনি পারবেন"])
def test_bengali_objectives_are_read_after_their_lead_line(tmp_path: Path, lead: str) -> None:
    path = bengali_lesson(tmp_path, "03-x.ipynb", title="# পাঠ ০৩ · x",
                          time_line="আনুমানিক সময়: ১০ মিনিট", lead=lead)
    assert read_objectives(path) == ("প্রথম কাজটি করতে;", "দ্বিতীয় কাজটি করতে।")


def test_every_bengali_lesson_has_its_english_lessons_number_and_objectives() -> None:
    english = {info.id: info for info in lesson_index()}
    for info in lesson_index(BENGALI):
        assert info.language == "bn" and info.id in english, info.id
        assert info.number == english[info.id].number and info.minutes is not None, info.id
        assert len(read_objectives(info.path)) >= 2, f"{info.id}: no objectives found"


def test_bengali_labels_use_bengali_words_and_digits() -> None:
    pages = course_pages(BENGALI)
    with in_language("bn"):
        label, time_text = pages[3].label, pages[3].time_text
    assert label.startswith("পাঠ ০৩ · ") and time_text.endswith(" মিনিট")
    assert not re.search(r"[0-9]", label + time_text)


def test_the_bengali_readme_table_matches_the_bengali_lessons() -> None:
    readme = (BENGALI / "README.md").read_text(encoding="utf-8")
    found = TABLE.search(readme)
    assert found, "lessons/bn/README.md has no table between <!-- lessons-table --> markers"
    assert found.group(1).strip() == lessons_table(BENGALI), (
        "lessons/bn/README.md's table is out of date; replace it with the output of "
        "`python -m smm_helpers.lab --table --lessons lessons/bn`")
    rows = found.group(1).strip().splitlines()[2:]
    for row, info in zip(rows, lesson_index(BENGALI), strict=True):
        minutes = str(info.minutes).translate(str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯"))
        assert row.endswith(f"| {minutes} মিনিট |"), row


def test_the_english_readme_lists_both_editions() -> None:
    readme = (lab.LESSONS_DIR / "README.md").read_text(encoding="utf-8")
    assert "(bn/README.md)" in readme and "--lang bn" in readme


# --------------------------------------------------------------------------------------
# JupyterLab on the Bengali lessons
# --------------------------------------------------------------------------------------


def test_lab_in_bengali_opens_the_bengali_lessons_and_tells_the_kernels(
        tmp_path: Path) -> None:
    command = lab.open_lab(language="bn", dry_run=True)
    assert command[-1] == f"--notebook-dir={BENGALI}"
    assert lab.lab_launch(BENGALI, language="bn").environment({})["SMM_LANG"] == "bn"
    assert lab.lab_launch(BENGALI, language="en").env == {"SMM_LANG": "en"}
    assert lab.lab_launch(lab.LESSONS_DIR).env == {}, "no --lang: the environment as it is"
    assert edition_dir(BENGALI, "bn") == BENGALI, "--lessons lessons/bn works too"
    assert current_language() == "en"


# --------------------------------------------------------------------------------------
# The two-edition site
# --------------------------------------------------------------------------------------


def test_both_editions_are_built_with_bengali_under_bn(both: SiteResult) -> None:
    names = site_pages(both)
    assert {f"{p.stem}.html" for p in ENGLISH_LESSONS} <= set(names)
    assert {f"bn/{p.stem}.html" for p in BENGALI_LESSONS} <= set(names)
    assert {"index.html", "sources.html", "bn/index.html", "bn/sources.html",
            "bn/glossary.html"} <= set(names)
    assert both.contents == both.folder / "bn" / "index.html"
    for path in BENGALI_LESSONS:
        assert (both.folder / "bn" / "notebooks" / path.name).read_bytes() == path.read_bytes()


def test_every_page_says_its_language(both: SiteResult) -> None:
    for name in site_pages(both):
        lang = "bn" if name.startswith("bn/") else "en"
        assert f'<html lang="{lang}">' in page(both, name), name


def test_bengali_pages_navigate_in_bengali(both: SiteResult) -> None:
    lesson = page(both, "bn/03-platforms.html")
    assert '<a class="smm-skip-link" href="#content">সরাসরি পাঠে যান</a>' in lesson
    assert re.search(r'aria-label="কোর্স".*>সব পাঠ</a>.*>উৎস</a>.*>পরিভাষা</a>', lesson, re.S)
    assert "পাঠ ০৩ / ১২" in lesson
    assert ">আগের পাঠ</span> পাঠ ০২ · " in lesson and ">পরের পাঠ</span> পাঠ ০৪ · " in lesson
    assert ">Binder-এ খুলুন</a>" in lesson and ">নোটবুকটি ডাউনলোড করুন</a>" in lesson
    assert "lab/tree/lessons/bn/03-platforms.ipynb" in lesson
    assert "<code>smm-course lab --lang bn</code>" in lesson
    notes = re.findall(r'<div class="smm-self-check-note" role="note">(.*?)</div>', lesson, re.S)
    assert notes and all("এই পাতায় এখনো কেউ উত্তর দেয়নি" in note for note in notes)
    contents = page(both, "bn/index.html")
    assert "<h2 id=\"lessons\">পাঠগুলো</h2>" in contents
    assert "আনুমানিক সময়: ৪৫ মিনিট" in contents and "এই পাঠ শেষে আপনি পারবেন…" in contents
    for name in ("bn/03-platforms.html", "bn/index.html", "bn/glossary.html"):
        chrome = re.sub(r"<main\b.*</main>", "", page(both, name), flags=re.S)
        chrome = re.sub(r"<(style|script)\b.*?</\1>|<[^>]+>", " ", chrome, flags=re.S)
        leftover = LATIN_WORDS.findall(chrome)
        assert not leftover, f"{name}: English words in the navigation: {leftover}"


def test_the_contents_lists_every_bengali_lesson_with_its_time(both: SiteResult) -> None:
    contents = page(both, "bn/index.html")
    entries = re.findall(r'<li class="smm-lesson-entry" id="lesson-([^"]+)">\s*<h3><a href='
                         r'"([^"]+)">([^<]+)</a></h3>\s*<p class="smm-lesson-time">([^<]+)</p>',
                         contents)
    assert [entry[0] for entry in entries] == [p.stem for p in BENGALI_LESSONS]
    for (lesson, href, label, time_text), info in zip(entries, lesson_index(BENGALI),
                                                       strict=True):
        assert href == f"{lesson}.html" and label.endswith(info.title)
        minutes = str(info.minutes).translate(str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯"))
        assert time_text == f"আনুমানিক সময়: {minutes} মিনিট", lesson


def test_the_language_switch_goes_both_ways_to_the_same_page(both: SiteResult) -> None:
    bengali = {f"{p.stem}.html" for p in BENGALI_LESSONS}
    for name in ["index.html", "sources.html", *(f"{p.stem}.html" for p in ENGLISH_LESSONS)]:
        switch = re.findall(r'<a href="([^"]+)" hreflang="bn" lang="bn">বাংলা</a>',
                            page(both, name))
        expected = f"bn/{name}" if name in bengali | {"index.html", "sources.html"} \
            else "bn/index.html"
        assert switch == [expected], (name, switch)
        back = re.findall(r'<a href="([^"]+)" hreflang="en" lang="en">English</a>',
                          page(both, expected))
        assert back == [f"../{name}" if expected != "bn/index.html" or name == "index.html"
                        else "../index.html"], (expected, back)
    glossary = page(both, "bn/glossary.html")
    assert '<a href="../index.html" hreflang="en" lang="en">English</a>' in glossary


def test_the_glossary_is_a_page_the_lessons_link_to(both: SiteResult) -> None:
    glossary = page(both, "bn/glossary.html")
    assert "<title>SMM Lab: পরিভাষা</title>" in glossary
    assert "<td>এনগেজমেন্ট রেট</td>" in glossary and "<td>engagement rate</td>" in glossary
    for path in BENGALI_LESSONS:
        lesson = page(both, f"bn/{path.stem}.html")
        assert 'href="glossary.html"' in lesson and "glossary.md" not in lesson, path.stem
        assert "sources.md" not in lesson, path.stem
    sources = page(both, "bn/sources.html")
    assert '<div lang="en">' in sources, "the English sources are marked as English"


def test_every_relative_link_in_both_editions_resolves(both: SiteResult) -> None:
    parsed = {name: parse(page(both, name)) for name in site_pages(both)}
    broken = []
    for name, links in parsed.items():
        for tag, _attribute, value in links.links:
            parts = urlsplit(value)
            if parts.scheme in {"http", "https", "mailto", "data"}:
                continue
            target = (both.folder / name).parent / unquote(parts.path) if parts.path \
                else both.folder / name
            key = str(target.resolve().relative_to(both.folder.resolve()))
            if not target.is_file():
                broken.append(f"{name}: <{tag}> {value}: no file {key}")
            elif parts.fragment and key in parsed:
                ids = parsed[key].ids
                if parts.fragment not in ids and unquote(parts.fragment) not in ids:
                    broken.append(f"{name}: <{tag}> {value}: no id {parts.fragment} in {key}")
    assert not broken, "\n".join(broken[:30])


def test_an_english_build_leaves_out_the_switch_and_removes_an_old_bengali_edition(
        tmp_path: Path) -> None:
    lessons = tmp_path / "lessons"
    write_notebook(lessons / "00-a.ipynb", "# Lesson 00 · A\n\nEstimated time: 5 minutes", "1")
    write_notebook(lessons / "bn" / "00-a.ipynb", "# পাঠ ০০ · ক\n\nআনুমানিক সময়: ৫ মিনিট", "1")
    out = tmp_path / "site"
    result = build_site(out, lessons_dir=lessons, execute=False, language="bn", echo=None)
    assert (out / "bn" / "00-a.html").is_file() and result.editions.keys() == {"en", "bn"}
    assert 'href="bn/00-a.html"' in (out / "00-a.html").read_text(encoding="utf-8")
    build_site(out, lessons_dir=lessons, execute=False, language="en", echo=None)
    assert not (out / "bn").exists(), "the Bengali edition of the earlier build is gone"
    assert "hreflang" not in (out / "00-a.html").read_text(encoding="utf-8")


def test_the_command_line_builds_the_bengali_site_and_speaks_bengali(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from smm_helpers.cli import main

    lessons = tmp_path / "lessons"
    write_notebook(lessons / "00-a.ipynb", "# Lesson 00 · A\n\nEstimated time: 5 minutes", "1")
    write_notebook(lessons / "bn" / "00-a.ipynb", "# পাঠ ০০ · ক\n\nআনুমানিক সময়: ৫ মিনিট", "1")
    out = tmp_path / "site"
    assert main(["site", "--out", str(out), "--lessons", str(lessons), "--no-execute",
                 "--lang", "bn"]) == 0
    said = capsys.readouterr().out
    assert f"পড়তে ব্রাউজারে {out / 'bn' / 'index.html'} খুলুন।" in said
    assert '<html lang="bn">' in (out / "bn" / "index.html").read_text(encoding="utf-8")
