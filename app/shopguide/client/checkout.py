"""Turning the open cart into an order on the server and a payment intent for it.

The cart's id is the order id, so a checkout started twice (a double tap, a
crash and a retry) names one order; the order goes through the outbox like
every sale and is pushed at once, then the server is asked for a payment
intent. Whether the customer paid is only ever read from the server.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from shopguide.client.api import ApiClient
from shopguide.client.carts import Cart
from shopguide.client.orders import OrderLine, queue_order
from shopguide.client.outbox import Outbox
from shopguide.client.sync_engine import SyncEngine
from shopguide.core.pricing import PricedCart

FINAL_STATES = frozenset({"paid", "failed", "expired", "cancelled", "refunded"})


class CheckoutError(Exception):
    """The order could not be placed on the server: the reason says why."""


@dataclass(frozen=True, slots=True)
class Intent:
    payment_id: int
    order_id: str
    status: str
    qr_content: str
    amount: int
    currency: str
    expires_at: datetime
    failure_reason: str | None

    @classmethod
    def from_wire(cls, body: dict[str, Any]) -> Intent:
        return cls(
            payment_id=int(body["id"]),
            order_id=str(body["order_id"]),
            status=str(body["status"]),
            qr_content=str(body["qr_content"]),
            amount=int(body["amount"]),
            currency=str(body["currency"]),
            expires_at=datetime.fromisoformat(str(body["expires_at"]).replace("Z", "+00:00")),
            failure_reason=body.get("failure_reason"),
        )


def order_lines(priced: PricedCart) -> list[OrderLine]:
    """Lines at list price with each line's whole saving as its discount: sums stay exact."""
    return [
        OrderLine(
            line.line.variant_id,
            line.line.quantity,
            line.line.list_price,
            line.list_total - line.net_total,
        )
        for line in priced.lines
    ]


class Checkout:
    def __init__(
        self, *, outbox: Outbox, engine: SyncEngine, api: ApiClient, store_id: int
    ) -> None:
        self.outbox, self.engine, self.api, self.store_id = outbox, engine, api, store_id

    def place(self, cart: Cart, priced: PricedCart) -> str:
        """Queue the order (once per cart) and push it now; returns the order id."""
        if not priced.lines:
            raise CheckoutError("the cart is empty")
        if self.outbox.get_order(cart.id) is None:
            queue_order(
                self.outbox,
                store_id=self.store_id,
                lines=order_lines(priced),
                member_id=cart.member_id,
                order_id=cart.id,
            )
        self.engine.push_pending()
        refused = [m for m in self.outbox.needs_attention() if m.payload.get("order_id") == cart.id]
        if refused:
            raise CheckoutError(refused[0].reason or "the server refused the order")
        return cart.id

    def intent(self, order_id: str, provider: str = "sandbox") -> Intent:
        return Intent.from_wire(
            self.api.post("/payments", {"order_id": order_id, "provider": provider})
        )

    def wait(self, payment_id: int, known: str, seconds: float = 10.0) -> Intent:
        """The intent once its status is no longer `known`, or as it is after `seconds`."""
        body = self.api.call(
            "GET",
            f"/payments/{payment_id}",
            params={"wait": seconds, "known": known},
            timeout=(3.05, seconds + 15),
        )
        return Intent.from_wire(body)

    def cancel(self, payment_id: int) -> Intent:
        return Intent.from_wire(self.api.post(f"/payments/{payment_id}/cancel", {}))
