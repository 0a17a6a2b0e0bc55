"""The receipt the customer keeps: on screen, as a PDF, and as a QR to scan and keep.

The lines and total are what was paid for; the QR appears once the server
has given the receipt's address (it only does for a paid order), so the
customer never scans a receipt for money that did not arrive. The PDF is
A5, a page a home printer and a phone's PDF viewer both handle, and
carries the same QR.
"""

from __future__ import annotations

import html
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QPixmap, QResizeEvent, QTextDocument
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from shopguide.client.receipts import LineSource, Receipt, ReceiptLine
from shopguide.ui.checkout.qr_image import qr_image
from shopguide.ui.formatting import money
from shopguide.ui.tasks import run_task

RECEIPT_QR_MODULE_PX = 5  # a receipt address is scanned close up: a smaller code will do
WIDE = 720  # from this width the QR stands beside the lines, not under them


def tr(text: str) -> str:
    return QCoreApplication.translate("Receipt", text)


def method_label(method: str) -> str:
    """How the customer paid, in the guide's language."""
    labels = {
        "sandbox": tr("Wallet"),
        "emv": tr("QR payment"),
        "alipay": tr("Alipay"),
        "cash": tr("Cash"),
        "card_terminal": tr("Card terminal"),
    }
    return labels.get(method, method)


def _when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else ""


def source_note(source: LineSource | None) -> str:
    """Where a line's goods come from, when not from this store's shelf."""
    if source is None:
        return ""
    if source.kind == "ship":
        return tr("shipped to customer from {0}").format(source.store_name)
    return tr("sent from {0}").format(source.store_name)


def line_label(line: ReceiptLine) -> str:
    note = source_note(line.source)
    return f"{line.label} · {note}" if note else line.label


def receipt_text(receipt: Receipt) -> str:
    """The receipt as plain text: what a screen reader reads out."""
    lines = [
        receipt.store_name,
        tr("Receipt · order {0}").format(receipt.short_id),
        *(f"{line_label(line)} × {line.quantity}  {money(line.net)}" for line in receipt.lines),
        tr("Total {0}").format(money(receipt.total)),
        tr("Paid by {0} {1}").format(method_label(receipt.method), _when(receipt.paid_at)).strip(),
    ]
    return "\n".join(line for line in lines if line)


