"""The ``smm-course`` command line.

    smm-course demo [--out DIR]     build the course data and a client report
    smm-course report --from FILES  a client report (HTML, PDF) from your platform exports
    smm-course lab [--instructor]   open JupyterLab on the lessons
    smm-course site [--out DIR]     build the course website (every lesson, run)
    smm-course release | collect | autograde | feedback | grades   the grading workflow

Run ``smm-course --help`` for every command.

The language is chosen before anything is shown: ``--lang bn`` anywhere on the command line,
else ``SMM_LANG``, else English.  It covers the help, the messages and argparse's own words
("usage:", "options:", its error lines), which argparse takes from gettext's global catalog,
where Python ships no Bengali: :func:`argparse_speaks` gives them from SMM Lab's catalog
while a command runs.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from smm_helpers.errors import SMMLabError
from smm_helpers.grading.cli import COMMANDS as GRADING_COMMANDS
from smm_helpers.grading.cli import add_commands
from smm_helpers.i18n.messages import LANGUAGES, N_, in_language, ngettext
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits
from smm_helpers.site.execute import DEFAULT_JOBS, DEFAULT_TIMEOUT

ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("options"),
    N_("positional arguments"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    # Python 3.13 adds these
    N_("show program's version number and exit"),
    N_(" (default: %(default)s)"),
    N_("subcommands"),
    N_("%(prog)s: warning: %(message)s\n"),
    N_("argument '%(argument_name)s' is deprecated"),
    N_("command '%(parser_name)s' is deprecated"),
    N_("option '%(option)s' is deprecated"),
)
"""argparse's own words a person at the command line reads (Python 3.11 to 3.13), marked
here so that SMM Lab's catalog carries their translations; its one plural message is in
:func:`expected_arguments`.  Its messages about mistakes in a program's own parser setup are
left in English: only a developer sees them."""


def expected_arguments(count: int) -> str:
    """argparse's plural message for an option given the wrong number of values.

    It is here so that the catalog carries it as the plural message argparse asks for.

    >>> expected_arguments(2)
    'expected 2 arguments'
    """
    return ngettext("expected %s argument", "expected %s arguments", count) % count


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="smm-course",
        description=_("SMM Lab: learn social media marketing with Python."),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    demo = sub.add_parser(
        "demo",
        help=_("build the course datasets and write a client report"),
        description=_(
            "Build the course datasets, compute the analytics and write the "
            "nonprofit's client report (HTML and PDF) into a folder."
        ),
    )
    demo.add_argument(
        "--out",
        type=Path,
        default=Path("smm-lab-demo"),
        help=_("folder to write into (default: ./smm-lab-demo/)"),
    )
    demo.add_argument(
        "--learner",
        default=None,
        help=_("build a learner's personal variant of the data from their learner id"),
    )
    demo.add_argument(
        "--posts",
        type=int,
        default=None,
        help=_("how many posts to generate (default: the committed course datasets)"),
    )
    demo.add_argument(
        "--no-grading",
        action="store_true",
        help=_("skip the grading workflow (data, summaries and report only)"),
    )
    add_language_option(demo)

    add_commands(sub)

    lab = sub.add_parser(
        "lab",
        help=_("open JupyterLab on the lessons"),
        description=_(
            "Open JupyterLab on the course's lessons (for an instructor, with "
            "nbgrader's Formgrader and Assignments panels switched on). Options "
            "smm-course does not know go to JupyterLab as they are, e.g. "
            "--allow-root or --ServerApp.ip=0.0.0.0."
        ),
    )
    lab.add_argument(
        "--instructor", action="store_true", help=_("switch on nbgrader's extensions for grading")
    )
    lab.add_argument(
        "--lessons",
        type=Path,
        default=None,
        help=_("the lessons folder (default: lessons/ of this clone)"),
    )
    lab.add_argument(
        "--course",
        type=Path,
        default=None,
        help=_(
            "with --instructor: the course folder (default: this folder if "
            "it holds nbgrader_config.py, else ./course, else the clone's "
            "course/)"
        ),
    )
    lab.add_argument("--port", type=int, default=None, help=_("port to serve on"))
    lab.add_argument("--no-browser", action="store_true", help=_("do not open a browser"))
    add_language_option(lab)
    _add_site_command(sub)
    # heavy: loads numpy, pandas on first use
    from smm_helpers.report.command import add_report_command

    add_report_command(sub)
    add_language_option(sub.choices["report"])
    return parser


def add_language_option(parser: argparse.ArgumentParser) -> None:
    """``--lang en|bn``: the language of what the command shows and writes."""
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help=_("language: en (English) or bn (Bengali); default: SMM_LANG, else English"),
    )


def _add_site_command(sub: Any) -> None:
    """Add ``smm-course site`` (the course website) to the subcommands."""
    site = sub.add_parser(
        "site",
        help=_("build the course website for self-study readers"),
        description=_(
            "Run every lesson on a fresh kernel and write a static website: one "
            "page per lesson with its results and charts, previous/next links and a "
            "contents page. It only ever writes into a folder it made itself."
        ),
    )
    site.add_argument(
        "--out",
        type=Path,
        default=None,
        help=_("folder to write the site into (default: ./build/site/)"),
    )
    site.add_argument(
        "--lessons",
        type=Path,
        default=None,
        help=_("the lessons folder (default: lessons/ of this clone)"),
    )
    site.add_argument(
        "--no-execute",
        action="store_true",
        help=_("do not run the lessons (quick; the pages show no results)"),
    )
    site.add_argument(
        "--jobs",
        type=int,
        default=DEFAULT_JOBS,
        help=_("lessons to run at once (default: {jobs})").format(jobs=digits(DEFAULT_JOBS)),
    )
    site.add_argument(
        "--timeout",
        type=int,
        default=DEFAULT_TIMEOUT,
        help=_("seconds one cell may run (default: {seconds})").format(
            seconds=digits(DEFAULT_TIMEOUT)
        ),
    )
    site.add_argument(
        "--binder",
        metavar="OWNER/REPO",
        default=None,
        help=_("the GitHub repository, to add 'open on Binder' links"),
    )
    site.add_argument(
        "--binder-ref",
        default="HEAD",
        help=_("branch, tag or commit the Binder links open (default: HEAD)"),
    )
    add_language_option(site)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``smm-course``; returns the process exit code.

    Everything it shows is in the language of ``--lang`` (found anywhere on the command
    line, before argparse builds its help), else ``SMM_LANG``, else English.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "notes.md").write_text("mine")
    >>> main(["demo", "--out", str(folder)])  # refuses a folder holding your files
    2
    >>> main(["site", "--out", str(folder), "--no-execute"])  # so does the site build
    2
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    with in_language(language_asked(arguments)), argparse_speaks():
        return _run(arguments)


def _run(argv: list[str]) -> int:
    """Parse the command line and run the command (in the language already chosen)."""
    parser = _build_parser()
    args, jupyter_options = parser.parse_known_args(argv)
    if jupyter_options and args.command != "lab":
        parser.error(_("unrecognized arguments: %s") % " ".join(jupyter_options))
    try:
        if args.command == "demo":
            # lazy: each command loads only its own modules
            from smm_helpers.demo import run_demo

            run_demo(
                args.out, learner_id=args.learner, n_posts=args.posts, grading=not args.no_grading
            )
        elif args.command == "report":
            # lazy: each command loads only its own modules
            from smm_helpers.report.command import run_report

            run_report(
                args.files,
                client=args.client,
                period=args.period,
                out=args.out,
                timezone=args.timezone,
                pdf_engine=args.pdf_engine,
                language=args.lang,
            )
        elif args.command in GRADING_COMMANDS:
            # lazy: each command loads only its own modules
            from smm_helpers.grading.cli import run

            return run(args)
        elif args.command == "lab":
            # lazy: each command loads only its own modules
            from smm_helpers.lab import open_lab

            open_lab(
                instructor=args.instructor,
                lessons_dir=args.lessons,
                port=args.port,
                no_browser=args.no_browser,
                course_dir=args.course,
                jupyter_options=jupyter_options,
                language=args.lang,
            )
        elif args.command == "site":
            # lazy: each command loads only its own modules
            from smm_helpers.site.build import DEFAULT_OUT, build_site

            build_site(
                DEFAULT_OUT if args.out is None else args.out,
                lessons_dir=args.lessons,
                execute=not args.no_execute,
                jobs=args.jobs,
                timeout=args.timeout,
                binder=args.binder,
                binder_ref=args.binder_ref,
                language=args.lang,
            )
    except SMMLabError as error:
        print(f"smm-course {args.command}: {error}", file=sys.stderr)
        return 2
    return 0


def language_asked(argv: Sequence[str]) -> str | None:
    """The language a command line asks for with ``--lang`` (``None``: it does not ask).

    Read before argparse runs, so that the help and argparse's errors are in that language
    too.  ``--lang bn``, ``--lang=bn`` and argparse's unambiguous abbreviations
    (``--la bn``) count, wherever they stand; an unknown language is left to argparse,
    which says which ones exist.

    >>> language_asked(["lab", "--lang", "bn"]), language_asked(["--lang=en", "site"])
    ('bn', 'en')
    >>> language_asked(["demo", "--lan", "bn"]), language_asked(["demo", "--lang", "fr"])
    ('bn', None)
    >>> language_asked(["lab", "--lessons", "lessons"]) is None
    True
    """
    found = None
    for index, token in enumerate(argv):
        if token == "--":
            break
        name, equals, value = token.partition("=")
        if len(name) < 4 or not "--lang".startswith(name):
            continue
        if not equals:
            value = argv[index + 1] if index + 1 < len(argv) else ""
        found = value if value in LANGUAGES else found
    return found


@contextlib.contextmanager
def argparse_speaks() -> Iterator[None]:
    """argparse's own words ("usage:", "options:", errors) from SMM Lab's catalog, inside.

    argparse looks its messages up with ``gettext.gettext`` (the global catalog, where
    Python ships no Bengali); inside the block it asks SMM Lab's catalog instead, in the
    language chosen (:func:`smm_helpers.i18n.messages.current_language`), and afterwards
    argparse is exactly as it was.  Only the ``smm-course`` command uses it: a notebook's
    argparse is never touched.

    >>> from smm_helpers.i18n.messages import in_language
    >>> with in_language("bn"), argparse_speaks():
    ...     argparse.ArgumentParser(prog="x").format_usage()
    'ব্যবহার: x [-h]\\n'
    >>> argparse.ArgumentParser(prog="x").format_usage()
    'usage: x [-h]\\n'
    """
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _, ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
