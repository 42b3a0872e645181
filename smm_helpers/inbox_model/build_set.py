"""Write the labelled inbox set (``smm_helpers/data/inbox_labelled.csv``) from its sources.

The messages are hand-written, one *family* per line, in ``inbox_model/source/``:
``en.txt`` (English), ``bn.txt`` (Bengali script) and ``banglish.txt`` (Bengali in Latin
letters).  A line reads ``c2: text || text``: the category letter (``q`` question, ``c``
complaint, ``p`` praise, ``s`` spam, ``o`` other), an optional urgency digit (0–3, given
only where urgency matters), then the same message as different writers put it.

Each family is one ``group``; neighbouring families form a ``topic`` shared by the three
scripts (see ``topic_of``), and the test split is drawn **by topic**.  Every family also
appears once or twice as *typed* by a writer with habits (greets first, writes in lower
case without punctuation, texts in short forms, misspells a vowel sign, adds emoji, asks
again with "??").  Those copies stay in their family's group, so neither a near-duplicate
nor a translation of a test message is in training.  The old 191-message sample
(``data/inbox_labelled_sample.csv``) is folded in, one group per message.

Rebuild with ``python -m smm_helpers.inbox_model.build_set``; a test checks that the
committed CSV and this builder agree.

>>> family = parse_line("q2: Is it urgent? || urgent?", line=3, file="en.txt")
>>> family.category, family.urgency, family.variants
('question', '2', ('Is it urgent?', 'urgent?'))
>>> parse_line("x: hello", line=7, file="en.txt")
Traceback (most recent call last):
...
smm_helpers.errors.DataError: en.txt, line 7: 'x' is not a category letter.
How to fix it: start the line with q, c, p, s or o (and an optional urgency digit 0-3), then ':'.
"""

from __future__ import annotations

import csv
import hashlib
import io
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import regex

from smm_helpers.errors import DataError
from smm_helpers.i18n.messages import gettext as _

__all__ = [
    "COLUMNS",
    "SOURCES",
    "Family",
    "build_rows",
    "parse_line",
    "render_csv",
    "split_of",
    "topic_of",
]

COLUMNS = ("text", "language", "script", "category", "urgency", "group", "topic", "split")
"""The columns of ``inbox_labelled.csv``."""

SOURCES = {"en": ("en", "latin"), "bn": ("bn", "bengali"), "banglish": ("bn", "latin")}
"""Source file stem -> (language, script)."""

TEST_SHARE = 25
"""Percent of topics held apart for the test split (chosen by a hash of the topic)."""

TOPIC_SIZE = 8
"""Neighbouring families per topic block (see ``topic_of``)."""

_LETTERS = {"q": "question", "c": "complaint", "p": "praise", "s": "spam", "o": "other"}
_HEAD = regex.compile(r"^([a-z])([0-3])?:\s*(.+)$")
_OUTPUT = "inbox_labelled.csv"
_LEGACY = "inbox_labelled_sample.csv"


@dataclass(frozen=True)
class Family:
    """One hand-written message and its rewordings."""

    category: str
    urgency: str
    variants: tuple[str, ...]


def parse_line(line_text: str, *, line: int, file: str) -> Family:
    """Read one source line ``c2: text || text`` (see the module docstring)."""
    head = _HEAD.match(line_text.strip())
    letter = head.group(1) if head else line_text.strip()[:1]
    if not head or letter not in _LETTERS:
        raise DataError(
            _("{letter} is not a category letter").format(letter=repr(letter)),
            file=file,
            line=line,
            fix=_(
                "start the line with q, c, p, s or o (and an optional urgency digit 0-3), then ':'"
            ),
        )
    variants = tuple(_nfc(v.strip()) for v in head.group(3).split("||") if v.strip())
    return Family(_LETTERS[letter], head.group(2) or "", variants)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _digest(key: str) -> int:
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:12], 16)


def split_of(topic: str) -> str:
    """``"test"`` for about a quarter of the topics, ``"train"`` for the rest; stable.

    >>> split_of("complaint-03"), split_of("complaint-03")
    ('test', 'test')
    """
    return "test" if _digest("split:" + topic) % 100 < TEST_SHARE else "train"


# ---------------------------------------------------------------------------------------
# Writers' habits: each rewrites a message the way some people type.
# ---------------------------------------------------------------------------------------

_GREETINGS = {
    "en": ("Hi,", "Hello team,", "Assalamu alaikum,", "Dear admin,", "hey"),  # i18n: not shown
    "bn": ("আসসালামু আলাইকুম,", "আপু,", "ভাইয়া,", "হ্যালো,", "এডমিন ভাই,"),
    "banglish": ("assalamualaikum", "apu", "vaiya", "hello admin", "salam vai,"),  # i18n: not shown
}
_SHORT_FORMS = {
    "en": (
        ("please", "pls"),
        ("you", "u"),
        ("your", "ur"),
        ("are", "r"),
        ("thanks", "thx"),
        ("received", "recieved"),
        ("delivery", "delivary"),
        ("what", "wat"),
    ),
    "banglish": (
        ("bhai", "vai"),
        ("vai", "bhai"),
        ("valo", "bhalo"),
        ("ache", "ase"),
        ("hoise", "hoyeche"),
        ("hoyeche", "hoise"),
        ("keno", "kno"),
        ("kisu", "kichu"),
        ("korsi", "korechi"),
        ("nai", "nei"),
        ("ki", "kii"),
        ("taka", "tk"),
        ("please", "plz"),
        ("din", "den"),
    ),
    "bn": (("ি", "ী"), ("ী", "ি"), ("ু", "ূ"), ("য়", "য"), ("ড়", "র")),
}
_EMOJI = ("🙂", "🙏", "😊", "😐", "😅")


