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
        True,
        help="on unless switched off (nbconvert's default is off)",  # i18n: not shown
    ).tag(config=True)

    def preprocess(self, nb: Any, resources: Any) -> tuple[Any, Any]:
        from nbgrader.coursedir import CourseDirectory  # heavy: loaded on first use

        info = resources.get("nbgrader", {})
        coursedir = CourseDirectory(config=self.config)
        language = released_language(Path(coursedir.root), info["assignment"])
        if language == "en":
            return nb, resources
        source = (
            Path(coursedir.format_path(coursedir.source_directory, ".", info["assignment"]))
            / f"{info['notebook']}.ipynb"
        )
        entries = read_catalog(catalog_path(source, language))
        for cell in nb.cells:
            entry = entries.get(str(cell.get("id")))
            if (
                entry is None
                or entry.fuzzy
                or not entry.text.strip()
                or "nbgrader" not in cell.get("metadata", {})
                or not is_text_cell(cell)
                or nfc(cell.source) != entry.english
            ):
                continue
            cell.source = entry.text
        return nb, resources


_LINK, _BOLD, _TOP = ">{}</a>", "<b>{}</b>", '<a href="#top">{}</a>'
_LABEL = '<span class="nbgrader-label">{}'  # i18n: not shown (markup)
_LATE = '<li class="late-penalty">{}'  # i18n: not shown (markup)

LABELS = (
    (_LINK, N_("Test cell")),
    (_LINK, N_("Coding free-response")),
    (_LINK, N_("Written response")),
    (_LINK, N_("Task")),
    (_LINK, N_("Comment")),
    (_LABEL + "</span>", N_("Student's answer")),
    (_LABEL + "</span>", N_("Student's task")),
    (_LABEL + " ", N_("Grade cell:")),
    (_LABEL + " ", N_("Task:")),
    (_BOLD, N_("Comments:")),
    (_TOP, N_("(Top)")),
    (_LATE, N_("Late submission penalty")),
)
"""The words nbgrader's feedback template writes around the notebook, each with the markup
around it there, so only the template's own words are translated, never a learner's."""

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
        for around, label in LABELS:
            html_text = html_text.replace(around.format(label), around.format(_(label)))
        html_text = _SCORE.sub(_score, html_text)
        tag = f'<html lang="{language}"'  # i18n: not shown
        html_text = re.sub(r"<html(?![^>]*\blang=)", tag, html_text, count=1)
    return html_text


def _score(match: re.Match[str]) -> str:
    if match.group(4) is not None:
        return "(" + _("Score: -{points}").format(points=digits(match.group(4))) + ")"
    return _("Score: {got} / {most}").format(
        got=match.group(1) + digits(match.group(2)), most=digits(match.group(3))
    )
