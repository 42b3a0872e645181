"""Learner content is shown, never run, by instructor tools (issue 13).

A tiny course (one assignment, no kernel run) gets an *autograded* notebook written by hand:
markdown and outputs full of scripts, handlers, frames and forms beside honest content (a
pandas table, a PNG chart, Bengali markdown).  nbgrader's real ``generate_feedback`` (through
``smm-course``'s :func:`feedback`) and the Formgrader's real exporter render it; nothing the
learner wrote may be live markup, and everything they wrote must still be readable.  The
terminal side: every learner-controlled string is shown with its control characters escaped.
"""

from __future__ import annotations

import base64
import re
import shutil
import sys
import types
import warnings
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import REPO

A = "01-tiny"
PNG = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
        "0000000d4944415478da63f8cfc0f01f0005000201a5d3f1a30000000049454e44ae426082"
    )
).decode()
HOSTILE_MARKDOWN = (
    "## আমার উত্তর\n\nবিক্রি **বেড়েছে** — see [the report](https://example.org/r).\n\n"
    "<script>alert('md')</script> <img src=x onerror=alert('img')>\n\n"
    "[click me](javascript:alert('link')) and [also](JaVaScRiPt&colon;alert('link2'))\n\n"
    "<iframe src='https://evil.example'></iframe><form action='https://evil.example'>"
    "<input name=p></form><object data='x.swf'></object><embed src='x.swf'>"
    "<meta http-equiv='refresh' content='0;url=https://evil.example'>"
    "<base href='https://evil.example/'><svg onload=alert('svg')><script>alert(3)</script></svg>"
    "<a href='data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='>data link</a>"
    "<p style=\"color: red; background: url(javascript:alert('css')); "
    "width: expression(alert('x'))\">styled</p>\n\n"
    "![chart](attachment:chart.png) ![evil](attachment:evil.html)"
)
LEARNER_SCRIPT = re.compile(r"alert\(")


def _outputs(pandas_html: str) -> list:
    from nbformat.v4 import new_output

    return [
        new_output("display_data", data={"text/html": pandas_html, "text/plain": "df"}),
        new_output(
            "display_data",
            data={"image/png": PNG, "text/plain": "<Figure>"},
            metadata={
                "image/png": {"width": "1 onerror=alert('width')"},
                "filenames": {"image/png": "javascript:alert('file')"},
            },
        ),
        new_output(
            "execute_result",
            execution_count=1,
            data={
                "text/html": "<script>alert('html')</script><b onmouseover=alert('b')>bold</b>",
                "text/plain": "x",
            },
            metadata={"text/html": {"isolated": True}},
        ),
        new_output(
            "display_data",
            data={"application/javascript": "alert('js')", "text/plain": "<Javascript object>"},
        ),
        new_output(
            "display_data",
            data={
                "application/vnd.jupyter.widget-view+json": {
                    "model_id": "abc",
                    "version_major": 2,
                    "version_minor": 0,
                },
                "text/plain": "IntSlider(value=3)",
            },
        ),
        new_output(
            "display_data",
            data={
                "image/svg+xml": (
                    "<svg xmlns='http://www.w3.org/2000/svg' onload=\"alert('svg')\">"
                    "<script>alert('svg2')</script></svg>"
                )
            },
        ),
        new_output(
            "display_data", data={"text/markdown": "**md out** <script>alert('mdout')</script>"}
        ),
        new_output(
            "stream", name="stdout", text="\x1b[31mred\x1b[0m <script>alert('stream')</script>\n"
        ),
    ]


def _source_notebook():
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    def meta(grade_id: str, *, grade: bool, solution: bool, points: int = 0) -> dict:
        return {
            "nbgrader": {
                "grade": grade,
                "solution": solution,
                "locked": not solution,
                "grade_id": grade_id,
                "schema_version": 3,
                **({"points": points} if grade else {}),
            }
        }

    nb = new_notebook(
        cells=[
            new_markdown_cell(
                "# Tiny\nAnswer below.", metadata=meta("intro", grade=False, solution=False)
            ),
            new_markdown_cell(
                "YOUR ANSWER HERE", metadata=meta("essay", grade=True, solution=True, points=2)
            ),
            new_code_cell(
                "### BEGIN SOLUTION\nx = 1\n### END SOLUTION",
                metadata=meta("answer", grade=False, solution=True),
            ),
            new_code_cell(
                "assert x == 1\n### BEGIN HIDDEN TESTS\nassert x + 41 == 42, "
                "'a hidden check'\n### END HIDDEN TESTS",
                metadata=meta("test_x", grade=True, solution=False, points=1),
            ),
        ]
    )
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    return nb


