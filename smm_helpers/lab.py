"""Open the lessons in JupyterLab, list them, and run one on a fresh kernel.

``smm-course lab`` calls :func:`open_lab`: it finds the ``lessons/`` folder of your clone
and starts JupyterLab there with the Python that runs SMM Lab, so the lessons' kernel sees
the same packages.  For an instructor it serves the folder that holds both the lessons and
the nbgrader course (the clone's root), with nbgrader's extensions on and the course's
``nbgrader_config.py`` found by the Formgrader and the Assignments panel
(:func:`lab_launch` says exactly how).

:func:`lesson_index` reads each lesson's title and estimated time (the learning path in
``lessons/README.md`` is made from it), and :func:`run_lesson` executes a lesson top to
bottom on a fresh kernel, as the tests and ``benchmarks/lessons.py`` do.

>>> cmd = open_lab(lessons_dir=LESSONS_DIR, port=8899, no_browser=True, dry_run=True)
>>> cmd[1:3], cmd[-2:]
(['-m', 'jupyterlab'], ['--port=8899', '--no-browser'])
>>> open_lab(lessons_dir="no/such/folder", dry_run=True)
Traceback (most recent call last):
...
smm_helpers.errors.InputError: there is no lessons folder at no/such/folder.
How to fix it: pass the folder that holds the lesson notebooks ...
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from smm_helpers.errors import InputError, SMMLabError
from smm_helpers.grading.course import places_to_look
from smm_helpers.i18n.messages import ENVIRONMENT, LANGUAGES, N_, current_language, in_language
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.messages import use_language as _check_language
from smm_helpers.i18n.numbers import BENGALI_DIGITS, LATIN_DIGITS, digits

__all__ = [
    "COURSE_DIR",
    "LESSONS_DIR",
    "NBGRADER_SERVER_EXTENSIONS",
    "LabLaunch",
    "LessonInfo",
    "LessonRun",
    "find_course_dir",
    "find_lessons_dir",
    "lab_command",
    "lab_launch",
    "lesson_files",
    "lesson_index",
    "lessons_table",
    "open_lab",
    "read_lesson",
    "run_lesson",
]

LESSONS_DIR = Path(__file__).resolve().parents[1] / "lessons"
"""Where the lessons are in a clone of the repository (next to the ``smm_helpers`` folder)."""

COURSE_DIR = LESSONS_DIR.parent / "course"
"""The nbgrader course folder of a clone (``course/`` with ``nbgrader_config.py``)."""

LESSON_FILE = re.compile(r"^(?P<number>\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*\.ipynb$")
"""A lesson's file name: two digits, a dash, a lowercase slug (``03-platforms.ipynb``)."""

DIGIT = "[0-9০-৯]"
"""A digit as lessons write it: Latin (0–9) in English, Bengali (০–৯) in Bengali."""

LESSON_WORDS = {"en": "Lesson", "bn": "পাঠ"}
"""The word of each language's title line: ``# Lesson 03 · …``, ``# পাঠ ০৩ · …``."""

TITLE = re.compile(
    rf"^#\s+(?P<word>{'|'.join(LESSON_WORDS.values())})\s+(?P<number>{DIGIT}{{2}})\s*[·•]\s*"
    r"(?P<title>.+?)\s*$"
)
"""A lesson's first line: ``# Lesson 03 · Choosing platforms`` or ``# পাঠ ০৩ · প্ল্যাটফর্ম …``."""

_TIME_WORDS = r"(?:Estimated time|আনুমানিক সময়)"  # i18n: not shown
ESTIMATED_TIME = re.compile(
    unicodedata.normalize(
        "NFC",
        rf"{_TIME_WORDS}\s*[:ঃ]\s*(?P<minutes>{DIGIT}+)"
        r"\s*(?:minutes|মিনিট)",
    ),
    re.IGNORECASE,
)
"""The time line: ``Estimated time: 35 minutes`` or ``আনুমানিক সময়: ৩৫ মিনিট`` (text NFC)."""

NBGRADER_SERVER_EXTENSIONS = (
    "nbgrader.server_extensions.formgrader",
    "nbgrader.server_extensions.assignment_list",
    "nbgrader.server_extensions.course_list",
    "nbgrader.server_extensions.validate_assignment",
)
"""nbgrader's four server extensions; instructor mode turns them on for the session."""

