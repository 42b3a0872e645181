"""Run the lessons on fresh kernels for the site, several at a time, and say what failed.

Each lesson runs top to bottom on its own fresh ``python3`` kernel (nbclient), in a copy of
the lessons folder, so files a lesson writes never land in the repository.  Widgets run in
their static form (``SMM_STATIC_WIDGETS=1``): a static page has no kernel to drive them.

The first error stops the build with a :class:`LessonFailed` that names the lesson, the
cell and the error, and says how to fix it:

>>> import tempfile, nbformat
>>> from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook
>>> folder = Path(tempfile.mkdtemp())
>>> nb = new_notebook(cells=[new_markdown_cell("# Lesson 01 · Broken"),
...                          new_code_cell("total = 1 / 0")])
>>> nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
>>> nbformat.write(nb, folder / "01-broken.ipynb")
>>> execute_lessons([folder / "01-broken.ipynb"])
Traceback (most recent call last):
...
smm_helpers.site.execute.LessonFailed: lesson 01-broken failed in cell 2 (id ...): ZeroDivision...
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from smm_helpers.errors import InputError, SMMLabError
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits

__all__ = ["DEFAULT_JOBS", "DEFAULT_TIMEOUT", "ExecutedLesson", "LessonFailed", "execute_lessons"]

#: Seconds one cell may run before the build stops it (lessons take 3–10 s in all).
DEFAULT_TIMEOUT = 120

#: How many lessons run at once by default: one per core, at most four.
DEFAULT_JOBS = max(1, min(4, os.cpu_count() or 1))

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


class LessonFailed(SMMLabError):
    """A lesson did not run to the end while building the site.

    ``lesson`` is the lesson's id; ``cell`` the cell's position counting every cell from 1
    (``None`` when the kernel could not start); ``cell_id`` the notebook's id for that cell.
    """

    def __init__(
        self,
        lesson: str,
        problem: str,
        *,
        fix: str,
        cell: int | None = None,
        cell_id: str | None = None,
        details: str = "",
    ) -> None:
        self.lesson = lesson
        self.cell = cell
        self.cell_id = cell_id
        self.problem = problem
        self.fix = fix
        if cell is not None:
            where = _("lesson {lesson} failed in cell {cell} (id {cell_id})").format(
                lesson=lesson, cell=digits(cell), cell_id=repr(cell_id)
            )
        else:
            where = _("lesson {lesson} could not run").format(lesson=lesson)
        message = _("{where}: {problem}.").format(where=where, problem=problem.rstrip(".।"))
        if details:
            message += f"\n{details.rstrip()}"
        super().__init__(message + "\n" + _("How to fix it: {fix}.").format(fix=fix.rstrip(".।")))


@dataclass
class ExecutedLesson:
    """A lesson after its run: the notebook with its outputs, the time taken, and any
    warnings it printed (text that names the cell; warnings do not stop the build)."""

    path: Path
    notebook: Any
    seconds: float
    warnings: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        """The lesson's id (its file name without ``.ipynb``)."""
        return self.path.stem


def _source(cell: Any) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _indented(text: str, limit: int = 12) -> str:
    lines = text.rstrip().splitlines() or [""]
    shown = lines[:limit] + (["..."] if len(lines) > limit else [])
    return "\n".join("    " + line for line in shown)


def _printed_warnings(notebook: Any) -> list[str]:
    found = []
    for index, cell in enumerate(notebook.cells, start=1):
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                text = _source({"source": output.get("text", "")})
                if "Warning" in text:
                    found.append(
                        _("cell {cell} (id {cell_id}) printed: {text}").format(
                            cell=digits(index),
                            cell_id=repr(cell.get("id")),
                            text=text.strip().splitlines()[-1],
                        )
                    )
    return found


FIX_CELL = N_(
    "open the lesson in JupyterLab (smm-course lab), run it from the top to see the "
    "error, fix that cell and save, then build the site again; the site folder "
    "was not changed"
)


