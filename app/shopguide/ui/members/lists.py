"""The member screens' lists as Qt models, and one delegate that draws their rows.

Every row has the same shape, so the three lists look alike: a bold first
line with an optional amount at its right, a grey second line, and an
optional line of chips ("Usable on this cart", "Expires in 3 days") whose
colour repeats what the words say (the same palette as the sync indicator
and the order badges).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from shopguide.client.cart_pricing import CouponFit
from shopguide.client.members import MemberCoupon, MemberSummary, Purchase
from shopguide.ui.formatting import money
from shopguide.ui.members.texts import clock, points_text, tier_label, tr
from shopguide.ui.resources import scaled

SECONDARY_ROLE = Qt.ItemDataRole.UserRole + 1
TRAILING_ROLE = Qt.ItemDataRole.UserRole + 2
CHIPS_ROLE = Qt.ItemDataRole.UserRole + 3  # list of (text, level)
KEY_ROLE = Qt.ItemDataRole.UserRole + 4  # the member id, or the coupon code

# (background, text) per level, as theme.qss colours the badges.
CHIP_COLOURS = {
    "ok": ("#dff3e4", "#14532d"),
    "busy": ("#e0ecff", "#1e3a8a"),
    "warn": ("#fff1c2", "#713f12"),
    "muted": ("#e9edf2", "#2b3440"),
    "valid": ("#eef7f0", "#14532d"),
    "classic": ("#e9edf2", "#2b3440"),
    "silver": ("#e4e7ec", "#39424e"),
    "gold": ("#fbefc8", "#6b4e00"),
    "platinum": ("#e3e0f5", "#3b2f7a"),
}
# Painted as theme.qss draws a list: text and secondary text on white, the selected row
# light blue; the row in keyboard focus gets the theme's focus ring.
TEXT, SECONDARY_TEXT, SELECTED_BACKGROUND, DIVIDER = "#1f2328", "#4a5462", "#e0ecff", "#eef1f5"
FOCUS_RING = "#1e3a8a"
PAD_X, PAD_Y, LINE_GAP = 14, 10, 4
CHIP_HEIGHT, CHIP_PAD, CHIP_GAP = 26, 10, 6
PRIMARY_PX, SECONDARY_PX, CHIP_PX = 17, 15, 14
CJK_ALLOWANCE = 4

ModelIndex = QModelIndex | QPersistentModelIndex


def _line_height(font: QFont) -> int:
    """A line's height with room for Chinese and Japanese glyphs, which come from a fallback
    font taller than the one the metrics describe."""
    return QFontMetrics(font).height() + CJK_ALLOWANCE


def _font(base: QFont, pixels: int, *, bold: bool = False) -> QFont:
    """The theme's size in pixels, grown with a larger system font (see resources.theme)."""
    font = QFont(base)
    font.setPixelSize(scaled(pixels))
    font.setBold(bold)
    return font


