"""The course's sources page, ``lessons/sources.md``, and every citation that points at it.

Lessons cite a source as ``[Sprout Social, 2021](sources.md#sprout-best-times-2021)``; Python
strings and docstrings as ``sources.md#sprout-best-times-2021``.  JupyterLab opens
``sources.md#anchor`` at the entry; the website (``smm-course site``) publishes the page as
``sources.html`` and points the lessons' links there.

These tests read files only (no lesson is run), so they are quick:

- every ``sources.md#anchor`` in the course's lessons, assignments, rubrics and helpers
  resolves to an anchor on the page, and no citation of the old, unpublished research notes
  ("facts §2.6", "reference/facts.md") is left;
- every entry on the page has a link a learner can open, or says plainly why it has none,
  and nothing on it is a placeholder;
- the site writes ``sources.html`` with every anchor, and rewrites the lessons' links;
- (slow, in a browser) JupyterLab opens a lesson's ``sources.md#anchor`` link at the entry.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from smm_helpers.site.build import MARKER, build_site

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "lessons" / "sources.md"

FIXED_ANCHORS = (
    "rival-iq-benchmarks",
    "engagement-rate-definitions",
    "hootsuite-engagement",
    "mr-benchmarks-2020",
    "mr-nten-2013",
    "mr-benchmarks-2010",
    "techsoup-tapp-2020",
    "global-ngo-tech-2018",
    "unity-trust-first-tweet",
    "barnes-mattson-2008",
    "sage-nonprofit-survey",
    "the-wheel-2011",
    "wordstream-facebook-2017",
    "wordstream-lead-ads",
    "paid-media-ranges-2026",
    "bd-boosting-anecdotes",
    "sprout-best-times-2021",
    "bd-weekend",
    "posting-frequency",
    "sociavault-2026",
    "twitter-text-v3",
    "x-premium-length",
    "instagram-limits",
    "instagram-hashtags-2025",
    "linkedin-limits",
    "facebook-post-length",
    "youtube-data-api",
    "ftc-endorsement-guides",
    "ftc-disclosures-101",
    "ftc-reviews-rule",
    "ftc-penalties-2025",
    "vader-sentiment",
    "emoji-sentiment",
    "afinn",
    "bnlp",
    "holidays-package",
    "bangla-calendar-2019",
    "bd-holiday-circular",
    "meta-views-2025",
    "facebook-page-access",
    "datareportal-bangladesh",
    "freelance-rates",
)
"""The anchors lessons and helpers may cite (the page may hold more)."""

CITING_FOLDERS = ("lessons", "assignments", "course/rubrics", "smm_helpers")
CITING_SUFFIXES = {".py", ".md", ".csv", ".json", ".ipynb"}

CITATION = re.compile(r"sources\.md#([A-Za-z0-9_.-]*[A-Za-z0-9_-])")
ANCHOR = re.compile(r'<a id="(?P<id>[^"]+)"></a>')
FORBIDDEN = ("facts §", "reference facts", "facts.md")
"""How the lessons used to cite research notes that learners cannot open."""

NO_LINK = re.compile(r"\bno (?:direct )?link\b", re.IGNORECASE)
PLACEHOLDER = re.compile(
    r"\b(?:TODO|TBD|FIXME|placeholder|being researched|not yet (?:found|"
    r"checked|verified)|to be added)\b",
    re.IGNORECASE,
)
MARKDOWN_LINK = re.compile(r"\[[^\]]*\]\((?P<target>[^)\s]+)\)")


def citing_files() -> list[Path]:
    files = []
    for folder in CITING_FOLDERS:
        for path in sorted((ROOT / folder).rglob("*")):
            if (
                path.suffix in CITING_SUFFIXES
                and path.is_file()
                and not {"__pycache__", ".ipynb_checkpoints"} & set(path.parts)
            ):
                files.append(path)
    return files


@pytest.fixture(scope="module")
def page() -> str:
    return SOURCES.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def entries(page: str) -> dict[str, str]:
    """Each anchor's entry: its text up to the next anchor or section heading."""
    found = list(ANCHOR.finditer(page))
    result = {}
    for here, after in zip(found, [*found[1:], None], strict=True):
        end = after.start() if after else len(page)
        text = page[here.end() : end]
        section = re.search(r"^## ", text, re.MULTILINE)
        result[here["id"]] = text[: section.start()] if section else text
    return result