def _lower(text: str, source: str) -> str:
    text = text.lower() if source != "bn" else text
    return regex.sub(r"[.!?।,]+$", "", text).strip() or text


def _greet(text: str, source: str, pick: int) -> str:
    greeting = _GREETINGS[source][pick % len(_GREETINGS[source])]
    return f"{greeting} {text[0].lower() + text[1:] if source == 'en' else text}"


def _short_forms(text: str, source: str, pick: int) -> str:
    pairs = _SHORT_FORMS[source]
    if source == "bn":  # a vowel-sign slip in one word, as fast typists make
        old, new = pairs[pick % len(pairs)]
        return text.replace(old, new, 1) if old in text else text
    out = text
    for old, new in pairs:
        out = regex.sub(rf"(?i)\b{regex.escape(old)}\b", new, out)
    return out


def _emoji(text: str, pick: int) -> str:
    return f"{text} {_EMOJI[pick % len(_EMOJI)]}"


def _ask_again(text: str, category: str) -> str:
    if category == "question":
        return regex.sub(r"[?？]*$", "", text) + "??"
    return regex.sub(r"[.!।]*$", "", text) + "!!"


def _typed_by(text: str, source: str, category: str, key: str) -> str:
    """The message as one writer with two habits would type it (deterministic by key)."""
    pick = _digest("style:" + key)
    habits = ["greet", "short", "lower", "again", "emoji"]
    chosen = {habits[pick % 5], habits[(pick // 5) % 5]}
    out = text
    for habit in (h for h in habits if h in chosen):  # emoji last, after any "??"
        if habit == "lower":
            out = _lower(out, source)
        elif habit == "greet":
            out = _greet(out, source, pick // 25)
        elif habit == "short":
            out = _short_forms(out, source, pick // 25)
        elif habit == "emoji":
            out = _emoji(out, pick // 125)
        else:
            out = _ask_again(out, category)
    return _nfc(out)


# ---------------------------------------------------------------------------------------
# Building the table
# ---------------------------------------------------------------------------------------


def _source_dir() -> Path:
    return Path(__file__).with_name("source")


def _families(source: str) -> list[Family]:
    path = _source_dir() / f"{source}.txt"
    families = []
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text.strip() and not text.lstrip().startswith("#"):
            families.append(parse_line(text, line=number, file=path.name))
    return families


def _legacy_rows() -> list[dict[str, str]]:
    path = resources.files("smm_helpers") / "data" / _LEGACY
    rows = []
    reader = csv.DictReader(path.read_text(encoding="utf-8").splitlines())
    for number, row in enumerate(reader, start=1):
        text = _nfc(row["text"])
        script = "bengali" if regex.search(r"[\u0980-\u09ff]", text) else "latin"
        group = f"sample-{number:03d}"
        rows.append(
            {
                "text": text,
                "language": row["language"],
                "script": script,
                "category": row["category"],
                "urgency": "",
                "group": group,
                "topic": group,
                "split": split_of(group),
            }
        )
    return rows


def topic_of(category: str, position: int) -> str:
    """The topic block of the ``position``-th family (from 0) of a category in a source.

    The three source files tell the same stories in the same order (a complaint about a
    torn saree in English, Bengali script and Banglish sits at about the same place in
    each), so a block of ``TOPIC_SIZE`` neighbouring families is one *topic* across the
    scripts.  Splitting by topic keeps a message's translation out of training when the
    message is in the test split.

    >>> topic_of("complaint", 0), topic_of("complaint", 7), topic_of("complaint", 8)
    ('complaint-00', 'complaint-00', 'complaint-01')
    """
    return f"{category}-{position // TOPIC_SIZE:02d}"


def build_rows() -> list[dict[str, str]]:
    """Every labelled row: hand-written variants, their typed copies, the old sample.

    A text that is already in the table (the same words in two families) is kept once.
    """
    rows: list[dict[str, str]] = []
    for source, (language, script) in SOURCES.items():
        positions: dict[str, int] = {}
        for number, family in enumerate(_families(source), start=1):
            group = f"{source}-{family.category}-{number:03d}"
            position = positions.get(family.category, 0)
            positions[family.category] = position + 1
            topic = topic_of(family.category, position)
            texts = list(family.variants)
            copies = 1 + _digest("copies:" + group) % 2
            for index in range(copies):
                original = family.variants[index % len(family.variants)]
                texts.append(_typed_by(original, source, family.category, f"{group}:{index}"))
            for text in texts:
                rows.append(
                    {
                        "text": text,
                        "language": language,
                        "script": script,
                        "category": family.category,
                        "urgency": family.urgency,
                        "group": group,
                        "topic": topic,
                        "split": split_of(topic),
                    }
                )
    rows += _legacy_rows()
    seen: set[str] = set()
    unique = []
    for row in rows:
        key = row["text"].casefold()
        if key not in seen:
            seen.add(key)
            unique.append(row)
    return unique


def render_csv(rows: list[dict[str, str]]) -> str:
    """The rows as CSV text (UTF-8, ``\\n`` line ends)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def output_path() -> Path:
    """Where the committed CSV lives."""
    return Path(__file__).resolve().parent.parent / "data" / _OUTPUT


def main() -> None:
    """Rebuild ``data/inbox_labelled.csv`` and say how many rows it has."""
    rows = build_rows()
    output_path().write_text(render_csv(rows), encoding="utf-8")
    print(_("wrote {count} messages to {path}").format(count=len(rows), path=output_path()))


if __name__ == "__main__":
    main()
