"""A supervisor's decisions on cases listed from the server (the dashboard's drill-downs): re-route,
change the priority, add a note, escalate what is past its deadline (to the department, or to a
unit picked, one step more urgent, in one change).

The case is looked up in the local store, or copied there from the list's row (a case older than
the replica's window), so that the change is written locally with its outbox item first and sent
like every other, carrying the version the list showed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from operator_console.client.api import Unreachable
from operator_console.client.replica_sync import case_from_server
from operator_console.gui.shell.context import ConsoleContext
from operator_console.gui.worklist.decision_dialog import DECISIONS, Decided, DecisionDialog
from operator_console.gui.worklist.decisions import Target, about, changes_for, left_out
from operator_console.store.replica import Replica
from operator_console.store.server_state import ServerCase

log = logging.getLogger(__name__)
KEYS = (
    ("route", "U"),
    ("priority", "P"),
    ("note", "N"),
    ("escalate", "X"),
)
"""The drill-down's keys for a supervisor (declared here, bound by the drill-down)."""


class ServerCaseActions(QObject):
    def __init__(
        self,
        context: ConsoleContext,
        operator: Callable[[], str],
        may_act: Callable[[], str],
        sent: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        """``may_act``: '' when the account may decide, else why not (in the person's language)."""
        super().__init__(parent)
        self._context, self._operator, self._may_act = context, operator, may_act
        self._sent = sent
        self._replica = Replica(context.store.engine)
        self.dialog: DecisionDialog | None = None

    def act(self, action: str, rows: list[dict[str, Any]], over: QWidget, say: Callable[[str], None]) -> None:
        """``rows``: the server's cases (``CaseOut``) chosen in the list; ``say``: a line under it."""
        if why_not := self._may_act():
            say(why_not)
            return
        cases: list[ServerCase] = []
        for row in rows:
            try:
                cases.append(case_from_server(row))
            except Unreachable:
                log.warning("a drill-down row could not be read as a case")
        if not cases:
            say(self.tr("Choose a case in the list first."))
            return
        first = cases[0]
        dialog = DecisionDialog(
            DECISIONS[action],
            about(first.case.case_number or "", first.case.needy.name, len(cases)),
            self._context.gazetteer,
            self._context.language,
            over,
            priority=first.case.priority,
        )
        dialog.decided.connect(lambda decided: self._record(cases, decided, over, say))
        self.dialog = dialog
        dialog.open()

    def _record(
        self, cases: list[ServerCase], decided: Decided, over: QWidget, say: Callable[[str], None]
    ) -> None:
        replica, by = self._replica, self._operator()
        targets = [
            Target(c.server_id, c.case.case_number or c.server_id, c.case.status, c.version, c.case.priority)
            for c in cases
        ]
        outcome = changes_for(targets, decided, datetime.now(UTC))
        by_id = {c.server_id: c for c in cases}
        pairs = [(by_id[case_id], change) for case_id, change in outcome.changes]

        def tell(text: str) -> None:
            if shiboken6.isValid(over):  # the list may have been closed meanwhile
                say(text)

        if not pairs:
            tell(left_out(outcome.cannot, outcome.unknown, []))
            return

        def write() -> int:
            replica.keep_with_changes(pairs, datetime.now(UTC), by=by)
            return len(pairs)

        def written(count: int) -> None:
            log.info("%d change(s) recorded from a drill-down", count)
            self._sent()
            text = self.tr("Recorded on %1 case(s); sent to the server in order.").replace("%1", str(count))
            tell(f"{text} {left_out(outcome.cannot, outcome.unknown, [])}".strip())

        def failed(error: BaseException) -> None:
            log.error("the local store did not keep the decision", exc_info=error)
            tell(self.tr("Not recorded: the local store failed (%1).").replace("%1", type(error).__name__))

        self._context.runner.run_db(write, written, failed)
