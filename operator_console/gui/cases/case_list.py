"""The list of recent cases: a table model that fetches a page at a time from the store, off the GUI thread.

With a million cases in the store the view never loads them all: Qt asks ``fetchMore`` as the
operator scrolls, and each page arrives from the database worker.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from operator_console.domain.case import label
from operator_console.domain.interchange import HCMC_TIME
from operator_console.domain.text import fold_words, starts_a_word
from operator_console.gui.shell.context import ConsoleContext
from operator_console.store.case_store import MAX_FILTER_WORDS, CaseFilter, CaseSummary

PAGE = 200
log = logging.getLogger(__name__)
Index = QModelIndex | QPersistentModelIndex


class CaseListModel(QAbstractTableModel):
    load_failed = Signal(str)

    # Status and priority come early: "has anyone come yet?" must be seen without scrolling.
    HEADERS = (
        QT_TRANSLATE_NOOP("CaseListModel", "Received"),
        QT_TRANSLATE_NOOP("CaseListModel", "Case"),
        QT_TRANSLATE_NOOP("CaseListModel", "Status"),
        QT_TRANSLATE_NOOP("CaseListModel", "Priority"),
        QT_TRANSLATE_NOOP("CaseListModel", "Repeat calls"),
        QT_TRANSLATE_NOOP("CaseListModel", "Name"),
        QT_TRANSLATE_NOOP("CaseListModel", "Phone"),
        QT_TRANSLATE_NOOP("CaseListModel", "Ward/commune"),
        QT_TRANSLATE_NOOP("CaseListModel", "Category"),
        QT_TRANSLATE_NOOP("CaseListModel", "Matched on"),
    )
    MATCHED_PARTS = (
        QT_TRANSLATE_NOOP("CaseListModel", "Person in need"),
        QT_TRANSLATE_NOOP("CaseListModel", "Caller"),
        QT_TRANSLATE_NOOP("CaseListModel", "Address"),
    )

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None, page: int = PAGE) -> None:
        super().__init__(parent)
        self._page = page
        self._store, self._runner = context.store, context.runner
        self._gazetteer, self._taxonomy, self._language = (
            context.gazetteer,
            context.taxonomy,
            context.language,
        )
        self._rows: list[CaseSummary] = []
        self._filter = CaseFilter()
        self._words: list[str] = []  # the search's words, folded
        self._exhausted = False
        self._loading = False
        self._generation = 0
        self._on_loaded: list[Callable[[], None]] = []

    # Qt's model interface ---------------------------------------------------------------------------
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
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._rows[index.row()]
        text = self._cell(row, index.column())
        if role == Qt.ItemDataRole.DisplayRole and index.column() == WARD_COLUMN:
            # "P. Chánh Hưng": the kind of unit is the least of a ward's name in a narrow list
            # (the tooltip has it whole).
            for kind, short in (("Phường ", "P. "), ("Xã ", "X. ")):
                if text.startswith(kind):
                    return short + text[len(kind) :]
        return text

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._loading or self._exhausted:
            return
        self._loading = True
        generation, offset, filters = self._generation, len(self._rows), self._filter
        self._runner.run_db(
            lambda: self._store.list_cases(filters, limit=self._page, offset=offset),
            lambda rows: self._append(generation, rows),
            lambda error: self._failed(generation, error),
        )

    # ours -------------------------------------------------------------------------------------------
    def reload(self, filters: CaseFilter | None = None) -> None:
        """Start again from the newest case (after a save, or a new filter)."""
        self.beginResetModel()
        self._generation += 1
        self._filter = filters or self._filter
        self._words = fold_words(self._filter.text)[:MAX_FILTER_WORDS]
        self._rows = []
        self._exhausted = False
        self._loading = False
        self.endResetModel()
        self.fetchMore()

    @property
    def loading(self) -> bool:
        """Whether a page is being read (the list is not yet what its filter says)."""
        return self._loading

    @property
    def searching(self) -> bool:
        """Whether the list is a search's hits (the *Matched on* column says why each is there)."""
        return bool(self._words)

    def case_at(self, row: int) -> CaseSummary:
        return self._rows[row]

    def when_loaded(self, callback: Callable[[], None]) -> None:
        self._on_loaded.append(callback)

    def _append(self, generation: int, rows: list[CaseSummary]) -> None:
        if generation != self._generation:
            return  # a page for a list that has been reloaded since
        self._loading = False
        self._exhausted = len(rows) < self._page
        if rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        for callback in self._on_loaded:
            callback()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._loading = False
            log.error("the case list could not be read: %s", type(error).__name__, exc_info=error)
            self.load_failed.emit(type(error).__name__)

    def _cell(self, row: CaseSummary, column: int) -> str:
        if column == 0:
            # One clock for the whole list, the desk's (Ho Chi Minh City), whatever the workstation's
            # zone and whichever desk or channel took the case; today's cases by their time alone.
            local = row.received_at.astimezone(HCMC_TIME)
            today = datetime.now(HCMC_TIME).date() == local.date()
            return local.strftime("%H:%M" if today else "%d/%m %H:%M")
        if column == 1:
            return row.reference
        if column == 2:
            return label(row.status, self._language)
        if column == 3:
            return label(row.priority, self._language)
        if column == 4:
            return str(row.repeat_count) if row.repeat_count else ""
        if column == 5:
            return row.name
        if column == 6:
            return row.phone
        if column == 7:
            ward = self._gazetteer.current(row.ward_code) if row.ward_code is not None else None
            shown = ward.name if ward else row.ward_as_said
            # (?): the ward is for the operator to settle (a split former ward, a name not found)
            return f"{shown} (?)" if shown and (row.ward_needs_check or ward is None) else shown
        if column == 8:
            category = self._taxonomy.get(row.category)
            return category.label(self._language) if category else row.category
        return self._matched_on(row)

    def _matched_on(self, row: CaseSummary) -> str:
        """Why a search found this case: each of its names and its address that a searched word
        begins a word of ("Người gọi: Trần Thị Hoa · Địa chỉ: 45 Trần Hưng Đạo")."""
        person, caller, address = (self.tr(str(part)) for part in self.MATCHED_PARTS)
        parts = [
            f"{title}: {shown}"
            for title, searched, shown in (
                (person, row.subject_name, row.subject_name),
                (caller, row.caller_name, row.caller_name),
                (address, row.street, row.address or row.street),
            )
            if searched and any(starts_a_word(word, searched) for word in self._words)
        ]
        return " · ".join(parts)


