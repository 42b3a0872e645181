"""The trusted test runner: the instructor's tests run here, never in a learner's kernel.

A submission's code runs first, in its sandboxed kernel.  Each test cell then runs in the
grader, in a namespace built from two sources:

- names the instructor's read-only cells define (imports, the learner's data, helper
  functions) and names earlier test cells define — run here, from the gradebook's copy of
  the source, so a submission cannot replace ``expect_close`` or the data it is checked on;
- the names the instructor's own solutions define before the test (``learner_names``, from
  :mod:`smm_helpers.grading.instructor_cells`), fetched from the learner's kernel as plain
  data (:mod:`.answers`).  No other name is ever asked of the learner: a test that reads
  ``expect_close`` gets the instructor's, even if the setup cell was deleted in the
  submission and the learner defined their own.
- a function the learner wrote becomes a caller that runs it in the sandbox and brings back
  its result as plain data, only where the test itself calls it by name
  (``share(posts)``): handed to trusted code as a value (a ``key=``, a check's argument),
  it stands for nothing, so no trusted code ever passes the learner's code what it is
  comparing against.

So builtins, ``__eq__``, IPython's hooks or signal handlers changed by a submission never
touch the tests, and hidden tests never enter the sandbox.

The runner also notes, for the instructor's review of possible copying
(:mod:`smm_helpers.grading.similarity`), which names each test read (``reads``) and a
fingerprint of each answer the first time a test reads it (``answer_prints``, with about
how many bits of information it holds in ``answer_bits``).  Fingerprinting walks the value
already decoded, without copying it, and never fails a test: an answer it cannot
fingerprint is left out.

>>> values = {"answer": '{"answer": {"t": "int", "v": "42"}}'}
>>> runner = TestRunner(ask=lambda expression, timeout: values["answer"])
>>> runner.run_test("assert answer == 42", "checks_answer", learner_names={"answer"})
[]
>>> runner.run_test("assert answer == 41, 'not 41'", "checks_answer",
...                 learner_names={"answer"})[0]["evalue"]
'not 41'
>>> runner.run_test("assert answer == 42", "checks_answer", learner_names=set())[0]["evalue"]
"name 'answer' is not defined"
>>> runner.reads, len(runner.answer_prints["answer"]), runner.answer_bits
({'checks_answer': ['answer']}, 64, {'answer': 6})
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import gc
import io
import linecache
import os
import signal
import sys
import threading
import traceback
import warnings
from collections.abc import Callable, Container, Iterator
from pathlib import Path
from typing import Any, TextIO

from smm_helpers.grading.sandbox import answers
from smm_helpers.grading.similarity import answer_print
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits

Ask = Callable[[str, float], str]
"""Evaluate an expression in the learner's kernel; return the string it gives."""

_MODULE = "smm_helpers.grading.sandbox.answers"


class LearnerUnavailable(Exception):
    """The learner's kernel did not answer (it stopped, hung, or its Python was changed)."""


class LearnerCodeError(Exception):
    """A function the learner wrote raised an error when a test called it."""


def read_names(source: str) -> list[str]:
    """The names a cell reads, sorted (the ones a test may need from a learner).

    >>> read_names("expect_close(er, summarize(_own)['er'])\\nx = [p for p in er]")
    ['_own', 'er', 'expect_close', 'p', 'summarize']
    """
    found: dict[str, None] = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            found.setdefault(node.id, None)
    return sorted(found)


def called_names(source: str) -> set[str]:
    r"""The names a cell calls directly (``f(...)``): the only learner functions it may run.

    >>> sorted(called_names("expect_close(share(posts), 0.5)\nsorted(x, key=rank)"))
    ['expect_close', 'share', 'sorted']
    """
    return {
        node.func.id
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }


def _without_magics(source: str) -> str:
    from IPython.core.inputtransformer2 import TransformerManager  # heavy: loaded on first use

    return TransformerManager().transform_cell(source)


class LearnerFunction:
    """A function the learner wrote, called in their sandbox with plain-data arguments."""

    def __init__(self, name: str, runner: TestRunner) -> None:
        self.name = name
        self._runner = runner

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        arguments = answers.json.dumps(answers._encode([list(args), kwargs]))
        expression = (
            f"__import__({_MODULE!r}, fromlist=['call']).call(globals(), "
            f"{self.name!r}, {arguments!r})"
        )
        try:
            reply = answers.read_json(
                self._runner.ask(expression, self._runner.timeout), budget=self._runner.budget
            )
        except answers.AnswerError:
            raise LearnerUnavailable(
                _("{name}(...) did not answer with plain data").format(name=self.name)
            ) from None
        if not isinstance(reply, dict):
            raise LearnerUnavailable(
                _("{name}(...) did not answer with plain data").format(name=self.name)
            )
        if "raised" in reply:
            raise LearnerCodeError(
                f"{self.name}(...) raised {reply['raised']}: {reply.get('why', '')}"
            )
        return answers._decode_named(
            f"{self.name}(...)", reply.get("ok"), budget=self._runner.budget
        )

    def __repr__(self) -> str:
        return f"<the learner's function {self.name}>"  # i18n: not shown


