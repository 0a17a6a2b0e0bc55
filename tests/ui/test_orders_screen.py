"""The Orders screen as a guide uses it: each order's payment state, a retry, the receipt.

Orders are sold through the tablet's own outbox and paid or declined on the
sandbox wallet's page, as a customer's phone would. The retry is paid the
same way, with the QR read from the checkout dialog's pixels.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from shopguide.client.orders import queue_order
from shopguide.client.receipts import Receipt, ReceiptLine
from shopguide.client.tablet import Tablet
from shopguide.core.money import Money
from shopguide.ui.app import application
from shopguide.ui.checkout.checkout_dialog import CheckoutDialog
from shopguide.ui.checkout.receipt_view import save_receipt_pdf
from shopguide.ui.formatting import money
from shopguide.ui.orders.orders_screen import STATE, OrdersScreen, StateBadge
from shopguide.ui.screens import default_screens
from shopguide.ui.sell.image_scan import read_codes
from shopguide.ui.sync_bridge import SyncBridge
from tests.client.test_sync_engine import a_variant_in_stock, one_line
from tests.support.live import PASSWORD, LiveServer
from tests.ui.conftest import delete_closed_widgets
from tests.ui.test_checkout import scan_like_a_phone


@dataclass
class Shop:
    tablet: Tablet
    orders: OrdersScreen
    paid: str
    declined: str


def sell_and_settle(live: LiveServer, tablet: Tablet, action: str, **form: str) -> str:
    """An order pushed from the tablet, then paid or declined on the wallet page."""
    variant_id, _, price = a_variant_in_stock(live, tablet.store_id)
    order_id = queue_order(
        tablet.outbox, store_id=tablet.store_id, lines=one_line(variant_id, price, 2)
    )
    tablet.connect().push_pending()
    assert tablet.api is not None
    intent = tablet.api.post("/payments", {"order_id": order_id, "provider": "sandbox"})
    requests.post(intent["qr_content"] + "/" + action, data=form, timeout=10)
    return order_id


@pytest.fixture
def shop(qtbot: QtBot, live_server: LiveServer, tmp_path: Path) -> Iterator[Shop]:
    """The Orders screen of a synced tablet whose store has one paid and one declined order."""
    application()
    tablet = Tablet(tmp_path / "tablet")
    tablet.login(live_server.url, "sz01.guide1", PASSWORD)
    tablet.connect().run_once()
    paid = sell_and_settle(live_server, tablet, "pay")
    declined = sell_and_settle(live_server, tablet, "decline", reason="card blocked")
    screens = default_screens(tablet, SyncBridge(tablet.connect()))
    for screen in screens:
        qtbot.addWidget(screen.widget)
    [orders] = [s.widget for s in screens if s.key == "orders"]
    assert isinstance(orders, OrdersScreen)
    orders.resize(1180, 720)
    orders.show()
    yield Shop(tablet, orders, paid, declined)
    tablet.close()
    delete_closed_widgets()


def state_on_screen(orders: OrdersScreen, order_id: str) -> str:
    row = orders.model.row_of(order_id)
    assert row is not None
    badge = orders.table.indexWidget(orders.model.index(row, STATE))
    assert isinstance(badge, StateBadge)
    return badge.text


def test_the_screen_lists_each_order_with_its_payment_state(shop: Shop) -> None:
    orders = shop.orders

    assert state_on_screen(orders, shop.paid) == "Paid"
    assert state_on_screen(orders, shop.declined) == "Declined: card blocked"
    assert orders.as_of.text().startswith("As of ")
    declined_row = orders.model.row_of(shop.declined)
    assert declined_row is not None
    assert orders.model.index(declined_row, 3).data() == money(
        orders.model.rows[declined_row].total
    )

    orders.select(shop.declined)
    assert orders.detail is not None
    assert orders.retry_button.isEnabled()
    assert not orders.receipt_button.isEnabled()
    assert "declined: card blocked" in orders.detail_payments.text()
    assert "× 2" in orders.detail_lines.text()

    orders.select(shop.paid)
    assert not orders.retry_button.isEnabled()
    assert orders.receipt_button.isEnabled()


def test_the_receipt_of_a_paid_order_shows_its_lines_and_a_qr_to_keep_it(
    shop: Shop, live_server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    orders = shop.orders
    orders.select(shop.paid)
    orders.receipt_button.click()

    dialog = orders.receipt_dialog
    assert dialog is not None
    view = dialog.view
    [address] = read_codes(view.qr.grab().toImage())
    assert address.startswith(live_server.url + "/receipt/")
    assert view.qr_caption.text() == "Scan to keep your receipt"
    assert "Total" in view.total.text()
    assert "Paid by Wallet" in view.method.text()
    page = requests.get(address, timeout=10)
    assert ">Paid<" in page.text

    chosen = tmp_path / "receipt.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_args: (str(chosen), ""))
    )
    view.save_button.click()
    assert view.saved_to == chosen
    assert chosen.read_bytes().startswith(b"%PDF-")
    dialog.close()


def pdf_pages(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", path.read_bytes()))


def test_a_receipt_pdf_holds_its_lines_on_as_many_pages_as_they_need(tmp_path: Path) -> None:
    application()

    def receipt(lines: int) -> Receipt:
        return Receipt(
            store_name="Nanfeng COCO Park",
            order_id="0193a4b2-1111-7000-8000-00000000abcd",
            lines=tuple(
                ReceiptLine(f"Breeze Trail Runner Black {40 + n % 5}", 1, Money(59900, "CNY"))
                for n in range(lines)
            ),
            total=Money(59900 * lines, "CNY"),
            method="cash",
            paid_at=None,
            url="http://127.0.0.1:8000/receipt/0193a4b2111170008000000000000abcd.0123",
        )

    short, long = tmp_path / "short.pdf", tmp_path / "long.pdf"
    save_receipt_pdf(receipt(3), short)
    save_receipt_pdf(receipt(60), long)

    assert short.read_bytes().startswith(b"%PDF-")
    assert pdf_pages(short) == 1
    assert pdf_pages(long) > 1


def test_retry_on_a_declined_order_opens_a_checkout_that_the_wallet_pays(
    qtbot: QtBot, shop: Shop, live_server: LiveServer, threaded_tasks: None
) -> None:
    orders = shop.orders
    orders.select(shop.declined)
    qtbot.waitUntil(lambda: orders.retry_button.isEnabled(), timeout=5_000)

    orders.retry_button.click()

    def open_checkout() -> CheckoutDialog | None:
        found = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, CheckoutDialog) and w.isVisible()
        ]
        return found[0] if found else None

    qtbot.waitUntil(lambda: open_checkout() is not None, timeout=10_000)
    dialog = open_checkout()
    assert dialog is not None
    assert dialog.sale.order_id == shop.declined
    assert dialog.sale.place is None, "the order is on the server already"
    qtbot.waitUntil(
        lambda: dialog.qr.pixmap() is not None and not dialog.qr.pixmap().isNull(), timeout=10_000
    )
    requests.post(scan_like_a_phone(dialog) + "/pay", timeout=10)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Paid"), timeout=5_000)
    receipt = dialog.receipt
    assert receipt is not None
    qtbot.waitUntil(lambda: receipt.qr.isVisible(), timeout=5_000)
    [address] = read_codes(receipt.qr.grab().toImage())
    assert "/receipt/" in address
    qtbot.waitUntil(lambda: state_on_screen(orders, shop.declined) == "Paid", timeout=5_000)
    dialog.close_button.click()
