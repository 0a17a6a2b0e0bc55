"""First run and log in again: server, username, password. The store comes with the account."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shopguide.client.api import ApiError, LoginResult, OfflineError
from shopguide.ui.tasks import run_task


def tr(text: str) -> str:
    return QCoreApplication.translate("LoginDialog", text)


def login_error_text(error: Exception) -> str:
    if isinstance(error, OfflineError):
        return tr("Cannot reach the server. Check the address and the network.")
    if isinstance(error, ApiError):
        if error.status == 429:
            return tr("Too many attempts. Wait a few minutes and try again.")
        if error.status == 401:
            return tr("Wrong username or password.")
        return error.reason
    return str(error)


class LoginDialog(QDialog):
    def __init__(
        self,
        login: Callable[[str, str, str], LoginResult],
        *,
        server_url: str = "",
        username: str = "",
        again: bool = False,
        storage_note: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """`again`: the login expired mid-shift, so only the password is asked for."""
        super().__init__(parent)
        self._login = login
        self.result_login: LoginResult | None = None
        self.setWindowTitle(tr("Log in to ShopGuide"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.server = QLineEdit(server_url)
        self.server.setPlaceholderText("https://shopguide.example.com")
        self.username = QLineEdit(username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        for field, name in (
            (self.server, tr("Server")),
            (self.username, tr("Username")),
            (self.password, tr("Password")),
        ):
            field.setMinimumHeight(44)
            field.setAccessibleName(name)
            form.addRow(name, field)
        if again:
            self.setWindowTitle(tr("Log in again"))
            self.server.setReadOnly(True)
            self.username.setReadOnly(True)
            notice = QLabel(
                tr(
                    "Your login has expired. Type your password to keep syncing; "
                    "the cart stays as it is."
                )
            )
            notice.setWordWrap(True)
            layout.addWidget(notice)
        layout.addLayout(form)
        self.storage_note = QLabel(storage_note)
        self.storage_note.setWordWrap(True)
        self.storage_note.setObjectName("asOf")
        self.storage_note.setVisible(bool(storage_note))
        layout.addWidget(self.storage_note)
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.submit = QPushButton(tr("Log in"))
        self.submit.setObjectName("primary")
        self.submit.setMinimumHeight(48)
        self.submit.setDefault(True)
        self.submit.clicked.connect(self._try_login)
        self.password.returnPressed.connect(self._try_login)
        layout.addWidget(self.submit)
        (self.password if username else self.username).setFocus()

    def _try_login(self) -> None:
        server, user, password = (
            self.server.text().strip(),
            self.username.text().strip(),
            self.password.text(),
        )
        if not server or not user or not password:
            self.error.setText(tr("Fill in the server, your username and your password."))
            return
        self.submit.setEnabled(False)
        self.error.setText(tr("Logging in…"))
        run_task(lambda: self._login(server, user, password), self._succeeded, self._failed)

    def _succeeded(self, result: LoginResult) -> None:
        self.result_login = result
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.submit.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self.error.setText(login_error_text(error))
