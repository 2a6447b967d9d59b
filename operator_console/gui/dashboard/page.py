"""The supervisor's dashboard: the desk's load now, where help is stuck, the phone queue, charts.

Figures come from the server (``GET /stats/queue``) every few seconds through
:class:`FiguresPoller`; this widget only shows them. Each tile is a button (Tab reaches it, Enter
opens its cases), each table row opens its cases on Enter or a double click, each bar on a click.
Colours follow ``gui/dashboard/breaches.py``. Export writes what is on screen to XLSX or CSV.
"""

from __future__ import annotations

import errno
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QStandardPaths, Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from operator_console.client.api import ServerClient
from operator_console.client.queue_figures import Backlog, OperatorLine, Overdue, QueueFigures
from operator_console.domain.case import Channel, Priority, Status, label
from operator_console.domain.interchange import HCMC_TIME
from operator_console.domain.messages import Language
from operator_console.domain.taxonomy import Taxonomy
from operator_console.gui.dashboard import figure_text as ft
from operator_console.gui.dashboard.breaches import tone
from operator_console.gui.dashboard.drilldown_dialog import Act, DrillDownDialog
from operator_console.gui.dashboard.figure_charts import (
    OPEN_STATUSES,
    Ageing,
    BacklogByUnit,
    arrivals_today,
    arrivals_week,
)
from operator_console.gui.dashboard.figure_tables import Column, RowsModel, size_columns, table_for
from operator_console.gui.dashboard.figures_poller import FiguresPoller
from operator_console.gui.dashboard.report_export import Sheet, write_report
from operator_console.gui.shell.tasks import TaskRunner
from operator_console.gui.shell.tone import set_tone

log = logging.getLogger(__name__)
Filters = dict[str, Any]


def _backlog_key(row: Backlog) -> str:
    return row.key


def _overdue_key(row: Overdue) -> tuple[str, str]:
    return row.category, row.priority


def _operator_key(row: OperatorLine) -> str:
    return row.username


def _tr(text: Any) -> str:
    return QCoreApplication.translate("figures", str(text))


@dataclass(frozen=True)
class TileSpec:
    id: str
    caption: Any
    """English source, marked for lupdate in the "figures" context."""
    group: str
    """``cases`` or ``phone``."""
    drills: bool = True
    """False for figures that are not cases (calls, outboxes on the consoles)."""


TILES: tuple[TileSpec, ...] = (
    TileSpec("received_today", QT_TRANSLATE_NOOP("figures", "Received today"), "cases"),
    TileSpec("received_last_hour", QT_TRANSLATE_NOOP("figures", "Received in the last hour"), "cases"),
    TileSpec("open_total", QT_TRANSLATE_NOOP("figures", "Open cases"), "cases"),
    TileSpec("past_deadline", QT_TRANSLATE_NOOP("figures", "Past their deadline"), "cases"),
    TileSpec("repeat_rate", QT_TRANSLATE_NOOP("figures", "Repeat calls today"), "cases"),
    TileSpec("outbox", QT_TRANSLATE_NOOP("figures", "Waiting in consoles' outboxes"), "cases", drills=False),
    TileSpec("calls_waiting", QT_TRANSLATE_NOOP("figures", "Calls waiting now"), "phone", drills=False),
    TileSpec("service_level", QT_TRANSLATE_NOOP("figures", "Answered within 20 s"), "phone", drills=False),
    TileSpec(
        "average_answer", QT_TRANSLATE_NOOP("figures", "Average speed of answer"), "phone", drills=False
    ),
    TileSpec("abandoned", QT_TRANSLATE_NOOP("figures", "Abandoned calls"), "phone", drills=False),
    TileSpec("average_handle", QT_TRANSLATE_NOOP("figures", "Average handle time"), "phone", drills=False),
    TileSpec("agents", QT_TRANSLATE_NOOP("figures", "Operators"), "phone", drills=False),
)


