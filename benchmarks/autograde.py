"""Baseline: nbgrader autograde, serially, on a class of copies of the sample submissions.

    python benchmarks/autograde.py [--learners 100] [--keep DIR]

Makes a fresh course in a temporary folder with assignment 01, a roster of N learners
(``bench-0001`` ...) whose submissions cycle through the gradeable samples (all-correct,
partial, all-wrong, blank, late, copied), releases, collects and autogrades them one after
another with ``smm_helpers.grading.autograde``, and prints seconds per notebook — the figure
a faster (parallel) autograde must beat.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
A = "01-platforms-and-planning"
OUTCOMES = ("all-correct", "partial", "all-wrong", "blank", "late", "copied")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=100)
    parser.add_argument("--keep", type=Path, default=None, help="build the class here")
    args = parser.parse_args()

    from smm_helpers.grading.autograde import autograde
    from smm_helpers.grading.collect import collect_from_exchange
    from smm_helpers.grading.course import open_course
    from smm_helpers.grading.demo import RUNTIME, submit_sample
    from smm_helpers.grading.release import release

    root = args.keep or Path(tempfile.mkdtemp(prefix="smm-bench-"))
    shutil.copytree(REPO / "course", root / "course", ignore=shutil.ignore_patterns(*RUNTIME))
    shutil.copytree(REPO / "assignments" / A, root / "assignments" / A)
    learners = [f"bench-{i:04d}" for i in range(1, args.learners + 1)]
    (root / "course" / "roster.csv").write_text(
        "id,first_name,last_name,email\n"
        + "".join(f"{lid},Learner,{i},{lid}@example.org\n" for i, lid in enumerate(learners)))
    course = open_course(root / "course")
    release(course, A, echo=lambda _: None)
    inbound = course.exchange_dir / course.course_id / "inbound"
    for i, learner in enumerate(learners):
        submit_sample(inbound, learner, A, REPO / "course/samples" / A / OUTCOMES[i % 6])
    collect_from_exchange(course, A, echo=lambda _: None)
    start = time.perf_counter()
    report = autograde(course, A, echo=lambda _: None)
    seconds = time.perf_counter() - start
    print(f"autograded {len(report.rows)} notebooks serially in {seconds:.1f} s: "
          f"{seconds / len(report.rows):.2f} s per notebook (baseline)")
    if args.keep is None:
        shutil.rmtree(root)


if __name__ == "__main__":
    main()
