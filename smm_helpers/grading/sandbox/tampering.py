"""What a submission tried, said in an instructor's words.

Nothing here decides a score: the sandbox and the trusted test runner already make every
trick worthless.  This module only *names* what happened, for the autograde summary:

- :func:`scan_code` reads the learner's code for attempts on the grader (changing builtins,
  SMM Lab's checks or IPython's hooks, signal handlers, reaching outside their folder, the
  network, forks);
- :func:`classify_error` reads an error a learner's cell raised in the sandbox.

Findings of one sort are merged into one line that lists what was found, so a submission
that reaches for twenty paths gets one line in the summary, not twenty.
"""

from __future__ import annotations

import ast
import re

from smm_helpers.grading.instructor_cells import listed as _listed
from smm_helpers.grading.sandbox.launch import Limits

Finding = tuple[str, str]
"""(problem kind, what happened)."""

# What a learner's code did with a name, and how the summary says it: (kind, one, many).
_BUILTIN = ("tampered interpreter", "changes a Python builtin", "changes Python builtins")
_SMM = ("tampered interpreter", "replaces part of SMM Lab", "replaces parts of SMM Lab")
_MODULES_TABLE = (
    "tampered interpreter",
    "replaces modules in sys.modules",
    "replaces modules in sys.modules",
)
_REPLACES = (
    "tampered interpreter",
    "replaces a hook of Python or IPython",
    "replaces hooks of Python or IPython",
)
_COMPARES = (
    "tampered interpreter",
    "replaces a method that decides how answers compare",
    "replaces methods that decide how answers compare",
)
_DEFINES = (
    "tampered interpreter",
    "defines {}, which decides how its objects compare (no effect on the tests)",
    "defines {}, which decide how its objects compare (no effect on the tests)",
)
_SETATTR = (
    "tampered interpreter",
    "changes the interpreter with setattr",
    "changes the interpreter with setattr",
)
_PATHS = (
    "blocked file access",
    "reaches for a file outside its folder",
    "reaches for files outside its folder",
)
_SIGNALS = (
    "tampered interpreter",
    "sends signals to processes with {} (the grader is out of its reach)",
    "sends signals to processes with {} (the grader is out of its reach)",
)
_FORKS = ("too many processes", "starts processes", "starts processes")
_STOPS = ("kernel died", "tries to stop its own Python", "tries to stop its own Python")

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
}
_REPLACED_HOOKS = (
    "excepthook",
    "displayhook",
    "showtraceback",
    "run_cell",
    "run_ast_nodes",
    "user_expressions",
    "do_execute",
    "send_response",
)
_CALLS = {
    ("signal", "signal"): ("tampered interpreter", "installs a signal handler"),
    ("gc", "get_objects"): ("tampered interpreter", "searches Python's memory for objects"),
    ("gc", "get_referrers"): ("tampered interpreter", "searches Python's memory for objects"),
}
_SIGNAL_CALLS = {("os", "kill"), ("os", "killpg"), ("signal", "pthread_kill")}
_FORK_CALLS = {("os", "fork"), ("os", "forkpty"), ("pty", "fork")}
_STOP_CALLS = {
    ("os", "_exit"): "os._exit",
    ("os", "abort"): "os.abort",
    ("sys", "exit"): "sys.exit",
}
_MODULES = {
    "socket": "blocked network",
    "urllib": "blocked network",
    "http": "blocked network",
    "requests": "blocked network",
    "httpx": "blocked network",
    "ftplib": "blocked network",
    "smtplib": "blocked network",
    "ctypes": "tampered interpreter",
    "subprocess": "too many processes",
    "multiprocessing": "too many processes",
}
_MODULE_WORDS = {
    "blocked network": "opens network connections",
    "tampered interpreter": "reaches into Python's memory (ctypes)",
    "too many processes": "starts other processes",
}
_COURSE_PATH = re.compile(
    r"(gradebook|\.db\b|/source/|/submitted/|/autograded/|/release/|"
    r"/feedback/|/exchange/|nbgrader_config|\.\./|^\.\.$)"
)
_PATH = re.compile(_COURSE_PATH.pattern + r"|^/(?!home/learner(/|$))[^\s/]+")
_WALKERS = {"walk", "listdir", "scandir", "glob", "iglob", "Path", "chdir", "open", "rglob"}
_DUNDERS = {
    "__eq__",
    "__ne__",
    "__bool__",
    "__hash__",
    "__lt__",
    "__gt__",
    "__le__",
    "__ge__",
    "__instancecheck__",
    "__subclasscheck__",
    "__getattribute__",
}


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


