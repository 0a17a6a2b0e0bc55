"""The sandbox wallet: the page a phone opens from the sandbox QR, with Pay and Decline.

It stands in for a wallet app in the demo and in the end-to-end tests (a
real headless browser presses its buttons). Everything shown comes from the
server's records and is HTML-escaped; the reference in the address is
checked (signature, expiry) before anything is read.
"""

from __future__ import annotations

import hashlib
import html
import secrets

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse
from sqlmodel import Session

from shopguide.core.ids import short_order_id
from shopguide.core.money import Money
from shopguide.server.models import Brand, Order, Payment, Store
from shopguide.server.payments import service
from shopguide.server.payments.references import BadReference, read_reference
from shopguide.server.web_page import page

router = APIRouter(prefix="/pay", include_in_schema=False)

_CSS = """
.merchant { font-size: 18px; color: #4a5462; }
.amount { font-size: 40px; font-weight: 700; margin: 12px 0; }
.meta { color: #4a5462; font-size: 14px; }
button { width: 100%; min-height: 52px; border-radius: 12px; border: none;
          font-size: 18px; font-weight: 600; margin-top: 12px; }
#pay { background: #1f8f4e; color: #fff; }
#decline { background: #fff; color: #8a1c1c; border: 1px solid #e5b5b5; }
.status { font-size: 22px; font-weight: 700; }
"""


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    return page(title, body, css=_CSS, status=status)


def _problem(message: str, status: int) -> HTMLResponse:
    return _page(
        "ShopGuide Pay", f'<p class="status" id="status">{html.escape(message)}</p>', status
    )


def _load(request: Request, reference: str) -> tuple[Session, Payment] | HTMLResponse:
    settings = request.app.state.settings
    try:
        payment_id = read_reference(settings.secret_key, reference, allow_expired=True)
    except BadReference as exc:
        return _problem(str(exc), 404)
    session = Session(request.app.state.engine, expire_on_commit=False)
    payment = session.get(Payment, payment_id)
    if (
        payment is None
        or payment.provider != "sandbox"
        or "sandbox" not in request.app.state.providers
        or not secrets.compare_digest(payment.reference, reference)
    ):
        session.close()
        return _problem("this payment code was not issued here", 404)
    return session, payment


@router.get("/{reference}", response_class=HTMLResponse)
def wallet_page(reference: str, request: Request) -> HTMLResponse:
    loaded = _load(request, reference)
    if isinstance(loaded, HTMLResponse):
        return loaded
    session, payment = loaded
    with session:
        order = session.get(Order, payment.order_id)
        store = session.get(Store, order.store_id) if order else None
        brand = session.get(Brand, store.brand_id) if store else None
        status = service.statuses(session, [payment.id or 0]).get(payment.id or 0, "")
    merchant = " · ".join(
        x for x in (brand.name if brand else "", store.name if store else "") if x
    )
    amount = Money(payment.amount, payment.currency).format()
    details = (
        f'<div class="merchant" id="merchant">{html.escape(merchant)}</div>'
        f'<div class="amount" id="amount">{html.escape(amount)}</div>'
        f'<div class="meta">Order {html.escape(short_order_id(payment.order_id))} · '
        f"valid until {payment.expires_at:%H:%M:%S} UTC</div>"
    )
    if status != service.PENDING:
        return _page(
            "ShopGuide Pay",
            details + f'<p class="status" id="status">{html.escape(_said(status))}</p>',
        )
    ref = html.escape(reference)
    form = (
        f'<form method="post" action="/pay/{ref}/pay"><button id="pay">Pay</button></form>'
        f'<form method="post" action="/pay/{ref}/decline">'
        '<button id="decline">Decline</button></form>'
    )
    return _page("ShopGuide Pay", details + form)


@router.post("/{reference}/pay", response_class=HTMLResponse)
def pay(reference: str, request: Request) -> HTMLResponse:
    loaded = _load(request, reference)
    if isinstance(loaded, HTMLResponse):
        return loaded
    session, payment = loaded
    with session:
        # One wallet payment per code: pressing Pay again repeats it, not a second charge.
        provider_ref = "sandbox-" + hashlib.sha256(reference.encode()).hexdigest()[:24]
        settled = service.settle_paid(session, payment.id or 0, provider_ref=provider_ref)
    if settled.status == service.PAID and not settled.needs_refund:
        return _page("Paid", '<p class="status" id="status">Paid. Thank you!</p>')
    return _problem("This code is no longer valid. Your money will be refunded.", 409)


@router.post("/{reference}/decline", response_class=HTMLResponse)
def decline(
    reference: str,
    request: Request,
    reason: str = Form(default="declined in the wallet", max_length=200),
) -> HTMLResponse:
    loaded = _load(request, reference)
    if isinstance(loaded, HTMLResponse):
        return loaded
    session, payment = loaded
    with session:
        service.settle_declined(session, payment.id or 0, reason=reason)
    return _page("Declined", '<p class="status" id="status">Payment declined.</p>')


def _said(status: str) -> str:
    return {
        service.PAID: "Already paid. Thank you!",
        service.EXPIRED: "This code has expired. Ask for a new one.",
        service.CANCELLED: "This payment was cancelled.",
        service.FAILED: "This payment was declined.",
        service.REFUNDED: "This payment was refunded.",
    }.get(status, status)
