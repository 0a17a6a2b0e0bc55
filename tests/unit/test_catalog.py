"""Catalog: SKUs, size order and what a style and a variant must hold."""

from __future__ import annotations

import pytest

from shopguide.core.barcode import BarcodeError
from shopguide.core.catalog import (
    CLOTHING_SIZES,
    SHOE_SIZES,
    SIZE_RUNS,
    Kind,
    Style,
    Variant,
    size_rank,
    size_sort_key,
    sku_for,
)
from tests.unit.builders import cny


def test_a_sku_joins_style_colour_and_size() -> None:
    assert sku_for("RS2301", "BLK", "42") == "RS2301-BLK-42"
    assert sku_for(" rs2301", "blk ", "42.5") == "RS2301-BLK-42.5"
    assert sku_for("RS-0001", "WHI", "M") == "RS-0001-WHI-M"


@pytest.mark.parametrize(("style", "colour", "size"), [("", "BLK", "42"), ("RS1", "B K", "42")])
def test_a_sku_part_cannot_be_empty_or_hold_spaces(style: str, colour: str, size: str) -> None:
    with pytest.raises(ValueError, match="without spaces"):
        sku_for(style, colour, size)


def test_size_runs_per_kind() -> None:
    assert tuple(str(n) for n in range(35, 47)) == SHOE_SIZES
    assert CLOTHING_SIZES == ("XS", "S", "M", "L", "XL", "XXL")
    assert SIZE_RUNS[Kind.SHOES] is SHOE_SIZES
    assert SIZE_RUNS[Kind.CLOTHING] is CLOTHING_SIZES


def test_each_size_run_is_already_in_natural_order() -> None:
    for run in SIZE_RUNS.values():
        assert sorted(run, key=size_rank) == list(run)


def test_shoe_sizes_sort_by_number_with_half_sizes_in_between() -> None:
    assert sorted(["43", "9", "42.5", "10", "42"], key=size_sort_key) == [
        "9",
        "10",
        "42",
        "42.5",
        "43",
    ]


def test_clothing_sizes_sort_by_the_run_not_the_alphabet() -> None:
    assert sorted(["XL", "S", "XXL", "M", "XS", "L"], key=size_sort_key) == list(CLOTHING_SIZES)
    assert size_rank("m") == size_rank("M")


def test_unknown_sizes_come_last_in_alphabetical_order() -> None:
    assert sorted(["Petite", "M", "165/88A", "42"], key=size_sort_key) == [
        "42",
        "M",
        "165/88A",
        "Petite",
    ]
    assert size_rank("Petite") == size_rank("165/88A") > size_rank("XXL")


def test_a_style_price_cannot_be_negative() -> None:
    Style(1, "RS2301", "Trail Runner", "running shoes", "Northpeak", cny("599.00"))
    with pytest.raises(ValueError, match="negative"):
        Style(1, "RS2301", "Trail Runner", "running shoes", "Northpeak", cny("-1.00"))


def test_a_variant_holds_its_barcode_in_canonical_form() -> None:
    Variant(1, 1, "RS2301-BLK-42", "4006381333931", "Black", "42")
    with pytest.raises(ValueError, match="0036000291452"):
        Variant(1, 1, "RS2301-BLK-42", "036000291452", "Black", "42")
    with pytest.raises(BarcodeError):
        Variant(1, 1, "RS2301-BLK-42", "4006381333932", "Black", "42")
