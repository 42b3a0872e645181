"""The command line, ``smm-course lab``, the learner id and the caption data in Bengali.

- ``--lang bn`` anywhere on the command line (else ``SMM_LANG``) makes ``smm-course`` speak
  Bengali from the first word of its help, argparse's own words ("usage:", "options:", its
  error lines) included; English stays exactly as it was.
- ``smm-course lab``'s messages and errors, and the learner id's error a learner sees in a
  notebook, are Bengali under ``use_language("bn")``.
- The caption texts are data (``smm_helpers/data/captions.csv``): a broken file is refused
  with an error naming the file, line and column.
"""

from __future__ import annotations

import argparse
import ast
import inspect
import json
import re
from pathlib import Path

import pytest

from smm_helpers import cli, lab, use_language
from smm_helpers.datasets import captions
from smm_helpers.errors import DataError, InputError
from smm_helpers.grading.learner import learner_id
from smm_helpers.i18n.messages import current_language, gettext, in_language, ngettext

BENGALI = re.compile("[\u0980-\u09ff]")
ARGPARSE_ENGLISH = ("usage:", "options:", "show this help message and exit", "positional arguments")
DEVELOPER_ONLY = {
    # argparse's messages about mistakes in a program's own parser setup: no user sees them
    ".__call__() not defined",
    "conflicting subparser: %s",
    "conflicting subparser alias: %s",
    'argument "-" with mode %r',
    "can't open '%(filename)s': %(error)s",
    "cannot merge actions - two groups are named %r",
    "'required' is an invalid argument for positionals",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "dest= is required for options like %r",
    "invalid conflict_resolution value: %r",
    "conflicting option string: %s",
    "mutually exclusive arguments must be optional",
    "cannot have multiple subparser arguments",
    "%r is not callable",
}
NO_WORDS = {"%(heading)s:"}  # Python 3.13's section heading: nothing to translate
PERCENT = re.compile(r"%(?:\([a-z_]+\))?[sr]")


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    use_language("en")


def write_notebook(path: Path, markdown: str) -> Path:
    """A notebook of one markdown cell (plain JSON: quicker than importing nbformat)."""
    cell = {"cell_type": "markdown", "metadata": {}, "source": markdown}
    path.write_text(
        json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}),
        encoding="utf-8",
    )
    return path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = cli.main(argv)
    except SystemExit as stop:
        code = int(stop.code or 0)
    said = capsys.readouterr()
    return code, said.out, said.err


# ----------------------------------------------------------------- smm-course
@pytest.mark.parametrize(
    "argv",
    [
        ["lab", "--help", "--lang", "bn"],
        ["lab", "--lang=bn", "--help"],
        ["demo", "--lan", "bn", "--help"],
        ["site", "--help", "--lang", "bn"],
    ],
)
def test_lang_anywhere_makes_the_help_bengali_argparse_words_included(argv, capsys):
    code, out, _ = run(argv, capsys)
    assert code == 0
    assert out.startswith("ব্যবহার: smm-course ")
    assert "অপশন:" in out and "এই সাহায্যবার্তা দেখিয়ে বেরিয়ে যায়" in out
    assert not any(word in out for word in ARGPARSE_ENGLISH), out


def test_smm_lang_chooses_the_language_when_the_command_line_does_not(capsys, monkeypatch):
    from smm_helpers import language

    monkeypatch.setattr(language, "_chosen", [])
    monkeypatch.setenv("SMM_LANG", "bn")
    _, out, _ = run(["--help"], capsys)
    assert out.startswith("ব্যবহার: smm-course") and "SMM Lab: পাইথন দিয়ে" in out
    _, english, _ = run(["lab", "--help", "--lang", "en"], capsys)  # --lang wins
    assert english.startswith("usage: smm-course lab") and not BENGALI.search(english)


def test_english_help_and_errors_are_unchanged(capsys):
    code, out, _ = run(["lab", "--help"], capsys)
    assert code == 0 and out.startswith("usage: smm-course lab [-h] [--instructor]")
    assert "show this help message and exit" in out and not BENGALI.search(out)
    assert "--port PORT        port to serve on" in out
    code, _, err = run(["demo", "--posts", "many"], capsys)
    assert code == 2
    assert err.endswith("smm-course demo: error: argument --posts: invalid int value: 'many'\n")


def test_argparse_errors_are_bengali_and_keep_their_values(capsys):
    code, _, err = run(["demo", "--posts", "many", "--lang", "bn"], capsys)
    assert code == 2
    assert err.endswith("smm-course demo: ত্রুটি: আর্গুমেন্ট --posts: অচল int মান: 'many'\n")
    code, _, err = run(["site", "--jobs", "--lang", "bn"], capsys)
    assert code == 2 and "একটি মান দিতে হবে" in err and "expected" not in err
    code, _, err = run(["demo", "--out", "x", "--no-such-option", "--lang", "bn"], capsys)
    assert code == 2 and "অচেনা আর্গুমেন্ট: --no-such-option" in err


