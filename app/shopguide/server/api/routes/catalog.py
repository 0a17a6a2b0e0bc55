"""Catalog search and detail."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from shopguide.server.api.deps import CurrentUser, IdPath, SessionDep
from shopguide.server.models.catalog import StyleDetail, StylePublic, VariantPublic
from shopguide.server.models.text import NoControlCharacters
from shopguide.server.services import catalog as catalog_service

router = APIRouter(prefix="/catalog", tags=["catalog"])


class StylePage(BaseModel):
    total: int
    items: list[StylePublic]


@router.get("/styles")
def search_styles(
    _user: CurrentUser,
    session: SessionDep,
    q: Annotated[str, Query(max_length=100), NoControlCharacters] = "",
    category: Annotated[str | None, Query(max_length=64), NoControlCharacters] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> StylePage:
    total, items = catalog_service.search_styles(
        session, query=q, category=category, limit=limit, offset=offset
    )
    return StylePage(total=total, items=items)


@router.get("/categories")
def list_categories(_user: CurrentUser, session: SessionDep) -> list[str]:
    return catalog_service.categories(session)


@router.get("/styles/{style_id}", responses={404: {}})
def get_style(style_id: IdPath, _user: CurrentUser, session: SessionDep) -> StyleDetail:
    return catalog_service.style_detail(session, style_id)


@router.get("/variants/{variant_id}", responses={404: {}})
def get_variant(variant_id: IdPath, _user: CurrentUser, session: SessionDep) -> VariantPublic:
    return catalog_service.variant_by_id(session, variant_id)


@router.get("/barcodes/{barcode}", responses={404: {}, 422: {}})
def get_by_barcode(barcode: str, _user: CurrentUser, session: SessionDep) -> VariantPublic:
    return catalog_service.variant_by_barcode(session, catalog_service.parse_scanned(barcode))
