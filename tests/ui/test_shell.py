"""The app shell: first login, the sync indicator, going offline and back, logging out."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from shopguide.client.orders import OrderLine, queue_order
from shopguide.client.tablet import Tablet
from shopguide.core.money import Money
from shopguide.ui.app import AppController, application
from shopguide.ui.main_window import Screen
from tests.support.live import PASSWORD, LiveServer
from tests.support.proxy import FaultyProxy


def no_screens(_tablet: Tablet, _bridge: object) -> list[Screen]:
    return [Screen("sell", "Sell", QWidget())]


@pytest.fixture
def controller(tmp_path: Path) -> Callable[[str], AppController]:
    made: list[AppController] = []

    def make(server_url: str) -> AppController:
        application()
        made.append(
            AppController(Tablet(tmp_path / "tablet"), no_screens, server_url_hint=server_url)
        )
        return made[-1]

    yield make
    for app in made:
        if app.window is not None:
            app.window.close()
        app.tablet.close()


def log_in(qtbot: QtBot, app: AppController, password: str = PASSWORD) -> None:
    dialog = app.login_dialog
    assert dialog is not None
    dialog.username.setText("sz01.guide1")
    dialog.password.setText(password)
    dialog.submit.click()


def test_first_run_asks_for_login_and_a_wrong_password_says_so(
    qtbot: QtBot, live_server: LiveServer, controller: Callable[[str], AppController]
) -> None:
    app = controller(live_server.url)
    app.start()
    assert app.window is None
    assert app.login_dialog is not None
    assert app.login_dialog.server.text() == live_server.url
    log_in(qtbot, app, password="wrong one")
    assert app.login_dialog.error.text() == "Wrong username or password."
    assert app.window is None


def test_after_login_the_window_shows_the_guide_the_store_and_sync_state(
    qtbot: QtBot, live_server: LiveServer, controller: Callable[[str], AppController]
) -> None:
    app = controller(live_server.url)
    app.start()
    log_in(qtbot, app)
    assert app.window is not None
    qtbot.waitUntil(
        lambda: app.window is not None and app.window.indicator.text().startswith("Up to date"),
        timeout=15_000,
    )
    store = live_server.scalar("SELECT name FROM store WHERE code = 'SZ01'")
    qtbot.waitUntil(lambda: str(store) in app.window.who.text(), timeout=5_000)  # type: ignore[union-attr]
    assert app.window.indicator.property("level") == "ok"


def test_without_a_keyring_the_token_is_kept_in_a_private_file_and_the_app_reopens_logged_in(
    qtbot: QtBot,
    live_server: LiveServer,
    controller: Callable[[str], AppController],
    tmp_path: Path,
) -> None:
    app = controller(live_server.url)
    app.start()
    assert app.login_dialog is not None
    assert "no keyring" in app.login_dialog.storage_note.text()
    log_in(qtbot, app)
    assert app.tablet.credentials.backend_name.startswith("file")
    token_file = tmp_path / "tablet" / "refresh-token"
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    app.window.close()  # type: ignore[union-attr]
    app.tablet.close()
    again = controller(live_server.url)
    again.start()
    assert again.login_dialog is None
    assert again.window is not None


def test_going_offline_shows_within_5_seconds_and_coming_back_drains_the_queue(
    qtbot: QtBot,
    live_server: LiveServer,
    proxy: FaultyProxy,
    controller: Callable[[str], AppController],
) -> None:
    app = controller(proxy.url)
    app.start()
    log_in(qtbot, app)
    window = app.window
    assert window is not None
    qtbot.waitUntil(lambda: window.indicator.text().startswith("Up to date"), timeout=15_000)
    proxy.go_down()
    qtbot.waitUntil(lambda: window.indicator.text().startswith("Offline"), timeout=5_000)
    variant = app.tablet.cache.read(lambda c: c.execute("SELECT MIN(id) FROM variant").fetchone())
    queue_order(
        app.tablet.outbox,
        store_id=app.tablet.store_id,
        lines=[OrderLine(variant[0], 1, Money(100, "CNY"), Money(0, "CNY"))],
    )
    app.bridge.engine.notify_queued()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: "1 waiting" in window.indicator.text(), timeout=5_000)
    assert window.indicator.property("level") == "warn"
    proxy.come_back()
    qtbot.waitUntil(lambda: app.tablet.outbox.counts().pending == 0, timeout=30_000)
    qtbot.waitUntil(
        lambda: (
            window.indicator.text().startswith("Up to date")
            and "waiting" not in window.indicator.text()
        ),
        timeout=15_000,
    )


def test_logging_out_with_sales_waiting_needs_an_explicit_choice(
    qtbot: QtBot,
    live_server: LiveServer,
    proxy: FaultyProxy,
    controller: Callable[[str], AppController],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = controller(proxy.url)
    app.start()
    log_in(qtbot, app)
    window = app.window
    assert window is not None
    qtbot.waitUntil(lambda: window.indicator.text().startswith("Up to date"), timeout=15_000)
    proxy.go_down()
    queue_order(
        app.tablet.outbox,
        store_id=app.tablet.store_id,
        lines=[OrderLine(1, 1, Money(100, "CNY"), Money(0, "CNY"))],
    )
    app.bridge.engine.notify_queued()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: window.bridge.status.pending == 1, timeout=5_000)
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: next(answers))
    assert window.request_logout() is False
    assert app.window is window
    assert window.request_logout() is True
    assert app.window is None
    assert app.login_dialog is not None
    assert app.tablet.outbox.counts().pending == 1, "the queued sale stays for the next login"
    QApplication.processEvents()


def test_an_expired_login_asks_for_the_password_over_the_open_cart(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path
) -> None:
    from shopguide.ui.screens import default_screens
    from shopguide.ui.sell.sell_screen import SellScreen

    application()
    app = AppController(
        Tablet(tmp_path / "tablet"), default_screens, server_url_hint=live_server.url
    )
    app.start()
    log_in(qtbot, app)
    window = app.window
    assert window is not None
    qtbot.waitUntil(lambda: window.indicator.text().startswith("Up to date"), timeout=15_000)
    sell = window.stack.currentWidget()
    assert isinstance(sell, SellScreen)
    variant = live_server.rows("SELECT MIN(id) FROM variant")[0][0]
    sell.cart.add(int(variant))  # type: ignore[call-overload]

    with live_server.engine.begin() as conn:
        from sqlalchemy import text

        conn.execute(text("UPDATE refresh_token SET revoked_at = CURRENT_TIMESTAMP"))
        conn.execute(
            text(
                'UPDATE "user" SET token_version = token_version + 1 '
                "WHERE username = 'sz01.guide1'"
            )
        )
    window.bridge.engine.request_sync()
    qtbot.waitUntil(lambda: window.relogin_dialog is not None, timeout=10_000)
    dialog = window.relogin_dialog
    assert dialog is not None
    assert dialog.username.isReadOnly()
    dialog.password.setText(PASSWORD)
    dialog.submit.click()
    assert window.relogin_dialog is None
    assert app.window is window
    qtbot.waitUntil(lambda: window.indicator.text().startswith("Up to date"), timeout=15_000)
    assert sell.cart.view is not None
    assert [i.variant_id for i in sell.cart.view.cart.items] == [variant]
    window.close()
    app.tablet.close()
