"""The whole payment as it happens in a shop: QR on the tablet, wallet page in a real browser.

The test reads the QR from the checkout dialog's pixels with zxing-cpp (as a
phone's camera would), opens the address in headless Chromium (Debian's,
installed by scripts/system-packages.sh) and presses the wallet's buttons.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot
from selenium import webdriver
from selenium.webdriver.common.by import By
from sqlalchemy import text

from shopguide.server.models.types import utcnow
from shopguide.ui.formatting import money
from tests.support.browser import phone_browser
from tests.support.live import LiveServer
from tests.ui.conftest import Floor
from tests.ui.test_checkout import checkout_for_one_item, scan_like_a_phone


@pytest.fixture(scope="module")
def phone() -> Iterator[webdriver.Chrome]:
    """A headless browser standing in for the customer's phone."""
    with phone_browser() as browser:
        yield browser


def test_paying_on_the_wallet_page_shows_paid_on_the_tablet_within_a_second(
    qtbot: QtBot,
    open_sell: Callable[[], Floor],
    live_server: LiveServer,
    phone: webdriver.Chrome,
    threaded_tasks: None,
) -> None:
    floor = open_sell()
    dialog = checkout_for_one_item(qtbot, floor, live_server)
    phone.get(scan_like_a_phone(dialog))
    assert phone.find_element(By.ID, "amount").text == dialog.sale.total.format()
    assert dialog.amount.text() == money(dialog.sale.total)
    assert "Nanfeng" in phone.find_element(By.ID, "merchant").text
    pressed = time.monotonic()
    phone.find_element(By.ID, "pay").click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Paid"), timeout=5_000)
    assert time.monotonic() - pressed < 1.0
    assert phone.find_element(By.ID, "status").text == "Paid. Thank you!"
    dialog.close_button.click()


def test_declining_on_the_wallet_page_shows_the_reason_on_the_tablet(
    qtbot: QtBot,
    open_sell: Callable[[], Floor],
    live_server: LiveServer,
    phone: webdriver.Chrome,
    threaded_tasks: None,
) -> None:
    floor = open_sell()
    dialog = checkout_for_one_item(qtbot, floor, live_server)
    phone.get(scan_like_a_phone(dialog))
    phone.find_element(By.ID, "decline").click()
    qtbot.waitUntil(lambda: "declined" in dialog.status.text(), timeout=5_000)
    assert "declined in the wallet" in dialog.status.text()
    assert phone.find_element(By.ID, "status").text == "Payment declined."
    dialog.close_button.click()


def test_an_expired_code_is_refused_by_the_wallet_and_the_tablet_offers_a_new_one(
    qtbot: QtBot,
    open_sell: Callable[[], Floor],
    live_server: LiveServer,
    phone: webdriver.Chrome,
    threaded_tasks: None,
) -> None:
    floor = open_sell()
    dialog = checkout_for_one_item(qtbot, floor, live_server)
    address = scan_like_a_phone(dialog)
    assert dialog.intent is not None
    with live_server.engine.begin() as conn:
        conn.execute(
            text("UPDATE payment SET expires_at = :t WHERE id = :p"),
            {"t": utcnow() - timedelta(seconds=1), "p": dialog.intent.payment_id},
        )
    qtbot.waitUntil(lambda: "expired" in dialog.status.text(), timeout=15_000)
    assert dialog.again.isVisible()
    phone.get(address)
    assert "expired" in phone.find_element(By.ID, "status").text
    dialog.again.click()
    qtbot.waitUntil(lambda: "Scan to pay" in dialog.status.text(), timeout=10_000)
    assert scan_like_a_phone(dialog) != address
    dialog.close_button.click()
