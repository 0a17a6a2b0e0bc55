"""The Stock screen: a style's colour × size stock here and in the stores nearby.

Search on the left (the Sell screen's lazy results model); choosing a result
shows its style on the right as one card per store, this store first and the
others nearest first, each with its distance, opening hours and the age of
its figures, and the grid coloured none / low / ok with the number written
in (colour is never the only signal). Online the figures are the server's
for every store that carries the style, holds already taken off; offline
they are the tablet's cached nearby stores.

Tapping a cell with stock at another store offers "Reserve for a customer"
and "Send to this store"; tapping an empty cell here records lost demand in
one more tap. The Inbox button says how many requests wait for an answer.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shopguide.client.catalog import CatalogReader, StockLevel
from shopguide.client.holds import DEFAULT_HOURS, Holds, Inbox
from shopguide.client.stock_lookup import StockLookup, StoreStock, StyleStock
from shopguide.ui.keyboard import activate_with_keys, enter_clicks_buttons
from shopguide.ui.sell.product_detail import LEVEL_COLOURS, cell_text
from shopguide.ui.sell.search_model import ROW_ROLE, SearchResultsModel
from shopguide.ui.stock.inbox import InboxDialog
from shopguide.ui.sync_indicator import age_text
from shopguide.ui.tasks import run_task

SEARCH_COLUMN_WIDTH = 330
CELL_HEIGHT = 44  # a touch target
HEADER_HEIGHT = 34
MAX_HOURS = 168  # the server holds a reservation for at most a week


def tr(text: str) -> str:
    return QCoreApplication.translate("StockScreen", text)


def store_meta(store: StoreStock, now: datetime) -> str:
    """ "1.2 km · 10:00–22:00 · as of 3 min ago": what a guide sending a customer needs."""
    parts = []
    if not store.here and store.distance_km is not None:
        parts.append(tr("{0} km").format(f"{store.distance_km:.1f}"))
    if store.opening_hours:
        parts.append(tr("Open {0}").format(store.opening_hours))
    parts.append(
        tr("as of {0}").format(age_text(store.as_of, now)) if store.as_of else tr("never synced")
    )
    return " · ".join(parts)


class StoreCard(QFrame):
    """One store's grid; `tapped(store_id, colour, size)` when a cell is touched."""

    tapped = Signal(int, str, str)

    def __init__(
        self, store: StoreStock, colours: list[str], sizes: list[str], now: datetime
    ) -> None:
        super().__init__()
        self.store = store
        self.setObjectName("storeCardHere" if store.here else "storeCard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        title_row = QHBoxLayout()
        self.title = QLabel(tr("{0} · this store").format(store.name) if store.here else store.name)
        self.title.setObjectName("storeName")
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # names are data, never markup
        self.title.setWordWrap(True)  # long names and large system text wrap, never cut
        title_row.addWidget(self.title, 1)
        total = sum(cell.on_hand for cell in store.cells.values())
        self.total = QLabel(tr("{0} available").format(total))
        self.total.setObjectName("storeTotal")
        title_row.addWidget(self.total)
        layout.addLayout(title_row)
        self.meta = QLabel(store_meta(store, now))
        self.meta.setObjectName("asOf")
        self.meta.setWordWrap(True)
        layout.addWidget(self.meta)
        self.matrix = QTableWidget(len(colours), len(sizes))
        self.matrix.setObjectName("stockMatrix")
        self.matrix.setAccessibleName(tr("Stock by colour and size at {0}").format(store.name))
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # Reached by Tab (arrow keys move along its cells, Enter taps one), not by a tap.
        self.matrix.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.matrix.setHorizontalHeaderLabels(sizes)
        self.matrix.setVerticalHeaderLabels(colours)
        self.matrix.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matrix.verticalHeader().setDefaultSectionSize(CELL_HEIGHT)
        self.matrix.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.matrix.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for r, colour in enumerate(colours):
            for c, size in enumerate(sizes):
                cell = store.cells.get((colour, size))
                item = QTableWidgetItem("–" if cell is None else str(cell.on_hand))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                level = StockLevel.NONE if cell is None else cell.level
                item.setBackground(QColor(LEVEL_COLOURS[level]))
                if cell is not None and cell.held:
                    item.setToolTip(
                        tr("{0} held for customers, other stores or sales").format(cell.held)
                    )
                item.setData(Qt.ItemDataRole.AccessibleTextRole, cell_text(colour, size, cell))
                self.matrix.setItem(r, c, item)
        self.matrix.horizontalHeader().setFixedHeight(HEADER_HEIGHT)
        frame = 2 * self.matrix.frameWidth()
        self.matrix.setFixedHeight(CELL_HEIGHT * len(colours) + HEADER_HEIGHT + frame)
        self.matrix.cellClicked.connect(
            lambda r, c: self.tapped.emit(store.store_id, colours[r], sizes[c])
        )
        activate_with_keys(
            self.matrix,
            lambda i: self.tapped.emit(store.store_id, colours[i.row()], sizes[i.column()]),
        )
        layout.addWidget(self.matrix)


class HoldDialog(QDialog):
    """Another store has it: reserve it there for the customer, or have it sent here."""

    def __init__(
        self,
        holds: Holds,
        *,
        store: StoreStock,
        variant_id: int,
        label: str,
        available: int,
        member: tuple[int, str] | None,
        on_done: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.holds, self.store, self.variant_id = holds, store, variant_id
        self._on_done = on_done
        self._member = member
        self.setWindowTitle(tr("{0} at {1}").format(label, store.name))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        heading = QLabel(tr("{0} at {1}: {2} available").format(label, store.name, available))
        heading.setObjectName("panelTitle")
        heading.setTextFormat(Qt.TextFormat.PlainText)  # names are data, never markup
        heading.setWordWrap(True)
        layout.addWidget(heading)
        meta = QLabel(store_meta(store, datetime.now(UTC)))
        meta.setObjectName("asOf")
        layout.addWidget(meta)
        form = QFormLayout()
        self.use_member = QCheckBox(
            tr("The cart's member: {0}").format(member[1] or f"#{member[0]}") if member else ""
        )
        self.use_member.setChecked(member is not None)
        self.use_member.setVisible(member is not None)
        form.addRow(self.use_member)
        self.customer_name = QLineEdit()
        self.customer_name.setAccessibleName(tr("Customer's name"))
        form.addRow(tr("Customer's name"), self.customer_name)
        self.customer_phone = QLineEdit()
        self.customer_phone.setAccessibleName(tr("Customer's phone"))
        self.customer_phone.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        form.addRow(tr("Phone"), self.customer_phone)
        self.hours = QSpinBox()
        self.hours.setRange(1, MAX_HOURS)
        self.hours.setValue(DEFAULT_HOURS)
        self.hours.setSuffix(" " + tr("hours"))
        self.hours.setMinimumHeight(44)
        self.hours.setAccessibleName(tr("Hold for"))
        form.addRow(tr("Hold for"), self.hours)
        self.quantity = QSpinBox()
        self.quantity.setRange(1, max(1, available))
        self.quantity.setMinimumHeight(44)
        self.quantity.setAccessibleName(tr("Quantity"))
        form.addRow(tr("Quantity"), self.quantity)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setObjectName("errorText")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        buttons = QHBoxLayout()
        self.reserve_button = QPushButton(tr("Reserve for a customer"))
        self.reserve_button.setObjectName("primary")
        self.reserve_button.setMinimumHeight(56)
        self.reserve_button.clicked.connect(self.reserve)
        buttons.addWidget(self.reserve_button)
        self.transfer_button = QPushButton(tr("Send to this store"))
        self.transfer_button.setMinimumHeight(56)
        self.transfer_button.clicked.connect(self.transfer)
        buttons.addWidget(self.transfer_button)
        close = QPushButton(tr("Close"))
        close.setMinimumHeight(56)
        close.clicked.connect(self.reject)
        buttons.addWidget(close)
        layout.addLayout(buttons)

    def reserve(self) -> None:
        member_id = self._member[0] if self._member and self.use_member.isChecked() else None
        name = self.customer_name.text()
        if not name.strip() and member_id is not None and self._member is not None:
            name = self._member[1]
        phone, hours, quantity = (
            self.customer_phone.text(),
            self.hours.value(),
            self.quantity.value(),
        )
        if not (name.strip() or phone.strip() or member_id):
            self.problem.setText(tr("Name the customer: a name, a phone or the cart's member."))
            return
        self._run(
            lambda: self.holds.reserve(
                self.variant_id,
                self.store.store_id,
                customer_name=name,
                customer_phone=phone,
                member_id=member_id,
                hours=hours,
                quantity=quantity,
            ),
            tr("Reservation asked at {0} for {1} hours: see the inbox for the answer.").format(
                self.store.name, hours
            ),
        )

    def transfer(self) -> None:
        quantity = self.quantity.value()
        self._run(
            lambda: self.holds.request_transfer(
                self.variant_id, self.store.store_id, quantity=quantity
            ),
            tr("Asked {0} to send {1} here: see the inbox for the answer.").format(
                self.store.name, quantity
            ),
        )

    def _run(self, work: Callable[[], str], message: str) -> None:
        def done(_id: str) -> None:
            self._on_done(message)
            self.accept()

        run_task(work, done, lambda error: self.problem.setText(str(error)), queue="holds")


class LostDemandDialog(QDialog):
    """None here: one tap records that a customer wanted it."""

    def __init__(
        self,
        holds: Holds,
        *,
        variant_id: int,
        label: str,
        on_done: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.holds, self.variant_id, self._on_done = holds, variant_id, on_done
        self.setWindowTitle(tr("None here"))
        layout = QVBoxLayout(self)
        text = QLabel(
            tr(
                "{0}: none here. If the customer leaves without it, record it so the manager "
                "orders more."
            ).format(label)
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        self.problem = QLabel()
        self.problem.setObjectName("errorText")
        layout.addWidget(self.problem)
        buttons = QHBoxLayout()
        self.record_button = QPushButton(tr("Record lost demand"))
        self.record_button.setObjectName("primary")
        self.record_button.setMinimumHeight(56)
        self.record_button.clicked.connect(self.record)
        buttons.addWidget(self.record_button)
        close = QPushButton(tr("Close"))
        close.setMinimumHeight(56)
        close.clicked.connect(self.reject)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self._label = label

    def record(self) -> None:
        def done(_id: str) -> None:
            self._on_done(tr("Recorded: a customer wanted {0}.").format(self._label))
            self.accept()

        run_task(
            lambda: self.holds.record_lost_demand(variant_id=self.variant_id),
            done,
            lambda error: self.problem.setText(str(error)),
            queue="holds",
        )


class StockScreen(QWidget):
    def __init__(
        self,
        reader: CatalogReader,
        lookup: StockLookup,
        holds: Holds,
        *,
        cart_member: Callable[[], int | None] = lambda: None,
    ) -> None:
        """`cart_member()`: the open cart's member id, offered as the reservation's customer."""
        super().__init__()
        enter_clicks_buttons(self)
        self.reader, self.lookup, self.holds = reader, lookup, holds
        self._cart_member = cart_member
        self.stock: StyleStock | None = None
        self.style_id: int | None = None
        self.dialog: QDialog | None = None
        self.inbox_dialog: InboxDialog | None = None
        self.cards: list[StoreCard] = []

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        self.search = QLineEdit()
        self.setFocusProxy(self.search)  # focus on the screen (a rail shortcut) lands here
        self.search.setObjectName("searchField")
        self.search.setPlaceholderText(tr("Find a style: name, SKU or colour"))
        self.search.setAccessibleName(tr("Search for a style"))
        self.search.setClearButtonEnabled(True)
        self.model = SearchResultsModel(reader)
        self.search.textChanged.connect(self.model.set_query)
        left.addWidget(self.search)
        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setUniformItemSizes(True)
        self.results.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setAccessibleName(tr("Styles found"))
        self.results.clicked.connect(self._result_chosen)
        activate_with_keys(self.results, self._result_chosen)
        left.addWidget(self.results, 1)
        left_panel = QWidget()
        left_panel.setLayout(left)
        left_panel.setFixedWidth(SEARCH_COLUMN_WIDTH)
        left.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(left_panel)

        right = QVBoxLayout()
        head = QHBoxLayout()
        titles = QVBoxLayout()
        self.style_name = QLabel(tr("Choose a style to see its stock here and nearby"))
        self.style_name.setObjectName("panelTitle")
        self.style_name.setTextFormat(Qt.TextFormat.PlainText)  # names are data, never markup
        self.style_name.setWordWrap(True)
        titles.addWidget(self.style_name)
        self.source = QLabel()
        self.source.setObjectName("asOf")
        self.source.setWordWrap(True)
        titles.addWidget(self.source)
        head.addLayout(titles, 1)
        self.inbox_button = QPushButton(tr("Inbox"))
        self.inbox_button.setObjectName("inboxButton")
        self.inbox_button.setMinimumHeight(56)
        self.inbox_button.clicked.connect(self.open_inbox)
        head.addWidget(self.inbox_button, 0, Qt.AlignmentFlag.AlignTop)
        right.addLayout(head)
        self.message = QLabel()
        self.message.setObjectName("scanMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # names are data, never markup
        self.message.setWordWrap(True)
        self.message.hide()
        right.addWidget(self.message)
        legend = QLabel(
            tr(
                "Tap a size at another store to reserve it or have it sent here; "
                "tap an empty size here to record a lost sale."
            )
        )
        legend.setObjectName("sectionHint")
        legend.setWordWrap(True)
        right.addWidget(legend)
        self.cards_box = QWidget()
        self.cards_box.setObjectName("storeCards")
        self.cards_layout = QVBoxLayout(self.cards_box)
        self.cards_layout.setContentsMargins(0, 0, 8, 0)
        self.cards_layout.setSpacing(12)
        # The box grows with its cards, so the scroll area scrolls instead of squeezing them.
        self.cards_layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.cards_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("storeScroll")
        # Not a stop of its own: Tab goes to what is in it, and the area scrolls to show it.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.cards_box)
        right.addWidget(scroll, 1)
        layout.addLayout(right, 1)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.refresh_inbox_count()

    # -- choosing a style ---------------------------------------------------------

    def _result_chosen(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is not None:
            self.show_style(row.style_id)

    def show_style(self, style_id: int) -> None:
        self.style_id = style_id
        self.source.setText(tr("Looking in every store…"))
        run_task(
            lambda: self.lookup.style_stock(style_id),
            self._show,
            lambda error: self.say(tr("Stock could not be read: {0}").format(error), "error"),
        )

    def refresh(self) -> None:
        """Read the chosen style again (after sync news or a request)."""
        if self.style_id is not None:
            self.show_style(self.style_id)
        self.refresh_inbox_count()

    def follow_data(self, scopes: set[str]) -> None:
        """Sync news: stock or inbox changes redraw what they touch."""
        if any(s.startswith(("stock:", "inbox:")) for s in scopes) and self.isVisible():
            self.refresh()

    def _show(self, stock: StyleStock | None) -> None:
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        self.cards = []
        self.stock = stock
        if stock is None:
            self.style_name.setText(tr("This style is no longer in the catalog."))
            self.source.clear()
            return
        style = stock.style
        self.style_name.setText(f"{style.name} · {style.code}")
        self.source.setText(
            tr("Live from the server: every store that carries it, nearest first.")
            if stock.online
            else tr("Offline: this store and the nearby stores as last synced.")
        )
        now = datetime.now(UTC)
        for store in stock.stores:
            card = StoreCard(store, style.colours, style.sizes, now)
            card.tapped.connect(self.cell_tapped)
            self.cards_layout.insertWidget(self.cards_layout.count() - 1, card)
            self.cards.append(card)

    # -- acting on a cell -----------------------------------------------------------

    def cell_tapped(self, store_id: int, colour: str, size: str) -> None:
        if self.stock is None:
            return
        store = next((s for s in self.stock.stores if s.store_id == store_id), None)
        variant_id = self.stock.style.variants.get((colour, size))
        if store is None or variant_id is None:
            return
        cell = store.cells.get((colour, size))
        available = 0 if cell is None else cell.on_hand
        label = f"{self.stock.style.name} · {colour} · {size}"
        if store.here:
            if available:
                self.say(tr("{0}: {1} here.").format(label, available), "ok")
                return
            self.dialog = LostDemandDialog(
                self.holds, variant_id=variant_id, label=label, on_done=self._done, parent=self
            )
        else:
            if not available:
                self.say(tr("{0}: none left at {1}.").format(label, store.name), "warn")
                return
            member_id = self._cart_member()
            member = None if member_id is None else (member_id, self.holds.member_name(member_id))
            self.dialog = HoldDialog(
                self.holds,
                store=store,
                variant_id=variant_id,
                label=label,
                available=available,
                member=member,
                on_done=self._done,
                parent=self,
            )
        self.dialog.open()

    def _done(self, message: str) -> None:
        self.say(message, "ok")
        self.refresh()

    def say(self, text: str, level: str) -> None:
        self.message.setText(text)
        self.message.setProperty("level", level)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setVisible(bool(text))

    # -- the inbox --------------------------------------------------------------------

    def refresh_inbox_count(self) -> None:
        run_task(self.holds.inbox, self._show_inbox_count, lambda _error: None)

    def _show_inbox_count(self, inbox: Inbox) -> None:
        waiting = inbox.to_answer
        self.inbox_button.setText(
            tr("Inbox · {0} to answer").format(waiting) if waiting else tr("Inbox")
        )
        self.inbox_button.setProperty("waiting", bool(waiting))
        self.inbox_button.style().unpolish(self.inbox_button)
        self.inbox_button.style().polish(self.inbox_button)

    def open_inbox(self) -> InboxDialog:
        self.inbox_dialog = InboxDialog(self.holds, on_changed=self.refresh, parent=self)
        self.inbox_dialog.open()
        return self.inbox_dialog
