"""What the brand sells: styles, their colour x size variants, and size order.

A style is what a customer asks for ("the Trail Runner"); a variant is the
box on the shelf (black, 42) with its own SKU and barcode, the unit stock and
sales are counted in. Sizes are strings on labels, so sorting them needs a
rank: "9" must come before "10" and "S" before "M".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from shopguide.core.barcode import parse_barcode
from shopguide.core.money import Money


class Kind(StrEnum):
    """The kind of product decides which size run its variants come in."""

    SHOES = "shoes"
    CLOTHING = "clothing"
    ACCESSORY = "accessory"


SHOE_SIZES: Final = tuple(str(size) for size in range(35, 47))
CLOTHING_SIZES: Final = ("XS", "S", "M", "L", "XL", "XXL")
ONE_SIZE: Final = "OS"
SIZE_RUNS: Final[Mapping[Kind, tuple[str, ...]]] = {
    Kind.SHOES: SHOE_SIZES,
    Kind.CLOTHING: CLOTHING_SIZES,
    Kind.ACCESSORY: (ONE_SIZE,),
}

# Numeric sizes (shoe 42.5, kids' height 110) rank by value in hundredths;
# lettered sizes rank after them in run order; anything else shares the last
# rank, and `size_sort_key` orders those alphabetically.
_LETTER_BASE: Final = 100_000
_UNKNOWN_RANK: Final = 200_000
_LETTER_RANKS: Final = {size: _LETTER_BASE + i for i, size in enumerate(CLOTHING_SIZES)}
_NUMERIC_SIZE: Final = re.compile(r"([0-9]{1,3})(?:\.([0-9]{1,2}))?", re.ASCII)


def size_rank(size: str) -> int:
    """An int that sorts sizes naturally; stored next to the size so SQL can sort too.

    Unknown sizes all rank last; sort by `(size_rank, size)` - see
    `size_sort_key` - to order them alphabetically among themselves.
    """
    text = size.strip().upper()
    letter = _LETTER_RANKS.get(text)
    if letter is not None:
        return letter
    number = _NUMERIC_SIZE.fullmatch(text)
    if number is None:
        return _UNKNOWN_RANK
    whole, hundredths = number.group(1), (number.group(2) or "").ljust(2, "0")
    return int(whole) * 100 + int(hundredths)


def size_sort_key(size: str) -> tuple[int, str]:
    return (size_rank(size), size)


def sku_for(style_code: str, colour_code: str, size: str) -> str:
    """ "RS2301-BLK-42": readable on a packing slip, unique per variant."""
    parts = [part.strip().upper() for part in (style_code, colour_code, size)]
    for name, part in zip(("style code", "colour code", "size"), parts, strict=True):
        if not part or any(ch.isspace() for ch in part):
            raise ValueError(f"{name} must be non-empty without spaces, got {part!r}")
    return "-".join(parts)


@dataclass(frozen=True, slots=True)
class Style:
    id: int
    code: str
    name: str
    category: str
    brand: str
    base_price: Money

    def __post_init__(self) -> None:
        if self.base_price.minor < 0:
            raise ValueError(f"style {self.code} has a negative price")


@dataclass(frozen=True, slots=True)
class Variant:
    id: int
    style_id: int
    sku: str
    barcode: str
    colour: str
    size: str

    def __post_init__(self) -> None:
        canonical = parse_barcode(self.barcode)
        if canonical != self.barcode:
            raise ValueError(f"variant {self.sku}: store its barcode as {canonical}")
