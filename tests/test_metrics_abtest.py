"""ab_test: agrees with statsmodels to 1e-9, explains itself in words, rejects bad counts."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from statsmodels.stats.proportion import confint_proportions_2indep, proportions_ztest

from smm_helpers.errors import InputError
from smm_helpers.metrics import ABTestResult, ab_test


@st.composite
def two_groups(draw: st.DrawFn) -> tuple[int, int, int, int]:
    trials_a = draw(st.integers(1, 10**7))
    trials_b = draw(st.integers(1, 10**7))
    successes_a = draw(st.integers(0, trials_a))
    successes_b = draw(st.integers(0, trials_b))
    return successes_a, trials_a, successes_b, trials_b


@settings(max_examples=300, deadline=None)
@given(groups=two_groups(), confidence=st.sampled_from([0.8, 0.9, 0.95, 0.99, 0.999]))
def test_z_p_value_and_interval_agree_with_statsmodels(groups, confidence):
    x_a, n_a, x_b, n_b = groups
    pooled = (x_a + x_b) / (n_a + n_b)
    assume(0 < pooled < 1)  # otherwise statsmodels divides 0 by 0
    result = ab_test(x_a, n_a, x_b, n_b, confidence=confidence)
    z, p_value = proportions_ztest([x_b, x_a], [n_b, n_a])  # statsmodels tests b - a this way
    low, high = confint_proportions_2indep(
        x_b, n_b, x_a, n_a, method="wald", compare="diff", alpha=1 - confidence
    )
    assert result.z == pytest.approx(z, rel=1e-9, abs=1e-9)
    assert result.p_value == pytest.approx(p_value, rel=1e-9, abs=1e-9)
    assert result.ci_low == pytest.approx(low, rel=1e-9, abs=1e-9)
    assert result.ci_high == pytest.approx(high, rel=1e-9, abs=1e-9)
    assert result.significant == (result.p_value < 1 - confidence)


def test_hand_computed_example():
    # 30/1000 vs 45/1000: pooled p = 0.0375, SE = sqrt(0.0375 * 0.9625 * 0.002) = 0.0084963
    result = ab_test(30, 1000, 45, 1000)
    assert result.rate_a == 0.03
    assert result.rate_b == 0.045
    assert result.difference == pytest.approx(0.015)
    assert result.z == pytest.approx(0.015 / math.sqrt(0.0375 * 0.9625 * 0.002))
    unpooled = math.sqrt(0.03 * 0.97 / 1000 + 0.045 * 0.955 / 1000)
    assert result.ci_low == pytest.approx(0.015 - 1.959963985 * unpooled)
    assert not result.significant


@settings(max_examples=100, deadline=None)
@given(groups=two_groups())
def test_swapping_the_variants_flips_the_sign_and_keeps_the_p_value(groups):
    x_a, n_a, x_b, n_b = groups
    forward, backward = ab_test(x_a, n_a, x_b, n_b), ab_test(x_b, n_b, x_a, n_a)
    assert forward.z == pytest.approx(-backward.z, abs=1e-12)
    assert forward.p_value == pytest.approx(backward.p_value, abs=1e-12)
    assert forward.ci_low == pytest.approx(-backward.ci_high, abs=1e-12)
    assert 0 <= forward.p_value <= 1
    assert forward.ci_low <= forward.difference <= forward.ci_high


def test_no_variation_at_all_gives_z_zero_and_p_one():
    for result in (ab_test(0, 50, 0, 80), ab_test(50, 50, 80, 80)):
        assert result.z == 0.0
        assert result.p_value == 1.0
        assert not result.significant


def test_a_clear_win_is_explained_in_plain_words():
    result = ab_test(290, 10_000, 410, 10_000)
    text = str(result)
    assert "Variant B's click rate (4.1%) is 1.2 percentage points higher" in text
    assert "variant A's (2.9%)" in text
    assert "We can be 95% sure" in text
    assert "p < 0.001" in text


def test_an_unclear_result_says_we_cannot_be_sure():
    text = str(ab_test(50, 1000, 45, 1000, confidence=0.99, label="sign-up rate"))
    assert "Variant B's sign-up rate (4.5%) is 0.50 percentage points lower" in text
    assert "We cannot be 99% sure" in text
    assert "it could be chance" in text


def test_notebook_display_shows_the_counts_and_the_verdict():
    page = ab_test(290, 10_000, 410, 10_000)._repr_html_()
    assert "10,000" in page
    assert "We can be 95% sure" in page
    assert isinstance(ab_test(1, 2, 1, 2), ABTestResult)


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((30, 20, 5, 100), {}, r"successes_a \(30\) is more than trials_a \(20\)"),
        ((5, 100, 101, 100), {}, r"successes_b \(101\) is more than trials_b \(100\)"),
        ((0, 0, 5, 100), {}, "trials_a is 0, but it must be at least 1"),
        ((5, 100, 0, 0), {}, "trials_b is 0, but it must be at least 1"),
        ((-1, 100, 5, 100), {}, "successes_a is -1, but it must be 0 or more"),
        ((5, -100, 5, 100), {}, "trials_a is -100"),
        ((2.5, 100, 5, 100), {}, "successes_a must be a whole number"),
        (("5", 100, 5, 100), {}, "successes_a must be a whole number"),
        ((5, 100, 5, 100), {"confidence": 95}, "confidence is 95, not between 0 and 1"),
        ((5, 100, 5, 100), {"confidence": 0}, "confidence is 0, not between 0 and 1"),
    ],
)
def test_bad_counts_raise_an_input_error_that_names_them(args, kwargs, message):
    with pytest.raises(InputError, match=message) as info:
        ab_test(*args, **kwargs)
    assert "How to fix it" in str(info.value)


def test_whole_numbers_stored_as_floats_are_accepted():
    assert ab_test(30.0, 1000.0, 45, 1000).successes_a == 30
