"""A notebook's translation catalog: one gettext entry per cell, keyed by the cell's id.

This is how documentation projects keep translations in step (Sphinx's and Jupyter Book's
i18n): the English notebook is the source; each cell to translate is one message of a
``.po`` file, with the cell's id as the message context and its English text as the message
id; the translator writes the message string.  Lessons (:mod:`smm_helpers.i18n.lessons`)
and assignments (:mod:`smm_helpers.i18n.assignments`) both keep their catalogs this way.

- :func:`updated` brings entries in step with the English cells: new cells get an empty
  translation, a cell whose English changed keeps its old translation marked **fuzzy**, with
  the old English beside it (``#| msgid``) so the translator sees what changed, and cells
  that are gone are dropped.
- :func:`problems` lists what keeps a catalog from being complete.

>>> cells = [("c1", "Hello"), ("c2", "Two words")]
>>> entries = updated({"c1": Entry("c1", "Hi", "হাই")}, cells)
>>> [(e.cell_id, e.text, e.fuzzy, e.previous) for e in entries]
[('c1', 'হাই', True, 'Hi'), ('c2', '', False, None)]
>>> problems(cells, {e.cell_id: e for e in entries})[1]
'cell c2 has no translation yet'
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Entry:
    """One cell's translation: cell id, English, translation, and whether fuzzy."""

    cell_id: str
    english: str
    text: str
    fuzzy: bool = False
    previous: str | None = None


def nfc(text: str) -> str:
    """``text`` in Unicode normal form C (how every translated text is compared)."""
    return unicodedata.normalize("NFC", text)


def read_catalog(path: Path) -> dict[str, Entry]:
    """The entries of a cell catalog, by cell id (empty if the file does not exist)."""
    from babel.messages.pofile import read_po

    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        catalog = read_po(handle, abort_invalid=True)
    previous_ids = _previous_ids(path.read_text(encoding="utf-8"))
    entries = {}
    for message in catalog:
        if not message.id or message.context is None:
            continue
        previous = previous_ids.get(str(message.context))
        entries[str(message.context)] = Entry(
            str(message.context), nfc(str(message.id)), nfc(str(message.string or "")),
            fuzzy=message.fuzzy, previous=previous)
    return entries


def _previous_ids(text: str) -> dict[str, str]:
    r"""The ``#| msgid`` (old English) of each fuzzy entry, by context.

    Babel writes these lines but does not read them back when an entry has a context.

    >>> _previous_ids('#, fuzzy\n#| msgid ""\n#| "Old "\n#| "text"\nmsgctxt "c1"\nmsgid "New"\n')
    {'c1': 'Old text'}
    """
    from babel.messages.pofile import denormalize

    found = {}
    for block in text.split("\n\n"):
        lines = block.splitlines()
        old = [line[3:] for line in lines if line.startswith("#| ")]
        context = [line for line in lines if line.startswith("msgctxt ")]
        if old and context:
            old[0] = old[0].removeprefix("msgid ")
            found[denormalize(context[0].removeprefix("msgctxt "))] = denormalize(
                "\n".join(old))
    return found


def updated(old: Mapping[str, Entry], cells: Sequence[tuple[str, str]]) -> list[Entry]:
    """The entries for English ``cells`` (cell id, text), in their order, keeping ``old``
    translations: unchanged ones as they are, changed ones fuzzy; new cells untranslated."""
    entries = []
    for cell_id, english in cells:
        before = old.get(cell_id)
        if before is None:
            entries.append(Entry(cell_id, english, ""))
        elif before.english == english:
            entries.append(before)
        else:
            entries.append(Entry(cell_id, english, before.text, fuzzy=bool(before.text),
                                 previous=before.previous or before.english))
    return entries


def write_catalog(path: Path, kind: str, name: str, language: str, entries: Sequence[Entry],
                  *, how_to_build: str) -> None:
    """Write entries as a ``.po`` file in notebook order (Babel's writer, stable output).

    ``kind`` and ``name`` say what notebook it translates ("lesson", "03-platforms");
    ``how_to_build`` is the command the header tells translators to run.
    """
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    created = _created(path)
    catalog = Catalog(
        locale=language, project=f"SMM Lab {kind} {name}", version="1",
        fuzzy=False, charset="utf-8", creation_date=created, revision_date=created,
        msgid_bugs_address="the SMM Lab issue tracker",
        last_translator="SMM Lab contributors", language_team=f"SMM Lab ({language})",
        header_comment=(f"# {name} in {language}: one entry per markdown cell of the "
                        f"English {kind}.\n# msgctxt is the "
                        "cell id, msgid its English; write msgstr as a good teacher would "
                        f"say it.\n# Build with: {how_to_build}"),
    )
    for entry in entries:
        flags = ("fuzzy",) if entry.fuzzy else ()
        previous = [entry.previous] if entry.fuzzy and entry.previous else []
        message = catalog.add(entry.english, string=entry.text, context=entry.cell_id,
                              flags=flags, previous_id=previous)
        # Babel flags any text holding "%" as a Python format string; lesson prose is not
        # one, and the flag makes `msgfmt --check` reject a translation of "89%".
        message.flags.discard("python-format")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=0, omit_header=False, sort_output=False,
                 include_previous=True, include_lineno=False)


def _created(path: Path) -> Any:
    """The catalog's creation date: kept from the existing file, else now (stable output)."""
    import datetime

    from babel.messages.pofile import read_po

    if path.is_file():
        with path.open("rb") as handle:
            return read_po(handle).creation_date
    return datetime.datetime.now(datetime.UTC).replace(second=0, microsecond=0)


def problems(cells: Sequence[tuple[str, str]], entries: Mapping[str, Entry]) -> list[str]:
    """What keeps ``entries`` from translating every one of the English ``cells``."""
    found = []
    for cell_id, english in cells:
        entry = entries.get(cell_id)
        if entry is None:
            found.append(f"cell {cell_id} is new in English and not in the catalog")
        elif entry.english != english:
            found.append(f"cell {cell_id} changed in English since it was translated")
        elif entry.fuzzy:
            found.append(f"cell {cell_id} is marked fuzzy: check the translation against "
                         "the changed English, then remove the fuzzy flag")
        elif not entry.text.strip():
            found.append(f"cell {cell_id} has no translation yet")
    return found
