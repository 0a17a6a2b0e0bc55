"""Turning a priced cart into a queued `order.place` mutation.

The order id and the mutation id are both made here, so the order keeps one
identity from the tap on "Pay" to the server, whatever the network does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from shopguide.client.outbox import Outbox, StockHold
from shopguide.core.ids import uuid7_str
from shopguide.core.money import Money


@dataclass(frozen=True, slots=True)
class OrderLine:
    variant_id: int
    quantity: int
    unit_price: Money
    discount: Money

    @property
    def net(self) -> Money:
        return self.unit_price * self.quantity - self.discount


def queue_order(
    outbox: Outbox,
    *,
    store_id: int,
    lines: Sequence[OrderLine],
    member_id: int | None = None,
    order_id: str | None = None,
) -> str:
    """Queue the order durably and hold its stock at this store; returns the order id."""
    if not lines:
        raise ValueError("an order needs at least one line")
    currency = lines[0].unit_price.currency
    subtotal = sum((line.unit_price * line.quantity for line in lines), Money.zero(currency))
    discount = sum((line.discount for line in lines), Money.zero(currency))
    total = subtotal - discount
    if total.minor < 0 or any(line.net.minor < 0 for line in lines):
        raise ValueError("a line's discount cannot exceed its price")
    order_id = order_id or uuid7_str()
    payload = {
        "order_id": order_id,
        "store_id": store_id,
        "member_id": member_id,
        "currency": currency,
        "lines": [
            {
                "variant_id": line.variant_id,
                "quantity": line.quantity,
                "unit_price": line.unit_price.minor,
                "discount": line.discount.minor,
            }
            for line in lines
        ],
        "subtotal": subtotal.minor,
        "discount": discount.minor,
        "total": total.minor,
        "created_at": datetime.now(UTC).isoformat(),
    }
    holds = [StockHold(store_id, line.variant_id, line.quantity) for line in lines]
    outbox.enqueue("order.place", payload, holds=holds)
    return order_id
