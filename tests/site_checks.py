"""What the website's tests share: the real site, built once, and the checks every page gets.

``tests/test_site.py`` (the English edition) and ``tests/test_site_bn.py`` (the Bengali
edition) read the same build of the real site: every lesson of both editions run on a
fresh kernel, as ``smm-course site --lang bn --binder OWNER/REPO`` makes it (English at the
root, Bengali under ``bn/``, each page switching to the same page of the other edition).
It is built **once per test session**, across pytest-xdist workers too: the first worker
builds, the others wait for it and read its record (:func:`shared_site`).  Each test module
wraps it in its own session fixture::

    @pytest.fixture(scope="session")
    def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
        return shared_site(tmp_path_factory)

Pages are read with :func:`parse`; :func:`broken_links` is the link check of both editions.

In the browser (Debian's Chromium, ``tests/browser.py``) every page of either edition gets
the same checks: :func:`check_page_in_browser` (no console error, nothing loaded from
outside the site, every picture loads, ``<html lang>`` says the edition's language, no
Bengali letter drawn as a missing-glyph box, and the language switch reached with the
keyboard and followed to the other edition) and :func:`check_accessibility` (axe-core: no
serious or critical violation, the rules and tags the English pages get).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from smm_helpers import lab
from smm_helpers.site.build import build_site
from smm_helpers.site.editions import EDITIONS
from tests.conftest import system_part_missing

__all__ = [
    "BINDER",
    "BUILD_WAIT",
    "SITE_LANGUAGE",
    "BuiltSite",
    "OpenedPage",
    "PageParts",
    "broken_links",
    "check_accessibility",
    "check_page_in_browser",
    "edition_of",
    "edition_pages",
    "missing_glyphs",
    "open_page",
    "parse",
    "shared_site",
]

SITE_LANGUAGE = "bn"
"""The edition the shared build asks for: Bengali in ``bn/``, with English at the root."""

BINDER = "alo-lab/smm-lab"
"""A fictional GitHub repository for the Binder links, as a published site has them."""

BUILD_WAIT = 1200
"""Seconds a worker waits for another worker's build of the real site."""


# --------------------------------------------------------------------------------------
# The real site, built once per session
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BuiltSite:
    """The shared build: its folder, the build's warnings and seconds per lesson (keys
    ``03-platforms`` and ``bn/03-platforms``), and ``lessons/`` listed before and after."""

    folder: Path
    warnings: list[str]
    seconds: dict[str, float]
    lessons_before: list[str]
    lessons_after: list[str]

    def page(self, name: str) -> str:
        """The text of a page, by its path in the site (``index.html``, ``bn/index.html``)."""
        return (self.folder / name).read_text(encoding="utf-8")


@contextlib.contextmanager
def one_worker_at_a_time(lock: Path, wait: float = BUILD_WAIT) -> Iterator[None]:
    """Hold ``lock`` (a file made exclusively) so that one xdist worker builds at a time."""
    deadline = time.monotonic() + wait
    while True:
        try:
            handle = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            break
        except FileExistsError:
            if time.monotonic() > deadline:
                pytest.fail(f"waited {wait:.0f} s for another worker's site build ({lock})")
            time.sleep(0.5)
    try:
        yield
    finally:
        os.close(handle)
        lock.unlink()


def listing(folder: Path) -> list[str]:
    """Every file and folder under ``folder`` (relative), caches left out."""
    return sorted(
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if "__pycache__" not in p.parts and ".ipynb_checkpoints" not in p.parts
    )


