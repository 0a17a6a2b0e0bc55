"""The reference a payment QR carries: unguessable, signed and expiring.

"<payment id>.<expiry unix time>.<random>.<signature>": anyone can read
which intent it names and until when it is good, nobody can make one up or
stretch its expiry, and a copied QR is useless after it expires.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import UTC, datetime


class BadReference(ValueError):
    """Not a reference this server made, or one that has expired."""


def make_reference(secret: str, payment_id: int, expires_at: datetime) -> str:
    body = f"{payment_id}.{int(expires_at.timestamp())}.{secrets.token_urlsafe(18)}"
    return f"{body}.{_sign(secret, body)}"


def read_reference(
    secret: str, reference: str, *, now: datetime | None = None, allow_expired: bool = False
) -> int:
    """The payment id a genuine reference names; BadReference otherwise."""
    parts = reference.split(".")
    if len(parts) != 4 or len(reference) > 200:
        raise BadReference("not a payment reference")
    body, signature = ".".join(parts[:3]), parts[3]
    if not hmac.compare_digest(_sign(secret, body), signature):
        raise BadReference("this payment code was not issued here")
    try:
        payment_id, expires = int(parts[0]), int(parts[1])
    except ValueError as exc:
        raise BadReference("not a payment reference") from exc
    now = now or datetime.now(UTC)
    if not allow_expired and now.timestamp() > expires:
        raise BadReference("this payment code has expired; ask for a new one")
    return payment_id


def make_bill_reference(secret: str, payment_id: int) -> str:
    """The short form an EMV QR carries (its fields hold 25 characters): "P<id>-<mac>"."""
    body = f"P{payment_id}"
    return f"{body}-{_sign(secret, body)[:16]}"


def read_bill_reference(secret: str, bill_number: str) -> int:
    """The payment id a genuine bill reference names; BadReference otherwise."""
    body, _, signature = bill_number.partition("-")
    if not body.startswith("P") or not body[1:].isdigit() or len(bill_number) > 25:
        raise BadReference("not a payment bill number")
    if not hmac.compare_digest(_sign(secret, body)[:16], signature):
        raise BadReference("this bill number was not issued here")
    return int(body[1:])


def make_trade_number(secret: str, payment_id: int, issued_at: datetime) -> str:
    """The `out_trade_no` an Alipay trade carries: "SG<id>_<issued, hex>_<mac>".

    Alipay allows 64 letters, digits and underscores and refuses a number it
    has seen before, so the issue time (the intent's creation) keeps numbers
    apart when a restored or second database hands out the same payment id
    again; the MAC makes a number nobody but this server can make.
    """
    body = f"SG{payment_id}_{int(issued_at.timestamp()):x}"
    return f"{body}_{_sign(secret, body)[:16]}"


def read_trade_number(secret: str, trade_number: str) -> int:
    """The payment id a genuine `out_trade_no` names; BadReference otherwise."""
    parts = trade_number.split("_")
    if (
        len(trade_number) > 64
        or not trade_number.isascii()  # compare_digest takes ASCII text only
        or len(parts) != 3
        or not parts[0].startswith("SG")
        or not parts[0][2:].isdigit()
    ):
        raise BadReference("not a ShopGuide trade number")
    body = f"{parts[0]}_{parts[1]}"
    if not hmac.compare_digest(_sign(secret, body)[:16], parts[2]):
        raise BadReference("this trade number was not issued here")
    return int(parts[0][2:])


def _sign(secret: str, body: str) -> str:
    digest = hmac.new(f"payment-ref:{secret}".encode(), body.encode(), hashlib.sha256)
    return digest.hexdigest()[:32]
