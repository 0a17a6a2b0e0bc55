"""Catalog reads: style search, style detail with variants and tier prices, barcode lookup."""

from __future__ import annotations

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from shopguide.core.barcode import BarcodeError, parse_barcode
from shopguide.server.models import Price, Style, Variant
from shopguide.server.models.catalog import (
    PricePublic,
    StyleDetail,
    StylePublic,
    VariantPublic,
)
from shopguide.server.services.errors import NotFound, Unprocessable


def _like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_styles(
    session: Session, *, query: str, category: str | None, limit: int, offset: int
) -> tuple[int, list[StylePublic]]:
    """Match name or style code anywhere, or a variant's SKU or barcode exactly."""
    stmt = select(Style)
    text = query.strip()
    if text:
        pattern = _like_pattern(text.lower())
        by_variant = select(Variant.style_id).where(
            or_(col(Variant.sku) == text.upper(), col(Variant.barcode) == text)
        )
        stmt = stmt.where(
            or_(
                func.lower(Style.name).like(pattern, escape="\\"),
                func.lower(Style.code).like(pattern, escape="\\"),
                col(Style.id).in_(by_variant),
            )
        )
    if category:
        stmt = stmt.where(Style.category == category)
    total = session.exec(select(func.count()).select_from(stmt.subquery())).one()
    rows = session.exec(
        stmt.order_by(col(Style.name), col(Style.id)).offset(offset).limit(limit)
    ).all()
    return total, [StylePublic.model_validate(r) for r in rows]


def style_detail(session: Session, style_id: int) -> StyleDetail:
    style = session.get(Style, style_id)
    if style is None:
        raise NotFound(f"no style with id {style_id}")
    variants = session.exec(
        select(Variant)
        .where(Variant.style_id == style_id)
        .order_by(col(Variant.colour), col(Variant.size_rank))
    ).all()
    prices = session.exec(select(Price).where(Price.style_id == style_id)).all()
    return StyleDetail(
        **StylePublic.model_validate(style).model_dump(),
        variants=[VariantPublic.model_validate(v) for v in variants],
        tier_prices=[PricePublic(tier=p.tier, amount=p.amount) for p in prices],
    )


def variant_by_id(session: Session, variant_id: int) -> VariantPublic:
    variant = session.get(Variant, variant_id)
    if variant is None:
        raise NotFound(f"no variant with id {variant_id}")
    return VariantPublic.model_validate(variant)


def variant_by_barcode(session: Session, barcode: str) -> VariantPublic:
    variant = session.exec(select(Variant).where(Variant.barcode == barcode)).first()
    if variant is None:
        raise NotFound(f"no product with barcode {barcode}")
    return VariantPublic.model_validate(variant)


def categories(session: Session) -> list[str]:
    return list(session.exec(select(Style.category).distinct().order_by(Style.category)).all())


def parse_scanned(text: str) -> str:
    """Normalise what a scanner typed; a malformed code is a 422 with the reason."""
    try:
        return parse_barcode(text)
    except BarcodeError as exc:
        raise Unprocessable(str(exc)) from exc
