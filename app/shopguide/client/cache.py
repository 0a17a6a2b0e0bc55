"""The tablet's local copy of the server's data, kept in one SQLite file.

Everything here can be pulled again from the server, so the cache is thrown
away and rebuilt whenever it is damaged, missing or from an older schema;
the outbox, in its own file, is never touched by that. Each page of changes
is applied together with its scope's new cursor in one transaction, so a
crash leaves either the old state and cursor or the new ones.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from shopguide.client import clock
from shopguide.client.sqlite import StorageFull, connect, is_full

log = logging.getLogger(__name__)

SCHEMA_VERSION = 3
T = TypeVar("T")

_SCHEMA = """
CREATE TABLE sync_state (
    scope TEXT PRIMARY KEY,
    cursor TEXT,
    synced_at TEXT
);
CREATE TABLE style (
    id INTEGER PRIMARY KEY, code TEXT, name TEXT, category TEXT, kind TEXT, gender TEXT,
    season TEXT, description TEXT, list_price INTEGER, currency TEXT
);
CREATE TABLE variant (
    id INTEGER PRIMARY KEY, style_id INTEGER, sku TEXT, barcode TEXT, colour TEXT,
    colour_code TEXT, size TEXT, size_rank INTEGER, active INTEGER
);
CREATE INDEX variant_style ON variant(style_id);
CREATE INDEX variant_barcode ON variant(barcode);
CREATE TABLE price (
    style_id INTEGER, tier TEXT, amount INTEGER, PRIMARY KEY (style_id, tier)
) WITHOUT ROWID;
CREATE TABLE stock (
    store_id INTEGER, variant_id INTEGER, on_hand INTEGER, updated_at TEXT,
    PRIMARY KEY (store_id, variant_id)
) WITHOUT ROWID;
CREATE TABLE member (
    id INTEGER PRIMARY KEY, card_number TEXT, phone_hash TEXT, phone_last4 TEXT, name TEXT,
    tier TEXT, points INTEGER, birthday TEXT, sizes TEXT, note TEXT, home_store_id INTEGER
);
CREATE INDEX member_card ON member(card_number);
CREATE INDEX member_phone ON member(phone_hash);
CREATE INDEX member_store ON member(home_store_id);
CREATE TABLE coupon (
    id INTEGER PRIMARY KEY, member_id INTEGER, code TEXT, title TEXT, kind TEXT,
    value INTEGER, min_spend INTEGER, category TEXT, valid_from TEXT, valid_to TEXT, state TEXT
);
CREATE INDEX coupon_member ON coupon(member_id);
CREATE TABLE store (
    id INTEGER PRIMARY KEY, code TEXT, name TEXT, city TEXT, district TEXT, address TEXT,
    latitude REAL, longitude REAL, opening_hours TEXT, phone TEXT
);
CREATE TABLE brand (
    id INTEGER PRIMARY KEY, code TEXT, name TEXT, currency TEXT, country TEXT, phone_salt TEXT
);
CREATE TABLE merchant_account (
    store_id INTEGER, provider TEXT, network_id TEXT, merchant_id TEXT, merchant_name TEXT,
    merchant_city TEXT, category_code TEXT, country TEXT, currency TEXT,
    PRIMARY KEY (store_id, provider)
);
CREATE TABLE reservation (
    id TEXT PRIMARY KEY, from_store_id INTEGER, at_store_id INTEGER, variant_id INTEGER,
    quantity INTEGER, customer_name TEXT, customer_phone_last4 TEXT, member_id INTEGER,
    status TEXT, reason TEXT, expires_at TEXT, created_by INTEGER, created_by_name TEXT,
    created_at TEXT, updated_at TEXT
);
CREATE INDEX reservation_held ON reservation(at_store_id, variant_id);
CREATE TABLE transfer (
    id TEXT PRIMARY KEY, from_store_id INTEGER, to_store_id INTEGER, variant_id INTEGER,
    quantity INTEGER, status TEXT, reason TEXT, order_id TEXT, ship_to_name TEXT,
    ship_to_phone TEXT, ship_to_address TEXT, created_by INTEGER, created_by_name TEXT,
    created_at TEXT, updated_at TEXT, shipped_at TEXT, received_at TEXT
);
CREATE INDEX transfer_held ON transfer(from_store_id, variant_id);
CREATE VIRTUAL TABLE variant_search USING fts5(
    words, prefix='1 2 3', tokenize="unicode61 remove_diacritics 2"
);
"""


@dataclass(frozen=True, slots=True)
class Table:
    """How one protocol entity is stored: its table, columns and key."""

    name: str
    columns: tuple[str, ...]
    key: tuple[str, ...]
    scoped_by_store: bool = False
    json_columns: tuple[str, ...] = ()


TABLES: dict[str, Table] = {
    "style": Table(
        "style",
        (
            "id",
            "code",
            "name",
            "category",
            "kind",
            "gender",
            "season",
            "description",
            "list_price",
            "currency",
        ),
        ("id",),
    ),
    "variant": Table(
        "variant",
        (
            "id",
            "style_id",
            "sku",
            "barcode",
            "colour",
            "colour_code",
            "size",
            "size_rank",
            "active",
        ),
        ("id",),
    ),
    "price": Table("price", ("style_id", "tier", "amount"), ("style_id", "tier")),
    "stock": Table(
        "stock", ("variant_id", "on_hand", "updated_at"), ("variant_id",), scoped_by_store=True
    ),
    "member": Table(
        "member",
        (
            "id",
            "card_number",
            "phone_hash",
            "phone_last4",
            "name",
            "tier",
            "points",
            "birthday",
            "sizes",
            "note",
            "home_store_id",
        ),
        ("id",),
        json_columns=("sizes",),
    ),
    "coupon": Table(
        "coupon",
        (
            "id",
            "member_id",
            "code",
            "title",
            "kind",
            "value",
            "min_spend",
            "category",
            "valid_from",
            "valid_to",
            "state",
        ),
        ("id",),
    ),
    "store": Table(
        "store",
        (
            "id",
            "code",
            "name",
            "city",
            "district",
            "address",
            "latitude",
            "longitude",
            "opening_hours",
            "phone",
        ),
        ("id",),
    ),
    "brand": Table("brand", ("id", "code", "name", "currency", "country", "phone_salt"), ("id",)),
    "merchant_account": Table(
        "merchant_account",
        (
            "store_id",
            "provider",
            "network_id",
            "merchant_id",
            "merchant_name",
            "merchant_city",
            "category_code",
            "country",
            "currency",
        ),
        ("store_id", "provider"),
    ),
    "reservation": Table(
        "reservation",
        (
            "id",
            "from_store_id",
            "at_store_id",
            "variant_id",
            "quantity",
            "customer_name",
            "customer_phone_last4",
            "member_id",
            "status",
            "reason",
            "expires_at",
            "created_by",
            "created_by_name",
            "created_at",
            "updated_at",
        ),
        ("id",),
    ),
    "transfer": Table(
        "transfer",
        (
            "id",
            "from_store_id",
            "to_store_id",
            "variant_id",
            "quantity",
            "status",
            "reason",
            "order_id",
            "ship_to_name",
            "ship_to_phone",
            "ship_to_address",
            "created_by",
            "created_by_name",
            "created_at",
            "updated_at",
            "shipped_at",
            "received_at",
        ),
        ("id",),
    ),
}

SCOPE_ENTITIES: dict[str, tuple[str, ...]] = {
    "catalog": ("style", "variant", "price"),
    "stock": ("stock",),
    "members": ("member", "coupon"),
    "config": ("store", "brand", "merchant_account"),
    "inbox": ("reservation", "transfer"),  # a store's reservations and transfers, both ways
}
# Scopes of one store: the store id is part of the name ("stock:3").
_STORE_SCOPES = ("stock", "members", "inbox")
# A store's inbox rows, by table: those the store gives or receives. A row
# belongs to two stores' inboxes; a tablet keeps its own store's only.
_INBOX_ROWS = {
    "reservation": "from_store_id = ? OR at_store_id = ?",
    "transfer": "from_store_id = ? OR to_store_id = ?",
}


class CacheCorrupt(Exception):
    """The cache file is damaged; it has been rebuilt empty and needs a full pull."""


def scope_kind(scope: str) -> tuple[str, int | None]:
    kind, _, store = scope.partition(":")
    if kind not in SCOPE_ENTITIES or (kind in _STORE_SCOPES) != bool(store):
        raise ValueError(f"unknown scope {scope!r}")
    return kind, int(store) if store else None


@dataclass(frozen=True, slots=True)
class ApplyResult:
    rows: int
    deletes: int


class Cache:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._write_lock = threading.RLock()
        self._local = threading.local()
        self._generation = 0
        self._writer = self._open_or_rebuild()

    # -- opening and rebuilding ---------------------------------------------

    def _open_or_rebuild(self) -> sqlite3.Connection:
        if not self.path.exists():
            return self._create_fresh()
        try:
            conn = connect(self.path, synchronous="NORMAL")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version == SCHEMA_VERSION:
                conn.execute("SELECT COUNT(*) FROM sync_state").fetchone()
                return conn
            conn.close()
            log.warning("cache schema %s is not %s: rebuilding", version, SCHEMA_VERSION)
        except sqlite3.DatabaseError as exc:
            log.warning("cache at %s is unreadable (%s): rebuilding", self.path, exc)
        return self._create_fresh()

    def _create_fresh(self) -> sqlite3.Connection:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        conn = connect(self.path, synchronous="NORMAL")
        conn.executescript(f"BEGIN;{_SCHEMA}PRAGMA user_version={SCHEMA_VERSION};COMMIT;")
        return conn

    def rebuild(self) -> None:
        """Throw the cache away and start empty; every scope will be pulled again."""
        with self._write_lock:
            self._writer.close()
            self._close_readers()
            self._generation += 1
            self._writer = self._create_fresh()

    def close(self) -> None:
        with self._write_lock:
            self._writer.close()
            self._close_readers()

    def _close_readers(self) -> None:
        readers: list[sqlite3.Connection] = getattr(self._local, "all", [])
        for conn in readers:
            conn.close()
        self._local = threading.local()

    def _reader(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None or getattr(self._local, "generation", -1) != self._generation:
            conn = connect(self.path, synchronous="NORMAL")
            self._local.conn = conn
            self._local.generation = self._generation
        return conn

    def read(self, query: Callable[[sqlite3.Connection], T]) -> T:
        """Run a read on this thread's own connection; a damaged file raises CacheCorrupt."""
        try:
            return query(self._reader())
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                raise
            self.rebuild()
            raise CacheCorrupt(str(exc)) from exc

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._write_lock:
            conn = self._writer
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.DatabaseError as exc:
                self.rebuild()
                raise CacheCorrupt(str(exc)) from exc
            try:
                yield conn
                conn.execute("COMMIT")
            except sqlite3.DatabaseError as exc:
                if conn.in_transaction:  # SQLITE_FULL has already rolled it back
                    conn.execute("ROLLBACK")
                if is_full(exc):
                    raise StorageFull(self.path) from exc
                if isinstance(exc, sqlite3.IntegrityError | sqlite3.OperationalError):
                    raise
                self.rebuild()
                raise CacheCorrupt(str(exc)) from exc
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    # -- sync state ---------------------------------------------------------

    def cursors(self) -> dict[str, str | None]:
        rows = self.read(lambda c: c.execute("SELECT scope, cursor FROM sync_state").fetchall())
        return dict(rows)

    def synced_at(self, scope: str) -> datetime | None:
        row = self.read(
            lambda c: c.execute(
                "SELECT synced_at FROM sync_state WHERE scope = ?", (scope,)
            ).fetchone()
        )
        return datetime.fromisoformat(row[0]) if row and row[0] else None

    def subscribe(self, scopes: Sequence[str]) -> None:
        """Keep exactly these scopes: new ones start empty, dropped ones are cleared."""
        for scope in scopes:
            scope_kind(scope)
        with self._transaction() as conn:
            held = {r[0] for r in conn.execute("SELECT scope FROM sync_state")}
            for scope in held - set(scopes):
                self._clear_scope(conn, scope)
                conn.execute("DELETE FROM sync_state WHERE scope = ?", (scope,))
            conn.executemany(
                "INSERT OR IGNORE INTO sync_state (scope) VALUES (?)", [(s,) for s in scopes]
            )

    def reset_scope(self, scope: str) -> None:
        """Forget a scope's data and cursor: the next pull takes a fresh snapshot."""
        with self._transaction() as conn:
            self._clear_scope(conn, scope)
            conn.execute(
                "UPDATE sync_state SET cursor = NULL, synced_at = NULL WHERE scope = ?", (scope,)
            )

    def forget_members(self) -> None:
        """Erase every member snapshot from the file itself, as logging out must.

        `secure_delete` zeroes the freed pages and the checkpoint writes them
        over the originals, so a copied cache file holds no member afterwards.
        """
        member_scopes = [scope for scope in self.cursors() if scope.startswith("members:")]
        with self._write_lock:
            self._writer.execute("PRAGMA secure_delete=ON")
            try:
                for scope in member_scopes:
                    self.reset_scope(scope)
            finally:
                self._writer.execute("PRAGMA secure_delete=OFF")
            self._writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def edit_member(
        self, member_id: int, *, sizes: Mapping[str, str] | None = None, note: str | None = None
    ) -> None:
        """Show a guide's edit of a cached member at once (None leaves a field as it is).

        The edit itself travels through the outbox; this only saves waiting for
        the server's own row to come back by sync, which overwrites it then.
        """
        with self._transaction() as conn:
            if sizes is not None:
                conn.execute(
                    "UPDATE member SET sizes = ? WHERE id = ?", (json.dumps(dict(sizes)), member_id)
                )
            if note is not None:
                conn.execute("UPDATE member SET note = ? WHERE id = ?", (note, member_id))

    def _clear_scope(self, conn: sqlite3.Connection, scope: str) -> None:
        kind, store_id = scope_kind(scope)
        if kind == "stock":
            conn.execute("DELETE FROM stock WHERE store_id = ?", (store_id,))
        elif kind == "members":
            conn.execute(
                "DELETE FROM coupon WHERE member_id IN "
                "(SELECT id FROM member WHERE home_store_id = ?)",
                (store_id,),
            )
            conn.execute("DELETE FROM member WHERE home_store_id = ?", (store_id,))
        elif kind == "inbox":
            for table, rows in _INBOX_ROWS.items():
                conn.execute(f"DELETE FROM {table} WHERE {rows}", (store_id, store_id))  # noqa: S608
        else:
            for entity in SCOPE_ENTITIES[kind]:
                conn.execute(f"DELETE FROM {TABLES[entity].name}")  # noqa: S608
            if kind == "catalog":
                conn.execute("DELETE FROM variant_search")

    # -- applying pages -------------------------------------------------------

    def apply(self, scope: str, page: Mapping[str, Any], *, first_of_snapshot: bool) -> ApplyResult:
        """Apply one pulled page and advance the scope's cursor, atomically."""
        kind, store_id = scope_kind(scope)
        allowed = SCOPE_ENTITIES[kind]
        rows_done = deletes_done = 0
        with self._transaction() as conn:
            if first_of_snapshot:
                self._clear_scope(conn, scope)
            touched_variants: set[int] = set()
            touched_styles: set[int] = set()
            for entity, keys in (page.get("deletes") or {}).items():
                table = _entity(entity, allowed)
                deletes_done += self._delete(conn, table, store_id, keys)
                if entity == "variant":
                    touched_variants.update(int(k) for k in keys)
            for entity, block in (page.get("upserts") or {}).items():
                table = _entity(entity, allowed)
                rows = self._rows(table, block)
                self._upsert(conn, table, store_id, rows)
                rows_done += len(rows)
                if entity == "variant":
                    touched_variants.update(int(r[0]) for r in rows)
                elif entity == "style":
                    touched_styles.update(int(r[0]) for r in rows)
            if touched_variants or touched_styles:
                self._index_for_search(conn, touched_variants, touched_styles)
            conn.execute(
                "INSERT INTO sync_state (scope, cursor, synced_at) VALUES (?, ?, ?) "
                "ON CONFLICT(scope) DO UPDATE SET cursor = excluded.cursor, "
                "synced_at = excluded.synced_at",
                (scope, page.get("cursor"), clock.now().isoformat()),
            )
        return ApplyResult(rows=rows_done, deletes=deletes_done)

    @staticmethod
    def _rows(table: Table, block: Mapping[str, Any]) -> Sequence[Sequence[Any]]:
        """Rows in our column order; the server's lists go to executemany untouched when
        they already are (the hot path of a big snapshot)."""
        columns = list(block["columns"])
        if columns == list(table.columns) and not table.json_columns:
            rows: Sequence[Sequence[Any]] = block["rows"]
            return rows
        try:
            order = [columns.index(c) for c in table.columns]
        except ValueError as exc:
            raise ValueError(f"{table.name}: the server sent columns {columns}") from exc
        json_at = {table.columns.index(c) for c in table.json_columns}
        return [
            tuple(json.dumps(r[i]) if pos in json_at else r[i] for pos, i in enumerate(order))
            for r in block["rows"]
        ]

    @staticmethod
    def _upsert(
        conn: sqlite3.Connection,
        table: Table,
        store_id: int | None,
        rows: Sequence[Sequence[Any]],
    ) -> None:
        columns = ",".join(table.columns)
        values = ",".join("?" * len(table.columns))
        if table.scoped_by_store:
            # The store comes from the scope name, parsed as an int: safe to inline,
            # and it spares rebuilding two million row tuples in a snapshot.
            columns = f"store_id,{columns}"
            values = f"{int(store_id or 0)},{values}"
        conn.executemany(
            f"INSERT OR REPLACE INTO {table.name} ({columns}) VALUES ({values})",  # noqa: S608
            rows,
        )

    @staticmethod
    def _delete(
        conn: sqlite3.Connection, table: Table, store_id: int | None, keys: Sequence[str]
    ) -> int:
        where = " AND ".join(f"{k} = ?" for k in table.key)
        params: list[tuple[Any, ...]] = [tuple(str(k).split(":")) for k in keys]
        if table.scoped_by_store:
            where = "store_id = ? AND " + where
            params = [(store_id, *p) for p in params]
        if table.name == "variant":
            conn.executemany("DELETE FROM variant_search WHERE rowid = ?", params)
        conn.executemany(f"DELETE FROM {table.name} WHERE {where}", params)  # noqa: S608
        return len(params)

    @staticmethod
    def _index_for_search(
        conn: sqlite3.Connection, variant_ids: set[int], style_ids: set[int]
    ) -> None:
        """Keep one search row per variant: style name and code, SKU, barcode, colour, size."""
        if style_ids:
            conn.execute("CREATE TEMP TABLE IF NOT EXISTS touched_style (id INTEGER PRIMARY KEY)")
            conn.executemany(
                "INSERT OR IGNORE INTO touched_style VALUES (?)", [(s,) for s in style_ids]
            )
            variant_ids.update(
                r[0]
                for r in conn.execute(
                    "SELECT id FROM variant WHERE style_id IN (SELECT id FROM touched_style)"
                )
            )
            conn.execute("DELETE FROM touched_style")
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS touched (id INTEGER PRIMARY KEY)")
        conn.executemany("INSERT OR IGNORE INTO touched VALUES (?)", [(v,) for v in variant_ids])
        conn.execute("DELETE FROM variant_search WHERE rowid IN (SELECT id FROM touched)")
        conn.execute(
            "INSERT INTO variant_search (rowid, words) "
            "SELECT v.id, s.name || ' ' || s.code || ' ' || s.category || ' ' || v.sku || ' ' "
            "|| v.barcode || ' ' || v.colour || ' ' || v.size "
            "FROM variant v JOIN style s ON s.id = v.style_id "
            "WHERE v.id IN (SELECT id FROM touched) AND v.active"
        )
        conn.execute("DELETE FROM touched")

    # -- reads the app needs ----------------------------------------------------

    def search_variants(self, text: str, *, limit: int, offset: int = 0) -> list[int]:
        """Variant ids matching every word typed, as prefixes; cheap even for one letter."""
        query = fts_query(text)
        if query is None:
            return []
        return self.read(
            lambda c: [
                r[0]
                for r in c.execute(
                    "SELECT rowid FROM variant_search WHERE variant_search MATCH ? "
                    "LIMIT ? OFFSET ?",
                    (query, limit, offset),
                )
            ]
        )

    def count_matches(self, text: str, *, cap: int) -> int:
        """How many variants match, counting no further than `cap` ("1000+")."""
        query = fts_query(text)
        if query is None:
            return 0
        row = self.read(
            lambda c: c.execute(
                "SELECT COUNT(*) FROM (SELECT 1 FROM variant_search WHERE variant_search MATCH ? "
                "LIMIT ?)",
                (query, cap),
            ).fetchone()
        )
        return int(row[0])

    def variant_by_barcode(self, barcode: str) -> int | None:
        row = self.read(
            lambda c: c.execute("SELECT id FROM variant WHERE barcode = ?", (barcode,)).fetchone()
        )
        return int(row[0]) if row else None

    def stock_levels(self, store_id: int, variant_ids: Sequence[int]) -> dict[int, int]:
        if not variant_ids:
            return {}
        marks = ",".join("?" * len(variant_ids))
        rows = self.read(
            lambda c: c.execute(
                f"SELECT variant_id, on_hand FROM stock WHERE store_id = ? "  # noqa: S608
                f"AND variant_id IN ({marks})",
                (store_id, *variant_ids),
            ).fetchall()
        )
        return {int(v): int(q) for v, q in rows}

    def count(self, table: str) -> int:
        if table not in {t.name for t in TABLES.values()}:
            raise ValueError(f"no table {table}")
        return int(self.read(lambda c: c.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]))  # noqa: S608

    def _fetch_all(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        return self.read(lambda c: c.execute(sql, params).fetchall())

    def dump(self, scope: str) -> dict[str, set[tuple[Any, ...]]]:
        """Every row a scope holds, for comparing the cache with the server in tests and checks."""
        kind, store_id = scope_kind(scope)
        where = {
            "stock": "WHERE store_id = ?",
            "member": "WHERE home_store_id = ?",
            "coupon": "WHERE member_id IN (SELECT id FROM member WHERE home_store_id = ?)",
            **{table: f"WHERE {rows}" for table, rows in _INBOX_ROWS.items()},
        }
        result: dict[str, set[tuple[Any, ...]]] = {}
        for entity in SCOPE_ENTITIES[kind]:
            table = TABLES[entity]
            columns = ",".join(table.columns)
            condition = where.get(entity, "")
            sql = f"SELECT {columns} FROM {table.name} {condition}"  # noqa: S608
            params: tuple[Any, ...] = (store_id,) * condition.count("?")
            result[entity] = {tuple(r) for r in self._fetch_all(sql, params)}
        return result


def _entity(entity: str, allowed: tuple[str, ...]) -> Table:
    if entity not in allowed:
        raise ValueError(f"entity {entity!r} does not belong to this scope")
    return TABLES[entity]


_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """Each typed word becomes a quoted prefix term, so FTS syntax in input is inert."""
    words = _WORD.findall(text.lower())[:8]
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)
