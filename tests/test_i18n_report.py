"""The client report in Bengali: every heading, label, verdict, note, sentence, date and number.

One Bengali report of the course's nonprofit for December 2025 is compared with the English
report of the same month: the English headings and KPI labels must all be gone, the numbers
written with Bengali digits and lakh grouping, the period with Bengali month names, while the
clients' captions stay exactly as they wrote them.  ``smm-course report --lang bn`` writes the
same report and prints its PDF with a Bengali font.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pandas as pd
import pytest

from smm_helpers import cli, use_language
from smm_helpers.datasets import load_course_data
from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import current_language
from smm_helpers.report import Kpi, Period, build_report, gather_content
from smm_helpers.report.build import render_html
from smm_helpers.report.command import parse_period
from smm_helpers.report.kpis import KPI_DEFINITIONS, format_kpi
from smm_helpers.report.recommend import format_rule
from smm_helpers.schema import format_name
from tests.conftest import system_part_missing

MONTH = {"start": "2025-12-01", "end": "2025-12-30"}
BENGALI_DIGITS = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")
ENGLISH_WORDS = re.compile(r"[A-Za-z]{2,}\s+[A-Za-z]{2,}")
ALLOWED_ENGLISH = ("SMM Lab",)
"""English that stays in a Bengali report: the tool's name."""


@pytest.fixture(scope="module")
def reports():
    """The English and the Bengali content and page of the same month, gathered in English."""
    data = load_course_data()
    english = gather_content(data.tables, client="nonprofit", **MONTH)
    bengali = gather_content(data.tables, client="nonprofit", language="bn", **MONTH)
    return english, render_html(english), bengali, render_html(bengali)


