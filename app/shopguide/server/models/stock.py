"""Stock on hand per store and variant: server-authoritative."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from sqlmodel import Field, SQLModel

from shopguide.server.models.types import UTCDateTime, utcnow


class StockLevel(SQLModel, table=True):
    __tablename__ = "stock_level"

    store_id: int = Field(foreign_key="store.id", primary_key=True)
    variant_id: int = Field(foreign_key="variant.id", primary_key=True, index=True)
    on_hand: int = Field(ge=0)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class StockAtStore(SQLModel):
    store_id: int
    store_code: str
    store_name: str
    variant_id: int
    on_hand: int
    updated_at: datetime
    distance_km: float | None = None


class NearbyStock(StockAtStore):
    """One store's figure for a variant as a guide sending a customer there needs it.

    `held` is promised to customers (reservations) and other stores
    (transfers); `available` is what can still be promised or sold
    (`on_hand - held`, never below 0); `as_of` is when the server answered.
    """

    held: int
    available: int
    opening_hours: str
    as_of: datetime


class StyleStockCell(SQLModel):
    variant_id: int
    colour: str
    size: str
    on_hand: int
    held: int
    available: int


class StyleStockAtStore(SQLModel):
    """A style's colour x size stock at one store, nearest stores first."""

    store_id: int
    store_code: str
    store_name: str
    distance_km: float | None
    opening_hours: str
    as_of: datetime
    cells: list[StyleStockCell]


class StockCount(SQLModel):
    """A guide's physical count of one variant on the shelf."""

    variant_id: int = Field(ge=1, le=2**31 - 1)
    counted: int = Field(ge=0, le=100_000)
    reason: Literal["count", "receive", "damage"] = "count"
