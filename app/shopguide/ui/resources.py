"""Where the theme, icons and translations are: beside the package when installed from a
checkout, or wherever SHOPGUIDE_RESOURCES points (the packaged app sets it)."""

from __future__ import annotations

import os
from pathlib import Path


def resource_dir() -> Path:
    override = os.environ.get("SHOPGUIDE_RESOURCES")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[3] / "resources"


def theme() -> str:
    return (resource_dir() / "theme.qss").read_text(encoding="utf-8")


def icon_path(name: str) -> Path:
    return resource_dir() / "icons" / f"{name}.svg"
