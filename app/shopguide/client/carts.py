"""The guide's carts: the one being built and the parked ones, saved at every change.

A cart is the guide's unsaved work with a customer standing there, so it
lives in its own SQLite file with `synchronous=FULL`, apart from the cache
(which is thrown away and rebuilt at will), and every change is one
transaction committed before the method returns: a crash or a flat battery
loses nothing that was on the screen. Carts hold only variant ids and
quantities; prices are worked out afresh from the cache when shown
(`shopguide.client.cart_pricing`), so a parked cart never keeps a stale price.

There is exactly one open cart (a unique index says so); parking it keeps it
under its id and starts a new one, and each checkout (`clear`) starts a new
one too, so a cart id names one customer's basket and nothing else.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from shopguide.client import clock
from shopguide.client.holds import ShipTo
from shopguide.client.sqlite import DurableFile
from shopguide.core.ids import uuid7_str

# 2: a line may come from another store (`fulfilment` and the columns after it).
SCHEMA_VERSION: Final = 2
TRANSFER, SHIP = "transfer", "ship"  # a line sent here from another store, or to the customer

# `next_position` only grows, so a line put back by an undo takes its old
# place without colliding with a line added after it was removed.
_SCHEMA: Final = """
CREATE TABLE IF NOT EXISTS cart (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL DEFAULT '',
    member_id INTEGER,
    parked_at TEXT,
    park_seq INTEGER,
    updated_at TEXT NOT NULL,
    next_position INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX IF NOT EXISTS cart_one_open ON cart((1)) WHERE parked_at IS NULL;
CREATE TABLE IF NOT EXISTS cart_item (
    cart_id TEXT NOT NULL REFERENCES cart(id) ON DELETE CASCADE,
    variant_id INTEGER NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity >= 1),
    position INTEGER NOT NULL,
    fulfilment TEXT CHECK (fulfilment IN ('transfer', 'ship')),
    from_store_id INTEGER,
    from_store_name TEXT,
    ship_name TEXT,
    ship_phone TEXT,
    ship_address TEXT,
    PRIMARY KEY (cart_id, variant_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS cart_coupon (
    cart_id TEXT NOT NULL REFERENCES cart(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (cart_id, code)
) WITHOUT ROWID;
"""
# What version 2 added to a version 1 file (CREATE TABLE IF NOT EXISTS leaves old tables be).
_ADDED_IN_2: Final = (
    "fulfilment TEXT CHECK (fulfilment IN ('transfer', 'ship'))",
    "from_store_id INTEGER",
    "from_store_name TEXT",
    "ship_name TEXT",
    "ship_phone TEXT",
    "ship_address TEXT",
)


class CartLookupError(LookupError):
    """The cart or the cart line is not there (any more): a stale tap or undo."""


@dataclass(frozen=True, slots=True)
class Fulfilment:
    """A line's goods from another store: sent here (TRANSFER) or to the customer (SHIP)."""

    kind: str  # TRANSFER | SHIP
    from_store_id: int
    from_store_name: str
    ship_to: ShipTo | None = None  # SHIP only

    def __post_init__(self) -> None:
        if self.kind not in (TRANSFER, SHIP):
            raise ValueError(f"a line is sent ({TRANSFER}) or shipped ({SHIP}), not {self.kind!r}")
        if (self.kind == SHIP) != (self.ship_to is not None):
            raise ValueError("a line shipped to the customer needs the customer's address")
        ship = self.ship_to
        if ship is not None and not all(x.strip() for x in (ship.name, ship.phone, ship.address)):
            raise ValueError("shipping needs the customer's name, phone and address")


@dataclass(frozen=True, slots=True)
class CartItem:
    variant_id: int
    quantity: int
    fulfilment: Fulfilment | None = None  # None: from this store's shelf


@dataclass(frozen=True, slots=True)
class Cart:
    id: str  # UUIDv7
    label: str  # "" or what the guide typed when parking ("red jacket lady")
    items: tuple[CartItem, ...]  # in the order added
    member_id: int | None
    coupon_codes: tuple[str, ...]  # as typed, normalised, in the order added
    parked_at: datetime | None  # None: the open cart
    updated_at: datetime

    @property
    def is_empty(self) -> bool:
        """Nothing a guide would miss: no lines, no member, no coupons."""
        return not self.items and self.member_id is None and not self.coupon_codes


def _now() -> str:
    return clock.now().isoformat()


def _require_quantity(quantity: int) -> None:
    if type(quantity) is not int or quantity < 1:
        raise ValueError(f"a quantity is a whole number of at least 1, not {quantity!r}")


def normalise_coupon_code(code: str) -> str:
    """Codes are printed in capitals; guides type them in any case, with stray spaces."""
    cleaned = "".join(code.split()).upper()
    if not cleaned:
        raise ValueError("a coupon code cannot be empty")
    return cleaned


class CartStore(DurableFile):
    def __init__(self, path: Path) -> None:
        super().__init__(path, _SCHEMA, SCHEMA_VERSION)
        with self._transaction() as conn:
            have = {str(row[1]) for row in conn.execute("PRAGMA table_info(cart_item)")}
            for column in _ADDED_IN_2:
                if column.split()[0] not in have:
                    conn.execute(f"ALTER TABLE cart_item ADD COLUMN {column}")

    # -- the open cart ------------------------------------------------------

    def open_cart(self) -> Cart:
        """The cart being built; an empty one is started when there is none."""
        with self._transaction() as conn:
            return _load(conn, _open_id(conn))

    def add(self, variant_id: int, quantity: int = 1) -> Cart:
        """Add units at the end; a variant already in the cart gets them on its existing line."""
        _require_quantity(quantity)
        with self._transaction() as conn:
            cart_id = _open_id(conn)
            conn.execute(
                "INSERT INTO cart_item (cart_id, variant_id, quantity, position) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (cart_id, variant_id) "
                "DO UPDATE SET quantity = quantity + excluded.quantity",
                (cart_id, variant_id, quantity, _take_position(conn, cart_id)),
            )
            return _touch_and_load(conn, cart_id)

    def set_quantity(self, variant_id: int, quantity: int) -> Cart:
        """At least 1: taking a line out is `remove`, which can be undone."""
        _require_quantity(quantity)
        with self._transaction() as conn:
            cart_id = _open_id(conn)
            changed = conn.execute(
                "UPDATE cart_item SET quantity = ? WHERE cart_id = ? AND variant_id = ?",
                (quantity, cart_id, variant_id),
            ).rowcount
            if not changed:
                raise CartLookupError(f"variant {variant_id} is not in the cart")
            return _touch_and_load(conn, cart_id)

    def set_fulfilment(self, variant_id: int, fulfilment: Fulfilment | None) -> Cart:
        """Where a line's goods come from; None puts it back on this store's shelf."""
        f = fulfilment
        ship = f.ship_to if f is not None else None
        with self._transaction() as conn:
            cart_id = _open_id(conn)
            changed = conn.execute(
                "UPDATE cart_item SET fulfilment = ?, from_store_id = ?, from_store_name = ?, "
                "ship_name = ?, ship_phone = ?, ship_address = ? "
                "WHERE cart_id = ? AND variant_id = ?",
                (
                    f.kind if f else None,
                    f.from_store_id if f else None,
                    f.from_store_name if f else None,
                    ship.name.strip() if ship else None,
                    ship.phone.strip() if ship else None,
                    ship.address.strip() if ship else None,
                    cart_id,
                    variant_id,
                ),
            ).rowcount
            if not changed:
                raise CartLookupError(f"variant {variant_id} is not in the cart")
            return _touch_and_load(conn, cart_id)

    def replace_variant(self, old: int, new: int) -> Cart:
        """Another colour or size for a line, keeping its place and quantity.

        When `new` already has a line of its own, that line's units join the
        edited one, which stays where the guide was looking.
        """
        with self._transaction() as conn:
            cart_id = _open_id(conn)
            if _line(conn, cart_id, old) is None:
                raise CartLookupError(f"variant {old} is not in the cart")
            if old != new:
                merged = _line(conn, cart_id, new)
                conn.execute(
                    "DELETE FROM cart_item WHERE cart_id = ? AND variant_id = ?", (cart_id, new)
                )
                conn.execute(
                    "UPDATE cart_item SET variant_id = ?, quantity = quantity + ?, "
                    "fulfilment = NULL, from_store_id = NULL, from_store_name = NULL, "
                    "ship_name = NULL, ship_phone = NULL, ship_address = NULL "
                    "WHERE cart_id = ? AND variant_id = ?",
                    (new, merged[0] if merged else 0, cart_id, old),
                )
            return _touch_and_load(conn, cart_id)

    def remove(self, variant_id: int) -> tuple[Cart, Callable[[], Cart]]:
        """Take a line out; the second value puts it back where it was.

        The undo works once (later calls change nothing), adds the units to
        the line if the variant was added again meanwhile, and puts them back
        into the cart they came from even if it has been parked since; it
        raises CartLookupError if that cart is gone (checked out, discarded).
        """
        with self._transaction() as conn:
            cart_id = _open_id(conn)
            line = _line(conn, cart_id, variant_id)
            if line is None:
                raise CartLookupError(f"variant {variant_id} is not in the cart")
            source = conn.execute(
                "SELECT fulfilment, from_store_id, from_store_name, ship_name, ship_phone, "
                "ship_address FROM cart_item WHERE cart_id = ? AND variant_id = ?",
                (cart_id, variant_id),
            ).fetchone()
            conn.execute(
                "DELETE FROM cart_item WHERE cart_id = ? AND variant_id = ?",
                (cart_id, variant_id),
            )
            cart = _touch_and_load(conn, cart_id)
        quantity, position = line
        undone = False

        def undo() -> Cart:
            nonlocal undone
            with self._transaction() as conn:
                if not _exists(conn, cart_id):
                    raise CartLookupError("the cart this line came from is gone")
                if undone:
                    return _load(conn, cart_id)
                conn.execute(
                    "INSERT INTO cart_item (cart_id, variant_id, quantity, position, "
                    "fulfilment, from_store_id, from_store_name, ship_name, ship_phone, "
                    "ship_address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (cart_id, variant_id) "
                    "DO UPDATE SET quantity = quantity + excluded.quantity, "
                    "position = excluded.position",
                    (cart_id, variant_id, quantity, position, *source),
                )
                undone = True
                return _touch_and_load(conn, cart_id)

        return cart, undo

    def attach_member(self, member_id: int | None) -> Cart:
        """The customer's member card (None takes it off); coupons typed stay until removed."""
        with self._transaction() as conn:
            cart_id = _open_id(conn)
            conn.execute("UPDATE cart SET member_id = ? WHERE id = ?", (member_id, cart_id))
            return _touch_and_load(conn, cart_id)

    def add_coupon(self, code: str) -> Cart:
        """Offer a coupon code; a code offered again is kept once."""
        code = normalise_coupon_code(code)
        with self._transaction() as conn:
            cart_id = _open_id(conn)
            conn.execute(
                "INSERT OR IGNORE INTO cart_coupon (cart_id, code, position) VALUES (?, ?, ?)",
                (cart_id, code, _take_position(conn, cart_id)),
            )
            return _touch_and_load(conn, cart_id)

    def remove_coupon(self, code: str) -> Cart:
        code = normalise_coupon_code(code)
        with self._transaction() as conn:
            cart_id = _open_id(conn)
            conn.execute("DELETE FROM cart_coupon WHERE cart_id = ? AND code = ?", (cart_id, code))
            return _touch_and_load(conn, cart_id)

    def clear(self) -> Cart:
        """After checkout or to start over: the open cart goes, a new empty one replaces it."""
        with self._transaction() as conn:
            conn.execute("DELETE FROM cart WHERE parked_at IS NULL")
            return _load(conn, _open_id(conn))

    # -- parked carts -------------------------------------------------------

    def park(self, label: str = "") -> Cart:
        """Put the open cart aside and return a new empty open cart.

        An empty open cart is not parked (it is returned as it is). An empty
        `label` keeps the label the cart had, so re-parking a resumed cart
        does not lose "red jacket lady".
        """
        with self._transaction() as conn:
            cart_id = _open_id(conn)
            if _load(conn, cart_id).is_empty:
                return _load(conn, cart_id)
            _park(conn, cart_id, label.strip())
            return _load(conn, _open_id(conn))

    def parked(self) -> list[Cart]:
        """Parked carts, the most recently parked first."""
        with self._transaction() as conn:
            ids = conn.execute(
                "SELECT id FROM cart WHERE parked_at IS NOT NULL ORDER BY park_seq DESC"
            ).fetchall()
            return [_load(conn, cart_id) for (cart_id,) in ids]

    def resume(self, cart_id: str) -> Cart:
        """Make a parked cart the open one; a non-empty open cart is parked first."""
        with self._transaction() as conn:
            row = conn.execute("SELECT parked_at FROM cart WHERE id = ?", (cart_id,)).fetchone()
            if row is None:
                raise CartLookupError(f"there is no cart {cart_id}")
            if row[0] is None:
                return _load(conn, cart_id)
            current = _current_id(conn)
            if current is not None:
                if _load(conn, current).is_empty:
                    conn.execute("DELETE FROM cart WHERE id = ?", (current,))
                else:
                    _park(conn, current, "")
            conn.execute(
                "UPDATE cart SET parked_at = NULL, park_seq = NULL WHERE id = ?", (cart_id,)
            )
            return _touch_and_load(conn, cart_id)

    def discard_parked(self, cart_id: str) -> None:
        with self._transaction() as conn:
            gone = conn.execute(
                "DELETE FROM cart WHERE id = ? AND parked_at IS NOT NULL", (cart_id,)
            ).rowcount
            if not gone:
                raise CartLookupError(f"there is no parked cart {cart_id}")


# -- inside a transaction ----------------------------------------------------


def _current_id(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT id FROM cart WHERE parked_at IS NULL").fetchone()
    return str(row[0]) if row else None


def _open_id(conn: sqlite3.Connection) -> str:
    """The open cart's id, starting an empty cart when there is none."""
    current = _current_id(conn)
    if current is not None:
        return current
    cart_id = uuid7_str()
    conn.execute("INSERT INTO cart (id, updated_at) VALUES (?, ?)", (cart_id, _now()))
    return cart_id


def _exists(conn: sqlite3.Connection, cart_id: str) -> bool:
    return conn.execute("SELECT 1 FROM cart WHERE id = ?", (cart_id,)).fetchone() is not None


def _line(conn: sqlite3.Connection, cart_id: str, variant_id: int) -> tuple[int, int] | None:
    row = conn.execute(
        "SELECT quantity, position FROM cart_item WHERE cart_id = ? AND variant_id = ?",
        (cart_id, variant_id),
    ).fetchone()
    return (int(row[0]), int(row[1])) if row else None


def _take_position(conn: sqlite3.Connection, cart_id: str) -> int:
    (position,) = conn.execute("SELECT next_position FROM cart WHERE id = ?", (cart_id,)).fetchone()
    conn.execute("UPDATE cart SET next_position = ? WHERE id = ?", (position + 1, cart_id))
    return int(position)


def _park(conn: sqlite3.Connection, cart_id: str, label: str) -> None:
    conn.execute(
        "UPDATE cart SET parked_at = ?, label = CASE WHEN ? = '' THEN label ELSE ? END, "
        "park_seq = (SELECT COALESCE(MAX(park_seq), 0) + 1 FROM cart) WHERE id = ?",
        (_now(), label, label, cart_id),
    )


def _touch_and_load(conn: sqlite3.Connection, cart_id: str) -> Cart:
    conn.execute("UPDATE cart SET updated_at = ? WHERE id = ?", (_now(), cart_id))
    return _load(conn, cart_id)


def _load(conn: sqlite3.Connection, cart_id: str) -> Cart:
    label, member_id, parked_at, updated_at = conn.execute(
        "SELECT label, member_id, parked_at, updated_at FROM cart WHERE id = ?", (cart_id,)
    ).fetchone()
    items = conn.execute(
        "SELECT variant_id, quantity, fulfilment, from_store_id, from_store_name, "
        "ship_name, ship_phone, ship_address FROM cart_item WHERE cart_id = ? ORDER BY position",
        (cart_id,),
    ).fetchall()
    codes = conn.execute(
        "SELECT code FROM cart_coupon WHERE cart_id = ? ORDER BY position", (cart_id,)
    ).fetchall()
    return Cart(
        id=cart_id,
        label=label,
        items=tuple(CartItem(int(row[0]), int(row[1]), _fulfilment(row)) for row in items),
        member_id=member_id,
        coupon_codes=tuple(str(c) for (c,) in codes),
        parked_at=datetime.fromisoformat(parked_at) if parked_at else None,
        updated_at=datetime.fromisoformat(updated_at),
    )


def _fulfilment(row: tuple[Any, ...]) -> Fulfilment | None:
    kind, store_id, store_name, name, phone, address = row[2:8]
    if kind is None:
        return None
    ship_to = ShipTo(name or "", phone or "", address or "") if kind == SHIP else None
    return Fulfilment(str(kind), int(store_id), store_name or "", ship_to)