def _in_fork_child(tree: ast.AST) -> set[int]:
    """Nodes under an ``if`` that tests ``os.fork()``: code a forked child runs, not the kernel.

    >>> tree = ast.parse("if os.fork() == 0:\\n    os._exit(0)\\nos._exit(1)")
    >>> sorted(type(n).__name__ for n in ast.walk(tree) if id(n) in _in_fork_child(tree))[:3]
    ['Attribute', 'Call', 'Constant']
    """
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and any(
            isinstance(n, ast.Call) and _dotted(n.func).split(".")[-1] == "fork"
            for n in ast.walk(node.test)
        ):
            for statement in node.body:
                inside.update(id(n) for n in ast.walk(statement))
    return inside


def _smm_aliases(tree: ast.AST) -> set[str]:
    """Names the code binds to SMM Lab's own modules (``import smm_helpers.x as y``)."""
    aliases: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "smm_helpers":
                    aliases.add(alias.asname or "smm_helpers")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("smm_helpers"):
            aliases.update(
                alias.asname or alias.name
                for alias in node.names
                if alias.name[:1].islower() and not alias.name.startswith("expect")
            )
    return aliases


class _Findings:
    """Findings merged by sort: (kind, one, many) → items, in the order first found.

    ``one`` and ``many`` say what was done with one item or several; the items go where
    ``{}`` is, or in brackets at the end.
    """

    def __init__(self) -> None:
        self.items: dict[tuple[str, str, str], dict[str, None]] = {}

    def add(self, sort: tuple[str, str, str], item: str = "") -> None:
        self.items.setdefault(sort, {})[item] = None

    def __call__(self) -> list[Finding]:
        out = []
        for (kind, one, many), items in self.items.items():
            named = [i for i in items if i]
            label = one if len(named) <= 1 else many
            if not named:
                out.append((kind, label.replace(" {}", "")))
            elif "{}" in label:
                out.append((kind, label.format(_listed(named))))
            else:
                out.append((kind, f"{label} ({_listed(named)})"))
        return out


def scan_code(sources: list[str]) -> list[Finding]:
    """What a learner's code cells attempt against the grader (read, never run).

    >>> scan_code(["import builtins\\nbuiltins.len = lambda x: 3"])
    [('tampered interpreter', 'changes a Python builtin (builtins.len)')]
    >>> scan_code(["open('../../gradebook.db').read()"])
    [('blocked file access', "reaches for a file outside its folder ('../../gradebook.db')")]
    >>> scan_code(["for p in ('/srv/course', '/etc/passwd', '../x'): open(p)"])
    [('blocked file access', "reaches for files outside its folder ('/srv/course', '/etc/passwd', '../x')")]
    >>> scan_code(["x = sum([1, 2])", "label = '/'.join(['a', 'b'])"])
    []
    """  # noqa: E501
    found = _Findings()
    for source in sources:
        try:
            tree = ast.parse(source)
        except (SyntaxError, ValueError):
            continue
        child = _in_fork_child(tree)
        smm = _smm_aliases(tree)
        formatted = {
            id(part)
            for node in ast.walk(tree)
            if isinstance(node, ast.JoinedStr)
            for part in node.values
        }
        for node in ast.walk(tree):
            _scan_assignment(node, smm, found)
            if isinstance(node, ast.Call):
                _scan_call(node, id(node) in child, smm, found)
            if isinstance(node, ast.FunctionDef) and node.name in _DUNDERS - {"__hash__"}:
                found.add(_DEFINES, node.name)
            if (
                isinstance(node, ast.Raise)
                and node.exc is not None
                and _dotted(node.exc).split("(")[0] in ("SystemExit", "KeyboardInterrupt")
            ):
                found.add(_STOPS, f"raise {_dotted(node.exc).split('(')[0]}")
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = (
                    [a.name for a in node.names]
                    if isinstance(node, ast.Import)
                    else [node.module or ""]
                )
                for module in names:
                    kind = _MODULES.get(module.split(".")[0])
                    if kind:
                        found.add((kind, _MODULE_WORDS[kind], _MODULE_WORDS[kind]))
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and len(node.value) < 300
                and "\n" not in node.value
                and (_COURSE_PATH if id(node) in formatted else _PATH).search(node.value)
            ):
                found.add(_PATHS, repr(node.value))  # in an f-string, "/week" is not a path
    return found()


def _scan_assignment(node: ast.AST, smm: set[str], found: _Findings) -> None:
    targets: list[ast.AST] = []
    if isinstance(node, ast.Assign):
        targets = list(node.targets)
    elif isinstance(node, ast.AugAssign | ast.AnnAssign):
        targets = [node.target]
    for target in targets:
        name = _dotted(target)
        head = name.split(".")[0].split("[")[0]
        if name.startswith(("builtins.", "__builtins__")):
            found.add(_BUILTIN, name)
        elif name.startswith("sys.modules"):
            found.add(_MODULES_TABLE)
        elif isinstance(target, ast.Name) and target.id.startswith("expect_"):
            found.add(_SMM, target.id)
        elif isinstance(target, ast.Attribute) and head in smm:
            found.add(_SMM, name)
        elif name.split(".")[-1] in _REPLACED_HOOKS:
            found.add(_REPLACES, name)
        elif isinstance(target, ast.Attribute) and target.attr in _DUNDERS:
            found.add(_COMPARES, name)


