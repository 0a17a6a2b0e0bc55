"""A seeded central server over real HTTP on loopback, for client and UI tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine, text

from shopguide.server.config import Settings
from shopguide.server.db import make_engine
from shopguide.server.embedded import EmbeddedServer
from shopguide.server.migrate import upgrade
from shopguide.server.seed import seed_database

PASSWORD = "seeded-password"
SECRET = "client-tests-secret-" + "z" * 40
ACQUIRER_SECRET = "client-tests-acquirer-secret"


@dataclass
class LiveServer:
    server: EmbeddedServer
    engine: Engine

    @property
    def url(self) -> str:
        return self.server.url

    def scalar(self, sql: str, **params: object) -> object:
        with self.engine.connect() as conn:
            return conn.execute(text(sql), params).scalar_one()

    def rows(self, sql: str, **params: object) -> list[tuple[object, ...]]:
        with self.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql), params).all()]

    def restart(self) -> None:
        """Stop and start again on the same port, as after a deploy or a crash."""
        port = self.server.port
        self.server.stop()
        self.server = EmbeddedServer(self.server.settings, port=port)
        self.server.start()


@contextmanager
def running_server(url: str) -> Iterator[LiveServer]:
    """Migrate and seed a small brand (4 stores) at `url` and serve it on loopback."""
    engine = make_engine(url)
    upgrade(engine)
    seed_database(engine, stores=4, styles=30, members=60, password=PASSWORD)
    server = EmbeddedServer(
        Settings(
            database_url=url,
            secret_key=SECRET,
            sandbox_payments=True,
            emv_acquirer_secret=ACQUIRER_SECRET,
        )
    )
    server.start()
    live = LiveServer(server, engine)
    try:
        yield live
    finally:
        live.server.stop()
        engine.dispose()
