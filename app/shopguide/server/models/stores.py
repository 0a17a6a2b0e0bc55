"""Brands and their stores, with the coordinates nearby-stock search relies on."""

from __future__ import annotations

import secrets

from sqlmodel import Field, SQLModel


class BrandBase(SQLModel):
    code: str = Field(max_length=32, unique=True)
    name: str = Field(max_length=120)
    currency: str = Field(max_length=3, min_length=3)
    country: str = Field(max_length=2, min_length=2)


def new_phone_salt() -> str:
    return secrets.token_hex(16)


class Brand(BrandBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    phone_salt: str = Field(
        default_factory=new_phone_salt,
        max_length=64,
        description="HMAC key for the phone hashes tablets get instead of phone numbers; "
        "never changes, since every synced member row depends on it",
    )


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
