"""The always-visible sync state: a large button the guide can tap for detail.

Colour and words say one thing: green up to date, blue syncing, amber
offline with sales waiting, red when something needs attention.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shopguide.client.outbox import Mutation
from shopguide.client.sync_engine import SyncState, SyncStatus


def tr(text: str) -> str:
    return QCoreApplication.translate("SyncIndicator", text)


def age_text(moment: datetime, now: datetime) -> str:
    seconds = max(int((now - moment).total_seconds()), 0)
    if seconds < 60:
        return tr("just now")
    if seconds < 3600:
        return tr("{0} min ago").format(seconds // 60)
    return tr("{0} h ago").format(seconds // 3600)


def describe(status: SyncStatus, now: datetime | None = None) -> tuple[str, str]:
    """(text, level) for a status; level is ok, busy, warn or error (the QSS colour)."""
    now = now or datetime.now(UTC)
    pending = ""
    if status.pending:
        since = age_text(status.oldest_pending_at, now) if status.oldest_pending_at else ""
        pending = " · " + tr("{0} waiting, oldest {1}").format(status.pending, since)
    if status.needs_attention:
        return tr("{0} need attention").format(status.needs_attention) + pending, "error"
    if status.state is SyncState.OFFLINE:
        return tr("Offline") + pending, "warn"
    if status.state is SyncState.LOGIN_REQUIRED:
        return tr("Log in again to sync") + pending, "warn"
    if status.state is SyncState.ERROR:
        return tr("Sync error: {0}").format(status.message) + pending, "error"
    if status.state is SyncState.SYNCING:
        text = tr("Syncing {0} of {1}").format(status.scopes_done, status.scopes_total)
        return text + pending, "busy"
    if status.state is SyncState.UP_TO_DATE and status.as_of:
        local = status.as_of.astimezone().strftime("%H:%M")
        text = tr("Up to date · as of {0}, {1}").format(local, age_text(status.as_of, now))
        return text + pending, "ok" if not status.pending else "busy"
    return tr("Connecting…") + pending, "busy"


class SyncIndicator(QPushButton):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncIndicator")
        self.setMinimumHeight(44)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.status: SyncStatus | None = None

    def show_status(self, status: SyncStatus) -> None:
        self.status = status
        text, level = describe(status)
        self.setText(text)
        self.setAccessibleName(tr("Sync status: {0}").format(text))
        self.setProperty("level", level)
        self.style().unpolish(self)
        self.style().polish(self)


class SyncDetailDialog(QDialog):
    """What is waiting and what the server refused, with the reasons."""

    def __init__(
        self, status: SyncStatus, refused: list[Mutation], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Sync"))
        layout = QVBoxLayout(self)
        text, _ = describe(status)
        layout.addWidget(QLabel(text))
        if status.message:
            layout.addWidget(QLabel(status.message))
        if refused:
            layout.addWidget(QLabel(tr("Refused by the server:")))
            items = QListWidget()
            for mutation in refused:
                items.addItem(f"{mutation.type} · {mutation.created_at:%H:%M} · {mutation.reason}")
            layout.addWidget(items)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
