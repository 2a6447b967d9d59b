"""Earlier cases of the number on the line, beside the form (the duplicate search will fill it more).

As soon as the phone field holds a whole number — typed, or handed over by caller ID — the panel
lists that number's earlier cases with their status, so that the operator can answer "has anyone
come yet?" before typing anything, and fill the form from the last case with F4.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from operator_console.domain.case import label
from operator_console.gui.cases.case_list import CaseListModel, show_cases_in
from operator_console.gui.forms.ui_caller_history import Ui_CallerHistory
from operator_console.gui.shell.context import ConsoleContext
from operator_console.store.case_store import CaseFilter, CaseSummary

# Nothing matches an empty phone filter's sentinel: the panel shows no rows then.
_NOBODY = CaseFilter(phone="-")


class CallerHistory(QWidget):
    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CallerHistory()
        self.ui.setupUi(self)
        self._language = context.language
        self.model = CaseListModel(context, self, page=20)
        show_cases_in(self.ui.historyTable, self.model)
        self.ui.historyTable.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the hands stay in the form
        self.phone = ""
        self.model.when_loaded(self._summarise)
        self.show_phone("")

    def show_phone(self, national: str) -> None:
        self.phone = national
        self.model.reload(CaseFilter(phone=national) if national else _NOBODY)

    def latest(self) -> CaseSummary | None:
        return self.model.case_at(0) if self.model.rowCount() else None

    def _summarise(self) -> None:
        count = self.model.rowCount()
        latest = self.latest()
        if not self.phone:
            text = ""
        elif latest is None:
            text = self.tr("First call from this number.")
        else:
            text = (
                self.tr(
                    "%n earlier case(s); the last one is %1 (%2). F4 fills in the form from it.", "", count
                )
                .replace("%1", latest.reference)
                .replace("%2", label(latest.status, self._language))
            )
        self.ui.summaryLabel.setText(text)
        # An empty table is room the recent cases need (a 1366×768 screen): shown when it has rows.
        self.ui.historyTable.setVisible(count > 0)
