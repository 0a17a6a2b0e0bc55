"""Benchmark: member lookup on the tablet with 200,000 members in the store's scope.

    python tests/bench/bench_members.py [--members 200000]

Seeds a server database (one store, so every member is in its scope), copies
the members into a tablet cache through `Cache.apply` with phones hashed as
the sync does, then looks members up as a guide would, by a phone typed with
spaces and by card number (`MemberDirectory.find`). Baselines in the same
run: the bare indexed SELECT without our parsing and hashing, and a scan of
the member table (what a lookup without the phone-hash index would cost).
Prints JSON lines; exits 1 if the p95 is 50 ms or more.
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
from pathlib import Path
from typing import Any

from shopguide.client.cache import TABLES, Cache
from shopguide.client.members import MemberDirectory
from shopguide.core.phone import phone_hash
from shopguide.server.db import make_engine
from shopguide.server.migrate import upgrade
from shopguide.server.seed import seed_database

LIMIT_MS = 50.0
LOOKUPS = 400


def figure(name: str, value: float | int) -> None:
    print(json.dumps({"bench": "members", "figure": name, "value": value}), flush=True)


def p95(values: list[float]) -> float:
    return round(statistics.quantiles(values, n=20)[18], 2)


def build(folder: Path, members: int) -> tuple[Cache, list[tuple[str, str]]]:
    """The tablet cache with every member, and (phone, card number) of each."""
    engine = make_engine(f"sqlite:///{folder / 'server.db'}")
    upgrade(engine)
    started = time.perf_counter()
    seed_database(engine, stores=1, styles=5, members=members)
    figure("seed_s", round(time.perf_counter() - started, 1))
    engine.dispose()
    source = sqlite3.connect(folder / "server.db")
    salt = source.execute("SELECT phone_salt FROM brand").fetchone()[0]
    cache = Cache(folder / "cache.db")
    cache.subscribe(["config", "members:1"])
    columns = list(TABLES["member"].columns)
    assert len(columns) == 11, "update the row below with the member table"
    brand = source.execute("SELECT id, code, name, currency, country, phone_salt FROM brand")
    cache.apply(
        "config",
        _page("brand", list(TABLES["brand"].columns), brand.fetchall()),
        first_of_snapshot=True,
    )
    rows = source.execute(
        "SELECT id, card_number, phone, name, tier, points, birthday, sizes, note, home_store_id "
        "FROM member ORDER BY id"
    ).fetchall()
    people = [(str(r[2]), str(r[1])) for r in rows]
    wire = [
        [
            member_id,
            card,
            phone_hash(salt, phone),
            phone[-4:],
            name,
            tier,
            points,
            birthday,
            json.loads(sizes) if sizes else {},
            note,
            home,
        ]
        for member_id, card, phone, name, tier, points, birthday, sizes, note, home in rows
    ]
    started = time.perf_counter()
    for start in range(0, len(wire), 10_000):
        cache.apply(
            "members:1",
            _page("member", columns, wire[start : start + 10_000]),
            first_of_snapshot=start == 0,
        )
    figure("members_apply_s", round(time.perf_counter() - started, 2))
    figure("members_in_cache", cache.count("member"))
    return cache, people


def _page(entity: str, columns: list[str], rows: list[Any]) -> dict[str, Any]:
    return {
        "kind": "snapshot",
        "upserts": {entity: {"columns": columns, "rows": [list(r) for r in rows]}},
        "deletes": {},
        "cursor": "s",
        "has_more": True,
    }


def timed(action: Any, inputs: list[str]) -> list[float]:
    timings = []
    for typed in inputs:
        started = time.perf_counter()
        action(typed)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=200_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cache, people = build(Path(tmp), args.members)
        rng = random.Random(7)
        chosen = rng.sample(people, min(LOOKUPS, len(people)))
        phones = [f"{p[:3]} {p[3:7]} {p[7:]}" for p, _ in chosen]
        cards = [c for _, c in chosen]
        directory = MemberDirectory(cache)
        misses = [typed for typed in phones + cards if len(directory.find(typed)) != 1]
        by_phone = timed(directory.find, phones)
        by_card = timed(directory.find, cards)
        raw = sqlite3.connect(cache.path)

        def bare(card: str) -> None:
            raw.execute("SELECT * FROM member WHERE card_number = ?", (card,)).fetchall()

        def scan(phone: str) -> None:
            raw.execute("SELECT * FROM member WHERE name || note = ?", (phone,)).fetchall()

        baseline = timed(bare, cards)
        scanned = timed(scan, phones[:20])
        figure("lookups", len(phones) + len(cards))
        figure("not_found_exactly_once", len(misses))
        figure("by_phone_p95_ms", p95(by_phone))
        figure("by_card_p95_ms", p95(by_card))
        figure("baseline_bare_indexed_select_p95_ms", p95(baseline))
        figure("baseline_table_scan_median_ms", round(statistics.median(scanned), 2))
        ok = not misses and max(p95(by_phone), p95(by_card)) < LIMIT_MS
        cache.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
