"""Starting the tablet app: theme, login when needed, sync in the background, the main window."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from shopguide.client import settings as opts
from shopguide.client.api import LoginRequired
from shopguide.client.tablet import Tablet
from shopguide.ui import i18n
from shopguide.ui.login_dialog import LoginDialog
from shopguide.ui.main_window import MainWindow, Screen
from shopguide.ui.resources import follow_font_changes, theme
from shopguide.ui.sync_bridge import SyncBridge
from shopguide.ui.tasks import run_task

ScreenFactory = Callable[[Tablet, SyncBridge], list[Screen]]


def application(argv: list[str] | None = None) -> QApplication:
    # QtMultimedia reports each optional video-acceleration library it cannot find;
    # none of that is news to a guide, so only real warnings are shown.
    os.environ.setdefault(
        "QT_LOGGING_RULES", "qt.multimedia.symbolsresolver=false;qt.multimedia.ffmpeg=false"
    )
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv or sys.argv)
    app.setApplicationName("ShopGuide")
    app.setStyleSheet(theme())
    follow_font_changes(app)
    return app


_qt_log = logging.getLogger("shopguide.qt")
_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    category = context.category or "default"
    _qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "[%s] %s", category, message)


def install_qt_message_handler() -> None:
    """Qt's own messages (warnings, criticals) go to the log file with everything else."""
    qInstallMessageHandler(_qt_message)


def storage_note(tablet: Tablet) -> str:
    """Where the login will be kept, said plainly when it is not the system keyring."""
    if tablet.credentials.uses_keyring:
        return ""
    return QCoreApplication.translate(
        "LoginDialog",
        "This system has no keyring: your login is kept in a file on this tablet that only "
        "your user account can read. Log out to remove it.",
    )


class AppController:
    """Owns the running app: logs in when needed, then shows the main window."""

    def __init__(
        self, tablet: Tablet, screens: ScreenFactory, *, server_url_hint: str = ""
    ) -> None:
        self.tablet = tablet
        self.screens = screens
        self.server_url_hint = server_url_hint
        self.window: MainWindow | None = None
        self.bridge: SyncBridge | None = None
        self.login_dialog: LoginDialog | None = None

    def start(self) -> None:
        try:
            engine = self.tablet.connect()
        except LoginRequired:
            self.ask_login()
            return
        self.bridge = SyncBridge(engine)
        engine.start()
        self._show_window()

    def _show_window(self, screen_key: str = "") -> None:
        assert self.bridge is not None
        settings = self.tablet.settings
        self.window = MainWindow(
            self.tablet,
            self.bridge,
            guide_name=settings.get(opts.FULL_NAME),
            role=settings.get(opts.ROLE),
            on_logout=self.logout,
            on_language=self.change_language,
        )
        for screen in self.screens(self.tablet, self.bridge):
            self.window.add_screen(screen)
        if screen_key in self.window.screens:
            self.window.show_screen(screen_key)
        self.window.show()

    def change_language(self, language: str) -> None:
        """Switch language now: keep the choice ('' = the system's), rebuild the window.

        Every screen builds its texts when it is made, so a rebuilt window speaks the
        new language throughout; carts, members and orders live in the client and
        come back as they were, and the guide stays on the same screen.
        """
        self.tablet.settings.set(opts.LANGUAGE, language)
        i18n.install(i18n.resolve(language))
        old = self.window
        if old is None or self.bridge is None:
            return
        key = old.current_screen_key()
        geometry = old.saveGeometry()
        self._show_window(key)
        assert self.window is not None
        self.window.restoreGeometry(geometry)
        old.close()
        old.deleteLater()

    def ask_login(self, parent: QWidget | None = None) -> None:
        settings = self.tablet.settings
        dialog = LoginDialog(
            self.tablet.login,
            server_url=settings.get(opts.SERVER_URL) or self.server_url_hint,
            username=settings.get(opts.USERNAME),
            storage_note=storage_note(self.tablet),
            parent=parent,
        )
        self.login_dialog = dialog
        dialog.finished.connect(self._login_finished)
        dialog.open()

    def _login_finished(self, result: int) -> None:
        if result == QDialog.DialogCode.Accepted:
            self.start()

    def logout(self) -> None:
        window = self.window
        self.window = None
        if window is not None:
            window.close()
        run_task(self.tablet.logout, lambda _: self.ask_login(), lambda _: self.ask_login())


def run_app(tablet: Tablet, screens: ScreenFactory, *, server_url_hint: str = "") -> int:
    app = application()
    install_qt_message_handler()
    i18n.install(i18n.resolve(tablet.settings.get(opts.LANGUAGE)))
    controller = AppController(tablet, screens, server_url_hint=server_url_hint)
    controller.start()
    code = app.exec()
    tablet.close()
    return int(code)
