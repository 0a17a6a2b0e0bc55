"""The Orders screen's list: the server's orders merged with what is still only on this tablet.

The server knows every pushed order and its payments; the outbox knows the
orders not pushed yet (or refused for good) and the payments the guide
recorded offline. Each row gets one state a guide understands. An offline
store QR is "Payment unverified" until the server says paid, whatever the
guide saw; an order is only ever shown paid on the server's word, or on the
guide's own record of cash or a card terminal.

Offline, the list is the local orders plus the server's last answer, kept
in memory with the time it was read, so the screen can say "as of 14:02".
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from shopguide.client.api import ApiClient, ApiError, LoginRequired, OfflineError
from shopguide.client.catalog import CatalogReader
from shopguide.client.checkout import Sale
from shopguide.client.outbox import APPLIED, PENDING, REJECTED, Mutation, Outbox
from shopguide.client.receipts import LineSource, Receipt, ReceiptLine, fetch_receipt_url
from shopguide.core.ids import short_order_id
from shopguide.core.money import Money

PAGE_SIZE = 50


class OrderState(StrEnum):
    QUEUED = "queued"  # only on this tablet: sent when the server can be reached
    SENT = "sent"  # the server has it, but this tablet is offline and has no word on its payment
    AWAITING = "awaiting"  # on the server, no payment settled
    PAID = "paid"  # the server heard the money arrive
    PAID_CASH = "paid_cash"  # the guide recorded cash
    PAID_CARD = "paid_card"  # the guide recorded a card terminal's approval
    UNVERIFIED = "unverified"  # the store's offline QR: never paid until the server says so
    DECLINED = "declined"
    EXPIRED = "expired"
    CANCELLED = "cancelled"
    REFUNDED = "refunded"
    REFUND_NEEDED = "refund_needed"  # money arrived that must go back
    REFUSED = "refused"  # the server refused the order or its payment record for good


RETRYABLE = frozenset(
    {OrderState.AWAITING, OrderState.DECLINED, OrderState.EXPIRED, OrderState.CANCELLED}
)
WITH_RECEIPT = frozenset({OrderState.PAID, OrderState.PAID_CASH, OrderState.PAID_CARD})
# States only the server's word ends: a local payment record does not override them.
_SETTLED_ON_SERVER = WITH_RECEIPT | {
    OrderState.UNVERIFIED,
    OrderState.REFUNDED,
    OrderState.REFUND_NEEDED,
}
_RECORDED = {
    "cash": OrderState.PAID_CASH,
    "card_terminal": OrderState.PAID_CARD,
    "emv_offline": OrderState.UNVERIFIED,
}
_RECORDED_STATUS = {
    "cash": "recorded_offline",
    "card_terminal": "recorded_offline",
    "emv_offline": "unverified",
}
_BY_PAYMENT_STATUS = {
    "paid": OrderState.PAID,
    "unverified": OrderState.UNVERIFIED,
    "pending": OrderState.AWAITING,
    "failed": OrderState.DECLINED,
    "expired": OrderState.EXPIRED,
    "cancelled": OrderState.CANCELLED,
    "refunded": OrderState.REFUNDED,
}


@dataclass(frozen=True, slots=True)
class OrderRow:
    order_id: str
    placed_at: datetime
    items: int
    total: Money
    guide: str
    state: OrderState
    reason: str | None = None  # why it was declined, refused or must be refunded
    method: str | None = None  # how it was paid (a provider, "cash", "card_terminal")
    on_server: bool = False  # the server has the order (its payment may still be local)
    pending_here: bool = False  # the order or its payment record still waits in the outbox

    @property
    def short_id(self) -> str:
        return short_order_id(self.order_id)

    @property
    def can_retry(self) -> bool:
        """On the server and not paid (or its offline payment record refused): pay again."""
        unpaid = self.state in RETRYABLE or self.state is OrderState.REFUSED
        return self.on_server and unpaid and not self.pending_here

    @property
    def has_receipt(self) -> bool:
        """Paid as far as the server knows: it can give the receipt address."""
        return self.on_server and self.state in WITH_RECEIPT and not self.pending_here


@dataclass(frozen=True, slots=True)
class PaymentInfo:
    method: str  # provider, "cash", "card_terminal" or "emv_offline"
    status: str  # the server's payment status; "refused" for a record it refused
    amount: Money
    failure_reason: str | None
    needs_refund: bool
    created_at: datetime
    paid_at: datetime | None
    local: bool = False  # recorded on this tablet, not yet on the server


@dataclass(frozen=True, slots=True)
class OrderDetail:
    row: OrderRow
    store_name: str
    lines: tuple[ReceiptLine, ...]
    payments: tuple[PaymentInfo, ...]  # oldest first


@dataclass(frozen=True, slots=True)
class OrderListing:
    rows: list[OrderRow]  # newest first
    as_of: datetime | None  # when the server's part was read; None: no answer yet
    offline: bool  # the server could not be asked just now: its part is from `as_of`
    problem: str = ""  # why not, for the screen
    next_before: str | None = None  # more, older orders on the server


@dataclass(frozen=True, slots=True)
class _Answer:
    orders: list[dict[str, Any]]
    as_of: datetime
    next_before: str | None


def state_of(order: Mapping[str, Any]) -> tuple[OrderState, str | None]:
    """The state a guide reads from the server's summary of an order, with its reason."""
    if order.get("refund_reason"):
        return OrderState.REFUND_NEEDED, str(order["refund_reason"])
    if order.get("status") == "refunded":
        return OrderState.REFUNDED, None
    payment = order.get("payment")
    if not payment:
        return OrderState.AWAITING, None
    status = payment["status"]
    if status == "recorded_offline":
        cash = payment["provider"] == "cash"
        return (OrderState.PAID_CASH if cash else OrderState.PAID_CARD), None
    state = _BY_PAYMENT_STATUS.get(status, OrderState.AWAITING)
    reason = payment.get("failure_reason") if state is OrderState.DECLINED else None
    return state, reason


