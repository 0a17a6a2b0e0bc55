"""Whatever the cart, promotions and coupons: no negative money, and exact sums.

A priced cart becomes an order, a payment and a commission split; if its
lines did not add up to its total, to the minor unit, every one of those
would disagree with the others.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shopguide.core.money import CurrencyMismatchError, Money
from shopguide.core.pricing import (
    Adjustment,
    AdjustmentKind,
    AmountOffOverThreshold,
    Bundle,
    BuyNGetM,
    CartLine,
    Coupon,
    CouponKind,
    PercentOff,
    PricedCart,
    PricedLine,
    Promotion,
    Scope,
    price_cart,
)
from tests.unit.builders import NOW, cny, line

CATEGORIES = ("shoes", "tees", "socks")
STYLES = (1, 2, 3, 4)


def money(max_minor: int = 100_000, min_minor: int = 0) -> st.SearchStrategy[Money]:
    return st.builds(Money, st.integers(min_value=min_minor, max_value=max_minor), st.just("CNY"))


cart_lines = st.builds(
    CartLine,
    variant_id=st.integers(min_value=1, max_value=10**6),
    style_id=st.sampled_from(STYLES),
    label=st.sampled_from(["Trail Runner 42", "Cotton Tee M", "Sport Socks"]),
    category=st.sampled_from(CATEGORIES),
    quantity=st.integers(min_value=1, max_value=6),
    list_price=money(),
    member_price=st.none() | money(),
)

scopes = st.builds(
    Scope,
    categories=st.frozensets(st.sampled_from(CATEGORIES), max_size=2),
    style_ids=st.frozensets(st.sampled_from(STYLES), max_size=2),
)

promotions: st.SearchStrategy[Promotion] = st.one_of(
    st.builds(PercentOff, st.just("Sale"), st.integers(min_value=1, max_value=10_000), scopes),
    st.builds(
        AmountOffOverThreshold,
        st.just("Deal"),
        money(min_minor=1),
        money(max_minor=200_000, min_minor=1),
        st.booleans(),
        scopes,
    ),
    st.builds(
        BuyNGetM,
        st.just("Buy get"),
        st.integers(min_value=1, max_value=3),
        st.integers(min_value=1, max_value=2),
        scopes,
    ),
    st.builds(
        Bundle,
        st.just("Kit"),
        st.frozensets(st.sampled_from(STYLES), min_size=2, max_size=3),
        money(),
    ),
)


@st.composite
def coupons(draw: st.DrawFn) -> Coupon:
    kind = draw(st.sampled_from(CouponKind))
    starts = NOW + timedelta(days=draw(st.integers(min_value=-10, max_value=2)))
    return Coupon(
        code=draw(st.sampled_from(["A", "B", "C", "D"])),
        kind=kind,
        value=draw(
            st.integers(min_value=1, max_value=10_000 if kind is CouponKind.PERCENT else 10**6)
        ),
        min_spend=draw(money()),
        valid_from=starts,
        valid_to=starts + timedelta(days=draw(st.integers(min_value=1, max_value=10))),
        category=draw(st.none() | st.sampled_from(CATEGORIES)),
        used=draw(st.booleans()),
    )


carts = st.fixed_dictionaries(
    {
        "lines": st.lists(cart_lines, max_size=6),
        "member_tier": st.none() | st.just("Gold"),
        "promotions": st.lists(promotions, max_size=5),
        "coupons": st.lists(coupons(), max_size=3),
    }
)


def priced(cart: dict[str, object]) -> PricedCart:
    return price_cart(currency="CNY", now=NOW, **cart)  # type: ignore[arg-type]


@settings(max_examples=200)
@given(carts)
def test_no_line_and_no_total_is_ever_negative(cart: dict[str, object]) -> None:
    result = priced(cart)
    assert result.total.minor >= 0
    for line_ in result.lines:
        assert line_.net_total.minor >= 0
        assert all(adjustment.amount.minor < 0 for adjustment in line_.adjustments)


@settings(max_examples=200)
@given(carts)
def test_lines_add_up_to_the_total_to_the_minor_unit(cart: dict[str, object]) -> None:
    result = priced(cart)
    assert sum(p.net_total.minor for p in result.lines) == result.total.minor
    for p in result.lines:
        taken = p.member_saving.minor - sum(a.amount.minor for a in p.adjustments)
        assert p.net_total.minor == p.list_total.minor - taken
    assert result.total_discount.minor == result.subtotal.minor - result.total.minor
    assert result.total <= result.subtotal


@settings(max_examples=200)
@given(carts)
def test_coupons_only_ever_lower_the_total_and_at_most_one_applies(
    cart: dict[str, object],
) -> None:
    with_coupons = priced(cart)
    without = priced({**cart, "coupons": []})
    assert with_coupons.total <= without.total
    coupon_adjustments = {
        a.name for p in with_coupons.lines for a in p.adjustments if a.kind is AdjustmentKind.COUPON
    }
    assert len(coupon_adjustments) <= 1
    assert len(with_coupons.rejected_coupons) + len(coupon_adjustments) == len(
        cart["coupons"]  # type: ignore[arg-type]
    )


@settings(max_examples=200)
@given(carts)
def test_pricing_the_same_cart_twice_gives_the_same_answer(cart: dict[str, object]) -> None:
    assert priced(cart) == priced(cart)


def test_an_empty_cart_costs_nothing() -> None:
    cart = price_cart([], currency="CNY", now=NOW)
    assert (cart.subtotal, cart.total, cart.explanation()) == (cny("0"), cny("0"), [])


def test_a_line_in_another_currency_is_refused() -> None:
    dollars = CartLine(1, 1, "Imported Cap", "caps", 1, Money(1999, "USD"))
    with pytest.raises(CurrencyMismatchError, match="CNY cart"):
        price_cart([line("Trail Runner 42", "599.00"), dollars], currency="CNY", now=NOW)


def test_a_promotion_in_another_currency_is_refused() -> None:
    yen_deal = AmountOffOverThreshold("Deal", Money(3000, "JPY"), Money(500, "JPY"))
    with pytest.raises(ValueError, match="JPY"):
        price_cart(
            [line("Trail Runner 42", "599.00")], currency="CNY", now=NOW, promotions=[yen_deal]
        )


@pytest.mark.parametrize("quantity", [0, -1])
def test_a_line_has_at_least_one_unit(quantity: int) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        line("Trail Runner 42", "599.00", quantity=quantity)


def test_a_priced_line_refuses_discounts_beyond_its_amount() -> None:
    runner = line("Trail Runner 42", "599.00")
    with pytest.raises(ValueError, match="exceed"):
        PricedLine(
            line=runner,
            unit_price=cny("599.00"),
            list_total=cny("599.00"),
            member_saving=cny("0"),
            adjustments=(Adjustment(AdjustmentKind.COUPON, "X", cny("-600.00")),),
            net_total=cny("-1.00"),
        )


def test_a_priced_cart_refuses_a_total_its_lines_do_not_add_up_to() -> None:
    runner = line("Trail Runner 42", "599.00")
    priced_line = PricedLine(runner, cny("599.00"), cny("599.00"), cny("0"), (), cny("599.00"))
    with pytest.raises(ValueError, match="sum of the line nets"):
        PricedCart("CNY", (priced_line,), cny("599.00"), cny("0.01"), cny("598.99"), None, (), ())


def test_an_adjustment_is_a_reduction() -> None:
    with pytest.raises(ValueError, match="negative"):
        Adjustment(AdjustmentKind.COUPON, "X", cny("1.00"))
