"""The client report as a PDF, drawn with matplotlib (no extra dependency).

Each section of the HTML report becomes a page: key numbers, recommendations, top and
bottom posts, platforms, answering messages, then one page per chart.  matplotlib 3.11
shapes Bengali text in PDF, so Bengali captions print correctly when a Bengali font is
installed.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

from smm_helpers import plots

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from smm_helpers.report.build import ReportContent

A4 = (8.27, 11.69)
LINE = 0.021
"""The height of one line of body text, as a fraction of the page."""


def write_pdf(content: ReportContent, path: Path) -> int:
    """Write the report to ``path`` as a PDF; return the number of pages.

    >>> import tempfile
    >>> from smm_helpers.datasets import load_course_data
    >>> from smm_helpers.report.build import gather_content
    >>> content = gather_content(load_course_data().tables)
    >>> path = Path(tempfile.mkdtemp()) / "report.pdf"
    >>> write_pdf(content, path) == page_count(content), path.read_bytes()[:4]
    (True, b'%PDF')
    """
    from matplotlib.backends.backend_pdf import PdfPages

    pages = [
        _text_page(content, "Key numbers", _kpi_lines(content)),
        _text_page(content, "What to do next", [f"• {text}" for text in content.advice]),
        _text_page(content, "Top and bottom posts", _post_lines(content)),
        _text_page(content, "Platforms compared", _platform_lines(content)),
        _text_page(content, "Answering messages", _response_lines(content)),
    ]
    pages += [chart.figure for chart in content.charts]
    with PdfPages(path, metadata={"Title": f"{content.title}, {content.period}",
                                  "Creator": "SMM Lab"}) as pdf:
        for page in pages:
            pdf.savefig(page)
    return len(pages)


def page_count(content: ReportContent) -> int:
    """How many pages ``write_pdf`` makes for this content: five text pages plus the charts.

    >>> from smm_helpers.datasets import load_course_data
    >>> from smm_helpers.report.build import gather_content
    >>> content = gather_content(load_course_data().tables)
    >>> page_count(content) == 5 + len(content.charts)
    True
    """
    return 5 + len(content.charts)


def _text_page(content: ReportContent, heading: str, lines: list[str]) -> Figure:
    """An A4 page with the report title, a section heading and wrapped lines of text."""
    wrapped: list[str] = []
    for line in lines:
        wrapped += textwrap.wrap(line, width=88, subsequent_indent="   ") or [""]
    texts = [content.title, heading, *wrapped]
    with plots.styled_figure(texts, figsize=A4) as fig:
        fig.text(0.07, 0.95, content.title, fontsize=15, fontweight="bold")
        fig.text(0.07, 0.925, str(content.period), fontsize=11, color="#444444")
        fig.text(0.07, 0.88, heading, fontsize=14, fontweight="bold", color=plots.HIGHLIGHT)
        y = 0.845
        for line in wrapped:
            if y < 0.05:
                fig.text(0.07, y, "(continued in the HTML report)", fontsize=9, color="#444444")
                break
            fig.text(0.07, y, line, fontsize=10)
            y -= LINE
    return fig


def _kpi_lines(content: ReportContent) -> list[str]:
    comparison = str(content.previous) if content.has_previous else "no previous data"
    lines = [f"Compared with {comparison}.", ""]
    for kpi in content.kpis:
        verdict = f" ({kpi.verdict})" if kpi.verdict else ""
        lines.append(f"{kpi.label}: {kpi.value_text}")
        lines.append(f"   previous {kpi.previous_text}; change {kpi.arrow} {kpi.change_text}"
                     f"{verdict}")
    lines += ["", "Reach is added up over posts. Engagement rate by reach = engagements ÷ reach.",
              "Changes in rates are in percentage points (pts)."]
    return lines


def _post_lines(content: ReportContent) -> list[str]:
    lines = ["Ranked by engagement rate by reach.", ""]
    for heading, rows in (("Top posts", content.top_posts),
                          ("Bottom posts", content.bottom_posts)):
        lines.append(heading)
        for post in rows:
            lines.append(f"• {post.date}, {post.platform} {post.format}: engagement rate "
                         f"{post.er_reach}, reach {post.reach}")
            lines.append(f"   “{post.caption}”")
        if not rows:
            lines.append("• No posts with reach in this period.")
        lines.append("")
    return lines


def _platform_lines(content: ReportContent) -> list[str]:
    return [
        f"• {row['platform']}: {row['posts']} posts, reach {row['reach']}, "
        f"{row['engagements']} engagements, engagement rate {row['er_reach']}, "
        f"click-through rate {row['ctr']}"
        for row in content.platform_rows
    ] + ["", "The charts on the following pages show the same numbers."]


def _response_lines(content: ReportContent) -> list[str]:
    lines = [f"Service level: answer every message within {content.sla_hours:g} hours; "
             "the target is 90% of messages.", ""]
    if not content.response_rows:
        return [*lines, "No messages arrived in this period."]
    return lines + [
        f"• {row['platform']}: {row['messages']} messages, {row['response_rate']} answered, "
        f"median {row['median_hours']}, {row['within_sla']} in time ({row['status']})"
        for row in content.response_rows
    ]
