"""Benchmark: search-as-you-type over a 200,000-variant cache, against plain FTS5 ranking.

    python tests/bench/bench_search.py [--styles 7828]

Seeds a server database (one store) with the real seed, copies its catalog
into a tablet cache through `Cache.apply` (the path sync uses), then types
words letter by letter: every keystroke runs what the Sell screen runs
(`search_variants` for the first screenful and `count_matches` capped at
1,000). The baseline, in the same run and on the same FTS table, is the
plain `... MATCH ? ORDER BY rank LIMIT 50` a straightforward app would use.
Prints one JSON line per figure; exits 1 if the p95 is 10 ms or more.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from shopguide.client.cache import TABLES, Cache, fts_query
from shopguide.server.db import make_engine
from shopguide.server.migrate import upgrade
from shopguide.server.seed import seed_database, styles_for_variants

WORDS = [
    "b",
    "br",
    "bre",
    "bree",
    "breez",
    "s",
    "sh",
    "shi",
    "shir",
    "shirt",
    "r",
    "ru",
    "run",
    "runner",
    "n",
    "na",
    "nav",
    "navy",
    "4",
    "42",
    "c",
    "co",
    "coa",
    "coat",
    "d",
    "do",
    "dow",
    "down",
    "j",
    "je",
    "jea",
    "jeans",
    "bl",
    "bla",
    "blac",
    "black",
    "wh",
    "whi",
    "white",
    "xl",
    "rs",
    "69",
    "690",
    "6900",
]
LIMIT = 10.0


def figure(name: str, value: float | int) -> None:
    print(json.dumps({"bench": "search", "figure": name, "value": value}), flush=True)


def build_cache(folder: Path, styles: int) -> Cache:
    engine = make_engine(f"sqlite:///{folder / 'server.db'}")
    upgrade(engine)
    seed_database(engine, stores=1, styles=styles, members=10)
    engine.dispose()
    source = sqlite3.connect(folder / "server.db")
    cache = Cache(folder / "cache.db")
    cache.subscribe(["catalog"])
    started = time.perf_counter()
    for entity, table in (("style", "style"), ("variant", "variant")):
        columns = list(TABLES[entity].columns)
        rows = source.execute(f"SELECT {','.join(columns)} FROM {table} ORDER BY id").fetchall()
        for start in range(0, len(rows), 10_000):
            page: dict[str, Any] = {
                "kind": "snapshot",
                "upserts": {
                    entity: {
                        "columns": columns,
                        "rows": [list(r) for r in rows[start : start + 10_000]],
                    }
                },
                "deletes": {},
                "cursor": "s",
                "has_more": True,
            }
            cache.apply("catalog", page, first_of_snapshot=False)
    figure("catalog_apply_s", round(time.perf_counter() - started, 2))
    figure("variants", cache.count("variant"))
    return cache


def keystrokes(action: Any) -> list[float]:
    timings = []
    for word in WORDS:
        started = time.perf_counter()
        action(word)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def p95(values: list[float]) -> float:
    return round(statistics.quantiles(values, n=20)[18], 2)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--styles", type=int, default=styles_for_variants(200_000))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cache = build_cache(Path(tmp), args.styles)

        def ours(word: str) -> None:
            cache.search_variants(word, limit=50)
            cache.count_matches(word, cap=1000)

        raw = sqlite3.connect(cache.path)

        def plain(word: str) -> None:
            query = fts_query(word)
            raw.execute(
                "SELECT rowid FROM variant_search WHERE variant_search MATCH ? "
                "ORDER BY rank LIMIT 50",
                (query,),
            ).fetchall()

        keystrokes(ours)  # warm the page cache once
        ours_ms = keystrokes(ours) + keystrokes(ours)
        plain_ms = keystrokes(plain)
        figure("p95_ms", p95(ours_ms))
        figure("max_ms", round(max(ours_ms), 2))
        figure("median_ms", round(statistics.median(ours_ms), 2))
        figure("baseline_rank_p95_ms", p95(plain_ms))
        figure("baseline_rank_max_ms", round(max(plain_ms), 2))
        figure("speedup_p95", round(p95(plain_ms) / max(p95(ours_ms), 0.001), 1))
        ok = p95(ours_ms) < LIMIT
        cache.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
