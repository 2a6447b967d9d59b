"""What IT sees on a workstation: the machine's configuration file and its lock, the settings
dialog's IT part, --version, --self-check, the About box, and files private to their user."""

from __future__ import annotations

import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol

import pytest
from PySide6.QtCore import QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from operator_console.gui.shell import settings as S
from operator_console.gui.shell.about_dialog import AboutDialog
from operator_console.gui.shell.app import Console, build_console
from operator_console.gui.shell.settings_dialog import SettingsDialog
from operator_console.store.database import head_revision
from tests.driven_console import isolated_env

pytestmark = pytest.mark.gui

MACHINE = """\
[server]
url=https://tongdai1022.hcmc.example
ca_bundle={ca}
proxy=http://proxy.hcmc.example:3128
replica_days=30

[logging]
level=WARNING
"""


@pytest.fixture
def machine_file(tmp_path: Path) -> Path:
    ca = tmp_path / "city-ca.pem"
    ca.write_text("-----BEGIN CERTIFICATE-----\n", encoding="ascii")
    path = tmp_path / "machine" / "operator-console.ini"
    path.parent.mkdir()
    path.write_text(MACHINE.format(ca=ca), encoding="utf-8")
    return path


class OpenConsole(Protocol):
    """The ``open_console`` fixture: a console built on the machine's file and the user's values."""

    def __call__(self, machine: Path, user_values: dict[str, object] | None = None) -> Console: ...


@pytest.fixture
def open_console(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> Iterator[OpenConsole]:
    opened: list[Console] = []

    def start(machine: Path, user_values: dict[str, object] | None = None) -> Console:
        user = QSettings(str(tmp_path / "user.ini"), QSettings.Format.IniFormat)
        for key, value in (user_values or {}).items():
            user.setValue(key, value)
        machine_config = S.MachineConfig.read(machine)
        console = build_console(qapp, tmp_path / "console.sqlite3", user, "vi", machine=machine_config)
        qtbot.addWidget(console.window)
        opened.append(console)
        return console

    yield start
    for console in opened:
        console.shutdown()
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)


def test_the_machines_file_configures_a_fresh_user_and_the_user_may_override_it(
    machine_file: Path, open_console: OpenConsole, qtbot: QtBot, tmp_path: Path
) -> None:
    console = open_console(machine_file, {S.REPLICA_DAYS.key: 14})
    settings = console.settings
    assert settings.get(S.SERVER_URL) == "https://tongdai1022.hcmc.example"
    assert settings.get(S.PROXY) == "http://proxy.hcmc.example:3128"
    assert settings.get(S.LOG_LEVEL) == "WARNING"
    assert settings.get(S.REPLICA_DAYS) == 14  # the user's own value wins: nothing is locked
    assert settings.get(S.READ_TIMEOUT_S) == 15  # neither file sets it: the default
    assert console.connection.url == "https://tongdai1022.hcmc.example"

    dialog = SettingsDialog(settings, console.window)
    ui = dialog.ui
    assert ui.proxyEdit.isEnabled() and ui.lockNote.isHidden()
    assert ui.proxyEdit.text() == "http://proxy.hcmc.example:3128"
    ui.timeoutSpin.setValue(30)
    dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    user_file = (tmp_path / "user.ini").read_text(encoding="utf-8")
    # Only what the user changed is written to the user's file: IT's later changes still apply.
    assert "read_timeout_s=30" in user_file
    assert "proxy" not in user_file and "tongdai1022" not in user_file


