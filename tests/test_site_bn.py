"""``smm-course site --lang bn``: the Bengali website, beside the English one it links to.

The real site with both editions is the one ``test_site.py`` reads: built once per session,
every lesson run on a fresh kernel (``tests/site_checks.py``).  Its Bengali pages get the
English pages' checks in Chromium: no console error, nothing loaded from outside, every
picture loads, ``<html lang="bn">``, no Bengali letter drawn as a missing-glyph box, the
language switch reached with the keyboard and followed both ways, and no serious or
critical axe-core violation.  Small made-up lessons folders check the pieces a held-out
Bengali lesson must get right: its title line, time and objectives in Bengali digits and
words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from smm_helpers import lab
from smm_helpers.i18n.messages import current_language, in_language, use_language
from smm_helpers.lab import edition_dir, lesson_index, lessons_table, read_lesson
from smm_helpers.site.build import build_site
from smm_helpers.site.language_of_parts import mark_language_columns
from smm_helpers.site.pages import course_pages, read_objectives
from smm_helpers.site.render import images_without_alt_text
from tests.conftest import system_part_missing, write_notebook
from tests.site_checks import (
    BuiltSite,
    broken_links,
    check_page_in_browser,
    edition_pages,
    missing_glyphs,
    open_page,
    parse,
    shared_site,
)

BENGALI = lab.LESSONS_DIR / "bn"
BENGALI_LESSONS = lab.lesson_files(BENGALI)
ENGLISH_LESSONS = lab.lesson_files()
BENGALI_PAGES = edition_pages("bn", BENGALI_LESSONS)
"""Every page of the Bengali edition: contents, sources, glossary, one page per lesson."""
TABLE = re.compile(r"<!-- lessons-table -->\n(.*?)\n<!-- /lessons-table -->", re.DOTALL)
LATIN_WORDS = re.compile(
    r"\b(?:Lesson|lessons?|Previous|Next|Skip|Sources|Glossary|"
    r"Estimated|minutes|Self-check|Quiz|download|Binder link)\b"
)


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    use_language("en")


@pytest.fixture(scope="session")
def both(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The real site, English at the root and Bengali in bn/: the build test_site.py reads."""
    return shared_site(tmp_path_factory)


def page(result: BuiltSite, name: str) -> str:
    return result.page(name)


def site_pages(result: BuiltSite) -> list[str]:
    return sorted(p.relative_to(result.folder).as_posix() for p in result.folder.rglob("*.html"))


# --------------------------------------------------------------------------------------
# Reading a Bengali lesson
# --------------------------------------------------------------------------------------


def bengali_lesson(
    folder: Path, name: str, *, title: str, time_line: str, lead: str = "এই পাঠ শেষে আপনি পারবেন…"
) -> Path:
    intro = f"{title}\n\n{lead}\n\n- প্রথম কাজটি করতে;\n- দ্বিতীয় কাজটি\n  করতে।\n\n{time_line}"
    return write_notebook(folder / name, intro, "1 + 1")


@pytest.mark.parametrize(
    ("title", "time_line", "number", "minutes"),
    [
        ("# পাঠ ০৭ · কনটেন্ট তৈরি", "আনুমানিক সময়: ৫০ মিনিট", 7, 50),
        ("# পাঠ 07 · কনটেন্ট তৈরি", "আনুমানিক সময়ঃ 50 মিনিট", 7, 50),
        ("#  পাঠ ১২ ·  সমাপনী প্রকল্প", "আনুমানিক সময় : ১২০ মিনিট", 12, 120),
    ],
)
def test_a_bengali_lesson_gives_its_number_title_and_time(
    tmp_path: Path, title: str, time_line: str, number: int, minutes: int
) -> None:
    # decomposed য় (য + nukta), as some keyboards type it, reads the same as composed
    path = bengali_lesson(
        tmp_path, "07-content.ipynb", title=title, time_line=unicodedata.normalize("NFD", time_line)
    )
    info = read_lesson(path)
    assert (info.number, info.minutes, info.language) == (number, minutes, "bn")
    assert info.title == title.split("·", 1)[1].strip()