class _Page(HTMLParser):
    """The page's text by element, skipping styles and the posts' caption cells."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[tuple[str, str]] = []  # (tag path, text)
        self.cells: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        if tag not in ("meta", "img", "br"):
            self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        text = " ".join(data.split())
        if not text or any(tag == "style" for tag, _ in self.stack):
            return
        path = "/".join(tag for tag, _ in self.stack)
        section = next((a.get("id") for tag, a in self.stack if tag == "section"), None)
        self.texts.append((path, text))
        if path.endswith("td") and section:
            self.cells.setdefault(section, []).append(text)


def _page(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def _without_allowed(text: str) -> str:
    for name in ALLOWED_ENGLISH:
        text = text.replace(name, " ")
    return text


def _lakh(number: int) -> str:
    """The Indian-system grouping, written here independently of the code under test."""
    text = str(abs(number))
    head, tail = text[:-3], text[-3:]
    groups = [head[max(0, i - 2) : i] for i in range(len(head), 0, -2)][::-1]
    return ("-" if number < 0 else "") + ",".join([*groups, tail] if head else [tail])


def test_the_bengali_report_declares_its_language(reports):
    _, english_page, _, bengali_page = reports
    assert '<html lang="bn">' in bengali_page
    assert '<html lang="en">' in english_page


def test_no_english_heading_label_or_sentence_is_left(reports):
    english, english_page, bengali, bengali_page = reports
    captions = {post.caption for post in bengali.top_posts + bengali.bottom_posts}
    shown = [text for _, text in _page(bengali_page).texts if text not in captions]
    english_texts = {
        text
        for path, text in _page(english_page).texts
        if re.search(r"(h1|h2|h3|th|figcaption|p|li)$", path)
        and text not in captions
        and ENGLISH_WORDS.search(text)
    }
    english_texts |= {definition.label for definition in KPI_DEFINITIONS}
    assert len(english_texts) > 30
    for text in english_texts:
        assert text not in bengali_page, f"English left in the Bengali report: {text!r}"
    leftovers = [text for text in shown if ENGLISH_WORDS.search(_without_allowed(text))]
    assert not leftovers, leftovers
    use_language("bn")  # a KPI says its label in the language of the moment
    assert all(re.search(r"[\u0980-\u09FF]", kpi.label) for kpi in english.kpis)
    assert all(re.search(r"[\u0980-\u09FF]", chart.heading) for chart in bengali.charts)


def test_the_kpi_table_has_bengali_digits_and_lakh_grouping(reports):
    english, _, _, bengali_page = reports
    cells = _page(bengali_page).cells["kpis"]
    assert cells and not any(re.search(r"[0-9]", cell) for cell in cells), cells
    assert sum(bool(re.search(r"[০-৯]", cell)) for cell in cells) >= len(english.kpis) * 2
    reach = next(k for k in english.kpis if k.key == "reach")
    assert reach.current >= 100_000  # so the lakh grouping shows
    assert _lakh(int(reach.current)).translate(BENGALI_DIGITS) in cells
    assert f"{int(reach.current):,}" not in bengali_page


def test_the_period_and_dates_are_in_bengali(reports):
    _, _, bengali, bengali_page = reports
    period = re.search(r'<p class="period">(.*?)</p>', bengali_page, re.S).group(1)
    assert period.startswith("১ ডিসেম্বর ২০২৫ – ৩০ ডিসেম্বর ২০২৫ (৩০ দিন)")
    assert "১ নভেম্বর ২০২৫ – ৩০ নভেম্বর ২০২৫" in period
    assert bengali.title == "সোশ্যাল মিডিয়া রিপোর্ট: আলো পাঠচক্র (অলাভজনক সংস্থা)"
    for post in bengali.top_posts:
        assert re.fullmatch(r"[০-৯]{1,2} ডিসেম্বর ২০২৫", post.date)
    use_language("bn")
    assert str(Period.from_dates("2026-01-05", "2026-02-03")) == "৫ জানুয়ারি ২০২৬ – ৩ ফেব্রুয়ারি ২০২৬"


def test_captions_stay_as_the_client_wrote_them(reports):
    english, _, bengali, bengali_page = reports
    assert [p.caption for p in bengali.top_posts] == [p.caption for p in english.top_posts]
    assert any(re.search(r"[A-Za-z]{3}", p.caption) for p in english.top_posts)
    for post in bengali.top_posts + bengali.bottom_posts:
        assert html.escape(post.caption, quote=False) in bengali_page


def test_a_bengali_report_leaves_the_chosen_language_alone(tmp_path):
    files = build_report(
        load_course_data(),
        client="nonprofit",
        out_dir=tmp_path,
        formats=("html",),
        language="bn",
        **MONTH,
    )
    assert current_language() == "en"
    assert str(files).startswith("ক্লায়েন্ট রিপোর্ট:")
    assert '<html lang="bn">' in files.html.read_text(encoding="utf-8")
    use_language("bn")
    english = build_report(
        load_course_data(),
        client="nonprofit",
        out_dir=tmp_path / "en",
        formats=("html",),
        language="en",
        **MONTH,
    )
    assert current_language() == "bn"
    assert str(english).startswith("Client report:")
    assert "<h2>Key numbers</h2>" in english.html.read_text(encoding="utf-8")


def test_kpi_values_changes_and_verdicts_in_bengali():
    use_language("bn")
    assert Kpi("er_reach", 0.031, 0.025).change_summary == "+০.৬০ পয়েন্ট (উন্নতি)"
    assert Kpi("median_response_hours", 6.0, 4.0).change_summary == "+৫০% (অবনতি)"
    assert Kpi("reach", 5000, float("nan")).change_text == "আগের ডেটা নেই"
    assert format_kpi(1234.5, "money") == "১,২৩৪.৫০ টাকা"
    assert format_kpi(5.25, "hours") == "৫.২ ঘণ্টা"
    assert re.fullmatch(r"[\u0980-\u09FF ]+", format_kpi(float("nan"), "count"))
    assert Kpi("link_clicks", 12, 10).verdict == "better"  # the key (a CSS class) stays
    use_language("en")
    assert Kpi("er_reach", 0.031, 0.025).change_summary == "+0.60 pts (better)"
    assert format_kpi(1234.5, "money") == "BDT 1,234.50"


def test_recommendations_are_whole_bengali_sentences():
    posts = pd.DataFrame(
        {
            "format": ["carousel"] * 10 + ["short_video"] * 10,
            "reach": [100] * 20,
            "reactions": [9] * 10 + [3] * 10,
            "comments": 0,
            "shares": 0,
            "saves": 0,
        }
    )
    use_language("bn")
    best, worst = format_name("carousel"), format_name("short_video")
    assert re.fullmatch(r"[\u0980-\u09FF ]+", best + worst)
    assert format_rule(posts) == (
        f"রিচভিত্তিক এনগেজমেন্ট রেটে {best} পোস্ট পেয়েছে {worst} পোস্টের ৩.০ গুণ "
        f"(৯.০০% বনাম ৩.০০%): পরিকল্পনায় {best} পোস্ট বাড়ান, {worst} পোস্ট কমান।"
    )


def test_errors_of_the_report_teach_in_bengali():
    use_language("bn")
    with pytest.raises(
        InputError,
        match=r"start \(১৬ মার্চ ২০২৫\) তারিখটি end \(১০ মার্চ"
        r" ২০২৫\)-এর পরে।\nকীভাবে ঠিক করবেন: দুটি অদলবদল করুন",
    ):
        Period.from_dates("2025-03-16", "2025-03-10")
    with pytest.raises(InputError, match="কোনো মাস বা তারিখের পরিসর নয়"):
        parse_period("March")


def test_smm_course_report_lang_bn_prints_a_bengali_pdf(tmp_path, capsys):
    from smm_helpers.report.pdf import pdf_engines

    status = pdf_engines()["weasyprint"]
    if status != "ready":
        system_part_missing(f"the weasyprint PDF engine: {status}")
    for tool in ("pdftotext", "pdffonts"):
        if shutil.which(tool) is None:
            system_part_missing(f"poppler's {tool} (Debian: apt-get install poppler-utils)")
    out = tmp_path / "report"
    assert (
        cli.main(
            [
                "report",
                "--lang",
                "bn",
                "--period",
                "2025-12",
                "--out",
                str(out),
                "--pdf-engine",
                "weasyprint",
            ]
        )
        == 0
    )
    said = capsys.readouterr().out
    assert "ক্লায়েন্ট রিপোর্ট:" in said and "weasyprint দিয়ে প্রিন্ট করা" in said
    page = (out / "report.html").read_text(encoding="utf-8")
    assert '<html lang="bn">' in page and "১ ডিসেম্বর ২০২৫ – ৩১ ডিসেম্বর ২০২৫" in page
    fonts = subprocess.run(
        ["pdffonts", str(out / "report.pdf")], capture_output=True, text=True, check=True
    ).stdout
    assert "Bengali" in fonts, fonts
    text = subprocess.run(
        ["pdftotext", "-layout", str(out / "report.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    content = gather_content(
        load_course_data().tables, client="nonprofit", start="2025-12-01", end="2025-12-31"
    )
    reach = next(k for k in content.kpis if k.key == "reach")
    assert _lakh(int(reach.current)).translate(BENGALI_DIGITS) in text
    assert "টাকা" in text and "Key numbers" not in text and "What to do next" not in text
    assert re.search(r"১ ?/ ?[২-৯]", text)  # page numbers in Bengali digits


def test_notes_on_a_clients_own_exports_are_in_bengali(tmp_path):
    from smm_helpers.exports import read_exports, sample_export

    samples = ["facebook_posts_2025", "x_posts_2024", "linkedin_posts_2024"]
    data = read_exports([sample_export(name) for name in samples], client="Nakshi Kantha House")
    files = build_report(
        data,
        client="Nakshi Kantha House",
        start="2025-04-11",
        end="2025-05-10",
        out_dir=tmp_path,
        formats=("html",),
        language="bn",
    )
    page = files.html.read_text(encoding="utf-8")
    notes = re.findall(
        r"<li>(.*?)</li>", re.search(r'class="note data-notes">(.*?)</ul>', page, re.S).group(1)
    )
    assert notes and all(re.search(r"জানা নেই|ছাড়াই", note) for note in notes), notes
    assert re.search(r"\(([০-৯]+)টি পোস্ট\)", page)
    assert "<h1>সোশ্যাল মিডিয়া রিপোর্ট: Nakshi Kantha House</h1>" in page  # a name stays
    assert "not in the data" not in page and "ডেটায় নেই" in page
