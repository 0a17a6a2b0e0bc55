"""Fault tests over the whole sell flow: cart, order, payment, points, stock.

Each randomized run sells to one or more customers through the tablet's own
client code (`tests.support.sell_flow.Shop`) while one fault is injected:
the network (a proxy dropping the request, cutting the answer, losing it
after the server committed, refusing, delaying, or down for the whole sale
so it is paid offline), the tablet's clock an hour ahead or behind, the
tablet's disk full (a real SQLITE_FULL on the outbox, the carts or the cache),
the tablet process SIGKILLed mid-push or mid-apply, the server process
SIGKILLed and restarted, and PostgreSQL restarted mid-transaction (a cluster
of the test's own). After every run `Ledger.check` verifies the invariants
on the server's database and the tablet's outbox.

SHOPGUIDE_SOAK=N multiplies the number of runs by N.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO

import pytest
from sqlalchemy import text

from shopguide.client import clock
from shopguide.client.api import ApiError
from shopguide.client.cart_pricing import price
from shopguide.client.sqlite import StorageFull
from shopguide.client.sync_engine import SyncState
from shopguide.client.tablet import Tablet
from shopguide.server.embedded import free_port
from tests.support.live import LiveServer, ServerProcess, running_server
from tests.support.proxy import FAULTS, SLOW_FAULTS, FaultyProxy
from tests.support.sell_flow import Customers, Ledger, Sale, Shop

SOAK = int(os.environ.get("SHOPGUIDE_SOAK", "1"))
IN_PROCESS_RUNS = 20 * SOAK  # per backend
KILL_RUNS = 2 * SOAK  # per backend
SERVER_KILL_RUNS = 2 * SOAK  # per backend
PG_RESTART_RUNS = 2 * SOAK
ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.timeout(300 * SOAK)
# Each run's fault, in turn (so that a short run covers them all); the details are random.
KINDS = ("network", "clock_skew", "network", "offline", "network", "disk_full")


def customers_of(live: LiveServer, url: str | None = None) -> Customers:
    def member_row(member_id: int) -> tuple[int, int]:
        [(mid, version)] = live.rows(
            "SELECT id, pass_version FROM member WHERE id = :m", m=member_id
        )
        return int(str(mid)), int(str(version))

    return Customers(url or live.url, member_row)


def home_members(live: LiveServer, store_id: int) -> list[int]:
    return [
        int(str(m))
        for (m,) in live.rows(
            "SELECT id FROM member WHERE home_store_id = :s ORDER BY id", s=store_id
        )
    ]


def open_shop(live: LiveServer, tablet: Tablet, server_url: str | None = None) -> Shop:
    shop = Shop(tablet, customers_of(live, server_url), home_members(live, tablet.store_id))
    shop.sync_until_clean()
    shop.sync_until_clean()
    shop.variants = [
        int(v)
        for (v,) in tablet.cache.read(
            lambda c: c.execute("SELECT id FROM variant ORDER BY id LIMIT 120").fetchall()
        )
    ]
    return shop


def settle(shop: Shop, sales: list[Sale]) -> None:
    """The network is good again: everything syncs, the acquirer reports store-QR payments."""
    shop.sync_until_clean()
    shop.confirm_offline_qr(s for s in sales if s.payment == "emv_offline")
    shop.sync_until_clean()


def assert_no_stock_overlay(shop: Shop) -> None:
    """After a clean pull the tablet shows the server's stock: no hold is left over it."""
    held = shop.tablet.outbox.holds(shop.tablet.store_id, shop.variants)
    assert held == {}, f"holds left after a clean sync: {held}"


# ----------------------------------------------------------------------------- faults in process


@contextlib.contextmanager
def skewed_clock(hours: int) -> Iterator[None]:
    real = clock.now
    clock.now = lambda: real() + timedelta(hours=hours)
    try:
        yield
    finally:
        clock.now = real


