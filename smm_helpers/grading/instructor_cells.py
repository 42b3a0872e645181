"""Which cells are the instructor's: the one rule every part of SMM Lab that grades uses.

A notebook's cells have *roles*, read only from the instructor's source notebook (and from
nbgrader's gradebook, for the code and points learners were released), never from a
submission's cell order, ids, types or metadata:

============  ==============================================  =============================
role          nbgrader metadata in the source                 in the notebook that is graded
============  ==============================================  =============================
``setup``     code, locked, neither graded nor an answer      the instructor's code
``test``      code, graded, not an answer                     the instructor's code
``answer``    code, an answer (``solution``), not graded      the learner's code
``written``   an answer that is graded (by hand)              the learner's text or code
``task``      a task (graded by hand)                         the instructor's text
``text``      markdown, locked                                the instructor's text
============  ==============================================  =============================

:func:`rebuild` makes the notebook to grade: the instructor's cells in the instructor's
order, with the instructor's code and metadata, the learner's answers in their places, and
every other cell of the submission (their own cells, second copies, cells that claim ids
the assignment does not have) kept as the learner's own, unlabelled code, after the
instructor's cell it followed in the submission.  So a setup cell that was deleted, moved,
renamed, turned into markdown or split still runs; a test that was edited, re-weighted or
deleted is the instructor's; and nothing a learner labels can become a test.  What it put
right is returned as findings, in an instructor's words.

:meth:`Plan.learner_names` says which names a test may read from the learner: only those the
instructor's own solutions define before it.  Every other name a test reads comes from the
instructor's setup (run in the grader) or is not there at all.

>>> source = {"cells": [
...     _code("import math", grade_id="setup", locked=True),
...     _code("### BEGIN SOLUTION\\nanswer = 42\\n### END SOLUTION", grade_id="answer_cell",
...           solution=True),
...     _code("assert answer == 42", grade_id="answer_test", grade=True, locked=True,
...           points=2)]}
>>> plan = plan_from_source(source)
>>> [(c.grade_id, c.role) for c in plan.cells]
[('setup', 'setup'), ('answer_cell', 'answer'), ('answer_test', 'test')]
>>> sorted(plan.learner_names("answer_test"))
['answer']
>>> submitted = {"cells": [_code("answer = 42", grade_id="answer_cell", solution=True),
...                        _code("print('mine')")]}
>>> graded = rebuild(submitted, plan)
>>> [(_grade_id(c), _text(c["source"])) for c in graded.cells]
[('setup', 'import math'), ('answer_cell', 'answer = 42'), (None, "print('mine')"), \
('answer_test', 'assert answer == 42')]
>>> for kind, message in graded.findings:
...     print(f"{kind}: {message}")
tampered tests: read-only cell 'setup' was deleted (the instructor's copy ran)
tampered tests: test cell 'answer_test' was deleted (the instructor's copy was graded)
"""

from __future__ import annotations

import ast
import copy
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Finding = tuple[str, str]
"""(problem kind, what happened)."""

INSTRUCTORS = ("setup", "test", "task", "text")
"""Roles whose cells are the instructor's in every graded notebook."""
LEARNERS = ("answer", "written")
"""Roles whose cells hold the learner's work."""
MAX_LISTED = 5
"""How many items one finding names before it says how many more there are."""
_CELL_ID = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")
_TAMPERED = "tampered tests"


class PlanError(Exception):
    """The instructor's source notebook cannot say which cells are whose."""


# ----------------------------------------------------------------------------- one cell
def nbgrader_meta(cell: Any) -> dict[str, Any]:
    """A cell's nbgrader metadata; empty for an ordinary cell or one too broken to read.

    >>> nbgrader_meta({"metadata": {"nbgrader": {"grade_id": "a_b"}}})
    {'grade_id': 'a_b'}
    >>> nbgrader_meta({"metadata": {"nbgrader": "not a dict"}}), nbgrader_meta(5)
    ({}, {})
    """
    meta = cell.get("metadata") if isinstance(cell, dict) else None
    found = meta.get("nbgrader") if isinstance(meta, dict) else None
    return dict(found) if isinstance(found, dict) else {}


