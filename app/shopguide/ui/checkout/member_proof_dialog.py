"""Before a member's coupon is spent: the six-digit code on their phone proves they are here.

Coupons live on the member's card, so whoever knows a card number could
otherwise spend them. The server checks the code and spends the coupon on
this order once, whichever tablet asks; the dialog only collects the code
and shows the server's answer.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shopguide.ui.tasks import run_task


def tr(text: str) -> str:
    return QCoreApplication.translate("MemberProof", text)


class MemberProofDialog(QDialog):
    def __init__(
        self,
        *,
        coupon_code: str,
        redeem: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._redeem = redeem
        self.setWindowTitle(tr("Member's code"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        explain = QLabel(
            tr(
                "Coupon {0} is spent from the member's card. Ask the customer to open their "
                "member page and read out the 6-digit code."
            ).format(coupon_code)
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        self.code = QLineEdit()
        self.code.setPlaceholderText("000000")
        self.code.setMaxLength(6)
        self.code.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9]{0,6}")))
        self.code.setAccessibleName(tr("The member's 6-digit code"))
        self.code.textChanged.connect(self._typed)
        self.code.returnPressed.connect(self._spend)
        layout.addWidget(self.code)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QHBoxLayout()
        self.spend = QPushButton(tr("Use the coupon"))
        self.spend.setObjectName("primary")
        self.spend.setEnabled(False)
        self.spend.clicked.connect(self._spend)
        cancel = QPushButton(tr("Back to the cart"))
        cancel.clicked.connect(self.reject)
        buttons.addWidget(self.spend)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)

    def _typed(self, text: str) -> None:
        self.spend.setEnabled(len(text) == 6)

    def _spend(self) -> None:
        if not self.spend.isEnabled():
            return
        code = self.code.text()
        self.spend.setEnabled(False)
        self.problem.hide()
        run_task(lambda: self._redeem(code), lambda _none: self.accept(), self._refused)

    def _refused(self, error: Exception) -> None:
        self.problem.setText(str(error))
        self.problem.show()
        self.spend.setEnabled(len(self.code.text()) == 6)
