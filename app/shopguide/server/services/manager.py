"""The store manager's view: low stock by size, restock suggestions, lost demand, and each
guide's sales and commission.

A sale here is an order of the store with money taken for it (a payment
paid, recorded by the guide, or an offline QR awaiting its acquirer): the
same test the points ledger uses. A refunded payment stops counting, so a
refunded sale drops out of the figures. Sales count where they were sold,
whichever store's shelf the goods came from.

Each report costs a handful of grouped queries whatever the size of the
store: sales, lost demand, stock and holds are each read once per report
and put together here. Periods given as dates are whole days in the
store's own time zone.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from pydantic import BaseModel
from sqlalchemy import ColumnElement, exists, func
from sqlmodel import Session, col, select

from shopguide.core import restock as rules
from shopguide.core.catalog import size_sort_key
from shopguide.server.models import (
    Brand,
    LostDemand,
    Order,
    OrderLine,
    Payment,
    Role,
    SplitEntry,
    StockLevel,
    Store,
    Style,
    Transfer,
    User,
    Variant,
)
from shopguide.server.models.holds import (
    ACCEPTED,
    FROM_RESERVATION,
    FROM_TRANSFER,
    MANUAL,
    SHIPPED,
)
from shopguide.server.models.types import utcnow
from shopguide.server.payments import service as payments
from shopguide.server.services import holds
from shopguide.server.services.errors import Forbidden, NotFound, Unprocessable

SOLD_PAYMENTS = (payments.PAID, payments.RECORDED_OFFLINE, payments.UNVERIFIED)
MAX_PERIOD_DAYS = 366


# ----------------------------------------------------------------------------- shapes


class LowStockRow(BaseModel):
    variant_id: int
    style_id: int
    style_code: str
    style_name: str
    colour: str
    size: str
    on_hand: int
    held: int
    available: int
    sold: int  # in the period, to tell a fast seller from a slow one


class LowStock(BaseModel):
    store_id: int
    as_of: datetime
    threshold: int
    period_days: int
    items: list[LowStockRow]  # best sellers first, then by style, colour and size


class ReasonPublic(BaseModel):
    kind: str  # a `shopguide.core.restock.ReasonKind`: a message key for translation
    params: dict[str, int | str]
    text: str


class RestockSize(BaseModel):
    size: str
    sold: int
    lost: int
    have: int
    on_the_way: int
    target: int
    suggest: int
    reasons: list[ReasonPublic]
    text: str  # "sold 14 in 42 in 4 weeks, have 1, suggest 10"


class RestockStyle(BaseModel):
    style_id: int
    style_code: str
    style_name: str
    suggest: int  # the sizes' suggestions added up
    sizes: list[RestockSize]  # in size order


class Restock(BaseModel):
    store_id: int
    as_of: datetime
    period_days: int
    cover_weeks: int
    styles: list[RestockStyle]  # most to order first


class LostDemandRow(BaseModel):
    style_id: int
    style_code: str
    style_name: str
    size: str
    count: int
    manual: int  # tapped by a guide
    reservation: int  # a reservation at another store was made instead
    transfer: int  # a transfer was asked for instead
    last_at: datetime


class LostDemandReport(BaseModel):
    store_id: int
    since: datetime
    until: datetime
    total: int
    items: list[LostDemandRow]  # most asked first


class GuideFigures(BaseModel):
    guide_id: int
    name: str
    role: str
    orders: int
    units: int
    sales: int  # minor units: the net of the guide's lines
    commission: int  # minor units: the guide's split entries, refunds taken off


class GuidesReport(BaseModel):
    store_id: int
    since: datetime
    until: datetime
    currency: str
    guides: list[GuideFigures]  # highest sales first


# ----------------------------------------------------------------------------- access


def visible_store(role: Role, own_store_id: int | None, asked: int | None) -> int:
    """The store whose figures the caller may read: managers their own, admins the one they name."""
    if role is Role.ADMIN:
        if asked is None:
            raise Unprocessable("admins name the store: add ?store_id=")
        return asked
    if own_store_id is None or (asked is not None and asked != own_store_id):
        raise Forbidden("managers see their own store's figures only")
    return own_store_id


def _store(session: Session, store_id: int) -> Store:
    store = session.get(Store, store_id)
    if store is None:
        raise NotFound(f"no store with id {store_id}")
    return store


def day_range(store: Store, first: date, last: date) -> tuple[datetime, datetime]:
    """From the start of `first` to the end of `last`, in the store's time zone, as UTC."""
    if last < first:
        raise Unprocessable("the period ends before it starts")
    if (last - first).days >= MAX_PERIOD_DAYS:
        raise Unprocessable(f"a period is at most {MAX_PERIOD_DAYS} days")
    zone = ZoneInfo(store.timezone)
    since = datetime.combine(first, time.min, zone)
    until = datetime.combine(last + timedelta(days=1), time.min, zone)
    return since, until