def shared_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The real course site with both editions, built once per session and shared.

    The build's record (``result.json``, or ``failed.txt``) sits beside the site in the
    session's temporary folder, so every fixture that calls this, in any module or xdist
    worker, reads the one build instead of making another.
    """
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    work = shared / "smm-site-build"
    done, failed = work / "result.json", work / "failed.txt"
    with one_worker_at_a_time(shared / "smm-site-build.lock"):
        if not done.exists() and not failed.exists():
            work.mkdir(exist_ok=True)
            before = listing(lab.LESSONS_DIR)
            try:
                result = build_site(
                    work / "site", jobs=2, echo=None, language=SITE_LANGUAGE, binder=BINDER
                )
            except Exception as error:
                failed.write_text(f"{type(error).__name__}: {error}", encoding="utf-8")
                raise
            done.write_text(
                json.dumps(
                    {
                        "warnings": result.warnings,
                        "seconds": result.seconds,
                        "before": before,
                        "after": listing(lab.LESSONS_DIR),
                    }
                ),
                encoding="utf-8",
            )
    if failed.exists():
        pytest.fail(f"the site build failed: {failed.read_text(encoding='utf-8')}")
    record = json.loads(done.read_text(encoding="utf-8"))
    return BuiltSite(
        work / "site", record["warnings"], record["seconds"], record["before"], record["after"]
    )


def edition_of(name: str) -> str:
    """The language of a page, by its path in the site.

    >>> edition_of("bn/03-platforms.html"), edition_of("index.html")
    ('bn', 'en')
    """
    for language, edition in EDITIONS.items():
        if edition.folder and name.startswith(edition.folder):
            return language
    return "en"


def edition_pages(language: str, lessons: Iterable[Path], *, sources: bool = True) -> list[str]:
    """Every page of an edition, by path in the site: contents, sources, the edition's own
    pages (the Bengali glossary), then one page per lesson.

    >>> edition_pages("bn", [Path("lessons/bn/00-orientation.ipynb")])
    ['bn/index.html', 'bn/sources.html', 'bn/glossary.html', 'bn/00-orientation.html']
    """
    edition = EDITIONS[language]
    own = [str(Path(name).with_suffix(".html")) for name in edition.own_pages]
    names = [
        "index.html",
        *(["sources.html"] if sources else []),
        *own,
        *(f"{path.stem}.html" for path in lessons),
    ]
    return [edition.folder + name for name in names]


# --------------------------------------------------------------------------------------
# Reading pages
# --------------------------------------------------------------------------------------


class PageParts(HTMLParser):
    """What the tests read from a page: ids, links, tags, classes, pictures, rel links."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, str]] = []  # tag, attribute, value
        self.tags: list[str] = []
        self.classes: set[str] = set()
        self.images: list[dict[str, str]] = []
        self.rel: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        found = {name: value or "" for name, value in attrs}
        self.classes.update(found.get("class", "").split())
        if tag == "img":
            self.images.append(found)
        if tag == "a" and found.get("rel") in {"prev", "next"}:
            self.rel[found["rel"]] = found.get("href", "")
        for name, value in attrs:
            if name in {"id", "name"} and value:
                self.ids.add(value)
            if name in {"href", "src"} and value is not None:
                self.links.append((tag, name, value))


def parse(page: str) -> PageParts:
    """The parts of a page's HTML the tests look at.

    >>> parts = parse('<a id="top" href="b.html#x">b</a><img src="c.png" alt="C">')
    >>> parts.ids, parts.links[0], parts.images
    ({'top'}, ('a', 'href', 'b.html#x'), [{'src': 'c.png', 'alt': 'C'}])
    """
    parser = PageParts()
    parser.feed(page)
    return parser


OUTSIDE_SCHEMES = frozenset({"http", "https", "mailto", "data"})
"""Links the link check leaves alone: to the web (Binder, sources), mail, inline data."""


def broken_links(folder: Path, names: Iterable[str]) -> list[str]:
    """Every relative ``href`` or ``src`` of the pages ``names`` (paths in the site folder
    ``folder``) that leads to no file, or to no element with its ``#fragment``.

    Each link is resolved from its own page's folder, so ``../index.html`` from
    ``bn/03-platforms.html`` is the English contents page.  One line per broken link.

    >>> import tempfile
    >>> site = Path(tempfile.mkdtemp())
    >>> _ = (site / "bn").mkdir(), (site / "index.html").write_text('<h2 id="a">A</h2>')
    >>> _ = (site / "bn" / "x.html").write_text(
    ...     '<a href="../index.html#a">ok</a> <a href="../index.html#b">no id</a> '
    ...     '<img src="gone.png"> <a href="#top" id="top">top</a> <a href="https://x.org">web</a>')
    >>> for line in broken_links(site, ["bn/x.html"]): print(line)
    bn/x.html: <a> ../index.html#b: no id b in index.html
    bn/x.html: <img> gone.png: no file bn/gone.png
    """
    root = folder.resolve()
    parsed: dict[str, PageParts] = {}

    def parts(key: str) -> PageParts:
        if key not in parsed:
            parsed[key] = parse((root / key).read_text(encoding="utf-8"))
        return parsed[key]

    broken = []
    for name in names:
        for tag, _attribute, value in parts(name).links:
            address = urlsplit(value)
            if address.scheme in OUTSIDE_SCHEMES:
                continue
            target = (
                ((root / name).parent / unquote(address.path)).resolve()
                if address.path
                else root / name
            )
            key = target.relative_to(root).as_posix() if root in target.parents else str(target)
            if not target.is_file():
                broken.append(f"{name}: <{tag}> {value}: no file {key}")
            elif address.fragment:
                ids = parts(key).ids if target.suffix == ".html" else set()
                if address.fragment not in ids and unquote(address.fragment) not in ids:
                    broken.append(f"{name}: <{tag}> {value}: no id {address.fragment} in {key}")
    return broken


