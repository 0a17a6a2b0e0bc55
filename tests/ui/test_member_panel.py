"""A guide serving a member: scan the code on their phone (read from a real browser page, as
a camera would), look them up by phone with or without a network, edit their sizes, and put
them on the cart, from the Members screen or by scanning on the Sell screen."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from pytestqt.qtbot import QtBot
from selenium import webdriver
from selenium.webdriver.common.by import By
from sqlmodel import Session

from shopguide.client.tablet import Tablet
from shopguide.core.money import Money
from shopguide.server.models import Member as MemberRow
from shopguide.server.models.types import utcnow
from shopguide.server.services.member_codes import make_member_code, one_time_code, otp_slot
from shopguide.ui import tasks
from shopguide.ui.app import application
from shopguide.ui.checkout.checkout_dialog import CheckoutDialog
from shopguide.ui.checkout.member_proof_dialog import MemberProofDialog
from shopguide.ui.members.members_screen import MembersScreen
from shopguide.ui.members.texts import tier_label
from shopguide.ui.screens import default_screens
from shopguide.ui.sell.image_scan import read_codes
from shopguide.ui.sell.sell_screen import SellScreen
from shopguide.ui.sync_bridge import SyncBridge
from tests.support.browser import phone_browser
from tests.support.live import PASSWORD, SECRET, LiveServer
from tests.support.proxy import FaultyProxy
from tests.ui.conftest import delete_closed_widgets

EXPIRED = "This member code has expired; ask the customer to refresh it"


@dataclass
class Counter:
    """A synced tablet behind a proxy that can cut its network, with Sell and Members open."""

    tablet: Tablet
    sell: SellScreen
    members: MembersScreen
    proxy: FaultyProxy


@dataclass(frozen=True)
class Member:
    id: int
    name: str
    tier: str
    points: int
    phone: str


@pytest.fixture(scope="module")
def customer_phone() -> Iterator[webdriver.Chrome]:
    """A headless browser standing in for the member's phone."""
    with phone_browser() as browser:
        yield browser


@pytest.fixture
def counter(
    qtbot: QtBot, live_server: LiveServer, proxy: FaultyProxy, tmp_path: Path
) -> Iterator[Counter]:
    application()
    tablet = Tablet(tmp_path / "tablet")
    tablet.login(proxy.url, "sz01.guide1", PASSWORD)
    engine = tablet.connect()
    engine.run_once()
    engine.run_once()
    bridge = SyncBridge(engine)
    screens = default_screens(tablet, bridge)
    sell = screens[0].widget
    assert isinstance(sell, SellScreen)
    for screen in screens:
        qtbot.addWidget(screen.widget)
    [members] = [screen.widget for screen in screens if screen.key == "members"]
    assert isinstance(members, MembersScreen)
    members.resize(1180, 720)
    members.show()
    yield Counter(tablet, sell, members, proxy)
    tablet.close()
    delete_closed_widgets()


def a_member(live: LiveServer, where: str = "1 = 1") -> Member:
    """A member of SZ01 (the tablet's store) matching `where` (SQL on member m)."""
    row = live.rows(
        "SELECT m.id, m.name, m.tier, m.points, m.phone FROM member m "
        f"JOIN store s ON s.id = m.home_store_id WHERE s.code = 'SZ01' AND {where} "
        "ORDER BY m.id LIMIT 1"
    )[0]
    return Member(int(str(row[0])), str(row[1]), str(row[2]), int(str(row[3])), str(row[4]))


def member_page(live: LiveServer, member_id: int) -> str:
    """The member's own page, from a pass link a store manager issues."""
    login = requests.post(
        f"{live.url}/api/v1/auth/login",
        json={"username": "sz01.manager", "password": PASSWORD},
        timeout=10,
    )
    answer = requests.post(
        f"{live.url}/api/v1/members/{member_id}/pass",
        headers={"Authorization": f"Bearer {login.json()['access_token']}"},
        timeout=10,
    )
    assert answer.status_code == 200, answer.text
    return str(answer.json()["pass_url"])


def expired_code(member_id: int) -> str:
    return make_member_code(SECRET, member_id, now=utcnow() - timedelta(minutes=2))


def test_scanning_the_code_on_the_members_phone_opens_their_card(
    counter: Counter, live_server: LiveServer, customer_phone: webdriver.Chrome
) -> None:
    member = a_member(live_server)
    customer_phone.get(member_page(live_server, member.id))
    qr = customer_phone.find_element(By.ID, "member-qr")
    [code] = read_codes(QImage.fromData(qr.screenshot_as_png))
    assert code == qr.get_attribute("data-code")

    counter.members.scanned(code)

    panel = counter.members.panel
    assert (
        panel.name.text() == member.name == customer_phone.find_element(By.ID, "member-name").text
    )
    assert panel.tier.text() == tier_label(member.tier)
    assert panel.points.text() == f"{member.points:,}"
    assert panel.source.text().startswith("Online")
    assert panel.progress.isVisibleTo(panel)
    assert not panel.unverified.isVisibleTo(panel)
    assert counter.members.matches.members[0].id == member.id