def _hostile(source):
    import copy

    import pandas as pd

    nb = copy.deepcopy(source)
    nb.cells[1].source = HOSTILE_MARKDOWN
    nb.cells[1].attachments = {
        "chart.png": {"image/png": PNG},
        "evil.html": {"text/html": base64.b64encode(b"<script>alert('att')</script>").decode()},
    }
    nb.cells[2].execution_count = 1
    honest_table = pd.DataFrame({"reach": [1200, 950]})._repr_html_()  # type: ignore[operator]
    nb.cells[2].outputs = _outputs(honest_table)
    nb.metadata["widgets"] = {
        "application/vnd.jupyter.widget-state+json": {
            "state": {},
            "version_major": 2,
            "version_minor": 0,
        }
    }
    return nb


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory):
    """A course with assignment 01-tiny released and hand-written autograded notebooks."""
    import nbformat
    from sqlalchemy.exc import SAWarning

    from smm_helpers.grading.course import open_course
    from smm_helpers.grading.release import release

    root = tmp_path_factory.mktemp("display")
    (root / "course").mkdir()
    shutil.copy(REPO / "course" / "nbgrader_config.py", root / "course")
    (root / "course" / "roster.csv").write_text(
        "id,first_name,last_name,email\nar1001,Amina,Rahman,a@example.org\n"
        "bo2002,Bo,Ng,b@example.org\n"
    )
    source = _source_notebook()
    (root / "assignments" / A).mkdir(parents=True)
    nbformat.write(source, root / "assignments" / A / f"{A}.ipynb")
    opened = open_course(root / "course")
    release(opened, A, echo=lambda _: None)
    with opened.gradebook() as gb, warnings.catch_warnings():
        # nbgrader's add_submission trips SQLAlchemy's autoflush warning; autograde would add
        # the same rows, but it runs a kernel.
        warnings.simplefilter("ignore", SAWarning)
        for learner in ("ar1001", "bo2002"):
            gb.add_submission(A, learner)
    for learner in ("ar1001", "bo2002"):
        for step in ("autograded", "submitted"):
            path = opened.path(step) / learner / A / f"{A}.ipynb"
            path.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(_hostile(source), path)
    return opened


def _live_markup_problems(page: str) -> list[str]:
    """What a browser would run or follow in ``page`` that came from the learner.

    Independent of ``smm_helpers.grading.sanitize``: a raw tag is ``<name`` (escaped learner
    text is ``&lt;name``), and only the page template's own scripts in ``<head>`` may run.
    """
    body = page[page.index("<body") :]
    problems = [
        f"<{m}"
        for m in re.findall(
            r"<(script|iframe|form|object|embed|base|svg|math"
            r"|frame|applet)\b",
            body,
            re.IGNORECASE,
        )
    ]
    problems += re.findall(r"<meta\b[^>]*http-equiv[^>]*>", page, re.IGNORECASE)
    problems += re.findall(r"<[a-z][^>]*\son\w+\s*=[^>]*>", page, re.IGNORECASE)
    problems += re.findall(r"<[a-z][^>]*javascript:[^>]*>", page, re.IGNORECASE)
    problems += re.findall(
        r"<[a-z][^>]*(?:href|src)\s*=\s*['\"]?\s*data:(?!image/(?:png|"
        r"jpeg|svg\+xml))[^>]*>",
        page,
        re.IGNORECASE,
    )
    problems += re.findall(r"<[a-z][^>]*(?:expression\(|url\()[^>]*>", body, re.IGNORECASE)
    return problems


def _assert_learner_content_readable(page: str) -> None:
    assert "আমার উত্তর" in page and "<strong>বেড়েছে</strong>" in page
    assert '<a href="https://example.org/r">the report</a>' in page
    assert "&lt;script&gt;alert('md')&lt;/script&gt;" in page  # escaped, not dropped
    assert "&lt;iframe src='https://evil.example'&gt;" in page
    assert re.search(r'<table[^>]*class="dataframe"', page)
    assert "<th>reach</th>" in page and "<td>1200</td>" in page
    assert f'src="data:image/png;base64,{PNG}"' in page  # the chart and the attachment
    assert page.count(f"data:image/png;base64,{PNG}") == 2
    assert "alert('js')" in page and "IntSlider(value=3)" in page  # shown as text
    assert "&lt;script&gt;alert('stream')&lt;/script&gt;" in page
    assert '<p style="color: red">styled</p>' in page


