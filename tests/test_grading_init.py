"""``smm-course init DIR``: a course folder of the instructor's own, outside the repository,
that every command (and ``doctor``) accepts as it is made."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

import smm_helpers.grading.sanitize  # noqa: F401 -- nbconvert: 1.5 s to import, so at collection
from smm_helpers.errors import InputError
from smm_helpers.grading.init import TEMPLATE, init_course, safe_course_id
from tests.conftest import REPO

ASSIGNMENTS = sorted(
    p.name for p in (REPO / "assignments").iterdir() if p.is_dir() and any(p.glob("*.ipynb"))
)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A course folder made by init, and what init echoed."""
    lines: list[str] = []
    folder = init_course(tmp_path_factory.mktemp("init") / "SMM Fall 2026", echo=lines.append)
    return folder, lines


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_the_repository_has_its_seven_assignments() -> None:
    assert len(ASSIGNMENTS) == 7


def test_init_makes_a_course_folder_every_command_opens(made: tuple[Path, list[str]]) -> None:
    from smm_helpers.grading.course import open_course

    folder, _ = made
    course = open_course(folder)
    assert course.folder == folder
    assert course.course_id == "smm-fall-2026"
    assert course.source_dir == REPO / "assignments"
    assert course.assignments() == ASSIGNMENTS
    assert course.db_url == f"sqlite:///{folder / 'gradebook.db'}"
    assert course.exchange_dir == folder / "exchange"
    assert course.roster() == []
    assert course.due_dates() == {}


def test_doctor_finds_no_problem_in_a_new_course_folder(made: tuple[Path, list[str]]) -> None:
    from smm_helpers.grading.doctor import run_doctor

    folder, _ = made
    report = run_doctor(folder, environment=False)
    assert report.ok, report.text()
    lines = [str(c) for c in report.course]
    assert "⚠ roster.csv lists no learners yet — add one line per learner" in lines
    assert "✓ the Formgrader shows learners' notebooks cleaned (no script runs)" in lines
    assert "✓ course_id is 'smm-fall-2026'" in lines
    assert [c.message.split(",")[0] for c in report.warnings] == [
        "roster.csv lists no learners yet",
        f"no due date yet for {ASSIGNMENTS[0]}",
    ]


def test_the_files_init_writes(made: tuple[Path, list[str]]) -> None:
    folder, _ = made
    assert (folder / "roster.csv").read_text() == "id,first_name,last_name,email,lms_id\n"
    assert (folder / "extensions.csv").read_text() == "learner,assignment,due\n"
    assert (folder / "due_dates.csv").read_text() == "assignment,due\n" + "".join(
        f"{name},\n" for name in ASSIGNMENTS
    )
    assert sorted(p.name for p in (folder / "rubrics").iterdir()) == sorted(
        p.name for p in (REPO / "course" / "rubrics").glob("*.md")
    )
    for rubric in (folder / "rubrics").iterdir():
        assert rubric.read_bytes() == (REPO / "course" / "rubrics" / rubric.name).read_bytes()
    readme = (folder / "README.md").read_text()
    for command in (
        "smm-course doctor",
        "smm-course validate",
        f"smm-course release {ASSIGNMENTS[0]}",
    ):
        assert command in readme
    assert "$" not in readme


def test_the_config_keeps_the_course_settings_and_explains_the_late_penalty(
    made: tuple[Path, list[str]],
) -> None:
    folder, _ = made
    config = (folder / "nbgrader_config.py").read_text()
    own = (REPO / "course" / "nbgrader_config.py").read_text()
    settings = re.compile(r"^c\.(?!CourseDirectory\.(course_id|source_directory)).*$", re.M)
    assert settings.findall(own) and [m.group() for m in settings.finditer(config)] == [
        m.group() for m in settings.finditer(own)
    ]
    assert f"c.CourseDirectory.source_directory = {str(REPO / 'assignments')!r}" in config
    assert '# c.LateSubmissionPlugin.penalty_method = "zero"' in config
    assert "0 points" in config


def test_the_gitignore_covers_what_the_commands_write(made: tuple[Path, list[str]]) -> None:
    folder, _ = made
    ignored = set((folder / ".gitignore").read_text().split())
    for name in (
        "gradebook.db",
        "submitted/",
        "autograded/",
        "feedback/",
        "release/",
        "exchange/",
        "archive/",
        "history/",
        "grades/",
        "similarity/",
    ):
        assert name in ignored


