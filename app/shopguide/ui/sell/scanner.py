"""Recognising a keyboard-wedge barcode scanner among ordinary typing.

A scanner "types" a whole code in a few milliseconds and presses Enter. A
burst of digits, each key within `max_gap_ms` of the last, ended by Enter
and forming a valid barcode, is taken as a scan wherever the focus is on
the Sell screen; the digits it left in a text field are taken back out.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from shopguide.core.barcode import BarcodeError, parse_barcode

MIN_LENGTH = 8


class WedgeScanner(QObject):
    scanned = Signal(str)

    def __init__(
        self,
        screen: QWidget,
        *,
        max_gap_ms: float = 50.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(screen)
        self._screen = screen
        self._max_gap = max_gap_ms / 1000
        self._clock = clock
        self._burst = ""
        self._last = 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        # Installed on the application, a key press is seen once per object it passes
        # through (window, widget, parents): count it only where it lands, which is
        # the focus widget when there is one.
        focus = QApplication.focusWidget()
        if not isinstance(watched, QWidget) or (focus is not None and watched is not focus):
            return False
        if not self._active(watched):
            return False
        now = self._clock()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            burst, self._burst = self._burst, ""
            if len(burst) >= MIN_LENGTH and now - self._last <= self._max_gap:
                try:
                    code = parse_barcode(burst)
                except BarcodeError:
                    return False
                _take_back(watched, burst)
                self.scanned.emit(code)
                return True
            return False
        text = event.text()
        if len(text) == 1 and text.isdigit():
            self._burst = self._burst + text if now - self._last <= self._max_gap else text
            self._last = now
        elif text:
            self._burst = ""
        return False

    def _active(self, target: QWidget) -> bool:
        return self._screen.isVisible() and self._screen.isAncestorOf(target)


def _take_back(field: QWidget, burst: str) -> None:
    """Remove the scanned digits from the text field they landed in, if they did."""
    if isinstance(field, QLineEdit) and field.text().endswith(burst):
        field.setText(field.text()[: -len(burst)])
