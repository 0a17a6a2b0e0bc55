"""The receipt the customer keeps, as the tablet shows it, prints it and offers it as a QR.

Its lines and total are what the customer paid for; the address, when there
is one, is the server's signed receipt page, which only a paid order gets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from shopguide.client.api import ApiClient
from shopguide.core.ids import short_order_id
from shopguide.core.money import Money


@dataclass(frozen=True, slots=True)
class LineSource:
    """A line not taken from this store's shelf: `kind` "transfer" (sent here) or "ship"."""

    kind: str
    store_name: str


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    label: str
    quantity: int
    net: Money  # the line's amount after every discount
    source: LineSource | None = None  # sent from another store, or shipped to the customer


@dataclass(frozen=True, slots=True)
class Receipt:
    store_name: str
    order_id: str
    lines: tuple[ReceiptLine, ...]
    total: Money
    method: str  # how it was paid: a wallet provider ("sandbox", "emv", ...), "cash", ...
    paid_at: datetime | None
    url: str | None = None  # the receipt page the customer can scan and keep

    @property
    def short_id(self) -> str:
        return short_order_id(self.order_id)


def fetch_receipt_url(api: ApiClient, order_id: str) -> str:
    """The paid order's receipt address; the server refuses (409) before it is paid."""
    body = api.get(f"/orders/{order_id}/receipt")
    return str(body["url"])
