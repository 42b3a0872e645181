"""Feedback for learners: nbgrader's ``generate_feedback``, with hidden tests kept hidden.

nbgrader 0.9 puts the autograded notebook — hidden tests included — into the feedback HTML;
this command always adds :class:`~smm_helpers.grading.hide_hidden_tests.HideHiddenTests`,
then checks each HTML file for any line of a hidden test before saying it is ready.

The page shows what the learner wrote and printed, never runs it: the course's config
carries :mod:`smm_helpers.grading.sanitize`'s settings (this command adds any it lacks), and
each page is checked for markup that could run (:func:`~smm_helpers.grading.sanitize.
active_markup`) before it is released.

A page that fails a check is withheld (renamed ``*.html.withheld``) and reported; the rest of
the class still gets theirs.  ``release=True`` (``smm-course feedback A --release``) hands
each learner's checked pages to nbgrader's exchange, where they fetch them with
``nbgrader fetch_feedback A`` or the Assignments panel; learners who handed in through an LMS
are listed, with the folder of pages to upload.
"""

from __future__ import annotations

import html
import json
import re
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from smm_helpers.errors import InputError
from smm_helpers.grading.course import Course
from smm_helpers.grading.feedback_language import translate_page
from smm_helpers.grading.languages import released_language
from smm_helpers.grading.problems import Echo, Problem, printable
from smm_helpers.grading.progress import ProgressBar
from smm_helpers.grading.sanitize import active_markup, apply_safe_settings, missing_safe_settings
from smm_helpers.i18n.messages import in_language

HIDER = "smm_helpers.grading.hide_hidden_tests.HideHiddenTests"
TRANSLATOR = "smm_helpers.grading.feedback_language.TranslateInstructions"


