"""Translated lessons: one gettext catalog per lesson, keyed by cell, builds the lesson in Bengali.

This is how documentation projects keep translations in step (Sphinx's and Jupyter Book's
i18n): the English notebook is the source; each of its markdown cells is one message of a
``.po`` catalog, with the cell's id as the message context and its English text as the
message id; the translator writes the message string.  The Bengali notebook is *built*
from the English notebook and the catalog: the same cells, the same code, the prose from
the catalog.

- ``update`` adds new cells to a catalog, and marks a translation **fuzzy** when its English
  cell changed (the old English is kept beside it as ``#| msgid``, so the translator sees
  what changed); cells that are gone are dropped.
- ``build`` writes ``lessons/<lang>/NN-slug.ipynb`` from a complete catalog.
- ``problems`` lists what stops a catalog being complete: a cell with no translation, a
  fuzzy one, one whose English changed since, or a built notebook that differs from the
  committed one.  The tests call it; so does ``python -m smm_helpers.i18n.lessons check``.

Catalogs live in ``lessons/locales/<lang>/NN-slug.po``; the built notebooks in
``lessons/<lang>/``.  Code cells are copied as they are (the lesson's first code cell gets one
line in front that chooses the language of the helpers' messages), and a line under the
title links the glossary page.

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
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import nbformat

from smm_helpers.i18n import cell_catalog
from smm_helpers.i18n.cell_catalog import Entry, nfc, read_catalog, updated

LANGUAGES = ("bn",)
"""The languages lessons are translated into."""

LOCALES = "locales"
"""Folder of the catalogs, inside the lessons folder."""

OWN_PAGES = {"bn": ("glossary.md",)}
"""Pages that live in the translated lessons' own folder (links to them are not rewritten)."""

GLOSSARY_LINE = {"bn": "পরিভাষা: পাঠের প্রতিটি শব্দের ইংরেজি রূপ পাবেন [বাংলা–ইংরেজি পরিভাষা]"
                      "(glossary.md) পাতায়।"}
"""Added under the title of every translated lesson: the link to the glossary page."""

LANGUAGE_LINE = {"bn": 'from smm_helpers import use_language; use_language("bn")'}
"""The line put in front of a translated lesson's first code cell."""

_RELATIVE_LINK = re.compile(r"\]\((?!https?:|mailto:|#|/|\.\./)([^)\s]+\.md(?:#[^)\s]*)?)\)")


def catalog_path(lesson: Path, language: str) -> Path:
    """Where the catalog of ``lesson`` in ``language`` lives."""
    return lesson.parent / LOCALES / language / f"{lesson.stem}.po"


def built_path(lesson: Path, language: str) -> Path:
    """Where the built lesson in ``language`` is written."""
    return lesson.parent / language / lesson.name


def english_cells(lesson: Path) -> list[tuple[str, str]]:
    """The (cell id, source) of every markdown cell of an English lesson, in order."""
    notebook = nbformat.read(lesson, as_version=4)
    return [(str(cell["id"]), nfc(cell.source)) for cell in notebook.cells
            if cell.cell_type == "markdown"]


def update_catalog(lesson: Path, language: str) -> Path:
    """Bring the catalog of ``lesson`` in step with the English; return its path.

    New cells get an empty translation; a cell whose English changed keeps its old
    translation, marked fuzzy, with the old English as ``previous``; cells that are gone
    are dropped.
    """
    path = catalog_path(lesson, language)
    entries = updated(read_catalog(path), english_cells(lesson))
    write_catalog(path, lesson.stem, language, entries)
    return path


def write_catalog(path: Path, lesson_id: str, language: str, entries: Sequence[Entry]) -> None:
    """Write a lesson's catalog (see :func:`smm_helpers.i18n.cell_catalog.write_catalog`)."""
    cell_catalog.write_catalog(path, "lesson", lesson_id, language, entries,
                               how_to_build="python -m smm_helpers.i18n.lessons build")


def build_notebook(lesson: Path, language: str) -> nbformat.NotebookNode:
    """The lesson in ``language``: the English notebook with each markdown cell translated.

    Raises ``InputError`` naming the lesson and cells when the catalog is not complete.
    """
    from smm_helpers.errors import InputError

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
                    "\n" if cell.source.endswith("\n") else "")
                first_text = False
        elif cell.cell_type == "code" and first_code:
            cell.source = f"{LANGUAGE_LINE[language]}\n{cell.source}"
            first_code = False
    return translated


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
    return cell_catalog.problems(english_cells(lesson), read_catalog(path))


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
    from smm_helpers.lab import lesson_files

    return [lesson for lesson in lesson_files(lessons_dir)
            if catalog_path(lesson, language).is_file()]


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
    """``python -m smm_helpers.i18n.lessons update|build|check [LESSON ...] [--lang bn]``."""
    from smm_helpers.lab import LESSONS_DIR, lesson_files

    parser = argparse.ArgumentParser(prog="python -m smm_helpers.i18n.lessons",
                                     description="Keep the translated lessons in step.")
    parser.add_argument("action", choices=("update", "build", "check"))
    parser.add_argument("lessons", nargs="*", help="lesson ids such as 03-platforms "
                        "(default: every lesson that has a catalog; update: every lesson)")
    parser.add_argument("--lang", choices=LANGUAGES, default="bn")
    parser.add_argument("--lessons-dir", type=Path, default=LESSONS_DIR)
    args = parser.parse_args(argv)
    every = lesson_files(args.lessons_dir)
    if args.lessons:
        chosen = [lesson for lesson in every if lesson.stem in args.lessons]
    elif args.action == "update":
        chosen = every
    else:
        chosen = translated_lessons(args.lessons_dir, args.lang)
    status = 0
    if args.action == "build":
        from smm_helpers.i18n.glossary import write_glossary_page

        print(f"built {write_glossary_page(args.lessons_dir / args.lang)}")
    for lesson in chosen:
        if args.action == "update":
            print(f"updated {update_catalog(lesson, args.lang)}")
            continue
        found = catalog_problems(lesson, args.lang) if args.action == "build" else \
            problems(lesson, args.lang)
        if found:
            status = 1
            print(f"{lesson.stem}: " + "; ".join(found[:5])
                  + (f" (and {len(found) - 5} more)" if len(found) > 5 else ""))
        elif args.action == "build":
            print(f"built {build(lesson, args.lang)}")
        else:
            print(f"{lesson.stem}: in step")
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
