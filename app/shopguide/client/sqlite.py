"""Opening the tablet's SQLite files the same way everywhere."""

from __future__ import annotations

import sqlite3
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
