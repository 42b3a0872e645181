"""Translated lessons: one gettext catalog per lesson, keyed by cell, builds the lesson in Bengali.

This is how documentation projects keep translations in step (Sphinx's and Jupyter Book's
i18n): the English notebook is the source; each of its markdown cells is one message of a
``.po`` catalog, with the cell's id as the message context and its English text as the
message id; the translator writes the message string.  The Bengali notebook is *built*
from the English notebook and the catalog: the same cells, the same code, the prose from
the catalog.

A code cell may have an entry too, when it shows the learner sentences of its own (an
f-string it prints, a chart's labels) or has comments to read: its message string is the
*same program* with its comments and learner-facing string literals translated.  Building
refuses one that differs in anything else (names, numbers, calls, f-string placeholders:
:func:`smm_helpers.i18n.cell_catalog.program_difference`).  Strings that are data (column
names, platform ids, dict keys, file names) stay as they are; running the built lesson is
the test of that.  A code cell without an entry is copied as it is; add one with
``update LESSON --code-cell CELL_ID``.

- ``update`` adds new markdown cells to a catalog, and marks a translation **fuzzy** when
  its English cell changed (the old English is kept beside it as ``#| msgid``, so the
  translator sees what changed); cells that are gone are dropped.  Code-cell entries are
  kept, made fuzzy and dropped the same way, but never added unasked.
- ``build`` writes ``lessons/<lang>/NN-slug.ipynb`` from a complete catalog.
- ``problems`` lists what stops a catalog being complete: a cell with no translation, a
  fuzzy one, one whose English changed since, or a built notebook that differs from the
  committed one.  The tests call it; so does ``python -m smm_helpers.i18n.lessons check``.

Catalogs live in ``lessons/locales/<lang>/NN-slug.po``; the built notebooks in
``lessons/<lang>/``.  Code cells are copied as they are or from their entry (the lesson's
first code cell gets one line in front that chooses the language of the helpers' messages),
and a line under the title links the glossary page.

>>> catalog_path(Path("lessons/03-platforms.ipynb"), "bn").as_posix()
'lessons/locales/bn/03-platforms.po'
>>> built_path(Path("lessons/03-platforms.ipynb"), "bn").as_posix()
'lessons/bn/03-platforms.ipynb'
"""

from __future__ import annotations

import argparse
import copy
import re
import sys
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

import nbformat

from smm_helpers.errors import InputError
from smm_helpers.i18n import cell_catalog
from smm_helpers.i18n.cell_catalog import Entry, nfc, read_catalog, updated
from smm_helpers.i18n.glossary import write_glossary_page
from smm_helpers.lab import LESSONS_DIR, lesson_files

LANGUAGES = ("bn",)
"""The languages lessons are translated into."""

LOCALES = "locales"
"""Folder of the catalogs, inside the lessons folder."""

OWN_PAGES = {"bn": ("glossary.md",)}
"""Pages that live in the translated lessons' own folder (links to them are not rewritten)."""

GLOSSARY_LINE = {
    "bn": "পরিভাষা: পাঠের প্রতিটি শব্দের ইংরেজি রূপ পাবেন [বাংলা–ইংরেজি পরিভাষা](glossary.md) পাতায়।"
}
"""Added under the title of every translated lesson: the link to the glossary page."""

LANGUAGE_LINE = {"bn": 'from smm_helpers import use_language; use_language("bn")'}
"""The line put in front of a translated lesson's first code cell."""

CODE_NOTE = (
    "code cell: translate only its comments and the sentences it shows; keep every "
    "name, number, call, f-string {placeholder} and data string (column names, "
    "platform ids, dict keys, file names) as it is"
)
"""The note above each code-cell entry of a catalog, for the translator."""

_RELATIVE_LINK = re.compile(r"\]\((?!https?:|mailto:|#|/|\.\./)([^)\s]+\.md(?:#[^)\s]*)?)\)")


def catalog_path(lesson: Path, language: str) -> Path:
    """Where the catalog of ``lesson`` in ``language`` lives."""
    return lesson.parent / LOCALES / language / f"{lesson.stem}.po"


def built_path(lesson: Path, language: str) -> Path:
    """Where the built lesson in ``language`` is written."""
    return lesson.parent / language / lesson.name


def english_cells(lesson: Path) -> list[tuple[str, str]]:
    """The (cell id, source) of every markdown cell of an English lesson, in order."""
    return [(cell_id, source) for cell_id, kind, source in _cells(lesson) if kind == "markdown"]


def code_cells(lesson: Path) -> list[tuple[str, str]]:
    """The (cell id, source) of every code cell of an English lesson, in order."""
    return [(cell_id, source) for cell_id, kind, source in _cells(lesson) if kind == "code"]


