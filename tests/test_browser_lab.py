"""JupyterLab in a real browser: a learner runs a lesson, an instructor opens nbgrader's panels.

JupyterLab is started exactly as ``smm-course lab`` starts it (:func:`smm_helpers.lab.lab_launch`
builds the command, the folder it runs in and its environment), with only what a test needs
added: a free port on 127.0.0.1, a random token, ``--allow-root`` when the tests run as root
(CI), no news or update checks (the machine may have no network), and a temporary HOME and
Jupyter config, data, runtime and settings folders, so nothing reads or writes your own
settings.  The lessons, and for the instructor the course and its assignments, are temporary
copies: autosave, ``gradebook.db`` and released files never land in the repository.

Debian's Chromium (``/usr/bin/chromium``) is driven by Playwright through ``tests/browser.py``.
One JupyterLab server and one browser per test class (``TestLearner``, ``TestInstructor``),
each stopped before the next class starts: the learner's lesson runs once and its tests
share the page.

Screenshots are saved as test artefacts in ``test-artifacts/`` at the repository root
(git-ignored): ``jupyterlab-lesson-07-ran.png``, ``jupyterlab-post-composer-typed.png``,
``jupyterlab-self-check.png``, ``jupyterlab-widgets.png``, ``jupyterlab-formgrader.png`` and
``jupyterlab-assignments-panel.png``.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.browser import (
    axe_violations,
    chromium_browser,
    format_violations,
    page_errors,
    screenshot,
)
from tests.conftest import REPO

pytestmark = [pytest.mark.system, pytest.mark.slow]

LESSON = "07-content.ipynb"
"""The lesson the learner runs: it has the post composer and self-checks."""

SERVER_START_S = 180
NOTEBOOK_OPEN_MS = 120_000
RUN_ALL_MS = 300_000
UI_MS = 60_000
"""Upper bounds for a loaded 2-core CI machine; every wait ends as soon as its condition holds."""

NOTEBOOK = ".jp-NotebookPanel:not(.lm-mod-hidden)"
"""The notebook on show (each test page opens its own workspace, holding one notebook)."""

OUR_CONTENT = f"{NOTEBOOK} .jp-RenderedMarkdown, {NOTEBOOK} .jp-OutputArea-output"
"""What axe checks: the lesson's rendered markdown and the cell outputs, our widgets included.

