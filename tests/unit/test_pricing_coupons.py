"""Coupons: one per order, applied after the promotions, refused with a reason."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from shopguide.core.money import CurrencyMismatchError, Money
from shopguide.core.pricing import (
    Coupon,
    CouponKind,
    ExplanationKind,
    PricedCart,
    RejectReason,
    price_cart,
)
from tests.unit.builders import NOW, SOCK, SOCKS, TEE, TEES, cny, coupon, line

RUNNER_599 = line("Trail Runner 42", "599.00")
WELCOME50 = coupon("WELCOME50", amount="50.00", min_spend="300.00")


def with_coupons(*coupons: Coupon, lines: tuple[object, ...] = ()) -> PricedCart:
    cart_lines = list(lines) or [RUNNER_599]
    return price_cart(cart_lines, currency="CNY", now=NOW, coupons=coupons)  # type: ignore[arg-type]


def test_an_amount_coupon_over_a_minimum_spend() -> None:
    cart = with_coupons(WELCOME50)
    assert cart.total == cny("549.00")
    assert cart.applied_coupon == "WELCOME50"
    assert cart.explanation() == ["Coupon WELCOME50 (50.00 off over 300.00): -50.00"]
    assert cart.lines[0].adjustments[0].name == "WELCOME50"


def test_a_percentage_coupon_without_a_minimum() -> None:
    cart = with_coupons(coupon("VIP10", percent_bp=1000))
    assert cart.total == cny("539.10")
    assert cart.explanation() == ["Coupon VIP10 (10% off): -59.90"]


def test_a_coupon_is_valid_from_its_first_moment_to_just_before_its_last() -> None:
    starts_now = coupon("FRESH", amount="10.00", valid_from=NOW)
    assert with_coupons(starts_now).applied_coupon == "FRESH"
    ends_now = coupon("STALE", amount="10.00", valid_to=NOW)
    cart = with_coupons(ends_now)
    assert cart.applied_coupon is None
    assert cart.total == cny("599.00")
    assert [r.reason for r in cart.rejected_coupons] == [RejectReason.EXPIRED]
    assert cart.explanation() == ["Coupon STALE not applied: expired on 2025-06-01 12:00 UTC"]


def test_a_coupon_not_yet_valid_is_refused() -> None:
    cart = with_coupons(coupon("SOON", amount="10.00", valid_from=NOW + timedelta(days=1)))
    assert cart.rejected_coupons[0].reason is RejectReason.NOT_YET_VALID
    assert cart.explanation() == ["Coupon SOON not applied: valid from 2025-06-02 12:00 UTC"]


def test_a_coupon_below_its_minimum_spend_is_refused() -> None:
    cart = with_coupons(WELCOME50, lines=(line("City Runner 42", "250.00"),))
    assert cart.total == cny("250.00")
    rejected = cart.rejected_coupons[0]
    assert (rejected.code, rejected.reason) == ("WELCOME50", RejectReason.BELOW_MIN_SPEND)
    assert rejected.explanation.kind is ExplanationKind.COUPON_BELOW_MIN_SPEND
    assert rejected.explanation.params["eligible"] == cny("250.00")
    assert cart.explanation() == [
        "Coupon WELCOME50 not applied: needs 300.00 on eligible items, the cart has 250.00"
    ]


def test_a_coupon_for_another_category_is_not_applicable() -> None:
    cart = with_coupons(coupon("SOCKS10", amount="10.00", category=SOCKS))
    assert cart.rejected_coupons[0].reason is RejectReason.NOT_APPLICABLE
    assert cart.explanation() == ["Coupon SOCKS10 not applied: not applicable to these items"]


def test_a_category_coupon_counts_and_discounts_only_its_category() -> None:
    tees_coupon = coupon("TEES30", amount="30.00", min_spend="150.00", category=TEES)
    cart = with_coupons(
        tees_coupon,
        lines=(RUNNER_599, line("Cotton Tee M", "99.00", quantity=2, style_id=TEE, category=TEES)),
    )
    assert [p.net_total for p in cart.lines] == [cny("599.00"), cny("168.00")]


def test_an_amount_coupon_never_takes_more_than_the_items_it_covers() -> None:
    socks_coupon = coupon("SOCKS50", amount="50.00", category=SOCKS)
    cart = with_coupons(
        socks_coupon,
        lines=(RUNNER_599, line("Sport Socks", "39.00", style_id=SOCK, category=SOCKS)),
    )
    assert [p.net_total for p in cart.lines] == [cny("599.00"), cny("0.00")]
    assert cart.explanation() == ["Coupon SOCKS50 (50.00 off): -39.00"]


def test_a_used_coupon_is_refused() -> None:
    cart = with_coupons(coupon("WELCOME50", amount="50.00", used=True))
    assert cart.rejected_coupons[0].reason is RejectReason.ALREADY_USED
    assert cart.explanation() == ["Coupon WELCOME50 not applied: it has already been used"]


def test_a_coupon_offered_twice_counts_once() -> None:
    cart = with_coupons(WELCOME50, WELCOME50)
    assert cart.total == cny("549.00")
    assert cart.explanation() == [
        "Coupon WELCOME50 (50.00 off over 300.00): -50.00",
        "Coupon WELCOME50 is listed twice; it counts once",
    ]


def test_one_coupon_per_order_and_the_one_saving_most_wins() -> None:
    cart = with_coupons(WELCOME50, coupon("VIP10", percent_bp=1000))
    assert cart.applied_coupon == "VIP10"
    assert cart.total == cny("539.10")
    assert [(r.code, r.reason) for r in cart.rejected_coupons] == [
        ("WELCOME50", RejectReason.ONE_PER_ORDER)
    ]
    assert cart.explanation() == [
        "Coupon VIP10 (10% off): -59.90",
        "Coupon WELCOME50 not applied: one coupon per order, and VIP10 saves the most",
    ]


def test_between_equal_coupons_the_first_offered_wins() -> None:
    cart = with_coupons(coupon("A50", amount="50.00"), coupon("B50", amount="50.00"))
    assert cart.applied_coupon == "A50"


def test_rejected_coupons_come_in_the_order_they_were_offered() -> None:
    cart = with_coupons(
        coupon("OLD", amount="5.00", valid_to=NOW - timedelta(days=1)),
        WELCOME50,
        coupon("USED", amount="5.00", used=True),
    )
    assert [r.code for r in cart.rejected_coupons] == ["OLD", "USED"]


def test_time_must_carry_a_zone() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        price_cart([RUNNER_599], currency="CNY", now=datetime(2025, 6, 1))
    with pytest.raises(ValueError, match="timezone-aware"):
        coupon("NAIVE", amount="5.00", valid_from=datetime(2025, 1, 1))


@pytest.mark.parametrize(("kind", "value"), [(CouponKind.AMOUNT, 0), (CouponKind.PERCENT, 10_001)])
def test_a_coupon_value_must_make_sense(kind: CouponKind, value: int) -> None:
    with pytest.raises(ValueError, match="out of range"):
        Coupon("BAD", kind, value, cny("0"), NOW, NOW + timedelta(days=1))


def test_a_coupon_must_start_before_it_ends() -> None:
    with pytest.raises(ValueError, match="before"):
        coupon("BAD", amount="5.00", valid_from=NOW, valid_to=NOW)


def test_a_coupon_in_another_currency_is_a_mistake_not_a_rejection() -> None:
    yen = Coupon("YEN", CouponKind.AMOUNT, 500, Money(0, "JPY"), NOW, NOW + timedelta(days=1))
    with pytest.raises(CurrencyMismatchError):
        with_coupons(yen)
