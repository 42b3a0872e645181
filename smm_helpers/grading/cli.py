"""``smm-course grade ...``: the instructor's commands, for the lead to wire into cli.py.

    smm-course grade release ASSIGNMENT [--course DIR]
    smm-course grade collect ASSIGNMENT [--from FOLDER] [--course DIR]
    smm-course grade autograde ASSIGNMENT [--learner ID ...] [--timeout S] [--course DIR]
    smm-course grade feedback ASSIGNMENT [--course DIR]
    smm-course grade grades [--out DIR] [--course DIR]
    smm-course grade demo [--out DIR]
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from smm_helpers.grading.course import DEFAULT_COURSE


def add_commands(subparsers: Any) -> None:
    """Add the ``grade`` command (with its sub-commands) to ``smm-course``'s subparsers."""
    grade = subparsers.add_parser(
        "grade", help="release, collect, autograde, feedback and grades (nbgrader)",
        description="The instructor's grading workflow on nbgrader's own gradebook.")
    actions = grade.add_subparsers(dest="grade_command", metavar="STEP")
    actions.required = True

    def step(name: str, text: str, assignment: bool = True) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = actions.add_parser(name, help=text, description=text)
        parser.add_argument("--course", type=Path, default=DEFAULT_COURSE,
                            help="the course folder with nbgrader_config.py (default: course/)")
        if assignment:
            parser.add_argument("assignment", help="e.g. 01-platforms-and-planning")
        return parser

    step("release", "generate the student version and release it to the exchange")
    collect = step("collect", "collect submissions from the exchange or an LMS download")
    collect.add_argument("--from", dest="source", type=Path, default=None,
                         help="a folder of <learner id>_<notebook>.ipynb files or "
                              "<learner id>/ folders (default: nbgrader's exchange)")
    auto = step("autograde", "autograde every submission and print a summary of problems")
    auto.add_argument("--learner", action="append", default=None,
                      help="grade only this learner (repeatable)")
    auto.add_argument("--timeout", type=float, default=None,
                      help="seconds a cell may run (default: the course config's)")
    step("feedback", "write feedback HTML (hidden tests removed)")
    grades = step("grades", "export scores.csv, canvas.csv, distribution.png, difficulty.csv",
                  assignment=False)
    grades.add_argument("--out", type=Path, default=None, help="default: <course>/grades/")
    demo = actions.add_parser("demo", help="run the whole workflow on the sample class in a "
                              "new folder")
    demo.add_argument("--out", type=Path, default=Path("smm-lab-grading-demo"))


def run(args: argparse.Namespace) -> int:
    """Run a parsed ``grade`` command; returns the exit code (1 if problems were found)."""
    command = args.grade_command
    if command == "demo":
        from smm_helpers.grading.demo import run_grading_demo

        run_grading_demo(args.out)
        return 0
    from smm_helpers.grading.course import open_course

    course = open_course(args.course)
    if command == "release":
        from smm_helpers.grading.release import release

        release(course, args.assignment)
    elif command == "collect":
        from smm_helpers.grading.collect import collect_from_exchange, collect_from_folder

        report = (collect_from_folder(course, args.assignment, args.source) if args.source
                  else collect_from_exchange(course, args.assignment))
        return 1 if report.problems else 0
    elif command == "autograde":
        from smm_helpers.grading.autograde import autograde

        graded = autograde(course, args.assignment, learners=args.learner,
                           timeout=args.timeout)
        return 1 if graded.problems else 0
    elif command == "feedback":
        from smm_helpers.grading.feedback import feedback

        feedback(course, args.assignment)
    elif command == "grades":
        from smm_helpers.grading.grades import export_grades

        export_grades(course, args.out)
    return 0
