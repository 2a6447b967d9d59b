"""The operator's window, driven with the keyboard as an operator would, on a real store file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from operator_console.gui.actions import ACTIONS
from operator_console.gui.app import Console, build_console
from operator_console.store.case_store import CaseStore
from tests.keys import compose_with_input_method, type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def console(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> Iterator[Console]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    built = build_console(qapp, tmp_path / "console.sqlite3", settings, "vi")
    qtbot.addWidget(built.window)
    built.window.show()
    qtbot.waitExposed(built.window)
    _window[:] = [built.window]
    yield built
    _window.clear()
    built.shutdown()
    for translator in qapp.findChildren(__import__("PySide6.QtCore").QtCore.QTranslator):
        qapp.removeTranslator(translator)


_window: list[QWidget] = []


def focused() -> QWidget | None:
    """Where the cursor is in the console's window (offscreen, a popup can take the app's activation)."""
    return _window[0].focusWidget() if _window else QApplication.focusWidget()


def test_the_cursor_starts_in_the_phone_field(console: Console) -> None:
    assert focused() is console.window.form.ui.phoneEdit


def test_the_phone_field_shows_the_number_it_understood_as_you_type(console: Console, qtbot: QtBot) -> None:
    ui = console.window.form.ui
    qtbot.keyClicks(ui.phoneEdit, "0168 912")
    assert ui.phoneHint.text() == "…"  # still typing: not an error yet
    qtbot.keyClicks(ui.phoneEdit, " 3456")
    assert ui.phoneHint.text() == "✓ 0389 123 456 (số cũ 01689123456)"
    ui.phoneEdit.clear()
    qtbot.keyClicks(ui.phoneEdit, "0201234567")
    assert "Đầu số «020»" in ui.phoneHint.text()


def test_enter_moves_to_the_next_field(console: Console, qtbot: QtBot) -> None:
    ui = console.window.form.ui
    qtbot.keyClicks(ui.phoneEdit, "0389123456")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert focused() is ui.callerNameEdit
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert focused() is ui.relationCombo
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert focused() is ui.subjectNameEdit


def test_a_whole_call_entered_with_the_keyboard_is_saved_and_the_form_is_ready_again(
    console: Console, qtbot: QtBot
) -> None:
    window, ui = console.window, console.window.form.ui
    qtbot.keyClicks(focused(), "0909 123 456")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    type_text(qtbot, focused(), "Trần Văn Bình")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # relation: family → neighbour
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    type_text(qtbot, focused(), "Bà Lê Thị Mai")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    type_text(qtbot, focused(), "hẻm 12/3/45 Lê Văn Sỹ")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.keyClicks(focused(), "P.5 Q.8")
    assert "Phường Chánh Hưng" in ui.wardHint.text()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert focused() is ui.categoryCombo
    qtbot.keyClicks(focused(), "1")  # the digit key picks the category
    assert ui.categoryCombo.currentData() == "essential_supplies"
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.keyClicks(focused(), "1")  # household size
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert focused() is ui.noFoodCheck
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert ui.loneElderlyCheck.isChecked()
    assert ui.priorityHint.text() == "đề xuất: Rất khẩn"
    qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.cases.rowCount() == 1)
    assert window.saved_banner.text().startswith("Đã lưu: hồ sơ ")
    assert ui.phoneEdit.text() == "" and ui.subjectNameEdit.text() == ""
    assert focused() is ui.phoneEdit
    stored = console.store.list_cases()[0]
    assert stored.name == "Bà Lê Thị Mai" and stored.phone == "0909 123 456"
    model = window.cases
    row = [model.data(model.index(0, col)) for col in range(model.columnCount())]
    assert row[2:5] == ["Bà Lê Thị Mai", "0909 123 456", "Phường Chánh Hưng"]
    assert row[6:] == ["Chờ gửi", "Rất khẩn"]


def test_a_wrong_field_shows_its_error_beside_it_and_nothing_is_lost(console: Console, qtbot: QtBot) -> None:
    window, ui = console.window, console.window.form.ui
    qtbot.keyClicks(ui.phoneEdit, "0389123456")
    ui.householdEdit.setFocus()
    type_text(qtbot, ui.householdEdit, "không")
    qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert ui.categoryError.isVisible() and ui.categoryError.text() == "Chưa chọn lĩnh vực."
    assert ui.householdError.isVisible() and "số nguyên dương" in ui.householdError.text()
    assert focused() is ui.categoryCombo  # the first field in error
    assert ui.phoneEdit.text() == "0389123456"
    assert console.store.count_cases() == 0


def test_vietnamese_typed_in_any_normal_form_is_stored_as_nfc(console: Console, qtbot: QtBot) -> None:
    import unicodedata

    ui = console.window.form.ui
    type_text(qtbot, ui.callerNameEdit, unicodedata.normalize("NFD", "Nguyễn Thị Ánh Tuyết"))
    ui.categoryCombo.setCurrentIndex(ui.categoryCombo.findData("other"))
    qtbot.keyClick(console.window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: console.store.count_cases() == 1)
    assert console.store.list_cases()[0].name == "Nguyễn Thị Ánh Tuyết"


def test_escape_clears_the_form(console: Console, qtbot: QtBot) -> None:
    ui = console.window.form.ui
    qtbot.keyClicks(ui.phoneEdit, "0389123456")
    qtbot.keyClick(ui.phoneEdit, Qt.Key.Key_Escape)
    assert ui.phoneEdit.text() == ""


def test_no_two_commands_share_a_key() -> None:
    keys = [QKeySequence(k).toString() for spec in ACTIONS for k in spec.keys]
    assert len(keys) == len(set(keys)), keys


def test_no_two_controls_of_the_window_share_a_mnemonic(console: Console) -> None:
    """Alt+letter must reach one field only, in Vietnamese as in English."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    letters: dict[str, str] = {}
    texts = [w.text() for w in console.window.findChildren(QLabel) if w.buddy() is not None]
    texts += [w.text() for w in console.window.findChildren(QAbstractButton)]
    texts += [
        m.title()
        for m in console.window.menuBar().findChildren(__import__("PySide6.QtWidgets").QtWidgets.QMenu)
    ]
    for text in texts:
        if "&" in text.replace("&&", ""):
            letter = text[text.index("&") + 1].lower()
            assert letter not in letters, f"{text!r} and {letters[letter]!r} share Alt+{letter}"
            letters[letter] = text