def _scan_call(node: ast.Call, in_child: bool, smm: set[str], found: _Findings) -> None:
    name = _dotted(node.func)
    parts = name.split(".")
    pair = tuple(parts[-2:]) if len(parts) >= 2 else ("", parts[0])
    if name in ("setattr", "delattr") and node.args:
        target = _dotted(node.args[0])
        head = target.split(".")[0]
        if head in ("builtins", "__builtins__"):
            found.add(_BUILTIN, f"{name}({target}, ...)")
        elif head in smm:
            found.add(_SMM, f"{name}({target}, ...)")
        elif head in ("sys", "get_ipython()"):
            found.add(_SETATTR, target)
    if pair in _CALLS:
        kind, what = _CALLS[pair]
        found.add((kind, what, what))
    if pair in _SIGNAL_CALLS:
        found.add(_SIGNALS, ".".join(pair))
    if pair in _FORK_CALLS:
        found.add(_FORKS)
    if pair in _STOP_CALLS and not in_child:
        found.add(_STOPS, _STOP_CALLS[pair])
    if name in ("exit", "quit") and not in_child:
        found.add(_STOPS, f"{name}()")
    if pair[-1] in ("update", "pop", "setdefault", "__setitem__") and name.startswith(
        "sys.modules"
    ):
        found.add(_MODULES_TABLE)
    hook = parts[-1]
    if _HOOKS.get(hook):
        found.add(("tampered interpreter", _HOOKS[hook], _HOOKS[hook]))
    if hook == "register" and "events" in parts:
        what = "registers an IPython event callback"
        found.add(("tampered interpreter", what, what))
    if hook in ("append", "insert", "extend"):
        for part in parts[:-1]:
            if _HOOKS.get(part):
                found.add(("tampered interpreter", _HOOKS[part], _HOOKS[part]))
                break
    if (
        hook in _WALKERS
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and node.args[0].value in ("/", "..")
    ):
        found.add(_PATHS, repr(node.args[0].value))


def classify_error(ename: str, evalue: str, limits: Limits | None = None) -> Finding | None:
    """The problem an error raised in the sandbox points to, if it points to one.

    >>> classify_error("MemoryError", "")
    ('memory limit', 'ran out of its 2048 MB of memory (MemoryError)')
    >>> classify_error("OSError", "[Errno 101] Network is unreachable")
    ('blocked network', 'tried to use the network, which is blocked ([Errno 101] Network is unreachable)')
    >>> classify_error("OSError", "[Errno 30] Read-only file system: '/work/venv/sitecustomize.py'")
    ('blocked file access', "tried to reach a file outside its folder ([Errno 30] Read-only file system: '/work/venv/sitecustomize.py')")
    >>> classify_error("SystemExit", "0")
    ('kernel died', 'tried to stop its own Python (SystemExit: 0); only that cell stopped')
    >>> classify_error("ValueError", "could not convert") is None
    True
    """  # noqa: E501
    limits = limits or Limits()
    text = f"{ename}: {evalue}"
    if ename == "MemoryError" or "Cannot allocate memory" in evalue:
        return ("memory limit", f"ran out of its {limits.memory_mb} MB of memory ({ename})")
    if (
        ename == "BlockingIOError"
        or "Resource temporarily unavailable" in evalue
        or ("can't start new thread" in evalue)
    ):
        return (
            "too many processes",
            f"started more than {limits.processes} processes or threads ({text[:120]})",
        )
    if any(
        w in evalue
        for w in (
            "Network is unreachable",
            "Temporary failure in name resolution",
            "Name or service not known",
            "No address associated",
            "Connection refused",
        )
    ) or ename in ("gaierror", "URLError", "ConnectionError", "ConnectTimeout"):
        return ("blocked network", f"tried to use the network, which is blocked ({evalue[:120]})")
    if (
        ename
        in (
            "PermissionError",
            "FileNotFoundError",
            "OSError",
            "IsADirectoryError",
            "NotADirectoryError",
        )
        and re.search(r"'(/(?!home/learner)[^']*|[^']*\.\./[^']*)'", evalue)
    ) or "Read-only file system" in evalue:
        return ("blocked file access", f"tried to reach a file outside its folder ({evalue[:160]})")
    if ename == "SystemExit":
        return (
            "kernel died",
            f"tried to stop its own Python ({text[:80]}); only that cell stopped",
        )
    return None