def test_feedback_page_shows_the_learners_content_and_runs_none_of_it(course):
    from smm_helpers.grading.feedback import feedback

    lines: list[str] = []
    pages = feedback(course, A, ["ar1001"], echo=lines.append)
    assert [p.name for p in pages] == [f"{A}.html"], lines
    page = pages[0].read_text(encoding="utf-8")
    assert _live_markup_problems(page) == []
    head = page[: page.index("<body")]
    assert not LEARNER_SCRIPT.search(head)
    _assert_learner_content_readable(page)
    assert "a hidden check" not in page
    # Only the rendered copy was cleaned: the autograded notebook keeps what was submitted.
    kept = (course.path("autograded") / "ar1001" / A / f"{A}.ipynb").read_text()
    assert "onerror=alert('width')" in kept and "application/javascript" in kept


def test_feedback_is_withheld_if_the_safe_settings_were_taken_away(course, monkeypatch):
    """The second wall: a page with live markup is never released, whatever the config."""
    from smm_helpers.grading import feedback as feedback_module
    from smm_helpers.grading.course import open_course

    bare = open_course(course.folder)
    del bare.config["HTMLExporter"]
    monkeypatch.setattr(feedback_module, "missing_safe_settings", lambda config: [])
    report = feedback_module.feedback(bare, A, ["bo2002"], echo=lambda _: None)
    assert report.pages == [] and not report.ok
    assert "markup that would run in a browser" in report.problems[0].message
    withheld = course.path("feedback") / "bo2002" / A / f"{A}.html.withheld"
    assert withheld.is_file() and not withheld.with_suffix("").exists()
    assert _live_markup_problems(withheld.read_text(encoding="utf-8"))  # it would have run


def _formgrader_exporter(course, monkeypatch, tmp_path):
    """The exporter nbgrader's Formgrader renders submissions with, built as it builds it."""
    from nbgrader.server_extensions.formgrader.formgrader import FormgradeExtension

    monkeypatch.chdir(course.folder)  # the Formgrader reads nbgrader_config.py from here
    monkeypatch.setenv("JUPYTER_CONFIG_DIR", str(tmp_path))
    monkeypatch.setenv("JUPYTER_CONFIG_PATH", str(tmp_path))
    monkeypatch.setattr(sys, "path", list(sys.path))  # initialize() puts the cwd on it
    extension = FormgradeExtension()
    extension.root_dir = str(course.folder.parent)
    extension.initialize([])
    webapp = types.SimpleNamespace(settings={})
    extension.init_tornado_settings(webapp)
    return webapp.settings["nbgrader_exporter"]


def test_formgrader_shows_a_submission_and_runs_none_of_it(course, monkeypatch, tmp_path):
    from smm_helpers.grading.sanitize import active_markup

    exporter = _formgrader_exporter(course, monkeypatch, tmp_path)
    resources = {
        "assignment_id": A,
        "notebook_id": A,
        "submission_id": "s1",
        "index": 0,
        "total": 1,
        "base_url": "",
        "student": "ar1001",
        "last_name": "Rahman",
        "first_name": "Amina",
        "notebook_path": f"autograded/ar1001/{A}/{A}.ipynb",
    }
    hostile, _ = exporter.from_filename(
        str(course.path("autograded") / "ar1001" / A / f"{A}.ipynb"), resources=dict(resources)
    )
    honest, _ = exporter.from_filename(
        str(course.path("release") / A / f"{A}.ipynb"), resources=dict(resources)
    )
    # The Formgrader's own navigation has scripts and onclick handlers; the learner adds none.
    assert Counter(active_markup(hostile)) == Counter(active_markup(honest))
    assert Counter(_live_markup_problems(hostile)) == Counter(_live_markup_problems(honest))
    assert len(LEARNER_SCRIPT.findall(hostile)) > 0  # as text ...
    assert not re.search(r"<script[^>]*>[^<]*alert\(", hostile)  # ... never as a script
    _assert_learner_content_readable(hostile)


