"""Reservations, transfers and lost demand: stock promised across stores, and the sales an empty
shelf lost.

Every function works inside the caller's transaction (flush, never commit),
as the push handlers need: the mutation's record and its effect commit
together. Repeating an answer that was already given (two guides tapping
"confirm", a retry with a new mutation id) returns the row as it is; a
change that no longer fits (confirming an expired hold) is `Refused` with
a reason a guide can act on.

Holds. An open reservation (requested or confirmed, not yet expired) holds
its units at the holding store, and an open transfer (requested or
accepted) at the sending store: what a store can still promise is its on
hand less those holds (`available`). A new promise locks the stock row of
the store and variant first, then reads the holds, so of two guides asking
for the last pair at once exactly one wins and the other is told what is
left and why. A sale on the floor still lowers stock without asking (an
oversell is recorded, never refused), so a hold is a promise, not a lock on
the shelf: the holding store's tablets see it in their inbox.

Expiry needs no clock of its own: a reservation past `expires_at` stops
holding the moment it is read, and `expire_due` writes the status when
someone looks (the inbox read online, a pull of an inbox scope), so
tablets see it change through the feed.

Lost demand is recorded by a guide's tap, and by the server itself when a
reservation or a transfer without an order is requested: the customer
wanted it here and the store had none.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, union_all
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import Select

from shopguide.server.models import (
    LostDemand,
    Member,
    Reservation,
    StockLevel,
    Store,
    Style,
    Transfer,
    User,
    Variant,
)
from shopguide.server.models.holds import (
    ACCEPTED,
    CANCELLED,
    COLLECTED,
    CONFIRMED,
    EXPIRED,
    FROM_RESERVATION,
    FROM_TRANSFER,
    MANUAL,
    RECEIVED,
    REFUSED,
    REQUESTED,
    RESERVATION_HOLDS,
    SHIPPED,
    TRANSFER_HOLDS,
)
from shopguide.server.models.types import utcnow
from shopguide.server.services import audit
from shopguide.server.services.errors import Conflict

_LOST_DEMAND_IDS = uuid.UUID("5f0c3b9e-8d7a-4c1e-9b2f-6a4e1d0c7b35")  # namespace for derived ids


class Refused(Conflict):
    """The promise cannot be made or changed (too few left, wrong store, already over)."""


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts: a guide or manager for their own store, an admin for any."""

    user_id: int
    store_id: int | None
    admin: bool = False

    def acts_for(self, store_id: int) -> bool:
        return self.admin or self.store_id == store_id


def _store(session: Session, store_id: int) -> Store:
    store = session.get(Store, store_id)
    if store is None:
        raise Refused(f"store {store_id} does not exist")
    return store


def _variant(session: Session, variant_id: int) -> Variant:
    variant = session.get(Variant, variant_id)
    if variant is None:
        raise Refused(f"variant {variant_id} does not exist")
    return variant


def _name_of(session: Session, user_id: int) -> str:
    user = session.get(User, user_id)
    return user.full_name if user else ""


# ----------------------------------------------------------------------------- holds


def held(
    session: Session, store_id: int, variant_ids: Collection[int] | None, now: datetime
) -> dict[int, int]:
    """Units held at `store_id` per variant (of `variant_ids`, or of every variant with a hold)."""
    reservations: Select[Any, Any] = select(
        col(Reservation.variant_id).label("variant_id"), col(Reservation.quantity).label("units")
    ).where(
        Reservation.at_store_id == store_id,
        col(Reservation.status).in_(RESERVATION_HOLDS),
        col(Reservation.expires_at) > now,
    )
    transfers: Select[Any, Any] = select(
        col(Transfer.variant_id).label("variant_id"), col(Transfer.quantity).label("units")
    ).where(Transfer.from_store_id == store_id, col(Transfer.status).in_(TRANSFER_HOLDS))
    if variant_ids is not None:
        reservations = reservations.where(col(Reservation.variant_id).in_(variant_ids))
        transfers = transfers.where(col(Transfer.variant_id).in_(variant_ids))
    both = union_all(reservations, transfers).subquery()
    rows = (
        session.connection()
        .execute(select(both.c.variant_id, func.sum(both.c.units)).group_by(both.c.variant_id))
        .all()
    )
    return {int(variant_id): int(units) for variant_id, units in rows}


