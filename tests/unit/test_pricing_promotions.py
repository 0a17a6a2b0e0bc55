"""Each kind of price reduction on its own, with hand-computed examples."""

from __future__ import annotations

import pytest

from shopguide.core.money import Money
from shopguide.core.pricing import (
    AdjustmentKind,
    AmountOffOverThreshold,
    Bundle,
    BuyNGetM,
    CartLine,
    ExplanationKind,
    PercentOff,
    PricedCart,
    Promotion,
    Scope,
    price_cart,
)
from tests.unit.builders import NOW, RUNNER, SOCK, SOCKS, TEE, TEES, cny, line

SHOES_ONLY = Scope(categories=frozenset({"running shoes"}))
TEES_ONLY = Scope(categories=frozenset({TEES}))


def price(
    lines: list[CartLine], *promotions: Promotion, member_tier: str | None = None
) -> PricedCart:
    return price_cart(
        lines, currency="CNY", now=NOW, member_tier=member_tier, promotions=promotions
    )


def nets(cart: PricedCart) -> list[Money]:
    return [priced.net_total for priced in cart.lines]


class TestMemberPrice:
    def test_a_member_pays_the_tier_price_when_it_is_lower(self) -> None:
        cart = price([line("Trail Runner 42", "599.00", member="569.00")], member_tier="Gold")
        assert cart.total == cny("569.00")
        assert cart.lines[0].unit_price == cny("569.00")
        assert cart.lines[0].member_saving == cny("30.00")
        assert cart.subtotal == cny("599.00")
        assert cart.total_discount == cny("30.00")
        assert cart.explanation() == ["Gold member price on Trail Runner 42: -30.00"]

    def test_the_member_saving_counts_every_unit(self) -> None:
        cart = price(
            [line("Trail Runner 42", "599.00", member="569.00", quantity=2)], member_tier="Gold"
        )
        assert cart.total == cny("1138.00")
        assert cart.explanation() == ["Gold member price on Trail Runner 42: -60.00"]

    def test_without_a_member_the_tier_price_is_ignored(self) -> None:
        cart = price([line("Trail Runner 42", "599.00", member="569.00")])
        assert cart.total == cny("599.00")
        assert cart.explanation() == []

    def test_a_tier_price_above_list_is_never_charged(self) -> None:
        cart = price([line("Trail Runner 42", "599.00", member="649.00")], member_tier="Gold")
        assert cart.total == cny("599.00")
        assert cart.lines[0].member_saving == cny("0")


class TestPercentOff:
    def test_a_percentage_comes_off_the_covered_lines_only(self) -> None:
        cart = price(
            [
                line("Trail Runner 42", "599.00"),
                line("Cotton Tee M", "99.00", style_id=TEE, category=TEES),
            ],
            PercentOff("Summer sale", 2000, SHOES_ONLY),
        )
        assert nets(cart) == [cny("479.20"), cny("99.00")]
        assert cart.explanation() == ["Summer sale (20% off) on Trail Runner 42: -119.80"]

    def test_only_the_best_percentage_applies_to_a_line_never_two(self) -> None:
        cart = price(
            [
                line("Trail Runner 42", "599.00"),
                line("Cotton Tee M", "99.00", style_id=TEE, category=TEES),
            ],
            PercentOff("Store-wide", 1000),
            PercentOff("Summer sale", 2000, SHOES_ONLY),
        )
        assert [[a.name for a in p.adjustments] for p in cart.lines] == [
            ["Summer sale"],
            ["Store-wide"],
        ]
        assert nets(cart) == [cny("479.20"), cny("89.10")]

    def test_a_scope_can_name_styles(self) -> None:
        cart = price(
            [line("Trail Runner 42", "599.00"), line("City Runner 42", "499.00", style_id=11)],
            PercentOff("Runner launch", 1500, Scope(style_ids=frozenset({11}))),
        )
        assert nets(cart) == [cny("599.00"), cny("424.15")]

    def test_the_percentage_of_a_line_is_rounded_half_up_once(self) -> None:
        # 12.5 % of 3 x 0.99 = 0.37125 -> 0.37 (per unit it would be 3 x 0.12 = 0.36)
        cart = price([line("Sport Socks", "0.99", quantity=3)], PercentOff("Socks", 1250))
        assert cart.lines[0].adjustments[0].amount == cny("-0.37")

    @pytest.mark.parametrize("basis_points", [0, -100, 10_001])
    def test_a_percentage_must_be_between_0_and_100(self, basis_points: int) -> None:
        with pytest.raises(ValueError, match="basis points"):
            PercentOff("Nonsense", basis_points)


