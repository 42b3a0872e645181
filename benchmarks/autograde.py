"""Autograding speed: plain nbgrader one at a time, against SMM Lab on N workers, and the floor.

    python benchmarks/autograde.py [--learners 100] [--workers 2] [--keep DIR]

The class: N learners (``bench-0001`` ...), each submitting two notebooks: assignment 01
and assignment 05 (one notebook each, so two real assignments per learner rather than a
made-up second notebook).  Submissions cycle through the samples that run to the end:
01: all-correct, partial, all-wrong, blank, late, copied; 05: all-correct, late, partial,
blank.  The class is released and collected once, then copied, so every measurement starts
from the same ungraded course:

1. baseline: plain nbgrader, ``NbGraderAPI.autograde`` one learner after another, with
   nbgrader's own preprocessors (no sandbox, no SMM Lab), as ``nbgrader autograde`` does;
2. SMM Lab: ``smm_helpers.grading.autograde.autograde(..., workers=N)``, what
   ``smm-course autograde --workers N`` runs (sandbox, time limits, problem summary,
   retries), one assignment after the other, so worker start-up is paid twice;
3. floor: each submitted notebook run by nbclient in a fresh kernel, with no nbgrader and
   no gradebook: starting a kernel, running the learner's code and killing the kernel (as
   SMM Lab does; nbclient's default, a graceful shutdown, costs about 1 s of CPU more per
   notebook).  Once one at a time, once N at a time in N processes.

The scores of 1 and 2 must be the same for every notebook (checked).  It prints seconds per
notebook, the speed-up of 2 over 1 (the target on 2 cores is at least 1.8x), and each one's
overhead per notebook above the floor run the same way (worker-seconds for N at a time).
The floor's own speed-up, N at a time against one at a time, is what the machine gives at
that moment: on a machine shared with other work it caps any parallel speed-up, so it is
printed alongside.  So is the CPU time the machine's cores were busy per notebook (Linux):
when it is close to the wall time times the cores in use, the grading is bound by the CPU,
and starting kernels ahead of time could only move work, not remove it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
ASSIGNMENTS = {
    "01-platforms-and-planning": ("all-correct", "partial", "all-wrong", "blank", "late", "copied"),
    "05-analytics-and-reporting": ("all-correct", "late", "partial", "blank"),
}


def build_class(root: Path, learners: list[str]) -> Path:
    """The course in ``root/course``: both assignments released, submitted and collected."""
    from smm_helpers.grading.collect import collect_from_exchange
    from smm_helpers.grading.course import open_course
    from smm_helpers.grading.demo import RUNTIME, submit_sample
    from smm_helpers.grading.release import release

    shutil.copytree(REPO / "course", root / "course", ignore=shutil.ignore_patterns(*RUNTIME))
    for assignment in ASSIGNMENTS:
        shutil.copytree(REPO / "assignments" / assignment, root / "assignments" / assignment)
    (root / "course" / "roster.csv").write_text(
        "id,first_name,last_name,email\n"
        + "".join(f"{lid},Learner,{i},{lid}@example.org\n" for i, lid in enumerate(learners))
    )
    course = open_course(root / "course")
    inbound = course.exchange_dir / course.course_id / "inbound"
    for assignment, outcomes in ASSIGNMENTS.items():
        release(course, assignment, echo=lambda _: None)
        for i, learner in enumerate(learners):
            sample = REPO / "course" / "samples" / assignment / outcomes[i % len(outcomes)]
            submit_sample(inbound, learner, assignment, sample)
        collect_from_exchange(course, assignment, echo=lambda _: None)
    return root


def copy_of(built: Path, target: Path) -> Any:
    from smm_helpers.grading.course import open_course

    shutil.copytree(built, target)
    return open_course(target / "course")


def gradebook_scores(course: Any) -> dict[tuple[str, str], float]:
    scores = {}
    with course.gradebook() as gb:
        for assignment in ASSIGNMENTS:
            for submission in gb.find_assignment(assignment).submissions:
                scores[(submission.student.id, assignment)] = float(submission.score)
    return scores


def plain_nbgrader(course: Any, learners: list[str]) -> float:
    """nbgrader's own autograde, one learner after another; the seconds it took."""
    from nbgrader.apps import NbGraderAPI

    from smm_helpers.grading.course import ensure_tools_on_path

    ensure_tools_on_path()
    api = NbGraderAPI(config=course.config)
    start = time.perf_counter()
    for assignment in ASSIGNMENTS:
        for learner in learners:
            with warnings.catch_warnings():  # nbgrader 0.9's own SQLAlchemy autoflush notice
                warnings.filterwarnings("ignore", message=".*not in session.*")
                result = api.autograde(assignment, learner, force=True, create=True)
            if not result["success"]:
                raise SystemExit(
                    f"plain nbgrader failed on {learner}, {assignment}:\n"
                    f"{result.get('error') or result.get('log')}"
                )
    return time.perf_counter() - start


def smm_lab(course: Any, workers: int) -> float:
    """SMM Lab's autograde on ``workers`` processes, one assignment after the other."""
    from smm_helpers.grading.autograde import autograde

    start = time.perf_counter()
    for assignment in ASSIGNMENTS:
        report = autograde(course, assignment, workers=workers, echo=lambda _: None)
        if any(p.kind in ("failed", "kernel died", "timeout") for p in report.problems):
            raise SystemExit(report.table())
    return time.perf_counter() - start


