"""An nbconvert preprocessor that gives feedback the instructions in the language of release.

Grading rebuilds each notebook from the instructor's English source
(:mod:`smm_helpers.grading.instructor_cells`), so a learner who was released an assignment
in Bengali (``smm-course release A --lang bn``) would read their feedback's instructions in
English.  ``TranslateInstructions`` puts back the translation each instructor text cell was
released with, found by the cell's id in the assignment's catalog
(:mod:`smm_helpers.i18n.assignments`).  Only the instructor's text cells change: the rebuilt
notebook gives them the instructor's ids, and a learner's own cell never holds one.  A cell
whose translation is missing or out of date keeps its English.

``smm-course feedback`` adds it to ``GenerateFeedback.preprocessors`` when a course config
lacks it, and :func:`translate_page` puts the words nbgrader's feedback template writes (the
scores, "Test cell", "Comments") into the same language; in an assignment released in
English neither changes anything.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from nbconvert.preprocessors import Preprocessor
from traitlets import Bool

from smm_helpers.grading.languages import released_language
from smm_helpers.i18n.assignments import catalog_path, is_text_cell
from smm_helpers.i18n.cell_catalog import nfc, read_catalog
from smm_helpers.i18n.messages import N_, in_language
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits


class TranslateInstructions(Preprocessor):
    """Instructor text cells in the assignment's release language (see the module)."""

    enabled = Bool(
        True, help="on unless switched off (nbconvert's default is off)",  # i18n: not shown
    ).tag(config=True)

    def preprocess(self, nb: Any, resources: Any) -> tuple[Any, Any]:
        from nbgrader.coursedir import CourseDirectory

        info = resources.get("nbgrader", {})
        coursedir = CourseDirectory(config=self.config)
        language = released_language(Path(coursedir.root), info["assignment"])
        if language == "en":
            return nb, resources
        source = Path(coursedir.format_path(coursedir.source_directory, ".",
                                            info["assignment"])) / f"{info['notebook']}.ipynb"
        entries = read_catalog(catalog_path(source, language))
        for cell in nb.cells:
            entry = entries.get(str(cell.get("id")))
            if (entry is None or entry.fuzzy or not entry.text.strip()
                    or "nbgrader" not in cell.get("metadata", {}) or not is_text_cell(cell)
                    or nfc(cell.source) != entry.english):
                continue
            cell.source = entry.text
        return nb, resources


LABELS = (
    (">Test cell</a>", N_("Test cell")),
    (">Coding free-response</a>", N_("Coding free-response")),
    (">Written response</a>", N_("Written response")),
    (">Task</a>", N_("Task")),
    (">Comment</a>", N_("Comment")),
    ('<span class="nbgrader-label">Student\'s answer</span>', N_("Student's answer")),
    ('<span class="nbgrader-label">Student\'s task</span>', N_("Student's task")),
    ('<span class="nbgrader-label">Grade cell: ', N_("Grade cell:")),
    ('<span class="nbgrader-label">Task: ', N_("Task:")),
    ("<b>Comments:</b>", N_("Comments:")),
    ('<a href="#top">(Top)</a>', N_("(Top)")),
    ('<li class="late-penalty">Late submission penalty', N_("Late submission penalty")),
)
"""The words nbgrader's feedback template writes around the notebook (its markup, and the
words in it), so only the template's own words are translated, never a learner's."""

_SCORE = re.compile(r"\bScore: (-?)(\d+(?:\.\d+)?) / (\d+(?:\.\d+)?)|\(Score: -(\d+(?:\.\d+)?)\)")


def translate_page(html_text: str, language: str) -> str:
    """A feedback page with nbgrader's own words (scores, labels) in ``language``, and
    ``lang`` on its ``<html>``.  English pages come back as they were.

    >>> page = ('<html>\\n<h4>a1 (Score: 4.0 / 10.0)</h4><li><a href="#t1">Test cell</a> '
    ...         '(Score: 0.0 / 3.0)</li>')
    >>> print(translate_page(page, "bn"))
    <html lang="bn">
    <h4>a1 (নম্বর: ৪.০ / ১০.০)</h4><li><a href="#t1">পরীক্ষার ঘর</a> (নম্বর: ০.০ / ৩.০)</li>
    >>> translate_page(page, "en") == page
    True
    """
    if language == "en":
        return html_text
    with in_language(language):
        for markup, label in LABELS:
            words = _(label)
            html_text = html_text.replace(markup, _swap(markup, label, words))
        html_text = _SCORE.sub(_score, html_text)
        html_text = re.sub(r"<html(?![^>]*\blang=)", f'<html lang="{language}"', html_text,
                           count=1)
    return html_text


def _swap(markup: str, label: str, words: str) -> str:
    return markup.replace(label.rstrip(":"), words.rstrip(":"), 1)


def _score(match: re.Match[str]) -> str:
    if match.group(4) is not None:
        return "(" + _("Score: -{points}").format(points=digits(match.group(4))) + ")"
    return _("Score: {got} / {most}").format(got=match.group(1) + digits(match.group(2)),
                                             most=digits(match.group(3)))