class FigureTile(QPushButton):
    """A figure as a button: the number large, what it is, and a line of detail."""

    def __init__(self, spec: TileSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setObjectName(f"tile_{spec.id}")
        self.setProperty("figure", True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.caption = QLabel(_tr(spec.caption))
        self.caption.setWordWrap(True)
        self.value = QLabel("–")
        self.value.setObjectName("tile_value")
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.7)
        big.setBold(True)
        self.value.setFont(big)
        self.detail = QLabel("")
        self.detail.setObjectName("tile_detail")
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(0)
        for part in (self.caption, self.value, self.detail):
            part.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(part)
        lines = self.fontMetrics().lineSpacing()
        self.setMinimumHeight(int(lines * 2 + big.pointSizeF() * 2.2 + lines * 2))
        self.setAccessibleName(self.caption.text())
        if not spec.drills:
            self.setToolTip(
                QCoreApplication.translate("figures", "Not cases on the server: no list behind this figure.")
            )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Outside a dialog a push button takes only Space; Enter is what the hands expect here.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.click()
            return
        super().keyPressEvent(event)

    def show_value(self, value: str, detail: str, shade: str = "") -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.setAccessibleName(f"{self.caption.text()}: {value}. {detail}")
        if self.property("tone") != shade:
            self.setProperty("tone", shade)
            self.style().unpolish(self)
            self.style().polish(self)


class Dashboard(QWidget):
    def __init__(
        self,
        runner: TaskRunner,
        reader: Callable[[], ServerClient | None],
        taxonomy: Taxonomy,
        language: Language,
        parent: QWidget | None = None,
        act: Act | None = None,
    ) -> None:
        """``act``: a supervisor's decisions on the cases of a drill-down (None: read only)."""
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.act = act
        self._runner, self._reader, self._taxonomy, self._language = runner, reader, taxonomy, language
        self.poller = FiguresPoller(runner, reader, parent=self)
        self.poller.updated.connect(self.show_figures)
        self.poller.failed.connect(self.show_problem)
        self.figures: QueueFigures | None = None
        self.drilldowns: list[DrillDownDialog] = []
        self.last_export: Path | None = None

        self.status = QLabel(self.tr("Fetching the figures…"))
        self.status.setObjectName("dashboard_status")
        self.status.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("&Refresh now"))
        self.refresh_button.clicked.connect(self.poller.poll_now)
        self.xlsx_button = QPushButton(self.tr("Export to &Excel…"))
        self.xlsx_button.clicked.connect(lambda: self.ask_export("xlsx"))
        self.csv_button = QPushButton(self.tr("Export to CS&V…"))
        self.csv_button.clicked.connect(lambda: self.ask_export("csv"))
        top = QHBoxLayout()
        self.export_status = QLabel()
        self.export_status.setObjectName("export_status")
        self.export_status.setWordWrap(True)
        self.export_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Its own line: the figures' line is rewritten every few seconds and would wipe it.
        top.addWidget(self.status, 1)
        top.addWidget(self.export_status, 1)
        for button in (self.refresh_button, self.xlsx_button, self.csv_button):
            top.addWidget(button)

        self.tiles: dict[str, FigureTile] = {}
        groups = {
            "cases": QGroupBox(self.tr("Cases")),
            "phone": QGroupBox(self.tr("Phone queue (from the exchange)")),
        }
        for name, box in groups.items():
            box.setObjectName(f"tiles_{name}")
            row = QHBoxLayout(box)
            row.setContentsMargins(6, 4, 6, 6)
            for spec in (t for t in TILES if t.group == name):
                tile = FigureTile(spec)
                tile.clicked.connect(lambda _checked=False, s=spec.id: self.drill_tile(s))
                self.tiles[spec.id] = tile
                row.addWidget(tile)

        self.units: RowsModel[Backlog] = RowsModel(self._backlog_columns(unit=True), _backlog_key, self)
        self.wards: RowsModel[Backlog] = RowsModel(self._backlog_columns(unit=False), _backlog_key, self)
        self.overdue: RowsModel[Overdue] = RowsModel(self._overdue_columns(), _overdue_key, self)
        self.operators: RowsModel[OperatorLine] = RowsModel(self._operator_columns(), _operator_key, self)
        self.tables = QTabWidget()
        self.tables.setObjectName("dashboard_tables")
        self.tables.setAccessibleName(self.tr("Where cases are stuck"))
        self.tables.tabBar().setAccessibleName(self.tr("Where cases are stuck"))
        self.tables.currentChanged.connect(lambda _i: self._size_shown_table())
        self.views: dict[str, QTableView] = {}
        tables: list[tuple[str, RowsModel[Any], str]] = [
            ("units", self.units, self.tr("By unit")),
            ("wards", self.wards, self.tr("By ward")),
            ("overdue", self.overdue, self.tr("Past deadline")),
            ("operators", self.operators, self.tr("Operators")),
        ]
        for key, model, title in tables:
            view = table_for(model, f"{key}_table", self)
            view.setAccessibleName(title)
            view.activated.connect(lambda index, k=key: self._row_activated(k, index))
            self.tables.addTab(view, title)
            self.views[key] = view
        # Most open first; a click on "Oldest open for" sorts by the age of the oldest instead.
        self.views["units"].sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.views["wards"].sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.views["overdue"].sortByColumn(3, Qt.SortOrder.DescendingOrder)
        self.views["operators"].sortByColumn(0, Qt.SortOrder.AscendingOrder)

        self.charts = {
            "arrivals_day": arrivals_today(language),
            "arrivals_week": arrivals_week(language),
            "backlog": BacklogByUnit(),
            "ageing": Ageing(),
        }
        chart_grid = QWidget()
        grid = QGridLayout(chart_grid)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, chart in enumerate(self.charts.values()):
            grid.addWidget(chart, i // 2, i % 2)
            if hasattr(chart, "picked"):
                chart.picked.connect(lambda picked: self.drill(*picked))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tables)
        splitter.addWidget(chart_grid)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([620, 780])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(groups["cases"])
        layout.addWidget(groups["phone"])
        layout.addWidget(splitter, 1)

    def _size_shown_table(self) -> None:
        view = self.tables.currentWidget()
        if isinstance(view, QTableView):
            size_columns(view)

    def show_table(self, key: str) -> None:
        """Alt+1…4 (``actions.py``): a table, the cursor on a row (Enter lists its cases)."""
        view = self.views[key]
        self.tables.setCurrentWidget(view)
        view.setFocus()
        if not view.currentIndex().isValid() and view.model().rowCount() > 0:
            view.setCurrentIndex(view.model().index(0, 0))

    # the figures ---------------------------------------------------------------------------------
    def show_figures(self, figures: QueueFigures) -> None:
        self.figures = figures
        lang = self._language
        now = figures.generated_at

        def by_channel(counts: dict[str, int]) -> str:
            return " · ".join(
                f"{label(c, lang)} {ft.count(counts.get(c.value, 0), lang)}"
                for c in Channel
                if counts.get(c.value)
            )

        def total(counts: dict[str, int]) -> str:
            return ft.count(sum(counts.values()), lang)

        t = self.tiles
        t["received_today"].show_value(total(figures.received_today), by_channel(figures.received_today))
        t["received_last_hour"].show_value(
            total(figures.received_last_hour), by_channel(figures.received_last_hour)
        )
        t["open_total"].show_value(
            ft.count(figures.open_total, lang),
            " · ".join(
                f"{label(Status(s), lang)} {ft.count(n, lang)}"
                for s, n in sorted(
                    figures.open_by_status.items(),
                    key=lambda item: OPEN_STATUSES.index(item[0]) if item[0] in OPEN_STATUSES else 9,
                )
                if s in Status.__members__.values()
            ),
        )
        oldest_overdue = min((o.oldest for o in figures.overdue if o.oldest), default=None)
        t["past_deadline"].show_value(
            ft.count(figures.past_deadline, lang),
            QCoreApplication.translate("figures", "oldest open %1").replace("%1", ft.age(oldest_overdue, now))
            if oldest_overdue
            else QCoreApplication.translate("figures", "none"),
            tone("past_deadline", figures.past_deadline),
        )
        t["repeat_rate"].show_value(
            ft.share(figures.repeat_rate_today, lang),
            QCoreApplication.translate("figures", "%1 of %3 contacts today were repeats, about %2 cases")
            .replace("%1", ft.count(figures.repeat_contacts_today, lang))
            .replace("%2", ft.count(figures.repeated_cases_today, lang))
            .replace(
                "%3", ft.count(figures.repeat_contacts_today + sum(figures.received_today.values()), lang)
            ),
            tone("repeat_rate", figures.repeat_rate_today),
        )
        consoles = QCoreApplication.translate("figures", "%1 consoles on shift").replace(
            "%1", ft.count(figures.on_shift, lang)
        )
        waited = QCoreApplication.translate("figures", "oldest %1").replace(
            "%1", ft.seconds(figures.outbox_oldest_waiting_s)
        )
        t["outbox"].show_value(
            ft.count(figures.outbox_waiting, lang),
            f"{waited} · {consoles}" if figures.outbox_waiting else consoles,
            tone("outbox_oldest_s", figures.outbox_oldest_waiting_s if figures.outbox_waiting else 0),
        )
        phone = figures.phone
        t["calls_waiting"].show_value(
            ft.count(phone.waiting, lang),
            QCoreApplication.translate("figures", "longest wait %1").replace(
                "%1", ft.seconds(phone.oldest_wait_s)
            ),
            tone("oldest_wait_s", phone.oldest_wait_s if phone.waiting else 0),
        )
        t["service_level"].show_value(
            ft.share(phone.service_level, lang),
            QCoreApplication.translate("figures", "%1 of %2 calls (hang-ups within 5 s left out)")
            .replace("%1", ft.count(phone.answered_within_20s, lang))
            .replace("%2", ft.count(phone.counted_for_service_level, lang)),
            tone("service_level", phone.service_level),
        )
        t["average_answer"].show_value(
            ft.seconds(phone.average_answer_s),
            QCoreApplication.translate("figures", "%1 calls answered today").replace(
                "%1", ft.count(phone.answered_today, lang)
            ),
            tone("average_answer_s", phone.average_answer_s),
        )
        t["abandoned"].show_value(
            ft.count(phone.abandoned_today, lang),
            QCoreApplication.translate("figures", "%1 of calls offered").replace(
                "%1", ft.share(phone.abandon_rate, lang)
            ),
            tone("abandon_rate", phone.abandon_rate),
        )
        t["average_handle"].show_value(
            ft.seconds(phone.average_handle_s),
            QCoreApplication.translate("figures", "talk and hold, answered calls today"),
        )
        t["agents"].show_value(
            QCoreApplication.translate("figures", "%1 available").replace(
                "%1", ft.count(phone.available, lang)
            ),
            QCoreApplication.translate("figures", "%1 on a call · %2 after-call work")
            .replace("%1", ft.count(phone.on_call, lang))
            .replace("%2", ft.count(phone.after_call_work, lang)),
            "warn" if phone.waiting and not phone.available else "",
        )
        self.units.show(figures.backlog_by_unit)
        self.wards.show(figures.backlog_by_ward)
        self.overdue.show(figures.overdue)
        self.operators.show(figures.operators)
        for chart in self.charts.values():
            chart.show_figures(figures)
        self._size_shown_table()
        self.status.setText(
            self.tr("Figures of %1 · refreshed every %2 s")
            .replace("%1", now.astimezone(HCMC_TIME).strftime("%H:%M:%S"))
            .replace("%2", str(self.poller.interval_s))
        )
        set_tone(self.status, "")

    def show_problem(self, message: str) -> None:
        if self.figures is None:
            text = self.tr("No figures yet: %1").replace("%1", message)
        else:
            shown = self.figures.generated_at.astimezone(HCMC_TIME).strftime("%H:%M:%S")
            text = self.tr("%1 The figures shown are of %2.").replace("%1", message).replace("%2", shown)
        self.status.setText(text)
        set_tone(self.status, "error")

    # drill-down ----------------------------------------------------------------------------------
    def tile_filters(self, figure: str) -> Filters | None:
        """What ``GET /cases`` is asked for the cases behind a tile (None: not cases)."""
        if self.figures is None:
            return None
        now, today = self.figures.generated_at, self.figures.day_started
        filters: dict[str, Filters] = {
            "received_today": {"received_from": today.isoformat()},
            "received_last_hour": {"received_from": (now - timedelta(hours=1)).isoformat()},
            "open_total": {"status": OPEN_STATUSES},
            "past_deadline": {"past_deadline": "true"},
            "repeat_rate": {"repeated_from": today.isoformat()},
        }
        return filters.get(figure)

    def drill_tile(self, figure: str) -> None:
        filters = self.tile_filters(figure)
        if filters is not None:
            self.drill(_tr(next(t.caption for t in TILES if t.id == figure)), filters)

    def row_filters(self, table: str, row: Any) -> tuple[str, Filters]:
        if table == "units":
            return row.name or row.key, {"status": OPEN_STATUSES, "handling_unit": row.key}
        if table == "wards":
            where: Filters = {"ward_code": row.key} if row.key else {"no_ward": "true"}
            return row.name or QCoreApplication.translate("figures", "Ward not known"), {
                "status": OPEN_STATUSES,
                **where,
            }
        if table == "overdue":
            title = (
                QCoreApplication.translate("figures", "Past deadline: %1, %2")
                .replace("%1", self._category(row.category))
                .replace("%2", self._priority(row.priority))
            )
            return title, {
                "past_deadline": "true",
                "category": row.category,
                "exact_category": "true",
                "priority": row.priority,
            }
        assert self.figures is not None
        today = self.figures.day_started
        return (
            QCoreApplication.translate("figures", "Saved today by %1").replace(
                "%1", row.operator or row.username
            ),
            {"created_by": row.username, "created_from": today.isoformat()},
        )

    def drill(self, title: str, filters: Filters) -> DrillDownDialog:
        dialog = DrillDownDialog(
            title, filters, self._reader, self._runner, self._taxonomy, self._language, self, self.act
        )
        # Deleted when closed (WA_DeleteOnClose): forgotten as it closes, never touched after.
        self.drilldowns.append(dialog)
        dialog.finished.connect(lambda _result, d=dialog: self._closed_list(d))
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()  # the keys go to the list (Esc closes it, Alt+T loads more)
        return dialog

    def _closed_list(self, dialog: DrillDownDialog) -> None:
        self.drilldowns.remove(dialog)
        self.window().activateWindow()  # back to the dashboard's keys

    def close_lists(self) -> None:
        for dialog in list(self.drilldowns):
            dialog.close()

    def _row_activated(self, table: str, index: QModelIndex) -> None:
        model = self.views[table].model()
        assert isinstance(model, RowsModel)
        self.drill(*self.row_filters(table, model.row_at(index)))

    # export --------------------------------------------------------------------------------------
    def ask_export(self, kind: str) -> None:
        if self.figures is None:
            self._export_said(self.tr("There are no figures to export yet."), "error")
            return
        stamp = self.figures.generated_at.astimezone(HCMC_TIME).strftime("%Y-%m-%d-%H%M")
        # Documents when the user has that folder (not every Linux account does), else home.
        documents = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
        folder = documents if documents.is_dir() else Path.home()
        dialog = QFileDialog(self, self.tr("Export the dashboard"))
        dialog.setObjectName("export_dialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(kind)
        dialog.setNameFilter(
            self.tr("Excel workbook (*.xlsx)") if kind == "xlsx" else self.tr("CSV, UTF-8 (*.csv)")
        )
        # Qt has no Vietnamese translation of its own file dialog: its labels are set here.
        for part, text in (
            (QFileDialog.DialogLabel.LookIn, self.tr("Folder")),
            (QFileDialog.DialogLabel.FileName, self.tr("File name")),
            (QFileDialog.DialogLabel.FileType, self.tr("File type")),
            (QFileDialog.DialogLabel.Accept, self.tr("Save")),
            (QFileDialog.DialogLabel.Reject, self.tr("Cancel")),
        ):
            dialog.setLabelText(part, text)
        dialog.setDirectory(str(folder))
        dialog.selectFile(str(folder / f"bao-cao-1022-{stamp}.{kind}"))
        dialog.fileSelected.connect(lambda name: self.export_to(Path(name)))
        dialog.open()

    def export_to(self, path: Path) -> None:
        """Write the figures on screen to ``path`` (.xlsx or .csv) off the GUI thread."""
        if self.figures is None:
            return
        heading, sheets = self.report()

        self._export_said(self.tr("Writing %1…").replace("%1", path.name), "")

        def written(_: None) -> None:
            self.last_export = path
            self._export_said(self.tr("Exported to %1").replace("%1", str(path)), "ok")

        def failed(error: BaseException) -> None:
            reasons = {
                errno.ENOENT: self.tr("the folder does not exist"),
                errno.EACCES: self.tr("no permission to write there"),
                errno.EROFS: self.tr("no permission to write there"),
                errno.ENOSPC: self.tr("the disk is full"),
            }
            errno_of = error.errno if isinstance(error, OSError) else None
            reason = reasons.get(errno_of or 0) or (
                error.strerror if isinstance(error, OSError) and error.strerror else type(error).__name__
            )
            self._export_said(
                self.tr("%1 could not be written (%2).").replace("%1", str(path)).replace("%2", reason),
                "error",
            )

        self._runner.run(lambda: write_report(path, heading, sheets), written, failed, owner=self)

    def _figure_numbers(self, figures: QueueFigures) -> dict[str, tuple[float | int | str, str]]:
        """Each tile's figure as a number and its unit (a share in per cent, a time in seconds)."""
        phone = figures.phone
        seconds, per_cent = self.tr("seconds"), "%"

        def pct(value: float | None) -> float | str:
            return "" if value is None else round(value * 100, 1)

        def secs(value: float | None) -> float | str:
            return "" if value is None else round(value, 1)

        return {
            "received_today": (sum(figures.received_today.values()), ""),
            "received_last_hour": (sum(figures.received_last_hour.values()), ""),
            "open_total": (figures.open_total, ""),
            "past_deadline": (figures.past_deadline, ""),
            "repeat_rate": (pct(figures.repeat_rate_today), per_cent),
            "outbox": (figures.outbox_waiting, ""),
            "calls_waiting": (phone.waiting, ""),
            "service_level": (pct(phone.service_level), per_cent),
            "average_answer": (secs(phone.average_answer_s), seconds),
            "abandoned": (phone.abandoned_today, ""),
            "average_handle": (secs(phone.average_handle_s), seconds),
            "agents": (phone.available, self.tr("available")),
        }

    def forget_account(self) -> None:
        """Another account logged in: what the last one exported is theirs, not said to this one."""
        self._export_said("", "")

    def _export_said(self, text: str, shade: str) -> None:
        self.export_status.setText(text)
        set_tone(self.export_status, shade)

    def report(self) -> tuple[str, list[Sheet]]:
        """The view as sheets: the tiles, then every table, the arrivals and the ageing."""
        assert self.figures is not None
        figures = self.figures
        heading = self.tr("1022 hotline: supervisor's figures of %1").replace(
            "%1", figures.generated_at.astimezone(HCMC_TIME).strftime("%d/%m/%Y %H:%M:%S")
        )
        # Numbers as numbers (a supervisor adds them up in a spreadsheet), each with its unit; the
        # tile's own words beside them.
        numbers = self._figure_numbers(figures)
        summary = Sheet(
            self.tr("Summary"),
            [self.tr("Figure"), self.tr("Value"), self.tr("Unit"), self.tr("Shown as"), self.tr("Detail")],
            [
                [tile.caption.text(), *numbers.get(figure, ("", "")), tile.value.text(), tile.detail.text()]
                for figure, tile in self.tiles.items()
            ],
        )
        sheets = [summary]
        models: list[tuple[RowsModel[Any], str]] = [
            (self.units, self.tr("Backlog by unit")),
            (self.wards, self.tr("Backlog by ward")),
            (self.overdue, self.tr("Past deadline")),
            (self.operators, self.tr("Operators on shift")),
        ]
        for model, title in models:
            sheets.append(
                Sheet(
                    title,
                    [c.export_label for c in model.columns],
                    [[c.exported(row) for c in model.columns] for row in model.rows],
                )
            )
        channels = list(Channel)
        sheets.append(
            Sheet(
                self.tr("Arrivals per hour"),
                [self.tr("Hour"), *(label(c, self._language) for c in channels), self.tr("Total")],
                [
                    [
                        (figures.first_hour + timedelta(hours=i))
                        .astimezone(HCMC_TIME)
                        .strftime("%d/%m/%Y %H:00"),
                        *(hour.get(c.value, 0) for c in channels),
                        sum(hour.values()),
                    ]
                    for i, hour in enumerate(figures.arrivals)
                ],
            )
        )
        sheets.append(
            Sheet(
                self.tr("Ageing"),
                [self.tr("Open for"), self.tr("Open cases")],
                [[ft.age_bar(bar.from_h, bar.to_h), bar.open] for bar in figures.ageing],
            )
        )
        return heading, sheets

    # columns -------------------------------------------------------------------------------------
    def _age_column(self, get: Callable[[Any], datetime | None]) -> Column[Any]:
        def hours_open(row: Any) -> float | None:
            return self.figures.hours_since(get(row)) if self.figures else None

        return Column(
            QT_TRANSLATE_NOOP("figures", "Oldest open for"),
            lambda row: ft.age(get(row), self.figures.generated_at) if self.figures else "–",
            lambda row: hours_open(row) if hours_open(row) is not None else -1.0,
            tone=lambda row: tone("oldest_open_h", hours_open(row)),
        )

    def _backlog_columns(self, *, unit: bool) -> list[Column[Backlog]]:
        lang = self._language
        name = Column[Backlog](
            QT_TRANSLATE_NOOP("figures", "Unit") if unit else QT_TRANSLATE_NOOP("figures", "Ward/commune"),
            lambda b: b.name or b.key or QCoreApplication.translate("figures", "Ward not known"),
            lambda b: b.name or b.key,
        )
        count = Column[Backlog](
            QT_TRANSLATE_NOOP("figures", "Open"),
            lambda b: ft.count(b.open, lang),
            lambda b: b.open,
            number=True,
        )
        age = self._age_column(lambda b: b.oldest)
        return [name, count, age]

    def _category(self, code: str) -> str:
        """A sub-category with its top category ("Nhu yếu phẩm › Thuốc men"): the past-deadline
        table lists them apart, each by its own deadline."""
        found = self._taxonomy.get(code)
        if found is None:
            return code
        parent = self._taxonomy.get(found.parent) if found.parent else None
        name = found.label(self._language)
        return f"{parent.label(self._language)} › {name}" if parent else name

    def _priority(self, value: str) -> str:
        try:
            return label(Priority(value), self._language)
        except ValueError:
            return value

    def _overdue_columns(self) -> list[Column[Overdue]]:
        lang = self._language
        return [
            Column(
                QT_TRANSLATE_NOOP("figures", "Category"),
                lambda o: self._category(o.category),
                lambda o: o.category,
            ),
            Column(
                QT_TRANSLATE_NOOP("figures", "Priority"),
                lambda o: self._priority(o.priority),
                lambda o: (
                    ["normal", "urgent", "critical"].index(o.priority)
                    if o.priority in ("normal", "urgent", "critical")
                    else -1
                ),
            ),
            Column(
                QT_TRANSLATE_NOOP("figures", "Deadline"),
                lambda o: ft.hours(o.deadline_h),
                lambda o: o.deadline_h,
                number=True,
                export=lambda o: int(o.deadline_h) if o.deadline_h == int(o.deadline_h) else o.deadline_h,
                export_title=QT_TRANSLATE_NOOP("figures", "Deadline (hours)"),
            ),
            Column(
                QT_TRANSLATE_NOOP("figures", "Past deadline"),
                lambda o: ft.count(o.past, lang),
                lambda o: o.past,
                number=True,
                tone=lambda o: "breach",
            ),
            self._age_column(lambda o: o.oldest),
        ]

    def _operator_columns(self) -> list[Column[OperatorLine]]:
        lang = self._language
        states = {
            "available": QT_TRANSLATE_NOOP("figures", "Available"),
            "on_call": QT_TRANSLATE_NOOP("figures", "On a call"),
            "after_call_work": QT_TRANSLATE_NOOP("figures", "After-call work"),
        }
        return [
            Column(
                QT_TRANSLATE_NOOP("figures", "Operator"),
                lambda o: o.operator if o.operator and o.operator != o.username else o.username,
                lambda o: o.operator or o.username,
            ),
            Column(
                QT_TRANSLATE_NOOP("figures", "State"),
                lambda o: _tr(states.get(o.state, o.state)),
                lambda o: o.state,
            ),
            Column(
                QT_TRANSLATE_NOOP("figures", "Last hour"),
                lambda o: ft.count(o.cases_last_hour, lang),
                lambda o: o.cases_last_hour,
                number=True,
            ),
            Column(
                QT_TRANSLATE_NOOP("figures", "Today"),
                lambda o: ft.count(o.cases_today, lang),
                lambda o: o.cases_today,
                number=True,
            ),
            Column(
                QT_TRANSLATE_NOOP("figures", "Avg. handling"),
                lambda o: ft.seconds(o.average_handling_s),
                lambda o: o.average_handling_s if o.average_handling_s is not None else -1.0,
                number=True,
                export=lambda o: o.average_handling_s,
                export_title=QT_TRANSLATE_NOOP("figures", "Avg. handling (seconds)"),
            ),
        ]