def fill_disk(tablet: Tablet, shop: Shop, which: str) -> Callable[[], None]:
    """A real SQLITE_FULL: the file may not grow by a page; returns how to free the space."""
    conn: sqlite3.Connection = {
        "outbox": tablet.outbox._conn,
        "carts": shop.carts._conn,
        "cache": tablet.cache._writer,
    }[which]
    (pages,) = conn.execute("PRAGMA page_count").fetchone()
    (free,) = conn.execute("PRAGMA freelist_count").fetchone()
    conn.execute(f"PRAGMA max_page_count={max(pages, 1)}")
    if free:  # no free page inside the file either: nothing new fits
        conn.execute("PRAGMA max_page_count=4294967294")
        conn.execute("VACUUM")
        (pages,) = conn.execute("PRAGMA page_count").fetchone()
        conn.execute(f"PRAGMA max_page_count={pages}")

    def free_space() -> None:
        conn.execute("PRAGMA max_page_count=4294967294")

    return free_space


def disk_full(rng: random.Random, shop: Shop, sales: list[Sale], stats: Counter[str]) -> None:
    """Sell with one of the tablet's files unable to grow until SQLite says SQLITE_FULL."""
    which = rng.choice(("outbox", "outbox", "carts", "cache"))
    free_space = fill_disk(shop.tablet, shop, which)
    queued_before = {m.id for m in shop.tablet.outbox.of_type("order.place")}
    try:
        for _ in range(4):
            try:
                sales.append(shop.sell(rng))
                if which == "cache":
                    shop.engine.pull_all(wait=0)
            except StorageFull as exc:
                stats[f"disk_full:{which}:raised"] += 1
                reported, full_file = str(exc), exc.path.name
                assert "storage is full" in reported
                assert full_file == f"{which}.db"
                break
        else:
            stats[f"disk_full:{which}:fit"] += 1
    finally:
        free_space()
    kept = {m.id for m in shop.tablet.outbox.of_type("order.place")}
    assert queued_before <= kept, "a full disk lost a queued order"
    unfinished = shop.unfinished
    if unfinished is not None:  # placed, not yet paid: the guide takes the payment again
        shop.unfinished = None
        shop.pay(unfinished, rng)
        sales.append(unfinished)
    if shop.carts.open_cart().items:  # the guide taps Pay again once space is freed
        sales.append(shop.sell(rng))


def one_run(
    run: int, shop: Shop, proxy: FaultyProxy, sales: list[Sale], stats: Counter[str]
) -> None:
    rng = random.Random(f"sell-flow-{run}")
    kind = KINDS[run % len(KINDS)]
    stats[kind] += 1
    customers = rng.randint(1, 2)
    if kind == "network":
        faults = [*FAULTS, *FAULTS, *SLOW_FAULTS, None]
        proxy.schedule(rng.choice(faults) for _ in range(rng.randint(1, 4)))
        sales += [shop.sell(rng) for _ in range(customers)]
    elif kind == "offline":
        proxy.go_down()
        try:
            sales += [shop.sell(rng, online=False) for _ in range(customers)]
        finally:
            proxy.come_back()
    elif kind == "clock_skew":
        with skewed_clock(rng.choice((-1, 1))):
            proxy.schedule(rng.choice([*FAULTS, None]) for _ in range(rng.randint(0, 3)))
            sales += [shop.sell(rng) for _ in range(customers)]
            proxy.clear()
            settle(shop, sales)
    else:
        disk_full(rng, shop, sales, stats)
    proxy.clear()
    settle(shop, sales)


def test_the_sell_flow_survives_network_faults_a_skewed_clock_and_a_full_disk(
    live_server: LiveServer, make_tablet: Callable[..., Tablet], proxy: FaultyProxy
) -> None:
    tablet = make_tablet(proxy.url, folder="seller")
    shop = open_shop(live_server, tablet)
    ledger = Ledger.start(live_server.rows)
    sales: list[Sale] = []
    stats: Counter[str] = Counter()
    started = time.monotonic()
    try:
        for run in range(IN_PROCESS_RUNS):
            one_run(run, shop, proxy, sales, stats)
            ledger.check(sales, [tablet], f"run {run}")
            assert_no_stock_overlay(shop)
            if SOAK > 1 and run % 50 == 49:
                print(f"\n  {run + 1} runs, {time.monotonic() - started:.0f}s", flush=True)
    finally:
        shop.close()
    print(
        f"\nsell-flow faults: {IN_PROCESS_RUNS} runs, {len(sales)} sales, "
        f"{ledger.checks} invariant checks, {time.monotonic() - started:.1f}s, {dict(stats)}, "
        f"proxy faults {Counter(proxy.faults_done)}"
    )
    assert len(proxy.faults_done) >= IN_PROCESS_RUNS // 3


