"""Loaders, validation and learner exports: good files load typed, bad files explain themselves."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smm_helpers.datasets import (
    generate,
    load_campaigns,
    load_course_data,
    load_followers,
    load_inbox,
    load_posts,
    read_export,
    validate,
)
from smm_helpers.errors import DataError, InputError

POSTS_HEADER = (
    "post_id,client,published_at,platform,format,pillar,language,caption,followers,"
    "impressions,reach,reactions,comments,shares,saves,link_clicks,video_views,"
    "boosted,spend"
)


def post_row(post_id: str = "NP-FB-000001", **changes: object) -> str:
    values = {
        "post_id": post_id,
        "client": "nonprofit",
        "published_at": "2025-02-21T10:30:00+06:00",
        "platform": "facebook",
        "format": "image",
        "pillar": "events",
        "language": "en",
        "caption": "Story hour today",
        "followers": 1000,
        "impressions": 400,
        "reach": 300,
        "reactions": 10,
        "comments": 2,
        "shares": 1,
        "saves": 0,
        "link_clicks": 0,
        "video_views": 0,
        "boosted": "False",
        "spend": 0.0,
    }
    values.update(changes)
    return ",".join(str(values[name]) for name in POSTS_HEADER.split(","))


def write(tmp_path: Path, text: str | bytes, name: str = "posts.csv") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def posts_file(tmp_path: Path, *rows: str, header: str = POSTS_HEADER) -> Path:
    return write(tmp_path, "\n".join([header, *rows]) + "\n")


# ---------------------------------------------------------------- the committed data
def test_committed_csvs_equal_a_fresh_generate():
    committed, fresh = load_course_data(), generate()
    for name in ("posts", "followers", "inbox", "campaigns"):
        pd.testing.assert_frame_equal(getattr(committed, name), getattr(fresh, name))


def test_committed_csvs_are_utf8_with_dhaka_offsets():
    text = (
        (Path(__file__).resolve().parents[1] / "smm_helpers" / "data" / "posts.csv")
        .read_bytes()
        .decode("utf-8")
    )
    second_line = text.splitlines()[1]
    assert re.search(r",\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+06:00,", second_line)


def test_loaders_return_typed_tables():
    posts = load_posts()
    assert str(posts["published_at"].dtype) == "datetime64[ns, Asia/Dhaka]"
    assert posts["reach"].dtype == "int64" and posts["spend"].dtype == "float64"
    assert posts["boosted"].dtype == bool
    assert str(load_followers()["date"].dtype) == "datetime64[ns]"
    assert load_inbox()["responded_at"].isna().any()
    assert str(load_campaigns()["end_date"].dtype) == "datetime64[ns]"


@pytest.mark.parametrize("loader", [load_posts, load_followers, load_inbox, load_campaigns])
def test_client_filter_keeps_only_that_client(loader):
    frame = loader(client="business")
    assert len(frame) > 0
    assert set(frame["client"]) == {"business"}
    assert frame.index.equals(pd.RangeIndex(len(frame)))


def test_unknown_client_names_the_allowed_ones():
    with pytest.raises(InputError, match=r"'ngo' is not a client(?s:.)*nonprofit, business"):
        load_posts(client="ngo")


@settings(max_examples=5, deadline=None)
@given(seed=st.integers(0, 10_000), learner=st.none() | st.sampled_from(["a1", "zz-9", "রহিম"]))
def test_generated_data_survives_a_csv_round_trip(tmp_path_factory, seed, learner):
    folder = tmp_path_factory.mktemp("round")
    data = generate(1_000, seed=seed, learner_id=learner)
    data.to_csv(folder)
    back = load_course_data(folder)
    for name in ("posts", "followers", "inbox", "campaigns"):
        pd.testing.assert_frame_equal(getattr(back, name), getattr(data, name))


def test_course_data_shows_its_tables():
    text = repr(load_course_data())
    assert text.startswith("CourseData(") and ".posts" in text and "rows" in text
    assert "<table>" in load_course_data()._repr_html_()


# ---------------------------------------------------------------- a good small file
def test_a_small_valid_file_loads_with_dhaka_times(tmp_path):
    path = posts_file(
        tmp_path,
        post_row(),
        post_row("NP-FB-000002", published_at="2025-02-21T04:30:00Z", boosted="true", spend=250),
    )
    posts = load_posts(path)
    assert posts["published_at"].dt.hour.tolist() == [10, 10]
    assert posts["boosted"].tolist() == [False, True]
    assert posts["spend"].tolist() == [0.0, 250.0]


def test_loading_does_not_touch_the_file(tmp_path):
    path = posts_file(tmp_path, post_row())
    before = path.read_bytes()
    load_posts(path)
    assert path.read_bytes() == before


# ---------------------------------------------------------------- bad files
def problem(excinfo: pytest.ExceptionInfo[DataError]) -> str:
    return str(excinfo.value)


def test_missing_column_is_named_with_the_columns_needed(tmp_path):
    header = POSTS_HEADER.replace(",reach,", ",")
    row = post_row().split(",")
    del row[10]
    with pytest.raises(DataError) as excinfo:
        load_posts(posts_file(tmp_path, ",".join(row), header=header))
    message = problem(excinfo)
    assert message.startswith(
        "posts.csv, line 1, column 'reach': the posts table has no column 'reach'."
    )
    assert "How to fix it: add the column" in message
    assert excinfo.value.column == "reach"


def test_misspelt_column_gets_a_suggestion(tmp_path):
    header = POSTS_HEADER.replace(",reach,", ",raech,")
    with pytest.raises(DataError, match="did you mean 'raech'"):
        load_posts(posts_file(tmp_path, post_row(), header=header))


def test_reach_above_impressions_names_the_line_and_both_values(tmp_path):
    rows = [post_row(f"NP-FB-{i:06d}") for i in range(1, 12)]
    rows.append(post_row("NP-FB-000012", reach=5000, impressions=4000))
    with pytest.raises(DataError) as excinfo:
        load_posts(posts_file(tmp_path, *rows))
    assert problem(excinfo).startswith(
        "posts.csv, line 13, column 'reach': reach (5000) is above impressions (4000).\n"
        "How to fix it: reach counts unique people"
    )
    assert excinfo.value.line == 13


def test_several_bad_rows_show_the_first_few_and_the_total(tmp_path):
    rows = [post_row(f"NP-FB-{i:06d}", reach=900, impressions=100) for i in range(1, 9)]
    with pytest.raises(DataError) as excinfo:
        load_posts(posts_file(tmp_path, *rows))
    message = problem(excinfo)
    assert "line 2, column 'reach'" in message
    assert "(8 problems in all;" in message
    assert "line 6, column 'reach': reach (900) is above impressions (100)" in message
    assert "line 9" not in message


def test_negative_count_is_refused(tmp_path):
    with pytest.raises(DataError, match=r"line 2, column 'shares': shares is negative \(-4\)"):
        load_posts(posts_file(tmp_path, post_row(shares=-4)))


def test_fractional_count_is_refused(tmp_path):
    with pytest.raises(DataError, match=r"column 'comments': comments \(2.5\) is not a whole"):
        load_posts(posts_file(tmp_path, post_row(comments=2.5)))


def test_text_in_a_number_column_is_a_wrong_type(tmp_path):
    with pytest.raises(DataError) as excinfo:
        load_posts(posts_file(tmp_path, post_row(impressions="12k")))
    assert "line 2, column 'impressions': '12k' is not a number" in problem(excinfo)
    assert "digits only" in problem(excinfo)


def test_negative_money_is_refused(tmp_path):
    with pytest.raises(DataError, match="column 'spend': spend is negative"):
        load_posts(posts_file(tmp_path, post_row(spend=-10)))


def test_yes_no_that_is_neither_is_refused(tmp_path):
    with pytest.raises(DataError, match="column 'boosted': 'maybe' is not true or false"):
        load_posts(posts_file(tmp_path, post_row(boosted="maybe")))


def test_unparseable_date_is_named(tmp_path):
    with pytest.raises(DataError) as excinfo:
        load_posts(posts_file(tmp_path, post_row(published_at="21st Feb")))
    assert problem(excinfo).startswith(
        "posts.csv, line 2, column 'published_at': '21st Feb' is not a date and time."
    )
    assert "ISO 8601" in problem(excinfo)


def test_timestamp_without_time_zone_is_refused_by_the_loader(tmp_path):
    with pytest.raises(DataError) as excinfo:
        load_posts(posts_file(tmp_path, post_row(published_at="2025-02-21 10:30")))
    assert "'2025-02-21 10:30' has no time zone" in problem(excinfo)
    assert "read_export" in problem(excinfo)


def test_unknown_platform_lists_the_platforms(tmp_path):
    with pytest.raises(DataError) as excinfo:
        load_posts(posts_file(tmp_path, post_row(platform="tiktokk")))
    message = problem(excinfo)
    assert "line 2, column 'platform': 'tiktokk' is not a platform SMM Lab knows" in message
    assert "facebook, instagram, x, linkedin, youtube, tiktok" in message
    assert "did you mean 'tiktok'" in message


def test_duplicate_id_names_both_rows(tmp_path):
    with pytest.raises(DataError) as excinfo:
        load_posts(posts_file(tmp_path, post_row("A1"), post_row("B2"), post_row("A1")))
    assert problem(excinfo).startswith(
        "posts.csv, line 4, column 'post_id': post_id 'A1' appears twice (first at data row 1)"
    )


def test_empty_required_value_is_refused(tmp_path):
    with pytest.raises(DataError, match="line 2, column 'caption': caption is empty"):
        load_posts(posts_file(tmp_path, post_row(caption="")))


@pytest.mark.parametrize("content", ["", "   \n\n"])
def test_empty_file_is_refused(tmp_path, content):
    with pytest.raises(DataError, match=r"^posts.csv: the file is empty.\nHow to fix it"):
        load_posts(write(tmp_path, content))


def test_non_utf8_bytes_name_the_line_and_the_fix(tmp_path):
    good = (POSTS_HEADER + "\n" + post_row() + "\n").encode("utf-8")
    bad = post_row("NP-FB-000002", caption="caf\u00e9").encode("latin-1")
    with pytest.raises(DataError) as excinfo:
        load_posts(write(tmp_path, good + bad + b"\n"))
    assert problem(excinfo).startswith(
        "posts.csv, line 3: the file is not UTF-8 text: byte 0xe9 cannot be read."
    )
    assert "CSV UTF-8" in problem(excinfo)


def test_file_that_does_not_exist_is_a_data_error(tmp_path):
    with pytest.raises(DataError, match="there is no file at"):
        load_posts(tmp_path / "missing.csv")


def test_ragged_row_is_a_malformed_csv(tmp_path):
    with pytest.raises(DataError, match="not a well-formed CSV"):
        load_posts(posts_file(tmp_path, post_row() + ",extra,more"))


def test_campaign_rules_are_checked(tmp_path):
    header = (
        "campaign_id,client,platform,objective,start_date,end_date,budget,spend,"
        "impressions,clicks,conversions,conversion_value"
    )
    rows = [
        "C1,business,facebook,sales,2025-03-10,2025-03-01,1000,900,20000,150,5,7000",
        "C2,business,facebook,sales,2025-03-01,2025-03-10,1000,900,100,150,5,7000",
        "C3,business,facebook,sales,2025-03-01,2025-03-10,1000,900,20000,150,200,7000",
    ]
    path = write(tmp_path, "\n".join([header, *rows]) + "\n", "campaigns.csv")
    with pytest.raises(DataError) as excinfo:
        load_campaigns(path)
    message = problem(excinfo)
    assert message.startswith(
        "campaigns.csv, line 2, column 'end_date': end_date (2025-03-01) "
        "is before start_date (2025-03-10)"
    )
    assert "line 3, column 'clicks': clicks (150) is above impressions (100)" in message
    assert "line 4, column 'conversions': conversions (200) is above clicks (150)" in message


def test_reply_before_the_message_is_refused(tmp_path):
    header = "message_id,client,platform,received_at,responded_at,category,language,text"
    row = (
        "M1,nonprofit,facebook,2025-01-02T10:00:00+06:00,2025-01-02T09:00:00+06:00,"
        "question,en,Hello?"
    )
    with pytest.raises(DataError, match="line 2, column 'responded_at': responded_at"):
        load_inbox(write(tmp_path, f"{header}\n{row}\n", "inbox.csv"))


def test_unanswered_message_may_leave_responded_at_empty(tmp_path):
    header = "message_id,client,platform,received_at,responded_at,category,language,text"
    row = "M1,nonprofit,facebook,2025-01-02T10:00:00+06:00,,spam,en,Buy followers"
    inbox = load_inbox(write(tmp_path, f"{header}\n{row}\n", "inbox.csv"))
    assert inbox["responded_at"].isna().tolist() == [True]


# ---------------------------------------------------------------- validate() in memory
def test_validate_returns_a_typed_copy_and_leaves_the_input_alone():
    raw = load_posts().head(5).astype({"reach": "float64", "platform": str})
    before = raw.copy()
    checked = validate(raw, "posts")
    assert checked["reach"].dtype == "int64"
    pd.testing.assert_frame_equal(raw, before)


def test_validate_names_the_row_by_its_index_label():
    frame = load_posts().head(3).set_axis(["a", "b", "c"])
    frame.loc["b", "reach"] = frame.loc["b", "impressions"] + 1
    with pytest.raises(DataError, match=r"^<DataFrame>, column 'reach': row b: reach \("):
        validate(frame, "posts")


def test_validate_refuses_naive_timestamps_in_memory():
    frame = load_followers().head(2)
    inbox = load_inbox().head(2)
    inbox["received_at"] = inbox["received_at"].dt.tz_localize(None)
    assert len(validate(frame, "followers")) == 2
    with pytest.raises(DataError, match="has no time zone"):
        validate(inbox, "inbox")


def test_validate_converts_other_time_zones_to_dhaka():
    inbox = load_inbox().head(3)
    shifted = inbox.assign(received_at=inbox["received_at"].dt.tz_convert("UTC"))
    assert validate(shifted, "inbox")["received_at"].equals(inbox["received_at"])


def test_validate_refuses_a_table_it_does_not_know():
    with pytest.raises(InputError, match="'likes' is not a table"):
        validate(pd.DataFrame(), "likes")


def test_validate_refuses_something_that_is_not_a_dataframe():
    with pytest.raises(InputError, match="expected a pandas DataFrame, got list"):
        validate([1, 2], "posts")  # type: ignore[arg-type]


# ---------------------------------------------------------------- read_export
EXPORT = (
    "Post ID,Page,Posted,Network,Type,Theme,Lang,Text,Fans,Impressions,Reach,Likes,Comments,"
    "Shares,Saves,Clicks,Views,Promoted,Amount spent,Notes\n"
    'P1,Business,2025-04-14 09:15,Facebook,Image,offers,EN,Noboborsho offer!,"45,120",'
    '"3,400",2500,80,4,6,1,12,0,Yes,500,first\n'
    "P2,business,2025-04-15 21:40:00,Twitter,text,tips,bn,ঘর সাজানোর টিপস,5000,900,800,"
    "7,1,2,0,0,0,no,0,\n"
)
MAPPING = {
    "Post ID": "post_id",
    "Page": "client",
    "Posted": "published_at",
    "Network": "platform",
    "Type": "format",
    "Theme": "pillar",
    "Lang": "language",
    "Text": "caption",
    "Fans": "followers",
    "Impressions": "impressions",
    "Reach": "reach",
    "Likes": "reactions",
    "Comments": "comments",
    "Shares": "shares",
    "Saves": "saves",
    "Clicks": "link_clicks",
    "Views": "video_views",
    "Promoted": "boosted",
    "Amount spent": "spend",
}


def test_read_export_maps_columns_and_localises_naive_times(tmp_path):
    posts = read_export(write(tmp_path, EXPORT, "export.csv"), "posts", columns=MAPPING)
    assert posts["post_id"].tolist() == ["P1", "P2"]
    assert posts["platform"].tolist() == ["facebook", "x"]
    assert posts["followers"].tolist() == [45120, 5000]
    assert posts["boosted"].tolist() == [True, False]
    assert [t.isoformat() for t in posts["published_at"]] == [
        "2025-04-14T09:15:00+06:00",
        "2025-04-15T21:40:00+06:00",
    ]
    assert "Notes" not in posts.columns


def test_read_export_reads_naive_times_in_the_given_zone(tmp_path):
    posts = read_export(write(tmp_path, EXPORT, "export.csv"), columns=MAPPING, timezone="UTC")
    assert posts["published_at"].iloc[0].isoformat() == "2025-04-14T15:15:00+06:00"


def test_read_export_fills_columns_the_export_lacks(tmp_path):
    mapping = {k: v for k, v in MAPPING.items() if v not in ("client", "saves")}
    posts = read_export(
        write(tmp_path, EXPORT, "export.csv"),
        columns=mapping,
        fill={"client": "business", "saves": 0},
    )
    assert posts["client"].tolist() == ["business", "business"]
    assert posts["saves"].tolist() == [0, 0]


def test_read_export_names_a_mapped_column_the_file_lacks(tmp_path):
    with pytest.raises(DataError) as excinfo:
        read_export(
            write(tmp_path, EXPORT, "export.csv"), columns={**MAPPING, "Post id": "post_id"}
        )
    message = problem(excinfo)
    assert message.startswith(
        "export.csv, line 1, column 'Post id': the file has no column 'Post id'."
    )
    assert "did you mean 'Post ID'" in message


def test_read_export_refuses_a_target_that_is_not_a_schema_column(tmp_path):
    with pytest.raises(InputError, match="'likes' is not a posts column SMM Lab knows"):
        read_export(write(tmp_path, EXPORT, "export.csv"), columns={"Likes": "likes"})


def test_read_export_says_which_schema_columns_are_still_missing(tmp_path):
    mapping = {k: v for k, v in MAPPING.items() if v != "reach"}
    with pytest.raises(DataError, match="the posts table has no column 'reach'"):
        read_export(write(tmp_path, EXPORT, "export.csv"), columns=mapping)


def test_read_export_refuses_an_unknown_time_zone(tmp_path):
    with pytest.raises(InputError, match="'Dhaka' is not a time zone"):
        read_export(write(tmp_path, EXPORT, "export.csv"), columns=MAPPING, timezone="Dhaka")


def test_read_export_still_checks_values(tmp_path):
    bad = EXPORT.replace("2500,80", "9000,80")
    with pytest.raises(DataError, match=r"line 2, column 'reach': reach \(9000\) is above"):
        read_export(write(tmp_path, bad, "export.csv"), columns=MAPPING)
