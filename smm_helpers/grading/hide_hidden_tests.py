"""An nbconvert preprocessor that keeps hidden tests out of learners' feedback.

nbgrader 0.9's ``generate_feedback`` renders the *autograded* notebook, whose test cells
were restored from the source — hidden tests included — and whose failing cells carry a
traceback quoting the failing line.  ``HideHiddenTests`` removes every region between
``### BEGIN HIDDEN TESTS`` and ``### END HIDDEN TESTS`` and, in a cell that had such a
region, shortens each error to its last line (``AssertionError: ✗ Not yet (...) ...``): the
message written for the learner, without the code that produced it.

It is listed in ``course/nbgrader_config.py`` (``GenerateFeedback.preprocessors``), so
nbgrader's own ``nbgrader generate_feedback`` uses it as well as ``smm-course grade
feedback``.  This module is only imported by nbconvert when feedback is generated.
"""

from __future__ import annotations

from typing import Any

from nbconvert.preprocessors import Preprocessor
from traitlets import Bool

BEGIN = "BEGIN HIDDEN TESTS"  # i18n: not shown
END = "END HIDDEN TESTS"  # i18n: not shown


def strip_hidden(source: str) -> tuple[str, bool]:
    """Remove the hidden-test regions from a cell's source; say whether there were any.

    >>> strip_hidden("assert x > 0\\n### BEGIN HIDDEN TESTS\\nassert x == 42\\n"
    ...              "### END HIDDEN TESTS")
    ('assert x > 0', True)
    >>> strip_hidden("print(1)")
    ('print(1)', False)
    """
    kept: list[str] = []
    hiding = found = False
    for line in source.split("\n"):
        if BEGIN in line:
            hiding = found = True
        elif END in line:
            hiding = False
        elif not hiding:
            kept.append(line)
    return "\n".join(kept).rstrip("\n"), found


def _last_line(output: Any) -> list[str]:
    return [f"{output.get('ename', 'Error')}: {output.get('evalue', '')}"]


class HideHiddenTests(Preprocessor):
    """Remove hidden tests and their tracebacks from a notebook (see the module docstring)."""

    enabled = Bool(
        True,
        help="on unless switched off (nbconvert's default is off)",  # i18n: not shown
    ).tag(config=True)

    def preprocess_cell(self, cell: Any, resources: Any, index: int) -> tuple[Any, Any]:
        if cell.cell_type != "code":
            return cell, resources
        cell.source, had_hidden = strip_hidden(cell.source)
        if had_hidden:
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    output["traceback"] = _last_line(output)
        return cell, resources
