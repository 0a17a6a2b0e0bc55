"""Carries the sync engine's news (told on its worker threads) to the UI thread as signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from shopguide.client.sync_engine import SyncEngine, SyncStatus


class SyncBridge(QObject):
    status_changed = Signal(object)  # SyncStatus
    data_changed = Signal(object)  # set of scope names

    def __init__(self, engine: SyncEngine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        engine.add_status_listener(self.status_changed.emit)
        engine.add_change_listener(self.data_changed.emit)

    @property
    def status(self) -> SyncStatus:
        return self.engine.status
