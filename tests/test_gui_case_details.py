"""A case opened in full on a console without a server: what it knows, and a call back to the
citizen recorded there, kept until a server takes it (the server's side: tests/server)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from operator_console.domain.case import CallOutcome
from operator_console.domain.gazetteer import default_gazetteer
from operator_console.domain.intake import CaseDraft, build_case
from operator_console.domain.taxonomy import default_taxonomy
from operator_console.gui.shell.app import Console
from operator_console.store.case_store import case_record
from tests.keys import type_text
from tests.test_gui_intake import console, save_call  # noqa: F401  (the fixture)


def test_a_call_back_made_without_a_server_is_kept_and_shown_waiting(console: Console, qtbot: QtBot) -> None:  # noqa: F811
    save_call(console, qtbot, "0903 444 555", "Lý Thị Tám", wardEdit="Phường Sài Gòn")
    case = console.store.list_cases()[0]
    console.window.open_case(case.id)
    viewer = console.window.case_viewer
    qtbot.waitUntil(lambda: viewer.details is not None and viewer.details.isVisible())
    details = viewer.details
    assert details is not None
    text = details.ui.details.toPlainText
    assert "Máy này làm việc không có máy chủ" in text()
    assert details.callback_button.text() == "Ghi cuộc &gọi lại…"

    details.callback_button.click()
    qtbot.waitUntil(lambda: viewer.callback is not None and viewer.callback.isVisible())
    dialog = viewer.callback
    assert dialog is not None and dialog.focusWidget() is dialog.choices[0]
    # Esc: back to the case, nothing recorded.
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert console.store.changes_of(case.id) == []

    details.callback_button.click()
    qtbot.waitUntil(
        lambda: viewer.callback is not dialog and viewer.callback is not None and viewer.callback.isVisible()
    )
    again = viewer.callback
    assert again is not None
    qtbot.keyClick(again.focusWidget(), Qt.Key.Key_2)
    type_text(qtbot, again.note, "Không nghe máy")
    qtbot.keyClick(again.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(console.store.changes_of(case.id)) == 1)
    ((change, state, _error),) = console.store.changes_of(case.id)
    assert (
        change.callback is CallOutcome.NOT_REACHED and change.note == "Không nghe máy" and state == "waiting"
    )
    qtbot.waitUntil(lambda: "Gọi lại: Không liên lạc được — Không nghe máy (chờ gửi)" in text())
    assert console.window.statusBar().currentMessage() == f"Đã ghi cuộc gọi lại vào hồ sơ {case.reference}."


def test_a_case_imported_from_a_file_takes_no_call_back(console: Console, qtbot: QtBot) -> None:  # noqa: F811
    """An imported case is history from elsewhere: it never goes to the server, so a call back
    recorded on it could never be sent; the button says why instead."""
    now = datetime.now(UTC)
    draft = CaseDraft(
        caller_name="Đỗ Văn Chín", ward="Phường Sài Gòn", category="essential_supplies", external_id="F-1"
    )
    case = build_case(draft, gazetteer=default_gazetteer(), taxonomy=default_taxonomy(), now=now)
    with console.store.bulk_import() as bulk:
        bulk.add([case_record(case, now)])
    console.window.open_case(case.id)
    viewer = console.window.case_viewer
    qtbot.waitUntil(lambda: viewer.details is not None and viewer.details.isVisible())
    details = viewer.details
    assert details is not None
    assert not details.callback_button.isEnabled()
    assert (
        details.callback_button.toolTip()
        == "Hồ sơ này không lên máy chủ (nhập từ tệp, hoặc bị máy chủ từ chối)."
    )
