"""``smm-course demo``: the course's main job in one command.

It builds the course datasets, computes the analytics a social media manager reports to
a client, writes the nonprofit's client report (HTML and PDF), then runs the instructor's
grading workflow on the sample class (release every assignment, submit, collect,
autograde, feedback, grades) in a course of its own:

    smm-lab-demo/
        data/            posts.csv, followers.csv, inbox.csv, campaigns.csv
        summary/         per-platform and per-week summaries, best-time table (CSV)
        report/          the client report as report.html and report.pdf (the PDF needs
                         Pango for WeasyPrint, or Chromium; see smm_helpers.report.pdf)
        grading/course/  an nbgrader course: SQLite gradebook, local exchange, feedback/,
                         grades/ (scores.csv, canvas.csv, distribution.png, difficulty.csv)

The folder is the demo's own: it is created if missing, refreshed if an earlier demo made
it, and refused if it holds anything else, so the demo never overwrites your work.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from smm_helpers.grading.results import score_grid
from smm_helpers.i18n.messages import N_, current_language
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import format_date, format_number, format_percent
from smm_helpers.output_folder import FolderOwner, check_output_folder

if TYPE_CHECKING:
    import pandas as pd

MARKER = ".smm-lab-demo"
"""A file the demo leaves in its folder, so a later run knows the folder is its own."""
MARKER_TEXT = (
    "This folder was made by `smm-course demo`; "  # i18n: not shown
    "running it again refreshes it.\n"
)  # i18n: not shown
"""The marker file's content (a file's text, not a message: the same in every language)."""
OWNER = FolderOwner(N_("the demo"), "smm-lab-demo", marker=MARKER)
"""The demo's folder: its own while it holds :data:`MARKER` (:mod:`smm_helpers.output_folder`)."""


@dataclass
class DemoResult:
    """What the demo made, and where."""

    folder: Path
    data_files: list[Path]
    summary_files: list[Path]
    report_files: list[Path]
    headline: dict[str, str] = field(default_factory=dict)
    report_note: str = ""
    grading_table: str = ""
    grading_files: list[Path] = field(default_factory=list)

    def __str__(self) -> str:
        heading = _("SMM Lab demo")
        lines = [heading, "=" * len(heading)]
        width = max([26, *(len(name) for name in self.headline)])
        lines += [f"  {name:<{width}} {value}" for name, value in self.headline.items()]
        lines.append("")
        lines.append(_("Everything is in {folder}/").format(folder=self.folder))
        if self.grading_table:
            lines += ["", _("Grading the sample class"), self.grading_table, ""]
        for title, files in (
            (_("Client report"), self.report_files),
            (_("Course data"), self.data_files),
            (_("Summaries"), self.summary_files),
            (_("Grading (feedback and grades)"), self.grading_files),
        ):
            if not files:
                continue
            lines.append(f"  {title}:")
            lines += [f"    {path}" for path in files]
            if files is self.report_files and self.report_note:
                lines.append(f"    {self.report_note}")
        lines.append("")
        lines.append(
            _("Open {report} in a browser to read the report.").format(report=self.report_files[0])
        )
        return "\n".join(lines)


def prepare_folder(folder: Path) -> Path:
    """Create the demo folder, or check an existing one is the demo's own.

    >>> import tempfile
    >>> tmp = Path(tempfile.mkdtemp())
    >>> prepare_folder(tmp / "demo").name
    'demo'
    >>> (tmp / "mine").mkdir(); _ = (tmp / "mine" / "notes.txt").write_text("my work")
    >>> prepare_folder(tmp / "mine")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: ...mine already exists and holds files the demo did not make...
    """
    folder = check_output_folder(folder, OWNER)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    return folder


def _write_csv(frame: pd.DataFrame, path: Path, *, index: bool = False) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=index, encoding="utf-8")
    return path


