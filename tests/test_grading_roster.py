"""One roster reader for every command (issue: a roster Excel saved broke every command but
``doctor``; a semicolon roster got 13 errors and no hint).

Rosters are written as a spreadsheet saves them (bytes), read with :func:`read_roster` and
through :meth:`Course.roster`, which every command uses.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from smm_helpers.errors import DataError, InputError
from smm_helpers.grading.course import Course, find_course
from smm_helpers.grading.roster import (
    Learner,
    hub_account_problem,
    ignored_columns,
    read_roster,
    roster_problems,
)
from tests.conftest import REPO

HEADER = "id,first_name,last_name,email"
CONFIG = "c = get_config()\nc.CourseDirectory.course_id = 'test-course'\n"


def _roster(tmp_path: Path, raw: bytes | str) -> Path:
    path = tmp_path / "roster.csv"
    path.write_bytes(raw.encode("utf-8") if isinstance(raw, str) else raw)
    return path


def _course(folder: Path, roster: bytes | str | None = None) -> Course:
    """A course folder, opened as open_course would (without loading nbgrader's config,
    whose first load imports nbconvert: 1.5 s)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "nbgrader_config.py").write_text(CONFIG)
    if roster is not None:
        _roster(folder, roster)
    return Course(
        folder=folder,
        config=None,
        course_id="test-course",
        source_dir=folder / "source",
        exchange_dir=folder / "exchange",
        db_url=f"sqlite:///{folder / 'gradebook.db'}",
    )


AMINA = Learner("ar1001", "Amina", "Rahman", "amina@example.org")
NUSRAT = Learner("nj1002", "Nusrat", "Jahan", "nusrat@example.org")


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(
            f"\ufeff{HEADER}\r\nar1001,Amina,Rahman,amina@example.org\r\n"
            "nj1002,Nusrat,Jahan,nusrat@example.org\r\n".encode(),
            id="excel-csv-utf8-bom",
        ),
        pytest.param(
            b"id;first_name;last_name;email\nar1001;Amina;Rahman;amina@example.org\n"
            b"nj1002;Nusrat;Jahan;nusrat@example.org\n",
            id="semicolons",
        ),
        pytest.param(
            "id\tfirst_name\tlast_name\temail\r\nar1001\tAmina\tRahman\tamina@example.org"
            "\r\nnj1002\tNusrat\tJahan\tnusrat@example.org\r\n".encode("utf-16"),
            id="excel-unicode-text-utf16-tabs",
        ),
        pytest.param(
            b"Email,Last Name,First Name,ID\namina@example.org,Rahman,Amina,ar1001\n"
            b"nusrat@example.org,Jahan,Nusrat,nj1002\n",
            id="headers-case-order",
        ),
        pytest.param(
            f"{HEADER}\n\nar1001,Amina,Rahman,amina@example.org\n  \n"
            "nj1002 , Nusrat ,Jahan,nusrat@example.org\n\n".encode(),
            id="blank-lines-spaces",
        ),
    ],
)
def test_a_roster_as_a_spreadsheet_saves_it_reads_the_same(tmp_path: Path, raw: bytes) -> None:
    assert read_roster(_roster(tmp_path, raw)) == [AMINA, NUSRAT]


def test_every_command_reads_the_roster_through_read_roster(tmp_path: Path) -> None:
    """Course.roster() (collect, autograde, grades, validate, the gradebook) reads what
    doctor passes: the Excel roster of the issue, with semicolons and a BOM."""
    course = _course(
        tmp_path / "course",
        "\ufeffID;First Name;Last Name;Email\r\nar1001;Amina;Rahman;amina@example.org\r\n",
    )
    assert course.roster() == [AMINA]


def test_no_command_reads_roster_csv_on_its_own() -> None:
    """Every module reads the roster through Course.roster() / read_roster, never itself."""
    own_reading = re.compile(
        r"roster(_file|\.csv\"\))\.(read_text|read_bytes|open)\(|"
        r"open\([^)]*roster"
    )
    readers = [
        path.relative_to(REPO)
        for path in (REPO / "smm_helpers").rglob("*.py")
        if path.name != "roster.py" and own_reading.search(path.read_text("utf-8"))
    ]
    assert readers == []


