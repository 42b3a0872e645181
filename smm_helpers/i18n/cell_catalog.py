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
- Code cells may have entries too, but need not (``optional`` cells): a code cell without
  one is copied as it is.  Its translation must be the *same program* with only comments and
  string literals in the other language: :func:`program_difference` compares the two.

>>> cells = [("c1", "Hello"), ("c2", "Two words")]
>>> entries = updated({"c1": Entry("c1", "Hi", "হাই")}, cells)
>>> [(e.cell_id, e.text, e.fuzzy, e.previous) for e in entries]
[('c1', 'হাই', True, 'Hi'), ('c2', '', False, None)]
>>> problems(cells, {e.cell_id: e for e in entries})[1]
'cell c2 has no translation yet'
"""

from __future__ import annotations

import ast
import datetime
import re
import unicodedata
from collections.abc import Collection, Mapping, Sequence
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
    from babel.messages.pofile import read_po  # heavy: loaded on first use

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
            str(message.context),
            nfc(str(message.id)),
            nfc(str(message.string or "")),
            fuzzy=message.fuzzy,
            previous=previous,
        )
    return entries


def _previous_ids(text: str) -> dict[str, str]:
    r"""The ``#| msgid`` (old English) of each fuzzy entry, by context.

    Babel writes these lines but does not read them back when an entry has a context; it
    may put several quoted pieces on one line.

    >>> _previous_ids('#, fuzzy\n#| msgid ""\n#| "Old "\n#| "text"\nmsgctxt "c1"\nmsgid "New"\n')
    {'c1': 'Old text'}
    >>> _previous_ids('#| msgid "" "a\\n" "b \\"c\\"\\n"\n#| "d"\nmsgctxt "c2"\nmsgid "x"\n')
    {'c2': 'a\nb "c"\nd'}
    """
    from babel.messages.pofile import denormalize, unescape  # heavy: loaded on first use

    found = {}
    for block in text.split("\n\n"):
        lines = block.splitlines()
        old = " ".join(line[3:] for line in lines if line.startswith("#| "))
        context = [line for line in lines if line.startswith("msgctxt ")]
        if old and context:
            pieces = _QUOTED.findall(old.removeprefix("msgid "))
            found[denormalize(context[0].removeprefix("msgctxt "))] = "".join(
                unescape(piece) for piece in pieces
            )
    return found


_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')


def updated(
    old: Mapping[str, Entry],
    cells: Sequence[tuple[str, str]],
    *,
    optional: Collection[str] = frozenset(),
) -> list[Entry]:
    """The entries for English ``cells`` (cell id, text), in their order, keeping ``old``
    translations: unchanged ones as they are, changed ones fuzzy; new cells untranslated.

    Cells whose id is in ``optional`` (code cells) get an entry only when ``old`` has one:
    it is kept, or marked fuzzy when its English changed, like any other.

    >>> old = {"c2": Entry("c2", "x = 1  # one", "x = 1  # এক")}
    >>> [(e.cell_id, e.fuzzy) for e in updated(old, [("c1", "Hi"), ("c2", "x = 2  # two"),
    ...                                               ("c3", "y = 3")], optional={"c2", "c3"})]
    [('c1', False), ('c2', True)]
    """
    entries = []
    for cell_id, english in cells:
        before = old.get(cell_id)
        if before is None:
            if cell_id not in optional:
                entries.append(Entry(cell_id, english, ""))
        elif before.english == english:
            entries.append(before)
        else:
            entries.append(
                Entry(
                    cell_id,
                    english,
                    before.text,
                    fuzzy=bool(before.text),
                    previous=before.previous or before.english,
                )
            )
    return entries


def write_catalog(
    path: Path,
    kind: str,
    name: str,
    language: str,
    entries: Sequence[Entry],
    *,
    how_to_build: str,
    notes: Mapping[str, str] | None = None,
    header_note: str = "",
) -> None:
    """Write entries as a ``.po`` file in notebook order (Babel's writer, stable output).

    ``kind`` and ``name`` say what notebook it translates ("lesson", "03-platforms");
    ``how_to_build`` is the command the header tells translators to run.  ``notes`` (by cell
    id) are written as ``#.`` comments above entries, for the translator; ``header_note`` is
    one more line of the header comment.
    """
    from babel.messages.catalog import Catalog  # heavy: loaded on first use
    from babel.messages.pofile import write_po  # heavy: loaded on first use

    created = _created(path)
    catalog = Catalog(
        locale=language,
        project=f"SMM Lab {kind} {name}",
        version="1",
        fuzzy=False,
        charset="utf-8",
        creation_date=created,
        revision_date=created,
        msgid_bugs_address="the SMM Lab issue tracker",
        last_translator="SMM Lab contributors",
        language_team=f"SMM Lab ({language})",
        header_comment=(
            f"# {name} in {language}: one entry per markdown cell of the "
            f"English {kind}.\n# msgctxt is the "
            "cell id, msgid its English; write msgstr as a good teacher would "
            f"say it.\n# Build with: {how_to_build}" + (f"\n# {header_note}" if header_note else "")
        ),
    )
    notes = notes or {}
    for entry in entries:
        flags = ("fuzzy",) if entry.fuzzy else ()
        previous = [entry.previous] if entry.fuzzy and entry.previous else []
        note = notes.get(entry.cell_id)
        message = catalog.add(
            entry.english,
            string=entry.text,
            context=entry.cell_id,
            flags=flags,
            previous_id=previous,
            auto_comments=[note] if note else (),
        )
        # Babel flags any text holding "%" or "{...}" as a Python format string; a cell is
        # not one, and the flag makes `msgfmt --check` reject a translation of "89%".
        message.flags.discard("python-format")
        message.flags.discard("python-brace-format")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(
            handle,
            catalog,
            width=0,
            omit_header=False,
            sort_output=False,
            include_previous=True,
            include_lineno=False,
        )


def _created(path: Path) -> Any:
    """The catalog's creation date: kept from the existing file, else now (stable output)."""
    from babel.messages.pofile import read_po  # heavy: loaded on first use

    if path.is_file():
        with path.open("rb") as handle:
            return read_po(handle).creation_date
    return datetime.datetime.now(datetime.UTC).replace(second=0, microsecond=0)


def problems(
    cells: Sequence[tuple[str, str]],
    entries: Mapping[str, Entry],
    *,
    optional: Collection[str] = frozenset(),
) -> list[str]:
    """What keeps ``entries`` from translating every one of the English ``cells``.

    A cell in ``optional`` (a code cell) may have no entry; when it has one, the entry must
    be complete like any other, and be the same program as the English
    (:func:`program_difference`).

    >>> problems([("c1", "x = 1")], {"c1": Entry("c1", "x = 1", "x = 2")}, optional={"c1"})
    ... # doctest: +NORMALIZE_WHITESPACE
    ['cell c1 is not the same program as the English: line 1: `1` in English, `2` in the
      translation']
    """
    found = []
    for cell_id, english in cells:
        entry = entries.get(cell_id)
        if entry is None:
            if cell_id not in optional:
                found.append(f"cell {cell_id} is new in English and not in the catalog")
        elif entry.english != english:
            found.append(f"cell {cell_id} changed in English since it was translated")
        elif entry.fuzzy:
            found.append(
                f"cell {cell_id} is marked fuzzy: check the translation against "
                "the changed English, then remove the fuzzy flag"
            )
        elif not entry.text.strip():
            found.append(f"cell {cell_id} has no translation yet")
        elif cell_id in optional:
            difference = program_difference(english, entry.text)
            if difference:
                found.append(f"cell {cell_id} is not the same program as the English: {difference}")
    return found


def program_difference(english: str, translated: str) -> str | None:
    r"""The first way the ``translated`` code is not the same program as the ``english``.

    ``None`` when they are the same: equal syntax trees once every string literal (and each
    literal part of an f-string) is set aside.  So a translation may change comments and
    the text of strings, nothing else: names, numbers, calls, the placeholders of f-strings
    (with their conversions and format specs) and the order of everything must be equal.

    >>> program_difference('n = 3  # posts\nprint(f"{n} posts")',
    ...                    'n = 3  # পোস্ট\nprint(f"{n}টি পোস্ট")') is None
    True
    >>> program_difference('print(f"{n} posts")', 'print(f"পোস্ট")')
    "line 1: the string's placeholders are {n} in English, none in the translation"
    >>> program_difference('rate = 0.5', 'hat = 0.5')
    'line 1: `rate` in English, `hat` in the translation'
    >>> program_difference('x = 1', 'x = (1')
    "the translation does not parse: line 1: '(' was never closed"
    """
    try:
        english_tree = ast.parse(english)
    except SyntaxError as error:
        return f"the English does not parse: line {error.lineno}: {error.msg}"
    try:
        translated_tree = ast.parse(translated)
    except SyntaxError as error:
        return f"the translation does not parse: line {error.lineno}: {error.msg}"
    return _difference(english_tree, translated_tree, 1)


def _is_text(node: Any) -> bool:
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


def _placeholders(node: ast.AST) -> list[ast.FormattedValue]:
    if isinstance(node, ast.JoinedStr):
        return [part for part in node.values if isinstance(part, ast.FormattedValue)]
    return []


def _braces(placeholders: Sequence[ast.FormattedValue]) -> str:
    return " ".join("{" + _show(p.value) + "}" for p in placeholders) or "none"


def _show(node: Any) -> str:
    text = ast.unparse(node) if isinstance(node, ast.AST) else repr(node)
    return text if len(text) <= 60 else text[:57] + "..."


def _difference(english: Any, translated: Any, line: int) -> str | None:
    """The first difference of two syntax trees (strings set aside), or ``None``."""
    line = getattr(translated, "lineno", line)
    if _is_text(english) and _is_text(translated):
        ours, theirs = _placeholders(english), _placeholders(translated)
        if len(ours) != len(theirs):
            return (
                f"line {line}: the string's placeholders are {_braces(ours)} in English, "
                f"{_braces(theirs)} in the translation"
            )
        for mine, other in zip(ours, theirs, strict=True):
            found = _difference(mine.value, other.value, line)
            if found:
                return found
            if mine.conversion != other.conversion or (
                ast.dump(mine.format_spec) if mine.format_spec else None
            ) != (ast.dump(other.format_spec) if other.format_spec else None):
                return (
                    f"line {line}: the placeholder {{{_show(mine.value)}}} is formatted "
                    "differently (keep its !conversion and :format spec as they are)"
                )
        return None
    if type(english) is not type(translated):
        return (
            f"line {line}: `{_show(english)}` in English, `{_show(translated)}` in the translation"
        )
    if isinstance(english, list):
        for item, other_item in zip(english, translated, strict=False):
            found = _difference(item, other_item, line)
            if found:
                return found
        if len(english) != len(translated):
            extra = (english if len(english) > len(translated) else translated)[
                min(len(english), len(translated))
            ]
            where = "the English" if len(english) > len(translated) else "the translation"
            return f"line {getattr(extra, 'lineno', line)}: only {where} has `{_show(extra)}`"
        return None
    if not isinstance(english, ast.AST):
        return (
            None
            if english == translated
            else (f"line {line}: {english!r} in English, {translated!r} in the translation")
        )
    for field in english._fields:
        before, after = getattr(english, field, None), getattr(translated, field, None)
        if not isinstance(before, ast.AST | list) and before != after:
            return (
                f"line {line}: `{_show(english)}` in English, `{_show(translated)}` in "
                "the translation"
            )
        found = _difference(before, after, line)
        if found:
            return found
    return None
