"""The instructor's commands of ``smm-course``, on nbgrader's own gradebook.

    smm-course validate [ASSIGNMENT] [--course DIR]
    smm-course release ASSIGNMENT [--course DIR]
    smm-course collect ASSIGNMENT [--from FOLDER] [--course DIR]
    smm-course autograde ASSIGNMENT [--learner ID ...] [--timeout S] [--course DIR]
                         [--workers N | --scheduler tcp://HOST:PORT] [--db-url URL]
    smm-course feedback ASSIGNMENT [--course DIR]
    smm-course grades [--out DIR] [--course DIR]
    smm-course doctor [--course DIR]

Every command takes ``--course DIR`` (default ``course/``), the folder holding
``nbgrader_config.py``; nbgrader's own commands keep working on the same folder.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from smm_helpers.grading.course import DEFAULT_COURSE

COMMANDS = ("validate", "release", "collect", "autograde", "feedback", "grades", "doctor")
"""The grading commands, in the order an instructor uses them."""


def add_commands(subparsers: Any) -> None:
    """Add the grading commands to ``smm-course``'s subparsers.

    >>> parser = argparse.ArgumentParser(prog="smm-course")
    >>> add_commands(parser.add_subparsers(dest="command"))
    >>> parser.parse_args(["autograde", "01-platforms-and-planning"]).course
    PosixPath('course')
    """

    def command(name: str, text: str, assignment: bool = True) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = subparsers.add_parser(name, help=text,
                                                                description=text)
        parser.add_argument("--course", type=Path, default=DEFAULT_COURSE,
                            help="the course folder with nbgrader_config.py (default: course/)")
        if assignment:
            parser.add_argument("assignment", help="e.g. 01-platforms-and-planning")
        return parser

    validate = command("validate", "check an assignment before releasing it: the solutions "
                       "pass every test, the student version gives no free points, grade_ids "
                       "and rubrics are in order", assignment=False)
    validate.add_argument("assignment", nargs="?", default=None,
                          help="e.g. 01-platforms-and-planning (default: every assignment)")
    command("release", "generate the student version and release it to the exchange")
    collect = command("collect", "collect submissions from the exchange or an LMS download")
    collect.add_argument("--from", dest="source", type=Path, default=None,
                         help="a folder of <learner id>_<notebook>.ipynb files or "
                              "<learner id>/ folders (default: nbgrader's exchange)")
    auto = command("autograde", "autograde every submission and print a summary of problems")
    auto.add_argument("--learner", action="append", default=None,
                      help="grade only this learner (repeatable)")
    auto.add_argument("--timeout", type=float, default=None,
                      help="seconds a cell may run (default: the course config's)")
    auto.add_argument("--notebook-timeout", type=float, default=None,
                      help="seconds a whole notebook may run (default: 600)")
    auto.add_argument("--sandbox", choices=("auto", "bwrap", "none"), default="auto",
                      help="run each submission in a bubblewrap sandbox: auto (where it "
                           "works, else warn), bwrap (refuse without it) or none")
    auto.add_argument("--memory", type=int, default=2048, metavar="MB",
                      help="memory each submission's Python may use (default: 2048 MB)")
    auto.add_argument("--workers", type=int, default=None, metavar="N",
                      help="grade N learners at a time, each in a process of its own "
                           "(default: one per core; 1 grades them one after another)")
    auto.add_argument("--scheduler", default=None, metavar="tcp://HOST:PORT",
                      help="grade on this Dask cluster instead: every worker sees the course "
                           "folder at the same path and reaches a PostgreSQL gradebook (see "
                           "docs/grading-at-scale.md)")
    auto.add_argument("--db-url", default=None, metavar="URL",
                      help="the gradebook database instead of the course config's db_url, "
                           "e.g. postgresql+psycopg://grader@db.example.org/smm")
    command("feedback", "write feedback HTML (hidden tests removed)")
    grades = command("grades", "export scores.csv, canvas.csv, distribution.png, "
                     "difficulty.csv", assignment=False)
    grades.add_argument("--out", type=Path, default=None, help="default: <course>/grades/")
    command("doctor", "check this computer and the course folder are ready to grade",
            assignment=False)


def run(args: argparse.Namespace) -> int:
    """Run a parsed grading command; returns the exit code (1 if problems were found)."""
    from smm_helpers.grading.course import open_course

    if args.command == "doctor":  # before open_course: it explains a broken course folder
        from smm_helpers.grading.doctor import run_doctor

        return 0 if run_doctor(args.course, echo=print).ok else 1
    course = open_course(args.course)
    if args.command == "validate":
        from smm_helpers.grading.validate import validate

        reports = validate(course, [args.assignment] if args.assignment else None)
        return 0 if all(report.ok for report in reports) else 1
    if args.command == "release":
        from smm_helpers.grading.release import release

        release(course, args.assignment)
    elif args.command == "collect":
        from smm_helpers.grading.collect import collect_from_exchange, collect_from_folder

        report = (collect_from_folder(course, args.assignment, args.source) if args.source
                  else collect_from_exchange(course, args.assignment))
        return 1 if report.problems else 0
    elif args.command == "autograde":
        from smm_helpers.grading.autograde import (
            DEFAULT_NOTEBOOK_TIMEOUT,
            GradeOptions,
            autograde,
        )

        options = GradeOptions(timeout=args.timeout,
                               notebook_timeout=args.notebook_timeout or DEFAULT_NOTEBOOK_TIMEOUT,
                               sandbox=args.sandbox, memory_mb=args.memory)
        if args.scheduler and args.workers is not None:
            from smm_helpers.errors import InputError

            raise InputError(f"--workers {args.workers} and --scheduler {args.scheduler} "
                             "both say where to grade",
                             fix="give --workers to grade on this machine, or --scheduler to "
                                 "grade on the Dask cluster (its workers set how many at a "
                                 "time: dask worker --nworkers N --nthreads 1)")
        if args.db_url:
            course = open_course(args.course,
                                 overrides={"CourseDirectory": {"db_url": args.db_url}})
        graded = autograde(course, args.assignment, learners=args.learner, options=options,
                           workers=args.workers, scheduler=args.scheduler)
        return 1 if graded.problems else 0
    elif args.command == "feedback":
        from smm_helpers.grading.feedback import feedback

        feedback(course, args.assignment)
    elif args.command == "grades":
        from smm_helpers.grading.grades import export_grades

        export_grades(course, args.out)
    return 0
