"""Recognising a keyboard-wedge barcode scanner among ordinary typing.

A scanner "types" a whole code in a few milliseconds and presses Enter. A
burst of keys, each within `max_gap_ms` of the last, ended by Enter, is taken
as a scan wherever the focus is on the screen when it ends in a valid
product barcode or in a member's code (`SGM1.` from their phone, `SGM:` from
a printed card); what the scanner left in a text field is taken back out.
Whether a member code is genuine is for whoever receives it to find out.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from shopguide.core.barcode import BarcodeError, parse_barcode

MIN_LENGTH = 8
_MEMBER_TAIL = re.compile(r"SGM(?:1\.|:)[0-9A-Za-z.]*$")
_DIGITS_TAIL = re.compile(r"[0-9]+$")


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
            found = _code_at_end(burst) if now - self._last <= self._max_gap else None
            if found is None:
                return False
            code, typed = found
            _take_back(watched, typed)
            self.scanned.emit(code)
            return True
        text = event.text()
        if len(text) == 1 and text.isprintable():
            self._burst = self._burst + text if now - self._last <= self._max_gap else text
            self._last = now
        elif text:
            self._burst = ""
        return False

    def _active(self, target: QWidget) -> bool:
        return self._screen.isVisible() and self._screen.isAncestorOf(target)


def _code_at_end(burst: str) -> tuple[str, str] | None:
    """(the code, what the scanner typed) when a burst ends in one; None otherwise.

    The burst may start with what the guide was typing when the scanner cut in.
    """
    member = _MEMBER_TAIL.search(burst)
    if member is not None and len(member[0]) >= MIN_LENGTH:
        return member[0], member[0]
    digits = _DIGITS_TAIL.search(burst)
    if digits is None or len(digits[0]) < MIN_LENGTH:
        return None
    try:
        return parse_barcode(digits[0]), digits[0]
    except BarcodeError:
        return None


def _take_back(field: QWidget, burst: str) -> None:
    """Remove what the scanner typed from the text field it landed in, if it did."""
    if isinstance(field, QLineEdit) and field.text().endswith(burst):
        field.setText(field.text()[: -len(burst)])