def test_the_language_and_argparse_are_restored_after_a_command(tmp_path, capsys):
    saved = argparse._  # type: ignore[attr-defined]
    code, _, err = run(["lab", "--lessons", str(tmp_path / "nowhere"), "--lang", "bn"], capsys)
    assert code == 2
    assert "পাঠের কোনো ফোল্ডার নেই" in err and "কীভাবে ঠিক করবেন" in err
    assert current_language() == "en"
    assert argparse._ is saved  # type: ignore[attr-defined]
    assert argparse.ArgumentParser(prog="x").format_usage() == "usage: x [-h]\n"


def test_every_argparse_message_a_user_reads_has_a_translation_argparse_can_format():
    asked: set[str] = set()
    plurals: set[tuple[str, str]] = set()
    for node in ast.walk(ast.parse(inspect.getsource(argparse))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("_", "ngettext"):
            texts = [
                a.value
                for a in node.args
                if isinstance(a, ast.Constant) and isinstance(a.value, str)
            ]
            if node.func.id == "ngettext" and len(texts) == 2:
                plurals.add((texts[0], texts[1]))
            elif texts:
                asked.add(texts[0])
    missing = asked - DEVELOPER_ONLY - NO_WORDS - set(cli.ARGPARSE_MESSAGES)
    assert not missing, f"this Python's argparse says more: add to ARGPARSE_MESSAGES {missing}"
    assert len(asked & set(cli.ARGPARSE_MESSAGES)) >= 19
    with in_language("bn"):
        for message in cli.ARGPARSE_MESSAGES:
            bengali = gettext(message)
            assert BENGALI.search(bengali), message
            assert sorted(PERCENT.findall(bengali)) == sorted(PERCENT.findall(message)), message
        for singular, plural in plurals - {
            ("conflicting option string: %s", "conflicting option strings: %s")
        }:
            for count in (1, 3):
                bengali = ngettext(singular, plural, count)
                assert BENGALI.search(bengali) and PERCENT.findall(bengali) == ["%s"]
        assert cli.expected_arguments(3) == "3টি মান দিতে হবে"  # argparse writes the count


def test_language_asked_reads_the_command_line_not_the_jupyter_options():
    assert cli.language_asked(["lab", "--allow-root", "--lang", "bn"]) == "bn"
    assert cli.language_asked(["lab", "--", "--lang", "bn"]) is None
    assert cli.language_asked(["lab", "--lang"]) is None
    assert cli.language_asked(["lab", "--l", "bn"]) is None  # ambiguous with --lessons
    assert cli.language_asked(["site", "--lang", "bn", "--lang", "en"]) == "en"  # the last


# ----------------------------------------------------------------- smm-course lab
def test_lab_errors_are_bengali(tmp_path: Path):
    use_language("bn")
    with pytest.raises(InputError) as missing:
        lab.open_lab(lessons_dir=tmp_path / "nowhere", dry_run=True)
    assert str(missing.value).startswith(f"{tmp_path / 'nowhere'}-এ পাঠের কোনো ফোল্ডার নেই।")
    assert "কীভাবে ঠিক করবেন: যে ফোল্ডারে পাঠের নোটবুকগুলো" in str(missing.value)
    (tmp_path / "notes.ipynb").write_text("{}")
    with pytest.raises(InputError, match="পাঠের কোনো নোটবুক নেই"):
        lab.find_lessons_dir(tmp_path)
    with pytest.raises(InputError, match="কোনো নেটওয়ার্ক পোর্ট নয়"):
        lab.open_lab(lessons_dir=lab.LESSONS_DIR, port=70000, dry_run=True)
    with pytest.raises(InputError, match="'lessons' কোনো JupyterLab অপশন নয়"):
        lab.lab_launch(lab.LESSONS_DIR, jupyter_options=["lessons"])
    with pytest.raises(InputError, match=r"nbgrader_config\.py নেই"):
        lab.find_course_dir(tmp_path)


def test_lesson_listing_speaks_the_chosen_language(tmp_path: Path):
    path = write_notebook(
        tmp_path / "03-platforms.ipynb",
        "# Lesson 03 · Choosing platforms\n\nEstimated time: 45 minutes",
    )
    info = lab.read_lesson(path)
    assert str(info) == "03-platforms: Choosing platforms (45 min)"
    use_language("bn")
    assert str(info) == "03-platforms: Choosing platforms (৪৫ মিনিট)"
    assert str(lab.LessonInfo("x", 1, "T", None, path)) == "x: T (সময় দেওয়া নেই)"
    untitled = write_notebook(tmp_path / "04-notes.ipynb", "Some notes")
    with pytest.raises(InputError, match="শিরোনামের লাইন দিয়ে শুরু হয়নি"):
        lab.read_lesson(untitled)


def test_the_readme_table_follows_the_lessons_language_not_the_chosen_one():
    english, bengali = lab.lessons_table(lab.LESSONS_DIR), lab.lessons_table(lab.LESSONS_DIR / "bn")
    use_language("bn")
    assert lab.lessons_table(lab.LESSONS_DIR) == english
    assert english.startswith("| Lesson | What you learn | Time |") and " min |" in english
    use_language("en")
    assert lab.lessons_table(lab.LESSONS_DIR / "bn") == bengali
    assert bengali.startswith("| পাঠ | যা শিখবেন | সময় |") and " মিনিট |" in bengali


# ----------------------------------------------------------------- the learner's notebook
def test_the_learner_id_error_is_bengali_and_keeps_the_variable_name(tmp_path: Path):
    with pytest.raises(InputError) as english:
        learner_id({}, cwd=tmp_path)
    assert str(english.value).startswith("I don't know your learner id")
    assert "%env SMM_LEARNER_ID=ar1001" in str(english.value)
    use_language("bn")
    with pytest.raises(InputError) as bengali:
        learner_id({}, cwd=tmp_path)
    text = str(bengali.value)
    assert text.startswith("আপনার লার্নার আইডি জানা নেই")
    assert "%env SMM_LEARNER_ID=your-id" in text and "%env SMM_LEARNER_ID=ar1001" in text


# ----------------------------------------------------------------- the caption data
GOOD = captions.resources_text()
FILE = "smm_helpers/data/captions.csv"


def lines_of(text: str) -> int:
    return len(text.splitlines())


@pytest.mark.parametrize(
    ("change", "column", "words"),
    [
        (lambda t: t.replace('"kind","client"', '"type","client"', 1), None, "names the columns"),
        (lambda t: t + '"hashtag","","en","","#x"\n', "kind", "is not a kind of text"),
        (lambda t: t + '"greeting","business","en","","Hi! "\n', "client", "has no client"),
        (
            lambda t: t + '"caption","nonprofit","en","recipes","Cook!"\n',
            "key",
            "is not a key a caption row may have",
        ),
        (
            lambda t: t + '"body","business","fr","question","Prix?"\n',
            "language",
            "is not a language a body row may have",
        ),
        (
            lambda t: t + '"caption_fill","business","en","the item","rug"\n',
            "key",
            "is not a fill-in name",
        ),
        (lambda t: t + '"body","business","en","question",""\n', "text", "the text is empty"),
        (
            lambda t: t + '"caption","business","en","offers","{colour} sale"\n',
            "text",
            "{colour} is not a fill-in of business captions in en",
        ),
        (
            lambda t: t + '"signoff","","bn","praise"," {item}!"\n',
            "text",
            "{item} is not a fill-in of every client's messages in bn",
        ),
        (lambda t: t + '"body","nonprofit","en","other","50% {off"\n', "text", "is not a template"),
        (lambda t: t + '"caption","business","en","offers","a","b"\n', None, "fields, not 5"),
    ],
)
def test_a_broken_caption_file_is_refused_with_its_line_and_column(change, column, words):
    broken = change(GOOD)
    with pytest.raises(DataError) as error:
        captions.parse_texts(broken)
    assert words in str(error.value)
    assert error.value.file == FILE and error.value.column == column
    expected_line = 1 if "columns" in words else lines_of(broken)
    assert error.value.line == expected_line


def test_missing_or_miscounted_texts_are_refused():
    without_offers = "\n".join(
        line
        for line in GOOD.splitlines()
        if not line.startswith('"caption","business","bn","offers"')
    )
    with pytest.raises(
        DataError, match="no caption rows for client 'business', language 'bn', key 'offers'"
    ):
        captions.parse_texts(without_offers + "\n")
    one_more = GOOD + '"special_day","nonprofit","en","","Happy Eid!"\n'
    with pytest.raises(DataError, match="5 special-day captions for nonprofit in en, not 4"):
        captions.parse_texts(one_more)


def test_caption_file_errors_are_bengali_too():
    use_language("bn")
    with pytest.raises(DataError) as error:
        captions.parse_texts(GOOD + '"caption","business","en","offers","{colour} sale"\n')
    text = str(error.value)
    assert text.startswith(f"{FILE}, লাইন ") and "ফিল-ইন নেই" in text
    assert "{colour}" in text and "কীভাবে ঠিক করবেন" in text


def test_the_file_keeps_its_order_and_spacing():
    texts = captions.parse_texts(GOOD)
    assert next(iter(captions.TYPOS)) == ("please", "pls")
    assert texts.texts("greeting", "", "en")[:5] == ("", "", "", "", "Hi! ")
    assert " Thanks in advance." in texts.texts("signoff", "", "en", "question")
    assert list(texts.fills("caption_fill", "business", "en")) == [
        "item",
        "area",
        "price",
        "days",
        "customer",
        "percent",
        "day",
    ]
    assert captions.caption_pool("business", "offers", "bn")[0] == (
        "শুধু এই সপ্তাহে: সব নকশী কাঁথায় ১০% ছাড়। ঢাকার ভেতরে ফ্রি ডেলিভারি। #অফার"
    )


def test_caption_choices_errors_are_bengali():
    use_language("bn")
    with pytest.raises(InputError, match="nonprofit ক্লায়েন্টের পিলার"):
        captions.caption_pool("nonprofit", "recipes", "en")
    with pytest.raises(InputError, match="বাংলা হরফে লেখা একটি শব্দ দিন"):
        captions.bn_case("Mirpur", "loc")
