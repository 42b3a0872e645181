"""``smm-course lab``: the JupyterLab command, finding the lessons, running a lesson."""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest

from smm_helpers import lab
from smm_helpers.errors import InputError
from tests.conftest import write_notebook


def write_lesson(folder: Path, name: str, *cells: str, title: str = "# Lesson 01 · Test") -> Path:
    return write_notebook(folder / name, f"{title}\n\nEstimated time: 15 minutes", *cells)


@pytest.fixture
def lessons(tmp_path: Path) -> Path:
    folder = tmp_path / "lessons"
    write_lesson(folder, "01-test.ipynb", "1 + 1")
    return folder


def test_dry_run_returns_the_jupyterlab_command_for_the_lessons_folder(lessons: Path) -> None:
    command = lab.open_lab(lessons_dir=lessons, dry_run=True)
    assert command == [sys.executable, "-m", "jupyterlab", f"--notebook-dir={lessons}"]


def test_dry_run_passes_port_and_no_browser(lessons: Path) -> None:
    command = lab.open_lab(lessons_dir=lessons, port=8899, no_browser=True, dry_run=True)
    assert command[-2:] == ["--port=8899", "--no-browser"]


def test_without_a_folder_the_clones_lessons_folder_is_used() -> None:
    command = lab.open_lab(dry_run=True)
    assert command[-1] == f"--notebook-dir={lab.LESSONS_DIR}"
    assert (lab.LESSONS_DIR / "12-capstone.ipynb").is_file()


def test_a_missing_folder_says_how_to_point_at_the_lessons(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no lessons folder") as error:
        lab.open_lab(lessons_dir=tmp_path / "nope", dry_run=True)
    assert "--lessons" in str(error.value)


def test_a_folder_without_lessons_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.ipynb").write_text("{}")
    with pytest.raises(InputError, match="no lesson notebooks"):
        lab.open_lab(lessons_dir=tmp_path, dry_run=True)


def test_an_installed_package_without_a_clone_says_to_clone_the_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lab, "LESSONS_DIR", tmp_path / "site-packages" / "lessons")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match="cannot find the lessons") as error:
        lab.open_lab(dry_run=True)
    assert "clone the repository" in str(error.value)
    assert "--lessons" in str(error.value)


def test_instructor_mode_without_nbgrader_says_how_to_install_it(
    lessons: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lab, "_has_module", lambda name: name != "nbgrader")
    with pytest.raises(InputError, match="needs nbgrader") as error:
        lab.open_lab(instructor=True, lessons_dir=lessons, dry_run=True)
    assert "pip install nbgrader" in str(error.value)


def test_instructor_mode_turns_on_nbgraders_server_extensions(
    lessons: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lab, "_has_module", lambda name: True)
    command = lab.open_lab(instructor=True, lessons_dir=lessons, dry_run=True)
    for extension in lab.NBGRADER_SERVER_EXTENSIONS:
        assert f"--ServerApp.jpserver_extensions={extension}=True" in command


def test_the_instructor_flags_are_ones_jupyter_server_understands(lessons: Path) -> None:
    from jupyter_server.serverapp import ServerApp

    flags = [f"--ServerApp.jpserver_extensions={e}=True" for e in lab.NBGRADER_SERVER_EXTENSIONS]
    app = ServerApp()
    app.parse_command_line([*flags, f"--notebook-dir={lessons}", "--port=8899", "--no-browser"])
    assert set(app.config.ServerApp.jpserver_extensions) == set(lab.NBGRADER_SERVER_EXTENSIONS)
    assert app.config.ServerApp.root_dir == str(lessons)
    assert app.config.ServerApp.port == 8899


@pytest.mark.parametrize("port", [0, 70000, "8888", True])
def test_a_bad_port_is_refused(lessons: Path, port: object) -> None:
    with pytest.raises(InputError, match="not a network port"):
        lab.open_lab(lessons_dir=lessons, port=port, dry_run=True)  # type: ignore[arg-type]


def test_lesson_index_reads_titles_and_times(lessons: Path) -> None:
    [info] = lab.lesson_index(lessons)
    assert (info.id, info.number, info.title, info.minutes) == ("01-test", 1, "Test", 15)
    assert "| [01](01-test.ipynb) | Test | 15 min |" in lab.lessons_table(lessons)


def test_a_lesson_without_a_title_line_is_named(tmp_path: Path) -> None:
    path = write_lesson(tmp_path, "02-untitled.ipynb", "1", title="Some notes")
    with pytest.raises(InputError, match=r"02-untitled\.ipynb does not start with a title"):
        lab.read_lesson(path)


def test_main_prints_the_readme_table(lessons: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert lab.main(["--table", "--lessons", str(lessons)]) == 0
    assert capsys.readouterr().out.startswith("| Lesson | What you learn | Time |")


@pytest.mark.slow
def test_run_lesson_reports_errors_and_warnings_and_leaves_no_files(
    lessons: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SMM_STATIC_WIDGETS", "1")
    path = write_lesson(
        lessons,
        "02-broken.ipynb",
        "import os, warnings\n'SMM_STATIC_WIDGETS' in os.environ",
        "warnings.warn('careful')",
        "open('written.txt', 'w').write('x')",
        "1 / 0",
    )
    run = lab.run_lesson(path, timeout=60)
    assert not run.ok
    assert run.notebook.cells[1].outputs[0]["data"]["text/plain"] == "False"  # widgets on
    [error] = run.errors
    assert "1 / 0" in error and "ZeroDivisionError" in error
    [warning] = run.warnings
    assert "warnings.warn('careful')" in warning and "UserWarning" in warning
    assert sorted(p.name for p in lessons.iterdir()) == ["01-test.ipynb", "02-broken.ipynb"]
    assert not nbformat.read(path, as_version=4).cells[1].outputs  # the original is untouched


def test_smm_course_lab_reports_a_missing_lessons_folder_and_exits_2(tmp_path, capsys):
    from smm_helpers.cli import main

    assert main(["lab", "--lessons", str(tmp_path / "nowhere"), "--no-browser"]) == 2
    assert "nowhere" in capsys.readouterr().err


def test_an_instructor_course_far_from_the_lessons_is_served_on_its_own(tmp_path, monkeypatch):
    """A course folder of one's own (smm-course init) anywhere: JupyterLab serves that
    folder, never the whole file system, and runs in it (the Formgrader finds the course)."""
    pytest.importorskip("nbgrader")
    course = tmp_path / "smm-fall-2026"
    course.mkdir()
    (course / "nbgrader_config.py").write_text("c = get_config()\n")
    monkeypatch.chdir(course)
    launch = lab.lab_launch(lab.LESSONS_DIR, instructor=True)
    served = next(a for a in launch.command if a.startswith("--notebook-dir="))
    assert served != "--notebook-dir=/"
    assert launch.cwd == course.resolve()
    assert course.resolve().is_relative_to(served.split("=", 1)[1])
