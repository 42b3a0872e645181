"""``smm-course init DIR``: a course folder of the instructor's own, outside the repository.

The repository's ``course/`` is the sample class; a real class gets a folder of its own, so
nobody edits (or commits) files the repository tracks.  :func:`init_course` writes into a
new or empty folder, from the templates in ``smm_helpers/data/course_template/``:

- ``nbgrader_config.py``: the repository course's settings (feedback without hidden tests,
  learners' notebooks cleaned for the Formgrader, a local exchange), every path relative to
  the file except the sources, which point at the assignments (the clone's ``assignments/``
  unless told otherwise);
- ``roster.csv`` (the header only), ``due_dates.csv`` (one line per assignment, due empty),
  ``extensions.csv`` (the header only);
- ``rubrics/``: the repository's rubric of each of these assignments;
- ``README.md`` (what each file is, the next commands) and a ``.gitignore`` for what the
  commands write while the course runs.

>>> safe_course_id("SMM Fall 2026 (Dhaka)")
'smm-fall-2026-dhaka'
"""

from __future__ import annotations

import re
import shlex
import shutil
import string
import unicodedata
from pathlib import Path

from smm_helpers.errors import InputError
from smm_helpers.grading.course import CONFIG, DUE_COLUMNS, source_assignments
from smm_helpers.grading.problems import Echo, printable
from smm_helpers.grading.roster import OPTIONAL_COLUMNS, ROSTER_COLUMNS
from smm_helpers.i18n.messages import N_
from smm_helpers.output_folder import FolderOwner, check_output_folder

REPO = Path(__file__).resolve().parents[2]
"""Where a clone of the repository would be (as :mod:`smm_helpers.grading.demo` finds it)."""
TEMPLATE = Path(__file__).resolve().parents[1] / "data" / "course_template"
"""The files a new course folder is made from."""
COURSE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
"""A course id: it names the course's folder in nbgrader's exchange and its hub groups."""
DEFAULT_COURSE_ID = "smm-lab"
RUNTIME_NOTE = "keeps what the commands write (learners' work, grades) out of git"


def repository_clone(repo: Path = REPO) -> Path | None:
    """The clone of the SMM Lab repository this package runs from, or None (an installed copy).

    >>> repository_clone(Path("/no/such/clone")) is None
    True
    """
    if (repo / "course" / CONFIG).is_file() and (repo / "assignments").is_dir():
        return repo.resolve()
    return None


