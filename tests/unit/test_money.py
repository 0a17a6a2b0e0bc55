"""Money: exact integer minor units, one currency at a time, explicit rounding."""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_UP, Decimal, localcontext

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shopguide.core.money import (
    CurrencyMismatchError,
    Money,
    Rounding,
    allocate,
    apply_rate,
    minor_units,
    split_evenly,
    sum_money,
)
from tests.unit.builders import cny


class TestConstruction:
    def test_an_amount_is_integer_minor_units_of_one_currency(self) -> None:
        price = Money(1250, "CNY")
        assert (price.minor, price.currency) == (1250, "CNY")
        assert price == cny("12.50")

    def test_a_float_is_refused(self) -> None:
        with pytest.raises(TypeError, match="float"):
            Money(12.5, "CNY")  # type: ignore[arg-type]

    @pytest.mark.parametrize("value", [True, Decimal("12.50"), "1250"])
    def test_anything_but_an_int_is_refused(self, value: object) -> None:
        with pytest.raises(TypeError):
            Money(value, "CNY")  # type: ignore[arg-type]

    @pytest.mark.parametrize("code", ["cny", "CN", "CNYY", "", "C1Y"])
    def test_a_malformed_currency_code_is_refused(self, code: str) -> None:
        with pytest.raises(ValueError, match="ISO 4217"):
            Money(100, code)

    def test_an_unknown_currency_is_refused_rather_than_guessed(self) -> None:
        with pytest.raises(ValueError, match="not supported"):
            Money(100, "XYZ")

    @pytest.mark.parametrize(
        ("currency", "exponent"),
        [("CNY", 2), ("USD", 2), ("EUR", 2), ("HKD", 2), ("JPY", 0), ("KRW", 0), ("KWD", 3)],
    )
    def test_each_currency_knows_its_minor_unit(self, currency: str, exponent: int) -> None:
        assert minor_units(currency) == exponent

    def test_zero_is_zero(self) -> None:
        assert Money.zero("JPY") == Money(0, "JPY")
        assert Money.zero("JPY").is_zero()
        assert not cny("0.01").is_zero()


class TestArithmetic:
    def test_same_currency_amounts_add_and_subtract_exactly(self) -> None:
        assert cny("0.10") + cny("0.20") == cny("0.30")
        assert cny("12.50") - cny("20.00") == cny("-7.50")

    def test_multiplying_by_a_quantity_and_negating(self) -> None:
        assert cny("99.00") * 3 == cny("297.00")
        assert 3 * cny("99.00") == cny("297.00")
        assert -cny("5.00") == cny("-5.00")

    def test_multiplying_by_a_float_is_a_type_error(self) -> None:
        with pytest.raises(TypeError):
            cny("10.00") * 1.5  # type: ignore[operator]

    def test_mixing_currencies_is_a_value_error(self) -> None:
        with pytest.raises(CurrencyMismatchError, match="CNY with JPY"):
            cny("1.00") + Money(1, "JPY")
        with pytest.raises(ValueError, match="cannot combine"):
            cny("1.00") - Money(1, "USD")

    def test_amounts_compare_within_one_currency_only(self) -> None:
        assert cny("9.99") < cny("10.00") <= cny("10.00") < cny("10.01")
        assert cny("10.01") > cny("10.00") >= cny("10.00")
        assert max(cny("1.00"), cny("3.00"), cny("2.00")) == cny("3.00")
        with pytest.raises(CurrencyMismatchError):
            _ = cny("1.00") < Money(5, "JPY")

    def test_equal_minor_units_in_different_currencies_are_not_equal(self) -> None:
        assert Money(100, "CNY") != Money(100, "HKD")

    def test_sum_of_nothing_is_zero_in_the_given_currency(self) -> None:
        assert sum_money([], "CNY") == Money.zero("CNY")
        assert sum_money([cny("1.10"), cny("2.20")], "CNY") == cny("3.30")
        with pytest.raises(CurrencyMismatchError):
            sum_money([cny("1.00"), Money(1, "JPY")], "CNY")


