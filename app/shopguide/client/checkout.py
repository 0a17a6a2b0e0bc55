"""Turning the open cart into an order on the server and a payment intent for it.

The cart's id is the order id, so a checkout started twice (a double tap, a
crash and a retry) names one order; the order goes through the outbox like
every sale and is pushed at once, then the server is asked for a payment
intent. An order already on the server (a declined or expired payment tried
again from the Orders screen) goes straight to the intent. Whether the
customer paid is only ever read from the server.

A line sent from another store (to this store, or shipped to the customer)
is asked of that store by a `transfer.request` queued before the order, so
the server holds the goods there before the order names them. Every id is
derived from the order id and the line, so placing the same cart again
queues nothing new.
"""

from __future__ import annotations

import contextlib
import functools
import json
import sqlite3
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from shopguide.client.api import ApiClient, ApiError, OfflineError
from shopguide.client.carts import SHIP, Cart, Fulfilment
from shopguide.client.holds import transfer_request
from shopguide.client.orders import OrderLine, queue_order
from shopguide.client.outbox import Outbox
from shopguide.client.receipts import LineSource, ReceiptLine, fetch_receipt_url
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


def order_lines(
    priced: PricedCart, sources: Mapping[int, Fulfilment] | None = None
) -> list[OrderLine]:
    """Lines at list price with each line's whole saving as its discount: sums stay exact.

    `sources`: where each variant's line comes from when not from this store's shelf.
    """
    sources = sources or {}
    lines = []
    for line in priced.lines:
        source = sources.get(line.line.variant_id)
        lines.append(
            OrderLine(
                line.line.variant_id,
                line.line.quantity,
                line.line.list_price,
                line.list_total - line.net_total,
                fulfilment=source.kind if source else "here",
                from_store_id=source.from_store_id if source else None,
            )
        )
    return lines


def derived_id(order_id: str, what: str) -> str:
    """An id that is the same every time for this order and `what` (a line's transfer, ...)."""
    return str(uuid.uuid5(uuid.UUID(order_id), what))


def _line_source(source: Fulfilment | None) -> LineSource | None:
    return LineSource(source.kind, source.from_store_name) if source else None


def sources_of(cart: Cart) -> dict[int, Fulfilment]:
    return {item.variant_id: item.fulfilment for item in cart.items if item.fulfilment}


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
                ReceiptLine(
                    line.line.label,
                    line.line.quantity,
                    line.net_total,
                    _line_source(sources_of(cart).get(line.line.variant_id)),
                )
                for line in priced.lines
            ),
            place=lambda: self.place(cart, priced),
        )

    def place(self, cart: Cart, priced: PricedCart) -> str:
        """Queue the order (once per cart) and push it now; returns the order id.

        Lines from other stores are asked of those stores first. When the
        network is up and a store says no (sold out since the guide looked),
        the order is not queued: the guide picks another store and pays again.
        """
        if not priced.lines:
            raise CheckoutError("the cart is empty")
        sources = sources_of(cart)
        requests = [
            self._transfer_request(cart.id, line.line.variant_id, line.line.quantity, source)
            for line in priced.lines
            if (source := sources.get(line.line.variant_id)) is not None
        ]
        asked = [mutation_id for mutation_id, _ in requests]
        order = self.outbox.get_order(cart.id)
        if order is None:
            for request_id, payload in requests:
                if self.outbox.get(request_id) is None:
                    self._once(
                        functools.partial(
                            self.outbox.enqueue, "transfer.request", payload, mutation_id=request_id
                        )
                    )
            if asked:
                with contextlib.suppress(OfflineError, ApiError):
                    self.engine.push_pending()  # offline: all of it goes later, in this order
                self._raise_refused(asked)
            mutation_id = derived_id(cart.id, "order.place")
            self._once(
                lambda: queue_order(
                    self.outbox,
                    store_id=self.store_id,
                    lines=order_lines(priced, sources),
                    member_id=cart.member_id,
                    order_id=cart.id,
                    mutation_id=mutation_id,
                )
            )
        else:
            mutation_id = order.id
        self.engine.push_pending()
        self._raise_refused([*asked, mutation_id])
        return cart.id

    def _raise_refused(self, mutation_ids: list[str]) -> None:
        refused = [m for m in self.outbox.needs_attention() if m.id in mutation_ids]
        if refused:
            raise CheckoutError(refused[0].reason or "the server refused the order")

    def _transfer_request(
        self, order_id: str, variant_id: int, quantity: int, source: Fulfilment
    ) -> tuple[str, dict[str, Any]]:
        """A line's `transfer.request`: (mutation id, payload).

        Its ids come from the order and everything asked, so the same line
        asks once however often it is placed, and a line changed after a
        refusal (another store, a corrected address) asks anew.
        """
        payload = transfer_request(
            "",
            from_store_id=source.from_store_id,
            to_store_id=self.store_id,
            variant_id=variant_id,
            quantity=quantity,
            order_id=order_id,
            ship_to=source.ship_to if source.kind == SHIP else None,
        )
        asked = json.dumps(payload, sort_keys=True, separators=(",", ":"))
        payload["transfer_id"] = derived_id(order_id, f"transfer:{asked}")
        return derived_id(order_id, f"transfer.request:{asked}"), payload

    @staticmethod
    def _once(queue: Callable[[], object]) -> None:
        """Queue unless a twin call (a double tap on another thread) has just queued the same id."""
        with contextlib.suppress(sqlite3.IntegrityError):
            queue()

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
