"""Append an audit entry in the caller's transaction, so it commits with the act."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from shopguide.server.models import AuditLog


def entry(
    *,
    action: str,
    entity: str,
    entity_id: object,
    user_id: int | None,
    store_id: int | None = None,
    address: str = "",
    detail: dict[str, Any] | None = None,
) -> AuditLog:
    """An entry not yet added: for a refusal whose transaction is rolled back but must be kept."""
    return AuditLog(
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        user_id=user_id,
        store_id=store_id,
        address=address[:64],
        detail=detail or {},
    )


def record(
    session: Session,
    *,
    action: str,
    entity: str,
    entity_id: object,
    user_id: int | None,
    store_id: int | None = None,
    address: str = "",
    detail: dict[str, Any] | None = None,
) -> None:
    session.add(
        entry(
            action=action,
            entity=entity,
            entity_id=entity_id,
            user_id=user_id,
            store_id=store_id,
            address=address,
            detail=detail,
        )
    )