@pytest.mark.parametrize(
    "lead", ["এই পাঠ শেষে আপনি পারবেন…", "এই পাঠের শেষে আপনি যা পারবেন:", "পাঠ শেষে আপনি পারবেন"]
)
def test_bengali_objectives_are_read_after_their_lead_line(tmp_path: Path, lead: str) -> None:
    path = bengali_lesson(
        tmp_path, "03-x.ipynb", title="# পাঠ ০৩ · x", time_line="আনুমানিক সময়: ১০ মিনিট", lead=lead
    )
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
        "`python -m smm_helpers.lab --table --lessons lessons/bn`"
    )
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


def test_lab_in_bengali_opens_the_bengali_lessons_and_tells_the_kernels(tmp_path: Path) -> None:
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


@pytest.mark.slow
def test_both_editions_are_built_with_bengali_under_bn(both: BuiltSite) -> None:
    names = site_pages(both)
    assert {f"{p.stem}.html" for p in ENGLISH_LESSONS} <= set(names)
    assert {f"bn/{p.stem}.html" for p in BENGALI_LESSONS} <= set(names)
    assert {
        "index.html",
        "sources.html",
        "bn/index.html",
        "bn/sources.html",
        "bn/glossary.html",
    } <= set(names)
    for path in BENGALI_LESSONS:
        assert (both.folder / "bn" / "notebooks" / path.name).read_bytes() == path.read_bytes()


@pytest.mark.slow
def test_every_page_says_its_language(both: BuiltSite) -> None:
    for name in site_pages(both):
        lang = "bn" if name.startswith("bn/") else "en"
        assert f'<html lang="{lang}">' in page(both, name), name


@pytest.mark.slow
def test_bengali_pages_navigate_in_bengali(both: BuiltSite) -> None:
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
    assert '<h2 id="lessons">পাঠগুলো</h2>' in contents
    assert "আনুমানিক সময়: ৪৫ মিনিট" in contents and "এই পাঠ শেষে আপনি পারবেন…" in contents
    for name in ("bn/03-platforms.html", "bn/index.html", "bn/glossary.html"):
        chrome = re.sub(r"<main\b.*</main>", "", page(both, name), flags=re.S)
        chrome = re.sub(r"<(style|script)\b.*?</\1>|<[^>]+>", " ", chrome, flags=re.S)
        leftover = LATIN_WORDS.findall(chrome)
        assert not leftover, f"{name}: English words in the navigation: {leftover}"


