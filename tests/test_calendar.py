"""build_calendar / ContentCalendar: frequency, pillars, slots, special days, time zones, errors."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smm_helpers.errors import InputError
from smm_helpers.planning.calendar import (
    DEFAULT_POSTS_PER_WEEK,
    ContentCalendar,
    apportion,
    build_calendar,
    default_slots,
    interleave,
)
from smm_helpers.planning.special_days import special_days
from smm_helpers.schema import PLATFORMS

MIX = {"impact": 0.3, "education": 0.3, "community": 0.2, "fundraising": 0.2}


def posts(cal: ContentCalendar) -> pd.DataFrame:
    events = cal.events
    return events[events["kind"] == "post"]


def iso_week(ts: pd.Timestamp) -> tuple[int, int]:
    year, week, _ = ts.isocalendar()
    return year, week


# --------------------------------------------------------------------------- frequency


@settings(max_examples=15, deadline=None)
@given(
    start=st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)),
    weeks=st.integers(min_value=1, max_value=6),
    platforms=st.lists(st.sampled_from(PLATFORMS), min_size=1, max_size=4, unique=True),
    per_week=st.integers(min_value=1, max_value=12),
    avoid_weekend=st.booleans(),
)
def test_every_platform_gets_exactly_its_posts_in_every_iso_week(
    start, weeks, platforms, per_week, avoid_weekend
):
    cal = build_calendar(
        start, weeks, platforms, posts_per_week=per_week, avoid_weekend=avoid_weekend
    )
    table = posts(cal)
    counts = table.groupby([table["start"].map(iso_week), "platform"]).size()
    assert len(counts) == weeks * len(platforms)
    assert (counts == per_week).all()
    # never two posts on one platform at the same time
    assert not table.duplicated(["platform", "start"]).any()
    # every event is timezone-aware in the chosen zone and inside the calendar
    assert str(table["start"].dt.tz) == "Asia/Dhaka"
    assert table["start"].dt.date.between(cal.first_day, cal.last_day).all()


def test_default_frequencies_are_used_when_none_are_given():
    cal = build_calendar("2027-06-07", 2, ["facebook", "youtube"], special_days=False)
    counts = cal.post_counts()
    assert counts["facebook"].tolist() == [DEFAULT_POSTS_PER_WEEK["facebook"]] * 2
    assert counts["youtube"].tolist() == [DEFAULT_POSTS_PER_WEEK["youtube"]] * 2


def test_start_that_is_not_a_monday_moves_forward_to_the_next_monday():
    cal = build_calendar("2026-11-22", 1, "facebook", special_days=False)  # a Sunday
    assert cal.first_day == date(2026, 11, 23)
    assert cal.last_day == date(2026, 11, 29)
    assert posts(cal)["start"].min().date() >= date(2026, 11, 23)


# --------------------------------------------------------------------------- pillars


def test_apportion_hand_computed_largest_remainder():
    # 0.3/0.3/0.2/0.2 of 10 = 3, 3, 2, 2; of 7 = 2.1, 2.1, 1.4, 1.4 -> one leftover each
    # to the two largest remainders (0.4, 0.4): community and fundraising
    assert apportion(MIX, 10) == {"impact": 3, "education": 3, "community": 2, "fundraising": 2}
    assert apportion(MIX, 7) == {"impact": 2, "education": 2, "community": 2, "fundraising": 1}


@given(
    shares=st.lists(st.integers(min_value=1, max_value=20), min_size=1, max_size=6),
    total=st.integers(min_value=0, max_value=300),
)
def test_apportion_adds_up_and_stays_within_one_of_each_exact_share(shares, total):
    mix = {f"p{i}": s / sum(shares) for i, s in enumerate(shares)}
    counts = apportion(mix, total)
    assert sum(counts.values()) == total
    for pillar, share in mix.items():
        assert abs(counts[pillar] - share * total) < 1


@given(st.dictionaries(st.sampled_from("abcdef"), st.integers(0, 30), min_size=1))
def test_interleave_keeps_every_prefix_close_to_the_fair_share(counts):
    sequence = interleave(counts)
    total = len(sequence)
    assert sorted(sequence) == sorted(p for p, c in counts.items() for _ in range(c))
    for i in range(1, total + 1):
        prefix = sequence[:i]
        for pillar, count in counts.items():
            assert abs(prefix.count(pillar) - count * i / total) < 1.5


def test_calendar_pillar_counts_match_the_apportionment_and_take_turns():
    cal = build_calendar("2027-01-04", 4, "facebook", pillar_mix=MIX, special_days=False)
    table = posts(cal)
    assert table["pillar"].value_counts().to_dict() == apportion(MIX, 20)
    first_five = table["pillar"].head(5).tolist()
    assert set(first_five) == set(MIX)  # every pillar turns up in the first week
    for week in range(1, 5):
        week_pillars = cal.week(week).query("kind == 'post'")["pillar"]
        for pillar, share in MIX.items():
            assert abs((week_pillars == pillar).sum() - share * 5) < 2


def test_special_day_posts_are_outside_the_pillar_mix():
    cal = build_calendar("2026-12-14", 1, "facebook", pillar_mix=MIX)
    table = posts(cal)
    regular = table[table["pillar"] != "special day"]
    expected = {p: n for p, n in apportion(MIX, len(regular)).items() if n}
    assert regular["pillar"].value_counts().to_dict() == expected


# --------------------------------------------------------------------------- slots


def test_default_slots_shift_sprout_guidance_to_the_friday_saturday_weekend():
    # Sprout: Facebook best Tue/Wed/Fri 9 am–1 pm, worst Saturday (US week)
    us = default_slots("facebook", weekend=(5, 6))
    bd = default_slots("facebook")
    assert {d for d, _ in us[:3]} == {1, 2, 4}
    assert {d for d, _ in bd[:3]} == {0, 1, 3}  # one day earlier in Bangladesh
    assert bd[-1][0] == 4  # the worst day (US Saturday) becomes Friday
    assert all(9 <= h < 13 for _, h in bd[:3])
    assert len(set(bd)) == len(bd) == 7 * 13


def test_avoid_weekend_keeps_regular_posts_off_friday_and_saturday():
    cal = build_calendar(
        "2027-01-04", 3, ["facebook", "x"], posts_per_week=7, avoid_weekend=True, special_days=False
    )
    assert not posts(cal)["start"].dt.day_of_week.isin([4, 5]).any()


def test_best_slots_list_is_followed_in_order():
    slots = [("Sun", 20), ("Wed", 8), ("Mon", 13)]
    cal = build_calendar(
        "2027-01-04",
        2,
        "instagram",
        posts_per_week=2,
        best_slots={"instagram": slots},
        special_days=False,
    )
    used = {(ts.weekday(), ts.hour) for ts in posts(cal)["start"]}
    assert used == {(6, 20), (2, 8)}


class FakeBestTimes:
    """A stand-in for smm_helpers.metrics' best-times table: only ``.best(n)``."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame

    def best(self, n: int) -> pd.DataFrame:
        return self.frame.head(n)


