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
]
"""(lower, upper): no chain of imports may lead from ``lower`` to ``upper``."""


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
        elif (isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(
                node.func, "id", "")) == "import_module" and node.args
              and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
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
        "import importlib\n\ndef f():\n    return importlib.import_module('toy.high')\n")
    (package / "high.py").write_text("from toy import low\n")
    (package / "top.py").write_text("")
    graph = import_graph(module_files(package))
    assert graph["toy.low"] == {"toy.sub", "toy.sub.deep"}
    assert import_chain(graph, "toy.low", "toy.high") == ["toy.low", "toy.sub.deep", "toy.high"]
    assert import_chain(graph, "toy.top", "toy.high") is None
    # importing toy.sub.deep from outside toy.sub runs toy.sub, which imports toy.top
    assert import_chain(graph, "toy.low", "toy.top") == ["toy.low", "toy.sub", "toy.top"]