def role(cell: Any) -> str | None:
    """A source cell's role (see the module), or ``None`` for an ordinary cell.

    >>> role(_code("assert x", grade_id="t", grade=True))
    'test'
    >>> role({"cell_type": "markdown", "source": "", "metadata": {"nbgrader": {
    ...     "grade_id": "w", "grade": True, "solution": True}}})
    'written'
    >>> role(_code("x = 1")) is None
    True
    """
    meta = nbgrader_meta(cell)
    if not isinstance(meta.get("grade_id"), str) or not meta["grade_id"]:
        return None
    kind = cell.get("cell_type")
    if meta.get("task"):
        return "task"
    if meta.get("solution"):
        return "written" if meta.get("grade") else "answer"
    if meta.get("grade") and kind == "code":
        return "test"
    if meta.get("locked"):
        return "setup" if kind == "code" else "text"
    return None


def _grade_id(cell: Any) -> str | None:
    grade_id = nbgrader_meta(cell).get("grade_id")
    return grade_id if isinstance(grade_id, str) and grade_id else None


def _text(source: Any) -> str:
    """A cell's source as one string (nbformat allows a list of lines); junk is empty."""
    if isinstance(source, list):
        return "".join(line for line in source if isinstance(line, str))
    return source if isinstance(source, str) else ""


def visible_part(source: str) -> str:
    r"""A test cell as learners receive it: without its hidden tests (nbgrader's markers).

    >>> visible_part("a\n### BEGIN HIDDEN TESTS\nsecret\n### END HIDDEN TESTS\nb")
    'a\nb'
    """
    kept, hidden = [], False
    for line in source.splitlines():
        if "BEGIN HIDDEN TESTS" in line.upper():
            hidden = True
        elif "END HIDDEN TESTS" in line.upper():
            hidden = False
        elif not hidden:
            kept.append(line.rstrip())
    return "\n".join(kept).strip()


def defined_names(source: str) -> frozenset[str]:
    """The names a cell of code binds at any level: what an instructor's solution defines.

    >>> sorted(defined_names("import pandas as pd\\nfor i in r: total += i\\n"
    ...                      "def f(x):\\n    y = x\\nbest = max(r, key=lambda k: k)"))
    ['best', 'f', 'i', 'pd', 'total', 'y']
    >>> defined_names("this is not python")
    frozenset()
    """
    try:
        tree = ast.parse(_without_magics(source))
    except (SyntaxError, ValueError):
        return frozenset()
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names.update((a.asname or a.name).split(".")[0] for a in node.names if a.name != "*")
        elif isinstance(node, ast.Global | ast.Nonlocal):
            names.update(node.names)
    return frozenset(names)


def _without_magics(source: str) -> str:
    from IPython.core.inputtransformer2 import TransformerManager  # heavy: loaded on first use

    return TransformerManager().transform_cell(source)


# ----------------------------------------------------------------------------- the plan
@dataclass(frozen=True)
class InstructorCell:
    """One cell of the instructor's source, as grading uses it."""

    grade_id: str
    role: str
    cell_type: str
    source: str
    """What learners were released (for tests: with the hidden tests)."""
    points: float = 0.0
    defines: frozenset[str] = frozenset()
    """For answers: the names the instructor's solution binds."""
    meta: dict[str, Any] = field(default_factory=dict, compare=False)
    cell_id: str | None = None


@dataclass(frozen=True)
class Plan:
    """The instructor's cells of one notebook, in the instructor's order."""

    cells: tuple[InstructorCell, ...]

    def by_id(self, grade_id: str) -> InstructorCell | None:
        return next((c for c in self.cells if c.grade_id == grade_id), None)

    def of_role(self, *roles: str) -> dict[str, InstructorCell]:
        """The cells of these roles by grade_id, in order."""
        return {c.grade_id: c for c in self.cells if c.role in roles}

    @property
    def tests(self) -> dict[str, str]:
        """Test cells' code by grade_id."""
        return {g: c.source for g, c in self.of_role("test").items()}

    @property
    def setup(self) -> dict[str, str]:
        """Read-only code cells' code by grade_id."""
        return {g: c.source for g, c in self.of_role("setup").items()}

    @property
    def points(self) -> dict[str, float]:
        """Points of every graded cell by grade_id."""
        return {c.grade_id: c.points for c in self.cells if c.points}

    def learner_names(self, test_id: str) -> frozenset[str]:
        """The names test ``test_id`` may read from the learner: those the instructor's
        solutions before it define (any other name is the instructor's, or undefined)."""
        names: set[str] = set()
        for cell in self.cells:
            if cell.grade_id == test_id:
                break
            if cell.role in LEARNERS:
                names |= cell.defines
        return frozenset(names)


