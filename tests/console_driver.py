"""The real console (``operator_console.gui.shell.main.main``, the ``operator-console`` command) with a
hand on its keyboard: once the window's event loop runs, the driver does what an operator would do
for the chosen scenario, then prints ``state: …`` so that a test (or ``benchmarks/bench_stop.py``)
knows where the console is before it signals it.

    python -m tests.console_driver SCENARIO [console options]

Scenarios:

- ``idle``: the window up, the cursor in the phone field.
- ``dialog``: F1, the keys' sheet: a modal dialog runs its own event loop (``exec()``).
- ``login``: a server configured (the test's, in the machine file) and no token kept: the console
  asks for a login at start; the driver types a password and presses Enter, and the login
  request goes to the server.
- ``syncing``: a token kept for that server: the sync worker and the account's role ask it at once.
- ``hung-stop``: the stop itself never ends (as on a network share that stopped answering).

The OS keyring cannot run here (no Secret Service on a headless machine): the in-memory stand-in
of ``tests/keyring_stand_in.py`` takes its place, as in the other tests. Nothing else is faked.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable

import keyring
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from operator_console.client.credentials import SERVICE
from operator_console.gui.shell import main as entry
from operator_console.gui.shell import settings as S
from operator_console.gui.shell.app import Console
from operator_console.gui.shell.login_dialog import LoginDialog
from operator_console.gui.shell.main_window import MainWindow
from tests.keyring_stand_in import MemoryKeyring

SERVER_ENV = "CONSOLE_DRIVER_SERVER"  # the server's address (login, syncing)
USER = "operator1"


def say(state: str) -> None:
    print(f"state: {state}", flush=True)


def when(condition: Callable[[], bool], then: Callable[[], None]) -> None:
    """``then`` once ``condition`` holds, checked from the event loop (never a fixed wait)."""
    if condition():
        then()
    else:
        QTimer.singleShot(10, lambda: when(condition, then))


def open_keys_sheet(window: MainWindow) -> None:
    # Reported from inside the dialog's own loop: the report runs only once exec() is running.
    when(
        lambda: isinstance(QApplication.activeModalWidget(), QDialog),
        lambda: say(f"dialog open ({type(QApplication.activeModalWidget()).__name__})"),
    )
    keys = next(a for a in window.findChildren(QAction) if a.shortcut().toString() == "F1")
    keys.trigger()


def log_in(_window: MainWindow) -> None:
    def login_dialog() -> LoginDialog | None:
        return next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog) and w.isVisible()),
            None,
        )

    def type_password() -> None:
        dialog = login_dialog()
        assert dialog is not None
        dialog.ui.usernameEdit.setText(USER)
        password: QLineEdit = dialog.ui.passwordEdit
        password.setFocus()
        QTest.keyClicks(password, "demo1022")
        QTest.keyClick(password, Qt.Key.Key_Return)
        say("login sent")

    when(lambda: login_dialog() is not None, type_password)


def guarded(act: Callable[[MainWindow], None], window: MainWindow) -> None:
    """A driver that fails says so at once (the test fails then, not at its ceiling)."""
    try:
        act(window)
    except Exception as error:
        say(f"driver failed: {error!r}")
        raise


def hang_the_stop() -> None:
    def shutdown(_console: Console) -> None:
        say("stopping")
        threading.Event().wait()  # never set

    Console.shutdown = shutdown  # type: ignore[method-assign, assignment]


def main() -> int:
    scenario, argv = sys.argv[1], sys.argv[2:]
    stand_in = MemoryKeyring()
    keyring.set_keyring(stand_in)
    server = os.environ.get(SERVER_ENV, "")
    if scenario == "syncing":
        stand_in.set_password(SERVICE, f"{server}|{USER}", "a-token-the-server-never-checks")
        user = S.user_settings()  # the account logged in to last time
        user.setValue(S.SERVER_USER.key, USER)
        user.sync()
    actions: dict[str, Callable[[MainWindow], None]] = {
        "idle": lambda window: when(
            lambda: window.focusWidget() is window.form.ui.phoneEdit, lambda: say("window up")
        ),
        "dialog": open_keys_sheet,
        "login": log_in,
        "syncing": lambda _window: say("window up"),
        "hung-stop": lambda _window: say("window up"),
    }
    act = actions[scenario]
    if scenario == "hung-stop":
        hang_the_stop()
    shown = MainWindow.show

    def show(window: MainWindow) -> None:
        shown(window)
        QTimer.singleShot(0, lambda: guarded(act, window))

    MainWindow.show = show  # type: ignore[method-assign, assignment]
    return entry.main(argv)


if __name__ == "__main__":
    sys.exit(main())
