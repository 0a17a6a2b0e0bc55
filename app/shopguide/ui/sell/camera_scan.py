"""Scanning with the tablet's camera: a live preview, and frames read a few times a second.

Frames are decoded on a worker thread with the same reader as pictures
(`image_scan.read_codes`), never more than one at a time, so the preview
stays smooth; the first code the caller wants (`pick`: a product barcode
unless told otherwise) closes the dialog with it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtMultimedia import (
    QCamera,
    QMediaCaptureSession,
    QMediaDevices,
    QVideoFrame,
    QVideoSink,
)
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from shopguide.ui.sell.image_scan import product_barcode, read_codes
from shopguide.ui.tasks import run_task


def tr(text: str) -> str:
    return QCoreApplication.translate("CameraScanner", text)


def has_camera() -> bool:
    return bool(QMediaDevices.videoInputs())


class CameraScanner(QDialog):
    found = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        pick: Callable[[list[str]], str | None] = product_barcode,
        hint: str = "",
    ) -> None:
        super().__init__(parent)
        self._pick = pick
        self.setWindowTitle(tr("Scan with the camera"))
        self.setMinimumSize(720, 560)
        layout = QVBoxLayout(self)
        self.preview = QLabel(hint or tr("Hold the barcode in front of the camera"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(640, 420)
        layout.addWidget(self.preview, 1)
        close = QPushButton(tr("Cancel"))
        close.clicked.connect(self.reject)
        layout.addWidget(close)
        self._busy = False
        self._camera: QCamera | None = None
        self._session = QMediaCaptureSession(self)
        self._sink = QVideoSink(self)
        self._sink.videoFrameChanged.connect(self._frame)
        self._session.setVideoSink(self._sink)
        devices = QMediaDevices.videoInputs()
        if devices:
            self._camera = QCamera(devices[0], self)
            self._session.setCamera(self._camera)
            self._camera.start()
        else:
            self.preview.setText(tr("This tablet has no camera."))

    def _frame(self, frame: QVideoFrame) -> None:
        image = frame.toImage()
        if image.isNull():
            return
        self.preview.setPixmap(
            QPixmap.fromImage(image).scaled(self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio)
        )
        self.look_at(image)

    def look_at(self, image: QImage) -> None:
        """Decode one frame unless one is already being decoded."""
        if self._busy:
            return
        self._busy = True
        run_task(lambda: read_codes(image), self._decoded, self._failed)

    def _decoded(self, codes: list[str]) -> None:
        self._busy = False
        wanted = self._pick(codes)
        if wanted is not None and self.isVisible():
            self.found.emit(wanted)
            self.accept()

    def _failed(self, _error: Exception) -> None:
        self._busy = False

    def done(self, result: int) -> None:
        if self._camera is not None:
            self._camera.stop()
        super().done(result)