def test_a_locked_machine_file_wins_and_its_fields_are_greyed_out(
    machine_file: Path, open_console: OpenConsole, qtbot: QtBot, tmp_path: Path
) -> None:
    machine_file.write_text(machine_file.read_text(encoding="utf-8") + "\n[policy]\nlocked=true\n")
    console = open_console(
        machine_file, {S.SERVER_URL.key: "https://elsewhere.example", S.REPLICA_DAYS.key: 14}
    )
    settings = console.settings
    assert settings.locked_by_it
    assert settings.get(S.SERVER_URL) == "https://tongdai1022.hcmc.example"
    assert settings.get(S.REPLICA_DAYS) == 30
    settings.set(S.SERVER_URL, "https://elsewhere.example")
    assert settings.get(S.SERVER_URL) == "https://tongdai1022.hcmc.example"

    dialog = SettingsDialog(settings, console.window)
    ui = dialog.ui
    dialog.show()
    assert not ui.serverEdit.isEnabled() and not ui.proxyEdit.isEnabled() and not ui.replicaSpin.isEnabled()
    assert ui.serverEdit.toolTip() == "Do bộ phận CNTT đặt cho máy này"
    assert ui.lockNote.isVisible() and "khóa" in ui.lockNote.text()
    # What IT did not set stays the user's to choose.
    assert ui.timeoutSpin.isEnabled() and ui.operatorEdit.isEnabled()


def test_the_settings_dialog_says_what_is_wrong_with_a_proxy_or_a_ca_file_at_its_field(
    machine_file: Path, open_console: OpenConsole, qtbot: QtBot
) -> None:
    console = open_console(machine_file)
    dialog = SettingsDialog(console.settings, console.window)
    dialog.show()
    ui = dialog.ui
    ok = ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ui.proxyEdit.setText("http://nv.an:matkhau@proxy.hcmc.example:3128")
    ok.click()
    assert not ui.serverError.isHidden() and "mật khẩu" in ui.serverError.text()
    assert dialog.focusWidget() is ui.proxyEdit
    ui.proxyEdit.setText("proxy.hcmc.example")
    ok.click()
    assert "http://" in ui.serverError.text() and dialog.focusWidget() is ui.proxyEdit
    ui.proxyEdit.setText("")
    ui.caEdit.setText("/nowhere/ca.pem")
    ok.click()
    assert "chứng chỉ CA" in ui.serverError.text() and dialog.focusWidget() is ui.caEdit
    assert dialog.isVisible()  # nothing saved yet
    assert console.settings.get(S.PROXY) == "http://proxy.hcmc.example:3128"


def test_the_about_box_says_version_build_data_and_where_the_files_are(
    machine_file: Path, open_console: OpenConsole, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(S.MACHINE_CONFIG_ENV, str(machine_file))
    machine_file.write_text(machine_file.read_text(encoding="utf-8") + "[policy]\nlocked=true\n")
    console = open_console(machine_file)
    dialog = AboutDialog(console.settings, console.window)
    text = dialog.details.toPlainText()
    assert text.startswith("operator-console ") and "(build: source" in text
    for line in (
        "categories: v1",
        f"store schema: {head_revision()}",
        "wards: 168 today, 441 former",
        "Tệp nhật ký: ",
    ):
        assert line in text
    assert f"Cấu hình máy (CNTT): {machine_file}" in text
    assert "Bộ phận CNTT đã khóa cấu hình của máy này." in text
    assert " ?" not in text


def _start_console(tmp_path: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "operator_console.gui.shell.main"],
        env=isolated_env(tmp_path),
        stderr=subprocess.DEVNULL,
    )


