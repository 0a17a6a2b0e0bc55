"""A store's orders as the Orders screen reads them: newest first, each with its payment state.

A page costs the same few queries however many orders it holds (orders with
their guide and store, then item counts, then payments, each for the whole
page), so a long day of sales never turns into a query per row. Guides and
managers read their own store; admins any store.

An order's state is told by one payment: the one that paid it (or is being
confirmed, or was refunded), else the newest attempt. A payment flagged for
refund is named apart, because it is a task for the guide whatever else
happened to the order.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from pydantic import BaseModel
from sqlalchemy import and_, func, or_
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import Select

from shopguide.server.models import Order, OrderLine, Payment, Role, Store, Style, User, Variant
from shopguide.server.models.types import utcnow
from shopguide.server.payments import service as payments
from shopguide.server.services.errors import Forbidden, NotFound

MAX_PAGE = 100
# A payment with one of these statuses says what became of the order's money.
SETTLING = frozenset(
    {payments.PAID, payments.RECORDED_OFFLINE, payments.UNVERIFIED, payments.REFUNDED}
)
RECEIPT_STATUSES = frozenset({payments.PAID, payments.RECORDED_OFFLINE})


class PaymentBrief(BaseModel):
    id: int
    provider: str
    amount: int
    currency: str
    status: str
    failure_reason: str | None
    needs_refund: bool
    created_at: datetime
    paid_at: datetime | None


class OrderSummary(BaseModel):
    id: str
    store_id: int
    store_name: str
    created_at: datetime  # when the server recorded it: the listing's order
    placed_at: datetime  # when the tablet took the sale (it may have been offline)
    total: int
    currency: str
    status: str
    guide_name: str
    items: int
    payment: PaymentBrief | None
    refund_reason: str | None  # set while a payment flagged for refund is not refunded


class OrderPage(BaseModel):
    items: list[OrderSummary]
    next_before: str | None  # pass as `before` for the next, older page


class OrderLinePublic(BaseModel):
    line_no: int
    variant_id: int
    sku: str
    label: str
    quantity: int
    unit_price: int
    discount: int
    net: int


class OrderDetail(OrderSummary):
    lines: list[OrderLinePublic]
    payments: list[PaymentBrief]  # oldest first


def _visible_store(role: Role, own_store_id: int | None, asked: int | None) -> int | None:
    """The store whose orders the caller may list; None means every store (admins only)."""
    if role is Role.ADMIN:
        return asked
    if own_store_id is None or (asked is not None and asked != own_store_id):
        raise Forbidden("you can only see your own store's orders")
    return own_store_id


def list_orders(
    session: Session,
    *,
    role: Role,
    own_store_id: int | None,
    store_id: int | None,
    limit: int,
    before: str | None,
) -> OrderPage:
    """A page of orders newest first; `before` is the last order id of the previous page."""
    visible = _visible_store(role, own_store_id, store_id)
    stmt = _summary_query()
    if visible is not None:
        stmt = stmt.where(Order.store_id == visible)
    if before is not None:
        cursor = session.get(Order, before)
        if cursor is None or (visible is not None and cursor.store_id != visible):
            raise NotFound(f"no order {before} to page from")
        stmt = stmt.where(
            or_(
                col(Order.created_at) < cursor.created_at,
                and_(col(Order.created_at) == cursor.created_at, col(Order.id) < cursor.id),
            )
        )
    limit = max(1, min(limit, MAX_PAGE))
    rows = session.exec(
        stmt.order_by(col(Order.created_at).desc(), col(Order.id).desc()).limit(limit + 1)
    ).all()
    page = rows[:limit]
    summaries = _summaries(session, page)
    more = len(rows) > limit
    return OrderPage(items=summaries, next_before=summaries[-1].id if more else None)


def get_order(
    session: Session, order_id: str, *, role: Role, own_store_id: int | None
) -> OrderDetail:
    """One order with its lines and every payment, for its own store's staff or an admin."""
    detail = load_detail(session, order_id)
    if role is not Role.ADMIN and detail.store_id != own_store_id:
        raise Forbidden("this order belongs to another store")
    return detail


