"""The helpers' messages in Bengali: a complete catalog, and no learner-facing text left out.

- The Bengali catalog holds every message the code marks, none empty or fuzzy, each with the
  English's placeholders, and its compiled ``.mo`` is current (what an installed package reads).
- ``use_language("bn")`` switches the messages; English stays the default.
- In the modules already translated (``TRANSLATED``), no English sentence reaches a learner
  without going through the translation function: a string literal of two or more words
  must sit inside ``_()``, ``N_()`` or ``ngettext()``, be a docstring (of a module, class,
  function or attribute), or carry the comment
  ``# i18n: not shown`` on its line, or where an expression holding it ends (for text no
  learner sees: logs, CSS, regexes).
"""

from __future__ import annotations

import ast
import itertools
import re
from pathlib import Path

import pytest

from smm_helpers import use_language
from smm_helpers.errors import DataError, InputError
from smm_helpers.i18n import catalog
from smm_helpers.i18n.messages import current_language

ROOT = Path(__file__).resolve().parents[1]
TRANSLATED = [
    "smm_helpers/errors.py",
    "smm_helpers/plots/*.py",
    "smm_helpers/fonts.py",
    "smm_helpers/schema.py",
    "smm_helpers/demo.py",
    "smm_helpers/budget/*.py",
    "smm_helpers/ethics/*.py",
    "smm_helpers/community/*.py",
    "smm_helpers/platforms/*.py",
    "smm_helpers/widgets/*.py",
    "smm_helpers/report/*.py",
    "smm_helpers/site/*.py",
    "smm_helpers/checks/**/*.py",
    "smm_helpers/content/*.py",
    "smm_helpers/planning/*.py",
    "smm_helpers/metrics/*.py",
    "smm_helpers/inbox_model/*.py",
    "smm_helpers/exports/*.py",
    "smm_helpers/datasets/*.py",
    "smm_helpers/lab.py",
    "smm_helpers/cli.py",
    "smm_helpers/grading/learner.py",
    "smm_helpers/grading/hide_hidden_tests.py",
    "smm_helpers/grading/feedback_language.py",
    "smm_helpers/grading/sandbox/runner.py",
    "smm_helpers/vocabulary.py",
    "smm_helpers/output_folder.py",
]
"""Modules (globs) whose learner-facing text all goes through gettext."""

INSTRUCTORS_ONLY = ["smm_helpers/grading/**/*.py"]
"""The grading commands: their text is read by the instructor who runs them, in English.
What grading shows a learner is translated and checked like the rest: the grading modules in
``TRANSLATED`` (the learner id, the tests' runner, the feedback page's words)."""

NO_TEXT = ["smm_helpers/__init__.py", "smm_helpers/i18n/*.py", "smm_helpers/language.py"]
"""Modules with no learner-facing text of their own (the i18n machinery's command-line
output is for contributors)."""


def _modules(globs: list[str]) -> set[str]:
    return {p.relative_to(ROOT).as_posix() for pattern in globs for p in ROOT.glob(pattern)}


MARKERS = {"_", "N_", "gettext", "ngettext"}
WORDS = re.compile(r"[A-Za-z]{2,}\s+[A-Za-z]{2,}")


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    use_language("en")


def test_the_bengali_catalog_is_complete_and_compiled():
    found = catalog.problems("bn")
    assert not found, "\n".join(found[:30]) + (
        "\nrun: python -m smm_helpers.i18n.catalog update, translate, then compile"
    )


def test_messages_switch_language_and_english_is_the_default():
    assert current_language() == "en"
    english = str(DataError("x", fix="y", file="posts.csv", line=12, column="reach"))
    assert english == "posts.csv, line 12, column 'reach': x.\nHow to fix it: y."
    use_language("bn")
    bengali = str(DataError("x", fix="y", file="posts.csv", line=12, column="reach"))
    assert bengali == "posts.csv, লাইন ১২, কলাম 'reach': x।\nকীভাবে ঠিক করবেন: y।"
    assert "কীভাবে ঠিক করবেন" in str(InputError("x", fix="y"))


def test_the_environment_chooses_the_language_when_no_notebook_did(monkeypatch):
    from smm_helpers import language

    monkeypatch.setattr(language, "_chosen", [])
    monkeypatch.setenv("SMM_LANG", "bn")
    assert current_language() == "bn"
    monkeypatch.setenv("SMM_LANG", "xx")
    assert current_language() == "en"


def _untranslated(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = path.read_text(encoding="utf-8").splitlines()
    inside: set[int] = set()
    docstrings: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name in MARKERS:
                inside |= {id(sub) for sub in ast.walk(node)}
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = getattr(node, "body", [])
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
            # attribute docstrings: a bare string right after an assignment documents it
            for before, after in itertools.pairwise(body):
                if (
                    isinstance(before, (ast.Assign, ast.AnnAssign))
                    and isinstance(after, ast.Expr)
                    and isinstance(after.value, ast.Constant)
                ):
                    docstrings.add(id(after.value))
    parents = {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}

    def marked(node: ast.AST) -> bool:
        """The marker is on the string's line, or where an expression holding it ends (where a
        formatter puts a comment after a bracket that spans several lines)."""
        while node is not None and not isinstance(node, (ast.stmt, ast.mod)):
            start = getattr(node, "lineno", None)
            ends = {start, getattr(node, "end_lineno", start)} - {None}
            if any("i18n: not shown" in lines[line - 1] for line in ends):
                return True
            node = parents.get(id(node))  # type: ignore[assignment]
        simple = (ast.Assign, ast.AnnAssign, ast.Expr, ast.Return)
        return isinstance(node, simple) and "i18n: not shown" in lines[node.end_lineno - 1]

    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and WORDS.search(node.value)
            and id(node) not in inside
            and id(node) not in docstrings
            and not marked(node)
        ):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value[:60]!r}")
    return found


def test_every_module_is_translated_or_for_instructors_only():
    every = {p.relative_to(ROOT).as_posix() for p in ROOT.glob("smm_helpers/**/*.py")}
    unlisted = sorted(every - _modules(TRANSLATED) - _modules(INSTRUCTORS_ONLY) - _modules(NO_TEXT))
    assert not unlisted, f"say whether these modules are translated: {unlisted}"


@pytest.mark.parametrize("module", sorted(_modules(TRANSLATED)))
def test_learner_facing_text_goes_through_the_translation_function(module):
    found = _untranslated(ROOT / module)
    assert not found, "wrap these in _() (or mark '# i18n: not shown'):\n" + "\n".join(found)