def default_days(store: Store, days: int, now: datetime | None = None) -> tuple[date, date]:
    """The last `days` days up to today, in the store's time zone."""
    today = (now or utcnow()).astimezone(ZoneInfo(store.timezone)).date()
    return today - timedelta(days=days - 1), today


# ----------------------------------------------------------------------------- queries


def _sold(store_id: int, since: datetime, until: datetime) -> list[ColumnElement[bool]]:
    """The conditions on Order for a sale of the store in [since, until)."""
    paid = exists().where(col(Payment.order_id) == Order.id, col(Payment.status).in_(SOLD_PAYMENTS))
    return [
        col(Order.store_id) == store_id,
        col(Order.created_at) >= since,
        col(Order.created_at) < until,
        paid,
    ]


def _sold_by_variant(
    session: Session, store_id: int, since: datetime, until: datetime
) -> dict[int, int]:
    rows = session.exec(
        select(OrderLine.variant_id, func.sum(OrderLine.quantity))
        .join(Order, col(Order.id) == OrderLine.order_id)
        .where(*_sold(store_id, since, until))
        .group_by(col(OrderLine.variant_id))
    ).all()
    return {int(v): int(q or 0) for v, q in rows}


# ----------------------------------------------------------------------------- low stock


def low_stock(
    session: Session,
    store_id: int,
    *,
    threshold: int,
    period_days: int,
    limit: int,
    now: datetime | None = None,
) -> LowStock:
    """Variants the store carries with `threshold` or fewer left to sell (after holds)."""
    _store(session, store_id)
    now = now or utcnow()
    held = holds.held(session, store_id, None, now)
    candidates = session.exec(
        select(StockLevel.on_hand, Variant, Style.code, Style.name)
        .join(Variant, col(Variant.id) == StockLevel.variant_id)
        .join(Style, col(Style.id) == Variant.style_id)
        .where(
            StockLevel.store_id == store_id,
            col(Variant.active),
            (col(StockLevel.on_hand) <= threshold) | col(StockLevel.variant_id).in_(held),
        )
    ).all()
    sold = _sold_by_variant(session, store_id, now - timedelta(days=period_days), now)
    rows = []
    ranks: dict[int, int] = {}
    for on_hand, variant, code, name in candidates:
        variant_id = variant.id or 0
        ranks[variant_id] = variant.size_rank
        promised = held.get(variant_id, 0)
        available = max(0, on_hand - promised)
        if available > threshold:
            continue
        rows.append(
            LowStockRow(
                variant_id=variant_id,
                style_id=variant.style_id,
                style_code=code,
                style_name=name,
                colour=variant.colour,
                size=variant.size,
                on_hand=on_hand,
                held=promised,
                available=available,
                sold=sold.get(variant_id, 0),
            )
        )
    rows.sort(key=lambda r: (-r.sold, r.style_code, r.colour, ranks[r.variant_id], r.size))
    return LowStock(
        store_id=store_id,
        as_of=now,
        threshold=threshold,
        period_days=period_days,
        items=rows[:limit],
    )


# ----------------------------------------------------------------------------- restock


