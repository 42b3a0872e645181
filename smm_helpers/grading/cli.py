"""The instructor's commands of ``smm-course``, on nbgrader's own gradebook.

    smm-course init DIR [--assignments DIR] [--course-id ID]
    smm-course validate [ASSIGNMENT] [--course DIR]
    smm-course release ASSIGNMENT [--lang bn] [--course DIR]
    smm-course collect ASSIGNMENT [--from FOLDER_OR_ZIP] [--course DIR]
    smm-course autograde ASSIGNMENT [--learner ID ...] [--timeout S] [--course DIR]
                         [--workers N | --scheduler tcp://HOST:PORT] [--db-url URL]
    smm-course hand-grades ASSIGNMENT (--template FILE | FILE) [--course DIR]
    smm-course feedback ASSIGNMENT [--release] [--learner ID ...] [--course DIR]
    smm-course grades [--out DIR] [--course DIR]
    smm-course doctor [--course DIR]

Every command but ``init`` takes ``--course DIR``, the folder holding ``nbgrader_config.py``;
without it, the current folder when it holds one (the nbgrader habit, ``cd course``), else
``./course``.  nbgrader's own commands keep working on the same folder.  An assignment
name that is not one of the course's is refused with the valid names (exit 2).
"""

from __future__ import annotations

import argparse
import difflib
from pathlib import Path
from typing import Any

from smm_helpers.errors import InputError

COMMANDS = (
    "init",
    "validate",
    "release",
    "collect",
    "autograde",
    "hand-grades",
    "feedback",
    "grades",
    "doctor",
)
"""The grading commands, in the order an instructor uses them."""


