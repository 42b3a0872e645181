"""A Babel extractor for the hints of an assignment's tests, so they are translated too.

An assignment's test cells call the checks of :mod:`smm_helpers.checks.asserts` with a
``hint="..."``; the check shows ``_(hint)``, so a hint is translated when the package's
catalog holds it.  ``babel.cfg`` runs this extractor on the assignments' source notebooks, so
``python -m smm_helpers.i18n.catalog update`` adds every hint (visible and hidden tests
alike: a hidden test's hint is what a learner reads when it fails) as a message.

>>> import io, json
>>> cell = {"cell_type": "code", "metadata": {"nbgrader": {"grade": True}},
...         "source": ["x = 1\\n", "expect_true(x, 'x', hint='Count the posts first.')"]}
>>> notebook = io.BytesIO(json.dumps({"cells": [cell]}).encode())
>>> list(extract(notebook, (), (), {}))
[(2, None, 'Count the posts first.', [])]
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

_MAGIC = re.compile(r"^\s*[%!].*$", re.MULTILINE)


def extract(fileobj: IO[bytes], keywords: Collection[str], comment_tags: Collection[str],
            options: Mapping[str, Any]) -> Iterator[tuple[int, None, str, list[str]]]:
    """Babel's extraction method: (line, function, message, comments) for every string
    given as ``hint=`` in a graded code cell; lines count through the notebook's cells."""
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
        if (isinstance(node, ast.keyword) and node.arg == "hint"
                and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)):
            yield first_line + node.value.lineno - 1, None, node.value.value, []