def _cells(lesson: Path) -> list[tuple[str, str, str]]:
    notebook = nbformat.read(lesson, as_version=4)
    return [
        (str(cell["id"]), cell.cell_type, nfc(cell.source))
        for cell in notebook.cells
        if cell.cell_type in ("markdown", "code")
    ]


def update_catalog(lesson: Path, language: str, *, add_code: Collection[str] = ()) -> Path:
    """Bring the catalog of ``lesson`` in step with the English; return its path.

    New markdown cells get an empty translation; a cell whose English changed keeps its old
    translation, marked fuzzy, with the old English as ``previous``; cells that are gone
    are dropped.  Code cells keep the entries they have (fuzzy when changed); the code cells
    named in ``add_code`` get a new, empty one to translate.
    """
    path = catalog_path(lesson, language)
    code = dict(code_cells(lesson))
    unknown = sorted(set(add_code) - set(code))
    if unknown:
        raise InputError(
            f"{lesson.name} has no code cell {', '.join(unknown)}",
            fix=f"give the id of one of its code cells: {', '.join(code)}",
        )
    old = read_catalog(path)
    old |= {
        cell_id: Entry(cell_id, code[cell_id], "") for cell_id in add_code if cell_id not in old
    }
    cells = [(cell_id, source) for cell_id, _, source in _cells(lesson)]
    entries = updated(old, cells, optional=set(code))
    write_catalog(path, lesson.stem, language, entries, code_cells=set(code))
    return path


def write_catalog(
    path: Path,
    lesson_id: str,
    language: str,
    entries: Sequence[Entry],
    *,
    code_cells: Collection[str] | None = None,
) -> None:
    """Write a lesson's catalog (see :func:`smm_helpers.i18n.cell_catalog.write_catalog`).

    Entries of ``code_cells`` (by default: the code cells of the English lesson the catalog
    belongs to, if it is there) carry a note on what may be translated in them.
    """
    if code_cells is None:
        lesson = path.parent.parent.parent / f"{lesson_id}.ipynb"
        code_cells = {cell_id for cell_id, _ in _code_cells_if_any(lesson)}
    cell_catalog.write_catalog(
        path,
        "lesson",
        lesson_id,
        language,
        entries,
        how_to_build="python -m smm_helpers.i18n.lessons build",
        notes={cell_id: CODE_NOTE for cell_id in code_cells},
        header_note=(
            "A code cell may have an entry too (add it with: update LESSON "
            "--code-cell ID): the same code, its comments and sentences translated."
        ),
    )


def _code_cells_if_any(lesson: Path) -> list[tuple[str, str]]:
    return code_cells(lesson) if lesson.is_file() else []


def build_notebook(lesson: Path, language: str) -> nbformat.NotebookNode:
    """The lesson in ``language``: the English notebook with each markdown cell translated,
    and each code cell that has an entry replaced by its translation.

    Raises ``InputError`` naming the lesson and cells when the catalog is not complete, and
    naming the lesson, the cell and the first difference when a translated code cell is not
    the same program as the English.
    """
    for cell_id, difference in code_differences(lesson, language):
        raise InputError(
            f"{lesson.name}, cell {cell_id}: the {language} code is not the same program as "
            f"the English: {difference}",
            fix=f"in {catalog_path(lesson, language)}, translate only the comments and the "
            "sentences of that cell's strings; keep every name, number, call and f-string "
            "placeholder as the English has it",
        )
    found = catalog_problems(lesson, language)
    if found:
        raise InputError(
            f"{lesson.name}: the {language} catalog is not complete ({len(found)} "
            f"problem{'s' if len(found) > 1 else ''}; first: {found[0]})",
            fix=f"run python -m smm_helpers.i18n.lessons update, then translate the cells "
            f"it lists in {catalog_path(lesson, language)}",
        )
    entries = read_catalog(catalog_path(lesson, language))
    notebook = nbformat.read(lesson, as_version=4)
    translated = copy.deepcopy(notebook)
    first_code = first_text = True
    for cell in translated.cells:
        if cell.cell_type == "markdown":
            cell.source = _relink(entries[str(cell["id"])].text, language)
            if first_text:
                title, _, rest = cell.source.partition("\n")
                cell.source = f"{title}\n\n{GLOSSARY_LINE[language]}\n{rest}".rstrip() + (
                    "\n" if cell.source.endswith("\n") else ""
                )
                first_text = False
        elif cell.cell_type == "code":
            entry = entries.get(str(cell["id"]))
            if entry is not None:
                cell.source = entry.text
            if first_code:
                cell.source = f"{LANGUAGE_LINE[language]}\n{cell.source}"
                first_code = False
    return translated