def held_everywhere(
    session: Session, variant_ids: Collection[int], now: datetime
) -> dict[tuple[int, int], int]:
    """Units held per (store, variant) of `variant_ids` in every store, in one query."""
    reservations: Select[Any, Any, Any] = select(
        col(Reservation.at_store_id).label("store_id"),
        col(Reservation.variant_id).label("variant_id"),
        col(Reservation.quantity).label("units"),
    ).where(
        col(Reservation.variant_id).in_(variant_ids),
        col(Reservation.status).in_(RESERVATION_HOLDS),
        col(Reservation.expires_at) > now,
    )
    transfers: Select[Any, Any, Any] = select(
        col(Transfer.from_store_id).label("store_id"),
        col(Transfer.variant_id).label("variant_id"),
        col(Transfer.quantity).label("units"),
    ).where(col(Transfer.variant_id).in_(variant_ids), col(Transfer.status).in_(TRANSFER_HOLDS))
    both = union_all(reservations, transfers).subquery()
    rows = (
        session.connection()
        .execute(
            select(both.c.store_id, both.c.variant_id, func.sum(both.c.units)).group_by(
                both.c.store_id, both.c.variant_id
            )
        )
        .all()
    )
    return {(int(store_id), int(variant_id)): int(units) for store_id, variant_id, units in rows}


def _claim(session: Session, store: Store, variant_id: int, quantity: int, now: datetime) -> int:
    """Lock the store's stock row and check `quantity` can still be promised; return what is left.

    The lock comes before the holds are read, so a concurrent promise of the
    same variant at the same store waits here and then sees this one.
    """
    assert store.id is not None
    level = session.get(
        StockLevel, (store.id, variant_id), with_for_update=True, populate_existing=True
    )
    on_hand = level.on_hand if level is not None else 0
    promised = held(session, store.id, [variant_id], now).get(variant_id, 0)
    available = on_hand - promised
    if available >= quantity:
        return available - quantity
    if available <= 0 and promised:
        raise Refused(
            f"none left at {store.name}: reserved by another guide for another customer "
            f"({promised} on hold)"
        )
    if available <= 0:
        raise Refused(f"none left at {store.name}")
    held_text = f"; {promised} more on hold for other customers" if promised else ""
    raise Refused(f"only {available} left at {store.name}{held_text}; {quantity} asked")


# ----------------------------------------------------------------------------- reservations


def effective_status(reservation: Reservation, now: datetime) -> str:
    """The status as it stands now: an open reservation past its time has expired."""
    if reservation.status in RESERVATION_HOLDS and reservation.expires_at <= now:
        return EXPIRED
    return reservation.status


def _set_status(
    item: Reservation | Transfer, status: str, now: datetime, *, by: int | None = None
) -> None:
    item.status = status
    item.updated_at = now
    if by is not None:
        item.answered_by = by


def _locked_reservation(session: Session, reservation_id: str, now: datetime) -> Reservation:
    reservation = session.get(
        Reservation, reservation_id, with_for_update=True, populate_existing=True
    )
    if reservation is None:
        raise Refused(f"reservation {reservation_id} does not exist")
    if effective_status(reservation, now) != reservation.status:
        _set_status(reservation, EXPIRED, now)
        session.add(reservation)
    return reservation


def _over(reservation: Reservation) -> Refused:
    when = {
        EXPIRED: f" at {reservation.expires_at:%Y-%m-%d %H:%M} UTC",
        REFUSED: f": {reservation.reason}" if reservation.reason else "",
        CANCELLED: f": {reservation.reason}" if reservation.reason else "",
    }.get(reservation.status, "")
    return Refused(f"this reservation was already {reservation.status}{when}")


