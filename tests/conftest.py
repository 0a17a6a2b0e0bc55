"""Fixtures every suite shares: throwaway databases, a live seeded server, tablets."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from shopguide.client.tablet import Tablet
from tests.support.databases import BACKENDS, DatabaseFactory
from tests.support.live import PASSWORD, LiveServer, running_server
from tests.support.proxy import FaultyProxy


@pytest.fixture(scope="session")
def databases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DatabaseFactory]:
    """`databases.new_url("sqlite" | "postgresql")` gives the URL of a new empty database."""
    factory = DatabaseFactory(tmp_path_factory.mktemp("databases"))
    yield factory
    factory.drop_all()


@pytest.fixture(scope="module", params=BACKENDS)
def live_server(request: pytest.FixtureRequest, databases: DatabaseFactory) -> Iterator[LiveServer]:
    """A server over a small seeded brand (4 stores), once per module and backend."""
    with running_server(databases.new_url(request.param)) as live:
        yield live


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
