"""Release assignments: nbgrader's ``generate_assignment`` then ``release_assignment``.

The student version (solutions and hidden tests removed) goes to ``release/<assignment>/``
and into the course's exchange, where learners ``nbgrader fetch_assignment`` it.

:func:`was_released` tells whether learners can have had an assignment, so grade exports
leave out the ones still being written (a Canvas import would otherwise get an empty
0-point column for each).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from smm_helpers.errors import InputError
from smm_helpers.grading.course import Course
from smm_helpers.grading.languages import KNOWN, record_language
from smm_helpers.grading.problems import Echo
from smm_helpers.grading.scores import has_gradebook
from smm_helpers.i18n.assignments import problems as translation_problems
from smm_helpers.i18n.assignments import translate_folder


def release(course: Course, assignment: str, echo: Echo = print, language: str = "en") -> None:
    """Generate the student version of ``assignment`` and release it to the exchange.

    ``language="bn"`` releases the same student version with its instructions in Bengali
    (:mod:`smm_helpers.i18n.assignments`) and records it (:mod:`~smm_helpers.grading.
    languages`), so grading gives this class its messages and hints in Bengali.  A
    translation that is not complete is refused before anything is generated.
    """
    notebooks = course.notebooks(assignment)  # a clear error for an unknown assignment
    if language not in KNOWN:
        raise InputError(
            f"SMM Lab cannot release in {language!r}",
            fix=f"use --lang with one of {', '.join(KNOWN)}",
        )
    sources = [course.source_dir / assignment / f"{name}.ipynb" for name in notebooks]
    if language != "en":
        _check_translation(sources, language)
    course.sync_gradebook()
    api = course.api()
    _run(api.generate_assignment, "generate", assignment)
    if language != "en":
        translate_folder(
            release_folder(course, assignment), course.source_dir / assignment, language
        )
    _run(_release(api), "release", assignment)
    record_language(course.folder, assignment, language)
    where = course.exchange_dir / course.course_id / "outbound"
    echo(
        f"✓ released {assignment} to {where}"
        + ("" if language == "en" else f" (instructions in {NAMES[language]})")
    )


NAMES = {"en": "English", "bn": "Bengali"}


def _run(step: Callable[[str], dict[str, object]], name: str, assignment: str) -> None:
    result = step(assignment)
    if not result["success"]:
        detail = str(result.get("error") or result.get("log") or "").strip()
        raise InputError(
            f"nbgrader could not {name} {assignment}: {detail[-600:]}",
            fix="run smm-course validate " + assignment + " and fix what it reports",
        )


def _check_translation(sources: list[Path], language: str) -> None:
    """Refuse a release whose translation is missing or not complete, naming what to do."""
    found = [
        f"{source.name}: {problem}"
        for source in sources
        for problem in translation_problems(source, language)
    ]
    if found:
        folder = sources[0].parent.name
        raise InputError(
            f"{folder} cannot be released in {NAMES[language]}: its translation is not "
            f"complete ({len(found)} problem{'s' if len(found) > 1 else ''}; first: "
            f"{found[0]})",
            fix=f"run python -m smm_helpers.i18n.assignments update {folder}, translate "
            f"what python -m smm_helpers.i18n.assignments check {folder} lists, then "
            "release again (or release it in English: leave out --lang)",
        )


def _release(api: object) -> Callable[[str], dict[str, object]]:
    def run(assignment: str) -> dict[str, object]:
        api.unrelease(assignment)  # type: ignore[attr-defined]  # re-release replaces it
        return api.release_assignment(assignment)  # type: ignore[attr-defined]

    return run


def release_folder(course: Course, assignment: str) -> Path:
    """Where nbgrader generates the student version: ``<course>/release/<assignment>/``
    (``CourseDirectory.release_directory`` of the course config, if it sets another)."""
    name = str(course.config.get("CourseDirectory", {}).get("release_directory", "") or "release")
    folder = Path(name)
    return (folder if folder.is_absolute() else course.folder / folder) / assignment


def outbound_folder(course: Course, assignment: str) -> Path:
    """Where ``release_assignment`` puts it in the exchange, for learners to fetch."""
    return course.exchange_dir / course.course_id / "outbound" / assignment


def _has_notebook(folder: Path) -> bool:
    """Whether ``folder`` holds a notebook (in it or below, checkpoints aside).

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _has_notebook(folder / "none"), _has_notebook(folder)
    (False, False)
    >>> (folder / ".ipynb_checkpoints").mkdir()
    >>> _ = (folder / ".ipynb_checkpoints" / "a-checkpoint.ipynb").write_text("{}")
    >>> _has_notebook(folder)
    False
    >>> _ = (folder / "a.ipynb").write_text("{}"); _has_notebook(folder)
    True
    >>> import shutil; shutil.rmtree(folder)
    """
    if not folder.is_dir():
        return False
    return any(
        ".ipynb_checkpoints" not in path.relative_to(folder).parts
        for path in folder.rglob("*.ipynb")
    )


def _in_gradebook(course: Course) -> tuple[set[str], set[str]]:
    """The gradebook's assignments, and those with at least one submission."""
    if not has_gradebook(course):
        return set(), set()
    from nbgrader.api import Assignment, SubmittedAssignment  # heavy: loaded on first use

    with course.gradebook() as gb:
        every = {name for (name,) in gb.db.query(Assignment.name)}
        submitted = {
            name
            for (name,) in gb.db.query(Assignment.name)
            .join(SubmittedAssignment, SubmittedAssignment.assignment_id == Assignment.id)
            .distinct()
        }
    return every, submitted


def _released_on_disk(course: Course, assignment: str) -> bool:
    return _has_notebook(release_folder(course, assignment)) or _has_notebook(
        outbound_folder(course, assignment)
    )


def was_released(course: Course, assignment: str) -> bool:
    """Whether learners can have had ``assignment``: its student version was generated into
    ``release/<assignment>/`` with a notebook, or it is in the exchange's outbound folder,
    or the gradebook holds a submission of it (collected from an LMS)."""
    return _released_on_disk(course, assignment) or assignment in _in_gradebook(course)[1]


def released_assignments(course: Course) -> list[str]:
    """The released assignments (see :func:`was_released`), sorted: those of the source
    folder and those only the gradebook knows."""
    every, submitted = _in_gradebook(course)
    known = set(course.assignments()) | every
    return sorted(a for a in known if a in submitted or _released_on_disk(course, a))
