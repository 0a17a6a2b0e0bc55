"""Cursors: opaque to tablets, self-contained for the server.

A changes cursor "c1.<txid>.<id>" is a feed position: the client has every
change of the scope at or before it. A snapshot cursor "s1.<base64 JSON>"
names the scope, the entity being paged, the last key sent, and the feed
position captured when the snapshot started, so that any server process can
continue it and the final page can hand over to the feed without a gap.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from typing import Any, NamedTuple

from shopguide.server.services.errors import Unprocessable
from shopguide.server.sync.scopes import Scope

_CHANGES = re.compile(r"^c1\.(0|[1-9][0-9]{0,18})\.(0|[1-9][0-9]{0,18})$")
_BIGINT = 2**63 - 1

SnapshotKey = tuple[int] | tuple[str] | tuple[int, str]  # ids are ints, or client UUIDs


class Position(NamedTuple):
    """A place in the feed; positions order as (txid, id), the order pulls serve changes in."""

    txid: int
    id: int


@dataclass(frozen=True, slots=True)
class SnapshotCursor:
    scope: str
    entity: int
    last_key: SnapshotKey | None
    start: Position


def encode_changes(position: Position) -> str:
    return f"c1.{position.txid}.{position.id}"


def encode_snapshot(cursor: SnapshotCursor) -> str:
    payload = [cursor.scope, cursor.entity, cursor.last_key, *cursor.start]
    raw = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
    return "s1." + base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(cursor: str, scope: Scope) -> Position | SnapshotCursor:
    """The position or snapshot state in `cursor`; anything malformed is a 422."""
    match = _CHANGES.match(cursor)
    if match is not None:
        position = Position(int(match[1]), int(match[2]))
        if max(position) > _BIGINT:
            raise _malformed(scope)
        return position
    if cursor.startswith("s1."):
        return _decode_snapshot(cursor[3:], scope)
    raise _malformed(scope)


def _decode_snapshot(text: str, scope: Scope) -> SnapshotCursor:
    try:
        payload: Any = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
    except (binascii.Error, ValueError) as exc:
        raise _malformed(scope) from exc
    if not (isinstance(payload, list) and len(payload) == 5):
        raise _malformed(scope)
    name, entity, last_key, txid, change_id = payload
    if name != scope.name:
        raise Unprocessable(f"the cursor given for {scope.name} belongs to another scope")
    if not (_is_count(entity) and entity < len(scope.entities)):
        raise _malformed(scope)
    if not (_is_count(txid) and _is_count(change_id)):
        raise _malformed(scope)
    key = _snapshot_key(last_key, len(scope.entities[entity].key))
    if last_key is not None and key is None:
        raise _malformed(scope)
    return SnapshotCursor(name, entity, key, Position(txid, change_id))


def _snapshot_key(value: Any, width: int) -> SnapshotKey | None:
    if not isinstance(value, list) or len(value) != width:
        return None
    if width == 1 and isinstance(value[0], str) and 0 < len(value[0]) <= 64:
        return (value[0],)
    if not _is_count(value[0]):
        return None
    if width == 1:
        return (value[0],)
    if isinstance(value[1], str) and len(value[1]) <= 64:
        return (value[0], value[1])
    return None


def _is_count(value: Any) -> bool:
    return type(value) is int and 0 <= value <= _BIGINT


def _malformed(scope: Scope) -> Unprocessable:
    return Unprocessable(f"malformed cursor for {scope.name}; pull it again from null")
