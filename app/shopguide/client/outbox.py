"""The durable queue of writes made on the tablet, waiting for the server.

It lives in its own SQLite file with `synchronous=FULL`, apart from the
cache, so that rebuilding or upgrading the cache can never lose a sale. Each
mutation carries a UUIDv7 made here; the server applies a mutation id at
most once, so pushing again after any failure is always safe.

Stock held by queued orders is written in the same transaction as the
order, so the cache can show "3 left" minus what was sold offline until the
server's own figure arrives.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from shopguide.client import clock
from shopguide.client.sqlite import DurableFile
from shopguide.core.ids import uuid7_str

SCHEMA_VERSION = 1
PENDING, APPLIED, REJECTED = "pending", "applied", "rejected"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS mutation (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    reason TEXT,
    result TEXT,
    done_at TEXT
);
CREATE INDEX IF NOT EXISTS mutation_state ON mutation(state, seq);
CREATE TABLE IF NOT EXISTS stock_hold (
    mutation_id TEXT NOT NULL REFERENCES mutation(id) ON DELETE CASCADE,
    store_id INTEGER NOT NULL,
    variant_id INTEGER NOT NULL,
    quantity INTEGER NOT NULL,
    released_at TEXT
);
CREATE INDEX IF NOT EXISTS stock_hold_variant ON stock_hold(store_id, variant_id);
"""


@dataclass(frozen=True, slots=True)
class Mutation:
    id: str
    type: str
    payload: dict[str, Any]
    created_at: datetime
    state: str
    attempts: int
    last_error: str | None
    reason: str | None

    def to_wire(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "created_at": self.created_at.isoformat(),
            "payload": self.payload,
        }


@dataclass(frozen=True, slots=True)
class StockHold:
    store_id: int
    variant_id: int
    quantity: int


@dataclass(frozen=True, slots=True)
class OutboxCounts:
    pending: int
    rejected: int
    oldest_pending_at: datetime | None


def _now() -> datetime:
    return clock.now()