def test_best_times_object_is_accepted_duck_typed():
    table = pd.DataFrame({"weekday": ["Tue", "Sun", "Thu"], "hour": [18, 7, 12], "er": [3, 2, 1]})
    cal = build_calendar(
        "2027-01-04",
        1,
        ["facebook", "x"],
        posts_per_week=2,
        best_slots=FakeBestTimes(table),
        special_days=False,
    )
    for platform in ("facebook", "x"):
        table = posts(cal)
        starts = table.loc[table["platform"] == platform, "start"]
        assert {(ts.weekday(), ts.hour) for ts in starts} == {(1, 18), (6, 7)}


def test_best_times_returning_pairs_works_too():
    class Pairs:
        def best(self, n):
            return [(3, 15), (0, 10), (5, 9)][:n]

    cal = build_calendar(
        "2027-01-04",
        1,
        "linkedin",
        posts_per_week=3,
        best_slots={"linkedin": Pairs()},
        special_days=False,
    )
    assert {(ts.weekday(), ts.hour) for ts in posts(cal)["start"]} == {(3, 15), (0, 10), (5, 9)}


# --------------------------------------------------------------------------- time zones


def test_nine_oclock_stays_nine_oclock_local_across_the_london_dst_change():
    # UK clocks go forward on Sunday 28 March 2027
    cal = build_calendar(
        "2027-03-22",
        2,
        "facebook",
        posts_per_week=7,
        best_slots={"facebook": [(d, 9) for d in range(7)]},
        timezone="Europe/London",
        special_days=False,
    )
    starts = posts(cal)["start"]
    assert str(starts.dt.tz) == "Europe/London"
    assert (starts.dt.hour == 9).all()
    offsets = {ts.date(): ts.utcoffset() for ts in starts}
    assert offsets[date(2027, 3, 27)] == timedelta(0)
    assert offsets[date(2027, 3, 28)] == timedelta(hours=1)
    assert (cal.events["end"] - cal.events["start"]).dt.total_seconds().gt(0).all()


