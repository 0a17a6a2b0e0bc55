"""EAN/UPC barcodes: check digits and cleaning up what a scanner typed.

A handheld scanner is a keyboard: it sends the digits plus whatever prefix,
suffix or Enter key it was configured with, and a guide typing a code by hand
adds spaces or, on a Chinese input method, full-width digits. Everything the
rest of the system stores or looks up goes through `parse_barcode`, so one
product has one canonical code (UPC-A is stored as its EAN-13 form).
"""

from __future__ import annotations

import unicodedata


class BarcodeError(ValueError):
    """The text is not a barcode; the message says why in words a guide understands."""


def _check_digit(data: str) -> str:
    """GS1 mod-10 check digit: weights 3, 1, 3, ... from the rightmost data digit."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(data)))
    return str(-total % 10)


def _require_digits(text: str, count: int) -> None:
    if len(text) != count or not text.isascii() or not text.isdigit():
        raise BarcodeError(f"expected {count} digits, got {text!r}")


def ean13_check_digit(first12: str) -> str:
    _require_digits(first12, 12)
    return _check_digit(first12)


def make_ean13(first12: str) -> str:
    return first12 + ean13_check_digit(first12)


def is_valid_ean13(code: str) -> bool:
    return (
        len(code) == 13
        and code.isascii()
        and code.isdigit()
        and _check_digit(code[:12]) == code[12]
    )


def parse_barcode(text: str) -> str:
    """The canonical code for scanner or keyboard input, or `BarcodeError`.

    Accepts EAN-13, UPC-A (returned as EAN-13 with a leading 0) and EAN-8,
    each with a correct check digit.
    """
    cleaned = "".join(
        ch
        for ch in unicodedata.normalize("NFKC", text)
        if not ch.isspace() and not unicodedata.category(ch).startswith("C")
    )
    if not cleaned:
        raise BarcodeError("the barcode is empty")
    if not (cleaned.isascii() and cleaned.isdigit()):
        strays = "".join(sorted({ch for ch in cleaned if not ("0" <= ch <= "9")}))
        raise BarcodeError(f"a barcode has only digits, this has {strays!r}")
    if len(cleaned) not in (8, 12, 13):
        raise BarcodeError(f"a barcode has 8, 12 or 13 digits, this has {len(cleaned)} ({cleaned})")
    expected = _check_digit(cleaned[:-1])
    if cleaned[-1] != expected:
        raise BarcodeError(f"{cleaned} is misread or mistyped: its last digit should be {expected}")
    return "0" + cleaned if len(cleaned) == 12 else cleaned
