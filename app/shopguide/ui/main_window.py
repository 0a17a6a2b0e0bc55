"""The main window: a navigation rail, the screen in use, and a top bar with the sync state.

Screens are added by the features that own them; the shell only knows
their names, icons and who may see them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import (
    QActionGroup,
    QCloseEvent,
    QIcon,
    QKeySequence,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from shopguide.client import settings as opts
from shopguide.client.sync_engine import SyncState, SyncStatus
from shopguide.client.tablet import Tablet
from shopguide.ui import i18n
from shopguide.ui.keyboard import enter_clicks_buttons
from shopguide.ui.login_dialog import LoginDialog
from shopguide.ui.resources import icon_path
from shopguide.ui.settings_dialog import SettingsDialog
from shopguide.ui.sync_bridge import SyncBridge
from shopguide.ui.sync_indicator import SyncDetailDialog, SyncIndicator
from shopguide.ui.tasks import run_task


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


@dataclass(frozen=True, slots=True)
class Screen:
    key: str
    title: str
    widget: QWidget
    icon: str = ""
    managers_only: bool = False


class _ElidedLabel(QLabel):
    """Who is logged in where: ends in "…" when large text leaves the top bar no room, with
    the whole text in its tooltip and accessible name, instead of pushing the window wider."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setTextFormat(Qt.TextFormat.PlainText)  # names are data, never markup
        self.full_text = ""
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self.setToolTip(text)
        self.setAccessibleName(text)
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        if not self.isVisible():  # not laid out yet: its width says nothing
            self.setText(self.full_text)
            return
        room = max(self.contentsRect().width(), 0)
        self.setText(
            self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, room)
        )