def test_a_slot_in_the_skipped_hour_moves_forward_not_backward():
    cal = build_calendar(
        "2027-03-22",
        1,
        "x",
        posts_per_week=1,
        best_slots=[("Sun", 1)],
        timezone="Europe/London",
        special_days=False,
    )
    start = posts(cal)["start"].item()
    assert (start.hour, start.utcoffset()) == (2, timedelta(hours=1))


# --------------------------------------------------------------------------- special days


@settings(max_examples=10, deadline=None)
@given(start=st.dates(min_value=date(2025, 1, 1), max_value=date(2031, 12, 1)))
def test_every_special_day_gets_a_marker_a_prep_task_and_a_post_on_each_platform(start):
    platforms = ["facebook", "instagram"]
    cal = build_calendar(start, 4, platforms, posts_per_week=5, prep_days=7)
    events = cal.events
    expected = special_days(range(cal.first_day.year, cal.last_day.year + 1))
    in_period = expected[expected["date"].between(cal.first_day, cal.last_day)]
    markers = events[events["kind"] == "special_day"]
    marked_days = {
        ts.date() + timedelta(days=i)
        for ts, end in zip(markers["start"], markers["end"], strict=True)
        for i in range((end - ts).days)
    }
    assert set(in_period["date"]) <= marked_days
    for title, day in zip(markers["title"], markers["start"].dt.date, strict=True):
        special = events[(events["kind"] == "post") & events["title"].str.startswith(title + " —")]
        assert set(special["platform"]) == set(platforms)
        assert (special["start"].dt.date == day).all()
        prep = events[(events["kind"] == "prep") & (events["title"] == f"Prepare: {title}")]
        assert prep["start"].dt.date.item() == max(day - timedelta(days=7), cal.first_day)


def test_victory_day_2026_hand_checked():
    cal = build_calendar("2026-12-14", 1, ["facebook"], posts_per_week=5)
    events = cal.events
    victory = events[events["title"].str.contains("Victory Day")]
    kinds = dict(zip(victory["kind"], victory["start"].dt.date, strict=True))
    assert kinds["special_day"] == date(2026, 12, 16)
    assert kinds["post"] == date(2026, 12, 16)
    assert kinds["prep"] == date(2026, 12, 14)  # 9 Dec is before the calendar: first day
    assert (victory["pillar"] == "special day").all()


def test_a_three_day_eid_is_one_occasion_with_an_estimated_warning():
    cal = build_calendar("2027-03-08", 1, "facebook", posts_per_week=5)  # Eid 10–12 Mar est.
    markers = cal.events.query("kind == 'special_day' and title == 'Eid al-Fitr'")
    assert len(markers) == 1
    assert (markers["end"] - markers["start"]).item() == pd.Timedelta(days=3)
    assert "ESTIMATED" in markers["description"].item()


def test_bengali_language_names_special_posts_in_bengali():
    cal = build_calendar("2027-12-13", 1, "facebook", language="bn")
    titles = set(cal.events["title"])
    assert "বিজয় দিবস — বিশেষ পোস্ট" in titles
    assert "প্রস্তুতি: বিজয় দিবস" in titles


def test_too_few_posts_for_the_special_days_leaves_a_note():
    cal = build_calendar("2026-11-30", 1, "youtube", posts_per_week=1)
    assert any("International Volunteer Day" in note for note in cal.notes)


def test_special_days_can_be_your_own_table_or_switched_off():
    mine = pd.DataFrame({"date": [date(2027, 1, 6)], "name": ["Founders' Day"]})
    cal = build_calendar("2027-01-04", 1, "facebook", special_days=mine)
    assert cal.events.query("kind == 'special_day'")["title"].tolist() == ["Founders' Day"]
    off = build_calendar("2027-01-04", 1, "facebook", special_days=False)
    assert set(off.events["kind"]) == {"post"}


