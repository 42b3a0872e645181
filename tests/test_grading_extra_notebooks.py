"""Notebooks in a submission that are not the assignment's: named, and never read without end.

The real cases (a blank notebook beside the work saved as ``-Copy1``) are graded end to end in
tests/test_grading_term.py.
"""

from __future__ import annotations

from pathlib import Path


def test_thousands_of_extra_notebooks_cost_one_line_each_beyond_the_first_few(tmp_path):
    from smm_helpers.grading.extra_notebooks import READ_AT_MOST, extra_notebook_problems

    for index in range(READ_AT_MOST + 40):
        (tmp_path / f"copy-{index:03}.ipynb").write_text("{}")
    read: list[Path] = []
    problems = extra_notebook_problems(
        tmp_path, ["01-x"], "ar1001", "01-x", read=lambda path: read.append(path), plans={}
    )
    assert len(problems) == READ_AT_MOST + 1 and len(read) == READ_AT_MOST
    assert "40 more notebooks" in problems[0].message
