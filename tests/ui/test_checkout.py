"""Checkout as the customer lives it: the QR on the tablet, scanned and paid on a phone.

The phone is played by the test: it reads the QR from the dialog's pixels with
zxing-cpp, as a wallet would, and opens the address it holds. Background
work runs on real threads here, because the dialog waits on a long poll.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import requests
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from shopguide.ui.checkout.checkout_dialog import CheckoutDialog
from shopguide.ui.sell.image_scan import read_codes
from tests.support.live import LiveServer
from tests.ui.conftest import Floor


def checkout_for_one_item(qtbot: QtBot, floor: Floor, live_server: LiveServer) -> CheckoutDialog:
    variant = int(live_server.rows("SELECT MIN(id) FROM variant")[0][0])  # type: ignore[call-overload]
    floor.sell.cart.add(variant)
    qtbot.waitUntil(
        lambda: (
            floor.sell.cart.view is not None
            and bool(floor.sell.cart.view.cart.items)
            and floor.sell.cart.pay_button.isEnabled()
        ),
        timeout=5_000,
    )
    floor.sell.cart.pay_button.click()
    dialogs = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, CheckoutDialog) and w.isVisible()
    ]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    qtbot.waitUntil(
        lambda: dialog.qr.pixmap() is not None and not dialog.qr.pixmap().isNull(), timeout=10_000
    )
    return dialog


def scan_like_a_phone(dialog: CheckoutDialog) -> str:
    [address] = read_codes(dialog.qr.grab().toImage())
    return address


def test_the_customer_scans_and_pays_and_the_tablet_shows_paid_within_a_second(
    qtbot: QtBot,
    open_sell: Callable[[], Floor],
    live_server: LiveServer,
    threaded_tasks: None,
) -> None:
    floor = open_sell()
    dialog = checkout_for_one_item(qtbot, floor, live_server)
    address = scan_like_a_phone(dialog)
    assert address.startswith(live_server.url + "/pay/")
    assert "Scan to pay" in dialog.status.text()
    wallet = requests.get(address, timeout=5)
    assert "Pay" in wallet.text
    paid_at = time.monotonic()
    requests.post(address + "/pay", timeout=5)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Paid"), timeout=5_000)
    assert time.monotonic() - paid_at < 1.0
    assert "Receipt" in dialog.receipt.text()
    qtbot.waitUntil(
        lambda: floor.sell.cart.view is not None and not floor.sell.cart.view.cart.items,
        timeout=5_000,
    )
    assert dialog.intent is not None
    assert (
        live_server.scalar("SELECT status FROM sales_order WHERE id = :o", o=dialog.intent.order_id)
        == "paid"
    )
    dialog.close_button.click()


def test_a_declined_payment_shows_the_reason_and_offers_another_try(
    qtbot: QtBot,
    open_sell: Callable[[], Floor],
    live_server: LiveServer,
    threaded_tasks: None,
) -> None:
    floor = open_sell()
    dialog = checkout_for_one_item(qtbot, floor, live_server)
    address = scan_like_a_phone(dialog)
    requests.post(address + "/decline", data={"reason": "card blocked"}, timeout=5)
    qtbot.waitUntil(lambda: "declined" in dialog.status.text(), timeout=5_000)
    assert "card blocked" in dialog.status.text()
    assert dialog.again.isVisible()
    dialog.again.click()
    qtbot.waitUntil(lambda: "Scan to pay" in dialog.status.text(), timeout=10_000)
    assert scan_like_a_phone(dialog) != address, "a fresh code for the new try"
    assert floor.sell.cart.view is not None
    assert floor.sell.cart.view.cart.items, "nothing paid: the cart is still there"
    dialog.close_button.click()
