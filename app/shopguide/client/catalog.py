"""What the tablet's screens read about products, stock and stores, from the cache.

The UI asks questions ("this style's colours and sizes", "how many of each
are here", "which shop near here has it") and gets plain values back; the
SQL stays here. Every read runs on the calling thread's own cache
connection (`Cache.read`), so background workers never share one. Prices leave as
`Money` in the brand's currency, and stock figures already have the
quantities of queued offline orders taken off, so a guide never promises a
box that was sold while the network was down. With a `Holds` the open
reservations and transfers holding stock are taken off too (offline the
cache's inbox is all the tablet knows; online the server's figures count them).

A variant is shown in a style's colour x size grid only while it is
`active` (the brand still offers it, as in search); looked up by id or by
scanning its tag it is found either way, because the box is in the
customer's hand.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, Final

from shopguide.client.cache import Cache, fts_query
from shopguide.client.holds import Holds
from shopguide.client.outbox import Outbox
from shopguide.core.barcode import BarcodeError, parse_barcode
from shopguide.core.catalog import size_sort_key
from shopguide.core.geo import GeoPoint, distance_km
from shopguide.core.money import Money

# Until the config scope arrives there is no brand row; the seeded brand and
# the first market are Chinese, so prices read as yuan rather than failing.
DEFAULT_CURRENCY: Final = "CNY"

# Ids travel as one JSON parameter: no SQL is built from input, and a page of
# any length stays one statement under SQLite's parameter limit.
_VARIANT_ROWS_SQL: Final = (
    "SELECT v.id, v.style_id, s.code, s.name, v.colour, v.size, v.sku, v.barcode, "
    "s.list_price, s.category "
    "FROM variant v JOIN style s ON s.id = v.style_id "
    "WHERE v.id IN (SELECT value FROM json_each(?))"
)


@dataclass(frozen=True, slots=True)
class VariantRow:
    """One variant as a search result shows it and a cart line is built from it."""

    variant_id: int
    style_id: int
    style_code: str
    name: str
    colour: str
    size: str
    sku: str
    barcode: str
    list_price: Money
    category: str


@dataclass(frozen=True, slots=True)
class StyleDetail:
    """A product page: the style, its prices and which colour x size combinations exist."""

    style_id: int
    code: str
    name: str
    category: str
    kind: str
    description: str
    list_price: Money
    tier_prices: dict[str, Money]  # member tier -> unit price
    colours: list[str]  # first appearance by variant id, so the order never jumps
    sizes: list[str]  # natural size order (core.catalog.size_rank, then text)
    variants: dict[tuple[str, str], int]  # (colour, size) -> variant id


class StockLevel(StrEnum):
    NONE = "none"
    LOW = "low"
    OK = "ok"


@dataclass(frozen=True, slots=True)
class StockCell:
    variant_id: int
    on_hand: int  # the server's figure minus `held`, never below 0
    held: int  # held by queued orders and by open reservations and transfers
    level: StockLevel


@dataclass(frozen=True, slots=True)
class StockMatrix:
    """One store's stock of a style; a (colour, size) key is missing when no such variant exists."""

    store_id: int
    colours: list[str]
    sizes: list[str]
    cells: dict[tuple[str, str], StockCell]
    as_of: datetime | None  # when this store's stock scope was last synced


@dataclass(frozen=True, slots=True)
class NearbyStock:
    store_id: int
    code: str
    name: str
    distance_km: float
    on_hand: int  # as in StockCell: the server's figure minus holds, never below 0
    opening_hours: str
    as_of: datetime | None


