"""Qt tests run offscreen, with background tasks run inline so each step is deterministic."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot

from shopguide.client.tablet import Tablet
from shopguide.ui import resources, tasks
from shopguide.ui.app import application
from shopguide.ui.main_window import MainWindow, Screen
from shopguide.ui.members.members_screen import MembersScreen
from shopguide.ui.screens import default_screens
from shopguide.ui.sell.sell_screen import SellScreen
from shopguide.ui.stock.stock_screen import StockScreen
from shopguide.ui.sync_bridge import SyncBridge
from tests.support.databases import DatabaseFactory
from tests.support.live import PASSWORD, LiveServer, running_server


@pytest.fixture
def threaded_tasks() -> Iterator[None]:
    """Real worker threads, for screens that wait on the network (checkout's long poll)."""
    runner = tasks.ThreadPoolRunner()
    tasks.set_runner(runner)
    yield
    runner.wait_for_done(20_000)


def delete_closed_widgets() -> None:
    """Delete the widgets qtbot closed here, on the GUI thread.

    A screen outside a window is owned by Python, and one held in a reference cycle by its
    own callbacks is freed by the garbage collector, on whichever thread collects: its C++
    side must be gone before then.
    """
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


@pytest.fixture(scope="module")
def live_server(databases: DatabaseFactory) -> Iterator[LiveServer]:
    """The UI does not care which database the server uses: SQLite only, once per module."""
    with running_server(databases.new_url("sqlite")) as live:
        yield live


@pytest.fixture(autouse=True)
def inline_tasks() -> Iterator[None]:
    tasks.set_runner(tasks.InlineRunner())
    yield
    tasks.set_runner(tasks.ThreadPoolRunner())


@dataclass
class Floor:
    tablet: Tablet
    sell: SellScreen
    screens: list[Screen]  # every screen the app made, alive (and deleted) with the floor


@pytest.fixture
def tablet_server_url(live_server: LiveServer) -> str:
    """Where the tablet finds the server; a module that cuts the network puts a proxy here."""
    return live_server.url


@pytest.fixture
def open_sell(
    qtbot: QtBot, tablet_server_url: str, tmp_path: Path
) -> Iterator[Callable[[], Floor]]:
    """Opens the Sell screen of a synced tablet; calling it again is an app restart."""
    opened: list[Floor] = []
    first = Tablet(tmp_path / "tablet")
    first.login(tablet_server_url, "sz01.guide1", PASSWORD)
    engine = first.connect()
    engine.run_once()
    engine.run_once()
    first.close()

    def open_() -> Floor:
        for floor in opened:
            floor.sell.close()
            floor.tablet.close()
        application()
        tablet = Tablet(tmp_path / "tablet")
        screens: list[Screen] = default_screens(tablet, SyncBridge(tablet.connect()))
        for screen in screens:  # each closed and deleted on this thread at teardown
            qtbot.addWidget(screen.widget)
        sell = screens[0].widget
        assert isinstance(sell, SellScreen)
        sell.resize(1200, 760)
        sell.show()
        opened.append(Floor(tablet, sell, screens))
        return opened[-1]

    yield open_
    for floor in opened:
        floor.tablet.close()
    delete_closed_widgets()


OpenWindow = Callable[..., MainWindow]


@pytest.fixture
def open_window(qtbot: QtBot, live_server: LiveServer, tmp_path: Path) -> Iterator[OpenWindow]:
    """`open_window(username="sz01.manager")`: the main window for that login (a manager's has
    every screen) at 1280×800, synced, with the theme applied."""
    tablets: list[Tablet] = []

    def open_(username: str = "sz01.manager") -> MainWindow:
        app = application()
        app.setStyleSheet(resources.theme())  # at the application's font as it is now
        tablet = Tablet(tmp_path / f"tablet{len(tablets)}")
        result = tablet.login(live_server.url, username, PASSWORD)
        tablet.connect().run_once()
        tablets.append(tablet)
        bridge = SyncBridge(tablet.connect())
        window = MainWindow(
            tablet, bridge, guide_name=result.full_name, role=result.role, on_logout=lambda: None
        )
        qtbot.addWidget(window)
        for screen in default_screens(tablet, bridge):
            window.add_screen(screen)
        window.resize(1280, 800)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    yield open_
    for tablet in tablets:
        tablet.close()
    delete_closed_widgets()


def fill(window: MainWindow, live: LiveServer) -> None:
    """Something on every screen: search results, a cart line with a member and a coupon that
    fits, the member's card, a style's stock in each store."""
    sell = window.screens["sell"].widget
    assert isinstance(sell, SellScreen)
    variant = int(
        str(
            live.scalar(
                "SELECT MIN(v.id) FROM stock_level s JOIN variant v ON v.id = s.variant_id "
                "JOIN store t ON t.id = s.store_id WHERE t.code = 'SZ01' AND s.on_hand > 3"
            )
        )
    )
    sell.cart.add(variant)
    sell.search.setText("a")
    members = window.screens["members"].widget
    assert isinstance(members, MembersScreen)
    phone = live.scalar(
        "SELECT m.phone FROM member m JOIN store s ON s.id = m.home_store_id "
        "WHERE s.code = 'SZ01' ORDER BY m.id LIMIT 1"
    )
    members.field.setText(str(phone))
    members.submit()
    members.panel.attach_button.click()
    stock = window.screens["stock"].widget
    assert isinstance(stock, StockScreen)
    stock.show_style(int(str(live.scalar("SELECT style_id FROM variant WHERE id = :v", v=variant))))
