"""Store listing, nearest first when asked."""

from __future__ import annotations

from sqlmodel import Session, select

from shopguide.core.geo import GeoPoint, nearest
from shopguide.server.models import Store
from shopguide.server.models.stores import StorePublic
from shopguide.server.services.errors import NotFound


def get_store(session: Session, store_id: int) -> StorePublic:
    store = session.get(Store, store_id)
    if store is None:
        raise NotFound(f"no store with id {store_id}")
    return StorePublic.model_validate(store)


def list_stores(session: Session, *, near: int | None, limit: int) -> list[StorePublic]:
    stores = session.exec(select(Store).order_by(Store.code)).all()
    if near is None:
        return [StorePublic.model_validate(s) for s in stores[:limit]]
    origin = get_store(session, near)
    by_id = {s.id: s for s in stores}
    ranked = nearest(
        GeoPoint(origin.latitude, origin.longitude),
        ((s.id or 0, GeoPoint(s.latitude, s.longitude)) for s in stores),
        limit,
    )
    return [
        StorePublic.model_validate(by_id[store_id]).model_copy(update={"distance_km": round(km, 2)})
        for store_id, km in ranked
    ]
