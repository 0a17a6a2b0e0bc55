"""Where the theme, icons and translations are: beside the package when installed from a
checkout, or wherever SHOPGUIDE_RESOURCES points (the packaged app sets it).

The theme's sizes (theme.qss) are drawn for a system font of BASE_POINT_SIZE points;
`theme()` scales its text sizes, and the sizes that hold text, by the application's
font, so a guide who sets a larger system font gets larger text throughout (never
smaller than drawn: the floor is read at arm's length).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication

BASE_POINT_SIZE = 10.0
# Lengths that hold text grow with it; paddings, radii and borders stay as drawn.
_SCALED = re.compile(r"\b(font-size|min-height|min-width|max-width)(\s*:\s*)(\d+(?:\.\d+)?)px")


def resource_dir() -> Path:
    override = os.environ.get("SHOPGUIDE_RESOURCES")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[3] / "resources"


def font_scale(font: QFont | None = None) -> float:
    """How much larger than drawn the text is: the font's size over BASE_POINT_SIZE, at least 1."""
    if font is None:
        if QGuiApplication.instance() is None:
            return 1.0
        font = QGuiApplication.font()
    points = font.pointSizeF()
    if points <= 0:  # a font sized in pixels: 96 dpi, as the theme is drawn
        points = font.pixelSize() * 72 / 96
    return max(1.0, points / BASE_POINT_SIZE)


def scaled(pixels: int, font: QFont | None = None) -> int:
    """A size drawn for the base font (a painted label, a row's height), at the app's font."""
    return round(pixels * font_scale(font))


def scale_stylesheet(qss: str, scale: float) -> str:
    def grow(match: re.Match[str]) -> str:
        return f"{match[1]}{match[2]}{round(float(match[3]) * scale)}px"

    return qss if scale == 1.0 else _SCALED.sub(grow, qss)


def theme(font: QFont | None = None) -> str:
    """The stylesheet, its text sizes scaled to `font` (default: the application's font)."""
    qss = (resource_dir() / "theme.qss").read_text(encoding="utf-8")
    return scale_stylesheet(qss, font_scale(font))


def follow_font_changes(app: QApplication) -> None:
    """Re-apply the theme when the system (or the app) font changes while the app runs."""
    if not app.property("followsFont"):
        app.setProperty("followsFont", True)
        app.fontChanged.connect(lambda font: app.setStyleSheet(theme(font)))


def icon_path(name: str) -> Path:
    return resource_dir() / "icons" / f"{name}.svg"
