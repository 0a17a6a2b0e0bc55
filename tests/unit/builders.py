"""Terse builders for the unit specs: amounts in CNY text, lines and coupons with defaults."""

from __future__ import annotations

from datetime import UTC, datetime

from shopguide.core.money import Money
from shopguide.core.pricing import CartLine, Coupon, CouponKind

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
LAST_YEAR = datetime(2024, 6, 1, tzinfo=UTC)
NEXT_YEAR = datetime(2026, 6, 1, tzinfo=UTC)

SHOES, TEES, SOCKS = "running shoes", "t-shirts", "socks"
RUNNER, TEE, SOCK = 10, 20, 30  # style ids


def cny(text: str) -> Money:
    return Money.parse(text, "CNY")


def line(
    label: str,
    price: str,
    *,
    quantity: int = 1,
    style_id: int = RUNNER,
    category: str = SHOES,
    member: str | None = None,
    variant_id: int | None = None,
) -> CartLine:
    return CartLine(
        variant_id=variant_id if variant_id is not None else abs(hash(label)) % 10_000,
        style_id=style_id,
        label=label,
        category=category,
        quantity=quantity,
        list_price=cny(price),
        member_price=None if member is None else cny(member),
    )


def coupon(
    code: str,
    *,
    amount: str | None = None,
    percent_bp: int | None = None,
    min_spend: str = "0",
    category: str | None = None,
    valid_from: datetime = LAST_YEAR,
    valid_to: datetime = NEXT_YEAR,
    used: bool = False,
) -> Coupon:
    if amount is not None:
        kind, value = CouponKind.AMOUNT, cny(amount).minor
    else:
        assert percent_bp is not None
        kind, value = CouponKind.PERCENT, percent_bp
    return Coupon(
        code=code,
        kind=kind,
        value=value,
        min_spend=cny(min_spend),
        valid_from=valid_from,
        valid_to=valid_to,
        category=category,
        used=used,
    )
