"""``smm-course doctor``: is this computer and this course folder ready to grade?

The course checks run on temporary copies (the real course, and one broken on purpose in
every way the doctor knows), so nothing in the repository changes and nothing runs a kernel.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import io
import json
import shutil
from pathlib import Path

import pytest

from smm_helpers.grading.demo import RUNTIME
from tests.conftest import REPO

A = "01-platforms-and-planning"


def _copy_course(root: Path) -> Path:
    shutil.copytree(REPO / "course", root / "course", ignore=shutil.ignore_patterns(*RUNTIME))
    shutil.copytree(
        REPO / "assignments",
        root / "assignments",
        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"),
    )
    return root / "course"


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, str]:
    """A course with one of each problem, checked by the command line: exit code, output."""
    from smm_helpers.cli import main

    course = _copy_course(tmp_path_factory.mktemp("doctor-broken"))
    (course / "roster.csv").write_text(
        "\ufeffID;First Name;Last Name;Email;Section\n"  # Excel, semicolons: read as such
        "ar1001;Amina;Rahman;a@example.org;A\n"
        "ar1001;Nusrat;Jahan;n@example.org;A\n"  # line 3: repeated id
        ";Tanvir;Hossain;t@example.org;B\n"  # line 4: empty id
        "AR1001;Lamia;Rahman;l@example.org;B\n",  # line 5: the same id in capitals
        encoding="utf-8",
    )
    (course / "due_dates.csv").write_text(
        "assignment,due\n"
        f"{A},2026-09-20T23:59:00\n"  # no time zone
        "99-no-such-assignment,2026-10-01T23:59:00+06:00\n"
    )
    (course.parent / "assignments" / "08-empty").mkdir()  # no notebook
    (course / "rubrics" / f"{A}.md").unlink()
    extra = json.loads((course.parent / "assignments" / A / f"{A}.ipynb").read_text())
    extra["cells"] = [
        c
        for c in extra["cells"]
        if c["metadata"].get("nbgrader", {}).get("grade_id") == "best_platform"
    ]
    (course.parent / "assignments" / A / "extra.ipynb").write_text(json.dumps(extra))
    (course / "gradebook.db").write_bytes(b"this is not a database" * 100)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["doctor", "--course", str(course)])
    return code, out.getvalue()


def test_doctor_finds_no_problem_in_the_real_course(tmp_path: Path) -> None:
    from smm_helpers.grading.doctor import run_doctor

    report = run_doctor(_copy_course(tmp_path), environment=False)
    assert report.ok, report.text()
    lines = [str(c) for c in report.course]
    assert "✓ course_id is 'smm-lab'" in lines
    assert "✓ roster.csv lists 10 learners with their own ids" in lines
    assert "✓ all 7 source assignments have a notebook" in lines
    assert "✓ no gradebook yet (smm-course release creates it)" in lines


@pytest.mark.parametrize(
    "problem",
    [
        "✗ roster.csv, line 3, column 'id': learner id 'ar1001' is also on line 2",
        "✗ roster.csv, line 4, column 'id': the learner id is empty",
        "✗ roster.csv, line 5, column 'id': learner ids 'AR1001' (line 5) and 'ar1001' (line 2) "
        "differ only in case",
        "⚠ roster.csv has a column SMM Lab does not read, so it is ignored: section",
        "✗ due_dates.csv, line 2: the due time '2026-09-20T23:59:00' has no time zone",
        "✗ due_dates.csv, line 3: '99-no-such-assignment' is not an assignment of the course",
        "✗ source assignment 08-empty has no notebook",
        f"✗ {A}: these grade_ids are used by more than one cell: 'best_platform'",
        f"✗ {A}: no rubric for the hand-graded 'platform_recommendation': "
        f"rubrics/{A}.md is missing",
        "✗ the gradebook does not open: DatabaseError",
        f"✗ {A}: the grader cannot give these tests the names they read: best_platform reads "
        "best_platform, best_rate_percent, expect_between, expect_close, expect_equal, "
        "expect_one_of, expect_type, generate, learner_id, summarize",
    ],
)
def test_doctor_names_each_problem_of_a_broken_course(
    broken: tuple[int, str], problem: str
) -> None:
    _, output = broken
    assert problem in output


def test_doctor_exits_1_and_counts_the_problems(broken: tuple[int, str]) -> None:
    code, output = broken
    assert code == 1
    assert output.splitlines()[-1].startswith("10 problems to fix")
    assert output.count("✗ roster.csv") == 3  # every roster problem, and only those


@pytest.mark.parametrize(
    "raw",
    [
        "\ufeffid,first_name,last_name,email\r\nar1001,Amina,Rahman,a@x\r\n".encode(),  # Excel
        b"id;first_name;last_name;email\nar1001;Amina;Rahman;a@x\n",  # semicolons
        "id\tfirst_name\tlast_name\temail\r\nar1001\tAmina\tRahman\ta@x\r\n".encode("utf-16"),
    ],
)
def test_a_roster_a_spreadsheet_saved_passes_as_every_command_reads_it(
    tmp_path: Path, raw: bytes
) -> None:
    from smm_helpers.grading.doctor import roster_checks
    from smm_helpers.grading.roster import read_roster

    roster = tmp_path / "roster.csv"
    roster.write_bytes(raw)
    assert [str(c) for c in roster_checks(roster)] == [
        "✓ roster.csv lists 1 learner with their own ids"
    ]
    assert [learner.id for learner in read_roster(roster)] == ["ar1001"]


def test_a_roster_without_its_columns_is_one_problem_naming_them(tmp_path: Path) -> None:
    from smm_helpers.grading.doctor import roster_checks

    roster = tmp_path / "roster.csv"
    roster.write_text("learner,first_name,last_name,email\nar1001,Amina,Rahman,a@x\n")
    assert [str(c) for c in roster_checks(roster)] == [
        "✗ roster.csv, line 1: the roster has no column 'id' (its columns are: learner, "
        "first_name, last_name, email) — make the first line id,first_name,last_name,email,"
        "lms_id"
    ]


def test_a_roster_not_saved_as_utf8_is_a_problem_saying_how_to_save_it(tmp_path: Path) -> None:
    from smm_helpers.grading.doctor import roster_checks

    roster = tmp_path / "roster.csv"
    roster.write_bytes("id,first_name,last_name,email\nar1,Renée,Roy,r@x\n".encode("cp1252"))
    [check] = roster_checks(roster)
    assert check.status == "fail"
    assert "roster.csv, line 2: the file is not UTF-8 text" in str(check)
    assert "CSV UTF-8" in check.fix


def test_ids_the_class_hub_cannot_use_are_a_warning_naming_each(tmp_path: Path) -> None:
    from smm_helpers.grading.doctor import roster_checks

    roster = tmp_path / "roster.csv"
    roster.write_text(
        "id,first_name,last_name,email\n"
        "AR1001,Amina,Rahman,a@x\nnusrat.jahan,Nusrat,Jahan,n@x\n"
        "2026-01,Tanvir,Hossain,t@x\nlamia_r,Lamia,Rahman,l@x\n"
    )
    checks = roster_checks(roster)
    assert [c.status for c in checks] == ["ok", "warn"]
    warning = str(checks[1])
    assert warning.startswith(
        "⚠ roster.csv: 3 learner ids cannot be account names on the class "
        "hub (course/jupyterhub): 'AR1001' (line 2: it has capital "
        "letters: the hub makes user names lower case, so this learner's "
        "submissions would come in as 'ar1001'); 'nusrat.jahan' (line 3: "
        "it has '.'); '2026-01' (line 4: it starts with a digit)"
    )
    assert "lamia_r" not in warning
    assert warning.endswith(
        "use lower-case letters, digits, '_' or '-', starting with a "
        "letter, as each learner's hub account and roster id"
    )


def test_due_dates_a_spreadsheet_saved_pass_and_an_empty_due_is_no_due_date_yet(
    tmp_path: Path,
) -> None:
    from smm_helpers.grading.doctor import due_date_checks

    due = tmp_path / "due_dates.csv"
    due.write_text(
        "\ufeffAssignment;Due\r\n01-a;2026-09-20T23:59:00+06:00\r\n02-b;\r\n", encoding="utf-8"
    )
    assert [str(c) for c in due_date_checks(due, ["01-a", "02-b", "03-c"])] == [
        "✓ due_dates.csv: 1 due date, with its time zone",
        "⚠ no due date yet for 02-b, 03-c, so their submissions are never marked late — give "
        "them a due (ISO 8601 with the offset, e.g. 2026-09-20T23:59:00+06:00) in "
        "due_dates.csv before releasing them",
    ]


@pytest.mark.parametrize(
    ("config", "problem"),
    [
        (
            "c = get_config()\nc.CourseDirectory.course_id = \n",
            "✗ nbgrader_config.py does not load (line 2): SyntaxError",
        ),
        (
            "c = get_config()\n",
            "✗ nbgrader_config.py sets no course_id, which nbgrader's exchange and Assignments "
            "panel need",
        ),
    ],
)
def test_a_config_that_does_not_load_or_sets_no_course_id_is_reported(
    tmp_path: Path, config: str, problem: str
) -> None:
    from smm_helpers.grading.doctor import run_doctor

    (tmp_path / "nbgrader_config.py").write_text(config)
    lines = [str(c) for c in run_doctor(tmp_path, environment=False).course]
    assert any(line.startswith(problem) for line in lines), lines


def test_environment_here_has_nbgrader_its_extensions_and_a_python3_kernel() -> None:
    from smm_helpers.grading.doctor import environment_checks

    lines = [str(c) for c in environment_checks()]
    version = importlib.metadata.version("nbgrader")
    assert f"✓ nbgrader {version} is installed" in lines
    assert any(line.startswith("✓ nbgrader's server extensions are installed") for line in lines)
    assert any(line.startswith("✓ the 'python3' kernel runs") for line in lines)
    font = [line for line in lines if "Bengali" in line]
    assert len(font) == 1 and not font[0].startswith("✗")  # a warning at worst


def test_missing_alembic_is_a_problem_with_the_pip_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from smm_helpers.grading import doctor

    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(doctor.sys, "executable", str(tmp_path / "python"))
    check = doctor._check_alembic()
    assert str(check) == (
        f"✗ alembic is not installed, so nbgrader cannot create or open "
        f"the gradebook — {tmp_path / 'python'} -m pip install alembic"
    )


def test_a_disabled_lab_extension_is_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from smm_helpers.grading.doctor import _check_lab_extension

    page = tmp_path / "labconfig" / "page_config.json"
    page.parent.mkdir()
    page.write_text(json.dumps({"disabledExtensions": {"@jupyter/nbgrader": True}}))
    monkeypatch.setenv("JUPYTER_CONFIG_DIR", str(tmp_path))
    check = _check_lab_extension()
    assert check.status == "warn"
    assert str(check).endswith("jupyter labextension enable @jupyter/nbgrader")


def test_doctor_says_whether_submissions_are_sandboxed_here() -> None:
    from smm_helpers.grading.doctor import _check_sandbox
    from smm_helpers.grading.sandbox.bwrap import support

    check = _check_sandbox()
    if not support().available:
        from tests.conftest import system_part_missing

        assert check.status == "warn"
        assert "cannot sandbox" in str(check) and support().why in str(check)
        system_part_missing(f"bubblewrap sandbox: {support().why}")
    assert check.status == "ok"
    assert "bubblewrap sandbox" in str(check) and "no network" in str(check)


def test_without_bubblewrap_the_doctor_warns_and_says_what_is_at_risk(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from smm_helpers.grading import doctor
    from smm_helpers.grading.sandbox import bwrap

    monkeypatch.setattr(
        bwrap, "support", lambda: bwrap.Support(False, "bubblewrap is not installed")
    )
    check = doctor._check_sandbox()
    assert check.status == "warn"
    assert "bubblewrap is not installed" in str(check)
    assert "read and change your files" in str(check) and "docs/sandbox.md" in str(check)


def test_a_package_found_only_through_pythonpath_is_a_problem_for_graded_notebooks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """autograde's kernels start in a clean environment, so PYTHONPATH does not reach them."""
    import subprocess
    import sys

    from smm_helpers.grading.doctor import _check_graded_python

    assert _check_graded_python().status == "ok"  # smm_helpers is installed here
    (tmp_path / "only_on_pythonpath").mkdir()
    (tmp_path / "only_on_pythonpath" / "__init__.py").write_text("")
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    monkeypatch.syspath_prepend(str(tmp_path))  # as PYTHONPATH does for this Python
    subprocess.run([sys.executable, "-c", "import only_on_pythonpath"], check=True)
    check = _check_graded_python("only_on_pythonpath")
    assert check.status == "fail"
    assert "graded notebooks cannot import only_on_pythonpath" in str(check)
    assert "PYTHONPATH" in str(check) and "every learner would score 0" in str(check)
    assert f"pip install -e {tmp_path}" in str(check)


