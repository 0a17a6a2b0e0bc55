"""Accessibility (issue 9): every screen by keyboard alone, a name on every control, the theme's
contrast at WCAG AA, and text that grows with the system font without being cut off."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from shopguide.ui import resources
from shopguide.ui.app import application
from shopguide.ui.checkout.member_proof_dialog import MemberProofDialog
from shopguide.ui.login_dialog import LoginDialog
from shopguide.ui.main_window import MainWindow
from shopguide.ui.manager import manager_screen, size_chart
from shopguide.ui.manager.manager_screen import ManagerScreen
from shopguide.ui.members import lists
from shopguide.ui.members.members_screen import MembersScreen
from shopguide.ui.orders.orders_screen import OrdersScreen
from shopguide.ui.sell import product_detail
from shopguide.ui.sell.cart_panel import ElidedButton, ShipToDialog
from shopguide.ui.sell.sell_screen import SellScreen
from shopguide.ui.stock import inbox
from shopguide.ui.stock.stock_screen import StockScreen
from tests.support.live import LiveServer
from tests.ui.conftest import OpenWindow, fill

UI = Path(resources.__file__).parent

# -- contrast -------------------------------------------------------------------------------

PAGE, PANEL, TEXT = "#f6f7f9", "#ffffff", "#1f2328"


def luminance(colour: str) -> float:
    hex_ = colour.lstrip("#")
    if len(hex_) == 3:
        hex_ = "".join(c * 2 for c in hex_)
    channels = [int(hex_[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG 2.x contrast ratio, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_ratio_matches_the_wcag_examples() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#2f6fd6", "#2f6fd6") == 1


Rule = tuple[str, dict[str, str]]  # one selector, its declarations


def qss_rules(qss: str) -> list[Rule]:
    qss = re.sub(r"/\*.*?\*/", "", qss, flags=re.S)
    rules: list[Rule] = []
    for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", qss):
        declarations = {}
        for part in body.split(";"):
            if ":" in part:
                name, value = part.split(":", 1)
                declarations[name.strip()] = value.strip()
        rules += [(selector.strip(), declarations) for selector in selectors.split(",")]
    return rules


def colour_of(value: str | None) -> str | None:
    found = re.search(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b", value or "")
    return found[0].lower() if found else None


def background_of(declarations: dict[str, str]) -> str | None:
    return colour_of(declarations.get("background") or declarations.get("background-color"))


def inherited(
    rules: list[Rule], selector: str, pick: Callable[[dict[str, str]], str | None]
) -> list[str]:
    """What a rule without its own colour sits on (or writes with): the nearest enclosing
    selector that sets it (`#navRail` for `#navRail QToolButton`), else the plain
    widget's rule, else the page and the white panels both."""
    compounds = selector.split()
    for end in range(len(compounds) - 1, 0, -1):
        outer = " ".join(compounds[:end])
        found = [pick(d) for s, d in rules if s == outer and pick(d)]
        if found:
            return [str(found[-1])]
    plain = re.split(r"[#:\[.]", compounds[-1])[0] if compounds else ""
    found = [pick(d) for s, d in rules if plain and s == plain and pick(d)]
    return [str(found[-1])] if found else []


def text_pairs(qss: str) -> list[tuple[str, str, str]]:
    """(selector, text colour, background) for every rule that colours text or what it sits on.

    Disabled controls are exempt (WCAG 1.4.3); a rule with a background but no text colour
    shows the inherited text colour on it; one without a background is checked on both the
    page and the white panels, unless an enclosing rule says what it sits on.
    """
    rules = qss_rules(qss)
    pairs = []
    for selector, declarations in rules:
        if ":disabled" in selector or "::chunk" in selector:
            continue
        text = colour_of(declarations.get("color"))
        background = background_of(declarations)
        if text is None and background is None:
            continue
        texts = (
            [text]
            if text
            else inherited(rules, selector, lambda d: colour_of(d.get("color"))) or [TEXT]
        )
        backgrounds = (
            [background]
            if background
            else inherited(rules, selector, background_of) or [PAGE, PANEL]
        )
        pairs += [(selector, t, b) for t in texts for b in backgrounds]
        selected = colour_of(declarations.get("selection-color"))
        behind = colour_of(declarations.get("selection-background-color"))
        if selected or behind:  # selected text in fields and lists
            pairs.append((f"{selector} selection", selected or TEXT, behind or PANEL))
    return pairs


