"""The load scenario of tests/bench/bench_load.py, tiny: it must keep running clean.

Twenty tablets for a few seconds against an embedded server (SQLite, or
PostgreSQL when SHOPGUIDE_TEST_PG is set): every kind of request the
scenario makes happens, and none fails.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest

from shopguide.server.config import Settings
from shopguide.server.db import make_engine
from shopguide.server.embedded import EmbeddedServer
from shopguide.server.migrate import upgrade
from shopguide.server.seed import seed_database
from tests.bench import bench_load as load
from tests.support.databases import PG_URL, DatabaseFactory

# On PostgreSQL it runs in the PostgreSQL half of the suite: its open transactions would
# hold back the sync tests of a process beside it (tests/conftest.py).
pytestmark = [pytest.mark.pg] if PG_URL else []


@pytest.mark.timeout(60)
def test_twenty_tablets_for_a_few_seconds(tmp_path: Path) -> None:
    databases = DatabaseFactory(tmp_path)
    try:
        url = databases.new_url("postgresql" if PG_URL else "sqlite")
        engine = make_engine(url, pool_size=2)
        upgrade(engine)
        seed_database(engine, stores=4, styles=12, members=40, password=load.PASSWORD)
        settings = Settings(
            database_url=url,
            secret_key=load.SECRET,
            sandbox_payments=True,
            emv_acquirer_secret=load.ACQUIRER_SECRET,
        )
        with EmbeddedServer(settings) as server:
            world = load.read_world(engine, server.url, accounts_per_store=1)

            async def scenario() -> dict[str, object]:
                async with httpx.AsyncClient(timeout=30) as client:
                    # One at a time: on SQLite, logins side by side can meet "database is
                    # locked" (a login reads, then writes its attempt; see the report).
                    await load.log_in(client, world, at_once=1)
                    await load.catch_up(client, world)
                return await load.run_stage(
                    world, 20, 5.0, 0.4, fresh=0.1, long_poll=2.0, idle_seconds=0.3
                )

            figures = asyncio.run(scenario())
        engine.dispose()
    finally:
        databases.drop_all()
    stats = figures["stats"]
    assert isinstance(stats, load.Stats)
    assert not stats.errors, dict(stats.errors)
    missing = [kind for kind in load.KINDS if not stats.latencies.get(kind)]
    assert not missing, f"never happened: {missing}"
    assert stats.heard_after_pay, "no tablet heard its payment"
    assert stats.peak["sync_wait"] >= 15, "the tablets did not hold their sync long polls"
    assert figures["under_load"], "the healthz prober never got through"
