"""Server configuration from the environment, validated once at start-up.

Every setting is read from a ``SHOPGUIDE_`` environment variable so that
several server processes behind a load balancer share one configuration
without sharing memory.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, Self

from platformdirs import user_data_dir
from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from shopguide.server.payments.keys import load_private_key, load_public_key

DEMO_SECRET = "shopguide-demo-secret-do-not-use-in-production"  # noqa: S105  (refused outside demo mode)
ALIPAY_GATEWAY = "https://openapi.alipay.com/gateway.do"
ALIPAY_NOTIFY_PATH = "/api/v1/payments/notify/alipay"
MAX_PAYMENT_EXPIRY_SECONDS = 3600
"""No payment QR lives longer: the pending-payments metric relies on it to stay an index scan."""


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
    payment_expiry_seconds: int = Field(default=300, ge=30, le=MAX_PAYMENT_EXPIRY_SECONDS)
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
    member_lookup_limit: int = Field(
        default=30,
        ge=1,
        description="member lookups, scans and views one account may make per window",
    )
    member_lookup_window_seconds: int = Field(default=60, ge=1, le=24 * 3600)
    member_proof_max_failures: int = Field(
        default=5,
        ge=1,
        description="wrong one-time codes for one member per window before such codes are refused",
    )
    member_proof_window_seconds: int = Field(default=15 * 60, ge=60, le=24 * 3600)
    offline_points_cap: int = Field(
        default=0,
        ge=0,
        description="most points a tablet may let a member spend on one redemption while offline "
        "(against a member code scanned then); 0: no spending offline; coupons never offline",
    )
    log_format: Literal["json", "text"] = Field(
        default="json", description="`serve`'s log lines: one JSON object each, or plain text"
    )
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    metrics_token: str = Field(
        default="", description="bearer token /metrics asks for; empty: /metrics is open"
    )
    alipay_app_id: str = Field(
        default="", description="Alipay open platform app id; empty: Alipay is not offered"
    )
    alipay_private_key: str = Field(
        default="",
        description="the app's RSA2 private key: PEM text, a PEM file's path, or bare base64",
    )
    alipay_public_key: str = Field(
        default="",
        description="Alipay's RSA2 public key (not the app's): PEM text, a path, or bare base64",
    )
    alipay_gateway_url: str = Field(default=ALIPAY_GATEWAY, description="Alipay's open API")
    alipay_notify_url: str = Field(
        default="",
        description="where Alipay posts payment notifications; empty: public_url + "
        + ALIPAY_NOTIFY_PATH,
    )

    @property
    def alipay_notify_address(self) -> str:
        """The notify_url Alipay is given: the explicit one, else derived from public_url."""
        if self.alipay_notify_url:
            return self.alipay_notify_url
        return self.public_url.rstrip("/") + ALIPAY_NOTIFY_PATH if self.public_url else ""

    @model_validator(mode="after")
    def _refuse_unusable_alipay(self) -> Self:
        """A configured Alipay must be usable at start-up, not fail at the first payment."""
        if not self.alipay_app_id:
            return self
        own = load_private_key(self.alipay_private_key, setting="SHOPGUIDE_ALIPAY_PRIVATE_KEY")
        theirs = load_public_key(self.alipay_public_key, setting="SHOPGUIDE_ALIPAY_PUBLIC_KEY")
        if own.public_key().public_numbers() == theirs.public_numbers():
            # The most common Alipay set-up mistake: every answer would then be refused.
            raise ValueError(
                "SHOPGUIDE_ALIPAY_PUBLIC_KEY is the app's own public key; it must be Alipay's "
                "public key (支付宝公钥), shown beside the app's key on the open platform"
            )
        if not self.alipay_gateway_url.startswith(("https://", "http://")):
            raise ValueError("SHOPGUIDE_ALIPAY_GATEWAY_URL must be an http(s) address")
        if not self.alipay_notify_address.startswith(("https://", "http://")):
            raise ValueError(
                "Alipay needs an address to post payment notifications to: set "
                "SHOPGUIDE_PUBLIC_URL (the server's public address) or SHOPGUIDE_ALIPAY_NOTIFY_URL"
            )
        return self

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
