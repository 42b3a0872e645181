"""``smm-course report``: a client report from your own platform exports (or the course data).

    smm-course report --from posts_fb.csv content_ig.csv followers.csv --client "Nakshi Ghor"
    smm-course report --from export.csv --period 2026-03
    smm-course report                      # the course's nonprofit, as the demo writes it

Each file is recognised (``smm_helpers.exports``), read onto the course's tables and combined
into one client's data; the report is written as ``report.html`` and, when an HTML-to-PDF
engine works here, ``report.pdf``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from smm_helpers.datasets import load_course_data
from smm_helpers.errors import InputError
from smm_helpers.exports import describe_export, read_exports
from smm_helpers.i18n.messages import N_, in_language
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.output_folder import FolderOwner, check_output_folder
from smm_helpers.report.build import build_report
from smm_helpers.report.pdf import ENGINES

DEFAULT_OUT = Path("smm-lab-report")
#: The client name used when ``--client`` is left out for your own exports.
DEFAULT_CLIENT = N_("my client")


@dataclass(frozen=True)
class PeriodChoice:
    """The report period from ``--period``: both ends, or neither (the latest 30 days)."""

    start: str | None = None
    end: str | None = None


def parse_period(text: str | None) -> PeriodChoice:
    """Read ``--period``: ``YYYY-MM`` (a calendar month) or ``YYYY-MM-DD..YYYY-MM-DD``.

    >>> parse_period("2026-02")
    PeriodChoice(start='2026-02-01', end='2026-02-28')
    >>> parse_period("2026-03-01..2026-03-15")
    PeriodChoice(start='2026-03-01', end='2026-03-15')
    >>> parse_period(None)
    PeriodChoice(start=None, end=None)
    >>> parse_period("March")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: --period 'March' is not a month or a date range.
    How to fix it: write a month as 2026-03, or a range as 2026-03-01..2026-03-31; ...
    """
    if text is None:
        return PeriodChoice()
    cleaned = text.strip()
    month = re.fullmatch(r"(\d{4})-(\d{2})", cleaned)
    try:
        if month:
            first = date(int(month.group(1)), int(month.group(2)), 1)
            following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
            return PeriodChoice(first.isoformat(), (following - timedelta(days=1)).isoformat())
        ends = re.fullmatch(r"(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})", cleaned)
        if ends:
            for end in ends.groups():
                date.fromisoformat(end)
            return PeriodChoice(ends.group(1), ends.group(2))
    except ValueError:
        pass
    raise InputError(
        _("--period {text} is not a month or a date range").format(text=repr(text)),
        fix=_(
            "write a month as 2026-03, or a range as 2026-03-01..2026-03-31; leave it out "
            "for the 30 days up to the latest post"
        ),
    )


def add_report_command(sub: Any) -> None:
    """Add ``smm-course report`` to the command line's subcommands.

    Its help is in the language chosen when the parser is made (``SMM_LANG``); the report's
    own language is ``--lang``, which ``smm_helpers.cli`` adds to every command that writes
    text (``run_report(..., language=...)``).
    """
    report = sub.add_parser(
        "report",
        help=_("write a client report (HTML and PDF) from your platform exports"),
        description=_(
            "Read your own platform exports (Meta Business Suite / Facebook, "
            "Instagram, X, LinkedIn, TikTok, YouTube Studio, followers), combine "
            "them into one client's data and write the client report as report.html "
            "and report.pdf. Without --from it reports on the course's nonprofit."
        ),
    )
    report.add_argument(
        "--from",
        dest="files",
        nargs="+",
        type=Path,
        metavar="FILE",
        default=None,
        help=_("export files (CSV or xlsx), one or more"),
    )
    report.add_argument(
        "--client",
        default=None,
        help=_(
            "the client's name, shown on the report (default: 'my client'; "
            "without --from: nonprofit or business)"
        ),
    )
    report.add_argument(
        "--period",
        default=None,
        help=_(
            "a month (2026-03) or a range (2026-03-01..2026-03-31); "
            "default: the 30 days up to the latest post"
        ),
    )
    report.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        help=_("folder to write into (default: ./{folder}/)").format(folder=DEFAULT_OUT),
    )
    report.add_argument(
        "--timezone",
        default=None,
        help=_(
            "time zone of the exports' times when a file does not say "
            "(default: each platform's own, see smm_helpers.exports)"
        ),
    )
    report.add_argument(
        "--pdf-engine",
        choices=("auto", *ENGINES),
        default="auto",
        help=_("which HTML-to-PDF engine prints the PDF (default: auto)"),
    )


def run_report(
    files: Sequence[Path] | None,
    *,
    client: str | None = None,
    period: str | None = None,
    out: Path = DEFAULT_OUT,
    timezone: str | None = None,
    pdf_engine: str = "auto",
    language: str | None = None,
    say: Any = print,
) -> Any:
    """Read the exports, write the report, say what was read and written; return the files.

    ``language`` (``--lang``) is the report's and the messages' language; ``None`` keeps the
    chosen one (``SMM_LANG``, else English).

    >>> run_report(None, period="someday")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: --period 'someday' is not a month or a date range...
    """
    with in_language(language) as chosen_language:
        chosen = parse_period(period)
        _refuse_foreign_report(out)
        if files:
            name = client or _(DEFAULT_CLIENT)
            data = read_exports(list(files), client=name, timezone=timezone)
            say(describe_export(data))
            key = name
        else:
            data = load_course_data()
            key = client or "nonprofit"
        written = build_report(
            data,
            client=key,
            start=chosen.start,
            end=chosen.end,
            out_dir=out,
            formats=None,
            pdf_engine=pdf_engine,
            language=chosen_language,
        )
        say(str(written))
    return written


REPORT_FILES = ("report.html", "report.pdf")
OWNER = FolderOwner(N_("the client report"), str(DEFAULT_OUT), own_files=REPORT_FILES)
"""The report's folder: new, or holding nothing but an earlier report (:data:`REPORT_FILES`)."""


def _refuse_foreign_report(out: Path) -> None:
    """Write only into a new folder or one that holds nothing but an earlier report."""
    check_output_folder(out, OWNER)
