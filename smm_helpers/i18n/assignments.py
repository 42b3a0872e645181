"""Translated assignments: a catalog per assignment notebook, applied to the released copy.

An assignment is one nbgrader source (``assignments/<assignment>/<notebook>.ipynb``): the
tests, the points and the gradebook are the English source's, for every class.  A class that
asks for Bengali (``smm-course release A --lang bn``) gets the same student version with its
instructions in Bengali:

- each markdown cell a learner reads (the instructor's text, not an answer cell) is one
  entry of ``assignments/.locales/<lang>/<assignment>/<notebook>.po``, keyed by cell id,
  kept in step with the English exactly as the lessons' catalogs are
  (:mod:`smm_helpers.i18n.cell_catalog`: a changed English cell makes its translation fuzzy);
- :func:`translate_release` rewrites the generated student notebook: the text cells from the
  catalog (with their nbgrader checksums recomputed, so ``nbgrader validate`` is content),
  and one ungraded code cell in front of the first code cell that chooses the language of
  the helpers' messages, hints and errors.

The folder starts with a dot so nbgrader and the Formgrader never take it for an assignment.
The tests' hints are translated in the package's message catalog (``babel.cfg`` extracts them
from the sources with :mod:`smm_helpers.i18n.notebook_hints`), and grading runs the tests
in the language the assignment was released in (:mod:`smm_helpers.grading.languages`).

>>> catalog_path(Path("assignments/02-policy/02-policy.ipynb"), "bn").as_posix()
'assignments/.locales/bn/02-policy/02-policy.po'
"""

from __future__ import annotations

import argparse
import copy
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import nbformat

from smm_helpers.errors import InputError
from smm_helpers.grading.course import source_assignments
from smm_helpers.grading.init import REPO
from smm_helpers.i18n import cell_catalog
from smm_helpers.i18n.cell_catalog import nfc, read_catalog, updated

LANGUAGES = ("bn",)
"""The languages assignments are translated into."""

LOCALES = ".locales"
"""Folder of the catalogs, inside the assignments' source folder."""

LANGUAGE_CELL = {
    "bn": (
        "# এই ঘরটি চালালে পরীক্ষার বার্তা, ইঙ্গিত (hint) আর ত্রুটির ব্যাখ্যা বাংলায় আসবে।\n"
        "# এই ঘরে কোনো নম্বর নেই; মুছে ফেললেও গ্রেডে কিছু বদলাবে না।\n"
        "from smm_helpers import use_language\n\n"
        'use_language("bn")\n'
        'print("ঠিক আছে: এখন থেকে বার্তা আর ইঙ্গিত বাংলায় দেখাবে।")'
    )
}
"""The ungraded code cell put in front of a translated assignment's first code cell."""

BUILD_COMMAND = "smm-course release ASSIGNMENT --lang LANG"


def catalog_path(notebook: Path, language: str) -> Path:
    """Where the catalog of a source ``notebook`` (``<source>/<assignment>/<nb>.ipynb``) in
    ``language`` lives."""
    assignment = notebook.parent
    return assignment.parent / LOCALES / language / assignment.name / f"{notebook.stem}.po"


def is_text_cell(cell: Any) -> bool:
    """Whether a cell is instructions a learner reads: markdown that is not an answer.

    >>> is_text_cell({"cell_type": "markdown", "metadata": {"nbgrader": {"locked": True}}})
    True
    >>> is_text_cell({"cell_type": "markdown", "metadata": {"nbgrader": {"solution": True}}})
    False
    >>> is_text_cell({"cell_type": "code", "metadata": {}})
    False
    """
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.get("cell_type") == "markdown" and not meta.get("solution")


def english_cells(notebook: Path) -> list[tuple[str, str]]:
    """The (cell id, text) of every text cell of an English source notebook, in order."""
    source = nbformat.read(notebook, as_version=4)
    return [(str(cell["id"]), nfc(cell.source)) for cell in source.cells if is_text_cell(cell)]


