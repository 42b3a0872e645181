"""``smm-course site``: the course website for self-study readers.

The real site (the 13 lessons of both editions, each run on a fresh kernel, English at the
root and Bengali under ``bn/``) is built **once per test session** into a temporary folder
and shared by every test that reads it, here and in ``test_site_bn.py``, across
pytest-xdist workers too (the first worker builds, the others wait for it; see
``tests/site_checks.py``).  Tests on small, made-up lessons folders check the builder's
pieces: navigation, the contents page, refusing to overwrite, and naming the lesson and
cell that fails.

The browser tests open every page in Debian's Chromium (``tests/browser.py``): no console
error, nothing loaded from outside the site, every picture loads, the language switch works
from the keyboard, and axe-core finds no serious or critical accessibility problem (the
checks of ``tests/site_checks.py``, which the Bengali pages get too).  A screenshot of one
lesson page is kept in ``test-artifacts/``.
"""

from __future__ import annotations

import contextlib
import html
import io
import itertools
import json
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from smm_helpers import lab
from smm_helpers.cli import main
from smm_helpers.errors import InputError
from smm_helpers.site.build import MARKER, build_site, check_out_folder
from smm_helpers.site.execute import LessonFailed
from smm_helpers.site.pages import course_pages, read_objectives
from smm_helpers.site.render import (
    QUIZ_CALL,
    SELF_CHECK_CALL,
    images_without_alt_text,
    prepare_notebook,
)
from smm_helpers.widgets.base import WIDGET_MIME
from tests.conftest import state_and_parent, write_notebook
from tests.site_checks import (
    BuiltSite,
    broken_links,
    check_accessibility,
    check_page_in_browser,
    open_page,
    parse,
    shared_site,
)

LESSONS = lab.lesson_files()
PAGES = ["index.html", "sources.html", *(f"{path.stem}.html" for path in LESSONS)]
"""Every page of the real site: the contents page, the sources page, one page per lesson."""


# --------------------------------------------------------------------------------------
# Small lessons folders for the builder's pieces
# --------------------------------------------------------------------------------------


def write_lesson(
    folder: Path,
    name: str,
    *cells: str,
    minutes: int = 15,
    objectives: tuple[str, ...] = ("say what a test lesson is",),
) -> Path:
    """A lesson notebook: a title cell (with objectives and time), then code cells."""
    number = name[:2]
    items = "\n".join(f"- {item}" for item in objectives)
    intro = (
        f"# Lesson {number} · Test lesson {number}\n\nBy the end of this lesson you "
        f"can…\n\n{items}\n\nEstimated time: {minutes} minutes"
    )
    return write_notebook(folder / name, intro, *cells)


@pytest.fixture
def three_lessons(tmp_path: Path) -> Path:
    folder = tmp_path / "lessons"
    write_lesson(folder, "00-start.ipynb", "1 + 1", minutes=10)
    write_lesson(
        folder,
        "01-middle.ipynb",
        'check("03-platforms", "q1", ...)',
        objectives=("count to two;", "read a `table` with\n  two lines;"),
    )
    write_lesson(folder, "02-end.ipynb", "'done'", minutes=5)
    return folder


def quiet_build(out: Path, **options) -> object:
    return build_site(out, echo=None, **options)


# --------------------------------------------------------------------------------------
# The builder's pieces
# --------------------------------------------------------------------------------------


def test_pages_follow_the_course_order_with_previous_and_next_links() -> None:
    pages = course_pages()
    assert [page.id for page in pages] == [path.stem for path in LESSONS]
    assert [page.info.number for page in pages] == list(range(13))
    assert pages[0].previous is None and pages[-1].next is None
    for before, after in itertools.pairwise(pages):
        assert before.next is after and after.previous is before
        assert before.next.href == f"{after.id}.html"


def test_every_real_lesson_has_objectives_for_the_contents_page() -> None:
    for path in LESSONS:
        objectives = read_objectives(path)
        assert len(objectives) >= 3, f"{path.name}: objectives not found: {objectives}"
        assert all(item and not item.startswith("-") for item in objectives), objectives


def test_objectives_spanning_two_lines_are_one_objective(three_lessons: Path) -> None:
    assert read_objectives(three_lessons / "01-middle.ipynb") == (
        "count to two;",
        "read a `table` with two lines;",
    )


def test_two_lessons_with_the_same_number_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "lessons"
    write_lesson(folder, "01-one.ipynb", "1")
    write_lesson(folder, "01-two.ipynb", "2")
    with pytest.raises(InputError, match=r"same number: 01-one.ipynb, 01-two.ipynb"):
        course_pages(folder)