class TestRunner:
    """Runs read-only cells and test cells of one notebook for one learner (see the module).

    ``ask`` reaches the learner's kernel; ``folder`` is where tests run (the instructor's
    copy of the assignment, so relative file names find the instructor's files).
    """

    def __init__(self, ask: Ask, folder: Path | None = None, timeout: float = 60.0) -> None:
        self.ask = ask
        self.folder = folder
        self.timeout = timeout
        self.trusted: dict[str, Any] = {"__name__": "__main__", "__builtins__": builtins}
        self.unreadable: list[str] = []
        self.budget = answers.Budget()
        """The bytes the learner's answers may take in the grader, for the whole notebook."""
        self.reads: dict[str, list[str]] = {}
        """The names each test (by grade_id) asked of the learner, in the order it asked."""
        self.answer_prints: dict[str, str] = {}
        """A fingerprint (SHA-256, hex) of each answer, taken the first time a test read it
        (:func:`~smm_helpers.grading.similarity.answer_print`); none for a function, a
        missing or unreadable answer, or one too big to fingerprint."""
        self.answer_bits: dict[str, int] = {}
        """About how many bits of information each fingerprinted answer holds."""
        self._printed: set[str] = set()

    def run_setup(self, source: str, grade_id: str) -> list[dict[str, Any]]:
        """Run an instructor's read-only cell here (its outputs are the kernel's, not these)."""
        outputs, _ = self._exec(source, grade_id, self.trusted)
        return [o for o in outputs if o["output_type"] == "error"]

    def run_test(
        self, source: str, grade_id: str, *, learner_names: Container[str]
    ) -> list[dict[str, Any]]:
        """Run a test cell; its outputs as nbformat dicts (an ``error`` output if it failed).

        ``learner_names`` are the names it may read from the learner (see the module).
        """
        code = _without_magics(source)
        wanted = [
            n
            for n in read_names(code)
            if n not in self.trusted
            and n in learner_names
            and not hasattr(builtins, n)
            and not (n.startswith("__") and n.endswith("__"))
        ]
        namespace = dict(self.trusted)
        missing: set[str] = set()
        if wanted:
            asked = self.reads.setdefault(grade_id, [])
            asked += [name for name in wanted if name not in asked]
            try:
                fetched = self._fetch(wanted, callable_names=called_names(code))
            except LearnerUnavailable as why:
                return [
                    _error(
                        "LearnerUnavailable",
                        _(
                            "the grader could not read your answers ({why}), so this test could "
                            "not "
                            "run"
                        ).format(why=why),
                        [],
                    )
                ]
            for name, value in fetched.items():
                if isinstance(value, answers.Missing):
                    missing.add(name)
                else:
                    namespace[name] = value
        before = dict(namespace)
        outputs, error = self._exec(source, grade_id, namespace)
        if isinstance(error, NameError) and error.name in missing:
            outputs[-1]["evalue"] += _(
                " — your notebook does not define {name}; run every cell before you submit, "
                "and keep the name the exercise asks for"
            ).format(name=error.name)
        for name, value in namespace.items():
            if name not in before or before[name] is not value:
                self.trusted[name] = value
        return outputs

    def _fetch(self, names: list[str], callable_names: Container[str]) -> dict[str, Any]:
        expression = f"__import__({_MODULE!r}, fromlist=['export']).export(globals(), {names!r})"
        text = self.ask(expression, self.timeout)
        try:
            values = answers.decode(text, budget=self.budget)
        except answers.AnswerError as error:
            raise LearnerUnavailable(
                _("its answers were not plain data: {error}").format(error=error)
            ) from None
        for name, value in list(values.items()):
            if name not in names:
                del values[name]
            elif isinstance(value, answers.FunctionAnswer) and name in callable_names:
                values[name] = LearnerFunction(name, self)
            elif isinstance(value, answers.FunctionAnswer):
                values[name] = answers.Unreadable(
                    name, _("a function, where this test needs a value (give the value itself)")
                )
            elif isinstance(value, answers.Unreadable):
                self.unreadable.append(f"{name}: {value!r}")
        self._fingerprint(values)
        return values

    def _fingerprint(self, values: dict[str, Any]) -> None:
        """Note the fingerprint of each answer read for the first time (see the module).

        >>> runner = TestRunner(ask=lambda expression, timeout: "{}")
        >>> runner._fingerprint({"a": {"x": 1.5, "y": 2}, "b": answers.Missing("b")})
        >>> runner._fingerprint({"a": {"y": 2, "x": 1.5, "z": 0}})  # the first one is kept
        >>> sorted(runner.answer_prints), runner.answer_bits
        (['a'], {'a': 9})
        """
        for name, value in values.items():
            if name in self._printed or isinstance(
                value,
                answers.Missing | answers.Unreadable | answers.FunctionAnswer | LearnerFunction,
            ):
                continue
            self._printed.add(name)
            try:
                found = answer_print(value)
            except Exception:  # it never raises; and if it did, grading goes on without it
                found = None
            if found is not None:
                self.answer_prints[name] = found.sha256
                self.answer_bits[name] = found.bits

    def _exec(
        self, source: str, grade_id: str, namespace: dict[str, Any]
    ) -> tuple[list[dict[str, Any]], BaseException | None]:
        filename = f"<cell {grade_id}>"
        code_text = _without_magics(source)
        linecache.cache[filename] = (len(code_text), None, code_text.splitlines(True), filename)
        out, err = io.StringIO(), io.StringIO()
        error: BaseException | None = None
        here = Path.cwd()
        try:
            code = compile(code_text, filename, "exec")
            with (
                _collector_paused(),
                contextlib.redirect_stdout(out),
                contextlib.redirect_stderr(err),
                _warnings_a_kernel_shows() as caught,
                _time_limit(2 * self.timeout + 10),
            ):
                if self.folder is not None and self.folder.is_dir():
                    os.chdir(self.folder)
                exec(code, namespace)
        except Exception as raised:
            error = raised
        finally:
            os.chdir(here)
        outputs: list[dict[str, Any]] = []
        if out.getvalue():
            outputs.append({"output_type": "stream", "name": "stdout", "text": out.getvalue()})
        notes = err.getvalue() + "".join(caught)
        if notes:
            outputs.append({"output_type": "stream", "name": "stderr", "text": notes})
        if error is not None:
            frames = [
                f for f in traceback.extract_tb(error.__traceback__) if f.filename == filename
            ]
            lines = [
                "Traceback (most recent call last):",  # i18n: not shown (Python's words)
                *"".join(traceback.format_list(frames)).rstrip("\n").split("\n"),
            ]
            outputs.append(_error(type(error).__name__, str(error), lines))
        return outputs, error


