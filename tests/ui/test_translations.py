"""Languages: every visible string is translated, the .ts files compile, and a switch is live."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QLocale, QTranslator
from pytestqt.qtbot import QtBot

from shopguide.client import settings as opts
from shopguide.client.tablet import Tablet
from shopguide.core.money import Money
from shopguide.core.pricing.explanation import Explanation, ExplanationKind
from shopguide.ui import i18n, pricing_text
from shopguide.ui.app import AppController, application
from shopguide.ui.formatting import money
from shopguide.ui.screens import default_screens
from shopguide.ui.sell.sell_screen import SellScreen
from tests.support.live import PASSWORD, LiveServer

ROOT = Path(__file__).resolve().parents[2]


def load_script() -> ModuleType:
    """scripts/translations.py: the one extractor the build and this test share."""
    spec = importlib.util.spec_from_file_location(
        "translations", ROOT / "scripts" / "translations.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["translations"] = module
    spec.loader.exec_module(module)
    return module


translations = load_script()


@pytest.fixture
def back_to_english() -> Iterator[None]:
    application()
    yield
    i18n.install("en")


def test_every_visible_string_is_a_literal_the_extractor_finds() -> None:
    found, problems = translations.extract()
    assert problems == []
    assert len(found) > 400
    contexts = {f.context for f in found}
    assert {"SellScreen", "CartPanel", "MainWindow", "Screens", "Checkout"} <= contexts


@pytest.mark.parametrize("language", ["zh_CN", "ja"])
def test_every_visible_string_has_a_finished_translation(language: str) -> None:
    found, _ = translations.extract()
    assert translations.missing(language, found) == [], (
        f"add them with `scripts/translations.py update`, translate in "
        f"resources/i18n/shopguide_{language}.ts"
    )


@pytest.mark.parametrize("language", ["zh_CN", "ja"])
def test_translations_keep_placeholders_and_are_not_english_copies(language: str) -> None:
    have = translations.read_ts(translations.ts_path(language))
    copies = []
    for (context, source), text in have.items():
        if text is None:
            continue
        assert sorted(re.findall(r"\{[^}]*\}", text)) == sorted(re.findall(r"\{[^}]*\}", source)), (
            f"{context}: {source!r} -> {text!r}"
        )
        if text == source and re.search(r"[A-Za-z]{3}", source):
            copies.append(source)
    assert copies == []


def test_the_ts_files_compile_and_translate(tmp_path: Path, back_to_english: None) -> None:
    translations.compile_qm(out=tmp_path)
    expected = {"zh_CN": "收款", "ja": "お支払い", "en": "Pay"}
    for language, pay in expected.items():
        translator = QTranslator()
        assert translator.load(str(tmp_path / f"shopguide_{language}.qm"))
        assert translator.translate("CartPanel", "Pay") == pay


def test_the_language_follows_the_system_unless_set() -> None:
    assert i18n.resolve("", QLocale("zh_CN")) == "zh_CN"
    assert i18n.resolve("", QLocale("zh_HK")) == "zh_CN"
    assert i18n.resolve("", QLocale("ja_JP")) == "ja"
    assert i18n.resolve("", QLocale("de_DE")) == "en"
    assert i18n.resolve("ja", QLocale("zh_CN")) == "ja"
    assert i18n.resolve("fr", QLocale("zh_CN")) == "zh_CN"  # not one we have: the system's


def test_money_shows_the_yuan_sign_in_every_language() -> None:
    price = Money(129_900, "CNY")
    for language in ("zh_CN", "ja", "en"):
        assert money(price, QLocale(language)) == "¥1,299.00"
    assert money(Money(-5, "CNY"), QLocale("zh_CN")) == "-¥0.05"
    assert price.format() == "CNY 1299.00"  # the core's locale-free form is unchanged


def test_choosing_chinese_in_the_top_bar_switches_the_open_window_at_once(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, back_to_english: None
) -> None:
    tablet = Tablet(tmp_path / "tablet")
    tablet.login(live_server.url, "sz01.guide1", PASSWORD)
    i18n.install("en")
    app = AppController(tablet, default_screens)
    try:
        app.start()
        assert app.window is not None
        sell = app.window.screens["sell"].widget
        assert isinstance(sell, SellScreen)
        assert sell.cart.pay_button.text() == "Pay"

        chinese = next(a for a in app.window.language_menu.actions() if a.data() == "zh_CN")
        chinese.trigger()

        window = app.window
        assert window is not None
        sell = window.screens["sell"].widget
        assert isinstance(sell, SellScreen)
        assert sell.cart.pay_button.text() == "收款"
        assert window.title.text() == "销售"
        assert window.logout_button.text() == "退出登录"
        assert window.language_button.text() == "简体中文"
        assert QLocale().name() == "zh_CN"
        assert Tablet(tmp_path / "tablet").settings.get(opts.LANGUAGE) == "zh_CN"
    finally:
        if app.window is not None:
            app.window.close()
        tablet.close()


def test_price_explanations_have_a_translatable_sentence_for_every_key(
    back_to_english: None,
) -> None:
    assert set(pricing_text._TEMPLATES) == set(ExplanationKind)
    entry = Explanation(
        ExplanationKind.MEMBER_PRICE,
        {"tier": "gold", "item": "Trail Runner 39", "amount": Money(9000, "CNY")},
    )
    assert pricing_text.explain(entry) == "Gold member price on Trail Runner 39: -¥90.00"
    i18n.install("zh_CN")
    assert pricing_text.explain(entry) == "Trail Runner 39 享金卡会员价：-¥90.00"
    i18n.install("ja")
    assert pricing_text.explain(entry) == "Trail Runner 39 にゴールド会員価格：-¥90.00"
