"""A cart line whose size this store does not have is sent from a nearby store: the guide
picks "Send from" on the line, the customer pays with the wallet as usual, the receipt says
where the goods come from and the other store's inbox has the transfer to answer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import requests
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from shopguide.client.holds import Direction, Holds
from shopguide.client.tablet import Tablet
from shopguide.ui.checkout.checkout_dialog import CheckoutDialog
from shopguide.ui.checkout.receipt_view import receipt_text
from shopguide.ui.sell.image_scan import read_codes
from tests.support.live import LiveServer
from tests.ui.conftest import Floor


def sizes_only_there(live: LiveServer, here: int, there: int) -> list[int]:
    """Variants with units at `there` and none on this store's shelf."""
    rows = live.rows(
        "SELECT k.variant_id FROM stock_level k WHERE k.store_id = :t AND k.on_hand >= 2 "
        "AND NOT EXISTS (SELECT 1 FROM stock_level h WHERE h.store_id = :h "
        "AND h.variant_id = k.variant_id AND h.on_hand > 0) ORDER BY k.variant_id",
        t=there,
        h=here,
    )
    return [int(v) for (v,) in rows]  # type: ignore[call-overload]


def test_send_from_another_store_then_pay_and_that_store_is_asked(
    qtbot: QtBot,
    open_sell: Callable[[], Floor],
    live_server: LiveServer,
    make_tablet: Callable[..., Tablet],
    threaded_tasks: None,
    tmp_path: Path,
) -> None:
    floor = open_sell()
    here = floor.tablet.store_id
    there, there_name = live_server.rows("SELECT id, name FROM store WHERE code = 'SZ02'")[0]
    variant, shipped = sizes_only_there(live_server, here, int(there))[:2]  # type: ignore[call-overload]
    cart = floor.sell.cart
    cart.add(variant)
    qtbot.waitUntil(lambda: len(cart.source_buttons) == 1, timeout=5_000)
    assert cart.source_buttons[0].full_text.startswith("From this store")
    assert cart.view is not None
    price_before = cart.view.quote.priced.lines[0].net_total

    cart.source_buttons[0].click()
    qtbot.waitUntil(lambda: cart.source_menu is not None, timeout=5_000)
    assert cart.source_menu is not None
    sends = [a.text() for a in cart.source_menu.actions() if a.text().startswith("Send from")]
    distances = [float(text.split(" · ")[1].removesuffix(" km")) for text in sends]
    assert distances == sorted(distances), "nearest first"
    send = next(
        a for a in cart.source_menu.actions() if a.text().startswith(f"Send from {there_name} ")
    )
    send.trigger()
    cart.source_menu.close()
    qtbot.waitUntil(
        lambda: cart.view is not None and cart.view.cart.items[0].fulfilment is not None,
        timeout=5_000,
    )
    assert cart.source_buttons[0].full_text.startswith(f"Send from {there_name}")

    cart.add(shipped)  # and another the customer wants delivered home
    qtbot.waitUntil(lambda: len(cart.source_buttons) == 2, timeout=5_000)
    cart.source_menu = None
    cart.source_buttons[1].click()
    qtbot.waitUntil(lambda: cart.source_menu is not None, timeout=5_000)
    assert cart.source_menu is not None
    [ship] = [
        a
        for a in cart.source_menu.actions()
        if a.text().startswith(f"Ship to the customer from {there_name} ")
    ]
    ship.trigger()
    cart.source_menu.close()
    assert cart.ship_dialog is not None
    form = cart.ship_dialog
    form.name.setText("Li Na")
    form.phone.setText("13800001234")
    assert not form.buttons.button(form.buttons.StandardButton.Ok).isEnabled()
    form.address.setText("88 Shennan Road, Futian, Shenzhen")
    form.buttons.button(form.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(
        lambda: cart.view is not None and cart.view.cart.items[-1].fulfilment is not None,
        timeout=5_000,
    )
    assert cart.source_buttons[1].full_text.startswith(f"Ship from {there_name}\nto Li Na · 88")
    cart.grab().save(str(tmp_path / "cart.png"))

    qtbot.waitUntil(cart.pay_button.isEnabled, timeout=5_000)
    assert cart.view is not None
    assert cart.view.quote.priced.lines[0].net_total == price_before, "the price stays"
    cart.pay_button.click()
    [dialog] = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, CheckoutDialog) and w.isVisible()
    ]
    qtbot.waitUntil(
        lambda: dialog.qr.pixmap() is not None and not dialog.qr.pixmap().isNull(), timeout=10_000
    )
    [address] = read_codes(dialog.qr.grab().toImage())
    requests.post(address + "/pay", timeout=5)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Paid"), timeout=5_000)
    assert dialog.intent is not None
    order_id = dialog.intent.order_id
    assert dialog.receipt is not None
    text = receipt_text(dialog.receipt.receipt)
    assert f"sent from {there_name}" in text
    assert f"shipped to customer from {there_name}" in text
    dialog.close_button.click()

    assert sorted(
        live_server.rows(
            "SELECT variant_id, from_store_id, to_store_id, ship_to_name FROM transfer "
            "WHERE order_id = :o",
            o=order_id,
        )
    ) == sorted([(variant, there, here, ""), (shipped, there, here, "Li Na")])
    other = make_tablet(live_server.url, "sz02.guide1", folder="b")
    engine = other.connect()
    engine.run_once()
    engine.run_once()
    inbox = Holds(cache=other.cache, outbox=other.outbox, store_id=other.store_id).inbox()
    [asked] = [i for i in inbox.incoming if i.variant_id == variant]
    assert (asked.direction, asked.kind, asked.status) == (
        Direction.INCOMING,
        "transfer",
        "requested",
    )
    assert asked.other_store_id == here
