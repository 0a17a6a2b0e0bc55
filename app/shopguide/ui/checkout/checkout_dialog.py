"""The checkout: the customer scans the QR with a phone wallet and the dialog shows paid.

The dialog never decides that money arrived: it places the order (unless
the sale names one the server already has, as a retry from the Orders
screen does), asks the server for an intent, shows its QR and waits on the
server's word (a long poll), then shows paid with the receipt the customer
keeps, or the decline reason, or a fresh code when the old one expired.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from shopguide.client.api import OfflineError
from shopguide.client.checkout import Checkout, Intent, Sale
from shopguide.client.offline_payments import OfflinePayments
from shopguide.client.receipts import Receipt
from shopguide.core.money import Money
from shopguide.ui.checkout.offline_panel import OfflinePanel
from shopguide.ui.checkout.qr_image import qr_image
from shopguide.ui.checkout.receipt_view import ReceiptView
from shopguide.ui.formatting import money
from shopguide.ui.tasks import run_task

PAYMENT_QUEUE = "payment"
RETRY_MS = 2000


def tr(text: str) -> str:
    return QCoreApplication.translate("Checkout", text)


class CheckoutDialog(QDialog):
    def __init__(
        self,
        checkout: Checkout,
        sale: Sale,
        *,
        merchant: str,
        on_paid: Callable[[], None],
        offline: OfflinePayments | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.checkout, self.sale, self.offline = checkout, sale, offline
        self._on_paid = on_paid
        self.offline_panel: OfflinePanel | None = None
        self._closed_offline = False
        self.intent: Intent | None = None
        self.receipt: ReceiptView | None = None
        self._closed = False
        self.setWindowTitle(tr("Payment"))
        self.setMinimumSize(560, 720)
        self._layout = layout = QVBoxLayout(self)
        self.merchant = QLabel(merchant)
        self.merchant.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.merchant)
        self.amount = QLabel(money(sale.total))
        self.amount.setObjectName("cartTotal")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.amount)
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setMinimumSize(360, 360)
        self.qr.setAccessibleName(tr("Payment code for the customer to scan"))
        layout.addWidget(self.qr, 1)
        self.status = QLabel(
            tr("Sending the order…") if sale.place is not None else tr("Making a payment code…")
        )
        self.status.setObjectName("paymentStatus")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        self.again = QPushButton(tr("New code"))
        self.again.setObjectName("primary")
        self.again.clicked.connect(self._new_intent)
        self.again.hide()
        buttons.addWidget(self.again)
        self.close_button = QPushButton(tr("Cancel"))
        self.close_button.clicked.connect(self._cancel)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self._countdown = QTimer(self)
        self._countdown.timeout.connect(self._tick)
        self._start()

    # -- steps ---------------------------------------------------------------

    def _start(self) -> None:
        def place_and_ask() -> Intent:
            if self.sale.place is not None:
                self.sale.place()
            return self.checkout.intent(self.sale.order_id)

        run_task(place_and_ask, self._show_intent, self._failed, queue=PAYMENT_QUEUE)

    def _new_intent(self) -> None:
        self.again.hide()
        self.status.setText(tr("Making a new code…"))
        run_task(
            lambda: self.checkout.intent(self.sale.order_id),
            self._show_intent,
            self._failed,
            queue=PAYMENT_QUEUE,
        )

    def _show_intent(self, intent: Intent) -> None:
        self.intent = intent
        if intent.status != "pending":
            self._settled(intent)
            return
        pixmap = QPixmap.fromImage(qr_image(intent.qr_content))
        self.qr.setPixmap(pixmap)
        self._tick()
        self._countdown.start(1000)
        self._wait()

    def _wait(self) -> None:
        intent = self.intent
        if intent is None or self._closed:
            return
        run_task(
            lambda: self.checkout.wait(intent.payment_id, intent.status),
            self._heard,
            self._wait_failed,
            queue=PAYMENT_QUEUE,
        )

    def _heard(self, intent: Intent) -> None:
        if self.intent is None or intent.payment_id != self.intent.payment_id:
            return
        self.intent = intent
        if intent.status == "pending":
            self._wait()
            return
        self._settled(intent)

    def _wait_failed(self, error: Exception) -> None:
        if isinstance(error, OfflineError):
            self.status.setText(tr("Connection lost: still waiting for the payment…"))
            QTimer.singleShot(RETRY_MS, self._wait)
        else:
            self._failed(error)

    def _settled(self, intent: Intent) -> None:
        self._countdown.stop()
        if intent.status == "paid":
            self.qr.clear()
            for shown_before in (self.merchant, self.amount, self.qr):
                shown_before.hide()  # the receipt says it all again
            self.status.setProperty("level", "paid")
            self.status.style().unpolish(self.status)
            self.status.style().polish(self.status)
            self.status.setText(tr("Paid {0}").format(money(Money(intent.amount, intent.currency))))
            self._show_receipt(intent)
            self.close_button.setText(tr("Done"))
            self._on_paid()
        elif intent.status == "expired":
            self.qr.clear()
            self.status.setText(tr("The code expired before it was paid."))
            self.again.show()
        elif intent.status == "failed":
            self.qr.clear()
            self.status.setText(
                tr("Payment declined: {0}").format(intent.failure_reason or tr("no reason given"))
            )
            self.again.setText(tr("Try again"))
            self.again.show()
        else:
            self.status.setText(tr("Payment {0}").format(intent.status))

    def _show_receipt(self, intent: Intent) -> None:
        """The receipt under the paid banner; its own QR once the server gives its address."""
        receipt = Receipt(
            store_name=self.merchant.text(),
            order_id=self.sale.order_id,
            lines=self.sale.lines,
            total=self.sale.total,
            method=intent.provider,
            paid_at=intent.paid_at,
        )
        view = self.receipt = ReceiptView(receipt)
        self._layout.insertWidget(self._layout.indexOf(self.status) + 1, view, 1)
        run_task(
            lambda: self.checkout.receipt_url(self.sale.order_id),
            view.set_url,
            lambda _error: None,  # no address, no receipt QR: the lines and Save PDF remain
        )

    def _tick(self) -> None:
        if self.intent is None:
            return
        left = int((self.intent.expires_at - datetime.now(UTC)).total_seconds())
        if left <= 0:
            self.status.setText(tr("Checking the code…"))
            return
        self.status.setText(tr("Scan to pay · valid for {0}:{1:02d}").format(left // 60, left % 60))

    def _failed(self, error: Exception) -> None:
        self._countdown.stop()
        if isinstance(error, OfflineError) and self.intent is None and self.offline is not None:
            self._offer_offline()
            return
        self.status.setText(str(error))
        self.close_button.setText(tr("Close"))

    def _offer_offline(self) -> None:
        """No code from the server: the order waits in the outbox; close the sale another way."""
        assert self.offline is not None
        self.qr.hide()
        self.status.setText(tr("Offline"))
        panel = self.offline_panel = OfflinePanel(
            self.offline, order_id=self.sale.order_id, total=self.sale.total, parent=self
        )
        panel.recorded.connect(self._recorded_offline)
        panel.retry_online.connect(self._back_online)
        panel.grown.connect(self.adjustSize)
        self._layout.insertWidget(self._layout.indexOf(self.status) + 1, panel, 1)
        self.adjustSize()

    def _recorded_offline(self, _method: str) -> None:
        self._closed_offline = True
        self.status.setText(tr("Recorded offline"))
        self.close_button.setText(tr("Done"))
        self._on_paid()

    def _back_online(self) -> None:
        if self.offline_panel is not None:
            self.offline_panel.deleteLater()
            self.offline_panel = None
        self.qr.show()
        self.status.setText(tr("Asking the server again…"))
        self._start()

    def done(self, result: int) -> None:
        self._closed = True
        self._countdown.stop()
        super().done(result)

    def _cancel(self) -> None:
        intent = self.intent
        self._countdown.stop()
        if intent is not None and intent.status == "pending":
            run_task(
                lambda: self.checkout.cancel(intent.payment_id),
                lambda _i: None,
                lambda _e: None,
                queue=PAYMENT_QUEUE,
            )
        sold = (intent is not None and intent.status == "paid") or self._closed_offline
        self.done(QDialog.DialogCode.Accepted if sold else QDialog.DialogCode.Rejected)
