"""Who earns what of a sale: split rules, the split ledger, and guides' referral codes.

A `SplitRule` is a `shopguide.core.split.SplitRule` in its stored form
(`parties`), for a brand or for one store, from `active_from` on; the
newest rule in force when an order becomes paid decides its split, a
store's rule before its brand's.

`SplitEntry` rows are the ledger, append-only like the points ledger: each
paid order books one `earn` entry per party (and per guide, when its lines
were sold by several), and a refund books a `reverse` entry for each of
them. Every entry has a unique `key` saying what caused it, so each cause
counts once however often it is applied:

- `split:<order id>:<party>:<party id or ->` a party's part of a paid order
- `reverse:<entry id>` the undoing of one entry on refund

The sum of an order's earn entries is the order total, to the minor unit.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index
from sqlmodel import Field, SQLModel

from shopguide.server.models.types import UTCDateTime, utcnow

EARN, REVERSE = "earn", "reverse"


class SplitRule(SQLModel, table=True):
    __tablename__ = "split_rule"

    id: int | None = Field(default=None, primary_key=True)
    brand_id: int | None = Field(default=None, foreign_key="brand.id", index=True)
    store_id: int | None = Field(default=None, foreign_key="store.id", index=True)
    parties: list[dict[str, Any]] = Field(
        sa_type=JSON, description='[{"party": "guide", "kind": "percent", "value": 500}, ...]'
    )
    active_from: datetime = Field(sa_type=UTCDateTime)
    created_by: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class SplitEntry(SQLModel, table=True):
    __tablename__ = "split_entry"
    __table_args__ = (Index("ix_split_entry_party_at", "party", "party_id", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    order_id: str = Field(foreign_key="sales_order.id", index=True, max_length=36)
    store_id: int = Field(foreign_key="store.id", index=True, description="the order's store")
    party: str = Field(max_length=16)
    party_id: int | None = Field(
        default=None, description="the guide's user id, the store's or the brand's id"
    )
    amount: int = Field(description="signed minor units: earn positive, reverse negative")
    currency: str = Field(max_length=3)
    kind: str = Field(max_length=8, description="earn or reverse")
    key: str = Field(max_length=96, unique=True, description="the cause; see the module")
    rule_id: int | None = Field(default=None, foreign_key="split_rule.id")
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ReferralCode(SQLModel, table=True):
    """A guide's personal share code: a customer who scans it and buys is the guide's sale."""

    __tablename__ = "referral_code"

    user_id: int = Field(foreign_key="user.id", primary_key=True)
    code: str = Field(max_length=16, unique=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
