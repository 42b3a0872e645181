"""`smm-course report --from FILES`: a client report from real exports, honest about gaps.

One run of the command on seven sample exports (Facebook, Instagram, TikTok and its
follower history, X, LinkedIn's xlsx, YouTube Studio) is checked many ways: what was read,
what the report says about the figures the exports do not have, and that no unknown count
is shown as 0 or "nan".
"""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pytest

from smm_helpers import cli, metrics
from smm_helpers.exports import read_exports, sample_export

SAMPLES = [
    "facebook_posts_2025",
    "instagram_posts_2025",
    "tiktok_content",
    "tiktok_follower_history",
    "x_posts_2024",
    "linkedin_posts_2024",
    "youtube_table_data",
]
CLIENT = "Nakshi Kantha House"


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    out = tmp_path_factory.mktemp("nk") / "report"
    argv = [
        "report",
        "--from",
        *map(str, map(sample_export, SAMPLES)),
        "--client",
        CLIENT,
        "--out",
        str(out),
        "--period",
        "2025-04-11..2025-05-10",
    ]
    code = cli.main(argv)
    html = (out / "report.html").read_text(encoding="utf-8")
    return code, out, html, re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_command_writes_the_report_for_the_named_client(run):
    code, _, html, _ = run
    assert code == 0
    assert f"<h1>Social media report: {CLIENT}</h1>" in html
    assert "11 Apr 2025 – 10 May 2025" in html


def test_no_unknown_count_is_shown_as_zero_or_nan(run):
    _, _, _, text = run
    assert not re.search(r"\bnan\b", text, re.IGNORECASE)
    # X's export has no reach, LinkedIn's no reach or link clicks: "not in the data", not 0.
    x_row = re.search(r"X \(Twitter\) (\d+) (.*?) (\d[\d,]*|not in the data) ", text)
    assert x_row and x_row.group(2).startswith("not in the data")
    assert "No reach (viewers) for" in text and "X (Twitter)" in text


def test_engagements_a_platform_never_reports_are_named_not_hidden(run):
    _, _, _, text = run
    assert "Engagements on Facebook are counted without saves" in text


def test_the_pdf_is_printed_when_an_engine_works(run):
    _, out, _, _ = run
    from smm_helpers.report.pdf import pdf_engines

    if "ready" in pdf_engines().values():
        assert (out / "report.pdf").read_bytes().startswith(b"%PDF")


def test_a_summary_never_adds_unknowns_into_rates():
    posts = read_exports([sample_export(name) for name in SAMPLES], client=CLIENT).posts
    table = metrics.summarize(posts, by="platform")
    assert math.isnan(table.loc["x", "reach"]) and math.isnan(table.loc["x", "er_reach"])
    ig = posts[posts["platform"] == "instagram"]
    known = ig["reach"].notna() & metrics.engagements(ig).notna()
    expected = metrics.engagements(ig)[known].sum() / ig["reach"][known].sum()
    assert table.loc["instagram", "er_reach"] == pytest.approx(expected)


def test_summaries_of_complete_data_are_unchanged_by_the_unknowns_path():
    from smm_helpers.datasets import load_course_data

    posts = load_course_data().posts
    plain = metrics.summarize(posts, by="platform")
    with_gap = posts.astype({"reach": "float64"})
    with_gap.loc[with_gap.index[0], "reach"] = np.nan
    gapped = metrics.summarize(with_gap, by="platform")
    first = posts.loc[posts.index[0], "platform"]
    others = [p for p in plain.index if p != first]
    pd.testing.assert_frame_equal(
        plain.loc[others].astype("float64"), gapped.loc[others].astype("float64")
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--period", "2025-13"], "--period '2025-13' is not a month or a date range"),
        (["--from", "no/such/file.csv"], "no/such/file.csv|file.csv"),
    ],
)
def test_bad_input_is_refused_with_a_teaching_error(tmp_path, capsys, argv, message):
    assert cli.main(["report", "--out", str(tmp_path / "r"), *argv]) == 2
    assert re.search(message, capsys.readouterr().err)


def test_it_never_writes_into_a_folder_of_other_files(tmp_path, capsys):
    (tmp_path / "notes.md").write_text("mine", encoding="utf-8")
    assert cli.main(["report", "--out", str(tmp_path)]) == 2
    assert "notes.md" in capsys.readouterr().err
    assert (tmp_path / "notes.md").read_text(encoding="utf-8") == "mine"


def test_a_key_number_that_leaves_posts_out_is_marked(run):
    _, _, _, text = run
    # Spend is blank for the boosted or unmarked posts of several exports: not a known 0.
    assert re.search(r"Money spent on boosts and ads BDT [\d,]+ \*", text)
    assert "* Leaves out posts whose exports do not give this figure" in text
    assert re.search(r"Posts published \d+ \d+", text)  # a count of posts is never partial
