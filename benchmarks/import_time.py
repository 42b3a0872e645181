"""Benchmark: how long ``import smm_helpers`` takes in a fresh Python (target 0.3 s).

Run it with ``python benchmarks/import_time.py``.  Each measurement starts a new interpreter,
so nothing is cached in memory between runs, and times the import statement inside it (so the
interpreter's own start-up, and a busy machine's process scheduling, do not count).  The median
of several runs is printed, with ``import json`` (a small standard-library module) as the
baseline measured the same way and, for information, ``import smm_helpers.metrics`` (which
loads pandas).  A benchmark: it prints, never fails.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

TARGET_SECONDS = 0.3


def fresh_import(module: str) -> float:
    """Seconds that ``import module`` takes inside a new interpreter."""
    code = (
        "import time; start = time.perf_counter(); "
        f"import {module}; print(time.perf_counter() - start)"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return float(out.stdout)


def median_of(module: str, runs: int) -> float:
    fresh_import(module)  # warm the disk cache once; not counted
    return statistics.median(fresh_import(module) for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    baseline = median_of("json", args.runs)
    package = median_of("smm_helpers", args.runs)
    metrics = median_of("smm_helpers.metrics", args.runs)
    verdict = "within" if package <= TARGET_SECONDS else "OVER"
    print(
        f"import json (baseline):      {baseline * 1000:7.1f} ms "
        f"(median of {args.runs} fresh interpreters)"
    )
    print(
        f"import smm_helpers:          {package * 1000:7.1f} ms ({verdict} the "
        f"{TARGET_SECONDS * 1000:.0f} ms target; {package / baseline:.2f}x the baseline)"
    )
    print(f"import smm_helpers.metrics:  {metrics * 1000:7.1f} ms (loads pandas; for information)")


if __name__ == "__main__":
    main()
