"""Real platform exports in: every shape loads with no manual step, figures match the fixtures.

The sample exports in smm_helpers/data/sample_exports/ (and the broken ones in
tests/fixtures/exports/broken/) are written by the project from each platform's documented
columns (a fictional page, Nakshi Kantha House); the expected figures below were added up
by hand from those files.
"""

from __future__ import annotations

import csv
import io
import shutil
from functools import cache
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from smm_helpers.datasets import read_export as datasets_read_export
from smm_helpers.errors import DataError, InputError
from smm_helpers.exports import (
    ClientData,
    describe_export,
    get_shape,
    known_shapes,
    read_export,
    read_exports,
    recognise,
)
from smm_helpers.schema import FOLLOWERS, POSTS

FIXTURES = Path(__file__).resolve().parents[1] / "smm_helpers" / "data" / "sample_exports"
"""The good exports: package data, so the lessons can open them too."""
MAKERS = Path(__file__).parent / "fixtures" / "exports"
BROKEN = MAKERS / "broken"


def fixture(shape_id: str) -> Path:
    """The fixture of a shape: <id>.csv or <id>.xlsx."""
    return next(FIXTURES.glob(f"{shape_id}.*"))


@cache
def _loaded(name: str) -> pd.DataFrame:
    return read_export(FIXTURES / name, client="Nakshi Kantha House")


def loaded(name: str) -> pd.DataFrame:
    """A fixture read once per test session; each test gets its own copy."""
    frame = _loaded(name)
    copy = frame.copy()
    copy.attrs = dict(frame.attrs)
    return copy


def problem_of(excinfo: pytest.ExceptionInfo[DataError]) -> str:
    return str(excinfo.value)


# ------------------------------------------------------------------ every shape loads
@pytest.mark.parametrize("shape_id", [s.id for s in known_shapes()])
def test_every_shape_loads_from_its_fixture_with_no_manual_step(shape_id):
    path = fixture(shape_id)
    assert recognise(path).id == shape_id
    frame = loaded(path.name)
    assert frame.attrs["export_id"] == shape_id
    assert frame.attrs["file"] == path.name
    table = POSTS if get_shape(shape_id).table == "posts" else FOLLOWERS
    names = [c.name for c in table]
    assert list(frame.columns[: len(names)]) == names
    assert {"source_file", "source_line"} <= set(frame.columns)
    assert (frame["client"] == "Nakshi Kantha House").all()
    assert frame["platform"].nunique() == 1
    assert len(frame) >= 3


def test_at_least_two_generations_of_meta_exports_and_two_followers_exports():
    shapes = known_shapes()
    for platform in ("facebook", "instagram", "x", "linkedin"):
        posts = [s for s in shapes if s.platform == platform and s.table == "posts"]
        assert {s.generation for s in posts} == {"current", "recent past"}, platform
    assert len([s for s in shapes if s.table == "followers"]) >= 2


