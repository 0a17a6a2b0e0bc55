"""Barcodes: GS1 check digits and what a scanner or a guide's keyboard sends."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shopguide.core.barcode import (
    BarcodeError,
    ean13_check_digit,
    is_valid_ean13,
    make_ean13,
    parse_barcode,
)

KNOWN_GOOD = ["4006381333931", "5901234123457", "9780306406157"]


@pytest.mark.parametrize("code", KNOWN_GOOD)
def test_known_ean13_codes_have_the_right_check_digit(code: str) -> None:
    assert ean13_check_digit(code[:12]) == code[12]
    assert make_ean13(code[:12]) == code
    assert is_valid_ean13(code)
    assert parse_barcode(code) == code


@pytest.mark.parametrize("code", ["4006381333932", "5901234123450", "9780306406151"])
def test_a_wrong_check_digit_is_caught_and_the_reason_names_the_right_one(code: str) -> None:
    assert not is_valid_ean13(code)
    with pytest.raises(BarcodeError, match=f"should be {make_ean13(code[:12])[-1]}"):
        parse_barcode(code)


@pytest.mark.parametrize(
    "code", ["400638133393", "40063813339311", "400638133393a", "", "４００６３８１３３３９３１"]
)
def test_is_valid_ean13_wants_exactly_thirteen_ascii_digits(code: str) -> None:
    assert not is_valid_ean13(code)


def test_the_check_digit_needs_twelve_digits() -> None:
    with pytest.raises(BarcodeError, match="12 digits"):
        ean13_check_digit("12345")


@pytest.mark.parametrize(
    "typed",
    [
        "4006381333931\r\n",
        "  4006381333931\t",
        "\x024006381333931\x03",  # STX/ETX framing some scanners add
        "4 006381 333931",  # typed from the label, with its spaces
        "４００６３８１３３３９３１",  # full-width digits from a Chinese input method
    ],
)
def test_scanner_and_keyboard_noise_is_cleaned_up(typed: str) -> None:
    assert parse_barcode(typed) == "4006381333931"


def test_a_upc_a_code_is_stored_as_its_ean13_form() -> None:
    assert parse_barcode("036000291452") == "0036000291452"
    assert is_valid_ean13("0036000291452")


def test_a_upc_a_code_with_a_bad_check_digit_is_refused() -> None:
    with pytest.raises(BarcodeError, match="should be 2"):
        parse_barcode("036000291453")


def test_an_ean8_code_is_accepted_as_it_is() -> None:
    assert parse_barcode("96385074") == "96385074"
    with pytest.raises(BarcodeError, match="should be 4"):
        parse_barcode("96385075")


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", "empty"),
        (" \r\n", "empty"),
        ("RS-0001-BLK-42", "only digits"),
        ("12345", "8, 12 or 13 digits, this has 5"),
        ("40063813339310", "this has 14"),
    ],
)
def test_anything_else_is_refused_with_a_reason_a_guide_understands(
    typed: str, reason: str
) -> None:
    with pytest.raises(BarcodeError, match=reason):
        parse_barcode(typed)


def test_a_barcode_error_is_a_value_error() -> None:
    assert issubclass(BarcodeError, ValueError)


@settings(max_examples=200)
@given(
    st.text(alphabet="0123456789", min_size=12, max_size=12),
    st.integers(min_value=0, max_value=12),
    st.integers(min_value=1, max_value=9),
)
def test_every_single_mistyped_digit_is_caught(first12: str, position: int, shift: int) -> None:
    code = make_ean13(first12)
    assert is_valid_ean13(code)
    wrong = str((int(code[position]) + shift) % 10)
    assert not is_valid_ean13(code[:position] + wrong + code[position + 1 :])