def python_colours() -> list[tuple[str, str, str]]:
    """(where, text, background) for the colours painted in Python rather than by the theme."""
    pairs = [
        (f"stock level {level}", TEXT, bg) for level, bg in product_detail.LEVEL_COLOURS.items()
    ]
    pairs += [(f"inbox level {level}", TEXT, bg) for level, bg in inbox.LEVEL_COLOURS.items()]
    pairs += [(f"member chip {level}", fg, bg) for level, (bg, fg) in lists.CHIP_COLOURS.items()]
    pairs += [
        (f"member row {name}", fg, bg)
        for name, fg in (("text", lists.TEXT), ("secondary", lists.SECONDARY_TEXT))
        for bg in (PANEL, lists.SELECTED_BACKGROUND)
    ]
    pairs += [
        (f"size chart {name}", fg, size_chart.BACKGROUND)
        for name, fg in (
            ("title", size_chart.TITLE),
            ("values", size_chart.VALUE_TEXT),
            ("sizes", size_chart.AXIS_TEXT),
        )
    ]
    return pairs


def graphic_pairs(qss: str) -> list[tuple[str, str, str]]:
    """(what, colour, against) for the non-text things that must be seen at 3:1: focus rings
    against what they ring and what is around it, field borders, the chart's bars."""
    rules = qss_rules(qss)
    pairs = []
    for selector, declarations in rules:
        ring = colour_of(declarations.get("border") or declarations.get("border-bottom"))
        if ":focus" not in selector or ring is None:
            continue
        base = selector.replace(":focus", "")
        inside = [background_of(d) for s, d in rules if s == base and background_of(d)]
        around = inherited(rules, selector, background_of) or [PAGE, PANEL]
        pairs += [(selector, ring, str(b)) for b in [*inside[-1:], *around]]
    field = colour_of(dict(rules)["QLineEdit"]["border"])
    assert field is not None
    pairs += [("QLineEdit border", field, PAGE), ("QLineEdit border", field, PANEL)]
    pairs += [
        ("list focus ring", lists.FOCUS_RING, bg) for bg in (PANEL, lists.SELECTED_BACKGROUND)
    ]
    pairs += [
        (f"chart bar {colour}", colour, size_chart.BACKGROUND)
        for colour in (manager_screen.SOLD_COLOUR, manager_screen.HAVE_COLOUR)
    ]
    return pairs


def test_every_text_colour_has_at_least_4_5_to_1_on_its_background() -> None:
    pairs = text_pairs(resources.theme()) + python_colours()
    assert len(pairs) > 80
    ratios = sorted((contrast(fg, bg), where, fg, bg) for where, fg, bg in pairs)
    failing = [r for r in ratios if r[0] < 4.5]
    assert not failing, failing
    assert ratios[0][0] >= 4.5


def test_focus_rings_field_borders_and_chart_bars_have_at_least_3_to_1() -> None:
    pairs = graphic_pairs(resources.theme())
    assert sum(":focus" in where for where, _, _ in pairs) >= 10
    ratios = [(round(contrast(c, bg), 2), where, c, bg) for where, c, bg in pairs]
    failing = [r for r in ratios if contrast(r[2], r[3]) < 3]
    assert not failing, failing


def test_every_colour_written_in_the_ui_code_is_one_the_contrast_tests_check() -> None:
    pairs = python_colours() + graphic_pairs(resources.theme())
    checked = {c for _, fg, bg in pairs for c in (fg, bg)}
    checked |= {"#ffffff", "#d8dee6", "#eef1f5"}  # the chart's axis, the rows' dividers: no meaning
    written = {
        (path.name, colour.lower())
        for path in UI.rglob("*.py")
        for colour in re.findall(r"[\"'](#[0-9a-fA-F]{6})[\"']", path.read_text(encoding="utf-8"))
    }
    assert {c for c in written if c[1] not in checked} == set()


# -- the logged-in window, screen by screen ----------------------------------------------------

INTERACTIVE = (
    QAbstractButton,
    QAbstractScrollArea,
    QLineEdit,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QAbstractSpinBox,
    QPlainTextEdit,
    QTabBar,
)


def reachable(root: QWidget) -> list[QWidget]:
    """The controls under `root` a keyboard can reach now: shown, enabled, taking Tab (a spin
    box's or a combo box's own line edit is part of it)."""
    return [
        w
        for w in root.findChildren(QWidget)
        if isinstance(w, INTERACTIVE)
        and not isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox))
        and w.isVisibleTo(root.window())
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]


def spoken(widget: QWidget) -> str:
    """What a screen reader says for a control: its accessible name, else its words (a tab
    bar: its tabs'). A symbol alone ("−", "×") says nothing."""
    if widget.accessibleName().strip():
        return widget.accessibleName()
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    if isinstance(widget, QTabBar) and widget.count():
        texts = [widget.tabText(i) for i in range(widget.count())]
        text = " · ".join(texts) if all(any(c.isalnum() for c in t) for t in texts) else ""
    return text if any(ch.isalnum() for ch in text) else ""