def add_commands(subparsers: Any) -> None:
    """Add the grading commands to ``smm-course``'s subparsers.

    >>> parser = argparse.ArgumentParser(prog="smm-course")
    >>> add_commands(parser.add_subparsers(dest="command"))
    >>> parser.parse_args(["autograde", "01-platforms-and-planning"]).course is None
    True
    >>> parser.parse_args(["feedback", "01-x", "--release"]).release
    True
    """

    def command(name: str, text: str, assignment: bool = True) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = subparsers.add_parser(name, help=text, description=text)
        parser.add_argument(
            "--course",
            type=Path,
            default=None,
            help="the course folder with nbgrader_config.py (default: this "
            "folder if it has one, else ./course)",
        )
        if assignment:
            parser.add_argument("assignment", help="e.g. 01-platforms-and-planning")
        return parser

    init = subparsers.add_parser(
        "init",
        help="make a course folder of your own (outside the repository)",
        description="Make a course folder of your own: nbgrader_config.py, an empty "
        "roster.csv, due_dates.csv, extensions.csv and rubrics/, with the "
        "sources pointing at the course's assignments.",
    )
    init.add_argument("folder", type=Path, help="a new or empty folder, e.g. ~/smm-fall-2026")
    init.add_argument(
        "--assignments",
        type=Path,
        default=None,
        help="the folder of source assignments (default: the repository's assignments/)",
    )
    init.add_argument(
        "--course-id",
        default=None,
        help="nbgrader's course id (default: made from the folder's name)",
    )
    validate = command(
        "validate",
        "check an assignment before releasing it: the solutions "
        "pass every test, the student version gives no free points, grade_ids "
        "and rubrics are in order",
        assignment=False,
    )
    validate.add_argument(
        "assignment",
        nargs="?",
        default=None,
        help="e.g. 01-platforms-and-planning (default: every assignment)",
    )
    release = command("release", "generate the student version and release it to the exchange")
    release.add_argument(
        "--lang",
        choices=("en", "bn"),
        default="en",
        help="the language of the instructions and of the tests' messages "
        "and feedback: en (default) or bn, Bengali; the tests and "
        "points are the same",
    )
    collect = command("collect", "collect submissions from the exchange or an LMS download")
    collect.add_argument(
        "--from",
        dest="source",
        type=Path,
        default=None,
        help="an LMS download, as a folder or the .zip itself: Canvas's "
        "or Moodle's 'download all submissions', or "
        "<learner id>_<notebook>.ipynb files or <learner id>/ folders "
        "(default: nbgrader's exchange)",
    )
    auto = command("autograde", "autograde every submission and print a summary of problems")
    auto.add_argument(
        "--learner", action="append", default=None, help="grade only this learner (repeatable)"
    )
    auto.add_argument(
        "--timeout",
        type=float,
        default=None,
        help="seconds a cell may run (default: the course config's)",
    )
    auto.add_argument(
        "--notebook-timeout",
        type=float,
        default=None,
        help="seconds a whole notebook may run (default: 600)",
    )
    auto.add_argument(
        "--sandbox",
        choices=("auto", "bwrap", "none"),
        default="auto",
        help="run each submission in a bubblewrap sandbox: auto (where it "
        "works, else warn), bwrap (refuse without it) or none",
    )
    auto.add_argument(
        "--memory",
        type=int,
        default=2048,
        metavar="MB",
        help="memory each submission's Python may use (default: 2048 MB)",
    )
    auto.add_argument(
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help="grade N learners at a time, each in a process of its own "
        "(default: one per core; 1 grades them one after another)",
    )
    auto.add_argument(
        "--scheduler",
        default=None,
        metavar="tcp://HOST:PORT",
        help="grade on this Dask cluster instead: every worker sees the course "
        "folder at the same path and reaches a PostgreSQL gradebook (see "
        "docs/grading-at-scale.md)",
    )
    auto.add_argument(
        "--db-url",
        default=None,
        metavar="URL",
        help="the gradebook database instead of the course config's db_url, "
        "e.g. postgresql+psycopg://grader@db.example.org/smm",
    )
    hand = command(
        "hand-grades",
        "grade written answers without the Formgrader: write a CSV "
        "for a teaching assistant to fill in, then import it",
    )
    hand.add_argument(
        "file",
        type=Path,
        nargs="?",
        default=None,
        help="the filled-in CSV to import (columns learner, grade_id, score, comment)",
    )
    hand.add_argument(
        "--template",
        type=Path,
        default=None,
        metavar="FILE",
        help="write the CSV to fill in (one row per learner and hand-graded "
        "cell, with the learner's answer) instead of importing",
    )
    fb = command("feedback", "write feedback HTML (hidden tests removed)")
    fb.add_argument(
        "--release",
        action="store_true",
        help="also release it to the learners through nbgrader's exchange",
    )
    fb.add_argument(
        "--learner", action="append", default=None, help="only this learner (repeatable)"
    )
    grades = command(
        "grades",
        "export scores.csv, canvas.csv, moodle.csv, distribution.png, "
        "difficulty.csv for the released assignments",
        assignment=False,
    )
    grades.add_argument("--out", type=Path, default=None, help="default: <course>/grades/")
    command(
        "doctor", "check this computer and the course folder are ready to grade", assignment=False
    )