def test_every_course_config_smm_lab_writes_or_loads_keeps_learner_content_inert(
    tmp_path, monkeypatch
):
    from traitlets.config.loader import PyFileConfigLoader

    from smm_helpers.grading.course import load_config, open_course
    from smm_helpers.grading.sanitize import SANITIZER, missing_safe_settings

    def raw(folder: Path):
        return PyFileConfigLoader("nbgrader_config.py", path=str(folder)).load_config()

    assert missing_safe_settings(raw(REPO / "course")) == []  # nbgrader's own commands
    careless = tmp_path / "careless"
    careless.mkdir()
    (careless / "nbgrader_config.py").write_text(
        "c = get_config()\nc.CourseDirectory.course_id = 'smm-lab'\n"
        "c.HTMLExporter.sanitize_html = False\nc.HTMLExporter.preprocessors = ['my.Own']\n"
        "c.HTMLExporter.filters = {'clean_html': 'my.nothing'}\n"
    )
    config = load_config(careless)  # every smm-course command
    assert missing_safe_settings(config) == []
    assert config.HTMLExporter.preprocessors == ["my.Own", SANITIZER]
    overridden = open_course(careless, {"HTMLExporter": {"sanitize_html": False}}).config
    assert overridden.HTMLExporter.sanitize_html is True
    # The hub's single-user servers, instructors (with that careless course) and learners.
    monkeypatch.setenv("SMM_EXCHANGE_ROOT", str(tmp_path / "exchange"))
    monkeypatch.setenv("SMM_COURSE_ID", "smm-lab")
    (careless / "nbgrader_config.py").write_text(
        (careless / "nbgrader_config.py").read_text()
        + f"c.Exchange.root = {str(tmp_path / 'exchange')!r}\n"
    )
    for role in ("instructor", "learner"):
        monkeypatch.setenv("SMM_ROLE", role)
        monkeypatch.setenv("SMM_COURSE_DIR", str(careless))
        hub = raw(REPO / "course" / "jupyterhub" / "singleuser")
        assert missing_safe_settings(hub) == [], role
    assert hub.HTMLExporter.preprocessors == [SANITIZER]  # the learner's: no course config


# ------------------------------------------------------------------------------ terminal
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HOSTILE_ID = "ar1001\x1b[2K\r\x1b[32m✓ everyone passed\x1b[0m\b\x07\u202egnp.exe"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"),
        (
            "\x1b]8;;https://evil.example\x07link\x1b]8;;\x07",
            "\\x1b]8;;https://evil.example\\x07link\\x1b]8;;\\x07",
        ),
        ("done\rfake", "done\\rfake"),
        ("abc\b\bxy", "abc\\x08\\x08xy"),
        ("one\ntwo\u2028three", "one\\ntwo\\u2028three"),
        ("nul\x00del\x7fcsi\x9b", "nul\\x00del\\x7fcsi\\x9b"),
        ("invoice\u202egnp.exe \u2066x\u2069", "invoice\\u202egnp.exe \\u2066x\\u2069"),
        ("বিক্রি র\u200d্যাব \u200cক — ✓ ok", "বিক্রি র\u200d্যাব \u200cক — ✓ ok"),
        ("C:\\x1b\\path", "C:\\x1b\\path"),  # a learner's literal backslashes are left alone
    ],
)
def test_printable_escapes_control_characters_and_keeps_bengali(raw, shown):
    from smm_helpers.grading.problems import printable

    assert printable(raw) == shown
    assert printable(shown) == shown  # what it shows is already printable


def test_problem_and_summary_table_stay_one_line_per_item_whatever_the_learner_sends():
    from smm_helpers.grading.problems import Problem, progress
    from smm_helpers.grading.results import GradeRow, score_grid, summary_table

    problem = Problem(
        "wrong filename", "01-x\u202e", "found 'a\rb.ipynb'\n  ✗ forged", learner=HOSTILE_ID
    )
    assert "\n" not in str(problem) and not CONTROL.search(str(problem))
    assert str(problem).startswith("ar1001\\x1b[2K\\r\\x1b[32m✓ everyone passed")
    assert problem.learner == HOSTILE_ID  # the data keeps the raw value
    rows = [
        GradeRow(HOSTILE_ID, "01-x", 3, 10, problems=[problem]),
        GradeRow("bo2002", "01-x", 10, 10),
    ]
    table = summary_table(rows)
    assert not CONTROL.search(table)
    assert table.splitlines()[3:] == ["", "Problems (everyone else was graded):", f"  ✗ {problem}"]
    assert len(table.splitlines()) == 6  # header, two rows, blank, heading, one problem
    grid = score_grid(rows)
    assert not CONTROL.search(grid) and len(grid.splitlines()) == 4
    assert grid.splitlines()[1].startswith("ar1001\\x1b[2K")
    line = progress(1, 2, f"grading {HOSTILE_ID} ...")
    assert "\n" not in line and not CONTROL.search(line)


def test_collect_and_retry_lines_show_a_learners_control_characters_escaped() -> None:
    from smm_helpers.grading.collect import CollectReport
    from smm_helpers.grading.problems import Problem
    from smm_helpers.grading.results import Retry

    hostile = "ar1001\x1b[2J\rpwned\u202e"
    report = CollectReport(
        "01-x",
        archived=[Path("/course/archive") / hostile],
        problems=[Problem("wrong filename", "01-x", f"{hostile}.ipynb", hostile)],
    )
    lines = [*report.lines(), str(Retry(hostile, f"its worker died ({hostile})"))]
    assert not any(ch in line for line in lines for ch in "\x1b\r\u202e"), lines
    assert all("\\x1b[2J\\rpwned\\u202e" in line for line in lines[1:]), lines
