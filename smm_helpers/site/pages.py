"""The site's pages: one per lesson, in course order, with their neighbours and objectives.

Everything here is read from the lesson notebooks themselves (no execution): the title and
estimated time come from :func:`smm_helpers.lab.read_lesson`, the objectives from the
"By the end of this lesson you can…" list near the top of each lesson ("এই পাঠ শেষে আপনি
পারবেন…" in a Bengali lesson).  Labels are in the language SMM Lab speaks when they are
shown (``use_language``), with that language's digits.

>>> pages = course_pages()
>>> [page.id for page in pages][:2]
['00-orientation', '01-why-social-media']
>>> pages[0].previous, pages[0].next.href
(None, '01-why-social-media.html')
>>> pages[-1].next is None
True
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.messages import ngettext
from smm_helpers.i18n.numbers import digits
from smm_helpers.lab import (
    LessonInfo,
    find_lessons_dir,
    lesson_files,
    read_lesson,
    read_lesson_json,
)

__all__ = [
    "CONTENTS_PAGE",
    "SOURCES_MARKDOWN",
    "SOURCES_PAGE",
    "LessonPage",
    "course_pages",
    "read_objectives",
    "sources_file",
]

#: The contents page: the site's front page, listing every lesson.
CONTENTS_PAGE = "index.html"

#: The course's sources page in the lessons folder: lessons cite it as ``sources.md#<anchor>``.
SOURCES_MARKDOWN = "sources.md"

#: The sources page in the site: ``sources.md#<anchor>`` links become ``sources.html#<anchor>``.
SOURCES_PAGE = "sources.html"

#: The line that introduces a lesson's objectives (the course's lesson style), in English
#: or Bengali: "By the end of this lesson you can…", "এই পাঠ শেষে আপনি পারবেন…".
OBJECTIVES_LEAD = re.compile(
    unicodedata.normalize(
        "NFC",
        r"^\s*(?:By the end of this lesson,? you (?:can|will be able to)"  # i18n: not shown
        r"|(?:এই )?পাঠ(?:টি|ের)? শেষে(?: আপনি)?(?: যা যা| যা)? (?:পারবেন|করতে পারবেন))",
    ),
    re.IGNORECASE,
)

LIST_ITEM = re.compile(r"^\s*[-*+]\s+(?P<text>.*)$")


@dataclass(eq=False)
class LessonPage:
    """One lesson as a page of the site: what it is, where it is, and its neighbours.

    ``previous`` and ``next`` are the neighbouring pages in course order (``None`` at the
    ends); ``objectives`` are the lesson's "you can…" items, as Markdown.
    """

    info: LessonInfo
    objectives: tuple[str, ...] = ()
    previous: LessonPage | None = field(default=None, repr=False)
    next: LessonPage | None = field(default=None, repr=False)

    @property
    def id(self) -> str:
        """The lesson's id, its file name without ``.ipynb`` (``03-platforms``)."""
        return self.info.id

    @property
    def href(self) -> str:
        """The page's file name in the site, relative to the site's root."""
        return f"{self.info.id}.html"

    @property
    def notebook_href(self) -> str:
        """Where the site keeps a copy of the lesson notebook, to download and run."""
        return f"notebooks/{self.info.path.name}"

    @property
    def number_text(self) -> str:
        """The lesson's two-digit number in the current language's digits (``03``, ``০৩``)."""
        return digits(f"{self.info.number:02d}")

    @property
    def label(self) -> str:
        """``Lesson 03 · Choosing platforms``: how navigation names the page.

        >>> from smm_helpers.i18n.messages import in_language
        >>> page = course_pages(find_lessons_dir() / "bn")[3]
        >>> with in_language("bn"):
        ...     page.label, page.time_text
        ('পাঠ ০৩ · প্ল্যাটফর্ম বেছে নেওয়া', '৪৫ মিনিট')
        """
        return _("Lesson {number} · {title}").format(number=self.number_text, title=self.info.title)

    @property
    def time_text(self) -> str:
        """The estimated time as shown on the contents page."""
        if self.info.minutes is None:
            return ""
        return ngettext("{minutes} minute", "{minutes} minutes", self.info.minutes).format(
            minutes=digits(self.info.minutes)
        )


def _source(cell: dict[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def read_objectives(path: str | Path) -> tuple[str, ...]:
    """A lesson's objectives: the Markdown list after "By the end of this lesson you can…".

    The list is looked for in the markdown cells before the first code cell (the lesson's
    introduction); an item may run over several lines.  A lesson without such a list has
    no objectives (an empty tuple), and the contents page shows only its title and time.

    >>> read_objectives(find_lessons_dir() / "03-platforms.ipynb")[0]
    'read a platform profile and tell a sourced figure from an illustrative one;'
    """
    path = Path(path)
    notebook = read_lesson_json(path)
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "code":
            break
        if cell.get("cell_type") != "markdown":
            continue
        lines = unicodedata.normalize("NFC", _source(cell)).splitlines()
        for start, line in enumerate(lines):
            if OBJECTIVES_LEAD.match(line):
                return _list_after(lines[start + 1 :])
    return ()


def _list_after(lines: list[str]) -> tuple[str, ...]:
    items: list[str] = []
    for line in lines:
        item = LIST_ITEM.match(line)
        if item:
            items.append(item.group("text").strip())
        elif not line.strip():
            if items:
                break  # a blank line after the list ends it
        elif items and line.startswith((" ", "\t")):
            items[-1] += " " + line.strip()  # an item continued on the next line
        else:
            break
    return tuple(items)


def course_pages(lessons_dir: str | Path | None = None) -> list[LessonPage]:
    """Every lesson of the folder as a page, in course order, linked to its neighbours.

    ``lessons_dir`` defaults to the clone's ``lessons/`` (see
    :func:`smm_helpers.lab.find_lessons_dir`).  Course order is file-name order
    (``00-…``, ``01-…``, …), the order of the learning path.

    >>> course_pages("no/such/folder")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: there is no lessons folder at no/such/folder.
    How to fix it: pass the folder that holds the lesson notebooks ...
    """
    folder = find_lessons_dir(lessons_dir)
    plain = [LessonPage(read_lesson(path), read_objectives(path)) for path in lesson_files(folder)]
    numbers = [page.info.number for page in plain]
    duplicated = sorted({n for n in numbers if numbers.count(n) > 1})
    if duplicated:
        clash = [page.info.path.name for page in plain if page.info.number in duplicated]
        raise InputError(
            _("two lessons in {folder} have the same number: {lessons}").format(
                folder=folder, lessons=", ".join(clash)
            ),
            fix=_("give each lesson its own two-digit number, in its file name and title line"),
        )
    for before, after in itertools.pairwise(plain):
        before.next, after.previous = after, before
    return plain


def sources_file(lessons_dir: str | Path | None = None) -> Path | None:
    """The lessons folder's sources page (``sources.md``), or ``None`` if it has none.

    >>> sources_file().name
    'sources.md'
    """
    path = find_lessons_dir(lessons_dir) / SOURCES_MARKDOWN
    return path if path.is_file() else None
