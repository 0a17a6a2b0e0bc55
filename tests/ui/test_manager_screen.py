"""The Manager screen against the live seeded server (eight weeks of sales): restock suggestions
with explanations a manager reads, a CSV export, and no Manager screen for a guide."""

from __future__ import annotations

import csv
import os
from pathlib import Path

from PySide6.QtWidgets import QApplication

from shopguide.ui.manager.manager_screen import ManagerScreen
from tests.support.live import LiveServer
from tests.ui.conftest import OpenWindow


def test_restock_suggestions_read_as_sentences_and_export_as_csv(
    live_server: LiveServer, open_window: OpenWindow, tmp_path: Path
) -> None:
    window = open_window("sz01.manager")
    window.show_screen("manager")
    manager = window.screens["manager"].widget
    assert isinstance(manager, ManagerScreen)

    assert manager.restock_styles, manager.status.text()
    first = manager.restock_styles[0]
    assert manager.sizes_model.rowCount() == len(first.sizes)
    why = [manager.sizes_model.index(r, 4).data() for r in range(manager.sizes_model.rowCount())]
    assert any(text.startswith("sold ") and "suggest " in text for text in why), why
    assert all(text.startswith(("sold ", "no sales ")) for text in why)
    assert why == [size.text for size in first.sizes]  # the tablet says what the server says
    assert manager.chart.sizes == [size.size for size in first.sizes]
    assert manager.guides_model.rowCount() >= 1
    folder = os.environ.get("SHOPGUIDE_SCREENSHOTS")
    if folder:
        QApplication.processEvents()
        window.grab().save(str(Path(folder) / "manager.png"))

    target = tmp_path / "restock.csv"
    asked: list[str] = []

    def choose(_parent: object, suggested: str) -> Path:
        asked.append(suggested)
        return target

    manager._choose_path = choose
    manager.export_current()
    with target.open(newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert asked == ["restock.csv"]
    assert rows[0][:3] == ["style_code", "style_name", "size"]
    assert rows[1][0] == first.style_code
    assert "Saved" in manager.status.text()

    manager.tabs.setCurrentIndex(3)  # Guides, this month
    guides = tmp_path / "guides.csv"
    manager._choose_path = lambda _parent, _suggested: guides
    manager.export_current()
    header = guides.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("guide_id,name,role,orders,units,sales,commission")


def test_a_guide_has_no_manager_screen(live_server: LiveServer, open_window: OpenWindow) -> None:
    window = open_window("sz01.guide1")
    assert "manager" not in window.screens
    assert "stock" in window.screens
    assert list(window.screens) == ["sell", "members", "orders", "stock"]
