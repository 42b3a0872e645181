"""The labelled inbox set: read it, check it, and name each message's variety.

``data/inbox_labelled.csv`` holds hand-written messages in English, Bengali script and
Banglish (Bengali in Latin letters), with ``text``, ``language`` (en/bn), ``script``
(bengali/latin), ``category``, ``urgency`` (0–3 where it matters, else blank), ``group``
(the message family: a hand-written message, its rewordings and typed copies), ``topic``
(neighbouring families across the three scripts, translations included) and ``split``
(train/test, drawn by topic, so no group or topic is in both).  ``build_set.py`` writes it.

>>> frame = load_labelled_set()
>>> len(frame) >= 2500, sorted(frame["variety"].unique())
(True, ['banglish', 'bn', 'en'])
>>> variety("bn", "latin"), variety("bn", "bengali"), variety("en", "latin")
('banglish', 'bn', 'en')
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from smm_helpers.errors import DataError
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.schema import LANGUAGES, MESSAGE_CATEGORIES

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FILE", "VARIETIES", "load_labelled_set", "variety"]

FILE = "inbox_labelled.csv"
"""The file name under ``smm_helpers/data/``."""

VARIETIES = ("en", "bn", "banglish")
"""English, Bengali in Bengali script, Bengali in Latin letters."""

_ALLOWED = {
    "language": LANGUAGES,
    "script": ("bengali", "latin"),
    "category": MESSAGE_CATEGORIES,
    "urgency": ("", "0", "1", "2", "3"),
    "split": ("train", "test"),
}
_COLUMNS = ("text", "language", "script", "category", "urgency", "group", "topic", "split")


def variety(language: str, script: str) -> str:
    """``en``, ``bn`` (Bengali script) or ``banglish`` (Bengali in Latin letters)."""
    if language == "bn":
        return "bn" if script == "bengali" else "banglish"
    return "en"


@lru_cache(maxsize=1)
def _rows() -> tuple[dict[str, str], ...]:
    path = resources.files("smm_helpers") / "data" / FILE
    reader = csv.DictReader(path.read_text(encoding="utf-8").splitlines())
    missing = [c for c in _COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise DataError(
            _("the labelled set has no column(s) {columns}").format(columns=", ".join(missing)),
            file=FILE,
            line=1,
            fix=_("rebuild it: python -m smm_helpers.inbox_model.build_set"),
        )
    rows = []
    for line, row in enumerate(reader, start=2):
        for column, allowed in _ALLOWED.items():
            if row[column] not in allowed:
                raise DataError(
                    _("{value} is not a known {column}").format(
                        value=repr(row[column]), column=column
                    ),
                    file=FILE,
                    line=line,
                    column=column,
                    fix=_("use one of: {choices}").format(
                        choices=", ".join(repr(a) for a in allowed)
                    ),
                )
        empty = [c for c in ("text", "group", "topic") if not row[c].strip()]
        if empty:
            column = empty[0]
            raise DataError(
                _("the {column} is empty").format(column=column),
                file=FILE,
                line=line,
                column=column,
                fix=_("every labelled message needs its text and its group"),
            )
        rows.append(dict(row))
    return tuple(rows)


def load_labelled_set() -> pd.DataFrame:
    """The labelled set as a new DataFrame, with a ``variety`` column added."""
    import pandas as pd  # heavy: loaded on first use

    frame = pd.DataFrame(list(_rows()), columns=list(_COLUMNS))
    frame["variety"] = [
        variety(lang, script)
        for lang, script in zip(frame["language"], frame["script"], strict=True)
    ]
    return frame