def tab_walk(start: QWidget, presses: int, key: Qt.Key = Qt.Key.Key_Tab) -> list[QWidget]:
    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen = [start]
    for _ in range(presses):
        focus = QApplication.focusWidget()
        assert focus is not None
        QTest.keyClick(focus, key)
        now = QApplication.focusWidget()
        assert now is not None
        seen.append(now)
    return seen


def describe(widget: QWidget) -> str:
    return f"{type(widget).__name__}({widget.objectName() or spoken(widget)!r})"


def main_controls(window: MainWindow, key: str) -> list[QWidget]:
    """The controls of a screen a guide needs, in the order Tab should reach them."""
    screen = window.screens[key].widget
    if isinstance(screen, SellScreen):
        cart = screen.cart
        line = cart.line_buttons[0].parentWidget()
        assert line is not None
        steppers = [b for b in line.findChildren(QPushButton) if b.objectName() == "stepper"]
        return [
            screen.search,
            screen.picture_button,
            screen.results,
            cart.park_button,
            cart.detach_button,
            cart.line_buttons[0],
            *steppers,
            cart.source_buttons[0],
            cart.fit_buttons[0],
            cart.coupon,
            cart.apply_button,
            cart.pay_button,
        ]
    if isinstance(screen, MembersScreen):
        panel = screen.panel
        return [
            screen.field,
            screen.find_button,
            screen.picture_button,
            panel.detach_button,
            panel.coupons,
            panel.add_size_button,
            panel.note,
        ]
    if isinstance(screen, OrdersScreen):
        return [screen.refresh_button, screen.table]
    if isinstance(screen, StockScreen):
        return [
            screen.search,
            screen.results,
            screen.inbox_button,
            *(c.matrix for c in screen.cards),
        ]
    assert isinstance(screen, ManagerScreen)
    return [screen.period, screen.refresh_button, screen.export_button, screen.tabs.tabBar()]


def test_every_screen_names_its_controls_and_tab_visits_them_in_order_without_a_trap(
    qtbot: QtBot, open_window: OpenWindow, live_server: LiveServer
) -> None:
    window = open_window()
    fill(window, live_server)
    assert list(window.screens) == ["sell", "members", "orders", "stock", "manager"]
    for key in window.screens:
        window.show_screen(key)
        QApplication.processEvents()  # widgets added to a shown layout show on the next turn
        controls = reachable(window)  # of the rail, Qt gives one button Tab: arrows move on
        unnamed = [describe(w) for w in controls if not spoken(w)]
        assert unnamed == [], key

        wanted = main_controls(window, key)
        assert [describe(w) for w in wanted if w not in controls] == [], key
        walk = tab_walk(wanted[0], 2 * len(controls) + 4)
        order = [describe(w) for w in walk]
        assert wanted[0] in walk[1:], f"{key}: Tab does not come back round: {order}"
        walk = walk[: walk.index(wanted[0], 1) + 1]
        rail = set(window.nav.buttons())  # one stop for Tab; the arrow keys move along it
        missed = [describe(w) for w in set(controls) - rail - set(walk)]
        assert missed == [], f"{key}: {order}"
        # what Tab reached, shown by moving along (an order's buttons), is named too
        assert [describe(w) for w in walk if not spoken(w)] == [], key
        assert len(set(walk) & rail) == 1, f"{key}: {order}"
        visits = [walk.index(w) for w in wanted]
        assert visits == sorted(visits), f"{key}: {order}"
        # and back again the other way
        back = tab_walk(wanted[0], len(walk) - 1, key=Qt.Key.Key_Backtab)
        assert back == walk[::-1], f"{key}: {[describe(w) for w in back]}"


def shown_dialog(parent: QWidget) -> QDialog | None:
    """The dialog open over `parent`, active as it is on the tablet (offscreen, made so)."""
    dialogs = [d for d in parent.findChildren(QDialog) if d.isVisible()]
    if not dialogs:
        return None
    dialogs[-1].activateWindow()
    QApplication.processEvents()
    return dialogs[-1]


