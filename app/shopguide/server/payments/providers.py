"""What a payment provider must do for ShopGuide, and the providers this server offers.

Every provider answers the same few questions: what goes in the QR for this
intent (`start`), what its notification says once its signature is checked
(`read_notice`), what a trade's state is when a notification went missing
(`query`), and how to close (`cancel`) or give back (`refund`) a trade. The
payment service decides what the answers mean for the order, so the rules
(one payment per order, late money flagged for refund) hold for all of them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, Protocol

from shopguide.server.models import MerchantAccount, Payment, Store

Outcome = Literal["paid", "declined"]


class ProviderError(Exception):
    """The provider could not be reached or refused the request; the reason says which."""


class BadNotice(ValueError):
    """A notification that is not genuine or cannot be read: refused, nothing changes."""


@dataclass(frozen=True, slots=True)
class Notice:
    """A provider's verified word about one trade.

    `payment_id` names the intent when the provider's reference is one this
    server issued; it is None for a reference a tablet made offline, which
    `order_id` names instead.
    """

    reference: str
    outcome: Outcome
    provider_ref: str
    amount: int
    currency: str
    payment_id: int | None = None
    order_id: str | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class IntentContext:
    """What a provider may use to start an intent."""

    reference: str
    base_url: str
    store: Store
    account: MerchantAccount | None
    subject: str


class Provider(Protocol):
    name: str
    ack: str
    """The body the provider expects back once a notification was taken."""

    def start(self, payment: Payment, context: IntentContext) -> str:
        """The QR content for this intent; `ProviderError` when the provider refuses."""
        ...

    def read_notice(self, body: bytes, headers: Mapping[str, str]) -> Notice | None:
        """The verified notice; None for a genuine one that settles nothing (it is acknowledged).

        `BadNotice` for anything not genuine or unreadable: refused, nothing changes.
        """
        ...

    def query(self, payment: Payment) -> Notice | None:
        """The provider's word on a pending trade, or None when it has nothing to say yet."""
        ...

    def cancel(self, payment: Payment) -> None: ...

    def refund(self, payment: Payment) -> None: ...


class SandboxProvider:
    """A wallet page on this server: opening the QR's address and pressing Pay pays.

    The page settles the intent itself (`shopguide.server.payments.wallet`),
    so there is no notification, nothing to query and no money to move.
    """

    name = "sandbox"
    ack = "ok"

    def start(self, payment: Payment, context: IntentContext) -> str:
        return f"{context.base_url.rstrip('/')}/pay/{context.reference}"

    def read_notice(self, body: bytes, headers: Mapping[str, str]) -> Notice:
        raise BadNotice("the sandbox wallet takes no notifications")

    def query(self, payment: Payment) -> Notice | None:
        return None

    def cancel(self, payment: Payment) -> None:
        return None

    def refund(self, payment: Payment) -> None:
        return None
