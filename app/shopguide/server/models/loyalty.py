"""The points ledger, coupon redemptions, and the presence proofs spending used up.

`member.points` is the cached balance; the ledger is the truth it must always
equal (the sum of the member's entries) and is append-only. Every entry has
a unique `key` saying what caused it, which makes each cause count once:

- `earn:<order id>` points a paid order earned
- `redeem:<mutation id>` points spent (a `member.redeem` mutation, or the
  online redeem endpoint, whose idempotency key is a mutation id too)
- `reverse:<entry id>` the undoing of one entry (a refund, a released cart)
- `opening:<member id>` the balance a member had before the ledger existed
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from shopguide.server.models.types import UTCDateTime, utcnow

EARN, REDEEM, REVERSE, ADJUST = "earn", "redeem", "reverse", "adjust"


class PointsEntry(SQLModel, table=True):
    __tablename__ = "points_entry"

    id: int | None = Field(default=None, primary_key=True)
    member_id: int = Field(foreign_key="member.id", index=True)
    kind: str = Field(max_length=16, description="earn, redeem, reverse or adjust")
    points: int = Field(description="signed: what this entry added to the balance")
    balance_after: int = Field(ge=0)
    key: str = Field(max_length=64, unique=True, description="the cause; see the module")
    order_id: str | None = Field(default=None, max_length=36, index=True)
    store_id: int | None = Field(default=None, foreign_key="store.id")
    user_id: int | None = Field(default=None, foreign_key="user.id")
    note: str = Field(default="", max_length=200)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class CouponRedemption(SQLModel, table=True):
    """A coupon used on an order. At most one live redemption per coupon.

    `live_coupon_id` holds the coupon id while the redemption stands and is
    cleared when it is released (refund, cart given up): a unique column
    that allows many NULLs, so the database itself refuses a second live
    redemption of one coupon on every backend, while the history stays.
    """

    __tablename__ = "coupon_redemption"

    id: int | None = Field(default=None, primary_key=True)
    coupon_id: int = Field(foreign_key="coupon.id", index=True)
    live_coupon_id: int | None = Field(default=None, unique=True)
    member_id: int = Field(foreign_key="member.id", index=True)
    key: str = Field(max_length=64, unique=True, description="redeem:<mutation id>")
    order_id: str | None = Field(default=None, max_length=36, index=True)
    store_id: int | None = Field(default=None, foreign_key="store.id")
    user_id: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    released_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class MemberProof(SQLModel, table=True):
    """A proof of the member's presence that paid for a redemption, so it pays only once.

    `proof` is `otp:<member id>:<minute slot>` for a one-time code and
    `code:<member id>:<nonce>` for a scanned member code.
    """

    __tablename__ = "member_proof"

    proof: str = Field(primary_key=True, max_length=64)
    member_id: int = Field(foreign_key="member.id", index=True)
    user_id: int | None = Field(default=None, foreign_key="user.id")
    used_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