# ------------------------------------------------------------- figures match the files
# (file, column, expected list or sum) added up by hand from the fixture files
SUMS = [
    ("facebook_posts_2025.csv", "impressions", 113714),
    ("facebook_posts_2025.csv", "views", 113714),
    ("facebook_posts_2025.csv", "reactions", 4366),
    ("facebook_posts_2025.csv", "comments", 384),
    ("facebook_posts_2025.csv", "shares", 580),
    ("facebook_posts_2024.csv", "impressions", 55185),
    ("facebook_posts_2024.csv", "reach", 41500),
    ("instagram_posts_2025.csv", "impressions", 104020),
    ("instagram_posts_2025.csv", "reach", 65730),
    ("instagram_posts_2025.csv", "reactions", 6329),
    ("instagram_posts_2025.csv", "shares", 582),
    ("instagram_posts_2025.csv", "saves", 1248),
    ("instagram_posts_2024.csv", "impressions", 53780),
    ("x_posts_2024.csv", "impressions", 23515),
    ("x_posts_2024.csv", "shares", 163),
    ("x_posts_2024.csv", "saves", 70),
    ("x_posts_2024.csv", "link_clicks", 137),
    ("x_posts_2024.csv", "reactions", 621),
    ("x_posts_2024.csv", "comments", 104),
    ("x_tweet_activity_2020.csv", "impressions", 10189),
    ("x_tweet_activity_2020.csv", "reactions", 229),
    ("x_tweet_activity_2020.csv", "shares", 35),
    ("x_tweet_activity_2020.csv", "link_clicks", 64),
    ("linkedin_posts_2024.xlsx", "impressions", 19265),
    ("linkedin_posts_2024.xlsx", "reactions", 346),
    ("linkedin_posts_2024.xlsx", "comments", 59),
    ("linkedin_posts_2024.xlsx", "shares", 36),
    ("linkedin_posts_2023.xlsx", "impressions", 9710),
    ("linkedin_posts_2023.xlsx", "reactions", 232),
    ("linkedin_posts_2023.xlsx", "shares", 20),
    ("tiktok_content.csv", "impressions", 153115),
    ("tiktok_content.csv", "video_views", 153115),
    ("tiktok_content.csv", "reactions", 10104),
    ("tiktok_content.csv", "shares", 405),
    ("tiktok_content.csv", "saves", 2140),
    ("youtube_table_data.csv", "video_views", 31580),
    ("youtube_table_data.csv", "impressions", 402330),
    ("youtube_table_data.csv", "reactions", 1523),
    ("youtube_table_data.csv", "comments", 187),
    ("youtube_table_data.csv", "shares", 266),
    ("facebook_follows.csv", "new_followers", 152),
    ("instagram_follows.csv", "new_followers", 110),
    ("linkedin_followers_2024.xlsx", "new_followers", 89),
]


@pytest.mark.parametrize(("name", "column", "expected"), SUMS)
def test_figures_equal_the_hand_added_fixture(name, column, expected):
    values = loaded(name)[column]
    assert values.dtype == "int64", f"{column} is fully known, so it is int64"
    assert int(values.sum()) == expected


def test_facebook_rows_are_typed_like_the_course():
    posts = loaded("facebook_posts_2025.csv")
    assert posts["post_id"].iloc[0] == "122101234567890001"
    assert posts["format"].tolist() == [
        "image",
        "short_video",
        "link",
        "text",
        "image",
        "link",
        "short_video",
        "image",
    ]
    assert posts["boosted"].dtype == bool
    assert posts["boosted"].tolist() == [False, True, False, False, True, False, False, False]
    assert str(posts["published_at"].dtype) == "datetime64[ns, Asia/Dhaka]"
    # 03/28/2025 20:15 in Pacific daylight time is 03:15 UTC, 09:15 in Dhaka the next day
    assert posts["published_at"].iloc[0].isoformat() == "2025-03-29T09:15:00+06:00"
    assert posts["language"].iloc[0] == "bn" and posts["language"].iloc[1] == "en"
    assert (posts["pillar"] == "unknown").all()
    assert posts["source_line"].tolist() == list(range(2, 10))
    assert posts["time_known"].all()


def test_times_with_an_offset_and_iso_times_are_converted_to_dhaka():
    tweets = loaded("x_tweet_activity_2020.csv")
    assert tweets["published_at"].iloc[0].isoformat() == "2021-11-15T18:30:00+06:00"
    instagram = loaded("instagram_posts_2024.csv")  # ISO 2024-11-05T19:00:00, Pacific
    assert instagram["published_at"].iloc[0].isoformat() == "2024-11-06T09:00:00+06:00"
    tiktok = loaded("tiktok_content.csv")  # UTC
    assert tiktok["published_at"].iloc[3].isoformat() == "2025-04-14T08:00:00+06:00"
    assert tiktok["post_id"].iloc[0] == "7486000000000000001"


