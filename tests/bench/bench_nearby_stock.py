"""Benchmark: "which shop near here has it?" for one variant, from the server and from the cache.

    python tests/bench/bench_nearby_stock.py [--stores 30 --variants 200000] [--backend postgresql]

1. Seeds a server database (`--backend sqlite`, or a fresh one at
   SHOPGUIDE_TEST_PG) with `--stores` stores x `--variants` variants (six
   million stock rows) and puts 2,000 open reservations and 500 open
   transfers on random variants, so the holds are read as they would be.
2. Server: `GET /api/v1/stock/variants/{id}` over loopback HTTP (every
   store's figure with what is held, nearest first), p95 over `--lookups`
   random variants; beside it, in the same run, a bare `/healthz` round trip.
3. Cache: a tablet cache of store 1 holding the stock of its own and its
   ten nearest stores (what a tablet subscribes to), filled through
   `Cache.apply` in pull-sized pages; `CatalogReader.nearby_stock` p95 over
   the same variants. Baseline in the same run: the bare SELECT of the same
   rows on the same file, without building the answer.
Prints one JSON line per figure; exits 1 if the server p95 is 100 ms or more
or the cache p95 is 20 ms or more.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # for tests.support

import requests
from sqlalchemy import Engine, insert, text

from shopguide.client.api import ApiClient
from shopguide.client.cache import TABLES, Cache
from shopguide.client.catalog import CatalogReader
from shopguide.client.outbox import Outbox
from shopguide.core.geo import GeoPoint, nearest
from shopguide.server.config import Settings
from shopguide.server.db import make_engine
from shopguide.server.embedded import EmbeddedServer
from shopguide.server.migrate import upgrade
from shopguide.server.models import Reservation, Transfer
from shopguide.server.seed import seed_database, styles_for_variants
from shopguide.server.sync.shapes import table_of
from tests.support.databases import DatabaseFactory

PASSWORD = "bench-password"
SERVER_LIMIT_MS = 100.0
CACHE_LIMIT_MS = 20.0
PAGE = 20_000  # rows per applied page, as a pull with the largest limit sends


def figure(name: str, value: float | int) -> None:
    print(json.dumps({"bench": "nearby_stock", "figure": name, "value": value}), flush=True)


def p95(values: list[float]) -> float:
    return round(statistics.quantiles(values, n=20)[18], 2)


def timed(action: Any, inputs: list[int]) -> list[float]:
    timings = []
    for value in inputs:
        started = time.perf_counter()
        action(value)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def add_holds(engine: Engine, variants: int, stores: int, rng: random.Random) -> None:
    """Open reservations and transfers on random variants, as a busy brand would have."""
    now = datetime.now(UTC)
    reservations = [
        {
            "id": str(uuid.UUID(int=rng.getrandbits(128))),
            "from_store_id": rng.randint(1, stores),
            "at_store_id": rng.randint(1, stores),
            "variant_id": rng.randint(1, variants),
            "quantity": 1,
            "customer_name": "bench",
            "customer_phone_last4": "0000",
            "status": "requested",
            "reason": "",
            "expires_at": now + timedelta(hours=rng.randint(-24, 24)),
            "created_by": 2,
            "created_by_name": "bench",
            "created_at": now,
            "updated_at": now,
        }
        for _ in range(2000)
    ]
    transfers = [
        {
            "id": str(uuid.UUID(int=rng.getrandbits(128))),
            "from_store_id": rng.randint(1, stores),
            "to_store_id": rng.randint(1, stores),
            "variant_id": rng.randint(1, variants),
            "quantity": 1,
            "status": rng.choice(("requested", "accepted", "shipped")),
            "reason": "",
            "ship_to_name": "",
            "ship_to_phone": "",
            "ship_to_address": "",
            "created_by": 2,
            "created_by_name": "bench",
            "created_at": now,
            "updated_at": now,
        }
        for _ in range(500)
    ]
    with engine.begin() as conn:
        conn.execute(insert(table_of(Reservation)), reservations)
        conn.execute(insert(table_of(Transfer)), transfers)


def build_cache(engine: Engine, folder: Path, cached_stores: int) -> Cache:
    """Store 1's tablet cache: the store list and the stock of it and its nearest stores."""
    with engine.connect() as conn:
        stores = [
            tuple(r)
            for r in conn.execute(text(f"SELECT {','.join(TABLES['store'].columns)} FROM store"))
        ]
    here = next(s for s in stores if s[0] == 1)
    others = [(s[0], GeoPoint(s[6], s[7])) for s in stores if s[0] != 1]
    near = [1] + [
        store_id for store_id, _ in nearest(GeoPoint(here[6], here[7]), others, cached_stores - 1)
    ]
    cache = Cache(folder / "cache.db")
    cache.subscribe(["config", *(f"stock:{s}" for s in near)])
    cache.apply("config", page("store", TABLES["store"].columns, stores), first_of_snapshot=True)
    started = time.perf_counter()
    rows_applied = 0
    with engine.connect() as conn:
        for store_id in near:
            result = conn.execute(
                text(
                    "SELECT variant_id, on_hand, updated_at FROM stock_level "
                    "WHERE store_id = :s ORDER BY variant_id"
                ),
                {"s": store_id},
            )
            first = True
            while chunk := result.fetchmany(PAGE):
                rows = [[v, q, str(at)] for v, q, at in chunk]
                cache.apply(
                    f"stock:{store_id}",
                    page("stock", TABLES["stock"].columns, rows),
                    first_of_snapshot=first,
                )
                first = False
                rows_applied += len(rows)
    figure("cache_stock_rows", rows_applied)
    figure("cache_fill_s", round(time.perf_counter() - started, 1))
    return cache


