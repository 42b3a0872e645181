"""Benchmark: how long ``import smm_helpers`` takes in a fresh Python (target 0.3 s).

Run it with ``python benchmarks/import_time.py``.  Each measurement starts a new interpreter,
so nothing is cached in memory between runs; the median of several runs is printed, with the
interpreter's own start-up (``python -c pass``) for comparison and, for information, the cost
of ``import smm_helpers.metrics`` (which loads pandas).  A benchmark: it prints, never fails.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

TARGET_SECONDS = 0.3


def fresh_run(code: str) -> float:
    """Seconds for a new interpreter to run ``code`` and exit."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def median_of(code: str, runs: int) -> float:
    fresh_run(code)  # warm the disk cache once; not counted
    return statistics.median(fresh_run(code) for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    bare = median_of("pass", args.runs)
    package = median_of("import smm_helpers", args.runs)
    metrics = median_of("import smm_helpers.metrics", args.runs)
    verdict = "within" if package <= TARGET_SECONDS else "OVER"
    print(f"python -c pass:              {bare:.3f} s (median of {args.runs})")
    print(
        f"import smm_helpers:          {package:.3f} s ({verdict} the {TARGET_SECONDS} s target;"
        f" {package - bare:.3f} s above bare start-up)"
    )
    print(f"import smm_helpers.metrics:  {metrics:.3f} s (loads pandas; for information)")


if __name__ == "__main__":
    main()
