"""Stock promised across stores from the tablet: reservations, transfers and lost demand.

Every write is a mutation in the outbox with an id made here (UUIDv7), so a
request tapped with the network down goes through exactly once when it comes
back, and a retried push never makes a second hold. What the tablet shows is
the store's inbox as the cache last received it (`inbox:<store>` scope) with
the tablet's own writes laid over it until the server's answer arrives: a
reservation asked offline is listed as "queued", a refusal typed offline
already reads "refused" and stops holding stock. A request the server turned
down (two guides reserving the last pair: the second one loses) stays listed
with the server's reason until the guide dismisses it, so the guide always
gets a clear answer.

Held stock follows the sync contract: at a store, what can still be promised
is `on_hand` less the open reservations (`requested`/`confirmed`, not past
`expires_at`) and open transfers (`requested`/`accepted`) holding stock there.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any, Final

from shopguide.client import clock
from shopguide.client.cache import Cache
from shopguide.client.outbox import PENDING, REJECTED, Mutation, Outbox, StockHold
from shopguide.client.sync_engine import SyncEngine
from shopguide.core.ids import uuid7_str

DEFAULT_HOURS: Final = 24
RESERVATION, TRANSFER = "reservation", "transfer"
# Statuses a request has on this tablet before the server's row arrives.
QUEUED, NOT_ACCEPTED = "queued", "not_accepted"
RESERVATION_HOLDING: Final = frozenset({"requested", "confirmed"})
TRANSFER_HOLDING: Final = frozenset({"requested", "accepted"})

# What each follow-up mutation turns a row's status into, until the server says so itself.
_STEPS: Final[Mapping[str, str]] = {
    "reservation.cancel": "cancelled",
    "reservation.collect": "collected",
    "transfer.ship": "shipped",
    "transfer.receive": "received",
    "transfer.cancel": "cancelled",
}
_ANSWERS: Final[Mapping[tuple[str, str], str]] = {
    ("reservation.answer", "confirm"): "confirmed",
    ("reservation.answer", "refuse"): "refused",
    ("transfer.answer", "accept"): "accepted",
    ("transfer.answer", "refuse"): "refused",
}
_FOLLOW_UPS: Final = (*_STEPS, "reservation.answer", "transfer.answer")
_REQUESTS: Final = {"reservation.request": RESERVATION, "transfer.request": TRANSFER}


class Direction(StrEnum):
    INCOMING = "incoming"  # another store asks this one: hold it here, or send it
    OUTGOING = "outgoing"  # this store asked another


class Action(StrEnum):
    CONFIRM = "confirm"
    REFUSE = "refuse"
    ACCEPT = "accept"
    SHIP = "ship"
    RECEIVE = "receive"
    COLLECT = "collect"
    CANCEL = "cancel"
    DISMISS = "dismiss"  # forget a request the server did not accept


@dataclass(frozen=True, slots=True)
class ShipTo:
    name: str
    phone: str
    address: str


@dataclass(frozen=True, slots=True)
class InboxItem:
    """One reservation or transfer as the inbox lists it."""

    kind: str  # RESERVATION | TRANSFER
    id: str
    direction: Direction
    other_store_id: int
    other_store_name: str
    variant_id: int
    label: str  # style name · colour · size
    quantity: int
    customer: str  # name, "···1234", or the ship-to name; may be empty
    status: str  # the server's status (expiry applied), QUEUED or NOT_ACCEPTED
    reason: str  # why it was refused or cancelled, or the server's reason for NOT_ACCEPTED
    expires_at: datetime | None  # reservations only
    created_by_name: str
    created_at: datetime
    unsent: bool  # a change made on this tablet has not reached the server yet
    mutation_id: str = ""  # the request's own mutation, for QUEUED and NOT_ACCEPTED

    @property
    def actions(self) -> tuple[Action, ...]:
        """What this store may do next; nothing while its own change is still on the way."""
        if self.status == NOT_ACCEPTED:
            return (Action.DISMISS,)
        if self.unsent:
            return ()
        incoming = self.direction is Direction.INCOMING
        if self.kind == RESERVATION:
            if self.status == "requested":
                return (Action.CONFIRM, Action.REFUSE) if incoming else (Action.CANCEL,)
            if self.status == "confirmed":
                return (Action.COLLECT, Action.CANCEL) if incoming else (Action.CANCEL,)
            return ()
        if self.status == "requested":
            return (Action.ACCEPT, Action.REFUSE) if incoming else (Action.CANCEL,)
        if self.status == "accepted":
            return (Action.SHIP, Action.CANCEL) if incoming else (Action.CANCEL,)
        if self.status == "shipped" and not incoming:
            return (Action.RECEIVE,)
        return ()

    @property
    def needs_answer(self) -> bool:
        """Waiting for this store: an incoming request to answer, or one to ship."""
        return self.direction is Direction.INCOMING and bool(
            set(self.actions) & {Action.CONFIRM, Action.ACCEPT, Action.SHIP}
        )


@dataclass(frozen=True, slots=True)
class Inbox:
    incoming: list[InboxItem]  # newest first
    outgoing: list[InboxItem]  # newest first
    as_of: datetime | None  # when the inbox scope last synced

    @property
    def to_answer(self) -> int:
        return sum(1 for item in self.incoming if item.needs_answer)


class Holds:
    """Reservations, transfers and lost demand for one store's tablet."""

    def __init__(
        self, *, cache: Cache, outbox: Outbox, store_id: int, engine: SyncEngine | None = None
    ) -> None:
        self._cache = cache
        self._outbox = outbox
        self._store_id = store_id
        self._engine = engine

    @property
    def store_id(self) -> int:
        return self._store_id

    # -- asking other stores ------------------------------------------------------

    def reserve(
        self,
        variant_id: int,
        at_store_id: int,
        *,
        customer_name: str = "",
        customer_phone: str = "",
        member_id: int | None = None,
        hours: int = DEFAULT_HOURS,
        quantity: int = 1,
    ) -> str:
        """Ask another store to hold the variant for a customer; returns the reservation id."""
        if at_store_id == self._store_id:
            raise ValueError("a reservation holds stock at another store")
        name, phone = customer_name.strip(), customer_phone.strip()
        if not (name or phone or member_id):
            raise ValueError("name the customer: a name, a phone or the cart's member")
        reservation_id = uuid7_str()
        payload: dict[str, Any] = {
            "reservation_id": reservation_id,
            "from_store_id": self._store_id,
            "at_store_id": at_store_id,
            "variant_id": variant_id,
            "quantity": quantity,
            "hours": hours,
            "customer_name": name,
        }
        if phone:
            payload["customer_phone"] = phone
        if member_id is not None:
            payload["member_id"] = member_id
        self._queue("reservation.request", payload)
        return reservation_id

    def request_transfer(
        self,
        variant_id: int,
        from_store_id: int,
        *,
        quantity: int = 1,
        order_id: str | None = None,
        ship_to: ShipTo | None = None,
    ) -> str:
        """Ask another store to send units here (or to the customer); returns the transfer id."""
        if from_store_id == self._store_id:
            raise ValueError("a transfer comes from another store")
        transfer_id = uuid7_str()
        payload = transfer_request(
            transfer_id,
            from_store_id=from_store_id,
            to_store_id=self._store_id,
            variant_id=variant_id,
            quantity=quantity,
            order_id=order_id,
            ship_to=ship_to,
        )
        self._queue("transfer.request", payload)
        return transfer_id

    def record_lost_demand(
        self, *, variant_id: int | None = None, style_id: int | None = None, size: str = ""
    ) -> str:
        """One tap: a customer wanted this here and there was none. Returns the demand id."""
        if variant_id is None and (style_id is None or not size):
            raise ValueError("give the variant, or the style and the size")
        demand_id = uuid7_str()
        payload: dict[str, Any] = {
            "demand_id": demand_id,
            "store_id": self._store_id,
            "at": clock.now().isoformat(),
        }
        if variant_id is not None:
            payload["variant_id"] = variant_id
        else:
            payload["style_id"] = style_id
            payload["size"] = size
        self._queue("demand.lost", payload)
        return demand_id

    # -- answering and following up ---------------------------------------------------

    def act(self, item: InboxItem, action: Action, reason: str = "") -> None:
        """Do one of `item.actions`; a refusal needs its reason."""
        if action not in item.actions:
            raise ValueError(f"cannot {action} a {item.kind} that is {item.status}")
        if action is Action.DISMISS:
            self._outbox.discard(item.mutation_id)
            return
        if action is Action.REFUSE and not reason.strip():
            raise ValueError("say why it is refused")
        key = {RESERVATION: "reservation_id", TRANSFER: "transfer_id"}[item.kind]
        payload: dict[str, Any] = {key: item.id}
        holds: list[StockHold] = []
        if action in (Action.CONFIRM, Action.REFUSE, Action.ACCEPT):
            payload["answer"] = action.value
            if action is Action.REFUSE:
                payload["reason"] = reason.strip()
            type_ = f"{item.kind}.answer"
        else:
            type_ = f"{item.kind}.{action.value}"
            if action is Action.CANCEL:
                payload["reason"] = reason.strip()
            if action is Action.SHIP:
                # The server lowers this store's shelf when it hears; show it lower now.
                holds.append(StockHold(self._store_id, item.variant_id, item.quantity))
        self._queue(type_, payload, holds)

    def _queue(
        self, type_: str, payload: Mapping[str, Any], holds: Sequence[StockHold] = ()
    ) -> None:
        self._outbox.enqueue(type_, payload, holds=holds)
        if self._engine is not None:
            self._engine.notify_queued()

    # -- reading ----------------------------------------------------------------------

    def inbox(self, now: datetime | None = None) -> Inbox:
        """The store's reservations and transfers, both ways, with this tablet's changes on top."""
        now = now or clock.now()
        requests = self._local_requests()
        follow_ups = self._follow_ups()
        reservations, transfers, names, labels, synced = self._cache.read(
            lambda conn: _read_inbox(conn, self._store_id, requests)
        )
        items: list[InboxItem] = []
        for row in reservations:
            items.append(self._reservation(row, names, labels, now))
        for row in transfers:
            items.append(self._transfer(row, names, labels))
        known = {item.id for item in items}
        for mutation, kind in requests:
            if _request_id(mutation, kind) not in known:
                items.append(self._request_item(mutation, kind, names, labels))
        items = [_overlay(item, follow_ups.get(item.id, ())) for item in items]
        items.sort(key=lambda i: i.created_at, reverse=True)
        return Inbox(
            incoming=[i for i in items if i.direction is Direction.INCOMING],
            outgoing=[i for i in items if i.direction is Direction.OUTGOING],
            as_of=datetime.fromisoformat(synced) if synced else None,
        )

    def open_holds(
        self, store_ids: Iterable[int], variant_ids: Iterable[int], now: datetime | None = None
    ) -> dict[tuple[int, int], int]:
        """(store, variant) -> units promised there by the reservations and transfers known here.

        This store's own holds are all in its inbox; another store's are only
        those this store asked for (the server answers the rest online). Reads
        only the open rows of the variants asked, so a long history costs nothing.
        """
        stores, variants = sorted(set(store_ids)), sorted(set(variant_ids))
        if not stores or not variants:
            return {}
        now = now or clock.now()
        ids = (f"[{','.join(map(str, stores))}]", f"[{','.join(map(str, variants))}]")

        def query(conn: sqlite3.Connection) -> list[Any]:
            reservations = conn.execute(
                "SELECT id, at_store_id, variant_id, quantity, expires_at FROM reservation "
                "WHERE status IN ('requested', 'confirmed') "
                "AND at_store_id IN (SELECT value FROM json_each(?)) "
                "AND variant_id IN (SELECT value FROM json_each(?))",
                ids,
            ).fetchall()
            transfers = conn.execute(
                "SELECT id, from_store_id, variant_id, quantity, NULL FROM transfer "
                "WHERE status IN ('requested', 'accepted') "
                "AND from_store_id IN (SELECT value FROM json_each(?)) "
                "AND variant_id IN (SELECT value FROM json_each(?))",
                ids,
            ).fetchall()
            return [*reservations, *transfers]

        follow_ups = self._follow_ups()
        held: dict[tuple[int, int], int] = {}
        seen: set[str] = set()

        def add(store: int, variant: int, quantity: int) -> None:
            held[store, variant] = held.get((store, variant), 0) + quantity

        for hold_id, store, variant, quantity, expires in self._cache.read(query):
            seen.add(hold_id)
            if expires and datetime.fromisoformat(expires) <= now:
                continue
            if any(
                m.payload.get("answer") not in ("confirm", "accept")
                for m in follow_ups.get(hold_id, ())
            ):
                continue  # refused, cancelled or shipped on this tablet: no longer held
            add(store, variant, quantity)
        for mutation, kind in self._local_requests():
            payload = mutation.payload
            store = int(payload["at_store_id" if kind == RESERVATION else "from_store_id"])
            variant = int(payload["variant_id"])
            if (
                mutation.state == PENDING
                and _request_id(mutation, kind) not in seen
                and store in stores
                and variant in variants
            ):
                add(store, variant, int(payload.get("quantity", 1)))
        return held

    def member_name(self, member_id: int) -> str:
        """The cached member's name, for "reserve for the cart's member"; empty if unknown."""
        row = self._cache.read(
            lambda c: c.execute("SELECT name FROM member WHERE id = ?", (member_id,)).fetchone()
        )
        return str(row[0]) if row and row[0] else ""

    # -- building items ---------------------------------------------------------------

    def _local_requests(self) -> list[tuple[Mutation, str]]:
        """This tablet's requests the server has not accepted yet, or has turned down."""
        found = []
        for type_, kind in _REQUESTS.items():
            found += [(m, kind) for m in self._outbox.unsettled(type_)]
        return found

    def _follow_ups(self) -> dict[str, list[Mutation]]:
        """Pending answers and steps by the id they are about, oldest first."""
        by_id: dict[str, list[Mutation]] = {}
        for type_ in _FOLLOW_UPS:
            for mutation in self._outbox.unsettled(type_):
                if mutation.state != PENDING:
                    continue
                target = mutation.payload.get("reservation_id") or mutation.payload.get(
                    "transfer_id"
                )
                by_id.setdefault(str(target), []).append(mutation)
        for mutations in by_id.values():
            mutations.sort(key=lambda m: m.created_at)
        return by_id

    def _reservation(
        self, row: Sequence[Any], names: Mapping[int, str], labels: Mapping[int, str], now: datetime
    ) -> InboxItem:
        (rid, from_store, at_store, variant, quantity, name, last4, _member, status, reason,
         expires, by_name, created) = row  # fmt: skip
        expires_at = datetime.fromisoformat(expires) if expires else None
        if status in RESERVATION_HOLDING and expires_at is not None and expires_at <= now:
            status = "expired"  # the server writes it on its next read; no longer held
        incoming = at_store == self._store_id
        other = from_store if incoming else at_store
        return InboxItem(
            kind=RESERVATION,
            id=rid,
            direction=Direction.INCOMING if incoming else Direction.OUTGOING,
            other_store_id=other,
            other_store_name=names.get(other, ""),
            variant_id=variant,
            label=labels.get(variant, ""),
            quantity=quantity,
            customer=_customer(name or "", last4 or ""),
            status=status,
            reason=reason or "",
            expires_at=expires_at,
            created_by_name=by_name or "",
            created_at=datetime.fromisoformat(created),
            unsent=False,
        )

    def _transfer(
        self, row: Sequence[Any], names: Mapping[int, str], labels: Mapping[int, str]
    ) -> InboxItem:
        (
            tid,
            from_store,
            to_store,
            variant,
            quantity,
            status,
            reason,
            ship_name,
            by_name,
            created,
        ) = row
        incoming = from_store == self._store_id  # another store asks this one to send
        other = to_store if incoming else from_store
        return InboxItem(
            kind=TRANSFER,
            id=tid,
            direction=Direction.INCOMING if incoming else Direction.OUTGOING,
            other_store_id=other,
            other_store_name=names.get(other, ""),
            variant_id=variant,
            label=labels.get(variant, ""),
            quantity=quantity,
            customer=ship_name or "",
            status=status,
            reason=reason or "",
            expires_at=None,
            created_by_name=by_name or "",
            created_at=datetime.fromisoformat(created),
            unsent=False,
        )

    def _request_item(
        self, mutation: Mutation, kind: str, names: Mapping[int, str], labels: Mapping[int, str]
    ) -> InboxItem:
        payload = mutation.payload
        other = int(payload["at_store_id"] if kind == RESERVATION else payload["from_store_id"])
        variant = int(payload["variant_id"])
        ship_to = payload.get("ship_to") or {}
        customer = (
            _customer(payload.get("customer_name", ""), payload.get("customer_phone", "")[-4:])
            if kind == RESERVATION
            else str(ship_to.get("name", ""))
        )
        refused = mutation.state == REJECTED
        return InboxItem(
            kind=kind,
            id=_request_id(mutation, kind),
            direction=Direction.OUTGOING,
            other_store_id=other,
            other_store_name=names.get(other, ""),
            variant_id=variant,
            label=labels.get(variant, ""),
            quantity=int(payload.get("quantity", 1)),
            customer=customer,
            status=NOT_ACCEPTED if refused else QUEUED,
            reason=(mutation.reason or "") if refused else "",
            expires_at=None,
            created_by_name="",
            created_at=mutation.created_at,
            unsent=not refused,
            mutation_id=mutation.id,
        )


