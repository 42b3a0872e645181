"""The ``smm-course`` command line.

    smm-course demo [--out DIR]     build the course data and a client report
    smm-course report --from FILES  a client report (HTML, PDF) from your platform exports
    smm-course lab [--instructor]   open JupyterLab on the lessons
    smm-course site [--out DIR]     build the course website (every lesson, run)
    smm-course release | collect | autograde | feedback | grades   the grading workflow

Run ``smm-course --help`` for every command.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from smm_helpers.errors import SMMLabError
from smm_helpers.grading.cli import COMMANDS as GRADING_COMMANDS


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="smm-course",
        description="SMM Lab: learn social media marketing with Python.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    demo = sub.add_parser(
        "demo",
        help="build the course datasets and write a client report",
        description="Build the course datasets, compute the analytics and write the "
        "nonprofit's client report (HTML and PDF) into a folder.",
    )
    demo.add_argument(
        "--out", type=Path, default=Path("smm-lab-demo"),
        help="folder to write into (default: ./smm-lab-demo/)",
    )
    demo.add_argument(
        "--learner", default=None,
        help="build a learner's personal variant of the data from their learner id",
    )
    demo.add_argument(
        "--posts", type=int, default=None,
        help="how many posts to generate (default: the committed course datasets)",
    )
    demo.add_argument(
        "--no-grading", action="store_true",
        help="skip the grading workflow (data, summaries and report only)",
    )
    add_language_option(demo)
    from smm_helpers.grading.cli import add_commands

    add_commands(sub)

    lab = sub.add_parser(
        "lab",
        help="open JupyterLab on the lessons",
        description="Open JupyterLab on the course's lessons (for an instructor, with "
        "nbgrader's Formgrader and Assignments panels switched on). Options smm-course does "
        "not know go to JupyterLab as they are, e.g. --allow-root or --ServerApp.ip=0.0.0.0.",
    )
    lab.add_argument("--instructor", action="store_true",
                     help="switch on nbgrader's extensions for grading")
    lab.add_argument("--lessons", type=Path, default=None,
                     help="the lessons folder (default: lessons/ of this clone)")
    lab.add_argument("--course", type=Path, default=None,
                     help="with --instructor: the course folder (default: this folder if "
                          "it holds nbgrader_config.py, else ./course, else the clone's "
                          "course/)")
    lab.add_argument("--port", type=int, default=None, help="port to serve on")
    lab.add_argument("--no-browser", action="store_true", help="do not open a browser")
    add_language_option(lab)
    _add_site_command(sub)
    from smm_helpers.report.command import add_report_command

    add_report_command(sub)
    add_language_option(sub.choices["report"])
    return parser


def add_language_option(parser: argparse.ArgumentParser) -> None:
    """``--lang en|bn``: the language of what the command shows and writes."""
    from smm_helpers.i18n.messages import LANGUAGES

    parser.add_argument("--lang", choices=LANGUAGES, default=None,
                        help="language: en (English) or bn (Bengali); default: SMM_LANG, "
                        "else English")


def _add_site_command(sub: Any) -> None:
    """Add ``smm-course site`` (the course website) to the subcommands."""
    from smm_helpers.site.execute import DEFAULT_JOBS, DEFAULT_TIMEOUT

    site = sub.add_parser(
        "site",
        help="build the course website for self-study readers",
        description="Run every lesson on a fresh kernel and write a static website: one "
        "page per lesson with its results and charts, previous/next links and a contents "
        "page. It only ever writes into a folder it made itself.",
    )
    site.add_argument("--out", type=Path, default=None,
                      help="folder to write the site into (default: ./build/site/)")
    site.add_argument("--lessons", type=Path, default=None,
                      help="the lessons folder (default: lessons/ of this clone)")
    site.add_argument("--no-execute", action="store_true",
                      help="do not run the lessons (quick; the pages show no results)")
    site.add_argument("--jobs", type=int, default=DEFAULT_JOBS,
                      help=f"lessons to run at once (default: {DEFAULT_JOBS})")
    site.add_argument("--timeout", type=int, default=DEFAULT_TIMEOUT,
                      help=f"seconds one cell may run (default: {DEFAULT_TIMEOUT})")
    site.add_argument("--binder", metavar="OWNER/REPO", default=None,
                      help="the GitHub repository, to add 'open on Binder' links")
    site.add_argument("--binder-ref", default="HEAD",
                      help="branch, tag or commit the Binder links open (default: HEAD)")
    add_language_option(site)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``smm-course``; returns the process exit code.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "notes.md").write_text("mine")
    >>> main(["demo", "--out", str(folder)])  # refuses a folder holding your files
    2
    >>> main(["site", "--out", str(folder), "--no-execute"])  # so does the site build
    2
    """
    parser = _build_parser()
    args, jupyter_options = parser.parse_known_args(argv)
    if jupyter_options and args.command != "lab":
        parser.error("unrecognized arguments: " + " ".join(jupyter_options))
    if getattr(args, "lang", None):
        from smm_helpers.i18n.messages import use_language

        use_language(args.lang)
    try:
        if args.command == "demo":
            from smm_helpers.demo import run_demo

            run_demo(args.out, learner_id=args.learner, n_posts=args.posts,
                     grading=not args.no_grading)
        elif args.command == "report":
            from smm_helpers.report.command import run_report

            run_report(args.files, client=args.client, period=args.period, out=args.out,
                       timezone=args.timezone, pdf_engine=args.pdf_engine, language=args.lang)
        elif args.command in GRADING_COMMANDS:
            from smm_helpers.grading.cli import run

            return run(args)
        elif args.command == "lab":
            from smm_helpers.lab import open_lab

            open_lab(instructor=args.instructor, lessons_dir=args.lessons, port=args.port,
                     no_browser=args.no_browser, course_dir=args.course,
                     jupyter_options=jupyter_options, language=args.lang)
        elif args.command == "site":
            from smm_helpers.site.build import DEFAULT_OUT, build_site

            build_site(DEFAULT_OUT if args.out is None else args.out,
                       lessons_dir=args.lessons, execute=not args.no_execute,
                       jobs=args.jobs, timeout=args.timeout, binder=args.binder,
                       binder_ref=args.binder_ref, language=args.lang)
    except SMMLabError as error:
        print(f"smm-course {args.command}: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
