"""The operator's window: a thin shell that composes the intake form, the caller's history, the
case list and the status bar, and binds every action of the registry to its handler."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QLabel,
    QLineEdit,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from operator_console.client.sync_worker import SyncReport
from operator_console.dedupe.scoring import Scored
from operator_console.domain.case import Case
from operator_console.domain.drafts import HeldCall
from operator_console.domain.intake import CaseDraft, InvalidCase, build_case, build_contact
from operator_console.domain.interchange import HCMC_TIME
from operator_console.domain.units import unit_name
from operator_console.gui.cases.case_list_panel import CaseListPanel
from operator_console.gui.cases.case_viewer import CaseViewer
from operator_console.gui.intake.caller_history import CallerHistory
from operator_console.gui.intake.candidate_dialog import CandidateDialog
from operator_console.gui.intake.candidates import CandidatesPanel
from operator_console.gui.intake.draft_keeper import DraftKeeper
from operator_console.gui.intake.held_calls import (
    SHIFT,
    HeldCalls,
    HeldCallsDialog,
    describe,
    describe_briefly,
)
from operator_console.gui.intake.intake_form import IntakeForm
from operator_console.gui.intake.likely_dialog import LikelyDialog
from operator_console.gui.intake.refused_dialog import RefusedDialog
from operator_console.gui.intake.street_completion import StreetCompletion
from operator_console.gui.shell import settings as S
from operator_console.gui.shell.about_dialog import AboutDialog
from operator_console.gui.shell.actions import ACTIONS, MENUS, menu_label
from operator_console.gui.shell.cheat_sheet import CheatSheet
from operator_console.gui.shell.connection import Connection
from operator_console.gui.shell.context import ConsoleContext
from operator_console.gui.shell.login_dialog import LoginDialog
from operator_console.gui.shell.settings_dialog import SettingsDialog
from operator_console.gui.shell.store_set_aside_dialog import StoreSetAsideDialog
from operator_console.gui.shell.tone import set_tone
from operator_console.gui.worklist.page import TRIAGE, UNIT, WorklistPage
from operator_console.gui.worklist.server_cases import ServerCaseActions
from operator_console.store.outbox import REFUSED, Outbox, OutboxState
from operator_console.store.set_aside import SetAside

if TYPE_CHECKING:
    from operator_console.gui.dashboard.page import Dashboard

log = logging.getLogger(__name__)

QUEUE_REFRESH_MS = 15_000
LOGIN_PROMPT_IDLE_MS = 3_000
"""A login the server asks for mid-shift opens only once the form has been blank and untouched
this long: never under the fingers of an operator starting the next call."""
MESSAGE_MS = 8_000
OVERSEERS = frozenset({"supervisor", "monitor", "admin"})
INTAKE_ACTIONS = ("intake.", "candidates.", "cases.find")
CALL_KEYS = frozenset(
    {
        "intake.new",
        "intake.save",
        "intake.undo_clear",
        "intake.held",
        "intake.fill_previous",
        "intake.take_landline",
    }
)
"""The keys that take or save a call: on a monitor's (read-only) console they say it takes none."""
"""The actions that act on the intake page's form and lists."""
"""The server's roles that may read the supervisor's figures (``GET /stats/queue``)."""