def back_to(qtbot: QtBot, window: MainWindow) -> None:
    """A closed dialog gives the window back its focus (offscreen, by asking)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_a_guide_sells_by_keyboard_alone_and_escape_closes_each_dialog(
    qtbot: QtBot, open_window: OpenWindow, live_server: LiveServer
) -> None:
    window = open_window()
    sell = window.screens["sell"].widget
    assert isinstance(sell, SellScreen)
    sell.search.setFocus()
    qtbot.keyClicks(sell.search, "Lychee")
    qtbot.keyClick(sell.search, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is sell.results
    qtbot.keyClick(sell.results, Qt.Key.Key_Down)
    qtbot.keyClick(sell.results, Qt.Key.Key_Return)
    detail = shown_dialog(sell)
    assert isinstance(detail, product_detail.ProductDetail)
    qtbot.waitUntil(lambda: detail.matrix.rowCount() > 0)
    assert [describe(w) for w in reachable(detail) if not spoken(w)] == []
    detail.matrix.setFocus(Qt.FocusReason.TabFocusReason)
    in_stock = [
        (r, c)
        for r in range(detail.matrix.rowCount())
        for c in range(detail.matrix.columnCount())
        if (item := detail.matrix.item(r, c)) is not None
        and item.data(product_detail.VARIANT_ROLE) is not None
    ]
    detail.matrix.setCurrentCell(*in_stock[0])
    cell = detail.matrix.item(*in_stock[0])
    assert cell is not None
    spoken_cell = cell.data(Qt.ItemDataRole.AccessibleTextRole)
    assert re.fullmatch(r".+, .+: (none in stock|\d+ in stock(, low)?)", spoken_cell)
    qtbot.keyClick(detail.matrix, Qt.Key.Key_Space)
    assert detail.add_button.isEnabled()
    qtbot.keyClick(detail.matrix, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is detail.add_button
    qtbot.keyClick(detail.add_button, Qt.Key.Key_Space)
    assert not detail.isVisible()
    qtbot.waitUntil(lambda: len(sell.cart.line_buttons) == 1)
    back_to(qtbot, window)

    sell.cart.line_buttons[0].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(sell.cart.line_buttons[0], Qt.Key.Key_Return)  # change its size: Escape
    detail = shown_dialog(sell)
    assert isinstance(detail, product_detail.ProductDetail)
    qtbot.keyClick(detail, Qt.Key.Key_Escape)
    assert not detail.isVisible()

    back_to(qtbot, window)

    # the rail: Tab reaches it, the arrow keys move along it, Space opens a screen
    rail = window.nav.buttons()
    stop = next(b for b in rail if b.focusPolicy() & Qt.FocusPolicy.TabFocus)
    stop.setFocus(Qt.FocusReason.TabFocusReason)
    for place in range(1, 4):
        qtbot.keyClick(rail[place - 1], Qt.Key.Key_Down)
        assert QApplication.focusWidget() is rail[place]
    qtbot.keyClick(rail[3], Qt.Key.Key_Space)
    assert window.current_screen_key() == "stock"

    stock = window.screens["stock"].widget
    assert isinstance(stock, StockScreen)
    stock.search.setFocus()
    qtbot.keyClicks(stock.search, "Lychee")
    qtbot.keyClick(stock.search, Qt.Key.Key_Tab)
    qtbot.keyClick(stock.results, Qt.Key.Key_Down)
    qtbot.keyClick(stock.results, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: len(stock.cards) > 1)
    other = stock.cards[1].matrix  # another store: Enter on a cell offers to reserve it
    other.setFocus(Qt.FocusReason.TabFocusReason)
    other.setCurrentCell(0, 0)
    qtbot.keyClick(other, Qt.Key.Key_Return)
    dialog = shown_dialog(stock)
    assert dialog is not None
    assert [describe(w) for w in reachable(dialog) if not spoken(w)] == []
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    back_to(qtbot, window)

    stock.inbox_button.setFocus(Qt.FocusReason.TabFocusReason)  # Enter presses a button
    qtbot.keyClick(stock.inbox_button, Qt.Key.Key_Return)
    inbox_dialog = shown_dialog(stock)
    assert isinstance(inbox_dialog, inbox.InboxDialog)
    assert [describe(w) for w in reachable(inbox_dialog) if not spoken(w)] == []
    qtbot.keyClick(inbox_dialog, Qt.Key.Key_Escape)
    assert not inbox_dialog.isVisible()


# -- text that grows with the system font ----------------------------------------------------


def test_the_theme_scales_its_text_with_the_application_font() -> None:
    base, big = QFont(), QFont()
    base.setPointSizeF(resources.BASE_POINT_SIZE)
    big.setPointSizeF(resources.BASE_POINT_SIZE * 1.5)
    small = QFont()
    small.setPointSizeF(resources.BASE_POINT_SIZE * 0.8)
    sizes = re.compile(r"font-size:\s*(\d+)px")
    drawn = [int(px) for px in sizes.findall(resources.theme(base))]
    assert drawn
    assert drawn == [int(px) for px in sizes.findall(resources.theme(small))]  # never smaller
    assert [int(px) for px in sizes.findall(resources.theme(big))] == [
        round(1.5 * px) for px in drawn
    ]
    assert "#screenTitle { font-size: 26px" in resources.theme(base)
    assert "#screenTitle { font-size: 39px" in resources.theme(big)
    assert resources.scaled(44, big) == 66
    assert resources.scaled(44, base) == 44


@pytest.fixture
def large_font(qtbot: QtBot) -> Iterator[float]:
    """The system font at 1.5 × the size the theme is drawn for, the theme following it."""
    app = application()
    resources.follow_font_changes(app)
    before = QFont(app.font())
    big = QFont(before)
    big.setPointSizeF(resources.BASE_POINT_SIZE * 1.5)
    app.setFont(big)
    assert "#screenTitle { font-size: 39px" in app.styleSheet()  # re-themed as the font changed
    yield 1.5  # (set up before the window, so undone after it is gone: restyling it is slow)
    app.setFont(before)
    assert app.styleSheet() == resources.theme()


def screenshot(window: QWidget, name: str) -> None:
    """Kept for a look when SHOPGUIDE_SCREENSHOTS names a folder (scripts/screenshots.py)."""
    folder = os.environ.get("SHOPGUIDE_SCREENSHOTS")
    if folder:
        window.grab().save(str(Path(folder) / name))


def clipped(widget: QWidget) -> str:
    """Why `widget`'s text does not fit it, or '' when it does: not cut off at the side by
    what it is in, as wide as its size hint asks (a wrapped label: as high as its width
    needs), and as high as its lines of text. Buttons that end long text in "…" by design
    fit; a scroll area may hide the rows above and below."""
    text = widget.text() if isinstance(widget, (QLabel, QAbstractButton)) else ""
    if not text or isinstance(widget, ElidedButton) or widget.objectName() in ELIDED_BY_DESIGN:
        return ""
    shown = widget.visibleRegion().boundingRect()
    if not shown.isEmpty() and shown.width() < widget.width() - 1:  # cut off at the side
        return f"shows {shown.width()} of its {widget.width()} px wide"
    if isinstance(widget, QLabel) and widget.wordWrap():
        need = widget.heightForWidth(widget.width())
        return f"needs {need} px high, has {widget.height()}" if need > widget.height() + 1 else ""
    lines = widget.fontMetrics().height() * (text.count("\n") + 1)
    wide = widget.sizeHint().width()
    if wide > widget.width() + 1 or lines > widget.height():
        return f"needs {wide}×{lines}, has {widget.width()}×{widget.height()}"
    return ""


# The top bar's "guide · store" gives way to the controls beside it (main_window.py), and
# the sync state's words end in "…" there (its tooltip and accessible name keep them whole).
ELIDED_BY_DESIGN = {"whoLabel", "syncIndicator"}


def test_at_one_and_a_half_times_the_font_every_screen_still_fits_its_text_at_1280x800(
    qtbot: QtBot, large_font: float, open_window: OpenWindow, live_server: LiveServer
) -> None:
    window = open_window()
    fill(window, live_server)
    window.resize(1280, 800)
    problems = []
    for key in window.screens:
        window.show_screen(key)
        QApplication.processEvents()
        screenshot(window, f"large-text-{key}.png")
        for widget in window.findChildren(QWidget):
            if widget.isVisibleTo(window) and (why := clipped(widget)):
                problems.append(f"{key}: {describe(widget)} {widget.text()[:30]!r} {why}")  # type: ignore[attr-defined]
    assert problems == [], "\n".join(problems)


def test_the_login_the_members_code_and_the_ship_to_dialogs_name_every_control_and_close_on_escape(
    qtbot: QtBot,
) -> None:
    application()
    dialogs: list[QDialog] = [
        LoginDialog(lambda *_: None, server_url="https://shop.example", username="sz01.guide1"),
        MemberProofDialog(coupon_code="WELCOME50", redeem=lambda _code: None),
        ShipToDialog("Nanfeng MixC Luohu"),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        assert [describe(w) for w in reachable(dialog) if not spoken(w)] == [], dialog
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible(), dialog


def test_ctrl_and_a_number_opens_that_screen_of_the_rail_with_focus_in_it(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    window = open_window()
    for place, key in enumerate(window.screens, start=1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + place), Qt.KeyboardModifier.ControlModifier)
        assert window.current_screen_key() == key
        focused = QApplication.focusWidget()
        assert focused is not None
        assert window.screens[key].widget.isAncestorOf(focused), f"{key}: focus on {focused}"
