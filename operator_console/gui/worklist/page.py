"""A worklist page: a unit's open cases (its focal point works them), or the triage desk's cases
without a unit (routed from here). Keyboard-first, as the intake is.

The list is read from the local store (the replica the feed keeps, and what was changed here and
waits to be sent), off the GUI thread; it is read again after every pass of the sync and after each
decision. A decision is written to the store with its outbox item first, then sent in order; it
carries the server's version the list showed, so that a change someone made since is refused by
the server (and the item says so) instead of overwritten.

Keys (declared in :data:`KEYS`): a unit's list: **Enter** opens the case, **A** accepts, **N** a
progress note, **R** resolved, **E** not eligible, **J** rejected, **G** call the citizen back. The
triage desk: **Enter** routes, **O** opens the case. Both: **Ctrl+A** / **Shift+↓** / **Ctrl+Space**
take several at once (not for a call back or the open), **Alt+L** the filter, **F5** (the window's)
reads it again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from operator_console.domain.case import OPEN_STATUSES, Status
from operator_console.domain.deadlines import default_deadlines
from operator_console.domain.units import triage_codes, unit_name
from operator_console.gui.shell.context import ConsoleContext
from operator_console.gui.worklist.decision_dialog import DECISIONS, Decided, DecisionDialog
from operator_console.gui.worklist.decisions import Target, about, changes_for, left_out
from operator_console.gui.worklist.model import WorklistModel
from operator_console.store.worklist import Order, WorkItem, worklist

log = logging.getLogger(__name__)
UNIT, TRIAGE = "unit", "triage"
REFRESH_MS = 60_000
"""The deadlines' "2 h 10 left" move on even when nothing else does."""


@dataclass(frozen=True)
class Key:
    action: str
    shortcut: str
    text: str
    pages: tuple[str, ...]
    several: bool = True
    """It acts on every case selected (else on the current one only)."""


KEYS = (
    Key("open", "Return", str(QT_TRANSLATE_NOOP("WorklistPage", "Enter open")), (UNIT,), several=False),
    Key("route", "Return", str(QT_TRANSLATE_NOOP("WorklistPage", "Enter route")), (TRIAGE,)),
    Key("open", "O", str(QT_TRANSLATE_NOOP("WorklistPage", "O open")), (TRIAGE,), several=False),
    Key("accept", "A", str(QT_TRANSLATE_NOOP("WorklistPage", "A accept")), (UNIT,)),
    Key("progress", "N", str(QT_TRANSLATE_NOOP("WorklistPage", "N progress note")), (UNIT,)),
    Key("resolve", "R", str(QT_TRANSLATE_NOOP("WorklistPage", "R resolved")), (UNIT,)),
    Key("not_eligible", "E", str(QT_TRANSLATE_NOOP("WorklistPage", "E not eligible")), (UNIT,)),
    Key("reject", "J", str(QT_TRANSLATE_NOOP("WorklistPage", "J rejected")), (UNIT,)),
    Key("callback", "G", str(QT_TRANSLATE_NOOP("WorklistPage", "G call back")), (UNIT,), several=False),
)
UNIT_STATUSES = (Status.DISPATCHED, Status.ACCEPTED, Status.IN_PROGRESS)
TRIAGE_STATUSES = tuple(OPEN_STATUSES)


