"""Orders placed from a cart, their lines, and payments for them.

Order ids are UUIDv7 strings generated on the tablet, so an order made
offline keeps its identity through every retry.

Attribution: an order's `channel` says how it was sold (`store`: by a guide
on the floor; `online`; `referral`: the customer came through a guide's
referral code, and `referral_guide_id` names that guide), and each line's
`guide_id` is the guide the sale counts for. A line's `fulfilment` says
where its goods come from: `here` (off this store's shelf, the default),
`transfer` (sent from `from_store_id` to this store for the customer) or
`ship` (sent from `from_store_id` to the customer's address).
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from shopguide.server.models.types import UTCDateTime, utcnow

STORE_CHANNEL, ONLINE_CHANNEL, REFERRAL_CHANNEL = "store", "online", "referral"
HERE, TRANSFER, SHIP = "here", "transfer", "ship"  # where a line's goods come from


class Order(SQLModel, table=True):
    __tablename__ = "sales_order"

    id: str = Field(primary_key=True, max_length=36)
    store_id: int = Field(foreign_key="store.id", index=True)
    guide_id: int = Field(foreign_key="user.id", index=True)
    member_id: int | None = Field(default=None, foreign_key="member.id", index=True)
    status: str = Field(default="placed", max_length=16)
    currency: str = Field(max_length=3)
    subtotal: int
    discount: int
    total: int = Field(ge=0)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
    client_created_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    channel: str = Field(
        default=STORE_CHANNEL, max_length=16, sa_column_kwargs={"server_default": STORE_CHANNEL}
    )
    referral_guide_id: int | None = Field(default=None, foreign_key="user.id")


class OrderLine(SQLModel, table=True):
    __tablename__ = "order_line"

    id: int | None = Field(default=None, primary_key=True)
    order_id: str = Field(foreign_key="sales_order.id", index=True, max_length=36)
    line_no: int
    variant_id: int = Field(foreign_key="variant.id", index=True)
    quantity: int = Field(ge=1)
    unit_price: int = Field(ge=0)
    discount: int = Field(ge=0)
    net: int = Field(ge=0)
    guide_id: int = Field(foreign_key="user.id")
    fulfilment: str = Field(default=HERE, max_length=16, sa_column_kwargs={"server_default": HERE})
    from_store_id: int | None = Field(default=None, foreign_key="store.id")


class Payment(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    order_id: str = Field(foreign_key="sales_order.id", index=True, max_length=36)
    provider: str = Field(max_length=16)
    amount: int = Field(ge=0)
    currency: str = Field(max_length=3)
    status: str = Field(default="pending", max_length=16)
    reference: str = Field(max_length=128, unique=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    paid_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    qr_content: str = Field(default="", max_length=512)
    provider_ref: str | None = Field(default=None, max_length=64)
    failure_reason: str | None = Field(default=None, max_length=200)
    needs_refund: bool = Field(default=False, description="paid after it expired or was cancelled")
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
