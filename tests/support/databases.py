"""Which database backends the suite runs on, and how to make a throwaway database.

Set SHOPGUIDE_TEST_PG to a PostgreSQL URL (CI uses
postgresql+psycopg://postgres@127.0.0.1:5432/test) and every test that is
parametrised over BACKENDS runs on both. Each PostgreSQL database is created
for the run and dropped after it, so runs never see each other's data.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

PG_URL = os.environ.get("SHOPGUIDE_TEST_PG")
BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(not PG_URL, reason="set SHOPGUIDE_TEST_PG to test PostgreSQL"),
    ),
]


class DatabaseFactory:
    """Makes empty databases and drops the PostgreSQL ones at the end."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.created: list[str] = []

    def new_url(self, backend: str) -> str:
        name = f"shopguide_t_{os.getpid()}_{uuid.uuid4().hex[:10]}"
        if backend == "sqlite":
            return f"sqlite:///{self.folder / (name + '.db')}"
        if not PG_URL:
            raise RuntimeError("PostgreSQL asked for without SHOPGUIDE_TEST_PG")
        self._admin(f'CREATE DATABASE "{name}"')
        self.created.append(name)
        return make_url(PG_URL).set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        for name in self.created:
            self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.created.clear()

    @staticmethod
    def _admin(statement: str) -> None:
        admin = create_engine(PG_URL or "", isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                conn.execute(text(statement))
        finally:
            admin.dispose()
