"""Settings from the top bar: language, what this tablet is, and Send diagnostics up and down."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import qInstallMessageHandler, qWarning
from pytestqt.qtbot import QtBot

from shopguide import __version__
from shopguide.client.tablet import Tablet
from shopguide.ui.app import application, install_qt_message_handler
from shopguide.ui.main_window import MainWindow
from shopguide.ui.sync_bridge import SyncBridge
from tests.support.live import PASSWORD, LiveServer
from tests.support.proxy import FaultyProxy
from tests.ui.conftest import delete_closed_widgets


@pytest.fixture
def window(qtbot: QtBot, proxy: FaultyProxy, tmp_path: Path) -> Iterator[MainWindow]:
    application()
    tablet = Tablet(tmp_path / "tablet")
    tablet.login(proxy.url, "sz01.guide1", PASSWORD)
    engine = tablet.connect()
    engine.run_once()
    chosen: list[str] = []
    shown = MainWindow(
        tablet,
        SyncBridge(engine),
        guide_name="Guide One",
        role="guide",
        on_logout=lambda: None,
        on_language=chosen.append,
    )
    shown.chosen_languages = chosen  # type: ignore[attr-defined]
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    shown.close()
    tablet.close()
    delete_closed_widgets()


def test_settings_show_the_version_server_and_data_folder_with_touch_sized_buttons(
    window: MainWindow, proxy: FaultyProxy
) -> None:
    assert window.settings_button.height() >= 44
    window.settings_button.click()
    dialog = window.settings_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.version_value.text() == __version__
    assert dialog.server_value.text() == proxy.url
    assert dialog.data_dir_value.text() == str(window.tablet.data_dir)
    for button in (dialog.send_button, dialog.close_button, *dialog.language_buttons.values()):
        assert button.height() >= 44, button.text()
    assert dialog.language_buttons[""].isChecked()  # follows the system until chosen

    dialog.language_buttons["ja"].click()
    assert window.chosen_languages == ["ja"]  # type: ignore[attr-defined]
    assert not dialog.isVisible()


def test_send_diagnostics_reaches_the_server_and_offline_saves_the_file(
    window: MainWindow, proxy: FaultyProxy, live_server: LiveServer
) -> None:
    dialog = window.open_settings()
    dialog.send_button.click()
    assert dialog.message.property("level") == "ok", dialog.message.text()
    assert dialog.last_result is not None
    report_id = dialog.last_result.report_id
    assert f"report {report_id}" in dialog.message.text()
    user, size = live_server.rows(
        'SELECT u.username, d.size FROM diagnostic_report d JOIN "user" u ON u.id = d.user_id '
        "WHERE d.id = :id",
        id=report_id,
    )[0]
    assert user == "sz01.guide1"
    assert size == dialog.last_result.size
    assert dialog.send_button.isEnabled()

    proxy.go_down()
    dialog.send_button.click()
    assert dialog.message.property("level") == "warn"
    saved = dialog.last_result.saved_to
    assert saved is not None
    assert saved.is_file()
    assert saved.parent == window.tablet.data_dir / "diagnostics"
    assert "cannot be reached" in dialog.message.text()
    assert dialog.saved_path.isVisible()
    assert dialog.saved_path.text().replace("\n", "") == str(saved)


def test_qt_messages_go_to_the_log(caplog: pytest.LogCaptureFixture) -> None:
    application()
    install_qt_message_handler()
    try:
        with caplog.at_level(logging.WARNING, logger="shopguide.qt"):
            qWarning("a warning from Qt")
    finally:
        qInstallMessageHandler(None)
    assert [r.getMessage() for r in caplog.records if r.name == "shopguide.qt"] == [
        "[default] a warning from Qt"
    ]
