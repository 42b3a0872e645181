"""The grading wing imports one way: each module only from those below it.

    autograde → serial · parallel · cluster → worker → grade_learner → results → problems

Imports are read from the source with ``ast``, those inside functions included (a lazy
import is still an arrow), so a circle cannot hide behind an import made at call time.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

GRADING = Path(__file__).resolve().parents[1] / "smm_helpers" / "grading"
PACKAGE = "smm_helpers.grading"

LAYERS = [
    ["autograde"],
    ["serial", "parallel", "cluster"],
    ["worker"],
    ["grade_learner"],
    ["results"],
    ["problems"],
]
"""The wing, top to bottom; a module may import from any layer below its own, never from
its own layer or one above."""

KNOWN_TANGLE: dict[tuple[str, str], str] = {}
"""Imports outside the wing's files that close a circle through it, each with the fix.  The
check leaves out only these arrows, and fails once one is gone, so the list only shrinks."""

WING = {name: rank for rank, layer in enumerate(LAYERS) for name in layer}
RUNNERS = LAYERS[1]


def module_name(path: Path, folder: Path = GRADING) -> str:
    """``smm_helpers/grading/sandbox/bwrap.py`` → ``smm_helpers.grading.sandbox.bwrap``
    (``folder`` is the ``smm_helpers/grading`` it lies in)."""
    parts = path.relative_to(folder.parent.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(tree: ast.AST, module: str, is_package: bool, known: set[str]) -> Iterator[str]:
    """Every module of ``known`` that ``tree`` imports, anywhere in it.

    ``from smm_helpers.grading import autograde`` names the module ``autograde``;
    ``from smm_helpers.grading.autograde import autograde`` names it too; relative imports
    are resolved against ``module``.
    """
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield from _known_prefix(alias.name, known)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module.split(".") if is_package else module.split(".")[:-1]
                package = package[: len(package) - (node.level - 1)]
                base = ".".join([*package, *([base] if base else [])])
            for alias in node.names:
                if f"{base}.{alias.name}" in known:
                    yield f"{base}.{alias.name}"
                else:
                    yield from _known_prefix(base, known)


def _known_prefix(name: str, known: set[str]) -> Iterator[str]:
    parts = name.split(".")
    for end in range(len(parts), 0, -1):
        if ".".join(parts[:end]) in known:
            yield ".".join(parts[:end])
            return


def import_graph(folder: Path = GRADING) -> dict[str, set[str]]:
    """Each module of the grading package → the modules of the package it imports."""
    paths = {module_name(p, folder): p for p in folder.rglob("*.py")}
    known = set(paths)
    graph = {}
    for name, path in paths.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        graph[name] = set(imported(tree, name, path.name == "__init__.py", known)) - {name}
    return graph


def reaches(graph: dict[str, set[str]], start: str) -> dict[str, list[str]]:
    """Every module ``start`` imports, directly or not, with one chain of imports to it."""
    chains = {start: [start]}
    todo = [start]
    while todo:
        here = todo.pop()
        for there in sorted(graph.get(here, ())):
            if there not in chains:
                chains[there] = [*chains[here], there]
                todo.append(there)
    return chains


def short(name: str) -> str:
    return name.removeprefix(PACKAGE + ".")


def layer_faults(graph: dict[str, set[str]]) -> list[str]:
    """Each import in the wing that points sideways or up, and each circle through the wing,
    said as the chain of imports that makes it."""
    faults = []
    for name, rank in WING.items():
        module = f"{PACKAGE}.{name}"
        for target in sorted(graph.get(module, ())):
            other = short(target)
            if other in WING and WING[other] <= rank:
                faults.append(f"{name} imports {other}, which is not below it")
        for target, chain in sorted(reaches(graph, module).items()):
            if module in graph.get(target, ()) and target != module:
                faults.append("circle: " + " → ".join(map(short, [*chain, module])))
    return faults


# ------------------------------------------------------------------------------- the tests


@pytest.fixture(scope="module")
def whole_graph() -> dict[str, set[str]]:
    return import_graph()


@pytest.fixture(scope="module")
def graph(whole_graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """The package's imports without the known tangle's arrows."""
    return {
        module: {target for target in targets if (short(module), short(target)) not in KNOWN_TANGLE}
        for module, targets in whole_graph.items()
    }


def test_each_known_tangle_is_still_there(whole_graph: dict[str, set[str]]) -> None:
    """Once an arrow of :data:`KNOWN_TANGLE` is gone, its entry must go too."""
    gone = [
        pair
        for pair in KNOWN_TANGLE
        if f"{PACKAGE}.{pair[1]}" not in whole_graph.get(f"{PACKAGE}.{pair[0]}", ())
    ]
    assert not gone, f"fixed, so delete from KNOWN_TANGLE: {gone}"


def test_every_module_of_the_wing_exists(graph: dict[str, set[str]]) -> None:
    missing = [name for name in WING if f"{PACKAGE}.{name}" not in graph]
    assert not missing, f"the layer list names modules that are gone: {missing}"


def test_no_runner_imports_autograde(graph: dict[str, set[str]]) -> None:
    for runner in RUNNERS:
        chains = reaches(graph, f"{PACKAGE}.{runner}")
        chain = chains.get(f"{PACKAGE}.autograde")
        assert chain is None, "a runner reaches autograde: " + " → ".join(map(short, chain))


def test_the_grading_wing_imports_only_downward(graph: dict[str, set[str]]) -> None:
    assert layer_faults(graph) == []


def test_the_per_learner_grading_knows_nothing_of_how_it_is_scheduled(
    graph: dict[str, set[str]],
) -> None:
    below = reaches(graph, f"{PACKAGE}.grade_learner")
    schedulers = {f"{PACKAGE}.{name}" for name in ["autograde", "worker", *RUNNERS]}
    assert not schedulers & set(below), sorted(schedulers & set(below))


def test_the_check_finds_a_lazy_import_that_closes_a_circle() -> None:
    """The checker itself: an import inside a function, in either spelling, is an arrow."""
    graph = {f"{PACKAGE}.{name}": set() for name in WING}
    graph[f"{PACKAGE}.autograde"] = {f"{PACKAGE}.parallel"}
    graph[f"{PACKAGE}.parallel"] = {f"{PACKAGE}.worker"}
    assert layer_faults(graph) == []
    source = (
        "def grade():\n"
        "    from smm_helpers.grading import autograde\n"
        "    from .results import GradeRow\n"
    )
    tree = ast.parse(source)
    known = {f"{PACKAGE}.autograde", f"{PACKAGE}.results", f"{PACKAGE}.worker"}
    found = set(imported(tree, f"{PACKAGE}.worker", False, known))
    assert found == {f"{PACKAGE}.autograde", f"{PACKAGE}.results"}
    graph[f"{PACKAGE}.worker"] = found
    faults = layer_faults(graph)
    assert "worker imports autograde, which is not below it" in faults
    assert "circle: worker → autograde → parallel → worker" in faults


def test_a_circle_through_a_module_outside_the_wing_is_found() -> None:
    graph = {f"{PACKAGE}.{name}": set() for name in WING}
    graph[f"{PACKAGE}.grade_learner"] = {f"{PACKAGE}.hand_grades"}
    graph[f"{PACKAGE}.hand_grades"] = {f"{PACKAGE}.serial"}
    graph[f"{PACKAGE}.serial"] = {f"{PACKAGE}.grade_learner"}
    faults = layer_faults(graph)
    assert "circle: grade_learner → hand_grades → serial → grade_learner" in faults
