"""Three desks close the loop, each console a real window on its own store, against the real server
over HTTP (SQLite and PostgreSQL): an operator takes a call whose ward nobody can place, the triage
desk (a supervisor) routes it, the ward's focal point accepts it and finds the family not eligible,
and the operator's console shows the outcome. On the way, a decision made from a list someone else
changed since is refused, said on the list, and nothing is overwritten.

Only the OS keyring is a stand-in (none runs on a headless machine).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from operator_console.client.credentials import SERVICE
from operator_console.domain.case import Priority, Status, label
from operator_console.gui.shell import settings as S
from operator_console.gui.shell.app import Console, build_console
from operator_console.gui.worklist.decision_dialog import DecisionDialog
from operator_console.gui.worklist.page import TRIAGE, UNIT, WorklistPage
from tests.keyring_stand_in import MemoryKeyring
from tests.keys import type_text
from tests.server.harness import PASSWORD, UNIT_A, Server, new_case

pytestmark = pytest.mark.gui
WAIT_MS = 60_000  # a ceiling for a loaded machine; waits end when their condition holds
Desk = Callable[[str], Console]


@pytest.fixture
def desk(
    server: Server, qtbot: QtBot, qapp: QApplication, tmp_path: Path, keyring_stand_in: MemoryKeyring
) -> Iterator[Desk]:
    """A console of its own (store, settings) for ``user``, logged in since yesterday (kept token)."""
    opened: list[Console] = []

    def start(user: str) -> Console:
        folder = tmp_path / user
        folder.mkdir()
        qsettings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        qsettings.setValue(S.SERVER_URL.key, server.url)
        qsettings.setValue(S.SERVER_USER.key, user)
        keyring_stand_in.set_password(SERVICE, f"{server.url}|{user}", server.token_for(user, PASSWORD))
        console = build_console(qapp, folder / "console.sqlite3", qsettings, "vi")
        qtbot.addWidget(console.window)
        console.window.show()
        qtbot.waitExposed(console.window)
        qtbot.waitUntil(lambda: console.window.connection.role != "", timeout=WAIT_MS)
        opened.append(console)
        return console

    yield start
    for console in opened:
        for dialog in console.window.findChildren(QDialog):
            dialog.close()  # modal: it would hold the keys of the next test
        console.shutdown()
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)


def activate(qtbot: QtBot, window: QWidget) -> None:
    def active() -> bool:
        # Three consoles' windows on one screen: another may take the activation after it was
        # asked for (a window shown, a dialog closed), so it is asked again until it holds.
        if not window.isActiveWindow():
            window.activateWindow()
            return False
        return True

    qtbot.waitUntil(active)


def key(
    qtbot: QtBot,
    console: Console,
    key: Qt.Key,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """A key to whatever has the focus in the console's active window (a dialog of its over it too;
    never one another test left open)."""
    dialogs = [d for d in console.window.findChildren(QDialog) if d.isVisible() and d.isModal()]
    window: QWidget = dialogs[-1] if dialogs else console.window

    activate(qtbot, window)
    target = window.focusWidget() or window
    qtbot.keyClick(target, key, modifiers)


def page(console: Console, kind: str) -> WorklistPage:
    found = console.window.worklists.get(kind)
    assert found is not None, f"no {kind} page on this console"
    return found


def numbers(worklist: WorklistPage) -> list[str]:
    return [i.number for i in worklist.model.items()]


def read_again_until(qtbot: QtBot, console: Console, holds: Callable[[], bool]) -> None:
    """F5 (the server's latest changes now) until the list shows what is expected: pressed again
    only once the console has reported the pass the last one asked for."""
    passes = [0]
    console.window.connection.reported.connect(lambda _report: passes.__setitem__(0, passes[0] + 1))
    asked_at = [-1]

    def check() -> bool:
        if holds():
            return True
        if passes[0] > asked_at[0]:
            asked_at[0] = passes[0]
            key(qtbot, console, Qt.Key.Key_F5)
        return False

    qtbot.waitUntil(check, timeout=WAIT_MS)


def dialog_of(qtbot: QtBot, console: Console) -> DecisionDialog:
    """The decision dialog open over this console."""

    def shown() -> list[DecisionDialog]:
        return [d for d in console.window.findChildren(DecisionDialog) if d.isVisible()]

    qtbot.waitUntil(lambda: len(shown()) == 1, timeout=WAIT_MS)
    return shown()[0]


def sent(console: Console, case_id: str, count: int) -> Callable[[], bool]:
    return lambda: [s for _c, s, _e in console.store.changes_of(case_id)].count("sent") == count


def test_a_call_nobody_could_place_is_triaged_worked_by_its_unit_and_its_outcome_reaches_the_operator(
    server: Server, desk: Desk, qtbot: QtBot
) -> None:
    operator, supervisor, unit = desk("op"), desk("sup"), desk("unit-a")
    # What each account is given: the intake for the operator, the triage desk beside it for the
    # supervisor, the unit's worklist (and no intake form) for the ward's focal point.
    assert set(operator.window.worklists) == set()
    assert set(supervisor.window.worklists) == {TRIAGE}
    assert set(unit.window.worklists) == {UNIT}
    assert unit.window.pages.indexOf(unit.window.intake_page) < 0
    assert unit.window.pages.currentWidget() is page(unit, UNIT)

    # The operator takes the call: the caller cannot say the ward, only "near Ben Thanh market".
    ui = operator.window.form.ui
    qtbot.keyClicks(ui.phoneEdit, "0903 777 101")
    qtbot.keyClick(ui.phoneEdit, Qt.Key.Key_Return)
    type_text(qtbot, ui.callerNameEdit, "Đỗ Thị Lan")
    ui.addressEdit.setFocus()
    type_text(qtbot, ui.addressEdit, "hẻm sau chợ Bến Thành")
    ui.wardEdit.setFocus()
    type_text(qtbot, ui.wardEdit, "gần chợ")
    ui.categoryCombo.setFocus()
    qtbot.keyClicks(ui.categoryCombo, "1")
    key(qtbot, operator, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: operator.window.saved_banner.text().startswith("Đã gửi: hồ sơ 1022-"), timeout=WAIT_MS
    )
    taken = operator.store.list_cases()[0]
    server_id = operator.store.server_id_of(taken.id)
    assert server_id is not None
    on_server = server.session("admin").get(server.api(f"/cases/{server_id}"), timeout=30).json()
    assert on_server["handling_unit"] == "1022-triage"
    number = on_server["case_number"]

    # The triage desk: F9 to it, the case in the list after the feed's pass.
    key(qtbot, supervisor, Qt.Key.Key_F9)
    triage = page(supervisor, TRIAGE)
    assert supervisor.window.pages.currentWidget() is triage
    read_again_until(qtbot, supervisor, lambda: number in numbers(triage))
    triage.view.selectRow(numbers(triage).index(number))
    local_id = triage.selected()[0].case_id
    key(qtbot, supervisor, Qt.Key.Key_Return)  # Enter routes
    dialog = dialog_of(qtbot, supervisor)
    # While the desk has it open, someone changes the case (another supervisor raises its priority).
    raised = server.session("admin").patch(
        server.api(f"/cases/{server_id}"), json={"priority": "urgent"}, timeout=30
    )
    assert raised.status_code == 200, raised.text
    assert dialog.unit_edit.text() == "gần chợ"  # the ward as the caller said it, to start from
    assert dialog.chosen_unit() is None
    key(qtbot, supervisor, Qt.Key.Key_Return)  # no unit for those words: said at the field
    assert dialog.unit_error.isVisible() and dialog.focusWidget() is dialog.unit_edit
    dialog.unit_edit.selectAll()
    type_text(qtbot, dialog.unit_edit, "phuong sai gon")  # no diacritics needed
    chosen = dialog.chosen_unit()
    assert chosen is not None and chosen.code == UNIT_A
    key(qtbot, supervisor, Qt.Key.Key_Return)
    assert dialog.focusWidget() is dialog.note_edit
    type_text(qtbot, dialog.note_edit, "Chợ Bến Thành thuộc phường Sài Gòn")
    key(qtbot, supervisor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    # Made against the version the list showed, before the priority changed: refused, nothing
    # overwritten, and the list says so on the case.
    qtbot.waitUntil(
        lambda: [s for _c, s, _e in supervisor.store.changes_of(local_id)] == ["refused"], timeout=WAIT_MS
    )

    def shows_the_newer_state() -> bool:
        return number in numbers(triage) and (
            "máy chủ không nhận" in _status_cell(triage, number)
            and _cell(triage, number, 1) == label(Priority.URGENT)  # what the other person did
        )

    read_again_until(qtbot, supervisor, shows_the_newer_state)
    still = server.session("admin").get(server.api(f"/cases/{server_id}"), timeout=30).json()
    assert still["handling_unit"] == "1022-triage" and still["priority"] == "urgent"
    # Read again, the desk routes it from the case as it is now.
    triage.view.selectRow(numbers(triage).index(number))
    key(qtbot, supervisor, Qt.Key.Key_Return)
    dialog = dialog_of(qtbot, supervisor)
    dialog.unit_edit.selectAll()
    type_text(qtbot, dialog.unit_edit, "sai gon")
    key(qtbot, supervisor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # records from anywhere
    qtbot.waitUntil(lambda: number not in numbers(triage), timeout=WAIT_MS)  # leaves the list at once
    qtbot.waitUntil(sent(supervisor, local_id, 1), timeout=WAIT_MS)
    routed = server.session("admin").get(server.api(f"/cases/{server_id}"), timeout=30).json()
    assert routed["handling_unit"] == UNIT_A
    assert [(e["kind"], e["by"], e["from_unit"]) for e in routed["history"] if e["kind"] == "routed"][-1] == (
        "routed",
        "sup",
        "1022-triage",
    )

    # The ward's focal point: the case on the worklist, A accepts, E not eligible with the reason.
    worklist = page(unit, UNIT)
    read_again_until(qtbot, unit, lambda: number in numbers(worklist))
    worklist.view.selectRow(numbers(worklist).index(number))
    key(qtbot, unit, Qt.Key.Key_A)
    unit_id = worklist.model.item(numbers(worklist).index(number)).case_id
    qtbot.waitUntil(sent(unit, unit_id, 1), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "Đơn vị đã nhận" in _status_cell(worklist, number), timeout=WAIT_MS)
    worklist.view.selectRow(numbers(worklist).index(number))
    key(qtbot, unit, Qt.Key.Key_E)
    dialog = dialog_of(qtbot, unit)
    assert dialog.focusWidget() is dialog.reason_box
    key(qtbot, unit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # no reason: said at the field
    assert dialog.isVisible() and dialog.reason_error.isVisible()
    assert unit.store.changes_of(unit_id)[-1][1] == "sent"  # nothing more recorded
    reason_edit = dialog.reason_box.lineEdit()
    assert reason_edit is not None  # the reason box is editable
    type_text(qtbot, reason_edit, "Đã nhận hỗ trợ đợt 2")
    key(qtbot, unit, Qt.Key.Key_Return)
    assert dialog.focusWidget() is dialog.note_edit
    key(qtbot, unit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: number not in numbers(worklist), timeout=WAIT_MS)  # closed: off the open list
    qtbot.waitUntil(sent(unit, unit_id, 2), timeout=WAIT_MS)
    closed = server.session("admin").get(server.api(f"/cases/{server_id}"), timeout=30).json()
    assert (closed["status"], closed["status_reason"]) == ("not_eligible", "Đã nhận hỗ trợ đợt 2")

    # The operator's console has the outcome after its next pass of the feed (F5: now).
    def operator_knows() -> bool:
        case = operator.store.get_case(taken.id)
        return case is not None and case.status is Status.NOT_ELIGIBLE

    read_again_until(qtbot, operator, operator_knows)


def _cell(worklist: WorklistPage, number: str, column: int) -> str:
    row = numbers(worklist).index(number)
    return str(worklist.model.data(worklist.model.index(row, column)))


def _status_cell(worklist: WorklistPage, number: str) -> str:
    return _cell(worklist, number, 3)


def test_a_supervisor_escalates_a_case_past_its_deadline_from_the_drill_down_in_one_step(
    server: Server, desk: Desk, qtbot: QtBot
) -> None:
    late = server.session("operator").post(
        server.api("/cases"),
        json=new_case(caller_phone="0903 777 303", caller_name="Bà Chín"),  # received days ago
        headers={"Idempotency-Key": str(uuid.uuid4())},
        timeout=30,
    )
    assert late.status_code == 201, late.text
    supervisor = desk("sup")
    key(qtbot, supervisor, Qt.Key.Key_F6)
    dashboard = supervisor.window.dashboard
    assert dashboard is not None and dashboard.act is not None
    # Enter on the dashboard's "past deadline" figure lists them; here, for this caller's only.
    drill = dashboard.drill("Quá hạn", {"past_deadline": True, "phone": "0903 777 303"})
    qtbot.waitUntil(lambda: len(drill.model.rows) == 1, timeout=WAIT_MS)
    activate(qtbot, drill)
    drill.table.setFocus()
    qtbot.keyClick(drill.table, Qt.Key.Key_X)
    dialog = dialog_of(qtbot, supervisor)
    chosen = dialog.chosen_unit()
    assert chosen is not None and chosen.code == "so-ldtbxh"  # the department unless another is picked
    assert dialog.priority_box.currentData() == "urgent"  # one step up from normal
    assert dialog.focusWidget() is dialog.unit_edit
    key(qtbot, supervisor, Qt.Key.Key_Return)
    key(qtbot, supervisor, Qt.Key.Key_Return)
    assert dialog.focusWidget() is dialog.note_edit
    type_text(qtbot, dialog.note_edit, "Quá hạn 12 ngày, phường chưa xử lý")
    key(qtbot, supervisor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Đã ghi nhận cho 1 hồ sơ" in drill.status.text(), timeout=WAIT_MS)

    def escalated() -> bool:
        now = server.session("admin").get(server.api(f"/cases/{late.json()['id']}"), timeout=30).json()
        return bool(now["handling_unit"] == "so-ldtbxh" and now["priority"] == "urgent")

    qtbot.waitUntil(escalated, timeout=WAIT_MS)  # one change, both in the history
    history = server.session("admin").get(server.api(f"/cases/{late.json()['id']}"), timeout=30).json()
    assert [(e["kind"], e["by"]) for e in history["history"][1:]] == [("routed", "sup"), ("priority", "sup")]
    assert history["history"][1]["note"] == "Quá hạn 12 ngày, phường chưa xử lý"