class TestBuyNGetM:
    def test_the_cheapest_item_is_free(self) -> None:
        cart = price(
            [
                line("Graphic Tee L", "149.00", style_id=TEE, category=TEES),
                line("Polo S", "129.00", style_id=TEE, category=TEES),
                line("Cotton Tee M", "99.00", style_id=TEE, category=TEES),
            ],
            BuyNGetM("Buy 2 get 1 free", 2, 1, TEES_ONLY),
        )
        assert cart.total == cny("278.00")
        assert cart.explanation() == ["Buy 2 get 1 free: Cotton Tee M (cheapest) free: -99.00"]
        assert cart.explanations[0].kind is ExplanationKind.BUY_N_GET_M
        assert cart.explanations[0].params["amount"] == cny("99.00")

    def test_each_whole_group_frees_the_cheapest_units_of_the_cart(self) -> None:
        cart = price(
            [
                line("Graphic Tee L", "149.00", quantity=3, style_id=TEE, category=TEES),
                line("Cotton Tee M", "99.00", quantity=3, style_id=TEE, category=TEES),
            ],
            BuyNGetM("Buy 2 get 1 free", 2, 1, TEES_ONLY),
        )
        assert nets(cart) == [cny("447.00"), cny("99.00")]
        assert cart.explanation() == ["Buy 2 get 1 free: 2 x Cotton Tee M (cheapest) free: -198.00"]

    def test_an_incomplete_group_frees_nothing(self) -> None:
        tees = [line(f"Tee {n}", "99.00", style_id=TEE, category=TEES) for n in range(5)]
        cart = price(tees, BuyNGetM("Buy 2 get 1 free", 2, 1, TEES_ONLY))
        assert cart.total == cny("396.00")  # five units: one group of three, two left over

    def test_equally_cheap_items_free_the_earlier_line(self) -> None:
        cart = price(
            [
                line("Cotton Tee M", "99.00", style_id=TEE, category=TEES),
                line("Cotton Tee L", "99.00", style_id=TEE, category=TEES),
            ],
            BuyNGetM("Buy 1 get 1 free", 1, 1, TEES_ONLY),
        )
        assert nets(cart) == [cny("0.00"), cny("99.00")]

    def test_items_outside_the_scope_do_not_count_towards_a_group(self) -> None:
        cart = price(
            [
                line("Cotton Tee M", "99.00", quantity=2, style_id=TEE, category=TEES),
                line("Trail Runner 42", "599.00"),
            ],
            BuyNGetM("Buy 2 get 1 free", 2, 1, TEES_ONLY),
        )
        assert cart.total == cny("797.00")

    def test_a_line_takes_part_in_one_buy_get_promotion_only(self) -> None:
        cart = price(
            [
                line("Cotton Tee M", "99.00", quantity=3, style_id=TEE, category=TEES),
                line("Sport Socks", "39.00", quantity=2, style_id=SOCK, category=SOCKS),
            ],
            BuyNGetM("Buy 2 get 1 free", 2, 1, TEES_ONLY),
            BuyNGetM("Buy 1 get 1 free", 1, 1),
        )
        assert nets(cart) == [cny("198.00"), cny("39.00")]

    @pytest.mark.parametrize(("buy", "free"), [(0, 1), (2, 0)])
    def test_buy_and_free_are_at_least_one(self, buy: int, free: int) -> None:
        with pytest.raises(ValueError, match="at least 1"):
            BuyNGetM("Nonsense", buy, free)


RUN_KIT = Bundle("Run kit", frozenset({RUNNER, SOCK}), cny("599.00"))


