"""A style's stock in this store and the stores near it: "which shop near here has it in 42?".

Online the server answers for every store that carries the style, with what
is held for reservations and transfers already taken off (`available`), so
a guide can search the whole brand. Offline the tablet answers from its cache
for the stores whose stock it follows (this one and the nearest ones), each
with the age of its figures, and takes off the holds it knows. Either way
this store comes first, then the others nearest first, and every store's
grid has the style's colours and sizes in the same order, so the eye can run
down one column.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from shopguide.client.api import ApiClient, ApiError, OfflineError
from shopguide.client.cache import Cache
from shopguide.client.catalog import CatalogReader, StockCell, StyleDetail
from shopguide.core.geo import GeoPoint, distance_km


@dataclass(frozen=True, slots=True)
class StoreStock:
    """One store's grid of the style, with what a guide sending a customer there needs."""

    store_id: int
    name: str
    distance_km: float | None  # None when a store's position is unknown
    opening_hours: str
    as_of: datetime | None  # when the figures were read (online) or last synced (offline)
    cells: dict[tuple[str, str], StockCell]  # (colour, size); missing: no such variant or row
    here: bool  # the tablet's own store


@dataclass(frozen=True, slots=True)
class StyleStock:
    style: StyleDetail
    stores: list[StoreStock]  # this store first, then nearest first
    online: bool  # the server answered; else the cache's nearby stores


class StockLookup:
    def __init__(
        self, *, api: ApiClient | None, cache: Cache, reader: CatalogReader, store_id: int
    ) -> None:
        self._api = api
        self._cache = cache
        self._reader = reader
        self._store_id = store_id

    def style_stock(self, style_id: int) -> StyleStock | None:
        """The style everywhere the tablet can see; None when the catalog does not have it."""
        style = self._reader.style(style_id)
        if style is None:
            return None
        if self._api is not None:
            try:
                answer = self._api.get(f"/stock/styles/{style_id}", {"near": self._store_id})
            except OfflineError:
                pass
            except ApiError as exc:
                if exc.status != 404:  # 404: the server has no stock rows for it yet
                    raise
            else:
                return StyleStock(style, self._online(style, answer), online=True)
        return StyleStock(style, self._offline(style), online=False)

    def _online(self, style: StyleDetail, answer: Sequence[Mapping[str, Any]]) -> list[StoreStock]:
        variant_ids = list(style.variants.values())
        stores = []
        for entry in answer:
            store_id = int(entry["store_id"])
            # Sales and requests still queued here are not in the server's figures yet.
            local = self._reader.held(store_id, variant_ids)
            by_variant = {int(c["variant_id"]): c for c in entry["cells"]}
            cells = {}
            for key, variant_id in style.variants.items():
                cell = by_variant.get(variant_id)
                if cell is not None:
                    held = int(cell["held"]) + local.get(variant_id, 0)
                    cells[key] = self._reader.cell(variant_id, int(cell["on_hand"]), held)
            distance = entry.get("distance_km")
            stores.append(
                StoreStock(
                    store_id=store_id,
                    name=str(entry["store_name"]),
                    distance_km=None if distance is None else float(distance),
                    opening_hours=str(entry.get("opening_hours") or ""),
                    as_of=datetime.fromisoformat(str(entry["as_of"])),
                    cells=cells,
                    here=store_id == self._store_id,
                )
            )
        if not any(s.here for s in stores):
            stores += [s for s in self._offline(style) if s.here]  # no rows on the server yet
        return _ordered(stores)

    def _offline(self, style: StyleDetail) -> list[StoreStock]:
        def query(conn: sqlite3.Connection) -> list[Any]:
            return conn.execute(
                "SELECT s.id, s.name, s.latitude, s.longitude, s.opening_hours, st.synced_at "
                "FROM store s JOIN sync_state st ON st.scope = 'stock:' || s.id"
            ).fetchall()

        rows = self._cache.read(query)
        home = next((r for r in rows if r[0] == self._store_id), None)
        origin = GeoPoint(home[2], home[3]) if home is not None else None
        stores = []
        for store_id, name, lat, lon, hours, synced in rows:
            matrix = self._reader.stock_matrix(style.style_id, store_id)
            stores.append(
                StoreStock(
                    store_id=store_id,
                    name=name,
                    distance_km=None if origin is None else distance_km(origin, GeoPoint(lat, lon)),
                    opening_hours=hours or "",
                    as_of=matrix.as_of or (datetime.fromisoformat(synced) if synced else None),
                    cells=matrix.cells,
                    here=store_id == self._store_id,
                )
            )
        return _ordered(stores)


def _ordered(stores: list[StoreStock]) -> list[StoreStock]:
    """This store first, then by distance (unknown last), then by id for a stable order."""
    far = float("inf")
    return sorted(
        stores,
        key=lambda s: (not s.here, far if s.distance_km is None else s.distance_km, s.store_id),
    )
