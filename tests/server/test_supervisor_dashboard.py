"""A supervisor logs in and reads the desk's figures; a monitor reads them only; the cases behind a
figure; the view exported for the daily report; a server that goes away.

The real server on 127.0.0.1 over real HTTP, known cases and calls put in through its API, the
console driven with the keyboard (offscreen). Only the keyring is a stand-in, as beside.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import requests
from openpyxl import load_workbook
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from operator_console.client.api import ServerClient
from operator_console.domain.case import Status
from operator_console.domain.interchange import HCMC_TIME
from operator_console.domain.taxonomy import default_taxonomy
from operator_console.gui.dashboard.drilldown_dialog import DrillDownDialog
from operator_console.gui.dashboard.figure_charts import Arrivals
from operator_console.gui.dashboard.page import Dashboard
from operator_console.gui.shell.app import Console
from operator_console.gui.shell.i18n import install_translator
from operator_console.gui.shell.main import serve_handovers
from operator_console.gui.shell.single_instance import InstanceServer, socket_name
from operator_console.gui.shell.tasks import TaskRunner
from operator_console.store.case_store import CaseFilter
from tests.keyring_stand_in import MemoryKeyring
from tests.keys import type_text
from tests.server.harness import PASSWORD, Server, answering, running_server
from tests.server.test_console_window import (
    WAIT_MS,
    Open,
    focused,
    log_in_with_the_dialog,
    open_console,
    press,
    status,
)
from tests.server.test_dashboard_figures import ago, post
from tests.server.test_telephony import event

__all__ = ["open_console"]
pytestmark = pytest.mark.gui


@pytest.fixture
def busy_server(tmp_path: Path) -> Iterator[tuple[Server, dict[str, str]]]:
    """A desk with known cases and calls: three received just now (two by phone, one by Zalo), one
    essential-supplies case 30 h old (past its 24 h), one 2021 case at another ward; a call waiting,
    one answered within 20 s, one abandoned."""
    with running_server("sqlite", tmp_path / "server") as server:
        numbers = {
            "now_1": post(server, received_at=ago(0.02), call_duration_s=50)["case_number"],
            "now_2": post(server, received_at=ago(0.02), call_duration_s=70)["case_number"],
            "zalo": post(server, received_at=ago(0.02), channel="zalo")["case_number"],
            "late": post(server, received_at=ago(30))["case_number"],
            "old": post(
                server, received_at="2021-08-01T09:00:00+07:00", ward="Phường Tân Bình", ward_code=27004
            )["case_number"],
        }
        answered, abandoned, waiting = "call-a", "call-b", "call-c"
        for call in (answered, abandoned, waiting):
            event(server, event="newCall", callId=call, **{"from": "0903000000"}, direction="in")
        event(server, event="answer", callId=answered, user="op")
        event(server, event="hangup", callId=answered, cause="normalClearing")
        event(server, event="hangup", callId=abandoned, cause="cancel")
        server.session("operator").post(
            server.api("/heartbeat"), json={"console_id": "desk-7", "outbox_size": 2}, timeout=30
        )
        yield server, numbers


def dashboard_of(console: Console) -> Dashboard:
    dashboard = console.window.dashboard
    assert dashboard is not None
    return dashboard


def log_in_as(qtbot: QtBot, open_console: Open, server: Server, user: str) -> Console:
    console = open_console(server.url)
    log_in_with_the_dialog(qtbot, console, user, PASSWORD)
    qtbot.waitUntil(lambda: status(console) == "Máy chủ 127.0.0.1: đã kết nối", timeout=WAIT_MS)
    return console


def figures_shown(qtbot: QtBot, console: Console) -> Dashboard:
    qtbot.waitUntil(lambda: console.window.dashboard is not None, timeout=WAIT_MS)
    dashboard = dashboard_of(console)
    qtbot.waitUntil(lambda: dashboard.figures is not None, timeout=WAIT_MS)
    return dashboard


def same_day(dashboard: Dashboard) -> None:
    """The fixture's cases of "a minute ago" are today's unless the test runs in the first minute
    after midnight in Ho Chi Minh City: the day's figures are then not the ones below."""
    assert dashboard.figures is not None
    local = dashboard.figures.generated_at.astimezone(HCMC_TIME)
    if local.hour == 0 and local.minute < 2:
        pytest.skip("started across midnight in Ho Chi Minh City")