def test_a_day_without_a_time_is_kept_as_that_day_and_flagged():
    posts = loaded("x_posts_2024.csv")
    assert posts["published_at"].iloc[0].isoformat() == "2025-03-28T00:00:00+06:00"
    assert not posts["time_known"].any()
    assert any("not the time" in note for note in posts.attrs["notes"])


def test_timezone_argument_overrides_the_shapes_zone():
    posts = read_export(fixture("facebook_posts_2025"), timezone="Asia/Dhaka")
    assert posts["published_at"].iloc[0].isoformat() == "2025-03-28T20:15:00+06:00"
    assert any("your timezone=" in note for note in posts.attrs["notes"])
    with pytest.raises(InputError, match="'Dhaka' is not a time zone"):
        read_export(fixture("facebook_posts_2025"), timezone="Dhaka")


# ----------------------------------------------------- views / impressions kept distinct
def test_views_and_impressions_stay_distinct_when_the_export_has_both():
    posts = loaded("instagram_posts_2024.csv")
    assert posts["impressions"].tolist() == [5310, 8120, 19400, 7050, 13900]
    assert posts["views"].tolist()[2:] == [24880, 8210, 17450]
    assert posts["views"].iloc[:2].isna().all()
    assert posts.attrs["filled_from"]["impressions"] == "Impressions"
    assert posts.attrs["filled_from"]["views"] == "Views"


def test_views_stand_in_for_impressions_only_when_the_export_has_no_impressions():
    posts = loaded("facebook_posts_2025.csv")
    assert posts["impressions"].equals(posts["views"])
    assert posts.attrs["filled_from"]["impressions"] == "Views"
    assert any("course's convention" in note for note in posts.attrs["notes"])
    older = loaded("facebook_posts_2024.csv")
    assert older["views"].isna().all() and "views" in older.attrs["unknown"]


def test_viewers_fill_reach_only_when_there_is_no_reach(tmp_path):
    text = fixture("facebook_posts_2025").read_text(encoding="utf-8")
    only_viewers = tmp_path / "viewers.csv"
    only_viewers.write_text(text.replace(",Views,Reach,", ",Views,Viewers,", 1), encoding="utf-8")
    posts = read_export(only_viewers)
    assert posts["reach"].iloc[0] == 8930 and posts["viewers"].iloc[0] == 8930
    both = tmp_path / "both.csv"
    lines = text.splitlines()
    both.write_text(
        "\n".join([lines[0] + ",Viewers"] + [line + ",7000" for line in lines[1:]]),
        encoding="utf-8",
    )
    posts = read_export(both)
    assert posts["reach"].iloc[0] == 8930 and posts["viewers"].iloc[0] == 7000


def test_rows_with_reach_above_impressions_are_kept_and_noted():
    posts = loaded("facebook_posts_2024.csv")
    assert posts.loc[4, "reach"] > posts.loc[4, "impressions"]
    assert any("reach above impressions (lines 6)" in note for note in posts.attrs["notes"])


# --------------------------------------------------------------- unknown stays unknown
def test_unknown_values_stay_nan_never_zero():
    posts = loaded("facebook_posts_2025.csv")
    assert posts["reach"].dtype == "float64" and np.isnan(posts["reach"].iloc[7])  # "--"
    # a blank Link clicks on a link post is unknown; on a photo it is 0 (nothing to click)
    assert np.isnan(posts["link_clicks"].iloc[5])
    assert posts["link_clicks"].iloc[0] == 0 and posts["link_clicks"].iloc[2] == 211
    assert posts["saves"].isna().all() and posts["followers"].isna().all()
    assert {"saves", "followers", "pillar"} <= set(posts.attrs["unknown"])
    assert posts.attrs["partly_unknown"]["reach"] == 1
    tiktok = loaded("tiktok_content.csv")
    assert np.isnan(tiktok["reach"].iloc[4])  # "--"


