"""Opening the tablet's SQLite files the same way everywhere."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class StorageFull(sqlite3.OperationalError):
    """The tablet's storage is full: the change being saved was not saved.

    Everything committed before is intact; saving works again once space is
    freed. Raised instead of SQLite's bare "database or disk is full" (and
    instead of the "cannot rollback" that used to hide it).
    """

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"the tablet's storage is full: {path.name} could not save this change "
            "(nothing saved before is lost); free some space and try again"
        )
        self.path = path


def is_full(exc: BaseException) -> bool:
    """SQLITE_FULL (disk full, or the file at its size limit)."""
    return isinstance(exc, sqlite3.OperationalError) and (
        getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL
        or "database or disk is full" in str(exc)
    )


@contextmanager
def write_transaction(conn: sqlite3.Connection, path: Path) -> Iterator[sqlite3.Connection]:
    """`BEGIN IMMEDIATE` ... `COMMIT`, rolled back on any error, SQLITE_FULL as StorageFull.

    SQLite rolls a transaction back by itself on some errors (SQLITE_FULL
    among them), and a failed COMMIT can leave one open: the rollback here
    runs only while a transaction is open, so it neither hides the real
    error nor leaves the connection stuck inside a dead transaction.
    """
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    except sqlite3.OperationalError as exc:
        if is_full(exc) and not isinstance(exc, StorageFull):
            raise StorageFull(path) from exc
        raise


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
        with self._lock, write_transaction(self._conn, self.path) as conn:
            yield conn
