"""Server configuration from the environment, validated once at start-up.

Every setting is read from a ``SHOPGUIDE_`` environment variable so that
several server processes behind a load balancer share one configuration
without sharing memory.
"""

from __future__ import annotations

from pathlib import Path
from typing import Self

from platformdirs import user_data_dir
from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEMO_SECRET = "shopguide-demo-secret-do-not-use-in-production"  # noqa: S105  (refused outside demo mode)


def default_database_url() -> str:
    """A SQLite file in the user data folder, so a bare `serve` just works."""
    folder = Path(user_data_dir("shopguide-server", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'shopguide.db'}"


class DatabaseSettings(BaseSettings):
    """Enough to reach the database: what migrate, seed and create-user need."""

    model_config = SettingsConfigDict(env_prefix="SHOPGUIDE_", extra="ignore")

    database_url: str = Field(default_factory=default_database_url)
    db_pool_size: int = Field(default=10, ge=1, le=200)

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


class Settings(DatabaseSettings):
    """Everything `serve` needs; refuses the demo secret outside demo mode."""

    secret_key: str = DEMO_SECRET
    demo_mode: bool = False
    access_token_minutes: int = Field(default=15, ge=1, le=24 * 60)
    refresh_token_days: int = Field(default=30, ge=1, le=365)
    login_window_seconds: int = Field(default=15 * 60, ge=10)
    login_max_failures_per_user: int = Field(default=5, ge=1)
    login_max_failures_per_address: int = Field(default=30, ge=1)
    max_body_bytes: int = Field(default=2 * 1024 * 1024, ge=1024)
    payment_expiry_seconds: int = Field(default=300, ge=30, le=3600)
    public_url: str = Field(
        default="", description="address phones reach the server at, for wallet QR codes"
    )
    sandbox_payments: bool = Field(
        default=False,
        description="offer the sandbox wallet, whose Pay button needs no money; on in demo mode",
    )
    payment_provider: str = Field(
        default="", description="provider a tablet's Pay uses; empty picks the first offered"
    )
    emv_acquirer_secret: str = Field(
        default="", description="shared secret the acquirer signs EMV payment notifications with"
    )

    @model_validator(mode="after")
    def _refuse_weak_secret(self) -> Self:
        if self.demo_mode:
            self.sandbox_payments = True
            return self
        if self.secret_key == DEMO_SECRET:
            raise ValueError(
                "SHOPGUIDE_SECRET_KEY is the built-in demo secret; set a random secret of "
                "at least 32 characters (e.g. `python -c 'import secrets; "
                "print(secrets.token_urlsafe(48))'`) or set SHOPGUIDE_DEMO_MODE=1"
            )
        if len(self.secret_key) < 32:
            raise ValueError("SHOPGUIDE_SECRET_KEY must be at least 32 characters long")
        return self
