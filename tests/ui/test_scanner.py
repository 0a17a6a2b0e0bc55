"""Telling a wedge scanner from a person typing digits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from shopguide.ui.app import application
from shopguide.ui.sell.scanner import WedgeScanner


class Clock:
    def __init__(self) -> None:
        self.now = 100.0
        self.step = 0.005

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def screen_with_field(qtbot: QtBot, clock: Clock) -> tuple[QLineEdit, WedgeScanner, list[str]]:
    application()
    screen = QWidget()
    field = QLineEdit(screen)
    QVBoxLayout(screen).addWidget(field)
    qtbot.addWidget(screen)
    screen.show()
    scanner = WedgeScanner(screen, clock=clock)
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(scanner)
    qtbot.addWidget(screen)
    seen: list[str] = []
    scanner.scanned.connect(seen.append)
    screen.activateWindow()
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field, timeout=2_000)
    return field, scanner, seen


def test_a_fast_burst_of_a_valid_code_ending_in_enter_is_a_scan(qtbot: QtBot) -> None:
    field, scanner, seen = screen_with_field(qtbot, Clock())
    qtbot.keyClicks(field, "5901234123457")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert seen == ["5901234123457"]
    assert field.text() == ""
    QApplication.instance().removeEventFilter(scanner)  # type: ignore[union-attr]


def test_digits_typed_at_human_speed_are_not_a_scan(qtbot: QtBot) -> None:
    clock = Clock()
    clock.step = 0.25
    field, scanner, seen = screen_with_field(qtbot, clock)
    qtbot.keyClicks(field, "5901234123457")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert seen == []
    assert field.text() == "5901234123457"
    QApplication.instance().removeEventFilter(scanner)  # type: ignore[union-attr]


def test_a_fast_burst_that_is_not_a_valid_barcode_stays_text(qtbot: QtBot) -> None:
    field, scanner, seen = screen_with_field(qtbot, Clock())
    qtbot.keyClicks(field, "5901234123450")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert seen == []
    assert field.text() == "5901234123450"
    QApplication.instance().removeEventFilter(scanner)  # type: ignore[union-attr]


def test_a_fast_burst_of_a_member_code_is_a_scan_even_after_some_typing(qtbot: QtBot) -> None:
    field, scanner, seen = screen_with_field(qtbot, Clock())
    code = "SGM1.4711.1767225660.K3JQ6Z2A.MFRGGZDFMZTWQ2LKNNWG23TP"
    qtbot.keyClicks(field, "tee ")
    qtbot.keyClicks(field, code)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClicks(field, "SGM:8800123456789012")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert seen == [code, "SGM:8800123456789012"]
    assert field.text() == "tee "
    QApplication.instance().removeEventFilter(scanner)  # type: ignore[union-attr]