# --------------------------------------------------------------------------- behaviour


def test_same_inputs_give_the_same_calendar_and_seed_only_breaks_ties():
    def make(seed=None):
        return build_calendar("2027-02-01", 3, ["facebook", "x"], seed=seed).events

    pd.testing.assert_frame_equal(make(), make())
    pd.testing.assert_frame_equal(make(7), make(7))
    a, b = make(1), make(2)
    assert len(a) == len(b)
    # ties among equal shares may go either way, but the shares themselves hold
    assert sorted(posts_by_pillar(a).values()) == sorted(posts_by_pillar(b).values())
    assert a.groupby("kind").size().equals(b.groupby("kind").size())


def posts_by_pillar(events: pd.DataFrame) -> dict[str, int]:
    return events[events["kind"] == "post"]["pillar"].value_counts().to_dict()


def test_build_calendar_never_changes_the_callers_arguments():
    per_week = {"facebook": 3}
    mix = dict(MIX)
    slots = {"facebook": [(0, 9), (1, 9), (2, 9)]}
    build_calendar(
        "2027-01-04", 1, ["facebook"], posts_per_week=per_week, pillar_mix=mix, best_slots=slots
    )
    assert per_week == {"facebook": 3}
    assert mix == MIX
    assert slots == {"facebook": [(0, 9), (1, 9), (2, 9)]}


def test_events_is_a_copy():
    cal = build_calendar("2027-01-04", 1, "facebook", special_days=False)
    events = cal.events
    events.loc[0, "title"] = "changed"
    assert cal.events.loc[0, "title"] != "changed"


def test_repr_and_week_grid_show_the_calendar():
    cal = build_calendar("2026-12-14", 2, ["facebook", "x"], language="bn")
    assert repr(cal).startswith("ContentCalendar(2 weeks, Mon 14 Dec 2026 – Sun 27 Dec 2026")
    page = cal._repr_html_()
    assert page.count("<table>") == 2
    assert "Week 1" in page and "Wed 16 Dec" in page and "বিজয় দিবস" in page
    grid = cal.grid(1)
    assert grid.columns[0] == "Mon 14 Dec"
    assert "all day" in grid.index


def test_to_csv_writes_every_event_with_its_utc_offset(tmp_path):
    cal = build_calendar("2027-01-04", 2, ["facebook", "linkedin"])
    path = cal.to_csv(tmp_path / "calendar.csv")
    back = pd.read_csv(path)
    assert list(back.columns) == list(cal.events.columns)
    assert len(back) == len(cal.events)
    starts = pd.to_datetime(back["start"]).dt.tz_convert("Asia/Dhaka")
    assert (starts.to_numpy() == cal.events["start"].to_numpy()).all()
    assert back["start"].str.endswith("+06:00").all()


# --------------------------------------------------------------------------- bad input


def test_unknown_platform_lists_the_platforms():
    with pytest.raises(InputError, match=r"(?s)'insta' is not a platform.*facebook, instagram"):
        build_calendar("2027-01-04", 1, ["facebook", "insta"])


@pytest.mark.parametrize("weeks", [0, -3])
def test_weeks_below_one_is_refused(weeks):
    with pytest.raises(
        InputError, match=rf"weeks must be a whole number of at least 1, not {weeks}"
    ):
        build_calendar("2027-01-04", weeks, "facebook")


def test_more_weeks_than_max_weeks_says_how_to_allow_it():
    with pytest.raises(
        InputError, match=r"(?s)weeks=120 is more than max_weeks=104.*max_weeks=120"
    ):
        build_calendar("2027-01-04", 120, "facebook", special_days=False)
    cal = build_calendar("2027-01-04", 120, "youtube", special_days=False, max_weeks=120)
    assert cal.weeks == 120


