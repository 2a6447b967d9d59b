"""The worklist as a table: the deadline first (what is late shows red), then what to know at a glance."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from operator_console.domain.case import Priority, label
from operator_console.domain.interchange import HCMC_TIME
from operator_console.domain.messages import Language
from operator_console.domain.taxonomy import Taxonomy
from operator_console.domain.text import fold
from operator_console.domain.units import unit_name
from operator_console.store.worklist import WorkItem

Index = QModelIndex | QPersistentModelIndex
LATE = QColor("#b00020")
URGENT = QColor("#8a4b00")


class WorklistModel(QAbstractTableModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("WorklistModel", "Deadline"),
        QT_TRANSLATE_NOOP("WorklistModel", "Priority"),
        QT_TRANSLATE_NOOP("WorklistModel", "Case"),
        QT_TRANSLATE_NOOP("WorklistModel", "Status"),
        QT_TRANSLATE_NOOP("WorklistModel", "Person in need"),
        QT_TRANSLATE_NOOP("WorklistModel", "Address"),
        QT_TRANSLATE_NOOP("WorklistModel", "What the caller said"),
        QT_TRANSLATE_NOOP("WorklistModel", "Calls"),
    )

    def __init__(self, taxonomy: Taxonomy, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._taxonomy, self._language = taxonomy, language
        self._all: list[WorkItem] = []
        self._rows: list[WorkItem] = []
        self._words = ""
        self.now = datetime.now(UTC)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(str(self.HEADERS[section]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 0 and item.deadline <= self.now:
                return QBrush(LATE)
            if column == 1 and item.priority is not Priority.NORMAL:
                return QBrush(LATE if item.priority is Priority.CRITICAL else URGENT)
            if column == 3 and item.refused:
                return QBrush(LATE)
        return None

    def _cell(self, item: WorkItem, column: int) -> str:
        if column == 0:
            return self._deadline(item)
        if column == 1:
            return label(item.priority, self._language)
        if column == 2:
            return item.number or self.tr("(not on the server yet)")
        if column == 3:
            status = label(item.status, self._language)
            if item.refused:
                return self.tr("%1 · refused: open it").replace("%1", status)
            return self.tr("%1 · waiting to send").replace("%1", status) if item.waiting else status
        if column == 4:
            return item.person
        if column == 5:
            return " – ".join(p for p in (item.address, item.ward) if p)
        if column == 6:
            category = self._taxonomy.get(item.category)
            what = category.label(self._language) if category is not None else item.category
            return f"{what}: {' '.join(item.description.split())}" if item.description else what
        return str(item.repeat_count + 1)

    def _tooltip(self, item: WorkItem, column: int) -> str:
        if column == 3 and item.refused:
            return item.refused
        if column == 0:
            return (
                self.tr("Received %1; deadline %2")
                .replace("%1", _local(item.received_at))
                .replace("%2", _local(item.deadline))
            )
        if column == 2:
            return self.tr("At %1").replace("%1", unit_name(item.handling_unit))
        return self._cell(item, column)

    def _deadline(self, item: WorkItem) -> str:
        minutes = int((item.deadline - self.now).total_seconds() // 60)
        span = self._span(abs(minutes))
        return (
            self.tr("%1 late").replace("%1", span) if minutes < 0 else self.tr("%1 left").replace("%1", span)
        )

    def _span(self, minutes: int) -> str:
        if minutes < 60:
            return self.tr("%1 min").replace("%1", str(minutes))
        if minutes < 48 * 60:
            return self.tr("%1 h %2").replace("%1", str(minutes // 60)).replace("%2", f"{minutes % 60:02d}")
        return self.tr("%1 days").replace("%1", str(minutes // (24 * 60)))

    # ours -----------------------------------------------------------------------------------------
    def set_items(self, items: list[WorkItem], now: datetime) -> None:
        self.beginResetModel()
        self._all, self.now = items, now
        self._rows = self._matching()
        self.endResetModel()

    def filter(self, words: str) -> None:
        """Only the items whose number, name, address or words hold the folded words."""
        self.beginResetModel()
        self._words = fold(words).strip()
        self._rows = self._matching()
        self.endResetModel()

    def _matching(self) -> list[WorkItem]:
        if not self._words:
            return list(self._all)
        wanted = self._words.split()
        return [
            i
            for i in self._all
            if all(
                w in fold(" ".join((i.number, i.person, i.address, i.ward, i.description, i.caller_phone)))
                for w in wanted
            )
        ]

    def item(self, row: int) -> WorkItem:
        return self._rows[row]

    def items(self) -> list[WorkItem]:
        return list(self._rows)

    def row_of(self, case_id: str) -> int | None:
        return next((n for n, i in enumerate(self._rows) if i.case_id == case_id), None)

    @property
    def total(self) -> int:
        return len(self._all)


def _local(moment: datetime) -> str:
    return f"{moment.astimezone(HCMC_TIME):%d/%m %H:%M}"