def test_contents_page_and_navigation_of_a_small_course(
    three_lessons: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    result = quiet_build(out, lessons_dir=three_lessons, execute=False)
    assert sorted(p.name for p in result.lesson_pages) == [
        "00-start.html",
        "01-middle.html",
        "02-end.html",
    ]
    contents = (out / "index.html").read_text(encoding="utf-8")
    entries = re.findall(r'<li class="smm-lesson-entry" id="lesson-([^"]+)">', contents)
    assert entries == ["00-start", "01-middle", "02-end"]
    assert 'href="01-middle.html">Lesson 01 · Test lesson 01</a>' in contents
    assert "Estimated time: 10 minutes" in contents and "Estimated time: 5 minutes" in contents
    assert "<li>read a <code>table</code> with two lines;</li>" in contents
    pager = {
        name: parse((out / name).read_text(encoding="utf-8")).rel
        for name in ("00-start.html", "01-middle.html", "02-end.html")
    }
    assert pager == {
        "00-start.html": {"next": "01-middle.html"},
        "01-middle.html": {"prev": "00-start.html", "next": "02-end.html"},
        "02-end.html": {"prev": "01-middle.html"},
    }
    assert "built without running it" in (out / "00-start.html").read_text(encoding="utf-8")
    assert (out / "notebooks" / "01-middle.ipynb").read_bytes() == (
        three_lessons / "01-middle.ipynb"
    ).read_bytes()


def test_binder_links_open_each_lesson_when_the_repository_is_given(
    three_lessons: Path, tmp_path: Path
) -> None:
    quiet_build(
        tmp_path / "site",
        lessons_dir=three_lessons,
        execute=False,
        binder="alo-lab/smm-lab",
        binder_ref="v1.0",
    )
    page = (tmp_path / "site" / "01-middle.html").read_text(encoding="utf-8")
    link = (
        "https://mybinder.org/v2/gh/alo-lab/smm-lab/v1.0?urlpath=lab/tree/lessons/01-middle.ipynb"
    )
    assert f'href="{link}"' in page
    without = tmp_path / "plain"
    quiet_build(without, lessons_dir=three_lessons, execute=False)
    assert "mybinder.org" not in (without / "01-middle.html").read_text(encoding="utf-8")


def test_a_folder_holding_other_files_is_refused_and_left_alone(
    three_lessons: Path, tmp_path: Path
) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "todo.txt").write_text("my own notes")
    with pytest.raises(InputError, match=r"holds files the site build did not make \(todo.txt\)"):
        quiet_build(out, lessons_dir=three_lessons, execute=False)
    assert [p.name for p in out.iterdir()] == ["todo.txt"]
    assert (out / "todo.txt").read_text() == "my own notes"


def test_a_file_in_place_of_the_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "site").write_text("not a folder")
    with pytest.raises(InputError, match="is a file, not a folder"):
        check_out_folder(tmp_path / "site", ["index.html"])