def test_frequency_that_does_not_fit_the_slots_says_how_many_fit():
    with pytest.raises(
        InputError, match=r"(?s)facebook needs 100 posts a week but only 91 .*at most 91"
    ):
        build_calendar("2027-01-04", 1, "facebook", posts_per_week=100)
    with pytest.raises(InputError, match=r"(?s)only 65 different weekly slots outside the weekend"):
        build_calendar("2027-01-04", 1, "facebook", posts_per_week=70, avoid_weekend=True)
    with pytest.raises(InputError, match=r"(?s)x needs 3 posts a week but only 2 .*at most 2"):
        build_calendar("2027-01-04", 1, "x", posts_per_week=3, best_slots=[(0, 9), (1, 9)])


def test_pillar_mix_not_adding_up_to_one_says_the_sum():
    with pytest.raises(InputError, match=r"(?s)add up to 0.9, not 1.*'impact': 0.556"):
        build_calendar("2027-01-04", 1, "facebook", pillar_mix={"impact": 0.5, "community": 0.4})


def test_negative_pillar_share_is_refused():
    with pytest.raises(InputError, match=r"share of pillar 'impact' is -0\.5"):
        build_calendar("2027-01-04", 1, "facebook", pillar_mix={"impact": -0.5, "x": 1.5})


def test_unknown_timezone_suggests_asia_dhaka():
    with pytest.raises(InputError, match=r'(?s)\'Asia/Dhakka\' is not a time zone.*"Asia/Dhaka"'):
        build_calendar("2027-01-04", 1, "facebook", timezone="Asia/Dhakka")


def test_calendar_beyond_the_holidays_data_says_which_years_are_covered():
    with pytest.raises(
        InputError, match=r"(?s)known only for 1972–2100.*not 2101.*special_days=False"
    ):
        build_calendar("2100-12-06", 8, "facebook")
    assert build_calendar("2100-12-06", 8, "facebook", special_days=False).weeks == 8


def test_bad_start_date_shows_the_format():
    with pytest.raises(InputError, match=r"(?s)start '4 Jan' is not a date.*YYYY-MM-DD"):
        build_calendar("4 Jan", 1, "facebook")


def test_posts_per_week_for_an_unknown_platform_is_refused():
    with pytest.raises(InputError, match="'fb' is not a platform"):
        build_calendar("2027-01-04", 1, "facebook", posts_per_week={"fb": 3})


def test_zero_posts_per_week_says_to_leave_the_platform_out():
    with pytest.raises(InputError, match=r"(?s)posts_per_week\['x'\].*not 0.*leave it out"):
        build_calendar("2027-01-04", 1, "x", posts_per_week={"x": 0})


def test_bad_slot_says_how_to_write_one():
    with pytest.raises(InputError, match=r"(?s)hour 24 is not 0–23.*\('Tue', 10\)"):
        build_calendar("2027-01-04", 1, "x", posts_per_week=1, best_slots=[("Tue", 24)])


def test_best_slots_without_best_method_is_refused():
    with pytest.raises(InputError, match="not a list of"):
        build_calendar("2027-01-04", 1, "x", posts_per_week=1, best_slots={"x": 42})


def test_week_out_of_range_names_the_valid_weeks():
    cal = build_calendar("2027-01-04", 3, "facebook", special_days=False)
    with pytest.raises(InputError, match=r"(?s)week 4 is not in this 3-week calendar.*1 to 3"):
        cal.week(4)


def test_a_best_times_table_with_too_few_trusted_slots_is_topped_up_from_the_defaults():
    # A small account's table may trust only a few weekday-hour slots (held-out learners' data).
    table = pd.DataFrame({"weekday": ["Tue", "Sun"], "hour": [18, 7], "er": [3, 2]})
    cal = build_calendar(
        "2027-01-04",
        2,
        ["instagram"],
        posts_per_week=4,
        best_slots=FakeBestTimes(table),
        special_days=False,
    )
    table_posts = posts(cal)
    assert len(table_posts) == 8
    used = {(ts.weekday(), ts.hour) for ts in table_posts["start"]}
    assert {(1, 18), (6, 7)} <= used and len(used) == 4
    assert any("trusts only 2 weekly slots" in note and "2 more" in note for note in cal.notes)
    described = table_posts["description"].str.contains("default slot").sum()
    assert described == 4  # two default slots a week, for two weeks


def test_an_explicit_slot_list_too_short_is_still_refused():
    with pytest.raises(InputError, match="only 1 different weekly slots fit"):
        build_calendar(
            "2027-01-04",
            1,
            ["x"],
            posts_per_week=2,
            best_slots={"x": [("Mon", 9)]},
            special_days=False,
        )


