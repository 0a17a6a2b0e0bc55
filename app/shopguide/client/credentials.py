"""Where the refresh token lives between runs: the system keyring when there is one.

Headless Linux usually has no keyring backend. Then the token goes to a file
only this user can read, in the tablet's data folder, and `backend_name`
says so, so the app can tell the guide where it is kept.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

import keyring
from keyring.errors import KeyringError

log = logging.getLogger(__name__)

SERVICE = "shopguide"


def _keyring_usable() -> bool:
    backend = keyring.get_keyring()
    priority = getattr(backend, "priority", 0)
    name = type(backend).__module__
    return bool(priority and priority > 0) and "fail" not in name and "null" not in name


class CredentialStore:
    def __init__(self, fallback_folder: Path, *, use_keyring: bool | None = None) -> None:
        self._file = fallback_folder / "refresh-token"
        self._use_keyring = _keyring_usable() if use_keyring is None else use_keyring

    @property
    def uses_keyring(self) -> bool:
        return self._use_keyring

    @property
    def backend_name(self) -> str:
        return "system keyring" if self._use_keyring else f"file {self._file}"

    def load(self, username: str) -> str | None:
        if self._use_keyring:
            try:
                return keyring.get_password(SERVICE, username)
            except KeyringError as exc:
                log.warning("keyring unavailable (%s); using the file", exc)
                self._use_keyring = False
        try:
            user, _, token = self._file.read_text(encoding="utf-8").partition("\n")
        except OSError:
            return None
        return token.strip() or None if user == username else None

    def save(self, username: str, token: str) -> None:
        if self._use_keyring:
            try:
                keyring.set_password(SERVICE, username, token)
                return
            except KeyringError as exc:
                log.warning("keyring unavailable (%s); using the file", exc)
                self._use_keyring = False
        self._file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self._file.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(f"{username}\n{token}\n")
        os.replace(tmp, self._file)

    def forget(self, username: str) -> None:
        if self._use_keyring:
            with contextlib.suppress(KeyringError):
                keyring.delete_password(SERVICE, username)
        self._file.unlink(missing_ok=True)