class TestText:
    @pytest.mark.parametrize(
        ("money", "text"),
        [
            (Money(1250, "CNY"), "CNY 12.50"),
            (Money(1200, "JPY"), "JPY 1200"),
            (Money(-5, "CNY"), "CNY -0.05"),
            (Money(1005, "KWD"), "KWD 1.005"),
            (Money(0, "USD"), "USD 0.00"),
        ],
    )
    def test_an_amount_prints_with_its_code_and_exact_decimals(
        self, money: Money, text: str
    ) -> None:
        assert str(money) == text
        assert money.format() == text

    @pytest.mark.parametrize(
        ("text", "currency", "minor"),
        [
            ("12.50", "CNY", 1250),
            ("12.5", "CNY", 1250),
            ("12", "CNY", 1200),
            (" 7.05\n", "CNY", 705),
            ("-3.05", "CNY", -305),
            ("+3", "CNY", 300),
            ("12.500", "CNY", 1250),
            ("1200", "JPY", 1200),
            ("1200.0", "JPY", 1200),
            ("1.005", "KWD", 1005),
        ],
    )
    def test_parse_reads_a_decimal_exactly(self, text: str, currency: str, minor: int) -> None:
        assert Money.parse(text, currency) == Money(minor, currency)

    @pytest.mark.parametrize(
        ("text", "currency"), [("12.505", "CNY"), ("12.5", "JPY"), ("0.001", "USD")]
    )
    def test_parse_refuses_more_decimals_than_the_currency_has(
        self, text: str, currency: str
    ) -> None:
        with pytest.raises(ValueError, match="more decimals"):
            Money.parse(text, currency)

    @pytest.mark.parametrize("text", ["", "abc", "1e3", "1,200.00", "12.", ".5", "NaN", "１２"])
    def test_parse_refuses_anything_but_a_plain_decimal(self, text: str) -> None:
        with pytest.raises(ValueError, match="not a decimal"):
            Money.parse(text, "CNY")

    @given(
        st.integers(min_value=-(10**15), max_value=10**15), st.sampled_from(["CNY", "JPY", "KWD"])
    )
    def test_printed_amounts_parse_back_to_the_same_amount(self, minor: int, currency: str) -> None:
        money = Money(minor, currency)
        assert Money.parse(money.amount_text(), currency) == money


_DECIMAL_MODES = {
    Rounding.HALF_UP: ROUND_HALF_UP,
    Rounding.HALF_EVEN: ROUND_HALF_EVEN,
    Rounding.DOWN: ROUND_DOWN,
    Rounding.UP: ROUND_UP,
}


class TestRounding:
    @pytest.mark.parametrize(
        ("numerator", "denominator", "half_up", "half_even", "down", "up"),
        [
            (5, 2, 3, 2, 2, 3),  # 2.5
            (7, 2, 4, 4, 3, 4),  # 3.5
            (-5, 2, -3, -2, -2, -3),  # -2.5
            (1, 3, 0, 0, 0, 1),  # 0.33
            (2, 3, 1, 1, 0, 1),  # 0.67
            (-2, 3, -1, -1, 0, -1),  # -0.67
            (6, 3, 2, 2, 2, 2),  # exact
            (5, -2, -3, -2, -2, -3),  # negative denominator
        ],
    )
    def test_rounding_modes(
        self, numerator: int, denominator: int, half_up: int, half_even: int, down: int, up: int
    ) -> None:
        got = [mode.divide(numerator, denominator) for mode in Rounding]
        assert got == [half_up, half_even, down, up]

    @settings(max_examples=200)
    @given(
        st.integers(min_value=-(10**12), max_value=10**12),
        st.integers(min_value=1, max_value=10**6),
        st.sampled_from(list(Rounding)),
    )
    def test_rounding_agrees_with_the_decimal_module(
        self, numerator: int, denominator: int, mode: Rounding
    ) -> None:
        with localcontext() as context:
            context.prec = 50
            exact = Decimal(numerator) / Decimal(denominator)
            expected = int(exact.quantize(Decimal(1), rounding=_DECIMAL_MODES[mode]))
        assert mode.divide(numerator, denominator) == expected

    def test_dividing_by_zero_is_an_error(self) -> None:
        with pytest.raises(ZeroDivisionError):
            Rounding.HALF_UP.divide(1, 0)

    def test_a_percentage_is_rounded_the_way_the_caller_says(self) -> None:
        # 12.5 % of 9.99 is 1.24875
        assert cny("9.99").percent_of(1250, rounding=Rounding.HALF_UP) == cny("1.25")
        assert cny("9.99").percent_of(1250, rounding=Rounding.DOWN) == cny("1.24")

    def test_a_rate_is_a_ratio_of_ints(self) -> None:
        assert apply_rate(cny("100.00"), 1, 3, Rounding.HALF_EVEN) == cny("33.33")
        assert apply_rate(cny("100.00"), 2, 3, Rounding.DOWN) == cny("66.66")
        with pytest.raises(TypeError, match="float"):
            apply_rate(cny("100.00"), 0.5, 1, Rounding.DOWN)  # type: ignore[arg-type]


