"""The manager's reports for a store: JSON for the tablet's charts, CSV (`?format=csv`) for Excel.

Managers read their own store; admins name one with `store_id`. Guides are
refused: these are the store's figures, commission included.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from shopguide.core.money import Money
from shopguide.server.api.deps import MAX_ID, CurrentUser, Principal, SessionDep
from shopguide.server.api.export import csv_response
from shopguide.server.models import Role, Store
from shopguide.server.services import manager
from shopguide.server.services.errors import NotFound

router = APIRouter(prefix="/manager", tags=["manager"])

StoreQuery = Annotated[
    int | None, Query(ge=1, le=MAX_ID, description="admins: the store; managers: their own")
]
Format = Annotated[Literal["json", "csv"], Query(description="csv: a download for Excel")]
FromDate = Annotated[
    date | None, Query(alias="from", description="first day, in the store's time zone")
]
ToDate = Annotated[date | None, Query(alias="to", description="last day, included")]
_CSV: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {}}},
    403: {},
    404: {},
    422: {},
}


def _store_for(user: Principal, session: SessionDep, asked: int | None) -> Store:
    user.require_role(Role.MANAGER)
    store_id = manager.visible_store(user.role, user.store_id, asked)
    store = session.get(Store, store_id)
    if store is None:
        raise NotFound(f"no store with id {store_id}")
    return store


def _days(store: Store, first: date | None, last: date | None, days: int) -> tuple[date, date]:
    default_first, default_last = manager.default_days(store, days)
    last = last or default_last
    return first or min(default_first, last), last


@router.get("/low-stock", response_model=manager.LowStock, responses=_CSV)
def low_stock(
    user: CurrentUser,
    session: SessionDep,
    store_id: StoreQuery = None,
    threshold: Annotated[int, Query(ge=0, le=50, description="this many or fewer left")] = 1,
    period_days: Annotated[int, Query(ge=1, le=366, description="sales counted")] = 28,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 500,
    format: Format = "json",
) -> manager.LowStock | Response:
    """Variants with `threshold` or fewer left to sell after holds, best sellers first."""
    store = _store_for(user, session, store_id)
    report = manager.low_stock(
        session, store.id or 0, threshold=threshold, period_days=period_days, limit=limit
    )
    if format == "json":
        return report
    return csv_response(
        (
            "style_code",
            "style_name",
            "colour",
            "size",
            "on_hand",
            "held",
            "available",
            f"sold_{period_days}d",
            "variant_id",
        ),
        (
            (
                r.style_code,
                r.style_name,
                r.colour,
                r.size,
                r.on_hand,
                r.held,
                r.available,
                r.sold,
                r.variant_id,
            )
            for r in report.items
        ),
        filename=f"low-stock-{store.code}.csv",
    )


@router.get("/restock", response_model=manager.Restock, responses=_CSV)
def restock(
    user: CurrentUser,
    session: SessionDep,
    store_id: StoreQuery = None,
    period_days: Annotated[int, Query(ge=1, le=366, description="sales and lost demand")] = 28,
    cover_weeks: Annotated[int, Query(ge=1, le=26, description="stock wanted for")] = 4,
    limit: Annotated[int, Query(ge=1, le=5000, description="styles")] = 200,
    format: Format = "json",
) -> manager.Restock | Response:
    """What to order per style and size from the period's sales and lost demand."""
    store = _store_for(user, session, store_id)
    report = manager.restock(
        session, store.id or 0, period_days=period_days, cover_weeks=cover_weeks, limit=limit
    )
    if format == "json":
        return report
    return csv_response(
        (
            "style_code",
            "style_name",
            "size",
            "sold",
            "lost",
            "have",
            "on_the_way",
            "target",
            "suggest",
            "explanation",
        ),
        (
            (
                style.style_code,
                style.style_name,
                size.size,
                size.sold,
                size.lost,
                size.have,
                size.on_the_way,
                size.target,
                size.suggest,
                size.text,
            )
            for style in report.styles
            for size in style.sizes
        ),
        filename=f"restock-{store.code}.csv",
    )


@router.get("/lost-demand", response_model=manager.LostDemandReport, responses=_CSV)
def lost_demand(
    user: CurrentUser,
    session: SessionDep,
    store_id: StoreQuery = None,
    first: FromDate = None,
    last: ToDate = None,
    format: Format = "json",
) -> manager.LostDemandReport | Response:
    """What customers asked for and the store did not have; default the last 28 days."""
    store = _store_for(user, session, store_id)
    since, until = manager.day_range(store, *_days(store, first, last, 28))
    report = manager.lost_demand(session, store.id or 0, since=since, until=until)
    if format == "json":
        return report
    return csv_response(
        (
            "style_code",
            "style_name",
            "size",
            "count",
            "manual",
            "reservation",
            "transfer",
            "last_at",
        ),
        (
            (
                r.style_code,
                r.style_name,
                r.size,
                r.count,
                r.manual,
                r.reservation,
                r.transfer,
                r.last_at.isoformat(),
            )
            for r in report.items
        ),
        filename=f"lost-demand-{store.code}.csv",
    )


@router.get("/guides", response_model=manager.GuidesReport, responses=_CSV)
def guides(
    user: CurrentUser,
    session: SessionDep,
    store_id: StoreQuery = None,
    first: FromDate = None,
    last: ToDate = None,
    format: Format = "json",
) -> manager.GuidesReport | Response:
    """Each guide's sales and commission (minor units); default this month so far."""
    store = _store_for(user, session, store_id)
    today = manager.default_days(store, 1)[1]
    period = (first or min(today.replace(day=1), last or today), last or today)
    since, until = manager.day_range(store, *period)
    report = manager.guides(session, store.id or 0, since=since, until=until)
    if format == "json":
        return report
    return csv_response(
        ("guide_id", "name", "role", "orders", "units", "sales", "commission", "currency"),
        (
            (
                g.guide_id,
                g.name,
                g.role,
                g.orders,
                g.units,
                _decimal(g.sales, report.currency),
                _decimal(g.commission, report.currency),
                report.currency,
            )
            for g in report.guides
        ),
        filename=f"guides-{store.code}-{period[0]:%Y%m%d}-{period[1]:%Y%m%d}.csv",
    )


def _decimal(minor: int, currency: str) -> str:
    """Minor units as the decimal a spreadsheet sums ("1234.50"); JSON keeps the integer."""
    return Money(minor, currency).amount_text()
