"""nbgrader's execute step, sandboxed: ``SandboxedExecute`` replaces nbgrader's ``Execute``.

For each submission it makes a private folder, copies in only that learner's own files,
starts the kernel in the sandbox (:mod:`.bwrap`, :mod:`.launch`), and walks the notebook:

- which cells are the instructor's comes from :mod:`smm_helpers.grading.instructor_cells`
  (the source notebook and the gradebook), never from the submission: the notebook must
  already have been rebuilt from them (:mod:`.rebuild`), and a notebook whose labelled cells
  are not exactly the instructor's, in the instructor's order, is refused;
- the learner's cells (and the instructor's read-only cells) run in the sandboxed kernel;
  each read-only cell also runs in the trusted :class:`~.runner.TestRunner`, always;
- test cells run in the trusted runner, reading from the learner only the names the
  instructor's solutions define;
- one time budget per notebook covers the learner's cells and every question the tests ask
  the learner's kernel (a learner's function the tests call, their answers' export);
- a cell that runs too long is interrupted; a kernel that ignores that, or dies, is killed
  with everything it started, and the remaining cells are marked as not run;
- a cell's output beyond ``max_output_chars`` is dropped, with a note.

What it saw is written to ``report_dir`` as JSON (``smm-course autograde`` turns it into the
problems of its summary): ``sandbox`` and ``why``, ``problems`` and ``unreadable``, and for
the review of possible copying (:mod:`smm_helpers.grading.similarity`) ``answers`` (answer
name → the fingerprint of the learner's answer), ``answer_bits`` (name → about how many
bits of information it holds) and ``reads`` (test grade_id → the names it read from the
learner).  nbgrader then scores the test cells from their outputs as usual.
"""

from __future__ import annotations

import ast
import contextlib
import json
import time
from pathlib import Path
from typing import Any

import zmq
import zmq.asyncio
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_core.utils import run_sync
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbformat import NotebookNode, from_dict
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import Execute
from traitlets import Enum, Integer, Unicode

from smm_helpers.grading.instructor_cells import Plan, listed
from smm_helpers.grading.languages import released_language
from smm_helpers.grading.sandbox import scratch
from smm_helpers.grading.sandbox.bwrap import Sandbox, support
from smm_helpers.grading.sandbox.kernel import SandboxedKernelManager
from smm_helpers.grading.sandbox.launch import Limits
from smm_helpers.grading.sandbox.rebuild import instructor_plan
from smm_helpers.grading.sandbox.runner import LearnerUnavailable, TestRunner
from smm_helpers.grading.sandbox.tampering import classify_error
from smm_helpers.i18n.messages import N_, in_language
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits, format_number

NOT_ISOLATED = (
    "submissions ran WITHOUT a sandbox ({why}): their code could read and change "
    "your files and use the network. Tests still ran outside their kernel, with "
    "time and memory limits"
)


MAX_MESSAGE_BYTES = 128 * 1024 * 1024
"""The largest message part the grader takes from a learner's kernel (128 MiB): a bigger one
is dropped by ZeroMQ before the grader reads it, so one output can never fill the grader's
memory.  An answer's JSON is far smaller (see :mod:`.answers`); cell output is cut at
``max_output_chars`` anyway."""


class BoundedKernelClient(AsyncKernelClient):
    """The grader's client of a sandboxed kernel: no message part over MAX_MESSAGE_BYTES."""

    def _context_default(self) -> zmq.asyncio.Context:
        context = super()._context_default()
        context.setsockopt(zmq.MAXMSGSIZE, MAX_MESSAGE_BYTES)
        return context


class SandboxUnavailable(RuntimeError):
    """``--sandbox bwrap`` was asked for, but bubblewrap cannot run here."""


class NotRebuilt(RuntimeError):
    """The notebook's labelled cells are not the instructor's, in the instructor's order."""


def check_rebuilt(nb: NotebookNode, plan: Plan) -> None:
    """Refuse a notebook whose nbgrader cells are not exactly the plan's, in its order.

    >>> from smm_helpers.grading.instructor_cells import plan_from_source, rebuild, _code
    >>> plan = plan_from_source({"cells": [_code("x = 1", grade_id="a_b", solution=True)]})
    >>> check_rebuilt(from_dict({"cells": rebuild({"cells": []}, plan).cells}), plan)
    >>> check_rebuilt(from_dict({"cells": []}), plan)
    Traceback (most recent call last):
    ...
    smm_helpers.grading.sandbox.execute.NotRebuilt: the notebook to grade was not made from the instructor's cells (its labelled cells are [], not ['a_b']); grade it with smm-course autograde
    """  # noqa: E501
    labelled = [cell_id(c) for c in nb.cells if cell_id(c) is not None]
    wanted = [c.grade_id for c in plan.cells]
    if labelled != wanted:
        raise NotRebuilt(
            f"the notebook to grade was not made from the instructor's cells "
            f"(its labelled cells are {labelled[:8]}, not {wanted[:8]}); grade "
            "it with smm-course autograde"
        )


