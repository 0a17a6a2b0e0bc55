"""Brands and their stores, with the coordinates nearby-stock search relies on."""

from __future__ import annotations

from sqlmodel import Field, SQLModel


class BrandBase(SQLModel):
    code: str = Field(max_length=32, unique=True)
    name: str = Field(max_length=120)
    currency: str = Field(max_length=3, min_length=3)
    country: str = Field(max_length=2, min_length=2)


class Brand(BrandBase, table=True):
    id: int | None = Field(default=None, primary_key=True)


class BrandPublic(BrandBase):
    id: int


class StoreBase(SQLModel):
    code: str = Field(max_length=32, unique=True)
    name: str = Field(max_length=120)
    city: str = Field(max_length=80)
    district: str = Field(max_length=80)
    address: str = Field(max_length=200)
    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    opening_hours: str = Field(max_length=120, description="e.g. 'Mon-Sun 10:00-22:00'")
    phone: str = Field(max_length=32)
    timezone: str = Field(default="Asia/Shanghai", max_length=64)


class Store(StoreBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    brand_id: int = Field(foreign_key="brand.id", index=True)


class StorePublic(StoreBase):
    id: int
    brand_id: int
    distance_km: float | None = None
