"""The list of recent cases with its filters (text, ward, status, category); Enter opens a case."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from operator_console.domain.case import Status, label
from operator_console.gui.cases.case_list import MATCHED_COLUMN, CaseListModel, show_cases_in
from operator_console.gui.forms.ui_case_list_panel import Ui_CaseListPanel
from operator_console.gui.shell.context import ConsoleContext
from operator_console.store.case_store import CaseFilter

TYPING_PAUSE_MS = 250


class CaseListPanel(QWidget):
    open_case = Signal(str)
    """A case id the operator asked to see (Enter or a double click on its row)."""

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CaseListPanel()
        self.ui.setupUi(self)
        self._context = context
        self.model = CaseListModel(context, self)
        show_cases_in(self.ui.caseTable, self.model)
        self.ui.caseTable.activated.connect(self._activated)
        # Enter in a filter goes down to the list, on its first case; Enter there opens it.
        self._select_first = False
        self._show_saved: str | None = None
        for edit in (self.ui.textFilter, self.ui.wardFilter):
            edit.returnPressed.connect(self._to_list)
        self.model.when_loaded(self._loaded)
        self._fill_choices()
        # The search fields keep room for what is typed in them; the lists of choices give way
        # (a narrow screen, 1366 px: they showed "Tìm…" and "P…").
        metrics = self.fontMetrics()
        self.ui.textFilter.setMinimumWidth(metrics.horizontalAdvance("nguyen thi hoa"))
        self.ui.wardFilter.setMinimumWidth(metrics.horizontalAdvance("Phường/xã  "))
        for combo in (self.ui.statusFilter, self.ui.categoryFilter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)  # "Mọi trạng thái", "Mọi lĩnh vực" whole
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(self._filters_changed)
        for edit in (self.ui.textFilter, self.ui.wardFilter):
            edit.textChanged.connect(self._pause.start)
        for combo in (self.ui.statusFilter, self.ui.categoryFilter):
            combo.currentIndexChanged.connect(self._filters_changed)
        # Why the case under the cursor was found, in full under the list (its column gives way
        # on a narrow screen, and an elided "Người gọi: Trần…" says nothing).
        self.ui.matchedLine.hide()
        self.ui.caseTable.selectionModel().currentRowChanged.connect(self._say_why_matched)
        self.model.modelReset.connect(self._say_why_matched)
        # Down in a filter goes down to the list too, as in any search box.
        self._down = _DownToList(self)
        for edit in (self.ui.textFilter, self.ui.wardFilter):
            edit.installEventFilter(self._down)

    def _say_why_matched(self) -> None:
        row = self.ui.caseTable.currentIndex().row()
        why = self.model.data(self.model.index(row, MATCHED_COLUMN)) if row >= 0 else ""
        self.ui.matchedLine.setText(self.tr("Found by — %1").replace("%1", why) if why else "")
        self.ui.matchedLine.setVisible(bool(why))

    def show_recent(self, saved: str | None = None) -> None:
        """The newest cases, every filter off; after a save, the case just saved (``saved``, its id)
        is selected: on top, or where its time puts it."""
        self._show_saved = saved
        ui = self.ui
        widgets = (ui.textFilter, ui.wardFilter, ui.statusFilter, ui.categoryFilter)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            ui.textFilter.clear()
            ui.wardFilter.clear()
            ui.statusFilter.setCurrentIndex(0)
            ui.categoryFilter.setCurrentIndex(0)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._pause.stop()
        self.apply_filters()

    def focus_filter(self) -> None:
        self.ui.textFilter.setFocus()
        self.ui.textFilter.selectAll()

    def current_filter(self) -> CaseFilter:
        ui, gazetteer = self.ui, self._context.gazetteer
        ward_text = ui.wardFilter.text().strip()
        match = gazetteer.resolve(ward_text) if ward_text else None
        status = ui.statusFilter.currentData()
        split_from = match.former if match is not None and match.status == "split" else None
        return CaseFilter(
            status=Status(status) if status else None,
            ward_code=match.current.code if match and match.current else None,
            former_ward_code=split_from.code if split_from is not None else None,
            category=ui.categoryFilter.currentData() or None,
            text=ui.textFilter.text(),
        )

    def _filters_changed(self) -> None:
        self._show_saved = None  # the operator looks for something else now
        self.apply_filters()

    def apply_filters(self) -> None:
        ui = self.ui
        ward_text = ui.wardFilter.text().strip()
        match = self._context.gazetteer.resolve(ward_text) if ward_text else None
        if match is not None and match.current is None and match.status != "split":
            message = match.message
            ui.filterHint.setText(message.render(self._context.language) if message else "")
        else:
            ui.filterHint.setText("")
        self.model.reload(self.current_filter())

    def _fill_choices(self) -> None:
        ui, language = self.ui, self._context.language
        ui.statusFilter.addItem(self.tr("All statuses"), "")
        for status in Status:
            ui.statusFilter.addItem(label(status, language), status.value)
        ui.categoryFilter.addItem(self.tr("All categories"), "")
        for top in self._context.taxonomy.top_level():
            ui.categoryFilter.addItem(top.label(language), top.code)

    def _to_list(self) -> None:
        self._pause.stop()
        self._show_saved = None
        self._select_first = True
        self.apply_filters()
        self.ui.caseTable.setFocus()

    def _loaded(self) -> None:
        if self._select_first and self.model.rowCount():
            self._select_first = False
            self.ui.caseTable.selectRow(0)
        if self._show_saved is not None and not self.ui.caseTable.currentIndex().isValid():
            # The case just saved, marked where it stands: a call held, or brought back after a
            # restart, was received earlier than the cases saved since, and sorts below them. Kept
            # marked through the list's own reloads (its status moves as it is sent) until the
            # operator searches or the next case is saved.
            rows = [r for r in range(self.model.rowCount()) if self.model.case_at(r).id == self._show_saved]
            if rows:
                self.ui.caseTable.selectRow(rows[0])
                self.ui.caseTable.scrollTo(self.model.index(rows[0], 0))

    def _activated(self, index: QModelIndex) -> None:
        self.open_case.emit(self.model.case_at(index.row()).id)

    def to_list(self) -> None:
        self._to_list()


class _DownToList(QObject):
    """Down in a filter field (no completion list open) puts the cursor on the list's first case."""

    def __init__(self, panel: CaseListPanel) -> None:
        super().__init__(panel)
        self._panel = panel

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            completer = watched.completer() if isinstance(watched, QLineEdit) else None
            popup = completer.popup() if completer is not None else None
            popup_open = popup is not None and popup.isVisible()
            if event.key() == Qt.Key.Key_Down and not event.modifiers() and not popup_open:
                self._panel.to_list()
                return True
        return False
