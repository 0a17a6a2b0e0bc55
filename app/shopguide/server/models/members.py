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
    points: int = Field(default=0, ge=0, description="balance: the sum of the points ledger")
    lifetime_points: int = Field(default=0, ge=0, description="earned minus refunded; sets tier")
    home_store_id: int = Field(foreign_key="store.id", index=True)
    sizes: dict[str, str] = Field(default_factory=dict, sa_type=JSON)
    note: str = Field(default="", max_length=500)
    pass_version: int = Field(default=0, description="bumped to revoke the member's pass link")
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
    usable: bool = Field(default=False, description="issued, and valid now")
    expiring_soon: bool = Field(default=False, description="usable, and ends within 7 days")


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
    """What a guide sees: the phone masked to its last four digits.

    Managers and admins see a little more, for the calls and complaints
    they handle: the phone's first three digits too ("138****5678"), when
    the customer gave consent and when they joined. For guides those two
    dates are null. The birthday is shown to everyone (guides greet with
    it, and the store's tablets hold it offline anyway).
    """

    id: int
    card_number: str
    phone_masked: str
    tier: str
    points: int
    home_store_id: int
    sizes: dict[str, str]
    note: str
    coupons: list[CouponPublic] = []
    consent_at: datetime | None = None
    enrolled_at: datetime | None = None


class MemberEnrolled(MemberPublic):
    """A new member, with the link to their member page (to send by SMS or show as a QR)."""

    pass_url: str


class TierProgressPublic(SQLModel):
    tier: str
    lifetime_points: int
    next_tier: str | None
    next_tier_from: int | None = Field(description="lifetime points the next tier starts at")
    points_to_next: int | None


class PurchasePublic(SQLModel):
    """One line of a member's paid order, in any store."""

    order_id: str
    line_no: int
    at: datetime
    store_id: int
    store_name: str
    style_code: str
    style_name: str
    colour: str
    size: str
    quantity: int
    net: int = Field(description="what the line cost, in minor units")
    currency: str


class LedgerEntryPublic(SQLModel):
    id: int
    kind: str
    points: int
    balance_after: int
    order_id: str | None
    store_id: int | None
    note: str
    at: datetime


class MemberDetail(MemberPublic):
    """The member panel: the profile plus tier progress, recent purchases and points history."""

    tier_progress: TierProgressPublic
    recent_purchases: list[PurchasePublic] = Field(description="the last 10 lines, newest first")
    ledger: list[LedgerEntryPublic] = Field(description="the last 10 entries, newest first")