def tile(dashboard: Dashboard, figure: str) -> tuple[str, str]:
    shown = dashboard.tiles[figure]
    return shown.value.text(), shown.detail.text()


def test_a_supervisor_logs_in_and_reads_every_figure_of_the_desk(
    busy_server: tuple[Server, dict[str, str]],
    open_console: Open,
    qtbot: QtBot,
    keyring_stand_in: MemoryKeyring,
) -> None:
    server, _numbers = busy_server
    console = log_in_as(qtbot, open_console, server, "sup")
    dashboard = figures_shown(qtbot, console)
    same_day(dashboard)
    assert console.window.pages.currentWidget() is console.window.dashboard_page, (
        "a supervisor's login opens the dashboard"
    )
    page = console.window.dashboard_page
    assert page is not None and page.widget() is dashboard  # scrolls on a 1366×768 screen
    assert console.window.pages.tabBar().isVisible()
    # Cases received since midnight in Ho Chi Minh City: the three of a minute ago (the 30-hour-old
    # one is yesterday's whatever the hour).
    assert tile(dashboard, "received_today") == ("3", "Điện thoại 2 · Zalo 1")
    assert tile(dashboard, "received_last_hour") == ("3", "Điện thoại 2 · Zalo 1")
    assert tile(dashboard, "open_total") == ("5", "Đã chuyển 5")
    value, detail = tile(dashboard, "past_deadline")
    assert value == "2" and detail.startswith("lâu nhất ")
    assert dashboard.tiles["past_deadline"].property("tone") == "breach"
    assert tile(dashboard, "repeat_rate") == ("0,0 %", "0 / 3 lượt liên hệ hôm nay là gọi lại, về 0 hồ sơ")
    assert tile(dashboard, "outbox")[0] == "2"
    assert tile(dashboard, "calls_waiting")[0] == "1"
    # Three calls offered, one hung up within 5 s (left out of the service level), one answered at once.
    assert tile(dashboard, "service_level") == ("50,0 %", "1 / 2 cuộc (không tính gác máy trong 5 giây)")
    assert tile(dashboard, "abandoned") == ("1", "33,3 % số cuộc gọi đến")
    assert dashboard.tiles["abandoned"].property("tone") == "breach"
    # On shift: "op" (its desk's heartbeat), writing up the call it just ended, and this very
    # console once its own heartbeat is in: the supervisor, available.
    qtbot.waitUntil(lambda: len(dashboard.operators.rows) == 2, timeout=WAIT_MS)
    assert tile(dashboard, "agents") == ("1 sẵn sàng", "0 đang nghe · 1 sau cuộc gọi")
    assert "Số liệu lúc" in dashboard.status.text()

    units = {row.key: row.open for row in dashboard.units.rows}
    assert units == {"ubnd-26740": 4, "ubnd-27004": 1}
    wards = {row.name: row.open for row in dashboard.wards.rows}
    assert wards == {"Phường Sài Gòn": 4, "Phường Tân Bình": 1}
    (overdue,) = dashboard.overdue.rows
    assert (overdue.category, overdue.past, overdue.deadline_h) == ("essential_supplies", 2, 24.0)
    operator = next(row for row in dashboard.operators.rows if row.username == "op")
    assert (operator.state, operator.cases_today, operator.average_handling_s) == ("after_call_work", 5, 60.0)
    arrivals = dashboard.charts["arrivals_day"]
    assert isinstance(arrivals, Arrivals)
    assert sum(arrivals.sets["phone"].at(i) for i in range(24)) == 2
    assert sum(arrivals.sets["zalo"].at(i) for i in range(24)) == 1
    week = dashboard.charts["arrivals_week"]
    assert isinstance(week, Arrivals)
    assert sum(week.sets["phone"].at(i) for i in range(168)) == 3
    assert dashboard.figures is not None
    today = dashboard.figures.generated_at.astimezone(HCMC_TIME).strftime("%d/%m")
    assert today in week.marks.categoriesLabels()

    unnamed = [
        f"{type(w).__name__}:{w.objectName()}"
        for w in dashboard.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not isinstance(w, QLabel)
        and not w.accessibleName()
        and not (w.text() if isinstance(w, QAbstractButton) else "")
        and w.isVisibleTo(dashboard)
    ]
    assert unnamed == [], "controls a screen reader cannot name"

    # F6 goes to the intake and back; the figures are still there.
    press(qtbot, console, Qt.Key.Key_F6)
    assert console.window.pages.currentWidget() is console.window.intake_page
    assert focused(console) is console.window.form.ui.phoneEdit
    press(qtbot, console, Qt.Key.Key_F6)
    assert console.window.pages.currentWidget() is console.window.dashboard_page
    assert focused(console) is dashboard.tiles["received_today"]


