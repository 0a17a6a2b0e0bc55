"""The promotions marketing can run, each checked for sense when it is defined.

They are plain values: which ones are active in a store today is the
server's business, and the engine (see `engine`) decides how they combine.
A promotion that cannot make sense (30 000 basis points, buy 0 get 1) is
refused here, so the engine never has to guess what was meant.
"""

from __future__ import annotations

from dataclasses import dataclass

from shopguide.core.money import CurrencyMismatchError, Money


@dataclass(frozen=True, slots=True)
class Scope:
    """Which cart lines an offer covers: listed categories or styles, or, if none, all."""

    categories: frozenset[str] = frozenset()
    style_ids: frozenset[int] = frozenset()

    def covers(self, style_id: int, category: str) -> bool:
        if not self.categories and not self.style_ids:
            return True
        return category in self.categories or style_id in self.style_ids


EVERYTHING = Scope()


@dataclass(frozen=True, slots=True)
class PercentOff:
    """`basis_points` / 10 000 off each covered line (2000 = 20 % off)."""

    name: str
    basis_points: int
    scope: Scope = EVERYTHING

    def __post_init__(self) -> None:
        if not 0 < self.basis_points <= 10_000:
            raise ValueError(f"{self.name}: a percentage off is 1..10000 basis points")


@dataclass(frozen=True, slots=True)
class AmountOffOverThreshold:
    """`amount_off` once the covered lines reach `threshold`; with `repeat`, per threshold."""

    name: str
    threshold: Money
    amount_off: Money
    repeat: bool = False
    scope: Scope = EVERYTHING

    def __post_init__(self) -> None:
        if self.threshold.currency != self.amount_off.currency:
            raise CurrencyMismatchError(f"{self.name}: threshold and amount differ in currency")
        if self.threshold.minor <= 0 or self.amount_off.minor <= 0:
            raise ValueError(f"{self.name}: threshold and amount off must be positive")


@dataclass(frozen=True, slots=True)
class BuyNGetM:
    """For every `buy` + `free` covered units, the `free` cheapest ones cost nothing."""

    name: str
    buy: int
    free: int
    scope: Scope = EVERYTHING

    def __post_init__(self) -> None:
        if self.buy < 1 or self.free < 1:
            raise ValueError(f"{self.name}: buy and free are at least 1")


@dataclass(frozen=True, slots=True)
class Bundle:
    """One unit of each style in `style_ids`, bought together, costs `price`."""

    name: str
    style_ids: frozenset[int]
    price: Money

    def __post_init__(self) -> None:
        if len(self.style_ids) < 2:
            raise ValueError(f"{self.name}: a bundle has at least two styles")
        if self.price.minor < 0:
            raise ValueError(f"{self.name}: a bundle price cannot be negative")


Promotion = PercentOff | AmountOffOverThreshold | BuyNGetM | Bundle