class OrderHistory:
    def __init__(
        self,
        *,
        outbox: Outbox,
        api: ApiClient | None,
        reader: CatalogReader,
        guide_name: str,
        store_name: Callable[[], str],
        page_size: int = PAGE_SIZE,
    ) -> None:
        """`guide_name` sold the orders only this tablet knows; `store_name` reads the cache."""
        self.outbox, self.api, self.reader = outbox, api, reader
        self.guide_name, self.store_name = guide_name, store_name
        self.page_size = page_size
        self._answer: _Answer | None = None
        self._details: dict[str, OrderDetail] = {}
        self._lock = threading.Lock()

    # -- the list --------------------------------------------------------------

    def recent(self) -> OrderListing:
        """The newest orders: the server's first page (or its last answer) and the local ones."""
        problem = ""
        answer: _Answer | None
        try:
            answer = self._read_page(None)
        except (OfflineError, LoginRequired, ApiError) as exc:
            problem = str(exc)
            with self._lock:
                answer = self._answer
        else:
            with self._lock:
                self._answer = answer
        records = self._records()
        orders = answer.orders if answer else []
        server = [self._overlay(_row_from_server(order), records) for order in orders]
        known = {row.order_id for row in server}
        oldest = min((row.placed_at for row in server), default=None)
        local = []
        for mutation in self._local("order.place"):
            if str(mutation.payload["order_id"]) in known:
                continue
            row = self._local_row(mutation, records)
            # Pushed, yet not in the server's answer: older than its page when the answer
            # is fresh, so not shown; offline, shown unless older than the answer's rows.
            if mutation.state == APPLIED and (
                not problem or (oldest is not None and row.placed_at < oldest)
            ):
                continue
            local.append(row)
        rows = sorted(local + server, key=lambda r: r.placed_at, reverse=True)
        return OrderListing(
            rows=rows,
            as_of=answer.as_of if answer else None,
            offline=bool(problem),
            problem=problem,
            next_before=answer.next_before if answer else None,
        )

    def older(self, before: str) -> OrderListing:
        """The server's next page after `before`; older orders are never only local."""
        answer = self._read_page(before)
        records = self._records()
        return OrderListing(
            rows=[self._overlay(_row_from_server(order), records) for order in answer.orders],
            as_of=answer.as_of,
            offline=False,
            next_before=answer.next_before,
        )

    def _read_page(self, before: str | None) -> _Answer:
        if self.api is None:
            raise LoginRequired("log in to see the server's orders")
        params: dict[str, Any] = {"limit": self.page_size}
        if before:
            params["before"] = before
        body = self.api.get("/orders", params)
        return _Answer(list(body["items"]), datetime.now(UTC), body.get("next_before"))

    # -- one order ---------------------------------------------------------------

    def detail(self, order_id: str) -> OrderDetail:
        """The order in full: from the server, else as last read, else as queued here."""
        records = self._records()
        mutation = self.outbox.get_order(order_id)
        if mutation is not None and mutation.state != APPLIED:
            return self._local_detail(mutation, records)
        try:
            if self.api is None:
                raise LoginRequired("log in to see the server's orders")
            body = self.api.get(f"/orders/{order_id}")
        except (OfflineError, LoginRequired):
            with self._lock:
                known = self._details.get(order_id)
            if known is not None:
                return known
            if mutation is not None:
                return self._local_detail(mutation, records)
            raise
        detail = self._server_detail(body, records)
        if mutation is not None:  # the server does not say where lines came from; this tablet knows
            detail = replace(
                detail, lines=tuple(self._with_sources(detail.lines, mutation.payload))
            )
        with self._lock:
            self._details[order_id] = detail
        return detail

    def _with_sources(
        self, lines: Sequence[ReceiptLine], payload: Mapping[str, Any]
    ) -> list[ReceiptLine]:
        """The lines, each saying which store sends it when the order as queued here says so."""
        queued = payload["lines"]
        if len(queued) != len(lines) or all(q.get("from_store_id") is None for q in queued):
            return list(lines)
        names = self.reader.store_names()
        sourced = []
        for line, sent in zip(lines, queued, strict=True):
            store = sent.get("from_store_id")
            if store is not None:
                name = names.get(int(store), f"#{store}")
                line = replace(line, source=LineSource(str(sent["fulfilment"]), name))
            sourced.append(line)
        return sourced

    def sale(self, order_id: str) -> Sale:
        """The order as a sale to take payment for again (it is on the server already)."""
        detail = self.detail(order_id)
        return Sale(order_id=order_id, total=detail.row.total, lines=detail.lines)

    def receipt(self, order_id: str) -> Receipt:
        """The paid order's receipt, with its address when the server can be asked for it."""
        detail = self.detail(order_id)
        paying = [
            p for p in detail.payments if p.status in ("paid", "recorded_offline") and not p.local
        ]
        if not paying:
            raise LookupError("this order has no payment a receipt can name yet")
        try:
            url: str | None = self.fetch_receipt_url(order_id)
        except (OfflineError, LoginRequired, ApiError):
            url = None
        return Receipt(
            store_name=detail.store_name,
            order_id=order_id,
            lines=detail.lines,
            total=detail.row.total,
            method=paying[-1].method,
            paid_at=paying[-1].paid_at or paying[-1].created_at,
            url=url,
        )

    def fetch_receipt_url(self, order_id: str) -> str:
        if self.api is None:
            raise LoginRequired("log in to ask the server for a receipt")
        return fetch_receipt_url(self.api, order_id)

    # -- merging -----------------------------------------------------------------

    def _local(self, type_: str) -> list[Mutation]:
        """What the outbox holds that the list can need: everything still waiting or refused,
        and the newest page of the rest (a year of sales stays on the tablet)."""
        found = {m.id: m for m in self.outbox.latest(type_, self.page_size)}
        found.update((m.id, m) for m in self.outbox.unsettled(type_))
        return list(found.values())

    def _records(self) -> dict[str, Mutation]:
        """The guide's payment record of each order, by order id."""
        return {str(m.payload["order_id"]): m for m in self._local("payment.record")}

    def _overlay(self, row: OrderRow, records: Mapping[str, Mutation]) -> OrderRow:
        """The guide's payment record says more than "awaiting" or "sent", until the server
        settles the order: queued, it is what the guide recorded; refused, it needs them."""
        record = records.get(row.order_id)
        if record is None or row.state in _SETTLED_ON_SERVER:
            return row
        if record.state == REJECTED:
            return replace(row, state=OrderState.REFUSED, reason=record.reason)
        method = str(record.payload["method"])
        return replace(
            row, state=_RECORDED[method], method=method, pending_here=record.state == PENDING
        )

    def _local_row(self, mutation: Mutation, records: Mapping[str, Mutation]) -> OrderRow:
        payload = mutation.payload
        row = OrderRow(
            order_id=str(payload["order_id"]),
            placed_at=_moment(payload.get("created_at")) or mutation.created_at,
            items=sum(int(line["quantity"]) for line in payload["lines"]),
            total=Money(int(payload["total"]), str(payload["currency"])),
            guide=self.guide_name,
            state=OrderState.SENT,
            on_server=mutation.state == APPLIED,
        )
        if mutation.state == PENDING:
            return replace(row, state=OrderState.QUEUED, pending_here=True)
        if mutation.state == REJECTED:
            return replace(row, state=OrderState.REFUSED, reason=mutation.reason)
        return self._overlay(row, records)

    def _local_detail(self, mutation: Mutation, records: Mapping[str, Mutation]) -> OrderDetail:
        payload = mutation.payload
        currency = str(payload["currency"])
        variants = self.reader.variant_rows([int(line["variant_id"]) for line in payload["lines"]])
        lines = []
        for line in payload["lines"]:
            known = variants.get(int(line["variant_id"]))
            label = (
                f"{known.name} {known.colour} {known.size}" if known else f"#{line['variant_id']}"
            )
            net = int(line["unit_price"]) * int(line["quantity"]) - int(line["discount"])
            lines.append(ReceiptLine(label, int(line["quantity"]), Money(net, currency)))
        lines = self._with_sources(lines, payload)
        row = self._local_row(mutation, records)
        record = records.get(row.order_id)
        payments = () if record is None else (_recorded_payment(record),)
        return OrderDetail(
            row=row, store_name=self.store_name(), lines=tuple(lines), payments=payments
        )

    def _server_detail(
        self, body: Mapping[str, Any], records: Mapping[str, Mutation]
    ) -> OrderDetail:
        currency = str(body["currency"])
        payments = [_payment_from_server(p) for p in body["payments"]]
        record = records.get(str(body["id"]))
        if record is not None and record.state != APPLIED:
            payments.append(_recorded_payment(record))
        return OrderDetail(
            row=self._overlay(_row_from_server(body), records),
            store_name=str(body["store_name"]),
            lines=tuple(
                ReceiptLine(str(line["label"]), int(line["quantity"]), Money(line["net"], currency))
                for line in body["lines"]
            ),
            payments=tuple(payments),
        )


