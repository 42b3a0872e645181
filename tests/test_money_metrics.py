"""ROI is about profit, ROAS about revenue; Meta's Views/Viewers map onto the course columns."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest

from smm_helpers import budget, schema
from smm_helpers.datasets import load_campaigns
from smm_helpers.errors import InputError
from smm_helpers.metrics import COURSE_MARGINS, campaign_metrics, roas, roi

# --------------------------------------------------------------------------------------
# ROI needs a margin
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda: roi(30_000, 10_000),
        lambda: budget.roi(30_000, 10_000),
        lambda: budget.break_even(10_000, 875),
    ],
)
def test_a_missing_margin_teaches_profit_and_points_to_roas(call):
    with pytest.raises(InputError) as info:
        call()
    text = str(info.value)
    assert "needs a margin" in text and "revenue is not profit" in text
    assert "roas()" in text and "margin=0.4" in text and "margin=1" in text


@pytest.mark.parametrize(
    ("margin", "message"),
    [
        (40, "a percentage; write it as a share: 0.4 for 40%"),
        (0, "not between 0"),
        (1.5, "a percentage"),
        (-0.2, "not between 0"),
        (150, "not between 0"),
        ("0.4", "must be a number"),
        (True, "must be a number"),
        (math.nan, "must be a number"),
    ],
)
def test_a_bad_margin_is_named_in_both_roi_functions(margin, message):
    for call in (lambda: roi(100, 10, margin=margin), lambda: budget.roi(100, 10, margin=margin)):
        with pytest.raises(InputError, match=message):
            call()


def test_roas_of_three_is_a_loss_at_a_quarter_margin_and_a_profit_at_forty_percent():
    assert roas(30_000, 10_000) == 3.0
    assert roi(30_000, 10_000, margin=0.25) == pytest.approx(-0.25)
    assert roi(30_000, 10_000, margin=0.4) == pytest.approx(0.2)
    # the break-even ROAS is 1 ÷ margin: ৳25,000 of sales pays back ৳10,000 at 40%
    assert roi(25_000, 10_000, margin=0.4) == pytest.approx(0.0)
    # the package's two roi functions agree wherever both are defined
    for revenue, spend, margin in [(30_000, 10_000, 0.25), (8_000, 10_000, 1), (0, 1, 0.5)]:
        assert budget.roi(revenue, spend, margin=margin) == pytest.approx(
            roi(revenue, spend, margin=margin)
        )


def test_a_margin_series_must_line_up_with_revenue_and_hold_shares():
    revenue = pd.Series([30_000.0, 15_000.0], index=["a", "b"])
    out = roi(revenue, 10_000, margin=pd.Series([0.4, 1.0], index=["a", "b"]))
    assert out.tolist() == pytest.approx([0.2, 0.5])
    assert out.index.tolist() == ["a", "b"]
    with pytest.raises(InputError, match="does not line up"):
        roi(revenue, 10_000, margin=pd.Series([0.4, 1.0], index=["b", "c"]))
    with pytest.raises(InputError, match="does not line up"):
        roi(30_000, 10_000, margin=pd.Series([0.4]))
    with pytest.raises(InputError, match="1 values that are not between 0 and 1"):
        roi(revenue, 10_000, margin=pd.Series([0.4, 40.0], index=["a", "b"]))


# --------------------------------------------------------------------------------------
# campaign_metrics: roi only with a margin
# --------------------------------------------------------------------------------------


def test_course_margins_are_the_charity_whole_and_the_shop_forty_percent_read_only():
    assert dict(COURSE_MARGINS) == {"nonprofit": 1.0, "business": 0.4}
    assert set(COURSE_MARGINS) == set(schema.CLIENTS)
    with pytest.raises(TypeError):
        COURSE_MARGINS["business"] = 0.9  # type: ignore[index]


def test_campaign_roi_uses_each_clients_margin_on_the_course_data():
    campaigns = load_campaigns()
    before = campaigns.copy()
    plain = campaign_metrics(campaigns)
    assert "roi" not in plain.columns
    out = campaign_metrics(campaigns, margin=COURSE_MARGINS)
    pd.testing.assert_frame_equal(campaigns, before)  # the caller's table is unchanged
    assert list(out.columns) == [*plain.columns, "roi"]
    spent = out[out["spend"] > 0]
    kept = spent["client"].astype(object).map(dict(COURSE_MARGINS))
    expected = (spent["conversion_value"] * kept - spent["spend"]) / spent["spend"]
    pd.testing.assert_series_equal(spent["roi"], expected, check_names=False)
    charity = spent[spent["client"] == "nonprofit"]
    assert (charity["roi"] - (charity["roas"] - 1)).abs().max() < 1e-12
    shop = spent[(spent["client"] == "business") & (spent["conversion_value"] > 0)]
    assert len(shop) and (shop["roi"] < shop["roas"] - 1).all()  # profit < revenue
    one_number = campaign_metrics(campaigns, margin=0.4)["roi"]
    assert one_number[campaigns["client"] == "business"].equals(
        out.loc[campaigns["client"] == "business", "roi"]
    )


def test_campaign_margins_name_the_client_that_has_none():
    campaigns = load_campaigns()
    with pytest.raises(InputError, match="no value for client 'business'"):
        campaign_metrics(campaigns, margin={"nonprofit": 1})
    with pytest.raises(InputError, match=r"client 'business'.*percentage"):
        campaign_metrics(campaigns, margin={"nonprofit": 1, "business": 40})
    with pytest.raises(InputError, match=r"must be a number"):
        campaign_metrics(campaigns, margin="forty")  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------
# Views and Viewers
# --------------------------------------------------------------------------------------


def test_metric_names_map_meta_views_and_viewers_onto_impressions_and_reach():
    names = schema.METRIC_NAMES
    post_columns = set(schema.column_names(schema.POSTS))
    assert set(names) <= set(schema.PLATFORMS)
    for platform in ("facebook", "instagram"):
        assert names[platform]["impressions"][0] == "Views"
        assert names[platform]["reach"][0] == "Viewers"
        assert "Impressions" in names[platform]["impressions"]  # older exports still read
    for platform in ("linkedin", "x"):
        assert names[platform]["impressions"][0] == "Impressions"
    for platform, columns in names.items():
        assert set(columns) <= post_columns, platform
        for column, labels in columns.items():
            for label in labels:  # every name maps back, whatever its case and spacing
                assert schema.course_column(platform, f"  {label.upper()} ") == column
        every = [label.casefold() for labels in columns.values() for label in labels]
        assert len(every) == len(set(every)), platform  # no name means two columns


def test_schema_says_the_course_columns_are_metas_views_and_viewers():
    posts = {c.name: c.description for c in schema.POSTS}
    assert "Views" in posts["impressions"] and "Impressions" in posts["impressions"]
    assert "Viewers" in posts["reach"]
    campaigns = {c.name: c.description for c in schema.CAMPAIGNS}
    assert "not profit" in campaigns["conversion_value"]


# --------------------------------------------------------------------------------------
# Lessons 00, 06 and 10 teach it, and lesson 06's checks use it
# --------------------------------------------------------------------------------------


def _markdown(stem: str) -> str:
    path = Path(__file__).resolve().parents[1] / "lessons" / f"{stem}.ipynb"
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def test_lessons_teach_views_viewers_and_roas_versus_roi_with_a_source():
    orientation, budget_lesson, analytics = (
        _markdown(s) for s in ("00-orientation", "06-budget", "10-analytics-and-reporting")
    )
    for text in (orientation, analytics):
        assert "**Views**" in text and "**Viewers**" in text
        assert "sources.md#meta-views-2025" in text
    for text in (budget_lesson, analytics):
        assert "revenue ÷ ad spend" in text  # ROAS
        assert "(profit − cost) ÷ cost" in text and "margin" in text  # ROI
        assert "illustrative" in text and "৳40 of every ৳100" in text
        assert "3 × 0.25 − 1" in text or "at a 25% margin" in text  # ROAS 3 can be a loss


def test_lesson_06_checks_use_a_donations_and_a_sales_campaign_and_catch_a_forgotten_margin():
    from smm_helpers.checks import check
    from smm_helpers.checks.by_lesson import l06_budget

    campaigns = load_campaigns().set_index("campaign_id")
    roi_row = campaigns.loc[l06_budget.roi_campaign()]
    sale_row = campaigns.loc[l06_budget.break_even_campaign()]
    assert (roi_row["client"], roi_row["objective"]) == ("nonprofit", "donations")
    assert (sale_row["client"], sale_row["objective"]) == ("business", "sales")
    client, objective = campaigns["client"], campaigns["objective"]
    gifts = campaigns[(client == "nonprofit") & (objective == "donations")]
    sales = campaigns[(client == "business") & (objective == "sales")]
    assert roi_row["start_date"] == gifts["start_date"].max()
    assert sale_row["start_date"] == sales["start_date"].min()
    # the lesson's worked examples (the biggest spenders) are not the exercises' campaigns
    assert gifts["spend"].idxmax() != l06_budget.roi_campaign()
    assert sales["spend"].idxmax() != l06_budget.break_even_campaign()
    assert COURSE_MARGINS["business"] == l06_budget.SHOP_MARGIN
    assert COURSE_MARGINS["nonprofit"] == l06_budget.CHARITY_MARGIN
    assert check("06-budget", "q1", round(l06_budget.campaign_roi(), 2)).correct
    forgot = math.ceil(sale_row["spend"] / (sale_row["conversion_value"] / sale_row["conversions"]))
    assert forgot != l06_budget.sales_to_break_even()
    verdict = check("06-budget", "q2", forgot)
    assert not verdict.correct and "40%" in verdict.hint