def run(args: argparse.Namespace) -> int:
    """Run a parsed grading command; returns the exit code (1 if problems were found)."""
    # lazy: each command loads only its own modules
    from smm_helpers.grading.course import find_course, open_course

    if args.command == "init":
        # lazy: each command loads only its own modules
        from smm_helpers.grading.init import init_course

        init_course(args.folder, assignments=args.assignments, course_id=args.course_id)
        return 0
    folder = find_course(args.course)
    if args.command == "doctor":  # before open_course: it explains a broken course folder
        # lazy: each command loads only its own modules
        from smm_helpers.grading.doctor import run_doctor

        return 0 if run_doctor(folder, echo=print).ok else 1
    course = open_course(folder)
    if getattr(args, "assignment", None) is not None:
        check_assignment(course, args.assignment)
    if args.command == "validate":
        # lazy: each command loads only its own modules
        from smm_helpers.grading.validate import validate

        reports = validate(course, [args.assignment] if args.assignment else None)
        return 0 if all(report.ok for report in reports) else 1
    if args.command == "release":
        # lazy: each command loads only its own modules
        from smm_helpers.grading.release import release

        release(course, args.assignment, language=args.lang)
    elif args.command == "collect":
        # lazy: each command loads only its own modules
        from smm_helpers.grading.collect import collect_from_exchange, collect_from_folder

        report = (
            collect_from_folder(course, args.assignment, args.source)
            if args.source
            else collect_from_exchange(course, args.assignment)
        )
        return 1 if report.problems else 0
    elif args.command == "autograde":
        return _autograde(args, course)
    elif args.command == "hand-grades":
        return _hand_grades(args, course)
    elif args.command == "feedback":
        # lazy: each command loads only its own modules
        from smm_helpers.grading.feedback import feedback

        pages = feedback(course, args.assignment, learners=args.learner, release=args.release)
        return 0 if pages.ok else 1  # a page withheld, or one not generated or released
    elif args.command == "grades":
        # lazy: each command loads only its own modules
        from smm_helpers.grading.grades import export_grades

        export_grades(course, args.out)
    return 0


def check_assignment(course: Any, name: str) -> None:
    """Refuse an assignment name the course does not have, with the valid names and the
    nearest one.

    >>> from types import SimpleNamespace
    >>> course = SimpleNamespace(assignments=lambda: ["01-platforms-and-planning", "02-policy"],
    ...                          source_dir="assignments")
    >>> check_assignment(course, "02-policy")
    >>> check_assignment(course, "02-polcy")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: there is no assignment '02-polcy' in assignments.
    How to fix it: did you mean 02-policy? The assignments are: 01-platforms-and-planning, \
02-policy.
    """
    from smm_helpers.grading.problems import printable  # lazy: smm-course starts quick

    names = course.assignments()
    if name in names:
        return
    near = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    hint = f"did you mean {near[0]}? " if near else ""
    raise InputError(
        f"there is no assignment {printable(name)!r} in {course.source_dir}",
        fix=hint + "The assignments are: " + (", ".join(names) or "(none: add one to the sources)"),
    )


def _autograde(args: argparse.Namespace, course: Any) -> int:
    # lazy: each command loads only its own modules
    from smm_helpers.grading.autograde import autograde
    from smm_helpers.grading.course import open_course
    from smm_helpers.grading.results import DEFAULT_NOTEBOOK_TIMEOUT, GradeOptions

    options = GradeOptions(
        timeout=args.timeout,
        notebook_timeout=args.notebook_timeout or DEFAULT_NOTEBOOK_TIMEOUT,
        sandbox=args.sandbox,
        memory_mb=args.memory,
    )
    if args.scheduler and args.workers is not None:
        raise InputError(
            f"--workers {args.workers} and --scheduler {args.scheduler} both say where to grade",
            fix="give --workers to grade on this machine, or --scheduler to "
            "grade on the Dask cluster (its workers set how many at a "
            "time: dask worker --nworkers N --nthreads 1)",
        )
    if args.db_url:
        course = open_course(course.folder, overrides={"CourseDirectory": {"db_url": args.db_url}})
    graded = autograde(
        course,
        args.assignment,
        learners=args.learner,
        options=options,
        workers=args.workers,
        scheduler=args.scheduler,
    )
    return 1 if graded.problems else 0


def _hand_grades(args: argparse.Namespace, course: Any) -> int:
    from smm_helpers.grading import hand_grades  # lazy: each command loads its own modules

    if (args.template is None) == (args.file is None):
        raise InputError(
            "say what to do with hand grades",
            fix=f"write the CSV to fill in with: smm-course hand-grades "
            f"{args.assignment} --template hand-grades.csv; import it, "
            f"filled in, with: smm-course hand-grades {args.assignment} "
            "hand-grades.csv",
        )
    if args.template is not None:
        hand_grades.write_template(course, args.assignment, args.template)
        return 0
    hand_grades.import_hand_grades(course, args.assignment, args.file)
    return 0