def test_blank_means_zero_only_where_the_metric_does_not_apply():
    older = loaded("facebook_posts_2024.csv")
    assert older["video_views"].tolist() == [0, 0, 6430, 0, 0, 0]
    instagram = loaded("instagram_posts_2024.csv")
    plays = instagram["video_views"]
    assert plays.iloc[:4].tolist() == [0, 0, 16300, 0] and np.isnan(plays.iloc[4])  # a reel


def test_youtube_total_row_is_dropped_and_a_file_without_it_loads_the_same():
    posts = loaded("youtube_table_data.csv")
    assert "Total" not in posts["post_id"].tolist() and len(posts) == 5
    assert any("'Total' row (line 2)" in note for note in posts.attrs["notes"])
    assert posts["format"].tolist() == ["video", "video", "short_video", "video", "video"]
    without = read_export(BROKEN / "youtube_no_total_row.csv")
    assert without["video_views"].tolist() == posts["video_views"].tolist()


def test_linkedin_xlsx_without_its_description_row_still_loads_and_says_so():
    posts = read_export(BROKEN / "linkedin_no_description_row.xlsx")
    assert posts.attrs["export_id"] == "linkedin_posts_2024"
    assert posts["impressions"].tolist() == [2410, 1875, 9320]
    assert any("usually has 1" in note for note in posts.attrs["notes"])


def test_linkedin_posts_map_type_and_sponsorship():
    posts = loaded("linkedin_posts_2024.xlsx")
    assert posts["post_id"].iloc[0] == "7311000000000000001"
    assert posts["format"].tolist() == ["image", "text", "carousel", "video", "link", "text"]
    assert posts["boosted"].tolist() == [False, False, True, False, False, False]
    assert posts["video_views"].tolist() == [0, 0, 0, 1220, 0, 0]
    assert posts["published_at"].iloc[0].isoformat() == "2025-03-27T00:00:00+06:00"


def test_followers_exports():
    tiktok = loaded("tiktok_follower_history.csv")
    assert tiktok["followers"].dtype == "int64" and tiktok["followers"].iloc[-1] == 14460
    assert str(tiktok["date"].dtype) == "datetime64[ns]"
    meta = loaded("facebook_follows.csv")
    assert meta["followers"].isna().all() and meta["date"].iloc[0] == pd.Timestamp("2025-03-28")
    assert loaded("instagram_follows.csv")["platform"].iloc[0] == "instagram"


def test_dates_without_a_year_take_the_latest_year_not_in_the_future():
    days = read_export(BROKEN / "tiktok_follower_history_no_year.csv")
    today = pd.Timestamp.now(tz="Asia/Dhaka").tz_localize(None).normalize()
    assert (days["date"] <= today).all()
    assert days["date"].dt.strftime("%m-%d").tolist() == ["08-28", "08-29", "08-30"]
    assert any("without a year" in note for note in days.attrs["notes"])


