"""Barcodes and QR codes read from pictures, as the camera path and "scan a picture" do."""

from __future__ import annotations

from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtGui import QColor, QImage, QPainter, QTransform

from shopguide.ui.app import application
from shopguide.ui.sell.image_scan import read_codes, read_codes_from_file


def picture_of(text: str, fmt: zxingcpp.BarcodeFormat, scale: int = 4) -> QImage:
    code = zxingcpp.create_barcode(text, fmt).to_image(scale=scale)
    height, width = code.shape
    image = QImage(
        memoryview(code).tobytes(), width, height, width, QImage.Format.Format_Grayscale8
    )
    return image.copy()


@pytest.fixture(autouse=True)
def qt_app() -> None:
    application()


def test_an_ean13_photo_saved_as_png_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "label.png"
    assert picture_of("5901234123457", zxingcpp.BarcodeFormat.EAN13).save(str(path))
    assert read_codes_from_file(str(path)) == ["5901234123457"]


def test_a_qr_code_on_a_busy_colour_background_tilted_a_little_reads(tmp_path: Path) -> None:
    code = picture_of("SGM:8800123456789012", zxingcpp.BarcodeFormat.QRCode, scale=8)
    canvas = QImage(900, 700, QImage.Format.Format_RGB32)
    canvas.fill(QColor("#d9c7a7"))
    painter = QPainter(canvas)
    painter.setTransform(QTransform().translate(220, 120).rotate(8))
    painter.drawImage(0, 0, code)
    painter.end()
    path = tmp_path / "phone.jpg"
    assert canvas.save(str(path), quality=80)
    assert read_codes_from_file(str(path)) == ["SGM:8800123456789012"]


def test_a_picture_without_a_code_reads_nothing(tmp_path: Path) -> None:
    blank = QImage(320, 240, QImage.Format.Format_RGB32)
    blank.fill(QColor("white"))
    assert read_codes(blank) == []
    assert read_codes_from_file(str(tmp_path / "missing.png")) == []