def test_enter_on_a_figure_lists_its_cases(
    busy_server: tuple[Server, dict[str, str]],
    open_console: Open,
    qtbot: QtBot,
    keyring_stand_in: MemoryKeyring,
) -> None:
    server, numbers = busy_server
    console = log_in_as(qtbot, open_console, server, "sup")
    dashboard = figures_shown(qtbot, console)
    past = dashboard.tiles["past_deadline"]
    past.setFocus()
    qtbot.keyClick(past, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(dashboard.drilldowns), timeout=WAIT_MS)
    dialog = dashboard.drilldowns[-1]
    qtbot.waitUntil(lambda: len(dialog.model.rows) == 2, timeout=WAIT_MS)
    assert {c["case_number"] for c in dialog.model.rows} == {numbers["late"], numbers["old"]}
    assert dialog.status.text() == "2 hồ sơ."
    assert dialog.windowTitle() == "Hồ sơ: Quá hạn xử lý"

    # Alt+1: the backlog by unit, the cursor in it; down to a unit's row, Enter lists its open cases.
    dialog.close()
    press(qtbot, console, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    view = dashboard.views["units"]
    assert focused(console) is view
    row = next(r for r, unit in enumerate(dashboard.units.rows) if unit.key == "ubnd-27004")
    for _ in range(row):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(dashboard.drilldowns) == 1, timeout=WAIT_MS)  # the first one closed
    unit_list = dashboard.drilldowns[-1]
    assert isinstance(unit_list, DrillDownDialog)
    qtbot.waitUntil(lambda: len(unit_list.model.rows) == 1, timeout=WAIT_MS)
    assert unit_list.model.rows[0]["case_number"] == numbers["old"]


