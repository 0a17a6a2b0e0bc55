"""Who did what: member lookups, stock counts, logins. Append-only."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON
from sqlmodel import Field, SQLModel

from shopguide.server.models.types import UTCDateTime, utcnow


class AuditLog(SQLModel, table=True):
    __tablename__ = "audit_log"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
    user_id: int | None = Field(default=None, foreign_key="user.id", index=True)
    store_id: int | None = Field(default=None, foreign_key="store.id")
    action: str = Field(max_length=48, index=True)
    entity: str = Field(max_length=32)
    entity_id: str = Field(max_length=64)
    address: str = Field(default="", max_length=64)
    detail: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