# --------------------------------------------------------------------------------------
# In the browser
# --------------------------------------------------------------------------------------


@dataclass
class OpenedPage:
    """A page of the site open in Chromium, with what it did while loading: console
    errors, requests to anything but the site's own files, and requests that failed."""

    page: Any
    errors: list[str]
    outside: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def open_page(browser: Any, folder: Path, name: str) -> OpenedPage:
    """Open ``folder/name`` in a new tab of ``browser``; anything not a file is refused."""
    from tests.browser import page_errors

    page = browser.new_page()
    opened = OpenedPage(page, page_errors(page))
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith(("file://", "data:", "about:"))
            else opened.outside.append(request.url)
        ),
    )
    page.on(
        "requestfailed",
        lambda request: opened.failed.append(f"{request.url[:80]}: {request.failure}"),
    )
    page.route(re.compile(r"^(?!file://|data:).*"), lambda route: route.abort())
    page.goto((folder / name).as_uri(), wait_until="load")
    return opened


_MISSING_GLYPHS = """
(fontFamily) => {
    // Every Bengali letter of the page, by the font its text is set in; or, given a
    // font-family, a few letters in it.  A letter drawn exactly like U+0984 (a code point
    // Unicode leaves empty, so no font has it) is a missing-glyph box: tofu.
    const bengali = /[\\u0980-\\u09FF]/g;
    const byFont = new Map();
    const add = (font, letters) => {
        if (!byFont.has(font)) byFont.set(font, new Set());
        letters.forEach(letter => byFont.get(font).add(letter));
    };
    if (fontFamily !== null) {
        add(`normal 400 40px ${fontFamily}`, [..."অকখগৎড়য়ািুৃেোং্"]);
    } else {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const letters = node.data.match(bengali);
            if (!letters || !node.parentElement) continue;
            const style = getComputedStyle(node.parentElement);
            add(`${style.fontStyle} ${style.fontWeight} 40px ${style.fontFamily}`, letters);
        }
    }
    const canvas = document.createElement("canvas");
    canvas.width = 96;
    canvas.height = 72;
    const context = canvas.getContext("2d", {willReadFrequently: true});
    const draw = (font, text) => {
        context.clearRect(0, 0, canvas.width, canvas.height);
        context.font = font;
        context.fillText(text, 16, 50);
        return context.getImageData(0, 0, canvas.width, canvas.height).data;
    };
    const same = (a, b) => a.length === b.length && a.every((value, i) => value === b[i]);
    const found = [];
    for (const [font, letters] of byFont) {
        const box = draw(font, "\\u0984");
        const tofu = [...letters].filter(letter => same(draw(font, letter), box));
        if (tofu.length) found.push(`${font}: ${tofu.join(" ")}`);
    }
    return found;
}
"""


def missing_glyphs(page: Any, font_family: str | None = None) -> list[str]:
    """The Bengali letters the page draws as missing-glyph boxes ("tofu"), one line per
    font (``style weight size family: letters``); empty when every letter has its glyph.

    With ``font_family`` (a CSS font-family), check a sample of letters in that family
    instead of the page's text: ``missing_glyphs(page, "sans-serif")`` tells whether the
    machine has a Bengali font at all.  The browser's own drawing is compared with that of
    U+0984, a code point no font has, so any font fallback the browser does counts.
    """
    found: list[str] = page.evaluate(_MISSING_GLYPHS, font_family)
    return found


