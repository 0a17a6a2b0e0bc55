"""Payment intents: create one for an order, follow it, and settle it from the provider's word.

At most one live intent per order: a second tablet, or a second tap on Pay,
gets the same intent back while it is pending. An intent's fate is decided
only by the provider (paid, declined) or the clock (expired) or the guide
(cancelled); a payment that arrives for an expired or cancelled intent is
kept and flagged for refund, never dropped.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from pydantic import BaseModel
from sqlmodel import Session, col, select

from shopguide.server.config import Settings
from shopguide.server.db import write_transaction
from shopguide.server.models import Order, Payment, Role
from shopguide.server.models.types import utcnow
from shopguide.server.payments.providers import PROVIDERS
from shopguide.server.payments.references import make_reference
from shopguide.server.services import audit
from shopguide.server.services.errors import Conflict, Forbidden, NotFound, Unprocessable

PENDING, PAID, FAILED, EXPIRED, CANCELLED, REFUNDED = (
    "pending",
    "paid",
    "failed",
    "expired",
    "cancelled",
    "refunded",
)
FINAL = frozenset({PAID, FAILED, EXPIRED, CANCELLED, REFUNDED})


class PaymentPublic(BaseModel):
    id: int
    order_id: str
    provider: str
    amount: int
    currency: str
    status: str
    qr_content: str
    expires_at: datetime
    paid_at: datetime | None
    failure_reason: str | None
    needs_refund: bool


def public(payment: Payment) -> PaymentPublic:
    return PaymentPublic.model_validate(payment, from_attributes=True)


def _touch(session: Session, payment: Payment, **changes: object) -> None:
    for name, value in changes.items():
        setattr(payment, name, value)
    payment.updated_at = utcnow()
    session.add(payment)


def _expire_if_due(session: Session, payment: Payment) -> None:
    if payment.status == PENDING and payment.expires_at <= utcnow():
        _touch(session, payment, status=EXPIRED)


def _order_for(session: Session, order_id: str, store_id: int | None, role: Role) -> Order:
    order = session.get(Order, order_id, with_for_update=True, populate_existing=True)
    if order is None:
        raise NotFound(f"no order {order_id}; push it first")
    if role is not Role.ADMIN and order.store_id != store_id:
        raise Forbidden("this order belongs to another store")
    return order


def create_intent(
    session: Session,
    settings: Settings,
    *,
    order_id: str,
    provider: str,
    user_id: int,
    store_id: int | None,
    role: Role,
    base_url: str,
) -> Payment:
    if provider not in PROVIDERS:
        raise Unprocessable(f"unknown payment provider {provider!r}")
    write_transaction(session)
    order = _order_for(session, order_id, store_id, role)
    if order.status == PAID:
        raise Conflict("this order is already paid")
    live = session.exec(
        select(Payment)
        .where(Payment.order_id == order_id, Payment.status == PENDING)
        .order_by(col(Payment.id).desc())
    ).first()
    if live is not None:
        _expire_if_due(session, live)
        if live.status == PENDING:
            session.commit()
            return live
    expires_at = utcnow() + timedelta(seconds=settings.payment_expiry_seconds)
    payment = Payment(
        order_id=order_id,
        provider=provider,
        amount=order.total,
        currency=order.currency,
        status=PENDING,
        reference=f"pending-{order_id}-{utcnow().timestamp()}",
        expires_at=expires_at,
    )
    session.add(payment)
    session.flush()
    assert payment.id is not None
    payment.reference = make_reference(settings.secret_key, payment.id, expires_at)
    payment.qr_content = PROVIDERS[provider].qr_content(
        payment, reference=payment.reference, base_url=settings.public_url or base_url
    )
    session.add(payment)
    audit.record(
        session,
        action="payment.create",
        entity="payment",
        entity_id=payment.id,
        user_id=user_id,
        store_id=order.store_id,
        detail={"order": order_id, "amount": order.total, "provider": provider},
    )
    session.commit()
    return payment


def get(session: Session, payment_id: int, *, store_id: int | None, role: Role) -> Payment:
    payment = session.get(Payment, payment_id)
    if payment is None:
        raise NotFound(f"no payment {payment_id}")
    order = session.get(Order, payment.order_id)
    if order is None or (role is not Role.ADMIN and order.store_id != store_id):
        raise Forbidden("this payment belongs to another store")
    if payment.status == PENDING and payment.expires_at <= utcnow():
        _expire_if_due(session, payment)
        session.commit()
    return payment


def cancel(
    session: Session, payment_id: int, *, user_id: int, store_id: int | None, role: Role
) -> Payment:
    write_transaction(session)
    payment = get(session, payment_id, store_id=store_id, role=role)
    session.refresh(payment, with_for_update=True)
    if payment.status == PAID:
        raise Conflict("already paid: a manager can refund it")
    if payment.status == PENDING:
        _touch(session, payment, status=CANCELLED)
        audit.record(
            session,
            action="payment.cancel",
            entity="payment",
            entity_id=payment_id,
            user_id=user_id,
            store_id=store_id,
        )
    session.commit()
    return payment


def refund(
    session: Session, payment_id: int, *, user_id: int, store_id: int | None, role: Role
) -> Payment:
    if role not in (Role.MANAGER, Role.ADMIN):
        raise Forbidden("only a manager can refund")
    write_transaction(session)
    payment = get(session, payment_id, store_id=store_id, role=role)
    if payment.status != PAID:
        raise Conflict(f"only a paid payment can be refunded; this one is {payment.status}")
    _touch(session, payment, status=REFUNDED)
    order = session.get(Order, payment.order_id)
    if order is not None:
        order.status = REFUNDED
        session.add(order)
    audit.record(
        session,
        action="payment.refund",
        entity="payment",
        entity_id=payment_id,
        user_id=user_id,
        store_id=store_id,
        detail={"amount": payment.amount},
    )
    session.commit()
    return payment


def settle_paid(session: Session, payment_id: int, *, provider_ref: str) -> Payment:
    """The provider says the money arrived. Repeats change nothing; late money is flagged."""
    write_transaction(session)
    payment = session.get(Payment, payment_id, with_for_update=True, populate_existing=True)
    if payment is None:
        raise NotFound(f"no payment {payment_id}")
    _expire_if_due(session, payment)
    if payment.provider_ref == provider_ref:
        session.commit()
        return payment
    if payment.status == PENDING:
        _touch(session, payment, status=PAID, provider_ref=provider_ref, paid_at=utcnow())
        order = session.get(Order, payment.order_id, with_for_update=True)
        if order is not None:
            order.status = PAID
            session.add(order)
    else:
        reason = (
            "paid after the code expired or was cancelled: refund it"
            if payment.status != PAID
            else "paid twice: refund the second payment"
        )
        _touch(
            session,
            payment,
            needs_refund=True,
            failure_reason=reason,
            provider_ref=payment.provider_ref or provider_ref,
            paid_at=payment.paid_at or utcnow(),
        )
    audit.record(
        session,
        action="payment.settled",
        entity="payment",
        entity_id=payment_id,
        user_id=None,
        detail={
            "provider_ref": provider_ref,
            "status": payment.status,
            "needs_refund": payment.needs_refund,
        },
    )
    session.commit()
    return payment


def settle_declined(session: Session, payment_id: int, *, reason: str) -> Payment:
    write_transaction(session)
    payment = session.get(Payment, payment_id, with_for_update=True, populate_existing=True)
    if payment is None:
        raise NotFound(f"no payment {payment_id}")
    _expire_if_due(session, payment)
    if payment.status == PENDING:
        _touch(session, payment, status=FAILED, failure_reason=reason[:200])
    session.commit()
    return payment


def statuses(session: Session, payment_ids: list[int]) -> dict[int, str]:
    rows = session.exec(
        select(Payment.id, Payment.status, Payment.expires_at).where(
            col(Payment.id).in_(payment_ids)
        )
    ).all()
    now = utcnow()
    return {
        int(pid or 0): EXPIRED if status == PENDING and expires <= now else status
        for pid, status, expires in rows
    }