def update_catalog(notebook: Path, language: str) -> Path:
    """Bring the catalog of a source notebook in step with its English; return its path."""
    path = catalog_path(notebook, language)
    entries = updated(read_catalog(path), english_cells(notebook))
    cell_catalog.write_catalog(
        path,
        "assignment",
        f"{notebook.parent.name}/{notebook.stem}",
        language,
        entries,
        how_to_build=BUILD_COMMAND,
    )
    return path


def problems(notebook: Path, language: str) -> list[str]:
    """What keeps the catalog of a source notebook from being complete (empty when it is)."""
    path = catalog_path(notebook, language)
    if not path.is_file():
        return [f"there is no catalog at {path}"]
    return cell_catalog.problems(english_cells(notebook), read_catalog(path))


def translate_release(student: Any, notebook: Path, language: str) -> Any:
    """The generated student version ``student`` of source ``notebook`` in ``language``.

    Every text cell whose id is in the (complete) catalog gets its translation; a cell that
    is locked gets the checksum nbgrader would compute for it; the language cell goes in
    front of the first code cell.  Cells, ids, order, code and points are otherwise the
    student version's own.  Raises ``InputError`` when the catalog is not complete.
    """
    from nbgrader.utils import compute_checksum  # heavy: loaded on first use

    found = problems(notebook, language)
    if found:
        raise InputError(
            f"{notebook.parent.name}/{notebook.name}: the {language} translation is not "
            f"complete ({len(found)} problem{'s' if len(found) > 1 else ''}; first: "
            f"{found[0]})",
            fix=f"run python -m smm_helpers.i18n.assignments update {notebook.parent.name}, "
            f"translate what it lists in {catalog_path(notebook, language)}, then "
            "release again",
        )
    entries = read_catalog(catalog_path(notebook, language))
    translated = copy.deepcopy(student)
    cells: list[Any] = []
    for cell in translated.cells:
        entry = entries.get(str(cell.get("id"))) if is_text_cell(cell) else None
        if entry is not None:
            cell.source = entry.text
            meta = cell.metadata.get("nbgrader", {})
            if "checksum" in meta:
                meta["checksum"] = compute_checksum(cell)
        if cell.cell_type == "code" and not any(c.cell_type == "code" for c in cells):
            cells.append(nbformat.v4.new_code_cell(LANGUAGE_CELL[language]))
        cells.append(cell)
    translated.cells = cells
    return translated


def translate_folder(folder: Path, source: Path, language: str) -> list[Path]:
    """Translate, in place, the student notebooks nbgrader generated in ``folder`` from the
    assignment source folder ``source``; return the notebooks translated."""
    done = []
    for notebook in sorted(source.glob("*.ipynb")):
        student_path = folder / notebook.name
        if not student_path.is_file():
            continue
        student = nbformat.read(student_path, as_version=4)
        text = nbformat.writes(translate_release(student, notebook, language), version=4)
        student_path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        done.append(student_path)
    return done


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m smm_helpers.i18n.assignments update|check [ASSIGNMENT ...] [--lang bn]``."""
    parser = argparse.ArgumentParser(
        prog="python -m smm_helpers.i18n.assignments",
        description="Keep the translated assignments in step.",
    )
    parser.add_argument("action", choices=("update", "check"))
    parser.add_argument(
        "assignments", nargs="*", help="assignment folders such as 02-policy (default: every one)"
    )
    parser.add_argument("--lang", choices=LANGUAGES, default="bn")
    parser.add_argument(
        "--source",
        type=Path,
        default=REPO / "assignments",
        help="the assignments' source folder (default: the clone's)",
    )
    args = parser.parse_args(argv)
    chosen = args.assignments or source_assignments(args.source)
    status = 0
    for assignment in chosen:
        notebooks = sorted((args.source / assignment).glob("*.ipynb"))
        if not notebooks:
            print(f"{assignment}: no notebook in {args.source / assignment}")
            status = 1
        for notebook in notebooks:
            if args.action == "update":
                print(f"updated {update_catalog(notebook, args.lang)}")
                continue
            found = problems(notebook, args.lang)
            status = status or int(bool(found))
            print(
                f"{assignment}/{notebook.stem}: "
                + (
                    "; ".join(found[:5])
                    + (f" (and {len(found) - 5} more)" if len(found) > 5 else "")
                    if found
                    else "complete"
                )
            )
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
