"""Styles, their colour x size variants, and member-tier prices."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from shopguide.server.models.types import UTCDateTime, utcnow


class StyleBase(SQLModel):
    code: str = Field(max_length=32, unique=True)
    name: str = Field(max_length=160)
    category: str = Field(max_length=64, index=True)
    kind: str = Field(max_length=16, description="shoes, clothing or accessory")
    gender: str = Field(max_length=16)
    season: str = Field(max_length=16)
    description: str = Field(default="", max_length=2000)
    list_price: int = Field(ge=0, description="minor units of currency")
    currency: str = Field(max_length=3, min_length=3)


class Style(StyleBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    brand_id: int = Field(foreign_key="brand.id", index=True)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class VariantBase(SQLModel):
    sku: str = Field(max_length=48, unique=True)
    barcode: str = Field(max_length=14, unique=True)
    colour: str = Field(max_length=48)
    colour_code: str = Field(max_length=8)
    size: str = Field(max_length=8)
    size_rank: int
    active: bool = True


class Variant(VariantBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    style_id: int = Field(foreign_key="style.id", index=True)


class VariantPublic(VariantBase):
    id: int
    style_id: int


class Price(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("style_id", "tier"),)

    id: int | None = Field(default=None, primary_key=True)
    style_id: int = Field(foreign_key="style.id", index=True)
    tier: str = Field(max_length=16)
    amount: int = Field(ge=0, description="minor units of currency")


class PricePublic(SQLModel):
    tier: str
    amount: int


class StylePublic(StyleBase):
    id: int
    brand_id: int


class StyleDetail(StylePublic):
    variants: list[VariantPublic]
    tier_prices: list[PricePublic]
