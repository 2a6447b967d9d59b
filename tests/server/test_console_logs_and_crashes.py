"""What the console leaves on disk for IT (log files, crash reports) says what happened, and never
what a caller said; an unexpected error keeps the call and the queue, and the operator goes on.

The window is driven with the keyboard against the real server on 127.0.0.1; the "unexpected
error" is a real exception raised in a slot of the running event loop, as a bug would."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from operator_console.domain.text import fold
from operator_console.gui.shell.crash_guard import CrashGuard
from operator_console.logs import close_logging, setup_logging
from tests.keyring_stand_in import MemoryKeyring
from tests.keys import type_text
from tests.server.harness import Server
from tests.server.test_console_window import (
    WAIT_MS,
    Open,
    desk_server,
    enter_a_call,
    online_console,
    open_console,
    save,
)

__all__ = ["desk_server", "open_console"]  # the fixtures, shared with the window tests

pytestmark = [pytest.mark.gui, pytest.mark.qt_no_exception_capture]

PHONE = "0389 456 721"
NAME = "Trần Thị Bích Ngọc"
ADDRESS = "45/12 Nguyễn Thiện Thuật"
DESCRIPTION = "Cụ bà Hoàng Thị Xuân 82 tuổi sống một mình, hết gạo từ hôm qua"
SECOND_PHONE = "0912 777 408"
SECOND_NAME = "Lương Văn Khởi"


def _forbidden() -> list[str]:
    """Every form in which the callers' details could appear in a file."""
    words: list[str] = []
    for phone in (PHONE, SECOND_PHONE):
        digits = phone.replace(" ", "")
        words += [digits, digits[1:], "84" + digits[1:], phone]
    for text in (NAME, ADDRESS, DESCRIPTION, SECOND_NAME):
        words.append(text)
        words.append(fold(text))
        words += [w for w in text.split() if len(w) > 3 and not w.isdigit()]
        words += [
            w for w in fold(text).split() if len(w) > 3 and not w.isdigit() and w not in ("tuoi", "from")
        ]
    return sorted(set(words))


def _files(data: Path) -> dict[Path, str]:
    return {
        path: path.read_text(encoding="utf-8", errors="replace")
        for folder in ("logs", "crash")
        for path in sorted((data / folder).glob("*"))
        if path.is_file()
    }


def test_the_logs_and_a_crash_report_hold_no_callers_details_and_the_call_survives_the_error(
    desk_server: Server, open_console: Open, qtbot: QtBot, keyring_stand_in: MemoryKeyring
) -> None:
    data = Path(os.environ["OPERATOR_CONSOLE_DATA"])
    setup_logging(data, "DEBUG")  # the most talkative level IT can set
    try:
        console = online_console(desk_server, open_console, qtbot, keyring_stand_in)
        window, ui = console.window, console.window.form.ui
        guard = CrashGuard(data, window.keep_draft_now, lambda: window)
        guard.install()
        try:
            # A whole call, saved and sent.
            enter_a_call(qtbot, console, PHONE, NAME)
            ui.addressEdit.setFocus()
            type_text(qtbot, ui.addressEdit, ADDRESS)
            ui.descriptionEdit.setFocus()
            type_text(qtbot, ui.descriptionEdit, DESCRIPTION)
            save(qtbot, console)
            qtbot.waitUntil(lambda: window.saved_banner.text().startswith("Đã gửi"), timeout=WAIT_MS)
            saved = console.store.list_cases(limit=1)[0]

            # The next call is being typed when a bug raises, with the caller's details in its message.
            enter_a_call(qtbot, console, SECOND_PHONE, SECOND_NAME)

            def buggy_slot() -> None:
                raise ValueError(f"cannot handle {SECOND_PHONE} of {SECOND_NAME} at {ADDRESS}")

            QTimer.singleShot(0, buggy_slot)
            qtbot.waitUntil(lambda: guard.dialog is not None and guard.dialog.isVisible(), timeout=WAIT_MS)
            dialog = guard.dialog
            assert dialog is not None
            text = dialog.message
            assert "Không có gì bị mất" in text and "crash-" in text
            assert dialog.focusWidget() is dialog.continue_button

            # The call being typed is on disk at once (a restart would bring it back).
            draft = console.drafts.path
            qtbot.waitUntil(draft.exists, timeout=WAIT_MS)
            assert SECOND_NAME in draft.read_text(encoding="utf-8")

            # A bug that repeats while the dialog is open is counted there, not stacked.
            QTimer.singleShot(0, buggy_slot)
            qtbot.waitUntil(lambda: "2 lần" in dialog.message, timeout=WAIT_MS)

            # Enter: carry on with the call; it is all there, and it saves.
            qtbot.keyClick(dialog, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: guard.dialog is None, timeout=WAIT_MS)
            assert ui.callerNameEdit.text() == SECOND_NAME
            save(qtbot, console)
            qtbot.waitUntil(lambda: console.store.count_cases() == 2, timeout=WAIT_MS)
        finally:
            guard.uninstall()
    finally:
        close_logging()

    files = _files(data)
    log_text = files[data / "logs" / "console.log"]
    # The log tells IT what happened...
    assert f"case {saved.id} saved here" in log_text
    assert f"sent case {saved.id}" in log_text
    assert "unexpected error in MainThread" in log_text and "ValueError" in log_text
    reports = [path for path in files if path.parent.name == "crash"]
    assert len(reports) == 2
    assert "test_console_logs_and_crashes.py" in files[reports[0]]  # where it failed
    # ...and nothing a caller said, in any spelling.
    for path, text in files.items():
        folded = fold(text)
        for secret in _forbidden():
            assert secret not in text and fold(secret) not in folded, f"{secret!r} in {path.name}"
    # Readable by the user only.
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
