"""Turning a priced cart into a queued `order.place` mutation.

The order id and the mutation id are both made here, so the order keeps one
identity from the tap on "Pay" to the server, whatever the network does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from shopguide.client import clock
from shopguide.client.outbox import Outbox, StockHold
from shopguide.core.ids import uuid7_str
from shopguide.core.money import Money

HERE: Final = "here"


@dataclass(frozen=True, slots=True)
class OrderLine:
    variant_id: int
    quantity: int
    unit_price: Money
    discount: Money
    fulfilment: str = "here"  # "here", or "transfer" / "ship" from `from_store_id`
    from_store_id: int | None = None

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
    mutation_id: str | None = None,
) -> str:
    """Queue the order durably and hold its stock at this store; returns the order id.

    Only lines taken from this store's shelf hold stock here: a line sent from
    another store is held there by its own `transfer.request`, queued before.
    """
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
        "lines": [_line_payload(line) for line in lines],
        "subtotal": subtotal.minor,
        "discount": discount.minor,
        "total": total.minor,
        "created_at": clock.now().isoformat(),
    }
    holds = [
        StockHold(store_id, line.variant_id, line.quantity)
        for line in lines
        if line.fulfilment == HERE
    ]
    outbox.enqueue("order.place", payload, holds=holds, mutation_id=mutation_id)
    return order_id


def _line_payload(line: OrderLine) -> dict[str, Any]:
    if (line.fulfilment == HERE) != (line.from_store_id is None):
        raise ValueError("a line names the store it comes from exactly when it is not from here")
    payload: dict[str, Any] = {
        "variant_id": line.variant_id,
        "quantity": line.quantity,
        "unit_price": line.unit_price.minor,
        "discount": line.discount.minor,
    }
    if line.fulfilment != HERE:
        payload["fulfilment"] = line.fulfilment
        payload["from_store_id"] = line.from_store_id
    return payload
