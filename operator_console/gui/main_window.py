"""The operator's window: a thin shell that composes the intake form, the case list and the status bar."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from operator_console.domain.case import Case
from operator_console.domain.intake import InvalidCase, build_case
from operator_console.gui.actions import ACTIONS, MENUS, menu_label
from operator_console.gui.case_list import CaseListModel
from operator_console.gui.context import ConsoleContext
from operator_console.gui.intake_form import IntakeForm


class MainWindow(QMainWindow):
    def __init__(self, context: ConsoleContext) -> None:
        super().__init__()
        self._store, self._runner = context.store, context.runner
        self._gazetteer, self._taxonomy = context.gazetteer, context.taxonomy
        self._language, self._operator = context.language, context.operator
        self._saving = False
        self.setWindowTitle(self.tr("1022 Operator Console"))
        self.form = IntakeForm(context.gazetteer, context.taxonomy, context.language)
        self.cases = CaseListModel(context, self)
        self.case_view = QTableView()
        self.case_view.setModel(self.cases)
        self.case_view.setAccessibleName(self.tr("Recent cases"))
        self.case_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.case_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.case_view.verticalHeader().setVisible(False)
        self.case_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.case_view.horizontalHeader().setStretchLastSection(True)
        self.case_view.setWordWrap(False)
        self.saved_banner = QLabel()
        self.saved_banner.setAccessibleName(self.tr("Number of the case just saved"))
        banner_font = QFont(self.font())
        banner_font.setPointSizeF(banner_font.pointSizeF() * 1.8)
        banner_font.setBold(True)
        self.saved_banner.setFont(banner_font)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.saved_banner)
        right_layout.addWidget(QLabel(self.tr("Recent cases")))
        right_layout.addWidget(self.case_view)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.form)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([560, 840])
        self.setCentralWidget(splitter)
        self.operator_label = QLabel(context.operator or self.tr("(no operator set)"))
        self.store_label = QLabel()
        self.statusBar().addWidget(self.operator_label)
        self.statusBar().addPermanentWidget(self.store_label)
        self.actions_by_id: dict[str, QAction] = {}
        self._build_actions()
        self.form.ui.saveButton.clicked.connect(self.save_case)
        self.form.ui.clearButton.clicked.connect(self.form.clear)
        self.cases.load_failed.connect(self._list_failed)
        self.cases.when_loaded(self._update_counts)
        # A page is at most a few hundred rows: sizing the columns to them is cheap.
        self.cases.when_loaded(self.case_view.resizeColumnsToContents)
        self.cases.reload()

    # commands -----------------------------------------------------------------------------------
    def new_call(self) -> None:
        self.form.clear()

    def save_case(self) -> None:
        """Check the form, then write the case to the local store before anything else happens."""
        if self._saving:
            return
        try:
            case = build_case(
                self.form.draft(),
                gazetteer=self._gazetteer,
                taxonomy=self._taxonomy,
                now=datetime.now(UTC).astimezone(),
                operator=self._operator,
            )
        except InvalidCase as invalid:
            self.form.show_errors(invalid.errors)
            return
        self._saving = True
        self.form.ui.saveButton.setEnabled(False)
        self._runner.run_db(
            lambda: self._store.add_case(case), lambda _none: self._saved(case), self._save_failed
        )

    def _saved(self, case: Case) -> None:
        self._saving = False
        self.form.ui.saveButton.setEnabled(True)
        self.saved_banner.setText(self.tr("Saved: case %1").replace("%1", case.reference))
        self.form.clear()
        self.cases.reload()

    def _save_failed(self, error: BaseException) -> None:
        # The form keeps everything typed; the operator can press Ctrl+Enter again.
        self._saving = False
        self.form.ui.saveButton.setEnabled(True)
        self.saved_banner.setText(
            self.tr("Not saved: the local store failed (%1). The form is kept.").replace(
                "%1", type(error).__name__
            )
        )

    def _list_failed(self, reason: str) -> None:
        # Intake goes on: the form does not need the list.
        self.statusBar().showMessage(self.tr("The case list could not be read (%1).").replace("%1", reason))

    def _update_counts(self) -> None:
        self._runner.run_db(
            self._store.count_cases,
            lambda total: self.store_label.setText(
                self.tr("Cases in this console: %1").replace("%1", str(total))
            ),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        event.accept()

    # set-up -------------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        handlers: dict[str, Callable[[], object]] = {
            "intake.new": self.new_call,
            "intake.save": self.save_case,
            "intake.clear": self.form.clear,
            "cases.refresh": self.cases.reload,
            "app.quit": self.close,
        }
        menus = {key: self.menuBar().addMenu(menu_label(key)) for key in MENUS}
        for spec in ACTIONS:
            action = QAction(spec.label, self)
            action.setObjectName(spec.id)
            action.setShortcuts([QKeySequence(k) for k in spec.keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(handlers[spec.id])
            menus[spec.menu].addAction(action)
            self.actions_by_id[spec.id] = action