def test_a_rebuild_refreshes_its_own_files_and_keeps_the_readers(
    three_lessons: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    quiet_build(out, lessons_dir=three_lessons, execute=False)
    (out / "my-notes.txt").write_text("kept")
    (three_lessons / "02-end.ipynb").unlink()
    quiet_build(out, lessons_dir=three_lessons, execute=False)
    assert not (out / "02-end.html").exists() and not (out / "notebooks" / "02-end.ipynb").exists()
    assert (out / "my-notes.txt").read_text() == "kept"
    record = json.loads((out / MARKER).read_text())
    assert "02-end.html" not in record["files"] and "01-middle.html" in record["files"]


def test_a_file_the_build_did_not_make_is_never_overwritten_in_its_own_folder(
    three_lessons: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    quiet_build(out, lessons_dir=three_lessons, execute=False)
    write_lesson(three_lessons, "03-new.ipynb", "3")
    (out / "03-new.html").write_text("a page I wrote")
    with pytest.raises(InputError, match=r"did not make \(03-new.html\) where the new build"):
        quiet_build(out, lessons_dir=three_lessons, execute=False)
    assert (out / "03-new.html").read_text() == "a page I wrote"


def test_a_record_the_build_cannot_read_is_refused(three_lessons: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / MARKER).write_text(json.dumps({"made_by": "someone else", "files": ["index.html"]}))
    (out / "index.html").write_text("theirs")
    with pytest.raises(InputError, match="not a record the site build can read"):
        quiet_build(out, lessons_dir=three_lessons, execute=False)
    (out / MARKER).write_text(
        json.dumps({"made_by": "smm-course site", "files": ["../outside.txt"]})
    )
    with pytest.raises(InputError, match="lists files outside the folder"):
        quiet_build(out, lessons_dir=three_lessons, execute=False)
    assert (out / "index.html").read_text() == "theirs"


def test_a_live_widget_without_a_static_form_is_an_error_naming_the_cell() -> None:
    live = nbformat.v4.new_output(
        "display_data", data={WIDGET_MIME: {"model_id": "1"}, "text/plain": "VBox()"}
    )
    nb = new_notebook(
        cells=[new_markdown_cell("# Lesson 04 · X"), new_code_cell("box", outputs=[live])]
    )
    nb.cells[1].id = "the-box"
    with pytest.raises(
        LessonFailed,
        match=r"lesson 04-x failed in cell 2 \(id 'the-box'\)"
        r": it shows a live widget with no static form",
    ):
        prepare_notebook(nb, "04-x")


def test_a_widget_with_a_static_form_keeps_only_that() -> None:
    both = nbformat.v4.new_output(
        "display_data",
        data={WIDGET_MIME: {"model_id": "1"}, "text/html": "<p>static</p>", "text/plain": "x"},
    )
    nb = new_notebook(cells=[new_code_cell("chooser", outputs=[both])])
    ready, _ = prepare_notebook(nb, "03-x")
    assert sorted(ready.cells[0].outputs[0]["data"]) == ["text/html", "text/plain"]
    assert WIDGET_MIME in nb.cells[0].outputs[0]["data"], "the caller's notebook is unchanged"


def test_a_formula_mathtext_cannot_draw_stays_as_tex_and_is_reported() -> None:
    nb = new_notebook(cells=[new_markdown_cell(r"$$\unknowncommand{x}$$")])
    ready, notes = prepare_notebook(nb, "06-x")
    assert ready.cells[0].source == r"$$\unknowncommand{x}$$"
    assert len(notes) == 1 and notes[0].startswith("06-x, cell 1: the formula")


def test_the_command_line_builds_a_site_and_refuses_with_exit_code_2(
    three_lessons: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        assert (
            main(["site", "--out", str(out), "--lessons", str(three_lessons), "--no-execute"]) == 0
        )
    assert (out / "index.html").is_file()
    assert f"Open {out / 'index.html'} in a browser" in printed.getvalue()
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "x.txt").write_text("x")
    errors = io.StringIO()
    with contextlib.redirect_stderr(errors):
        assert (
            main(["site", "--out", str(mine), "--lessons", str(three_lessons), "--no-execute"]) == 2
        )
    assert errors.getvalue().startswith("smm-course site: ")
    assert "choose an empty or new folder with --out" in errors.getvalue()


@pytest.mark.slow
def test_a_failing_lesson_stops_the_build_naming_lesson_and_cell(tmp_path: Path) -> None:
    folder = tmp_path / "lessons"
    write_lesson(folder, "00-fine.ipynb", "1 + 1")
    broken = write_lesson(folder, "01-broken.ipynb", "rate = 0.5", "posts = {}['reach']")
    cell_id = nbformat.read(broken, as_version=4).cells[2].id
    out = tmp_path / "site"
    errors = io.StringIO()
    with contextlib.redirect_stderr(errors), contextlib.redirect_stdout(io.StringIO()):
        code = main(["site", "--out", str(out), "--lessons", str(folder), "--jobs", "2"])
    assert code == 2
    said = errors.getvalue()
    assert said.startswith(
        f"smm-course site: lesson 01-broken failed in cell 3 (id '{cell_id}'): KeyError: 'reach'."
    )
    assert "posts = {}['reach']" in said and "Traceback" not in said.splitlines()[0]
    assert "How to fix it: open the lesson in JupyterLab (smm-course lab)" in said
    assert not out.exists(), "a failed build writes nothing"


def _kernels_of_this_process() -> list[str]:
    """This process's child kernels still running or not yet reaped (zombies)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            state, parent = state_and_parent(entry.name)
            argv = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (OSError, ValueError):
            continue
        if parent == os.getpid() and ("ipykernel" in argv or state == "Z"):
            found.append(f"{entry.name} ({state}): {argv or 'a zombie'}")
    return found


@pytest.mark.slow
def test_when_a_lesson_fails_the_others_stop_and_leave_no_kernel_behind(tmp_path: Path) -> None:
    """A lesson still running is interrupted and shuts its kernel down itself; a lesson not
    yet started never runs.  (Cancelling them instead could leave a kernel running.)"""
    folder = tmp_path / "lessons"
    write_lesson(folder, "00-slow.ipynb", "import time", "time.sleep(600)")
    write_lesson(folder, "01-broken.ipynb", "posts = {}['reach']")
    for number in range(2, 5):
        write_lesson(folder, f"{number:02d}-later.ipynb", "1 + 1")
    said: list[str] = []
    started = time.monotonic()
    with pytest.raises(LessonFailed, match="lesson 01-broken failed in cell 2"):
        build_site(tmp_path / "site", lessons_dir=folder, jobs=2, timeout=900, echo=said.append)
    assert time.monotonic() - started < 300, "the sleeping lesson was not interrupted"
    assert not [line for line in said if "ran " in line and "later" in line]
    assert _kernels_of_this_process() == []


@pytest.mark.slow
def test_a_cell_that_runs_too_long_stops_the_build(tmp_path: Path) -> None:
    folder = tmp_path / "lessons"
    write_lesson(folder, "00-slow.ipynb", "import time", "time.sleep(60)")
    with pytest.raises(
        LessonFailed,
        match=r"lesson 00-slow failed in cell 3 .*still "
        r"running after 2 seconds",
    ) as failure:
        quiet_build(tmp_path / "site", lessons_dir=folder, timeout=2)
    assert failure.value.cell == 3 and "--timeout SECONDS" in str(failure.value)


# --------------------------------------------------------------------------------------
# The real site, built once per session
# --------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The real course site (both editions), built once and shared by every test (and xdist
    worker) of this module and of ``test_site_bn.py``."""
    return shared_site(tmp_path_factory)


@pytest.mark.slow
def test_the_site_builds_from_the_lessons_without_touching_them(site: BuiltSite) -> None:
    english = sorted(lesson for lesson in site.seconds if "/" not in lesson)  # not bn/...
    assert english == [path.stem for path in LESSONS], "every lesson ran"
    assert sorted(p.name for p in site.folder.glob("*.html")) == sorted(PAGES)
    assert site.lessons_after == site.lessons_before, "the build wrote into lessons/"
    other = [w for w in site.warnings if "a picture without alt text" not in w]  # both editions
    assert not other, "\n".join(other)  # pictures: test_charts_keep_their_alt_text


@pytest.mark.slow
def test_every_lesson_page_shows_its_results(site: BuiltSite) -> None:
    for path in LESSONS:
        page = site.page(f"{path.stem}.html")
        assert "jp-OutputArea-output" in page, f"{path.stem}: no outputs on the page"
        assert "built without running it" not in page
        assert "Traceback (most recent call last)" not in page, f"{path.stem} shows an error"


@pytest.mark.slow
def test_the_contents_page_lists_every_lesson_with_title_time_and_objectives(
    site: BuiltSite,
) -> None:
    contents = site.page("index.html")
    entries = re.findall(
        r'<li class="smm-lesson-entry" id="lesson-([^"]+)">(.*?)</li>\s*'
        r'(?=<li class="smm-lesson-entry"|</ol>)',
        contents,
        re.DOTALL,
    )
    assert [lesson for lesson, _ in entries] == [path.stem for path in LESSONS]
    for (lesson, entry), page in zip(entries, course_pages(), strict=True):
        assert f'<a href="{page.href}">{page.label}</a>' in html.unescape(entry), lesson
        assert f"Estimated time: {page.info.minutes} minutes" in entry, lesson
        assert entry.count("<li>") == len(page.objectives) >= 3, lesson


@pytest.mark.slow
def test_widgets_show_their_static_fallback(site: BuiltSite) -> None:
    for name in PAGES:
        page = site.page(name)
        assert WIDGET_MIME not in page, f"{name} still carries a live widget view"
        assert not re.search(r"\b(?:VBox|HBox|Tab|Output)\(", page), (
            f"{name} shows a widget's text form instead of its static HTML"
        )
    classes = parse(site.page("03-platforms.html")).classes
    assert "smm-quiz" in classes, "the quiz's static form is on the page"
    assert "smm-platform-chooser" in classes, "the chooser's static ranking is on the page"


@pytest.mark.slow
def test_every_self_check_says_how_to_run_the_lesson_to_use_it(site: BuiltSite) -> None:
    for path in LESSONS:
        notebook = nbformat.read(path, as_version=4)
        checks = sum(
            1
            for cell in notebook.cells
            if cell.cell_type == "code"
            and (SELF_CHECK_CALL.search(cell.source) or QUIZ_CALL.search(cell.source))
        )
        page = site.page(f"{path.stem}.html")
        notes = re.findall(
            r'<div class="smm-self-check-note" role="note">(.*?)</div>', page, re.DOTALL
        )
        assert len(notes) == checks >= 1, f"{path.stem}: {checks} checks, {len(notes)} notes"
        assert all("<code>smm-course lab</code>" in note and "Binder" in note for note in notes), (
            path.stem
        )


KNOWN_WITHOUT_ALT_TEXT: dict[str, int] = {
    # "<lesson stem>": number of pictures without real alt text — each entry is a bug to fix
    # in its lesson (set fig.alt_text), after which the entry must go: the test fails.
}
"""Pictures known to lack alt text, per lesson: each is a bug to fix in its lesson."""


def chart_functions_called(path: Path) -> list[str]:
    """The smm_helpers.plots functions a lesson imports and then calls."""
    cells = [
        cell.source for cell in nbformat.read(path, as_version=4).cells if cell.cell_type == "code"
    ]
    imported = re.findall(
        r"from smm_helpers\.plots import (?:\(([^)]*)\)|([^\n]+))", "\n".join(cells)
    )
    names = {
        name.strip()
        for groups in imported
        for group in groups
        for name in group.split(",")
        if name.strip()
    }
    return sorted(
        name for name in names if any(re.search(rf"(?<![\w.]){name}\(", cell) for cell in cells[1:])
    )


@pytest.mark.slow
def test_charts_keep_their_alt_text(site: BuiltSite) -> None:
    for path in LESSONS:
        page = site.page(f"{path.stem}.html")
        without = images_without_alt_text(page)
        assert len(without) == KNOWN_WITHOUT_ALT_TEXT.get(path.stem, 0), (path.stem, without)
        pictures = parse(page).images
        if chart_functions_called(path):
            assert pictures, f"{path.stem} draws {chart_functions_called(path)} but shows none"
        for picture in pictures:
            assert picture.get("src", "").startswith("data:image/"), (path.stem, picture)
    chart = [
        img
        for img in parse(site.page("03-platforms.html")).images
        if img["src"].startswith("data:image/png")
    ]
    assert len(chart) == 1 and chart[0]["alt"].startswith("Bar chart"), chart[0]["alt"][:80]


@pytest.mark.slow
def test_formulas_are_drawn_without_mathjax(site: BuiltSite) -> None:
    budget = site.page("06-budget.html")
    formulas = re.findall(r'<div class="smm-math"><img ([^>]*)>', budget)
    assert len(formulas) == 1 and 'src="data:image/svg+xml;base64,' in formulas[0]
    assert 'alt="Formula: r(s) = a (1 - e^{-s/(a c)} )"' in formulas[0]
    assert "$$" not in budget and "MathJax" not in budget
    assert "US$15 an hour" in budget, "dollar amounts stay plain text"


@pytest.mark.slow
def test_internal_links_and_anchors_resolve(site: BuiltSite) -> None:
    broken = broken_links(site.folder, PAGES)
    assert not broken, "\n".join(broken)


@pytest.mark.slow
def test_pages_load_nothing_from_outside_the_site(site: BuiltSite) -> None:
    for name in PAGES:
        links = parse(site.page(name))
        assert "script" not in links.tags, f"{name} has a script"
        loads = [
            (tag, value)
            for tag, attribute, value in links.links
            if not (tag == "a" and attribute == "href")
        ]
        outside = [item for item in loads if re.match(r"^(?:[a-z]+:)?//", item[1])]
        assert not outside, f"{name} loads from outside: {outside}"
        assert '<html lang="en">' in site.page(name)


# --------------------------------------------------------------------------------------
# In the browser
# --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from tests.browser import chromium_browser

    with chromium_browser() as chromium:
        yield chromium


@pytest.mark.slow
@pytest.mark.system
@pytest.mark.parametrize("name", PAGES)
def test_page_opens_in_chromium_with_no_errors_and_every_picture_loads(
    browser, site: BuiltSite, name: str
) -> None:
    check_page_in_browser(browser, site.folder, name)


@pytest.mark.slow
@pytest.mark.system
@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_serious_accessibility_violations(browser, site: BuiltSite, name: str) -> None:
    check_accessibility(browser, site.folder, name)


@pytest.mark.slow
@pytest.mark.system
def test_a_lesson_page_screenshot_is_kept_as_a_test_artefact(browser, site: BuiltSite) -> None:
    from tests.browser import screenshot

    opened = open_page(browser, site.folder, "03-platforms.html")
    page, errors = opened.page, opened.errors
    try:
        page.set_viewport_size({"width": 1200, "height": 900})
        page.keyboard.press("Tab")
        skip = page.evaluate("() => document.activeElement.textContent")
        assert skip == "Skip to the lesson", "the first Tab reaches the skip link"
        path = screenshot(page, "site-lesson-03-platforms")
        assert path.is_file() and path.stat().st_size > 50_000
        assert not errors, "\n".join(errors)
    finally:
        page.close()
