"""What a submission tried, said in an instructor's words.

Nothing here decides a score: the sandbox and the trusted test runner already make every
trick worthless.  This module only *names* what happened, for the autograde summary:

- :func:`inspect_submission` compares a submitted notebook with the instructor's source
  (test cells edited, deleted, duplicated or re-weighted; cell ids or metadata changed);
- :func:`scan_code` reads the learner's code for attempts on the grader (changing builtins
  or IPython's hooks, signal handlers, reaching outside their folder, the network, forks);
- :func:`classify_error` reads an error a learner's cell raised in the sandbox.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from typing import Any

from smm_helpers.grading.sandbox.launch import Limits

Finding = tuple[str, str]
"""(problem kind, what happened)."""


def _nbgrader(cell: dict[str, Any]) -> dict[str, Any]:
    meta = cell.get("metadata")
    found = meta.get("nbgrader") if isinstance(meta, dict) else None
    return found if isinstance(found, dict) else {}


def _source(cell: dict[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


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


def inspect_submission(submitted: dict[str, Any], source: dict[str, Any]) -> list[Finding]:
    """How a submitted notebook's test cells and metadata differ from the instructor's.

    >>> src = {"cells": [{"cell_type": "code", "source": "assert x == 1", "metadata":
    ...        {"nbgrader": {"grade_id": "t1", "grade": True, "solution": False,
    ...                      "locked": True, "points": 2}}}]}
    >>> inspect_submission({"cells": []}, src)
    [('tampered tests', "test cell 't1' was deleted (the instructor's copy was graded)")]
    >>> sub = {"cells": [{"cell_type": "code", "source": "pass", "metadata": {"nbgrader":
    ...        {"grade_id": "t1", "grade": True, "solution": False, "locked": True,
    ...         "points": 20}}}]}
    >>> [message for _, message in inspect_submission(sub, src)]
    ["test cell 't1' was edited (the instructor's copy was graded)", "test cell 't1' claims 20 points instead of 2 (the instructor's points were used)"]
    """  # noqa: E501
    findings: list[Finding] = []
    cells = [c for c in submitted.get("cells", []) if isinstance(c, dict)]
    theirs: dict[str, list[dict[str, Any]]] = {}
    for cell in cells:
        grade_id = _nbgrader(cell).get("grade_id")
        if isinstance(grade_id, str):
            theirs.setdefault(grade_id, []).append(cell)
    ours = {_nbgrader(c).get("grade_id"): c for c in source.get("cells", [])
            if _nbgrader(c).get("grade_id")}
    for grade_id, cell in ours.items():
        meta = _nbgrader(cell)
        is_test = meta.get("grade") and not meta.get("solution")
        copies = theirs.get(grade_id, [])
        label = "test cell" if is_test else "cell"
        if not copies:
            if is_test:
                findings.append(("tampered tests", f"test cell '{grade_id}' was deleted (the "
                                 "instructor's copy was graded)"))
            continue
        if len(copies) > 1:
            findings.append(("tampered tests", f"{label} '{grade_id}' appears {len(copies)} "
                             "times (only the first copy counts)"))
        copy = copies[0]
        if copy.get("cell_type") != cell.get("cell_type"):
            findings.append(("tampered tests", f"{label} '{grade_id}' was changed from "
                             f"{cell.get('cell_type')} to {copy.get('cell_type')}"))
        if is_test and visible_part(_source(copy)) != visible_part(_source(cell)):
            findings.append(("tampered tests", f"test cell '{grade_id}' was edited (the "
                             "instructor's copy was graded)"))
        if meta.get("grade") and _nbgrader(copy).get("points") != meta.get("points"):
            findings.append(("tampered tests", f"{label} '{grade_id}' claims "
                             f"{_nbgrader(copy).get('points')} points instead of "
                             f"{meta.get('points')} (the instructor's points were used)"))
        for flag in ("grade", "solution", "locked"):
            if bool(_nbgrader(copy).get(flag)) != bool(meta.get(flag)):
                findings.append(("tampered tests", f"{label} '{grade_id}' has its nbgrader "
                                 f"'{flag}' flag changed (the instructor's was used)"))
    for grade_id in sorted(set(theirs) - set(ours)):
        findings.append(("tampered tests", f"a cell claims the id '{grade_id}', which the "
                         "assignment does not have (it was run as the learner's own code)"))
    ids = Counter(c.get("id") for c in cells if isinstance(c.get("id"), str))
    repeated = sorted(i for i, n in ids.items() if n > 1)
    if repeated:
        findings.append(("tampered tests", f"cell ids repeat ({', '.join(repeated[:5])}); "
                         "nbgrader kept the first of each"))
    return findings


# Attribute or name patterns, and what a learner's code did with them.
_HOOKS = {
    "input_transformers_post": "adds an IPython input transformer",
    "input_transformers_cleanup": "adds an IPython input transformer",
    "ast_transformers": "adds an IPython AST transformer",
    "set_custom_exc": "changes how IPython reports errors",
    "showtraceback": "changes how IPython reports errors",
    "displayhook": "changes Python's display hook",
    "excepthook": "changes Python's error hook",
    "settrace": "installs a trace function",
    "setprofile": "installs a profile function",
    "register": None,  # only on IPython's events, see below
}
_CALLS = {
    ("signal", "signal"): "installs a signal handler",
    ("os", "kill"): "sends signals to processes",
    ("os", "killpg"): "sends signals to processes",
    ("os", "fork"): "starts processes",
    ("os", "forkpty"): "starts processes",
    ("os", "_exit"): "stops its own Python (os._exit)",
    ("os", "abort"): "stops its own Python (os.abort)",
    ("sys", "exit"): "calls sys.exit",
    ("gc", "get_objects"): "searches Python's memory for objects",
    ("gc", "get_referrers"): "searches Python's memory for objects",
}
_MODULES = {
    "socket": "blocked network", "urllib": "blocked network", "http": "blocked network",
    "requests": "blocked network", "httpx": "blocked network", "ftplib": "blocked network",
    "smtplib": "blocked network", "ctypes": "tampered interpreter",
    "subprocess": "too many processes", "multiprocessing": "too many processes",
}
_MODULE_WORDS = {"blocked network": "opens network connections",
                 "tampered interpreter": "reaches into Python's memory (ctypes)",
                 "too many processes": "starts other processes"}
_PATH = re.compile(r"(gradebook|\.db\b|/source/|/submitted/|/autograded/|/release/|"
                   r"/feedback/|/exchange/|nbgrader_config|\.\./|^/(?!home/learner))")
_DUNDERS = {"__eq__", "__ne__", "__bool__", "__hash__", "__lt__", "__gt__", "__le__", "__ge__",
            "__instancecheck__", "__subclasscheck__", "__getattribute__"}


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    if isinstance(node, ast.Call):
        return f"{_dotted(node.func)}()"
    if isinstance(node, ast.Subscript):
        return f"{_dotted(node.value)}[]"
    return "?"


def scan_code(sources: list[str]) -> list[Finding]:
    """What a learner's code cells attempt against the grader (read, never run).

    >>> scan_code(["import builtins\\nbuiltins.len = lambda x: 3"])
    [('tampered interpreter', 'changes a Python builtin (builtins.len)')]
    >>> scan_code(["open('../../gradebook.db').read()"])
    [('blocked file access', "reaches for a file outside its folder ('../../gradebook.db')")]
    >>> scan_code(["x = sum([1, 2])"])
    []
    """
    found: dict[Finding, None] = {}
    for source in sources:
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            targets: list[ast.AST] = []
            if isinstance(node, ast.Assign):
                targets = list(node.targets)
            elif isinstance(node, ast.AugAssign | ast.AnnAssign):
                targets = [node.target]
            for target in targets:
                name = _dotted(target)
                if name.startswith(("builtins.", "__builtins__")):
                    found[("tampered interpreter", f"changes a Python builtin ({name})")] = None
                elif name.startswith("sys.modules"):
                    found[("tampered interpreter", "replaces modules in sys.modules")] = None
                elif name.split(".")[-1] in ("excepthook", "displayhook", "showtraceback",
                                             "run_cell", "run_ast_nodes", "user_expressions",
                                             "do_execute", "send_response"):
                    found[("tampered interpreter", f"replaces {name}")] = None
                elif isinstance(target, ast.Attribute) and target.attr in _DUNDERS:
                    found[("tampered interpreter", f"replaces {name}, which decides how "
                                                   "answers compare")] = None
            if isinstance(node, ast.Call):
                name = _dotted(node.func)
                parts = name.split(".")
                if name in ("setattr", "delattr") and node.args and \
                        _dotted(node.args[0]).split(".")[0] in ("builtins", "__builtins__",
                                                                 "sys", "get_ipython()"):
                    found[("tampered interpreter", f"{name}() on {_dotted(node.args[0])}")] \
                        = None
                what = _CALLS.get(tuple(parts[-2:])) if len(parts) >= 2 else None  # type: ignore[arg-type]
                if what:
                    kind = ("kernel died" if "stops" in what or "sys.exit" in what
                            else "too many processes" if what == "starts processes"
                            else "tampered interpreter")
                    found[(kind, what)] = None
                hook = parts[-1] if parts else ""
                if _HOOKS.get(hook):
                    found[("tampered interpreter", _HOOKS[hook])] = None
                if hook == "register" and "events" in parts:
                    found[("tampered interpreter", "registers an IPython event callback")] \
                        = None
                if hook in ("append", "insert", "extend") and any(
                        p in _HOOKS and _HOOKS[p] for p in parts[:-1]):
                    found[("tampered interpreter", next(_HOOKS[p] for p in parts[:-1]
                                                         if _HOOKS.get(p)))] = None
            if isinstance(node, ast.FunctionDef) and node.name in _DUNDERS - {"__hash__"}:
                found[("tampered interpreter", f"defines {node.name}, which decides how its "
                                               "objects compare (no effect on the tests)")] \
                    = None
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) \
                    else [node.module or ""]
                for module in names:
                    kind = _MODULES.get(module.split(".")[0])
                    if kind:
                        found[(kind, _MODULE_WORDS[kind])] = None
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                    len(node.value) < 300 and _PATH.search(node.value):
                found[("blocked file access", "reaches for a file outside its folder "
                                              f"({node.value!r})")] = None
    return list(found)


def classify_error(ename: str, evalue: str, limits: Limits | None = None) -> Finding | None:
    """The problem an error raised in the sandbox points to, if it points to one.

    >>> classify_error("MemoryError", "")
    ('memory limit', 'ran out of its 2048 MB of memory (MemoryError)')
    >>> classify_error("OSError", "[Errno 101] Network is unreachable")
    ('blocked network', 'tried to use the network, which is blocked ([Errno 101] Network is unreachable)')
    >>> classify_error("ValueError", "could not convert") is None
    True
    """  # noqa: E501
    limits = limits or Limits()
    text = f"{ename}: {evalue}"
    if ename == "MemoryError" or "Cannot allocate memory" in evalue:
        return ("memory limit", f"ran out of its {limits.memory_mb} MB of memory ({ename})")
    if ename == "BlockingIOError" or "Resource temporarily unavailable" in evalue or \
            ("can't start new thread" in evalue):
        return ("too many processes", f"started more than {limits.processes} processes or "
                                      f"threads ({text[:120]})")
    if any(w in evalue for w in ("Network is unreachable", "Temporary failure in name "
                                 "resolution", "Name or service not known",
                                 "No address associated", "Connection refused")) or \
            ename in ("gaierror", "URLError", "ConnectionError", "ConnectTimeout"):
        return ("blocked network", f"tried to use the network, which is blocked ({evalue[:120]})")
    if (ename in ("PermissionError", "FileNotFoundError", "OSError", "IsADirectoryError") and \
            re.search(r"'(/(?!home/learner)[^']*|[^']*\.\./[^']*)'", evalue)) or \
            "Read-only file system" in evalue:
        return ("blocked file access", f"tried to reach a file outside its folder "
                                       f"({evalue[:160]})")
    return None
