"""The candidates panel: as the operator types, the earlier cases most likely the same need.

Each keystroke (after a short pause, so a burst of typing makes one search) sends the form's
draft to the duplicate search on the task pool; a newer keystroke makes any older answer stale,
and a stale answer is dropped on arrival. The list is split: *likely the same* first (Ctrl+1…5
opens one, to link the call to it or mark it related), then *possibly related*; each row says why.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QWidget

from operator_console.dedupe.finder import DuplicateFinder
from operator_console.dedupe.scoring import Scored
from operator_console.domain.case import Status, case_reference, label
from operator_console.domain.intake import CaseDraft
from operator_console.domain.interchange import HCMC_TIME
from operator_console.domain.messages import Language
from operator_console.gui.forms.ui_candidates_panel import Ui_CandidatesPanel
from operator_console.gui.shell.tasks import TaskRunner
from operator_console.gui.shell.tone import set_tone

log = logging.getLogger(__name__)
SEARCH_PAUSE_MS = 120
"""A burst of keys makes one search: the search starts this long after the last key."""
SHOWN = 5
Index = QModelIndex | QPersistentModelIndex


LIKELY_MEANS = QT_TRANSLATE_NOOP(
    "CandidatesModel",
    "likely the same: the same person or household and the same need, by strong evidence (the "
    "phone, the person in need, the house): link the call to it (Ctrl+1…5, then Enter)",
)
POSSIBLY_MEANS = QT_TRANSLATE_NOOP(
    "CandidatesModel",
    "possibly related: some things match (a name, the street, the ward) but not enough to say it "
    "is the same need: look before saving a new case",
)


class CandidatesModel(QAbstractTableModel):
    HEADERS = (
        str(QT_TRANSLATE_NOOP("CandidatesModel", "Key")),
        str(QT_TRANSLATE_NOOP("CandidatesModel", "Same need?")),
        str(QT_TRANSLATE_NOOP("CandidatesModel", "Case")),
        str(QT_TRANSLATE_NOOP("CandidatesModel", "Received")),
        str(QT_TRANSLATE_NOOP("CandidatesModel", "Status")),
        str(QT_TRANSLATE_NOOP("CandidatesModel", "Name")),
        str(QT_TRANSLATE_NOOP("CandidatesModel", "Why")),
    )

    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self.found: list[Scored] = []

    def show(self, found: list[Scored]) -> None:
        self.beginResetModel()
        self.found = found[:SHOWN]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.found)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        found = self.found[index.row()]
        row = found.row
        if role == Qt.ItemDataRole.ForegroundRole and found.likely:
            return QBrush(QColor("#8a1c00"))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
            return self.tr(str(LIKELY_MEANS if found.likely else POSSIBLY_MEANS))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == 0:
            return f"Ctrl+{index.row() + 1}"
        if column == 1:
            return self.tr("likely the same") if found.likely else self.tr("possibly related")
        if column == 2:
            return row.case_number or case_reference(row.id)
        if column == 3:
            return row.received_at.astimezone(HCMC_TIME).strftime("%d/%m %H:%M")
        if column == 4:
            return label(Status(row.status), self._language)
        if column == 5:
            return " / ".join(n for n in (row.caller_name, row.subject_name) if n)
        return "; ".join(found.reasons)


class CandidatesPanel(QWidget):
    def __init__(
        self, finder: DuplicateFinder, runner: TaskRunner, language: Language, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_CandidatesPanel()
        self.ui.setupUi(self)
        self._finder, self._runner = finder, runner
        self.model = CandidatesModel(language, self)
        table = self.ui.candidatesTable
        table.setModel(self.model)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the hands stay in the form; Ctrl+N opens one
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The names and the reasons share what is left; the reasons wrap rather than end in "…".
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        table.setWordWrap(True)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self._generation = 0
        self._draft: CaseDraft | None = None
        """The draft waiting to be searched (None: nothing pending)."""
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(SEARCH_PAUSE_MS)
        self._pause.timeout.connect(self._search)
        # What the two words in "Same need?" mean, always on screen under the summary.
        self.legend = QLabel(
            self.tr(
                "“likely the same”: the same person and need, by the phone, the person in need or the "
                "house · “possibly related”: partly alike, look before saving"
            )
        )
        self.legend.setObjectName("candidates_legend")
        self.legend.setWordWrap(True)
        set_tone(self.legend, "hint")  # grey: a key to the words, not news
        self.ui.layout.insertWidget(self.ui.layout.indexOf(self.ui.summaryLabel) + 1, self.legend)
        self._summarise()

    def search(self, draft: CaseDraft) -> None:
        """The form changed: search again after the pause (a newer draft replaces this one)."""
        self._generation += 1  # any answer still on its way is now stale
        self._draft = draft
        self._pause.start()

    def clear(self) -> None:
        self._generation += 1
        self._draft = None
        self._pause.stop()
        self.model.show([])
        self._summarise()

    def candidate(self, number: int) -> Scored | None:
        """The ``number``-th candidate shown (1-based), if there is one."""
        return self.model.found[number - 1] if 0 < number <= len(self.model.found) else None

    def first_likely(self) -> Scored | None:
        """The best earlier case shown *likely the same need*, if one is on screen."""
        return next((f for f in self.model.found if f.likely), None)

    def check_now(self, draft: CaseDraft, answer: Callable[[Scored | None], None]) -> None:
        """The best *likely* earlier case for exactly this draft, to ``answer``, from a search run
        now: what the panel shows may be older than the last key, or than a case another desk
        saved since (a search costs milliseconds). A search that fails answers None: intake goes
        on without the question."""
        self._pause.stop()
        self._generation += 1
        self._draft, generation = None, self._generation

        def found(candidates: list[Scored]) -> None:
            if generation == self._generation:
                self.model.show(candidates)
                self._summarise()
            answer(next((f for f in candidates if f.likely), None))

        def failed(error: BaseException) -> None:
            self._failed(generation, error)
            answer(None)

        self._runner.run(lambda: self._finder.find(draft, limit=SHOWN), found, failed)

    def _search(self) -> None:
        draft, generation = self._draft, self._generation
        if draft is None:
            return
        self._runner.run(
            lambda: self._finder.find(draft, limit=SHOWN),
            lambda found: self._found(generation, found),
            lambda error: self._failed(generation, error),
        )

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        # The store could not answer (busy, damaged): intake goes on without candidates.
        log.warning("duplicate search failed: %s", type(error).__name__)
        self.model.show([])
        self.ui.summaryLabel.setText(self.tr("The duplicate search could not run; intake goes on."))

    def _found(self, generation: int, found: list[Scored]) -> None:
        if generation != self._generation:
            return  # the operator typed on: a newer search is coming
        self._draft = None
        self.model.show(found)
        self._summarise()

    def _summarise(self) -> None:
        found = self.model.found
        likely = sum(1 for f in found if f.likely)
        if not found:
            text = ""
        elif likely:
            text = self.tr("%n earlier case(s) likely the same need: Ctrl+1 opens the first.", "", likely)
        else:
            text = self.tr("Nothing likely the same; %n possibly related.", "", len(found))
        self.ui.summaryLabel.setText(text)
        # An empty table is room the recent cases need (a 1366×768 screen): shown when it has rows.
        self.ui.candidatesTable.setVisible(bool(found))