def _sources(notebook_path: Path) -> list[str]:
    try:
        data = json.loads(notebook_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [
        "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
        for c in data.get("cells", [])
    ]


def hidden_lines(notebook_path: Path, *, except_in: Iterable[Path] = ()) -> list[str]:
    """Lines found only inside the hidden-test regions of a source notebook.

    Lines that also appear outside them (in the source's visible code, or in the notebooks
    ``except_in``, e.g. the learner's own submission) are not secret and are left out.
    """
    hidden: list[str] = []
    visible: set[str] = set()
    for source in _sources(notebook_path):
        hiding = False
        for line in source.splitlines():
            if "BEGIN HIDDEN TESTS" in line:
                hiding = True
            elif "END HIDDEN TESTS" in line:
                hiding = False
            elif hiding:
                hidden.append(line.strip())
            else:
                visible.add(line.strip())
    for other in except_in:
        visible.update(line.strip() for src in _sources(other) for line in src.splitlines())
    return [line for line in hidden if len(line) > 12 and line not in visible]


def leaks(html_text: str, secret_lines: Iterable[str]) -> list[str]:
    """Hidden-test lines that appear as whole lines in a feedback page (HTML undone).

    >>> leaks("<pre>expect_close(x, 1)</pre>", ["expect_close(x, 1)", "_own = generate()"])
    ['expect_close(x, 1)']
    """
    text = html.unescape(re.sub(r"<[^>]+>", "", html_text))
    shown = {line.strip() for line in text.splitlines()}
    return [line for line in secret_lines if line.strip() in shown]


def _configure(course: Course) -> None:
    """Make sure the course's nbgrader config hides hidden tests and sanitizes learner content."""
    preprocessors = list(
        course.config.get("GenerateFeedback", {}).get(
            "preprocessors",
            [
                "nbgrader.preprocessors.GetGrades",
                "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
            ],
        )
    )
    wanted = [step for step in (HIDER, TRANSLATOR) if step not in preprocessors]
    if wanted:
        at = preprocessors.index(HIDER) + 1 if HIDER in preprocessors else 1
        preprocessors[at:at] = wanted
        course.config.GenerateFeedback.preprocessors = preprocessors
        course._api = None
    if missing_safe_settings(course.config):
        apply_safe_settings(course.config)
        course._api = None


def _withhold(page: Path, learner: str, assignment: str, problem: str, fix: str) -> Problem:
    """Rename a page that must not reach the learner and say why (the others go on)."""
    kept = page.with_suffix(".html.withheld")
    page.replace(kept)
    return Problem(
        "not released",
        assignment,
        f"{problem}; the page was withheld, not released (kept as {kept}). How to fix it: {fix}",
        learner,
    )


class FeedbackReport(list[Path]):
    """The feedback pages written — a list of paths, as this command always returned — and
    what else happened: which pages were withheld, who was released, what went wrong.

    >>> report = FeedbackReport("01-x", [Path("feedback/ar1001/01-x/01-x.html")])
    >>> report.pages, report.ok, report.withheld
    ([PosixPath('feedback/ar1001/01-x/01-x.html')], True, [])
    """

    def __init__(self, assignment: str, pages: Iterable[Path] = ()) -> None:
        super().__init__(pages)
        self.assignment = assignment
        self.withheld: list[Path] = []
        """Pages renamed ``*.html.withheld``: never released."""
        self.released: list[str] = []
        """Learners whose feedback went to the exchange."""
        self.upload: list[str] = []
        """Learners who handed in outside the exchange (an LMS): their pages are to upload."""
        self.problems: list[Problem] = []
        """Withheld pages, feedback that could not be made or released, one each."""

    @property
    def pages(self) -> list[Path]:
        return list(self)

    @property
    def ok(self) -> bool:
        """Whether every learner's feedback was written (and released, if asked)."""
        return not self.problems


PROGRESS_FROM = 10
"""A progress bar (with the time left) is shown for more learners than this."""
HTML_GLOBS = ("*.html", "*.htm")
"""Files of a submission left out of the feedback folder: nbgrader would release any
``*.html`` there as if it were the learner's feedback page."""
_GLOB_CHARS = set("*?[")


@contextmanager
def _leaving_out(api: Any, globs: Iterable[str]) -> Iterator[None]:
    """nbgrader leaves files matching ``globs`` out of what it copies (``CourseDirectory.
    ignore``) while this lasts."""
    before = list(api.coursedir.ignore)
    api.coursedir.ignore = before + [g for g in globs if g not in before]
    try:
        yield
    finally:
        api.coursedir.ignore = before


def _who(course: Course, assignment: str, learners: Iterable[str] | None) -> list[str]:
    """The learners to write feedback for; raises if nothing of ``assignment`` is autograded."""
    course.notebooks(assignment)  # an unknown assignment is refused with the valid names
    autograded = course.path("autograded")
    graded = (
        sorted(p.name for p in autograded.iterdir() if (p / assignment).is_dir())
        if autograded.is_dir()
        else []
    )
    if not graded:
        raise InputError(
            f"nothing is autograded for {printable(assignment)} yet, so there is "
            "no feedback to write",
            fix=f"collect and autograde it first: smm-course collect "
            f"{assignment}, then smm-course autograde {assignment}",
        )
    return list(learners) if learners is not None else graded


def _check_page(course: Course, assignment: str, learner: str, page: Path) -> Problem | None:
    """Withhold ``page`` if it shows hidden test code or markup that would run."""
    own = course.path("submitted") / learner / assignment / f"{page.stem}.ipynb"
    secrets = hidden_lines(course.source_dir / assignment / f"{page.stem}.ipynb", except_in=[own])
    text = page.read_text(encoding="utf-8")
    leaked = leaks(text, secrets)
    if leaked:
        return _withhold(
            page,
            learner,
            assignment,
            f"the feedback shows hidden test code ({leaked[0]!r})",
            fix="make sure HideHiddenTests is in GenerateFeedback.preprocessors "
            "in nbgrader_config.py, then run smm-course feedback again",
        )
    active = active_markup(text)
    if active:
        return _withhold(
            page,
            learner,
            assignment,
            f"the feedback page has markup that would run in a browser ({printable(active[0])})",
            fix="keep the HTMLExporter settings of SMM Lab's course/"
            "nbgrader_config.py in yours; a feedback template of your own "
            "must keep its scripts in <head>",
        )
    return None


def _release(course: Course, api: Any, assignment: str, learner: str) -> str | None:
    """Release ``learner``'s checked pages to the exchange: ``None`` if done, ``"upload"``
    if they handed in outside the exchange, else what went wrong."""
    folder = course.path("feedback") / learner / assignment
    if not (folder / "submission_secret.txt").is_file():
        return "upload"  # no nbgrader submit: an LMS class, or a copy collected by hand
    if _GLOB_CHARS & set(learner):
        return (
            f"the learner id has one of {''.join(sorted(_GLOB_CHARS))} in it, which "
            "nbgrader's release would read as a pattern matching other learners; "
            "release it with nbgrader release_feedback after renaming the learner"
        )
    with warnings.catch_warnings():
        # nbgrader 0.9 passes its authenticator as "authentictor" (sic), which traitlets
        # warns of, and leaves timestamp.txt for the garbage collector to close: its own
        # warnings, and harmless.
        warnings.filterwarnings(
            "ignore", message=".*unrecognized arguments to super", category=DeprecationWarning
        )
        warnings.filterwarnings(
            "ignore", message=r"unclosed file .*timestamp\.txt", category=ResourceWarning
        )
        result = api.release_feedback(assignment, learner)
    if result.get("success"):
        return None
    return (
        str(result.get("error") or result.get("log") or "no details").strip()[-300:] or "no details"
    )


def feedback(
    course: Course,
    assignment: str,
    learners: Iterable[str] | None = None,
    echo: Echo = print,
    release: bool = False,
) -> FeedbackReport:
    """Write feedback HTML for every autograded learner (or only ``learners``).

    Returns the pages written (a :class:`FeedbackReport`, a list of paths).  A page that
    shows hidden test code or markup that would run is withheld — renamed
    ``*.html.withheld`` and listed in ``report.problems`` — and the other learners go on.
    With ``release``, each learner whose pages all passed is released to nbgrader's exchange
    at once (``NbGraderAPI.release_feedback``), never a withheld page; learners who handed
    in through an LMS are listed to upload instead.  Raises :class:`InputError` for an
    unknown assignment or one with nothing autograded.
    """
    who = _who(course, assignment, learners)
    language = released_language(course.folder, assignment)
    _configure(course)
    api = course.api()
    report = FeedbackReport(assignment)
    bar = ProgressBar(len(who), echo=echo) if len(who) > PROGRESS_FROM else None
    say = bar.note if bar is not None else echo
    autograded = course.path("autograded")
    for index, learner in enumerate(who):
        if bar is not None:
            bar.update(index, learner)
        if not (autograded / learner / assignment).is_dir():
            problem = Problem(
                "missing",
                assignment,
                "nothing autograded, so no feedback; "
                f"run smm-course autograde {assignment} --learner "
                f"{learner}",
                learner,
            )
            report.problems.append(problem)
            say(f"  ✗ {problem}")
            continue
        with _leaving_out(api, HTML_GLOBS), in_language(language):
            result = api.generate_feedback(assignment, learner)
        if not result["success"]:
            error = (result.get("error") or "").strip()[-200:]
            problem = Problem("failed", assignment, f"no feedback — {error}", learner)
            report.problems.append(problem)
            say(f"  ✗ {problem}")
            continue
        held: list[Problem] = []
        for page in sorted((course.path("feedback") / learner / assignment).glob("*.html")):
            if language != "en":
                page.write_text(
                    translate_page(page.read_text(encoding="utf-8"), language), encoding="utf-8"
                )
            found = _check_page(course, assignment, learner, page)
            if found is None:
                report.append(page)
            else:
                held.append(found)
                report.withheld.append(page.with_suffix(".html.withheld"))
                say(f"  ✗ {found}")
        report.problems += held
        if not release:
            continue
        if held:
            say(f"  ✗ {printable(learner)}: nothing released, as a page was withheld")
            continue
        outcome = _release(course, api, assignment, learner)
        if outcome is None:
            report.released.append(learner)
        elif outcome == "upload":
            report.upload.append(learner)
        else:
            problem = Problem(
                "not released",
                assignment,
                f"nbgrader could not release the feedback: {outcome}",
                learner,
            )
            report.problems.append(problem)
            say(f"  ✗ {problem}")
    if bar is not None:
        bar.finish()
    _summary(course, report, release, echo)
    return report


def _summary(course: Course, report: FeedbackReport, release: bool, echo: Echo) -> None:
    assignment = report.assignment
    shown = printable(assignment)
    echo(f"✓ feedback for {len(report)} notebook(s) in {course.path('feedback')}")
    if report.withheld:
        echo(f"✗ {len(report.withheld)} page(s) withheld, never released (listed above)")
    if not release:
        through_exchange = any((page.parent / "submission_secret.txt").is_file() for page in report)
        if through_exchange or not report:
            echo(f"  Learners see it once it is released: smm-course feedback {shown} --release")
        else:
            echo(
                "  These learners handed in outside nbgrader's exchange (an LMS): upload "
                f"each learner's pages from {course.path('feedback')}/<learner>/{shown}/ "
                "to the LMS"
            )
        return
    if report.released:
        echo(
            f"✓ released the feedback of {len(report.released)} learner(s) to "
            f"{course.exchange_dir / course.course_id / 'feedback'}; they get it with "
            f"nbgrader fetch_feedback {shown}, or Fetch Feedback in Jupyter's Assignments "
            "panel"
        )
    if report.upload:
        where = course.path("feedback") / "<learner>" / assignment
        names = ", ".join(printable(learner) for learner in report.upload[:5]) + (
            f" and {len(report.upload) - 5} more" if len(report.upload) > 5 else ""
        )
        if report.released:
            echo(
                f"  {len(report.upload)} learner(s) handed in outside nbgrader's exchange "
                f"(an LMS): upload their pages from {where}/ to the LMS ({names})"
            )
        else:
            echo(
                "  This class hands in outside nbgrader's exchange (an LMS), so nothing went "
                f"to the exchange: upload each learner's pages from {where}/ to the LMS "
                f"({names})"
            )