class WorklistPage(QWidget):
    loaded = Signal()
    """The list on screen is the store's as of now (tests wait for it)."""
    recorded = Signal(int)
    """Decisions written to the store (and their outbox items), how many."""

    def __init__(
        self,
        kind: str,
        context: ConsoleContext,
        operator: Callable[[], str],
        open_case: Callable[[str, bool], None],
        open_dialog: Callable[[QDialog], None],
        said: Callable[[str], None],
        sent: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        """``open_case(case_id, call_back)``: the case's details (and its call back at once);
        ``sent``: the outbox has something new to send."""
        super().__init__(parent)
        self.kind = kind
        self._context, self._operator = context, operator
        self._open_case, self._open_dialog, self._said, self._sent = open_case, open_dialog, said, sent
        self._deadlines = default_deadlines()
        self._units: frozenset[str] = triage_codes() if kind == TRIAGE else frozenset()
        self._asked = 0
        self._shown = 0
        self.setObjectName(f"{kind}_worklist")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("worklist_title")
        top.addWidget(self.title, 1)
        filter_label = QLabel(self.tr("Fi&lter:"))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("number, name, street, words (no diacritics needed)"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(self.tr("Filter the list"))
        filter_label.setBuddy(self.filter)
        top.addWidget(filter_label)
        top.addWidget(self.filter, 1)
        layout.addLayout(top)
        self.model = WorklistModel(context.taxonomy, context.language, self)
        self.view = QTableView()
        self.view.setObjectName("worklist_view")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.setAccessibleName(self.tr("Triage list") if kind == TRIAGE else self.tr("Worklist"))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(5, self.fontMetrics().averageCharWidth() * 34)  # house, street, ward
        layout.addWidget(self.view, 1)
        self.keys_hint = QLabel(
            "  ·  ".join(self.tr(str(k.text)) for k in KEYS if kind in k.pages)
            + "  ·  "
            + self.tr("Shift+↓ / Ctrl+A several  ·  Alt+L filter  ·  F5 read again")
        )
        self.keys_hint.setObjectName("worklist_keys")
        self.keys_hint.setWordWrap(True)
        layout.addWidget(self.keys_hint)
        # The list first in the focus chain: the page's keys are letters, and a letter meant for
        # the list must never land in the filter (Alt+L goes there).
        QWidget.setTabOrder(self.view, self.filter)
        self.setFocusProxy(self.view)
        self.filter.textChanged.connect(self._filter)
        self.filter.returnPressed.connect(lambda: self.view.setFocus(Qt.FocusReason.OtherFocusReason))
        self.actions_by_id: dict[str, QAction] = {}
        for key in KEYS:
            if kind not in key.pages:
                continue
            action = QAction(self.tr(str(key.text)), self)
            action.setShortcut(QKeySequence(key.shortcut))
            # On the list only: a letter typed into the filter is a letter.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _checked=False, k=key: self.act(k.action))
            self.view.addAction(action)
            self.actions_by_id[key.action] = action
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        # Only the list on screen moves its deadlines on (one turned to is read again at once).
        self._timer.timeout.connect(lambda: self.reload() if self.isVisible() else None)
        self._timer.start()
        self._show_title()

    # what it lists --------------------------------------------------------------------------------
    def set_units(self, units: frozenset[str]) -> None:
        """The unit(s) whose cases a unit's page lists (the account's unit)."""
        if units != self._units:
            self._units = units
            self.reload()

    def reload(self) -> None:
        """Read the list again (off the GUI thread); the selection stays on the same cases."""
        self._asked += 1
        asked, units = self._asked, self._units
        statuses = TRIAGE_STATUSES if self.kind == TRIAGE else UNIT_STATUSES
        order = Order.RECEIVED if self.kind == TRIAGE else Order.DEADLINE
        engine, deadlines = self._context.store.engine, self._deadlines

        def read() -> list[WorkItem]:
            return worklist(engine, units, statuses, deadlines, order=order)

        def arrived(items: list[WorkItem]) -> None:
            # Reads run one after another on the store's thread: each answer is newer than the one
            # shown before it and shows (waiting for the last one asked would show nothing while
            # F5 or the sync keep asking faster than a read answers).
            if asked > self._shown:
                self._shown = asked
                self._show(items)

        def failed(error: BaseException) -> None:
            log.error("the worklist could not be read", exc_info=error)
            self._said(
                self.tr("The list could not be read from the local store (%1).").replace(
                    "%1", type(error).__name__
                )
            )

        self._context.runner.run_db(read, arrived, failed)

    def _show(self, items: list[WorkItem]) -> None:
        chosen = {i.case_id for i in self.selected()}
        current = self._current()
        was_at = self.view.currentIndex().row()
        self.model.set_items(items, datetime.now(UTC))
        selection = self.view.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for case_id in chosen:
            if (row := self.model.row_of(case_id)) is not None:
                selection.select(self.model.index(row, 0), flags)
        row = self.model.row_of(current.case_id) if current is not None else None
        if row is None and self.model.rowCount():
            row = min(max(was_at, 0), self.model.rowCount() - 1)  # a case gone: the next one
        if row is not None:
            selection.setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.Rows
                | (QItemSelectionModel.SelectionFlag.NoUpdate if chosen else flags),
            )
        self._show_title()
        self.loaded.emit()

    def _filter(self, words: str) -> None:
        self.model.filter(words)
        if self.model.rowCount():
            self.view.selectRow(0)
        self._show_title()

    def _show_title(self) -> None:
        if self.kind == TRIAGE:
            title = self.tr("Triage desk: %1 cases without a unit").replace("%1", str(self.model.total))
        else:
            names = ", ".join(unit_name(u) for u in sorted(self._units)) or self.tr("(unit not known yet)")
            title = self.tr("%1: %2 open cases").replace("%1", names).replace("%2", str(self.model.total))
        if self.model.rowCount() != self.model.total:
            title += self.tr(" (%1 shown)").replace("%1", str(self.model.rowCount()))
        self.title.setText(title)

    def selected(self) -> list[WorkItem]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.item(r) for r in rows]

    def _current(self) -> WorkItem | None:
        index = self.view.currentIndex()
        return self.model.item(index.row()) if index.isValid() else None

    # what it does ---------------------------------------------------------------------------------
    def act(self, action: str) -> None:
        key = next(k for k in KEYS if k.action == action and self.kind in k.pages)
        items = self.selected() if key.several else []
        current = self._current()
        if not items and current is not None:
            items = [current]
        if not items:
            self._said(self.tr("The list is empty: nothing to act on."))
            return
        if action == "open":
            self._open_case(items[0].case_id, False)
        elif action == "callback":
            self._open_case(items[0].case_id, True)
        elif action == "accept":
            self._decide(items, Decided(status=Status.ACCEPTED))
        else:
            self._ask(action, items)

    def _ask(self, action: str, items: Sequence[WorkItem]) -> None:
        first = items[0]
        dialog = DecisionDialog(
            DECISIONS[action],
            about(first.number, first.person, len(items)),
            self._context.gazetteer,
            self._context.language,
            self,
            ward_said=first.ward if action == "route" else "",
            priority=first.priority,
        )
        dialog.decided.connect(lambda decided: self._decide(items, decided))
        self._open_dialog(dialog)

    def _decide(self, items: Sequence[WorkItem], decided: Decided) -> None:
        """One change per case, each with the version the list showed; all written in one go."""
        targets = [Target(i.case_id, i.number or i.person, i.status, i.version, i.priority) for i in items]
        outcome = changes_for(targets, decided, datetime.now(UTC))
        names = {t.case_id: t.name for t in targets}
        if not outcome.changes:
            self._said(left_out(outcome.cannot, outcome.unknown, []))
            return
        store, by, changes = self._context.store, self._operator(), outcome.changes

        def write() -> list[str]:
            return store.add_changes(changes, by=by)

        def written(missing: list[str]) -> None:
            count = len(changes) - len(missing)
            log.info("%d change(s) recorded from the %s worklist", count, self.kind)
            if count:
                self._sent()
            text = self._done_text(decided, count)
            extra = left_out(outcome.cannot, outcome.unknown, [names[m] for m in missing])
            self._said(f"{text} {extra}".strip())
            self.recorded.emit(count)
            self.reload()

        def failed(error: BaseException) -> None:
            log.error("the local store did not keep the decision", exc_info=error)
            self._said(
                self.tr("Not recorded: the local store failed (%1).").replace("%1", type(error).__name__)
            )

        self._context.runner.run_db(write, written, failed)

    def _done_text(self, decided: Decided, count: int) -> str:
        if decided.unit is not None:
            return (
                self.tr("%1 case(s) routed to %2; sent to the server in order.")
                .replace("%1", str(count))
                .replace("%2", decided.unit.name)
            )
        return self.tr("Recorded on %1 case(s); sent to the server in order.").replace("%1", str(count))

    def focus_list(self) -> None:
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
