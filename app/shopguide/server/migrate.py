"""Apply the alembic migrations that ship inside the package, with no alembic.ini needed."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, text

MIGRATIONS = Path(__file__).with_name("migrations")
MIGRATION_LOCK = 0x5347_4D49  # "SGMI": the advisory lock id all ShopGuide migrations take


def alembic_config(engine: Engine | None = None, url: str | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if engine is not None:
        config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision`; on PostgreSQL, one process at a time.

    Every server container runs `migrate` as it starts (deploy/docker-entrypoint.sh),
    so several may start together: a transaction-level advisory lock makes the
    later ones wait for the first to commit and then find nothing left to do,
    instead of racing to create the same tables.
    """
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
