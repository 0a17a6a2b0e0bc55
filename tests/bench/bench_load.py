"""Load: hundreds to thousands of simulated tablets against one server on loopback.

    python tests/bench/bench_load.py --tablets 500 [--duration 60 --workers 2 --think 5]
    python tests/bench/bench_load.py --tablets 500,1000,2000   # a ramp, one server, one database

Starts `shopguide-server serve --workers N` on a fresh PostgreSQL database
(`shopguide_load_<pid>` at SHOPGUIDE_TEST_PG, default
postgresql+psycopg://postgres@127.0.0.1:5432/postgres), seeds it, and drives
it with asyncio + httpx from this one process. Each simulated tablet is
logged in as a guide of a seeded store (tablets of a store share its guides'
accounts) and does what a tablet on the floor does:

- keeps one sync pull open with `wait` (a long poll) on its 15 scopes:
  catalog, config, the stock of its store and the 10 nearest, its store's
  members and inbox; when woken, it takes the pages and asks again;
- between actions it pauses a random time (mean `--think` seconds), then
  searches the catalog (40 %), looks up a variant's stock in every store
  (20 %) or a style's (10 %), or sells (30 %): pushes an `order.place`
  through `/sync/push`, creates a payment intent and long-polls its status
  while the customer pays, by the sandbox wallet's Pay (half the sales) or by
  a signed EMV acquirer notification (the other half).

A prober asks `/healthz` every 0.1 s throughout (the floor every request
pays, under the same load), after an idle round of the same before the
tablets start. The load generator shares the machine's cores with the server.

Bounded: every stage stops itself after `--duration` seconds; the server
processes and the database are removed on every exit path.

Prints one JSON line per figure: per request kind the count, requests/s,
p50/p95/p99 in ms and errors (by kind and reason); total throughput; long
polls held at once (sync and payment); the delay from the customer paying to
the tablet hearing it; the healthz baseline idle and under load.
Exits 1 if any request failed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import random
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # for tests.support

import httpx
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from shopguide.server.db import make_engine
from shopguide.server.migrate import upgrade
from shopguide.server.payments.emv_provider import SIGNATURE_HEADER, sign_notice
from shopguide.server.payments.references import make_bill_reference
from shopguide.server.seed import seed_database

PASSWORD = "load-password"
SECRET = "load-secret-" + "k" * 40
ACQUIRER_SECRET = "load-acquirer-" + "a" * 30
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
NEARBY = 10
SYNC_WAIT = 25.0
ACTIONS = (("search", 0.4), ("stock_variant", 0.2), ("stock_style", 0.1), ("sale", 0.3))
KINDS = (
    "sync_wait",
    "sync_page",
    "search",
    "stock_variant",
    "stock_style",
    "push_order",
    "payment_create",
    "payment_wait",
    "wallet_pay",
    "emv_notify",
)
LONG_POLL_KINDS = frozenset({"sync_wait", "payment_wait"})


def emit(tablets: int, figure: str, value: object, **extra: object) -> None:
    line = {"bench": "load", "tablets": tablets, "figure": figure, "value": value, **extra}
    print(json.dumps(line), flush=True)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))
    return ordered[index]


# ----------------------------------------------------------------------------- the world


@dataclass(frozen=True)
class Account:
    username: str
    store_id: int
    token: str = ""


@dataclass
class World:
    """What the tablets need to know, read from the seeded database once."""

    base_url: str
    accounts: list[Account]
    scopes_of_store: dict[int, list[str]]
    cursors: dict[str, str]  # up-to-date cursor per scope, shared by the tablets
    variants: list[tuple[int, int]]  # (variant id, unit price)
    style_ids: list[int]
    search_terms: list[str]


def nearest_stores(stores: list[tuple[int, float, float]], store_id: int) -> list[int]:
    here = next((lat, lon) for sid, lat, lon in stores if sid == store_id)
    others = sorted(
        (
            (
                (lat - here[0]) ** 2 + ((lon - here[1]) * math.cos(math.radians(here[0]))) ** 2,
                sid,
            )
            for sid, lat, lon in stores
            if sid != store_id
        )
    )
    return [sid for _, sid in others[:NEARBY]]


def read_world(engine: Engine, base_url: str, accounts_per_store: int) -> World:
    with engine.connect() as conn:
        stores = [
            (int(r[0]), float(r[1]), float(r[2]))
            for r in conn.exec_driver_sql("SELECT id, latitude, longitude FROM store ORDER BY id")
        ]
        guides = conn.exec_driver_sql(
            "SELECT username, store_id FROM \"user\" WHERE role = 'guide' AND is_active "
            "ORDER BY store_id, id"
        ).all()
        variants = [
            (int(r[0]), int(r[1]))
            for r in conn.exec_driver_sql(
                "SELECT v.id, s.list_price FROM variant v JOIN style s ON s.id = v.style_id "
                "WHERE v.active ORDER BY v.id"
            )
        ]
        styles = conn.exec_driver_sql("SELECT id, name, code FROM style ORDER BY id").all()
    per_store: dict[int, int] = Counter()
    accounts = []
    for username, store_id in guides:
        if per_store[store_id] < accounts_per_store:
            per_store[store_id] += 1
            accounts.append(Account(str(username), int(store_id)))
    scopes = {
        sid: [
            "catalog",
            "config",
            f"stock:{sid}",
            *(f"stock:{n}" for n in nearest_stores(stores, sid)),
            f"members:{sid}",
            f"inbox:{sid}",
        ]
        for sid, _, _ in stores
    }
    terms: set[str] = set()
    rng = random.Random(7)
    for _, name, code in styles:
        words = str(name).lower().split()
        word = rng.choice(words)
        terms.add(word[: rng.randint(2, max(2, min(6, len(word))))])
        terms.add(str(code)[:4].lower())
    return World(
        base_url=base_url,
        accounts=accounts,
        scopes_of_store=scopes,
        cursors={},
        variants=variants,
        style_ids=[int(s[0]) for s in styles],
        search_terms=sorted(terms),
    )


# ----------------------------------------------------------------------------- measuring


@dataclass
class Stats:
    started: float = field(default_factory=time.perf_counter)
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: Counter[tuple[str, str]] = field(default_factory=Counter)
    in_flight: Counter[str] = field(default_factory=Counter)
    peak: Counter[str] = field(default_factory=Counter)
    heard_after_pay: list[float] = field(default_factory=list)
    woken: int = 0

    def error(self, kind: str, reason: str) -> None:
        self.errors[(kind, reason)] += 1

    @contextlib.contextmanager
    def holding(self, kind: str) -> Iterator[None]:
        self.in_flight[kind] += 1
        self.peak[kind] = max(self.peak[kind], self.in_flight[kind])
        try:
            yield
        finally:
            self.in_flight[kind] -= 1


class Tablet:
    def __init__(
        self,
        number: int,
        account: Account,
        world: World,
        client: httpx.AsyncClient,
        stats: Stats,
        stop: asyncio.Event,
        think: float,
        *,
        fresh: bool = False,
        long_poll: float = SYNC_WAIT,
    ) -> None:
        self.number = number
        self.account = account
        self.world = world
        self.client = client
        self.stats = stats
        self.stop = stop
        self.think = think
        self.long_poll = long_poll
        self.rng = random.Random(number)
        self.headers = {"Authorization": f"Bearer {account.token}"}
        scopes = world.scopes_of_store[account.store_id]
        # A fresh tablet (new, or its cache rebuilt) starts from nothing: snapshots first.
        self.cursors: dict[str, str | None] = {
            s: None if fresh else world.cursors.get(s) for s in scopes
        }

    async def call(
        self,
        kind: str,
        method: str,
        path: str,
        *,
        ok: tuple[int, ...] = (200,),
        **kwargs: Any,
    ) -> httpx.Response | None:
        """One request, timed and checked; None (counted as an error) when it failed."""
        kwargs.setdefault("headers", self.headers)
        url = path if path.startswith("http") else self.world.base_url + path
        started = time.perf_counter()
        try:
            response = await self.client.request(method, url, **kwargs)
        except asyncio.CancelledError:
            raise
        except httpx.HTTPError as exc:
            if not self.stop.is_set():
                self.stats.error(kind, type(exc).__name__)
            return None
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code not in ok:
            self.stats.error(kind, f"HTTP {response.status_code}: {response.text[:80]}")
            return None
        self.stats.latencies[kind].append(elapsed)
        return response

    # -- sync: one long poll kept open

    async def sync_loop(self) -> None:
        wait = None not in self.cursors.values()
        while not self.stop.is_set():
            kind = "sync_wait" if wait else "sync_page"
            body = {"scopes": self.cursors, "limit": 5000, "wait": self.long_poll if wait else 0}
            with self.stats.holding(kind):
                response = await self.call(kind, "POST", "/api/v1/sync/pull", json=body)
            if response is None:
                await asyncio.sleep(1.0 + self.rng.random())
                wait = True
                continue
            more = False
            changed = False
            for name, page in response.json()["scopes"].items():
                if page["kind"] == "resync":
                    self.cursors[name] = None
                    more = True
                    continue
                self.cursors[name] = page["cursor"]
                more |= bool(page["has_more"])
                changed |= bool(page.get("upserts") or page.get("deletes"))
            if wait and changed:
                self.stats.woken += 1
            wait = not more

    # -- the guide's actions

    async def action_loop(self) -> None:
        names = [name for name, _ in ACTIONS]
        weights = [weight for _, weight in ACTIONS]
        while not self.stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.stop.wait(), self.rng.expovariate(1 / self.think))
            if self.stop.is_set():
                return
            action = self.rng.choices(names, weights)[0]
            if action == "search":
                term = self.rng.choice(self.world.search_terms)
                await self.call("search", "GET", "/api/v1/catalog/styles", params={"q": term})
            elif action == "stock_variant":
                variant_id = self.rng.choice(self.world.variants)[0]
                await self.call("stock_variant", "GET", f"/api/v1/stock/variants/{variant_id}")
            elif action == "stock_style":
                style_id = self.rng.choice(self.world.style_ids)
                await self.call("stock_style", "GET", f"/api/v1/stock/styles/{style_id}")
            else:
                await self.sale()

    async def sale(self) -> None:
        lines = []
        for variant_id, price in self.rng.sample(self.world.variants, self.rng.randint(1, 3)):
            lines.append(
                {"variant_id": variant_id, "quantity": 1, "unit_price": price, "discount": 0}
            )
        total = sum(line["unit_price"] for line in lines)
        order_id = str(uuid.uuid4())
        now = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())
        mutation = {
            "id": str(uuid.uuid4()),
            "type": "order.place",
            "created_at": now,
            "payload": {
                "order_id": order_id,
                "store_id": self.account.store_id,
                "currency": "CNY",
                "lines": lines,
                "subtotal": total,
                "discount": 0,
                "total": total,
                "created_at": now,
            },
        }
        pushed = await self.call(
            "push_order", "POST", "/api/v1/sync/push", json={"mutations": [mutation]}
        )
        if pushed is None:
            return
        [result] = pushed.json()["results"]
        if result["status"] != "applied":
            self.stats.error("push_order", f"rejected: {result.get('reason', '')[:80]}")
            return
        by_emv = self.rng.random() < 0.5
        created = await self.call(
            "payment_create",
            "POST",
            "/api/v1/payments",
            ok=(201,),
            json={"order_id": order_id, "provider": "emv" if by_emv else "sandbox"},
        )
        if created is None:
            return
        intent = created.json()
        paid_at: list[float] = []

        async def customer() -> None:
            await asyncio.sleep(self.rng.uniform(0.5, 2.0))
            paid_at.append(time.perf_counter())
            if by_emv:
                body = json.dumps(
                    {
                        "bill_number": make_bill_reference(SECRET, int(intent["id"])),
                        "transaction_id": f"T{uuid.uuid4().hex[:20]}",
                        "result": "paid",
                        "amount": f"{intent['amount'] / 100:.2f}",
                        "currency": intent["currency"],
                    }
                ).encode()
                await self.call(
                    "emv_notify",
                    "POST",
                    "/api/v1/payments/notify/emv",
                    content=body,
                    headers={
                        SIGNATURE_HEADER: sign_notice(ACQUIRER_SECRET, body),
                        "Content-Type": "application/json",
                    },
                )
            else:
                await self.call("wallet_pay", "POST", intent["qr_content"] + "/pay", headers={})

        paying = asyncio.create_task(customer())
        try:
            status = "pending"
            while status == "pending" and not self.stop.is_set():
                with self.stats.holding("payment_wait"):
                    answer = await self.call(
                        "payment_wait",
                        "GET",
                        f"/api/v1/payments/{intent['id']}",
                        params={"wait": self.long_poll, "known": "pending"},
                    )
                if answer is None:
                    return
                status = answer.json()["status"]
            if status == "paid" and paid_at:
                self.stats.heard_after_pay.append((time.perf_counter() - paid_at[0]) * 1000)
            elif not self.stop.is_set():
                self.stats.error("payment_wait", f"ended {status}")
        finally:
            await paying

    async def run(self, delay: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.stop.wait(), delay)
        if self.stop.is_set():
            return
        await asyncio.gather(self.sync_loop(), self.action_loop())


# ----------------------------------------------------------------------------- setting up


async def log_in(client: httpx.AsyncClient, world: World, *, at_once: int = 4) -> list[float]:
    timings: list[float] = []
    gate = asyncio.Semaphore(at_once)

    async def one(index: int, account: Account) -> None:
        async with gate:
            started = time.perf_counter()
            answer = await client.post(
                f"{world.base_url}/api/v1/auth/login",
                json={"username": account.username, "password": PASSWORD},
            )
            answer.raise_for_status()
            timings.append((time.perf_counter() - started) * 1000)
            world.accounts[index] = Account(
                account.username, account.store_id, answer.json()["access_token"]
            )

    await asyncio.gather(*(one(i, a) for i, a in enumerate(world.accounts)))
    return timings


async def catch_up(client: httpx.AsyncClient, world: World) -> None:
    """An up-to-date cursor for every scope, as tablets that synced earlier hold."""
    token_of_store: dict[int, str] = {}
    for account in world.accounts:
        token_of_store.setdefault(account.store_id, account.token)
    gate = asyncio.Semaphore(4)

    async def one(scope: str, token: str) -> None:
        cursor: str | None = None
        async with gate:
            while True:
                answer = await client.post(
                    f"{world.base_url}/api/v1/sync/pull",
                    json={"scopes": {scope: cursor}, "limit": 20_000},
                    headers={"Authorization": f"Bearer {token}"},
                )
                answer.raise_for_status()
                page = answer.json()["scopes"][scope]
                cursor = page["cursor"]
                if page["kind"] == "changes" and not page["has_more"]:
                    world.cursors[scope] = str(cursor)
                    return

    jobs: dict[str, str] = {}
    for store_id, token in token_of_store.items():
        for scope in world.scopes_of_store[store_id]:  # members: and inbox: are its own
            jobs.setdefault(scope, token)
    await asyncio.gather(*(one(scope, token) for scope, token in jobs.items()))


async def probe(
    client: httpx.AsyncClient, base_url: str, stop: asyncio.Event, out: list[float]
) -> None:
    while not stop.is_set():
        started = time.perf_counter()
        with contextlib.suppress(httpx.HTTPError):
            (await client.get(f"{base_url}/healthz")).raise_for_status()
            out.append((time.perf_counter() - started) * 1000)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), 0.1)


async def run_stage(
    world: World,
    tablets: int,
    duration: float,
    think: float,
    *,
    fresh: float = 0.01,
    long_poll: float = SYNC_WAIT,
    idle_seconds: float = 2.0,
    server_cpu: Callable[[], float] | None = None,
) -> dict[str, Any]:
    """Drive `tablets` tablets for `duration` seconds; the figures as a dict.

    A `fresh` share of the tablets start with an empty cache (snapshots first).
    """
    limits = httpx.Limits(max_connections=tablets * 3 + 50, max_keepalive_connections=tablets * 3)
    timeout = httpx.Timeout(SYNC_WAIT + 20, connect=20)
    async with httpx.AsyncClient(limits=limits, timeout=timeout) as client:
        idle: list[float] = []
        stop = asyncio.Event()
        idle_stop = asyncio.Event()
        idle_probe = asyncio.create_task(probe(client, world.base_url, idle_stop, idle))
        await asyncio.sleep(idle_seconds)
        idle_stop.set()
        await idle_probe
        stats = Stats()
        under_load: list[float] = []
        ramp = min(10.0, duration / 4)
        every = max(1, round(1 / fresh)) if fresh > 0 else 0
        runners = [
            Tablet(
                n,
                world.accounts[n % len(world.accounts)],
                world,
                client,
                stats,
                stop,
                think,
                fresh=bool(every) and n % every == every - 1,
                long_poll=long_poll,
            )
            for n in range(tablets)
        ]
        tasks = [asyncio.create_task(t.run(ramp * n / tablets)) for n, t in enumerate(runners)]
        prober = asyncio.create_task(probe(client, world.base_url, stop, under_load))
        stats.started = time.perf_counter()
        cpu_before = (server_cpu or float)()
        own_before = time.process_time()
        await asyncio.sleep(duration)
        elapsed = time.perf_counter() - stats.started
        server_seconds = (server_cpu or float)() - cpu_before
        own_seconds = time.process_time() - own_before
        stop.set()
        # Long polls still open are given up, not waited for: the stage is over.
        await asyncio.sleep(0.5)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, prober, return_exceptions=True)
    return {
        "stats": stats,
        "elapsed": elapsed,
        "idle": idle,
        "under_load": under_load,
        "server_cpu_s": server_seconds,
        "generator_cpu_s": own_seconds,
    }


def report(tablets: int, think: float, workers: int, figures: dict[str, Any]) -> bool:
    stats: Stats = figures["stats"]
    elapsed: float = figures["elapsed"]
    note = f"{workers} server workers; load generator on the same 2 cores"
    total = 0
    for kind in KINDS:
        values = stats.latencies.get(kind, [])
        total += len(values)
        errors = sum(n for (k, _), n in stats.errors.items() if k == kind)
        emit(
            tablets,
            f"{kind}",
            len(values),
            per_s=round(len(values) / elapsed, 1),
            p50_ms=round(percentile(values, 0.50), 1),
            p95_ms=round(percentile(values, 0.95), 1),
            p99_ms=round(percentile(values, 0.99), 1),
            errors=errors,
            long_poll=kind in LONG_POLL_KINDS,
        )
    short = [
        v for kind, values in stats.latencies.items() if kind not in LONG_POLL_KINDS for v in values
    ]
    emit(
        tablets,
        "throughput_per_s",
        round(total / elapsed, 1),
        short_requests_per_s=round(len(short) / elapsed, 1),
        short_p50_ms=round(percentile(short, 0.5), 1),
        short_p95_ms=round(percentile(short, 0.95), 1),
        short_p99_ms=round(percentile(short, 0.99), 1),
        seconds=round(elapsed, 1),
        think_s=think,
        note=note,
    )
    cores = os.cpu_count() or 1
    emit(
        tablets,
        "cpu",
        round(figures["server_cpu_s"], 1),
        server_cpu_ms_per_request=round(figures["server_cpu_s"] * 1000 / max(1, total), 2),
        server_share_of_machine=round(figures["server_cpu_s"] / elapsed / cores, 2),
        generator_cpu_s=round(figures["generator_cpu_s"], 1),
        generator_share_of_machine=round(figures["generator_cpu_s"] / elapsed / cores, 2),
        machine_load_1min=round(os.getloadavg()[0], 1),
        cores=cores,
    )
    emit(tablets, "sync_long_polls_held_peak", stats.peak["sync_wait"])
    emit(tablets, "payment_long_polls_held_peak", stats.peak["payment_wait"])
    emit(tablets, "sync_long_polls_woken_with_changes", stats.woken)
    heard = stats.heard_after_pay
    emit(
        tablets,
        "paid_heard_after_pay_ms",
        len(heard),
        p50_ms=round(percentile(heard, 0.5), 1),
        p95_ms=round(percentile(heard, 0.95), 1),
        p99_ms=round(percentile(heard, 0.99), 1),
    )
    for name in ("idle", "under_load"):
        values = figures[name]
        emit(
            tablets,
            f"baseline_healthz_{name}",
            len(values),
            p50_ms=round(percentile(values, 0.5), 1),
            p95_ms=round(percentile(values, 0.95), 1),
            p99_ms=round(percentile(values, 0.99), 1),
        )
    errors = sum(stats.errors.values())
    emit(
        tablets,
        "errors",
        errors,
        by_kind={f"{k}: {reason}": n for (k, reason), n in stats.errors.most_common(20)},
    )
    return errors == 0


# ----------------------------------------------------------------------------- server + database


def group_cpu_seconds(group: int) -> float:
    """User + system CPU time of every live process in the process group (Linux /proc)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group:  # pgrp
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def server_env(database_url: str, pool_size: int) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        SHOPGUIDE_DATABASE_URL=database_url,
        SHOPGUIDE_SECRET_KEY=SECRET,
        SHOPGUIDE_SANDBOX_PAYMENTS="1",
        SHOPGUIDE_EMV_ACQUIRER_SECRET=ACQUIRER_SECRET,
        SHOPGUIDE_LOG_LEVEL="warning",
        SHOPGUIDE_DB_POOL_SIZE=str(pool_size),
    )
    return env


