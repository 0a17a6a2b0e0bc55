"""Loyalty members and the coupons issued to them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import StringConstraints
from sqlalchemy import JSON, String
from sqlmodel import Field, SQLModel

from shopguide.server.models.text import CleanText
from shopguide.server.models.types import UTCDateTime, utcnow


class MemberBase(SQLModel):
    name: CleanText = Field(min_length=1, max_length=80)
    birthday: date | None = None


class Member(MemberBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    card_number: str = Field(max_length=20, unique=True)
    phone: str = Field(max_length=20, index=True)
    tier: str = Field(max_length=16, default="classic")
    points: int = Field(default=0, ge=0)
    home_store_id: int = Field(foreign_key="store.id", index=True)
    sizes: dict[str, str] = Field(default_factory=dict, sa_type=JSON)
    note: str = Field(default="", max_length=500)
    consent_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class MemberCreate(MemberBase):
    phone: Annotated[str, StringConstraints(pattern=r"^\+?[0-9 -]{6,20}$")] = Field(
        min_length=6, max_length=20
    )
    consent: bool = Field(description="the customer agreed to the membership terms")
    sizes: dict[CleanText, CleanText] = Field(default_factory=dict, max_length=20)


class CouponPublic(SQLModel):
    id: int
    code: str
    title: str
    kind: str
    value: int
    min_spend: int
    category: str | None
    valid_from: datetime
    valid_to: datetime
    state: str


class Coupon(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    member_id: int = Field(foreign_key="member.id", index=True)
    code: str = Field(max_length=32, unique=True)
    title: str = Field(max_length=80)
    kind: str = Field(sa_type=String(16), description="percent (basis points) or amount (minor)")
    value: int = Field(ge=0)
    min_spend: int = Field(default=0, ge=0)
    category: str | None = Field(default=None, max_length=64)
    valid_from: datetime = Field(sa_type=UTCDateTime)
    valid_to: datetime = Field(sa_type=UTCDateTime)
    state: str = Field(default="issued", max_length=16)
    redeemed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class MemberPublic(MemberBase):
    """What a guide sees: the phone masked to its last four digits."""

    id: int
    card_number: str
    phone_masked: str
    tier: str
    points: int
    home_store_id: int
    sizes: dict[str, str]
    note: str
    coupons: list[CouponPublic] = []