def test_a_missing_roster_says_how_to_write_one(tmp_path: Path) -> None:
    course = _course(tmp_path)
    with pytest.raises(InputError, match="the course has no roster") as error:
        course.roster()
    assert "id,first_name,last_name,email" in error.value.fix


def test_the_lms_id_column_is_optional(tmp_path: Path) -> None:
    with_lms = read_roster(
        _roster(tmp_path, f"{HEADER},LMS ID\nar1001,Amina,Rahman,a@x,4711\nnj1002,N,J,n@x,\n")
    )
    assert [(learner.id, learner.lms_id) for learner in with_lms] == [
        ("ar1001", "4711"),
        ("nj1002", ""),
    ]
    without = read_roster(_roster(tmp_path, f"{HEADER}\nar1001,Amina,Rahman,a@x\n"))
    assert without[0].lms_id == ""


def test_other_columns_from_an_lms_export_are_ignored(tmp_path: Path) -> None:
    text = (
        "Student,ID,SIS User ID,First Name,Last Name,Email,Section\n"
        '"Rahman, Amina",ar1001,2026-17,Amina,Rahman,amina@example.org,A\n'
    )
    assert read_roster(_roster(tmp_path, text)) == [AMINA]
    assert ignored_columns(text) == ["student", "sis_user_id", "section"]
    assert roster_problems(text) == []


def test_ids_that_differ_only_in_case_are_an_error_naming_both_lines() -> None:
    [problem] = roster_problems(
        f"{HEADER}\nar1001,Amina,Rahman,a@x\nnj1002,N,J,n@x\nAR1001,Lamia,Rahman,l@x\n"
    )
    assert (problem.line, problem.column) == (4, "id")
    assert problem.problem == (
        "learner ids 'AR1001' (line 4) and 'ar1001' (line 2) differ only in case"
    )
    assert "macOS and Windows" in problem.fix and "class hub" in problem.fix


@pytest.mark.parametrize(
    ("learner_id", "problem"),
    [
        ("ar 1001", "'ar 1001' is not a usable learner id"),
        ("ar/1001", "'ar/1001' is not a usable learner id"),
        ("ar+1001", "'ar+1001' is not a usable learner id"),
        (".ar1001", "'.ar1001' is not a usable learner id"),
        ("-ar1001", "'-ar1001' is not a usable learner id"),
        ("আমিনা", "'আমিনা' is not a usable learner id"),
        ("ar\x1b[31m", "'ar\\x1b[31m' is not a usable learner id"),  # shown escaped
        ("", "the learner id is empty"),
    ],
)
def test_an_unusable_id_is_an_error_with_its_line_column_and_fix(
    learner_id: str, problem: str
) -> None:
    [error] = roster_problems(f'{HEADER}\nar1,A,B,a@x\n"{learner_id}",C,D,c@x\n')
    assert (error.file, error.line, error.column, error.problem) == ("roster.csv", 3, "id", problem)
    assert "e.g. ar1001" in error.fix


def test_a_repeated_lms_id_is_an_error() -> None:
    [error] = roster_problems(
        f"{HEADER},lms_id\nar1,A,B,a@x,77\nar2,C,D,c@x,\nar3,E,F,e@x,\nar4,G,H,g@x,77\n"
    )
    assert (error.line, error.column, error.problem) == (
        5,
        "lms_id",
        "LMS id '77' is also on line 2",
    )


def test_every_problem_is_listed_and_read_roster_says_how_many_more(tmp_path: Path) -> None:
    text = (
        f"{HEADER}\n"
        "ar1,A,B,a@x\n"
        "ar 2,C,D,c@x\n"  # line 3: unusable id
        "ar3,Rahman, Jr.,E,e@x\n"  # line 4: an unquoted comma: five values
        "ar1,F,G,g@x\n"  # line 5: repeated id
        "AR3,H,I,i@x\n"
    )  # line 6: fine (line 4 could not be read)
    problems = roster_problems(text)
    assert [(p.line, p.problem) for p in problems] == [
        (3, "'ar 2' is not a usable learner id"),
        (4, "this row has 5 values but the header has 4 columns"),
        (5, "learner id 'ar1' is also on line 2"),
    ]
    with pytest.raises(DataError) as error:
        read_roster(_roster(tmp_path, text))
    assert str(error.value).startswith(
        f"{tmp_path / 'roster.csv'}, line 3, column 'id': 'ar 2' is not a usable learner id "
        "(and 2 more problems in roster.csv: smm-course doctor lists them all)."
    )


