"""The client report's PDF: the HTML page printed by WeasyPrint or Chromium, checked page by page.

One report of the course's nonprofit is printed once per engine; its pages are rendered to
PNG with poppler's ``pdftoppm`` and read back with ``pdftotext`` and ``pdfimages``, so the
tests see what a client sees: every section and table there, every chart whole on one page
with its title, Bengali captions in a Bengali font, and page numbers.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from smm_helpers.datasets import load_course_data
from smm_helpers.errors import InputError
from smm_helpers.report import build_report, gather_content
from smm_helpers.report.pdf import NoPdfEngine, html_to_pdf, pdf_engines
from tests.conftest import system_part_missing

SECTIONS = (
    "Key numbers",
    "What to do next",
    "Top and bottom posts",
    "Platforms compared",
    "Answering messages",
)
PERIOD = {"start": "2025-12-01", "end": "2025-12-30"}


def _poppler(tool: str, *args: str) -> str:
    if shutil.which(tool) is None:
        system_part_missing(f"poppler's {tool} (Debian: apt-get install poppler-utils)")
    return subprocess.run([tool, *args], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module", params=["weasyprint", "chromium"])
def printed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    engine = request.param
    status = pdf_engines()[engine]
    if status != "ready":
        system_part_missing(f"the {engine} PDF engine: {status}")
    out = tmp_path_factory.mktemp(f"pdf-{engine}")
    data = load_course_data()
    files = build_report(data, client="nonprofit", out_dir=out, pdf_engine=engine, **PERIOD)
    content = gather_content(data.tables, client="nonprofit", **PERIOD)
    assert files.pdf is not None
    pages = [
        _poppler("pdftotext", "-layout", "-f", str(n), "-l", str(n), str(files.pdf), "-")
        for n in range(1, files.pdf_pages + 1)
    ]
    return files, content, pages


def test_page_count_is_what_poppler_reads(printed):
    files, _, pages = printed
    info = _poppler("pdfinfo", str(files.pdf))
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) == files.pdf_pages == len(pages)
    assert 2 <= files.pdf_pages <= 8


def test_every_page_renders_to_a_png_with_ink(printed, tmp_path):
    from PIL import Image

    files, _, _ = printed
    _poppler("pdftoppm", "-r", "40", "-png", str(files.pdf), str(tmp_path / "page"))
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) == files.pdf_pages
    for png in pngs:
        pixels = np.asarray(Image.open(png).convert("L"))
        assert pixels.shape[0] > pixels.shape[1]  # portrait A4
        assert (pixels < 128).mean() > 0.005, f"{png.name} is blank"


def test_every_section_and_table_row_is_printed(printed):
    _, content, pages = printed
    text = " ".join(" ".join(page.split()) for page in pages)
    for heading in SECTIONS:
        assert heading in text
    for kpi in content.kpis:
        assert " ".join(kpi.label.split()[:2]) in text
    for row in content.platform_rows:
        assert f"{row['platform']} {row['posts']} {row['reach']}" in text
    for row in content.response_rows:
        assert row["platform"] in text and row["median_hours"] in text


def test_short_sections_start_on_the_page_of_their_first_row(printed):
    _, content, pages = printed

    def page_of(text: str) -> int:
        return next(n for n, page in enumerate(pages) if text in " ".join(page.split()))

    assert page_of("Key numbers") == page_of(content.kpis[0].label)
    first = content.response_rows[0]
    assert page_of("Answering messages") == page_of(
        f"{first['platform']} {first['messages']} {first['response_rate']}"
    )


def test_each_chart_is_whole_on_one_page_with_its_title(printed):
    files, content, pages = printed
    listing = _poppler("pdfimages", "-list", str(files.pdf)).splitlines()[2:]
    images = [line.split() for line in listing if line.split()[2] == "image"]
    assert len(images) == len(content.charts) >= 2
    for chart, image in zip(content.charts, images, strict=True):
        page = int(image[0])
        assert " ".join(chart.heading.split()) in " ".join(pages[page - 1].split()), (
            f"chart {chart.heading!r} is on page {page} without its title"
        )


def test_bengali_is_set_in_a_bengali_font_and_pages_are_numbered(printed):
    files, content, pages = printed
    captions = [post.caption for post in content.top_posts + content.bottom_posts]
    assert any(re.search(r"[\u0980-\u09FF]", caption) for caption in captions)
    fonts = _poppler("pdffonts", str(files.pdf))
    assert "Bengali" in fonts, fonts
    if files.pdf_engine == "weasyprint":  # Chromium does not print CSS page-margin boxes
        assert re.search(rf"\b1 ?/ ?{files.pdf_pages}\b", pages[0])


def test_without_an_engine_the_html_is_still_written_and_the_reason_given(tmp_path, monkeypatch):
    from smm_helpers.report import pdf

    monkeypatch.setattr(
        pdf,
        "pdf_engines",
        lambda: {"weasyprint": "the Pango library is missing", "chromium": "no Chromium"},
    )
    data = load_course_data()
    files = build_report(data, out_dir=tmp_path, **PERIOD)
    assert files.html is not None and files.html.is_file()
    assert files.pdf is None and not (tmp_path / "report.pdf").exists()
    assert "apt-get install libpango" in files.pdf_skipped
    assert "no PDF:" in str(files)
    with pytest.raises(NoPdfEngine, match=r"(?s)no HTML-to-PDF engine.*Pango.*Chromium"):
        build_report(data, out_dir=tmp_path, formats=("pdf",), **PERIOD)


def test_an_unknown_engine_is_refused(tmp_path):
    with pytest.raises(InputError, match=r"(?s)'word' is not a PDF engine.*auto, weasyprint"):
        html_to_pdf("<p>x</p>", Path(tmp_path) / "x.pdf", engine="word")
