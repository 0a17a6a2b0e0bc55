"""Payment intents: create one for an order, follow it, and settle it from the provider's word.

At most one live intent per order: a second tablet, or a second tap on Pay,
gets the same intent back while it is pending. An intent's fate is decided
only by the provider (paid, declined) or the clock (expired) or the guide
(cancelled); a payment that arrives for an expired or cancelled intent is
kept and flagged for refund, never dropped.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Mapping
from datetime import datetime, timedelta

from pydantic import BaseModel
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from shopguide.core.ids import short_order_id
from shopguide.server.config import Settings
from shopguide.server.db import write_transaction
from shopguide.server.models import (
    Brand,
    MerchantAccount,
    Order,
    Payment,
    PaymentNotice,
    Role,
    Store,
)
from shopguide.server.models.types import utcnow
from shopguide.server.payments.providers import IntentContext, Notice, Provider, ProviderError
from shopguide.server.payments.references import make_reference
from shopguide.server.services import audit, loyalty, revenue_split
from shopguide.server.services.errors import (
    BadGateway,
    Conflict,
    Forbidden,
    NotFound,
    Unprocessable,
)

PENDING, PAID, FAILED, EXPIRED, CANCELLED, REFUNDED = (
    "pending",
    "paid",
    "failed",
    "expired",
    "cancelled",
    "refunded",
)
RECORDED_OFFLINE = "recorded_offline"  # cash or a card terminal, on the guide's word
UNVERIFIED = "unverified"  # an offline EMV QR the acquirer has not confirmed yet
FINAL = frozenset({PAID, FAILED, EXPIRED, CANCELLED, REFUNDED})
# An intent still without its QR after this was cut off while starting (a provider answers
# within 13 s: the Alipay gateway's connect and read timeouts).
STARTING_GRACE = timedelta(seconds=20)


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
    providers: Mapping[str, Provider],
    *,
    order_id: str,
    provider: str,
    user_id: int,
    store_id: int | None,
    role: Role,
    base_url: str,
) -> Payment:
    """The order's live intent, or a new one with its QR from the provider.

    The provider is asked outside the database transaction (a gateway may take
    seconds); until it answers the intent has no QR, and a second tablet asking
    meanwhile is told to try again rather than shown a blank code.
    """
    if provider not in providers:
        offered = ", ".join(sorted(providers))
        raise Unprocessable(
            f"payment provider {provider!r} is not offered here; offered: {offered}"
        )
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
        if live.status == PENDING and live.provider == provider:
            if not live.qr_content and live.created_at <= utcnow() - STARTING_GRACE:
                # Its start was cut off (the server or the database stopped before the
                # QR was saved): nobody can be shown it, so it gives way to a new one.
                _touch(session, live, status=CANCELLED, failure_reason="abandoned while starting")
            else:
                session.commit()
                if not live.qr_content:
                    raise Conflict("this payment is being started on another tablet; try again")
                return live
        if live.status == PENDING:
            _touch(session, live, status=CANCELLED, failure_reason=f"replaced by {provider}")
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
    context = _context(session, order, payment, provider, settings.public_url or base_url)
    session.commit()
    try:
        qr_content = providers[provider].start(payment, context)
    except ProviderError as exc:
        write_transaction(session)
        session.refresh(payment, with_for_update=True)
        _touch(session, payment, status=FAILED, failure_reason=str(exc)[:200])
        session.commit()
        raise BadGateway(str(exc)) from exc
    write_transaction(session)
    session.refresh(payment, with_for_update=True)
    _touch(session, payment, qr_content=qr_content)
    session.commit()
    return payment


def _context(
    session: Session, order: Order, payment: Payment, provider: str, base_url: str
) -> IntentContext:
    store = session.get(Store, order.store_id)
    assert store is not None
    brand = session.get(Brand, store.brand_id)
    return IntentContext(
        reference=payment.reference,
        base_url=base_url,
        store=store,
        account=session.get(MerchantAccount, (store.id, provider)),
        subject=f"{brand.name if brand else ''} {store.name} {short_order_id(order.id)}".strip(),
    )


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
    session: Session,
    providers: Mapping[str, Provider],
    payment_id: int,
    *,
    user_id: int,
    store_id: int | None,
    role: Role,
) -> Payment:
    """Cancelled here first, then closed at the provider; money that still comes is flagged."""
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
        provider = providers.get(payment.provider)
        if provider is not None:
            with contextlib.suppress(ProviderError):
                provider.cancel(payment)
    session.commit()
    return payment


def refund(
    session: Session,
    providers: Mapping[str, Provider],
    payment_id: int,
    *,
    user_id: int,
    store_id: int | None,
    role: Role,
) -> Payment:
    """The provider gives the money back first; only then is the payment marked refunded."""
    if role not in (Role.MANAGER, Role.ADMIN):
        raise Forbidden("only a manager can refund")
    payment = get(session, payment_id, store_id=store_id, role=role)
    if payment.status not in (PAID, RECORDED_OFFLINE):
        raise Conflict(f"only a paid payment can be refunded; this one is {payment.status}")
    provider = providers.get(payment.provider)
    session.commit()
    if provider is not None:
        try:
            provider.refund(payment)
        except ProviderError as exc:
            raise BadGateway(f"the provider refused the refund: {exc}") from exc
    write_transaction(session)
    session.refresh(payment, with_for_update=True)
    if payment.status == REFUNDED:
        session.commit()
        return payment
    _touch(session, payment, status=REFUNDED)
    order = session.get(Order, payment.order_id)
    if order is not None:
        order.status = REFUNDED
        session.add(order)
        loyalty.reverse_for_refund(session, order.id, user_id=user_id)
        revenue_split.reverse_order(session, order.id)
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
    _mark_paid(session, payment, provider_ref=provider_ref, amount=payment.amount)
    session.commit()
    return payment


def _mark_paid(session: Session, payment: Payment, *, provider_ref: str, amount: int) -> None:
    _expire_if_due(session, payment)
    if payment.provider_ref == provider_ref and payment.status != UNVERIFIED:
        return
    if amount != payment.amount:
        _touch(
            session,
            payment,
            needs_refund=True,
            failure_reason=f"paid {amount} instead of {payment.amount}: refund it",
            provider_ref=payment.provider_ref or provider_ref,
        )
    elif payment.status in (PENDING, UNVERIFIED) and not _order_paid_elsewhere(session, payment):
        _touch(session, payment, status=PAID, provider_ref=provider_ref, paid_at=utcnow())
        order = session.get(Order, payment.order_id, with_for_update=True)
        if order is not None:
            order.status = PAID
            session.add(order)
            loyalty.earn_for_order(session, order.id)
            revenue_split.split_order(session, order.id)
    else:
        reason = (
            "paid twice: refund the second payment"
            if payment.status in (PAID, PENDING, UNVERIFIED)
            else "paid after the code expired or was cancelled: refund it"
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
        entity_id=payment.id,
        user_id=None,
        detail={
            "provider_ref": provider_ref,
            "status": payment.status,
            "needs_refund": payment.needs_refund,
        },
    )


def _order_paid_elsewhere(session: Session, payment: Payment) -> bool:
    other = session.exec(
        select(Payment.id).where(
            Payment.order_id == payment.order_id,
            Payment.id != payment.id,
            col(Payment.status).in_((PAID, RECORDED_OFFLINE)),
        )
    ).first()
    return other is not None


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


def record_notice(session: Session, provider: str, notice: Notice) -> PaymentNotice:
    """Keep a verified notification once and apply it; a repeat changes nothing.

    A notice naming an intent settles it. A notice naming an order a tablet
    sold offline settles that order's unverified payment, or waits, matched
    to nothing, until the tablet pushes it (`claim_offline_notice`).
    """
    write_transaction(session)
    payment = _payment_for_notice(session, provider, notice)  # locked: repeats queue here
    seen = _seen_notice(session, provider, notice)
    if seen is not None:
        session.commit()
        return seen
    kept = PaymentNotice(
        provider=provider,
        reference=notice.reference,
        provider_ref=notice.provider_ref,
        outcome=notice.outcome,
        amount=notice.amount,
        currency=notice.currency,
        reason=notice.reason,
        payment_id=payment.id if payment else None,
    )
    session.add(kept)
    if payment is not None:
        _apply_notice(session, payment, notice)
    try:
        session.commit()
    except IntegrityError:
        # The same notice, sent twice at once, was kept by the other request first.
        session.rollback()
        seen = _seen_notice(session, provider, notice)
        if seen is None:
            raise
        return seen
    return kept


def _seen_notice(session: Session, provider: str, notice: Notice) -> PaymentNotice | None:
    return session.exec(
        select(PaymentNotice).where(
            PaymentNotice.provider == provider,
            PaymentNotice.provider_ref == notice.provider_ref,
            PaymentNotice.outcome == notice.outcome,
        )
    ).first()


def _payment_for_notice(session: Session, provider: str, notice: Notice) -> Payment | None:
    if notice.payment_id is not None:
        payment = session.get(
            Payment, notice.payment_id, with_for_update=True, populate_existing=True
        )
        if payment is None or payment.provider != provider:
            raise Unprocessable(f"no {provider} payment {notice.payment_id}")
        return payment
    return session.exec(
        select(Payment)
        .where(
            Payment.order_id == notice.order_id,
            Payment.reference == offline_reference(notice.reference),
        )
        .with_for_update()
    ).first()


def _apply_notice(session: Session, payment: Payment, notice: Notice) -> None:
    if notice.currency != payment.currency:
        _touch(session, payment, needs_refund=True, failure_reason="paid in another currency")
    elif notice.outcome == PAID:
        _mark_paid(session, payment, provider_ref=notice.provider_ref, amount=notice.amount)
    else:
        _expire_if_due(session, payment)
        if payment.status in (PENDING, UNVERIFIED):
            _touch(
                session, payment, status=FAILED, failure_reason=notice.reason[:200] or "declined"
            )


def offline_reference(bill_number: str) -> str:
    """The reference of a payment a tablet took with an EMV QR it built offline."""
    return f"offline:{bill_number}"


def claim_offline_notice(session: Session, payment: Payment, bill_number: str) -> None:
    """Apply notices that arrived for this offline sale before the tablet pushed it."""
    waiting = session.exec(
        select(PaymentNotice)
        .where(
            PaymentNotice.reference == bill_number,
            col(PaymentNotice.payment_id).is_(None),
        )
        .order_by(col(PaymentNotice.id))
    ).all()
    for kept in waiting:
        kept.payment_id = payment.id
        session.add(kept)
        _apply_notice(
            session,
            payment,
            Notice(
                reference=kept.reference,
                outcome="paid" if kept.outcome == PAID else "declined",
                provider_ref=kept.provider_ref,
                amount=kept.amount,
                currency=kept.currency,
                reason=kept.reason,
            ),
        )


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


log = logging.getLogger(__name__)
RECONCILE_SECONDS = 5.0
"""At most one question to a provider about one payment this often, per server process."""
_asked: dict[str, float] = {}
_asked_lock = threading.Lock()


def _query_due(reference: str) -> bool:
    now = time.monotonic()
    with _asked_lock:
        last = _asked.get(reference)
        if last is not None and now - last < RECONCILE_SECONDS:
            return False
        if len(_asked) >= 10_000:  # forget answered questions; a busy store has hundreds
            for old in [key for key, at in _asked.items() if now - at >= RECONCILE_SECONDS]:
                del _asked[old]
        _asked[reference] = now
        return True


def reconcile(session: Session, providers: Mapping[str, Provider], payment_id: int) -> bool:
    """Ask the provider about a pending payment, in case its notification went missing.

    A notification can be lost (the server was down, a proxy dropped it), so
    a tablet asking about a pending payment makes the server ask the provider
    too, at most every `RECONCILE_SECONDS`; its word is applied exactly as a
    notification's would be (`record_notice`), so the two never disagree or
    count twice. No transaction is held while the provider answers. True when
    something was recorded; a provider that cannot be reached changes nothing.
    """
    session.rollback()
    payment = session.get(Payment, payment_id, populate_existing=True)
    provider = providers.get(payment.provider) if payment is not None else None
    if (
        payment is None
        or provider is None
        or payment.status != PENDING
        or not payment.qr_content
        or not _query_due(payment.reference)
    ):
        session.rollback()
        return False
    snapshot = Payment(**payment.model_dump())  # read by the provider with no transaction open
    session.rollback()
    try:
        notice = provider.query(snapshot)
    except ProviderError as exc:
        log.warning("payment %s: asking %s failed: %s", payment_id, snapshot.provider, exc)
        return False
    if notice is None:
        return False
    if notice.payment_id != payment_id:
        log.error("payment %s: %s answered about another payment", payment_id, snapshot.provider)
        return False
    record_notice(session, snapshot.provider, notice)
    return True
