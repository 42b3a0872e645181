"""Browser support for the tests: Debian's Chromium driven by Playwright, axe-core, screenshots.

The browser tests (JupyterLab in ``test_browser_lab.py``, the static website) share this
module::

    from tests.browser import axe_violations, chromium_browser, format_violations, page_errors

    with chromium_browser() as browser:
        page = browser.new_page()
        errors = page_errors(page)          # right after creating the page
        page.goto(url)
        screenshot(page, "website-home")    # test-artifacts/website-home.png
        found = axe_violations(page, "main")
        assert not found, format_violations(found)
        assert not errors, "\\n".join(errors)

What it never does: download a browser.  It uses the system's ``/usr/bin/chromium``
(Debian's package ``chromium``) and the ``axe-core`` of ``node_modules/`` (``npm ci`` at
the repository root).  When either part, or Playwright for Python, is missing, the test
calls :func:`tests.conftest.system_part_missing`: a skip with the reason on a laptop, a
failure under ``SMM_REQUIRE_SYSTEM=1`` (as CI sets).

The machine running the tests may have no network: Chromium is started with its
background services off (no updates, sync, QUIC or first-run pages), so nothing it does
on its own waits for a network that is not there.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tests.conftest import REPO, system_part_missing

if TYPE_CHECKING:  # Playwright is imported only when a browser test runs
    from playwright.sync_api import Browser, Page

__all__ = [
    "ARTIFACTS",
    "AXE_JS",
    "CHROMIUM",
    "CHROMIUM_ARGS",
    "axe_violations",
    "chromium_browser",
    "format_violations",
    "page_errors",
    "screenshot",
]

CHROMIUM = Path("/usr/bin/chromium")
"""Debian's Chromium (``apt-get install chromium``); the tests never download a browser."""

CHROMIUM_ARGS = (
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
)
"""Flags for a machine without a network or a GPU (``--no-sandbox`` is added for root)."""

AXE_JS = REPO / "node_modules" / "axe-core" / "axe.min.js"
"""axe-core, pinned in ``package.json`` and installed by ``npm ci`` at the repository root."""

ARTIFACTS = Path(os.environ.get("SMM_TEST_ARTIFACTS") or REPO / "test-artifacts")
"""Where screenshots go: ``test-artifacts/`` at the repository root (git-ignored).

``SMM_TEST_ARTIFACTS`` moves it elsewhere.  The folder is made on first use.
"""


_PLAYWRIGHT: dict[str, Any] = {"driver": None, "users": 0}
"""One Playwright driver per test process, shared by every open :func:`chromium_browser`.

Playwright's sync API cannot run two drivers in one thread, so two browsers alive at once
(a session-scoped fixture and a class-scoped one, say) share this one; the last to close
stops it.
"""


@contextmanager
def _playwright() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    if _PLAYWRIGHT["users"] == 0:
        _PLAYWRIGHT["driver"] = sync_playwright().start()
    _PLAYWRIGHT["users"] += 1
    try:
        yield _PLAYWRIGHT["driver"]
    finally:
        _PLAYWRIGHT["users"] -= 1
        if _PLAYWRIGHT["users"] == 0:
            driver, _PLAYWRIGHT["driver"] = _PLAYWRIGHT["driver"], None
            driver.stop()


@contextmanager
def chromium_browser(
    *, timeout_ms: float = 30_000, env: Mapping[str, str] | None = None
) -> Iterator[Browser]:
    """A headless Debian Chromium driven by Playwright, closed when the block ends.

    The flags are :data:`CHROMIUM_ARGS`, plus ``--no-sandbox`` when the tests run as root
    (Chromium refuses to start as root with its sandbox on).  ``env`` adds to (or
    overrides) the environment Chromium starts with: ``{"FONTCONFIG_FILE": ...}`` shows
    it only some fonts.  If ``/usr/bin/chromium`` or
    Playwright for Python is missing, the test skips with the reason, or fails under
    ``SMM_REQUIRE_SYSTEM=1``.  Browsers may be nested or overlap (they share one driver).
    """
    if not CHROMIUM.exists():
        system_part_missing(
            f"the browser tests need Debian's Chromium at {CHROMIUM}, which is not there: "
            "install it with `apt-get install chromium` (the tests never download a browser)"
        )
    if importlib.util.find_spec("playwright") is None:
        system_part_missing(
            "the browser tests need Playwright for Python, which is not installed: "
            "pip install -e '.[test]' (only the Python package; no `playwright install`, "
            "the tests use /usr/bin/chromium)"
        )
    args = list(CHROMIUM_ARGS)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")
    with _playwright() as playwright:
        try:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM),
                args=args,
                headless=True,
                timeout=timeout_ms,
                env=None if env is None else {**os.environ, **env},
            )
        except Exception as error:  # Playwright raises its own Error with Chromium's output
            raise AssertionError(
                f"Chromium at {CHROMIUM} did not start with the flags {args}.\n"
                f"Playwright said: {error}\n"
                "How to fix it: run `/usr/bin/chromium --headless --no-sandbox --dump-dom "
                "about:blank` to see Chromium's own error (a missing library or font, "
                "a sandbox problem)"
            ) from None
        try:
            yield browser
        finally:
            browser.close()


