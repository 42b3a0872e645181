"""Inbox metrics: response hours, response rate and the SLA summary, by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from smm_helpers.errors import DataError, InputError
from smm_helpers.metrics import (
    RESPONSE_COLUMNS,
    response_rate,
    response_summary,
    response_times,
)


def make_inbox() -> pd.DataFrame:
    received = pd.to_datetime(["2026-11-22 09:00"] * 5).tz_localize("Asia/Dhaka")
    responded = pd.to_datetime(
        ["2026-11-22 10:00", "2026-11-22 12:00", "2026-11-24 09:00", None, "2026-11-22 09:30"]
    ).tz_localize("Asia/Dhaka")
    return pd.DataFrame(
        {
            "message_id": ["m1", "m2", "m3", "m4", "m5"],
            "platform": ["facebook", "facebook", "facebook", "facebook", "x"],
            "category": ["question", "complaint", "question", "spam", "question"],
            "received_at": received,
            "responded_at": responded,
        }
    )


def test_response_times_are_hours_and_nan_when_unanswered():
    hours = response_times(make_inbox())
    assert hours.tolist()[:3] == [1.0, 3.0, 48.0]
    assert math.isnan(hours.iloc[3])
    assert hours.iloc[4] == 0.5


def test_response_times_work_across_timezones():
    inbox = make_inbox().iloc[:1].copy()
    inbox["responded_at"] = pd.to_datetime(["2026-11-22 04:00"]).tz_localize("UTC")
    assert response_times(inbox).tolist() == [1.0]  # 04:00 UTC is 10:00 in Dhaka


def test_response_rate_is_answered_over_all_messages():
    assert response_rate(make_inbox()) == 0.8


def test_response_rate_of_an_empty_inbox_is_nan():
    assert math.isnan(response_rate(make_inbox().iloc[:0]))


def test_summary_by_platform_matches_hand_computed_values():
    table = response_summary(make_inbox(), by="platform")
    assert tuple(table.columns) == RESPONSE_COLUMNS
    facebook = table.loc["facebook"]
    assert facebook["messages"] == 4
    assert facebook["answered"] == 3
    assert facebook["response_rate"] == 0.75
    assert facebook["median_hours"] == 3.0
    assert facebook["p90_hours"] == pytest.approx(3.0 + 0.8 * 45.0)  # between 3 and 48
    assert facebook["within_sla"] == 0.5  # 2 of 4 answered within 24 h; unanswered count too


def test_the_sla_can_be_tightened():
    table = response_summary(make_inbox(), by=None, sla_hours=2)
    assert table.index.tolist() == ["all messages"]
    assert table["within_sla"].iloc[0] == pytest.approx(2 / 5)
    assert table["messages"].iloc[0] == 5


def test_summary_by_category():
    table = response_summary(make_inbox(), by="category")
    assert table["messages"].to_dict() == {"complaint": 1, "question": 3, "spam": 1}
    assert table.loc["spam", "response_rate"] == 0.0
    assert math.isnan(table.loc["spam", "median_hours"])


def test_summary_of_an_empty_inbox_has_one_row_of_zeros():
    table = response_summary(make_inbox().iloc[:0], by=None)
    assert table["messages"].tolist() == [0]
    assert math.isnan(table["response_rate"].iloc[0])


def test_summary_does_not_change_the_inbox():
    inbox = make_inbox()
    before = inbox.copy()
    response_summary(inbox, by="category")
    pd.testing.assert_frame_equal(inbox, before)


def test_an_answer_before_the_message_is_a_data_error_naming_the_message():
    inbox = make_inbox()
    inbox.loc[1, "responded_at"] = pd.Timestamp("2026-11-21 09:00", tz="Asia/Dhaka")
    with pytest.raises(DataError, match="'m2'") as info:
        response_times(inbox)
    assert info.value.column == "responded_at"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"by": "mood"}, "'mood' is not a grouping"),
        ({"sla_hours": 0}, "sla_hours must be a positive number"),
        ({"sla_hours": "24"}, "sla_hours must be a positive number"),
    ],
)
def test_bad_arguments_raise_input_errors_naming_them(kwargs, message):
    with pytest.raises(InputError, match=message):
        response_summary(make_inbox(), **kwargs)


def test_missing_received_at_is_a_data_error():
    with pytest.raises(DataError, match="received_at"):
        response_rate(make_inbox().drop(columns="received_at"))