class RowDelegate(QStyledItemDelegate):
    """Draws a row of any of the member lists (see the module docstring)."""

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:  # noqa: N802
        primary = _line_height(_font(option.font, PRIMARY_PX, bold=True))
        secondary = _line_height(_font(option.font, SECONDARY_PX))
        height = 2 * PAD_Y + primary + LINE_GAP + secondary
        if index.data(CHIPS_ROLE):
            height += LINE_GAP + 2 + scaled(CHIP_HEIGHT)
        return QSize(200, max(height, 56))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        rect: QRect = option.rect
        base: QFont = option.font
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        if selected:
            painter.fillRect(rect, QColor(SELECTED_BACKGROUND))
        model = index.model()
        if model is not None and index.row() < model.rowCount() - 1:
            painter.setPen(QColor(DIVIDER))
            painter.drawLine(rect.left(), rect.bottom(), rect.right(), rect.bottom())
        inner = rect.adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y)

        primary_font = _font(base, PRIMARY_PX, bold=True)
        primary_height = _line_height(primary_font)
        trailing = str(index.data(TRAILING_ROLE) or "")
        painter.setFont(primary_font)
        painter.setPen(QColor(TEXT))
        trailing_width = QFontMetrics(primary_font).horizontalAdvance(trailing) if trailing else 0
        first = QRect(inner.left(), inner.top(), inner.width(), primary_height)
        if trailing:
            painter.drawText(
                first, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, trailing
            )
        room = first.adjusted(0, 0, -(trailing_width + 12 if trailing else 0), 0)
        text = QFontMetrics(primary_font).elidedText(
            str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
            Qt.TextElideMode.ElideRight,
            room.width(),
        )
        painter.drawText(room, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)

        secondary_font = _font(base, SECONDARY_PX)
        metrics = QFontMetrics(secondary_font)
        second = QRect(
            inner.left(), first.bottom() + 1 + LINE_GAP, inner.width(), _line_height(secondary_font)
        )
        painter.setFont(secondary_font)
        painter.setPen(QColor(SECONDARY_TEXT))
        painter.drawText(
            second,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(
                str(index.data(SECONDARY_ROLE) or ""), Qt.TextElideMode.ElideRight, second.width()
            ),
        )

        chip_font = _font(base, CHIP_PX, bold=True)
        chip_metrics = QFontMetrics(chip_font)
        painter.setFont(chip_font)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        chip_height = scaled(CHIP_HEIGHT)
        x = inner.left()
        top = second.bottom() + 1 + LINE_GAP + 2
        for words, level in index.data(CHIPS_ROLE) or []:
            width = min(chip_metrics.horizontalAdvance(words) + 2 * CHIP_PAD + 2, inner.right() - x)
            if width <= 2 * CHIP_PAD:
                break
            chip = QRect(x, top, width, chip_height)
            background, colour = CHIP_COLOURS.get(level, CHIP_COLOURS["muted"])
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(background))
            painter.drawRoundedRect(chip, chip_height / 2, chip_height / 2)
            painter.setPen(QColor(colour))
            painter.drawText(
                chip.adjusted(CHIP_PAD, 0, -CHIP_PAD, 0),
                Qt.AlignmentFlag.AlignCenter,
                chip_metrics.elidedText(words, Qt.TextElideMode.ElideRight, width - 2 * CHIP_PAD),
            )
            x += width + CHIP_GAP
        if option.state & QStyle.StateFlag.State_HasFocus:  # the keyboard's row, ringed
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor(FOCUS_RING), 2))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        painter.restore()


