"""Closing a sale while the server cannot be reached, without ever calling it paid.

Three ways, each recorded as what it is through the outbox (`payment.record`):
cash and a card terminal on the guide's confirmation, and an EMV QR the tablet
builds from its store's cached merchant account, which stays "unverified"
until the acquirer's notification reaches the server. Only the server's
answer makes an order paid; this module only records what the guide saw.
"""

from __future__ import annotations

import contextlib
import sqlite3
import uuid
from typing import Literal

from shopguide.client.cache import Cache
from shopguide.client.outbox import Outbox
from shopguide.core.money import Money
from shopguide.core.store_qr import MerchantProfile, offline_bill_number, payment_qr

Method = Literal["cash", "card_terminal", "emv_offline"]
_RECORD_NAMESPACE = uuid.UUID("5d1f0c1e-7a43-4f51-9b7e-53a1e0c0ffee")


class NoMerchantAccount(Exception):
    """This store has no EMV merchant account cached: offer cash or the card terminal."""


def record_id(order_id: str) -> str:
    """One `payment.record` per order: a second tap records nothing new."""
    return str(uuid.uuid5(_RECORD_NAMESPACE, order_id))


class OfflinePayments:
    def __init__(self, *, outbox: Outbox, cache: Cache, store_id: int) -> None:
        self.outbox, self.cache, self.store_id = outbox, cache, store_id

    def merchant_profile(self) -> MerchantProfile | None:
        row = self.cache.read(
            lambda c: c.execute(
                "SELECT network_id, merchant_id, merchant_name, merchant_city, category_code, "
                "country, currency FROM merchant_account WHERE store_id = ? AND provider = 'emv'",
                (self.store_id,),
            ).fetchone()
        )
        return None if row is None else MerchantProfile(*(str(value) for value in row))

    def local_qr(self, order_id: str, total: Money) -> str:
        """The store's EMV QR for this order, which the acquirer will report by order id."""
        profile = self.merchant_profile()
        if profile is None or profile.currency != total.currency:
            raise NoMerchantAccount("this store has no payment account on this tablet")
        return payment_qr(
            profile,
            total,
            bill_number=offline_bill_number(order_id),
            terminal_label=self._store_code(),
        )

    def _store_code(self) -> str:
        """The terminal label: the store's code, as the server's own QR carries it."""
        row = self.cache.read(
            lambda c: c.execute("SELECT code FROM store WHERE id = ?", (self.store_id,)).fetchone()
        )
        return str(row[0]) if row else f"STORE{self.store_id}"

    def recorded(self, order_id: str) -> Method | None:
        """How this order was closed offline, if it was."""
        mutation = self.outbox.get(record_id(order_id))
        if mutation is None:
            return None
        method: Method = mutation.payload["method"]
        return method

    def record(self, order_id: str, method: Method, total: Money) -> Method:
        """Queue the guide's record of the payment; returns the method recorded first."""
        payload = {
            "order_id": order_id,
            "method": method,
            "amount": total.minor,
            "currency": total.currency,
            "confirmed_by_guide": True,
        }
        with contextlib.suppress(sqlite3.IntegrityError):  # recorded before: the first stands
            self.outbox.enqueue("payment.record", payload, mutation_id=record_id(order_id))
        return self.recorded(order_id) or method
