"""`pull`: one answer per scope asked, each a snapshot page, a changes page or "resync"."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlmodel import Session

from shopguide.server.db import write_transaction
from shopguide.server.models import Role
from shopguide.server.services import holds
from shopguide.server.sync import cursors
from shopguide.server.sync.feed import read_changes_many
from shopguide.server.sync.scopes import Scope, check_access, parse_scope
from shopguide.server.sync.snapshot import read_snapshot

MAX_SCOPES = 50
MAX_LIMIT = 20_000
DEFAULT_LIMIT = 5_000


def pull(
    session: Session,
    asked: Mapping[str, str | None],
    *,
    limit: int,
    role: Role,
    store_id: int | None,
) -> dict[str, Any]:
    """Answer every scope in `asked` (name -> cursor or None), up to `limit` rows each.

    Every scope name, store, permission and cursor is checked before any
    page is read, so a bad request fails whole with the first reason.
    """
    scopes = [parse_scope(name) for name in asked]
    check_access(session, scopes, role=role, store_id=store_id)
    for scope in scopes:
        if scope.kind == "inbox":
            _expire_reservations(session, scope)
    starts: dict[Scope, cursors.Position | cursors.SnapshotCursor | None] = {}
    for scope in scopes:
        cursor = asked[scope.name]
        starts[scope] = None if cursor is None else cursors.decode(cursor, scope)
    changes = read_changes_many(
        session,
        [(scope, start) for scope, start in starts.items() if isinstance(start, cursors.Position)],
        limit,
    )
    answers: dict[str, Any] = {}
    for scope, start in starts.items():
        if isinstance(start, cursors.Position):
            answers[scope.name] = changes[scope.name]
        else:
            answers[scope.name] = read_snapshot(session, scope, start, limit)
    return {"scopes": answers}


def _expire_reservations(session: Session, scope: Scope) -> None:
    """Write the expiry of the inbox's overdue reservations first, so the pull carries it.

    Only when there is one: most pulls only read, and take no write lock.
    """
    assert scope.store_id is not None
    if holds.any_due(session, scope.store_id):
        write_transaction(session)
        holds.expire_due(session, store_id=scope.store_id)
        session.commit()