def cell_id(cell: Any) -> str | None:
    """A cell's nbgrader grade_id, if it has one."""
    meta = cell.get("metadata", {}).get("nbgrader")
    grade_id = meta.get("grade_id") if isinstance(meta, dict) else None
    return grade_id if isinstance(grade_id, str) and grade_id else None


class SandboxedExecute(Execute):
    """Execute a submission in a sandbox, with its tests outside it (see the module)."""

    sandbox = Unicode("auto", help="auto, bwrap or none").tag(config=True)
    memory_mb = Integer(2048, help="memory for each submission's kernel, in MB").tag(config=True)
    max_processes = Integer(64, help="processes and threads each submission may run").tag(
        config=True
    )
    max_output_chars = Integer(1_000_000, help="output kept per cell").tag(config=True)
    report_dir = Unicode("", help="where to write what the sandbox saw: <notebook>.json").tag(
        config=True
    )
    shutdown_kernel = Enum(
        ["graceful", "immediate"],
        default_value="immediate",
        help="how a kernel ends once its notebook is graded: a graded "
        "sandbox is thrown away, so its kernel is killed at once rather "
        "than asked to tidy up (that cost about 1 s of CPU per notebook)",
    ).tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: Any, km: Any = None) -> Any:
        info = resources["nbgrader"]
        student, assignment, notebook = info["student"], info["assignment"], info["notebook"]

        coursedir = CourseDirectory(config=self.config)
        self._plan = instructor_plan(self.config, resources)
        check_rebuilt(nb, self._plan)
        submitted = Path(coursedir.format_path(coursedir.submitted_directory, student, assignment))
        source = Path(coursedir.format_path(coursedir.source_directory, ".", assignment))
        # the tests speak the language the instructor released the assignment in
        language = released_language(Path(coursedir.root), assignment)
        found = support()
        if self.sandbox == "bwrap" and not found.available:
            raise SandboxUnavailable(f"--sandbox bwrap was asked for, but {found.why}")
        isolated = self.sandbox != "none" and found.available
        self._report: dict[str, Any] = {
            "sandbox": "bubblewrap" if isolated else "none",
            "why": found.why if self.sandbox != "none" else "--sandbox none was asked for",
            "problems": [],
            "unreadable": [],
        }
        self._dead: str | None = None  # why the kernel stopped, for the instructor
        self._dead_shown = ""  # the same, in the language the learner reads
        root = scratch.make_folder()  # locked while in use; a killed run's is swept
        try:
            self._box = Sandbox(
                root,
                Limits(self.memory_mb, self.max_processes),
                isolated,
                env={"SMM_LEARNER_ID": student, "SMM_LANG": language},
                forbidden=(Path(coursedir.root).resolve(), source.resolve()),
            )
            self._work = self._box.prepare(submitted, assignment)
            if self._box.links:
                self._problem(
                    "blocked file access",
                    "the submission holds symbolic links ("
                    + ", ".join(self._box.links[:5])
                    + "); they were not copied "
                    "into the sandbox",
                )
            others = [entry for entry in self._box.left_out if entry.kind != "link"]
            for kind in dict.fromkeys(entry.problem_kind for entry in others):
                named = [str(entry) for entry in others if entry.problem_kind == kind]
                self._problem(
                    kind,
                    f"the submission holds files the sandbox left out ("
                    f"{listed(named)}); its code ran without them",
                )
            self._runner = TestRunner(
                ask=self._ask, folder=source, timeout=float(self.timeout or 60)
            )
            with in_language(language):  # the trusted tests' messages and hints
                return super().preprocess(nb, resources, km)
        finally:
            if hasattr(self, "_runner"):
                self._report["unreadable"] = self._runner.unreadable
                self._report["answers"] = self._runner.answer_prints
                self._report["answer_bits"] = self._runner.answer_bits
                self._report["reads"] = self._runner.reads
            if self.report_dir:
                (Path(self.report_dir) / f"{notebook}.json").write_text(
                    json.dumps(self._report, indent=1), encoding="utf-8"
                )
            if hasattr(self, "_box"):
                self._box.close()
            scratch.remove(root)

    def create_kernel_manager(self) -> Any:
        self.km = SandboxedKernelManager(
            sandbox=self._box,
            work=self._work,
            kernel_name=self.kernel_name or "python3",
            client_class=f"{__name__}.BoundedKernelClient",
            config=self.config,
        )
        return self.km

    # ------------------------------------------------------------------ cells
    def preprocess_cell(self, cell: NotebookNode, resources: Any, index: int) -> Any:
        grade_id = cell_id(cell)
        mine = self._plan.by_id(grade_id) if grade_id else None
        if mine is not None and mine.role == "test":
            cell.source = mine.source
            outputs = self._runner.run_test(
                mine.source, mine.grade_id, learner_names=self._plan.learner_names(mine.grade_id)
            )
            cell.outputs = [from_dict(o) for o in outputs]
            cell.execution_count = None
            return cell, self.resources
        if mine is not None and mine.role == "setup":
            # Always, even when the learner's kernel has stopped: the tests after it need
            # the instructor's names, and never the learner's in their place.
            for error in self._runner.run_setup(mine.source, mine.grade_id):
                self._problem(
                    "failed",
                    f"the grader could not run the read-only cell "
                    f"'{grade_id}' itself ({error['ename']}: {error['evalue']}); "
                    "tests that need it fail — check the assignment with "
                    "smm-course validate",
                )
        if cell.cell_type != "code":
            return cell, self.resources
        if self._dead:
            cell.outputs = [
                from_dict(
                    {
                        "output_type": "stream",
                        "name": "stderr",
                        "text": _("Not run: {why}.").format(why=self._dead_shown) + "\n",
                    }
                )
            ]
            return cell, self.resources
        self._chars, self._cut = 0, False
        try:
            cell = self.execute_cell(cell, index, store_history=True)
        except DeadKernelError:
            self._died(
                cell, index, N_("the notebook's Python stopped (it exited, was killed, or crashed)")
            )
        except CellTimeoutError:
            # Interrupted, yet it never went idle: it ignores interrupts, it broke its kernel
            # (a replaced builtin can), or it sent one output bigger than the grader reads
            # (MAX_MESSAGE_BYTES), which cut the kernel off.  Nothing more can run in it.
            self._kill()
            self._died(
                cell,
                index,
                N_(
                    "it kept running after the time limit and ignored the "
                    "stop signal (or broke its own kernel, or sent one "
                    "output of over {mib} MiB), so its kernel was killed"
                ),
                mib=MAX_MESSAGE_BYTES // 2**20,
            )
        timed_out = any(o.get("ename") == "CellTimeoutError" for o in cell.outputs)
        if timed_out and not self._dead and not self._responsive(10.0):
            self._kill()
            self._died(
                cell,
                index,
                N_("it ignored the stop signal after running too long, so its kernel was killed"),
            )
        if self._cut:
            cut = _("[output cut: over {count} characters]").format(
                count=format_number(self.max_output_chars)
            )
            cell.outputs.append(
                from_dict({"output_type": "stream", "name": "stderr", "text": f"\n{cut}\n"})
            )
            self._problem(
                "output cut",
                f"cell {_where(cell, index)} printed over "
                f"{self.max_output_chars:,} characters; the rest was dropped",
            )
        self._note_errors(cell, index)
        return cell, self.resources

    def output(
        self, outs: list[NotebookNode], msg: dict[str, Any], display_id: str | None, cell_index: int
    ) -> NotebookNode | None:
        content = msg.get("content", {})
        size = (
            len(content.get("text", ""))
            if msg["msg_type"] == "stream"
            else len(json.dumps(content.get("data", {})))
            if "data" in content
            else 0
        )
        self._chars = getattr(self, "_chars", 0) + size
        if self._chars > self.max_output_chars:
            self._cut = True
            return None
        return super().output(outs, msg, display_id, cell_index)

    # ------------------------------------------------------------------ kernel
    def _ask(self, expression: str, timeout: float) -> str:
        if self._dead:
            raise LearnerUnavailable(
                _("the notebook's Python had stopped: {why}").format(why=self._dead_shown)
            )
        left = self._time_left()
        if left <= 0:
            raise LearnerUnavailable(_("the notebook's time limit was used up"))
        return run_sync(self._async_ask)(expression, min(timeout, left))

    def _time_left(self) -> float:
        """Seconds left of the notebook's time budget (``timeout_func``, a
        :class:`~smm_helpers.grading.grade_learner.NotebookBudget`); unlimited without one."""
        deadline = getattr(self.timeout_func, "deadline", None)
        return float("inf") if deadline is None else deadline - time.monotonic()

    async def _async_ask(self, expression: str, timeout: float) -> str:
        assert self.kc is not None
        msg_id = self.kc.execute(
            "", silent=True, store_history=False, user_expressions={"answer": expression}
        )
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                await self.km.interrupt_kernel()
                if not await self._async_responsive(10.0):
                    await self.km.shutdown_kernel(now=True)
                    self._stopped(N_("it stopped answering the grader, so its kernel was killed"))
                raise LearnerUnavailable(
                    _("no answer within {seconds} s").format(seconds=digits(f"{timeout:g}"))
                )
            try:
                reply = await self.kc.get_shell_msg(timeout=min(left, 1.0))
            except Exception:
                if not await self.km.is_alive():
                    self._stopped(N_("the notebook's Python stopped"))
                    raise LearnerUnavailable(self._dead_shown) from None
                continue
            if reply["parent_header"].get("msg_id") != msg_id:
                continue
            result = reply["content"].get("user_expressions", {}).get("answer", {})
            if result.get("status") != "ok":
                raise LearnerUnavailable(
                    f"{result.get('ename', 'error')}: {result.get('evalue', '')}"
                )
            text = result.get("data", {}).get("text/plain", "")
            try:
                value = ast.literal_eval(text)
            except (ValueError, SyntaxError, MemoryError, RecursionError):
                raise LearnerUnavailable(_("its reply was not plain text")) from None
            if not isinstance(value, str):
                raise LearnerUnavailable(_("its reply was not plain text"))
            return value

    def _responsive(self, timeout: float) -> bool:
        return run_sync(self._async_responsive)(timeout)

    async def _async_responsive(self, timeout: float) -> bool:
        """Whether the kernel answers a ``kernel_info`` request within ``timeout`` seconds."""
        assert self.kc is not None
        msg_id = self.kc.kernel_info()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                reply = await self.kc.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
            except Exception:
                return False
            if reply["parent_header"].get("msg_id") == msg_id:
                return True
        return False

    def _kill(self) -> None:
        with contextlib.suppress(Exception):
            run_sync(self.km.shutdown_kernel)(now=True)

    def _stopped(self, why: str, **values: Any) -> None:
        """Note that the kernel stopped: ``why`` (an English message, ``N_``-marked) for the
        instructor, and translated for the learner."""
        self._dead = why.format(**values)
        self._dead_shown = _(why).format(**values)

    def _died(self, cell: NotebookNode, index: int, why: str, **values: Any) -> None:
        """The kernel died running ``cell``: say so in the cell, for the learner, and in
        the report, for the instructor (``why`` as for :meth:`_stopped`)."""
        self._stopped(why, **values)
        english = why.format(**values)
        last = self._box.log_tail(2)
        if last:
            english += f"; its last words: {last!r}"
            self._dead_shown = _("{why}; its last words: {words}").format(
                why=self._dead_shown, words=repr(last)
            )
        shown = self._dead_shown
        where = _where(cell, index)
        self._dead = f"{english} in cell {where}"
        self._dead_shown = _("{why} in cell {cell}").format(why=shown, cell=where)
        cell.outputs.append(
            from_dict(
                {
                    "output_type": "error",
                    "ename": "KernelStopped",
                    "evalue": shown,
                    "traceback": [f"KernelStopped: {shown}"],
                }
            )
        )
        self._problem(
            "kernel died", f"{self._dead}; the cells after it were not run and their tests failed"
        )

    # ------------------------------------------------------------------ findings
    def _problem(self, kind: str, message: str) -> None:
        entry = {"kind": kind, "message": message}
        if entry not in self._report["problems"]:
            self._report["problems"].append(entry)

    def _note_errors(self, cell: NotebookNode, index: int) -> None:
        for output in cell.outputs:
            if output.get("output_type") != "error":
                continue
            found = classify_error(
                output.get("ename", ""),
                output.get("evalue", ""),
                limits=Limits(self.memory_mb, self.max_processes),
            )
            if found:
                self._problem(found[0], f"cell {_where(cell, index)}: {found[1]}")


def _where(cell: NotebookNode, index: int) -> str:
    grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
    return f"'{grade_id}'" if grade_id else f"#{index + 1}"
