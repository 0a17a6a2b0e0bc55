"""The server refuses to run with a weak or default secret outside demo mode."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from shopguide.server.config import DEMO_SECRET, Settings


def test_the_default_secret_is_refused_outside_demo_mode(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SHOPGUIDE_SECRET_KEY", raising=False)
    monkeypatch.delenv("SHOPGUIDE_DEMO_MODE", raising=False)
    with pytest.raises(ValidationError, match="demo secret"):
        Settings(database_url="sqlite://")


def test_a_short_secret_is_refused() -> None:
    with pytest.raises(ValidationError, match="at least 32"):
        Settings(database_url="sqlite://", secret_key="short")


def test_demo_mode_accepts_the_demo_secret() -> None:
    settings = Settings(database_url="sqlite://", demo_mode=True)
    assert settings.secret_key == DEMO_SECRET


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHOPGUIDE_SECRET_KEY", "s" * 40)
    monkeypatch.setenv("SHOPGUIDE_DATABASE_URL", "postgresql+psycopg://u@h/db")
    monkeypatch.setenv("SHOPGUIDE_ACCESS_TOKEN_MINUTES", "5")
    settings = Settings()
    assert settings.database_url == "postgresql+psycopg://u@h/db"
    assert settings.access_token_minutes == 5


def test_a_nonsense_number_in_the_environment_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SHOPGUIDE_SECRET_KEY", "s" * 40)
    monkeypatch.setenv("SHOPGUIDE_ACCESS_TOKEN_MINUTES", "-5")
    with pytest.raises(ValidationError, match="access_token_minutes"):
        Settings()
