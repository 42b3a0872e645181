"""Imports run one way: a lower module never imports, even inside a function, the one above it.

The graph is read from the source with ``ast``: every ``import`` and ``from ... import`` of
``smm_helpers`` modules, at the top of a module, inside functions and under
``TYPE_CHECKING`` alike, plus ``importlib.import_module("...")`` with a literal name.
Importing ``a.b.c`` first runs the package ``a.b``, so that counts as an import of the
package too (unless the importer lives in it).  A pair (lower, upper) holds when no chain
of imports leads from the lower module back to the upper one.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

ONE_WAY = [
    # calendar exports to .ics; the time helpers both need sit below both, in clock.
    ("smm_helpers.planning.ics", "smm_helpers.planning.calendar"),
    ("smm_helpers.planning.clock", "smm_helpers.planning.ics"),
    ("smm_helpers.planning.clock", "smm_helpers.planning.calendar"),
    # the report prints its HTML with pdf; pdf knows nothing of the report.
    ("smm_helpers.report.pdf", "smm_helpers.report.build"),
    # the word lists' loader serves the modules that use it, never the other way.
    ("smm_helpers.vocabulary", "smm_helpers.planning.goals"),
    # a plan is reviewed; the review knows nothing of how the plan is made.
    ("smm_helpers.planning.review", "smm_helpers.planning.plan"),
    # money is the unit an allocation counts in, not the other way round.
    ("smm_helpers.budget.money", "smm_helpers.budget.allocation"),
    # errors speak the chosen language; choosing it (use_language) may raise them.
    ("smm_helpers.language", "smm_helpers.errors"),
    ("smm_helpers.errors", "smm_helpers.i18n.messages"),
]
"""(lower, upper): no chain of imports may lead from ``lower`` to ``upper``."""

REASONS = {
    "heavy": "it loads a big library (pandas, babel, nbgrader...) the module does not need yet",
    "lazy": "it keeps a package or a command line quick: each part loads on first use",
    "optional": "it may be missing: an extra, or a platform's own module (Unix only)",
    "circle": "the module it names imports this one back (see KNOWN_CIRCLES)",
}
"""Why an import may stay inside a function, said at the start of its comment
(``# heavy: loaded on first use``).  Every other import goes at the top of the module."""

NOT_YET_REVIEWED: tuple[str, ...] = ()
"""Files (or folders, or name prefixes) the check of reasons leaves out; it only shrinks."""

KNOWN_CIRCLES: dict[tuple[str, str], str] = {}
"""Arrows (importer, imported) that still close a circle, each with its fix.  The check of
circles leaves out only these; once an arrow no longer closes one it must leave the list,
so the list only shrinks."""


def module_files(package_dir: Path) -> dict[str, Path]:
    """Every module below ``package_dir`` by dotted name (a package by its ``__init__``)."""
    base = package_dir.parent
    found = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = list(path.relative_to(base).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _imported_names(tree: ast.AST, name: str, is_package: bool) -> Iterable[str]:
    """The dotted names a module's source imports, anywhere in it."""
    package = name if is_package else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - (node.level - 1)]
                base = ".".join([*parts, node.module] if node.module else parts)
            else:
                base = node.module or ""
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield node.args[0].value


def import_graph(files: Mapping[str, Path]) -> dict[str, set[str]]:
    """Module → the modules (of ``files``) it imports, directly."""
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        own_packages = {name.rsplit(".", i)[0] for i in range(name.count(".") + 1)}
        targets: set[str] = set()
        for imported in _imported_names(tree, name, path.name == "__init__.py"):
            parts = imported.split(".")
            for i in range(1, len(parts) + 1):  # a.b.c runs the packages a and a.b first
                prefix = ".".join(parts[:i])
                if prefix in files and (prefix == imported or prefix not in own_packages):
                    targets.add(prefix)
        targets.discard(name)
        graph[name] = targets
    return graph


def import_chain(graph: Mapping[str, set[str]], start: str, goal: str) -> list[str] | None:
    """A shortest chain of imports from ``start`` to ``goal``, or None when there is none."""
    came_from: dict[str, str | None] = {start: None}
    frontier = [start]
    while frontier:
        following = []
        for module in frontier:
            for target in sorted(graph.get(module, ())):
                if target in came_from:
                    continue
                came_from[target] = module
                if target == goal:
                    chain = [goal]
                    while (step := came_from[chain[-1]]) is not None:
                        chain.append(step)
                    return chain[::-1]
                following.append(target)
        frontier = following
    return None


def circles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """The circles of ``graph``: its strongly connected components of two modules or more
    (Tarjan's algorithm), each sorted, in sorted order."""
    order: dict[str, int] = {}
    lowest: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        order[module] = lowest[module] = len(order)
        stack.append(module)
        for target in sorted(graph.get(module, ())):
            if target not in order:
                visit(target)
                lowest[module] = min(lowest[module], lowest[target])
            elif target in stack:
                lowest[module] = min(lowest[module], order[target])
        if lowest[module] == order[module]:
            component = stack[stack.index(module) :]
            del stack[stack.index(module) :]
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(graph):
        if module not in order:
            visit(module)
    return sorted(found)


def imports_inside_functions(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Every ``import`` statement in the body of a function (at any depth) of ``tree``, once."""
    found: dict[int, ast.Import | ast.ImportFrom] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import | ast.ImportFrom):
                    found.setdefault(id(inner), inner)
    return sorted(found.values(), key=lambda node: node.lineno)


def needs_a_reason(node: ast.Import | ast.ImportFrom) -> bool:
    """An import of SMM Lab's own modules (relative ones too) or of the standard library."""
    if isinstance(node, ast.ImportFrom) and node.level:
        return True
    names = (
        [alias.name for alias in node.names]
        if isinstance(node, ast.Import)
        else [node.module or ""]
    )
    return any(name.split(".")[0] in {"smm_helpers", *sys.stdlib_module_names} for name in names)


def reason_given(lines: list[str], node: ast.Import | ast.ImportFrom) -> str | None:
    """The reason word of the comment on the import's lines or on the line just above it
    (or above the run of imports it belongs to: one comment may speak for a few)."""
    above = node.lineno - 2
    while (
        above >= 0
        and lines[above].strip().startswith(("import ", "from "))
        and "#" not in lines[above]
    ):
        above -= 1
    comments = [lines[above].strip()] if above >= 0 and lines[above].strip().startswith("#") else []
    comments += [line.partition("#")[2] for line in lines[node.lineno - 1 : node.end_lineno]]
    for comment in comments:
        word = comment.strip().lstrip("#").strip().partition(":")[0]
        if word in REASONS:
            return word
    return None


def imports_without_a_reason(files: Mapping[str, Path]) -> list[str]:
    """``path:line`` of each import inside a function that needs a reason and gives none."""
    missing = []
    for name, path in files.items():
        where = "/".join(name.split(".")) + ("/__init__.py" if path.stem == "__init__" else ".py")
        if where.startswith(NOT_YET_REVIEWED):
            continue
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        for node in imports_inside_functions(ast.parse(text)):
            if needs_a_reason(node) and reason_given(lines, node) is None:
                missing.append(f"{where}:{node.lineno}: {lines[node.lineno - 1].strip()}")
    return missing


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return import_graph(module_files(ROOT / "smm_helpers"))


@pytest.mark.parametrize(("lower", "upper"), ONE_WAY)
def test_lower_modules_never_import_the_ones_above_them(graph, lower, upper):
    assert lower in graph and upper in graph, "a module of ONE_WAY was renamed: update the list"
    chain = import_chain(graph, lower, upper)
    assert chain is None, f"{lower} imports {upper} again: {' → '.join(chain or [])}"


def test_the_upper_modules_do_use_the_lower_ones(graph):
    """The layers are real: each upper module reaches the one below it."""
    for lower, upper in ONE_WAY:
        assert import_chain(graph, upper, lower) is not None, f"{upper} no longer uses {lower}"


def test_the_check_sees_imports_inside_functions_and_relative_ones(tmp_path):
    package = tmp_path / "toy"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("from toy import top\n")
    (package / "low.py").write_text("def later():\n    from .sub import deep\n")
    (package / "sub" / "deep.py").write_text(
        "import importlib\n\ndef f():\n    return importlib.import_module('toy.high')\n"
    )
    (package / "high.py").write_text("from toy import low\n")
    (package / "top.py").write_text("")
    graph = import_graph(module_files(package))
    assert graph["toy.low"] == {"toy.sub", "toy.sub.deep"}
    assert import_chain(graph, "toy.low", "toy.high") == ["toy.low", "toy.sub.deep", "toy.high"]
    assert import_chain(graph, "toy.top", "toy.high") is None
    # importing toy.sub.deep from outside toy.sub runs toy.sub, which imports toy.top
    assert import_chain(graph, "toy.low", "toy.top") == ["toy.low", "toy.sub", "toy.top"]


def test_no_module_imports_itself_back_through_a_circle(graph):
    """Every import runs one way across the whole package (but the known, listed arrows)."""
    allowed = {
        module: targets - {t for (m, t) in KNOWN_CIRCLES if m == module}
        for module, targets in graph.items()
    }
    found = circles(allowed)
    assert not found, "modules that import each other in a circle:\n" + "\n".join(
        " → ".join([*circle, circle[0]]) for circle in found
    )


def test_each_known_circle_is_still_there(graph):
    """KNOWN_CIRCLES only shrinks: an arrow that no longer closes a circle leaves it."""
    for importer, imported in sorted(KNOWN_CIRCLES):
        assert imported in graph.get(importer, set()), (
            f"{importer} no longer imports {imported}: remove it from KNOWN_CIRCLES"
        )
        assert import_chain(graph, imported, importer) is not None, (
            f"{importer} → {imported} closes no circle any more: remove it from KNOWN_CIRCLES"
        )


def test_circles_finds_each_circle_once():
    graph = {
        "a": {"b"},
        "b": {"c"},
        "c": {"a", "d"},
        "d": set(),
        "e": {"f"},
        "f": {"e"},
        "g": {"g"},
    }
    assert circles(graph) == [["a", "b", "c"], ["e", "f"]]
    assert circles({"a": {"b"}, "b": set()}) == []


def test_an_import_inside_a_function_says_why_it_is_not_at_the_top():
    missing = imports_without_a_reason(module_files(ROOT / "smm_helpers"))
    assert not missing, (
        "move these imports to the top of their module, or start their comment with one of "
        f"{', '.join(f'{word}:' for word in REASONS)} (see REASONS):\n" + "\n".join(missing)
    )


def test_the_check_of_reasons_sees_own_and_standard_imports_only(tmp_path):
    package = tmp_path / "smm_helpers"
    package.mkdir()
    (package / "toy.py").write_text(
        "import os\n\n\n"
        "def f():\n"
        "    import json\n"
        "    import pandas\n"
        "    # heavy: loads pandas on first use\n"
        "    from smm_helpers import metrics\n"
        "    from . import low  # circle: low imports toy back\n"
        "    from smm_helpers.errors import InputError  # the errors\n"
        "    # lazy: the site loads on first use\n"
        "    from smm_helpers.site import build\n"
        "    from smm_helpers.site import render\n"
        "    import resource  # optional: Unix only\n"
        "    def g():\n"
        "        import re\n"
    )
    files = {"smm_helpers.toy": package / "toy.py"}
    assert [row.split(": ", 1)[0] for row in imports_without_a_reason(files)] == [
        "smm_helpers/toy.py:5",
        "smm_helpers/toy.py:10",
        "smm_helpers/toy.py:16",
    ]