def code_differences(lesson: Path, language: str) -> list[tuple[str, str]]:
    """(cell id, first difference) of each translated code cell that is not the same program
    as its English cell (see :func:`smm_helpers.i18n.cell_catalog.program_difference`)."""
    entries = read_catalog(catalog_path(lesson, language))
    found = []
    for cell_id, english in code_cells(lesson):
        entry = entries.get(cell_id)
        if (
            entry is not None
            and entry.english == english
            and not entry.fuzzy
            and entry.text.strip()
        ):
            difference = cell_catalog.program_difference(english, entry.text)
            if difference:
                found.append((cell_id, difference))
    return found


def build(lesson: Path, language: str) -> Path:
    """Write the built lesson to ``lessons/<language>/``; return its path."""
    path = built_path(lesson, language)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_dumps(build_notebook(lesson, language)), encoding="utf-8")
    return path


def catalog_problems(lesson: Path, language: str) -> list[str]:
    """What keeps the catalog of ``lesson`` from being complete (empty when it is)."""
    path = catalog_path(lesson, language)
    if not path.is_file():
        return [f"there is no catalog at {path}"]
    every = _cells(lesson)
    code = {cell_id for cell_id, kind, _ in every if kind == "code"}
    return cell_catalog.problems(
        [(cell_id, source) for cell_id, _, source in every], read_catalog(path), optional=code
    )


def problems(lesson: Path, language: str) -> list[str]:
    """Catalog problems, plus a committed built lesson that differs from what it builds."""
    found = catalog_problems(lesson, language)
    built = built_path(lesson, language)
    if not found:
        if not built.is_file():
            found.append(f"{built} is not built yet")
        elif built.read_text(encoding="utf-8") != _dumps(build_notebook(lesson, language)):
            found.append(f"{built} differs from what its catalog builds: rebuild it")
    return found


def translated_lessons(lessons_dir: Path, language: str) -> list[Path]:
    """The English lessons that have a catalog in ``language``."""
    return [
        lesson for lesson in lesson_files(lessons_dir) if catalog_path(lesson, language).is_file()
    ]


def _relink(text: str, language: str = "bn") -> str:
    """Links to pages beside the English lessons (sources.md) point one folder up; links to
    pages of the translated edition itself (its glossary) stay as they are.

    >>> _relink("[a](sources.md#meta-views-2025) [b](glossary.md)")
    '[a](../sources.md#meta-views-2025) [b](glossary.md)'
    """
    own = set(OWN_PAGES.get(language, ()))

    def fix(match: re.Match[str]) -> str:
        target = match.group(1)
        return match.group(0) if target.split("#")[0] in own else f"](../{target})"

    return _RELATIVE_LINK.sub(fix, text)


def _dumps(notebook: Any) -> str:
    text = nbformat.writes(notebook, version=4)
    return text if text.endswith("\n") else text + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m smm_helpers.i18n.lessons update|build|check [LESSON ...] [--lang bn]``
    (``update LESSON --code-cell ID`` adds an entry for a code cell)."""
    parser = argparse.ArgumentParser(
        prog="python -m smm_helpers.i18n.lessons",
        description="Keep the translated lessons in step.",
    )
    parser.add_argument("action", choices=("update", "build", "check"))
    parser.add_argument(
        "lessons",
        nargs="*",
        help="lesson ids such as 03-platforms "
        "(default: every lesson that has a catalog; update: every lesson)",
    )
    parser.add_argument("--lang", choices=LANGUAGES, default="bn")
    parser.add_argument("--lessons-dir", type=Path, default=LESSONS_DIR)
    parser.add_argument(
        "--code-cell",
        action="append",
        default=[],
        metavar="ID",
        help="with update and one lesson: add an entry for this code cell",
    )
    args = parser.parse_args(argv)
    if args.code_cell and (args.action != "update" or len(args.lessons) != 1):
        parser.error("--code-cell goes with update and exactly one lesson")
    every = lesson_files(args.lessons_dir)
    if args.lessons:
        chosen = [lesson for lesson in every if lesson.stem in args.lessons]
    elif args.action == "update":
        chosen = every
    else:
        chosen = translated_lessons(args.lessons_dir, args.lang)
    status = 0
    if args.action == "build":
        print(f"built {write_glossary_page(args.lessons_dir / args.lang)}")
    for lesson in chosen:
        if args.action == "update":
            print(f"updated {update_catalog(lesson, args.lang, add_code=args.code_cell)}")
            continue
        found = (
            catalog_problems(lesson, args.lang)
            if args.action == "build"
            else problems(lesson, args.lang)
        )
        if found:
            status = 1
            print(
                f"{lesson.stem}: "
                + "; ".join(found[:5])
                + (f" (and {len(found) - 5} more)" if len(found) > 5 else "")
            )
        elif args.action == "build":
            print(f"built {build(lesson, args.lang)}")
        else:
            print(f"{lesson.stem}: in step")
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