def page_errors(page: Page) -> list[str]:
    """Collect the page's console errors and uncaught exceptions in a live list.

    Call it right after creating the page, before ``goto``: messages printed earlier are
    lost.  Each entry says what kind of message it was and where it came from, so that
    ``assert not errors, "\\n".join(errors)`` reads well.
    """
    errors: list[str] = []

    def on_console(message: Any) -> None:
        if message.type == "error":
            where = message.location or {}
            place = where.get("url") or "the page"
            line = where.get("lineNumber")
            errors.append(f"console error at {place}{f':{line}' if line else ''}: {message.text}")

    def on_page_error(error: Any) -> None:
        errors.append(f"uncaught exception in the page: {error}")

    page.on("console", on_console)
    page.on("pageerror", on_page_error)
    return errors


_RUN_AXE = """
async ([selector, exclude, impacts]) => {
    const context = {};
    if (selector !== null) context.include = [[selector]];
    if (exclude !== null) context.exclude = [[exclude]];
    const result = await window.axe.run(
        selector === null && exclude === null ? document : context,
        {resultTypes: ["violations"]});
    return result.violations
        .filter(v => impacts.includes(v.impact))
        .map(v => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            helpUrl: v.helpUrl,
            nodes: v.nodes.map(n => ({
                target: n.target.map(t => Array.isArray(t) ? t.join(" >>> ") : t).join(" "),
                html: n.html,
                summary: n.failureSummary || "",
            })),
        }));
}
"""


def axe_violations(
    page: Page,
    selector: str | None = None,
    impacts: Iterable[str] = ("serious", "critical"),
    *,
    exclude: str | None = None,
) -> list[dict[str, Any]]:
    """Run axe-core on the page (or only inside ``selector``) and return its violations.

    Only violations of the given ``impacts`` are returned (axe's levels are ``minor``,
    ``moderate``, ``serious`` and ``critical``).  Each is a dict with ``id`` (axe's rule,
    e.g. ``color-contrast``), ``impact``, ``help``, ``helpUrl`` and ``nodes``: one dict per
    failing element with its CSS ``target``, its ``html`` and axe's ``summary`` of the fix.
    ``selector`` must match at least one element (axe would otherwise check nothing).
    ``exclude`` is a CSS selector of elements axe leaves out (say why where you use it).
    """
    if not AXE_JS.is_file():
        system_part_missing(
            f"axe-core is not installed at {AXE_JS}: run `npm ci` at the repo root "
            "(package.json pins the version the tests use)"
        )
    wanted = list(impacts)
    allowed = {"minor", "moderate", "serious", "critical"}
    if not wanted or not set(wanted) <= allowed:
        raise ValueError(f"impacts must name some of {sorted(allowed)}; got {wanted!r}")
    if selector is not None and page.locator(selector).count() == 0:
        raise AssertionError(
            f"axe_violations: nothing on {page.url} matches the selector {selector!r}, so "
            "axe would check nothing. How to fix it: wait for the content first "
            "(page.wait_for_selector) or correct the selector"
        )
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE_JS))
        if not page.evaluate("() => typeof window.axe === 'object'"):
            raise AssertionError(
                f"axe-core was injected into {page.url} but window.axe is not defined; the "
                "page's Content-Security-Policy probably blocks inline scripts. How to fix "
                "it: open the page in a context made with browser.new_context(bypass_csp=True)"
            )
    violations: list[dict[str, Any]] = page.evaluate(_RUN_AXE, [selector, exclude, wanted])
    return violations


def format_violations(violations: list[dict[str, Any]]) -> str:
    """Violations from :func:`axe_violations` as text for an assertion message.

    >>> print(format_violations([{"id": "label", "impact": "critical",
    ...     "help": "Form elements must have labels", "helpUrl": "https://dequeuniversity.com",
    ...     "nodes": [{"target": "#box", "html": "<input id=box>",
    ...                "summary": "Fix any of the following: ..."}]}]))
    1 accessibility violation:
    - label (critical): Form elements must have labels [https://dequeuniversity.com]
        at #box: <input id=box>
          Fix any of the following: ...
    >>> format_violations([])
    'no accessibility violations'
    """
    if not violations:
        return "no accessibility violations"
    count = len(violations)
    lines = [f"{count} accessibility violation{'s' if count != 1 else ''}:"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} "
            f"[{violation.get('helpUrl', '')}]"
        )
        for node in violation.get("nodes", []):
            html = node.get("html", "")
            html = html if len(html) <= 200 else html[:197] + "..."
            lines.append(f"    at {node.get('target', '?')}: {html}")
            for summary_line in str(node.get("summary", "")).splitlines():
                lines.append(f"      {summary_line.strip()}")
    return "\n".join(lines)


def screenshot(page: Page, name: str) -> Path:
    """Save a full-page screenshot as ``test-artifacts/<name>.png`` and return its path.

    ``name`` may hold letters, digits, ``-``, ``_`` and ``.``; anything else becomes ``-``.
    """
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.") or "screenshot"
    path = ARTIFACTS / f"{safe}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
