"""Tables behind offline sync: the change feed, its pruning horizon, and pushed mutations.

The wire contract is docs/sync-protocol.md; the logic lives in
`shopguide.server.sync`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, FetchedValue, Index, Integer
from sqlmodel import Field, SQLModel

from shopguide.server.models.types import UTCDateTime, utcnow


class ChangeLog(SQLModel, table=True):
    """One captured change of a synced row, for one scope.

    `id` is an auto-increment that is never reused (SQLite AUTOINCREMENT),
    and `txid` is the writing transaction's id on PostgreSQL (0 on SQLite);
    pulls order by (txid, id). `txid` comes from a per-dialect server
    default set in the migration, so nothing in Python may ever fill it in.
    """

    __tablename__ = "change_log"
    __table_args__ = (
        Index("ix_change_log_scope_position", "scope", "txid", "id"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(
        default=None,
        sa_column=Column(
            BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
        ),
    )
    txid: int | None = Field(
        default=None,
        sa_type=BigInteger,
        nullable=False,
        sa_column_kwargs={"server_default": FetchedValue()},
    )
    scope: str = Field(max_length=40)
    entity: str = Field(max_length=16)
    key: str = Field(max_length=64)
    op: str = Field(max_length=8, description="upsert or delete")
    data: list[Any] | None = Field(
        default=None, sa_type=JSON, description="the row in protocol column order"
    )
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)


class FeedHorizon(SQLModel, table=True):
    """How far a scope's feed has been pruned: every change at or before (txid, change_id)."""

    __tablename__ = "feed_horizon"

    scope: str = Field(primary_key=True, max_length=40)
    txid: int = Field(sa_type=BigInteger)
    change_id: int = Field(sa_type=BigInteger)
    pruned_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class AppliedMutation(SQLModel, table=True):
    """A pushed mutation's id and outcome, committed with its effect: the idempotency record."""

    __tablename__ = "applied_mutation"

    id: str = Field(primary_key=True, max_length=36, description="the client's mutation id")
    user_id: int = Field(foreign_key="user.id", index=True)
    type: str = Field(max_length=64)
    status: str = Field(max_length=16, description="applied or rejected")
    result: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    reason: str | None = Field(default=None, max_length=500)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