# ----------------------------------------------------------------------------- a killed tablet


def test_a_tablet_killed_mid_sale_loses_and_doubles_nothing(
    live_server: LiveServer, make_tablet: Callable[..., Tablet], proxy: FaultyProxy
) -> None:
    tablet = make_tablet(proxy.url, folder="killed-seller")
    open_shop(live_server, tablet).close()
    data_dir = tablet.data_dir
    tablet.close()
    ledger = Ledger.start(live_server.rows)
    rng = random.Random(4242)
    events: list[dict[str, object]] = []
    stats: Counter[str] = Counter()
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'app'}"}
    for run in range(KILL_RUNS):
        if rng.random() < 0.5:
            proxy.schedule(rng.choice(FAULTS) for _ in range(rng.randint(1, 3)))
        worker = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.support.tablet_worker",
                "sell",
                str(data_dir),
                str(rng.randint(1, 4)),
                str(run),
                live_server.url,
                live_server.engine.url.render_as_string(hide_password=False),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert worker.stdout is not None
        ready = worker.stdout.readline()  # imports take a second or two: not what is tested
        assert ready.strip() == "READY", ready
        # Killed a moment after it starts, starts a payment, or finishes a sale (pushing
        # and pulling then): mid-push, mid-apply, mid-payment.
        seen = wait_for_event(worker.stdout, rng.choice(("READY", "paying", "sold", "sold")))
        time.sleep(rng.uniform(0.0, 0.4))
        worker.send_signal(signal.SIGKILL)
        out, err = worker.communicate(timeout=30)
        out = seen + out
        assert worker.returncode in (0, -signal.SIGKILL), err[-3000:]
        printed = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
        stats["killed after sales"] += sum(e["event"] == "sold" for e in printed)
        stats["killed mid-payment"] += len(
            {e["order_id"] for e in printed if e["event"] == "paying"}
            - {e["order_id"] for e in printed if e["event"] == "sold"}
        )
        stats["finished before the kill"] += "DONE" in out
        events += printed
        proxy.clear()
        survivor = Tablet(data_dir)
        try:
            shop = Shop(
                survivor,
                customers_of(live_server),
                home_members(live_server, survivor.store_id),
            )
            sales = sales_from(survivor, events)
            settle(shop, sales)
            ledger.check(sales, [survivor], f"kill {run}")
            shop.close()
        finally:
            survivor.close()
    print(f"\ntablet kills: {KILL_RUNS} runs, {len(sales)} orders, {dict(stats)}")


def wait_for_event(stdout: IO[str], event: str) -> str:
    """Read the worker's lines until it prints `event` (or ends); returns what was read."""
    read = ""
    while event != "READY":
        line = stdout.readline()
        read += line
        if not line or f'"event": "{event}"' in line:
            break
    return read


def sales_from(tablet: Tablet, events: list[dict[str, object]]) -> list[Sale]:
    """What a killed tablet did, from its outbox (the truth) and what it printed before dying."""
    paying = {str(e["order_id"]) for e in events if e["event"] == "paying"}
    online = {
        str(e["order_id"]): str(e["payment"])
        for e in events
        if e["event"] == "sold" and e["payment"] in ("sandbox", "emv")
    }
    coupons = {str(e["order_id"]): e.get("coupon_id") for e in events if e["event"] == "sold"}
    recorded = {m.payload["order_id"]: m for m in tablet.outbox.of_type("payment.record")}
    redeemed = {m.payload["order_id"]: m for m in tablet.outbox.of_type("member.redeem")}
    sales = []
    for mutation in tablet.outbox.of_type("order.place"):
        order_id = str(mutation.payload["order_id"])
        if order_id in recorded:
            payment = str(recorded[order_id].payload["method"])
        elif order_id in online:
            payment = online[order_id]
        elif order_id in paying:
            payment = "maybe"  # killed while the customer was paying
        else:
            payment = "unpaid"
        coupon = coupons.get(order_id)
        sales.append(
            Sale(
                order_id,
                mutation.payload["member_id"],
                int(mutation.payload["total"]),
                payment,
                coupon_id=int(str(coupon)) if coupon is not None else None,
                points_redeemed=int(redeemed[order_id].payload["points"])
                if order_id in redeemed
                else 0,
                maybe_coupon=True,  # it may have died between spending and printing
            )
        )
    return sales


