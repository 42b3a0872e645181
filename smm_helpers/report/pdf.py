"""The client report as a PDF: the HTML report, printed by a real HTML-to-PDF engine.

The PDF is the same page as ``report.html`` (same tables, charts and Bengali text), laid
out for A4 by the report's print styles: a chart never splits across pages, a heading never
sits alone at the foot of a page, and long tables repeat their header row.  Two engines can
print it:

- **WeasyPrint** (a Python package, installed with SMM Lab), which shapes text with the
  system's Pango library: ``sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0`` on
  Debian or Ubuntu, ``brew install pango`` on macOS;
- **Chromium** or Google Chrome, if one is installed, through its headless print-to-PDF.

``engine="auto"`` takes the first that works.  Neither is a pure-Python part, so a machine
without both can still write the HTML report; :func:`pdf_engines` says what is there and
:class:`NoPdfEngine` explains how to get one.

This module prints any HTML page and knows nothing of the report: ``report.build`` imports
it, never the other way (``tests/test_import_layers.py`` checks).

>>> sorted(ENGINES)
['chromium', 'weasyprint']
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from smm_helpers.errors import InputError, unknown_choice
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits

#: The engines ``html_to_pdf`` can use, in the order ``engine="auto"`` tries them.
ENGINES = ("weasyprint", "chromium")

#: Program names under which a Chromium-based browser is looked for on the PATH.
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")

#: Seconds headless Chromium may take to print one report.
CHROMIUM_TIMEOUT = 120

#: How to get a PDF engine (translated where it is shown).
INSTALL_HINT = N_(
    "install Pango for WeasyPrint (Debian/Ubuntu: sudo apt-get install libpango-1.0-0 "
    "libpangoft2-1.0-0; macOS: brew install pango; Windows: see "
    "https://doc.courtbouillon.org/weasyprint/stable/first_steps.html), or install Chromium "
    "(sudo apt-get install chromium); until then the HTML report prints from any browser "
    "(File > Print > Save as PDF)"
)


class NoPdfEngine(InputError):
    """No HTML-to-PDF engine works on this machine (the message says how to get one)."""


@dataclass(frozen=True)
class PdfResult:
    """What :func:`html_to_pdf` wrote: the file, how many pages, and which engine printed it."""

    path: Path
    pages: int
    engine: str


def pdf_engines() -> dict[str, str]:
    """Each engine and whether it works here: ``"ready"``, or why not.

    >>> set(pdf_engines()) == set(ENGINES)
    True
    """
    return {"weasyprint": _weasyprint_status(), "chromium": _chromium_status()}


def html_to_pdf(html: str, path: str | Path, *, engine: str = "auto") -> PdfResult:
    """Print the HTML page ``html`` to the PDF file ``path``; return the pages and engine.

    The page must be self-contained (images as ``data:`` URLs), as the client report is.

    >>> import tempfile
    >>> page = "<!DOCTYPE html><html><body><h1>আলো পাঠচক্র</h1></body></html>"
    >>> out = Path(tempfile.mkdtemp()) / "page.pdf"
    >>> result = html_to_pdf(page, out)                        # doctest: +SKIP
    >>> result.pages, out.read_bytes()[:4]                     # doctest: +SKIP
    (1, b'%PDF')
    >>> html_to_pdf(page, out, engine="word")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'word' is not a PDF engine SMM Lab knows...
    """
    if engine != "auto" and engine not in ENGINES:
        raise unknown_choice(_("PDF engine"), engine, ("auto", *ENGINES))
    status = pdf_engines()
    order = ENGINES if engine == "auto" else (engine,)
    ready = [name for name in order if status[name] == "ready"]
    if not ready:
        reasons = "; ".join(f"{name}: {status[name]}" for name in order)
        raise NoPdfEngine(
            _("no HTML-to-PDF engine works on this machine ({reasons})").format(reasons=reasons),
            fix=_(INSTALL_HINT),
        )
    target = Path(path)
    if ready[0] == "weasyprint":
        pages = _print_with_weasyprint(html, target)
    else:
        pages = _print_with_chromium(html, target)
    return PdfResult(target, pages, ready[0])


def count_pages(data: bytes) -> int:
    """The number of pages of a PDF (page objects, as both engines write them).

    >>> count_pages(b"<< /Type /Page /Parent 2 0 R >> << /Type /Pages /Count 1 >>")
    1
    """
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


# --- WeasyPrint ----------------------------------------------------------------------------


def _weasyprint_status() -> str:
    try:
        import weasyprint  # noqa: F401  (loads Pango through cffi: fails without it)
    except ImportError:
        return _("the weasyprint package is not installed (pip install weasyprint)")
    except OSError as error:  # cffi could not open Pango, GObject or HarfBuzz
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        return _("the Pango library is missing ({error})").format(error=first)
    return "ready"


def _print_with_weasyprint(html: str, path: Path) -> int:
    import weasyprint  # heavy: loaded on first use

    # WeasyPrint logs unsupported CSS as warnings; the report's CSS is checked by the tests.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    document = weasyprint.HTML(string=html, base_url=str(path.parent)).render()
    document.write_pdf(path)
    return len(document.pages)


# --- Chromium ------------------------------------------------------------------------------


def _chromium() -> str | None:
    wanted = os.environ.get("SMM_CHROMIUM")
    if wanted:
        return shutil.which(wanted) or (wanted if Path(wanted).is_file() else None)
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _chromium_status() -> str:
    return (
        "ready"
        if _chromium()
        else _("no Chromium or Chrome on the PATH (looked for {names})").format(
            names=", ".join(CHROMIUM_NAMES)
        )
    )


def _print_with_chromium(html: str, path: Path) -> int:
    program = _chromium()
    assert program is not None
    with tempfile.TemporaryDirectory(prefix="smm-lab-pdf-") as scratch:
        page = Path(scratch) / "report.html"
        page.write_text(html, encoding="utf-8")
        out = Path(scratch) / "report.pdf"
        command = [
            program,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            f"--user-data-dir={Path(scratch) / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={out}",
            page.as_uri(),
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=CHROMIUM_TIMEOUT, check=False
            )
        except subprocess.TimeoutExpired as error:
            raise InputError(
                _("Chromium took over {seconds} s to print the report").format(
                    seconds=digits(CHROMIUM_TIMEOUT)
                ),
                fix=_("try again, or install Pango so WeasyPrint prints it"),
            ) from error
        if not out.is_file() or done.returncode != 0:
            said = (done.stderr or "").strip().splitlines()[-1:] or [_("no message")]
            raise InputError(
                _("Chromium could not print the report ({said})").format(said=said[0]),
                fix=_(INSTALL_HINT),
            )
        data = out.read_bytes()
        path.write_bytes(data)
    return count_pages(data)