def test_a_course_config_that_lets_learner_script_run_in_the_formgrader_is_a_warning(
    tmp_path: Path,
) -> None:
    from smm_helpers.grading.doctor import formgrader_check

    assert formgrader_check(REPO / "course").status == "ok"
    (tmp_path / "nbgrader_config.py").write_text(
        "c = get_config()\nc.CourseDirectory.course_id = 'x'\n"
    )
    check = formgrader_check(tmp_path)
    assert check.status == "warn"
    assert "c.HTMLExporter.sanitize_html = True" in check.fix


def test_every_problem_of_extensions_csv_is_named_with_its_line(tmp_path: Path) -> None:
    from smm_helpers.grading.doctor import run_doctor

    course = _copy_course(tmp_path)
    (course / "extensions.csv").write_text(
        "learner,assignment,due\n"
        f"sample-late,{A},2026-09-25T23:59:00+06:00\n"
        f"zz9999,{A},2026-09-25T23:59:00+06:00\n"  # not on the roster
        f"sample-blank,{A},next friday\n"
    )  # not a date
    report = run_doctor(course, environment=False)
    lines = [str(c) for c in report.course if "extensions.csv" in str(c)]
    assert not report.ok
    assert any("line 3" in line and "zz9999" in line for line in lines), lines
    assert any("line 4" in line and line.startswith("✗") for line in lines), lines
