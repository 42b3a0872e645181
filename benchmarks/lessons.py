"""Benchmark: how long each lesson takes to run top to bottom on a fresh kernel (target 10 s).

Run it with ``python benchmarks/lessons.py`` (or ``--lessons DIR``, or name some lessons:
``python benchmarks/lessons.py 03-platforms 12-capstone``).  Each lesson runs exactly as
the tests run it (:func:`smm_helpers.lab.run_lesson`: a fresh ``python3`` kernel in a
temporary copy of the lessons folder), one after the other, so the times include starting
the kernel.  For comparison it first times an empty notebook: the cost of the kernel alone.
A benchmark: it prints, never fails (a lesson that errors is marked so).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from smm_helpers import lab

TARGET_SECONDS = 10.0


def empty_lesson_seconds() -> float:
    """Seconds to run a one-cell notebook: starting the kernel, with no lesson work."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "lessons" / "99-empty.ipynb"
        path.parent.mkdir()
        nb = new_notebook(cells=[new_markdown_cell("# Lesson 99 · Empty"), new_code_cell("1")])
        nb.metadata["kernelspec"] = {
            "name": "python3",
            "display_name": "Python 3",
            "language": "python",
        }
        nbformat.write(nb, path)
        return lab.run_lesson(path).seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="lesson ids to run (default: all)")
    parser.add_argument("--lessons", type=Path, default=None, help="the lessons folder")
    parser.add_argument(
        "--timeout",
        type=int,
        default=lab.DEFAULT_TIMEOUT,
        help="seconds before a lesson is stopped (default %(default)s)",
    )
    args = parser.parse_args()

    paths = lab.lesson_files(lab.find_lessons_dir(args.lessons))
    if args.names:
        paths = [p for p in paths if p.stem in args.names or p.name[:2] in args.names]
    kernel = empty_lesson_seconds()
    print(f"{'empty notebook (kernel start-up)':<40} {kernel:6.1f} s")
    total = 0.0
    over = []
    for path in paths:
        run = lab.run_lesson(path, timeout=args.timeout)
        total += run.seconds
        state = "ok" if run.ok else f"{len(run.errors)} errors, {len(run.warnings)} warnings"
        flag = "" if run.seconds <= TARGET_SECONDS else f"  OVER the {TARGET_SECONDS:g} s target"
        if flag:
            over.append(run.id)
        print(f"{run.id:<40} {run.seconds:6.1f} s  {state}{flag}", flush=True)
    print(
        f"{'total':<40} {total:6.1f} s for {len(paths)} lessons "
        f"(mean {total / max(len(paths), 1):.1f} s)"
    )
    if over:
        print(f"Over the {TARGET_SECONDS:g} s target: {', '.join(over)}")
    else:
        print(f"Every lesson is within the {TARGET_SECONDS:g} s target.")


if __name__ == "__main__":
    main()
