"""The screens of the running app, built over one tablet: what the navigation rail shows."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication

from shopguide.client import settings as opts
from shopguide.client.cart_pricing import CartQuote, MemberTermsReader, price
from shopguide.client.carts import Cart, CartStore
from shopguide.client.catalog import CatalogReader, VariantRow
from shopguide.client.checkout import Checkout, Sale
from shopguide.client.holds import Holds
from shopguide.client.manager import ManagerReports
from shopguide.client.members import Members
from shopguide.client.offline_payments import OfflinePayments
from shopguide.client.order_history import OrderHistory
from shopguide.client.stock_lookup import StockLookup
from shopguide.client.tablet import Tablet
from shopguide.ui.checkout.checkout_dialog import CheckoutDialog
from shopguide.ui.checkout.member_proof_dialog import MemberProofDialog
from shopguide.ui.main_window import Screen
from shopguide.ui.manager.manager_screen import ManagerScreen
from shopguide.ui.members.members_screen import members_screen
from shopguide.ui.orders.orders_screen import OrdersScreen
from shopguide.ui.sell.cart_panel import CartPanel
from shopguide.ui.sell.product_detail import ProductDetail
from shopguide.ui.sell.sell_screen import SellScreen
from shopguide.ui.stock.stock_screen import StockScreen
from shopguide.ui.sync_bridge import SyncBridge
from shopguide.ui.tasks import run_task


def tr(text: str) -> str:
    return QCoreApplication.translate("Screens", text)


def default_screens(tablet: Tablet, bridge: SyncBridge) -> list[Screen]:
    holds = Holds(
        cache=tablet.cache, outbox=tablet.outbox, store_id=tablet.store_id, engine=bridge.engine
    )
    reader = CatalogReader(tablet.cache, tablet.outbox, holds=holds)
    members = MemberTermsReader(tablet.cache)
    carts = CartStore(tablet.data_dir / "carts.db")

    def quote(cart: Cart) -> CartQuote:
        return price(cart, reader, members, now=datetime.now(UTC))

    cart_panel = CartPanel(carts, reader, quote, store_id=tablet.store_id)

    def open_product(variant_id: int, *, replacing: bool = False) -> None:
        """The product of a variant; from a cart line, choosing another cell replaces it."""

        def choose(new: int) -> None:
            if replacing:
                cart_panel.replace(variant_id, new)
            else:
                cart_panel.add(new)

        def show(rows: dict[int, VariantRow]) -> None:
            row = rows.get(variant_id)
            if row is None:
                return
            ProductDetail(
                reader,
                style_id=row.style_id,
                store_id=tablet.store_id,
                on_add=choose,
                selected_variant=variant_id,
                action_text=tr("Change to this colour and size") if replacing else "",
                parent=sell,
            ).open()

        run_task(lambda: reader.variant_rows([variant_id]), show, lambda _error: None)

    sell = SellScreen(reader, on_add=cart_panel.add, on_open=open_product, cart=cart_panel)

    def data_changed(scopes: set[str]) -> None:
        if scopes & {"catalog", f"members:{tablet.store_id}"}:
            cart_panel.refresh()

    bridge.data_changed.connect(data_changed)

    offline = OfflinePayments(outbox=tablet.outbox, cache=tablet.cache, store_id=tablet.store_id)

    def payments() -> Checkout | None:
        if tablet.api is None:
            return None
        return Checkout(
            outbox=tablet.outbox, engine=bridge.engine, api=tablet.api, store_id=tablet.store_id
        )

    member_service = Members(
        api=tablet.api,
        cache=tablet.cache,
        outbox=tablet.outbox,
        store_id=tablet.store_id,
        engine=bridge.engine,
    )

    def checkout() -> None:
        """Pay for the open cart; a member's coupon is spent first, with the member's code."""
        view = cart_panel.view
        taking = payments()
        if view is None or taking is None:
            return
        sale = taking.sale(view.cart, view.quote.priced)
        coupon, member_id = view.quote.priced.applied_coupon, view.cart.member_id

        def take_payment() -> None:
            dialog = CheckoutDialog(
                taking,
                sale,
                merchant=tablet.store_name(),
                on_paid=cart_panel.start_new_cart,
                offline=offline,
                parent=sell,
            )
            if coupon is not None and member_id is not None:
                dialog.rejected.connect(
                    lambda: run_task(
                        lambda: member_service.release(member_id, sale.order_id),
                        lambda _none: None,
                        lambda _error: None,  # kept spent; the Orders screen still lists the order
                    )
                )
            dialog.open()

        if coupon is None or member_id is None:
            take_payment()
            return
        proof = MemberProofDialog(
            coupon_code=coupon,
            redeem=lambda code: member_service.redeem_coupon(
                member_id, coupon, order_id=sale.order_id, one_time_code=code
            ),
            parent=sell,
        )
        proof.accepted.connect(take_payment)
        proof.open()

    cart_panel.checkout_requested.connect(checkout)
    cart_panel.edit_requested.connect(lambda v: open_product(v, replacing=True))

    history = OrderHistory(
        outbox=tablet.outbox,
        api=tablet.api,
        reader=reader,
        guide_name=tablet.settings.get(opts.FULL_NAME),
        store_name=tablet.store_name,
    )

    def retry_payment(order_id: str) -> None:
        """A new payment code for an order the server has, opened from the Orders screen."""
        taking = payments()
        if taking is None:
            return

        def open_checkout(sale: Sale) -> None:
            CheckoutDialog(
                taking,
                sale,
                merchant=tablet.store_name(),
                on_paid=orders.refresh,
                offline=offline,
                parent=orders,
            ).open()

        run_task(lambda: history.sale(order_id), open_checkout, orders.show_problem)

    orders = OrdersScreen(history, retry=retry_payment)
    bridge.status_changed.connect(orders.follow_sync)
    bridge.data_changed.connect(orders.follow_data)

    def cart_member() -> int | None:
        view = cart_panel.view
        return None if view is None else view.cart.member_id

    stock = StockScreen(
        reader,
        StockLookup(api=tablet.api, cache=tablet.cache, reader=reader, store_id=tablet.store_id),
        holds,
        cart_member=cart_member,
    )
    bridge.data_changed.connect(stock.follow_data)
    manager = ManagerScreen(ManagerReports(tablet.api))
    return [
        Screen("sell", tr("Sell"), sell, icon="sell"),
        members_screen(member_service, cart_panel, sell),
        Screen("orders", tr("Orders"), orders, icon="orders"),
        Screen("stock", tr("Stock"), stock, icon="stock"),
        Screen("manager", tr("Manager"), manager, icon="manager", managers_only=True),
    ]