def run_demo(
    out_dir: Path | str = "smm-lab-demo",
    *,
    learner_id: str | None = None,
    n_posts: int | None = None,
    client: str = "nonprofit",
    grading: bool = True,
    echo: Callable[[str], object] | None = print,
) -> DemoResult:
    """Build the data, the summaries and the client report into ``out_dir``.

    With no ``learner_id`` and no ``n_posts`` it uses the committed course datasets
    (instant); otherwise it generates them (``smm_helpers.datasets.generate``).  With
    ``grading`` it then runs the grading workflow on the sample class in ``out_dir/grading``.

    >>> import tempfile
    >>> result = run_demo(Path(tempfile.mkdtemp()) / "demo", grading=False, echo=None)
    >>> result.report_files[0].name  # and report.pdf where a PDF engine works
    'report.html'
    """
    from smm_helpers import datasets, metrics  # heavy: loads numpy, pandas on first use
    from smm_helpers.report import build_report  # heavy: loads numpy, pandas on first use

    folder = prepare_folder(Path(out_dir))
    say = echo or (lambda _text: None)

    if learner_id is None and n_posts is None:
        say(_("Loading the course datasets ..."))
        data = datasets.load_course_data()
    else:
        say(
            _("Generating the course datasets for learner {learner} ...").format(
                learner=repr(learner_id)
            )
            if learner_id
            else _("Generating the course datasets ...")
        )
        data = datasets.generate(n_posts, learner_id=learner_id)

    data_files = []
    for name in ("posts", "followers", "inbox", "campaigns"):
        data_files.append(_write_csv(getattr(data, name), folder / "data" / f"{name}.csv"))

    say(_("Computing the analytics ..."))
    posts = data.posts[data.posts["client"] == client]
    by_platform = metrics.summarize(posts, by="platform")
    by_week = metrics.summarize(posts, by="week")
    best = metrics.best_time_table(posts)
    summary_files = [
        _write_csv(by_platform, folder / "summary" / "by_platform.csv", index=True),
        _write_csv(by_week, folder / "summary" / "by_week.csv", index=True),
        _write_csv(best.to_frame(), folder / "summary" / "best_times.csv", index=True),
    ]

    say(_("Writing the client report ..."))
    report = build_report(data, client=client, out_dir=folder / "report")
    report_files = [Path(p) for p in report.paths]

    total_engagements = int(metrics.engagements(posts).sum())
    total_reach = int(posts["reach"].sum())
    top_platform = str(by_platform["er_reach"].idxmax())
    first, last = posts["published_at"].min(), posts["published_at"].max()
    headline = {
        _("client"): client,
        _("posts"): format_number(len(posts)),
        _("period"): _("{first} to {last}").format(
            first=format_date(first), last=format_date(last)
        ),
        _("reach (sum of posts)"): format_number(total_reach),
        _("engagements"): format_number(total_engagements),
        _("engagement rate by reach"): (
            format_percent(total_engagements / total_reach, 2) if total_reach else _("n/a")
        ),
        _("best platform by that rate"): top_platform,
    }
    result = DemoResult(folder, data_files, summary_files, report_files, headline)
    result.report_note = (
        _("PDF printed by {engine} ({pages} pages)").format(
            engine=report.pdf_engine, pages=format_number(report.pdf_pages)
        )
        if report.pdf
        else _("no PDF: {reason}").format(reason=report.pdf_skipped)
    )
    if grading:
        # heavy: loads nbclient, nbconvert on first use
        from smm_helpers.grading.demo import run_grading_demo

        say(_("Grading the sample class (release, submit, collect, autograde, feedback) ..."))
        grading_dir = folder / "grading"
        if grading_dir.exists():  # the demo's own earlier run, inside its own folder
            shutil.rmtree(grading_dir)
        graded = run_grading_demo(grading_dir, echo=lambda _line: None, language=current_language())
        summary = grading_dir / "autograde-summary.txt"
        summary.write_text(graded.table() + "\n", encoding="utf-8")
        problems = sum(len(row.problems) for row in graded.rows)
        result.grading_table = (
            score_grid(graded.rows)
            + "\n\n"
            + _(
                "{count} problems found (! above); everyone else was graded. Each "
                "problem, in words: {summary}"
            ).format(count=format_number(problems), summary=summary)
        )
        result.grading_files = [summary, *sorted(graded.feedback)[:3]]
        if graded.grades is not None:
            result.grading_files += [
                graded.grades.scores,
                graded.grades.canvas,
                graded.grades.distribution,
                graded.grades.difficulty,
            ]
    say(str(result))
    return result
