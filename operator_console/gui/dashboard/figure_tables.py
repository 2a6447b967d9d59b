"""The dashboard's tables (backlog by unit and by ward, cases past deadline, operators, a drill-down's
cases): one model of rows and declared columns.

A refresh every few seconds must cost the GUI thread well under a frame and must not move the
supervisor's place: the model sorts its rows itself (a Python sort of a few hundred rows, instead of
a proxy calling back into Python for every comparison), and an update keeps each row's identity
(``key``): the selected row, the current cell and the scroll position stay on the same unit while
its figures change. Columns are sized to their contents once, when the first rows arrive.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from operator_console.gui.dashboard.breaches import TONE_COLOURS

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
_BRUSHES = {shade: QBrush(QColor(TONE_COLOURS[shade])) for shade in ("warn", "breach")}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Column(Generic[R]):
    title: Any
    """English source text marked with QT_TRANSLATE_NOOP in the "figures" context."""
    text: Callable[[R], str]
    sort: Callable[[R], Any]
    """A key that never is None: rows are sorted by it (numbers as numbers)."""
    number: bool = False
    tone: Callable[[R], str] | None = None
    export: Callable[[R], Any] | None = None
    """The value written to a report; default: the sort key of a number column, else the text."""
    export_title: Any = None
    """The report's heading when its value needs a unit the screen's text carried ("hours")."""

    @property
    def label(self) -> str:
        return QCoreApplication.translate("figures", str(self.title))

    @property
    def export_label(self) -> str:
        return QCoreApplication.translate("figures", str(self.export_title or self.title))

    def exported(self, row: R) -> Any:
        if self.export is not None:
            return self.export(row)
        return self.sort(row) if self.number else self.text(row)


class RowsModel(QAbstractTableModel, Generic[R]):
    def __init__(
        self, columns: Sequence[Column[R]], key: Callable[[R], Hashable], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[R] = []
        self._key = key
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None
        self.sized = False

    def show(self, rows: Sequence[R]) -> None:
        """New figures for the rows: in place when the same rows come back, else a layout change
        that keeps every persistent index (selection, current cell) on its row's key."""
        fresh = self._in_order(list(rows))
        if [self._key(r) for r in fresh] == [self._key(r) for r in self.rows]:
            self.rows = fresh
            if fresh:
                self.dataChanged.emit(self.index(0, 0), self.index(len(fresh) - 1, len(self.columns) - 1))
            return
        self.layoutAboutToBeChanged.emit()
        old_keys = [self._key(r) for r in self.rows]
        persistent = self.persistentIndexList()
        self.rows = fresh
        where = {self._key(r): i for i, r in enumerate(fresh)}
        moved = []
        for index in persistent:
            row = where.get(old_keys[index.row()]) if 0 <= index.row() < len(old_keys) else None
            moved.append(QModelIndex() if row is None else self.index(row, index.column()))
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sorted_by = (column, order)
        self.show(list(self.rows))

    def _in_order(self, rows: list[R]) -> list[R]:
        if self._sorted_by is None or not 0 <= self._sorted_by[0] < len(self.columns):
            return rows
        column, order = self._sorted_by
        return sorted(rows, key=self.columns[column].sort, reverse=order == Qt.SortOrder.DescendingOrder)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[index.column()].text(self.rows[index.row()])
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and column.number:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column.tone is not None:
            return _BRUSHES.get(column.tone(self.rows[index.row()]))
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].label
        return None

    def row_at(self, index: QModelIndex) -> R:
        return self.rows[index.row()]


def table_for(model: RowsModel[Any], name: str, parent: QWidget | None = None) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)

    model.layoutChanged.connect(lambda: size_columns(view))
    return view


def size_columns(view: QTableView) -> None:
    """Columns to their contents once, when the table first has rows and is on screen (a table in
    a tab not shown waits for its tab). ResizeToContents would measure every cell at every refresh:
    most of a frame at 170 rows."""
    model = view.model()
    if isinstance(model, RowsModel) and not model.sized and model.rows and view.isVisible():
        model.sized = True
        view.resizeColumnsToContents()
