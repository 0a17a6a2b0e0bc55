"""Phone numbers as members give them: one normal form, masked on screen, hashed on tablets.

A customer says "138 0013 8000" or "+86 138-0013-8000"; both must find the
same member, online (the server compares normal forms) and offline (the
tablet hashes the normal form with the brand's salt and compares hashes, so
the cache never holds a phone number in clear).
"""

from __future__ import annotations

import hashlib
import hmac
import re

_NON_DIGITS = re.compile(r"\D")
CHINA_PREFIX = "86"
CHINA_MOBILE_DIGITS = 11


def normalise_phone(phone: str) -> str:
    digits = _NON_DIGITS.sub("", phone)
    if digits.startswith(CHINA_PREFIX) and len(digits) == len(CHINA_PREFIX) + CHINA_MOBILE_DIGITS:
        digits = digits[len(CHINA_PREFIX) :]
    return digits


def mask_phone(phone: str) -> str:
    digits = normalise_phone(phone)
    return "*" * max(len(digits) - 4, 0) + digits[-4:]


def phone_hash(salt: str, phone: str) -> str:
    """What a tablet holds instead of a phone; it hashes what a customer says the same way."""
    return hmac.new(salt.encode(), normalise_phone(phone).encode(), hashlib.sha256).hexdigest()
