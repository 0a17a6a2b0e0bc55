"""A member's card as the guide sees it while serving them.

Name and tier at the top with where the figures come from (the server just
now, or this tablet's last sync); the points balance and how far the next
tier is; the coupons, each saying whether the open cart would take it and
when it runs out; the recent purchases in any store; the sizes per category
and a note, which the guide may edit; and the button that puts the member
on the open cart.

The panel only shows and asks: it emits what the guide wants (attach,
detach, save sizes, save the note, use a coupon) and the Members screen
does it in the background. What the tablet does not know offline (tier
progress, purchases) is said plainly instead of being left blank.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shopguide.client.cart_pricing import CouponFit
from shopguide.client.members import (
    MAX_SIZE_LABEL,
    MAX_SIZE_VALUE,
    MAX_SIZES,
    MemberProfile,
    Source,
)
from shopguide.core.loyalty import tier_named
from shopguide.ui.keyboard import activate_with_keys
from shopguide.ui.members.lists import KEY_ROLE, CouponsModel, PurchasesModel, RowsListView
from shopguide.ui.members.texts import TIER_LEVELS, points_text, source_text, tier_label

ROW_HEIGHT = 44
SIZE_COLUMN_WIDTH = 96
NOTE_HEIGHT = 84
COUPON_ROWS_SHOWN = 3  # more scroll; fewer leave the purchases more room
PURCHASE_ROWS_SHOWN = 10  # all the server sends


def tr(text: str) -> str:
    return QCoreApplication.translate("MemberPanel", text)


def _section(title: str) -> QLabel:
    label = QLabel(title)
    label.setObjectName("sectionTitle")
    return label


def _hint(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionHint")
    label.setWordWrap(True)
    return label


class MemberPanel(QFrame):
    attach_requested = Signal(int)  # member id
    detach_requested = Signal()
    sizes_save_requested = Signal(int, object)  # member id, {category: size}
    note_save_requested = Signal(int, str)  # member id, note
    coupon_chosen = Signal(str)  # a code the open cart would take

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberPanel")
        self.profile: MemberProfile | None = None
        self.attached = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages)
        self.empty = QWidget()
        self.empty.setObjectName("emptyPanel")
        self.empty.setMinimumSize(1, 1)  # its wrapped words must not set the panel's minimum
        empty = QVBoxLayout(self.empty)
        empty.setContentsMargins(48, 48, 48, 48)
        empty.addStretch(1)
        for text, name in (
            (tr("No member open"), "emptyTitle"),
            (
                tr(
                    "Scan the member code on the customer's phone, or type their phone or "
                    "card number, to see their card here."
                ),
                "emptyText",
            ),
        ):
            label = QLabel(text)
            label.setObjectName(name)
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            empty.addWidget(label)
        empty.addStretch(1)
        self.pages.addWidget(self.empty)
        self.content = QWidget()
        self.content.setObjectName("memberContent")
        self.pages.addWidget(self.content)
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(12)
        layout.addLayout(self._header())
        self.unverified = QLabel(
            tr(
                "Offline, not verified: this tablet could not check the code with the server. "
                "Member prices apply; spending points or coupons waits for the network."
            )
        )
        self.unverified.setObjectName("unverified")
        self.unverified.setWordWrap(True)
        layout.addWidget(self.unverified)
        layout.addWidget(self._loyalty())
        body = QHBoxLayout()
        body.setSpacing(24)
        body.addLayout(self._history_column(), 3)
        body.addLayout(self._profile_column(), 2)
        layout.addLayout(body, 1)
        self.show_nothing()

    # -- building --------------------------------------------------------------------

    def _header(self) -> QHBoxLayout:
        header = QHBoxLayout()
        header.setSpacing(16)
        who = QVBoxLayout()
        who.setSpacing(4)
        name_row = QHBoxLayout()
        name_row.setSpacing(12)
        self.name = QLabel()
        self.name.setObjectName("memberName")
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        name_row.addWidget(self.name)
        self.tier = QLabel()
        self.tier.setObjectName("tierBadge")
        name_row.addWidget(self.tier, 0, Qt.AlignmentFlag.AlignVCenter)
        self.birthday = QLabel()
        self.birthday.setObjectName("memberMeta")
        name_row.addWidget(self.birthday, 0, Qt.AlignmentFlag.AlignVCenter)
        name_row.addStretch(1)
        who.addLayout(name_row)
        self.meta = QLabel()
        self.meta.setObjectName("memberMeta")
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.meta.setWordWrap(True)
        who.addWidget(self.meta)
        self.source = QLabel()
        self.source.setObjectName("asOf")
        who.addWidget(self.source)
        header.addLayout(who, 1)

        actions = QVBoxLayout()
        actions.setSpacing(6)
        self.attach_button = QPushButton(tr("Attach to cart"))
        self.attach_button.setObjectName("primary")
        self.attach_button.setMinimumHeight(56)
        self.attach_button.setAccessibleName(tr("Put this member on the open cart"))
        self.attach_button.clicked.connect(self._attach)
        actions.addWidget(self.attach_button)
        self.on_cart = QLabel(tr("✓ On the open cart"))
        self.on_cart.setObjectName("onCart")
        self.on_cart.setAlignment(Qt.AlignmentFlag.AlignCenter)
        actions.addWidget(self.on_cart)
        self.detach_button = QPushButton(tr("Detach"))
        self.detach_button.setAccessibleName(tr("Take this member off the open cart"))
        self.detach_button.clicked.connect(lambda: self.detach_requested.emit())
        actions.addWidget(self.detach_button)
        actions.addStretch(1)
        header.addLayout(actions)
        return header

    def _loyalty(self) -> QWidget:
        box = QFrame()
        box.setObjectName("loyaltyBox")
        row = QHBoxLayout(box)
        row.setContentsMargins(18, 12, 18, 12)
        row.setSpacing(24)
        balance = QVBoxLayout()
        balance.setSpacing(0)
        self.points = QLabel()
        self.points.setObjectName("pointsBalance")
        balance.addWidget(self.points)
        caption = QLabel(tr("points to spend"))
        caption.setObjectName("sectionHint")
        balance.addWidget(caption)
        row.addLayout(balance)
        progress = QVBoxLayout()
        progress.setSpacing(6)
        self.progress_text = QLabel()
        self.progress_text.setObjectName("progressText")
        progress.addWidget(self.progress_text)
        self.progress = QProgressBar()
        self.progress.setObjectName("tierProgress")
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(tr("Progress to the next tier"))
        progress.addWidget(self.progress)
        self.lifetime = QLabel()
        self.lifetime.setObjectName("sectionHint")
        progress.addWidget(self.lifetime)
        row.addLayout(progress, 1)
        return box

    def _history_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(6)
        column.addWidget(_section(tr("Coupons")))
        self.coupons_model = CouponsModel()
        self.coupons = RowsListView(tr("Coupons"), COUPON_ROWS_SHOWN)
        self.coupons.setModel(self.coupons_model)
        self.coupons.clicked.connect(self._coupon_tapped)
        activate_with_keys(self.coupons, self._coupon_tapped)
        column.addWidget(self.coupons)
        self.coupons_note = _hint(tr("No coupons."))
        column.addWidget(self.coupons_note)
        column.addSpacing(8)
        column.addWidget(_section(tr("Recent purchases, all stores")))
        self.purchases_model = PurchasesModel()
        self.purchases = RowsListView(tr("Recent purchases"), PURCHASE_ROWS_SHOWN)
        self.purchases.setModel(self.purchases_model)
        self.purchases.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        column.addWidget(self.purchases)
        self.purchases_note = _hint()
        column.addWidget(self.purchases_note)
        column.addStretch(1)
        return column

    def _profile_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(6)
        column.addWidget(_section(tr("Sizes")))
        self.sizes = QTableWidget(0, 2)
        self.sizes.setObjectName("sizesTable")
        self.sizes.setAccessibleName(tr("Sizes by category"))
        self.sizes.setHorizontalHeaderLabels([tr("Category"), tr("Size")])
        self.sizes.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.sizes.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.sizes.horizontalHeader().resizeSection(1, SIZE_COLUMN_WIDTH)
        self.sizes.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        self.sizes.setShowGrid(False)
        self.sizes.setTabKeyNavigation(False)  # arrow keys move along the rows; Tab moves on
        self.sizes.verticalHeader().hide()
        self.sizes.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.sizes.setEditTriggers(
            QAbstractItemView.EditTrigger.CurrentChanged
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.sizes.itemChanged.connect(self._sizes_edited)
        column.addWidget(self.sizes, 1)
        self.sizes_note = _hint(
            tr("No sizes yet: tap “Add a size”, then type the category and the size.")
        )
        column.addWidget(self.sizes_note)
        sizes_row = QHBoxLayout()
        self.add_size_button = QPushButton(tr("Add a size"))
        self.add_size_button.clicked.connect(self.add_size_row)
        sizes_row.addWidget(self.add_size_button)
        sizes_row.addStretch(1)
        self.save_sizes_button = QPushButton(tr("Save sizes"))
        self.save_sizes_button.clicked.connect(self._save_sizes)
        # A tapped cell opens for typing, and what is typed is kept only when the editor
        # closes: Save must be tappable meanwhile (tapping it closes the editor first).
        self.sizes.currentCellChanged.connect(lambda: self.save_sizes_button.setEnabled(True))
        sizes_row.addWidget(self.save_sizes_button)
        column.addLayout(sizes_row)
        column.addSpacing(8)
        column.addWidget(_section(tr("Note")))
        self.note = QPlainTextEdit()
        self.note.setObjectName("memberNote")
        self.note.setAccessibleName(tr("Note about this member"))
        self.note.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.note.setPlaceholderText(tr("Preferences, fittings, what to call them…"))
        self.note.setFixedHeight(NOTE_HEIGHT)
        self.note.textChanged.connect(self._note_edited)
        column.addWidget(self.note)
        note_row = QHBoxLayout()
        note_row.addStretch(1)
        self.save_note_button = QPushButton(tr("Save note"))
        self.save_note_button.clicked.connect(self._save_note)
        note_row.addWidget(self.save_note_button)
        column.addLayout(note_row)
        self.saved = _hint()
        column.addWidget(self.saved)
        column.addStretch(0)  # takes the room only when the sizes table is hidden
        return column

    # -- showing -----------------------------------------------------------------------

    def show_nothing(self) -> None:
        self.profile = None
        self.pages.setCurrentWidget(self.empty)

    def show_profile(self, profile: MemberProfile) -> None:
        """Show a member. Sizes or a note the guide is still editing for the same member are
        kept (they are not saved yet); anything typed for another member is dropped."""
        same = self.profile is not None and self.profile.id == profile.id
        self.profile = profile
        self.pages.setCurrentWidget(self.content)
        self.name.setText(profile.name)
        self.tier.setText(tier_label(profile.tier))
        self.tier.setProperty("tier", profile.tier if profile.tier in TIER_LEVELS else "classic")
        self.tier.style().polish(self.tier)
        self.birthday.setText(
            tr("Birthday {0}").format(profile.birthday.strftime("%m-%d"))
            if profile.birthday is not None
            else ""
        )
        self.meta.setText(  # a narrow card wraps between the two, never inside one
            tr("Card\u00a0{0}  ·  Phone\u00a0{1}").format(
                _grouped(profile.card_number), profile.phone_masked
            )
        )
        self.source.setText(source_text(profile))
        self.unverified.setVisible(not profile.verified)
        self.points.setText(f"{profile.points:,}")
        self._show_progress(profile)
        now = datetime.now(UTC)
        self.coupons_model.set_coupons(list(profile.coupons), now)
        self.coupons.setVisible(bool(profile.coupons))
        self.coupons_note.setVisible(not profile.coupons)
        self.purchases_model.set_purchases(list(profile.purchases))
        self.purchases.setVisible(bool(profile.purchases))
        if profile.purchases:
            self.purchases_note.hide()
        else:
            self.purchases_note.show()
            self.purchases_note.setText(
                tr("No purchases yet.")
                if profile.source is Source.ONLINE
                else tr("Recent purchases show when the tablet is online.")
            )
        if not same or not self.save_sizes_button.isEnabled():
            self._show_sizes(profile.sizes)
            self.save_sizes_button.setEnabled(False)
        if not same or not self.save_note_button.isEnabled():
            self.note.blockSignals(True)
            self.note.setPlainText(profile.note)
            self.note.blockSignals(False)
            self.save_note_button.setEnabled(False)
        if not same:
            self.saved.setText("")
            self.attached = False  # until the open cart says otherwise (follow_cart)
        self._show_cart_buttons()

    def _show_progress(self, profile: MemberProfile) -> None:
        progress = profile.progress
        if progress is None:
            self.progress.hide()
            self.progress_text.setText(tr("{0} member").format(tier_label(profile.tier)))
            self.lifetime.setText(tr("Progress to the next tier shows when the tablet is online."))
            return
        self.progress.show()
        self.lifetime.setText(tr("{0} earned in all").format(points_text(progress.lifetime_points)))
        if progress.next_tier is None or progress.next_tier_from is None:
            self.progress.setRange(0, 1)
            self.progress.setValue(1)
            self.progress_text.setText(tr("{0}: the top tier").format(tier_label(progress.tier)))
            return
        floor = tier_named(progress.tier).from_points
        self.progress.setRange(floor, progress.next_tier_from)
        self.progress.setValue(min(max(progress.lifetime_points, floor), progress.next_tier_from))
        self.progress_text.setText(
            tr("{0} to {1}").format(
                points_text(progress.points_to_next or 0), tier_label(progress.next_tier)
            )
        )

    def _show_sizes(self, sizes: dict[str, str]) -> None:
        self.sizes.blockSignals(True)
        self.sizes.setRowCount(0)
        for category, size in sizes.items():
            self._append_size(category, size)
        self.sizes.blockSignals(False)
        self.sizes.setVisible(bool(sizes))
        self.sizes_note.setVisible(not sizes)

    def _append_size(self, category: str, size: str) -> QTableWidgetItem:
        """A row at the end; returns its category cell."""
        row = self.sizes.rowCount()
        self.sizes.insertRow(row)
        first = QTableWidgetItem(category)
        self.sizes.setItem(row, 0, first)
        self.sizes.setItem(row, 1, QTableWidgetItem(size))
        return first

    # -- the open cart ---------------------------------------------------------------------

    def follow_cart(self, attached: bool, fits: dict[str, CouponFit], applied: str | None) -> None:
        """Whether the member is on the open cart, and which of their coupons it would take."""
        self.attached = attached
        self.coupons_model.set_cart(fits, applied)
        self._show_cart_buttons()

    def _show_cart_buttons(self) -> None:
        self.attach_button.setVisible(not self.attached)
        self.on_cart.setVisible(self.attached)
        self.detach_button.setVisible(self.attached)

    def _attach(self) -> None:
        if self.profile is not None:
            self.attach_requested.emit(self.profile.id)

    def _coupon_tapped(self, index: QModelIndex) -> None:
        code = str(index.data(KEY_ROLE))
        if code in self.coupons_model.fits:
            self.coupon_chosen.emit(code)

    # -- editing ------------------------------------------------------------------------------

    def add_size_row(self) -> None:
        if self.sizes.rowCount() >= MAX_SIZES:
            return
        self.sizes_note.hide()
        self.sizes.show()
        # The new row becomes current, which opens its category for typing (CurrentChanged).
        self.sizes.setCurrentItem(self._append_size("", ""))

    def sizes_in_table(self) -> dict[str, str]:
        """What the table says now; rows with an empty category or size are left out."""
        sizes: dict[str, str] = {}
        for row in range(self.sizes.rowCount()):
            category, size = (self.sizes.item(row, c) for c in (0, 1))
            label = category.text().strip()[:MAX_SIZE_LABEL] if category else ""
            value = size.text().strip()[:MAX_SIZE_VALUE] if size else ""
            if label and value:
                sizes[label] = value
        return sizes

    def _sizes_edited(self) -> None:
        self.save_sizes_button.setEnabled(
            self.profile is not None and self.sizes_in_table() != self.profile.sizes
        )

    def _note_edited(self) -> None:
        self.save_note_button.setEnabled(
            self.profile is not None and self.note.toPlainText().strip() != self.profile.note
        )

    def _save_sizes(self) -> None:
        if self.profile is None:
            return
        sizes = self.sizes_in_table()
        if sizes == self.profile.sizes:
            self.save_sizes_button.setEnabled(False)  # looked at, not changed
        else:
            self.sizes_save_requested.emit(self.profile.id, sizes)

    def _save_note(self) -> None:
        if self.profile is not None:
            self.note_save_requested.emit(self.profile.id, self.note.toPlainText())

    def sizes_saved(self, sizes: dict[str, str]) -> None:
        """The edit is queued: show the member as saved, and say when the server gets it."""
        if self.profile is None:
            return
        self.profile = replace(self.profile, sizes=sizes)
        self._show_sizes(sizes)
        self.save_sizes_button.setEnabled(False)
        self.saved.setText(tr("Sizes saved. They reach the server with the next sync."))

    def note_saved(self, note: str) -> None:
        if self.profile is None:
            return
        self.profile = replace(self.profile, note=note)
        self.save_note_button.setEnabled(False)
        self.saved.setText(tr("Note saved. It reaches the server with the next sync."))

    def edit_failed(self, message: str) -> None:
        self.saved.setText(message)


def _grouped(card_number: str) -> str:
    """A card number in fours, as printed: 8800 1234 5678 9012 (spaces that never wrap)."""
    return "\u00a0".join(card_number[i : i + 4] for i in range(0, len(card_number), 4))