class _Stopping:
    """The lessons running at once, and whether the build has failed and must stop.

    A lesson still running when another fails stops at its next cell, or at once when its
    kernel is interrupted, and then shuts its kernel down through nbclient's own clean-up.
    Cancelling its task instead could land while the kernel starts or shuts down, and leave
    the kernel running with nothing to stop it.
    """

    def __init__(self) -> None:
        self.requested = False
        self.kernels: set[Any] = set()  # the kernel managers of lessons that are running

    def check(self) -> None:
        if self.requested:
            raise _Stopped

    async def stop(self) -> None:
        self.requested = True
        for kernel in list(self.kernels):
            with contextlib.suppress(Exception):  # it may have just finished
                await kernel.interrupt_kernel()


class _Stopped(Exception):
    """This lesson stopped because another one failed."""


async def _run_one(
    path: Path,
    folder: Path,
    *,
    timeout: int,
    kernel: str,
    log_dir: Path,
    stopping: _Stopping,
    language: str | None,
) -> ExecutedLesson:
    import nbformat  # heavy: loaded on first use
    from nbclient import NotebookClient  # heavy: loaded on first use

    # heavy: loaded on first use
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    notebook = nbformat.read(folder / path.name, as_version=4)
    running: dict[str, Any] = {"index": None}
    failure: dict[str, Any] = {}

    def on_start(cell: Any, cell_index: int) -> None:
        stopping.check()
        running["index"] = cell_index

    def on_error(cell: Any, cell_index: int, execute_reply: Any) -> None:
        failure.update(index=cell_index, content=execute_reply["content"])

    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name=kernel,
        allow_errors=False,
        store_widget_state=False,
        on_cell_start=on_start,
        on_cell_error=on_error,
        resources={"metadata": {"path": str(folder)}},
    )

    def on_ready(notebook: Any) -> None:  # its kernel has started and answers
        running["kernel"] = client.km
        stopping.kernels.add(client.km)

    client.on_notebook_start = on_ready
    env = {**os.environ, "SMM_STATIC_WIDGETS": "1"}
    if language is not None:
        env["SMM_LANG"] = language  # the helpers speak the lesson's language
    log = log_dir / f"{path.stem}.kernel.log"
    started = time.perf_counter()

    def where() -> tuple[int | None, str | None, str]:
        index = failure.get("index", running["index"])
        if index is None:
            return None, None, ""
        cell = notebook.cells[index]
        return index + 1, cell.get("id"), _("The cell:") + f"\n{_indented(_source(cell))}"

    with log.open("w", encoding="utf-8") as kernel_stderr:  # keep the kernel's chatter quiet
        try:
            stopping.check()
            await client.async_execute(env=env, stderr=kernel_stderr)
        except CellExecutionError:
            content = failure.get("content", {})
            number, cell_id, shown = where()
            trace = _ANSI.sub("", "\n".join(content.get("traceback", [])))
            raise LessonFailed(
                path.stem,
                f"{content.get('ename', 'Error')}: {content.get('evalue', '')}",
                fix=_(FIX_CELL),
                cell=number,
                cell_id=cell_id,
                details=f"{shown}\n" + _("The traceback:") + f"\n{_indented(trace, limit=40)}",
            ) from None
        except CellTimeoutError:
            number, cell_id, shown = where()
            raise LessonFailed(
                path.stem,
                _("the cell was still running after {seconds} seconds").format(
                    seconds=digits(timeout)
                ),
                fix=_(
                    "make the cell faster, or give the build more time with --timeout "
                    "SECONDS; the site folder was not changed"
                ),
                cell=number,
                cell_id=cell_id,
                details=shown,
            ) from None
        except (DeadKernelError, RuntimeError, TimeoutError) as error:
            number, cell_id, shown = where()
            said = log.read_text(encoding="utf-8", errors="replace")[-2000:]
            raise LessonFailed(
                path.stem,
                _("the kernel stopped ({error})").format(error=f"{type(error).__name__}: {error}"),
                fix=_(
                    "check that the python3 kernel starts (python -m ipykernel_launcher "
                    "--help) and that the lesson does not exhaust memory; the site folder "
                    "was not changed"
                ),
                cell=number,
                cell_id=cell_id,
                details=f"{shown}\n"
                + _("The kernel's last messages:")
                + f"\n{_indented(said, limit=20)}",
            ) from None
        finally:
            stopping.kernels.discard(running.get("kernel"))
    seconds = time.perf_counter() - started
    return ExecutedLesson(path, notebook, seconds, _printed_warnings(notebook))