def request_reservation(
    session: Session,
    actor: Actor,
    *,
    reservation_id: str,
    from_store_id: int,
    at_store_id: int,
    variant_id: int,
    quantity: int,
    hours: int,
    customer_name: str,
    customer_phone: str | None,
    member_id: int | None,
    now: datetime | None = None,
) -> tuple[Reservation, int | None]:
    """Hold `quantity` of the variant at another store for a customer; (reservation, left there).

    Also records the lost demand at the requesting store. A repeat with the
    same reservation id by the same guide returns the reservation as it is
    (and None for what is left, which it did not look at).
    """
    now = now or utcnow()
    if not actor.acts_for(from_store_id):
        raise Refused("reserve for your own store's customers: from_store_id is not your store")
    if from_store_id == at_store_id:
        raise Refused("a reservation holds stock at another store; keep it aside on your shelf")
    earlier = session.get(Reservation, reservation_id)
    if earlier is not None:
        if earlier.created_by != actor.user_id or earlier.variant_id != variant_id:
            raise Refused(f"reservation {reservation_id} was already made for something else")
        return earlier, None
    _store(session, from_store_id)
    at_store = _store(session, at_store_id)
    variant = _variant(session, variant_id)
    if member_id is not None and session.get(Member, member_id) is None:
        raise Refused(f"member {member_id} does not exist")
    left = _claim(session, at_store, variant_id, quantity, now)
    digits = "".join(ch for ch in customer_phone or "" if ch.isdigit())
    reservation = Reservation(
        id=reservation_id,
        from_store_id=from_store_id,
        at_store_id=at_store_id,
        variant_id=variant_id,
        quantity=quantity,
        customer_name=customer_name,
        customer_phone_last4=digits[-4:],
        member_id=member_id,
        status=REQUESTED,
        expires_at=now + timedelta(hours=hours),
        created_by=actor.user_id,
        created_by_name=_name_of(session, actor.user_id),
        created_at=now,
        updated_at=now,
    )
    session.add(reservation)
    _lost_for(session, actor, variant, from_store_id, now, FROM_RESERVATION, reservation_id)
    audit.record(
        session,
        action="reservation.request",
        entity="reservation",
        entity_id=reservation_id,
        user_id=actor.user_id,
        store_id=from_store_id,
        detail={"at_store": at_store_id, "variant": variant_id, "quantity": quantity},
    )
    session.flush()
    return reservation, left


def answer_reservation(
    session: Session,
    actor: Actor,
    reservation_id: str,
    *,
    confirm: bool,
    reason: str,
    now: datetime | None = None,
) -> Reservation:
    """The holding store confirms it has put the units aside, or refuses with a reason."""
    now = now or utcnow()
    reservation = _locked_reservation(session, reservation_id, now)
    if not actor.acts_for(reservation.at_store_id):
        raise Refused("only the holding store answers a reservation")
    wanted = CONFIRMED if confirm else REFUSED
    if reservation.status == wanted:
        return reservation
    if reservation.status != REQUESTED:
        raise _over(reservation)
    _set_status(reservation, wanted, now, by=actor.user_id)
    reservation.reason = reason
    session.add(reservation)
    _audit(session, actor, f"reservation.{'confirm' if confirm else 'refuse'}", reservation)
    session.flush()
    return reservation


def cancel_reservation(
    session: Session, actor: Actor, reservation_id: str, *, reason: str, now: datetime | None = None
) -> Reservation:
    """Either store lets the hold go (the customer changed their mind, the box was damaged)."""
    now = now or utcnow()
    reservation = _locked_reservation(session, reservation_id, now)
    if not (actor.acts_for(reservation.from_store_id) or actor.acts_for(reservation.at_store_id)):
        raise Refused("only the two stores of a reservation can cancel it")
    if reservation.status == CANCELLED:
        return reservation
    if reservation.status not in RESERVATION_HOLDS:
        raise _over(reservation)
    _set_status(reservation, CANCELLED, now)
    reservation.reason = reason
    session.add(reservation)
    _audit(session, actor, "reservation.cancel", reservation)
    session.flush()
    return reservation


