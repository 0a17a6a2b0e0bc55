"""The receipt a customer keeps: a signed address for a paid order, and the page it opens.

The tablet shows the address as a QR; the customer scans it and keeps the
page. The token names the order and is signed with the server's secret under
a key of its own (a payment reference can never pass for a receipt, nor the
other way round). It does not expire: a receipt is kept for returns and
warranty, long after the sale. The page shows what the server holds today,
so a refunded order reads as refunded, and it says "Paid" only for money the
server knows arrived (a wallet payment it heard of, or cash or a card terminal
the guide recorded) — never for a code still pending or an offline QR the
acquirer has not confirmed. Everything shown is HTML-escaped.
"""

from __future__ import annotations

import hashlib
import hmac
import html
import uuid
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlmodel import Session

from shopguide.core.ids import short_order_id
from shopguide.core.money import Money
from shopguide.server.models import Brand, Role, Store
from shopguide.server.payments import service as payments
from shopguide.server.services import orders
from shopguide.server.services.errors import Conflict, NotFound
from shopguide.server.web_page import page

router = APIRouter(prefix="/receipt", include_in_schema=False)

METHODS = {
    "sandbox": "Wallet",
    "emv": "QR payment",
    "alipay": "Alipay",
    "cash": "Cash",
    "card_terminal": "Card terminal",
}


class BadReceipt(ValueError):
    """Not a receipt token this server made."""


def make_receipt_token(secret: str, order_id: str) -> str:
    """The order's uuid as 32 hex digits, a dot, a signature: short enough for a small QR."""
    body = uuid.UUID(order_id).hex
    return f"{body}.{_sign(secret, body)}"


def read_receipt_token(secret: str, token: str) -> str:
    """The order id a genuine token names; BadReceipt otherwise."""
    body, _, signature = token.partition(".")
    if len(token) > 80 or len(body) != 32:
        raise BadReceipt("not a receipt")
    if not hmac.compare_digest(_sign(secret, body), signature):
        raise BadReceipt("this receipt was not issued here")
    try:
        return str(uuid.UUID(hex=body))
    except ValueError as exc:
        raise BadReceipt("not a receipt") from exc


def _sign(secret: str, body: str) -> str:
    digest = hmac.new(f"receipt:{secret}".encode(), body.encode(), hashlib.sha256)
    return digest.hexdigest()[:32]


def receipt_url(
    session: Session,
    *,
    secret: str,
    base_url: str,
    order_id: str,
    role: Role,
    own_store_id: int | None,
) -> str:
    """The address of a paid order's receipt; Conflict, with the reason, before it is paid."""
    detail = orders.get_order(session, order_id, role=role, own_store_id=own_store_id)
    if orders.receipt_payment(detail) is None:
        raise Conflict(_why_no_receipt(detail))
    return f"{base_url.rstrip('/')}/receipt/{make_receipt_token(secret, order_id)}"


def _why_no_receipt(detail: orders.OrderDetail) -> str:
    statuses = {p.status for p in detail.payments}
    if payments.UNVERIFIED in statuses:
        return "the payment is not confirmed by the bank yet; the receipt comes once it is"
    if payments.REFUNDED in statuses:
        return "this order was refunded"
    return "this order is not paid yet"


_CSS = """
.merchant { font-size: 18px; color: #4a5462; }
.meta { color: #4a5462; font-size: 14px; margin-top: 4px; }
table { width: 100%; border-collapse: collapse; margin: 16px 0; font-size: 15px; }
td { padding: 6px 0; border-bottom: 1px solid #eef1f5; vertical-align: top; }
td.qty, td.net { text-align: right; white-space: nowrap; padding-left: 8px; }
.total { font-size: 28px; font-weight: 700; text-align: right; }
.status { font-size: 22px; font-weight: 700; margin-top: 12px; }
.status.settled { color: #1f8f4e; }
.status.open { color: #8a5a00; }
"""


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    return page(title, body, css=_CSS, status=status)


def _local_time(moment: datetime, timezone: str) -> str:
    """The store's wall clock, which is what the customer remembers."""
    try:
        zone = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return f"{moment:%Y-%m-%d %H:%M} UTC"
    return f"{moment.astimezone(zone):%Y-%m-%d %H:%M}"


@router.get("/{token}", response_class=HTMLResponse)
def receipt_page(token: str, request: Request) -> HTMLResponse:
    try:
        order_id = read_receipt_token(request.app.state.settings.secret_key, token)
    except BadReceipt as exc:
        return _page("Receipt", f'<p class="status" id="status">{html.escape(str(exc))}</p>', 404)
    with Session(request.app.state.engine) as session:
        try:
            detail = orders.load_detail(session, order_id)
        except NotFound:
            return _page("Receipt", '<p class="status" id="status">No such receipt.</p>', 404)
        store = session.get(Store, detail.store_id)
        brand = session.get(Brand, store.brand_id) if store else None
        timezone = store.timezone if store else "UTC"
    merchant = " · ".join(x for x in (brand.name if brand else "", detail.store_name) if x)
    rows = "".join(
        "<tr>"
        f'<td class="label">{html.escape(line.label)}</td>'
        f'<td class="qty">× {line.quantity}</td>'
        f'<td class="net">{html.escape(Money(line.net, detail.currency).format())}</td>'
        "</tr>"
        for line in detail.lines
    )
    body = (
        f'<div class="merchant" id="merchant">{html.escape(merchant)}</div>'
        f'<div class="meta" id="order">Order {html.escape(short_order_id(detail.id))} · '
        f"{html.escape(_local_time(detail.placed_at, timezone))}</div>"
        f'<table id="lines">{rows}</table>'
        f'<div class="total" id="total">'
        f"{html.escape(Money(detail.total, detail.currency).format())}</div>"
        f"{_payment_status(detail, timezone)}"
    )
    return _page("Receipt", body)


def _payment_status(detail: orders.OrderDetail, timezone: str) -> str:
    paid = orders.receipt_payment(detail)
    if paid is not None:
        method = METHODS.get(paid.provider, paid.provider)
        when = paid.paid_at or paid.created_at
        return (
            f'<div class="meta" id="method">{html.escape(method)} · '
            f"{html.escape(_local_time(when, timezone))}</div>"
            '<p class="status settled" id="status">Paid</p>'
        )
    statuses = {p.status for p in detail.payments}
    if payments.REFUNDED in statuses:
        said = "Refunded"
    elif payments.UNVERIFIED in statuses:
        said = "Payment waiting for the bank's confirmation"
    else:
        said = "Payment not received"
    return f'<p class="status open" id="status">{html.escape(said)}</p>'
