"""Screenshots of the tablet app at 1280x800, taken offscreen over a seeded demo brand.

    .venv/bin/python scripts/screenshots.py [OUTPUT_FOLDER]   (default: screenshots/)

Writes sell.png (search results and a cart for a gold member with a coupon),
product.png (the stock matrix with nearby stores), cart.png (the cart),
sell-portrait.png (the Sell screen with the tablet upright, 800x1280),
orders.png (the Orders screen: paid, declined, cash and waiting orders),
members.png (that member's card on the Members screen, with the cart attached),
stock.png (a style's colour x size stock here and in the nearby stores),
manager.png (the store manager's restock suggestions with the size chart), and
sell-zh_CN.png and sell-ja.png (the same Sell screen after switching the language
in the top bar to Simplified Chinese and to Japanese).
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import requests
from PySide6.QtCore import QEventLoop, QTimer

from shopguide.cli import DEMO_PASSWORD
from shopguide.client.catalog import CatalogReader
from shopguide.client.offline_payments import OfflinePayments
from shopguide.client.orders import OrderLine, queue_order
from shopguide.client.tablet import Tablet
from shopguide.core.money import Money
from shopguide.server.config import Settings
from shopguide.server.db import make_engine
from shopguide.server.embedded import EmbeddedServer
from shopguide.server.migrate import upgrade
from shopguide.server.seed import seed_database
from shopguide.ui.app import AppController, application
from shopguide.ui.members.members_screen import MembersScreen
from shopguide.ui.orders.orders_screen import OrdersScreen
from shopguide.ui.screens import default_screens
from shopguide.ui.sell.product_detail import ProductDetail
from shopguide.ui.sell.search_model import VARIANT_ID_ROLE
from shopguide.ui.sell.sell_screen import SellScreen
from shopguide.ui.stock.stock_screen import StockScreen


def settle(ms: int = 400) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def a_member_with_a_coupon(server_db: Path) -> tuple[int, str]:
    """A member of SZ01 holding an unused amount-off coupon that a two-item cart reaches."""
    with sqlite3.connect(server_db) as conn:
        member_id, code = conn.execute(
            "SELECT m.id, c.code FROM coupon c JOIN member m ON m.id = c.member_id "
            "WHERE m.home_store_id = 1 AND m.tier = 'gold' AND c.kind = 'amount' "
            "AND c.state = 'issued' AND c.category IS NULL AND c.min_spend <= 100000 "
            "AND c.valid_from <= CURRENT_TIMESTAMP AND c.valid_to > CURRENT_TIMESTAMP LIMIT 1"
        ).fetchone()
    return int(member_id), str(code)


def some_orders(tablet: Tablet, reader: CatalogReader, variant_ids: list[int]) -> str:
    """Sales in the states a guide meets, settled as a customer would; returns the declined one."""
    assert tablet.api is not None
    engine = tablet.connect()
    rows = reader.variant_rows(variant_ids)

    def sell(variant_id: int, quantity: int) -> str:
        price = rows[variant_id].list_price
        line = OrderLine(variant_id, quantity, price, Money.zero(price.currency))
        return queue_order(tablet.outbox, store_id=tablet.store_id, lines=[line])

    def wallet(order_id: str, action: str, **form: str) -> None:
        assert tablet.api is not None
        intent = tablet.api.post("/payments", {"order_id": order_id, "provider": "sandbox"})
        requests.post(intent["qr_content"] + "/" + action, data=form, timeout=10)

    paid, cash, declined, _waiting = (
        sell(v, n) for v, n in zip(variant_ids, (2, 1, 1, 3), strict=True)
    )
    engine.push_pending()
    wallet(paid, "pay")
    wallet(declined, "decline", reason="insufficient balance")
    price = rows[variant_ids[1]].list_price
    OfflinePayments(outbox=tablet.outbox, cache=tablet.cache, store_id=tablet.store_id).record(
        cash, "cash", price
    )
    engine.push_pending()
    return declined


def a_purchase(tablet: Tablet, reader: CatalogReader, member_id: int, variant_id: int) -> None:
    """The member bought one item here earlier and paid in the wallet."""
    assert tablet.api is not None
    price = reader.variant_rows([variant_id])[variant_id].list_price
    line = OrderLine(variant_id, 1, price, Money.zero(price.currency))
    order_id = queue_order(
        tablet.outbox, store_id=tablet.store_id, lines=[line], member_id=member_id
    )
    tablet.connect().push_pending()
    intent = tablet.api.post("/payments", {"order_id": order_id, "provider": "sandbox"})
    requests.post(intent["qr_content"] + "/pay", timeout=10)


def edit_the_card(members: MembersScreen) -> None:
    """What a guide learns while serving the member: their sizes and a note."""
    panel = members.panel
    for category, size in (("running shoes", "39"), ("t-shirts", "M")):
        panel.add_size_row()
        row = panel.sizes.rowCount() - 1
        for column, text in enumerate((category, size)):
            item = panel.sizes.item(row, column)
            assert item is not None
            item.setText(text)
    panel.save_sizes_button.click()
    settle()
    panel.note.setPlainText("Prefers slim fits. Ask about the trail runners in 39.")
    panel.save_note_button.click()
    settle()


def sell_in(controller: AppController, language: str, out: Path | None) -> SellScreen:
    """Switch the language as a guide does in the top bar; the cart stays as it was."""
    controller.change_language(language)
    window = controller.window
    assert window is not None
    window.resize(1280, 800)
    sell = window.stack.currentWidget()
    assert isinstance(sell, SellScreen)
    sell.search.setText("runner")
    settle(1500)
    if out is not None:
        window.grab().save(str(out / f"sell-{language}.png"))
    return sell


def manager_window(folder: Path, server_url: str, out: Path) -> None:
    """The store manager's view of the same store, on a tablet logged in as its manager."""
    tablet = Tablet(folder / "manager-tablet")
    tablet.login(server_url, "sz01.manager", DEMO_PASSWORD)
    tablet.connect().run_once()
    controller = AppController(tablet, default_screens)
    controller.start()
    window = controller.window
    assert window is not None
    window.resize(1280, 800)
    window.show_screen("manager")
    settle(2500)
    window.grab().save(str(out / "manager.png"))
    window.close()
    tablet.close()


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = application()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        url = f"sqlite:///{folder / 'server.db'}"
        engine = make_engine(url)
        upgrade(engine)
        seed_database(engine, stores=30, styles=600, members=2000, password=DEMO_PASSWORD)
        settings = Settings(database_url=url, secret_key="s" * 40, sandbox_payments=True)
        with EmbeddedServer(settings) as server:
            tablet = Tablet(folder / "tablet")
            tablet.login(server.url, "sz01.guide1", DEMO_PASSWORD)
            sync = tablet.connect()
            sync.run_once()
            sync.run_once()
            controller = AppController(tablet, default_screens)
            controller.start()
            window = controller.window
            assert window is not None
            window.resize(1280, 800)
            settle(1500)
            sell = window.stack.currentWidget()
            assert isinstance(sell, SellScreen)
            sell.search.setText("runner")
            settle()
            model = sell.model
            ids = [model.index(i).data(VARIANT_ID_ROLE) for i in range(min(model.rowCount(), 8))]
            member_id, coupon = a_member_with_a_coupon(folder / "server.db")
            sell.cart.store.attach_member(member_id)
            for variant_id in ids[:2]:
                sell.cart.add(variant_id)
            sell.cart.add_coupon_code(coupon)
            settle()
            window.grab().save(str(out / "sell.png"))
            sell.cart.grab().save(str(out / "cart.png"))
            for language in ("zh_CN", "ja"):
                sell_in(controller, language, out)
            sell = sell_in(controller, "en", None)
            window = controller.window
            assert window is not None
            for _ in range(2):  # the first resize is bounded by the landscape layout
                window.resize(800, 1280)
                settle()
            window.grab().save(str(out / "sell-portrait.png"))
            window.resize(1280, 800)
            settle()
            style_id = sell.reader.variant_rows([ids[0]])[ids[0]].style_id
            detail = ProductDetail(
                sell.reader,
                style_id=style_id,
                store_id=tablet.store_id,
                on_add=lambda _v: None,
                selected_variant=ids[0],
                parent=window,
            )
            detail.resize(1200, 720)
            detail.show()
            settle()
            detail.grab().save(str(out / "product.png"))
            detail.close()
            declined = some_orders(tablet, sell.reader, ids[2:6])
            window.show_screen("orders")
            settle(1500)
            orders = window.stack.currentWidget()
            assert isinstance(orders, OrdersScreen)
            orders.select(declined)
            settle()
            window.grab().save(str(out / "orders.png"))
            for variant_id in ids[6:8]:
                a_purchase(tablet, sell.reader, member_id, variant_id)
            window.show_screen("members")
            members = window.stack.currentWidget()
            assert isinstance(members, MembersScreen)
            members.open_member(member_id)
            settle(1500)
            edit_the_card(members)
            window.grab().save(str(out / "members.png"))
            window.show_screen("stock")
            stock = window.stack.currentWidget()
            assert isinstance(stock, StockScreen)
            stock.search.setText("runner")
            stock.show_style(style_id)
            settle(1500)
            window.grab().save(str(out / "stock.png"))
            window.close()
            tablet.close()
            manager_window(folder, server.url, out)
        engine.dispose()
    app.quit()
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("screenshots")))