def test_saving_keeps_a_case_in_a_store_another_console_can_open(
    console: Console, qtbot: QtBot, tmp_path: Path
) -> None:
    ui = console.window.form.ui
    qtbot.keyClicks(ui.phoneEdit, "0389123456")
    ui.categoryCombo.setCurrentIndex(ui.categoryCombo.findData("covid19"))
    qtbot.keyClick(console.window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: console.window.cases.rowCount() == 1)
    other = CaseStore(tmp_path / "console.sqlite3")
    assert other.count_cases() == 1
    other.close()


def test_the_form_does_not_fight_a_telex_input_method(console: Console, qtbot: QtBot) -> None:
    """While the input method shows pre-edit text nothing is checked or moved; the commit lands as typed."""
    ui = console.window.form.ui
    ui.callerNameEdit.setFocus()
    type_text(qtbot, ui.callerNameEdit, "Tr")
    compose_with_input_method(ui.callerNameEdit, ["a", "aa", "aan", "aanf"], "ần")
    assert ui.callerNameEdit.text() == "Trần"
    assert focused() is ui.callerNameEdit


def test_input_method_pre_edit_in_the_phone_and_ward_fields_is_left_alone(
    console: Console, qtbot: QtBot
) -> None:
    """The phone hint and the ward completion react to committed text only, never to pre-edit text."""
    ui = console.window.form.ui
    qtbot.keyClicks(ui.phoneEdit, "0389 123 456")
    compose_with_input_method(ui.phoneEdit, ["a"], "")  # a Telex key pressed in the wrong field
    assert ui.phoneEdit.text() == "0389 123 456" and ui.phoneHint.text() == "✓ 0389 123 456"
    ui.wardEdit.setFocus()
    type_text(qtbot, ui.wardEdit, "Bến Th")
    compose_with_input_method(ui.wardEdit, ["a", "aa", "aan", "aanh", "aanhf"], "ành")
    assert ui.wardEdit.text() == "Bến Thành"
    assert ui.wardHint.text() == "✓ Phường Bến Thành"
    assert focused() is ui.wardEdit


def test_the_call_is_timed_from_the_first_key_to_the_save(console: Console, qtbot: QtBot) -> None:
    ui = console.window.form.ui
    assert console.window.form.draft().received_at is None
    qtbot.keyClicks(ui.phoneEdit, "0389123456")
    started = console.window.form.draft().received_at
    assert started is not None
    ui.categoryCombo.setCurrentIndex(ui.categoryCombo.findData("other"))
    qtbot.keyClick(console.window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: console.store.count_cases() == 1)
    case = console.store.get_case(console.store.list_cases()[0].id)
    assert case is not None and case.received_at == started and case.call_duration_s is not None
    assert console.window.form.draft().received_at is None  # the next call starts afresh


def test_two_cases_saved_one_after_the_other_have_different_references(
    console: Console, qtbot: QtBot
) -> None:
    window, ui = console.window, console.window.form.ui
    banners = []
    for phone in ("0389123456", "0909123456"):
        qtbot.keyClicks(ui.phoneEdit, phone)
        ui.categoryCombo.setCurrentIndex(ui.categoryCombo.findData("other"))
        qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: ui.phoneEdit.text() == "")
        banners.append(window.saved_banner.text())
    assert banners[0] != banners[1]
    qtbot.waitUntil(lambda: window.cases.rowCount() == 2)
    shown = {window.cases.data(window.cases.index(row, 1)) for row in range(2)}
    assert {b.rsplit(" ", 1)[-1] for b in banners} == shown