def transfer_request(
    transfer_id: str,
    *,
    from_store_id: int,
    to_store_id: int,
    variant_id: int,
    quantity: int,
    order_id: str | None = None,
    ship_to: ShipTo | None = None,
) -> dict[str, Any]:
    """The payload of a `transfer.request` mutation."""
    payload: dict[str, Any] = {
        "transfer_id": transfer_id,
        "from_store_id": from_store_id,
        "to_store_id": to_store_id,
        "variant_id": variant_id,
        "quantity": quantity,
    }
    if order_id is not None:
        payload["order_id"] = order_id
    if ship_to is not None:
        payload["ship_to"] = {
            "name": ship_to.name,
            "phone": ship_to.phone,
            "address": ship_to.address,
        }
    return payload


def _request_id(mutation: Mutation, kind: str) -> str:
    return str(mutation.payload["reservation_id" if kind == RESERVATION else "transfer_id"])


def _overlay(item: InboxItem, follow_ups: Sequence[Mutation]) -> InboxItem:
    """The item as it will be once this tablet's pending changes to it reach the server."""
    for mutation in follow_ups:
        status = _STEPS.get(mutation.type) or _ANSWERS.get(
            (mutation.type, str(mutation.payload.get("answer", "")))
        )
        if status is not None:
            reason = str(mutation.payload.get("reason", "")) or item.reason
            item = replace(item, status=status, reason=reason, unsent=True)
    return item