class MainWindow(QMainWindow):
    def __init__(
        self,
        context: ConsoleContext,
        settings: S.Settings,
        drafts: DraftKeeper,
        connection: Connection,
        held: HeldCalls,
    ) -> None:
        super().__init__()
        self._context, self._settings, self._drafts = context, settings, drafts
        self.held = held
        self._store, self._runner = context.store, context.runner
        self._outbox = Outbox(context.store.engine)
        self.connection = connection
        self.case_viewer = CaseViewer(
            self,
            context,
            connection,
            self.operator,
            self.open_dialog,
            lambda text: self.statusBar().showMessage(text, MESSAGE_MS),
        )
        self._saving = False
        self._checking = False
        """Ctrl+Enter was pressed: the duplicate search is asked before the case is written."""
        self._pending_call: str | None = None
        self._last_saved: Case | None = None
        """The case just saved, until the server's number for it is on the banner."""
        self._login_wanted: str | None = None
        """A login the server asked for while the operator was typing a call (asked after the save)."""
        self.login_dialog: LoginDialog | None = None
        self._touched = False
        self._restoring = False
        """Anything typed since the window opened (a login asked at start opens at once)."""
        self._login_timer = QTimer(self)
        self._login_timer.setSingleShot(True)
        self._login_timer.setInterval(LOGIN_PROMPT_IDLE_MS)
        self._login_timer.timeout.connect(self._login_if_idle)
        self.setWindowTitle(self.tr("1022 Operator Console"))
        self.form = IntakeForm(context.gazetteer, context.taxonomy, context.language)
        self.history = CallerHistory(context)
        self.candidates = CandidatesPanel(context.finder, context.runner, context.language)
        self.case_list = CaseListPanel(context)
        self.cases = self.case_list.model
        self.saved_banner = QLabel()
        self.saved_banner.setObjectName("saved_banner")
        self.saved_banner.setAccessibleName(self.tr("Number of the case just saved"))
        self.saved_banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.saved_banner.setWordWrap(True)  # a long unit name goes to a second line, never cut
        banner_font = QFont(self.font())
        banner_font.setPointSizeF(banner_font.pointSizeF() * 1.8)
        banner_font.setBold(True)
        self.saved_banner.setFont(banner_font)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 6, 0, 0)
        right_layout.addWidget(self.saved_banner)
        right_layout.addWidget(self.candidates)
        right_layout.addWidget(self.history)
        right_layout.addWidget(self.case_list, 1)
        # The candidates (five at most) and the caller's history take what they need; the recent
        # cases take the rest, so that on a 1366×768 screen the list still shows rows.
        lines = self.fontMetrics().lineSpacing()
        self.candidates.ui.candidatesTable.setMaximumHeight(lines * 10)
        self.history.ui.historyTable.setMaximumHeight(lines * 6)
        # The form scrolls rather than grow the window past a 768 px screen (the ward's message,
        # its choices and the errors under their fields pushed the status bar off the bottom);
        # the field the cursor goes to is scrolled into view.
        self.form_area = QScrollArea()
        self.form_area.setWidgetResizable(True)
        self.form_area.setFrameShape(QFrame.Shape.NoFrame)
        self.form_area.setWidget(self.form)
        self.form_area.setAccessibleName(self.tr("Call intake form"))
        self.form_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form_area.setMinimumWidth(
            self.form.minimumSizeHint().width() + self.form_area.verticalScrollBar().sizeHint().width()
        )
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._keep_field_in_view)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.form_area)
        splitter.addWidget(right)
        # The form keeps the width its fields need; every pixel more goes to the lists (the recent
        # cases have nine columns: at 1920 px they showed six while the form's fields ran empty).
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([self.form_area.minimumWidth(), 10_000])
        # Pages: the intake, and for supervisors and monitors the dashboard (built at their first
        # login: an operator's console never loads the charts). One page: no tab bar.
        self.intake_page = splitter
        self.pages = QTabWidget()
        self.pages.setObjectName("pages")
        self.pages.setAccessibleName(self.tr("Call intake and dashboard"))
        self.pages.setDocumentMode(True)
        self.pages.addTab(splitter, self.tr("Call intake"))
        self.pages.tabBar().hide()
        self.pages.currentChanged.connect(self._page_changed)
        self.dashboard: Dashboard | None = None
        self.dashboard_page: QScrollArea | None = None
        """The dashboard's page: the dashboard in a scroll area."""
        self.setCentralWidget(self.pages)
        # The tab widget took the focus the form gave its phone field while it was on its own.
        self.form.ui.phoneEdit.setFocus(Qt.FocusReason.OtherFocusReason)
        self._build_status_bar()
        self.held.changed.connect(self._show_held)
        self._held_timer = QTimer(self)  # the latest held call's age, minute by minute
        self._held_timer.setInterval(60_000)
        self._held_timer.timeout.connect(self._show_held)
        self._held_timer.start()
        self._show_held()
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
        self.form.ward_choices_offered.connect(self._say_where_the_street_is_known)
        self.case_list.open_case.connect(self.open_case)
        self.cases.load_failed.connect(self._list_failed)
        self.cases.when_loaded(self._update_counts)
        self._queue_timer = QTimer(self)
        self._queue_timer.setInterval(QUEUE_REFRESH_MS)
        self._queue_timer.timeout.connect(self.refresh_queue)
        self._queue_timer.start()
        self._shown_role = ""
        self._read_only = False
        self.server_cases = ServerCaseActions(
            context, self.operator, self._why_not_decide, self.connection.wake, self
        )
        """A supervisor's decisions from the dashboard's drill-downs."""
        self.worklists: dict[str, WorklistPage] = {}
        """The unit's worklist and the triage desk, for the accounts they are for (``_apply_role``)."""
        connection.changed.connect(self._show_connection)
        connection.changed.connect(self._apply_role)
        connection.reported.connect(self._synced)
        connection.login_needed.connect(self._login_needed)
        self.cases.reload()
        self.refresh_queue()

    # commands -----------------------------------------------------------------------------------
    def new_call(self) -> None:
        if self._pending_call:
            self._take_call(self._pending_call)
        else:
            self._clear()  # a new call is starting: no login dialog in the way

    def _for_call_takers(self, handler: Callable[[], object]) -> None:
        if self._read_only:
            self.say_read_only()
            return
        handler()

    @property
    def takes_calls(self) -> bool:
        """False on a monitor's console: it reads the figures and takes no calls."""
        return not self._read_only

    def say_read_only(self) -> None:
        self.statusBar().showMessage(
            self.tr("This account (monitor) reads the figures and takes no calls: log in as an operator."),
            MESSAGE_MS,
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # What no widget took: on a monitor's console, typing (as if into a call) is answered.
        if self._read_only and event.text().strip() and event.text().isprintable():
            self.say_read_only()
            return
        super().keyPressEvent(event)

    def incoming_call(self, number: str) -> None:
        """Caller ID: a fresh intake with the number in; the caller's earlier cases show at once.

        A call half-typed in the form is never pushed away: the new number waits until that one is
        saved (Ctrl+Enter) or the operator takes the new call with F2.
        """
        self.showNormal()
        self.raise_()
        self.activateWindow()
        if self._read_only:
            self.statusBar().showMessage(
                self.tr("Incoming call from %1: this account (monitor) takes no calls.").replace(
                    "%1", number
                ),
                MESSAGE_MS,
            )
            return
        if self.pages.indexOf(self.intake_page) >= 0:
            self.pages.setCurrentWidget(self.intake_page)  # a supervisor on the dashboard takes it
        if not self.form.is_blank():
            self._pending_call = number
            self.saved_banner.setText(self.tr("Incoming call from %1: F2 to take it").replace("%1", number))
            return
        self._take_call(number)

    def _take_call(self, number: str) -> None:
        self._pending_call = None
        self._clear()
        self.saved_banner.setText("")  # "Incoming call from …": taken now
        self.form.ui.phoneEdit.setText(number)
        self.form.ui.callerNameEdit.setFocus()

    def clear_form(self) -> None:
        """Esc: clear the form, keeping what was in it for F3 (no dialog in the way)."""
        self._clear()
        self._ask_login_when_idle()

    def _clear(self) -> None:
        """An empty form; a call half-typed in it is held (on disk before its draft is removed)."""
        if not self.form.is_blank():
            self._hold_form()
            self.statusBar().showMessage(
                self.tr("Call held."),  # F3 and F8 are said by the held calls' label beside it
                MESSAGE_MS,
            )
        self.form.clear()
        self._drafts.discard()

    def _hold_form(self) -> None:
        focused = self.focusWidget()
        edit = focused if isinstance(focused, QLineEdit) and self.form.isAncestorOf(focused) else None
        self.held.hold(
            HeldCall(
                self.form.draft(),
                datetime.now(UTC),
                focus=focused.objectName() if focused is not None and self.form.isAncestorOf(focused) else "",
                cursor=edit.cursorPosition() if edit is not None else 0,
            )
        )

    def undo_clear(self) -> None:
        """F3: the call held last back in the form, the cursor where it was."""
        latest = next(iter(self.held.calls()), None)
        if latest is None:
            self.statusBar().showMessage(self.tr("No call is held."), MESSAGE_MS)
            return
        self.recall_held(latest.key)

    def recall_held(self, key: str) -> None:
        """A held call back into the form; the one being typed, if any, is held in its place."""
        call = self.held.take(key)
        if call is None:
            return
        if not self.form.is_blank():
            self._hold_form()
        self._restoring = True  # the form passes through "blank" while it is filled
        try:
            self.form.set_draft(call.draft)
        finally:
            self._restoring = False
        # Its draft on disk first: the held file is removed after it (the worker keeps the order).
        self._drafts.keep(self.form.draft())
        self._drafts.flush()
        field = self.form.findChild(QWidget, call.focus) if call.focus else None
        (field or self.form.ui.phoneEdit).setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(field, QLineEdit):
            field.setCursorPosition(min(call.cursor, len(field.text())))
        self.statusBar().showMessage(self.tr("The held call is back in the form."), MESSAGE_MS)

    def show_held(self) -> None:
        """F8: the held calls; Enter brings one back."""
        dialog = HeldCallsDialog(self.held, datetime.now(UTC), self)
        dialog.recall.connect(self.recall_held)
        self.open_dialog(dialog)

    def offer_old_held_calls(self) -> None:
        """At start: calls held longer than a shift are said, never dropped."""
        old = self.held.older_than(SHIFT, datetime.now(UTC))
        if old:
            self.saved_banner.setText(
                self.tr("%1 call(s) held since an earlier shift: F8 to call back or throw away.").replace(
                    "%1", str(len(old))
                )
            )

    def report_store_set_aside(self, aside: SetAside) -> None:
        """At start: the store could not be opened and was kept aside; a fresh one is in use."""
        self.saved_banner.setText(self.tr("The old case store was kept aside (nothing deleted): tell IT."))
        dialog = StoreSetAsideDialog(aside, self)
        dialog.finished.connect(lambda _result: self._back_to_intake())
        self.store_set_aside_dialog = dialog
        QTimer.singleShot(0, dialog.open)  # once the window is on screen, above it

    def _keep_field_in_view(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self.form.isAncestorOf(new):
            self.form_area.ensureWidgetVisible(new, 0, 24)

    def open_dialog(self, dialog: QDialog) -> None:
        """Open a dialog of the window's; when it closes, the keys go back to the window and to the
        field they were in (without a window manager, or with some, the window would stay inactive:
        Ctrl+Enter and Alt+letters dead, no focus frame)."""

        def back(_result: int) -> None:
            self.activateWindow()
            # The window's own focus: the field the keys were in, or the one the dialog chose
            # (F8 brings a held call back with the cursor where it was).
            field = self.focusWidget()
            if field is not None:
                field.setFocus(Qt.FocusReason.OtherFocusReason)

        dialog.finished.connect(back)
        dialog.finished.connect(dialog.deleteLater)  # a new one each time it is asked for
        dialog.open()

    def _back_to_intake(self) -> None:
        """The keys to the form's phone field again, once a dialog the console opened by itself closes."""
        self.activateWindow()
        self.form.ui.phoneEdit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_held(self) -> None:
        calls = self.held.calls()
        self.held_label.setVisible(bool(calls))
        if calls:
            now = datetime.now(UTC)
            self.held_label.setText(
                self.tr("Held: %1 · latest %2 · F3, F8")
                .replace("%1", str(len(calls)))
                .replace("%2", describe_briefly(calls[0], now))
            )
            self.held_label.setToolTip("\n".join(describe(call, now) for call in calls))

    def restore_draft(self, draft: CaseDraft) -> None:
        """The call being typed when the console last stopped (a crash, a kill, a power cut)."""
        # Filled field by field, the form passes through "blank": the draft file must not be
        # removed on the way (a second crash then would lose the call). It stays as it is.
        self._restoring = True
        try:
            self.form.set_draft(draft)
        finally:
            self._restoring = False
        if not self.form.is_blank():
            self.candidates.search(self.form.draft())  # the earlier cases that may be the same need
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
        """Check the form, then write the case to the local store before anything else happens;
        while an earlier case is *likely the same need* (the duplicate search asked for exactly
        what is typed), ask first: link the call to it, or save anyway."""
        case = self._checked_case()
        if case is None or self._checking:
            return
        self._checking = True
        draft = self.form.draft()

        def answered(likely: Scored | None) -> None:
            self._checking = False
            if self._saving:
                return
            now = self.form.draft()
            if now.said() != draft.said():
                # Typed on, cleared or another call taken in the few milliseconds of the check:
                # nothing is saved that the operator did not see. The same call changed: say so;
                # another call in the form (F2 held this one): its own messages stand.
                if now.received_at == draft.received_at and not self.form.is_blank():
                    self._not_saved_yet()
                return
            if likely is None:
                self._write(lambda: self._store.add_case(case), lambda: self._saved(case))
            elif QApplication.activeModalWidget() is not None:
                # Another question is open (Ctrl+1 during the check): one at a time.
                self._not_saved_yet()
            else:
                self._ask_likely(likely, draft)

        self.candidates.check_now(draft, answered)

    def _not_saved_yet(self) -> None:
        self.statusBar().showMessage(self.tr("Not saved yet: Ctrl+Enter saves the call."), MESSAGE_MS)

    def _ask_likely(self, found: Scored, asked: CaseDraft) -> None:
        dialog = LikelyDialog(found, self)

        def still_asked() -> bool:
            # The answer is for the call it was asked about: not for one a fill-in, a held call
            # brought back or a new call put in the form since.
            if self._saving or self.form.draft().said() != asked.said():
                self._not_saved_yet()
                return False
            return True

        def link(case_id: str, reference: str) -> None:
            if still_asked():
                self.link_call(case_id, reference)

        def save_anyway(case_id: str, reasons: str) -> None:
            if still_asked():
                self.save_distinct(case_id, reasons)

        dialog.link_call.connect(link)
        dialog.save_anyway.connect(save_anyway)
        self.open_dialog(dialog)

    def save_distinct(self, target_id: str, reasons: str) -> None:
        """Another need after all, said at the question: the new case, and the answer kept on it (a
        *distinct* link to the earlier case, with what made it look the same)."""
        case = self._checked_case()
        if case is not None:
            store, note = self._store, self.tr("Offered as likely the same: %1").replace("%1", reasons)
            self._write(
                lambda: store.add_related_case(case, target_id, note, kind="distinct"),
                lambda: self._saved(case),
            )

    def save_related(self, target_id: str) -> None:
        """The call is another need of an earlier case's household: a new case, marked related."""
        case = self._checked_case()
        if case is not None:
            self._write(lambda: self._store.add_related_case(case, target_id), lambda: self._saved(case))

    def link_call(self, case_id: str, reference: str) -> None:
        """The call is about an earlier case: kept there as a repeat call, not made a new case."""
        if self._saving:
            return
        try:
            contact = build_contact(
                self.form.draft(),
                now=datetime.now(UTC).astimezone(),
                taxonomy=self._context.taxonomy,
                gazetteer=self._context.gazetteer,
            )
        except InvalidCase as invalid:
            self.form.show_errors(invalid.errors)
            return
        self._write(
            lambda: self._store.add_contact(case_id, contact),
            lambda: self._linked(reference),
        )

    def open_candidate(self, number: int) -> None:
        """Ctrl+1…5: the candidate read in full, to link the call to it or mark it related."""
        found = self.candidates.candidate(number)
        if found is None:
            self.statusBar().showMessage(self.tr("No candidate %1.").replace("%1", str(number)), MESSAGE_MS)
            return
        self._runner.run_db(lambda: self._store.get_case(found.row.id), lambda case: self._offer(case, found))

    def _offer(self, case: Case | None, found: Scored) -> None:
        # The form moved on while the case was read (saved, cleared, another call taken): the
        # offer no longer fits the call in the form.
        if case is None or self._saving or self.form.is_blank():
            return
        dialog = CandidateDialog(
            case, found, self._context.gazetteer, self._context.taxonomy, self._context.language, self
        )
        reference = case.reference
        dialog.link_call.connect(lambda case_id: self.link_call(case_id, reference))
        dialog.related.connect(self.save_related)
        self.open_dialog(dialog)

    def _checked_case(self) -> Case | None:
        if self._saving:
            return None
        try:
            return build_case(
                self.form.draft(),
                gazetteer=self._context.gazetteer,
                taxonomy=self._context.taxonomy,
                now=datetime.now(UTC).astimezone(),
                operator=self.operator(),
            )
        except InvalidCase as invalid:
            self.form.show_errors(invalid.errors)
            return None

    def _write(self, work: Callable[[], object], done: Callable[[], None]) -> None:
        self._saving = True
        self.form.ui.saveButton.setEnabled(False)
        self._runner.run_db(work, lambda _result: done(), self._save_failed)

    def open_case(self, case_id: str) -> None:
        self.case_viewer.open(case_id)

    def operator(self) -> str:
        """Who is stamped on a case: the server account logged in (or last), else the settings' name."""
        return self.connection.operator(self._context.operator)

    def log_in(self, reason: str = "") -> None:
        """Ctrl+L, or the server asking: the login dialog (the form and the queue stay as they are)."""
        self._login_wanted = None
        if self.login_dialog is not None and self.login_dialog.isVisible():
            self.login_dialog.raise_()
            return
        self.login_dialog = LoginDialog(self.connection, reason, self)
        self.login_dialog.finished.connect(self._login_closed)
        self.login_dialog.open()

    def _login_closed(self, _result: int) -> None:
        if self.login_dialog is not None:
            self.login_dialog.deleteLater()
            self.login_dialog = None
        self.activateWindow()  # back to the window's keys, whatever the window manager does
        # The keys where the page on screen starts: a supervisor lands on the dashboard.
        if (dashboard := self._shown_dashboard()) is not None:
            dashboard.tiles["received_today"].setFocus()
        else:
            self.form.ui.phoneEdit.setFocus()

    def log_out(self) -> None:
        self.connection.logout()
        self.statusBar().showMessage(
            self.tr("Logged out. Cases are still saved here and sent after the next login."), MESSAGE_MS
        )

    def show_refused(self) -> None:
        self._runner.run_db(self._outbox.refused_items, self._list_refused)

    def refresh(self) -> None:
        """F5: the case list again, and the server's latest changes now (on the dashboard: its figures)."""
        if (dashboard := self._shown_dashboard()) is not None:
            dashboard.poller.poll_now()
            return
        if (worklist := self._shown_worklist()) is not None:
            worklist.reload()
        self.case_list.apply_filters()
        self.connection.wake(follow_now=True)

    def toggle_dashboard(self) -> None:
        """F6: between the intake and the dashboard (supervisors; a monitor has the dashboard only)."""
        if self.dashboard is None or self.dashboard_page is None:
            self.statusBar().showMessage(
                self.tr("The dashboard is for supervisor and monitor accounts."), MESSAGE_MS
            )
            return
        showing = self._shown_dashboard() is not None
        if showing and self.pages.indexOf(self.intake_page) >= 0:
            self.pages.setCurrentWidget(self.intake_page)
            self.form.ui.phoneEdit.setFocus()
        else:
            self.pages.setCurrentWidget(self.dashboard_page)
            self.dashboard.tiles["received_today"].setFocus()

    def dashboard_table(self, table: str) -> None:
        if (dashboard := self._shown_dashboard()) is not None:
            dashboard.show_table(table)
        else:
            self.statusBar().showMessage(self.tr("Open the dashboard first (F6)."), MESSAGE_MS)

    def export_dashboard(self, kind: str) -> None:
        if (dashboard := self._shown_dashboard()) is not None:
            dashboard.ask_export(kind)
        else:
            self.statusBar().showMessage(self.tr("Open the dashboard first (F6)."), MESSAGE_MS)

    def _apply_role(self) -> None:
        """Supervisors, monitors and admins get the dashboard; a monitor (read-only) only that."""
        # The role outlives a token's expiry (the dashboard keeps its figures and asks for a login);
        # a logout or another account clears it.
        role = self.connection.role
        overseer = role in OVERSEERS
        if overseer and self.dashboard is None:
            # Imported here: QtCharts loads only on a supervisor's console, not at every start.
            from operator_console.gui.dashboard.page import Dashboard

            self.dashboard = Dashboard(
                self._runner,
                self.connection.new_reader,
                self._context.taxonomy,
                self._context.language,
            )
            # In a scroll area: on a 1366×768 screen the figures, tables and charts are taller than
            # the window, and the lowest ones must still be reachable (they were cut off).
            self.dashboard_page = QScrollArea()
            self.dashboard_page.setWidgetResizable(True)
            self.dashboard_page.setFrameShape(QFrame.Shape.NoFrame)
            self.dashboard_page.setWidget(self.dashboard)
            self.pages.addTab(self.dashboard_page, self.tr("Supervisor's dashboard"))
        elif not overseer and self.dashboard is not None and self.dashboard_page is not None:
            self.dashboard.poller.stop()
            self.pages.removeTab(self.pages.indexOf(self.dashboard_page))
            self.dashboard_page.deleteLater()  # and the dashboard in it
            self.dashboard = None
            self.dashboard_page = None
        self._read_only = role == "monitor"
        # A unit's focal point works the unit's cases and takes no calls: no intake form for them.
        takes_calls = role not in ("monitor", "unit")
        has_intake = self.pages.indexOf(self.intake_page) >= 0
        if not takes_calls and has_intake:
            self.pages.removeTab(self.pages.indexOf(self.intake_page))
        elif takes_calls and not has_intake:
            self.pages.insertTab(0, self.intake_page, self.tr("Call intake"))
        account = self.connection.account
        # A unit's page as soon as the role is known, its unit once the server says it (a console
        # upgraded from a release that kept only the role, started offline, says so on the page).
        units = frozenset({account.unit_code} if account.unit_code else ()) if role == "unit" else None
        self._show_worklist(UNIT, units, first=True)
        self._show_worklist(TRIAGE, frozenset() if account.routes_triage else None)
        self.pages.tabBar().setVisible(self.pages.count() > 1)
        if self.dashboard is not None:
            # The drill-downs' keys (re-route, escalate…) for those who may; a monitor's lists read only.
            self.dashboard.act = self.server_cases.act if not self._why_not_decide() else None
        if self.dashboard is not None and self.dashboard_page is not None:
            self.dashboard.poller.forget_login()
            if role != self._shown_role:
                self.dashboard.forget_account()
                self.pages.setCurrentWidget(self.dashboard_page)  # what a supervisor logs in for
        self._shown_role = role
        self._page_changed()

    def _show_worklist(self, kind: str, units: frozenset[str] | None, *, first: bool = False) -> None:
        """The page of ``kind`` for ``units`` (the triage desk knows its own), or none (None)."""
        page = self.worklists.get(kind)
        if units is None:
            if page is not None:
                self.pages.removeTab(self.pages.indexOf(page))
                page.deleteLater()
                del self.worklists[kind]
            return
        if page is None:
            page = WorklistPage(
                kind,
                self._context,
                self.operator,
                self.case_viewer.open,
                self.open_dialog,
                lambda text: self.statusBar().showMessage(text, MESSAGE_MS),
                self.connection.wake,
            )
            title = self.tr("Triage desk") if kind == TRIAGE else self.tr("Unit's worklist")
            self.pages.insertTab(0 if first else self.pages.count(), page, title)
            self.worklists[kind] = page
            if first:
                self.pages.setCurrentWidget(page)
                page.focus_list()  # what a unit's focal point logs in for
                # and again once the login dialog has handed the keys back to the window
                QTimer.singleShot(0, page.focus_list)
        if kind == UNIT:
            page.set_units(units)
        page.reload()

    def _why_not_decide(self) -> str:
        """'' when this account re-routes and escalates from the drill-downs, else why not."""
        if self.connection.role in ("supervisor", "admin"):
            return ""
        return self.tr("This account reads the figures: re-routing and escalating are for supervisors.")

    def toggle_worklist(self) -> None:
        """F9: on to the next worklist (the unit's, the triage desk), then back to the intake."""
        pages = [p for p in (self.worklists.get(UNIT), self.worklists.get(TRIAGE)) if p is not None]
        if not pages:
            self.statusBar().showMessage(
                self.tr("Worklists are for unit accounts and the triage desk (supervisors, triage duty)."),
                MESSAGE_MS,
            )
            return
        shown = self.pages.currentWidget()
        later = pages[pages.index(shown) + 1 :] if shown in pages else pages
        if later:
            self.pages.setCurrentWidget(later[0])
            later[0].focus_list()
        elif self.pages.indexOf(self.intake_page) >= 0:
            self.pages.setCurrentWidget(self.intake_page)
            self.form.ui.phoneEdit.setFocus()
        else:
            self.pages.setCurrentWidget(pages[0])
            pages[0].focus_list()

    def _shown_worklist(self) -> WorklistPage | None:
        shown = self.pages.currentWidget()
        return shown if isinstance(shown, WorklistPage) else None

    def _shown_dashboard(self) -> Dashboard | None:
        """The dashboard when it is the page on screen (its keys and refresh work then only)."""
        shown = self.pages.currentWidget()
        return self.dashboard if self.dashboard is not None and shown is self.dashboard_page else None

    def _page_changed(self, _index: int = -1) -> None:
        """The intake's keys work on the intake only (Esc on the dashboard must not clear a call
        hidden behind it); the dashboard asks the server only while it is on screen."""
        on_intake = self.pages.currentWidget() is self.intake_page
        if _index >= 0 and (worklist := self._shown_worklist()) is not None:
            worklist.reload()  # a page turned to (not a role applied again): the keys go to its list
            worklist.focus_list()
        for action_id, action in self.actions_by_id.items():
            if action_id.startswith(INTAKE_ACTIONS):
                # A monitor's keys for taking a call stay live, to say why nothing happens.
                action.setEnabled(on_intake or (self._read_only and action_id in CALL_KEYS))
        if self.dashboard is None:
            return
        if self._shown_dashboard() is not None:
            self.dashboard.poller.start()
        else:
            self.dashboard.poller.stop()
            self.dashboard.close_lists()  # never over the intake form

    def show_about(self) -> None:
        self.open_dialog(AboutDialog(self._settings, self))

    def keep_draft_now(self) -> None:
        """The call being typed, to its draft file at once (an unexpected error: see crash_guard)."""
        if not self.form.is_blank():
            self._drafts.keep(self.form.draft())
        self._drafts.flush()

    def show_keys(self) -> None:
        self.open_dialog(CheatSheet(self.form, self))

    def edit_settings(self) -> None:
        if SettingsDialog(self._settings, self).exec():
            font = QFont(QApplication.font())
            font.setPointSize(self._settings.get(S.FONT_SIZE))
            QApplication.setFont(font)
            self.connection.reconfigure()
            self._show_connection()

    def refresh_queue(self) -> None:
        self._runner.run_db(self._outbox.state, self._show_queue)

    # results ------------------------------------------------------------------------------------
    def _saved(self, case: Case) -> None:
        log.info(
            "case %s saved here (%s, %s, priority %s)",
            case.id,
            case.channel.value,
            case.category,
            case.priority.value,
        )
        self._saving = False
        self.form.ui.saveButton.setEnabled(True)
        self._last_saved = case
        self.connection.wake()  # the outbox row was written with the case: send it now
        if self.connection.configured:
            self.saved_banner.setText(self.tr("Saved: case %1 · sending…").replace("%1", case.reference))
        else:
            self.saved_banner.setText(self.tr("Saved: case %1").replace("%1", case.reference))
        self.statusBar().clearMessage()
        self._call_done(saved=case.id)

    def _linked(self, reference: str) -> None:
        log.info("repeat call added to case %s", reference)
        self._saving = False
        self.form.ui.saveButton.setEnabled(True)
        self._last_saved = None
        self.connection.wake()
        self.saved_banner.setText(self.tr("Repeat call added to case %1").replace("%1", reference))
        self.candidates.clear()
        self._call_done()

    def _call_done(self, saved: str | None = None) -> None:
        """The call is in the store (a case or a repeat call): the form is ready for the next one."""
        self.form.clear()
        self._drafts.discard()
        # A search made during the call would hide the case just saved; the case is selected.
        self.case_list.show_recent(saved)
        self.history.show_phone("")
        self.refresh_queue()
        if self._pending_call:
            self._take_call(self._pending_call)
        else:
            self._ask_login_when_idle()

    def _save_failed(self, error: BaseException) -> None:
        log.error("the local store did not save the call", exc_info=error)
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
            # On to what this call still has to say (most often: what they need this time).
            self.form.first_unanswered().setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_queue(self, state: OutboxState) -> None:
        if state.refused:
            self.refused_label.setText(
                self.tr("Refused by the server: %1 (Ctrl+Shift+R)").replace("%1", str(state.refused))
            )
        self.refused_label.setVisible(bool(state.refused))
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

    def _synced(self, report: SyncReport) -> None:
        """After each pass of the sync worker: the status bar, the list, the banner's number."""
        self._show_connection()
        self._show_queue(report.outbox)
        if report.sent or report.changed:
            self.cases.reload()
        if report.sent or report.refused or report.changed:
            self.case_viewer.refresh()  # a case open in full: where its changes are now
            if (worklist := self._shown_worklist()) is not None:
                worklist.reload()  # (one not on screen reads again when it is turned to)
        if report.refused:
            self.statusBar().showMessage(
                self.tr("The server refused a case: Ctrl+Shift+R shows why."), MESSAGE_MS
            )
        last = self._last_saved
        if last is not None and (report.sent or report.refused or report.changed):
            self._runner.run_db(
                lambda: (self._store.get_case(last.id), self._outbox.case_item_state(last.id)),
                self._show_sent,
            )

    def _show_sent(self, found: tuple[Case | None, str | None]) -> None:
        case, state = found
        # Only while the banner still speaks of this case (a newer save or call has not replaced it).
        if case is None or self._last_saved is None or case.id != self._last_saved.id:
            return
        if state == REFUSED:
            self._last_saved = None
            self.saved_banner.setText(
                self.tr("The server refused case %1: Ctrl+Shift+R shows why").replace("%1", case.reference)
            )
        elif case.case_number:
            self._last_saved = None
            unit = unit_name(case.handling_unit) if case.handling_unit else ""
            text = self.tr("Sent: case %1 → %2").replace("%1", case.case_number).replace("%2", unit)
            self.saved_banner.setText(text if unit else text.replace(" → ", ""))

    def _login_needed(self, reason: str) -> None:
        self._login_wanted = reason
        if not self._touched and self.form.is_blank():
            self.log_in(reason)  # the console just opened: the login comes first
            return
        # Never a dialog under the operator's fingers: it waits for a blank, untouched form.
        self.statusBar().showMessage(
            self.tr("The server asks you to log in again: Ctrl+L (after this call is fine)."), MESSAGE_MS
        )
        self._ask_login_when_idle()

    @property
    def login_waits_for_idle(self) -> bool:
        """A login is wanted and waits for the form to rest (``LOGIN_PROMPT_IDLE_MS``)."""
        return self._login_timer.isActive()

    def _ask_login_when_idle(self) -> None:
        if self._login_wanted is not None:
            self._login_timer.start()

    def _login_if_idle(self) -> None:
        busy = self._saving or self._pending_call is not None or not self.form.is_blank()
        if self._login_wanted is not None and not busy:
            self.log_in(self._login_wanted)

    def _list_refused(self, items: list[tuple[int, str, str]]) -> None:
        dialog = RefusedDialog(items, self)
        dialog.open_case.connect(self.open_case)
        self.open_dialog(dialog)

    def _keep_draft(self) -> None:
        if self._restoring:
            return
        self._touched = True
        if self._login_timer.isActive():
            self._login_timer.start()  # typing again: the login waits for the form to rest
        if self.form.is_blank():
            self._drafts.discard()
            self.candidates.clear()
        else:
            draft = self.form.draft()
            self._drafts.keep(draft)
            self.candidates.search(draft)

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

    def take_landline(self) -> None:
        if not self.form.take_landline_reading():
            self.statusBar().showMessage(
                self.tr("F7 reads a number 08 + 8 digits as the old landline 028 + 8 digits."), MESSAGE_MS
            )

    def _typed_ward_code(self) -> int | None:
        return self.form.ward_code()

    def _say_where_the_street_is_known(self, street: str, codes: list[int]) -> None:
        self._runner.run_db(
            lambda: self._store.wards_with_street(street, codes),
            lambda known: self.form.show_street_known(street, codes, known),
        )

    # set-up -------------------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        self.operator_label = QLabel(self._context.operator or self.tr("(no operator set)"))
        self.operator_label.setAccessibleName(self.tr("Operator"))
        self.connection_label = QLabel()
        self.connection_label.setAccessibleName(self.tr("Server connection"))
        self.queue_label = QLabel()
        self.queue_label.setAccessibleName(self.tr("Cases waiting to be sent"))
        self.refused_label = QLabel()
        self.refused_label.setAccessibleName(self.tr("Items the server refused"))
        set_tone(self.refused_label, "error")
        self.refused_label.setVisible(False)
        self.held_label = QLabel()
        self.held_label.setObjectName("held_label")
        self.held_label.setAccessibleName(self.tr("Held calls"))
        set_tone(self.held_label, "warn")
        self.held_label.setVisible(False)
        self.store_label = QLabel()
        # Short in the status bar (its messages need the room: "Call held: F3…" was cut to two
        # words at 1366 px); in full in the window's title and the tooltip.
        self.demo_label = QLabel(self.tr("DEMO (practice)"))
        self.demo_label.setToolTip(self.tr("DEMO: practice server, no real cases"))
        self.demo_label.setObjectName("demo_label")
        set_tone(self.demo_label, "warn")
        self.demo_label.setVisible(False)
        bar = self.statusBar()
        bar.addPermanentWidget(self.demo_label)
        bar.addPermanentWidget(self.operator_label)
        bar.addPermanentWidget(self.connection_label)
        bar.addPermanentWidget(self.queue_label)
        bar.addPermanentWidget(self.refused_label)
        bar.addPermanentWidget(self.held_label)
        bar.addPermanentWidget(self.store_label)
        self._show_connection()

    def _show_connection(self) -> None:
        """The server's state in words and colour: online, offline and why, or a login needed."""
        connection = self.connection
        demo = connection.demo is not None
        title = self.tr("1022 Operator Console")
        self.setWindowTitle(title + " — " + self.demo_label.toolTip() if demo else title)
        self.demo_label.setVisible(demo)
        self.operator_label.setText(self.operator() or self.tr("(no operator set)"))
        if not connection.configured:
            self.connection_label.setText(self.tr("This workstation only (no server set)"))
            set_tone(self.connection_label, "")
            return
        host = self.tr("demo server") if demo else urlsplit(connection.url).hostname or connection.url
        report = connection.last_report
        if connection.problem:
            text, tone = self.tr("Server %1: %2").replace("%2", connection.problem), "error"
        elif not connection.logged_in:
            if demo and connection.worker is None:
                text, tone = self.tr("Server %1: starting…"), "warn"
            else:
                text, tone = self.tr("Server %1: not logged in, cases wait here (Ctrl+L)"), "warn"
        elif report is None or report.online is None:
            text, tone = self.tr("Server %1: connecting…"), "warn"
        elif report.online:
            text, tone = self.tr("Server %1: online"), "ok"
        else:
            retry = report.next_try.astimezone(HCMC_TIME).strftime("%H:%M:%S") if report.next_try else "—"
            text = (
                self.tr("Server %1: offline (%2), cases wait here; next try %3")
                .replace("%2", report.reason.rstrip("."))
                .replace("%3", retry)
            )
            tone = "error"
        self.connection_label.setText(text.replace("%1", host))
        set_tone(self.connection_label, tone)
        if report is not None:
            self._show_queue(report.outbox)

    def _build_actions(self) -> None:
        handlers: dict[str, Callable[[], object]] = {
            "intake.new": self.new_call,
            "intake.save": self.save_case,
            "intake.clear": self.clear_form,
            "intake.undo_clear": self.undo_clear,
            "intake.held": self.show_held,
            "intake.fill_previous": self.fill_previous,
            "intake.take_landline": self.take_landline,
            "app.settings": self.edit_settings,
            "app.login": lambda: self.log_in(),
            "app.logout": self.log_out,
            "sync.refused": self.show_refused,
            "app.quit": self.close,
            "cases.find": self.case_list.focus_filter,
            "cases.refresh": self.refresh,
            "view.dashboard": self.toggle_dashboard,
            "view.worklist": self.toggle_worklist,
            "view.export_xlsx": partial(self.export_dashboard, "xlsx"),
            "view.export_csv": partial(self.export_dashboard, "csv"),
            **{
                f"dashboard.{t}": partial(self.dashboard_table, t)
                for t in ("units", "wards", "overdue", "operators")
            },
            "help.keys": self.show_keys,
            "help.about": self.show_about,
            **{f"candidates.open_{n}": partial(self.open_candidate, n) for n in range(1, 6)},
        }
        menus = {key: self.menuBar().addMenu(menu_label(key)) for key in MENUS}
        for action_id in CALL_KEYS:
            handlers[action_id] = partial(self._for_call_takers, handlers[action_id])
        for spec in ACTIONS:
            action = QAction(spec.label, self)
            action.setObjectName(spec.id)
            action.setShortcuts([QKeySequence(k) for k in spec.keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(handlers[spec.id])
            menus[spec.menu].addAction(action)
            self.actions_by_id[spec.id] = action