JupyterLab's own chrome (cell editors, toolbars, the windowed cell list) has violations we
cannot fix, such as CodeMirror editors without a name, so it is left out.
"""

SLIDER_HANDLES = ".noUi-handle"
"""ipywidgets' slider handles, left out of the axe run: ipywidgets 8 builds them with
noUiSlider and gives them no accessible name (it does not pass noUiSlider's
``handleAttributes``), which no Python code can change.  Every slider of ours has a visible
description instead, which ``test_lesson_and_widgets_pass_axe_in_jupyterlab`` checks."""

GALLERY = "widgets-gallery.ipynb"
GALLERY_CELLS = (
    "from smm_helpers.platforms import OrgProfile\n"
    "from smm_helpers.widgets.budget_sliders import budget_sliders\n"
    "from smm_helpers.widgets.calendar_preview import calendar_preview\n"
    "from smm_helpers.widgets.platform_chooser import platform_chooser\n"
    "from smm_helpers.widgets.post_composer import post_composer\n"
    "from smm_helpers.widgets.quiz import quiz",
    "post_composer('Alo Reading Circle #বই', ['x', 'instagram'])",
    "budget_sliders(20_000, ['facebook', 'instagram', 'youtube', 'tiktok'])",
    "platform_chooser(OrgProfile(kind='nonprofit', goals=['donations', 'recruitment'], "
    "ages=(18, 45), location='dhaka', formats=['image', 'short_video'], monthly_budget=5000, "
    "hours_per_week=8))",
    "calendar_preview(start='2026-11-30', weeks=2, platforms=['facebook', 'instagram'])",
    "quiz('11-ethics', 'q1', ['properly disclosed', 'not properly disclosed'])",
)
"""A notebook the learner fixture writes into its copy of the lessons (never into lessons/):
every widget of ``smm_helpers.widgets`` once, called as the lessons call them, for axe."""

# Collected in the page: per cell, its kind, prompt, source and any error/stderr output.
CELLS_JS = """
(notebook) => [...document.querySelectorAll(notebook + ' .jp-Cell')].map((cell, index) => ({
    index,
    code: cell.classList.contains('jp-CodeCell'),
    prompt: (cell.querySelector('.jp-InputPrompt') || {}).textContent || '',
    source: (cell.querySelector('.cm-content') || {}).innerText || '',
    errors: [...cell.querySelectorAll(
        '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
        .map(output => output.innerText),
}))
"""

RUN_STARTED_JS = """
(notebook) => [...document.querySelectorAll(notebook + ' .jp-CodeCell .jp-InputPrompt')]
    .some(prompt => /\\[(\\*|\\d+)\\]/.test(prompt.textContent))
"""

RUN_FINISHED_JS = """
(notebook) => {
    const panel = document.querySelector(notebook);
    if (!panel) return false;
    const indicator = panel.querySelector('.jp-Notebook-ExecutionIndicator');
    if (indicator && indicator.getAttribute('data-status') !== 'idle') return false;
    const prompts = [...panel.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
        .map(prompt => prompt.textContent);
    if (prompts.some(text => text.includes('*'))) return false;
    const stopped = panel.querySelector(
        '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]');
    return prompts.every(text => /\\[\\d+\\]/.test(text)) || stopped !== null;
}
"""


# --------------------------------------------------------------------------------------
# A JupyterLab server, started the way smm-course lab starts it
# --------------------------------------------------------------------------------------


@dataclass
class Lab:
    """A running JupyterLab: its address, token and log file."""

    url: str
    token: str
    log: Path

    def address(self, path: str) -> str:
        """The URL of ``path`` on this server, with the token."""
        return f"{self.url}/{path.lstrip('/')}?token={self.token}"

    def log_tail(self, characters: int = 4000) -> str:
        """The end of the server's log, for failure messages."""
        text = self.log.read_text(encoding="utf-8", errors="replace")
        return text[-characters:]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _isolated_env(home: Path) -> dict[str, str]:
    """This environment with HOME and every Jupyter folder inside ``home``.

    ``SMM_STATIC_WIDGETS`` is dropped so the lessons build live widgets, and
    ``JUPYTER_CONFIG_PATH`` so only the course's config (instructor mode) is added to it.
    JupyterLab's news prompt is answered "no" in the temporary user settings: a toast that
    pops up over the menus would take clicks meant for them.
    """
    dropped = {
        "SMM_STATIC_WIDGETS",
        "JUPYTER_CONFIG_PATH",
        "JUPYTERLAB_SETTINGS_DIR",
        "JUPYTERLAB_WORKSPACES_DIR",
    }
    env = {name: value for name, value in os.environ.items() if name not in dropped}
    folders = {
        "HOME": home,
        "JUPYTER_CONFIG_DIR": home / ".jupyter",
        "JUPYTER_DATA_DIR": home / ".local" / "share" / "jupyter",
        "JUPYTER_RUNTIME_DIR": home / ".local" / "share" / "jupyter" / "runtime",
        "IPYTHONDIR": home / ".ipython",
        "XDG_CONFIG_HOME": home / ".config",
        "XDG_CACHE_HOME": home / ".cache",
        "XDG_DATA_HOME": home / ".local" / "share",
        "MPLCONFIGDIR": home / ".config" / "matplotlib",
    }
    for name, folder in folders.items():
        folder.mkdir(parents=True, exist_ok=True)
        env[name] = str(folder)
    settings = (
        home
        / ".jupyter"
        / "lab"
        / "user-settings"
        / "@jupyterlab"
        / "apputils-extension"
        / "notification.jupyterlab-settings"
    )
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    return env


def _test_flags(token: str) -> list[str]:
    """What a test adds to smm-course lab's command: address, token, no network calls."""
    flags = [
        "--ServerApp.ip=127.0.0.1",
        f"--IdentityProvider.token={token}",
        "--ServerApp.port_retries=0",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags.append("--allow-root")  # CI runs the tests as root; Jupyter refuses without it
    return flags


@contextmanager
def _jupyterlab(launch: Any, home: Path) -> Iterator[Lab]:
    """Start JupyterLab from a :class:`smm_helpers.lab.LabLaunch`; stop it (and its kernels)."""
    port = int(next(a for a in launch.command if a.startswith("--port=")).split("=", 1)[1])
    token = secrets.token_hex(24)
    env = launch.environment(_isolated_env(home))
    log = home / "jupyterlab.log"
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [*launch.command, *_test_flags(token)],
            cwd=launch.cwd,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    lab = Lab(url=f"http://127.0.0.1:{port}", token=token, log=log)
    try:
        _wait_until_serving(process, lab)
        yield lab
    finally:
        _stop(process)


def _wait_until_serving(process: subprocess.Popen[bytes], lab: Lab) -> None:
    deadline = time.monotonic() + SERVER_START_S
    while True:
        if process.poll() is not None:
            raise AssertionError(
                f"JupyterLab stopped while starting (exit code {process.returncode}); its log "
                f"({lab.log}) ends:\n{lab.log_tail()}"
            )
        try:
            with urllib.request.urlopen(lab.address("api/status"), timeout=5) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if time.monotonic() > deadline:
            raise AssertionError(
                f"JupyterLab did not answer on {lab.url} within {SERVER_START_S} s; its log "
                f"({lab.log}) ends:\n{lab.log_tail()}"
            )
        time.sleep(0.25)


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Ctrl+C's gentle cousin (SIGTERM): JupyterLab shuts its kernels down, then exits."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # the server's own session, nothing else
            process.wait(timeout=10)


# --------------------------------------------------------------------------------------
# Driving JupyterLab
# --------------------------------------------------------------------------------------


def _open_notebook(page: Any, lab: Lab, path: str) -> None:
    """Open ``path`` in a workspace of its own and wait until its Python kernel is idle."""
    workspace = "smm-" + re.sub(r"[^a-z0-9]+", "-", path.lower()) + "-" + secrets.token_hex(3)
    page.goto(lab.address(f"lab/workspaces/{workspace}/tree/{path}"))
    page.locator(f"{NOTEBOOK} .jp-Cell").first.wait_for(timeout=NOTEBOOK_OPEN_MS)
    idle = page.locator(f"{NOTEBOOK} .jp-Notebook-ExecutionIndicator[data-status='idle']")
    kernel = page.locator(f"{NOTEBOOK} .jp-KernelName")
    deadline = time.monotonic() + NOTEBOOK_OPEN_MS / 1000
    while not (idle.count() and kernel.count() and "Python 3" in kernel.inner_text()):
        _check_dialogs(page, f"opening {path}")
        if time.monotonic() > deadline:
            screenshot(page, "jupyterlab-kernel-not-ready")
            shown = kernel.inner_text() if kernel.count() else "no kernel name"
            raise AssertionError(
                f"{path} opened, but no idle Python 3 kernel within "
                f"{NOTEBOOK_OPEN_MS // 1000} s (the toolbar shows {shown!r}; see "
                "test-artifacts/jupyterlab-kernel-not-ready.png)"
            )
        page.wait_for_timeout(250)


def _check_dialogs(page: Any, doing: str) -> None:
    """Answer JupyterLab's dialogs as a learner would, or fail naming the dialog.

    - "Select Kernel": JupyterLab asks when it could not settle the notebook's kernel in
      time (a busy machine); the notebook's own kernel, Python 3, is chosen.
    - "Server Connection Error": the server was too busy to answer for a moment; it is
      dismissed, and the waits that follow show whether work went on.

    Any other dialog (a dead kernel, a file changed on disk) is a failure, named.
    """
    for dialog in page.locator(".jp-Dialog").all():
        text = dialog.inner_text()
        if "Select Kernel" in text:
            dialog.locator("select").select_option(label="Python 3 (ipykernel)")
            dialog.get_by_role("button", name="Select", exact=True).click()
        elif "Server Connection Error" in text:
            dialog.get_by_role("button", name="Dismiss").click()
        else:
            screenshot(page, "jupyterlab-unexpected-dialog")
            raise AssertionError(
                f"JupyterLab showed a dialog while {doing}:\n{text}\n(see "
                "test-artifacts/jupyterlab-unexpected-dialog.png)"
            )


def _run_all_cells(page: Any) -> None:
    """Run > Run All Cells, as a learner would, and wait until the kernel is done.

    The run is done when no cell is waiting (``[*]``) and either every code cell has a
    number or a cell stopped the run with an error.  If the menu click does not start the
    run (a menu can close under a click while JupyterLab is still settling), it is clicked
    once more.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for _attempt in range(2):
        _check_dialogs(page, "running all cells")
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        try:
            page.wait_for_function(RUN_STARTED_JS, arg=NOTEBOOK, timeout=20_000, polling=250)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    else:
        screenshot(page, "jupyterlab-run-all-did-not-start")
        raise AssertionError(
            "Run > Run All Cells started no cell, twice; see "
            "test-artifacts/jupyterlab-run-all-did-not-start.png"
        )
    try:
        page.wait_for_function(RUN_FINISHED_JS, arg=NOTEBOOK, timeout=RUN_ALL_MS, polling=250)
    except PlaywrightTimeout:
        _check_dialogs(page, "waiting for the cells to run")
        screenshot(page, "jupyterlab-run-all-did-not-finish")
        raise AssertionError(
            f"the cells did not finish within {RUN_ALL_MS // 1000} s; cells still waiting or "
            "not run:\n" + "\n\n".join(_problems(_cells(page)))
        ) from None


def _cells(page: Any) -> list[dict[str, Any]]:
    cells: list[dict[str, Any]] = page.evaluate(CELLS_JS, NOTEBOOK)
    return cells


def _problems(cells: list[dict[str, Any]]) -> list[str]:
    """Each code cell that did not run or showed an error or stderr output, with its source."""
    found = []
    for cell in cells:
        if not cell["code"]:
            continue
        where = f"cell {cell['index']} ({cell['prompt'] or 'no prompt'}):\n{cell['source']}"
        if not re.fullmatch(r"\[\d+\]:", cell["prompt"].strip()):
            found.append(f"did not run: {where}")
        for text in cell["errors"]:
            found.append(f"error output in {where}\n---\n{text[-1500:]}")
    return found


def _replace_and_run(page: Any, cell: Any, code: str) -> None:
    """Type ``code`` over a cell's source (select all, type) and run it with Shift+Enter."""
    from playwright.sync_api import expect

    prompt = cell.locator(".jp-InputPrompt")
    before = prompt.inner_text()
    _check_dialogs(page, "editing a cell")
    cell.locator(".cm-content").click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(code)
    expect(cell.locator(".cm-content")).to_contain_text(code.splitlines()[0])
    page.keyboard.press("Shift+Enter")
    expect(prompt).not_to_have_text(before, timeout=UI_MS)
    expect(prompt).to_have_text(re.compile(r"\[\d+\]:"), timeout=UI_MS)


def _code_cells_in(path: Path) -> int:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return sum(1 for cell in notebook["cells"] if cell["cell_type"] == "code")


# --------------------------------------------------------------------------------------
# The learner
# --------------------------------------------------------------------------------------


@dataclass
class Learner:
    """The learner's session: lesson 07 opened and run once in JupyterLab."""

    lab: Lab
    browser: Any
    page: Any
    errors: list[str]
    lessons: Path
    cells_after_run: list[dict[str, Any]]
    errors_after_run: list[str]


def _write_gallery(path: Path) -> None:
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    notebook = new_notebook(cells=[new_code_cell(source) for source in GALLERY_CELLS])
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(notebook, path)


@pytest.fixture(scope="class")
def learner(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Learner]:
    """JupyterLab on a copy of the lessons, as ``smm-course lab`` opens it; lesson 07 run."""
    from smm_helpers import lab
    from smm_helpers.lab import LESSONS_DIR

    root = tmp_path_factory.mktemp("learner")
    lessons = root / "lessons"
    shutil.copytree(
        LESSONS_DIR, lessons, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
    )
    _write_gallery(lessons / GALLERY)
    launch = lab.lab_launch(lessons, port=_free_port(), no_browser=True)
    with chromium_browser() as browser, _jupyterlab(launch, root / "home") as server:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(UI_MS)
        errors = page_errors(page)
        _open_notebook(page, server, LESSON)
        _run_all_cells(page)
        screenshot(page, "jupyterlab-lesson-07-ran")
        yield Learner(server, browser, page, errors, lessons, _cells(page), list(errors))


def _expect_counters(composer: Any, text: str, platforms: list[str]) -> None:
    """The composer shows, for ``text``, exactly the counts of smm_helpers' own counter."""
    from playwright.sync_api import expect

    from smm_helpers.widgets.post_composer import counters

    for counter in counters(text, platforms):
        shown = composer.locator(f".smm-counter-{counter.platform}[data-length]")
        expect(shown).to_have_attribute("data-length", str(counter.length), timeout=UI_MS)
        expect(shown).to_have_attribute("data-ok", str(counter.ok).lower())
        expect(shown).to_contain_text(f"{counter.length:,}/{counter.limit:,}")


class TestLearner:
    """A learner in ``smm-course lab``: one server and one run of lesson 07 for the class."""

    def test_a_learner_runs_a_lesson_in_jupyterlab_without_errors(self, learner: Learner) -> None:
        """Run > Run All Cells runs every code cell of lesson 07, in order, with no error output.

        Screenshot: ``test-artifacts/jupyterlab-lesson-07-ran.png``.
        """
        cells = learner.cells_after_run
        code = [cell for cell in cells if cell["code"]]
        assert len(code) == _code_cells_in(learner.lessons / LESSON), (
            f"JupyterLab shows {len(code)} code cells of {LESSON}, the notebook has "
            f"{_code_cells_in(learner.lessons / LESSON)}"
        )
        problems = _problems(cells)
        assert not problems, f"{LESSON} in JupyterLab:\n\n" + "\n\n".join(problems)
        numbers = [int(cell["prompt"].strip()[1:-2]) for cell in code]
        assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers), (
            f"the cells ran out of order: {numbers}"
        )
        assert not learner.errors_after_run, "the browser console reported:\n" + "\n".join(
            learner.errors_after_run
        )

    def test_the_post_composer_counts_as_the_learner_types(self, learner: Learner) -> None:
        """Lesson 07's post composer renders live, and its counters follow every keystroke.

        The expected numbers come from ``counters`` (``check_post``) in this process, for the
        same text: the composer in the browser must agree with them after each step, and one
        step pushes the post past X's limit so the X counter turns to "over".
        Screenshot: ``test-artifacts/jupyterlab-post-composer-typed.png``.
        """
        from smm_helpers.schema import PLATFORMS
        from smm_helpers.widgets.post_composer import counters

        page = learner.page
        composer = page.locator(f"{NOTEBOOK} .smm-post-composer").first
        composer.scroll_into_view_if_needed()
        platforms = composer.locator("[data-platform]").evaluate_all(
            "found => found.map(element => element.dataset.platform)"
        )
        assert platforms == list(PLATFORMS), f"the composer shows counters for {platforms}"
        box = composer.locator("textarea")
        start = box.input_value()
        assert start, "the lesson's composer starts empty; it should start on the Boishakh post"
        _expect_counters(composer, start, platforms)

        box.fill("")
        _expect_counters(composer, "", platforms)
        typed = "আলো পাঠচক্র"
        box.press_sequentially(typed, delay=30)
        _expect_counters(composer, typed, platforms)
        more = " #বই https://example.org/alo"
        box.press_sequentially(more, delay=30)
        typed += more
        _expect_counters(composer, typed, platforms)

        long_text = typed + " " + "বই পড়ুন, গল্প শুনুন! " * 14
        assert not counters(long_text, ["x"])[0].ok, "the long post should be over X's limit"
        page.keyboard.insert_text(long_text[len(typed) :])
        _expect_counters(composer, long_text, platforms)
        screenshot(page, "jupyterlab-post-composer-typed")
        assert not learner.errors, "the browser console reported:\n" + "\n".join(learner.errors)

    def test_a_self_check_gives_its_verdict_in_jupyterlab(self, learner: Learner) -> None:
        """Exercise 1 of lesson 07 says "not answered yet", then judges a wrong and a right answer.

        The learner's answers are typed into the exercise cell and run with Shift+Enter; the
        verdicts expected are the ones ``check`` gives in this process for the same answers.
        Screenshot: ``test-artifacts/jupyterlab-self-check.png``.
        """
        from playwright.sync_api import expect

        from smm_helpers.checks import check
        from smm_helpers.checks.by_lesson.l07_content import EXERCISE_POST
        from smm_helpers.content import check_post

        page = learner.page
        call = 'check("07-content", "q1", answer)'
        cell = page.locator(f"{NOTEBOOK} .jp-CodeCell").filter(has_text=call)
        expect(cell).to_have_count(1)
        output = cell.locator(".jp-OutputArea-output")
        unanswered = check("07-content", "q1", ...)
        expect(output).to_contain_text("Not yet")
        expect(output).to_contain_text(unanswered.message)

        wrong = check("07-content", "q1", len(EXERCISE_POST))
        assert not wrong.correct
        _replace_and_run(page, cell, f"answer = len(EXERCISE_POST)\n{call}")
        expect(output).to_contain_text("Not yet")
        expect(output).to_contain_text(wrong.message)

        right = check("07-content", "q1", check_post(EXERCISE_POST, "x").length)
        assert right.correct
        _replace_and_run(page, cell, f'answer = check_post(EXERCISE_POST, "x").length\n{call}')
        expect(output).to_contain_text("Well done")
        expect(output.get_by_role("status")).to_be_visible()
        cell.scroll_into_view_if_needed()
        screenshot(page, "jupyterlab-self-check")
        assert not learner.errors, "the browser console reported:\n" + "\n".join(learner.errors)

    def test_lesson_and_widgets_pass_axe_in_jupyterlab(self, learner: Learner) -> None:
        """No serious or critical axe-core violation in our content, as JupyterLab shows it.

        Scope: the rendered markdown and the cell outputs of lesson 07 (``OUR_CONTENT``) and of a
        notebook showing every widget of ``smm_helpers.widgets`` live (``GALLERY_CELLS``), the
        post composer once more after a post over X's limit turns a counter red.  JupyterLab's
        own chrome (editors, toolbars, menus) is outside the scope: its violations are not ours
        to fix.  ipywidgets' slider handles are left out too (``SLIDER_HANDLES`` says why);
        instead every slider must carry a visible description.
        Screenshot: ``test-artifacts/jupyterlab-widgets.png``.
        """
        from playwright.sync_api import expect

        found = axe_violations(learner.page, OUR_CONTENT, exclude=SLIDER_HANDLES)
        assert not found, f"{LESSON} in JupyterLab: {format_violations(found)}"

        page = learner.browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(UI_MS)
        errors = page_errors(page)
        try:
            _open_notebook(page, learner.lab, GALLERY)
            _run_all_cells(page)
            problems = _problems(_cells(page))
            assert not problems, "the widgets notebook:\n\n" + "\n\n".join(problems)
            outputs = page.locator(f"{NOTEBOOK} .jp-OutputArea-output")
            expect(outputs).to_have_count(len(GALLERY_CELLS) - 1)
            for index in range(len(GALLERY_CELLS) - 1):
                expect(outputs.nth(index).locator(".jupyter-widgets").first).to_be_visible()
            expect(page.locator(NOTEBOOK)).not_to_contain_text("Error displaying widget")
            sliders = page.locator(f"{NOTEBOOK} .widget-slider")
            assert sliders.count() > 0, "the widgets notebook shows no slider"
            unnamed = [
                index
                for index, label in enumerate(sliders.locator(".widget-label").all_inner_texts())
                if not label.strip()
            ]
            assert not unnamed and sliders.locator(".widget-label").count() == sliders.count(), (
                f"sliders without a visible description: {unnamed}"
            )
            screenshot(page, "jupyterlab-widgets")
            found = axe_violations(page, OUR_CONTENT, exclude=SLIDER_HANDLES)
            assert not found, f"the widgets in JupyterLab: {format_violations(found)}"

            composer = page.locator(f"{NOTEBOOK} .smm-post-composer").first
            composer.locator("textarea").fill("আলো পাঠচক্র " * 30)
            expect(composer.locator(".smm-counter-x[data-ok='false']")).to_have_count(1)
            found = axe_violations(page, f"{NOTEBOOK} .smm-post-composer")
            assert not found, f"the post composer over the limit: {format_violations(found)}"
            assert not errors, "the browser console reported:\n" + "\n".join(errors)
        finally:
            page.close()


# --------------------------------------------------------------------------------------
# The instructor
# --------------------------------------------------------------------------------------


@dataclass
class Instructor:
    """The instructor's session: JupyterLab with nbgrader on a copy of the course."""

    lab: Lab
    browser: Any
    course_id: str
    assignments: list[str]
    repo_before: set[str]


def _repo_state() -> set[str]:
    """What nbgrader or JupyterLab would leave in the repository if they worked on it.

    The course's runtime folders and files (``gradebook.db``, ``release/``, ``exchange/``,
    ...), nbgrader's log, and notebook checkpoints anywhere in course/, assignments/ and
    lessons/.  (Not every file's time stamp: other work may edit the repository meanwhile.)
    """
    from smm_helpers.grading.demo import RUNTIME

    found = {
        name
        for name in RUNTIME
        if name not in ("samples", "__pycache__") and (REPO / "course" / name).exists()
    }
    found |= {name for name in (".nbgrader.log", "gradebook.db") if (REPO / name).exists()}
    for folder in ("course", "assignments", "lessons"):
        found |= {
            str(path.relative_to(REPO))
            for path in (REPO / folder).rglob(".*")
            if path.name in (".ipynb_checkpoints", ".nbgrader.log")
        }
    return found


def _assert_repo_untouched(before: set[str]) -> None:
    made = sorted(_repo_state() - before)
    assert not made, (
        f"the instructor's JupyterLab wrote into the repository: {made}; it "
        "must work on its temporary copy of the course"
    )


@pytest.fixture(scope="class")
def instructor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Instructor]:
    """JupyterLab as ``smm-course lab --instructor`` opens it, on a temporary copy of the course.

    Every assignment is generated and released to the copy's exchange first (nbgrader's own
    API), so the Assignments panel has something to list.
    """
    from smm_helpers import lab
    from smm_helpers.grading.course import open_course
    from smm_helpers.grading.demo import RUNTIME

    with chromium_browser() as browser:  # skips (or fails in CI) before any work if absent
        before = _repo_state()
        root = tmp_path_factory.mktemp("instructor")
        skip = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
        shutil.copytree(REPO / "course", root / "course", ignore=shutil.ignore_patterns(*RUNTIME))
        shutil.copytree(REPO / "assignments", root / "assignments", ignore=skip)
        shutil.copytree(REPO / "lessons", root / "lessons", ignore=skip)
        course = open_course(root / "course")
        assignments = course.assignments()
        assert assignments, f"no assignment found in {REPO / 'assignments'}"
        api = course.api()
        for assignment in assignments:
            for step in (api.generate_assignment, api.release_assignment):
                result = step(assignment)
                assert result["success"], (
                    f"nbgrader could not {step.__name__} {assignment}: "
                    f"{result.get('error') or result.get('log')}"
                )
        launch = lab.lab_launch(
            root / "lessons",
            instructor=True,
            course=root / "course",
            port=_free_port(),
            no_browser=True,
        )
        assert launch.cwd == (root / "course").resolve()
        home = tmp_path_factory.mktemp("instructor-home")  # outside the folder it serves
        with _jupyterlab(launch, home) as server:
            yield Instructor(server, browser, course.course_id, assignments, before)


def _open_nbgrader_panel(instructor: Instructor, item: str) -> tuple[Any, list[str]]:
    """A new page on JupyterLab with Nbgrader > ``item`` opened from the menu bar."""
    page = instructor.browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(UI_MS)
    errors = page_errors(page)
    workspace = "smm-instructor-" + secrets.token_hex(3)
    page.goto(instructor.lab.address(f"lab/workspaces/{workspace}"))
    page.get_by_role("menuitem", name="Nbgrader", exact=True).wait_for(timeout=NOTEBOOK_OPEN_MS)
    _check_dialogs(page, "opening the Nbgrader menu")
    page.get_by_role("menuitem", name="Nbgrader", exact=True).click()
    page.get_by_role("menuitem", name=item, exact=True).click()
    return page, errors


class TestInstructor:
    """An instructor in ``smm-course lab --instructor``, on a copy of the course."""

    def test_the_formgrader_lists_the_courses_assignments(self, instructor: Instructor) -> None:
        """Nbgrader > Formgrader opens inside JupyterLab and lists every assignment, released.

        It also finds the course's exchange (no "exchange directory does not exist" warning, no
        "course directory is not a subdirectory" error), and nothing in the repository changes.
        Screenshot: ``test-artifacts/jupyterlab-formgrader.png``.
        """
        from playwright.sync_api import expect

        page, errors = _open_nbgrader_panel(instructor, "Formgrader")
        try:
            frame = page.frame_locator("#formgrader-iframe iframe")
            for assignment in instructor.assignments:
                row = frame.locator("tr", has_text=assignment)
                expect(row).to_have_count(1, timeout=NOTEBOOK_OPEN_MS)
                expect(row).to_contain_text("released")
            body = frame.locator("body")
            expect(body).not_to_contain_text("does not exist")
            expect(body).not_to_contain_text("not a subdirectory")
            screenshot(page, "jupyterlab-formgrader")
            assert not errors, "the browser console reported:\n" + "\n".join(errors)
        finally:
            page.close()
        _assert_repo_untouched(instructor.repo_before)

    def test_the_assignments_panel_lists_the_released_assignments(
        self, instructor: Instructor
    ) -> None:
        """Nbgrader > Assignment List shows every released assignment, under the course's id.

        Screenshot: ``test-artifacts/jupyterlab-assignments-panel.png``.
        """
        from playwright.sync_api import expect

        page, errors = _open_nbgrader_panel(instructor, "Assignment List")
        try:
            released = page.locator("#released_assignments_list")
            for assignment in instructor.assignments:
                item = released.locator(".list_item", has_text=assignment)
                expect(item).to_have_count(1, timeout=NOTEBOOK_OPEN_MS)
                expect(item).to_contain_text(instructor.course_id)
            expect(page.locator("#released_assignments_list_error")).to_be_hidden()
            screenshot(page, "jupyterlab-assignments-panel")
            assert not errors, "the browser console reported:\n" + "\n".join(errors)
        finally:
            page.close()
        _assert_repo_untouched(instructor.repo_before)