def test_the_same_code_after_it_expired_is_refused_with_a_clear_message(
    counter: Counter, live_server: LiveServer
) -> None:
    member = a_member(live_server)
    counter.members.scanned(expired_code(member.id))
    assert counter.members.message.text() == EXPIRED
    assert counter.members.message.property("level") == "error"
    assert counter.members.panel.profile is None

    counter.sell.scanned(expired_code(member.id))
    assert counter.sell.message.text() == EXPIRED
    assert counter.sell.cart.view is not None
    assert counter.sell.cart.view.cart.member_id is None


def test_a_typed_phone_finds_the_member_online_and_with_the_server_down(
    qtbot: QtBot, counter: Counter, live_server: LiveServer
) -> None:
    member = a_member(live_server)
    screen, panel = counter.members, counter.members.panel

    def look_up() -> None:
        screen.field.clear()
        qtbot.keyClicks(screen.field, f"{member.phone[:3]} {member.phone[3:7]} {member.phone[7:]}")
        qtbot.keyClick(screen.field, Qt.Key.Key_Return)

    look_up()
    assert panel.name.text() == member.name
    assert panel.source.text().startswith("Online · as of")
    assert f"*******{member.phone[-4:]}" in panel.meta.text()

    counter.proxy.go_down()
    panel.show_nothing()
    look_up()
    assert panel.name.text() == member.name
    assert panel.source.text().startswith("Offline · as of last sync")
    assert screen.message.text() == "No network: shown from this tablet's copy of the members."
    assert not panel.progress.isVisibleTo(panel)
    assert panel.lifetime.text() == "Progress to the next tier shows when the tablet is online."
    assert panel.purchases_note.text() == "Recent purchases show when the tablet is online."


def typing_in(qtbot: QtBot) -> QLineEdit:
    """The cell editor the guide is typing in."""
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit), timeout=2_000)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    return editor


def test_edited_sizes_are_queued_as_a_member_update_and_the_card_shows_them(
    qtbot: QtBot, counter: Counter, live_server: LiveServer
) -> None:
    member = a_member(live_server)
    counter.members.scanned(make_member_code(SECRET, member.id))
    counter.members.activateWindow()
    panel = counter.members.panel
    assert panel.profile is not None
    before = dict(panel.profile.sizes)
    assert not panel.save_sizes_button.isEnabled()

    panel.add_size_button.click()  # the new row's category opens for typing
    qtbot.keyClicks(typing_in(qtbot), "running shoes")
    qtbot.keyClick(typing_in(qtbot), Qt.Key.Key_Tab)
    qtbot.keyClicks(typing_in(qtbot), "42")
    assert panel.save_sizes_button.isEnabled(), "tappable while the size is still being typed"
    qtbot.mouseClick(panel.save_sizes_button, Qt.MouseButton.LeftButton)

    wanted = {**before, "running shoes": "42"}
    [update] = counter.tablet.outbox.of_type("member.update")
    assert update.payload == {"member_id": member.id, "sizes": wanted}
    assert panel.sizes_in_table() == wanted
    assert panel.saved.text() == "Sizes saved. They reach the server with the next sync."
    assert not panel.save_sizes_button.isEnabled()

    counter.tablet.connect().push_pending()
    counter.members.open_member(member.id)
    assert panel.profile.sizes == wanted
    assert panel.sizes_in_table() == wanted


def test_attaching_the_member_applies_member_prices_and_offers_the_coupons_that_fit(
    counter: Counter, live_server: LiveServer
) -> None:
    member = a_member(
        live_server,
        "m.tier != 'classic' AND EXISTS (SELECT 1 FROM coupon c WHERE c.member_id = m.id "
        "AND c.kind = 'amount' AND c.state = 'issued' AND c.category IS NULL "
        "AND c.valid_from <= CURRENT_TIMESTAMP AND c.valid_to > CURRENT_TIMESTAMP)",
    )
    [(code,)] = live_server.rows(
        "SELECT code FROM coupon WHERE member_id = :m AND kind = 'amount' AND state = 'issued' "
        "AND category IS NULL AND valid_to > CURRENT_TIMESTAMP ORDER BY valid_to LIMIT 1",
        m=member.id,
    )
    expensive = live_server.rows(
        "SELECT v.id, p.amount FROM variant v JOIN style s ON s.id = v.style_id "
        "JOIN price p ON p.style_id = s.id AND p.tier = :t ORDER BY s.list_price DESC, v.id "
        "LIMIT 2",
        t=member.tier,
    )
    cart = counter.sell.cart
    for variant_id, _ in expensive:
        cart.add(int(str(variant_id)))
    counter.members.scanned(make_member_code(SECRET, member.id))
    panel = counter.members.panel
    [coupon] = [c for c in panel.coupons_model.coupons if c.code == code]
    assert ("Usable on this cart", "ok") in panel.coupons_model.chips(coupon)

    panel.attach_button.click()

    assert cart.view is not None
    assert cart.view.cart.member_id == member.id
    assert panel.on_cart.isVisibleTo(panel)
    assert cart.member_label.text() == (
        f"{member.name} · {tier_label(member.tier)} · {member.points:,} points"
    )
    member_prices = {int(str(v)): Money(int(str(amount)), "CNY") for v, amount in expensive}
    assert {
        line.line.variant_id: line.unit_price for line in cart.view.quote.priced.lines
    } == member_prices
    [offer] = [b for b in cart.fit_buttons if b.property("code") == code]
    assert offer.isVisibleTo(cart)
    assert offer.full_text.startswith("Saves ¥")

    offer.click()
    assert cart.view.quote.priced.applied_coupon == code
    assert ("On this cart", "busy") in panel.coupons_model.chips(coupon)
    assert all(b.property("code") != code for b in cart.fit_buttons if b.isVisibleTo(cart))