# ----------------------------------------------------------------------------- a killed server


def test_a_server_killed_mid_sale_and_restarted_loses_and_doubles_nothing(
    live_server: LiveServer, make_tablet: Callable[..., Tablet]
) -> None:
    server = ServerProcess(str(live_server.engine.url.render_as_string(hide_password=False)))
    server.start()
    proxy = FaultyProxy(server.port)
    try:
        tablet = make_tablet(proxy.url, folder="server-killed")
        shop = open_shop(live_server, tablet, server.url)
        ledger = Ledger.start(live_server.rows)
        sales: list[Sale] = []
        for run in range(SERVER_KILL_RUNS):
            rng = random.Random(f"server-kill-{run}")
            killer = threading.Thread(
                target=kill_and_restart, args=(server, rng.uniform(0.0, 0.6), rng.uniform(0.2, 1.0))
            )
            killer.start()
            try:
                sales += [shop.sell(rng) for _ in range(rng.randint(1, 3))]
            finally:
                killer.join()
            settle(shop, sales)
            ledger.check(sales, [tablet], f"server kill {run}")
            assert_no_stock_overlay(shop)
        assert server.kills == SERVER_KILL_RUNS
        shop.close()
    finally:
        proxy.close()
        server.stop()


def kill_and_restart(server: ServerProcess, after: float, down_for: float) -> None:
    time.sleep(after)
    server.kill()
    time.sleep(down_for)
    server.start()


# ----------------------------------------------------------------------------- PostgreSQL restarted


class OwnPostgres:
    """A throwaway PostgreSQL cluster of this test's own, which it may restart at will."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="shopguide-pg-"))
        self.port = free_port()
        self.restarts = 0
        self._as_postgres = os.geteuid() == 0
        if self._as_postgres:
            shutil.chown(self.folder, "postgres")
        self._run(
            f"initdb -D {self.folder}/data -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8"
        )
        self._ctl("start -w")
        self._run(f"createdb -h {self.folder} -p {self.port} -U postgres shop")

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/shop"

    def restart(self) -> None:
        """`immediate`: every backend dies at once, open transactions with it."""
        self._ctl("restart -w -m immediate")
        self.restarts += 1

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self._ctl("stop -w -m fast")
        shutil.rmtree(self.folder, ignore_errors=True)

    def _ctl(self, action: str) -> None:
        options = f"-p {self.port} -k {self.folder} -c fsync=off -c listen_addresses=127.0.0.1"
        self._run(f"pg_ctl -D {self.folder}/data -l {self.folder}/log -o '{options}' {action}")

    def _run(self, command: str) -> None:
        binaries = Path(shutil.which("pg_ctl") or "/usr/local/bin/pg_ctl").resolve().parent
        line = f"{binaries}/{command}"
        argv = (
            ["su", "postgres", "-s", "/bin/sh", "-c", line]
            if self._as_postgres
            else ["sh", "-c", line]
        )
        subprocess.run(argv, check=True, capture_output=True, timeout=60)


def postgres_binaries_missing() -> bool:
    return shutil.which("pg_ctl") is None or shutil.which("initdb") is None


@pytest.mark.skipif(postgres_binaries_missing(), reason="needs initdb and pg_ctl")
def test_postgresql_restarted_mid_transaction_loses_and_doubles_nothing(
    make_tablet: Callable[..., Tablet],
) -> None:
    cluster = OwnPostgres()
    try:
        with running_server(cluster.url) as live:
            proxy = FaultyProxy(live.server.port)
            try:
                tablet = make_tablet(proxy.url, folder="pg-restart")
                shop = open_shop(live, tablet)
                ledger = Ledger.start(live.rows)
                sales: list[Sale] = []
                for run in range(PG_RESTART_RUNS):
                    rng = random.Random(f"pg-restart-{run}")
                    restarter = threading.Timer(rng.uniform(0.0, 0.5), cluster.restart)
                    restarter.start()
                    try:
                        sales += [shop.sell(rng) for _ in range(rng.randint(1, 3))]
                    finally:
                        restarter.join()
                    settle(shop, sales)
                    ledger.check(sales, [tablet], f"postgres restart {run}")
                    assert_no_stock_overlay(shop)
                assert cluster.restarts == PG_RESTART_RUNS
                shop.close()
            finally:
                proxy.close()
    finally:
        cluster.stop()


# ----------------------------------------------------------------------------- regressions


def test_a_clock_set_back_after_a_sale_does_not_leave_its_hold_over_the_stock(
    live_server: LiveServer, make_tablet: Callable[..., Tablet]
) -> None:
    """A tablet an hour fast sells, then its clock is corrected: the sale's hold must still go."""
    tablet = make_tablet(live_server.url, folder="clock-corrected")
    shop = open_shop(live_server, tablet)
    try:
        with skewed_clock(+1):
            sale = shop.sell(random.Random(7))
        shop.sync_until_clean()
        shop.engine.pull_all(wait=0)
        assert_no_stock_overlay(shop)
        ledger = Ledger.start(live_server.rows)
        ledger.check([sale], [tablet], "clock corrected")
    finally:
        shop.close()


