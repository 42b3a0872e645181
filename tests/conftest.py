"""Shared test helpers."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def _no_language_leaks_between_tests():
    """A test that chooses Bengali (``use_language("bn")``) leaves no trace for the next."""
    yield
    from smm_helpers.i18n.messages import forget_language

    forget_language()


def system_part_missing(reason: str) -> None:
    """Skip a test that needs a system part (a font, a browser, a database) that is absent.

    On a laptop this is a skip with the reason; under ``SMM_REQUIRE_SYSTEM=1`` (as
    ``.ci/run`` sets) it is a failure, because CI installs every system part.
    """
    if os.environ.get("SMM_REQUIRE_SYSTEM") == "1":
        pytest.fail(f"SMM_REQUIRE_SYSTEM=1 but a system part is missing: {reason}")
    pytest.skip(reason)


def state_and_parent(pid: int | str) -> tuple[str, int]:
    """A process's state letter (``R``, ``S``, ``Z`` for a zombie, ...) and its parent's
    pid, from ``/proc/<pid>/stat`` (Linux)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    state, parent = stat[stat.rindex(")") + 2 :].split()[:2]
    return state, int(parent)


def write_notebook(path: Path, markdown: str, *code: str) -> Path:
    """A Python 3 notebook at ``path``: one markdown cell, then a code cell per string."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    path.parent.mkdir(parents=True, exist_ok=True)
    nb = new_notebook(cells=[new_markdown_cell(markdown), *(new_code_cell(c) for c in code)])
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, path)
    return path


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The project's ``../shared`` folder (reference data read in place, never copied)."""
    if not SHARED.is_dir():
        system_part_missing(f"the shared reference folder is not at {SHARED}")
    return SHARED


def in_time(call: Callable[[], Any], seconds: float = 20.0) -> Any:
    """``call()``, failing the test if it blocks (on a named pipe, say) for ``seconds``."""
    result: dict[str, Any] = {}

    def run() -> None:
        try:
            result["value"] = call()
        except BaseException as error:  # handed to the test
            result["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"{call} blocked for {seconds:g} s"
    if "error" in result:
        raise result["error"]
    return result.get("value")