def page(entity: str, columns: tuple[str, ...], rows: list[Any]) -> dict[str, Any]:
    return {
        "kind": "snapshot",
        "upserts": {entity: {"columns": list(columns), "rows": [list(r) for r in rows]}},
        "deletes": {},
        "cursor": "s",
        "has_more": True,
    }


def run(args: argparse.Namespace, url: str, folder: Path) -> bool:
    engine = make_engine(url)
    upgrade(engine)
    started = time.perf_counter()
    summary = seed_database(
        engine,
        stores=args.stores,
        styles=styles_for_variants(args.variants),
        members=100,
        password=PASSWORD,
    )
    figure("seed_s", round(time.perf_counter() - started, 1))
    figure("variants", summary.variants)
    figure("stock_rows", summary.stock_rows)
    rng = random.Random(8)
    add_holds(engine, summary.variants, summary.stores, rng)
    chosen = [rng.randint(1, summary.variants) for _ in range(args.lookups)]

    with EmbeddedServer(Settings(database_url=url, secret_key="n" * 40)) as server:
        api = ApiClient(server.url)
        api.login("sz01.guide1", PASSWORD)
        health = timed(lambda _: requests.get(f"{server.url}/healthz", timeout=5), chosen)
        answers: list[int] = []

        def ask(variant_id: int) -> None:
            answer = api.get(f"/stock/variants/{variant_id}")
            answers.append(len(answer))

        ask(chosen[0])  # the first request warms the connection and the statement cache
        answers.clear()
        online = timed(ask, chosen)
        api.close()
    figure("server_lookups", len(online))
    figure("server_stores_per_answer_median", statistics.median(answers))
    figure("server_nearby_p95_ms", p95(online))
    figure("server_nearby_median_ms", round(statistics.median(online), 2))
    figure("baseline_healthz_p95_ms", p95(health))

    cache = build_cache(engine, folder, args.cached_stores)
    engine.dispose()
    reader = CatalogReader(cache, Outbox(folder / "outbox.db"))
    found: list[int] = []
    offline = timed(lambda v: found.append(len(reader.nearby_stock(v, 1))), chosen)
    raw = sqlite3.connect(cache.path)

    def bare(variant_id: int) -> None:
        raw.execute(
            "SELECT s.id, k.on_hand FROM store s CROSS JOIN stock k "
            "ON k.store_id = s.id AND k.variant_id = ? WHERE s.id != 1",
            (variant_id,),
        ).fetchall()

    baseline = timed(bare, chosen)
    figure("cache_stores_per_answer_median", statistics.median(found))
    figure("cache_nearby_p95_ms", p95(offline))
    figure("cache_nearby_median_ms", round(statistics.median(offline), 3))
    figure("baseline_bare_select_p95_ms", p95(baseline))
    raw.close()
    cache.close()
    return p95(online) < SERVER_LIMIT_MS and p95(offline) < CACHE_LIMIT_MS


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stores", type=int, default=30)
    parser.add_argument("--variants", type=int, default=200_000)
    parser.add_argument("--lookups", type=int, default=300)
    parser.add_argument("--cached-stores", type=int, default=11, help="own store + nearest")
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench_nearby_") as tmp:
        databases = DatabaseFactory(Path(tmp))
        try:
            ok = run(args, databases.new_url(args.backend), Path(tmp))
        finally:
            databases.drop_all()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
