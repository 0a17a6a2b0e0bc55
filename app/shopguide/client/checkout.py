"""Turning the open cart into an order on the server and a payment intent for it.

The cart's id is the order id, so a checkout started twice (a double tap, a
crash and a retry) names one order; the order goes through the outbox like
every sale and is pushed at once, then the server is asked for a payment
intent. An order already on the server (a declined or expired payment tried
again from the Orders screen) goes straight to the intent. Whether the
customer paid is only ever read from the server.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from shopguide.client.api import ApiClient
from shopguide.client.carts import Cart
from shopguide.client.orders import OrderLine, queue_order
from shopguide.client.outbox import Outbox
from shopguide.client.receipts import ReceiptLine, fetch_receipt_url
from shopguide.client.sync_engine import SyncEngine
from shopguide.core.money import Money
from shopguide.core.pricing import PricedCart

FINAL_STATES = frozenset({"paid", "failed", "expired", "cancelled", "refunded"})


class CheckoutError(Exception):
    """The order could not be placed on the server: the reason says why."""


@dataclass(frozen=True, slots=True)
class Sale:
    """What a checkout takes payment for: an order, its total and the lines its receipt lists.

    A sale from the cart first places its order (`place`); a retry from the
    Orders screen names an order the server already has, so `place` is None.
    """

    order_id: str
    total: Money
    lines: tuple[ReceiptLine, ...]
    place: Callable[[], str] | None = None


@dataclass(frozen=True, slots=True)
class Intent:
    payment_id: int
    order_id: str
    provider: str
    status: str
    qr_content: str
    amount: int
    currency: str
    expires_at: datetime
    paid_at: datetime | None
    failure_reason: str | None

    @classmethod
    def from_wire(cls, body: dict[str, Any]) -> Intent:
        paid_at = body.get("paid_at")
        return cls(
            payment_id=int(body["id"]),
            order_id=str(body["order_id"]),
            provider=str(body["provider"]),
            status=str(body["status"]),
            qr_content=str(body["qr_content"]),
            amount=int(body["amount"]),
            currency=str(body["currency"]),
            expires_at=_moment(body["expires_at"]),
            paid_at=_moment(paid_at) if paid_at else None,
            failure_reason=body.get("failure_reason"),
        )


def _moment(wire: object) -> datetime:
    return datetime.fromisoformat(str(wire).replace("Z", "+00:00"))


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

    def sale(self, cart: Cart, priced: PricedCart) -> Sale:
        """The cart as a sale whose order is placed when the checkout starts."""
        return Sale(
            order_id=cart.id,
            total=priced.total,
            lines=tuple(
                ReceiptLine(line.line.label, line.line.quantity, line.net_total)
                for line in priced.lines
            ),
            place=lambda: self.place(cart, priced),
        )

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

    def receipt_url(self, order_id: str) -> str:
        return fetch_receipt_url(self.api, order_id)