def test_the_view_exported_opens_in_a_spreadsheet_with_its_vietnamese_intact(
    busy_server: tuple[Server, dict[str, str]],
    open_console: Open,
    qtbot: QtBot,
    keyring_stand_in: MemoryKeyring,
    tmp_path: Path,
) -> None:
    server, _numbers = busy_server
    console = log_in_as(qtbot, open_console, server, "sup")
    dashboard = figures_shown(qtbot, console)
    workbook, table = tmp_path / "báo cáo.xlsx", tmp_path / "báo cáo.csv"
    dashboard.export_to(workbook)
    qtbot.waitUntil(lambda: dashboard.last_export == workbook, timeout=WAIT_MS)
    dashboard.export_to(table)
    qtbot.waitUntil(lambda: dashboard.last_export == table, timeout=WAIT_MS)

    assert dashboard.export_status.text() == f"Đã xuất ra {table}"
    nowhere = tmp_path / "không có" / "báo cáo.xlsx"
    dashboard.export_to(nowhere)
    qtbot.waitUntil(lambda: dashboard.export_status.property("tone") == "error", timeout=WAIT_MS)
    assert dashboard.export_status.text() == f"Không ghi được {nowhere} (thư mục không tồn tại)."
    with qtbot.waitSignal(dashboard.poller.updated, timeout=WAIT_MS):
        dashboard.poller.poll_now()  # a refresh does not wipe what the export said
    assert dashboard.export_status.property("tone") == "error"

    book = load_workbook(workbook)
    assert book.sheetnames[:3] == ["Tổng quan", "Tồn đọng theo đơn vị", "Tồn đọng theo phường"]
    summary = {row[0]: row[1:4] for row in book["Tổng quan"].iter_rows(min_row=3, values_only=True)}
    # Figures are numbers a spreadsheet adds up, each with its unit; the tile's words beside them.
    assert summary["Quá hạn xử lý"] == (2, None, "2")
    assert summary["Trả lời trong 20 giây"] == (50, "%", "50,0 %")
    wards = {row[0]: row[1] for row in book["Tồn đọng theo phường"].iter_rows(min_row=3, values_only=True)}
    assert wards == {"Phường Sài Gòn": 4, "Phường Tân Bình": 1}  # numbers stay numbers
    assert book["Tổng quan"]["A1"].value.startswith("Đường dây 1022")

    raw = table.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "no BOM: a spreadsheet would garble the Vietnamese"
    with table.open(encoding="utf-8-sig", newline="") as text:
        rows = list(csv.reader(text))
    assert rows[[r[:1] for r in rows].index(["Quá hạn xử lý"])][:4] == ["Quá hạn xử lý", "2", "", "2"]
    assert next(r for r in rows if r[:1] == ["Phường Tân Bình"])[:2] == ["Phường Tân Bình", "1"]


