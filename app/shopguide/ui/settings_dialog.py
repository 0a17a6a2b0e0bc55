"""Settings: the language, what this tablet is (version, server, data folder), Send diagnostics.

"Send diagnostics" builds the report and uploads it in the background
(`shopguide.client.diagnostics`); without the server it is saved in the data
folder, and the dialog says where, so the guide can hand it over some other way.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import PySide6
import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shopguide import __version__
from shopguide.client import diagnostics
from shopguide.client import settings as opts
from shopguide.client.diagnostics import Problem, SendResult
from shopguide.client.logfile import LOG_NAME, log_dir
from shopguide.client.tablet import Tablet
from shopguide.ui import i18n
from shopguide.ui.tasks import run_task


def tr(text: str) -> str:
    return QCoreApplication.translate("SettingsDialog", text)


def qt_versions() -> dict[str, str]:
    """The Qt the app runs on, for the report (the client side knows no Qt)."""
    return {"qt": qVersion(), "pyside6": PySide6.__version__}


def result_text(result: SendResult) -> tuple[str, str]:
    """(what to tell the guide, level) for a finished Send diagnostics."""
    if result.sent:
        size = max(1, round(result.size / 1024))
        text = tr("Sent to the server as report {0} ({1} KB). Thank you.")
        return text.format(result.report_id, size), "ok"
    if result.problem is Problem.OFFLINE:
        return tr("The server cannot be reached, so the report was saved on this tablet:"), "warn"
    if result.problem is Problem.LOGIN:
        return tr("This tablet is not logged in, so the report was saved on this tablet:"), "warn"
    text = tr("The server did not take the report ({0}), so it was saved on this tablet:")
    return text.format(result.detail), "warn"


# The chosen language reads as chosen (the theme styles no checkable push button).
_STYLE = """
QPushButton[language]:checked { background: #e0ecff; color: #1e3a8a; border: 2px solid #2f6fd6; }
QLabel#savedReport {
    background: #ffffff; border: 1px solid #c5ccd6; border-radius: 10px; padding: 8px 12px;
}
"""


def _section(title: str) -> QLabel:
    label = QLabel(title)
    label.setObjectName("sectionTitle")
    return label


def _value(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class SettingsDialog(QDialog):
    def __init__(
        self,
        tablet: Tablet,
        *,
        on_language: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.tablet = tablet
        self._on_language = on_language
        self.setWindowTitle(tr("Settings"))
        self.setMinimumWidth(720)
        self.setStyleSheet(_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        title = QLabel(tr("Settings"))
        title.setObjectName("panelTitle")
        layout.addWidget(title)

        layout.addWidget(_section(tr("Language")))
        layout.addLayout(self._language_buttons())

        layout.addSpacing(8)
        layout.addWidget(_section(tr("This tablet")))
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(8)
        data_dir = tablet.data_dir
        server = diagnostics.public_url(tablet.settings.get(opts.SERVER_URL))
        self.version_value = _value(__version__)
        self.server_value = _value(server or tr("Not set"))
        self.data_dir_value = _value(str(data_dir))
        self.log_value = _value(str(log_dir(data_dir) / LOG_NAME))
        for name, value in (
            (tr("App version"), self.version_value),
            (tr("Server"), self.server_value),
            (tr("Data folder"), self.data_dir_value),
            (tr("Log file"), self.log_value),
        ):
            value.setAccessibleName(name)
            form.addRow(name, value)
        layout.addLayout(form)

        layout.addSpacing(8)
        layout.addWidget(_section(tr("Diagnostics")))
        hint = QLabel(
            tr(
                "Sends the app's log and sync state to support, to find out what went wrong. "
                "No customer names, phone numbers, cards or passwords are included."
            )
        )
        hint.setObjectName("sectionHint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        row = QHBoxLayout()
        self.send_button = QPushButton(tr("Send diagnostics"))
        self.send_button.setObjectName("primary")
        self.send_button.setMinimumHeight(48)
        self.send_button.setAccessibleName(tr("Send diagnostics"))
        self.send_button.clicked.connect(self.send_diagnostics)
        row.addWidget(self.send_button)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: how long depends on the network
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(12)
        self.progress.setAccessibleName(tr("Sending"))
        self.progress.hide()
        row.addWidget(self.progress, 1)
        row.addStretch(0)
        layout.addLayout(row)
        self.message = QLabel()
        self.message.setObjectName("scanMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # names are data, never markup
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        layout.addWidget(self.message)
        # Where a report that could not be sent was saved: the whole path, to copy or read out.
        self.saved_path = _value("")
        self.saved_path.setObjectName("savedReport")
        self.saved_path.setAccessibleName(tr("Saved report"))
        self.saved_path.hide()
        layout.addWidget(self.saved_path)

        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.close_button = QPushButton(tr("Close"))
        self.close_button.setMinimumSize(120, 48)
        self.close_button.clicked.connect(self.accept)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.last_result: SendResult | None = None

    def _language_buttons(self) -> QHBoxLayout:
        """One button per language, each named in itself; a tap applies it at once."""
        row = QHBoxLayout()
        row.setSpacing(8)
        self.language_group = QButtonGroup(self)
        self.language_group.setExclusive(True)
        chosen = self.tablet.settings.get(opts.LANGUAGE)
        choices = [("", tr("Follow the system")), *i18n.NATIVE_NAMES.items()]
        self.language_buttons: dict[str, QPushButton] = {}
        for code, label in choices:
            button = QPushButton(label)
            button.setCheckable(True)
            button.setChecked(code == chosen)
            button.setMinimumHeight(48)
            button.setProperty("language", code)
            self.language_group.addButton(button)
            self.language_buttons[code] = button
            row.addWidget(button)
            button.clicked.connect(lambda _checked=False, c=code: self.choose_language(c))
        row.addStretch(1)
        return row

    def choose_language(self, code: str) -> None:
        """Close first: switching language rebuilds the window this dialog belongs to."""
        if code == self.tablet.settings.get(opts.LANGUAGE) or self._on_language is None:
            return
        self.accept()
        self._on_language(code)

    def send_diagnostics(self) -> None:
        self.send_button.setEnabled(False)
        self.saved_path.hide()
        self.progress.show()
        self._show(tr("Collecting the log and the sync state, then sending them…"), "busy")
        tablet, versions = self.tablet, qt_versions()
        run_task(
            lambda: diagnostics.send_diagnostics(tablet, versions),
            self._finished,
            self._failed,
            queue="diagnostics",
        )

    def _finished(self, result: SendResult) -> None:
        if not shiboken6.isValid(self):
            return
        self.last_result = result
        self._done(*result_text(result))
        if result.saved_to is not None:
            # Folder and file on lines of their own: a path has no spaces to wrap at.
            folder, name = result.saved_to.parent, result.saved_to.name
            self.saved_path.setText(f"{folder}{os.sep}\n{name}")
            self.saved_path.show()
            self._fit()

    def _failed(self, error: Exception) -> None:
        if not shiboken6.isValid(self):
            return
        self._done(tr("The report could not be made: {0}").format(error), "error")

    def _done(self, text: str, level: str) -> None:
        self.progress.hide()
        self.send_button.setEnabled(True)
        self._show(text, level)

    def _show(self, text: str, level: str) -> None:
        self.message.setText(text)
        self.message.setProperty("level", level)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.show()
        self._fit()

    def _fit(self) -> None:
        """Grow to show a new message whole; never shrink under the guide's finger."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        hint = self.sizeHint()
        self.resize(max(self.width(), hint.width()), max(self.height(), hint.height()))
