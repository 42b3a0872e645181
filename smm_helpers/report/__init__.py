"""The client report: key numbers against the previous period, top posts, platforms,
replies and recommendations, as a self-contained HTML page and a PDF.

    >>> from smm_helpers.report import build_report
    >>> files = build_report(datasets.load_course_data(), client="nonprofit",
    ...                      start="2025-11-01", end="2025-11-30",
    ...                      out_dir="report")                          # doctest: +SKIP
    >>> files.paths                                                     # doctest: +SKIP
    [PosixPath('report/report.html'), PosixPath('report/report.pdf')]

>>> from smm_helpers.report import Period
>>> str(Period.from_dates("2025-11-01", "2025-11-30").previous())
'02 Oct 2025 – 31 Oct 2025'
"""

from __future__ import annotations

from smm_helpers.report.build import ReportContent, ReportFiles, build_report, gather_content
from smm_helpers.report.kpis import KPI_DEFINITIONS, Kpi, compare_kpis, compute_kpis
from smm_helpers.report.period import Period, report_period
from smm_helpers.report.recommend import recommendations

__all__ = [
    "KPI_DEFINITIONS",
    "Kpi",
    "Period",
    "ReportContent",
    "ReportFiles",
    "build_report",
    "compare_kpis",
    "compute_kpis",
    "gather_content",
    "recommendations",
    "report_period",
]
