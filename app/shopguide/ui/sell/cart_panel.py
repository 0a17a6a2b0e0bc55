"""The cart beside the search: the member it is for, lines with quantity steppers,
undoable removal, coupons (the member's own that fit, one tap each), the pricing
explanation a guide reads to the customer, and parking. A line whose size is
not on this shelf can come from a nearby store instead: sent here for the
customer to collect, or shipped to the customer's address (at the same price).

Every change is written to the cart file first (on a worker thread) and the
panel redraws from what was saved, so what the guide sees is what survives
a crash.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from shopguide.client.cart_pricing import CartQuote, CouponFit
from shopguide.client.carts import SHIP, TRANSFER, Cart, CartItem, CartStore, Fulfilment
from shopguide.client.catalog import CatalogReader, NearbyStock, VariantRow
from shopguide.client.holds import ShipTo
from shopguide.ui.formatting import money
from shopguide.ui.members.texts import points_text, tier_label
from shopguide.ui.pricing_text import explain_all
from shopguide.ui.tasks import run_task

Pricer = Callable[[Cart], CartQuote]
UNDO_SECONDS = 10
CART_QUEUE = "cart"  # cart changes apply in the order the guide made them
FITS_SHOWN = 3  # the member's coupons offered at once, best saving first
STORES_OFFERED = 5  # nearby stores a line can come from, nearest first


def tr(text: str) -> str:
    return QCoreApplication.translate("CartPanel", text)


class ElidedButton(QPushButton):
    """A button whose long lines end in "…" where they would be cut off."""

    def __init__(self, sides: int) -> None:
        """`sides`: the padding and border theme.qss gives the button, both sides together."""
        super().__init__()
        self.full_text = ""
        self._sides = sides

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = self.width() - self._sides
        metrics = self.fontMetrics()
        self.setText(
            "\n".join(
                metrics.elidedText(line, Qt.TextElideMode.ElideRight, room)
                for line in self.full_text.split("\n")
            )
        )


def source_text(source: Fulfilment | None) -> str:
    """What a cart line says about where its goods come from (a second line when shipped)."""
    if source is None:
        return tr("From this store · or another store…")
    if source.kind == SHIP:
        ship = source.ship_to
        to = tr("to {0} · {1}").format(ship.name, ship.address) if ship else ""
        return tr("Ship from {0}").format(source.from_store_name) + "\n" + to
    return tr("Send from {0}").format(source.from_store_name)


class ShipToDialog(QDialog):
    """The customer's name, phone and address for a line shipped to them."""

    def __init__(self, store_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Ship to the customer from {0}").format(store_name))
        form = QFormLayout(self)
        self.name, self.phone, self.address = QLineEdit(), QLineEdit(), QLineEdit()
        for field, label in (
            (self.name, tr("Name")),
            (self.phone, tr("Phone")),
            (self.address, tr("Address")),
        ):
            field.setMinimumHeight(44)
            field.setAccessibleName(label)
            field.textChanged.connect(self._check)
            form.addRow(label, field)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self._check()

    def ship_to(self) -> ShipTo:
        return ShipTo(self.name.text().strip(), self.phone.text().strip(), self.address.text())

    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ship = self.ship_to()
        ok.setEnabled(all(x.strip() for x in (ship.name, ship.phone, ship.address)))


@dataclass(frozen=True, slots=True)
class CartView:
    cart: Cart
    quote: CartQuote
    rows: dict[int, VariantRow]
    parked: int


class CartPanel(QWidget):
    edit_requested = Signal(int)  # a line's variant: change its colour or size
    checkout_requested = Signal()
    shown = Signal(object)  # CartView: the cart as saved, each time it is redrawn

    def __init__(
        self,
        store: CartStore,
        reader: CatalogReader,
        pricer: Pricer,
        *,
        store_id: int | None = None,
    ) -> None:
        """`store_id`: this tablet's store; with it a line can come from a nearby store."""
        super().__init__()
        self.setObjectName("cartPanel")
        self.store, self.reader, self.pricer = store, reader, pricer
        self.store_id = store_id
        self.view: CartView | None = None
        self.source_buttons: list[QPushButton] = []
        self.source_menu: QMenu | None = None  # the stores a line may come from, while open
        self.ship_dialog: ShipToDialog | None = None
        self._undo: Callable[[], Cart] | None = None

        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        title = QLabel(tr("Cart"))
        title.setObjectName("panelTitle")
        header.addWidget(title)
        header.addStretch(1)
        self.parked_button = QPushButton()
        self.parked_button.clicked.connect(self._choose_parked)
        header.addWidget(self.parked_button)
        self.park_button = QPushButton(tr("Park"))
        self.park_button.setAccessibleName(tr("Park this cart while the customer tries on"))
        self.park_button.clicked.connect(self._park)
        header.addWidget(self.park_button)
        layout.addLayout(header)

        self.member_bar = QWidget()
        self.member_bar.setObjectName("cartMember")
        member_row = QHBoxLayout(self.member_bar)
        member_row.setContentsMargins(12, 2, 2, 2)
        self.member_label = QLabel()
        self.member_label.setTextFormat(Qt.TextFormat.PlainText)
        self.member_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        member_row.addWidget(self.member_label, 1)
        self.detach_button = QPushButton("✕")
        self.detach_button.setObjectName("stepper")
        self.detach_button.setFixedSize(44, 44)
        self.detach_button.setAccessibleName(tr("Take the member off this cart"))
        self.detach_button.clicked.connect(lambda: self.attach_member(None))
        member_row.addWidget(self.detach_button)
        self.member_bar.hide()
        layout.addWidget(self.member_bar)

        self.lines = QScrollArea()
        self.lines.setObjectName("cartLines")
        self.lines.setAccessibleName(tr("Cart lines"))
        self.lines.setWidgetResizable(True)
        self.lines.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder = QWidget()
        self.lines_layout = QVBoxLayout(holder)
        self.lines_layout.setContentsMargins(0, 0, 0, 0)
        self.lines_layout.setSpacing(0)
        self.lines_layout.addStretch(1)
        self.lines.setWidget(holder)
        self.line_buttons: list[ElidedButton] = []
        layout.addWidget(self.lines, 1)

        self.undo_bar = QWidget()
        undo_layout = QHBoxLayout(self.undo_bar)
        undo_layout.setContentsMargins(0, 0, 0, 0)
        self.undo_text = QLabel()
        undo_layout.addWidget(self.undo_text, 1)
        self.undo_button = QPushButton(tr("Undo"))
        self.undo_button.clicked.connect(self.undo_remove)
        undo_layout.addWidget(self.undo_button)
        self.undo_bar.hide()
        layout.addWidget(self.undo_bar)
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.timeout.connect(self._forget_undo)

        self.fits_box = QWidget()
        self.fits_box.setObjectName("couponFits")
        fits_layout = QVBoxLayout(self.fits_box)
        fits_layout.setContentsMargins(0, 0, 0, 0)
        fits_layout.setSpacing(4)
        fits_title = QLabel(tr("The member's coupons that fit · tap to use"))
        fits_title.setObjectName("fitsTitle")
        fits_layout.addWidget(fits_title)
        self.fit_buttons: list[ElidedButton] = []
        for _ in range(FITS_SHOWN):
            button = ElidedButton(sides=28)
            button.setObjectName("couponFit")
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.clicked.connect(
                lambda _=False, b=button: self.add_coupon_code(str(b.property("code")))
            )
            fits_layout.addWidget(button)
            self.fit_buttons.append(button)
        self.fits_box.hide()
        layout.addWidget(self.fits_box)

        coupon_row = QHBoxLayout()
        self.coupon = QLineEdit()
        self.coupon.setPlaceholderText(tr("Coupon code"))
        self.coupon.setAccessibleName(tr("Coupon code"))
        self.coupon.returnPressed.connect(self._apply_coupon)
        coupon_row.addWidget(self.coupon, 1)
        self.apply_button = QPushButton(tr("Apply"))
        self.apply_button.setAccessibleName(tr("Apply the coupon code"))
        self.apply_button.clicked.connect(self._apply_coupon)
        coupon_row.addWidget(self.apply_button)
        layout.addLayout(coupon_row)

        self.explanation = QLabel()
        self.explanation.setObjectName("explanation")
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        self.total = QLabel()
        self.total.setObjectName("cartTotal")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.total)
        self.pay_button = QPushButton(tr("Pay"))
        self.pay_button.setObjectName("primary")
        self.pay_button.setMinimumHeight(56)
        self.pay_button.setAccessibleName(tr("Take payment for this cart"))
        self.pay_button.setEnabled(False)
        self.pay_button.clicked.connect(lambda: self.checkout_requested.emit())
        layout.addWidget(self.pay_button)
        self.refresh()

    # -- changes: write first, then draw what was written ----------------------

    def _change(self, change: Callable[[], Any]) -> None:
        def work() -> CartView:
            change()
            return self._load()

        run_task(work, self._show, self._failed, queue=CART_QUEUE)

    def refresh(self) -> None:
        self._change(lambda: None)

    def add(self, variant_id: int) -> None:
        self._change(lambda: self.store.add(variant_id))

    def set_quantity(self, variant_id: int, quantity: int) -> None:
        if quantity < 1:
            self.remove(variant_id)
            return
        self._change(lambda: self.store.set_quantity(variant_id, quantity))

    def replace(self, old: int, new: int) -> None:
        """Another colour or size of the same product, keeping the line's place and quantity."""
        if old != new:
            self._change(lambda: self.store.replace_variant(old, new))

    def remove(self, variant_id: int) -> None:
        label = self._label(variant_id)

        def work() -> tuple[Callable[[], Cart], CartView]:
            _, undo = self.store.remove(variant_id)
            return undo, self._load()

        def removed(result: tuple[Callable[[], Cart], CartView]) -> None:
            self._undo = result[0]
            self._show(result[1])
            self.undo_text.setText(tr("Removed {0}").format(label))
            self.undo_bar.show()
            self._undo_timer.start(UNDO_SECONDS * 1000)

        run_task(work, removed, self._failed, queue=CART_QUEUE)

    def undo_remove(self) -> None:
        undo, self._undo = self._undo, None
        self._forget_undo()
        if undo is not None:
            self._change(undo)

    def _forget_undo(self) -> None:
        self._undo_timer.stop()
        self.undo_bar.hide()

    def _apply_coupon(self) -> None:
        code = self.coupon.text().strip()
        if code:
            self.coupon.clear()
            self.add_coupon_code(code)

    def add_coupon_code(self, code: str) -> None:
        self._change(lambda: self.store.add_coupon(code))

    def attach_member(self, member_id: int | None) -> None:
        """Price the cart for this member (None: for nobody); their coupons fit or not anew."""
        self._change(lambda: self.store.attach_member(member_id))

    def set_source(self, variant_id: int, source: Fulfilment | None) -> None:
        """Where a line's goods come from; None: this store's shelf."""
        self._change(lambda: self.store.set_fulfilment(variant_id, source))

    def choose_source(self, variant_id: int) -> None:
        """Offer the nearby stores that have the line's variant, nearest first."""
        store_id = self.store_id
        if store_id is None:
            return
        run_task(
            lambda: self.reader.nearby_stock(variant_id, store_id),
            lambda stores: self._offer_sources(variant_id, stores),
            self._failed,
        )

    def _offer_sources(self, variant_id: int, stores: list[NearbyStock]) -> None:
        item = self._item(variant_id)
        if item is None:
            return
        having = [s for s in stores if s.on_hand >= item.quantity][:STORES_OFFERED]
        menu = QMenu(self)
        menu.setObjectName("sourceMenu")
        if item.fulfilment is not None:
            here = menu.addAction(tr("Take it from this store's shelf"))
            here.triggered.connect(lambda: self.set_source(variant_id, None))
            menu.addSeparator()
        for nearby in having:
            send = menu.addAction(
                tr("Send from {0} · {1} km · {2} left").format(
                    nearby.name, f"{nearby.distance_km:.1f}", nearby.on_hand
                )
            )
            send.triggered.connect(
                lambda _=False, n=nearby: self.set_source(
                    variant_id, Fulfilment(TRANSFER, n.store_id, n.name)
                )
            )
        if having:
            menu.addSeparator()
        for nearby in having:
            ship = menu.addAction(
                tr("Ship to the customer from {0} · {1} km").format(
                    nearby.name, f"{nearby.distance_km:.1f}"
                )
            )
            ship.triggered.connect(lambda _=False, n=nearby: self._ask_ship_to(variant_id, n))
        if not having:
            none = menu.addAction(tr("No nearby store has {0} of these").format(item.quantity))
            none.setEnabled(False)
        self.source_menu = menu
        button = next(
            (b for b in self.source_buttons if b.property("variant_id") == variant_id), None
        )
        anchor = button or self
        menu.popup(anchor.mapToGlobal(anchor.rect().bottomLeft()))

    def _ask_ship_to(self, variant_id: int, nearby: NearbyStock) -> None:
        dialog = ShipToDialog(nearby.name, self)
        dialog.accepted.connect(
            lambda: self.set_source(
                variant_id, Fulfilment(SHIP, nearby.store_id, nearby.name, dialog.ship_to())
            )
        )
        self.ship_dialog = dialog
        dialog.open()

    def _item(self, variant_id: int) -> CartItem | None:
        if self.view is None:
            return None
        return next((i for i in self.view.cart.items if i.variant_id == variant_id), None)

    def start_new_cart(self) -> None:
        """After a paid checkout: the next customer gets an empty cart."""
        self._change(self.store.clear)

    def _park(self) -> None:
        if self.view is None or not self.view.cart.items:
            return
        label, ok = QInputDialog.getText(
            self, tr("Park cart"), tr("A note to find it again (optional):")
        )
        if ok:
            self._change(lambda: self.store.park(label.strip()))

    def resume(self, cart_id: str) -> None:
        self._change(lambda: self.store.resume(cart_id))

    def _choose_parked(self) -> None:
        parked = self.store.parked()
        if not parked:
            return
        menu = QMenu(self)
        for cart in parked:
            count = sum(item.quantity for item in cart.items)
            when = cart.parked_at.astimezone().strftime("%H:%M") if cart.parked_at else ""
            text = tr("{0} · {1} items · parked {2}").format(cart.label or tr("Cart"), count, when)
            action = menu.addAction(text)
            action.triggered.connect(lambda _=False, c=cart.id: self.resume(c))
        menu.exec(self.parked_button.mapToGlobal(self.parked_button.rect().bottomLeft()))

    # -- drawing -------------------------------------------------------------------

    def _load(self) -> CartView:
        cart = self.store.open_cart()
        rows = self.reader.variant_rows([item.variant_id for item in cart.items])
        return CartView(cart, self.pricer(cart), rows, len(self.store.parked()))

    def _label(self, variant_id: int) -> str:
        row = self.view.rows.get(variant_id) if self.view else None
        return f"{row.name} {row.colour} {row.size}" if row else str(variant_id)

    def _show(self, view: CartView) -> None:
        self.view = view
        while self.lines_layout.count() > 1:
            taken = self.lines_layout.takeAt(0)
            old = taken.widget() if taken is not None else None
            if old is not None:
                old.hide()  # gone now, for Tab and screen readers too; deleted once idle
                old.deleteLater()
        self.line_buttons = []
        self.source_buttons = []
        priced = view.quote.priced
        net = {line.line.variant_id: line.net_total for line in priced.lines}
        for item in view.cart.items:
            widget = self._line_widget(
                item.variant_id,
                item.quantity,
                view.rows.get(item.variant_id),
                net.get(item.variant_id),
                item.fulfilment,
            )
            self.lines_layout.insertWidget(self.lines_layout.count() - 1, widget)
        self._order_tabs()
        notes = explain_all(priced.explanations)
        notes += [tr("Unknown coupon code {0}").format(c) for c in view.quote.unknown_coupons]
        if view.quote.member_missing:
            notes.append(tr("The member is not on this tablet yet: member prices after sync."))
        self.explanation.setText("\n".join(notes))
        self.total.setText(
            tr("Total {0}  (saved {1})").format(money(priced.total), money(priced.total_discount))
            if priced.total_discount.minor
            else tr("Total {0}").format(money(priced.total))
        )
        self.parked_button.setText(tr("Parked ({0})").format(view.parked))
        self.parked_button.setEnabled(view.parked > 0)
        self.park_button.setEnabled(bool(view.cart.items))
        self.pay_button.setEnabled(
            bool(view.quote.priced.lines) and not view.quote.missing_variants
        )
        self._show_member(view)
        self.shown.emit(view)

    def _order_tabs(self) -> None:
        """Tab goes down the cart as it is drawn (header, member, each line, undo, coupons,
        Pay): the lines are made after the rest, and would otherwise come last."""
        chain: list[QWidget] = [self.parked_button, self.park_button, self.detach_button]
        chain.append(self.lines)  # a stop of its own: the arrow keys scroll a long cart
        for place in range(self.lines_layout.count() - 1):
            item = self.lines_layout.itemAt(place)
            line = item.widget() if item is not None else None
            if line is not None:
                chain += line.findChildren(QPushButton)
        chain += [self.undo_button, *self.fit_buttons, self.coupon, self.apply_button]
        chain.append(self.pay_button)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _show_member(self, view: CartView) -> None:
        """Who the cart is priced for, and their coupons it would take (one tap each)."""
        member = view.quote.member
        if member is not None:
            text = f"{member.name} · {tier_label(member.tier)} · {points_text(member.points)}"
        elif view.cart.member_id is not None:
            text = tr("Member {0} · not on this tablet yet").format(view.cart.member_id)
        else:
            text = ""
        self.member_label.setText(text)
        self.member_label.setAccessibleName(tr("Member on this cart: {0}").format(text))
        self.member_bar.setVisible(bool(text))
        fits = view.quote.fitting_coupons
        for place, button in enumerate(self.fit_buttons):
            button.setVisible(place < len(fits))
            if place < len(fits):
                self._offer(button, fits[place])
        self.fits_box.setVisible(bool(fits))

    def _offer(self, button: ElidedButton, fit: CouponFit) -> None:
        button.set_full_text(tr("Saves {0} · {1}").format(money(fit.saving), fit.title))
        button.setAccessibleName(tr("Use coupon {0}").format(fit.code))
        button.setProperty("code", fit.code)

    def _line_widget(
        self,
        variant_id: int,
        quantity: int,
        row: VariantRow | None,
        net: Any,
        source: Fulfilment | None = None,
    ) -> QWidget:
        widget = QWidget()
        widget.setObjectName("cartLine")
        rows = QVBoxLayout(widget)
        rows.setContentsMargins(8, 6, 4, 6)
        rows.setSpacing(0)
        layout = QHBoxLayout()
        layout.setSpacing(6)
        rows.addLayout(layout)
        label = f"{row.name} {row.colour} {row.size}" if row else str(variant_id)
        name = ElidedButton(sides=10)
        name.set_full_text(f"{row.name}\n{row.colour} · {row.size}" if row else str(variant_id))
        name.setObjectName("lineName")
        name.setFlat(True)
        name.setAccessibleName(tr("Change colour or size"))
        name.setAccessibleDescription(label)
        name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        name.setMinimumHeight(56)
        name.clicked.connect(lambda: self.edit_requested.emit(variant_id))
        self.line_buttons.append(name)
        layout.addWidget(name, 1)
        minus = QPushButton("−")
        minus.setAccessibleName(tr("One less"))
        minus.setAccessibleDescription(label)
        minus.setFixedSize(44, 44)
        minus.setObjectName("stepper")
        minus.clicked.connect(lambda: self.set_quantity(variant_id, quantity - 1))
        layout.addWidget(minus)
        count = QLabel(str(quantity))
        count.setObjectName("quantity")
        layout.addWidget(count)
        plus = QPushButton("+")
        plus.setAccessibleName(tr("One more"))
        plus.setAccessibleDescription(label)
        plus.setFixedSize(44, 44)
        plus.setObjectName("stepper")
        plus.clicked.connect(lambda: self.set_quantity(variant_id, quantity + 1))
        layout.addWidget(plus)
        price = QLabel(money(net) if net is not None else "")
        price.setMinimumWidth(104)
        price.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(price)
        remove = QPushButton("×")
        remove.setAccessibleName(tr("Remove from cart"))
        remove.setAccessibleDescription(label)
        remove.setFixedSize(44, 44)
        remove.setObjectName("stepper")
        remove.clicked.connect(lambda: self.remove(variant_id))
        layout.addWidget(remove)
        if self.store_id is not None:  # under the line, and after its buttons for Tab
            source_button = self._source_button(variant_id, source)
            source_button.setAccessibleDescription(label)
            rows.addWidget(source_button)
        widget.setProperty("variant_id", variant_id)
        return widget

    def _source_button(self, variant_id: int, source: Fulfilment | None) -> QPushButton:
        button = ElidedButton(sides=10)
        button.setObjectName("lineSource")
        button.setProperty("sent", source is not None)
        button.set_full_text(source_text(source))
        button.setFlat(True)
        button.setAccessibleName(
            tr("Where this line comes from: {0}").format(source_text(source).replace("\n", " · "))
        )
        button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        button.setMinimumHeight(44)
        button.setProperty("variant_id", variant_id)
        button.clicked.connect(lambda: self.choose_source(variant_id))
        self.source_buttons.append(button)
        return button

    def _failed(self, error: Exception) -> None:
        self.explanation.setText(str(error))
