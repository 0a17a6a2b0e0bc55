"""The always-visible sync state: a large button the guide can tap for detail.

Colour and words say one thing: green up to date, blue syncing, amber
offline with sales waiting, red when something needs attention.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QSizePolicy,
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
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.status: SyncStatus | None = None
        self.full_text = ""
        self._full_hint = QSize()

    def show_status(self, status: SyncStatus) -> None:
        self.status = status
        text, level = describe(status)
        self.full_text = text
        self.setText(text)
        self.setToolTip(text)
        self.setAccessibleName(tr("Sync status: {0}").format(text))
        self.setProperty("level", level)
        self.style().unpolish(self)
        self.style().polish(self)
        self._full_hint = super().sizeHint()
        self.updateGeometry()
        self._elide()

    # With large system text the top bar runs out of room: the state's words end in "…"
    # (the tooltip and the accessible name keep them whole) rather than push the window wider.

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self._full_hint if self._full_hint.isValid() else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = self.sizeHint()
        return QSize(min(hint.width(), 6 * self.fontMetrics().height()), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        if not self._full_hint.isValid():
            return
        metrics = self.fontMetrics()
        sides = self._full_hint.width() - metrics.horizontalAdvance(self.full_text)
        room = self.width() - sides
        fits = room >= metrics.horizontalAdvance(self.full_text)
        self.setText(
            self.full_text
            if fits
            else metrics.elidedText(self.full_text, Qt.TextElideMode.ElideRight, room)
        )


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
            items.setAccessibleName(tr("Refused by the server:"))
            for mutation in refused:
                items.addItem(f"{mutation.type} · {mutation.created_at:%H:%M} · {mutation.reason}")
            layout.addWidget(items)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
