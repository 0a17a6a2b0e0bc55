"""Stock promised across stores: reservations, transfers, and the demand an empty shelf lost.

Ids are UUIDs made on the tablet that asked (like order ids), so a request
made with the network flapping keeps its identity through every retry.

A reservation holds units at the holding store (`at_store_id`) for a
customer of the requesting store (`from_store_id`) until it expires, is
collected, refused or cancelled. A transfer sends units from one store
(`from_store_id`) to another (`to_store_id`), to restock it, to fulfil an
order placed there (`order_id`), or straight to the customer (`ship_to_*`).
Both hold the units at the store that gives them while they are open, so a
guide there cannot sell what was promised (`shopguide.server.services.holds`).

The customer of a reservation is kept to what the holding store needs to
recognise them at the counter: a name, the phone's last four digits, or the
member id. A ship-to-customer transfer keeps the address and phone the
parcel needs.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from shopguide.server.models.types import UTCDateTime, utcnow

# Reservation statuses; the first two hold stock until `expires_at`.
REQUESTED, CONFIRMED, REFUSED, EXPIRED, CANCELLED, COLLECTED = (
    "requested",
    "confirmed",
    "refused",
    "expired",
    "cancelled",
    "collected",
)
RESERVATION_HOLDS = (REQUESTED, CONFIRMED)
# Transfer statuses; requested and accepted ones hold stock at the sending store.
ACCEPTED, SHIPPED, RECEIVED = "accepted", "shipped", "received"
TRANSFER_HOLDS = (REQUESTED, ACCEPTED)
# Where a lost-demand record came from.
MANUAL, FROM_RESERVATION, FROM_TRANSFER = "manual", "reservation", "transfer"


class Reservation(SQLModel, table=True):
    __tablename__ = "reservation"
    __table_args__ = (
        Index("ix_reservation_held", "at_store_id", "variant_id", "status"),
        Index("ix_reservation_due", "status", "expires_at"),
    )

    id: str = Field(primary_key=True, max_length=36)
    from_store_id: int = Field(foreign_key="store.id", index=True)
    at_store_id: int = Field(foreign_key="store.id", index=True)
    variant_id: int = Field(foreign_key="variant.id", index=True)
    quantity: int = Field(ge=1)
    customer_name: str = Field(default="", max_length=80)
    customer_phone_last4: str = Field(default="", max_length=4)
    member_id: int | None = Field(default=None, foreign_key="member.id")
    status: str = Field(default=REQUESTED, max_length=16)
    reason: str = Field(default="", max_length=200)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    created_by: int = Field(foreign_key="user.id")
    created_by_name: str = Field(max_length=120)
    answered_by: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Transfer(SQLModel, table=True):
    __tablename__ = "transfer"
    __table_args__ = (Index("ix_transfer_held", "from_store_id", "variant_id", "status"),)

    id: str = Field(primary_key=True, max_length=36)
    from_store_id: int = Field(foreign_key="store.id", index=True)
    to_store_id: int = Field(foreign_key="store.id", index=True)
    variant_id: int = Field(foreign_key="variant.id", index=True)
    quantity: int = Field(ge=1)
    status: str = Field(default=REQUESTED, max_length=16)
    reason: str = Field(default="", max_length=200)
    order_id: str | None = Field(
        default=None, max_length=36, index=True, description="the order it fulfils, if any"
    )
    ship_to_name: str = Field(default="", max_length=80)
    ship_to_phone: str = Field(default="", max_length=20)
    ship_to_address: str = Field(
        default="", max_length=300, description="set: ship to the customer, not to the store"
    )
    created_by: int = Field(foreign_key="user.id")
    created_by_name: str = Field(max_length=120)
    answered_by: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    shipped_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    received_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class LostDemand(SQLModel, table=True):
    """A customer wanted a style in a size the store did not have (one record per ask)."""

    __tablename__ = "lost_demand"
    __table_args__ = (Index("ix_lost_demand_store_at", "store_id", "at"),)

    id: str = Field(primary_key=True, max_length=36)
    store_id: int = Field(foreign_key="store.id")
    style_id: int = Field(foreign_key="style.id", index=True)
    size: str = Field(max_length=8)
    variant_id: int | None = Field(default=None, foreign_key="variant.id")
    at: datetime = Field(sa_type=UTCDateTime, description="when the customer asked")
    guide_id: int = Field(foreign_key="user.id")
    source: str = Field(default=MANUAL, max_length=16, description="manual, reservation, transfer")
    reference: str | None = Field(
        default=None, max_length=36, description="the reservation or transfer that offered it"
    )
    recorded_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
