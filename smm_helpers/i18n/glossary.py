"""The course's glossary, Bengali ↔ English: data in ``data/glossary.csv``, a page for learners.

Every Bengali lesson uses the glossary's word for a term, with the English in brackets at its
first use, so the thirteen lessons agree.  The page ``lessons/bn/glossary.md`` (পরিভাষা) is
built from the CSV, sorted by the Bengali term, with an English index below it.

>>> terms = load_glossary()
>>> terms["engagement rate"].bn
'এনগেজমেন্ট রেট'
>>> len(terms) > 80
True
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

GLOSSARY_FILE = "glossary.csv"
PAGE_NAME = "glossary.md"


@dataclass(frozen=True)
class Term:
    """One glossary row: the English term, the Bengali the course uses, and a note for
    translators (what the term means or how to use it)."""

    en: str
    bn: str
    note: str = ""


@lru_cache(maxsize=1)
def load_glossary() -> dict[str, Term]:
    """The glossary by English term; names the line of an empty or repeated term."""
    from smm_helpers.errors import DataError

    text = (resources.files("smm_helpers") / "data" / GLOSSARY_FILE).read_text(encoding="utf-8")
    terms: dict[str, Term] = {}
    for line, row in enumerate(csv.DictReader(text.splitlines()), start=2):
        if None in row:
            raise DataError("the row has more fields than the header (en, bn, note)",
                            file=GLOSSARY_FILE, line=line,
                            fix="put a note that holds a comma in double quotes")
        en = " ".join((row.get("en") or "").split())
        bn = unicodedata.normalize("NFC", " ".join((row.get("bn") or "").split()))
        for column, value in (("en", en), ("bn", bn)):
            if not value:
                raise DataError(f"the {column} term is empty", file=GLOSSARY_FILE, line=line,
                                column=column, fix="fill in both the English and the Bengali")
        if en.casefold() in (key.casefold() for key in terms):
            raise DataError(f"{en!r} is in the glossary twice", file=GLOSSARY_FILE, line=line,
                            column="en", fix="keep one row per English term")
        terms[en] = Term(en, bn, (row.get("note") or "").strip())
    return terms


def glossary_page() -> str:
    """The glossary as a markdown page in Bengali (terms sorted by their Bengali spelling)."""
    terms = sorted(load_glossary().values(), key=lambda t: t.bn.strip('"“”'))
    lines = [
        "# পরিভাষা (Glossary)",
        "",
        "এই কোর্সের প্রতিটি বাংলা পাঠে একই শব্দ ব্যবহার করা হয়েছে। কোনো পরিভাষা প্রথমবার এলে "
        "পাশে বন্ধনীতে ইংরেজি শব্দটি থাকে; এখানে সব একসঙ্গে পাবেন।",
        "",
        "| বাংলা | English |",
        "|---|---|",
    ]
    lines += [f"| {_cell(t.bn)} | {_cell(t.en)} |" for t in terms]
    lines += ["", "## English → বাংলা", ""]
    lines += [f"- {t.en}: {t.bn}" for t in sorted(terms, key=lambda t: t.en.casefold())]
    return "\n".join(lines) + "\n"


def write_glossary_page(folder: Path) -> Path:
    """Write the glossary page into ``folder`` (``lessons/bn``); return its path."""
    path = folder / PAGE_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(glossary_page(), encoding="utf-8")
    return path


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
