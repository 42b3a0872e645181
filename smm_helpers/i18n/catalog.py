"""The helpers' message catalog: extract, update, compile and check, with Babel.

The standard gettext workflow, in one command that needs no options to remember::

    python -m smm_helpers.i18n.catalog extract   # smm_helpers/locale/smm_lab.pot from the code
    python -m smm_helpers.i18n.catalog update    # merge it into locale/bn/LC_MESSAGES/smm_lab.po
    python -m smm_helpers.i18n.catalog fill F.json  # write translations {English: Bengali}
    python -m smm_helpers.i18n.catalog compile   # build smm_lab.mo, which the package reads
    python -m smm_helpers.i18n.catalog check     # every message translated, none fuzzy, .mo current

It is the same as ``pybabel extract -F babel.cfg -k _ -k N_ -k ngettext:1,2 -o
smm_helpers/locale/smm_lab.pot .``, ``pybabel update`` and ``pybabel compile``.  The ``.po``
files are the translations, in the repository; the ``.mo`` files are built from them and
committed too, so an installed package works without a build step (``check`` fails when a
``.mo`` is out of date).

Marking text in code: ``_("…")`` (``from smm_helpers.i18n import gettext as _``) for text
shown now; ``N_("…")`` for a module constant translated when shown; placeholders by name
(``_("{count} posts").format(count=n)``), never f-strings, so the translator sees the whole
sentence and may reorder it.

>>> messages = extracted_messages()
>>> any("How to fix it" in message for message in messages)
True
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from smm_helpers.i18n.messages import DOMAIN, LOCALE_DIR

ROOT = LOCALE_DIR.parents[1]
"""The repository (or source) folder holding ``babel.cfg`` and ``smm_helpers/``."""

TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
TRANSLATED = ("bn",)
KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2)}
HEADER = (
    "# SMM Lab's messages in {language}: check verdicts and hints, errors, widgets, charts,\n"
    "# the client report and the command line. Keep every {{placeholder}} as it is.\n"
    "# Update and build with: python -m smm_helpers.i18n.catalog update / compile"
)
PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)(?:[:!][^{}]*)?\}(?!\})")


def po_path(language: str) -> Path:
    """The translation catalog of ``language``."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract_catalog() -> Any:
    """Every marked message in the package's code and templates, as a Babel catalog."""
    from babel.messages.catalog import Catalog  # heavy: loaded on first use
    from babel.messages.extract import extract_from_dir  # heavy: loaded on first use

    method_map, options_map = _babel_config()
    catalog = Catalog(
        project="SMM Lab",
        version="1",
        msgid_bugs_address="the SMM Lab issue tracker",
        charset="utf-8",
        fuzzy=False,
    )
    for filename, lineno, message, comments, context in extract_from_dir(
        str(ROOT),
        method_map,
        options_map,
        keywords=KEYWORDS,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def extracted_messages(only: Sequence[str] = ()) -> set[str]:
    """The message ids the code marks (plural messages by their singular), optionally only
    those from files whose path starts with one of ``only``."""
    return {
        m.id if isinstance(m.id, str) else m.id[0]
        for m in extract_catalog()
        if m.id
        and (
            not only
            or any(str(f).replace("\\", "/").startswith(tuple(only)) for f, _ in m.locations)
        )
    }


def extract() -> Path:
    """Write the template ``smm_lab.pot``; return its path."""
    from babel.messages.pofile import write_po  # heavy: loaded on first use

    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    with TEMPLATE.open("wb") as handle:
        write_po(handle, extract_catalog(), width=100, sort_by_file=True, omit_header=True)
    return TEMPLATE


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock while a catalog is read, changed and written (several people
    or processes may update one catalog at once; each sees the other's work)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with (path.parent / f".{path.name}.lock").open("w") as lock:
        try:
            import fcntl  # optional: Unix only
        except ImportError:  # pragma: no cover - Windows: no lock, one writer at a time
            yield
            return
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def update(language: str) -> Path:
    """Merge the code's messages into ``language``'s catalog (new ones empty, changed fuzzy)."""
    with _locked(po_path(language)):
        return _update(language)


def fill(language: str, translations: dict[str, str]) -> list[str]:
    """Write translations (English → translation) into the catalog; return the ids not found.

    A filled entry loses its fuzzy flag: filling it is the translator's check.
    """
    from babel.messages.pofile import read_po, write_po  # heavy: loaded on first use

    path = po_path(language)
    with _locked(path):
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=language)
        wanted = {
            unicodedata.normalize("NFC", k): unicodedata.normalize("NFC", v)
            for k, v in translations.items()
        }
        for message in catalog:
            key = message.id if isinstance(message.id, str) else message.id[0]
            if key in wanted:
                message.string = (
                    wanted[key]
                    if isinstance(message.id, str)
                    else (wanted[key], wanted.get(message.id[1], wanted[key]))
                )
                message.flags.discard("fuzzy")
                message.previous_id = []
        missing = [k for k in wanted if k not in catalog]
        with path.open("wb") as handle:
            write_po(handle, catalog, width=100, sort_by_file=True, include_previous=True)
    return missing


def _update(language: str) -> Path:
    from babel.messages.catalog import Catalog  # heavy: loaded on first use
    from babel.messages.pofile import read_po, write_po  # heavy: loaded on first use

    path = po_path(language)
    if path.is_file():
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=language)
    else:
        catalog = Catalog(
            locale=language,
            project="SMM Lab",
            version="1",
            fuzzy=False,
            charset="utf-8",
            language_team=f"SMM Lab ({language})",
            last_translator="SMM Lab contributors",
            msgid_bugs_address="the SMM Lab issue tracker",
        )
    catalog.header_comment = HEADER.format(language=language)
    created = catalog.creation_date
    catalog.update(extract_catalog(), update_header_comment=False)
    catalog.creation_date = catalog.revision_date = created  # stable files: no date churn
    catalog.obsolete.clear()  # messages the code no longer has are dropped, not kept
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, sort_by_file=True, include_previous=True)
    return path


