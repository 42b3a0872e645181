"""The client report leaves spam out of its inbox numbers, as lesson 01 and plan.review do:
nobody should answer spam, so it is not unanswered mail (issue 15)."""

from __future__ import annotations

import pandas as pd
import pytest

from smm_helpers.report.kpis import compute_kpis
from smm_helpers.report.period import Period

TZ = "Asia/Dhaka"


def test_spam_is_not_counted_as_unanswered_or_slow_mail():
    received = pd.to_datetime(
        ["2025-01-05 10:00", "2025-01-06 10:00", "2025-01-07 10:00", "2025-01-08 10:00"]
    ).tz_localize(TZ)
    responded = pd.to_datetime(["2025-01-05 12:00", None, None, "2025-01-08 14:00"]).tz_localize(TZ)
    inbox = pd.DataFrame(
        {
            "received_at": received,
            "responded_at": responded,
            "category": ["question", "spam", "complaint", "praise"],
        }
    )
    posts = pd.DataFrame(
        {
            "published_at": pd.to_datetime(["2025-01-05 10:00"]).tz_localize(TZ),
            "reach": [100],
            "impressions": [150],
            "reactions": [5],
            "comments": [0],
            "shares": [0],
            "saves": [0],
            "link_clicks": [0],
            "spend": [0.0],
        }
    )
    kpis = compute_kpis(
        posts, Period.from_dates("2025-01-01", "2025-01-31"), inbox=inbox, sla_hours=3
    )
    assert kpis["response_rate"] == pytest.approx(2 / 3)  # the complaint, not the spam
    assert kpis["median_response_hours"] == pytest.approx(3.0)  # 2 h and 4 h
    assert kpis["within_sla"] == pytest.approx(1 / 3)


def test_report_advice_does_not_ask_anyone_to_answer_spam():
    from smm_helpers.report.recommend import sla_rule

    received = pd.to_datetime(["2025-01-05 10:00"] * 15).tz_localize(TZ)
    answered = pd.Timestamp("2025-01-05 11:00", tz=TZ)
    inbox = pd.DataFrame(
        {
            "received_at": received,
            "responded_at": [answered] * 12 + [pd.NaT] * 3,
            "category": ["question"] * 12 + ["spam"] * 3,
        }
    )
    assert sla_rule(inbox) is None  # every message that deserves an answer got one in 1 h
    advice = sla_rule(inbox.assign(category="question"))
    assert advice is not None and "3 got no answer" in advice
