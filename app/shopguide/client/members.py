"""Finding a member on the tablet from what the customer says, with or without a network.

The cache holds the store's member snapshot with each phone as a salted hash
(`shopguide.core.phone.phone_hash`), so a typed phone is hashed with the
brand's salt and compared; a card number is compared as is. Nothing here
ever needs a phone number in clear.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from shopguide.client.cache import Cache
from shopguide.core.phone import normalise_phone, phone_hash

CARD_DIGITS = 16
_COLUMNS = "id, card_number, name, tier, points, phone_last4, sizes, note, home_store_id"


@dataclass(frozen=True, slots=True)
class CachedMember:
    """A member as of the last sync: what a guide needs, and no phone number."""

    id: int
    card_number: str
    name: str
    tier: str
    points: int
    phone_last4: str
    sizes: dict[str, str]
    note: str
    home_store_id: int


def _member(row: tuple[Any, ...]) -> CachedMember:
    return CachedMember(
        id=int(row[0]),
        card_number=str(row[1]),
        name=str(row[2]),
        tier=str(row[3]),
        points=int(row[4] or 0),
        phone_last4=str(row[5] or ""),
        sizes=dict(json.loads(row[6])) if row[6] else {},
        note=str(row[7] or ""),
        home_store_id=int(row[8]),
    )


def looks_like_card(typed: str) -> bool:
    digits = normalise_phone(typed)
    return len(digits) == CARD_DIGITS and digits == "".join(typed.split())


class MemberDirectory:
    def __init__(self, cache: Cache) -> None:
        self._cache = cache

    def find(self, typed: str) -> list[CachedMember]:
        """Members whose card number or phone is `typed`; empty when none is cached."""
        digits = normalise_phone(typed)
        if not digits:
            return []

        def query(conn: sqlite3.Connection) -> list[CachedMember]:
            if looks_like_card(typed):
                rows = conn.execute(
                    f"SELECT {_COLUMNS} FROM member WHERE card_number = ?",  # noqa: S608
                    (digits,),
                ).fetchall()
                return [_member(r) for r in rows]
            salt = conn.execute("SELECT phone_salt FROM brand LIMIT 1").fetchone()
            if salt is None:
                return []
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM member WHERE phone_hash = ? ORDER BY id",  # noqa: S608
                (phone_hash(str(salt[0]), digits),),
            ).fetchall()
            return [_member(r) for r in rows]

        return self._cache.read(query)

    def get(self, member_id: int) -> CachedMember | None:
        row = self._cache.read(
            lambda c: c.execute(
                f"SELECT {_COLUMNS} FROM member WHERE id = ?",  # noqa: S608
                (member_id,),
            ).fetchone()
        )
        return None if row is None else _member(row)
