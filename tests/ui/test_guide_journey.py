"""One guide's session from login to a parked cart that survives an app restart.

Every step goes through the app as a guide would use it: the login dialog,
typing in the search, a scanner's keystrokes, the product's stock matrix, the
cart's coupon field, Park, and starting the app again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from shopguide.client.tablet import Tablet
from shopguide.ui.app import AppController, application
from shopguide.ui.screens import default_screens
from shopguide.ui.sell.product_detail import ProductDetail
from shopguide.ui.sell.search_model import VARIANT_ID_ROLE
from shopguide.ui.sell.sell_screen import SellScreen
from tests.support.live import PASSWORD, LiveServer


def start_app(tmp_path: Path, server_url: str) -> AppController:
    application()
    app = AppController(Tablet(tmp_path / "tablet"), default_screens, server_url_hint=server_url)
    app.start()
    return app


def sell_screen(app: AppController) -> SellScreen:
    assert app.window is not None
    screen = app.window.stack.currentWidget()
    assert isinstance(screen, SellScreen)
    return screen


def test_a_guides_session_from_login_to_a_parked_cart_after_a_restart(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path
) -> None:
    member_id, coupon = live_server.rows(
        "SELECT m.id, c.code FROM coupon c JOIN member m ON m.id = c.member_id "
        "JOIN store s ON s.id = m.home_store_id WHERE s.code = 'SZ01' AND c.kind = 'amount' "
        "AND c.state = 'issued' AND c.category IS NULL AND c.min_spend <= 100000 "
        "AND c.valid_from <= CURRENT_TIMESTAMP AND c.valid_to > CURRENT_TIMESTAMP LIMIT 1"
    )[0]
    scanned_id, barcode = live_server.rows(
        "SELECT v.id, v.barcode FROM variant v JOIN style s ON s.id = v.style_id "
        "ORDER BY s.list_price DESC, v.id LIMIT 1"
    )[0]

    app = start_app(tmp_path, live_server.url)
    dialog = app.login_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.username, "sz01.guide1")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    window = app.window
    assert window is not None
    qtbot.waitUntil(lambda: window.indicator.text().startswith("Up to date"), timeout=15_000)
    sell = sell_screen(app)

    sell.search.setFocus()
    qtbot.keyClicks(sell.search, "runner")
    assert sell.model.rowCount() > 0
    qtbot.keyClicks(sell.search, str(barcode))
    qtbot.keyClick(sell.search, Qt.Key.Key_Return)
    assert sell.search.text() == "runner"

    first = sell.model.index(0)
    picked = first.data(VARIANT_ID_ROLE)
    sell.results.clicked.emit(first)
    [detail] = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, ProductDetail) and w.isVisible()
    ]
    assert detail.matrix_data is not None
    cell = next(c for c in detail.matrix_data.cells.values() if c.variant_id == picked)
    held_server = live_server.scalar(
        "SELECT on_hand FROM stock_level WHERE store_id = 1 AND variant_id = :v", v=picked
    )
    assert cell.on_hand == max(int(held_server or 0), 0)  # type: ignore[call-overload]
    detail.add_button.click()

    sell.cart.store.attach_member(int(member_id))  # type: ignore[call-overload]
    qtbot.keyClicks(sell.cart.coupon, str(coupon))
    qtbot.keyClick(sell.cart.coupon, Qt.Key.Key_Return)
    view = sell.cart.view
    assert view is not None
    assert sorted(i.variant_id for i in view.cart.items) == sorted({scanned_id, picked})
    assert view.quote.priced.applied_coupon is not None
    total = view.quote.priced.total
    assert "Total" in sell.cart.total.text()

    sell.cart.store.park("trying on the jacket")
    sell.cart.refresh()
    window.close()
    app.tablet.close()

    again = start_app(tmp_path, live_server.url)
    assert again.login_dialog is None, "the login was kept without a keyring"
    sell = sell_screen(again)
    assert sell.cart.parked_button.text() == "Parked (1)"
    [parked] = sell.cart.store.parked()
    sell.cart.resume(parked.id)
    assert sell.cart.view is not None
    assert sell.cart.view.quote.priced.total == total
    assert again.window is not None
    again.window.close()
    again.tablet.close()
