"""Every message an assignment's tests can show is a whole sentence the catalog can translate.

A check shows ``_(message)`` and ``_(hint)``, and Babel extracts them from the graded cells of
the source notebooks (:mod:`smm_helpers.i18n.notebook_hints`).  A message built at run time
(an f-string, or pieces joined with ``+``) has no fixed words, so it is never extracted and
a Bengali learner reads it in English.  A message that shows values is a template with named
values instead, filled in after it is translated::

    expect_true(len(best_slot) == 2, "best_slot", "It has {count} items, not 2.",
                count=len(best_slot), hint="a slot is (weekday, hour).")

These tests read the notebooks' code (no kernel): every message and hint is a literal, every
``{name}`` of a template is given, and the templates say in English exactly what the
f-strings they replaced said.
"""

from __future__ import annotations

import ast
import inspect
import json
import re
import string
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from smm_helpers.checks import asserts
from smm_helpers.i18n.messages import in_language
from tests.conftest import REPO

NOTEBOOKS = sorted((REPO / "assignments").glob("*/*.ipynb"))
MAGIC = re.compile(r"^\s*[%!].*$", re.MULTILINE)  # IPython magics and shell lines
BENGALI = re.compile(r"[\u0980-\u09FF]")


def _graded_calls(notebook: Path) -> Iterator[tuple[str, ast.Call]]:
    """(grade id, call) for every ``expect_*`` call in the graded code cells of a notebook."""
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell["cell_type"] != "code" or not meta.get("grade"):
            continue
        source = cell["source"]
        tree = ast.parse(MAGIC.sub("", "".join(source) if isinstance(source, list) else source))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _called(node).startswith("expect_"):
                yield meta["grade_id"], node


def _called(call: ast.Call) -> str:
    return getattr(call.func, "id", "") or getattr(call.func, "attr", "")


def _arguments(call: ast.Call) -> dict[str, Any]:
    """The call's argument expressions by parameter name (``**values`` as one dict)."""
    check = getattr(asserts, _called(call), None)
    assert check is not None, f"line {call.lineno}: {_called(call)} is not a check of asserts"
    return dict(
        inspect.signature(check)
        .bind(*call.args, **{k.arg: k.value for k in call.keywords if k.arg})
        .arguments
    )


def _message_text(call: ast.Call) -> str:
    """The literal message of an ``expect_true`` call ("" for a built one, or another check)."""
    message: Any = _arguments(call).get("message")
    return message.value if _literal(message) and message.value else ""


def _literal(node: Any) -> bool:
    return isinstance(node, ast.Constant) and (node.value is None or isinstance(node.value, str))


def _phrase_built_at_run_time(node: Any) -> bool:
    """A name built at run time whose fixed words make it a phrase (a phrase is translated)."""
    return not _literal(node) and any(
        isinstance(part, ast.Constant) and isinstance(part.value, str) and " " in part.value
        for part in ast.walk(node)
    )


def _built_at_run_time(notebook: Path) -> list[str]:
    found = []
    for grade_id, call in _graded_calls(notebook):
        given = _arguments(call)
        shown: list[tuple[str, Any]] = [
            (key, given[key]) for key in ("message", "hint") if key in given
        ]
        shown += [("name", given["name"])] if _phrase_built_at_run_time(given.get("name")) else []
        found += [
            f"{grade_id}, line {call.lineno}: {key}={ast.unparse(value)}"
            for key, value in shown
            if not _literal(value)
        ]
    return found


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_check_is_given_a_message_or_hint_built_at_run_time(notebook):
    found = _built_at_run_time(notebook)
    assert not found, (
        "write these as templates with named values, e.g. "
        '"It has {count} items.", count=len(x):\n' + "\n".join(found)
    )


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_value_a_message_names_is_given(notebook):
    """A ``{name}`` with no ``name=`` would only fail when a learner's answer is wrong."""
    for grade_id, call in _graded_calls(notebook):
        message = _message_text(call)
        if not message:
            continue
        named = {
            re.split(r"[.\[]", field)[0]
            for _, field, _, _ in string.Formatter().parse(message)
            if field
        }
        values = set(_arguments(call).get("values", {}))
        where = f"{notebook.stem}, {grade_id}, line {call.lineno}"
        assert named == values, (
            f"{where}: the message names {sorted(named)} but is given {sorted(values)}"
        )


