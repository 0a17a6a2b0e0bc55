"""Opening the tablet's SQLite files the same way everywhere."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def connect(path: Path, *, synchronous: str) -> sqlite3.Connection:
    """WAL, autocommit (transactions are explicit), foreign keys on.

    `synchronous` is FULL for the outbox, where a lost write is a lost sale,
    and NORMAL for the cache, which can always be pulled again.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(f"PRAGMA synchronous={synchronous}")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=30000")
    return conn


class DurableFile:
    """A small SQLite file of the guide's own work (the outbox, the carts).

    `synchronous=FULL`, one connection behind a lock, and every change in one
    `BEGIN IMMEDIATE` transaction committed before the caller goes on: what
    the guide saw saved survives a crash or a flat battery.
    """

    def __init__(self, path: Path, schema: str, version: int) -> None:
        self.path = path
        self._conn = connect(path, synchronous="FULL")
        self._lock = threading.RLock()
        self._conn.executescript(f"BEGIN;{schema}PRAGMA user_version={version};COMMIT;")

    def close(self) -> None:
        self._conn.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
