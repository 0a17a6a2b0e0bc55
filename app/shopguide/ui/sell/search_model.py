"""Search results as a lazy list over variant ids.

Each query and each further page is read on a worker thread (ids and their
rows together), so typing never waits on the disk and a 200,000-variant
catalog scrolls by fetching only the pages the guide reaches. A result that
arrives for a query the guide has already typed past is dropped.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from shopguide.client.catalog import VariantRow
from shopguide.ui.formatting import money
from shopguide.ui.tasks import run_task

PAGE = 100
COUNT_CAP = 1000
VARIANT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

ModelIndex = QModelIndex | QPersistentModelIndex


class Reader(Protocol):
    def search(self, text: str, *, limit: int, offset: int = 0) -> list[int]: ...
    def count(self, text: str, *, cap: int = 1000) -> int: ...
    def variant_rows(self, variant_ids: list[int]) -> dict[int, VariantRow]: ...


def tr(text: str) -> str:
    return QCoreApplication.translate("SearchResults", text)


class SearchResultsModel(QAbstractListModel):
    results_changed = Signal(int)  # how many match (capped at COUNT_CAP)

    def __init__(self, reader: Reader) -> None:
        super().__init__()
        self._reader = reader
        self._text = ""
        self._generation = 0
        self._ids: list[int] = []
        self._rows: dict[int, VariantRow] = {}
        self._total = 0
        self._fetching = False
        self._more = False

    @property
    def query(self) -> str:
        return self._text

    @property
    def total(self) -> int:
        return self._total

    def set_query(self, text: str) -> None:
        self._text = text
        self._generation += 1
        generation = self._generation
        reader = self._reader

        def work() -> tuple[list[int], dict[int, VariantRow], int]:
            ids = reader.search(text, limit=PAGE)
            return ids, reader.variant_rows(ids), reader.count(text, cap=COUNT_CAP)

        run_task(work, lambda found: self._replace(generation, *found), self._failed)

    def _replace(
        self, generation: int, ids: list[int], rows: dict[int, VariantRow], total: int
    ) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._ids, self._rows, self._total = ids, rows, total
        self._fetching = False
        self._more = len(ids) == PAGE
        self.endResetModel()
        self.results_changed.emit(total)

    def _failed(self, _error: Exception) -> None:
        self._fetching = False

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._ids)

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and self._more and not self._fetching

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: N802, B008
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        generation, text, offset, reader = (
            self._generation,
            self._text,
            len(self._ids),
            self._reader,
        )

        def work() -> tuple[list[int], dict[int, VariantRow]]:
            ids = reader.search(text, limit=PAGE, offset=offset)
            return ids, reader.variant_rows(ids)

        run_task(work, lambda found: self._append(generation, offset, *found), self._failed)

    def _append(
        self, generation: int, offset: int, ids: list[int], rows: dict[int, VariantRow]
    ) -> None:
        if generation != self._generation or offset != len(self._ids):
            return
        if ids:
            self.beginInsertRows(QModelIndex(), len(self._ids), len(self._ids) + len(ids) - 1)
            self._ids.extend(ids)
            self._rows.update(rows)
            self.endInsertRows()
        self._fetching = False
        self._more = len(ids) == PAGE

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        variant_id = self._ids[index.row()]
        row = self._rows.get(variant_id)
        if role == VARIANT_ID_ROLE:
            return variant_id
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.name} · {row.colour} · {row.size}\n{row.sku} · {money(row.list_price)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.name}, {row.colour}, {tr('size')} {row.size}, {money(row.list_price)}"
        if role == ROW_ROLE:
            return row
        return None
