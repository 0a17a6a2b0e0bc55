"""Checkout with the network down: the guide closes the sale with cash or the store's QR.

The store's QR is read from the dialog's pixels as a banking app would read
it; the acquirer's notification is played by the test, signed with the
shared secret, once the tablet is back online. Nothing says "paid" before
the server does.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
import requests
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from shopguide.core.emv import decode
from shopguide.server.payments.emv_provider import sign_notice
from shopguide.ui.checkout.checkout_dialog import CheckoutDialog
from shopguide.ui.formatting import money
from shopguide.ui.sell.image_scan import read_codes
from tests.support.live import ACQUIRER_SECRET, LiveServer
from tests.support.proxy import FaultyProxy
from tests.ui.conftest import Floor


@pytest.fixture
def tablet_server_url(proxy: FaultyProxy) -> str:
    return proxy.url


@pytest.fixture
def guide_confirms(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The guide answers Yes to the confirmation; the questions asked are kept."""
    asked: list[str] = []

    def yes(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    return asked


def pay_offline(
    qtbot: QtBot, floor: Floor, live_server: LiveServer, proxy: FaultyProxy
) -> CheckoutDialog:
    variant = int(live_server.rows("SELECT MIN(id) FROM variant")[0][0])  # type: ignore[call-overload]
    floor.sell.cart.add(variant)
    qtbot.waitUntil(lambda: floor.sell.cart.pay_button.isEnabled(), timeout=5_000)
    proxy.go_down()
    floor.sell.cart.pay_button.click()
    [dialog] = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, CheckoutDialog) and w.isVisible()
    ]
    qtbot.waitUntil(lambda: dialog.offline_panel is not None, timeout=10_000)
    return dialog


def payments_of(live_server: LiveServer, order_id: str) -> list[tuple[object, ...]]:
    return live_server.rows(
        "SELECT provider, status FROM payment WHERE order_id = :o ORDER BY id", o=order_id
    )


def test_with_the_network_down_the_store_qr_sale_stays_unverified_until_the_acquirer_confirms(
    qtbot: QtBot,
    open_sell: Callable[[], Floor],
    live_server: LiveServer,
    proxy: FaultyProxy,
    guide_confirms: list[str],
) -> None:
    floor = open_sell()
    dialog = pay_offline(qtbot, floor, live_server, proxy)
    panel = dialog.offline_panel
    assert panel is not None
    assert "No connection" in panel.explain.text()
    panel.store_qr.click()
    assert panel.warning.isVisible()
    assert "UNVERIFIED" in panel.warning.text()
    [content] = read_codes(panel.qr.grab().toImage())
    bill = decode(content).additional
    assert bill is not None
    assert bill.bill_number is not None
    assert decode(content).amount == dialog.sale.total.amount_text()

    panel.customer_paid.click()
    assert "unverified" in guide_confirms[0]
    assert "Paid" not in dialog.status.text()
    assert "unverified" in panel.explain.text()
    qtbot.waitUntil(
        lambda: floor.sell.cart.view is not None and not floor.sell.cart.view.cart.items,
        timeout=5_000,
    )
    order_id = dialog.sale.order_id
    dialog.close_button.click()

    proxy.come_back()
    engine = floor.tablet.connect()
    engine.run_once()
    assert payments_of(live_server, order_id) == [("emv", "unverified")]
    body = json.dumps(
        {
            "bill_number": bill.bill_number,
            "transaction_id": "ACQ-UI-1",
            "result": "paid",
            "amount": dialog.sale.total.amount_text(),
            "currency": dialog.sale.total.currency,
        }
    ).encode()
    answer = requests.post(
        f"{live_server.url}/api/v1/payments/notify/emv",
        data=body,
        headers={"X-Signature": sign_notice(ACQUIRER_SECRET, body)},
        timeout=10,
    )
    assert answer.status_code == 200
    assert payments_of(live_server, order_id) == [("emv", "paid")]


def test_with_the_network_down_cash_is_recorded_on_the_guides_word_and_sent_once(
    qtbot: QtBot,
    open_sell: Callable[[], Floor],
    live_server: LiveServer,
    proxy: FaultyProxy,
    guide_confirms: list[str],
) -> None:
    floor = open_sell()
    dialog = pay_offline(qtbot, floor, live_server, proxy)
    assert dialog.offline_panel is not None
    dialog.offline_panel.cash.click()
    assert money(dialog.sale.total) in guide_confirms[0]
    assert dialog.status.text() == "Recorded offline"
    order_id = dialog.sale.order_id
    dialog.close_button.click()
    proxy.come_back()
    engine = floor.tablet.connect()
    engine.run_once()
    engine.run_once()
    assert payments_of(live_server, order_id) == [("cash", "recorded_offline")]


def test_when_the_network_returns_the_guide_gets_a_live_code_instead(
    qtbot: QtBot,
    open_sell: Callable[[], Floor],
    live_server: LiveServer,
    proxy: FaultyProxy,
    guide_confirms: list[str],
    threaded_tasks: None,  # the live code's long poll runs on a worker, as in the app
) -> None:
    floor = open_sell()
    dialog = pay_offline(qtbot, floor, live_server, proxy)
    assert dialog.offline_panel is not None
    proxy.come_back()
    dialog.offline_panel.online.click()
    qtbot.waitUntil(lambda: "Scan to pay" in dialog.status.text(), timeout=10_000)
    assert dialog.offline_panel is None
    assert guide_confirms == [], "nothing recorded offline"
    dialog.close_button.click()
