"""A Babel extractor for the platform table, so its texts are translated like the code's.

The built-in profiles are data (``profiles.toml``); a profile shows its name, units,
sources, notes and posting advice through ``_()``, so each must be a message of the
package's catalog.  ``babel.cfg`` runs :func:`extract` on the table, so ``python -m
smm_helpers.i18n.catalog update`` adds every such text as a message to translate.  The
texts no learner sees (ids, aliases, the audiences' source sentences) are not extracted.

>>> import io
>>> table = io.BytesIO('[sources]\\nhours = "course estimate"\\n'
...                    '[[platform]]\\nid = "threads"\\nname = "Threads"\\n'.encode())
>>> list(extract(table, (), (), {}))
[(2, None, 'course estimate', []), (5, None, 'Threads', [])]
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

from smm_helpers.platforms.table import TRANSLATED_KEYS

__all__ = ["extract", "translated_texts"]


def translated_texts(data: Mapping[str, Any]) -> Iterator[str]:
    """Every text of a parsed table that is shown translated, in file order.

    >>> list(translated_texts({"platform": [{"id": "x", "effort": {"value": 2,
    ...     "unit": "hours per week", "source_ref": "hours"}}]}))
    ['hours per week']
    """
    sources = data.get("sources", {})
    yield from (v for v in sources.values() if isinstance(v, str))
    for section in data.get("derive", {}).values():
        if isinstance(section, dict):
            yield from _texts(section)
    for platform in data.get("platform", []):
        if isinstance(platform, dict):
            yield from _texts(platform)


def _texts(table: Mapping[str, Any]) -> Iterator[str]:
    """The translated texts of a platform, a figure or a derivation (nested tables too)."""
    for key, value in table.items():
        if key in TRANSLATED_KEYS and isinstance(value, str) and value.strip():
            yield value
        elif isinstance(value, dict):
            yield from _texts(value)


def extract(
    fileobj: IO[bytes],
    keywords: Collection[str],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[tuple[int, None, str, list[str]]]:
    """Babel's extraction method: (line, function, message, comments) for every translated
    text of the table; a text's line is the first line that holds it."""
    text = fileobj.read().decode("utf-8")
    lines = text.splitlines()
    seen: set[str] = set()
    found: list[tuple[int, None, str, list[str]]] = []
    for message in translated_texts(tomllib.loads(text)):
        if message in seen:
            continue
        seen.add(message)
        quoted = json.dumps(message, ensure_ascii=False)
        line = next((i for i, row in enumerate(lines, start=1) if quoted in row), 1)
        found.append((line, None, message, []))
    yield from sorted(found, key=lambda item: item[0])
