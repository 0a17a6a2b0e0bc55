"""Snapshots: a scope's current state, entity by entity, in pages by key.

Keyset pagination (`WHERE key > last ORDER BY key LIMIT n`) makes every page
an index range scan however deep into a 200,000-row table it is, and any
server process can serve the next page from the cursor alone. Rows are read
as plain column tuples, never ORM objects. Each page reads the tables as they
are when it runs; the feed position remembered at the start covers the rest:
everything that changed after it is replayed once the last page is sent.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Select, or_, select, tuple_
from sqlmodel import Session

from shopguide.server.sync.cursors import (
    SnapshotCursor,
    SnapshotKey,
    encode_changes,
    encode_snapshot,
)
from shopguide.server.sync.feed import feed_position
from shopguide.server.sync.scopes import Scope
from shopguide.server.sync.shapes import (
    COUPON,
    MEMBER,
    RESERVATION,
    STOCK,
    TRANSFER,
    Shape,
    phone_salt_of_store,
)


def read_snapshot(
    session: Session, scope: Scope, cursor: SnapshotCursor | None, limit: int
) -> dict[str, Any]:
    """The next `limit` rows of the scope's state after `cursor` (None: from the start).

    The page after the last one is the feed: the final answer carries a
    changes cursor at the position taken before the first row was read.
    """
    if cursor is None:
        cursor = SnapshotCursor(scope.name, 0, None, feed_position(session))
    connection = session.connection()
    upserts: dict[str, dict[str, Any]] = {}
    remaining = limit
    entity, last_key = cursor.entity, cursor.last_key
    while entity < len(scope.entities):
        shape = scope.entities[entity]
        rows, page_last = _page(connection, scope, shape, last_key, remaining)
        if rows:
            upserts[shape.entity] = {"columns": list(shape.columns), "rows": rows}
        remaining -= len(rows)
        if remaining == 0:
            following = SnapshotCursor(scope.name, entity, page_last, cursor.start)
            return _answer(upserts, encode_snapshot(following))
        entity, last_key = entity + 1, None
    return _answer(upserts, encode_changes(cursor.start))


def _answer(upserts: dict[str, dict[str, Any]], cursor: str) -> dict[str, Any]:
    return {
        "kind": "snapshot",
        "upserts": upserts,
        "deletes": {},
        "cursor": cursor,
        "has_more": True,
    }


def _page(
    connection: Connection,
    scope: Scope,
    shape: Shape,
    after: SnapshotKey | None,
    limit: int,
) -> tuple[list[list[Any]], SnapshotKey | None]:
    keys = shape.key_columns()
    stmt = _rows_of(scope, shape, select(*shape.source_columns()))
    if after is not None:
        stmt = stmt.where(tuple_(*keys) > tuple_(*after) if len(keys) > 1 else keys[0] > after[0])
    result = connection.execute(stmt.order_by(*keys).limit(limit)).all()
    if not result:
        return [], after
    salt = None
    if shape is MEMBER:
        assert scope.store_id is not None
        salt = phone_salt_of_store(connection, scope.store_id)
    if shape.temporal or salt is not None:
        rows = [shape.row(values, salt) for values in result]
    else:
        rows = [list(values) for values in result]
    positions = [shape.sources.index(name) for name in shape.key]
    last = tuple(result[-1][i] for i in positions)
    return rows, (last[0],) if len(last) == 1 else (last[0], last[1])


def _rows_of(scope: Scope, shape: Shape, stmt: Select[Any]) -> Select[Any]:
    """Restrict to the scope: a store's stock, the members of a home store and their coupons,
    the reservations and transfers a store gives or receives."""
    table = shape.table
    if shape is STOCK:
        return stmt.where(table.c.store_id == scope.store_id)
    if shape is MEMBER:
        return stmt.where(table.c.home_store_id == scope.store_id)
    if shape is RESERVATION:
        return stmt.where(
            or_(table.c.from_store_id == scope.store_id, table.c.at_store_id == scope.store_id)
        )
    if shape is TRANSFER:
        return stmt.where(
            or_(table.c.from_store_id == scope.store_id, table.c.to_store_id == scope.store_id)
        )
    if shape is COUPON:
        member = MEMBER.table
        return stmt.where(
            table.c.member_id.in_(
                select(member.c.id).where(member.c.home_store_id == scope.store_id)
            )
        )
    return stmt
