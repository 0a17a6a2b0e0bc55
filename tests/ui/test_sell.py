"""A guide at work on the Sell screen: search, scan, read the stock matrix, build the cart,
apply a coupon, park it, restart the app and find it again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from shopguide.ui.sell.product_detail import ProductDetail
from shopguide.ui.sell.search_model import VARIANT_ID_ROLE
from tests.support.live import LiveServer
from tests.ui.conftest import Floor


def cart_variants(floor: Floor) -> list[tuple[int, int]]:
    assert floor.sell.cart.view is not None
    return [(i.variant_id, i.quantity) for i in floor.sell.cart.view.cart.items]


def test_typing_narrows_the_results_as_the_guide_types(
    qtbot: QtBot, open_sell: Callable[[], Floor]
) -> None:
    floor = open_sell()
    qtbot.keyClicks(floor.sell.search, "r")
    wide = floor.sell.model.rowCount()
    qtbot.keyClicks(floor.sell.search, "unner")
    narrow = floor.sell.model.total
    assert 0 < narrow <= wide or wide == 100
    first = floor.sell.model.index(0)
    assert "Runner" in first.data()
    assert "matches" in floor.sell.count.text()


def test_a_scanner_burst_adds_the_variant_and_leaves_the_search_alone(
    qtbot: QtBot, open_sell: Callable[[], Floor], live_server: LiveServer
) -> None:
    floor = open_sell()
    variant_id, barcode = live_server.rows("SELECT id, barcode FROM variant ORDER BY id LIMIT 1")[0]
    floor.sell.search.setFocus()
    qtbot.keyClicks(floor.sell.search, "tee ")
    qtbot.keyClicks(floor.sell.search, str(barcode))
    qtbot.keyClick(floor.sell.search, Qt.Key.Key_Return)
    assert floor.sell.search.text() == "tee "
    assert cart_variants(floor) == [(variant_id, 1)]


def test_an_unknown_barcode_says_so(qtbot: QtBot, open_sell: Callable[[], Floor]) -> None:
    floor = open_sell()
    floor.sell.search.setFocus()
    qtbot.keyClicks(floor.sell.search, "4006381333931")
    qtbot.keyClick(floor.sell.search, Qt.Key.Key_Return)
    assert floor.sell.message.text() == "No product with barcode 4006381333931"
    assert cart_variants(floor) == []


def test_the_product_shows_this_stores_stock_matrix_and_nearby_stores(
    qtbot: QtBot, open_sell: Callable[[], Floor], live_server: LiveServer
) -> None:
    floor = open_sell()
    qtbot.keyClicks(floor.sell.search, "runner")
    index = floor.sell.model.index(0)
    variant_id = index.data(VARIANT_ID_ROLE)
    floor.sell.results.clicked.emit(index)
    [detail] = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, ProductDetail) and w.isVisible()
    ]
    matrix = detail.matrix_data
    assert matrix is not None
    on_server = dict(
        live_server.rows(  # type: ignore[arg-type]
            "SELECT s.variant_id, s.on_hand FROM stock_level s "
            "JOIN variant v ON v.id = s.variant_id "
            "JOIN store st ON st.id = s.store_id WHERE st.code = 'SZ01' AND v.style_id = "
            "(SELECT style_id FROM variant WHERE id = :v)",
            v=variant_id,
        )
    )
    shown = {cell.variant_id: cell.on_hand for cell in matrix.cells.values()}
    assert shown == {v: on_server.get(v, 0) for v in shown}
    row = matrix.colours.index(
        next(c for (c, _s), cell in matrix.cells.items() if cell.variant_id == variant_id)
    )
    assert detail.matrix.item(row, 0) is not None
    assert detail.selected_variant == variant_id
    assert detail.nearby.count() > 0
    detail.add_button.click()
    assert cart_variants(floor) == [(variant_id, 1)]


def test_a_cart_with_a_coupon_is_parked_and_found_again_after_a_restart(
    qtbot: QtBot, open_sell: Callable[[], Floor], live_server: LiveServer
) -> None:
    member_id, code, min_spend = live_server.rows(
        "SELECT m.id, c.code, c.min_spend FROM coupon c JOIN member m ON m.id = c.member_id "
        "JOIN store s ON s.id = m.home_store_id WHERE s.code = 'SZ01' AND c.kind = 'amount' "
        "AND c.state = 'issued' AND c.category IS NULL AND c.valid_from <= CURRENT_TIMESTAMP "
        "AND c.valid_to > CURRENT_TIMESTAMP ORDER BY c.min_spend LIMIT 1"
    )[0]
    expensive = [
        v
        for (v,) in live_server.rows(
            "SELECT v.id FROM variant v JOIN style s ON s.id = v.style_id "
            "ORDER BY s.list_price DESC, v.id LIMIT 2"
        )
    ]
    floor = open_sell()
    floor.sell.cart.store.attach_member(int(member_id))  # type: ignore[arg-type]
    for variant_id in expensive:
        floor.sell.cart.add(variant_id)
    floor.sell.cart.set_quantity(expensive[0], 3)
    floor.sell.cart.coupon.setText(str(code).lower())
    qtbot.keyClick(floor.sell.cart.coupon, Qt.Key.Key_Return)
    view = floor.sell.cart.view
    assert view is not None
    assert view.quote.priced.applied_coupon is not None, view.quote.priced.explanation()
    assert str(code) in floor.sell.cart.explanation.text()
    assert view.quote.priced.subtotal.minor >= int(min_spend)  # type: ignore[call-overload]
    total_before = view.quote.priced.total

    floor.sell.cart.store.park("lady in the red jacket")
    floor.sell.cart.refresh()
    assert cart_variants(floor) == []
    assert floor.sell.cart.parked_button.text() == "Parked (1)"

    again = open_sell()
    [parked] = again.sell.cart.store.parked()
    assert parked.label == "lady in the red jacket"
    again.sell.cart.resume(parked.id)
    assert cart_variants(again) == [(expensive[0], 3), (expensive[1], 1)]
    assert again.sell.cart.view is not None
    assert again.sell.cart.view.quote.priced.total == total_before


def test_removing_a_line_can_be_undone(
    qtbot: QtBot, open_sell: Callable[[], Floor], live_server: LiveServer
) -> None:
    ids = [v for (v,) in live_server.rows("SELECT id FROM variant ORDER BY id LIMIT 3")]
    floor = open_sell()
    for variant_id in ids:
        floor.sell.cart.add(variant_id)
    floor.sell.cart.remove(ids[1])
    assert [v for v, _ in cart_variants(floor)] == [ids[0], ids[2]]
    assert floor.sell.cart.undo_bar.isVisible()
    floor.sell.cart.undo_button.click()
    assert [v for v, _ in cart_variants(floor)] == ids
    assert not floor.sell.cart.undo_bar.isVisible()


def test_tapping_a_cart_line_changes_its_size_in_place(
    qtbot: QtBot, open_sell: Callable[[], Floor], live_server: LiveServer
) -> None:
    first, other_size = (
        v
        for (v,) in live_server.rows(
            "SELECT id FROM variant WHERE style_id = (SELECT MIN(style_id) FROM variant) "
            "ORDER BY id LIMIT 2"
        )
    )
    tee = live_server.rows("SELECT MAX(id) FROM variant")[0][0]
    floor = open_sell()
    floor.sell.cart.add(int(first))  # type: ignore[call-overload]
    floor.sell.cart.add(int(tee))  # type: ignore[call-overload]
    floor.sell.cart.set_quantity(int(first), 2)  # type: ignore[call-overload]
    floor.sell.cart.line_buttons[0].click()
    [detail] = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, ProductDetail) and w.isVisible()
    ]
    assert detail.add_button.text() == "Change to this colour and size"
    assert detail.matrix_data is not None
    row, column = next(
        (r, c)
        for r, colour in enumerate(detail.matrix_data.colours)
        for c, size in enumerate(detail.matrix_data.sizes)
        if (cell := detail.matrix_data.cells.get((colour, size))) and cell.variant_id == other_size
    )
    detail.matrix.cellClicked.emit(row, column)
    detail.add_button.click()
    assert cart_variants(floor) == [(other_size, 2), (tee, 1)]


def test_a_picture_of_a_barcode_adds_the_variant(
    qtbot: QtBot, open_sell: Callable[[], Floor], live_server: LiveServer, tmp_path: Path
) -> None:
    import zxingcpp
    from PySide6.QtGui import QImage

    variant_id, barcode = live_server.rows("SELECT id, barcode FROM variant ORDER BY id DESC")[0]
    code = zxingcpp.create_barcode(str(barcode), zxingcpp.BarcodeFormat.EAN13).to_image(scale=3)
    height, width = code.shape
    path = tmp_path / "label.png"
    QImage(
        memoryview(code).tobytes(), width, height, width, QImage.Format.Format_Grayscale8
    ).copy().save(str(path))
    floor = open_sell()
    floor.sell.scan_picture(str(path))
    assert cart_variants(floor) == [(variant_id, 1)]


def test_the_camera_scanner_turns_a_frame_with_a_barcode_into_a_cart_line(
    qtbot: QtBot, open_sell: Callable[[], Floor], live_server: LiveServer
) -> None:
    import zxingcpp
    from PySide6.QtGui import QImage

    floor = open_sell()
    assert floor.sell.camera_button.isHidden(), "no camera on a test machine: no button"
    variant_id, barcode = live_server.rows("SELECT id, barcode FROM variant ORDER BY id")[3]
    code = zxingcpp.create_barcode(str(barcode), zxingcpp.BarcodeFormat.EAN13).to_image(scale=3)
    height, width = code.shape
    frame = QImage(
        memoryview(code).tobytes(), width, height, width, QImage.Format.Format_Grayscale8
    ).copy()
    dialog = floor.sell.scan_with_camera()
    assert dialog.preview.text() == "This tablet has no camera."
    dialog.look_at(frame)
    assert not dialog.isVisible()
    assert cart_variants(floor) == [(variant_id, 1)]
