"""Opening a case in full: what this console knows at once, the server's history when it arrives,
and a call back to the citizen recorded from there (written here first, then sent).

The window asks :meth:`CaseViewer.open` with a case's id (Enter in the case list, a refused item,
a drill-down); reads and writes of the store run on the store's worker, the server's history on a
network thread with a client of its own, so the window never waits on either.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QWidget

from operator_console.client.case_history import ServerHistory, UnreadableHistory, read_history
from operator_console.domain.case import Case
from operator_console.domain.changes import CaseChange
from operator_console.gui.cases.callback_dialog import CallbackDialog
from operator_console.gui.cases.case_details import CaseDetails
from operator_console.gui.shell.connection import Connection
from operator_console.gui.shell.context import ConsoleContext
from operator_console.store.outbox import WAITING, Outbox

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Snapshot:
    case: Case
    changes: list[tuple[CaseChange, str, str]]
    server_id: str | None
    sendable: bool
    """A change can reach the server: the case is there, or waits in the outbox to go (a case
    imported from a file, or one the server refused, never will)."""


class CaseViewer(QObject):
    def __init__(
        self,
        window: QWidget,
        context: ConsoleContext,
        connection: Connection,
        operator: Callable[[], str],
        open_dialog: Callable[[QDialog], None],
        said: Callable[[str], None],
    ) -> None:
        """``open_dialog``: the window's (keys go back to it when the dialog closes); ``said``: a
        line for the window's status bar."""
        super().__init__(window)
        self._window = window
        self._context, self._connection = context, connection
        self._operator, self._open_dialog, self._said = operator, open_dialog, said
        self.details: CaseDetails | None = None
        self.callback: CallbackDialog | None = None
        self._outbox = Outbox(context.store.engine)
        self._asked = 0

    def open(self, case_id: str, call_back: bool = False) -> None:
        """The case in full; ``call_back``: its call back dialog over it at once (G in a worklist)."""
        self._context.runner.run_db(
            lambda: self._snapshot(case_id), lambda found: self._show(found, call_back)
        )

    def _snapshot(self, case_id: str) -> _Snapshot | None:
        store = self._context.store
        case = store.get_case(case_id)
        if case is None:
            return None
        server_id = store.server_id_of(case_id)
        sendable = server_id is not None or self._outbox.case_item_state(case_id) == WAITING
        return _Snapshot(case, store.changes_of(case_id), server_id, sendable)

    def _show(self, snapshot: _Snapshot | None, call_back: bool = False) -> None:
        if snapshot is None:
            return
        context = self._context
        details = CaseDetails(
            snapshot.case, context.gazetteer, context.taxonomy, context.language, self._window
        )
        details.set_local_changes(snapshot.changes)
        if not snapshot.sendable:
            details.callback_button.setEnabled(False)
            details.callback_button.setToolTip(
                self.tr("This case never goes to the server (imported from a file, or refused by it).")
            )
        details.callback_requested.connect(lambda: self._ask_callback(details, snapshot.case))
        self.details = details
        details.finished.connect(lambda _result: self._closed(details))
        self._open_dialog(details)
        self._load_history(details, snapshot.server_id, snapshot.changes)
        if call_back and snapshot.sendable:
            self._ask_callback(details, snapshot.case)

    def refresh(self) -> None:
        """The outbox sent or the feed brought something: the open case shows where its changes
        are now (sent, refused) and the server's history again."""
        details = self.details
        if details is None:
            return
        case_id = details.case_id

        def shown(snapshot: _Snapshot | None) -> None:
            if snapshot is None or self.details is not details:
                return
            if snapshot.server_id is None:
                details.set_local_changes(snapshot.changes)
            else:  # shown with the history read after it, which holds what was sent by then
                self._load_history(details, snapshot.server_id, snapshot.changes, quietly=True)

        self._context.runner.run_db(lambda: self._snapshot(case_id), shown)

    def _closed(self, details: CaseDetails) -> None:
        if self.details is details:
            self.details = None

    def _load_history(
        self,
        details: CaseDetails,
        server_id: str | None,
        changes: list[tuple[CaseChange, str, str]],
        *,
        quietly: bool = False,
    ) -> None:
        """The server's history, shown with ``changes`` (this console's, read before the history
        was asked for: those sent by then are in it). ``quietly``: a refresh, which keeps what is
        shown until the new history arrives. Only the last answer asked for is shown."""
        if server_id is None:
            details.show_server_history_pending(
                self.tr("Not on the server yet: this is what this console knows.")
                if self._connection.configured
                else self.tr("This console works without a server: this is what it knows.")
            )
            return
        reader = self._connection.new_reader()
        if reader is None:
            details.set_local_changes(changes)
            details.show_server_history_pending(
                self.tr("Not logged in to the server: this is what this console knows.")
            )
            return
        if not quietly:
            details.show_server_history_pending(self.tr("Loading the history from the server…"))
        self._asked += 1
        asked = self._asked

        def fetch() -> ServerHistory:
            try:
                return read_history(reader.case_detail(server_id))
            finally:
                reader.close()

        def arrived(history: ServerHistory) -> None:
            if asked == self._asked:  # an older answer arriving late must not replace a newer one
                details.show_server_history(history, changes)

        def failed(error: BaseException) -> None:
            if asked != self._asked:
                return
            log.info("the server's history of a case could not be read: %s", type(error).__name__)
            why = (
                self.tr("its answer was not understood")
                if isinstance(error, UnreadableHistory)
                else str(error)
            )
            details.set_local_changes(changes)
            details.show_server_history_pending(
                self.tr(
                    "The server's history could not be read (%1): this is what this console knows."
                ).replace("%1", why or type(error).__name__)
            )

        self._context.runner.run_network(fetch, arrived, failed, owner=details)

    def _ask_callback(self, details: CaseDetails, case: Case) -> None:
        dialog = CallbackDialog(case, self._context.language, details)
        dialog.recorded.connect(lambda change: self._record(details, case, change))
        self.callback = dialog
        dialog.open()

    def _record(self, details: CaseDetails, case: Case, change: CaseChange) -> None:
        store, by = self._context.store, self._operator()

        def write() -> list[tuple[CaseChange, str, str]]:
            store.add_change(case.id, change, by=by)
            return store.changes_of(case.id)

        def written(changes: list[tuple[CaseChange, str, str]]) -> None:
            log.info("call back recorded on case %s", case.id)
            self._connection.wake()  # the outbox row was written with it: send it now
            self._said(self.tr("Call back recorded on case %1.").replace("%1", case.reference))
            if self.details is details:
                details.set_local_changes(changes)

        def failed(error: BaseException) -> None:
            log.error("the local store did not keep the call back", exc_info=error)
            self._said(
                self.tr("Not recorded: the local store failed (%1).").replace("%1", type(error).__name__)
            )

        self._context.runner.run_db(write, written, failed)
