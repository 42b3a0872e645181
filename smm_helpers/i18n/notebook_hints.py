"""A Babel extractor for the hints and messages of an assignment's tests, so they are
translated too.

An assignment's test cells call the checks of :mod:`smm_helpers.checks.asserts` with a
``hint="..."``, and ``expect_true`` with a message; a check shows ``_(hint)`` and
``_(message)``, so they are translated when the package's catalog holds them.  (A message
built with an f-string cannot be: its words are only known once it has run.)

``babel.cfg`` runs this extractor on the assignments' source notebooks, so ``python -m
smm_helpers.i18n.catalog update`` adds every hint and message as a message to translate
(hidden tests' too: what a hidden test says when it fails is what a learner reads).

>>> import io, json
>>> cell = {"cell_type": "code", "metadata": {"nbgrader": {"grade": True}},
...         "source": ["x = 1\\n", "expect_true(x, 'x', 'It is empty.', hint='Count first.')"]}
>>> notebook = io.BytesIO(json.dumps({"cells": [cell]}).encode())
>>> list(extract(notebook, (), (), {}))
[(2, None, 'Count first.', []), (2, None, 'It is empty.', [])]
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

_MAGIC = re.compile(r"^\s*[%!].*$", re.MULTILINE)


def extract(
    fileobj: IO[bytes],
    keywords: Collection[str],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[tuple[int, None, str, list[str]]]:
    """Babel's extraction method: (line, function, message, comments) for every string
    given as ``hint=`` or ``message=``, or as a sentence among the other arguments of a check
    (``expect_*``), in a graded code cell; lines count through the notebook's cells."""
    notebook = json.loads(fileobj.read().decode("utf-8"))
    first_line = 1
    for cell in notebook.get("cells", []):
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        graded = bool(cell.get("metadata", {}).get("nbgrader", {}).get("grade"))
        if cell.get("cell_type") == "code" and graded:
            yield from _hints(source, first_line)
        first_line += source.count("\n") + 1


def _hints(source: str, first_line: int) -> Iterator[tuple[int, None, str, list[str]]]:
    try:
        tree = ast.parse(_MAGIC.sub("", source))
    except SyntaxError:
        return
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and _name(node.func).startswith("expect_")):
            continue
        given = [k.value for k in node.keywords if k.arg in ("hint", "message")]
        given += [
            a
            for a in node.args[1:]
            if isinstance(a, ast.Constant) and isinstance(a.value, str) and " " in a.value.strip()
        ]
        for value in given:
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                yield first_line + value.lineno - 1, None, value.value, []


def _name(function: ast.expr) -> str:
    return getattr(function, "id", "") or getattr(function, "attr", "")