def test_a_monitor_reads_the_figures_and_cannot_take_calls(
    busy_server: tuple[Server, dict[str, str]],
    open_console: Open,
    qtbot: QtBot,
    keyring_stand_in: MemoryKeyring,
) -> None:
    server, _numbers = busy_server
    console = log_in_as(qtbot, open_console, server, "mon")
    dashboard = figures_shown(qtbot, console)
    pages = console.window.pages
    assert pages.count() == 1 and pages.currentWidget() is console.window.dashboard_page
    assert not pages.tabBar().isVisible()
    assert tile(dashboard, "open_total")[0] == "5"
    # The keys that take a call say why nothing happens; nothing is saved.
    said = (
        "Tài khoản này (giám sát HĐND/MTTQ) chỉ xem số liệu, không nhận cuộc gọi: "
        "hãy đăng nhập tài khoản tổng đài viên."
    )
    for key, modifiers in (
        (Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_F3, Qt.KeyboardModifier.NoModifier),
    ):
        console.window.statusBar().clearMessage()
        press(qtbot, console, key, modifiers)
        assert console.window.statusBar().currentMessage() == said, key
    console.window.statusBar().clearMessage()
    qtbot.keyClicks(console.window, "0909")  # typing a number, as if into a call
    assert console.window.statusBar().currentMessage() == said
    # The exchange hands a call over: the command says it was not taken, and exits 3.
    server_here = InstanceServer(socket_name(Path(os.environ["OPERATOR_CONSOLE_DATA"])))
    serve_handovers(server_here, console.window)
    exchange = subprocess.Popen(
        [str(Path(sys.executable).parent / "operator-console"), "--incoming-call", "0909 123 456"],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        qtbot.waitUntil(lambda: exchange.poll() is not None, timeout=20_000)
        _out, said_by_the_command = exchange.communicate()
    finally:
        server_here.close()
    assert exchange.returncode == 3 and "takes no calls" in said_by_the_command
    assert console.window.statusBar().currentMessage() == (
        "Cuộc gọi đến từ 0909 123 456: tài khoản giám sát HĐND/MTTQ không nhận cuộc gọi."
    )
    assert console.store.count_cases(CaseFilter(status=Status.QUEUED)) == 0  # nothing saved at this desk


def test_what_a_supervisor_exported_is_not_said_to_the_monitor_who_logs_in_next(
    busy_server: tuple[Server, dict[str, str]],
    open_console: Open,
    qtbot: QtBot,
    keyring_stand_in: MemoryKeyring,
    tmp_path: Path,
) -> None:
    server, _numbers = busy_server
    console = log_in_as(qtbot, open_console, server, "sup")
    dashboard = figures_shown(qtbot, console)
    dashboard.export_to(tmp_path / "ca sáng.xlsx")
    qtbot.waitUntil(lambda: dashboard.export_status.text().startswith("Đã xuất ra"), timeout=WAIT_MS)
    press(qtbot, console, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: console.window.login_dialog is not None and console.window.login_dialog.isVisible()
    )
    dialog = console.window.login_dialog
    assert dialog is not None
    dialog.ui.usernameEdit.setFocus()
    dialog.ui.usernameEdit.selectAll()
    qtbot.keyClicks(dialog.ui.usernameEdit, "mon")
    qtbot.keyClick(dialog.ui.usernameEdit, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.ui.passwordEdit, PASSWORD)
    qtbot.keyClick(dialog.ui.passwordEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: console.window.pages.count() == 1, timeout=WAIT_MS)  # the monitor's: no intake
    assert console.window.dashboard is dashboard and dashboard.export_status.text() == ""


def test_an_operator_has_no_dashboard(
    busy_server: tuple[Server, dict[str, str]],
    open_console: Open,
    qtbot: QtBot,
    keyring_stand_in: MemoryKeyring,
) -> None:
    server, _numbers = busy_server
    console = log_in_as(qtbot, open_console, server, "op")
    press(qtbot, console, Qt.Key.Key_F6)
    assert console.window.dashboard is None
    assert console.window.statusBar().currentMessage() == "Bảng giám sát dành cho tài khoản giám sát."
    assert console.window.pages.currentWidget() is console.window.intake_page


def test_a_server_gone_away_is_said_and_the_last_figures_stay(
    open_console: Open, qtbot: QtBot, keyring_stand_in: MemoryKeyring, tmp_path: Path
) -> None:
    with running_server("sqlite", tmp_path / "server") as server:
        post(server, received_at=ago(0.02))
        console = log_in_as(qtbot, open_console, server, "sup")
        dashboard = figures_shown(qtbot, console)
        shown_at = dashboard.figures.generated_at if dashboard.figures else None
    assert shown_at is not None
    dashboard.poller.poll_now()
    qtbot.waitUntil(lambda: dashboard.status.property("tone") == "error", timeout=WAIT_MS)
    stamp = shown_at.astimezone(HCMC_TIME).strftime("%H:%M:%S")
    assert dashboard.status.text() == f"Không kết nối được máy chủ. Số liệu đang hiện là lúc {stamp}."
    assert tile(dashboard, "open_total")[0] == "1"


def test_figures_are_written_the_vietnamese_way(qapp: QApplication) -> None:
    from operator_console.gui.dashboard import figure_text as ft

    install_translator(qapp, "vi")
    now = datetime.now(HCMC_TIME)
    assert ft.age(now - timedelta(days=3, hours=4, minutes=5), now) == "3 ngày 4 giờ"
    assert ft.seconds(80) == "1 phút 20 giây"
    assert ft.share(0.8523, "vi") == "85,2 %"
    assert ft.count(12345, "vi") == "12.345"
    assert [ft.age_bar(a, b) for a, b in ((0, 4), (4, 24), (24, 72), (72, 168), (168, None))] == [
        "0–4 giờ",
        "4–24 giờ",
        "1–3 ngày",
        "3–7 ngày",
        "trên 7 ngày",
    ]
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)


