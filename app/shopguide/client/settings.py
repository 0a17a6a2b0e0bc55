"""The tablet's settings: one typed registry with defaults and upgrade steps.

Every option is declared once here with its type and default. The file is
JSON with a version number; `UPGRADES` turns an older file into the current
shape, so a tablet updated in the field keeps what its guide set.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")

VERSION = 1


@dataclass(frozen=True, slots=True)
class Option(Generic[T]):
    key: str
    default: T
    kind: type[T]
    help: str


SERVER_URL = Option("server_url", "", str, "central server, e.g. https://shopguide.example.com")
STORE_ID = Option("store_id", 0, int, "the store this tablet belongs to")
USERNAME = Option("username", "", str, "the last guide who logged in")
FULL_NAME = Option("full_name", "", str, "that guide's name, shown in the top bar")
ROLE = Option("role", "", str, "that guide's role: guide, manager or admin")
NEARBY_STORES = Option("nearby_stores", 10, int, "how many nearby stores' stock to keep")
LANGUAGE = Option("language", "", str, "'' follows the system; or zh_CN, ja, en")

OPTIONS: dict[str, Option[Any]] = {
    o.key: o for o in (SERVER_URL, STORE_ID, USERNAME, FULL_NAME, ROLE, NEARBY_STORES, LANGUAGE)
}

# version -> step turning a file of that version into the next one
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


class Settings:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._values: dict[str, Any] = self._load()

    def _load(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("settings file %s unreadable (%s): using defaults", self.path, exc)
            return {}
        if not isinstance(data, dict):
            return {}
        values: dict[str, Any] = dict(data)
        version = int(values.pop("_version", VERSION))
        while version < VERSION:
            values = UPGRADES[version](values)
            version += 1
        return values

    def get(self, option: Option[T]) -> T:
        value = self._values.get(option.key, option.default)
        if not isinstance(value, option.kind):
            return option.default
        return value

    def set(self, option: Option[T], value: T) -> None:
        if not isinstance(value, option.kind):
            raise TypeError(f"{option.key} takes {option.kind.__name__}")
        self._values[option.key] = value
        self._save()

    def _save(self) -> None:
        """Write a new file and rename it over the old one, so a crash never leaves half."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"_version": VERSION, **self._values}
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".settings-")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=2, ensure_ascii=False)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.path)
