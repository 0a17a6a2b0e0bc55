"""A seeded central server over real HTTP on loopback, and tablets that sync with it.

The server database is seeded once per backend (SQLite always, PostgreSQL
when SHOPGUIDE_TEST_PG is set); every test gets a fresh tablet data folder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from shopguide.client.tablet import Tablet
from shopguide.server.config import Settings
from shopguide.server.db import make_engine
from shopguide.server.embedded import EmbeddedServer
from shopguide.server.migrate import upgrade
from shopguide.server.seed import seed_database
from tests.support.databases import BACKENDS, DatabaseFactory
from tests.support.proxy import FaultyProxy

PASSWORD = "seeded-password"
SECRET = "client-tests-secret-" + "z" * 40


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


@pytest.fixture(scope="module", params=BACKENDS)
def live_server(request: pytest.FixtureRequest, databases: DatabaseFactory) -> Iterator[LiveServer]:
    url = databases.new_url(request.param)
    engine = make_engine(url)
    upgrade(engine)
    seed_database(engine, stores=4, styles=30, members=60, password=PASSWORD)
    server = EmbeddedServer(Settings(database_url=url, secret_key=SECRET))
    server.start()
    live = LiveServer(server, engine)
    yield live
    live.server.stop()
    engine.dispose()


@pytest.fixture
def proxy(live_server: LiveServer) -> Iterator[FaultyProxy]:
    """A proxy in front of the server that passes everything until told to fail."""
    faulty = FaultyProxy(live_server.server.port)
    yield faulty
    faulty.close()


@pytest.fixture
def make_tablet(tmp_path: Path) -> Iterator[Callable[..., Tablet]]:
    """Tablets logged in as a guide (default sz01.guide1), each with its own data folder."""
    tablets: list[Tablet] = []

    def make(server_url: str, username: str = "sz01.guide1", folder: str = "tablet") -> Tablet:
        tablet = Tablet(tmp_path / folder)
        tablet.login(server_url, username, PASSWORD)
        tablets.append(tablet)
        return tablet

    yield make
    for tablet in tablets:
        tablet.close()