class TestBundle:
    def test_a_bundle_charges_its_price_and_spreads_the_saving_by_item_price(self) -> None:
        cart = price(
            [
                line("Trail Runner 42", "599.00"),
                line("Sport Socks", "39.00", style_id=SOCK, category=SOCKS),
            ],
            RUN_KIT,
        )
        assert cart.total == cny("599.00")
        # 39.00 saved: 39 x 599/638 = 36.6159 and 39 x 39/638 = 2.3840; the cent goes to .6159
        assert nets(cart) == [cny("562.38"), cny("36.62")]
        assert cart.explanation() == [
            "Run kit: Trail Runner 42 + Sport Socks together for 599.00: -39.00"
        ]

    def test_every_complete_set_forms_a_bundle(self) -> None:
        cart = price(
            [
                line("Trail Runner 42", "599.00", quantity=2),
                line("Sport Socks", "39.00", quantity=2, style_id=SOCK, category=SOCKS),
            ],
            RUN_KIT,
        )
        assert cart.total == cny("1198.00")
        assert cart.explanation() == [
            "Run kit: Trail Runner 42 + Sport Socks as 2 bundles for 599.00 each: -78.00"
        ]

    def test_units_beyond_the_complete_sets_pay_their_own_price(self) -> None:
        cart = price(
            [
                line("Trail Runner 42", "599.00", quantity=2),
                line("Sport Socks", "39.00", style_id=SOCK, category=SOCKS),
            ],
            RUN_KIT,
        )
        assert cart.total == cny("1198.00")

    def test_a_bundle_takes_the_dearest_units_of_a_style(self) -> None:
        cart = price(
            [
                line("Trail Runner 42 (outlet)", "399.00"),
                line("Trail Runner 43", "599.00"),
                line("Sport Socks", "39.00", style_id=SOCK, category=SOCKS),
            ],
            RUN_KIT,
        )
        assert [p.adjustments == () for p in cart.lines] == [True, False, False]
        assert cart.total == cny("998.00")

    def test_a_bundle_that_would_cost_more_is_not_formed(self) -> None:
        expensive = Bundle("Run kit", frozenset({RUNNER, SOCK}), cny("700.00"))
        cart = price(
            [
                line("Trail Runner 42", "599.00"),
                line("Sport Socks", "39.00", style_id=SOCK, category=SOCKS),
            ],
            expensive,
        )
        assert cart.total == cny("638.00")
        assert cart.explanation() == []

    def test_a_bundle_needs_every_style(self) -> None:
        cart = price([line("Trail Runner 42", "599.00")], RUN_KIT)
        assert cart.total == cny("599.00")

    def test_a_bundle_has_at_least_two_styles(self) -> None:
        with pytest.raises(ValueError, match="two styles"):
            Bundle("Lonely", frozenset({RUNNER}), cny("1.00"))


class TestAmountOffOverThreshold:
    cart_650 = (
        line("Trail Runner 42", "400.00"),
        line("City Runner 42", "250.00", style_id=11),
    )

    def test_a_repeating_offer_gives_the_amount_per_whole_threshold(self) -> None:
        offer = AmountOffOverThreshold("Summer deal", cny("300"), cny("50"), repeat=True)
        cart = price(list(self.cart_650), offer)
        assert cart.total == cny("550.00")
        assert cart.explanation() == ["Summer deal (50.00 off every 300.00 spent): -100.00"]

    def test_a_one_off_offer_gives_the_amount_once(self) -> None:
        offer = AmountOffOverThreshold("Summer deal", cny("300"), cny("50"))
        cart = price(list(self.cart_650), offer)
        assert cart.total == cny("600.00")
        assert cart.explanation() == ["Summer deal (50.00 off over 300.00): -50.00"]

    @pytest.mark.parametrize(("amount", "total"), [("299.99", "299.99"), ("300.00", "250.00")])
    def test_the_threshold_itself_counts(self, amount: str, total: str) -> None:
        offer = AmountOffOverThreshold("Summer deal", cny("300"), cny("50"))
        assert price([line("Trail Runner 42", amount)], offer).total == cny(total)

    def test_the_order_discount_is_spread_in_proportion_to_each_line(self) -> None:
        offer = AmountOffOverThreshold("Summer deal", cny("300"), cny("50"), repeat=True)
        cart = price(list(self.cart_650), offer)
        # 100 x 400/650 = 61.538 and 100 x 250/650 = 38.461: the cent goes to the first
        assert [p.adjustments[0].amount for p in cart.lines] == [cny("-61.54"), cny("-38.46")]
        assert nets(cart) == [cny("338.46"), cny("211.54")]

    def test_only_covered_lines_count_and_share_the_discount(self) -> None:
        offer = AmountOffOverThreshold("Shoe deal", cny("300"), cny("50"), scope=SHOES_ONLY)
        cart = price(
            [
                line("Trail Runner 42", "299.00"),
                line("Cotton Tee M", "99.00", style_id=TEE, category=TEES),
            ],
            offer,
        )
        assert cart.total == cny("398.00")

    def test_threshold_and_amount_must_be_positive(self) -> None:
        with pytest.raises(ValueError, match="positive"):
            AmountOffOverThreshold("Nonsense", cny("0"), cny("50"))


def test_order_discount_is_spread_over_lines_to_the_cent() -> None:
    offer = AmountOffOverThreshold("Deal", cny("300"), cny("100"))
    cart = price(
        [line(name, "100.00", style_id=n) for n, name in enumerate(("Cap", "Belt", "Scarf"))],
        offer,
    )
    assert [p.adjustments[0].amount for p in cart.lines] == [
        cny("-33.34"),
        cny("-33.33"),
        cny("-33.33"),
    ]
    assert sum(p.net_total.minor for p in cart.lines) == cart.total.minor == 20_000
    assert all(a.kind is AdjustmentKind.THRESHOLD for p in cart.lines for a in p.adjustments)