def show_cases_in(table: QTableView, model: CaseListModel) -> None:
    """A read-only table of cases, one row selected at a time, columns sized to each page."""
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(False)
    table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)  # a narrow column's title too

    # A page is at most a few hundred rows: sizing the columns to them is cheap. Then every column
    # is kept in view: when they do not fit, the widest give way first (a long name, ward or
    # category is elided; its tooltip holds it whole), so the ward never hides past the right edge.
    fitter = _ColumnFitter(table)
    model.when_loaded(fitter.fit)


def fitted_widths(wanted: list[int], room: int, keep: frozenset[int] = frozenset()) -> list[int]:
    """The widths to give: as wanted if they fit in ``room``; else the columns in ``keep`` keep
    theirs, and the others are each capped at the one width that makes them fit (the widest shrink
    first, the narrow ones keep their size)."""
    if sum(wanted) <= room or not wanted:
        return list(wanted)
    remaining = room - sum(w for c, w in enumerate(wanted) if c in keep)
    shrinkable = [w for c, w in enumerate(wanted) if c not in keep]
    count = len(shrinkable)
    cap = None
    for width in sorted(shrinkable):
        if width > remaining // max(count, 1):
            cap = max(remaining // max(count, 1), 0)
            break
        remaining -= width
        count -= 1
    if cap is None:
        return list(wanted)
    return [w if c in keep else min(w, cap) for c, w in enumerate(wanted)]


KEEP_WHOLE = frozenset({0, 1, 6})
"""The case list's columns never elided: received, the case's number, the phone."""
WARD_COLUMN = 7
CATEGORY_COLUMN, MATCHED_COLUMN = 8, 9
GIVE_WAY = (4, 3, CATEGORY_COLUMN, MATCHED_COLUMN)
"""The case list's columns hidden, in this order, while the list is too narrow for the rest:
repeat calls, priority, category, and why a search's hit is listed (*Matched on*)."""


class _ColumnFitter(QObject):
    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table
        self._wanted: list[int] = []
        table.viewport().installEventFilter(self)

    def _searching(self) -> bool:
        model = self._table.model()
        return isinstance(model, CaseListModel) and model.searching

    def fit(self) -> None:
        # A hidden column has no size to read: show those that may give way, then measure.
        for column in GIVE_WAY:
            self._table.setColumnHidden(column, False)
        self._table.setColumnHidden(MATCHED_COLUMN, not self._searching())
        self._table.resizeColumnsToContents()
        header = self._table.horizontalHeader()
        self._wanted = [header.sectionSize(c) for c in range(header.count())]
        self._apply()

    def _apply(self) -> None:
        if not self._wanted:
            return
        room, wanted = self._table.viewport().width(), self._wanted
        # Too narrow for every column (the right half of a 1366 px screen): the repeat calls, the
        # priority, the category give way one by one until the rest fits (all are in the case's
        # details; the category has its filter), so that the name and the ward keep a readable
        # width; last, why a search's hit was found (said whole under the list as well).
        hidden = set() if self._searching() else {MATCHED_COLUMN}
        for column in GIVE_WAY:
            if sum(w for c, w in enumerate(wanted) if c not in hidden) <= room:
                break
            hidden.add(column)
        for column in (*GIVE_WAY, MATCHED_COLUMN):
            self._table.setColumnHidden(column, column in hidden)
        shown = [0 if c in hidden else w for c, w in enumerate(wanted)]
        # What is read out to a caller stays whole: when received, the case's number, the phone.
        floor = self._table.fontMetrics().horizontalAdvance("Phường")
        widths = fitted_widths(shown, room, KEEP_WHOLE)
        for column, width in enumerate(widths):
            if width:
                self._table.setColumnWidth(column, max(width, min(floor, self._wanted[column])))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._apply()
        return False
