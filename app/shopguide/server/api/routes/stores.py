"""Stores of the brand, optionally nearest first from one of them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from shopguide.server.api.deps import MAX_ID, CurrentUser, IdPath, SessionDep
from shopguide.server.models.stores import StorePublic
from shopguide.server.services import stores as stores_service

router = APIRouter(prefix="/stores", tags=["stores"])


@router.get("", responses={404: {"description": "no store with the `near` id"}})
def list_stores(
    _user: CurrentUser,
    session: SessionDep,
    near: Annotated[int | None, Query(ge=1, le=MAX_ID, description="store id")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[StorePublic]:
    return stores_service.list_stores(session, near=near, limit=limit)


@router.get("/{store_id}", responses={404: {}})
def get_store(store_id: IdPath, _user: CurrentUser, session: SessionDep) -> StorePublic:
    return stores_service.get_store(session, store_id)