def compiled(language: str) -> bytes:
    """The ``.mo`` bytes of ``language``'s catalog (fuzzy entries left out, as msgfmt does)."""
    from babel.messages.mofile import write_mo  # heavy: loaded on first use
    from babel.messages.pofile import read_po  # heavy: loaded on first use

    with po_path(language).open("rb") as handle:
        catalog = read_po(handle, locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def compile_catalog(language: str) -> Path:
    """Write ``smm_lab.mo`` beside the ``.po``; return its path."""
    path = po_path(language).with_suffix(".mo")
    with _locked(po_path(language)):
        path.write_bytes(compiled(language))
    return path


def problems(language: str, only: Sequence[str] = ()) -> list[str]:
    """What keeps ``language``'s catalog from being complete and current (empty when it is).

    ``only`` limits the check to messages found in source files whose path starts with one
    of its entries (e.g. ``["smm_helpers/report/"]``), for work on one area at a time.
    """
    from babel.messages.pofile import read_po  # heavy: loaded on first use

    path = po_path(language)
    if not path.is_file():
        return [f"there is no catalog at {path}: run python -m smm_helpers.i18n.catalog update"]
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    found = []
    have = {m.id if isinstance(m.id, str) else m.id[0]: m for m in catalog if m.id}
    for message_id in sorted(extracted_messages(only)):
        entry = have.get(message_id)
        if entry is None:
            found.append(f"not in the catalog: {message_id!r}")
        elif entry.fuzzy:
            found.append(f"fuzzy (check it, then remove the flag): {message_id!r}")
        elif not _translated(entry.string):
            found.append(f"not translated: {message_id!r}")
        else:
            found += _placeholder_problems(message_id, entry.string)
    mo = path.with_suffix(".mo")
    if not only and (not mo.is_file() or mo.read_bytes() != compiled(language)):
        found.append(f"{mo} is out of date: run python -m smm_helpers.i18n.catalog compile")
    return found


def _translated(string: object) -> bool:
    parts = string if isinstance(string, (tuple, list)) else (string,)
    return all(str(part or "").strip() for part in parts)


def _placeholder_problems(message_id: str, string: object) -> list[str]:
    """A translation must use exactly the placeholders its English uses.

    >>> _placeholder_problems("{count} posts", "{count}টি পোস্ট")
    []
    >>> _placeholder_problems("{count} posts", "{n}টি পোস্ট")
    ["placeholders differ in {count} posts: English {'count'}, translation {'n'}"]
    """
    parts = string if isinstance(string, (tuple, list)) else (string,)
    wanted = set(PLACEHOLDER.findall(message_id))
    found = []
    for part in parts:
        got = set(PLACEHOLDER.findall(str(part)))
        if got != wanted:
            found.append(
                f"placeholders differ in {message_id}: English {wanted or '{}'}, "
                f"translation {got or '{}'}"
            )
    return found


def _babel_config() -> tuple[list[tuple[str, str]], dict[str, dict[str, str]]]:
    from babel.messages.frontend import parse_mapping_cfg  # heavy: loaded on first use

    with (ROOT / "babel.cfg").open(encoding="utf-8") as handle:
        return parse_mapping_cfg(handle)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m smm_helpers.i18n.catalog extract|update|compile|check``."""
    parser = argparse.ArgumentParser(
        prog="python -m smm_helpers.i18n.catalog",
        description="Keep the helpers' translations in step.",
    )
    parser.add_argument("action", choices=("extract", "update", "fill", "compile", "check"))
    parser.add_argument(
        "file", nargs="?", type=Path, help="fill: a JSON file of {English: translation}"
    )
    parser.add_argument(
        "--only", nargs="*", default=[], help="check: only messages from files under these paths"
    )
    args = parser.parse_args(argv)
    if args.action == "extract":
        print(f"wrote {extract()}")
        return 0
    status = 0
    for language in TRANSLATED:
        if args.action == "update":
            print(f"updated {update(language)}")
        elif args.action == "fill":
            if args.file is None:
                parser.error("fill needs a JSON file of {English: translation}")
            missing = fill(language, json.loads(args.file.read_text(encoding="utf-8")))
            print(
                f"filled {po_path(language)}"
                + (f"; not in the catalog (run update first?): {missing[:5]}" if missing else "")
            )
            status = 1 if missing else status
        elif args.action == "compile":
            print(f"compiled {compile_catalog(language)}")
        else:
            found = problems(language, args.only)
            print(
                f"{language}: "
                + (
                    "complete"
                    if not found
                    else f"{len(found)} problems:\n  " + "\n  ".join(found[:40])
                )
            )
            status = status or (1 if found else 0)
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
