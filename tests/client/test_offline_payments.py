"""Closing a sale with the server unreachable: recorded as what it was, never as paid."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
import requests

from shopguide.client.offline_payments import NoMerchantAccount, OfflinePayments
from shopguide.client.tablet import Tablet
from shopguide.core.emv import decode
from shopguide.core.ids import uuid7_str
from shopguide.core.money import Money
from shopguide.core.store_qr import offline_bill_number, order_id_of_bill
from shopguide.server.payments.emv_provider import sign_notice
from tests.client.test_sync_engine import sell_while_offline
from tests.support.live import ACQUIRER_SECRET, LiveServer
from tests.support.proxy import FaultyProxy


def offline_payments(tablet: Tablet) -> OfflinePayments:
    return OfflinePayments(outbox=tablet.outbox, cache=tablet.cache, store_id=tablet.store_id)


def order_total(live: LiveServer, tablet: Tablet, order_id: str) -> Money:
    [payload] = [m.payload for m in tablet.outbox.of_type("order.place")]
    assert payload["order_id"] == order_id
    return Money(int(payload["total"]), str(payload["currency"]))


def server_payments(live: LiveServer, order_id: str) -> list[tuple[object, ...]]:
    return live.rows(
        "SELECT provider, status, amount FROM payment WHERE order_id = :o ORDER BY id", o=order_id
    )


def acquirer_says_paid(live: LiveServer, bill_number: str, amount: Money) -> None:
    body = json.dumps(
        {
            "bill_number": bill_number,
            "transaction_id": "ACQ-" + bill_number[:10],
            "result": "paid",
            "amount": amount.amount_text(),
            "currency": amount.currency,
        }
    ).encode()
    answer = requests.post(
        f"{live.url}/api/v1/payments/notify/emv",
        data=body,
        headers={"X-Signature": sign_notice(ACQUIRER_SECRET, body)},
        timeout=10,
    )
    assert answer.status_code == 200, answer.text


def test_an_offline_store_qr_carries_the_store_account_and_names_the_order(
    live_server: LiveServer, make_tablet: Callable[..., Tablet], proxy: FaultyProxy
) -> None:
    tablet = make_tablet(proxy.url)
    sale = sell_while_offline(live_server, tablet, proxy)
    total = order_total(live_server, tablet, sale.order_id)
    payload = decode(offline_payments(tablet).local_qr(sale.order_id, total))
    assert payload.dynamic
    assert payload.amount == total.amount_text()
    [account] = payload.accounts
    assert account.guid == "com.example.acquirer"
    assert payload.additional is not None
    assert payload.additional.bill_number == offline_bill_number(sale.order_id)
    assert payload.additional.terminal_label == "SZ01"
    assert order_id_of_bill(payload.additional.bill_number) == sale.order_id


def test_an_offline_store_qr_sale_stays_unverified_until_the_acquirer_confirms_it(
    live_server: LiveServer, make_tablet: Callable[..., Tablet], proxy: FaultyProxy
) -> None:
    tablet = make_tablet(proxy.url)
    sale = sell_while_offline(live_server, tablet, proxy)
    total = order_total(live_server, tablet, sale.order_id)
    payments = offline_payments(tablet)
    assert payments.record(sale.order_id, "emv_offline", total) == "emv_offline"
    assert payments.record(sale.order_id, "cash", total) == "emv_offline"
    assert len(tablet.outbox.of_type("payment.record")) == 1

    proxy.come_back()
    tablet.connect().run_once()
    assert server_payments(live_server, sale.order_id) == [("emv", "unverified", total.minor)]
    acquirer_says_paid(live_server, offline_bill_number(sale.order_id), total)
    assert server_payments(live_server, sale.order_id) == [("emv", "paid", total.minor)]


def test_cash_taken_offline_reaches_the_server_once_as_cash(
    live_server: LiveServer, make_tablet: Callable[..., Tablet], proxy: FaultyProxy
) -> None:
    tablet = make_tablet(proxy.url)
    sale = sell_while_offline(live_server, tablet, proxy)
    total = order_total(live_server, tablet, sale.order_id)
    offline_payments(tablet).record(sale.order_id, "cash", total)
    proxy.come_back()
    engine = tablet.connect()
    engine.run_once()
    engine.run_once()
    assert server_payments(live_server, sale.order_id) == [
        ("cash", "recorded_offline", total.minor)
    ]


def test_a_tablet_without_its_store_account_cached_offers_no_store_qr(
    live_server: LiveServer, make_tablet: Callable[..., Tablet]
) -> None:
    tablet = make_tablet(live_server.url)  # logged in, never synced: nothing cached
    with pytest.raises(NoMerchantAccount, match="no payment account"):
        offline_payments(tablet).local_qr(uuid7_str(), Money(9900, "CNY"))