def test_committed_xlsx_fixtures_are_what_make_xlsx_writes(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_xlsx", MAKERS / "make_xlsx.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for path in module.main(tmp_path):
        committed = module.target(path.relative_to(tmp_path).as_posix())
        fresh, kept = (openpyxl.load_workbook(p, read_only=True) for p in (path, committed))
        assert fresh.sheetnames == kept.sheetnames, committed.name
        for name in fresh.sheetnames:
            assert list(fresh[name].values) == list(kept[name].values), committed.name


def test_recognition_ignores_case_spaces_and_bom(tmp_path):
    text = fixture("x_tweet_activity_2020").read_text(encoding="utf-8")
    header, rest = text.split("\n", 1)
    messy = tmp_path / "messy.csv"
    messy.write_text(
        "\ufeff" + ",".join(f" {h.upper()} " for h in header.split(",")) + "\n" + rest,
        encoding="utf-8",
    )
    assert read_export(messy)["impressions"].sum() == 10189


def test_your_own_shape_file_reads_a_post_type_the_shipped_one_lacks(tmp_path):
    shipped = Path(get_shape("facebook_posts_2025").source)
    own = tmp_path / "mine.toml"
    source = Path(__file__).parents[1] / "smm_helpers" / "exports" / "shapes" / shipped
    own.write_text(
        source.read_text(encoding="utf-8").replace(
            "[formats]\n", '[formats]\n"Hologram" = "video"\n'
        ),
        encoding="utf-8",
    )
    posts = read_export(BROKEN / "facebook_unknown_post_type.csv", shape=own)
    assert posts["format"].iloc[3] == "video"


# --------------------------------------------------------------------- broken variants
BROKEN_CASES = [
    # file, line, column, words in the problem, words in the fix
    ("facebook_bad_number.csv", 8, "Views", "'22.4k' is not a number", "whole number"),
    (
        "facebook_unknown_post_type.csv",
        5,
        "Post type",
        "'Hologram' is not a post type",
        "[formats]",
    ),
    (
        "instagram_unreadable_date.csv",
        6,
        "Publish time",
        "'18/04/2025 21:15' is not a date",
        "'03/28/2025 20:15'",
    ),
    ("x_missing_column.csv", 1, "Impressions", "closest is X post analytics", "header row"),
    ("facebook_excel_ids.csv", 4, "Post ID", "rounded by a spreadsheet", "as Text"),
    ("facebook_repeated_post.csv", 10, "Post ID", "appears twice (also line 4)", "once"),
    (
        "facebook_bad_boolean.csv",
        3,
        "Funded content status",
        "'Maybe' is not a yes or no",
        "boosted",
    ),
    (
        "linkedin_bad_content_type.xlsx",
        4,
        "Content Type",
        "'Hologram' is not a post type",
        "[formats]",
    ),
    ("not_utf8.csv", 2, None, "not UTF-8", "CSV UTF-8"),
    ("empty.csv", 1, None, "the file is empty", "download the export again"),
    ("header_only.csv", 1, None, "no data rows", "date range"),
    ("report.pdf", 1, None, "not a CSV or xlsx export", "not a PDF"),
    ("old_excel.xls", 1, None, "old Excel workbook", "save it as .xlsx"),
    ("not_an_export.csv", 1, None, "does not recognise this export", "YouTube Studio"),
]


@pytest.mark.parametrize(("name", "line", "column", "problem", "fix"), BROKEN_CASES)
def test_broken_export_names_file_line_column_and_fix(name, line, column, problem, fix):
    with pytest.raises(DataError) as excinfo:
        read_export(BROKEN / name)
    error = excinfo.value
    assert (error.file, error.line, error.column) == (name, line, column)
    assert problem in error.problem
    assert fix in error.fix


def test_several_problems_show_the_first_few_and_the_count():
    with pytest.raises(DataError) as excinfo:
        read_export(BROKEN / "tiktok_several_problems.csv")
    message = problem_of(excinfo)
    assert message.startswith(
        "tiktok_several_problems.csv, line 2, column 'Total views': "
        "'lots' is not a number (4 problems in all; also line 3"
    )
    assert "'-5' is below 0" in message and "'sometime' is not a date" in message
    assert "'13O' is not a number" in message


def test_a_forced_shape_names_the_headers_the_file_lacks():
    with pytest.raises(DataError, match=r"lacks its header.*'Post ID'"):
        read_export(fixture("tiktok_content"), shape="facebook_posts_2025")


# ---------------------------------------------------------------------- several files
def test_read_exports_combines_platforms_and_fills_followers_from_the_followers_export():
    data = read_exports(
        [
            fixture("tiktok_content"),
            fixture("facebook_posts_2025"),
            fixture("tiktok_follower_history"),
            fixture("facebook_follows"),
        ],
        client="Nakshi Kantha House",
    )
    assert isinstance(data, ClientData) and data.inbox is None and data.campaigns is None
    posts = data.posts
    assert len(posts) == 14 and posts["published_at"].is_monotonic_increasing
    assert posts["impressions"].sum() == 153115 + 113714
    tiktok = posts[posts["platform"] == "tiktok"].set_index("post_id")
    # last TikTok count on or before each post's Dhaka day
    assert tiktok.loc["7486000000000000001", "followers"] == 12480  # 29 March
    assert tiktok.loc["7489000000000000003", "followers"] == 13402  # 6 April
    assert tiktok.loc["7493000000000000005", "followers"] == 14205  # 19 April
    assert posts.loc[posts["platform"] == "facebook", "followers"].isna().all()
    assert posts.attrs["followers_filled_from"] == "tiktok_follower_history.csv"
    assert any("filled from tiktok_follower_history.csv" in n for n in posts.attrs["notes"])
    assert len(data.followers) == 20
    assert [s["export_id"] for s in data.sources] == [
        "tiktok_content",
        "facebook_posts_2025",
        "tiktok_follower_history",
        "facebook_follows",
    ]


def test_the_same_post_in_two_files_is_an_error_naming_both(tmp_path):
    copy = tmp_path / "facebook_again.csv"
    shutil.copy(fixture("facebook_posts_2025"), copy)
    with pytest.raises(DataError) as excinfo:
        read_exports([fixture("facebook_posts_2025"), copy])
    message = problem_of(excinfo)
    assert "is in both facebook_posts_2025.csv (line 2) and facebook_again.csv (line 2)" in message
    assert "8 posts are repeated" in message and "How to fix it: read each post once" in message


def test_read_exports_wants_a_list():
    with pytest.raises(InputError, match="takes a list of files"):
        read_exports(str(fixture("tiktok_content")))  # type: ignore[arg-type]


def test_describe_export_says_what_was_read():
    text = describe_export(loaded("facebook_posts_2025.csv"))
    assert "facebook_posts_2025.csv" in text and "8 posts (Facebook)" in text
    assert "29 Mar 2025 to 01 May 2025" in text
    assert "impressions ← 'Views'" in text and "Unknown" in text and "saves" in text
    both = describe_export(
        read_exports([fixture("youtube_table_data"), fixture("linkedin_followers_2024")])
    )
    assert "5 posts" in both and "10 follower rows" in both and "'Total' row" in both
    with pytest.raises(InputError):
        describe_export(pd.DataFrame({"a": [1]}))


# ----------------------------------------------------------- smm_helpers.datasets delegate
def test_datasets_read_export_without_columns_reads_a_platform_export():
    posts = datasets_read_export(fixture("facebook_posts_2025"), client="Nakshi Kantha House")
    assert posts.attrs["export_id"] == "facebook_posts_2025"
    assert posts["impressions"].sum() == 113714
    with pytest.raises(DataError, match="a posts export, not a followers table"):
        datasets_read_export(fixture("facebook_posts_2025"), "followers")


def test_semicolon_and_tab_separated_utf16_files_are_read(tmp_path):
    rows = fixture("tiktok_follower_history").read_text(encoding="utf-8").splitlines()
    parsed = list(csv.reader(io.StringIO("\n".join(rows))))
    semicolons = tmp_path / "followers_semicolon.csv"
    semicolons.write_text("\n".join(";".join(r) for r in parsed), encoding="utf-8")
    assert read_export(semicolons)["followers"].iloc[-1] == 14460
    tabs = tmp_path / "follows_tabs.csv"
    text = 'sep=\t\n"Facebook follows"\n"Date"\t"Primary"\n"2025-03-28T00:00:00"\t"14"\n'
    tabs.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    assert read_export(tabs)["new_followers"].tolist() == [14]


def test_client_data_shows_itself_in_a_notebook():
    data = read_exports([fixture("x_posts_2024")], client="Nakshi Kantha House")
    assert repr(data).startswith("ClientData('Nakshi Kantha House': 6 posts")
    assert data._repr_html_().startswith("<pre>Client data for Nakshi Kantha House")
