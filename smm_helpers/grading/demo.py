"""The grading workflow end to end on the sample class, in a fresh folder.

``run_grading_demo(folder)`` copies the course config and the source assignments into
``folder/course`` and ``folder/assignments`` (never touching the real course), releases
every assignment to a local exchange in ``folder/course/exchange``, submits the sample
class from ``course/samples`` as nbgrader's ``submit`` would (learner ``sample-<outcome>``
submits ``course/samples/<assignment>/<outcome>/``), collects, autogrades, writes feedback
and exports grades.
"""

from __future__ import annotations

import secrets
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from smm_helpers.errors import InputError
from smm_helpers.grading.autograde import autograde
from smm_helpers.grading.collect import collect_from_exchange
from smm_helpers.grading.course import open_course
from smm_helpers.grading.feedback import feedback
from smm_helpers.grading.grades import GradeFiles, export_grades
from smm_helpers.grading.problems import Echo, Problem
from smm_helpers.grading.release import release
from smm_helpers.grading.results import AutogradeReport, GradeRow
from smm_helpers.i18n.messages import N_
from smm_helpers.output_folder import FolderOwner, check_output_folder

REPO = Path(__file__).resolve().parents[2]
RUNTIME = (
    "samples",
    "gradebook.db",
    "release",
    "exchange",
    "submitted",
    "autograded",
    "feedback",
    "archive",
    "grades",
    "history",
    "similarity",
    "languages.csv",
    "__pycache__",
)
"""What a course folder gathers as it is used: left out when a fresh copy is made."""
OWNER = FolderOwner(N_("the grading demo"), "smm-lab-grading-demo")
"""The demo writes only into a new or empty folder (:mod:`smm_helpers.output_folder`)."""


@dataclass
class GradingDemoResult:
    """What the demo made: the course folder, every learner's row, feedback and grade files."""

    course: Path
    rows: list[GradeRow] = field(default_factory=list)
    feedback: list[Path] = field(default_factory=list)
    grades: GradeFiles | None = None
    to_review: list[Problem] = field(default_factory=list)

    def table(self) -> str:
        return AutogradeReport("", self.rows, self.to_review).table()


def submit_sample(exchange_inbound: Path, learner: str, assignment: str, sample: Path) -> Path:
    """Put a sample folder into the exchange as ``nbgrader submit`` does (``learner+a+time``,
    with the ``submission_secret.txt`` nbgrader's feedback release checks)."""
    stamp_file = sample / "timestamp.txt"
    stamp = stamp_file.read_text().strip() if stamp_file.is_file() else "2026-01-01 00:00:00 UTC"
    target = exchange_inbound / f"{learner}+{assignment}+{stamp}"
    shutil.copytree(sample, target)
    if not (target / "submission_secret.txt").exists():
        (target / "submission_secret.txt").write_text(secrets.token_hex(64))
    return target


def run_grading_demo(
    folder: str | Path,
    echo: Echo = print,
    *,
    repo: Path = REPO,
    timeout: float | None = None,
    language: str = "en",
) -> GradingDemoResult:
    """Run release → submit → collect → autograde → feedback → grades in ``folder``.

    ``folder`` must not exist or be empty.  ``timeout`` (seconds per cell) overrides the
    course's; ``language="bn"`` releases every assignment in Bengali, so the tests' messages
    and the feedback are Bengali (the same points).  Returns the rows of every learner and
    the paths of feedback and grades.
    """
    out = check_output_folder(folder, OWNER)
    for needed in (repo / "course" / "nbgrader_config.py", repo / "assignments"):
        if not needed.exists():
            raise InputError(
                f"the grading demo needs {needed}, which is not there",
                fix="run it from a clone of the SMM Lab repository",
            )
    shutil.copytree(repo / "course", out / "course", ignore=shutil.ignore_patterns(*RUNTIME))
    shutil.copytree(
        repo / "assignments",
        out / "assignments",
        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"),
    )
    course = open_course(out / "course")
    result = GradingDemoResult(course.folder)
    inbound = course.exchange_dir / course.course_id / "inbound"
    for assignment in course.assignments():
        echo(f"— {assignment}")
        release(course, assignment, echo, language=language)
        samples = repo / "course" / "samples" / assignment
        inbound.mkdir(parents=True, exist_ok=True)
        for sample in sorted(samples.iterdir()) if samples.is_dir() else []:
            if sample.is_dir() and any(sample.glob("*.ipynb")):
                submit_sample(inbound, f"sample-{sample.name}", assignment, sample)
        collect_from_exchange(course, assignment, echo)
        report = autograde(course, assignment, timeout=timeout, echo=echo)
        result.rows += report.rows
        result.to_review += report.to_review
        result.feedback += feedback(course, assignment, echo=echo)
    result.grades = export_grades(course, echo=echo)
    echo("")
    echo(result.table())
    echo(f"\nFeedback: {course.path('feedback')}  Grades: {course.path('grades')}")
    return result