def collect_reservation(
    session: Session, actor: Actor, reservation_id: str, *, now: datetime | None = None
) -> Reservation:
    """The customer came to the holding store and took it: the hold ends (the sale is an order)."""
    now = now or utcnow()
    reservation = _locked_reservation(session, reservation_id, now)
    if not actor.acts_for(reservation.at_store_id):
        raise Refused("a reservation is collected at the holding store")
    if reservation.status == COLLECTED:
        return reservation
    if reservation.status not in RESERVATION_HOLDS:
        raise _over(reservation)
    _set_status(reservation, COLLECTED, now, by=actor.user_id)
    session.add(reservation)
    _audit(session, actor, "reservation.collect", reservation)
    session.flush()
    return reservation


def expire_due(
    session: Session, *, store_id: int | None = None, now: datetime | None = None
) -> int:
    """Write `expired` on open reservations past their time (of one store's inbox); flush only.

    Returns how many changed. The rows are locked as they are read, so two
    sweeps at once expire each reservation once.
    """
    now = now or utcnow()
    query = select(Reservation).where(
        col(Reservation.status).in_(RESERVATION_HOLDS), col(Reservation.expires_at) <= now
    )
    if store_id is not None:
        query = query.where(
            or_(
                col(Reservation.at_store_id) == store_id, col(Reservation.from_store_id) == store_id
            )
        )
    due = session.exec(query.with_for_update().execution_options(populate_existing=True)).all()
    for reservation in due:
        _set_status(reservation, EXPIRED, now)
        session.add(reservation)
    session.flush()
    return len(due)


def any_due(session: Session, store_id: int, now: datetime | None = None) -> bool:
    """Whether `expire_due` for the store would change anything: a cheap read before a write."""
    found = session.exec(
        select(Reservation.id)
        .where(
            col(Reservation.status).in_(RESERVATION_HOLDS),
            col(Reservation.expires_at) <= (now or utcnow()),
            or_(
                col(Reservation.at_store_id) == store_id, col(Reservation.from_store_id) == store_id
            ),
        )
        .limit(1)
    ).first()
    return found is not None


# ----------------------------------------------------------------------------- transfers


def _locked_transfer(session: Session, transfer_id: str) -> Transfer:
    transfer = session.get(Transfer, transfer_id, with_for_update=True, populate_existing=True)
    if transfer is None:
        raise Refused(f"transfer {transfer_id} does not exist")
    return transfer


def _transfer_over(transfer: Transfer) -> Refused:
    why = f": {transfer.reason}" if transfer.reason else ""
    return Refused(f"this transfer is already {transfer.status}{why}")


@dataclass(frozen=True, slots=True)
class ShipTo:
    """Where a ship-to-customer transfer goes."""

    name: str
    phone: str
    address: str