def test_a_holiday_with_another_day_inside_it_is_still_one_occasion():
    # Eid al-Adha 2028 (6–8 May, estimated) shares 8 May with Rabindra Jayanti: one Eid marker
    # of three days, one prep task and one post per platform, not two of each.
    cal = build_calendar(date(2028, 4, 11), 4, ["facebook", "instagram"], posts_per_week=5)
    events = cal.events
    eid = events[events["title"] == "Eid al-Adha"]
    assert len(eid) == 1
    assert (eid["end"].iloc[0] - eid["start"].iloc[0]).days == 3
    assert (events["title"] == "Prepare: Eid al-Adha").sum() == 1
    assert (events["title"] == "Eid al-Adha — special post").sum() == 2


# --------------------------------------------------------------------------- specification


def test_a_calendar_spec_is_checked_once_and_frozen():
    import dataclasses

    from smm_helpers.planning.calendar import CalendarSpec, calendar_from_spec

    per_week = {"facebook": 3}
    slots = [("Mon", 9), ("Wed", 9), ("Fri", 9)]
    spec = CalendarSpec.check(
        "2027-01-06",
        1,
        ["facebook"],
        posts_per_week=per_week,
        best_slots=slots,
        weekend=("Fri", "Sat"),
        special_days=False,
    )
    assert spec.first_day == date(2027, 1, 11) and spec.weekend == (4, 5)
    with pytest.raises(dataclasses.FrozenInstanceError):
        spec.weeks = 2  # type: ignore[misc]
    with pytest.raises(TypeError):
        spec.posts_per_week["facebook"] = 7  # type: ignore[index]
    per_week["facebook"] = 7
    slots.append(("Sun", 9))
    cal = calendar_from_spec(spec)
    assert cal.post_counts().loc[1, "facebook"] == 3
    pd.testing.assert_frame_equal(
        cal.events,
        build_calendar(
            "2027-01-06",
            1,
            ["facebook"],
            posts_per_week=3,
            best_slots=slots[:3],
            special_days=False,
        ).events,
    )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"weeks": 0}, "weeks must be a whole number of at least 1"),
        ({"platforms": ["insta"]}, "'insta' is not a platform"),
        ({"timezone": "Asia/Dhakka"}, "not a time zone name"),
        ({"language": "fr"}, "'fr' is not a language"),
        ({"best_slots": {"threads": [(0, 9)]}}, "'threads' is not a platform"),
        ({"weekend": 5}, "weekend 5 is not a list of weekdays"),
    ],
)
def test_calendar_spec_gives_build_calendars_errors(options, message):
    from smm_helpers.planning.calendar import CalendarSpec

    arguments = {"start": "2027-01-04", "weeks": 1, "platforms": "facebook", **options}
    with pytest.raises(InputError, match=message) as from_spec:
        CalendarSpec.check(**arguments)
    with pytest.raises(InputError) as from_build:
        build_calendar(**arguments)
    assert str(from_spec.value) == str(from_build.value)


def test_special_days_do_not_change_the_calendars_events_once_made():
    from smm_helpers.planning.calendar import CalendarEvent

    event = CalendarEvent(
        pd.Timestamp("2027-01-04 09:00", tz="Asia/Dhaka").to_pydatetime(),
        pd.Timestamp("2027-01-04 09:30", tz="Asia/Dhaka").to_pydatetime(),
        "facebook",
        None,
        "",
        "post",
        "slot.",
    )
    with pytest.raises(AttributeError):
        event.pillar = "impact"  # type: ignore[misc]
    cal = build_calendar("2026-12-14", 1, ["facebook", "x"], posts_per_week=5)
    posts = cal.events.query("kind == 'post'")
    assert posts["pillar"].notna().all() and (posts["title"] != "").all()
    assert posts.groupby("platform").size().to_dict() == {"facebook": 5, "x": 5}


def test_an_unknown_option_is_a_type_error_that_lists_the_options():
    with pytest.raises(TypeError, match=r"(?s)'post_per_week' is not an option.*posts_per_week"):
        build_calendar("2027-01-04", 1, "facebook", post_per_week=3)  # type: ignore[call-arg]
