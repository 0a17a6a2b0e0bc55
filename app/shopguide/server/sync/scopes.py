"""Scope names, what each scope holds, and who may pull it.

A scope is the unit a tablet syncs and rebuilds on its own: `catalog`,
`config`, `stock:<store_id>`, `members:<store_id>` and `inbox:<store_id>`
(docs/sync-protocol.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from sqlmodel import Session, col, select

from shopguide.server.models import Role, Store
from shopguide.server.services.errors import Forbidden, NotFound, Unprocessable
from shopguide.server.sync.shapes import (
    BRAND,
    COUPON,
    MEMBER,
    MERCHANT_ACCOUNT,
    PRICE,
    RESERVATION,
    STOCK,
    STORE,
    STYLE,
    TRANSFER,
    VARIANT,
    Shape,
)

Kind = Literal["catalog", "config", "stock", "members", "inbox"]

# Snapshot order: parents before children, as a client with foreign keys would want.
ENTITIES: dict[Kind, tuple[Shape, ...]] = {
    "catalog": (STYLE, VARIANT, PRICE),
    "config": (STORE, BRAND, MERCHANT_ACCOUNT),
    "stock": (STOCK,),
    "members": (MEMBER, COUPON),
    "inbox": (RESERVATION, TRANSFER),
}

_NAME = re.compile(r"^(?:(catalog|config)|(stock|members|inbox):([1-9][0-9]{0,9}))$")
_MAX_ID = 2**31 - 1


@dataclass(frozen=True, slots=True)
class Scope:
    name: str
    kind: Kind
    store_id: int | None = None

    @property
    def entities(self) -> tuple[Shape, ...]:
        return ENTITIES[self.kind]


def stock_scope(store_id: int) -> str:
    return f"stock:{store_id}"


def members_scope(store_id: int) -> str:
    return f"members:{store_id}"


def inbox_scope(store_id: int) -> str:
    return f"inbox:{store_id}"


def parse_scope(name: str) -> Scope:
    match = _NAME.match(name)
    if match is None or (match[3] is not None and int(match[3]) > _MAX_ID):
        raise Unprocessable(
            f"unknown scope {name[:60]!r}: expected catalog, config, "
            "stock:<store id>, members:<store id> or inbox:<store id>"
        )
    if match[1] == "catalog":
        return Scope(name, "catalog")
    if match[1] == "config":
        return Scope(name, "config")
    store_id = int(match[3])
    if match[2] == "stock":
        return Scope(name, "stock", store_id)
    if match[2] == "inbox":
        return Scope(name, "inbox", store_id)
    return Scope(name, "members", store_id)


def check_access(
    session: Session, scopes: Iterable[Scope], *, role: Role, store_id: int | None
) -> None:
    """Every store named must exist; members and inbox scopes are for their own store's staff
    (and admins).

    Member data is personal: a guide or manager sees the members whose home
    store is their own, while stock of any store is shared so a guide can
    send a customer to the shop that has the size. A store's inbox names
    customers (and a parcel's address), so it is the store's own too.
    """
    scopes = list(scopes)
    wanted = {s.store_id for s in scopes if s.store_id is not None}
    if wanted:
        found = set(session.exec(select(Store.id).where(col(Store.id).in_(wanted))).all())
        missing = sorted(wanted - found)
        if missing:
            raise NotFound(f"no store with id {missing[0]}")
    if role is Role.ADMIN:
        return
    for scope in scopes:
        if scope.kind == "members" and scope.store_id != store_id:
            raise Forbidden(
                f"{scope.name} holds another store's members; "
                "guides and managers sync their own store's members only"
            )
        if scope.kind == "inbox" and scope.store_id != store_id:
            raise Forbidden(
                f"{scope.name} is another store's inbox; "
                "guides and managers sync their own store's inbox only"
            )