def request_transfer(
    session: Session,
    actor: Actor,
    *,
    transfer_id: str,
    from_store_id: int,
    to_store_id: int,
    variant_id: int,
    quantity: int,
    order_id: str | None,
    ship_to: ShipTo | None,
    now: datetime | None = None,
) -> tuple[Transfer, int | None]:
    """Ask another store to send units here (or to the customer); (transfer, left there).

    The units are held at the sending store from now on. A transfer for no
    order records lost demand here: a customer wanted it and the shelf was empty.
    """
    now = now or utcnow()
    if not actor.acts_for(to_store_id):
        raise Refused("request transfers to your own store: to_store_id is not your store")
    if from_store_id == to_store_id:
        raise Refused("a transfer comes from another store")
    earlier = session.get(Transfer, transfer_id)
    if earlier is not None:
        if earlier.created_by != actor.user_id or earlier.variant_id != variant_id:
            raise Refused(f"transfer {transfer_id} was already requested for something else")
        return earlier, None
    _store(session, to_store_id)
    from_store = _store(session, from_store_id)
    variant = _variant(session, variant_id)
    left = _claim(session, from_store, variant_id, quantity, now)
    transfer = Transfer(
        id=transfer_id,
        from_store_id=from_store_id,
        to_store_id=to_store_id,
        variant_id=variant_id,
        quantity=quantity,
        status=REQUESTED,
        order_id=order_id,
        ship_to_name=ship_to.name if ship_to else "",
        ship_to_phone=ship_to.phone if ship_to else "",
        ship_to_address=ship_to.address if ship_to else "",
        created_by=actor.user_id,
        created_by_name=_name_of(session, actor.user_id),
        created_at=now,
        updated_at=now,
    )
    session.add(transfer)
    if order_id is None:
        _lost_for(session, actor, variant, to_store_id, now, FROM_TRANSFER, transfer_id)
    audit.record(
        session,
        action="transfer.request",
        entity="transfer",
        entity_id=transfer_id,
        user_id=actor.user_id,
        store_id=to_store_id,
        detail={"from_store": from_store_id, "variant": variant_id, "quantity": quantity},
    )
    session.flush()
    return transfer, left


def answer_transfer(
    session: Session,
    actor: Actor,
    transfer_id: str,
    *,
    accept: bool,
    reason: str,
    now: datetime | None = None,
) -> Transfer:
    """The sending store agrees to send, or refuses with a reason (the hold ends)."""
    transfer = _locked_transfer(session, transfer_id)
    if not actor.acts_for(transfer.from_store_id):
        raise Refused("only the sending store answers a transfer request")
    wanted = ACCEPTED if accept else REFUSED
    if transfer.status == wanted:
        return transfer
    if transfer.status != REQUESTED:
        raise _transfer_over(transfer)
    _set_status(transfer, wanted, now or utcnow(), by=actor.user_id)
    transfer.reason = reason
    session.add(transfer)
    _audit(session, actor, f"transfer.{'accept' if accept else 'refuse'}", transfer)
    session.flush()
    return transfer


def ship_transfer(
    session: Session, actor: Actor, transfer_id: str, *, now: datetime | None = None
) -> Transfer:
    """The parcel left the sending store: its stock goes down, the hold ends.

    Shipping a transfer that was never answered accepts it on the way.
    """
    now = now or utcnow()
    transfer = _locked_transfer(session, transfer_id)
    if not actor.acts_for(transfer.from_store_id):
        raise Refused("only the sending store ships a transfer")
    if transfer.status in (SHIPPED, RECEIVED):
        return transfer
    if transfer.status not in TRANSFER_HOLDS:
        raise _transfer_over(transfer)
    _move_stock(session, transfer.from_store_id, transfer.variant_id, -transfer.quantity, now)
    _set_status(transfer, SHIPPED, now, by=transfer.answered_by or actor.user_id)
    transfer.shipped_at = now
    session.add(transfer)
    _audit(session, actor, "transfer.ship", transfer)
    session.flush()
    return transfer


def receive_transfer(
    session: Session, actor: Actor, transfer_id: str, *, now: datetime | None = None
) -> Transfer:
    """The requesting store has it (or the customer has their parcel).

    Goods for this store's shelf raise its stock; goods for an order placed
    here or shipped to the customer are already sold and do not.
    """
    now = now or utcnow()
    transfer = _locked_transfer(session, transfer_id)
    if not actor.acts_for(transfer.to_store_id):
        raise Refused("only the receiving store confirms a transfer arrived")
    if transfer.status == RECEIVED:
        return transfer
    if transfer.status != SHIPPED:
        raise Refused(f"this transfer is {transfer.status}, not shipped yet")
    if transfer.order_id is None and not transfer.ship_to_address:
        _move_stock(session, transfer.to_store_id, transfer.variant_id, transfer.quantity, now)
    _set_status(transfer, RECEIVED, now)
    transfer.received_at = now
    session.add(transfer)
    _audit(session, actor, "transfer.receive", transfer)
    session.flush()
    return transfer