def test_init_says_what_it_made_and_what_to_do_next(made: tuple[Path, list[str]]) -> None:
    folder, lines = made
    text = "\n".join(lines)
    assert lines[0] == f"✓ made the course folder {folder} (course id smm-fall-2026)"
    for name in (
        "nbgrader_config.py",
        "roster.csv",
        "due_dates.csv",
        "extensions.csv",
        "rubrics/",
        "README.md",
        ".gitignore",
    ):
        assert f"  {name} " in text
    assert f"cd '{folder}'" in text  # quoted: the name has spaces
    assert "smm-course doctor" in text and "smm-course validate" in text


def test_find_course_finds_the_new_folder_from_inside_it(
    made: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from smm_helpers.grading.course import find_course

    folder, _ = made
    monkeypatch.chdir(folder)
    assert find_course(None) == folder


def test_a_second_init_is_refused_and_overwrites_nothing(made: tuple[Path, list[str]]) -> None:
    folder, _ = made
    before = _files(folder)
    with pytest.raises(InputError, match="is already a course folder") as error:
        init_course(folder, echo=lambda line: None)
    assert "smm-course doctor" in error.value.fix
    assert _files(folder) == before


def test_a_folder_with_files_in_it_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(InputError, match="already has files in it"):
        init_course(tmp_path, echo=lambda line: None)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_a_folder_inside_the_clone_is_refused_and_not_made() -> None:
    inside = REPO / "course-of-my-own-test-init"
    with pytest.raises(InputError, match="inside the SMM Lab repository") as error:
        init_course(inside, echo=lambda line: None)
    assert "outside the repository" in error.value.fix
    assert not inside.exists()


def test_an_empty_folder_and_other_sources_and_course_id(tmp_path: Path) -> None:
    from tests.conftest import write_notebook

    sources = tmp_path / "my-sources"
    write_notebook(sources / "week-1" / "week-1.ipynb", "# Week 1", "x = 1")
    (sources / "drafts").mkdir()  # no notebook: not an assignment
    (tmp_path / "course").mkdir()
    folder = init_course(
        tmp_path / "course", assignments=sources, course_id="mkt-101", echo=lambda line: None
    )
    assert (folder / "due_dates.csv").read_text() == "assignment,due\nweek-1,\n"
    assert list((folder / "rubrics").iterdir()) == []
    config = (folder / "nbgrader_config.py").read_text()
    assert "c.CourseDirectory.course_id = 'mkt-101'" in config
    assert f"c.CourseDirectory.source_directory = {str(sources)!r}" in config


@pytest.mark.parametrize("course_id", ["mkt 101", "mkt+101", "-mkt", ""])
def test_an_unusable_course_id_is_refused(tmp_path: Path, course_id: str) -> None:
    with pytest.raises(InputError, match="is not a usable course id"):
        init_course(tmp_path / "c", course_id=course_id, echo=lambda line: None)
    assert not (tmp_path / "c").exists()


def test_a_missing_assignments_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        init_course(tmp_path / "c", assignments=tmp_path / "nowhere", echo=lambda line: None)
    assert not (tmp_path / "c").exists()


@pytest.mark.parametrize(
    ("name", "course_id"),
    [
        ("SMM Fall 2026", "smm-fall-2026"),
        ("mkt_101", "mkt_101"),
        ("সামাজিক", "smm-lab"),
        ("--x--", "x"),
        ("Café Marketing", "cafe-marketing"),
    ],
)
def test_the_course_id_is_the_folder_name_made_safe(name: str, course_id: str) -> None:
    assert safe_course_id(name) == course_id


def test_the_template_files_are_packaged() -> None:
    data = tomllib.loads((REPO / "pyproject.toml").read_text())
    globs = data["tool"]["setuptools"]["package-data"]["smm_helpers"]
    package = REPO / "smm_helpers"
    packaged = {p for pattern in globs for p in package.glob(pattern)}
    assert sorted(TEMPLATE.iterdir()) and all(p in packaged for p in TEMPLATE.iterdir())