class RowsListView(QListView):
    """A list as tall as its first `rows` rows would like, and able to shrink to one.

    The member card stacks several short lists in a tablet-sized screen: each
    asks for what it holds (up to `rows`), a long one scrolls, and none makes
    the window taller than the screen.
    """

    def __init__(self, name: str, rows: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows = rows
        self.setObjectName("memberList")
        self.setAccessibleName(name)
        self.setItemDelegate(RowDelegate(self))
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802 (Qt's name)
        super().setModel(model)
        if model is not None:
            for signal in (model.modelReset, model.dataChanged, model.rowsInserted):
                signal.connect(self.updateGeometry)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(super().sizeHint().width(), self._height(self._rows))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(super().minimumSizeHint().width(), self._height(1))

    def _height(self, rows: int) -> int:
        model = self.model()
        shown = min(model.rowCount() if model is not None else 0, rows)
        return sum(self.sizeHintForRow(row) for row in range(shown)) + 2 * self.frameWidth()


class MatchesModel(QAbstractListModel):
    """The members a lookup found (at most a handful: one phone, one family)."""

    def __init__(self) -> None:
        super().__init__()
        self.members: list[MemberSummary] = []

    def set_members(self, members: list[MemberSummary]) -> None:
        self.beginResetModel()
        self.members = members
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.members)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        member = self.members[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return member.name
        if role == SECONDARY_ROLE:
            return tr("Phone {0} · card …{1}").format(member.phone_masked, member.card_number[-4:])
        if role == TRAILING_ROLE:
            return points_text(member.points)
        if role == CHIPS_ROLE:
            return [(tier_label(member.tier), member.tier)]
        if role == KEY_ROLE:
            return member.id
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{member.name}, {tier_label(member.tier)}, {points_text(member.points)}"
        return None


class CouponsModel(QAbstractListModel):
    """The member's coupons, with what each means for the open cart."""

    def __init__(self) -> None:
        super().__init__()
        self.coupons: list[MemberCoupon] = []
        self.fits: dict[str, CouponFit] = {}
        self.applied: str | None = None
        self.now = datetime.now(UTC)

    def set_coupons(self, coupons: list[MemberCoupon], now: datetime) -> None:
        self.beginResetModel()
        self.coupons, self.now = coupons, now
        self.fits, self.applied = {}, None
        self.endResetModel()

    def set_cart(self, fits: dict[str, CouponFit], applied: str | None) -> None:
        """Which coupons the open cart would take, and the one it has taken."""
        self.fits, self.applied = fits, applied
        if self.coupons:
            self.dataChanged.emit(self.index(0), self.index(len(self.coupons) - 1))

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.coupons)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        coupon = self.coupons[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return coupon.title
        if role == SECONDARY_ROLE:
            until = tr("{0} · until {1}").format(
                coupon.code, coupon.valid_to.astimezone().strftime("%Y-%m-%d")
            )
            fit = self.fits.get(coupon.code)
            return until if fit is None else tr("{0} · saves {1}").format(until, money(fit.saving))
        if role == CHIPS_ROLE:
            return self.chips(coupon)
        if role == KEY_ROLE:
            return coupon.code
        if role == Qt.ItemDataRole.AccessibleTextRole:
            words = ", ".join(text for text, _ in self.chips(coupon))
            return f"{coupon.title}, {coupon.code}" + (f", {words}" if words else "")
        return None

    def chips(self, coupon: MemberCoupon) -> list[tuple[str, str]]:
        """What the guide needs to know at a glance, in words (the colour only repeats them)."""
        chips: list[tuple[str, str]] = []
        fit = self.fits.get(coupon.code)
        if self.applied is not None and coupon.code.upper() == self.applied.upper():
            chips.append((tr("On this cart"), "busy"))
        elif fit is not None:
            chips.append((tr("Usable on this cart"), "ok"))
        elif coupon.usable:
            chips.append((tr("Valid"), "valid"))
        if coupon.expiring_soon:
            days = coupon.days_left(self.now)
            chips.append(
                (
                    tr("Expires today")
                    if days == 0
                    else tr("Expires tomorrow")
                    if days == 1
                    else tr("Expires in {0} days").format(days),
                    "warn",
                )
            )
        if not coupon.usable:
            if coupon.state == "redeemed":
                chips.append((tr("Used"), "muted"))
            elif coupon.valid_from > self.now and coupon.state == "issued":
                chips.append(
                    (
                        tr("Valid from {0}").format(
                            coupon.valid_from.astimezone().strftime("%Y-%m-%d")
                        ),
                        "muted",
                    )
                )
            else:
                chips.append((tr("Expired"), "muted"))
        return chips


class PurchasesModel(QAbstractListModel):
    """The member's last purchased lines, in any store, newest first."""

    def __init__(self) -> None:
        super().__init__()
        self.purchases: list[Purchase] = []

    def set_purchases(self, purchases: list[Purchase]) -> None:
        self.beginResetModel()
        self.purchases = purchases
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.purchases)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.purchases[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return line.style_name
        if role == SECONDARY_ROLE:
            return tr("{0} {1} × {2} · {3} · {4}").format(
                line.colour, line.size, line.quantity, clock(line.at), line.store_name
            )
        if role == TRAILING_ROLE:
            return money(line.net)
        if role == KEY_ROLE:
            return line.order_id
        return None
