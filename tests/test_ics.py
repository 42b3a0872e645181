"""iCalendar export: structure, VTIMEZONE, UIDs, round trip (icalendar as the reference)."""

from __future__ import annotations

from datetime import UTC, datetime

import icalendar
import pandas as pd
import pytest

from smm_helpers.errors import DataError, InputError
from smm_helpers.planning.calendar import build_calendar
from smm_helpers.planning.ics import event_uid, events_to_ics, read_ics, write_ics

STAMP = datetime(2026, 11, 22, 6, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def calendar():
    return build_calendar("2026-12-07", 2, ["facebook", "instagram"], language="bn")


def parse(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


def test_calendar_has_the_required_properties_and_a_vtimezone(calendar):
    ical = parse(events_to_ics(calendar.events, timezone="Asia/Dhaka", stamp=STAMP))
    assert str(ical["VERSION"]) == "2.0"
    assert str(ical["PRODID"]).startswith("-//SMM Lab//")
    assert str(ical["CALSCALE"]) == "GREGORIAN"
    assert [tz.tz_name for tz in ical.timezones] == ["Asia/Dhaka"]
    assert ical.get_missing_tzids() == set()


def test_every_event_has_uid_stamp_times_summary_description_categories(calendar):
    ical = parse(events_to_ics(calendar.events, timezone="Asia/Dhaka", stamp=STAMP))
    events = ical.events
    assert len(events) == len(calendar.events)
    for event in events:
        for prop in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "CATEGORIES"):
            assert prop in event, prop
        assert event.stamp == STAMP
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    post = next(e for e in events if str(e["X-SMM-KIND"]) == "post")
    assert post["DTSTART"].params["TZID"] == "Asia/Dhaka"
    cats = post.categories
    assert cats[0] in ("facebook", "instagram") and cats[1] == str(post["X-SMM-PILLAR"])


def test_uids_are_stable_between_exports(calendar):
    first = parse(events_to_ics(calendar.events, timezone="Asia/Dhaka"))
    again = build_calendar("2026-12-07", 2, ["facebook", "instagram"], language="bn")
    second = parse(events_to_ics(again.events, timezone="Asia/Dhaka"))
    assert [str(e["UID"]) for e in first.events] == [str(e["UID"]) for e in second.events]


def test_round_trip_keeps_titles_instants_and_time_zone(calendar, tmp_path):
    path = calendar.to_ics(tmp_path / "plan.ics")
    ical = parse(path.read_bytes())
    expected = calendar.events
    for event, row in zip(ical.events, expected.to_dict("records"), strict=True):
        assert str(event["SUMMARY"]) == row["title"]
        if row["kind"] == "special_day":
            assert event.start == row["start"].date()
        else:
            assert event.start == row["start"].to_pydatetime()  # the same instant
            assert str(event.start.tzinfo) == "Asia/Dhaka"  # and the same zone
            assert event.end == row["end"].to_pydatetime()


def test_bengali_titles_round_trip_through_folded_lines(calendar, tmp_path):
    path = calendar.to_ics(tmp_path / "plan.ics")
    raw = path.read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))  # RFC 5545 folding, in octets
    raw.decode("utf-8")  # folding never splits a multi-byte character
    back = read_ics(path)
    assert "বিজয় দিবস — বিশেষ পোস্ট" in set(back["title"])
    assert back["title"].tolist() == calendar.events["title"].tolist()


def test_read_ics_gives_back_the_events_table(calendar, tmp_path):
    path = write_ics(calendar.events, tmp_path / "plan.ics", timezone="Asia/Dhaka")
    back = read_ics(path)
    expected = calendar.events
    assert list(back.columns) == list(expected.columns)
    for column in ("platform", "pillar", "title", "kind", "description"):
        assert back[column].tolist() == expected[column].tolist(), column
    assert (back["start"].to_numpy() == expected["start"].to_numpy()).all()
    assert (back["end"].to_numpy() == expected["end"].to_numpy()).all()
    assert {str(ts.tzinfo) for ts in back["start"]} == {"Asia/Dhaka"}


def test_dst_zone_round_trips_with_its_changes(tmp_path):
    cal = build_calendar(
        "2027-03-22",
        2,
        "facebook",
        posts_per_week=7,
        best_slots=[(d, 9) for d in range(7)],
        timezone="Europe/London",
        special_days=False,
    )
    path = cal.to_ics(tmp_path / "london.ics")
    ical = parse(path.read_bytes())
    london = ical.timezones[0]
    assert london.tz_name == "Europe/London"
    assert {c.name for c in london.subcomponents} >= {"STANDARD", "DAYLIGHT"}
    back = read_ics(path)
    assert (back["start"].dt.hour == 9).all()
    assert (back["start"].to_numpy() == cal.events["start"].to_numpy()).all()


def test_export_never_changes_the_events_table(calendar):
    events = calendar.events
    before = events.copy()
    events_to_ics(events, timezone="Asia/Dhaka")
    pd.testing.assert_frame_equal(events, before)


# --------------------------------------------------------------------------- bad input


def test_events_table_without_required_columns_is_refused():
    with pytest.raises(InputError, match=r"lacks the column\(s\) end, title; it has: start"):
        events_to_ics(pd.DataFrame({"start": []}), timezone="Asia/Dhaka")


def test_unknown_timezone_in_export_suggests_asia_dhaka(calendar):
    with pytest.raises(InputError, match=r'(?s)not a time zone.*"Asia/Dhaka"'):
        events_to_ics(calendar.events, timezone="Dhaka")


def test_naive_start_has_no_uid():
    with pytest.raises(InputError, match="has no time zone"):
        event_uid(datetime(2027, 1, 1, 9), "facebook", "post", "x")


def test_read_ics_of_a_missing_file_says_how_to_make_one(tmp_path):
    with pytest.raises(DataError, match=r"(?s)does not exist.*to_ics"):
        read_ics(tmp_path / "nope.ics")


def test_read_ics_of_a_file_that_is_not_icalendar_names_the_file(tmp_path):
    path = tmp_path / "notes.ics"
    path.write_text("hello, this is not a calendar\n", encoding="utf-8")
    with pytest.raises(
        DataError, match=r"(?s)notes\.ics: this is not an iCalendar file.*BEGIN:VCALENDAR"
    ):
        read_ics(path)