def load_detail(session: Session, order_id: str) -> OrderDetail:
    """The order whoever asks: callers check access (a staff login, or a receipt's signature)."""
    row = session.exec(_summary_query().where(Order.id == order_id)).first()
    if row is None:
        raise NotFound(f"no order {order_id}")
    [summary] = _summaries(session, [row])
    lines = session.exec(
        select(OrderLine, Variant, Style.name)
        .join(Variant, col(Variant.id) == OrderLine.variant_id)
        .join(Style, col(Style.id) == Variant.style_id)
        .where(OrderLine.order_id == order_id)
        .order_by(col(OrderLine.line_no))
    ).all()
    all_payments = session.exec(
        select(Payment).where(Payment.order_id == order_id).order_by(col(Payment.id))
    ).all()
    now = utcnow()
    return OrderDetail(
        **summary.model_dump(),
        lines=[
            OrderLinePublic(
                line_no=line.line_no,
                variant_id=line.variant_id,
                sku=variant.sku,
                label=f"{name} {variant.colour} {variant.size}",
                quantity=line.quantity,
                unit_price=line.unit_price,
                discount=line.discount,
                net=line.net,
            )
            for line, variant, name in lines
        ],
        payments=[_brief(p, now) for p in all_payments],
    )


def receipt_payment(detail: OrderDetail) -> PaymentBrief | None:
    """The payment a receipt can name: one that paid, or was recorded paid by the guide."""
    return next((p for p in reversed(detail.payments) if p.status in RECEIPT_STATUSES), None)


def _summary_query() -> Select[Order, str, str]:
    return (
        select(Order, User.full_name, Store.name)
        .join(User, col(User.id) == Order.guide_id)
        .join(Store, col(Store.id) == Order.store_id)
    )


def _summaries(session: Session, rows: Sequence[tuple[Order, str, str]]) -> list[OrderSummary]:
    ids = [order.id for order, _, _ in rows]
    if not ids:
        return []
    counts = dict(
        session.exec(
            select(OrderLine.order_id, func.sum(OrderLine.quantity))
            .where(col(OrderLine.order_id).in_(ids))
            .group_by(col(OrderLine.order_id))
        ).all()
    )
    by_order: dict[str, list[Payment]] = {}
    for payment in session.exec(
        select(Payment).where(col(Payment.order_id).in_(ids)).order_by(col(Payment.id))
    ).all():
        by_order.setdefault(payment.order_id, []).append(payment)
    now = utcnow()
    summaries = []
    for order, guide_name, store_name in rows:
        attempts = by_order.get(order.id, [])
        deciding = _deciding(attempts)
        refund = next(
            (p for p in attempts if p.needs_refund and p.status != payments.REFUNDED), None
        )
        summaries.append(
            OrderSummary(
                id=order.id,
                store_id=order.store_id,
                store_name=store_name,
                created_at=order.created_at,
                placed_at=order.client_created_at or order.created_at,
                total=order.total,
                currency=order.currency,
                status=order.status,
                guide_name=guide_name,
                items=int(counts.get(order.id) or 0),
                payment=_brief(deciding, now) if deciding else None,
                refund_reason=(refund.failure_reason or "refund it") if refund else None,
            )
        )
    return summaries


def _deciding(attempts: Sequence[Payment]) -> Payment | None:
    """The newest payment that settled the money, else the newest attempt (ids grow)."""
    settling = [p for p in attempts if p.status in SETTLING]
    candidates = settling or attempts
    return candidates[-1] if candidates else None


def _brief(payment: Payment, now: datetime) -> PaymentBrief:
    """As stored, except that a pending intent past its expiry reads as expired."""
    status = payment.status
    if status == payments.PENDING and payment.expires_at <= now:
        status = payments.EXPIRED
    return PaymentBrief(
        id=payment.id or 0,
        provider=payment.provider,
        amount=payment.amount,
        currency=payment.currency,
        status=status,
        failure_reason=payment.failure_reason,
        needs_refund=payment.needs_refund,
        created_at=payment.created_at,
        paid_at=payment.paid_at,
    )