def run_bare(path: str, learner: str) -> None:
    """One submitted notebook in a fresh kernel with nbclient: no nbgrader, no gradebook."""
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory(prefix="smm-floor-") as work:
        client = NotebookClient(
            notebook,
            timeout=60,
            kernel_name="python3",
            allow_errors=True,
            extra_arguments=["--IPKernelApp.log_level=ERROR"],
            shutdown_kernel="immediate",
            resources={"metadata": {"path": work}},
        )
        client.execute(env={**os.environ, "SMM_LEARNER_ID": learner})


def floor(course: Any, learners: list[str], workers: int = 1) -> float:
    """Every submitted notebook run bare (:func:`run_bare`), ``workers`` at a time."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    jobs = [
        (str(course.path("submitted") / learner / a / f"{a}.ipynb"), learner)
        for a in ASSIGNMENTS
        for learner in learners
    ]
    start = time.perf_counter()
    if workers == 1:
        for job in jobs:
            run_bare(*job)
    else:
        spawn = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(workers, mp_context=spawn) as pool:
            for done in [pool.submit(run_bare, *job) for job in jobs]:
                done.result()
    return time.perf_counter() - start


def machine_cpu() -> float | None:
    """Seconds the machine's cores have been busy since it started (Linux), else ``None``."""
    try:
        first = Path("/proc/stat").read_text().split("\n", 1)[0].split()
    except OSError:
        return None
    ticks = [int(t) for t in first[1:]]
    idle = ticks[3] + ticks[4]  # idle, and waiting for the disk
    return (sum(ticks) - idle) / os.sysconf("SC_CLK_TCK")


def measured(run: Callable[[], float]) -> tuple[float, float | None, float]:
    """``run()``'s wall seconds, the machine's busy CPU seconds meanwhile, the load after."""
    before = machine_cpu()
    wall = run()
    after = machine_cpu()
    cpu = None if before is None or after is None else after - before
    return wall, cpu, os.getloadavg()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", type=Path, default=None, help="build the class here")
    args = parser.parse_args()

    learners = [f"bench-{i:04d}" for i in range(1, args.learners + 1)]
    n, w = len(learners) * len(ASSIGNMENTS), args.workers
    root = args.keep or Path(tempfile.mkdtemp(prefix="smm-bench-"))
    print(
        f"class: {len(learners)} learners x {len(ASSIGNMENTS)} notebooks "
        f"({', '.join(ASSIGNMENTS)}) = {n} notebooks; {os.cpu_count()} cores, "
        f"load {os.getloadavg()[0]:.1f}"
    )
    try:
        built = build_class(root / "built", learners)
        baseline_course = copy_of(built, root / "baseline")
        smm_course = copy_of(built, root / "smm")

        runs = {  # wall seconds, the machine's busy CPU seconds, its load average after
            "baseline": measured(lambda: plain_nbgrader(baseline_course, learners)),
            "smm": measured(lambda: smm_lab(smm_course, w)),
            # grading never changes submitted/, so the floor runs the baseline's copy
            "floor": measured(lambda: floor(baseline_course, learners)),
            "floor_n": measured(lambda: floor(baseline_course, learners, w)),
        }
        (baseline, *_), (smm, *_) = runs["baseline"], runs["smm"]
        (bare, *_), (bare_n, *_) = runs["floor"], runs["floor_n"]

        expected, got = gradebook_scores(baseline_course), gradebook_scores(smm_course)
        assert len(expected) == n, f"the baseline graded {len(expected)} of {n} notebooks"
        differ = {k: (v, got.get(k)) for k, v in expected.items() if got.get(k) != v}
        assert not differ and len(got) == n, f"scores differ: {differ}"

        print(
            f"{'':52} {'wall s':>7} {'s/notebook':>11} {'over the floor':>15} "
            f"{'CPU s/nb':>9} {'load':>5}"
        )
        for name, over, key in [
            ("floor: nbclient, fresh kernel, 1 at a time", None, "floor"),
            (f"floor: nbclient, fresh kernel, {w} at a time", None, "floor_n"),
            ("baseline: plain nbgrader, 1 at a time", (baseline - bare) / n, "baseline"),
            (f"SMM Lab: --workers {w} (sandbox, limits, summary)", (smm - bare_n) * w / n, "smm"),
        ]:
            wall, cpu, load = runs[key]
            extra = "" if over is None else f"{over:+14.2f}s"
            busy = "—" if cpu is None else f"{cpu / n:.2f}"
            print(f"{name:52} {wall:7.1f} {wall / n:11.2f} {extra:>15} {busy:>9} {load:5.1f}")
        speedup, machine = baseline / smm, bare / bare_n
        print(
            f"speed-up of SMM Lab --workers {w} over plain nbgrader: {speedup:.2f}x (target "
            f">= 1.8x on {w} free cores); the floor's own speed-up {w} at a time, what this "
            f"machine gave: {machine:.2f}x; SMM Lab got {speedup / machine:.0%} of it"
        )
        print(
            f"scores identical for all {n} notebooks; the overhead over the floor is per "
            f"notebook (for {w} at a time: worker-seconds over the floor run {w} at a "
            "time); CPU s/nb: seconds the whole machine's cores were busy, per notebook "
            "(other work on the machine counts too); load: the 1-minute load average "
            "after each run"
        )
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