def test_the_scan_finds_built_messages_and_hints_and_lets_templates_pass(tmp_path):
    cells = [
        'expect_true(ok, "x", f"It has {len(x)} items.")',
        'expect_true(ok, "x", "Missing: " + ", ".join(m) + ".")',
        'expect_equal(a, b, "x", "look at " + where)',  # a hint given by position
        'expect_between(v, 0, 1, f"the {p} rate")',  # a phrase as name is translated too
        'expect_true(ok, "x", "It has {count} items.", count=len(x), hint="Count first.")',
        "expect_close(v, w, f\"split.cost_per_result['{p}']\")",  # code as name: not words
    ]
    notebook = tmp_path / "nb.ipynb"
    notebook.write_text(
        json.dumps(
            {
                "cells": [
                    {
                        "cell_type": "code",
                        "metadata": {"nbgrader": {"grade": True, "grade_id": f"t{i}"}},
                        "source": source,
                    }
                    for i, source in enumerate(cells)
                ]
            }
        ),
        encoding="utf-8",
    )
    found = _built_at_run_time(notebook)
    assert [line.split(",")[0] for line in found] == ["t0", "t1", "t2", "t3"], found


# --------------------------------------------------- templates say what the f-strings said
SAMPLE = {
    "best_slot": ("Monday", 11, 3),
    "_n": 3,
    "post_text": "বইমেলায় দেখা হবে",
    "predicted": [0] * 39,
    "_bad_keys": ["#alo", 7, "#boi", "#mela"],
    "_counts": pd.DataFrame([[3, 3, 3]] * 5),
    "_platform": "facebook",
    "_unknown": ["BZ-MSG-9", "X-1", "X-2", "X-3"],
    "_missing": ["reach", "er_reach"],
    "best_week": "2025-10-07",
    "best_growth_month": "2025/3",
    "split": types.SimpleNamespace(spend={"facebook": 61_234.5, "instagram": 58_765.25}),
    "disclosure_ok": [True, False],
    "_day": ("nonprofit", "x"),
    "plan": types.SimpleNamespace(goals=["a", "b"]),
    "_t": types.SimpleNamespace(platform="instagram", target=4.0),
    "_bad": [("Monday", 11), ("Friday", 20), ("Sunday", 9)],
    "_check": types.SimpleNamespace(problems=["Too long.", "Too many hashtags."]),
}
BEFORE = [  # (assignment, the f-string or sum each message used to be)
    ("03", 'f"It is not more than len(post_text) ({len(post_text)}): you counted characters."'),
    ("03", "f\"Some keys are not tags without '#': {_bad_keys[:3]}.\""),
    ("03", 'f"It has {len(best_slot)} items, not 2."'),
    ("03", 'f"Only {_n} posts stand behind this slot."'),
    ("03", 'f"post_counts() has shape {_counts.shape}, not 4 weeks × 3 platforms."'),
    ("03", 'f"{_platform} does not have {_n} posts every week."'),
    ("03", '"It does not fit X: " + " ".join(_check.problems)'),
    ("04", 'f"These ids are not in the inbox: {_unknown[:3]}."'),
    ("04", 'f"It has {len(predicted)} items, not 40."'),
    ("05", '"Columns missing: " + ", ".join(_missing) + "."'),
    ("05", "f\"{best_week!r} is not a Monday written 'YYYY-MM-DD'.\""),
    ("05", "f\"{best_growth_month!r} is not written 'YYYY-MM'.\""),
    ("06", 'f"It spends {sum(split.spend.values()):,.0f} taka, not TOTAL_BUDGET."'),
    ("06", 'f"It has {len(disclosure_ok)} values, not 3."'),
    ("06", "f\"{_day!r} is not a (client, platform, 'YYYY-MM-DD') tuple.\""),
    ("07", 'f"It has {len(plan.goals)} targets; give at least 3."'),
    ("07", 'f"{_t.platform} does not get {_t.target:g} posts every week, as the plan says."'),
    ("07", 'f"Some Instagram posts are not in your trusted slots: {_bad[:2]}."'),
    ("07", 'f"It spends {sum(split.spend.values()):,.0f} taka, not BUDGET."'),
]


