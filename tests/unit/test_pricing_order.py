"""The fixed order of application, shown with carts where the order changes the price."""

from __future__ import annotations

from shopguide.core.pricing import (
    AmountOffOverThreshold,
    Bundle,
    BuyNGetM,
    PercentOff,
    RejectReason,
    Scope,
    price_cart,
)
from tests.unit.builders import NOW, RUNNER, SOCK, SOCKS, TEE, TEES, cny, coupon, line

TEES_ONLY = Scope(categories=frozenset({TEES}))
FIFTY_OFF_EVERY_300 = AmountOffOverThreshold("Summer deal", cny("300"), cny("50"), repeat=True)


def test_member_price_comes_first_and_the_percentage_applies_to_it() -> None:
    cart = price_cart(
        [line("Trail Runner 42", "599.00", member="539.00")],
        currency="CNY",
        now=NOW,
        member_tier="Gold",
        promotions=[PercentOff("Summer sale", 2000)],
    )
    assert cart.total == cny("431.20")  # 539.00 x 0.8, not 599.00 x 0.8 - 60.00
    assert cart.explanation() == [
        "Gold member price on Trail Runner 42: -60.00",
        "Summer sale (20% off) on Trail Runner 42: -107.80",
    ]


def test_buy_get_comes_before_percent_off_so_the_percentage_is_of_what_is_paid() -> None:
    tees = [line(f"Cotton Tee {size}", "99.00", style_id=TEE, category=TEES) for size in "SML"]
    cart = price_cart(
        tees,
        currency="CNY",
        now=NOW,
        promotions=[PercentOff("Tee week", 1000, TEES_ONLY), BuyNGetM("3 for 2", 2, 1, TEES_ONLY)],
    )
    assert cart.total == cny("178.20")
    assert [p.net_total for p in cart.lines] == [cny("0"), cny("89.10"), cny("89.10")]


def test_bundled_units_keep_the_bundle_price_and_skip_percent_off() -> None:
    cart = price_cart(
        [
            line("Trail Runner 42", "599.00", quantity=2),
            line("Sport Socks", "39.00", style_id=SOCK, category=SOCKS),
        ],
        currency="CNY",
        now=NOW,
        promotions=[
            PercentOff("Summer sale", 2000),
            Bundle("Run kit", frozenset({RUNNER, SOCK}), cny("599.00")),
        ],
    )
    # one runner and the socks form the kit (599.00); the second runner gets 20 % off
    assert cart.total == cny("1078.20")
    assert cart.explanation() == [
        "Run kit: Trail Runner 42 + Sport Socks together for 599.00: -39.00",
        "Summer sale (20% off) on Trail Runner 42: -119.80",
    ]


def test_percent_off_comes_before_the_threshold_and_can_drop_a_cart_below_it() -> None:
    cart = price_cart(
        [line("Trail Runner 42", "320.00")],
        currency="CNY",
        now=NOW,
        promotions=[FIFTY_OFF_EVERY_300, PercentOff("Summer sale", 1000)],
    )
    assert cart.total == cny("288.00")  # threshold first would have given 320 - 50 - 27 = 243
    assert cart.explanation() == ["Summer sale (10% off) on Trail Runner 42: -32.00"]


def test_the_threshold_counts_bundled_units() -> None:
    cart = price_cart(
        [
            line("Trail Runner 42", "599.00"),
            line("Sport Socks", "39.00", style_id=SOCK, category=SOCKS),
        ],
        currency="CNY",
        now=NOW,
        promotions=[
            Bundle("Run kit", frozenset({RUNNER, SOCK}), cny("599.00")),
            FIFTY_OFF_EVERY_300,
        ],
    )
    assert cart.total == cny("549.00")


def test_the_coupon_minimum_spend_is_judged_after_the_promotions() -> None:
    cart = price_cart(
        [line("Trail Runner 42", "320.00")],
        currency="CNY",
        now=NOW,
        promotions=[PercentOff("Summer sale", 1000)],
        coupons=[coupon("WELCOME50", amount="50.00", min_spend="300.00")],
    )
    assert cart.total == cny("288.00")
    assert [r.reason for r in cart.rejected_coupons] == [RejectReason.BELOW_MIN_SPEND]
    assert cart.explanation()[-1] == (
        "Coupon WELCOME50 not applied: needs 300.00 on eligible items, the cart has 288.00"
    )


def test_a_percentage_coupon_is_of_what_the_promotions_left() -> None:
    cart = price_cart(
        [line("Trail Runner 42", "400.00"), line("City Runner 42", "250.00", style_id=11)],
        currency="CNY",
        now=NOW,
        promotions=[FIFTY_OFF_EVERY_300],
        coupons=[coupon("VIP10", percent_bp=1000)],
    )
    assert cart.total == cny("495.00")  # (650 - 100) x 0.9
    assert cart.explanation()[-1] == "Coupon VIP10 (10% off): -55.00"


def test_a_full_cart_worked_through_every_step() -> None:
    cart = price_cart(
        [
            line("Trail Runner 42", "599.00", member="569.00"),
            line("Sport Socks", "39.00", style_id=SOCK, category=SOCKS),
            line("Cotton Tee M", "99.00", quantity=2, style_id=TEE, category=TEES),
            line("Cotton Tee L", "99.00", style_id=TEE, category=TEES),
            line("Graphic Tee S", "129.00", style_id=21, category=TEES),
        ],
        currency="CNY",
        now=NOW,
        member_tier="Gold",
        promotions=[
            FIFTY_OFF_EVERY_300,
            PercentOff("Tee week", 1000, TEES_ONLY),
            BuyNGetM("Buy 2 get 1 free", 2, 1, TEES_ONLY),
            Bundle("Run kit", frozenset({RUNNER, SOCK}), cny("589.00")),
        ],
        coupons=[coupon("WELCOME50", amount="50.00", min_spend="300.00")],
    )
    assert cart.explanation() == [
        # 1. 599 -> 569
        "Gold member price on Trail Runner 42: -30.00",
        # 2. 569 + 39 = 608 -> 589: 17.78 off the runner, 1.22 off the socks
        "Run kit: Trail Runner 42 + Sport Socks together for 589.00: -19.00",
        # 3. four tees make one group of three; the cheapest, on the earliest line, is free
        "Buy 2 get 1 free: Cotton Tee M (cheapest) free: -99.00",
        # 4. 10 % of what each tee line still costs
        "Tee week (10% off) on Cotton Tee M: -9.90",
        "Tee week (10% off) on Cotton Tee L: -9.90",
        "Tee week (10% off) on Graphic Tee S: -12.90",
        # 5. 551.22 + 37.78 + 89.10 + 89.10 + 116.10 = 883.30: twice 300
        "Summer deal (50.00 off every 300.00 spent): -100.00",
        # 6. 783.30 is over the 300.00 minimum
        "Coupon WELCOME50 (50.00 off over 300.00): -50.00",
    ]
    assert [p.net_total for p in cart.lines] == [
        cny("457.62"),
        cny("31.36"),
        cny("73.96"),
        cny("73.97"),
        cny("96.39"),
    ]
    assert (cart.subtotal, cart.total_discount, cart.total) == (
        cny("1064.00"),
        cny("330.70"),
        cny("733.30"),
    )
    assert cart.applied_coupon == "WELCOME50"
