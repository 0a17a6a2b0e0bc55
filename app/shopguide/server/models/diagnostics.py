"""Diagnostics reports tablets upload from "Send diagnostics": a zip each, kept for support."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel
from sqlalchemy import LargeBinary
from sqlmodel import Field, SQLModel

from shopguide.server.models.types import UTCDateTime, utcnow


class DiagnosticReport(SQLModel, table=True):
    __tablename__ = "diagnostic_report"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    store_id: int | None = Field(default=None, foreign_key="store.id", index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
    filename: str = Field(max_length=120)
    size: int
    content: bytes = Field(sa_type=LargeBinary)


class DiagnosticReportPublic(BaseModel):
    """What the server says about a report: never its content."""

    id: int
    user_id: int
    store_id: int | None
    created_at: datetime
    filename: str
    size: int
