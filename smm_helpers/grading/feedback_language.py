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
lacks it; in an assignment released in English it changes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nbconvert.preprocessors import Preprocessor
from traitlets import Bool

from smm_helpers.grading.languages import released_language
from smm_helpers.i18n.assignments import catalog_path, is_text_cell
from smm_helpers.i18n.cell_catalog import nfc, read_catalog


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