def _check_no_tofu(page: Any, name: str) -> None:
    tofu = missing_glyphs(page)
    if tofu and missing_glyphs(page, "sans-serif"):
        system_part_missing(
            "the website's Bengali text needs a Bengali font, and Chromium finds none on "
            "this machine: install one (Debian: `apt-get install fonts-noto-core`)"
        )
    assert not tofu, (
        f"{name}: Bengali letters drawn as missing-glyph boxes, though the machine has a "
        "Bengali font:\n" + "\n".join(tofu) + "\nHow to fix it: set these elements in a font "
        'stack that draws Bengali, e.g. with "Noto Sans Bengali" before the generic family '
        "(smm_helpers/site/templates/site.css)"
    )


_FOCUS = """
() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
        switch: element.matches(".smm-language-switch a[hreflang]"),
        text: element.textContent.trim().slice(0, 40),
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
        inView: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
            && box.top < window.innerHeight && box.left < window.innerWidth,
        href: element.getAttribute("href"),
        hreflang: element.getAttribute("hreflang"),
    };
}
"""

MAX_TABS = 12
"""Tab presses allowed from the top of a page to its language switch (in the header)."""


def _check_language_switch(opened: OpenedPage, folder: Path, name: str) -> None:
    """The switch is reached with Tab from the top, shows its focus, and Enter goes to the
    same page of the other edition (its file: that page gets its own checks)."""
    page = opened.page
    if page.locator(".smm-language-switch a[hreflang]").count() == 0:
        return  # a one-edition site has no switch
    path: list[str] = []
    focus = None
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focus = page.evaluate(_FOCUS)
        path.append(focus["text"] if focus else "(nothing)")
        if focus and focus["switch"]:
            break
    assert focus and focus["switch"], (
        f"{name}: {MAX_TABS} presses of Tab do not reach the language switch; focus went to {path}"
    )
    assert focus["outline"] and focus["inView"], f"{name}: the focused switch is not shown: {focus}"
    other = {language for language in EDITIONS if language != edition_of(name)}
    assert focus["hreflang"] in other, f"{name}: the switch goes to {focus['hreflang']!r}"
    expected = ((folder / name).parent / focus["href"]).resolve()
    assert edition_of(expected.relative_to(folder.resolve()).as_posix()) == focus["hreflang"]
    with page.expect_navigation(wait_until="commit"):
        page.keyboard.press("Enter")
    arrived = Path(unquote(urlsplit(page.url).path)).resolve()
    assert arrived == expected, f"{name}: the switch led to {arrived}, not {expected}"


def check_page_in_browser(browser: Any, folder: Path, name: str, *, axe: bool = False) -> None:
    """The checks every page of the site gets in Chromium, whichever its edition.

    No console error or uncaught exception; no request outside the site and none that
    fails; every picture loads; one ``main#content`` and a heading; ``<html lang>`` is the
    edition's language; no Bengali letter drawn as tofu; and the language switch, if the
    page has one, reached with Tab, visibly focused and followed with Enter to the same
    page of the other edition.  ``axe=True`` adds :func:`check_accessibility`'s check on
    the same visit (one page load instead of two).
    """
    opened = open_page(browser, folder, name)
    page = opened.page
    try:
        assert not opened.errors, "\n".join(opened.errors)
        assert not opened.outside, f"requests outside the site: {opened.outside}"
        assert not opened.failed, f"requests that failed: {opened.failed}"
        pictures = page.evaluate(
            "() => Array.from(document.images).map(img => ({alt: img.alt.slice(0, 60),"
            " loaded: img.complete && img.naturalWidth > 0}))"
        )
        assert all(picture["loaded"] for picture in pictures), pictures
        assert page.locator("main#content").count() == 1
        assert page.locator("h1").count() >= 1
        assert page.evaluate("() => document.documentElement.lang") == edition_of(name)
        if axe:
            _check_axe(page, name)
        _check_no_tofu(page, name)
        _check_language_switch(opened, folder, name)
    finally:
        page.close()


def _check_axe(page: Any, name: str) -> None:
    from tests.browser import axe_violations, format_violations

    found = axe_violations(page)
    assert not found, f"{name}: {format_violations(found)}"


def check_accessibility(browser: Any, folder: Path, name: str) -> None:
    """axe-core finds no serious or critical violation anywhere on the page."""
    opened = open_page(browser, folder, name)
    try:
        _check_axe(opened.page, name)
    finally:
        opened.page.close()