def cancel_transfer(
    session: Session, actor: Actor, transfer_id: str, *, reason: str, now: datetime | None = None
) -> Transfer:
    """Either store calls it off before it ships; the hold ends."""
    transfer = _locked_transfer(session, transfer_id)
    if not (actor.acts_for(transfer.to_store_id) or actor.acts_for(transfer.from_store_id)):
        raise Refused("only the two stores of a transfer can cancel it")
    if transfer.status == CANCELLED:
        return transfer
    if transfer.status not in TRANSFER_HOLDS:
        raise _transfer_over(transfer)
    _set_status(transfer, CANCELLED, now or utcnow())
    transfer.reason = reason
    session.add(transfer)
    _audit(session, actor, "transfer.cancel", transfer)
    session.flush()
    return transfer


def _move_stock(
    session: Session, store_id: int, variant_id: int, delta: int, now: datetime
) -> None:
    """Change a store's on-hand figure through the ORM, so tablets get it by the stock feed."""
    level = session.get(
        StockLevel, (store_id, variant_id), with_for_update=True, populate_existing=True
    )
    if level is None:
        level = StockLevel(store_id=store_id, variant_id=variant_id, on_hand=0)
    level.on_hand += delta
    level.updated_at = now
    session.add(level)


# ----------------------------------------------------------------------------- lost demand


def record_lost_demand(
    session: Session,
    actor: Actor,
    *,
    demand_id: str,
    store_id: int,
    variant_id: int | None,
    style_id: int | None,
    size: str | None,
    at: datetime,
) -> tuple[LostDemand, bool]:
    """A guide's "wanted it, none here"; (the record, whether it is new). Once per demand id."""
    if not actor.acts_for(store_id):
        raise Refused("record lost demand for your own store")
    earlier = session.get(LostDemand, demand_id)
    if earlier is not None:
        if earlier.store_id != store_id:
            raise Refused(f"lost demand {demand_id} was recorded for another store")
        return earlier, False
    _store(session, store_id)
    if variant_id is not None:
        variant = _variant(session, variant_id)
        style_id, size = variant.style_id, variant.size
    elif style_id is None or size is None:
        raise Refused("name the variant, or the style and the size")
    elif session.get(Style, style_id) is None:
        raise Refused(f"style {style_id} does not exist")
    demand = LostDemand(
        id=demand_id,
        store_id=store_id,
        style_id=style_id,
        size=size,
        variant_id=variant_id,
        at=at,
        guide_id=actor.user_id,
        source=MANUAL,
    )
    session.add(demand)
    session.flush()
    return demand, True


def _lost_for(
    session: Session,
    actor: Actor,
    variant: Variant,
    store_id: int,
    now: datetime,
    source: str,
    reference: str,
) -> None:
    """The lost demand a reservation or transfer implies, with an id derived from it."""
    session.add(
        LostDemand(
            id=str(uuid.uuid5(_LOST_DEMAND_IDS, f"{source}:{reference}")),
            store_id=store_id,
            style_id=variant.style_id,
            size=variant.size,
            variant_id=variant.id,
            at=now,
            guide_id=actor.user_id,
            source=source,
            reference=reference,
        )
    )


def _audit(session: Session, actor: Actor, action: str, item: Reservation | Transfer) -> None:
    audit.record(
        session,
        action=action,
        entity=action.split(".")[0],
        entity_id=item.id,
        user_id=actor.user_id,
        store_id=actor.store_id,
        detail={"status": item.status, "reason": item.reason},
    )