def plan_from_source(source: Any) -> Plan:
    """The plan of a source notebook (its JSON as a dict).

    Raises :class:`PlanError` when the source itself is broken (two cells with one id).
    """
    cells = source.get("cells") if isinstance(source, dict) else None
    if not isinstance(cells, list):
        raise PlanError("the source notebook has no list of cells")
    plan: list[InstructorCell] = []
    seen: set[str] = set()
    for cell in cells:
        kind = role(cell)
        if kind is None:
            continue
        meta = nbgrader_meta(cell)
        grade_id = meta["grade_id"]
        if grade_id in seen:
            raise PlanError(
                f"two cells of the source notebook have the grade_id "
                f"'{grade_id}'; give each its own (smm-course validate)"
            )
        seen.add(grade_id)
        text = _text(cell.get("source"))
        cell_id = cell.get("id")
        given = released_answer(text, str(cell.get("cell_type"))) if kind in LEARNERS else text
        plan.append(
            InstructorCell(
                grade_id,
                kind,
                str(cell.get("cell_type")),
                given,
                float(meta.get("points") or 0) if meta.get("grade") or kind == "task" else 0.0,
                defined_names(text)
                if kind in LEARNERS and cell.get("cell_type") == "code"
                else frozenset(),
                meta,
                cell_id if isinstance(cell_id, str) and _CELL_ID.match(cell_id) else None,
            )
        )
    return Plan(tuple(plan))