DEFAULT_TIMEOUT = 120
"""Seconds a lesson may run on a fresh kernel before :func:`run_lesson` stops it."""


# --------------------------------------------------------------------------------------
# Finding and reading the lessons
# --------------------------------------------------------------------------------------


def find_lessons_dir(lessons_dir: str | Path | None = None) -> Path:
    """The lessons folder: ``lessons_dir`` if given, else the clone's ``lessons/``.

    Without ``lessons_dir``, the folder next to the ``smm_helpers`` package is used (a
    clone, or ``pip install -e .``), then ``./lessons`` in the current folder.  A plain
    ``pip install`` has no lessons: the error says how to get them.
    """
    if lessons_dir is not None:
        folder = Path(lessons_dir).expanduser()
        if not folder.is_dir():
            raise InputError(
                _("there is no lessons folder at {folder}").format(folder=lessons_dir),
                fix=_(
                    "pass the folder that holds the lesson notebooks (00-welcome.ipynb, ...), "
                    "e.g. smm-course lab --lessons path/to/lessons"
                ),
            )
        if not lesson_files(folder):
            raise InputError(
                _(
                    "the folder {folder} holds no lesson notebooks (files named like "
                    "03-platforms.ipynb)"
                ).format(folder=folder),
                fix=_(
                    "pass the repository's lessons/ folder, e.g. smm-course lab --lessons "
                    "path/to/smm-lab/lessons"
                ),
            )
        return folder
    for folder in (LESSONS_DIR, Path.cwd() / "lessons"):
        if folder.is_dir() and lesson_files(folder):
            return folder
    raise InputError(
        _(
            "SMM Lab cannot find the lessons: they come with the repository, not with "
            "the installed package"
        ),
        fix=_(
            "clone the repository (git clone <SMM Lab's repository URL>), install it with "
            "pip install -e . and run smm-course lab inside the clone, or pass the folder: "
            "smm-course lab --lessons path/to/lessons"
        ),
    )


def edition_dir(lessons: Path, language: str) -> Path:
    """The folder of ``language``'s edition of the lessons in ``lessons``.

    English is ``lessons`` itself; another language's lessons are in its subfolder
    (``lessons/bn/``).  A folder whose own lessons are already in ``language`` is kept as it
    is (``--lessons lessons/bn`` works as well as ``--lessons lessons``).

    >>> edition_dir(LESSONS_DIR, "bn") == LESSONS_DIR / "bn"
    True
    >>> edition_dir(LESSONS_DIR / "bn", "bn") == LESSONS_DIR / "bn"
    True
    >>> edition_dir(Path("no/such/lessons"), "bn")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: there are no lessons in Bengali (bn) in no/such/lessons/bn.
    How to fix it: pass the English lessons folder, whose bn/ subfolder holds the Bengali \
lessons (e.g. --lessons lessons), or the bn/ folder itself.
    """
    lessons = Path(lessons)
    if language == "en":
        return lessons
    own = lesson_files(lessons)
    if own and read_lesson(own[0]).language == language:
        return lessons
    folder = lessons / language
    if not lesson_files(folder):
        raise InputError(
            _("there are no lessons in {language_name} ({language}) in {folder}").format(
                language_name=_(LANGUAGE_NAMES.get(language, language)),
                language=language,
                folder=folder,
            ),
            fix=_(
                "pass the English lessons folder, whose {language}/ subfolder holds the "
                "{language_name} lessons (e.g. --lessons lessons), or the {language}/ "
                "folder itself"
            ).format(language=language, language_name=_(LANGUAGE_NAMES.get(language, language))),
        )
    return folder


LANGUAGE_NAMES = {"en": N_("English"), "bn": N_("Bengali")}
"""The languages' names in messages (translated where shown)."""


def lesson_files(lessons_dir: str | Path | None = None) -> list[Path]:
    """The lesson notebooks of a folder (``NN-slug.ipynb``), in course order."""
    folder = LESSONS_DIR if lessons_dir is None else Path(lessons_dir)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and LESSON_FILE.match(p.name))


