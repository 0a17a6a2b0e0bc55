"""People who log in, their refresh tokens, and the login attempts that rate-limit them.

Login attempts live in the database rather than process memory so that
several server processes enforce one limit.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import StringConstraints
from sqlalchemy import String
from sqlmodel import Field, SQLModel

from shopguide.server.models.text import CleanText
from shopguide.server.models.types import UTCDateTime, utcnow


class Role(StrEnum):
    GUIDE = "guide"
    MANAGER = "manager"
    ADMIN = "admin"


class UserBase(SQLModel):
    username: Annotated[str, StringConstraints(pattern=r"^[a-zA-Z0-9._-]+$")] = Field(
        min_length=3, max_length=64, unique=True
    )
    full_name: CleanText = Field(min_length=1, max_length=120)
    role: Role = Field(sa_type=String(16))
    store_id: int | None = Field(default=None, foreign_key="store.id", index=True)


class User(UserBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    password_hash: str = Field(max_length=255)
    is_active: bool = True
    token_version: int = Field(default=0, description="bumped to revoke every token at once")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class UserCreate(UserBase):
    password: str = Field(min_length=8, max_length=128)


class UserPublic(UserBase):
    id: int
    is_active: bool


class RefreshToken(SQLModel, table=True):
    __tablename__ = "refresh_token"

    id: str = Field(primary_key=True, max_length=64)
    user_id: int = Field(foreign_key="user.id", index=True)
    token_hash: str = Field(max_length=128)
    issued_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    replaced_by: str | None = Field(default=None, max_length=64)


class LoginAttempt(SQLModel, table=True):
    __tablename__ = "login_attempt"

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=64, index=True)
    address: str = Field(max_length=64, index=True)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
    succeeded: bool