class TestTookTooLong(Exception):
    """A test cell ran past its time limit in the grader (on the learner's answers)."""

    __test__ = False  # not a pytest class


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Stop the block with :class:`TestTookTooLong` after ``seconds``.

    A test is the instructor's code, but it runs on the learner's answers, and an answer can
    make a check slow (a huge text for a regular expression, say): the grading must still
    end.  A timer signal can only stop the main thread, where a grading process grades;
    elsewhere (a Dask worker's thread) the block runs unbounded, and the cluster's own
    deadline stops the grading instead.

    >>> import time
    >>> with _time_limit(0.2):
    ...     while True:
    ...         time.sleep(0.01)
    Traceback (most recent call last):
    ...
    smm_helpers.grading.sandbox.runner.TestTookTooLong: the test ran for over 0.2 s in the grader, on your answers
    """  # noqa: E501
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        yield
        return

    def stop(signum: int, frame: Any) -> None:
        raise TestTookTooLong(
            _("the test ran for over {seconds} s in the grader, on your answers").format(
                seconds=digits(f"{seconds:g}")
            )
        )

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's garbage collector stays off while a test runs.

    Garbage the grader left behind (a finished worker thread's event loop, a pending task)
    is then never finalised inside a test, where whatever its finaliser prints would count
    against the learner.  The test's own garbage is collected after it, as usual (enter
    this before redirecting the output: a collection may run as soon as it ends).
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


@contextlib.contextmanager
def _warnings_a_kernel_shows() -> Iterator[list[str]]:
    """Collect the warnings a test cell raises, as a learner's Jupyter kernel would show them.

    That is Python's default filters (deprecations outside the notebook's own code, import
    and resource warnings hidden) with IPython's rule that shows a ``DeprecationWarning``
    the notebook's own code (``__main__``) raises.  Only this thread's warnings are the
    test's: a grading worker's other threads, or the grader's own leftovers collected while
    the test runs (an unclosed event loop's ``ResourceWarning``), must not print into the
    test's output, where nbgrader would take them for a failure.
    """
    test_thread = threading.get_ident()
    caught: list[str] = []
    with warnings.catch_warnings():
        warnings.resetwarnings()
        for hidden in (
            DeprecationWarning,
            PendingDeprecationWarning,
            ImportWarning,
            ResourceWarning,
        ):
            warnings.filterwarnings("ignore", category=hidden)
        warnings.filterwarnings("default", category=DeprecationWarning, module=r"__main__\Z")
        elsewhere = warnings.showwarning

        def show(
            message: Warning | str,
            category: type[Warning],
            filename: str,
            lineno: int,
            file: TextIO | None = None,
            line: str | None = None,
        ) -> None:
            if threading.get_ident() == test_thread:
                caught.append(f"{category.__name__}: {message}\n")
            else:
                elsewhere(message, category, filename, lineno, sys.__stderr__, line)

        warnings.showwarning = show
        yield caught


def _error(name: str, value: str, lines: list[str]) -> dict[str, Any]:
    return {
        "output_type": "error",
        "ename": name,
        "evalue": value,
        "traceback": [*lines, f"{name}: {value}"],
    }
