"""The store's inbox: other stores' requests to answer, and this store's own with their state.

Two tables over the same `InboxModel`: "To answer" (reservations to hold
here, transfers to send from here) and "Our requests". Choosing a row shows
the buttons that apply to it (Confirm, Refuse, Accept, Ship, Received,
Collected, Cancel, Dismiss); a refusal needs its reason typed first. Every
answer goes through the outbox (`Holds.act`), so it works offline and is
shown at once as "not sent yet".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from shopguide.client.holds import (
    NOT_ACCEPTED,
    QUEUED,
    RESERVATION,
    Action,
    Holds,
    Inbox,
    InboxItem,
)
from shopguide.ui.sync_indicator import age_text
from shopguide.ui.tasks import run_task

ModelIndex = QModelIndex | QPersistentModelIndex
WHAT, STORE, CUSTOMER, STATE, WHEN = range(5)
ROW_HEIGHT = 56
# Background per state level, as the order badges (theme.qss): words say it too.
LEVEL_COLOURS = {
    "ok": "#dff3e4",
    "busy": "#e0ecff",
    "warn": "#fff1c2",
    "error": "#fde2e1",
    "muted": "#e9edf2",
}


def tr(text: str) -> str:
    return QCoreApplication.translate("Inbox", text)


def status_text(item: InboxItem) -> str:
    """The state in a guide's words, with the reason or the deadline where it matters."""
    reason = item.reason or tr("no reason given")
    words = {
        "requested": tr("Waiting for an answer"),
        "confirmed": tr("Confirmed"),
        "refused": tr("Refused: {0}").format(reason),
        "expired": tr("Expired"),
        "cancelled": tr("Cancelled"),
        "collected": tr("Collected"),
        "accepted": tr("Accepted, to be shipped"),
        "shipped": tr("Shipped"),
        "received": tr("Received"),
        QUEUED: tr("Queued — sends when online"),
        NOT_ACCEPTED: tr("Not accepted: {0}").format(reason),
    }.get(item.status, item.status)
    if item.status in ("requested", "confirmed") and item.expires_at is not None:
        until = item.expires_at.astimezone().strftime("%m-%d %H:%M")
        words += " · " + tr("held until {0}").format(until)
    if item.unsent and item.status != QUEUED:
        words += " · " + tr("not sent yet")
    return words


def status_level(item: InboxItem) -> str:
    if item.unsent:
        return "busy"
    if item.status in ("confirmed", "accepted", "shipped", "received", "collected"):
        return "ok"
    if item.status == "requested":
        return "warn" if item.needs_answer else "busy"
    if item.status in ("refused", NOT_ACCEPTED):
        return "error"
    return "muted"


def action_text(action: Action) -> str:
    return {
        Action.CONFIRM: tr("Confirm"),
        Action.REFUSE: tr("Refuse"),
        Action.ACCEPT: tr("Accept"),
        Action.SHIP: tr("Shipped"),
        Action.RECEIVE: tr("Received"),
        Action.COLLECT: tr("Collected"),
        Action.CANCEL: tr("Cancel it"),
        Action.DISMISS: tr("Dismiss"),
    }[action]


class InboxModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.items: list[InboxItem] = []
        self._headers = [tr("What"), tr("Store"), tr("Customer"), tr("State"), tr("When")]

    def set_items(self, items: list[InboxItem]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.items)

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
        item = self.items[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            kind = tr("Reservation") if item.kind == RESERVATION else tr("Transfer")
            return (
                f"{kind}: {item.quantity} × {item.label}",
                item.other_store_name,
                item.customer,
                status_text(item),
                age_text(item.created_at, datetime.now(UTC)),
            )[column]
        if role == Qt.ItemDataRole.BackgroundRole and column == STATE:
            return QColor(LEVEL_COLOURS[status_level(item)])
        return None


class InboxDialog(QDialog):
    """Opened from the Stock screen's Inbox button; `on_changed` hears of every answer given."""

    def __init__(
        self, holds: Holds, *, on_changed: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.holds = holds
        self._on_changed = on_changed
        self.setWindowTitle(tr("Inbox"))
        self.setMinimumSize(1180, 640)
        layout = QVBoxLayout(self)
        self.as_of = QLabel()
        self.as_of.setObjectName("asOf")
        layout.addWidget(self.as_of)
        self.tabs = QTabWidget()
        self.incoming = InboxModel()
        self.outgoing = InboxModel()
        self.incoming_view = self._table(self.incoming, tr("Requests from other stores"))
        self.outgoing_view = self._table(self.outgoing, tr("Our requests to other stores"))
        self.tabs.addTab(self.incoming_view, tr("To answer"))
        self.tabs.addTab(self.outgoing_view, tr("Our requests"))
        self.tabs.currentChanged.connect(lambda _i: self._show_actions())
        layout.addWidget(self.tabs, 1)

        self.problem = QLabel()
        self.problem.setObjectName("errorText")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        row = QHBoxLayout()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(tr("Reason (needed to refuse)"))
        self.reason.setAccessibleName(tr("Why it is refused or cancelled"))
        self.reason.textChanged.connect(lambda _t: self._show_actions())
        row.addWidget(self.reason, 1)
        self.buttons: dict[Action, QPushButton] = {}
        for action in Action:
            button = QPushButton(action_text(action))
            button.setMinimumHeight(48)
            if action in (Action.CONFIRM, Action.ACCEPT, Action.SHIP, Action.RECEIVE):
                button.setObjectName("primary")
            button.clicked.connect(lambda _checked=False, a=action: self.act(a))
            button.hide()
            row.addWidget(button)
            self.buttons[action] = button
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        self.refresh()

    def _table(self, model: InboxModel, name: str) -> QTableView:
        view = QTableView()
        view.setObjectName("ordersTable")
        view.setModel(model)
        view.setAccessibleName(name)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setTabKeyNavigation(False)  # arrow keys move along the rows; Tab moves on
        view.setShowGrid(False)
        view.setWordWrap(True)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = view.horizontalHeader()
        for column in (WHAT, STATE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column in (STORE, CUSTOMER, WHEN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        view.selectionModel().currentRowChanged.connect(lambda *_: self._show_actions())
        return view

    def refresh(self) -> None:
        run_task(self.holds.inbox, self._show, lambda error: self.problem.setText(str(error)))

    def _show(self, inbox: Inbox) -> None:
        chosen = self.selected()
        self.incoming.set_items(inbox.incoming)
        self.outgoing.set_items(inbox.outgoing)
        self.tabs.setTabText(0, tr("To answer ({0})").format(inbox.to_answer))
        self.tabs.setTabText(1, tr("Our requests ({0})").format(len(inbox.outgoing)))
        self.as_of.setText(
            tr("Inbox as of {0}").format(age_text(inbox.as_of, datetime.now(UTC)))
            if inbox.as_of
            else tr("The inbox has not synced yet: showing this tablet's own requests.")
        )
        if chosen is not None:
            self.select(chosen.id)
        self._show_actions()

    def select(self, item_id: str) -> bool:
        """Choose the row of a reservation or transfer, on whichever tab lists it."""
        for tab, view, model in (
            (0, self.incoming_view, self.incoming),
            (1, self.outgoing_view, self.outgoing),
        ):
            for row, item in enumerate(model.items):
                if item.id == item_id:
                    self.tabs.setCurrentIndex(tab)
                    view.selectRow(row)
                    self._show_actions()
                    return True
        return False

    def selected(self) -> InboxItem | None:
        view, model = (
            (self.incoming_view, self.incoming)
            if self.tabs.currentIndex() == 0
            else (self.outgoing_view, self.outgoing)
        )
        rows = view.selectionModel().selectedRows()
        return model.items[rows[0].row()] if rows and rows[0].row() < len(model.items) else None

    def _show_actions(self) -> None:
        item = self.selected()
        actions = item.actions if item is not None else ()
        for action, button in self.buttons.items():
            button.setVisible(action in actions)
            if action is Action.REFUSE:
                button.setEnabled(bool(self.reason.text().strip()))
        self.reason.setVisible(Action.REFUSE in actions or Action.CANCEL in actions)

    def act(self, action: Action) -> None:
        item = self.selected()
        if item is None:
            return
        reason = self.reason.text()

        def done(_none: None) -> None:
            self.reason.clear()
            self.problem.clear()
            self.refresh()
            self._on_changed()

        run_task(
            lambda: self.holds.act(item, action, reason),
            done,
            lambda error: self.problem.setText(str(error)),
            queue="holds",
        )
