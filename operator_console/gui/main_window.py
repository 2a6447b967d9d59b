"""The operator's window: a thin shell that composes the intake form, the caller's history, the
case list and the status bar, and binds every action of the registry to its handler."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from urllib.parse import urlsplit

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from operator_console.domain.case import Case
from operator_console.domain.intake import CaseDraft, InvalidCase, build_case
from operator_console.gui import settings as S
from operator_console.gui.actions import ACTIONS, MENUS, menu_label
from operator_console.gui.caller_history import CallerHistory
from operator_console.gui.case_details import CaseDetails
from operator_console.gui.case_list_panel import CaseListPanel
from operator_console.gui.cheat_sheet import CheatSheet
from operator_console.gui.context import ConsoleContext
from operator_console.gui.draft_keeper import DraftKeeper
from operator_console.gui.intake_form import IntakeForm
from operator_console.gui.settings_dialog import SettingsDialog
from operator_console.gui.street_completion import StreetCompletion
from operator_console.store.case_store import QueueState

QUEUE_REFRESH_MS = 15_000
MESSAGE_MS = 8_000


class MainWindow(QMainWindow):
    def __init__(self, context: ConsoleContext, settings: S.Settings, drafts: DraftKeeper) -> None:
        super().__init__()
        self._context, self._settings, self._drafts = context, settings, drafts
        self._store, self._runner = context.store, context.runner
        self._saving = False
        self._undo: CaseDraft | None = None
        self._pending_call: str | None = None
        self.setWindowTitle(self.tr("1022 Operator Console"))
        self.form = IntakeForm(context.gazetteer, context.taxonomy, context.language)
        self.history = CallerHistory(context)
        self.case_list = CaseListPanel(context)
        self.cases = self.case_list.model
        self.saved_banner = QLabel()
        self.saved_banner.setObjectName("saved_banner")
        self.saved_banner.setAccessibleName(self.tr("Number of the case just saved"))
        self.saved_banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        banner_font = QFont(self.font())
        banner_font.setPointSizeF(banner_font.pointSizeF() * 1.8)
        banner_font.setBold(True)
        self.saved_banner.setFont(banner_font)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 6, 0, 0)
        right_layout.addWidget(self.saved_banner)
        right_layout.addWidget(self.history)
        right_layout.addWidget(self.case_list, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.form)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([560, 840])
        self.setCentralWidget(splitter)
        self._build_status_bar()
        self.streets = StreetCompletion(
            self.form.ui.addressEdit,
            self._store,
            self._runner,
            ward_code=self._typed_ward_code,
            enabled=lambda: self.form.completion,
        )
        self.actions_by_id: dict[str, QAction] = {}
        self._build_actions()
        self.form.ui.saveButton.clicked.connect(self.save_case)
        self.form.ui.clearButton.clicked.connect(self.clear_form)
        self.form.changed.connect(self._keep_draft)
        self.form.phone_known.connect(self.history.show_phone)
        self.case_list.open_case.connect(self.open_case)
        self.cases.load_failed.connect(self._list_failed)
        self.cases.when_loaded(self._update_counts)
        self._queue_timer = QTimer(self)
        self._queue_timer.setInterval(QUEUE_REFRESH_MS)
        self._queue_timer.timeout.connect(self.refresh_queue)
        self._queue_timer.start()
        self.cases.reload()
        self.refresh_queue()

    # commands -----------------------------------------------------------------------------------
    def new_call(self) -> None:
        if self._pending_call:
            self._take_call(self._pending_call)
        else:
            self.clear_form()

    def incoming_call(self, number: str) -> None:
        """Caller ID: a fresh intake with the number in; the caller's earlier cases show at once.

        A call half-typed in the form is never pushed away: the new number waits until that one is
        saved (Ctrl+Enter) or the operator takes the new call with F2.
        """
        self.showNormal()
        self.raise_()
        self.activateWindow()
        if not self.form.is_blank():
            self._pending_call = number
            self.saved_banner.setText(self.tr("Incoming call from %1: F2 to take it").replace("%1", number))
            return
        self._take_call(number)

    def _take_call(self, number: str) -> None:
        self._pending_call = None
        self.clear_form()
        self.form.ui.phoneEdit.setText(number)
        self.form.ui.callerNameEdit.setFocus()

    def clear_form(self) -> None:
        """Esc: clear the form, keeping what was in it for F3 (no dialog in the way)."""
        if not self.form.is_blank():
            self._undo = self.form.draft()
            self.statusBar().showMessage(self.tr("Form cleared. F3 brings it back."), MESSAGE_MS)
        self.form.clear()
        self._drafts.discard()

    def undo_clear(self) -> None:
        if self._undo is not None:
            self.form.set_draft(self._undo)
            self._undo = None
            self.statusBar().showMessage(self.tr("The cleared form is back."), MESSAGE_MS)

    def restore_draft(self, draft: CaseDraft) -> None:
        """The call being typed when the console last stopped (a crash, a kill, a power cut)."""
        self.form.set_draft(draft)
        self.statusBar().showMessage(self.tr("The call you were typing is back: nothing was lost."))
        # Said large: the operator must not type the next caller into the old call.
        self.saved_banner.setText(self.tr("Unfinished call restored: Ctrl+Enter saves it, Esc clears it"))

    def fill_previous(self) -> None:
        latest = self.history.latest()
        if latest is None:
            self.statusBar().showMessage(self.tr("This number has no earlier case."), MESSAGE_MS)
            return
        self._runner.run_db(lambda: self._store.get_case(latest.id), self._filled_from)

    def save_case(self) -> None:
        """Check the form, then write the case to the local store before anything else happens."""
        if self._saving:
            return
        try:
            case = build_case(
                self.form.draft(),
                gazetteer=self._context.gazetteer,
                taxonomy=self._context.taxonomy,
                now=datetime.now(UTC).astimezone(),
                operator=self._context.operator,
            )
        except InvalidCase as invalid:
            self.form.show_errors(invalid.errors)
            return
        self._saving = True
        self.form.ui.saveButton.setEnabled(False)
        self._runner.run_db(
            lambda: self._store.add_case(case), lambda _none: self._saved(case), self._save_failed
        )

    def open_case(self, case_id: str) -> None:
        self._runner.run_db(lambda: self._store.get_case(case_id), self._show_case)

    def show_keys(self) -> None:
        CheatSheet(self.form, self).exec()

    def edit_settings(self) -> None:
        if SettingsDialog(self._settings, self).exec():
            font = QFont(QApplication.font())
            font.setPointSize(self._settings.get(S.FONT_SIZE))
            QApplication.setFont(font)
            self._show_connection()

    def refresh_queue(self) -> None:
        self._runner.run_db(self._store.queue_state, self._show_queue)

    # results ------------------------------------------------------------------------------------
    def _saved(self, case: Case) -> None:
        self._saving = False
        self.form.ui.saveButton.setEnabled(True)
        self.saved_banner.setText(self.tr("Saved: case %1").replace("%1", case.reference))
        self.statusBar().clearMessage()
        self._undo = None
        self.form.clear()
        self._drafts.discard()
        self.cases.reload()
        self.history.show_phone("")
        self.refresh_queue()
        if self._pending_call:
            self._take_call(self._pending_call)

    def _save_failed(self, error: BaseException) -> None:
        # The form keeps everything typed; the operator can press Ctrl+Enter again.
        self._saving = False
        self.form.ui.saveButton.setEnabled(True)
        self.saved_banner.setText(
            self.tr("Not saved: the local store failed (%1). The form is kept.").replace(
                "%1", type(error).__name__
            )
        )

    def _filled_from(self, case: Case | None) -> None:
        if case is not None and self.form.fill_missing_from(case):
            self.statusBar().showMessage(
                self.tr("Filled in from case %1.").replace("%1", case.reference), MESSAGE_MS
            )

    def _show_case(self, case: Case | None) -> None:
        if case is not None:
            CaseDetails(
                case, self._context.gazetteer, self._context.taxonomy, self._context.language, self
            ).exec()

    def _show_queue(self, state: QueueState) -> None:
        if state.waiting == 0:
            self.queue_label.setText(self.tr("Nothing waiting to be sent"))
            return
        assert state.oldest is not None
        minutes = max(0, int((datetime.now(UTC) - state.oldest).total_seconds() // 60))
        self.queue_label.setText(
            self.tr("Waiting to be sent: %1 (oldest %2 min)")
            .replace("%1", str(state.waiting))
            .replace("%2", str(minutes))
        )

    def _keep_draft(self) -> None:
        if self.form.is_blank():
            self._drafts.discard()
        else:
            self._drafts.keep(self.form.draft())

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

    def _typed_ward_code(self) -> int | None:
        match = self._context.gazetteer.resolve(self.form.ui.wardEdit.text())
        return match.current.code if match.current else None

    # set-up -------------------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        self.operator_label = QLabel(self._context.operator or self.tr("(no operator set)"))
        self.operator_label.setAccessibleName(self.tr("Operator"))
        self.connection_label = QLabel()
        self.connection_label.setAccessibleName(self.tr("Server connection"))
        self.queue_label = QLabel()
        self.queue_label.setAccessibleName(self.tr("Cases waiting to be sent"))
        self.store_label = QLabel()
        bar = self.statusBar()
        bar.addPermanentWidget(self.operator_label)
        bar.addPermanentWidget(self.connection_label)
        bar.addPermanentWidget(self.queue_label)
        bar.addPermanentWidget(self.store_label)
        self._show_connection()

    def _show_connection(self) -> None:
        server = self._settings.get(S.SERVER_URL)
        if not server:
            self.connection_label.setText(self.tr("This workstation only (no server set)"))
        else:
            # Dispatch arrives with its own issue: say plainly that nothing is sent yet.
            host = urlsplit(server).hostname or server
            self.connection_label.setText(
                self.tr("Server %1: not connected yet, cases stay here").replace("%1", host)
            )

    def _build_actions(self) -> None:
        handlers: dict[str, Callable[[], object]] = {
            "intake.new": self.new_call,
            "intake.save": self.save_case,
            "intake.clear": self.clear_form,
            "intake.undo_clear": self.undo_clear,
            "intake.fill_previous": self.fill_previous,
            "app.settings": self.edit_settings,
            "app.quit": self.close,
            "cases.find": self.case_list.focus_filter,
            "cases.refresh": self.case_list.apply_filters,
            "help.keys": self.show_keys,
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
