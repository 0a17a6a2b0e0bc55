"""Fixtures every suite shares: throwaway databases, a live seeded server, tablets."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from shopguide.client.tablet import Tablet
from tests.support.databases import BACKENDS, DatabaseFactory
from tests.support.live import PASSWORD, LiveServer, running_server
from tests.support.proxy import FaultyProxy


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--half",
        choices=("postgresql", "rest"),
        help="run only the PostgreSQL tests, or only the others (scripts/test.sh runs both "
        "halves side by side)",
    )


def on_postgresql(item: pytest.Item) -> bool:
    return "postgresql" in item.nodeid or item.get_closest_marker("pg") is not None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """`--half`: scripts/test.sh runs the PostgreSQL tests in one process and the rest in
    another, side by side, never PostgreSQL tests in both.

    The sync feed serves a change only once every older transaction on the whole
    PostgreSQL server has ended (docs/sync-protocol.md): a test in another process
    with a transaction open, even in another database, would hold a test's change
    back and make it fail.
    """
    half = config.getoption("--half")
    if half is None:
        return
    wanted = half == "postgresql"
    config.hook.pytest_deselected(items=[item for item in items if on_postgresql(item) != wanted])
    items[:] = [item for item in items if on_postgresql(item) == wanted]


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
