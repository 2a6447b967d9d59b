"""The dashboard's tables (backlog by unit and by ward, cases past deadline, operators): one model
of rows and declared columns, sorted by a proxy on each column's own key (numbers as numbers)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from operator_console.gui.breaches import TONE_COLOURS

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column(Generic[R]):
    title: Any
    """English source text marked with QT_TRANSLATE_NOOP in the "figures" context."""
    text: Callable[[R], str]
    sort: Callable[[R], Any]
    number: bool = False
    tone: Callable[[R], str] | None = None
    export: Callable[[R], Any] | None = None
    """The value written to a report; default: the sort key of a number column, else the text."""

    def exported(self, row: R) -> Any:
        if self.export is not None:
            return self.export(row)
        return self.sort(row) if self.number else self.text(row)

    @property
    def label(self) -> str:
        return QCoreApplication.translate("figures", str(self.title))


class RowsModel(QAbstractTableModel, Generic[R]):
    def __init__(self, columns: Sequence[Column[R]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[R] = []

    def show(self, rows: Sequence[R]) -> None:
        # A reset, not a diff: a few hundred rows at most (the units, the wards), done in well
        # under a frame, and the proxy keeps the supervisor's sort column.
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SORT_ROLE:
            return column.sort(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.number:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column.tone is not None:
            shade = column.tone(row)
            return QBrush(QColor(TONE_COLOURS[shade])) if shade in ("warn", "breach") else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].label
        return None

    def row_at(self, index: QModelIndex) -> R:
        return self.rows[index.row()]


class Sorted(QSortFilterProxyModel):
    def __init__(self, source: RowsModel[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        # None (no ward, no time) sorts first ascending; never compared with a value.
        if a is None or b is None:
            return a is None and b is not None
        return bool(a < b)


def table_for(model: RowsModel[Any], name: str, parent: QWidget | None = None) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    proxy = Sorted(model, view)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view


def source_row(view: QTableView, index: QModelIndex) -> Any:
    proxy = view.model()
    assert isinstance(proxy, Sorted)
    source = proxy.sourceModel()
    assert isinstance(source, RowsModel)
    return source.row_at(proxy.mapToSource(index))