def _template_call(assignment: str, before: str) -> ast.Call:
    """The notebook's call whose template has the same fixed words as the old message."""
    words = _fixed_words(ast.parse(before, mode="eval").body)
    notebook = next(n for n in NOTEBOOKS if n.parent.name.startswith(assignment + "-"))
    calls = [
        call
        for _, call in _graded_calls(notebook)
        if _message_text(call) and _fixed_words(ast.Constant(_message_text(call))) == words
    ]
    assert len(calls) == 1, f"{notebook.stem}: {len(calls)} templates match {before}"
    return calls[0]


def _fixed_words(node: ast.expr) -> str:
    """The literal text of a message with each value (f-string field, template field, or
    joined piece) replaced by one marker, so an old message and its template compare."""
    if isinstance(node, ast.JoinedStr):
        return "".join(str(v.value) if isinstance(v, ast.Constant) else "<>" for v in node.values)
    if isinstance(node, ast.BinOp):
        return _fixed_words(node.left) + _fixed_words(node.right)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return "".join(
            text + ("<>" if field is not None else "")
            for text, field, _, _ in string.Formatter().parse(node.value)
        )
    return "<>"


def _shown(call: ast.Call, namespace: dict[str, Any]) -> str:
    """What the notebook's check says when it fails, with the values from ``namespace``."""
    given = _arguments(call)
    values = {
        key: eval(compile(ast.Expression(value), "<cell>", "eval"), dict(namespace))
        for key, value in given.get("values", {}).items()
    }
    with pytest.raises(AssertionError) as failure:
        asserts.expect_true(False, "x", _message_text(call), **values)
    return str(failure.value).split("(x)", 1)[1][1:].strip()  # after "(x)." or "(x)।"


@pytest.mark.parametrize(
    ("assignment", "before"), BEFORE, ids=[f"{a}-{i}" for i, (a, _) in enumerate(BEFORE)]
)
def test_a_template_says_in_english_what_its_f_string_said(assignment, before):
    call = _template_call(assignment, before)
    with in_language("en"):
        assert _shown(call, SAMPLE) == eval(before, dict(SAMPLE))
    with in_language("bn"):
        bengali = _shown(call, SAMPLE)
    assert BENGALI.search(bengali), bengali


def test_numbers_in_a_template_are_in_bengali_digits_and_keys_in_their_bengali_names():
    with in_language("bn"):
        count = _shown(_template_call("03", 'f"It has {len(best_slot)} items, not 2."'), SAMPLE)
        spent = _shown(
            _template_call(
                "06", 'f"It spends {sum(split.spend.values()):,.0f} taka, not TOTAL_BUDGET."'
            ),
            SAMPLE,
        )
    assert "৩" in count and "3" not in count, count
    assert "১,২০,০০০" in spent or "১২০,০০০" in spent, spent
    planning = next(n for n in NOTEBOOKS if n.parent.name.startswith("01-"))
    goal = next(
        call
        for grade_id, call in _graded_calls(planning)
        if grade_id == "smart_goal" and "SMART" in ast.unparse(call)
    )
    source = next(
        c
        for c in json.loads(planning.read_text(encoding="utf-8"))["cells"]
        if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == "smart_goal"
    )
    imports = "\n".join(
        line
        for line in "".join(source["source"]).splitlines()
        if line.startswith("from smm_helpers")
    )
    namespace: dict[str, Any] = {"_missing": ["measurable", "time-bound"]}
    exec(imports, namespace)  # the names the cell itself imports to show the criteria
    with in_language("en"):
        english = _shown(goal, namespace)
    with in_language("bn"):
        bengali = _shown(goal, namespace)
    assert english == "It is not yet SMART; it misses: measurable, time-bound."
    assert "measurable" not in bengali and "time-bound" not in bengali, bengali
