"""A store's EMVCo payment QR for one sale, built the same way on the server and offline.

The server builds it for an intent (bill number `P<id>-<mac>`, which it can
trace back to the intent); a tablet without a network builds it from the
store's cached `MerchantProfile` with the order id itself as the bill number,
25 base-36 characters (a UUID is 128 bits and 36**25 > 2**128), so that the
acquirer's notification names the order when the server hears of it later.
The two kinds cannot be confused: only the server's contains a "-".
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass
from typing import Any

from shopguide.core.emv import MerchantAccount, dynamic_payment, encode
from shopguide.core.money import Money

MERCHANT_ACCOUNT_TAG = "26"
_BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
OFFLINE_BILL_LENGTH = 25


@dataclass(frozen=True, slots=True)
class MerchantProfile:
    """One store's account with its acquirer, as the tablet caches it."""

    network_id: str
    merchant_id: str
    merchant_name: str
    merchant_city: str
    category_code: str
    country: str
    currency: str

    def to_wire(self) -> dict[str, str]:
        return asdict(self)

    @classmethod
    def from_wire(cls, body: dict[str, Any]) -> MerchantProfile:
        return cls(**{name: str(body[name]) for name in cls.__dataclass_fields__})


def payment_qr(
    profile: MerchantProfile, amount: Money, *, bill_number: str, terminal_label: str
) -> str:
    """The encoded dynamic QR for `amount`; EmvError when the profile cannot make one."""
    payload = dynamic_payment(
        amount=amount,
        account=MerchantAccount(
            tag=MERCHANT_ACCOUNT_TAG,
            guid=profile.network_id,
            fields={"01": profile.merchant_id},
        ),
        merchant_name=profile.merchant_name,
        merchant_city=profile.merchant_city,
        country=profile.country,
        mcc=profile.category_code,
        bill_number=bill_number,
        terminal_label=terminal_label[:25],
    )
    return encode(payload)


def offline_bill_number(order_id: str) -> str:
    """The order's id as 25 base-36 characters: what an offline QR carries."""
    value = uuid.UUID(order_id).int
    digits = []
    for _ in range(OFFLINE_BILL_LENGTH):
        value, digit = divmod(value, 36)
        digits.append(_BASE36[digit])
    return "".join(reversed(digits))


def order_id_of_bill(bill_number: str) -> str | None:
    """The order id an offline bill number names, or None when it is not one."""
    if len(bill_number) != OFFLINE_BILL_LENGTH or not all(c in _BASE36 for c in bill_number):
        return None
    value = 0
    for char in bill_number:
        value = value * 36 + _BASE36.index(char)
    if value >= 1 << 128:
        return None
    return str(uuid.UUID(int=value))