def test_a_member_code_scanned_on_the_sell_screen_puts_the_member_on_the_cart(
    qtbot: QtBot, counter: Counter, live_server: LiveServer
) -> None:
    member = a_member(live_server)
    sell = counter.sell
    counter.members.hide()
    sell.resize(1200, 760)
    sell.show()
    sell.activateWindow()
    sell.search.setFocus()
    qtbot.waitUntil(lambda: sell.search.hasFocus(), timeout=2_000)

    qtbot.keyClicks(sell.search, make_member_code(SECRET, member.id))  # a wedge scanner's burst
    qtbot.keyClick(sell.search, Qt.Key.Key_Return)

    assert sell.search.text() == ""
    assert sell.cart.view is not None
    assert sell.cart.view.cart.member_id == member.id
    assert sell.message.text() == (
        f"{member.name} ({tier_label(member.tier)}, {member.points:,} points) is on this cart: "
        "member prices apply."
    )
    assert sell.message.property("level") == "ok"
    assert counter.members.panel.name.text() == member.name


def otp_now(live_server: LiveServer, member_id: int) -> str:
    """The six digits the member's phone page shows right now."""
    with Session(live_server.engine) as session:
        member = session.get(MemberRow, member_id)
        assert member is not None
        return one_time_code(SECRET, member, otp_slot(utcnow()))


def test_paying_with_a_members_coupon_asks_for_their_code_and_spends_it_once(
    counter: Counter, live_server: LiveServer, qtbot: QtBot
) -> None:
    member = a_member(
        live_server,
        "EXISTS (SELECT 1 FROM coupon c WHERE c.member_id = m.id "
        "AND c.kind = 'amount' AND c.state = 'issued' AND c.category IS NULL "
        "AND c.valid_from <= CURRENT_TIMESTAMP AND c.valid_to > CURRENT_TIMESTAMP)",
    )
    [(coupon_id, code)] = live_server.rows(
        "SELECT id, code FROM coupon WHERE member_id = :m AND kind = 'amount' "
        "AND state = 'issued' AND category IS NULL AND valid_to > CURRENT_TIMESTAMP "
        "ORDER BY valid_to LIMIT 1",
        m=member.id,
    )
    cart = counter.sell.cart
    for (variant_id,) in live_server.rows(
        "SELECT v.id FROM variant v JOIN style s ON s.id = v.style_id "
        "ORDER BY s.list_price DESC, v.id LIMIT 2"
    ):
        cart.add(int(str(variant_id)))
    counter.members.scanned(make_member_code(SECRET, member.id))
    counter.members.panel.attach_button.click()
    cart.add_coupon_code(str(code))
    assert cart.view is not None
    assert cart.view.quote.priced.applied_coupon == code
    order_id = cart.view.cart.id
    workers = tasks.ThreadPoolRunner()  # from Pay on, the checkout's long poll needs threads
    tasks.set_runner(workers)

    cart.pay_button.click()
    [proof] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MemberProofDialog)]
    proof.code.setText("000000" if otp_now(live_server, member.id) != "000000" else "111111")
    proof.spend.click()
    qtbot.waitUntil(proof.problem.isVisible, timeout=10_000)
    assert "one-time code" in proof.problem.text()
    assert coupon_state(live_server, int(str(coupon_id))) == "issued"

    proof.code.setText(otp_now(live_server, member.id))
    proof.spend.click()
    qtbot.waitUntil(lambda: proof.result() == QDialog.DialogCode.Accepted, timeout=10_000)
    assert coupon_state(live_server, int(str(coupon_id))) == "redeemed"
    checkouts = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, CheckoutDialog) and w.isVisible()
    ]
    assert [c.sale.order_id for c in checkouts] == [order_id]
    qtbot.waitUntil(lambda: checkouts[0].intent is not None, timeout=10_000)

    checkouts[0].close_button.click()  # the customer changed their mind: the coupon comes back
    qtbot.waitUntil(
        lambda: coupon_state(live_server, int(str(coupon_id))) == "issued", timeout=10_000
    )
    workers.wait_for_done(20_000)


def coupon_state(live_server: LiveServer, coupon_id: int) -> str:
    return str(live_server.scalar("SELECT state FROM coupon WHERE id = :c", c=coupon_id))
