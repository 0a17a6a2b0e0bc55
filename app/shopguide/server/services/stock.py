"""Stock reads across stores (nearest first) and a store's own physical counts.

Figures across stores carry what is held for customers and other stores
(`shopguide.server.services.holds`), so a guide sees what can still be
promised, not only what is on the shelf.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from shopguide.core.geo import GeoPoint, distance_km
from shopguide.server.models import StockLevel, Store, Variant
from shopguide.server.models.stock import (
    NearbyStock,
    StockAtStore,
    StockCount,
    StyleStockAtStore,
    StyleStockCell,
)
from shopguide.server.models.types import utcnow
from shopguide.server.services import audit, holds
from shopguide.server.services.errors import NotFound


def _store_or_404(session: Session, store_id: int) -> Store:
    store = session.get(Store, store_id)
    if store is None:
        raise NotFound(f"no store with id {store_id}")
    return store


def _distance(origin: Store | None, store: Store) -> float | None:
    if origin is None:
        return None
    return round(
        distance_km(
            GeoPoint(origin.latitude, origin.longitude), GeoPoint(store.latitude, store.longitude)
        ),
        2,
    )


def stock_for_variant(
    session: Session, *, variant_id: int, origin_store_id: int | None, limit: int
) -> list[NearbyStock]:
    """Every store's figure for one variant, nearest to the origin store first.

    Three indexed reads whatever the size of the catalog: the variant, its
    stock rows (one per store), and the holds on it.
    """
    if session.get(Variant, variant_id) is None:
        raise NotFound(f"no variant with id {variant_id}")
    origin = _store_or_404(session, origin_store_id) if origin_store_id else None
    now = utcnow()
    rows = session.exec(
        select(StockLevel, Store)
        .join(Store, col(Store.id) == StockLevel.store_id)
        .where(StockLevel.variant_id == variant_id)
    ).all()
    held = {
        store_id: units
        for (store_id, _), units in holds.held_everywhere(session, [variant_id], now).items()
    }
    result = [
        NearbyStock(
            store_id=store.id or 0,
            store_code=store.code,
            store_name=store.name,
            variant_id=variant_id,
            on_hand=level.on_hand,
            updated_at=level.updated_at,
            distance_km=_distance(origin, store),
            held=held.get(store.id or 0, 0),
            available=max(0, level.on_hand - held.get(store.id or 0, 0)),
            opening_hours=store.opening_hours,
            as_of=now,
        )
        for level, store in rows
    ]
    result.sort(key=lambda s: (s.distance_km if s.distance_km is not None else 0.0, s.store_id))
    return result[:limit]


def stock_for_style(
    session: Session, *, style_id: int, origin_store_id: int | None, limit: int
) -> list[StyleStockAtStore]:
    """A style's stock in every store that carries it, nearest to the origin store first."""
    variants = {
        v.id or 0: v
        for v in session.exec(
            select(Variant)
            .where(Variant.style_id == style_id, col(Variant.active))
            .order_by(col(Variant.id))
        ).all()
    }
    if not variants:
        raise NotFound(f"no style with id {style_id}")
    origin = _store_or_404(session, origin_store_id) if origin_store_id else None
    now = utcnow()
    levels = session.exec(select(StockLevel).where(col(StockLevel.variant_id).in_(variants))).all()
    by_store: dict[int, list[StockLevel]] = {}
    for level in levels:
        by_store.setdefault(level.store_id, []).append(level)
    stores = session.exec(select(Store).where(col(Store.id).in_(by_store))).all()
    held = holds.held_everywhere(session, list(variants), now)
    answer = []
    for store in stores:
        assert store.id is not None
        cells = [
            StyleStockCell(
                variant_id=level.variant_id,
                colour=variants[level.variant_id].colour,
                size=variants[level.variant_id].size,
                on_hand=level.on_hand,
                held=held.get((store.id, level.variant_id), 0),
                available=max(0, level.on_hand - held.get((store.id, level.variant_id), 0)),
            )
            for level in sorted(
                by_store[store.id],
                key=lambda lv: (
                    variants[lv.variant_id].colour,
                    variants[lv.variant_id].size_rank,
                    lv.variant_id,
                ),
            )
        ]
        answer.append(
            StyleStockAtStore(
                store_id=store.id,
                store_code=store.code,
                store_name=store.name,
                distance_km=_distance(origin, store),
                opening_hours=store.opening_hours,
                as_of=now,
                cells=cells,
            )
        )
    answer.sort(key=lambda s: (s.distance_km if s.distance_km is not None else 0.0, s.store_id))
    return answer[:limit]


def stock_for_style_at_store(
    session: Session, *, store_id: int, style_id: int
) -> list[StockAtStore]:
    store = _store_or_404(session, store_id)
    rows = session.exec(
        select(Variant.id, StockLevel.on_hand, StockLevel.updated_at)
        .join(
            StockLevel,
            (col(StockLevel.variant_id) == Variant.id) & (col(StockLevel.store_id) == store_id),
            isouter=True,
        )
        .where(Variant.style_id == style_id)
        .order_by(col(Variant.colour), col(Variant.size_rank))
    ).all()
    if not rows:
        raise NotFound(f"no style with id {style_id}")
    return [
        StockAtStore(
            store_id=store_id,
            store_code=store.code,
            store_name=store.name,
            variant_id=variant_id or 0,
            on_hand=on_hand or 0,
            updated_at=updated_at or utcnow(),
        )
        for variant_id, on_hand, updated_at in rows
    ]


def record_count(
    session: Session, *, store_id: int, count: StockCount, user_id: int, address: str
) -> StockAtStore:
    store = _store_or_404(session, store_id)
    if session.get(Variant, count.variant_id) is None:
        raise NotFound(f"no variant with id {count.variant_id}")
    level = session.get(StockLevel, (store_id, count.variant_id))
    before = level.on_hand if level else 0
    if level is None:
        level = StockLevel(store_id=store_id, variant_id=count.variant_id, on_hand=0)
    level.on_hand = count.counted
    level.updated_at = utcnow()
    session.add(level)
    audit.record(
        session,
        action=f"stock.{count.reason}",
        entity="stock",
        entity_id=f"{store_id}:{count.variant_id}",
        user_id=user_id,
        store_id=store_id,
        address=address,
        detail={"before": before, "after": count.counted},
    )
    session.commit()
    return StockAtStore(
        store_id=store_id,
        store_code=store.code,
        store_name=store.name,
        variant_id=count.variant_id,
        on_hand=level.on_hand,
        updated_at=level.updated_at,
    )
