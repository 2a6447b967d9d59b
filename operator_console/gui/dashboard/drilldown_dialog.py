"""The cases behind a dashboard figure: the server's list for that figure's filters, a page at a time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from operator_console.client.api import CaseListPage, ServerClient, ServerError
from operator_console.domain.case import Channel, Priority, Status, label
from operator_console.domain.interchange import HCMC_TIME
from operator_console.domain.messages import Language
from operator_console.domain.taxonomy import Taxonomy
from operator_console.gui.dashboard import figure_text
from operator_console.gui.dashboard.breaches import tone
from operator_console.gui.dashboard.figure_tables import Column, RowsModel, table_for
from operator_console.gui.shell.tasks import TaskRunner
from operator_console.gui.shell.tone import set_tone
from operator_console.gui.worklist.server_cases import KEYS as ACTION_KEYS

PAGE = 200
Case = dict[str, Any]
Act = Callable[[str, list[Case], QWidget, Callable[[str], None]], None]
"""A supervisor's decision on cases of the list: (action, cases, over which widget, say a line)."""


def _when(case: Case) -> datetime:
    return datetime.fromisoformat(str(case["received_at"]))


def _enum_label(kind: type[Channel] | type[Priority] | type[Status], value: Any, language: Language) -> str:
    try:
        return label(kind(value), language)
    except ValueError:
        return str(value)


def _where(case: Case) -> str:
    """The ward; for a request sent with a map pin and no ward (it waits at triage), the point."""
    ward = str(case.get("ward_name") or case.get("ward") or "")
    lat, lon = case.get("lat"), case.get("long")
    if ward or not isinstance(lat, int | float) or not isinstance(lon, int | float):
        return ward
    return QCoreApplication.translate("figures", "map point %1").replace("%1", f"{lat:.4f}, {lon:.4f}")


def case_columns(taxonomy: Taxonomy, language: Language, now: Callable[[], datetime]) -> list[Column[Case]]:
    def category(case: Case) -> str:
        found = taxonomy.get(str(case.get("category", "")))
        return found.label(language) if found else str(case.get("category", ""))

    def open_hours(case: Case) -> float:
        return (now() - _when(case)).total_seconds() / 3600

    return [
        Column(
            QT_TRANSLATE_NOOP("figures", "Case"), lambda c: str(c["case_number"]), lambda c: c["case_number"]
        ),
        Column(
            QT_TRANSLATE_NOOP("figures", "Received"),
            lambda c: _when(c).astimezone(HCMC_TIME).strftime("%d/%m %H:%M"),
            _when,
        ),
        Column(
            QT_TRANSLATE_NOOP("figures", "Waiting for"),
            lambda c: figure_text.age(_when(c), now()) if c.get("closed_at") is None else "–",
            lambda c: _when(c),
            tone=lambda c: tone("oldest_open_h", open_hours(c)) if c.get("closed_at") is None else "",
        ),
        Column(
            QT_TRANSLATE_NOOP("figures", "Status"),
            lambda c: _enum_label(Status, c.get("status"), language),
            lambda c: str(c.get("status")),
        ),
        Column(
            QT_TRANSLATE_NOOP("figures", "Priority"),
            lambda c: _enum_label(Priority, c.get("priority"), language),
            lambda c: (
                ["normal", "urgent", "critical"].index(c["priority"])
                if c.get("priority") in ("normal", "urgent", "critical")
                else -1
            ),
        ),
        Column(QT_TRANSLATE_NOOP("figures", "Category"), category, category),
        Column(
            QT_TRANSLATE_NOOP("figures", "Channel"),
            lambda c: _enum_label(Channel, c.get("channel"), language),
            lambda c: str(c.get("channel")),
        ),
        Column(
            QT_TRANSLATE_NOOP("figures", "Handling unit"),
            lambda c: str(c.get("handling_unit_name") or c.get("handling_unit")),
            lambda c: str(c.get("handling_unit_name") or c.get("handling_unit")),
        ),
        Column(QT_TRANSLATE_NOOP("figures", "Ward/commune"), _where, _where),
        Column(
            QT_TRANSLATE_NOOP("figures", "Caller"),
            lambda c: str(c.get("caller_name") or ""),
            lambda c: str(c.get("caller_name") or ""),
        ),
    ]