def restock(
    session: Session,
    store_id: int,
    *,
    period_days: int,
    cover_weeks: int,
    limit: int,
    now: datetime | None = None,
) -> Restock:
    """What to order per style and size, from the period's sales and lost demand.

    Every style the store sold or was asked for in the period is looked at,
    with all its sizes (so the curve is whole, "no sales in 46" included);
    colours are added up per size. Styles with the most to order come first.
    """
    _store(session, store_id)
    now = now or utcnow()
    since = now - timedelta(days=period_days)
    sold: dict[tuple[int, str], int] = {}
    for style_id, size, units in session.exec(
        select(Variant.style_id, Variant.size, func.sum(OrderLine.quantity))
        .join(OrderLine, col(OrderLine.variant_id) == Variant.id)
        .join(Order, col(Order.id) == OrderLine.order_id)
        .where(*_sold(store_id, since, now))
        .group_by(col(Variant.style_id), col(Variant.size))
    ).all():
        sold[(style_id, size)] = int(units or 0)
    lost: dict[tuple[int, str], int] = {}
    for style_id, size, count in session.exec(
        select(LostDemand.style_id, LostDemand.size, func.count())
        .where(
            LostDemand.store_id == store_id,
            col(LostDemand.at) >= since,
            col(LostDemand.at) < now,
        )
        .group_by(col(LostDemand.style_id), col(LostDemand.size))
    ).all():
        lost[(style_id, size)] = int(count)
    style_ids = sorted({style for style, _ in sold} | {style for style, _ in lost})
    if not style_ids:
        return Restock(
            store_id=store_id,
            as_of=now,
            period_days=period_days,
            cover_weeks=cover_weeks,
            styles=[],
        )
    variants = session.exec(
        select(Variant.id, Variant.style_id, Variant.size, Variant.active).where(
            col(Variant.style_id).in_(style_ids)
        )
    ).all()
    on_hand = dict(
        session.exec(
            select(StockLevel.variant_id, StockLevel.on_hand)
            .join(Variant, col(Variant.id) == StockLevel.variant_id)
            .where(StockLevel.store_id == store_id, col(Variant.style_id).in_(style_ids))
        ).all()
    )
    held = holds.held(session, store_id, None, now)
    coming = _on_the_way(session, store_id)
    have: dict[tuple[int, str], int] = {}
    on_the_way: dict[tuple[int, str], int] = {}
    sizes: dict[int, set[str]] = {}
    for found_id, style_id, size, active in variants:
        variant_id = found_id or 0
        key = (style_id, size)
        if active or key in sold or key in lost:
            sizes.setdefault(style_id, set()).add(size)
        have[key] = have.get(key, 0) + max(0, on_hand.get(variant_id, 0) - held.get(variant_id, 0))
        on_the_way[key] = on_the_way.get(key, 0) + coming.get(variant_id, 0)
    for style_id, size in (*sold, *lost):
        sizes.setdefault(style_id, set()).add(size)
    names = {
        style.id: style
        for style in session.exec(select(Style).where(col(Style.id).in_(style_ids))).all()
    }
    answer = []
    for style_id in style_ids:
        suggestions = rules.suggest_style(
            [
                rules.SizeHistory(
                    size=size,
                    sold=sold.get((style_id, size), 0),
                    lost=lost.get((style_id, size), 0),
                    have=have.get((style_id, size), 0),
                    on_the_way=on_the_way.get((style_id, size), 0),
                )
                for size in sizes[style_id]
            ],
            period_days=period_days,
            cover_days=cover_weeks * 7,
        )
        style = names[style_id]
        answer.append(
            RestockStyle(
                style_id=style_id,
                style_code=style.code,
                style_name=style.name,
                suggest=sum(s.quantity for s in suggestions),
                sizes=[_size_public(s) for s in suggestions],
            )
        )
    answer.sort(key=lambda s: (-s.suggest, -sum(z.sold for z in s.sizes), s.style_code))
    return Restock(
        store_id=store_id,
        as_of=now,
        period_days=period_days,
        cover_weeks=cover_weeks,
        styles=answer[:limit],
    )


def _on_the_way(session: Session, store_id: int) -> dict[int, int]:
    """Units per variant sent to the store's shelf: accepted or shipped, not for an order."""
    rows = session.exec(
        select(Transfer.variant_id, func.sum(Transfer.quantity))
        .where(
            Transfer.to_store_id == store_id,
            col(Transfer.status).in_((ACCEPTED, SHIPPED)),
            col(Transfer.order_id).is_(None),
            Transfer.ship_to_address == "",
        )
        .group_by(col(Transfer.variant_id))
    ).all()
    return {int(v): int(q or 0) for v, q in rows}


def _size_public(suggestion: rules.Suggestion) -> RestockSize:
    return RestockSize(
        size=suggestion.size,
        sold=suggestion.sold,
        lost=suggestion.lost,
        have=suggestion.have,
        on_the_way=suggestion.on_the_way,
        target=suggestion.target,
        suggest=suggestion.quantity,
        reasons=[
            ReasonPublic(kind=r.kind.value, params=dict(r.params), text=r.text)
            for r in suggestion.reasons
        ],
        text=suggestion.text,
    )


