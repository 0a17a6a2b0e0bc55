"""Fault tests: every order made on a tablet reaches the server exactly once, whatever breaks.

A TCP proxy drops connections mid-request, mid-response, and after the
server committed but before the tablet heard; tablet processes are killed
with SIGKILL at random moments during push and apply; the server is
restarted mid-sync. After each run the server must hold every queued order
exactly once, and after a clean sync the tablet's cache must equal the
server's data. SHOPGUIDE_SOAK=N multiplies the number of runs by N.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from shopguide.client.api import ApiError, OfflineError
from shopguide.client.orders import OrderLine, queue_order
from shopguide.client.tablet import Tablet
from shopguide.core.money import Money
from tests.support.live import LiveServer
from tests.support.proxy import FAULTS, FaultyProxy

SOAK = int(os.environ.get("SHOPGUIDE_SOAK", "1"))
NETWORK_RUNS = 220 * SOAK
KILL_RUNS = 30 * SOAK
ROOT = Path(__file__).resolve().parents[2]


def orders_on_server(live: LiveServer, order_ids: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for start in range(0, len(order_ids), 500):
        chunk = order_ids[start : start + 500]
        marks = ",".join(f":o{i}" for i in range(len(chunk)))
        rows = live.rows(
            f"SELECT id, COUNT(*) FROM sales_order WHERE id IN ({marks}) GROUP BY id",
            **{f"o{i}": o for i, o in enumerate(chunk)},
        )
        counts.update({str(r[0]): int(r[1]) for r in rows})  # type: ignore[call-overload]
    return counts


def assert_cache_matches_server(live: LiveServer, tablet: Tablet) -> None:
    for scope in tablet.connect().scopes:
        if scope.startswith("stock:"):
            store = int(scope.split(":")[1])
            server = {
                (int(v), int(q))
                for v, q in live.rows(  # type: ignore[call-overload]
                    "SELECT variant_id, on_hand FROM stock_level WHERE store_id = :s", s=store
                )
            }
            cached = {(int(r[0]), int(r[1])) for r in tablet.cache.dump(scope)["stock"]}
            assert cached == server, f"{scope} differs"
    variants = live.scalar("SELECT COUNT(*) FROM variant")
    assert tablet.cache.count("variant") == variants


def sell(tablet: Tablet, rng: random.Random, variants: list[tuple[int, int]]) -> str:
    variant_id, price = rng.choice(variants)
    return queue_order(
        tablet.outbox,
        store_id=tablet.store_id,
        lines=[OrderLine(variant_id, rng.randint(1, 2), Money(price, "CNY"), Money(0, "CNY"))],
    )


def some_variants(tablet: Tablet) -> list[tuple[int, int]]:
    return [
        (int(v), int(p))
        for v, p in tablet.cache.read(
            lambda c: c.execute(
                "SELECT v.id, s.list_price FROM variant v JOIN style s ON s.id = v.style_id "
                "ORDER BY v.id LIMIT 100"
            ).fetchall()
        )
    ]


def test_orders_cross_a_faulty_network_exactly_once(
    live_server: LiveServer, make_tablet: Callable[..., Tablet], proxy: FaultyProxy
) -> None:
    tablet = make_tablet(proxy.url)
    engine = tablet.connect()
    engine.run_once()
    engine.run_once()
    variants = some_variants(tablet)
    queued: list[str] = []
    for run in range(NETWORK_RUNS):
        rng = random.Random(run)
        queued += [sell(tablet, rng, variants) for _ in range(rng.randint(1, 3))]
        proxy.schedule(rng.choice([*FAULTS, None]) for _ in range(rng.randint(0, 4)))
        for _attempt in range(30):
            try:
                if rng.random() < 0.3:
                    engine.pull_all(wait=0)
                engine.push_pending()
            except (OfflineError, ApiError):
                continue
            if tablet.outbox.counts().pending == 0:
                break
        proxy.clear()
        assert tablet.outbox.counts().pending == 0, f"run {run}: still pending"
    counts = orders_on_server(live_server, queued)
    assert sorted(counts) == sorted(queued), "an order was lost"
    assert set(counts.values()) == {1}, "an order was duplicated"
    assert tablet.outbox.counts().rejected == 0
    engine.run_once()
    assert tablet.outbox.holds(tablet.store_id, [v for v, _ in variants]) == {}
    assert_cache_matches_server(live_server, tablet)
    assert len(proxy.faults_done) > NETWORK_RUNS


def test_a_tablet_killed_at_random_moments_loses_and_duplicates_nothing(
    live_server: LiveServer, make_tablet: Callable[..., Tablet], proxy: FaultyProxy
) -> None:
    tablet = make_tablet(proxy.url, folder="killed")
    data_dir = tablet.data_dir
    tablet.close()
    rng = random.Random(2026)
    printed: list[str] = []
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'app'}"}
    for run in range(KILL_RUNS):
        if rng.random() < 0.3:
            proxy.schedule(rng.choice(FAULTS) for _ in range(rng.randint(1, 3)))
        worker = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.support.tablet_worker",
                str(data_dir),
                str(rng.randint(0, 4)),
                str(run),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        time.sleep(rng.uniform(0.3, 1.5))
        worker.send_signal(signal.SIGKILL)
        out, _ = worker.communicate(timeout=30)
        printed += [line for line in out.splitlines() if line and line != "DONE"]
        proxy.clear()
    final = subprocess.run(
        [sys.executable, "-m", "tests.support.tablet_worker", str(data_dir), "0", "0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "DONE" in final.stdout, final.stderr[-3000:]
    survivor = Tablet(data_dir)
    held = survivor.outbox.of_type("order.place")
    order_ids = [m.payload["order_id"] for m in held]
    assert set(printed) <= set(order_ids), "an order the tablet confirmed is gone"
    counts = orders_on_server(live_server, order_ids)
    assert sorted(counts) == sorted(order_ids), "an order was lost"
    assert set(counts.values()) == {1}, "an order was duplicated"
    assert all(m.state == "applied" for m in held)
    survivor.connect().run_once()
    assert_cache_matches_server(live_server, survivor)
    survivor.close()


def test_a_server_restarted_mid_sync_loses_nothing(
    live_server: LiveServer, make_tablet: Callable[..., Tablet]
) -> None:
    tablet = make_tablet(live_server.url, folder="restart")
    engine = tablet.connect()
    engine.run_once()
    variants = some_variants(tablet)
    rng = random.Random(5)
    engine.backoff = type(engine.backoff)(base=0.05, cap=0.5)
    engine.start()
    queued = []
    for _ in range(3):
        for _ in range(10):
            queued.append(sell(tablet, rng, variants))
            engine.notify_queued()
            time.sleep(rng.uniform(0, 0.05))
        live_server.restart()
    deadline = time.monotonic() + 60
    while tablet.outbox.counts().pending and time.monotonic() < deadline:
        time.sleep(0.1)
    engine.stop()
    counts = orders_on_server(live_server, queued)
    assert sorted(counts) == sorted(queued)
    assert set(counts.values()) == {1}
    engine.run_once()
    assert_cache_matches_server(live_server, tablet)
