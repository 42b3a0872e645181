"""The language each assignment was released in: ``languages.csv`` in the course folder.

``smm-course release A --lang bn`` records ``A,bn``; releasing again in English records
``A,en``.  Grading and feedback read it, so a class that got its instructions in Bengali has
its tests' messages, hints and feedback in Bengali — the same tests and the same points.  The
language is the instructor's record, never anything a submission says.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> released_language(folder, "02-policy")
'en'
>>> record_language(folder, "02-policy", "bn"); record_language(folder, "01-x", "en")
>>> released_language(folder, "02-policy")
'bn'
>>> print((folder / LANGUAGES_FILE).read_text(encoding="utf-8"), end="")
assignment,language
01-x,en
02-policy,bn
>>> import shutil; shutil.rmtree(folder)
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from pathlib import Path

from smm_helpers.errors import DataError

LANGUAGES_FILE = "languages.csv"
COLUMNS = ("assignment", "language")
KNOWN = ("en", "bn")
"""The languages a course can release an assignment in."""


def read_languages(folder: Path) -> dict[str, str]:
    """assignment → language from ``folder/languages.csv`` (empty when there is none)."""
    path = Path(folder) / LANGUAGES_FILE
    if not path.is_file():
        return {}
    text = path.read_text(encoding="utf-8-sig")
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise DataError(
            f"the header is {','.join(reader.fieldnames or [])!r}, not {','.join(COLUMNS)!r}",
            file=str(path),
            line=1,
            fix="keep the header the release command writes: " + ",".join(COLUMNS),
        )
    found: dict[str, str] = {}
    for line, row in enumerate(reader, start=2):
        assignment = (row.get("assignment") or "").strip()
        language = (row.get("language") or "").strip()
        if not assignment:
            continue
        if language not in KNOWN:
            raise DataError(
                f"{language!r} is not a language SMM Lab releases in",
                file=str(path),
                line=line,
                column="language",
                fix=f"use one of {', '.join(KNOWN)}, or release the assignment "
                "again with smm-course release ASSIGNMENT --lang LANG",
            )
        found[assignment] = language
    return found


def released_language(folder: Path, assignment: str) -> str:
    """The language ``assignment`` was last released in ("en" if never recorded)."""
    return read_languages(folder).get(assignment, "en")


def record_language(folder: Path, assignment: str, language: str) -> None:
    """Record that ``assignment`` was released in ``language`` (the file is replaced whole,
    so a reader never sees half of it)."""
    if language not in KNOWN:
        raise DataError(
            f"{language!r} is not a language SMM Lab releases in",
            fix=f"use one of {', '.join(KNOWN)}",
        )
    rows = read_languages(folder)
    rows[assignment] = language
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(sorted(rows.items()))
    folder = Path(folder)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".languages-", suffix=".csv")
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        file.write(out.getvalue())
    os.replace(temporary, folder / LANGUAGES_FILE)