class TestAllocation:
    def test_a_split_adds_up_and_gives_leftover_cents_to_the_earliest_parts(self) -> None:
        assert split_evenly(cny("100.00"), 3) == [cny("33.34"), cny("33.33"), cny("33.33")]
        assert split_evenly(cny("0.02"), 3) == [cny("0.01"), cny("0.01"), cny("0.00")]

    def test_a_negative_total_splits_like_a_positive_one_with_signs_flipped(self) -> None:
        assert split_evenly(cny("-100.00"), 3) == [cny("-33.34"), cny("-33.33"), cny("-33.33")]

    def test_parts_follow_the_weights_and_the_largest_remainder_gets_the_cent(self) -> None:
        # exact shares 6.666..., 3.333...: the first has the larger remainder
        assert allocate(Money(10, "CNY"), [2, 1]) == [Money(7, "CNY"), Money(3, "CNY")]
        assert allocate(Money(10, "CNY"), [1, 2]) == [Money(3, "CNY"), Money(7, "CNY")]

    def test_a_zero_weight_gets_nothing(self) -> None:
        assert allocate(cny("1.00"), [0, 1, 0]) == [cny("0"), cny("1.00"), cny("0")]

    def test_all_zero_weights_can_only_split_zero(self) -> None:
        assert allocate(Money.zero("CNY"), [0, 0]) == [Money.zero("CNY")] * 2
        with pytest.raises(ValueError, match="all zero"):
            allocate(cny("1.00"), [0, 0])

    @pytest.mark.parametrize("weights", [[], [1, -1]])
    def test_weights_must_be_non_negative_and_present(self, weights: list[int]) -> None:
        with pytest.raises(ValueError, match="weights"):
            allocate(cny("1.00"), weights)

    def test_splitting_into_no_parts_is_an_error(self) -> None:
        with pytest.raises(ValueError, match="at least one"):
            split_evenly(cny("1.00"), 0)

    @settings(max_examples=200)
    @given(
        st.integers(min_value=-(10**9), max_value=10**9),
        st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=12).filter(any),
    )
    def test_allocation_is_exact_and_each_part_within_one_unit_of_its_share(
        self, total: int, weights: list[int]
    ) -> None:
        parts = allocate(Money(total, "CNY"), weights)
        assert sum(p.minor for p in parts) == total
        weight_sum = sum(weights)
        for part, weight in zip(parts, weights, strict=True):
            # |part - total * weight / weight_sum| < 1, in integers
            assert abs(part.minor * weight_sum - total * weight) < weight_sum
            if weight == 0:
                assert part.is_zero()

    @settings(max_examples=200)
    @given(st.integers(min_value=-(10**9), max_value=10**9), st.integers(min_value=1, max_value=50))
    def test_even_splits_differ_by_at_most_one_unit_larger_first(self, total: int, n: int) -> None:
        parts = [p.minor for p in split_evenly(Money(total, "CNY"), n)]
        assert sum(parts) == total
        assert max(parts) - min(parts) <= 1
        assert [abs(p) for p in parts] == sorted((abs(p) for p in parts), reverse=True)
