"""Two `shopguide-server serve` processes on one PostgreSQL behave as one server.

The deployment DESIGN.md promises: several server processes behind a load
balancer, no state in one process's memory that another needs. Process A
runs two workers (so its metrics come from prometheus_client's shared
files), process B one. Tablets syncing through either see the same data, a
payment waited on at A is settled by a notification that reached B, tokens
and login limits hold across both, and restarting A loses nothing.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pytest
import requests
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.pool import NullPool

from shopguide.client.orders import OrderLine, queue_order
from shopguide.client.tablet import Tablet
from shopguide.core.emv import decode
from shopguide.core.money import Money
from shopguide.server.db import make_engine
from shopguide.server.embedded import free_port
from shopguide.server.payments.emv_provider import sign_notice
from shopguide.server.seed import seed_database
from tests.support.databases import PG_URL, DatabaseFactory
from tests.support.live import PASSWORD

pytestmark = [
    pytest.mark.pg,
    pytest.mark.skipif(
        not PG_URL, reason="set SHOPGUIDE_TEST_PG: two server processes share one PostgreSQL"
    ),
]

SECRET = "two-processes-secret-" + "q" * 40
ACQUIRER_SECRET = "two-processes-acquirer-secret"
MAX_FAILURES = 3
SERVER_MAIN = "from shopguide.cli import server_main; raise SystemExit(server_main())"


@dataclass
class ServerProcess:
    """One `shopguide-server serve` subprocess; its JSON log goes to a file."""

    name: str
    workers: int
    env: dict[str, str]
    log_path: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    _log: IO[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self._log = self.log_path.open("ab")
        args = ["serve", "--port", str(self.port), "--workers", str(self.workers)]
        self.process = subprocess.Popen(
            [sys.executable, "-c", SERVER_MAIN, *args],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=self._log,
        )

    def wait_ready(self, timeout: float = 60) -> None:
        assert self.process is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"{self.name} exited:\n{self.log_tail()}"
            with contextlib.suppress(requests.ConnectionError):
                if requests.get(f"{self.url}/readyz", timeout=2).status_code == 200:
                    return
            time.sleep(0.1)
        raise AssertionError(f"{self.name} not ready in {timeout} s:\n{self.log_tail()}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self._log is not None:
            self._log.close()
        self.process = None

    def log(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.log_path.read_text().splitlines() if line]

    def log_tail(self) -> str:
        return "\n".join(self.log_path.read_text().splitlines()[-20:])

    def metrics(self) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
        body = requests.get(f"{self.url}/metrics", timeout=5).text
        return {
            (sample.name, tuple(sorted(sample.labels.items()))): sample.value
            for family in text_string_to_metric_families(body)
            for sample in family.samples
        }


@dataclass
class Cluster:
    a: ServerProcess
    b: ServerProcess
    engine: Engine

    def scalar(self, sql: str, **params: object) -> Any:
        with self.engine.connect() as conn:
            return conn.execute(text(sql), params).scalar_one()


@pytest.fixture(scope="module")
def cluster(
    databases: DatabaseFactory, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Cluster]:
    url = databases.new_url("postgresql")
    folder = tmp_path_factory.mktemp("two-processes")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SHOPGUIDE_", "PROMETHEUS_"))}
    env.update(
        SHOPGUIDE_DATABASE_URL=url,
        SHOPGUIDE_SECRET_KEY=SECRET,
        SHOPGUIDE_EMV_ACQUIRER_SECRET=ACQUIRER_SECRET,
        SHOPGUIDE_LOGIN_MAX_FAILURES_PER_USER=str(MAX_FAILURES),
        SHOPGUIDE_LOG_FORMAT="json",
    )
    # Every container migrates as it starts: two at once must not trip over each other.
    migrations = [
        subprocess.Popen([sys.executable, "-c", SERVER_MAIN, "migrate"], env=env) for _ in "ab"
    ]
    assert [m.wait(timeout=120) for m in migrations] == [0, 0]
    engine = make_engine(url)
    seed_database(engine, stores=4, styles=30, members=60, password=PASSWORD)
    a = ServerProcess("A", 2, env, folder / "a.log")
    b = ServerProcess("B", 1, env, folder / "b.log")
    try:
        for server in (a, b):
            server.start()
        for server in (a, b):
            server.wait_ready()
        yield Cluster(a, b, engine)
    finally:
        a.stop()
        b.stop()
        engine.dispose()


def login(server: ServerProcess, username: str, password: str = PASSWORD) -> requests.Response:
    return requests.post(
        f"{server.url}/api/v1/auth/login",
        json={"username": username, "password": password},
        timeout=10,
    )


def bearer(response: requests.Response) -> dict[str, str]:
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def waiting(server: ServerProcess, kind: str) -> float:
    """How many long polls of `kind` the server holds open (summed over its workers)."""
    return server.metrics().get(("shopguide_long_polls_waiting", (("kind", kind),)), 0.0)


def a_variant_in_stock(cluster: Cluster, store_id: int) -> tuple[int, int, int]:
    """(variant id, on hand, list price) of a variant with a few in stock at the store."""
    with cluster.engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT v.id, s.on_hand, st.list_price FROM stock_level s "
                "JOIN variant v ON v.id = s.variant_id JOIN style st ON st.id = v.style_id "
                "WHERE s.store_id = :s AND s.on_hand > 3 ORDER BY v.id LIMIT 1"
            ),
            {"s": store_id},
        ).one()
    return int(row[0]), int(row[1]), int(row[2])


def sell(tablet: Tablet, variant_id: int, price: int, quantity: int = 1) -> str:
    """Queue an order on the tablet and push it; returns the order id."""
    line = OrderLine(variant_id, quantity, Money(price, "CNY"), Money(0, "CNY"))
    order_id = queue_order(tablet.outbox, store_id=tablet.store_id, lines=[line])
    tablet.connect().push_pending()
    return order_id


def emv_notice(intent: dict[str, Any]) -> tuple[bytes, dict[str, str]]:
    """The acquirer's signed notification that the intent's QR was paid in full."""
    additional = decode(intent["qr_content"]).additional
    assert additional is not None
    amount = int(intent["amount"])
    body = json.dumps(
        {
            "bill_number": additional.bill_number,
            "transaction_id": f"T-{uuid.uuid4().hex[:12]}",
            "result": "paid",
            "amount": f"{amount // 100}.{amount % 100:02d}",
            "currency": intent["currency"],
            "reason": "",
        }
    ).encode()
    headers = {"X-Signature": sign_notice(ACQUIRER_SECRET, body)}
    return body, {**headers, "Content-Type": "application/json"}


def test_tablets_syncing_through_either_process_see_the_same_data(
    cluster: Cluster, make_tablet: Callable[..., Tablet]
) -> None:
    via_a = make_tablet(cluster.a.url, "sz01.guide1", folder="via-a")
    via_b = make_tablet(cluster.b.url, "sz01.manager", folder="via-b")
    for tablet in (via_a, via_b):
        tablet.connect().run_once()
        tablet.connect().run_once()  # the store list came first: nearby stock follows
    home = via_a.store_id
    assert via_b.store_id == home
    for scope in ("catalog", f"stock:{home}", f"members:{home}"):
        assert via_a.cache.dump(scope) == via_b.cache.dump(scope), scope

    variant_id, on_hand, price = a_variant_in_stock(cluster, home)
    heard: dict[str, Any] = {}

    def long_poll() -> None:
        heard["changed"] = via_b.connect().pull_all(wait=20)
        heard["at"] = time.monotonic()

    wakeups_before = cluster.b.metrics()[("shopguide_sync_wakeup_seconds_count", ())]
    poller = threading.Thread(target=long_poll)
    poller.start()
    wait_for(lambda: waiting(cluster.b, "sync") == 1, "B to hold the tablet's pull")
    pushed = time.monotonic()
    sell(via_a, variant_id, price, quantity=2)
    poller.join(timeout=20)
    assert f"stock:{home}" in heard["changed"]
    assert heard["at"] - pushed < 2.0
    assert via_b.cache.stock_levels(home, [variant_id]) == {variant_id: on_hand - 2}
    assert cluster.b.metrics()[("shopguide_sync_wakeup_seconds_count", ())] == wakeups_before + 1

    via_a.connect().run_once()
    assert via_a.cache.dump(f"stock:{home}") == via_b.cache.dump(f"stock:{home}")


def test_a_change_held_back_by_an_older_open_transaction_still_wakes_the_tablet(
    cluster: Cluster, make_tablet: Callable[..., Tablet]
) -> None:
    """On PostgreSQL a pull serves a change only once every older transaction has ended.

    Another process's (or another database's) open transaction must delay a
    waiting tablet's news until it ends, not until the long poll times out.
    """
    seller = make_tablet(cluster.a.url, "sz01.guide3", folder="seller")
    watcher = make_tablet(cluster.b.url, "sz01.guide4", folder="watcher")
    for tablet in (seller, watcher):
        tablet.connect().run_once()
        tablet.connect().run_once()
    home = seller.store_id
    variant_id, on_hand, price = a_variant_in_stock(cluster, home)
    heard: dict[str, Any] = {}

    def long_poll() -> None:
        heard["changed"] = watcher.connect().pull_all(wait=20)
        heard["at"] = time.monotonic()

    poller = threading.Thread(target=long_poll)
    poller.start()
    wait_for(lambda: waiting(cluster.b, "sync") == 1, "B to hold the tablet's pull")
    blocker = create_engine(PG_URL or "", poolclass=NullPool)
    with blocker.connect() as conn:
        conn.execute(text("SELECT pg_current_xact_id()"))  # a write transaction, left open
        sell(seller, variant_id, price)
        time.sleep(0.5)
        assert "changed" not in heard  # held back: an older transaction is still open
        conn.rollback()
        ended = time.monotonic()
    blocker.dispose()
    poller.join(timeout=20)
    assert f"stock:{home}" in heard["changed"]
    assert heard["at"] - ended < 2.0
    assert watcher.cache.stock_levels(home, [variant_id]) == {variant_id: on_hand - 1}


def test_a_payment_waited_on_at_a_is_settled_by_a_notification_that_reached_b(
    cluster: Cluster, make_tablet: Callable[..., Tablet]
) -> None:
    tablet = make_tablet(cluster.a.url, "sz01.guide2", folder="payer")
    tablet.connect().run_once()
    variant_id, _, price = a_variant_in_stock(cluster, tablet.store_id)
    order_id = sell(tablet, variant_id, price)
    assert tablet.api is not None
    intent = tablet.api.post("/payments", {"order_id": order_id, "provider": "emv"})
    assert intent["status"] == "pending"
    # Figures read from the database: B never saw this intent, yet counts it.
    assert cluster.b.metrics()[("shopguide_payments_pending", ())] == 1

    guide = bearer(login(cluster.a, "sz01.guide2"))
    heard: dict[str, Any] = {}

    def follow() -> None:
        answer = requests.get(
            f"{cluster.a.url}/api/v1/payments/{intent['id']}",
            params={"wait": 20, "known": "pending"},
            headers=guide,
            timeout=30,
        )
        heard["status"] = answer.json()["status"]
        heard["at"] = time.monotonic()

    waiter = threading.Thread(target=follow)
    waiter.start()
    wait_for(lambda: waiting(cluster.a, "payment") == 1, "A to hold the payment long poll")
    body, headers = emv_notice(intent)
    notified = requests.post(
        f"{cluster.b.url}/api/v1/payments/notify/emv",
        data=body,
        headers={**headers, "X-Request-ID": "acquirer-notice-0001"},
        timeout=10,
    )
    assert notified.status_code == 200, notified.text
    delivered = time.monotonic()
    waiter.join(timeout=20)
    assert heard["status"] == "paid"
    assert heard["at"] - delivered < 1.0
    assert cluster.a.metrics()[("shopguide_payments_pending", ())] == 0

    [access] = [
        line
        for line in cluster.b.log()
        if line.get("request_id") == "acquirer-notice-0001" and line["logger"] == "shopguide.access"
    ]
    assert access["route"] == "/api/v1/payments/notify/{provider}"
    assert access["status"] == 200
    assert access["method"] == "POST"


def test_tokens_and_login_limits_hold_across_processes(cluster: Cluster) -> None:
    first = login(cluster.a, "sz02.manager")
    assert requests.get(f"{cluster.b.url}/api/v1/auth/me", headers=bearer(first), timeout=5).ok
    spent = first.json()["refresh_token"]
    renewed = requests.post(
        f"{cluster.b.url}/api/v1/auth/refresh", json={"refresh_token": spent}, timeout=5
    )
    assert renewed.status_code == 200, renewed.text
    again = requests.post(
        f"{cluster.a.url}/api/v1/auth/refresh",
        json={"refresh_token": renewed.json()["refresh_token"]},
        timeout=5,
    )
    assert again.status_code == 200, again.text
    replayed = requests.post(
        f"{cluster.a.url}/api/v1/auth/refresh", json={"refresh_token": spent}, timeout=5
    )
    assert replayed.status_code == 401  # its successor was used, through the other process

    for server in (cluster.a, cluster.b, cluster.a):  # MAX_FAILURES wrong passwords in all
        assert login(server, "sz02.guide1", "wrong password").status_code == 401
    for server in (cluster.b, cluster.a):
        assert login(server, "sz02.guide1").status_code == 429


def test_restarting_a_process_loses_nothing(
    cluster: Cluster, make_tablet: Callable[..., Tablet]
) -> None:
    tablet = make_tablet(cluster.a.url, "sz03.guide1", folder="restart")
    engine = tablet.connect()
    engine.run_once()
    home = tablet.store_id
    variant_id, on_hand, price = a_variant_in_stock(cluster, home)
    order_id = sell(tablet, variant_id, price)
    assert tablet.api is not None
    intent = tablet.api.post("/payments", {"order_id": order_id, "provider": "emv"})
    for _ in range(MAX_FAILURES):
        assert login(cluster.a, "sz03.guide2", "wrong password").status_code == 401

    cluster.a.stop()
    cluster.a.start()
    cluster.a.wait_ready()

    assert login(cluster.a, "sz03.guide2").status_code == 429  # the failures were kept
    assert tablet.api.get(f"/payments/{intent['id']}")["status"] == "pending"
    body, headers = emv_notice(intent)
    notified = requests.post(
        f"{cluster.a.url}/api/v1/payments/notify/emv", data=body, headers=headers, timeout=10
    )
    assert notified.status_code == 200, notified.text
    assert tablet.api.get(f"/payments/{intent['id']}")["status"] == "paid"
    engine.run_once()  # same login and cursors as before the restart
    assert tablet.cache.stock_levels(home, [variant_id]) == {variant_id: on_hand - 1}
    assert cluster.scalar("SELECT count(*) FROM sales_order WHERE id = :o", o=order_id) == 1
    assert (
        cluster.scalar(
            "SELECT on_hand FROM stock_level WHERE store_id = :s AND variant_id = :v",
            s=home,
            v=variant_id,
        )
        == on_hand - 1
    )

    started = [line for line in cluster.a.log() if line["message"].startswith("Started server")]
    assert len(started) == 2 * cluster.a.workers  # two workers, before and after the restart