def _console_command(
    *args: str, tmp_path: Path, machine: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = isolated_env(tmp_path, machine)
    return subprocess.run(
        [sys.executable, "-m", "operator_console.gui.shell.main", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_version_names_the_build_and_every_data_version(tmp_path: Path) -> None:
    shown = _console_command("--version", tmp_path=tmp_path)
    assert shown.returncode == 0
    lines = shown.stdout.splitlines()
    assert lines[0].startswith("operator-console ") and "build: source" in lines[0]
    names = {line.split(":")[0] for line in lines[2:]}
    assert "wards: 168 today, 441 former (hcmc_ward_conversion_2025.csv " in shown.stdout
    assert names == {
        "categories",
        "units",
        "wards",
        "given names",
        "phone metadata",
        "store schema",
    }


def test_the_self_check_passes_on_this_installation_and_leaves_no_trace(tmp_path: Path) -> None:
    checked = _console_command("--self-check", tmp_path=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert "self-check ok" in checked.stdout and "168 wards" in checked.stdout
    # A throw-away store and settings: the user's own are neither created nor touched.
    assert not (tmp_path / "data" / "console.sqlite3").exists()
    assert not list((tmp_path / "config").rglob("*.ini"))


def test_the_self_check_fails_on_a_machine_file_that_cannot_work_and_says_why(tmp_path: Path) -> None:
    machine = tmp_path / "operator-console.ini"
    machine.write_text("[server]\nca_bundle=/nowhere/city-ca.pem\nproxy=http://it:secret@proxy:3128\n")
    checked = _console_command("--self-check", tmp_path=tmp_path, machine=machine)
    assert checked.returncode == 1
    assert "self-check FAILED: machine configuration" in checked.stderr
    assert "no file at /nowhere/city-ca.pem" in checked.stderr and "user name or password" in checked.stderr


def test_the_store_its_journal_and_the_draft_are_readable_by_their_user_only(
    machine_file: Path, open_console: OpenConsole, qtbot: QtBot, tmp_path: Path
) -> None:
    console = open_console(machine_file)
    console.window.form.ui.phoneEdit.setText("0389 123 456")
    console.window.keep_draft_now()
    qtbot.waitUntil(lambda: console.drafts.path.exists())
    store = tmp_path / "console.sqlite3"
    for path in (store, store.with_name(store.name + "-wal"), store.with_name(store.name + "-shm")):
        assert path.exists(), path
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert stat.S_IMODE(console.drafts.path.stat().st_mode) == 0o600


def test_restart_from_the_crash_dialog_starts_the_same_console_again_without_the_old_call(
    machine_file: Path, open_console: OpenConsole, qtbot: QtBot, tmp_path: Path
) -> None:
    from operator_console.gui.shell.crash_guard import CrashGuard
    from operator_console.gui.shell.main import relaunch_command, restart_arguments

    console = open_console(machine_file)
    guard = CrashGuard(tmp_path / "data", console.window.keep_draft_now, lambda: console.window)
    guard._show(None)  # what the hooks do after logging and reporting
    dialog = guard.dialog
    assert dialog is not None
    with qtbot.waitSignal(guard.restart_requested):
        dialog.restart_button.click()
    qtbot.waitUntil(lambda: guard.dialog is None)
    # main() then closes the console and starts it with the same options, except a call handed
    # over at the first start (it is in the draft by now).
    argv = ["--db", str(tmp_path / "x.sqlite3"), "--incoming-call", "0389123456", "--lang", "en"]
    assert restart_arguments(argv) == ["--db", str(tmp_path / "x.sqlite3"), "--lang", "en"]
    started = subprocess.run(
        relaunch_command(["--version"]), capture_output=True, text=True, timeout=120, check=False
    )
    assert started.returncode == 0 and started.stdout.startswith("operator-console ")


@pytest.mark.parametrize("early", [True, False], ids=["while its window is built", "with its window up"])
def test_a_session_logging_out_stops_the_console_cleanly(tmp_path: Path, early: bool) -> None:
    """SIGTERM (the desktop session ending, a service manager) closes the console as Ctrl+Q does,
    also when it comes before the event loop runs (a quit then was lost and the console ran on).
    The console logs where the signal landed; a second start hands the running one a message,
    which only a running event loop answers: then the window is up."""
    import signal
    import time

    def log_text(folder: Path) -> str:
        log = folder / "data" / "logs" / "console.log"
        return log.read_text(encoding="utf-8") if log.exists() else ""

    for attempt in range(5):
        folder = tmp_path / str(attempt)
        console = _start_console(folder)
        deadline = time.monotonic() + 60
        while "starting" not in log_text(folder):
            assert console.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        if not early:
            activated = subprocess.run(
                [sys.executable, "-m", "operator_console.gui.shell.main"],
                env=isolated_env(folder),
                timeout=60,
            )
            assert activated.returncode == 0  # the running console's loop answered
        console.send_signal(signal.SIGTERM)
        assert console.wait(timeout=60) == 0
        text = log_text(folder)
        assert "console stopped (exit 0)" in text
        if early == ("SIGTERM: stopping before the console was ready" in text):
            return  # the signal landed where this case says
    pytest.fail(f"in 5 starts the signal never landed {'early' if early else 'late'}")


def test_it_writes_windows_paths_as_on_windows_and_the_console_reads_them_as_written(tmp_path: Path) -> None:
    machine = tmp_path / "operator-console.ini"
    # Notepad: a byte-order mark, backslashes, a comment
    machine.write_text(
        "\ufeff; 1022\n[server]\nca_bundle=C:\\ProgramData\\1022\\city-ca.pem\n", encoding="utf-8"
    )
    settings = S.Settings(
        QSettings(str(tmp_path / "user.ini"), QSettings.Format.IniFormat), S.MachineConfig.read(machine)
    )
    assert settings.get(S.CA_BUNDLE) == "C:\\ProgramData\\1022\\city-ca.pem"


def test_a_value_the_user_never_chose_stays_it_s_to_change(tmp_path: Path, machine_file: Path) -> None:
    """Logging in to IT's server, or saving the dialog with IT's values in it, pins nothing: when
    IT moves the server, every workstation follows."""
    user = QSettings(str(tmp_path / "user.ini"), QSettings.Format.IniFormat)
    settings = S.Settings(user, S.MachineConfig.read(machine_file))
    settings.keep(S.SERVER_URL, "https://tongdai1022.hcmc.example")  # what a login does
    assert not settings.user_set(S.SERVER_URL)
    settings.keep(S.SERVER_URL, "https://test.hcmc.example")  # the user's own choice
    assert settings.get(S.SERVER_URL) == "https://test.hcmc.example"
    settings.keep(S.SERVER_URL, "https://tongdai1022.hcmc.example")  # back to IT's: forgotten
    assert not settings.user_set(S.SERVER_URL)
    machine_file.write_text(machine_file.read_text().replace("tongdai1022", "tongdai1022-moi"))
    moved = S.Settings(user, S.MachineConfig.read(machine_file))
    assert moved.get(S.SERVER_URL) == "https://tongdai1022-moi.hcmc.example"


def test_settings_saved_by_the_old_console_do_not_hide_the_machines_server(
    tmp_path: Path, machine_file: Path
) -> None:
    user = QSettings(str(tmp_path / "user.ini"), QSettings.Format.IniFormat)
    user.setValue("settings/version", 1)
    user.setValue(S.SERVER_URL.key, "")  # the first release's dialog wrote it on every save
    user.setValue(S.FONT_SIZE.key, 14)
    settings = S.Settings(user, S.MachineConfig.read(machine_file))
    assert settings.get(S.SERVER_URL) == "https://tongdai1022.hcmc.example"
    assert settings.get(S.FONT_SIZE) == 14


def test_saving_the_font_size_writes_nothing_else(
    machine_file: Path, open_console: OpenConsole, qtbot: QtBot, tmp_path: Path
) -> None:
    # IT wrote the level in lower case and a timeout above what the dialog offers (300 s).
    text = machine_file.read_text(encoding="utf-8").replace("level=WARNING", "level=warning")
    machine_file.write_text(text.replace("replica_days=30", "replica_days=30\nread_timeout_s=600"))
    console = open_console(machine_file)
    dialog = SettingsDialog(console.settings, console.window)
    dialog.ui.fontSpin.setValue(15)
    dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    user_file = (tmp_path / "user.ini").read_text(encoding="utf-8")
    assert "font_size=15" in user_file
    for pinned in ("level", "read_timeout_s", "url", "proxy", "ca_bundle", "replica_days"):
        assert pinned not in user_file


def _wait_until_it_answers(folder: Path, process: subprocess.Popen[bytes]) -> None:
    """Until the console's event loop runs (the window's, or a message box's): only a running loop
    answers a second start's message. Asked from here, so that no second console starts."""
    import time

    from operator_console.gui.shell.single_instance import Handover, hand_over, socket_name

    deadline = time.monotonic() + 120
    while hand_over(socket_name(folder / "data"), {"activate": True}) is not Handover.DELIVERED:
        assert process.poll() is None and time.monotonic() < deadline


def test_a_console_that_cannot_start_leaves_a_report_for_it(tmp_path: Path, qapp: QApplication) -> None:
    """A store this user cannot open (here a folder where the file should be): moving it aside would
    not help, so the console says it cannot start, on screen and in a crash report without personal
    data, and deletes nothing."""
    data = tmp_path / "data"
    store = data / "console.sqlite3"
    store.mkdir(parents=True)
    (store / "Tran Thi Bich Ngoc 0389123456.txt").write_text("kept", encoding="utf-8")
    console = _start_console(tmp_path)
    try:
        _wait_until_it_answers(tmp_path, console)  # the message box's loop: it waits for OK
        reports = list((data / "crash").glob("crash-*.txt"))  # written before the box shows
    finally:
        console.kill()
        console.wait()
    assert len(reports) == 1
    report = reports[0].read_text(encoding="utf-8")
    assert "OperationalError" in report and "build_console" in report
    assert "Tran" not in report and "0389" not in report
    assert "the console could not start" in (data / "logs" / "console.log").read_text(encoding="utf-8")
    assert [p.name for p in store.iterdir()] == ["Tran Thi Bich Ngoc 0389123456.txt"]
    assert not list(data.glob("*.unusable-*"))


def test_a_store_that_is_not_a_database_is_kept_aside_and_the_console_starts(
    tmp_path: Path, qapp: QApplication
) -> None:
    """A disk fault made the store unreadable: the console starts on a fresh store, with the old one
    kept aside as it was, and the log says so without a caller's details."""
    import signal

    data = tmp_path / "data"
    data.mkdir()
    damaged = b"Tran Thi Bich Ngoc 0389123456 " * 200
    (data / "console.sqlite3").write_bytes(damaged)
    console = _start_console(tmp_path)
    try:
        _wait_until_it_answers(tmp_path, console)
        console.send_signal(signal.SIGTERM)
        assert console.wait(timeout=60) == 0
    finally:
        console.kill()
        console.wait()
    (kept,) = data.glob("console.sqlite3.unusable-*")
    assert (kept / "console.sqlite3").read_bytes() == damaged
    log = (data / "logs" / "console.log").read_text(encoding="utf-8")
    assert "could not be opened (SQLITE_NOTADB): kept aside" in log and "0389" not in log
    assert not list((data / "crash").glob("crash-*.txt"))
    assert (data / "console.sqlite3").stat().st_size > 0  # the fresh store


def test_a_machine_file_written_loosely_still_applies_and_locks(tmp_path: Path) -> None:
    """What QSettings used to accept: a key given twice (the last wins), capitalised sections,
    quoted values."""
    machine = tmp_path / "operator-console.ini"
    machine.write_text(
        '[Server]\nurl=https://old.example\nurl=https://tongdai1022.hcmc.example\n[Policy]\nlocked="true"\n',
        encoding="utf-8",
    )
    user = QSettings(str(tmp_path / "user.ini"), QSettings.Format.IniFormat)
    user.setValue(S.SERVER_URL.key, "https://elsewhere.example")
    settings = S.Settings(user, S.MachineConfig.read(machine))
    assert settings.locked_by_it
    assert settings.get(S.SERVER_URL) == "https://tongdai1022.hcmc.example"


def test_a_console_killed_outright_brings_the_call_back_at_the_next_start(tmp_path: Path) -> None:
    """The windowed console itself, killed with SIGKILL (a power cut, the task manager) while a
    call is in its form: the next start has the call back. The call comes by caller ID (the one
    way to put text into another process's window without a display)."""
    import signal
    import time

    log = tmp_path / "data" / "logs" / "console.log"

    def wait_for(predicate: Callable[[], bool], process: subprocess.Popen[bytes]) -> None:
        deadline = time.monotonic() + 60
        while not predicate():
            assert process.poll() is None and time.monotonic() < deadline
            time.sleep(0.1)

    console = _start_console(tmp_path)
    try:
        wait_for(lambda: log.exists() and "starting" in log.read_text(encoding="utf-8"), console)
        handed = subprocess.run(
            [sys.executable, "-m", "operator_console.gui.shell.main", "--incoming-call", "0389 123 456"],
            env=isolated_env(tmp_path),
            timeout=60,
            check=False,
        )
        assert handed.returncode == 0  # the running console took the number
        draft = tmp_path / "data" / "console.draft.json"
        wait_for(lambda: draft.exists() and "0389" in draft.read_text(encoding="utf-8"), console)
    finally:
        console.send_signal(signal.SIGKILL)
        console.wait(timeout=60)
    again = _start_console(tmp_path)
    try:
        wait_for(lambda: "is back in the form" in log.read_text(encoding="utf-8"), again)
        assert "0389" in draft.read_text(encoding="utf-8")
    finally:
        again.send_signal(signal.SIGTERM)
        again.wait(timeout=60)


def test_the_window_says_the_store_was_kept_aside_lists_its_unsent_cases_and_takes_calls(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    """A store an earlier release left whose upgrade fails at every start: the operator reads that
    nothing was deleted and the unsent cases IT must see to, Enter closes, and the next call goes
    into the fresh store."""
    import shutil
    import sqlite3
    from contextlib import closing

    from PySide6.QtCore import Qt

    from operator_console.gui.shell.store_set_aside_dialog import StoreSetAsideDialog

    path = tmp_path / "console.sqlite3"
    shutil.copyfile(Path(__file__).parent / "fixtures" / "previous_release" / "console.sqlite3", path)
    with closing(sqlite3.connect(path)) as db:  # what an interrupted, non-transactional 0007 left
        db.execute("CREATE INDEX ix_cases_former_ward ON cases (former_ward_code)")
        db.commit()
    user = QSettings(str(tmp_path / "user.ini"), QSettings.Format.IniFormat)
    console = build_console(qapp, path, user, "vi")
    qtbot.addWidget(console.window)
    try:
        window = console.window
        window.show()
        qtbot.waitUntil(lambda: window.findChild(StoreSetAsideDialog) is not None)
        dialog = window.findChild(StoreSetAsideDialog)
        assert dialog is not None
        qtbot.waitUntil(dialog.isVisible)
        assert console.set_aside is not None and dialog.list.count() == 8
        said = dialog.findChildren(QLabel)[0].text()
        assert said.startswith("Không mở được kho hồ sơ của máy này (không đưa được lên phiên bản này; ")
        assert str(console.set_aside.folder) in dialog.findChildren(QLabel)[0].text()
        assert "để riêng" in window.saved_banner.text()
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.isVisible())
        ui = window.form.ui
        qtbot.waitUntil(lambda: window.focusWidget() is ui.phoneEdit)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # the keys are the window's again
        assert console.store.count_cases() == 0  # the fresh store
        qtbot.keyClicks(ui.phoneEdit, "0909 123 456")
        ui.categoryCombo.setCurrentIndex(ui.categoryCombo.findData("essential_supplies"))
        qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: console.store.count_cases() == 1)
    finally:
        console.shutdown()
        for translator in qapp.findChildren(QTranslator):
            qapp.removeTranslator(translator)