class CatalogReader:
    def __init__(
        self, cache: Cache, outbox: Outbox, *, low_stock: int = 2, holds: Holds | None = None
    ) -> None:
        """`low_stock`: up to this many left shows as LOW ("last ones"), above it as OK.

        `holds`: take open reservations and transfers off the figures too.
        """
        if low_stock < 1:
            raise ValueError("low_stock must be at least 1")
        self._cache = cache
        self._outbox = outbox
        self._low_stock = low_stock
        self._holds = holds

    # -- finding variants ---------------------------------------------------

    def search(self, text: str, *, limit: int, offset: int = 0) -> list[int]:
        """Variant ids for what was typed; a scanned or typed barcode's variant comes first.

        Only barcode-shaped input (8, 12 or 13 digits with a valid check
        digit) takes the second path, and it matches a handful of rows, so
        reading the first `offset + limit` of them to page consistently is cheap.
        """
        hit = self._barcode_hit(text)
        if hit is None:
            return self._cache.search_variants(text, limit=limit, offset=offset)
        rest = self._cache.search_variants(text, limit=offset + limit, offset=0)
        ranked = [hit, *(v for v in rest if v != hit)]
        return ranked[offset : offset + limit]

    def count(self, text: str, *, cap: int = 1000) -> int:
        """How many results `search` pages through, counting no further than `cap`."""
        found = self._cache.count_matches(text, cap=cap)
        hit = self._barcode_hit(text)
        if hit is not None and not self._search_contains(text, hit):
            found += 1  # a 12-digit UPC-A is stored as EAN-13: the word search misses it
        return min(found, cap)

    def by_barcode(self, scanned: str) -> VariantRow | None:
        """The variant of a scanned tag; None for a misread, a typo or an unknown code."""
        variant_id = self._barcode_hit(scanned)
        if variant_id is None:
            return None
        return self.variant_rows([variant_id]).get(variant_id)

    def variant_rows(self, variant_ids: Sequence[int]) -> dict[int, VariantRow]:
        """Rows for the given ids in one query; ids the cache does not hold are left out."""
        if not variant_ids:
            return {}
        payload = json.dumps([int(v) for v in variant_ids])

        def query(conn: sqlite3.Connection) -> dict[int, VariantRow]:
            currency = _currency(conn)
            return {
                r[0]: VariantRow(
                    variant_id=r[0],
                    style_id=r[1],
                    style_code=r[2],
                    name=r[3],
                    colour=r[4],
                    size=r[5],
                    sku=r[6],
                    barcode=r[7],
                    list_price=Money(r[8], currency),
                    category=r[9],
                )
                for r in conn.execute(_VARIANT_ROWS_SQL, (payload,))
            }

        return self._cache.read(query)

    def store_names(self) -> dict[int, str]:
        """Every cached store's name by id."""
        return self._cache.read(
            lambda conn: {int(i): str(n) for i, n in conn.execute("SELECT id, name FROM store")}
        )

    def _barcode_hit(self, text: str) -> int | None:
        try:
            code = parse_barcode(text)
        except BarcodeError:
            return None
        return self._cache.variant_by_barcode(code)

    def _search_contains(self, text: str, variant_id: int) -> bool:
        match = fts_query(text)
        if match is None:
            return False
        row = self._cache.read(
            lambda c: c.execute(
                "SELECT 1 FROM variant_search WHERE variant_search MATCH ? AND rowid = ?",
                (match, variant_id),
            ).fetchone()
        )
        return row is not None

    # -- a style and its stock ----------------------------------------------

    def style(self, style_id: int) -> StyleDetail | None:
        def query(conn: sqlite3.Connection) -> StyleDetail | None:
            row = conn.execute(
                "SELECT code, name, category, kind, description, list_price FROM style "
                "WHERE id = ?",
                (style_id,),
            ).fetchone()
            if row is None:
                return None
            currency = _currency(conn)
            tiers = conn.execute(
                "SELECT tier, amount FROM price WHERE style_id = ? ORDER BY tier", (style_id,)
            ).fetchall()
            colours, sizes, variants = _grid(_active_variants(conn, style_id))
            return StyleDetail(
                style_id=style_id,
                code=row[0],
                name=row[1],
                category=row[2],
                kind=row[3],
                description=row[4] or "",
                list_price=Money(row[5], currency),
                tier_prices={tier: Money(amount, currency) for tier, amount in tiers},
                colours=colours,
                sizes=sizes,
                variants=variants,
            )

        return self._cache.read(query)

    def stock_matrix(self, style_id: int, store_id: int) -> StockMatrix:
        """The style's grid at one store; an unknown style gives an empty grid."""

        def query(conn: sqlite3.Connection) -> list[Any]:
            return conn.execute(
                "SELECT v.id, v.colour, v.size, k.on_hand FROM variant v "
                "LEFT JOIN stock k ON k.store_id = ? AND k.variant_id = v.id "
                "WHERE v.style_id = ? AND v.active ORDER BY v.id",
                (store_id, style_id),
            ).fetchall()

        rows = self._cache.read(query)
        colours, sizes, variants = _grid([(r[0], r[1], r[2]) for r in rows])
        figures = {r[0]: r[3] or 0 for r in rows}  # no row: the server never had one
        held = self.held(store_id, list(figures))
        cells = {
            key: self.cell(variant_id, figures[variant_id], held.get(variant_id, 0))
            for key, variant_id in variants.items()
        }
        return StockMatrix(
            store_id=store_id,
            colours=colours,
            sizes=sizes,
            cells=cells,
            as_of=self._cache.synced_at(f"stock:{store_id}"),
        )

    def held(self, store_id: int, variant_ids: Sequence[int]) -> dict[int, int]:
        """Units per variant this tablet knows to be held at a store: queued sales, holds."""
        held = self._outbox.holds(store_id, variant_ids)
        if self._holds is not None:
            for (_, variant_id), quantity in self._holds.open_holds(
                [store_id], variant_ids
            ).items():
                held[variant_id] = held.get(variant_id, 0) + quantity
        return held

    def cell(self, variant_id: int, figure: int, held: int) -> StockCell:
        """A cell from the shelf figure and what is held of it, with its level."""
        on_hand = max(0, figure - held)
        if on_hand == 0:
            level = StockLevel.NONE
        elif on_hand <= self._low_stock:
            level = StockLevel.LOW
        else:
            level = StockLevel.OK
        return StockCell(variant_id=variant_id, on_hand=on_hand, held=held, level=level)

    def nearby_stock(self, variant_id: int, from_store_id: int) -> list[NearbyStock]:
        """Every other cached store with a figure for the variant, nearest first.

        Stores with none left are included (the UI decides whether to show
        "0 at Nanshan"); without the home store's coordinates there is no
        "near", so the answer is empty. The query walks the store list and
        looks each store's figure up by its key (CROSS JOIN fixes that
        order), because stock has no index by variant alone.
        """

        def query(conn: sqlite3.Connection) -> tuple[Any, list[Any]]:
            home = conn.execute(
                "SELECT latitude, longitude FROM store WHERE id = ?", (from_store_id,)
            ).fetchone()
            others = conn.execute(
                "SELECT s.id, s.code, s.name, s.latitude, s.longitude, s.opening_hours, "
                "k.on_hand, st.synced_at "
                "FROM store s CROSS JOIN stock k ON k.store_id = s.id AND k.variant_id = ? "
                "LEFT JOIN sync_state st ON st.scope = 'stock:' || s.id "
                "WHERE s.id != ?",
                (variant_id, from_store_id),
            ).fetchall()
            return home, others

        home, others = self._cache.read(query)
        if home is None:
            return []
        origin = GeoPoint(home[0], home[1])
        found = []
        for store_id, code, name, lat, lon, hours, figure, synced in others:
            held = self.held(store_id, [variant_id]).get(variant_id, 0)
            found.append(
                NearbyStock(
                    store_id=store_id,
                    code=code,
                    name=name,
                    distance_km=distance_km(origin, GeoPoint(lat, lon)),
                    on_hand=max(0, figure - held),
                    opening_hours=hours or "",
                    as_of=datetime.fromisoformat(synced) if synced else None,
                )
            )
        found.sort(key=lambda s: (s.distance_km, s.store_id))
        return found

    # -- prices ---------------------------------------------------------------

    def member_prices(self, style_ids: Sequence[int], tier: str) -> dict[int, Money]:
        """Unit price per style for a member tier; styles without one for it are left out."""
        if not style_ids:
            return {}
        payload = json.dumps([int(s) for s in style_ids])

        def query(conn: sqlite3.Connection) -> dict[int, Money]:
            currency = _currency(conn)
            return {
                style_id: Money(amount, currency)
                for style_id, amount in conn.execute(
                    "SELECT style_id, amount FROM price WHERE tier = ? "
                    "AND style_id IN (SELECT value FROM json_each(?))",
                    (tier, payload),
                )
            }

        return self._cache.read(query)

    def currency(self) -> str:
        """The brand's currency; CNY until the config scope has arrived."""
        return self._cache.read(_currency)


def _currency(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT currency FROM brand ORDER BY id LIMIT 1").fetchone()
    return str(row[0]) if row and row[0] else DEFAULT_CURRENCY


def _active_variants(conn: sqlite3.Connection, style_id: int) -> list[tuple[int, str, str]]:
    rows = conn.execute(
        "SELECT id, colour, size FROM variant WHERE style_id = ? AND active ORDER BY id",
        (style_id,),
    ).fetchall()
    return [(r[0], r[1], r[2]) for r in rows]


def _grid(
    variants: Sequence[tuple[int, str, str]],
) -> tuple[list[str], list[str], dict[tuple[str, str], int]]:
    """Colours in first-seen order, sizes in size order, and the id at each crossing.

    `variants` come in id order, so colours keep the order they were created
    in; sizes sort by `size_sort_key` rather than the cached `size_rank`, so
    the grid is right whatever the server ranked.
    """
    colours = list(dict.fromkeys(colour for _, colour, _ in variants))
    sizes = sorted({size for _, _, size in variants}, key=size_sort_key)
    return colours, sizes, {(colour, size): vid for vid, colour, size in variants}