@pytest.mark.slow
def test_the_contents_lists_every_bengali_lesson_with_its_time(both: BuiltSite) -> None:
    contents = page(both, "bn/index.html")
    entries = re.findall(
        r'<li class="smm-lesson-entry" id="lesson-([^"]+)">\s*<h3><a href='
        r'"([^"]+)">([^<]+)</a></h3>\s*<p class="smm-lesson-time">([^<]+)</p>',
        contents,
    )
    assert [entry[0] for entry in entries] == [p.stem for p in BENGALI_LESSONS]
    for (lesson, href, label, time_text), info in zip(entries, lesson_index(BENGALI), strict=True):
        assert href == f"{lesson}.html" and label.endswith(info.title)
        minutes = str(info.minutes).translate(str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯"))
        assert time_text == f"আনুমানিক সময়: {minutes} মিনিট", lesson


@pytest.mark.slow
def test_the_language_switch_goes_both_ways_to_the_same_page(both: BuiltSite) -> None:
    bengali = {f"{p.stem}.html" for p in BENGALI_LESSONS}
    for name in ["index.html", "sources.html", *(f"{p.stem}.html" for p in ENGLISH_LESSONS)]:
        switch = re.findall(r'<a href="([^"]+)" hreflang="bn" lang="bn">বাংলা</a>', page(both, name))
        expected = (
            f"bn/{name}" if name in bengali | {"index.html", "sources.html"} else "bn/index.html"
        )
        assert switch == [expected], (name, switch)
        back = re.findall(
            r'<a href="([^"]+)" hreflang="en" lang="en">English</a>', page(both, expected)
        )
        assert back == [
            f"../{name}" if expected != "bn/index.html" or name == "index.html" else "../index.html"
        ], (expected, back)
    glossary = page(both, "bn/glossary.html")
    assert '<a href="../index.html" hreflang="en" lang="en">English</a>' in glossary


@pytest.mark.slow
def test_the_glossary_is_a_page_the_lessons_link_to(both: BuiltSite) -> None:
    glossary = page(both, "bn/glossary.html")
    assert "<title>SMM Lab: পরিভাষা</title>" in glossary
    assert "<td>এনগেজমেন্ট রেট</td>" in glossary
    assert '<td lang="en">engagement rate</td>' in glossary, "English terms say so"
    english = re.findall(r"<tr>\s*<td>[^<]+</td>\s*<td( lang=\"en\")?>[^<]+</td>\s*</tr>", glossary)
    assert len(english) > 50 and all(english), "every English term is marked lang=en"
    for path in BENGALI_LESSONS:
        lesson = page(both, f"bn/{path.stem}.html")
        assert 'href="glossary.html"' in lesson, path.stem
        # printed output may name a file (sources.md#...); a link must go to its page
        markdown_links = [
            value
            for _tag, _attribute, value in parse(lesson).links
            if urlsplit(value).path.endswith(".md")
        ]
        assert not markdown_links, (path.stem, markdown_links)
    sources = page(both, "bn/sources.html")
    assert '<div lang="en">' in sources, "the English sources are marked as English"


@pytest.mark.slow
def test_every_relative_link_in_both_editions_resolves(both: BuiltSite) -> None:
    broken = broken_links(both.folder, site_pages(both))
    assert not broken, "\n".join(broken[:30])


@pytest.mark.slow
def test_every_bengali_lesson_ran_and_shows_its_results(both: BuiltSite) -> None:
    assert sorted(k for k in both.seconds if k.startswith("bn/")) == [
        f"bn/{p.stem}" for p in BENGALI_LESSONS
    ], "every Bengali lesson ran"
    assert sorted(
        p.relative_to(both.folder).as_posix() for p in (both.folder / "bn").glob("*.html")
    ) == sorted(BENGALI_PAGES)
    for path in BENGALI_LESSONS:
        lesson = page(both, f"bn/{path.stem}.html")
        assert "jp-OutputArea-output" in lesson, f"bn/{path.stem}: no outputs on the page"
        assert "Traceback (most recent call last)" not in lesson, f"bn/{path.stem}: an error"
        assert not images_without_alt_text(lesson), f"bn/{path.stem}: a picture without alt"
    for name in BENGALI_PAGES:
        parts = parse(page(both, name))
        assert "script" not in parts.tags, f"{name} has a script"
        loads = [
            value
            for tag, attribute, value in parts.links
            if not (tag == "a" and attribute == "href")
        ]
        assert not [value for value in loads if re.match(r"^(?:[a-z]+:)?//", value)], name


@pytest.mark.parametrize(
    ("page_language", "table", "marked"),
    [
        (
            "bn",
            '<table>\n<tr><th>বাংলা</th><th class="x">English</th></tr>\n'
            '<tr><td>রিচ</td><td class="x"><em>reach</em></td></tr>\n</table>',
            '<table>\n<tr><th>বাংলা</th><th class="x" lang="en">English</th></tr>\n'
            '<tr><td>রিচ</td><td class="x" lang="en"><em>reach</em></td></tr>\n</table>',
        ),
        (
            "en",
            "<table><tr><th>English</th><th>&#2476;&#2494;&#2434;&#2482;&#2494;</th></tr>"
            "<tr><td>reach</td><td>রিচ</td></tr></table>",
            '<table><tr><th>English</th><th lang="bn">&#2476;&#2494;&#2434;&#2482;&#2494;</th></tr>'
            '<tr><td>reach</td><td lang="bn">রিচ</td></tr></table>',
        ),
        (
            "bn",
            '<table><tr><th colspan="2">English</th></tr><tr><td>a</td><td>b</td></tr></table>',
            None,
        ),
        (
            "bn",
            '<table><tr><th>English</th></tr><tr><td lang="en-GB">colour</td></tr></table>',
            '<table><tr><th lang="en">English</th></tr><tr><td '
            'lang="en-GB">colour</td></tr></table>',
        ),
        ("bn", "<table><tr><td>English</td></tr><tr><td>reach</td></tr></table>", None),
    ],
)
def test_a_column_headed_by_the_other_language_is_marked_as_that_language(
    page_language: str, table: str, marked: str | None
) -> None:
    page_html = f"<p>English</p>{table}<p>শেষ</p>"
    expected = f"<p>English</p>{marked or table}<p>শেষ</p>"
    assert mark_language_columns(page_html, page_language) == expected


# --------------------------------------------------------------------------------------
# The Bengali pages in the browser: the English pages' checks (tests/site_checks.py)
# --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from tests.browser import chromium_browser

    with chromium_browser() as chromium:
        yield chromium


@pytest.mark.slow
@pytest.mark.system
@pytest.mark.parametrize("name", BENGALI_PAGES)
def test_bengali_page_passes_the_english_pages_browser_and_axe_checks(
    browser, both: BuiltSite, name: str
) -> None:
    # test_site.py's two browser tests, on one visit: no console error, nothing from
    # outside, every picture loads, lang="bn", no tofu, the language switch by keyboard,
    # and no serious or critical axe-core violation
    check_page_in_browser(browser, both.folder, name, axe=True)


FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>{fonts}</dir><cachedir>{cache}</cachedir></fontconfig>
"""


@pytest.mark.system
def test_the_missing_glyph_check_sees_tofu_when_no_font_has_bengali(
    browser, tmp_path: Path
) -> None:
    import matplotlib

    from tests.browser import chromium_browser

    text = '<!DOCTYPE html><html lang="bn"><body><p>পাঠ ০৩ · প্ল্যাটফর্ম <b>৳ ৫০০</b></p>'
    page = browser.new_page()
    try:
        page.set_content(text)
        if missing_glyphs(page, "sans-serif"):
            system_part_missing("no Bengali font: apt-get install fonts-noto-core")
        assert missing_glyphs(page) == [], "with the machine's fonts"
    finally:
        page.close()
    # Chromium shown only matplotlib's DejaVu fonts, which have no Bengali letter
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        FONTS_CONF.format(
            fonts=Path(matplotlib.get_data_path()) / "fonts" / "ttf", cache=tmp_path / "cache"
        ),
        encoding="utf-8",
    )
    with chromium_browser(env={"FONTCONFIG_FILE": str(conf)}) as no_bengali:
        page = no_bengali.new_page()
        page.set_content(text)
        found = missing_glyphs(page)
    assert len(found) == 2, found  # the paragraph's font, and its bold one
    letters = set(found[0].rsplit(": ", 1)[1].split())
    assert found[0].startswith("normal 400 ") and letters == set("পাঠ০৩প্ল্যাটফর্ম"), found
    assert found[1].startswith("normal 700 ") and found[1].endswith(": ৳ ৫ ০"), found


@pytest.mark.slow
@pytest.mark.system
def test_a_bengali_lesson_page_starts_with_its_skip_link_and_is_kept_as_a_screenshot(
    browser, both: BuiltSite
) -> None:
    from tests.browser import screenshot

    opened = open_page(browser, both.folder, "bn/03-platforms.html")
    try:
        opened.page.set_viewport_size({"width": 1200, "height": 900})
        opened.page.keyboard.press("Tab")
        skip = opened.page.evaluate("() => document.activeElement.textContent")
        assert skip == "সরাসরি পাঠে যান", "the first Tab reaches the skip link"
        path = screenshot(opened.page, "site-bn-lesson-03-platforms")
        assert path.is_file() and path.stat().st_size > 50_000
        assert not opened.errors, "\n".join(opened.errors)
    finally:
        opened.page.close()


# --------------------------------------------------------------------------------------
# Small builds
# --------------------------------------------------------------------------------------


def test_an_english_build_leaves_out_the_switch_and_removes_an_old_bengali_edition(
    tmp_path: Path,
) -> None:
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
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from smm_helpers.cli import main

    lessons = tmp_path / "lessons"
    write_notebook(lessons / "00-a.ipynb", "# Lesson 00 · A\n\nEstimated time: 5 minutes", "1")
    write_notebook(lessons / "bn" / "00-a.ipynb", "# পাঠ ০০ · ক\n\nআনুমানিক সময়: ৫ মিনিট", "1")
    out = tmp_path / "site"
    assert (
        main(["site", "--out", str(out), "--lessons", str(lessons), "--no-execute", "--lang", "bn"])
        == 0
    )
    said = capsys.readouterr().out
    assert f"পড়তে ব্রাউজারে {out / 'bn' / 'index.html'} খুলুন।" in said
    assert '<html lang="bn">' in (out / "bn" / "index.html").read_text(encoding="utf-8")