def execute_lessons(
    paths: Sequence[str | Path],
    *,
    jobs: int = DEFAULT_JOBS,
    timeout: int = DEFAULT_TIMEOUT,
    kernel: str = "python3",
    echo: Callable[[str], object] | None = None,
    language: str | None = None,
) -> list[ExecutedLesson]:
    """Run each lesson top to bottom on a fresh kernel, ``jobs`` at a time, in order given.

    The lessons run in a temporary copy of their folder (removed afterwards), so the
    repository is never written to.  ``timeout`` limits each cell, in seconds.  The first
    failing lesson raises :class:`LessonFailed` (the others are stopped); ``echo`` is
    called with a line as each lesson finishes.  ``language`` is given to each kernel as
    ``SMM_LANG``, so the helpers speak the lessons' language (``None``: as inherited).  The
    original notebooks are not changed.

    >>> execute_lessons([], jobs=0)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: jobs=0 cannot run any lesson.
    How to fix it: give a whole number of lessons to run at once, 1 or more (e.g. --jobs 2).
    """
    from jupyter_core.utils import run_sync  # heavy: loaded on first use

    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise InputError(
            _("jobs={jobs} cannot run any lesson").format(jobs=repr(jobs)),
            fix=_("give a whole number of lessons to run at once, 1 or more (e.g. --jobs 2)"),
        )
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout <= 0:
        raise InputError(
            _("timeout={timeout} is not a number of seconds").format(timeout=repr(timeout)),
            fix=_("give a positive number of seconds per cell (e.g. --timeout 120)"),
        )
    lessons = [Path(p) for p in paths]
    missing = [str(p) for p in lessons if not p.is_file()]
    if missing:
        raise InputError(
            _("there is no lesson at {paths}").format(paths=", ".join(missing)),
            fix=_("give the paths of lesson notebooks, e.g. lessons/03-platforms.ipynb"),
        )
    if not lessons:
        return []
    say = echo or (lambda _line: None)

    async def run_all(scratch: Path) -> list[ExecutedLesson]:
        copies: dict[Path, Path] = {}
        for folder in {p.parent.resolve() for p in lessons}:
            copy = scratch / f"lessons-{len(copies)}"
            shutil.copytree(
                folder, copy, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
            )
            copies[folder] = copy
        gate = asyncio.Semaphore(jobs)
        stopping = _Stopping()

        async def one(path: Path) -> ExecutedLesson:
            async with gate:
                done = await _run_one(
                    path,
                    copies[path.parent.resolve()],
                    timeout=timeout,
                    kernel=kernel,
                    log_dir=scratch,
                    stopping=stopping,
                    language=language,
                )
            say(
                "  "
                + _("ran {lesson} in {seconds} s").format(
                    lesson=done.id, seconds=digits(f"{done.seconds:.1f}")
                )
            )
            return done

        tasks = [asyncio.ensure_future(one(p)) for p in lessons]
        try:
            return list(await asyncio.gather(*tasks))
        except BaseException:
            await stopping.stop()  # the other lessons stop, and shut their kernels down
            await asyncio.gather(*tasks, return_exceptions=True)
            raise

    with tempfile.TemporaryDirectory(prefix="smm-site-run-") as scratch:
        return run_sync(run_all)(Path(scratch))
