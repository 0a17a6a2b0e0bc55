"""Coupons a member holds, and why one cannot be used on this cart.

A coupon mirrors the server's coupon row (kind "percent" or "amount", an
integer value, a minimum spend, an optional category, a validity window) so
mapping one to the other is mechanical. Validity is checked against the
`now` the caller passes: the core never reads the clock, which keeps
pricing reproducible (the same cart priced again gives the same answer).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from shopguide.core.money import Money, Rounding
from shopguide.core.pricing.explanation import Explanation, percent_text


class CouponKind(StrEnum):
    PERCENT = "percent"  # value is basis points
    AMOUNT = "amount"  # value is minor units of the min_spend currency


class RejectReason(StrEnum):
    DUPLICATE = "duplicate"
    ALREADY_USED = "already_used"
    NOT_YET_VALID = "not_yet_valid"
    EXPIRED = "expired"
    NOT_APPLICABLE = "not_applicable"
    BELOW_MIN_SPEND = "below_min_spend"
    ONE_PER_ORDER = "one_per_order"


def require_aware(moment: datetime, what: str) -> None:
    """Naive datetimes are refused: "09:00" means nothing without a zone."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware (UTC)")


@dataclass(frozen=True, slots=True)
class Coupon:
    """Valid from `valid_from` (inclusive) until `valid_to` (exclusive)."""

    code: str
    kind: CouponKind
    value: int
    min_spend: Money
    valid_from: datetime
    valid_to: datetime
    category: str | None = None
    used: bool = False

    def __post_init__(self) -> None:
        if not self.code:
            raise ValueError("a coupon needs a code")
        if self.value <= 0 or (self.kind is CouponKind.PERCENT and self.value > 10_000):
            raise ValueError(f"coupon {self.code}: value out of range")
        if self.min_spend.minor < 0:
            raise ValueError(f"coupon {self.code}: minimum spend cannot be negative")
        require_aware(self.valid_from, f"coupon {self.code} valid_from")
        require_aware(self.valid_to, f"coupon {self.code} valid_to")
        if self.valid_from >= self.valid_to:
            raise ValueError(f"coupon {self.code}: valid_from must be before valid_to")

    def covers(self, category: str) -> bool:
        return self.category is None or self.category == category

    def benefit(self) -> Money | str:
        """What the coupon promises, "50.00" or "10%", for the explanation."""
        if self.kind is CouponKind.AMOUNT:
            return Money(self.value, self.min_spend.currency)
        return percent_text(self.value)

    def discount_on(self, eligible: Money) -> Money:
        """The saving on `eligible`, never more than it; percentages round half up."""
        if self.kind is CouponKind.PERCENT:
            return eligible.percent_of(self.value, rounding=Rounding.HALF_UP)
        return min(Money(self.value, eligible.currency), eligible)


@dataclass(frozen=True, slots=True)
class RejectedCoupon:
    """A coupon the customer offered that was not applied; `explanation` says why."""

    code: str
    reason: RejectReason
    explanation: Explanation