def load_plan(source_path: Path, released: dict[str, dict[str, Any]] | None = None) -> Plan:
    """The plan of a source notebook file, with ``released`` (from :func:`released_cells`:
    grade_id → the code, points and checksum nbgrader's gradebook recorded at release)
    taking precedence: the gradebook, not a later edit of the source, says what learners
    were given."""
    try:
        source = json.loads(source_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PlanError(
            f"the source notebook {source_path} cannot be read ({error}); "
            "restore it — grading needs it to know the instructor's cells"
        ) from None
    plan = plan_from_source(source)
    if not released:
        return plan
    cells = []
    for cell in plan.cells:
        given = released.get(cell.grade_id)
        if given is not None:
            meta = dict(cell.meta)
            if given.get("checksum"):
                meta["checksum"] = given["checksum"]
            points = float(given["points"]) if cell.points else 0.0
            if cell.points:
                meta["points"] = points
            cell = InstructorCell(
                cell.grade_id,
                cell.role,
                cell.cell_type,
                str(given["source"]),
                points,
                cell.defines,
                meta,
                cell.cell_id,
            )
        cells.append(cell)
    return Plan(tuple(cells))


def released_cells(
    db_url: str, notebook: str, assignment: str, course_id: str = ""
) -> dict[str, dict[str, Any]]:
    """grade_id → the code, points and checksum of a notebook's cells in nbgrader's
    gradebook (what :func:`load_plan` takes)."""
    from nbgrader.api import Gradebook  # heavy: loaded on first use

    with Gradebook(db_url, course_id) if course_id else Gradebook(db_url) as gb:
        book = gb.find_notebook(notebook, assignment)
        points = {c.name: float(c.max_score) for c in book.grade_cells}
        points.update({c.name: float(c.max_score) for c in book.task_cells})
        return {
            c.name: {"source": c.source, "points": points.get(c.name, 0.0), "checksum": c.checksum}
            for c in book.source_cells
        }


def released_answer(source: str, cell_type: str) -> str:
    r"""An answer cell as learners receive it, without the instructor's solution (what
    nbgrader's ``ClearSolutions`` does), for when no gradebook is at hand.

    >>> print(released_answer("a = 1\n### BEGIN SOLUTION\nb = 2\n### END SOLUTION\nb", "code"))
    a = 1
    # YOUR CODE HERE
    raise NotImplementedError()
    b
    >>> released_answer("The model answer.", "markdown")
    'YOUR ANSWER HERE'
    """
    if cell_type != "code":
        return "YOUR ANSWER HERE"
    kept, inside = [], False
    for line in source.splitlines():
        marker = line.strip().upper()
        if marker.startswith("### BEGIN SOLUTION"):
            inside = True
            indent = line[: len(line) - len(line.lstrip())]
            kept += [f"{indent}# YOUR CODE HERE", f"{indent}raise NotImplementedError()"]
        elif marker.startswith("### END SOLUTION"):
            inside = False
        elif not inside:
            kept.append(line)
    return "\n".join(kept)


# ----------------------------------------------------------------------------- rebuild
@dataclass
class Rebuilt:
    """The notebook to grade (cells as dicts) and what was put right, in words."""

    cells: list[dict[str, Any]]
    findings: list[Finding]
    learner_code: list[str]
    """The code of the learner's own cells and answers (to scan for attempts)."""


def rebuild(submitted: Any, plan: Plan) -> Rebuilt:
    """The notebook to grade: see the module.  ``submitted`` may be any JSON at all."""
    raw = submitted.get("cells") if isinstance(submitted, dict) else None
    cells = [c for c in raw if isinstance(c, dict)] if isinstance(raw, list) else []
    ids = {c.grade_id for c in plan.cells}
    first: dict[str, dict[str, Any]] = {}
    copies: Counter[str] = Counter()
    claimed: list[str] = []
    after: dict[str | None, list[dict[str, Any]]] = {}
    anchor: str | None = None
    for cell in cells:
        grade_id = _grade_id(cell)
        if grade_id in ids:
            copies[grade_id] += 1
            if grade_id not in first:
                first[grade_id] = cell
                anchor = grade_id
                continue
        elif grade_id is not None:
            claimed.append(grade_id)
        own = _learners_own(cell)
        if own is not None:
            after.setdefault(anchor, []).append(own)
    out = list(after.get(None, []))
    for wanted in plan.cells:
        out.append(_graded_cell(wanted, first.get(wanted.grade_id)))
        out += after.get(wanted.grade_id, [])
    _give_ids(out)
    findings = _findings(plan, cells, first, copies, claimed)
    learners = set(plan.of_role(*LEARNERS))
    code = [
        _text(c["source"])
        for c in out
        if c["cell_type"] == "code" and (_grade_id(c) is None or _grade_id(c) in learners)
    ]
    return Rebuilt(out, findings, code)


def _learners_own(cell: dict[str, Any]) -> dict[str, Any] | None:
    """A submission's cell as the learner's own ordinary cell (no nbgrader label)."""
    kind = cell.get("cell_type")
    if kind not in ("code", "markdown", "raw"):
        return None
    own: dict[str, Any] = {"cell_type": kind, "metadata": {}, "source": _text(cell.get("source"))}
    if kind == "code":
        own |= {"execution_count": None, "outputs": []}
    if isinstance(cell.get("id"), str):
        own["id"] = cell["id"]
    return own


def _graded_cell(wanted: InstructorCell, theirs: dict[str, Any] | None) -> dict[str, Any]:
    """The instructor's cell, holding the learner's source where it is an answer."""
    source = wanted.source
    if wanted.role in LEARNERS and theirs is not None:
        source = _text(theirs.get("source"))
    cell: dict[str, Any] = {
        "cell_type": wanted.cell_type,
        "source": source,
        "metadata": {"nbgrader": copy.deepcopy(wanted.meta)},
    }
    if wanted.role in INSTRUCTORS:
        cell["metadata"] |= {"editable": False, "deletable": False}
    if wanted.cell_type == "code":
        cell |= {"execution_count": None, "outputs": []}
    if wanted.role in LEARNERS and theirs is not None and wanted.cell_type == "markdown":
        attachments = theirs.get("attachments")
        if isinstance(attachments, dict) and all(
            isinstance(k, str)
            and isinstance(v, dict)
            and all(isinstance(m, str) and isinstance(d, str) for m, d in v.items())
            for k, v in attachments.items()
        ):
            cell["attachments"] = copy.deepcopy(attachments)
    if wanted.cell_id:
        cell["id"] = wanted.cell_id
    return cell


def _give_ids(cells: list[dict[str, Any]]) -> None:
    """Every cell a valid id of its own: the instructor's keep theirs, repeats get new ones."""
    instructors = {c["id"] for c in cells if _grade_id(c) and "id" in c}
    used: set[str] = set()
    for number, cell in enumerate(cells):
        wanted = cell.get("id")
        mine = _grade_id(cell) is not None
        if (
            not (isinstance(wanted, str) and _CELL_ID.match(wanted))
            or wanted in used
            or (not mine and wanted in instructors)
        ):
            wanted = f"learner-cell-{number}"
            while wanted in used or wanted in instructors:
                wanted += "x"
        cell["id"] = wanted
        used.add(wanted)


# ----------------------------------------------------------------------------- findings
def listed(items: list[str]) -> str:
    """Items for a message: the first few, then how many more.

    >>> listed(["a", "b"])
    'a, b'
    >>> listed([str(n) for n in range(8)])
    '0, 1, 2, 3, 4 and 3 more'
    """
    shown = ", ".join(items[:MAX_LISTED])
    return shown if len(items) <= MAX_LISTED else f"{shown} and {len(items) - MAX_LISTED} more"


def _label(cell: InstructorCell) -> str:
    return {"test": "test cell", "setup": "read-only cell", "text": "read-only cell"}.get(
        cell.role, "cell"
    )


def _findings(
    plan: Plan,
    cells: list[dict[str, Any]],
    first: dict[str, dict[str, Any]],
    copies: Counter[str],
    claimed: list[str],
) -> list[Finding]:
    found: list[Finding] = []
    for wanted in plan.cells:
        found += _cell_findings(wanted, first.get(wanted.grade_id), copies[wanted.grade_id])
    moved = _moved(plan, list(first))
    if len(moved) == 1:
        found.append(
            (
                _TAMPERED,
                f"the instructor's cell '{moved[0]}' was moved (it ran in the instructor's order)",
            )
        )
    elif moved:
        found.append(
            (
                _TAMPERED,
                f"the instructor's cells {listed([repr(m) for m in moved])} "
                "were moved (they ran in the instructor's order)",
            )
        )
    if claimed:
        unknown = sorted(set(claimed))
        what = "a cell claims the id" if len(unknown) == 1 else "cells claim the ids"
        found.append(
            (
                _TAMPERED,
                f"{what} {listed([repr(i) for i in unknown])}, which the "
                "assignment does not have (run as the learner's own code, never as a "
                "test)",
            )
        )
    repeated = sorted(
        i
        for i, n in Counter(str(c.get("id")) for c in cells if isinstance(c.get("id"), str)).items()
        if n > 1
    )
    if repeated:
        found.append(
            (_TAMPERED, f"cell ids repeat ({listed(repeated)}); the repeats were given new ids")
        )
    return found


def _cell_findings(
    wanted: InstructorCell, theirs: dict[str, Any] | None, count: int
) -> list[Finding]:
    label, name = _label(wanted), wanted.grade_id
    if theirs is None:
        if wanted.role == "test":
            return [
                (_TAMPERED, f"test cell '{name}' was deleted (the instructor's copy was graded)")
            ]
        if wanted.role == "setup":
            return [(_TAMPERED, f"read-only cell '{name}' was deleted (the instructor's copy ran)")]
        return []
    found: list[Finding] = []
    if count > 1:
        found.append(
            (
                _TAMPERED,
                f"{label} '{name}' appears {count} times (the first copy was "
                "graded, with the instructor's code and points; the others ran as the "
                "learner's own code)",
            )
        )
    if theirs.get("cell_type") != wanted.cell_type:
        found.append(
            (
                _TAMPERED,
                f"{label} '{name}' was changed from {wanted.cell_type} to "
                f"{theirs.get('cell_type')} (graded as {wanted.cell_type})",
            )
        )
    if wanted.role in ("test", "setup") and visible_part(
        _text(theirs.get("source"))
    ) != visible_part(wanted.source):
        whose = "graded" if wanted.role == "test" else "ran"
        found.append(
            (_TAMPERED, f"{label} '{name}' was edited (the instructor's copy was {whose})")
        )
    meta = nbgrader_meta(theirs)
    if wanted.points and meta.get("points") != wanted.meta.get("points"):
        found.append(
            (
                _TAMPERED,
                f"{label} '{name}' claims {meta.get('points')} points "
                f"instead of {wanted.meta.get('points')} (the instructor's points were "
                "used)",
            )
        )
    for flag in ("grade", "solution", "locked", "task"):
        if bool(meta.get(flag)) != bool(wanted.meta.get(flag)):
            found.append(
                (
                    _TAMPERED,
                    f"{label} '{name}' has its nbgrader '{flag}' flag "
                    "changed (the instructor's was used)",
                )
            )
    return found


def _moved(plan: Plan, order: list[str]) -> list[str]:
    """The instructor's setup and test cells out of the instructor's order in a submission.

    The cells kept in order are the longest run that is; the others moved.

    >>> plan = Plan(tuple(InstructorCell(g, "test", "code", "") for g in "abcd"))
    >>> _moved(plan, ["b", "c", "a", "d"])
    ['a']
    """
    watched = [c.grade_id for c in plan.cells if c.role in ("setup", "test")]
    positions = [watched.index(g) for g in order if g in watched]
    best: list[list[int]] = []
    for position in positions:
        earlier = [run for run in best if run[-1] < position]
        longest = max(earlier, key=lambda run: len(run)) if earlier else []
        best.append([*longest, position])
    kept: set[int] = set()
    for run in best:
        if len(run) > len(kept):
            kept = set(run)
    return [watched[p] for p in positions if p not in kept]


def inspect_submission(submitted: Any, source: Any) -> list[Finding]:
    """What grading puts right in a submission, compared with the instructor's source.

    >>> src = {"cells": [_code("assert x == 1", grade_id="t1", grade=True, locked=True,
    ...                        points=2)]}
    >>> inspect_submission({"cells": []}, src)
    [('tampered tests', "test cell 't1' was deleted (the instructor's copy was graded)")]
    """
    return rebuild(submitted, plan_from_source(source)).findings


def learner_code(submitted: Any, source: Any) -> list[str]:
    """The code of a submission's cells that are the learner's (answers and own cells)."""
    return rebuild(submitted, plan_from_source(source)).learner_code


# ----------------------------------------------------------------------------- checking
def unknown_test_names(plan: Plan, trusted: Iterable[str] = ()) -> dict[str, list[str]]:
    """Names each test reads that neither the instructor's setup, earlier tests, ``trusted``
    (e.g. builtins) nor the instructor's solutions define: the grader will not find them.

    >>> plan = plan_from_source({"cells": [
    ...     _code("x = 1", grade_id="a_answer", solution=True),
    ...     _code("assert x == y", grade_id="a_test", grade=True, points=1)]})
    >>> unknown_test_names(plan)
    {'a_test': ['y']}
    """
    known = set(trusted)
    missing: dict[str, list[str]] = {}
    for cell in plan.cells:
        if cell.role in LEARNERS:
            known |= cell.defines
        elif cell.role in ("setup", "test") and cell.cell_type == "code":
            if cell.role == "test":
                reads = _read_names(cell.source)
                absent = sorted(n for n in reads if n not in known)
                if absent:
                    missing[cell.grade_id] = absent
            known |= defined_names(cell.source)
    return missing


def _read_names(source: str) -> set[str]:
    try:
        tree = ast.parse(_without_magics(source))
    except (SyntaxError, ValueError):
        return set()
    return {
        n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
    } - defined_names(source)


def _code(source: str, **meta: Any) -> dict[str, Any]:
    """A code cell for the examples (``meta`` is its nbgrader metadata, if any)."""
    if meta:
        meta = {"grade": False, "solution": False, "locked": False} | meta
    return {
        "cell_type": "code",
        "source": source,
        "outputs": [],
        "execution_count": None,
        "metadata": {"nbgrader": meta} if meta else {},
    }