def sell_until_full(shop: Shop, rng: random.Random) -> None:
    for _ in range(50):
        shop.sell(rng, online=False)


def test_a_full_disk_is_reported_as_such_and_loses_nothing_saved(
    live_server: LiveServer, make_tablet: Callable[..., Tablet], proxy: FaultyProxy
) -> None:
    tablet = make_tablet(proxy.url, folder="disk-full")
    shop = open_shop(live_server, tablet)
    try:
        proxy.go_down()
        first = shop.sell(random.Random(1), online=False)  # queued, not yet pushed
        free_space = fill_disk(tablet, shop, "outbox")
        rng = random.Random(2)
        with pytest.raises(StorageFull, match="the tablet's storage is full") as raised:
            sell_until_full(shop, rng)
        assert raised.value.path == tablet.outbox.path
        shop.engine._handle_failure(raised.value, 1)  # what the sync indicator shows
        assert shop.engine.status.state is SyncState.ERROR
        assert shop.engine.status.message.startswith("the tablet's storage is full")
        free_space()
        proxy.come_back()
        held = [m.payload["order_id"] for m in tablet.outbox.of_type("order.place")]
        assert first.order_id in held
        shop.sync_until_clean()
        ledger = Ledger.start(live_server.rows)
        orders = ledger.orders(held)
        assert orders == dict.fromkeys(held, 1)
    finally:
        shop.close()


def test_an_intent_cut_off_while_starting_gives_way_to_a_new_one(
    live_server: LiveServer, make_tablet: Callable[..., Tablet]
) -> None:
    """The server or its database stopped between saving an intent and saving its QR."""
    tablet = make_tablet(live_server.url, folder="cut-intent")
    shop = open_shop(live_server, tablet)
    try:
        shop.carts.add(shop.variants[0], 1)
        cart = shop.carts.open_cart()
        quote = price(cart, shop.reader, shop.terms, now=clock.now())
        order_id = shop.checkout.place(cart, quote.priced)
        first = shop.checkout.intent(order_id, "sandbox")
        with live_server.engine.begin() as conn:
            conn.execute(
                text("UPDATE payment SET qr_content = '' WHERE id = :p"), {"p": first.payment_id}
            )
        with pytest.raises(ApiError, match="being started on another tablet"):
            shop.checkout.intent(order_id, "sandbox")  # it may still be starting
        with live_server.engine.begin() as conn:
            conn.execute(
                text("UPDATE payment SET created_at = :t WHERE id = :p"),
                {"t": datetime.now(UTC) - timedelta(minutes=1), "p": first.payment_id},
            )
        second = shop.checkout.intent(order_id, "sandbox")
        assert second.payment_id != first.payment_id
        assert second.qr_content
        assert second.status == "pending"
        [(status,)] = live_server.rows(
            "SELECT status FROM payment WHERE id = :p", p=first.payment_id
        )
        assert status == "cancelled"
    finally:
        shop.close()