@dataclass(frozen=True)
class LessonInfo:
    """What the learning path shows about one lesson, read from its notebook."""

    id: str
    number: int
    title: str
    minutes: int | None
    path: Path
    language: str = "en"
    """The language the lesson is written in (``"bn"`` for ``# পাঠ ০৩ · …``)."""

    def __str__(self) -> str:
        """``03-platforms: Choosing platforms (45 min)``, in the chosen language.

        >>> print(LessonInfo("03-platforms", 3, "Choosing platforms", None, Path(".")))
        03-platforms: Choosing platforms (time not given)
        """
        time_text = (
            _("{minutes} min").format(minutes=digits(self.minutes))
            if self.minutes is not None
            else _("time not given")
        )
        return _("{lesson}: {title} ({time})").format(
            lesson=self.id, title=self.title, time=time_text
        )


def _source(cell: dict[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def read_lesson_json(path: Path) -> dict[str, Any]:
    """A lesson notebook's JSON, or an error naming the file and how to fix it."""
    try:
        notebook = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(
            _("cannot read the lesson {path} ({error})").format(path=path, error=error),
            fix=_("check that the file is a Jupyter notebook (.ipynb)"),
        ) from None
    return notebook if isinstance(notebook, dict) else {}


def _number(text: str) -> int:
    """A number written in Latin or Bengali digits.

    >>> _number("০৩"), _number("45")
    (3, 45)
    """
    return int(text.translate(LATIN_DIGITS))


def read_lesson(path: str | Path) -> LessonInfo:
    """A lesson's id, number, title, estimated minutes and language, read from the notebook.

    The title is the first cell's ``# Lesson NN · Title`` line (in a Bengali lesson
    ``# পাঠ NN · শিরোনাম``, digits in either script); the time is the first
    ``Estimated time: N minutes`` (``আনুমানিক সময়: N মিনিট``) in a markdown cell (``None``
    if there is none).  The text is read NFC-normalised.

    >>> info = read_lesson(LESSONS_DIR / "bn" / "03-platforms.ipynb")
    >>> info.number, info.title, info.minutes, info.language
    (3, 'প্ল্যাটফর্ম বেছে নেওয়া', 45, 'bn')
    """
    path = Path(path)
    notebook = read_lesson_json(path)
    cells = notebook.get("cells") or [{}]
    first_line = (_nfc(_source(cells[0])).strip().splitlines() or [""])[0]
    title = TITLE.match(first_line)
    if title is None:
        raise InputError(
            _(
                "{file} does not start with a title line like '# Lesson 03 · Choosing "
                "platforms' (its first line is {line})"
            ).format(file=path.name, line=repr(first_line)),
            fix=_("make the first cell a markdown cell whose first line is '# Lesson NN · Title'"),
        )
    minutes = None
    for cell in cells:
        found = (
            ESTIMATED_TIME.search(_nfc(_source(cell)))
            if cell.get("cell_type") == "markdown"
            else None
        )
        if found:
            minutes = _number(found.group("minutes"))
            break
    language = next(code for code, word in LESSON_WORDS.items() if word == title["word"])
    return LessonInfo(
        id=path.stem,
        number=_number(title.group("number")),
        title=title.group("title"),
        minutes=minutes,
        path=path,
        language=language,
    )


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def lesson_index(lessons_dir: str | Path | None = None) -> list[LessonInfo]:
    """Every lesson of the folder, in course order (see :func:`read_lesson`)."""
    return [read_lesson(p) for p in lesson_files(lessons_dir)]


TABLE_HEAD = N_("| Lesson | What you learn | Time |")
"""The learning-path table's heading; the table speaks the language of the lessons it lists
(it is part of a README in that language, whatever language SMM Lab speaks)."""


def lessons_table(lessons_dir: str | Path | None = None) -> str:
    """The learning path as a Markdown table: lesson, what you learn, time.

    ``lessons/README.md`` holds this table between ``<!-- lessons-table -->`` markers and a
    test checks that it matches the notebooks; after changing a lesson's title or time,
    paste the output of ``python -m smm_helpers.lab --table``.  The table is in the
    lessons' own language: for ``lessons/bn/`` (``--lessons lessons/bn``) it is the Bengali
    table of ``lessons/bn/README.md``, with Bengali digits.

    >>> print(lessons_table(LESSONS_DIR / "bn").splitlines()[2])
    | [০০](00-orientation.ipynb) | পরিচিতি | ৪০ মিনিট |
    """
    index = lesson_index(lessons_dir)
    language = index[0].language if index else "en"
    number = (lambda value: str(value).translate(BENGALI_DIGITS)) if language == "bn" else str
    with in_language(language):
        rows = [_(TABLE_HEAD), "|---|---|---|"]
        for info in index:
            time_text = (
                _("{minutes} min").format(minutes=number(info.minutes))
                if info.minutes is not None
                else "?"
            )
            rows.append(
                f"| [{number(f'{info.number:02d}')}]({info.path.name}) | {info.title} "
                f"| {time_text} |"
            )
    return "\n".join(rows)


# --------------------------------------------------------------------------------------
# Opening JupyterLab
# --------------------------------------------------------------------------------------


def _has_module(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def find_course_dir(course_dir: str | Path | None = None) -> Path:
    """The nbgrader course folder: ``course_dir`` if given, else the one you are in.

    Without ``course_dir``: the current folder when it holds ``nbgrader_config.py`` (the
    nbgrader habit, ``cd course``), then ``./course``, then the clone's ``course/`` next to
    ``lessons/``.  The folder must hold ``nbgrader_config.py``.
    """
    candidates = (
        [Path(course_dir).expanduser()]
        if course_dir is not None
        else [*places_to_look(), COURSE_DIR]
    )
    for folder in candidates:
        if (folder / "nbgrader_config.py").is_file():
            return folder.resolve()
    where = _(" or ").join(str(f) for f in candidates)
    raise InputError(
        _(
            "instructor mode needs the nbgrader course folder, and there is no "
            "nbgrader_config.py in {folders}"
        ).format(folders=where),
        fix=_(
            "run smm-course lab --instructor inside your course folder, pass --course DIR, "
            "or make a course folder with smm-course init DIR"
        ),
    )


@dataclass(frozen=True)
class LabLaunch:
    """How ``smm-course lab`` starts JupyterLab: the command, where it runs, extra settings.

    ``cwd`` is the folder JupyterLab runs in (``None``: the one you start it from).
    ``env`` holds only the variables SMM Lab adds to the environment;
    :meth:`environment` merges them into a full one.  The browser tests start JupyterLab
    from this same object, so they test what learners and instructors get.
    """

    command: list[str]
    cwd: Path | None = None
    env: dict[str, str] = field(default_factory=dict)

    def environment(self, base: dict[str, str] | None = None) -> dict[str, str]:
        """``base`` (default: this process's environment) with :attr:`env` added.

        ``JUPYTER_CONFIG_PATH`` is prepended to the one already set, not replaced.
        """
        merged = dict(os.environ if base is None else base)
        for name, value in self.env.items():
            if name == "JUPYTER_CONFIG_PATH" and merged.get(name):
                value = value + os.pathsep + merged[name]
            merged[name] = value
        return merged


def lab_launch(
    lessons: Path,
    *,
    instructor: bool = False,
    course: str | Path | None = None,
    port: int | None = None,
    no_browser: bool = False,
    jupyter_options: Sequence[str] = (),
    language: str | None = None,
) -> LabLaunch:
    """The JupyterLab command for ``lessons``, the folder it runs in, and its settings.

    ``jupyter_options`` go to JupyterLab as they are, last (``--allow-root``,
    ``--ServerApp.ip=0.0.0.0``, ...): each must be an option, starting with ``-``.
    ``language`` (``"en"`` or ``"bn"``) is put in the server's environment as ``SMM_LANG``,
    which every kernel it starts inherits, so the helpers speak that language; ``None``
    leaves the environment as it is.

    >>> lab_launch(LESSONS_DIR / "bn", language="bn").env
    {'SMM_LANG': 'bn'}

    For a learner: ``python -m jupyterlab --notebook-dir=<lessons>``, run from the current
    folder.  For an instructor, nbgrader needs more, and gets it:

    - its four server extensions are switched on for the session;
    - the Formgrader only works on a course *inside* the folder JupyterLab serves, so the
      served folder is the one holding both the course and the lessons (in a clone, the
      repository's root, showing ``lessons/``, ``course/`` and ``assignments/``);
    - the Formgrader reads ``nbgrader_config.py`` from the folder JupyterLab runs in and the
      Assignments panel from Jupyter's config path: JupyterLab runs in the course folder,
      and the course folder is put first on ``JUPYTER_CONFIG_PATH``.

    >>> launch = lab_launch(LESSONS_DIR)
    >>> launch.command[-1] == f"--notebook-dir={LESSONS_DIR}", launch.cwd, launch.env
    (True, None, {})
    >>> teacher = lab_launch(LESSONS_DIR, instructor=True)
    >>> teacher.command[3] == f"--notebook-dir={LESSONS_DIR.parent}", teacher.cwd == COURSE_DIR
    (True, True)
    >>> teacher.env == {"JUPYTER_CONFIG_PATH": str(COURSE_DIR)}
    True
    """
    lessons = Path(lessons)
    command = [sys.executable, "-m", "jupyterlab"]
    extra = _jupyter_options(jupyter_options)
    speak: dict[str, str] = {}
    if language is not None:
        if language not in LANGUAGES:
            _check_language(language)  # raises the error that lists the languages
        speak = {ENVIRONMENT: language}
    if not instructor:
        return LabLaunch(
            [*command, f"--notebook-dir={lessons}", *_common_flags(port, no_browser), *extra],
            env=speak,
        )
    if not _has_module("nbgrader"):
        raise InputError(
            _("instructor mode needs nbgrader, which is not installed"),
            fix=_(
                "install it into SMM Lab's environment with: {python} -m pip install "
                "nbgrader, then run smm-course lab --instructor again"
            ).format(python=sys.executable),
        )
    course_dir = find_course_dir(course)
    served = Path(os.path.commonpath([lessons.resolve(), course_dir.parent]))
    if served == Path(served.anchor) or served == Path.home().parent:
        served = course_dir  # a course of one's own far from the clone: never serve "/"
    command += [f"--notebook-dir={served}"]
    command += [f"--ServerApp.jpserver_extensions={ext}=True" for ext in NBGRADER_SERVER_EXTENSIONS]
    return LabLaunch(
        command + _common_flags(port, no_browser) + extra,
        cwd=course_dir,
        env={"JUPYTER_CONFIG_PATH": str(course_dir), **speak},
    )


def _jupyter_options(options: Sequence[str]) -> list[str]:
    """Extra options for JupyterLab, checked to be options (a stray word is an error).

    >>> _jupyter_options(["--allow-root", "--ServerApp.ip", "0.0.0.0"])
    ['--allow-root', '--ServerApp.ip', '0.0.0.0']
    >>> _jupyter_options(["lessons"])
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'lessons' is not a JupyterLab option.
    How to fix it: give JupyterLab's options after smm-course's, each starting with '-', e.g. \
--allow-root or --ServerApp.ip=0.0.0.0.
    """
    options = [str(o) for o in options]
    for index, option in enumerate(options):
        follows_option = (
            index > 0 and options[index - 1].startswith("--") and "=" not in options[index - 1]
        )
        if not option.startswith("-") and not follows_option:
            raise InputError(
                _("{option} is not a JupyterLab option").format(option=repr(option)),
                fix=_(
                    "give JupyterLab's options after smm-course's, each "
                    "starting with '-', e.g. --allow-root or "
                    "--ServerApp.ip=0.0.0.0"
                ),
            )
    return options


def _common_flags(port: int | None, no_browser: bool) -> list[str]:
    flags = []
    if port is not None:
        if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
            raise InputError(
                _("port {port} is not a network port").format(port=repr(port)),
                fix=_("give a whole number from 1 to 65535, e.g. --port 8888"),
            )
        flags.append(f"--port={port}")
    if no_browser:
        flags.append("--no-browser")
    return flags


def lab_command(
    lessons: Path,
    *,
    instructor: bool = False,
    port: int | None = None,
    no_browser: bool = False,
    course: str | Path | None = None,
    jupyter_options: Sequence[str] = (),
) -> list[str]:
    """The command that starts JupyterLab on ``lessons`` (see :func:`lab_launch`)."""
    return lab_launch(
        lessons,
        instructor=instructor,
        course=course,
        port=port,
        no_browser=no_browser,
        jupyter_options=jupyter_options,
    ).command


def open_lab(
    *,
    instructor: bool = False,
    lessons_dir: str | Path | None = None,
    port: int | None = None,
    no_browser: bool = False,
    dry_run: bool = False,
    course_dir: str | Path | None = None,
    jupyter_options: Sequence[str] = (),
    language: str | None = None,
) -> list[str]:
    """Open JupyterLab on the lessons and return the command it ran.

    JupyterLab runs with the same Python as SMM Lab (``python -m jupyterlab``), so the
    lessons see the installed ``smm_helpers``.  ``instructor=True`` also turns on nbgrader's
    server extensions (formgrader, assignment list, course list, validate) for the course
    in ``course_dir`` (default: the clone's ``course/``; see :func:`lab_launch`); if
    nbgrader is missing, the error says how to install it.  ``dry_run=True`` returns the
    command without running it.  Otherwise this waits until JupyterLab stops (Ctrl+C).
    ``jupyter_options`` are passed to JupyterLab as they are (e.g. ``--allow-root``).
    ``language="bn"`` (``smm-course lab --lang bn``) opens the Bengali lessons
    (``lessons/bn/``, see :func:`edition_dir`) with ``SMM_LANG=bn`` in the server's
    environment, so every kernel speaks Bengali; ``None`` follows ``SMM_LANG`` (English
    when it is not set).

    >>> open_lab(language="bn", dry_run=True)[-1] == f"--notebook-dir={LESSONS_DIR / 'bn'}"
    True
    """
    chosen = language if language is not None else current_language()
    lessons = edition_dir(find_lessons_dir(lessons_dir), chosen)
    if not _has_module("jupyterlab"):
        raise InputError(
            _("JupyterLab is not installed in SMM Lab's environment"),
            fix=_("install it with: {python} -m pip install jupyterlab").format(
                python=sys.executable
            ),
        )
    launch = lab_launch(
        lessons,
        instructor=instructor,
        course=course_dir,
        port=port,
        no_browser=no_browser,
        jupyter_options=jupyter_options,
        language=language if language is not None or chosen != "en" else None,
    )
    command = launch.command
    if dry_run:
        return command
    try:
        code = subprocess.call(command, cwd=launch.cwd, env=launch.environment())
    except KeyboardInterrupt:  # Ctrl+C stops JupyterLab; that is the normal way out
        return command
    if code not in (0, 130, -2):  # 130 / -2: stopped with Ctrl+C
        root = hasattr(os, "geteuid") and os.geteuid() == 0 and "--allow-root" not in command
        if root:
            again = " ".join(
                ["smm-course", "lab", *(["--instructor"] if instructor else []), "--allow-root"]
            )
            raise SMMLabError(
                _(
                    "JupyterLab stopped with exit code {code}; its messages are "
                    "above. As root, JupyterLab needs --allow-root: run "
                    "{command}"
                ).format(code=code, command=again)
            )
        raise SMMLabError(
            _("JupyterLab stopped with exit code {code}; its messages are above.").format(code=code)
        )
    return command


# --------------------------------------------------------------------------------------
# Running a lesson on a fresh kernel
# --------------------------------------------------------------------------------------


@dataclass
class LessonRun:
    """What happened when a lesson ran: time, errors and warnings, and the executed notebook.

    ``errors`` and ``warnings`` are ready to print: each names the cell, shows its source
    and the traceback (or the warning text).
    """

    id: str
    seconds: float
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notebook: Any = None

    @property
    def ok(self) -> bool:
        """True when no cell failed and nothing printed a warning."""
        return not self.errors and not self.warnings

    def report(self) -> str:
        """Everything that went wrong, as text (empty when ``ok``)."""
        return "\n\n".join([*self.errors, *self.warnings])


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _where(index: int, cell: Any) -> str:
    source = _source(cell)
    return f"cell {index} (id {cell.get('id', '?')}):\n{source}"


def _problems(notebook: Any) -> tuple[list[str], list[str]]:
    errors, warnings = [], []
    for index, cell in enumerate(notebook["cells"]):
        for output in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            if output.get("output_type") == "error":
                trace = _ANSI.sub("", "\n".join(output.get("traceback", [])))
                errors.append(f"Error in {_where(index, cell)}\n---\n{trace}")  # i18n: not shown
            elif output.get("output_type") == "stream" and output.get("name") == "stderr":
                text = _source({"source": output.get("text", "")})
                if "Warning" in text:
                    warnings.append(  # for the tests and benchmarks
                        f"Warning printed by {_where(index, cell)}\n---\n{text}"
                    )  # i18n: not shown
    return errors, warnings


def run_lesson(
    path: str | Path,
    *,
    timeout: int = DEFAULT_TIMEOUT,
    workdir: str | Path | None = None,
    kernel: str = "python3",
) -> LessonRun:
    """Run a lesson top to bottom on a fresh kernel and report errors, warnings and time.

    The lesson runs in a copy of its folder (in ``workdir``, or a temporary folder removed
    afterwards), so files it writes never land in the repository.  Live widgets are built
    (``SMM_STATIC_WIDGETS`` is removed from the kernel's environment).  ``timeout`` is the
    limit for the whole lesson in seconds.  The original notebook is not changed.
    """
    import nbformat  # heavy: loaded on first use
    from nbclient import NotebookClient  # heavy: loaded on first use
    from nbclient.exceptions import CellTimeoutError, DeadKernelError  # heavy: loaded on first use

    source = Path(path)
    if not source.is_file():
        raise InputError(
            _("there is no lesson at {path}").format(path=source),
            fix=_("give the path of a lesson notebook, e.g. lessons/12-capstone.ipynb"),
        )
    with tempfile.TemporaryDirectory(prefix="smm-lesson-") as scratch:
        base = Path(workdir) if workdir is not None else Path(scratch)
        folder = base / source.parent.name
        shutil.copytree(
            source.parent,
            folder,
            dirs_exist_ok=True,
            ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"),
        )
        notebook = nbformat.read(folder / source.name, as_version=4)
        env = {k: v for k, v in os.environ.items() if k != "SMM_STATIC_WIDGETS"}
        client = NotebookClient(
            notebook,
            timeout=timeout,
            kernel_name=kernel,
            allow_errors=True,
            resources={"metadata": {"path": str(folder)}},
        )
        started = time.perf_counter()
        stopped: list[str] = []
        log = Path(scratch) / "kernel-stderr.log"
        with log.open("w", encoding="utf-8") as kernel_stderr:  # kept out of the terminal
            try:
                client.execute(env=env, stderr=kernel_stderr)
            except (CellTimeoutError, DeadKernelError, TimeoutError, RuntimeError) as error:
                said = log.read_text(encoding="utf-8", errors="replace")[-2000:]
                stopped.append(  # what the tests and benchmarks print
                    f"The lesson stopped: {type(error).__name__}: {error}\n"  # i18n: not shown
                    f"The kernel's last messages:\n{said}"
                )  # i18n: not shown
        seconds = time.perf_counter() - started
        if seconds > timeout and not stopped:
            stopped.append(  # what the tests and benchmarks print
                f"The lesson took {seconds:.0f} s, over the {timeout} s limit."
            )  # i18n: not shown
    errors, warnings = _problems(notebook)
    return LessonRun(
        id=source.stem,
        seconds=seconds,
        errors=stopped + errors,
        warnings=warnings,
        notebook=notebook,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m smm_helpers.lab --table``: print the learning-path table for the README."""
    parser = argparse.ArgumentParser(
        prog="python -m smm_helpers.lab", description=_("List SMM Lab's lessons.")
    )
    parser.add_argument(
        "--table", action="store_true", help=_("print the Markdown table of lessons/README.md")
    )
    parser.add_argument("--lessons", type=Path, default=None, help=_("the lessons folder"))
    args = parser.parse_args(argv)
    folder = find_lessons_dir(args.lessons)
    if args.table:
        print(lessons_table(folder))
    else:
        for info in lesson_index(folder):
            print(info)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
