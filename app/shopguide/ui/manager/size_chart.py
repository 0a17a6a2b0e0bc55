"""A grouped bar chart by size ("sold" beside "have"), drawn with QPainter.

A manager sees a size curve faster than reading it: where sales peak and
where the shelf does not follow. Each bar carries its number, so the chart
reads without colour too; no chart library is needed for this one picture.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from shopguide.ui.resources import scaled

# On white, as theme.qss: the title, the numbers on the bars, the sizes under them, the axis.
BACKGROUND, TITLE, VALUE_TEXT = "#ffffff", "#1f2328", "#2b3440"
AXIS_TEXT, AXIS = "#4a5462", "#d8dee6"


@dataclass(frozen=True, slots=True)
class Series:
    label: str
    colour: str
    values: Sequence[int]  # one per size


class SizeChart(QWidget):
    MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 16, 16, 40, 34

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("sizeChart")
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.title = ""
        self.sizes: list[str] = []
        self.series: list[Series] = []

    def set_data(self, title: str, sizes: Sequence[str], series: Sequence[Series]) -> None:
        if any(len(s.values) != len(sizes) for s in series):
            raise ValueError("each series has one value per size")
        self.title, self.sizes, self.series = title, list(sizes), list(series)
        self.setAccessibleName(title)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(BACKGROUND))
        font = QFont(self.font())
        font.setPixelSize(scaled(15))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(TITLE))
        painter.drawText(
            QRectF(self.MARGIN_LEFT, 6, self.width() / 2, scaled(26)),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.title,
        )
        self._legend(painter)
        if not self.sizes or not self.series:
            painter.end()
            return
        font.setBold(False)
        font.setPixelSize(scaled(13))
        painter.setFont(font)
        top = scaled(self.MARGIN_TOP + 14)
        bottom = self.height() - scaled(self.MARGIN_BOTTOM)
        left, right = self.MARGIN_LEFT, self.width() - self.MARGIN_RIGHT
        peak = max(1, *(max(s.values, default=0) for s in self.series))
        group = (right - left) / len(self.sizes)
        bar = min(40.0, group * 0.8 / len(self.series))
        painter.setPen(QPen(QColor(AXIS), 1))
        painter.drawLine(int(left), int(bottom), int(right), int(bottom))
        for i, size in enumerate(self.sizes):
            x0 = left + i * group + (group - bar * len(self.series)) / 2
            for j, series in enumerate(self.series):
                value = series.values[i]
                height = (bottom - top) * value / peak
                rect = QRectF(x0 + j * bar + 1, bottom - height, bar - 2, height)
                painter.fillRect(rect, QColor(series.colour))
                painter.setPen(QColor(VALUE_TEXT))
                line = painter.fontMetrics().height()
                painter.drawText(
                    QRectF(rect.left() - 6, rect.top() - line - 2, rect.width() + 12, line),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                    str(value),
                )
            painter.setPen(QColor(AXIS_TEXT))
            painter.drawText(
                QRectF(left + i * group, bottom + 4, group, scaled(self.MARGIN_BOTTOM) - 6),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                size,
            )
        painter.end()

    def _legend(self, painter: QPainter) -> None:
        x = self.width() - self.MARGIN_RIGHT
        for series in reversed(self.series):
            width = painter.fontMetrics().horizontalAdvance(series.label)
            x -= width
            painter.setPen(QColor(VALUE_TEXT))
            painter.drawText(
                QRectF(x, 6, width, scaled(26)), Qt.AlignmentFlag.AlignVCenter, series.label
            )
            x -= 22
            painter.fillRect(QRectF(x, 6 + (scaled(26) - 14) / 2, 14, 14), QColor(series.colour))
            x -= 18