class MainWindow(QMainWindow):
    def __init__(
        self,
        tablet: Tablet,
        bridge: SyncBridge,
        *,
        guide_name: str,
        role: str,
        on_logout: Callable[[], None],
        on_language: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__()
        self.tablet = tablet
        self.bridge = bridge
        self._on_logout = on_logout
        self._role = role
        self.setWindowTitle("ShopGuide")
        self.setWindowIcon(QIcon(str(icon_path("shopguide"))))
        self.resize(1280, 800)

        root = QWidget()
        outer = QHBoxLayout(root)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.rail = QWidget()
        self.rail.setObjectName("navRail")
        self.rail_layout = QVBoxLayout(self.rail)
        self.rail_layout.setContentsMargins(8, 16, 8, 16)
        self.rail_layout.setSpacing(8)
        self.rail_layout.addStretch(1)
        self.nav = QButtonGroup(self)
        self.nav.setExclusive(True)
        outer.addWidget(self.rail)

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(16, 12, 16, 16)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        top.addWidget(self.title)
        self._guide_name = guide_name
        self.who = _ElidedLabel(guide_name)
        self.who.setObjectName("whoLabel")
        self.who.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.who, 1)
        self.indicator = SyncIndicator()
        self.indicator.clicked.connect(self._show_sync_detail)
        top.addWidget(self.indicator)
        self.language_button = self._language_button(on_language)
        top.addWidget(self.language_button)
        self._on_language = on_language
        self.settings_dialog: SettingsDialog | None = None
        self.settings_button = QPushButton(tr("Settings"))
        self.settings_button.setObjectName("settingsButton")
        self.settings_button.setMinimumHeight(44)
        self.settings_button.setAccessibleName(tr("Settings"))
        self.settings_button.clicked.connect(self.open_settings)
        top.addWidget(self.settings_button)
        self.logout_button = QPushButton(tr("Log out"))
        self.logout_button.setMinimumHeight(44)
        self.logout_button.clicked.connect(self.request_logout)
        top.addWidget(self.logout_button)
        column.addLayout(top)
        self.stack = QStackedWidget()
        column.addWidget(self.stack, 1)
        outer.addWidget(body, 1)
        self.setCentralWidget(root)

        self.screens: dict[str, Screen] = {}
        self.relogin_dialog: LoginDialog | None = None
        bridge.status_changed.connect(self.indicator.show_status)
        bridge.status_changed.connect(self._status_changed)
        bridge.data_changed.connect(self._data_changed)
        self._show_store_name()
        self.indicator.show_status(bridge.status)
        self._age_timer = QTimer(self)
        self._age_timer.timeout.connect(self._refresh_age)
        self._age_timer.start(30_000)
        enter_clicks_buttons(self)  # Enter presses the rail's and the top bar's buttons too

    def _language_button(self, on_language: Callable[[str], None] | None) -> QToolButton:
        """The language menu: each language named in itself, or the system's; applies at once."""
        button = QToolButton()
        button.setObjectName("languageButton")
        button.setText(i18n.NATIVE_NAMES[i18n.current_language()])
        button.setToolTip(tr("Language"))
        button.setAccessibleName(tr("Language"))
        button.setMinimumHeight(44)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        group = QActionGroup(menu)
        chosen = self.tablet.settings.get(opts.LANGUAGE)
        choices = [("", tr("Follow the system"))] + [
            (code, name) for code, name in i18n.NATIVE_NAMES.items()
        ]
        for code, label in choices:
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.setData(code)
            group.addAction(action)
        if on_language is not None:
            group.triggered.connect(lambda action: on_language(str(action.data())))
        button.setMenu(menu)
        self.language_menu = menu
        return button

    def open_settings(self) -> SettingsDialog:
        """Language, this tablet's version, server and data folder, and Send diagnostics."""
        if self.settings_dialog is None:
            self.settings_dialog = SettingsDialog(
                self.tablet, on_language=self._on_language, parent=self
            )
        self.settings_dialog.open()
        return self.settings_dialog

    def current_screen_key(self) -> str:
        widget = self.stack.currentWidget()
        for key, screen in self.screens.items():
            if screen.widget is widget:
                return key
        return ""

    def add_screen(self, screen: Screen) -> None:
        if screen.managers_only and self._role not in ("manager", "admin"):
            return
        button = QToolButton()
        button.setText(screen.title)
        if screen.icon:
            button.setIcon(QIcon(str(icon_path(screen.icon))))
            button.setIconSize(QSize(32, 32))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        button.setCheckable(True)
        button.setObjectName("navButton")
        button.setMinimumSize(QSize(88, 64))
        button.setAccessibleName(screen.title)
        button.clicked.connect(lambda: self.show_screen(screen.key))
        self.nav.addButton(button)
        self.rail_layout.insertWidget(self.rail_layout.count() - 1, button)
        self.stack.addWidget(screen.widget)
        self.screens[screen.key] = screen
        place = len(self.screens)
        if place <= 9:  # Ctrl+1 … Ctrl+9: the rail's screens in order
            keys = QKeySequence(f"Ctrl+{place}")
            QShortcut(keys, self).activated.connect(lambda: self.open_by_keyboard(screen.key))
            button.setToolTip(
                f"{screen.title} ({keys.toString(QKeySequence.SequenceFormat.NativeText)})"
            )
        if len(self.screens) == 1:
            self.show_screen(screen.key)

    def open_by_keyboard(self, key: str) -> None:
        """A shortcut opens the screen with focus in its first field (its focus proxy)."""
        self.show_screen(key)
        self.screens[key].widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_screen(self, key: str) -> None:
        screen = self.screens[key]
        self.stack.setCurrentWidget(screen.widget)
        self.title.setText(screen.title)
        for button in self.nav.buttons():
            button.setChecked(button.text() == screen.title)

    def _status_changed(self, status: SyncStatus) -> None:
        if status.state is SyncState.LOGIN_REQUIRED and self.relogin_dialog is None:
            self.ask_password_again()

    def ask_password_again(self) -> None:
        """The login expired: ask for the password over the open screen, losing nothing."""
        settings = self.tablet.settings
        dialog = LoginDialog(
            lambda _server, _user, password: self.tablet.reauthenticate(password),
            server_url=settings.get(opts.SERVER_URL),
            username=settings.get(opts.USERNAME),
            again=True,
            parent=self,
        )
        self.relogin_dialog = dialog

        def done(result: int) -> None:
            self.relogin_dialog = None
            if result == QDialog.DialogCode.Accepted:
                self.bridge.engine.request_sync()

        dialog.finished.connect(done)
        dialog.open()

    def _data_changed(self, scopes: set[str]) -> None:
        if "config" in scopes:
            self._show_store_name()

    def _show_store_name(self) -> None:
        """The store's name comes from the cache, which fills in on the first sync."""

        def show(name: str) -> None:
            self.who.set_full_text(f"{self._guide_name} · {name}" if name else self._guide_name)

        run_task(self.tablet.store_name, show, lambda _error: None)

    def _refresh_age(self) -> None:
        self.indicator.show_status(self.bridge.status)

    def _show_sync_detail(self) -> None:
        self.bridge.engine.request_sync()
        SyncDetailDialog(self.bridge.status, self.tablet.outbox.needs_attention(), self).exec()

    def request_logout(self) -> bool:
        """Log out, after an explicit warned choice when sales are still waiting."""
        status: SyncStatus = self.bridge.status
        if status.pending:
            choice = QMessageBox.warning(
                self,
                tr("Sales still waiting"),
                tr(
                    "{0} sales have not reached the server yet. They stay on this tablet and "
                    "are sent after the next login. Log out anyway?"
                ).format(status.pending),
                QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Yes,
                QMessageBox.StandardButton.Cancel,
            )
            if choice != QMessageBox.StandardButton.Yes:
                return False
        self._on_logout()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self._age_timer.stop()
        super().closeEvent(event)
