"""Special days: holidays-package reference, computed observances, merging, bad input."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smm_helpers.errors import InputError
from smm_helpers.planning.special_days import (
    COLUMNS,
    bangla_month_lengths,
    bangla_to_gregorian,
    giving_tuesday,
    nth_weekday,
    special_days,
)

YEARS = st.integers(min_value=2020, max_value=2100)


def test_public_holidays_match_the_holidays_package_in_both_languages():
    for year in (2025, 2028):
        days = special_days(year, include=["public"])
        english = holidays.country_holidays("BD", years=year, language="en_US")
        bengali = holidays.country_holidays("BD", years=year, language="bn")
        expected = sorted(
            (d, n.replace(" (estimated)", "")) for d in english for n in english.get_list(d)
        )
        assert sorted(zip(days["date"], days["name_en"], strict=True)) == expected
        assert set(days["name_bn"]) == {
            n.replace(" (আনুমানিক)", "") for d in bengali for n in bengali.get_list(d)
        }


def test_estimated_lunar_dates_are_flagged_and_their_marker_removed():
    days = special_days(2028, include=["public"])
    package = holidays.country_holidays("BD", years=2028, language="en_US")
    estimated_dates = {d for d, name in package.items() if "(estimated)" in name}
    assert estimated_dates, "the reference should have estimated dates in 2028"
    assert set(days.loc[days["estimated"], "date"]) == estimated_dates
    assert not days["name"].str.contains("estimated|আনুমানিক").any()
    assert days.loc[days["estimated"], "source"].str.contains("ESTIMATED").all()


def test_confirmed_2026_eid_dates_are_not_estimated():
    days = special_days(2026)
    eid = days[days["name_en"] == "Eid al-Fitr"]
    assert list(eid["date"]) == [date(2026, 3, 21), date(2026, 3, 22), date(2026, 3, 23)]
    assert not eid["estimated"].any()


@pytest.mark.parametrize(
    ("bangla", "gregorian"),
    [
        # the revised calendar's anchor dates (sources.md#bangla-calendar-2019)
        ((1432, 11, 8), date(2026, 2, 21)),  # 8 Falgun = 21 Feb
        ((1432, 12, 12), date(2026, 3, 26)),  # 12 Chaitra = 26 Mar
        ((1433, 9, 1), date(2026, 12, 16)),  # 1 Poush = 16 Dec
        ((1433, 1, 25), date(2026, 5, 8)),  # 25 Boishakh = 8 May
        ((1433, 2, 11), date(2026, 5, 25)),  # 11 Joishtho = 25 May
        ((1430, 11, 1), date(2024, 2, 14)),  # Pohela Falgun in a leap year
    ],
)
def test_revised_bangla_calendar_matches_the_published_anchor_dates(bangla, gregorian):
    assert bangla_to_gregorian(*bangla) == gregorian


@given(YEARS)
def test_every_revised_bangla_year_ends_the_day_before_the_next_pohela_boishakh(year):
    bangla_year = year - 593
    lengths = bangla_month_lengths(bangla_year)
    last = bangla_to_gregorian(bangla_year, 12, lengths[-1])
    assert last + timedelta(days=1) == date(year + 1, 4, 14)
    assert bangla_to_gregorian(bangla_year, 11, 8) == date(year + 1, 2, 21)


@given(YEARS)
def test_observances_fall_on_their_rule_dates_every_year(year):
    days = special_days(year)
    by_name = dict(zip(days["name_en"], days["date"], strict=False))
    assert by_name["Pohela Falgun"] == date(year, 2, 14)
    assert by_name["Rabindra Jayanti"] == date(year, 5, 8)
    assert by_name["Nazrul Jayanti"] == date(year, 5, 25)
    assert by_name["Martyred Intellectuals Day"] == date(year, 12, 14)
    assert by_name["International Volunteer Day"] == date(year, 12, 5)
    assert by_name["World Humanitarian Day"] == date(year, 8, 19)
    assert by_name["International Literacy Day"] == date(year, 9, 8)


def test_pohela_falgun_was_13_february_before_the_2019_revision():
    days = special_days(2019)
    falgun = days[days["name_en"] == "Pohela Falgun"]
    assert falgun["date"].item() == date(2019, 2, 13)
    assert "before the 2019 revision" in falgun["source"].item()


@given(st.integers(min_value=2012, max_value=2100))
def test_giving_tuesday_is_the_tuesday_after_the_fourth_thursday_of_november(year):
    day = giving_tuesday(year)
    thursdays = [
        date(year, 11, d) for d in range(1, 31) if date(year, 11, d).weekday() == calendar.THURSDAY
    ]
    assert day.weekday() == calendar.TUESDAY
    assert day - thursdays[3] == timedelta(days=5)


@pytest.mark.parametrize(
    ("year", "expected"), [(2024, date(2024, 12, 3)), (2027, date(2027, 11, 30))]
)
def test_giving_tuesday_hand_computed(year, expected):
    assert giving_tuesday(year) == expected


def test_mother_language_day_is_merged_into_the_public_holiday_not_duplicated():
    days = special_days(2027)
    feb21 = days[days["date"] == date(2027, 2, 21)]
    assert len(feb21) == 1
    assert feb21["kind"].item() == "public"
    assert "UNESCO" in feb21["source"].item()


def test_every_row_names_its_source_and_uncertain_days_say_so():
    days = special_days(2027)
    assert list(days.columns) == list(COLUMNS)
    assert days["source"].str.len().gt(10).all()
    uncertain = set(days.loc[days["uncertain"], "name_en"])
    assert uncertain == {"GivingTuesday", "International Volunteer Day", "World Humanitarian Day"}
    assert days.loc[days["uncertain"], "source"].str.contains("UNCERTAIN").all()


def test_bengali_language_puts_bengali_names_in_the_name_column():
    days = special_days(2027, language="bn")
    assert (days["name"] == days["name_bn"]).all()
    assert "বিজয় দিবস" in set(days["name"])


def test_include_filters_by_kind_and_days_are_sorted():
    days = special_days(2027, include=("observance", "nonprofit"))
    assert set(days["kind"]) == {"observance", "nonprofit"}
    assert list(days["date"]) == sorted(days["date"])


def test_extra_days_add_user_supplied_lunar_days_in_that_year_only():
    extra = [
        {
            "date": "2027-10-16",
            "name": "Durga Puja (Bijoya Dashami)",
            "name_bn": "বিজয়া দশমী",
            "source": "government holiday circular 2027",
        },
        {"date": "2028-10-04", "name": "Durga Puja (Bijoya Dashami)"},
    ]
    days = special_days(2027, extra_days=extra)
    puja = days[days["name_en"].str.startswith("Durga Puja")]
    assert list(puja["date"]) == [date(2027, 10, 16)]
    assert puja["source"].item() == "government holiday circular 2027"


def test_no_lunar_hindu_or_buddhist_day_is_invented():
    days = special_days(2027)
    assert not days["name_en"].str.contains("Durga|Buddha|Janmashtami").any()


def test_special_days_never_changes_the_callers_extra_table():
    import pandas as pd

    extra = pd.DataFrame({"date": ["2027-10-16"], "name": ["Durga Puja"]})
    before = extra.copy()
    special_days(2027, extra_days=extra)
    pd.testing.assert_frame_equal(extra, before)


@settings(max_examples=15)
@given(st.integers(min_value=1972, max_value=2100))
def test_no_day_appears_twice_under_the_same_name(year):
    days = special_days(year)
    assert not days.duplicated(["date", "name_en"]).any()


# --------------------------------------------------------------------------- bad input


def test_year_after_the_holidays_package_coverage_is_refused_with_the_range():
    with pytest.raises(InputError, match=r"covers Bangladesh from 1972 to 2100, not 2101") as err:
        special_days(2101)
    assert "special_days=False" in str(err.value)


def test_year_before_bangladesh_existed_is_refused():
    with pytest.raises(InputError, match="from 1972 to 2100, not 1950"):
        special_days(1950)


def test_year_that_is_not_a_number_is_refused():
    with pytest.raises(InputError, match=r"whole number like 2027, not '2027'"):
        special_days("2027")  # type: ignore[arg-type]


def test_unknown_kind_lists_the_kinds():
    with pytest.raises(
        InputError, match=r"(?s)'holiday' is not a special-day kind.*public, observance, nonprofit"
    ):
        special_days(2027, include=["holiday"])


def test_unknown_language_lists_the_languages():
    with pytest.raises(InputError, match=r"(?s)'bd' is not a language.*en, bn"):
        special_days(2027, language="bd")


def test_extra_days_without_a_date_column_says_which_columns_it_has():
    with pytest.raises(InputError, match=r"lacks the column\(s\) date; it has: when, name"):
        special_days(2027, extra_days=[{"when": "2027-10-16", "name": "Durga Puja"}])


def test_extra_days_with_a_bad_date_names_the_row():
    with pytest.raises(InputError, match=r"row 1: '2027-10-40' is not a date"):
        special_days(2027, extra_days=[{"date": "2027-10-40", "name": "Durga Puja"}])


def test_bad_bangla_day_says_how_long_the_month_is():
    with pytest.raises(InputError, match="Falgun 1432 has 29 days, not 30"):
        bangla_to_gregorian(1432, 11, 30)


def test_bad_bangla_month_is_refused():
    with pytest.raises(InputError, match="month 13 is not a Bangla month"):
        bangla_to_gregorian(1432, 13, 1)


def test_missing_nth_weekday_says_how_many_there_are():
    with pytest.raises(InputError, match=r"(?s)no 5th weekday 3 \(Thursday\).*n from 1 to 4"):
        nth_weekday(2027, 2, 3, 5)


def test_giving_tuesday_before_2012_is_refused():
    with pytest.raises(InputError, match="began in 2012"):
        giving_tuesday(2010)
