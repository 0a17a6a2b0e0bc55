"""A product up close: price, description, the colour × size stock matrix for this store,
and for a tapped size the nearby stores that have it, nearest first.

Cells are coloured by level (none / low / ok) and also say the number, so
colour is never the only signal.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shopguide.client.catalog import (
    CatalogReader,
    NearbyStock,
    StockCell,
    StockLevel,
    StockMatrix,
    StyleDetail,
)
from shopguide.ui.formatting import money
from shopguide.ui.keyboard import activate_with_keys
from shopguide.ui.members.texts import tier_label
from shopguide.ui.sync_indicator import age_text
from shopguide.ui.tasks import run_task

LEVEL_COLOURS = {StockLevel.NONE: "#fde2e1", StockLevel.LOW: "#fff1c2", StockLevel.OK: "#dff3e4"}
VARIANT_ROLE = Qt.ItemDataRole.UserRole + 1


def tr(text: str) -> str:
    return QCoreApplication.translate("ProductDetail", text)


def cell_text(colour: str, size: str, cell: StockCell | None) -> str:
    """What a screen reader says for a cell of a stock matrix (its colour says the level)."""
    if cell is None:
        return tr("{0}, {1}: not made").format(colour, size)
    level = {
        StockLevel.NONE: tr("none in stock"),
        StockLevel.LOW: tr("{0} in stock, low"),
        StockLevel.OK: tr("{0} in stock"),
    }[cell.level]
    return tr("{0}, {1}: {2}").format(colour, size, level.format(cell.on_hand))


class ProductDetail(QDialog):
    def __init__(
        self,
        reader: CatalogReader,
        *,
        style_id: int,
        store_id: int,
        on_add: Callable[[int], None],
        selected_variant: int | None = None,
        action_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.reader, self.store_id, self._on_add = reader, store_id, on_add
        self.selected_variant = selected_variant
        self.style_detail: StyleDetail | None = None
        self.matrix_data: StockMatrix | None = None
        self.setMinimumSize(1100, 680)
        layout = QHBoxLayout(self)

        left = QVBoxLayout()
        self.photo = QLabel(tr("No photo yet"))
        self.photo.setObjectName("photoPlaceholder")
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setFixedSize(260, 260)
        left.addWidget(self.photo)
        self.name = QLabel()
        self.name.setObjectName("productName")
        self.name.setTextFormat(Qt.TextFormat.PlainText)  # names are data, never markup
        self.name.setWordWrap(True)
        left.addWidget(self.name)
        self.price = QLabel()
        self.price.setObjectName("productPrice")
        left.addWidget(self.price)
        self.description = QLabel()
        self.description.setWordWrap(True)
        left.addWidget(self.description)
        left.addStretch(1)
        layout.addLayout(left, 2)

        middle = QVBoxLayout()
        self.as_of = QLabel()
        self.as_of.setObjectName("asOf")
        middle.addWidget(self.as_of)
        self.matrix = QTableWidget()
        self.matrix.setAccessibleName(tr("Stock by colour and size in this store"))
        self.matrix.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.matrix.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matrix.verticalHeader().setDefaultSectionSize(56)
        self.matrix.cellClicked.connect(self._cell_tapped)
        activate_with_keys(self.matrix, lambda i: self._cell_tapped(i.row(), i.column()))
        middle.addWidget(self.matrix, 1)
        self.add_button = QPushButton(action_text or tr("Add to cart"))
        self.add_button.setObjectName("primary")
        self.add_button.setMinimumHeight(56)
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(self._add)
        middle.addWidget(self.add_button)
        layout.addLayout(middle, 4)

        right = QVBoxLayout()
        self.nearby_title = QLabel(tr("Tap a size to see nearby stores"))
        self.nearby_title.setWordWrap(True)
        right.addWidget(self.nearby_title)
        self.nearby = QListWidget()
        self.nearby.setAccessibleName(tr("Nearby stores with this size"))
        self.nearby.setWordWrap(True)
        right.addWidget(self.nearby, 1)
        layout.addLayout(right, 3)
        # Choose a size (arrows, Enter), add it (Tab, Enter); the nearby stores after.
        QWidget.setTabOrder(self.matrix, self.add_button)
        QWidget.setTabOrder(self.add_button, self.nearby)
        self._load(style_id)

    def _load(self, style_id: int) -> None:
        def work() -> tuple[StyleDetail | None, StockMatrix]:
            return self.reader.style(style_id), self.reader.stock_matrix(style_id, self.store_id)

        run_task(work, self._show, lambda error: self.name.setText(str(error)))

    def _show(self, loaded: tuple[StyleDetail | None, StockMatrix]) -> None:
        style, matrix = loaded
        if style is None:
            self.name.setText(tr("This product is no longer in the catalog."))
            return
        self.style_detail, self.matrix_data = style, matrix
        self.setWindowTitle(style.name)
        self.name.setText(f"{style.name}\n{style.code}")
        prices = [tr("Price {0}").format(money(style.list_price))]
        prices += [
            f"{tier_label(tier)} {money(amount)}"
            for tier, amount in sorted(style.tier_prices.items(), key=lambda t: -t[1].minor)
        ]
        self.price.setText("\n".join(prices))
        self.description.setText(style.description)
        self.as_of.setText(
            tr("Stock here as of {0}").format(
                age_text(matrix.as_of, datetime.now(UTC)) if matrix.as_of else tr("never synced")
            )
        )
        self.matrix.setRowCount(len(matrix.colours))
        self.matrix.setColumnCount(len(matrix.sizes))
        self.matrix.setVerticalHeaderLabels(matrix.colours)
        self.matrix.setHorizontalHeaderLabels(matrix.sizes)
        selected: tuple[int, int] | None = None
        for r, colour in enumerate(matrix.colours):
            for c, size in enumerate(matrix.sizes):
                cell = matrix.cells.get((colour, size))
                item = QTableWidgetItem("–" if cell is None else str(cell.on_hand))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if cell is not None:
                    item.setData(VARIANT_ROLE, cell.variant_id)
                    item.setBackground(QColor(LEVEL_COLOURS[cell.level]))
                    if cell.held:
                        item.setToolTip(tr("{0} held by sales not yet synced").format(cell.held))
                    if cell.variant_id == self.selected_variant:
                        selected = (r, c)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, cell_text(colour, size, cell))
                self.matrix.setItem(r, c, item)
        if selected is not None:
            self.matrix.setCurrentCell(*selected)
            self._cell_tapped(*selected)

    def _cell_tapped(self, row: int, column: int) -> None:
        item = self.matrix.item(row, column)
        variant_id = item.data(VARIANT_ROLE) if item is not None else None
        if variant_id is None:
            self.add_button.setEnabled(False)
            return
        self.selected_variant = int(variant_id)
        self.add_button.setEnabled(True)
        assert self.matrix_data is not None
        colour = self.matrix_data.colours[row]
        size = self.matrix_data.sizes[column]
        self.nearby_title.setText(tr("{0} in {1}: nearby stores").format(colour, size))
        run_task(
            lambda: self.reader.nearby_stock(int(variant_id), self.store_id),
            self._show_nearby,
            lambda _error: None,
        )

    def _show_nearby(self, stores: list[NearbyStock]) -> None:
        self.nearby.clear()
        having = [s for s in stores if s.on_hand > 0]
        for store in having:
            self.nearby.addItem(
                tr("{0} · {1} km · {2} in stock").format(
                    store.name, f"{store.distance_km:.1f}", store.on_hand
                )
            )
        if not having:
            self.nearby.addItem(tr("No nearby store has this size."))

    def _add(self) -> None:
        if self.selected_variant is not None:
            self._on_add(self.selected_variant)
            self.accept()