def test_a_semicolon_roster_with_one_mistake_gets_one_error_not_thirteen() -> None:
    text = (
        "id;first_name;last_name;email\n"
        + "".join(f"ar{i};First {i};Last {i};l{i}@x\n" for i in range(12))
        + "ar 12;A;B;c@x\n"
    )
    assert [p.line for p in roster_problems(text)] == [14]


def test_a_header_problem_says_which_columns_the_roster_needs() -> None:
    [error] = roster_problems("id|first_name|last_name|email\nar1|A|B|a@x\n")
    assert error.line == 1
    assert "separate the values with commas" in error.problem
    assert error.fix == "make the first line id,first_name,last_name,email,lms_id"


def test_bengali_names_are_read_in_nfc(tmp_path: Path) -> None:
    decomposed = "মো\u09c7\u09beমিন"  # ো typed as its two parts (U+09C7 U+09BE)
    composed = unicodedata.normalize("NFC", decomposed)
    assert decomposed != composed and "\u09cb" in composed
    [learner] = read_roster(_roster(tmp_path, f"{HEADER}\nmr1,{decomposed},রহমান,m@x\n"))
    assert learner.first_name == composed
    assert learner.name == f"{composed} রহমান"


@pytest.mark.parametrize(
    ("learner_id", "why"),
    [
        ("ar1001", None),
        ("_svc", None),
        ("nusrat-jahan_2", None),
        (
            "AR1001",
            "it has capital letters: the hub makes user names lower case, so this "
            "learner's submissions would come in as 'ar1001'",
        ),
        ("nusrat.jahan", "it has '.'"),
        ("2026001", "it starts with a digit"),
        ("a" * 33, "it is 33 characters long (at most 32)"),
        (
            "1.A",
            "it has capital letters: the hub makes user names lower case, so this learner's "
            "submissions would come in as '1.a'; it starts with a digit; it has '.'",
        ),
    ],
)
def test_hub_account_problem_says_why_the_hub_cannot_use_an_id(
    learner_id: str, why: str | None
) -> None:
    assert hub_account_problem(learner_id) == why


def test_due_dates_a_spreadsheet_saved_are_read_and_an_empty_due_is_none_yet(
    tmp_path: Path,
) -> None:
    course = _course(tmp_path)
    course.due_dates_file.write_bytes(
        "\ufeffAssignment;Due\r\n01-a;2026-09-20T23:59:00+06:00\r\n02-b;\r\n".encode()
    )
    due = course.due_dates()
    assert list(due) == ["01-a"]
    assert due["01-a"].isoformat() == "2026-09-20T23:59:00+06:00"


def test_find_course_prefers_what_it_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert find_course(Path("elsewhere")) == Path("elsewhere")


def test_find_course_from_inside_a_course_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _course(tmp_path / "my-course", f"{HEADER}\nar1001,Amina,Rahman,amina@example.org\n")
    (tmp_path / "my-course" / "course").mkdir()  # a folder named course inside: not this one
    monkeypatch.chdir(tmp_path / "my-course")
    assert find_course(None) == tmp_path / "my-course"


def test_find_course_in_a_clone_finds_its_course_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _course(tmp_path / "course")
    monkeypatch.chdir(tmp_path)
    assert find_course(None) == tmp_path / "course"


def test_find_course_elsewhere_says_where_it_looked_and_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError) as error:
        find_course(None)
    assert str(tmp_path) in error.value.problem
    assert str(tmp_path / "course") in error.value.problem
    assert error.value.fix == (
        "cd into your course folder, pass --course DIR, or make one with smm-course init DIR"
    )
