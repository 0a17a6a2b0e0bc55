"""Benchmarks of the tablet's sync against a real server over loopback HTTP.

    python tests/bench/bench_sync.py [--styles 7828 --stores 30] [--only initial,...]

The server (SQLite, seeded with 200,000 variants in 30 stores) runs in this
process; the tablet runs in a child process so that its peak memory is its
own. Figures, each printed as one JSON line:

- initial: a new tablet pulls catalog, config, members and stock of 11
  stores (2.2M stock rows) into an empty cache. Baseline in the same run: a
  raw sqlite3 executemany of the same rows into an empty file of the cache's
  schema. The tablet's time inside `Cache.apply` is reported beside it.
- catchup: 50,000 stock changes made on the server while the tablet was
  away, pulled in one `sync --once`.
- latency: a stock change made on the server reaching a tablet that is
  connected (long-polling), p95 over 20 changes.
- push: 500 orders queued offline, pushed after reconnecting.

Exits 1 if a target is missed: initial < 60 s and < 300 MB RSS, apply rate
>= half of executemany, catch-up < 10 s, latency p95 < 1 s, push < 10 s.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = "sync"


def figure(name: str, value: float | int) -> None:
    print(json.dumps({"bench": BENCH, "figure": name, "value": value}), flush=True)


# ----------------------------------------------------------------------------- child side


def child(args: argparse.Namespace) -> int:
    """Run one tablet task and print a JSON dict of timings on the last line."""
    from shopguide.client import cache as cache_module
    from shopguide.client.orders import OrderLine, queue_order
    from shopguide.client.tablet import Tablet
    from shopguide.core.money import Money

    apply_seconds = [0.0]
    original_apply = cache_module.Cache.apply

    def timed_apply(self: Any, *a: Any, **kw: Any) -> Any:
        started = time.perf_counter()
        try:
            return original_apply(self, *a, **kw)
        finally:
            apply_seconds[0] += time.perf_counter() - started

    cache_module.Cache.apply = timed_apply  # type: ignore[method-assign]
    tablet = Tablet(Path(args.data_dir))
    out: dict[str, Any] = {}
    if args.task == "initial":
        tablet.login(args.server, "sz01.guide1", "shopguide")
        engine = tablet.connect()
        started = time.perf_counter()
        engine.run_once()
        engine.run_once()  # the nearby stores' stock, known once the store list is in
        out["seconds"] = time.perf_counter() - started
        out["stock_rows"] = tablet.cache.count("stock")
        out["variants"] = tablet.cache.count("variant")
    elif args.task == "catchup":
        engine = tablet.connect()
        started = time.perf_counter()
        status = engine.run_once()
        out["seconds"] = time.perf_counter() - started
        out["rows_received"] = status.rows_received
    elif args.task == "push":
        engine = tablet.connect()
        ids = tablet.cache.read(
            lambda c: c.execute(
                "SELECT v.id, s.list_price FROM variant v JOIN style s ON s.id = v.style_id "
                "LIMIT 500"
            ).fetchall()
        )
        for variant_id, price in ids:
            queue_order(
                tablet.outbox,
                store_id=tablet.store_id,
                lines=[OrderLine(variant_id, 1, Money(price, "CNY"), Money(0, "CNY"))],
            )
        started = time.perf_counter()
        sent = engine.push_pending()
        out["seconds"] = time.perf_counter() - started
        out["orders"] = sent
    elif args.task == "listen":
        engine = tablet.connect()
        engine.run_once()
        variant = int(args.variant)

        def heard(scopes: set[str]) -> None:
            levels = tablet.cache.stock_levels(tablet.store_id, [variant])
            print(json.dumps({"heard": levels.get(variant), "at": time.time()}), flush=True)

        engine.add_change_listener(heard)
        engine.start()
        print(json.dumps({"ready": True}), flush=True)
        sys.stdin.readline()
        engine.stop()
    out["apply_seconds"] = apply_seconds[0]
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    tablet.close()
    print(json.dumps(out), flush=True)
    return 0


def run_child(task: str, data_dir: Path, server: str, **extra: str) -> dict[str, Any]:
    command = [
        sys.executable,
        __file__,
        "--child",
        task,
        "--data-dir",
        str(data_dir),
        "--server",
        server,
    ]
    for key, value in extra.items():
        command += [f"--{key}", value]
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=900)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# ----------------------------------------------------------------------------- server side


def baseline_executemany(
    cache_schema_from: Path, target: Path, rows: dict[str, list[Any]]
) -> float:
    """The same rows into an empty file of the cache's schema with raw executemany."""
    source = sqlite3.connect(cache_schema_from)
    schema = [
        r[0]
        for r in source.execute(
            "SELECT sql FROM sqlite_master WHERE type='table' AND sql IS NOT NULL "
            "AND name NOT LIKE 'variant_search%'"
        )
    ]
    source.close()
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    for sql in schema:
        conn.execute(sql)
    started = time.perf_counter()
    conn.execute("BEGIN")
    for table, table_rows in rows.items():
        marks = ",".join("?" * len(table_rows[0]))
        conn.executemany(f"INSERT INTO {table} VALUES ({marks})", table_rows)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child")
    parser.add_argument("--data-dir")
    parser.add_argument("--server")
    parser.add_argument("--variant")
    parser.add_argument("--styles", type=int, default=0)
    parser.add_argument("--stores", type=int, default=30)
    parser.add_argument("--only", default="initial,catchup,latency,push")
    args = parser.parse_args()
    if args.child:
        args.task = args.child
        return child(args)

    from sqlmodel import Session, select

    from shopguide.server.config import Settings
    from shopguide.server.db import make_engine
    from shopguide.server.embedded import EmbeddedServer
    from shopguide.server.migrate import upgrade
    from shopguide.server.models import StockLevel
    from shopguide.server.seed import seed_database, styles_for_variants

    wanted = set(args.only.split(","))
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        url = f"sqlite:///{folder / 'server.db'}"
        engine = make_engine(url)
        upgrade(engine)
        seed_database(
            engine,
            stores=args.stores,
            styles=args.styles or styles_for_variants(200_000),
            members=20_000,
        )
        server = EmbeddedServer(Settings(database_url=url, secret_key="b" * 40))
        server.start()
        tablet_dir = folder / "tablet"

        initial = run_child("initial", tablet_dir, server.url)
        figure("initial_s", round(initial["seconds"], 1))
        figure("initial_peak_rss_mb", round(initial["peak_rss_mb"]))
        figure("initial_stock_rows", initial["stock_rows"])
        figure("initial_variants", initial["variants"])
        figure("initial_apply_s", round(initial["apply_seconds"], 1))
        cache_file = tablet_dir / "cache.db"
        raw = sqlite3.connect(cache_file)
        rows = {
            t: raw.execute(f"SELECT * FROM {t}").fetchall()
            for t in ("style", "variant", "price", "stock", "member", "coupon", "store")
        }
        raw.close()
        base = baseline_executemany(cache_file, folder / "baseline.db", rows)
        figure("baseline_executemany_s", round(base, 2))
        apply_ratio = base / initial["apply_seconds"]
        figure("apply_rate_vs_executemany", round(apply_ratio, 2))
        ok &= initial["seconds"] < 60 and initial["peak_rss_mb"] < 300 and apply_ratio >= 0.5

        own_stock = [
            (v,)
            for (v,) in sqlite3.connect(cache_file).execute(
                "SELECT variant_id FROM stock WHERE store_id = 1 LIMIT 5000"
            )
        ]
        if "catchup" in wanted:
            rng = random.Random(7)
            subscribed = sorted(
                {
                    r[0]
                    for r in sqlite3.connect(cache_file).execute(
                        "SELECT DISTINCT store_id FROM stock"
                    )
                }
            )
            with Session(engine) as session:
                changes = 0
                while changes < 50_000:
                    store = rng.choice(subscribed)
                    levels = session.exec(
                        select(StockLevel)
                        .where(StockLevel.store_id == store)
                        .offset(rng.randint(0, 150_000))
                        .limit(500)
                    ).all()
                    for level in levels:
                        level.on_hand = rng.randint(0, 20)
                        session.add(level)
                    session.commit()
                    changes += len(levels)
            catchup = run_child("catchup", tablet_dir, server.url)
            figure("catchup_changes", changes)
            figure("catchup_s", round(catchup["seconds"], 2))
            figure("catchup_rows_received", catchup["rows_received"])
            ok &= catchup["seconds"] < 10

        if "latency" in wanted:
            variant = own_stock[0][0]
            listener = subprocess.Popen(
                [
                    sys.executable,
                    __file__,
                    "--child",
                    "listen",
                    "--data-dir",
                    str(tablet_dir),
                    "--server",
                    server.url,
                    "--variant",
                    str(variant),
                ],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            assert listener.stdout is not None
            assert listener.stdin is not None
            while "ready" not in listener.stdout.readline():
                pass
            time.sleep(1.0)
            delays = []
            for n in range(20):
                with Session(engine) as session:
                    level = session.get(StockLevel, (1, variant))
                    assert level is not None
                    level.on_hand = 100 + n
                    session.add(level)
                    session.commit()
                    made = time.time()
                while True:
                    heard = json.loads(listener.stdout.readline())
                    if heard.get("heard") == 100 + n:
                        delays.append(heard["at"] - made)
                        break
                time.sleep(0.2)
            listener.stdin.write("\n")
            listener.stdin.flush()
            listener.wait(timeout=30)
            delays.sort()
            p95 = delays[int(len(delays) * 0.95) - 1]
            figure("change_latency_p95_s", round(p95, 3))
            figure("change_latency_max_s", round(delays[-1], 3))
            ok &= p95 < 1.0

        if "push" in wanted:
            push = run_child("push", tablet_dir, server.url)
            figure("push_orders", push["orders"])
            figure("push_s", round(push["seconds"], 2))
            ok &= push["seconds"] < 10
        server.stop()
        engine.dispose()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
