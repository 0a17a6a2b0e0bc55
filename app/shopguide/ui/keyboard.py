"""Keyboard use of the screens: Enter or Space on a list's row does what a tap does, and
Enter presses a button as Space does.

A tap on a row opens it (`clicked`); the keyboard has no click, and `activated`
also fires on a double tap (and on a single one where the platform says so),
which would open a row twice. `activate_with_keys` gives a view the keys alone.
Tables and lists leave on Tab (arrow keys move inside them), so Tab never
walks a guide cell by cell through a stock matrix.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QWidget

ACTIVATE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_Select)


class _RowKeys(QObject):
    def __init__(self, view: QAbstractItemView, on_row: Callable[[QModelIndex], None]) -> None:
        super().__init__(view)
        self._view = view
        self._on_row = on_row

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ACTIVATE_KEYS
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            index = self._view.currentIndex()
            if index.isValid():
                self._on_row(index)
                return True
        return False


def activate_with_keys(view: QAbstractItemView, on_row: Callable[[QModelIndex], None]) -> None:
    """Enter, Return or Space on the current row calls `on_row`, as a tap on it does; Tab
    leaves the view."""
    view.setTabKeyNavigation(False)
    view.installEventFilter(_RowKeys(view, on_row))


class _EnterClicks(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.isAutoRepeat()
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            focus = QApplication.focusWidget()
            if (
                isinstance(focus, QAbstractButton)
                and isinstance(watched, QWidget)
                and watched.isAncestorOf(focus)
                and focus.isEnabled()
            ):
                focus.click()
                return True
        return False


def enter_clicks_buttons(root: QWidget) -> None:
    """Enter (as Space) presses the button in focus anywhere under `root`.

    Outside a dialog a QPushButton takes only Space; the Enter it ignores comes up to
    `root`, where it presses the button. In a dialog Enter stays the default button's.
    """
    root.installEventFilter(_EnterClicks(root))
