"""`push`: apply a batch of tablet mutations, each exactly once however often it is pushed.

Each mutation runs in its own transaction, which also writes its
`applied_mutation` row (id, outcome): the effect and the record commit
together or not at all, so a repeat finds the record and gets the stored
answer with `"repeat": true`. The record is the transaction's first write:
a concurrent push of the same id then waits on it and fails with a
duplicate key, and is answered from the stored row; on SQLite that first
write also takes the database's write lock before anything is read, so the
reads that follow cannot be made stale by another writer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import Session

from shopguide.server.models import AppliedMutation
from shopguide.server.services.errors import Conflict, ServiceError
from shopguide.server.sync import mutations
from shopguide.server.sync.mutations import Pusher, Rejected

MAX_MUTATIONS = 200
APPLIED = "applied"
REJECTED = "rejected"
_UUID = re.compile(r"^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
_ATTEMPTS = 3
_REASON_LENGTH = 500


class MutationIn(BaseModel):
    """One outbox entry as the tablet sends it.

    Only what is needed to answer it is checked here; anything wrong with
    the id, type or payload is that mutation's rejection, never a 422 for
    the batch, which would hold up every mutation behind it. The envelope's
    `created_at` is not needed: payloads carry the times that matter.
    """

    id: str = Field(description="UUID, version 7 preferred")
    type: str = Field(examples=sorted(mutations.TYPES))
    payload: Any = Field(default=None, description="an object, checked per type")


class Unavailable(ServiceError):
    """The database could not take the write now (locked, deadlock victim): push again later."""

    status_code = 503


@dataclass(frozen=True, slots=True)
class _Stored:
    user_id: int
    status: str
    result: dict[str, Any] | None
    reason: str | None


def push(session: Session, batch: Sequence[MutationIn], pusher: Pusher) -> list[dict[str, Any]]:
    """One result per mutation, in order; a rejected one never stops the ones after it."""
    session.rollback()  # end the read transaction authentication began
    return [_push_one(session, mutation, pusher) for mutation in batch]


def _push_one(session: Session, mutation: MutationIn, pusher: Pusher) -> dict[str, Any]:
    if not _UUID.match(mutation.id):
        return _rejected(mutation.id, "the mutation id must be a UUID (version 7 preferred)")
    key = mutation.id.lower()
    try:
        for _attempt in range(_ATTEMPTS):
            stored = _stored(session, key)
            if stored is not None:
                return _stored_answer(mutation.id, stored, pusher)
            try:
                return _apply(session, key, mutation, pusher)
            except IntegrityError:
                # Someone committed first: this id (answered from its record on the next
                # round), or the same order or a new stock row (the next round sees them).
                session.rollback()
    except OperationalError as exc:
        session.rollback()
        raise Unavailable("the database is busy; push again shortly") from exc
    raise Conflict(f"mutation {mutation.id} kept colliding with concurrent writes; push again")


def _stored(session: Session, key: str) -> _Stored | None:
    record = session.get(AppliedMutation, key)
    stored = (
        None
        if record is None
        else _Stored(record.user_id, record.status, record.result, record.reason)
    )
    session.rollback()  # a read of its own: the write that may follow starts afresh
    return stored


def _stored_answer(mutation_id: str, stored: _Stored, pusher: Pusher) -> dict[str, Any]:
    if stored.user_id != pusher.user_id:
        return _rejected(mutation_id, "this mutation id was already used by another account")
    if stored.status == APPLIED:
        return {"id": mutation_id, "status": APPLIED, "result": stored.result, "repeat": True}
    return _rejected(mutation_id, stored.reason or "rejected")


def _apply(session: Session, key: str, mutation: MutationIn, pusher: Pusher) -> dict[str, Any]:
    try:
        command = mutations.parse(mutation.type, mutation.payload)
    except Rejected as exc:
        return _record_rejection(session, key, mutation, pusher, exc.reason)
    record = AppliedMutation(id=key, user_id=pusher.user_id, type=mutation.type, status=APPLIED)
    session.add(record)
    session.flush()  # the first write; see the module docstring
    try:
        result = command.apply(session, key, pusher)
    except Rejected as exc:
        session.rollback()
        session.add_all(exc.keep)
        return _record_rejection(session, key, mutation, pusher, exc.reason)
    record.result = result
    session.commit()
    return {"id": mutation.id, "status": APPLIED, "result": result}


def _record_rejection(
    session: Session, key: str, mutation: MutationIn, pusher: Pusher, reason: str
) -> dict[str, Any]:
    reason = reason[:_REASON_LENGTH]
    session.add(
        AppliedMutation(
            id=key,
            user_id=pusher.user_id,
            # An unknown type can be any text, even NUL: only the reason quotes it.
            type=mutation.type if mutation.type in mutations.TYPES else "unknown",
            status=REJECTED,
            reason=reason,
        )
    )
    session.commit()
    return _rejected(mutation.id, reason)


def _rejected(mutation_id: str, reason: str) -> dict[str, Any]:
    return {"id": mutation_id, "status": REJECTED, "reason": reason}
