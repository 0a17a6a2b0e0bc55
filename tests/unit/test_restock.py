"""Restock by size curve: the suggestion a manager can check by hand, and why it never misleads."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shopguide.core.restock import (
    ReasonKind,
    SizeHistory,
    period_text,
    suggest,
    suggest_style,
)


def test_the_example_a_manager_checks_by_hand() -> None:
    # Sold 14 in 42 over 4 weeks; 3 weeks of cover wanted: ceil(14 x 21 / 28) = 11; have 1.
    result = suggest(SizeHistory("42", sold=14, have=1), period_days=28, cover_days=21)
    assert (result.target, result.quantity) == (11, 10)
    assert result.text == "sold 14 in 42 in 4 weeks, have 1, suggest 10"
    assert [(r.kind, dict(r.params)) for r in result.reasons] == [
        (ReasonKind.SOLD, {"units": 14, "size": "42", "days": 28}),
        (ReasonKind.HAVE, {"units": 1}),
        (ReasonKind.SUGGEST, {"units": 10}),
    ]


def test_lost_demand_counts_and_what_is_on_the_way_counts_against() -> None:
    # (14 sold + 2 lost) over 28 days for 28 days of cover: 16; have 0, 2 coming: 14.
    result = suggest(
        SizeHistory("42", sold=14, lost=2, have=0, on_the_way=2), period_days=28, cover_days=28
    )
    assert (result.target, result.quantity) == (16, 14)
    assert result.text == (
        "sold 14 in 42 in 4 weeks, 2 more wanted but none here, have 0, 2 on the way, suggest 14"
    )


def test_a_size_with_enough_says_so_and_one_with_no_sales_says_that() -> None:
    enough = suggest(SizeHistory("M", sold=3, have=9), period_days=10, cover_days=14)
    assert enough.quantity == 0
    assert enough.text == "sold 3 in M in 10 days, have 9, enough for 2 weeks"
    quiet = suggest(SizeHistory("XS", sold=0, have=-2), period_days=7, cover_days=7)
    assert (quiet.have, quiet.quantity) == (0, 0)
    assert quiet.text == "no sales in XS in 1 week, have 0, enough for 1 week"


def test_a_style_comes_back_in_size_order_and_each_size_once() -> None:
    sizes = [SizeHistory(s, sold=1) for s in ("XL", "S", "M", "XXL", "L")]
    assert [s.size for s in suggest_style(sizes, period_days=7, cover_days=7)] == [
        "S",
        "M",
        "L",
        "XL",
        "XXL",
    ]
    with pytest.raises(ValueError, match="each size comes once"):
        suggest_style([SizeHistory("42", 1), SizeHistory("42", 2)], period_days=7, cover_days=7)


def test_nonsense_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one day"):
        suggest(SizeHistory("42", 1), period_days=0, cover_days=7)
    with pytest.raises(ValueError, match="cannot be negative"):
        SizeHistory("42", sold=-1)
    with pytest.raises(TypeError, match="int"):
        SizeHistory("42", sold=1.5)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("days", "text"), [(1, "1 day"), (7, "1 week"), (10, "10 days"), (28, "4 weeks")]
)
def test_periods_read_as_a_manager_says_them(days: int, text: str) -> None:
    assert period_text(days) == text


histories = st.builds(
    SizeHistory,
    size=st.sampled_from(["38", "42", "M"]),
    sold=st.integers(0, 500),
    lost=st.integers(0, 50),
    have=st.integers(-5, 500),
    on_the_way=st.integers(0, 100),
)
days = st.integers(1, 120)


@given(histories, days, days)
def test_the_order_fills_the_target_exactly_or_there_is_enough(
    history: SizeHistory, period: int, cover: int
) -> None:
    result = suggest(history, period_days=period, cover_days=cover)
    assert result.quantity >= 0
    stock = max(history.have, 0) + history.on_the_way
    # The target is the demand rate over the cover, rounded up: never short of it.
    assert result.target * period >= (history.sold + history.lost) * cover
    assert (result.target - 1) * period < (history.sold + history.lost) * cover or not result.target
    if result.quantity:
        assert stock + result.quantity == result.target
        assert result.reasons[-1].kind is ReasonKind.SUGGEST
    else:
        assert stock >= result.target
        assert result.reasons[-1].kind is ReasonKind.ENOUGH


@given(histories, days, days, st.integers(1, 50))
def test_more_sold_never_suggests_less_and_more_stock_never_suggests_more(
    history: SizeHistory, period: int, cover: int, extra: int
) -> None:
    base = suggest(history, period_days=period, cover_days=cover).quantity
    sold_more = SizeHistory(
        history.size, history.sold + extra, history.lost, history.have, history.on_the_way
    )
    more_stock = SizeHistory(
        history.size, history.sold, history.lost, history.have + extra, history.on_the_way
    )
    assert suggest(sold_more, period_days=period, cover_days=cover).quantity >= base
    assert suggest(more_stock, period_days=period, cover_days=cover).quantity <= base
