"""Feedback for learners: nbgrader's ``generate_feedback``, with hidden tests kept hidden.

nbgrader 0.9 puts the autograded notebook — hidden tests included — into the feedback HTML;
this command always adds :class:`~smm_helpers.grading.hide_hidden_tests.HideHiddenTests`,
then checks each HTML file for any line of a hidden test before saying it is ready.

The page shows what the learner wrote and printed, never runs it: the course's config
carries :mod:`smm_helpers.grading.sanitize`'s settings (this command adds any it lacks), and
each page is checked for markup that could run (:func:`~smm_helpers.grading.sanitize.
active_markup`) before it is released.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NoReturn

from smm_helpers.errors import DataError
from smm_helpers.grading.course import Course
from smm_helpers.grading.problems import printable
from smm_helpers.grading.sanitize import active_markup, apply_safe_settings, missing_safe_settings

Echo = Callable[[str], None]
HIDER = "smm_helpers.grading.hide_hidden_tests.HideHiddenTests"


def _sources(notebook_path: Path) -> list[str]:
    try:
        data = json.loads(notebook_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return ["".join(c["source"]) if isinstance(c["source"], list) else c["source"]
            for c in data.get("cells", [])]


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
    import re

    text = html.unescape(re.sub(r"<[^>]+>", "", html_text))
    shown = {line.strip() for line in text.splitlines()}
    return [line for line in secret_lines if line.strip() in shown]


def _configure(course: Course) -> None:
    """Make sure the course's nbgrader config hides hidden tests and sanitizes learner content."""
    preprocessors = list(course.config.get("GenerateFeedback", {}).get(
        "preprocessors", ["nbgrader.preprocessors.GetGrades",
                          "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor"]))
    if HIDER not in preprocessors:
        preprocessors.insert(1, HIDER)
        course.config.GenerateFeedback.preprocessors = preprocessors
        course._api = None
    if missing_safe_settings(course.config):
        apply_safe_settings(course.config)
        course._api = None


def _withhold(page: Path, problem: str, fix: str) -> NoReturn:
    page.rename(page.with_suffix(".html.withheld"))
    raise DataError(f"{problem}; it was withheld, not released", file=str(page), fix=fix)


def feedback(course: Course, assignment: str, learners: Iterable[str] | None = None,
             echo: Echo = print) -> list[Path]:
    """Write feedback HTML for every autograded learner; return the files written."""
    _configure(course)
    api = course.api()
    autograded = course.path("autograded")
    who = list(learners) if learners is not None else sorted(
        p.name for p in autograded.iterdir() if (p / assignment).is_dir()
    ) if autograded.is_dir() else []
    written: list[Path] = []
    for learner in who:
        result = api.generate_feedback(assignment, learner)
        if not result["success"]:
            error = (result.get("error") or "").strip()[-200:]
            echo(f"  ✗ {printable(learner)}: no feedback — {printable(error)}")
            continue
        for page in sorted((course.path("feedback") / learner / assignment).glob("*.html")):
            own = course.path("submitted") / learner / assignment / f"{page.stem}.ipynb"
            secrets = hidden_lines(course.source_dir / assignment / f"{page.stem}.ipynb",
                                   except_in=[own])
            text = page.read_text(encoding="utf-8")
            leaked = leaks(text, secrets)
            if leaked:
                _withhold(page, f"the feedback shows hidden test code ({leaked[0]!r})",
                          fix="make sure HideHiddenTests is in GenerateFeedback."
                              "preprocessors in nbgrader_config.py")
            active = active_markup(text)
            if active:
                _withhold(page, "the feedback page has markup that would run in a browser "
                                f"({printable(active[0])})",
                          fix="keep the HTMLExporter settings of SMM Lab's course/"
                              "nbgrader_config.py in yours; a feedback template of your own "
                              "must keep its scripts in <head>")
            written.append(page)
    echo(f"✓ feedback for {len(written)} notebook(s) in {course.path('feedback')}")
    return written
