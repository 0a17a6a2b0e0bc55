"""The `emv` provider: an EMVCo dynamic QR for the store's acquirer, settled by its notification.

Any banking or wallet app of the scheme pays the QR; the acquirer then posts
a notification naming the bill number. Acquirers differ in their webhook
formats, so ShopGuide takes one documented shape (below) that a small adapter
at the acquirer's side produces, signed with a shared secret:

    POST /payments/notify/emv
    X-Signature: hex HMAC-SHA256(SHOPGUIDE_EMV_ACQUIRER_SECRET, raw body)
    {"bill_number": "P42-…", "transaction_id": "…", "result": "paid" | "declined",
     "amount": "128.00", "currency": "CNY", "reason": "…"}

A bill number is either one this server issued for an intent or an order id
a tablet put in a QR it built offline (`shopguide.core.store_qr`).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from typing import Any

from shopguide.core.emv import EmvError
from shopguide.core.money import Money
from shopguide.core.store_qr import MerchantProfile, order_id_of_bill, payment_qr
from shopguide.server.models import MerchantAccount, Payment
from shopguide.server.payments.providers import BadNotice, IntentContext, Notice, ProviderError
from shopguide.server.payments.references import (
    BadReference,
    make_bill_reference,
    read_bill_reference,
)

SIGNATURE_HEADER = "x-signature"


def profile_of(account: MerchantAccount) -> MerchantProfile:
    return MerchantProfile(
        network_id=account.network_id,
        merchant_id=account.merchant_id,
        merchant_name=account.merchant_name,
        merchant_city=account.merchant_city,
        category_code=account.category_code,
        country=account.country,
        currency=account.currency,
    )


def sign_notice(secret: str, body: bytes) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


class EmvProvider:
    name = "emv"
    ack = "ok"

    def __init__(self, *, secret_key: str, acquirer_secret: str) -> None:
        self._secret_key = secret_key
        self._acquirer_secret = acquirer_secret

    def start(self, payment: Payment, context: IntentContext) -> str:
        if context.account is None:
            raise ProviderError("this store has no EMV merchant account; ask the administrator")
        assert payment.id is not None
        try:
            return payment_qr(
                profile_of(context.account),
                Money(payment.amount, payment.currency),
                bill_number=make_bill_reference(self._secret_key, payment.id),
                terminal_label=context.store.code,
            )
        except EmvError as exc:
            raise ProviderError(f"this store's EMV merchant account is unusable: {exc}") from exc

    def read_notice(self, body: bytes, headers: Mapping[str, str]) -> Notice:
        if not self._acquirer_secret:
            raise BadNotice("EMV notifications are off: SHOPGUIDE_EMV_ACQUIRER_SECRET is not set")
        signature = headers.get(SIGNATURE_HEADER, "")
        if not hmac.compare_digest(sign_notice(self._acquirer_secret, body), signature):
            raise BadNotice("the notification's signature does not match")
        try:
            fields: dict[str, Any] = json.loads(body)
            bill = str(fields["bill_number"])
            result = str(fields["result"])
            currency = str(fields["currency"])
            amount = Money.parse(str(fields["amount"]), currency)
            transaction = str(fields["transaction_id"])
        except (ValueError, KeyError, TypeError) as exc:
            raise BadNotice(f"unreadable notification: {exc}") from exc
        if result not in ("paid", "declined") or not 0 < len(transaction) <= 64:
            raise BadNotice(
                "a notification needs a result of paid or declined and a transaction id"
            )
        payment_id, order_id = self._trace(bill)
        return Notice(
            reference=bill,
            outcome="paid" if result == "paid" else "declined",
            provider_ref=transaction,
            amount=amount.minor,
            currency=currency,
            payment_id=payment_id,
            order_id=order_id,
            reason=str(fields.get("reason", ""))[:200],
        )

    def _trace(self, bill: str) -> tuple[int | None, str | None]:
        order_id = order_id_of_bill(bill)
        if order_id is not None:
            return None, order_id
        try:
            return read_bill_reference(self._secret_key, bill), None
        except BadReference as exc:
            raise BadNotice(str(exc)) from exc

    def query(self, payment: Payment) -> Notice | None:
        return None  # acquirers push; there is no common query API to fall back on

    def cancel(self, payment: Payment) -> None:
        return None  # an unpaid QR is simply never honoured: the bill number is refused

    def refund(self, payment: Payment) -> None:
        return None  # schemes have no common refund call: the manager refunds at the acquirer
