"""The Manager screen: what to reorder and why, what is running out, what customers asked for
and did not find, and each guide's sales and commission.

Four tabs over the server's reports (they are the whole store's figures, so
they need the network; offline the screen says so). Restock lists styles,
most to order first; choosing one shows its sizes, each with the
explanation a manager can check by hand, said in the manager's language
from the server's message keys, and a chart of sales beside stock by size.
Every tab exports the server's CSV to a file the manager picks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from shopguide.client.api import OfflineError
from shopguide.client.manager import (
    GuideRow,
    LostDemandRow,
    LowStockRow,
    ManagerReports,
    Period,
    Report,
    RestockReason,
    RestockStyle,
)
from shopguide.ui.formatting import money
from shopguide.ui.keyboard import enter_clicks_buttons
from shopguide.ui.manager.size_chart import Series, SizeChart
from shopguide.ui.tasks import run_task

ModelIndex = QModelIndex | QPersistentModelIndex
ROW_HEIGHT = 48
SOLD_COLOUR, HAVE_COLOUR = "#2f6fd6", "#4c8a5e"  # bars: 3:1 and more on white
THIS_MONTH, LAST_4_WEEKS, CUSTOM = range(3)


def tr(text: str) -> str:
    return QCoreApplication.translate("ManagerScreen", text)


def period_words(days: int) -> str:
    """28 -> "4 weeks": how a manager says a period (as core.restock, translated)."""
    if days % 7 == 0:
        weeks = days // 7
        return tr("1 week") if weeks == 1 else tr("{0} weeks").format(weeks)
    return tr("1 day") if days == 1 else tr("{0} days").format(days)


def reason_text(reason: RestockReason) -> str:
    """One part of an explanation from its message key and numbers."""
    p = reason.params
    units, size = p.get("units", 0), p.get("size", "")
    period = period_words(int(p["days"])) if "days" in p else ""
    template = {
        "sold": tr("sold {units} in {size} in {period}"),
        "no_sales": tr("no sales in {size} in {period}"),
        "lost": tr("{units} more wanted but none here"),
        "have": tr("have {units}"),
        "on_the_way": tr("{units} on the way"),
        "suggest": tr("suggest {units}"),
        "enough": tr("enough for {period}"),
    }.get(reason.kind)
    if template is None:
        return ""
    return template.format(units=units, size=size, period=period)


def explanation(reasons: Sequence[RestockReason]) -> str:
    return tr(", ").join(text for text in map(reason_text, reasons) if text)


def save_path(parent: QWidget, suggested: str) -> Path | None:
    """Ask where to save a CSV; None when the manager cancels."""
    chosen, _ = QFileDialog.getSaveFileName(
        parent, tr("Export CSV"), str(Path.home() / suggested), tr("CSV files (*.csv)")
    )
    return Path(chosen) if chosen else None


class RowsModel(QAbstractTableModel):
    """A read-only table of report rows; `cells(row)` gives each column's text."""

    def __init__(self, headers: Sequence[str], cells: Callable[[Any], Sequence[object]]) -> None:
        super().__init__()
        self._headers = list(headers)
        self._cells = cells
        self.rows: list[Any] = []
        self.numeric: set[int] = set()

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(  # noqa: N802 (Qt's name)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return str(self._cells(self.rows[index.row()])[index.column()])
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.numeric:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None


def report_table(model: RowsModel, name: str, stretch: int) -> QTableView:
    view = QTableView()
    view.setObjectName("ordersTable")
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # arrow keys move along the rows; Tab moves on
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class ManagerScreen(QWidget):
    def __init__(
        self,
        reports: ManagerReports,
        *,
        choose_path: Callable[[QWidget, str], Path | None] = save_path,
    ) -> None:
        """`choose_path(parent, suggested_name)` picks the CSV's file (a dialog; tests swap it)."""
        super().__init__()
        enter_clicks_buttons(self)
        self.reports = reports
        self._choose_path = choose_path
        self._loaded = False
        self.restock_styles: list[RestockStyle] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.status = QLabel()
        self.status.setObjectName("asOf")
        self.status.setWordWrap(True)
        top.addWidget(self.status, 1)
        self.period = QComboBox()
        # Focus on the screen (a rail shortcut) lands on its first control, then Tab on.
        self.setFocusProxy(self.period)
        self.period.addItems([tr("This month"), tr("Last 4 weeks"), tr("Custom")])
        self.period.setAccessibleName(tr("Period for lost demand and guides"))
        self.period.setMinimumHeight(44)
        self.period.currentIndexChanged.connect(self._period_changed)
        top.addWidget(self.period)
        today = QDate.currentDate()
        self.first_day = QDateEdit(today.addDays(1 - today.day()))
        self.last_day = QDateEdit(today)
        self.first_day.setAccessibleName(tr("First day"))
        self.last_day.setAccessibleName(tr("Last day"))
        for edit in (self.first_day, self.last_day):
            edit.setCalendarPopup(True)
            edit.setMinimumHeight(44)
            edit.hide()  # shown for a custom period only
            top.addWidget(edit)
        self.refresh_button = QPushButton(tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        top.addWidget(self.refresh_button)
        self.export_button = QPushButton(tr("Export CSV"))
        self.export_button.setObjectName("primary")
        self.export_button.clicked.connect(self.export_current)
        top.addWidget(self.export_button)
        layout.addLayout(top)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("managerTabs")
        layout.addWidget(self.tabs, 1)
        self._build_restock()
        self.low_model = RowsModel(
            [tr("Style"), tr("Colour"), tr("Size"), tr("On hand"), tr("Held"), tr("Available"),
             tr("Sold, 4 weeks")],
            lambda r: (f"{r.style_name} · {r.style_code}", r.colour, r.size, r.on_hand, r.held,
                       r.available, r.sold),
        )  # fmt: skip
        self.low_model.numeric = {3, 4, 5, 6}
        self.tabs.addTab(report_table(self.low_model, tr("Low stock"), 0), tr("Low stock"))
        self.lost_model = RowsModel(
            [tr("Style"), tr("Size"), tr("Times"), tr("Tapped"), tr("Reserved elsewhere"),
             tr("Transfer asked"), tr("Last")],
            lambda r: (f"{r.style_name} · {r.style_code}", r.size, r.count, r.manual,
                       r.reservation, r.transfer, r.last_at.astimezone().strftime("%m-%d %H:%M")),
        )  # fmt: skip
        self.lost_model.numeric = {2, 3, 4, 5}
        self.tabs.addTab(report_table(self.lost_model, tr("Lost demand"), 0), tr("Lost demand"))
        self.guides_model = RowsModel(
            [tr("Guide"), tr("Orders"), tr("Units"), tr("Sales"), tr("Commission")],
            lambda g: (g.name, g.orders, g.units, money(g.sales), money(g.commission)),
        )
        self.guides_model.numeric = {1, 2, 3, 4}
        self.tabs.addTab(report_table(self.guides_model, tr("Guides"), 0), tr("Guides"))

    def _build_restock(self) -> None:
        page = QSplitter(Qt.Orientation.Horizontal)
        self.styles_model = RowsModel(
            [tr("Style"), tr("Order")], lambda s: (f"{s.style_name} · {s.style_code}", s.suggest)
        )
        self.styles_model.numeric = {1}
        self.styles_view = report_table(self.styles_model, tr("Styles to restock"), 0)
        self.styles_view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.show_restock_style(current.row())
        )
        page.addWidget(self.styles_view)
        detail = QWidget()
        column = QVBoxLayout(detail)
        column.setContentsMargins(8, 0, 0, 0)
        self.style_title = QLabel()
        self.style_title.setObjectName("panelTitle")
        self.style_title.setTextFormat(Qt.TextFormat.PlainText)  # names are data, never markup
        self.style_title.setWordWrap(True)  # wraps, rather than squeeze the list of styles
        column.addWidget(self.style_title)
        self.sizes_model = RowsModel(
            [tr("Size"), tr("Sold"), tr("Have"), tr("Order"), tr("Why")],
            lambda s: (s.size, s.sold, s.have, s.suggest, explanation(s.reasons)),
        )
        self.sizes_model.numeric = {1, 2, 3}
        self.sizes_view = report_table(self.sizes_model, tr("Sizes to restock"), 4)
        self.sizes_view.setWordWrap(True)  # the explanation is the point: show it whole
        self.sizes_view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT + 12)
        column.addWidget(self.sizes_view, 3)
        self.chart = SizeChart()
        column.addWidget(self.chart, 2)
        page.addWidget(detail)
        page.setSizes([340, 760])
        self.tabs.addTab(page, tr("Restock"))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if not self._loaded:
            self.refresh()

    # -- periods ------------------------------------------------------------------------

    def _period_changed(self, choice: int) -> None:
        custom = choice == CUSTOM
        for edit in (self.first_day, self.last_day):
            edit.setVisible(custom)
        if not custom:
            self.refresh()

    def chosen_period(self, today: date | None = None) -> Period:
        today = today or date.today()
        choice = self.period.currentIndex()
        if choice == THIS_MONTH:
            return Period(today.replace(day=1), today)
        if choice == LAST_4_WEEKS:
            return Period(today - timedelta(days=27), today)
        first, last = self.first_day.date().toPython(), self.last_day.date().toPython()
        assert isinstance(first, date)
        assert isinstance(last, date)
        return Period(min(first, last), max(first, last))

    # -- loading --------------------------------------------------------------------------

    def refresh(self) -> None:
        self._loaded = True
        self.status.setText(tr("Reading the store's figures…"))
        period = self.chosen_period()
        reports = self.reports

        def work() -> tuple[
            list[RestockStyle], list[LowStockRow], list[LostDemandRow], list[GuideRow]
        ]:
            return (
                reports.restock(),
                reports.low_stock(),
                reports.lost_demand(period),
                reports.guides(period),
            )

        run_task(work, lambda loaded: self._show(period, *loaded), self._failed)

    def _show(
        self,
        period: Period,
        restock: list[RestockStyle],
        low: list[LowStockRow],
        lost: list[LostDemandRow],
        guides: list[GuideRow],
    ) -> None:
        self.restock_styles = restock
        self.styles_model.set_rows(restock)
        self.low_model.set_rows(low)
        self.lost_model.set_rows(lost)
        self.guides_model.set_rows(guides)
        self.status.setText(
            tr("Restock from the last 4 weeks' sales and lost demand, for 4 weeks of cover. "
               "Lost demand and guides: {0} to {1}.").format(period.first, period.last)
        )  # fmt: skip
        if restock:
            self.styles_view.selectRow(0)
        else:
            self.show_restock_style(-1)

    def _failed(self, error: Exception) -> None:
        if isinstance(error, OfflineError):
            self.status.setText(tr("The store's figures need the network: try again when online."))
        else:
            self.status.setText(tr("The figures could not be read: {0}").format(error))

    def show_restock_style(self, row: int) -> None:
        if not 0 <= row < len(self.restock_styles):
            self.style_title.setText(tr("Nothing to reorder: every size has enough."))
            self.sizes_model.set_rows([])
            self.chart.set_data("", [], [])
            return
        style = self.restock_styles[row]
        self.style_title.setText(
            tr("{0} · order {1}").format(f"{style.style_name} · {style.style_code}", style.suggest)
        )
        self.sizes_model.set_rows(style.sizes)
        self.chart.set_data(
            tr("Sales and stock by size"),
            [s.size for s in style.sizes],
            [
                Series(tr("Sold, 4 weeks"), SOLD_COLOUR, [s.sold for s in style.sizes]),
                Series(tr("Have"), HAVE_COLOUR, [s.have for s in style.sizes]),
            ],
        )

    # -- exporting --------------------------------------------------------------------------

    def current_report(self) -> Report:
        return (Report.RESTOCK, Report.LOW_STOCK, Report.LOST_DEMAND, Report.GUIDES)[
            self.tabs.currentIndex()
        ]

    def export_current(self) -> None:
        report = self.current_report()
        period = self.chosen_period() if report in (Report.LOST_DEMAND, Report.GUIDES) else None
        suffix = f"-{period.first:%Y%m%d}-{period.last:%Y%m%d}" if period else ""
        path = self._choose_path(self, f"{report.value}{suffix}.csv")
        if path is None:
            return
        run_task(
            lambda: self.reports.export_csv(report, path, period),
            lambda saved: self.status.setText(tr("Saved {0}").format(saved)),
            self._failed,
        )