def _row_from_server(order: Mapping[str, Any]) -> OrderRow:
    state, reason = state_of(order)
    payment = order.get("payment")
    placed_at = _moment(order.get("placed_at")) or _moment(order["created_at"])
    assert placed_at is not None
    return OrderRow(
        order_id=str(order["id"]),
        placed_at=placed_at,
        items=int(order["items"]),
        total=Money(int(order["total"]), str(order["currency"])),
        guide=str(order["guide_name"]),
        state=state,
        reason=reason,
        method=str(payment["provider"]) if payment else None,
        on_server=True,
    )


def _payment_from_server(payment: Mapping[str, Any]) -> PaymentInfo:
    created_at = _moment(payment["created_at"])
    assert created_at is not None
    return PaymentInfo(
        method=str(payment["provider"]),
        status=str(payment["status"]),
        amount=Money(int(payment["amount"]), str(payment["currency"])),
        failure_reason=payment.get("failure_reason"),
        needs_refund=bool(payment["needs_refund"]),
        created_at=created_at,
        paid_at=_moment(payment.get("paid_at")),
    )


def _recorded_payment(record: Mutation) -> PaymentInfo:
    """A payment the guide recorded here; refused ones keep the server's reason."""
    method = str(record.payload["method"])
    refused = record.state == REJECTED
    return PaymentInfo(
        method=method,
        status="refused" if refused else _RECORDED_STATUS[method],
        amount=Money(int(record.payload["amount"]), str(record.payload["currency"])),
        failure_reason=record.reason if refused else None,
        needs_refund=False,
        created_at=record.created_at,
        paid_at=None,
        local=record.state == PENDING,
    )


def _moment(wire: object) -> datetime | None:
    if not wire:
        return None
    return datetime.fromisoformat(str(wire).replace("Z", "+00:00"))