def test_anchors_are_unique_and_cover_the_fixed_list(page: str) -> None:
    anchors = [found["id"] for found in ANCHOR.finditer(page)]
    twice = sorted(name for name, count in Counter(anchors).items() if count > 1)
    assert not twice, f"anchors used twice on the page: {twice}"
    missing = sorted(set(FIXED_ANCHORS) - set(anchors))
    assert not missing, f"anchors lessons may cite but the page lacks: {missing}"
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", name) for name in anchors), anchors


def test_every_entry_has_a_link_to_open_or_says_why_not(entries: dict[str, str]) -> None:
    problems = []
    for name, text in entries.items():
        if not re.search(r"^### ", text, re.MULTILINE):
            problems.append(f"{name}: no heading after the anchor")
        for label in ("**Used for:**", "**Reliability:**", "**Read it:**"):
            if label not in text:
                problems.append(f"{name}: no {label}")
        links = [m["target"] for m in MARKDOWN_LINK.finditer(text)]
        if not any(link.startswith("https://") for link in links) and not NO_LINK.search(text):
            problems.append(f"{name}: no https link and no sentence saying why there is none")
        if PLACEHOLDER.search(text):
            problems.append(f"{name}: reads like a placeholder ({PLACEHOLDER.search(text)[0]!r})")
    assert not problems, "\n".join(problems)


def test_links_on_the_page_are_web_addresses_or_anchors_on_it(page: str) -> None:
    anchors = {found["id"] for found in ANCHOR.finditer(page)}
    bad = []
    for found in MARKDOWN_LINK.finditer(page):
        target = found["target"]
        parts = urlsplit(target)
        if parts.scheme in {"http", "https"}:
            if not parts.netloc or " " in target:
                bad.append(target)
        elif target.startswith("#"):
            if target[1:] not in anchors:
                bad.append(f"{target} (no such anchor)")
        else:
            bad.append(f"{target} (neither a web address nor an anchor on the page)")
    assert not bad, bad


def test_every_citation_resolves_and_no_unpublished_notes_are_cited(page: str) -> None:
    anchors = {found["id"] for found in ANCHOR.finditer(page)}
    unresolved, forbidden = [], []
    cited = 0
    for path in citing_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        where = path.relative_to(ROOT)
        for found in CITATION.finditer(text):
            cited += 1
            if found[1] not in anchors:
                unresolved.append(f"{where}: sources.md#{found[1]}")
        lowered = text.casefold()
        hits = [phrase for phrase in FORBIDDEN if phrase.casefold() in lowered]
        if hits and path != SOURCES:
            forbidden.append(f"{where}: {', '.join(hits)}")
    assert cited > 0, "nothing cites the sources page yet"
    message = []
    if unresolved:
        message += ["Citations with no anchor on lessons/sources.md:", *unresolved]
    if forbidden:
        message += ["Files still citing the unpublished research notes:", *forbidden]
    assert not message, "\n".join(message)


def write_lesson(folder: Path, name: str, markdown: str) -> Path:
    number = name[:2]
    nb = new_notebook(
        cells=[
            new_markdown_cell(
                f"# Lesson {number} · Lesson {number}\n\nBy the end of this lesson "
                f"you can…\n\n- read a source\n\nEstimated time: 5 minutes"
            ),
            new_markdown_cell(markdown),
            new_code_cell("1 + 1"),
        ]
    )
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    path = folder / name
    nbformat.write(nb, path)
    return path


