"""Engine and session creation for SQLite and PostgreSQL.

The engine lives on the application object (never a module global) so that
tests and the demo can run several servers over different databases in one
process.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import ConnectionPoolEntry
from sqlmodel import Session


def make_engine(url: str, *, pool_size: int = 10) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    # Let SQLAlchemy control transactions; pysqlite's own BEGIN handling is off.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_begin(conn: Any) -> None:
    # A plain BEGIN lets readers run side by side; a transaction opened with
    # `write_transaction` takes the write lock up front instead (see there).
    immediate = conn.get_execution_options().get(IMMEDIATE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


IMMEDIATE_OPTION = "shopguide_sqlite_immediate"


def write_transaction(session: Session) -> None:
    """Start the session's next transaction as one that reads, then writes.

    On SQLite, a deferred transaction that read first cannot wait for another
    writer when it comes to write (WAL answers "database is locked" at once),
    so two requests settling one payment would fail one of them; taking the
    write lock at BEGIN makes the second simply wait. PostgreSQL ignores the
    option and relies on the row locks the services take.
    """
    session.rollback()
    session.connection(execution_options={IMMEDIATE_OPTION: True})


def session_scope(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as session:
        yield session
