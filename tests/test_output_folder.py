"""Every command that writes a folder refuses one holding someone else's files, one way.

The rule (``smm_helpers.output_folder``) is shared by ``smm-course demo``, ``site``,
``report``, ``init`` and the grading demo; these tests try it through each command's own
owner and the Bengali message, without running any of the (slow) commands.  (The
language is reset after each test by ``conftest.py``.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from smm_helpers import use_language
from smm_helpers.demo import OWNER as DEMO
from smm_helpers.errors import InputError
from smm_helpers.grading.demo import OWNER as GRADING_DEMO
from smm_helpers.grading.init import init_course
from smm_helpers.output_folder import FolderOwner, check_output_folder, foreign_files
from smm_helpers.report.command import OWNER as REPORT
from smm_helpers.report.command import run_report
from smm_helpers.site.build import OWNER as SITE
from smm_helpers.site.build import check_out_folder

OWNERS = {"demo": DEMO, "site": SITE, "report": REPORT, "grading demo": GRADING_DEMO}


def _write(folder: Path, *names: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text("mine", encoding="utf-8")
    return folder


@pytest.mark.parametrize("owner", OWNERS.values(), ids=OWNERS)
def test_a_new_or_empty_folder_is_fine_for_every_command(
    owner: FolderOwner, tmp_path: Path
) -> None:
    assert check_output_folder(tmp_path / "new", owner) == tmp_path / "new"
    assert not (tmp_path / "new").exists(), "checking writes nothing"
    assert check_output_folder(str(_write(tmp_path / "empty")), owner) == tmp_path / "empty"


@pytest.mark.parametrize("owner", OWNERS.values(), ids=OWNERS)
def test_every_command_names_the_folder_the_first_files_and_how_many_more(
    owner: FolderOwner, tmp_path: Path
) -> None:
    folder = _write(tmp_path / "work", "e.md", "a.md", "d.md", "c.md", "b.md")
    with pytest.raises(InputError) as error:
        check_output_folder(folder, owner)
    text = str(error.value)
    assert str(folder) in text and "(a.md, b.md, c.md and 2 more)" in text
    assert "d.md" not in text
    assert owner.suggestion in error.value.fix
    assert sorted(p.name for p in folder.iterdir()) == ["a.md", "b.md", "c.md", "d.md", "e.md"]


@pytest.mark.parametrize("owner", OWNERS.values(), ids=OWNERS)
def test_a_file_in_place_of_the_folder_is_refused_by_every_command(
    owner: FolderOwner, tmp_path: Path
) -> None:
    (tmp_path / "out").write_text("a file")
    with pytest.raises(InputError, match="is a file, not a folder"):
        check_output_folder(tmp_path / "out", owner)


def test_a_marker_makes_the_folder_the_commands_own(tmp_path: Path) -> None:
    folder = _write(tmp_path / "demo", DEMO.marker or "", "posts.csv", "my-notes.txt")
    assert foreign_files(folder, DEMO) == []
    assert foreign_files(folder, SITE) == sorted(
        [DEMO.marker or "", "my-notes.txt", "posts.csv"]
    ), "another command's marker"
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / (DEMO.marker or "")).mkdir()
    assert foreign_files(tmp_path / "dir", DEMO) == [DEMO.marker], "a folder is no marker"


def test_the_report_may_replace_only_its_own_files(tmp_path: Path) -> None:
    folder = _write(tmp_path / "report", "report.html", "report.pdf")
    assert check_output_folder(folder, REPORT) == folder
    _write(folder, "budget.xlsx")
    with pytest.raises(InputError, match=r"did not make \(budget.xlsx\)"):
        run_report(None, out=folder, say=lambda text: None)


def test_site_build_refuses_before_reading_its_record(tmp_path: Path) -> None:
    folder = _write(tmp_path / "site", "todo.txt")
    with pytest.raises(InputError, match=r"holds files the site build did not make \(todo.txt\)"):
        check_out_folder(folder, ["index.html"])


def test_init_and_the_grading_demo_write_only_into_a_new_or_empty_folder(tmp_path: Path) -> None:
    folder = _write(tmp_path / "course", "notes.txt")
    with pytest.raises(InputError, match=r"already has files in it \(notes.txt\); init only"):
        init_course(folder, echo=lambda line: None)
    with pytest.raises(InputError, match="the grading demo only writes into a new or empty"):
        check_output_folder(folder, GRADING_DEMO)


def test_file_names_cannot_forge_lines_in_the_error(tmp_path: Path) -> None:
    folder = _write(tmp_path / "work", "x\n  ✓ all fine\x1b[2J")
    with pytest.raises(InputError) as error:
        check_output_folder(folder, DEMO)
    assert "\x1b" not in str(error.value) and "x\\n  ✓ all fine\\x1b[2J" in str(error.value)


def test_the_refusal_is_bengali_with_bengali_digits(tmp_path: Path) -> None:
    folder = _write(tmp_path / "work", *(f"{n}.txt" for n in "abcdefghijklm"))
    use_language("bn")
    with pytest.raises(InputError) as error:
        check_output_folder(folder, DEMO)
    text = str(error.value)
    assert "ডেমো তৈরি করেনি" in text and "আরও ১০টি" in text
    assert "কীভাবে ঠিক করবেন" in text and "--out smm-lab-demo" in text
    with pytest.raises(InputError) as empty_only:
        check_output_folder(folder, GRADING_DEMO)
    assert "কেবল নতুন বা খালি ফোল্ডারে" in str(empty_only.value)