def safe_course_id(name: str) -> str:
    """A course id made from a folder's name: ASCII lower case, runs of anything else as one
    ``-``; ``smm-lab`` if nothing is left.

    >>> safe_course_id("bangla_smm 2026"), safe_course_id("সামাজিক মাধ্যম"), safe_course_id("Café")
    ('bangla_smm-2026', 'smm-lab', 'cafe')
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9_-]+", "-", ascii_name.lower()).strip("-_")
    return text or DEFAULT_COURSE_ID


def _refuse(folder: Path, target: Path, clone: Path | None) -> None:
    """Raise an InputError if ``folder`` (resolved: ``target``) cannot become a course."""
    owner = FolderOwner(
        N_("init"), f"~/courses/{safe_course_id(target.name)}", option="smm-course init"
    )
    suggestion = owner.suggestion
    if clone is not None and target.is_relative_to(clone):
        raise InputError(
            f"{printable(folder)} is inside the SMM Lab repository ({clone}), "
            "whose files git tracks",
            fix=f"make your course folder outside the repository, e.g. {suggestion}",
        )
    if (target / CONFIG).is_file():
        raise InputError(
            f"{printable(folder)} is already a course folder (it has "
            f"{CONFIG}); init changes nothing in it",
            fix=f"use it as it is (cd {shlex.quote(printable(folder))} && "
            "smm-course doctor), or pass a new folder",
        )
    check_output_folder(folder, owner)


def _write(path: Path, text: str) -> None:
    """Write a new file (never replacing one)."""
    with path.open("x", encoding="utf-8", newline="\n") as out:
        out.write(text)


def _template(name: str, **values: str) -> str:
    text = (TEMPLATE / name).read_text(encoding="utf-8")
    return string.Template(text).substitute(values) if values else text


def init_course(
    folder: Path,
    *,
    assignments: Path | None = None,
    course_id: str | None = None,
    echo: Echo = print,
) -> Path:
    """Make a course folder at ``folder`` (new or empty, outside the repository's clone) and
    return its resolved path.

    ``assignments`` is the folder of source assignments (default: the clone's
    ``assignments/``); ``course_id`` defaults to the folder's name made safe
    (:func:`safe_course_id`).  ``echo`` receives what was made and the next steps.

    >>> init_course(REPO, echo=print)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: ... is inside the SMM Lab repository (...), whose files git tracks.
    How to fix it: make your course folder outside the repository, e.g. smm-course init ~/courses/....
    """  # noqa: E501
    folder = Path(folder).expanduser()
    target = folder.resolve()
    clone = repository_clone()
    _refuse(folder, target, clone)
    if course_id is None:
        course_id = safe_course_id(target.name)
    elif not COURSE_ID.match(course_id):
        raise InputError(
            f"{printable(course_id)!r} is not a usable course id",
            fix="use letters, digits, '_' or '-', starting with a letter or "
            f"digit, e.g. {safe_course_id(course_id)}",
        )
    if assignments is None:
        if clone is None:
            raise InputError(
                "there is no clone of the SMM Lab repository here to take the assignments from",
                fix="pass the folder of your source assignments (--assignments DIR)",
            )
        source = clone / "assignments"
    else:
        source = Path(assignments).expanduser().resolve()
        if not source.is_dir():
            raise InputError(
                f"the assignments folder {printable(assignments)} does not exist",
                fix="pass the folder that holds one folder per assignment, each "
                "with its source notebook",
            )
    found = source_assignments(source)

    target.mkdir(parents=True, exist_ok=True)
    _write(
        target / CONFIG,
        _template(
            "nbgrader_config.py.tmpl",
            course_id=course_id,
            course_id_literal=repr(course_id),
            source_literal=repr(str(source)),
        ),
    )
    _write(target / "roster.csv", _template("roster.csv.tmpl"))
    _write(
        target / "due_dates.csv",
        ",".join(DUE_COLUMNS) + "\n" + "".join(f"{name},\n" for name in found),
    )
    _write(target / "extensions.csv", _template("extensions.csv.tmpl"))
    (target / "rubrics").mkdir()
    rubrics = []
    if clone is not None:
        for name in found:
            rubric = clone / "course" / "rubrics" / f"{name}.md"
            if rubric.is_file():
                shutil.copyfile(rubric, target / "rubrics" / rubric.name)
                rubrics.append(name)
    _write(
        target / "README.md",
        _template(
            "README.md.tmpl",
            course_id=course_id,
            source_directory=str(source),
            assignment=found[0] if found else "ASSIGNMENT",
        ),
    )
    _write(target / ".gitignore", _template("gitignore"))

    shown = printable(target)
    columns = ",".join((*ROSTER_COLUMNS, *OPTIONAL_COLUMNS))
    echo(f"✓ made the course folder {shown} (course id {course_id})")
    for name, what in (
        (CONFIG, f"nbgrader's settings; sources: {printable(source)}"),
        ("roster.csv", f"empty: one line per learner ({columns})"),
        (
            "due_dates.csv",
            f"{len(found)} assignment{'s' if len(found) != 1 else ''}, no due dates yet",
        ),
        ("extensions.csv", "empty: a later due for one learner"),
        ("rubrics/", f"{len(rubrics)} rubric{'s' if len(rubrics) != 1 else ''}"),
        ("README.md", "what each file is"),
        (".gitignore", RUNTIME_NOTE),
    ):
        echo(f"  {name:<19} {what}")
    if not found:
        echo(f"⚠ {printable(source)} holds no assignment yet (a folder with a notebook)")
    echo("Next:")
    echo(f"  cd {shlex.quote(shown)}")
    echo("  put your learners in roster.csv and the due dates in due_dates.csv")
    echo("  smm-course doctor        # what to fix; run it after each edit")
    echo("  smm-course validate      # every assignment, before releasing it")
    echo(f"  smm-course release {found[0] if found else 'ASSIGNMENT'}")
    return target