@contextlib.contextmanager
def running_server(
    database_url: str, workers: int, pool_size: int, profile: str | None
) -> Iterator[tuple[str, int]]:
    """The server's address and its process group (the server and its workers)."""
    port = free_port()
    if profile:
        # One process, with its SQL and event loop profiled (tests/bench/load_profile.py).
        command = [sys.executable, str(Path(__file__).with_name("load_profile.py")), str(port)]
        env = server_env(database_url, pool_size) | {"LOAD_PROFILE_OUT": profile}
    else:
        command = [
            sys.executable,
            "-c",
            "import sys; from shopguide.cli import server_main; sys.exit(server_main())",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ]
        env = server_env(database_url, pool_size)
    process = subprocess.Popen(command, env=env, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the server did not start")
            time.sleep(0.2)
        yield url, process.pid
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


@contextlib.contextmanager
def load_database(admin_url: str) -> Iterator[str]:
    name = f"shopguide_load_{os.getpid()}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def prepare(database_url: str, stores: int, styles: int, members: int) -> Engine:
    engine = make_engine(database_url, pool_size=2)
    upgrade(engine)
    started = time.perf_counter()
    summary = seed_database(
        engine, stores=stores, styles=styles, members=members, password=PASSWORD
    )
    print(
        f"seeded {summary.stores} stores, {summary.variants} variants, "
        f"{summary.stock_rows} stock rows, {summary.users} users "
        f"in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
        flush=True,
    )
    return engine


async def pull_cost(world: World, tablets: int, server_group: int, pulls: int = 200) -> None:
    """One tablet's up-to-date pull of its 15 scopes, asked one after another, before the load:
    its latency, and the server CPU each costs (a figure the machine's other work moves less)."""
    account = world.accounts[0]
    body = {
        "scopes": {s: world.cursors[s] for s in world.scopes_of_store[account.store_id]},
        "limit": 5000,
    }
    headers = {"Authorization": f"Bearer {account.token}"}
    timings = []
    async with httpx.AsyncClient(timeout=60) as client:
        cpu = group_cpu_seconds(server_group)
        for _ in range(pulls):
            started = time.perf_counter()
            answer = await client.post(
                f"{world.base_url}/api/v1/sync/pull", json=body, headers=headers
            )
            answer.raise_for_status()
            timings.append((time.perf_counter() - started) * 1000)
        cpu = group_cpu_seconds(server_group) - cpu
    emit(
        tablets,
        "pull_15_scopes_alone",
        pulls,
        p50_ms=round(percentile(timings, 0.5), 1),
        p95_ms=round(percentile(timings, 0.95), 1),
        server_cpu_ms_per_pull=round(cpu * 1000 / pulls, 2),
    )


async def drive(
    world: World,
    stages: list[int],
    duration: float,
    think: float,
    workers: int,
    fresh: float,
    server_group: int,
) -> bool:
    async with httpx.AsyncClient(timeout=60) as client:
        logins = await log_in(client, world)
        await catch_up(client, world)
    emit(
        stages[0],
        "setup_logins",
        len(logins),
        p95_ms=round(percentile(logins, 0.95), 1),
        accounts=len(world.accounts),
    )
    await pull_cost(world, stages[0], server_group)
    ok = True
    for tablets in stages:
        figures = await run_stage(
            world,
            tablets,
            duration,
            think,
            fresh=fresh,
            server_cpu=lambda: group_cpu_seconds(server_group),
        )
        ok &= report(tablets, think, workers, figures)
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--tablets", default="500", help="tablets, or a comma-separated ramp: 500,1000,2000"
    )
    parser.add_argument("--duration", type=float, default=60, help="seconds per stage")
    parser.add_argument("--think", type=float, default=5.0, help="mean seconds between actions")
    parser.add_argument("--workers", type=int, default=2, help="server processes")
    parser.add_argument("--pool-size", type=int, default=10, help="SHOPGUIDE_DB_POOL_SIZE")
    parser.add_argument("--stores", type=int, default=60)
    parser.add_argument("--styles", type=int, default=300)
    parser.add_argument("--members", type=int, default=3000)
    parser.add_argument("--accounts-per-store", type=int, default=1)
    parser.add_argument(
        "--fresh", type=float, default=0.01, help="share of tablets that start with no cache"
    )
    parser.add_argument(
        "--profile", metavar="FILE", help="one profiled server process; stats written to FILE"
    )
    args = parser.parse_args(argv)
    stages = [int(n) for n in args.tablets.split(",")]
    admin_url = os.environ.get("SHOPGUIDE_TEST_PG", DEFAULT_PG)
    with load_database(admin_url) as url:
        engine = prepare(url, args.stores, args.styles, args.members)
        try:
            with running_server(url, args.workers, args.pool_size, args.profile) as (base, group):
                world = read_world(engine, base, args.accounts_per_store)
                ok = asyncio.run(
                    drive(world, stages, args.duration, args.think, args.workers, args.fresh, group)
                )
        finally:
            engine.dispose()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