class Outbox(DurableFile):
    def __init__(self, path: Path) -> None:
        super().__init__(path, _SCHEMA, SCHEMA_VERSION)

    def enqueue(
        self,
        type_: str,
        payload: Mapping[str, Any],
        *,
        holds: Sequence[StockHold] = (),
        mutation_id: str | None = None,
    ) -> str:
        """Queue a write durably; returns its id. Holds lower the shown stock meanwhile."""
        mutation_id = mutation_id or uuid7_str()
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO mutation (id, type, payload, created_at) VALUES (?, ?, ?, ?)",
                (
                    mutation_id,
                    type_,
                    json.dumps(payload, separators=(",", ":")),
                    _now().isoformat(),
                ),
            )
            conn.executemany(
                "INSERT INTO stock_hold (mutation_id, store_id, variant_id, quantity) "
                "VALUES (?, ?, ?, ?)",
                [(mutation_id, h.store_id, h.variant_id, h.quantity) for h in holds],
            )
        return mutation_id

    def pending(self, limit: int = 100) -> list[Mutation]:
        return self._select("WHERE state = 'pending' ORDER BY seq LIMIT ?", (limit,))

    def get_order(self, order_id: str) -> Mutation | None:
        """The queued `order.place` for an order id, whatever its state."""
        found = self._select(
            "WHERE type = 'order.place' AND json_extract(payload, '$.order_id') = ?", (order_id,)
        )
        return found[0] if found else None

    def of_type(self, type_: str) -> list[Mutation]:
        """Every mutation of a type still held here, whatever its state, oldest first."""
        return self._select("WHERE type = ? ORDER BY seq", (type_,))

    def unsettled(self, type_: str) -> list[Mutation]:
        """Mutations of a type still waiting or refused, oldest first."""
        return self._select(
            "WHERE state IN ('pending', 'rejected') AND type = ? ORDER BY seq", (type_,)
        )

    def latest(self, type_: str, limit: int) -> list[Mutation]:
        """The newest mutations of a type, whatever their state, newest first."""
        return self._select("WHERE type = ? ORDER BY seq DESC LIMIT ?", (type_, limit))

    def needs_attention(self) -> list[Mutation]:
        return self._select("WHERE state = 'rejected' ORDER BY seq", ())

    def get(self, mutation_id: str) -> Mutation | None:
        found = self._select("WHERE id = ?", (mutation_id,))
        return found[0] if found else None

    def _select(self, where: str, params: tuple[Any, ...]) -> list[Mutation]:
        with self._lock:
            columns = "id, type, payload, created_at, state, attempts, last_error, reason"
            sql = f"SELECT {columns} FROM mutation {where}"  # noqa: S608  (our literals only)
            rows = self._conn.execute(sql, params).fetchall()
        return [
            Mutation(
                id=r[0],
                type=r[1],
                payload=json.loads(r[2]),
                created_at=datetime.fromisoformat(r[3]),
                state=r[4],
                attempts=r[5],
                last_error=r[6],
                reason=r[7],
            )
            for r in rows
        ]

    def record_results(self, results: Sequence[Mapping[str, Any]]) -> None:
        """Store the server's verdicts; applied holds are released, not yet dropped."""
        now = _now().isoformat()
        with self._transaction() as conn:
            for result in results:
                mutation_id = str(result["id"])
                if result.get("status") == APPLIED:
                    conn.execute(
                        "UPDATE mutation SET state = 'applied', result = ?, done_at = ?, "
                        "last_error = NULL WHERE id = ? AND state = 'pending'",
                        (json.dumps(result.get("result")), now, mutation_id),
                    )
                    conn.execute(
                        "UPDATE stock_hold SET released_at = ? "
                        "WHERE mutation_id = ? AND released_at IS NULL",
                        (now, mutation_id),
                    )
                else:
                    conn.execute(
                        "UPDATE mutation SET state = 'rejected', reason = ?, done_at = ? "
                        "WHERE id = ? AND state = 'pending'",
                        (str(result.get("reason") or "refused by the server"), now, mutation_id),
                    )
                    conn.execute("DELETE FROM stock_hold WHERE mutation_id = ?", (mutation_id,))

    def record_failure(self, mutation_ids: Sequence[str], error: str) -> None:
        """A push that got no verdict: count the attempt, keep the mutations pending."""
        with self._transaction() as conn:
            conn.executemany(
                "UPDATE mutation SET attempts = attempts + 1, last_error = ? WHERE id = ?",
                [(error, m) for m in mutation_ids],
            )

    def released_holds(self) -> dict[int, list[tuple[int, str]]]:
        """The holds released so far (their orders applied), per store: take this before a pull.

        A hold is dropped when a pull of its store that started after its
        release has finished (`drop_holds`). Which holds were released is
        read here, not compared by time: the tablet's clock may be wrong or
        set back between the release and the pull.
        """
        with self._lock:
            rows = self._conn.execute(
                "SELECT store_id, rowid, mutation_id FROM stock_hold WHERE released_at IS NOT NULL"
            ).fetchall()
        released: dict[int, list[tuple[int, str]]] = {}
        for store_id, rowid, mutation_id in rows:
            released.setdefault(int(store_id), []).append((int(rowid), str(mutation_id)))
        return released

    def drop_holds(self, store_id: int, hold_ids: Sequence[tuple[int, str]]) -> None:
        """The server's figure for this store, pulled after these were released, includes them."""
        if not hold_ids:
            return
        with self._transaction() as conn:
            conn.executemany(
                "DELETE FROM stock_hold WHERE rowid = ? AND mutation_id = ? AND store_id = ? "
                "AND released_at IS NOT NULL",
                [(rowid, mutation_id, store_id) for rowid, mutation_id in hold_ids],
            )

    def holds(self, store_id: int, variant_ids: Sequence[int]) -> dict[int, int]:
        """Quantity held per variant at a store, by queued or not-yet-reflected orders."""
        if not variant_ids:
            return {}
        marks = ",".join("?" * len(variant_ids))
        with self._lock:
            rows = self._conn.execute(
                f"SELECT variant_id, SUM(quantity) FROM stock_hold WHERE store_id = ? "  # noqa: S608
                f"AND variant_id IN ({marks}) GROUP BY variant_id",
                (store_id, *variant_ids),
            ).fetchall()
        return {int(v): int(q) for v, q in rows}

    def discard(self, mutation_id: str) -> None:
        """A guide's explicit choice to drop a refused mutation from 'needs attention'."""
        with self._transaction() as conn:
            conn.execute("DELETE FROM mutation WHERE id = ? AND state = 'rejected'", (mutation_id,))

    def counts(self) -> OutboxCounts:
        with self._lock:
            pending, oldest = self._conn.execute(
                "SELECT COUNT(*), MIN(created_at) FROM mutation WHERE state = 'pending'"
            ).fetchone()
            (rejected,) = self._conn.execute(
                "SELECT COUNT(*) FROM mutation WHERE state = 'rejected'"
            ).fetchone()
        return OutboxCounts(
            pending=pending,
            rejected=rejected,
            oldest_pending_at=datetime.fromisoformat(oldest) if oldest else None,
        )
