"""RSA keys for payment providers, from whatever form an operator has at hand.

Alipay's open platform hands out keys in three shapes: a PEM file, PEM text
pasted into a setting, or the bare base64 of the DER key that its key tool
and console show (no header lines). All three are accepted so that pasting
what the console shows just works; anything else is refused at start-up with
a message that names the setting, rather than at the first payment.

Kept apart from `shopguide.server.payments.alipay` so that the settings can
check keys without importing the database models.
"""

from __future__ import annotations

import base64
import binascii
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey, RSAPublicKey

MIN_BITS = 2048  # Alipay's RSA2 keys are 2048-bit; anything shorter is not one of theirs


class UnusableKey(ValueError):
    """The setting holds no RSA key this server can use; the message says why."""


def _text(value: str, setting: str) -> str:
    """The key text itself: the value, or the contents of the file it names."""
    value = value.strip()
    if not value:
        raise UnusableKey(f"{setting} is empty")
    if "-----BEGIN" in value or "\n" in value or len(value) > 1024:
        return value
    path = Path(value).expanduser()
    try:
        if path.is_file():
            return path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise UnusableKey(f"{setting}: cannot read {value}: {exc}") from exc
    if value.startswith(("/", "~", ".")) or path.suffix in (".pem", ".key", ".txt"):
        raise UnusableKey(f"{setting}: no file {value}")  # base64 keys start "MII"
    return value


def _der(text: str, setting: str) -> bytes:
    try:
        return base64.b64decode("".join(text.split()), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise UnusableKey(
            f"{setting} is neither PEM text, a readable PEM file, nor base64 of a key"
        ) from exc


def load_private_key(value: str, *, setting: str) -> RSAPrivateKey:
    """An RSA private key from PEM (PKCS#1 or PKCS#8), a PEM file, or bare base64 DER."""
    text = _text(value, setting)
    der = None if "-----BEGIN" in text else _der(text, setting)
    try:
        if der is None:
            key = serialization.load_pem_private_key(text.encode("ascii"), password=None)
        else:
            key = serialization.load_der_private_key(der, password=None)
    except (ValueError, TypeError, UnicodeEncodeError) as exc:
        raise UnusableKey(
            f"{setting} is not an unencrypted RSA private key (PKCS#1 or PKCS#8)"
        ) from exc
    if not isinstance(key, RSAPrivateKey):
        raise UnusableKey(f"{setting} is not an RSA key; RSA2 signatures need one")
    if key.key_size < MIN_BITS:
        raise UnusableKey(f"{setting} has {key.key_size} bits; RSA2 needs {MIN_BITS}")
    return key


def load_public_key(value: str, *, setting: str) -> RSAPublicKey:
    """An RSA public key from PEM (SubjectPublicKeyInfo or PKCS#1), a file, or base64 DER."""
    text = _text(value, setting)
    der = None if "-----BEGIN" in text else _der(text, setting)
    try:
        if der is None:
            key = serialization.load_pem_public_key(text.encode("ascii"))
        else:
            key = serialization.load_der_public_key(der)
    except (ValueError, TypeError, UnicodeEncodeError) as exc:
        raise UnusableKey(f"{setting} is not an RSA public key") from exc
    if not isinstance(key, RSAPublicKey):
        raise UnusableKey(f"{setting} is not an RSA key; RSA2 signatures need one")
    if key.key_size < MIN_BITS:
        raise UnusableKey(f"{setting} has {key.key_size} bits; RSA2 needs {MIN_BITS}")
    return key