def test_garbage_from_the_server_is_said_and_no_half_figures_are_shown(
    qtbot: QtBot, qapp: QApplication
) -> None:
    # A proxy or a wrong server: JSON, but not the figures.
    not_figures = b'{"generated_at": "2026-11-30T08:00:00+07:00", "open_total": "many"}'
    install_translator(qapp, "vi")
    runner = TaskRunner()
    with answering(not_figures) as url:
        dashboard = Dashboard(runner, lambda: ServerClient(url, token="t"), default_taxonomy(), "vi")
        qtbot.addWidget(dashboard)
        try:
            dashboard.poller.start()
            qtbot.waitUntil(lambda: dashboard.status.property("tone") == "error", timeout=WAIT_MS)
            assert dashboard.status.text() == "Chưa có số liệu: Máy chủ trả lời không đúng định dạng."
            assert dashboard.figures is None and tile(dashboard, "open_total")[0] == "–"
        finally:
            dashboard.poller.stop()
            runner.shutdown()
            for translator in qapp.findChildren(QTranslator):
                qapp.removeTranslator(translator)


def test_esc_on_the_dashboard_leaves_the_call_typed_behind_it(
    busy_server: tuple[Server, dict[str, str]],
    open_console: Open,
    qtbot: QtBot,
    keyring_stand_in: MemoryKeyring,
) -> None:
    server, _numbers = busy_server
    console = log_in_as(qtbot, open_console, server, "sup")
    dashboard = figures_shown(qtbot, console)
    assert console.window.dashboard is dashboard
    press(qtbot, console, Qt.Key.Key_F6)  # a supervisor takes a call
    type_text(qtbot, console.window.form.ui.phoneEdit, "0903 555 777")
    press(qtbot, console, Qt.Key.Key_F6)  # a look at the queue mid-call
    assert console.window.pages.currentWidget() is console.window.dashboard_page
    for key in (Qt.Key.Key_Escape, Qt.Key.Key_F2):
        press(qtbot, console, key)
    press(qtbot, console, Qt.Key.Key_F6)
    assert console.window.form.ui.phoneEdit.text() == "0903 555 777", "a key on the dashboard hit the call"


def test_an_expired_login_keeps_the_dashboard_and_its_figures_and_asks_for_a_login(
    busy_server: tuple[Server, dict[str, str]],
    open_console: Open,
    qtbot: QtBot,
    keyring_stand_in: MemoryKeyring,
) -> None:
    server, _numbers = busy_server
    console = log_in_as(qtbot, open_console, server, "sup")
    dashboard = figures_shown(qtbot, console)
    assert console.connection.worker is not None
    token = console.connection.worker.client.token
    requests.delete(server.api("/auth/token"), headers={"Authorization": f"Bearer {token}"}, timeout=30)
    dashboard.poller.poll_now()
    qtbot.waitUntil(
        lambda: dashboard.status.text().startswith("Máy chủ yêu cầu đăng nhập lại (Ctrl+L)."), timeout=WAIT_MS
    )
    assert console.window.dashboard is dashboard and tile(dashboard, "open_total")[0] == "5"


def test_a_list_closed_before_its_cases_arrive_is_simply_gone(qtbot: QtBot) -> None:
    runner = TaskRunner()
    release = threading.Event()
    with answering(b'{"items": [], "next_cursor": null}', release=release) as url:
        dashboard = Dashboard(runner, lambda: ServerClient(url, token="t"), default_taxonomy(), "vi")
        qtbot.addWidget(dashboard)
        try:
            # The runner's delivery of the answer, on the GUI thread: after it, the answer was handled.
            dialog = dashboard.drill("Quá hạn xử lý", {"past_deadline": "true"})
            dialog.close()  # deleted at once (WA_DeleteOnClose), its answer still on the way
            assert dashboard.drilldowns == []
            with qtbot.waitSignal(runner._done, timeout=WAIT_MS):
                release.set()  # the answer leaves the server only now
            # The answer arrived for nobody and was dropped (pytest-qt fails on an error in a slot).
        finally:
            runner.shutdown()
