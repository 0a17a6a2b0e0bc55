"""Stock figures across stores (with what is held, nearest first), and a store's own counts
(its staff only)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from shopguide.server.api.deps import MAX_ID, CurrentUser, IdPath, SessionDep, client_address
from shopguide.server.models.stock import (
    NearbyStock,
    StockAtStore,
    StockCount,
    StyleStockAtStore,
)
from shopguide.server.services import stock as stock_service

router = APIRouter(tags=["stock"])


@router.get("/stock/variants/{variant_id}", responses={404: {}})
def stock_for_variant(
    variant_id: IdPath,
    user: CurrentUser,
    session: SessionDep,
    near: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="store id to sort by distance from")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> list[NearbyStock]:
    """Every store's figure for the variant, nearest to `near` (default: the caller's store)."""
    return stock_service.stock_for_variant(
        session, variant_id=variant_id, origin_store_id=near or user.store_id, limit=limit
    )


@router.get("/stock/styles/{style_id}", responses={404: {}})
def stock_for_style_everywhere(
    style_id: IdPath,
    user: CurrentUser,
    session: SessionDep,
    near: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="store id to sort by distance from")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> list[StyleStockAtStore]:
    """The style's colour x size stock in every store that carries it, nearest first."""
    return stock_service.stock_for_style(
        session, style_id=style_id, origin_store_id=near or user.store_id, limit=limit
    )


@router.get("/stores/{store_id}/stock/styles/{style_id}", responses={404: {}})
def stock_for_style(
    store_id: IdPath, style_id: IdPath, _user: CurrentUser, session: SessionDep
) -> list[StockAtStore]:
    return stock_service.stock_for_style_at_store(session, store_id=store_id, style_id=style_id)


@router.post("/stores/{store_id}/stock/counts", status_code=201, responses={403: {}, 404: {}})
def record_count(
    store_id: IdPath,
    body: StockCount,
    user: CurrentUser,
    session: SessionDep,
    request: Request,
) -> StockAtStore:
    user.require_store(store_id)
    return stock_service.record_count(
        session,
        store_id=store_id,
        count=body,
        user_id=user.user_id,
        address=client_address(request),
    )
