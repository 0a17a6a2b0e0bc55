"""The Members screen: find the customer's member card and put it on the open cart.

One field takes what the customer offers: a phone number (however they say
it), a card number, or the member code on their phone, which a wedge
scanner types in, a picture holds, or the camera reads. A member code
opens the member at once; a phone shared by a family lists its members to
choose from. The card shows beside the field (`MemberPanel`), and follows
the open cart: which coupons it would take, whether this member is on it.

Scanning a member code on the Sell screen puts that member on the cart
directly (`follow_sell`), with a short confirmation there.

`members_screen` builds the screen over one tablet, for the navigation rail.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from shopguide.client.cart_pricing import CartQuote, CouponFit
from shopguide.client.members import (
    MemberMatches,
    MemberProfile,
    Members,
    MemberSummary,
    Source,
)
from shopguide.core.member_code import is_member_scan
from shopguide.core.phone import normalise_phone
from shopguide.ui.keyboard import activate_with_keys, enter_clicks_buttons
from shopguide.ui.main_window import Screen
from shopguide.ui.members.lists import KEY_ROLE, MatchesModel, RowsListView
from shopguide.ui.members.member_panel import MemberPanel
from shopguide.ui.members.texts import points_text, problem_text, tier_label
from shopguide.ui.resources import font_scale, scaled
from shopguide.ui.sell.cart_panel import CartPanel, CartView
from shopguide.ui.sell.image_scan import member_scan, read_codes_from_file
from shopguide.ui.sell.scanner import WedgeScanner
from shopguide.ui.sell.sell_screen import CAMERA_CHECK_DELAY_MS, SellScreen, camera_available
from shopguide.ui.tasks import run_task

NARROW_WIDTH = 900
SEARCH_COLUMN_WIDTH = 330
MATCH_ROWS_SHOWN = 5  # the server answers at most five members for one phone
MIN_TYPED_DIGITS = 4  # shorter is no phone or card number: nothing to ask the server


def tr(text: str) -> str:
    return QCoreApplication.translate("MembersScreen", text)


def members_screen(members: Members, cart_panel: CartPanel, sell: SellScreen) -> Screen:
    """The Members screen for the rail, also taking over member codes scanned on Sell."""
    screen = MembersScreen(members, cart_panel)
    screen.follow_sell(sell)
    return Screen("members", tr("Members"), screen, icon="members")


class _SplitLayout(QBoxLayout):
    """The screen's two parts, telling the scroll area around them their minimum height only.

    QScrollArea makes a height-for-width widget as tall as it would like,
    which would scroll the whole screen where the card's lists (coupons,
    purchases) should rather shrink; with this, the screen scrolls only below
    its real minimum.
    """

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return False


def attached_text(profile: MemberProfile) -> str:
    """The confirmation after a scan put the member on the cart."""
    text = tr("{0} ({1}, {2}) is on this cart: member prices apply.").format(
        profile.name, tier_label(profile.tier), points_text(profile.points)
    )
    if not profile.verified:
        text += " " + tr("Offline, not verified.")
    return text


class MembersScreen(QWidget):
    """The search at the left (or on top, upright) and the member's card beside it.

    Everything sits in a scroll area that scrolls only when the screen is too
    short: a stack of screens is as big as its biggest, so a tall minimum
    here would make the whole window taller than the tablet, for instance
    just after it is turned from upright to wide.
    """

    def __init__(self, members: Members, cart: CartPanel) -> None:
        super().__init__()
        enter_clicks_buttons(self)
        self.members = members
        self.cart = cart
        scroll = QScrollArea()
        scroll.setObjectName("membersScroll")
        # Not a stop of its own: Tab goes to what is in it, and the area scrolls to show it.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        content = QWidget()
        scroll.setWidget(content)
        layout = _SplitLayout(QBoxLayout.Direction.LeftToRight, content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        self._split = layout

        self.search_column = QWidget()
        left = QVBoxLayout(self.search_column)
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(10)
        asking = QLabel(tr("Phone, card number or scan the member's code"))
        asking.setObjectName("sectionTitle")
        asking.setWordWrap(True)
        left.addWidget(asking)
        self.field = QLineEdit()
        self.setFocusProxy(self.field)  # focus on the screen (a rail shortcut) lands here
        self.field.setObjectName("searchField")
        self.field.setPlaceholderText(tr("Phone or card number"))
        self.field.setAccessibleName(tr("Find a member by phone, card number or member code"))
        self.field.setClearButtonEnabled(True)
        self.field.returnPressed.connect(self.submit)
        left.addWidget(self.field)
        buttons = QHBoxLayout()
        self.find_button = QPushButton(tr("Find"))
        self.find_button.setObjectName("primary")
        self.find_button.setMinimumHeight(56)
        self.find_button.clicked.connect(self.submit)
        buttons.addWidget(self.find_button, 1)
        self.picture_button = QPushButton(tr("Scan a picture"))
        self.picture_button.setAccessibleName(tr("Read a member code from a picture"))
        self.picture_button.setMinimumHeight(56)
        self.picture_button.clicked.connect(self._choose_picture)
        buttons.addWidget(self.picture_button, 1)
        self.camera_button = QPushButton(tr("Camera"))
        self.camera_button.setAccessibleName(tr("Scan the member code with the camera"))
        self.camera_button.setMinimumHeight(56)
        self.camera_button.clicked.connect(self.scan_with_camera)
        self.camera_button.hide()
        QTimer.singleShot(CAMERA_CHECK_DELAY_MS, self._offer_camera)
        buttons.addWidget(self.camera_button, 1)
        left.addLayout(buttons)
        self.message = QLabel()
        self.message.setObjectName("scanMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # names are data, never markup
        self.message.setWordWrap(True)
        self.message.hide()
        left.addWidget(self.message)
        self.matches = MatchesModel()
        self.results = RowsListView(tr("Members found"), MATCH_ROWS_SHOWN)
        self.results.setModel(self.matches)
        self.results.clicked.connect(self._chosen)
        activate_with_keys(self.results, self._chosen)
        self.results.hide()
        left.addWidget(self.results)
        self.hint = QLabel(
            tr(
                "Ask the customer to open their member page: its code changes every minute, "
                "so a screenshot will not do. No phone? Their phone number or card number "
                "works too."
            )
        )
        self.hint.setObjectName("sectionHint")
        self.hint.setWordWrap(True)
        left.addWidget(self.hint)
        left.addStretch(1)
        layout.addWidget(self.search_column, 2)

        self.panel = MemberPanel()
        layout.addWidget(self.panel, 5)
        self.panel.attach_requested.connect(self.attach)
        self.panel.detach_requested.connect(lambda: self.cart.attach_member(None))
        self.panel.sizes_save_requested.connect(self._save_sizes)
        self.panel.note_save_requested.connect(self._save_note)
        self.panel.coupon_chosen.connect(self._use_coupon)
        cart.shown.connect(self._cart_shown)

        self.scanner = WedgeScanner(self)
        self.scanner.scanned.connect(self.scanned)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.scanner)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        """The search beside the card on a wide screen; above it on a narrow (upright) one."""
        # Larger system text needs more room side by side: upright sooner, by as much.
        portrait = event.size().width() < NARROW_WIDTH * font_scale()
        self._split.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self.search_column.setMaximumWidth(16_777_215 if portrait else scaled(SEARCH_COLUMN_WIDTH))
        self._split.setStretch(0, 0 if portrait else 2)  # upright: the card takes the height
        super().resizeEvent(event)

    # -- what the guide does -----------------------------------------------------

    def submit(self) -> None:
        """The field's text: a member code opens the member, anything else is looked up."""
        typed = self.field.text().strip()
        if not typed:
            return
        if is_member_scan(typed):
            self.field.clear()
            self.scanned(typed)
        elif len(normalise_phone(typed)) < MIN_TYPED_DIGITS:
            self._say(tr("Type the whole phone number or card number."), "error")
        else:
            self._say(tr("Looking up…"), "busy")
            run_task(lambda: self.members.find(typed), self._found, self._failed)

    def scanned(self, code: str) -> None:
        """A code from the scanner, the camera or a picture: a member code opens the member."""
        if not is_member_scan(code):
            self._say(tr("That is a product barcode: scan it on the Sell screen."), "error")
            return
        self._say(tr("Checking the member code…"), "busy")
        run_task(lambda: self.members.open_scan(code), self.show_member, self._failed)

    def open_member(self, member_id: int) -> None:
        self._say(tr("Opening the member…"), "busy")
        run_task(lambda: self.members.detail(member_id), self.show_member, self._failed)

    def attach(self, member_id: int) -> None:
        self.cart.attach_member(member_id)
        profile = self.panel.profile
        if profile is not None and profile.id == member_id:
            self._say(
                tr("{0} is on the open cart: member prices apply.").format(profile.name), "ok"
            )

    def scan_picture(self, path: str) -> None:
        def found(codes: list[str]) -> None:
            code = member_scan(codes)
            if code is None:
                self._say(tr("No member code found in that picture."), "error")
            else:
                self.scanned(code)

        run_task(lambda: read_codes_from_file(path), found, self._failed)

    def scan_with_camera(self) -> QWidget:
        from shopguide.ui.sell.camera_scan import CameraScanner

        dialog = CameraScanner(
            self,
            pick=member_scan,
            hint=tr("Hold the member code on the customer's phone in front of the camera"),
        )
        dialog.found.connect(self.scanned)
        dialog.open()
        return dialog

    def follow_sell(self, sell: SellScreen) -> None:
        """Member codes scanned on the Sell screen put the member on the cart from there."""

        def attach_scanned(code: str) -> None:
            sell.say(tr("Checking the member code…"), "busy")

            def opened(profile: MemberProfile) -> None:
                self.cart.attach_member(profile.id)
                self.show_member(profile)
                sell.say(attached_text(profile), "warn" if not profile.verified else "ok")

            run_task(
                lambda: self.members.open_scan(code),
                opened,
                lambda error: sell.say(problem_text(error), "error"),
            )

        sell.member_code_scanned.connect(attach_scanned)

    # -- answers ---------------------------------------------------------------------

    def show_member(self, profile: MemberProfile) -> None:
        self.panel.show_profile(profile)
        self.hint.hide()
        self._list_member(profile)
        if profile.source is Source.OFFLINE:
            self._say(tr("No network: shown from this tablet's copy of the members."), "warn")
        else:
            self._say("", "")
        view = self.cart.view
        if view is not None:
            self._cart_shown(view)

    def _list_member(self, profile: MemberProfile) -> None:
        """The open member stays listed (and chosen) at the left, however they were found."""
        found = self.matches.members
        if all(m.id != profile.id for m in found):
            found = [
                MemberSummary(
                    id=profile.id,
                    name=profile.name,
                    card_number=profile.card_number,
                    phone_masked=profile.phone_masked,
                    tier=profile.tier,
                    points=profile.points,
                )
            ]
            self.matches.set_members(found)
        self.results.setVisible(True)
        row = next(i for i, m in enumerate(found) if m.id == profile.id)
        self.results.setCurrentIndex(self.matches.index(row))

    def _found(self, matches: MemberMatches) -> None:
        found = list(matches.members)
        self.matches.set_members(found)
        self.results.setVisible(bool(found))
        offline = matches.source is Source.OFFLINE
        if not found:
            self._say(
                tr("No member of this store has this phone or card number (offline).")
                if offline
                else tr("No member has this phone or card number."),
                "error",
            )
        elif len(found) == 1:
            self.open_member(found[0].id)
        else:
            self._say(tr("{0} members share this number: choose one.").format(len(found)), "busy")

    def _chosen(self, index: QModelIndex) -> None:
        self.open_member(int(index.data(KEY_ROLE)))

    def _failed(self, error: Exception) -> None:
        self._say(problem_text(error), "error")

    def _say(self, text: str, level: str) -> None:
        self.message.setText(text)
        self.message.setProperty("level", level)
        self.message.style().polish(self.message)
        self.message.setVisible(bool(text))

    # -- the open cart -------------------------------------------------------------------

    def _cart_shown(self, view: CartView) -> None:
        """The cart changed: is the member on it, and which of their coupons would it take?"""
        profile = self.panel.profile
        if profile is None:
            return
        attached = view.cart.member_id == profile.id

        def show(quote: CartQuote) -> None:
            if self.panel.profile is not None and self.panel.profile.id == profile.id:
                fits: dict[str, CouponFit] = {f.code: f for f in quote.fitting_coupons}
                self.panel.follow_cart(attached, fits, quote.priced.applied_coupon)

        if attached:
            show(view.quote)
        else:  # what the cart would be with this member on it
            as_if = replace(view.cart, member_id=profile.id)
            run_task(lambda: self.cart.pricer(as_if), show, lambda _error: None)

    def _use_coupon(self, code: str) -> None:
        """A coupon is the member's own: using one puts the member on the cart too."""
        profile = self.panel.profile
        if profile is not None and not self.panel.attached:
            self.cart.attach_member(profile.id)
        self.cart.add_coupon_code(code)
        self._say(tr("Coupon {0} is on the open cart.").format(code), "ok")

    def _save_sizes(self, member_id: int, sizes: dict[str, str]) -> None:
        run_task(
            lambda: self.members.save_sizes(member_id, sizes),
            self.panel.sizes_saved,
            lambda error: self.panel.edit_failed(problem_text(error)),
        )

    def _save_note(self, member_id: int, note: str) -> None:
        run_task(
            lambda: self.members.save_note(member_id, note),
            self.panel.note_saved,
            lambda error: self.panel.edit_failed(problem_text(error)),
        )

    def _choose_picture(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Picture of a member code"), "", tr("Pictures (*.png *.jpg *.jpeg *.bmp)")
        )
        if path:
            self.scan_picture(path)

    def _offer_camera(self) -> None:
        self.camera_button.setVisible(camera_available())