class DrillDownDialog(QDialog):
    """Opened without blocking the dashboard (``show()``); Esc closes it."""

    def __init__(
        self,
        title: str,
        filters: dict[str, Any],
        reader: Callable[[], ServerClient | None],
        runner: TaskRunner,
        taxonomy: Taxonomy,
        language: Language,
        parent: QWidget | None = None,
        act: Act | None = None,
    ) -> None:
        """``act``: a supervisor's decisions on the cases chosen (keys in ``server_cases.KEYS``);
        None: the list is read-only (a monitor)."""
        super().__init__(parent)
        self.setObjectName("drilldown_dialog")
        self.setWindowTitle(self.tr("Cases: %1").replace("%1", title))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        room = self.screen().availableGeometry()
        self.resize(min(1450, room.width() - 40), min(600, room.height() - 80))
        self.filters, self._reader, self._runner = filters, reader, runner
        self._cursor: str | None = None
        self._loading = False
        self.model: RowsModel[Case] = RowsModel(
            case_columns(taxonomy, language, lambda: datetime.now(UTC)), lambda c: str(c["id"]), self
        )
        self.table = table_for(self.model, "drilldown_table", self)
        self.table.setAccessibleName(title)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # newest first, as the pages come
        self.heading = QLabel(title)
        self.heading.setObjectName("drilldown_heading")
        self.heading.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("drilldown_status")
        self.status.setWordWrap(True)
        self.more = QPushButton(self.tr("Load &more"))
        self.more.clicked.connect(self.load_more)
        self.more.hide()
        buttons = QDialogButtonBox()
        buttons.addButton(QPushButton(self.tr("Close")), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.more, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        if act is not None:
            self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            hints = {
                "route": self.tr("U re-route"),
                "priority": self.tr("P priority"),
                "note": self.tr("N note"),
                "escalate": self.tr("X escalate (department, more urgent)"),
            }
            for action_id, shortcut in ACTION_KEYS:
                action = QAction(hints[action_id], self)
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                action.triggered.connect(
                    lambda _c=False, a=action_id: act(a, self.chosen(), self, self._said)
                )
                self.table.addAction(action)
            keys = QLabel(
                "  ·  ".join(hints[a] for a, _k in ACTION_KEYS) + "  ·  " + self.tr("Shift+↓ several")
            )
            keys.setObjectName("drilldown_keys")
            keys.setWordWrap(True)
            layout.addWidget(keys)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.table.setFocus()
        self.load_more()

    def chosen(self) -> list[Case]:
        """The cases selected (or the current one), as the server listed them."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        return [self.model.rows[r] for r in rows if r < len(self.model.rows)]

    def _said(self, text: str) -> None:
        self._say(text, "")

    def load_more(self) -> None:
        if self._loading:
            return
        client = self._reader()
        if client is None:
            self._say(self.tr("Not logged in to the server: the cases cannot be listed."), "error")
            return
        self._loading = True
        self.more.setEnabled(False)
        self._say(self.tr("Loading the cases…"), "")
        cursor, filters = self._cursor, self.filters

        def fetch() -> CaseListPage:
            try:
                return client.cases(filters, cursor, PAGE)
            finally:
                client.close()

        self._runner.run_network(fetch, self._arrived, self._failed, owner=self)

    def _arrived(self, page: CaseListPage) -> None:
        self._loading = False
        self.model.show(self.model.rows + page.items)
        self._cursor = page.next_cursor
        self.more.setVisible(page.next_cursor is not None)
        self.more.setEnabled(True)
        shown = len(self.model.rows)
        if page.next_cursor is None:
            text = self.tr("%n case(s).", "", shown)
        else:
            text = self.tr("The first %n case(s), newest first; more with Alt+M.", "", shown)
        self._say(text, "")
        if shown and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.table.model().index(0, 0, QModelIndex()))

    def _failed(self, error: BaseException) -> None:
        self._loading = False
        self.more.setEnabled(True)
        message = error.message if isinstance(error, ServerError) else type(error).__name__
        self._say(self.tr("The cases could not be listed: %1").replace("%1", message), "error")

    def _say(self, text: str, shade: str) -> None:
        self.status.setText(text)
        set_tone(self.status, shade)
