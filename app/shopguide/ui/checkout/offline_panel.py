"""What the checkout offers when the server cannot be reached: cash, card terminal, store QR.

Each way asks the guide to confirm what they saw before anything is
recorded, and none of them says "paid": cash and card are "recorded", and the
store's QR is "payment unverified" until the server hears from the acquirer.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shopguide.client.offline_payments import Method, NoMerchantAccount, OfflinePayments
from shopguide.core.money import Money
from shopguide.ui.checkout.qr_image import qr_image
from shopguide.ui.formatting import money
from shopguide.ui.tasks import run_task

OFFLINE_QR_MODULE_PX = 5  # an EMV payload is longer than a wallet URL: keep the code on screen


def tr(text: str) -> str:
    return QCoreApplication.translate("OfflinePanel", text)


def method_label(method: Method) -> str:
    return {
        "cash": tr("cash"),
        "card_terminal": tr("card terminal"),
        "emv_offline": tr("store QR, payment unverified"),
    }[method]


class OfflinePanel(QWidget):
    """Emits `recorded(method)` once the guide's confirmation is queued for the server."""

    recorded = Signal(str)
    retry_online = Signal()
    grown = Signal()  # the store's QR appeared: the dialog makes room

    def __init__(
        self,
        payments: OfflinePayments,
        *,
        order_id: str,
        total: Money,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.payments, self.order_id, self.total = payments, order_id, total
        layout = QVBoxLayout(self)
        self.explain = QLabel(
            tr(
                "No connection to the server. The order is saved on this tablet and will be "
                "sent when the connection returns. Close the sale another way:"
            )
        )
        self.explain.setWordWrap(True)
        layout.addWidget(self.explain)
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setAccessibleName(tr("The store's payment code, not yet verified"))
        self.qr.hide()
        layout.addWidget(self.qr)
        self.warning = QLabel(
            tr(
                "PAYMENT UNVERIFIED until the server hears from the bank. Check that the "
                "customer's phone shows it paid to this store."
            )
        )
        self.warning.setObjectName("unverified")
        self.warning.setWordWrap(True)
        self.warning.hide()
        layout.addWidget(self.warning)
        buttons = QGridLayout()
        self.cash = QPushButton(tr("Cash received"))
        self.cash.clicked.connect(lambda: self._confirm("cash"))
        self.card = QPushButton(tr("Card terminal"))
        self.card.clicked.connect(lambda: self._confirm("card_terminal"))
        self.online = QPushButton(tr("Try online again"))
        self.online.clicked.connect(self.retry_online.emit)
        self.store_qr = QPushButton(tr("Show the store's QR"))
        self.store_qr.setObjectName("primary")
        self.store_qr.clicked.connect(self._show_store_qr)
        self.customer_paid = QPushButton(tr("Customer has paid (unverified)"))
        self.customer_paid.setObjectName("primary")
        self.customer_paid.clicked.connect(lambda: self._confirm("emv_offline"))
        self.customer_paid.hide()
        buttons.addWidget(self.cash, 0, 0)
        buttons.addWidget(self.card, 0, 1)
        buttons.addWidget(self.store_qr, 1, 0, 1, 2)
        buttons.addWidget(self.customer_paid, 1, 0, 1, 2)
        buttons.addWidget(self.online, 2, 0, 1, 2)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def _show_store_qr(self) -> None:
        try:
            content = self.payments.local_qr(self.order_id, self.total)
        except NoMerchantAccount as exc:
            self.explain.setText(
                tr("{0}. Take cash or use the card terminal.").format(str(exc).capitalize())
            )
            self.store_qr.setEnabled(False)
            return
        pixmap = QPixmap.fromImage(qr_image(content, module_px=OFFLINE_QR_MODULE_PX))
        self.qr.setPixmap(pixmap)
        self.qr.setMinimumSize(pixmap.size())
        self.explain.hide()  # the warning under the code says what matters now
        self.qr.show()
        self.warning.show()
        self.customer_paid.show()
        self.store_qr.hide()
        self.online.hide()  # the customer is paying: going back online would start over
        self.grown.emit()

    def _confirm(self, method: Method) -> None:
        question = {
            "cash": tr("Did you receive {0} in cash?"),
            "card_terminal": tr("Did the card terminal approve {0}?"),
            "emv_offline": tr(
                "Does the customer's phone show {0} paid to this store? The payment stays "
                "unverified until the server confirms it."
            ),
        }[method].format(money(self.total))
        answer = QMessageBox.question(self, tr("Confirm payment"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        for button in (self.cash, self.card, self.store_qr, self.customer_paid, self.online):
            button.setEnabled(False)
        run_task(
            lambda: self.payments.record(self.order_id, method, self.total),
            self._recorded,
            self._failed,
        )

    def _recorded(self, method: Method) -> None:
        for done_with in (self.qr, self.cash, self.card, self.customer_paid, self.online):
            done_with.hide()
        self.store_qr.hide()
        self.explain.show()
        self.explain.setText(
            tr(
                "Recorded as {0}. It will be sent to the server when the connection returns."
            ).format(method_label(method))
        )
        self.recorded.emit(method)

    def _failed(self, error: Exception) -> None:
        self.explain.setText(tr("Could not record the payment: {0}").format(error))
        for button in (self.cash, self.card, self.store_qr, self.customer_paid, self.online):
            button.setEnabled(True)
