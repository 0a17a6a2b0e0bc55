"""The Sell screen: search-as-you-type and scanning on the left, the cart on the right.

A scanned product goes into the cart. A scanned member code (the `SGM1.` code
on the customer's phone, or a printed card's `SGM:`) is no product: the
screen hands it on (`member_code_scanned`) to whoever opens members, which
puts the member on the cart and confirms it here (`say`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shopguide.client.catalog import CatalogReader, VariantRow
from shopguide.core.member_code import is_member_scan
from shopguide.ui.keyboard import activate_with_keys, enter_clicks_buttons
from shopguide.ui.sell.cart_panel import CartPanel
from shopguide.ui.sell.image_scan import read_codes_from_file, scannable_code
from shopguide.ui.sell.scanner import WedgeScanner
from shopguide.ui.sell.search_model import COUNT_CAP, VARIANT_ID_ROLE, SearchResultsModel
from shopguide.ui.tasks import run_task

if TYPE_CHECKING:
    from shopguide.ui.sell.camera_scan import CameraScanner


CAMERA_CHECK_DELAY_MS = 1000
NARROW_WIDTH = 900
CONFIRMATION_MS = 6000  # how long "… is on this cart" stays; problems stay until the next scan


def camera_available() -> bool:
    """A camera the app can use; False too where QtMultimedia cannot load at all."""
    try:
        from shopguide.ui.sell.camera_scan import has_camera
    except ImportError:
        return False
    return has_camera()


def tr(text: str) -> str:
    return QCoreApplication.translate("SellScreen", text)


class SellScreen(QWidget):
    member_code_scanned = Signal(str)  # a member's code came in where a product was expected

    def __init__(
        self,
        reader: CatalogReader,
        *,
        on_add: Callable[[int], None],
        on_open: Callable[[int], None],
        cart: CartPanel,
    ) -> None:
        super().__init__()
        enter_clicks_buttons(self)
        self.reader = reader
        self.cart = cart
        self._on_add = on_add
        self._on_open = on_open
        layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._split = layout
        left = QVBoxLayout()
        self.search = QLineEdit()
        self.setFocusProxy(self.search)  # focus on the screen (a rail shortcut) lands here
        self.search.setObjectName("searchField")
        self.search.setPlaceholderText(tr("Search by name, SKU, colour or scan a barcode"))
        self.search.setAccessibleName(tr("Search the catalog"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self._search_entered)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        self.picture_button = QPushButton(tr("Scan a picture"))
        self.picture_button.setAccessibleName(tr("Read a barcode from a picture"))
        self.picture_button.setMinimumHeight(56)
        self.picture_button.clicked.connect(self._scan_picture)
        search_row.addWidget(self.picture_button)
        self.camera_button = QPushButton(tr("Camera"))
        self.camera_button.setAccessibleName(tr("Scan a barcode with the camera"))
        self.camera_button.setMinimumHeight(56)
        self.camera_button.clicked.connect(self.scan_with_camera)
        self.camera_button.hide()
        # Loading QtMultimedia takes a moment: look for a camera once the screen is up.
        QTimer.singleShot(CAMERA_CHECK_DELAY_MS, self._offer_camera)
        search_row.addWidget(self.camera_button)
        left.addLayout(search_row)
        self.count = QLabel()
        self.count.setObjectName("resultCount")
        self.count.setTextFormat(Qt.TextFormat.PlainText)  # names are data, never markup
        left.addWidget(self.count)
        self.model = SearchResultsModel(reader)
        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setUniformItemSizes(True)
        self.results.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.results.setAccessibleName(tr("Search results"))
        left.addWidget(self.results, 1)
        self.message = QLabel()
        self.message.setObjectName("scanMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # names are data, never markup
        self.message.setWordWrap(True)
        self.message.hide()
        left.addWidget(self.message)
        self._confirmation_timer = QTimer(self)
        self._confirmation_timer.setSingleShot(True)
        self._confirmation_timer.timeout.connect(lambda: self.say("", ""))
        layout.addLayout(left, 3)
        layout.addWidget(cart, 2)

        self.search.textChanged.connect(self.model.set_query)
        self.model.results_changed.connect(self._show_count)
        self.results.clicked.connect(self._open)
        activate_with_keys(self.results, self._open)
        self.scanner = WedgeScanner(self)
        self.scanner.scanned.connect(self.scanned)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.scanner)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        """Side by side on a wide screen; the cart under the results on a narrow (upright) one,
        where the cart (member, lines, coupons, total, Pay) gets half the height."""
        portrait = event.size().width() < NARROW_WIDTH
        self._split.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self._split.setStretch(0, 1 if portrait else 3)
        self._split.setStretch(1, 1 if portrait else 2)
        super().resizeEvent(event)

    def _show_count(self, total: int) -> None:
        if not self.model.query.strip():
            self.count.setText("")
        elif total >= COUNT_CAP:
            self.count.setText(tr("More than {0} matches: keep typing").format(COUNT_CAP - 1))
        elif total == 0:
            self.count.setText(tr("Nothing matches “{0}”").format(self.model.query))
        else:
            self.count.setText(tr("{0} matches").format(total))

    def _open(self, index: QModelIndex) -> None:
        variant_id = index.data(VARIANT_ID_ROLE)
        if variant_id is not None:
            self._on_open(int(variant_id))

    def scanned(self, code: str) -> None:
        """A code came in (scanner, camera or typed): a product goes into the cart, a member
        code is handed on to put the member on it."""
        if is_member_scan(code):
            self.member_code_scanned.emit(code.strip())
            return
        run_task(
            lambda: self.reader.by_barcode(code),
            lambda row: self._add_scanned(code, row),
            self._scan_failed,
        )

    def say(self, text: str, level: str) -> None:
        """A line under the results: level ok (a short confirmation), busy, warn or error."""
        self.message.setText(text)
        self.message.setProperty("level", level)
        self.message.style().polish(self.message)
        self.message.setVisible(bool(text))
        if level == "ok":
            self._confirmation_timer.start(CONFIRMATION_MS)
        else:
            self._confirmation_timer.stop()

    def _search_entered(self) -> None:
        """A member code typed or pasted into the search (a slow scanner) is a scan too."""
        text = self.search.text().strip()
        if is_member_scan(text):
            self.search.clear()
            self.scanned(text)

    def _offer_camera(self) -> None:
        self.camera_button.setVisible(camera_available())

    def scan_with_camera(self) -> CameraScanner:
        from shopguide.ui.sell.camera_scan import CameraScanner

        dialog = CameraScanner(self, pick=scannable_code)
        dialog.found.connect(self.scanned)
        dialog.open()
        return dialog

    def _scan_picture(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Picture of a barcode"), "", tr("Pictures (*.png *.jpg *.jpeg *.bmp)")
        )
        if path:
            self.scan_picture(path)

    def scan_picture(self, path: str) -> None:
        """Read the codes in a picture: a member code or a product barcode is scanned."""

        def found(codes: list[str]) -> None:
            code = scannable_code(codes)
            if code is not None:
                self.scanned(code)
            else:
                self.say(tr("No barcode or member code found in that picture"), "error")

        run_task(lambda: read_codes_from_file(path), found, self._scan_failed)

    def _add_scanned(self, code: str, row: VariantRow | None) -> None:
        if row is None:
            self.say(tr("No product with barcode {0}").format(code), "error")
            return
        self.say("", "")
        self._on_add(row.variant_id)

    def _scan_failed(self, error: Exception) -> None:
        self.say(str(error), "error")
