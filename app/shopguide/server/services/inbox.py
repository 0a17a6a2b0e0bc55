"""A store's inbox online: the reservations and transfers it gives or receives, as people read them.

Tablets keep the same rows offline through the `inbox:<store>` sync scope;
this is the online reading, with names and labels joined in, for a tablet
that has just connected or a manager at a desk. Overdue reservations are
expired first, so the inbox and the feed agree on what is still held.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel
from sqlmodel import Session, col, or_, select

from shopguide.server.db import write_transaction
from shopguide.server.models import Reservation, Store, Style, Transfer, Variant
from shopguide.server.models.holds import ACCEPTED, REQUESTED, RESERVATION_HOLDS, SHIPPED
from shopguide.server.models.types import utcnow
from shopguide.server.services import holds

MAX_ROWS = 200
OPEN_TRANSFERS = (REQUESTED, ACCEPTED, SHIPPED)


class ReservationPublic(BaseModel):
    id: str
    direction: Literal["incoming", "outgoing"]  # incoming: held here for another store
    from_store_id: int
    from_store_name: str
    at_store_id: int
    at_store_name: str
    variant_id: int
    sku: str
    label: str  # style name, colour and size
    quantity: int
    customer_name: str
    customer_phone_last4: str
    member_id: int | None
    status: str
    reason: str
    expires_at: datetime
    created_by_name: str
    created_at: datetime
    updated_at: datetime


class TransferPublic(BaseModel):
    id: str
    direction: Literal["incoming", "outgoing"]  # outgoing: this store sends it
    from_store_id: int
    from_store_name: str
    to_store_id: int
    to_store_name: str
    variant_id: int
    sku: str
    label: str
    quantity: int
    status: str
    reason: str
    order_id: str | None
    ship_to_name: str
    ship_to_phone: str
    ship_to_address: str
    created_by_name: str
    created_at: datetime
    updated_at: datetime
    shipped_at: datetime | None
    received_at: datetime | None


class Inbox(BaseModel):
    store_id: int
    as_of: datetime
    reservations: list[ReservationPublic]  # newest first
    transfers: list[TransferPublic]  # newest first


def read_inbox(session: Session, store_id: int, *, open_only: bool) -> Inbox:
    """The store's reservations and transfers, open ones only or the newest `MAX_ROWS` of each.

    Commits the expiry of overdue reservations (the caller checked access).
    """
    now = utcnow()
    if holds.any_due(session, store_id, now):
        write_transaction(session)
        holds.expire_due(session, store_id=store_id, now=now)
        session.commit()
    reservations_query = select(Reservation).where(
        or_(col(Reservation.at_store_id) == store_id, col(Reservation.from_store_id) == store_id)
    )
    transfers_query = select(Transfer).where(
        or_(col(Transfer.from_store_id) == store_id, col(Transfer.to_store_id) == store_id)
    )
    if open_only:
        reservations_query = reservations_query.where(
            col(Reservation.status).in_(RESERVATION_HOLDS)
        )
        transfers_query = transfers_query.where(col(Transfer.status).in_(OPEN_TRANSFERS))
    reservations = session.exec(
        reservations_query.order_by(col(Reservation.created_at).desc()).limit(MAX_ROWS)
    ).all()
    transfers = session.exec(
        transfers_query.order_by(col(Transfer.created_at).desc()).limit(MAX_ROWS)
    ).all()
    variant_ids = {r.variant_id for r in reservations} | {t.variant_id for t in transfers}
    labels = {
        variant.id: (variant.sku, f"{name} {variant.colour} {variant.size}")
        for variant, name in session.exec(
            select(Variant, Style.name)
            .join(Style, col(Style.id) == Variant.style_id)
            .where(col(Variant.id).in_(variant_ids))
        ).all()
    }
    names = {store.id: store.name for store in session.exec(select(Store)).all()}
    return Inbox(
        store_id=store_id,
        as_of=now,
        reservations=[
            ReservationPublic(
                **r.model_dump(exclude={"created_by", "answered_by"}),
                direction="incoming" if r.at_store_id == store_id else "outgoing",
                from_store_name=names.get(r.from_store_id, ""),
                at_store_name=names.get(r.at_store_id, ""),
                sku=labels[r.variant_id][0],
                label=labels[r.variant_id][1],
            )
            for r in reservations
        ],
        transfers=[
            TransferPublic(
                **t.model_dump(exclude={"created_by", "answered_by"}),
                direction="outgoing" if t.from_store_id == store_id else "incoming",
                from_store_name=names.get(t.from_store_id, ""),
                to_store_name=names.get(t.to_store_id, ""),
                sku=labels[t.variant_id][0],
                label=labels[t.variant_id][1],
            )
            for t in transfers
        ],
    )
