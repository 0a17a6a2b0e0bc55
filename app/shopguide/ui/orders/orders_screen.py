"""The Orders screen: the store's recent orders, each with one payment state a guide understands.

The list merges the server's orders with those still only on this tablet
(`OrderHistory`); a coloured badge and its words say the state, so colour is
never the only signal. Choosing an order shows its lines and payments, with
"Retry payment" for an order placed but not paid and "Receipt" for a paid
one. The list refreshes when the screen is shown, when the guide asks, and
when sync news suggests something changed (a push, a pull, going offline).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shopguide.client.order_history import (
    OrderDetail,
    OrderHistory,
    OrderListing,
    OrderRow,
    OrderState,
    PaymentInfo,
)
from shopguide.client.receipts import Receipt
from shopguide.client.sync_engine import SyncStatus
from shopguide.ui.checkout.receipt_view import ReceiptDialog, line_label, method_label
from shopguide.ui.formatting import money
from shopguide.ui.keyboard import enter_clicks_buttons
from shopguide.ui.tasks import run_task

ORDER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_HEIGHT = 56
NARROW_WIDTH = 900
REFRESH_DELAY_MS = 400  # sync news comes in bursts: one refresh after the last of them
TIME, ORDER, ITEMS, TOTAL, GUIDE, STATE = range(6)

ModelIndex = QModelIndex | QPersistentModelIndex


def tr(text: str) -> str:
    return QCoreApplication.translate("OrdersScreen", text)


def state_text(row: OrderRow) -> str:
    """The state in the guide's words, with the reason where there is one."""
    reason = row.reason or tr("no reason given")
    return {
        OrderState.QUEUED: tr("Queued — will send when online"),
        OrderState.SENT: tr("Sent — payment shown when online"),
        OrderState.AWAITING: tr("Awaiting payment"),
        OrderState.PAID: tr("Paid"),
        OrderState.PAID_CASH: tr("Paid — cash"),
        OrderState.PAID_CARD: tr("Paid — card terminal"),
        OrderState.UNVERIFIED: tr("Payment unverified"),
        OrderState.DECLINED: tr("Declined: {0}").format(reason),
        OrderState.EXPIRED: tr("Code expired"),
        OrderState.CANCELLED: tr("Cancelled"),
        OrderState.REFUNDED: tr("Refunded"),
        OrderState.REFUND_NEEDED: tr("Refund needed: {0}").format(reason),
        OrderState.REFUSED: tr("Refused: {0}").format(reason),
    }[row.state]


def state_level(state: OrderState) -> str:
    """The badge colour (theme.qss): ok paid, busy on its way, warn look at it, error act."""
    if state in (OrderState.PAID, OrderState.PAID_CASH, OrderState.PAID_CARD):
        return "ok"
    if state in (OrderState.QUEUED, OrderState.SENT, OrderState.AWAITING):
        return "busy"
    if state in (OrderState.UNVERIFIED, OrderState.EXPIRED, OrderState.CANCELLED):
        return "warn"
    if state is OrderState.REFUNDED:
        return "muted"
    return "error"


def payment_status_text(payment: PaymentInfo) -> str:
    reason = payment.failure_reason or tr("no reason given")
    text = {
        "pending": tr("waiting for the customer"),
        "paid": tr("paid"),
        "recorded_offline": tr("recorded by the guide"),
        "unverified": tr("unverified"),
        "failed": tr("declined: {0}").format(reason),
        "expired": tr("code expired"),
        "cancelled": tr("cancelled"),
        "refunded": tr("refunded"),
        "refused": tr("refused: {0}").format(reason),
    }.get(payment.status, payment.status)
    if payment.needs_refund:
        text += " · " + tr("refund needed: {0}").format(reason)
    if payment.local:
        text += " · " + tr("on this tablet, not sent yet")
    return text


def payment_method_text(method: str) -> str:
    if method == "emv_offline":
        return tr("Store QR")
    return method_label(method)


def local_time(moment: datetime, now: datetime | None = None) -> str:
    """Today's orders by the clock; older ones with their date."""
    local = moment.astimezone()
    today = (now or datetime.now().astimezone()).date()
    return local.strftime("%H:%M") if local.date() == today else local.strftime("%m-%d %H:%M")


class OrdersModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[OrderRow] = []
        self._headers = [
            tr("Time"),
            tr("Order"),
            tr("Items"),
            tr("Total"),
            tr("Guide"),
            tr("State"),
        ]

    def set_rows(self, rows: list[OrderRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def append(self, rows: list[OrderRow]) -> None:
        known = {row.order_id for row in self.rows}
        fresh = [row for row in rows if row.order_id not in known]
        if not fresh:
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self.rows += fresh
        self.endInsertRows()

    def row_of(self, order_id: str) -> int | None:
        return next((i for i, row in enumerate(self.rows) if row.order_id == order_id), None)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(  # noqa: N802 (Qt's name)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole and column == STATE:
            return None  # the cell's StateBadge shows it
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (
                local_time(row.placed_at),
                row.short_id,
                str(row.items),
                money(row.total),
                row.guide,
                state_text(row),
            )[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (ITEMS, TOTAL):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == ORDER_ID_ROLE:
            return row.order_id
        return None


class StateBadge(QWidget):
    """A table cell's state: the words on a pill coloured by level (see theme.qss).

    A long reason is cut short with "…" to fit the cell; the order's detail
    beside the list shows it whole.
    """

    MARGIN = 4

    def __init__(self, row: OrderRow) -> None:
        super().__init__()
        self.setObjectName("badgeCell")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.text = state_text(row)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(self.MARGIN, 0, self.MARGIN, 0)
        self.label = QLabel(self.text)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setObjectName("stateBadge")
        self.label.setProperty("level", state_level(row.state))
        self.label.setAccessibleName(self.text)
        layout.addWidget(self.label, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addStretch(1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        self.label.ensurePolished()
        padding = self.label.sizeHint().width() - self.label.fontMetrics().horizontalAdvance(
            self.label.text()
        )
        room = event.size().width() - 2 * self.MARGIN - padding
        self.label.setText(
            self.label.fontMetrics().elidedText(self.text, Qt.TextElideMode.ElideRight, room)
        )
        super().resizeEvent(event)


class OrdersScreen(QWidget):
    def __init__(self, history: OrderHistory, *, retry: Callable[[str], None]) -> None:
        """`retry(order_id)` opens a checkout for an order placed but not paid."""
        super().__init__()
        enter_clicks_buttons(self)
        self.history = history
        self._retry = retry
        self.listing: OrderListing | None = None
        self.detail: OrderDetail | None = None
        self.receipt_dialog: ReceiptDialog | None = None
        self._loading = False
        self._again = False
        self._sync_key: tuple[object, ...] | None = None
        self._selected: str | None = None

        self._split = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._split.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        top = QHBoxLayout()
        self.as_of = QLabel()
        self.as_of.setObjectName("asOf")
        self.as_of.setWordWrap(True)
        top.addWidget(self.as_of, 1)
        self.refresh_button = QPushButton(tr("Refresh"))
        # Focus on the screen (a rail shortcut) lands on its first control, then Tab on.
        self.setFocusProxy(self.refresh_button)
        self.refresh_button.setAccessibleName(tr("Refresh the orders"))
        self.refresh_button.clicked.connect(self.refresh)
        top.addWidget(self.refresh_button)
        left.addLayout(top)

        self.model = OrdersModel()
        self.table = QTableView()
        self.table.setObjectName("ordersTable")
        self.table.setModel(self.model)
        self.table.setAccessibleName(tr("Orders"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # arrow keys move along the rows; Tab moves on
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for column in (TIME, ORDER, ITEMS, TOTAL, GUIDE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(STATE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        left.addWidget(self.table, 1)
        self.older_button = QPushButton(tr("Show older orders"))
        self.older_button.clicked.connect(self._show_older)
        self.older_button.hide()
        left.addWidget(self.older_button)
        self._split.addLayout(left, 5)
        self._split.addWidget(self._build_detail(), 3)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._show_detail(None)

    def _build_detail(self) -> QWidget:
        panel = QWidget()
        panel.setObjectName("orderDetail")
        layout = QVBoxLayout(panel)
        self.detail_title = QLabel()
        self.detail_title.setObjectName("panelTitle")
        self.detail_title.setTextFormat(Qt.TextFormat.PlainText)  # names are data, never markup
        layout.addWidget(self.detail_title)
        self.detail_meta = QLabel()
        self.detail_meta.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_meta.setObjectName("asOf")
        self.detail_meta.setWordWrap(True)
        layout.addWidget(self.detail_meta)
        self.detail_state = QLabel()
        self.detail_state.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_state.setObjectName("stateBadge")
        self.detail_state.setWordWrap(True)
        layout.addWidget(self.detail_state)
        self.detail_lines = QLabel()
        self.detail_lines.setTextFormat(Qt.TextFormat.RichText)
        self.detail_lines.setWordWrap(True)
        self.detail_lines.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.detail_lines.setAccessibleName(tr("The order's lines"))
        scroll = QScrollArea()
        scroll.setObjectName("detailScroll")
        scroll.setAccessibleName(tr("The order's lines"))  # a stop for Tab: arrows scroll it
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.detail_lines)
        layout.addWidget(scroll, 1)
        self.detail_total = QLabel()
        self.detail_total.setObjectName("cartTotal")
        self.detail_total.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.detail_total)
        self.detail_payments = QLabel()
        self.detail_payments.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_payments.setWordWrap(True)
        self.detail_payments.setAccessibleName(tr("The order's payments"))
        layout.addWidget(self.detail_payments)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setObjectName("errorText")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.retry_button = QPushButton(tr("Retry payment"))
        self.retry_button.setObjectName("primary")
        self.retry_button.setMinimumHeight(56)
        self.retry_button.setAccessibleName(tr("Show a new payment code for this order"))
        self.retry_button.clicked.connect(self._retry_selected)
        buttons.addWidget(self.retry_button, 1)
        self.receipt_button = QPushButton(tr("Receipt"))
        self.receipt_button.setMinimumHeight(56)
        self.receipt_button.setAccessibleName(tr("Show the receipt for the customer"))
        self.receipt_button.clicked.connect(self._open_receipt)
        buttons.addWidget(self.receipt_button, 1)
        layout.addLayout(buttons)
        return panel

    # -- refreshing ----------------------------------------------------------------

    def refresh(self) -> None:
        """Read the list again in the background; a request while reading runs after it."""
        self._refresh_timer.stop()
        if self._loading:
            self._again = True
            return
        self._loading = True
        self.refresh_button.setEnabled(False)
        run_task(self.history.recent, self._listed, self._list_failed)

    def refresh_soon(self) -> None:
        """Something may have changed: refresh shortly if shown (showing always refreshes)."""
        if self.isVisible():
            self._refresh_timer.start()

    def follow_sync(self, status: SyncStatus) -> None:
        """Refresh when sync moves something an order shows: state, waiting or refused counts."""
        key = (status.state, status.pending, status.needs_attention)
        if key != self._sync_key:
            self._sync_key = key
            self.refresh_soon()

    def follow_data(self, _scopes: set[str]) -> None:
        """A pull brought changes (a pushed sale lowers its store's stock): refresh soon."""
        self.refresh_soon()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.refresh()

    def _listed(self, listing: OrderListing) -> None:
        self._done_loading()
        self.listing = listing
        selected = self._selected
        self.model.set_rows(listing.rows)
        self._badge_rows(0)
        self._show_as_of(listing)
        self.older_button.setVisible(bool(listing.next_before) and not listing.offline)
        self._reselect(selected)

    def _list_failed(self, error: Exception) -> None:
        self._done_loading()
        self.as_of.setText(tr("Could not read the orders: {0}").format(error))

    def _done_loading(self) -> None:
        self._loading = False
        self.refresh_button.setEnabled(True)
        if self._again:
            self._again = False
            self.refresh()

    def _show_as_of(self, listing: OrderListing) -> None:
        if listing.as_of is None:
            self.as_of.setText(tr("Offline — showing the orders on this tablet only"))
        elif listing.offline:
            self.as_of.setText(
                tr("Offline — the server's orders as of {0}").format(local_time(listing.as_of))
            )
        else:
            self.as_of.setText(tr("As of {0}").format(local_time(listing.as_of)))

    def _badge_rows(self, first: int) -> None:
        for number in range(first, self.model.rowCount()):
            index = self.model.index(number, STATE)
            self.table.setIndexWidget(index, StateBadge(self.model.rows[number]))

    def _show_older(self) -> None:
        listing = self.listing
        if listing is None or not listing.next_before:
            return
        before = listing.next_before
        self.older_button.setEnabled(False)

        def shown(older: OrderListing) -> None:
            self.older_button.setEnabled(True)
            first = self.model.rowCount()
            self.model.append(older.rows)
            self._badge_rows(first)
            self.listing = OrderListing(
                rows=self.model.rows,
                as_of=listing.as_of,
                offline=False,
                next_before=older.next_before,
            )
            self.older_button.setVisible(bool(older.next_before))

        def failed(error: Exception) -> None:
            self.older_button.setEnabled(True)
            self.as_of.setText(tr("Could not read older orders: {0}").format(error))

        run_task(lambda: self.history.older(before), shown, failed)

    # -- one order -------------------------------------------------------------------

    def select(self, order_id: str) -> None:
        row = self.model.row_of(order_id)
        if row is None:
            return
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _reselect(self, order_id: str | None) -> None:
        """After a refresh, the order the guide was looking at, read again."""
        self._selected = order_id
        if order_id is not None and self.model.row_of(order_id) is not None:
            self.select(order_id)
            self._load_detail(order_id)
        else:
            self._selected = None
            self._show_detail(None)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        order_id = current.data(ORDER_ID_ROLE) if current.isValid() else None
        if order_id == self._selected:
            return
        self._selected = order_id
        if order_id is None:
            self._show_detail(None)
        else:
            self._load_detail(order_id)

    def _load_detail(self, order_id: str) -> None:
        self.message.clear()

        def shown(detail: OrderDetail) -> None:
            if self._selected == order_id:
                self._show_detail(detail)

        def failed(error: Exception) -> None:
            if self._selected == order_id:
                self._show_detail(None)
                self.message.setText(tr("Could not read the order: {0}").format(error))

        run_task(lambda: self.history.detail(order_id), shown, failed)

    def _show_detail(self, detail: OrderDetail | None) -> None:
        self.detail = detail
        for label in (self.detail_meta, self.detail_total, self.detail_payments):
            label.clear()
        self.retry_button.setEnabled(detail is not None and detail.row.can_retry)
        self.receipt_button.setEnabled(detail is not None and detail.row.has_receipt)
        if detail is None:
            self.detail_title.setText(tr("No order chosen"))
            self.detail_state.hide()
            self.detail_lines.setText(
                html.escape(tr("Choose an order to see its lines and payments."))
            )
            return
        row = detail.row
        self.detail_title.setText(tr("Order {0}").format(row.short_id))
        self.detail_meta.setText(f"{local_time(row.placed_at)} · {row.guide}")
        self.detail_state.setText(state_text(row))
        self.detail_state.setProperty("level", state_level(row.state))
        self.detail_state.style().unpolish(self.detail_state)
        self.detail_state.style().polish(self.detail_state)
        self.detail_state.show()
        self.detail_lines.setText(
            '<table width="100%" cellpadding="4">'
            + "".join(
                f"<tr><td>{html.escape(line_label(line))}</td>"
                f'<td align="right">× {line.quantity}</td>'
                f'<td align="right">{html.escape(money(line.net))}</td></tr>'
                for line in detail.lines
            )
            + "</table>"
        )
        self.detail_total.setText(tr("Total {0}").format(money(row.total)))
        self.detail_payments.setText(
            "\n".join(
                f"{local_time(p.created_at)} · {payment_method_text(p.method)} · "
                f"{money(p.amount)} · {payment_status_text(p)}"
                for p in detail.payments
            )
            or tr("No payment yet.")
        )

    def _retry_selected(self) -> None:
        if self.detail is not None and self.detail.row.can_retry:
            self._retry(self.detail.row.order_id)

    def _open_receipt(self) -> None:
        if self.detail is None or not self.detail.row.has_receipt:
            return
        order_id = self.detail.row.order_id
        self.receipt_button.setEnabled(False)

        def opened(receipt: Receipt) -> None:
            self.receipt_button.setEnabled(True)
            self.receipt_dialog = ReceiptDialog(receipt, self)
            self.receipt_dialog.open()

        def failed(error: Exception) -> None:
            self.receipt_button.setEnabled(True)
            self.message.setText(tr("Could not make the receipt: {0}").format(error))

        run_task(lambda: self.history.receipt(order_id), opened, failed)

    def show_problem(self, error: Exception) -> None:
        """A step another part of the app ran for this screen failed (opening a retry)."""
        self.message.setText(str(error))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        """Side by side on a wide screen; the order's detail under the list when upright."""
        portrait = event.size().width() < NARROW_WIDTH
        self._split.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        super().resizeEvent(event)
