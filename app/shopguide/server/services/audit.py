"""Append an audit entry in the caller's transaction, so it commits with the act.

Member data leaves the server audited, always with who, which member and
when: lookups, scans and views (`member.lookup`, `member.resolve`,
`member.view`), enrolment, pass links, redemptions and releases each write
their entry where they happen; a sync pull that carries members of a store
writes `member.sync` here (`record_member_pull`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlmodel import Session

from shopguide.server.db import write_transaction
from shopguide.server.models import AuditLog

MEMBER_IDS_KEPT = 500
"""A pull page's member ids are listed up to this many; beyond, the count and the id range."""


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


def record_member_pull(
    session: Session,
    answer: Mapping[str, Any],
    *,
    user_id: int,
    store_id: int | None,
    address: str = "",
) -> None:
    """One `member.sync` entry per `members:<store>` page of a pull answer that carries members.

    Pages without member rows (most long polls) write nothing. Commits in a
    transaction of its own: call it once the answer is read.
    """
    entries = []
    for name, page in answer.get("scopes", {}).items():
        if not name.startswith("members:"):
            continue
        table = (page.get("upserts") or {}).get("member")
        if not table or not table.get("rows"):
            continue
        column = table["columns"].index("id")
        ids = sorted(int(row[column]) for row in table["rows"])
        detail: dict[str, Any] = {"count": len(ids), "first": ids[0], "last": ids[-1]}
        if len(ids) <= MEMBER_IDS_KEPT:
            detail["ids"] = ids
        detail["kind"] = page.get("kind")
        entries.append(
            entry(
                action="member.sync",
                entity="members",
                entity_id=name,
                user_id=user_id,
                store_id=store_id,
                address=address,
                detail=detail,
            )
        )
    if entries:
        write_transaction(session)
        session.add_all(entries)
        session.commit()
