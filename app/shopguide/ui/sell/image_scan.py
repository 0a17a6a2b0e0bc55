"""Reading barcodes and QR codes from pictures: a photo, a screenshot, a camera frame.

zxing-cpp does the decoding, as on a phone; the image is handed over as
8-bit grey without copying it pixel by pixel in Python.
"""

from __future__ import annotations

import zxingcpp
from PySide6.QtGui import QImage

from shopguide.core.member_code import is_member_scan


def read_codes(image: QImage) -> list[str]:
    """The text of every barcode or QR code found in the image, in reading order."""
    if image.isNull():
        return []
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    # The view does not keep its buffer alive: hold the pixels until decoding is done.
    pixels = bytes(grey.constBits())
    view = zxingcpp.ImageView(
        pixels,
        grey.width(),
        grey.height(),
        zxingcpp.ImageFormat.Lum,
        grey.bytesPerLine(),
    )
    return [result.text for result in zxingcpp.read_barcodes(view) if result.valid]


def read_codes_from_file(path: str) -> list[str]:
    return read_codes(QImage(path))


def product_barcode(codes: list[str]) -> str | None:
    """The first code that can be a product barcode (all digits): QR codes are skipped."""
    return next((code for code in codes if code.isdigit()), None)


def member_scan(codes: list[str]) -> str | None:
    """The first member code (a phone's `SGM1.` or a printed card's `SGM:`) among the codes."""
    return next((code for code in codes if is_member_scan(code)), None)


def scannable_code(codes: list[str]) -> str | None:
    """What the Sell screen acts on: a member's code first (it is on purpose), else a product."""
    return member_scan(codes) or product_barcode(codes)
