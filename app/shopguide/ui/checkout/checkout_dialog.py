"""The checkout: the customer scans the QR with a phone wallet and the dialog shows paid.

The dialog never decides that money arrived: it places the order, asks the
server for an intent, shows its QR and waits on the server's word (a long
poll), then shows paid with the receipt, or the decline reason, or a fresh
code when the old one expired.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from shopguide.client.api import OfflineError
from shopguide.client.carts import Cart
from shopguide.client.checkout import Checkout, Intent
from shopguide.core.money import Money
from shopguide.core.pricing import PricedCart
from shopguide.ui.checkout.qr_image import qr_image
from shopguide.ui.tasks import run_task

PAYMENT_QUEUE = "payment"
RETRY_MS = 2000


def tr(text: str) -> str:
    return QCoreApplication.translate("Checkout", text)


class CheckoutDialog(QDialog):
    def __init__(
        self,
        checkout: Checkout,
        cart: Cart,
        priced: PricedCart,
        *,
        merchant: str,
        on_paid: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.checkout, self.cart, self.priced = checkout, cart, priced
        self._on_paid = on_paid
        self.intent: Intent | None = None
        self._closed = False
        self.setWindowTitle(tr("Payment"))
        self.setMinimumSize(560, 720)
        layout = QVBoxLayout(self)
        self.merchant = QLabel(merchant)
        self.merchant.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.merchant)
        self.amount = QLabel(priced.total.format())
        self.amount.setObjectName("cartTotal")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.amount)
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setMinimumSize(360, 360)
        self.qr.setAccessibleName(tr("Payment code for the customer to scan"))
        layout.addWidget(self.qr, 1)
        self.status = QLabel(tr("Sending the order…"))
        self.status.setObjectName("paymentStatus")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.receipt = QLabel()
        self.receipt.setWordWrap(True)
        self.receipt.hide()
        layout.addWidget(self.receipt)
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
            order_id = self.checkout.place(self.cart, self.priced)
            return self.checkout.intent(order_id)

        run_task(place_and_ask, self._show_intent, self._failed, queue=PAYMENT_QUEUE)

    def _new_intent(self) -> None:
        self.again.hide()
        self.status.setText(tr("Making a new code…"))
        run_task(
            lambda: self.checkout.intent(self.cart.id),
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
            self.qr.setText("✓")
            self.qr.setObjectName("paidMark")
            self.status.setText(
                tr("Paid {0}").format(Money(intent.amount, intent.currency).format())
            )
            self.receipt.setText(self._receipt_text(intent))
            self.receipt.show()
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

    def _receipt_text(self, intent: Intent) -> str:
        lines = [tr("Receipt · order {0}").format(intent.order_id[:8].upper())]
        lines += [
            f"{line.line.label} × {line.line.quantity}  {line.net_total.format()}"
            for line in self.priced.lines
        ]
        lines.append(tr("Total {0}").format(self.priced.total.format()))
        return "\n".join(lines)

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
        self.status.setText(str(error))
        self.close_button.setText(tr("Close"))

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
        self.done(
            QDialog.DialogCode.Accepted
            if intent and intent.status == "paid"
            else QDialog.DialogCode.Rejected
        )
