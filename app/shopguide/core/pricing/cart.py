"""A cart going in to pricing and the priced cart coming out.

The priced cart is what an order is made of: it is stored, paid and split
into commissions, so it checks its own arithmetic when it is built. Every
line knows its exact net, and the lines add up to the total to the minor
unit, whoever built the object (the engine, or the server reading it back).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from shopguide.core.money import CurrencyMismatchError, Money, sum_money
from shopguide.core.pricing.coupons import RejectedCoupon
from shopguide.core.pricing.explanation import Explanation


@dataclass(frozen=True, slots=True)
class CartLine:
    """`quantity` units of one variant; `label` is how the customer knows it."""

    variant_id: int
    style_id: int
    label: str
    category: str
    quantity: int
    list_price: Money
    member_price: Money | None = None  # the unit price for the member's tier, if it has one

    def __post_init__(self) -> None:
        if type(self.quantity) is not int or self.quantity < 1:
            raise ValueError(f"{self.label}: quantity must be a whole number of at least 1")
        if self.list_price.minor < 0:
            raise ValueError(f"{self.label}: list price cannot be negative")
        if self.member_price is not None:
            if self.member_price.currency != self.list_price.currency:
                raise CurrencyMismatchError(f"{self.label}: member and list price currencies")
            if self.member_price.minor < 0:
                raise ValueError(f"{self.label}: member price cannot be negative")


class AdjustmentKind(StrEnum):
    BUNDLE = "bundle"
    BUY_N_GET_M = "buy_n_get_m"
    PERCENT_OFF = "percent_off"
    THRESHOLD = "threshold"
    COUPON = "coupon"


@dataclass(frozen=True, slots=True)
class Adjustment:
    """A discount on one line: `name` is the promotion's name or the coupon's code."""

    kind: AdjustmentKind
    name: str
    amount: Money

    def __post_init__(self) -> None:
        if self.amount.minor >= 0:
            raise ValueError(f"{self.name}: an adjustment is a negative amount")


@dataclass(frozen=True, slots=True)
class PricedLine:
    """net_total = list_total - member_saving + sum(adjustments), never below zero."""

    line: CartLine
    unit_price: Money
    list_total: Money
    member_saving: Money
    adjustments: tuple[Adjustment, ...]
    net_total: Money

    def __post_init__(self) -> None:
        label = self.line.label
        if self.list_total != self.line.list_price * self.line.quantity:
            raise ValueError(f"{label}: list total is not list price x quantity")
        if self.member_saving.minor < 0 or self.member_saving > self.list_total:
            raise ValueError(f"{label}: member saving out of range")
        expected = sum_money(
            (adjustment.amount for adjustment in self.adjustments),
            self.list_total.currency,
        )
        if self.net_total != self.list_total - self.member_saving + expected:
            raise ValueError(f"{label}: net total does not match its adjustments")
        if self.net_total.minor < 0:
            raise ValueError(f"{label}: discounts exceed the line's amount")


@dataclass(frozen=True, slots=True)
class PricedCart:
    """`subtotal` is at list price; `total_discount` includes member savings."""

    currency: str
    lines: tuple[PricedLine, ...]
    subtotal: Money
    total_discount: Money
    total: Money
    applied_coupon: str | None
    rejected_coupons: tuple[RejectedCoupon, ...]
    explanations: tuple[Explanation, ...]

    def __post_init__(self) -> None:
        if self.subtotal != sum_money((p.list_total for p in self.lines), self.currency):
            raise ValueError("subtotal is not the sum of the lines at list price")
        if self.total != sum_money((p.net_total for p in self.lines), self.currency):
            raise ValueError("total is not the sum of the line nets")
        if self.total.minor < 0:
            raise ValueError("a cart total cannot be negative")
        if self.total_discount != self.subtotal - self.total:
            raise ValueError("total discount is not subtotal minus total")

    def explanation(self) -> list[str]:
        """The explanations in plain English, in the order they were applied."""
        return [entry.text for entry in self.explanations]
