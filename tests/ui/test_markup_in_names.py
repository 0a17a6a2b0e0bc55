"""Names that look like markup show as typed: a style, store, guide or member called
"<b>Bold</b>…" and a search for it never turn into formatting on the tablet.

Qt guesses whether a label's text is rich text; a name from the server or from the
search box must not be able to make that guess come out as markup.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from shopguide.ui.sell.sell_screen import SellScreen
from tests.support.live import LiveServer
from tests.ui.conftest import OpenWindow, fill

MARKUP = "<b>Bold</b><i>it</i>"


def name_everything_with_markup(live: LiveServer) -> None:
    with live.engine.begin() as conn:
        for statement in (
            "UPDATE style SET name = :m || name",
            "UPDATE store SET name = :m || name",
            "UPDATE member SET name = :m || name",
            'UPDATE "user" SET full_name = :m || full_name',
        ):
            conn.execute(text(statement), {"m": MARKUP})


def labels_shown_as_markup() -> list[str]:
    found = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        for label in top.findChildren(QLabel):
            text = label.text()
            rich = label.textFormat() == Qt.TextFormat.RichText or (
                label.textFormat() == Qt.TextFormat.AutoText and QtGui.mightBeRichText(text)
            )
            if rich and MARKUP in text:
                found.append(f"{type(label.parent()).__name__}.{label.objectName()}: {text!r}")
    return found


def test_names_and_searches_that_look_like_markup_show_as_typed_on_every_screen(
    qtbot: QtBot, open_window: OpenWindow, live_server: LiveServer
) -> None:
    name_everything_with_markup(live_server)
    window = open_window()
    fill(window, live_server)
    sell = window.screens["sell"].widget
    assert isinstance(sell, SellScreen)
    sell.search.setText(MARKUP + "zzq")
    qtbot.waitUntil(lambda: MARKUP in sell.count.text())
    seen = labels_shown_as_markup()
    sell.search.setText("Bold")
    qtbot.waitUntil(lambda: sell.model.rowCount() > 0)
    sell.results.setCurrentIndex(sell.model.index(0, 0))
    sell.results.setFocus()
    qtbot.keyClick(sell.results, Qt.Key.Key_Return)
    for key in window.screens:
        window.show_screen(key)
        QApplication.processEvents()
        seen += labels_shown_as_markup()
    assert not seen, "shown as markup:\n" + "\n".join(sorted(set(seen)))
