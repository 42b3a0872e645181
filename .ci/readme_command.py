"""Print one of the README's two commands, so CI runs exactly what the README tells people.

Usage: python3 .ci/readme_command.py test|demo
The command is the first line of the fenced block after ``<!-- command: NAME -->``.
"""

import re
import sys
from pathlib import Path


def readme_command(name: str, readme: Path) -> str:
    text = readme.read_text(encoding="utf-8")
    match = re.search(rf"<!-- command: {re.escape(name)} -->\s*```[a-z]*\n(.+?)\n```", text, re.S)
    if not match:
        raise SystemExit(f"{readme}: no '<!-- command: {name} -->' block followed by a code block")
    return match.group(1).strip()


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[1]
    print(readme_command(sys.argv[1], root / "README.md"))
