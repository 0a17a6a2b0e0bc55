"""Benchmark: seeding a 200,000-variant brand on SQLite against a raw executemany baseline.

    python tests/bench/bench_seed.py [--styles 8000 --stores 30 --members 20000]

1. Seeds a fresh SQLite file (migrated first) with `seed_database` and times
   the whole seed and its stages.
2. Baseline, in the same run: a second SQLite file with the same schema and
   the same connection settings as the server's engine gets exactly the rows
   the seed wrote (read back chunk by chunk from the seeded file, which is
   not timed), inserted with plain `sqlite3` `executemany` in one
   transaction. Only the executemany calls and the commit are timed.
3. Prints one JSON line per figure and exits 1 if the seed took longer than
   the limit (120 s) or made fewer variants than asked for.
"""

from __future__ import annotations

import argparse
import json
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from sqlmodel import SQLModel

from shopguide.server.db import make_engine
from shopguide.server.migrate import upgrade
from shopguide.server.seed import seed_database, styles_for_variants

READ_CHUNK = 100_000


def figure(name: str, value: float | int) -> None:
    print(json.dumps({"bench": "seed", "figure": name, "value": value}), flush=True)


def migrated_sqlite(path: Path) -> None:
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()


def connect_like_the_server(path: Path) -> sqlite3.Connection:
    """Plain sqlite3 with the pragmas `shopguide.server.db.make_engine` sets."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def baseline(seeded: Path, target: Path) -> tuple[float, dict[str, float]]:
    """Copy every seeded row with executemany in one transaction; time only the inserts."""
    migrated_sqlite(target)
    source = sqlite3.connect(seeded)
    dest = connect_like_the_server(target)
    per_table: dict[str, float] = {}
    total = 0.0
    started = time.perf_counter()
    dest.execute("BEGIN")
    total += time.perf_counter() - started
    for table in SQLModel.metadata.sorted_tables:
        names = [c.name for c in table.columns]
        columns = ", ".join(f'"{n}"' for n in names)
        select_sql = f'SELECT {columns} FROM "{table.name}" ORDER BY rowid'
        insert_sql = (
            f'INSERT INTO "{table.name}" ({columns}) VALUES ({", ".join("?" for _ in names)})'
        )
        cursor = source.execute(select_sql)
        spent = 0.0
        while rows := cursor.fetchmany(READ_CHUNK):
            started = time.perf_counter()
            dest.executemany(insert_sql, rows)
            spent += time.perf_counter() - started
        per_table[table.name] = spent
        total += spent
    started = time.perf_counter()
    dest.execute("COMMIT")
    total += time.perf_counter() - started
    dest.close()
    source.close()
    return total, per_table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--styles", type=int, default=8000)
    parser.add_argument("--stores", type=int, default=30)
    parser.add_argument("--members", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--min-variants",
        type=int,
        default=200_000,
        help="fail if the catalog is smaller (0 to skip the check)",
    )
    parser.add_argument("--limit", type=float, default=120.0, help="seconds the seed may take")
    parser.add_argument("--dir", type=Path, help="keep the database files here")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench_seed_") as scratch:
        folder = args.dir or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        seeded, copied = folder / "seeded.db", folder / "baseline.db"
        for path in (seeded, copied):
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)

        migrated_sqlite(seeded)
        engine = make_engine(f"sqlite:///{seeded}")
        last_report = [0.0]

        def progress(stage: str, done: int, total: int) -> None:
            now = time.perf_counter()
            if now - last_report[0] > 5 or done == total:
                last_report[0] = now
                print(f"  {stage}: {done:,}/{total:,}", file=sys.stderr, flush=True)

        started = time.perf_counter()
        summary = seed_database(
            engine,
            stores=args.stores,
            styles=args.styles,
            members=args.members,
            seed=args.seed,
            progress=progress,
        )
        seed_total = time.perf_counter() - started
        engine.dispose()  # checkpoints the WAL into the file, outside the timing
        peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        baseline_total, per_table = baseline(seeded, copied)

    figure("seed_total_s", round(seed_total, 3))
    for stage, seconds in summary.stage_seconds:
        figure(f"seed_stage_{stage}_s", round(seconds, 3))
    figure("baseline_executemany_s", round(baseline_total, 3))
    figure("baseline_variant_s", round(per_table["variant"], 3))
    figure("baseline_stock_level_s", round(per_table["stock_level"], 3))
    figure("ratio", round(seed_total / baseline_total, 3))
    figure("styles", summary.styles)
    figure("variants", summary.variants)
    figure("stock_rows", summary.stock_rows)
    figure("members", summary.members)
    figure("stock_rows_per_s", round(summary.stock_rows / seed_total))
    figure("peak_rss_mb", round(peak_rss_mb, 1))

    failed = False
    if seed_total > args.limit:
        print(f"FAIL: the seed took {seed_total:.1f} s, over {args.limit:.0f} s", file=sys.stderr)
        failed = True
    if summary.variants < args.min_variants:
        print(
            f"FAIL: {summary.variants:,} variants, fewer than {args.min_variants:,}; "
            f"ask for --styles {styles_for_variants(args.min_variants)}",
            file=sys.stderr,
        )
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