def _customer(name: str, last4: str) -> str:
    phone = f"···{last4}" if last4 else ""
    return " · ".join(part for part in (name.strip(), phone) if part)


def _read_inbox(
    conn: sqlite3.Connection, store_id: int, requests: Sequence[tuple[Mutation, str]]
) -> tuple[list[Any], list[Any], dict[int, str], dict[int, str], str | None]:
    """The store's rows, store names and variant labels in one read of the cache."""
    reservations = conn.execute(
        "SELECT id, from_store_id, at_store_id, variant_id, quantity, customer_name, "
        "customer_phone_last4, member_id, status, reason, expires_at, created_by_name, "
        "created_at FROM reservation WHERE from_store_id = ? OR at_store_id = ?",
        (store_id, store_id),
    ).fetchall()
    transfers = conn.execute(
        "SELECT id, from_store_id, to_store_id, variant_id, quantity, status, reason, "
        "ship_to_name, created_by_name, created_at FROM transfer "
        "WHERE from_store_id = ? OR to_store_id = ?",
        (store_id, store_id),
    ).fetchall()
    names = {int(i): str(n) for i, n in conn.execute("SELECT id, name FROM store")}
    variants = {int(r[3]) for r in [*reservations, *transfers]}
    variants |= {int(m.payload["variant_id"]) for m, _ in requests}
    labels = {
        int(vid): f"{name} · {colour} · {size}"
        for vid, name, colour, size in conn.execute(
            "SELECT v.id, s.name, v.colour, v.size FROM variant v JOIN style s "
            "ON s.id = v.style_id WHERE v.id IN (SELECT value FROM json_each(?))",
            (f"[{','.join(str(v) for v in sorted(variants))}]",),
        )
    }
    synced = conn.execute(
        "SELECT synced_at FROM sync_state WHERE scope = ?", (f"inbox:{store_id}",)
    ).fetchone()
    return reservations, transfers, names, labels, synced[0] if synced else None