def test_the_site_publishes_the_page_and_points_the_lessons_at_it(
    page: str, tmp_path: Path
) -> None:
    lessons = tmp_path / "lessons"
    lessons.mkdir()
    (lessons / "sources.md").write_text(page, encoding="utf-8")
    write_lesson(
        lessons,
        "00-start.ipynb",
        "Engagement is low ([Rival IQ](sources.md#rival-iq-benchmarks)); "
        "see [lesson 01](01-next.ipynb).",
    )
    write_lesson(lessons, "01-next.ipynb", "Times: [Sprout](sources.md#sprout-best-times-2021).")
    out = tmp_path / "site"
    build_site(out, lessons_dir=lessons, execute=False, echo=None)

    sources = (out / "sources.html").read_text(encoding="utf-8")
    ids = set(re.findall(r'\bid="([^"]+)"', sources))
    missing = [anchor for anchor in (m["id"] for m in ANCHOR.finditer(page)) if anchor not in ids]
    assert not missing, f"anchors lost on sources.html: {missing}"
    inner = [href[1:] for href in re.findall(r'href="(#[^"]+)"', sources)]
    assert all(target in ids for target in inner), "a link inside the page goes nowhere"
    assert '<html lang="en">' in sources and "<script" not in sources
    assert 'aria-current="page">Sources</a>' in sources

    first = (out / "00-start.html").read_text(encoding="utf-8")
    assert 'href="sources.html#rival-iq-benchmarks"' in first
    assert 'href="01-next.html"' in first and "sources.md" not in first
    assert 'href="sources.html">Sources</a>' in first, "the header links the sources page"
    assert 'href="sources.html#sprout-best-times-2021"' in (out / "01-next.html").read_text(
        encoding="utf-8"
    )
    assert 'href="sources.html"' in (out / "index.html").read_text(encoding="utf-8")
    assert "sources.html" in (out / MARKER).read_text(encoding="utf-8"), "the build owns it"


def test_a_course_without_a_sources_page_gets_no_link_to_one(tmp_path: Path) -> None:
    lessons = tmp_path / "lessons"
    lessons.mkdir()
    write_lesson(lessons, "00-start.ipynb", "No sources here.")
    out = tmp_path / "site"
    build_site(out, lessons_dir=lessons, execute=False, echo=None)
    assert not (out / "sources.html").exists()
    assert "sources.html" not in (out / "00-start.html").read_text(encoding="utf-8")
    assert "sources.html" not in (out / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.system
def test_jupyterlab_opens_a_citation_at_its_entry(page: str, tmp_path: Path) -> None:
    """In JupyterLab, a lesson's ``sources.md#bd-weekend`` link opens the rendered page there.

    JupyterLab opens a linked ``.md`` file in its Markdown preview and scrolls to the
    fragment; it keeps the page's ``<a id="...">`` anchors as ``data-jupyter-id``.
    """
    from smm_helpers import lab
    from tests.browser import chromium_browser, screenshot
    from tests.test_browser_lab import NOTEBOOK, _free_port, _jupyterlab, _open_notebook

    lessons = tmp_path / "lessons"
    lessons.mkdir()
    (lessons / "sources.md").write_text(page, encoding="utf-8")
    write_lesson(lessons, "00-start.ipynb", "Plan around [the weekend](sources.md#bd-weekend).")
    launch = lab.lab_launch(lessons, port=_free_port(), no_browser=True)
    with chromium_browser() as browser, _jupyterlab(launch, tmp_path / "home") as server:
        view = browser.new_page(viewport={"width": 1280, "height": 900})
        view.set_default_timeout(60_000)
        _open_notebook(view, server, "00-start.ipynb")
        view.locator(f"{NOTEBOOK} .jp-RenderedMarkdown a", has_text="the weekend").click()
        anchor = view.locator('.jp-MarkdownViewer [data-jupyter-id="bd-weekend"]')
        anchor.wait_for(state="attached")
        heading = view.locator(".jp-MarkdownViewer h3", has_text="weekend is Friday").first
        deadline = time.monotonic() + 30
        while True:  # the preview scrolls once it has rendered
            box = heading.bounding_box()
            if box and 0 <= box["y"] < 900:
                break
            if time.monotonic() > deadline:
                screenshot(view, "jupyterlab-sources-fragment")
                pytest.fail(f"the entry is not in view after following the link: {box}")
            view.wait_for_timeout(250)
