"""The Orders list as a guide reads it: one state per order, from the server and the outbox.

An order still on the tablet says it is queued, one the server refused says
why, and the server's payment states reach the guide in words they know. An
offline store QR is never shown as paid until the server says so.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import requests

from shopguide.client.catalog import CatalogReader
from shopguide.client.offline_payments import OfflinePayments
from shopguide.client.order_history import OrderHistory, OrderRow, OrderState, state_of
from shopguide.client.orders import queue_order
from shopguide.client.tablet import Tablet
from shopguide.core.money import Money
from shopguide.core.store_qr import offline_bill_number
from tests.client.test_offline_payments import acquirer_says_paid
from tests.client.test_sync_engine import a_variant_in_stock, one_line
from tests.support.live import LiveServer
from tests.support.proxy import FaultyProxy


def history_of(tablet: Tablet, page_size: int = 50) -> OrderHistory:
    return OrderHistory(
        outbox=tablet.outbox,
        api=tablet.api,
        reader=CatalogReader(tablet.cache, tablet.outbox),
        guide_name="Guide on this tablet",
        store_name=tablet.store_name,
        page_size=page_size,
    )


def synced(make_tablet: Callable[..., Tablet], url: str) -> Tablet:
    tablet = make_tablet(url)
    tablet.connect().run_once()
    return tablet


def sell(live: LiveServer, tablet: Tablet, *, push: bool = True) -> str:
    variant_id, _, price = a_variant_in_stock(live, tablet.store_id)
    order_id = queue_order(
        tablet.outbox, store_id=tablet.store_id, lines=one_line(variant_id, price, 2)
    )
    if push:
        tablet.connect().push_pending()
    return order_id


def wallet(tablet: Tablet, order_id: str, action: str, **form: str) -> None:
    assert tablet.api is not None
    intent = tablet.api.post("/payments", {"order_id": order_id, "provider": "sandbox"})
    requests.post(intent["qr_content"] + "/" + action, data=form, timeout=10)


def total_of(tablet: Tablet, order_id: str) -> Money:
    payload = tablet.outbox.get_order(order_id)
    assert payload is not None
    return Money(int(payload.payload["total"]), "CNY")


def row(history: OrderHistory, order_id: str) -> OrderRow:
    [found] = [r for r in history.recent().rows if r.order_id == order_id]
    return found


def test_an_order_not_yet_sent_says_it_is_queued(
    live_server: LiveServer, make_tablet: Callable[..., Tablet]
) -> None:
    tablet = synced(make_tablet, live_server.url)
    order_id = sell(live_server, tablet, push=False)

    queued = row(history_of(tablet), order_id)

    assert queued.state is OrderState.QUEUED
    assert queued.items == 2
    assert queued.guide == "Guide on this tablet"
    assert not queued.can_retry, "the server does not know the order yet"
    assert not queued.has_receipt


def test_an_order_the_server_refused_shows_the_reason(
    live_server: LiveServer, make_tablet: Callable[..., Tablet]
) -> None:
    tablet = synced(make_tablet, live_server.url)
    order_id = queue_order(
        tablet.outbox, store_id=tablet.store_id, lines=one_line(2_000_000_000, 9900)
    )
    tablet.connect().push_pending()

    refused = row(history_of(tablet), order_id)

    assert refused.state is OrderState.REFUSED
    assert refused.reason == "variant 2000000000 does not exist"
    assert not refused.can_retry


def test_the_servers_payment_states_reach_the_guide(
    live_server: LiveServer, make_tablet: Callable[..., Tablet]
) -> None:
    tablet = synced(make_tablet, live_server.url)
    paid, declined, unpaid, cash = (sell(live_server, tablet) for _ in range(4))
    wallet(tablet, paid, "pay")
    wallet(tablet, declined, "decline", reason="card blocked")
    OfflinePayments(outbox=tablet.outbox, cache=tablet.cache, store_id=tablet.store_id).record(
        cash, "cash", total_of(tablet, cash)
    )
    tablet.connect().push_pending()
    history = history_of(tablet)

    rows = {r.order_id: r for r in history.recent().rows}

    assert [rows[o].state for o in (paid, declined, unpaid, cash)] == [
        OrderState.PAID,
        OrderState.DECLINED,
        OrderState.AWAITING,
        OrderState.PAID_CASH,
    ]
    assert rows[declined].reason == "card blocked"
    assert [rows[o].can_retry for o in (paid, declined, unpaid, cash)] == [
        False,
        True,
        True,
        False,
    ]
    assert rows[paid].has_receipt
    assert rows[cash].has_receipt
    receipt = history.receipt(paid)
    assert receipt.url is not None
    assert receipt.url.startswith(live_server.url + "/receipt/")
    assert receipt.total == rows[paid].total
    assert receipt.method == "sandbox"
    assert sum(line.quantity for line in receipt.lines) == 2


def test_an_offline_store_qr_is_never_shown_paid_until_the_server_says_so(
    live_server: LiveServer, make_tablet: Callable[..., Tablet]
) -> None:
    tablet = synced(make_tablet, live_server.url)
    order_id = sell(live_server, tablet)
    total = total_of(tablet, order_id)
    OfflinePayments(outbox=tablet.outbox, cache=tablet.cache, store_id=tablet.store_id).record(
        order_id, "emv_offline", total
    )
    history = history_of(tablet)

    recorded_here = row(history, order_id)
    tablet.connect().push_pending()
    on_the_server = row(history, order_id)

    for unverified in (recorded_here, on_the_server):
        assert unverified.state is OrderState.UNVERIFIED
        assert not unverified.has_receipt
        assert not unverified.can_retry, "the customer may have paid: never a second code"
    with pytest.raises(LookupError):
        history.receipt(order_id)

    acquirer_says_paid(live_server, offline_bill_number(order_id), total)

    assert row(history, order_id).state is OrderState.PAID


def test_offline_the_list_is_the_local_orders_and_the_last_server_answer(
    live_server: LiveServer, make_tablet: Callable[..., Tablet], proxy: FaultyProxy
) -> None:
    tablet = synced(make_tablet, proxy.url)
    sent = sell(live_server, tablet)
    history = history_of(tablet)
    online = history.recent()
    proxy.go_down()
    queued = sell(live_server, tablet, push=False)

    offline = history.recent()

    assert not online.offline
    assert offline.offline
    assert offline.problem
    assert offline.as_of == online.as_of, "the server's part is as of its last answer"
    states = {r.order_id: r.state for r in offline.rows}
    assert states[queued] is OrderState.QUEUED
    assert states[sent] is OrderState.AWAITING
    assert offline.rows[0].order_id == queued, "newest first"


def test_offline_without_any_answer_a_sent_order_does_not_pretend_to_know_its_payment(
    live_server: LiveServer, make_tablet: Callable[..., Tablet], proxy: FaultyProxy
) -> None:
    tablet = synced(make_tablet, proxy.url)
    sent = sell(live_server, tablet)
    proxy.go_down()

    listing = history_of(tablet).recent()

    assert listing.as_of is None
    [only] = [r for r in listing.rows if r.order_id == sent]
    assert only.state is OrderState.SENT
    assert not only.can_retry


def test_pages_of_older_orders_continue_where_the_first_stopped(
    live_server: LiveServer, make_tablet: Callable[..., Tablet]
) -> None:
    tablet = synced(make_tablet, live_server.url)
    for _ in range(3):
        sell(live_server, tablet)
    history = history_of(tablet, page_size=2)

    first = history.recent()
    assert first.next_before is not None
    second = history.older(first.next_before)

    seen = [r.order_id for r in first.rows] + [r.order_id for r in second.rows]
    assert len(seen) == len(set(seen))
    assert min(r.placed_at for r in first.rows) >= max(r.placed_at for r in second.rows)


def summary(payment: dict[str, Any] | None = None, **order: Any) -> dict[str, Any]:
    return {"status": "placed", "refund_reason": None, "payment": payment, **order}


def payment(status: str, provider: str = "sandbox", reason: str | None = None) -> dict[str, Any]:
    return {"status": status, "provider": provider, "failure_reason": reason}


@pytest.mark.parametrize(
    ("order", "state", "reason"),
    [
        (summary(), OrderState.AWAITING, None),
        (summary(payment("pending")), OrderState.AWAITING, None),
        (summary(payment("paid")), OrderState.PAID, None),
        (summary(payment("recorded_offline", "cash")), OrderState.PAID_CASH, None),
        (summary(payment("recorded_offline", "card_terminal")), OrderState.PAID_CARD, None),
        (summary(payment("unverified", "emv")), OrderState.UNVERIFIED, None),
        (summary(payment("failed", reason="card blocked")), OrderState.DECLINED, "card blocked"),
        (summary(payment("expired")), OrderState.EXPIRED, None),
        (summary(payment("cancelled")), OrderState.CANCELLED, None),
        (summary(payment("refunded"), status="refunded"), OrderState.REFUNDED, None),
        (
            summary(payment("cancelled"), refund_reason="paid after the code was cancelled"),
            OrderState.REFUND_NEEDED,
            "paid after the code was cancelled",
        ),
    ],
)
def test_each_server_state_reads_as_one_state_a_guide_knows(
    order: dict[str, Any], state: OrderState, reason: str | None
) -> None:
    assert state_of(order) == (state, reason)