class ReceiptView(QWidget):
    def __init__(self, receipt: Receipt, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receiptView")
        self.receipt = receipt
        self.saved_to: Path | None = None
        self._split = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._split.setContentsMargins(0, 0, 0, 0)

        paper = QVBoxLayout()
        store = QLabel(receipt.store_name)
        store.setObjectName("panelTitle")
        store.setTextFormat(Qt.TextFormat.PlainText)  # names are data, never markup
        store.setWordWrap(True)
        paper.addWidget(store)
        self.heading = QLabel(
            " · ".join(
                x
                for x in (
                    tr("Receipt · order {0}").format(receipt.short_id),
                    _when(receipt.paid_at),
                )
                if x
            )
        )
        self.heading.setObjectName("asOf")
        paper.addWidget(self.heading)
        lines = QWidget()
        lines.setObjectName("receiptLines")
        grid = QGridLayout(lines)
        grid.setHorizontalSpacing(16)
        grid.setColumnStretch(0, 1)
        for row, line in enumerate(receipt.lines):
            label = QLabel(line_label(line))
            label.setWordWrap(True)
            grid.addWidget(label, row, 0)
            grid.addWidget(self._right(f"× {line.quantity}"), row, 1)
            grid.addWidget(self._right(money(line.net)), row, 2)
        grid.setRowStretch(len(receipt.lines), 1)
        scroll = QScrollArea()
        scroll.setObjectName("receiptScroll")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(lines)
        scroll.setAccessibleName(tr("What the customer bought"))
        paper.addWidget(scroll, 1)
        self.total = QLabel(tr("Total {0}").format(money(receipt.total)))
        self.total.setObjectName("cartTotal")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        paper.addWidget(self.total)
        self.method = QLabel(tr("Paid by {0}").format(method_label(receipt.method)))
        self.method.setAlignment(Qt.AlignmentFlag.AlignRight)
        paper.addWidget(self.method)
        self._split.addLayout(paper, 1)

        keep = QVBoxLayout()
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setAccessibleName(tr("Receipt code for the customer to scan and keep"))
        keep.addWidget(self.qr)
        self.qr_caption = QLabel(tr("Scan to keep your receipt"))
        self.qr_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        keep.addWidget(self.qr_caption)
        self.save_button = QPushButton(tr("Save PDF"))
        self.save_button.setAccessibleName(tr("Save the receipt as a PDF file"))
        self.save_button.clicked.connect(self._ask_where_to_save)
        keep.addWidget(self.save_button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        keep.addWidget(self.message)
        self._split.addLayout(keep)
        self.setAccessibleDescription(receipt_text(receipt))
        self.set_url(receipt.url)

    @staticmethod
    def _right(text: str) -> QLabel:
        label = QLabel(text)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return label

    def text(self) -> str:
        """The receipt as plain text (also its accessible description)."""
        return receipt_text(self.receipt)

    def set_url(self, url: str | None) -> None:
        """Show the receipt's QR once the server has given its address."""
        self.receipt = replace(self.receipt, url=url)
        if url:
            self.qr.setPixmap(QPixmap.fromImage(qr_image(url, RECEIPT_QR_MODULE_PX)))
        self.qr.setVisible(bool(url))
        self.qr_caption.setVisible(bool(url))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        """The QR beside the lines on a wide screen, under them in a narrow dialog."""
        wide = event.size().width() >= WIDE
        self._split.setDirection(
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        )
        super().resizeEvent(event)

    def _ask_where_to_save(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getSaveFileName(
            self,
            tr("Save receipt"),
            str(Path(folder) / f"receipt-{self.receipt.short_id}.pdf"),
            tr("PDF files (*.pdf)"),
        )
        if not path:
            return
        self.save_pdf(Path(path))

    def save_pdf(self, path: Path) -> None:
        """Drawn and written off the UI thread (Qt paints PDFs and images on any thread)."""
        receipt = self.receipt
        self.save_button.setEnabled(False)

        def saved(_none: None) -> None:
            self.saved_to = path
            self.save_button.setEnabled(True)
            self.message.setText(tr("Saved to {0}").format(path.name))

        def failed(error: Exception) -> None:
            self.save_button.setEnabled(True)
            self.message.setText(tr("Could not save the receipt: {0}").format(error))

        run_task(lambda: save_receipt_pdf(receipt, path), saved, failed)


def save_receipt_pdf(receipt: Receipt, path: Path) -> None:
    """Write the receipt at `path` as an A5 PDF: lines, total, how it was paid, and its QR."""
    document = QTextDocument()
    if receipt.url:
        document.addResource(
            QTextDocument.ResourceType.ImageResource,
            QUrl("receipt-qr.png"),
            qr_image(receipt.url, RECEIPT_QR_MODULE_PX),
        )
    document.setHtml(receipt_html(receipt))
    writer = QPdfWriter(str(path))
    writer.setTitle(tr("Receipt {0}").format(receipt.short_id))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    writer.setPageOrientation(QPageLayout.Orientation.Portrait)
    document.print_(writer)
    del writer  # the file is complete once the writer is gone


def receipt_html(receipt: Receipt) -> str:
    """The receipt as the rich text a QTextDocument lays out on paper; every value escaped."""
    esc = html.escape
    rows = "".join(
        f"<tr><td>{esc(line_label(line))}</td>"
        f'<td align="right">× {line.quantity}</td>'
        f'<td align="right">{esc(money(line.net))}</td></tr>'
        for line in receipt.lines
    )
    keep = esc(tr("Scan to keep your receipt"))
    qr = f'<p align="center"><img src="receipt-qr.png"><br>{keep}</p>' if receipt.url else ""
    return (
        f"<h2>{esc(receipt.store_name)}</h2>"
        f"<p>{esc(tr('Receipt · order {0}').format(receipt.short_id))}"
        f"<br>{esc(_when(receipt.paid_at))}</p>"
        f'<table width="100%" cellpadding="4">{rows}</table>'
        f'<h3 align="right">{esc(tr("Total {0}").format(money(receipt.total)))}</h3>'
        f'<p align="right">{esc(tr("Paid by {0}").format(method_label(receipt.method)))}</p>'
        f"{qr}"
    )


class ReceiptDialog(QDialog):
    """A paid order's receipt opened from the Orders screen."""

    def __init__(self, receipt: Receipt, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Receipt"))
        self.setMinimumSize(560, 640)
        layout = QVBoxLayout(self)
        self.view = ReceiptView(receipt)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        layout.addLayout(buttons)
