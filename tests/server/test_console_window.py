"""The operator's window against the real server on 127.0.0.1: log in, save, see the server's number.

The window is driven with the keyboard, its store is a real SQLite file and the server a real
process over real HTTP; only the OS keyring is a stand-in (``tests/keyring_stand_in.py``: none
runs on a headless machine). These run on SQLite only: the server's PostgreSQL side is proven by
the service tests beside them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import keyring
import pytest
import requests
import shiboken6
from keyrings.alt.file import PlaintextKeyring
from PySide6.QtCore import QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from operator_console.client.credentials import SERVICE
from operator_console.client.embedded import EmbeddedServer
from operator_console.domain.case import Status
from operator_console.gui.intake.refused_dialog import RefusedDialog
from operator_console.gui.shell import settings as S
from operator_console.gui.shell.app import Console, build_console
from operator_console.gui.shell.main_window import LOGIN_PROMPT_IDLE_MS
from operator_console.store.case_store import CaseStore
from tests.keyring_stand_in import MemoryKeyring
from tests.keys import type_text
from tests.server.harness import PASSWORD, Server, answering, key, new_case, running_server
from tests.server.test_outbox import a_case, server_copies

pytestmark = pytest.mark.gui
WAIT_MS = 60_000  # a ceiling for a loaded machine; waits end when their condition holds


@pytest.fixture(scope="module")
def desk_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server("sqlite", tmp_path_factory.mktemp("desk-server")) as running:
        yield running


Open = Callable[..., Console]


@pytest.fixture
def open_console(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> Iterator[Open]:
    """Start a console on its own store and settings; ``server`` and ``user`` as IT configured them."""
    opened: list[Console] = []

    def start(server: str = "", user: str = "", **settings: str) -> Console:
        qsettings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        qsettings.setValue(S.SERVER_URL.key, server)
        qsettings.setValue(S.SERVER_USER.key, user)
        for name, value in settings.items():
            qsettings.setValue(name, value)
        console = build_console(qapp, tmp_path / "console.sqlite3", qsettings, "vi")
        qtbot.addWidget(console.window)
        console.window.show()
        qtbot.waitExposed(console.window)
        opened.append(console)
        return console

    yield start
    for console in opened:
        console.shutdown()
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)


def focused(console: Console) -> QWidget | None:
    dialog = console.window.login_dialog
    if dialog is not None and dialog.isVisible():
        return dialog.focusWidget()
    return console.window.focusWidget()


def enter_a_call(qtbot: QtBot, console: Console, phone: str, name: str) -> None:
    """The fewest keys for a whole case: phone, caller, ward, category."""
    ui = console.window.form.ui
    qtbot.keyClicks(ui.phoneEdit, phone)
    qtbot.keyClick(ui.phoneEdit, Qt.Key.Key_Return)
    type_text(qtbot, ui.callerNameEdit, name)
    ui.wardEdit.setFocus()
    type_text(qtbot, ui.wardEdit, "Phường Sài Gòn")
    ui.categoryCombo.setFocus()
    qtbot.keyClicks(ui.categoryCombo, "1")


def press(
    qtbot: QtBot,
    console: Console,
    key: Qt.Key,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """A shortcut of the window. Offscreen, a window shown a moment ago may not be active yet, and
    its shortcuts wait for that."""
    console.window.activateWindow()
    qtbot.waitUntil(console.window.isActiveWindow)
    qtbot.keyClick(console.window, key, modifiers)


def save(qtbot: QtBot, console: Console) -> None:
    press(qtbot, console, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def log_in_with_the_dialog(qtbot: QtBot, console: Console, user: str, password: str) -> None:
    qtbot.waitUntil(
        lambda: console.window.login_dialog is not None and console.window.login_dialog.isVisible()
    )
    dialog = console.window.login_dialog
    assert dialog is not None
    if not dialog.ui.usernameEdit.text():
        assert focused(console) is dialog.ui.usernameEdit
        qtbot.keyClicks(dialog.ui.usernameEdit, user)
        qtbot.keyClick(dialog.ui.usernameEdit, Qt.Key.Key_Tab)
    assert focused(console) is dialog.ui.passwordEdit
    qtbot.keyClicks(dialog.ui.passwordEdit, password)
    qtbot.keyClick(dialog.ui.passwordEdit, Qt.Key.Key_Return)


def status(console: Console) -> str:
    return console.window.connection_label.text()


def online_console(server: Server, open_console: Open, qtbot: QtBot, keyring: MemoryKeyring) -> Console:
    """A console whose login was kept in the keyring from the day before: online without a question."""
    keyring.set_password(SERVICE, f"{server.url}|op", server.token_for("op", PASSWORD))
    console = open_console(server.url, "op")
    qtbot.waitUntil(lambda: status(console) == "Máy chủ 127.0.0.1: đã kết nối", timeout=WAIT_MS)
    return console


def test_an_operator_logs_in_saves_a_call_and_reads_the_servers_number_to_the_caller(
    desk_server: Server, open_console: Open, qtbot: QtBot, keyring_stand_in: MemoryKeyring, tmp_path: Path
) -> None:
    console = open_console(desk_server.url)
    log_in_with_the_dialog(qtbot, console, "op", PASSWORD)
    qtbot.waitUntil(lambda: status(console) == "Máy chủ 127.0.0.1: đã kết nối", timeout=WAIT_MS)
    assert focused(console) is console.window.form.ui.phoneEdit
    assert console.window.operator_label.text() == "op"
    assert keyring_stand_in.items[(SERVICE, f"{desk_server.url}|op")], "the token is in the keyring"
    ini = (tmp_path / "settings.ini").read_text(encoding="utf-8")
    assert console.connection.worker is not None
    assert str(console.connection.worker.client.token) not in ini, "a token in the settings file"

    enter_a_call(qtbot, console, "0903 555 101", "Lê Thị Mai")
    save(qtbot, console)
    banner = console.window.saved_banner
    qtbot.waitUntil(lambda: banner.text().startswith("Đã gửi: hồ sơ 1022-"), timeout=WAIT_MS)
    assert banner.text().endswith("→ UBND Phường Sài Gòn")
    assert console.window.queue_label.text() == "Không có hồ sơ chờ gửi"
    stored = console.store.list_cases()[0]
    assert stored.status is Status.DISPATCHED and stored.case_number is not None
    assert stored.case_number in banner.text()
    case = console.store.get_case(stored.id)
    assert case is not None and case.operator == "op"
    assert server_copies(desk_server, [stored.id]) == {stored.id: 1}


def test_a_kept_login_opens_without_asking_and_logging_out_forgets_it(
    desk_server: Server, open_console: Open, qtbot: QtBot, keyring_stand_in: MemoryKeyring
) -> None:
    console = online_console(desk_server, open_console, qtbot, keyring_stand_in)
    assert console.window.login_dialog is None, "asked for a password it had"
    token = keyring_stand_in.items[(SERVICE, f"{desk_server.url}|op")]
    console.window.actions_by_id["app.logout"].trigger()
    qtbot.waitUntil(lambda: not keyring_stand_in.items, timeout=WAIT_MS)
    assert "chưa đăng nhập" in status(console)
    assert console.window.login_dialog is None, "a logout is not a question"

    def revoked() -> bool:
        answer = requests.get(
            desk_server.api("/me"), headers={"Authorization": f"Bearer {token}"}, timeout=10
        )
        return answer.status_code == 401

    qtbot.waitUntil(revoked, timeout=WAIT_MS)  # the server forgot it too


def test_a_first_login_from_a_console_without_a_server_is_remembered(
    desk_server: Server, open_console: Open, qtbot: QtBot, keyring_stand_in: MemoryKeyring
) -> None:
    console = open_console()  # IT has not set a server yet: this workstation only
    assert status(console) == "Chỉ lưu trên máy này (chưa đặt máy chủ)"
    assert console.window.login_dialog is None
    press(qtbot, console, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: console.window.login_dialog is not None, timeout=WAIT_MS)
    dialog = console.window.login_dialog
    assert dialog is not None and focused(console) is dialog.ui.serverEdit
    qtbot.keyClicks(dialog.ui.serverEdit, desk_server.url)
    qtbot.keyClick(dialog.ui.serverEdit, Qt.Key.Key_Tab)
    log_in_with_the_dialog(qtbot, console, "op", PASSWORD)
    qtbot.waitUntil(lambda: status(console) == "Máy chủ 127.0.0.1: đã kết nối", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: (SERVICE, f"{desk_server.url}|op") in keyring_stand_in.items, timeout=WAIT_MS)
    assert console.settings.get(S.SERVER_URL) == desk_server.url


def test_an_expired_login_is_asked_again_after_the_call_and_nothing_typed_or_queued_is_lost(
    desk_server: Server, open_console: Open, qtbot: QtBot, keyring_stand_in: MemoryKeyring
) -> None:
    token = desk_server.token_for("op", PASSWORD)
    keyring_stand_in.set_password(SERVICE, f"{desk_server.url}|op", token)
    console = open_console(desk_server.url, "op")
    window = console.window
    qtbot.waitUntil(lambda: status(console) == "Máy chủ 127.0.0.1: đã kết nối", timeout=WAIT_MS)
    enter_a_call(qtbot, console, "0903 555 102", "Trần Văn Bình")
    # The token ends on the server (expired, revoked) while the operator is on a call.
    requests.delete(desk_server.api("/auth/token"), headers={"Authorization": f"Bearer {token}"}, timeout=10)
    press(qtbot, console, Qt.Key.Key_F5)  # anything that reaches the server finds out
    qtbot.waitUntil(lambda: "chưa đăng nhập" in status(console), timeout=WAIT_MS)
    assert window.login_dialog is None, "a dialog popped up under the operator's fingers"
    assert window.form.ui.callerNameEdit.text() == "Trần Văn Bình"
    # A second caller rings before the first call is saved: the login still waits.
    window.incoming_call("0903 555 999")
    save(qtbot, console)  # the first call: saved here and queued; the second caller's number comes in
    qtbot.waitUntil(lambda: window.form.ui.phoneEdit.text() == "0903 555 999", timeout=WAIT_MS)
    # The idle wait has run out (the window decided) and the caller is still in the form.
    qtbot.waitUntil(lambda: not window.login_waits_for_idle, timeout=WAIT_MS + LOGIN_PROMPT_IDLE_MS)
    assert window.form.ui.phoneEdit.text() == "0903 555 999"
    assert window.login_dialog is None, "the login dialog opened on top of the next caller"
    window.clear_form()  # that caller hung up: the form rests, and now the login is asked
    log_in_with_the_dialog(qtbot, console, "op", PASSWORD)
    qtbot.waitUntil(lambda: window.saved_banner.text().startswith("Đã gửi: hồ sơ 1022-"), timeout=WAIT_MS)
    (stored,) = [c for c in console.store.list_cases() if c.name == "Trần Văn Bình"]
    assert server_copies(desk_server, [stored.id]) == {stored.id: 1}
    assert keyring_stand_in.items[(SERVICE, f"{desk_server.url}|op")] != token


def test_an_answer_that_comes_after_later_was_pressed_is_dropped_quietly(
    open_console: Open, qtbot: QtBot
) -> None:
    """The operator presses "Later" while the login's answer is on its way: the dialog is gone
    when the answer comes, and nothing may be called on it (that was a crash dialog)."""
    asked, release = threading.Event(), threading.Event()
    wrong = b'{"code": "login_failed", "detail": "Wrong user name or password."}'
    with answering(wrong, 401, asked=asked, release=release) as url:
        console = open_console(url, "op")
        log_in_with_the_dialog(qtbot, console, "op", "not-the-password")
        qtbot.waitUntil(asked.is_set)
        dialog = console.window.login_dialog
        assert dialog is not None
        dialog.reject()  # "Later"
        qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))
        with qtbot.waitSignal(console.runner._done):  # the answer, handled on the GUI thread
            release.set()
        # Handled without an error (pytest-qt fails the test on an exception in a slot), and the
        # operator is back at the phone field.
        assert console.window.login_dialog is None and focused(console) is console.window.form.ui.phoneEdit


def test_a_wrong_password_is_said_under_the_password_and_the_dialog_stays(
    desk_server: Server, open_console: Open, qtbot: QtBot
) -> None:
    console = open_console(desk_server.url, "op")
    log_in_with_the_dialog(qtbot, console, "op", "not-the-password")
    dialog = console.window.login_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.ui.passwordError.isVisible(), timeout=WAIT_MS)
    assert dialog.isVisible() and dialog.ui.usernameEdit.text() == "op"
    assert dialog.ui.passwordEdit.text() == "" and focused(console) is dialog.ui.passwordEdit
    assert not dialog.ui.serverError.isVisible()


def test_cases_taken_at_other_desks_and_the_units_progress_reach_the_list(
    desk_server: Server, open_console: Open, qtbot: QtBot, keyring_stand_in: MemoryKeyring
) -> None:
    console = online_console(desk_server, open_console, qtbot, keyring_stand_in)
    answer = desk_server.session("operator2").post(
        desk_server.api("/cases"),
        json=new_case(
            caller_name="Phạm Thị Hoa", caller_phone="0903 777 888", received_at=datetime.now(UTC).isoformat()
        ),
        headers={"Idempotency-Key": key()},
        timeout=10,
    )
    assert answer.status_code == 201, answer.text
    press(qtbot, console, Qt.Key.Key_F5)
    model = console.window.cases

    def listed() -> list[object]:
        return [model.data(model.index(row, 5)) for row in range(model.rowCount())]

    qtbot.waitUntil(lambda: "Phạm Thị Hoa" in listed(), timeout=WAIT_MS)
    # The ward's People's Committee takes the case: its status here follows.
    accepted = desk_server.session("unit").patch(
        desk_server.api(f"/cases/{answer.json()['id']}"), json={"status": "accepted"}, timeout=10
    )
    assert accepted.status_code == 200, accepted.text
    press(qtbot, console, Qt.Key.Key_F5)

    def status_of_hoa() -> object:
        rows = [r for r in range(model.rowCount()) if model.data(model.index(r, 5)) == "Phạm Thị Hoa"]
        return model.data(model.index(rows[0], 2)) if rows else None

    qtbot.waitUntil(lambda: status_of_hoa() == "Đơn vị đã nhận", timeout=WAIT_MS)
    # The caller rings again: the number's earlier case, taken at another desk, is on screen.
    qtbot.keyClicks(console.window.form.ui.phoneEdit, "0903777888")
    history = console.window.history
    qtbot.waitUntil(lambda: history.model.rowCount() == 1, timeout=WAIT_MS)
    assert "Phạm Thị Hoa" in str(history.model.data(history.model.index(0, 5)))


def test_a_case_the_server_refuses_is_shown_with_its_reason_and_the_rest_is_sent(
    desk_server: Server, open_console: Open, qtbot: QtBot, keyring_stand_in: MemoryKeyring, tmp_path: Path
) -> None:
    # A case the server cannot take (a time before the desk existed), already queued here.
    store = CaseStore(tmp_path / "console.sqlite3")
    store.add_case(a_case("Người năm 1999", received_at=datetime(1999, 12, 31, 9, 0, tzinfo=UTC)))
    store.close()
    console = online_console(desk_server, open_console, qtbot, keyring_stand_in)
    window = console.window
    qtbot.waitUntil(lambda: window.refused_label.isVisible(), timeout=WAIT_MS)
    assert window.refused_label.text() == "Máy chủ từ chối: 1 (Ctrl+Shift+R)"
    enter_a_call(qtbot, console, "0903 555 103", "Đỗ Thị Lan")
    save(qtbot, console)
    qtbot.waitUntil(lambda: window.saved_banner.text().startswith("Đã gửi: hồ sơ 1022-"), timeout=WAIT_MS)
    qtbot.keyClick(
        window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: window.findChild(RefusedDialog) is not None, timeout=WAIT_MS)
    dialog = window.findChild(RefusedDialog)
    assert dialog is not None and dialog.list.count() == 1
    assert "received_at" in dialog.list.item(0).text()
    assert dialog.list.hasFocus() or dialog.focusWidget() is dialog.list


def test_without_an_os_keyring_the_login_is_kept_in_memory_only_and_it_is_told(
    desk_server: Server, open_console: Open, qtbot: QtBot, tmp_path: Path
) -> None:
    plain_text = PlaintextKeyring()
    plain_text.file_path = str(tmp_path / "keyring_pass.cfg")  # the file keyrings.alt would write
    keyring.set_keyring(plain_text)
    console = open_console(desk_server.url, "op")
    qtbot.waitUntil(lambda: console.window.login_dialog is not None, timeout=WAIT_MS)
    assert console.window.login_dialog is not None
    assert "không có kho mật khẩu của hệ điều hành" in console.window.login_dialog.ui.note.text()
    log_in_with_the_dialog(qtbot, console, "op", PASSWORD)
    qtbot.waitUntil(lambda: status(console) == "Máy chủ 127.0.0.1: đã kết nối", timeout=WAIT_MS)
    enter_a_call(qtbot, console, "0903 555 104", "Ngô Văn Nam")
    save(qtbot, console)
    qtbot.waitUntil(lambda: console.window.saved_banner.text().startswith("Đã gửi"), timeout=WAIT_MS)
    assert not Path(plain_text.file_path).exists(), "the token went into a plain-text file"


def test_the_demo_starts_its_own_server_logs_in_and_shows_the_whole_loop(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    demo = EmbeddedServer(tmp_path / "demo")
    qsettings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    console = build_console(qapp, demo.data_dir / "console.sqlite3", qsettings, "vi", demo=demo)
    qtbot.addWidget(console.window)
    try:
        console.window.show()
        assert "DEMO" in console.window.windowTitle() and console.window.demo_label.isVisible()
        qtbot.waitUntil(lambda: status(console) == "Máy chủ demo: đã kết nối", timeout=90_000)
        assert console.window.operator_label.text() == "operator1"
        qtbot.waitUntil(lambda: console.window.cases.rowCount() > 50, timeout=WAIT_MS)  # the city's cases
        enter_a_call(qtbot, console, "0903 555 105", "Bùi Thị Thu")
        save(qtbot, console)
        banner = console.window.saved_banner
        qtbot.waitUntil(lambda: banner.text().startswith("Đã gửi: hồ sơ 1022-"), timeout=WAIT_MS)
        assert qsettings.value(S.SERVER_URL.key, "") == "", "the demo's address went into the settings"
    finally:
        console.shutdown()
        for translator in qapp.findChildren(QTranslator):
            qapp.removeTranslator(translator)
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{demo.url}/api/v1/info", timeout=5)  # the demo server stopped with the console


def test_an_operator_reads_what_the_unit_did_and_records_a_call_back_to_the_citizen(
    desk_server: Server, open_console: Open, qtbot: QtBot, keyring_stand_in: MemoryKeyring
) -> None:
    console = online_console(desk_server, open_console, qtbot, keyring_stand_in)
    enter_a_call(qtbot, console, "0903 555 202", "Trần Văn Bảy")
    save(qtbot, console)
    qtbot.waitUntil(
        lambda: console.window.saved_banner.text().startswith("Đã gửi: hồ sơ 1022-"), timeout=WAIT_MS
    )
    stored = console.store.list_cases()[0]
    server_id = console.store.server_id_of(stored.id)
    assert server_id is not None
    # The ward's People's Committee takes it at its own desk.
    accepted = desk_server.session("unit").patch(
        desk_server.api(f"/cases/{server_id}"),
        json={"status": "accepted", "note": "Tổ dân phố đang đến"},
        timeout=10,
    )
    assert accepted.status_code == 200, accepted.text

    console.window.open_case(stored.id)  # Enter on the case in the list
    viewer = console.window.case_viewer
    qtbot.waitUntil(lambda: viewer.details is not None and viewer.details.isVisible(), timeout=WAIT_MS)
    details = viewer.details
    assert details is not None

    def shown() -> str:
        return details.ui.details.toPlainText()

    qtbot.waitUntil(lambda: "Đã chuyển → Đơn vị đã nhận" in shown(), timeout=WAIT_MS)
    assert "unit-a — Tổ dân phố đang đến" in shown() and "Tiếp nhận, chuyển UBND Phường Sài Gòn" in shown()

    details.activateWindow()
    qtbot.waitUntil(details.isActiveWindow)
    qtbot.keyClick(details, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: viewer.callback is not None and viewer.callback.isVisible(), timeout=WAIT_MS)
    dialog = viewer.callback
    assert dialog is not None
    assert "0903 555 202" in dialog.number.text() and "Trần Văn Bảy" in dialog.number.text()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    # Ctrl+Enter before saying what came of the call: told at the choices, nothing recorded.
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible() and dialog.outcome_error.text() == "Chọn kết quả cuộc gọi: 1, 2 hoặc 3."
    assert console.store.changes_of(stored.id) == []
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_1)
    assert dialog.focusWidget() is dialog.note
    type_text(qtbot, dialog.note, "Đã báo ông chiều nay có người đến")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(
        lambda: [s for _c, s, _e in console.store.changes_of(stored.id)] == ["sent"], timeout=WAIT_MS
    )
    history = desk_server.session("supervisor").get(desk_server.api(f"/cases/{server_id}"), timeout=10).json()
    callbacks = [(e["by"], e["outcome"], e["note"]) for e in history["history"] if e["kind"] == "callback"]
    assert callbacks == [("op", "reached", "Đã báo ông chiều nay có người đến")]
    # Once sent, the line comes from the server's history (no longer "waiting to be sent").
    qtbot.waitUntil(
        lambda: "Gọi lại: Đã gặp người dân · op — Đã báo ông chiều nay có người đến" in shown(),
        timeout=WAIT_MS,
    )
    assert "chờ gửi" not in shown()
