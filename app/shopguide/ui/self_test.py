"""`shopguide --self-test`: does this build start? Checked offscreen, then exit 0 or 1.

For a packaged tablet build, where a missing Qt plugin, icon or translation only
shows on the floor: loads the theme and every icon, installs each translation
and checks it translates, then starts a small embedded server, logs a tablet in,
opens the main window, and switches it to each language.
"""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path


def run_self_test(say: Callable[[str], None] = print) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QIcon

    from shopguide.ui import i18n
    from shopguide.ui.app import application
    from shopguide.ui.resources import resource_dir, theme

    failures: list[str] = []

    def check(ok: bool, what: str) -> None:
        say(("ok    " if ok else "FAIL  ") + what)
        if not ok:
            failures.append(what)

    app = application([sys.argv[0], "-platform", os.environ["QT_QPA_PLATFORM"]])
    check(bool(theme().strip()), f"theme in {resource_dir()}")
    icons = sorted((resource_dir() / "icons").glob("*.svg"))
    check(bool(icons), "icons present")
    for icon in icons:
        check(not QIcon(str(icon)).pixmap(32, 32).isNull(), f"icon {icon.name} draws")
    for language in i18n.LANGUAGES:
        loaded = i18n.install(language)
        pay = QCoreApplication.translate("CartPanel", "Pay")
        check(loaded and (language == "en" or pay != "Pay"), f"translation {language}: {pay}")
    i18n.install("en")
    with tempfile.TemporaryDirectory(prefix="shopguide-self-test-") as tmp:
        _main_window(Path(tmp), check)
    app.processEvents()
    say("self-test passed" if not failures else f"self-test FAILED: {len(failures)} check(s)")
    return 0 if not failures else 1


def _main_window(folder: Path, check: Callable[[bool, str], None]) -> None:
    from PySide6.QtCore import QCoreApplication

    from shopguide.client.tablet import Tablet
    from shopguide.server.config import Settings
    from shopguide.server.db import make_engine
    from shopguide.server.embedded import EmbeddedServer
    from shopguide.server.migrate import upgrade
    from shopguide.server.seed import seed_database
    from shopguide.ui.app import AppController
    from shopguide.ui.screens import default_screens
    from shopguide.ui.sell.sell_screen import SellScreen

    password = secrets.token_urlsafe(16)
    url = f"sqlite:///{folder / 'server.db'}"
    engine = make_engine(url)
    upgrade(engine)
    seed_database(engine, stores=3, styles=12, members=12, password=password)
    engine.dispose()
    settings = Settings(database_url=url, secret_key="s" * 40, sandbox_payments=True)
    with EmbeddedServer(settings) as server:
        tablet = Tablet(folder / "tablet")
        try:
            tablet.login(server.url, "sz01.guide1", password)
            tablet.connect().run_once()
            controller = AppController(tablet, default_screens)
            controller.start()
            check(controller.window is not None, "main window opens")
            for language in ("zh_CN", "ja", "en"):
                controller.change_language(language)
                window = controller.window
                sell = window.screens["sell"].widget if window else None
                expected = QCoreApplication.translate("CartPanel", "Pay")
                shown = sell.cart.pay_button.text() if isinstance(sell, SellScreen) else ""
                check(shown == expected, f"Sell screen in {language}: {shown}")
            if controller.window is not None:
                controller.window.close()
        finally:
            tablet.close()
