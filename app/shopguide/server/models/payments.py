"""Where a store takes payments, and every provider notification ever received.

A `MerchantAccount` is what a provider needs to pay this store (for EMVCo,
the acquirer's globally unique identifier, the merchant id, category code,
name and city). Tablets cache their store's accounts so they can still build
a QR offline. A `PaymentNotice` keeps each notification the server accepted,
matched to its payment or waiting for the order it names (a sale closed
offline): money the server heard about is never dropped.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from shopguide.server.models.types import UTCDateTime, utcnow


class MerchantAccount(SQLModel, table=True):
    __tablename__ = "merchant_account"

    store_id: int = Field(foreign_key="store.id", primary_key=True)
    provider: str = Field(primary_key=True, max_length=16)
    network_id: str = Field(max_length=32, description="EMVCo globally unique identifier")
    merchant_id: str = Field(max_length=64)
    merchant_name: str = Field(max_length=25)
    merchant_city: str = Field(max_length=15)
    category_code: str = Field(default="5651", max_length=4, description="ISO 18245 MCC")
    country: str = Field(default="CN", max_length=2)
    currency: str = Field(default="CNY", max_length=3)


class PaymentNotice(SQLModel, table=True):
    __tablename__ = "payment_notice"
    __table_args__ = (UniqueConstraint("provider", "provider_ref", "outcome"),)

    id: int | None = Field(default=None, primary_key=True)
    provider: str = Field(max_length=16)
    reference: str = Field(max_length=64, index=True)
    provider_ref: str = Field(max_length=64)
    outcome: str = Field(max_length=16)
    amount: int = Field(ge=0)
    currency: str = Field(max_length=3)
    reason: str = Field(default="", max_length=200)
    payment_id: int | None = Field(default=None, foreign_key="payment.id", index=True)
    received_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
