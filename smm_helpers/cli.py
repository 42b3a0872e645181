"""The ``smm-course`` command line.

    smm-course demo [--out DIR]     build the course data and a client report

Run ``smm-course --help`` for every command.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from smm_helpers.errors import SMMLabError


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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``smm-course``; returns the process exit code.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "notes.md").write_text("mine")
    >>> main(["demo", "--out", str(folder)])  # refuses a folder holding your files
    2
    """
    args = _build_parser().parse_args(argv)
    try:
        if args.command == "demo":
            from smm_helpers.demo import run_demo

            run_demo(args.out, learner_id=args.learner, n_posts=args.posts)
    except SMMLabError as error:
        print(f"smm-course {args.command}: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
