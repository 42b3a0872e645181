"""Rebuild the committed course CSVs: ``python -m smm_helpers.datasets [FOLDER]``.

With no folder it rewrites ``smm_helpers/data/`` from ``generate()`` with the default
seed; the tests check that the committed files equal a fresh ``generate()``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from smm_helpers.datasets.generate import generate

PACKAGE_DATA = Path(__file__).resolve().parents[1] / "data"


def main(argv: list[str] | None = None) -> int:
    """Write the four default CSVs into ``argv[0]`` (default: the package's data folder)."""
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else PACKAGE_DATA
    for path in generate().to_csv(folder):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