# ----------------------------------------------------------------------------- lost demand


def lost_demand(
    session: Session, store_id: int, *, since: datetime, until: datetime
) -> LostDemandReport:
    """What customers asked for and the store did not have, per style and size."""
    _store(session, store_id)
    in_period = (
        col(LostDemand.store_id) == store_id,
        col(LostDemand.at) >= since,
        col(LostDemand.at) < until,
    )
    counts: dict[tuple[int, str], dict[str, int]] = {}
    for style_id, size, source, count in session.exec(
        select(LostDemand.style_id, LostDemand.size, LostDemand.source, func.count())
        .where(*in_period)
        .group_by(col(LostDemand.style_id), col(LostDemand.size), col(LostDemand.source))
    ).all():
        counts.setdefault((style_id, size), {})[source] = int(count)
    last = {
        (style_id, size): at
        for style_id, size, at in session.exec(
            select(LostDemand.style_id, LostDemand.size, func.max(LostDemand.at))
            .where(*in_period)
            .group_by(col(LostDemand.style_id), col(LostDemand.size))
        ).all()
    }
    styles = {
        style.id: style
        for style in session.exec(
            select(Style).where(col(Style.id).in_({style for style, _ in counts}))
        ).all()
    }
    items = [
        LostDemandRow(
            style_id=style_id,
            style_code=styles[style_id].code,
            style_name=styles[style_id].name,
            size=size,
            count=sum(by_source.values()),
            manual=by_source.get(MANUAL, 0),
            reservation=by_source.get(FROM_RESERVATION, 0),
            transfer=by_source.get(FROM_TRANSFER, 0),
            last_at=last[(style_id, size)],
        )
        for (style_id, size), by_source in counts.items()
    ]
    items.sort(key=lambda r: (-r.count, r.style_code, size_sort_key(r.size)))
    return LostDemandReport(
        store_id=store_id,
        since=since,
        until=until,
        total=sum(r.count for r in items),
        items=items,
    )


# ----------------------------------------------------------------------------- guides


def guides(session: Session, store_id: int, *, since: datetime, until: datetime) -> GuidesReport:
    """Each guide's sales (their lines of the store's sales) and commission (split entries)."""
    store = _store(session, store_id)
    brand = session.get(Brand, store.brand_id)
    sales: dict[int, tuple[int, int, int]] = {}
    for guide_id, orders, units, net in session.exec(
        select(
            OrderLine.guide_id,
            func.count(func.distinct(OrderLine.order_id)),
            func.sum(OrderLine.quantity),
            func.sum(OrderLine.net),
        )
        .join(Order, col(Order.id) == OrderLine.order_id)
        .where(*_sold(store_id, since, until))
        .group_by(col(OrderLine.guide_id))
    ).all():
        sales[guide_id] = (int(orders), int(units or 0), int(net or 0))
    commission: dict[int, int] = {}
    for party_id, amount in session.exec(
        select(SplitEntry.party_id, func.sum(SplitEntry.amount))
        .where(
            SplitEntry.store_id == store_id,
            SplitEntry.party == "guide",
            col(SplitEntry.at) >= since,
            col(SplitEntry.at) < until,
        )
        .group_by(col(SplitEntry.party_id))
    ).all():
        if party_id is not None:
            commission[party_id] = int(amount or 0)
    staff = session.exec(
        select(User).where(
            (col(User.store_id) == store_id)
            & col(User.role).in_((Role.GUIDE.value, Role.MANAGER.value))
            | col(User.id).in_(set(sales) | set(commission))
        )
    ).all()
    figures = [
        GuideFigures(
            guide_id=user.id or 0,
            name=user.full_name,
            role=str(user.role),
            orders=sales.get(user.id or 0, (0, 0, 0))[0],
            units=sales.get(user.id or 0, (0, 0, 0))[1],
            sales=sales.get(user.id or 0, (0, 0, 0))[2],
            commission=commission.get(user.id or 0, 0),
        )
        for user in staff
    ]
    figures.sort(key=lambda g: (-g.sales, -g.commission, g.name, g.guide_id))
    return GuidesReport(
        store_id=store_id,
        since=since,
        until=until,
        currency=brand.currency if brand else "",
        guides=figures,
    )
